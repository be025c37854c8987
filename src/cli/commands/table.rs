//! `actes table`: the "Rév." lineage table: instruments by conference.

use actes::lineage::inferred::WithInferred;
use actes::lineage::query::TableFilter;
use actes::lineage::{InferredLink, Lineage};
use actes::model::{Body, ConferenceId};
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
    /// The language of the titles and of the names (`Résolution 14`, `Rev. Antalya, 2006`):
    /// fr, en or es; where a title is not known in it, another language's stands in, marked
    #[arg(long, default_value = "en")]
    pub lang: String,
}

pub fn cmd_table(config: &Config, args: &TableArgs, out: &mut Output) -> Result<(), CommandError> {
    super::repo::require_format("table", config)?;
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
    let language = super::repo::language(&args.lang)?;
    let lineage = load_lineage(config, None)?;
    let filter = TableFilter {
        language,
        body,
        from: args
            .from
            .as_deref()
            .map(|c| conference_of(&lineage, body, c))
            .transpose()?,
        to: args
            .to
            .as_deref()
            .map(|c| conference_of(&lineage, body, c))
            .transpose()?,
    };
    if let (Some(from), Some(to)) = (&filter.from, &filter.to) {
        let place = |id: &ConferenceId| lineage.chronology().iter().position(|c| c == id);
        if place(from) > place(to) {
            return Err(CommandError::bad_input(format!(
                "--from {from} comes after --to {to}; give the earlier conference to --from"
            )));
        }
    }
    let reports = lineage.tables(&filter);
    let links = super::outcome::inferred_links(config)?;
    let of_table = |t: &actes::lineage::query::TableReport| -> Vec<&InferredLink> {
        links
            .iter()
            .filter(|l| t.rows.iter().any(|r| r.instrument == l.from))
            .collect()
    };
    let with: Vec<WithInferred<'_, _>> = reports
        .iter()
        .map(|t| WithInferred {
            report: t,
            inferred: of_table(t),
        })
        .collect();
    let all: Vec<&InferredLink> = reports.iter().flat_map(of_table).collect();
    let notes = actes::render::outcome::inferred_links_text(&all);
    match config.format {
        Format::Json => match with.as_slice() {
            [one] if body.is_some() => out.write_json(one),
            _ => out.write_json(&with),
        },
        Format::Markdown => out.write_str(&format!(
            "{}{notes}",
            reports::lineage_tables_markdown(&reports)
        )),
        Format::Csv => out.write_str(&reports::lineage_tables_csv(&reports)),
        Format::Html => out.write_str(&reports::lineage_tables_html(&reports)),
        _ => out.write_str(&format!(
            "{}{notes}",
            reports::lineage_tables_text(&reports, TITLE_WIDTH)
        )),
    }
}

/// Titles are cut to this many characters in the text table, so that rows stay readable.
const TITLE_WIDTH: usize = 40;

/// A conference named for a table's columns: within the table's body when it has one (`--body
/// wtdc --from 2014` is WTDC 2014, not the Plenipotentiary Conference of 2014).
fn conference_of(
    lineage: &Lineage,
    body: Option<Body>,
    name: &str,
) -> Result<ConferenceId, CommandError> {
    let Some(body) = body else {
        return conference(lineage, name);
    };
    let of_body = |id: &ConferenceId| id.0.starts_with(&format!("{}-", body.code()));
    if let Ok(id) = lineage.resolve_conference(&format!("{} {name}", body.code())) {
        if of_body(&id) {
            return Ok(id);
        }
    }
    let id = conference(lineage, name)?;
    if of_body(&id) {
        return Ok(id);
    }
    let known: Vec<&str> = lineage
        .chronology()
        .iter()
        .filter(|c| of_body(c))
        .map(|c| c.0.as_str())
        .collect();
    Err(CommandError::bad_input(format!(
        "`{name}` names no {} conference that the lineage knows (it names {id}); known: {}",
        body.code(),
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    )))
}
