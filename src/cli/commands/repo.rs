//! What the history commands share: opening the built history (building it first from the
//! sources when it does not exist yet, so that the README's commands work on a fresh clone),
//! naming instruments and revisions, and explaining why a text is absent.

use std::path::Path;

use actes::history::absence::Absence;
use actes::history::plan::HistoryPlan;
use actes::history::provenance::Provenance;
use actes::history::read::{History, ReadError, Resolved};
use actes::history::write::{self, Progress, WriteOptions, WriteReport};
use actes::model::{InstrumentId, Language};

use super::{CommandError, Config};

/// Reads the sources and decides what the history says.
pub fn plan_from_sources(sources: &Path) -> Result<HistoryPlan, CommandError> {
    let loaded = actes::corpus::Sources::load(sources).map_err(CommandError::bad_input)?;
    let corpus = actes::corpus::Corpus::assemble(&loaded).map_err(CommandError::bad_input)?;
    Ok(corpus.plan())
}

/// Builds the history from the sources into `config.repo`, with a progress bar where
/// `config.progress` allows one.
pub fn build(config: &Config) -> Result<WriteReport, CommandError> {
    build_with(config, false, std::time::Duration::ZERO)
}

/// Builds the history, rewriting every object when `force`, waiting up to `lock_wait` for
/// another build; records what it was built from.
pub fn build_with(
    config: &Config,
    force: bool,
    lock_wait: std::time::Duration,
) -> Result<WriteReport, CommandError> {
    let sources = config.sources.clone().map_err(CommandError::bad_input)?;
    // Digested before reading: sources edited during the build make the next command rebuild.
    let provenance = Provenance::of_sources(&sources).map_err(CommandError::bad_input)?;
    let plan = plan_from_sources(&sources)?;
    let mut bar = crate::cli::progress::Bar::new(config.progress, "actes build");
    let mut progress = |p: Progress| match p {
        Progress::Commits { done, total } => bar.update(done, total, "commits"),
        Progress::Pack { objects } => bar.message(&format!("writing {objects} objects")),
        Progress::Refs { count } => bar.message(&format!("moving {count} refs")),
    };
    let result = write::write(
        &config.repo,
        &plan,
        &mut WriteOptions {
            progress: Some(&mut progress),
            lock_wait,
            provenance: Some(provenance),
            force,
            ..WriteOptions::default()
        },
    );
    bar.finish();
    result.map_err(|e| match e {
        write::WriteError::BadPath { .. }
        | write::WriteError::BadPerson { .. }
        | write::WriteError::DateBefore1970 { .. }
        | write::WriteError::BadRefName { .. }
        | write::WriteError::DuplicateRef { .. }
        | write::WriteError::UnknownBase { .. }
        | write::WriteError::Guard(_) => CommandError::bad_input(e),
        other => super::fresh::unwritable(&config.repo, other),
    })
}

/// Builds the history from the sources when the repository does not exist yet, and otherwise
/// leaves it alone without reading it (for commands that read the repository their own way).
pub fn ensure_built(config: &Config) -> Result<(), CommandError> {
    super::fresh::ensure_current(config)
}

/// Opens the history; when the repository does not exist yet (or a first build was interrupted
/// before its refs were written), builds it first from the sources.
pub fn open(config: &Config) -> Result<History, CommandError> {
    super::fresh::ensure_current(config)?;
    match History::open(&config.repo) {
        Err(ReadError::Missing { .. } | ReadError::NoMain { .. }) => {
            build(config)?;
            History::open(&config.repo).map_err(CommandError::failure)
        }
        other => other.map_err(CommandError::failure),
    }
}

/// Refuses, as bad input, a format that the command does not offer (see [`super::FORMATS`]).
pub fn require_format(command: &str, config: &Config) -> Result<(), CommandError> {
    let offered = super::FORMATS
        .iter()
        .find(|(name, _)| *name == command)
        .map_or(&[][..], |(_, formats)| *formats);
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

/// Reads an instrument name that may carry a revision (`Resolution 130 (Rev. Busan, 2014)`):
/// the instrument, and the version to read, from `--at` or else from the revision in the name
/// (`Busan, 2014`). A name and an `--at` that disagree are refused.
pub fn instrument_at(
    history: &History,
    query: &str,
    at: Option<&str>,
) -> Result<(InstrumentId, Option<String>), CommandError> {
    let reference = actes::names::parse_reference(query).map_err(CommandError::bad_input)?;
    let named = reference
        .revision
        .as_ref()
        .map(|r| format!("{}, {}", r.place, r.year));
    let at = match (at, named) {
        (Some(at), Some(named)) => {
            let (a, b) = (
                revision(history, Some(at))?,
                revision(history, Some(&named))?,
            );
            if a.commit != b.commit {
                return Err(CommandError::bad_input(format!(
                    "`{query}` names the version of {named}, but --at names {}",
                    a.label
                )));
            }
            Some(at.to_string())
        }
        (at, named) => at.map(str::to_string).or(named),
    };
    Ok((reference.instrument, at))
}

/// The "no text here" answer for a conference that the lineage knows (the catalogue, revision
/// marks: `Guadalajara 2010`, `Minneapolis 1998`) but that the history records no state after;
/// `None` when `query` names no such conference. A conference beyond what the sources cover is
/// refused (exit 2).
pub fn unrecorded_conference(
    config: &Config,
    history: &History,
    query: &str,
) -> Result<Option<Absence>, CommandError> {
    let lineage = super::lineage::load_lineage(config, None)?;
    let Ok(id) = lineage.resolve_conference(query) else {
        return Ok(None);
    };
    lineage
        .require_covered(&id)
        .map_err(CommandError::bad_input)?;
    Ok(Some(Absence::ConferenceNotRecorded {
        conference: id.0,
        recorded: history
            .conferences()
            .iter()
            .filter_map(|c| c.conference.as_ref().map(|id| id.0.clone()))
            .collect(),
    }))
}

/// For an instrument that no text of the history holds: whether the lineage knows it in force
/// at the conference `at` (a Final Acts list, a citation), and on what evidence.
pub fn known_without_text(
    config: &Config,
    instrument: &InstrumentId,
    at: &Resolved,
) -> Result<Option<Absence>, CommandError> {
    if at.kind != actes::history::read::RevisionKind::Conference {
        return Ok(None);
    }
    let lineage = super::lineage::load_lineage(config, None)?;
    let conference = actes::model::ConferenceId(at.label.clone());
    let Ok(report) = lineage.in_force(&conference) else {
        return Ok(None);
    };
    Ok(report
        .instruments
        .iter()
        .find(|e| &e.instrument == instrument)
        .map(|e| Absence::KnownWithoutText {
            evidence: e.evidence.iter().map(ToString::to_string).collect(),
        }))
}

/// Resolves a revision (a conference or a proposal; the latest conference when `None`); a name
/// that resolves to nothing is the user's input.
pub fn revision(history: &History, query: Option<&str>) -> Result<Resolved, CommandError> {
    history.resolve(query.unwrap_or("main")).map_err(read_error)
}

/// Reads a language code.
pub fn language(code: &str) -> Result<Language, CommandError> {
    Language::from_code(code).ok_or_else(|| {
        CommandError::bad_input(format!(
            "`{code}` is not a language of the texts; use fr, en or es"
        ))
    })
}

/// A read error as a command error: a revision that names nothing (or several things) is the
/// user's input, anything else a failure to read the history.
pub fn read_error(e: ReadError) -> CommandError {
    match e {
        ReadError::UnknownRevision { .. } | ReadError::AmbiguousRevision { .. } => {
            CommandError::bad_input(e)
        }
        other => CommandError::failure(other),
    }
}
