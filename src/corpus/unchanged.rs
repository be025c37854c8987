//! Every rule by which the corpus says that an instrument went through a conference unchanged, in
//! one place, so that the history stores the answer and the lineage, the table and the other
//! queries only read it:
//! - at a conference of the main line that does not change it ([`carried_forward`]): stated by
//!   its absence from a complete Final Acts file, inferred from its absence from the Final Acts
//!   list (`outcomes/`), inferred from a header of a later document that still names an earlier
//!   revision, or, where no source says anything, carried forward as it stood;
//! - at a conference of its body between a revision and a later fact that still names that
//!   revision ([`passed_through`]): `Resolution 89 abrogated, Minneapolis, 1998` at Dubai 2018
//!   means that Marrakech 2002, Antalya 2006, Guadalajara 2010 and Busan 2014 did not revise it.
//!   These events are stored in the record of the conference whose fact shows them, each naming
//!   the conference it is about (`EventRecord::earlier`).

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::Catalogue;
use crate::model::{
    Body, Conference, ConferenceId, ConferenceRecord, Event, EventRecord, Evidence, EvidenceKind,
    InstrumentId, Revision, Status,
};
use crate::outcomes::ConferenceOutcomes;

use super::{conference_label, InstrumentState};

/// A header seen in a document of a conference: what revision an instrument carried then.
#[derive(Debug, Clone)]
pub(super) struct HeaderSighting {
    pub instrument: InstrumentId,
    pub revision: Revision,
    /// The conference whose header it is (named by the revision).
    pub revised_at: Conference,
    /// The conference of the document (the header is the state before it).
    pub seen_at: Conference,
    pub evidence: Evidence,
}

/// An instrument of the corpus that no source says this conference changed: its event and its
/// state after the conference. `absence` is the statement of a complete Final Acts file that
/// does not name it.
pub(super) fn carried_forward(
    conference: &Conference,
    outcomes: Option<&ConferenceOutcomes>,
    absence: Option<Evidence>,
    before: &InstrumentState,
    sightings: &[HeaderSighting],
) -> (EventRecord, InstrumentState) {
    let id = &before.record.instrument;
    let label = conference_label(conference);
    // A complete Final Acts file that does not name it states that the conference left it alone.
    let status = if absence.is_some() {
        Status::Adopted
    } else {
        Status::Inferred
    };
    let mut evidence: Vec<Evidence> = absence.into_iter().collect();
    if let Some(list) = outcomes {
        evidence.push(Evidence {
            kind: EvidenceKind::Inferred,
            source: list.source.clone(),
            entry: None,
            lines: None,
            note: Some(format!(
                "{id} is not in the Final Acts list of what {label} adopted, revised or abrogated"
            )),
        });
    }
    for sighting in sightings.iter().filter(|s| {
        &s.instrument == id
            && s.seen_at.start > conference.final_acts
            && s.revised_at.final_acts < conference.start
    }) {
        evidence.push(Evidence {
            kind: EvidenceKind::Inferred,
            note: Some(format!(
                "its header still says {} in a document of {}",
                sighting.revision,
                conference_label(&sighting.seen_at)
            )),
            ..sighting.evidence.clone()
        });
    }
    let mut notes = before.record.notes.clone();
    notes.retain(|n| !n.starts_with("first in the corpus") && !n.starts_with("the earliest state"));
    if evidence.is_empty() {
        let source = before
            .text_evidence
            .first()
            .map_or_else(String::new, |e| e.source.clone());
        evidence.push(Evidence {
            kind: EvidenceKind::Inferred,
            source,
            entry: None,
            lines: None,
            note: Some(format!(
                "no source says what {label} did to it; carried forward as it stood"
            )),
        });
        notes.push(format!(
            "no source says whether {label} changed it; carried forward as it stood"
        ));
    }
    let mut record = before.record.clone();
    record.event = Event::Unchanged;
    record.status = status;
    record.notes = notes;
    record.evidence = before.text_evidence.clone();
    record.evidence.extend(evidence.iter().cloned());
    let event = EventRecord {
        instrument: id.clone(),
        event: Event::Unchanged,
        status,
        revision: record.revision.clone(),
        title: record.titles.values().next().cloned(),
        evidence,
        earlier: None,
    };
    let state = InstrumentState {
        record,
        texts: before.texts.clone(),
        text_evidence: before.text_evidence.clone(),
    };
    (event, state)
}

/// Where a conference stands in time: year, first day, id; a conference known only from a
/// revision mark (not in the catalogue) comes before the catalogue's conferences of its year.
type Position = (i32, Option<time::Date>, ConferenceId);

fn position(conference: &Conference) -> Position {
    (
        conference.year,
        Some(conference.start),
        conference.id.clone(),
    )
}

/// The position of the conference that a revision mark names for a body.
fn mark_position(catalogue: &Catalogue, body: Body, revision: &Revision) -> Position {
    match catalogue.by_revision(body, revision) {
        Some(c) => position(c),
        None => (revision.year, None, ConferenceId(String::new())),
    }
}

/// A conference as the lineage labels it: `Dubai, 2018`, `WTDC Buenos Aires, 2017`.
fn label(conference: &Conference) -> String {
    if conference.body == Body::Pp {
        conference_label(conference)
    } else {
        format!(
            "{} {}",
            conference.body.code().to_uppercase(),
            conference_label(conference)
        )
    }
}

/// Adds to `records` an inferred `unchanged` event at every catalogue conference of an
/// instrument's body that lies between a revision mark and a later event (unchanged or
/// suppressed) that still names it, where nothing else is known of the instrument there (no
/// event, no revision mark of its own or of a citation, `cited`). Each event goes into the
/// record of the later event's conference, names the conference it is about
/// (`EventRecord::earlier`), and points at the later event's evidence with a note saying why.
pub fn passed_through(
    catalogue: &Catalogue,
    records: &mut [ConferenceRecord],
    cited: &[(InstrumentId, Revision)],
) {
    struct Fact<'a> {
        record: usize,
        conference: &'a Conference,
        event: &'a EventRecord,
    }
    let mut facts: BTreeMap<&InstrumentId, Vec<Fact>> = BTreeMap::new();
    // Those already stored count as known, so that the rule adds each once.
    let mut stored: BTreeMap<&InstrumentId, Vec<Position>> = BTreeMap::new();
    for (index, record) in records.iter().enumerate() {
        for event in &record.events {
            if let Some(earlier) = &event.earlier {
                if let Some(c) = catalogue.get(earlier) {
                    stored
                        .entry(&event.instrument)
                        .or_default()
                        .push(position(c));
                }
                continue;
            }
            if event.event == Event::Proposed {
                continue;
            }
            facts.entry(&event.instrument).or_default().push(Fact {
                record: index,
                conference: &record.conference,
                event,
            });
        }
    }
    let mut marks: BTreeMap<&InstrumentId, Vec<&Revision>> = BTreeMap::new();
    for (instrument, revision) in cited {
        marks.entry(instrument).or_default().push(revision);
    }
    let mut added: Vec<(usize, EventRecord)> = Vec::new();
    for (instrument, list) in &facts {
        let body = instrument.body;
        let mut known: BTreeSet<Position> = list.iter().map(|f| position(f.conference)).collect();
        let own = list.iter().filter_map(|f| f.event.revision.as_ref());
        let others = marks.get(instrument).into_iter().flatten().copied();
        known.extend(own.chain(others).map(|r| mark_position(catalogue, body, r)));
        known.extend(stored.get(instrument).into_iter().flatten().cloned());
        let mut later: Vec<&Fact> = list
            .iter()
            .filter(|f| {
                matches!(f.event.event, Event::Unchanged | Event::Suppressed)
                    && f.event.status != Status::Proposed
            })
            .collect();
        later.sort_by_key(|f| position(f.conference));
        for fact in later {
            let e = fact.event;
            let Some(rev) = &e.revision else { continue };
            let since = mark_position(catalogue, body, rev);
            let to = position(fact.conference);
            let at = label(fact.conference);
            let between = catalogue.conferences().iter().filter(|c| {
                let p = position(c);
                c.body == body && p > since && p < to
            });
            let mut between: Vec<&Conference> = between.collect();
            between.sort_by_key(|c| position(c));
            for here in between {
                if !known.insert(position(here)) {
                    continue;
                }
                let why = match e.evidence.first().and_then(|ev| ev.note.as_ref()) {
                    Some(note) if e.status == Status::Inferred => format!("; at {at}: {note}"),
                    _ => String::new(),
                };
                let here_label = label(here);
                let note = if e.event == Event::Suppressed {
                    format!(
                        "abrogated at {at} with `{rev}` as its last revision, so not revised at {here_label}{why}"
                    )
                } else {
                    format!(
                        "its last revision is still `{rev}` at {at}, so not revised at {here_label}{why}"
                    )
                };
                let Some(first) = e.evidence.first() else {
                    continue;
                };
                added.push((
                    fact.record,
                    EventRecord {
                        instrument: (*instrument).clone(),
                        event: Event::Unchanged,
                        status: Status::Inferred,
                        revision: Some(rev.clone()),
                        title: None,
                        evidence: vec![Evidence {
                            kind: EvidenceKind::Inferred,
                            source: first.source.clone(),
                            entry: first.entry.clone(),
                            lines: first.lines,
                            note: Some(note),
                        }],
                        earlier: Some(here.id.clone()),
                    },
                ));
            }
        }
    }
    for (index, event) in added {
        records[index].events.push(event);
    }
}
