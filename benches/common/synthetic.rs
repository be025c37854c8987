//! A synthetic corpus, for benchmarks and tests only: N instruments over M conferences with the
//! kinds of edits real conferences make (words changed, paragraphs inserted and deleted, items
//! renumbered, citations revised, instruments adopted new and suppressed), laid out exactly as
//! the real history is (`<body>/<kind>/<number>/fr.txt` and `meta.json`, `conferences/<id>.json`,
//! annotated tags, trailers).
//!
//! It lives beside the benchmarks, not in the library: the integration tests include it by path.
//! It exists so that the git writer can be measured on a corpus far larger than the shipped one
//! (`benches/`, 2,000 x 50) and compared with `git fast-import` of the same content: see
//! [`fast_import_stream`]. Everything comes from a small seeded generator of its own, so the same
//! parameters give the same plan on any machine. Nothing here is a claim about real ITU texts.

use std::collections::BTreeMap;
use std::io::Write as _;

use actes::history::plan::{BranchPlan, CommitPlan, HistoryPlan, Person, TagPlan};
use actes::model::{
    Body, Completeness, Conference, ConferenceId, ConferenceRecord, Event, EventRecord, Evidence,
    EvidenceKind, InstrumentId, InstrumentKind, InstrumentRecord, Language, Places, Revision,
    Status,
};

/// The size and seed of a synthetic corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticSpec {
    /// Instruments adopted over the whole history (about half exist at the first conference).
    pub instruments: usize,
    /// Conferences, one commit each on main, four years apart from 1974.
    pub conferences: usize,
    pub seed: u64,
}

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// `true` with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const WORDS: &[&str] = &[
    "les",
    "des",
    "de",
    "la",
    "le",
    "et",
    "à",
    "dans",
    "pour",
    "sur",
    "Etats",
    "Membres",
    "Membres de Secteur",
    "télécommunications",
    "technologies",
    "information",
    "communication",
    "développement",
    "pays",
    "sécurité",
    "confiance",
    "utilisation",
    "réseaux",
    "services",
    "Union",
    "Secteur",
    "Conférence",
    "Conseil",
    "Secrétaire général",
    "Bureau",
    "programme",
    "activités",
    "coopération",
    "international",
    "régional",
    "mondial",
    "numérique",
    "accès",
    "infrastructure",
    "politique",
    "réglementaire",
    "renforcer",
    "encourager",
    "faciliter",
    "assurer",
    "promouvoir",
    "examiner",
    "rapport",
    "mise en œuvre",
    "plan stratégique",
    "objectifs",
    "ressources",
    "financières",
    "humaines",
    "formation",
    "capacités",
    "normes",
    "radiocommunications",
    "spectre",
    "orbites",
    "satellites",
    "urgence",
    "catastrophes",
    "environnement",
    "changements climatiques",
    "jeunes",
    "femmes",
    "handicapés",
    "langues",
];

const PLACES: &[(&str, &str, &str)] = &[
    ("Genève", "Geneva", "Ginebra"),
    ("Nairobi", "Nairobi", "Nairobi"),
    ("Nice", "Nice", "Niza"),
    ("Kyoto", "Kyoto", "Kioto"),
    ("Minneapolis", "Minneapolis", "Minneápolis"),
    ("Marrakech", "Marrakesh", "Marrakech"),
    ("Antalya", "Antalya", "Antalya"),
    ("Guadalajara", "Guadalajara", "Guadalajara"),
    ("Busan", "Busan", "Busán"),
    ("Dubaï", "Dubai", "Dubái"),
    ("Bucarest", "Bucharest", "Bucarest"),
    ("Doha", "Doha", "Doha"),
];

const HEADINGS: &[&str] = &[
    "considérant",
    "reconnaissant",
    "notant",
    "décide",
    "charge le Secrétaire général",
    "invite les Etats Membres",
];

/// One paragraph of a synthetic text (its label is given by its position).
#[derive(Debug, Clone)]
struct Para {
    text: String,
    /// A cited instrument and the conference index of the revision cited.
    citation: Option<(u32, usize)>,
}

#[derive(Debug, Clone)]
struct Instrument {
    number: u32,
    title: String,
    /// Sections: heading index, paragraphs.
    sections: Vec<(usize, Vec<Para>)>,
    /// The conference index of its last revision, and whether it was adopted new there.
    revised_at: usize,
    adopted_new: bool,
    alive: bool,
}

struct Conf {
    id: String,
    place: (&'static str, &'static str, &'static str),
    year: i32,
    end: time::Date,
}

fn conferences(count: usize) -> Vec<Conf> {
    (0..count)
        .map(|k| {
            let place = PLACES[k % PLACES.len()];
            let year = 1974 + 4 * k as i32;
            let slug: String = actes::text::fold(place.1)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            let month = time::Month::try_from(9 + (k % 3) as u8).expect("September to November");
            let end = time::Date::from_calendar_date(year, month, 10 + (k % 15) as u8)
                .expect("a valid day");
            Conf {
                id: format!("pp-{year}-{slug}"),
                place,
                year,
                end,
            }
        })
        .collect()
}

/// `que` and at least `min` words (up to `min + 19`).
fn sentence(rng: &mut Rng, min: usize) -> String {
    let words = min + rng.below(20);
    let mut s = String::from("que");
    for _ in 0..words {
        s.push(' ');
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s.push(';');
    s
}

fn label(heading: usize, index: usize) -> String {
    if HEADINGS[heading] == "décide" || HEADINGS[heading].starts_with("charge") {
        (index + 1).to_string()
    } else {
        let letter = (b'a' + (index % 26) as u8) as char;
        format!("{letter})")
    }
}

impl Instrument {
    fn new(rng: &mut Rng, number: u32, at: usize) -> Self {
        let mut sections = Vec::new();
        for h in 0..HEADINGS.len() {
            if h == 3 || rng.chance(60) {
                let n = 1 + rng.below(6);
                let paras = (0..n)
                    .map(|_| Para {
                        text: sentence(rng, 8),
                        citation: None,
                    })
                    .collect();
                sections.push((h, paras));
            }
        }
        Instrument {
            number,
            title: format!(
                "{} {}",
                WORDS[rng.below(WORDS.len())],
                WORDS[rng.below(WORDS.len())]
            ),
            sections,
            revised_at: at,
            adopted_new: true,
            alive: true,
        }
    }

    /// A conference's edits: some words, maybe a paragraph in or out (the labels after it
    /// renumber), maybe a citation brought up to date.
    fn revise(&mut self, rng: &mut Rng, at: usize, live: &[u32]) {
        let edits = 1 + rng.below(4);
        for _ in 0..edits {
            let s = rng.below(self.sections.len());
            let paras = &mut self.sections[s].1;
            match rng.below(10) {
                0..=4 if !paras.is_empty() => {
                    let p = rng.below(paras.len());
                    let mut words: Vec<String> =
                        paras[p].text.split(' ').map(str::to_string).collect();
                    let w = 1 + rng.below(words.len() - 1);
                    words[w] = WORDS[rng.below(WORDS.len())].to_string();
                    paras[p].text = words.join(" ");
                }
                5 | 6 => {
                    let p = rng.below(paras.len() + 1);
                    paras.insert(
                        p,
                        Para {
                            text: sentence(rng, 8),
                            citation: None,
                        },
                    );
                }
                7 if paras.len() > 1 => {
                    let p = rng.below(paras.len());
                    paras.remove(p);
                }
                _ if !live.is_empty() => {
                    let p = rng.below(paras.len().max(1));
                    let cited = live[rng.below(live.len())];
                    if let Some(para) = paras.get_mut(p) {
                        para.citation = Some((cited, at));
                    }
                }
                _ => {}
            }
        }
        self.revised_at = at;
        self.adopted_new = false;
    }

    fn render(&self, confs: &[Conf]) -> String {
        use std::fmt::Write as _;
        let rev = &confs[self.revised_at];
        let mut out = String::with_capacity(4096);
        let mark = if self.adopted_new { "" } else { "Rév. " };
        let _ = writeln!(
            out,
            "RÉSOLUTION {} ({mark}{}, {})",
            self.number, rev.place.0, rev.year
        );
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(
            out,
            "La Conférence de plénipotentiaires de l'Union internationale des télécommunications ({}, {}),",
            rev.place.0, rev.year
        );
        for (h, paras) in &self.sections {
            let _ = writeln!(out, "{}", HEADINGS[*h]);
            for (i, p) in paras.iter().enumerate() {
                let _ = write!(out, "{}\t{}", label(*h, i), p.text);
                if let Some((cited, at)) = p.citation {
                    let c = &confs[at];
                    let _ = write!(
                        out,
                        " conformément à la Résolution {cited} (Rév. {}, {})",
                        c.place.0, c.year
                    );
                }
                out.push('\n');
            }
        }
        out
    }

    fn record(&self, confs: &[Conf], event: Event) -> InstrumentRecord {
        let rev = &confs[self.revised_at];
        InstrumentRecord {
            instrument: InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, self.number),
            titles: BTreeMap::from([(Language::Fr, self.title.clone())]),
            revision: Some(Revision {
                place: rev.place.0.to_string(),
                year: rev.year,
                revised: !self.adopted_new,
            }),
            event,
            status: if event == Event::FirstInCorpus {
                Status::Inferred
            } else {
                Status::Adopted
            },
            texts: BTreeMap::from([(Language::Fr, Completeness::Complete)]),
            notes: Vec::new(),
            evidence: vec![evidence(&confs[self.revised_at].id, self.number)],
            citations: Vec::new(),
            uncertain: Vec::new(),
        }
    }
}

fn evidence(conf: &str, number: u32) -> Evidence {
    Evidence {
        kind: EvidenceKind::Stated,
        source: format!("synthetic/{conf}.txt"),
        entry: Some(format!("resolution {number}")),
        lines: None,
        note: None,
    }
}

fn json(value: &impl serde::Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("synthetic records serialize");
    bytes.push(b'\n');
    bytes
}

/// Seconds since 1970 of noon UTC on a day.
fn noon(date: time::Date) -> i64 {
    date.with_hms(12, 0, 0)
        .expect("noon exists")
        .assume_utc()
        .unix_timestamp()
}

/// Generates the plan: main with one commit per conference (tagged), and one proposal ref on the
/// last conference but one with a few proposals.
pub fn generate(spec: SyntheticSpec) -> HistoryPlan {
    let mut rng = Rng::new(spec.seed);
    let confs = conferences(spec.conferences.max(1));
    let initial = (spec.instruments / 2).max(1).min(spec.instruments.max(1));
    let per_conference = (spec.instruments - initial.min(spec.instruments))
        .div_ceil(confs.len().saturating_sub(1).max(1));
    let mut instruments: Vec<Instrument> = Vec::new();
    let mut main = Vec::new();
    for (k, conf) in confs.iter().enumerate() {
        let mut changes: BTreeMap<String, Option<Vec<u8>>> = BTreeMap::new();
        let mut events = Vec::new();
        if k == 0 {
            changes.insert(
                "README.md".to_string(),
                Some(b"A synthetic corpus generated for benchmarks and tests.\n".to_vec()),
            );
        }
        let live: Vec<u32> = instruments
            .iter()
            .filter(|i| i.alive)
            .map(|i| i.number)
            .collect();
        let (mut revised, mut suppressed, mut adopted) = (0, 0, 0);
        for inst in instruments.iter_mut().filter(|i| i.alive) {
            let dir = format!("pp/resolution/{}", inst.number);
            let event = if rng.chance(2) {
                inst.alive = false;
                changes.insert(format!("{dir}/fr.txt"), None);
                changes.insert(format!("{dir}/{}", actes::history::layout::META_FILE), None);
                suppressed += 1;
                Event::Suppressed
            } else if rng.chance(25) {
                inst.revise(&mut rng, k, &live);
                changes.insert(
                    format!("{dir}/fr.txt"),
                    Some(inst.render(&confs).into_bytes()),
                );
                changes.insert(
                    format!("{dir}/{}", actes::history::layout::META_FILE),
                    Some(json(&inst.record(&confs, Event::Revised))),
                );
                revised += 1;
                Event::Revised
            } else {
                continue;
            };
            events.push(EventRecord {
                instrument: InstrumentId::numbered(
                    Body::Pp,
                    InstrumentKind::Resolution,
                    inst.number,
                ),
                event,
                status: Status::Adopted,
                revision: None,
                title: Some(inst.title.clone()),
                evidence: vec![evidence(&conf.id, inst.number)],
                earlier: None,
            });
        }
        let new_count = if k == 0 { initial } else { per_conference };
        for _ in 0..new_count {
            if instruments.len() >= spec.instruments {
                break;
            }
            let number = instruments.len() as u32 + 1;
            let inst = Instrument::new(&mut rng, number, k);
            let dir = format!("pp/resolution/{number}");
            let event = if k == 0 {
                Event::FirstInCorpus
            } else {
                Event::Adopted
            };
            changes.insert(
                format!("{dir}/fr.txt"),
                Some(inst.render(&confs).into_bytes()),
            );
            changes.insert(
                format!("{dir}/{}", actes::history::layout::META_FILE),
                Some(json(&inst.record(&confs, event))),
            );
            events.push(EventRecord {
                instrument: InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, number),
                event,
                status: if k == 0 {
                    Status::Inferred
                } else {
                    Status::Adopted
                },
                revision: None,
                title: Some(inst.title.clone()),
                evidence: vec![evidence(&conf.id, number)],
                earlier: None,
            });
            instruments.push(inst);
            adopted += 1;
        }
        let start = conf.end - time::Duration::days(20);
        let record = ConferenceRecord {
            conference: Conference {
                id: ConferenceId(conf.id.clone()),
                body: Body::Pp,
                place: Places {
                    fr: conf.place.0.to_string(),
                    en: conf.place.1.to_string(),
                    es: conf.place.2.to_string(),
                },
                aliases: vec![format!("PP-{:02}", conf.year % 100)],
                year: conf.year,
                start,
                end: conf.end,
                final_acts: conf.end,
                final_acts_confidence: "sourced".to_string(),
                note: Some("synthetic".to_string()),
            },
            events,
        };
        changes.insert(
            actes::history::layout::conference_path(&ConferenceId(conf.id.clone())),
            Some(json(&record)),
        );
        let who = Person {
            name: format!(
                "Conférence de plénipotentiaires ({}, {})",
                conf.place.0, conf.year
            ),
            email: format!("{}@conferences.actes.invalid", conf.id),
            seconds: noon(conf.end),
            offset: 0,
        };
        main.push(CommitPlan {
            conference: ConferenceId(conf.id.clone()),
            changes,
            author: who.clone(),
            committer: who.clone(),
            message: format!(
                "{} {}: {adopted} adopted, {revised} revised, {suppressed} suppressed\n\n\
                 Synthetic corpus state after the conference.\n\n\
                 Conference: {}\nSource: synthetic/{}.txt\nStatus: adopted\n",
                conf.place.0, conf.year, conf.id, conf.id
            ),
            tag: Some(TagPlan {
                name: conf.id.clone(),
                tagger: who,
                message: format!(
                    "Conférence de plénipotentiaires ({}, {})\n",
                    conf.place.0, conf.year
                ),
            }),
        });
    }
    let mut branches = Vec::new();
    if confs.len() >= 2 {
        let base = &confs[confs.len() - 2];
        let next = &confs[confs.len() - 1];
        let mut commits = Vec::new();
        let live: Vec<&Instrument> = instruments.iter().filter(|i| i.alive).take(5).collect();
        for (serial, inst) in live.into_iter().enumerate() {
            let mut proposed = inst.clone();
            proposed.revise(&mut rng, confs.len() - 1, &[]);
            let dir = format!("pp/resolution/{}", inst.number);
            let id = format!("B/1/{}", serial + 1);
            let who = Person {
                name: "Brazil (B)".to_string(),
                email: "b@proposals.actes.invalid".to_string(),
                seconds: noon(next.end - time::Duration::days(20)),
                offset: 0,
            };
            commits.push(CommitPlan {
                conference: ConferenceId(next.id.clone()),
                changes: BTreeMap::from([
                    (format!("{dir}/fr.txt"), Some(proposed.render(&confs).into_bytes())),
                    (
                        actes::history::layout::proposal_path(
                            &ConferenceId(next.id.clone()),
                            &id.parse().expect("a synthetic proposal id is well formed"),
                        ),
                        Some(json(&actes::model::ProposalRecord {
                            id: id.parse().expect("a synthetic proposal id is well formed"),
                            conference: ConferenceId(next.id.clone()),
                            action: actes::model::Action::Mod,
                            target: InstrumentId::numbered(
                                Body::Pp,
                                InstrumentKind::Resolution,
                                inst.number,
                            ),
                            source: format!("synthetic/{}.txt", next.id),
                            lines: actes::model::LineSpan::new(1, 1),
                            reasons: Vec::new(),
                            evidence: vec![Evidence {
                                kind: EvidenceKind::Proposed,
                                source: format!("synthetic/{}.txt", next.id),
                                entry: Some(id.clone()),
                                lines: None,
                                note: None,
                            }],
                        })),
                    ),
                ]),
                author: who.clone(),
                committer: who,
                message: format!(
                    "MOD {id}: Résolution {}\n\nProposed; not an outcome.\n\nConference: {}\nProposal: {id}\nStatus: proposed\n",
                    inst.number, next.id
                ),
                tag: None,
            });
        }
        branches.push(BranchPlan {
            reference: actes::history::layout::proposal_ref(&ConferenceId(next.id.clone()), 1),
            base: Some(ConferenceId(base.id.clone())),
            commits,
        });
    }
    HistoryPlan { main, branches }
}

/// The same content as a `git fast-import` stream: feeding it to `git fast-import` in an empty
/// bare repository gives the same commit and tag ids as `actes::history::write::write`.
pub fn fast_import_stream(plan: &HistoryPlan) -> Vec<u8> {
    let mut out = Vec::new();
    let mut mark = 0usize;
    let mut main_marks: BTreeMap<String, usize> = BTreeMap::new();
    let person = |p: &Person| {
        let sign = if p.offset < 0 { '-' } else { '+' };
        let m = p.offset.unsigned_abs() / 60;
        format!(
            "{} <{}> {} {sign}{:02}{:02}",
            p.name,
            p.email,
            p.seconds,
            m / 60,
            m % 60
        )
    };
    let mut emit =
        |out: &mut Vec<u8>, reference: &str, commit: &CommitPlan, from: Option<usize>| {
            mark += 1;
            let _ = writeln!(out, "commit {reference}\nmark :{mark}");
            let _ = writeln!(out, "author {}", person(&commit.author));
            let _ = writeln!(out, "committer {}", person(&commit.committer));
            let _ = writeln!(out, "data {}", commit.message.len());
            out.extend_from_slice(commit.message.as_bytes());
            out.push(b'\n');
            match from {
                Some(from) => {
                    let _ = writeln!(out, "from :{from}");
                }
                None => {
                    let _ = writeln!(out, "from 0000000000000000000000000000000000000000");
                }
            }
            for (path, content) in &commit.changes {
                match content {
                    Some(bytes) => {
                        let _ = writeln!(out, "M 100644 inline {path}\ndata {}", bytes.len());
                        out.extend_from_slice(bytes);
                        out.push(b'\n');
                    }
                    None => {
                        let _ = writeln!(out, "D {path}");
                    }
                }
            }
            out.push(b'\n');
            if let Some(tag) = &commit.tag {
                let _ = writeln!(out, "tag {}\nfrom :{mark}", tag.name);
                let _ = writeln!(out, "tagger {}", person(&tag.tagger));
                let _ = writeln!(out, "data {}", tag.message.len());
                out.extend_from_slice(tag.message.as_bytes());
                out.push(b'\n');
            }
            mark
        };
    let mut previous = None;
    for commit in &plan.main {
        let m = emit(&mut out, actes::history::layout::MAIN_REF, commit, previous);
        main_marks.insert(commit.conference.0.clone(), m);
        previous = Some(m);
    }
    for branch in &plan.branches {
        let mut previous = branch
            .base
            .as_ref()
            .and_then(|b| main_marks.get(&b.0).copied());
        for commit in &branch.commits {
            previous = Some(emit(&mut out, &branch.reference, commit, previous));
        }
    }
    let _ = writeln!(out, "done");
    out
}
