//! `actes suppressed`: what was suppressed (abrogated) where and when, with its evidence.

use super::{CommandError, Config, Output};

/// List suppressed instruments, or when one was suppressed
#[derive(Debug, clap::Args)]
pub struct SuppressedArgs {
    /// Only this instrument
    pub instrument: Option<String>,
    /// Only what this conference suppressed
    #[arg(long)]
    pub at: Option<String>,
}

pub fn cmd_suppressed(
    _config: &Config,
    _args: &SuppressedArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes suppressed` is not implemented yet",
    ))
}
