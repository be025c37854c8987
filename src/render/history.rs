//! The text renderings of the history commands: `actes log` (the conference commits and the
//! proposal refs), `actes show` (a text with where it stood), `actes diff` (a redline with its
//! two sides) and `actes build` (what the build wrote). The CLI reads the history; these print it.

use crate::history::absence::Absence;
use crate::history::diff::{DiffAccount, DiffSide, Redline, VersionChange};
use crate::history::read::{CommitInfo, ProposalRef, Resolved, RevisionKind};
use crate::history::versions::DiffChoice;
use crate::history::write::{WriteOutcome, WriteReport};
use crate::model::{InstrumentId, Language};

use super::short_id;

/// `actes log` as text: one line per conference commit, then each proposal ref's commits.
pub fn log_text(conferences: &[CommitInfo], proposals: Option<&[ProposalRef]>) -> String {
    let mut text = String::new();
    for c in conferences {
        let name = c
            .conference
            .as_ref()
            .map_or_else(|| "?".to_string(), |id| id.0.clone());
        text.push_str(&format!(
            "{}  {:<18} {}  {}\n",
            c.date,
            name,
            short_id(&c.id),
            c.summary
        ));
    }
    for r in proposals.into_iter().flatten() {
        let base = r
            .base_conference
            .as_ref()
            .map_or_else(|| "no base".to_string(), |c| format!("on {c}"));
        text.push_str(&format!(
            "\n{} ({base}; proposals, not outcomes)\n",
            r.reference
        ));
        for c in &r.commits {
            text.push_str(&format!(
                "  {}  {:<16} {}  {}\n",
                c.date,
                c.proposal.as_deref().unwrap_or("?"),
                short_id(&c.id),
                c.summary
            ));
        }
    }
    text
}

/// `actes build` as text: created, unchanged or replaced, the counts, and each ref changed.
pub fn build_text(report: &WriteReport) -> String {
    let main = report
        .main
        .as_deref()
        .map(short_id)
        .unwrap_or_else(|| "-".into());
    let mut text = String::new();
    match report.outcome {
        WriteOutcome::Created => text.push_str(&format!(
            "Created {} (main {main}).\n",
            report.repository.display()
        )),
        WriteOutcome::Unchanged => text.push_str(&format!(
            "Unchanged: {} already holds this history (main {main}).\n",
            report.repository.display()
        )),
        WriteOutcome::Replaced => text.push_str(&format!(
            "Replaced the history in {} in one step: main {} -> {main}.\n",
            report.repository.display(),
            report
                .old_main
                .as_deref()
                .map(short_id)
                .unwrap_or_else(|| "-".into()),
        )),
        WriteOutcome::Repaired => text.push_str(&format!(
            "Repaired {}: it was damaged; every object was written again (main {main}).\n",
            report.repository.display()
        )),
        WriteOutcome::Rewritten => text.push_str(&format!(
            "Rewrote every object of {} (main {main}).\n",
            report.repository.display()
        )),
    }
    text.push_str(&format!(
        "{} commits, {} refs, {} objects ({} written).\n",
        report.commits,
        report.refs.len(),
        report.objects,
        report.objects_written
    ));
    for change in &report.changed_refs {
        let (mark, id) = match (&change.old, &change.new) {
            (None, Some(new)) => ('+', short_id(new)),
            (Some(old), None) => ('-', short_id(old)),
            (Some(old), Some(new)) => ('~', format!("{} -> {}", short_id(old), short_id(new))),
            (None, None) => continue,
        };
        text.push_str(&format!("  {mark} {} {id}\n", change.name));
    }
    text
}

/// `actes show` as text: a heading saying where the text stood (a proposal is not an outcome), then
/// the text.
pub fn show_text(
    instrument: &InstrumentId,
    language: Language,
    at: &Resolved,
    text: &str,
) -> String {
    let context = match at.kind {
        RevisionKind::Proposal => format!(
            "as proposed by {} on {} (a proposal, not an outcome)",
            at.label, at.line
        ),
        _ => format!("as it stood after {}", at.label),
    };
    format!(
        "# {instrument} ({language}), {context}; commit {}\n\n{text}",
        short_id(&at.commit)
    )
}

/// `actes diff` as text: the two sides (a proposal is not an outcome), the counts and the
/// redline, then the account of what could not be compared.
pub fn diff_text(
    instrument: &InstrumentId,
    language: Language,
    compared: Option<(&DiffSide, &DiffSide, &Redline)>,
    account: Option<&str>,
    color: bool,
) -> String {
    let mut text = String::new();
    if let Some((from, to, redline)) = compared {
        let note = |s: &DiffSide| {
            if s.status == "proposed" {
                " (proposed, not an outcome)"
            } else {
                ""
            }
        };
        text.push_str(&format!(
            "# {instrument} ({language}): {}{} -> {}{}\n",
            from.label,
            note(from),
            to.label,
            note(to)
        ));
        if redline.is_unchanged() {
            text.push_str("(no change)\n");
        } else {
            let (changed, deleted, inserted) = redline.counts();
            text.push_str(&format!(
                "# {changed} paragraphs changed, {deleted} deleted, {inserted} inserted\n\n"
            ));
            text.push_str(&if color {
                super::redline::ansi_text(redline)
            } else {
                super::redline::plain_text(redline)
            });
        }
    }
    if let Some(account) = account {
        text.push_str(account);
    }
    text
}

/// Why there is no text (`actes show`, `actes diff`) in words, one fact a line.
pub fn absence_text(
    absence: &Absence,
    instrument: &InstrumentId,
    language: Language,
    at: &str,
) -> String {
    let mut out = String::new();
    match absence {
        Absence::TextNotInSources {
            notes,
            evidence,
            other_languages,
        } => {
            out.push_str(&format!(
                "No {language} text of {instrument} at {at}: the instrument is in the history there, but the sources do not give this text.\n"
            ));
            for note in notes {
                out.push_str(&format!("  note: {note}\n"));
            }
            for e in evidence {
                out.push_str(&format!("  evidence: {e}\n"));
            }
            if !other_languages.is_empty() {
                out.push_str(&format!(
                    "  texts there in: {}\n",
                    other_languages.join(", ")
                ));
            }
            out.push_str(&format!(
                "  see its record: git show {at}:{}/meta.json\n",
                instrument.tree_dir()
            ));
        }
        Absence::Suppressed { at: when, evidence } => {
            match when {
                Some(when) => out.push_str(&format!(
                    "No text of {instrument} at {at}: it was suppressed at {when}.\n"
                )),
                None => out.push_str(&format!(
                    "No text of {instrument} at {at}: it was removed from the corpus before then.\n"
                )),
            }
            for e in evidence {
                out.push_str(&format!("  evidence: {e}\n"));
            }
        }
        Absence::ProposedSuppression { proposal, evidence } => {
            out.push_str(&format!(
                "No text of {instrument} at {at}: {proposal} proposes to suppress it (a proposal, not an outcome).\n"
            ));
            for e in evidence {
                out.push_str(&format!("  evidence: {e}\n"));
            }
        }
        Absence::OnlyProposed { proposal } => out.push_str(&format!(
            "No text of {instrument} at {at}: it is not in the adopted corpus; it exists only as proposed by {proposal} (not an outcome): actes show '{}' --at {proposal}\n",
            instrument.designation()
        )),
        Absence::NotYetInCorpus { first } => out.push_str(&format!(
            "No text of {instrument} at {at}: it is not yet in the corpus there; it first appears at {first}.\n"
        )),
        Absence::KnownWithoutText { evidence } => {
            out.push_str(&format!(
                "No text of {instrument} at {at}: its text is not in the sources; the corpus knows it there only from other facts (see `actes lineage '{}'`).\n",
                instrument.designation()
            ));
            for e in evidence {
                out.push_str(&format!("  evidence: {e}\n"));
            }
        }
        Absence::ConferenceNotRecorded {
            conference,
            recorded,
        } => out.push_str(&format!(
            "No text of {instrument} at {conference}: the sources give no text after that conference; the history records texts at: {}.\n",
            recorded.join(", ")
        )),
        Absence::Unknown => out.push_str(&format!(
            "{instrument} is not in the history at {at}, nor anywhere on its line.\n"
        )),
    }
    out
}

/// `actes diff`'s account in words: why nothing is compared, or what became of the text after.
/// `actes diff --format json`: the two sides, the redline, and why nothing is compared (in
/// words), when nothing is.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DiffJson<'a> {
    pub instrument: &'a InstrumentId,
    pub language: Language,
    pub from: Option<DiffSide>,
    pub to: Option<DiffSide>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redline: Option<Redline>,
    /// Why there is nothing to compare, when there is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}

/// The JSON shape of a diff's choice of versions (see [`crate::history::versions::choose_diff`]).
pub fn diff_json<'a>(
    instrument: &'a InstrumentId,
    language: Language,
    choice: &DiffChoice,
    redline: Option<Redline>,
) -> DiffJson<'a> {
    DiffJson {
        instrument,
        language,
        from: choice.from.as_ref().map(|(s, _)| s.clone()),
        to: choice.to.as_ref().map(|(s, _)| s.clone()),
        redline,
        account: choice
            .account
            .as_ref()
            .map(|a| diff_account_text(a, instrument, language)),
    }
}

pub fn diff_account_text(
    account: &DiffAccount,
    instrument: &InstrumentId,
    language: Language,
) -> String {
    match account {
        DiffAccount::Absent(sides) => sides
            .iter()
            .map(|(label, absence)| absence_text(absence, instrument, language, label))
            .collect(),
        DiffAccount::FirstText { at } => format!(
            "No earlier {language} text of {instrument} before {at} on its line of history: this is its first text in the corpus.\n"
        ),
        DiffAccount::GoneAfter { at, latest, absence } => format!(
            "\nAfter that, at {at}: {}",
            absence_text(absence, instrument, language, latest)
        ),
        DiffAccount::NothingOnMain {
            versions,
            latest,
            absence,
            proposals,
            typed,
        } => {
            let mut account =
                format!("No two adopted {language} texts of {instrument} to compare on main.\n");
            for (label, change) in versions {
                let what = match change {
                    VersionChange::Gone => "no text from here on",
                    VersionChange::First => "first text in the corpus",
                    VersionChange::Changed => "text changed",
                };
                account.push_str(&format!("  {label}: {what}\n"));
            }
            if let Some(absence) = absence {
                account.push_str(&absence_text(absence, instrument, language, latest));
            }
            let name = if typed.contains(' ') {
                format!("'{typed}'")
            } else {
                typed.clone()
            };
            for p in proposals {
                account.push_str(&format!(
                    "  proposed by {p} (not an outcome): actes diff {name} {p}\n"
                ));
            }
            account
        }
    }
}
