//! Small text helpers shared by the reader, the queries and the renderers: comparison keys that
//! ignore case, accents and spacing, as historians search.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds a string for comparison: decomposes it, drops combining marks (accents), lowercases it,
/// turns every run of white space (no-break spaces included) into one space and trims it.
///
/// `fold("  Résolution\u{a0}130 ")` is `"resolution 130"`.
///
/// ASCII and the Latin-1 letters (`é`, `Ç`, `ñ`, `Ü` ...) take a fast path by table; any other
/// character is decomposed on its own (the tests' `fold_slow` decomposes the whole string: the two agree,
/// since only combining marks are ever reordered by the decomposition and they are all dropped).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into a buffer that the caller keeps from one call to the next (it is cleared first),
/// for loops over many lines.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    fold_mapped_into(s, out, |c| c);
}

/// Appends the fold of `s` to `out`, each character outside ASCII first read through `map`: the
/// loop of [`fold_into`], shared with folds that read a few characters as others (typographic
/// apostrophes as `'`). ASCII is read byte by byte, without decoding.
#[inline(always)]
pub fn fold_mapped_into(s: &str, out: &mut String, map: impl Fn(char) -> char) {
    let bytes = s.as_bytes();
    let mut pending_space = false;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            fold_char(char::from(b), out, &mut pending_space);
            at += 1;
        } else {
            let (c, next) = char_at(s, at);
            fold_char(map(c), out, &mut pending_space);
            at = next;
        }
    }
}

/// One step of [`fold_into`]: appends the folded form of `c` to `out`, after one space if white
/// space came between it and the last folded character (`pending_space` carries that from one
/// call to the next; it starts `false`). The fold is a stream: after any number of steps, `out`
/// is the fold of the characters read so far, so a caller can stop early or note where the fold
/// of a prefix ends.
#[inline(always)]
pub fn fold_char(c: char, out: &mut String, pending_space: &mut bool) {
    // ASCII, most of every document, is folded here, inlined in the caller's loop.
    if c.is_ascii() {
        if c.is_whitespace() {
            *pending_space = !out.is_empty();
        } else {
            push_folded(out, c.to_ascii_lowercase(), pending_space);
        }
        return;
    }
    fold_non_ascii_char(c, out, pending_space);
}

/// [`fold_char`] for a character outside ASCII.
#[inline(never)]
fn fold_non_ascii_char(c: char, out: &mut String, pending_space: &mut bool) {
    if is_apostrophe(c) {
        push_folded(out, '\'', pending_space);
        return;
    }
    if let Some(base) = latin1_base(c) {
        push_folded(out, base, pending_space);
        return;
    }
    if c.is_whitespace() {
        *pending_space = !out.is_empty();
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                push_folded(out, l, pending_space);
            }
        }
    });
}

/// Appends a folded character, after the space that white space before it left pending.
#[inline(always)]
fn push_folded(out: &mut String, c: char, pending_space: &mut bool) {
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    out.push(c);
}

/// The typographic apostrophes of official texts (`’`, `‘`, `ʼ`), which fold to the straight
/// one so that a phrase typed with either finds both.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// The folded form of a Latin-1 letter (U+00C0 to U+00FF): its base letter, lowercase; `None`
/// for every other character.
fn latin1_base(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' | 'à'..='å' => 'a',
        'Æ' | 'æ' => 'æ',
        'Ç' | 'ç' => 'c',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ð' | 'ð' => 'ð',
        'Ñ' | 'ñ' => 'n',
        'Ò'..='Ö' | 'ò'..='ö' => 'o',
        'Ø' | 'ø' => 'ø',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Þ' | 'þ' => 'þ',
        '×' | '÷' | 'ß' => c,
        _ => return None,
    })
}

/// [`fold`] the plain way: the whole string decomposed (NFD), combining marks dropped, each
/// character lowercased. The reference that the fast path is checked against, in the tests only.
#[cfg(test)]
fn fold_slow(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The maximal runs of characters for which `inside` holds, with their byte offsets: words, for
/// the reader.
///
/// Reads the text byte by byte and decodes only the characters outside ASCII: the documents are
/// mostly ASCII, and this runs over every line of a document several times.
pub fn runs(text: &str, inside: impl Fn(char) -> bool) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if at >= bytes.len() {
                return None;
            }
            let (c, next) = char_at(text, at);
            let here = at;
            at = next;
            if inside(c) {
                break here;
            }
        };
        // The character that ends the run is outside every run: consumed with it.
        while at < bytes.len() {
            let (c, next) = char_at(text, at);
            let here = at;
            at = next;
            if !inside(c) {
                return Some((start, &text[start..here]));
            }
        }
        Some((start, &text[start..]))
    })
}

/// The words of a text for the hyphen readers: the maximal runs of letters, digits and hyphens,
/// with their byte offsets. The same runs as `runs(text, |c| is_letter_or_digit(c) || c == '-')`,
/// read with a table for ASCII bytes: the reader reads every paragraph of a document this way.
pub fn words_with_hyphens(text: &str) -> WordsWithHyphens<'_> {
    WordsWithHyphens { text, at: 0 }
}

/// The iterator of [`words_with_hyphens`].
#[derive(Debug, Clone)]
pub struct WordsWithHyphens<'a> {
    text: &'a str,
    /// Where reading goes on: a character boundary.
    at: usize,
}

/// The ASCII bytes that words are made of: letters, digits and `-`.
const WORD_BYTES: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-';
        b += 1;
    }
    table
};

impl<'a> Iterator for WordsWithHyphens<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut at = self.at;
        let start = loop {
            match bytes.get(at) {
                None => {
                    self.at = at;
                    return None;
                }
                Some(&b) if b < 0x80 => {
                    if WORD_BYTES[usize::from(b)] {
                        break at;
                    }
                    at += 1;
                }
                Some(_) => {
                    let (c, next) = char_at(text, at);
                    if is_letter_or_digit(c) {
                        break at;
                    }
                    at = next;
                }
            }
        };
        loop {
            match bytes.get(at) {
                None => {
                    self.at = at;
                    return Some((start, &text[start..]));
                }
                Some(&b) if b < 0x80 => {
                    if !WORD_BYTES[usize::from(b)] {
                        // The byte that ends the word is outside every word: skipped with it.
                        self.at = at + 1;
                        return Some((start, &text[start..at]));
                    }
                    at += 1;
                }
                Some(_) => {
                    let (c, next) = char_at(text, at);
                    if !is_letter_or_digit(c) {
                        self.at = next;
                        return Some((start, &text[start..at]));
                    }
                    at = next;
                }
            }
        }
    }
}

/// The character at a byte offset that is a character boundary short of the end, and the offset
/// after it; ASCII without decoding.
#[inline(always)]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), i + 1);
    }
    let c = text[i..]
        .chars()
        .next()
        .expect("the offset is a character boundary short of the end");
    (c, i + c.len_utf8())
}

/// [`char::is_uppercase`], answered without its tables for ASCII and Latin-1, the letters of
/// nearly every word read (asked of each word of every line by the redline patterns).
pub fn is_uppercase(c: char) -> bool {
    match c {
        'A'..='Z' => true,
        '\0'..='\x7f' => false,
        // `À`–`Þ` but `×`; the rest of Latin-1 (`ß`–`ÿ`, `ª`, `µ`, signs) is not uppercase.
        '\u{c0}'..='\u{de}' => c != '\u{d7}',
        '\u{80}'..='\u{ff}' => false,
        _ => c.is_uppercase(),
    }
}

/// [`char::is_lowercase`], answered without its tables for ASCII and Latin-1.
pub fn is_lowercase(c: char) -> bool {
    match c {
        'a'..='z' => true,
        '\0'..='\x7f' => false,
        // `ß`–`ÿ` but `÷`, and the feminine and masculine ordinals and the micro sign.
        '\u{df}'..='\u{ff}' => c != '\u{f7}',
        '\u{aa}' | '\u{b5}' | '\u{ba}' => true,
        '\u{80}'..='\u{de}' => false,
        _ => c.is_lowercase(),
    }
}

/// [`char::is_alphabetic`], answered by a range test for ASCII and the Latin-1 letters (the
/// accented letters of French and Spanish) before the Unicode tables.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], with the fast ranges of [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        _ => c.is_alphanumeric(),
    }
}

/// Turns every run of white space into one space and trims the ends, keeping case and accents.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latin_1_case_tests_agree_with_the_standard_library() {
        for c in ('\0'..='\u{2ff}').chain(['Σ', 'ǅ', 'Ⅰ', 'ⓐ', 'İ']) {
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn typographic_apostrophes_fold_to_the_straight_one() {
        assert_eq!(fold("l’Union"), fold("l'Union"));
        assert_eq!(fold_slow("l’Union"), "l'union");
    }

    #[test]
    fn fold_into_clears_the_buffer_and_matches_fold_on_the_seed() {
        let seed = include_str!("../history/documents/pp-2018-dubai/67-fr.txt");
        let mut buffer = String::from("left over");
        for line in seed.lines().chain([
            "  Ａ\u{a0}Ǆ ﬁ Résolution\t\u{b}130 ",
            "e\u{301}\u{327} Ω Ⅻ 한국",
            "",
        ]) {
            fold_into(line, &mut buffer);
            assert_eq!(buffer, fold(line), "{line}");
        }
    }
    use proptest::prelude::*;

    #[test]
    fn fold_drops_accents_case_and_extra_spaces() {
        assert_eq!(fold("  Résolution\u{a0}130 "), "resolution 130");
        assert_eq!(fold("DUBAÏ,\t2018"), "dubai, 2018");
        assert_eq!(fold("Se\u{301}curite\u{301}"), "securite");
    }

    #[test]
    fn runs_are_the_maximal_stretches_of_matching_characters_with_their_offsets() {
        let found: Vec<(usize, &str)> =
            runs("l'Union, Dubaï-2018 é", char::is_alphabetic).collect();
        assert_eq!(found, [(0, "l"), (2, "Union"), (9, "Dubaï"), (21, "é")]);
        assert_eq!(runs("", char::is_alphabetic).count(), 0);
    }

    /// The runs the plain way, by `char_indices`: the reference for [`runs`].
    fn runs_by_chars(text: &str, inside: impl Fn(char) -> bool) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (inside(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &text[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &text[s..]));
        }
        out
    }

    #[test]
    fn the_fast_letter_tests_agree_with_the_standard_ones_on_every_character() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn squash_whitespace_keeps_case_and_accents() {
        assert_eq!(squash_whitespace(" Dubaï \u{a0} 2018 "), "Dubaï 2018");
    }

    #[test]
    fn the_fast_fold_agrees_with_the_decomposing_fold_on_every_latin1_and_latin_extended_letter() {
        for c in ('\u{0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            let s = format!("x{c}y {c}");
            assert_eq!(fold(&s), fold_slow(&s), "U+{:04X}", c as u32);
        }
        for text in [
            "  RÉSOLUTION\u{a0}130 (Rév. Busan, 2014DUBAÏ, 2018)",
            "PROYECTO DE NUEVA RESOLUCIÓN [B-1] Año ÑANDÚ ü",
            "Ça déçoit; l’Œuvre ǅemal İstanbul ΣΑΣ Ἀθῆναι а) с)",
            "e\u{301}\u{327} a\u{20dd}\u{301} \u{2003}\u{85}fin\u{3000}",
        ] {
            assert_eq!(fold(text), fold_slow(text), "{text}");
        }
    }

    proptest! {
        #[test]
        fn runs_read_byte_by_byte_agree_with_runs_read_by_characters(s in "\\PC{0,60}") {
            let fast: Vec<(usize, &str)> = runs(&s, is_letter).collect();
            prop_assert_eq!(fast, runs_by_chars(&s, char::is_alphabetic));
            let fast: Vec<(usize, &str)> = runs(&s, |c| is_letter_or_digit(c) || c == '-').collect();
            prop_assert_eq!(fast, runs_by_chars(&s, |c| c.is_alphanumeric() || c == '-'));
            let words: Vec<(usize, &str)> = words_with_hyphens(&s).collect();
            prop_assert_eq!(words, runs_by_chars(&s, |c| c.is_alphanumeric() || c == '-'));
        }

        #[test]
        fn words_read_by_table_agree_with_runs_read_by_characters_on_latin_text(
            s in "[a-zA-Z0-9 \u{a0}\u{c0}-\u{17f}\u{400}-\u{45f}'\u{2019},.;:()\t-]{0,80}"
        ) {
            let words: Vec<(usize, &str)> = words_with_hyphens(&s).collect();
            prop_assert_eq!(words, runs_by_chars(&s, |c| c.is_alphanumeric() || c == '-'));
        }

        #[test]
        fn the_fast_fold_agrees_with_the_decomposing_fold_on_any_string(s in "\\PC{0,40}") {
            prop_assert_eq!(fold(&s), fold_slow(&s));
        }

        #[test]
        fn the_fast_fold_agrees_with_the_decomposing_fold_on_latin_text_with_marks(
            s in "[a-zA-Z0-9 \u{a0}\u{c0}-\u{17f}\u{300}-\u{36f}\u{2019},.;:()\t\n-]{0,60}"
        ) {
            prop_assert_eq!(fold(&s), fold_slow(&s));
        }
    }
}
