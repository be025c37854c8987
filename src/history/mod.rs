//! The corpus as a git history, written in process with gix: one commit per conference on
//! `refs/heads/main`, an annotated tag per conference, proposals on `refs/proposals/...`.

pub mod diff;
mod lock;
mod pack;
pub mod plan;
pub mod read;
pub mod write;
