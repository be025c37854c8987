//! Repairs of what a PDF-to-XML conversion leaves in Akoma Ntoso Final Acts, each one reported:
//! footnote text left inline after a line of underscores, footnote markers glued to a word, page
//! numbers and Part headings inside paragraph text, the lists of abrogated instruments inside the
//! text of the instrument before them, labels left at the start of the text, items and section
//! headings run into the paragraph before them, annexes as flat text, titles cut short.
//!
//! Each function works on one instrument's entries (headings and items in document order) and
//! pushes a [`Finding`] for what it changed or could not settle. A change is made only where the
//! text leaves no doubt; the rest is reported and left as written.

use crate::model::UncertaintyKind;
use std::collections::HashSet;

use super::tree::{Entry, Item, Located};
use crate::model::{Footnote, InstrumentKind, Revision};
use crate::reader::lang;
use crate::reader::redline::parse_revision;

/// A repair made, or something left as written because it could not be settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub element: String,
    pub line: u32,
    pub what: UncertaintyKind,
    pub excerpt: String,
    pub readings: Vec<String>,
    pub label: Option<String>,
    /// `true` when the reader changed the text; `false` when it only reports.
    pub repaired: bool,
}

impl Finding {
    fn repaired(item: &Item, what: UncertaintyKind, excerpt: &str) -> Self {
        Finding {
            element: item.element.clone(),
            line: item.line,
            what,
            excerpt: short(excerpt),
            readings: Vec::new(),
            label: item.label.clone(),
            repaired: true,
        }
    }

    fn unsettled(item: &Item, what: UncertaintyKind, excerpt: &str) -> Self {
        Finding {
            repaired: false,
            ..Finding::repaired(item, what, excerpt)
        }
    }
}

/// At most 80 characters of a text, on a character boundary.
pub fn short(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// An entry of a list of abrogated instruments, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedAbrogation {
    pub kind: InstrumentKind,
    pub number: u32,
    /// The label as written (`REV. GUADALAJARA, 2010`).
    pub label: String,
    pub revision: Option<Revision>,
    pub title: String,
    /// The Part heading it was listed under (`PART IV - LIST OF RESOLUTIONS ABROGATED ...`).
    pub part: String,
    pub element: String,
    pub line: u32,
}

/// What [`parts`] took out of an instrument's text.
#[derive(Debug, Default)]
pub struct PartsOut {
    pub abrogated: Vec<ListedAbrogation>,
}

/// Where a Part heading (`PART IV - `) starts in a text, if one does.
fn part_heading_at(text: &str, from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(rel) = text[search..].find("PART ") {
        let at = search + rel;
        let rest = &text[at + 5..];
        let numeral: &str = rest
            .split(' ')
            .next()
            .unwrap_or("")
            .trim_end_matches([':', '.', ',']);
        let after = &rest[numeral.len()..];
        let boundary = at == 0 || text[..at].ends_with(' ');
        if boundary
            && !numeral.is_empty()
            && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            && (after.starts_with(" - ") || after.starts_with(" – ") || after.starts_with(" — "))
        {
            return Some(at);
        }
        search = at + 5;
    }
    None
}

/// Strips a page number (a lone number of one to three digits) from the end of a text, if the text
/// before it ends a sentence or the text is nothing else. Returns the number.
fn strip_trailing_page_number(text: &mut String) -> Option<String> {
    let trimmed = text.trim_end();
    let (head, last) = match trimmed.rsplit_once(' ') {
        Some((h, l)) => (h, l),
        None => ("", trimmed),
    };
    let is_number = !last.is_empty() && last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit());
    let ends_sentence = head.is_empty() || head.ends_with(['.', ';', ',', ':', ')', '"', '”']);
    if is_number && ends_sentence {
        let number = last.to_string();
        *text = head.trim_end().to_string();
        Some(number)
    } else {
        None
    }
}

/// Strips a page number from the end of a listed title: a lone number of one to three digits
/// after a word (titles end in words or in year ranges, never in a bare short number).
fn strip_page_number_after_title(title: &mut String) -> Option<String> {
    let (head, last) = title.trim_end().rsplit_once(' ')?;
    let is_number = last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit());
    let after_word = head.ends_with(|c: char| c.is_alphabetic());
    if is_number && after_word {
        let number = last.to_string();
        *title = head.trim_end().to_string();
        Some(number)
    } else {
        None
    }
}

/// The start of each `KIND NUMBER (LABEL)` entry in an abrogated list: (start, kind, number,
/// label, end of the closing bracket).
fn list_entries(text: &str) -> Vec<(usize, InstrumentKind, u32, String, usize)> {
    let mut out = Vec::new();
    for word in ["DECISION ", "RESOLUTION ", "RECOMMENDATION "] {
        let mut search = 0;
        while let Some(rel) = text[search..].find(word) {
            let at = search + rel;
            search = at + word.len();
            let rest = &text[at + word.len()..];
            let digits: &str = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
            if digits.is_empty() || !rest[digits.len()..].starts_with(" (") {
                continue;
            }
            let open = at + word.len() + digits.len() + 2;
            let Some(close) = text[open..].find(')').map(|c| open + c) else {
                continue;
            };
            let (Some(kind), Ok(number)) = (
                InstrumentKind::from_word(word.trim()),
                digits.parse::<u32>(),
            ) else {
                continue;
            };
            out.push((at, kind, number, text[open..close].to_string(), close + 1));
        }
    }
    out.sort_by_key(|e| e.0);
    out
}

/// Takes Part headings, the lists of abrogated instruments and the page numbers around them out
/// of an instrument's items, and drops what follows a Part that holds no instruments (the
/// signatories, the declarations).
pub fn parts(entries: &mut Vec<Entry>, findings: &mut Vec<Finding>) -> PartsOut {
    let mut out = PartsOut::default();
    let mut cut_from: Option<usize> = None;
    for (index, entry) in entries.iter_mut().enumerate() {
        let Entry::Item(item) = entry else { continue };
        let Some(at) = part_heading_at(&item.text, 0) else {
            continue;
        };
        let whole = std::mem::take(&mut item.text);
        let mut before = whole[..at].trim_end().to_string();
        if let Some(n) = strip_trailing_page_number(&mut before) {
            findings.push(Finding::repaired(
                item,
                UncertaintyKind::PageNumberRemoved,
                &n,
            ));
        }
        item.text = before;
        // Each Part from here to the end of the text.
        let mut start = at;
        while start < whole.len() {
            let next = part_heading_at(&whole, start + 5).unwrap_or(whole.len());
            let segment = whole[start..next].trim();
            let entries_found = list_entries(segment);
            let heading_end = entries_found.first().map_or(segment.len(), |e| e.0);
            let mut heading = segment[..heading_end].trim().to_string();
            if let Some(n) = strip_trailing_page_number(&mut heading) {
                findings.push(Finding::repaired(
                    item,
                    UncertaintyKind::PageNumberRemoved,
                    &n,
                ));
            }
            findings.push(Finding::repaired(
                item,
                UncertaintyKind::PartHeadingRemoved,
                &heading,
            ));
            let abrogating = heading.to_uppercase().contains("ABROGATED");
            if abrogating {
                for (i, (s, kind, number, label, close)) in entries_found.iter().enumerate() {
                    let end = entries_found.get(i + 1).map_or(segment.len(), |e| e.0);
                    let _ = s;
                    let mut title = segment.get(*close..end).unwrap_or("").trim().to_string();
                    if let Some(n) = strip_page_number_after_title(&mut title) {
                        findings.push(Finding::repaired(
                            item,
                            UncertaintyKind::PageNumberRemoved,
                            &n,
                        ));
                    }
                    out.abrogated.push(ListedAbrogation {
                        kind: *kind,
                        number: *number,
                        revision: parse_revision(label),
                        label: label.clone(),
                        title,
                        part: heading.clone(),
                        element: item.element.clone(),
                        line: item.line,
                    });
                }
                findings.push(Finding::repaired(
                    item,
                    UncertaintyKind::AbrogatedListRemoved,
                    &format!(
                        "{} entries listed under `{}`",
                        entries_found.len(),
                        short(&heading)
                    ),
                ));
            } else if names_instruments(&heading) {
                let rest = segment[heading_end..].trim();
                if !rest.is_empty() {
                    findings.push(Finding::unsettled(
                        item,
                        UncertaintyKind::TextAfterPartHeading,
                        rest,
                    ));
                }
            } else {
                // Signatories, declarations: not the instrument's text, nor any instrument's.
                findings.push(Finding::repaired(
                    item,
                    UncertaintyKind::OutsideInstrumentsRemoved,
                    &format!(
                        "the text from `{}` to the end of the instrument",
                        short(&heading)
                    ),
                ));
                cut_from = Some(index + 1);
                break;
            }
            start = next;
        }
        if cut_from.is_some() {
            break;
        }
    }
    if let Some(cut) = cut_from {
        entries.truncate(cut);
    }
    drop_empty(entries, findings);
    out
}

/// `PART III - RESOLUTIONS`: a Part heading that names a kind of instrument and nothing else.
fn names_instruments(heading: &str) -> bool {
    let after = heading
        .split_once(" - ")
        .or_else(|| heading.split_once(" – "))
        .map_or("", |(_, a)| a);
    let first = after.split(' ').next().unwrap_or("");
    InstrumentKind::from_word(first).is_some()
}

/// Drops items left without words by a repair (a label alone says nothing), with a note. Run
/// after the Part lists are taken out and again after the last repair, so that what a repair
/// empties never stays, whichever repair it was.
pub fn drop_empty(entries: &mut Vec<Entry>, findings: &mut Vec<Finding>) {
    entries.retain(|e| match e {
        Entry::Item(item) if item.text.trim().is_empty() && item.footnotes.is_empty() => {
            findings.push(Finding::repaired(
                item,
                UncertaintyKind::EmptyParagraphDropped,
                "nothing left after the repairs above",
            ));
            false
        }
        _ => true,
    });
}

/// Where a run of at least four underscores starts.
fn underscores_at(text: &str) -> Option<usize> {
    text.find("____")
}

/// A footnote's leading mark: `1 `, `12 `, `* `. Returns the mark and the rest.
fn leading_mark(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix("* ") {
        return Some(("*", rest));
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 || !text[digits..].starts_with(' ') {
        return None;
    }
    Some((&text[..digits], text[digits + 1..].trim_start()))
}

/// Splits the text after the underscores into footnotes (`1 text 2 text`) and what follows them
/// that is the paragraph's own (an item run in: `... footnote text. 2 to coordinate ...`).
fn split_footnotes(region: &str) -> (Vec<Footnote>, Option<(String, String)>) {
    let mut notes = Vec::new();
    let Some((mut mark, mut rest)) = leading_mark(region) else {
        return (notes, None);
    };
    loop {
        let next_mark = mark.parse::<u32>().ok().map(|m| (m + 1).to_string());
        // The next footnote: ` N+1 ` then a capital; a run-in item: `. N ` then a small letter.
        let mut cut: Option<(usize, bool)> = None;
        for (i, _) in rest.match_indices(' ') {
            let after = &rest[i + 1..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 2 || !after[digits..].starts_with(' ') {
                continue;
            }
            let number = &after[..digits];
            let first = after[digits + 1..].chars().next().unwrap_or(' ');
            let before = rest[..i].trim_end();
            if Some(number) == next_mark.as_deref()
                && (first.is_uppercase() || first == '"' || first == '“')
            {
                cut = Some((i, true));
                break;
            }
            if first.is_lowercase() && before.ends_with(['.', ';', ',']) {
                cut = Some((i, false));
                break;
            }
        }
        match cut {
            Some((i, true)) => {
                notes.push(Footnote {
                    mark: mark.to_string(),
                    text: rest[..i].trim().to_string(),
                });
                let (m, r) = leading_mark(&rest[i..]).expect("a mark was found there");
                mark = m;
                rest = r;
            }
            Some((i, false)) => {
                notes.push(Footnote {
                    mark: mark.to_string(),
                    text: rest[..i].trim().to_string(),
                });
                let run_in = rest[i..].trim();
                let (label, text) = leading_mark(run_in).expect("a number was found there");
                return (notes, Some((label.to_string(), text.to_string())));
            }
            None => {
                notes.push(Footnote {
                    mark: mark.to_string(),
                    text: rest.trim().to_string(),
                });
                return (notes, None);
            }
        }
    }
}

/// Where a footnote mark is glued to the end of a word in a text (`developing1`,
/// `(UN- SWAP)2`, `achieved.4`): the byte range of the mark, if any, the last one first.
fn glued_marks(text: &str, mark: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices(mark) {
        let end = at + mark.len();
        if !mark_ends(bytes.get(end)) {
            continue;
        }
        if at == 0 || bytes[at - 1].is_ascii_digit() {
            continue;
        }
        if glued_to_word(&text[..at]) {
            out.push(at..end);
        }
    }
    out.reverse();
    out
}

/// Whether what follows a footnote mark ends it: the end of the text, a space or punctuation
/// (not `-`, as in `R.1-a`, nor a letter or digit).
fn mark_ends(next: Option<&u8>) -> bool {
    next.is_none_or(|b| matches!(b, b' ' | b',' | b';' | b'.' | b':' | b')' | b'"'))
}

/// Whether the text before a digit ends with a word a footnote mark can be glued to: a word of
/// three letters or more with no capital after its first letter (so not `IPv`, `WTDC`, `G`),
/// or a closing bracket or full stop after a letter.
fn glued_to_word(before: &str) -> bool {
    let mut chars = before.chars().rev();
    let Some(last) = chars.next() else {
        return false;
    };
    if matches!(last, ')' | '.' | '"' | '”') {
        // A word of two letters or more before it: `SWAP)2`, `achieved.4`, not `R.1`.
        let letters = chars.take_while(|c| c.is_alphabetic()).count();
        return letters >= 2;
    }
    if !last.is_alphabetic() {
        return false;
    }
    let word: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.len() >= 3 && word[..word.len() - 1].iter().all(|c| !c.is_uppercase())
}

/// Every glued mark candidate in a text: (range, mark).
fn glued_candidates(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let end = i + len;
            let next_ok = mark_ends(bytes.get(end));
            if len <= 2 && next_ok && i > 0 && glued_to_word(&text[..i]) {
                out.push((i..end, text[i..end].to_string()));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Moves footnote text left inline (after a line of underscores) to a footnote attached where its
/// marker stands, splitting the marker off the word it is glued to; then splits off the other
/// glued markers of footnotes the instrument has, and lists those of footnotes it has not.
/// Markers in the title are taken out of it; the title's footnotes are returned.
pub fn footnotes(
    entries: &mut Vec<Entry>,
    title: &mut Option<Located>,
    findings: &mut Vec<Finding>,
) -> Vec<Footnote> {
    let mut title_notes = Vec::new();
    let mut known: Vec<Footnote> = Vec::new();
    let mut index = 0;
    while index < entries.len() {
        let Entry::Item(item) = &mut entries[index] else {
            index += 1;
            continue;
        };
        let Some(at) = underscores_at(&item.text) else {
            index += 1;
            continue;
        };
        let region = item.text[at..].trim_start_matches('_').trim().to_string();
        item.text = item.text[..at].trim_end().to_string();
        let (notes, run_in) = split_footnotes(&region);
        let source_item = item.clone();
        if notes.is_empty() {
            findings.push(Finding::unsettled(
                &source_item,
                UncertaintyKind::FootnoteWithoutMark,
                &region,
            ));
            item.text = format!("{} {region}", item.text).trim().to_string();
        }
        for note in notes {
            let excerpt = format!("{} {}", note.mark, note.text);
            match attach_at_marker(entries, index, title, &note, &mut title_notes) {
                Some(element) => {
                    let mut finding =
                        Finding::repaired(&source_item, UncertaintyKind::FootnoteMoved, &excerpt);
                    finding.readings = vec![format!("attached at its marker in {element}")];
                    findings.push(finding);
                }
                None => {
                    if let Entry::Item(item) = &mut entries[index] {
                        item.footnotes.push(note.clone());
                    }
                    // Taken out of the text all the same, but attached where it stood.
                    findings.push(Finding::repaired(
                        &source_item,
                        UncertaintyKind::FootnoteMarkerNotFound,
                        &excerpt,
                    ));
                }
            }
            known.push(note);
        }
        if let Some((label, text)) = run_in {
            let next = split_off(
                &source_item,
                label,
                text,
                UncertaintyKind::ItemAfterFootnoteSplit,
                findings,
            );
            entries.insert(index + 1, Entry::Item(next));
        }
        index += 1;
    }
    // Markers glued to words that no inline footnote text was found for.
    for entry in entries.iter_mut() {
        let Entry::Item(item) = entry else { continue };
        for (range, mark) in glued_candidates(&item.text).into_iter().rev() {
            if let Some(note) = known.iter().rev().find(|n| n.mark == mark) {
                item.text.replace_range(range, "");
                if !item.footnotes.iter().any(|f| f.mark == mark) {
                    item.footnotes.insert(0, note.clone());
                }
                findings.push(Finding::repaired(
                    item,
                    UncertaintyKind::FootnoteMarkerSplit,
                    &mark,
                ));
            } else if looks_like_marker(&item.text, &range) {
                findings.push(Finding::unsettled(
                    item,
                    UncertaintyKind::FootnoteMarkerUnmatched,
                    &item.text[range.start.saturating_sub(20)..range.end],
                ));
            }
        }
    }
    if let Some(title) = title.as_mut() {
        for (range, mark) in glued_candidates(&title.text).into_iter().rev() {
            title.text.replace_range(range, "");
            let note = known.iter().find(|n| n.mark == mark);
            if let Some(note) = note {
                if !title_notes.iter().any(|f: &Footnote| f.mark == mark) {
                    title_notes.push(note.clone());
                }
            }
            findings.push(Finding {
                element: title.element.clone(),
                line: title.line,
                what: if note.is_some() {
                    UncertaintyKind::FootnoteMarkerSplit
                } else {
                    UncertaintyKind::FootnoteMarkerRemovedFromTitle
                },
                excerpt: mark,
                readings: Vec::new(),
                label: None,
                repaired: true,
            });
        }
    }
    title_notes
}

/// A glued number is worth listing when it follows a word in small letters directly.
fn looks_like_marker(text: &str, range: &std::ops::Range<usize>) -> bool {
    text[..range.start]
        .chars()
        .next_back()
        .is_some_and(char::is_lowercase)
}

/// Finds the marker of a footnote in the items up to `upto` (the nearest first), then in the
/// title; splits it off and attaches the footnote there. Returns the element it was attached to.
fn attach_at_marker(
    entries: &mut [Entry],
    upto: usize,
    title: &mut Option<Located>,
    note: &Footnote,
    title_notes: &mut Vec<Footnote>,
) -> Option<String> {
    for entry in entries[..=upto].iter_mut().rev() {
        let Entry::Item(item) = entry else { continue };
        if let Some(range) = glued_marks(&item.text, &note.mark).into_iter().next() {
            item.text.replace_range(range, "");
            item.footnotes.push(note.clone());
            return Some(item.element.clone());
        }
    }
    if let Some(t) = title.as_mut() {
        if let Some(range) = glued_marks(&t.text, &note.mark).into_iter().next() {
            t.text.replace_range(range, "");
            title_notes.push(note.clone());
            return Some(t.element.clone());
        }
    }
    None
}

/// The label that follows another in its sequence: `b)` after `a)`, `3` after `2`, `ii)` after
/// `i)`, `1.2` after `1.1`.
pub fn successor(label: &str) -> Option<String> {
    if let Some(stem) = label.strip_suffix(')') {
        if let Some(v) = roman(stem) {
            if stem.len() > 1 || stem == "i" {
                return to_roman(v + 1).map(|r| format!("{r})"));
            }
        }
        let mut chars = stem.chars();
        let c = chars.next()?;
        if chars.next().is_none() && c.is_ascii_lowercase() && c != 'z' {
            return Some(format!("{})", (c as u8 + 1) as char));
        }
        return None;
    }
    if let Some((head, tail)) = label.rsplit_once('.') {
        let n: u32 = tail.parse().ok()?;
        return Some(format!("{head}.{}", n + 1));
    }
    let n: u32 = label.parse().ok()?;
    Some((n + 1).to_string())
}

fn roman(s: &str) -> Option<u32> {
    const VALUES: &[(&str, u32)] = &[
        ("i", 1),
        ("ii", 2),
        ("iii", 3),
        ("iv", 4),
        ("v", 5),
        ("vi", 6),
        ("vii", 7),
        ("viii", 8),
        ("ix", 9),
        ("x", 10),
        ("xi", 11),
        ("xii", 12),
    ];
    VALUES.iter().find(|(r, _)| *r == s).map(|(_, v)| *v)
}

fn to_roman(v: u32) -> Option<&'static str> {
    [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
    ]
    .get(v as usize)
    .copied()
}

/// A label at the start of a text: `a) `, `ii) `, `12 `, `1.1 `. Returns (label, rest).
fn label_in_text(text: &str) -> Option<(&str, &str)> {
    let token = text.split(' ').next()?;
    let rest = text[token.len()..].trim_start();
    if rest.is_empty() {
        return None;
    }
    let letter = token.strip_suffix(')').is_some_and(|s| {
        !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_lowercase())
    });
    let number = !token.is_empty()
        && token.len() <= 5
        && token
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (letter || number).then_some((token, rest))
}

/// Labels left at the start of an item's text: taken into the label where the item's neighbours
/// at the same depth under the same heading confirm the sequence (the next one's label follows it,
/// or it follows the previous one's); listed otherwise when it reads as a letter label.
pub fn labels_in_text(entries: &mut [Entry], findings: &mut Vec<Finding>) {
    for i in 0..entries.len() {
        let Entry::Item(item) = &entries[i] else {
            continue;
        };
        if item.label.is_some() {
            continue;
        }
        let Some((label, rest)) = label_in_text(&item.text) else {
            continue;
        };
        let depth = item.depth;
        let next = sibling_label(entries, i, depth, true);
        let previous = sibling_label(entries, i, depth, false);
        let fits_next = next.is_some_and(|n| successor(label).as_deref() == Some(n));
        let fits_previous = previous.is_some_and(|p| successor(p).as_deref() == Some(label));
        let (label, rest) = (label.to_string(), rest.to_string());
        let Entry::Item(item) = &mut entries[i] else {
            continue;
        };
        if fits_next || fits_previous {
            item.label = Some(label.clone());
            item.text = rest;
            findings.push(Finding::repaired(
                item,
                UncertaintyKind::LabelFromText,
                &label,
            ));
        } else if label.ends_with(')') {
            findings.push(Finding::unsettled(
                item,
                UncertaintyKind::LabelInText,
                &label,
            ));
        }
    }
}

/// The label of the nearest item at the same depth under the same heading, after or before `i`.
fn sibling_label(entries: &[Entry], i: usize, depth: u8, forward: bool) -> Option<&str> {
    let range: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(i + 1..entries.len())
    } else {
        Box::new((0..i).rev())
    };
    for j in range {
        match &entries[j] {
            Entry::Heading(_) => return None,
            Entry::Item(other) if other.depth == depth => return other.label.as_deref(),
            Entry::Item(other) if other.depth < depth => return None,
            Entry::Item(_) => {}
        }
    }
    None
}

/// Items run into the text of the item before them (`...; 10 that ...`), split off where the
/// number follows the item's own label and the next item does not already carry it.
pub fn run_in_items(entries: &mut Vec<Entry>, findings: &mut Vec<Finding>) {
    let mut i = 0;
    while i < entries.len() {
        let Entry::Item(item) = &entries[i] else {
            i += 1;
            continue;
        };
        let Some(label) = item.label.as_deref() else {
            i += 1;
            continue;
        };
        let Some(next_label) = successor(label) else {
            i += 1;
            continue;
        };
        let taken = sibling_label(entries, i, item.depth, true) == Some(next_label.as_str());
        if taken {
            i += 1;
            continue;
        }
        let Some(cut) = run_in_at(&item.text, &next_label) else {
            i += 1;
            continue;
        };
        let Entry::Item(item) = &mut entries[i] else {
            unreachable!("checked above")
        };
        let rest = item.text[cut + next_label.len() + 1..].trim().to_string();
        item.text = item.text[..cut].trim_end().to_string();
        let next = split_off(
            item,
            next_label,
            rest,
            UncertaintyKind::RunInItemSplit,
            findings,
        );
        entries.insert(i + 1, Entry::Item(next));
        i += 1;
    }
}

/// Where `; LABEL ` followed by a small letter stands in a text (the position of the label).
fn run_in_at(text: &str, label: &str) -> Option<usize> {
    let pattern = format!(" {label} ");
    let mut search = 0;
    while let Some(rel) = text[search..].find(&pattern) {
        let at = search + rel;
        search = at + 1;
        let before = text[..at].trim_end();
        let first = text[at + pattern.len()..].chars().next();
        if before.ends_with([';', '.', ':'])
            && first.is_some_and(char::is_lowercase)
            && !before.ends_with("No.")
        {
            return Some(at + 1);
        }
    }
    None
}

/// Section headings run into the end of the paragraph before them (`..., instructs the
/// Secretary-General`): split into a heading of their own where the heading runs to the end of the
/// text, or is followed by item `1`; listed otherwise. Only operative items are looked at.
pub fn run_in_headings(
    entries: &mut Vec<Entry>,
    language: crate::model::Language,
    findings: &mut Vec<Finding>,
) {
    let words = lang::keywords(language).headings;
    let mut i = 0;
    while i < entries.len() {
        let Entry::Item(item) = &entries[i] else {
            i += 1;
            continue;
        };
        if !item.operative {
            i += 1;
            continue;
        }
        let Some((at, word)) = heading_in_text(&item.text, words) else {
            i += 1;
            continue;
        };
        let clause = item.text[at..].to_string();
        // Certain: the heading is all that is left, or it ends before item `1`.
        let split = if !clause.contains([',', ';', '.', ':']) {
            Some((clause.clone(), None))
        } else {
            clause
                .find(" 1 ")
                .filter(|&p| !clause[..p].contains([';', '.', ':']))
                .map(|p| {
                    (
                        clause[..p].trim_end_matches(',').to_string(),
                        Some(clause[p + 3..].to_string()),
                    )
                })
        };
        let Entry::Item(item) = &mut entries[i] else {
            unreachable!("checked above")
        };
        match split {
            Some((heading, first)) => {
                item.text = item.text[..at].trim_end().to_string();
                findings.push(Finding::repaired(
                    item,
                    UncertaintyKind::RunInHeadingSplit,
                    &heading,
                ));
                let heading_entry = Entry::Heading(Located {
                    text: heading,
                    element: item.element.clone(),
                    line: item.line,
                });
                let mut insert = vec![heading_entry];
                if let Some(first) = first {
                    let mut next = item.clone();
                    next.label = Some("1".to_string());
                    next.text = first;
                    next.footnotes.clear();
                    next.depth = 0;
                    insert.push(Entry::Item(next));
                }
                let n = insert.len();
                entries.splice(i + 1..i + 1, insert);
                i += n;
            }
            None => {
                let mut finding = Finding::unsettled(item, UncertaintyKind::HeadingInText, &clause);
                finding.readings = vec![format!("a section `{word} ...` starting here")];
                findings.push(finding);
            }
        }
        i += 1;
    }
}

/// The first `, HEADING ` (after a comma, semicolon or full stop) in a text whose words are one of
/// the language's section headings.
fn heading_in_text<'w>(text: &str, words: &[&'w str]) -> Option<(usize, &'w str)> {
    for sep in [", ", "; ", ". "] {
        let mut search = 0;
        while let Some(rel) = text[search..].find(sep) {
            let at = search + rel + sep.len();
            search = at;
            let rest = &text[at..];
            if !rest.starts_with(|c: char| c.is_lowercase()) {
                continue;
            }
            let key = lang::key_of_start(rest, 24);
            if let Some(w) = words
                .iter()
                .filter(|w| operative_heading(w))
                .find(|w| key.starts_with(*w) && key[w.len()..].starts_with(' '))
            {
                return Some((at, w));
            }
        }
    }
    None
}

/// The headings of the operative part: verbs in the third person (`resolves`, `instructs`,
/// `invites`, `urges`, ...), as opposed to the participles of the preamble (`considering`).
fn operative_heading(word: &str) -> bool {
    let first = word.split(' ').next().unwrap_or(word);
    !first.ends_with("ing")
        && !first.ends_with("ant")
        && !first.ends_with("ando")
        && first.ends_with('s')
        || word.starts_with("further ")
        || word.starts_with("calls")
}

/// Annexes left as flat text (`ANNEX 1 TO RESOLUTION 48 (REV. DUBAI, 2018) ...`): a section of
/// their own from there, holding the rest of that text and every item after it.
pub fn annexes(
    entries: &mut Vec<Entry>,
    kind: InstrumentKind,
    number: u32,
    findings: &mut Vec<Finding>,
) {
    let target = format!("TO {} {number}", kind.code().to_uppercase());
    let mut i = 0;
    while i < entries.len() {
        let Entry::Item(item) = &entries[i] else {
            i += 1;
            continue;
        };
        let Some((at, heading_end)) = annex_heading(&item.text, &target) else {
            i += 1;
            continue;
        };
        let Entry::Item(item) = &mut entries[i] else {
            unreachable!("checked above")
        };
        let heading = item.text[at..heading_end].trim().to_string();
        let rest = item.text[heading_end..].trim().to_string();
        item.text = item.text[..at].trim_end().to_string();
        if let Some(n) = strip_trailing_page_number(&mut item.text) {
            findings.push(Finding::repaired(
                item,
                UncertaintyKind::PageNumberRemoved,
                &n,
            ));
        }
        findings.push(Finding::repaired(
            item,
            UncertaintyKind::AnnexSeparated,
            &heading,
        ));
        let mut insert = vec![Entry::Heading(Located {
            text: heading,
            element: item.element.clone(),
            line: item.line,
        })];
        if !rest.is_empty() {
            let mut first = item.clone();
            first.label = None;
            first.depth = 0;
            first.text = rest;
            first.footnotes.clear();
            insert.push(Entry::Item(first));
        }
        let n = insert.len();
        let empty = item.text.is_empty();
        entries.splice(i + 1..i + 1, insert);
        // On to the annex's first paragraph, which may hold the next annex.
        if empty {
            entries.remove(i);
            i += 1;
        } else {
            i += 2;
        }
        let _ = n;
    }
}

/// `ANNEX [N] TO KIND NUMBER (...)` in a text: its start and the end of its closing bracket.
fn annex_heading(text: &str, target: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(rel) = text[search..].find("ANNEX") {
        let at = search + rel;
        search = at + 5;
        let rest = &text[at + 5..];
        let rest_trim = rest.trim_start();
        let digits = rest_trim.bytes().take_while(u8::is_ascii_digit).count();
        let after = rest_trim[digits..].trim_start();
        if !after.starts_with(target) {
            continue;
        }
        let tail = &after[target.len()..];
        if tail.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let consumed = text.len() - tail.len();
        let end = if tail.trim_start().starts_with('(') {
            tail.find(')').map_or(consumed, |c| consumed + c + 1)
        } else {
            consumed
        };
        return Some((at, end));
    }
    None
}

/// How sure the reader is that a title is the whole title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleState {
    /// Nothing says it is cut.
    Whole,
    /// The source itself cuts it: it ends with `...` or `:`, in an open bracket, or in a word
    /// found nowhere else in the file.
    CutShort,
    /// As long as the conversion's cut titles (a full line of the PDF, 90 to 99 characters) and
    /// ending without a full stop: maybe cut, maybe whole.
    MaybeCutShort,
}

/// Judges a title; `words` are the whole words of the file, in small letters.
pub fn title_state(title: &str, words: &HashSet<String>) -> (TitleState, Option<String>) {
    let t = title.trim();
    if t.ends_with("...") || t.ends_with('…') {
        return (TitleState::CutShort, Some("it ends with `...`".into()));
    }
    if t.ends_with(':') {
        return (TitleState::CutShort, Some("it ends with a colon".into()));
    }
    if t.matches('(').count() > t.matches(')').count() {
        return (TitleState::CutShort, Some("a bracket is left open".into()));
    }
    let last = t.rsplit(' ').next().unwrap_or("");
    if !last.is_empty()
        && last.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !words.contains(last)
    {
        return (
            TitleState::CutShort,
            Some(format!(
                "its last word `{last}` is found nowhere else in the file"
            )),
        );
    }
    let chars = t.chars().count();
    if (90..=99).contains(&chars) && !t.ends_with(['.', ')']) {
        return (
            TitleState::MaybeCutShort,
            Some(format!(
                "{chars} characters, a full line of the source, as the cut titles are"
            )),
        );
    }
    (TitleState::Whole, None)
}

/// An item run into `item`'s text, split off as an item of its own (at `item`'s place, without
/// its footnotes), the repair listed as `kind`.
fn split_off(
    item: &Item,
    label: String,
    text: String,
    kind: UncertaintyKind,
    findings: &mut Vec<Finding>,
) -> Item {
    let mut next = item.clone();
    next.label = Some(label);
    next.text = text;
    next.footnotes.clear();
    findings.push(Finding::repaired(&next, kind, &next.text));
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successors_follow_letters_numbers_and_romans() {
        assert_eq!(successor("a)").as_deref(), Some("b)"));
        assert_eq!(successor("9").as_deref(), Some("10"));
        assert_eq!(successor("ii)").as_deref(), Some("iii)"));
        assert_eq!(successor("i)").as_deref(), Some("ii)"));
        assert_eq!(successor("1.1").as_deref(), Some("1.2"));
    }

    #[test]
    fn page_numbers_come_off_only_after_a_sentence() {
        let mut a = "the end. 481".to_string();
        assert_eq!(strip_trailing_page_number(&mut a).as_deref(), Some("481"));
        assert_eq!(a, "the end.");
        let mut b = "Resolution 58".to_string();
        assert_eq!(strip_trailing_page_number(&mut b), None);
    }

    #[test]
    fn footnotes_split_on_the_next_mark_and_on_a_run_in_item() {
        let (notes, run_in) = split_footnotes("3 First note. 4 Second note. 2 to go on");
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[1].mark, "4");
        assert_eq!(run_in, Some(("2".into(), "to go on".into())));
    }

    #[test]
    fn glued_marks_need_a_word_in_small_letters() {
        assert_eq!(glued_marks("for developing1 countries", "1").len(), 1);
        assert!(glued_marks("from IPv4 to IPv6", "4").is_empty());
        assert!(glued_marks("WTDC-17 and G7", "7").is_empty());
    }

    #[test]
    fn a_part_heading_needs_a_roman_numeral_and_a_dash() {
        assert_eq!(part_heading_at("x. PART IV - LIST", 0), Some(3));
        assert_eq!(part_heading_at("PART of it", 0), None);
    }
}
