//! `actes in-force`: the instruments known to be in force after a conference.

use super::{CommandError, Config, Output};

/// List the instruments known to be in force after a conference
#[derive(Debug, clap::Args)]
pub struct InForceArgs {
    /// The conference; default: the latest
    #[arg(long)]
    pub at: Option<String>,
}

pub fn cmd_in_force(
    _config: &Config,
    _args: &InForceArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes in-force` is not implemented yet",
    ))
}
