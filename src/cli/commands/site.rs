//! `actes site DIR`: writes a static website of the whole history (see `actes::render::site`).
//! The library renders the pages as a map of paths to contents; this command only writes them,
//! into a fresh folder beside DIR that replaces DIR once complete, so that an error never leaves
//! a half-written site.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use actes::render::site::{self as site_render, MARKER};

use super::lineage::load_lineage;
use super::{repo, CommandError, Config, Output};
use crate::cli::Format;

/// Write a static website of the history into DIR
///
/// Plain files that open from `file://` or any web server: an index with the "Rév." table, one
/// page per instrument (its lineage, texts, word diffs, blame, citations), per conference and per
/// proposal document, and a search page. DIR must be missing, empty, or a site that `actes site`
/// wrote before (it is replaced). Builds the history from the sources first if the repository
/// does not exist yet.
#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// The folder to write the website into
    pub dir: PathBuf,
}

#[derive(Serialize)]
struct SiteReport<'a> {
    dir: &'a Path,
    files: usize,
    bytes: usize,
}

pub fn cmd_site(config: &Config, args: &SiteArgs, out: &mut Output) -> Result<(), CommandError> {
    repo::require_format("site", config)?;
    check_target(&args.dir)?;
    let history = repo::open(config)?;
    let lineage = load_lineage(config, None)?;
    // The same bar as the build's, fed by the library's callback: only on a terminal, never with
    // `--quiet` or `--format json` (`Config::progress`).
    let mut bar = crate::cli::progress::Bar::new(config.progress, "actes site");
    let mut progress = |p: actes::site::Progress| match p {
        actes::site::Progress::Instruments { done, total } => {
            bar.update(done, total, "instruments");
        }
    };
    let data = actes::site::gather_with(&history, &lineage, Some(&mut progress));
    let data = data.map_err(CommandError::failure)?;
    bar.message("rendering pages");
    let files = site_render::build(&data);
    drop(data);
    let bytes = files.values().map(String::len).sum();
    bar.message(&format!("writing {} files", files.len()));
    let written = write_site(&args.dir, &files);
    bar.finish();
    written?;
    let report = SiteReport {
        dir: &args.dir,
        files: files.len(),
        bytes,
    };
    if config.format == Format::Json {
        return out.write_json(&report);
    }
    out.write_str(&format!(
        "wrote {} files ({} bytes) to {}; open {}\n",
        report.files,
        report.bytes,
        args.dir.display(),
        args.dir.join("index.html").display()
    ))
}

/// Refuses a target that exists and is neither an empty folder nor an earlier actes site.
fn check_target(dir: &Path) -> Result<(), CommandError> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(CommandError::bad_input(format!(
            "{} exists and is not a folder; expected a missing folder, an empty one or a site that `actes site` wrote",
            dir.display()
        )));
    }
    let empty = fs::read_dir(dir)
        .map_err(|e| CommandError::failure(format!("cannot read {}: {e}", dir.display())))?
        .next()
        .is_none();
    if empty || dir.join(MARKER).is_file() {
        Ok(())
    } else {
        Err(CommandError::bad_input(format!(
            "{} is not empty and is not a site that `actes site` wrote (no {MARKER} file); \
             refusing to write into it: name a new or empty folder",
            dir.display()
        )))
    }
}

/// A folder beside `dir` named after it, for the new site or the old one while they swap.
fn beside(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".to_string());
    dir.with_file_name(format!(".{name}.{suffix}"))
}

/// Writes every file into a fresh folder beside `dir`, then puts it in `dir`'s place (the old
/// site, if any, is moved aside and removed only after).
fn write_site(
    dir: &Path,
    files: &std::collections::BTreeMap<PathBuf, String>,
) -> Result<(), CommandError> {
    let fail = |what: &str, path: &Path, e: std::io::Error| {
        CommandError::failure(format!("cannot {what} {}: {e}", path.display()))
    };
    let dir = if dir.is_absolute() || dir.parent().is_some_and(|p| !p.as_os_str().is_empty()) {
        dir.to_path_buf()
    } else {
        Path::new(".").join(dir)
    };
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(|e| fail("create", parent, e))?;
    }
    let fresh = beside(&dir, "actes-site-new");
    if fresh.exists() {
        fs::remove_dir_all(&fresh).map_err(|e| fail("remove", &fresh, e))?;
    }
    let written = (|| -> Result<(), CommandError> {
        for (path, content) in files {
            let target = fresh.join(path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(|e| fail("create", parent, e))?;
            }
            fs::write(&target, content).map_err(|e| fail("write", &target, e))?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    let old = beside(&dir, "actes-site-old");
    if dir.exists() {
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| fail("remove", &old, e))?;
        }
        fs::rename(&dir, &old).map_err(|e| fail("move aside", &dir, e))?;
    }
    if let Err(e) = fs::rename(&fresh, &dir) {
        // Put the old site back rather than leave nothing.
        if old.exists() {
            let _ = fs::rename(&old, &dir);
        }
        return Err(fail("move into place", &fresh, e));
    }
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| fail("remove", &old, e))?;
    }
    Ok(())
}
