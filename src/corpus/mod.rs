//! Decides what the history says: the state of the corpus after each conference whose state the
//! sources state, and after each proposal, every fact with its evidence; then renders it into a
//! [`crate::history::plan::HistoryPlan`] for the git writer.

pub mod layout;
