//! The git history: written with gix in process, read back with actes and with the git binary.

use std::collections::BTreeMap;
use std::path::Path;

use actes::history::plan::{BranchPlan, CommitPlan, HistoryPlan, Person, TagPlan};
use actes::history::read::{History, PathChange, RevisionKind};
use actes::history::write::{self, FailPoint, WriteOptions, WriteOutcome};
use actes::model::ConferenceId;

use crate::common;

#[path = "../../benches/common/git.rs"]
mod git_binary;

#[path = "../../benches/common/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

/// Noon UTC on a day, in seconds since 1970.
fn noon(year: i32, month: u8, day: u8) -> i64 {
    let date = time::Date::from_calendar_date(year, month.try_into().expect("a month"), day)
        .expect("a valid date");
    date.with_hms(12, 0, 0)
        .expect("noon")
        .assume_utc()
        .unix_timestamp()
}

fn conference(id: &str, place: &str, year: i32, seconds: i64) -> Person {
    let _ = id;
    Person {
        name: format!("Conférence de plénipotentiaires ({place}, {year})"),
        email: format!("{id}@conferences.actes.invalid"),
        seconds,
        offset: 0,
    }
}

fn commit(
    id: &str,
    place: &str,
    year: i32,
    seconds: i64,
    changes: &[(&str, Option<&str>)],
) -> CommitPlan {
    let who = conference(id, place, year, seconds);
    CommitPlan {
        conference: ConferenceId(id.to_string()),
        changes: changes
            .iter()
            .map(|(p, c)| (p.to_string(), c.map(|c| c.as_bytes().to_vec())))
            .collect::<BTreeMap<_, _>>(),
        author: who.clone(),
        committer: who.clone(),
        message: format!(
            "{place} {year}: the corpus after the conference\n\nWhat changed.\n\nConference: {id}\nStatus: adopted\n"
        ),
        tag: Some(TagPlan {
            name: id.to_string(),
            tagger: who,
            message: format!("{place} {year}\n"),
        }),
    }
}

const TEXT_2006: &str = "RÉSOLUTION 130 (Rév. Antalya, 2006)\nRenforcement du rôle de l'UIT\nconsidérant\na)\tque les technologies évoluent\n";
const TEXT_2014: &str = "RÉSOLUTION 130 (Rév. Busan, 2014)\nRenforcement du rôle de l'UIT\nconsidérant\na)\tque les technologies évoluent vite\nb)\tun nouvel alinéa\n";
const TEXT_B674: &str = "RÉSOLUTION 130 (Rév. Dubaï, 2018)\nRenforcement du rôle de l'UIT\nconsidérant\na)\tque les technologies évoluent vite\nb)\tun nouvel alinéa proposé\n";

/// Three conferences and one proposal ref, the shape of the shipped corpus.
fn small_plan() -> HistoryPlan {
    let res130 = "pp/resolution/130/fr.txt";
    let res128 = "pp/resolution/128/fr.txt";
    let mut proposal = commit(
        "pp-2018-dubai",
        "Dubaï",
        2018,
        noon(2018, 10, 29),
        &[
            (res130, Some(TEXT_B674)),
            (
                "proposals/pp-2018-dubai/B-67-4.json",
                Some("{\n  \"id\": \"B/67/4\"\n}\n"),
            ),
        ],
    );
    proposal.author.name = "Brazil (B)".to_string();
    proposal.author.email = "b@proposals.actes.invalid".to_string();
    proposal.committer = proposal.author.clone();
    proposal.message =
        "MOD B/67/4: Résolution 130\n\nProposed, not adopted.\n\nStatus: proposed\n".to_string();
    proposal.tag = None;
    HistoryPlan {
        main: vec![
            commit(
                "pp-2006-antalya",
                "Antalya",
                2006,
                noon(2006, 11, 24),
                &[
                    ("README.md", Some("A history.\n")),
                    (res130, Some(TEXT_2006)),
                    (res128, Some("RÉSOLUTION 128 (Rév. Antalya, 2006)\n")),
                ],
            ),
            commit(
                "pp-2014-busan",
                "Busan",
                2014,
                noon(2014, 11, 7),
                &[(res130, Some(TEXT_2014))],
            ),
            commit(
                "pp-2018-dubai",
                "Dubaï",
                2018,
                noon(2018, 11, 16),
                &[(res128, None)],
            ),
        ],
        branches: vec![BranchPlan {
            reference: "refs/proposals/pp-2018-dubai/67".to_string(),
            base: Some(ConferenceId("pp-2014-busan".to_string())),
            commits: vec![proposal],
        }],
    }
}

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    git_binary::git(repo)
        .args(args)
        .output()
        .expect("the git binary runs")
}

fn git_ok(repo: &Path, args: &[&str]) -> String {
    let out = git(repo, args);
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("git prints UTF-8 here")
}

fn build(repo: &Path, plan: &HistoryPlan) -> write::WriteReport {
    write::write(repo, plan, &mut WriteOptions::default()).expect("the plan is written")
}

#[test]
fn git_log_shows_the_conferences_in_order_with_their_dates() {
    let repo = common::scratch_dir("history-log").join("h.git");
    let report = build(&repo, &small_plan());
    assert_eq!(report.outcome, WriteOutcome::Created);
    let log = git_ok(&repo, &["log", "--format=%ad %an", "--date=short", "main"]);
    assert_eq!(
        log,
        "2018-11-16 Conférence de plénipotentiaires (Dubaï, 2018)\n\
         2014-11-07 Conférence de plénipotentiaires (Busan, 2014)\n\
         2006-11-24 Conférence de plénipotentiaires (Antalya, 2006)\n"
    );
    assert_eq!(git_ok(&repo, &["fsck", "--strict", "--no-dangling"]), "");
}

#[test]
fn git_show_and_blame_read_a_text_at_a_tag() {
    let repo = common::scratch_dir("history-show").join("h.git");
    build(&repo, &small_plan());
    let text = git_ok(&repo, &["show", "pp-2014-busan:pp/resolution/130/fr.txt"]);
    assert_eq!(text, TEXT_2014);
    let blame = git_ok(
        &repo,
        &[
            "blame",
            "--porcelain",
            "main",
            "--",
            "pp/resolution/130/fr.txt",
        ],
    );
    assert!(
        blame.contains("author Conférence de plénipotentiaires (Antalya, 2006)"),
        "{blame}"
    );
    assert!(
        blame.contains("author Conférence de plénipotentiaires (Busan, 2014)"),
        "{blame}"
    );
    let tag = git_ok(&repo, &["cat-file", "-t", "pp-2014-busan"]);
    assert_eq!(tag, "tag\n");
    let head = git_ok(&repo, &["symbolic-ref", "HEAD"]);
    assert_eq!(head, "refs/heads/main\n");
}

#[test]
fn two_builds_give_identical_ids_and_the_second_is_unchanged() {
    let dir = common::scratch_dir("history-twice");
    let first = build(&dir.join("a.git"), &small_plan());
    let second = build(&dir.join("b.git"), &small_plan());
    assert_eq!(first.refs, second.refs);
    let again = build(&dir.join("a.git"), &small_plan());
    assert_eq!(again.outcome, WriteOutcome::Unchanged);
    assert_eq!(again.refs, first.refs);
    assert_eq!(again.objects_written, 0);
    assert_eq!(again.old_main, first.main);
}

#[test]
fn a_changed_plan_replaces_the_history_in_one_step_and_says_so() {
    let repo = common::scratch_dir("history-replace").join("h.git");
    let first = build(&repo, &small_plan());
    let mut plan = small_plan();
    plan.main[2].message.push_str("Note: amended\n");
    let second = build(&repo, &plan);
    assert_eq!(second.outcome, WriteOutcome::Replaced);
    assert_eq!(second.old_main, first.main);
    assert_ne!(second.main, first.main);
    assert!(second
        .changed_refs
        .iter()
        .any(|c| c.name == "refs/heads/main"));
    let main = git_ok(&repo, &["rev-parse", "main"]);
    assert_eq!(Some(main.trim().to_string()), second.main);
    assert_eq!(git_ok(&repo, &["fsck", "--strict", "--no-dangling"]), "");
}

#[test]
fn a_build_stopped_midway_leaves_the_earlier_history_intact() {
    let repo = common::scratch_dir("history-interrupted").join("h.git");
    let first = build(&repo, &small_plan());
    let mut plan = small_plan();
    plan.main[1].changes.insert(
        "pp/resolution/71/fr.txt".into(),
        Some(b"RESOLUTION 71\n".to_vec()),
    );
    for point in [
        FailPoint::AfterCommits(2),
        FailPoint::AfterPack,
        FailPoint::BeforeRefSwitch,
    ] {
        let mut options = WriteOptions {
            fail_after: Some(point),
            ..WriteOptions::default()
        };
        let err = write::write(&repo, &plan, &mut options).expect_err("the build is stopped");
        assert!(
            matches!(err, write::WriteError::Interrupted(p) if p == point),
            "{err}"
        );
        let main = git_ok(&repo, &["rev-parse", "main"]);
        assert_eq!(Some(main.trim().to_string()), first.main, "at {point:?}");
        assert_eq!(
            git_ok(&repo, &["show", "pp-2014-busan:pp/resolution/130/fr.txt"]),
            TEXT_2014
        );
        assert_eq!(git_ok(&repo, &["fsck", "--strict", "--no-dangling"]), "");
        assert!(!repo.join("packed-refs.lock").exists());
    }
    // And the next build completes.
    let done = build(&repo, &plan);
    assert_eq!(done.outcome, WriteOutcome::Replaced);
}

#[test]
fn a_second_concurrent_build_fails_clearly() {
    let repo = common::scratch_dir("history-concurrent").join("h.git");
    let lock = repo.with_file_name("h.git.lock");
    std::fs::write(&lock, "actes build, process 1\n").expect("the scratch dir is writable");
    let err = write::write(&repo, &small_plan(), &mut WriteOptions::default())
        .expect_err("the lock is held");
    let message = err.to_string();
    assert!(
        message.contains("another build holds the lock"),
        "{message}"
    );
    assert!(message.contains("process 1"), "{message}");
    assert!(!repo.exists(), "nothing was written");
    std::fs::remove_file(&lock).expect("the lock file is there");
    build(&repo, &small_plan());
}

#[test]
fn a_lock_left_by_a_killed_build_does_not_block_the_next_one() {
    let repo = common::scratch_dir("history-stale-lock").join("h.git");
    let lock = repo.with_file_name("h.git.lock");
    // No process has this id: pids stay far below it.
    std::fs::write(&lock, "actes build, process 4000000000\n").expect("writable");
    build(&repo, &small_plan());
    assert!(!lock.exists());
}

/// The small plan with a first conference before 1970 (Montreux, 1965).
fn small_plan_from_montreux_1965() -> HistoryPlan {
    let mut plan = small_plan();
    plan.main.insert(
        0,
        commit(
            "pp-1965-montreux",
            "Montreux",
            1965,
            noon(1965, 11, 12),
            &[],
        ),
    );
    plan
}

#[test]
fn a_date_before_1970_is_refused_on_request_and_named() {
    let repo = common::scratch_dir("history-1965").join("h.git");
    let plan = small_plan_from_montreux_1965();
    let mut options = WriteOptions {
        early_dates: write::EarlyDates::Refuse,
        ..WriteOptions::default()
    };
    let err = write::write(&repo, &plan, &mut options).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("pp-1965-montreux") && message.contains("before 1970"),
        "{message}"
    );
}

#[test]
fn a_date_before_1970_written_negative_reads_back_right_with_actes() {
    let repo = common::scratch_dir("history-1965-negative").join("h.git");
    let plan = small_plan_from_montreux_1965();
    write::write(&repo, &plan, &mut WriteOptions::default()).expect("written by default");
    let history = History::open(&repo).expect("opened");
    assert_eq!(history.conferences()[0].date, "1965-11-12");
    // What git 2.47 makes of it: the date is printed empty (actes prints it right).
    let log = git_ok(&repo, &["log", "--format=%ad|%an", "--date=short", "main"]);
    assert!(
        log.ends_with("|Conférence de plénipotentiaires (Montreux, 1965)\n"),
        "{log}"
    );
}

#[test]
fn the_read_api_lists_conferences_proposals_and_path_history() {
    let repo = common::scratch_dir("history-read").join("h.git");
    build(&repo, &small_plan());
    let history = History::open(&repo).expect("opened");
    let confs: Vec<(String, String, Option<String>)> = history
        .conferences()
        .iter()
        .map(|c| {
            (
                c.conference.clone().expect("a conference").0,
                c.date.clone(),
                c.tag.clone(),
            )
        })
        .collect();
    assert_eq!(
        confs,
        vec![
            (
                "pp-2006-antalya".into(),
                "2006-11-24".into(),
                Some("pp-2006-antalya".into())
            ),
            (
                "pp-2014-busan".into(),
                "2014-11-07".into(),
                Some("pp-2014-busan".into())
            ),
            (
                "pp-2018-dubai".into(),
                "2018-11-16".into(),
                Some("pp-2018-dubai".into())
            ),
        ]
    );
    let refs = history.proposal_refs().expect("refs read");
    assert_eq!(refs.len(), 1);
    assert_eq!(
        refs[0].base_conference.as_ref().map(|c| c.0.as_str()),
        Some("pp-2014-busan")
    );
    assert_eq!(refs[0].commits[0].proposal.as_deref(), Some("B/67/4"));

    let busan = history.resolve("pp-2014-busan").expect("resolved");
    assert_eq!(busan.kind, RevisionKind::Conference);
    let text = history
        .read_file(busan.commit, "pp/resolution/130/fr.txt")
        .expect("read");
    assert_eq!(text.as_deref(), Some(TEXT_2014.as_bytes()));
    let b674 = history.resolve("B/67/4").expect("resolved");
    assert_eq!(b674.kind, RevisionKind::Proposal);
    assert_eq!(b674.line, "refs/proposals/pp-2018-dubai/67");
    let proposed = history
        .read_file(b674.commit, "pp/resolution/130/fr.txt")
        .expect("read");
    assert_eq!(proposed.as_deref(), Some(TEXT_B674.as_bytes()));
    let dubai = history.resolve("pp-2018-dubai").expect("resolved");
    assert_eq!(
        history
            .read_file(dubai.commit, "pp/resolution/128/fr.txt")
            .expect("read"),
        None
    );
    assert!(history.resolve("pp-1999-nowhere").is_err());

    let listing = history
        .list_dir(busan.commit, "pp/resolution")
        .expect("listed")
        .expect("a folder");
    let names: Vec<&str> = listing.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["128", "130"]);

    let along_main = history
        .path_history(dubai.commit, "pp/resolution/128/fr.txt")
        .expect("walked");
    let changes: Vec<PathChange> = along_main.iter().map(|v| v.change).collect();
    assert_eq!(changes, [PathChange::Added, PathChange::Removed]);
    let along_proposal = history
        .path_history(b674.commit, "pp/resolution/130/fr.txt")
        .expect("walked");
    let on_main: Vec<bool> = along_proposal.iter().map(|v| v.on_main).collect();
    assert_eq!(on_main, [true, true, false]);
}

fn synthetic_plan() -> HistoryPlan {
    synthetic::generate(synthetic::SyntheticSpec {
        instruments: 60,
        conferences: 8,
        seed: 7,
    })
}

#[test]
fn the_synthetic_corpus_is_the_same_for_the_same_seed_and_differs_for_another() {
    let spec = synthetic::SyntheticSpec {
        instruments: 60,
        conferences: 8,
        seed: 7,
    };
    assert_eq!(synthetic::generate(spec), synthetic::generate(spec));
    let other = synthetic::generate(synthetic::SyntheticSpec { seed: 8, ..spec });
    assert_ne!(synthetic::generate(spec), other);
}

#[test]
fn git_fast_import_of_the_same_content_gives_the_same_ids() {
    let dir = common::scratch_dir("history-fast-import");
    let plan = synthetic_plan();
    let ours = build(&dir.join("ours.git"), &plan);
    let theirs = dir.join("theirs.git");
    git_binary::init_bare(&theirs);
    git_binary::fast_import(&theirs, &synthetic::fast_import_stream(&plan));
    for (name, id) in &ours.refs {
        let theirs_id = git_ok(&theirs, &["rev-parse", name]);
        assert_eq!(theirs_id.trim(), id, "{name}");
    }
    assert_eq!(
        git_ok(
            &dir.join("ours.git"),
            &["fsck", "--strict", "--no-dangling"]
        ),
        ""
    );
    let history = History::open(dir.join("ours.git")).expect("opened");
    assert_eq!(history.conferences().len(), 8);
    let records = history
        .conference_records(history.conferences()[7].id)
        .expect("records");
    assert_eq!(records.len(), 8);
    let last = history.conferences()[7]
        .conference
        .clone()
        .expect("a conference");
    assert_eq!(history.resolve("PP-02").map(|r| r.label).ok(), Some(last.0));
}

/// The shipped sources' plan.
fn shipped_plan() -> HistoryPlan {
    let sources = actes::corpus::Sources::load_with(
        &common::sources_dir(),
        actes::reader::read_document_with,
    )
    .expect("the shipped sources load");
    actes::corpus::Corpus::assemble(&sources)
        .expect("the shipped corpus assembles")
        .plan()
}

/// The shipped history, built once for the tests that only read it.
fn shipped_repo() -> &'static Path {
    static REPO: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    REPO.get_or_init(|| {
        let repo = common::scratch_dir("history-shipped").join("actes-history.git");
        build(&repo, &shipped_plan());
        repo
    })
}

#[test]
fn the_shipped_history_has_antalya_busan_and_dubai_in_order_in_git_log() {
    let log = git_ok(
        shipped_repo(),
        &["log", "--format=%ad %an", "--date=short", "main"],
    );
    let dates: Vec<&str> = log.lines().map(|l| &l[..10]).collect();
    assert_eq!(dates, ["2018-11-16", "2014-11-07", "2006-11-24"]);
    assert_eq!(
        git_ok(shipped_repo(), &["fsck", "--strict", "--no-dangling"]),
        ""
    );
}

#[test]
fn git_show_prints_the_busan_text_of_resolution_130_and_git_blame_works_on_it() {
    let text = git_ok(
        shipped_repo(),
        &["show", "pp-2014-busan:pp/resolution/130/fr.txt"],
    );
    assert!(
        text.starts_with("RÉSOLUTION 130 (Rév. Busan, 2014)\n"),
        "{text}"
    );
    let history = History::open(shipped_repo()).expect("opened");
    let busan = history.resolve("Busan 2014").expect("an alias resolves");
    let ours = history
        .read_file(busan.commit, "pp/resolution/130/fr.txt")
        .expect("read")
        .expect("present");
    assert_eq!(ours, text.as_bytes());
    let blame = git_ok(
        shipped_repo(),
        &["blame", "pp-2014-busan", "--", "pp/resolution/130/fr.txt"],
    );
    assert_eq!(blame.lines().count(), text.lines().count());
}

#[test]
fn building_the_shipped_sources_twice_gives_identical_commit_and_tag_ids() {
    let dir = common::scratch_dir("history-shipped-twice");
    let first = build(&dir.join("a.git"), &shipped_plan());
    let second = build(&dir.join("b.git"), &shipped_plan());
    assert_eq!(first.refs, second.refs);
    assert!(first.refs.contains_key("refs/tags/pp-2014-busan"));
    assert!(first.refs.contains_key("refs/proposals/pp-2018-dubai/67"));
}

fn cli(args: &[&str]) -> String {
    let repo = shipped_repo().to_str().expect("a UTF-8 path").to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--repo", &repo]);
    common::actes(&all).snapshot()
}

#[test]
fn cli_log_lists_the_conferences_and_the_proposals() {
    insta::assert_snapshot!(cli(&["log", "--proposals"]));
}

#[test]
fn cli_show_prints_resolution_130_as_revised_at_busan() {
    insta::assert_snapshot!(cli(&[
        "show",
        "Résolution 130",
        "--at",
        "Busan 2014",
        "--lang",
        "fr"
    ]));
}

#[test]
fn cli_show_explains_that_the_dubai_text_of_130_is_not_in_the_sources() {
    insta::assert_snapshot!(cli(&["show", "130", "--at", "dubai-2018"]));
}

#[test]
fn cli_show_explains_a_suppression_and_an_instrument_not_yet_in_the_corpus() {
    insta::assert_snapshot!(cli(&["show", "res 128", "--at", "pp-18"]));
    insta::assert_snapshot!(cli(&["show", "130", "--at", "2006"]));
}

#[test]
fn cli_show_refuses_an_unknown_conference_with_exit_2() {
    insta::assert_snapshot!(cli(&["show", "130", "--at", "Nowhere 1999"]));
}

#[test]
fn cli_diff_redlines_busan_against_brazils_proposal() {
    insta::assert_snapshot!(cli(&["diff", "130", "pp-2014-busan", "B/67/4"]));
}

#[test]
fn cli_diff_without_revisions_says_why_there_is_nothing_adopted_to_compare() {
    insta::assert_snapshot!(cli(&["diff", "130"]));
}

#[test]
fn cli_diff_json_marks_the_proposal_as_proposed() {
    let run = common::actes(&[
        "diff",
        "130",
        "B/67/4",
        "--format",
        "json",
        "--repo",
        shipped_repo().to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["to"]["status"], "proposed");
    assert_eq!(value["from"]["label"], "pp-2014-busan");
    assert_eq!(value["from"]["status"], "adopted");
    assert!(value["redline"]["lines"]
        .as_array()
        .is_some_and(|l| !l.is_empty()));
}

#[test]
fn commands_build_the_history_first_when_it_is_missing() {
    let repo = common::scratch_dir("history-autobuild").join("h.git");
    let run = common::actes(&["log", "--repo", repo.to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    let again = common::actes(&[
        "build",
        "--format",
        "json",
        "--repo",
        repo.to_str().expect("UTF-8"),
    ]);
    let value: serde_json::Value = serde_json::from_str(&again.stdout).expect("JSON");
    assert_eq!(value["outcome"], "unchanged");
}

#[test]
fn cli_show_never_presents_a_proposed_suppression_or_a_draft_as_an_outcome() {
    insta::assert_snapshot!(cli(&["show", "128", "--at", "B/67/3"]));
    insta::assert_snapshot!(cli(&["show", "[B-1]"]));
}

#[test]
fn cli_build_creates_then_reports_the_same_sources_as_unchanged() {
    let relative = "target/actes-test-build-snapshot.git";
    let absolute = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let _ = std::fs::remove_dir_all(&absolute);
    let first = common::actes(&["build", "--repo", relative]);
    let second = common::actes(&["build", "--repo", relative]);
    let _ = std::fs::remove_dir_all(&absolute);
    insta::assert_snapshot!(format!("{}\n{}", first.snapshot(), second.snapshot()));
}
