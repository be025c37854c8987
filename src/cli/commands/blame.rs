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
    /// The language of the text; default: the language the version has (French where it has
    /// several)
    #[arg(long)]
    pub lang: Option<String>,
}

pub fn cmd_blame(config: &Config, args: &BlameArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("blame", config)?;
    let instrument = repo::instrument(&args.instrument)?;
    let asked = args.lang.as_deref().map(repo::language).transpose()?;
    let history = repo::open(config)?;
    // A conference the lineage knows but the history records no state after: no text there.
    if let Some(query) = args.at.as_deref() {
        if repo::revision(&history, Some(query)).is_err() {
            if let Some(absence) = repo::unrecorded_conference(config, &history, query)? {
                return match config.format {
                    Format::Json => out.write_json(&serde_json::json!({
                        "instrument": instrument,
                        "language": asked,
                        "absence": absence,
                    })),
                    _ => out.write_str(&actes::render::history::absence_text(
                        &absence,
                        &instrument,
                        asked.unwrap_or(actes::model::Language::Fr),
                        query,
                    )),
                };
            }
        }
    }
    let language = repo::text_language(
        &history,
        &instrument,
        args.lang.as_deref(),
        args.at.as_deref(),
    )?;
    let inherited = actes::history::versions::earlier_other_languages(
        &history,
        &instrument,
        language,
        args.at.as_deref(),
    )
    .map_err(repo::read_error)?;
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
        _ => {
            let mut text = render::to_text(&blame, &title);
            if let (Some(first), Some((_, others))) = (blame.versions.first(), inherited.last()) {
                let others: Vec<&str> = others.iter().map(|l| l.code()).collect();
                text.push_str(&format!(
                    "{}: first {} text in the corpus; earlier texts are in {} only, so its wording may be inherited: `=` credits the first {} text, not the conference that wrote the words\n",
                    first.name,
                    repo::language_name(language),
                    others.join(", "),
                    repo::language_name(language)
                ));
            }
            out.write_str(&text)
        }
    }
}
