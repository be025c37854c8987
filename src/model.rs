//! The vocabulary that every part of actes shares: bodies, instruments, revisions, conferences,
//! texts and the evidence behind each fact.
//!
//! These types are plain data. The reader (`crate::reader`) produces them from documents, the corpus
//! (`crate::corpus`) arranges them per conference, the history (`crate::history`) stores them in
//! git, the lineage (`crate::lineage`) links them, and the renderers print them. Their serde names
//! are part of the JSON contract that outside scripts rely on: change them only on purpose.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An ITU body (or an outside one) that adopts numbered instruments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Body {
    /// Plenipotentiary Conference (FR Conférence de plénipotentiaires).
    Pp,
    /// World Telecommunication Development Conference (FR CMDT).
    Wtdc,
    /// World Telecommunication Standardization Assembly (FR AMNT).
    Wtsa,
    /// Radiocommunication Assembly (FR AMR).
    Ra,
    /// World Radiocommunication Conference (FR CMR).
    Wrc,
    /// World Conference on International Telecommunications (FR CMTI).
    Wcit,
    /// The ITU Council.
    Council,
    /// World Telecommunication/ICT Policy Forum (FR FMPT); it adopts opinions (`Avis`).
    Wtpf,
    /// The General Assembly of the United Nations.
    UnGa,
}

impl Body {
    /// Every body, in a stable order.
    pub const ALL: [Body; 9] = [
        Body::Pp,
        Body::Wtdc,
        Body::Wtsa,
        Body::Ra,
        Body::Wrc,
        Body::Wcit,
        Body::Council,
        Body::Wtpf,
        Body::UnGa,
    ];

    /// The short name used in ids, paths and on the command line (`pp`, `wtdc`, `un-ga`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Body::Pp => "pp",
            Body::Wtdc => "wtdc",
            Body::Wtsa => "wtsa",
            Body::Ra => "ra",
            Body::Wrc => "wrc",
            Body::Wcit => "wcit",
            Body::Council => "council",
            Body::Wtpf => "wtpf",
            Body::UnGa => "un-ga",
        }
    }

    /// The body's name in English: `Plenipotentiary Conference`, `World Telecommunication
    /// Development Conference`, ...
    pub fn name(self) -> &'static str {
        match self {
            Body::Pp => "Plenipotentiary Conference",
            Body::Wtdc => "World Telecommunication Development Conference",
            Body::Wtsa => "World Telecommunication Standardization Assembly",
            Body::Ra => "Radiocommunication Assembly",
            Body::Wrc => "World Radiocommunication Conference",
            Body::Wcit => "World Conference on International Telecommunications",
            Body::Council => "ITU Council",
            Body::Wtpf => "World Telecommunication/ICT Policy Forum",
            Body::UnGa => "United Nations General Assembly",
        }
    }

    /// Reads a body from its code or a common abbreviation in English or French
    /// (`pp`, `PP`, `wtdc`, `CMDT`, `amnt`, `unga`, ...).
    pub fn from_code(s: &str) -> Option<Body> {
        let lower = s.trim().to_lowercase().replace(['_', ' '], "-");
        Some(match lower.as_str() {
            "pp" | "plenipotentiary" => Body::Pp,
            "wtdc" | "cmdt" => Body::Wtdc,
            "wtsa" | "amnt" => Body::Wtsa,
            "ra" | "amr" => Body::Ra,
            "wrc" | "cmr" => Body::Wrc,
            "wcit" | "cmti" => Body::Wcit,
            "council" | "conseil" => Body::Council,
            "wtpf" | "fmpt" => Body::Wtpf,
            "un-ga" | "unga" | "ga" | "un" => Body::UnGa,
            _ => return None,
        })
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What sort of instrument a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    Resolution,
    Decision,
    Recommendation,
    /// A WTPF opinion (`Avis`).
    Opinion,
}

impl InstrumentKind {
    /// The singular English name, used in ids and paths.
    pub fn code(self) -> &'static str {
        match self {
            InstrumentKind::Resolution => "resolution",
            InstrumentKind::Decision => "decision",
            InstrumentKind::Recommendation => "recommendation",
            InstrumentKind::Opinion => "opinion",
        }
    }

    /// Reads a kind from its English code or its French or Spanish name, any case, singular or
    /// plural, with or without accents (`resolution`, `Résolutions`, `dec`, `Avis`, ...).
    pub fn from_word(s: &str) -> Option<InstrumentKind> {
        let w = crate::text::fold(s);
        let w = w.trim_end_matches('.');
        Some(match w {
            "resolution" | "resolutions" | "res" | "resolucion" | "resoluciones" => {
                InstrumentKind::Resolution
            }
            "decision" | "decisions" | "dec" | "decisiones" => InstrumentKind::Decision,
            "recommendation" | "recommendations" | "rec" | "recomendacion" | "recomendaciones" => {
                InstrumentKind::Recommendation
            }
            "opinion" | "opinions" | "avis" | "opiniones" => InstrumentKind::Opinion,
            _ => return None,
        })
    }
}

impl fmt::Display for InstrumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Which instrument: a body's resolution, decision, ... by number, or a draft by its provisional
/// id (`[B-1]`), or a UN General Assembly resolution by session and number (`70/125`).
///
/// Serialized as `{ "body", "kind", "number", "provisional" }` (plus `"session"` for the UN), the
/// shape the JSON contract names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct InstrumentId {
    pub body: Body,
    pub kind: InstrumentKind,
    /// The number for life; `None` for a draft known only by its provisional id.
    pub number: Option<u32>,
    /// A draft's provisional id without brackets (`B-1`).
    pub provisional: Option<String>,
    /// The UN General Assembly session (`70` in `70/125`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
}

impl InstrumentId {
    /// A numbered instrument.
    pub fn numbered(body: Body, kind: InstrumentKind, number: u32) -> Self {
        InstrumentId {
            body,
            kind,
            number: Some(number),
            provisional: None,
            session: None,
        }
    }

    /// A draft known by its provisional id (`B-1`, without brackets).
    pub fn provisional(body: Body, kind: InstrumentKind, id: impl Into<String>) -> Self {
        InstrumentId {
            body,
            kind,
            number: None,
            provisional: Some(id.into()),
            session: None,
        }
    }

    /// The designation as written: `130`, `[B-1]`, `70/125`.
    pub fn designation(&self) -> String {
        match (&self.session, &self.number, &self.provisional) {
            (Some(s), Some(n), _) => format!("{s}/{n}"),
            (_, Some(n), _) => n.to_string(),
            (_, None, Some(p)) => format!("[{p}]"),
            (_, None, None) => "?".to_string(),
        }
    }

    /// The folder of this instrument in the git tree: `pp/resolution/130`, `pp/resolution/B-1`,
    /// `un-ga/resolution/70-125`. Stable: the history's layout depends on it.
    pub fn tree_dir(&self) -> String {
        let leaf = match (&self.session, &self.number, &self.provisional) {
            (Some(s), Some(n), _) => format!("{s}-{n}"),
            (_, Some(n), _) => n.to_string(),
            (_, None, Some(p)) => p.clone(),
            (_, None, None) => "unknown".to_string(),
        };
        format!("{}/{}/{}", self.body.code(), self.kind.code(), leaf)
    }
}

impl fmt::Display for InstrumentId {
    /// `pp resolution 130`, `wtdc resolution 69`, `pp resolution [B-1]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.body, self.kind, self.designation())
    }
}

/// A revision mark as a header or a citation gives it: `Rév. Busan, 2014` (revised there) or
/// `Dubaï, 2018` (adopted new there).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Revision {
    /// The place as written in the source (`Busan`, `Dubaï`, `DUBAÏ`, `Buenos Aires`).
    pub place: String,
    pub year: i32,
    /// `true` for `Rév.`/`Rev.`: revised there; `false`: adopted new there.
    pub revised: bool,
}

impl fmt::Display for Revision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.revised {
            write!(f, "Rev. {}, {}", self.place, self.year)
        } else {
            write!(f, "{}, {}", self.place, self.year)
        }
    }
}

/// A conference's id: `pp-2018-dubai`. It names the conference's tag in the history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConferenceId(pub String);

impl fmt::Display for ConferenceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a fact is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// Said by the source in so many words: a header, a Final Acts list.
    Stated,
    /// Put forward by a proposal: not an outcome.
    Proposed,
    /// Deduced: from a citation, from aligning labels, from a header that did not change.
    Inferred,
}

impl fmt::Display for EvidenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EvidenceKind::Stated => "stated",
            EvidenceKind::Proposed => "proposed",
            EvidenceKind::Inferred => "inferred",
        })
    }
}

/// Lines `first..=last` of a source, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "[u32; 2]", from = "[u32; 2]")]
pub struct LineSpan {
    pub first: u32,
    pub last: u32,
}

impl LineSpan {
    pub fn new(first: u32, last: u32) -> Self {
        LineSpan { first, last }
    }

    pub fn line(line: u32) -> Self {
        LineSpan {
            first: line,
            last: line,
        }
    }
}

impl From<LineSpan> for [u32; 2] {
    fn from(s: LineSpan) -> Self {
        [s.first, s.last]
    }
}

impl From<[u32; 2]> for LineSpan {
    fn from([first, last]: [u32; 2]) -> Self {
        LineSpan { first, last }
    }
}

impl fmt::Display for LineSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "line {}", self.first)
        } else {
            write!(f, "lines {}-{}", self.first, self.last)
        }
    }
}

/// Where a fact comes from, and how it is known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The source file, relative to the sources folder (`documents/pp-2018-dubai/67-fr.txt`,
    /// `outcomes/pp-2018-dubai.csv`).
    pub source: String,
    /// The entry within it: a proposal id (`B/67/4`), a Final Acts row (`resolution 128
    /// abrogated`), a header or a citation as written.
    pub entry: Option<String>,
    pub lines: Option<LineSpan>,
    /// A short human explanation, for inferred facts above all ("header still says Rév.
    /// Antalya, 2006 in 2018").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl fmt::Display for Evidence {
    /// `stated: outcomes/pp-2018-dubai.csv, resolution 128 abrogated, line 24`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.source)?;
        if let Some(entry) = &self.entry {
            write!(f, ", {entry}")?;
        }
        if let Some(lines) = &self.lines {
            write!(f, ", {lines}")?;
        }
        if let Some(note) = &self.note {
            write!(f, " ({note})")?;
        }
        Ok(())
    }
}

/// A language of the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
    Es,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Es => "es",
        }
    }

    pub fn from_code(s: &str) -> Option<Language> {
        match s.trim().to_lowercase().as_str() {
            "fr" | "french" | "français" | "francais" => Some(Language::Fr),
            "en" | "english" | "anglais" => Some(Language::En),
            "es" | "spanish" | "español" | "espagnol" => Some(Language::Es),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a paragraph of a reconstructed text went through between the old and the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Unchanged,
    Modified,
    Inserted,
    Deleted,
    /// The reader could not settle whether this paragraph belongs to the old text, the new text or
    /// both; see the text's `uncertain` list.
    Uncertain,
}

/// One paragraph of an instrument: a labelled item (`a)`, `1`, `i)`, `–`, `•`) or a plain
/// paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The label as it reads in this text (`b)`, `3`, `iii)`, `–`); `None` for a plain paragraph.
    pub label: Option<String>,
    /// Nesting depth, 0 for items directly under a heading.
    pub depth: u8,
    pub text: String,
    /// Footnotes referenced by this paragraph, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// The source lines this paragraph was read from.
    pub lines: LineSpan,
    pub change: Change,
}

/// A footnote attached where it is referenced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The mark as printed (`1`).
    pub mark: String,
    pub text: String,
}

/// A section of an instrument under one of its fixed headings (`considérant`, `décide`, `charge
/// le Secrétaire général`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub lines: LineSpan,
    pub paragraphs: Vec<Paragraph>,
}

/// How much of an instrument's text a source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Completeness {
    /// The whole text (annexes aside, where the source says so in `notes`).
    Complete,
    /// Part of the text: a `SUP` that gives only header, title and formula, a body without its
    /// annexes, paragraphs the reader could not settle.
    Partial,
    /// No text at all: the instrument is known (from the Final Acts, a citation) but not its words.
    Absent,
}

/// The text of an instrument as it stood at one point: before a proposal, as proposed, or after a
/// conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentText {
    pub language: Language,
    /// The header as it reads in this text, tracked changes resolved (`RÉSOLUTION 130 (Rév. Busan,
    /// 2014)`).
    pub header: String,
    /// The revision mark of the header; `None` for a draft new instrument.
    pub revision: Option<Revision>,
    pub title: String,
    /// The preamble formula (`La Conférence de plénipotentiaires ... (Busan, 2014),`).
    pub formula: Option<String>,
    pub sections: Vec<Section>,
    pub completeness: Completeness,
    /// Why the text is partial or what it leaves out ("annexes not reproduced").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The lines outside the paragraphs (header, title, formula, a heading) that the reader could
    /// not settle; like an unsettled paragraph, each is written `[?] ` in the history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsettled_openings: Vec<Opening>,
}

/// A line of a text outside its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Opening {
    Header,
    Title,
    Formula,
    /// The heading of the section at this index.
    Heading(usize),
}

/// Which side of a flattened redline a fact belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The text as it stood before the proposal.
    Old,
    /// The text as proposed.
    New,
    /// Both.
    Both,
}

/// A reference, in a text, to an instrument of any body, with the revision as cited.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Citation {
    pub cited: InstrumentId,
    /// The revision mark as cited (`Rév. Dubaï, 2014`); `None` when the citation gives none.
    pub revision: Option<Revision>,
    /// On which side of the redline the citation stands. Where the two sides cite different
    /// revisions, the reader gives two citations, one `old` and one `new`.
    pub side: Side,
    /// The citation as written (tracked changes resolved for its side).
    pub as_written: String,
    /// Where it stands: the section heading and the paragraph label, if any.
    pub section: Option<String>,
    pub label: Option<String>,
    pub line: u32,
    /// Set when the paragraph the citation stands in is unsettled (`[?]`): the reading that
    /// leaves it so (`run-together-words at line 111: ainsiet`). Such a citation is inferred,
    /// never stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsettled: Option<String>,
}

/// Something the reader could not settle, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Uncertainty {
    pub line: u32,
    /// A stable code: `paragraph-presence`, `run-together-words`, `label-pair`, `homoglyph`,
    /// `dropped-hyphen`, ...
    pub what: String,
    /// The text concerned, as written in the source.
    pub excerpt: String,
    /// The readings the data allows, most likely first where there is an order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<String>,
    /// Where it stands: the section heading and the paragraph label, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The codes of what a reader repairs and only lists (a restored hyphen, a look-alike letter, a
/// proposal without its reasons): notes, not unsettled readings. Every other code leaves its
/// paragraph unsettled (`[?]`).
pub const NOTE_CODES: &[&str] = &["dropped-hyphen", "homoglyph", "reasons-missing"];

impl Uncertainty {
    /// `true` for a repair the reader only lists (see [`NOTE_CODES`]); `false` for a reading it
    /// could not settle.
    pub fn is_note(&self) -> bool {
        NOTE_CODES.contains(&self.what.as_str())
    }

    /// The reading named in one phrase, for a citation or a note: `run-together-words at line
    /// 111: ainsiet`.
    pub fn named(&self) -> String {
        format!("{} at line {}: {}", self.what, self.line, self.excerpt)
    }
}

/// What a conference or a proposal did to an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Event {
    /// The earliest state the corpus knows; not a claim that it was adopted there.
    FirstInCorpus,
    /// Adopted new at this conference (a header or the Final Acts say so).
    Adopted,
    /// Revised at this conference.
    Revised,
    /// Carried through this conference without revision.
    Unchanged,
    /// Suppressed (abrogated) at this conference.
    Suppressed,
    /// Put forward by a proposal: `MOD`, `ADD`, `SUP` ... never an outcome.
    Proposed,
}

/// How sure the corpus is that a version or an event is what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// An outcome that a source states (header, Final Acts).
    Adopted,
    /// Only proposed.
    Proposed,
    /// Deduced (from a citation, from an unchanged header).
    Inferred,
}

/// What the history stores about one instrument at one point of its history, as the
/// `meta.json` beside its texts. The lineage and the queries are built from these records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRecord {
    pub instrument: InstrumentId,
    /// The title in the record's languages; absent where no source gives it.
    pub titles: std::collections::BTreeMap<Language, String>,
    /// The revision mark that its header carries at this point.
    pub revision: Option<Revision>,
    /// What the conference (or proposal) of this commit did to it.
    pub event: Event,
    pub status: Status,
    /// How much of the text the history holds, by language; a language absent from the map has
    /// no text at all.
    pub texts: std::collections::BTreeMap<Language, Completeness>,
    /// Why the text is partial or absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The sources of this record's facts.
    pub evidence: Vec<Evidence>,
    /// What the text of this version cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// What the reader could not settle in this text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<Uncertainty>,
}

/// A conference of the catalogue: which body, where (in French, English and Spanish), when, and
/// how sure each date is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conference {
    /// `pp-2018-dubai`.
    pub id: ConferenceId,
    pub body: Body,
    pub place: Places,
    /// Other names it goes by (`PP-18`, `Minneápolis`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub year: i32,
    /// First and last day, `YYYY-MM-DD`.
    #[serde(with = "iso_date")]
    pub start: time::Date,
    #[serde(with = "iso_date")]
    pub end: time::Date,
    /// The day its Final Acts were signed, `YYYY-MM-DD`.
    #[serde(with = "iso_date")]
    pub final_acts: time::Date,
    /// How sure the Final Acts date is: `sourced`, or `last-day` where it is taken to be the last
    /// day of the conference.
    pub final_acts_confidence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A place name in the three languages of the texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    pub fr: String,
    pub en: String,
    pub es: String,
}

/// Dates as `YYYY-MM-DD` strings in JSON.
pub mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::macros::format_description;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<time::Date, D::Error> {
        let text = String::deserialize(d)?;
        time::Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<time::Date, time::error::Parse> {
        time::Date::parse(text, FORMAT)
    }
}

/// What the history stores about a conference (`conferences/<id>.json`): the conference and every
/// event the sources record for it, each with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferenceRecord {
    pub conference: Conference,
    pub events: Vec<EventRecord>,
}

/// One thing a conference did to one instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub instrument: InstrumentId,
    pub event: Event,
    pub status: Status,
    /// The revision mark after the event; for a suppression, the last revision before it.
    pub revision: Option<Revision>,
    /// The title as the source gives it (English for the Final Acts list), if any.
    pub title: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// What the history stores about a proposal (`proposals/<conference>/<id>.json`, on proposal
/// refs only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRecord {
    pub id: crate::reader::ProposalId,
    pub conference: ConferenceId,
    pub action: crate::reader::Action,
    pub target: InstrumentId,
    /// The document it was read from, relative to the sources folder.
    pub source: String,
    pub lines: LineSpan,
    pub reasons: Vec<String>,
    pub evidence: Vec<Evidence>,
}
