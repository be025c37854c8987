//! The points of the history a text can stand at: a conference commit on `main` or a proposal
//! commit on its proposal ref, named and qualified from the commit's trailers. Blame and search
//! both speak of versions through these.

use serde::Serialize;

use super::layout::trailer;
use super::read::CommitInfo;
use crate::model::Status;

/// Whether a point of the history is a conference's outcome or a proposal to a conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PointKind {
    /// A conference commit on `main`: what the conference adopted (or carried over).
    Conference,
    /// A proposal commit on a proposal ref: put forward, never an outcome.
    Proposal,
}

/// One point of the history at which a text may stand: a conference or a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionPoint {
    /// The conference id (`pp-2014-busan`) or the proposal id (`B/67/4`).
    pub name: String,
    pub kind: PointKind,
    /// `adopted` for a conference's outcome a source states, `proposed` for a proposal,
    /// `inferred` where the corpus deduced it.
    pub status: Status,
    /// The conference this point belongs to (for a proposal, the conference it was made to).
    pub conference: Option<String>,
    /// The git ref the point lies on (`refs/heads/main`, `refs/proposals/pp-2018-dubai/67`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The commit id, in hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

impl VersionPoint {
    /// A conference point with no git coordinates, for tests and hand-made sequences.
    pub fn conference(name: impl Into<String>) -> Self {
        let name = name.into();
        VersionPoint {
            conference: Some(name.clone()),
            name,
            kind: PointKind::Conference,
            status: Status::Adopted,
            reference: None,
            commit: None,
        }
    }

    /// A proposal point with no git coordinates, for tests and hand-made sequences.
    pub fn proposal(name: impl Into<String>, conference: impl Into<String>) -> Self {
        VersionPoint {
            name: name.into(),
            kind: PointKind::Proposal,
            status: Status::Proposed,
            conference: Some(conference.into()),
            reference: None,
            commit: None,
        }
    }

    /// `true` for a proposal, or any point whose status is not an adopted outcome.
    pub fn is_proposed(&self) -> bool {
        self.kind == PointKind::Proposal || self.status == Status::Proposed
    }
}

/// The point of the history a commit stands for.
pub fn point_of(commit: &CommitInfo, on_main: bool, reference: &str) -> VersionPoint {
    let status_trailer = commit.trailer(trailer::STATUS).map(str::to_ascii_lowercase);
    let (name, kind, status) = if on_main {
        let status = match status_trailer.as_deref() {
            Some("proposed") => Status::Proposed,
            Some("inferred") => Status::Inferred,
            _ => Status::Adopted,
        };
        let name = commit
            .conference
            .as_ref()
            .map(|c| c.0.clone())
            .or_else(|| commit.tag.clone())
            .unwrap_or_else(|| commit.id.to_string());
        (name, PointKind::Conference, status)
    } else {
        let name = commit
            .proposal
            .clone()
            .unwrap_or_else(|| commit.id.to_string());
        (name, PointKind::Proposal, Status::Proposed)
    };
    VersionPoint {
        name,
        kind,
        status,
        conference: commit.conference.as_ref().map(|c| c.0.clone()),
        reference: Some(reference.to_string()),
        commit: Some(commit.id.to_string()),
    }
}
