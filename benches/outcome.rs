//! Benchmark `outcome`: `actes outcome 67` (the five proposals of Document 67) as a whole
//! process, process start included, medians of R runs after a warm-up; target under 100 ms.
//!
//! Two histories: the shipped one (no adopted texts: the answers say what cannot be known), and
//! the shipped one with adopted texts at Dubai 2018 for the two revised targets (71, 130) and
//! for every new instrument (11), so that the matcher runs on every proposal: each revised
//! target "adopted" as its proposal's text and each new instrument given the draft's or
//! Resolution 130's text in turn. Those stand-in texts only give the matcher work of the real
//! size; nothing is claimed about what they match.
//!
//! Run: `cargo bench --bench outcome`; option `--runs R`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use actes::corpus::sources::Sources;
use actes::corpus::Corpus;
use actes::history::layout::text_path;
use actes::history::plan::HistoryPlan;
use actes::history::write::{self, WriteOptions};
use actes::model::{Body, InstrumentId, InstrumentKind, Language};

use common::{actes, arg, median, ms};

fn res(n: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, n)
}

fn build(dir: &Path, edit: impl FnOnce(&mut HistoryPlan)) -> PathBuf {
    let repo = dir.join("history.git");
    let sources = Sources::load_with(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/history")),
        actes::reader::read_document_with,
    )
    .expect("the shipped sources load");
    let mut plan = Corpus::assemble(&sources)
        .expect("the shipped sources make a corpus")
        .plan();
    edit(&mut plan);
    write::write(&repo, &plan, &mut WriteOptions::default()).expect("the history is written");
    repo
}

/// The text a proposal commit gives an instrument, from the plan.
fn proposed(plan: &HistoryPlan, id: &InstrumentId) -> Vec<u8> {
    let path = text_path(id, Language::Fr);
    plan.branches
        .iter()
        .flat_map(|b| &b.commits)
        .filter_map(|c| c.changes.get(&path).cloned().flatten())
        .next_back()
        .expect("the proposal gives a text")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = arg(&args, "--runs", 15);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-outcome");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("shipped")).expect("the target directory is writable");
    std::fs::create_dir_all(dir.join("texts")).expect("the target directory is writable");
    let shipped = build(&dir.join("shipped"), |_| {});
    let with_texts = build(&dir.join("texts"), |plan| {
        let draft = InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1");
        let t71 = proposed(plan, &res(71));
        let t130 = proposed(plan, &res(130));
        let tb1 = proposed(plan, &draft);
        let dubai = plan
            .main
            .iter_mut()
            .find(|c| c.conference.0 == "pp-2018-dubai")
            .expect("the history has Dubai 2018");
        dubai
            .changes
            .insert(text_path(&res(71), Language::En), Some(t71));
        dubai
            .changes
            .insert(text_path(&res(130), Language::En), Some(t130.clone()));
        for (i, n) in (204..=213).enumerate() {
            let text = if i % 2 == 0 {
                tb1.clone()
            } else {
                t130.clone()
            };
            dubai
                .changes
                .insert(text_path(&res(n), Language::En), Some(text));
        }
    });
    for (name, repo) in [("shipped", &shipped), ("with adopted texts", &with_texts)] {
        let status = actes(repo)
            .args(["outcome", "67"])
            .stdout(Stdio::null())
            .status()
            .expect("actes runs");
        assert!(status.success());
        let t = median(runs, || {
            let mut c = actes(repo);
            c.args(["outcome", "67"]);
            c
        });
        println!(
            "actes outcome 67 ({name}): {:.1} ms median of {runs} runs, target < 100 ms {}",
            ms(t),
            if ms(t) < 100.0 { "met" } else { "NOT met" }
        );
    }
}
