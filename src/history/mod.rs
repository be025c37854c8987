//! The corpus as a git history, written in process with gix: one commit per conference on
//! `refs/heads/main`, an annotated tag per conference, proposals on `refs/proposals/...`.
//!
//! - [`plan`]: what to write, as plain data (the corpus makes it; the synthetic generator too);
//! - [`write`]: a plan to a bare repository: objects hashed here and written as one pack, then
//!   every ref switched at once through `packed-refs`; a lock against a second build; a report
//!   saying whether the history was created, unchanged or replaced;
//! - [`read`]: the history back, for the other modules and the commands: conference commits,
//!   proposal refs, revisions by name, files, folders, the history of a path, the records;
//! - [`diff`]: a word-level redline between two texts;
//! - [`absence`]: why an instrument has no text at a revision;
//! - [`versions`]: the versions `show` and `diff` look at, as data;
//! - [`guard`]: the mark on the repositories actes writes, the refusal of any other, reflogs;
//! - [`provenance`]: what a history was built from, to tell a stale one;
//! - [`check`]: whether the repository's packs are whole.

pub mod absence;
pub mod check;
mod compare;
pub mod corpus_plan;
pub mod diff;
pub mod guard;
mod id;
pub mod layout;
pub mod lock;
mod pack;
pub mod plan;
pub mod point;
pub mod provenance;
pub mod read;
pub mod versions;
pub mod write;

pub use compare::ChangedFile;
pub use id::{short_hex, BadObjectId, ObjectId, SHORT_ID_LEN};
