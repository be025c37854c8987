//! `actes search`: finds the versions that contain a phrase, and where it came and went.

use actes::model::Body;
use actes::render::search::to_text;
use actes::search::load;

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Find the versions that contain a phrase
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The phrase; case, accents and spacing are ignored
    pub phrase: String,
    /// Only instruments of this body
    #[arg(long)]
    pub body: Option<String>,
}

pub fn cmd_search(
    config: &Config,
    args: &SearchArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    repo::require_format("search", config)?;
    let body = match &args.body {
        None => None,
        Some(code) => Some(Body::from_name(code).ok_or_else(|| {
            CommandError::bad_input(format!(
                "`{code}` is not a body; expected one of pp, wtdc, wtsa, ra, wrc, wcit, council, wtpf, un-ga"
            ))
        })?),
    };
    let history = repo::open(config)?;
    let result = load::search(&history, &args.phrase, body).map_err(|e| match e {
        load::SearchError::EmptyPhrase => CommandError::bad_input(e),
        load::SearchError::History(_) => CommandError::failure(e),
    })?;
    match config.format {
        Format::Json => out.write_json(&result),
        _ => out.write_str(&to_text(&result)),
    }
}
