//! Which conference, and which proposal, brought in each paragraph of a text: `actes blame`.
//!
//! Historians ask of a resolution's paragraph who put it there. The history stores each text one
//! paragraph per line (`label<TAB>text`, see docs/architecture.md), so the answer comes from
//! following each line back through the versions of the text, oldest first. Unlike `git blame`,
//! a paragraph only renumbered (`c)` now `b)`) keeps its origin, because lines are paired by the
//! words after the label ([`matching`]); a paragraph whose words changed says both where it last
//! changed and where it first appeared; a paragraph that the reader could not settle (`[?] `) is
//! credited to nobody; and a version of the text that no source gives is never taken for a
//! deletion: a change seen across it is reported as made "there or in the unknown versions
//! before".
//!
//! The attribution ([`attribute`]) works on plain version sequences and knows nothing of git;
//! [`load`] reads the sequence from the history; [`crate::render::blame`] (text) and
//! [`crate::render::blame_html`] (HTML) print the result.

pub mod load;
pub mod matching;

use std::collections::HashMap;

use serde::Serialize;

pub use matching::SIMILARITY_THRESHOLD;

/// The prefix of a paragraph that the reader could not settle.
pub use crate::history::layout::UNCERTAIN_MARKER as UNSETTLED_PREFIX;
pub use crate::history::layout::{split_line, LineParts};
pub use crate::history::point::{PointKind, VersionPoint};

/// One version of a text: where it stands and its lines, or `None` where the history holds no
/// text at that point (the instrument existed but no source gives its words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub point: VersionPoint,
    pub lines: Option<Vec<String>>,
}

impl Version {
    /// A version from a point and the text's content (split into lines; a final newline ends the
    /// last line).
    pub fn from_text(point: VersionPoint, text: Option<&str>) -> Self {
        Version {
            point,
            lines: text.map(|t| t.lines().map(str::to_string).collect()),
        }
    }
}

/// What a line of the text is, by its place and shape in the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    /// The first line: `RÉSOLUTION 130 (Rév. Busan, 2014)`.
    Header,
    /// The second line.
    Title,
    /// A labelled paragraph (`a)`, `1`, `i)`, `–`).
    Item,
    /// A footnote (`[^1]<TAB>...`).
    Footnote,
    /// A bracketed note of the history (`[body not reproduced in the source]`).
    Note,
    /// Anything else: the formula, a section heading, a plain paragraph.
    Text,
}

fn line_kind(index: usize, parts: &LineParts<'_>) -> LineKind {
    match (index, parts.label) {
        (_, Some(label)) if label.starts_with("[^") => LineKind::Footnote,
        (_, Some(_)) => LineKind::Item,
        (0, None) => LineKind::Header,
        (1, None) => LineKind::Title,
        (_, None) if parts.text.starts_with('[') && parts.text.ends_with(']') => LineKind::Note,
        _ => LineKind::Text,
    }
}

/// How a line's present wording came to be where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Arrival {
    /// Present in the earliest version of the text the history holds: it may be older, the
    /// history cannot say.
    FirstInCorpus,
    /// New at this point.
    Introduced,
    /// New at this point, but the same words stood in an earlier version and were deleted in
    /// between.
    Reinserted,
    /// Its words changed at this point; the paragraph itself is older.
    Modified,
}

/// A label change that a paragraph went through without a change of words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renumbering {
    /// The version index (into [`Blame::versions`]) where it happened.
    pub at: usize,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Where a settled line's wording comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// The version (index into [`Blame::versions`]) that brought in the present wording: where it
    /// was introduced or last changed.
    pub wording: usize,
    pub arrival: Arrival,
    /// The version where the paragraph first appeared (equal to `wording` unless the words
    /// changed later or the paragraph was deleted and reinserted).
    pub first_appeared: usize,
    /// For a modified paragraph: how similar it is to its previous wording, in thousandths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<u16>,
    /// For a modified paragraph: its previous wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_text: Option<String>,
    /// Versions just before `wording` whose text the history does not hold: the change may have
    /// been made at any of them rather than at `wording`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub or_unknown_before: Vec<usize>,
    /// Versions where the same paragraph stood unsettled (`[?] `) since it arrived.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unsettled_in: Vec<usize>,
    /// Label changes since its wording arrived.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renumbered: Vec<Renumbering>,
}

/// The verdict on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Attribution {
    /// Credited to a version.
    Credited(Credit),
    /// The reader could not settle this paragraph: it is credited to no version.
    Unsettled,
}

/// One line of the blamed text and its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlamedLine {
    /// The line number in the text file, from 1.
    pub number: usize,
    pub kind: LineKind,
    pub label: Option<String>,
    pub text: String,
    pub attribution: Attribution,
}

/// Every line of a text at one point, with where each came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blame {
    /// The versions considered, oldest first; the last is the one blamed.
    pub versions: Vec<VersionPoint>,
    /// For each version, whether the history holds its text.
    pub has_text: Vec<bool>,
    pub lines: Vec<BlamedLine>,
}

impl Blame {
    /// The version blamed.
    pub fn at(&self) -> &VersionPoint {
        self.versions
            .last()
            .expect("a blame holds at least the version it explains")
    }

    /// The versions credited with at least one line, in history order (for legends).
    pub fn credited_versions(&self) -> Vec<usize> {
        let mut used = vec![false; self.versions.len()];
        for line in &self.lines {
            if let Attribution::Credited(c) = &line.attribution {
                used[c.wording] = true;
                used[c.first_appeared] = true;
            }
        }
        (0..self.versions.len()).filter(|&i| used[i]).collect()
    }
}

/// Why a sequence of versions cannot be blamed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttributeError {
    #[error("there is no version to blame")]
    NoVersions,
    #[error("the history holds no text of this instrument at {point}")]
    NoTextAt { point: String },
}

/// The running state of one line while walking the versions.
#[derive(Debug, Clone)]
struct LineState {
    wording: usize,
    arrival: Arrival,
    first_appeared: usize,
    similarity: Option<u16>,
    previous_text: Option<String>,
    or_unknown_before: Vec<usize>,
    unsettled_in: Vec<usize>,
    renumbered: Vec<Renumbering>,
}

/// Credits each line of the last version of `versions` (oldest first) to the version that
/// brought in its wording.
///
/// Versions without text are skipped over, never taken for deletions: a change seen across them
/// is credited to the next version with text and lists them in `or_unknown_before`. The last
/// version must hold a text.
pub fn attribute(versions: &[Version]) -> Result<Blame, AttributeError> {
    let last = versions.last().ok_or(AttributeError::NoVersions)?;
    let Some(last_lines) = &last.lines else {
        return Err(AttributeError::NoTextAt {
            point: last.point.name.clone(),
        });
    };

    let mut states: Vec<LineState> = Vec::new();
    let mut previous: Option<&[String]> = None;
    let mut unknown_since_previous: Vec<usize> = Vec::new();
    // The first version in which each wording (key) was seen, for reinsertions.
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let mut seen_any = false;

    for (k, version) in versions.iter().enumerate() {
        let Some(lines) = &version.lines else {
            if seen_any {
                unknown_since_previous.push(k);
            }
            continue;
        };
        let parts: Vec<LineParts<'_>> = lines.iter().map(|l| split_line(l)).collect();
        let mut next: Vec<LineState> = Vec::with_capacity(lines.len());
        match previous {
            None => {
                for _ in &parts {
                    next.push(LineState {
                        wording: k,
                        arrival: Arrival::FirstInCorpus,
                        first_appeared: k,
                        similarity: None,
                        previous_text: None,
                        or_unknown_before: Vec::new(),
                        unsettled_in: Vec::new(),
                        renumbered: Vec::new(),
                    });
                }
            }
            Some(old_lines) => {
                let old_parts: Vec<LineParts<'_>> =
                    old_lines.iter().map(|l| split_line(l)).collect();
                let old_keys: Vec<&str> = old_parts.iter().map(|p| p.text).collect();
                let new_keys: Vec<&str> = parts.iter().map(|p| p.text).collect();
                let pairs = matching::pair_lines(&old_keys, &new_keys);
                for (n, pairing) in pairs.into_iter().enumerate() {
                    let state = match pairing {
                        Some(matching::Pairing::Identical { old }) => {
                            let mut s = states[old].clone();
                            if old_parts[old].label != parts[n].label {
                                s.renumbered.push(Renumbering {
                                    at: k,
                                    from: old_parts[old].label.map(str::to_string),
                                    to: parts[n].label.map(str::to_string),
                                });
                            }
                            s
                        }
                        Some(matching::Pairing::Similar { old, similarity }) => LineState {
                            wording: k,
                            arrival: Arrival::Modified,
                            first_appeared: states[old].first_appeared,
                            similarity: Some(similarity),
                            previous_text: Some(old_parts[old].text.to_string()),
                            or_unknown_before: unknown_since_previous.clone(),
                            unsettled_in: Vec::new(),
                            renumbered: Vec::new(),
                        },
                        None => {
                            let earlier = first_seen.get(parts[n].text).copied();
                            LineState {
                                wording: k,
                                arrival: if earlier.is_some() {
                                    Arrival::Reinserted
                                } else {
                                    Arrival::Introduced
                                },
                                first_appeared: earlier.unwrap_or(k),
                                similarity: None,
                                previous_text: None,
                                or_unknown_before: unknown_since_previous.clone(),
                                unsettled_in: Vec::new(),
                                renumbered: Vec::new(),
                            }
                        }
                    };
                    next.push(state);
                }
            }
        }
        for (state, p) in next.iter_mut().zip(&parts) {
            if p.unsettled && state.unsettled_in.last() != Some(&k) {
                state.unsettled_in.push(k);
            }
        }
        for p in &parts {
            first_seen.entry(p.text).or_insert(k);
        }
        states = next;
        previous = Some(lines);
        unknown_since_previous.clear();
        seen_any = true;
    }

    let last_index = versions.len() - 1;
    let lines = last_lines
        .iter()
        .zip(states)
        .enumerate()
        .map(|(i, (line, mut state))| {
            let parts = split_line(line);
            let attribution = if parts.unsettled {
                Attribution::Unsettled
            } else {
                state.unsettled_in.retain(|&v| v != last_index);
                Attribution::Credited(Credit {
                    wording: state.wording,
                    arrival: state.arrival,
                    first_appeared: state.first_appeared,
                    similarity: state.similarity,
                    previous_text: state.previous_text,
                    or_unknown_before: state.or_unknown_before,
                    unsettled_in: state.unsettled_in,
                    renumbered: state.renumbered,
                })
            };
            BlamedLine {
                number: i + 1,
                kind: line_kind(i, &parts),
                label: parts.label.map(str::to_string),
                text: parts.text.to_string(),
                attribution,
            }
        })
        .collect();

    Ok(Blame {
        versions: versions.iter().map(|v| v.point.clone()).collect(),
        has_text: versions.iter().map(|v| v.lines.is_some()).collect(),
        lines,
    })
}
