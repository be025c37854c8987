//! The assembly of the corpus from the sources: which conferences the main line has, what each
//! did to each instrument and on what evidence, and what each proposal puts forward. See the
//! rules in the documentation of [`crate::corpus`].

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::name_key;
use crate::model::Action;
use crate::model::{
    Citation, Completeness, Conference, ConferenceId, ConferenceRecord, Event, EventRecord,
    Evidence, EvidenceKind, InstrumentId, InstrumentRecord, InstrumentText, Language, Revision,
    Side, Status, Uncertainty,
};
use crate::outcomes::{ConferenceOutcomes, Outcome, OutcomeStatus};
use crate::reader::Proposal;

use super::final_acts::{self, Said};
use super::sources::SourceFinalActs;
use super::unchanged::{self, HeaderSighting};
use super::{
    conference_label, ConferenceState, Corpus, InstrumentState, ProposalChain, ProposalStep,
    ProposedChange, SourceDocument, Sources,
};

/// Why the sources do not make a corpus.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssembleError {
    /// A text's header names a revision that no conference of the catalogue fits.
    #[error("{file}: lines {first}-{last}: {proposal}: the header `{header}` names no conference of conferences.csv")]
    UnknownRevision {
        file: String,
        proposal: String,
        header: String,
        first: u32,
        last: u32,
    },
    /// A text read as the state before a proposal has no revision in its header.
    #[error("{file}: lines {first}-{last}: {proposal}: the text before the proposal has no revision in its header `{header}`")]
    NoRevision {
        file: String,
        proposal: String,
        header: String,
        first: u32,
        last: u32,
    },
    /// A text before a proposal claims a revision at or after the proposals' own conference.
    #[error("{file}: lines {first}-{last}: {proposal}: the header `{header}` names a revision not earlier than the conference the proposal was made to")]
    RevisionNotEarlier {
        file: String,
        proposal: String,
        header: String,
        first: u32,
        last: u32,
    },
    /// A conference named by a document or an outcomes file is not in the catalogue.
    #[error("{file}: the conference `{conference}` is not in conferences.csv")]
    UnknownConference { file: String, conference: String },
    /// A document of proposals registered without a document number.
    #[error("{file}: a document of proposals needs its document number in documents.csv (such as `67` or `44A7`)")]
    NoDocumentNumber { file: String },
}

/// One text of an instrument that a document gives as the state before a proposal.
#[derive(Debug, Clone)]
struct TextVersion {
    instrument: InstrumentId,
    /// The conference its header names.
    conference: ConferenceId,
    text: InstrumentText,
    evidence: Evidence,
    citations: Vec<Citation>,
    uncertain: Vec<Uncertainty>,
}

/// Assembles the corpus. See the module documentation of [`crate::corpus`].
pub fn assemble(sources: &Sources) -> Result<Corpus, AssembleError> {
    let catalogue = &sources.catalogue;
    let mut versions: Vec<TextVersion> = Vec::new();
    let mut sightings: Vec<HeaderSighting> = Vec::new();
    for doc in &sources.documents {
        let seen_at = conference_of(sources, &doc.entry.conference, &doc.entry.file)?;
        for proposal in &doc.document.proposals {
            let Some(old) = &proposal.old else { continue };
            if proposal.target.number.is_none() {
                continue;
            }
            let (first, last) = (proposal.lines.first, proposal.lines.last);
            let error_parts = || {
                (
                    doc.entry.file.clone(),
                    proposal.id.to_string(),
                    old.header.clone(),
                )
            };
            let Some(revision) = &old.revision else {
                let (file, proposal, header) = error_parts();
                return Err(AssembleError::NoRevision {
                    file,
                    proposal,
                    header,
                    first,
                    last,
                });
            };
            let Some(revised_at) = catalogue.by_revision(proposal.target.body, revision) else {
                let (file, proposal, header) = error_parts();
                return Err(AssembleError::UnknownRevision {
                    file,
                    proposal,
                    header,
                    first,
                    last,
                });
            };
            if revised_at.final_acts >= seen_at.start {
                let (file, proposal, header) = error_parts();
                return Err(AssembleError::RevisionNotEarlier {
                    file,
                    proposal,
                    header,
                    first,
                    last,
                });
            }
            let evidence = Evidence {
                kind: EvidenceKind::Stated,
                source: doc.entry.file.clone(),
                entry: Some(proposal.id.to_string()),
                lines: Some(proposal.lines),
                note: Some(format!(
                    "text before the proposal; its header reads `{}`",
                    old.header
                )),
            };
            sightings.push(HeaderSighting {
                instrument: proposal.target.clone(),
                revision: revision.clone(),
                revised_at: revised_at.clone(),
                seen_at: seen_at.clone(),
                evidence: evidence.clone(),
            });
            // A second document giving the same version adds a sighting, not a second text.
            let known = versions.iter().any(|v| {
                v.instrument == proposal.target
                    && v.conference == revised_at.id
                    && v.text.language == old.language
            });
            if !known {
                versions.push(TextVersion {
                    instrument: proposal.target.clone(),
                    conference: revised_at.id.clone(),
                    text: old.clone(),
                    evidence,
                    citations: citations_on(proposal, Side::Old),
                    uncertain: proposal.uncertain.clone(),
                });
            }
        }
    }

    // The main line: every conference that a text or a Final Acts list gives a state for.
    let mut main_ids: BTreeSet<ConferenceId> =
        versions.iter().map(|v| v.conference.clone()).collect();
    for list in &sources.outcomes {
        conference_of(sources, &list.conference, &list.source)?;
        main_ids.insert(list.conference.clone());
    }
    let mut notes = Vec::new();
    for file in &sources.final_acts {
        conference_of(sources, &file.acts.conference, &file.entry.file)?;
        main_ids.insert(file.acts.conference.clone());
    }
    if sources.final_acts.is_empty() {
        notes.push(
            "no Final Acts file is among the sources: what each conference did comes from outcomes/*.csv"
                .to_string(),
        );
    }
    let mut main: Vec<&Conference> = main_ids.iter().filter_map(|id| catalogue.get(id)).collect();
    main.sort_by(|a, b| (a.final_acts, &a.id).cmp(&(b.final_acts, &b.id)));

    let mut states: Vec<ConferenceState> = Vec::new();
    let mut previous: BTreeMap<InstrumentId, InstrumentState> = BTreeMap::new();
    for (index, conference) in main.iter().enumerate() {
        let outcomes = sources
            .outcomes
            .iter()
            .find(|o| o.conference == conference.id);
        let here: BTreeMap<&InstrumentId, &TextVersion> = versions
            .iter()
            .filter(|v| v.conference == conference.id)
            .map(|v| (&v.instrument, v))
            .collect();
        let acts: Vec<&SourceFinalActs> = sources
            .final_acts
            .iter()
            .filter(|f| f.acts.conference == conference.id)
            .collect();
        for file in &acts {
            notes.extend(final_acts::file_notes(conference, file));
            if let Some(list) = outcomes {
                notes.extend(final_acts::disagreements(file, list));
            }
        }
        // A complete Final Acts file decides alone; the outcomes list is the fallback.
        let complete = acts.iter().find(|f| final_acts::is_complete(&f.acts));
        let outcomes = outcomes.filter(|_| complete.is_none());
        let mut concerned: BTreeSet<InstrumentId> = previous.keys().cloned().collect();
        concerned.extend(here.keys().map(|id| (*id).clone()));
        concerned.extend(final_acts::named(&acts));
        if let Some(list) = outcomes {
            concerned.extend(list.outcomes.iter().map(|o| o.instrument.clone()));
        }
        let mut instruments = BTreeMap::new();
        let mut events = Vec::new();
        let mut files = BTreeSet::new();
        for id in &concerned {
            let before = previous.get(id);
            let row = outcomes.and_then(|list| list.get(id).map(|row| (list, row)));
            let decided = if let Some(said) = final_acts::said(&acts, id) {
                match said {
                    Said::Adopted(instruments) => {
                        let other = here.get(id).map(|v| (&v.text, &v.evidence));
                        let (event, state) = final_acts::adopted(&instruments, other);
                        Decided {
                            event,
                            state: Some(state),
                        }
                    }
                    Said::Abrogated(entry) => Decided {
                        event: final_acts::abrogated(entry, before),
                        state: None,
                    },
                }
            } else if let Some((list, row)) = row {
                from_final_acts(conference, list, row, before, here.get(id).copied())
            } else if let Some(version) = here.get(id) {
                from_text(index == 0, before, version)
            } else if let Some(before) = before {
                let absence =
                    complete.map(|f| final_acts::absence_evidence(conference, &f.entry.file, id));
                let (event, state) =
                    unchanged::carried_forward(conference, outcomes, absence, before, &sightings);
                Decided {
                    event,
                    state: Some(state),
                }
            } else {
                continue;
            };
            for evidence in &decided.event.evidence {
                files.insert(evidence.source.clone());
            }
            events.push(decided.event);
            if let Some(state) = decided.state {
                instruments.insert(id.clone(), state);
            }
        }
        states.push(ConferenceState {
            conference: (*conference).clone(),
            instruments: instruments.clone(),
            record: ConferenceRecord {
                conference: (*conference).clone(),
                events,
            },
            sources: files,
        });
        previous = instruments;
    }

    let mut chains = Vec::new();
    for doc in &sources.documents {
        chains.push(proposal_chain(sources, doc, &states)?);
    }
    passed_through(catalogue, &mut states, &chains);
    Ok(Corpus {
        catalogue: catalogue.conferences().to_vec(),
        conferences: states,
        proposals: chains,
        notes,
    })
}

fn conference_of<'a>(
    sources: &'a Sources,
    id: &ConferenceId,
    file: &str,
) -> Result<&'a Conference, AssembleError> {
    sources
        .catalogue
        .get(id)
        .ok_or_else(|| AssembleError::UnknownConference {
            file: file.to_string(),
            conference: id.0.clone(),
        })
}

/// The citations of a proposal on one side of its redline (that side or both).
fn citations_on(proposal: &Proposal, side: Side) -> Vec<Citation> {
    proposal
        .citations
        .iter()
        .filter(|c| c.side == side || c.side == Side::Both)
        .cloned()
        .collect()
}

/// What a conference did to one instrument: the event for its record, and the instrument's state
/// after it (`None` when it is not in force or not in the tree).
struct Decided {
    event: EventRecord,
    state: Option<InstrumentState>,
}

/// An instrument that a Final Acts list names.
fn from_final_acts(
    conference: &Conference,
    list: &ConferenceOutcomes,
    row: &Outcome,
    before: Option<&InstrumentState>,
    version: Option<&TextVersion>,
) -> Decided {
    let evidence = row.evidence(&list.source);
    let (event, state) = match row.status {
        OutcomeStatus::Abrogated => (Event::Suppressed, None),
        OutcomeStatus::New | OutcomeStatus::Revised => {
            let event = if row.status == OutcomeStatus::New {
                Event::Adopted
            } else {
                Event::Revised
            };
            let state = match version {
                Some(version) => {
                    let mut state = text_state(version, event);
                    state.record.evidence.insert(0, evidence.clone());
                    state
                }
                None => absent_text_state(conference, row, event, evidence.clone(), before),
            };
            (event, Some(state))
        }
    };
    let mut event_evidence = vec![evidence];
    if let Some(state) = &state {
        event_evidence = state.record.evidence.clone();
    }
    // An abrogation's label gives the last revision: say so where the corpus held another.
    if let (OutcomeStatus::Abrogated, Some(held)) =
        (row.status, before.and_then(|b| b.record.revision.as_ref()))
    {
        let same = held.year == row.revision.year
            && held.revised == row.revision.revised
            && name_key(&held.place) == name_key(&row.revision.place);
        if !same {
            event_evidence.push(Evidence {
                kind: EvidenceKind::Inferred,
                source: list.source.clone(),
                entry: Some(row.entry()),
                lines: Some(crate::model::LineSpan::line(row.line)),
                note: Some(format!(
                    "the corpus held {held}, but the Final Acts give {} as its last revision",
                    row.revision
                )),
            });
        }
    }
    Decided {
        event: EventRecord {
            instrument: row.instrument.clone(),
            event,
            status: Status::Adopted,
            revision: Some(row.revision.clone()),
            title: row.title_en.clone(),
            evidence: event_evidence,
            earlier: None,
        },
        state,
    }
}

/// A new or revised instrument whose adopted text no source gives: a record without text.
fn absent_text_state(
    conference: &Conference,
    row: &Outcome,
    event: Event,
    evidence: Evidence,
    before: Option<&InstrumentState>,
) -> InstrumentState {
    let done = if event == Event::Adopted {
        "adopted"
    } else {
        "revised"
    };
    let mut notes = vec![format!(
        "the text as {done} at {} is not in the sources",
        conference_label(conference)
    )];
    let mut texts = BTreeMap::new();
    if let Some(before) = before {
        for language in before.texts.keys() {
            texts.insert(*language, Completeness::Absent);
        }
        if !before.texts.is_empty() {
            let revision = before
                .record
                .revision
                .as_ref()
                .map_or_else(|| "the earlier version".to_string(), |r| r.to_string());
            notes.push(format!(
                "the text of {revision} is not carried over: it is an earlier version"
            ));
        }
    }
    let mut titles = BTreeMap::new();
    match &row.title_en {
        Some(title) => {
            titles.insert(Language::En, title.clone());
        }
        None => notes.push("the Final Acts list gives no title (cut short in the source)".into()),
    }
    InstrumentState {
        record: InstrumentRecord {
            instrument: row.instrument.clone(),
            titles,
            revision: Some(row.revision.clone()),
            event,
            status: Status::Adopted,
            texts,
            notes,
            evidence: vec![evidence.clone()],
            citations: Vec::new(),
            uncertain: Vec::new(),
        },
        texts: BTreeMap::new(),
        text_evidence: vec![evidence],
    }
}

/// The state an old text gives, with this event.
fn text_state(version: &TextVersion, event: Event) -> InstrumentState {
    let text = &version.text;
    let mut titles = BTreeMap::new();
    if !text.title.trim().is_empty() {
        titles.insert(text.language, crate::text::squash_whitespace(&text.title));
    }
    InstrumentState {
        record: InstrumentRecord {
            instrument: version.instrument.clone(),
            titles,
            revision: text.revision.clone(),
            event,
            status: Status::Adopted,
            texts: BTreeMap::from([(text.language, text.completeness)]),
            notes: text.notes.clone(),
            evidence: vec![version.evidence.clone()],
            citations: version.citations.clone(),
            uncertain: version.uncertain.clone(),
        },
        texts: BTreeMap::from([(text.language, text.clone())]),
        text_evidence: vec![version.evidence.clone()],
    }
}

/// An instrument whose text at this conference a document gives (its header names it).
fn from_text(first: bool, before: Option<&InstrumentState>, version: &TextVersion) -> Decided {
    let revised = version.text.revision.as_ref().is_some_and(|r| r.revised);
    let event = if first {
        Event::FirstInCorpus
    } else if revised {
        Event::Revised
    } else {
        Event::Adopted
    };
    let mut state = text_state(version, event);
    if first {
        state.record.notes.insert(
            0,
            "the earliest state of this instrument in the corpus; its header states the revision"
                .to_string(),
        );
    } else if before.is_none() && revised {
        state.record.notes.insert(
            0,
            "first in the corpus here; its header states that this conference revised it"
                .to_string(),
        );
    }
    Decided {
        event: EventRecord {
            instrument: version.instrument.clone(),
            event,
            status: Status::Adopted,
            revision: version.text.revision.clone(),
            title: state.record.titles.get(&version.text.language).cloned(),
            evidence: state.record.evidence.clone(),
            earlier: None,
        },
        state: Some(state),
    }
}

/// The proposals of one document, on top of the last main state before their conference.
fn proposal_chain(
    sources: &Sources,
    doc: &SourceDocument,
    states: &[ConferenceState],
) -> Result<ProposalChain, AssembleError> {
    let conference = conference_of(sources, &doc.entry.conference, &doc.entry.file)?;
    let base = states
        .iter()
        .rev()
        .find(|s| s.conference.final_acts < conference.start)
        .map(|s| s.conference.id.clone());
    let steps = doc
        .document
        .proposals
        .iter()
        .map(|proposal| proposal_step(conference, doc, proposal))
        .collect();
    let document = doc
        .entry
        .document
        .ok_or_else(|| AssembleError::NoDocumentNumber {
            file: doc.entry.file.clone(),
        })?;
    Ok(ProposalChain {
        conference: conference.clone(),
        document,
        source: doc.entry.file.clone(),
        origin: doc.entry.origin.clone(),
        submitter: doc.entry.submitter.clone(),
        base,
        steps,
    })
}

fn proposal_step(
    conference: &Conference,
    doc: &SourceDocument,
    proposal: &Proposal,
) -> ProposalStep {
    let evidence = Evidence {
        kind: EvidenceKind::Proposed,
        source: doc.entry.file.clone(),
        entry: Some(proposal.id.to_string()),
        lines: Some(proposal.lines),
        note: None,
    };
    let record = crate::model::ProposalRecord {
        id: proposal.id.clone(),
        conference: conference.id.clone(),
        action: proposal.action,
        target: proposal.target.clone(),
        source: doc.entry.file.clone(),
        lines: proposal.lines,
        reasons: proposal.reasons.clone(),
        evidence: vec![evidence.clone()],
    };
    let change = match proposal.action {
        Action::Sup | Action::SupMoved => ProposedChange::Remove(proposal.target.clone()),
        Action::Noc => ProposedChange::Nothing,
        Action::Mod | Action::ModEditorial | Action::Add | Action::AddMoved => {
            ProposedChange::Put(Box::new(proposed_state(proposal, evidence)))
        }
    };
    ProposalStep { record, change }
}

/// The target as a proposal puts it forward: status proposed, the proposed text only.
fn proposed_state(proposal: &Proposal, evidence: Evidence) -> InstrumentState {
    let mut titles = BTreeMap::new();
    let mut texts = BTreeMap::new();
    let mut completeness = BTreeMap::new();
    let mut notes = vec![format!(
        "{} {}: put forward by the proposal, not an outcome",
        proposal.action, proposal.id
    )];
    match &proposal.new {
        Some(text) => {
            if !text.title.trim().is_empty() {
                titles.insert(text.language, crate::text::squash_whitespace(&text.title));
            }
            completeness.insert(text.language, text.completeness);
            notes.extend(text.notes.iter().cloned());
            texts.insert(text.language, text.clone());
        }
        None => notes.push("the source gives no proposed text".to_string()),
    }
    InstrumentState {
        record: InstrumentRecord {
            instrument: proposal.target.clone(),
            titles,
            revision: proposal.new.as_ref().and_then(|t| t.revision.clone()),
            event: Event::Proposed,
            status: Status::Proposed,
            texts: completeness,
            notes,
            evidence: vec![evidence.clone()],
            citations: citations_on(proposal, Side::New),
            uncertain: proposal.uncertain.clone(),
        },
        texts,
        text_evidence: vec![evidence],
    }
}

/// The conferences that a later fact shows an instrument went through unchanged
/// ([`unchanged::passed_through`]), stored in the records of the conferences that state them;
/// every revision mark of a citation, in a conference's texts or a proposal's, counts as known.
fn passed_through(
    catalogue: &crate::catalogue::Catalogue,
    states: &mut [ConferenceState],
    chains: &[ProposalChain],
) {
    let proposed = chains
        .iter()
        .flat_map(|c| &c.steps)
        .filter_map(|s| match &s.change {
            ProposedChange::Put(state) => Some(&state.record),
            _ => None,
        });
    let cited: Vec<(InstrumentId, Revision)> = states
        .iter()
        .flat_map(|s| s.instruments.values().map(|i| &i.record))
        .chain(proposed)
        .flat_map(|r| &r.citations)
        .filter_map(|c| Some((c.cited.clone(), c.revision.clone()?)))
        .collect();
    let mut records: Vec<ConferenceRecord> = states.iter().map(|s| s.record.clone()).collect();
    unchanged::passed_through(catalogue, &mut records, &cited);
    for (state, record) in states.iter_mut().zip(records) {
        state.record = record;
    }
}
