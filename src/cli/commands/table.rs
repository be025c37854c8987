//! `actes table`: the "Rév." lineage table: instruments by conference.

use super::{CommandError, Config, Output};

/// Print the lineage table of instruments by conference
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// Only instruments of this body (`pp`, `wtdc`, ...)
    #[arg(long)]
    pub body: Option<String>,
    /// The first conference to show
    #[arg(long)]
    pub from: Option<String>,
    /// The last conference to show
    #[arg(long)]
    pub to: Option<String>,
}

pub fn cmd_table(
    _config: &Config,
    _args: &TableArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes table` is not implemented yet",
    ))
}
