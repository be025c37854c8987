//! Where the sources and the default repository are, found like git finds its repository: from
//! the working folder upwards, the first folder holding `history/conferences.csv` and
//! `history/documents.csv` is the project; its `history/` is the sources and its
//! `target/actes-history.git` the default repository. When none is found, the error says where
//! actes looked.

use std::path::{Path, PathBuf};

/// Default folder of the built history, relative to the project folder (git-ignored).
pub const DEFAULT_REPO: &str = "target/actes-history.git";
/// Default folder of the sources, relative to the project folder.
pub const DEFAULT_SOURCES: &str = "history";
/// The files that make a folder a sources folder.
const SOURCE_FILES: [&str; 2] = ["conferences.csv", "documents.csv"];

/// No sources folder was given and none was found.
#[derive(Debug, Clone, thiserror::Error)]
#[error("no sources found: looked for {DEFAULT_SOURCES}/conferences.csv and {DEFAULT_SOURCES}/documents.csv in {}; run actes inside the project folder, or give --sources FOLDER (and --repo)", looked.join(", "))]
pub struct SourcesNotFound {
    pub looked: Vec<String>,
}

/// The repository and the sources to use.
#[derive(Debug, Clone)]
pub struct Located {
    pub repo: PathBuf,
    pub sources: Result<PathBuf, SourcesNotFound>,
    /// `--sources` was given.
    pub sources_given: bool,
}

/// Resolves `--repo` and `--sources` (either may be absent) from the working folder `cwd`.
pub fn locate(repo: Option<PathBuf>, sources: Option<PathBuf>, cwd: &Path) -> Located {
    let project = project_folder(cwd);
    let under_project = |default: &str| match &project {
        // Found in the working folder itself: keep the paths relative, as the user would write
        // them.
        Ok(dir) if dir == cwd => PathBuf::from(default),
        Ok(dir) => dir.join(default),
        Err(_) => PathBuf::from(default),
    };
    let repo = repo.unwrap_or_else(|| under_project(DEFAULT_REPO));
    let sources_given = sources.is_some();
    let sources = match sources {
        Some(dir) => Ok(dir),
        None => project
            .as_ref()
            .map(|_| under_project(DEFAULT_SOURCES))
            .map_err(Clone::clone),
    };
    Located {
        repo,
        sources,
        sources_given,
    }
}

/// The first folder from `cwd` upwards that holds the sources folder.
fn project_folder(cwd: &Path) -> Result<PathBuf, SourcesNotFound> {
    let mut looked = Vec::new();
    for dir in cwd.ancestors() {
        let sources = dir.join(DEFAULT_SOURCES);
        if SOURCE_FILES.iter().all(|f| sources.join(f).is_file()) {
            return Ok(dir.to_path_buf());
        }
        looked.push(dir.display().to_string());
    }
    Err(SourcesNotFound { looked })
}
