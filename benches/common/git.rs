//! Running the git binary on a bare repository, isolated from the user's and the system's
//! configuration; shared by the benchmarks and by the integration tests that compare actes with
//! git (`tests/integration/history.rs` includes this file with `#[path]`).

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// `git --git-dir <repo>` with no system or global configuration.
pub fn git(repo: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("--git-dir")
        .arg(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null");
    c
}

/// Creates an empty bare repository at `repo`.
pub fn init_bare(repo: &Path) {
    let init = Command::new("git")
        .args(["init", "--quiet", "--bare"])
        .arg(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .expect("git runs");
    assert!(init.success(), "git init failed");
}

/// Feeds a fast-import stream (`actes::synthetic::fast_import_stream`) to `git fast-import`
/// into the existing repository `repo`, and waits for it to finish.
pub fn fast_import(repo: &Path, stream: &[u8]) {
    let mut child = git(repo)
        .args(["fast-import", "--quiet", "--done"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stream)
        .expect("the stream is written");
    assert!(
        child.wait().expect("fast-import ends").success(),
        "git fast-import failed"
    );
}
