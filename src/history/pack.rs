//! Objects kept in memory and written to the repository as one pack.
//!
//! Writing each object as a loose file is slow and leaves thousands of files behind; `git
//! fast-import` writes one pack. The writer does the same: it serializes and hashes every object
//! itself (commits, trees, tags and blobs have simple, fixed encodings), keeps each one compressed
//! in memory, and at the end hands them to gix-pack, which writes the pack and its index into
//! `objects/pack/` through temporary files, so that a pack is either complete or absent.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use gix::hash::{Kind as HashKind, ObjectId};
use gix::objs::Kind;
use gix_pack::data::output;

/// Why the pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("could not hash a {kind} object")]
    Hash {
        kind: Kind,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("could not compress a {kind} object")]
    Compress {
        kind: Kind,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("could not encode the pack")]
    Encode(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("could not write the pack and its index into {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Every object of a history, each once, in the order first seen, compressed.
#[derive(Default)]
pub struct ObjectSet {
    seen: HashSet<ObjectId>,
    entries: Vec<output::Entry>,
}

impl ObjectSet {
    /// Hashes an object, and keeps it (compressed) unless it is already kept. Returns its id.
    pub fn insert(&mut self, kind: Kind, data: &[u8]) -> Result<ObjectId, PackError> {
        let id =
            gix::objs::compute_hash(HashKind::Sha1, kind, data).map_err(|e| PackError::Hash {
                kind,
                source: Box::new(e),
            })?;
        if self.seen.insert(id) {
            let count = output::Count::from_data(id, None);
            let entry = output::Entry::from_data(
                &count,
                &gix::objs::Data::new(data, kind, HashKind::Sha1),
                gix::zlib::Compression::BEST_SPEED,
            )
            .map_err(|e| PackError::Compress {
                kind,
                source: Box::new(e),
            })?;
            self.entries.push(entry);
        }
        Ok(id)
    }

    /// How many objects are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no object is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Keeps only the objects for which `keep` says yes (those the repository lacks).
    pub fn retain(&mut self, mut keep: impl FnMut(&ObjectId) -> bool) {
        self.entries.retain(|e| keep(&e.id));
    }

    /// Writes the objects kept as one pack with its index into `pack_dir` (`objects/pack`).
    /// Returns the path of the `.keep` file that protects the new pack until refs point into it,
    /// if one was made.
    pub fn write_pack(self, pack_dir: &Path) -> Result<Option<PathBuf>, PackError> {
        let count =
            u32::try_from(self.entries.len()).map_err(|e| PackError::Encode(Box::new(e)))?;
        let mut bytes = Vec::with_capacity(
            self.entries
                .iter()
                .map(|e| e.compressed_data.len() + 16)
                .sum::<usize>()
                + 64,
        );
        {
            let chunks = std::iter::once(Ok::<_, gix::Error>(self.entries));
            let mut writer = output::bytes::FromEntriesIter::new(
                chunks,
                &mut bytes,
                count,
                gix_pack::data::Version::V2,
                HashKind::Sha1,
            );
            for written in writer.by_ref() {
                written.map_err(|e| PackError::Encode(Box::new(e)))?;
            }
        }
        let interrupt = AtomicBool::new(false);
        let mut progress = gix::progress::Discard;
        let outcome = gix_pack::Bundle::write_to_directory(
            &mut bytes.as_slice(),
            Some(pack_dir),
            &mut progress,
            &interrupt,
            None::<gix::objs::find::Never>,
            HashKind::Sha1,
            gix_pack::bundle::write::Options {
                thread_limit: Some(2),
                iteration_mode: gix_pack::data::input::Mode::Verify,
                index_version: gix_pack::index::Version::V2,
                alloc_limit_bytes: None,
                compression: gix::zlib::Compression::BEST_SPEED,
            },
        )
        .map_err(|e| PackError::Write {
            path: pack_dir.to_path_buf(),
            source: Box::new(e),
        })?;
        Ok(outcome.keep_path)
    }
}
