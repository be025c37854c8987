//! What a published document needs from the history, gathered in one place: a version's text
//! read back into its parts (header, title, formula, preamble and operative sections, footnotes,
//! unsettled paragraphs, what the source leaves out), its record, the conference catalogue that
//! dates its revision and its citations, and for a proposal its record, its submitter and the
//! version it amends. The Akoma Ntoso renderer (`render::akn`) and the website take these as
//! plain data; nothing here formats anything.

use crate::history::ObjectId;

use crate::history::layout::{self, CatalogueFile, CATALOGUE_PATH};
use crate::history::read::{History, ReadError, Resolved, RevisionKind};
use crate::model::{
    Citation, Completeness, Conference, Event, Evidence, Footnote, InstrumentId, InstrumentRecord,
    InstrumentText, Language, ProposalRecord, Status,
};

/// Why a version cannot be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The history could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The version has no text in this language: there is nothing to export.
    #[error("{instrument} has no {language} text at {at}: there is nothing to export")]
    NoText {
        instrument: InstrumentId,
        language: Language,
        at: String,
    },
    /// A proposal revision was asked for an instrument that the proposal does not target.
    #[error(
        "proposal {proposal} is about {target}, not {instrument}; export it with its own target"
    )]
    NotTheTarget {
        proposal: String,
        target: InstrumentId,
        instrument: InstrumentId,
    },
    /// A proposal commit without the record of its proposal.
    #[error("the history holds no record of proposal {proposal} at {at}")]
    NoProposalRecord { proposal: String, at: String },
    /// A file of the history that does not read as the layout says.
    #[error("{path} at {at} does not read: {message}")]
    BadFile {
        path: String,
        at: String,
        message: String,
    },
}

/// A paragraph of a text as the history stores it: its label, its words, its footnotes, and
/// whether the reader could settle it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextParagraph {
    pub label: Option<String>,
    pub text: String,
    /// The line started with `[?] `: the reader could not settle this paragraph.
    pub uncertain: bool,
    pub footnotes: Vec<Footnote>,
}

/// A section under one of the fixed headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSection {
    pub heading: String,
    /// The heading opens the operative part (`décide`, `charge ...`), not the preamble.
    pub operative: bool,
    pub paragraphs: Vec<TextParagraph>,
}

/// A stored text read back into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuredText {
    pub header: String,
    pub title: String,
    pub formula: Option<String>,
    /// Paragraphs between the formula and the first heading, if any.
    pub lead: Vec<TextParagraph>,
    pub sections: Vec<TextSection>,
    /// The bracketed last line of a partial text: what the source leaves out.
    pub omission: Option<String>,
    /// The header, the title, the formula started with `[?] `: the reader could not settle it.
    pub header_uncertain: bool,
    pub title_uncertain: bool,
    pub formula_uncertain: bool,
}

/// Reads a stored text file (see `history::layout`) back into its parts. The file does not mark
/// headings: a line without a label is a heading when it opens with one of the fixed heading
/// words (`reader::lang`), and a plain paragraph otherwise. `partial` says whether the last line
/// in brackets is the note of what the source leaves out.
pub fn structure(content: &str, partial: bool) -> StructuredText {
    let mut lines: Vec<layout::TextLine> = layout::read_text(content).collect();
    let omission = match lines.last() {
        Some(last)
            if partial
                && !last.uncertain
                && !last.footnote
                && last.label.is_none()
                && last.text.starts_with('[')
                && last.text.ends_with(']')
                && lines.len() > 2 =>
        {
            let text = last.text[1..last.text.len() - 1].to_string();
            lines.pop();
            Some(text)
        }
        _ => None,
    };
    let mut iter = lines.into_iter().peekable();
    let (header, header_uncertain) = iter
        .next()
        .map(|l| (l.text, l.uncertain))
        .unwrap_or_default();
    let (title, title_uncertain) = iter
        .next()
        .map(|l| (l.text, l.uncertain))
        .unwrap_or_default();
    let (formula, formula_uncertain) = match iter.peek() {
        Some(l)
            if l.label.is_none()
                && !l.footnote
                && crate::reader::lang::formula_language(&l.text).is_some() =>
        {
            iter.next()
                .map_or((None, false), |l| (Some(l.text), l.uncertain))
        }
        _ => (None, false),
    };
    let mut lead = Vec::new();
    let mut sections: Vec<TextSection> = Vec::new();
    let mut operative = false;
    for line in iter {
        let current = match sections.last_mut() {
            Some(s) => &mut s.paragraphs,
            None => &mut lead,
        };
        if line.footnote {
            let footnote = Footnote {
                mark: line.label.unwrap_or_default(),
                text: line.text,
            };
            match current.last_mut() {
                Some(p) => p.footnotes.push(footnote),
                // A footnote before any paragraph: kept as a paragraph of its own, so that no
                // line is lost.
                None => current.push(TextParagraph {
                    label: None,
                    text: format!("[^{}]", footnote.mark),
                    uncertain: line.uncertain,
                    footnotes: vec![footnote],
                }),
            }
            continue;
        }
        if line.label.is_none() && !line.uncertain {
            if let Some(is_operative) = crate::reader::lang::heading_is_operative(&line.text) {
                // Once the operative part has begun, it does not go back to the preamble.
                operative |= is_operative;
                sections.push(TextSection {
                    heading: line.text,
                    operative,
                    paragraphs: Vec::new(),
                });
                continue;
            }
        }
        current.push(TextParagraph {
            label: line.label,
            text: line.text,
            uncertain: line.uncertain,
            footnotes: Vec::new(),
        });
    }
    StructuredText {
        header,
        title,
        formula,
        lead,
        sections,
        omission,
        header_uncertain,
        title_uncertain,
        formula_uncertain,
    }
}

/// One version of an instrument, with everything a published document of it needs.
#[derive(Debug, Clone)]
pub struct Version {
    pub instrument: InstrumentId,
    pub language: Language,
    pub record: InstrumentRecord,
    /// The stored text file, as is.
    pub raw: String,
    pub text: StructuredText,
    /// Where this version stands: the conference (or proposal) label and its commit's date.
    pub at: String,
    pub at_date: String,
    /// `true` on a conference commit of main; `false` on a proposal ref (not an outcome).
    pub adopted: bool,
}

/// A proposal, with the text it proposes and the version it amends.
#[derive(Debug, Clone)]
pub struct ProposalExport {
    pub record: ProposalRecord,
    /// The submitter as the history names it (`Brazil (B)`).
    pub submitter: String,
    /// The proposal commit's date (the conference's first day), `YYYY-MM-DD`.
    pub date: String,
    pub language: Language,
    /// The text as proposed; `None` for a suppression, which gives no new text.
    pub proposed: Option<Version>,
    /// The version it amends, as it stood before the proposal; `None` for a new text (`ADD`).
    pub target: Option<Version>,
}

/// What `actes show --format akn` exports: a version, or a proposal as an amendment.
#[derive(Debug, Clone)]
pub enum Export {
    Version(Box<Version>),
    Proposal(Box<ProposalExport>),
}

/// Everything an export needs: what to export and the catalogue that dates revisions.
#[derive(Debug, Clone)]
pub struct ExportInput {
    pub export: Export,
    pub catalogue: Vec<Conference>,
}

/// Gathers what exporting `instrument` in `language` at `at` needs: at a conference, its version
/// (an error when there is no text); at a proposal, the proposal that targets it.
pub fn gather(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: &Resolved,
) -> Result<ExportInput, ExportError> {
    let catalogue = catalogue(history, at.commit, &at.label)?;
    let export = if at.kind == RevisionKind::Proposal {
        Export::Proposal(Box::new(proposal(history, instrument, language, at)?))
    } else {
        let info = history.commit_info(at.commit)?;
        version(
            history, instrument, language, at.commit, &at.label, &info.date, true,
        )?
        .map(|v| Export::Version(Box::new(v)))
        .ok_or_else(|| ExportError::NoText {
            instrument: instrument.clone(),
            language,
            at: at.label.clone(),
        })?
    };
    Ok(ExportInput { export, catalogue })
}

/// The catalogue stored at a commit (empty when the history predates it).
pub fn catalogue(
    history: &History,
    commit: ObjectId,
    at: &str,
) -> Result<Vec<Conference>, ExportError> {
    match history.read_file(commit, CATALOGUE_PATH)? {
        None => Ok(Vec::new()),
        Some(bytes) => serde_json::from_slice::<CatalogueFile>(&bytes)
            .map(|c| c.conferences)
            .map_err(|e| ExportError::BadFile {
                path: CATALOGUE_PATH.to_string(),
                at: at.to_string(),
                message: e.to_string(),
            }),
    }
}

/// The version of `instrument` in `language` at `commit`, if the history holds its text there.
pub fn version(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    commit: ObjectId,
    at: &str,
    at_date: &str,
    adopted: bool,
) -> Result<Option<Version>, ExportError> {
    let path = layout::text_path(instrument, language);
    let Some(bytes) = history.read_file(commit, &path)? else {
        return Ok(None);
    };
    let raw = String::from_utf8(bytes).map_err(|e| ExportError::BadFile {
        path: path.clone(),
        at: at.to_string(),
        message: e.to_string(),
    })?;
    stored_version(
        history, instrument, language, commit, at, at_date, adopted, raw,
    )
    .map(Some)
}

/// The version of `instrument` in `language` at `commit` whose stored text the caller has
/// already read (`raw`): its record read beside it, its text read back into its parts.
#[allow(clippy::too_many_arguments)]
pub fn stored_version(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    commit: ObjectId,
    at: &str,
    at_date: &str,
    adopted: bool,
    raw: String,
) -> Result<Version, ExportError> {
    let record = history
        .instrument_record(commit, instrument)?
        .ok_or_else(|| ExportError::BadFile {
            path: layout::meta_path(instrument),
            at: at.to_string(),
            message: "the text has no meta.json beside it".to_string(),
        })?;
    let partial = record
        .texts
        .get(&language)
        .is_some_and(|c| *c != Completeness::Complete);
    Ok(Version {
        instrument: instrument.clone(),
        language,
        text: structure(&raw, partial),
        raw,
        record,
        at: at.to_string(),
        at_date: at_date.to_string(),
        adopted,
    })
}

/// A text read from a source rather than from the history (an instrument of Final Acts in Akoma
/// Ntoso, say), as a version to export: written in the history's text-file format and read back
/// into its parts exactly as a stored version is, so that one renderer serves both and an export
/// of a source shows what the history would hold of it. `at` and `at_date` name where it stands
/// (the conference and the day its Final Acts were signed); the version is an outcome the source
/// states.
pub fn source_version(
    instrument: &InstrumentId,
    text: &InstrumentText,
    event: Event,
    evidence: Vec<Evidence>,
    citations: Vec<Citation>,
    at: &str,
    at_date: &str,
) -> Version {
    let raw = layout::render_text(text);
    let partial = text.completeness != Completeness::Complete;
    let record = InstrumentRecord {
        instrument: instrument.clone(),
        titles: [(text.language, text.title.clone())].into_iter().collect(),
        revision: text.revision.clone(),
        event,
        status: Status::Adopted,
        texts: [(text.language, text.completeness)].into_iter().collect(),
        notes: text.notes.clone(),
        evidence,
        citations,
        uncertain: Vec::new(),
    };
    Version {
        instrument: instrument.clone(),
        language: text.language,
        text: structure(&raw, partial),
        raw,
        record,
        at: at.to_string(),
        at_date: at_date.to_string(),
        adopted: true,
    }
}

/// The proposal of the commit `at`, which must target `instrument`.
fn proposal(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: &Resolved,
) -> Result<ProposalExport, ExportError> {
    let info = history.commit_info(at.commit)?;
    let wanted = info.proposal.clone().unwrap_or_else(|| at.label.clone());
    let record = history
        .proposal_records(at.commit)?
        .into_iter()
        .find(|r| r.id.to_string() == wanted)
        .ok_or_else(|| ExportError::NoProposalRecord {
            proposal: wanted.clone(),
            at: at.label.clone(),
        })?;
    if &record.target != instrument {
        return Err(ExportError::NotTheTarget {
            proposal: wanted,
            target: record.target,
            instrument: instrument.clone(),
        });
    }
    let proposed = version(
        history, instrument, language, at.commit, &at.label, &info.date, false,
    )?;
    let target = match info.parents.first() {
        Some(parent) => {
            let parent_info = history.commit_info(*parent)?;
            let label = parent_info
                .proposal
                .clone()
                .or_else(|| parent_info.conference.as_ref().map(|c| c.0.clone()))
                .unwrap_or_else(|| parent.to_string());
            version(
                history,
                instrument,
                language,
                *parent,
                &label,
                &parent_info.date,
                history.is_on_main(*parent),
            )?
        }
        None => None,
    };
    Ok(ProposalExport {
        submitter: info.author.clone(),
        date: info.date.clone(),
        language,
        proposed,
        target,
        record,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "RÉSOLUTION 130 (Rév. Busan, 2014)\n\
        Un titre\n\
        La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Busan, 2014),\n\
        considérant\n\
        a)\tque la sécurité\n\
        [^1]\tUne note.\n\
        [?] b)\tun paragraphe douteux\n\
        décide\n\
        dans les limites de leurs responsabilités,\n\
        1\tde continuer\n\
        [body not reproduced in the source]\n";

    #[test]
    fn a_stored_text_reads_back_into_formula_sections_footnotes_and_omission() {
        let s = structure(TEXT, true);
        assert_eq!(s.header, "RÉSOLUTION 130 (Rév. Busan, 2014)");
        assert_eq!(s.title, "Un titre");
        assert!(s
            .formula
            .as_deref()
            .is_some_and(|f| f.ends_with("(Busan, 2014),")));
        assert!(s.lead.is_empty());
        assert_eq!(s.sections.len(), 2);
        assert!(!s.sections[0].operative);
        assert!(s.sections[1].operative);
        assert_eq!(s.sections[0].paragraphs[0].footnotes[0].mark, "1");
        assert!(s.sections[0].paragraphs[1].uncertain);
        assert_eq!(s.sections[1].paragraphs[0].label, None);
        assert_eq!(s.sections[1].paragraphs[1].label.as_deref(), Some("1"));
        assert_eq!(
            s.omission.as_deref(),
            Some("body not reproduced in the source")
        );
    }

    #[test]
    fn a_complete_text_keeps_a_bracketed_last_line_as_a_paragraph() {
        let s = structure(TEXT, false);
        assert_eq!(s.omission, None);
        assert_eq!(
            s.sections[1].paragraphs.last().map(|p| p.text.as_str()),
            Some("[body not reproduced in the source]")
        );
    }
}
