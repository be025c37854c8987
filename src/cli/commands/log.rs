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
    repo::require_format("log", config, &[Format::Text, Format::Json])?;
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
    let mut text = String::new();
    for c in history.conferences() {
        let name = c
            .conference
            .as_ref()
            .map_or_else(|| "?".to_string(), |id| id.0.clone());
        text.push_str(&format!(
            "{}  {:<18} {}  {}\n",
            c.date,
            name,
            repo::short(&c.id),
            c.summary
        ));
    }
    for r in proposals.iter().flatten() {
        let base = r
            .base_conference
            .as_ref()
            .map_or_else(|| "no base".to_string(), |c| format!("on {c}"));
        text.push_str(&format!(
            "\n{} ({base}; proposals, not outcomes)\n",
            r.reference
        ));
        for c in &r.commits {
            text.push_str(&format!(
                "  {}  {:<16} {}  {}\n",
                c.date,
                c.proposal.as_deref().unwrap_or("?"),
                repo::short(&c.id),
                c.summary
            ));
        }
    }
    out.write_str(&text)
}
