//! Matches what a proposal put forward against what a conference adopted, on anchors only (see
//! [`super::anchors`]), so that a French proposal can be read against an English adopted text:
//! each change of a `MOD` against the adopted text, a draft (`ADD`) against the new instruments
//! of the conference, an abrogated instrument against the instruments adopted with its
//! abrogation. Every answer is inferred, with its score, the anchors it rests on and where they
//! stand, and a confidence.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::anchors::{text_anchors, Anchor, AnchorKind, ParagraphAnchors, TextAnchors};
use crate::model::{
    Change, Citation, EvidenceKind, InstrumentId, InstrumentText, Language, LineSpan,
};

/// A change is taken up when at least this share of its anchor weight shows in the adopted
/// paragraph that matches it (for a deletion: is absent from it). Three quarters leaves room for
/// a year or a name that the adopted text words otherwise.
pub const TAKEN_UP: f64 = 0.75;

/// A change is taken up in part when at least this share of its anchor weight shows (is absent,
/// for a deletion); below, it is not found.
pub const TAKEN_UP_IN_PART: f64 = 0.25;

/// A change whose anchors weigh less than this (one UN resolution number is 4, one cited
/// instrument 3 plus 1 for its revision, two acronyms 3) cannot be told apart from any other
/// paragraph: it is reported as `cannot-tell`, never guessed.
pub const MIN_CHANGE_WEIGHT: f64 = 2.0;

/// A draft became a new instrument only if their text score ([`text_score`]) reaches this, with
/// at least [`MIN_SHARED_WEIGHT`] of shared anchors. Chosen so that the two texts of the same
/// subject written apart in different words, as the tests make them, score above it (0.4 and
/// more), while texts on unrelated subjects score at most 0.15 with the anchors every ITU text
/// shares (ITU, ICT, a year); the property tests check random unrelated texts stay below it.
pub const DRAFT_THRESHOLD: f64 = 0.3;

/// An abrogated instrument is `succeeded by` a new one of the same conference only if their text
/// score reaches this, with at least [`MIN_SHARED_WEIGHT`] of shared anchors. Higher than
/// [`DRAFT_THRESHOLD`]: what is known of an abrogated instrument is often only its title and its
/// citations, and a few shared anchors weigh more in a short text.
pub const SUCCESSOR_THRESHOLD: f64 = 0.35;

/// The least weight of anchors two texts must share for a link between them: one cited
/// instrument (3), or two acronyms (3). A score resting on less (a year and a name) links
/// nothing, however high.
pub const MIN_SHARED_WEIGHT: f64 = 3.0;

/// How far an inferred answer can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// What a proposal did to one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Inserted,
    Deleted,
    Modified,
}

/// What became of one change in the adopted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// At least [`TAKEN_UP`] of its anchor weight shows (a deletion: is gone).
    TakenUp,
    /// At least [`TAKEN_UP_IN_PART`].
    TakenUpInPart,
    /// Less.
    NotFound,
    /// Its anchors weigh less than [`MIN_CHANGE_WEIGHT`]: nothing language-independent to go on.
    CannotTell,
}

/// Where a paragraph stands in a text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// The section's heading as the text writes it.
    pub heading: String,
    pub label: Option<String>,
    /// Index of the section in the text and of the paragraph in the section, from 0.
    pub section: usize,
    pub paragraph: usize,
    pub lines: LineSpan,
}

/// One anchor of a change and where the adopted text has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnchorFinding {
    /// The anchor as the proposal writes it.
    pub anchor: Anchor,
    /// `true` for an anchor the change removes (a deleted paragraph's, or one a modification
    /// takes out), `false` for one it brings or keeps.
    pub removed: bool,
    /// Whether the matched adopted paragraph has it.
    pub in_match: bool,
    /// Every adopted paragraph that has it, in text order (the first [`MAX_PLACES`]).
    pub found_at: Vec<Location>,
    /// How the adopted text writes it, where it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_as_written: Option<String>,
}

/// At most this many places are listed for one anchor.
pub const MAX_PLACES: usize = 5;

/// A change found in another section than the one matching its own, on anchors other than numbers
/// and years weighing at least [`MIN_SHARED_WEIGHT`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    /// The adopted section that matches the section the proposal put it in.
    pub expected: Option<String>,
    /// The adopted section it was found in.
    pub found: String,
}

/// What became of one change of a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeOutcome {
    pub change: ChangeKind,
    /// Where the proposal makes it: in the proposed text for an insertion or a modification, in
    /// the text before the proposal for a deletion.
    pub proposed_at: Location,
    pub verdict: Verdict,
    /// The share of the change's anchor weight that shows in the adopted text (for a deletion:
    /// that is absent from it), in [0, 1].
    pub score: f64,
    /// The weight of the change's anchors.
    pub weight: f64,
    /// The adopted paragraph that matches the proposed one best, if any shares an anchor.
    pub matched: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Moved>,
    pub anchors: Vec<AnchorFinding>,
    /// Always `inferred`.
    pub evidence: EvidenceKind,
    pub confidence: Confidence,
}

/// Counts of a proposal's changes by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub taken_up: usize,
    pub taken_up_in_part: usize,
    pub not_found: usize,
    pub cannot_tell: usize,
    pub moved: usize,
}

/// What became of a `MOD` proposal's changes in the adopted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalOutcome {
    pub proposal_language: Language,
    pub adopted_language: Language,
    pub changes: Vec<ChangeOutcome>,
    pub tally: Tally,
    /// The share of the anchor weight of every change that could be told that shows as proposed,
    /// in [0, 1]; `None` when no change could be told.
    pub score: Option<f64>,
    /// Always `inferred`.
    pub evidence: EvidenceKind,
    /// Low when no change could be told, more than half cannot be told, or the changes told weigh
    /// less than three times [`MIN_CHANGE_WEIGHT`]; medium when more than a fifth cannot be told;
    /// high otherwise.
    pub confidence: Confidence,
}

/// Keys of a set of anchors, each with its anchor and its weight in the score.
type Keys<'a> = BTreeMap<&'a str, (&'a Anchor, f64)>;

fn keys(anchors: &[Anchor]) -> Keys<'_> {
    anchors
        .iter()
        .map(|a| (a.key.as_str(), (a, a.weight())))
        .collect()
}

/// A text's anchor above weighs this many times more in a text score when its title has it:
/// `OTT` in the title of a draft on OTTs and of the resolution `OTTs` says what both are about.
pub const TITLE_FACTOR: f64 = 3.0;

/// The keys of a whole text for a text score: each anchor once, weighing its [`Anchor::weight`]
/// times `1 + ln n` for an anchor found in `n` paragraphs (what a text keeps coming back to is
/// what it is about), times [`TITLE_FACTOR`] when the title has it.
fn text_keys(text: &TextAnchors) -> Keys<'_> {
    let mut counts: BTreeMap<&str, (&Anchor, u32)> = BTreeMap::new();
    for a in text.paragraphs.iter().flat_map(|p| p.anchors.iter()) {
        counts.entry(a.key.as_str()).or_insert((a, 0)).1 += 1;
    }
    let mut out: Keys<'_> = counts
        .into_iter()
        .map(|(k, (a, n))| (k, (a, a.weight() * (1.0 + f64::from(n).ln()))))
        .collect();
    for a in &text.title {
        let entry = out.entry(a.key.as_str()).or_insert((a, a.weight()));
        entry.0 = a;
        entry.1 *= TITLE_FACTOR;
    }
    out
}

fn weight(k: &Keys<'_>) -> f64 {
    k.values().map(|(_, w)| w).sum()
}

/// The weight of `a`'s anchors that `b` has too, and the mean of the two sides' weights of each.
fn shared_weights(a: &Keys<'_>, b: &Keys<'_>) -> (f64, f64) {
    let mut of_a = 0.0;
    let mut mean = 0.0;
    for (k, (_, wa)) in a {
        if let Some((_, wb)) = b.get(k) {
            of_a += wa;
            mean += (wa + wb) / 2.0;
        }
    }
    (of_a, mean)
}

/// Weighted Dice coefficient of two sets of anchors: 1 for the same set, 0 for nothing shared.
pub fn dice(a: &[Anchor], b: &[Anchor]) -> f64 {
    dice_keys(&keys(a), &keys(b))
}

fn dice_keys(a: &Keys<'_>, b: &Keys<'_>) -> f64 {
    let total = weight(a) + weight(b);
    if total == 0.0 {
        return 0.0;
    }
    (2.0 * shared_weights(a, b).1 / total).min(1.0)
}

/// The share of `a`'s anchor weight that `b` has.
fn containment(a: &Keys<'_>, b: &Keys<'_>) -> f64 {
    let w = weight(a);
    if w == 0.0 {
        return 0.0;
    }
    (shared_weights(a, b).0 / w).min(1.0)
}

/// The score of a text (a draft, an abrogated instrument) against another: the mean of the
/// weighted Dice coefficient of their anchors and the share of the first's anchor weight that
/// the second has, the weights as [`text_keys`] gives them. In [0, 1]; 1 for a text against
/// itself. The second half lets a short text (an abrogated instrument known by its title and
/// citations) score against a long one.
pub fn text_score(query: &TextAnchors, candidate: &TextAnchors) -> f64 {
    let (q, c) = (text_keys(query), text_keys(candidate));
    (dice_keys(&q, &c) + containment(&q, &c)) / 2.0
}

fn location(text: &InstrumentText, p: &ParagraphAnchors) -> Location {
    Location {
        heading: text.sections[p.section].heading.clone(),
        label: p.label.clone(),
        section: p.section,
        paragraph: p.paragraph,
        lines: p.lines,
    }
}

/// What a paragraph of the expected section gains over others when the best match of a change
/// is sought: a change is reported as moved only when another section matches it clearly better.
pub const EXPECTED_SECTION_BONUS: f64 = 0.15;

/// The best adopted paragraph for a set of anchors: the highest mean of containment and Dice,
/// [`EXPECTED_SECTION_BONUS`] added in the expected section, then (ties) the same label, then the
/// first.
fn best_paragraph(
    want: &Keys<'_>,
    label: Option<&str>,
    expected: Option<usize>,
    adopted: &[Keys<'_>],
    places: &[ParagraphAnchors],
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, have) in adopted.iter().enumerate() {
        let c = containment(want, have);
        if c == 0.0 {
            continue;
        }
        let affinity = (c + dice_keys(want, have)) / 2.0;
        let p = &places[i];
        let tie = f64::from(u8::from(p.label.as_deref() == label && label.is_some())) * 0.01
            + f64::from(u8::from(Some(p.section) == expected)) * EXPECTED_SECTION_BONUS;
        let rank = affinity + tie;
        if best.is_none_or(|(_, r, _)| rank > r) {
            best = Some((i, rank, affinity));
        }
    }
    best.map(|(i, _, a)| (i, a))
}

/// Which adopted section each section of the proposal's text corresponds to: among the adopted
/// sections of the same kind of heading (all of them where none has that kind), the one that
/// the section's paragraphs match best, weighted by how well; the same rank among sections of
/// that kind where nothing matches.
fn section_map(
    proposal: &TextAnchors,
    proposal_keys: &[Keys<'_>],
    adopted: &TextAnchors,
    adopted_keys: &[Keys<'_>],
) -> Vec<Option<usize>> {
    let mut votes: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (p, want) in proposal.paragraphs.iter().zip(proposal_keys) {
        if weight(want) < MIN_CHANGE_WEIGHT {
            continue;
        }
        if let Some((q, a)) = best_paragraph(want, None, None, adopted_keys, &adopted.paragraphs) {
            *votes
                .entry((p.section, adopted.paragraphs[q].section))
                .or_default() += a;
        }
    }
    proposal
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let same_kind: Vec<usize> = adopted
                .sections
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind.is_some() && a.kind == s.kind)
                .map(|(j, _)| j)
                .collect();
            let pool: Vec<usize> = if same_kind.is_empty() {
                (0..adopted.sections.len()).collect()
            } else {
                same_kind.clone()
            };
            let voted = pool
                .iter()
                .filter_map(|j| votes.get(&(i, *j)).map(|v| (*j, *v)))
                .fold(None::<(usize, f64)>, |best, (j, v)| match best {
                    Some((_, bv)) if bv >= v => best,
                    _ => Some((j, v)),
                });
            voted.map(|(j, _)| j).or_else(|| {
                // No vote: the same rank among the sections of this kind.
                let rank = proposal.sections[..i]
                    .iter()
                    .filter(|o| o.kind.is_some() && o.kind == s.kind)
                    .count();
                same_kind.get(rank).copied()
            })
        })
        .collect()
}

/// What became of each change of a `MOD` proposal (`old`: the text before it, `new`: as
/// proposed, both in the proposal's language) in the text the conference adopted (any
/// language). Inserted and modified paragraphs are read from `new`, deleted ones from `old`.
pub fn match_proposal(
    old: &InstrumentText,
    new: &InstrumentText,
    adopted: &InstrumentText,
) -> ProposalOutcome {
    let adopted_read = text_anchors(adopted);
    let adopted_keys: Vec<Keys<'_>> = adopted_read
        .paragraphs
        .iter()
        .map(|p| keys(&p.anchors))
        .collect();
    let adopted_anchors = &adopted_read;
    let old_anchors = text_anchors(old);
    let new_anchors = text_anchors(new);
    let old_keys: Vec<Keys<'_>> = old_anchors
        .paragraphs
        .iter()
        .map(|p| keys(&p.anchors))
        .collect();
    let new_keys: Vec<Keys<'_>> = new_anchors
        .paragraphs
        .iter()
        .map(|p| keys(&p.anchors))
        .collect();
    let old_map = section_map(&old_anchors, &old_keys, adopted_anchors, &adopted_keys);
    let new_map = section_map(&new_anchors, &new_keys, adopted_anchors, &adopted_keys);

    // Modified paragraphs pair up in order within each section: the k-th modified paragraph of
    // a section of the old text with the k-th of the same section of the new.
    let modified_in = |t: &TextAnchors, section: usize| -> Vec<usize> {
        t.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.section == section && p.change == Change::Modified)
            .map(|(i, _)| i)
            .collect()
    };

    let mut changes = Vec::new();
    let context = Context {
        adopted,
        anchors: adopted_anchors,
        keys: &adopted_keys,
    };
    // In document order of the proposed text, deletions where the old text had them.
    for (i, p) in old_anchors.paragraphs.iter().enumerate() {
        if p.change == Change::Deleted {
            let want = &old_keys[i];
            changes.push((
                (p.section, p.paragraph, 0u8),
                context.change(
                    ChangeKind::Deleted,
                    location(old, p),
                    want,
                    &Keys::new(),
                    want,
                    p.label.as_deref(),
                    old_map.get(p.section).copied().flatten(),
                ),
            ));
        }
    }
    for (i, p) in new_anchors.paragraphs.iter().enumerate() {
        let expected = new_map.get(p.section).copied().flatten();
        match p.change {
            Change::Inserted => {
                let want = &new_keys[i];
                changes.push((
                    (p.section, p.paragraph, 1u8),
                    context.change(
                        ChangeKind::Inserted,
                        location(new, p),
                        want,
                        want,
                        &Keys::new(),
                        p.label.as_deref(),
                        expected,
                    ),
                ));
            }
            Change::Modified => {
                let rank = modified_in(&new_anchors, p.section)
                    .iter()
                    .position(|j| *j == i)
                    .expect("the paragraph is among the modified ones of its section");
                let before = modified_in(&old_anchors, p.section)
                    .get(rank)
                    .map(|j| &old_keys[*j]);
                let now = &new_keys[i];
                let empty = Keys::new();
                let before = before.unwrap_or(&empty);
                let added: Keys<'_> = now
                    .iter()
                    .filter(|(k, _)| !before.contains_key(*k))
                    .map(|(k, a)| (*k, *a))
                    .collect();
                let removed: Keys<'_> = before
                    .iter()
                    .filter(|(k, _)| !now.contains_key(*k))
                    .map(|(k, a)| (*k, *a))
                    .collect();
                changes.push((
                    (p.section, p.paragraph, 1u8),
                    context.change(
                        ChangeKind::Modified,
                        location(new, p),
                        now,
                        &added,
                        &removed,
                        p.label.as_deref(),
                        expected,
                    ),
                ));
            }
            _ => {}
        }
    }
    changes.sort_by_key(|c| c.0);
    let changes: Vec<ChangeOutcome> = changes.into_iter().map(|(_, c)| c).collect();

    let mut tally = Tally::default();
    let (mut shown, mut total) = (0.0, 0.0);
    for c in &changes {
        match c.verdict {
            Verdict::TakenUp => tally.taken_up += 1,
            Verdict::TakenUpInPart => tally.taken_up_in_part += 1,
            Verdict::NotFound => tally.not_found += 1,
            Verdict::CannotTell => tally.cannot_tell += 1,
        }
        if c.moved.is_some() {
            tally.moved += 1;
        }
        if c.verdict != Verdict::CannotTell {
            shown += c.score * c.weight;
            total += c.weight;
        }
    }
    let told = changes.len() - tally.cannot_tell;
    let confidence =
        if told == 0 || tally.cannot_tell * 2 > changes.len() || total < 3.0 * MIN_CHANGE_WEIGHT {
            Confidence::Low
        } else if tally.cannot_tell * 5 > changes.len() {
            Confidence::Medium
        } else {
            Confidence::High
        };
    ProposalOutcome {
        proposal_language: new.language,
        adopted_language: adopted.language,
        changes,
        tally,
        score: (total > 0.0).then(|| shown / total),
        evidence: EvidenceKind::Inferred,
        confidence,
    }
}

/// The adopted text, read, as [`match_proposal`] hands it to each change.
struct Context<'a, 'k> {
    adopted: &'a InstrumentText,
    anchors: &'a TextAnchors,
    keys: &'a [Keys<'k>],
}

impl Context<'_, '_> {
    /// One change: `whole` is the paragraph's anchors (what locates it), `added` the anchors it
    /// brings (all of an inserted paragraph's), `removed` those it takes out (all of a deleted
    /// paragraph's).
    #[allow(clippy::too_many_arguments)]
    fn change(
        &self,
        change: ChangeKind,
        proposed_at: Location,
        whole: &Keys<'_>,
        added: &Keys<'_>,
        removed: &Keys<'_>,
        label: Option<&str>,
        expected: Option<usize>,
    ) -> ChangeOutcome {
        let best = best_paragraph(whole, label, expected, self.keys, &self.anchors.paragraphs);
        let matched_keys = best.map(|(q, _)| &self.keys[q]);
        let in_match = |k: &str| matched_keys.is_some_and(|m| m.contains_key(k));
        let weight = weight(added) + weight(removed);
        let shown: f64 = added
            .iter()
            .filter(|(k, _)| in_match(k))
            .map(|(_, (_, w))| w)
            .sum::<f64>()
            + removed
                .iter()
                .filter(|(k, _)| !in_match(k))
                .map(|(_, (_, w))| w)
                .sum::<f64>();
        let score = if weight > 0.0 {
            (shown / weight).clamp(0.0, 1.0)
        } else {
            0.0
        };
        // A modification whose paragraph is nowhere: nothing of it was taken up, whatever it
        // removed.
        let score = if change == ChangeKind::Modified && best.is_none() {
            0.0
        } else {
            score
        };
        let verdict = if weight < MIN_CHANGE_WEIGHT {
            Verdict::CannotTell
        } else if score >= TAKEN_UP {
            Verdict::TakenUp
        } else if score >= TAKEN_UP_IN_PART {
            Verdict::TakenUpInPart
        } else {
            Verdict::NotFound
        };
        let matched = best.map(|(q, _)| location(self.adopted, &self.anchors.paragraphs[q]));
        // Moved: found, in part at least, in another section than the expected one, on strong
        // anchors (numbers and years alone are too common to move anything). A deletion does not
        // move.
        let strong: f64 = matched_keys.map_or(0.0, |m| {
            whole
                .iter()
                .filter(|(k, (a, _))| {
                    m.contains_key(*k) && !matches!(a.kind, AnchorKind::Year | AnchorKind::Number)
                })
                .map(|(_, (_, w))| w)
                .sum()
        });
        let moved = match (&matched, change) {
            (Some(m), ChangeKind::Inserted | ChangeKind::Modified)
                if matches!(verdict, Verdict::TakenUp | Verdict::TakenUpInPart)
                    && strong >= MIN_SHARED_WEIGHT
                    && expected.is_some_and(|e| e != m.section) =>
            {
                Some(Moved {
                    expected: expected.map(|e| self.adopted.sections[e].heading.clone()),
                    found: m.heading.clone(),
                })
            }
            _ => None,
        };
        let mut anchors = Vec::new();
        for (list, is_removed) in [(added, false), (removed, true)] {
            for (k, (a, _)) in list {
                let mut found_at = Vec::new();
                let mut adopted_as_written = None;
                for (q, have) in self.keys.iter().enumerate() {
                    if let Some((b, _)) = have.get(k) {
                        if adopted_as_written.is_none() {
                            adopted_as_written = Some(b.as_written.clone());
                        }
                        if found_at.len() < MAX_PLACES {
                            found_at.push(location(self.adopted, &self.anchors.paragraphs[q]));
                        }
                    }
                }
                anchors.push(AnchorFinding {
                    anchor: (*a).clone(),
                    removed: is_removed,
                    in_match: in_match(k),
                    found_at,
                    adopted_as_written,
                });
            }
        }
        // Strongest anchors first, then by key: stable output.
        anchors.sort_by(|a, b| {
            b.anchor
                .weight()
                .total_cmp(&a.anchor.weight())
                .then_with(|| a.anchor.key.cmp(&b.anchor.key))
        });
        let confidence = change_confidence(weight, score, verdict);
        ChangeOutcome {
            change,
            proposed_at,
            verdict,
            score,
            weight,
            matched,
            moved,
            anchors,
            evidence: EvidenceKind::Inferred,
            confidence,
        }
    }
}

/// High: the change's anchors weigh at least three times [`MIN_CHANGE_WEIGHT`] and the score is
/// clear-cut (at least 0.9 or at most 0.1); medium: they weigh at least twice as much; low
/// otherwise, and always for `cannot-tell`.
fn change_confidence(weight: f64, score: f64, verdict: Verdict) -> Confidence {
    if verdict == Verdict::CannotTell {
        Confidence::Low
    } else if weight >= 3.0 * MIN_CHANGE_WEIGHT && !(0.1..0.9).contains(&score) {
        Confidence::High
    } else if weight >= 2.0 * MIN_CHANGE_WEIGHT {
        Confidence::Medium
    } else {
        Confidence::Low
    }
}

/// A new instrument of a conference, with its text, as a candidate for a draft or a successor.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub instrument: &'a InstrumentId,
    pub text: &'a InstrumentText,
}

/// One candidate with its score against the draft or the abrogated instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedCandidate {
    pub instrument: InstrumentId,
    pub title: String,
    /// [`text_score`], in [0, 1].
    pub score: f64,
    /// The weight of the anchors shared.
    pub shared_weight: f64,
    /// The anchors shared, as the draft (or abrogated instrument) writes them, strongest first.
    pub shared: Vec<Anchor>,
    /// The score reaches the threshold and the shared weight [`MIN_SHARED_WEIGHT`].
    pub above_threshold: bool,
}

/// Which adopted instrument a draft most likely became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftOutcome {
    /// Every candidate, best first (ties by instrument id).
    pub ranked: Vec<RankedCandidate>,
    /// The best candidate above the threshold; `None`: no adopted instrument.
    pub became: Option<InstrumentId>,
    pub threshold: f64,
    /// Always `inferred`.
    pub evidence: EvidenceKind,
    pub confidence: Confidence,
}

fn rank(query: &TextAnchors, candidates: &[Candidate<'_>], threshold: f64) -> Vec<RankedCandidate> {
    let q = text_keys(query);
    let mut ranked: Vec<RankedCandidate> = candidates
        .iter()
        .map(|c| {
            let read = text_anchors(c.text);
            let ck = text_keys(&read);
            let score = (dice_keys(&q, &ck) + containment(&q, &ck)) / 2.0;
            let mut shared: Vec<(f64, Anchor)> = q
                .iter()
                .filter(|(k, _)| ck.contains_key(*k))
                .map(|(_, (a, w))| (*w, (*a).clone()))
                .collect();
            shared.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.key.cmp(&b.1.key)));
            let shared_weight = shared.iter().map(|(w, _)| w).sum();
            RankedCandidate {
                instrument: c.instrument.clone(),
                title: c.text.title.clone(),
                score,
                shared_weight,
                shared: shared.into_iter().map(|(_, a)| a).collect(),
                above_threshold: score >= threshold && shared_weight >= MIN_SHARED_WEIGHT,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.instrument.cmp(&b.instrument))
    });
    ranked
}

/// Confidence of a link to the best candidate: high when its score is at least twice the
/// threshold and ahead of the next by 0.1; medium when it is above the threshold; low
/// otherwise (no link).
fn link_confidence(ranked: &[RankedCandidate], threshold: f64) -> Confidence {
    match ranked {
        [first, rest @ ..] if first.above_threshold => {
            let margin = first.score - rest.first().map_or(0.0, |r| r.score);
            if first.score >= 2.0 * threshold && margin >= 0.1 {
                Confidence::High
            } else {
                Confidence::Medium
            }
        }
        _ => Confidence::Low,
    }
}

/// Which of `candidates` (the new instruments of the conference) a draft most likely became:
/// every candidate ranked by [`text_score`], the best one linked if above [`DRAFT_THRESHOLD`]
/// with [`MIN_SHARED_WEIGHT`] shared.
pub fn rank_draft(draft: &InstrumentText, candidates: &[Candidate<'_>]) -> DraftOutcome {
    let query = text_anchors(draft);
    let ranked = rank(&query, candidates, DRAFT_THRESHOLD);
    DraftOutcome {
        became: ranked
            .first()
            .filter(|r| r.above_threshold)
            .map(|r| r.instrument.clone()),
        confidence: link_confidence(&ranked, DRAFT_THRESHOLD),
        threshold: DRAFT_THRESHOLD,
        ranked,
        evidence: EvidenceKind::Inferred,
    }
}

/// What is known of an abrogated instrument: its title, its citations, its text if any.
#[derive(Debug, Clone, Copy)]
pub struct Abrogated<'a> {
    pub instrument: &'a InstrumentId,
    pub language: Language,
    pub title: &'a str,
    /// Its last text, where the corpus has one.
    pub text: Option<&'a InstrumentText>,
    /// What its last text cites (an `InstrumentRecord`'s citations).
    pub citations: &'a [Citation],
}

/// The inferred `succeeded by` candidates of an abrogated instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuccessorOutcome {
    pub abrogated: InstrumentId,
    /// Every candidate, best first.
    pub ranked: Vec<RankedCandidate>,
    /// The candidates above [`SUCCESSOR_THRESHOLD`], best first: the inferred `succeeded by`.
    pub succeeded_by: Vec<InstrumentId>,
    pub threshold: f64,
    /// Always `inferred`.
    pub evidence: EvidenceKind,
    pub confidence: Confidence,
}

/// The anchors of an abrogated instrument: its title's, its text's, and, as one more paragraph,
/// its citations' and the instrument itself as a citation, so that a new instrument that cites it
/// shares that.
pub fn abrogated_anchors(abrogated: &Abrogated<'_>) -> TextAnchors {
    let mut known = abrogated.text.cloned().unwrap_or_else(|| InstrumentText {
        language: abrogated.language,
        header: String::new(),
        revision: None,
        title: String::new(),
        formula: None,
        sections: Vec::new(),
        completeness: crate::model::Completeness::Absent,
        notes: Vec::new(),
        unsettled_openings: Vec::new(),
    });
    known.title = abrogated.title.to_string();
    known.language = abrogated.language;
    let mut read = text_anchors(&known);
    let name =
        |id: &InstrumentId| format!("{} {} {}", id.body.code(), id.kind.code(), id.designation());
    let own = name(abrogated.instrument);
    let mut extra = vec![Anchor {
        kind: AnchorKind::Citation,
        key: format!("cite:{own}"),
        as_written: format!("{own} (the abrogated instrument itself)"),
        common: false,
    }];
    for c in abrogated.citations {
        let (kind, key) = if c.cited.body == crate::model::Body::UnGa {
            (
                AnchorKind::UnResolution,
                format!("num:{}", c.cited.designation()),
            )
        } else {
            (AnchorKind::Citation, format!("cite:{}", name(&c.cited)))
        };
        if !extra.iter().any(|a| a.key == key) {
            extra.push(Anchor {
                kind,
                key,
                as_written: c.as_written.clone(),
                common: false,
            });
        }
    }
    read.paragraphs.push(ParagraphAnchors {
        section: read.sections.len(),
        paragraph: 0,
        label: None,
        change: Change::Unchanged,
        lines: LineSpan::line(0),
        anchors: extra,
    });
    read
}

/// The new instruments of the same conference (`candidates`) that most likely took over from an
/// abrogated one: every candidate ranked by [`text_score`], those above [`SUCCESSOR_THRESHOLD`]
/// with [`MIN_SHARED_WEIGHT`] shared as inferred `succeeded by`. The candidate equal to the
/// abrogated instrument, if given, is left out.
pub fn successors(abrogated: &Abrogated<'_>, candidates: &[Candidate<'_>]) -> SuccessorOutcome {
    let query = abrogated_anchors(abrogated);
    let others: Vec<Candidate<'_>> = candidates
        .iter()
        .filter(|c| c.instrument != abrogated.instrument)
        .copied()
        .collect();
    let ranked = rank(&query, &others, SUCCESSOR_THRESHOLD);
    SuccessorOutcome {
        abrogated: abrogated.instrument.clone(),
        succeeded_by: ranked
            .iter()
            .filter(|r| r.above_threshold)
            .map(|r| r.instrument.clone())
            .collect(),
        confidence: link_confidence(&ranked, SUCCESSOR_THRESHOLD),
        threshold: SUCCESSOR_THRESHOLD,
        ranked,
        evidence: EvidenceKind::Inferred,
    }
}
