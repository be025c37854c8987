//! `actes outcome` as text and Markdown: per proposal, what the conference did with its target
//! (with the record's evidence and how it is known) and how much of the proposal shows in the
//! adopted text, every inferred answer marked as such with its score, anchors and confidence.
//! Also the inferred links as the lineage commands list them.

use std::fmt::Write as _;

use crate::fate::{OutcomeReport, ProposalFate, TextFate, Verdict};
use crate::lineage::query::instrument_name;
use crate::lineage::InferredLink;
use crate::model::EvidenceKind;
use crate::outcome::matcher::Location;
use crate::outcome::{
    ChangeKind, ChangeOutcome, Confidence, DraftOutcome, ProposalOutcome, Verdict as ChangeVerdict,
};

/// A score or weight as printed: never `-0.00`.
fn num(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        x
    }
}

fn kind_words(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Stated => "stated",
        EvidenceKind::Proposed => "proposed",
        EvidenceKind::Inferred => "inferred",
    }
}

fn confidence_words(c: Confidence) -> &'static str {
    match c {
        Confidence::Low => "low",
        Confidence::Medium => "medium",
        Confidence::High => "high",
    }
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Adopted => "adopted",
        Verdict::NotAdopted => "not adopted",
        Verdict::Acted => "acted on",
        Verdict::Unknown => "not known",
    }
}

fn change_words(c: ChangeKind) -> &'static str {
    match c {
        ChangeKind::Inserted => "inserted",
        ChangeKind::Deleted => "deleted",
        ChangeKind::Modified => "modified",
    }
}

fn change_verdict_words(v: ChangeVerdict) -> &'static str {
    match v {
        ChangeVerdict::TakenUp => "taken up",
        ChangeVerdict::TakenUpInPart => "taken up in part",
        ChangeVerdict::NotFound => "not found",
        ChangeVerdict::CannotTell => "cannot tell",
    }
}

/// `considérant, b) (line 12)`.
fn place(l: &Location) -> String {
    let heading = if l.heading.is_empty() {
        "(before the first heading)"
    } else {
        &l.heading
    };
    match &l.label {
        Some(label) => format!("{heading} {label} (line {})", l.lines.first),
        None => format!("{heading} (line {})", l.lines.first),
    }
}

fn change_lines(out: &mut String, c: &ChangeOutcome, indent: &str) {
    let _ = write!(
        out,
        "{indent}{} at {}: {} (score {:.2}, anchor weight {:.1}, {} confidence)",
        change_words(c.change),
        place(&c.proposed_at),
        change_verdict_words(c.verdict),
        num(c.score),
        num(c.weight),
        confidence_words(c.confidence)
    );
    if let Some(m) = &c.matched {
        let _ = write!(out, "; best match {}", place(m));
    }
    out.push('\n');
    if let Some(moved) = &c.moved {
        let _ = writeln!(
            out,
            "{indent}  moved: found under `{}`{}",
            moved.found,
            moved
                .expected
                .as_ref()
                .map(|e| format!(" rather than `{e}`"))
                .unwrap_or_default()
        );
    }
    let mut shown: Vec<String> = Vec::new();
    for a in &c.anchors {
        let status = if a.removed {
            if a.found_at.is_empty() {
                "removed, absent from the adopted text".to_string()
            } else {
                "removed, still in the adopted text".to_string()
            }
        } else if a.found_at.is_empty() {
            "not found".to_string()
        } else {
            let places: Vec<String> = a.found_at.iter().map(place).collect();
            format!(
                "found{} at {}",
                a.adopted_as_written
                    .as_ref()
                    .map(|w| format!(" as `{w}`"))
                    .unwrap_or_default(),
                places.join("; ")
            )
        };
        let line = format!("{indent}  - `{}`: {status}\n", a.anchor.as_written);
        // A citation is an anchor twice (the instrument, and its revision): shown once.
        if !shown.contains(&line) {
            out.push_str(&line);
            shown.push(line);
        }
    }
}

fn matched_text(out: &mut String, o: &ProposalOutcome, adopted: &str) {
    let _ = writeln!(
        out,
        "  text: compared with the adopted text of {adopted} (proposal in {}, adopted text in {}) [inferred]",
        o.proposal_language.code(),
        o.adopted_language.code()
    );
    let t = &o.tally;
    let _ = writeln!(
        out,
        "  taken up {}, in part {}, not found {}, cannot tell {}, moved {}; score {}, {} confidence",
        t.taken_up,
        t.taken_up_in_part,
        t.not_found,
        t.cannot_tell,
        t.moved,
        o.score.map_or("none".to_string(), |s| format!("{:.2}", num(s))),
        confidence_words(o.confidence)
    );
    for c in &o.changes {
        change_lines(out, c, "  ");
    }
}

fn ranked_text(out: &mut String, o: &DraftOutcome, without: &[crate::model::InstrumentId]) {
    match &o.became {
        Some(id) => {
            let _ = writeln!(
                out,
                "  text: most likely became {} [inferred, {} confidence]",
                instrument_name(id),
                confidence_words(o.confidence)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  text: no new instrument scores above the threshold {:.2}: linked to none [inferred]",
                o.threshold
            );
        }
    }
    for (rank, r) in o.ranked.iter().enumerate() {
        let shared: Vec<&str> = r
            .shared
            .iter()
            .take(8)
            .map(|a| a.as_written.as_str())
            .collect();
        let _ = writeln!(
            out,
            "  {}. {} ({}): score {:.2}, shared weight {:.1}{}; anchors: {}",
            rank + 1,
            instrument_name(&r.instrument),
            r.title,
            num(r.score),
            num(r.shared_weight),
            if r.above_threshold {
                ""
            } else {
                ", below the threshold"
            },
            if shared.is_empty() {
                "none".to_string()
            } else {
                shared.join(", ")
            }
        );
    }
    if !without.is_empty() {
        let names: Vec<String> = without.iter().map(instrument_name).collect();
        let _ = writeln!(
            out,
            "  not compared (no text in the sources): {}",
            names.join(", ")
        );
    }
}

fn fate_text(out: &mut String, f: &ProposalFate) {
    let _ = writeln!(
        out,
        "{} {} {} ({})",
        f.proposal,
        f.action.as_str(),
        f.target_name,
        f.conference_label
    );
    let _ = writeln!(
        out,
        "  decision: {}: {} [{}]",
        verdict_words(f.decision.verdict),
        f.decision.words,
        kind_words(f.decision.kind)
    );
    for e in &f.decision.evidence {
        let _ = writeln!(out, "  evidence: {e}");
    }
    match &f.text {
        TextFate::NothingToCompare { reason } => {
            let _ = writeln!(out, "  text: nothing to compare: {reason}");
        }
        TextFate::NoAdoptedText { reason }
        | TextFate::NoProposedText { reason }
        | TextFate::NoCandidates { reason } => {
            let _ = writeln!(out, "  text: cannot tell: {reason}");
        }
        TextFate::Matched { adopted, outcome } => {
            matched_text(out, outcome, &instrument_name(adopted))
        }
        TextFate::Ranked {
            without_text,
            outcome,
        } => ranked_text(out, outcome, without_text),
    }
}

/// `actes outcome` as text.
pub fn outcome_text(report: &OutcomeReport) -> String {
    let mut out = String::new();
    for (i, f) in report.proposals.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        fate_text(&mut out, f);
    }
    out
}

/// `actes outcome` as Markdown: a summary table, then each proposal's details as a list.
pub fn outcome_markdown(report: &OutcomeReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# What became of {}\n", report.query);
    out.push_str("| proposal | action | target | decision | how known | text |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for f in &report.proposals {
        let text = match &f.text {
            TextFate::NothingToCompare { .. } => "nothing to compare".to_string(),
            TextFate::NoAdoptedText { .. }
            | TextFate::NoProposedText { .. }
            | TextFate::NoCandidates { .. } => "cannot tell".to_string(),
            TextFate::Matched { outcome, .. } => format!(
                "score {} (inferred)",
                outcome
                    .score
                    .map_or("none".to_string(), |s| format!("{s:.2}"))
            ),
            TextFate::Ranked { outcome, .. } => match &outcome.became {
                Some(id) => format!("became {} (inferred)", instrument_name(id)),
                None => "linked to none (inferred)".to_string(),
            },
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}: {} | {} | {} |",
            f.proposal,
            f.action.as_str(),
            f.target_name,
            verdict_words(f.decision.verdict),
            f.decision.words,
            kind_words(f.decision.kind),
            text
        );
    }
    for f in &report.proposals {
        let _ = writeln!(out, "\n## {}\n", f.proposal);
        out.push_str("```\n");
        fate_text(&mut out, f);
        out.push_str("```\n");
    }
    out
}

/// The inferred links of an instrument as lines under a lineage, suppressed list or table.
pub fn inferred_links_text(links: &[&InferredLink]) -> String {
    let mut out = String::new();
    if links.is_empty() {
        return out;
    }
    out.push_str("\ninferred links (from comparing texts, not stated by any source):\n");
    for l in links {
        let _ = writeln!(
            out,
            "  {}{} {} {} at {}: score {:.2}, {} confidence [inferred]{}",
            l.proposal
                .as_ref()
                .map(|p| format!("{p} "))
                .unwrap_or_default(),
            instrument_name(&l.from),
            l.relation.words(),
            instrument_name(&l.to),
            l.conference_label,
            num(l.score),
            confidence_words(l.confidence),
            if l.anchors.is_empty() {
                String::new()
            } else {
                format!("; anchors: {}", l.anchors.join(", "))
            }
        );
    }
    out
}

/// Draws the inferred edges of the graph view: dashed, labelled with their relation, `inferred`
/// and their score.
pub fn add_inferred_edges(
    diagram: &mut crate::render::graph::Diagram,
    edges: &[crate::lineage::inferred::InferredEdge],
) {
    for e in edges {
        diagram.edges.push(crate::render::graph::DiagramEdge {
            from: e.from.clone(),
            to: e.to.clone(),
            label: format!(
                "{} (inferred, score {:.2})",
                e.relation.words(),
                num(e.score)
            ),
            style: crate::render::graph::EdgeStyle::Dashed,
        });
    }
}
