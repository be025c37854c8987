//! `actes graph`: the lineage as DOT or Mermaid, to draw with standard tools.

use actes::lineage::inferred::extend_view;
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
    let mut view = lineage.graph_view(instrument.as_ref()).map_err(bad)?;
    let links = super::outcome::inferred_links(config)?;
    let edges = extend_view(&mut view, &links, |c| lineage.conference_label(c));
    let drawing = || {
        let mut d = graph::diagram(&view);
        actes::render::outcome::add_inferred_edges(&mut d, &edges);
        d
    };
    match config.format {
        Format::Json => out.write_json(&InferredView {
            report: &view,
            inferred: edges.iter().collect(),
        }),
        Format::Mermaid => out.write_str(&graph::to_mermaid(&drawing())),
        // DOT is the default drawing, also for `--format text`.
        _ => out.write_str(&graph::to_dot(&drawing(), "lineage")),
    }
}

/// The graph view with its inferred edges (left out when there is none).
#[derive(serde::Serialize)]
struct InferredView<'a> {
    #[serde(flatten)]
    report: &'a actes::lineage::query::GraphView,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    inferred: Vec<&'a actes::lineage::inferred::InferredEdge>,
}
