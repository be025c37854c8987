//! Benchmark `lineage`: on a synthetic corpus (2,000 instruments x 50 conferences by default),
//! times `actes lineage RES` as a whole process against `git log --follow -- <path>` on the same
//! repository, and `actes table` for the whole corpus, in one run; prints medians and the ratio
//! (targets: lineage under 20 ms and at least 10 times faster than git; table under 200 ms).
//!
//! Run: `cargo bench --bench lineage`; options `--instruments N --conferences M --seed S --runs R`.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use actes::history::write::{self, WriteOptions};
use common::synthetic;

use common::git::git;
use common::{actes, arg, median, ms, spec_from_args};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let spec = spec_from_args(&args);
    let runs = arg(&args, "--runs", 15);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-lineage");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    let repo = dir.join("history.git");
    let plan = synthetic::generate(spec);
    let start = Instant::now();
    write::write(&repo, &plan, &mut WriteOptions::default())
        .expect("the synthetic corpus is written");
    println!(
        "synthetic corpus: {} instruments x {} conferences, written in {:.0} ms",
        spec.instruments,
        spec.conferences,
        ms(start.elapsed())
    );

    // An instrument of the last conference's tree, and its record's path.
    let listing = git(&repo)
        .args(["ls-tree", "--name-only", "main", "pp/resolution/"])
        .output()
        .expect("git runs");
    let listing = String::from_utf8_lossy(&listing.stdout);
    let dir_of = listing
        .lines()
        .nth(listing.lines().count() / 3)
        .expect("the last conference holds instruments")
        .to_string();
    let number = dir_of.rsplit('/').next().expect("a number").to_string();
    let path = format!("{dir_of}/meta.json");

    // The first run builds the cache; it is timed apart.
    let start = Instant::now();
    let status = actes(&repo)
        .args(["lineage", &number])
        .stdout(Stdio::null())
        .status()
        .expect("actes runs");
    assert!(status.success());
    println!(
        "first run (reads the history, writes the cache): {:.1} ms",
        ms(start.elapsed())
    );

    let lineage = median(runs, || {
        let mut c = actes(&repo);
        c.args(["lineage", &number]);
        c
    });
    let git_log = median(runs, || {
        let mut c = git(&repo);
        c.args(["log", "--follow", "--format=%H %s", "main", "--", &path]);
        c
    });
    let table = median(runs.min(7), || {
        let mut c = actes(&repo);
        c.args(["table", "--format", "csv"]);
        c
    });
    // Where the table's time goes, in process: loading the records, building the graph, the query.
    let start = Instant::now();
    let records = actes::lineage::load::load(&repo).expect("the records load");
    let loaded = start.elapsed();
    let start = Instant::now();
    let graph = actes::lineage::Lineage::from_all(&records);
    let built = start.elapsed();
    let start = Instant::now();
    let report = graph.table(&actes::lineage::query::TableFilter::default());
    let queried = start.elapsed();
    println!(
        "in process: load {:.1} ms ({} versions), graph {:.1} ms, table {:.1} ms ({} rows)",
        ms(loaded),
        records.versions.len(),
        ms(built),
        ms(queried),
        report.rows.len()
    );
    let ratio = ms(git_log) / ms(lineage);
    println!(
        "actes lineage {number}: {:.1} ms (median of {runs}; target < 20 ms)",
        ms(lineage)
    );
    println!("git log --follow -- {path}: {:.1} ms", ms(git_log));
    println!("ratio git / actes: {ratio:.1}x (target >= 10x)");
    println!(
        "actes table (whole corpus, csv): {:.1} ms (target < 200 ms)",
        ms(table)
    );
}
