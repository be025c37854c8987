//! `actes graph`: the lineage as DOT or Mermaid, to draw with standard tools.

use actes::render::graph;

use super::lineage::{bad, load_lineage, parse_optional_instrument};
use super::{CommandError, Config, Output};
use crate::cli::Format;

/// Print the lineage graph as DOT or Mermaid
#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Only this instrument and what it touches
    pub instrument: Option<String>,
}

pub fn cmd_graph(config: &Config, args: &GraphArgs, out: &mut Output) -> Result<(), CommandError> {
    super::repo::require_format("graph", config)?;
    let instrument = parse_optional_instrument(args.instrument.as_deref())?;
    let lineage = load_lineage(config, None)?;
    let view = lineage.graph_view(instrument.as_ref()).map_err(bad)?;
    match config.format {
        Format::Json => out.write_json(&view),
        Format::Mermaid => out.write_str(&graph::to_mermaid(&graph::diagram(&view))),
        // DOT is the default drawing, also for `--format text`.
        _ => out.write_str(&graph::to_dot(&graph::diagram(&view), "lineage")),
    }
}
