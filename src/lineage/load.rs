//! Reads the lineage's records back from the built history, and caches them in the repository so
//! that every command starts in a few milliseconds.
//!
//! Reading walks `refs/heads/main` oldest first and each `refs/proposals/...` ref down to main,
//! and reads only the files that changed in each commit (trees are compared by id, so unchanged
//! folders are never opened): `conferences/<id>.json`, `<body>/<kind>/<n>/meta.json` and
//! `proposals/<conference>/<id>.json`.
//!
//! The cache is a file `actes-lineage-cache` in the bare repository. Its first line is a key made
//! of the cache format and the id of every ref, so a history rewritten in any way (new commits,
//! moved tags, new proposal refs) never meets a stale cache: the key differs and the records are
//! read again. The rest holds the records cut per instrument, with an index, so that a query about
//! one instrument parses only that instrument's part.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Records, VersionRecord};
use crate::history::layout::{classify, trailer, CatalogueFile, TreeFile};
use crate::history::read::{ref_states, CommitInfo, History, ReadError};
use crate::history::{ChangedFile, ObjectId};
use crate::model::ProposalId;
use crate::model::{
    Conference, ConferenceId, ConferenceRecord, EventRecord, InstrumentId, InstrumentRecord,
    ProposalRecord,
};

/// The cache file's name inside the bare repository.
pub const CACHE_FILE: &str = crate::history::layout::LINEAGE_CACHE_FILE;
const CACHE_FORMAT: &str = "actes-lineage-cache 3";

/// Why the records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The repository cannot be opened.
    #[error("cannot open the history at {path}; build it first with `actes build`")]
    Open {
        path: PathBuf,
        #[source]
        source: Box<ReadError>,
    },
    /// A git object or ref cannot be read.
    #[error("cannot read the history at {path}: {what}")]
    Git { path: PathBuf, what: String },
    /// A record file does not hold what the layout says.
    #[error("{file} at commit {commit}: expected {expected}: {message}")]
    BadRecord {
        file: String,
        commit: String,
        expected: &'static str,
        message: String,
    },
}

fn git_error(path: &Path, what: impl std::fmt::Display) -> LoadError {
    LoadError::Git {
        path: path.to_path_buf(),
        what: what.to_string(),
    }
}

/// One instrument's share of the records, as the cache stores it.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Slice {
    events: Vec<(ConferenceId, EventRecord)>,
    versions: Vec<VersionRecord>,
    proposals: Vec<ProposalRecord>,
    /// Records of other instruments' versions that cite this one (their citations cut to those of
    /// this instrument), so that versions known only from citations join a one-instrument graph.
    /// Stored on a line of its own, which a whole load skips.
    #[serde(skip)]
    citing: Vec<VersionRecord>,
}

/// The cache's index: the catalogue, the recorded conferences without their events, and where
/// each slice lies.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    catalogue: Vec<Conference>,
    conferences: Vec<Conference>,
    /// Instrument (`tree_dir`) → byte offset and length after the index line of its slice, then
    /// of its citing records.
    slices: BTreeMap<String, [u64; 4]>,
    /// The instrument of each slice, by `tree_dir`.
    instruments: BTreeMap<String, InstrumentId>,
}

/// The key of the repository's current state: the cache format and every ref with its id. Reads
/// the refs only, so that a current cache is used without opening any commit.
pub fn state_key(repo_path: &Path) -> Result<String, LoadError> {
    let refs: Vec<String> = ref_states(repo_path)
        .map_err(|e| from_read(repo_path, e))?
        .into_iter()
        .map(|(name, id)| format!("{name} {id}"))
        .collect();
    Ok(format!("{CACHE_FORMAT}; {}", refs.join("; ")))
}

fn open(path: &Path) -> Result<History, LoadError> {
    History::open(path).map_err(|e| from_read(path, e))
}

/// A read error in the lineage's terms: a history that is not there (or not one) is the user's
/// input, a record that does not parse too; anything else is a failure to read git.
fn from_read(path: &Path, e: ReadError) -> LoadError {
    match e {
        ReadError::Missing { .. } | ReadError::Open { .. } | ReadError::NoMain { .. } => {
            LoadError::Open {
                path: path.to_path_buf(),
                source: Box::new(e),
            }
        }
        ReadError::Record {
            path: file,
            commit,
            message,
        } => LoadError::BadRecord {
            file,
            commit: commit.to_string(),
            expected: "a JSON record",
            message,
        },
        other => git_error(path, other),
    }
}

/// Every record of the history, from the cache when it is current, else read and cached.
pub fn load(repo_path: &Path) -> Result<Records, LoadError> {
    let key = state_key(repo_path)?;
    if let Some(records) = read_cache(repo_path, &key, None) {
        return Ok(records);
    }
    let records = read_records(repo_path)?;
    write_cache(repo_path, &key, &records);
    Ok(records)
}

/// The records that one instrument's lineage needs: its events, versions and proposals, and the
/// versions of other instruments that cite it. From the cache when current.
pub fn load_for(repo_path: &Path, instrument: &InstrumentId) -> Result<Records, LoadError> {
    let key = state_key(repo_path)?;
    if let Some(records) = read_cache(repo_path, &key, Some(instrument)) {
        return Ok(records);
    }
    let records = read_records(repo_path)?;
    write_cache(repo_path, &key, &records);
    Ok(subset(&records, instrument))
}

/// The part of `records` that concerns one instrument (see [`load_for`]).
pub(crate) fn subset(records: &Records, instrument: &InstrumentId) -> Records {
    let slices = slice(records);
    let s = slices
        .into_iter()
        .find(|(i, _)| i == instrument)
        .map(|(_, s)| s)
        .unwrap_or_default();
    from_slice(
        records.catalogue.clone(),
        records
            .conferences
            .iter()
            .map(|c| c.conference.clone())
            .collect(),
        s,
    )
}

fn from_slice(catalogue: Vec<Conference>, conferences: Vec<Conference>, s: Slice) -> Records {
    let mut events: BTreeMap<ConferenceId, Vec<EventRecord>> = BTreeMap::new();
    for (c, e) in s.events {
        events.entry(c).or_default().push(e);
    }
    Records {
        catalogue,
        conferences: conferences
            .into_iter()
            .map(|c| ConferenceRecord {
                events: events.remove(&c.id).unwrap_or_default(),
                conference: c,
            })
            .collect(),
        versions: s.versions.into_iter().chain(s.citing).collect(),
        proposals: s.proposals,
    }
}

/// Cuts the records per instrument.
fn slice(records: &Records) -> Vec<(InstrumentId, Slice)> {
    let mut slices: BTreeMap<InstrumentId, Slice> = BTreeMap::new();
    for c in &records.conferences {
        for e in &c.events {
            slices
                .entry(e.instrument.clone())
                .or_default()
                .events
                .push((c.conference.id.clone(), e.clone()));
        }
    }
    for v in &records.versions {
        slices
            .entry(v.record.instrument.clone())
            .or_default()
            .versions
            .push(v.clone());
        let cited: BTreeSet<&InstrumentId> = v.record.citations.iter().map(|c| &c.cited).collect();
        for i in cited {
            if i == &v.record.instrument {
                continue;
            }
            let mut trimmed = v.clone();
            trimmed.record.citations.retain(|c| &c.cited == i);
            trimmed.record.uncertain.clear();
            slices.entry(i.clone()).or_default().citing.push(trimmed);
        }
    }
    for p in &records.proposals {
        slices
            .entry(p.target.clone())
            .or_default()
            .proposals
            .push(p.clone());
    }
    slices.into_iter().collect()
}

fn read_cache(repo_path: &Path, key: &str, only: Option<&InstrumentId>) -> Option<Records> {
    let mut file = std::fs::File::open(repo_path.join(CACHE_FILE)).ok()?;
    // The key and index lines are read whole; slices only as needed.
    let mut head = Vec::new();
    let mut buf = [0u8; 65536];
    let mut newlines = 0;
    let mut consumed = 0;
    while newlines < 2 {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' {
                newlines += 1;
                if newlines == 2 {
                    consumed = head.len() + i + 1;
                    break;
                }
            }
        }
        head.extend_from_slice(&buf[..n]);
    }
    let mut lines = head[..consumed].splitn(3, |&b| b == b'\n');
    let stored_key: String = serde_json::from_slice(lines.next()?).ok()?;
    if stored_key != key {
        return None;
    }
    let index: Index = serde_json::from_slice(lines.next()?).ok()?;
    let body = consumed as u64;
    let read_slice =
        |file: &mut std::fs::File, [offset, len, c_offset, c_len]: [u64; 4]| -> Option<Slice> {
            file.seek(SeekFrom::Start(body + offset)).ok()?;
            let mut bytes = vec![0u8; usize::try_from(len).ok()?];
            file.read_exact(&mut bytes).ok()?;
            let mut slice: Slice = serde_json::from_slice(&bytes).ok()?;
            file.seek(SeekFrom::Start(body + c_offset)).ok()?;
            let mut bytes = vec![0u8; usize::try_from(c_len).ok()?];
            file.read_exact(&mut bytes).ok()?;
            slice.citing = serde_json::from_slice(&bytes).ok()?;
            Some(slice)
        };
    match only {
        Some(instrument) => {
            let s = match index.slices.get(&instrument.tree_dir()) {
                Some(&place) => read_slice(&mut file, place)?,
                None => Slice::default(),
            };
            Some(from_slice(index.catalogue, index.conferences, s))
        }
        None => {
            let mut rest = Vec::new();
            file.seek(SeekFrom::Start(body)).ok()?;
            file.read_to_end(&mut rest).ok()?;
            let mut events: BTreeMap<ConferenceId, Vec<EventRecord>> = BTreeMap::new();
            let mut versions = Vec::new();
            let mut proposals = Vec::new();
            for &[offset, len, _, _] in index.slices.values() {
                let start = usize::try_from(offset).ok()?;
                let end = start + usize::try_from(len).ok()?;
                let s: Slice = serde_json::from_slice(rest.get(start..end)?).ok()?;
                for (c, e) in s.events {
                    events.entry(c).or_default().push(e);
                }
                versions.extend(s.versions);
                proposals.extend(s.proposals);
            }
            Some(Records {
                catalogue: index.catalogue,
                conferences: index
                    .conferences
                    .into_iter()
                    .map(|c| ConferenceRecord {
                        events: events.remove(&c.id).unwrap_or_default(),
                        conference: c,
                    })
                    .collect(),
                versions,
                proposals,
            })
        }
    }
}

/// Writes the cache next to the objects; a cache that cannot be written is only a slower next
/// start, so failures are ignored. Written to a temporary file and renamed, never half-written.
fn write_cache(repo_path: &Path, key: &str, records: &Records) {
    let Ok(key_line) = serde_json::to_string(key) else {
        return;
    };
    let mut index = Index {
        catalogue: records.catalogue.clone(),
        conferences: records
            .conferences
            .iter()
            .map(|c| c.conference.clone())
            .collect(),
        ..Index::default()
    };
    let mut body = Vec::new();
    for (instrument, s) in slice(records) {
        let (Ok(bytes), Ok(citing)) = (serde_json::to_vec(&s), serde_json::to_vec(&s.citing))
        else {
            return;
        };
        let dir = instrument.tree_dir();
        let offset = body.len() as u64;
        let c_offset = offset + bytes.len() as u64 + 1;
        index.slices.insert(
            dir.clone(),
            [offset, bytes.len() as u64, c_offset, citing.len() as u64],
        );
        index.instruments.insert(dir, instrument);
        body.extend_from_slice(&bytes);
        body.push(b'\n');
        body.extend_from_slice(&citing);
        body.push(b'\n');
    }
    let Ok(index_line) = serde_json::to_string(&index) else {
        return;
    };
    let mut out = Vec::with_capacity(key_line.len() + index_line.len() + body.len() + 2);
    out.extend_from_slice(key_line.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(index_line.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&body);
    let tmp = repo_path.join(format!("{CACHE_FILE}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, &out).is_ok()
        && std::fs::rename(&tmp, repo_path.join(CACHE_FILE)).is_err()
    {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The files the lineage reads.
fn wanted(path: &str) -> bool {
    matches!(
        classify(path),
        Some(
            TreeFile::Catalogue
                | TreeFile::Conference
                | TreeFile::Proposal
                | TreeFile::InstrumentRecord
        )
    )
}

/// A commit of the history with what the lineage reads from it.
struct CommitFiles<'a> {
    commit: &'a CommitInfo,
    files: Vec<ChangedFile>,
}

fn commit_files<'a>(
    history: &History,
    commit: &'a CommitInfo,
) -> Result<CommitFiles<'a>, LoadError> {
    let parent_tree = match commit.parents.first() {
        Some(p) => Some(
            history
                .commit_info(*p)
                .map_err(|e| from_read(history.path(), e))?
                .tree,
        ),
        None => None,
    };
    let files = history
        .changed_files(parent_tree, commit.tree, &wanted)
        .map_err(|e| from_read(history.path(), e))?;
    Ok(CommitFiles { commit, files })
}

fn parse<T: serde::de::DeserializeOwned>(
    history: &History,
    commit: ObjectId,
    file: &str,
    blob: ObjectId,
    expected: &'static str,
) -> Result<T, LoadError> {
    let data = history
        .blob(blob)
        .map_err(|e| from_read(history.path(), e))?;
    serde_json::from_slice(&data).map_err(|e| LoadError::BadRecord {
        file: file.to_string(),
        commit: commit.to_string(),
        expected,
        message: e.to_string(),
    })
}

/// Reads the records that one commit changes into `records`: the catalogue (from main, or from a
/// proposal chain with no base on main), conference records (main), proposal records (proposal
/// refs) and instrument records, each placed at the commit's conference and proposal (from the
/// records, else the `Conference:` and `Proposal:` trailers).
fn read_commit(
    history: &History,
    c: &CommitFiles,
    on_proposal_ref: bool,
    records: &mut Records,
) -> Result<(), LoadError> {
    let mut proposal: Option<ProposalId> = if on_proposal_ref {
        c.commit
            .trailer(trailer::PROPOSAL)
            .and_then(|p| p.parse().ok())
    } else {
        None
    };
    let mut conference = c
        .commit
        .trailer(trailer::CONFERENCE)
        .map(|s| ConferenceId(s.to_string()));
    let mut metas = Vec::new();
    for (file, blob) in &c.files {
        let id = c.commit.id;
        match classify(file) {
            Some(TreeFile::Catalogue) if !on_proposal_ref || records.catalogue.is_empty() => {
                let catalogue: CatalogueFile =
                    parse(history, id, file, *blob, "the conference catalogue")?;
                records.catalogue = catalogue.conferences;
            }
            Some(TreeFile::Conference) if !on_proposal_ref => {
                let record: ConferenceRecord =
                    parse(history, id, file, *blob, "a conference record")?;
                conference = Some(record.conference.id.clone());
                records.conferences.push(record);
            }
            Some(TreeFile::Proposal) if on_proposal_ref => {
                let record: ProposalRecord = parse(history, id, file, *blob, "a proposal record")?;
                proposal = Some(record.id.clone());
                conference = Some(record.conference.clone());
                records.proposals.push(record);
            }
            Some(TreeFile::InstrumentRecord) => metas.push((file, *blob)),
            _ => {}
        }
    }
    let Some(conference) = conference else {
        return Ok(());
    };
    for (file, blob) in metas {
        let record: InstrumentRecord =
            parse(history, c.commit.id, file, blob, "an instrument record")?;
        records.versions.push(VersionRecord {
            conference: conference.clone(),
            proposal: proposal.clone(),
            record,
        });
    }
    Ok(())
}

/// Reads every record of the history, without the cache.
pub fn read_records(repo_path: &Path) -> Result<Records, LoadError> {
    let history = open(repo_path)?;
    read_records_of(&history)
}

fn read_records_of(history: &History) -> Result<Records, LoadError> {
    let path = history.path();
    let mut records = Records::default();
    // Main, oldest first.
    for commit in history.conferences() {
        let c = commit_files(history, commit)?;
        read_commit(history, &c, false, &mut records)?;
    }
    // Proposal refs, each from its base on main up to its tip; a commit shared by two refs once.
    let mut seen = BTreeSet::new();
    for proposal_ref in history.proposal_refs().map_err(|e| from_read(path, e))? {
        for commit in &proposal_ref.commits {
            if !seen.insert(commit.id) {
                continue;
            }
            let c = commit_files(history, commit)?;
            read_commit(history, &c, true, &mut records)?;
        }
    }
    Ok(records)
}
