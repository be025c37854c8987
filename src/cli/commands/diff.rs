//! `actes diff`: a word-level redline between two versions of an instrument.

use actes::history::absence::Absence;
use actes::history::diff::{self, DiffAccount};
use actes::history::versions;
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

pub fn cmd_diff(config: &Config, args: &DiffArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("diff", config)?;
    let instrument = repo::instrument(&args.instrument)?;
    let language = repo::language(&args.lang)?;
    let history = repo::open(config)?;
    // A conference the lineage knows but the history records no state after: no text there.
    for query in [&args.from, &args.to].into_iter().flatten() {
        if history.resolve(query).is_ok() {
            continue;
        }
        if let Some(absence) = repo::unrecorded_conference(config, &history, query)? {
            let account =
                actes::render::history::absence_text(&absence, &instrument, language, query);
            if config.format == Format::Json {
                return out.write_json(&serde_json::json!({
                    "instrument": &instrument,
                    "language": language,
                    "from": null,
                    "to": null,
                    "account": account,
                }));
            }
            return out.write_str(&account);
        }
    }
    let choice = versions::choose_diff(
        &history,
        &instrument,
        language,
        args.from.as_deref(),
        args.to.as_deref(),
        &args.instrument,
    )
    .map_err(repo::read_error)?;
    if let Some(DiffAccount::NothingOnMain {
        versions,
        latest,
        absence: Some(absence @ Absence::Unknown),
        proposals,
        ..
    }) = &choice.account
    {
        // An instrument nowhere in the history is an unknown name, as `show` says (exit 2).
        if versions.is_empty() && proposals.is_empty() {
            return Err(CommandError::bad_input(
                actes::render::history::absence_text(absence, &instrument, language, latest)
                    .trim_end()
                    .to_string(),
            ));
        }
    }
    let account = choice
        .account
        .as_ref()
        .map(|a| diff_account_text(a, &instrument, language));
    let redline = match (&choice.from, &choice.to) {
        (Some((_, old)), Some((_, new))) => Some(diff::redline(old, new)),
        _ => None,
    };
    if config.format == Format::Json {
        return out.write_json(&actes::render::history::diff_json(
            &instrument,
            language,
            &choice,
            redline,
        ));
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
