//! `actes man`: prints the manual page (roff, section 1), generated from the command-line
//! definition, with a section per subcommand.

use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Print the manual page (roff)
///
/// `actes man > actes.1 && man ./actes.1`, or install it as `man1/actes.1` under a folder of
/// `manpath`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {}

pub fn cmd_man(config: &Config, _args: &ManArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("man", config)?;
    let command = crate::cli::command();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    // One section per subcommand, with its own options.
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name().to_string();
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        let section = clap_mangen::Man::new(sub.clone().bin_name(format!("actes {name}")));
        let mut body = Vec::new();
        section.render_synopsis_section(&mut body)?;
        section.render_description_section(&mut body)?;
        section.render_options_section(&mut body)?;
        let body = String::from_utf8_lossy(&body)
            .replace(".SH ", ".SS ")
            .replace(".SS SYNOPSIS", ".SS \"\"");
        page.extend_from_slice(
            format!(".SH \"ACTES {}\"\n{}\n", name.to_uppercase(), about).as_bytes(),
        );
        page.extend_from_slice(body.as_bytes());
    }
    man.render_version_section(&mut page)?;
    let page = String::from_utf8_lossy(&page);
    if config.format == Format::Json {
        return out.write_json(&serde_json::json!({ "section": 1, "roff": page }));
    }
    out.write_str(&page)
}
