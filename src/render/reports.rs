//! Text renderings of the lineage queries' results (`crate::lineage::query`), and the lineage
//! table as a plain [`Table`] for Markdown, CSV and HTML.

use crate::lineage::query::{
    event_words, CitationEntry, InForceReport, LineageReport, SuppressedEntry, TableReport,
};
use crate::lineage::titles::instrument_short_name_in;
use crate::model::{Event, Evidence, Status};

use super::table::Table;

/// How a fact is known, in the words the text outputs use: `stated` (an outcome a source states),
/// `proposed` (not an outcome) or `inferred`.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::Adopted => "stated",
        Status::Proposed => "proposed",
        Status::Inferred => "inferred",
    }
}

fn evidence_lines(evidence: &[Evidence], indent: &str, out: &mut String) {
    for e in evidence {
        out.push_str(&format!("{indent}evidence: {e}\n"));
    }
}

/// A last revision in words: `Rev. Busan, 2014`, or `Minneapolis, 1998 (adopted there)` for a
/// mark without `Rev.`.
fn last_revision_words(r: &crate::model::Revision) -> String {
    if r.revised {
        r.to_string()
    } else {
        format!("{r} (adopted there, not revised since)")
    }
}

/// What a lineage step says: `revised (Rev. Busan, 2014)`, `unchanged (still Rev. Antalya,
/// 2006)`, `suppressed (last revision Minneapolis, 1998)`, `MOD B/67/1 proposed`.
pub fn step_words(s: &crate::lineage::query::LineageStep) -> String {
    if let Some(p) = &s.proposal {
        return format!("{} {} proposed", p.action, p.id);
    }
    let event = match s.event {
        Event::Adopted => "adopted new",
        Event::FirstInCorpus => "first in the corpus",
        other => event_words(other),
    };
    match (&s.revision, s.event) {
        (None, _) => event.to_string(),
        (Some(r), Event::Unchanged) => format!("{event} (still {r})"),
        (Some(r), Event::Suppressed) => format!("{event} (last revision {r})"),
        (Some(r), _) => format!("{event} ({r})"),
    }
}

/// `actes lineage RES` as text: one block per step, each saying how it is known (stated,
/// proposed, inferred), with its evidence.
pub fn lineage_text(report: &LineageReport) -> String {
    let mut out = report.name.clone();
    if let Some(t) = &report.title {
        out.push_str(&format!(": {}", t.words()));
    }
    out.push('\n');
    if report.steps.is_empty() {
        out.push_str("\nno step recorded\n");
    }
    for s in &report.steps {
        let known = match s.status {
            Status::Proposed => "proposed, not an outcome",
            other => status_words(other),
        };
        out.push_str(&format!(
            "\n{}  {}  [{known}]\n",
            s.conference_label,
            step_words(s)
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

pub fn completeness_words(c: crate::model::Completeness) -> &'static str {
    match c {
        crate::model::Completeness::Complete => "complete",
        crate::model::Completeness::Partial => "partial",
        crate::model::Completeness::Absent => "absent",
    }
}

/// The lineage table as a plain table: instrument, title, then one column per conference.
/// Inferred cells end with `?`; cells with proposals name them. Titles are cut to `title_width`
/// characters when given (for the terminal). Also returns a CSS class per cell for HTML.
pub fn lineage_table(
    report: &TableReport,
    title_width: Option<usize>,
) -> (Table, Vec<Vec<String>>) {
    let mut headers = vec!["instrument".to_string(), "title".to_string()];
    headers.extend(report.conferences.iter().map(|c| c.label.clone()));
    let mut rows = Vec::new();
    let mut classes = Vec::new();
    for row in &report.rows {
        let title = row.title.as_ref().map(|t| t.words()).unwrap_or_default();
        let title = match title_width {
            Some(w) => super::truncate(&title, w),
            None => title,
        };
        let mut cells = vec![
            instrument_short_name_in(&row.instrument, report.language),
            title,
        ];
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

/// The heading of a body's table: `Plenipotentiary Conference (PP)`.
pub fn table_heading(report: &TableReport) -> String {
    format!(
        "{} ({})",
        report.body_name,
        report.body.code().to_uppercase()
    )
}

/// What the cells of the lineage table say, key then meaning, for every rendering's legend.
pub const TABLE_LEGEND: [(&str, &str); 6] = [
    (
        "new, revised, unchanged, suppressed",
        "what the conference did to the instrument, as a source states it (a header, a Final \
         Acts list)",
    ),
    (
        "?",
        "inferred, not stated: from a revision mark, from a later header or Final Acts entry \
         that still names an earlier revision, or from absence from a Final Acts list",
    ),
    (
        "proposed",
        "proposed at that conference, not known to be adopted",
    ),
    (
        "(B/67/1)",
        "the proposals made to that conference about the instrument; a proposal is not an \
         outcome",
    ),
    (
        "unknown",
        "the instrument existed, but the corpus says nothing about it at that conference",
    ),
    (
        "blank",
        "nothing to say: before the instrument is first known, after its suppression, or after \
         the last conference that the history records",
    ),
];

/// Words of `text` in lines of at most `width` characters (a longer word stands alone), each
/// line after the first starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line_len > 0 && line_len + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            line_len = indent.chars().count();
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

/// The legend under the text tables: one entry per line, wrapped at 100 characters, never cut.
pub fn table_legend_text() -> String {
    let mut out = String::from("legend:\n");
    for (key, meaning) in TABLE_LEGEND {
        out.push_str("  ");
        out.push_str(&wrap(&format!("{key}: {meaning}"), 98, "      "));
        out.push('\n');
    }
    out
}

/// `actes table` as text: each body's table under its heading (a body without instruments says
/// so), then the legend once. Titles are cut to `title_width` characters.
pub fn lineage_tables_text(reports: &[TableReport], title_width: usize) -> String {
    let mut out = String::new();
    for report in reports {
        out.push_str(&table_heading(report));
        out.push_str("\n\n");
        if report.rows.is_empty() {
            out.push_str(
                "nothing to show: no instrument of this body has a fact in these columns\n\n",
            );
            continue;
        }
        out.push_str(&lineage_table(report, Some(title_width)).0.to_text());
        out.push('\n');
    }
    out.push_str(&table_legend_text());
    out
}

/// `actes table` as Markdown: a `##` heading and a table per body, then the legend as a list.
pub fn lineage_tables_markdown(reports: &[TableReport]) -> String {
    let mut out = String::new();
    for report in reports {
        out.push_str(&format!("## {}\n\n", table_heading(report)));
        if report.rows.is_empty() {
            out.push_str(
                "Nothing to show: no instrument of this body has a fact in these columns.\n\n",
            );
            continue;
        }
        out.push_str(&lineage_table(report, None).0.to_markdown());
        out.push('\n');
    }
    for (key, meaning) in TABLE_LEGEND {
        out.push_str(&format!("- `{key}`: {meaning}\n"));
    }
    out
}

/// `actes table` as CSV. One body: its table. Several: one CSV whose first column names the body,
/// with the columns of every body's conferences side by side (a cell under another body's
/// conference is empty).
pub fn lineage_tables_csv(reports: &[TableReport]) -> String {
    if let [one] = reports {
        return lineage_table(one, None).0.to_csv();
    }
    let mut headers = vec!["body".to_string(), "instrument".into(), "title".into()];
    let total: usize = reports.iter().map(|r| r.conferences.len()).sum();
    let mut rows = Vec::new();
    let mut offset = 0;
    for report in reports {
        headers.extend(report.conferences.iter().map(|c| c.label.clone()));
        let (table, _) = lineage_table(report, None);
        for row in table.rows {
            let mut cells = vec![report.body.code().to_string()];
            cells.extend(row[..2].iter().cloned());
            let mut conference_cells = vec![String::new(); total];
            for (i, cell) in row[2..].iter().enumerate() {
                conference_cells[offset + i] = cell.clone();
            }
            cells.extend(conference_cells);
            rows.push(cells);
        }
        offset += report.conferences.len();
    }
    Table { headers, rows }.to_csv()
}

/// `actes table` as a standalone HTML page: a section per body, then the legend.
pub fn lineage_tables_html(reports: &[TableReport]) -> String {
    let title = match reports {
        [one] => format!("Lineage of the instruments: {}", table_heading(one)),
        _ => "Lineage of the instruments".to_string(),
    };
    let mut body = format!("<h1>{}</h1>\n", super::html_escape(&title));
    for report in reports {
        if reports.len() > 1 {
            body.push_str(&format!(
                "<h2>{}</h2>\n",
                super::html_escape(&table_heading(report))
            ));
        }
        if report.rows.is_empty() {
            body.push_str(
                "<p>Nothing to show: no instrument of this body has a fact in these columns.</p>\n",
            );
            continue;
        }
        let (table, classes) = lineage_table(report, None);
        body.push_str(&table.to_html_table(Some(&classes)));
    }
    body.push_str("<dl>\n");
    for (key, meaning) in TABLE_LEGEND {
        body.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            super::html_escape(key),
            super::html_escape(meaning)
        ));
    }
    body.push_str("</dl>\n");
    super::table::html_page(&title, &body)
}

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
            out.push_str(&format!("  title: {}\n", t.words()));
        }
        match (&s.last_revision, &s.last_revised_at) {
            (Some(r), _) => out.push_str(&format!("  last revision: {}\n", last_revision_words(r))),
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

/// `actes in-force` as text: a table of the versions in force, what the conference did to each
/// and how that is known.
pub fn in_force_text(report: &InForceReport) -> String {
    let mut out = format!(
        "known to be in force after {}: {} instruments\n\n",
        report.conference_label,
        report.instruments.len()
    );
    let table = Table {
        headers: vec![
            "instrument".into(),
            "version in force".into(),
            "how known".into(),
            "at this conference".into(),
            "title".into(),
        ],
        rows: report
            .instruments
            .iter()
            .map(|e| {
                let at = match (e.event_at_conference, e.event_status) {
                    (None, _) => "nothing recorded".to_string(),
                    (Some(ev), Some(Status::Inferred)) => format!("{} (inferred)", event_words(ev)),
                    (Some(ev), _) => event_words(ev).to_string(),
                };
                vec![
                    e.name.clone(),
                    e.revision
                        .as_ref()
                        .map_or_else(|| e.since.0.clone(), |r| r.to_string()),
                    status_words(e.status).to_string(),
                    at,
                    e.title.as_ref().map(|t| t.words()).unwrap_or_default(),
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
            Some(p) => format!(
                "{} as proposed by {p} to {}",
                c.citing_name, c.citing_conference_label
            ),
            None => format!("{} as of {}", c.citing_name, c.citing_conference_label),
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
        match (&c.cited_version_label, &c.cited_version) {
            (Some(label), _) => out.push_str(&format!("  pinned to: the version of {label}\n")),
            (None, Some(v)) => out.push_str(&format!("  pinned to: the version of {v}\n")),
            (None, None) => {
                out.push_str("  pinned to: no version of the cited instrument is known then\n")
            }
        }
        // `unpinned` is what the line above already says.
        for f in c.flags.iter().filter(|f| f.what != "unpinned") {
            out.push_str(&format!("  {}: {}\n", f.what, f.detail));
        }
        evidence_lines(&c.evidence, "  ", &mut out);
    }
    out
}
