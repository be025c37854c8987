//! Reads ITU conference documents (proposals to a conference, as plain text extracted from the
//! Word files) into structured data: each proposal with its action, identifier and target, the
//! target's text before and as proposed, its citations, and everything the reader could not settle.
//!
//! The types below are the reader's output and part of the JSON contract of `actes ingest`.

pub mod akn;
pub mod citations;
pub mod decode;
pub mod document;
pub mod docx;
pub mod labels;
pub mod lang;
pub mod layout;
pub mod redline;
pub mod settle;
pub mod structure;
pub mod views;

use serde::{Deserialize, Serialize};

pub use crate::model::{Action, ProposalId};
use crate::model::{
    Citation, Completeness, InstrumentId, InstrumentText, Language, LineSpan, Uncertainty,
};

/// A conference document, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The name the document was read under (its path as given).
    pub source: String,
    pub language: Language,
    pub proposals: Vec<Proposal>,
    /// What was noticed about the input itself: a BOM, CRLF line ends, Windows-1252, NFD.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub input_notes: Vec<String>,
}

/// One proposal: `MOD B/67/4` and what follows it up to its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// `B/67/4`.
    pub id: ProposalId,
    pub action: Action,
    pub target: InstrumentId,
    /// The first and last line of the proposal in the document.
    pub lines: LineSpan,
    /// The target's text as it stood before the proposal (`MOD`, `SUP`, `NOC`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<InstrumentText>,
    /// The target's text as proposed (`MOD`, `ADD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<InstrumentText>,
    pub citations: Vec<Citation>,
    pub uncertain: Vec<Uncertainty>,
    /// The reasons (`Motifs:`, `Reasons:`, `Motivos:`), one string per paragraph.
    pub reasons: Vec<String>,
}

/// Why a document could not be read: the file, the line and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: expected {expected}, found {found}")]
pub struct ReadError {
    /// The name the document was read under.
    pub file: String,
    /// The 1-based line where reading stopped.
    pub line: u32,
    /// What the reader expected there.
    pub expected: String,
    /// What it found instead.
    pub found: String,
}

/// A document's lines, decoded, before its proposals are read: for readers of the raw structure
/// (the redline reconstruction, tests, benchmarks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    pub source: String,
    pub language: Language,
    /// The decoded text (UTF-8, `\n` line ends, NFC); for text taken from a PDF, its logical lines
    /// (see [`layout`]).
    pub text: String,
    pub proposals: Vec<document::RawProposal>,
    pub input_notes: Vec<String>,
}

/// Decodes a document and reads each of its proposals into its raw structure (tracked changes
/// still run together). `source` names the document in errors and evidence.
pub fn read_raw_document(source: &str, bytes: &[u8]) -> Result<RawDocument, ReadError> {
    let decoded = decode::decode(bytes).map_err(|e| ReadError {
        file: source.to_string(),
        line: e.line,
        expected: e.expected,
        found: e.found,
    })?;
    // Layout (page furniture, text taken from a PDF) is repaired here, before any reading.
    let logical = layout::logical_lines(&decoded.text);
    let lines: Vec<structure::SourceLine<'_>> = logical
        .lines
        .iter()
        .map(|(number, text)| structure::SourceLine {
            number: *number,
            text,
        })
        .collect();
    let language = lang::detect_language(lines.iter().map(|l| l.text));
    let logical_text = logical
        .reflowed
        .then(|| lines.iter().map(|l| l.text).collect::<Vec<_>>().join("\n"));
    let text = logical_text.as_deref().unwrap_or(&decoded.text);
    let hyphens = structure::HyphenLexicon::from_text(text);
    let proposals = document::read_proposals(&lines, language, &hyphens)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ReadError {
            file: source.to_string(),
            line: e.line,
            expected: e.expected,
            found: e.found,
        })?;
    if proposals.is_empty() {
        let first = lines.iter().find(|l| !l.text.trim().is_empty());
        return Err(ReadError {
            file: source.to_string(),
            line: first.map_or(1, |l| l.number),
            expected: "a proposal opening somewhere in the file: a line such as \
                       `MOD<TAB>B/67/1` (an action, a tab, a proposal id)"
                .to_string(),
            found: format!(
                "none in {} lines (the first reads `{}`)",
                decoded.text.split('\n').count() - usize::from(decoded.text.ends_with('\n')),
                first.map_or_else(String::new, |l| structure::excerpt(l.text))
            ),
        });
    }
    let mut input_notes = decoded.notes.clone();
    input_notes.extend(logical.notes.iter().cloned());
    input_notes.extend(restored_hyphens_note(&lines));
    let text = text.to_string();
    Ok(RawDocument {
        source: source.to_string(),
        language,
        text,
        proposals,
        input_notes,
    })
}

/// One note saying which dropped non-breaking hyphens were put back, and on which lines
/// (`UITT` read as `UIT-T` on lines 126, 136), so that the correction stays visible.
fn restored_hyphens_note(lines: &[structure::SourceLine<'_>]) -> Option<String> {
    let mut sites: std::collections::BTreeMap<(&str, &str), Vec<u32>> =
        std::collections::BTreeMap::new();
    for line in lines {
        for site in structure::certain_hyphen_sites(line.text) {
            let numbers = sites.entry(site).or_default();
            if numbers.last() != Some(&line.number) {
                numbers.push(line.number);
            }
        }
    }
    if sites.is_empty() {
        return None;
    }
    let parts: Vec<String> = sites
        .iter()
        .map(|((written, restored), numbers)| {
            let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
            format!(
                "`{written}` read as `{restored}` (line{} {})",
                if numbers.len() == 1 { "" } else { "s" },
                numbers.join(", ")
            )
        })
        .collect();
    Some(format!(
        "dropped non-breaking hyphens restored: {}",
        parts.join("; ")
    ))
}

/// Reads a conference document without a conference catalogue: [`read_document_with`] and no
/// meetings, so that a revision mark alone names the body of a citation only for the other
/// bodies' meetings the reader knows (see [`citations::Meetings`]).
pub fn read_document(source: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    read_document_with(source, bytes, &citations::Meetings::default())
}

/// Reads a conference document: its proposals, each with its target's old and new texts, its
/// citations and what the reader could not settle. `source` names the document in errors and
/// evidence (its path as given); `meetings` are the conferences of the catalogue in use, which
/// revision marks in citations may name.
pub fn read_document_with(
    source: &str,
    bytes: &[u8],
    meetings: &citations::Meetings,
) -> Result<Document, ReadError> {
    let raw = read_raw_document(source, bytes)?;
    let lexicon = redline::Lexicon::from_texts(raw.text.lines());
    let proposals = raw
        .proposals
        .into_iter()
        .map(|p| {
            let mut rebuilt = redline::reconstruct(&p.instrument, p.action, &lexicon, meetings);
            if let Some(said) = annexes_left_out(&p.reasons, &p.instrument) {
                let note = format!("{ANNEXES_NOT_REPRODUCED} (the proposal says \"{said}\")");
                for text in [rebuilt.old.as_mut(), rebuilt.new.as_mut()]
                    .into_iter()
                    .flatten()
                {
                    text.completeness = Completeness::Partial;
                    text.notes.push(note.clone());
                }
            }
            let openings = settle::openings(&p.instrument);
            let mut uncertain = p.instrument.notices;
            uncertain.extend(p.notices);
            for u in rebuilt.uncertain {
                if !uncertain.contains(&u) {
                    uncertain.push(u);
                }
            }
            settle::settle(
                &openings,
                rebuilt.old.as_mut(),
                rebuilt.new.as_mut(),
                &mut rebuilt.citations,
                &mut uncertain,
            );
            Proposal {
                id: p.id,
                action: p.action,
                target: p.target,
                lines: p.lines,
                old: rebuilt.old,
                new: rebuilt.new,
                citations: rebuilt.citations,
                uncertain,
                reasons: p.reasons,
            }
        })
        .collect();
    Ok(Document {
        source: raw.source,
        language: raw.language,
        proposals,
        input_notes: raw.input_notes,
    })
}

/// Why a document of any kind could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// A text document.
    #[error(transparent)]
    Text(#[from] ReadError),
    /// A Word file.
    #[error(transparent)]
    Word(#[from] docx::DocxError),
}

/// Reads a conference document whatever its form: a Word file (recognised by its content, a ZIP
/// or OLE container) with [`docx::read_document`], anything else as text with [`read_document`].
pub fn read_any_document(source: &str, bytes: &[u8]) -> Result<Document, DocumentError> {
    read_any_document_with(source, bytes, &citations::Meetings::default())
}

/// [`read_any_document`] with the meetings of the catalogue in use (see [`read_document_with`]).
pub fn read_any_document_with(
    source: &str,
    bytes: &[u8],
    meetings: &citations::Meetings,
) -> Result<Document, DocumentError> {
    if docx::package::looks_like_word(bytes) {
        Ok(docx::read_document(source, bytes, meetings)?)
    } else {
        Ok(read_document_with(source, bytes, meetings)?)
    }
}

/// The note a text carries when the proposal gives its body without its annexes.
pub const ANNEXES_NOT_REPRODUCED: &str = "annexes not reproduced in the source";

/// How documents say that a proposal leaves a text's annexes out, folded (see [`lang::key`]):
/// French, English, Spanish.
const ANNEXES_LEFT_OUT: &[&str] = &[
    "sans les annexes",
    "sans ses annexes",
    "sans leurs annexes",
    "a l'exclusion des annexes",
    "without the annexes",
    "without its annexes",
    "without annexes",
    "excluding the annexes",
    "excluding its annexes",
    "sin los anexos",
    "sin sus anexos",
    "excepto los anexos",
    "excluidos los anexos",
];

/// The words, as written, by which the reasons or the text of a proposal say that the annexes are
/// left out (`sans les Annexes`), if they do: the reasons first, then the header and the title
/// (`RÉSOLUTION 71 (Rév. Busan, 2014) (sans les Annexes)`). The body's paragraphs are not read:
/// there the words are the instrument's own, about other texts' annexes.
fn annexes_left_out(reasons: &[String], raw: &structure::RawInstrument) -> Option<String> {
    let mut texts: Vec<&str> = reasons.iter().map(String::as_str).collect();
    texts.push(&raw.header.text);
    texts.extend(raw.title.iter().map(|t| t.text.as_str()));
    texts.into_iter().find_map(|text| {
        // Cheap test first: every phrase names the annexes (`nnex`, `nex` in any case).
        if !text.contains("nex") && !text.contains("NEX") {
            return None;
        }
        let folded = lang::key(text);
        let phrase = ANNEXES_LEFT_OUT.iter().find(|p| folded.contains(*p))?;
        // The phrase as written: as many words of the text, from the one it starts with.
        let words = phrase.split(' ').count();
        let first = phrase.split(' ').next().unwrap_or("");
        let written: Vec<&str> = text.split_whitespace().collect();
        written
            .windows(words)
            .map(|w| w.join(" "))
            .find(|w| lang::key(w).starts_with(first) && lang::key(w).contains(phrase))
            .map(|w| w.trim_end_matches([',', ';', '.', ':']).to_string())
            .or_else(|| Some((*phrase).to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposal_ids_parse_with_and_without_addendum() {
        let id: ProposalId = "EUR/44A7/1".parse().expect("a valid id");
        assert_eq!((id.document, id.addendum, id.serial), (44, Some(7), 1));
        assert_eq!(id.to_string(), "EUR/44A7/1");
        assert_eq!(
            "B/67/4".parse::<ProposalId>().map(|i| i.to_string()),
            Ok("B/67/4".into())
        );
        assert!("B/67".parse::<ProposalId>().is_err());
    }
}
