//! The anchors of a text: what in it does not depend on its language, so that a French proposal
//! can be found in an English adopted text. Cited instruments (with the year of the revision
//! cited), UN General Assembly resolution numbers (`70/125`), other numbers (`3/2`, `D.262`,
//! `15`), years, acronyms read through the one table of [`super::equivalents`] (`SMSI` is
//! `WSIS`), proper names (capitalised words not opening a sentence and not in
//! [`equivalents::NOT_NAMES`]), and the words of the title, which match only a title in the same
//! language.
//!
//! Labels are not anchors that score: a label says where an item stands, and renumbering other
//! items must change no score. The matcher uses them to break ties and to show where things
//! stand.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::equivalents;
use crate::model::{Body, Change, InstrumentText, Language, LineSpan};
use crate::reader::citations;
use crate::text::{fold, is_letter, is_letter_or_digit, is_lowercase, is_uppercase};

/// What an anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorKind {
    /// A cited instrument, whatever its revision (`wtdc resolution 69`).
    Citation,
    /// A cited instrument with the year of the revision cited (`wtdc resolution 69, 2017`).
    Revision,
    /// A resolution of the UN General Assembly (`70/125`).
    UnResolution,
    /// An acronym, in its English form (`WSIS` for `SMSI`, `CMSI`).
    Acronym,
    /// A number that is not a year: `15`, `3/2`, `d.262`.
    Number,
    /// A year, 1865 (the ITU's founding) to 2100.
    Year,
    /// A capitalised word that is neither institutional vocabulary nor the first of a sentence.
    Name,
    /// A word of the title; matches only a title word of the same language.
    TitleWord,
}

/// One anchor: what it is, its key (the same in every language), and how the text writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// The comparison key: `cite:wtdc resolution 69`, `rev:wtdc resolution 69 2017`,
    /// `num:70/125`, `acr:WSIS`, `year:2015`, `name:tunis`, `title:fr:cybersecurite`.
    pub key: String,
    /// The anchor as the text writes it (`Résolution 69 (Rév. Buenos Aires, 2017)`, `SMSI`).
    pub as_written: String,
    /// Found in nearly every ITU text (`UIT`, `TIC`): weighs little.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub common: bool,
}

/// How much each kind of anchor weighs in a score. A UN resolution number or a cited instrument
/// says more about what a paragraph is about than a year or a name; the common acronyms (`ITU`,
/// `ICT`) almost nothing.
pub mod weights {
    pub const UN_RESOLUTION: f64 = 4.0;
    pub const CITATION: f64 = 3.0;
    pub const REVISION: f64 = 1.0;
    pub const ACRONYM: f64 = 1.5;
    pub const COMMON_ACRONYM: f64 = 0.25;
    /// A number of two digits or more, or with a dot or a slash (`15`, `3.1`, `3/2`).
    pub const NUMBER: f64 = 1.5;
    /// A number of one digit: `1` to `9` say little.
    pub const DIGIT: f64 = 0.5;
    pub const YEAR: f64 = 1.0;
    pub const NAME: f64 = 0.5;
    pub const TITLE_WORD: f64 = 1.0;
}

impl Anchor {
    /// The anchor's weight in a score (see [`weights`]).
    pub fn weight(&self) -> f64 {
        match self.kind {
            AnchorKind::UnResolution => weights::UN_RESOLUTION,
            AnchorKind::Citation => weights::CITATION,
            AnchorKind::Revision => weights::REVISION,
            AnchorKind::Acronym if self.common => weights::COMMON_ACRONYM,
            AnchorKind::Acronym => weights::ACRONYM,
            AnchorKind::Number if self.key.len() <= "num:9".len() => weights::DIGIT,
            AnchorKind::Number => weights::NUMBER,
            AnchorKind::Year => weights::YEAR,
            AnchorKind::Name => weights::NAME,
            AnchorKind::TitleWord => weights::TITLE_WORD,
        }
    }
}

/// The anchors of one paragraph (its footnotes included), with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphAnchors {
    /// Index of its section in the text, and of the paragraph in the section.
    pub section: usize,
    pub paragraph: usize,
    pub label: Option<String>,
    pub change: Change,
    pub lines: LineSpan,
    /// Each key once, in the order first met.
    pub anchors: Vec<Anchor>,
}

/// A section: its heading as written and its kind in every language (`instructs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionAnchors {
    pub heading: String,
    pub kind: Option<String>,
}

/// Every anchor of a text, paragraph by paragraph, and of its title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextAnchors {
    pub language: Language,
    pub title: Vec<Anchor>,
    pub sections: Vec<SectionAnchors>,
    pub paragraphs: Vec<ParagraphAnchors>,
}

impl TextAnchors {
    /// Every key of the text once (title and paragraphs), with the first anchor that has it.
    pub fn all(&self) -> BTreeMap<&str, &Anchor> {
        let mut all = BTreeMap::new();
        for a in self
            .title
            .iter()
            .chain(self.paragraphs.iter().flat_map(|p| p.anchors.iter()))
        {
            all.entry(a.key.as_str()).or_insert(a);
        }
        all
    }
}

/// The anchors of a text. The header and the formula are left out: they name the instrument
/// itself and its conference, which every text of that conference shares.
pub fn text_anchors(text: &InstrumentText) -> TextAnchors {
    // The citation finder says where a citation stands by its line; a text may come with no
    // lines or the same line for several paragraphs (Akoma Ntoso, texts made for tests), so it
    // reads a copy whose paragraphs each have their own line.
    let mut numbered = text.clone();
    let mut line = 0u32;
    let mut at: Vec<Option<(usize, usize)>> = vec![None];
    for (s, section) in numbered.sections.iter_mut().enumerate() {
        line += 1;
        at.push(None);
        section.lines = LineSpan::line(line);
        for (p, paragraph) in section.paragraphs.iter_mut().enumerate() {
            line += 1;
            at.push(Some((s, p)));
            paragraph.lines = LineSpan::line(line);
        }
    }
    let found = citations::extract(Some(&numbered), None, None, &citations::Meetings::default());
    let mut cited: BTreeMap<(usize, usize), Vec<&crate::model::Citation>> = BTreeMap::new();
    for c in &found {
        if let Some(Some(place)) = at.get(c.line as usize) {
            cited.entry(*place).or_default().push(c);
        }
    }

    let mut paragraphs = Vec::new();
    for (s, section) in text.sections.iter().enumerate() {
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            let mut anchors = Anchors::default();
            let mut body = paragraph.text.clone();
            for f in &paragraph.footnotes {
                body.push_str(" \n ");
                body.push_str(&f.text);
            }
            for c in cited.get(&(s, p)).map(Vec::as_slice).unwrap_or_default() {
                anchors.citation(c);
                // The citation's numbers and years are its own: not read again as numbers.
                if !c.as_written.is_empty() {
                    body = body.replace(&c.as_written, " ");
                }
            }
            scan(&body, &mut anchors);
            paragraphs.push(ParagraphAnchors {
                section: s,
                paragraph: p,
                label: paragraph.label.clone(),
                change: paragraph.change,
                lines: paragraph.lines,
                anchors: anchors.list,
            });
        }
    }
    let mut title = Anchors::default();
    scan(&text.title, &mut title);
    title_words(&text.title, text.language, &mut title);
    TextAnchors {
        language: text.language,
        title: title.list,
        sections: text
            .sections
            .iter()
            .map(|s| SectionAnchors {
                heading: s.heading.clone(),
                kind: equivalents::heading_kind(&s.heading),
            })
            .collect(),
        paragraphs,
    }
}

/// The anchors of a piece of plain text (no citation finder): numbers, years, acronyms, names.
pub fn plain_anchors(text: &str) -> Vec<Anchor> {
    let mut anchors = Anchors::default();
    scan(text, &mut anchors);
    anchors.list
}

/// Anchors gathered once per key.
#[derive(Default)]
struct Anchors {
    list: Vec<Anchor>,
}

impl Anchors {
    fn push(&mut self, kind: AnchorKind, key: String, as_written: &str, common: bool) {
        if self.list.iter().any(|a| a.key == key) {
            return;
        }
        self.list.push(Anchor {
            kind,
            key,
            as_written: as_written.trim().to_string(),
            common,
        });
    }

    fn citation(&mut self, c: &crate::model::Citation) {
        let id = &c.cited;
        if id.body == Body::UnGa {
            self.push(
                AnchorKind::UnResolution,
                format!("num:{}", id.designation()),
                &c.as_written,
                false,
            );
            return;
        }
        let name = format!("{} {} {}", id.body.code(), id.kind.code(), id.designation());
        self.push(
            AnchorKind::Citation,
            format!("cite:{name}"),
            &c.as_written,
            false,
        );
        if let Some(r) = &c.revision {
            self.push(
                AnchorKind::Revision,
                format!("rev:{name} {}", r.year),
                &c.as_written,
                false,
            );
        }
    }
}

/// Characters that may stand inside a token besides letters and digits.
fn inner(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | '+' | '\u{2011}')
}

/// Reads the tokens of `text` and keeps its anchors.
fn scan(text: &str, out: &mut Anchors) {
    // Where a sentence opens: the start, and after `.`, `:`, `;`, `!`, `?`, an opening quote or
    // bracket. A capitalised word there may be any word.
    let mut sentence_start = true;
    let mut token_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let in_token = is_letter_or_digit(c)
            || (inner(c)
                && token_start.is_some()
                && chars.peek().is_some_and(|(_, n)| is_letter_or_digit(*n)));
        if in_token {
            if token_start.is_none() {
                token_start = Some(i);
            }
            continue;
        }
        if let Some(start) = token_start.take() {
            token(&text[start..i], sentence_start, out);
            sentence_start = false;
        }
        if matches!(
            c,
            '.' | ':' | ';' | '!' | '?' | '"' | '«' | '“' | '(' | '[' | '\n'
        ) {
            sentence_start = true;
        }
    }
    if let Some(start) = token_start {
        token(&text[start..], sentence_start, out);
    }
}

/// One token: a run of letters and digits, with `-`, `/`, `.`, `+` inside.
fn token(t: &str, sentence_start: bool, out: &mut Anchors) {
    let t = t.trim_matches(|c: char| inner(c));
    if t.is_empty() {
        return;
    }
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    let has_letter = t.chars().any(is_letter);
    // `2016-2019`, `télécommunications/TIC`: parts of another kind, read one by one. A part with
    // letters joined to an acronym (`UIT-T`, `CMDT-17`, `GTC-Internet`) stays whole.
    if t.contains(['-', '/', '\u{2011}']) {
        let parts: Vec<&str> = t.split(['-', '/', '\u{2011}']).collect();
        let all_digits = parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        if all_digits && t.contains('/') {
            // `3/2`, `70/125`: one number.
            out.push(AnchorKind::Number, format!("num:{t}"), t, false);
            return;
        }
        if all_digits {
            for p in parts {
                token(p, false, out);
            }
            return;
        }
        if is_acronym(parts[0]) {
            acronym(t, &parts, out);
            return;
        }
        if !(has_digit && parts.iter().all(|p| p.chars().any(|c| c.is_ascii_digit()))) {
            let mut first = sentence_start;
            for p in parts {
                token(p, first, out);
                first = false;
            }
            return;
        }
    }
    if !has_letter {
        let digits = t.replace(['.', '+'], "");
        if t.len() == 4 && !t.contains('.') {
            if let Ok(year) = t.parse::<i32>() {
                if (1865..=2100).contains(&year) {
                    out.push(AnchorKind::Year, format!("year:{t}"), t, false);
                    return;
                }
            }
        }
        if !digits.is_empty() {
            let key = t.trim_start_matches('0');
            out.push(
                AnchorKind::Number,
                format!("num:{}", if key.is_empty() { "0" } else { key }),
                t,
                false,
            );
        }
        return;
    }
    if is_acronym(t) {
        acronym(t, &[t], out);
        return;
    }
    if has_digit {
        // `D.262`, `C5`, `IPv6`: a code, the same in every language.
        out.push(AnchorKind::Number, format!("num:{}", fold(t)), t, false);
        return;
    }
    let mut chars = t.chars();
    let first = chars.next().expect("the token is not empty");
    if !sentence_start && is_uppercase(first) && chars.all(|c| is_lowercase(c) || c == '\'') {
        let key = fold(t);
        if key.chars().count() >= 3 && !equivalents::NOT_NAMES.contains(&key.as_str()) {
            out.push(AnchorKind::Name, format!("name:{key}"), t, false);
        }
    }
}

/// An acronym: two capitals or more, then perhaps digits or `+` and digits (`SMSI+10`,
/// `CMDT17`), and perhaps the plural `s` of English (`CIRTs`, `ICTs`).
fn is_acronym(t: &str) -> bool {
    let t = t.strip_suffix('s').unwrap_or(t);
    let letters: String = t.chars().take_while(|c| is_letter(*c)).collect();
    letters.chars().count() >= 2
        && letters.chars().all(is_uppercase)
        && t[letters.len()..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '+')
}

/// Keeps an acronym with its English form: `UIT-T` and `UITT` are `ITUT`, `CMDT-17` is
/// `WTDC-17`, `GTC-Internet` is `CWG-INTERNET`, `SMSI+10` is `WSIS+10`.
fn acronym(t: &str, parts: &[&str], out: &mut Anchors) {
    let whole: String = parts.concat();
    let whole = whole.strip_suffix('s').unwrap_or(&whole);
    // `UIT-T` written with or without its hyphen: one row of the table.
    if let Some(row) = equivalents::row_of(whole) {
        out.push(
            AnchorKind::Acronym,
            format!("acr:{}", row.en),
            t,
            row.common,
        );
        return;
    }
    if parts.len() == 1 {
        let (letters, rest) = split_letters(whole);
        let key = joined(equivalents::canonical_acronym(letters).0, rest);
        let common = rest.is_empty() && equivalents::canonical_acronym(letters).1;
        out.push(AnchorKind::Acronym, format!("acr:{key}"), t, common);
        return;
    }
    let first = parts[0].strip_suffix('s').unwrap_or(parts[0]);
    let (letters, digits) = split_letters(first);
    let (base, _) = equivalents::canonical_acronym(letters);
    let mut key = joined(base, digits);
    for p in &parts[1..] {
        key.push('-');
        key.push_str(&p.to_uppercase());
    }
    out.push(AnchorKind::Acronym, format!("acr:{key}"), t, false);
}

/// An acronym and what follows its letters: `WTDC` and `17` give `WTDC-17`, `WSIS` and `+10`
/// give `WSIS+10`.
fn joined(letters: &str, rest: &str) -> String {
    match rest {
        "" => letters.to_string(),
        r if r.starts_with('+') => format!("{letters}{r}"),
        r => format!("{letters}-{r}"),
    }
}

/// `CMDT17` -> (`CMDT`, `17`); `SMSI+10` -> (`SMSI`, `+10`).
fn split_letters(t: &str) -> (&str, &str) {
    let at = t
        .char_indices()
        .find(|(_, c)| !is_letter(*c))
        .map_or(t.len(), |(i, _)| i);
    (&t[..at], &t[at..])
}

/// The content words of a title (four letters or more, not institutional vocabulary), keyed
/// with the title's language so that they match only a title in the same language.
fn title_words(title: &str, language: Language, out: &mut Anchors) {
    for (_, word) in crate::text::runs(title, is_letter) {
        let key = fold(word);
        if key.chars().count() < 4 || equivalents::NOT_NAMES.contains(&key.as_str()) {
            continue;
        }
        if TITLE_STOPWORDS.contains(&key.as_str()) {
            continue;
        }
        out.push(
            AnchorKind::TitleWord,
            format!("title:{}:{key}", language.code()),
            word,
            false,
        );
    }
}

/// Words of four letters or more that say nothing of a title's subject, folded.
const TITLE_STOPWORDS: &[&str] = &[
    "dans",
    "avec",
    "pour",
    "leur",
    "leurs",
    "entre",
    "sont",
    "with",
    "from",
    "their",
    "into",
    "role",
    "para",
    "sobre",
    "entre",
    "como",
    "relatives",
    "relatifs",
    "relating",
    "related",
    "relativas",
    "aspects",
    "aspectos",
    "questions",
    "issues",
    "cuestiones",
];
