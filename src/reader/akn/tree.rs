//! The XML half of the Akoma Ntoso reader: parses the file with a namespace-aware parser
//! (roxmltree: no DTD, so no entity expansion and nothing fetched) and walks each `statement` or
//! `act` into plain strings with their element ids and lines. Which prefix the file uses, and how
//! it indents or breaks lines between elements, does not change what comes out: text is taken
//! from the elements' text nodes and its white space squashed.

use roxmltree::{Document, Node};

use crate::model::Footnote;
use crate::reader::ReadError;

/// The namespace of Akoma Ntoso 3.0 (its working drafts add a suffix, read as the same).
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The kinds of document that hold one instrument.
const DOCUMENTS: &[&str] = &["statement", "act", "doc", "bill"];

/// The elements that are an item of a text: a labelled or plain paragraph.
const ITEMS: &[&str] = &[
    "paragraph",
    "subparagraph",
    "point",
    "recital",
    "alinea",
    "item",
    "article",
    "clause",
    "indent",
    "citation",
];

/// The elements that group sections under a heading.
const CONTAINERS: &[&str] = &[
    "hcontainer",
    "container",
    "section",
    "part",
    "chapter",
    "title",
    "division",
    "tblock",
];

/// One instrument as the XML gives it, before any repair.
#[derive(Debug, Clone, Default)]
pub struct RawStatement {
    /// The element that holds it: the component's `eId`, else the statement's, else its name.
    pub element: String,
    pub line: u32,
    pub last_line: u32,
    /// `statement@name`: `resolution`, `decision`, `recommendation`.
    pub name: Option<String>,
    /// `docType` (`RESOLUTION`) and `docNumber` (`130 (REV. DUBAI, 2018)`).
    pub doc_type: Option<String>,
    pub doc_number: Option<String>,
    pub header_line: u32,
    /// `FRBRnumber@showAs`, a fallback for the header.
    pub frbr_number: Option<String>,
    /// `FRBRdate@date` of the work.
    pub date: Option<String>,
    /// `FRBRauthor@href` of the work (`#itu-pp`).
    pub author: Option<String>,
    /// `FRBRlanguage@language` or `xml:lang`.
    pub language: Option<String>,
    pub title: Option<Located>,
    pub formula: Option<Located>,
    /// Headings and items in document order.
    pub entries: Vec<Entry>,
    /// What the text says the source leaves out (`hcontainer name="omission"`), brackets off.
    pub omission: Option<String>,
    /// The header, title and formula marked `class="uncertain"`: not settled in their source.
    pub header_uncertain: bool,
    pub title_uncertain: bool,
    pub formula_uncertain: bool,
}

/// A text with where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Located {
    pub text: String,
    pub element: String,
    pub line: u32,
}

/// A heading or an item, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Heading(Located),
    Item(Item),
}

/// One paragraph of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// Its `eId` (or that of the nearest element that has one).
    pub element: String,
    pub line: u32,
    pub last_line: u32,
    /// The label, from `<num>` or, after repair, from the start of the text.
    pub label: Option<String>,
    pub depth: u8,
    pub text: String,
    pub footnotes: Vec<Footnote>,
    /// `true` for items of the main body (the operative part and the annexes).
    pub operative: bool,
    /// Marked `class="uncertain"`: not settled in its source.
    pub uncertain: bool,
}

/// The parsed file: the collection's own facts and its instruments.
#[derive(Debug, Clone, Default)]
pub struct RawFile {
    pub date: Option<String>,
    pub language: Option<String>,
    /// The collection's `docTitle` (`of the Plenipotentiary Conference (Dubai, 2018)`).
    pub doc_title: Option<String>,
    pub statements: Vec<RawStatement>,
}

/// Byte offsets of line starts, to turn a position into a line number.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { starts }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        let i = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(i).unwrap_or(u32::MAX)
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

/// Whether a file is Akoma Ntoso: its root element is `akomaNtoso` in the AKN namespace. Reads
/// only the start of the file (no full parse), so it is cheap to ask of any input.
pub fn looks_like_akn(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let Some(root) = first_element(&head) else {
        return false;
    };
    let local = root.rsplit(':').next().unwrap_or(root);
    local == "akomaNtoso" && head.contains(AKN_NAMESPACE)
}

/// The name of the first element of an XML text, skipping the declaration, comments and
/// processing instructions.
fn first_element(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        let at = rest.find('<')?;
        rest = &rest[at..];
        if rest.starts_with("<?") {
            rest = &rest[rest.find("?>")? + 2..];
        } else if rest.starts_with("<!--") {
            rest = &rest[rest.find("-->")? + 3..];
        } else if rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let name = &rest[1..];
            let end = name
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(name.len());
            return Some(&name[..end]);
        }
    }
}

fn error(file: &str, line: u32, expected: &str, found: impl Into<String>) -> ReadError {
    ReadError {
        file: file.to_string(),
        line,
        expected: expected.to_string(),
        found: found.into(),
    }
}

/// Parses the file and walks its instruments.
pub fn parse(file: &str, text: &str) -> Result<RawFile, ReadError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let expected = match e {
            roxmltree::Error::DtdDetected => {
                "an XML file without a document type declaration (DTDs and entities are refused)"
            }
            _ => "well-formed XML",
        };
        error(file, pos.row, expected, e.to_string())
    })?;
    let lines = LineIndex::new(text);
    let root = doc.root_element();
    if !is_akn(root, "akomaNtoso") {
        let ns = root.tag_name().namespace().unwrap_or("no namespace");
        return Err(error(
            file,
            lines.line(root.range().start),
            &format!("an Akoma Ntoso root element `akomaNtoso` in the namespace {AKN_NAMESPACE}"),
            format!("`{}` in {ns}", root.tag_name().name()),
        ));
    }
    let walker = Walker { lines: &lines };
    let mut out = RawFile::default();
    let Some(top) = root.children().find(|n| n.is_element()) else {
        return Err(error(
            file,
            lines.line(root.range().start),
            "a documentCollection, statement or act inside akomaNtoso",
            "nothing",
        ));
    };
    if is_akn(top, "documentCollection") {
        out.language = attr_xml_lang(top);
        for n in top.children().filter(|n| is_akn(*n, "meta")) {
            walker.meta(n, &mut out.date, &mut out.language, &mut None);
        }
        out.doc_title = top
            .descendants()
            .find(|n| is_akn(*n, "docTitle"))
            .map(text_of);
        for component in top.descendants().filter(|n| is_akn(*n, "component")) {
            for document in component.children().filter(|n| is_document(*n)) {
                let element = component
                    .attribute("eId")
                    .or_else(|| document.attribute("eId"))
                    .unwrap_or("component")
                    .to_string();
                out.statements.push(walker.statement(document, element));
            }
        }
    } else if is_document(top) {
        let element = top
            .attribute("eId")
            .unwrap_or(top.tag_name().name())
            .to_string();
        let statement = walker.statement(top, element);
        out.date.clone_from(&statement.date);
        out.language.clone_from(&statement.language);
        out.statements.push(statement);
    } else {
        return Err(error(
            file,
            lines.line(top.range().start),
            "a documentCollection, statement or act inside akomaNtoso",
            format!("`{}`", top.tag_name().name()),
        ));
    }
    Ok(out)
}

fn is_akn(node: Node<'_, '_>, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node
            .tag_name()
            .namespace()
            .is_some_and(|ns| ns.starts_with(AKN_NAMESPACE))
}

fn is_akn_any(node: Node<'_, '_>, locals: &[&str]) -> bool {
    locals.iter().any(|l| is_akn(node, l))
}

fn is_document(node: Node<'_, '_>) -> bool {
    is_akn_any(node, DOCUMENTS)
}

/// Whether an element is marked `class="uncertain"` (among its classes): the mark actes puts on
/// what its source did not settle (`render::akn`).
fn marked_uncertain(node: Node<'_, '_>) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == UNCERTAIN_CLASS))
}

/// The class that marks an element whose reading its source did not settle.
pub const UNCERTAIN_CLASS: &str = "uncertain";

/// The `name` of the main body's container that says what the source leaves out.
pub const OMISSION: &str = "omission";

/// The `name` of the container an export writes where its source has no operative part.
pub const NO_OPERATIVE_PART: &str = "noOperativePart";

fn attr_xml_lang(node: Node<'_, '_>) -> Option<String> {
    node.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .map(str::to_string)
}

/// The text of an element: its text nodes joined, white space squashed, footnotes
/// (`authorialNote`) left out.
pub fn text_of(node: Node<'_, '_>) -> String {
    let mut raw = String::new();
    collect_text(node, &mut raw, &mut Vec::new());
    crate::text::squash_whitespace(&raw)
}

fn collect_text(node: Node<'_, '_>, out: &mut String, notes: &mut Vec<Footnote>) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or(""));
        } else if is_akn(child, "authorialNote") || is_akn(child, "note") {
            let mark = child
                .attribute("marker")
                .map_or_else(|| (notes.len() + 1).to_string(), str::to_string);
            notes.push(Footnote {
                mark,
                text: text_of(child),
            });
        } else if child.is_element() {
            // Block elements inside inline text (a `p` after a `p`) keep a space between them.
            let block = is_akn_any(child, &["p", "block", "tr", "td", "th", "li"]);
            if block {
                out.push(' ');
            }
            collect_text(child, out, notes);
            if block {
                out.push(' ');
            }
        }
    }
}

/// The text of an element with its footnotes (`authorialNote`) taken out.
fn text_and_notes(node: Node<'_, '_>) -> (String, Vec<Footnote>) {
    let mut raw = String::new();
    let mut notes = Vec::new();
    collect_text(node, &mut raw, &mut notes);
    (crate::text::squash_whitespace(&raw), notes)
}

struct Walker<'l> {
    lines: &'l LineIndex,
}

impl Walker<'_> {
    fn line(&self, node: Node<'_, '_>) -> u32 {
        self.lines.line(node.range().start)
    }

    fn last_line(&self, node: Node<'_, '_>) -> u32 {
        self.lines.line(node.range().end.saturating_sub(1))
    }

    fn meta(
        &self,
        meta: Node<'_, '_>,
        date: &mut Option<String>,
        language: &mut Option<String>,
        number: &mut Option<String>,
    ) {
        for n in meta.descendants().filter(|n| n.is_element()) {
            if is_akn(n, "FRBRdate") && date.is_none() {
                let in_work = n.parent().is_some_and(|p| is_akn(p, "FRBRWork"));
                if in_work {
                    *date = n.attribute("date").map(str::to_string);
                }
            } else if is_akn(n, "FRBRlanguage") {
                if let Some(l) = n.attribute("language") {
                    *language = Some(l.to_string());
                }
            } else if is_akn(n, "FRBRnumber") && number.is_none() {
                *number = n
                    .attribute("showAs")
                    .or_else(|| n.attribute("value"))
                    .map(str::to_string);
            }
        }
    }

    fn statement(&self, node: Node<'_, '_>, element: String) -> RawStatement {
        let mut s = RawStatement {
            element,
            line: self.line(node),
            last_line: self.last_line(node),
            name: node.attribute("name").map(str::to_string),
            language: attr_xml_lang(node),
            header_line: self.line(node),
            ..RawStatement::default()
        };
        for child in node.children().filter(|n| n.is_element()) {
            if is_akn(child, "meta") {
                self.meta(child, &mut s.date, &mut s.language, &mut s.frbr_number);
                s.author = child
                    .descendants()
                    .find(|n| {
                        is_akn(*n, "FRBRauthor")
                            && n.parent().is_some_and(|p| is_akn(p, "FRBRWork"))
                    })
                    .and_then(|n| n.attribute("href"))
                    .map(str::to_string);
            } else if is_akn(child, "preface") || is_akn(child, "coverPage") {
                self.preface(child, &mut s);
            } else if is_akn(child, "preamble") {
                self.preamble(child, &mut s);
            } else if is_akn_any(
                child,
                &[
                    "mainBody",
                    "body",
                    "mainContent",
                    "attachments",
                    "components",
                ],
            ) {
                for omission in child
                    .descendants()
                    .filter(|n| is_akn(*n, "hcontainer") && n.attribute("name") == Some(OMISSION))
                {
                    let text = text_of(omission);
                    let text = text
                        .strip_prefix('[')
                        .and_then(|t| t.strip_suffix(']'))
                        .unwrap_or(&text);
                    s.omission = Some(text.to_string());
                }
                self.body(child, &mut s.entries, 0, true);
            }
        }
        s
    }

    fn preface(&self, preface: Node<'_, '_>, s: &mut RawStatement) {
        for n in preface.descendants().filter(|n| n.is_element()) {
            if is_akn(n, "docType") && s.doc_type.is_none() {
                s.doc_type = Some(text_of(n));
                s.header_line = self.line(n);
                s.header_uncertain = n.parent().is_some_and(marked_uncertain);
            } else if is_akn(n, "docNumber") && s.doc_number.is_none() {
                s.doc_number = Some(text_of(n));
                s.header_line = self.line(n);
            } else if (is_akn(n, "docTitle")
                || (is_akn(n, "container") && n.attribute("name") == Some("title")))
                && s.title.is_none()
            {
                s.title = Some(Located {
                    text: text_of(n),
                    element: n.attribute("eId").unwrap_or("title").to_string(),
                    line: self.line(n),
                });
                s.title_uncertain = marked_uncertain(n) || n.parent().is_some_and(marked_uncertain);
            }
        }
    }

    fn preamble(&self, preamble: Node<'_, '_>, s: &mut RawStatement) {
        for child in preamble.children().filter(|n| n.is_element()) {
            if is_akn(child, "formula") && s.formula.is_none() {
                s.formula = Some(Located {
                    text: text_of(child),
                    element: child.attribute("eId").unwrap_or("formula").to_string(),
                    line: self.line(child),
                });
                s.formula_uncertain = marked_uncertain(child)
                    || child
                        .children()
                        .any(|p| is_akn(p, "p") && marked_uncertain(p));
            } else if is_akn(child, "recitals") || is_akn(child, "citations") {
                self.container(child, &mut s.entries, false);
            } else if is_akn_any(child, ITEMS) {
                self.item(child, &mut s.entries, 0, false, "preamble");
            } else if is_akn(child, "p") {
                self.paragraph_p(child, &mut s.entries, false, "preamble");
            } else {
                self.body(child, &mut s.entries, 0, false);
            }
        }
    }

    /// A block of the body: containers become sections, items paragraphs.
    fn body(&self, node: Node<'_, '_>, entries: &mut Vec<Entry>, depth: u8, operative: bool) {
        for child in node.children().filter(|n| n.is_element()) {
            if is_akn(child, "hcontainer")
                && matches!(child.attribute("name"), Some(OMISSION | NO_OPERATIVE_PART))
            {
                // Not a part of the text: what the source leaves out (read by `statement`), or
                // the place an export holds where the source has no operative part.
                continue;
            }
            if is_akn_any(child, CONTAINERS) || is_akn(child, "recitals") {
                self.container(child, entries, operative);
            } else if is_akn_any(child, ITEMS) {
                self.item(child, entries, depth, operative, "body");
            } else if is_akn(child, "list") || is_akn(child, "blockList") {
                self.body(child, entries, depth, operative);
            } else if is_akn(child, "p") {
                self.paragraph_p(child, entries, operative, "body");
            } else if !is_akn_any(child, &["meta", "num", "heading", "subheading"]) {
                // Anything else (an attachment, a nested document, a wrapper) is walked through.
                self.body(child, entries, depth, operative);
            }
        }
    }

    fn paragraph_p(&self, p: Node<'_, '_>, entries: &mut Vec<Entry>, operative: bool, id: &str) {
        let (text, footnotes) = text_and_notes(p);
        if text.is_empty() {
            return;
        }
        entries.push(Entry::Item(Item {
            element: p.attribute("eId").unwrap_or(id).to_string(),
            line: self.line(p),
            last_line: self.last_line(p),
            label: None,
            depth: 0,
            text,
            footnotes,
            operative,
            uncertain: marked_uncertain(p),
        }));
    }

    /// A container with a heading (`heading`, or an `intro` that holds only the heading words).
    fn container(&self, node: Node<'_, '_>, entries: &mut Vec<Entry>, operative: bool) {
        let element = node.attribute("eId").unwrap_or("").to_string();
        let heading_node = node
            .children()
            .find(|n| is_akn(*n, "heading"))
            .or_else(|| node.children().find(|n| is_akn(*n, "intro")));
        let heading = heading_node.map(text_of).unwrap_or_default();
        entries.push(Entry::Heading(Located {
            text: heading,
            element: element.clone(),
            line: heading_node.map_or_else(|| self.line(node), |h| self.line(h)),
        }));
        for child in node.children().filter(|n| n.is_element()) {
            if Some(child) == heading_node || is_akn_any(child, &["num", "subheading"]) {
                continue;
            }
            if is_akn(child, "intro") || is_akn(child, "wrapUp") || is_akn(child, "content") {
                self.paragraph_p(child, entries, operative, &element);
            } else if is_akn_any(child, ITEMS) {
                self.item(child, entries, 0, operative, &element);
            } else if is_akn(child, "p") {
                self.paragraph_p(child, entries, operative, &element);
            } else {
                self.body(child, entries, 0, operative);
            }
        }
    }

    /// An item and the items nested in it, one level deeper.
    fn item(
        &self,
        node: Node<'_, '_>,
        entries: &mut Vec<Entry>,
        depth: u8,
        operative: bool,
        parent: &str,
    ) {
        let element = node.attribute("eId").unwrap_or(parent).to_string();
        let label = node
            .children()
            .find(|n| is_akn(*n, "num"))
            .map(text_of)
            .filter(|l| !l.is_empty());
        let mut text = String::new();
        let mut footnotes = Vec::new();
        let mut wrap_up = None;
        for child in node.children().filter(|n| n.is_element()) {
            if is_akn_any(child, &["p", "content", "intro", "blockContainer"]) {
                let (t, notes) = text_and_notes(child);
                if !t.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&t);
                }
                footnotes.extend(notes);
            } else if is_akn(child, "wrapUp") {
                wrap_up = Some(child);
            }
        }
        if !text.is_empty() || label.is_some() {
            entries.push(Entry::Item(Item {
                element: element.clone(),
                line: self.line(node),
                last_line: self.last_line(node),
                label,
                depth,
                text,
                footnotes,
                operative,
                uncertain: marked_uncertain(node),
            }));
        }
        for child in node.children().filter(|n| n.is_element()) {
            if is_akn_any(child, ITEMS) {
                self.item(child, entries, depth.saturating_add(1), operative, &element);
            } else if is_akn(child, "list") || is_akn(child, "blockList") {
                for point in child.children().filter(|n| is_akn_any(*n, ITEMS)) {
                    self.item(point, entries, depth.saturating_add(1), operative, &element);
                }
            }
        }
        if let Some(w) = wrap_up {
            let (text, footnotes) = text_and_notes(w);
            if !text.is_empty() {
                entries.push(Entry::Item(Item {
                    element,
                    line: self.line(w),
                    last_line: self.last_line(w),
                    label: None,
                    depth,
                    text,
                    footnotes,
                    operative,
                    uncertain: marked_uncertain(w),
                }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_recognised_whatever_its_prefix() {
        let a = format!("<?xml version='1.0'?>\n<akomaNtoso xmlns=\"{AKN_NAMESPACE}\"/>");
        let b = format!("<!-- x --><a:akomaNtoso xmlns:a=\"{AKN_NAMESPACE}\"/>");
        assert!(looks_like_akn(a.as_bytes()));
        assert!(looks_like_akn(b.as_bytes()));
        assert!(!looks_like_akn(b"<html/>"));
        assert!(!looks_like_akn(b"RESOLUTION 1"));
    }

    #[test]
    fn lines_are_counted_from_one() {
        let index = LineIndex::new("a\nb\nc");
        assert_eq!((index.line(0), index.line(2), index.line(4)), (1, 2, 3));
    }
}
