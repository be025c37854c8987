//! Benchmark of `actes site`: the static website of the synthetic corpus (2,000 instruments x 50
//! conferences by default; goal under 60 s and under 1 GiB of memory, no page over 2 MB) and of
//! the shipped corpus (goal under 1 s), each as a whole process (the bench build of the binary),
//! one run each, printed; not a timed test.
//!
//! Peak memory is the child's VmHWM, read from /proc every 10 ms while it runs (the high-water
//! mark only grows, so the last reading is at most 10 ms short of the end).
//!
//! Run with `cargo bench --bench site` (options `--instruments N --conferences M --seed S`).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use actes::history::write::{self, WriteOptions};
use actes::synthetic;

use common::{actes, spec_from_args};

/// Runs `command`, returns its wall time and its peak resident memory in MiB.
fn run_measured(mut command: Command) -> (Duration, f64) {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("actes starts");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0f64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            if let Some(kib) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
            {
                peak_kib = peak_kib.max(kib);
            }
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            assert!(status.success(), "actes site failed");
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    (started.elapsed(), peak_kib / 1024.0)
}

/// The number of files under `dir`, their total bytes, and the largest with its size.
fn survey(dir: &Path) -> (usize, u64, (PathBuf, u64)) {
    let mut count = 0;
    let mut total = 0;
    let mut largest = (PathBuf::new(), 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("the site reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
                count += 1;
                total += len;
                if len > largest.1 && path.extension().is_some_and(|e| e == "html") {
                    largest = (path, len);
                }
            }
        }
    }
    (count, total, largest)
}

fn site_of(repo: &Path, out: &Path, label: &str) -> Duration {
    let _ = std::fs::remove_dir_all(out);
    let mut command = actes(repo);
    command.arg("site").arg(out);
    let (time, peak) = run_measured(command);
    let (files, bytes, (largest, largest_len)) = survey(out);
    println!(
        "site: {label}: {:.2} s, peak memory {:.0} MiB (limit 1024), {files} files, {:.1} MiB, largest page {} ({:.0} KiB; limit 2048)",
        time.as_secs_f64(),
        peak,
        bytes as f64 / 1048576.0,
        largest.strip_prefix(out).unwrap_or(&largest).display(),
        largest_len as f64 / 1024.0
    );
    time
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let spec = spec_from_args(&args);
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-site");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("a scratch folder");

    // The shipped corpus: build its history from history/, then time the site (median of 5).
    let shipped = work.join("shipped.git");
    let built = actes(&shipped)
        .arg("build")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .status()
        .expect("actes build runs");
    assert!(built.success());
    let mut times: Vec<Duration> = (0..5)
        .map(|_| site_of(&shipped, &work.join("shipped-site"), "shipped corpus"))
        .collect();
    times.sort();
    println!(
        "site: shipped corpus, median of 5: {:.0} ms (goal under 1 s)",
        times[2].as_secs_f64() * 1000.0
    );

    let plan = synthetic::generate(spec);
    let repo = work.join("synthetic.git");
    write::write(&repo, &plan, &mut WriteOptions::default()).expect("the plan is written");
    drop(plan);
    site_of(
        &repo,
        &work.join("synthetic-site"),
        &format!(
            "synthetic corpus {} x {} (seed {})",
            spec.instruments, spec.conferences, spec.seed
        ),
    );
}
