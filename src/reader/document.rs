//! A document cut into its proposals. Each proposal opens with a line giving its action and
//! identifier (`MOD<TAB>B/67/1`, possibly after a space), holds its instrument (header, title,
//! formula, sections) and ends with its reasons (`Motifs:`, `Reasons:`, `Motivos:`, possibly
//! several paragraphs), up to a line of asterisks, the next proposal or the end of the file.
//!
//! This module finds those pieces and reads each instrument's structure; the old and new texts
//! are pulled apart afterwards (`crate::reader::redline`).

use crate::model::UncertaintyKind;
use crate::model::{Body, InstrumentId, Language, LineSpan, Uncertainty};
use crate::reader::lang;
use crate::reader::structure::{
    self, extract_footnotes, restore_certain_hyphens, RawInstrument, SourceLine,
};
use crate::reader::{Action, ProposalId};

/// The lines of one proposal, cut out of its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalBlock<'a> {
    pub action: Action,
    pub id: ProposalId,
    /// From the action line to the last line that is not blank.
    pub lines: LineSpan,
    /// The instrument's lines: after the action line, before the reasons.
    pub body: Vec<SourceLine<'a>>,
    /// The reasons' lines, the first still carrying its label.
    pub reasons: Vec<SourceLine<'a>>,
}

/// Reads a proposal's opening line: an action, white space, an identifier, nothing else
/// (`MOD\tB/67/1`, ` ADD\tB/67/5`, `(MOD) EUR/44A7/1`).
pub fn proposal_opening(line: &str) -> Option<(Action, ProposalId)> {
    let mut parts = line.split_whitespace();
    let action = Action::parse(parts.next()?)?;
    let id = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((action, id))
}

/// A separator between proposals: a line of three or more asterisks.
pub fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| c == '*')
}

/// Cuts a document's lines into proposals. Lines before the first proposal (a cover page) and
/// separators belong to none.
pub fn proposal_blocks<'a>(
    lines: &'a [SourceLine<'a>],
) -> impl Iterator<Item = ProposalBlock<'a>> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (start, action, id) = loop {
            let line = lines.get(at)?;
            at += 1;
            if let Some((action, id)) = proposal_opening(line.text) {
                break (at - 1, action, id);
            }
        };
        let mut end = start + 1;
        while end < lines.len()
            && !is_separator(lines[end].text)
            && proposal_opening(lines[end].text).is_none()
        {
            end += 1;
        }
        at = end;
        let inner = &lines[start + 1..end];
        let reasons_at = inner
            .iter()
            .position(|l| lang::reasons_opening(l.text).is_some())
            .unwrap_or(inner.len());
        let last = lines[start..end]
            .iter()
            .rev()
            .find(|l| !l.text.trim().is_empty())
            .map_or(lines[start].number, |l| l.number);
        Some(ProposalBlock {
            action,
            id,
            lines: LineSpan::new(lines[start].number, last),
            body: inner[..reasons_at].to_vec(),
            reasons: inner[reasons_at..].to_vec(),
        })
    })
}

/// A proposal whose instrument is read into its structure, tracked changes still run together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawProposal {
    pub id: ProposalId,
    pub action: Action,
    pub target: InstrumentId,
    pub lines: LineSpan,
    pub instrument: RawInstrument,
    /// One string per paragraph; a footnote of the reasons follows its paragraph as
    /// `[^N]<TAB>text`.
    pub reasons: Vec<String>,
    /// What the structure reader noticed beyond the instrument's own notices (missing reasons,
    /// label gaps in a new text).
    pub notices: Vec<Uncertainty>,
}

/// Reads a block's instrument and reasons.
pub fn read_block(
    block: &ProposalBlock<'_>,
    language: Language,
    hyphens: &structure::HyphenLexicon,
) -> Result<RawProposal, structure::StructureError> {
    if block.body.iter().all(|l| l.text.trim().is_empty()) {
        return Err(structure::StructureError {
            line: block.lines.first,
            expected: format!(
                "an instrument header (such as `RÉSOLUTION 130 (Rév. Busan, 2014)`) after `{} {}`",
                block.action, block.id
            ),
            found: "no text before the reasons, the separator or the end of the file".into(),
        });
    }
    let instrument = structure::parse_instrument(&block.body, language, hyphens)?;
    let header =
        lang::parse_header(&instrument.header.text).ok_or_else(|| structure::StructureError {
            line: instrument.header.lines.first,
            expected: "an instrument header".into(),
            found: instrument.header.text.clone(),
        })?;
    let target = match (header.number, header.provisional) {
        (Some(n), _) => InstrumentId::numbered(Body::Pp, header.kind, n),
        (None, Some(p)) => InstrumentId::provisional(Body::Pp, header.kind, p),
        (None, None) => InstrumentId::provisional(Body::Pp, header.kind, "?"),
    };
    let mut notices = Vec::new();
    if matches!(block.action, Action::Add | Action::AddMoved) {
        notices.extend(structure::label_gaps(&instrument));
    }
    if block.reasons.is_empty() {
        notices.push(Uncertainty {
            line: block.lines.last,
            what: UncertaintyKind::ReasonsMissing,
            excerpt: format!("{} {}", block.action, block.id),
            readings: Vec::new(),
            section: None,
            label: None,
        });
    }
    Ok(RawProposal {
        id: block.id.clone(),
        action: block.action,
        target,
        lines: block.lines,
        instrument,
        reasons: read_reasons(&block.reasons),
        notices,
    })
}

/// Reads every proposal of a document's lines, in order: an iterator of proposals or of the error
/// (with its line) that stopped one.
pub fn read_proposals<'a>(
    lines: &'a [SourceLine<'a>],
    language: Language,
    hyphens: &'a structure::HyphenLexicon,
) -> impl Iterator<Item = Result<RawProposal, structure::StructureError>> + 'a {
    proposal_blocks(lines).map(move |block| read_block(&block, language, hyphens))
}

/// The reasons' paragraphs: the label dropped from the first, blank lines skipped, footnote
/// references marked `[^N]` and footnote bodies put after their paragraph.
fn read_reasons(lines: &[SourceLine<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = if i == 0 {
            lang::reasons_opening(line.text).map_or(line.text, |(_, rest)| rest)
        } else {
            line.text
        };
        let text = structure::drop_bookmarks(text.trim());
        if text.is_empty() {
            continue;
        }
        let (body, notes) = extract_footnotes(&text);
        if !body.is_empty() {
            out.push(restore_certain_hyphens(&body));
        }
        for note in notes {
            out.push(format!("[^{}]\t{}", note.mark, note.text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_lines_give_action_and_id() {
        let (action, id) = proposal_opening(" MOD\tB/67/1").expect("an opening");
        assert_eq!(
            (action, id.to_string()),
            (Action::Mod, "B/67/1".to_string())
        );
        assert_eq!(
            proposal_opening("ADD*\tEUR/44A7/1").map(|(a, _)| a),
            Some(Action::AddMoved)
        );
        assert_eq!(proposal_opening("MOD B/67/1 et la suite"), None);
        assert!(is_separator("*****"));
        assert!(!is_separator("**"));
    }
}
