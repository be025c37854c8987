//! `actes log`: lists the conference commits of the history with their dates and summaries.

use super::{CommandError, Config, Output};

/// List the conferences in the history, oldest first
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// Show the proposal refs too
    #[arg(long)]
    pub proposals: bool,
}

pub fn cmd_log(_config: &Config, _args: &LogArgs, _out: &mut Output) -> Result<(), CommandError> {
    Err(CommandError::failure("`actes log` is not implemented yet"))
}
