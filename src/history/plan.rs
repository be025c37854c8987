//! What to write: the history as plain data, before any git object exists.
//!
//! The corpus (`crate::corpus`) turns the sources into a [`HistoryPlan`]; the writer
//! (`crate::history::write`) turns a plan into git objects and refs. Keeping the two apart lets the
//! benchmark's synthetic corpus and the tests feed the writer directly, and keeps every decision
//! about *what* the history says out of the code that knows *how* git stores it.

use std::collections::BTreeMap;

use crate::model::ConferenceId;

/// A whole history: the main line of conferences, then the proposal refs on top of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HistoryPlan {
    /// `refs/heads/main`: one commit per conference, oldest first.
    pub main: Vec<CommitPlan>,
    /// Other refs (`refs/proposals/<conference>/<document>`), each a chain of commits on top of
    /// a conference commit of `main`.
    pub branches: Vec<BranchPlan>,
}

/// A chain of commits on its own ref, starting from a conference commit of `main`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchPlan {
    /// The full ref name: `refs/proposals/pp-2018-dubai/67`.
    pub reference: String,
    /// The conference of `main` whose commit is the first commit's parent; `None` for a root.
    pub base: Option<ConferenceId>,
    pub commits: Vec<CommitPlan>,
}

/// One commit: what it changes in its parent's tree, who made it and when, why, and its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitPlan {
    /// The conference this commit stands for (on `main`), or whose proposals it holds.
    pub conference: ConferenceId,
    /// Paths (`pp/resolution/130/fr.txt`) to their new content; `None` removes the path.
    /// Folders are created and pruned as needed.
    pub changes: BTreeMap<String, Option<Vec<u8>>>,
    pub author: Person,
    pub committer: Person,
    /// The full message: a summary line, a blank line, a body and trailers. Ends with a newline.
    pub message: String,
    /// An annotated tag on this commit.
    pub tag: Option<TagPlan>,
}

/// A name, an email and a moment, as git records them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
    /// Seconds since 1970-01-01 UTC; negative before 1970.
    pub seconds: i64,
    /// Offset from UTC in seconds (east positive).
    pub offset: i32,
}

/// An annotated tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPlan {
    /// The tag's name without `refs/tags/` (`pp-2014-busan`).
    pub name: String,
    pub tagger: Person,
    /// Ends with a newline.
    pub message: String,
}
