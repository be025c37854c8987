//! The structure of an instrument as it stands in a document, before its flattened tracked
//! changes are pulled apart: header, title, formula, sections under their headings, labelled items
//! and plain paragraphs, footnotes, each with its line. Labels and words are kept exactly as written
//! (`cb)`, `810`, `(Rév. Antalya, 2006DUBAÏ, 2018)`), bookmarks dropped, homoglyphs noted.
//!
//! `crate::reader::redline` turns a [`RawInstrument`] into the old and the new text.

use serde::{Deserialize, Serialize};

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
