//! Reads Final Acts in Akoma Ntoso (AKN4UN): a `documentCollection` of a conference's
//! instruments, or a single `statement`/`act`. Each instrument comes out as an
//! [`InstrumentText`] with its kind, number, revision mark (read as a conference of the
//! catalogue), title, formula, sections and labelled paragraphs, footnotes and citations, and the
//! position of each (element `eId` and line) as evidence. What the PDF conversion left wrong is
//! repaired where certain and reported either way ([`AknFinding`]); the lists of abrogated
//! instruments hidden in the text of the instrument before them come out as [`Abrogation`]s.
//!
//! The XML is read by [`tree`] (namespace-aware, no DTD); the repairs live in [`repair`].

pub mod repair;
pub mod tree;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::model::{
    Body, Citation, Completeness, ConferenceId, Event, Evidence, EvidenceKind, Footnote,
    InstrumentId, InstrumentKind, InstrumentText, Language, LineSpan, Opening, Paragraph, Revision,
    Section, Side, Uncertainty, UncertaintyKind,
};
use crate::reader::{citations, ReadError};
use repair::{Finding, TitleState};
use tree::{Entry, RawStatement};

pub use tree::looks_like_akn;

/// A Final Acts file, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalActs {
    /// The name the file was read under.
    pub source: String,
    /// The conference whose Final Acts these are: the one the instruments' revision marks name.
    pub conference: ConferenceId,
    pub language: Language,
    /// The date the file gives (`FRBRdate`), as written; not applied to anything.
    pub date_in_file: Option<String>,
    pub instruments: Vec<AdoptedInstrument>,
    /// The instruments the conference abrogated, as its lists give them.
    pub abrogated: Vec<Abrogation>,
    /// Notes about the file as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One instrument the conference adopted new or revised, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedInstrument {
    pub target: InstrumentId,
    /// `adopted` (new there) or `revised`.
    pub event: Event,
    pub text: InstrumentText,
    /// Whether the title is the whole title.
    pub title_state: TitleState,
    /// Footnotes whose marker stands in the title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_footnotes: Vec<Footnote>,
    /// The element ids of each section and paragraph, parallel to `text.sections`.
    pub elements: Vec<SectionElements>,
    /// The statement in the file: `stated`, the file, the component's eId, its lines.
    pub evidence: Evidence,
    pub citations: Vec<Citation>,
    /// Repairs made and what could not be settled, each with its element.
    pub uncertain: Vec<AknFinding>,
}

/// Where a section and its paragraphs stand in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionElements {
    /// The eId of the heading's container; `None` for a section that has none.
    pub element: Option<String>,
    pub paragraphs: Vec<String>,
}

/// A repair or an unsettled point, with the element it stands in. `repaired` says whether the
/// reader changed the text (and how, in `what`) or left it as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AknFinding {
    /// The element's `eId` (or the nearest that has one).
    pub element: String,
    pub repaired: bool,
    #[serde(flatten)]
    pub at: Uncertainty,
}

/// An instrument a conference abrogated, as its list gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abrogation {
    pub target: InstrumentId,
    /// The label as written (`REV. GUADALAJARA, 2010`).
    pub label: String,
    /// The label read: the last revision before the abrogation.
    pub revision: Option<Revision>,
    /// The conference the label names, where the catalogue has it.
    pub revised_at: Option<ConferenceId>,
    pub title: String,
    /// `stated`: the file, the Part heading, the element and line the list sits in.
    pub evidence: Evidence,
}

/// Reads a Final Acts file (or a single instrument) in Akoma Ntoso. `source` names it in errors
/// and evidence; `catalogue` is where the revision marks' conferences are looked up.
pub fn read_final_acts(
    source: &str,
    bytes: &[u8],
    catalogue: &Catalogue,
) -> Result<FinalActs, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ReadError {
            file: source.to_string(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            expected: "an XML file in UTF-8".to_string(),
            found: format!("a byte that is not UTF-8 at offset {}", e.valid_up_to()),
        }
    })?;
    let raw = tree::parse(source, text)?;
    if raw.statements.is_empty() {
        return Err(ReadError {
            file: source.to_string(),
            line: 1,
            expected: "at least one statement or act".to_string(),
            found: "none".to_string(),
        });
    }
    let language = raw
        .language
        .as_deref()
        .or_else(|| raw.statements.iter().find_map(|s| s.language.as_deref()))
        .and_then(language_of)
        .unwrap_or(Language::En);
    let words = file_words(&raw.statements);
    let mut instruments = Vec::new();
    let mut abrogated = Vec::new();
    let mut notes = Vec::new();
    let mut conference: Option<ConferenceId> = None;
    let meetings = citations::Meetings::from_conferences(catalogue.conferences());
    for statement in raw.statements {
        let (instrument, listed, conf) =
            read_statement(source, statement, language, catalogue, &meetings, &words)?;
        match &conference {
            None => conference = Some(conf),
            Some(c) if *c != conf => notes.push(format!(
                "{} names {conf}, the other instruments {c}",
                instrument.text.header
            )),
            Some(_) => {}
        }
        abrogated.extend(listed);
        instruments.push(instrument);
    }
    let conference = conference.expect("at least one statement was read");
    let abrogated = abrogated
        .into_iter()
        .map(|a| abrogation(source, a, catalogue))
        .collect();
    Ok(FinalActs {
        source: source.to_string(),
        conference,
        language,
        date_in_file: raw.date,
        instruments,
        abrogated,
        notes,
    })
}

/// The AKN4UN author token of each body, as FRBR names it (`#itu-pp` in `FRBRauthor`,
/// `/akn/un/.../itu-pp/...` in the IRIs): the one table the reader and the exporter share.
const AUTHORS: [(Body, &str); 9] = [
    (Body::Pp, "itu-pp"),
    (Body::Wtdc, "itu-wtdc"),
    (Body::Wtsa, "itu-wtsa"),
    (Body::Ra, "itu-ra"),
    (Body::Wrc, "itu-wrc"),
    (Body::Wcit, "itu-wcit"),
    (Body::Council, "itu-council"),
    (Body::Wtpf, "itu-wtpf"),
    (Body::UnGa, "unga"),
];

/// A body's author token (`itu-pp`).
pub fn author_token(body: Body) -> &'static str {
    AUTHORS
        .iter()
        .find(|(b, _)| *b == body)
        .map(|(_, t)| *t)
        .expect("every body has an author token")
}

/// The body an author token (`itu-wtdc`, or `#itu-wtdc` as an href) names.
pub fn body_of_author(token: &str) -> Option<Body> {
    let token = token.trim_start_matches('#');
    AUTHORS.iter().find(|(_, t)| *t == token).map(|(b, _)| *b)
}

fn language_of(code: &str) -> Option<Language> {
    match code.to_ascii_lowercase().as_str() {
        "eng" | "en" => Some(Language::En),
        "fra" | "fre" | "fr" => Some(Language::Fr),
        "spa" | "es" => Some(Language::Es),
        _ => None,
    }
}

/// The whole words of the file, in small letters, to tell a cut word from a real one.
fn file_words(statements: &[RawStatement]) -> HashSet<String> {
    let mut words = HashSet::new();
    for s in statements {
        for e in &s.entries {
            if let Entry::Item(item) = e {
                for w in item.text.split(|c: char| !c.is_alphabetic()) {
                    if w.len() > 1 && w.chars().all(char::is_lowercase) && !words.contains(w) {
                        words.insert(w.to_string());
                    }
                }
            }
        }
    }
    words
}

fn statement_error(source: &str, s: &RawStatement, expected: &str, found: String) -> ReadError {
    ReadError {
        file: source.to_string(),
        line: s.header_line,
        expected: expected.to_string(),
        found,
    }
}

/// Reads one statement into an instrument and the abrogations listed in its text.
fn read_statement(
    source: &str,
    mut s: RawStatement,
    language: Language,
    catalogue: &Catalogue,
    meetings: &citations::Meetings,
    words: &HashSet<String>,
) -> Result<
    (
        AdoptedInstrument,
        Vec<repair::ListedAbrogation>,
        ConferenceId,
    ),
    ReadError,
> {
    let header = match (&s.doc_type, &s.doc_number) {
        (Some(t), Some(n)) => format!("{t} {n}"),
        _ => s.frbr_number.clone().unwrap_or_default(),
    };
    let kind = s
        .name
        .as_deref()
        .and_then(InstrumentKind::from_word)
        .or_else(|| header.split(' ').next().and_then(InstrumentKind::from_word))
        .ok_or_else(|| {
            statement_error(
                source,
                &s,
                "a statement of a known kind (name=\"resolution\", \"decision\" or \"recommendation\", or a docType saying so)",
                format!("`{}` in {}", header, s.element),
            )
        })?;
    let number_text = s.doc_number.clone().unwrap_or_else(|| {
        header
            .split_once(' ')
            .map_or(String::new(), |(_, n)| n.to_string())
    });
    let digits: String = number_text
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let number: u32 = digits.parse().map_err(|_| {
        statement_error(
            source,
            &s,
            "an instrument number in docNumber, such as `130 (REV. DUBAI, 2018)`",
            format!("`{number_text}` in {}", s.element),
        )
    })?;
    let revision = crate::reader::redline::header_revision(&number_text).ok_or_else(|| {
        statement_error(
            source,
            &s,
            "a revision mark after the number, such as `(REV. DUBAI, 2018)` or `(DUBAI, 2018)`",
            format!("`{number_text}` in {}", s.element),
        )
    })?;
    // The body is the work's author where FRBR names one of ours (`#itu-wtdc`); Final Acts of a
    // Plenipotentiary Conference otherwise.
    let body = s
        .author
        .as_deref()
        .and_then(body_of_author)
        .unwrap_or(Body::Pp);
    let conference = catalogue.by_revision(body, &revision).ok_or_else(|| {
        statement_error(
            source,
            &s,
            "a conference of the catalogue (conferences.csv) in the revision mark",
            format!("`{revision}` in {}", s.element),
        )
    })?;
    let conference_id = conference.id.clone();
    let target = InstrumentId::numbered(body, kind, number);

    let mut findings: Vec<Finding> = Vec::new();
    let listed = repair::parts(&mut s.entries, &mut findings);
    let title_footnotes = repair::footnotes(&mut s.entries, &mut s.title, &mut findings);
    repair::labels_in_text(&mut s.entries, &mut findings);
    repair::run_in_items(&mut s.entries, &mut findings);
    repair::run_in_headings(&mut s.entries, language, &mut findings);
    repair::annexes(&mut s.entries, kind, number, &mut findings);
    repair::drop_empty(&mut s.entries, &mut findings);

    let title = s.title.clone().unwrap_or_default();
    let (title_state, why) = repair::title_state(&title.text, words);
    // What the source leaves out, as the text says it (an export's omission): the text is
    // partial and its notes say exactly that, the line the history writes for it; a doubt about
    // the title stays in the title's state and in the findings.
    let mut text_notes: Vec<String> = s.omission.iter().cloned().collect();
    if let Some(why) = why {
        let what = match title_state {
            TitleState::CutShort => UncertaintyKind::TitleCutShort,
            _ => UncertaintyKind::TitleMaybeCutShort,
        };
        if s.omission.is_none() {
            text_notes.push(format!(
                "title {} in the source: {why}",
                what.as_str().replace('-', " ")
            ));
        }
        findings.push(Finding {
            element: title.element.clone(),
            line: title.line,
            what,
            excerpt: title.text.clone(),
            readings: vec![why],
            label: None,
            repaired: false,
        });
    }
    let (sections, elements) = sections_of(&s.entries);
    let unsettled_openings = [
        (s.header_uncertain, Opening::Header),
        (s.title_uncertain, Opening::Title),
        (s.formula_uncertain && s.formula.is_some(), Opening::Formula),
    ]
    .into_iter()
    .filter_map(|(marked, opening)| marked.then_some(opening))
    .collect();
    let text = InstrumentText {
        language,
        header: header.clone(),
        revision: Some(revision.clone()),
        title: title.text.clone(),
        formula: s.formula.as_ref().map(|f| f.text.clone()),
        sections,
        completeness: if s.omission.is_some() {
            Completeness::Partial
        } else {
            Completeness::Complete
        },
        notes: text_notes,
        unsettled_openings,
    };
    let openings = citations::Openings {
        header: s.header_line,
        title: s.title.as_ref().map(|t| t.line),
        formula: s.formula.as_ref().map(|f| f.line),
    };
    let report = citations::extract_all(None, Some(&text), Some(&openings), meetings);
    let citations = report
        .citations
        .into_iter()
        .map(|mut c| {
            c.side = Side::Both;
            c
        })
        .collect();
    let mut uncertain: Vec<AknFinding> = findings
        .into_iter()
        .map(|f| AknFinding {
            element: f.element,
            repaired: f.repaired,
            at: Uncertainty {
                line: f.line,
                what: f.what,
                excerpt: f.excerpt,
                readings: f.readings,
                section: None,
                label: f.label,
            },
        })
        .collect();
    for u in report.uncertain {
        let element = element_at_line(&s.entries, u.line).unwrap_or_else(|| s.element.clone());
        uncertain.push(AknFinding {
            element,
            repaired: false,
            at: u,
        });
    }
    uncertain.sort_by(|a, b| a.at.line.cmp(&b.at.line).then(a.at.what.cmp(&b.at.what)));
    let event = if revision.revised {
        Event::Revised
    } else {
        Event::Adopted
    };
    let evidence = Evidence {
        kind: EvidenceKind::Stated,
        source: source.to_string(),
        entry: Some(format!("{} ({})", header, s.element)),
        lines: Some(LineSpan::new(s.line, s.last_line)),
        note: None,
    };
    Ok((
        AdoptedInstrument {
            target,
            event,
            text,
            title_state,
            title_footnotes,
            elements,
            evidence,
            citations,
            uncertain,
        },
        listed.abrogated,
        conference_id,
    ))
}

fn element_at_line(entries: &[Entry], line: u32) -> Option<String> {
    entries.iter().find_map(|e| match e {
        Entry::Item(i) if i.line <= line && line <= i.last_line => Some(i.element.clone()),
        _ => None,
    })
}

/// Groups the entries into sections: one per heading, items before any heading under an empty one.
fn sections_of(entries: &[Entry]) -> (Vec<Section>, Vec<SectionElements>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut elements: Vec<SectionElements> = Vec::new();
    for entry in entries {
        match entry {
            Entry::Heading(h) => {
                sections.push(Section {
                    heading: h.text.clone(),
                    lines: LineSpan::line(h.line),
                    paragraphs: Vec::new(),
                });
                elements.push(SectionElements {
                    element: (!h.element.is_empty()).then(|| h.element.clone()),
                    paragraphs: Vec::new(),
                });
            }
            Entry::Item(item) => {
                if sections.is_empty() {
                    sections.push(Section {
                        heading: String::new(),
                        lines: LineSpan::line(item.line),
                        paragraphs: Vec::new(),
                    });
                    elements.push(SectionElements {
                        element: None,
                        paragraphs: Vec::new(),
                    });
                }
                let section = sections.last_mut().expect("pushed above");
                section.lines.last = section.lines.last.max(item.last_line);
                section.paragraphs.push(Paragraph {
                    label: item.label.clone(),
                    depth: item.depth,
                    text: item.text.clone(),
                    footnotes: item.footnotes.clone(),
                    lines: LineSpan::new(item.line, item.last_line),
                    change: if item.uncertain {
                        crate::model::Change::Uncertain
                    } else {
                        crate::model::Change::Unchanged
                    },
                });
                elements
                    .last_mut()
                    .expect("pushed above")
                    .paragraphs
                    .push(item.element.clone());
            }
        }
    }
    (sections, elements)
}

fn abrogation(source: &str, a: repair::ListedAbrogation, catalogue: &Catalogue) -> Abrogation {
    let revised_at = a
        .revision
        .as_ref()
        .and_then(|r| catalogue.by_revision(Body::Pp, r))
        .map(|c| c.id.clone());
    Abrogation {
        target: InstrumentId::numbered(Body::Pp, a.kind, a.number),
        label: a.label,
        revision: a.revision,
        revised_at,
        title: a.title,
        evidence: Evidence {
            kind: EvidenceKind::Stated,
            source: source.to_string(),
            entry: Some(format!("{} ({})", a.part, a.element)),
            lines: Some(LineSpan::line(a.line)),
            note: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_has_an_author_token_that_reads_back_as_it() {
        for (body, token) in AUTHORS {
            assert_eq!(author_token(body), token);
            assert_eq!(body_of_author(&format!("#{token}")), Some(body));
        }
        assert_eq!(body_of_author("#converter"), None);
    }
}
