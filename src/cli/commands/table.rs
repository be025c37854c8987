//! `actes table`: the "Rév." lineage table: instruments by conference.

use actes::lineage::query::TableFilter;
use actes::model::Body;
use actes::render::reports;

use super::lineage::{conference, load_lineage};
use super::{CommandError, Config, Output};
use crate::cli::Format;

/// Print the "Rév." lineage table: instruments by conference, one body at a time
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// Show the instruments of this body (`pp`, `wtdc`, `wtsa`, ...), or of every body, one table
    /// each (`all`; as JSON, an array of tables)
    #[arg(long, default_value = "pp")]
    pub body: String,
    /// Start the columns at this conference
    #[arg(long)]
    pub from: Option<String>,
    /// End the columns at this conference
    #[arg(long)]
    pub to: Option<String>,
}

pub fn cmd_table(config: &Config, args: &TableArgs, out: &mut Output) -> Result<(), CommandError> {
    let offered = [
        Format::Text,
        Format::Json,
        Format::Markdown,
        Format::Csv,
        Format::Html,
    ];
    super::repo::require_format("table", config, &offered)?;
    let body = if args.body.trim().eq_ignore_ascii_case("all") {
        None
    } else {
        Some(Body::from_name(&args.body).ok_or_else(|| {
            CommandError::bad_input(format!(
                "`{}` is not a body; expected pp, wtdc, wtsa, ra, wrc, wcit, council, wtpf, un-ga or all",
                args.body
            ))
        })?)
    };
    let lineage = load_lineage(config, None)?;
    let filter = TableFilter {
        body,
        from: args
            .from
            .as_deref()
            .map(|c| conference(&lineage, c))
            .transpose()?,
        to: args
            .to
            .as_deref()
            .map(|c| conference(&lineage, c))
            .transpose()?,
    };
    let reports = lineage.tables(&filter);
    match config.format {
        Format::Json => match reports.as_slice() {
            [one] if body.is_some() => out.write_json(one),
            _ => out.write_json(&reports),
        },
        Format::Markdown => out.write_str(&reports::lineage_tables_markdown(&reports)),
        Format::Csv => out.write_str(&reports::lineage_tables_csv(&reports)),
        Format::Html => out.write_str(&reports::lineage_tables_html(&reports)),
        _ => out.write_str(&reports::lineage_tables_text(&reports, TITLE_WIDTH)),
    }
}

/// Titles are cut to this many characters in the text table, so that rows stay readable.
const TITLE_WIDTH: usize = 40;
