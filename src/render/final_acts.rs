//! The text renderings of `actes ingest` for a Final Acts file in Akoma Ntoso: each instrument
//! with its revision, title, sections and what was repaired, the abrogated lists, and the
//! `--uncertain` listing of every repair and unsettled point with its element id.

use std::fmt::Write as _;

use serde::Serialize;

use crate::reader::akn::{AknFinding, FinalActs};

/// One repair or unsettled point with its instrument (`--uncertain --format json`).
#[derive(Debug, Serialize)]
pub struct FinalActsFinding<'a> {
    /// The instrument it belongs to (`pp resolution 130`).
    pub instrument: String,
    #[serde(flatten)]
    pub finding: &'a AknFinding,
}

/// Every repair and unsettled point of the file, instrument by instrument.
pub fn findings(acts: &FinalActs) -> Vec<FinalActsFinding<'_>> {
    acts.instruments
        .iter()
        .flat_map(|i| {
            i.uncertain.iter().map(|f| FinalActsFinding {
                instrument: i.target.to_string(),
                finding: f,
            })
        })
        .collect()
}

/// `actes ingest FILE.xml` as text.
pub fn final_acts_text(acts: &FinalActs) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: Final Acts of {}, {} instrument{}, {} abrogated, language {}",
        acts.source,
        acts.conference,
        acts.instruments.len(),
        plural(acts.instruments.len()),
        acts.abrogated.len(),
        acts.language
    );
    if let Some(date) = &acts.date_in_file {
        let _ = writeln!(s, "date in the file: {date}");
    }
    for note in &acts.notes {
        let _ = writeln!(s, "note: {note}");
    }
    for i in &acts.instruments {
        let text = &i.text;
        let paragraphs: usize = text.sections.iter().map(|x| x.paragraphs.len()).sum();
        let footnotes: usize = text
            .sections
            .iter()
            .flat_map(|x| &x.paragraphs)
            .map(|p| p.footnotes.len())
            .sum::<usize>()
            + i.title_footnotes.len();
        let repaired = i.uncertain.iter().filter(|f| f.repaired).count();
        let _ = writeln!(s);
        let _ = writeln!(s, "{}  {:?}  {}", text.header, i.event, i.evidence);
        let _ = writeln!(s, "  target: {}", i.target);
        let _ = writeln!(s, "  title: {}", text.title);
        if !matches!(i.title_state, crate::reader::akn::repair::TitleState::Whole) {
            let _ = writeln!(s, "  title state: {:?}", i.title_state);
        }
        let headings: Vec<&str> = text.sections.iter().map(|x| x.heading.as_str()).collect();
        let _ = writeln!(
            s,
            "  {} section{}, {} paragraph{}, {} footnote{}, {} citation{}",
            text.sections.len(),
            plural(text.sections.len()),
            paragraphs,
            plural(paragraphs),
            footnotes,
            plural(footnotes),
            i.citations.len(),
            plural(i.citations.len())
        );
        let _ = writeln!(s, "  sections: {}", headings.join(" | "));
        let _ = writeln!(
            s,
            "  repairs: {repaired}, unsettled: {}",
            i.uncertain.len() - repaired
        );
    }
    if !acts.abrogated.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "abrogated:");
        for a in &acts.abrogated {
            let _ = writeln!(s, "  {} ({})  {}", a.target, a.label, a.title);
        }
    }
    s
}

/// `actes ingest FILE.xml --uncertain` as text.
pub fn findings_text(acts: &FinalActs) -> String {
    let mut s = String::new();
    let all = findings(acts);
    let _ = writeln!(
        s,
        "{}: {} repair{} and unsettled point{}",
        acts.source,
        all.len(),
        plural(all.len()),
        plural(all.len())
    );
    for f in all {
        let u = &f.finding.at;
        let _ = writeln!(
            s,
            "{}  line {}  {}  {}  {}{}",
            f.instrument,
            u.line,
            f.finding.element,
            if f.finding.repaired {
                "repaired"
            } else {
                "unsettled"
            },
            u.what,
            if u.excerpt.is_empty() {
                String::new()
            } else {
                format!("  {}", u.excerpt)
            }
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
