//! Benchmark of `actes blame` and `actes search` on a synthetic corpus of 2,000 instruments over
//! 50 conferences (one run each, printed; not a timed test).
//!
//! - blame: the text of the one instrument that changed at every conference (50 versions), in
//!   process (open the history, read the versions, attribute, render), against the `git blame`
//!   binary on the same file at the same ref; prints the ratio (actes / git, lower is better).
//! - search: a phrase over the whole corpus (every text of every commit), target under 1 s.
//!
//! Run with `cargo bench --bench blame`. The history is written once under the target folder and
//! reused while the plan is unchanged.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use actes::history::plan::{CommitPlan, HistoryPlan, Person, TagPlan};
use actes::history::read::History;
use actes::history::write::{self, WriteOptions};
use actes::model::{Body, ConferenceId, InstrumentId, InstrumentKind, Language};

const INSTRUMENTS: u32 = 2_000;
const CONFERENCES: usize = 50;
/// The instrument revised at every conference.
const BUSY: u32 = 1;

/// A small deterministic generator (64-bit LCG), so that the corpus is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: [&str; 24] = [
    "coopération",
    "sécurité",
    "Etats",
    "Membres",
    "télécommunications",
    "développement",
    "confiance",
    "l'UIT",
    "réseaux",
    "normes",
    "pays",
    "ressources",
    "Conseil",
    "Secteurs",
    "renforcer",
    "promouvoir",
    "encourager",
    "questions",
    "capacités",
    "internationale",
    "des",
    "de la",
    "et",
    "dans",
];

fn sentence(rng: &mut Lcg) -> String {
    let n = 12 + rng.below(20) as usize;
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

/// An instrument's text as a list of paragraphs (label, words) plus header lines.
struct Text {
    number: u32,
    year: i32,
    items: Vec<String>,
}

impl Text {
    fn render(&self) -> String {
        let mut out = format!(
            "RÉSOLUTION {} (Rév. Ville, {})\nTitre de la résolution {}\nLa Conférence de plénipotentiaires,\nconsidérant\n",
            self.number, self.year, self.number
        );
        for (i, item) in self.items.iter().enumerate() {
            out.push_str(&format!("{})\t{item}\n", label(i)));
        }
        out
    }

    /// One conference's revision: reword, insert (renumbering what follows) or delete items.
    fn revise(&mut self, rng: &mut Lcg, year: i32) {
        self.year = year;
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(self.items.len() as u64 + 1) as usize;
            match rng.below(3) {
                0 if at < self.items.len() => {
                    self.items[at].push_str(" et ");
                    self.items[at].push_str(WORDS[rng.below(20) as usize]);
                }
                1 if self.items.len() > 5 && at < self.items.len() => {
                    self.items.remove(at);
                }
                _ => self.items.insert(at, sentence(rng)),
            }
        }
    }
}

fn label(i: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    if i < 26 {
        (letters[i] as char).to_string()
    } else {
        format!("{}{}", letters[i / 26 - 1] as char, letters[i % 26] as char)
    }
}

fn plan() -> HistoryPlan {
    let mut rng = Lcg(0x5eed);
    let mut texts: Vec<Text> = (1..=INSTRUMENTS)
        .map(|number| Text {
            number,
            year: 1900,
            items: (0..8 + rng.below(20)).map(|_| sentence(&mut rng)).collect(),
        })
        .collect();
    let mut main = Vec::with_capacity(CONFERENCES);
    for c in 0..CONFERENCES {
        let year = 1900 + 4 * c as i32;
        let id = format!("pp-{year}-ville");
        let mut changes = BTreeMap::new();
        for text in &mut texts {
            let path = InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, text.number);
            let path = actes::corpus::layout::text_path(&path, Language::Fr);
            if c == 0 {
                changes.insert(path, Some(text.render().into_bytes()));
            } else if text.number == BUSY || rng.below(10) == 0 {
                text.revise(&mut rng, year);
                changes.insert(path, Some(text.render().into_bytes()));
            }
        }
        let seconds = -2_208_945_600 + (c as i64) * 4 * 365 * 86_400;
        let who = Person {
            name: format!("Conférence de plénipotentiaires (Ville, {year})"),
            email: format!("{id}@conferences.actes.invalid"),
            seconds,
            offset: 0,
        };
        main.push(CommitPlan {
            conference: ConferenceId(id.clone()),
            changes,
            author: who.clone(),
            committer: who.clone(),
            message: format!("{id}\n\nSynthetic.\n\nConference: {id}\nStatus: adopted\n"),
            tag: Some(TagPlan {
                name: id.clone(),
                tagger: who,
                message: format!("{id}\n"),
            }),
        });
    }
    HistoryPlan {
        main,
        branches: Vec::new(),
    }
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-blame/history.git");
    let started = Instant::now();
    let plan = plan();
    let report = write::write(&repo, &plan, &mut WriteOptions::default())
        .expect("the synthetic history is written");
    println!(
        "synthetic corpus: {INSTRUMENTS} instruments x {CONFERENCES} conferences, {} objects ({:?}, built in {:.2?})",
        report.objects,
        report.outcome,
        started.elapsed()
    );

    let instrument = InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, BUSY);
    let path = actes::corpus::layout::text_path(&instrument, Language::Fr);

    // actes blame, in process: open, read the versions, attribute, render.
    let started = Instant::now();
    let history = History::open(&repo).expect("open the history");
    let blame =
        actes::blame::load::blame(&history, &instrument, Language::Fr, None).expect("blame");
    let rendered = actes::blame::render::to_text(&blame, "pp resolution 1, fr");
    let actes_time = started.elapsed();
    let versions = blame.has_text.iter().filter(|t| **t).count();

    // git blame of the same file at the same ref.
    let started = Instant::now();
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(&repo)
        .args(["blame", "--porcelain", "refs/heads/main", "--", &path])
        .output()
        .expect("git runs");
    let git_time = started.elapsed();
    assert!(out.status.success(), "git blame failed");
    println!(
        "blame {path}: {versions} versions, {} lines ({} bytes rendered); actes {actes_time:.2?}, git blame {git_time:.2?}, ratio actes/git {:.2}",
        blame.lines.len(),
        rendered.len(),
        actes_time.as_secs_f64() / git_time.as_secs_f64()
    );

    // actes search over the whole corpus.
    let started = Instant::now();
    let history = History::open(&repo).expect("open the history");
    let result =
        actes::search::load::search(&history, "sécurité et confiance", None).expect("search");
    let search_time = started.elapsed();
    println!(
        "search over the whole corpus: {} tracks, {search_time:.2?} (target under 1 s: {})",
        result.tracks.len(),
        if search_time.as_secs_f64() < 1.0 {
            "met"
        } else {
            "MISSED"
        }
    );
}
