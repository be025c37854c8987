//! `actes graph`: the lineage as DOT or Mermaid, to draw with standard tools.

use super::{CommandError, Config, Output};

/// Print the lineage graph as DOT or Mermaid
#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Only this instrument and what it touches
    pub instrument: Option<String>,
}

pub fn cmd_graph(
    _config: &Config,
    _args: &GraphArgs,
    _out: &mut Output,
) -> Result<(), CommandError> {
    Err(CommandError::failure(
        "`actes graph` is not implemented yet",
    ))
}
