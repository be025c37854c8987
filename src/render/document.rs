//! The text renderings of `actes ingest`: what the reader found in one conference document
//! (proposals, texts, citations) and what it could not settle, so that the CLI only reads the file.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Citation, InstrumentText, Side, Uncertainty};
use crate::reader::{Document, Proposal};

/// One unsettled point with the proposal it belongs to (`--uncertain --format json`).
#[derive(Debug, Serialize)]
pub struct Unsettled<'a> {
    /// The proposal the point belongs to (`B/67/1`).
    pub proposal: String,
    /// What is not settled, with its line.
    #[serde(flatten)]
    pub uncertainty: &'a Uncertainty,
    /// `true` for a repair the reader only lists (a restored hyphen): a note, not an unsettled
    /// reading; its paragraph is not marked `[?]`.
    pub note: bool,
}

/// Every unsettled point of a document, each with its proposal, in document order.
pub fn unsettled(document: &Document) -> Vec<Unsettled<'_>> {
    document
        .proposals
        .iter()
        .flat_map(|p| {
            p.uncertain.iter().map(|u| Unsettled {
                proposal: p.id.to_string(),
                uncertainty: u,
                note: u.is_note(),
            })
        })
        .collect()
}

/// `actes ingest` as text: the document, then each proposal with its texts, citations and uncertainties.
pub fn document_text(document: &Document) -> String {
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

/// `actes ingest --uncertain` as text: what is not settled, each with its proposal and line.
pub fn unsettled_text(document: &Document) -> String {
    let mut s = String::new();
    let (notes, all): (Vec<_>, Vec<_>) = unsettled(document).into_iter().partition(|u| u.note);
    let _ = writeln!(
        s,
        "{}: {} point{} not settled, marked [?]; {} repair{} noted",
        document.source,
        all.len(),
        plural(all.len()),
        notes.len(),
        plural(notes.len())
    );
    for u in all {
        let _ = writeln!(s, "{}  {}", u.proposal, uncertainty_line(u.uncertainty));
    }
    for u in notes {
        let _ = writeln!(
            s,
            "{}  note: {}",
            u.proposal,
            uncertainty_line(u.uncertainty)
        );
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
