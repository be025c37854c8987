//! `actes in-force`: the instruments known to be in force after a conference.

use super::lineage::{bad, conference, load_lineage};
use super::{CommandError, Config, Output};
use crate::cli::Format;

/// List the instruments known to be in force after a conference
#[derive(Debug, clap::Args)]
pub struct InForceArgs {
    /// The conference; default: the latest
    #[arg(long)]
    pub at: Option<String>,
    /// The language of the titles and of the names (`Résolution 14`, `Rev. Antalya, 2006`):
    /// fr, en or es; where a title is not known in it, another language's stands in, marked
    #[arg(long, default_value = "en")]
    pub lang: String,
}

pub fn cmd_in_force(
    config: &Config,
    args: &InForceArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    super::repo::require_format("in-force", config)?;
    let language = super::repo::language(&args.lang)?;
    let lineage = load_lineage(config, None)?;
    let at = match &args.at {
        Some(c) => conference(&lineage, c)?,
        None => lineage
            .latest_conference()
            .ok_or_else(|| CommandError::bad_input("the history holds no conference"))?,
    };
    let report = lineage.in_force_in(&at, language).map_err(bad)?;
    match config.format {
        Format::Json => out.write_json(&report),
        _ => out.write_str(&actes::render::reports::in_force_text(&report)),
    }
}
