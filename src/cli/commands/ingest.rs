//! `actes ingest`: reads one conference document and prints its proposals, texts, citations and what it could not settle.

use super::{CommandError, Config, Output};

/// Read a conference document and print what it contains
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// The document to read (UTF-8 with or without BOM, or Windows-1252)
    pub file: std::path::PathBuf,
    /// Print only what the reader could not settle, with its line
    #[arg(long)]
    pub uncertain: bool,
}

pub fn cmd_ingest(
    _config: &Config,
    _args: &IngestArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes ingest` is not implemented yet",
    ))
}
