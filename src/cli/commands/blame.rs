//! `actes blame`: credits each paragraph of a text to the conference, and the proposal, that brought in its wording.

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;
use actes::blame::load;
use actes::render::{blame as render, blame_html};

/// Show which conference brought in each paragraph of an instrument
#[derive(Debug, clap::Args)]
pub struct BlameArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`
    pub instrument: String,
    /// The version to explain: a conference or a proposal (`B/67/4`); default: the latest
    #[arg(long)]
    pub at: Option<String>,
    /// The language of the text
    #[arg(long, default_value = "fr")]
    pub lang: String,
}

pub fn cmd_blame(config: &Config, args: &BlameArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("blame", config)?;
    let instrument = repo::instrument(&args.instrument)?;
    let language = repo::language(&args.lang)?;
    let history = repo::open(config)?;
    // A conference the lineage knows but the history records no state after: no text there.
    if let Some(query) = args.at.as_deref() {
        if repo::revision(&history, Some(query)).is_err() {
            if let Some(absence) = repo::unrecorded_conference(config, &history, query)? {
                return match config.format {
                    Format::Json => out.write_json(&serde_json::json!({
                        "instrument": instrument,
                        "language": language,
                        "absence": absence,
                    })),
                    _ => out.write_str(&actes::render::history::absence_text(
                        &absence,
                        &instrument,
                        language,
                        query,
                    )),
                };
            }
        }
    }
    let blame = load::blame(&history, &instrument, language, args.at.as_deref()).map_err(|e| {
        if e.is_bad_input() {
            CommandError::bad_input(e)
        } else {
            CommandError::failure(e)
        }
    })?;
    let title = format!("{instrument}, {language}");
    match config.format {
        Format::Json => out.write_json(&blame),
        Format::Html => out.write_str(&blame_html::to_html(&blame, &title)),
        _ => out.write_str(&render::to_text(&blame, &title)),
    }
}
