//! Writes a [`HistoryPlan`] as a bare git repository, in process, without the git binary and
//! without reading any user or system git configuration.
//!
//! How, and why that way:
//! - Every object (blobs, trees, commits, tags) is encoded and hashed here, kept compressed in
//!   memory ([`super::pack::ObjectSet`]) and written as ONE pack with gix-pack: much faster than
//!   loose objects, and a pack appears whole or not at all.
//! - Only once every object exists are refs moved, and all of them at once: the writer owns
//!   `refs/heads/main`, `refs/tags/*` and `refs/proposals/*`, and stores them in `packed-refs`,
//!   written beside it as `packed-refs.lock` and renamed over it. A rename is atomic, so a reader
//!   sees either the previous history or the new one, never half of each; an interrupted build
//!   leaves the previous history as it was.
//! - A lock file beside the repository (`<repo>.lock`) keeps a second build out.
//! - Same plan, same bytes, same ids: nothing here reads a clock, the environment or a hash map's
//!   order.
//!
//! The library never prints: progress goes to an optional callback, and the outcome comes back as
//! a [`WriteReport`].

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use gix::hash::ObjectId;
use gix::objs::Kind;
use serde::Serialize;

use super::guard::{self, GuardError, Standing};
use super::layout::{tag_ref, PROPOSALS_PREFIX, TAGS_PREFIX};
use super::lock::{self, BuildLock, LockError};
use super::pack::{ObjectSet, PackError};
use super::plan::{CommitPlan, HistoryPlan, Person};
use super::provenance::Provenance;
use super::{check, provenance};

/// The refs this writer owns; any other ref already in `packed-refs` is kept as it is.
const MANAGED_PREFIXES: [&str; 2] = [TAGS_PREFIX, PROPOSALS_PREFIX];
pub use super::layout::MAIN_REF;

/// Where a test can stop a build, to check that an interrupted build harms nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailPoint {
    /// After this many commits were built in memory; nothing written yet.
    AfterCommits(usize),
    /// After the pack was written, before any ref moved.
    AfterPack,
    /// After the new `packed-refs.lock` was written in full, before it replaced `packed-refs`.
    BeforeRefSwitch,
}

/// What to do with a date before 1970. Git stores seconds since 1970 and the object format allows a
/// minus sign, so a conference of 1965 is written as it is by default: actes (through gix) reads
/// and prints it right. Git itself (2.47) prints such a date as nothing and `git fsck` reports it
/// as `badDate`; `Refuse` is for callers that need a history every git tool reads in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EarlyDates {
    /// Write the date as given (negative seconds): gix reads it back right, git does not.
    #[default]
    Negative,
    /// Fail with [`WriteError::DateBefore1970`], naming the commit.
    Refuse,
}

/// What the writer is doing, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Commits built in memory so far, of all the plan's.
    Commits { done: usize, total: usize },
    /// Writing one pack of this many objects.
    Pack { objects: usize },
    /// Moving this many refs.
    Refs { count: usize },
}

/// How to write.
#[derive(Default)]
pub struct WriteOptions<'a> {
    /// Told what the writer is doing; the library prints nothing itself.
    pub progress: Option<&'a mut dyn FnMut(Progress)>,
    /// Stop the build there with [`WriteError::Interrupted`] (tests).
    pub fail_after: Option<FailPoint>,
    /// How long to wait for another build's lock before failing; zero fails at once.
    pub lock_wait: Duration,
    /// What to do with dates before 1970.
    pub early_dates: EarlyDates,
    /// What the plan was made from, recorded in the repository's config (`None`: a plan not
    /// made from a sources folder; nothing is recorded).
    pub provenance: Option<Provenance>,
    /// Write every object again into one new pack and drop the old packs (`actes build
    /// --force`); a damaged repository is rewritten so whatever this says.
    pub force: bool,
}

/// What a build did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WriteOutcome {
    /// A new repository.
    Created,
    /// The repository already held exactly this history: nothing was written.
    Unchanged,
    /// The repository held another history; it was replaced in one step.
    Replaced,
    /// The repository was damaged (a pack cut short or altered): every object was written
    /// again and the damaged packs removed.
    Repaired,
    /// Every object was written again on request (`--force`).
    Rewritten,
}

/// The outcome of [`write`]: which ids the history has and what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WriteReport {
    pub repository: PathBuf,
    pub outcome: WriteOutcome,
    /// `refs/heads/main` before the build, if there was one.
    pub old_main: Option<String>,
    /// `refs/heads/main` now (absent for a plan with no conference).
    pub main: Option<String>,
    /// Every ref the writer owns, with the id it points to (a tag object for a tag).
    pub refs: BTreeMap<String, String>,
    /// Refs added, moved or removed by this build.
    pub changed_refs: Vec<RefChange>,
    /// Commits in the plan.
    pub commits: usize,
    /// Objects of the history, and how many of them this build had to write.
    pub objects: usize,
    pub objects_written: usize,
}

/// One ref's move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefChange {
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Why a build failed. Whatever the failure, the previous history is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Guard(#[from] GuardError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("could not record the mark and provenance in the config of {}", path.display())]
    Mark {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} exists but is not a git repository; refusing to write into it", path.display())]
    NotARepository { path: PathBuf },
    #[error("could not create the repository {}", path.display())]
    Init {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("could not open the repository {}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("{commit}: the path `{path}` cannot be stored in git ({why})")]
    BadPath {
        commit: String,
        path: String,
        why: &'static str,
    },
    #[error("{commit}: the {role} `{value}` cannot be stored in git (no `<`, `>`, newline or NUL allowed)")]
    BadPerson {
        commit: String,
        role: &'static str,
        value: String,
    },
    #[error("{commit}: dated {seconds} seconds from 1970, before 1970, which git cannot print or fsck; the writer was asked to refuse such dates")]
    DateBefore1970 { commit: String, seconds: i64 },
    #[error("`{name}` is not a valid ref name")]
    BadRefName { name: String },
    #[error("the ref `{name}` is planned twice")]
    DuplicateRef { name: String },
    #[error("{reference}: its base conference `{base}` has no commit on main")]
    UnknownBase { reference: String, base: String },
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error("could not read the refs of {}", path.display())]
    ReadRefs {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("could not update the refs in {}", path.display())]
    WriteRefs {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the build was stopped on purpose at {0:?}")]
    Interrupted(FailPoint),
}

/// Writes `plan` into the bare repository at `repo_path`, creating it if needed.
pub fn write(
    repo_path: &Path,
    plan: &HistoryPlan,
    options: &mut WriteOptions<'_>,
) -> Result<WriteReport, WriteError> {
    // Refuse what is not ours before anything is written, even the lock beside it.
    // (While another build holds the lock, the repository may be half made: the check after
    // the lock decides.)
    if !BuildLock::path_for(repo_path).exists() {
        guard::inspect(repo_path)?;
    }
    let _lock = BuildLock::acquire(repo_path, options.lock_wait)?;
    let standing = guard::inspect(repo_path)?;
    let mut objects = ObjectSet::default();
    let built = build_objects(plan, options, &mut objects)?;
    check_fail(options, FailPoint::AfterCommits(usize::MAX))?;

    let (repo, created) = open_or_init(repo_path)?;
    let git_dir = repo.git_dir().to_path_buf();
    let mark = |values: BTreeMap<String, String>| {
        guard::write_section(&git_dir, &values).map_err(|source| WriteError::Mark {
            path: repo_path.to_path_buf(),
            source,
        })
    };
    if standing != Standing::Marked {
        // Marked before any ref moves: an interrupted first build leaves a repository that is
        // recognisably ours. What it was built from is recorded once the refs have moved.
        mark(
            guard::read_section(&git_dir)
                .into_iter()
                .filter(|(k, _)| k == "sources" || k == "version")
                .collect(),
        )?;
    }
    let damage = check::check(&git_dir).err();
    let rewrite = options.force || damage.is_some();
    let old_packs = if rewrite {
        packs_in(&git_dir)
    } else {
        Vec::new()
    };
    let old_refs = current_refs(&repo, &git_dir)?;
    let old_main = old_refs.get(MAIN_REF).copied();

    let total_objects = objects.len();
    if !rewrite {
        objects.retain(|id| !repo.has_object(id));
    }
    let objects_written = objects.len();

    let new_refs = &built.refs;
    let changed_refs = ref_changes(&old_refs, new_refs);
    let to_hex = |m: &BTreeMap<String, ObjectId>| -> BTreeMap<String, String> {
        m.iter().map(|(k, v)| (k.clone(), v.to_string())).collect()
    };
    let mut report = WriteReport {
        repository: repo_path.to_path_buf(),
        outcome: if created {
            WriteOutcome::Created
        } else if damage.is_some() {
            WriteOutcome::Repaired
        } else if options.force {
            WriteOutcome::Rewritten
        } else if changed_refs.is_empty() {
            WriteOutcome::Unchanged
        } else {
            WriteOutcome::Replaced
        },
        old_main: old_main.map(|id| id.to_string()),
        main: new_refs.get(MAIN_REF).map(|id| id.to_string()),
        refs: to_hex(new_refs),
        changed_refs,
        commits: built.commits,
        objects: total_objects,
        objects_written,
    };
    let recorded = provenance::Provenance::values(options.provenance.as_ref());
    if report.outcome == WriteOutcome::Unchanged && objects_written == 0 {
        mark(recorded)?;
        return Ok(report);
    }

    let keep = if objects.is_empty() {
        None
    } else {
        if let Some(progress) = options.progress.as_mut() {
            progress(Progress::Pack {
                objects: objects.len(),
            });
        }
        // A pack of the same objects has the same name, and an existing pack is never
        // overwritten: the old packs step aside first (and come back if the write fails).
        let aside = set_aside(&old_packs);
        match objects.write_pack(&git_dir.join("objects").join("pack")) {
            Ok(keep) => keep,
            Err(e) => {
                for (from, to) in aside.iter().rev() {
                    let _ = std::fs::rename(to, from);
                }
                return Err(e.into());
            }
        }
    };
    check_fail(options, FailPoint::AfterPack)?;

    if let Some(progress) = options.progress.as_mut() {
        progress(Progress::Refs {
            count: new_refs.len(),
        });
    }
    switch_refs(&git_dir, new_refs, &built.peeled, options)?;
    if let Some(keep) = keep {
        // The refs now protect the pack; the keep file only mattered until they did.
        let _ = std::fs::remove_file(keep);
    }
    log_moves(&git_dir, &report)?;
    for old in old_packs {
        // Every object is in the new pack now: the old (or damaged) ones, set aside, go.
        for ext in PACK_FILES {
            let _ = std::fs::remove_file(aside_path(&old.with_extension(ext)));
        }
    }
    mark(recorded)?;
    if report.outcome == WriteOutcome::Unchanged {
        // Objects were missing although the refs agreed: the history is the same.
        report.objects_written = objects_written;
    }
    Ok(report)
}

fn check_fail(options: &WriteOptions<'_>, here: FailPoint) -> Result<(), WriteError> {
    match (options.fail_after, here) {
        (Some(FailPoint::AfterCommits(n)), FailPoint::AfterCommits(done)) if done >= n => {
            Err(WriteError::Interrupted(FailPoint::AfterCommits(n)))
        }
        (Some(point), here) if point == here => Err(WriteError::Interrupted(point)),
        _ => Ok(()),
    }
}

/// The refs and counts that building the objects gives.
struct Built {
    /// Every managed ref to its id.
    refs: BTreeMap<String, ObjectId>,
    /// Annotated tags' refs to the commit they peel to.
    peeled: BTreeMap<String, ObjectId>,
    commits: usize,
}

fn build_objects(
    plan: &HistoryPlan,
    options: &mut WriteOptions<'_>,
    objects: &mut ObjectSet,
) -> Result<Built, WriteError> {
    let total = plan.main.len() + plan.branches.iter().map(|b| b.commits.len()).sum::<usize>();
    let mut lines = Lines {
        objects,
        refs: BTreeMap::new(),
        peeled: BTreeMap::new(),
        done: 0,
        total,
    };
    let mut tree = TreeBuilder::default();
    let mut parent: Option<ObjectId> = None;
    // The last main commit of each conference, and its tree, for the branches' bases.
    let mut bases: BTreeMap<String, (ObjectId, TreeBuilder)> = BTreeMap::new();
    for commit in &plan.main {
        let id = lines.commit(commit, &mut tree, parent, options)?;
        bases.insert(commit.conference.0.clone(), (id, tree.clone()));
        parent = Some(id);
    }
    if let Some(main) = parent {
        add_ref(&mut lines.refs, MAIN_REF.to_string(), main)?;
    }
    for branch in &plan.branches {
        let (mut parent, mut tree) = match &branch.base {
            Some(base) => {
                let (id, tree) = bases.get(&base.0).ok_or_else(|| WriteError::UnknownBase {
                    reference: branch.reference.clone(),
                    base: base.0.clone(),
                })?;
                (Some(*id), tree.clone())
            }
            None => (None, TreeBuilder::default()),
        };
        for commit in &branch.commits {
            parent = Some(lines.commit(commit, &mut tree, parent, options)?);
        }
        if let Some(tip) = parent {
            add_ref(&mut lines.refs, branch.reference.clone(), tip)?;
        }
    }
    Ok(Built {
        refs: lines.refs,
        peeled: lines.peeled,
        commits: total,
    })
}

/// What writing the lines of commits (main, then each branch) accumulates: the objects, the
/// refs, and how many commits are written, for progress and the tests' failure points.
struct Lines<'a> {
    objects: &'a mut ObjectSet,
    refs: BTreeMap<String, ObjectId>,
    peeled: BTreeMap<String, ObjectId>,
    done: usize,
    total: usize,
}

impl Lines<'_> {
    /// Writes one commit on top of `parent` and `tree` (see [`write_commit`]), reports the
    /// progress and stops at the failure point asked for; returns the commit's id.
    fn commit(
        &mut self,
        commit: &CommitPlan,
        tree: &mut TreeBuilder,
        parent: Option<ObjectId>,
        options: &mut WriteOptions<'_>,
    ) -> Result<ObjectId, WriteError> {
        let id = write_commit(
            commit,
            tree,
            parent,
            options,
            self.objects,
            &mut self.refs,
            &mut self.peeled,
        )?;
        self.done += 1;
        if let Some(progress) = options.progress.as_mut() {
            progress(Progress::Commits {
                done: self.done,
                total: self.total,
            });
        }
        check_fail(options, FailPoint::AfterCommits(self.done))?;
        Ok(id)
    }
}

/// Adds a ref, refusing a name git would refuse and a name already given.
fn add_ref(
    refs: &mut BTreeMap<String, ObjectId>,
    name: String,
    id: ObjectId,
) -> Result<(), WriteError> {
    if gix::refs::FullName::try_from(name.as_str()).is_err() {
        return Err(WriteError::BadRefName { name });
    }
    if refs.insert(name.clone(), id).is_some() {
        return Err(WriteError::DuplicateRef { name });
    }
    Ok(())
}

/// Applies a commit's changes to `tree`, writes its tree, the commit and its tag; returns the
/// commit's id.
fn write_commit(
    commit: &CommitPlan,
    tree: &mut TreeBuilder,
    parent: Option<ObjectId>,
    options: &WriteOptions<'_>,
    objects: &mut ObjectSet,
    refs: &mut BTreeMap<String, ObjectId>,
    peeled: &mut BTreeMap<String, ObjectId>,
) -> Result<ObjectId, WriteError> {
    let what = || {
        format!(
            "commit `{}` of {}",
            commit.message.lines().next().unwrap_or(""),
            commit.conference
        )
    };
    for (path, content) in &commit.changes {
        check_path(path).map_err(|why| WriteError::BadPath {
            commit: what(),
            path: path.clone(),
            why,
        })?;
        match content {
            Some(bytes) => {
                let blob = objects.insert(Kind::Blob, bytes)?;
                tree.upsert(path, blob);
            }
            None => tree.remove(path),
        }
    }
    let tree_id = tree.write(objects)?;

    let mut data = Vec::with_capacity(256 + commit.message.len());
    writeln!(data, "tree {tree_id}").expect("writing to a Vec cannot fail");
    if let Some(parent) = parent {
        writeln!(data, "parent {parent}").expect("writing to a Vec cannot fail");
    }
    signature(&mut data, "author", &commit.author, options, &what)?;
    signature(&mut data, "committer", &commit.committer, options, &what)?;
    data.push(b'\n');
    data.extend_from_slice(commit.message.as_bytes());
    let id = objects.insert(Kind::Commit, &data)?;

    if let Some(tag) = &commit.tag {
        let mut data = Vec::with_capacity(256 + tag.message.len());
        writeln!(data, "object {id}\ntype commit\ntag {}", tag.name)
            .expect("writing to a Vec cannot fail");
        signature(&mut data, "tagger", &tag.tagger, options, &what)?;
        data.push(b'\n');
        data.extend_from_slice(tag.message.as_bytes());
        let tag_id = objects.insert(Kind::Tag, &data)?;
        let name = tag_ref(&tag.name);
        if tag.name.contains(['\n', ' ']) {
            return Err(WriteError::BadRefName { name });
        }
        add_ref(refs, name.clone(), tag_id)?;
        peeled.insert(name, id);
    }
    Ok(id)
}

/// `author Name <email> 1415361600 +0000`.
fn signature(
    out: &mut Vec<u8>,
    role: &'static str,
    person: &Person,
    options: &WriteOptions<'_>,
    what: &dyn Fn() -> String,
) -> Result<(), WriteError> {
    let bad = |s: &str| s.contains(['<', '>', '\n', '\0']);
    if bad(&person.name) || person.name.trim().is_empty() {
        return Err(WriteError::BadPerson {
            commit: what(),
            role,
            value: person.name.clone(),
        });
    }
    if bad(&person.email) {
        return Err(WriteError::BadPerson {
            commit: what(),
            role,
            value: person.email.clone(),
        });
    }
    if person.seconds < 0 && options.early_dates == EarlyDates::Refuse {
        return Err(WriteError::DateBefore1970 {
            commit: what(),
            seconds: person.seconds,
        });
    }
    let sign = if person.offset < 0 { '-' } else { '+' };
    let minutes = person.offset.unsigned_abs() / 60;
    writeln!(
        out,
        "{role} {} <{}> {} {sign}{:02}{:02}",
        person.name,
        person.email,
        person.seconds,
        minutes / 60,
        minutes % 60
    )
    .expect("writing to a Vec cannot fail");
    Ok(())
}

/// Why a path cannot be a path in a git tree (the checks `git fsck --strict` makes).
fn check_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("empty path");
    }
    if path.contains('\0') {
        return Err("NUL in path");
    }
    for part in path.split('/') {
        match part {
            "" => return Err("empty path component (leading, trailing or double `/`)"),
            "." | ".." => return Err("`.` or `..` component"),
            _ if part.eq_ignore_ascii_case(".git") => return Err("`.git` component"),
            _ => {}
        }
    }
    Ok(())
}

/// A tree being built: folders to their entries, each folder's id remembered until something in
/// it changes.
#[derive(Debug, Clone, Default)]
struct TreeBuilder {
    entries: BTreeMap<String, Node>,
    id: Option<ObjectId>,
}

#[derive(Debug, Clone)]
enum Node {
    Blob(ObjectId),
    Tree(TreeBuilder),
}

impl TreeBuilder {
    fn upsert(&mut self, path: &str, blob: ObjectId) {
        self.id = None;
        match path.split_once('/') {
            None => {
                self.entries.insert(path.to_string(), Node::Blob(blob));
            }
            Some((dir, rest)) => {
                let node = self
                    .entries
                    .entry(dir.to_string())
                    .or_insert_with(|| Node::Tree(TreeBuilder::default()));
                if let Node::Blob(_) = node {
                    // A file replaced by a folder of the same name.
                    *node = Node::Tree(TreeBuilder::default());
                }
                if let Node::Tree(sub) = node {
                    sub.upsert(rest, blob);
                }
            }
        }
    }

    /// Removes a path; folders left empty go too.
    fn remove(&mut self, path: &str) {
        match path.split_once('/') {
            None => {
                if self.entries.remove(path).is_some() {
                    self.id = None;
                }
            }
            Some((dir, rest)) => {
                if let Some(Node::Tree(sub)) = self.entries.get_mut(dir) {
                    let before = sub.id;
                    sub.remove(rest);
                    if sub.entries.is_empty() {
                        self.entries.remove(dir);
                        self.id = None;
                    } else if sub.id != before || sub.id.is_none() {
                        self.id = None;
                    }
                }
            }
        }
    }

    /// Writes the folders that changed and returns the root's id.
    fn write(&mut self, objects: &mut ObjectSet) -> Result<ObjectId, PackError> {
        if let Some(id) = self.id {
            return Ok(id);
        }
        // Git orders entries by name, a folder's name compared as if it ended with `/`.
        let mut sorted: Vec<(Vec<u8>, &'static str, &str, ObjectId)> = Vec::new();
        let mut children = Vec::new();
        for (name, node) in self.entries.iter_mut() {
            match node {
                Node::Blob(id) => sorted.push((name.as_bytes().to_vec(), "100644", name, *id)),
                Node::Tree(sub) => children.push((name, sub)),
            }
        }
        for (name, sub) in children {
            let id = sub.write(objects)?;
            let mut key = name.as_bytes().to_vec();
            key.push(b'/');
            sorted.push((key, "40000", name, id));
        }
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut data = Vec::with_capacity(sorted.len() * 40);
        for (_, mode, name, id) in sorted {
            data.extend_from_slice(mode.as_bytes());
            data.push(b' ');
            data.extend_from_slice(name.as_bytes());
            data.push(0);
            data.extend_from_slice(id.as_bytes());
        }
        let id = objects.insert(Kind::Tree, &data)?;
        self.id = Some(id);
        Ok(id)
    }
}

fn open_or_init(path: &Path) -> Result<(gix::Repository, bool), WriteError> {
    let empty = match std::fs::read_dir(path) {
        Ok(mut entries) => entries.next().is_none(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => true,
        Err(err) => {
            return Err(WriteError::Open {
                path: path.to_path_buf(),
                source: Box::new(err),
            })
        }
    };
    if empty {
        let repo = gix::ThreadSafeRepository::init_opts(
            path,
            gix::create::Kind::Bare,
            gix::create::Options::default(),
            gix::open::Options::isolated(),
        )
        .map_err(|e| WriteError::Init {
            path: path.to_path_buf(),
            source: Box::new(e),
        })?
        .to_thread_local();
        // HEAD names the main line whatever the defaults of this gix version.
        std::fs::write(repo.git_dir().join("HEAD"), format!("ref: {MAIN_REF}\n")).map_err(|e| {
            WriteError::Init {
                path: path.to_path_buf(),
                source: Box::new(e),
            }
        })?;
        return Ok((repo, true));
    }
    if !path.join("objects").is_dir() || !path.join("HEAD").is_file() {
        return Err(WriteError::NotARepository {
            path: path.to_path_buf(),
        });
    }
    let repo =
        gix::open_opts(path, gix::open::Options::isolated()).map_err(|e| WriteError::Open {
            path: path.to_path_buf(),
            source: Box::new(e),
        })?;
    Ok((repo, false))
}

fn is_managed(name: &str) -> bool {
    name == MAIN_REF || MANAGED_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// The managed refs as they are now (loose or packed).
fn current_refs(
    repo: &gix::Repository,
    git_dir: &Path,
) -> Result<BTreeMap<String, ObjectId>, WriteError> {
    let err = |e: Box<dyn std::error::Error + Send + Sync>| WriteError::ReadRefs {
        path: git_dir.to_path_buf(),
        source: e,
    };
    let mut refs = BTreeMap::new();
    let platform = repo.references().map_err(|e| err(Box::new(e)))?;
    for reference in platform.all().map_err(|e| err(Box::new(e)))? {
        let reference = reference.map_err(|e| err(e.into()))?;
        let name = reference.name().as_bstr().to_string();
        if !is_managed(&name) {
            continue;
        }
        if let Some(id) = reference.target().try_id() {
            refs.insert(name, id.to_owned());
        }
    }
    Ok(refs)
}

fn ref_changes(
    old: &BTreeMap<String, ObjectId>,
    new: &BTreeMap<String, ObjectId>,
) -> Vec<RefChange> {
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter_map(|name| {
            let (o, n) = (old.get(name), new.get(name));
            (o != n).then(|| RefChange {
                name: name.clone(),
                old: o.map(|id| id.to_string()),
                new: n.map(|id| id.to_string()),
            })
        })
        .collect()
}

/// Replaces every managed ref at once: a new `packed-refs` written as `packed-refs.lock` and
/// renamed over the old one. Unmanaged packed refs are carried over; loose managed refs (left by
/// someone's `git update-ref`) are removed afterwards so that they cannot shadow the new ones.
fn switch_refs(
    git_dir: &Path,
    refs: &BTreeMap<String, ObjectId>,
    peeled: &BTreeMap<String, ObjectId>,
    options: &WriteOptions<'_>,
) -> Result<(), WriteError> {
    let io_err = |source| WriteError::WriteRefs {
        path: git_dir.to_path_buf(),
        source,
    };
    let packed = git_dir.join("packed-refs");
    let lock_path = git_dir.join("packed-refs.lock");

    // Unmanaged entries of the old file, each with its peel line.
    let mut lines: BTreeMap<String, String> = BTreeMap::new();
    if let Ok(old) = std::fs::read_to_string(&packed) {
        let mut last: Option<String> = None;
        for line in old.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some(peel) = line.strip_prefix('^') {
                if let Some(name) = &last {
                    if let Some(entry) = lines.get_mut(name) {
                        entry.push_str(&format!("^{peel}\n"));
                    }
                }
                continue;
            }
            if let Some((id, name)) = line.split_once(' ') {
                last = Some(name.to_string());
                if !is_managed(name) {
                    lines.insert(name.to_string(), format!("{id} {name}\n"));
                }
            }
        }
    }
    for (name, id) in refs {
        let mut entry = format!("{id} {name}\n");
        if let Some(commit) = peeled.get(name) {
            entry.push_str(&format!("^{commit}\n"));
        }
        lines.insert(name.clone(), entry);
    }
    let mut content = String::from("# pack-refs with: peeled fully-peeled sorted \n");
    for entry in lines.values() {
        content.push_str(entry);
    }

    let mut file = lock::create_new(&lock_path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            io_err(std::io::Error::new(
                e.kind(),
                format!(
                    "{} exists: another git process is updating refs, or one was interrupted (remove the file if no git process is running)",
                    lock_path.display()
                ),
            ))
        } else {
            io_err(e)
        }
    })?;
    let written = file
        .write_all(content.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let result = written.map_err(io_err).and_then(|()| {
        check_fail(options, FailPoint::BeforeRefSwitch)?;
        std::fs::rename(&lock_path, &packed).map_err(io_err)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&lock_path);
        return result;
    }
    // Loose refs would shadow the packed ones: remove those in the managed namespaces.
    let mut loose = Vec::new();
    collect_loose(&git_dir.join("refs"), "refs", &mut loose);
    for (name, file) in loose {
        if is_managed(&name) {
            let _ = std::fs::remove_file(file);
        }
    }
    Ok(())
}

fn collect_loose(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = format!("{prefix}/{}", entry.file_name().to_string_lossy());
        let path = entry.path();
        if path.is_dir() {
            collect_loose(&path, &name, out);
        } else {
            out.push((name, path));
        }
    }
}

/// The packs of the repository (their `.pack` paths).
fn packs_in(git_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(git_dir.join("objects").join("pack")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pack"))
        .collect()
}

/// One reflog line per ref the build moved, dated now (the one clock actes reads: reflogs say
/// when, objects never do).
fn log_moves(git_dir: &Path, report: &WriteReport) -> Result<(), WriteError> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let message = match report.outcome {
        WriteOutcome::Created => "actes build: created",
        WriteOutcome::Repaired => "actes build: repaired",
        WriteOutcome::Rewritten => "actes build: rewritten",
        WriteOutcome::Unchanged | WriteOutcome::Replaced => "actes build: rebuilt",
    };
    let moves: Vec<(String, Option<String>, Option<String>)> = report
        .changed_refs
        .iter()
        .map(|c| (c.name.clone(), c.old.clone(), c.new.clone()))
        .collect();
    guard::log_ref_moves(git_dir, &moves, seconds, message).map_err(|source| {
        WriteError::WriteRefs {
            path: git_dir.to_path_buf(),
            source,
        }
    })
}

/// The files of a pack.
const PACK_FILES: [&str; 5] = ["keep", "idx", "rev", "bitmap", "pack"];

/// Where a pack file waits while its replacement is written: a name git and gix do not read.
fn aside_path(file: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from("replaced-");
    name.push(file.file_name().unwrap_or_default());
    file.with_file_name(name)
}

/// Moves the files of these packs aside; returns the moves made.
fn set_aside(packs: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut moved = Vec::new();
    for pack in packs {
        for ext in PACK_FILES {
            let from = pack.with_extension(ext);
            let to = aside_path(&from);
            if std::fs::rename(&from, &to).is_ok() {
                moved.push((from, to));
            }
        }
    }
    moved
}
