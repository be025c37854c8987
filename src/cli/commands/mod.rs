//! One file per subcommand, each holding its clap `Args` and its `cmd_xxx`. This file only lists
//! them and dispatches.

mod add;
mod blame;
mod build;
mod cites;
mod completions;
mod diff;
mod fresh;
mod graph;
mod in_force;
mod ingest;
mod lineage;
mod log;
mod man;
mod outcome;
mod repo;
mod search;
mod show;
mod site;
mod suppressed;
mod table;

use clap::Subcommand;

use super::{CommandError, Config, Format, Output};

/// The formats each command offers, the first the default: the one table that `--help` lists and
/// that [`repo::require_format`] enforces.
pub const FORMATS: &[(&str, &[Format])] = &[
    ("ingest", &[Format::Text, Format::Json]),
    ("build", &[Format::Text, Format::Json]),
    ("add", &[Format::Text, Format::Json]),
    ("log", &[Format::Text, Format::Json]),
    ("show", &[Format::Text, Format::Json, Format::Akn]),
    ("diff", &[Format::Text, Format::Json]),
    ("lineage", &[Format::Text, Format::Json]),
    (
        "table",
        &[
            Format::Text,
            Format::Json,
            Format::Markdown,
            Format::Csv,
            Format::Html,
        ],
    ),
    ("suppressed", &[Format::Text, Format::Json]),
    ("in-force", &[Format::Text, Format::Json]),
    ("cites", &[Format::Text, Format::Json]),
    ("cited-by", &[Format::Text, Format::Json]),
    (
        "graph",
        &[Format::Dot, Format::Mermaid, Format::Json, Format::Text],
    ),
    ("blame", &[Format::Text, Format::Json, Format::Html]),
    ("search", &[Format::Text, Format::Json]),
    ("outcome", &[Format::Text, Format::Json, Format::Markdown]),
    ("completions", &[Format::Text, Format::Json]),
    ("man", &[Format::Text, Format::Json]),
    ("site", &[Format::Text, Format::Json]),
];

#[derive(Debug, Subcommand)]
pub enum Command {
    Ingest(ingest::IngestArgs),
    Add(add::AddArgs),
    Build(build::BuildArgs),
    Log(log::LogArgs),
    Show(show::ShowArgs),
    Diff(diff::DiffArgs),
    Lineage(lineage::LineageArgs),
    Table(table::TableArgs),
    Suppressed(suppressed::SuppressedArgs),
    InForce(in_force::InForceArgs),
    Cites(cites::CitesArgs),
    CitedBy(cites::CitedByArgs),
    Graph(graph::GraphArgs),
    Outcome(outcome::OutcomeArgs),
    Blame(blame::BlameArgs),
    Search(search::SearchArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
    Site(site::SiteArgs),
}

/// Runs one command.
pub fn run(config: &Config, command: Command, out: &mut Output) -> Result<(), CommandError> {
    let reads_history = !matches!(command, Command::Ingest(_) | Command::Add(_));
    let result = dispatch(config, command, out);
    match result {
        // A history that cannot be read may be damaged: say so, and how to repair it, rather
        // than the raw object error.
        Err(err) if reads_history && config.repo.is_dir() => {
            match actes::history::check::check(&config.repo) {
                Err(damage) => Err(CommandError::failure(damage)),
                Ok(()) => Err(err),
            }
        }
        other => other,
    }
}

fn dispatch(config: &Config, command: Command, out: &mut Output) -> Result<(), CommandError> {
    match command {
        Command::Ingest(args) => ingest::cmd_ingest(config, &args, out),
        Command::Add(args) => add::cmd_add(config, &args, out),
        Command::Build(args) => build::cmd_build(config, &args, out),
        Command::Log(args) => log::cmd_log(config, &args, out),
        Command::Show(args) => show::cmd_show(config, &args, out),
        Command::Diff(args) => diff::cmd_diff(config, &args, out),
        Command::Lineage(args) => lineage::cmd_lineage(config, &args, out),
        Command::Table(args) => table::cmd_table(config, &args, out),
        Command::Suppressed(args) => suppressed::cmd_suppressed(config, &args, out),
        Command::InForce(args) => in_force::cmd_in_force(config, &args, out),
        Command::Cites(args) => cites::cmd_cites(config, &args, out),
        Command::CitedBy(args) => cites::cmd_cited_by(config, &args, out),
        Command::Graph(args) => graph::cmd_graph(config, &args, out),
        Command::Outcome(args) => outcome::cmd_outcome(config, &args, out),
        Command::Blame(args) => blame::cmd_blame(config, &args, out),
        Command::Search(args) => search::cmd_search(config, &args, out),
        Command::Completions(args) => completions::cmd_completions(config, &args, out),
        Command::Man(args) => man::cmd_man(config, &args, out),
        Command::Site(args) => site::cmd_site(config, &args, out),
    }
}
