//! `actes graph`: the lineage graph (or one instrument's part of it) as nodes and edges.

use super::*;

/// `actes graph [RES]`: nodes and edges, ready for DOT, Mermaid or JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphView {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphNode {
    /// A stable id: `conf:pp-2018-dubai`, `v:pp/resolution/130@pp-2014-busan`, `p:B/67/4`.
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    pub status: Option<Status>,
}

/// What a node of the graph view stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    Conference,
    /// A version of an instrument after a conference.
    Version,
    /// A version as a proposal would make it: not an outcome.
    ProposedVersion,
    Proposal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    pub kind: EvidenceKind,
    pub evidence: Vec<Evidence>,
}

impl Lineage {
    fn node_id(&self, node: &Node) -> String {
        match node {
            Node::Conference(c) => format!("conf:{}", c.id),
            Node::Version(v) => match &v.proposal {
                Some(p) => format!("v:{}@{p}", v.instrument.tree_dir()),
                None => format!("v:{}@{}", v.instrument.tree_dir(), v.conference),
            },
            Node::Proposal(p) => format!("p:{}", p.id),
        }
    }

    /// The whole graph, or an instrument's versions with their conferences, proposals and the
    /// versions they cite or are cited by.
    pub fn graph_view(&self, instrument: Option<&InstrumentId>) -> Result<GraphView, QueryError> {
        if let Some(i) = instrument {
            self.require(i)?;
        }
        let mut keep: std::collections::BTreeSet<petgraph::stable_graph::NodeIndex> =
            std::collections::BTreeSet::new();
        let mut edges_kept = std::collections::BTreeSet::new();
        match instrument {
            None => {
                // Conferences that nothing touches (a catalogue conference about which the
                // history knows nothing) are left out of the drawing.
                keep.extend(self.graph.node_indices().filter(|&n| {
                    !matches!(self.graph[n], Node::Conference(_))
                        || self.graph.neighbors_undirected(n).next().is_some()
                }));
                edges_kept.extend(self.graph.edge_indices());
            }
            Some(i) => {
                for &n in self.all_versions(i) {
                    keep.insert(n);
                    for dir in [Direction::Outgoing, Direction::Incoming] {
                        for e in self.graph.edges_directed(n, dir) {
                            keep.insert(e.source());
                            keep.insert(e.target());
                            edges_kept.insert(e.id());
                        }
                    }
                }
            }
        }
        let mut nodes: Vec<GraphNode> = keep
            .iter()
            .map(|&n| {
                let node = &self.graph[n];
                let (kind, label, status) = match node {
                    Node::Conference(c) => (NodeKind::Conference, c.label(), None),
                    Node::Version(v) => (
                        if v.proposal.is_some() {
                            NodeKind::ProposedVersion
                        } else {
                            NodeKind::Version
                        },
                        match (&v.proposal, &v.revision) {
                            (Some(p), _) => {
                                format!("{} as proposed by {p}", instrument_name(&v.instrument))
                            }
                            (None, Some(r)) => format!("{} ({r})", instrument_name(&v.instrument)),
                            (None, None) => format!(
                                "{} at {}",
                                instrument_name(&v.instrument),
                                self.conference_label(&v.conference)
                            ),
                        },
                        Some(v.status),
                    ),
                    Node::Proposal(p) => (
                        NodeKind::Proposal,
                        format!("{} {} {}", p.action, p.id, instrument_name(&p.target)),
                        Some(Status::Proposed),
                    ),
                };
                GraphNode {
                    id: self.node_id(node),
                    kind,
                    label,
                    status,
                }
            })
            .collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let mut edges: Vec<GraphEdge> = edges_kept
            .iter()
            .filter_map(|&e| {
                let (a, b) = self.graph.edge_endpoints(e)?;
                let w = &self.graph[e];
                Some(GraphEdge {
                    from: self.node_id(&self.graph[a]),
                    to: self.node_id(&self.graph[b]),
                    relation: w.relation,
                    kind: w.kind,
                    evidence: w.evidence.clone(),
                })
            })
            .collect();
        edges.sort_by(|a, b| (&a.from, &a.to, a.relation).cmp(&(&b.from, &b.to, b.relation)));
        edges.dedup_by(|a, b| a.from == b.from && a.to == b.to && a.relation == b.relation);
        Ok(GraphView { nodes, edges })
    }
}
