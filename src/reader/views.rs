//! A document whose old and new texts are known exactly (a Word file's tracked changes, rejected
//! and accepted): each view's paragraphs are read by the same structure reader as text documents,
//! and the two texts are paired paragraph by paragraph through the source paragraph each comes
//! from, so that no change is guessed and nothing is left unsettled by the redline.
//!
//! This is the seam between the layout of an input and the rest of actes: a [`Views`] holds
//! paragraphs as the text reader reads lines (`label<TAB>text`, footnotes attached), numbered by
//! their place in the source.

use std::collections::BTreeMap;

use crate::model::{Change, Footnote, InstrumentText, Language, Uncertainty};
use crate::reader::document::{proposal_blocks, read_block, ProposalBlock, RawProposal};
use crate::reader::structure::{HyphenLexicon, SourceLine};
use crate::reader::{citations, lang, redline, Action, Document, Proposal, ReadError};

/// A paragraph as one view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewParagraph {
    /// The source paragraph it comes from (1-based): the same in both views for the same
    /// paragraph.
    pub number: u32,
    /// A label computed by the source (automatic numbering), not in `text`.
    pub label: Option<String>,
    /// The text, footnote references marked `[^N]`.
    pub text: String,
    pub footnotes: Vec<Footnote>,
}

impl ViewParagraph {
    /// The paragraph as the text reader reads a line: `label<TAB>text`, each footnote body after
    /// it as `[N: text]`.
    pub fn line(&self) -> String {
        let mut line = String::with_capacity(self.text.len() + 8);
        if let Some(label) = &self.label {
            line.push_str(label);
            line.push('\t');
        }
        line.push_str(&self.text);
        for note in &self.footnotes {
            line.push_str(&format!(" [{}: {}]", note.mark, note.text));
        }
        line
    }
}

/// The two views of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Views {
    pub source: String,
    /// The language the source declares, if it does; else it is read from the text.
    pub language: Option<Language>,
    /// Every change rejected.
    pub old: Vec<ViewParagraph>,
    /// Every change accepted.
    pub new: Vec<ViewParagraph>,
    pub input_notes: Vec<String>,
}

/// Reads both views into a document: proposals cut and read in each view, their old text from
/// the old view, their new text from the new one, each paragraph's change known from the source
/// paragraphs the two views share.
pub fn read_views(views: &Views, meetings: &citations::Meetings) -> Result<Document, ReadError> {
    let error = |e: crate::reader::structure::StructureError| ReadError {
        file: views.source.clone(),
        line: e.line,
        expected: e.expected,
        found: e.found,
    };
    let old_text: Vec<String> = views.old.iter().map(ViewParagraph::line).collect();
    let new_text: Vec<String> = views.new.iter().map(ViewParagraph::line).collect();
    let old_lines = source_lines(&views.old, &old_text);
    let new_lines = source_lines(&views.new, &new_text);
    let language = views
        .language
        .unwrap_or_else(|| lang::detect_language(new_text.iter().map(String::as_str)));
    let hyphens = HyphenLexicon::from_text(&new_text.join("\n"));

    // The proposals of both views, by their opening paragraph.
    let mut openings: BTreeMap<u32, (Option<ProposalBlock<'_>>, Option<ProposalBlock<'_>>)> =
        BTreeMap::new();
    for block in proposal_blocks(&old_lines) {
        let first = block.lines.first;
        openings.entry(first).or_default().0 = Some(block);
    }
    for block in proposal_blocks(&new_lines) {
        let first = block.lines.first;
        openings.entry(first).or_default().1 = Some(block);
    }
    if openings.is_empty() {
        let first = new_lines.iter().find(|l| !l.text.trim().is_empty());
        return Err(ReadError {
            file: views.source.clone(),
            line: first.map_or(1, |l| l.number),
            expected: "a proposal opening somewhere in the document: a paragraph such as \
                       `MOD<TAB>B/67/1` (an action, a tab, a proposal id)"
                .to_string(),
            found: format!(
                "none in {} paragraphs (the first reads `{}`)",
                new_lines.len(),
                first.map_or_else(String::new, |l| crate::reader::structure::excerpt(l.text))
            ),
        });
    }
    let mut proposals = Vec::new();
    for (old_block, new_block) in openings.into_values() {
        let action = new_block
            .as_ref()
            .or(old_block.as_ref())
            .map(|b| b.action)
            .expect("an opening has a block in one view at least");
        let wants_old = !matches!(action, Action::Add | Action::AddMoved);
        let wants_new = !matches!(action, Action::Sup | Action::SupMoved);
        let read = |block: Option<&ProposalBlock<'_>>, wanted: bool| {
            block
                .filter(|_| wanted)
                .map(|b| read_block(b, language, &hyphens))
                .transpose()
                .map_err(error)
        };
        let old_raw = read(old_block.as_ref(), wants_old)?;
        let new_raw = read(new_block.as_ref(), wants_new)?;
        let Some(main) = new_raw.as_ref().or(old_raw.as_ref()) else {
            continue;
        };
        proposals.push(proposal(
            main,
            old_raw.as_ref(),
            new_raw.as_ref(),
            action,
            meetings,
        ));
    }
    Ok(Document {
        source: views.source.clone(),
        language,
        proposals,
        input_notes: views.input_notes.clone(),
    })
}

/// A view's paragraphs as the structure reader's lines, `texts` holding each one's line.
fn source_lines<'t>(paragraphs: &[ViewParagraph], texts: &'t [String]) -> Vec<SourceLine<'t>> {
    paragraphs
        .iter()
        .zip(texts)
        .map(|(p, text)| SourceLine {
            number: p.number,
            text,
        })
        .collect()
}

/// One proposal from its two readings.
fn proposal(
    main: &RawProposal,
    old_raw: Option<&RawProposal>,
    new_raw: Option<&RawProposal>,
    action: Action,
    meetings: &citations::Meetings,
) -> Proposal {
    let (old_change, new_change) = match action {
        Action::Add | Action::AddMoved => (Change::Inserted, Change::Inserted),
        _ => (Change::Unchanged, Change::Unchanged),
    };
    let mut old = old_raw.map(|r| redline::as_written(&r.instrument, old_change));
    let mut new = new_raw.map(|r| redline::as_written(&r.instrument, new_change));
    if let (Some(old), Some(new)) = (old.as_mut(), new.as_mut()) {
        if matches!(action, Action::Mod | Action::ModEditorial) {
            pair(old, new);
        }
    }
    if let Some(said) = crate::reader::annexes_left_out(&main.reasons, &main.instrument) {
        let note = format!(
            "{} (the proposal says \"{said}\")",
            crate::reader::ANNEXES_NOT_REPRODUCED
        );
        for text in [old.as_mut(), new.as_mut()].into_iter().flatten() {
            text.completeness = crate::model::Completeness::Partial;
            text.notes.push(note.clone());
        }
    }
    let openings = citations::Openings {
        header: main.instrument.header.lines.first,
        title: main.instrument.title.as_ref().map(|t| t.lines.first),
        formula: main.instrument.formula.as_ref().map(|f| f.lines.first),
    };
    let cited = citations::extract_all(old.as_ref(), new.as_ref(), Some(&openings), meetings);
    let mut uncertain: Vec<Uncertainty> = Vec::new();
    for u in [old_raw, new_raw]
        .into_iter()
        .flatten()
        .flat_map(|r| r.instrument.notices.iter().chain(&r.notices))
        .chain(&cited.uncertain)
    {
        if !uncertain.contains(u) {
            uncertain.push(u.clone());
        }
    }
    // The same marking as for text: every unsettled reading marks its paragraph, and a text
    // cannot cite a later year's meeting or revision.
    let mut citations = cited.citations;
    crate::reader::settle::settle(
        &crate::reader::settle::openings(&main.instrument),
        old.as_mut(),
        new.as_mut(),
        &mut citations,
        &mut uncertain,
    );
    uncertain.sort();
    Proposal {
        id: main.id.clone(),
        action,
        target: main.target.clone(),
        lines: main.lines,
        old,
        new,
        citations,
        uncertain,
        reasons: main.reasons.clone(),
    }
}

/// Marks each paragraph of a `MOD`'s two texts: in both views (the same source paragraph)
/// unchanged or modified, in one only deleted or inserted.
fn pair(old: &mut InstrumentText, new: &mut InstrumentText) {
    type Key = (Option<String>, String, Vec<Footnote>);
    let index = |text: &InstrumentText| -> BTreeMap<u32, Key> {
        text.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| {
                (
                    p.lines.first,
                    (p.label.clone(), p.text.clone(), p.footnotes.clone()),
                )
            })
            .collect()
    };
    let old_index = index(old);
    let new_index = index(new);
    let mark = |text: &mut InstrumentText, other: &BTreeMap<u32, Key>, alone: Change| {
        for p in text.sections.iter_mut().flat_map(|s| &mut s.paragraphs) {
            p.change = match other.get(&p.lines.first) {
                None => alone,
                Some((label, body, notes))
                    if *label == p.label && *body == p.text && *notes == p.footnotes =>
                {
                    Change::Unchanged
                }
                Some(_) => Change::Modified,
            };
        }
    };
    mark(old, &new_index, Change::Deleted);
    mark(new, &old_index, Change::Inserted);
}
