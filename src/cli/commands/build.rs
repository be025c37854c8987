//! `actes build`: builds the git history of the corpus from the sources.

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Build the git history from the sources
///
/// Reads the sources folder (`--sources`, default `history/`) and writes the bare git repository
/// (`--repo`, default `target/actes-history.git`, git-ignored). Building again over an existing
/// repository is safe: the same sources give the same ids ("unchanged"); other sources replace
/// the history in one step. Other commands build the repository themselves when it is missing,
/// and rebuild it when the sources changed. A damaged repository is repaired. actes never writes
/// into a repository it did not create.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Write every object again, into one new pack (never into a repository actes did not
    /// create)
    #[arg(long)]
    pub force: bool,
}

pub fn cmd_build(config: &Config, args: &BuildArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("build", config)?;
    let report = repo::build_with(config, args.force, std::time::Duration::ZERO)?;
    if config.format == Format::Json {
        return out.write_json(&report);
    }
    out.write_str(&actes::render::history::build_text(&report))
}
