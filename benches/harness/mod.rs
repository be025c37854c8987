//! A small hand-written benchmark harness: named sections chosen by a filter on the command line
//! (`cargo bench --bench actes_bench -- reading`), each timing closures over a fixed number of
//! iterations after a warm-up and printing the time per iteration and, where it applies, the
//! throughput. No dependency: `std::time::Instant` and `std::hint::black_box`.
//!
//! To add a section, write a `fn(&mut Bencher)` and list it in the `SECTIONS` of
//! `benches/actes_bench.rs`.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// One named group of measurements.
pub struct Section {
    pub name: &'static str,
    /// What it measures, printed before it runs.
    pub about: &'static str,
    pub run: fn(&mut Bencher),
}

/// Runs the measurements of one section and prints each result.
pub struct Bencher {
    section: &'static str,
    /// How long each measurement aims to run (after its warm-up).
    pub target: Duration,
}

/// What one measurement found.
#[derive(Debug, Clone, Copy)]
pub struct Measurement {
    pub iterations: u32,
    pub per_iteration: Duration,
    /// Megabytes (10^6 bytes) per second, when the input size is known.
    pub mb_per_s: Option<f64>,
}

impl Bencher {
    /// Times `f`, which processes `bytes` bytes of input each call (0 when it does not apply):
    /// a warm-up, an estimate, then enough iterations to fill [`Bencher::target`].
    pub fn measure<R>(
        &mut self,
        name: &str,
        bytes: usize,
        mut f: impl FnMut() -> R,
    ) -> Measurement {
        for _ in 0..3 {
            black_box(f());
        }
        let probe = Instant::now();
        black_box(f());
        let once = probe.elapsed().max(Duration::from_micros(1));
        let iterations = u32::try_from(self.target.as_nanos() / once.as_nanos())
            .unwrap_or(u32::MAX)
            .clamp(5, 100_000);
        let start = Instant::now();
        for _ in 0..iterations {
            black_box(f());
        }
        let elapsed = start.elapsed();
        let per_iteration = elapsed / iterations;
        let mb_per_s = (bytes > 0)
            .then(|| (bytes as f64 * f64::from(iterations)) / elapsed.as_secs_f64() / 1_000_000.0);
        let rate = mb_per_s.map_or_else(String::new, |r| format!(", {r:.1} MB/s"));
        println!(
            "{}/{name}: {iterations} iterations, {} per iteration{rate}",
            self.section,
            format_duration(per_iteration)
        );
        Measurement {
            iterations,
            per_iteration,
            mb_per_s,
        }
    }
}

fn format_duration(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns >= 1_000_000 {
        format!("{:.3} ms", d.as_secs_f64() * 1e3)
    } else if ns >= 1_000 {
        format!("{:.1} µs", d.as_secs_f64() * 1e6)
    } else {
        format!("{ns} ns")
    }
}

/// Runs the sections whose name contains one of the filters given on the command line (all of
/// them when none is given). Flags that cargo passes (`--bench`) are ignored.
pub fn run(sections: &[Section]) {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let chosen: Vec<&Section> = sections
        .iter()
        .filter(|s| filters.is_empty() || filters.iter().any(|f| s.name.contains(f.as_str())))
        .collect();
    if chosen.is_empty() {
        let names: Vec<&str> = sections.iter().map(|s| s.name).collect();
        eprintln!(
            "no section matches {filters:?}; sections: {}",
            names.join(", ")
        );
        std::process::exit(2);
    }
    for section in chosen {
        println!("== {}: {}", section.name, section.about);
        let mut bencher = Bencher {
            section: section.name,
            target: Duration::from_secs(2),
        };
        (section.run)(&mut bencher);
    }
}
