//! Graph drawings: nodes with a shape, edges with a label and a style, written as Graphviz DOT
//! or as a Mermaid flowchart; [`diagram`] draws the lineage graph view (`actes graph`).

use crate::lineage::query::{GraphEdge, GraphView, NodeKind};
use crate::lineage::Relation;
use crate::model::{EvidenceKind, Status};

/// How a node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Box,
    Ellipse,
    /// An ellipse with a dashed outline: inferred or proposed.
    Dashed,
    Note,
}

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeStyle {
    Solid,
    Dashed,
    Dotted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagramNode {
    pub id: String,
    pub label: String,
    pub shape: Shape,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagramEdge {
    pub from: String,
    pub to: String,
    pub label: String,
    pub style: EdgeStyle,
}

/// Nodes and edges to draw, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
}

/// How to read a drawing, as a comment at its top.
const LEGEND: &str = "boxes: conferences; ellipses: versions (dashed: inferred or proposed); \
notes: proposals; solid edges: stated by a source; other edges: inferred (so labelled) or \
proposed, not an outcome";

fn dot_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Graphviz DOT.
pub fn to_dot(diagram: &Diagram, name: &str) -> String {
    let mut out = format!(
        "digraph {} {{\n  // {LEGEND}\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n",
        dot_quote(name)
    );
    for n in &diagram.nodes {
        let attrs = match n.shape {
            Shape::Box => "shape=box",
            Shape::Ellipse => "shape=ellipse",
            Shape::Dashed => "shape=ellipse, style=dashed",
            Shape::Note => "shape=note",
        };
        out.push_str(&format!(
            "  {} [label={}, {attrs}];\n",
            dot_quote(&n.id),
            dot_quote(&n.label)
        ));
    }
    for e in &diagram.edges {
        let style = match e.style {
            EdgeStyle::Solid => "solid",
            EdgeStyle::Dashed => "dashed",
            EdgeStyle::Dotted => "dotted",
        };
        out.push_str(&format!(
            "  {} -> {} [label={}, style={style}];\n",
            dot_quote(&e.from),
            dot_quote(&e.to),
            dot_quote(&e.label)
        ));
    }
    out.push_str("}\n");
    out
}

/// A Mermaid flowchart. Node ids are numbered (`n0`, `n1`, ...) since Mermaid ids cannot hold
/// every character; labels are quoted with `#quot;` for double quotes.
pub fn to_mermaid(diagram: &Diagram) -> String {
    let index: std::collections::BTreeMap<&str, usize> = diagram
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let label = |s: &str| s.replace('"', "#quot;");
    let mut out = format!("flowchart LR\n  %% {LEGEND}\n");
    for (i, n) in diagram.nodes.iter().enumerate() {
        let l = label(&n.label);
        let shape = match n.shape {
            Shape::Box => format!("n{i}[\"{l}\"]"),
            Shape::Ellipse | Shape::Dashed => format!("n{i}([\"{l}\"])"),
            Shape::Note => format!("n{i}>\"{l}\"]"),
        };
        out.push_str(&format!("  {shape}\n"));
    }
    for e in &diagram.edges {
        let (Some(a), Some(b)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) else {
            continue;
        };
        let arrow = match e.style {
            EdgeStyle::Solid => "-->",
            EdgeStyle::Dashed | EdgeStyle::Dotted => "-.->",
        };
        out.push_str(&format!("  n{a} {arrow}|\"{}\"| n{b}\n", label(&e.label)));
    }
    for (i, n) in diagram.nodes.iter().enumerate() {
        if n.shape == Shape::Dashed {
            out.push_str(&format!("  style n{i} stroke-dasharray: 5 5\n"));
        }
    }
    out
}

/// A lineage graph view as a drawing for the DOT and Mermaid renderers.
pub fn diagram(view: &GraphView) -> Diagram {
    let proposed_versions: std::collections::BTreeSet<&str> = view
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::ProposedVersion)
        .map(|n| n.id.as_str())
        .collect();
    // An edge reads from its tail to its head: a proposal proposes a version (MOD, ADD) or
    // targets the version in force (SUP, NOC).
    // Edges not stated by a source say so in their label.
    let label = |e: &GraphEdge| {
        let words = match e.relation {
            Relation::ProposedBy if proposed_versions.contains(e.to.as_str()) => "proposes",
            Relation::ProposedBy => "targets",
            other => other.words(),
        };
        match e.kind {
            EvidenceKind::Inferred => format!("{words} (inferred)"),
            EvidenceKind::Proposed if e.relation != Relation::ProposedBy => {
                format!("{words} (proposed)")
            }
            _ => words.to_string(),
        }
    };
    Diagram {
        nodes: view
            .nodes
            .iter()
            .map(|n| DiagramNode {
                id: n.id.clone(),
                label: n.label.clone(),
                shape: match n.kind {
                    NodeKind::Conference => Shape::Box,
                    NodeKind::Proposal => Shape::Note,
                    NodeKind::ProposedVersion => Shape::Dashed,
                    _ if n.status == Some(Status::Inferred) => Shape::Dashed,
                    _ => Shape::Ellipse,
                },
            })
            .collect(),
        edges: view
            .edges
            .iter()
            .map(|e| DiagramEdge {
                from: e.from.clone(),
                to: e.to.clone(),
                label: label(e),
                style: match e.kind {
                    EvidenceKind::Stated => EdgeStyle::Solid,
                    EvidenceKind::Proposed => EdgeStyle::Dotted,
                    EvidenceKind::Inferred => EdgeStyle::Dashed,
                },
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_and_mermaid_draw_nodes_and_edges() {
        let d = Diagram {
            nodes: vec![
                DiagramNode {
                    id: "a".into(),
                    label: "Res \"130\"".into(),
                    shape: Shape::Ellipse,
                },
                DiagramNode {
                    id: "b".into(),
                    label: "Busan, 2014".into(),
                    shape: Shape::Box,
                },
            ],
            edges: vec![DiagramEdge {
                from: "a".into(),
                to: "b".into(),
                label: "revised at".into(),
                style: EdgeStyle::Dashed,
            }],
        };
        let dot = to_dot(&d, "lineage");
        assert!(dot.contains("\"a\" [label=\"Res \\\"130\\\"\", shape=ellipse];"));
        assert!(dot.contains("\"a\" -> \"b\" [label=\"revised at\", style=dashed];"));
        let mermaid = to_mermaid(&d);
        assert!(mermaid.contains("n0([\"Res #quot;130#quot;\"])"));
        assert!(mermaid.contains("n0 -.->|\"revised at\"| n1"));
    }
}
