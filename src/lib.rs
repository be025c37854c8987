//! actes: a version-controlled history of ITU resolutions.
//!
//! The library reads conference documents ([`reader`]), arranges what they and the Final Acts say
//! into the corpus state after each conference ([`corpus`]), stores that corpus as a git history
//! ([`history`]), links versions, proposals and citations into a lineage graph ([`lineage`]) and
//! answers historians' queries on them. It prints nothing and reads no environment: every query
//! returns data, and [`render`] turns data into text, Markdown, CSV, HTML or DOT.

pub mod blame;
pub mod catalogue;
pub mod corpus;
pub mod csv_file;
pub mod export;
pub mod fate;
pub mod history;
pub mod lineage;
pub mod model;
pub mod names;
pub mod outcome;
pub mod outcomes;
pub mod reader;
pub mod render;
pub mod search;
pub mod site;
pub mod text;
