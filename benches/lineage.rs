//! Benchmark `lineage`: on a synthetic corpus (2,000 instruments x 50 conferences by default),
//! times `actes lineage RES` as a whole process against `git log --follow -- <path>` on the same
//! repository, and `actes table` for the whole corpus, in one run; prints medians and the ratio
//! (targets: lineage under 20 ms and at least 10 times faster than git; table under 200 ms).
//!
//! Run: `cargo bench --bench lineage`; options `--instruments N --conferences M --seed S --runs R`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use actes::history::write::{self, WriteOptions};
use actes::synthetic::{self, SyntheticSpec};

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("--git-dir")
        .arg(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null");
    c
}

fn actes(repo: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actes"));
    c.arg("--repo").arg(repo).arg("--color=never");
    c
}

/// Runs a command `runs` times (after one warm-up run) and returns the median wall time.
fn median(runs: u64, mut make: impl FnMut() -> Command) -> Duration {
    let run = |c: &mut Command| {
        let status = c
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status()
            .expect("the command runs");
        assert!(status.success(), "{c:?} failed");
    };
    run(&mut make());
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            run(&mut make());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let spec = SyntheticSpec {
        instruments: arg(&args, "--instruments", 2000) as usize,
        conferences: arg(&args, "--conferences", 50) as usize,
        seed: arg(&args, "--seed", 1),
    };
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
