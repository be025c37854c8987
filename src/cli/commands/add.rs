//! `actes add`: copies a document into the sources folder and registers it in `documents.csv`.

use std::path::PathBuf;

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Add a document to the sources folder and register it
///
/// Copies FILE (a proposals text, or a conference's Final Acts in Akoma Ntoso) into
/// `documents/<conference>/` of the sources folder (`--sources`) and adds its row to
/// `documents.csv`, with its kind, conference, document number and language as the file says
/// them. Where the file does not say its conference, pass `--conference`. Nothing is written
/// when anything is wrong. Keep third-party files in a sources folder of your own (a copy of
/// `history/` outside the project): `actes --sources ~/my-sources add FILE`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The document: a proposals text, or Final Acts in Akoma Ntoso (.xml)
    pub file: PathBuf,
    /// The conference (`dubai-2018`, `PP-18`, `2018`), where the file does not say it
    #[arg(long)]
    pub conference: Option<String>,
}

pub fn cmd_add(config: &Config, args: &AddArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("add", config)?;
    let sources = config.sources.clone().map_err(CommandError::bad_input)?;
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file)
        .map_err(|e| CommandError::bad_input(format!("{name}: cannot read: {e}")))?;
    let added = actes::corpus::add::add(&sources, &name, &bytes, args.conference.as_deref())
        .map_err(|e| match e {
            actes::corpus::add::AddError::Io { .. } => CommandError::failure(e),
            other => CommandError::bad_input(other),
        })?;
    if config.format == Format::Json {
        return out.write_json(&added);
    }
    out.write_str(&format!(
        "Added {} as {} of {}{} in `{}`; documents.csv line {}.\n",
        added.file,
        added.kind,
        added.conference,
        added
            .document
            .as_deref()
            .map_or_else(String::new, |d| format!(", document {d}")),
        added.language.code(),
        added.line
    ))
}
