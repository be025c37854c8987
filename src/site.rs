//! Gathers what the static website (`actes site`) shows, as data: the lineage tables, every
//! instrument's lineage, texts at each version and language, word diffs between consecutive
//! versions, blame, citations, and the proposal documents. It reads the history and the lineage
//! graph and writes nothing; `crate::render::site` turns the result into pages.
//!
//! A version made by a proposal is kept apart from the outcomes (`on_main` false, status
//! proposed) so that no page can show it as adopted.

use std::collections::BTreeMap;

use crate::blame::load::{self as blame_load, point_of, MAIN_REF};
use crate::blame::{Blame, VersionPoint};
use crate::history::diff::{redline, Redline};
use crate::history::layout::text_path;
use crate::history::read::{History, ReadError};
use crate::lineage::query::{
    instrument_name, CitationEntry, LineageReport, TableFilter, TableReport,
};
use crate::lineage::Lineage;
use crate::model::{ConferenceId, InstrumentId, Language, ProposalRecord};

/// Why the site could not be gathered.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("cannot read the history: {0}")]
    History(#[from] ReadError),
    #[error("cannot read the lineage of {instrument}: {message}")]
    Lineage { instrument: String, message: String },
    #[error("{path} at commit {commit} is not UTF-8 text")]
    NotText { path: String, commit: String },
    #[error("cannot blame {instrument} ({language}): {message}")]
    Blame {
        instrument: String,
        language: Language,
        message: String,
    },
    #[error("cannot export {what} to Akoma Ntoso: {source}")]
    Export {
        what: String,
        source: Box<crate::export::ExportError>,
    },
}

/// What gathering the site is doing, for a progress bar: the same kind of optional callback as
/// the history's writer (`history::write::WriteOptions::progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// `done` of `total` instruments gathered.
    Instruments { done: usize, total: usize },
}

/// A title and the language it is written in. Titles come from French or English sources; the
/// site labels each with its language rather than mixing them silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    pub language: Language,
    /// Set where the title is a proposal's (a draft known only from its proposal): never shown
    /// as the instrument's.
    pub proposal: Option<crate::model::ProposalId>,
}

/// Everything the website shows.
#[derive(Debug, Clone)]
pub struct SiteData {
    /// The "Rév." table of every body.
    pub tables: Vec<TableReport>,
    /// Every conference of the lineage, oldest first.
    pub conferences: Vec<SiteConference>,
    /// Every instrument of the lineage, in its order.
    pub instruments: Vec<SiteInstrument>,
    /// The proposal documents (one per proposal ref), in ref order.
    pub proposal_documents: Vec<ProposalDocument>,
    /// The conference catalogue of the history, which dates the revisions in Akoma Ntoso.
    pub catalogue: Vec<crate::model::Conference>,
}

/// A conference of the lineage.
#[derive(Debug, Clone)]
pub struct SiteConference {
    pub id: ConferenceId,
    pub label: String,
    pub body_name: String,
    /// The first day, when known (`2018-10-29`).
    pub start: Option<String>,
    /// Whether the history records this conference (a commit of main), or only knows it from
    /// revision marks.
    pub recorded: bool,
}

/// One instrument and what its page shows.
#[derive(Debug, Clone)]
pub struct SiteInstrument {
    pub id: InstrumentId,
    pub name: String,
    pub title: Option<Title>,
    pub lineage: LineageReport,
    /// Every version with a text, outcomes in chronological order then proposals.
    pub versions: Vec<TextVersion>,
    /// The blame of the latest text in each language.
    pub blames: BTreeMap<Language, Blame>,
    pub cites: Vec<CitationEntry>,
    pub cited_by: Vec<CitationEntry>,
}

/// The texts of an instrument at one point of the history.
#[derive(Debug, Clone)]
pub struct TextVersion {
    pub point: VersionPoint,
    /// Whether the point is a conference of main (an outcome); `false` for a proposal.
    pub on_main: bool,
    /// The text in each language the history holds there.
    pub texts: BTreeMap<Language, String>,
    /// For each language, the previous text on the same line of history and the redline from it
    /// to this one (for a proposal: from the text it amends).
    pub changes: BTreeMap<Language, (VersionPoint, Redline)>,
    /// For an outcome, each language's text as a document to export (Akoma Ntoso); a proposal's
    /// text is exported as its amendment ([`ProposalDocument::amendments`]).
    pub exports: BTreeMap<Language, crate::export::Version>,
}

impl TextVersion {
    /// The version's name: the conference id or the proposal id.
    pub fn name(&self) -> &str {
        &self.point.name
    }
}

/// A proposal document: the proposals of one proposal ref.
#[derive(Debug, Clone)]
pub struct ProposalDocument {
    /// `refs/proposals/pp-2018-dubai/67`.
    pub reference: String,
    pub conference: Option<ConferenceId>,
    /// The document's name within its conference (`67`).
    pub document: String,
    pub proposals: Vec<ProposalRecord>,
    /// Each proposal as an amendment to export, by proposal id.
    pub amendments: BTreeMap<String, crate::export::ProposalExport>,
}

/// Gathers the whole site from a history and its lineage graph.
pub fn gather(history: &History, lineage: &Lineage) -> Result<SiteData, SiteError> {
    gather_with(history, lineage, None)
}

/// [`gather`], telling `progress` how far it is.
pub fn gather_with(
    history: &History,
    lineage: &Lineage,
    mut progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<SiteData, SiteError> {
    let tables = lineage.tables(&TableFilter::default());
    let recorded: Vec<String> = history
        .conferences()
        .iter()
        .filter_map(|c| c.conference.as_ref().map(|c| c.0.clone()))
        .collect();
    let conferences = lineage
        .chronology()
        .iter()
        .filter_map(|id| lineage.conference(id))
        .map(|c| SiteConference {
            id: c.id.clone(),
            label: lineage.conference_label(&c.id),
            body_name: c.body.name().to_string(),
            start: c.start.map(|d| d.to_string()),
            recorded: recorded.contains(&c.id.0),
        })
        .collect();

    let proposal_refs = history.proposal_refs()?;
    let mut proposal_documents = Vec::new();
    for r in &proposal_refs {
        let Some(tip) = r.commits.last() else {
            continue;
        };
        let mut proposals = history.proposal_records(tip.id)?;
        let prefix = crate::history::layout::PROPOSALS_PREFIX;
        let rest = r.reference.strip_prefix(prefix).unwrap_or(&r.reference);
        let (conference, document) = match rest.rsplit_once('/') {
            Some((c, d)) => (Some(ConferenceId(c.to_string())), d.to_string()),
            None => (r.base_conference.clone(), rest.to_string()),
        };
        proposals.retain(|p| conference.as_ref().is_none_or(|c| &p.conference == c));
        let mut amendments = BTreeMap::new();
        for p in &proposals {
            amendments.insert(p.id.to_string(), amendment(history, p)?);
        }
        proposal_documents.push(ProposalDocument {
            reference: r.reference.clone(),
            conference,
            document,
            proposals,
            amendments,
        });
    }

    let mut instruments = Vec::new();
    let main_tip = history
        .conferences()
        .last()
        .map(|c| c.id)
        .expect("an open history has a main branch with a commit");
    let catalogue = crate::export::catalogue(history, main_tip, MAIN_REF).map_err(|source| {
        SiteError::Export {
            what: "the catalogue".to_string(),
            source: Box::new(source),
        }
    })?;
    let total = lineage.instruments().count();
    for (done, id) in lineage.instruments().enumerate() {
        if let Some(progress) = progress.as_mut() {
            progress(Progress::Instruments { done, total });
        }
        let report = lineage.lineage(id).map_err(|e| SiteError::Lineage {
            instrument: instrument_name(id),
            message: e.to_string(),
        })?;
        let versions = text_versions(history, id, main_tip, &proposal_refs)?;
        let mut blames = BTreeMap::new();
        for language in [Language::Fr, Language::En, Language::Es] {
            // The latest text in this language: on main if any, else the last proposal's.
            let with_text = || versions.iter().filter(|v| v.texts.contains_key(&language));
            let latest_main = with_text().rfind(|v| v.on_main);
            let Some(at) = latest_main.or_else(|| with_text().next_back()) else {
                continue;
            };
            let blame =
                blame_load::blame(history, id, language, Some(&at.point.name)).map_err(|e| {
                    SiteError::Blame {
                        instrument: instrument_name(id),
                        language,
                        message: e.to_string(),
                    }
                })?;
            blames.insert(language, blame);
        }
        let cites = lineage.cites(id, None).unwrap_or_default();
        let cited_by = lineage.cited_by(id).unwrap_or_default();
        instruments.push(SiteInstrument {
            id: id.clone(),
            name: instrument_name(id),
            title: title(lineage, id),
            lineage: report,
            versions,
            blames,
            cites,
            cited_by,
        });
    }
    if let Some(progress) = progress.as_mut() {
        progress(Progress::Instruments { done: total, total });
    }
    Ok(SiteData {
        tables,
        conferences,
        instruments,
        proposal_documents,
        catalogue,
    })
}

/// A proposal as an amendment to export, in the first language the history holds its text (or
/// the text it amends) in; French when it holds neither (a suppression of a text it lacks).
fn amendment(
    history: &History,
    proposal: &ProposalRecord,
) -> Result<crate::export::ProposalExport, SiteError> {
    let id = proposal.id.to_string();
    let fail = |source| SiteError::Export {
        what: format!("proposal {id}"),
        source: Box::new(source),
    };
    let at = history.resolve(&id)?;
    let mut first = None;
    for language in [Language::Fr, Language::En, Language::Es] {
        let input =
            crate::export::gather(history, &proposal.target, language, &at).map_err(fail)?;
        let crate::export::Export::Proposal(export) = input.export else {
            unreachable!("a proposal point exports a proposal");
        };
        if export.proposed.is_some() || export.target.is_some() {
            return Ok(*export);
        }
        first.get_or_insert(export);
    }
    Ok(*first.expect("three languages were tried"))
}

/// The one place where the site chooses an instrument's title: the latest adopted title the
/// history knows, whatever its language, labelled with that language
/// ([`Titles::latest`](crate::lineage::titles::Titles::latest): the titles kept per version and
/// language, never guessed from the words); a draft known only from its proposal shows the
/// proposal's title.
pub fn title(lineage: &Lineage, instrument: &InstrumentId) -> Option<Title> {
    let shown = lineage.titles(instrument).latest()?;
    Some(Title {
        text: shown.text,
        language: shown.language,
        proposal: shown.proposal,
    })
}

/// Every version of an instrument's texts: the changes along main, then those of each proposal
/// ref (its own commits only), each with the redline from the text before it.
fn text_versions(
    history: &History,
    id: &InstrumentId,
    main_tip: crate::history::ObjectId,
    proposal_refs: &[crate::history::read::ProposalRef],
) -> Result<Vec<TextVersion>, SiteError> {
    let mut versions: Vec<TextVersion> = Vec::new();
    let mut lines: Vec<(crate::history::ObjectId, String)> = vec![(main_tip, MAIN_REF.to_string())];
    for r in proposal_refs {
        if let Some(tip) = r.commits.last() {
            lines.push((tip.id, r.reference.clone()));
        }
    }
    for language in [Language::Fr, Language::En, Language::Es] {
        let path = text_path(id, language);
        for (tip, reference) in &lines {
            let on_main_line = reference == MAIN_REF;
            let mut previous: Option<(VersionPoint, String)> = None;
            for v in history.path_history(*tip, &path)? {
                let text = match v.blob {
                    Some(_) => Some(read_text(history, v.commit.id, &path)?),
                    None => None,
                };
                let point = point_of(&v.commit, v.on_main, reference);
                if v.on_main != on_main_line {
                    // A main commit below a proposal: the base the proposal amends.
                    previous = text.map(|t| (point, t));
                    continue;
                }
                let Some(text) = text else {
                    previous = None;
                    continue;
                };
                let index = match versions.iter().position(|x| x.point.name == point.name) {
                    Some(i) => i,
                    None => {
                        versions.push(TextVersion {
                            point: point.clone(),
                            on_main: v.on_main,
                            texts: BTreeMap::new(),
                            changes: BTreeMap::new(),
                            exports: BTreeMap::new(),
                        });
                        versions.len() - 1
                    }
                };
                if let Some((before, old)) = &previous {
                    versions[index]
                        .changes
                        .insert(language, (before.clone(), redline(old, &text)));
                }
                if v.on_main {
                    let export = crate::export::stored_version(
                        history,
                        id,
                        language,
                        v.commit.id,
                        &point.name,
                        &v.commit.date,
                        true,
                        text.clone(),
                    )
                    .map_err(|source| SiteError::Export {
                        what: format!("{} ({language}) at {}", instrument_name(id), point.name),
                        source: Box::new(source),
                    })?;
                    versions[index].exports.insert(language, export);
                }
                versions[index].texts.insert(language, text.clone());
                previous = Some((point, text));
            }
        }
    }
    // Outcomes first, oldest first (main's order), then proposals in ref order: a stable sort
    // keeps the order in which they were found.
    versions.sort_by_key(|v| !v.on_main);
    Ok(versions)
}

fn read_text(
    history: &History,
    commit: crate::history::ObjectId,
    path: &str,
) -> Result<String, SiteError> {
    let bytes = history.read_file(commit, path)?.unwrap_or_default();
    String::from_utf8(bytes).map_err(|_| SiteError::NotText {
        path: path.to_string(),
        commit: commit.to_string(),
    })
}
