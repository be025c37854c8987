//! Helpers shared by the test modules: where the shipped sources are, a scratch folder, and a way
//! to run the `actes` binary and capture everything it says.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The project's shipped sources (`history/`).
pub fn sources_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("history")
}

/// The real seed document: PP-18 Document 67, Brazil's proposals, in French.
pub fn seed_path() -> PathBuf {
    sources_dir().join("documents/pp-2018-dubai/67-fr.txt")
}

/// The seed's bytes.
pub fn seed_bytes() -> Vec<u8> {
    std::fs::read(seed_path()).expect("the seed document is shipped under history/")
}

/// A fresh scratch folder under the target directory, removed and recreated for each call with
/// the same name, so that each test names its own.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    dir
}

/// What a run of the `actes` binary printed and how it ended, in one string for snapshots.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
}

impl Run {
    /// `exit: N`, then stdout and stderr under their own headings: the form every CLI snapshot
    /// takes.
    pub fn snapshot(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code.map_or("signal".to_string(), |c| c.to_string()),
            self.stdout,
            self.stderr
        )
    }
}

/// Runs `actes` with these arguments in the project folder, with colour off.
pub fn actes(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_actes"))
        .args(args)
        .arg("--color=never")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the actes binary runs");
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code(),
    }
}
