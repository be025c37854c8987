//! Text renderings of the lineage queries' results (`crate::lineage::query`), and the lineage
//! table as a plain [`Table`] for Markdown, CSV and HTML.

use crate::lineage::query::{
    event_words, CitationEntry, InForceReport, LineageReport, SuppressedEntry, TableReport,
};
use crate::model::{Event, Evidence, Status};

use super::table::Table;

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Adopted => "adopted",
        Status::Proposed => "proposed",
        Status::Inferred => "inferred",
    }
}

fn evidence_lines(evidence: &[Evidence], indent: &str, out: &mut String) {
    for e in evidence {
        out.push_str(&format!("{indent}evidence: {e}\n"));
    }
}

/// `actes lineage RES` as text: one block per step.
pub fn lineage_text(report: &LineageReport) -> String {
    let mut out = format!("{}", report.name);
    if let Some(t) = &report.title {
        out.push_str(&format!(": {t}"));
    }
    out.push('\n');
    for s in &report.steps {
        let what = match (&s.proposal, s.event) {
            (Some(p), _) => format!("{} {} proposed", p.action, p.id),
            (None, Event::Revised) => match &s.revision {
                Some(r) => format!("revised ({r})"),
                None => "revised".to_string(),
            },
            (None, ev) => match &s.revision {
                Some(r) => format!("{} ({r})", event_words(ev)),
                None => event_words(ev).to_string(),
            },
        };
        out.push_str(&format!(
            "\n{}  {what}  [{}]\n",
            s.conference_label,
            status_words(s.status)
        ));
        if let Some(p) = &s.proposal {
            let outcome = match p.outcome {
                crate::lineage::query::ProposalOutcome::NotAdopted => "not adopted",
                crate::lineage::query::ProposalOutcome::OutcomeAsProposed => "outcome as proposed",
                crate::lineage::query::ProposalOutcome::Undetermined => "adoption not established",
                crate::lineage::query::ProposalOutcome::Unknown => "outcome unknown",
            };
            out.push_str(&format!("  outcome: {outcome}: {}\n", p.note));
        }
        if let Some(note) = &s.text_note {
            out.push_str(&format!("  text: {note}\n"));
        } else if !s.texts.is_empty() {
            let texts: Vec<String> = s
                .texts
                .iter()
                .map(|(l, c)| format!("{l} {}", completeness_words(*c)))
                .collect();
            out.push_str(&format!("  text: {}\n", texts.join(", ")));
        }
        evidence_lines(&s.evidence, "  ", &mut out);
    }
    out
}

fn completeness_words(c: crate::model::Completeness) -> &'static str {
    match c {
        crate::model::Completeness::Complete => "complete",
        crate::model::Completeness::Partial => "partial",
        crate::model::Completeness::Absent => "absent",
    }
}

/// The lineage table as a plain table: instrument, title, then one column per conference.
/// Inferred cells end with `?`; cells with proposals name them.
pub fn lineage_table(report: &TableReport) -> (Table, Vec<Vec<String>>) {
    let mut headers = vec!["instrument".to_string(), "title".to_string()];
    headers.extend(report.conferences.iter().map(|c| c.label.clone()));
    let mut rows = Vec::new();
    let mut classes = Vec::new();
    for row in &report.rows {
        let mut cells = vec![row.name.clone(), row.title.clone().unwrap_or_default()];
        let mut cls = vec![String::new(), String::new()];
        for cell in &row.cells {
            match cell {
                None => {
                    cells.push(String::new());
                    cls.push(String::new());
                }
                Some(c) => {
                    let mut text = c.state.words().to_string();
                    if c.inferred {
                        text.push('?');
                    }
                    if !c.proposals.is_empty() {
                        let ids: Vec<String> = c.proposals.iter().map(|p| p.to_string()).collect();
                        text.push_str(&format!(" ({})", ids.join(", ")));
                    }
                    cells.push(text);
                    let mut class = c.state.words().to_string();
                    if c.inferred {
                        class.push_str(" inferred");
                    }
                    cls.push(class);
                }
            }
        }
        rows.push(cells);
        classes.push(cls);
    }
    (Table { headers, rows }, classes)
}

/// The legend printed under the text table.
pub const TABLE_LEGEND: &str = "?: inferred (from a revision mark or an unchanged header); \
proposed: proposed at that conference, not known to be adopted; unknown: the corpus says nothing \
about that conference\n";

/// `actes suppressed` as text.
pub fn suppressed_text(entries: &[SuppressedEntry]) -> String {
    if entries.is_empty() {
        return "no suppression recorded\n".to_string();
    }
    let mut out = String::new();
    for (i, s) in entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let verb = if s.status == Status::Proposed {
            "proposed for suppression at"
        } else {
            "suppressed at"
        };
        out.push_str(&format!(
            "{} {verb} {}  [{}]\n",
            s.name,
            s.conference_label,
            status_words(s.status)
        ));
        if let Some(t) = &s.title {
            out.push_str(&format!("  title: {t}\n"));
        }
        match (&s.last_revision, &s.last_revised_at) {
            (Some(r), _) => out.push_str(&format!("  last revision: {r}\n")),
            (None, Some(c)) => out.push_str(&format!("  last version: {c}\n")),
            (None, None) => out.push_str("  last revision: not known\n"),
        }
        evidence_lines(&s.evidence, "  ", &mut out);
        for p in &s.proposals {
            for e in &p.evidence {
                out.push_str(&format!(
                    "  evidence of a proposal: {} {}: {e}\n",
                    p.action, p.id
                ));
            }
            if p.evidence.is_empty() {
                out.push_str(&format!(
                    "  evidence of a proposal: {} {}\n",
                    p.action, p.id
                ));
            }
        }
    }
    out
}

/// `actes in-force` as text: a table.
pub fn in_force_text(report: &InForceReport) -> String {
    let mut out = format!(
        "in force after {} ({} instruments known)\n\n",
        report.conference_label,
        report.instruments.len()
    );
    let table = Table {
        headers: vec![
            "instrument".into(),
            "version".into(),
            "at this conference".into(),
            "known".into(),
            "title".into(),
        ],
        rows: report
            .instruments
            .iter()
            .map(|e| {
                vec![
                    e.name.clone(),
                    e.revision
                        .as_ref()
                        .map_or_else(|| e.since.0.clone(), |r| r.to_string()),
                    e.event_at_conference
                        .map_or("not recorded", event_words)
                        .to_string(),
                    status_words(e.status).to_string(),
                    e.title.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    };
    out.push_str(&table.to_text());
    out
}

/// `actes cites` and `actes cited-by` as text: one block per citation.
pub fn citations_text(entries: &[CitationEntry]) -> String {
    if entries.is_empty() {
        return "no citation recorded\n".to_string();
    }
    let mut out = String::new();
    for (i, c) in entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let citing = match &c.citing_proposal {
            Some(p) => format!("{} as proposed by {p}", c.citing_name),
            None => format!("{} as of {}", c.citing_name, c.citing_conference),
        };
        let revision = c
            .revision
            .as_ref()
            .map_or_else(|| "no revision cited".to_string(), |r| r.to_string());
        out.push_str(&format!("{citing} cites {} ({revision})\n", c.cited_name));
        let side = match c.side {
            crate::model::Side::Old => "old text",
            crate::model::Side::New => "new text",
            crate::model::Side::Both => "old and new text",
        };
        let place = match (&c.section, &c.label) {
            (Some(s), Some(l)) => format!(", {s} {l}"),
            (Some(s), None) => format!(", {s}"),
            (None, Some(l)) => format!(", {l}"),
            (None, None) => String::new(),
        };
        out.push_str(&format!(
            "  line {} ({side}{place}): {}\n",
            c.line, c.as_written
        ));
        match &c.cited_version {
            Some(v) => out.push_str(&format!("  pinned to: {v}\n")),
            None => out.push_str("  pinned to: no known version\n"),
        }
        for f in &c.flags {
            out.push_str(&format!("  {}: {}\n", f.what, f.detail));
        }
        evidence_lines(&c.evidence, "  ", &mut out);
    }
    out
}
