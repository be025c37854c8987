//! The corpus rendered as a [`HistoryPlan`]: the files of each commit (through
//! [`super::layout`]), who made each commit and when, and its message with trailers. Nothing here
//! reads a clock or the environment: the same corpus gives the same plan, byte for byte.

use std::collections::BTreeMap;

use super::plan::{BranchPlan, CommitPlan, HistoryPlan, Person, TagPlan};
use crate::model::Action;
use crate::model::{Body, Conference, Event, EventRecord, InstrumentId};

use super::layout::{self, trailer};
use crate::corpus::{ConferenceState, Corpus, InstrumentState, ProposalChain, ProposedChange};

/// A tree: paths to contents.
type Tree = BTreeMap<String, Vec<u8>>;

impl Corpus {
    /// The history to write: one commit per conference on `main` (tagged), then one ref per
    /// document of proposals.
    pub fn plan(&self) -> HistoryPlan {
        let mut main = Vec::new();
        let mut trees: Vec<Tree> = Vec::new();
        let mut previous = Tree::new();
        for (index, state) in self.conferences.iter().enumerate() {
            let tree = main_tree(&self.catalogue, &self.conferences[..=index]);
            main.push(conference_commit(state, changes(&previous, &tree)));
            previous = tree.clone();
            trees.push(tree);
        }
        let branches = self
            .proposals
            .iter()
            .map(|chain| {
                let start = chain
                    .base
                    .as_ref()
                    .and_then(|base| {
                        self.conferences
                            .iter()
                            .position(|s| &s.conference.id == base)
                    })
                    .map_or_else(|| root_tree(&self.catalogue), |i| trees[i].clone());
                proposal_branch(chain, start)
            })
            .collect();
        HistoryPlan { main, branches }
    }
}

/// The tree with only the README and the catalogue: where a chain without a base starts.
fn root_tree(catalogue: &[Conference]) -> Tree {
    Tree::from([
        ("README.md".to_string(), layout::README.as_bytes().to_vec()),
        (
            layout::CATALOGUE_PATH.to_string(),
            layout::catalogue_json(catalogue),
        ),
    ])
}

/// The tree after the last of `states`: the README, the catalogue, every conference record so
/// far, the instruments in force.
fn main_tree(catalogue: &[Conference], states: &[ConferenceState]) -> Tree {
    let mut tree = root_tree(catalogue);
    for state in states {
        tree.insert(
            layout::conference_path(&state.conference.id),
            layout::conference_json(&state.record),
        );
    }
    if let Some(last) = states.last() {
        for instrument in last.instruments.values() {
            put_instrument(&mut tree, instrument);
        }
    }
    tree
}

/// Puts an instrument's files into a tree, replacing whatever its folder held.
fn put_instrument(tree: &mut Tree, instrument: &InstrumentState) {
    let id = &instrument.record.instrument;
    remove_instrument(tree, id);
    tree.insert(
        layout::meta_path(id),
        layout::instrument_json(&instrument.record),
    );
    for (language, text) in &instrument.texts {
        tree.insert(
            layout::text_path(id, *language),
            layout::render_text(text).into_bytes(),
        );
    }
}

/// Removes an instrument's folder from a tree.
fn remove_instrument(tree: &mut Tree, id: &InstrumentId) {
    let prefix = format!("{}/", id.tree_dir());
    tree.retain(|path, _| !path.starts_with(&prefix));
}

/// What turns `before` into `after`: changed or new paths with their contents, removed paths
/// with `None`.
fn changes(before: &Tree, after: &Tree) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    for (path, content) in after {
        if before.get(path) != Some(content) {
            out.insert(path.clone(), Some(content.clone()));
        }
    }
    for path in before.keys() {
        if !after.contains_key(path) {
            out.insert(path.clone(), None);
        }
    }
    out
}

/// Seconds since 1970 at 12:00:00 UTC on this day (negative before 1970).
fn noon_utc(date: time::Date) -> i64 {
    date.with_time(time::macros::time!(12:00))
        .assume_utc()
        .unix_timestamp()
}

/// The body's name in French, as the conference signs its commits.
fn body_name_fr(body: Body) -> &'static str {
    body.name_in(crate::model::Language::Fr)
}

/// `Conférence de plénipotentiaires (Busan, 2014)`, `pp-2014-busan@conferences.actes.invalid`,
/// 12:00 UTC on the day of its Final Acts.
fn conference_person(conference: &Conference) -> Person {
    Person {
        name: format!(
            "{} ({}, {})",
            body_name_fr(conference.body),
            conference.place.fr,
            conference.year
        ),
        email: format!("{}@conferences.actes.invalid", conference.id),
        seconds: noon_utc(conference.final_acts),
        offset: 0,
    }
}

/// `Brazil (B)`, `b@proposals.actes.invalid`, 12:00 UTC on the conference's first day.
fn proposal_person(chain: &ProposalChain) -> Person {
    Person {
        name: format!("{} ({})", chain.submitter, chain.origin),
        email: format!("{}@proposals.actes.invalid", chain.origin.to_lowercase()),
        seconds: noon_utc(chain.conference.start),
        offset: 0,
    }
}

/// `6 November 2006`.
fn long_date(date: time::Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// `Plenipotentiary Conference (Busan, 2014)`.
fn conference_title(conference: &Conference) -> String {
    format!(
        "{} ({}, {})",
        conference.body.name(),
        conference.place.en,
        conference.year
    )
}

/// When it met and how sure the Final Acts date is, in one sentence.
fn conference_dates(conference: &Conference) -> String {
    let confidence = match conference.final_acts_confidence.as_str() {
        "last-day" => "taken to be the last day".to_string(),
        other => other.to_string(),
    };
    format!(
        "Held {} to {}; Final Acts signed {} ({confidence}).",
        long_date(conference.start),
        long_date(conference.end),
        long_date(conference.final_acts)
    )
}

/// The events in the order messages list them, with their headings.
const EVENT_ORDER: [(Event, &str, &str); 5] = [
    (
        Event::FirstInCorpus,
        "first in the corpus",
        "First in the corpus",
    ),
    (Event::Adopted, "adopted", "Adopted new"),
    (Event::Revised, "revised", "Revised"),
    (Event::Suppressed, "suppressed", "Suppressed"),
    (Event::Unchanged, "unchanged", "Unchanged"),
];

fn conference_commit(
    state: &ConferenceState,
    changes: BTreeMap<String, Option<Vec<u8>>>,
) -> CommitPlan {
    let conference = &state.conference;
    let person = conference_person(conference);
    // The events about this conference; those about earlier ones (`EventRecord::earlier`) are
    // in the record, not in the message.
    let events: Vec<&EventRecord> = state
        .record
        .events
        .iter()
        .filter(|e| e.earlier.is_none())
        .collect();
    let counts: Vec<String> = EVENT_ORDER
        .iter()
        .filter_map(|(event, word, _)| {
            let n = events.iter().filter(|e| e.event == *event).count();
            (n > 0).then(|| format!("{n} {word}"))
        })
        .collect();
    let mut message = format!(
        "{}: {}\n\n",
        conference_title(conference),
        if counts.is_empty() {
            "no instrument".to_string()
        } else {
            counts.join(", ")
        }
    );
    message.push_str(&format!(
        "The corpus after the {}. {}\n",
        conference_title(conference),
        conference_dates(conference)
    ));
    for (event, _, heading) in EVENT_ORDER {
        let listed: Vec<&EventRecord> = events
            .iter()
            .copied()
            .filter(|e| e.event == event)
            .collect();
        if listed.is_empty() {
            continue;
        }
        message.push_str(&format!("\n{heading}:\n"));
        for record in listed {
            message.push_str(&event_line(
                record,
                state.instruments.get(&record.instrument),
                &changes,
            ));
        }
    }
    message.push_str(&format!(
        "\n{}: {}\n{}: adopted\n",
        trailer::CONFERENCE,
        conference.id,
        trailer::STATUS
    ));
    for source in &state.sources {
        message.push_str(&format!("{}: {source}\n", trailer::SOURCE));
    }
    CommitPlan {
        conference: conference.id.clone(),
        changes,
        author: person.clone(),
        committer: person.clone(),
        message,
        tag: Some(TagPlan {
            name: conference.id.0.clone(),
            tagger: person,
            message: tag_message(conference),
        }),
    }
}

/// One event of a conference message: the instrument, its revision, what the history holds of it,
/// and each piece of evidence on its own line.
fn event_line(
    record: &EventRecord,
    state: Option<&InstrumentState>,
    changes: &BTreeMap<String, Option<Vec<u8>>>,
) -> String {
    let mut line = format!("- {}", record.instrument);
    if let Some(revision) = &record.revision {
        line.push_str(&format!(" ({revision})"));
    }
    let prefix = format!("{}/", record.instrument.tree_dir());
    let removed = changes
        .iter()
        .any(|(path, content)| content.is_none() && path.starts_with(&prefix));
    let holding = match (record.event, state) {
        (Event::Suppressed, _) if removed => "its files are removed".to_string(),
        (Event::Suppressed, _) => "recorded only: the corpus held no state of it".to_string(),
        (_, Some(state)) if state.texts.is_empty() && removed => {
            "text absent from the sources; the earlier text is removed".to_string()
        }
        (_, Some(state)) if state.texts.is_empty() => "text absent from the sources".to_string(),
        (_, Some(state)) => state
            .texts
            .iter()
            .map(|(language, text)| {
                format!("{language} text {}", completeness_word(text.completeness))
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, None) => "not in the tree".to_string(),
    };
    line.push_str(&format!(": {holding}\n"));
    for evidence in &record.evidence {
        line.push_str(&format!("  {evidence}\n"));
    }
    line
}

fn completeness_word(c: crate::model::Completeness) -> &'static str {
    match c {
        crate::model::Completeness::Complete => "complete",
        crate::model::Completeness::Partial => "partial",
        crate::model::Completeness::Absent => "absent",
    }
}

/// The tag message: the conference in English, French and Spanish, its alias and its dates.
fn tag_message(conference: &Conference) -> String {
    let mut names = vec![format!(
        "{} ({}, {})",
        body_name_fr(conference.body),
        conference.place.fr,
        conference.year
    )];
    names.extend(conference.aliases.iter().cloned());
    let mut message = format!(
        "{}\n\n{}.\n{}\n",
        conference_title(conference),
        names.join("; "),
        conference_dates(conference)
    );
    if let Some(note) = &conference.note {
        message.push_str(&format!("Note: {note}.\n"));
    }
    message
}

fn proposal_branch(chain: &ProposalChain, start: Tree) -> BranchPlan {
    let person = proposal_person(chain);
    let mut tree = start;
    let mut commits = Vec::new();
    for step in &chain.steps {
        let before = tree.clone();
        let record = &step.record;
        let what = match &step.change {
            ProposedChange::Put(state) => {
                put_instrument(&mut tree, state);
                let holding = if state.texts.is_empty() {
                    "no proposed text is given".to_string()
                } else {
                    format!(
                        "its text is the proposed text ({})",
                        state
                            .texts
                            .keys()
                            .map(|l| l.code())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let verb = if matches!(record.action, Action::Add | Action::AddMoved) {
                    "Adds"
                } else {
                    "Replaces"
                };
                format!(
                    "{verb} {} as the proposal puts it forward: {holding}.",
                    record.target
                )
            }
            ProposedChange::Remove(id) => {
                remove_instrument(&mut tree, id);
                format!("Removes {id}, which the proposal would suppress.")
            }
            ProposedChange::Nothing => "Changes no text.".to_string(),
        };
        tree.insert(
            layout::proposal_path(&chain.conference.id, &record.id),
            layout::proposal_json(record),
        );
        let mut message = format!(
            "{} {}: {} as proposed by {} ({})\n\n",
            record.action, record.id, record.target, chain.submitter, chain.origin
        );
        message.push_str(&format!(
            "{what} Read from {}, {}. A proposal to the {}, not an outcome: the conference may have adopted it, changed it or rejected it.\n",
            record.source,
            record.lines,
            conference_title(&chain.conference)
        ));
        for reason in &record.reasons {
            message.push_str(&format!("\nReasons: {reason}\n"));
        }
        message.push_str(&format!(
            "\n{}: {}\n{}: {}\n{}: proposed\n{}: {}\n",
            trailer::CONFERENCE,
            chain.conference.id,
            trailer::PROPOSAL,
            record.id,
            trailer::STATUS,
            trailer::SOURCE,
            record.source
        ));
        commits.push(CommitPlan {
            conference: chain.conference.id.clone(),
            changes: changes(&before, &tree),
            author: person.clone(),
            committer: person.clone(),
            message,
            tag: None,
        });
    }
    BranchPlan {
        reference: layout::proposal_ref(&chain.conference.id, chain.document),
        base: chain.base.clone(),
        commits,
    }
}
