//! The lineage of instruments as a petgraph graph: conferences, proposals and instrument versions
//! (an instrument of a body as it stood after a conference) linked by what happened to them
//! (adopted at, revised at, suppressed at, unchanged through, proposed by, cites), every edge with
//! its evidence and how it is known.
//!
//! The graph is built from the records that the history stores ([`Records`]: conference records,
//! instrument records per commit, proposal records); [`load`] reads them back from the repository
//! and caches them there, and [`query`] answers the historians' questions on the graph.
//!
//! Versions are also known from revision marks: a header or a citation that says `Rév. Guadalajara,
//! 2010` is evidence that the instrument was revised at Guadalajara in 2010, for any body. Such
//! versions join the graph as inferred, and a conference that the catalogue does not hold (WTDC
//! Buenos Aires 2017) becomes a node identified by its body, place and year.

pub mod inferred;
pub mod load;
pub mod query;
pub mod titles;
pub use inferred::{InferredLink, InferredRelation};

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::model::{Action, ProposalId};
use crate::model::{
    Body, Citation, Completeness, Conference, ConferenceId, ConferenceRecord, Event, Evidence,
    EvidenceKind, InstrumentId, InstrumentRecord, Language, ProposalRecord, Revision, Status,
};

/// An instrument record as the history stores it at one commit: after a conference (on `main`), or
/// as a proposal puts it forward (on a proposal ref).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRecord {
    /// The conference of the commit (for a proposal: the conference it was made to).
    pub conference: ConferenceId,
    /// The proposal of the commit, on proposal refs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
    pub record: InstrumentRecord,
}

/// Everything the lineage is built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    /// Every conference of the sources' catalogue (`catalogue.json`), recorded or not.
    #[serde(default)]
    pub catalogue: Vec<Conference>,
    pub conferences: Vec<ConferenceRecord>,
    pub versions: Vec<VersionRecord>,
    pub proposals: Vec<ProposalRecord>,
}

/// A conference node: from the catalogue (through its record) or known only from a revision mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConferenceNode {
    pub id: ConferenceId,
    pub body: Body,
    /// The place, in English for catalogue conferences, as first written otherwise.
    pub place: String,
    pub year: i32,
    /// The first day, where the catalogue gives it.
    #[serde(skip_serializing_if = "Option::is_none", with = "optional_date")]
    pub start: Option<time::Date>,
    /// `false` for a conference known only from a revision mark.
    pub in_catalogue: bool,
    /// The history holds a record of it (a commit on `main`): the corpus states what it did.
    /// A catalogue conference without one is known only through other conferences' facts.
    pub recorded: bool,
    /// For a conference known only from revision marks: the slugs of the places it was written
    /// with, for resolving arguments (catalogue conferences resolve through the catalogue).
    #[serde(skip)]
    pub names: Vec<String>,
}

impl ConferenceNode {
    /// The label historians read: `Dubai, 2018`, `WTDC Buenos Aires, 2017`.
    pub fn label(&self) -> String {
        if self.body == Body::Pp {
            format!("{}, {}", self.place, self.year)
        } else {
            format!(
                "{} {}, {}",
                self.body.code().to_uppercase(),
                self.place,
                self.year
            )
        }
    }
}

/// An instrument as it stood after a conference, or as a proposal puts it forward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionNode {
    pub instrument: InstrumentId,
    pub conference: ConferenceId,
    /// Set for a version that a proposal puts forward (never an outcome).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalId>,
    pub revision: Option<Revision>,
    pub status: Status,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub titles: BTreeMap<Language, String>,
    /// How much text the history holds, by language (empty: no text).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<Language, Completeness>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What the text of this version cites.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The source document of this version's record, for citations' evidence.
    #[serde(skip)]
    pub source: Option<String>,
}

/// A proposal node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalNode {
    pub id: ProposalId,
    pub conference: ConferenceId,
    pub action: Action,
    pub target: InstrumentId,
    pub evidence: Vec<Evidence>,
}

/// A node of the lineage graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Node {
    Conference(ConferenceNode),
    Version(VersionNode),
    Proposal(ProposalNode),
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Version → conference: adopted new there.
    AdoptedAt,
    /// Previous version → next version (or, when no previous version is known, version →
    /// conference): revised at the edge's conference.
    RevisedAt,
    /// Version → conference: the earliest state the corpus knows, with no revision mark to say how
    /// it came about.
    FirstKnownAt,
    /// Last version → conference: suppressed (abrogated) there.
    SuppressedAt,
    /// Version → conference: carried through it without revision.
    UnchangedThrough,
    /// Proposal → the version it proposes (`MOD`, `ADD`) or targets (`SUP`, `NOC`).
    ProposedBy,
    /// Version → the version of another instrument that its text names.
    Cites,
}

impl Relation {
    /// The words of the relation: `revised at`, `proposed by`, ...
    pub fn words(self) -> &'static str {
        match self {
            Relation::AdoptedAt => "adopted at",
            Relation::RevisedAt => "revised at",
            Relation::FirstKnownAt => "first known at",
            Relation::SuppressedAt => "suppressed at",
            Relation::UnchangedThrough => "unchanged through",
            Relation::ProposedBy => "proposed by",
            Relation::Cites => "cites",
        }
    }

    /// The event this relation records, for the relations that are events of an instrument.
    pub fn event(self) -> Option<Event> {
        Some(match self {
            Relation::AdoptedAt => Event::Adopted,
            Relation::RevisedAt => Event::Revised,
            Relation::FirstKnownAt => Event::FirstInCorpus,
            Relation::SuppressedAt => Event::Suppressed,
            Relation::UnchangedThrough => Event::Unchanged,
            Relation::ProposedBy | Relation::Cites => return None,
        })
    }
}

/// An edge: what it says, how it is known, at which conference, and on what evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub relation: Relation,
    pub kind: EvidenceKind,
    /// The conference of an event edge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conference: Option<ConferenceId>,
    /// The revision mark after the event (for a suppression, the last one before it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
    /// The title the event's source gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub evidence: Vec<Evidence>,
    /// For a `cites` edge, the citation as read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

/// The lineage graph with its indexes.
#[derive(Debug, Clone, Default)]
pub struct Lineage {
    graph: StableGraph<Node, Edge>,
    conferences: BTreeMap<ConferenceId, NodeIndex>,
    /// Conference ids from the earliest to the latest.
    chronology: Vec<ConferenceId>,
    /// Every version of an instrument (outcomes and proposals), in creation order.
    versions: BTreeMap<InstrumentId, Vec<NodeIndex>>,
    proposals: BTreeMap<ProposalId, NodeIndex>,
    /// Position of each conference in `chronology`.
    positions: BTreeMap<ConferenceId, usize>,
    /// Revision marks already placed: (body, place as written, year) → conference.
    marks: BTreeMap<(Body, String, i32), ConferenceId>,
    /// Every conference the history's catalogue and records know.
    catalogue: Catalogue,
}

/// An event of an instrument's history as the builder sees it before it becomes an edge.
#[derive(Debug, Clone)]
struct PendingEvent {
    conference: ConferenceId,
    event: Event,
    status: Status,
    revision: Option<Revision>,
    title: Option<String>,
    evidence: Vec<Evidence>,
    /// Stored in a later conference's record (`EventRecord::earlier`): its revision is that
    /// later fact's, not a mark of its own.
    earlier: bool,
}

/// How an event is known: a stated event as surely as its weakest evidence, otherwise as its
/// status says. The one rule, for the lineage and for what reads events beside it (`fate`).
pub fn evidence_kind_of(status: Status, evidence: &[Evidence]) -> EvidenceKind {
    match status {
        Status::Adopted => evidence
            .iter()
            .map(|e| e.kind)
            .min()
            .unwrap_or(EvidenceKind::Stated),
        Status::Proposed => EvidenceKind::Proposed,
        Status::Inferred => EvidenceKind::Inferred,
    }
}

/// A slug for conference ids: folded, non-alphanumerics as single dashes.
pub(crate) fn slug(s: &str) -> String {
    let folded = crate::text::fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

mod optional_date {
    use serde::Serializer;

    pub fn serialize<S: Serializer>(date: &Option<time::Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => crate::model::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

impl Lineage {
    /// Builds the graph from records. Records may come in any order; conferences are ordered by
    /// year and first day. `catalogue` lists every conference the sources know (the history's
    /// `catalogue.json`); the conferences of `conferences` join it where it lacks them.
    pub fn from_records(
        catalogue: &[Conference],
        conferences: &[ConferenceRecord],
        versions: &[VersionRecord],
        proposals: &[ProposalRecord],
    ) -> Lineage {
        let mut lineage = Lineage::default();
        lineage.add_catalogue(catalogue, conferences);
        let mut events = stated_events(conferences, versions);
        let marks = lineage.revision_marks(&events, versions);
        lineage.add_mark_events(&mut events, marks);
        lineage.sort_chronology();
        lineage.add_instrument_versions(events, versions);
        lineage.add_proposals(proposals, versions);
        lineage.pin_citations();
        lineage
    }

    /// The conferences: the records' own first (they are what the history states), then the
    /// rest of the catalogue.
    fn add_catalogue(&mut self, catalogue: &[Conference], conferences: &[ConferenceRecord]) {
        let recorded: BTreeSet<&ConferenceId> =
            conferences.iter().map(|r| &r.conference.id).collect();
        self.catalogue = Catalogue::from_conferences(
            conferences
                .iter()
                .map(|r| r.conference.clone())
                .chain(catalogue.iter().cloned())
                .collect(),
        );
        let known: Vec<Conference> = self.catalogue.conferences().to_vec();
        for c in known {
            self.add_conference(ConferenceNode {
                recorded: recorded.contains(&c.id),
                id: c.id,
                body: c.body,
                place: c.place.en,
                year: c.year,
                start: Some(c.start),
                in_catalogue: true,
                names: Vec::new(),
            });
        }
    }

    /// Versions known from revision marks: of the instruments' own records, and of citations.
    fn revision_marks(
        &self,
        events: &BTreeMap<InstrumentId, Vec<PendingEvent>>,
        versions: &[VersionRecord],
    ) -> Vec<(InstrumentId, Revision, Evidence)> {
        let mut marks: Vec<(InstrumentId, Revision, Evidence)> = Vec::new();
        for (instrument, list) in events {
            for e in list.iter().filter(|e| !e.earlier) {
                if let Some(rev) = &e.revision {
                    let first = e.evidence.first();
                    marks.push((
                        instrument.clone(),
                        rev.clone(),
                        Evidence {
                            kind: EvidenceKind::Inferred,
                            source: first.map(|ev| ev.source.clone()).unwrap_or_default(),
                            entry: Some(
                                first
                                    .and_then(|ev| ev.entry.clone())
                                    .unwrap_or_else(|| format!("{instrument} ({rev})")),
                            ),
                            lines: first.and_then(|ev| ev.lines),
                            note: Some(format!(
                                "the revision mark `{rev}` given at {}",
                                self.conference_label(&e.conference)
                            )),
                        },
                    ));
                }
            }
        }
        for v in versions {
            let source = v
                .record
                .evidence
                .first()
                .map(|e| e.source.clone())
                .unwrap_or_default();
            for c in &v.record.citations {
                if let Some(rev) = &c.revision {
                    // A citation whose body the words leave undecided, with a mark that names no
                    // conference of the body it was given (another assembly's `Resolution 62
                    // (Rev. Geneva, 2015)` in a PP text): no version, and no conference, is made
                    // up for it; `cites` still lists it with its doubt.
                    let undecided = v.record.uncertain.iter().any(|u| {
                        u.what == crate::model::UncertaintyKind::CitationBody && u.line == c.line
                    });
                    if undecided && self.catalogue.by_revision(c.cited.body, rev).is_none() {
                        continue;
                    }
                    let name = query::instrument_name(&v.record.instrument);
                    let citing = match &v.proposal {
                        Some(p) => format!("{name} as proposed by {p}"),
                        None => format!("{name} as of {}", self.conference_label(&v.conference)),
                    };
                    marks.push((
                        c.cited.clone(),
                        rev.clone(),
                        Evidence {
                            kind: EvidenceKind::Inferred,
                            source: source.clone(),
                            entry: Some(c.as_written.clone()),
                            lines: Some(crate::model::LineSpan::line(c.line)),
                            note: Some(format!("cited by {citing}")),
                        },
                    ));
                }
            }
        }
        marks
    }

    /// The events that the revision marks show, where no record states one; an inferred event
    /// already there gathers every mark that shows it.
    fn add_mark_events(
        &mut self,
        events: &mut BTreeMap<InstrumentId, Vec<PendingEvent>>,
        marks: Vec<(InstrumentId, Revision, Evidence)>,
    ) {
        for (instrument, rev, evidence) in marks {
            let conference = self.conference_of_mark(instrument.body, &rev);
            let list = events.entry(instrument).or_default();
            if let Some(existing) = list.iter_mut().find(|e| e.conference == conference) {
                // Already known there; an inferred event gathers every mark that shows it.
                if existing.status == Status::Inferred
                    && matches!(existing.event, Event::Revised | Event::Adopted)
                    && !existing.evidence.contains(&evidence)
                {
                    existing.evidence.push(evidence);
                }
                continue;
            }
            list.push(PendingEvent {
                conference,
                event: if rev.revised {
                    Event::Revised
                } else {
                    Event::Adopted
                },
                status: Status::Inferred,
                revision: Some(rev),
                title: None,
                evidence: vec![evidence],
                earlier: false,
            });
        }
    }

    /// Each instrument's versions and events, in the order of the chronology: a version node per
    /// adoption or revision, an edge per event.
    fn add_instrument_versions(
        &mut self,
        events: BTreeMap<InstrumentId, Vec<PendingEvent>>,
        versions: &[VersionRecord],
    ) {
        // Version records by (instrument, conference) for titles, texts and citations.
        let mut outcome_records: BTreeMap<(&InstrumentId, &ConferenceId), &InstrumentRecord> =
            BTreeMap::new();
        for v in versions.iter().filter(|v| v.proposal.is_none()) {
            outcome_records.insert((&v.record.instrument, &v.conference), &v.record);
        }

        for (instrument, mut list) in events {
            list.sort_by_key(|e| self.position(&e.conference));
            let mut current: Option<NodeIndex> = None;
            for e in list {
                let conf_node = self.conferences[&e.conference];
                let kind = evidence_kind_of(e.status, &e.evidence);
                let edge = |relation| Edge {
                    relation,
                    kind,
                    conference: Some(e.conference.clone()),
                    revision: e.revision.clone(),
                    title: e.title.clone(),
                    evidence: e.evidence.clone(),
                    citation: None,
                };
                let record = outcome_records.get(&(&instrument, &e.conference)).copied();
                match e.event {
                    Event::Adopted | Event::Revised | Event::FirstInCorpus => {
                        let node = self.add_version(&instrument, &e, record, None);
                        let relation = match e.event {
                            Event::Adopted => Relation::AdoptedAt,
                            Event::Revised => Relation::RevisedAt,
                            _ => Relation::FirstKnownAt,
                        };
                        match (relation, current) {
                            (Relation::RevisedAt, Some(previous)) => {
                                self.graph.add_edge(previous, node, edge(relation));
                            }
                            _ => {
                                self.graph.add_edge(node, conf_node, edge(relation));
                            }
                        }
                        current = Some(node);
                    }
                    Event::Unchanged | Event::Suppressed => {
                        let from = match current {
                            Some(node) => node,
                            None => {
                                // Known only from this event: the version it concerns.
                                let node = self.add_version(&instrument, &e, record, None);
                                current = Some(node);
                                node
                            }
                        };
                        if let (Some(record), Node::Version(v)) = (record, &mut self.graph[from]) {
                            // A later record of the same version may carry its title or text.
                            for (lang, title) in &record.titles {
                                v.titles.entry(*lang).or_insert_with(|| title.clone());
                            }
                        }
                        let relation = if e.event == Event::Unchanged {
                            Relation::UnchangedThrough
                        } else {
                            Relation::SuppressedAt
                        };
                        self.graph.add_edge(from, conf_node, edge(relation));
                    }
                    Event::Proposed => {}
                }
            }
        }
    }

    /// Proposals, and the versions they put forward (or target: `SUP`, `NOC`).
    fn add_proposals(&mut self, proposals: &[ProposalRecord], versions: &[VersionRecord]) {
        let mut proposal_versions: BTreeMap<&ProposalId, Vec<&VersionRecord>> = BTreeMap::new();
        for v in versions {
            if let Some(p) = &v.proposal {
                proposal_versions.entry(p).or_default().push(v);
            }
        }
        for p in proposals {
            if !self.conferences.contains_key(&p.conference) {
                continue; // a proposal to a conference that no record holds cannot be placed
            }
            let node = self.graph.add_node(Node::Proposal(ProposalNode {
                id: p.id.clone(),
                conference: p.conference.clone(),
                action: p.action,
                target: p.target.clone(),
                evidence: p.evidence.clone(),
            }));
            self.proposals.insert(p.id.clone(), node);
            let record = proposal_versions
                .get(&p.id)
                .and_then(|vs| vs.iter().find(|v| v.record.instrument == p.target))
                .map(|v| &v.record);
            let target = match p.action {
                Action::Sup | Action::SupMoved | Action::Noc => self
                    .version_before(&p.target, &p.conference)
                    .unwrap_or_else(|| self.add_proposed_version(p, record)),
                _ => self.add_proposed_version(p, record),
            };
            self.graph.add_edge(
                node,
                target,
                Edge {
                    relation: Relation::ProposedBy,
                    kind: EvidenceKind::Proposed,
                    conference: Some(p.conference.clone()),
                    revision: None,
                    title: None,
                    evidence: p.evidence.clone(),
                    citation: None,
                },
            );
        }
    }

    /// Citations, pinned to the cited version.
    fn pin_citations(&mut self) {
        let citing: Vec<NodeIndex> = self
            .versions
            .values()
            .flatten()
            .copied()
            .collect::<Vec<_>>();
        for from in citing {
            // The citations are taken out of the node while the graph grows, then put back.
            let (citations, is_proposal, source, limit) = match &mut self.graph[from] {
                Node::Version(v) if !v.citations.is_empty() => (
                    std::mem::take(&mut v.citations),
                    v.proposal.is_some(),
                    v.source.clone(),
                    v.conference.clone(),
                ),
                _ => continue,
            };
            let limit = {
                let p = self.position(&limit);
                if is_proposal {
                    p.saturating_sub(1)
                } else {
                    p
                }
            };
            for c in &citations {
                let Some(to) = self.pin_citation(limit, c) else {
                    continue;
                };
                // A citation in an unsettled paragraph is inferred, never stated, and says why.
                let kind = if is_proposal {
                    EvidenceKind::Proposed
                } else if c.revision.is_some() && c.unsettled.is_none() {
                    EvidenceKind::Stated
                } else {
                    EvidenceKind::Inferred
                };
                self.graph.add_edge(
                    from,
                    to,
                    Edge {
                        relation: Relation::Cites,
                        kind,
                        conference: None,
                        revision: c.revision.clone(),
                        title: None,
                        evidence: vec![Evidence {
                            kind,
                            source: source.clone().unwrap_or_default(),
                            entry: Some(c.as_written.clone()),
                            lines: Some(crate::model::LineSpan::line(c.line)),
                            note: c
                                .unsettled
                                .as_ref()
                                .map(|r| format!("in an unsettled paragraph: {r}")),
                        }],
                        citation: Some(c.clone()),
                    },
                );
            }
            if let Node::Version(v) = &mut self.graph[from] {
                v.citations = citations;
            }
        }
    }

    /// Builds the graph from [`Records`].
    pub fn from_all(records: &Records) -> Lineage {
        Lineage::from_records(
            &records.catalogue,
            &records.conferences,
            &records.versions,
            &records.proposals,
        )
    }

    /// The label of a conference (`Dubai, 2018`, `WTDC Buenos Aires, 2017`), or its id when the
    /// graph does not hold it.
    pub fn conference_label(&self, id: &ConferenceId) -> String {
        self.conference(id)
            .map(|c| c.label())
            .unwrap_or_else(|| id.0.clone())
    }

    fn add_conference(&mut self, node: ConferenceNode) -> NodeIndex {
        if let Some(&index) = self.conferences.get(&node.id) {
            return index;
        }
        let id = node.id.clone();
        let index = self.graph.add_node(Node::Conference(node));
        self.conferences.insert(id.clone(), index);
        self.chronology.push(id);
        if !self.positions.is_empty() {
            self.sort_chronology();
        }
        index
    }

    fn sort_chronology(&mut self) {
        let graph = &self.graph;
        let conferences = &self.conferences;
        self.chronology.sort_by_key(|id| {
            let Node::Conference(c) = &graph[conferences[id]] else {
                unreachable!("conference index points at a conference")
            };
            (c.year, c.start, c.id.clone())
        });
        self.positions = self
            .chronology
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
    }

    /// The conference that a revision mark names for a body: from the catalogue where place and
    /// year match (in any of its languages, accents and case aside), else a new node
    /// `body-year-place` known only from revision marks.
    fn conference_of_mark(&mut self, body: Body, rev: &Revision) -> ConferenceId {
        let memo = (body, rev.place.clone(), rev.year);
        if let Some(id) = self.marks.get(&memo) {
            return id.clone();
        }
        let id = match self.catalogue.by_revision(body, rev) {
            Some(c) => c.id.clone(),
            None => {
                let place = slug(&rev.place);
                let id = ConferenceId(format!("{}-{}-{}", body.code(), rev.year, place));
                self.add_conference(ConferenceNode {
                    id: id.clone(),
                    body,
                    place: crate::text::squash_whitespace(&title_case(&rev.place)),
                    year: rev.year,
                    start: None,
                    in_catalogue: false,
                    recorded: false,
                    names: vec![place],
                });
                id
            }
        };
        self.marks.insert(memo, id.clone());
        id
    }

    fn add_version(
        &mut self,
        instrument: &InstrumentId,
        e: &PendingEvent,
        record: Option<&InstrumentRecord>,
        proposal: Option<ProposalId>,
    ) -> NodeIndex {
        let mut titles = record.map(|r| r.titles.clone()).unwrap_or_default();
        if let (Some(t), true) = (&e.title, titles.is_empty()) {
            titles.insert(Language::En, t.clone());
        }
        let node = self.graph.add_node(Node::Version(VersionNode {
            instrument: instrument.clone(),
            conference: e.conference.clone(),
            proposal,
            revision: e.revision.clone(),
            status: e.status,
            titles,
            texts: record.map(|r| r.texts.clone()).unwrap_or_default(),
            notes: record.map(|r| r.notes.clone()).unwrap_or_default(),
            citations: record.map(|r| r.citations.clone()).unwrap_or_default(),
            source: record
                .and_then(|r| r.evidence.first())
                .map(|ev| ev.source.clone()),
        }));
        self.versions
            .entry(instrument.clone())
            .or_default()
            .push(node);
        node
    }

    fn add_proposed_version(
        &mut self,
        p: &ProposalRecord,
        record: Option<&InstrumentRecord>,
    ) -> NodeIndex {
        let e = PendingEvent {
            conference: p.conference.clone(),
            event: Event::Proposed,
            status: Status::Proposed,
            revision: record.and_then(|r| r.revision.clone()),
            title: None,
            evidence: p.evidence.clone(),
            earlier: false,
        };
        let node = self.add_version(&p.target, &e, record, Some(p.id.clone()));
        if let Node::Version(v) = &mut self.graph[node] {
            if v.source.is_none() {
                v.source = Some(p.source.clone());
            }
        }
        node
    }

    /// The position of a conference in the chronology (unknown conferences last).
    pub fn position(&self, id: &ConferenceId) -> usize {
        self.positions.get(id).copied().unwrap_or(usize::MAX)
    }

    /// The outcome version of an instrument in force just before a conference: the latest one
    /// created at an earlier conference.
    fn version_before(
        &self,
        instrument: &InstrumentId,
        conference: &ConferenceId,
    ) -> Option<NodeIndex> {
        let limit = self.position(conference);
        self.outcome_versions(instrument)
            .into_iter()
            .filter(|&n| self.position(&self.version(n).conference) < limit)
            .max_by_key(|&n| self.position(&self.version(n).conference))
    }

    /// The version of the cited instrument that a citation names (by its revision mark), or, for a
    /// citation without one, the version in force when the citing text was written (`limit`, a
    /// position in the chronology).
    fn pin_citation(&mut self, limit: usize, c: &Citation) -> Option<NodeIndex> {
        match &c.revision {
            Some(rev) => {
                let conference = self.conference_of_mark(c.cited.body, rev);
                self.outcome_versions(&c.cited)
                    .into_iter()
                    .find(|&n| self.version(n).conference == conference)
            }
            None => self
                .outcome_versions(&c.cited)
                .into_iter()
                .filter(|&n| self.position(&self.version(n).conference) <= limit)
                .max_by_key(|&n| self.position(&self.version(n).conference)),
        }
    }

    /// The last position in the chronology whose facts the citing text could know: its own
    /// conference for an outcome, the one before for a proposal.
    fn citing_limit(&self, citing: &VersionNode) -> usize {
        let p = self.position(&citing.conference);
        if citing.proposal.is_some() {
            p.saturating_sub(1)
        } else {
            p
        }
    }

    /// The graph itself, for renderers and tests.
    pub fn graph(&self) -> &StableGraph<Node, Edge> {
        &self.graph
    }

    /// Conference ids, oldest first.
    pub fn chronology(&self) -> &[ConferenceId] {
        &self.chronology
    }

    /// A conference node by id.
    pub fn conference(&self, id: &ConferenceId) -> Option<&ConferenceNode> {
        match self.conferences.get(id).map(|&n| &self.graph[n]) {
            Some(Node::Conference(c)) => Some(c),
            _ => None,
        }
    }

    /// Every instrument the graph knows, in order.
    pub fn instruments(&self) -> impl Iterator<Item = &InstrumentId> {
        self.versions.keys()
    }

    /// Whether the graph knows an instrument.
    pub fn knows(&self, instrument: &InstrumentId) -> bool {
        self.versions.contains_key(instrument)
    }

    fn version(&self, node: NodeIndex) -> &VersionNode {
        match &self.graph[node] {
            Node::Version(v) => v,
            _ => unreachable!("version indexes point at versions"),
        }
    }

    /// The versions of an instrument that are outcomes (not proposals), oldest first.
    pub fn outcome_versions(&self, instrument: &InstrumentId) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = self
            .versions
            .get(instrument)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&n| self.version(n).proposal.is_none())
                    .collect()
            })
            .unwrap_or_default();
        nodes.sort_by_key(|&n| self.position(&self.version(n).conference));
        nodes
    }

    /// Every version of an instrument (outcomes and proposals).
    pub fn all_versions(&self, instrument: &InstrumentId) -> &[NodeIndex] {
        self.versions
            .get(instrument)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The event edges of an instrument (adopted, revised, first known, unchanged, suppressed),
    /// in the order of their conferences.
    pub fn events_of(&self, instrument: &InstrumentId) -> Vec<(EdgeIndex, &Edge)> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for &n in self.all_versions(instrument) {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                for e in self.graph.edges_directed(n, dir) {
                    if e.weight().relation.event().is_some() && seen.insert(e.id()) {
                        out.push((e.id(), e.weight()));
                    }
                }
            }
        }
        out.sort_by_key(|(id, e)| {
            (
                e.conference
                    .as_ref()
                    .map_or(usize::MAX, |c| self.position(c)),
                *id,
            )
        });
        out
    }

    /// The proposals that target an instrument, in the order of their conferences and ids.
    pub fn proposals_for(&self, instrument: &InstrumentId) -> Vec<&ProposalNode> {
        let mut out: Vec<&ProposalNode> = self
            .proposals
            .values()
            .filter_map(|&n| match &self.graph[n] {
                Node::Proposal(p) if &p.target == instrument => Some(p),
                _ => None,
            })
            .collect();
        out.sort_by_key(|p| (self.position(&p.conference), p.id.clone()));
        out
    }

    /// The version node that a proposal points at.
    pub fn proposal_target(&self, id: &ProposalId) -> Option<&VersionNode> {
        let node = *self.proposals.get(id)?;
        self.graph
            .edges_directed(node, Direction::Outgoing)
            .find(|e| e.weight().relation == Relation::ProposedBy)
            .map(|e| self.version(e.target()))
    }

    /// The instrument a node is a version of, for any node index of a version.
    pub fn version_at(&self, node: NodeIndex) -> Option<&VersionNode> {
        match self.graph.node_weight(node)? {
            Node::Version(v) => Some(v),
            _ => None,
        }
    }
}

/// Events per instrument, from conference records first, then from version records that their
/// conference record does not cover; proposals come from proposal records.
fn stated_events(
    conferences: &[ConferenceRecord],
    versions: &[VersionRecord],
) -> BTreeMap<InstrumentId, Vec<PendingEvent>> {
    let mut events: BTreeMap<InstrumentId, Vec<PendingEvent>> = BTreeMap::new();
    for record in conferences {
        for e in &record.events {
            if e.event == Event::Proposed {
                continue; // proposals come from proposal records
            }
            events
                .entry(e.instrument.clone())
                .or_default()
                .push(PendingEvent {
                    conference: e
                        .earlier
                        .clone()
                        .unwrap_or_else(|| record.conference.id.clone()),
                    event: e.event,
                    status: e.status,
                    revision: e.revision.clone(),
                    title: e.title.clone(),
                    evidence: e.evidence.clone(),
                    earlier: e.earlier.is_some(),
                });
        }
    }
    for v in versions.iter().filter(|v| v.proposal.is_none()) {
        let list = events.entry(v.record.instrument.clone()).or_default();
        if v.record.event != Event::Proposed && !list.iter().any(|e| e.conference == v.conference) {
            list.push(PendingEvent {
                conference: v.conference.clone(),
                event: v.record.event,
                status: v.record.status,
                revision: v.record.revision.clone(),
                title: None,
                evidence: v.record.evidence.clone(),
                earlier: false,
            });
        }
    }

    events
}

/// `DUBAÏ` → `Dubaï`, `BUENOS AIRES` → `Buenos Aires`; mixed case is kept as written.
fn title_case(place: &str) -> String {
    if place.chars().any(|c| c.is_lowercase()) {
        return place.to_string();
    }
    place
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
