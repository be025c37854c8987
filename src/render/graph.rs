//! Graph drawings: nodes with a shape, edges with a label and a style, written as Graphviz DOT
//! or as a Mermaid flowchart.

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
