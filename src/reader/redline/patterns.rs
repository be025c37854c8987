//! The patterns that pull apart deleted and inserted text run together inside one line of a
//! flattened redline: revision marks and conference formulas, year ranges, conference years,
//! numbers after `Annexe`/`Objectif`, doubled end punctuation, and words run together.
//!
//! Deleted text comes before inserted text as a rule. Each pattern says when the rule, rather than
//! the data, decided, and everything it could not settle is returned as a [`Finding`].

use crate::model::Revision;

/// The words of a document or a corpus with how often each occurs on its own, and which words
/// follow one another, to tell a word from two words run together (`ainsiet` is `ainsi` + `et`
/// where both occur elsewhere, and `ainsi que` and `et que` too).
///
/// The words are kept in one string, one after another, and found through a small hash table of
/// their own (open addressing, linear probing) rather than a `HashMap<String, _>`: a document of
/// 60 KB has some 3,000 distinct words, and a string allocated for each, with the map's hashing
/// of the key apart from reading it, was a fifth of reading a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Every distinct word (lowercase), one after another; each [`Entry`] says where its word is.
    spelled: String,
    /// Each distinct word in the order first seen: its index is its id.
    entries: Vec<Entry>,
    /// The hash table over `entries`: 1 + the index of an entry, or 0 for an empty slot. Its
    /// length is 0 or a power of two, and it is kept at most half full, so that a search for a
    /// word that is not there soon meets an empty slot. Only looked up, never walked, so the
    /// order of the slots shows nowhere.
    slots: Vec<u32>,
    /// How often the word with the second id follows the word with the first.
    pairs: PairCounts,
}

/// One distinct word of a [`Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    /// Where the word starts in [`Lexicon::spelled`], and its length in bytes.
    start: u32,
    len: u32,
    /// Its [`word_hash`], kept to place it again when the table grows and to pass over most
    /// other words without comparing their letters.
    hash: u32,
    /// How often it occurs.
    count: u32,
}

/// Whether lowercasing changes the word: whether it has an uppercase letter (asked of most words
/// of every line: ASCII is answered from the bytes, without decoding).
fn has_capitals(word: &str) -> bool {
    for &b in word.as_bytes() {
        if b.is_ascii_uppercase() {
            return true;
        }
        if !b.is_ascii() {
            return word.chars().any(is_uppercase);
        }
    }
    false
}

/// [`char::is_uppercase`], answered without its tables for ASCII and Latin-1, the letters of
/// nearly every word read (asked of each word of every line).
fn is_uppercase(c: char) -> bool {
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
fn is_lowercase(c: char) -> bool {
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

/// The word in lower case as [`str::to_lowercase`] writes it, into a buffer kept from word to
/// word (the run-together check lowercases most words of every line).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else if word.contains('Σ') {
        // The one letter whose lower case depends on its place in the word (final sigma):
        // left to the standard library.
        out.push_str(&word.to_lowercase());
    } else {
        for c in word.chars() {
            match c {
                'A'..='Z' | '\u{c0}'..='\u{de}' if c != '\u{d7}' => {
                    // ASCII and Latin-1 capitals lie 32 code points above their small letters.
                    out.push(char::from_u32(u32::from(c) + 32).expect("a Latin-1 letter"));
                }
                '\0'..='\u{ff}' => out.push(c),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// How often each pair of words (by id) occurs: a hash table like the words' (open addressing,
/// linear probing, at most half full), keyed by the two ids in one number, which a single
/// multiplication hashes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct PairCounts {
    /// The pairs' keys ([`pair_key`]) and counts; [`NO_PAIR`] marks an empty slot. Its length is 0
    /// or a power of two.
    slots: Vec<(u64, u32)>,
    /// How many slots are taken.
    len: usize,
}

/// The key of an empty slot of [`PairCounts`]: no pair has it, as no word has the id `u32::MAX`.
const NO_PAIR: u64 = u64::MAX;

/// The key of the pair of words with these ids.
fn pair_key(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

impl PairCounts {
    /// Room for this many pairs without growing.
    fn with_room(pairs: usize) -> PairCounts {
        PairCounts {
            slots: vec![(NO_PAIR, 0); (pairs * 2).next_power_of_two()],
            len: 0,
        }
    }

    /// Where the search for a key starts: the best mixed (high) bits of its product with an odd
    /// constant (Fibonacci hashing), cut to the table.
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (self.slots.len() - 1)
    }

    /// Counts one more occurrence of the pair.
    fn add(&mut self, first: u32, second: u32) {
        if self.len * 2 >= self.slots.len() {
            self.grow();
        }
        let key = pair_key(first, second);
        let mask = self.slots.len() - 1;
        let mut slot = self.home(key);
        loop {
            let (taken, count) = &mut self.slots[slot];
            if *taken == key {
                *count += 1;
                return;
            }
            if *taken == NO_PAIR {
                *taken = key;
                *count = 1;
                self.len += 1;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Doubles the table (from 16 slots) and places every pair again.
    fn grow(&mut self) {
        let room = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![(NO_PAIR, 0); room]);
        let mask = room - 1;
        for (key, count) in old.into_iter().filter(|(key, _)| *key != NO_PAIR) {
            let mut slot = self.home(key);
            while self.slots[slot].0 != NO_PAIR {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = (key, count);
        }
    }

    /// How often the pair occurs.
    fn get(&self, first: u32, second: u32) -> u32 {
        if self.slots.is_empty() {
            return 0;
        }
        let key = pair_key(first, second);
        let mask = self.slots.len() - 1;
        let mut slot = self.home(key);
        loop {
            match self.slots[slot] {
                (taken, count) if taken == key => return count,
                (NO_PAIR, _) => return 0,
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// The hash of a word (lowercase) for the table of a [`Lexicon`]: its length, then eight bytes
/// at a time in the manner of FxHash, and the last one to eight bytes in one more step, read as
/// two overlapping halves (or the first, middle and last byte of a word under four bytes), which
/// between them hold every byte: words are short, and a byte-wise loop over each was a visible
/// share of reading a document.
#[inline]
fn word_hash(word: &str) -> u32 {
    fn step(hash: u64, bytes: u64) -> u64 {
        (hash.rotate_left(5) ^ bytes).wrapping_mul(0x517c_c1b7_2722_0a95)
    }
    let mut rest = word.as_bytes();
    let mut hash = step(0xcbf2_9ce4_8422_2325, rest.len() as u64);
    while rest.len() > 8 {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&rest[..8]);
        hash = step(hash, u64::from_le_bytes(eight));
        rest = &rest[8..];
    }
    let last = match rest.len() {
        0 => 0,
        1..=3 => {
            u64::from(rest[0])
                | u64::from(rest[rest.len() / 2]) << 8
                | u64::from(rest[rest.len() - 1]) << 16
        }
        n => u64::from(u32_at(rest, 0)) | u64::from(u32_at(rest, n - 4)) << 32,
    };
    // The high bits are the best mixed by the multiplication; the table indexes by the low bits.
    (step(hash, last) >> 32) as u32
}

/// The four bytes at an offset as one number.
#[inline]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut four = [0u8; 4];
    four.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(four)
}

/// What a table search found: the id of the word, or the empty slot where it would go.
enum Slot {
    Found(u32),
    Vacant(usize),
}

impl Lexicon {
    /// Counts the words of these texts (letters only, lowercased; an apostrophe ends a word) and
    /// the pairs of words that follow one another with only spaces or an apostrophe between.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lexicon {
        // A document of some 60 KB has a few thousand distinct words: room for them up front
        // spares the tables' regrowth.
        Lexicon::counting(texts, 4096)
    }

    /// [`Lexicon::from_texts`] of one line, with room for its words only (the run-together
    /// check counts the words of some lines on their own).
    fn from_line(line: &str) -> Lexicon {
        Lexicon::counting([line], line.len() / 2)
    }

    /// [`Lexicon::from_texts`] with room for about this many distinct words (and twice as many
    /// pairs) before the tables grow.
    fn counting<'a>(texts: impl IntoIterator<Item = &'a str>, room: usize) -> Lexicon {
        let mut lexicon = Lexicon {
            spelled: String::with_capacity(8 * room),
            entries: Vec::with_capacity(room),
            slots: vec![0; (room * 2).next_power_of_two()],
            pairs: PairCounts::with_room(room * 2),
        };
        // Words with capitals are lowercased into this one buffer to be looked up: only a word
        // seen for the first time is copied (into `spelled`).
        let mut lowered = String::new();
        for text in texts {
            let mut previous: Option<(usize, u32)> = None;
            for word in letter_runs(text) {
                let word_lower: &str = match word.spelling {
                    Spelling::AsciiLowercase => word.text,
                    Spelling::AsciiWithCapitals => {
                        lowered.clear();
                        lowered.push_str(word.text);
                        lowered.make_ascii_lowercase();
                        &lowered
                    }
                    Spelling::NotAscii if has_capitals(word.text) => {
                        lowercase_into(word.text, &mut lowered);
                        &lowered
                    }
                    Spelling::NotAscii => word.text,
                };
                let id = lexicon.add(word_lower);
                if let Some((end, prev)) = previous {
                    if adjacent(text, end, word.start) {
                        lexicon.pairs.add(prev, id);
                    }
                }
                previous = Some((word.start + word.text.len(), id));
            }
        }
        lexicon
    }

    /// Counts one more occurrence of a word (lowercase), added if new; its id.
    #[inline]
    fn add(&mut self, word_lower: &str) -> u32 {
        // At most half full before the word goes in, so at least one slot stays empty.
        if self.entries.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let hash = word_hash(word_lower);
        match self.search(word_lower, hash) {
            Slot::Found(id) => {
                self.entries[id as usize].count += 1;
                id
            }
            Slot::Vacant(slot) => {
                // Below `u32::MAX`, which marks no word ([`NO_PAIR`]).
                let id = u32::try_from(self.entries.len())
                    .ok()
                    .filter(|&id| id < u32::MAX)
                    .expect("fewer than 4 G distinct words");
                let start = u32::try_from(self.spelled.len()).expect("a lexicon of under 4 GB");
                let len = u32::try_from(word_lower.len()).expect("a word of under 4 GB");
                self.spelled.push_str(word_lower);
                self.entries.push(Entry {
                    start,
                    len,
                    hash,
                    count: 1,
                });
                self.slots[slot] = id + 1;
                id
            }
        }
    }

    /// Doubles the hash table (from 16 slots) and places every word again.
    fn grow(&mut self) {
        let mut slots = vec![0; (self.slots.len() * 2).max(16)];
        let mask = slots.len() - 1;
        for (id, entry) in (1..).zip(&self.entries) {
            let mut slot = entry.hash as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
        self.slots = slots;
    }

    /// Where a word (lowercase) with this hash is in the table, or the empty slot where it would
    /// go. The table must have a slot.
    #[inline]
    fn search(&self, word_lower: &str, hash: u32) -> Slot {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return Slot::Vacant(slot),
                taken => {
                    let id = taken - 1;
                    let entry = &self.entries[id as usize];
                    if entry.hash == hash && self.spelling(entry) == word_lower.as_bytes() {
                        return Slot::Found(id);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The letters of a word of the lexicon.
    #[inline]
    fn spelling(&self, entry: &Entry) -> &[u8] {
        let start = entry.start as usize;
        &self.spelled.as_bytes()[start..start + entry.len as usize]
    }

    /// The id of a word already in lower case, if it occurs.
    fn id_lowercase(&self, word_lower: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        match self.search(word_lower, word_hash(word_lower)) {
            Slot::Found(id) => Some(id),
            Slot::Vacant(_) => None,
        }
    }

    /// How often the word occurs on its own (any case).
    pub fn count(&self, word: &str) -> u32 {
        self.count_with_capitals(word, has_capitals(word))
    }

    /// [`Lexicon::count`] for a word whose [`has_capitals`] is known.
    fn count_with_capitals(&self, word: &str, capitals: bool) -> u32 {
        self.id_with_capitals(word, capitals)
            .map_or(0, |id| self.entries[id as usize].count)
    }

    /// The id of a word in any case: looked up as written where it has no capitals
    /// ([`has_capitals`]), else in lower case, which a short ASCII word is put into on the stack
    /// rather than into a new string.
    fn id(&self, word: &str) -> Option<u32> {
        self.id_with_capitals(word, has_capitals(word))
    }

    /// [`Lexicon::id`] for a word whose [`has_capitals`] is known.
    fn id_with_capitals(&self, word: &str, capitals: bool) -> Option<u32> {
        /// Longer words, rare, are lowercased into a string.
        const ON_STACK: usize = 32;
        if !capitals {
            return self.id_lowercase(word);
        }
        if word.is_ascii() && word.len() <= ON_STACK {
            let mut buffer = [0u8; ON_STACK];
            let lowered = &mut buffer[..word.len()];
            lowered.copy_from_slice(word.as_bytes());
            lowered.make_ascii_lowercase();
            let lowered = std::str::from_utf8(lowered).expect("ASCII lowercased stays UTF-8");
            return self.id_lowercase(lowered);
        }
        self.id_lowercase(&word.to_lowercase())
    }

    /// Whether the word occurs on its own at least once.
    pub fn knows(&self, word: &str) -> bool {
        self.count(word) > 0
    }

    /// [`Lexicon::knows`] for a word already in lower case.
    fn knows_lowercase(&self, word: &str) -> bool {
        // Every word in the table occurs at least once.
        self.id_lowercase(word).is_some()
    }

    /// How often `second` follows `first` (any case).
    pub fn pair_count(&self, first: &str, second: &str) -> u32 {
        match (self.id(first), self.id(second)) {
            (Some(a), Some(b)) => self.pairs.get(a, b),
            _ => 0,
        }
    }

    /// How many distinct words it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Whether only spaces or an apostrophe stand between two words.
fn adjacent(text: &str, end: usize, next_start: usize) -> bool {
    // Most words are one space apart.
    if next_start == end + 1 && text.as_bytes().get(end) == Some(&b' ') {
        return true;
    }
    text.get(end..next_start).is_some_and(|gap| {
        gap.chars()
            .all(|c| c.is_whitespace() || c == '\'' || c == '’')
    })
}

/// The runs of letters of a text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    letter_runs(text).map(|word| (word.start, word.text))
}

/// The runs of letters of a text: the same runs as `text::runs(text, text::is_letter)`, read with
/// a table for ASCII bytes, and telling on the way whether each word is ASCII and has capitals
/// (the lexicon reads every line of a document this way, and lowercases its words).
fn letter_runs(text: &str) -> LetterRuns<'_> {
    LetterRuns { text, at: 0 }
}

/// A run of letters read by [`letter_runs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LetterRun<'a> {
    /// Its byte offset in the text.
    start: usize,
    text: &'a str,
    spelling: Spelling,
}

/// What lowercasing a word takes, as far as reading it tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// ASCII without capitals: already lowercase.
    AsciiLowercase,
    /// ASCII with a capital: lowercased byte by byte.
    AsciiWithCapitals,
    /// Some letter beyond ASCII: whether it has capitals is still to be asked.
    NotAscii,
}

/// The iterator of [`letter_runs`].
#[derive(Debug, Clone)]
struct LetterRuns<'a> {
    text: &'a str,
    /// Where reading goes on: a character boundary.
    at: usize,
}

/// What a byte is to [`letter_runs`], as bits: an ASCII letter, a capital, or the first or a
/// later byte of a character beyond ASCII (to be decoded to tell whether it is a letter).
const LETTER: u8 = 1;
const CAPITAL: u8 = 2;
const BEYOND_ASCII: u8 = 4;
const BYTE_CLASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LETTER
        } else if c.is_ascii_uppercase() {
            LETTER | CAPITAL
        } else if c.is_ascii() {
            0
        } else {
            BEYOND_ASCII
        };
        b += 1;
    }
    table
};

/// The character beyond ASCII at a byte offset that is a character boundary short of the end,
/// and the offset after it.
fn char_beyond_ascii_at(text: &str, at: usize) -> (char, usize) {
    let c = text[at..]
        .chars()
        .next()
        .expect("the offset is a character boundary short of the end");
    (c, at + c.len_utf8())
}

impl<'a> Iterator for LetterRuns<'a> {
    type Item = LetterRun<'a>;

    // Inlined into its loops: a call for every word of every line was a visible share.
    #[inline(always)]
    fn next(&mut self) -> Option<LetterRun<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut at = self.at;
        // Up to the first letter.
        let start = loop {
            let &b = bytes.get(at)?;
            let class = BYTE_CLASSES[usize::from(b)];
            if class & LETTER != 0 {
                break at;
            }
            if class == BEYOND_ASCII {
                let (c, next) = char_beyond_ascii_at(text, at);
                if crate::text::is_letter(c) {
                    break at;
                }
                at = next;
            } else {
                at += 1;
            }
        };
        // Up to the first character that is not a letter, gathering the bytes' classes.
        let mut seen = 0;
        let end = loop {
            let Some(&b) = bytes.get(at) else {
                self.at = at;
                break at;
            };
            let class = BYTE_CLASSES[usize::from(b)];
            if class & LETTER != 0 {
                seen |= class;
                at += 1;
            } else if class == BEYOND_ASCII {
                let (c, next) = char_beyond_ascii_at(text, at);
                if !crate::text::is_letter(c) {
                    // The character that ends the word is outside every word: skipped with it.
                    self.at = next;
                    break at;
                }
                seen |= BEYOND_ASCII;
                at = next;
            } else {
                self.at = at + 1;
                break at;
            }
        };
        let spelling = if seen & BEYOND_ASCII != 0 {
            Spelling::NotAscii
        } else if seen & CAPITAL != 0 {
            Spelling::AsciiWithCapitals
        } else {
            Spelling::AsciiLowercase
        };
        Some(LetterRun {
            start,
            text: &text[start..end],
            spelling,
        })
    }
}

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
    pub what: &'static str,
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
                what: "revision-mark",
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
                what: "revision-mark",
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
                        what: "year-range",
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
const CONFERENCE_ABBREVIATIONS: [&str; 12] = [
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
                what: "conference-year",
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
                what: "number-pair",
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
                what: "run-together-words",
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
            what: "run-together-words",
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
        assert_eq!(split.findings[0].what, "number-pair");
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
        assert_eq!(split.findings[0].what, "run-together-words");
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

    #[test]
    fn the_latin_1_case_tests_agree_with_the_standard_library() {
        for c in ('\0'..='\u{2ff}').chain(['Σ', 'ǅ', 'Ⅰ', 'ⓐ', 'İ']) {
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
        }
    }

    mod fast_helpers_agree_with_their_reference {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashMap;

        proptest! {
            #[test]
            fn tidy_is_the_words_joined_by_single_spaces(text in "\\PC{0,60}|[a-z \t\u{a0}\u{2009}\u{3000}«»’]{0,40}") {
                prop_assert_eq!(tidy(&text), text.split_whitespace().collect::<Vec<_>>().join(" "));
            }

            #[test]
            fn lowercase_into_writes_what_to_lowercase_gives(word in "\\PC{0,30}|[A-Za-zÀ-ÿΣσİ]{0,20}") {
                let mut lowered = String::from("left over");
                lowercase_into(&word, &mut lowered);
                prop_assert_eq!(&lowered, &word.to_lowercase());
                prop_assert_eq!(has_capitals(&word), word.chars().any(char::is_uppercase));
            }

            #[test]
            fn letter_runs_are_the_runs_of_letters(text in "\\PC{0,60}|[a-zA-Z0-9 ,'’.À-ÿ×÷ΣσİⅠ\u{a0}-]{0,60}") {
                let fast: Vec<_> = letter_runs(&text).collect();
                let reference: Vec<_> = crate::text::runs(&text, crate::text::is_letter).collect();
                prop_assert_eq!(fast.iter().map(|w| (w.start, w.text)).collect::<Vec<_>>(), reference);
                for word in fast {
                    let expected = if !word.text.is_ascii() {
                        Spelling::NotAscii
                    } else if has_capitals(word.text) {
                        Spelling::AsciiWithCapitals
                    } else {
                        Spelling::AsciiLowercase
                    };
                    prop_assert_eq!(word.spelling, expected);
                }
            }

            #[test]
            fn the_lexicon_counts_what_a_map_of_lowercased_words_counts(
                texts in proptest::collection::vec("[a-cA-Cé É'’.ᾈ]{0,30}|\\PC{0,20}", 0..6)
            ) {
                let lexicon = Lexicon::from_texts(texts.iter().map(String::as_str));
                let mut reference: HashMap<String, u32> = HashMap::new();
                let mut pairs: HashMap<(String, String), u32> = HashMap::new();
                for text in &texts {
                    let mut previous: Option<(usize, String)> = None;
                    for (start, word) in crate::text::runs(text, crate::text::is_letter) {
                        // Lowercased where it has capitals (a titlecase letter, `ᾈ`, is not one).
                        let word_lower = if word.chars().any(char::is_uppercase) {
                            word.to_lowercase()
                        } else {
                            word.to_string()
                        };
                        *reference.entry(word_lower.clone()).or_insert(0) += 1;
                        if let Some((end, prev)) = previous {
                            if adjacent(text, end, start) {
                                *pairs.entry((prev, word_lower.clone())).or_insert(0) += 1;
                            }
                        }
                        previous = Some((start + word.len(), word_lower));
                    }
                }
                prop_assert_eq!(lexicon.len(), reference.len());
                for (word, n) in &reference {
                    prop_assert_eq!(lexicon.count(word), *n);
                    prop_assert!(lexicon.knows_lowercase(word));
                }
                for ((first, second), n) in &pairs {
                    prop_assert_eq!(lexicon.pair_count(first, second), *n);
                }
                prop_assert_eq!(lexicon.count("zzz"), 0);
            }
        }
    }

    #[test]
    fn the_lexicon_table_grows_and_keeps_every_word() {
        // From an empty lexicon (no slots) through several doublings of the table.
        let mut lexicon = Lexicon::default();
        assert_eq!(lexicon.count("a"), 0);
        let words: Vec<String> = (0..1000).map(|n| format!("w{n}x")).collect();
        for (n, word) in words.iter().enumerate() {
            assert_eq!(lexicon.add(word) as usize, n);
        }
        for (n, word) in words.iter().enumerate() {
            assert_eq!(lexicon.add(word) as usize, n);
            assert_eq!(lexicon.count(word), 2);
            assert_eq!(lexicon.count(&word.to_uppercase()), 2);
        }
        assert_eq!(lexicon.len(), 1000);
        assert!(!lexicon.knows("w1000x"));
        let mut pairs = PairCounts::default();
        assert_eq!(pairs.get(0, 1), 0);
        for n in 0..1000 {
            pairs.add(n, n + 1);
            pairs.add(n, n + 1);
            pairs.add(n + 1, n);
        }
        for n in 0..1000 {
            assert_eq!((pairs.get(n, n + 1), pairs.get(n + 1, n)), (2, 1));
            assert_eq!(pairs.get(n, n + 2), 0);
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
            .find(|f| f.what == "run-together-words")
            .expect("reported");
        assert!(finding.readings[0].starts_with("kept «activités»"));
        assert!(finding.readings.iter().any(|r| r.contains("word for word")));
    }
}
