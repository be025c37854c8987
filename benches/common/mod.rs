//! Helpers shared by the benchmarks that compare actes with the git binary (`build`, `lineage`,
//! `blame`): command-line options, the synthetic corpus's spec, running git and actes as
//! processes, timing them, and reading the process's peak memory. Each benchmark is its own
//! crate and uses a part of them.

#![allow(dead_code)]

pub mod git;
pub mod synthetic;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use synthetic::SyntheticSpec;

/// The value of the option `name` (`--runs 15`) on the command line, or `default`.
pub fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The synthetic corpus the options ask for: `--instruments N --conferences M --seed S`,
/// 2,000 x 50, seed 1 by default.
pub fn spec_from_args(args: &[String]) -> SyntheticSpec {
    SyntheticSpec {
        instruments: arg(args, "--instruments", 2000) as usize,
        conferences: arg(args, "--conferences", 50) as usize,
        seed: arg(args, "--seed", 1),
    }
}

/// The `actes` binary of this build (the bench profile's, optimised), on the history `repo`.
pub fn actes(repo: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actes"));
    c.arg("--repo").arg(repo).arg("--color=never");
    c
}

/// Runs a command `runs` times (after one warm-up run), its output discarded, and returns the
/// median wall time, process start included.
pub fn median(runs: u64, mut make: impl FnMut() -> Command) -> Duration {
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

/// A duration in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Peak resident memory of this process (VmHWM), in MiB.
pub fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The bytes of every file under `path`, recursively.
pub fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                dir_size(&p)
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}
