//! The one place that knows how the history's files look: where each file goes in the tree, how
//! an instrument's text becomes lines (and back), how records become JSON, and the README at the
//! root. The contract is written down in docs/architecture.md ("The history's layout"); the git
//! writer, the lineage, blame and diff read what this module writes.
//!
//! A text file (`fr.txt`), one line each, `\n` line ends: the header; the title; the formula (if
//! any); for each section its heading, then each paragraph as `<label>\t<text>` or `<text>`, a
//! referenced footnote after its paragraph as `[^<mark>]\t<text>`; a paragraph the reader could not
//! settle starts with `[?] `; a partial text ends with a line in brackets saying what is missing.

use serde::{Deserialize, Serialize};

use crate::model::{
    Change, Conference, ConferenceId, ConferenceRecord, InstrumentId, InstrumentRecord,
    InstrumentText, Language, ProposalRecord,
};
use crate::reader::ProposalId;

/// The marker that starts the line of a paragraph the reader could not settle.
pub const UNCERTAIN_MARKER: &str = "[?] ";

/// The last line of a partial text whose notes say nothing more precise.
pub const PARTIAL_DEFAULT_NOTE: &str = "body not reproduced in the source";

/// `README.md` at the root of every tree of the history.
pub const README: &str = "\
# ITU instruments, conference by conference

This repository is built by `actes build` from its sources; do not edit it by hand.

- `refs/heads/main` has one commit per conference whose corpus state the sources state, oldest
  first, authored by the conference and dated 12:00 UTC on the day its Final Acts were signed.
  Each conference commit carries an annotated tag named after the conference (`pp-2014-busan`).
- `refs/proposals/<conference>/<document>` has one commit per proposal of a conference document,
  in document order, on top of the conference state that the proposals amend. A proposal is not
  an outcome: nothing on these refs was adopted.

Files:

- `catalogue.json`: every conference that the sources know (places in three languages, dates,
  how sure), whether or not this history holds a state after it.
- `conferences/<conference>.json`: the conference (places, dates, how sure) and every event that
  the sources record for it (adopted, revised, suppressed, unchanged), each with its evidence.
- `<body>/<kind>/<number>/meta.json`: what is known of the instrument at this commit: revision,
  titles, event, status (adopted, proposed, inferred), which texts the history holds and how
  complete they are, evidence, citations, and what could not be settled.
- `<body>/<kind>/<number>/<language>.txt`: the text, one paragraph per line: header, title,
  formula, then each section heading followed by its paragraphs (`label<TAB>text`); a footnote
  follows its paragraph as `[^mark]<TAB>text`; a paragraph starting with `[?] ` could not be
  settled from the source; a last line in brackets says what a partial text leaves out. A missing
  text file means no source gives the text: see meta.json.
- `proposals/<conference>/<proposal>.json` (on proposal refs only): the proposal, its target,
  lines, reasons and evidence.

`git log --follow`, `git diff pp-2006-antalya pp-2014-busan` and `git blame` work on these files.
";

/// The catalogue's file at the root of every tree.
pub const CATALOGUE_PATH: &str = "catalogue.json";

/// What `catalogue.json` holds: every conference of the sources' catalogue, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueFile {
    pub conferences: Vec<Conference>,
}

/// `catalogue.json`.
pub fn catalogue_json(conferences: &[Conference]) -> Vec<u8> {
    to_json(&CatalogueFile {
        conferences: conferences.to_vec(),
    })
}

/// `pp/resolution/130/meta.json`.
pub fn meta_path(instrument: &InstrumentId) -> String {
    format!("{}/meta.json", instrument.tree_dir())
}

/// `pp/resolution/130/fr.txt`.
pub fn text_path(instrument: &InstrumentId, language: Language) -> String {
    format!("{}/{}.txt", instrument.tree_dir(), language.code())
}

/// Every text path an instrument may have, one per language.
pub fn all_text_paths(instrument: &InstrumentId) -> Vec<String> {
    [Language::Fr, Language::En, Language::Es]
        .into_iter()
        .map(|l| text_path(instrument, l))
        .collect()
}

/// `conferences/pp-2018-dubai.json`.
pub fn conference_path(conference: &ConferenceId) -> String {
    format!("conferences/{conference}.json")
}

/// `proposals/pp-2018-dubai/B-67-1.json`.
pub fn proposal_path(conference: &ConferenceId, proposal: &ProposalId) -> String {
    format!(
        "proposals/{conference}/{}.json",
        proposal.to_string().replace('/', "-")
    )
}

/// Pretty JSON with a final newline, as every JSON file of the tree is written.
pub fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(value).expect("records are plain data that always serialize");
    bytes.push(b'\n');
    bytes
}

/// `meta.json` for an instrument.
pub fn instrument_json(record: &InstrumentRecord) -> Vec<u8> {
    to_json(record)
}

/// `conferences/<id>.json`.
pub fn conference_json(record: &ConferenceRecord) -> Vec<u8> {
    to_json(record)
}

/// `proposals/<conference>/<id>.json`.
pub fn proposal_json(record: &ProposalRecord) -> Vec<u8> {
    to_json(record)
}

/// Keeps a piece of text on one line: tabs and line breaks become spaces, the ends are trimmed.
/// Other spaces (no-break spaces included) are kept as the source has them.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Renders a text as the lines of its file (see the module documentation), `\n`-terminated.
pub fn render_text(text: &InstrumentText) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let mark = |o: crate::model::Opening| {
        if text.unsettled_openings.contains(&o) {
            UNCERTAIN_MARKER
        } else {
            ""
        }
    };
    use crate::model::Opening;
    line(&format!(
        "{}{}",
        mark(Opening::Header),
        one_line(&text.header)
    ));
    line(&format!(
        "{}{}",
        mark(Opening::Title),
        crate::text::squash_whitespace(&text.title)
    ));
    if let Some(formula) = &text.formula {
        line(&format!("{}{}", mark(Opening::Formula), one_line(formula)));
    }
    for (index, section) in text.sections.iter().enumerate() {
        line(&format!(
            "{}{}",
            mark(Opening::Heading(index)),
            one_line(&section.heading)
        ));
        for paragraph in &section.paragraphs {
            let marker = if paragraph.change == Change::Uncertain {
                UNCERTAIN_MARKER
            } else {
                ""
            };
            let body = one_line(&paragraph.text);
            match &paragraph.label {
                Some(label) => line(&format!("{marker}{}\t{body}", one_line(label))),
                None => line(&format!("{marker}{body}")),
            }
            for footnote in &paragraph.footnotes {
                line(&format!(
                    "[^{}]\t{}",
                    one_line(&footnote.mark),
                    one_line(&footnote.text)
                ));
            }
        }
    }
    if text.completeness != crate::model::Completeness::Complete {
        let note = if text.notes.is_empty() {
            PARTIAL_DEFAULT_NOTE.to_string()
        } else {
            text.notes
                .iter()
                .map(|n| one_line(n))
                .collect::<Vec<_>>()
                .join("; ")
        };
        line(&format!("[{note}]"));
    }
    out
}

/// One line of a text file, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    /// The line number in the file, from 1.
    pub number: u32,
    /// The label before the tab (`b)`, `3`); for a footnote line, the footnote mark (`1`).
    pub label: Option<String>,
    /// The words: what blame and diff compare.
    pub text: String,
    /// The line started with `[?] `.
    pub uncertain: bool,
    /// The line is a footnote (`[^1]\t...`).
    pub footnote: bool,
}

/// Reads a text file back into lines of (label, text, uncertain). The header, title, formula and
/// headings come back as unlabelled lines; the file alone does not say which line is a heading.
pub fn read_text(content: &str) -> impl Iterator<Item = TextLine> + '_ {
    content.lines().enumerate().map(|(index, raw)| {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let (uncertain, rest) = match raw.strip_prefix(UNCERTAIN_MARKER) {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        if let Some((mark, text)) = rest.strip_prefix("[^").and_then(|r| r.split_once("]\t")) {
            return TextLine {
                number,
                label: Some(mark.to_string()),
                text: text.to_string(),
                uncertain,
                footnote: true,
            };
        }
        let (label, text) = match rest.split_once('\t') {
            Some((label, text)) => (Some(label.to_string()), text.to_string()),
            None => (None, rest.to_string()),
        };
        TextLine {
            number,
            label,
            text,
            uncertain,
            footnote: false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Completeness, Footnote, LineSpan, Paragraph, Revision, Section};

    fn paragraph(label: Option<&str>, text: &str, change: Change) -> Paragraph {
        Paragraph {
            label: label.map(str::to_string),
            depth: 0,
            text: text.to_string(),
            footnotes: Vec::new(),
            lines: LineSpan::line(5),
            change,
        }
    }

    fn sample() -> InstrumentText {
        let mut with_note = paragraph(Some("b)"), "les pays en développement1", Change::Modified);
        with_note.footnotes.push(Footnote {
            mark: "1".into(),
            text: "Par pays en développement, on entend aussi les PMA.".into(),
        });
        InstrumentText {
            unsettled_openings: Vec::new(),
            language: Language::Fr,
            header: "RÉSOLUTION 130 (Rév. Busan, 2014)".into(),
            revision: Some(Revision {
                place: "Busan".into(),
                year: 2014,
                revised: true,
            }),
            title: "Renforcement du rôle de l'UIT\n dans l'instauration".into(),
            formula: Some("La Conférence de plénipotentiaires (Busan, 2014),".into()),
            sections: vec![Section {
                heading: "considérant".into(),
                lines: LineSpan::new(4, 9),
                paragraphs: vec![
                    paragraph(Some("a)"), "que\tla sécurité\u{a0}est", Change::Unchanged),
                    with_note,
                    paragraph(None, "un paragraphe douteux", Change::Uncertain),
                ],
            }],
            completeness: Completeness::Partial,
            notes: vec!["annexes not reproduced in the source".into()],
        }
    }

    #[test]
    fn a_text_renders_one_paragraph_per_line_with_labels_footnotes_markers_and_a_partial_note() {
        let rendered = render_text(&sample());
        assert_eq!(
            rendered,
            "RÉSOLUTION 130 (Rév. Busan, 2014)\n\
             Renforcement du rôle de l'UIT dans l'instauration\n\
             La Conférence de plénipotentiaires (Busan, 2014),\n\
             considérant\n\
             a)\tque la sécurité\u{a0}est\n\
             b)\tles pays en développement1\n\
             [^1]\tPar pays en développement, on entend aussi les PMA.\n\
             [?] un paragraphe douteux\n\
             [annexes not reproduced in the source]\n"
        );
    }

    #[test]
    fn a_rendered_text_reads_back_into_labels_texts_and_uncertainty() {
        let rendered = render_text(&sample());
        let lines: Vec<TextLine> = read_text(&rendered).collect();
        assert_eq!(lines.len(), 9);
        assert_eq!(lines[4].label.as_deref(), Some("a)"));
        assert_eq!(lines[4].text, "que la sécurité\u{a0}est");
        assert!(lines[6].footnote);
        assert_eq!(lines[6].label.as_deref(), Some("1"));
        assert!(lines[7].uncertain);
        assert_eq!(lines[7].label, None);
        assert_eq!(lines[7].text, "un paragraphe douteux");
        assert!(!lines[4].uncertain);
    }

    #[test]
    fn a_complete_text_has_no_bracketed_last_line() {
        let mut text = sample();
        text.completeness = Completeness::Complete;
        text.notes.clear();
        assert!(render_text(&text).ends_with("[?] un paragraphe douteux\n"));
    }

    #[test]
    fn proposal_files_replace_slashes_in_ids() {
        let id: ProposalId = "B/67/1".parse().expect("an id");
        assert_eq!(
            proposal_path(&ConferenceId("pp-2018-dubai".into()), &id),
            "proposals/pp-2018-dubai/B-67-1.json"
        );
    }
}
