//! The git history: written with gix in process, read back with actes and with the git binary.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use actes::history::plan::{BranchPlan, CommitPlan, HistoryPlan, Person, TagPlan};
use actes::history::read::{History, PathChange, RevisionKind};
use actes::history::write::{self, FailPoint, WriteOptions, WriteOutcome};
use actes::model::ConferenceId;

use crate::common;

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
    Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
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
fn a_date_before_1970_is_refused_by_default_and_named() {
    let repo = common::scratch_dir("history-1965").join("h.git");
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
    let err = write::write(&repo, &plan, &mut WriteOptions::default()).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("pp-1965-montreux") && message.contains("before 1970"),
        "{message}"
    );
}

#[test]
fn a_date_before_1970_written_negative_reads_back_right_with_actes() {
    let repo = common::scratch_dir("history-1965-negative").join("h.git");
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
    let mut options = WriteOptions {
        early_dates: write::EarlyDates::Negative,
        ..WriteOptions::default()
    };
    write::write(&repo, &plan, &mut options).expect("written");
    let history = History::open(&repo).expect("opened");
    assert_eq!(history.conferences()[0].date, "1965-11-12");
    // What git 2.47 makes of it: the date is printed empty, so the default refuses such dates.
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
