//! The patterns that pull apart deleted and inserted text run together inside one line of a
//! flattened redline: revision marks and conference formulas, year ranges, conference years,
//! numbers after `Annexe`/`Objectif`, doubled end punctuation, and words run together.
//!
//! Deleted text comes before inserted text as a rule. Each pattern says when the rule, rather than
//! the data, decided, and everything it could not settle is returned as a [`Finding`].

use crate::model::Revision;
use crate::model::UncertaintyKind;
use crate::text::{is_lowercase, is_uppercase};

use super::lexicon::{adjacent, has_capitals, lowercase_into, words, Lexicon};

/// A stretch of a line: in both texts, deleted (old only) or inserted (new only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Common(String),
    Old(String),
    New(String),
}

/// Something a pattern could not settle in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// `revision-mark`, `run-together-words`, `number-pair`, `year-range`, `conference-year`.
    pub what: UncertaintyKind,
    /// The text concerned, as written.
    pub excerpt: String,
    /// The readings the data allows, the one taken first.
    pub readings: Vec<String>,
}

/// One line pulled apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitText {
    pub old: String,
    pub new: String,
    pub pieces: Vec<Piece>,
    pub findings: Vec<Finding>,
    /// Whether the unmistakable patterns alone found deleted and inserted text (see
    /// [`evident_sides`]).
    pub evident: (bool, bool),
}

impl SplitText {
    /// Whether any pattern found deleted or inserted text.
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// Pulls one line of a flattened redline apart into its old and its new text.
pub fn split_text(text: &str, lexicon: &Lexicon) -> SplitText {
    let mut findings = Vec::new();
    let mut pieces = evident_pieces(text, &mut findings);
    let evident = sides_of(&pieces);
    apply(&mut pieces, &mut findings, numbers_after_keywords);
    apply(&mut pieces, &mut findings, |s, f| {
        run_together_words(s, lexicon, f)
    });
    let (old, new) = match pieces.as_slice() {
        // Most lines: nothing found, both texts are the line.
        [Piece::Common(line)] => {
            let tidied = tidy(line);
            (tidied.clone(), tidied)
        }
        _ => {
            let mut old = String::with_capacity(text.len());
            let mut new = String::with_capacity(text.len());
            for piece in &pieces {
                match piece {
                    Piece::Common(s) => {
                        old.push_str(s);
                        new.push_str(s);
                    }
                    Piece::Old(s) => old.push_str(s),
                    Piece::New(s) => new.push_str(s),
                }
            }
            (tidy(&old), tidy(&new))
        }
    };
    SplitText {
        old,
        new,
        pieces,
        findings,
        evident,
    }
}

/// The line pulled apart by the patterns that cannot be mistaken (see [`evident_sides`]).
fn evident_pieces(text: &str, findings: &mut Vec<Finding>) -> Vec<Piece> {
    let mut pieces = vec![Piece::Common(text.to_string())];
    apply(&mut pieces, findings, revision_marks);
    apply(&mut pieces, findings, year_ranges);
    apply(&mut pieces, findings, conference_years);
    apply_last(&mut pieces);
    pieces
}

/// Whether the pieces hold deleted and inserted text.
fn sides_of(pieces: &[Piece]) -> (bool, bool) {
    let old = pieces
        .iter()
        .any(|p| matches!(p, Piece::Old(t) if !t.trim().is_empty()));
    let new = pieces
        .iter()
        .any(|p| matches!(p, Piece::New(t) if !t.trim().is_empty()));
    (old, new)
}

/// Whether the line holds deleted text and inserted text by the patterns that cannot be mistaken
/// (revision marks, year ranges, conference years, doubled end punctuation): a paragraph with
/// deleted text inside was in the old text, one with inserted text inside is in the new text.
pub fn evident_sides(text: &str) -> (bool, bool) {
    sides_of(&evident_pieces(text, &mut Vec::new()))
}

/// Joins runs of white space (no-break spaces included) into one space and trims the ends; the
/// words and the punctuation stay as written.
pub fn tidy(text: &str) -> String {
    if is_tidy(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether [`tidy`] would leave the text as it is: no white space but single spaces between
/// words. Most lines are. The tests run over the bytes without stopping early, which the
/// compiler turns into wide comparisons; only a line with a byte that may start a white space
/// other than ASCII (the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000, and of
/// `«`, `»`, `’` too) is decoded.
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    if text.starts_with(' ') || text.ends_with(' ') || text.contains("  ") {
        return false;
    }
    let control = bytes
        .iter()
        .fold(false, |found, &b| found | (b'\t'..=b'\r').contains(&b));
    let lead = bytes
        .iter()
        .fold(false, |found, &b| found | matches!(b, 0xc2 | 0xe1..=0xe3));
    if control {
        return false;
    }
    !lead || !text.chars().any(|c| !c.is_ascii() && c.is_whitespace())
}

/// Runs a pattern over each common piece. A pattern returns `None` where it finds nothing, which
/// leaves the piece as it is: most lines go through every pattern untouched, and copy nothing.
fn apply(
    pieces: &mut Vec<Piece>,
    findings: &mut Vec<Finding>,
    mut pattern: impl FnMut(&str, &mut Vec<Finding>) -> Option<Vec<Piece>>,
) {
    let mut found: Vec<(usize, Vec<Piece>)> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        if let Piece::Common(s) = piece {
            if let Some(parts) = pattern(s, findings) {
                found.push((index, parts));
            }
        }
    }
    // Spliced in from the last so that the indices before stay valid.
    for (index, parts) in found.into_iter().rev() {
        pieces.splice(index..=index, parts);
    }
}

/// Doubled punctuation at the very end of a line (`;,`): the first mark deleted, the second
/// inserted (a list item that became, or stopped being, the last of its list).
fn apply_last(pieces: &mut Vec<Piece>) {
    let Some(Piece::Common(last)) = pieces.last() else {
        return;
    };
    let trimmed = last.trim_end();
    let mut chars = trimmed.chars().rev();
    let (Some(second), Some(first)) = (chars.next(), chars.next()) else {
        return;
    };
    let marks = [';', ',', '.', ':'];
    if !marks.contains(&first) || !marks.contains(&second) || first == second {
        return;
    }
    let head = &trimmed[..trimmed.len() - first.len_utf8() - second.len_utf8()];
    if first == '.' && head.ends_with("etc") {
        return;
    }
    let head = head.to_string();
    pieces.pop();
    pieces.push(Piece::Common(head));
    pieces.push(Piece::Old(first.to_string()));
    pieces.push(Piece::New(second.to_string()));
}

/// One `[Rév. ]Place, Year` group inside brackets, by byte offsets in the bracket's content.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RevisionGroup {
    start: usize,
    place_start: usize,
    end: usize,
    revised: bool,
    place: String,
    year: i32,
}

fn is_revision_word(word: &str) -> bool {
    matches!(crate::text::fold(word).as_str(), "rev" | "rév")
}

/// Reads `Rév. Antalya, 2006DUBAÏ, 2018` into its groups; `None` unless the whole content is
/// made of groups.
fn revision_groups(content: &str) -> Option<Vec<RevisionGroup>> {
    let mut groups = Vec::new();
    let mut pos = 0;
    let len = content.len();
    loop {
        pos += content[pos..].len() - content[pos..].trim_start().len();
        if pos >= len {
            break;
        }
        let start = pos;
        let mut revised = false;
        // `Rév.` / `Rev.` / `REV.`
        let word_end = content[pos..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(len, |(i, _)| pos + i);
        if content[word_end..].starts_with('.') && is_revision_word(&content[pos..word_end]) {
            revised = true;
            pos = word_end + 1;
            pos += content[pos..].len() - content[pos..].trim_start().len();
        }
        let place_start = pos;
        let comma = pos + content[pos..].find(',')?;
        let place = content[pos..comma].trim();
        if place.is_empty()
            || !place.chars().any(char::is_alphabetic)
            || !place.chars().all(|c| {
                c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.')
            })
        {
            return None;
        }
        pos = comma + 1;
        pos += content[pos..].len() - content[pos..].trim_start().len();
        let digits: String = content[pos..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if digits.len() != 4 {
            return None;
        }
        let year: i32 = digits.parse().ok()?;
        pos += 4;
        groups.push(RevisionGroup {
            start,
            place_start,
            end: pos,
            revised,
            place: place.to_string(),
            year,
        });
    }
    if groups.is_empty() {
        None
    } else {
        Some(groups)
    }
}

/// Reads a revision mark as written inside its brackets: `Rév. Busan, 2014` (revised there) or
/// `Dubaï, 2018` (adopted new there). Nothing else may stand inside.
pub fn parse_revision(content: &str) -> Option<Revision> {
    let groups = revision_groups(content)?;
    match groups.as_slice() {
        [g] => Some(Revision {
            place: g.place.clone(),
            year: g.year,
            revised: g.revised,
        }),
        _ => None,
    }
}

/// The revision mark of a header: the last bracket of the line, read with [`parse_revision`].
pub fn header_revision(header: &str) -> Option<Revision> {
    let open = header.rfind('(')?;
    let close = open + header[open..].find(')')?;
    parse_revision(&header[open + 1..close])
}

/// `(Rév. Antalya, 2006DUBAÏ, 2018)` into `(Rév. Antalya, 2006)` and `(Rév. DUBAÏ, 2018)`.
fn revision_marks(s: &str, findings: &mut Vec<Finding>) -> Option<Vec<Piece>> {
    if !s.contains('(') {
        return None;
    }
    let mut out = Vec::new();
    let mut done = 0;
    let mut search = 0;
    while let Some(rel) = s[search..].find('(') {
        let open = search + rel;
        let Some(close_rel) = s[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        let content = &s[open + 1..close];
        search = open + 1;
        // Two groups at least take two commas: most brackets (`(UIT-D)`, `(Rév. Dubaï, 2018)`)
        // are passed over without being read.
        if content.contains('(') || content.bytes().filter(|&b| b == b',').count() < 2 {
            continue;
        }
        let Some(groups) = revision_groups(content) else {
            continue;
        };
        if groups.len() < 2 {
            continue;
        }
        if groups.len() > 2 {
            findings.push(Finding {
                what: UncertaintyKind::RevisionMark,
                excerpt: s[open..=close].to_string(),
                readings: vec!["more than two revision marks run together; left as written".into()],
            });
            continue;
        }
        let (first, second) = (&groups[0], &groups[1]);
        let old_inner = content[first.start..first.end].trim().to_string();
        let second_text = content[second.start..second.end].trim();
        let new_inner = if second.revised {
            second_text.to_string()
        } else {
            format!(
                "{}{}",
                &content[first.start..first.place_start],
                second_text
            )
        };
        if first.year > second.year {
            findings.push(Finding {
                what: UncertaintyKind::RevisionMark,
                excerpt: s[open..=close].to_string(),
                readings: vec![
                    format!("old ({old_inner}), new ({new_inner}) (deleted first)"),
                    format!(
                        "old ({second_text}), new ({})",
                        &content[first.start..first.end]
                    ),
                ],
            });
        }
        out.push(Piece::Common(s[done..=open].to_string()));
        out.push(Piece::Old(old_inner));
        out.push(Piece::New(new_inner));
        done = close;
        search = close;
    }
    if out.is_empty() {
        return None;
    }
    out.push(Piece::Common(s[done..].to_string()));
    Some(out)
}

fn digit_run(bytes: &[u8], at: usize, n: usize) -> bool {
    at + n <= bytes.len() && bytes[at..at + n].iter().all(u8::is_ascii_digit)
}

fn digit_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(u8::is_ascii_digit)
}

/// `2016-20192020-2023` and `2016-2019 2020-2023` into the old and the new range.
fn year_ranges(s: &str, findings: &mut Vec<Finding>) -> Option<Vec<Piece>> {
    if !s.contains('-') {
        return None;
    }
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut done = 0;
    let mut i = 0;
    while i + 18 <= bytes.len() {
        // A range starts four bytes before a dash: straight to the next dash.
        let Some(to_dash) = bytes[i + 4..].iter().position(|&b| b == b'-') else {
            break;
        };
        i += to_dash;
        if i + 18 > bytes.len() {
            break;
        }
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        if boundary && digit_run(bytes, i, 4) && bytes[i + 4] == b'-' && digit_run(bytes, i + 5, 4)
        {
            let second = if bytes[i + 9] == b' ' { i + 10 } else { i + 9 };
            if digit_run(bytes, second, 4)
                && bytes.get(second + 4) == Some(&b'-')
                && digit_run(bytes, second + 5, 4)
                && !digit_at(bytes, second + 9)
            {
                let old = &s[i..i + 9];
                let new = &s[second..second + 9];
                if old[..4] > new[..4] {
                    findings.push(Finding {
                        what: UncertaintyKind::YearRange,
                        excerpt: s[i..second + 9].to_string(),
                        readings: vec![
                            format!("old {old}, new {new} (deleted first)"),
                            format!("old {new}, new {old}"),
                        ],
                    });
                }
                out.push(Piece::Common(s[done..i].to_string()));
                out.push(Piece::Old(old.to_string()));
                out.push(Piece::New(new.to_string()));
                done = second + 9;
                i = done;
                continue;
            }
        }
        i += 1;
    }
    if out.is_empty() {
        return None;
    }
    out.push(Piece::Common(s[done..].to_string()));
    Some(out)
}

/// Abbreviations of conferences written with a two-digit year (`CMDT-14`).
pub(crate) const CONFERENCE_ABBREVIATIONS: [&str; 12] = [
    "CMDT", "AMNT", "CMR", "AMR", "CMTI", "WTDC", "WTSA", "WRC", "RA", "WCIT", "PP", "CMSI",
];

/// `CMDT-1417` into `CMDT-14` and `CMDT-17`; a four-digit year (`CMDT-2017`) is left alone.
fn conference_years(s: &str, findings: &mut Vec<Finding>) -> Option<Vec<Piece>> {
    if !s.contains('-') {
        return None;
    }
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut done = 0;
    for (dash, _) in s.match_indices('-') {
        if dash < done {
            continue;
        }
        let word_start = s[..dash]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_uppercase())
            .last()
            .map(|(i, _)| i);
        let Some(word_start) = word_start else {
            continue;
        };
        if word_start > 0
            && s[..word_start]
                .chars()
                .last()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        if !CONFERENCE_ABBREVIATIONS.contains(&&s[word_start..dash]) {
            continue;
        }
        let at = dash + 1;
        if !digit_run(bytes, at, 4) || digit_at(bytes, at + 4) {
            continue;
        }
        let digits = &s[at..at + 4];
        let as_year: u32 = digits.parse().unwrap_or(0);
        let (first, second) = (&digits[..2], &digits[2..]);
        if (1865..=2100).contains(&as_year) && first >= second {
            continue;
        }
        if first >= second || (1865..=2100).contains(&as_year) {
            findings.push(Finding {
                what: UncertaintyKind::ConferenceYear,
                excerpt: s[word_start..at + 4].to_string(),
                readings: vec![
                    format!(
                        "old {}-{first}, new {}-{second} (deleted first)",
                        &s[word_start..dash],
                        &s[word_start..dash]
                    ),
                    format!("one year as written: {}", &s[word_start..at + 4]),
                ],
            });
        }
        out.push(Piece::Common(s[done..at].to_string()));
        out.push(Piece::Old(first.to_string()));
        out.push(Piece::New(second.to_string()));
        done = at + 4;
    }
    if out.is_empty() {
        return None;
    }
    out.push(Piece::Common(s[done..].to_string()));
    Some(out)
}

/// Words after which a single number follows (`Annexe 2`, `Objectif 3`).
const NUMBERED_THINGS: [&str; 9] = [
    "Annexe",
    "Annex",
    "Anexo",
    "Objectif",
    "Objective",
    "Objetivo",
    "Appendice",
    "Appendix",
    "Apéndice",
];

/// `Annexe 2 1` (settled) and `Objectif 32` (two digits where one is expected: split, and said)
/// into the old and the new number.
fn numbers_after_keywords(s: &str, findings: &mut Vec<Finding>) -> Option<Vec<Piece>> {
    // Every keyword begins with `A` or `O` and is followed by a digit: a line with neither is
    // not searched for the keywords.
    let bytes = s.as_bytes();
    if !bytes.iter().any(|&b| b == b'A' || b == b'O')
        || !bytes.iter().any(u8::is_ascii_digit)
        || !NUMBERED_THINGS.iter().any(|k| s.contains(k))
    {
        return None;
    }
    let mut out = Vec::new();
    let mut done = 0;
    for (start, word) in words(s) {
        if start < done || !NUMBERED_THINGS.contains(&word) {
            continue;
        }
        let after = start + word.len();
        if bytes.get(after) != Some(&b' ') {
            continue;
        }
        let at = after + 1;
        if !digit_at(bytes, at) {
            continue;
        }
        let ends_number = |i: usize| {
            !(digit_at(bytes, i) || bytes.get(i) == Some(&b'.') && digit_at(bytes, i + 1))
        };
        // `2 1`: two single digits apart.
        if bytes.get(at + 1) == Some(&b' ')
            && digit_at(bytes, at + 2)
            && ends_number(at + 3)
            && bytes[at] != bytes[at + 2]
        {
            out.push(Piece::Common(s[done..at].to_string()));
            out.push(Piece::Old(s[at..at + 1].to_string()));
            out.push(Piece::New(s[at + 2..at + 3].to_string()));
            done = at + 3;
            continue;
        }
        // `32`: two digits together.
        if digit_at(bytes, at + 1)
            && ends_number(at + 2)
            && bytes[at] != b'0'
            && bytes[at + 1] != b'0'
            && bytes[at] != bytes[at + 1]
        {
            let (old, new) = (&s[at..at + 1], &s[at + 1..at + 2]);
            findings.push(Finding {
                what: UncertaintyKind::NumberPair,
                excerpt: s[start..at + 2].to_string(),
                readings: vec![
                    format!("old {word} {old}, new {word} {new} (deleted first)"),
                    format!("{word} {} as written", &s[at..at + 2]),
                ],
            });
            out.push(Piece::Common(s[done..at].to_string()));
            out.push(Piece::Old(old.to_string()));
            out.push(Piece::New(new.to_string()));
            done = at + 2;
        }
    }
    if out.is_empty() {
        return None;
    }
    out.push(Piece::Common(s[done..].to_string()));
    Some(out)
}

/// Beginnings of words that make one word with what follows once a non-breaking hyphen is lost
/// (`sousnationales`, `quasitotalité`, `cidessus`): not split, but reported.
const COMPOUND_PREFIXES: [&str; 22] = [
    "sous", "quasi", "ci", "socio", "extra", "inter", "multi", "anti", "non", "auto", "co", "post",
    "pré", "ré", "sur", "télé", "contre", "cyber", "demi", "semi", "après", "avant",
];

/// Real words made of two words (`lorsque` is `lors` + `que`): never split.
const WHOLE_WORDS: &[&str] = &[
    // French
    "lorsque",
    "lorsqu",
    "puisque",
    "puisqu",
    "quelque",
    "quelqu",
    "quelques",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "auxquels",
    "auxquelles",
    "duquel",
    "desquels",
    "desquelles",
    "partout",
    "pourquoi",
    "pourtant",
    "autant",
    "surtout",
    "toutefois",
    "cependant",
    "longtemps",
    "quelconque",
    "dessus",
    "dessous",
    "entreprise",
    "entreprises",
    "depuis",
    "enfin",
    "audit",
    "auprès",
    "envers",
    "cela",
    "celui",
    "ceci",
    "parfois",
    "bientôt",
    "malgré",
    "sinon",
    "pourvu",
    "quoique",
    "parmi",
    "autrefois",
    "davantage",
    "ensemble",
    "lesdits",
    "lesdites",
    "desdits",
    "ledit",
    "ladite",
    "quelquefois",
    "aussitôt",
    "plutôt",
    "notamment",
    "partenaires",
    "partenariat",
    "partenariats",
    // English
    "without",
    "within",
    "another",
    "therefore",
    "however",
    "whereas",
    "cannot",
    "thereof",
    "wherein",
    "herein",
    "hereby",
    "himself",
    "itself",
    "nevertheless",
    "notwithstanding",
    "throughout",
    "together",
    "whatever",
    "whenever",
    "wherever",
    "moreover",
    "furthermore",
    "meanwhile",
    "otherwise",
    "somewhat",
    "anyone",
    "someone",
    "everyone",
    "into",
    "upon",
    // Spanish
    "aunque",
    "porque",
    "mediante",
    "conforme",
    "cualquier",
    "cualesquiera",
    "adonde",
    "sinfín",
    "asimismo",
    "también",
    "tampoco",
    "además",
];

/// Where a word run together from two words may be cut: both halves known on their own, one of
/// them at least four letters long, and each reading supported by a pair of words found elsewhere
/// (`ainsi que` for the old reading of `ainsiet que`, `et que` for the new).
fn cuts(
    word: &str,
    lowered: &str,
    prev: Option<&str>,
    next: Option<&str>,
    lexicon: &Lexicon,
) -> Vec<usize> {
    // Its halves are looked up in the word lowercased once (`lowered`), where lowercasing keeps
    // every byte offset, as it does for the Latin letters of the documents.
    let same_offsets = word.is_ascii()
        || lowered.len() == word.len()
            && word
                .char_indices()
                .zip(lowered.char_indices())
                .all(|((a, _), (b, _))| a == b);
    let knows = |from: usize, to: usize| {
        if same_offsets {
            lexicon.knows_lowercase(&lowered[from..to])
        } else {
            lexicon.knows(&word[from..to])
        }
    };
    let supported = |half: &str| {
        prev.is_some_and(|p| lexicon.pair_count(p, half) > 0)
            || next.is_some_and(|n| lexicon.pair_count(half, n) > 0)
    };
    let char_count = word.chars().count();
    let mut out = Vec::new();
    // Cut before the third character up to before the last, by character: `index` characters
    // on the left, the rest on the right.
    for (index, (at, _)) in word
        .char_indices()
        .enumerate()
        .take(char_count.saturating_sub(1))
        .skip(2)
    {
        let (left, right) = word.split_at(at);
        let longest = index.max(char_count - index);
        if longest >= 4
            && knows(0, at)
            && knows(at, word.len())
            && supported(left)
            && supported(right)
        {
            out.push(at);
        }
    }
    out
}

/// How often each of two words must occur for the corpus never reading them side by side to
/// count as evidence that no one wrote them so.
const MEANINGFUL_ABSENCE: u32 = 5;

/// A long stretch of text shown by its first and last words (`afin de collaborer dans … Forum
/// FIRST`), for a reading.
fn clip(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        return words.join(" ");
    }
    format!(
        "{} … {}",
        words[..4].join(" "),
        words[words.len() - 2..].join(" ")
    )
}

/// `ainsiet` into `ainsi` (deleted) and `et` (inserted), where both are words found on their own,
/// each reading is supported by the words around it, and the whole is not a word found elsewhere;
/// `DubaïBuenos` (a capital inside a word) where both halves are known.
fn run_together_words(
    s: &str,
    lexicon: &Lexicon,
    findings: &mut Vec<Finding>,
) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut done = 0;
    // The lower case of the word looked at, in one buffer for the line.
    let mut lowered = String::new();
    // Sized for short words up front: collecting from an iterator of unknown length regrew it
    // several times for every line.
    let mut all: Vec<(usize, &str)> = Vec::with_capacity(s.len() / 4 + 1);
    all.extend(words(s));
    for (index, &(start, word)) in all.iter().enumerate() {
        if start < done || word.len() < 4 {
            continue;
        }
        let first = word.chars().next().expect("a word has a letter");
        let has_inner_capital = has_capitals(&word[first.len_utf8()..]);
        // Most words stop here: a word found elsewhere in the corpus is taken as written.
        if !has_inner_capital
            && (word.len() < 5 || lexicon.count_with_capitals(word, is_uppercase(first)) > 1)
        {
            continue;
        }
        let char_count = word.chars().count();
        if char_count < 4 {
            continue;
        }
        // A lowercase letter followed by a capital: `DubaïBuenos` (only where a capital stands
        // after the first letter).
        let case_cut = if has_inner_capital {
            let mut pairs = word.char_indices().zip(word.chars().skip(1));
            pairs
                .find(|((_, a), b)| is_lowercase(*a) && is_uppercase(*b))
                .map(|((i, a), _)| i + a.len_utf8())
        } else {
            None
        };
        let cut = if let Some(at) = case_cut {
            let (left, right) = word.split_at(at);
            if left.chars().count() >= 2 && lexicon.knows(left) && lexicon.knows(right) {
                Some((at, Vec::new()))
            } else {
                None
            }
        } else if !has_inner_capital
            // (Found once at most: the count was asked above.)
            && char_count >= 5
            && word.chars().skip(1).all(is_lowercase)
        {
            lowercase_into(word, &mut lowered);
            let prev = index
                .checked_sub(1)
                .and_then(|i| all.get(i))
                .filter(|(p_start, p)| adjacent(s, p_start + p.len(), start))
                .map(|(_, p)| *p);
            let next = all
                .get(index + 1)
                .filter(|(n_start, _)| adjacent(s, start + word.len(), *n_start))
                .map(|(_, n)| *n);
            let options = cuts(word, &lowered, prev, next, lexicon);
            match options.as_slice() {
                [] => None,
                // A real word made of two is never cut (asked once a cut is found: few words
                // have one).
                _ if WHOLE_WORDS.contains(&lowered.as_str()) => None,
                [only] => Some((*only, Vec::new())),
                [first, others @ ..] => Some((*first, others.to_vec())),
            }
        } else {
            None
        };
        let Some((at, other_cuts)) = cut else {
            continue;
        };
        let (left, right) = word.split_at(at);
        if COMPOUND_PREFIXES.contains(&left.to_lowercase().as_str()) {
            // Most likely one word that lost its hyphen (`sous-nationales`): the structure
            // reader reports those; left as written.
            continue;
        }
        // A place name cut at its capital runs on over the capitalised words that follow it
        // (`DubaïBuenos Aires`: `Buenos Aires` inserted).
        let mut new_end = start + word.len();
        if case_cut.is_some() {
            while let Some(rest) = s[new_end..].strip_prefix(' ') {
                if !rest.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                let len = rest
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(rest.len(), |(i, _)| i);
                new_end += 1 + len;
            }
        }
        // How far the deleted text reaches back and the inserted text runs on: a word joins the
        // inserted text while it follows the inserted half elsewhere in the corpus and not the
        // deleted half (`la communicationla cybersécurité`), and likewise backwards.
        let own = Lexicon::from_line(s);
        let support = |a: &str, b: &str| {
            lexicon
                .pair_count(a, b)
                .saturating_sub(own.pair_count(a, b))
        };
        let mut deleted_from = start;
        if case_cut.is_none() {
            let mut last = index;
            for _ in 0..8 {
                let Some(&(n_start, n)) = all.get(last + 1) else {
                    break;
                };
                let (l_start, l) = all[last];
                if !adjacent(s, l_start + l.len(), n_start) {
                    break;
                }
                let new_prev = if last == index { right } else { l };
                if support(left, n) == 0 && support(new_prev, n) > 0 {
                    last += 1;
                    new_end = n_start + n.len();
                } else {
                    break;
                }
            }
            let mut first = index;
            for _ in 0..8 {
                let Some(prev_index) = first.checked_sub(1) else {
                    break;
                };
                let (p_start, p) = all[prev_index];
                let (f_start, f) = all[first];
                if p_start < done || !adjacent(s, p_start + p.len(), f_start) {
                    break;
                }
                let old_next = if first == index { left } else { f };
                if support(p, right) == 0 && support(p, old_next) > 0 {
                    first = prev_index;
                    deleted_from = p_start;
                } else {
                    break;
                }
            }
        }
        // The word before the deleted text: the new text reads it right before the inserted
        // half. Where that pair is found nowhere in the corpus though both words are common
        // (`leurs afin` in `à leurs activitésafin de collaborer`), the word-for-word reading gives a text no one wrote: the
        // first half is more likely kept and the second half the start of an insertion that runs
        // on, how far the data does not say; the end of the paragraph is taken, as uncertain.
        let before_deleted = all[..index]
            .iter()
            .rev()
            .find(|(p_start, _)| *p_start < deleted_from)
            .filter(|(p_start, p)| *p_start >= done && adjacent(s, p_start + p.len(), deleted_from))
            .map(|(_, p)| *p);
        if case_cut.is_none()
            && deleted_from == start
            && new_end == start + word.len()
            && before_deleted.is_some_and(|p| {
                // Both words common enough that never meeting says something: a small
                // corpus proves nothing by an absence.
                lexicon.pair_count(p, right) == 0
                    && lexicon.count(p) >= MEANINGFUL_ABSENCE
                    && lexicon.count(right) >= MEANINGFUL_ABSENCE
            })
        {
            let body_end = s
                .trim_end_matches(|c: char| c.is_whitespace() || ";,.:".contains(c))
                .len();
            let body_end = body_end.max(start + word.len());
            let inserted = format!(" {right}{}", &s[start + word.len()..body_end]);
            let word_for_word_old = clip(&format!("{left}{}", &s[start + word.len()..body_end]));
            let shown = clip(inserted.trim_start());
            findings.push(Finding {
                what: UncertaintyKind::RunTogetherWords,
                excerpt: word.to_string(),
                readings: vec![
                    format!(
                        "kept «{left}», inserted «{shown}» up to the end of the paragraph (the corpus never reads «{} {right}»; where the insertion ends the data does not say)",
                        before_deleted.unwrap_or("")
                    ),
                    format!("deleted «{left}», inserted «{shown}»"),
                    format!(
                        "deleted «{left}», inserted «{right}» word for word (old «{}», new «{} {right}»)",
                        word_for_word_old,
                        before_deleted.unwrap_or("")
                    ),
                    format!("one word as written: {word}"),
                ],
            });
            out.push(Piece::Common(s[done..start + at].to_string()));
            out.push(Piece::New(inserted));
            out.push(Piece::Common(s[body_end..].to_string()));
            done = s.len();
            break;
        }
        let deleted = format!("{}{left}", &s[deleted_from..start]);
        let inserted = format!("{right}{}", &s[start + word.len()..new_end]);
        let mut readings = vec![
            format!(
                "deleted «{deleted}», inserted «{inserted}» (deleted first; where each begins and ends is read from the words around)"
            ),
            format!("deleted «{inserted}», inserted «{deleted}»"),
        ];
        for other in other_cuts {
            let (l, r) = word.split_at(other);
            readings.push(format!("deleted «{l}», inserted «{r}»"));
        }
        readings.push(format!("one word as written: {word}"));
        findings.push(Finding {
            what: UncertaintyKind::RunTogetherWords,
            excerpt: s[deleted_from..new_end].to_string(),
            readings,
        });
        out.push(Piece::Common(s[done..deleted_from].to_string()));
        out.push(Piece::Old(deleted));
        out.push(Piece::New(inserted));
        done = new_end;
    }
    if out.is_empty() {
        return None;
    }
    out.push(Piece::Common(s[done..].to_string()));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: [&str; 2] = [
        "ainsi que et que afin de leurs activités au sein des commissions dans le cadre",
        "la communication et la cybersécurité, Dubaï et Buenos Aires, sous la tutelle, nationales",
    ];

    fn lexicon() -> Lexicon {
        Lexicon::from_texts(CORPUS)
    }

    /// The old and the new text of a line read in a corpus that holds it, as the reader does.
    fn both(text: &str) -> (String, String) {
        let lexicon = Lexicon::from_texts(CORPUS.into_iter().chain([text]));
        let split = split_text(text, &lexicon);
        (split.old, split.new)
    }

    #[test]
    fn a_revised_header_splits_into_the_old_and_the_new_revision() {
        assert_eq!(
            both("RÉSOLUTION 14 (Rév. Antalya, 2006DUBAÏ, 2018)"),
            (
                "RÉSOLUTION 14 (Rév. Antalya, 2006)".into(),
                "RÉSOLUTION 14 (Rév. DUBAÏ, 2018)".into()
            )
        );
    }

    #[test]
    fn a_formula_splits_into_the_old_and_the_new_conference() {
        assert_eq!(
            both("des télécommunications (Busan, 2014Dubaï, 2018),"),
            (
                "des télécommunications (Busan, 2014),".into(),
                "des télécommunications (Dubaï, 2018),".into()
            )
        );
    }

    #[test]
    fn a_citation_revision_that_gains_rev_keeps_it_on_the_new_side_only() {
        assert_eq!(
            both("la Résolution 80 (Dubaï, 2014Rév. Buenos Aires, 2017) intitulée"),
            (
                "la Résolution 80 (Dubaï, 2014) intitulée".into(),
                "la Résolution 80 (Rév. Buenos Aires, 2017) intitulée".into()
            )
        );
        assert_eq!(
            both("Résolution 52 (Rév. Dubaï, 2012 Hammamet, 2016),"),
            (
                "Résolution 52 (Rév. Dubaï, 2012),".into(),
                "Résolution 52 (Rév. Hammamet, 2016),".into()
            )
        );
    }

    #[test]
    fn a_single_revision_mark_is_left_alone() {
        let split = split_text("la Résolution 58 (Rév. Dubaï, 2012);", &lexicon());
        assert!(!split.changed());
        assert!(split.findings.is_empty());
    }

    #[test]
    fn revision_marks_read_with_or_without_rev() {
        assert_eq!(
            header_revision("RÉSOLUTION 130 (Rév. Busan, 2014)"),
            Some(Revision {
                place: "Busan".into(),
                year: 2014,
                revised: true
            })
        );
        assert_eq!(
            header_revision("RESOLUTION 206 (Dubai, 2018)").map(|r| r.revised),
            Some(false)
        );
        assert_eq!(header_revision("PROJET DE NOUVELLE RÉSOLUTION [B-1]"), None);
        assert_eq!(
            header_revision("RESOLUTION 71 (REV. DUBAI, 2018)").map(|r| (r.place, r.revised)),
            Some(("DUBAI".into(), true))
        );
    }

    #[test]
    fn year_ranges_run_together_or_apart_split() {
        assert_eq!(
            both("pour la période 2016-20192020-2023"),
            (
                "pour la période 2016-2019".into(),
                "pour la période 2020-2023".into()
            )
        );
        assert_eq!(
            both("pour la période 2016-2019 2020-2023 (Annexe 1)"),
            (
                "pour la période 2016-2019 (Annexe 1)".into(),
                "pour la période 2020-2023 (Annexe 1)".into()
            )
        );
    }

    #[test]
    fn conference_years_run_together_split() {
        assert_eq!(
            both("la CMDT-1417 a adopté; l'AMNT-1216"),
            (
                "la CMDT-14 a adopté; l'AMNT-12".into(),
                "la CMDT-17 a adopté; l'AMNT-16".into()
            )
        );
        assert!(!split_text("la CMDT-2017 a adopté", &lexicon()).changed());
        assert!(!split_text("la CMDT-17 a adopté", &lexicon()).changed());
    }

    #[test]
    fn numbers_after_annexe_and_objectif_split_and_say_so() {
        let split = split_text("de l'Objectif 32 et l'Annexe 2 1 de", &lexicon());
        assert_eq!(split.old, "de l'Objectif 3 et l'Annexe 2 de");
        assert_eq!(split.new, "de l'Objectif 2 et l'Annexe 1 de");
        assert_eq!(split.findings.len(), 1);
        assert_eq!(split.findings[0].what, UncertaintyKind::NumberPair);
        assert!(!split_text("l'Objectif 3.1 et l'Annexe 10", &lexicon()).changed());
    }

    #[test]
    fn doubled_end_punctuation_splits_deleted_first() {
        assert_eq!(
            both("plans stratégiques;,"),
            ("plans stratégiques;".into(), "plans stratégiques,".into())
        );
        assert!(!split_text("etc.);", &lexicon()).changed());
    }

    #[test]
    fn words_run_together_split_where_both_halves_are_known() {
        let split = split_text("ainsiet que la CMDT", &lexicon());
        assert_eq!(split.old, "ainsi que la CMDT");
        assert_eq!(split.new, "et que la CMDT");
        assert_eq!(split.findings[0].what, UncertaintyKind::RunTogetherWords);
        assert!(split.findings[0].readings.len() >= 2);
        // `leurs activités` and `afin de` are found elsewhere, `leurs afin` and `activités de`
        // are not: the deletion reaches back over `leurs`, the insertion runs on over `de`.
        assert_eq!(
            both("leurs activitésafin de"),
            ("leurs activités".into(), "afin de".into())
        );
        assert_eq!(
            both("au seindans le cadre des commissions"),
            (
                "au sein des commissions".into(),
                "dans le cadre des commissions".into()
            )
        );
        assert_eq!(
            both("et de la communicationla cybersécurité"),
            (
                "et de la communication".into(),
                "et de la cybersécurité".into()
            )
        );
    }

    #[test]
    fn a_capital_inside_a_word_marks_a_junction() {
        assert_eq!(
            both("Plan d'action de DubaïBuenos Aires;"),
            (
                "Plan d'action de Dubaï;".into(),
                "Plan d'action de Buenos Aires;".into()
            )
        );
    }

    #[test]
    fn a_word_that_lost_its_hyphen_is_not_split() {
        let split = split_text("et sousnationales", &lexicon());
        assert!(!split.changed());
    }

    #[test]
    fn a_real_word_whose_halves_find_no_support_around_it_is_not_split() {
        let lexicon = Lexicon::from_texts([
            "d'atténuer les risques; ils ont dit; essentiel et les; entre eux; prendre part",
        ]);
        for text in [
            "et atténueront les risques",
            "infrastructures essentielles des Etats",
            "que celui-ci doit entreprendre; et",
        ] {
            let split = split_text(text, &lexicon);
            assert!(!split.changed(), "{text}: {split:?}");
        }
    }

    #[test]
    fn evident_sides_see_only_unmistakable_patterns() {
        assert_eq!(
            evident_sides("la Résolution 69 (Rév. Dubaï, 2014Buenos Aires, 2017)"),
            (true, true)
        );
        assert_eq!(evident_sides("au seindans le cadre"), (false, false));
        assert_eq!(evident_sides("(UIT-D),;"), (true, true));
    }

    #[test]
    fn unknown_halves_stay_as_written() {
        let split = split_text("d'inviter d'autoriser les Membres", &lexicon());
        assert!(!split.changed());
        assert!(split.findings.is_empty());
    }

    #[test]
    fn tidy_joins_spaces_and_keeps_punctuation_as_written() {
        assert_eq!(tidy("  a \u{a0} b , c ;"), "a b , c ;");
        assert_eq!(tidy("« a »\u{2009}b’c"), "« a » b’c");
        assert_eq!(tidy("a b"), "a b");
        assert_eq!(tidy(" "), "");
    }

    mod fast_helpers_agree_with_their_reference {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn tidy_is_the_words_joined_by_single_spaces(text in "\\PC{0,60}|[a-z \t\u{a0}\u{2009}\u{3000}«»’]{0,40}") {
                prop_assert_eq!(tidy(&text), text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }

    #[test]
    fn a_run_together_word_is_read_as_kept_plus_insertion_only_where_common_words_never_meet() {
        let line = "invités à leurs activitésafin de collaborer au Forum;";
        let base = ["les activités de l'UIT", "afin de collaborer"];
        // Few occurrences: the corpus proves nothing by an absence; word for word, deleted first.
        let small = Lexicon::from_texts(base.into_iter().chain([line]));
        let split = split_text(line, &small);
        assert_eq!(
            split.old,
            "invités à leurs activités de collaborer au Forum;"
        );
        assert_eq!(split.new, "invités à leurs afin de collaborer au Forum;");
        // `leurs` and `afin` both common and never side by side: `activités` kept, the rest
        // inserted to the end of the paragraph, reported with every reading.
        let common = ["leurs travaux", "afin que"];
        let large = Lexicon::from_texts(
            base.into_iter()
                .chain(common.iter().copied().cycle().take(10))
                .chain([line]),
        );
        let split = split_text(line, &large);
        assert_eq!(split.old, "invités à leurs activités;");
        assert_eq!(
            split.new,
            "invités à leurs activités afin de collaborer au Forum;"
        );
        let finding = split
            .findings
            .iter()
            .find(|f| f.what == UncertaintyKind::RunTogetherWords)
            .expect("reported");
        assert!(finding.readings[0].starts_with("kept «activités»"));
        assert!(finding.readings.iter().any(|r| r.contains("word for word")));
    }
}
