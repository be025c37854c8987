//! Before a command reads the history: is the repository an actes history, and was it built from
//! the sources in use by this version of actes? A missing history is built; a stale one is
//! rebuilt first, saying so in one line on standard error (or, with `--no-rebuild`, refused); a
//! repository actes did not create is refused. Queries that find a build in progress wait for it.

use std::path::Path;
use std::time::Duration;

use actes::history::guard::{self, Standing};
use actes::history::lock;
use actes::history::provenance::Provenance;

use super::repo;
use super::{CommandError, Config};

/// How long a command waits for another process's build before giving up.
pub const BUILD_WAIT: Duration = Duration::from_secs(300);

/// Makes sure `config.repo` holds the history of the sources in use, building or rebuilding it
/// when needed.
pub fn ensure_current(config: &Config) -> Result<(), CommandError> {
    let standing = settled_standing(config)?;
    let git_dir = config.repo.as_path();
    let why = match standing {
        Standing::Absent | Standing::EmptyFolder => Some(None),
        Standing::Marked if !has_main(git_dir) => Some(None),
        Standing::Marked | Standing::Adoptable => stale(config, git_dir)?,
    };
    let Some(why) = why else {
        return Ok(());
    };
    if config.no_rebuild {
        return Err(CommandError::bad_input(format!(
            "{}; run `actes build` (the history is not rebuilt with --no-rebuild)",
            why.unwrap_or_else(|| format!("no history at {}", config.repo.display()))
        )));
    }
    if let Some(why) = why {
        eprintln!("actes: {why}; rebuilding it first");
    }
    repo::build_with(config, false, BUILD_WAIT)?;
    Ok(())
}

/// What stands at the repository, once any build in progress is over.
fn settled_standing(config: &Config) -> Result<Standing, CommandError> {
    let started = std::time::Instant::now();
    loop {
        if !lock::wait_released(&config.repo, BUILD_WAIT) {
            return Err(CommandError::failure(format!(
                "another build of {} has held its lock for over {} seconds; wait for it, or remove {} if no build is running",
                config.repo.display(),
                BUILD_WAIT.as_secs(),
                lock::BuildLock::path_for(&config.repo).display()
            )));
        }
        match guard::inspect(&config.repo) {
            // A build that started meanwhile may have left the folder half made: wait for it.
            Err(_)
                if lock::BuildLock::path_for(&config.repo).exists()
                    && started.elapsed() < BUILD_WAIT => {}
            other => return other.map_err(CommandError::bad_input),
        }
    }
}

/// Why the history is stale (`Some(Some(why))`), or `None` when it is current or nothing says
/// what it was built from (a history written from a plan, with no sources to compare).
fn stale(config: &Config, git_dir: &Path) -> Result<Option<Option<String>>, CommandError> {
    let sources = match &config.sources {
        Ok(dir) => dir,
        // Nothing to compare with: the history is read as it is.
        Err(_) if !config.sources_given => return Ok(None),
        Err(e) => return Err(CommandError::bad_input(e.clone())),
    };
    let current = Provenance::of_sources(sources).map_err(CommandError::bad_input)?;
    let Some(recorded) = Provenance::recorded(git_dir) else {
        if guard::read_section(git_dir).contains_key(guard::MARK_KEY) {
            // Written from a plan, not from sources: nothing to compare.
            return Ok(None);
        }
        return Ok(Some(Some(format!(
            "the history at {} does not record what it was built from",
            config.repo.display()
        ))));
    };
    if recorded.version != current.version {
        return Ok(Some(Some(format!(
            "the history at {} was built by actes {}, this is actes {}",
            config.repo.display(),
            recorded.version,
            current.version
        ))));
    }
    if recorded.sources != current.sources {
        return Ok(Some(Some(format!(
            "the sources in {} differ from those the history at {} was built from",
            sources.display(),
            config.repo.display()
        ))));
    }
    Ok(None)
}

/// Whether the repository has a `main` ref (packed, as actes writes it, or loose).
fn has_main(git_dir: &Path) -> bool {
    use actes::history::layout::MAIN_REF;
    git_dir.join(MAIN_REF).is_file()
        || std::fs::read_to_string(git_dir.join("packed-refs")).is_ok_and(|t| {
            t.lines()
                .any(|l| l.strip_suffix(MAIN_REF).is_some_and(|l| l.ends_with(' ')))
        })
}

/// A build that failed: where the cause is a folder that cannot be written, say what to do.
pub fn unwritable(repo: &Path, err: actes::history::write::WriteError) -> CommandError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&err);
    while let Some(c) = cause {
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            if matches!(
                io.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) {
                return CommandError::failure(format!(
                    "cannot write the history at {} ({io}); run actes from a folder you can write, or give --repo a writable path",
                    repo.display()
                ));
            }
        }
        cause = c.source();
    }
    CommandError::failure(err)
}
