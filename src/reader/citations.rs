//! Finds every reference, in an instrument's old and new text, to an instrument of any body:
//! resolutions, decisions, recommendations of the Plenipotentiary Conference, WTDC, WTSA, RA, WRC,
//! WCIT, the Council, the UN General Assembly, and WTPF opinions, with the number and the
//! revision as cited and where the citation stands.
//!
//! Which body a citation is from is read from the words after it (`de la CMDT`, `de la présente
//! Conférence`, `qu'il a adoptée à sa session de 2009`), from the words before it (`la CMDT-17 a
//! adopté la Résolution 80`), from the item it hangs under (`les résultats pertinents de
//! l'AMNT-12, et en particulier:`), from the conference its revision names (`Rév. Dubaï, 2014` is
//! WTDC-14), and, with no body named in a Plenipotentiary Conference text, the Conference itself.
//! What stays undecided is reported, never guessed silently.

use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::ops::Range;

use crate::model::UncertaintyKind;
use crate::model::{
    Body, Citation, InstrumentId, InstrumentKind, InstrumentText, Revision, Side, Uncertainty,
};
use crate::model::{Conference, BODY_NAMES};
use crate::reader::lang;
use crate::reader::redline::parse_revision;
use crate::text::{fold, is_letter, is_letter_or_digit};

/// The citations of an instrument's texts and what could not be decided about them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitationReport {
    pub citations: Vec<Citation>,
    /// Citations whose body could not be decided (`what`: `citation-body`), with their line.
    pub uncertain: Vec<Uncertainty>,
}

/// Every citation of the old and the new text: one `both` citation where the two sides cite the
/// same instrument and revision in the same paragraph, one `old` and one `new` where the revision
/// changed, one-sided where only one side cites it.
///
/// The header, the title and the formula are scanned too where `openings` gives their lines
/// (an [`InstrumentText`] does not hold them); the section headings always are.
pub fn extract(
    old: Option<&InstrumentText>,
    new: Option<&InstrumentText>,
    openings: Option<&Openings>,
    meetings: &Meetings,
) -> Vec<Citation> {
    extract_all(old, new, openings, meetings).citations
}

/// The lines of an instrument's opening parts in the source, so that citations found there can
/// say where they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Openings {
    pub header: u32,
    pub title: Option<u32>,
    pub formula: Option<u32>,
}

/// [`extract`], with the uncertainties about the citations' bodies.
pub fn extract_all(
    old: Option<&InstrumentText>,
    new: Option<&InstrumentText>,
    openings: Option<&Openings>,
    meetings: &Meetings,
) -> CitationReport {
    let mut uncertain = BTreeSet::new();
    let old_found = old
        .map(|t| side_citations(t, openings, meetings, &mut uncertain))
        .unwrap_or_default();
    let new_found = new
        .map(|t| side_citations(t, openings, meetings, &mut uncertain))
        .unwrap_or_default();
    let mut citations = Vec::new();
    let mut new_used = vec![false; new_found.len()];
    for o in &old_found {
        let partner = new_found
            .iter()
            .enumerate()
            .find(|(i, n)| !new_used[*i] && n.key == o.key)
            .map(|(i, _)| i);
        match partner {
            Some(i) => {
                new_used[i] = true;
                let n = &new_found[i];
                if n.citation.revision == o.citation.revision {
                    let mut both = n.citation.clone();
                    both.side = Side::Both;
                    citations.push(both);
                } else {
                    citations.push(with_side(&o.citation, Side::Old));
                    citations.push(with_side(&n.citation, Side::New));
                }
            }
            None => citations.push(with_side(&o.citation, Side::Old)),
        }
    }
    for (i, n) in new_found.iter().enumerate() {
        if !new_used[i] {
            citations.push(with_side(&n.citation, Side::New));
        }
    }
    // Document order; a stable sort keeps old before new on one line.
    citations.sort_by_key(|c| c.line);
    CitationReport {
        citations,
        uncertain: uncertain.into_iter().collect(),
    }
}

fn with_side(c: &Citation, side: Side) -> Citation {
    let mut c = c.clone();
    c.side = side;
    c
}

/// A citation found on one side, with what pairs it with the other side: the paragraph's first
/// line, the instrument, and its rank among the citations of that instrument in the paragraph.
struct Found {
    key: (u32, InstrumentId, usize),
    citation: Citation,
}

/// The body whose text this is, from its formula (`La Conférence de plénipotentiaires ...`).
fn host_body(text: &InstrumentText) -> Option<Body> {
    let formula = fold(text.formula.as_deref().unwrap_or(""));
    let header = fold(&text.header);
    for names in &BODY_NAMES {
        if names.formula.iter().any(|w| formula.contains(w)) {
            return Some(names.body);
        }
    }
    if header.contains("projet de nouvelle resolution") {
        return Some(Body::Pp);
    }
    None
}

fn side_citations(
    text: &InstrumentText,
    openings: Option<&Openings>,
    meetings: &Meetings,
    uncertain: &mut BTreeSet<Uncertainty>,
) -> Vec<Found> {
    let host = host_body(text);
    let mut found = Vec::new();
    // The opening parts, each a paragraph of its own: the header past its own designation
    // (`RÉSOLUTION 130` is the instrument itself, not a citation), the title, the formula.
    if let Some(lines) = openings {
        let header_rest = header_after_designation(&text.header);
        let parts = [
            (Some(header_rest), lines.header),
            (Some(text.title.as_str()), lines.title.unwrap_or(0)),
            (text.formula.as_deref(), lines.formula.unwrap_or(0)),
        ];
        for (part, line) in parts {
            let Some(part) = part.filter(|p| !p.trim().is_empty() && line > 0) else {
                continue;
            };
            let context = Context {
                meetings,
                host,
                parent_body: None,
                section: None,
                label: None,
                line,
            };
            push_ranked(&mut found, line, citations_in(part, &context, uncertain));
        }
    }
    for section in &text.sections {
        let heading_context = Context {
            meetings,
            host,
            parent_body: None,
            section: Some(&section.heading),
            label: None,
            line: section.lines.first,
        };
        push_ranked(
            &mut found,
            section.lines.first,
            citations_in(&section.heading, &heading_context, uncertain),
        );
        // The open items above the current one: depth, and the body named by an item that
        // ends with a colon (`les résultats pertinents de l'AMNT-12, et en particulier:`).
        let mut parents: Vec<(u8, Option<Option<Body>>)> = Vec::new();
        for paragraph in &section.paragraphs {
            while parents.last().is_some_and(|(d, _)| *d >= paragraph.depth) {
                parents.pop();
            }
            let parent_body = parents
                .iter()
                .rev()
                .find_map(|(_, introduced)| *introduced)
                .flatten();
            let context = Context {
                meetings,
                host,
                parent_body,
                section: Some(&section.heading),
                label: paragraph.label.as_deref(),
                line: paragraph.lines.first,
            };
            let mut texts = vec![paragraph.text.as_str()];
            texts.extend(paragraph.footnotes.iter().map(|f| f.text.as_str()));
            let mut ranks: Vec<(InstrumentId, usize)> = Vec::new();
            for t in texts {
                for citation in citations_in(t, &context, uncertain) {
                    let rank = match ranks.iter_mut().find(|(id, _)| *id == citation.cited) {
                        Some((_, n)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            ranks.push((citation.cited.clone(), 0));
                            0
                        }
                    };
                    found.push(Found {
                        key: (paragraph.lines.first, citation.cited.clone(), rank),
                        citation,
                    });
                }
            }
            let introduces = paragraph.text.trim_end().ends_with(':');
            parents.push((
                paragraph.depth,
                introduces.then(|| last_body_mention(&lang::key(&paragraph.text))),
            ));
        }
    }
    found
}

/// Adds the citations of one paragraph (or heading) with their rank among the citations of the
/// same instrument there, which pairs them with the other side's.
fn push_ranked(found: &mut Vec<Found>, line: u32, citations: Vec<Citation>) {
    let mut ranks: Vec<(InstrumentId, usize)> = Vec::new();
    for citation in citations {
        let rank = match ranks.iter_mut().find(|(id, _)| *id == citation.cited) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                ranks.push((citation.cited.clone(), 0));
                0
            }
        };
        found.push(Found {
            key: (line, citation.cited.clone(), rank),
            citation,
        });
    }
}

/// A header past the kind and number that name the instrument itself (`RÉSOLUTION 130`, `DRAFT
/// NEW RESOLUTION [EUR-1]`): what is left (`(Rév. Busan, 2014)`) may still cite nothing, but the
/// instrument is never taken for a citation of itself.
fn header_after_designation(header: &str) -> &str {
    let digits = header.find(|c: char| c.is_ascii_digit() || c == '[');
    match digits {
        Some(at) => {
            let rest = &header[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '[' || c == ']' || c == '-'))
                .unwrap_or(rest.len());
            &rest[end..]
        }
        None => "",
    }
}

/// Where a paragraph stands and what surrounds it.
struct Context<'a> {
    /// The meetings that revision marks may name (from the catalogue in use).
    meetings: &'a Meetings,
    host: Option<Body>,
    parent_body: Option<Body>,
    /// The section heading; `None` in the header, the title and the formula.
    section: Option<&'a str>,
    label: Option<&'a str>,
    line: u32,
}

/// One number of a citation group, with its own revision if it has one.
struct Cited {
    session: Option<u32>,
    number: u32,
    revision: Option<Revision>,
    un_form: bool,
}

fn skip_spaces(s: &str, mut pos: usize) -> usize {
    while let Some(c) = s[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

fn read_digits(s: &str, pos: usize) -> Option<(u32, usize)> {
    let len = s[pos..].bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 6 {
        return None;
    }
    let n = s[pos..pos + len].parse().ok()?;
    Some((n, pos + len))
}

/// Reads `70/125`, `A/RES/70/125` or `130` at `pos`.
fn read_designation(s: &str, pos: usize) -> Option<(Option<u32>, u32, bool, usize)> {
    let (start, un_prefix) = match s[pos..].strip_prefix("A/RES/") {
        Some(_) => (pos + "A/RES/".len(), true),
        None => (pos, false),
    };
    let (first, after) = read_digits(s, start)?;
    if s[after..].starts_with('/') {
        if let Some((second, end)) = read_digits(s, after + 1) {
            return Some((Some(first), second, true, end));
        }
    }
    if s[after..].starts_with(|c: char| {
        c.is_alphabetic() || c == '.' && s[after + 1..].starts_with(|d: char| d.is_ascii_digit())
    }) {
        return None;
    }
    if un_prefix {
        return None;
    }
    Some((None, first, false, after))
}

/// The byte range of the last `max` bytes of `text[..end]`, or fewer, cut at a character
/// boundary: the words before a citation that may name its body.
fn range_before(text: &str, end: usize, max: usize) -> Range<usize> {
    let mut from = end.saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from..end
}

/// The byte range of the first `max` bytes of `text[start..]`, or fewer, cut at a character
/// boundary: the words after a citation that may name its body.
fn range_after(text: &str, start: usize, max: usize) -> Range<usize> {
    let mut to = start + max.min(text.len() - start);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    start..to
}

/// A text with its comparison key ([`lang::key`]), and where in the key each stretch of the
/// text went: the key of any stretch is then a slice of the whole key ([`KeyedText::key_of`]),
/// so that a paragraph is folded once however many citations it holds, instead of once for the
/// words around each of them.
///
/// This holds because the fold is made character by character: each character's key depends on
/// that character alone, and a run of white space becomes one space between the keys of the
/// characters around it, or nothing at either end of the stretch.
struct KeyedText {
    key: String,
    /// Where the text's offsets and the key's stop going one for one (accented letters, runs of
    /// white space, ...), in order from `(0, 0)`: from text offset `t` on, until the next such
    /// point, a text offset `t + n` stands at `k + n` in the key (see [`KeyedText::key_at`]).
    shifts: Vec<(usize, usize)>,
}

impl KeyedText {
    fn new(text: &str) -> Self {
        // Built as bytes: visible ASCII (most of the text) a run at a time, any other character
        // as the UTF-8 of its fold, so that the bytes stay UTF-8.
        let mut key: Vec<u8> = Vec::with_capacity(text.len() + 8);
        let mut shifts = vec![(0, 0)];
        // A run of white space becomes one space before the next character's key; it is counted
        // where the run starts.
        let mut pending_space = false;
        let mut char_key = String::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Visible ASCII and single spaces between it, most of the text, fold to themselves
            // in lower case, one byte for one byte: a run of them is copied at once.
            let run_end = plain_run_end(bytes, at);
            if run_end > at {
                if std::mem::take(&mut pending_space) {
                    key.push(b' ');
                }
                key.extend(bytes[at..run_end].iter().map(u8::to_ascii_lowercase));
                at = run_end;
                continue;
            }
            let c = text[at..]
                .chars()
                .next()
                .expect("a run of visible ASCII ends at a character boundary");
            at += c.len_utf8();
            if c.is_whitespace() {
                pending_space = !key.is_empty();
            } else {
                // Folded on its own, as `fold` folds it among the others, apostrophes
                // straightened as `lang::key` straightens them. A mark alone folds to nothing.
                crate::text::fold_into(c.encode_utf8(&mut [0u8; 4]), &mut char_key);
                for k in char_key.chars() {
                    if std::mem::take(&mut pending_space) {
                        key.push(b' ');
                    }
                    let k = match k {
                        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
                        k => k,
                    };
                    key.extend_from_slice(k.encode_utf8(&mut [0u8; 4]).as_bytes());
                }
            }
            let key_here = key.len() + usize::from(pending_space);
            let (t, k) = *shifts.last().expect("the first shift is (0, 0)");
            if key_here != k + (at - t) {
                shifts.push((at, key_here));
            }
        }
        let key = String::from_utf8(key).expect("whole characters only were pushed");
        KeyedText { key, shifts }
    }

    /// Where text offset `at` (a character boundary) stands in the key: the length of the key of
    /// the characters before it, with the space of a run of white space that starts before it.
    fn key_at(&self, at: usize) -> usize {
        let piece = self.shifts.partition_point(|&(t, _)| t <= at) - 1;
        let (t, k) = self.shifts[piece];
        // A run of white space at the end of the text is counted, but becomes no space.
        (k + (at - t)).min(self.key.len())
    }

    /// The key of `text[range]` (`range` at character boundaries): `lang::key(&text[range])`.
    fn key_of(&self, range: Range<usize>) -> &str {
        let from = self.key_at(range.start);
        let to = self.key_at(range.end).max(from);
        // A space at either end stands for white space that the stretch starts or ends with:
        // its key has none.
        let slice = &self.key[from..to];
        let slice = slice.strip_prefix(' ').unwrap_or(slice);
        slice.strip_suffix(' ').unwrap_or(slice)
    }
}

/// The separators between the numbers of a plural citation.
const SEPARATORS: [&str; 7] = [", et ", ", and ", ", y ", ", ", " et ", " and ", " y "];

/// The end of the run of visible ASCII from `at`, with the single spaces inside it: a space
/// followed by more white space, or by nothing, ends the run, since it may become no space.
fn plain_run_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    while end < bytes.len() {
        let plain = bytes[end].is_ascii_graphic()
            || bytes[end] == b' '
                && end > at
                && bytes.get(end + 1).is_some_and(u8::is_ascii_graphic);
        if !plain {
            break;
        }
        end += 1;
    }
    end
}

/// The kind named by a word, if it introduces citations; `folded` is a buffer for the word's
/// key, kept from one word to the next.
fn kind_of(word: &str, folded: &mut String) -> Option<InstrumentKind> {
    // Cheap test first: every such word is 4 to 16 bytes long and starts with `re`, `ré`, `de`,
    // `dé`, `av` or `op`, in any case.
    if !(4..=16).contains(&word.len()) {
        return None;
    }
    let mut chars = word.chars();
    let start = (chars.next(), chars.next());
    if !matches!(
        start,
        (Some('r' | 'R' | 'd' | 'D'), Some('e' | 'é' | 'E' | 'É'))
            | (Some('a' | 'A'), Some('v' | 'V'))
            | (Some('o' | 'O'), Some('p' | 'P'))
    ) {
        return None;
    }
    // A word is letters only, and no letter folds to an apostrophe: its key is its fold.
    crate::text::fold_into(word, folded);
    match folded.as_str() {
        "resolution" | "resolutions" | "resolucion" | "resoluciones" => {
            Some(InstrumentKind::Resolution)
        }
        "decision" | "decisions" | "decisiones" => Some(InstrumentKind::Decision),
        "recommandation" | "recommandations" | "recommendation" | "recommendations"
        | "recomendacion" | "recomendaciones" => Some(InstrumentKind::Recommendation),
        "avis" | "opinion" | "opinions" | "opiniones" => Some(InstrumentKind::Opinion),
        _ => None,
    }
}

/// The words of a text that may open a citation group, in order, as byte ranges: the words
/// (maximal runs of letters) followed, past any white space, by a number or by `A/RES/`, as every
/// group opens (`Résolution 130`, `Resolution A/RES/70/125`). Numbers are few in a text: each is
/// read back to the word before it, and the rest of the text is only searched for digits.
fn citation_openings(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(number) = first_digit(&bytes[at..]).map(|n| at + n) {
            at = bytes[number..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .map_or(bytes.len(), |n| number + n);
            if let Some(word) = word_before_number(text, number) {
                return Some(word);
            }
        }
        at = bytes.len();
        None
    })
}

/// The offset of the first ASCII digit in `bytes`. Sixteen bytes are tested at a time, into a
/// mask of their digits that the compiler builds with vector instructions.
fn first_digit(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut blocks = bytes.chunks_exact(BLOCK);
    for (i, block) in blocks.by_ref().enumerate() {
        let digits = block.iter().enumerate().fold(0u16, |mask, (k, b)| {
            mask | (u16::from(b.is_ascii_digit()) << k)
        });
        if digits != 0 {
            return Some(i * BLOCK + digits.trailing_zeros() as usize);
        }
    }
    let rest = blocks.remainder();
    rest.iter()
        .position(u8::is_ascii_digit)
        .map(|n| bytes.len() - rest.len() + n)
}

/// The word that a number at `number` would be cited under: the word before it, past white space
/// and an `A/RES/` prefix, if that word ends there (no letter follows it: `RésolutionA/RES/70/1`
/// is one word).
fn word_before_number(text: &str, number: usize) -> Option<Range<usize>> {
    let designation = match text[..number].strip_suffix("A/RES/") {
        Some(head) => head.len(),
        None => number,
    };
    let end = text[..designation].trim_end().len();
    if text[end..].chars().next().is_some_and(is_letter) {
        return None;
    }
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_letter(*c))
        .last()
        .map(|(i, _)| i)?;
    Some(start..end)
}

fn citations_in(
    text: &str,
    context: &Context<'_>,
    uncertain: &mut BTreeSet<Uncertainty>,
) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut resume = 0;
    let mut word_key = String::new();
    // Folded at the first citation found, for the words around every citation of the text.
    let mut keyed: Option<KeyedText> = None;
    for Range { start, end } in citation_openings(text) {
        if start < resume {
            continue;
        }
        let Some(kind) = kind_of(&text[start..end], &mut word_key) else {
            continue;
        };
        let mut pos = skip_spaces(text, end);
        let mut group: Vec<Cited> = Vec::new();
        let mut group_end = pos;
        while group.len() < 32 {
            let Some((session, number, un_form, after)) = read_designation(text, pos) else {
                break;
            };
            let mut next = after;
            let mut revision = None;
            let open = skip_spaces(text, after);
            if text[open..].starts_with('(') {
                if let Some(close) = text[open..].find(')') {
                    if let Some(r) = parse_revision(&text[open + 1..open + close]) {
                        revision = Some(r);
                        next = open + close + 1;
                    }
                }
            }
            group.push(Cited {
                session,
                number,
                revision,
                un_form,
            });
            group_end = next;
            match SEPARATORS.iter().find(|sep| {
                text[next..].starts_with(**sep)
                    && text[next + sep.len()..]
                        .starts_with(|c: char| c.is_ascii_digit() || c == 'A')
            }) {
                Some(sep) => pos = next + sep.len(),
                None => break,
            }
        }
        if group.is_empty() {
            continue;
        }
        resume = group_end;
        let as_written = crate::text::squash_whitespace(&text[start..group_end]);
        // The words around, folded: enough to name a body, not the whole paragraph.
        let keyed = keyed.get_or_insert_with(|| KeyedText::new(text));
        let words = Surroundings::new(
            keyed.key_of(range_before(text, start, 600)),
            keyed.key_of(range_after(text, group_end, 200)),
        );
        // A number without a revision of its own takes the next one in the group.
        let revisions: Vec<Option<Revision>> = (0..group.len())
            .map(|i| group[i..].iter().find_map(|c| c.revision.clone()))
            .collect();
        for (cited, revision) in group.iter().zip(revisions) {
            let (body, doubt) = decide_body(kind, cited, revision.as_ref(), &words, context);
            if let Some(readings) = doubt {
                uncertain.insert(Uncertainty {
                    line: context.line,
                    what: UncertaintyKind::CitationBody,
                    excerpt: as_written.clone(),
                    readings,
                    section: context.section.map(str::to_string),
                    label: context.label.map(str::to_string),
                });
            }
            let kind = if body == Body::Wtpf {
                InstrumentKind::Opinion
            } else {
                kind
            };
            out.push(Citation {
                cited: InstrumentId {
                    body,
                    kind,
                    number: Some(cited.number),
                    provisional: None,
                    session: cited.session,
                },
                revision,
                side: Side::Both,
                as_written: as_written.clone(),
                section: context.section.map(str::to_string),
                label: context.label.map(str::to_string),
                line: context.line,
                unsettled: None,
            });
        }
    }
    out
}

/// Phrases right after a citation that name its body (folded: lowercase, no accents): each
/// body's `after` phrases in [`crate::model::BODY_NAMES`].
fn body_after() -> &'static [(&'static str, Body)] {
    static AFTER: std::sync::OnceLock<Vec<(&'static str, Body)>> = std::sync::OnceLock::new();
    AFTER.get_or_init(|| {
        BODY_NAMES
            .iter()
            .flat_map(|n| n.after.iter().map(move |p| (*p, n.body)))
            .collect()
    })
}

/// Mentions of a body inside running text (folded), for the words before a citation and the item
/// a list hangs under: each body's `mentions` in [`crate::model::BODY_NAMES`].
fn body_mentions() -> &'static [(&'static str, Body)] {
    static MENTIONS: std::sync::OnceLock<Vec<(&'static str, Body)>> = std::sync::OnceLock::new();
    MENTIONS.get_or_init(|| {
        BODY_NAMES
            .iter()
            .flat_map(|n| n.mentions.iter().map(move |p| (*p, n.body)))
            .collect()
    })
}

/// The body mentioned last in a (folded) text, as a whole word: the mention that starts last.
fn last_body_mention(folded: &str) -> Option<Body> {
    // The starts of words, from the last back.
    let mut word_starts = folded.char_indices().rev().filter(|&(i, c)| {
        is_letter_or_digit(c)
            && folded[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !is_letter_or_digit(p))
    });
    word_starts.find_map(|(at, _)| body_mention_at(&folded[at..]))
}

/// The body whose mention opens the (folded) text, as a whole word.
fn body_mention_at(folded: &str) -> Option<Body> {
    let first = *folded.as_bytes().first()?;
    body_mentions().iter().find_map(|(phrase, body)| {
        // The first byte first: most words open no mention.
        if phrase.as_bytes()[0] != first {
            return None;
        }
        let after = folded.strip_prefix(phrase)?;
        after
            .chars()
            .next()
            .is_none_or(|c| !is_letter(c))
            .then_some(*body)
    })
}

/// The body whose mention ends the (folded) text, as a whole word.
fn body_mention_at_end(folded: &str) -> Option<Body> {
    body_mentions().iter().find_map(|(phrase, body)| {
        let head = folded.strip_suffix(phrase)?;
        head.chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(*body)
    })
}

/// Meetings of other bodies known by place and year, for citations that name no body (place
/// folded with [`fold`]). The conference catalogue (`history/conferences.csv`) lists the
/// Plenipotentiary Conferences only, so these stay here, in this one table: the WTDC, WTSA, WCIT
/// and WTPF meetings that PP resolutions cite (WTDC Dubaï 2014 and Buenos Aires 2017, WTSA Dubaï
/// 2012 and Hammamet 2016, WCIT Dubaï 2012, WTPF Lisbonne 2009, and their predecessors). No
/// Plenipotentiary Conference belongs here: those come from the catalogue
/// ([`Meetings`]), and a test keeps it so.
const OTHER_MEETINGS: &[(&str, i32, Body)] = &[
    ("buenos aires", 1994, Body::Wtdc),
    ("la valette", 1998, Body::Wtdc),
    ("valletta", 1998, Body::Wtdc),
    ("istanbul", 2002, Body::Wtdc),
    ("doha", 2006, Body::Wtdc),
    ("hyderabad", 2010, Body::Wtdc),
    ("dubai", 2014, Body::Wtdc),
    ("buenos aires", 2017, Body::Wtdc),
    ("kigali", 2022, Body::Wtdc),
    ("montreal", 2000, Body::Wtsa),
    ("florianopolis", 2004, Body::Wtsa),
    ("johannesburg", 2008, Body::Wtsa),
    ("johannesburgo", 2008, Body::Wtsa),
    ("dubai", 2012, Body::Wtsa),
    ("hammamet", 2016, Body::Wtsa),
    ("dubai", 2012, Body::Wcit),
    ("melbourne", 1988, Body::Wcit),
    ("lisbonne", 2009, Body::Wtpf),
    ("lisbon", 2009, Body::Wtpf),
    ("lisboa", 2009, Body::Wtpf),
];

/// The meetings that a citation's revision mark may name (`Rév. Busan, 2014`), from the
/// conference catalogue of the sources in use: every place name and alias of every conference,
/// folded with [`fold`], with its year and body. The caller passes it (the corpus reads the
/// catalogue of its sources folder); [`Meetings::default`] knows no catalogue, and then only the
/// other bodies' meetings of [`OTHER_MEETINGS`] name a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meetings {
    places: Vec<(String, i32, Body)>,
}

impl Meetings {
    /// The meetings of a catalogue's conferences.
    pub fn from_conferences(conferences: &[Conference]) -> Meetings {
        Meetings {
            places: conferences
                .iter()
                .flat_map(|c| {
                    [&c.place.fr, &c.place.en, &c.place.es]
                        .into_iter()
                        .chain(c.aliases.iter())
                        .map(move |place| (fold(place), c.year, c.body))
                })
                .collect(),
        }
    }
}

fn bodies_meeting(revision: &Revision, meetings: &Meetings) -> Vec<Body> {
    let place = fold(&revision.place);
    let mut out: Vec<Body> = Vec::new();
    let catalogue = meetings.places.iter().map(|(p, y, b)| (p.as_str(), *y, *b));
    for (p, y, body) in catalogue.chain(OTHER_MEETINGS.iter().copied()) {
        if p == place && y == revision.year && !out.contains(&body) {
            out.push(body);
        }
    }
    out
}

/// The words around a citation group, folded, and the bodies they name, each read once for the
/// group, when a number of it needs them.
struct Surroundings<'a> {
    /// The words before the group's first word.
    before: &'a str,
    /// The words after the group's last number or revision.
    after: &'a str,
    named_after: OnceCell<Option<Body>>,
    named_before: OnceCell<Option<Body>>,
}

impl<'a> Surroundings<'a> {
    fn new(before: &'a str, after: &'a str) -> Self {
        Surroundings {
            before,
            after,
            named_after: OnceCell::new(),
            named_before: OnceCell::new(),
        }
    }

    /// The body the words right after name: `de la CMDT`, `qu'il a adoptée à sa session de 2009`.
    fn named_after(&self) -> Option<Body> {
        *self.named_after.get_or_init(|| {
            let after = self.after.trim_start_matches([',', ' ']);
            let head = first_chars(after, 120);
            let near_after = first_chars(after, 60);
            if let Some((_, body)) = body_after().iter().find(|(p, _)| head.starts_with(p)) {
                return Some(*body);
            }
            (near_after.contains("a sa session de") || near_after.contains("at its session"))
                .then_some(Body::Council)
        })
    }

    /// The body the words before name: in brackets right after it (`à la CMDT-14 (Résolution
    /// 45)`), as the body that adopted it (`la CMDT-17 a adopté la Résolution 80`), or before
    /// `en particulier` (`les résolutions de l'AMNT-16, en particulier les Résolutions 50 et 52`).
    fn named_before(&self) -> Option<Body> {
        *self.named_before.get_or_init(|| {
            let before = self.before;
            let bracketed = before
                .trim_end()
                .strip_suffix('(')
                .map(|head| {
                    head.trim_end()
                        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-')
                })
                .and_then(body_mention_at_end);
            let clause_start = before.rfind([';', '.']).map_or(0, |i| i + 1);
            let from_before = if last_chars(before, 45).contains("adopt") {
                last_body_mention(before)
            } else if before[clause_start..].contains("en particulier")
                || before[clause_start..].contains("in particular")
                || before[clause_start..].contains("en particular")
            {
                last_body_mention(&before[clause_start..])
            } else {
                None
            };
            bracketed.or(from_before)
        })
    }
}

/// The first `n` characters of a text, or all of it.
fn first_chars(text: &str, n: usize) -> &str {
    if text.len() <= n {
        // No more bytes, so no more characters.
        return text;
    }
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The last `n` characters of a text, or all of it.
fn last_chars(text: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        Some(back) => text
            .char_indices()
            .rev()
            .nth(back)
            .map_or(text, |(i, _)| &text[i..]),
        None => "",
    }
}

/// Decides the body of one cited number; the second value lists the readings where it stays
/// undecided.
fn decide_body(
    kind: InstrumentKind,
    cited: &Cited,
    revision: Option<&Revision>,
    words: &Surroundings<'_>,
    context: &Context<'_>,
) -> (Body, Option<Vec<String>>) {
    if kind == InstrumentKind::Opinion {
        return (Body::Wtpf, None);
    }
    if cited.un_form || cited.session.is_some() {
        return (Body::UnGa, None);
    }
    if let Some(body) = words.named_after() {
        return (body, None);
    }
    let meeting = revision
        .map(|r| bodies_meeting(r, context.meetings))
        .unwrap_or_default();
    let from_context = words.named_before().or(context.parent_body);
    if let Some(body) = from_context {
        if !meeting.is_empty() && !meeting.contains(&body) {
            return (
                body,
                Some(vec![
                    format!("{body}: named in the surrounding words"),
                    format!(
                        "{}: the conference of its revision mark",
                        meeting
                            .iter()
                            .map(|b| b.code())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                ]),
            );
        }
        return (body, None);
    }
    match meeting.as_slice() {
        [one] => return (*one, None),
        [first, ..] => {
            return (
                *first,
                Some(
                    meeting
                        .iter()
                        .map(|b| {
                            format!(
                                "{b}: met at {} in {}",
                                revision.map(|r| r.place.as_str()).unwrap_or(""),
                                revision.map_or(0, |r| r.year)
                            )
                        })
                        .collect(),
                ),
            )
        }
        [] => {}
    }
    if kind == InstrumentKind::Resolution && cited.number >= 1000 {
        return (Body::Council, None);
    }
    match (context.host, revision) {
        (Some(host), None) => (host, None),
        (Some(host), Some(r)) => (
            host,
            Some(vec![
                format!("{host}: no body named, in a {host} text"),
                format!(
                    "another body: no conference known at {} in {}",
                    r.place, r.year
                ),
            ]),
        ),
        (None, _) => (
            Body::Pp,
            Some(vec![
                "pp: no body named".to_string(),
                "another body: the text does not say whose it is".to_string(),
            ]),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The meetings of the shipped catalogue, as the corpus passes them for `history/`.
    fn shipped() -> &'static Meetings {
        static SHIPPED: std::sync::OnceLock<Meetings> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| {
            let catalogue = crate::catalogue::Catalogue::parse(
                "history/conferences.csv",
                include_str!("../../history/conferences.csv"),
            )
            .expect("the shipped catalogue reads");
            Meetings::from_conferences(catalogue.conferences())
        })
    }

    fn bodies_meeting_shipped(revision: &Revision) -> Vec<Body> {
        bodies_meeting(revision, shipped())
    }
    use crate::model::{Change, Completeness, Language, LineSpan, Paragraph, Section};

    fn text(formula: &str, items: &[(&str, u8, &str)]) -> InstrumentText {
        InstrumentText {
            unsettled_openings: Vec::new(),
            language: Language::Fr,
            header: "RÉSOLUTION 130 (Rév. Busan, 2014)".into(),
            revision: None,
            title: "Titre".into(),
            formula: (!formula.is_empty()).then(|| formula.to_string()),
            sections: vec![Section {
                heading: "rappelant".into(),
                lines: LineSpan::new(10, 10 + items.len() as u32),
                paragraphs: items
                    .iter()
                    .enumerate()
                    .map(|(i, (label, depth, t))| Paragraph {
                        label: (!label.is_empty()).then(|| label.to_string()),
                        depth: *depth,
                        text: t.to_string(),
                        footnotes: Vec::new(),
                        lines: LineSpan::line(11 + i as u32),
                        change: Change::Unchanged,
                    })
                    .collect(),
            }],
            completeness: Completeness::Complete,
            notes: Vec::new(),
        }
    }

    const PP: &str = "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Busan, 2014),";

    fn one(t: &str) -> Vec<Citation> {
        extract(Some(&text(PP, &[("a)", 0, t)])), None, None, shipped())
    }

    fn rev(c: &Citation) -> Option<(&str, i32, bool)> {
        c.revision
            .as_ref()
            .map(|r| (r.place.as_str(), r.year, r.revised))
    }

    #[test]
    fn a_wtdc_resolution_is_known_by_the_words_after_it() {
        let found = one("la Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT sur la création");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].cited,
            InstrumentId::numbered(Body::Wtdc, InstrumentKind::Resolution, 69)
        );
        assert_eq!(rev(&found[0]), Some(("Buenos Aires", 2017, true)));
        assert_eq!(found[0].side, Side::Old);
        assert_eq!((found[0].line, found[0].label.as_deref()), (11, Some("a)")));
    }

    #[test]
    fn english_and_spanish_forms_are_read() {
        let en = one("Resolution 69 (Rev. Buenos Aires, 2017) of WTDC on CIRTs");
        assert_eq!(en[0].cited.body, Body::Wtdc);
        assert_eq!(rev(&en[0]), Some(("Buenos Aires", 2017, true)));
        let en = one("Resolution 50 (Rev. Hammamet, 2016) of the World Telecommunication Standardization Assembly");
        assert_eq!(en[0].cited.body, Body::Wtsa);
        let es = one("la Resolución 70 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios");
        assert_eq!(
            es[0].cited,
            InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, 70)
        );
        assert_eq!(rev(&es[0]), Some(("Dubái", 2018, true)));
        let es = one("las Resoluciones 45 y 69 (Rev. Dubái, 2014) de la CMDT");
        assert_eq!(es.len(), 2);
        assert!(es.iter().all(|c| c.cited.body == Body::Wtdc));
    }

    #[test]
    fn the_present_conference_is_the_plenipotentiary_conference() {
        let found = one("la Décision 5 (Rév. Busan, 2014) de la présente Conférence");
        assert_eq!(
            found[0].cited,
            InstrumentId::numbered(Body::Pp, InstrumentKind::Decision, 5)
        );
    }

    #[test]
    fn a_council_resolution_is_known_by_its_session() {
        let found = one("que, dans la Résolution 1305 qu'il a adoptée à sa session de 2009, le Conseil de l'UIT a défini");
        assert_eq!(found[0].cited.body, Body::Council);
        assert_eq!(found[0].revision, None);
        let found = one("la Résolution 1305 du Conseil (2009)");
        assert_eq!(found[0].cited.body, Body::Council);
    }

    #[test]
    fn un_general_assembly_resolutions_carry_their_session() {
        for t in [
            "la Résolution 70/125 de l'Assemblée générale des Nations Unies",
            "la Résolution A/RES/70/125 de l'Assemblée générale",
        ] {
            let found = one(t);
            assert_eq!(found.len(), 1, "{t}");
            assert_eq!(found[0].cited.body, Body::UnGa);
            assert_eq!(
                (found[0].cited.session, found[0].cited.number),
                (Some(70), Some(125))
            );
        }
    }

    #[test]
    fn a_wtpf_opinion_is_an_opinion() {
        let found = one(
            "l'Avis 4 (Lisbonne, 2009) du Forum mondial des politiques de télécommunication/TIC",
        );
        assert_eq!(
            found[0].cited,
            InstrumentId::numbered(Body::Wtpf, InstrumentKind::Opinion, 4)
        );
        assert_eq!(rev(&found[0]), Some(("Lisbonne", 2009, false)));
    }

    #[test]
    fn plural_forms_share_the_revision_that_closes_them() {
        let found = one("les Résolutions 50, 52 et 58 (Rév. Dubaï, 2012) de l'AMNT, les Résolutions 45 et 69 (Rév. Dubaï, 2014)");
        let numbers: Vec<(Body, Option<u32>, Option<i32>)> = found
            .iter()
            .map(|c| {
                (
                    c.cited.body,
                    c.cited.number,
                    c.revision.as_ref().map(|r| r.year),
                )
            })
            .collect();
        assert_eq!(
            numbers,
            [
                (Body::Wtsa, Some(50), Some(2012)),
                (Body::Wtsa, Some(52), Some(2012)),
                (Body::Wtsa, Some(58), Some(2012)),
                (Body::Wtdc, Some(45), Some(2014)),
                (Body::Wtdc, Some(69), Some(2014)),
            ]
        );
        let own = one("les Résolutions 102 (Rév. Dubaï, 2018) et 140 (Rév. Busan, 2014) de la présente Conférence");
        assert_eq!(own.len(), 2);
        assert_eq!(own[1].revision.as_ref().map(|r| r.year), Some(2014));
    }

    #[test]
    fn a_revision_that_changed_gives_an_old_and_a_new_citation() {
        let old = text(
            PP,
            &[(
                "c)",
                0,
                "les Résolutions 50 et 52 (Rév. Dubaï, 2012) de l'AMNT",
            )],
        );
        let new = text(
            PP,
            &[(
                "b)",
                0,
                "les Résolutions 50 et 52 (Rév. Hammamet, 2016) de l'AMNT",
            )],
        );
        let found = extract(Some(&old), Some(&new), None, shipped());
        assert_eq!(found.len(), 4);
        assert_eq!(found.iter().filter(|c| c.side == Side::Old).count(), 2);
        let new_50 = found
            .iter()
            .find(|c| c.side == Side::New && c.cited.number == Some(50))
            .expect("new citation of 50");
        assert_eq!(new_50.label.as_deref(), Some("b)"));
        assert_eq!(rev(new_50), Some(("Hammamet", 2016, true)));
    }

    #[test]
    fn an_unchanged_citation_is_given_once_for_both_sides() {
        let t = text(
            PP,
            &[(
                "g)",
                0,
                "la Résolution 181 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires;",
            )],
        );
        let found = extract(Some(&t), Some(&t), None, shipped());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].side, Side::Both);
        assert_eq!(found[0].cited.body, Body::Pp);
    }

    #[test]
    fn the_item_a_list_hangs_under_names_the_body() {
        let t = text(
            PP,
            &[
                (
                    "i)",
                    0,
                    "les résultats pertinents de l'AMNT-12, et en particulier:",
                ),
                (
                    "i)",
                    1,
                    "la Résolution 50 (Rév. Hammamet, 2016) sur la cybersécurité;",
                ),
                (
                    "ii)",
                    1,
                    "la Résolution 52 (Rév. Dubaï, 2012) intitulée \"Lutter contre le spam\",",
                ),
                ("j)", 0, "la Résolution 140;"),
            ],
        );
        let found = extract(Some(&t), None, None, shipped());
        let bodies: Vec<Body> = found.iter().map(|c| c.cited.body).collect();
        assert_eq!(bodies, [Body::Wtsa, Body::Wtsa, Body::Pp]);
        assert!(extract_all(Some(&t), None, None, shipped())
            .uncertain
            .is_empty());
    }

    #[test]
    fn the_words_before_name_the_body_that_adopted_it() {
        let found =
            one("que la CMDT-17 a adopté la Résolution 80 (Rév. Buenos Aires, 2017) intitulée");
        assert_eq!(found[0].cited.body, Body::Wtdc);
        let found = one("l'Assemblée mondiale de normalisation des télécommunications (AMNT) a adopté la Résolution 58 (Rév. Hammamet, 2016), dans laquelle");
        assert_eq!(found[0].cited.body, Body::Wtsa);
        let found = one("de fournir toute l'assistance décidée à la CMDT-14 (Résolution 45) et");
        assert_eq!(found[0].cited.body, Body::Wtdc);
    }

    #[test]
    fn with_no_body_named_the_revision_names_the_conference() {
        let found = one("en tenant compte de la Résolution 45 (Rév. Dubaï, 2014), afin");
        assert_eq!(found[0].cited.body, Body::Wtdc);
        let found = one("compte tenu de la Résolution 140 (Rév. Busan, 2014),;");
        assert_eq!(found[0].cited.body, Body::Pp);
    }

    #[test]
    fn with_no_body_named_in_a_pp_text_the_citation_is_of_the_pp() {
        let report = extract_all(
            Some(&text(PP, &[("", 0, "conformément à la Résolution 140;")])),
            None,
            None,
            shipped(),
        );
        assert_eq!(report.citations[0].cited.body, Body::Pp);
        assert!(report.uncertain.is_empty());
    }

    #[test]
    fn an_undecidable_body_is_reported_with_its_readings() {
        let report = extract_all(
            Some(&text(
                PP,
                &[(
                    "8",
                    0,
                    "conformément à la Résolution 58 (Rév. Dubaï, 2012);",
                )],
            )),
            None,
            None,
            shipped(),
        );
        assert_eq!(report.citations.len(), 1);
        let u = &report.uncertain[0];
        assert_eq!(
            (u.what.as_str(), u.line, u.label.as_deref()),
            ("citation-body", 11, Some("8"))
        );
        assert_eq!(u.readings.len(), 2);
        // A text that does not say whose it is: the body of a bare citation is undecided.
        let report = extract_all(
            Some(&text("", &[("", 0, "conformément à la Résolution 140;")])),
            None,
            None,
            shipped(),
        );
        assert_eq!(report.uncertain.len(), 1);
    }

    #[test]
    fn things_that_are_not_numbered_instruments_are_not_citations() {
        for t in [
            "avec la Recommandation UIT-T D.262 et le Rapport technique",
            "au titre de la Question 3/2 de l'UITD",
            "les résolutions de l'AMNT-16, en particulier",
            "la présente résolution,",
        ] {
            assert!(one(t).is_empty(), "{t}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn extracting_never_panics_on_citation_like_text(
            t in "[A-Za-zéÉ0-9 ,;.:()/'\\-]{0,40}(Résolutions?|Décision|Avis|Resolución|A/RES/)[ 0-9,/()a-zRévDubaï'-]{0,40}[ a-zéA-Z'(),;:.-]{0,60}",
            depth in 0u8..3,
        ) {
            let old = text(PP, &[("a)", 0, "les résultats de l'AMNT-12, en particulier:"), ("i)", depth, &t)]);
            let new = text("", &[("", depth, &t)]);
            let _ = extract_all(Some(&old), Some(&new), None, shipped());
            let _ = extract_all(None, Some(&old), None, shipped());
        }
    }

    /// The routines that the fast ones replaced, kept as their reference for the proptests
    /// below. When what they read is meant to change, change both, or drop the reference.
    mod reference {
        use super::super::*;

        /// Every word that opens with a letter [`kind_of`] accepts, measured one by one.
        pub fn keyword_candidates(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
            let bytes = text.as_bytes();
            let mut at = 0;
            std::iter::from_fn(move || {
                while at < bytes.len() {
                    let i = at;
                    at += 1;
                    if !matches!(
                        bytes[i],
                        b'r' | b'R' | b'd' | b'D' | b'a' | b'A' | b'o' | b'O'
                    ) {
                        continue;
                    }
                    let starts_word = text[..i]
                        .chars()
                        .next_back()
                        .is_none_or(|p| !p.is_alphabetic());
                    if !starts_word {
                        continue;
                    }
                    let end = text[i..]
                        .char_indices()
                        .find(|(_, c)| !c.is_alphabetic())
                        .map_or(text.len(), |(j, _)| i + j);
                    at = end;
                    return Some((i, end));
                }
                None
            })
        }

        /// The body mentioned last, every word start collected first.
        pub fn last_body_mention(folded: &str) -> Option<Body> {
            let mut starts: Vec<usize> = folded
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_alphanumeric()
                        && folded[..i]
                            .chars()
                            .next_back()
                            .is_none_or(|p| !p.is_alphanumeric())
                })
                .map(|(i, _)| i)
                .collect();
            starts.reverse();
            starts.into_iter().find_map(|at| {
                let rest = &folded[at..];
                body_mentions().iter().find_map(|(phrase, body)| {
                    let after = rest.strip_prefix(phrase)?;
                    after
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphabetic())
                        .then_some(*body)
                })
            })
        }

        /// The body named right after a citation, as `decide_body` read it for each number.
        pub fn named_after(after: &str) -> Option<Body> {
            let after = after.trim_start_matches([',', ' ']);
            let head: String = after.chars().take(120).collect();
            let near_after: String = after.chars().take(60).collect();
            if let Some((_, body)) = body_after().iter().find(|(p, _)| head.starts_with(p)) {
                return Some(*body);
            }
            if near_after.contains("a sa session de") || near_after.contains("at its session") {
                return Some(Body::Council);
            }
            None
        }

        /// The body named before a citation, as `decide_body` read it for each number.
        pub fn named_before(before: &str) -> Option<Body> {
            let bracketed = before
                .trim_end()
                .strip_suffix('(')
                .map(|head| {
                    head.trim_end()
                        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-')
                })
                .and_then(body_mention_at_end);
            let clause_start = before.rfind([';', '.']).map_or(0, |i| i + 1);
            let tail: String = before
                .chars()
                .rev()
                .take(45)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let from_before = if tail.contains("adopt") {
                last_body_mention(before)
            } else if before[clause_start..].contains("en particulier")
                || before[clause_start..].contains("in particular")
                || before[clause_start..].contains("en particular")
            {
                last_body_mention(&before[clause_start..])
            } else {
                None
            };
            bracketed.or(from_before)
        }
    }

    /// The words that open a citation group (a kind, then a number), as a list.
    fn openings_that_cite(
        text: &str,
        words: impl Iterator<Item = Range<usize>>,
    ) -> Vec<Range<usize>> {
        let mut folded = String::new();
        words
            .filter(|word| {
                kind_of(&text[word.clone()], &mut folded).is_some()
                    && read_designation(text, skip_spaces(text, word.end)).is_some()
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn the_words_read_back_from_numbers_are_the_words_that_open_citations(
            text in "((Résolutions?|RÉSOLUTION|Resolución|Décision|decisions|Avis|Opinion|Recommandation|de|la|dé|x)( |  |\\t|\u{a0}|)(A/RES/|A|)([0-9]{1,3}(/[0-9]{1,3})?)?(, | et |\\(|\\)|\\.|/|-|é| )?){0,8}",
        ) {
            let by_word = openings_that_cite(
                &text,
                reference::keyword_candidates(&text).map(|(start, end)| start..end),
            );
            proptest::prop_assert_eq!(by_word, openings_that_cite(&text, citation_openings(&text)));
        }

        #[test]
        fn the_last_body_mention_is_found_as_the_reference_finds_it(
            folded in "(cmdt|amnt|le conseil|the council|assemblee generale|general assembly|conference de plenipotentiaires|amr|cmr|wtdc|x|a|e|1|-| |'|,|é){0,16}",
        ) {
            proptest::prop_assert_eq!(
                last_body_mention(&folded),
                reference::last_body_mention(&folded)
            );
        }

        #[test]
        fn the_bodies_named_around_are_read_as_the_reference_reads_them(
            before in "(la cmdt-17 a adopte |les resolutions de l'amnt-16, en particulier |la cmr \\(|conformement a |du conseil |; |\\. |\\(|cmdt-14 |wtsa |adopted by |é|x ){0,6}",
            after in "(, |de la cmdt|de la presente conference|du conseil|qu'il a adoptee a sa session de 2009|of the general assembly|sur |é|x ){0,4}",
        ) {
            let words = Surroundings::new(&before, &after);
            proptest::prop_assert_eq!(words.named_after(), reference::named_after(&after));
            proptest::prop_assert_eq!(words.named_before(), reference::named_before(&before));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn the_key_of_a_stretch_is_the_fold_of_that_stretch(
            text in "[a-zA-Z0-9 ,;.()'\t\u{a0}\u{2019}\u{2018}\u{2bc}\u{301}\u{130}\u{212a}éÉóñÜœß\u{1e9e}-]{0,40}",
            cuts in proptest::collection::vec(0usize..64, 2),
        ) {
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let keyed = KeyedText::new(&text);
            proptest::prop_assert_eq!(keyed.key_of(0..text.len()), lang::key(&text));
            let (a, b) = (
                boundaries[cuts[0] % boundaries.len()],
                boundaries[cuts[1] % boundaries.len()],
            );
            let range = a.min(b)..a.max(b);
            proptest::prop_assert_eq!(keyed.key_of(range.clone()), lang::key(&text[range]));
        }
    }

    #[test]
    fn the_key_of_every_stretch_of_a_paragraph_is_its_fold() {
        let text =
            "  considérant\u{a0}que la  Résolution 130 (Rév. Busan,\t2014) de l’UIT\u{301} ;\n ";
        let keyed = KeyedText::new(text);
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &a in &boundaries {
            for &b in boundaries.iter().filter(|&&b| b >= a) {
                assert_eq!(keyed.key_of(a..b), lang::key(&text[a..b]), "{a}..{b}");
            }
        }
    }

    #[test]
    fn citations_in_footnotes_are_found() {
        let mut t = text(PP, &[("a)", 0, "pays en développement[^1];")]);
        t.sections[0].paragraphs[0]
            .footnotes
            .push(crate::model::Footnote {
                mark: "1".into(),
                text: "Voir la Résolution 11 (Rév. Busan, 2014) de la présente Conférence.".into(),
            });
        let found = extract(Some(&t), None, None, shipped());
        assert_eq!(found[0].cited.number, Some(11));
    }

    #[test]
    fn plenipotentiary_conferences_come_from_the_catalogue_and_only_other_bodies_from_the_table() {
        assert!(OTHER_MEETINGS.iter().all(|(_, _, body)| *body != Body::Pp));
        let revision = |place: &str, year| Revision {
            place: place.into(),
            year,
            revised: true,
        };
        // Spanish and English place names of the catalogue, which no table in code spelled.
        assert_eq!(
            bodies_meeting_shipped(&revision("Busán", 2014)),
            vec![Body::Pp]
        );
        assert_eq!(
            bodies_meeting_shipped(&revision("Bucharest", 2022)),
            vec![Body::Pp]
        );
        assert_eq!(
            bodies_meeting_shipped(&revision("Dubaï", 2018)),
            vec![Body::Pp]
        );
        // The other bodies' meetings, in the order of the table.
        assert_eq!(
            bodies_meeting_shipped(&revision("Dubaï", 2014)),
            vec![Body::Wtdc]
        );
        assert_eq!(
            bodies_meeting_shipped(&revision("Dubaï", 2012)),
            vec![Body::Wtsa, Body::Wcit]
        );
        assert_eq!(
            bodies_meeting_shipped(&revision("Lisbonne", 2009)),
            vec![Body::Wtpf]
        );
        assert!(bodies_meeting_shipped(&revision("Genève", 2014)).is_empty());
        // The catalogue is the caller's: without one, no Plenipotentiary Conference is known;
        // with another, its own meetings are.
        assert!(bodies_meeting(&revision("Busan", 2014), &Meetings::default()).is_empty());
        let mut elsewhere = shipped().clone();
        elsewhere.places.push(("atlantide".into(), 2030, Body::Pp));
        assert_eq!(
            bodies_meeting(&revision("Atlantide", 2030), &elsewhere),
            vec![Body::Pp]
        );
    }
}
