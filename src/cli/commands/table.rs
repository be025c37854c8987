//! `actes table`: the "Rév." lineage table: instruments by conference.

use actes::lineage::query::TableFilter;
use actes::model::Body;
use actes::render::reports;

use super::lineage::{conference, load_lineage};
use super::{CommandError, Config, Output};
use crate::cli::Format;

/// Print the lineage table of instruments by conference
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// Only instruments of this body (`pp`, `wtdc`, ...)
    #[arg(long)]
    pub body: Option<String>,
    /// The first conference to show
    #[arg(long)]
    pub from: Option<String>,
    /// The last conference to show
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
    if !offered.contains(&config.format) {
        return Err(CommandError::unsupported_format(
            "table",
            config.format,
            &offered,
        ));
    }
    let body = match &args.body {
        Some(b) => Some(Body::from_code(b).ok_or_else(|| {
            CommandError::bad_input(format!(
                "`{b}` is not a body; expected pp, wtdc, wtsa, ra, wrc, wcit, council, wtpf or un-ga"
            ))
        })?),
        None => None,
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
    let report = lineage.table(&filter);
    let title_width = (config.format == Format::Text).then_some(40);
    let (table, classes) = reports::lineage_table(&report, title_width);
    match config.format {
        Format::Json => out.write_json(&report),
        Format::Markdown => out.write_str(&table.to_markdown()),
        Format::Csv => out.write_str(&table.to_csv()),
        Format::Html => out.write_str(&table.to_html("Lineage of the instruments", Some(&classes))),
        _ => {
            out.write_str(&table.to_text())?;
            out.write_str("\n")?;
            out.write_str(reports::TABLE_LEGEND)
        }
    }
}
