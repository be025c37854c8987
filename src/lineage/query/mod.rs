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
use crate::lineage::titles::{instrument_name_in, KnownTitle, PlacedRevision, ShownTitle};
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

/// The name of an instrument as a heading, in English: `Resolution 130 (PP)`, `Resolution 69
/// (WTDC)`, `Draft resolution [B-1] (PP)` (see [`instrument_name_in`] for the other languages).
pub fn instrument_name(id: &InstrumentId) -> String {
    instrument_name_in(id, Language::En)
}

/// The name of an instrument within its body's table, in English: `Resolution 130`, `Draft
/// resolution [B-1]`.
pub fn instrument_short_name(id: &InstrumentId) -> String {
    crate::lineage::titles::instrument_short_name_in(id, Language::En)
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
