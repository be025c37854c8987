//! The fixed words of conference documents in French, English and Spanish: instrument headers
//! (`RÉSOLUTION`, `DRAFT NEW RESOLUTION`, `PROYECTO DE NUEVA RESOLUCIÓN`), the preamble formula
//! (`La Conférence de plénipotentiaires`), the section headings (`considérant`, `instructs the
//! Secretary-General`, `encarga al Secretario General`) and the reasons (`Motifs:`). The reader
//! recognises the parts of a document by these words, and tells the language from them.
//!
//! Every comparison is made on a comparison key ([`key`]): case, accents and spacing folded, typographic
//! apostrophes read as `'`.

use crate::model::{InstrumentKind, Language};

/// A comparison key: [`crate::text::fold`] with typographic apostrophes read as `'`.
///
/// The apostrophes are straightened before the fold, in the same pass: the fold leaves them as
/// they are and makes no other character into one, so it is the same as straightening after.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::text::fold_mapped_into(s, &mut out, straight_apostrophe);
    out
}

/// `'` for a typographic apostrophe (`’`, `‘`, `ʼ`), any other character as it is.
#[inline]
fn straight_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        _ => c,
    }
}

/// The key of the first `chars` characters of `s` only: enough to recognise an opening
/// (`La Conférence de plénipotentiaires`, `PROJET DE NOUVELLE RÉSOLUTION [B-1]`) without folding
/// a whole paragraph.
pub fn key_of_start(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        Some((end, _)) => key(&s[..end]),
        None => key(s),
    }
}

/// How many characters of a line's opening each reading folds: enough for its longest words.
const HEADING_CHARS: usize = 40;
const FORMULA_CHARS: usize = 48;
const HEADER_CHARS: usize = 64;

/// The keys of a line's opening, white space at its start skipped, for every reading of
/// openings (formula, heading, header) at the cost of one fold: the key of its first
/// [`HEADER_CHARS`] characters, and where the keys of its first [`HEADING_CHARS`] and
/// [`FORMULA_CHARS`] characters end in it (the fold is a stream: the key of a prefix is a prefix
/// of the key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningKeys {
    key: String,
    heading_end: usize,
    formula_end: usize,
}

impl OpeningKeys {
    /// Folds the opening of `line`.
    pub fn of(line: &str) -> Self {
        let mut keys = OpeningKeys {
            key: String::with_capacity(HEADER_CHARS + 8),
            heading_end: 0,
            formula_end: 0,
        };
        keys.read(line);
        keys
    }

    /// Folds the opening of `line` in place of the last one, reusing the buffer. Most lines
    /// open with none of the fixed words: their fold stops as soon as it shows that, and their
    /// keys are left empty (an empty key opens nothing, as the keys of such a line would not).
    pub fn read(&mut self, line: &str) {
        let opening_words = opening_words();
        let text = line.trim_start();
        let key = &mut self.key;
        key.clear();
        let mut pending_space = false;
        let (mut heading_end, mut formula_end) = (None, None);
        let mut opening_checked = false;
        let mut at = 0;
        for read in 0..HEADER_CHARS {
            if at == text.len() {
                break;
            }
            if read == HEADING_CHARS {
                heading_end = Some(key.len());
            }
            if read == FORMULA_CHARS {
                formula_end = Some(key.len());
            }
            let (c, next) = crate::text::char_at(text, at);
            at = next;
            crate::text::fold_char(straight_apostrophe(c), key, &mut pending_space);
            // The fold only grows: once it is as long as the longest first word, whether the
            // key starts with one of them is settled.
            if !opening_checked && key.len() >= opening_words.longest {
                if !opening_words.open(key) {
                    break;
                }
                opening_checked = true;
            }
        }
        if !opening_words.open(key) {
            key.clear();
        }
        self.heading_end = heading_end.unwrap_or(key.len()).min(key.len());
        self.formula_end = formula_end.unwrap_or(key.len()).min(key.len());
    }

    /// `key_of_start(line.trim_start(), HEADING_CHARS)`.
    fn heading(&self) -> &str {
        &self.key[..self.heading_end]
    }

    /// `key_of_start(line.trim_start(), FORMULA_CHARS)`.
    fn formula(&self) -> &str {
        &self.key[..self.formula_end]
    }

    /// `key_of_start(line.trim_start(), HEADER_CHARS)`.
    fn header(&self) -> &str {
        &self.key
    }
}

/// The fixed words of one language.
#[derive(Debug)]
pub struct Keywords {
    pub language: Language,
    /// Instrument kinds as headers write them, folded (`resolution`, `decision`).
    pub header_kinds: &'static [(&'static str, InstrumentKind)],
    /// Openings of a draft's header, folded, before its kind (`projet de nouvelle`).
    pub draft_openings: &'static [&'static str],
    /// Openings of the preamble formula, folded.
    pub formula_openings: &'static [&'static str],
    /// Section headings, folded; a line is a heading when its key starts with one of them at a
    /// word boundary.
    pub headings: &'static [&'static str],
    /// The reasons label, folded, without its colon.
    pub reasons: &'static [&'static str],
}

const FRENCH: Keywords = Keywords {
    language: Language::Fr,
    header_kinds: &[
        ("resolution", InstrumentKind::Resolution),
        ("decision", InstrumentKind::Decision),
        ("recommandation", InstrumentKind::Recommendation),
        ("avis", InstrumentKind::Opinion),
    ],
    draft_openings: &["projet de nouvelle", "projet de nouvel", "projet de"],
    formula_openings: &["la conference de plenipotentiaires"],
    headings: &[
        "considerant",
        "reconnaissant",
        "rappelant",
        "notant",
        "consciente",
        "conscients",
        "ayant a l'esprit",
        "tenant compte",
        "soulignant",
        "constatant",
        "convaincue",
        "preoccupee",
        "reaffirmant",
        "affirmant",
        "accueillant",
        "se felicitant",
        "prenant note",
        "gardant a l'esprit",
        "decide",
        "charge",
        "invite",
        "prie",
        "encourage",
        "exhorte",
        "demande",
        "recommande",
    ],
    reasons: &["motifs", "motif"],
};

const ENGLISH: Keywords = Keywords {
    language: Language::En,
    header_kinds: &[
        ("resolution", InstrumentKind::Resolution),
        ("decision", InstrumentKind::Decision),
        ("recommendation", InstrumentKind::Recommendation),
        ("opinion", InstrumentKind::Opinion),
    ],
    draft_openings: &["draft new", "draft"],
    formula_openings: &["the plenipotentiary conference"],
    headings: &[
        "considering",
        "recognizing",
        "recognising",
        "recalling",
        "noting",
        "aware",
        "bearing in mind",
        "taking into account",
        "emphasizing",
        "emphasising",
        "stressing",
        "convinced",
        "concerned",
        "reaffirming",
        "affirming",
        "welcoming",
        "acknowledging",
        "observing",
        "mindful",
        "having regard",
        "resolves",
        "further resolves",
        "instructs",
        "further instructs",
        "invites",
        "further invites",
        "urges",
        "encourages",
        "requests",
        "calls upon",
        "calls on",
        "recommends",
    ],
    reasons: &["reasons", "reason"],
};

const SPANISH: Keywords = Keywords {
    language: Language::Es,
    header_kinds: &[
        ("resolucion", InstrumentKind::Resolution),
        ("decision", InstrumentKind::Decision),
        ("recomendacion", InstrumentKind::Recommendation),
        ("opinion", InstrumentKind::Opinion),
    ],
    draft_openings: &["proyecto de nueva", "proyecto de nuevo", "proyecto de"],
    formula_openings: &["la conferencia de plenipotenciarios"],
    headings: &[
        "considerando",
        "reconociendo",
        "recordando",
        "observando",
        "tomando nota",
        "teniendo en cuenta",
        "teniendo presente",
        "consciente",
        "conscientes",
        "habida cuenta",
        "destacando",
        "subrayando",
        "convencida",
        "preocupada",
        "reafirmando",
        "afirmando",
        "acogiendo",
        "resuelve",
        "encarga",
        "invita",
        "pide",
        "insta",
        "alienta",
        "exhorta",
        "solicita",
        "recomienda",
    ],
    reasons: &["motivos", "motivo"],
};

/// The keywords of every language, French first.
pub const ALL: [&Keywords; 3] = [&FRENCH, &ENGLISH, &SPANISH];

/// The keywords of one language.
pub fn keywords(language: Language) -> &'static Keywords {
    match language {
        Language::Fr => &FRENCH,
        Language::En => &ENGLISH,
        Language::Es => &SPANISH,
    }
}

/// The first words of every fixed opening of every language, folded: the formulas', the
/// headings', the drafts' openings (`projet`) and the instrument kinds. Each reading of an
/// opening needs its key to start with one of them (the kinds as whole words), so a key that
/// starts with none opens nothing.
struct OpeningWords {
    words: Vec<&'static str>,
    /// The length in bytes of the longest.
    longest: usize,
}

impl OpeningWords {
    /// `true` when `key` starts with one of the words.
    fn open(&self, key: &str) -> bool {
        let Some(&first) = key.as_bytes().first() else {
            return false;
        };
        // The words are sorted: those that open with the key's first byte stand together.
        let from = self.words.partition_point(|w| w.as_bytes()[0] < first);
        self.words[from..]
            .iter()
            .take_while(|w| w.as_bytes()[0] == first)
            .any(|w| key.starts_with(w))
    }
}

/// The [`OpeningWords`] of [`ALL`], gathered once.
fn opening_words() -> &'static OpeningWords {
    static WORDS: std::sync::OnceLock<OpeningWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&'static str> = ALL
            .iter()
            .flat_map(|kw| {
                let openings = kw
                    .formula_openings
                    .iter()
                    .chain(kw.headings)
                    .chain(kw.draft_openings)
                    .filter_map(|opening| opening.split(' ').next());
                openings.chain(kw.header_kinds.iter().map(|(kind, _)| *kind))
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        OpeningWords { words, longest }
    })
}

/// `true` when `key` starts with `word` followed by the end, a space or punctuation.
fn starts_with_word(key: &str, word: &str) -> bool {
    key.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', ':', ';', '.']))
}

/// The language of a section heading, if `line` is one: its key starts with a heading word of
/// some language (`charge le Directeur du Bureau ...`, `invite les Etats Membres, les Membres des
/// Secteurs et les Associés`). Lines that end like a sentence (`;`, `.`, `:`) or run too long for
/// a heading are not headings.
pub fn heading_language(line: &str) -> Option<Language> {
    heading_language_keyed(line, &OpeningKeys::of(line))
}

/// [`heading_language`] with the keys of the line's opening already folded.
pub fn heading_language_keyed(line: &str, keys: &OpeningKeys) -> Option<Language> {
    // Headings are recognised by their opening words: folding the first 40 characters is enough
    // (the white space that `trim` drops after them and `keys` kept folds to nothing). An empty
    // key, most lines', opens no heading: the tests of the whole line below are spared.
    let k = keys.heading();
    if k.is_empty() {
        return None;
    }
    let trimmed = line.trim();
    if trimmed.is_empty()
        || trimmed.chars().count() > 260
        || trimmed.ends_with([';', '.', ':'])
        || trimmed.contains('\t')
    {
        return None;
    }
    ALL.iter()
        .find(|kw| kw.headings.iter().any(|h| starts_with_word(k, h)))
        .map(|kw| kw.language)
}

/// The language and the text after the label, if `line` opens the reasons (`Motifs:\tLe Brésil
/// propose ...`).
pub fn reasons_opening(line: &str) -> Option<(Language, &str)> {
    let trimmed = line.trim_start();
    let (label, rest) = trimmed.split_once(':')?;
    if label.chars().count() > 12 {
        return None;
    }
    let k = key(label);
    ALL.iter()
        .find(|kw| kw.reasons.contains(&k.as_str()))
        .map(|kw| (kw.language, rest.trim()))
}

/// The language of the preamble formula, if `line` opens one.
pub fn formula_language(line: &str) -> Option<Language> {
    formula_language_keyed(&OpeningKeys::of(line))
}

/// [`formula_language`] with the keys of the line's opening already folded.
pub fn formula_language_keyed(keys: &OpeningKeys) -> Option<Language> {
    let k = keys.formula();
    ALL.iter()
        .find(|kw| kw.formula_openings.iter().any(|f| starts_with_word(k, f)))
        .map(|kw| kw.language)
}

/// What a header names: the kind and the number or the provisional id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderTarget {
    pub kind: InstrumentKind,
    pub number: Option<u32>,
    /// A draft's provisional id, without brackets (`B-1`).
    pub provisional: Option<String>,
    /// The languages whose words the header uses (`RESOLUTION` is French or English).
    pub languages: Vec<Language>,
}

/// Reads an instrument header: `RÉSOLUTION 130 (Rév. Busan, 2014)`, `DECISION 5`, `PROJET DE
/// NOUVELLE RÉSOLUTION [B-1]`, `DRAFT NEW RESOLUTION [EUR-2]`, `PROYECTO DE NUEVA RESOLUCIÓN
/// [B-1]`. `None` when the line is not one.
pub fn parse_header(line: &str) -> Option<HeaderTarget> {
    parse_header_keyed(line, &OpeningKeys::of(line))
}

/// [`parse_header`] with the keys of the line's opening already folded.
pub fn parse_header_keyed(line: &str, keys: &OpeningKeys) -> Option<HeaderTarget> {
    let first = line.trim_start().chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let k = keys.header();
    for kw in ALL {
        for opening in kw.draft_openings {
            let Some(rest) = k.strip_prefix(opening) else {
                continue;
            };
            let rest = rest.trim_start();
            let Some((kind, languages)) = kind_at_start(rest) else {
                continue;
            };
            let provisional = bracketed(line)?;
            return Some(HeaderTarget {
                kind,
                number: None,
                provisional: Some(provisional),
                languages: languages
                    .into_iter()
                    .filter(|l| *l == kw.language)
                    .collect(),
            });
        }
    }
    let (kind, languages) = kind_at_start(k)?;
    let word_len = k.split(' ').next().map_or(0, str::len);
    let rest = k[word_len..].trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        // `RÉSOLUTION [B-1]`: a draft without the opening words.
        let provisional = bracketed(line).filter(|_| rest.starts_with('['))?;
        return Some(HeaderTarget {
            kind,
            number: None,
            provisional: Some(provisional),
            languages,
        });
    }
    let after = &rest[digits.len()..];
    if !(after.is_empty() || after.starts_with([' ', '('])) {
        return None;
    }
    Some(HeaderTarget {
        kind,
        number: Some(digits.parse().ok()?),
        provisional: None,
        languages,
    })
}

/// The kind named by the first word of a key, and the languages that write it so.
fn kind_at_start(k: &str) -> Option<(InstrumentKind, Vec<Language>)> {
    let word = k.split([' ', '[']).next()?;
    let mut found = None;
    let mut languages = Vec::new();
    for kw in ALL {
        if let Some((_, kind)) = kw.header_kinds.iter().find(|(w, _)| *w == word) {
            found = Some(*kind);
            languages.push(kw.language);
        }
    }
    found.map(|kind| (kind, languages))
}

/// The text between the first `[` and the next `]`, trimmed, if any (`B-1`).
fn bracketed(line: &str) -> Option<String> {
    let start = line.find('[')?;
    let end = line[start..].find(']')? + start;
    let inner = line[start + 1..end].trim();
    (!inner.is_empty() && inner.len() <= 20).then(|| inner.to_string())
}

/// Tells the language of a document from its fixed words: reasons and formulas weigh most,
/// headings and headers less. French when nothing tells.
pub fn detect_language<'a>(lines: impl IntoIterator<Item = &'a str>) -> Language {
    let mut score = [0u32; 3];
    let mut keys = OpeningKeys::of("");
    let index = |l: Language| match l {
        Language::Fr => 0,
        Language::En => 1,
        Language::Es => 2,
    };
    for line in lines {
        if let Some((l, _)) = reasons_opening(line) {
            score[index(l)] += 3;
            continue;
        }
        keys.read(line);
        if let Some(l) = formula_language_keyed(&keys) {
            score[index(l)] += 3;
        } else if let Some(l) = heading_language_keyed(line, &keys) {
            score[index(l)] += 1;
        }
    }
    [Language::Fr, Language::En, Language::Es]
        .into_iter()
        .max_by_key(|l| (score[index(*l)], std::cmp::Reverse(index(*l))))
        .expect("three languages")
}

/// The first operative heading of each language's list: the lists above name the preamble's
/// headings (participles: `considérant`, `recalling`) first and the operative part's (verbs:
/// `décide`, `resolves`, `resuelve`) from this word on.
const FIRST_OPERATIVE: [(Language, &str); 3] = [
    (Language::Fr, "decide"),
    (Language::En, "resolves"),
    (Language::Es, "resuelve"),
];

/// Whether a section heading opens the operative part (`décide`, `charge le Secrétaire général`,
/// `invites Member States`) rather than the preamble (`considérant`, `recalling`); `None` when
/// `line` is no heading.
pub fn heading_is_operative(line: &str) -> Option<bool> {
    let keys = OpeningKeys::of(line);
    let language = heading_language_keyed(line, &keys)?;
    let kw = keywords(language);
    let k = keys.heading();
    let index = kw.headings.iter().position(|h| starts_with_word(k, h))?;
    let first = FIRST_OPERATIVE
        .iter()
        .find(|(l, _)| *l == language)
        .and_then(|(_, w)| kw.headings.iter().position(|h| h == w))
        .expect("each language's headings name its first operative one");
    Some(index >= first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_by_prefix_in_three_languages() {
        assert_eq!(
            heading_language(
                "charge le Directeur du Bureau de développement des télécommunications"
            ),
            Some(Language::Fr)
        );
        assert_eq!(
            heading_language("invite les Etats Membres, les Membres des Secteurs et les Associés"),
            Some(Language::Fr)
        );
        assert_eq!(heading_language("considérant en outre"), Some(Language::Fr));
        assert_eq!(
            heading_language("instructs the Secretary-General"),
            Some(Language::En)
        );
        assert_eq!(heading_language("resuelve"), Some(Language::Es));
        assert_eq!(heading_language("que les Membres des Secteurs:"), None);
        assert_eq!(heading_language("décidément non"), None);
    }

    #[test]
    fn keys_fold_accents_and_straighten_typographic_apostrophes() {
        assert_eq!(key("  Considérant\u{a0}l’Œuvre "), "considerant l'œuvre");
        assert_eq!(key("RESOLUCIÓN ʼ‘"), "resolucion ''");
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_one_pass_key_agrees_with_folding_then_straightening(s in "\\PC{0,30}|[a-zA-Z\u{c0}-\u{17f}\u{2018}\u{2019}\u{2bc}' \u{a0}\u{301}]{0,30}") {
            let folded = crate::text::fold(&s);
            let straightened = folded.replace(['\u{2019}', '\u{2018}', '\u{02bc}'], "'");
            prop_assert_eq!(key(&s), straightened);
        }

        #[test]
        fn opening_keys_are_the_keys_of_the_first_characters_or_open_nothing(
            line in "[ \t\u{a0}]{0,2}(La Conférence de plénipotentiaires|RÉSOLUTION|PROJET DE NOUVELLE|considérant|Considering|charge|chargé|Motifs|The Plenipotentiary Conference|RESOLUCIÓN|[A-Za-zÀ-ÿ’']{1,12}|[0-9]{1,3}|\u{301}|\u{130}| |\u{a0}|[\\[\\]();,.:-]){0,10}"
        ) {
            let keys = OpeningKeys::of(&line);
            let start = line.trim_start();
            let references = [
                (keys.heading(), key_of_start(start, HEADING_CHARS)),
                (keys.formula(), key_of_start(start, FORMULA_CHARS)),
                (keys.header(), key_of_start(start, HEADER_CHARS)),
            ];
            for (fast, reference) in references {
                if keys.header().is_empty() {
                    // Nothing to read: the reference opens with none of the first words either.
                    prop_assert!(!opening_words().open(&reference), "{reference}");
                } else {
                    prop_assert_eq!(fast, reference.as_str());
                }
            }
        }
    }

    #[test]
    fn headers_give_kind_and_number_or_provisional_id() {
        let h = parse_header("RÉSOLUTION 130 (Rév. Busan, 2014DUBAÏ, 2018)").expect("header");
        assert_eq!((h.kind, h.number), (InstrumentKind::Resolution, Some(130)));
        let d = parse_header("PROJET DE NOUVELLE RÉSOLUTION [B-1]").expect("draft");
        assert_eq!(d.provisional.as_deref(), Some("B-1"));
        let e = parse_header("DRAFT NEW RESOLUTION [EUR-2]").expect("draft");
        assert_eq!(e.languages, vec![Language::En]);
        let s = parse_header("PROYECTO DE NUEVA RESOLUCIÓN [B-1]").expect("draft");
        assert_eq!(s.languages, vec![Language::Es]);
        assert_eq!(
            parse_header("DÉCISION 5").map(|h| h.kind),
            Some(InstrumentKind::Decision)
        );
        assert_eq!(parse_header("Résolutions adoptées"), None);
    }

    #[test]
    fn reasons_and_formulas_tell_the_language() {
        assert_eq!(
            reasons_opening("Motivos:\tBrasil propone"),
            Some((Language::Es, "Brasil propone"))
        );
        assert_eq!(
            formula_language("The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"),
            Some(Language::En)
        );
        assert_eq!(
            detect_language(["Reasons:\tx", "considering", "resolves"]),
            Language::En
        );
    }
}
