//! `actes ingest`: reads one conference document and prints its proposals, texts, citations and what it could not settle.

use actes::reader;
use actes::render::document;

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Read a conference document and print what it contains
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// The document to read: text (UTF-8 with or without BOM, or Windows-1252) or Word (.docx)
    pub file: std::path::PathBuf,
    /// Print only what the reader could not settle, with its line
    #[arg(long)]
    pub uncertain: bool,
}

/// A cannot-read error that names the file.
#[derive(Debug, thiserror::Error)]
#[error("{file}: cannot read the file: {error}")]
struct UnreadableFile {
    file: String,
    error: std::io::Error,
}

pub fn cmd_ingest(
    config: &Config,
    args: &IngestArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    repo::require_format("ingest", config, &[Format::Text, Format::Json])?;
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|error| {
        CommandError::bad_input(UnreadableFile {
            file: name.clone(),
            error,
        })
    })?;
    let document = reader::read_any_document(&name, &bytes).map_err(CommandError::bad_input)?;
    match (config.format, args.uncertain) {
        (Format::Json, false) => out.write_json(&document),
        (Format::Json, true) => out.write_json(&document::unsettled(&document)),
        (_, false) => out.write_str(&document::document_text(&document)),
        (_, true) => out.write_str(&document::unsettled_text(&document)),
    }
}
