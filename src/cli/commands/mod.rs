//! One file per subcommand, each holding its clap `Args` and its `cmd_xxx`. This file only lists
//! them and dispatches.

mod blame;
mod build;
mod cites;
mod diff;
mod graph;
mod in_force;
mod ingest;
mod lineage;
mod log;
mod repo;
mod search;
mod show;
mod site;
mod suppressed;
mod table;

use clap::Subcommand;

use super::{CommandError, Config, Output};

#[derive(Debug, Subcommand)]
pub enum Command {
    Ingest(ingest::IngestArgs),
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
    Blame(blame::BlameArgs),
    Search(search::SearchArgs),
    Site(site::SiteArgs),
}

/// Runs one command.
pub fn run(config: &Config, command: Command, out: &mut Output) -> Result<(), CommandError> {
    match command {
        Command::Ingest(args) => ingest::cmd_ingest(config, &args, out),
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
        Command::Blame(args) => blame::cmd_blame(config, &args, out),
        Command::Search(args) => search::cmd_search(config, &args, out),
        Command::Site(args) => site::cmd_site(config, &args, out),
    }
}
