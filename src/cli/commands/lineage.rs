//! `actes lineage`: the chain of versions of one instrument, with the evidence of each step.

use super::{CommandError, Config, Output};

/// Trace the versions of an instrument from conference to conference
#[derive(Debug, clap::Args)]
pub struct LineageArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`
    pub instrument: String,
}

pub fn cmd_lineage(
    _config: &Config,
    _args: &LineageArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes lineage` is not implemented yet",
    ))
}
