//! The text rendering of `actes search`: for each text file and line of history, where a phrase
//! came and went (a proposal never read as an outcome) and the versions that contain it.

use std::fmt::Write as _;

use super::blame::describe_point;
use crate::search::{EventKind, Occurrence, SearchResult};

/// `actes search` as text: each track with the comings and goings of the phrase, with evidence.
pub fn to_text(result: &SearchResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\"{}\" (compared as \"{}\"): {} track(s)",
        result.phrase,
        result.folded,
        result.tracks.len()
    );
    for track in &result.tracks {
        let which = if track.on_main {
            "main: conference outcomes".to_string()
        } else {
            format!("{}: proposals, not outcomes", track.reference)
        };
        let _ = writeln!(out, "\n{} [{which}]", track.path);
        for event in &track.events {
            let what = match event.kind {
                EventKind::FirstInCorpus => "present in the earliest text held,",
                EventKind::Appeared => "appeared in",
                EventKind::Disappeared => "disappeared in",
            };
            let _ = write!(out, "  {what} {}", describe_point(&event.version));
            if let Some(commit) = &event.version.commit {
                let _ = write!(out, " {}", &commit[..commit.len().min(12)]);
            }
            if let Some(previous) = &event.previous {
                let _ = write!(out, " (after {})", previous.name);
            }
            if !event.or_unknown_before.is_empty() {
                let names: Vec<&str> = event
                    .or_unknown_before
                    .iter()
                    .map(|v| v.name.as_str())
                    .collect();
                let _ = write!(out, " or at {} (text not in the history)", names.join(", "));
            }
            out.push('\n');
            for o in &event.evidence {
                let _ = writeln!(out, "    {}", occurrence_line(o));
            }
        }
        let names: Vec<&str> = track
            .present_in
            .iter()
            .map(|p| p.version.name.as_str())
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "  present in: {}", names.join(", "));
        }
    }
    out
}

fn occurrence_line(o: &Occurrence) -> String {
    let mut s = format!("line {}: ", o.line);
    if o.unsettled {
        s.push_str("[unsettled] ");
    }
    if let Some(label) = &o.label {
        s.push_str(label);
        s.push(' ');
    }
    s.push_str(&o.text);
    s
}
