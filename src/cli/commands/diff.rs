//! `actes diff`: a word-level redline between two versions of an instrument.

use super::{CommandError, Config, Output};

/// Show what changed in an instrument between two versions
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`
    pub instrument: String,
    /// The earlier version: a conference or a proposal; default: the one before TO
    pub from: Option<String>,
    /// The later version: a conference or a proposal; default: the last change
    pub to: Option<String>,
    /// The language of the text
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

pub fn cmd_diff(_config: &Config, _args: &DiffArgs, _out: &mut Output) -> Result<(), CommandError> {
    Err(CommandError::failure("`actes diff` is not implemented yet"))
}
