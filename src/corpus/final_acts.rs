//! A conference's Final Acts among the sources (`documents.csv` registers them; the reader is
//! [`crate::reader::akn`]) decide what it did: each instrument they hold was adopted new or
//! revised there, with its adopted text; each entry of their abrogation lists was abrogated; and,
//! where the file is complete (a collection with its abrogation Parts read), an instrument absent
//! from it was not revised there, stated by that absence. When an outcomes list
//! (`outcomes/*.csv`) is there too, the two are compared ([`disagreements`]); the Final Acts win.

use std::collections::BTreeMap;

use crate::catalogue::name_key;
use crate::model::{
    Change, Conference, Event, EventRecord, Evidence, EvidenceKind, InstrumentId, InstrumentRecord,
    InstrumentText, Language, Status,
};
use crate::outcomes::{ConferenceOutcomes, OutcomeStatus};
use crate::reader::akn::{Abrogation, AdoptedInstrument, FinalActs};

use super::sources::SourceFinalActs;
use super::InstrumentState;

/// What the Final Acts of one conference (in one language or several) say of an instrument.
pub(super) enum Said<'a> {
    /// Adopted new or revised, with the text in each language the sources give.
    Adopted(Vec<&'a AdoptedInstrument>),
    Abrogated(&'a Abrogation),
}

/// What the conference's Final Acts say of `id`, if they name it.
pub(super) fn said<'a>(acts: &[&'a SourceFinalActs], id: &InstrumentId) -> Option<Said<'a>> {
    let adopted: Vec<&AdoptedInstrument> = acts
        .iter()
        .filter_map(|f| f.acts.instruments.iter().find(|i| &i.target == id))
        .collect();
    if !adopted.is_empty() {
        return Some(Said::Adopted(adopted));
    }
    acts.iter()
        .find_map(|f| f.acts.abrogated.iter().find(|a| &a.target == id))
        .map(Said::Abrogated)
}

/// Whether a Final Acts file is complete: a collection of instruments whose abrogation lists
/// were read (so that an instrument it does not name was neither revised nor abrogated there).
pub fn is_complete(acts: &FinalActs) -> bool {
    acts.instruments.len() > 1 && !acts.abrogated.is_empty()
}

/// The instruments (and their ids) that the Final Acts name, adopted or abrogated.
pub(super) fn named(acts: &[&SourceFinalActs]) -> Vec<InstrumentId> {
    let mut ids: Vec<InstrumentId> = Vec::new();
    for f in acts {
        ids.extend(f.acts.instruments.iter().map(|i| i.target.clone()));
        ids.extend(f.acts.abrogated.iter().map(|a| a.target.clone()));
    }
    ids
}

/// The evidence that an instrument absent from a complete Final Acts was not revised there.
pub(super) fn absence_evidence(conference: &Conference, file: &str, id: &InstrumentId) -> Evidence {
    Evidence {
        kind: EvidenceKind::Stated,
        source: file.to_string(),
        entry: None,
        lines: None,
        note: Some(format!(
            "{id} is neither among the instruments the Final Acts of {}, {} adopted or revised nor in their lists of abrogated instruments (all Parts read)",
            conference.place.en, conference.year
        )),
    }
}

/// An instrument the Final Acts adopted new or revised: its event and its state, with the
/// adopted text in each language given (and a text of another language that a later document
/// gives of the same version, `other`).
pub(super) fn adopted(
    instruments: &[&AdoptedInstrument],
    other: Option<(&InstrumentText, &Evidence)>,
) -> (EventRecord, InstrumentState) {
    let first = instruments[0];
    let mut titles = BTreeMap::new();
    let mut texts = BTreeMap::new();
    let mut completeness = BTreeMap::new();
    let mut notes = Vec::new();
    let mut evidence = Vec::new();
    let mut citations = Vec::new();
    let mut uncertain = Vec::new();
    for instrument in instruments {
        let text = marked_text(instrument);
        let language = text.language;
        if !text.title.trim().is_empty() {
            titles.insert(language, crate::text::squash_whitespace(&text.title));
        }
        completeness.insert(language, text.completeness);
        notes.extend(text.notes.iter().cloned());
        for finding in instrument.uncertain.iter().filter(|f| f.repaired) {
            let mut note = format!(
                "repaired ({}) at {}, line {}",
                finding.at.what.as_str(),
                finding.element,
                finding.at.line
            );
            if !finding.at.readings.is_empty() {
                note.push_str(&format!(": {}", finding.at.readings.join("; ")));
            }
            notes.push(note);
        }
        uncertain.extend(
            instrument
                .uncertain
                .iter()
                .filter(|f| !f.repaired)
                .map(|f| f.at.clone()),
        );
        texts.insert(language, text);
        evidence.push(instrument.evidence.clone());
        citations.extend(instrument.citations.iter().cloned());
    }
    let mut text_evidence = evidence.clone();
    if let Some((text, source)) = other {
        if let std::collections::btree_map::Entry::Vacant(slot) = texts.entry(text.language) {
            if !text.title.trim().is_empty() {
                titles.insert(text.language, crate::text::squash_whitespace(&text.title));
            }
            completeness.insert(text.language, text.completeness);
            slot.insert(text.clone());
            text_evidence.push(source.clone());
        }
    }
    let record = InstrumentRecord {
        instrument: first.target.clone(),
        titles: titles.clone(),
        revision: first.text.revision.clone(),
        event: first.event,
        status: Status::Adopted,
        texts: completeness,
        notes,
        evidence: evidence.clone(),
        citations,
        uncertain,
    };
    let event = EventRecord {
        instrument: first.target.clone(),
        event: first.event,
        status: Status::Adopted,
        revision: first.text.revision.clone(),
        title: titles
            .get(&Language::En)
            .or_else(|| titles.values().next())
            .cloned(),
        evidence,
        earlier: None,
    };
    (
        event,
        InstrumentState {
            record,
            texts,
            text_evidence,
        },
    )
}

/// The instrument's text, its unsettled paragraphs marked as such (`[?]` in the history).
fn marked_text(instrument: &AdoptedInstrument) -> InstrumentText {
    let mut text = instrument.text.clone();
    for finding in instrument.uncertain.iter().filter(|f| !f.repaired) {
        for (section, elements) in text.sections.iter_mut().zip(&instrument.elements) {
            for (paragraph, element) in section.paragraphs.iter_mut().zip(&elements.paragraphs) {
                if element == &finding.element {
                    paragraph.change = Change::Uncertain;
                }
            }
        }
    }
    text
}

/// An instrument the Final Acts list as abrogated: its event (the list's label gives its last
/// revision), and a second piece of evidence where the corpus held another revision.
pub(super) fn abrogated(entry: &Abrogation, before: Option<&InstrumentState>) -> EventRecord {
    let mut evidence = vec![entry.evidence.clone()];
    if let (Some(held), Some(listed)) = (
        before.and_then(|b| b.record.revision.as_ref()),
        entry.revision.as_ref(),
    ) {
        let same = held.year == listed.year
            && held.revised == listed.revised
            && name_key(&held.place) == name_key(&listed.place);
        if !same {
            evidence.push(Evidence {
                kind: EvidenceKind::Inferred,
                note: Some(format!(
                    "the corpus held {held}, but the Final Acts give {listed} as its last revision"
                )),
                ..entry.evidence.clone()
            });
        }
    }
    EventRecord {
        instrument: entry.target.clone(),
        event: Event::Suppressed,
        status: Status::Adopted,
        revision: entry.revision.clone(),
        title: Some(entry.title.clone()).filter(|t| !t.trim().is_empty()),
        evidence,
        earlier: None,
    }
}

/// The notes a Final Acts file gives about its conference: a date other than the catalogue's
/// (reported, never applied), and the reader's notes about the file.
pub(super) fn file_notes(conference: &Conference, file: &SourceFinalActs) -> Vec<String> {
    let mut notes = Vec::new();
    let catalogue_date = conference.final_acts.to_string();
    if let Some(date) = &file.acts.date_in_file {
        let same = crate::model::iso_date::parse(date.trim()).ok() == Some(conference.final_acts);
        if !same {
            notes.push(format!(
                "{}: the file is dated {}; the commit of {} keeps the catalogue's date of the Final Acts, {catalogue_date}",
                file.entry.file,
                date.trim(),
                conference.id
            ));
        }
    }
    for note in &file.acts.notes {
        notes.push(format!("{}: {note}", file.entry.file));
    }
    notes
}

/// Every disagreement between the Final Acts of a conference and its outcomes list: an
/// instrument in one and not the other, another status, another label (case aside; titles are
/// not compared). Each names both places.
pub fn disagreements(acts: &SourceFinalActs, list: &ConferenceOutcomes) -> Vec<String> {
    let fa = &acts.acts;
    let mut found = Vec::new();
    for row in &list.outcomes {
        let at = format!("{}: line {}", list.source, row.line);
        let said: Option<(OutcomeStatus, String, &Evidence)> = fa
            .instruments
            .iter()
            .find(|i| i.target == row.instrument)
            .map(|i| {
                let status = if i.event == Event::Adopted {
                    OutcomeStatus::New
                } else {
                    OutcomeStatus::Revised
                };
                (status, label_of_header(&i.text.header), &i.evidence)
            })
            .or_else(|| {
                fa.abrogated
                    .iter()
                    .find(|a| a.target == row.instrument)
                    .map(|a| (OutcomeStatus::Abrogated, a.label.clone(), &a.evidence))
            });
        let Some((status, label, evidence)) = said else {
            found.push(format!(
                "{at}: {} is {} there, but the Final Acts ({}) do not name it",
                row.instrument, row.status, acts.entry.file
            ));
            continue;
        };
        let place = evidence_place(evidence);
        if status != row.status {
            found.push(format!(
                "{at}: {} is {} there, {status} in the Final Acts ({place})",
                row.instrument, row.status
            ));
        }
        if crate::text::fold(&label_core(&label)) != crate::text::fold(&label_core(&row.label)) {
            found.push(format!(
                "{at}: {} is labelled `{}` there, `{label}` in the Final Acts ({place})",
                row.instrument, row.label
            ));
        }
    }
    for id in named(&[acts]) {
        if list.get(&id).is_none() {
            found.push(format!(
                "{}: {id} is in the Final Acts ({}) but not in the list",
                list.source, acts.entry.file
            ));
        }
    }
    found
}

/// `REV. DUBAI, 2018` from `RESOLUTION 130 (REV. DUBAI, 2018)`.
fn label_of_header(header: &str) -> String {
    match (header.find('('), header.rfind(')')) {
        (Some(open), Some(close)) if open < close => header[open + 1..close].to_string(),
        _ => header.to_string(),
    }
}

/// A label without parentheses or doubled spaces, for comparison.
fn label_core(label: &str) -> String {
    crate::text::squash_whitespace(label.trim().trim_start_matches('(').trim_end_matches(')'))
}

/// `pp-2018-dubai-final-acts-akn.xml, PART IV ... (eId), line 5`: where a fact stands.
fn evidence_place(evidence: &Evidence) -> String {
    let mut place = evidence.source.clone();
    if let Some(entry) = &evidence.entry {
        place.push_str(&format!(", {entry}"));
    }
    if let Some(lines) = evidence.lines {
        place.push_str(&format!(", line {}", lines.first));
    }
    place
}
