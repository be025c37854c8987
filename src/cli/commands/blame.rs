//! `actes blame`: credits each paragraph of a text to the conference, and the proposal, that brought in its wording.

use super::{CommandError, Config, Output};

/// Show which conference brought in each paragraph of an instrument
#[derive(Debug, clap::Args)]
pub struct BlameArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`
    pub instrument: String,
    /// The version to explain: a conference or a proposal (`B/67/4`); default: the latest
    #[arg(long)]
    pub at: Option<String>,
    /// The language of the text
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

pub fn cmd_blame(
    _config: &Config,
    _args: &BlameArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes blame` is not implemented yet",
    ))
}
