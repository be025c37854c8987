//! The historians' queries on the lineage graph: the chain of versions of an instrument, the
//! lineage table, what was suppressed, what is in force, what cites what, and the graph itself.
//!
//! Each query returns plain data (serde `Serialize`); `crate::render` turns it into text, Markdown,
//! CSV, HTML, DOT or Mermaid. A proposal is never shown as an outcome: its step says what the
//! conference did to its target, and whether that settles the proposal's fate.

use std::collections::BTreeMap;

use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use super::{slug, Edge, Lineage, Node, Relation, VersionNode};
use crate::catalogue::ResolveError;
use crate::model::{Action, ProposalId};
use crate::model::{
    Body, Citation, Completeness, ConferenceId, Event, Evidence, EvidenceKind, InstrumentId,
    Language, Revision, Side, Status,
};

/// Why a query could not answer.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QueryError {
    /// The instrument is not in the history.
    #[error("{0} is not in the history")]
    UnknownInstrument(String),
    /// No conference answers to the name.
    #[error("no conference answers to `{0}`; expected an id (`pp-2018-dubai`), a place and year (`Dubai 2018`), an alias (`pp-18`) or a year")]
    UnknownConference(String),
    /// Several conferences answer to the name.
    #[error("`{name}` could be any of: {candidates}; say which")]
    AmbiguousConference { name: String, candidates: String },
    /// The conference is after the last (or before the first) that the sources speak of.
    #[error("the sources say nothing about {asked}; the {which} they cover is {bound}")]
    OutsideSources {
        asked: String,
        /// `latest` or `earliest`.
        which: &'static str,
        bound: String,
    },
}

/// The name of an instrument as a heading: `Resolution 130 (PP)`, `Resolution 69 (WTDC)`.
pub fn instrument_name(id: &InstrumentId) -> String {
    let kind = id.kind.code();
    let mut kind_cap = kind[..1].to_uppercase();
    kind_cap.push_str(&kind[1..]);
    let draft = if id.number.is_none() { "draft " } else { "" };
    if draft.is_empty() {
        format!(
            "{kind_cap} {} ({})",
            id.designation(),
            id.body.code().to_uppercase()
        )
    } else {
        format!(
            "{draft}{kind} {} ({})",
            id.designation(),
            id.body.code().to_uppercase()
        )
    }
}

/// The name of an instrument within its body's table: `Resolution 130`, `Draft resolution
/// [B-1]`.
pub fn instrument_short_name(id: &InstrumentId) -> String {
    let kind = id.kind.code();
    let name = if id.number.is_none() {
        format!("draft {kind} {}", id.designation())
    } else {
        format!("{kind} {}", id.designation())
    };
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

impl Lineage {
    /// The conference that a name designates: an id, a place and year in any language and case
    /// (`Dubaï 2018`, `DUBAÏ, 2018`, `dubai-2018`), an alias (`pp-18`) or a year alone. The
    /// catalogue's conferences resolve through [`Catalogue::resolve`](crate::catalogue::Catalogue::resolve)
    /// and win; only a name that fits none of them is looked for among the conferences known
    /// from revision marks (`wtdc buenos aires 2017`).
    pub fn resolve_conference(&self, name: &str) -> Result<ConferenceId, QueryError> {
        match self.catalogue.resolve(name) {
            Ok(c) if self.conferences.contains_key(&c.id) => return Ok(c.id.clone()),
            Ok(_) | Err(ResolveError::NotFound { .. }) | Err(ResolveError::Empty) => {}
            Err(ResolveError::Ambiguous { candidates, .. }) => {
                return Err(QueryError::AmbiguousConference {
                    name: name.to_string(),
                    candidates: candidates.join(", "),
                })
            }
        }
        self.resolve_from_marks(name)
    }

    /// Resolves a name among the conferences known only from revision marks.
    fn resolve_from_marks(&self, name: &str) -> Result<ConferenceId, QueryError> {
        let wanted = slug(name);
        let tokens: Vec<&str> = wanted.split('-').filter(|t| !t.is_empty()).collect();
        if tokens.is_empty() {
            return Err(QueryError::UnknownConference(name.to_string()));
        }
        let mut matches: Vec<&ConferenceId> = Vec::new();
        for id in &self.chronology {
            let Some(c) = self.conference(id).filter(|c| !c.in_catalogue) else {
                continue;
            };
            if id.0 == wanted || c.names.iter().any(|n| n == &wanted) {
                return Ok(id.clone());
            }
            let mut own: Vec<&str> = id.0.split('-').collect();
            let year = c.year.to_string();
            own.push(&year);
            own.extend(c.names.iter().flat_map(|n| n.split('-')));
            if tokens.iter().all(|t| own.contains(t)) {
                matches.push(id);
            }
        }
        match matches.as_slice() {
            [] => Err(QueryError::UnknownConference(name.to_string())),
            [id] => Ok((*id).clone()),
            _ => Err(QueryError::AmbiguousConference {
                name: name.to_string(),
                candidates: matches
                    .iter()
                    .map(|id| id.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    fn require(&self, instrument: &InstrumentId) -> Result<(), QueryError> {
        if self.knows(instrument) {
            Ok(())
        } else {
            Err(QueryError::UnknownInstrument(instrument_name(instrument)))
        }
    }

    /// The title of an instrument: the latest that an event or a version gives, English first.
    pub fn title_of(&self, instrument: &InstrumentId) -> Option<String> {
        self.title_from(instrument, &self.events_of(instrument), usize::MAX)
    }

    /// The title of an instrument as it stood at a conference: the latest that an event or an
    /// adopted version at or before that conference gives (a later revision's title, such as
    /// "Strategic plan for the Union for 2020-2023", never stands for an earlier version).
    pub fn title_as_of(&self, instrument: &InstrumentId, at: &ConferenceId) -> Option<String> {
        self.title_from(instrument, &self.events_of(instrument), self.position(at))
    }

    /// The latest title that an event or a version at or before conference position `limit`
    /// gives, with the instrument's events already gathered; proposals' titles only when nothing
    /// else gives one.
    fn title_from(
        &self,
        instrument: &InstrumentId,
        events: &[(petgraph::stable_graph::EdgeIndex, &Edge)],
        limit: usize,
    ) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        for (_, e) in events {
            if let (Some(t), Some(c)) = (&e.title, &e.conference) {
                // A suppression names the title of the version it ended, in force before it.
                let position = match e.relation {
                    Relation::SuppressedAt => 0,
                    _ => self.position(c),
                };
                if !t.trim().is_empty() && position <= limit {
                    best = Some((position, t.clone()));
                }
            }
        }
        if let Some((_, t)) = best {
            return Some(t);
        }
        let mut versions: Vec<&VersionNode> = self
            .all_versions(instrument)
            .iter()
            .filter_map(|&n| self.version_at(n))
            .filter(|v| self.position(&v.conference) <= limit)
            .collect();
        versions.sort_by_key(|v| {
            (
                v.proposal.is_some(),
                std::cmp::Reverse(self.position(&v.conference)),
            )
        });
        versions.iter().find_map(|v| {
            [Language::En, Language::Fr, Language::Es]
                .iter()
                .find_map(|l| v.titles.get(l).cloned())
        })
    }
}

/// Whether the history holds any words of a version (a language absent or marked absent holds
/// none).
fn has_text(texts: &BTreeMap<Language, Completeness>) -> bool {
    texts.values().any(|c| *c != Completeness::Absent)
}

/// How a step is known, from its edge's evidence kind.
fn status_of(kind: EvidenceKind) -> Status {
    match kind {
        EvidenceKind::Stated => Status::Adopted,
        EvidenceKind::Proposed => Status::Proposed,
        EvidenceKind::Inferred => Status::Inferred,
    }
}

mod cites;
mod graph;
mod in_force;
mod lineage;
mod suppressed;
mod table;

pub use cites::*;
pub use graph::*;
pub use in_force::*;
pub use lineage::*;
pub use suppressed::*;
pub use table::*;
