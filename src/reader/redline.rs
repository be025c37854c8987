//! Rebuilds the old and the new text of an instrument from a flattened redline.
//!
//! The plain text extracted from a Word file with tracked changes keeps deleted and inserted text
//! but not which is which: `(Rév. Antalya, 2006DUBAÏ, 2018)`, `cb)`, `ainsiet`. This module pulls
//! them apart: inside each line with the patterns of [`patterns`], across each list by aligning
//! the old and the new label sequences ([`align`]). What it settles becomes two complete
//! [`InstrumentText`]s with each paragraph marked unchanged, modified, inserted, deleted or
//! uncertain; what it cannot settle is listed, with its line, in [`Reconstruction::uncertain`].

pub mod align;
pub mod lexicon;
pub mod patterns;

pub use lexicon::Lexicon;
pub use patterns::{header_revision, parse_revision, split_text, SplitText};

use crate::model::UncertaintyKind;
use crate::model::{
    Change, Completeness, Footnote, InstrumentText, LineSpan, Paragraph, Section, Uncertainty,
};
use crate::reader::citations::Meetings;
use crate::reader::structure::{RawInstrument, RawItem, RawLine, RawSection};
use crate::reader::Action;

use align::{align_labels, Evidence, ListAlignment, Placement};
use patterns::Finding;

/// The old and the new text of one instrument, and what could not be settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconstruction {
    /// The text as it stood before the proposal (`MOD`, `SUP`, `NOC`).
    pub old: Option<InstrumentText>,
    /// The text as proposed (`MOD`, `ADD`, `NOC`).
    pub new: Option<InstrumentText>,
    /// Everything not settled, with its line, in document order: in the texts, and in their
    /// citations (`citation-body`).
    pub uncertain: Vec<Uncertainty>,
    /// The citations of the two texts, as [`crate::reader::citations::extract`] gives them
    /// (found once here, so that a caller need not read the texts again).
    pub citations: Vec<crate::model::Citation>,
}

/// The end of the note a text with unsettled paragraphs carries (see [`unsettled_note`]).
pub const UNSETTLED_NOTE_END: &str =
    "could not be settled by the reader; they are marked uncertain";

/// The note of a text with `count` unsettled paragraphs (`[?]`).
pub fn unsettled_note(count: usize) -> String {
    format!("{count} paragraph(s) {UNSETTLED_NOTE_END}")
}

/// The note a text carries when the source gives its header, title and formula only.
pub const BODY_NOT_REPRODUCED: &str = "body not reproduced in the source";

/// Rebuilds the texts that a proposal's action implies: old and new for `MOD` and `(MOD)`, the old
/// header, title and formula for `SUP`, the new text for `ADD`, the same text on both sides for
/// `NOC`.
pub fn reconstruct(
    raw: &RawInstrument,
    action: Action,
    lexicon: &Lexicon,
    meetings: &Meetings,
) -> Reconstruction {
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
    // What the citations leave undecided (their bodies) belongs with the rest, so that a reader
    // calling `citations::extract` loses none of it.
    let openings = crate::reader::citations::Openings {
        header: raw.header.lines.first,
        title: raw.title.as_ref().map(|t| t.lines.first),
        formula: raw.formula.as_ref().map(|f| f.lines.first),
    };
    let cited = crate::reader::citations::extract_all(
        old.as_ref(),
        new.as_ref(),
        Some(&openings),
        meetings,
    );
    uncertain.extend(cited.uncertain);
    uncertain.sort_by_key(|u| u.line);
    Reconstruction {
        old,
        new,
        uncertain,
        citations: cited.citations,
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
            what: finding.what,
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
                notes.push(unsettled_note(unsettled));
            }
            InstrumentText {
                unsettled_openings: Vec::new(),
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
            unsettled_openings: Vec::new(),
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
        let texts: Vec<SplitText> = section
            .items
            .iter()
            .map(|item| {
                let at = Place {
                    line: item.lines.first,
                    section: Some(&section.heading.text),
                    label: item.label.as_deref(),
                };
                self.split(&item.text, &at)
            })
            .collect();
        let evidence: Vec<Evidence> = texts
            .iter()
            .map(|t| Evidence {
                in_old: t.evident.0,
                in_new: t.evident.1,
            })
            .collect();
        let placements = self.place_items(section, &evidence);
        let mut old_paragraphs = Vec::new();
        let mut new_paragraphs = Vec::new();
        for ((item, placement), text) in section.items.iter().zip(placements).zip(texts) {
            let at = Place {
                line: item.lines.first,
                section: Some(&section.heading.text),
                label: item.label.as_deref(),
            };
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
        let written: Vec<(u32, &str)> = section
            .items
            .iter()
            .filter_map(|i| Some((i.lines.first, i.label.as_deref()?)))
            .collect();
        keep_unsettled_labels_in_sequence(&mut old_paragraphs, &written);
        keep_unsettled_labels_in_sequence(&mut new_paragraphs, &written);
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
    fn place_items(&mut self, section: &RawSection, evidence: &[Evidence]) -> Vec<ItemPlacement> {
        let items = &section.items;
        let mut placements: Vec<ItemPlacement> = vec![ItemPlacement::Plain; items.len()];
        for list in lists(items) {
            let labels: Vec<&str> = list
                .iter()
                .map(|&i| items[i].label.as_deref().unwrap_or(""))
                .collect();
            let list_evidence: Vec<Evidence> = list
                .iter()
                .map(|&i| evidence.get(i).copied().unwrap_or_default())
                .collect();
            match align_labels(&labels, &list_evidence) {
                ListAlignment::Unaligned => {
                    let first = &items[list[0]];
                    self.uncertain.push(Uncertainty {
                        line: first.lines.first,
                        what: UncertaintyKind::LabelSequence,
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
                        let mut report = |what: UncertaintyKind, readings: Vec<String>| {
                            self.uncertain.push(Uncertainty {
                                line: item.lines.first,
                                what,
                                excerpt: excerpt(item),
                                readings,
                                section: Some(section.heading.text.clone()),
                                label: item.label.clone(),
                            });
                        };
                        if outcome.gap {
                            report(
                                UncertaintyKind::LabelGap,
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
                                    UncertaintyKind::ParagraphPresence
                                } else {
                                    UncertaintyKind::LabelPair
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
                                report(UncertaintyKind::ParagraphOrder, readings);
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
/// The one value of a label as a side shows it (`iii)`: roman 3), if it has exactly one reading
/// of its own kind.
fn single_value(label: &str) -> Vec<align::LabelValue> {
    align::label_readings(label)
        .into_iter()
        .filter_map(|r| match r {
            align::LabelReading::Single { value, .. } => Some(value),
            align::LabelReading::Pair { .. } => None,
        })
        .collect()
}

/// On one side, an unsettled paragraph whose label repeats or skips its predecessor's (`i)`,
/// `ii)`, `ii)` where `iiiii)` was read old `iii)` new `ii)` and the `ii)` before it is kept on both
/// sides in doubt) takes the other half of its run-together label where that half continues the
/// sequence (`iii)`): the paragraph stays marked uncertain, and the side never shows a duplicated
/// label. `written` gives each item's label as written, by its first line.
fn keep_unsettled_labels_in_sequence(paragraphs: &mut [Paragraph], written: &[(u32, &str)]) {
    if !paragraphs.iter().any(|p| p.change == Change::Uncertain) {
        return;
    }
    // The last label value seen at each depth, under the current parent.
    let mut last: Vec<Option<align::LabelValue>> = Vec::new();
    for paragraph in paragraphs.iter_mut() {
        let depth = usize::from(paragraph.depth);
        last.truncate(depth + 1);
        while last.len() <= depth {
            last.push(None);
        }
        let Some(label) = paragraph.label.clone() else {
            continue;
        };
        let values = single_value(&label);
        let previous = last[depth];
        let follows = |v: &align::LabelValue| {
            previous.is_none_or(|p| p.kind == v.kind && v.rank == p.rank + 1)
        };
        if paragraph.change == Change::Uncertain && !values.iter().any(follows) {
            let as_written = written
                .iter()
                .find(|(line, _)| *line == paragraph.lines.first)
                .map(|(_, l)| *l);
            let other = as_written
                .into_iter()
                .flat_map(align::label_readings)
                .find_map(|r| match r {
                    align::LabelReading::Pair {
                        old,
                        old_text,
                        new,
                        new_text,
                    } => [(old, old_text), (new, new_text)]
                        .into_iter()
                        .find(|(v, _)| follows(v)),
                    align::LabelReading::Single { .. } => None,
                });
            if let Some((value, text)) = other {
                paragraph.label = Some(text);
                last[depth] = Some(value);
                continue;
            }
        }
        last[depth] = values
            .iter()
            .find(|v| previous.is_none_or(|p| p.kind == v.kind))
            .or(values.first())
            .copied();
    }
}

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

/// A text as written, every paragraph with the same change (`ADD`: inserted; `NOC`: unchanged;
/// the views of a Word file, before [`crate::reader::views`] pairs them).
pub(crate) fn as_written(raw: &RawInstrument, change: Change) -> InstrumentText {
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
        unsettled_openings: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    /// The paragraph with this label: the first, as labels may repeat in a flattened redline.
    fn labelled<'a>(paragraphs: &'a [Paragraph], label: &str) -> &'a Paragraph {
        paragraphs
            .iter()
            .find(|p| p.label.as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no paragraph labelled {label}"))
    }

    fn line(text: &str, n: u32) -> RawLine {
        RawLine {
            text: text.to_string(),
            lines: LineSpan::line(n),
        }
    }

    /// A section from `(label, depth, text)` items, numbered from `first_line`.
    fn section(heading: &str, first_line: u32, items: &[(&str, u8, &str)]) -> RawSection {
        RawSection {
            heading: line(heading, first_line),
            items: items
                .iter()
                .enumerate()
                .map(|(i, (label, depth, text))| RawItem {
                    label: (!label.is_empty()).then(|| label.to_string()),
                    depth: *depth,
                    text: text.to_string(),
                    footnotes: Vec::new(),
                    lines: LineSpan::line(first_line + 1 + i as u32),
                })
                .collect(),
        }
    }

    fn instrument(
        header: &str,
        title: &str,
        formula: &str,
        sections: Vec<RawSection>,
    ) -> RawInstrument {
        RawInstrument {
            language: Language::Fr,
            header: line(header, 1),
            title: Some(line(title, 2)),
            formula: (!formula.is_empty()).then(|| line(formula, 3)),
            sections,
            notices: Vec::new(),
        }
    }

    /// Résolution 130's *considérant*, as in the seed (lines 94 to 107), texts shortened.
    fn resolution_130() -> RawInstrument {
        instrument(
            "RÉSOLUTION 130 (Rév. Busan, 2014DUBAÏ, 2018)",
            "Renforcement du rôle de l'UIT dans l'instauration de la confiance",
            "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Busan, 2014Dubaï, 2018),",
            vec![section(
                "considérant",
                93,
                &[
                    ("a)", 0, "que la Manifestation de haut niveau SMSI+10 coordonnée par l'UIT a réaffirmé;"),
                    ("b)", 0, "l'importance cruciale des infrastructures de l'information;"),
                    ("a)", 0, "qu'aux termes de la Résolution 70/125 de l'Assemblée générale des Nations Unies;"),
                    ("cb)", 0, "que, du fait de l'utilisation et du développement des TIC;"),
                    ("dc)", 0, "que le Secrétaire général de l'UIT a été invité à participer à leurs activitésafin de collaborer;"),
                    ("ed)", 0, "le Programme mondial cybersécurité (GCA) de l'UIT;"),
                    ("fe)", 0, "que, pour protéger ces infrastructures;"),
                    ("gf)", 0, "la nécessité d'une évolution permanente des nouvelles technologies;"),
                    ("h)", 0, "que les cybermenaces et les cyberattaques sont de plus en plus nombreuses;"),
                    ("ig)", 0, "que le Secteur de la normalisation des télécommunications;"),
                    ("jh)", 0, "le rapport final sur la Question 22-1/1 (UIT-D),;"),
                    ("i)", 0, "que certaines petites et moyennes entreprises (PME) rencontrent des difficultés;"),
                    ("j)", 0, "que les milieux techniques et le secteur privé sont des acteurs essentiels;"),
                    ("k)", 0, "que les particuliers et les organisations devraient adopter des bonnes pratiques,"),
                ],
            )],
        )
    }

    fn lexicon_of(raw: &RawInstrument) -> Lexicon {
        let mut texts = vec![raw.header.text.as_str()];
        texts.extend(raw.title.iter().map(|t| t.text.as_str()));
        for s in &raw.sections {
            texts.extend(s.items.iter().map(|i| i.text.as_str()));
        }
        texts.push("afin de leurs activités");
        Lexicon::from_texts(texts)
    }

    fn labels(text: &InstrumentText, keep: impl Fn(&Paragraph) -> bool) -> Vec<String> {
        text.sections[0]
            .paragraphs
            .iter()
            .filter(|p| keep(p))
            .filter_map(|p| p.label.clone())
            .collect()
    }

    #[test]
    fn a_mod_gives_the_old_and_the_new_revision() {
        let raw = resolution_130();
        let r = reconstruct(&raw, Action::Mod, &lexicon_of(&raw), &Meetings::default());
        let (old, new) = (r.old.expect("old text"), r.new.expect("new text"));
        assert_eq!(old.header, "RÉSOLUTION 130 (Rév. Busan, 2014)");
        assert_eq!(new.header, "RÉSOLUTION 130 (Rév. DUBAÏ, 2018)");
        assert_eq!(
            old.revision
                .as_ref()
                .map(|r| (r.place.as_str(), r.year, r.revised)),
            Some(("Busan", 2014, true))
        );
        assert_eq!(
            new.revision.as_ref().map(|r| (r.year, r.revised)),
            Some((2018, true))
        );
        assert!(old
            .formula
            .as_deref()
            .is_some_and(|f| f.ends_with("(Busan, 2014),")));
        assert!(new
            .formula
            .as_deref()
            .is_some_and(|f| f.ends_with("(Dubaï, 2018),")));
    }

    #[test]
    fn resolution_130_considerant_reads_old_a_to_j_and_new_a_to_k() {
        let raw = resolution_130();
        let r = reconstruct(&raw, Action::Mod, &lexicon_of(&raw), &Meetings::default());
        let (old, new) = (r.old.expect("old text"), r.new.expect("new text"));
        let settled = |p: &Paragraph| p.change != Change::Uncertain;
        assert_eq!(
            labels(&old, settled),
            ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)"]
        );
        assert_eq!(
            labels(&new, |_| true),
            ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)", "k)"]
        );
        let old_paragraphs = &old.sections[0].paragraphs;
        let new_paragraphs = &new.sections[0].paragraphs;
        assert!(old_paragraphs[0]
            .text
            .starts_with("que la Manifestation de haut niveau SMSI+10"));
        assert_eq!(old_paragraphs[0].change, Change::Deleted);
        assert!(new_paragraphs[0]
            .text
            .starts_with("qu'aux termes de la Résolution 70/125"));
        assert_eq!(new_paragraphs[0].change, Change::Inserted);
        let old_h = labelled(old_paragraphs, "h)");
        assert!(old_h.text.starts_with("que les cybermenaces"));
        assert_eq!(old_h.change, Change::Deleted);
        for label in ["i)", "j)"] {
            let p = labelled(new_paragraphs, label);
            assert_eq!(p.change, Change::Inserted, "{label}");
        }
        let k = new_paragraphs.last().expect("k)");
        assert_eq!(k.change, Change::Uncertain);
        assert!(r
            .uncertain
            .iter()
            .any(|u| u.what == UncertaintyKind::ParagraphPresence
                && u.line == 107
                && u.readings.len() >= 2));
        assert_eq!(old.completeness, Completeness::Partial);
    }

    #[test]
    fn renumbered_paragraphs_are_modified_and_keep_their_words() {
        let raw = resolution_130();
        let r = reconstruct(&raw, Action::Mod, &lexicon_of(&raw), &Meetings::default());
        let old = r.old.expect("old text");
        let new = r.new.expect("new text");
        let old_c = labelled(&old.sections[0].paragraphs, "c)");
        let new_b = labelled(&new.sections[0].paragraphs, "b)");
        assert_eq!(old_c.text, new_b.text);
        assert_eq!(old_c.change, Change::Modified);
        assert_eq!(old_c.lines, new_b.lines);
    }

    #[test]
    fn words_run_together_are_split_and_reported_with_their_line() {
        let raw = resolution_130();
        let r = reconstruct(&raw, Action::Mod, &lexicon_of(&raw), &Meetings::default());
        let new = r.new.expect("new text");
        let new_c = labelled(&new.sections[0].paragraphs, "c)");
        // `leurs activités` and `afin de` are found elsewhere: `leurs` goes with the deletion.
        assert!(
            new_c.text.contains("à afin de collaborer"),
            "{}",
            new_c.text
        );
        let old = r.old.expect("old text");
        let old_d = labelled(&old.sections[0].paragraphs, "d)");
        assert!(
            old_d.text.contains("à leurs activités") && !old_d.text.contains("afin"),
            "{}",
            old_d.text
        );
        let u = r
            .uncertain
            .iter()
            .find(|u| u.what == UncertaintyKind::RunTogetherWords)
            .expect("reported");
        assert_eq!((u.line, u.label.as_deref()), (98, Some("dc)")));
    }

    #[test]
    fn the_end_punctuation_of_a_list_item_follows_its_side() {
        let raw = resolution_130();
        let r = reconstruct(&raw, Action::Mod, &lexicon_of(&raw), &Meetings::default());
        let old = r.old.expect("old text");
        let new = r.new.expect("new text");
        let old_j = labelled(&old.sections[0].paragraphs, "j)");
        assert!(old_j.text.ends_with("(UIT-D),"), "{}", old_j.text);
        let new_h = labelled(&new.sections[0].paragraphs, "h)");
        assert!(new_h.text.ends_with("(UIT-D);"), "{}", new_h.text);
    }

    #[test]
    fn a_sup_gives_the_old_header_title_and_formula_and_says_the_body_is_missing() {
        let raw = instrument(
            "RÉSOLUTION 128 (Rév. Antalya, 2006)",
            "Soutien au Programme de connectivité pour les Amériques et Plan d'action de Quito",
            "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Antalya, 2006),",
            Vec::new(),
        );
        let r = reconstruct(&raw, Action::Sup, &Lexicon::default(), &Meetings::default());
        assert!(r.new.is_none());
        let old = r.old.expect("old text");
        assert_eq!(old.completeness, Completeness::Partial);
        assert_eq!(old.notes, [BODY_NOT_REPRODUCED]);
        assert_eq!(
            old.revision.map(|r| (r.place, r.year)),
            Some(("Antalya".to_string(), 2006))
        );
        assert!(old.sections.is_empty());
    }

    #[test]
    fn an_add_gives_a_new_text_only_with_no_revision_for_a_draft() {
        let raw = instrument(
            "PROJET DE NOUVELLE RÉSOLUTION [B-1]",
            "Questions de politiques publiques internationales relatives aux aspects des applications OTT",
            "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),",
            vec![section("rappelant", 10, &[("a)", 0, "les principes;"), ("b)", 0, "l'objet fondamental,")])],
        );
        let r = reconstruct(&raw, Action::Add, &Lexicon::default(), &Meetings::default());
        assert!(r.old.is_none());
        let new = r.new.expect("new text");
        assert_eq!(new.revision, None);
        assert!(new.sections[0]
            .paragraphs
            .iter()
            .all(|p| p.change == Change::Inserted));
        assert_eq!(new.completeness, Completeness::Complete);
    }

    #[test]
    fn a_noc_gives_the_same_text_on_both_sides() {
        let raw = instrument(
            "RÉSOLUTION 2 (Rév. Busan, 2014)",
            "Titre",
            "",
            vec![section("décide", 5, &[("", 0, "de maintenir")])],
        );
        let r = reconstruct(&raw, Action::Noc, &Lexicon::default(), &Meetings::default());
        assert_eq!(r.old, r.new);
        assert!(r.old.expect("old").sections[0]
            .paragraphs
            .iter()
            .all(|p| p.change == Change::Unchanged));
    }

    #[test]
    fn a_numbered_list_with_a_pair_at_its_end_has_eight_items_before_and_ten_after() {
        let items: Vec<(String, u8, String)> = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "810"]
            .iter()
            .map(|l| (l.to_string(), 0, format!("point {l};")))
            .collect();
        let refs: Vec<(&str, u8, &str)> = items
            .iter()
            .map(|(l, d, t)| (l.as_str(), *d, t.as_str()))
            .collect();
        let raw = instrument(
            "RÉSOLUTION 130 (Rév. Busan, 2014DUBAÏ, 2018)",
            "Titre",
            "",
            vec![section(
                "charge le Directeur du Bureau de développement des télécommunications",
                166,
                &refs,
            )],
        );
        let r = reconstruct(&raw, Action::Mod, &Lexicon::default(), &Meetings::default());
        let old = r.old.expect("old");
        let new = r.new.expect("new");
        assert_eq!(old.sections[0].paragraphs.len(), 8);
        assert_eq!(new.sections[0].paragraphs.len(), 10);
        assert_eq!(new.sections[0].paragraphs[9].label.as_deref(), Some("10"));
        assert_eq!(old.sections[0].paragraphs[7].label.as_deref(), Some("8"));
        assert!(r.uncertain.is_empty(), "{:?}", r.uncertain);
    }

    #[test]
    fn nested_lists_are_aligned_apart_from_their_parents() {
        let raw = instrument(
            "RÉSOLUTION 130 (Rév. Busan, 2014)",
            "Titre",
            "",
            vec![section(
                "reconnaissant",
                10,
                &[
                    ("h)", 0, "l'Avis 4;"),
                    (
                        "i)",
                        0,
                        "les résultats pertinents de l'AMNT-12, et en particulier:",
                    ),
                    ("i)", 1, "la Résolution 50;"),
                    ("ii)", 1, "la Résolution 52,"),
                    ("j)", 0, "que le développement;"),
                ],
            )],
        );
        let r = reconstruct(&raw, Action::Mod, &Lexicon::default(), &Meetings::default());
        // h) opens the letter list at h: a gap the reader reports, nothing else.
        assert!(
            r.uncertain
                .iter()
                .all(|u| u.what == UncertaintyKind::LabelGap),
            "{:?}",
            r.uncertain
        );
        let new = r.new.expect("new");
        assert!(new.sections[0]
            .paragraphs
            .iter()
            .all(|p| p.change == Change::Unchanged));
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        fn any_item() -> impl Strategy<Value = RawItem> {
            (
                proptest::option::of("[a-z0-9ivx()\\-•]{0,6}"),
                0u8..4,
                "\\PC{0,80}",
                1u32..500,
            )
                .prop_map(|(label, depth, text, line)| RawItem {
                    label,
                    depth,
                    text,
                    footnotes: Vec::new(),
                    lines: LineSpan::line(line),
                })
        }

        fn any_raw() -> impl Strategy<Value = RawInstrument> {
            (
                "\\PC{0,60}",
                "\\PC{0,60}",
                proptest::collection::vec(
                    ("\\PC{0,20}", proptest::collection::vec(any_item(), 0..25)),
                    0..4,
                ),
            )
                .prop_map(|(header, title, sections)| RawInstrument {
                    language: Language::Fr,
                    header: line(&header, 1),
                    title: Some(line(&title, 2)),
                    formula: None,
                    sections: sections
                        .into_iter()
                        .map(|(heading, items)| RawSection {
                            heading: line(&heading, 3),
                            items,
                        })
                        .collect(),
                    notices: Vec::new(),
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn reconstruct_never_panics_on_any_raw_instrument(raw in any_raw(), words in "\\PC{0,200}") {
                let lexicon = Lexicon::from_texts([words.as_str()]);
                for action in [Action::Mod, Action::ModEditorial, Action::Add, Action::AddMoved, Action::Sup, Action::SupMoved, Action::Noc] {
                    let r = reconstruct(&raw, action, &lexicon, &Meetings::default());
                    let _ = crate::reader::citations::extract(r.old.as_ref(), r.new.as_ref(), None, &Meetings::default());
                }
            }

            #[test]
            fn line_patterns_never_panic(text in "\\PC{0,300}") {
                let lexicon = Lexicon::from_texts([text.as_str()]);
                let _ = split_text(&text, &lexicon);
            }

            #[test]
            fn line_patterns_never_panic_on_redline_like_text(text in "[0-9a-zA-Zéï ,.;:()\\-/RévÉ]{0,120}") {
                let lexicon = Lexicon::from_texts(["Rév. Dubaï, et ainsi"]);
                let _ = split_text(&text, &lexicon);
            }
        }
    }
}
