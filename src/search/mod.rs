//! Where a phrase appears in the history: `actes search`.
//!
//! A historian asks when a formula ("sécurité dès la conception") entered the texts, where it
//! stands now and when it went. The answer lists, for each text file (one instrument in one
//! language) and each line of history (`main`, the outcomes of conferences, and every proposal
//! ref, proposals only), the versions that contain the phrase with the lines where it stands, and
//! the points where it appeared and disappeared, each with its evidence: the commit, the
//! conference or proposal and its status, the line.
//!
//! Matching ignores case, accents and spacing ([`crate::text::fold`]) and works line by line, so a
//! phrase never matches across two paragraphs. The events come from [`phrase_events`], which works
//! on plain presence sequences and knows nothing of git; [`load`] walks the history.

pub mod load;

use serde::Serialize;

use crate::history::layout::split_line;
use crate::history::point::VersionPoint;

/// One line of a text where the phrase stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// The line number in the text file, from 1.
    pub line: usize,
    pub label: Option<String>,
    /// The paragraph's text (after its label).
    pub text: String,
    /// The paragraph is unsettled (`[?] `): the phrase's presence there is not settled either.
    pub unsettled: bool,
}

/// The lines of `text` that contain `folded_phrase` (already folded with [`crate::text::fold`]).
pub fn find_in_text(folded_phrase: &str, text: &str) -> Vec<Occurrence> {
    if folded_phrase.is_empty() {
        return Vec::new();
    }
    let mut buffer = String::new();
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            crate::text::fold_into(line, &mut buffer);
            buffer.contains(folded_phrase)
        })
        .map(|(i, line)| {
            let parts = split_line(line);
            Occurrence {
                line: i + 1,
                label: parts.label.map(str::to_string),
                text: parts.text.to_string(),
                unsettled: parts.unsettled,
            }
        })
        .collect()
}

/// Whether a phrase came or went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// In the earliest text of the line of history: it may be older, the history cannot say.
    FirstInCorpus,
    /// Absent before, present here.
    Appeared,
    /// Present before, absent here.
    Disappeared,
}

/// A change of presence at one version of a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceChange {
    pub kind: EventKind,
    /// The index of the version where it happened.
    pub at: usize,
    /// The last version with text before `at`, if any.
    pub previous: Option<usize>,
    /// Versions between `previous` and `at` whose text the history does not hold: the change may
    /// have happened at any of them instead.
    pub or_unknown_before: Vec<usize>,
}

/// The points where a phrase appeared and disappeared along one sequence of versions, oldest
/// first: `Some(true)` contains it, `Some(false)` does not, `None` has no text (never taken for
/// an absence). `start` is the presence before the sequence (for a proposal ref, in its base).
pub fn phrase_events(presence: &[Option<bool>], start: Option<bool>) -> Vec<PresenceChange> {
    let mut out = Vec::new();
    let mut state = start;
    let mut previous: Option<usize> = None;
    let mut unknown = Vec::new();
    for (k, p) in presence.iter().enumerate() {
        let Some(present) = *p else {
            unknown.push(k);
            continue;
        };
        let kind = match (state, present) {
            (None, true) => Some(EventKind::FirstInCorpus),
            (Some(false), true) => Some(EventKind::Appeared),
            (Some(true), false) => Some(EventKind::Disappeared),
            _ => None,
        };
        if let Some(kind) = kind {
            out.push(PresenceChange {
                kind,
                at: k,
                previous,
                or_unknown_before: if state.is_some() {
                    unknown.clone()
                } else {
                    Vec::new()
                },
            });
        }
        state = Some(present);
        previous = Some(k);
        unknown.clear();
    }
    out
}

/// A version that contains the phrase, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Presence {
    pub version: VersionPoint,
    pub lines: Vec<Occurrence>,
}

/// A coming or going of the phrase, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhraseEvent {
    pub kind: EventKind,
    /// Where: the conference or proposal, its status and commit.
    pub version: VersionPoint,
    /// The version before, where the phrase was absent (appeared) or present (disappeared).
    pub previous: Option<VersionPoint>,
    /// The lines that show it: where it stands now (appeared), or where it stood in `previous`
    /// (disappeared).
    pub evidence: Vec<Occurrence>,
    /// Versions whose text the history does not hold, where the change may have happened
    /// instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub or_unknown_before: Vec<VersionPoint>,
}

/// The phrase in one text file along one line of history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Track {
    /// The text file (`pp/resolution/130/fr.txt`).
    pub path: String,
    /// `refs/heads/main` or a proposal ref.
    pub reference: String,
    /// `true` on main (outcomes), `false` on a proposal ref (proposals, not outcomes).
    pub on_main: bool,
    /// The versions that contain the phrase, oldest first.
    pub present_in: Vec<Presence>,
    pub events: Vec<PhraseEvent>,
}

/// Everything a search found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchResult {
    pub phrase: String,
    /// The phrase as compared: folded (no case, no accents, single spaces).
    pub folded: String,
    /// Tracks of main first, then of proposal refs, each by path.
    pub tracks: Vec<Track>,
}

/// One version of a file along a line of history, for [`build_track`].
#[derive(Debug, Clone)]
pub struct TrackVersion {
    pub point: VersionPoint,
    /// The lines holding the phrase; `None` where the history holds no text.
    pub occurrences: Option<Vec<Occurrence>>,
}

/// Builds a track from the versions of one file along one line of history. `base` is the state of
/// the file where the line of history starts (a proposal ref's base conference commit), whose
/// own presence is reported on `main`, not here.
pub fn build_track(
    path: &str,
    reference: &str,
    on_main: bool,
    base: Option<&TrackVersion>,
    versions: &[TrackVersion],
) -> Option<Track> {
    let presence: Vec<Option<bool>> = versions
        .iter()
        .map(|v| v.occurrences.as_ref().map(|o| !o.is_empty()))
        .collect();
    let start = base.and_then(|b| b.occurrences.as_ref().map(|o| !o.is_empty()));
    let present_in: Vec<Presence> = versions
        .iter()
        .filter_map(|v| match &v.occurrences {
            Some(o) if !o.is_empty() => Some(Presence {
                version: v.point.clone(),
                lines: o.clone(),
            }),
            _ => None,
        })
        .collect();
    let events: Vec<PhraseEvent> = phrase_events(&presence, start)
        .into_iter()
        .map(|change| {
            let previous = match change.previous {
                Some(p) => Some(&versions[p]),
                None if change.kind != EventKind::FirstInCorpus => base,
                None => None,
            };
            let evidence = match change.kind {
                EventKind::Disappeared => previous.and_then(|p| p.occurrences.clone()),
                _ => versions[change.at].occurrences.clone(),
            }
            .unwrap_or_default();
            PhraseEvent {
                kind: change.kind,
                version: versions[change.at].point.clone(),
                previous: previous.map(|p| p.point.clone()),
                evidence,
                or_unknown_before: change
                    .or_unknown_before
                    .iter()
                    .map(|&i| versions[i].point.clone())
                    .collect(),
            }
        })
        .collect();
    if present_in.is_empty() && events.is_empty() {
        return None;
    }
    Some(Track {
        path: path.to_string(),
        reference: reference.to_string(),
        on_main,
        present_in,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn a_phrase_is_found_whatever_its_case_accents_and_spacing() {
        let text = "H\n10\td'encourager l'examen de la SECURITE  dès la\u{a0}conception\n";
        let hits = find_in_text(&fold("sécurité dès la conception"), text);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].line, 2);
        assert_eq!(hits[0].label.as_deref(), Some("10"));
    }

    #[test]
    fn events_skip_versions_without_text() {
        let events = phrase_events(&[Some(false), None, Some(true), Some(false)], None);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].kind, EventKind::Appeared);
        assert_eq!(events[0].at, 2);
        assert_eq!(events[0].or_unknown_before, vec![1]);
        assert_eq!(events[1].kind, EventKind::Disappeared);
        assert_eq!(events[1].at, 3);
    }

    #[test]
    fn a_phrase_already_in_the_base_is_no_event_on_a_proposal_ref() {
        assert!(phrase_events(&[Some(true), Some(true)], Some(true)).is_empty());
        let events = phrase_events(&[Some(false), Some(true)], Some(false));
        assert_eq!(events[0].kind, EventKind::Appeared);
        assert_eq!(events[0].at, 1);
    }
}
