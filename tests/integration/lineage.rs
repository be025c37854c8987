//! The lineage queries on the shipped corpus: the history is built once from `history/` (reader,
//! corpus, git writer), then the library answers and the `actes` commands print; their text and
//! JSON output is snapshotted.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use actes::corpus::sources::Sources;
use actes::corpus::Corpus;
use actes::history::write::{self, WriteOptions};
use actes::lineage::query::{CellState, ProposalOutcome, TableFilter};
use actes::lineage::{load, Lineage};
use actes::model::{Body, ConferenceId, Event, EvidenceKind, InstrumentId, InstrumentKind, Status};

use crate::common;

/// The shipped history, built once per test run, with its lineage cache written.
fn shipped_repo() -> &'static Path {
    static REPO: OnceLock<PathBuf> = OnceLock::new();
    REPO.get_or_init(|| {
        let dir = common::scratch_dir("lineage-shipped");
        let repo = dir.join("history.git");
        let sources = Sources::load_with(&common::sources_dir(), actes::reader::read_document_with)
            .expect("the shipped sources load");
        let plan = Corpus::assemble(&sources)
            .expect("the shipped sources make a corpus")
            .plan();
        write::write(&repo, &plan, &mut WriteOptions::default()).expect("the history is written");
        load::load(&repo).expect("the records load and the cache is written");
        repo
    })
}

fn lineage() -> Lineage {
    Lineage::from_all(&load::load(shipped_repo()).expect("the records load"))
}

/// Runs `actes --repo <shipped history> ARGS`.
fn actes(args: &[&str]) -> common::Run {
    let repo = shipped_repo().to_str().expect("a UTF-8 path").to_string();
    let mut all = vec!["--repo", repo.as_str()];
    all.extend_from_slice(args);
    common::actes(&all)
}

fn pp(kind: InstrumentKind, n: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Pp, kind, n)
}

fn res(n: u32) -> InstrumentId {
    pp(InstrumentKind::Resolution, n)
}

/// A lineage's steps as (conference id, event, status).
fn steps(report: &actes::lineage::query::LineageReport) -> Vec<(&str, Event, Status)> {
    report
        .steps
        .iter()
        .map(|s| (s.conference.0.as_str(), s.event, s.status))
        .collect()
}

fn dubai() -> ConferenceId {
    ConferenceId("pp-2018-dubai".into())
}

#[test]
fn dubai_2018_suppressed_128_and_the_others_the_final_acts_list() {
    let l = lineage();
    let at = l.resolve_conference("dubai-2018").expect("Dubai 2018");
    let entries = l.suppressed(Some(&at), None).expect("a list");
    let names: Vec<String> = entries.iter().map(|e| e.instrument.to_string()).collect();
    assert_eq!(
        names,
        [
            "pp resolution 36",
            "pp resolution 72",
            "pp resolution 89",
            "pp resolution 128",
            "pp resolution 166",
            "pp resolution 185",
            "pp resolution 187",
            "pp resolution 192",
            "pp resolution 194",
            "pp resolution 202",
            "pp decision 13"
        ]
    );
    for e in &entries {
        assert_eq!(e.status, Status::Adopted, "{}", e.name);
        assert_eq!(e.evidence[0].kind, EvidenceKind::Stated, "{}", e.name);
        assert_eq!(e.evidence[0].source, "outcomes/pp-2018-dubai.csv");
    }
    let r128 = entries
        .iter()
        .find(|e| e.instrument == res(128))
        .expect("128");
    let last = r128.last_revision.as_ref().expect("a last revision");
    assert_eq!(
        (last.place.as_str(), last.year, last.revised),
        ("Antalya", 2006, true)
    );
}

#[test]
fn the_suppression_of_128_shows_brazils_sup_proposal_as_evidence_of_a_proposal() {
    let entries = lineage()
        .suppressed(None, Some(&res(128)))
        .expect("128 is known");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].conference, dubai());
    assert_eq!(entries[0].proposals[0].id.to_string(), "B/67/3");
    assert_eq!(
        entries[0].proposals[0].evidence[0].kind,
        EvidenceKind::Proposed
    );
}

#[test]
fn resolution_14_was_revised_at_antalya_and_b_67_1_was_not_adopted() {
    let report = lineage().lineage(&res(14)).expect("14 is known");
    assert_eq!(
        steps(&report),
        [
            ("pp-2006-antalya", Event::FirstInCorpus, Status::Adopted),
            ("pp-2010-guadalajara", Event::Unchanged, Status::Inferred),
            ("pp-2014-busan", Event::Unchanged, Status::Inferred),
            ("pp-2018-dubai", Event::Proposed, Status::Proposed),
            ("pp-2018-dubai", Event::Unchanged, Status::Inferred),
        ]
    );
    let first = report.steps[0].revision.as_ref().expect("a mark");
    assert_eq!(
        (first.place.as_str(), first.year, first.revised),
        ("Antalya", 2006, true)
    );
    let p = report.steps[3].proposal.as_ref().expect("B/67/1");
    assert_eq!(
        (p.id.to_string(), p.outcome),
        ("B/67/1".into(), ProposalOutcome::NotAdopted)
    );
}

#[test]
fn resolution_130_was_revised_at_busan_and_dubai_without_dubais_text_and_b_67_4_is_not_adopted() {
    let report = lineage().lineage(&res(130)).expect("130 is known");
    let revised: Vec<(&str, Option<&str>)> = report
        .steps
        .iter()
        .filter(|s| s.event == Event::Revised)
        .map(|s| (s.conference.0.as_str(), s.text_note.as_deref()))
        .collect();
    assert_eq!(
        revised,
        [
            ("pp-2014-busan", None),
            ("pp-2018-dubai", Some("adopted text not in the corpus"))
        ]
    );
    let p = report
        .steps
        .iter()
        .find_map(|s| s.proposal.as_ref())
        .expect("B/67/4");
    assert_eq!(p.id.to_string(), "B/67/4");
    assert_ne!(p.outcome, ProposalOutcome::OutcomeAsProposed);
    assert_ne!(p.outcome, ProposalOutcome::NotAdopted);
}

#[test]
fn the_table_has_a_row_for_every_instrument_of_the_final_acts_list_and_the_seed() {
    let l = lineage();
    let table = l.table(&TableFilter::default());
    let outcomes =
        std::fs::read_to_string(common::sources_dir().join("outcomes/pp-2018-dubai.csv"))
            .expect("the outcomes are shipped");
    let mut wanted: Vec<InstrumentId> = outcomes
        .lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.split(',');
            let kind = InstrumentKind::from_word(fields.next().expect("a kind")).expect("a kind");
            let number = fields.next().expect("a number").parse().expect("a number");
            pp(kind, number)
        })
        .collect();
    wanted.extend([res(14), res(71), res(128), res(130)]);
    for i in &wanted {
        assert!(
            table.rows.iter().any(|r| &r.instrument == i),
            "no row for {i}"
        );
    }
    let col = table
        .conferences
        .iter()
        .position(|c| c.id == dubai())
        .expect("a Dubai column");
    let draft = table
        .rows
        .iter()
        .find(|r| r.instrument.provisional.as_deref() == Some("B-1"))
        .expect("a row for the draft [B-1]");
    assert_eq!(
        draft.cells[col].as_ref().map(|c| c.state),
        Some(CellState::Proposed)
    );
    let r14 = table
        .rows
        .iter()
        .find(|r| r.instrument == res(14))
        .expect("14");
    assert_eq!(
        r14.cells[col].as_ref().map(|c| c.state),
        Some(CellState::Unchanged)
    );
}

#[test]
fn citations_with_revision_marks_give_versions_of_every_body() {
    let l = lineage();
    let versions = |body, n| -> Vec<String> {
        l.outcome_versions(&InstrumentId::numbered(body, InstrumentKind::Resolution, n))
            .into_iter()
            .map(|v| l.version_at(v).expect("a version").conference.0.clone())
            .collect()
    };
    assert_eq!(
        versions(Body::Wtdc, 69),
        ["wtdc-2014-dubai", "wtdc-2017-buenos-aires"]
    );
    for n in [50, 52, 58] {
        assert_eq!(
            versions(Body::Wtsa, n),
            ["wtsa-2012-dubai", "wtsa-2016-hammamet"],
            "{n}"
        );
    }
    assert_eq!(versions(Body::Pp, 181), ["pp-2010-guadalajara"]);
}

#[test]
fn the_cache_answers_like_the_repository_and_a_bad_cache_is_read_around() {
    let repo = shipped_repo();
    let fresh = load::read_records(repo).expect("read");
    let cached = load::load(repo).expect("cached");
    let whole = |r: &actes::lineage::Records| Lineage::from_all(r).table(&TableFilter::default());
    assert_eq!(whole(&fresh), whole(&cached));
    let one = load::load_for(repo, &res(130)).expect("one instrument");
    assert_eq!(
        Lineage::from_all(&one).lineage(&res(130)),
        Lineage::from_all(&fresh).lineage(&res(130))
    );
    let key = load::state_key(repo).expect("a key");
    assert!(key.contains("refs/heads/main"), "{key}");
    assert!(key.contains("refs/proposals/pp-2018-dubai/67"), "{key}");
}

#[test]
fn the_history_holds_the_whole_conference_catalogue() {
    let records = load::read_records(shipped_repo()).expect("read");
    let ids: Vec<&str> = records.catalogue.iter().map(|c| c.id.0.as_str()).collect();
    let csv = std::fs::read_to_string(common::sources_dir().join("conferences.csv"))
        .expect("the catalogue is shipped");
    let wanted: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().expect("an id"))
        .collect();
    assert_eq!(ids, wanted);
    // Only three of them have a record (a commit); the others are known through the catalogue.
    assert_eq!(records.conferences.len(), 3);
}

#[test]
fn resolution_89_is_unchanged_at_every_conference_between_minneapolis_1998_and_its_abrogation() {
    let report = lineage().lineage(&res(89)).expect("89 is known");
    assert_eq!(
        steps(&report),
        [
            ("pp-1998-minneapolis", Event::Adopted, Status::Inferred),
            ("pp-2002-marrakech", Event::Unchanged, Status::Inferred),
            ("pp-2006-antalya", Event::Unchanged, Status::Inferred),
            ("pp-2010-guadalajara", Event::Unchanged, Status::Inferred),
            ("pp-2014-busan", Event::Unchanged, Status::Inferred),
            ("pp-2018-dubai", Event::Suppressed, Status::Adopted),
        ]
    );
    for step in &report.steps[1..5] {
        let e = &step.evidence[0];
        assert_eq!(e.kind, EvidenceKind::Inferred);
        assert_eq!(e.source, "outcomes/pp-2018-dubai.csv");
        assert_eq!(e.entry.as_deref(), Some("resolution 89 abrogated"));
        assert_eq!(e.lines, Some(actes::model::LineSpan::line(21)));
        let note = e.note.as_deref().expect("a note");
        assert!(
            note.contains(&format!("not revised at {}", step.conference_label)),
            "{note}"
        );
    }
    // 36, abrogated as `Rev. Guadalajara, 2010`: unchanged at Busan only.
    let r36: Vec<(String, Event)> = lineage()
        .lineage(&res(36))
        .expect("36")
        .steps
        .iter()
        .map(|s| (s.conference.0.clone(), s.event))
        .collect();
    assert_eq!(
        r36,
        [
            ("pp-2010-guadalajara".to_string(), Event::Revised),
            ("pp-2014-busan".to_string(), Event::Unchanged),
            ("pp-2018-dubai".to_string(), Event::Suppressed),
        ]
    );
}

#[test]
fn resolutions_14_and_128_are_unchanged_at_guadalajara_2010_by_their_headers() {
    let l = lineage();
    for n in [14, 128] {
        let report = l.lineage(&res(n)).expect("known");
        let g = report
            .steps
            .iter()
            .find(|s| s.conference.0 == "pp-2010-guadalajara")
            .unwrap_or_else(|| panic!("{n} has a Guadalajara step"));
        assert_eq!((g.event, g.status), (Event::Unchanged, Status::Inferred));
        assert_eq!(g.evidence[0].source, "documents/pp-2018-dubai/67-fr.txt");
    }
}

#[test]
fn actes_table_shows_the_plenipotentiary_conference_unless_asked_for_every_body() {
    let default = actes(&["table"]);
    assert_eq!(default.code, Some(0), "{}", default.stderr);
    assert!(default
        .stdout
        .starts_with("Plenipotentiary Conference (PP)\n"));
    assert!(!default.stdout.contains("WTDC"), "{}", default.stdout);
    assert!(!default.stdout.contains("WTSA"), "{}", default.stdout);
    let all = actes(&["table", "--body", "all"]);
    for heading in [
        "Plenipotentiary Conference (PP)\n",
        "World Telecommunication Development Conference (WTDC)\n",
        "World Telecommunication Standardization Assembly (WTSA)\n",
        "World Telecommunication/ICT Policy Forum (WTPF)\n",
    ] {
        assert!(all.stdout.contains(heading), "{heading}");
    }
    // Under a heading, only that body's conferences head columns.
    let pp_part = all
        .stdout
        .split("World Telecommunication")
        .next()
        .expect("PP");
    assert!(!pp_part.contains("WTDC Dubaï, 2014"), "{pp_part}");
    let json: serde_json::Value =
        serde_json::from_str(&actes(&["table", "--body", "all", "--format", "json"]).stdout)
            .expect("JSON");
    let bodies: Vec<&str> = json
        .as_array()
        .expect("an array of tables")
        .iter()
        .map(|t| t["body"].as_str().expect("a body"))
        .collect();
    assert_eq!(bodies, ["pp", "wtdc", "wtsa", "wtpf"]);
    let bad = actes(&["table", "--body", "banana"]);
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stderr.contains("`banana` is not a body"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_table_cut_to_a_range_has_no_row_for_what_the_range_says_nothing_about() {
    let csv = actes(&["table", "--to", "busan 2014", "--format", "csv"]).stdout;
    assert!(csv.contains("\nResolution 14,"), "{csv}");
    assert!(!csv.contains("\nResolution 2,"), "{csv}");
    assert!(!csv.contains("Dubai, 2018"), "{csv}");
}

fn snap(name: &str, args: &[&str]) {
    insta::assert_snapshot!(name, actes(args).snapshot());
}

#[test]
fn lineage_outputs() {
    snap("lineage_14", &["lineage", "14"]);
    snap(
        "lineage_14_json",
        &["lineage", "Résolution 14", "--format", "json"],
    );
    snap("lineage_130", &["lineage", "res 130"]);
    snap("lineage_130_json", &["lineage", "130", "--format", "json"]);
    snap("lineage_unknown", &["lineage", "999"]);
    snap("lineage_bad_format", &["lineage", "14", "--format", "csv"]);
}

#[test]
fn suppressed_outputs() {
    snap("suppressed_at_dubai", &["suppressed", "--at", "dubai-2018"]);
    snap(
        "suppressed_at_dubai_json",
        &["suppressed", "--at", "Dubaï 2018", "--format", "json"],
    );
    snap("suppressed_128", &["suppressed", "128"]);
    snap(
        "suppressed_128_json",
        &["suppressed", "128", "--format", "json"],
    );
}

#[test]
fn table_outputs() {
    snap("table", &["table", "--body", "pp"]);
    snap(
        "table_json",
        &[
            "table",
            "--body",
            "pp",
            "--from",
            "busan-2014",
            "--format",
            "json",
        ],
    );
    snap("table_markdown", &["table", "--format", "markdown"]);
    snap("table_csv", &["table", "--format", "csv", "--to", "pp-14"]);
    snap(
        "table_html",
        &["table", "--body", "wtdc", "--format", "html"],
    );
    snap("table_all", &["table", "--body", "all", "--from", "2014"]);
}

#[test]
fn in_force_outputs() {
    snap("in_force", &["in-force"]);
    snap(
        "in_force_busan_json",
        &["in-force", "--at", "busan 2014", "--format", "json"],
    );
}

#[test]
fn citation_outputs() {
    snap("cites_130_b_67_4", &["cites", "130", "--at", "B/67/4"]);
    snap(
        "cites_130_b_67_4_json",
        &["cites", "130", "--at", "B/67/4", "--format", "json"],
    );
    snap("cited_by_wtdc_69", &["cited-by", "wtdc res 69"]);
    snap(
        "cited_by_wtdc_69_json",
        &["cited-by", "wtdc res 69", "--format", "json"],
    );
}

#[test]
fn graph_outputs() {
    snap("graph_14_dot", &["graph", "14"]);
    snap("graph_14_mermaid", &["graph", "14", "--format", "mermaid"]);
    snap("graph_14_json", &["graph", "14", "--format", "json"]);
    snap("graph_128_dot", &["graph", "128", "--format", "dot"]);
}

#[test]
fn a_missing_history_is_built_from_the_sources_before_the_first_query() {
    let repo = common::scratch_dir("lineage-first-use").join("history.git");
    let repo = repo.to_str().expect("a UTF-8 scratch path");
    let run = common::actes(&["--repo", repo, "lineage", "14"]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    assert!(run.stdout.starts_with("Resolution 14"), "{}", run.stdout);
    assert!(
        Path::new(repo).join("packed-refs").exists(),
        "the history was written"
    );
}

#[test]
fn an_unreadable_instrument_name_is_bad_input() {
    let bad = actes(&["lineage", "banana"]);
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stderr.contains("cannot read `banana` as an instrument"),
        "{}",
        bad.stderr
    );
}

#[test]
fn in_force_after_busan_gives_each_instrument_the_title_it_had_then() {
    let l = lineage();
    let busan = l.resolve_conference("busan-2014").expect("Busan 2014");
    let report = l.in_force(&busan).expect("in force after Busan");
    let title = |n: u32| {
        report
            .instruments
            .iter()
            .find(|e| e.instrument == res(n))
            .and_then(|e| e.title.clone())
            .map(|t| t.text)
    };
    // The Final Acts of 2018 title 71 "Strategic plan for the Union for 2020-2023"; in 2014 it
    // was the plan for 2016-2019.
    assert_eq!(
        title(71).as_deref(),
        Some("Plan stratégique de l'Union pour la période 2016-2019")
    );
    // An abrogated instrument keeps the title the abrogation list gives for its last version.
    assert_eq!(
        title(36).as_deref(),
        Some(
            "Telecommunications/information and communication technology in the service of \
             humanitarian assistance"
        )
    );
}
