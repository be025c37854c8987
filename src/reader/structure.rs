//! The structure of an instrument as it stands in a document, before its flattened tracked
//! changes are pulled apart: header, title, formula, sections under their headings, labelled items
//! and plain paragraphs, footnotes, each with its line. Labels and words are kept exactly as written
//! (`cb)`, `810`, `(Rév. Antalya, 2006DUBAÏ, 2018)`), bookmarks dropped, homoglyphs noted.
//!
//! `crate::reader::redline` turns a [`RawInstrument`] into the old and the new text.

use serde::{Deserialize, Serialize};

use crate::model::UncertaintyKind;
use crate::model::{Footnote, Language, LineSpan, Uncertainty};

/// An instrument as written in a proposal, tracked changes still run together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawInstrument {
    pub language: Language,
    /// The header line as written, bookmarks dropped (`RÉSOLUTION 130 (Rév. Busan, 2014DUBAÏ, 2018)`).
    pub header: RawLine,
    /// The title, wrapped lines joined with one space.
    pub title: Option<RawLine>,
    /// The preamble formula (`La Conférence de plénipotentiaires ... (Busan, 2014Dubaï, 2018),`).
    pub formula: Option<RawLine>,
    pub sections: Vec<RawSection>,
    /// What the structure reader noticed and corrected or could not settle (homoglyph labels,
    /// dropped non-breaking hyphens, label gaps).
    pub notices: Vec<Uncertainty>,
}

/// A line (or lines joined) of source text with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawLine {
    pub text: String,
    pub lines: LineSpan,
}

/// A section under one of the fixed headings (`considérant`, `charge le Directeur du Bureau de
/// développement des télécommunications`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawSection {
    /// The heading, wrapped lines joined with one space.
    pub heading: RawLine,
    pub items: Vec<RawItem>,
}

/// A labelled item or a plain paragraph, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawItem {
    /// The label as written, homoglyphs already read as Latin (`cb)`, `810`, `iiiii)`, `–`, `•`);
    /// `None` for a plain paragraph.
    pub label: Option<String>,
    /// Nesting depth as the structure reader sees it (0 directly under the heading).
    pub depth: u8,
    /// The text after the label, footnote references kept as `[^1]` marks.
    pub text: String,
    pub footnotes: Vec<Footnote>,
    pub lines: LineSpan,
}

// ---------------------------------------------------------------------------------------------
// The parser: a line classifier, then a state machine over the classified lines.
// ---------------------------------------------------------------------------------------------

use crate::model::LineSpan as Span;
use crate::reader::lang;

/// One line of a document, with its 1-based number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine<'a> {
    pub number: u32,
    pub text: &'a str,
}

/// Why the lines of a proposal are not an instrument.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: expected {expected}, found {found}")]
pub struct StructureError {
    pub line: u32,
    pub expected: String,
    pub found: String,
}

/// What a line of an instrument is, by its look alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineClass {
    Blank,
    /// An instrument header (`RÉSOLUTION 130 (...)`).
    Header,
    /// The preamble formula (`La Conférence de plénipotentiaires ...`).
    Formula,
    /// A section heading (`considérant`, `charge le Secrétaire général`).
    Heading,
    /// A labelled item: the label as written and the text after it.
    Item {
        label: String,
        text: String,
    },
    /// A footnote body on a line of its own (`[1: 1<TAB>Par pays ...]`).
    FootnoteBody,
    /// Anything else: a plain paragraph or a title line.
    Text,
}

/// Drops `[bookmark: ...]` anchors.
pub fn drop_bookmarks(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains("[bookmark:") {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("[bookmark:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Classifies one line (bookmarks already dropped).
pub fn classify(line: &str) -> LineClass {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return LineClass::Blank;
    }
    if footnote_body_at(trimmed, 0).is_some_and(|(_, _, end)| end == trimmed.len()) {
        return LineClass::FootnoteBody;
    }
    if let Some((label, text)) = split_label(line) {
        return LineClass::Item {
            label: label.to_string(),
            text: text.to_string(),
        };
    }
    // One fold of the line's opening serves the three readings of openings.
    let keys = lang::OpeningKeys::of(trimmed);
    if lang::formula_language_keyed(&keys).is_some() {
        return LineClass::Formula;
    }
    if lang::heading_language_keyed(trimmed, &keys).is_some() {
        return LineClass::Heading;
    }
    if lang::parse_header_keyed(trimmed, &keys).is_some() {
        return LineClass::Header;
    }
    LineClass::Text
}

/// Splits a labelled line into its label and its text: `a)<TAB>que ...`, `810<TAB>de ...`,
/// `–<TAB>de ...`, `•<TAB>la ...`; without a tab only `a) text` and bullets followed by a space.
pub fn split_label(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start_matches([' ', '\u{a0}']);
    if let Some((label, text)) = line.split_once('\t') {
        let label = label.trim();
        if is_label(label) {
            return Some((label, text.trim()));
        }
        return None;
    }
    let (label, text) = line.split_once(' ')?;
    let spaced_ok = (label.ends_with(')') && is_label(label)) || is_bullet(label);
    spaced_ok.then(|| (label, text.trim()))
}

fn is_bullet(label: &str) -> bool {
    matches!(
        label,
        "–" | "—" | "-" | "•" | "·" | "▪" | "◦" | "●" | "\u{2212}"
    )
}

/// A label: letters (Latin or Cyrillic look-alikes) with `)`, digits, or a dash or bullet.
fn is_label(label: &str) -> bool {
    if is_bullet(label) {
        return true;
    }
    if label.is_empty() || label.chars().count() > 10 {
        return false;
    }
    if let Some(inner) = label.strip_suffix(')') {
        let inner = inner.strip_prefix('(').unwrap_or(inner);
        return !inner.is_empty()
            && inner.chars().count() <= 8
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || latin_lookalike(c).is_some());
    }
    let inner = label.strip_suffix('.').unwrap_or(label);
    !inner.is_empty()
        && inner.len() <= 7
        && inner.starts_with(|c: char| c.is_ascii_digit())
        && inner.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !inner.ends_with('.')
}

/// The Latin letter that a Cyrillic (or Greek) look-alike stands for in a label.
pub fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'х' => 'x',
        'у' => 'y',
        'ο' => 'o',
        'ι' => 'i',
        'ν' => 'v',
        _ => return None,
    })
}

/// The kinds of label that a list is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Letter,
    Roman,
    Number,
    Dash,
    Bullet,
    Other,
}

/// What a label could be: a letter (or a run-together pair of letters, `cb`), a roman numeral (or
/// a run-together pair, `iiiii`), both (`i`, `v`, `x`), a number, a dash, a bullet.
fn label_kinds(label: &str) -> (bool, bool, Option<ListKind>) {
    if matches!(label, "–" | "—" | "-" | "\u{2212}") {
        return (false, false, Some(ListKind::Dash));
    }
    if is_bullet(label) {
        return (false, false, Some(ListKind::Bullet));
    }
    let core = label.trim_start_matches('(').trim_end_matches(')');
    if core.starts_with(|c: char| c.is_ascii_digit()) {
        return (false, false, Some(ListKind::Number));
    }
    let lower = core.to_ascii_lowercase();
    if !lower.chars().all(|c| c.is_ascii_lowercase()) {
        return (false, false, Some(ListKind::Other));
    }
    let letter = lower.len() == 1 || (lower.len() == 2 && lower[..1] != lower[1..]);
    let roman = is_roman_or_pair(&lower);
    match (letter, roman) {
        (false, false) => (false, false, Some(ListKind::Other)),
        (l, r) => (l, r, None),
    }
}

/// The value of a lowercase roman numeral up to 39 (`i` .. `xxxix`), as lists use them.
fn roman_value(s: &str) -> Option<u32> {
    crate::reader::labels::roman_rank(s)
}

/// A roman numeral, or two run together (`iiiii` is `ii` then `iii`).
fn is_roman_or_pair(s: &str) -> bool {
    if roman_value(s).is_some() {
        return true;
    }
    (1..s.len()).any(|i| roman_value(&s[..i]).is_some() && roman_value(&s[i..]).is_some())
}

/// One open level of nested lists: its kind, its last label, whether its last item ends with a
/// colon (and so opens a sub-list).
#[derive(Debug, Clone)]
struct ListLevel {
    kind: ListKind,
    last: String,
    opens_sublist: bool,
}

/// Decides the depth of each labelled item of a section.
#[derive(Debug, Default)]
struct Nesting {
    levels: Vec<ListLevel>,
}

impl Nesting {
    /// Places an item with this (Latin) label and returns its depth.
    fn place(&mut self, label: &str, text: &str) -> u8 {
        let (letter, roman, fixed) = label_kinds(label);
        let core = label
            .trim_start_matches('(')
            .trim_end_matches(')')
            .to_ascii_lowercase();
        let opens_sublist = text.trim_end().ends_with(':');
        let kind = if let Some(kind) = fixed {
            kind
        } else {
            self.resolve_letter_or_roman(&core, letter, roman)
        };
        let depth = match self.levels.last() {
            Some(top) if top.opens_sublist => {
                if top.kind == kind && follows(&top.last, &core, kind) {
                    self.levels.len() - 1
                } else {
                    self.levels.len()
                }
            }
            _ => match self.levels.iter().rposition(|l| l.kind == kind) {
                Some(i) => i,
                None => self.levels.len(),
            },
        };
        self.levels.truncate(depth);
        self.levels.push(ListLevel {
            kind,
            last: core,
            opens_sublist,
        });
        u8::try_from(depth).unwrap_or(u8::MAX)
    }

    /// Chooses letter or roman for a label that could be either (`i)`: a letter after `h)`, a
    /// roman numeral under an item ending with `:`).
    fn resolve_letter_or_roman(&self, core: &str, letter: bool, roman: bool) -> ListKind {
        if !roman {
            return ListKind::Letter;
        }
        if !letter {
            return ListKind::Roman;
        }
        let Some(top) = self.levels.last() else {
            return if core == "i" {
                ListKind::Roman
            } else {
                ListKind::Letter
            };
        };
        if top.opens_sublist {
            if top.kind == ListKind::Letter && follows(&top.last, core, ListKind::Letter) {
                return ListKind::Letter;
            }
            return ListKind::Roman;
        }
        if top.kind == ListKind::Roman {
            return ListKind::Roman;
        }
        if let Some(level) = self
            .levels
            .iter()
            .rev()
            .find(|l| l.kind == ListKind::Letter)
        {
            if follows(&level.last, core, ListKind::Letter) {
                return ListKind::Letter;
            }
        }
        if self.levels.iter().any(|l| l.kind == ListKind::Roman) {
            ListKind::Roman
        } else if self.levels.iter().any(|l| l.kind == ListKind::Letter) {
            ListKind::Letter
        } else {
            ListKind::Roman
        }
    }

    /// A plain paragraph's depth: under the innermost open item, or 0.
    fn plain_depth(&self) -> u8 {
        u8::try_from(self.levels.len()).unwrap_or(u8::MAX)
    }
}

/// `true` when `next` comes right after `previous` in a list of this kind (the last letter or
/// number of a run-together pair counts: `i` follows `gh`).
fn follows(previous: &str, next: &str, kind: ListKind) -> bool {
    match kind {
        ListKind::Letter => {
            let (Some(p), Some(n)) = (previous.chars().last(), next.chars().next()) else {
                return false;
            };
            u32::from(n) == u32::from(p) + 1
        }
        ListKind::Roman => match (roman_value(previous), roman_value(next)) {
            (Some(p), Some(n)) => n == p + 1,
            _ => false,
        },
        ListKind::Number => match (previous.parse::<u32>(), next.parse::<u32>()) {
            (Ok(p), Ok(n)) => n == p + 1,
            _ => false,
        },
        ListKind::Dash | ListKind::Bullet => true,
        ListKind::Other => false,
    }
}

/// Finds a footnote body `[N: ...]` at byte `at` of `s`: returns the mark, the text (the repeated
/// mark and the tab dropped) and the byte where it ends.
fn footnote_body_at(s: &str, at: usize) -> Option<(String, String, usize)> {
    let rest = s.get(at..)?.strip_prefix('[')?;
    let colon = rest.find(':')?;
    let mark = &rest[..colon];
    if mark.is_empty() || mark.len() > 4 || !mark.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut depth = 1usize;
    let mut end = None;
    for (i, c) in rest.char_indices().skip(colon + 1) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end?;
    let body = rest[colon + 1..end].trim_start_matches([' ', '\u{a0}']);
    let body = body.strip_prefix(mark).unwrap_or(body);
    let body = body.trim();
    Some((mark.to_string(), body.to_string(), at + 1 + end + 1))
}

/// Pulls footnotes out of a line of text: `[footnoteRef:1]1` becomes `[^1]` and each body
/// `[1: 1<TAB>...]` is returned as a [`Footnote`].
pub fn extract_footnotes(text: &str) -> (String, Vec<Footnote>) {
    if !text.contains('[') {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(open) = rest.find('[') else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..open]);
        i += open;
        let here = &text[i..];
        if let Some(after) = here.strip_prefix("[footnoteRef:") {
            if let Some(close) = after.find(']') {
                let mark = after[..close].trim();
                let mut next = i + "[footnoteRef:".len() + close + 1;
                // The mark is printed again after the reference: `[footnoteRef:1]1`.
                if text[next..].starts_with(mark) && !mark.is_empty() {
                    next += mark.len();
                }
                out.push_str("[^");
                out.push_str(mark);
                out.push(']');
                i = next;
                continue;
            }
        }
        if let Some((mark, body, end)) = footnote_body_at(text, i) {
            notes.push(Footnote { mark, text: body });
            i = end;
            continue;
        }
        out.push('[');
        i += 1;
    }
    (out.trim().to_string(), notes)
}

/// Function words that leave a heading unfinished at the end of a line.
const OPEN_ENDINGS: &[&str] = &[
    "de", "des", "du", "d'", "la", "le", "les", "l'", "et", "a", "au", "aux", "en", "pour", "of",
    "the", "and", "to", "for", "in", "on", "y", "el", "los", "las", "del", "al", "para", "por",
];

/// `true` when `next` continues the heading `heading` that wrapped: the heading ends with a
/// function word, or `next` is a short fragment that does not end like a paragraph.
fn continues_heading(heading: &str, next: &str) -> bool {
    let last = lang::key(heading);
    let last_word = last.rsplit([' ', '\'']).next().unwrap_or("");
    let open = OPEN_ENDINGS.contains(&last_word) || last.ends_with('\'');
    if open {
        return true;
    }
    let n = next.trim();
    !n.is_empty()
        && n.chars().count() <= 100
        && !n.ends_with([',', ';', ':', '.'])
        && n.starts_with(char::is_alphabetic)
        && {
            let next_key = lang::key(n);
            ![
                "que ", "qu'", "a ", "de ", "d'", "that ", "to ", "en ", "in ",
            ]
            .iter()
            .any(|w| next_key.starts_with(w))
        }
}

/// Reads the lines of one proposal's instrument (from its header to the line before its reasons)
/// into a [`RawInstrument`]. `hyphens` holds the hyphenated words of the whole document: a word
/// of the instrument written elsewhere with a hyphen is noticed as a `dropped-hyphen`.
pub fn parse_instrument(
    lines: &[SourceLine<'_>],
    language: Language,
    hyphens: &HyphenLexicon,
) -> Result<RawInstrument, StructureError> {
    let cleaned: Vec<(u32, std::borrow::Cow<'_, str>)> = lines
        .iter()
        .map(|l| (l.number, drop_bookmarks(l.text)))
        .collect();
    let classes: Vec<LineClass> = cleaned.iter().map(|(_, t)| classify(t)).collect();
    let mut notices = Vec::new();

    // The header: the first line that is not blank.
    let Some(header_at) = classes.iter().position(|c| *c != LineClass::Blank) else {
        let line = lines.last().map_or(0, |l| l.number);
        return Err(StructureError {
            line,
            expected: "an instrument header such as `RÉSOLUTION 130 (Rév. Busan, 2014)`".into(),
            found: "nothing".into(),
        });
    };
    let (header_line, header_text) = &cleaned[header_at];
    if lang::parse_header(header_text.trim()).is_none() {
        return Err(StructureError {
            line: *header_line,
            expected: "an instrument header such as `RÉSOLUTION 130 (Rév. Busan, 2014)` or `PROJET DE NOUVELLE RÉSOLUTION [B-1]`".into(),
            found: format!("`{}`", excerpt(header_text)),
        });
    }
    let header = RawLine {
        text: header_text.trim().to_string(),
        lines: Span::line(*header_line),
    };

    // The title: the text lines after the header, up to the formula, a heading, an item or a blank
    // line; a wrapped title is joined with one space.
    let mut i = header_at + 1;
    let mut title_parts: Vec<(u32, &str)> = Vec::new();
    let formula_near = classes[i..]
        .iter()
        .take(6)
        .position(|c| *c == LineClass::Formula)
        .map(|p| p + i);
    while i < classes.len() {
        match &classes[i] {
            LineClass::Text | LineClass::Header => {}
            LineClass::Blank if formula_near.is_some_and(|f| f > i) => {
                i += 1;
                continue;
            }
            LineClass::Heading if formula_near.is_some_and(|f| f > i) => {}
            _ => break,
        }
        if formula_near.is_none() && title_parts.len() >= 2 {
            break;
        }
        title_parts.push((cleaned[i].0, cleaned[i].1.trim()));
        i += 1;
    }
    let title = (!title_parts.is_empty()).then(|| RawLine {
        text: title_parts
            .iter()
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join(" "),
        lines: Span::new(
            title_parts[0].0,
            title_parts.last().map_or(title_parts[0].0, |p| p.0),
        ),
    });

    // The formula.
    while i < classes.len() && classes[i] == LineClass::Blank {
        i += 1;
    }
    let mut formula = None;
    if i < classes.len() && classes[i] == LineClass::Formula {
        formula = Some(RawLine {
            text: cleaned[i].1.trim().to_string(),
            lines: Span::line(cleaned[i].0),
        });
        i += 1;
    }

    // The sections.
    let mut sections: Vec<RawSection> = Vec::new();
    let mut nesting = Nesting::default();
    while i < classes.len() {
        let (number, text) = (cleaned[i].0, &*cleaned[i].1);
        match &classes[i] {
            LineClass::Blank => {}
            LineClass::Heading => {
                let mut heading = text.trim().to_string();
                let mut last = number;
                if let Some(LineClass::Text) = classes.get(i + 1) {
                    let next = cleaned[i + 1].1.trim();
                    if continues_heading(&heading, next) {
                        heading.push(' ');
                        heading.push_str(next);
                        last = cleaned[i + 1].0;
                        i += 1;
                    }
                }
                sections.push(RawSection {
                    heading: RawLine {
                        text: heading,
                        lines: Span::new(number, last),
                    },
                    items: Vec::new(),
                });
                nesting = Nesting::default();
            }
            LineClass::FootnoteBody => {
                let (_, notes) = extract_footnotes(text.trim());
                attach_footnotes(&mut sections, notes, number, &mut notices);
            }
            LineClass::Item { label, text } => {
                let latin = latinize_label(label);
                if latin != *label {
                    notices.push(Uncertainty {
                        line: number,
                        what: UncertaintyKind::Homoglyph,
                        excerpt: label.clone(),
                        readings: vec![latin.clone()],
                        section: sections.last().map(|s| s.heading.text.clone()),
                        label: Some(latin.clone()),
                    });
                }
                let depth = nesting.place(&latin, text);
                let (body, footnotes) = extract_footnotes(text);
                let section = open_section(&mut sections, number);
                section.items.push(RawItem {
                    label: Some(latin),
                    depth,
                    text: body,
                    footnotes,
                    lines: Span::line(number),
                });
            }
            LineClass::Text | LineClass::Header | LineClass::Formula => {
                let depth = nesting.plain_depth();
                let (body, footnotes) = extract_footnotes(text.trim());
                let section = open_section(&mut sections, number);
                section.items.push(RawItem {
                    label: None,
                    depth,
                    text: body,
                    footnotes,
                    lines: Span::line(number),
                });
            }
        }
        i += 1;
    }

    let mut raw = RawInstrument {
        language,
        header,
        title,
        formula,
        sections,
        notices,
    };
    restore_hyphens(&mut raw, hyphens);
    raw.notices.sort();
    Ok(raw)
}

/// The last section, or a new one without a heading for paragraphs that come before any heading.
fn open_section(sections: &mut Vec<RawSection>, line: u32) -> &mut RawSection {
    if sections.is_empty() {
        sections.push(RawSection {
            heading: RawLine {
                text: String::new(),
                lines: Span::line(line),
            },
            items: Vec::new(),
        });
    }
    sections.last_mut().expect("a section was just ensured")
}

/// Attaches footnote bodies found on a line of their own to the paragraph that references them
/// (the nearest one before with the `[^N]` mark), or reports them.
fn attach_footnotes(
    sections: &mut [RawSection],
    notes: Vec<Footnote>,
    line: u32,
    notices: &mut Vec<Uncertainty>,
) {
    for note in notes {
        let mark = format!("[^{}]", note.mark);
        let target = sections
            .iter_mut()
            .rev()
            .flat_map(|s| s.items.iter_mut().rev())
            .find(|item| item.text.contains(&mark));
        match target {
            Some(item) => item.footnotes.push(note),
            None => notices.push(Uncertainty {
                line,
                what: UncertaintyKind::FootnoteUnreferenced,
                excerpt: format!("[{}: {}]", note.mark, note.text),
                readings: Vec::new(),
                section: sections.last().map(|s| s.heading.text.clone()),
                label: None,
            }),
        }
    }
}

/// A label with its look-alike letters read as Latin (`а)` to `a)`).
pub fn latinize_label(label: &str) -> String {
    label
        .chars()
        .map(|c| latin_lookalike(c).unwrap_or(c))
        .collect()
}

/// Hyphens that the extraction dropped and that can be put back with certainty (`UITT` is always
/// `UIT-T`).
const CERTAIN_HYPHENS: &[(&str, &str)] = &[
    ("UITT", "UIT-T"),
    ("UITD", "UIT-D"),
    ("UITR", "UIT-R"),
    ("ITUT", "ITU-T"),
    ("ITUD", "ITU-D"),
    ("ITUR", "ITU-R"),
];

/// Word openings after which a hyphen was likely dropped (`quasitotalité`, `cidessus`,
/// `sousnationales`), with the minimum length of what follows.
const LIKELY_HYPHEN_PREFIXES: &[&str] = &["quasi", "ci", "sous", "après"];

/// Words that these openings legitimately start without a hyphen.
const NOT_DROPPED: &[&str] = &["soussigné", "souscrire", "soustraire"];

/// Restores certain dropped hyphens in place and lists as `dropped-hyphen` notices the likely
/// ones ([`likely_dropped_hyphens`]) and the words that the document writes elsewhere with a
/// hyphen (`lexicon`), unless a notice already names the word on its line. The words of each
/// paragraph are read once for both.
fn restore_hyphens(raw: &mut RawInstrument, lexicon: &HyphenLexicon) {
    let mut likely = Vec::new();
    let mut written_elsewhere = Vec::new();
    // Every notice names its section by the heading as the texts give it: certain hyphens
    // restored, as the heading itself is restored before its items are read.
    let mut fix = |text: &mut String, line: u32, heading: Option<&str>, label: Option<&str>| {
        if let std::borrow::Cow::Owned(restored) = with_certain_hyphens(text) {
            *text = restored;
        }
        for (_, word) in words(text) {
            if let Some(reading) = likely_reading(word) {
                likely.push(Uncertainty {
                    line,
                    what: UncertaintyKind::DroppedHyphen,
                    excerpt: word.to_string(),
                    readings: vec![reading],
                    section: heading.map(str::to_string),
                    label: label.map(str::to_string),
                });
            }
            if let Some(hyphenated) = lexicon.hyphenated(word) {
                written_elsewhere.push(Uncertainty {
                    line,
                    what: UncertaintyKind::DroppedHyphen,
                    excerpt: word.to_string(),
                    readings: vec![hyphenated.to_string()],
                    section: heading.map(str::to_string),
                    label: label.map(str::to_string),
                });
            }
        }
    };
    if let Some(title) = &mut raw.title {
        fix(&mut title.text, title.lines.first, None, None);
    }
    for section in &mut raw.sections {
        fix(
            &mut section.heading.text,
            section.heading.lines.first,
            None,
            None,
        );
        let heading = section.heading.text.as_str();
        for item in &mut section.items {
            let line = item.lines.first;
            let label = item.label.as_deref();
            fix(&mut item.text, line, Some(heading), label);
            for note in &mut item.footnotes {
                fix(&mut note.text, line, Some(heading), label);
            }
        }
    }
    raw.notices.extend(likely);
    for notice in written_elsewhere {
        let known = raw
            .notices
            .iter()
            .any(|n| n.what == notice.what && n.line == notice.line && n.excerpt == notice.excerpt);
        if !known {
            raw.notices.push(notice);
        }
    }
}

/// Splits text into words (letters, digits, hyphens and apostrophes inside), with their byte
/// ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::text::words_with_hyphens(text)
}

/// `true` when `word` starts with `prefix` (lowercase) in any case.
fn starts_with_any_case(word: &str, prefix: &str) -> bool {
    if prefix.is_ascii() {
        return word
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()));
    }
    // While both are ASCII, bytes compare as their characters lowercased would: most words
    // differ there, before any lowercasing.
    for (w, p) in word.bytes().zip(prefix.bytes()) {
        if !w.is_ascii() || !p.is_ascii() {
            break;
        }
        if w.to_ascii_lowercase() != p {
            return false;
        }
    }
    let mut lowered = word.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|c| lowered.next() == Some(c))
}

/// The words of [`CERTAIN_HYPHENS`] in a text, whole words only, in order, with their byte
/// offsets. Each of those words holds exactly one `I` (`UITT`, `ITUD`): the search looks around
/// the capital `I`s, few in running text, instead of reading every word.
fn certain_hyphen_words(
    text: &str,
) -> impl Iterator<Item = (usize, &'static (&'static str, &'static str))> + '_ {
    let bytes = text.as_bytes();
    let is_word_char = |c: char| crate::text::is_letter_or_digit(c) || c == '-';
    let whole_word_at = move |start: usize, end: usize| {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    };
    text.match_indices('I').flat_map(move |(i, _)| {
        // `UIT?` opens one byte before the `I`, `ITU?` at it.
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(move |start| {
                let candidate = bytes.get(start..start + 4)?;
                let site = CERTAIN_HYPHENS
                    .iter()
                    .find(|(written, _)| written.as_bytes() == candidate)?;
                whole_word_at(start, start + 4).then_some((start, site))
            })
    })
}

/// The text with the hyphens of [`CERTAIN_HYPHENS`] put back in whole words; borrowed when it
/// has none to put back.
fn with_certain_hyphens(text: &str) -> std::borrow::Cow<'_, str> {
    let mut sites = certain_hyphen_words(text).peekable();
    if sites.peek().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for (start, (written, restored)) in sites {
        out.push_str(&text[at..start]);
        out.push_str(restored);
        at = start + written.len();
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

/// Puts back the hyphens of [`CERTAIN_HYPHENS`] in whole words.
pub fn restore_certain_hyphens(text: &str) -> String {
    with_certain_hyphens(text).into_owned()
}

/// The words of [`CERTAIN_HYPHENS`] in a line, as written and as restored (`UITT`, `UIT-T`).
pub fn certain_hyphen_sites(text: &str) -> Vec<(&'static str, &'static str)> {
    certain_hyphen_words(text).map(|(_, site)| *site).collect()
}

/// Words where a hyphen was likely dropped, with the reading that puts it back:
/// `CMDT14` (`CMDT-14`), `quasitotalité` (`quasi-totalité`), `cidessus`, `sousnationales`,
/// `après2015`.
pub fn likely_dropped_hyphens(text: &str) -> Vec<(String, String)> {
    words(text)
        .filter_map(|(_, word)| likely_reading(word).map(|reading| (word.to_string(), reading)))
        .collect()
}

/// The reading of a word with the hyphen that it likely lost put back, if it likely lost one
/// (see [`likely_dropped_hyphens`]).
#[inline]
fn likely_reading(word: &str) -> Option<String> {
    // An acronym run into a year opens with two capitals, and every prefix with `q`, `c`, `s` or
    // `a`: most words are ruled out by their first two bytes.
    let bytes = word.as_bytes();
    let first = *bytes.first()?;
    if first.is_ascii_uppercase() && bytes.get(1).is_some_and(u8::is_ascii_uppercase) {
        if let Some(reading) = acronym_year_reading(word) {
            return Some(reading);
        }
    }
    if matches!(first | 0x20, b'q' | b'c' | b's' | b'a') {
        return prefix_reading(word);
    }
    None
}

/// `CMDT-14` for `CMDT14`: an acronym run into a year (`AMNT12`, `WTDC17`).
#[inline(never)]
fn acronym_year_reading(word: &str) -> Option<String> {
    let caps = word.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = &word[caps..];
    (caps >= 2 && (2..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}", &word[..caps], digits))
}

/// `quasi-totalité` for `quasitotalité`: a word opening with one of [`LIKELY_HYPHEN_PREFIXES`]
/// followed by what such a prefix is hyphenated to (`cidessus`, `sousnationales`, `après2015`).
#[inline(never)]
fn prefix_reading(word: &str) -> Option<String> {
    // The prefixes open with different letters: only the one that opens like the word can match.
    let first = word.as_bytes().first()? | 0x20;
    let opens_like_a_prefix = LIKELY_HYPHEN_PREFIXES
        .iter()
        .find(|p| p.as_bytes()[0] == first)
        .is_some_and(|p| starts_with_any_case(word, p));
    if !opens_like_a_prefix || word.contains('-') {
        return None;
    }
    reading_after_prefix(word, &word.to_lowercase())
}

/// [`prefix_reading`] once the word (`lower`, lowercased) is known to open like a prefix.
fn reading_after_prefix(word: &str, lower: &str) -> Option<String> {
    if NOT_DROPPED.contains(&lower) {
        return None;
    }
    for prefix in LIKELY_HYPHEN_PREFIXES {
        let Some(rest) = lower.strip_prefix(prefix) else {
            continue;
        };
        let rest_ok = match *prefix {
            "après" => rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit()),
            "ci" => [
                "dessus", "dessous", "après", "contre", "joint", "jointe", "inclus",
            ]
            .contains(&rest),
            "sous" => [
                "nationa",
                "régiona",
                "region",
                "groupe",
                "comit",
                "programme",
                "ensemble",
                "estim",
                "secteur",
                "titre",
                "total",
                "développ",
                "utilis",
            ]
            .iter()
            .any(|r| rest.starts_with(r)),
            "quasi" => rest.chars().count() >= 4,
            _ => false,
        };
        if rest_ok {
            // The prefix's length in the word as written (its case may differ in length).
            let split = word
                .char_indices()
                .nth(prefix.chars().count())
                .map_or(word.len(), |(i, _)| i);
            let (head, tail) = word.split_at(split);
            return Some(format!("{head}-{tail}"));
        }
    }
    None
}

/// Hyphenated words of a whole document, by their form without hyphens (`GTCInternet` to
/// `GTC-Internet`): a word written both ways in one document most likely lost its hyphen where it
/// has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HyphenLexicon {
    by_joined: std::collections::BTreeMap<String, String>,
    /// Bit `n` set when a joined form is `n` bytes long (63 for any longer), and bit `b` of
    /// `first_bytes` when one opens with the byte `b`: most words of a text are ruled out by
    /// their length and their first byte, without a lookup.
    lengths: u64,
    first_bytes: [u128; 2],
}

impl HyphenLexicon {
    /// Collects the hyphenated words of a text (number ranges such as `2016-2019` left out).
    pub fn from_text(text: &str) -> Self {
        let mut by_joined = std::collections::BTreeMap::new();
        let inside = |c: char| c.is_alphanumeric() || c == '-';
        let mut after_last = 0;
        for (at, _) in text.match_indices('-') {
            if at < after_last {
                continue;
            }
            let start = text[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| inside(*c))
                .last()
                .map_or(at, |(i, _)| i);
            let end = text[at..]
                .char_indices()
                .find(|(_, c)| !inside(*c))
                .map_or(text.len(), |(i, _)| at + i);
            after_last = end;
            let word = text[start..end].trim_matches('-');
            if !word.contains('-') || word.contains("--") {
                continue;
            }
            let joined: String = word.chars().filter(|c| *c != '-').collect();
            if joined.chars().all(|c| c.is_ascii_digit()) || joined.chars().count() < 4 {
                continue;
            }
            by_joined.entry(joined).or_insert_with(|| word.to_string());
        }
        let lengths = by_joined
            .keys()
            .fold(0u64, |bits, joined| bits | 1 << joined.len().min(63));
        let mut first_bytes = [0u128; 2];
        for joined in by_joined.keys() {
            if let Some(&b) = joined.as_bytes().first() {
                first_bytes[usize::from(b >> 7)] |= 1 << (b & 0x7f);
            }
        }
        HyphenLexicon {
            by_joined,
            lengths,
            first_bytes,
        }
    }

    /// The hyphenated form of a word written without its hyphen, if the document has one.
    pub fn hyphenated(&self, word: &str) -> Option<&str> {
        let &first = word.as_bytes().first()?;
        if self.lengths & (1 << word.len().min(63)) == 0
            || self.first_bytes[usize::from(first >> 7)] & (1 << (first & 0x7f)) == 0
        {
            return None;
        }
        self.by_joined.get(word).map(String::as_str)
    }
}

/// Label gaps in the lists of a text written in one go (an `ADD`): `c)` then `e)`. Reported as
/// `label-gap` notices.
pub fn label_gaps(raw: &RawInstrument) -> Vec<Uncertainty> {
    let mut gaps = Vec::new();
    for section in &raw.sections {
        let mut previous: Vec<Option<&str>> = Vec::new();
        for item in &section.items {
            let Some(label) = item.label.as_deref() else {
                continue;
            };
            let depth = usize::from(item.depth);
            previous.truncate(depth + 1);
            while previous.len() <= depth {
                previous.push(None);
            }
            let core = label.trim_start_matches('(').trim_end_matches(')');
            if let Some(Some(prev)) = previous.get(depth) {
                let prev_core = prev.trim_start_matches('(').trim_end_matches(')');
                let kind = match label_kinds(label) {
                    (_, _, Some(k)) => k,
                    (true, _, None) => ListKind::Letter,
                    (false, _, None) => ListKind::Roman,
                };
                let single = match kind {
                    ListKind::Letter => core.len() == 1 && prev_core.len() == 1,
                    ListKind::Number | ListKind::Roman => true,
                    _ => false,
                };
                if single && !follows(prev_core, core, kind) {
                    gaps.push(Uncertainty {
                        line: item.lines.first,
                        what: UncertaintyKind::LabelGap,
                        excerpt: format!("{prev} then {label}"),
                        readings: Vec::new(),
                        section: Some(section.heading.text.clone()),
                        label: Some(label.to_string()),
                    });
                }
            }
            previous[depth] = Some(label);
        }
    }
    gaps
}

/// A line cut short for an error message.
pub(crate) fn excerpt(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &t[..i]),
        None => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<SourceLine<'_>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| SourceLine {
                number: u32::try_from(i + 1).expect("small"),
                text: t,
            })
            .collect()
    }

    #[test]
    fn i_is_a_letter_after_h_and_a_roman_numeral_under_a_colon() {
        let text = "RÉSOLUTION 1\nTitre\nconsidérant\nh)\tx;\ni)\ten particulier:\ni)\tun;\nii)\tdeux,\nj)\ty;";
        let raw = parse_instrument(&lines(text), Language::Fr, &HyphenLexicon::default())
            .expect("parses");
        let items: Vec<(String, u8)> = raw.sections[0]
            .items
            .iter()
            .map(|i| (i.label.clone().expect("labelled"), i.depth))
            .collect();
        assert_eq!(
            items,
            vec![
                ("h)".into(), 0),
                ("i)".into(), 0),
                ("i)".into(), 1),
                ("ii)".into(), 1),
                ("j)".into(), 0)
            ]
        );
    }

    #[test]
    fn footnotes_become_marks_and_attached_notes() {
        let (text, notes) =
            extract_footnotes("en développement[footnoteRef:1]1, et la coopération; [1: 1\tPar pays en développement.] ");
        assert_eq!(text, "en développement[^1], et la coopération;");
        assert_eq!(notes[0].text, "Par pays en développement.");
    }

    #[test]
    fn certain_hyphens_are_restored_and_likely_ones_listed() {
        assert_eq!(
            restore_certain_hyphens("l'UITT et l'UITD, UITTX"),
            "l'UIT-T et l'UIT-D, UITTX"
        );
        let likely = likely_dropped_hyphens(
            "la quasitotalité cidessus CMDT14 sousnationales cinq après2015",
        );
        let words: Vec<&str> = likely.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "quasitotalité",
                "cidessus",
                "CMDT14",
                "sousnationales",
                "après2015"
            ]
        );
        // A capital whose lower case is longer does not cut a character in two.
        let odd = likely_dropped_hyphens("QUASİxxxx Cİdessus");
        assert!(odd.iter().all(|(_, r)| r.contains('-')));
    }

    #[test]
    fn every_hyphen_notice_names_its_section_by_the_restored_heading() {
        let text = "RÉSOLUTION 1\nTitre\ncharge le Groupe consultatif de l'UITD\n1\tde suivre la quasitotalité de la cybersécurité;";
        let lexicon = HyphenLexicon::from_text("la cyber-sécurité");
        let raw = parse_instrument(&lines(text), Language::Fr, &lexicon).expect("parses");
        let heading = "charge le Groupe consultatif de l'UIT-D";
        assert_eq!(raw.sections[0].heading.text, heading);
        let notices: Vec<(&str, Option<&str>)> = raw
            .notices
            .iter()
            .filter(|n| n.what == UncertaintyKind::DroppedHyphen)
            .map(|n| (n.excerpt.as_str(), n.section.as_deref()))
            .collect();
        assert_eq!(
            notices,
            vec![
                ("cybersécurité", Some(heading)),
                ("quasitotalité", Some(heading))
            ]
        );
    }

    /// [`likely_dropped_hyphens`] as first written, every word looked at in full: the
    /// reference for the filtered one.
    fn likely_dropped_hyphens_word_by_word(text: &str) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let words = crate::text::runs(text, |c| crate::text::is_letter_or_digit(c) || c == '-');
        for (_, word) in words {
            if word.contains('-') {
                continue;
            }
            let caps = word.chars().take_while(|c| c.is_ascii_uppercase()).count();
            let digits = &word[caps..];
            if caps >= 2
                && (2..=4).contains(&digits.len())
                && digits.chars().all(|c| c.is_ascii_digit())
            {
                found.push((word.to_string(), format!("{}-{}", &word[..caps], digits)));
                continue;
            }
            let mut lowered = word.chars().flat_map(char::to_lowercase);
            let lower: String = lowered.by_ref().collect();
            let opens_like_a_prefix = LIKELY_HYPHEN_PREFIXES.iter().any(|p| {
                if p.is_ascii() {
                    word.as_bytes()
                        .get(..p.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(p.as_bytes()))
                } else {
                    lower.starts_with(p)
                }
            });
            if !opens_like_a_prefix {
                continue;
            }
            if let Some(reading) = reading_after_prefix(word, &lower) {
                found.push((word.to_string(), reading));
            }
        }
        found
    }

    /// [`restore_certain_hyphens`] word by word: the reference for the search around `I`s.
    fn restore_certain_hyphens_word_by_word(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (start, word) in
            crate::text::runs(text, |c| crate::text::is_letter_or_digit(c) || c == '-')
        {
            if let Some((_, fixed)) = CERTAIN_HYPHENS.iter().find(|(w, _)| *w == word) {
                out.push_str(&text[at..start]);
                out.push_str(fixed);
                at = start + word.len();
            }
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn every_certain_hyphen_word_holds_one_capital_i() {
        // `certain_hyphen_words` looks for them around the `I`s.
        for (written, _) in CERTAIN_HYPHENS {
            assert_eq!(written.matches('I').count(), 1, "{written}");
        }
    }

    #[test]
    fn words_written_elsewhere_with_a_hyphen_are_noticed_once_beside_the_likely_ones() {
        let lexicon = HyphenLexicon::from_text("le GTC-Internet et les entités sous-nationales");
        let text = "RÉSOLUTION 1\nTitre\nconsidérant\na)\tque le GTCInternet et les entités sousnationales;";
        let raw = parse_instrument(&lines(text), Language::Fr, &lexicon).expect("parses");
        let noticed: Vec<(&str, &str)> = raw
            .notices
            .iter()
            .map(|n| (n.excerpt.as_str(), n.readings[0].as_str()))
            .collect();
        assert_eq!(
            noticed,
            vec![
                ("GTCInternet", "GTC-Internet"),
                ("sousnationales", "sous-nationales")
            ]
        );
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_hyphen_readers_agree_with_their_word_by_word_references(
            s in "(quasi|ci|sous|après|QUASİ|Cİ|APRÈS|Après|CMDT|UIT|ITU|UITT|ITUD|ITUR|soussigné|dessus|total|nationales|régionales|[a-zA-Zéİ]{1,5}|[0-9]{1,5}|-| |, |'|’|é){0,14}"
        ) {
            prop_assert_eq!(likely_dropped_hyphens(&s), likely_dropped_hyphens_word_by_word(&s));
            prop_assert_eq!(restore_certain_hyphens(&s), restore_certain_hyphens_word_by_word(&s));
            let sites: Vec<(&str, &str)> =
                crate::text::runs(&s, |c| crate::text::is_letter_or_digit(c) || c == '-')
                    .filter_map(|(_, w)| CERTAIN_HYPHENS.iter().find(|(c, _)| *c == w).copied())
                    .collect();
            prop_assert_eq!(certain_hyphen_sites(&s), sites);
        }
    }

    #[test]
    fn a_heading_wrapped_over_two_lines_is_joined() {
        let text = "RÉSOLUTION 1\nTitre\ncharge le Directeur du Bureau de\ndéveloppement des télécommunications\n1\tde faire;\ncharge les directeurs des Bureaux \nde travailler,";
        let raw = parse_instrument(&lines(text), Language::Fr, &HyphenLexicon::default())
            .expect("parses");
        let headings: Vec<&str> = raw
            .sections
            .iter()
            .map(|s| s.heading.text.as_str())
            .collect();
        assert_eq!(
            headings,
            vec![
                "charge le Directeur du Bureau de développement des télécommunications",
                "charge les directeurs des Bureaux"
            ]
        );
        assert_eq!(raw.sections[0].heading.lines, Span::new(3, 4));
        assert_eq!(raw.sections[1].items[0].text, "de travailler,");
    }

    #[test]
    fn bookmarks_are_dropped() {
        assert_eq!(
            drop_bookmarks("[bookmark: _Toc1][bookmark: x]RÉSOLUTION 14"),
            "RÉSOLUTION 14"
        );
    }
}
