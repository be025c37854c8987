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

    /// The body's names: acronyms and full names in French, English and Spanish (one table,
    /// [`BODY_NAMES`], for every module that reads or writes a body's name).
    pub fn names(self) -> &'static BodyNames {
        BODY_NAMES
            .iter()
            .find(|n| n.body == self)
            .expect("BODY_NAMES has a row for every body")
    }

    /// The body's name in English: `Plenipotentiary Conference`, `World Telecommunication
    /// Development Conference`, ...
    pub fn name(self) -> &'static str {
        self.names().en
    }

    /// The body's name in a language: `Conférence de plénipotentiaires`, `Conferencia de
    /// Plenipotenciarios`.
    pub fn name_in(self, language: Language) -> &'static str {
        let names = self.names();
        match language {
            Language::Fr => names.fr,
            Language::En => names.en,
            Language::Es => names.es,
        }
    }

    /// Reads a body from its code or an acronym in English, French or Spanish
    /// (`pp`, `PP`, `wtdc`, `CMDT`, `amnt`, `unga`, ...).
    pub fn from_code(s: &str) -> Option<Body> {
        let lower = s.trim().to_lowercase().replace(['_', ' '], "-");
        BODY_NAMES
            .iter()
            .find(|n| n.body.code() == lower || n.acronyms.contains(&lower.as_str()))
            .map(|n| n.body)
    }

    /// Reads a body however a user or a text names it: its code, an acronym, or its name in any of
    /// the three languages (`Plenipotentiary Conference`, `Conférence mondiale de développement
    /// des télécommunications`, `the Council`); case, accents and spacing do not matter.
    pub fn from_name(s: &str) -> Option<Body> {
        if let Some(body) = Body::from_code(s) {
            return Some(body);
        }
        let folded = crate::text::fold(s);
        let folded = folded
            .strip_prefix("the ")
            .or_else(|| folded.strip_prefix("la "))
            .or_else(|| folded.strip_prefix("le "))
            .or_else(|| folded.strip_prefix("l'"))
            .or_else(|| folded.strip_prefix("el "))
            .unwrap_or(&folded);
        BODY_NAMES
            .iter()
            .find(|n| n.forms().any(|form| crate::text::fold(form) == folded))
            .map(|n| n.body)
    }
}

/// A body's names, as written (accents and capitals included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyNames {
    pub body: Body,
    /// Acronyms and short words in any of the three languages, lowercase (`wtdc`, `cmdt`).
    pub acronyms: &'static [&'static str],
    pub fr: &'static str,
    pub en: &'static str,
    pub es: &'static str,
    /// Other names that texts use (`Council`, `General Assembly`), as written.
    pub other: &'static [&'static str],
    /// How running text mentions it, folded (lowercase, no accents): the reader's citations
    /// look for these in the words before a citation and in the item a list hangs under.
    pub mentions: &'static [&'static str],
    /// The words right after a citation that name it, folded (`de la cmdt`, `of the council`).
    pub after: &'static [&'static str],
    /// Words of a text's formula (`La Conférence de plénipotentiaires ...`) that say the body
    /// adopting it, folded.
    pub formula: &'static [&'static str],
}

impl BodyNames {
    /// The full names in the three languages, then the other names.
    pub fn forms(&self) -> impl Iterator<Item = &'static str> {
        [self.fr, self.en, self.es]
            .into_iter()
            .chain(self.other.iter().copied())
    }
}

/// Every body's names: the one table of them (the reader's citations, the names users type, the
/// catalogue and the history's commit authors all read it).
pub const BODY_NAMES: [BodyNames; 9] = [
    BodyNames {
        body: Body::Pp,
        acronyms: &["plenipotentiary"],
        fr: "Conférence de plénipotentiaires",
        en: "Plenipotentiary Conference",
        es: "Conferencia de Plenipotenciarios",
        other: &[],
        mentions: &[
            "conference de plenipotentiaires",
            "plenipotentiary conference",
            "conferencia de plenipotenciarios",
        ],
        after: &[
            "de la presente conference",
            "de la conference de plenipotentiaires",
            "of the plenipotentiary conference",
            "of this conference",
            "of the present conference",
            "de la presente conferencia",
            "de esta conferencia",
            "de la conferencia de plenipotenciarios",
        ],
        formula: &["plenipotentiaires", "plenipotentiary", "plenipotenciarios"],
    },
    BodyNames {
        body: Body::Wtdc,
        acronyms: &["cmdt"],
        fr: "Conférence mondiale de développement des télécommunications",
        en: "World Telecommunication Development Conference",
        es: "Conferencia Mundial de Desarrollo de las Telecomunicaciones",
        other: &[],
        mentions: &[
            "cmdt",
            "wtdc",
            "conference mondiale de developpement des telecommunications",
            "world telecommunication development conference",
            "conferencia mundial de desarrollo de las telecomunicaciones",
        ],
        after: &[
            "de la cmdt",
            "de la conference mondiale de developpement des telecommunications",
            "of wtdc",
            "of the wtdc",
            "of the world telecommunication development conference",
            "de la conferencia mundial de desarrollo de las telecomunicaciones",
        ],
        formula: &[
            "developpement des telecommunications",
            "development conference",
            "desarrollo de las telecomunicaciones",
        ],
    },
    BodyNames {
        body: Body::Wtsa,
        acronyms: &["amnt"],
        fr: "Assemblée mondiale de normalisation des télécommunications",
        en: "World Telecommunication Standardization Assembly",
        es: "Asamblea Mundial de Normalización de las Telecomunicaciones",
        other: &[],
        mentions: &[
            "amnt",
            "wtsa",
            "assemblee mondiale de normalisation des telecommunications",
            "world telecommunication standardization assembly",
            "asamblea mundial de normalizacion de las telecomunicaciones",
        ],
        after: &[
            "de l'amnt",
            "de la amnt",
            "de l'assemblee mondiale de normalisation des telecommunications",
            "of wtsa",
            "of the wtsa",
            "of the world telecommunication standardization assembly",
            "de la asamblea mundial de normalizacion de las telecomunicaciones",
        ],
        formula: &[
            "normalisation des telecommunications",
            "standardization assembly",
            "normalizacion de las telecomunicaciones",
        ],
    },
    BodyNames {
        body: Body::Ra,
        acronyms: &["amr"],
        fr: "Assemblée des radiocommunications",
        en: "Radiocommunication Assembly",
        es: "Asamblea de Radiocomunicaciones",
        other: &[],
        mentions: &[
            "amr",
            "assemblee des radiocommunications",
            "radiocommunication assembly",
        ],
        after: &[
            "de l'amr",
            "de l'assemblee des radiocommunications",
            "of the radiocommunication assembly",
            "de la asamblea de radiocomunicaciones",
        ],
        formula: &[],
    },
    BodyNames {
        body: Body::Wrc,
        acronyms: &["cmr"],
        fr: "Conférence mondiale des radiocommunications",
        en: "World Radiocommunication Conference",
        es: "Conferencia Mundial de Radiocomunicaciones",
        other: &[],
        mentions: &[
            "cmr",
            "conference mondiale des radiocommunications",
            "world radiocommunication conference",
        ],
        after: &[
            "de la cmr",
            "de la conference mondiale des radiocommunications",
            "of wrc",
            "of the world radiocommunication conference",
            "de la conferencia mundial de radiocomunicaciones",
        ],
        formula: &[],
    },
    BodyNames {
        body: Body::Wcit,
        acronyms: &["cmti"],
        fr: "Conférence mondiale des télécommunications internationales",
        en: "World Conference on International Telecommunications",
        es: "Conferencia Mundial de Telecomunicaciones Internacionales",
        other: &[],
        mentions: &[
            "cmti",
            "wcit",
            "conference mondiale des telecommunications internationales",
        ],
        after: &[
            "de la cmti",
            "de la conference mondiale des telecommunications internationales",
            "of wcit",
            "of the world conference on international telecommunications",
        ],
        formula: &[],
    },
    BodyNames {
        body: Body::Council,
        acronyms: &["conseil"],
        fr: "Conseil de l'UIT",
        en: "ITU Council",
        es: "Consejo de la UIT",
        other: &["Conseil", "Council", "Consejo"],
        mentions: &["le conseil", "the council", "el consejo"],
        after: &[
            "du conseil",
            "of the council",
            "del consejo",
            "qu'il a adoptee a sa session",
            "adoptee par le conseil",
            "adopted by the council",
            "adoptada por el consejo",
        ],
        formula: &[],
    },
    BodyNames {
        body: Body::Wtpf,
        acronyms: &["fmpt"],
        fr: "Forum mondial des politiques de télécommunication/TIC",
        en: "World Telecommunication/ICT Policy Forum",
        es: "Foro Mundial de Política de las Telecomunicaciones/TIC",
        other: &["World Telecommunication Policy Forum"],
        mentions: &[],
        after: &[
            "du forum mondial des politiques de telecommunication",
            "of the world telecommunication/ict policy forum",
            "of the world telecommunication policy forum",
            "del foro mundial de politica de las telecomunicaciones",
        ],
        formula: &[],
    },
    BodyNames {
        body: Body::UnGa,
        acronyms: &["unga", "ga", "un"],
        fr: "Assemblée générale des Nations Unies",
        en: "United Nations General Assembly",
        es: "Asamblea General de las Naciones Unidas",
        other: &["Assemblée générale", "General Assembly", "Asamblea General"],
        mentions: &["assemblee generale", "general assembly", "asamblea general"],
        after: &[
            "de l'assemblee generale",
            "of the united nations general assembly",
            "of the general assembly",
            "de la asamblea general",
        ],
        formula: &[],
    },
];

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

/// The words of instrument names and revision marks in each language of the texts: the one table
/// of them (the body names are in [`BODY_NAMES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageWords {
    pub language: Language,
    /// `Résolution`, `Resolution`, `Resolución`.
    pub resolution: &'static str,
    /// `Décision`, `Decision`, `Decisión`.
    pub decision: &'static str,
    /// `Recommandation`, `Recommendation`, `Recomendación`.
    pub recommendation: &'static str,
    /// `Avis`, `Opinion`, `Opinión`.
    pub opinion: &'static str,
    /// What a draft's name starts with: `Projet de`, `Draft`, `Proyecto de`.
    pub draft: &'static str,
    /// The mark of a revision: `Rév.`, `Rev.`, `Rev.`.
    pub revised: &'static str,
}

/// The words of every language, in the order of [`Language::ALL`].
pub const LANGUAGE_WORDS: [LanguageWords; 3] = [
    LanguageWords {
        language: Language::Fr,
        resolution: "Résolution",
        decision: "Décision",
        recommendation: "Recommandation",
        opinion: "Avis",
        draft: "Projet de",
        revised: "Rév.",
    },
    LanguageWords {
        language: Language::En,
        resolution: "Resolution",
        decision: "Decision",
        recommendation: "Recommendation",
        opinion: "Opinion",
        draft: "Draft",
        revised: "Rev.",
    },
    LanguageWords {
        language: Language::Es,
        resolution: "Resolución",
        decision: "Decisión",
        recommendation: "Recomendación",
        opinion: "Opinión",
        draft: "Proyecto de",
        revised: "Rev.",
    },
];

impl InstrumentKind {
    /// The kind's name in a language, capitalised: `Résolution`, `Decision`, `Recomendación`.
    pub fn name_in(self, language: Language) -> &'static str {
        let words = language.words();
        match self {
            InstrumentKind::Resolution => words.resolution,
            InstrumentKind::Decision => words.decision,
            InstrumentKind::Recommendation => words.recommendation,
            InstrumentKind::Opinion => words.opinion,
        }
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

impl Revision {
    /// The mark in a language, with the place as that language writes it (`place`, from the
    /// catalogue where it knows the conference; else the place as written): `Rév. Antalya, 2006`,
    /// `Rev. Antalya, 2006`, `Dubaï, 2018`.
    pub fn mark_in(&self, language: Language, place: &str) -> String {
        if self.revised {
            format!("{} {place}, {}", language.words().revised, self.year)
        } else {
            format!("{place}, {}", self.year)
        }
    }
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

/// A language of the texts. The default is English, the language of the outputs' words unless
/// asked otherwise.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    #[default]
    En,
    Es,
}

impl Language {
    /// Every language of the texts, in the order files and outputs list them.
    pub const ALL: [Language; 3] = [Language::Fr, Language::En, Language::Es];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// The words of instrument names and revision marks in this language ([`LANGUAGE_WORDS`]).
    pub fn words(self) -> &'static LanguageWords {
        LANGUAGE_WORDS
            .iter()
            .find(|w| w.language == self)
            .expect("LANGUAGE_WORDS has a row for every language")
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

/// What a reader could not settle, as a stable code (`paragraph-presence`, `homoglyph`, ...).
/// The variants are in the alphabetical order of their codes, so that sorting is the same as
/// sorting the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UncertaintyKind {
    /// A list of abrogated instruments taken out of the text it sat in (Final Acts).
    AbrogatedListRemoved,
    /// An annex made a section of its own (Final Acts).
    AnnexSeparated,
    /// A citation whose body the words around it do not settle.
    CitationBody,
    /// A conference year run into the words around it.
    ConferenceYear,
    /// A hyphen the extraction may have dropped.
    DroppedHyphen,
    /// A paragraph left empty by a repair, dropped (Final Acts).
    EmptyParagraphDropped,
    /// A footnote whose marker the text does not show (Final Acts).
    FootnoteMarkerNotFound,
    /// A footnote marker taken out of a title (Final Acts).
    FootnoteMarkerRemovedFromTitle,
    /// A footnote marker glued to a word, split off (Final Acts).
    FootnoteMarkerSplit,
    /// A digit glued to a word that may be a footnote marker with no footnote (Final Acts).
    FootnoteMarkerUnmatched,
    /// Footnote text left inline, moved to a footnote at its marker (Final Acts).
    FootnoteMoved,
    /// A footnote no paragraph refers to.
    FootnoteUnreferenced,
    /// Footnote text with no marker to attach it to (Final Acts).
    FootnoteWithoutMark,
    /// Words that may be a section heading run into a paragraph (Final Acts).
    HeadingInText,
    /// A letter from another script standing in for a Latin one.
    Homoglyph,
    /// An item run in after a footnote, split off (Final Acts).
    ItemAfterFootnoteSplit,
    /// A label left at the start of the text, taken into the label (Final Acts).
    LabelFromText,
    /// A label missing in a sequence (`a)`, `c)`).
    LabelGap,
    /// What may be a label left at the start of the text (Final Acts).
    LabelInText,
    /// Which old and new labels pair up.
    LabelPair,
    /// A list whose labels follow no sequence.
    LabelSequence,
    /// A reading that would make a text cite a meeting or a revision of a later year.
    LaterThanText,
    /// Two numbers run together.
    NumberPair,
    /// Text that belongs to no instrument, taken out (Final Acts).
    OutsideInstrumentsRemoved,
    /// A page number taken out of the text (Final Acts).
    PageNumberRemoved,
    /// The order of paragraphs moved around.
    ParagraphOrder,
    /// Whether a paragraph is in the old text, the new, or both.
    ParagraphPresence,
    /// A Part heading taken out of the text (Final Acts).
    PartHeadingRemoved,
    /// A proposal without its reasons.
    ReasonsMissing,
    /// A revision mark that cannot be read whole.
    RevisionMark,
    /// A section heading run into a paragraph, split off (Final Acts).
    RunInHeadingSplit,
    /// An item run into the paragraph before it, split off (Final Acts).
    RunInItemSplit,
    /// Words run together by the extraction.
    RunTogetherWords,
    /// Text after a Part heading that is not an instrument (Final Acts).
    TextAfterPartHeading,
    /// A title the source cuts short (Final Acts), kept as it is, never completed.
    TitleCutShort,
    /// A title that may be cut short in the source (Final Acts).
    TitleMaybeCutShort,
    /// A range of years run together.
    YearRange,
}

impl UncertaintyKind {
    /// The code, as JSON and the text outputs print it.
    pub fn as_str(self) -> &'static str {
        match self {
            UncertaintyKind::AbrogatedListRemoved => "abrogated-list-removed",
            UncertaintyKind::AnnexSeparated => "annex-separated",
            UncertaintyKind::CitationBody => "citation-body",
            UncertaintyKind::ConferenceYear => "conference-year",
            UncertaintyKind::DroppedHyphen => "dropped-hyphen",
            UncertaintyKind::EmptyParagraphDropped => "empty-paragraph-dropped",
            UncertaintyKind::FootnoteMarkerNotFound => "footnote-marker-not-found",
            UncertaintyKind::FootnoteMarkerRemovedFromTitle => "footnote-marker-removed-from-title",
            UncertaintyKind::FootnoteMarkerSplit => "footnote-marker-split",
            UncertaintyKind::FootnoteMarkerUnmatched => "footnote-marker-unmatched",
            UncertaintyKind::FootnoteMoved => "footnote-moved",
            UncertaintyKind::FootnoteUnreferenced => "footnote-unreferenced",
            UncertaintyKind::FootnoteWithoutMark => "footnote-without-mark",
            UncertaintyKind::HeadingInText => "heading-in-text",
            UncertaintyKind::Homoglyph => "homoglyph",
            UncertaintyKind::ItemAfterFootnoteSplit => "item-after-footnote-split",
            UncertaintyKind::LabelFromText => "label-from-text",
            UncertaintyKind::LabelGap => "label-gap",
            UncertaintyKind::LabelInText => "label-in-text",
            UncertaintyKind::LabelPair => "label-pair",
            UncertaintyKind::LabelSequence => "label-sequence",
            UncertaintyKind::LaterThanText => "later-than-text",
            UncertaintyKind::NumberPair => "number-pair",
            UncertaintyKind::OutsideInstrumentsRemoved => "outside-instruments-removed",
            UncertaintyKind::PageNumberRemoved => "page-number-removed",
            UncertaintyKind::ParagraphOrder => "paragraph-order",
            UncertaintyKind::ParagraphPresence => "paragraph-presence",
            UncertaintyKind::PartHeadingRemoved => "part-heading-removed",
            UncertaintyKind::ReasonsMissing => "reasons-missing",
            UncertaintyKind::RevisionMark => "revision-mark",
            UncertaintyKind::RunInHeadingSplit => "run-in-heading-split",
            UncertaintyKind::RunInItemSplit => "run-in-item-split",
            UncertaintyKind::RunTogetherWords => "run-together-words",
            UncertaintyKind::TextAfterPartHeading => "text-after-part-heading",
            UncertaintyKind::TitleCutShort => "title-cut-short",
            UncertaintyKind::TitleMaybeCutShort => "title-maybe-cut-short",
            UncertaintyKind::YearRange => "year-range",
        }
    }
}

impl fmt::Display for UncertaintyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for UncertaintyKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Something the reader could not settle, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Uncertainty {
    pub line: u32,
    /// What could not be settled: `paragraph-presence`, `run-together-words`, `homoglyph`, ...
    pub what: UncertaintyKind,
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

/// What a reader repairs and only lists (a restored hyphen, a look-alike letter, a
/// proposal without its reasons): notes, not unsettled readings. Every other code leaves its
/// paragraph unsettled (`[?]`).
pub const NOTE_KINDS: &[UncertaintyKind] = &[
    UncertaintyKind::DroppedHyphen,
    UncertaintyKind::Homoglyph,
    UncertaintyKind::ReasonsMissing,
];

impl Uncertainty {
    /// `true` for a repair the reader only lists (see [`NOTE_KINDS`]); `false` for a reading it
    /// could not settle.
    pub fn is_note(&self) -> bool {
        NOTE_KINDS.contains(&self.what)
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

impl Places {
    /// The place as a language writes it: `Dubaï`, `Dubai`, `Dubái`.
    pub fn in_language(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.fr,
            Language::En => &self.en,
            Language::Es => &self.es,
        }
    }
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
    /// The earlier conference this event is about, when it is not the record's own: a conference
    /// of the body that the instrument went through unchanged, as this conference's facts show (an
    /// abrogation or a header that still names an earlier revision; `corpus::unchanged`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<ConferenceId>,
}

/// A proposal's identifier: origin / document (addendum) / serial, as in `EUR/44A7/1`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ProposalId {
    /// The submitter: `B` (Brazil), `EUR` (CEPT), `AFCP`, `SEN`.
    pub origin: String,
    pub document: u32,
    pub addendum: Option<u32>,
    pub serial: u32,
}

impl fmt::Display for ProposalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.addendum {
            Some(a) => write!(f, "{}/{}A{}/{}", self.origin, self.document, a, self.serial),
            None => write!(f, "{}/{}/{}", self.origin, self.document, self.serial),
        }
    }
}

impl From<ProposalId> for String {
    fn from(id: ProposalId) -> Self {
        id.to_string()
    }
}

impl TryFrom<String> for ProposalId {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl std::str::FromStr for ProposalId {
    type Err = String;

    /// Parses `B/67/4`, `EUR/44A7/1`, `AFCP/55A3/1`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!("`{s}` is not a proposal id of the form ORIGIN/DOCUMENT/SERIAL, e.g. B/67/4 or EUR/44A7/1")
        };
        let mut parts = s.trim().split('/');
        let (Some(origin), Some(doc), Some(serial), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if origin.is_empty() || !origin.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(bad());
        }
        let (document, addendum) = match doc.split_once(['A', 'a']) {
            Some((d, a)) => (d, Some(a.parse().map_err(|_| bad())?)),
            None => (doc, None),
        };
        Ok(ProposalId {
            origin: origin.to_string(),
            document: document.parse().map_err(|_| bad())?,
            addendum,
            serial: serial.parse().map_err(|_| bad())?,
        })
    }
}

/// What a proposal does to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Modify (tracked changes).
    #[serde(rename = "MOD")]
    Mod,
    /// Editorial change only.
    #[serde(rename = "(MOD)")]
    ModEditorial,
    /// Add a new text.
    #[serde(rename = "ADD")]
    Add,
    /// Bring in existing text.
    #[serde(rename = "ADD*")]
    AddMoved,
    /// Suppress (abrogate).
    #[serde(rename = "SUP")]
    Sup,
    /// Move out existing text.
    #[serde(rename = "SUP*")]
    SupMoved,
    /// No change.
    #[serde(rename = "NOC")]
    Noc,
}

impl Action {
    /// The action as written in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Mod => "MOD",
            Action::ModEditorial => "(MOD)",
            Action::Add => "ADD",
            Action::AddMoved => "ADD*",
            Action::Sup => "SUP",
            Action::SupMoved => "SUP*",
            Action::Noc => "NOC",
        }
    }

    /// Reads an action as written in documents.
    pub fn parse(s: &str) -> Option<Action> {
        Some(match s.trim() {
            "MOD" => Action::Mod,
            "(MOD)" => Action::ModEditorial,
            "ADD" => Action::Add,
            "ADD*" => Action::AddMoved,
            "SUP" => Action::Sup,
            "SUP*" => Action::SupMoved,
            "NOC" => Action::Noc,
            _ => return None,
        })
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the history stores about a proposal (`proposals/<conference>/<id>.json`, on proposal
/// refs only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRecord {
    pub id: ProposalId,
    pub conference: ConferenceId,
    pub action: Action,
    pub target: InstrumentId,
    /// The document it was read from, relative to the sources folder.
    pub source: String,
    pub lines: LineSpan,
    pub reasons: Vec<String>,
    pub evidence: Vec<Evidence>,
}
