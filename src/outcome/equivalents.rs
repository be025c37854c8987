//! The few words that the matcher reads across French, English and Spanish, kept in one place:
//! the acronyms that differ between the languages of the ITU (`SMSI` = `WSIS` = `CMSI`), the
//! section headings' fixed opening words (`considérant` = `considering` = `considerando`), and
//! the capitalised words that are not proper names (`Résolution`, `Member`, `Consejo`).
//!
//! Everything else the matcher compares is the same in every language: numbers, years, labels,
//! cited instruments, UN General Assembly resolution numbers.
//!
//! Each acronym below was checked against `domain.md` and the seed document
//! (`history/documents/pp-2018-dubai/67-fr.txt`, French) and the English Final Acts of Dubai 2018
//! as far as they use it; the Spanish forms are the ITU's own (`CMSI`, `PYME`, `TIC`). Acronyms
//! that are the same in the three languages (`CIRT`, `OTT`, `BDT`, `TSB`, `BR`, `GCA`, `IMPACT`)
//! need no row: they match as written.

/// One acronym in its French, English and Spanish forms, written without hyphens (the seed drops
/// non-breaking hyphens: `UITT` is `UIT-T`), and its canonical form, which is the English one.
#[derive(Debug, Clone, Copy)]
pub struct Acronym {
    pub fr: &'static str,
    pub en: &'static str,
    pub es: &'static str,
    /// Found in nearly every ITU text (`UIT`, `TIC`): it says little about which text is which,
    /// and weighs less (see [`super::anchors::Anchor::weight`]).
    pub common: bool,
}

/// The acronyms that differ between French, English and Spanish. Small on purpose: each row is
/// one the seed or the Final Acts use.
#[rustfmt::skip]
pub const ACRONYMS: &[Acronym] = &[
    // International Telecommunication Union and its Sectors.
    Acronym { fr: "UIT", en: "ITU", es: "UIT", common: true },
    Acronym { fr: "UITT", en: "ITUT", es: "UITT", common: true },
    Acronym { fr: "UITD", en: "ITUD", es: "UITD", common: true },
    Acronym { fr: "UITR", en: "ITUR", es: "UITR", common: true },
    // Information and communication technologies.
    Acronym { fr: "TIC", en: "ICT", es: "TIC", common: true },
    // United Nations.
    Acronym { fr: "ONU", en: "UN", es: "ONU", common: true },
    // World Summit on the Information Society (`SMSI+10` = `WSIS+10`).
    Acronym { fr: "SMSI", en: "WSIS", es: "CMSI", common: false },
    // Small and medium-sized enterprises.
    Acronym { fr: "PME", en: "SME", es: "PYME", common: false },
    // The conferences and assemblies whose resolutions the texts cite (`CMDT-17` = `WTDC-17`).
    Acronym { fr: "CMDT", en: "WTDC", es: "CMDT", common: false },
    Acronym { fr: "AMNT", en: "WTSA", es: "AMNT", common: false },
    Acronym { fr: "CMR", en: "WRC", es: "CMR", common: false },
    Acronym { fr: "CMTI", en: "WCIT", es: "CMTI", common: false },
    Acronym { fr: "FMPT", en: "WTPF", es: "FMPT", common: false },
    // Council Working Group (`GTC-Internet` = `CWG-Internet`).
    Acronym { fr: "GTC", en: "CWG", es: "GTC", common: false },
    // Joint Inspection Unit of the United Nations.
    Acronym { fr: "CCI", en: "JIU", es: "DCI", common: false },
    // Results-based management and budgeting.
    Acronym { fr: "GAR", en: "RBM", es: "GBR", common: false },
    Acronym { fr: "BAR", en: "RBB", es: "PBR", common: false },
    // Internet Governance Forum.
    Acronym { fr: "FGI", en: "IGF", es: "FGI", common: false },
];

/// The canonical (English) form of an acronym written without hyphens and in capitals
/// (`SMSI` -> `WSIS`, `UITT` -> `ITUT`); an acronym of no row is its own canonical form.
/// No form is in two rows (the tests check it).
pub fn canonical_acronym(bare: &str) -> (&str, bool) {
    match row_of(bare) {
        Some(a) => (a.en, a.common),
        None => (bare, false),
    }
}

/// The row of [`ACRONYMS`] that has `bare` (written without hyphens, in capitals) in one of its
/// languages.
pub fn row_of(bare: &str) -> Option<&'static Acronym> {
    ACRONYMS
        .iter()
        .find(|a| a.fr == bare || a.es == bare || a.en == bare)
}

/// The kinds of section heading, each with its fixed opening words in French, English and Spanish
/// (folded, as [`crate::text::fold`] gives them). The kind is read from the longest opening that
/// a heading starts with; `further` (`en outre`, `además`) is told apart by
/// [`heading_kind`].
const HEADING_KINDS: &[(&str, &[&str])] = &[
    (
        "considering",
        &["considerant", "considering", "considerando"],
    ),
    (
        "recognizing",
        &[
            "reconnaissant",
            "recognizing",
            "recognising",
            "reconociendo",
        ],
    ),
    ("recalling", &["rappelant", "recalling", "recordando"]),
    (
        "noting",
        &[
            "notant",
            "prenant note",
            "noting",
            "taking note",
            "observando",
            "tomando nota",
        ],
    ),
    (
        "aware",
        &[
            "consciente",
            "conscients",
            "aware",
            "mindful",
            "conscientes",
        ],
    ),
    (
        "bearing-in-mind",
        &[
            "ayant a l'esprit",
            "gardant a l'esprit",
            "bearing in mind",
            "teniendo presente",
        ],
    ),
    (
        "taking-into-account",
        &[
            "tenant compte",
            "taking into account",
            "teniendo en cuenta",
            "habida cuenta",
        ],
    ),
    (
        "emphasizing",
        &[
            "soulignant",
            "emphasizing",
            "emphasising",
            "stressing",
            "destacando",
            "subrayando",
        ],
    ),
    ("convinced", &["convaincue", "convinced", "convencida"]),
    ("concerned", &["preoccupee", "concerned", "preocupada"]),
    (
        "reaffirming",
        &["reaffirmant", "reaffirming", "reafirmando"],
    ),
    (
        "welcoming",
        &["accueillant", "se felicitant", "welcoming", "acogiendo"],
    ),
    (
        "resolves",
        &["decide", "resolves", "further resolves", "resuelve"],
    ),
    (
        "instructs",
        &["charge", "instructs", "further instructs", "encarga"],
    ),
    (
        "invites",
        &["invite", "invites", "further invites", "invita"],
    ),
    ("urges", &["exhorte", "prie instamment", "urges", "insta"]),
    (
        "requests",
        &[
            "prie",
            "demande",
            "requests",
            "calls upon",
            "pide",
            "solicita",
        ],
    ),
    ("encourages", &["encourage", "encourages", "alienta"]),
    ("recommends", &["recommande", "recommends", "recomienda"]),
];

/// The words after a heading's opening that make it a further one (`considérant en outre`,
/// `further instructs`, `resuelve además`), folded.
const FURTHER: &[&str] = &["en outre", "further", "ademas"];

/// The kind of a section heading, the same in every language (`charge le Secrétaire général` and
/// `instructs the Secretary-General` are both `instructs`), with `-further` where the heading says
/// so; `None` for a heading of no known kind.
pub fn heading_kind(heading: &str) -> Option<String> {
    let folded = crate::text::fold(heading);
    let (kind, opening) = HEADING_KINDS
        .iter()
        .flat_map(|(kind, openings)| openings.iter().map(move |o| (*kind, *o)))
        .filter(|(_, o)| {
            folded.starts_with(o)
                && folded[o.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !crate::text::is_letter(c))
        })
        .max_by_key(|(_, o)| o.len())?;
    let further = opening.starts_with("further")
        || FURTHER
            .iter()
            .any(|f| folded.split([',', ':']).next().unwrap_or("").contains(f));
    Some(if further {
        format!("{kind}-further")
    } else {
        kind.to_string()
    })
}

/// Capitalised words that are not proper names: the institutional vocabulary of the three
/// languages (`Résolution`, `Member`, `Consejo`), articles and the like, folded. A capitalised
/// word outside this list, not at the start of a sentence, is read as a proper name.
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    // Instruments and their parts.
    "resolution", "resolutions", "resolucion", "resoluciones", "decision", "decisions",
    "decisiones", "recommandation", "recommandations", "recommendation", "recommendations",
    "recomendacion", "recomendaciones", "avis", "opinion", "annexe", "annex", "anexo",
    "appendice", "appendix", "apendice", "article", "articulo", "partie", "part", "parte",
    "chapitre", "chapter", "capitulo", "question", "questions", "cuestion", "objectif",
    "objective", "objetivo", "produit", "output", "producto", "rev",
    // Bodies and offices.
    "conference", "conferences", "conferencia", "plenipotentiaires", "plenipotentiary",
    "plenipotenciarios", "union", "assemblee", "assembly", "asamblea", "conseil", "council",
    "consejo", "secretaire", "secretary", "secretario", "general", "generale", "secretariat",
    "secretaria", "directeur", "directeurs", "director", "directors", "directores", "bureau",
    "bureaux", "oficina", "oficinas", "commission", "commissions", "comision", "comisiones",
    "study", "group", "groups", "groupe", "groupes", "grupo", "grupos", "etudes", "estudio",
    "estudios", "secteur", "secteurs", "sector", "sectors", "sectores", "membre", "membres",
    "member", "members", "miembro", "miembros", "etats", "etat", "states", "state", "estados",
    "estado", "nations", "naciones", "unies", "united", "unidas", "comite", "committee",
    "comite", "coordination", "coordinacion",
    // Words of titles of conferences, plans and programmes.
    "mondiale", "mondial", "world", "mundial", "sommet", "summit", "cumbre", "societe",
    "society", "sociedad", "information", "informacion", "telecommunication",
    "telecommunications", "telecomunicaciones", "developpement", "development", "desarrollo",
    "normalisation", "standardization", "normalizacion", "radiocommunications",
    "radiocommunication", "radiocomunicaciones", "internationale", "internationales",
    "international", "internacional", "internacionales", "plan", "programme", "program",
    "programa", "action", "accion", "agenda", "declaration", "declaracion", "forum", "foro",
    "reglement", "regulations", "reglamento", "technologies", "technology", "tecnologias",
    "communication", "comunicacion", "strategique", "strategic", "estrategico",
    // Articles, pronouns and other words that open phrases.
    "la", "le", "les", "l", "un", "une", "des", "du", "de", "the", "a", "an", "of", "this",
    "these", "el", "los", "las", "del", "cette", "ce", "ces", "presente", "present", "dans",
    "in", "en", "et", "and", "y", "par", "by", "por", "pour", "for", "para", "que", "qui",
    "that", "which", "il", "elle", "it", "they", "ils",
];
