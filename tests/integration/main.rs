//! The integration tests: one binary, a module per area. Most tests call the library; the CLI
//! tests run the `actes` binary and snapshot its stdout, stderr and exit status with insta.

mod akn;
mod akn_out;
mod blame;
mod citations;
mod cli;
mod command_line;
mod common;
mod corpus;
mod docx;
mod final_acts;
mod history;
mod languages;
mod layers;
mod lineage;
mod outcome;
mod pdf_text;
mod reader;
mod redline;
mod site;
mod trust;
mod unsettled;
mod writers;
