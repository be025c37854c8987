//! `actes diff`: a word-level redline between two versions of an instrument.

use serde::Serialize;

use actes::history::diff::{self, DiffAccount, DiffSide as Side, Redline, VersionChange};
use actes::history::read::{History, PathVersion, RevisionKind};
use actes::model::{InstrumentId, Language};
use actes::render::history::diff_account_text;

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Show what changed in an instrument between two versions
///
/// With no revision: the last change of its text along main (the conferences). With one
/// revision (a conference or a proposal such as `B/67/4`): the change that led to it. With two:
/// from the first to the second. Deleted words print as `[-...-]` and inserted ones as `{+...+}`,
/// or in colour on a terminal. A proposal's text is proposed, never an outcome. Builds the history
/// from the sources first if the repository does not exist yet.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`
    pub instrument: String,
    /// The earlier version (a conference or a proposal); alone, the version to explain
    pub from: Option<String>,
    /// The later version: a conference or a proposal; default: the last change
    pub to: Option<String>,
    /// The language of the text
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    instrument: &'a InstrumentId,
    language: Language,
    from: Option<Side>,
    to: Option<Side>,
    #[serde(skip_serializing_if = "Option::is_none")]
    redline: Option<Redline>,
    /// Why there is nothing to compare, when there is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<String>,
}

fn side_of_version(v: &PathVersion) -> Side {
    let label = if v.on_main {
        v.commit.conference.as_ref().map(|c| c.0.clone())
    } else {
        v.commit.proposal.clone()
    };
    Side {
        label: label.unwrap_or_else(|| repo::short(&v.commit.id)),
        commit: v.commit.id.to_string(),
        status: if v.on_main { "adopted" } else { "proposed" },
    }
}

fn side_of(r: &actes::history::read::Resolved) -> Side {
    Side {
        label: r.label.clone(),
        commit: r.commit.to_string(),
        status: if r.kind == RevisionKind::Proposal {
            "proposed"
        } else {
            "adopted"
        },
    }
}

fn text_at(history: &History, commit: &str, path: &str) -> Result<Option<String>, CommandError> {
    let id = gix::ObjectId::from_hex(commit.as_bytes()).map_err(CommandError::failure)?;
    Ok(history
        .read_file(id, path)
        .map_err(CommandError::failure)?
        .map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// What to compare, or why nothing.
struct Choice {
    from: Option<(Side, String)>,
    to: Option<(Side, String)>,
    account: Option<DiffAccount>,
}

pub fn cmd_diff(config: &Config, args: &DiffArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("diff", config)?;
    let instrument = repo::instrument(&args.instrument)?;
    let language = repo::language(&args.lang)?;
    let history = repo::open(config)?;
    let path = repo::text_path(&instrument, language);
    // A conference the lineage knows but the history records no state after: no text there.
    for query in [&args.from, &args.to].into_iter().flatten() {
        if repo::revision(&history, Some(query)).is_ok() {
            continue;
        }
        if let Some(absence) = repo::unrecorded_conference(config, &history, query)? {
            let account =
                actes::render::history::absence_text(&absence, &instrument, language, query);
            if config.format == Format::Json {
                return out.write_json(&DiffJson {
                    instrument: &instrument,
                    language,
                    from: None,
                    to: None,
                    redline: None,
                    account: Some(account),
                });
            }
            return out.write_str(&account);
        }
    }
    let choice = choose(&history, &instrument, language, &path, args)?;
    let account = choice
        .account
        .as_ref()
        .map(|a| diff_account_text(a, &instrument, language));
    let redline = match (&choice.from, &choice.to) {
        (Some((_, old)), Some((_, new))) => Some(diff::redline(old, new)),
        _ => None,
    };
    if config.format == Format::Json {
        return out.write_json(&DiffJson {
            instrument: &instrument,
            language,
            from: choice.from.as_ref().map(|(s, _)| s.clone()),
            to: choice.to.as_ref().map(|(s, _)| s.clone()),
            redline,
            account,
        });
    }
    let compared = match (&choice.from, &choice.to, &redline) {
        (Some((from, _)), Some((to, _)), Some(redline)) => Some((from, to, redline)),
        _ => None,
    };
    out.write_str(&actes::render::history::diff_text(
        &instrument,
        language,
        compared,
        account.as_deref(),
        config.color,
    ))
}

fn choose(
    history: &History,
    instrument: &InstrumentId,
    language: Language,
    path: &str,
    args: &DiffArgs,
) -> Result<Choice, CommandError> {
    let resolve = |q: &str| repo::revision(history, Some(q));
    // Both sides named.
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        let (from, to) = (resolve(from)?, resolve(to)?);
        let mut absent = Vec::new();
        let mut side =
            |r: &actes::history::read::Resolved| -> Result<Option<(Side, String)>, CommandError> {
                let s = side_of(r);
                match text_at(history, &s.commit, path)? {
                    Some(t) => Ok(Some((s, t))),
                    None => {
                        let absence = repo::explain_absence(history, instrument, language, r)?;
                        absent.push((r.label.clone(), absence));
                        Ok(None)
                    }
                }
            };
        let (f, t) = (side(&from)?, side(&to)?);
        return Ok(Choice {
            from: f,
            to: t,
            account: (!absent.is_empty()).then_some(DiffAccount::Absent(absent)),
        });
    }
    // One revision: the change that led to it.
    if let Some(target) = args.from.as_ref().or(args.to.as_ref()) {
        let to = resolve(target)?;
        let Some(new) = text_at(history, &to.commit.to_string(), path)? else {
            let absence = repo::explain_absence(history, instrument, language, &to)?;
            return Ok(Choice {
                from: None,
                to: None,
                account: Some(DiffAccount::Absent(vec![(to.label.clone(), absence)])),
            });
        };
        let versions = history
            .path_history(to.commit, path)
            .map_err(CommandError::failure)?;
        let before = versions.len().checked_sub(2).map(|i| &versions[i]);
        return Ok(match before.filter(|v| v.blob.is_some()) {
            Some(v) => {
                let old = text_at(history, &v.commit.id.to_string(), path)?.unwrap_or_default();
                Choice {
                    from: Some((side_of_version(v), old)),
                    to: Some((side_of(&to), new)),
                    account: None,
                }
            }
            None => Choice {
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
    let versions = history
        .path_history(latest.commit, path)
        .map_err(CommandError::failure)?;
    for pair in versions.windows(2).rev() {
        if let (Some(_), Some(_)) = (pair[0].blob, pair[1].blob) {
            let old = text_at(history, &pair[0].commit.id.to_string(), path)?.unwrap_or_default();
            let new = text_at(history, &pair[1].commit.id.to_string(), path)?.unwrap_or_default();
            let mut account = None;
            if let Some(last) = versions.last().filter(|v| v.blob.is_none()) {
                let absence = repo::explain_absence(history, instrument, language, &latest)?;
                account = Some(DiffAccount::GoneAfter {
                    at: side_of_version(last).label,
                    latest: latest.label.clone(),
                    absence,
                });
            }
            return Ok(Choice {
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
                (actes::history::read::PathChange::Added, _) => VersionChange::First,
                _ => VersionChange::Changed,
            };
            (side_of_version(v).label, change)
        })
        .collect();
    let absence = if versions.last().is_some_and(|v| v.blob.is_none()) || versions.is_empty() {
        Some(repo::explain_absence(
            history, instrument, language, &latest,
        )?)
    } else {
        None
    };
    if versions.is_empty() && matches!(absence, Some(repo::Absence::Unknown)) {
        // An instrument nowhere on main is an unknown name, as `show` says (exit 2); one that
        // only proposals hold is answered below.
        let nowhere = history
            .proposal_refs()
            .map_err(CommandError::failure)?
            .iter()
            .filter_map(|r| r.commits.last())
            .map(|tip| history.path_history(tip.id, path))
            .collect::<Result<Vec<_>, _>>()
            .map_err(CommandError::failure)?
            .iter()
            .all(|v| v.is_empty());
        if nowhere {
            return Err(CommandError::bad_input(
                actes::render::history::absence_text(
                    &repo::Absence::Unknown,
                    instrument,
                    language,
                    &latest.label,
                )
                .trim_end()
                .to_string(),
            ));
        }
    }
    let mut proposals = Vec::new();
    for r in history.proposal_refs().map_err(CommandError::failure)? {
        let Some(tip) = r.commits.last() else {
            continue;
        };
        for v in history
            .path_history(tip.id, path)
            .map_err(CommandError::failure)?
            .iter()
            .filter(|v| !v.on_main && v.blob.is_some())
        {
            if let Some(p) = &v.commit.proposal {
                proposals.push(p.clone());
            }
        }
    }
    Ok(Choice {
        from: None,
        to: None,
        account: Some(DiffAccount::NothingOnMain {
            versions: changes,
            latest: latest.label,
            absence,
            proposals,
            typed: args.instrument.clone(),
        }),
    })
}
