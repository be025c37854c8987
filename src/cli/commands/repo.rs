//! What the history commands share: opening the built history (building it first from the
//! sources when it does not exist yet, so that the README's commands work on a fresh clone),
//! naming instruments and revisions, and explaining why a text is absent.

use std::io::Write;
use std::path::Path;

use actes::history::plan::HistoryPlan;
use actes::history::read::{History, ReadError, Resolved};
use actes::history::write::{self, Progress, WriteOptions, WriteReport};
use actes::model::{InstrumentId, Language};

use super::{CommandError, Config};
use crate::cli::Format;

/// Reads the sources and decides what the history says.
pub fn plan_from_sources(sources: &Path) -> Result<HistoryPlan, CommandError> {
    let loaded = actes::corpus::Sources::load_with(sources, actes::reader::read_any_document)
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
pub use actes::history::absence::Absence;

/// Explains why `instrument` has no `language` text at `at` (a history that cannot be read is a
/// failure).
pub fn explain_absence(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: &Resolved,
) -> Result<Absence, CommandError> {
    actes::history::absence::explain_absence(history, instrument, language, at)
        .map_err(CommandError::failure)
}

/// A short id for display.
pub use actes::render::short_id as short;
