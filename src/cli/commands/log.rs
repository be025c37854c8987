//! `actes log`: lists the conference commits of the history with their dates and summaries.

use serde::Serialize;

use actes::history::read::{CommitInfo, ProposalRef};

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// List the conferences in the history, oldest first
///
/// Builds the history from the sources first if the repository does not exist yet.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// Show the proposal refs too (proposals, not outcomes)
    #[arg(long)]
    pub proposals: bool,
}

#[derive(Serialize)]
struct LogJson<'a> {
    conferences: &'a [CommitInfo],
    #[serde(skip_serializing_if = "Option::is_none")]
    proposals: Option<Vec<ProposalRef>>,
}

pub fn cmd_log(config: &Config, args: &LogArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("log", config)?;
    let history = repo::open(config)?;
    let proposals = if args.proposals {
        Some(history.proposal_refs().map_err(CommandError::failure)?)
    } else {
        None
    };
    if config.format == Format::Json {
        return out.write_json(&LogJson {
            conferences: history.conferences(),
            proposals,
        });
    }
    out.write_str(&actes::render::history::log_text(
        history.conferences(),
        proposals.as_deref(),
    ))
}
