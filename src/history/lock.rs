//! One build at a time: a lock file beside the repository (`<repo>.lock`), made with
//! create-new so that a second build sees it and fails with a clear message instead of
//! interleaving its refs with the first one's.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another build holds the lock {} ({holder}); wait for it to finish, or remove the file if no build is running",
        path.display()
    )]
    Held { path: PathBuf, holder: String },
    #[error("could not create the lock file {}", path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The lock, held until dropped.
#[derive(Debug)]
pub struct BuildLock {
    path: PathBuf,
}

impl BuildLock {
    /// The lock file of the repository at `repo`: `<repo>.lock`.
    pub fn path_for(repo: &Path) -> PathBuf {
        let mut name = repo
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "repository".into());
        name.push(".lock");
        repo.with_file_name(name)
    }

    /// Takes the lock, trying again for up to `wait` if another build holds it.
    pub fn acquire(repo: &Path, wait: Duration) -> Result<BuildLock, LockError> {
        let path = Self::path_for(repo);
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| LockError::Create {
                path: path.clone(),
                source,
            })?;
        }
        let started = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    // Who holds it, for the message a second build prints. Best effort: the
                    // lock is the file's existence, not its content.
                    let _ = writeln!(file, "actes build, process {}", std::process::id());
                    return Ok(BuildLock { path });
                }
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                    if holder_is_gone(&path) {
                        // A build that was killed leaves its lock behind; its process is gone,
                        // so the lock protects nothing.
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    if started.elapsed() >= wait {
                        let holder = std::fs::read_to_string(&path)
                            .ok()
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .unwrap_or_else(|| "holder unknown".to_string());
                        return Err(LockError::Held { path, holder });
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(source) => return Err(LockError::Create { path, source }),
            }
        }
    }
}

/// Waits, up to `wait`, while a build holds the lock of the repository at `repo`; says whether
/// the lock is free at the end. A lock whose process is gone counts as free.
pub fn wait_released(repo: &Path, wait: Duration) -> bool {
    let path = BuildLock::path_for(repo);
    let started = Instant::now();
    loop {
        if !path.exists() || holder_is_gone(&path) {
            return true;
        }
        if started.elapsed() >= wait {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Whether the lock names a process of this machine that no longer runs (Linux: no
/// `/proc/<pid>`). Anything unsure (no `/proc`, no pid in the file) counts as still held.
fn holder_is_gone(path: &Path) -> bool {
    let Ok(content) = std::fs::read_to_string(path) else {
        return false;
    };
    let Some(pid) = content
        .trim()
        .strip_prefix("actes build, process ")
        .and_then(|p| p.parse::<u32>().ok())
    else {
        return false;
    };
    let proc_root = Path::new("/proc");
    proc_root.join("self").exists() && !proc_root.join(pid.to_string()).exists()
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Opens a file that must not exist yet (a `packed-refs.lock`), for the same protocol git uses.
pub(crate) fn create_new(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}
