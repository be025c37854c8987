//! `actes outcome`: what became of a proposal (`B/67/4`) or of every proposal of a document
//! (`67`): what the conference did with its target, and how much of it shows in the adopted text.

use actes::fate::{self, FateError};

use super::{CommandError, Config, Output};
use crate::cli::Format;

/// Say what became of a proposal, or of every proposal of a document
#[derive(Debug, clap::Args)]
pub struct OutcomeArgs {
    /// A proposal (`B/67/4`) or a document number (`67`) for all of its proposals
    pub proposal: String,
}

pub fn cmd_outcome(
    config: &Config,
    args: &OutcomeArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    super::repo::require_format("outcome", config)?;
    let history = super::repo::open(config)?;
    let report = fate::outcome(&history, &args.proposal).map_err(|e| match e {
        FateError::BadQuery(_) | FateError::NotFound { .. } => CommandError::bad_input(e),
        FateError::Read(_) => CommandError::failure(e),
    })?;
    match config.format {
        Format::Json => out.write_json(&report),
        Format::Markdown => out.write_str(&actes::render::outcome::outcome_markdown(&report)),
        _ => out.write_str(&actes::render::outcome::outcome_text(&report)),
    }
}

/// The history's inferred links (what `lineage`, `table`, `suppressed` and `graph` show beside
/// the recorded edges). The callers have made sure the history is built and current.
pub(super) fn inferred_links(
    config: &Config,
) -> Result<Vec<actes::lineage::InferredLink>, CommandError> {
    let history =
        actes::history::read::History::open(&config.repo).map_err(CommandError::failure)?;
    fate::cached_inferred_links(&history).map_err(CommandError::failure)
}
