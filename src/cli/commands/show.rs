//! `actes show`: prints an instrument's text as it stood after a conference, or says why there is none.

use actes::history::absence::Absence;
use actes::history::versions;
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

pub fn cmd_show(config: &Config, args: &ShowArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("show", config)?;
    let language = repo::language(&args.lang)?;
    let history = repo::open(config)?;
    let (instrument, at) = repo::instrument_at(&history, &args.instrument, args.at.as_deref())?;
    if let Some(query) = at.as_deref().filter(|q| history.resolve(q).is_err()) {
        // A conference the lineage knows but the history records no state after: no text there.
        if let Some(absence) = repo::unrecorded_conference(config, &history, query)? {
            return match config.format {
                Format::Json => out.write_json(&serde_json::json!({
                    "instrument": &instrument,
                    "language": language,
                    "absence": &absence,
                })),
                _ => out.write_str(&absence_text(&absence, &instrument, language, query)),
            };
        }
    }
    let mut shown =
        versions::show(&history, &instrument, language, at.as_deref()).map_err(repo::read_error)?;
    if let Some(Absence::Unknown) = shown.absence {
        match repo::known_without_text(config, &instrument, &shown.at)? {
            Some(known) => shown.absence = Some(known),
            None => {
                return Err(CommandError::bad_input(
                    absence_text(&Absence::Unknown, &instrument, language, &shown.at.label)
                        .trim_end()
                        .to_string(),
                ))
            }
        }
    }
    if config.format == Format::Akn {
        return show_akn(&history, &shown, out);
    }
    if config.format == Format::Json {
        return out.write_json(&shown);
    }
    match (&shown.text, &shown.absence) {
        (Some(text), _) => out.write_str(&actes::render::history::show_text(
            &instrument,
            language,
            &shown.at,
            text,
        )),
        (None, Some(absence)) => out.write_str(&absence_text(
            absence,
            &instrument,
            language,
            &shown.at.label,
        )),
        (None, None) => Ok(()),
    }
}

/// `--format akn`: the version as an Akoma Ntoso document, or a proposal as an amendment. A
/// version without a text is not exported: bad input, with the reason there is no text.
fn show_akn(
    history: &actes::history::read::History,
    shown: &versions::ShownText,
    out: &mut Output,
) -> Result<(), CommandError> {
    use actes::export::ExportError;
    let (instrument, language, at) = (&shown.instrument, shown.language, &shown.at);
    match actes::export::gather(history, instrument, language, at) {
        Ok(input) => out.write_str(&actes::render::akn::render(&input)),
        Err(err @ ExportError::NoText { .. }) => {
            let why = match &shown.absence {
                None | Some(Absence::Unknown) => String::new(),
                Some(absence) => absence_text(absence, instrument, language, &at.label),
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
