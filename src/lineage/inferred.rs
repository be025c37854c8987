//! The lineage's inferred links, which rest on comparing texts rather than on any record: a
//! proposal to the adopted version it shows in, a draft to the new instrument it most likely
//! became, an abrogated instrument to the new one that took over from it (`succeeded by`). They
//! are computed above the lineage (`fate`, which reads the texts) and handed back here so that
//! `lineage`, `table`, `suppressed` and `graph` show them beside the recorded edges, always as
//! inferred, with their score.

use serde::{Deserialize, Serialize};

use super::query::{instrument_name, GraphNode, GraphView, NodeKind};
use crate::model::{ConferenceId, EvidenceKind, InstrumentId, ProposalId, Status};
use crate::outcome::Confidence;

/// What an inferred link says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InferredRelation {
    /// A proposal's changes show (in part) in the version the conference adopted.
    ShowsIn,
    /// A draft most likely became this new instrument.
    Became,
    /// An abrogated instrument was most likely taken over by this new one.
    SucceededBy,
}

impl InferredRelation {
    /// The relation in words: `shows in`, `became`, `succeeded by`.
    pub fn words(self) -> &'static str {
        match self {
            InferredRelation::ShowsIn => "shows in",
            InferredRelation::Became => "became",
            InferredRelation::SucceededBy => "succeeded by",
        }
    }
}

/// One inferred link, with its score and the anchors it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InferredLink {
    pub relation: InferredRelation,
    /// The proposal the link starts from (none for `succeeded by`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
    pub from: InstrumentId,
    pub to: InstrumentId,
    pub conference: ConferenceId,
    /// `Dubai, 2018`.
    pub conference_label: String,
    /// The matcher's score, in [0, 1].
    pub score: f64,
    pub confidence: Confidence,
    /// The strongest anchors it rests on, as written.
    pub anchors: Vec<String>,
}

impl InferredLink {
    /// Always inferred.
    pub fn kind(&self) -> EvidenceKind {
        EvidenceKind::Inferred
    }
}

/// The links that concern an instrument (from it or to it), in the order given.
pub fn links_of<'a>(links: &'a [InferredLink], instrument: &InstrumentId) -> Vec<&'a InferredLink> {
    links
        .iter()
        .filter(|l| &l.from == instrument || &l.to == instrument)
        .collect()
}

/// A report with the inferred links that concern it, serialized as the report's own fields plus
/// `inferred` (left out when there is none, so that the report's JSON is unchanged without).
#[derive(Debug, Clone, Serialize)]
pub struct WithInferred<'a, T: Serialize> {
    #[serde(flatten)]
    pub report: &'a T,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<&'a InferredLink>,
}

/// An inferred link drawn in the graph view, between two of its node ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InferredEdge {
    pub from: String,
    pub to: String,
    pub relation: InferredRelation,
    /// Always `inferred`.
    pub kind: EvidenceKind,
    pub score: f64,
    pub confidence: Confidence,
}

/// The graph view's id of an instrument's version after a conference, as
/// `Lineage::graph_view` writes it (`v:pp/resolution/130@pp-2018-dubai`).
fn version_id(instrument: &InstrumentId, conference: &ConferenceId) -> String {
    format!("v:{}@{}", instrument.tree_dir(), conference)
}

/// The node a link starts from in the view: the proposal (`p:B/67/4`) for a proposal's link;
/// for `succeeded by`, the abrogated instrument's last version in the view before the
/// conference (the latest conference of the view's nodes of that instrument, not proposed).
fn from_id(view: &GraphView, link: &InferredLink) -> Option<String> {
    if let Some(p) = &link.proposal {
        let id = format!("p:{p}");
        return view.nodes.iter().any(|n| n.id == id).then_some(id);
    }
    let prefix = format!("v:{}@", link.from.tree_dir());
    view.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Version && n.id.starts_with(&prefix))
        .map(|n| n.id.clone())
        .next_back()
}

/// Adds the inferred links that touch the view's nodes to it: the node at the far end when
/// the view does not hold it (a view of one instrument), and an edge each, returned apart
/// since the view's own edges carry the recorded relations only.
pub fn extend_view(
    view: &mut GraphView,
    links: &[InferredLink],
    conference_label: impl Fn(&ConferenceId) -> String,
) -> Vec<InferredEdge> {
    let mut edges = Vec::new();
    for link in links {
        let Some(from) = from_id(view, link) else {
            continue;
        };
        let to = version_id(&link.to, &link.conference);
        if !view.nodes.iter().any(|n| n.id == to) {
            view.nodes.push(GraphNode {
                id: to.clone(),
                kind: NodeKind::Version,
                label: format!(
                    "{} at {}",
                    instrument_name(&link.to),
                    conference_label(&link.conference)
                ),
                status: Some(Status::Adopted),
            });
        }
        edges.push(InferredEdge {
            from,
            to,
            relation: link.relation,
            kind: EvidenceKind::Inferred,
            score: link.score,
            confidence: link.confidence,
        });
    }
    view.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    edges
}
