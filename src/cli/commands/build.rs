//! `actes build`: builds the git history of the corpus from the sources.

use actes::history::write::WriteOutcome;

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Build the git history from the sources
///
/// Reads the sources folder (`--sources`, default `history/`) and writes the bare git repository
/// (`--repo`, default `target/actes-history.git`, git-ignored). Building again over an existing
/// repository is safe: the same sources give the same ids ("unchanged"); other sources replace
/// the history in one step. Other commands build the repository themselves when it is missing.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {}

pub fn cmd_build(config: &Config, _args: &BuildArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("build", config, &[Format::Text, Format::Json])?;
    let report = repo::build(config)?;
    if config.format == Format::Json {
        return out.write_json(&report);
    }
    let main = report
        .main
        .as_deref()
        .map(repo::short)
        .unwrap_or_else(|| "-".into());
    let mut text = String::new();
    match report.outcome {
        WriteOutcome::Created => text.push_str(&format!(
            "Created {} (main {main}).\n",
            report.repository.display()
        )),
        WriteOutcome::Unchanged => text.push_str(&format!(
            "Unchanged: {} already holds this history (main {main}).\n",
            report.repository.display()
        )),
        WriteOutcome::Replaced => text.push_str(&format!(
            "Replaced the history in {} in one step: main {} -> {main}.\n",
            report.repository.display(),
            report
                .old_main
                .as_deref()
                .map(repo::short)
                .unwrap_or_else(|| "-".into()),
        )),
    }
    text.push_str(&format!(
        "{} commits, {} refs, {} objects ({} written).\n",
        report.commits,
        report.refs.len(),
        report.objects,
        report.objects_written
    ));
    for change in &report.changed_refs {
        let (mark, id) = match (&change.old, &change.new) {
            (None, Some(new)) => ('+', repo::short(new)),
            (Some(old), None) => ('-', repo::short(old)),
            (Some(old), Some(new)) => {
                ('~', format!("{} -> {}", repo::short(old), repo::short(new)))
            }
            (None, None) => continue,
        };
        text.push_str(&format!("  {mark} {} {id}\n", change.name));
    }
    out.write_str(&text)
}
