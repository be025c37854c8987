//! `actes suppressed`: what was suppressed (abrogated) where and when, with its evidence.

use super::lineage::{bad, conference, load_lineage, parse_optional_instrument};
use super::{CommandError, Config, Output};
use crate::cli::Format;

/// List suppressed instruments, or when one was suppressed
#[derive(Debug, clap::Args)]
pub struct SuppressedArgs {
    /// Only this instrument
    pub instrument: Option<String>,
    /// Only what this conference suppressed
    #[arg(long)]
    pub at: Option<String>,
    /// The language of the titles and of the names (`Résolution 14`, `Rev. Antalya, 2006`):
    /// fr, en or es; where a title is not known in it, another language's stands in, marked
    #[arg(long, default_value = "en")]
    pub lang: String,
}

pub fn cmd_suppressed(
    config: &Config,
    args: &SuppressedArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    super::repo::require_format("suppressed", config)?;
    let instrument = parse_optional_instrument(args.instrument.as_deref())?;
    let language = super::repo::language(&args.lang)?;
    let lineage = load_lineage(config, None)?;
    let at = args
        .at
        .as_deref()
        .map(|c| conference(&lineage, c))
        .transpose()?;
    let entries = lineage
        .suppressed_in(at.as_ref(), instrument.as_ref(), language)
        .map_err(bad)?;
    match config.format {
        Format::Json => out.write_json(&entries),
        _ => out.write_str(&actes::render::reports::suppressed_text(&entries)),
    }
}
