//! Walks the history for [`super`]: every text file of every conference commit of `main` and
//! every proposal commit of the proposal refs, reading each distinct blob once. On a proposal ref,
//! a file counts only at the proposals that change it: the chain carries earlier proposals' texts
//! forward, and a later proposal does not propose them.
//!
//! The walk goes by tree ids, so a folder already seen (an instrument unchanged since an earlier
//! commit) is not read again, and each distinct text is read and searched
//! once, however many commits share it.

use std::collections::{BTreeMap, HashMap};

use crate::history::layout::{is_text_file, MAIN_REF};
use crate::history::point::{point_of, VersionPoint};
use crate::history::read::{CommitInfo, History, ReadError};
use crate::history::ObjectId;
use crate::model::Body;
use crate::text::fold;

use super::{build_track, find_in_text, Occurrence, SearchResult, TrackVersion};

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    History(#[from] ReadError),
    #[error("the phrase is empty once case, accents and spacing are set aside")]
    EmptyPhrase,
}

/// The text files of one commit: path to blob.
type Files = BTreeMap<String, ObjectId>;

/// Lists text files commit after commit by tree ids: a folder whose tree id was seen before (in
/// this commit or an earlier one) is not read again.
struct Lister<'h> {
    history: &'h History,
    body: Option<Body>,
    /// Instrument folder tree id to its text files (file name, blob).
    folders: HashMap<ObjectId, Vec<(String, ObjectId)>>,
    /// Kind folder tree id (`pp/resolution`) to its instrument folders (name, tree id).
    kinds: HashMap<ObjectId, Vec<(String, ObjectId)>>,
}

impl Lister<'_> {
    fn subfolders(&self, tree: ObjectId) -> Result<Vec<(String, ObjectId)>, ReadError> {
        Ok(self
            .history
            .tree_entries(tree)?
            .into_iter()
            .filter(|e| e.is_dir)
            .map(|e| (e.name, e.id))
            .collect())
    }

    fn files(&mut self, commit: &CommitInfo) -> Result<Files, ReadError> {
        let mut out = Files::new();
        for (body_name, body_tree) in self.subfolders(commit.tree)? {
            let Some(body) = Body::from_code(&body_name) else {
                continue;
            };
            if body.code() != body_name || self.body.is_some_and(|b| b != body) {
                continue;
            }
            for (kind_name, kind_tree) in self.subfolders(body_tree)? {
                if !self.kinds.contains_key(&kind_tree) {
                    let instruments = self.subfolders(kind_tree)?;
                    self.kinds.insert(kind_tree, instruments);
                }
                let instruments = &self.kinds[&kind_tree];
                for (instrument_name, instrument_tree) in instruments {
                    if !self.folders.contains_key(instrument_tree) {
                        let files: Vec<(String, ObjectId)> = self
                            .history
                            .tree_entries(*instrument_tree)?
                            .into_iter()
                            .filter(|e| !e.is_dir && is_text_file(&e.name))
                            .map(|e| (e.name, e.id))
                            .collect();
                        self.folders.insert(*instrument_tree, files);
                    }
                    for (file, blob) in &self.folders[instrument_tree] {
                        out.insert(
                            format!("{body_name}/{kind_name}/{instrument_name}/{file}"),
                            *blob,
                        );
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Searches every text of the history (of one body, if given) for `phrase`.
pub fn search(
    history: &History,
    phrase: &str,
    body: Option<Body>,
) -> Result<SearchResult, SearchError> {
    let folded = fold(phrase);
    if folded.is_empty() {
        return Err(SearchError::EmptyPhrase);
    }
    let mut lister = Lister {
        history,
        body,
        folders: HashMap::new(),
        kinds: HashMap::new(),
    };
    // Occurrences by blob: each distinct text is searched once.
    let mut found: HashMap<ObjectId, Vec<Occurrence>> = HashMap::new();
    let mut search_blob = |blob: ObjectId| -> Result<(), ReadError> {
        if found.contains_key(&blob) {
            return Ok(());
        }
        let bytes = history.blob(blob)?;
        let text = String::from_utf8_lossy(&bytes);
        found.insert(blob, find_in_text(&folded, &text));
        Ok(())
    };

    let main: Vec<CommitInfo> = history.conferences().to_vec();
    let mut main_files: Vec<Files> = Vec::with_capacity(main.len());
    for commit in &main {
        let files = lister.files(commit)?;
        for blob in files.values() {
            search_blob(*blob)?;
        }
        main_files.push(files);
    }
    let refs = history.proposal_refs()?;
    let mut ref_files: Vec<Vec<Files>> = Vec::with_capacity(refs.len());
    for r in &refs {
        let mut per_commit = Vec::with_capacity(r.commits.len());
        for commit in &r.commits {
            let files = lister.files(commit)?;
            for blob in files.values() {
                search_blob(*blob)?;
            }
            per_commit.push(files);
        }
        ref_files.push(per_commit);
    }

    let has_hits = |blob: &ObjectId| found.get(blob).is_some_and(|o| !o.is_empty());
    let version = |point: VersionPoint, files: &Files, path: &str| TrackVersion {
        point,
        occurrences: files
            .get(path)
            .map(|b| found.get(b).cloned().unwrap_or_default()),
    };
    let mut tracks = Vec::new();

    // Main: every path that holds the phrase somewhere.
    let mut main_paths: Vec<&String> = main_files
        .iter()
        .flat_map(|f| f.iter().filter(|(_, b)| has_hits(b)).map(|(p, _)| p))
        .collect();
    main_paths.sort();
    main_paths.dedup();
    for path in main_paths {
        let versions: Vec<TrackVersion> = main
            .iter()
            .zip(&main_files)
            .map(|(c, files)| version(point_of(c, true, MAIN_REF), files, path))
            .collect();
        tracks.extend(build_track(path, MAIN_REF, true, None, &versions));
    }

    // Proposal refs: the proposal commits only, starting from the base's state.
    for (r, per_commit) in refs.iter().zip(&ref_files) {
        let base_index = r.base.and_then(|b| main.iter().position(|c| c.id == b));
        let mut paths: Vec<&String> = per_commit
            .iter()
            .flat_map(|f| f.iter().filter(|(_, b)| has_hits(b)).map(|(p, _)| p))
            .collect();
        paths.sort();
        paths.dedup();
        for path in paths {
            let base = base_index
                .map(|i| version(point_of(&main[i], true, MAIN_REF), &main_files[i], path));
            // Only the proposals that touch this file: a later proposal of the chain carries
            // the text of an earlier one but does not propose it.
            let mut previous_blob = base_index.and_then(|i| main_files[i].get(path.as_str()));
            let mut versions: Vec<TrackVersion> = Vec::new();
            for (c, files) in r.commits.iter().zip(per_commit) {
                let blob = files.get(path.as_str());
                if blob != previous_blob {
                    versions.push(version(point_of(c, false, &r.reference), files, path));
                }
                previous_blob = blob;
            }
            tracks.extend(build_track(
                path,
                &r.reference,
                false,
                base.as_ref(),
                &versions,
            ));
        }
    }

    Ok(SearchResult {
        phrase: phrase.to_string(),
        folded,
        tracks,
    })
}
