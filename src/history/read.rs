//! Reads a built history back: the conference commits of `main`, the proposal refs, a revision
//! named the way a historian names it (a conference, a proposal id, a tag, a commit), the files
//! of a commit, and the history of one path.
//!
//! This is the one door to the repository for the rest of actes (lineage, blame, the commands):
//! they ask for data here and never touch gix themselves. Commits and trees are parsed from their
//! raw bytes (their encodings are fixed and simple), which keeps this module independent of the
//! finer points of the gix API; gix finds the objects and the refs. The repository is opened
//! isolated from any user or system git configuration.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};

use crate::model::ProposalId;
use crate::model::{
    ConferenceId, ConferenceRecord, InstrumentId, InstrumentRecord, ProposalRecord,
};

use super::id::ObjectId;
use super::layout::{
    is_body_dir, meta_path, trailer, CONFERENCES_DIR, MAIN_REF, META_FILE, PROPOSALS_DIR,
    PROPOSALS_PREFIX, TAGS_PREFIX,
};

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no history at {}: build it first with `actes build`", path.display())]
    Missing { path: PathBuf },
    #[error("could not open the history at {}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("the history at {} has no `main` branch: it is empty or not built by actes", path.display())]
    NoMain { path: PathBuf },
    #[error("could not read object {id}")]
    Object {
        id: ObjectId,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("object {id} is not a well-formed {what}")]
    Malformed { id: ObjectId, what: &'static str },
    #[error("could not read the refs")]
    Refs(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("{path} at {commit} is not the JSON record expected: {message}")]
    Record {
        path: String,
        commit: ObjectId,
        message: String,
    },
    #[error("`{query}` names no conference, proposal, tag or commit of the history{hint}")]
    UnknownRevision { query: String, hint: String },
    #[error("`{query}` is ambiguous: it could be {}", candidates.join(", "))]
    AmbiguousRevision {
        query: String,
        candidates: Vec<String>,
    },
}

fn hex<S: Serializer>(id: &ObjectId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&id.to_string())
}

fn hex_opt<S: Serializer>(id: &Option<ObjectId>, s: S) -> Result<S::Ok, S::Error> {
    match id {
        Some(id) => s.serialize_str(&id.to_string()),
        None => s.serialize_none(),
    }
}

/// A commit as the history tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitInfo {
    #[serde(serialize_with = "hex")]
    pub id: ObjectId,
    #[serde(skip)]
    pub tree: ObjectId,
    #[serde(skip)]
    pub parents: Vec<ObjectId>,
    /// The conference it stands for (main) or whose proposals it holds: the `Conference:`
    /// trailer, or the tag on it.
    pub conference: Option<ConferenceId>,
    /// The proposal a proposal commit holds: its `Proposal:` trailer, or the id of the proposal
    /// record it adds under `proposals/`.
    pub proposal: Option<String>,
    /// The author's name (the conference, or the submitter).
    pub author: String,
    /// Author date, seconds since 1970 and `YYYY-MM-DD` (UTC).
    pub seconds: i64,
    pub date: String,
    /// The first line of the message.
    pub summary: String,
    /// The whole message.
    pub message: String,
    /// The trailers of the message's last paragraph, in order.
    pub trailers: Vec<(String, String)>,
    /// The annotated tag on it, if any.
    pub tag: Option<String>,
}

impl CommitInfo {
    /// The first value of a trailer (`Status`, `Source`...), if any.
    pub fn trailer(&self, key: &str) -> Option<&str> {
        self.trailers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

/// A proposal ref and its commits, oldest first (the commits of main below it excluded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalRef {
    /// `refs/proposals/pp-2018-dubai/67`.
    pub reference: String,
    /// The conference commit of main it starts from.
    #[serde(serialize_with = "hex_opt")]
    pub base: Option<ObjectId>,
    pub base_conference: Option<ConferenceId>,
    pub commits: Vec<CommitInfo>,
}

/// What a revision name resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    #[serde(serialize_with = "hex")]
    pub commit: ObjectId,
    pub kind: RevisionKind,
    /// The ref to walk for the history of a path up to this revision (`refs/heads/main` or a
    /// proposal ref).
    pub line: String,
    /// A short name for display: the conference id, the proposal id, or the commit id.
    pub label: String,
}

/// Which sort of revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionKind {
    /// A conference commit of main: the corpus after the conference (an outcome).
    Conference,
    /// A proposal commit: the corpus as a proposal would have it (not an outcome).
    Proposal,
    /// Some other commit or ref.
    Other,
}

/// An entry of a folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirEntry {
    pub name: String,
    pub is_dir: bool,
    #[serde(serialize_with = "hex")]
    pub id: ObjectId,
}

/// How a path changed at one commit of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PathChange {
    Added,
    Modified,
    Removed,
}

/// One change of a path along a line of history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathVersion {
    pub commit: CommitInfo,
    pub change: PathChange,
    /// The blob after the change; `None` once removed.
    #[serde(serialize_with = "hex_opt")]
    pub blob: Option<ObjectId>,
    /// Whether the commit is on main (an outcome) rather than a proposal.
    pub on_main: bool,
}

/// A built history, open for reading.
pub struct History {
    repo: gix::Repository,
    path: PathBuf,
    /// `refs/heads/main`, oldest first.
    main: Vec<CommitInfo>,
    main_ids: BTreeSet<ObjectId>,
}

/// Every ref of the repository at `path` with the id it points to, sorted by name, without
/// reading any commit: what identifies the state of a history cheaply (see [`History::refs`]).
pub fn ref_states(path: impl AsRef<Path>) -> Result<Vec<(String, ObjectId)>, ReadError> {
    History::open_unread(path.as_ref())?.refs()
}

impl History {
    /// The repository opened, nothing read yet.
    fn open_unread(path: &Path) -> Result<History, ReadError> {
        let path = path.to_path_buf();
        if !path.exists() {
            return Err(ReadError::Missing { path });
        }
        let mut repo =
            gix::open_opts(&path, gix::open::Options::isolated()).map_err(|e| ReadError::Open {
                path: path.clone(),
                source: Box::new(e),
            })?;
        repo.object_cache_size_if_unset(16 * 1024 * 1024);
        Ok(History {
            repo,
            path,
            main: Vec::new(),
            main_ids: BTreeSet::new(),
        })
    }

    /// Opens the history at `path` (a bare repository written by [`super::write::write`]).
    pub fn open(path: impl AsRef<Path>) -> Result<History, ReadError> {
        let mut history = History::open_unread(path.as_ref())?;
        let tags = history.tags()?;
        let Some(tip) = history.ref_target(MAIN_REF)? else {
            return Err(ReadError::NoMain {
                path: history.path.clone(),
            });
        };
        let mut main = history.first_parent_chain(tip, &BTreeSet::new())?;
        main.reverse();
        for commit in &mut main {
            commit.tag = tags.get(&commit.id).cloned();
            if commit.conference.is_none() {
                commit.conference = commit.tag.clone().map(ConferenceId);
            }
        }
        history.main_ids = main.iter().map(|c| c.id).collect();
        history.main = main;
        Ok(history)
    }

    /// Where the repository is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The conference commits of main, oldest first.
    pub fn conferences(&self) -> &[CommitInfo] {
        &self.main
    }

    /// The commit of main for a conference.
    pub fn conference_commit(&self, conference: &str) -> Option<&CommitInfo> {
        self.main
            .iter()
            .rev()
            .find(|c| c.conference.as_ref().is_some_and(|id| id.0 == conference))
    }

    /// Whether a commit is on main.
    pub fn is_on_main(&self, id: ObjectId) -> bool {
        self.main_ids.contains(&id)
    }

    /// Every proposal ref (`refs/proposals/...`) with its own commits, by ref name.
    pub fn proposal_refs(&self) -> Result<Vec<ProposalRef>, ReadError> {
        let tags = self.tags()?;
        let mut out = Vec::new();
        for (name, tip) in self.refs_under(PROPOSALS_PREFIX)? {
            let Some(tip) = self.peel_to_commit(tip)? else {
                continue;
            };
            let mut commits = self.first_parent_chain(tip, &self.main_ids)?;
            commits.reverse();
            for commit in &mut commits {
                commit.tag = tags.get(&commit.id).cloned();
                if commit.proposal.is_none() {
                    commit.proposal = self.added_proposal_id(commit)?;
                }
            }
            let base = commits
                .first()
                .and_then(|c| c.parents.first().copied())
                .filter(|p| self.main_ids.contains(p));
            let base_conference = base.and_then(|b| {
                self.main
                    .iter()
                    .find(|c| c.id == b)
                    .and_then(|c| c.conference.clone())
            });
            out.push(ProposalRef {
                reference: name,
                base,
                base_conference,
                commits,
            });
        }
        Ok(out)
    }

    /// Resolves a revision as a historian writes it: a conference id or tag (`pp-2014-busan`),
    /// a conference alias known to the conference records (`Busan 2014`, `pp-14`, `2014`), a
    /// proposal id (`B/67/4`), a ref (`main`, `refs/proposals/pp-2018-dubai/67`), or a commit id
    /// (at least 7 hex digits).
    pub fn resolve(&self, query: &str) -> Result<Resolved, ReadError> {
        let q = query.trim();
        let conference = |c: &CommitInfo| Resolved {
            commit: c.id,
            kind: RevisionKind::Conference,
            line: MAIN_REF.to_string(),
            label: c
                .conference
                .as_ref()
                .map_or_else(|| c.id.to_string(), |id| id.0.clone()),
        };
        // A conference id or a tag.
        if let Some(c) = self.main.iter().rev().find(|c| {
            c.conference.as_ref().is_some_and(|id| id.0 == q) || c.tag.as_deref() == Some(q)
        }) {
            return Ok(conference(c));
        }
        if q == "main" || q == MAIN_REF || q == "HEAD" {
            let c = self.main.last().expect("main has at least one commit");
            return Ok(conference(c));
        }
        // A proposal id.
        if let Ok(id) = q.parse::<ProposalId>() {
            let wanted = id.to_string();
            for r in self.proposal_refs()? {
                if let Some(c) = r
                    .commits
                    .iter()
                    .find(|c| c.proposal.as_deref() == Some(&wanted))
                {
                    return Ok(Resolved {
                        commit: c.id,
                        kind: RevisionKind::Proposal,
                        line: r.reference.clone(),
                        label: wanted,
                    });
                }
            }
            return Err(ReadError::UnknownRevision {
                query: q.to_string(),
                hint: ": no proposal ref holds that proposal (see `actes log --proposals`)"
                    .to_string(),
            });
        }
        // A proposal ref, by full or short name.
        let refs = self.proposal_refs()?;
        if let Some(r) = refs
            .iter()
            .find(|r| r.reference == q || r.reference.strip_prefix(PROPOSALS_PREFIX) == Some(q))
        {
            let tip = r.commits.last().map(|c| c.id).or(r.base);
            if let Some(tip) = tip {
                return Ok(Resolved {
                    commit: tip,
                    kind: RevisionKind::Proposal,
                    line: r.reference.clone(),
                    label: r.reference.clone(),
                });
            }
        }
        // A commit id or its prefix.
        if q.len() >= 7 && q.chars().all(|c| c.is_ascii_hexdigit()) {
            let lower = q.to_ascii_lowercase();
            let mut found: Vec<Resolved> = self
                .main
                .iter()
                .filter(|c| c.id.to_string().starts_with(&lower))
                .map(conference)
                .collect();
            for r in &refs {
                for c in &r.commits {
                    if c.id.to_string().starts_with(&lower) {
                        found.push(Resolved {
                            commit: c.id,
                            kind: RevisionKind::Proposal,
                            line: r.reference.clone(),
                            label: c.proposal.clone().unwrap_or_else(|| c.id.to_string()),
                        });
                    }
                }
            }
            found.dedup_by_key(|r| r.commit);
            match found.len() {
                1 => return Ok(found.remove(0)),
                0 => {}
                _ => {
                    return Err(ReadError::AmbiguousRevision {
                        query: q.to_string(),
                        candidates: found.iter().map(|r| r.commit.to_string()).collect(),
                    })
                }
            }
        }
        // A conference alias, from the conference records of the latest commit.
        let records = match self.main.last() {
            Some(tip) => self.conference_records(tip.id)?,
            None => Vec::new(),
        };
        let matches = match_conference_alias(&records, q);
        let on_main: Vec<&CommitInfo> = matches
            .iter()
            .filter_map(|id| self.conference_commit(id))
            .collect();
        match on_main.as_slice() {
            [one] => Ok(conference(one)),
            [] if !matches.is_empty() => Err(ReadError::UnknownRevision {
                query: q.to_string(),
                hint: format!(
                    ": {} has no commit on main (the sources state no corpus for it)",
                    matches.join(", ")
                ),
            }),
            [] => Err(ReadError::UnknownRevision {
                query: q.to_string(),
                hint: format!(
                    "; conferences in the history: {}",
                    self.main
                        .iter()
                        .filter_map(|c| c.conference.as_ref().map(|id| id.0.clone()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
            many => Err(ReadError::AmbiguousRevision {
                query: q.to_string(),
                candidates: many
                    .iter()
                    .filter_map(|c| c.conference.as_ref().map(|id| id.0.clone()))
                    .collect(),
            }),
        }
    }

    /// The bytes of the file at `path` in `commit`, `None` if there is no such file.
    pub fn read_file(&self, commit: ObjectId, path: &str) -> Result<Option<Vec<u8>>, ReadError> {
        match self.entry_at(commit, path)? {
            Some((id, false)) => Ok(Some(self.object(id, gix::objs::Kind::Blob)?)),
            _ => Ok(None),
        }
    }

    /// The blob id of the file at `path` in `commit`, `None` if there is no such file.
    pub fn blob_id(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>, ReadError> {
        Ok(match self.entry_at(commit, path)? {
            Some((id, false)) => Some(id),
            _ => None,
        })
    }

    /// The entries of the folder at `path` (`""` for the root) in `commit`, in git's order;
    /// `None` if there is no such folder.
    pub fn list_dir(
        &self,
        commit: ObjectId,
        path: &str,
    ) -> Result<Option<Vec<DirEntry>>, ReadError> {
        let tree = if path.trim_matches('/').is_empty() {
            self.commit_info(commit)?.tree
        } else {
            match self.entry_at(commit, path)? {
                Some((id, true)) => id,
                _ => return Ok(None),
            }
        };
        Ok(Some(self.tree_entries(tree)?))
    }

    /// Every file under `path` (recursively) in `commit`, as full paths, sorted.
    pub fn list_files(&self, commit: ObjectId, path: &str) -> Result<Vec<String>, ReadError> {
        let mut out = Vec::new();
        let prefix = path.trim_matches('/').to_string();
        let mut stack = vec![prefix.clone()];
        while let Some(dir) = stack.pop() {
            let Some(entries) = self.list_dir(commit, &dir)? else {
                continue;
            };
            for e in entries {
                let full = if dir.is_empty() {
                    e.name.clone()
                } else {
                    format!("{dir}/{}", e.name)
                };
                if e.is_dir {
                    stack.push(full);
                } else {
                    out.push(full);
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// The changes of `path` along the first-parent line ending at `tip`, oldest first: each
    /// commit where the path's blob differs from its parent's. When `tip` is on main or on a
    /// proposal ref, the line is made of the commits already read for them; otherwise it is
    /// walked from `tip`. Each commit's tree is searched for the one path.
    pub fn path_history(&self, tip: ObjectId, path: &str) -> Result<Vec<PathVersion>, ReadError> {
        let (line, walked) = match self.known_line(tip)? {
            Some(line) => (line, false),
            None => {
                let mut chain = self.first_parent_chain(tip, &BTreeSet::new())?;
                chain.reverse();
                let line = chain
                    .into_iter()
                    .map(|commit| {
                        let on_main = self.main_ids.contains(&commit.id);
                        (commit, on_main)
                    })
                    .collect();
                (line, true)
            }
        };
        let tags = if walked { self.tags()? } else { HashMap::new() };
        let mut out = Vec::new();
        let mut previous: Option<ObjectId> = None;
        for (mut commit, on_main) in line {
            let blob = match self.entry_in_tree(commit.tree, path)? {
                Some((id, false)) => Some(id),
                _ => None,
            };
            if blob != previous {
                let change = match (previous, blob) {
                    (None, Some(_)) => PathChange::Added,
                    (Some(_), None) => PathChange::Removed,
                    _ => PathChange::Modified,
                };
                if walked {
                    commit.tag = tags.get(&commit.id).cloned();
                    if !on_main && commit.proposal.is_none() {
                        commit.proposal = self.added_proposal_id(&commit)?;
                    }
                }
                out.push(PathVersion {
                    commit,
                    change,
                    blob,
                    on_main,
                });
            }
            previous = blob;
        }
        Ok(out)
    }

    /// The first-parent line ending at `tip`, oldest first, each commit with whether it is on
    /// main, from the commits of main and of the proposal refs already read (tags and proposal
    /// ids filled in); `None` when `tip` is on neither (an arbitrary commit).
    fn known_line(&self, tip: ObjectId) -> Result<Option<Vec<(CommitInfo, bool)>>, ReadError> {
        let main = &self.main;
        let mut line: Vec<(CommitInfo, bool)> = Vec::new();
        if let Some(end) = main.iter().position(|c| c.id == tip) {
            line.extend(main[..=end].iter().map(|c| (c.clone(), true)));
            return Ok(Some(line));
        }
        let refs = self.proposal_refs()?;
        let Some((r, end)) = refs.iter().find_map(|r| {
            r.commits
                .iter()
                .position(|c| c.id == tip)
                .map(|end| (r, end))
        }) else {
            return Ok(None);
        };
        if let Some(base) = r.base {
            let Some(base_end) = main.iter().position(|c| c.id == base) else {
                return Ok(None);
            };
            line.extend(main[..=base_end].iter().map(|c| (c.clone(), true)));
        }
        line.extend(r.commits[..=end].iter().map(|c| (c.clone(), false)));
        Ok(Some(line))
    }

    /// The commit's parsed header and message.
    pub fn commit_info(&self, id: ObjectId) -> Result<CommitInfo, ReadError> {
        let data = self.object(id, gix::objs::Kind::Commit)?;
        parse_commit(id, &data)
    }

    /// The conference records (`conferences/*.json`) at a commit, by file name.
    pub fn conference_records(&self, commit: ObjectId) -> Result<Vec<ConferenceRecord>, ReadError> {
        self.json_files(commit, CONFERENCES_DIR)
    }

    /// The proposal records (`proposals/<conference>/*.json`) at a commit.
    pub fn proposal_records(&self, commit: ObjectId) -> Result<Vec<ProposalRecord>, ReadError> {
        let mut out = Vec::new();
        for path in self.list_files(commit, PROPOSALS_DIR)? {
            if path.ends_with(".json") {
                out.push(self.json_file(commit, &path)?);
            }
        }
        Ok(out)
    }

    /// The record (`meta.json`) of an instrument at a commit, if the instrument is there.
    pub fn instrument_record(
        &self,
        commit: ObjectId,
        instrument: &InstrumentId,
    ) -> Result<Option<InstrumentRecord>, ReadError> {
        let path = meta_path(instrument);
        match self.read_file(commit, &path)? {
            None => Ok(None),
            Some(bytes) => {
                serde_json::from_slice(&bytes)
                    .map(Some)
                    .map_err(|e| ReadError::Record {
                        path,
                        commit,
                        message: e.to_string(),
                    })
            }
        }
    }

    /// Every instrument record at a commit (each `*/*/*/meta.json`), sorted by path.
    pub fn instrument_records(&self, commit: ObjectId) -> Result<Vec<InstrumentRecord>, ReadError> {
        let mut out = Vec::new();
        let root = self.list_dir(commit, "")?.unwrap_or_default();
        for body in root.iter().filter(|e| e.is_dir) {
            if !is_body_dir(&body.name) {
                continue;
            }
            for kind in self.list_dir(commit, &body.name)?.unwrap_or_default() {
                if !kind.is_dir {
                    continue;
                }
                let kind_path = format!("{}/{}", body.name, kind.name);
                for number in self.list_dir(commit, &kind_path)?.unwrap_or_default() {
                    let path = format!("{kind_path}/{}/{META_FILE}", number.name);
                    if number.is_dir && self.entry_at(commit, &path)?.is_some() {
                        out.push(self.json_file(commit, &path)?);
                    }
                }
            }
        }
        Ok(out)
    }

    fn json_files<T: serde::de::DeserializeOwned>(
        &self,
        commit: ObjectId,
        dir: &str,
    ) -> Result<Vec<T>, ReadError> {
        let mut out = Vec::new();
        for e in self.list_dir(commit, dir)?.unwrap_or_default() {
            if !e.is_dir && e.name.ends_with(".json") {
                out.push(self.json_file(commit, &format!("{dir}/{}", e.name))?);
            }
        }
        Ok(out)
    }

    fn json_file<T: serde::de::DeserializeOwned>(
        &self,
        commit: ObjectId,
        path: &str,
    ) -> Result<T, ReadError> {
        let bytes = self.read_file(commit, path)?.unwrap_or_default();
        serde_json::from_slice(&bytes).map_err(|e| ReadError::Record {
            path: path.to_string(),
            commit,
            message: e.to_string(),
        })
    }

    /// The id of a proposal record that `commit` adds under `proposals/`, if exactly one.
    fn added_proposal_id(&self, commit: &CommitInfo) -> Result<Option<String>, ReadError> {
        let now = self.list_files(commit.id, PROPOSALS_DIR)?;
        let before = match commit.parents.first() {
            Some(p) => self.list_files(*p, PROPOSALS_DIR)?,
            None => Vec::new(),
        };
        let added: Vec<&String> = now.iter().filter(|p| !before.contains(p)).collect();
        let [path] = added.as_slice() else {
            return Ok(None);
        };
        let bytes = self.read_file(commit.id, path)?.unwrap_or_default();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        Ok(value.get("id").and_then(|v| v.as_str()).map(str::to_string))
    }

    /// The commits from `tip` down its first parents, newest first, stopping before any commit
    /// in `stop`.
    fn first_parent_chain(
        &self,
        tip: ObjectId,
        stop: &BTreeSet<ObjectId>,
    ) -> Result<Vec<CommitInfo>, ReadError> {
        let mut out = Vec::new();
        let mut next = Some(tip);
        while let Some(id) = next {
            if stop.contains(&id) {
                break;
            }
            let info = self.commit_info(id)?;
            next = info.parents.first().copied();
            out.push(info);
        }
        Ok(out)
    }

    /// The blob or tree at `path` in `commit`: its id and whether it is a folder.
    fn entry_at(
        &self,
        commit: ObjectId,
        path: &str,
    ) -> Result<Option<(ObjectId, bool)>, ReadError> {
        self.entry_in_tree(self.commit_info(commit)?.tree, path)
    }

    /// The blob or tree at `path` under `tree`: its id and whether it is a folder. Reads only the
    /// trees on the way, scanning each for the one name without parsing the others.
    fn entry_in_tree(
        &self,
        mut tree: ObjectId,
        path: &str,
    ) -> Result<Option<(ObjectId, bool)>, ReadError> {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            let data = self.object(tree, gix::objs::Kind::Tree)?;
            let Some((id, is_dir)) = find_tree_entry(tree, &data, part.as_bytes())? else {
                return Ok(None);
            };
            if i + 1 == parts.len() {
                return Ok(Some((id, is_dir)));
            }
            if !is_dir {
                return Ok(None);
            }
            tree = id;
        }
        Ok(None)
    }

    /// The entries of a tree, by its id, in git's order.
    pub fn tree_entries(&self, tree: ObjectId) -> Result<Vec<DirEntry>, ReadError> {
        let data = self.object(tree, gix::objs::Kind::Tree)?;
        parse_tree(tree, &data)
    }

    /// The content of a blob (a file), by its id.
    pub fn blob(&self, id: ObjectId) -> Result<Vec<u8>, ReadError> {
        self.object(id, gix::objs::Kind::Blob)
    }

    /// The data of an object, by its id; it must be of `kind`.
    fn object(&self, id: ObjectId, kind: gix::objs::Kind) -> Result<Vec<u8>, ReadError> {
        let mut object = self
            .repo
            .find_object(id.to_gix())
            .map_err(|e| ReadError::Object {
                id,
                source: Box::new(e),
            })?;
        if object.kind != kind {
            return Err(ReadError::Malformed {
                id,
                what: kind_name(kind),
            });
        }
        Ok(std::mem::take(&mut object.data))
    }

    /// The commit a ref's target peels to (through annotated tags).
    fn peel_to_commit(&self, mut id: ObjectId) -> Result<Option<ObjectId>, ReadError> {
        for _ in 0..8 {
            let mut object = self
                .repo
                .find_object(id.to_gix())
                .map_err(|e| ReadError::Object {
                    id,
                    source: Box::new(e),
                })?;
            match object.kind {
                gix::objs::Kind::Commit => return Ok(Some(id)),
                gix::objs::Kind::Tag => {
                    let data = std::mem::take(&mut object.data);
                    let target = data
                        .strip_prefix(b"object ")
                        .and_then(|rest| rest.get(..40))
                        .and_then(|h| ObjectId::from_hex(h).ok())
                        .ok_or(ReadError::Malformed { id, what: "tag" })?;
                    id = target;
                }
                _ => return Ok(None),
            }
        }
        Ok(None)
    }

    /// Every ref with the id it points to, sorted by name: what identifies the state of the
    /// history (a cache keyed on it is never read for another history).
    pub fn refs(&self) -> Result<Vec<(String, ObjectId)>, ReadError> {
        self.refs_under("")
    }

    fn ref_target(&self, name: &str) -> Result<Option<ObjectId>, ReadError> {
        Ok(self
            .refs_under(name)?
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| id))
    }

    /// Refs whose names start with `prefix`, sorted, with their direct targets.
    fn refs_under(&self, prefix: &str) -> Result<Vec<(String, ObjectId)>, ReadError> {
        let platform = self
            .repo
            .references()
            .map_err(|e| ReadError::Refs(Box::new(e)))?;
        let mut out = Vec::new();
        for r in platform.all().map_err(|e| ReadError::Refs(Box::new(e)))? {
            let r = r.map_err(|e| ReadError::Refs(e.into()))?;
            let name = r.name().as_bstr().to_string();
            if let (true, Some(id)) = (name.starts_with(prefix), r.target().try_id()) {
                out.push((name, ObjectId::from_gix(id.to_owned())));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Each tagged commit with its tag's name (annotated or lightweight).
    fn tags(&self) -> Result<HashMap<ObjectId, String>, ReadError> {
        let mut out = HashMap::new();
        for (name, id) in self.refs_under(TAGS_PREFIX)? {
            if let Some(commit) = self.peel_to_commit(id)? {
                out.entry(commit)
                    .or_insert_with(|| name.trim_start_matches(TAGS_PREFIX).to_string());
            }
        }
        Ok(out)
    }
}

fn kind_name(kind: gix::objs::Kind) -> &'static str {
    match kind {
        gix::objs::Kind::Blob => "blob",
        gix::objs::Kind::Tree => "tree",
        gix::objs::Kind::Commit => "commit",
        gix::objs::Kind::Tag => "tag",
    }
}

fn parse_tree(id: ObjectId, mut data: &[u8]) -> Result<Vec<DirEntry>, ReadError> {
    let bad = || ReadError::Malformed { id, what: "tree" };
    let mut out = Vec::new();
    while !data.is_empty() {
        let space = data.iter().position(|b| *b == b' ').ok_or_else(bad)?;
        let mode = &data[..space];
        let rest = &data[space + 1..];
        let nul = rest.iter().position(|b| *b == 0).ok_or_else(bad)?;
        let name = String::from_utf8_lossy(&rest[..nul]).into_owned();
        let hash = rest.get(nul + 1..nul + 21).ok_or_else(bad)?;
        out.push(DirEntry {
            name,
            is_dir: mode == b"40000",
            id: ObjectId::from_bytes(hash).ok_or_else(bad)?,
        });
        data = &rest[nul + 21..];
    }
    Ok(out)
}

/// The entry called `wanted` in the raw tree object `data` (of id `id`): its id and whether it is
/// a folder.
fn find_tree_entry(
    id: ObjectId,
    mut data: &[u8],
    wanted: &[u8],
) -> Result<Option<(ObjectId, bool)>, ReadError> {
    const HASH_LEN: usize = 20;
    let bad = || ReadError::Malformed { id, what: "tree" };
    while !data.is_empty() {
        let space = data.iter().position(|b| *b == b' ').ok_or_else(bad)?;
        let rest = &data[space + 1..];
        let nul = rest.iter().position(|b| *b == 0).ok_or_else(bad)?;
        let hash = rest.get(nul + 1..nul + 1 + HASH_LEN).ok_or_else(bad)?;
        if &rest[..nul] == wanted {
            let entry = ObjectId::from_bytes(hash).ok_or_else(bad)?;
            return Ok(Some((entry, &data[..space] == b"40000")));
        }
        data = &rest[nul + 1 + HASH_LEN..];
    }
    Ok(None)
}

fn parse_commit(id: ObjectId, data: &[u8]) -> Result<CommitInfo, ReadError> {
    let bad = || ReadError::Malformed { id, what: "commit" };
    let text = String::from_utf8_lossy(data);
    let (header, message) = text.split_once("\n\n").unwrap_or((&text, ""));
    let mut tree = None;
    let mut parents = Vec::new();
    let mut author = String::new();
    let mut seconds = 0i64;
    for line in header.lines() {
        if let Some(h) = line.strip_prefix("tree ") {
            tree = ObjectId::from_hex(h.as_bytes()).ok();
        } else if let Some(h) = line.strip_prefix("parent ") {
            parents.push(ObjectId::from_hex(h.as_bytes()).map_err(|_| bad())?);
        } else if let Some(a) = line.strip_prefix("author ") {
            let (name, rest) = a.split_once(" <").ok_or_else(bad)?;
            author = name.to_string();
            let after = rest.split_once("> ").map(|(_, t)| t).ok_or_else(bad)?;
            seconds = after
                .split(' ')
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or_else(bad)?;
        }
    }
    let trailers = parse_trailers(message);
    let find = |key: &str| {
        trailers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.clone())
    };
    Ok(CommitInfo {
        id,
        tree: tree.ok_or_else(bad)?,
        parents,
        conference: find(trailer::CONFERENCE).map(ConferenceId),
        proposal: find(trailer::PROPOSAL),
        author,
        seconds,
        date: date_of(seconds),
        summary: message.lines().next().unwrap_or("").to_string(),
        message: message.to_string(),
        trailers,
        tag: None,
    })
}

/// `YYYY-MM-DD` in UTC.
fn date_of(seconds: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(t) => format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
        Err(_) => format!("@{seconds}"),
    }
}

/// The `Key: value` lines of a message's last paragraph (git's trailers).
fn parse_trailers(message: &str) -> Vec<(String, String)> {
    let trimmed = message.trim_end();
    let last = trimmed.rsplit("\n\n").next().unwrap_or("");
    if last == trimmed.lines().next().unwrap_or("") && !trimmed.contains("\n\n") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in last.lines() {
        let Some((key, value)) = line.split_once(": ") else {
            return Vec::new();
        };
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Vec::new();
        }
        out.push((key.to_string(), value.trim().to_string()));
    }
    out
}

/// The conference ids of `records` that `query` names, by the catalogue's rules
/// ([`crate::catalogue::Catalogue::resolve`]: an id, an alias, a place and a year, a year alone
/// where only one conference fits); more than one where the query is ambiguous.
fn match_conference_alias(records: &[ConferenceRecord], query: &str) -> Vec<String> {
    let catalogue = crate::catalogue::Catalogue::from_conferences(
        records.iter().map(|r| r.conference.clone()).collect(),
    );
    match catalogue.resolve(query) {
        Ok(c) => vec![c.id.0.clone()],
        Err(crate::catalogue::ResolveError::Ambiguous { candidates, .. }) => candidates
            .iter()
            .map(|c| c.split(' ').next().unwrap_or(c).to_string())
            .collect(),
        Err(_) => Vec::new(),
    }
}
