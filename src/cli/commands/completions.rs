//! `actes completions SHELL`: prints the shell completion script for bash, zsh, fish or
//! PowerShell, generated from the command-line definition so that it never falls behind it.

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Print a shell completion script
///
/// Bash: `actes completions bash > ~/.local/share/bash-completion/completions/actes`;
/// zsh: put `actes completions zsh` as `_actes` in a folder of `$fpath`; fish:
/// `actes completions fish > ~/.config/fish/completions/actes.fish`; PowerShell: add
/// `actes completions powershell | Out-String | Invoke-Expression` to the profile.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells a script is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

pub fn cmd_completions(
    config: &Config,
    args: &CompletionsArgs,
    out: &mut Output,
) -> Result<(), CommandError> {
    repo::require_format("completions", config)?;
    use clap_complete::Shell as S;
    let shell = match args.shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
    };
    let mut command = crate::cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "actes", &mut script);
    let script = String::from_utf8_lossy(&script);
    if config.format == Format::Json {
        return out.write_json(&serde_json::json!({
            "shell": format!("{:?}", args.shell).to_lowercase(),
            "script": script,
        }));
    }
    out.write_str(&script)
}
