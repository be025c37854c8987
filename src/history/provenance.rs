//! What a history was built from: a digest of every file of the sources folder and the version of
//! actes that built it. It is kept in the repository's config (`[actes] sources`, `version`),
//! outside the commits, so that commit ids stay the same from one actes version to the next;
//! commands compare it with the sources in use to rebuild (or refuse) a stale history.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gix::hash::Kind as HashKind;
use gix::objs::Kind;

use super::guard;

/// The version of actes, as recorded.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The revision of the rules that decide what a history says (reading, settling, assembling).
/// Bump it in the commit that changes what the same sources give, so that histories built
/// before it are rebuilt; it is recorded beside [`VERSION`] as `0.1.0+rules.2`.
pub const RULES: u32 = 4;

/// What a history is (or would be) built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// SHA-1 over the sorted relative paths of the sources' files and their blob ids.
    pub sources: String,
    /// The version of actes.
    pub version: String,
}

/// Why the sources could not be digested.
#[derive(Debug, thiserror::Error)]
pub enum ProvenanceError {
    #[error("the sources folder {} does not exist; give --sources a folder holding conferences.csv and documents.csv", path.display())]
    Missing { path: PathBuf },
    #[error("{} is not a folder; give --sources a folder holding conferences.csv and documents.csv", path.display())]
    NotAFolder { path: PathBuf },
    #[error("{}: cannot read", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Provenance {
    /// The provenance of a history built now from the sources folder `dir`: every file under it
    /// except hidden ones, with this actes version.
    pub fn of_sources(dir: &Path) -> Result<Provenance, ProvenanceError> {
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(ProvenanceError::NotAFolder {
                    path: dir.to_path_buf(),
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ProvenanceError::Missing {
                    path: dir.to_path_buf(),
                })
            }
            Err(source) => {
                return Err(ProvenanceError::Io {
                    path: dir.to_path_buf(),
                    source,
                })
            }
        }
        let mut files = Vec::new();
        collect(dir, "", &mut files)?;
        files.sort();
        let mut listing = Vec::new();
        for (name, path) in files {
            let bytes =
                std::fs::read(&path).map_err(|source| ProvenanceError::Io { path, source })?;
            let id = gix::objs::compute_hash(HashKind::Sha1, Kind::Blob, &bytes)
                .expect("SHA-1 hashing of bytes in memory cannot fail");
            listing.extend_from_slice(format!("{id} {name}\n").as_bytes());
        }
        let digest = gix::objs::compute_hash(HashKind::Sha1, Kind::Blob, &listing)
            .expect("SHA-1 hashing of bytes in memory cannot fail");
        Ok(Provenance {
            sources: digest.to_string(),
            version: format!("{VERSION}+rules.{RULES}"),
        })
    }

    /// What the repository at `git_dir` records, if it records anything.
    pub fn recorded(git_dir: &Path) -> Option<Provenance> {
        let section = guard::read_section(git_dir);
        Some(Provenance {
            sources: section.get("sources")?.clone(),
            version: section.get("version")?.clone(),
        })
    }

    /// The config values that record it.
    pub(crate) fn values(provenance: Option<&Provenance>) -> BTreeMap<String, String> {
        let mut values = BTreeMap::new();
        if let Some(p) = provenance {
            values.insert("sources".to_string(), p.sources.clone());
            values.insert("version".to_string(), p.version.clone());
        }
        values
    }
}

fn collect(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), ProvenanceError> {
    let io = |source| ProvenanceError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        if path.is_dir() {
            collect(&path, &format!("{relative}/"), out)?;
        } else {
            out.push((relative, path));
        }
    }
    Ok(())
}
