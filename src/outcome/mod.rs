//! What became of proposals: how much of a `MOD` proposal shows in the text the conference
//! adopted, which new instrument a draft (`ADD`) became, which new instrument took over from an
//! abrogated one. The proposals are French, the Final Acts English (or any other pairing), so the
//! matching rests only on what does not depend on the language: the [`anchors`] of each
//! paragraph (cited instruments, UN General Assembly resolution numbers, numbers, years,
//! acronyms through the one table of [`equivalents`], proper names), with labels and order to
//! break ties and to say where things stand.
//!
//! Every answer of the [`matcher`] is inferred: it carries a score in [0, 1], the anchors it rests
//! on with where the adopted text has them, and a confidence. The module sits above the reader
//! (whose citation finder it reuses) and below the lineage and the renderers; it prints nothing
//! and its results serialize with serde for the renderers.

pub mod anchors;
pub mod equivalents;
pub mod matcher;

pub use anchors::{text_anchors, Anchor, AnchorKind, TextAnchors};
pub use matcher::{
    match_proposal, rank_draft, successors, Abrogated, Candidate, ChangeKind, ChangeOutcome,
    Confidence, DraftOutcome, ProposalOutcome, RankedCandidate, SuccessorOutcome, Verdict,
    DRAFT_THRESHOLD, MIN_CHANGE_WEIGHT, MIN_SHARED_WEIGHT, SUCCESSOR_THRESHOLD, TAKEN_UP,
    TAKEN_UP_IN_PART,
};

#[cfg(test)]
mod tests;
