//! Text as `pdftotext` or a copy from a PDF gives it, turned back into the logical lines the
//! structure reader reads (one paragraph a line, a tab after each label), before anything else
//! looks at it. Layout stays here, at the edge: the structure, redline and citation code see the
//! same lines whatever the input.
//!
//! Page furniture goes from every text: form feeds, page numbers (`- 3 -`) and the document
//! reference repeated on each page (`PP18/67-F`), with the blank lines around them. A text
//! without a single tab is read as taken from a PDF, and three more repairs apply:
//! - a label followed by spaces (`1 text`, `a)  text`) is read as a label when the spaces are
//!   several, or the label is a letter or bullet one, or a number that starts or continues the
//!   numbering (`1`, then `2`);
//! - a line continues the paragraph before it when that line was full (the next line's first word
//!   would not have fitted under the widest line of the document),
//!   unless it opens something of its own (a label, a proposal, reasons, a header, the formula, a
//!   heading after a finished paragraph);
//! - a word hyphenated at a line end is joined without its hyphen where the document's own words
//!   show it so, with it where they show the hyphenated form, and with it, listed as uncertain,
//!   where they show neither.
//!
//! Every repair is listed with its line in the document's input notes.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::reader::structure::{self, LineClass};
use crate::reader::{document, lang};

/// The logical lines of a text and what was repaired to get them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logical<'a> {
    /// Each logical line with the number of its first physical line.
    pub lines: Vec<(u32, Cow<'a, str>)>,
    /// One note per kind of repair, with its lines.
    pub notes: Vec<String>,
    /// `true` when lines were joined or relabelled (text taken from a PDF).
    pub reflowed: bool,
}

/// Reads a decoded text (`\n` line ends) into its logical lines.
pub fn logical_lines(text: &str) -> Logical<'_> {
    let mut notes = Vec::new();
    let mut form_feeds = Vec::new();
    let mut furniture = Vec::new();
    let physical: Vec<(u32, Cow<'_, str>)> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if line.contains('\u{c}') {
                form_feeds.push(number);
                (number, Cow::Owned(line.replace('\u{c}', "")))
            } else {
                (number, Cow::Borrowed(line))
            }
        })
        .collect();
    let dropped: Vec<bool> = physical
        .iter()
        .map(|(_, l)| is_page_furniture(l.trim()))
        .collect();
    let mut lines = Vec::with_capacity(physical.len());
    for (i, (number, line)) in physical.iter().enumerate() {
        if dropped[i] {
            furniture.push(*number);
            continue;
        }
        // A blank line next to page furniture is part of the page break.
        if line.trim().is_empty() {
            let near = |j: Option<usize>| j.and_then(|j| dropped.get(j)).copied().unwrap_or(false);
            if near(i.checked_sub(1)) || near(Some(i + 1)) {
                continue;
            }
        }
        lines.push((*number, line.clone()));
    }
    if !form_feeds.is_empty() {
        notes.push(format!("form feeds removed: line{}", list(&form_feeds)));
    }
    if !furniture.is_empty() {
        notes.push(format!(
            "page headers and footers removed (page numbers, the document reference): line{}",
            list(&furniture)
        ));
    }
    if text.contains('\t') {
        return Logical {
            lines,
            notes,
            reflowed: false,
        };
    }
    reflow(lines, notes)
}

/// `- 3 -`, `-3-`, `Page 3`, `3/12`, and document references such as `PP18/67-F`,
/// `PP-18/67(Add.1)-E`, `PP14/44(Add.7)-S`.
fn is_page_furniture(line: &str) -> bool {
    if line.is_empty() || line.chars().count() > 40 {
        return false;
    }
    let inner = line.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let dashed = line.starts_with(['-', '–']) && line.ends_with(['-', '–']);
    if dashed && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(n) = line.strip_prefix("Page ") {
        return n
            .split(['/', ' '])
            .next()
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
    }
    is_document_reference(line)
}

/// `PP18/67-F`: letters and digits, a slash, a number, an optional `(Add.N)` or `(Rev.N)`, an
/// optional `/N`, a dash and one capital letter (the language).
fn is_document_reference(line: &str) -> bool {
    let Some((head, rest)) = line.split_once('/') else {
        return false;
    };
    let head_ok = !head.is_empty()
        && head.len() <= 8
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && head.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let Some((body, language)) = rest.rsplit_once('-') else {
        return false;
    };
    let language_ok = language.len() == 1 && language.chars().all(|c| c.is_ascii_uppercase());
    let digits_end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let tail = &body[digits_end..];
    let tail_ok = tail.is_empty()
        || tail
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '.' | '/' | ' '));
    head_ok && language_ok && digits_end > 0 && tail_ok
}

/// Line numbers, ranges folded: `s 3-5, 9` (the `s` completes `line`).
fn list(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            numbers[i].to_string()
        } else {
            format!("{}-{}", numbers[i], numbers[j])
        });
        i = j + 1;
    }
    let plural = if numbers.len() == 1 { "" } else { "s" };
    format!("{plural} {}", parts.join(", "))
}

/// The words of a text as it writes them, folded to lower case, punctuation trimmed; pieces
/// ending with a line-end hyphen left out.
fn words(lines: &[(u32, Cow<'_, str>)]) -> HashSet<String> {
    let mut out = HashSet::new();
    for (_, line) in lines {
        for word in line.split_whitespace() {
            if word.ends_with('-') {
                continue;
            }
            let w = trim_word(word);
            if !w.is_empty() {
                out.insert(w.to_lowercase());
            }
        }
    }
    out
}

fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
}

/// `true` when a number label is plausible after `last`: at most two past it (redlines renumber),
/// or two such numbers run together (`23`, `810`: an old and a new label).
fn plausible_number(label: &str, last: Option<u32>) -> bool {
    let ceiling = last.unwrap_or(0) + 2;
    let near = |s: &str| s.parse::<u32>().is_ok_and(|n| n >= 1 && n <= ceiling);
    near(label)
        || (1..label.len()).any(|k| {
            label.is_char_boundary(k)
                && near(&label[..k])
                && near(&label[k..])
                && !label[k..].starts_with('0')
        })
}

/// A label followed by spaces instead of a tab, as `label<TAB>text`; `last` is the last number
/// read as a label, `after_end` tells whether the line before ended a paragraph (punctuation, a
/// heading, nothing before): a number after a single space starts an item only then, and only
/// where it continues the numbering.
fn spaced_label(
    line: &str,
    last: &mut Option<u32>,
    after_end: impl FnOnce() -> bool,
) -> Option<String> {
    let trimmed = line.trim_start();
    let (label, rest) = trimmed.split_once(' ')?;
    // Only a bracketed label, a number or a one-character bullet can be a label.
    if !(label.ends_with(')')
        || label.starts_with(|c: char| c.is_ascii_digit())
        || label.chars().nth(1).is_none())
    {
        return None;
    }
    let text = rest.trim_start();
    if text.is_empty() {
        return None;
    }
    let several = rest.len() - text.len() >= 1;
    let with_tab = format!("{label}\t{text}");
    let (l, _) = structure::split_label(&with_tab)?;
    let number = l.parse::<u32>().ok();
    // Letters in brackets start items when short and lower case (`a)`, `iv)`, `cb)`), others
    // (`(SMSI)`, a dash) only after a finished paragraph.
    let inner = l.trim_start_matches('(').trim_end_matches(')');
    let short_letters = l.ends_with(')')
        && inner.chars().count() <= 5
        && inner
            .chars()
            .all(|c| c.is_lowercase() || structure::latin_lookalike(c).is_some());
    let digits_in_brackets = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
    let accepted = match number {
        Some(_) => several || (plausible_number(l, *last) && after_end()),
        // `2006)` after `(Rév. Antalya,`: a number in brackets is a label only in sequence.
        None if digits_in_brackets => plausible_number(inner, *last) && after_end(),
        None => several || short_letters || after_end(),
    };
    if !accepted {
        return None;
    }
    if let Some(n) = number {
        // A run-together pair continues from its larger half.
        let halves = (1..l.len())
            .filter_map(|k| {
                l[k..]
                    .parse::<u32>()
                    .ok()
                    .filter(|b| *b <= last.unwrap_or(0) + 2)
            })
            .max();
        *last = Some(if n > last.unwrap_or(0) + 2 {
            halves.unwrap_or(n)
        } else {
            n
        });
    }
    Some(with_tab)
}

/// Joins the wrapped lines of a text taken from a PDF.
fn reflow<'a>(lines: Vec<(u32, Cow<'a, str>)>, mut notes: Vec<String>) -> Logical<'a> {
    let width = lines
        .iter()
        .map(|(_, l)| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    // The document's own words, read the first time a line ends with a hyphen.
    let mut lexicon: Option<HashSet<String>> = None;
    let mut out: Vec<(u32, Cow<'a, str>)> = Vec::with_capacity(lines.len());
    // The last physical line of the paragraph being built, when one is open.
    let mut open: Option<Cow<'a, str>> = None;
    // Brackets opened and not closed in the paragraph being built (a footnote body wrapped).
    let mut depth: isize = 0;
    // The first line of the paragraph being built, and whether it is a section heading (an item
    // may follow a heading directly), read when first asked.
    let mut open_first: Option<Cow<'a, str>> = None;
    let mut open_heading: Option<bool> = None;
    let mut last_number = None;
    let mut joined = Vec::new();
    let mut relabelled = Vec::new();
    let mut hyphens_joined = Vec::new();
    let mut hyphens_kept = Vec::new();
    let mut hyphens_unsure = Vec::new();
    let brackets = |s: &str| -> isize {
        s.bytes()
            .map(|b| match b {
                b'[' => 1,
                b']' => -1,
                _ => 0,
            })
            .sum()
    };
    for (number, line) in &lines {
        let (number, line) = (*number, line.clone());
        let trimmed: &str = line.trim();
        if trimmed.is_empty() {
            open = None;
            open_first = None;
            open_heading = None;
            depth = 0;
            out.push((number, line.clone()));
            continue;
        }
        // Inside brackets left open (a footnote body `[1: ...` wrapped), nothing opens.
        let in_brackets = open.is_some() && depth > 0;
        // Strong openings: never a continuation.
        let opening = !in_brackets
            && (document::proposal_opening(trimmed).is_some()
                || document::is_separator(trimmed)
                || lang::reasons_opening(trimmed).is_some());
        if opening {
            last_number = None;
        }
        let ends_clause = open
            .as_deref()
            .is_none_or(|p| p.trim_end().ends_with([';', ':', ',', '.']));
        let mut after_end = || {
            ends_clause
                || *open_heading.get_or_insert_with(|| {
                    open_first
                        .as_deref()
                        .is_some_and(|f| structure::classify(f.trim()) == LineClass::Heading)
                })
        };
        let relabel = if opening || in_brackets {
            None
        } else {
            spaced_label(trimmed, &mut last_number, &mut after_end)
        };
        // Without tabs, a line is an item only where a label was read above. A line that starts
        // in lower case after an unfinished line reads as text whatever it opens with (below),
        // unless it is a footnote body: it is not classified.
        let needs_class = open.is_none()
            || trimmed.starts_with('[')
            || !trimmed.starts_with(char::is_lowercase)
            || after_end();
        let class = if relabel.is_some() {
            LineClass::Item {
                label: String::new(),
                text: String::new(),
            }
        } else if in_brackets || opening || !needs_class {
            LineClass::Text
        } else {
            match structure::classify(trimmed) {
                LineClass::Item { .. } => LineClass::Text,
                class => class,
            }
        };
        let after_end = after_end();
        let strong = opening || matches!(class, LineClass::Item { .. } | LineClass::FootnoteBody);
        let continues = in_brackets
            || match (&open, strong) {
                (Some(previous), false) => {
                    let previous = previous.trim_end();
                    // Lines break at spaces, not at no-break spaces: the first word runs to a space.
                    let first_word = trimmed.split([' ', '\t']).next().unwrap_or("");
                    let hyphenated = previous.ends_with('-')
                        && previous
                            .chars()
                            .rev()
                            .nth(1)
                            .is_some_and(char::is_alphabetic);
                    let full = previous.chars().count() + 1 + first_word.chars().count() > width;
                    // Punctuation ends clauses inside paragraphs too (`;` between the parts of an
                    // item, `:` before a quotation, `.` in the reasons): only the width decides.
                    // What opens a header, a heading or the formula may also be words of a wrapped
                    // sentence (`... a adopté la` / `Résolution 58 (Rév. Dubaï, 2012), ...`): they
                    // open their own paragraph unless the line before ran on, unfinished. A header
                    // in capitals and the formula always open theirs.
                    let capitals = first_word.chars().all(|c| !c.is_lowercase());
                    match class {
                        LineClass::Formula => false,
                        LineClass::Header if capitals => false,
                        LineClass::Header | LineClass::Heading => {
                            (hyphenated || full) && !after_end
                        }
                        _ => hyphenated || full,
                    }
                }
                _ => false,
            };
        if continues {
            let (_, paragraph) = out.last_mut().expect("an open paragraph is in the output");
            let text = paragraph.to_mut();
            let previous = open.as_deref().unwrap_or("").trim_end();
            text.truncate(text.trim_end().len());
            if previous.ends_with('-') && trimmed.starts_with(char::is_alphabetic) {
                let left =
                    trim_word(previous.rsplit(' ').next().unwrap_or("")).trim_end_matches('-');
                let first = trimmed.split_whitespace().next().unwrap_or("");
                let right = trim_word(first);
                let whole = format!("{left}{right}").to_lowercase();
                let hyphened = format!("{left}-{right}").to_lowercase();
                let shown = format!("`{left}-{right}` (line {})", number.saturating_sub(1));
                let known = lexicon.get_or_insert_with(|| words(&lines));
                if known.contains(&whole) {
                    text.pop();
                    hyphens_joined.push(format!("{shown} read as `{left}{right}`"));
                } else if known.contains(&hyphened) {
                    hyphens_kept.push(shown);
                } else {
                    hyphens_unsure.push(shown);
                }
            } else {
                text.push(' ');
            }
            text.push_str(trimmed);
            depth += brackets(trimmed);
            joined.push(number);
            open = Some(line);
            continue;
        }
        open_heading =
            (class != LineClass::Text || relabel.is_some()).then_some(class == LineClass::Heading);
        open_first = Some(line.clone());
        depth = brackets(trimmed);
        match relabel {
            Some(fixed) => {
                relabelled.push(number);
                out.push((number, Cow::Owned(fixed)));
            }
            None => out.push((number, line.clone())),
        }
        // The line as printed measures whether it was full.
        open = Some(line);
    }
    if !joined.is_empty() {
        notes.push(format!(
            "text taken from a PDF (no tab in the file): wrapped lines joined to the line before: line{}",
            list(&joined)
        ));
    }
    if !relabelled.is_empty() {
        notes.push(format!(
            "labels followed by spaces instead of a tab: line{}",
            list(&relabelled)
        ));
    }
    if !hyphens_joined.is_empty() {
        notes.push(format!(
            "words hyphenated at a line end joined as the document writes them elsewhere: {}",
            hyphens_joined.join("; ")
        ));
    }
    if !hyphens_kept.is_empty() {
        notes.push(format!(
            "hyphens at a line end kept, the document writes these words with them: {}",
            hyphens_kept.join("; ")
        ));
    }
    if !hyphens_unsure.is_empty() {
        notes.push(format!(
            "uncertain: hyphens at a line end kept, the document shows neither the joined nor the hyphenated word: {}",
            hyphens_unsure.join("; ")
        ));
    }
    let reflowed = !joined.is_empty() || !relabelled.is_empty();
    Logical {
        lines: out,
        notes,
        reflowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        logical_lines(text)
            .lines
            .into_iter()
            .map(|(_, l)| l.into_owned())
            .collect()
    }

    #[test]
    fn page_furniture_is_recognised() {
        assert!(is_page_furniture("- 3 -"));
        assert!(is_page_furniture("PP18/67-F"));
        assert!(is_page_furniture("PP14/44(Add.7)-S"));
        assert!(!is_page_furniture("2016-2019"));
        assert!(!is_page_furniture("a) que"));
    }

    #[test]
    fn wrapped_lines_join_and_labels_start_paragraphs() {
        let text = "décide\n1 que la Conférence de\nplénipotentiaires examine ce\npoint de l'ordre du jour;\n2 de tout faire;\n";
        assert_eq!(
            texts(text),
            [
                "décide",
                "1\tque la Conférence de plénipotentiaires examine ce point de l'ordre du jour;",
                "2\tde tout faire;",
                ""
            ]
        );
    }

    #[test]
    fn tab_text_is_left_as_it_is() {
        let text = "considérant\na)\tque\nb)\tque\n";
        assert_eq!(texts(text), ["considérant", "a)\tque", "b)\tque", ""]);
        assert!(!logical_lines(text).reflowed);
    }
}
