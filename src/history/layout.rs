//! The one place that knows how the history looks on disk: the ref names, the commit trailers'
//! keys, where each file goes in the tree, how an instrument's text becomes lines (and back), how
//! records become JSON, and the README at the root. The contract is written down in docs/architecture.md ("The history's layout"); the git
//! writer, the lineage, blame and diff read what this module writes.
//!
//! A text file (`fr.txt`), one line each, `\n` line ends: the header; the title; the formula (if
//! any); for each section its heading, then each paragraph as `<label>\t<text>` or `<text>`, a
//! referenced footnote after its paragraph as `[^<mark>]\t<text>`; a paragraph the reader could not
//! settle starts with `[?] `; a partial text ends with a line in brackets saying what is missing.

use serde::{Deserialize, Serialize};

use crate::model::ProposalId;
use crate::model::{
    Change, Conference, ConferenceId, ConferenceRecord, InstrumentId, InstrumentRecord,
    InstrumentText, Language, ProposalRecord,
};

/// The main line: one commit per conference.
pub const MAIN_REF: &str = "refs/heads/main";
/// Where the conference tags live: `refs/tags/<conference id>`.
pub const TAGS_PREFIX: &str = "refs/tags/";
/// Where the proposal refs live: `refs/proposals/<conference id>/<document>`.
pub const PROPOSALS_PREFIX: &str = "refs/proposals/";

/// `refs/tags/pp-2014-busan`.
pub fn tag_ref(name: &str) -> String {
    format!("{TAGS_PREFIX}{name}")
}

/// `refs/proposals/pp-2018-dubai/67`.
pub fn proposal_ref(conference: &ConferenceId, document: u32) -> String {
    format!("{PROPOSALS_PREFIX}{conference}/{document}")
}

/// The keys of the trailers that end every commit message, written by
/// [`crate::history::corpus_plan`] and read by [`crate::history::read`].
pub mod trailer {
    /// The conference a commit stands for (main) or whose proposals it holds.
    pub const CONFERENCE: &str = "Conference";
    /// The proposal a proposal commit holds (`B/67/4`).
    pub const PROPOSAL: &str = "Proposal";
    /// `adopted` (main) or `proposed` (proposal refs).
    pub const STATUS: &str = "Status";
    /// A source file of the commit's facts, relative to the sources folder (one trailer each).
    pub const SOURCE: &str = "Source";
}

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

/// The folder of the conference records.
pub const CONFERENCES_DIR: &str = "conferences";
/// The folder of the proposal records (on proposal refs only).
pub const PROPOSALS_DIR: &str = "proposals";
/// An instrument's record, in its folder.
pub const META_FILE: &str = "meta.json";

/// What a path of the tree holds, by the layout's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeFile {
    /// `README.md`.
    Readme,
    /// `catalogue.json`.
    Catalogue,
    /// `conferences/<id>.json`.
    Conference,
    /// `proposals/<conference>/<id>.json`.
    Proposal,
    /// `<body>/<kind>/<number>/meta.json`.
    InstrumentRecord,
    /// `<body>/<kind>/<number>/<lang>.txt`.
    Text(Language),
}

/// What `path` holds, or `None` for a path the layout does not define.
pub fn classify(path: &str) -> Option<TreeFile> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["README.md"] => Some(TreeFile::Readme),
        [CATALOGUE_PATH] => Some(TreeFile::Catalogue),
        [CONFERENCES_DIR, f] if f.ends_with(".json") => Some(TreeFile::Conference),
        [PROPOSALS_DIR, _, f] if f.ends_with(".json") => Some(TreeFile::Proposal),
        [dir, _, _, META_FILE] if *dir != CONFERENCES_DIR && *dir != PROPOSALS_DIR => {
            Some(TreeFile::InstrumentRecord)
        }
        [_, _, _, f] => f.strip_suffix(".txt").and_then(|code| {
            Language::ALL
                .into_iter()
                .find(|l| l.code() == code)
                .map(TreeFile::Text)
        }),
        _ => None,
    }
}

/// Whether a folder at the root of the tree holds instruments (a body's folder), not records.
pub fn is_body_dir(name: &str) -> bool {
    name != CONFERENCES_DIR && name != PROPOSALS_DIR
}

/// `pp/resolution/130/meta.json`.
pub fn meta_path(instrument: &InstrumentId) -> String {
    format!("{}/{META_FILE}", instrument.tree_dir())
}

/// `pp/resolution/130/fr.txt`.
pub fn text_path(instrument: &InstrumentId, language: Language) -> String {
    format!("{}/{}.txt", instrument.tree_dir(), language.code())
}

/// Every text path an instrument may have, one per language.
pub fn all_text_paths(instrument: &InstrumentId) -> Vec<String> {
    Language::ALL
        .into_iter()
        .map(|l| text_path(instrument, l))
        .collect()
}

/// `conferences/pp-2018-dubai.json`.
pub fn conference_path(conference: &ConferenceId) -> String {
    format!("{CONFERENCES_DIR}/{conference}.json")
}

/// `proposals/pp-2018-dubai/B-67-1.json`.
pub fn proposal_path(conference: &ConferenceId, proposal: &ProposalId) -> String {
    format!(
        "{PROPOSALS_DIR}/{conference}/{}.json",
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

/// A line of a text split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineParts<'a> {
    /// The line starts with `[?] `.
    pub unsettled: bool,
    pub label: Option<&'a str>,
    /// The words after the label: the key by which lines are paired across versions.
    pub text: &'a str,
}

impl<'a> LineParts<'a> {
    /// The mark of a footnote line (`1` for `[^1]<TAB>...`), `None` for any other line.
    pub fn footnote_mark(&self) -> Option<&'a str> {
        self.label
            .and_then(|l| l.strip_prefix("[^"))
            .and_then(|l| l.strip_suffix(']'))
    }
}

/// Splits a line of a text file, without copying, into its unsettled mark, its label and its text.
pub fn split_line(line: &str) -> LineParts<'_> {
    let (unsettled, rest) = match line.strip_prefix(UNCERTAIN_MARKER) {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    match rest.split_once('\t') {
        Some((label, text)) => LineParts {
            unsettled,
            label: Some(label),
            text,
        },
        None => LineParts {
            unsettled,
            label: None,
            text: rest,
        },
    }
}

/// Whether a file name in an instrument's folder is one of its texts (`fr.txt`).
pub fn is_text_file(name: &str) -> bool {
    name.strip_suffix(".txt")
        .is_some_and(|code| Language::ALL.iter().any(|l| l.code() == code))
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
        let parts = split_line(raw);
        let mark = parts.footnote_mark();
        TextLine {
            number,
            label: mark.or(parts.label).map(str::to_string),
            text: parts.text.to_string(),
            uncertain: parts.unsettled,
            footnote: mark.is_some(),
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
