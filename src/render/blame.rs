//! The text rendering of a blame: one line per paragraph, like `git blame`, with the version that
//! brought in the wording, a mark for how, and where the paragraph first appeared when that is
//! elsewhere; then a legend of the versions with their status, so that a proposal is never read
//! as an outcome.

use std::fmt::Write as _;

use crate::blame::{Arrival, Attribution, Blame, BlamedLine, PointKind, VersionPoint};

/// A version's name with its status as a reader should see it: `pp-2014-busan`,
/// `B/67/4 (proposed, not an outcome)`.
pub fn describe_point(point: &VersionPoint) -> String {
    match point.kind {
        PointKind::Conference if point.is_proposed() => {
            format!("{} (proposed, not an outcome)", point.name)
        }
        PointKind::Conference => match point.status {
            crate::model::Status::Inferred => format!("{} (conference, inferred)", point.name),
            _ => format!("{} (conference)", point.name),
        },
        PointKind::Proposal => match &point.conference {
            Some(c) => format!("{} (proposal to {c}: proposed, not an outcome)", point.name),
            None => format!("{} (proposal: proposed, not an outcome)", point.name),
        },
    }
}

/// The one-character mark of a line's verdict.
pub fn mark(line: &BlamedLine) -> char {
    match &line.attribution {
        Attribution::Unsettled => '?',
        Attribution::Credited(c) => match c.arrival {
            Arrival::FirstInCorpus => '=',
            Arrival::Introduced => '+',
            Arrival::Reinserted => '^',
            Arrival::Modified => '~',
        },
    }
}

/// A short sentence saying where a line comes from, for the text and HTML views.
pub fn explain(blame: &Blame, line: &BlamedLine) -> String {
    let name = |i: usize| blame.versions[i].name.as_str();
    let credit = match &line.attribution {
        Attribution::Unsettled => {
            return "unsettled: the reader could not say whether this paragraph belongs to the old \
                    text, the new one or both; credited to neither"
                .to_string()
        }
        Attribution::Credited(c) => c,
    };
    let mut s = match credit.arrival {
        Arrival::FirstInCorpus => format!(
            "present in {}, the earliest text the history holds",
            name(credit.wording)
        ),
        Arrival::Introduced => format!("introduced by {}", name(credit.wording)),
        Arrival::Reinserted => format!(
            "reinserted by {} (first in {}, deleted in between)",
            name(credit.wording),
            name(credit.first_appeared)
        ),
        Arrival::Modified => format!(
            "wording changed by {}; paragraph first in {}",
            name(credit.wording),
            name(credit.first_appeared)
        ),
    };
    if blame.versions[credit.wording].is_proposed() {
        s.push_str(" [proposed, not an outcome]");
    }
    if !credit.or_unknown_before.is_empty() {
        let names: Vec<&str> = credit.or_unknown_before.iter().map(|&i| name(i)).collect();
        let _ = write!(s, "; or at {} (text not in the history)", names.join(", "));
    }
    for r in &credit.renumbered {
        let _ = write!(
            s,
            "; renumbered {} -> {} by {}",
            r.from.as_deref().unwrap_or("(none)"),
            r.to.as_deref().unwrap_or("(none)"),
            name(r.at)
        );
    }
    if !credit.unsettled_in.is_empty() {
        let names: Vec<&str> = credit.unsettled_in.iter().map(|&i| name(i)).collect();
        let _ = write!(s, "; unsettled in {}", names.join(", "));
    }
    s
}

/// Renders a blame as text. `title` heads it (`pp resolution 130, fr`).
pub fn to_text(blame: &Blame, title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{title} at {}", describe_point(blame.at()));
    let width = blame
        .lines
        .iter()
        .map(|l| match &l.attribution {
            Attribution::Credited(c) => blame.versions[c.wording].name.chars().count(),
            Attribution::Unsettled => 9,
        })
        .max()
        .unwrap_or(0);
    let first_width = blame
        .lines
        .iter()
        .map(|l| match &l.attribution {
            Attribution::Credited(c) if c.first_appeared != c.wording => {
                blame.versions[c.first_appeared].name.chars().count()
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let number_width = blame.lines.len().to_string().len();
    for line in &blame.lines {
        let (who, first) = match &line.attribution {
            Attribution::Unsettled => ("unsettled", ""),
            Attribution::Credited(c) => (
                blame.versions[c.wording].name.as_str(),
                if c.first_appeared != c.wording {
                    blame.versions[c.first_appeared].name.as_str()
                } else {
                    ""
                },
            ),
        };
        let renumbered = match &line.attribution {
            Attribution::Credited(c) if !c.renumbered.is_empty() => '#',
            _ => ' ',
        };
        let _ = write!(
            out,
            "{:>number_width$} {who:<width$} {}{renumbered}",
            line.number,
            mark(line)
        );
        if first_width > 0 {
            let _ = write!(out, " {first:<first_width$}");
        }
        out.push_str(" | ");
        if let Some(label) = &line.label {
            out.push_str(label);
            out.push('\t');
        }
        out.push_str(&line.text);
        out.push('\n');
    }
    out.push_str("\nversions (oldest first):\n");
    for (i, point) in blame.versions.iter().enumerate() {
        let count = blame
            .lines
            .iter()
            .filter(|l| matches!(&l.attribution, Attribution::Credited(c) if c.wording == i))
            .count();
        let text = if blame.has_text[i] {
            format!("{count} line(s)")
        } else {
            "no text in the history".to_string()
        };
        let commit = point
            .commit
            .as_deref()
            .map(|c| format!(" {}", &c[..c.len().min(12)]))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{commit}: {text}", describe_point(point));
    }
    out.push_str(
        "marks: = present in the earliest text held, + introduced, ~ wording changed (second \
         column: where the paragraph first appeared), ^ reinserted, ? unsettled (credited to \
         nobody), # renumbered since\n",
    );
    let notes: Vec<String> = blame
        .lines
        .iter()
        .filter(|l| match &l.attribution {
            Attribution::Unsettled => true,
            Attribution::Credited(c) => {
                !c.renumbered.is_empty()
                    || !c.or_unknown_before.is_empty()
                    || !c.unsettled_in.is_empty()
                    || c.arrival == Arrival::Reinserted
            }
        })
        .map(|l| format!("  line {}: {}", l.number, explain(blame, l)))
        .collect();
    if !notes.is_empty() {
        out.push_str("notes:\n");
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    out
}
