//! Reads the versions of one text from the history, for [`super::attribute`]: every commit along
//! the first-parent line ending at the point asked for (a conference on `main`, or a proposal on
//! its proposal ref) where the text file changed, oldest first.

use crate::history::read::{History, ReadError, Resolved};
use crate::model::{InstrumentId, Language};

use super::{attribute, AttributeError, Blame, Version};

/// The ref of the conference commits.
pub use crate::history::layout::MAIN_REF;

/// Why a text could not be blamed.
#[derive(Debug, thiserror::Error)]
pub enum BlameError {
    #[error(transparent)]
    History(#[from] ReadError),
    #[error("{instrument} has no {language} text in the history at {at}{}{}", match other_languages.as_slice() {
        [] => String::new(),
        langs => format!("; texts there in: {}", langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")),
    }, match latest_with_text {
        Some(p) => format!("; the latest point with one is {p} (try `--at {p}`)"),
        None => String::new(),
    })]
    NoText {
        instrument: String,
        language: Language,
        at: String,
        /// The languages that have a text there (never blamed in place of the one asked for).
        other_languages: Vec<Language>,
        /// The latest earlier point on the same line of history that has the text, if any.
        latest_with_text: Option<String>,
    },
    #[error("{path} at commit {commit} is not UTF-8 text")]
    NotText { path: String, commit: String },
    #[error(transparent)]
    Attribute(#[from] AttributeError),
}

impl BlameError {
    /// `true` when the user's question is at fault (an unknown point, an instrument without text
    /// there), not the repository.
    pub fn is_bad_input(&self) -> bool {
        match self {
            BlameError::History(e) => matches!(
                e,
                ReadError::UnknownRevision { .. }
                    | ReadError::AmbiguousRevision { .. }
                    | ReadError::Missing { .. }
            ),
            BlameError::NoText { .. } | BlameError::Attribute(_) => true,
            BlameError::NotText { .. } => false,
        }
    }
}

pub use crate::history::layout::text_path;

pub use crate::history::point::point_of;

/// The versions of the text of `instrument` in `language` up to `at` (a conference, a proposal, a
/// ref or a commit; the latest conference when `None`), oldest first, and what `at` resolved to.
pub fn load_versions(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: Option<&str>,
) -> Result<(Vec<Version>, Resolved), BlameError> {
    let resolved = history.resolve(at.unwrap_or("main"))?;
    let path = text_path(instrument, language);
    let changes = history.path_history(resolved.commit, &path)?;
    let latest_with_text = changes
        .iter()
        .rev()
        .find(|c| c.blob.is_some())
        .map(|c| point_of(&c.commit, c.on_main, &resolved.line).name);
    if changes.last().is_none_or(|c| c.blob.is_none()) {
        return Err(BlameError::NoText {
            instrument: instrument.to_string(),
            language,
            at: resolved.label.clone(),
            other_languages: crate::history::absence::other_languages(
                history,
                instrument,
                language,
                resolved.commit,
            )?,
            latest_with_text,
        });
    }
    let mut versions = Vec::with_capacity(changes.len() + 1);
    for change in &changes {
        let reference = if change.on_main {
            MAIN_REF
        } else {
            resolved.line.as_str()
        };
        let lines = match change.blob {
            None => None,
            Some(blob) => {
                let bytes = history.blob(blob)?;
                let text = String::from_utf8(bytes).map_err(|_| BlameError::NotText {
                    path: path.clone(),
                    commit: change.commit.id.to_string(),
                })?;
                Some(text.lines().map(str::to_string).collect::<Vec<_>>())
            }
        };
        versions.push(Version {
            point: point_of(&change.commit, change.on_main, reference),
            lines,
        });
    }
    // The point asked for, when the text did not change there: the same text, credited nothing.
    let last_commit = changes
        .last()
        .map(|c| c.commit.id)
        .expect("at least one change, checked above");
    if last_commit != resolved.commit {
        let commit = history.commit_info(resolved.commit)?;
        let on_main = history.is_on_main(resolved.commit);
        let mut point = point_of(&commit, on_main, &resolved.line);
        if !on_main && commit.proposal.is_none() {
            point.name = resolved.label.clone();
        }
        let lines = versions.last().and_then(|v| v.lines.clone());
        versions.push(Version { point, lines });
    }
    Ok((versions, resolved))
}

/// Blames the text of `instrument` in `language` at `at` (see [`load_versions`]).
pub fn blame(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: Option<&str>,
) -> Result<Blame, BlameError> {
    let (versions, _) = load_versions(history, instrument, language, at)?;
    Ok(attribute(&versions)?)
}
