//! `actes build`: builds the git history of the corpus from the sources.

use super::{CommandError, Config, Output};

/// Build the git history from the sources
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Rebuild even when the history is already up to date with the sources
    #[arg(long)]
    pub force: bool,
}

pub fn cmd_build(
    _config: &Config,
    _args: &BuildArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes build` is not implemented yet",
    ))
}
