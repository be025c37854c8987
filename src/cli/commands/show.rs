//! `actes show`: prints an instrument's text as it stood after a conference, or says why there is none.

use super::{CommandError, Config, Output};

/// Print an instrument as it stood after a conference
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`, `wtdc res 69`
    pub instrument: String,
    /// The conference (`dubai-2018`, `Busan 2014`, `pp-14`, `2014`) or a proposal (`B/67/4`); default: the latest
    #[arg(long)]
    pub at: Option<String>,
    /// The language of the text
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

pub fn cmd_show(_config: &Config, _args: &ShowArgs, _out: &mut Output) -> Result<(), CommandError> {
    Err(CommandError::failure("`actes show` is not implemented yet"))
}
