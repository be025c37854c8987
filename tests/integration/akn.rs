//! The Akoma Ntoso reader: the Dubai 2018 Final Acts in `../shared/data/` (counts, labels,
//! numbers and short phrases only: the file and its text are third-party), a small fictional
//! statement of our own (snapshots), and bad input (errors with file and line, exit 2, no panic).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use actes::catalogue::Catalogue;
use actes::model::{Event, InstrumentKind};
use actes::reader::akn::repair::TitleState;
use actes::reader::akn::{read_final_acts, FinalActs};
use proptest::prelude::*;

use crate::common;

fn final_acts_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pp-2018-dubai-final-acts-akn.xml")
}

fn catalogue() -> Catalogue {
    Catalogue::load(&common::sources_dir().join("conferences.csv")).expect("the catalogue loads")
}

fn dubai() -> &'static FinalActs {
    static ACTS: OnceLock<FinalActs> = OnceLock::new();
    ACTS.get_or_init(|| {
        let bytes = std::fs::read(final_acts_path()).expect("../shared/data holds the Final Acts");
        read_final_acts("pp-2018-dubai-final-acts-akn.xml", &bytes, &catalogue())
            .expect("the Final Acts read")
    })
}

fn fixture() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/akn/statement.xml"))
        .expect("the fixture is in tests/fixtures/akn")
}

#[test]
fn the_dubai_final_acts_hold_64_instruments_of_the_expected_kinds_and_events() {
    let acts = dubai();
    assert_eq!(acts.conference.0, "pp-2018-dubai");
    assert_eq!(acts.date_in_file.as_deref(), Some("2018-11-15"));
    assert_eq!(acts.instruments.len(), 64);
    let of = |kind: InstrumentKind, event: Event| -> Vec<u32> {
        acts.instruments
            .iter()
            .filter(|i| i.target.kind == kind && i.event == event)
            .filter_map(|i| i.target.number)
            .collect()
    };
    assert_eq!(of(InstrumentKind::Decision, Event::Revised), vec![5, 11]);
    let revised = of(InstrumentKind::Resolution, Event::Revised);
    assert_eq!(revised.len(), 51);
    assert!(revised.iter().all(|n| (2..=203).contains(n)));
    assert_eq!(
        of(InstrumentKind::Resolution, Event::Adopted),
        (204..=213).collect::<Vec<_>>()
    );
    assert_eq!(of(InstrumentKind::Recommendation, Event::Adopted), vec![7]);
}

#[test]
fn no_title_keeps_a_footnote_digit_or_a_page_number() {
    for i in &dubai().instruments {
        let title = &i.text.title;
        let glued = title.split(' ').any(|w| {
            w.len() > 3
                && !w.starts_with("IPv")
                && w.ends_with(|c: char| c.is_ascii_digit())
                && w.chars().rev().nth(1).is_some_and(char::is_lowercase)
        });
        assert!(!glued, "{}: {title}", i.target);
        let last = title.rsplit(' ').next().unwrap_or("");
        assert!(
            !(last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit())),
            "{}: {title}",
            i.target
        );
    }
    let res_123 = instrument(InstrumentKind::Resolution, 123);
    assert_eq!(
        res_123.title_footnotes.len(),
        1,
        "the title's footnote is kept aside"
    );
}

fn instrument(kind: InstrumentKind, number: u32) -> &'static actes::reader::akn::AdoptedInstrument {
    dubai()
        .instruments
        .iter()
        .find(|i| i.target.kind == kind && i.target.number == Some(number))
        .expect("the instrument is in the Final Acts")
}

#[test]
fn titles_the_source_cuts_short_are_marked_and_never_completed() {
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pp-2018-dubai-final-acts.csv"),
    )
    .expect("the facts CSV is in ../shared/data");
    let blank: BTreeSet<(String, u32)> = csv
        .lines()
        .skip(1)
        .filter(|l| l.ends_with(','))
        .map(|l| {
            let mut f = l.split(',');
            let kind = f.next().expect("kind").to_string();
            (kind, f.next().expect("number").parse().expect("a number"))
        })
        .collect();
    assert_eq!(blank.len(), 13);
    for (kind, number) in &blank {
        let i = instrument(InstrumentKind::from_word(kind).expect("a kind"), *number);
        assert_ne!(i.title_state, TitleState::Whole, "{kind} {number}");
    }
    let res_207 = instrument(InstrumentKind::Resolution, 207);
    assert_eq!(res_207.title_state, TitleState::CutShort);
    assert_eq!(res_207.text.title, "ITU Journal:");
    // Only titles the facts list as cut short are marked certain.
    for i in &dubai().instruments {
        if i.title_state == TitleState::CutShort {
            let key = (
                i.target.kind.code().to_string(),
                i.target.number.expect("numbered"),
            );
            assert!(blank.contains(&key), "{}", i.target);
        }
    }
}

#[test]
fn resolution_130_is_revised_at_dubai_with_its_recalling_items_labelled_from_a() {
    let res = instrument(InstrumentKind::Resolution, 130);
    assert_eq!(res.event, Event::Revised);
    let revision = res.text.revision.as_ref().expect("a revision mark");
    assert!(revision.revised && revision.year == 2018);
    let recalling = res
        .text
        .sections
        .iter()
        .find(|s| s.heading == "recalling")
        .expect("a recalling section");
    let labels: Vec<&str> = recalling
        .paragraphs
        .iter()
        .map(|p| p.label.as_deref().unwrap_or("-"))
        .collect();
    let expected: Vec<String> = ('a'..='q').map(|c| format!("{c})")).collect();
    assert_eq!(labels, expected);
    assert!(recalling.paragraphs[0].text.starts_with("United Nations"));
    assert!(
        res.uncertain
            .iter()
            .any(|f| f.at.what == "label-from-text" && f.element == "rec_1"),
        "the repair is listed with its eId"
    );
    assert!(res.citations.iter().any(|c| c.cited.number == Some(174)));
    let headings: Vec<&str> = res
        .text
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert!(headings.contains(&"resolves"));
}

#[test]
fn the_abrogated_lists_are_read_and_taken_out_of_the_texts_before_them() {
    let acts = dubai();
    let listed: Vec<(String, u32, String)> = acts
        .abrogated
        .iter()
        .map(|a| {
            (
                a.target.kind.code().to_string(),
                a.target.number.expect("numbered"),
                a.label.to_lowercase(),
            )
        })
        .collect();
    let expected = [
        ("decision", 13, "busan, 2014"),
        ("resolution", 36, "rev. guadalajara, 2010"),
        ("resolution", 72, "rev. busan, 2014"),
        ("resolution", 89, "minneapolis, 1998"),
        ("resolution", 128, "rev. antalya, 2006"),
        ("resolution", 166, "rev. busan, 2014"),
        ("resolution", 185, "busan, 2014"),
        ("resolution", 187, "busan, 2014"),
        ("resolution", 192, "busan, 2014"),
        ("resolution", 194, "busan, 2014"),
        ("resolution", 202, "busan, 2014"),
    ];
    let expected: Vec<(String, u32, String)> = expected
        .iter()
        .map(|(k, n, l)| (k.to_string(), *n, l.to_string()))
        .collect();
    assert_eq!(listed, expected);
    for a in &acts.abrogated {
        assert!(!a.title.is_empty() && !a.title.ends_with(|c: char| c.is_ascii_digit()));
        assert!(a
            .evidence
            .entry
            .as_deref()
            .is_some_and(|e| e.starts_with("PART")));
        assert!(a.revised_at.is_some(), "{}", a.target);
    }
    for (kind, number) in [
        (InstrumentKind::Decision, 11),
        (InstrumentKind::Resolution, 213),
    ] {
        let i = instrument(kind, number);
        for p in i.text.sections.iter().flat_map(|s| &s.paragraphs) {
            assert!(!p.text.contains("ABROGATED"), "{}", i.target);
            assert!(!p.text.contains("PART "), "{}", i.target);
        }
        assert!(i
            .uncertain
            .iter()
            .any(|f| f.at.what == "abrogated-list-removed" && f.repaired));
    }
    let dec_11 = instrument(InstrumentKind::Decision, 11);
    assert!(dec_11
        .uncertain
        .iter()
        .any(|f| f.at.what == "empty-paragraph-dropped" && f.element == "para_18"));
}

#[test]
fn every_kind_number_status_and_label_agrees_with_the_facts_and_the_outcomes() {
    let acts = dubai();
    let mut read: BTreeSet<(String, u32, String, String)> = BTreeSet::new();
    for i in &acts.instruments {
        let status = if i.event == Event::Revised {
            "revised"
        } else {
            "new"
        };
        let revision = i.text.revision.as_ref().expect("a revision mark");
        read.insert((
            i.target.kind.code().to_string(),
            i.target.number.expect("numbered"),
            status.to_string(),
            revision.to_string().to_lowercase(),
        ));
    }
    for a in &acts.abrogated {
        read.insert((
            a.target.kind.code().to_string(),
            a.target.number.expect("numbered"),
            "abrogated".to_string(),
            a.label.to_lowercase(),
        ));
    }
    let facts = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pp-2018-dubai-final-acts.csv"),
    )
    .expect("the facts CSV");
    let outcomes =
        std::fs::read_to_string(common::sources_dir().join("outcomes/pp-2018-dubai.csv"))
            .expect("the outcomes CSV");
    for (name, text) in [("facts", facts), ("outcomes", outcomes)] {
        let rows: BTreeSet<(String, u32, String, String)> = text
            .lines()
            .skip(1)
            .map(|line| {
                let fields = csv_fields(line);
                (
                    fields[0].clone(),
                    fields[1].parse().expect("a number"),
                    fields[2].clone(),
                    fields[3].to_lowercase(),
                )
            })
            .collect();
        assert_eq!(rows.len(), 75, "{name}");
        assert_eq!(read, rows, "{name}");
    }
}

/// The fields of a CSV line with quoted fields (no quotes inside them in these files).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

#[test]
fn the_small_statement_reads_with_every_repair_listed() {
    let acts = read_final_acts("statement.xml", &fixture(), &catalogue()).expect("it reads");
    insta::assert_json_snapshot!("akn_statement_json", acts);
}

#[test]
fn ingest_prints_the_small_statement_as_text_and_its_repairs() {
    let path = "tests/fixtures/akn/statement.xml";
    let text = common::actes(&["ingest", path]);
    let uncertain = common::actes(&["ingest", path, "--uncertain"]);
    insta::assert_snapshot!(
        "akn_ingest_text",
        format!("{}\n---\n{}", text.snapshot(), uncertain.snapshot())
    );
}

#[test]
fn prefixes_indentation_and_line_breaks_do_not_change_the_reading() {
    let original = String::from_utf8(fixture()).expect("UTF-8");
    let prefixed = original
        .replace("<akomaNtoso xmlns=", "<a:akomaNtoso xmlns:a=")
        .replace("</akomaNtoso>", "</a:akomaNtoso>");
    // Every other element with the prefix too.
    let mut prefixed_all = String::new();
    let mut rest = prefixed.as_str();
    while let Some(at) = rest.find('<') {
        prefixed_all.push_str(&rest[..at + 1]);
        rest = &rest[at + 1..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) && !rest.starts_with("a:") {
            prefixed_all.push_str("a:");
        } else if let Some(r) = rest.strip_prefix('/') {
            if !r.starts_with("a:") {
                prefixed_all.push_str("/a:");
                rest = r;
            }
        }
    }
    prefixed_all.push_str(rest);
    let flat: String = original.lines().map(str::trim).collect::<Vec<_>>().join("");
    let spread = original.replace("><", ">\n   \n<");
    let read = |text: &str| {
        let mut acts = read_final_acts("s.xml", text.as_bytes(), &catalogue()).expect("it reads");
        // Lines differ by construction; everything else must not.
        let i = &mut acts.instruments[0];
        i.evidence.lines = None;
        for s in &mut i.text.sections {
            s.lines = actes::model::LineSpan::line(0);
            for p in &mut s.paragraphs {
                p.lines = actes::model::LineSpan::line(0);
            }
        }
        for c in &mut i.citations {
            c.line = 0;
        }
        for f in &mut i.uncertain {
            f.at.line = 0;
        }
        i.uncertain.sort();
        for a in &mut acts.abrogated {
            a.evidence.lines = None;
        }
        serde_json::to_value(&acts).expect("serializes")
    };
    let base = read(&original);
    assert_eq!(read(&prefixed_all), base, "prefixed");
    assert_eq!(read(&flat), base, "on one line");
    assert_eq!(read(&spread), base, "spread over lines");
}

#[test]
fn bad_input_is_refused_with_file_line_and_what_was_expected() {
    let cat = catalogue();
    let cases: [(&str, &str, &str); 6] = [
        ("malformed", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<statement>", "well-formed XML"),
        ("not akn", "<html>\n<body/></html>", "Akoma Ntoso root"),
        ("dtd", "<!DOCTYPE x [<!ENTITY e \"boom\">]>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>", "without a document type declaration"),
        ("no number", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<statement name=\"resolution\"><preface><p><docType>RESOLUTION</docType><docNumber>X (DUBAI, 2018)</docNumber></p></preface></statement></akomaNtoso>", "an instrument number"),
        ("no conference", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<statement name=\"resolution\"><preface><p><docType>RESOLUTION</docType><docNumber>9</docNumber></p></preface></statement></akomaNtoso>", "a revision mark"),
        ("unknown conference", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<statement name=\"resolution\"><preface><p><docType>RESOLUTION</docType><docNumber>9 (ATLANTIS, 2018)</docNumber></p></preface></statement></akomaNtoso>", "a conference of the catalogue"),
    ];
    for (name, text, expected) in cases {
        let err = read_final_acts("bad.xml", text.as_bytes(), &cat).expect_err(name);
        assert_eq!(err.file, "bad.xml", "{name}");
        assert!(err.line >= 1, "{name}");
        assert!(err.expected.contains(expected), "{name}: {err}");
    }
}

#[test]
fn ingest_refuses_bad_xml_with_exit_2() {
    let dir = common::scratch_dir("akn-bad");
    let bad = dir.join("bad.xml");
    std::fs::write(
        &bad,
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<statement>\n",
    )
    .expect("writes");
    let other = dir.join("other.xml");
    std::fs::write(&other, "<?xml version=\"1.0\"?>\n<html/>\n").expect("writes");
    for path in [bad, other] {
        let run = common::actes(&["ingest", &path.display().to_string()]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(run.stderr.contains("line"), "{}", run.stderr);
        assert!(!run.stderr.contains("panicked"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn truncated_copies_never_panic(cut in 0usize..4000) {
        let bytes = fixture();
        let cut = cut.min(bytes.len());
        let cat = catalogue();
        let _ = read_final_acts("cut.xml", &bytes[..cut], &cat);
    }

    #[test]
    fn mutated_copies_never_panic(at in 0usize..4000, byte in any::<u8>(), delete in any::<bool>()) {
        let mut bytes = fixture();
        let at = at.min(bytes.len() - 1);
        if delete { bytes.remove(at); } else { bytes[at] = byte; }
        let cat = catalogue();
        if let Err(e) = read_final_acts("mutated.xml", &bytes, &cat) {
            prop_assert!(e.line >= 1);
            prop_assert!(!e.expected.is_empty());
        }
    }
}
