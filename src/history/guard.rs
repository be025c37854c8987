//! Never touch a repository actes did not create. Every repository actes writes carries a mark in
//! its git config (`[actes] history = true`, readable with `git config actes.history`); before a
//! build writes anything, [`inspect`] says what stands at the path:
//!
//! - nothing, or an empty folder: a new history may be created there;
//! - a marked repository: actes's own, to rebuild at will;
//! - an unmarked bare repository whose refs are all actes's (`main`, tags, proposals) and whose
//!   commits are all conference or proposal commits (the default `target/actes-history.git` of
//!   actes versions that did not mark): adopted, and marked by the next build;
//! - anything else (a working folder, a clone's `.git`, a repository with other history, a file):
//!   refused, whatever the options.
//!
//! The same `[actes]` section records what the history was built from (see
//! [`super::provenance`]), and every ref move is written to the ref's reflog, as git does.

use super::layout;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use gix::hash::ObjectId;

/// The config section actes owns.
pub const SECTION: &str = "actes";
/// The key that marks a repository as an actes history.
pub const MARK_KEY: &str = "history";

/// The domain of the committers actes writes: conferences and proposals.
const ACTES_EMAILS: [&str; 2] = ["@conferences.actes.invalid", "@proposals.actes.invalid"];

/// What stands at a repository path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Nothing: a new history may be created.
    Absent,
    /// An empty folder: a new history may be created in it.
    EmptyFolder,
    /// A repository marked as an actes history.
    Marked,
    /// An unmarked repository holding nothing but actes history (or nothing at all): adopted.
    Adoptable,
}

/// Why actes will not write (or read) a repository.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    #[error("{} is a file, not a repository folder; give --repo a folder (it is created if missing)", path.display())]
    File { path: PathBuf },
    #[error("{} is not empty and is not a git repository; give --repo a new or empty folder", path.display())]
    NotARepository { path: PathBuf },
    #[error("{} is a git repository that actes did not create ({why}); actes never writes into it and does not read it as a history: give --repo a new folder", path.display())]
    Foreign { path: PathBuf, why: String },
    #[error("could not inspect {}", path.display())]
    Inspect {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Says what stands at `path`, refusing what actes must not touch. Reads only.
pub fn inspect(path: &Path) -> Result<Standing, GuardError> {
    let io = |e: std::io::Error| GuardError::Inspect {
        path: path.to_path_buf(),
        source: Box::new(e),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Standing::Absent),
        Err(e) => return Err(io(e)),
    };
    if !meta.is_dir() {
        return Err(GuardError::File {
            path: path.to_path_buf(),
        });
    }
    if std::fs::read_dir(path).map_err(io)?.next().is_none() {
        return Ok(Standing::EmptyFolder);
    }
    let foreign = |why: &str| GuardError::Foreign {
        path: path.to_path_buf(),
        why: why.to_string(),
    };
    if path.join(".git").exists() {
        return Err(foreign("a working folder with its own .git"));
    }
    if !path.join("objects").is_dir() || !path.join("HEAD").is_file() {
        return Err(GuardError::NotARepository {
            path: path.to_path_buf(),
        });
    }
    let section = read_section(path);
    if section.get(MARK_KEY).map(String::as_str) == Some("true") {
        return Ok(Standing::Marked);
    }
    if core_bare(path) == Some(false) {
        return Err(foreign("the repository of a working folder"));
    }
    match foreign_content(path)? {
        None => Ok(Standing::Adoptable),
        Some(why) => Err(foreign(&why)),
    }
}

/// `core.bare` of the repository's config, if it says.
fn core_bare(git_dir: &Path) -> Option<bool> {
    let text = std::fs::read_to_string(git_dir.join("config")).ok()?;
    let mut in_core = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_core = line.eq_ignore_ascii_case("[core]");
            continue;
        }
        if in_core {
            if let Some((key, value)) = line.split_once('=') {
                if key.trim().eq_ignore_ascii_case("bare") {
                    return Some(value.trim().eq_ignore_ascii_case("true"));
                }
            }
        }
    }
    None
}

/// Why an unmarked repository is not actes history: a ref outside actes's namespaces, or a commit
/// that actes did not write. `None` when every ref and commit is actes's.
fn foreign_content(path: &Path) -> Result<Option<String>, GuardError> {
    let err = |e: Box<dyn std::error::Error + Send + Sync>| GuardError::Inspect {
        path: path.to_path_buf(),
        source: e,
    };
    let repo = gix::open_opts(path, gix::open::Options::isolated()).map_err(|e| err(e.into()))?;
    let platform = repo.references().map_err(|e| err(e.into()))?;
    let mut tips = Vec::new();
    for reference in platform.all().map_err(|e| err(e.into()))? {
        let reference = reference.map_err(|e| err(e.into()))?;
        let name = reference.name().as_bstr().to_string();
        if !is_actes_ref(&name) {
            return Ok(Some(format!("it has the ref `{name}`")));
        }
        let id = reference
            .into_fully_peeled_id()
            .map_err(|e| err(e.into()))?;
        tips.push(id.detach());
    }
    let mut seen: BTreeSet<ObjectId> = BTreeSet::new();
    while let Some(id) = tips.pop() {
        if !seen.insert(id) {
            continue;
        }
        let commit = repo.find_commit(id).map_err(|e| err(e.into()))?;
        let email = commit
            .committer()
            .map_err(|e| err(e.into()))?
            .email
            .to_string();
        if !ACTES_EMAILS.iter().any(|d| email.ends_with(d)) {
            let id = id.to_string();
            return Ok(Some(format!(
                "commit {} was not written by actes",
                &id[..12.min(id.len())]
            )));
        }
        tips.extend(commit.parent_ids().map(|p| p.detach()));
    }
    Ok(None)
}

/// The refs a history written by actes holds.
fn is_actes_ref(name: &str) -> bool {
    name == layout::MAIN_REF
        || name.starts_with(layout::TAGS_PREFIX)
        || name.starts_with(layout::PROPOSALS_PREFIX)
}

/// The `[actes]` section of the repository's config, keys to values (empty when absent).
pub fn read_section(git_dir: &Path) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(git_dir.join("config")) else {
        return values;
    };
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = is_section_header(line);
            continue;
        }
        if inside {
            if let Some((key, value)) = line.split_once('=') {
                values.insert(key.trim().to_lowercase(), value.trim().to_string());
            }
        }
    }
    values
}

fn is_section_header(line: &str) -> bool {
    line.trim()
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .is_some_and(|name| name.trim().eq_ignore_ascii_case(SECTION))
}

/// Writes the `[actes]` section: the mark and `values` (replacing whatever the section held),
/// through `config.lock` renamed over `config`, as git does. The rest of the config is kept.
pub(crate) fn write_section(
    git_dir: &Path,
    values: &BTreeMap<String, String>,
) -> std::io::Result<()> {
    let config = git_dir.join("config");
    let old = match std::fs::read_to_string(&config) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let mut kept = String::new();
    let mut inside = false;
    for line in old.lines() {
        if line.trim().starts_with('[') {
            inside = is_section_header(line);
        }
        if !inside {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept.push_str(&format!("[{SECTION}]\n\t{MARK_KEY} = true\n"));
    for (key, value) in values {
        kept.push_str(&format!("\t{key} = {value}\n"));
    }
    if kept == old {
        return Ok(());
    }
    let lock = git_dir.join("config.lock");
    let mut file = super::lock::create_new(&lock)?;
    let written = file
        .write_all(kept.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let result = written.and_then(|()| std::fs::rename(&lock, &config));
    if result.is_err() {
        let _ = std::fs::remove_file(&lock);
    }
    result
}

/// Appends one line per moved ref to its reflog (`logs/<ref>`), in git's format, so that
/// `git reflog` shows what each build did. `seconds` is the time of the build.
pub(crate) fn log_ref_moves(
    git_dir: &Path,
    moves: &[(String, Option<String>, Option<String>)],
    seconds: u64,
    message: &str,
) -> std::io::Result<()> {
    let zero = ObjectId::null(gix::hash::Kind::Sha1).to_string();
    for (name, old, new) in moves {
        let path = git_dir.join("logs").join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        writeln!(
            file,
            "{} {} actes <actes@actes.invalid> {seconds} +0000\t{message}",
            old.as_deref().unwrap_or(&zero),
            new.as_deref().unwrap_or(&zero),
        )?;
    }
    Ok(())
}
