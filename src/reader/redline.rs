//! Rebuilds the old and the new text of an instrument from a flattened redline.
//!
//! The plain text extracted from a Word file with tracked changes keeps deleted and inserted text
//! but not which is which: `(Rév. Antalya, 2006DUBAÏ, 2018)`, `cb)`, `ainsiet`. This module pulls
//! them apart: inside each line with the patterns of [`patterns`], across each list by aligning
//! the old and the new label sequences ([`align`]). What it settles becomes two complete
//! [`InstrumentText`]s with each paragraph marked unchanged, modified, inserted, deleted or
//! uncertain; what it cannot settle is listed, with its line, in [`Reconstruction::uncertain`].

pub mod align;
pub mod patterns;

pub use patterns::{header_revision, parse_revision, split_text, Lexicon, SplitText};

use crate::model::{
    Change, Completeness, Footnote, InstrumentText, LineSpan, Paragraph, Section, Uncertainty,
};
use crate::reader::structure::{RawInstrument, RawItem, RawLine, RawSection};
use crate::reader::Action;

use align::{align_labels, ListAlignment, Placement};
use patterns::Finding;

/// The old and the new text of one instrument, and what could not be settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconstruction {
    /// The text as it stood before the proposal (`MOD`, `SUP`, `NOC`).
    pub old: Option<InstrumentText>,
    /// The text as proposed (`MOD`, `ADD`, `NOC`).
    pub new: Option<InstrumentText>,
    /// Everything not settled, with its line, in document order.
    pub uncertain: Vec<Uncertainty>,
}

/// The note a text carries when the source gives its header, title and formula only.
pub const BODY_NOT_REPRODUCED: &str = "body not reproduced in the source";

/// Rebuilds the texts that a proposal's action implies: old and new for `MOD` and `(MOD)`, the old
/// header, title and formula for `SUP`, the new text for `ADD`, the same text on both sides for
/// `NOC`.
pub fn reconstruct(raw: &RawInstrument, action: Action, lexicon: &Lexicon) -> Reconstruction {
    let mut builder = Builder {
        lexicon,
        uncertain: Vec::new(),
    };
    let (old, new) = match action {
        Action::Mod | Action::ModEditorial => {
            let (old, new) = builder.both_sides(raw);
            (Some(old), Some(new))
        }
        Action::Sup | Action::SupMoved => (Some(builder.suppressed(raw)), None),
        Action::Add | Action::AddMoved => (None, Some(as_written(raw, Change::Inserted))),
        Action::Noc => (
            Some(as_written(raw, Change::Unchanged)),
            Some(as_written(raw, Change::Unchanged)),
        ),
    };
    let mut uncertain = builder.uncertain;
    uncertain.sort_by(|a, b| a.line.cmp(&b.line));
    Reconstruction {
        old,
        new,
        uncertain,
    }
}

/// Which text is being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

struct Builder<'a> {
    lexicon: &'a Lexicon,
    uncertain: Vec<Uncertainty>,
}

/// Where a finding stands.
struct Place<'a> {
    line: u32,
    section: Option<&'a str>,
    label: Option<&'a str>,
}

impl Builder<'_> {
    fn note(&mut self, at: &Place<'_>, finding: Finding) {
        self.uncertain.push(Uncertainty {
            line: at.line,
            what: finding.what.to_string(),
            excerpt: finding.excerpt,
            readings: finding.readings,
            section: at.section.map(str::to_string),
            label: at.label.map(str::to_string),
        });
    }

    fn split(&mut self, text: &str, at: &Place<'_>) -> SplitText {
        let split = split_text(text, self.lexicon);
        for finding in &split.findings {
            self.note(at, finding.clone());
        }
        split
    }

    fn split_line(&mut self, line: &RawLine) -> SplitText {
        self.split(
            &line.text,
            &Place {
                line: line.lines.first,
                section: None,
                label: None,
            },
        )
    }

    /// `MOD`: both texts.
    fn both_sides(&mut self, raw: &RawInstrument) -> (InstrumentText, InstrumentText) {
        let header = self.split_line(&raw.header);
        let title = raw.title.as_ref().map(|t| self.split_line(t));
        let formula = raw.formula.as_ref().map(|f| self.split_line(f));
        let mut old_sections = Vec::new();
        let mut new_sections = Vec::new();
        for section in &raw.sections {
            let (old, new) = self.section(section);
            old_sections.push(old);
            new_sections.push(new);
        }
        let text = |side: Side, sections: Vec<Section>| {
            let pick = |s: &SplitText| match side {
                Side::Old => s.old.clone(),
                Side::New => s.new.clone(),
            };
            let header_text = pick(&header);
            let unsettled = sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .filter(|p| p.change == Change::Uncertain)
                .count();
            let mut notes = Vec::new();
            if unsettled > 0 {
                notes.push(format!(
                    "{unsettled} paragraph(s) could not be placed with certainty in the old or the new text; they are marked uncertain"
                ));
            }
            InstrumentText {
                language: raw.language,
                revision: header_revision(&header_text),
                header: header_text,
                title: title.as_ref().map(pick).unwrap_or_default(),
                formula: formula.as_ref().map(pick),
                sections,
                completeness: if unsettled > 0 {
                    Completeness::Partial
                } else {
                    Completeness::Complete
                },
                notes,
            }
        };
        (text(Side::Old, old_sections), text(Side::New, new_sections))
    }

    /// `SUP`: the old header, title and formula; the body only where the source gives it.
    fn suppressed(&mut self, raw: &RawInstrument) -> InstrumentText {
        let header = self.split_line(&raw.header).old;
        let title = raw
            .title
            .as_ref()
            .map(|t| self.split_line(t).old)
            .unwrap_or_default();
        let formula = raw.formula.as_ref().map(|f| self.split_line(f).old);
        let mut sections = Vec::new();
        for section in &raw.sections {
            let (old, _) = self.section(section);
            sections.push(old);
        }
        let (completeness, notes) = if sections.is_empty() {
            (Completeness::Partial, vec![BODY_NOT_REPRODUCED.to_string()])
        } else {
            (Completeness::Complete, Vec::new())
        };
        InstrumentText {
            language: raw.language,
            revision: header_revision(&header),
            header,
            title,
            formula,
            sections,
            completeness,
            notes,
        }
    }

    /// One section on both sides: its lists aligned, its lines pulled apart.
    fn section(&mut self, section: &RawSection) -> (Section, Section) {
        let heading_place = Place {
            line: section.heading.lines.first,
            section: Some(&section.heading.text),
            label: None,
        };
        let heading = self.split(&section.heading.text, &heading_place);
        let placements = self.place_items(section);
        let mut old_paragraphs = Vec::new();
        let mut new_paragraphs = Vec::new();
        for (item, placement) in section.items.iter().zip(placements) {
            let at = Place {
                line: item.lines.first,
                section: Some(&section.heading.text),
                label: item.label.as_deref(),
            };
            let text = self.split(&item.text, &at);
            let footnotes: Vec<(Footnote, Footnote)> = item
                .footnotes
                .iter()
                .map(|f| {
                    let split = self.split(&f.text, &at);
                    (
                        Footnote {
                            mark: f.mark.clone(),
                            text: split.old,
                        },
                        Footnote {
                            mark: f.mark.clone(),
                            text: split.new,
                        },
                    )
                })
                .collect();
            let (old_notes, new_notes): (Vec<Footnote>, Vec<Footnote>) =
                footnotes.into_iter().unzip();
            let paragraph =
                |label: Option<String>, text: String, notes: Vec<Footnote>, change| Paragraph {
                    label,
                    depth: item.depth,
                    text,
                    footnotes: notes,
                    lines: item.lines,
                    change,
                };
            match placement {
                ItemPlacement::Settled(p) => {
                    let old_label = p.old_label().map(str::to_string);
                    let new_label = p.new_label().map(str::to_string);
                    match &p {
                        Placement::OldOnly { .. } => old_paragraphs.push(paragraph(
                            old_label,
                            text.old,
                            old_notes,
                            Change::Deleted,
                        )),
                        Placement::NewOnly { .. } => new_paragraphs.push(paragraph(
                            new_label,
                            text.new,
                            new_notes,
                            Change::Inserted,
                        )),
                        Placement::Both { .. } | Placement::Renumbered { .. } => {
                            let change = if old_label == new_label
                                && text.old == text.new
                                && old_notes == new_notes
                            {
                                Change::Unchanged
                            } else {
                                Change::Modified
                            };
                            old_paragraphs.push(paragraph(old_label, text.old, old_notes, change));
                            new_paragraphs.push(paragraph(new_label, text.new, new_notes, change));
                        }
                    }
                }
                ItemPlacement::Unsettled(p) => {
                    let written = item.label.as_deref().map(|l| l.trim().to_string());
                    let old_label = p.old_label().map(str::to_string).or(written.clone());
                    let new_label = p.new_label().map(str::to_string).or(written);
                    old_paragraphs.push(paragraph(
                        old_label,
                        text.old,
                        old_notes,
                        Change::Uncertain,
                    ));
                    new_paragraphs.push(paragraph(
                        new_label,
                        text.new,
                        new_notes,
                        Change::Uncertain,
                    ));
                }
                ItemPlacement::Plain => {
                    let label = item.label.as_deref().map(|l| l.trim().to_string());
                    let change = if text.old == text.new {
                        Change::Unchanged
                    } else {
                        Change::Modified
                    };
                    old_paragraphs.push(paragraph(label.clone(), text.old, old_notes, change));
                    new_paragraphs.push(paragraph(label, text.new, new_notes, change));
                }
            }
        }
        let last = section
            .items
            .iter()
            .map(|i| i.lines.last)
            .max()
            .unwrap_or(section.heading.lines.last)
            .max(section.heading.lines.last);
        let lines = LineSpan::new(section.heading.lines.first, last);
        (
            Section {
                heading: heading.old,
                lines,
                paragraphs: old_paragraphs,
            },
            Section {
                heading: heading.new,
                lines,
                paragraphs: new_paragraphs,
            },
        )
    }

    /// Groups the section's labelled items into lists (items under the same parent, at the same
    /// depth), aligns each list and returns a placement per item, reporting what is unsettled.
    fn place_items(&mut self, section: &RawSection) -> Vec<ItemPlacement> {
        let items = &section.items;
        let mut placements: Vec<ItemPlacement> = vec![ItemPlacement::Plain; items.len()];
        for list in lists(items) {
            let labels: Vec<&str> = list
                .iter()
                .map(|&i| items[i].label.as_deref().unwrap_or(""))
                .collect();
            match align_labels(&labels) {
                ListAlignment::Unaligned => {
                    let first = &items[list[0]];
                    self.uncertain.push(Uncertainty {
                        line: first.lines.first,
                        what: "label-sequence".into(),
                        excerpt: labels.join(" "),
                        readings: vec![
                            "no reading of these labels makes an old and a new sequence; items left as written"
                                .into(),
                        ],
                        section: Some(section.heading.text.clone()),
                        label: first.label.clone(),
                    });
                }
                ListAlignment::Aligned(outcomes) => {
                    for (&index, outcome) in list.iter().zip(outcomes) {
                        let item = &items[index];
                        let mut report = |what: &str, readings: Vec<String>| {
                            self.uncertain.push(Uncertainty {
                                line: item.lines.first,
                                what: what.to_string(),
                                excerpt: excerpt(item),
                                readings,
                                section: Some(section.heading.text.clone()),
                                label: item.label.clone(),
                            });
                        };
                        if outcome.gap {
                            report(
                                "label-gap",
                                vec![format!(
                                    "a label is missing before {}",
                                    item.label.as_deref().unwrap_or("").trim()
                                )],
                            );
                        }
                        if outcome.alternatives.len() > 1 {
                            let presence = outcome
                                .alternatives
                                .iter()
                                .map(|p| (p.old_label().is_some(), p.new_label().is_some()))
                                .collect::<std::collections::BTreeSet<_>>()
                                .len()
                                > 1;
                            report(
                                if presence {
                                    "paragraph-presence"
                                } else {
                                    "label-pair"
                                },
                                outcome
                                    .alternatives
                                    .iter()
                                    .map(Placement::describe)
                                    .collect(),
                            );
                            placements[index] = ItemPlacement::Unsettled(outcome.chosen);
                        } else {
                            if !outcome.ruled_out_by_order.is_empty() {
                                let mut readings = vec![format!(
                                    "{} (deleted first, as a rule)",
                                    outcome.chosen.describe()
                                )];
                                readings.extend(
                                    outcome.ruled_out_by_order.iter().map(Placement::describe),
                                );
                                report("paragraph-order", readings);
                            }
                            placements[index] = ItemPlacement::Settled(outcome.chosen);
                        }
                    }
                }
            }
        }
        placements
    }
}

/// How one item of a section is placed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ItemPlacement {
    /// Not in a numbered list (a plain paragraph, a bullet): in both texts as written.
    Plain,
    Settled(Placement),
    /// The labels allow several placements; this one is shown, marked uncertain.
    Unsettled(Placement),
}

/// The first words of an item, for the uncertainty list.
fn excerpt(item: &RawItem) -> String {
    let label = item.label.as_deref().map(str::trim).unwrap_or("");
    let words: Vec<&str> = item.text.split_whitespace().take(12).collect();
    let mut text = words.join(" ");
    if item.text.split_whitespace().count() > 12 {
        text.push_str(" ...");
    }
    if label.is_empty() {
        text
    } else {
        format!("{label} {text}")
    }
}

/// The lists of a section: for each parent (the nearest earlier item less deep), its labelled
/// children in order, by index into `items`. Items without a label belong to no list.
fn lists(items: &[RawItem]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(Option<usize>, u8, Vec<usize>)> = Vec::new();
    // The stack of open items: index and depth.
    let mut open: Vec<(usize, u8)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        while open.last().is_some_and(|&(_, d)| d >= item.depth) {
            open.pop();
        }
        let parent = open.last().map(|&(i, _)| i);
        if item.label.as_deref().is_some_and(|l| !l.trim().is_empty()) {
            match groups
                .iter_mut()
                .find(|(p, d, _)| *p == parent && *d == item.depth)
            {
                Some((_, _, members)) => members.push(index),
                None => groups.push((parent, item.depth, vec![index])),
            }
        }
        open.push((index, item.depth));
    }
    groups.into_iter().map(|(_, _, members)| members).collect()
}

/// A text as written, every paragraph with the same change (`ADD`: inserted; `NOC`: unchanged).
fn as_written(raw: &RawInstrument, change: Change) -> InstrumentText {
    let header = patterns::tidy(&raw.header.text);
    let sections: Vec<Section> = raw
        .sections
        .iter()
        .map(|s| Section {
            heading: patterns::tidy(&s.heading.text),
            lines: LineSpan::new(
                s.heading.lines.first,
                s.items
                    .iter()
                    .map(|i| i.lines.last)
                    .max()
                    .unwrap_or(s.heading.lines.last)
                    .max(s.heading.lines.last),
            ),
            paragraphs: s
                .items
                .iter()
                .map(|i| Paragraph {
                    label: i.label.as_deref().map(|l| l.trim().to_string()),
                    depth: i.depth,
                    text: patterns::tidy(&i.text),
                    footnotes: i
                        .footnotes
                        .iter()
                        .map(|f| Footnote {
                            mark: f.mark.clone(),
                            text: patterns::tidy(&f.text),
                        })
                        .collect(),
                    lines: i.lines,
                    change,
                })
                .collect(),
        })
        .collect();
    let (completeness, notes) = if sections.is_empty() {
        (Completeness::Partial, vec![BODY_NOT_REPRODUCED.to_string()])
    } else {
        (Completeness::Complete, Vec::new())
    };
    InstrumentText {
        language: raw.language,
        revision: header_revision(&header),
        header,
        title: raw
            .title
            .as_ref()
            .map(|t| patterns::tidy(&t.text))
            .unwrap_or_default(),
        formula: raw.formula.as_ref().map(|f| patterns::tidy(&f.text)),
        sections,
        completeness,
        notes,
    }
}
