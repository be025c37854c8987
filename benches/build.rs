//! Benchmark `build`: writes a synthetic corpus (2,000 instruments x 50 conferences by default)
//! with `actes::history::write` and with `git fast-import` (the git binary) from the same content,
//! in one run, and prints both times, their ratio (target: at most 1.0) and this process's peak
//! memory.
//!
//! Run: `cargo bench --bench build` or `benches/compare-with-git.sh`; options
//! `--instruments N --conferences M --seed S`.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use actes::history::write::{self, WriteOptions};
use common::synthetic;

use common::git::{fast_import, git, init_bare};
use common::{dir_size, peak_mib, spec_from_args};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let spec = spec_from_args(&args);
    let work: PathBuf =
        std::env::temp_dir().join(format!("actes-bench-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("a scratch folder");

    let started = Instant::now();
    let plan = synthetic::generate(spec);
    let generated = started.elapsed();
    let stream = synthetic::fast_import_stream(&plan);
    let files: usize = plan.main.iter().map(|c| c.changes.len()).sum();
    println!(
        "build: synthetic corpus {} instruments x {} conferences (seed {}): {} commits, {} file changes, stream {:.1} MiB, generated in {:.2} s",
        spec.instruments,
        spec.conferences,
        spec.seed,
        plan.main.len() + plan.branches.iter().map(|b| b.commits.len()).sum::<usize>(),
        files,
        stream.len() as f64 / 1048576.0,
        generated.as_secs_f64()
    );
    let before_write = peak_mib();

    let ours = work.join("actes.git");
    let started = Instant::now();
    let report =
        write::write(&ours, &plan, &mut WriteOptions::default()).expect("the plan is written");
    let actes_time = started.elapsed();
    let after_write = peak_mib();

    let theirs = work.join("fast-import.git");
    init_bare(&theirs);
    let started = Instant::now();
    fast_import(&theirs, &stream);
    let git_time = started.elapsed();

    let main = git(&theirs)
        .args(["rev-parse", "refs/heads/main"])
        .output()
        .expect("git runs");
    let same =
        String::from_utf8_lossy(&main.stdout).trim() == report.main.clone().unwrap_or_default();

    println!(
        "build: actes history::write {:.3} s ({} objects, {:.1} MiB on disk)",
        actes_time.as_secs_f64(),
        report.objects,
        dir_size(&ours.join("objects")) as f64 / 1048576.0
    );
    println!(
        "build: git fast-import      {:.3} s ({:.1} MiB on disk, deltified)",
        git_time.as_secs_f64(),
        dir_size(&theirs.join("objects")) as f64 / 1048576.0
    );
    println!(
        "build: ratio actes / git fast-import = {:.2} (target <= 1.00)",
        actes_time.as_secs_f64() / git_time.as_secs_f64()
    );
    println!(
        "build: peak memory (VmHWM of this process) {:.0} MiB after generating the plan, {:.0} MiB after writing it (limit 1024)",
        before_write.unwrap_or(f64::NAN),
        after_write.unwrap_or(f64::NAN)
    );
    println!("build: same main commit id as git fast-import: {same}");
    let _ = std::fs::remove_dir_all(&work);
}
