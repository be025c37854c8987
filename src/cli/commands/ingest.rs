//! `actes ingest`: reads one conference document and prints its proposals, texts, citations and what it could not settle.

use actes::catalogue::Catalogue;
use actes::reader;
use actes::render::{document, final_acts};

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Read a conference document and print what it contains
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// The document to read: text (UTF-8 with or without BOM, or Windows-1252), Word (.docx), or
    /// Final Acts in Akoma Ntoso XML (each recognised by its content)
    pub file: std::path::PathBuf,
    /// Print only what the reader could not settle, with its line
    #[arg(long)]
    pub uncertain: bool,
}

/// Whether a file starts as XML does (`<?xml`, or an element, after a BOM and white space).
fn looks_like_xml(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<?xml") || (text.starts_with('<') && !text.starts_with("<<"))
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
    repo::require_format("ingest", config)?;
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|error| {
        CommandError::bad_input(UnreadableFile {
            file: name.clone(),
            error,
        })
    })?;
    // The conference catalogue of the sources in use, when there is one, tells which meetings
    // the revision marks name (of the citations, and of Final Acts).
    let catalogue = match &config.sources {
        Ok(sources) if sources.join("conferences.csv").is_file() => {
            Catalogue::load(&sources.join("conferences.csv")).map_err(CommandError::bad_input)?
        }
        _ => Catalogue::default(),
    };
    if reader::akn::looks_like_akn(&bytes) {
        let acts = reader::akn::read_final_acts(&name, &bytes, &catalogue)
            .map_err(CommandError::bad_input)?;
        return match (config.format, args.uncertain) {
            (Format::Json, false) => out.write_json(&acts),
            (Format::Json, true) => out.write_json(&final_acts::findings(&acts)),
            (_, false) => out.write_str(&final_acts::final_acts_text(&acts)),
            (_, true) => out.write_str(&final_acts::findings_text(&acts)),
        };
    }
    if looks_like_xml(&bytes) {
        // Not Akoma Ntoso: read it anyway to say what it is, with its line.
        return Err(CommandError::bad_input(
            reader::akn::read_final_acts(&name, &bytes, &catalogue)
                .err()
                .unwrap_or_else(|| reader::ReadError {
                    file: name.clone(),
                    line: 1,
                    expected: "an Akoma Ntoso file (root `akomaNtoso`) or a proposals text".into(),
                    found: "another kind of XML".into(),
                }),
        ));
    }
    let meetings = reader::citations::Meetings::from_conferences(catalogue.conferences());
    let document = reader::read_any_document_with(&name, &bytes, &meetings)
        .map_err(CommandError::bad_input)?;
    match (config.format, args.uncertain) {
        (Format::Json, false) => out.write_json(&document),
        (Format::Json, true) => out.write_json(&document::unsettled(&document)),
        (_, false) => out.write_str(&document::document_text(&document)),
        (_, true) => out.write_str(&document::unsettled_text(&document)),
    }
}
