//! Benchmark of `actes blame` and `actes search` on the synthetic corpus (`common::synthetic`,
//! 2,000 instruments x 50 conferences), one run each, printed; not a timed test.
//!
//! - blame: the French text of the instrument with the most versions on main, made to change at
//!   every conference (the generator revises none that often), against `git blame --porcelain`
//!   on the same file at the same ref. actes is timed twice: as a whole process (`actes blame`,
//!   the bench build of the binary, process start included, like git) and in process (open the
//!   history, read the versions, attribute, render as text), each the median of `--runs` runs;
//!   prints both ratios actes / git (at most 1 is the goal; the process one is the fair one).
//! - search: a phrase over the whole corpus (every text of every commit of main and of the
//!   proposal refs); the goal is under 1 s.
//!
//! Run with `cargo bench --bench blame` (options `--runs R`, 15 by default). The history is
//! written under the target folder and rewritten only when the plan changed.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use actes::history::read::History;
use actes::history::write::{self, WriteOptions};
use actes::model::{Body, InstrumentId, InstrumentKind, Language};
use common::synthetic::{self, SyntheticSpec};

use common::git::git;
use common::{actes, arg, median, ms};

fn seconds(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = arg(&args, "--runs", 15);
    let spec = SyntheticSpec {
        instruments: 2000,
        conferences: 50,
        seed: 1,
    };
    let repo = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-blame/history.git");
    let started = Instant::now();
    let mut plan = synthetic::generate(spec);

    // The French text that changes at the most conferences of main and is never removed ...
    let mut versions_by_path: BTreeMap<String, (usize, bool)> = BTreeMap::new();
    for commit in &plan.main {
        for (path, content) in &commit.changes {
            if path.ends_with("/fr.txt") {
                let entry = versions_by_path.entry(path.clone()).or_default();
                entry.0 += usize::from(content.is_some());
                entry.1 |= content.is_none();
            }
        }
    }
    let (path, synthetic_versions) = versions_by_path
        .iter()
        .filter(|(_, (_, removed))| !removed)
        .max_by_key(|(path, (n, _))| (*n, std::cmp::Reverse(path.as_str())))
        .map(|(p, (n, _))| (p.clone(), *n))
        .expect("the corpus has texts");
    // ... is revised at every conference from its first: a paragraph reworded each time, and
    // every third time a paragraph inserted (which renumbers nothing: its label is a dash).
    let mut current: Option<String> = None;
    for (k, commit) in plan.main.iter_mut().enumerate() {
        match commit.changes.get(&path) {
            Some(Some(content)) => current = Some(String::from_utf8_lossy(content).into_owned()),
            Some(None) => current = None,
            None => {
                if let Some(text) = &current {
                    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                    let at = 3 + k % lines.len().saturating_sub(3).max(1);
                    let at = at.min(lines.len() - 1);
                    lines[at].push_str(" et renforcer la coopération");
                    if k % 3 == 0 {
                        lines.insert(at, format!("–\tparagraphe ajouté par la conférence {k}"));
                    }
                    let revised = lines.join("\n") + "\n";
                    commit
                        .changes
                        .insert(path.clone(), Some(revised.clone().into_bytes()));
                    current = Some(revised);
                }
            }
        }
    }
    let planned_versions = plan
        .main
        .iter()
        .filter(|c| matches!(c.changes.get(&path), Some(Some(_))))
        .count();

    let report = write::write(&repo, &plan, &mut WriteOptions::default())
        .expect("the synthetic history is written");
    println!(
        "blame bench: synthetic corpus {} x {} (seed {}), {path} revised at every conference ({synthetic_versions} versions in the generator, {planned_versions} now), {} objects, {:?} in {:.2} s",
        spec.instruments,
        spec.conferences,
        spec.seed,
        report.objects,
        report.outcome,
        seconds(started.elapsed())
    );

    let parts: Vec<&str> = path.split('/').collect();
    let instrument = InstrumentId::numbered(
        Body::from_code(parts[0]).expect("a body folder"),
        InstrumentKind::from_word(parts[1]).expect("a kind folder"),
        parts[2].parse().expect("a numbered instrument"),
    );

    // actes blame, in process: open, read the versions, attribute, render; the median run.
    let mut in_process: Vec<[Duration; 3]> = Vec::new();
    let mut rendered = String::new();
    let mut blame = None;
    for _ in 0..=runs.max(1) {
        let started = Instant::now();
        let history = History::open(&repo).expect("open the history");
        let opened = started.elapsed();
        let (loaded, _) =
            actes::blame::load::load_versions(&history, &instrument, Language::Fr, None)
                .expect("the versions");
        let read = started.elapsed();
        let attributed = actes::blame::attribute(&loaded).expect("blame");
        rendered = actes::render::blame::to_text(&attributed, &instrument.to_string());
        in_process.push([opened, read - opened, started.elapsed() - read]);
        blame = Some(attributed);
    }
    let blame = blame.expect("at least one run");
    in_process.remove(0); // the warm-up
    in_process.sort_by_key(|[open, read, rest]| *open + *read + *rest);
    let [opened, read, rest] = in_process[in_process.len() / 2];
    let actes_in_process = opened + read + rest;
    println!(
        "  actes blame in process (median of {runs}): open {:.1} ms, read the versions {:.1} ms, attribute and render {:.1} ms",
        ms(opened),
        ms(read),
        ms(rest)
    );
    let versions = blame
        .versions
        .iter()
        .zip(&blame.has_text)
        .filter(|(v, t)| **t && v.commit.is_some())
        .count();

    // `actes blame` and `git blame` of the same file at the same ref, as processes.
    let number = instrument.to_string();
    let actes_process = median(runs, || {
        let mut c = actes(&repo);
        c.args(["blame", parts[2], "--lang", "fr"]);
        c
    });
    let git_process = median(runs, || {
        let mut c = git(&repo);
        c.args(["blame", "--porcelain", "refs/heads/main", "--", &path]);
        c
    });
    println!(
        "blame {path} ({number}): {versions} versions read, {} lines, {} bytes rendered",
        blame.lines.len(),
        rendered.len()
    );
    println!(
        "  actes blame process {:.1} ms, in process {:.1} ms; git blame {:.1} ms (medians of {runs})",
        ms(actes_process),
        ms(actes_in_process),
        ms(git_process)
    );
    println!(
        "  ratio actes/git blame: {:.2} as processes, {:.2} in process (goal <= 1)",
        seconds(actes_process) / seconds(git_process),
        seconds(actes_in_process) / seconds(git_process)
    );

    // actes search over the whole corpus, in process.
    for phrase in [
        "sécurité et confiance",
        "la sécurité",
        "une phrase qui n'existe nulle part",
    ] {
        let started = Instant::now();
        let history = History::open(&repo).expect("open the history");
        let result = actes::search::load::search(&history, phrase, None).expect("search");
        let search_time = started.elapsed();
        let hits: usize = result.tracks.iter().map(|t| t.present_in.len()).sum();
        println!(
            "search \"{phrase}\" over the whole corpus: {} tracks, {hits} versions with it, {:.1} ms (goal under 1 s: {})",
            result.tracks.len(),
            seconds(search_time) * 1e3,
            if seconds(search_time) < 1.0 { "met" } else { "MISSED" }
        );
    }
}
