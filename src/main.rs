//! The `actes` command: parses the arguments, runs one command, prints its error once and exits
//! with the code that the error's kind calls for. Everything else lives in `cli` and the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
