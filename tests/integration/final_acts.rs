//! The Final Acts among the sources: the Dubai 2018 Final Acts in Akoma Ntoso (read from
//! `../shared/data/`, never copied into the project: each test copies the shipped sources and the
//! file into a scratch folder) decide what the conference did and give its adopted texts. Only
//! counts, labels, numbers and short phrases are asserted: the file and its text are third-party.

use std::path::{Path, PathBuf};
use std::process::Command;

use actes::corpus::{final_acts, Corpus, Sources};
use actes::model::{Event, EvidenceKind, InstrumentId, InstrumentKind, Language};

use crate::common;

const FILE_IN_SOURCES: &str = "documents/pp-2018-dubai/final-acts-en.xml";

fn final_acts_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pp-2018-dubai-final-acts-akn.xml")
}

/// A copy of the shipped sources in a scratch folder, with the Dubai Final Acts registered by
/// hand (the way `actes add` does it is tested on its own).
fn sources_with_final_acts(name: &str) -> PathBuf {
    let dir = common::scratch_dir(name).join("sources");
    common::copy_dir(&common::sources_dir(), &dir);
    std::fs::copy(final_acts_path(), dir.join(FILE_IN_SOURCES)).expect("the Final Acts copy");
    append_row(
        &dir,
        &format!("{FILE_IN_SOURCES},pp-2018-dubai,-,en,-,-,Final Acts (Dubai 2018)"),
    );
    dir
}

fn append_row(dir: &Path, row: &str) {
    let index = dir.join("documents.csv");
    let mut text = std::fs::read_to_string(&index).expect("documents.csv reads");
    text.push_str(row);
    text.push('\n');
    std::fs::write(&index, text).expect("documents.csv writes");
}

fn res(number: u32) -> InstrumentId {
    InstrumentId::numbered(actes::model::Body::Pp, InstrumentKind::Resolution, number)
}

#[test]
fn the_final_acts_and_the_outcomes_list_agree_on_all_75_rows_of_dubai_2018() {
    let dir = sources_with_final_acts("fa-agree");
    let sources = Sources::load(&dir).expect("the sources load");
    assert_eq!(sources.final_acts.len(), 1);
    let list = &sources.outcomes[0];
    assert_eq!(list.outcomes.len(), 75);
    let acts = &sources.final_acts[0];
    assert_eq!(acts.acts.instruments.len() + acts.acts.abrogated.len(), 75);
    assert!(final_acts::is_complete(&acts.acts));
    assert_eq!(final_acts::disagreements(acts, list), Vec::<String>::new());
}

#[test]
fn a_disagreement_of_status_or_label_between_the_two_is_reported_with_both_places() {
    let dir = sources_with_final_acts("fa-disagree");
    let csv = dir.join("outcomes/pp-2018-dubai.csv");
    let text = std::fs::read_to_string(&csv).expect("the list reads");
    let text = text.replacen("decision,5,revised,", "decision,5,new,", 1);
    let text = text.replacen(
        "\"Rev. Dubai, 2018\",Creation",
        "\"Rev. Busan, 2014\",Creation",
        1,
    );
    std::fs::write(&csv, text).expect("the list writes");
    let sources = Sources::load(&dir).expect("the sources load");
    let found = final_acts::disagreements(&sources.final_acts[0], &sources.outcomes[0]);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("line 2") && found[0].contains("new there, revised"));
    assert!(found[1].contains("line 3") && found[1].contains("`Rev. Busan, 2014`"));
    let corpus = Corpus::assemble(&sources).expect("the corpus assembles");
    assert!(corpus.notes.iter().any(|n| n == &found[0]));
}

#[test]
fn the_final_acts_decide_what_dubai_did_with_their_texts_and_evidence() {
    let dir = sources_with_final_acts("fa-decide");
    let corpus = Corpus::assemble(&Sources::load(&dir).expect("the sources load"))
        .expect("the corpus assembles");
    let dubai = corpus
        .state(&actes::model::ConferenceId("pp-2018-dubai".into()))
        .expect("Dubai is on the main line");
    let with_english = dubai
        .instruments
        .values()
        .filter(|i| i.texts.contains_key(&Language::En))
        .count();
    assert_eq!(with_english, 64);
    let res130 = &dubai.instruments[&res(130)];
    assert_eq!(res130.record.event, Event::Revised);
    let evidence = &res130.record.evidence[0];
    assert_eq!(evidence.kind, EvidenceKind::Stated);
    assert_eq!(evidence.source, FILE_IN_SOURCES);
    assert!(evidence.entry.as_deref().is_some_and(|e| e.contains("130")));
    assert!(evidence.lines.is_some());
    // Abrogated: stated by the Part IV list.
    let abrogated = dubai
        .record
        .events
        .iter()
        .find(|e| e.instrument == res(128))
        .expect("128 has an event");
    assert_eq!(abrogated.event, Event::Suppressed);
    assert!(abrogated.evidence[0]
        .entry
        .as_deref()
        .is_some_and(|e| e.starts_with("PART IV")));
    // Absent from the complete file: not revised there, stated by that absence.
    let res14 = &dubai.instruments[&res(14)];
    assert_eq!(res14.record.event, Event::Unchanged);
    let absence = dubai
        .record
        .events
        .iter()
        .find(|e| e.instrument == res(14))
        .expect("14 has an event");
    assert_eq!(absence.evidence[0].kind, EvidenceKind::Stated);
    assert_eq!(absence.evidence[0].source, FILE_IN_SOURCES);
    // ... and carried over with its Antalya 2006 text.
    let fr = &res14.texts[&Language::Fr];
    assert_eq!(fr.revision.as_ref().map(|r| r.year), Some(2006));
    assert!(!res14.texts.contains_key(&Language::En));
}

#[test]
fn the_file_date_is_reported_and_the_commit_keeps_the_catalogue_date() {
    let dir = sources_with_final_acts("fa-date");
    let repo = dir.with_file_name("history.git");
    let run = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "--repo",
        repo.to_str().expect("utf-8"),
        "build",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run
        .stdout
        .contains("is dated 2018-11-15; the commit of pp-2018-dubai keeps the catalogue's date"));
    assert!(!run.stdout.contains("no Final Acts file"));
    assert!(!run.stdout.contains(" is labelled "), "{}", run.stdout);
    let date = Command::new("git")
        .args(["--git-dir", repo.to_str().expect("utf-8")])
        .args(["log", "-1", "--format=%ad", "--date=short", "pp-2018-dubai"])
        .output()
        .expect("git runs");
    assert_eq!(String::from_utf8_lossy(&date.stdout).trim(), "2018-11-16");
}

#[test]
fn two_final_acts_files_for_one_conference_and_language_are_refused_with_exit_2() {
    let dir = sources_with_final_acts("fa-two");
    std::fs::copy(
        final_acts_path(),
        dir.join("documents/pp-2018-dubai/again-en.xml"),
    )
    .expect("the second copy");
    append_row(
        &dir,
        "documents/pp-2018-dubai/again-en.xml,pp-2018-dubai,-,en,-,-,Again",
    );
    let repo = dir.with_file_name("history.git");
    let run = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "--repo",
        repo.to_str().expect("utf-8"),
        "build",
    ]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("lines 3 and 4: two Final Acts files for pp-2018-dubai in `en`"),
        "{}",
        run.stderr
    );
    assert!(!repo.exists());
}
