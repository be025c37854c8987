//! Which versions of an instrument's text `actes show` and `actes diff` look at, as data: the text
//! at a revision (or why there is none), and the two versions a diff compares (or why it compares
//! nothing). The commands only parse, call these and render.

use serde::Serialize;

use super::absence::{explain_absence, Absence};
use super::diff::{DiffAccount, DiffSide, VersionChange};
use super::id::ObjectId;
use super::layout::text_path;
use super::read::{History, PathChange, PathVersion, ReadError, Resolved, RevisionKind};
use crate::model::{InstrumentId, Language};

/// An instrument's text at a revision, or why there is none: what `actes show --format json`
/// prints.
#[derive(Debug, Clone, Serialize)]
pub struct ShownText {
    pub instrument: InstrumentId,
    pub language: Language,
    pub at: Resolved,
    /// `adopted` on main, `proposed` on a proposal ref.
    pub status: &'static str,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Why there is no text (`Absence::Unknown` where the instrument is nowhere on this line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absence: Option<Absence>,
}

/// The text of `instrument` in `language` at `at` (the latest conference when `None`).
pub fn show(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: Option<&str>,
) -> Result<ShownText, ReadError> {
    let at = history.resolve(at.unwrap_or("main"))?;
    let path = text_path(instrument, language);
    let text = text_at(history, at.commit, &path)?;
    let absence = match text {
        Some(_) => None,
        None => Some(explain_absence(history, instrument, language, &at)?),
    };
    Ok(ShownText {
        instrument: instrument.clone(),
        language,
        status: status_of(&at),
        at,
        path,
        text,
        absence,
    })
}

/// What a diff compares: each side's name and text, or why nothing is compared (and what follows
/// a comparison, where the text later went away).
#[derive(Debug, Clone)]
pub struct DiffChoice {
    pub from: Option<(DiffSide, String)>,
    pub to: Option<(DiffSide, String)>,
    pub account: Option<DiffAccount>,
}

fn status_of(r: &Resolved) -> &'static str {
    if r.kind == RevisionKind::Proposal {
        "proposed"
    } else {
        "adopted"
    }
}

fn side_of_version(v: &PathVersion) -> DiffSide {
    let label = if v.on_main {
        v.commit.conference.as_ref().map(|c| c.0.clone())
    } else {
        v.commit.proposal.clone()
    };
    DiffSide {
        label: label.unwrap_or_else(|| v.commit.id.short()),
        commit: v.commit.id.to_string(),
        status: if v.on_main { "adopted" } else { "proposed" },
    }
}

fn side_of(r: &Resolved) -> DiffSide {
    DiffSide {
        label: r.label.clone(),
        commit: r.commit.to_string(),
        status: status_of(r),
    }
}

fn text_at(history: &History, commit: ObjectId, path: &str) -> Result<Option<String>, ReadError> {
    Ok(history
        .read_file(commit, path)?
        .map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// The versions `actes diff` compares. With `from` and `to`: those two. With one of them: the
/// change that led to it. With neither: the last change along main with a text on both sides;
/// failing that, an account of the versions there are and the proposals that change the text
/// (`typed` is the instrument as the user wrote it, for the hint).
pub fn choose_diff(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    from: Option<&str>,
    to: Option<&str>,
    typed: &str,
) -> Result<DiffChoice, ReadError> {
    let path = text_path(instrument, language);
    let path = path.as_str();
    let resolve = |q: &str| history.resolve(q);
    // Both sides named.
    if let (Some(from), Some(to)) = (from, to) {
        let (from, to) = (resolve(from)?, resolve(to)?);
        let mut absent = Vec::new();
        let mut side = |r: &Resolved| -> Result<Option<(DiffSide, String)>, ReadError> {
            match text_at(history, r.commit, path)? {
                Some(t) => Ok(Some((side_of(r), t))),
                None => {
                    let absence = explain_absence(history, instrument, language, r)?;
                    absent.push((r.label.clone(), absence));
                    Ok(None)
                }
            }
        };
        let (f, t) = (side(&from)?, side(&to)?);
        return Ok(DiffChoice {
            from: f,
            to: t,
            account: (!absent.is_empty()).then_some(DiffAccount::Absent(absent)),
        });
    }
    // One revision: the change that led to it.
    if let Some(target) = from.or(to) {
        let to = resolve(target)?;
        let Some(new) = text_at(history, to.commit, path)? else {
            let absence = explain_absence(history, instrument, language, &to)?;
            return Ok(DiffChoice {
                from: None,
                to: None,
                account: Some(DiffAccount::Absent(vec![(to.label.clone(), absence)])),
            });
        };
        let versions = history.path_history(to.commit, path)?;
        let before = versions.len().checked_sub(2).map(|i| &versions[i]);
        return Ok(match before.filter(|v| v.blob.is_some()) {
            Some(v) => {
                let old = text_at(history, v.commit.id, path)?.unwrap_or_default();
                DiffChoice {
                    from: Some((side_of_version(v), old)),
                    to: Some((side_of(&to), new)),
                    account: None,
                }
            }
            None => DiffChoice {
                from: None,
                to: None,
                account: Some(DiffAccount::FirstText {
                    at: to.label.clone(),
                }),
            },
        });
    }
    // No revision: the last change along main with a text on both sides.
    let latest = resolve("main")?;
    let versions = history.path_history(latest.commit, path)?;
    for pair in versions.windows(2).rev() {
        if let (Some(_), Some(_)) = (pair[0].blob, pair[1].blob) {
            let old = text_at(history, pair[0].commit.id, path)?.unwrap_or_default();
            let new = text_at(history, pair[1].commit.id, path)?.unwrap_or_default();
            let mut account = None;
            if let Some(last) = versions.last().filter(|v| v.blob.is_none()) {
                let absence = explain_absence(history, instrument, language, &latest)?;
                account = Some(DiffAccount::GoneAfter {
                    at: side_of_version(last).label,
                    latest: latest.label.clone(),
                    absence,
                });
            }
            return Ok(DiffChoice {
                from: Some((side_of_version(&pair[0]), old)),
                to: Some((side_of_version(&pair[1]), new)),
                account,
            });
        }
    }
    // Nothing to compare on main: say what there is, and where proposals change it.
    let changes = versions
        .iter()
        .map(|v| {
            let change = match (v.change, v.blob) {
                (_, None) => VersionChange::Gone,
                (PathChange::Added, _) => VersionChange::First,
                _ => VersionChange::Changed,
            };
            (side_of_version(v).label, change)
        })
        .collect();
    let absence = if versions.last().is_some_and(|v| v.blob.is_none()) || versions.is_empty() {
        Some(explain_absence(history, instrument, language, &latest)?)
    } else {
        None
    };
    let mut proposals = Vec::new();
    for r in history.proposal_refs()? {
        let Some(tip) = r.commits.last() else {
            continue;
        };
        for v in history
            .path_history(tip.id, path)?
            .iter()
            .filter(|v| !v.on_main && v.blob.is_some())
        {
            if let Some(p) = &v.commit.proposal {
                proposals.push(p.clone());
            }
        }
    }
    Ok(DiffChoice {
        from: None,
        to: None,
        account: Some(DiffAccount::NothingOnMain {
            versions: changes,
            latest: latest.label,
            absence,
            proposals,
            typed: typed.to_string(),
        }),
    })
}

/// The languages in which the history holds a text of `instrument` at `at` (the latest
/// conference when `None`), in [`Language::ALL`] order.
pub fn languages_at(
    history: &History,
    instrument: &InstrumentId,
    at: Option<&str>,
) -> Result<Vec<Language>, ReadError> {
    let at = history.resolve(at.unwrap_or("main"))?;
    let mut found = Vec::new();
    for language in Language::ALL {
        if history
            .blob_id(at.commit, &text_path(instrument, language))?
            .is_some()
        {
            found.push(language);
        }
    }
    Ok(found)
}

/// The language a command uses where none is given: French where the point holds a French text
/// (or holds none), else the one language the point has.
pub fn default_language(held: &[Language]) -> Language {
    if held.is_empty() || held.contains(&Language::Fr) {
        Language::Fr
    } else {
        held[0]
    }
}

/// The conferences of main, up to and including `at`'s, that hold a text of `instrument` in
/// another language than `language` and none in it: where a text in `language` may have
/// inherited its wording from another language's. Oldest first.
pub fn earlier_other_languages(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    at: Option<&str>,
) -> Result<Vec<(String, Vec<Language>)>, ReadError> {
    let at = history.resolve(at.unwrap_or("main"))?;
    let mut found = Vec::new();
    for commit in history.conferences() {
        let Some(conference) = &commit.conference else {
            continue;
        };
        if history
            .blob_id(commit.id, &text_path(instrument, language))?
            .is_some()
        {
            break;
        }
        let mut others = Vec::new();
        for other in Language::ALL {
            if other != language
                && history
                    .blob_id(commit.id, &text_path(instrument, other))?
                    .is_some()
            {
                others.push(other);
            }
        }
        if !others.is_empty() {
            found.push((conference.0.clone(), others));
        }
        if commit.id == at.commit {
            break;
        }
    }
    Ok(found)
}
