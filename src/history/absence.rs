//! Why an instrument has no text at a revision: not in the sources, suppressed, proposed for
//! suppression, not yet in the corpus, or only proposed. `actes show` and `actes diff` say it
//! instead of printing nothing; `crate::render::history::absence_text` puts it in words.

use serde::Serialize;

use super::layout::{meta_path, text_path};
use super::read::{History, ReadError, Resolved, RevisionKind};
use crate::model::{Event, InstrumentId, Language};

/// Why there is no text of an instrument at a revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "reason")]
pub enum Absence {
    /// The instrument is in the corpus there, but no source gives this text.
    TextNotInSources {
        notes: Vec<String>,
        evidence: Vec<String>,
        /// Languages that do have a text there.
        other_languages: Vec<String>,
    },
    /// The instrument was suppressed (abrogated) at or before this point.
    Suppressed {
        at: Option<String>,
        evidence: Vec<String>,
    },
    /// A proposal on this line removes the instrument: proposed, not an outcome.
    ProposedSuppression {
        proposal: String,
        evidence: Vec<String>,
    },
    /// The instrument enters the corpus only later.
    NotYetInCorpus { first: String },
    /// The instrument exists only on a proposal ref: proposed, never adopted in the history.
    OnlyProposed { proposal: String },
    /// The instrument is nowhere in the history's texts, but the lineage knows it there (from a
    /// Final Acts list, a citation): the sources do not give its text.
    KnownWithoutText { evidence: Vec<String> },
    /// The conference is known (the catalogue, revision marks) but the history records no
    /// state after it: the sources give no text there.
    ConferenceNotRecorded {
        conference: String,
        /// The conferences the history does record.
        recorded: Vec<String>,
    },
    /// The instrument is nowhere on this line of history.
    Unknown,
}

/// The languages other than `language` in which the history holds a text of `instrument` at
/// `commit`: what `show`, `diff` and `blame` name where the language asked for has none (a text
/// never falls back to another language's).
pub fn other_languages(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    commit: crate::history::ObjectId,
) -> Result<Vec<Language>, ReadError> {
    let mut out = Vec::new();
    for lang in Language::ALL {
        if lang != language
            && history
                .blob_id(commit, &text_path(instrument, lang))?
                .is_some()
        {
            out.push(lang);
        }
    }
    Ok(out)
}

/// Explains why `instrument` has no `language` text at `at`.
pub fn explain_absence(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: &Resolved,
) -> Result<Absence, ReadError> {
    if let Some(record) = history.instrument_record(at.commit, instrument)? {
        let other_languages = other_languages(history, instrument, language, at.commit)?
            .into_iter()
            .map(|l| l.code().to_string())
            .collect();
        return Ok(Absence::TextNotInSources {
            notes: record.notes.clone(),
            evidence: record.evidence.iter().map(|e| e.to_string()).collect(),
            other_languages,
        });
    }
    let meta = meta_path(instrument);
    let along = history.path_history(at.commit, &meta)?;
    if let Some(last) = along.last().filter(|v| !v.on_main) {
        // Removed on a proposal ref: a proposal, not an outcome.
        let proposal = last
            .commit
            .proposal
            .clone()
            .unwrap_or_else(|| last.commit.id.short());
        let evidence = history
            .proposal_records(last.commit.id)?
            .into_iter()
            .filter(|p| p.id.to_string() == proposal)
            .flat_map(|p| p.evidence.into_iter().map(|e| e.to_string()))
            .collect();
        return Ok(Absence::ProposedSuppression { proposal, evidence });
    }
    if let Some(last) = along.last() {
        // It was there and went away: say where, with the conference's evidence if it records
        // a suppression.
        let when = last
            .commit
            .conference
            .as_ref()
            .map(|c| c.0.clone())
            .or_else(|| last.commit.proposal.clone());
        let mut evidence = Vec::new();
        if let Some(conf) = &last.commit.conference {
            for record in history.conference_records(last.commit.id)? {
                if record.conference.id == *conf {
                    for event in record.events {
                        if event.instrument == *instrument && event.event == Event::Suppressed {
                            evidence.extend(event.evidence.iter().map(|e| e.to_string()));
                        }
                    }
                }
            }
        }
        return Ok(Absence::Suppressed { at: when, evidence });
    }
    // Not there yet: does it appear later on main?
    if let Some(tip) = history.conferences().last() {
        let later = history.path_history(tip.id, &meta)?;
        if let Some(first) = later.first() {
            let first = first
                .commit
                .conference
                .as_ref()
                .map_or_else(|| first.commit.id.to_string(), |c| c.0.clone());
            return Ok(Absence::NotYetInCorpus { first });
        }
    }
    if at.kind == RevisionKind::Conference {
        for r in history.proposal_refs()? {
            if let Some(tip) = r.commits.last() {
                if let Some(first) = history.path_history(tip.id, &meta)?.first() {
                    if !first.on_main {
                        return Ok(Absence::OnlyProposed {
                            proposal: first
                                .commit
                                .proposal
                                .clone()
                                .unwrap_or_else(|| r.reference.clone()),
                        });
                    }
                }
            }
        }
    }
    Ok(Absence::Unknown)
}
