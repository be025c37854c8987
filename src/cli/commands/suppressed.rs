//! `actes suppressed`: what was suppressed (abrogated) where and when, with its evidence.

use actes::lineage::inferred::WithInferred;
use actes::lineage::{InferredLink, InferredRelation};

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
    let links = super::outcome::inferred_links(config)?;
    let succeeded = |i: &actes::model::InstrumentId| -> Vec<&InferredLink> {
        links
            .iter()
            .filter(|l| l.relation == InferredRelation::SucceededBy && &l.from == i)
            .collect()
    };
    match config.format {
        Format::Json => {
            let with: Vec<WithInferred<'_, _>> = entries
                .iter()
                .map(|e| WithInferred {
                    report: e,
                    inferred: succeeded(&e.instrument),
                })
                .collect();
            out.write_json(&with)
        }
        _ => {
            let all: Vec<&InferredLink> = entries
                .iter()
                .flat_map(|e| succeeded(&e.instrument))
                .collect();
            out.write_str(&format!(
                "{}{}",
                actes::render::reports::suppressed_text(&entries),
                actes::render::outcome::inferred_links_text(&all)
            ))
        }
    }
}
