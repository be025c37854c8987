//! `actes cites` and `actes cited-by`: citations between instrument versions, pinned to the cited
//! version and flagged when it was superseded or suppressed at the time of the citing text.

use super::{CommandError, Config, Output};

/// List what an instrument cites
#[derive(Debug, clap::Args)]
pub struct CitesArgs {
    /// The citing instrument
    pub instrument: String,
    /// The version of the citing instrument: a conference or a proposal; default: every version
    #[arg(long)]
    pub at: Option<String>,
}

/// List what cites an instrument
#[derive(Debug, clap::Args)]
pub struct CitedByArgs {
    /// The cited instrument
    pub instrument: String,
}

pub fn cmd_cites(
    _config: &Config,
    _args: &CitesArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes cites` is not implemented yet",
    ))
}

pub fn cmd_cited_by(
    _config: &Config,
    _args: &CitedByArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes cited-by` is not implemented yet",
    ))
}
