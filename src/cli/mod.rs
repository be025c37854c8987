//! The command-line front end. It turns arguments into a plain [`Config`], runs the one command
//! asked for, and owns everything that touches the terminal: standard output through [`Output`],
//! the single error message on standard error, the exit code and a closed pipe.
//!
//! The library never prints; each `commands::*` module asks it for data and hands that data to a
//! renderer (`actes::render`).

mod commands;
mod locate;
mod output;
pub mod progress;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};

pub use output::Output;

pub use locate::SourcesNotFound;

#[derive(Debug, Parser)]
#[command(
    name = "actes",
    version,
    about = "A version-controlled history of ITU resolutions",
    long_about = "Reads the documents of ITU conferences, stores the resolutions as they stood after \
                  each conference in a git repository, and answers historians' questions about them."
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: commands::Command,
}

/// Options that every command accepts.
#[derive(Debug, clap::Args)]
struct GlobalArgs {
    /// Read and write the built history in this bare git repository [default:
    /// target/actes-history.git in the project folder]
    #[arg(long, global = true)]
    repo: Option<PathBuf>,
    /// Read the sources (documents, conference catalogue, outcomes) from this folder [default:
    /// history/ in the project folder, found from the working folder upwards]
    #[arg(long, global = true)]
    sources: Option<PathBuf>,
    /// Never rebuild the history: refuse, rather than rebuild, one built from other sources
    #[arg(long, global = true)]
    no_rebuild: bool,
    /// Print in this format
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Colour the output: auto (on a terminal), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print nothing on standard error but errors (no progress bar)
    #[arg(long, short, global = true)]
    quiet: bool,
}

/// The command-line definition, for the completion scripts and the manual page.
pub(crate) fn command() -> clap::Command {
    command_line()
}

/// The output formats; each command says which it supports beyond `text` and `json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Csv,
    Html,
    Dot,
    Mermaid,
    /// Akoma Ntoso 3.0 XML (`actes show`).
    Akn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What a command needs to know about its surroundings, resolved once from the arguments and the
/// terminal.
#[derive(Debug, Clone)]
pub struct Config {
    pub repo: PathBuf,
    /// The sources folder, given or found; the error says where actes looked.
    pub sources: Result<PathBuf, SourcesNotFound>,
    /// `--sources` was given.
    pub sources_given: bool,
    /// Refuse a stale history rather than rebuild it.
    pub no_rebuild: bool,
    pub format: Format,
    /// Colour the text output.
    pub color: bool,
    /// A progress bar may be drawn on standard error: it is a terminal, the output is not JSON
    /// and `--quiet` was not given.
    pub progress: bool,
}

/// Parses the arguments, runs the command and turns its outcome into an exit code.
pub fn run() -> ExitCode {
    let cli = match command_line()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout and usage errors to stderr, with exit 0 or 2.
            let code = err.exit_code();
            let _ = err.print();
            return ExitCode::from(code as u8);
        }
    };
    let stdout_tty = io::stdout().is_terminal();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let located = locate::locate(cli.global.repo, cli.global.sources, &cwd);
    let config = Config {
        repo: located.repo,
        sources: located.sources,
        sources_given: located.sources_given,
        no_rebuild: cli.global.no_rebuild,
        format: cli.global.format,
        color: match cli.global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_tty && std::env::var_os("NO_COLOR").is_none(),
        },
        progress: io::stderr().is_terminal()
            && !cli.global.quiet
            && cli.global.format != Format::Json,
    };
    let mut out = Output::stdout();
    let result = commands::run(&config, cli.command, &mut out).and_then(|()| out.flush());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "actes: {}",
                shorten_echoes(&err.to_string(), std::env::args())
            );
            ExitCode::from(exit_code(&err))
        }
    }
}

/// The parser, with each command's `--format` (a global option) listing in its help only the
/// formats that command offers (`commands::FORMATS`).
fn command_line() -> clap::Command {
    let mut command = Cli::command();
    let global = command
        .get_arguments()
        .find(|a| a.get_id() == "format")
        .cloned()
        .expect("--format is a global option");
    // A command holding its own `format` keeps it: clap does not propagate the global one there.
    // The values stay every format, so that `--format csv` says the same before or after the
    // command (`cli::CommandError::unsupported_format`); the help lists the command's own.
    for (name, formats) in commands::FORMATS {
        let names: Vec<String> = formats.iter().map(|f| format_name(*f)).collect();
        let arg = global.clone().hide_possible_values(true).help(format!(
            "Print in this format [possible values: {}]",
            names.join(", ")
        ));
        command = command.mut_subcommand(*name, |sub| sub.arg(arg));
    }
    command
}

/// The one place that maps error kinds to exit codes: 2 for bad input (a file that cannot be
/// read as expected, an unknown instrument or conference, a format a command does not offer),
/// 1 for everything else (a repository that cannot be written, an internal failure).
fn exit_code(err: &CommandError) -> u8 {
    match err.kind {
        ErrorKind::BadInput => 2,
        ErrorKind::Failure => 1,
    }
}

/// How a command failed, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The user's input is at fault: a source file, an argument, a name that matches nothing.
    BadInput,
    /// Something else went wrong: the repository, the disk, a bug.
    Failure,
}

/// A command's error: a kind for the exit code and the library error that says what happened.
#[derive(Debug)]
pub struct CommandError {
    pub kind: ErrorKind,
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

impl CommandError {
    /// The user's input is at fault.
    pub fn bad_input(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        CommandError {
            kind: ErrorKind::BadInput,
            source: err.into(),
        }
    }

    /// Anything else.
    pub fn failure(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        CommandError {
            kind: ErrorKind::Failure,
            source: err.into(),
        }
    }

    /// The command does not offer the requested format.
    pub fn unsupported_format(command: &str, format: Format, offered: &[Format]) -> Self {
        let names: Vec<String> = offered.iter().map(|f| format_name(*f)).collect();
        Self::bad_input(format!(
            "`actes {command}` cannot print --format {}; it offers: {}",
            format_name(format),
            names.join(", ")
        ))
    }

    fn is_broken_pipe(&self) -> bool {
        self.source
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<io::Error> for CommandError {
    fn from(err: io::Error) -> Self {
        CommandError::failure(err)
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Print the chain of causes once each: some errors already quote their source in their
        // own message.
        let mut printed = self.source.to_string();
        let mut cause = self.source.source();
        while let Some(c) = cause {
            let text = c.to_string();
            if !printed.contains(&text) {
                printed.push_str(": ");
                printed.push_str(&text);
            }
            cause = c.source();
        }
        f.write_str(&printed)
    }
}

fn format_name(format: Format) -> String {
    format
        .to_possible_value()
        .expect("every Format variant has a clap name")
        .get_name()
        .to_string()
}

/// Arguments longer than this are echoed in error messages by their start only.
const ECHO_CHARS: usize = 60;

/// The message with every echo of a very long argument cut to its first [`ECHO_CHARS`]
/// characters and `…`, so that a pasted paragraph does not come back in full.
fn shorten_echoes(message: &str, args: impl Iterator<Item = String>) -> String {
    let mut message = message.to_string();
    for arg in args.skip(1) {
        if arg.chars().count() > ECHO_CHARS && message.contains(&arg) {
            let short: String = arg.chars().take(ECHO_CHARS).collect();
            message = message.replace(&arg, &format!("{short}…"));
        }
    }
    message
}
