//! `actes show`: prints an instrument's text as it stood after a conference, or says why there is none.

use serde::Serialize;

use actes::history::read::RevisionKind;
use actes::render::history::absence_text;

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Print an instrument as it stood after a conference
///
/// INSTRUMENT accepts `130`, `Résolution 130`, `res 130`, `decision 5`, `[B-1]`, and other
/// bodies' instruments with the body first (`wtdc res 69`, `council res 1305`). On a proposal
/// (`--at B/67/4`) it prints the text as proposed, which is not an outcome. Where there is no
/// text it says why (not in the sources, suppressed, not yet in the corpus). Builds the history
/// from the sources first if the repository does not exist yet.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`, `wtdc res 69`
    pub instrument: String,
    /// The conference (`dubai-2018`, `Busan 2014`, `pp-14`, `2014`) or a proposal (`B/67/4`); default: the latest
    #[arg(long)]
    pub at: Option<String>,
    /// The language of the text
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    instrument: &'a actes::model::InstrumentId,
    language: actes::model::Language,
    at: &'a actes::history::read::Resolved,
    /// `adopted` on main, `proposed` on a proposal ref.
    status: &'static str,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    absence: Option<repo::Absence>,
}

/// `show --at` a conference that the history records no state after.
#[derive(Serialize)]
struct NoStateJson<'a> {
    instrument: &'a actes::model::InstrumentId,
    language: actes::model::Language,
    absence: &'a repo::Absence,
}

pub fn cmd_show(config: &Config, args: &ShowArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("show", config)?;
    let language = repo::language(&args.lang)?;
    let history = repo::open(config)?;
    let (instrument, at) = repo::instrument_at(&history, &args.instrument, args.at.as_deref())?;
    let at = match repo::revision(&history, at.as_deref()) {
        Ok(at) => at,
        Err(err) => {
            let Some(query) = at.as_deref() else {
                return Err(err);
            };
            let Some(absence) = repo::unrecorded_conference(config, &history, query)? else {
                return Err(err);
            };
            return match config.format {
                Format::Json => out.write_json(&NoStateJson {
                    instrument: &instrument,
                    language,
                    absence: &absence,
                }),
                _ => out.write_str(&absence_text(&absence, &instrument, language, query)),
            };
        }
    };
    if config.format == Format::Akn {
        return show_akn(&history, &instrument, language, &at, out);
    }
    let path = repo::text_path(&instrument, language);
    let text = history
        .read_file(at.commit, &path)
        .map_err(CommandError::failure)?
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let absence = match text {
        Some(_) => None,
        None => match repo::explain_absence(&history, &instrument, language, &at)? {
            repo::Absence::Unknown => match repo::known_without_text(config, &instrument, &at)? {
                Some(known) => Some(known),
                None => {
                    return Err(CommandError::bad_input(
                        absence_text(&repo::Absence::Unknown, &instrument, language, &at.label)
                            .trim_end()
                            .to_string(),
                    ))
                }
            },
            absence => Some(absence),
        },
    };
    let status = if at.kind == RevisionKind::Proposal {
        "proposed"
    } else {
        "adopted"
    };
    if config.format == Format::Json {
        return out.write_json(&ShowJson {
            instrument: &instrument,
            language,
            at: &at,
            status,
            path,
            text,
            absence,
        });
    }
    match (text, absence) {
        (Some(text), _) => out.write_str(&actes::render::history::show_text(
            &instrument,
            language,
            &at,
            &text,
        )),
        (None, Some(absence)) => {
            out.write_str(&absence_text(&absence, &instrument, language, &at.label))
        }
        (None, None) => Ok(()),
    }
}

/// `--format akn`: the version as an Akoma Ntoso document, or a proposal as an amendment. A
/// version without a text is not exported: bad input, with the reason there is no text.
fn show_akn(
    history: &actes::history::read::History,
    instrument: &actes::model::InstrumentId,
    language: actes::model::Language,
    at: &actes::history::read::Resolved,
    out: &mut Output,
) -> Result<(), CommandError> {
    use actes::export::ExportError;
    match actes::export::gather(history, instrument, language, at) {
        Ok(input) => out.write_str(&actes::render::akn::render(&input)),
        Err(err @ ExportError::NoText { .. }) => {
            let why = match repo::explain_absence(history, instrument, language, at)? {
                repo::Absence::Unknown => String::new(),
                absence => absence_text(&absence, instrument, language, &at.label),
            };
            Err(CommandError::bad_input(format!(
                "{err}\n{}",
                why.trim_end()
            )))
        }
        Err(err @ (ExportError::NotTheTarget { .. } | ExportError::NoProposalRecord { .. })) => {
            Err(CommandError::bad_input(err))
        }
        Err(err) => Err(CommandError::failure(err)),
    }
}
