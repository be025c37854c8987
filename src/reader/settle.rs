//! Carries what the reader could not settle into the texts and the citations it read.
//!
//! A reading the reader reports as unsettled (a run-together word, a paragraph it could not place,
//! a citation whose body it cannot tell) leaves its paragraph unsettled: the paragraph is marked
//! [`Change::Uncertain`] on both sides (written `[?] ` in the history's text files), and each
//! citation standing in it names that reading, so that it is never taken as stated. Repairs that
//! the reader only lists ([`Uncertainty::is_note`]) are notes and leave the text as it is.
//!
//! One check of meaning is made here too: a text attributed to a conference (its header's
//! revision mark) cannot name a meeting (`CMDT-17`) or cite a revision (`Rév. Buenos Aires,
//! 2017`) of a later year. Where a reading puts such words in a text, they belong to another side
//! of the redline and the paragraph is unsettled (`later-than-text`). The same year is undecided
//! and not flagged.

use crate::model::{
    Change, Citation, Completeness, InstrumentText, LineSpan, Opening, Side, Uncertainty,
    UncertaintyKind,
};
use crate::reader::redline::{
    patterns::CONFERENCE_ABBREVIATIONS, unsettled_note, UNSETTLED_NOTE_END,
};
use crate::reader::structure::RawInstrument;

/// Where the lines outside the paragraphs of an instrument stand in its source.
pub fn openings(raw: &RawInstrument) -> Vec<(Opening, LineSpan)> {
    let mut out = vec![(Opening::Header, raw.header.lines)];
    out.extend(raw.title.as_ref().map(|t| (Opening::Title, t.lines)));
    out.extend(raw.formula.as_ref().map(|f| (Opening::Formula, f.lines)));
    out.extend(
        raw.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (Opening::Heading(i), s.heading.lines)),
    );
    out
}

/// Adds the `later-than-text` readings to `uncertain`, then marks every paragraph (or line
/// outside the paragraphs, see [`openings`]) that an unsettled reading concerns, the texts'
/// completeness and notes, and the citations standing in those paragraphs.
pub fn settle(
    openings: &[(Opening, LineSpan)],
    old: Option<&mut InstrumentText>,
    new: Option<&mut InstrumentText>,
    citations: &mut [Citation],
    uncertain: &mut Vec<Uncertainty>,
) {
    let mut texts: Vec<(Side, &mut InstrumentText)> = [(Side::Old, old), (Side::New, new)]
        .into_iter()
        .filter_map(|(side, t)| Some((side, t?)))
        .collect();
    for (side, text) in &texts {
        for u in later_than_text(*side, text, citations) {
            if !uncertain.contains(&u) {
                uncertain.push(u);
            }
        }
    }
    uncertain.sort();
    let unsettled: Vec<&Uncertainty> = uncertain.iter().filter(|u| !u.is_note()).collect();
    for u in &unsettled {
        let mut placed = false;
        for (_, text) in texts.iter_mut() {
            for p in text
                .sections
                .iter_mut()
                .flat_map(|s| s.paragraphs.iter_mut())
            {
                if (p.lines.first..=p.lines.last).contains(&u.line) {
                    p.change = Change::Uncertain;
                    placed = true;
                }
            }
        }
        if placed {
            continue;
        }
        // Outside the paragraphs: the header, the title, the formula or a heading is marked; a
        // line found nowhere (a stray footnote) is named in the texts' notes.
        let opening = openings
            .iter()
            .find(|(_, lines)| (lines.first..=lines.last).contains(&u.line))
            .map(|(o, _)| *o);
        for (_, text) in texts.iter_mut() {
            match opening {
                Some(o) => {
                    if !text.unsettled_openings.contains(&o) {
                        text.unsettled_openings.push(o);
                        text.unsettled_openings.sort();
                    }
                }
                None => {
                    let note = format!("unsettled: {}", u.named());
                    if !text.notes.contains(&note) {
                        text.notes.push(note);
                    }
                }
            }
            text.completeness = partial(text.completeness);
        }
    }
    for (_, text) in texts.iter_mut() {
        let count = text
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .filter(|p| p.change == Change::Uncertain)
            .count();
        text.notes.retain(|n| !n.ends_with(UNSETTLED_NOTE_END));
        if count > 0 {
            text.notes.insert(0, unsettled_note(count));
            text.completeness = partial(text.completeness);
        }
    }
    for c in citations.iter_mut() {
        let span = texts
            .iter()
            .filter(|(side, _)| c.side == Side::Both || c.side == *side)
            .flat_map(|(_, t)| t.sections.iter().flat_map(|s| &s.paragraphs))
            .find(|p| {
                p.change == Change::Uncertain && (p.lines.first..=p.lines.last).contains(&c.line)
            })
            .map(|p| p.lines);
        if let Some(span) = span {
            let named: Vec<String> = unsettled
                .iter()
                .filter(|u| (span.first..=span.last).contains(&u.line))
                .map(|u| u.named())
                .collect();
            c.unsettled = Some(if named.is_empty() {
                "the paragraph could not be placed with certainty".to_string()
            } else {
                named.join("; ")
            });
        }
    }
}

fn partial(c: Completeness) -> Completeness {
    match c {
        Completeness::Complete => Completeness::Partial,
        other => other,
    }
}

/// The meetings and revisions of a later year than the text's own that one side's paragraphs
/// name, each as a `later-than-text` reading.
fn later_than_text(side: Side, text: &InstrumentText, citations: &[Citation]) -> Vec<Uncertainty> {
    let Some(own) = text.revision.as_ref() else {
        return Vec::new();
    };
    let side_name = match side {
        Side::Old => "old",
        _ => "new",
    };
    let mut out = Vec::new();
    for section in &text.sections {
        for p in &section.paragraphs {
            let mut later: Vec<(String, i32)> = meetings(&p.text)
                .into_iter()
                .chain(p.footnotes.iter().flat_map(|f| meetings(&f.text)))
                .filter(|(_, year)| *year > own.year)
                .collect();
            later.extend(
                citations
                    .iter()
                    .filter(|c| c.side == Side::Both || c.side == side)
                    .filter(|c| (p.lines.first..=p.lines.last).contains(&c.line))
                    .filter_map(|c| {
                        let r = c.revision.as_ref()?;
                        (r.year > own.year).then(|| (c.as_written.clone(), r.year))
                    }),
            );
            for (excerpt, year) in later {
                out.push(Uncertainty {
                    line: p.lines.first,
                    what: UncertaintyKind::LaterThanText,
                    readings: vec![
                        format!(
                            "not in the {side_name} text: a text of {}, {} cannot name {excerpt} ({year}); these words belong to another side of the redline, where they begin and end the data does not say",
                            own.place, own.year
                        ),
                        format!("in the {side_name} text as read"),
                    ],
                    excerpt,
                    section: Some(section.heading.clone()),
                    label: p.label.clone(),
                });
            }
        }
    }
    out
}

/// The meetings a text names with a year (`CMDT-17`, `PP-18`, `AMNT-2016`), with that year.
fn meetings(text: &str) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (dash, _) in text.match_indices('-') {
        let start = text[..dash]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_uppercase())
            .last()
            .map_or(dash, |(i, _)| i);
        if start == dash || !CONFERENCE_ABBREVIATIONS.contains(&&text[start..dash]) {
            continue;
        }
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let digits = bytes[dash + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let number: i32 = match text[dash + 1..dash + 1 + digits].parse() {
            Ok(n) => n,
            Err(_) => continue,
        };
        let year = match digits {
            2 if number <= 50 => 2000 + number,
            2 => 1900 + number,
            4 if (1865..=2100).contains(&number) => number,
            _ => continue,
        };
        out.push((text[start..dash + 1 + digits].to_string(), year));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_are_read_with_their_years_and_other_words_are_not() {
        assert_eq!(
            meetings("la CMDT-17 a adopté, la PP-2018 et la CMR-95; UIT-D, CMDT-1417, XCMDT-14"),
            vec![
                ("CMDT-17".to_string(), 2017),
                ("PP-2018".to_string(), 2018),
                ("CMR-95".to_string(), 1995)
            ]
        );
    }
}
