//! Never unmarked uncertainty: every reading the reader reports as unsettled, on the seed and on
//! the test fixtures, each one enumerated, is marked `[?]` in the history's text and in `show`,
//! `blame` and `search`, and the citations standing in its paragraph are never stated.

use std::path::{Path, PathBuf};
use std::process::Command;

use actes::model::{Change, InstrumentText, Opening, Uncertainty};
use actes::reader::settle::openings;
use actes::reader::{read_document, read_raw_document, Proposal};
use serde_json::Value;

use crate::common;

/// A project folder whose sources hold the shipped catalogue and outcomes and one document.
fn project_with(
    name: &str,
    fixture: &Path,
    document: u32,
    language: &str,
    origin: &str,
) -> PathBuf {
    let project = common::scratch_dir(name);
    let sources = project.join("history");
    std::fs::create_dir_all(sources.join("documents/pp-2018-dubai")).expect("writable");
    common::copy_dir(
        &common::sources_dir().join("outcomes"),
        &sources.join("outcomes"),
    );
    std::fs::copy(
        common::sources_dir().join("conferences.csv"),
        sources.join("conferences.csv"),
    )
    .expect("the catalogue copies");
    let file = format!("documents/pp-2018-dubai/{document}-{language}.txt");
    std::fs::copy(fixture, sources.join(&file)).expect("the document copies");
    std::fs::write(
        sources.join("documents.csv"),
        format!(
            "file,conference,document,language,origin,submitter,title\n\
             {file},pp-2018-dubai,{document},{language},{origin},{origin},a document\n"
        ),
    )
    .expect("the index writes");
    let built = common::actes_in(&project, &["build"]);
    assert_eq!(built.code, Some(0), "{}", built.snapshot());
    project
}

fn json(project: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = common::actes_in(project, &all);
    assert_eq!(run.code, Some(0), "{args:?}: {}", run.snapshot());
    serde_json::from_str(&run.stdout).expect("JSON output")
}

/// The one line a marked reading must carry, as the history's text file writes it.
fn marked_line(
    text: &InstrumentText,
    u: &Uncertainty,
    line_of: &[(Opening, [u32; 2])],
) -> Option<String> {
    for section in &text.sections {
        for p in &section.paragraphs {
            if (p.lines.first..=p.lines.last).contains(&u.line) {
                assert_eq!(p.change, Change::Uncertain, "{u:?} leaves {p:?} unmarked");
                return Some(squash(&p.text));
            }
        }
    }
    let (opening, _) = line_of
        .iter()
        .find(|(_, [first, last])| (*first..=*last).contains(&u.line))?;
    assert!(
        text.unsettled_openings.contains(opening),
        "{u:?} leaves {opening:?} unmarked"
    );
    Some(squash(match opening {
        Opening::Header => &text.header,
        Opening::Title => &text.title,
        Opening::Formula => text.formula.as_deref().unwrap_or_default(),
        Opening::Heading(i) => &text.sections[*i].heading,
    }))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn git_show(repo: &Path, spec: &str) -> String {
    let output = Command::new("git")
        .args(["--git-dir", repo.to_str().expect("UTF-8"), "show", spec])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git show {spec}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Checks every unsettled reading of `document` (read as `name`) in the history built in
/// `project`; returns how many were checked.
fn check_every_unsettled_reading(project: &Path, name: &str, bytes: &[u8]) -> usize {
    // Read as the build reads it: with the meetings of the shipped catalogue.
    let catalogue =
        actes::catalogue::Catalogue::load(&common::sources_dir().join("conferences.csv"))
            .expect("the shipped catalogue loads");
    let meetings = actes::reader::citations::Meetings::from_conferences(catalogue.conferences());
    let document =
        actes::reader::read_document_with(name, bytes, &meetings).expect("the document reads");
    let raw = read_raw_document(name, bytes).expect("the document reads");
    let repo = project.join("target/actes-history.git");
    let mut checked = 0;
    for (p, r) in document.proposals.iter().zip(&raw.proposals) {
        let line_of: Vec<(Opening, [u32; 2])> = openings(&r.instrument)
            .into_iter()
            .map(|(o, l)| (o, [l.first, l.last]))
            .collect();
        for u in p.uncertain.iter().filter(|u| !u.is_note()) {
            let mut sides = 0;
            let old_at = p
                .old
                .as_ref()
                .and_then(|t| t.revision.as_ref())
                .map(|r| format!("{}, {}", r.place, r.year));
            for (text, at) in [
                (p.old.as_ref(), old_at),
                (p.new.as_ref(), Some(p.id.to_string())),
            ] {
                let (Some(text), Some(at)) = (text, at) else {
                    continue;
                };
                let Some(words) = marked_line(text, u, &line_of) else {
                    continue;
                };
                sides += 1;
                check_one(project, &repo, p, text, u, &at, &words);
            }
            assert!(sides > 0, "{} {u:?}: no text carries it", p.id);
            checked += 1;
        }
    }
    checked
}

fn check_one(
    project: &Path,
    repo: &Path,
    p: &Proposal,
    text: &InstrumentText,
    u: &Uncertainty,
    at: &str,
    words: &str,
) {
    let target = p.target.to_string();
    let what = format!("{} {} line {} at {at}", p.id, u.what, u.line);
    let lang = text.language.code();
    // A line of the text file: `[?] `, then `label\t` for a labelled paragraph, then the words.
    let marked = |line: &str| {
        line.strip_prefix("[?] ")
            .is_some_and(|rest| squash(rest.split_once('\t').map_or(rest, |(_, t)| t)) == words)
    };
    // show
    let show = common::actes_in(project, &["show", &target, "--at", at, "--lang", lang]);
    assert_eq!(show.code, Some(0), "{what}: {}", show.snapshot());
    assert!(
        show.stdout.lines().any(marked),
        "{what}: show leaves it unmarked"
    );
    // blame, and the history's text at the same commit
    let blame = json(project, &["blame", &target, "--at", at, "--lang", lang]);
    let version = blame["versions"]
        .as_array()
        .and_then(|v| v.last())
        .expect("blame names its versions");
    let commit = version["commit"].as_str().expect("a commit");
    let name = version["name"].as_str().expect("a name");
    let blamed = blame["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter(|l| squash(l["text"].as_str().unwrap_or("")) == words)
        .collect::<Vec<_>>();
    assert!(!blamed.is_empty(), "{what}: blame lacks the line");
    assert!(
        blamed
            .iter()
            .all(|l| l["attribution"]["status"] == "unsettled"),
        "{what}: blame leaves it unmarked: {blamed:?}"
    );
    // search
    let phrase: String = words
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let found = json(project, &["search", &phrase]);
    let hits: Vec<&Value> = found["tracks"]
        .as_array()
        .expect("tracks")
        .iter()
        .flat_map(|t| t["present_in"].as_array().into_iter().flatten())
        .filter(|v| v["version"]["name"] == name)
        .flat_map(|v| v["lines"].as_array().into_iter().flatten())
        .filter(|l| squash(l["text"].as_str().unwrap_or("")) == words)
        .collect();
    assert!(
        !hits.is_empty(),
        "{what}: search does not find «{phrase}» in {name}"
    );
    assert!(
        hits.iter().all(|l| l["unsettled"] == true),
        "{what}: search leaves it unmarked"
    );
    // cites: no citation standing in the paragraph is stated, and each names the reading
    let cites = json(project, &["cites", &target, "--at", at]);
    for c in cites.as_array().expect("entries") {
        let line = c["line"].as_u64().unwrap_or(0) as u32;
        if line != u.line {
            continue;
        }
        for e in c["evidence"].as_array().expect("evidence") {
            assert_ne!(e["kind"], "stated", "{what}: a stated citation {c}");
            assert!(
                e["note"].as_str().is_some_and(|n| n.contains(&u.named())),
                "{what}: the citation does not name the reading: {c}"
            );
        }
    }
    // the history's text, at the commit blame read
    let file = git_show(
        repo,
        &format!(
            "{commit}:{}/{}.txt",
            p.target.tree_dir(),
            text.language.code()
        ),
    );
    assert!(
        file.lines().any(marked),
        "{what}: the history's text leaves it unmarked"
    );
}

#[test]
fn every_unsettled_reading_of_the_seed_is_marked_in_show_blame_search_cites_and_the_history() {
    let project = project_with("unsettled-seed", &common::seed_path(), 67, "fr", "B");
    let checked = check_every_unsettled_reading(&project, common::SEED_NAME, &common::seed_bytes());
    // 25 readings the reader reports as unsettled on the seed, each checked above.
    assert_eq!(checked, 25);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn every_unsettled_reading_of_the_spanish_fixture_is_marked_everywhere() {
    let path = fixture("es-proposals.txt");
    let project = project_with("unsettled-es", &path, 67, "es", "B");
    let bytes = std::fs::read(&path).expect("the fixture reads");
    let checked =
        check_every_unsettled_reading(&project, "documents/pp-2018-dubai/67-es.txt", &bytes);
    assert_eq!(checked, 1);
}

#[test]
fn a_repair_the_reader_only_lists_is_a_note_and_leaves_no_mark() {
    let path = fixture("en-proposals.txt");
    let project = project_with("unsettled-en", &path, 44, "en", "EUR");
    let bytes = std::fs::read(&path).expect("the fixture reads");
    let name = "documents/pp-2018-dubai/44-en.txt";
    assert_eq!(check_every_unsettled_reading(&project, name, &bytes), 0);
    let document = read_document(name, &bytes).expect("the fixture reads");
    let notes: Vec<&Uncertainty> = document
        .proposals
        .iter()
        .flat_map(|p| &p.uncertain)
        .collect();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].is_note(), "{:?}", notes[0]);
    let show = common::actes_in(&project, &["show", "EUR-1", "--at", "EUR/44A7/2"]);
    assert_eq!(show.code, Some(0), "{}", show.snapshot());
    assert!(!show.stdout.contains("[?]"), "{}", show.stdout);
}

#[test]
fn a_text_of_busan_2014_cannot_name_cmdt_17_so_that_paragraph_is_unsettled_and_its_citations_inferred(
) {
    let document = common::seed_document();
    let p = common::proposal(document, "B/67/4");
    let later: Vec<&Uncertainty> = p
        .uncertain
        .iter()
        .filter(|u| u.what == "later-than-text")
        .collect();
    assert!(
        later
            .iter()
            .any(|u| u.line == 111 && u.excerpt == "CMDT-17"),
        "{later:?}"
    );
    let c = p
        .citations
        .iter()
        .find(|c| c.line == 111 && c.as_written.contains("69"))
        .expect("reconnaissant c) cites Resolution 69");
    assert!(
        c.unsettled
            .as_deref()
            .is_some_and(|r| r.contains("ainsiet")),
        "{c:?}"
    );
    // The new text, of Dubai 2018, may name CMDT-17: no reading says otherwise for it alone.
    assert!(!later.iter().any(|u| u.readings[0].contains("new text")));
}
