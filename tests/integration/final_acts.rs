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

// ---------------------------------------------------------------------------------------------
// `actes add`, and the history built from the shipped sources plus the Final Acts.

/// The shipped sources copied to a scratch folder, and the Final Acts added with `actes add`.
fn added_with_actes_add(name: &str) -> (PathBuf, PathBuf) {
    let root = common::scratch_dir(name);
    let dir = root.join("sources");
    common::copy_dir(&common::sources_dir(), &dir);
    let run = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "add",
        final_acts_path().to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Added documents/pp-2018-dubai/final-acts-en.xml as Final Acts in Akoma Ntoso of pp-2018-dubai in `en`; documents.csv line 3.\n"
    );
    (dir, root.join("history.git"))
}

fn actes_on(dir: &Path, repo: &Path, args: &[&str]) -> common::Run {
    let mut all = vec![
        "--sources",
        dir.to_str().expect("utf-8"),
        "--repo",
        repo.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    common::actes(&all)
}

fn git(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_history_built_with_the_added_final_acts_holds_their_texts_evidence_and_citations() {
    let (dir, repo) = added_with_actes_add("fa-history");
    let build = actes_on(&dir, &repo, &["build"]);
    assert_eq!(build.code, Some(0), "{}", build.stderr);

    // The adopted text of 130, as the reader gives it, through the store's text format.
    let stored = git(&repo, &["show", "pp-2018-dubai:pp/resolution/130/en.txt"]);
    let bytes = std::fs::read(final_acts_path()).expect("the Final Acts read");
    let catalogue = actes::catalogue::Catalogue::load(&dir.join("conferences.csv"))
        .expect("the catalogue loads");
    let acts = actes::reader::akn::read_final_acts("f.xml", &bytes, &catalogue).expect("read");
    let res130 = acts
        .instruments
        .iter()
        .find(|i| i.target == res(130))
        .expect("130 is in the Final Acts");
    let mut lines = stored.lines();
    assert_eq!(lines.next(), Some(res130.text.header.as_str()));
    assert_eq!(lines.next(), Some(res130.text.title.as_str()));
    let paragraphs: usize = res130
        .text
        .sections
        .iter()
        .map(|s| s.paragraphs.len())
        .sum();
    let footnotes: usize = res130
        .text
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.footnotes.len())
        .sum();
    let expected = 2
        + usize::from(res130.text.formula.is_some())
        + res130.text.sections.len()
        + paragraphs
        + footnotes;
    assert_eq!(stored.lines().count(), expected);
    let english = git(&repo, &["ls-tree", "-r", "--name-only", "pp-2018-dubai"])
        .lines()
        .filter(|p| p.ends_with("/en.txt"))
        .count();
    assert_eq!(english, 64);

    let lineage = actes_on(&dir, &repo, &["lineage", "130"]);
    // The last step's evidence (inferred links, where the outcome matcher finds any, follow it).
    let last = lineage
        .stdout
        .lines()
        .rfind(|l| l.trim_start().starts_with("evidence:"))
        .expect("an evidence line");
    assert!(
        last.contains("stated: documents/pp-2018-dubai/final-acts-en.xml, RESOLUTION 130"),
        "{last}"
    );

    let suppressed = actes_on(&dir, &repo, &["suppressed", "--at", "dubai-2018"]);
    assert_eq!(suppressed.code, Some(0), "{}", suppressed.stderr);
    assert!(suppressed.stdout.contains("final-acts-en.xml, PART II"));
    assert!(suppressed.stdout.contains("final-acts-en.xml, PART IV"));

    let table = actes_on(&dir, &repo, &["table", "--format", "csv"]);
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    for instrument in &acts.instruments {
        let number = instrument.target.number.expect("numbered");
        let kind = match instrument.target.kind {
            InstrumentKind::Resolution => "Resolution",
            InstrumentKind::Decision => "Decision",
            _ => "Recommendation",
        };
        let prefix = format!("{kind} {number},");
        let row = table
            .stdout
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{prefix} has a row"));
        assert!(!row[prefix.len()..].starts_with(','), "blank title: {row}");
    }

    let lineage174 = actes_on(&dir, &repo, &["lineage", "174"]);
    let busan = lineage174
        .stdout
        .split("\n\n")
        .find(|block| block.starts_with("Busan, 2014"))
        .expect("a Busan 2014 version");
    assert!(busan.contains("[inferred]"));
    assert!(busan.contains("final-acts-en.xml") && busan.contains("as of Dubai, 2018"));

    let fsck = Command::new("git")
        .arg("--git-dir")
        .arg(&repo)
        .args(["fsck", "--strict"])
        .output()
        .expect("git runs");
    assert!(
        fsck.status.success(),
        "{}",
        String::from_utf8_lossy(&fsck.stderr)
    );

    let first = git(&repo, &["for-each-ref"]);
    let again = actes_on(&dir, &repo, &["build", "--force"]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert_eq!(git(&repo, &["for-each-ref"]), first);
}

#[test]
fn adding_the_same_final_acts_twice_is_refused_naming_the_line_and_nothing_is_written() {
    let (dir, _) = added_with_actes_add("fa-add-twice");
    let before = std::fs::read_to_string(dir.join("documents.csv")).expect("reads");
    let run = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "add",
        final_acts_path().to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("documents.csv: line 3: documents/pp-2018-dubai/final-acts-en.xml is already registered"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("documents.csv")).expect("reads"),
        before
    );
}

#[test]
fn an_addendum_registers_with_its_own_proposal_ref_and_a_clash_names_both_lines() {
    let root = common::scratch_dir("fa-addendum");
    let dir = root.join("sources");
    common::copy_dir(&common::sources_dir(), &dir);
    let seed = std::fs::read_to_string(common::seed_path()).expect("the seed reads");
    let addendum = root.join("44A7-fr.txt");
    std::fs::write(&addendum, seed.replace("B/67/", "B/44A7/")).expect("writes");
    let run = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "add",
        addendum.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout
            .contains("of pp-2018-dubai, document 44A7 in `fr`"),
        "{}",
        run.stdout
    );
    let repo = root.join("history.git");
    let build = actes_on(&dir, &repo, &["build"]);
    assert_eq!(build.code, Some(0), "{}", build.stderr);
    assert!(build.stdout.contains("refs/proposals/pp-2018-dubai/44A7"));
    // The same document again under the other spelling of its number.
    append_row(
        &dir,
        "documents/pp-2018-dubai/67-fr.txt,pp-2018-dubai,44(Add.7),fr,B,Brazil,Again",
    );
    let clash = actes_on(&dir, &repo, &["build"]);
    assert_eq!(clash.code, Some(2));
    assert!(
        clash
            .stderr
            .contains("lines 3 and 4: both register document 44A7 of pp-2018-dubai"),
        "{}",
        clash.stderr
    );
}

#[test]
fn a_file_that_does_not_say_its_conference_asks_for_conference() {
    let root = common::scratch_dir("fa-no-conference");
    let dir = root.join("sources");
    common::copy_dir(&common::sources_dir(), &dir);
    let seed = std::fs::read_to_string(common::seed_path()).expect("the seed reads");
    // With proposed revision marks of a year the catalogue does not know, nothing in the text
    // names a conference.
    let text = seed.replace("2018", "2031");
    let file = root.join("12-fr.txt");
    std::fs::write(&file, text.replace("B/67/", "B/12/")).expect("writes");
    let run = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "add",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(
        run.stderr.contains("pass it with --conference"),
        "{}",
        run.stderr
    );
    let ok = common::actes(&[
        "--sources",
        dir.to_str().expect("utf-8"),
        "add",
        file.to_str().expect("utf-8"),
        "--conference",
        "PP-18",
    ]);
    assert_eq!(ok.code, Some(0), "{}", ok.stderr);
}

#[test]
fn show_diff_and_blame_use_the_language_a_point_has_and_never_diff_across_two() {
    let (dir, repo) = added_with_actes_add("fa-languages");
    let show = actes_on(&dir, &repo, &["show", "130", "--at", "dubai-2018"]);
    assert_eq!(show.code, Some(0), "{}", show.stderr);
    assert!(show
        .stdout
        .contains("(en), as it stood after pp-2018-dubai"));
    let busan = actes_on(&dir, &repo, &["show", "130", "--at", "busan-2014"]);
    assert!(busan
        .stdout
        .contains("(fr), as it stood after pp-2014-busan"));
    let absent = actes_on(
        &dir,
        &repo,
        &["show", "130", "--at", "dubai-2018", "--lang", "fr"],
    );
    assert_eq!(absent.code, Some(2));
    assert!(absent
        .stderr
        .contains("the texts there are in: en (pass --lang en)"));

    let across = actes_on(&dir, &repo, &["diff", "130", "busan-2014", "dubai-2018"]);
    assert_eq!(across.code, Some(0), "{}", across.stderr);
    assert!(across
        .stdout
        .contains("the French text of pp resolution 130 and dubai-2018 the English text: a diff across two languages compares nothing"));
    assert!(!across.stdout.contains("[-"));

    let blame = actes_on(&dir, &repo, &["blame", "130"]);
    assert_eq!(blame.code, Some(0), "{}", blame.stderr);
    assert!(blame
        .stdout
        .starts_with("pp resolution 130, en at pp-2018-dubai"));
    assert!(blame
        .stdout
        .contains("pp-2018-dubai: first English text in the corpus; earlier texts are in fr only"));
}

#[test]
fn a_citation_whose_body_is_undecided_makes_up_no_conference_of_the_body_it_was_given() {
    // The Final Acts cite `Resolution 62 (Rev. Geneva, 2015)` (a Radiocommunication Assembly's)
    // in a PP text without naming the body: the PP never met at Geneva in 2015, and the table
    // has no such column.
    let (dir, repo) = added_with_actes_add("final-acts-undecided-body");
    let run = actes_on(&dir, &repo, &["table", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let table: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let catalogue = std::fs::read_to_string(dir.join("conferences.csv")).expect("catalogue");
    let columns: Vec<&str> = table["conferences"]
        .as_array()
        .expect("conferences")
        .iter()
        .map(|c| c["id"].as_str().expect("an id"))
        .collect();
    assert!(columns.contains(&"pp-2018-dubai"), "{columns:?}");
    for id in columns {
        assert!(
            catalogue.lines().any(|l| l.starts_with(&format!("{id},"))),
            "{id} is not a conference of the catalogue"
        );
    }
}

#[test]
fn an_instrument_absent_from_complete_final_acts_is_stated_unchanged_there() {
    let (dir, repo) = added_with_actes_add("final-acts-stated-unchanged");
    let run = actes_on(&dir, &repo, &["lineage", "14"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let dubai = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Dubai, 2018  unchanged"))
        .expect("a Dubai step");
    assert!(dubai.ends_with("[stated]"), "{dubai}");
    let outcome = actes_on(&dir, &repo, &["outcome", "B/67/1"]);
    assert!(
        outcome
            .stdout
            .contains("not revised at Dubai, 2018 [stated]"),
        "{}",
        outcome.stdout
    );
}
