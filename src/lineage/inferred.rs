//! The lineage's inferred links, which rest on comparing texts rather than on any record: a
//! proposal to the adopted version it shows in, a draft to the new instrument it most likely
//! became, an abrogated instrument to the new one that took over from it (`succeeded by`). They
//! are computed above the lineage (`fate`, which reads the texts) and handed back here so that
//! `lineage`, `table`, `suppressed` and `graph` show them beside the recorded edges, always as
//! inferred, with their score.

use serde::Serialize;

use crate::model::{ConferenceId, EvidenceKind, InstrumentId, ProposalId};
use crate::outcome::Confidence;

/// What an inferred link says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InferredLink {
    pub relation: InferredRelation,
    /// The proposal the link starts from (none for `succeeded by`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
    pub from: InstrumentId,
    pub to: InstrumentId,
    pub conference: ConferenceId,
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
