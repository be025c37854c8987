//! Helpers shared by the test modules: where the shipped sources are, the seed read once, a
//! scratch folder, and a way to run the `actes` binary and capture everything it says.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use actes::reader::citations::Meetings;
use actes::reader::{read_document_with, Document, Proposal};

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

/// The seed's name as the sources index gives it, for evidence and error messages.
pub const SEED_NAME: &str = "documents/pp-2018-dubai/67-fr.txt";

/// The meetings of the shipped catalogue (`history/conferences.csv`), as the corpus passes them
/// to the reader for the shipped sources.
pub fn shipped_meetings() -> &'static Meetings {
    static MEETINGS: OnceLock<Meetings> = OnceLock::new();
    MEETINGS.get_or_init(|| {
        let catalogue = actes::catalogue::Catalogue::load(&sources_dir().join("conferences.csv"))
            .expect("the shipped catalogue reads");
        Meetings::from_conferences(catalogue.conferences())
    })
}

/// Reads a document as the corpus reads the shipped sources: with the shipped catalogue.
pub fn read_shipped(name: &str, bytes: &[u8]) -> Result<Document, actes::reader::ReadError> {
    read_document_with(name, bytes, shipped_meetings())
}

/// The seed, read once for the whole test binary.
pub fn seed_document() -> &'static Document {
    static SEED: OnceLock<Document> = OnceLock::new();
    SEED.get_or_init(|| read_shipped(SEED_NAME, &seed_bytes()).expect("the seed reads"))
}

/// The proposal `id` (`B/67/4`) of a document; it must be there.
pub fn proposal<'a>(doc: &'a Document, id: &str) -> &'a Proposal {
    doc.proposals
        .iter()
        .find(|p| p.id.to_string() == id)
        .expect("the proposal is in the seed")
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

/// Runs `actes` with these arguments in the folder `dir`, with colour off.
pub fn actes_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_actes"))
        .args(args)
        .arg("--color=never")
        .current_dir(dir)
        .output()
        .expect("the actes binary runs");
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code(),
    }
}

/// Copies a folder recursively (the shipped sources into a scratch folder, to edit them).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the scratch folder is writable");
    for entry in std::fs::read_dir(from).expect("the folder reads") {
        let entry = entry.expect("the entry reads");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("the file copies");
        }
    }
}
