//! What the history commands share: opening the built history (building it first from the
//! sources when it does not exist yet, so that the README's commands work on a fresh clone),
//! naming instruments and revisions, and explaining why a text is absent.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use actes::history::plan::HistoryPlan;
use actes::history::read::{History, ReadError, Resolved, RevisionKind};
use actes::history::write::{self, Progress, WriteOptions, WriteReport};
use actes::model::{Event, InstrumentId, Language};

use super::{CommandError, Config};
use crate::cli::Format;

/// Reads the sources and decides what the history says.
pub fn plan_from_sources(sources: &Path) -> Result<HistoryPlan, CommandError> {
    let loaded = actes::corpus::Sources::load_with(sources, actes::reader::read_document)
        .map_err(CommandError::bad_input)?;
    let corpus = actes::corpus::Corpus::assemble(&loaded).map_err(CommandError::bad_input)?;
    Ok(corpus.plan())
}

/// Builds the history from the sources into `config.repo`, with a progress line on a terminal.
pub fn build(config: &Config) -> Result<WriteReport, CommandError> {
    let plan = plan_from_sources(&config.sources)?;
    let show = config.progress;
    let mut last_len = 0usize;
    let mut progress = |p: Progress| {
        if !show {
            return;
        }
        let line = match p {
            Progress::Commits { done, total } => format!("actes build: commits {done}/{total}"),
            Progress::Pack { objects } => format!("actes build: writing {objects} objects"),
            Progress::Refs { count } => format!("actes build: moving {count} refs"),
        };
        let pad = last_len.saturating_sub(line.len());
        last_len = line.len();
        let _ = write!(std::io::stderr(), "\r{line}{}", " ".repeat(pad));
    };
    let result = write::write(
        &config.repo,
        &plan,
        &mut WriteOptions {
            progress: Some(&mut progress),
            lock_wait: std::time::Duration::ZERO,
            ..WriteOptions::default()
        },
    );
    if show && last_len > 0 {
        let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(last_len));
    }
    result.map_err(|e| match e {
        write::WriteError::BadPath { .. }
        | write::WriteError::BadPerson { .. }
        | write::WriteError::DateBefore1970 { .. }
        | write::WriteError::BadRefName { .. }
        | write::WriteError::DuplicateRef { .. }
        | write::WriteError::UnknownBase { .. } => CommandError::bad_input(e),
        other => CommandError::failure(other),
    })
}

/// Builds the history from the sources when the repository does not exist yet, and otherwise
/// leaves it alone without reading it (for commands that read the repository their own way).
pub fn ensure_built(config: &Config) -> Result<(), CommandError> {
    if !config.repo.exists() {
        build(config)?;
    }
    Ok(())
}

/// Opens the history; when the repository does not exist yet (or a first build was interrupted
/// before its refs were written), builds it first from the sources.
pub fn open(config: &Config) -> Result<History, CommandError> {
    match History::open(&config.repo) {
        Err(ReadError::Missing { .. } | ReadError::NoMain { .. }) => {
            build(config)?;
            History::open(&config.repo).map_err(CommandError::failure)
        }
        other => other.map_err(CommandError::failure),
    }
}

/// Refuses, as bad input, a format that the command does not offer.
pub fn require_format(
    command: &str,
    config: &Config,
    offered: &[Format],
) -> Result<(), CommandError> {
    if offered.contains(&config.format) {
        Ok(())
    } else {
        Err(CommandError::unsupported_format(
            command,
            config.format,
            offered,
        ))
    }
}

/// Reads an instrument name (`130`, `Résolution 130`, `res 130`, `wtdc res 69`...).
pub fn instrument(query: &str) -> Result<InstrumentId, CommandError> {
    actes::names::parse_instrument(query).map_err(CommandError::bad_input)
}

/// Reads a language code.
pub fn language(code: &str) -> Result<Language, CommandError> {
    Language::from_code(code).ok_or_else(|| {
        CommandError::bad_input(format!(
            "`{code}` is not a language of the texts; use fr, en or es"
        ))
    })
}

/// Resolves a revision; `None` is the latest conference.
pub fn revision(history: &History, query: Option<&str>) -> Result<Resolved, CommandError> {
    let query = query.unwrap_or("main");
    history.resolve(query).map_err(|e| match e {
        ReadError::UnknownRevision { .. } | ReadError::AmbiguousRevision { .. } => {
            CommandError::bad_input(e)
        }
        other => CommandError::failure(other),
    })
}

/// The text file of an instrument in a language.
pub use actes::corpus::layout::text_path;

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
    /// The instrument is nowhere on this line of history.
    Unknown,
}

impl Absence {
    /// The account in words, one fact a line.
    pub fn describe(&self, instrument: &InstrumentId, language: Language, at: &str) -> String {
        let mut out = String::new();
        match self {
            Absence::TextNotInSources {
                notes,
                evidence,
                other_languages,
            } => {
                out.push_str(&format!(
                    "No {language} text of {instrument} at {at}: the instrument is in the history there, but the sources do not give this text.\n"
                ));
                for note in notes {
                    out.push_str(&format!("  note: {note}\n"));
                }
                for e in evidence {
                    out.push_str(&format!("  evidence: {e}\n"));
                }
                if !other_languages.is_empty() {
                    out.push_str(&format!(
                        "  texts there in: {}\n",
                        other_languages.join(", ")
                    ));
                }
                out.push_str(&format!(
                    "  see its record: git show {at}:{}/meta.json\n",
                    instrument.tree_dir()
                ));
            }
            Absence::Suppressed { at: when, evidence } => {
                match when {
                    Some(when) => out.push_str(&format!(
                        "No text of {instrument} at {at}: it was suppressed at {when}.\n"
                    )),
                    None => out.push_str(&format!(
                        "No text of {instrument} at {at}: it was removed from the corpus before then.\n"
                    )),
                }
                for e in evidence {
                    out.push_str(&format!("  evidence: {e}\n"));
                }
            }
            Absence::ProposedSuppression { proposal, evidence } => {
                out.push_str(&format!(
                    "No text of {instrument} at {at}: {proposal} proposes to suppress it (a proposal, not an outcome).\n"
                ));
                for e in evidence {
                    out.push_str(&format!("  evidence: {e}\n"));
                }
            }
            Absence::OnlyProposed { proposal } => out.push_str(&format!(
                "No text of {instrument} at {at}: it is not in the adopted corpus; it exists only as proposed by {proposal} (not an outcome): actes show '{}' --at {proposal}\n",
                instrument.designation()
            )),
            Absence::NotYetInCorpus { first } => out.push_str(&format!(
                "No text of {instrument} at {at}: it is not yet in the corpus there; it first appears at {first}.\n"
            )),
            Absence::Unknown => out.push_str(&format!(
                "{instrument} is not in the history at {at}, nor anywhere on its line.\n"
            )),
        }
        out
    }
}

/// Explains why `instrument` has no `language` text at `at`.
pub fn explain_absence(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: &Resolved,
) -> Result<Absence, CommandError> {
    let fail = CommandError::failure;
    if let Some(record) = history
        .instrument_record(at.commit, instrument)
        .map_err(fail)?
    {
        let mut other_languages = Vec::new();
        for lang in [Language::Fr, Language::En, Language::Es] {
            if lang != language
                && history
                    .blob_id(at.commit, &text_path(instrument, lang))
                    .map_err(fail)?
                    .is_some()
            {
                other_languages.push(lang.code().to_string());
            }
        }
        return Ok(Absence::TextNotInSources {
            notes: record.notes.clone(),
            evidence: record.evidence.iter().map(|e| e.to_string()).collect(),
            other_languages,
        });
    }
    let meta = format!("{}/meta.json", instrument.tree_dir());
    let along = history.path_history(at.commit, &meta).map_err(fail)?;
    if let Some(last) = along.last().filter(|v| !v.on_main) {
        // Removed on a proposal ref: a proposal, not an outcome.
        let proposal = last
            .commit
            .proposal
            .clone()
            .unwrap_or_else(|| short(&last.commit.id));
        let evidence = history
            .proposal_records(last.commit.id)
            .map_err(fail)?
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
            for record in history.conference_records(last.commit.id).map_err(fail)? {
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
        let later = history.path_history(tip.id, &meta).map_err(fail)?;
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
        for r in history.proposal_refs().map_err(fail)? {
            if let Some(tip) = r.commits.last() {
                if let Some(first) = history.path_history(tip.id, &meta).map_err(fail)?.first() {
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

/// A short id for display.
pub use actes::render::short_id as short;
