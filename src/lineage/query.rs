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

use super::titles::{instrument_name_in, KnownTitle, PlacedRevision, ShownTitle};
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

/// The name of an instrument as a heading, in English: `Resolution 130 (PP)`, `Resolution 69
/// (WTDC)`, `Draft resolution [B-1] (PP)` (see [`instrument_name_in`] for the other languages).
pub fn instrument_name(id: &InstrumentId) -> String {
    instrument_name_in(id, Language::En)
}

/// The name of an instrument within its body's table, in English: `Resolution 130`, `Draft
/// resolution [B-1]`.
pub fn instrument_short_name(id: &InstrumentId) -> String {
    super::titles::instrument_short_name_in(id, Language::En)
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

// ---------------------------------------------------------------------------------------------
// lineage

/// `actes lineage RES`: the chain of versions of one instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageReport {
    pub instrument: InstrumentId,
    /// The language of the title and the words (`Résolution 14 (PP)`).
    pub language: Language,
    pub name: String,
    /// The title in that language as last adopted, or another language's, marked as a fallback.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    pub steps: Vec<LineageStep>,
}

/// One step of a lineage: an event at a conference, or a proposal made to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineageStep {
    pub conference: ConferenceId,
    /// `Dubai, 2018`, `WTDC Buenos Aires, 2017`.
    pub conference_label: String,
    pub event: Event,
    /// adopted (an outcome a source states), proposed, or inferred.
    pub status: Status,
    /// The revision mark after the step (for a suppression: the last one before it), with the
    /// conference it names.
    pub revision: Option<PlacedRevision>,
    /// Which languages of the text the history holds for the version of this step.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<Language, Completeness>,
    /// A remark on the text: "adopted text not in the corpus".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_note: Option<String>,
    /// For a proposal: its id, action and what became of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalStep>,
    pub evidence: Vec<Evidence>,
}

/// A proposal in a lineage, with what the conference did to its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalStep {
    pub id: ProposalId,
    pub action: Action,
    pub outcome: ProposalOutcome,
    /// The outcome in words, with its reason.
    pub note: String,
}

/// What became of a proposal, as far as the corpus can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProposalOutcome {
    /// The conference did not do what the proposal asked (the target was not revised, or not
    /// suppressed).
    NotAdopted,
    /// The conference did what the proposal asked (a suppression, a no-change); the decision is
    /// the conference's, stated by its own source.
    OutcomeAsProposed,
    /// The conference acted on the target, but whether as proposed is not established (the
    /// adopted text differs or is not in the corpus).
    Undetermined,
    /// The corpus records nothing that settles it.
    Unknown,
}

impl Lineage {
    /// What became of a proposal: the conference's event on the target, read against the action.
    pub fn proposal_outcome(
        &self,
        target: &InstrumentId,
        action: Action,
        conference: &ConferenceId,
    ) -> (ProposalOutcome, String) {
        let at = self.conference_label(conference);
        let event = self
            .events_of(target)
            .into_iter()
            .find(|(_, e)| e.conference.as_ref() == Some(conference))
            .and_then(|(_, e)| e.relation.event().map(|ev| (ev, e)));
        let name = instrument_name(target);
        let text_known = |e: &Edge| -> bool {
            // Does the history hold the adopted text of the version this event made?
            self.versions_made_by(e).iter().any(|v| has_text(&v.texts))
        };
        use ProposalOutcome::*;
        match (action, event) {
            (_, None) if target.number.is_none() => (
                Unknown,
                "a draft; whether a new instrument grew out of it is not established".into(),
            ),
            (_, None) => (
                Unknown,
                format!("the corpus records nothing for {name} at {at}"),
            ),
            (Action::Mod | Action::ModEditorial, Some((Event::Revised, e))) => {
                (
                    Undetermined,
                    if text_known(e) {
                        format!("{name} was revised at {at}; compare the adopted text with the proposal")
                    } else {
                        format!(
                        "{name} was revised at {at}, but the adopted text is not in the corpus: not known to be adopted as proposed"
                    )
                    },
                )
            }
            (Action::Mod | Action::ModEditorial, Some((Event::Unchanged, _))) => {
                (NotAdopted, format!("{name} was not revised at {at}"))
            }
            (Action::Sup | Action::SupMoved, Some((Event::Suppressed, _))) => {
                (OutcomeAsProposed, format!("{name} was suppressed at {at}"))
            }
            (Action::Noc, Some((Event::Unchanged, _))) => {
                (OutcomeAsProposed, format!("{name} was not revised at {at}"))
            }
            (Action::Add | Action::AddMoved, Some((Event::Adopted, _))) => (
                Undetermined,
                format!("{name} was adopted at {at}; whether as proposed is not established"),
            ),
            (_, Some((ev, _))) => (
                NotAdopted,
                format!("{name} was {} at {at}", event_words(ev)),
            ),
        }
    }

    /// The versions that an event edge made or concerns.
    fn versions_made_by(&self, e: &Edge) -> Vec<&VersionNode> {
        let mut out = Vec::new();
        for idx in self.graph.edge_indices() {
            if &self.graph[idx] == e {
                if let Some((a, b)) = self.graph.edge_endpoints(idx) {
                    let made = if self.version_at(b).is_some() { b } else { a };
                    if let Some(v) = self.version_at(made) {
                        out.push(v);
                    }
                }
                break;
            }
        }
        out
    }

    /// `actes lineage RES`, in English.
    pub fn lineage(&self, instrument: &InstrumentId) -> Result<LineageReport, QueryError> {
        self.lineage_in(instrument, Language::En)
    }

    /// `actes lineage RES --lang L`: titles, names and revision marks in `language`.
    pub fn lineage_in(
        &self,
        instrument: &InstrumentId,
        language: Language,
    ) -> Result<LineageReport, QueryError> {
        self.require(instrument)?;
        let place = |r: &Revision| self.placed_revision(instrument.body, r, language);
        let mut steps: Vec<(usize, usize, LineageStep)> = Vec::new();
        for (idx, e) in self.events_of(instrument) {
            let Some(conference) = e.conference.clone() else {
                continue;
            };
            let event = e.relation.event().expect("events_of yields event edges");
            let (a, b) = self
                .graph
                .edge_endpoints(idx)
                .expect("an edge of the graph has endpoints");
            // The version the event made: the target of a revision between versions, else the
            // source.
            let made = if self.version_at(b).is_some() { b } else { a };
            let version = self.version_at(made);
            let texts = version.map(|v| v.texts.clone()).unwrap_or_default();
            let text_note = match event {
                Event::Adopted | Event::Revised | Event::FirstInCorpus if !has_text(&texts) => {
                    Some(match event {
                        Event::FirstInCorpus => "text not in the corpus".to_string(),
                        _ => "adopted text not in the corpus".to_string(),
                    })
                }
                _ => None,
            };
            steps.push((
                self.position(&conference),
                0,
                LineageStep {
                    conference_label: self.conference_label_in(&conference, language),
                    conference,
                    event,
                    status: status_of(e.kind),
                    revision: e.revision.as_ref().map(place),
                    texts,
                    text_note,
                    proposal: None,
                    evidence: e.evidence.clone(),
                },
            ));
        }
        for p in self.proposals_for(instrument) {
            let (outcome, note) = self.proposal_outcome(&p.target, p.action, &p.conference);
            let version = self.proposal_target(&p.id);
            let (texts, revision) = match (p.action, version) {
                (Action::Sup | Action::SupMoved | Action::Noc, _) | (_, None) => {
                    (BTreeMap::new(), None)
                }
                (_, Some(v)) => (v.texts.clone(), v.revision.as_ref().map(place)),
            };
            steps.push((
                self.position(&p.conference),
                1,
                LineageStep {
                    conference: p.conference.clone(),
                    conference_label: self.conference_label_in(&p.conference, language),
                    event: Event::Proposed,
                    status: Status::Proposed,
                    revision,
                    texts,
                    text_note: None,
                    proposal: Some(ProposalStep {
                        id: p.id.clone(),
                        action: p.action,
                        outcome,
                        note,
                    }),
                    evidence: p.evidence.clone(),
                },
            ));
        }
        // Proposals come before the conference's outcome: they were made to it.
        steps.sort_by_key(|(pos, order, _)| (*pos, 1 - *order));
        let titles = self.titles(instrument);
        Ok(LineageReport {
            instrument: instrument.clone(),
            language,
            name: instrument_name_in(instrument, language),
            title: titles.shown(language),
            titles: titles.known(),
            steps: steps.into_iter().map(|(_, _, s)| s).collect(),
        })
    }
}

/// `revised`, `suppressed`, ... as words.
pub fn event_words(event: Event) -> &'static str {
    match event {
        Event::FirstInCorpus => "first in corpus",
        Event::Adopted => "adopted",
        Event::Revised => "revised",
        Event::Unchanged => "unchanged",
        Event::Suppressed => "suppressed",
        Event::Proposed => "proposed",
    }
}

// ---------------------------------------------------------------------------------------------
// table

/// Which instruments and conferences a table shows.
#[derive(Debug, Clone, Default)]
pub struct TableFilter {
    /// The body whose instruments to show; `None`: every body, one table each
    /// ([`Lineage::tables`]). [`Lineage::table`] reads `None` as the Plenipotentiary Conference.
    pub body: Option<Body>,
    /// The first and last conference of the columns (by date, whatever their body).
    pub from: Option<ConferenceId>,
    pub to: Option<ConferenceId>,
    /// The language of the titles and names (English by default).
    pub language: Language,
}

/// `actes table`: one body's instruments by conference, the "Rév." table of that body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableReport {
    pub body: Body,
    /// The language of the titles and names.
    pub language: Language,
    /// `Plenipotentiary Conference`.
    pub body_name: String,
    /// The body's conferences about which some row says something, oldest first.
    pub conferences: Vec<TableColumn>,
    /// The body's instruments that have something to say in these columns.
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableColumn {
    pub id: ConferenceId,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRow {
    pub instrument: InstrumentId,
    pub name: String,
    /// The title in the table's language as last adopted, or another language's, marked as a
    /// fallback.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    /// One cell per column; `None` where the instrument did not exist (before it is known, after
    /// its suppression, or after the last conference that the history records).
    pub cells: Vec<Option<TableCell>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCell {
    pub state: CellState,
    /// Known only by inference (a revision mark, a later header or Final Acts entry that still
    /// names an earlier revision, absence from a Final Acts list).
    pub inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<PlacedRevision>,
    /// Proposals made to this conference about the instrument.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<ProposalId>,
}

/// What a table cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    New,
    Revised,
    Unchanged,
    Suppressed,
    /// Proposed at this conference, and not known to be adopted.
    Proposed,
    /// In existence, but the corpus says nothing about this conference.
    Unknown,
}

impl CellState {
    pub fn words(self) -> &'static str {
        match self {
            CellState::New => "new",
            CellState::Revised => "revised",
            CellState::Unchanged => "unchanged",
            CellState::Suppressed => "suppressed",
            CellState::Proposed => "proposed",
            CellState::Unknown => "unknown",
        }
    }
}

impl Lineage {
    /// `actes table --body BODY`: the table of one body (`filter.body`, the Plenipotentiary
    /// Conference when `None`). Its columns are that body's conferences only, so a cell never
    /// stands under another body's conference.
    pub fn table(&self, filter: &TableFilter) -> TableReport {
        self.body_table(filter.body.unwrap_or(Body::Pp), filter)
    }

    /// `actes table --body all`: one table per body, in the order of [`Body::ALL`]; a body with
    /// no row (no instrument, or none with a fact in the columns) has none. With `filter.body`
    /// set, that body's table alone, even without rows.
    pub fn tables(&self, filter: &TableFilter) -> Vec<TableReport> {
        match filter.body {
            Some(body) => vec![self.body_table(body, filter)],
            None => Body::ALL
                .into_iter()
                .filter(|b| self.instruments().any(|i| i.body == *b))
                .map(|b| self.body_table(b, filter))
                .filter(|t| !t.rows.is_empty())
                .collect(),
        }
    }

    fn body_table(&self, body: Body, filter: &TableFilter) -> TableReport {
        let lo = filter.from.as_ref().map_or(0, |c| self.position(c));
        let hi = filter.to.as_ref().map_or(usize::MAX, |c| self.position(c));
        let of_body = |pos: usize| {
            self.chronology
                .get(pos)
                .and_then(|id| self.conference(id))
                .is_some_and(|c| c.body == body)
        };
        // Nothing is known after the last conference the history records for the body.
        let horizon = self.chronology.iter().rposition(|id| {
            self.conference(id)
                .is_some_and(|c| c.recorded && c.body == body)
        });
        let instruments: Vec<&InstrumentId> =
            self.instruments().filter(|i| i.body == body).collect();
        // Cells per instrument, keyed by conference position.
        let mut rows_cells: Vec<(BTreeMap<usize, TableCell>, super::titles::Titles)> = Vec::new();
        let mut used = std::collections::BTreeSet::new();
        for instrument in &instruments {
            let mut cells: BTreeMap<usize, TableCell> = BTreeMap::new();
            let events = self.events_of(instrument);
            for (_, e) in &events {
                let Some(c) = &e.conference else { continue };
                let state = match e.relation {
                    Relation::AdoptedAt => CellState::New,
                    Relation::RevisedAt => CellState::Revised,
                    Relation::FirstKnownAt => match &e.revision {
                        Some(r) if r.revised => CellState::Revised,
                        Some(_) => CellState::New,
                        None => CellState::Unknown,
                    },
                    Relation::UnchangedThrough => CellState::Unchanged,
                    Relation::SuppressedAt => CellState::Suppressed,
                    _ => continue,
                };
                cells.insert(
                    self.position(c),
                    TableCell {
                        state,
                        inferred: e.kind == EvidenceKind::Inferred,
                        revision: e
                            .revision
                            .as_ref()
                            .map(|r| self.placed_revision(body, r, filter.language)),
                        proposals: Vec::new(),
                    },
                );
            }
            for p in self.proposals_for(instrument) {
                let cell = cells
                    .entry(self.position(&p.conference))
                    .or_insert(TableCell {
                        state: CellState::Proposed,
                        inferred: false,
                        revision: None,
                        proposals: Vec::new(),
                    });
                cell.proposals.push(p.id.clone());
            }
            // Unknown: the body's catalogue conferences between the first fact and a suppression
            // (or the horizon), about which nothing is recorded.
            let first = events
                .iter()
                .filter_map(|(_, e)| e.conference.as_ref().map(|c| self.position(c)))
                .min();
            let end = events
                .iter()
                .filter(|(_, e)| e.relation == Relation::SuppressedAt)
                .filter_map(|(_, e)| e.conference.as_ref().map(|c| self.position(c)))
                .min()
                .unwrap_or(usize::MAX);
            if let (Some(first), Some(horizon)) = (first, horizon) {
                for pos in first + 1..end.min(horizon + 1) {
                    let in_catalogue = self
                        .conference(&self.chronology[pos])
                        .is_some_and(|c| c.in_catalogue);
                    if in_catalogue && of_body(pos) {
                        cells.entry(pos).or_insert(TableCell {
                            state: CellState::Unknown,
                            inferred: false,
                            revision: None,
                            proposals: Vec::new(),
                        });
                    }
                }
            }
            cells.retain(|pos, _| *pos >= lo && *pos <= hi && of_body(*pos));
            used.extend(cells.keys().copied());
            rows_cells.push((cells, self.titles(instrument)));
        }
        let columns: Vec<usize> = used.into_iter().collect();
        TableReport {
            body,
            language: filter.language,
            body_name: body.name_in(filter.language).to_string(),
            conferences: columns
                .iter()
                .map(|&p| TableColumn {
                    id: self.chronology[p].clone(),
                    label: self.conference_label_in(&self.chronology[p], filter.language),
                })
                .collect(),
            // An instrument with nothing to say in the columns (outside `--from`/`--to`) has no
            // row.
            rows: instruments
                .iter()
                .zip(rows_cells)
                .filter(|(_, (cells, _))| !cells.is_empty())
                .map(|(i, (mut cells, titles))| TableRow {
                    instrument: (*i).clone(),
                    name: instrument_name_in(i, filter.language),
                    title: titles.shown(filter.language),
                    titles: titles.known(),
                    cells: columns.iter().map(|p| cells.remove(p)).collect(),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// suppressed

/// One suppression: what, where, the last revision before it, and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedEntry {
    /// `body`, `kind`, `number`, `provisional`.
    #[serde(flatten)]
    pub instrument: InstrumentId,
    pub name: String,
    /// The title in the output's language as last adopted, or another language's, marked.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    pub conference: ConferenceId,
    pub conference_label: String,
    /// adopted (stated by the conference's source) or inferred.
    pub status: Status,
    /// The last revision mark before the suppression, with the conference it names.
    pub last_revision: Option<PlacedRevision>,
    /// The conference of that last revision, where the graph can place it.
    pub last_revised_at: Option<ConferenceId>,
    pub evidence: Vec<Evidence>,
    /// Proposals to suppress it: evidence of a proposal, not of the outcome.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<ProposalEvidence>,
}

/// A proposal cited as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalEvidence {
    pub id: ProposalId,
    pub action: Action,
    pub conference: ConferenceId,
    pub evidence: Vec<Evidence>,
}

impl Lineage {
    /// `actes suppressed [--at CONF] [RES]`: suppressions, in the order of their conferences then
    /// instruments. Proposals to suppress that no suppression followed are listed too, with
    /// status `proposed`, when an instrument is asked for.
    pub fn suppressed(
        &self,
        at: Option<&ConferenceId>,
        instrument: Option<&InstrumentId>,
    ) -> Result<Vec<SuppressedEntry>, QueryError> {
        self.suppressed_in(at, instrument, Language::En)
    }

    /// `actes suppressed --lang L`: [`Lineage::suppressed`] with titles, names and revision
    /// marks in `language`.
    pub fn suppressed_in(
        &self,
        at: Option<&ConferenceId>,
        instrument: Option<&InstrumentId>,
        language: Language,
    ) -> Result<Vec<SuppressedEntry>, QueryError> {
        if let Some(i) = instrument {
            self.require(i)?;
        }
        let mut out: Vec<(usize, SuppressedEntry)> = Vec::new();
        let instruments: Vec<&InstrumentId> = match instrument {
            Some(i) => vec![i],
            None => self.instruments().collect(),
        };
        for i in instruments {
            let events = self.events_of(i);
            let titles = self.titles(i);
            let place = |r: Revision| self.placed_revision(i.body, &r, language);
            let sup_proposals: Vec<ProposalEvidence> = self
                .proposals_for(i)
                .into_iter()
                .filter(|p| matches!(p.action, Action::Sup | Action::SupMoved))
                .map(|p| ProposalEvidence {
                    id: p.id.clone(),
                    action: p.action,
                    conference: p.conference.clone(),
                    evidence: p.evidence.clone(),
                })
                .collect();
            for (idx, e) in &events {
                if e.relation != Relation::SuppressedAt {
                    continue;
                }
                let Some(conference) = &e.conference else {
                    continue;
                };
                if at.is_some_and(|a| a != conference) {
                    continue;
                }
                let (from, _) = self
                    .graph
                    .edge_endpoints(*idx)
                    .expect("an edge of the graph has endpoints");
                let last = self.version_at(from);
                out.push((
                    self.position(conference),
                    SuppressedEntry {
                        instrument: i.clone(),
                        name: instrument_name_in(i, language),
                        title: titles.shown(language),
                        titles: titles.known(),
                        conference: conference.clone(),
                        conference_label: self.conference_label_in(conference, language),
                        status: status_of(e.kind),
                        last_revision: e
                            .revision
                            .clone()
                            .or_else(|| last.and_then(|v| v.revision.clone()))
                            .map(place),
                        last_revised_at: last
                            .filter(|v| self.position(&v.conference) < self.position(conference))
                            .map(|v| v.conference.clone()),
                        evidence: e.evidence.clone(),
                        proposals: sup_proposals
                            .iter()
                            .filter(|p| &p.conference == conference)
                            .cloned()
                            .collect(),
                    },
                ));
            }
            if instrument.is_some() {
                // Proposals to suppress that no recorded suppression answers.
                for p in &sup_proposals {
                    let answered = out.iter().any(|(_, s)| s.proposals.contains(p));
                    if answered || at.is_some_and(|a| a != &p.conference) {
                        continue;
                    }
                    let (_, note) = self.proposal_outcome(i, p.action, &p.conference);
                    let mut evidence = p.evidence.clone();
                    if let Some(first) = evidence.first_mut() {
                        if first.note.is_none() {
                            first.note = Some(note);
                        }
                    }
                    out.push((
                        self.position(&p.conference),
                        SuppressedEntry {
                            instrument: i.clone(),
                            name: instrument_name_in(i, language),
                            title: titles.shown(language),
                            titles: titles.known(),
                            conference: p.conference.clone(),
                            conference_label: self.conference_label_in(&p.conference, language),
                            status: Status::Proposed,
                            last_revision: self
                                .version_before(i, &p.conference)
                                .and_then(|n| self.version_at(n))
                                .and_then(|v| v.revision.clone())
                                .map(place),
                            last_revised_at: self
                                .version_before(i, &p.conference)
                                .and_then(|n| self.version_at(n))
                                .map(|v| v.conference.clone()),
                            evidence,
                            proposals: vec![p.clone()],
                        },
                    ));
                }
            }
        }
        out.sort_by(|a, b| {
            (a.0, &a.1.instrument.kind, &a.1.instrument).cmp(&(
                b.0,
                &b.1.instrument.kind,
                &b.1.instrument,
            ))
        });
        Ok(out.into_iter().map(|(_, e)| e).collect())
    }
}

// ---------------------------------------------------------------------------------------------
// in force

/// `actes in-force --at CONF`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InForceReport {
    pub conference: ConferenceId,
    /// The language of the titles and names.
    pub language: Language,
    pub conference_label: String,
    pub instruments: Vec<InForceEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InForceEntry {
    #[serde(flatten)]
    pub instrument: InstrumentId,
    pub name: String,
    /// The title in the output's language as last adopted up to the conference, or another
    /// language's, marked as a fallback.
    pub title: Option<ShownTitle>,
    /// Every title the history knows, with its version and language.
    pub titles: Vec<KnownTitle>,
    /// The revision mark of the version in force, with the conference it names.
    pub revision: Option<PlacedRevision>,
    /// The conference that made that version.
    pub since: ConferenceId,
    /// What the conference did to it, if the corpus records it (`unchanged`, `revised`, ...).
    pub event_at_conference: Option<Event>,
    /// How that is known: adopted (stated by a source) or inferred.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_status: Option<Status>,
    /// adopted (stated) or inferred: how the version in force is known.
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

impl Lineage {
    /// The latest conference that the history records (a commit on `main`), for defaults.
    pub fn latest_conference(&self) -> Option<ConferenceId> {
        self.chronology
            .iter()
            .rev()
            .find(|id| self.conference(id).is_some_and(|c| c.recorded))
            .cloned()
    }

    /// The first and the last conference of a body that the sources speak of: those the
    /// history records, those a version or an event of the corpus belongs to.
    pub fn covered(&self, body: crate::model::Body) -> Option<(ConferenceId, ConferenceId)> {
        let recorded = self
            .chronology
            .iter()
            .filter(|id| self.conference(id).is_some_and(|c| c.recorded));
        let versions = self
            .versions
            .values()
            .flatten()
            .map(|&n| self.version(n))
            .filter(|v| v.proposal.is_none())
            .map(|v| &v.conference);
        let events = self
            .graph
            .edge_weights()
            .filter_map(|e| e.conference.as_ref());
        let spoken: std::collections::BTreeSet<usize> = recorded
            .chain(versions)
            .chain(events)
            .filter(|id| self.conference(id).is_some_and(|c| c.body == body))
            .map(|id| self.position(id))
            .collect();
        let first = self.chronology.get(*spoken.first()?)?;
        let last = self.chronology.get(*spoken.last()?)?;
        Some((first.clone(), last.clone()))
    }

    /// Refuses a conference after the last, or before the first, that the sources speak of
    /// (see [`Lineage::covered`]): nothing can be said of it.
    pub fn require_covered(&self, at: &ConferenceId) -> Result<(), QueryError> {
        let Some(conf) = self.conference(at) else {
            return Err(QueryError::UnknownConference(at.0.clone()));
        };
        let Some((first, last)) = self.covered(conf.body) else {
            return Ok(());
        };
        let outside = |which, bound: &ConferenceId| QueryError::OutsideSources {
            asked: self.conference_label(at),
            which,
            bound: self.conference_label(bound),
        };
        let p = self.position(at);
        if p > self.position(&last) {
            Err(outside("latest", &last))
        } else if p < self.position(&first) {
            Err(outside("earliest", &first))
        } else {
            Ok(())
        }
    }

    /// `actes in-force --at CONF`: the instruments of the conference's body that have a version
    /// at or before it and are not suppressed at or before it.
    pub fn in_force(&self, at: &ConferenceId) -> Result<InForceReport, QueryError> {
        self.in_force_in(at, Language::En)
    }

    /// `actes in-force --at CONF --lang L`: [`Lineage::in_force`] with titles, names and
    /// revision marks in `language`.
    pub fn in_force_in(
        &self,
        at: &ConferenceId,
        language: Language,
    ) -> Result<InForceReport, QueryError> {
        self.require_covered(at)?;
        let conf = self
            .conference(at)
            .ok_or_else(|| QueryError::UnknownConference(at.0.clone()))?;
        let limit = self.position(at);
        let mut entries = Vec::new();
        for i in self.instruments().filter(|i| i.body == conf.body) {
            let events = self.events_of(i);
            let before: Vec<&(petgraph::stable_graph::EdgeIndex, &Edge)> = events
                .iter()
                .filter(|(_, e)| {
                    e.conference
                        .as_ref()
                        .is_some_and(|c| self.position(c) <= limit)
                })
                .collect();
            if before
                .iter()
                .any(|(_, e)| e.relation == Relation::SuppressedAt)
            {
                continue;
            }
            let Some(version_node) = self
                .outcome_versions(i)
                .into_iter()
                .filter(|&n| self.position(&self.version(n).conference) <= limit)
                .max_by_key(|&n| self.position(&self.version(n).conference))
            else {
                continue;
            };
            let v = self.version(version_node);
            let made = before
                .iter()
                .rev()
                .find(|(_, e)| e.conference.as_ref() == Some(&v.conference));
            let at_edge = before
                .iter()
                .find(|(_, e)| e.conference.as_ref() == Some(at))
                .filter(|(_, e)| e.relation.event().is_some());
            let at_conf = at_edge.and_then(|(_, e)| e.relation.event());
            entries.push(InForceEntry {
                instrument: i.clone(),
                name: instrument_name_in(i, language),
                title: self.title_in(i, language, Some(at)),
                titles: self.titles(i).known(),
                revision: v
                    .revision
                    .as_ref()
                    .map(|r| self.placed_revision(i.body, r, language)),
                since: v.conference.clone(),
                event_at_conference: at_conf,
                event_status: at_edge.map(|(_, e)| status_of(e.kind)),
                status: made.map_or(Status::Inferred, |(_, e)| status_of(e.kind)),
                evidence: made.map(|(_, e)| e.evidence.clone()).unwrap_or_default(),
            });
        }
        entries.sort_by(|a, b| {
            (a.instrument.kind, &a.instrument).cmp(&(b.instrument.kind, &b.instrument))
        });
        Ok(InForceReport {
            conference: at.clone(),
            language,
            conference_label: self.conference_label_in(at, language),
            instruments: entries,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// cites, cited-by

/// A citation pinned to the cited version, with flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationEntry {
    pub citing: InstrumentId,
    pub citing_name: String,
    /// The conference of the citing version (for a proposal: the conference it was made to).
    pub citing_conference: ConferenceId,
    /// `Busan, 2014`.
    pub citing_conference_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citing_proposal: Option<ProposalId>,
    pub cited: InstrumentId,
    pub cited_name: String,
    /// The revision as cited, with the conference it names.
    pub revision: Option<PlacedRevision>,
    /// The conference of the version the citation is pinned to; `None` when no version of the
    /// cited instrument is known at that time.
    pub cited_version: Option<ConferenceId>,
    /// `WTDC Dubaï, 2014`, for the version the citation is pinned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cited_version_label: Option<String>,
    pub side: Side,
    pub as_written: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub line: u32,
    /// What is wrong with the citation at the time of the citing text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<CitationFlag>,
    pub evidence: Vec<Evidence>,
}

/// A warning on a citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationFlag {
    /// `superseded`, `suppressed`, `unpinned` or `later-than-citing-text`.
    pub what: String,
    pub detail: String,
}

impl Lineage {
    fn citation_entries(
        &self,
        citing_filter: impl Fn(&VersionNode) -> bool,
        cited_filter: impl Fn(&Citation) -> bool,
    ) -> Vec<CitationEntry> {
        let mut out = Vec::new();
        for (_, nodes) in self.versions.iter() {
            for &n in nodes {
                let v = self.version(n);
                if !citing_filter(v) {
                    continue;
                }
                for c in v.citations.iter().filter(|c| cited_filter(c)) {
                    out.push(self.citation_entry(n, v, c));
                }
            }
        }
        out.sort_by(|a, b| {
            (
                &a.citing,
                self.position(&a.citing_conference),
                &a.citing_proposal,
                a.line,
                &a.cited,
                a.side,
            )
                .cmp(&(
                    &b.citing,
                    self.position(&b.citing_conference),
                    &b.citing_proposal,
                    b.line,
                    &b.cited,
                    b.side,
                ))
        });
        out
    }

    fn citation_entry(
        &self,
        node: petgraph::stable_graph::NodeIndex,
        v: &VersionNode,
        c: &Citation,
    ) -> CitationEntry {
        let edge = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .find(|e| {
                e.weight().relation == Relation::Cites && e.weight().citation.as_ref() == Some(c)
            });
        let pinned = edge.and_then(|e| self.version_at(e.target()));
        let limit = self.citing_limit(v);
        let mut flags = Vec::new();
        match pinned {
            Some(p) => {
                let pos = self.position(&p.conference);
                if pos > limit {
                    flags.push(CitationFlag {
                        what: "later-than-citing-text".into(),
                        detail: format!(
                            "the cited version ({}) is later than the citing text: the citation may belong to another side of the redline",
                            self.conference_label(&p.conference)
                        ),
                    });
                }
                if let Some(newer) = self
                    .outcome_versions(&c.cited)
                    .into_iter()
                    .map(|n| self.version(n))
                    .find(|n| {
                        let q = self.position(&n.conference);
                        q > pos && q <= limit
                    })
                {
                    flags.push(CitationFlag {
                        what: "superseded".into(),
                        detail: format!(
                            "a later version ({}) existed when the citing text was written",
                            self.conference_label(&newer.conference)
                        ),
                    });
                }
            }
            None => flags.push(CitationFlag {
                what: "unpinned".into(),
                detail: "no version of the cited instrument is known at that time".into(),
            }),
        }
        if let Some((_, e)) = self.events_of(&c.cited).into_iter().find(|(_, e)| {
            e.relation == Relation::SuppressedAt
                && e.conference
                    .as_ref()
                    .is_some_and(|c| self.position(c) <= limit)
        }) {
            flags.push(CitationFlag {
                what: "suppressed".into(),
                detail: format!(
                    "suppressed at {} before the citing text",
                    e.conference
                        .as_ref()
                        .map(|c| self.conference_label(c))
                        .unwrap_or_default()
                ),
            });
        }
        let kind = if v.proposal.is_some() {
            EvidenceKind::Proposed
        } else if c.unsettled.is_some() {
            EvidenceKind::Inferred
        } else {
            EvidenceKind::Stated
        };
        CitationEntry {
            citing: v.instrument.clone(),
            citing_name: instrument_name(&v.instrument),
            citing_conference: v.conference.clone(),
            citing_conference_label: self.conference_label(&v.conference),
            citing_proposal: v.proposal.clone(),
            cited: c.cited.clone(),
            cited_name: instrument_name(&c.cited),
            revision: c
                .revision
                .as_ref()
                .map(|r| self.placed_revision(c.cited.body, r, Language::En)),
            cited_version: pinned.map(|p| p.conference.clone()),
            cited_version_label: pinned.map(|p| self.conference_label(&p.conference)),
            side: c.side,
            as_written: c.as_written.clone(),
            section: c.section.clone(),
            label: c.label.clone(),
            line: c.line,
            flags,
            evidence: edge
                .map(|e| e.weight().evidence.clone())
                .unwrap_or_else(|| {
                    vec![Evidence {
                        kind,
                        source: v.source.clone().unwrap_or_default(),
                        entry: Some(c.as_written.clone()),
                        lines: Some(crate::model::LineSpan::line(c.line)),
                        note: c
                            .unsettled
                            .as_ref()
                            .map(|r| format!("in an unsettled paragraph: {r}")),
                    }]
                }),
        }
    }

    /// `actes cites RES [--at CONF|PROPOSAL]`: what the versions of an instrument cite.
    pub fn cites(
        &self,
        instrument: &InstrumentId,
        at: Option<&VersionSelector>,
    ) -> Result<Vec<CitationEntry>, QueryError> {
        self.require(instrument)?;
        Ok(self.citation_entries(
            |v| {
                &v.instrument == instrument
                    && match at {
                        None => true,
                        Some(VersionSelector::Conference(c)) => {
                            &v.conference == c && v.proposal.is_none()
                        }
                        Some(VersionSelector::Proposal(p)) => v.proposal.as_ref() == Some(p),
                    }
            },
            |_| true,
        ))
    }

    /// `actes cited-by RES`: every citation of an instrument, by any version of any instrument.
    pub fn cited_by(&self, instrument: &InstrumentId) -> Result<Vec<CitationEntry>, QueryError> {
        self.cited_by_revision(instrument, None)
    }

    /// `actes cited-by "wtdc res 69 (Rev. Buenos Aires, 2017)"`: the citations of one revision
    /// of an instrument (those that cite it by that mark, or that are pinned to the version of
    /// that year); with `None`, of every revision. An instrument known only because texts cite it
    /// (`un-ga 70/125`, `council res 1305`) is known enough.
    pub fn cited_by_revision(
        &self,
        instrument: &InstrumentId,
        revision: Option<&Revision>,
    ) -> Result<Vec<CitationEntry>, QueryError> {
        let mut entries = self.citation_entries(|_| true, |c| &c.cited == instrument);
        if entries.is_empty() {
            self.require(instrument)?;
        }
        if let Some(wanted) = revision {
            let place = crate::text::fold(&wanted.place);
            entries.retain(|e| match &e.revision {
                Some(r) => r.year == wanted.year && crate::text::fold(&r.place) == place,
                None => e
                    .cited_version
                    .as_ref()
                    .and_then(|c| self.conference(c))
                    .is_some_and(|c| c.year == wanted.year),
            });
        }
        Ok(entries)
    }
}

/// Which version of a citing instrument: after a conference, or as a proposal puts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionSelector {
    Conference(ConferenceId),
    Proposal(ProposalId),
}

// ---------------------------------------------------------------------------------------------
// graph

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
