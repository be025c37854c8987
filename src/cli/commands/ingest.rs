//! `actes ingest`: reads one conference document and prints its proposals, texts, citations and what it could not settle.

use std::fmt::Write as _;

use serde::Serialize;

use actes::model::{Citation, InstrumentText, Side, Uncertainty};
use actes::reader::{self, Document, Proposal};

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Read a conference document and print what it contains
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// The document to read (UTF-8 with or without BOM, or Windows-1252)
    pub file: std::path::PathBuf,
    /// Print only what the reader could not settle, with its line
    #[arg(long)]
    pub uncertain: bool,
}

/// A cannot-read error that names the file.
#[derive(Debug, thiserror::Error)]
#[error("{file}: cannot read the file: {error}")]
struct UnreadableFile {
    file: String,
    error: std::io::Error,
}

pub fn cmd_ingest(
    config: &Config,
    args: &IngestArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    repo::require_format("ingest", config, &[Format::Text, Format::Json])?;
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|error| {
        CommandError::bad_input(UnreadableFile {
            file: name.clone(),
            error,
        })
    })?;
    let document = reader::read_document(&name, &bytes).map_err(CommandError::bad_input)?;
    match (config.format, args.uncertain) {
        (Format::Json, false) => out.write_json(&document),
        (Format::Json, true) => out.write_json(&unsettled(&document)),
        (_, false) => out.write_str(&render_document(&document)),
        (_, true) => out.write_str(&render_unsettled(&document)),
    }
}

/// One unsettled point with the proposal it belongs to (`--uncertain --format json`).
#[derive(Debug, Serialize)]
struct Unsettled<'a> {
    proposal: String,
    #[serde(flatten)]
    uncertainty: &'a Uncertainty,
}

fn unsettled(document: &Document) -> Vec<Unsettled<'_>> {
    document
        .proposals
        .iter()
        .flat_map(|p| {
            p.uncertain.iter().map(|u| Unsettled {
                proposal: p.id.to_string(),
                uncertainty: u,
            })
        })
        .collect()
}

/// The text report: the document, then each proposal with its texts, citations and uncertainties.
fn render_document(document: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} proposal{}, language {}",
        document.source,
        document.proposals.len(),
        plural(document.proposals.len()),
        document.language
    );
    for note in &document.input_notes {
        let _ = writeln!(s, "input: {note}");
    }
    for proposal in &document.proposals {
        s.push('\n');
        render_proposal(&mut s, proposal);
    }
    s
}

fn render_proposal(s: &mut String, p: &Proposal) {
    let _ = writeln!(s, "{} {}  {}  {}", p.action, p.id, p.target, p.lines);
    for (side, text) in [
        ("old (before the proposal)", &p.old),
        ("new (as proposed)", &p.new),
    ] {
        match text {
            Some(text) => render_text(s, side, text),
            None => {
                let _ = writeln!(s, "  {side}: none");
            }
        }
    }
    let _ = writeln!(s, "  citations: {}", p.citations.len());
    for c in &p.citations {
        let _ = writeln!(s, "    {}", citation_line(c));
    }
    let _ = writeln!(s, "  uncertain: {}", p.uncertain.len());
    for u in &p.uncertain {
        let _ = writeln!(s, "    {}", uncertainty_line(u));
    }
    let _ = writeln!(
        s,
        "  reasons: {} paragraph{}",
        p.reasons.len(),
        plural(p.reasons.len())
    );
    if let Some(first) = p.reasons.first() {
        let _ = writeln!(s, "    {}", shorten(first, 100));
    }
}

fn render_text(s: &mut String, side: &str, text: &InstrumentText) {
    let _ = writeln!(s, "  {side}: {}", text.header);
    let revision = text
        .revision
        .as_ref()
        .map_or_else(|| "none (new)".to_string(), ToString::to_string);
    let _ = writeln!(s, "    revision: {revision}");
    let _ = writeln!(s, "    title: {}", text.title);
    let items: usize = text.sections.iter().map(|sec| sec.paragraphs.len()).sum();
    let _ = writeln!(
        s,
        "    {} section{}, {} paragraph{}, {}",
        text.sections.len(),
        plural(text.sections.len()),
        items,
        plural(items),
        serde_json::to_value(text.completeness)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    );
    for note in &text.notes {
        let _ = writeln!(s, "    note: {note}");
    }
}

fn citation_line(c: &Citation) -> String {
    let side = match c.side {
        Side::Old => "old ",
        Side::New => "new ",
        Side::Both => "both",
    };
    let revision = c
        .revision
        .as_ref()
        .map_or_else(String::new, |r| format!(" ({r})"));
    format!(
        "{side}  {}{revision}  line {}{}",
        c.cited,
        c.line,
        place(c.section.as_deref(), c.label.as_deref())
    )
}

fn uncertainty_line(u: &Uncertainty) -> String {
    let readings = if u.readings.is_empty() {
        String::new()
    } else {
        format!(" -> {}", u.readings.join(" | "))
    };
    format!(
        "line {}  {}  {}{readings}{}",
        u.line,
        u.what,
        shorten(&u.excerpt, 80),
        place(u.section.as_deref(), u.label.as_deref())
    )
}

/// `  [considérant b)]`, or nothing.
fn place(section: Option<&str>, label: Option<&str>) -> String {
    match (section.filter(|s| !s.is_empty()), label) {
        (Some(s), Some(l)) => format!("  [{} {l}]", shorten(s, 40)),
        (Some(s), None) => format!("  [{}]", shorten(s, 40)),
        (None, Some(l)) => format!("  [{l}]"),
        (None, None) => String::new(),
    }
}

/// `--uncertain`: what is not settled, each with its proposal and line.
fn render_unsettled(document: &Document) -> String {
    let mut s = String::new();
    let all = unsettled(document);
    let _ = writeln!(
        s,
        "{}: {} point{} not settled",
        document.source,
        all.len(),
        plural(all.len())
    );
    for u in all {
        let _ = writeln!(s, "{}  {}", u.proposal, uncertainty_line(u.uncertainty));
    }
    s
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text cut at `max` characters, with `...` when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text.to_string(),
    }
}
