//! The words of a document, counted, for the redline patterns to tell a word from two words run
//! together (`ainsiet` is `ainsi` + `et`). Every line of a document is read into a [`Lexicon`]
//! once per read, so the words are scanned with a table for ASCII bytes and kept in tables of
//! their own rather than in maps of owned strings: this was a fifth of reading a document.

use crate::text::is_uppercase;

/// The words of a document or a corpus with how often each occurs on its own, and which words
/// follow one another, to tell a word from two words run together (`ainsiet` is `ainsi` + `et`
/// where both occur elsewhere, and `ainsi que` and `et que` too).
///
/// The words are kept in one string, one after another, and found through a small hash table of
/// their own (open addressing, linear probing) rather than a `HashMap<String, _>`: a document of
/// 60 KB has some 3,000 distinct words, and a string allocated for each, with the map's hashing
/// of the key apart from reading it, was a fifth of reading a document. It has no `PartialEq`:
/// the same words counted in another order lie elsewhere in its tables.
#[derive(Debug, Clone, Default)]
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
pub(super) fn has_capitals(word: &str) -> bool {
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

/// The word in lower case as [`str::to_lowercase`] writes it, into a buffer kept from word to
/// word (the run-together check lowercases most words of every line).
pub(super) fn lowercase_into(word: &str, out: &mut String) {
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
#[derive(Debug, Clone, Default)]
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
    pub(super) fn from_line(line: &str) -> Lexicon {
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
    pub(super) fn count_with_capitals(&self, word: &str, capitals: bool) -> u32 {
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
    pub(super) fn knows_lowercase(&self, word: &str) -> bool {
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
pub(super) fn adjacent(text: &str, end: usize, next_start: usize) -> bool {
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
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
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
                let (c, next) = crate::text::char_at(text, at);
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
                let (c, next) = crate::text::char_at(text, at);
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

#[cfg(test)]
mod tests {
    use super::*;

    mod fast_helpers_agree_with_their_reference {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashMap;

        proptest! {
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
}
