//! `actes search`: finds the versions that contain a phrase, and where it came and went.

use super::{CommandError, Config, Output};

/// Find the versions that contain a phrase
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The phrase; case, accents and spacing are ignored
    pub phrase: String,
    /// Only instruments of this body
    #[arg(long)]
    pub body: Option<String>,
}

pub fn cmd_search(
    _config: &Config,
    _args: &SearchArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes search` is not implemented yet",
    ))
}
