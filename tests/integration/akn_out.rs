//! Akoma Ntoso out: every version with a text in the shipped history, and every proposal, exports
//! to a document that the OASIS schema validates (xmllint), and reading the document back with a
//! plain XML parser gives the history's text, line for line.

use std::path::{Path, PathBuf};
use std::process::Command;

use actes::export::{Export, ExportInput};
use actes::history::read::{History, RevisionKind};
use actes::history::write::{self, WriteOptions};
use actes::model::{Completeness, Language};
use quick_xml::events::Event;

use super::common;

/// The schema, beside the clone (never committed here).
fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/akomantoso30.xsd")
}

/// The shipped history, built once into a scratch repository.
fn shipped_history() -> History {
    static REPO: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let repo = REPO.get_or_init(|| {
        let sources =
            actes::corpus::Sources::load(&common::sources_dir()).expect("the shipped sources load");
        let plan = actes::corpus::Corpus::assemble(&sources)
            .expect("the shipped corpus assembles")
            .plan();
        let repo = common::scratch_dir("akn-out-shipped").join("h.git");
        write::write(&repo, &plan, &mut WriteOptions::default()).expect("the history is written");
        repo
    });
    History::open(repo).expect("the history opens")
}

/// Every export of the shipped history: each version with a text at each conference, each
/// proposal; with a name for the file.
fn every_export(history: &History) -> Vec<(String, ExportInput)> {
    let mut out = Vec::new();
    for conference in history.conferences() {
        let label = conference
            .conference
            .as_ref()
            .expect("a conference commit names its conference")
            .0
            .clone();
        let at = history.resolve(&label).expect("the conference resolves");
        for record in history.instrument_records(at.commit).expect("records read") {
            for (language, completeness) in &record.texts {
                if *completeness == Completeness::Absent {
                    continue;
                }
                let input = actes::export::gather(history, &record.instrument, *language, &at)
                    .expect("a version with a text exports");
                let name = format!("{label}-{}-{language}", record.instrument.tree_dir());
                out.push((name, input));
            }
        }
    }
    for reference in history.proposal_refs().expect("proposal refs read") {
        for commit in &reference.commits {
            let proposal = commit.proposal.clone().expect("a proposal commit names it");
            let at = history.resolve(&proposal).expect("the proposal resolves");
            assert_eq!(at.kind, RevisionKind::Proposal);
            let record = history
                .proposal_records(at.commit)
                .expect("proposal records read")
                .into_iter()
                .find(|r| r.id.to_string() == proposal)
                .expect("the proposal has its record");
            let input = actes::export::gather(history, &record.target, Language::Fr, &at)
                .expect("a proposal exports");
            out.push((format!("proposal-{proposal}"), input));
        }
    }
    out
}

/// Runs xmllint on the files; panics with its report unless every file validates.
pub(crate) fn validate(files: &[PathBuf]) {
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .args(files)
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) => panic!(
            "xmllint could not run ({e}): install it (Debian: apt-get install libxml2-utils); \
             .ci/run installs it when missing"
        ),
    };
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "xmllint found errors:\n{report}");
    assert_eq!(
        report.matches(" validates").count(),
        files.len(),
        "each file validates:\n{report}"
    );
}

fn name_file(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        + ".xml"
}

#[test]
fn every_version_and_every_proposal_of_the_shipped_history_validates_against_the_akn_schema() {
    let history = shipped_history();
    let exports = every_export(&history);
    let versions = exports
        .iter()
        .filter(|(_, e)| matches!(e.export, Export::Version(_)))
        .count();
    let proposals = exports.len() - versions;
    // Antalya: 14, 128; Busan: 14, 71, 128, 130; Dubai: 14. And the five proposals of B/67.
    assert_eq!(versions, 7);
    assert_eq!(proposals, 5);
    let dir = common::scratch_dir("akn-out-validate");
    let mut files = Vec::new();
    for (name, input) in &exports {
        let path = dir.join(name_file(name));
        std::fs::write(&path, actes::render::akn::render(input)).expect("scratch is writable");
        files.push(path);
    }
    validate(&files);
}

#[test]
fn an_exported_version_reads_back_into_the_histories_text_line_for_line() {
    let history = shipped_history();
    let mut checked = 0;
    for (name, input) in every_export(&history) {
        let xml = actes::render::akn::render(&input);
        match &input.export {
            Export::Version(version) => {
                assert_eq!(read_back(&xml, false), version.raw, "{name}");
                checked += 1;
            }
            Export::Proposal(proposal) => {
                if let Some(proposed) = &proposal.proposed {
                    assert_eq!(read_back(&xml, true), proposed.raw, "{name}");
                    checked += 1;
                }
            }
        }
    }
    // Seven versions, and four proposals with a text (the suppression B/67/3 gives none).
    assert_eq!(checked, 11);
}

#[test]
fn every_exported_version_reads_back_through_the_akn_reader_into_the_same_text() {
    let history = shipped_history();
    let catalogue =
        actes::catalogue::Catalogue::load(&common::sources_dir().join("conferences.csv"))
            .expect("the shipped catalogue loads");
    let mut checked = 0;
    for (name, input) in every_export(&history) {
        let Export::Version(version) = &input.export else {
            continue;
        };
        let xml = actes::render::akn::render(&input);
        let acts = actes::reader::akn::read_final_acts(&name, xml.as_bytes(), &catalogue)
            .unwrap_or_else(|e| panic!("{name} reads back: {e}"));
        assert_eq!(acts.instruments.len(), 1, "{name}");
        let read = &acts.instruments[0];
        assert_eq!(read.target, version.instrument, "{name}");
        assert_eq!(read.text.language, version.language, "{name}");
        assert_eq!(read.text.revision, version.record.revision, "{name}");
        assert_eq!(
            actes::history::layout::render_text(&read.text),
            version.raw,
            "{name}"
        );
        checked += 1;
    }
    assert_eq!(checked, 7);
}

#[test]
fn every_citation_of_resolution_130_at_busan_is_a_ref_to_the_version_it_cites() {
    let history = shipped_history();
    let at = history.resolve("pp-2014-busan").expect("Busan resolves");
    let instrument = actes::names::parse_instrument("130").expect("a name");
    let input = actes::export::gather(&history, &instrument, Language::Fr, &at).expect("exports");
    let Export::Version(version) = &input.export else {
        panic!("a conference gives a version");
    };
    let xml = actes::render::akn::render(&input);
    let distinct: std::collections::BTreeSet<_> = version
        .record
        .citations
        .iter()
        .map(|c| (&c.cited, &c.revision, &c.as_written, &c.section, &c.label))
        .collect();
    assert!(distinct.len() > 10);
    assert_eq!(xml.matches("<ref ").count(), distinct.len());
    assert!(xml.contains(
        "href=\"/akn/un/statement/deliberation/itu-pp/2014-11-07/res-174\">Résolution 174 (Rév. Busan, 2014)</ref>"
    ));
    assert!(xml.contains("<FRBRuri value=\"/akn/un/statement/deliberation/itu-pp/2014-11-07/res-130/fra@2014-11-07\"/>"));
    assert!(xml.contains("class=\"uncertain\""));
    assert!(xml.contains("<authorialNote marker=\"1\""));
}

#[test]
fn a_proposal_exports_as_an_amendment_naming_its_target_and_saying_it_is_not_an_outcome() {
    let repo = common::scratch_dir("akn-out-cli").join("h.git");
    let run = common::actes(&[
        "--repo",
        &repo.to_string_lossy(),
        "--format",
        "akn",
        "show",
        "130",
        "--at",
        "B/67/4",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("<amendment name=\"proposal\">"));
    assert!(run.stdout.contains(
        "<affectedDocument href=\"/akn/un/statement/deliberation/itu-pp/2014-11-07/res-130\">"
    ));
    assert!(run.stdout.contains("not an outcome"));
    assert!(run.stdout.contains("<quotedStructure"));
}

#[test]
fn a_version_without_a_text_is_not_exported_and_says_why_with_exit_2() {
    let repo = common::scratch_dir("akn-out-no-text").join("h.git");
    let repo = repo.to_string_lossy();
    let run = common::actes(&[
        "--repo",
        &repo,
        "--quiet",
        "--format",
        "akn",
        "show",
        "130",
        "--at",
        "dubai-2018",
    ]);
    insta::assert_snapshot!(run.snapshot());
    let run = common::actes(&[
        "--repo", &repo, "--format", "akn", "show", "14", "--at", "B/67/4",
    ]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("B/67/4 is about pp resolution 130"));
}

/// Reads an exported document back into the lines of a history text file, with nothing but an
/// XML parser: the header and title (preface, or the quoted `longTitle`), the formula, each
/// heading, each numbered item as `label<TAB>text` (with `[?] ` when marked uncertain) followed by
/// its footnotes as `[^mark]<TAB>text`, and the omission. `quoted`: read the `quotedStructure` of
/// an amendment rather than the body of a statement.
fn read_back(xml: &str, quoted: bool) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut item: Option<Item> = None;
    let mut buffer = String::new();
    // A line outside the items (header, title, formula) the reader could not settle.
    let mut line_uncertain = false;
    let in_scope = |stack: &[String]| {
        if quoted {
            stack.iter().any(|s| s == "quotedStructure")
        } else {
            !stack.iter().any(|s| s == "meta")
        }
    };
    loop {
        let event = reader.read_event().expect("the export is well-formed XML");
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if in_scope(&stack) {
                    match name.as_str() {
                        "p" if item.is_none() => {
                            line_uncertain = e
                                .try_get_attribute("class")
                                .expect("attributes read")
                                .is_some_and(|a| a.value.as_ref() == b"uncertain");
                        }
                        "recital" | "paragraph" => {
                            let uncertain = e
                                .try_get_attribute("class")
                                .expect("attributes read")
                                .is_some_and(|a| a.value.as_ref() == b"uncertain");
                            item = Some(Item {
                                uncertain,
                                ..Item::default()
                            });
                        }
                        "authorialNote" => {
                            let marker = e
                                .try_get_attribute("marker")
                                .expect("attributes read")
                                .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                                .unwrap_or_default();
                            if let Some(item) = item.as_mut() {
                                item.notes.push((marker, String::new()));
                            }
                        }
                        _ => {}
                    }
                }
                stack.push(name);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                if !in_scope(&stack) || name == "quotedStructure" {
                    continue;
                }
                let in_note = stack.iter().any(|s| s == "authorialNote");
                match name.as_str() {
                    "recital" | "paragraph" => {
                        let it = item.take().expect("an item is open");
                        if it.label.is_none() && it.text.is_empty() && it.notes.is_empty() {
                            // The empty recital under a heading with nothing else.
                            continue;
                        }
                        let mark = if it.uncertain { "[?] " } else { "" };
                        lines.push(match it.label {
                            Some(label) => format!("{mark}{label}\t{}", it.text),
                            None => format!("{mark}{}", it.text),
                        });
                        for (marker, text) in it.notes {
                            lines.push(format!("[^{marker}]\t{text}"));
                        }
                    }
                    "heading" | "p" if item.is_none() && !in_note && !buffer.is_empty() => {
                        let mark = if std::mem::take(&mut line_uncertain) {
                            "[?] "
                        } else {
                            ""
                        };
                        lines.push(format!("{mark}{}", std::mem::take(&mut buffer)));
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if !in_scope(&stack) {
                    continue;
                }
                let text = t.decode().expect("text decodes").into_owned();
                push_text(&stack, &mut item, &mut buffer, &text);
            }
            Event::GeneralRef(r) => {
                if !in_scope(&stack) {
                    continue;
                }
                let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                let text = quick_xml::escape::unescape(&format!("&{name};"))
                    .expect("a known entity")
                    .into_owned();
                push_text(&stack, &mut item, &mut buffer, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Appends text read inside an element to where it belongs: a footnote, an item's label or
/// words, or the line being read. White space between block elements is no text.
fn push_text(stack: &[String], item: &mut Option<Item>, buffer: &mut String, text: &str) {
    // Inside an amendment, only what is within the quoted structure counts.
    let start = stack
        .iter()
        .rposition(|s| s == "quotedStructure")
        .map_or(0, |i| i + 1);
    let stack = &stack[start..];
    let inline = stack
        .iter()
        .any(|s| matches!(s.as_str(), "p" | "heading" | "num"));
    if !inline {
        return;
    }
    let in_note = stack.iter().any(|s| s == "authorialNote");
    let in_num = stack.last().is_some_and(|s| s == "num");
    match item.as_mut() {
        Some(it) if in_note => {
            if let Some(note) = it.notes.last_mut() {
                note.1.push_str(text);
            }
        }
        Some(it) if in_num => it.label.get_or_insert_with(String::new).push_str(text),
        Some(it) => it.text.push_str(text),
        None => buffer.push_str(text),
    }
}

/// A numbered item being read back.
#[derive(Default)]
struct Item {
    label: Option<String>,
    text: String,
    uncertain: bool,
    notes: Vec<(String, String)>,
}

/// The Dubai 2018 Final Acts in Akoma Ntoso, beside the clone (third-party: never committed).
fn final_acts_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pp-2018-dubai-final-acts-akn.xml")
}

#[test]
fn the_64_instruments_of_the_dubai_final_acts_re_export_valid_and_read_back_the_same() {
    let catalogue =
        actes::catalogue::Catalogue::load(&common::sources_dir().join("conferences.csv"))
            .expect("the shipped catalogue loads");
    let bytes = std::fs::read(final_acts_path()).expect("the Final Acts are beside the clone");
    let acts = actes::reader::akn::read_final_acts("final-acts.xml", &bytes, &catalogue)
        .expect("the Final Acts read");
    assert_eq!(acts.instruments.len(), 64);
    let conference = catalogue
        .get(&acts.conference)
        .expect("the catalogue knows the conference");
    let signed = conference.final_acts;
    let signed = format!(
        "{:04}-{:02}-{:02}",
        signed.year(),
        u8::from(signed.month()),
        signed.day()
    );
    let dir = common::scratch_dir("akn-out-final-acts");
    let mut files = Vec::new();
    let mut exports = Vec::new();
    for adopted in &acts.instruments {
        let version = actes::export::source_version(
            &adopted.target,
            &adopted.text,
            adopted.event,
            vec![adopted.evidence.clone()],
            adopted.citations.clone(),
            &acts.conference.0,
            &signed,
        );
        let input = ExportInput {
            export: Export::Version(Box::new(version.clone())),
            catalogue: catalogue.conferences().to_vec(),
        };
        let xml = actes::render::akn::render(&input);
        let path = dir.join(name_file(&adopted.target.tree_dir()));
        std::fs::write(&path, &xml).expect("scratch is writable");
        files.push(path);
        exports.push((version, xml));
    }
    validate(&files);
    let mut differences = Vec::new();
    for (version, xml) in &exports {
        let name = version.instrument.tree_dir();
        let back = actes::reader::akn::read_final_acts(&name, xml.as_bytes(), &catalogue)
            .unwrap_or_else(|e| panic!("{name} reads back: {e}"));
        assert_eq!(back.instruments.len(), 1, "{name}");
        let read = &back.instruments[0];
        assert_eq!(read.target, version.instrument, "{name}");
        assert_eq!(read.text.revision, version.record.revision, "{name}");
        if let Some(difference) = first_difference(
            &actes::history::layout::render_text(&read.text),
            &version.raw,
        ) {
            differences.push(format!("{name}: {difference}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The first line where two texts differ, both sides shortened, with its number.
fn first_difference(got: &str, want: &str) -> Option<String> {
    let short = |s: &str| s.chars().take(160).collect::<String>();
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    (0..g.len().max(w.len()))
        .find(|&i| g.get(i) != w.get(i))
        .map(|i| {
            format!(
                "line {}: read back {:?}, exported {:?}",
                i + 1,
                g[i.saturating_sub(2)..(i + 2).min(g.len())]
                    .iter()
                    .map(|s| short(s))
                    .collect::<Vec<_>>(),
                w[i.saturating_sub(2)..(i + 2).min(w.len())]
                    .iter()
                    .map(|s| short(s))
                    .collect::<Vec<_>>()
            )
        })
}

/// A small text of our own in `language`: header, title, formula, a preamble section with a
/// footnote and an unsettled paragraph, an operative section with labelled items, and an
/// operative section with an unlabelled one; partial, with what the source leaves out.
fn small_text(language: Language) -> actes::model::InstrumentText {
    use actes::model::{Change, Footnote, LineSpan, Paragraph, Section};
    let (header, revision, title, formula, headings, words) = match language {
        Language::Fr => (
            "RÉSOLUTION 130 (Rév. Busan, 2014)",
            "Rév. Busan, 2014",
            "Un titre",
            "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Busan, 2014),",
            ["considérant", "décide", "charge le Secrétaire général"],
            ["que la sécurité compte1", "un paragraphe douteux", "de continuer", "de rendre compte"],
        ),
        Language::En => (
            "RESOLUTION 130 (Rev. Busan, 2014)",
            "Rev. Busan, 2014",
            "A title",
            "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),",
            ["considering", "resolves", "instructs the Secretary-General"],
            ["that security matters1", "a doubtful paragraph", "to continue", "to report"],
        ),
        Language::Es => (
            "RESOLUCIÓN 130 (Rev. Busan, 2014)",
            "Rev. Busan, 2014",
            "Un título",
            "La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Busan, 2014),",
            ["considerando", "resuelve", "encarga al Secretario General"],
            ["que la seguridad importa1", "un párrafo dudoso", "continuar", "informar"],
        ),
    };
    let paragraph = |label: Option<&str>, text: &str, change: Change, footnote: bool| Paragraph {
        label: label.map(str::to_string),
        depth: 0,
        text: text.to_string(),
        footnotes: if footnote {
            vec![Footnote {
                mark: "1".to_string(),
                text: "A note.".to_string(),
            }]
        } else {
            Vec::new()
        },
        lines: LineSpan::line(1),
        change,
    };
    let section = |heading: &str, paragraphs: Vec<Paragraph>| Section {
        heading: heading.to_string(),
        lines: LineSpan::line(1),
        paragraphs,
    };
    actes::model::InstrumentText {
        language,
        header: header.to_string(),
        revision: actes::reader::redline::header_revision(&format!("130 ({revision})")),
        title: title.to_string(),
        formula: Some(formula.to_string()),
        sections: vec![
            section(
                headings[0],
                vec![
                    paragraph(Some("a)"), words[0], Change::Unchanged, true),
                    paragraph(Some("b)"), words[1], Change::Uncertain, false),
                ],
            ),
            section(
                headings[1],
                vec![paragraph(Some("1"), words[2], Change::Unchanged, false)],
            ),
            section(
                headings[2],
                vec![paragraph(None, words[3], Change::Unchanged, false)],
            ),
        ],
        completeness: Completeness::Partial,
        notes: vec!["annexes not reproduced in the source".to_string()],
        unsettled_openings: vec![actes::model::Opening::Title],
    }
}

#[test]
fn french_english_and_spanish_exports_read_back_with_their_headers_and_headings() {
    let catalogue =
        actes::catalogue::Catalogue::load(&common::sources_dir().join("conferences.csv"))
            .expect("the shipped catalogue loads");
    let dir = common::scratch_dir("akn-out-languages");
    let mut files = Vec::new();
    for language in [Language::Fr, Language::En, Language::Es] {
        let text = small_text(language);
        assert!(
            text.revision.is_some(),
            "{language}: the revision mark reads"
        );
        let instrument = actes::names::parse_instrument("130").expect("a name");
        let version = actes::export::source_version(
            &instrument,
            &text,
            actes::model::Event::Revised,
            Vec::new(),
            Vec::new(),
            "pp-2014-busan",
            "2014-11-07",
        );
        // The stored form reads back into three sections, two of them operative.
        assert_eq!(version.text.sections.len(), 3, "{language}");
        assert!(version.text.sections[1].operative, "{language}");
        let xml = actes::render::akn::render(&ExportInput {
            export: Export::Version(Box::new(version.clone())),
            catalogue: catalogue.conferences().to_vec(),
        });
        let path = dir.join(format!("{language}.xml"));
        std::fs::write(&path, &xml).expect("scratch is writable");
        files.push(path);
        let back = actes::reader::akn::read_final_acts("small.xml", xml.as_bytes(), &catalogue)
            .unwrap_or_else(|e| panic!("{language} reads back: {e}"));
        let read = &back.instruments[0];
        assert_eq!(read.target, instrument, "{language}");
        assert_eq!(read.text.language, language);
        assert_eq!(read.text.revision, text.revision, "{language}");
        assert_eq!(back.conference.0, "pp-2014-busan", "{language}");
        assert_eq!(
            actes::history::layout::render_text(&read.text),
            version.raw,
            "{language}"
        );
        assert_eq!(read.text.sections.len(), 3, "{language}");
    }
    validate(&files);
}
