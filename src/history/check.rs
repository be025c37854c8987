//! Is the repository whole? Every pack actes wrote ends with a checksum of its bytes, and its index
//! names that checksum: a pack cut short or with a flipped bit fails one of the two. Commands ask
//! here when reading fails, to say that the history is damaged rather than print a raw object
//! error; `actes build` asks before writing, and rewrites every object of a damaged history.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use gix::hash::Kind as HashKind;

/// A damaged repository: which files are wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the history at {} is damaged ({}: {why}); rebuild it with `actes build` (or remove the folder)", repo.display(), file.display())]
pub struct Damage {
    pub repo: PathBuf,
    /// The first damaged file.
    pub file: PathBuf,
    pub why: String,
    /// Every damaged pack (its `.pack` path), to be replaced.
    pub packs: Vec<PathBuf>,
}

/// Checks every pack of the repository at `git_dir` against its checksums; `Ok` when all agree.
pub fn check(git_dir: &Path) -> Result<(), Damage> {
    let pack_dir = git_dir.join("objects").join("pack");
    let Ok(entries) = std::fs::read_dir(&pack_dir) else {
        return Ok(());
    };
    let mut names: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "idx" || e == "pack"))
        .collect();
    names.sort();
    let mut damaged: Vec<(PathBuf, PathBuf, String)> = Vec::new();
    let mut stems: Vec<PathBuf> = names.iter().map(|p| p.with_extension("")).collect();
    stems.dedup();
    for stem in stems {
        if let Err((file, why)) = check_pack(&stem) {
            damaged.push((stem.with_extension("pack"), file, why));
        }
    }
    match damaged.first() {
        None => Ok(()),
        Some((_, file, why)) => Err(Damage {
            repo: git_dir.to_path_buf(),
            file: file.clone(),
            why: why.clone(),
            packs: damaged.iter().map(|(p, _, _)| p.clone()).collect(),
        }),
    }
}

/// One pack and its index: both present, both matching their checksums, naming each other.
fn check_pack(stem: &Path) -> Result<(), (PathBuf, String)> {
    let pack = stem.with_extension("pack");
    let idx = stem.with_extension("idx");
    let interrupt = AtomicBool::new(false);
    let mut progress = gix::progress::Discard;
    let index = gix_pack::index::File::at(&idx, HashKind::Sha1)
        .map_err(|e| (idx.clone(), format!("unreadable index: {e}")))?;
    index
        .verify_checksum(&mut progress, &interrupt)
        .map_err(|_| (idx.clone(), "index checksum mismatch".to_string()))?;
    let data = gix_pack::data::File::at(&pack, HashKind::Sha1)
        .map_err(|e| (pack.clone(), format!("unreadable pack: {e}")))?;
    let sum = data
        .verify_checksum(&mut progress, &interrupt)
        .map_err(|_| {
            (
                pack.clone(),
                "pack checksum mismatch (cut short or altered)".to_string(),
            )
        })?;
    if sum != index.pack_checksum() {
        return Err((
            pack,
            "the pack is not the one its index describes".to_string(),
        ));
    }
    if data.num_objects() != index.num_objects() {
        return Err((
            pack,
            "the pack and its index count different objects".to_string(),
        ));
    }
    Ok(())
}
