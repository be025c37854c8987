//! Word files (`.docx`) read exactly: the package opened in memory ([`package`]), the main part
//! found through the package relationships, its paragraphs read in two views, every tracked change
//! rejected (old) and accepted (new) ([`body`]), list labels computed from `numbering.xml`
//! ([`numbering`]), footnotes and endnotes attached where referenced, each in both views.
//!
//! What comes out is a [`Views`]: the same paragraphs, labels and footnotes the text reader
//! reads from a line, twice, with nothing left to guess; [`crate::reader::views`] reads it into
//! proposals without the redline reconstruction.

pub mod body;
pub mod numbering;
pub mod package;
pub mod xml;

use std::collections::BTreeMap;

use crate::model::{Footnote, Language};
use crate::reader::views::{ViewParagraph, Views};
use crate::reader::Document;

use body::{NoteKind, Reader, View, NOTE_MARK};

/// Why a Word file could not be read: the file, the part (and paragraph) and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{file}: {}expected {expected}, found {found}",
    where_(part, paragraph)
)]
pub struct DocxError {
    /// The name the document was read under.
    pub file: String,
    /// The part of the package (`word/document.xml`), if the error is inside one.
    pub part: Option<String>,
    /// The 1-based paragraph of the main part, for errors in the document's structure.
    pub paragraph: Option<u32>,
    pub expected: String,
    pub found: String,
}

fn where_(part: &Option<String>, paragraph: &Option<u32>) -> String {
    match (part, paragraph) {
        (Some(p), Some(n)) => format!("part {p}: paragraph {n}: "),
        (Some(p), None) => format!("part {p}: "),
        (None, Some(n)) => format!("paragraph {n}: "),
        (None, None) => String::new(),
    }
}

impl DocxError {
    /// An error about the package as a whole.
    pub fn package(file: &str, expected: impl Into<String>, found: impl Into<String>) -> DocxError {
        DocxError {
            file: file.to_string(),
            part: None,
            paragraph: None,
            expected: expected.into(),
            found: found.into(),
        }
    }

    /// An error in one part.
    pub fn part(
        file: &str,
        part: &str,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> DocxError {
        DocxError {
            part: Some(part.to_string()),
            ..DocxError::package(file, expected, found)
        }
    }
}

/// The relationship types, by their last segment, that name the parts read.
const MAIN: &str = "officeDocument";

/// Reads a Word file into its proposals: old and new texts from the tracked changes.
pub fn read_document(
    source: &str,
    bytes: &[u8],
    meetings: &crate::reader::citations::Meetings,
) -> Result<Document, DocxError> {
    let (views, main) = read_views_with_part(source, bytes)?;
    crate::reader::views::read_views(&views, meetings).map_err(|e| DocxError {
        file: source.to_string(),
        part: Some(main),
        paragraph: Some(e.line),
        expected: e.expected,
        found: e.found,
    })
}

/// Reads a Word file into its two views.
pub fn read_views(source: &str, bytes: &[u8]) -> Result<Views, DocxError> {
    read_views_with_part(source, bytes).map(|(v, _)| v)
}

fn read_views_with_part(source: &str, bytes: &[u8]) -> Result<(Views, String), DocxError> {
    let mut package = package::Package::open(source, bytes)?;
    let main = main_part(&mut package, source)?;
    let main_xml = package.text(&main)?.ok_or_else(|| {
        DocxError::part(
            source,
            &main,
            "the main document part the package relationships name",
            "no such part in the archive",
        )
    })?;
    let rels_name = package::rels_part_of(&main);
    let rels = match package.text(&rels_name)? {
        Some(xml) => package::relationships(source, &rels_name, &main, &xml)?,
        None => Vec::new(),
    };
    let related = |kind: &str| {
        rels.iter()
            .find(|r| r.kind == kind)
            .map(|r| r.target.clone())
    };
    let mut texts: BTreeMap<&str, (String, String)> = BTreeMap::new();
    for kind in ["footnotes", "endnotes", "numbering", "styles"] {
        if let Some(part) = related(kind) {
            if let Some(text) = package.text(&part)? {
                texts.insert(kind, (part, text));
            }
        }
    }
    let parsed: BTreeMap<&str, (String, roxmltree::Document<'_>)> = texts
        .iter()
        .map(|(kind, (part, text))| Ok((*kind, (part.clone(), xml::parse(source, part, text)?))))
        .collect::<Result<_, DocxError>>()?;
    let doc = xml::parse(source, &main, &main_xml)?;
    let root = doc.root_element();
    let Some(body) = xml::child(root, "body") else {
        return Err(DocxError::part(
            source,
            &main,
            "a WordprocessingML document with a `w:body`",
            format!("the element `{}`", root.tag_name().name()),
        ));
    };
    let mut reader = Reader::new();
    reader.blocks(body);
    let too_deep = |part: &str| {
        DocxError::part(
            source,
            part,
            format!("elements nested at most {} deep", body::MAX_DEPTH),
            "deeper nesting",
        )
    };
    if reader.too_deep {
        return Err(too_deep(&main));
    }

    let numbering = numbering::Numbering::read(
        parsed.get("numbering").map(|(_, d)| d.root_element()),
        parsed.get("styles").map(|(_, d)| d.root_element()),
    );
    let mut notes: BTreeMap<(NoteKind, String), [String; 2]> = BTreeMap::new();
    for (kind, name, element) in [
        (NoteKind::Foot, "footnotes", "footnote"),
        (NoteKind::End, "endnotes", "endnote"),
    ] {
        let Some((part_name, part)) = parsed.get(name) else {
            continue;
        };
        for note in part
            .root_element()
            .children()
            .filter(|n| xml::is_w(*n, element))
        {
            if matches!(
                xml::attr(note, "type"),
                Some("separator" | "continuationSeparator" | "continuationNotice")
            ) {
                continue;
            }
            let Some(id) = xml::attr(note, "id") else {
                continue;
            };
            let mut note_reader = Reader::new();
            note_reader.blocks(note);
            if note_reader.too_deep {
                return Err(too_deep(part_name));
            }
            let text = |view| {
                let joined: Vec<String> = body::join(&note_reader.paragraphs, view)
                    .into_iter()
                    .map(|j| j.shown.text.replace(NOTE_MARK, ""))
                    .collect();
                crate::reader::redline::patterns::tidy(&joined.join(" "))
            };
            notes.insert((kind, id.to_string()), [text(View::Old), text(View::New)]);
        }
    }

    let view_of = |view: View| -> Vec<ViewParagraph> {
        let joined = body::join(&reader.paragraphs, view);
        let labels = numbering.labels(joined.iter().map(|j| &j.props));
        let mut counters = [0u32; 2];
        joined
            .into_iter()
            .zip(labels)
            .map(|(j, label)| {
                let mut text = String::with_capacity(j.shown.text.len());
                let mut footnotes = Vec::new();
                let mut refs = j.shown.notes.iter();
                for c in j.shown.text.chars() {
                    if c != NOTE_MARK {
                        text.push(c);
                        continue;
                    }
                    let Some(r) = refs.next() else { continue };
                    let slot = usize::from(r.kind == NoteKind::End);
                    counters[slot] += 1;
                    let mark = match r.kind {
                        NoteKind::Foot => counters[0].to_string(),
                        NoteKind::End => numbering::format_number(counters[1], "lowerRoman"),
                    };
                    text.push_str(&format!("[^{mark}]"));
                    let body = notes
                        .get(&(r.kind, r.id.clone()))
                        .map(|b| b[usize::from(view == View::New)].clone())
                        .unwrap_or_default();
                    footnotes.push(Footnote { mark, text: body });
                }
                let text: String =
                    unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
                ViewParagraph {
                    number: j.number,
                    label,
                    text,
                    footnotes,
                }
            })
            .collect()
    };
    let old = view_of(View::Old);
    let new = view_of(View::New);

    let language = reader
        .languages
        .iter()
        .filter_map(|(code, n)| Some((Language::from_code(code)?, *n)))
        .max_by_key(|(_, n)| *n)
        .map(|(l, _)| l);
    let c = reader.counts;
    let mut input_notes = vec![format!(
        "read from Word ({main}): lines are paragraph numbers of the main part; {} insertion(s), \
         {} deletion(s), {} move(s) and {} revised paragraph mark(s) rejected in the old text and \
         accepted in the new one",
        c.insertions, c.deletions, c.moves, c.marks
    )];
    if main != "word/document.xml" {
        input_notes.push(format!("main document part found at {main}"));
    }
    let numbered = new.iter().filter(|p| p.label.is_some()).count();
    if numbered > 0 {
        input_notes.push(format!(
            "{numbered} list label(s) of the new text computed from automatic numbering"
        ));
    }
    Ok((
        Views {
            source: source.to_string(),
            language,
            old,
            new,
            input_notes,
        },
        main,
    ))
}

/// The main document part: the package relationship of type `officeDocument` (Transitional or
/// Strict), else `word/document.xml` when the package has no relationships part.
fn main_part(package: &mut package::Package<'_>, source: &str) -> Result<String, DocxError> {
    let rels = "_rels/.rels";
    match package.text(rels)? {
        Some(xml) => {
            let found = package::relationships(source, rels, "", &xml)?
                .into_iter()
                .find(|r| r.kind == MAIN)
                .map(|r| r.target);
            found.ok_or_else(|| {
                DocxError::part(
                    source,
                    rels,
                    "a relationship to the main document part (type officeDocument)",
                    "none",
                )
            })
        }
        None if package.has("word/document.xml") => Ok("word/document.xml".to_string()),
        None => Err(DocxError::package(
            source,
            "a Word document: `_rels/.rels` naming the main part, or `word/document.xml`",
            "neither in the archive",
        )),
    }
}
