//! Text taken from a PDF: the seed turned into what `pdftotext` gives (tabs as spaces, lines
//! wrapped at a width, page headers and footers, some words hyphenated at a line end) reads as
//! the seed does.

use actes::reader::{read_raw_document, RawDocument};

use crate::common::{self, SEED_NAME};
use crate::writers::{pdf_like, Layout};

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Proposals, labels and paragraph texts as the structure reader gives them.
fn structure(raw: &RawDocument) -> Vec<(String, Vec<String>)> {
    raw.proposals
        .iter()
        .map(|p| {
            let i = &p.instrument;
            let mut lines = vec![
                format!("{} {}", p.action, p.id),
                collapse(&i.header.text),
                collapse(&i.title.as_ref().map(|t| t.text.clone()).unwrap_or_default()),
                collapse(
                    &i.formula
                        .as_ref()
                        .map(|t| t.text.clone())
                        .unwrap_or_default(),
                ),
            ];
            for s in &i.sections {
                lines.push(format!("# {}", collapse(&s.heading.text)));
                for item in &s.items {
                    lines.push(format!(
                        "{} | {}",
                        item.label.as_deref().unwrap_or("-"),
                        collapse(&item.text)
                    ));
                }
            }
            lines.extend(p.reasons.iter().map(|r| collapse(r)));
            (p.id.to_string(), lines)
        })
        .collect()
}

const LAYOUTS: &[Layout] = &[
    Layout {
        width: 60,
        tab: 1,
        page: 40,
        hyphenate: 3,
    },
    Layout {
        width: 72,
        tab: 3,
        page: 50,
        hyphenate: 2,
    },
    Layout {
        width: 85,
        tab: 1,
        page: 45,
        hyphenate: 4,
    },
    Layout {
        width: 100,
        tab: 2,
        page: 60,
        hyphenate: 1,
    },
];

#[test]
fn the_seed_as_pdf_text_reads_with_the_same_proposals_labels_and_paragraphs() {
    let seed = read_raw_document(SEED_NAME, &common::seed_bytes()).expect("the seed reads");
    let expected = structure(&seed);
    let seed_text = String::from_utf8(common::seed_bytes()).expect("utf-8");
    for layout in LAYOUTS {
        let text = pdf_like(&seed_text, *layout);
        assert!(
            text.lines().count() > seed_text.lines().count() + 20,
            "{layout:?}: wrapped"
        );
        let raw = read_raw_document("67-fr.pdf.txt", text.as_bytes())
            .unwrap_or_else(|e| panic!("{layout:?}: {e}"));
        let got = structure(&raw);
        assert_eq!(got.len(), expected.len(), "{layout:?}");
        for ((id, mine), (_, theirs)) in got.iter().zip(&expected) {
            for (a, b) in mine.iter().zip(theirs) {
                assert_eq!(a, b, "{layout:?} {id}");
            }
            assert_eq!(mine.len(), theirs.len(), "{layout:?} {id}");
        }
    }
}

#[test]
fn the_seed_as_pdf_text_gives_the_same_old_and_new_texts_of_b_67_4() {
    let seed = common::seed_document();
    let theirs = common::proposal(seed, "B/67/4");
    let seed_text = String::from_utf8(common::seed_bytes()).expect("utf-8");
    for layout in LAYOUTS {
        let doc = common::read_shipped("67-fr.pdf.txt", pdf_like(&seed_text, *layout).as_bytes())
            .expect("reads");
        let mine = common::proposal(&doc, "B/67/4");
        let strip = |t: &actes::model::InstrumentText| {
            let mut t = t.clone();
            for s in &mut t.sections {
                s.lines = actes::model::LineSpan::line(0);
                for p in &mut s.paragraphs {
                    p.lines = actes::model::LineSpan::line(0);
                }
            }
            t
        };
        for (a, b) in [(&mine.old, &theirs.old), (&mine.new, &theirs.new)] {
            let (a, b) = (
                strip(a.as_ref().expect("a text")),
                strip(b.as_ref().expect("a text")),
            );
            for (sa, sb) in a.sections.iter().zip(&b.sections) {
                for (pa, pb) in sa.paragraphs.iter().zip(&sb.paragraphs) {
                    assert_eq!(pa, pb, "{layout:?}");
                }
            }
            assert_eq!(a, b, "{layout:?}");
        }
    }
}

#[test]
fn repairs_are_listed_with_their_lines() {
    let seed_text = String::from_utf8(common::seed_bytes()).expect("utf-8");
    let text = pdf_like(&seed_text, LAYOUTS[0]);
    let raw = read_raw_document("67-fr.pdf.txt", text.as_bytes()).expect("reads");
    let notes = raw.input_notes.join("\n");
    assert!(
        notes.contains("page headers and footers removed"),
        "{notes}"
    );
    assert!(notes.contains("form feeds removed"), "{notes}");
    assert!(notes.contains("wrapped lines joined"), "{notes}");
    assert!(notes.contains("labels followed by spaces"), "{notes}");
    assert!(notes.contains("hyphenated at a line end joined"), "{notes}");
}

#[test]
fn a_line_end_hyphen_the_document_does_not_explain_is_kept_and_listed() {
    let text = "MOD B/1/1\nRÉSOLUTION 1 (Rév. Dubaï, 2018)\nUn titre\nLa Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),\ndécide\n1 que les Etats Membres et les Membres de Secteur auto-\névaluent leurs travaux de façon régulière chaque année;\nMotifs: Pour voir.\n";
    let raw = read_raw_document("h.txt", text.as_bytes()).expect("reads");
    let item = &raw.proposals[0].instrument.sections[0].items[0];
    assert_eq!(item.label.as_deref(), Some("1"));
    assert!(item.text.contains("auto-évaluent"), "{}", item.text);
    assert!(raw
        .input_notes
        .iter()
        .any(|n| n.starts_with("uncertain:") && n.contains("`auto-évaluent` (line 6)")));
}

#[test]
fn the_tab_seed_is_read_without_any_layout_repair() {
    let seed = read_raw_document(SEED_NAME, &common::seed_bytes()).expect("reads");
    assert!(!seed
        .input_notes
        .iter()
        .any(|n| n.contains("joined") || n.contains("removed")));
}

mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any text without tabs goes through the PDF repairs: logical lines keep their order and
        /// their first line, and no word is lost.
        #[test]
        fn logical_lines_keep_order_and_words(
            lines in proptest::collection::vec("[a-z1-3()é;:,.\\[\\] -]{0,30}", 0..30)
        ) {
            let text = lines.join("\n");
            let logical = actes::reader::layout::logical_lines(&text);
            let numbers: Vec<u32> = logical.lines.iter().map(|(n, _)| *n).collect();
            prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
            let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
            let kept: usize = logical.lines.iter().map(|(_, l)| letters(l)).sum();
            // Page furniture holds no lower-case letter: every letter is kept.
            prop_assert_eq!(kept, letters(&text));
        }
    }
}
