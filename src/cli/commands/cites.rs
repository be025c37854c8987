//! `actes cites` and `actes cited-by`: citations between instrument versions, pinned to the cited
//! version and flagged when it was superseded or suppressed at the time of the citing text.

use actes::lineage::query::VersionSelector;
use actes::model::ProposalId;

use super::lineage::{bad, conference, load_lineage};
use super::repo;
use super::{CommandError, Config, Output};
use crate::cli::Format;

/// List what an instrument cites
#[derive(Debug, clap::Args)]
pub struct CitesArgs {
    /// The citing instrument
    pub instrument: String,
    /// The version of the citing instrument: a conference or a proposal; default: every version
    #[arg(long)]
    pub at: Option<String>,
}

/// List what cites an instrument
#[derive(Debug, clap::Args)]
pub struct CitedByArgs {
    /// The cited instrument
    pub instrument: String,
}

fn check_format(command: &str, config: &Config) -> Result<(), CommandError> {
    super::repo::require_format(command, config)
}

pub fn cmd_cites(config: &Config, args: &CitesArgs, out: &mut Output) -> Result<(), CommandError> {
    check_format("cites", config)?;
    let instrument = repo::instrument(&args.instrument)?;
    let lineage = load_lineage(config, None)?;
    let at = match &args.at {
        None => None,
        Some(a) => Some(match a.parse::<ProposalId>() {
            Ok(p) => VersionSelector::Proposal(p),
            Err(_) => VersionSelector::Conference(conference(&lineage, a)?),
        }),
    };
    let entries = lineage.cites(&instrument, at.as_ref()).map_err(bad)?;
    match config.format {
        Format::Json => out.write_json(&entries),
        _ => out.write_str(&actes::render::reports::citations_text(&entries)),
    }
}

pub fn cmd_cited_by(
    config: &Config,
    args: &CitedByArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    check_format("cited-by", config)?;
    let reference =
        actes::names::parse_reference(&args.instrument).map_err(CommandError::bad_input)?;
    let lineage = load_lineage(config, None)?;
    let entries = lineage
        .cited_by_revision(&reference.instrument, reference.revision.as_ref())
        .map_err(bad)?;
    match config.format {
        Format::Json => out.write_json(&entries),
        _ => out.write_str(&actes::render::reports::citations_text(&entries)),
    }
}
