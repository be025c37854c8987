//! `actes lineage`: the chain of versions of one instrument, with the evidence of each step.
//! Also holds what the lineage commands share: loading the graph and reading arguments.

use actes::lineage::inferred::{links_of, WithInferred};
use actes::lineage::load::{self, LoadError};
use actes::lineage::query::QueryError;
use actes::lineage::Lineage;
use actes::model::{ConferenceId, InstrumentId};

use super::{CommandError, Config, Output};
use crate::cli::Format;

/// Trace the versions of an instrument from conference to conference
#[derive(Debug, clap::Args)]
pub struct LineageArgs {
    /// The instrument: `130`, `Résolution 130`, `res 130`, `decision 5`
    pub instrument: String,
    /// The language of the titles and of the names (`Résolution 14`, `Rev. Antalya, 2006`):
    /// fr, en or es; where a title is not known in it, another language's stands in, marked
    #[arg(long, default_value = "en")]
    pub lang: String,
}

pub fn cmd_lineage(
    config: &Config,
    args: &LineageArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    super::repo::require_format("lineage", config)?;
    let instrument = super::repo::instrument(&args.instrument)?;
    let language = super::repo::language(&args.lang)?;
    let lineage = load_lineage(config, Some(&instrument))?;
    let report = lineage
        .lineage_in(&instrument, language)
        .map_err(CommandError::bad_input)?;
    let links = super::outcome::inferred_links(config)?;
    let inferred = links_of(&links, &instrument);
    match config.format {
        Format::Json => out.write_json(&WithInferred {
            report: &report,
            inferred,
        }),
        _ => out.write_str(&format!(
            "{}{}",
            actes::render::reports::lineage_text(&report),
            actes::render::outcome::inferred_links_text(&inferred)
        )),
    }
}

/// Reads an optional instrument argument.
pub(super) fn parse_optional_instrument(
    text: Option<&str>,
) -> Result<Option<InstrumentId>, CommandError> {
    text.map(super::repo::instrument).transpose()
}

/// Loads the lineage graph from the repository (building the history first when it does not
/// exist yet): the whole of it, or only what one instrument's lineage needs.
pub(super) fn load_lineage(
    config: &Config,
    only: Option<&InstrumentId>,
) -> Result<Lineage, CommandError> {
    super::repo::ensure_built(config)?;
    let records = match only {
        Some(i) => load::load_for(&config.repo, i),
        None => load::load(&config.repo),
    }
    .map_err(|e| match e {
        LoadError::Open { .. } | LoadError::BadRecord { .. } => CommandError::bad_input(e),
        LoadError::Git { .. } => CommandError::failure(e),
    })?;
    Ok(Lineage::from_all(&records))
}

/// Resolves a conference argument against the graph.
pub(super) fn conference(lineage: &Lineage, name: &str) -> Result<ConferenceId, CommandError> {
    lineage
        .resolve_conference(name)
        .map_err(CommandError::bad_input)
}

/// A query error as a command error: always the user's input.
pub(super) fn bad(err: QueryError) -> CommandError {
    CommandError::bad_input(err)
}
