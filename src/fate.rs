//! What became of each proposal (`actes outcome`), read through the store: what the conference
//! did with the proposal's target (the conference record's event, with its evidence, as the
//! record states or infers it) and how much of the proposal shows in the text the conference
//! adopted, which the [`crate::outcome`] matcher infers from language-independent anchors. Also
//! the inferred links the lineage shows: a proposal to the version it shows in, a draft to the
//! new instrument it most likely became, an abrogated instrument to the new one that took over.
//!
//! It sits above the lineage and the export (whose reading of a stored text into its sections it
//! reuses) because it needs both the store's records and its texts; it prints nothing.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::export::structure;
use crate::history::layout::text_path;
use crate::history::read::{History, ReadError};
use crate::history::ObjectId;
use crate::lineage::query::instrument_name;
use crate::lineage::{InferredLink, InferredRelation};
use crate::model::{
    Action, Change, Completeness, ConferenceId, ConferenceRecord, Event, EventRecord, Evidence,
    EvidenceKind, InstrumentId, InstrumentText, Language, LineSpan, Paragraph, ProposalId,
    ProposalRecord, Section,
};
use crate::outcome::{
    match_proposal, rank_draft, successors, Abrogated, Candidate, Confidence, DraftOutcome,
    ProposalOutcome, SuccessorOutcome,
};
use crate::text::fold;

/// Why `actes outcome` could not answer.
#[derive(Debug, thiserror::Error)]
pub enum FateError {
    /// The argument is neither a proposal id nor a document number.
    #[error("`{0}` is neither a proposal (B/67/4) nor a document number (67)")]
    BadQuery(String),
    /// No proposal of the history answers to it.
    #[error("no proposal {query} in the history; known: {known}")]
    NotFound { query: String, known: String },
    /// The history cannot be read.
    #[error(transparent)]
    Read(#[from] ReadError),
}

/// `actes outcome`: what became of one proposal, or of every proposal of a document.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeReport {
    pub query: String,
    pub proposals: Vec<ProposalFate>,
}

/// What became of one proposal.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalFate {
    pub proposal: ProposalId,
    pub action: Action,
    pub target: InstrumentId,
    /// `Resolution 130 (PP)`.
    pub target_name: String,
    pub conference: ConferenceId,
    /// `Dubai, 2018`.
    pub conference_label: String,
    /// What the conference did with the target.
    pub decision: Decision,
    /// How much of the proposal shows in the adopted text.
    pub text: TextFate,
}

/// Whether the conference did what the proposal asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// It did (a suppression asked and recorded, a no-change asked and recorded).
    Adopted,
    /// It did not (the target was not revised, not suppressed).
    NotAdopted,
    /// It acted on the target (revised it, adopted a new instrument); how far as proposed is
    /// for the text comparison to say.
    Acted,
    /// The history records nothing that settles it.
    Unknown,
}

/// What the conference did with a proposal's target, from the conference record.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub verdict: Verdict,
    /// The record's event on the target, if any.
    pub event: Option<Event>,
    /// How the record knows it: stated by a source, or inferred.
    pub kind: EvidenceKind,
    /// `Resolution 128 (PP) abrogated at Dubai, 2018`.
    pub words: String,
    pub evidence: Vec<Evidence>,
}

/// How much of a proposal shows in what the conference adopted.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TextFate {
    /// No text to compare: the decision says it all (a suppression, a target not revised).
    NothingToCompare { reason: String },
    /// The conference acted, but the history holds no adopted text to compare with.
    NoAdoptedText { reason: String },
    /// The history holds no text of the proposal to compare.
    NoProposedText { reason: String },
    /// Each change of a `MOD`, matched against the adopted text (inferred).
    Matched {
        adopted: InstrumentId,
        outcome: ProposalOutcome,
    },
    /// A draft against the new instruments of the conference that have a text (inferred).
    Ranked {
        /// New instruments of the conference without a text, which could not be compared.
        without_text: Vec<InstrumentId>,
        outcome: DraftOutcome,
    },
    /// A draft, but no new instrument of the conference has a text to compare with.
    NoCandidates { reason: String },
}

/// The conference label used in answers: `Dubai, 2018`.
fn conference_label(record: Option<&ConferenceRecord>, id: &ConferenceId) -> String {
    match record {
        Some(r) => format!("{}, {}", r.conference.place.en, r.conference.year),
        None => id.to_string(),
    }
}

/// A stored text read back into an [`InstrumentText`], every paragraph `Unchanged`, its lines
/// as the file numbers them.
pub fn stored_text(content: &str, language: Language, partial: bool) -> InstrumentText {
    let s = structure(content, partial);
    let mut line = 2u32;
    if s.formula.is_some() {
        line += 1;
    }
    fn paragraphs_of(ps: Vec<crate::export::TextParagraph>, line: &mut u32) -> Vec<Paragraph> {
        ps.into_iter()
            .map(|p| {
                *line += 1;
                let at = *line;
                *line += u32::try_from(p.footnotes.len()).unwrap_or(0);
                Paragraph {
                    label: p.label,
                    depth: 0,
                    text: p.text,
                    footnotes: p.footnotes,
                    lines: LineSpan::line(at),
                    change: if p.uncertain {
                        Change::Uncertain
                    } else {
                        Change::Unchanged
                    },
                }
            })
            .collect()
    }
    let mut sections = Vec::new();
    if !s.lead.is_empty() {
        let ps = paragraphs_of(s.lead, &mut line);
        sections.push(Section {
            heading: String::new(),
            lines: ps.first().map_or(LineSpan::line(line), |p| p.lines),
            paragraphs: ps,
        });
    }
    for sec in s.sections {
        line += 1;
        let at = line;
        let ps = paragraphs_of(sec.paragraphs, &mut line);
        sections.push(Section {
            heading: sec.heading,
            lines: LineSpan::new(at, line),
            paragraphs: ps,
        });
    }
    InstrumentText {
        language,
        header: s.header,
        revision: None,
        title: s.title,
        formula: s.formula,
        sections,
        completeness: if partial {
            Completeness::Partial
        } else {
            Completeness::Complete
        },
        notes: s.omission.into_iter().collect(),
        // Only compared, never stored again: the marks of its opening lines do not matter here.
        unsettled_openings: Vec::new(),
    }
}

/// Marks what a proposal changed, from the text before it (`old`) and as proposed (`new`), both
/// stored without marks: sections pair by heading, paragraphs within a section by their words
/// (longest common subsequence); an unpaired paragraph of the new text with the label of an
/// unpaired one of the old is `Modified` on both sides, the rest `Inserted` (new) or `Deleted`
/// (old).
pub fn mark_changes(old: &mut InstrumentText, new: &mut InstrumentText) {
    let key = |p: &Paragraph| fold(&p.text);
    for ns in new.sections.iter_mut() {
        let os = old
            .sections
            .iter_mut()
            .find(|s| fold(&s.heading) == fold(&ns.heading));
        let Some(os) = os else {
            for p in &mut ns.paragraphs {
                p.change = Change::Inserted;
            }
            continue;
        };
        let a: Vec<String> = os.paragraphs.iter().map(key).collect();
        let b: Vec<String> = ns.paragraphs.iter().map(key).collect();
        let (in_a, in_b) = lcs(&a, &b);
        let mut unpaired_old: Vec<usize> = (0..a.len()).filter(|i| !in_a[*i]).collect();
        for (j, p) in ns.paragraphs.iter_mut().enumerate() {
            if in_b[j] {
                continue;
            }
            let same_label = unpaired_old.iter().position(|i| {
                p.label.is_some() && os.paragraphs[*i].label.as_deref() == p.label.as_deref()
            });
            match same_label {
                Some(k) => {
                    let i = unpaired_old.remove(k);
                    os.paragraphs[i].change = Change::Modified;
                    p.change = Change::Modified;
                }
                None => p.change = Change::Inserted,
            }
        }
        for i in unpaired_old {
            os.paragraphs[i].change = Change::Deleted;
        }
    }
    for os in old.sections.iter_mut() {
        if !new
            .sections
            .iter()
            .any(|s| fold(&s.heading) == fold(&os.heading))
        {
            for p in &mut os.paragraphs {
                p.change = Change::Deleted;
            }
        }
    }
}

/// Which items of `a` and `b` belong to a longest common subsequence.
fn lcs(a: &[String], b: &[String]) -> (Vec<bool>, Vec<bool>) {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut in_a, mut in_b) = (vec![false; n], vec![false; m]);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            in_a[i] = true;
            in_b[j] = true;
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (in_a, in_b)
}

/// The texts of an instrument at a commit, each language the history holds, in the order of
/// [`Language::ALL`].
fn texts_at(
    history: &History,
    commit: ObjectId,
    instrument: &InstrumentId,
) -> Result<Vec<InstrumentText>, ReadError> {
    let record = history.instrument_record(commit, instrument)?;
    let mut out = Vec::new();
    for language in Language::ALL {
        let Some(bytes) = history.read_file(commit, &text_path(instrument, language))? else {
            continue;
        };
        let partial = record
            .as_ref()
            .and_then(|r| r.texts.get(&language))
            .is_some_and(|c| *c != Completeness::Complete);
        let content = String::from_utf8_lossy(&bytes);
        out.push(stored_text(&content, language, partial));
    }
    Ok(out)
}

/// Everything one conference's answers need, read once.
struct ConferenceView {
    record: Option<ConferenceRecord>,
    commit: Option<ObjectId>,
    /// The instruments the conference adopted new, with their texts (empty where none).
    new_instruments: Vec<(InstrumentId, Vec<InstrumentText>)>,
}

/// The view of a conference, read once and kept in `views` for the proposals made to it.
fn view_of<'v>(
    history: &History,
    views: &'v mut BTreeMap<ConferenceId, ConferenceView>,
    conference: &ConferenceId,
) -> Result<&'v ConferenceView, FateError> {
    if !views.contains_key(conference) {
        let view = ConferenceView::read(history, conference)?;
        views.insert(conference.clone(), view);
    }
    Ok(&views[conference])
}

impl ConferenceView {
    fn read(history: &History, conference: &ConferenceId) -> Result<ConferenceView, ReadError> {
        let Some(info) = history.conference_commit(&conference.to_string()) else {
            return Ok(ConferenceView {
                record: None,
                commit: None,
                new_instruments: Vec::new(),
            });
        };
        let commit = info.id;
        let record = history
            .conference_records(commit)?
            .into_iter()
            .find(|r| &r.conference.id == conference);
        let mut new_instruments = Vec::new();
        for e in record.iter().flat_map(|r| &r.events) {
            if e.event == Event::Adopted {
                new_instruments.push((
                    e.instrument.clone(),
                    texts_at(history, commit, &e.instrument)?,
                ));
            }
        }
        Ok(ConferenceView {
            record,
            commit: Some(commit),
            new_instruments,
        })
    }

    fn event(&self, instrument: &InstrumentId) -> Option<&EventRecord> {
        self.record
            .as_ref()
            .and_then(|r| r.events.iter().find(|e| &e.instrument == instrument))
    }

    fn label(&self, id: &ConferenceId) -> String {
        conference_label(self.record.as_ref(), id)
    }

    /// The new instruments with a text, as candidates (the first language the history holds).
    fn candidates(&self) -> Vec<Candidate<'_>> {
        self.new_instruments
            .iter()
            .filter_map(|(id, texts)| {
                texts.first().map(|t| Candidate {
                    instrument: id,
                    text: t,
                })
            })
            .collect()
    }

    fn without_text(&self) -> Vec<InstrumentId> {
        self.new_instruments
            .iter()
            .filter(|(_, t)| t.is_empty())
            .map(|(id, _)| id.clone())
            .collect()
    }
}

/// One proposal found in the history: its record, the commit that holds it and its parent.
struct Found {
    record: ProposalRecord,
    commit: ObjectId,
    parent: Option<ObjectId>,
}

/// Every proposal of the history's proposal refs, in ref and commit order.
fn all_proposals(history: &History) -> Result<Vec<Found>, ReadError> {
    let mut out = Vec::new();
    for r in history.proposal_refs()? {
        for c in &r.commits {
            let added = history.proposal_records(c.id)?;
            let parent = c.parents.first().copied();
            let before: Vec<ProposalId> = match parent {
                Some(p) => history
                    .proposal_records(p)?
                    .into_iter()
                    .map(|r| r.id)
                    .collect(),
                None => Vec::new(),
            };
            for record in added {
                if !before.contains(&record.id) {
                    out.push(Found {
                        record,
                        commit: c.id,
                        parent,
                    });
                }
            }
        }
    }
    Ok(out)
}

/// `actes outcome B/67/4` or `actes outcome 67`.
pub fn outcome(history: &History, query: &str) -> Result<OutcomeReport, FateError> {
    let query = query.trim();
    let wanted: Box<dyn Fn(&ProposalId) -> bool> = if let Ok(id) = query.parse::<ProposalId>() {
        Box::new(move |p| *p == id)
    } else if let Ok(document) = query.parse::<u32>() {
        Box::new(move |p| p.document == document)
    } else {
        return Err(FateError::BadQuery(query.to_string()));
    };
    let all = all_proposals(history)?;
    let chosen: Vec<&Found> = all.iter().filter(|f| wanted(&f.record.id)).collect();
    if chosen.is_empty() {
        let known: Vec<String> = all.iter().map(|f| f.record.id.to_string()).collect();
        return Err(FateError::NotFound {
            query: query.to_string(),
            known: if known.is_empty() {
                "none".into()
            } else {
                known.join(", ")
            },
        });
    }
    let mut views: BTreeMap<ConferenceId, ConferenceView> = BTreeMap::new();
    let mut proposals = Vec::new();
    for f in chosen {
        let view = view_of(history, &mut views, &f.record.conference)?;
        proposals.push(fate_of(history, f, view)?);
    }
    Ok(OutcomeReport {
        query: query.to_string(),
        proposals,
    })
}

fn fate_of(history: &History, f: &Found, view: &ConferenceView) -> Result<ProposalFate, FateError> {
    let p = &f.record;
    let name = instrument_name(&p.target);
    let at = view.label(&p.conference);
    let decision = decide(p, view, &name, &at);
    let text = match (p.action, decision.event) {
        _ if view.commit.is_none() => TextFate::NothingToCompare {
            reason: format!("the history holds no outcome of {at} yet"),
        },
        (Action::Sup | Action::SupMoved, _) => TextFate::NothingToCompare {
            reason: "a suppression has no text to take up".into(),
        },
        (Action::Noc, _) => TextFate::NothingToCompare {
            reason: "a no-change has no text to take up".into(),
        },
        (_, None) if p.target.number.is_none() => draft_fate(history, f, view, &at)?,
        (_, Some(Event::Unchanged)) => TextFate::NothingToCompare {
            reason: format!("{name} was not revised: nothing of the proposal was adopted"),
        },
        (_, Some(Event::Suppressed)) => TextFate::NothingToCompare {
            reason: format!("{name} was abrogated: nothing of the proposal was adopted"),
        },
        (_, Some(Event::Revised | Event::Adopted)) => mod_fate(history, f, view, &name, &at)?,
        (_, _) => TextFate::NothingToCompare {
            reason: format!("the history records nothing of {name} at {at}"),
        },
    };
    Ok(ProposalFate {
        proposal: p.id.clone(),
        action: p.action,
        target: p.target.clone(),
        target_name: name,
        conference: p.conference.clone(),
        conference_label: at,
        decision,
        text,
    })
}

fn decide(p: &ProposalRecord, view: &ConferenceView, name: &str, at: &str) -> Decision {
    let Some(e) = view.event(&p.target) else {
        let words = if view.commit.is_none() {
            format!("the history holds no outcome of {at}")
        } else if p.target.number.is_none() {
            format!("{name} has no number: no source says which instrument of {at} it became; only a comparison of texts can suggest one")
        } else {
            format!("the history records nothing of {name} at {at}")
        };
        return Decision {
            verdict: Verdict::Unknown,
            event: None,
            kind: EvidenceKind::Inferred,
            words,
            evidence: Vec::new(),
        };
    };
    let event_words = match e.event {
        Event::Suppressed => "abrogated",
        Event::Unchanged => "not revised",
        Event::Revised => "revised",
        Event::Adopted => "adopted",
        Event::FirstInCorpus => "first in the corpus",
        Event::Proposed => "proposed",
    };
    use Action::*;
    let verdict = match (p.action, e.event) {
        (Sup | SupMoved, Event::Suppressed) | (Noc, Event::Unchanged) => Verdict::Adopted,
        (Mod | ModEditorial, Event::Revised) | (Add | AddMoved, Event::Adopted) => Verdict::Acted,
        (_, Event::Proposed | Event::FirstInCorpus) => Verdict::Unknown,
        _ => Verdict::NotAdopted,
    };
    Decision {
        verdict,
        event: Some(e.event),
        kind: crate::lineage::evidence_kind_of(e.status, &e.evidence),
        words: format!("{name} {event_words} at {at}"),
        evidence: e.evidence.clone(),
    }
}

/// The proposal's text before it and as proposed, with what it changed marked.
fn proposal_texts(
    history: &History,
    f: &Found,
) -> Result<Option<(InstrumentText, InstrumentText)>, ReadError> {
    let news = texts_at(history, f.commit, &f.record.target)?;
    let Some(mut new) = news.into_iter().next() else {
        return Ok(None);
    };
    let mut old = match f.parent {
        Some(parent) => texts_at(history, parent, &f.record.target)?
            .into_iter()
            .find(|t| t.language == new.language),
        None => None,
    }
    .unwrap_or_else(|| InstrumentText {
        sections: Vec::new(),
        ..new.clone()
    });
    mark_changes(&mut old, &mut new);
    Ok(Some((old, new)))
}

fn mod_fate(
    history: &History,
    f: &Found,
    view: &ConferenceView,
    name: &str,
    at: &str,
) -> Result<TextFate, ReadError> {
    let commit = view
        .commit
        .expect("a decision was read from the conference commit");
    let adopted = texts_at(history, commit, &f.record.target)?;
    let Some(adopted) = adopted.into_iter().next() else {
        return Ok(TextFate::NoAdoptedText {
            reason: format!(
                "{name} was revised at {at}, but the sources hold no adopted text: cannot tell how much of the proposal was taken up"
            ),
        });
    };
    let Some((old, new)) = proposal_texts(history, f)? else {
        return Ok(TextFate::NoProposedText {
            reason: format!("the history holds no text of {}", f.record.id),
        });
    };
    Ok(TextFate::Matched {
        adopted: f.record.target.clone(),
        outcome: match_proposal(&old, &new, &adopted),
    })
}

fn draft_fate(
    history: &History,
    f: &Found,
    view: &ConferenceView,
    at: &str,
) -> Result<TextFate, ReadError> {
    let candidates = view.candidates();
    if candidates.is_empty() {
        return Ok(TextFate::NoCandidates {
            reason: format!(
                "no new instrument of {at} has a text in the sources ({} new, none with a text): cannot tell which one the draft became",
                view.new_instruments.len()
            ),
        });
    }
    let draft = texts_at(history, f.commit, &f.record.target)?;
    let Some(draft) = draft.into_iter().next() else {
        return Ok(TextFate::NoProposedText {
            reason: format!("the history holds no text of {}", f.record.id),
        });
    };
    Ok(TextFate::Ranked {
        without_text: view.without_text(),
        outcome: rank_draft(&draft, &candidates),
    })
}

/// The successors of every instrument abrogated at a conference, inferred against the new
/// instruments of that conference that have a text.
pub fn successors_at(
    history: &History,
    conference: &ConferenceId,
) -> Result<Vec<SuccessorOutcome>, ReadError> {
    let view = ConferenceView::read(history, conference)?;
    let candidates = view.candidates();
    let Some(commit) = view.commit else {
        return Ok(Vec::new());
    };
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let info = history.commit_info(commit)?;
    let before = info.parents.first().copied();
    let mut out = Vec::new();
    for e in view.record.iter().flat_map(|r| &r.events) {
        if e.event != Event::Suppressed {
            continue;
        }
        let (texts, record) = match before {
            Some(b) => (
                texts_at(history, b, &e.instrument)?,
                history.instrument_record(b, &e.instrument)?,
            ),
            None => (Vec::new(), None),
        };
        let text = texts.first();
        let title = e.title.clone().or_else(|| text.map(|t| t.title.clone()));
        let Some(title) = title else { continue };
        let language = if e.title.is_some() {
            Language::En
        } else {
            text.map_or(Language::En, |t| t.language)
        };
        let citations = record.map(|r| r.citations).unwrap_or_default();
        out.push(successors(
            &Abrogated {
                instrument: &e.instrument,
                language,
                title: &title,
                text: if e.title.is_some() { None } else { text },
                citations: &citations,
            },
            &candidates,
        ));
    }
    Ok(out)
}

/// The file, in the bare repository, that keeps the inferred links between runs.
pub const INFERRED_CACHE_FILE: &str = "actes-inferred-cache";
const INFERRED_CACHE_FORMAT: &str = "actes-inferred-cache 1";

/// [`inferred_links`], kept in the repository (`actes-inferred-cache`) under a key made of the
/// cache format and every ref with its id, so that a history changed in any way never meets
/// stale links: comparing every abrogated instrument with every new one of its conference takes
/// seconds on a large history, reading them back a millisecond. A cache that cannot be read is
/// computed again; one that cannot be written is left unwritten (the answer is the same).
pub fn cached_inferred_links(history: &History) -> Result<Vec<InferredLink>, FateError> {
    let refs: Vec<String> = history
        .refs()?
        .into_iter()
        .map(|(name, id)| format!("{name} {id}"))
        .collect();
    let key = format!("{INFERRED_CACHE_FORMAT}; {}", refs.join("; "));
    let path = history.path().join(INFERRED_CACHE_FILE);
    if let Ok(content) = std::fs::read_to_string(&path) {
        if let Some((first, rest)) = content.split_once('\n') {
            if first == key {
                if let Ok(links) = serde_json::from_str::<Vec<InferredLink>>(rest) {
                    return Ok(links);
                }
            }
        }
    }
    let links = inferred_links(history)?;
    if let Ok(json) = serde_json::to_string(&links) {
        let tmp = history.path().join(format!("{INFERRED_CACHE_FILE}.tmp"));
        if std::fs::write(&tmp, format!("{key}\n{json}\n")).is_ok()
            && std::fs::rename(&tmp, &path).is_err()
        {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Ok(links)
}

/// Adds `item` to `list` unless it is there already (anchors as written, listed once).
fn distinct(mut list: Vec<String>, item: String) -> Vec<String> {
    if !list.contains(&item) {
        list.push(item);
    }
    list
}

/// The inferred links of the lineage: each proposal whose text was compared, to the version it
/// shows in; each draft to the new instrument it most likely became; each abrogated instrument
/// to the new ones that took over from it. Only links above their thresholds.
pub fn inferred_links(history: &History) -> Result<Vec<InferredLink>, FateError> {
    let mut links = Vec::new();
    let all = all_proposals(history)?;
    let mut views: BTreeMap<ConferenceId, ConferenceView> = BTreeMap::new();
    for f in &all {
        let conference = &f.record.conference;
        let view = view_of(history, &mut views, conference)?;
        let fate = fate_of(history, f, view)?;
        match &fate.text {
            TextFate::Matched { adopted, outcome } => {
                if let Some(score) = outcome.score {
                    links.push(InferredLink {
                        relation: InferredRelation::ShowsIn,
                        proposal: Some(fate.proposal.clone()),
                        from: fate.target.clone(),
                        to: adopted.clone(),
                        conference: conference.clone(),
                        conference_label: view.label(conference),
                        score,
                        confidence: outcome.confidence,
                        anchors: outcome
                            .changes
                            .iter()
                            .flat_map(|c| c.anchors.iter().filter(|a| !a.found_at.is_empty()))
                            .map(|a| a.anchor.as_written.clone())
                            .fold(Vec::new(), distinct)
                            .into_iter()
                            .take(5)
                            .collect(),
                    });
                }
            }
            TextFate::Ranked { outcome, .. } => {
                if let (Some(to), Some(best)) = (&outcome.became, outcome.ranked.first()) {
                    links.push(InferredLink {
                        relation: InferredRelation::Became,
                        proposal: Some(fate.proposal.clone()),
                        from: fate.target.clone(),
                        to: to.clone(),
                        conference: conference.clone(),
                        conference_label: view.label(conference),
                        score: best.score,
                        confidence: outcome.confidence,
                        anchors: best
                            .shared
                            .iter()
                            .map(|a| a.as_written.clone())
                            .fold(Vec::new(), distinct)
                            .into_iter()
                            .take(5)
                            .collect(),
                    });
                }
            }
            _ => {}
        }
    }
    for conference in history
        .conferences()
        .iter()
        .filter_map(|c| c.conference.clone())
        .collect::<Vec<_>>()
    {
        let label = match views.get(&conference) {
            Some(v) => v.label(&conference),
            None => ConferenceView::read(history, &conference)?.label(&conference),
        };
        for s in successors_at(history, &conference)? {
            for r in s.ranked.iter().filter(|r| r.above_threshold) {
                links.push(InferredLink {
                    relation: InferredRelation::SucceededBy,
                    proposal: None,
                    from: s.abrogated.clone(),
                    to: r.instrument.clone(),
                    conference: conference.clone(),
                    conference_label: label.clone(),
                    score: r.score,
                    confidence: if s.succeeded_by.first() == Some(&r.instrument) {
                        s.confidence
                    } else {
                        Confidence::Medium
                    },
                    anchors: r
                        .shared
                        .iter()
                        .map(|a| a.as_written.clone())
                        .fold(Vec::new(), distinct)
                        .into_iter()
                        .take(5)
                        .collect(),
                });
            }
        }
    }
    Ok(links)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "RÉSOLUTION 1 (Rév. Busan, 2014)\nTitre\nconsidérant\na)\tpremier point;\nb)\tdeuxième point;\nc)\ttroisième point;\ndécide\n1\tde faire;\n";
    const NEW: &str = "RÉSOLUTION 1 (Rév. Dubaï, 2018)\nTitre\nconsidérant\na)\tpremier point;\nb)\tdeuxième point, revu;\nd)\tquatrième point;\ndécide\n1\tde faire;\n2\tde faire encore;\n";

    fn changes(t: &InstrumentText) -> Vec<(String, Change)> {
        t.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| (p.label.clone().unwrap_or_default(), p.change))
            .collect()
    }

    #[test]
    fn a_proposals_changes_are_marked_by_comparing_its_text_with_the_text_before() {
        let mut old = stored_text(OLD, Language::Fr, false);
        let mut new = stored_text(NEW, Language::Fr, false);
        assert_eq!(old.sections.len(), 2);
        mark_changes(&mut old, &mut new);
        let c = |l: &str, ch| (l.to_string(), ch);
        assert_eq!(
            changes(&old),
            [
                c("a)", Change::Unchanged),
                c("b)", Change::Modified),
                c("c)", Change::Deleted),
                c("1", Change::Unchanged)
            ]
        );
        assert_eq!(
            changes(&new),
            [
                c("a)", Change::Unchanged),
                c("b)", Change::Modified),
                c("d)", Change::Inserted),
                c("1", Change::Unchanged),
                c("2", Change::Inserted)
            ]
        );
        assert_eq!(new.sections[0].paragraphs[2].lines, LineSpan::line(6));
    }
}
