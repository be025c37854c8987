//! The command-line frame, the same for every command: a pipe closed early by the reader ends the
//! command quietly with exit 0, and every command prints `--format json` as JSON.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::common;

/// The shipped sources built once into a history of this module's own.
fn shipped_history() -> &'static PathBuf {
    static REPO: OnceLock<PathBuf> = OnceLock::new();
    REPO.get_or_init(|| {
        let repo = common::scratch_dir("cli-shipped").join("history.git");
        let run = common::actes(&["build", "--repo", repo.to_str().expect("a UTF-8 path")]);
        assert_eq!(run.code, Some(0), "{}", run.snapshot());
        repo
    })
}

/// Runs `actes` with stdout on a pipe, reads its first line, closes the pipe while the command
/// still has output to write, and returns the exit code and what it said on stderr.
fn run_with_the_pipe_closed_after_one_line(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_actes"))
        .args(args)
        .arg("--color=never")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the actes binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout is piped"))
        .read_line(&mut first)
        .expect("a first line");
    // The reader (and with it the pipe's read end) is dropped here, like `head -1` exiting.
    assert!(!first.is_empty(), "the command printed nothing");
    let output = child.wait_with_output().expect("actes ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_pipe_closed_after_the_first_line_ends_the_command_quietly_with_exit_0() {
    // The seed's JSON is about 240 KB, far more than a pipe holds: actes is still writing when
    // the pipe closes, so its next write fails with a broken pipe.
    let seed = common::seed_path();
    let seed = seed.to_str().expect("a UTF-8 path");
    let (code, stderr) =
        run_with_the_pipe_closed_after_one_line(&["ingest", seed, "--format", "json"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_table_piped_into_a_reader_that_stops_early_exits_0_without_a_message() {
    let repo = shipped_history().to_str().expect("a UTF-8 path");
    let (code, stderr) =
        run_with_the_pipe_closed_after_one_line(&["table", "--format", "csv", "--repo", repo]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn every_command_prints_json_with_format_json() {
    let repo = shipped_history().to_str().expect("a UTF-8 path");
    let seed = common::seed_path();
    let seed = seed.to_str().expect("a UTF-8 path");
    let site = common::scratch_dir("cli-json-site").join("site");
    let site = site.to_str().expect("a UTF-8 path");
    let added = common::scratch_dir("cli-json-add");
    common::copy_dir(&common::sources_dir(), &added.join("sources"));
    let addendum = added.join("44A7-fr.txt");
    let text = std::fs::read_to_string(common::seed_path()).expect("the seed reads");
    std::fs::write(&addendum, text.replace("B/67/", "B/44A7/")).expect("writes");
    let added_sources = added.join("sources");
    let added_sources = added_sources.to_str().expect("a UTF-8 path");
    let addendum = addendum.to_str().expect("a UTF-8 path");
    let commands: &[&[&str]] = &[
        &["ingest", seed],
        &["add", addendum, "--sources", added_sources],
        &["build"],
        &["log", "--proposals"],
        &["show", "130"],
        &["show", "130", "--at", "B/67/4"],
        &["diff", "130"],
        &["lineage", "130"],
        &["table"],
        &["suppressed"],
        &["in-force"],
        &["cites", "130"],
        &["cited-by", "130"],
        &["graph"],
        &["outcome", "67"],
        &["blame", "130", "--at", "B/67/4"],
        &["search", "coopération internationale"],
        &["completions", "bash"],
        &["man"],
        &["site", site],
    ];
    let mut seen = std::collections::BTreeSet::new();
    for args in commands {
        seen.insert(args[0]);
        let mut all = args.to_vec();
        all.extend(["--format", "json", "--repo", repo]);
        let run = common::actes(&all);
        assert_eq!(run.code, Some(0), "{args:?}:\n{}", run.snapshot());
        assert_eq!(run.stderr, "", "{args:?} printed on stderr");
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&run.stdout) {
            panic!("{args:?} did not print JSON ({e}):\n{}", run.stdout);
        }
    }
    // Every subcommand is in the list above: `actes --help` names them all.
    let help = common::actes(&["--help"]);
    let listed: Vec<&str> = help
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert!(!listed.is_empty(), "no commands in:\n{}", help.stdout);
    for name in listed {
        assert!(
            seen.contains(name),
            "`actes {name}` is not run with --format json"
        );
    }
}

#[test]
fn a_missing_sources_folder_is_reported_once_with_exit_2_and_no_history_is_written() {
    let dir = common::scratch_dir("cli-missing-sources");
    let repo = dir.join("history.git");
    let sources = dir.join("no-such-sources");
    let run = common::actes(&[
        "build",
        "--sources",
        sources.to_str().expect("a UTF-8 path"),
        "--repo",
        repo.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert_eq!(run.stdout, "");
    let message = run.stderr.trim_end();
    assert!(
        message.starts_with("actes: ") && message.contains("does not exist"),
        "{message}"
    );
    assert!(message.contains("conferences.csv"), "{message}");
    assert_eq!(
        message.matches("does not exist").count(),
        1,
        "the cause is printed once: {message}"
    );
    assert_eq!(message.lines().count(), 1);
    assert!(
        !repo.exists(),
        "nothing is written from sources that cannot be read"
    );
}

#[test]
fn a_body_named_in_full_in_any_language_is_read_like_its_code() {
    let repo = shipped_history().to_str().expect("a UTF-8 path");
    let by_code = common::actes(&["lineage", "wtdc res 69", "--format", "json", "--repo", repo]);
    assert_eq!(by_code.code, Some(0), "{}", by_code.snapshot());
    for query in [
        "Resolution 69 of the World Telecommunication Development Conference",
        "Résolution 69 de la Conférence mondiale de développement des télécommunications",
        "Resolución 69 de la Conferencia Mundial de Desarrollo de las Telecomunicaciones",
    ] {
        let run = common::actes(&["lineage", query, "--format", "json", "--repo", repo]);
        assert_eq!(run.code, Some(0), "{query}: {}", run.snapshot());
        assert_eq!(run.stdout, by_code.stdout, "{query}");
    }
}

#[test]
fn the_table_of_a_body_named_in_full_is_the_table_of_its_code() {
    let repo = shipped_history().to_str().expect("a UTF-8 path");
    let by_code = common::actes(&["table", "--body", "pp", "--format", "json", "--repo", repo]);
    assert_eq!(by_code.code, Some(0), "{}", by_code.snapshot());
    for body in [
        "Plenipotentiary Conference",
        "Conférence de plénipotentiaires",
        "conferencia de plenipotenciarios",
    ] {
        let run = common::actes(&["table", "--body", body, "--format", "json", "--repo", repo]);
        assert_eq!(run.code, Some(0), "{body}: {}", run.snapshot());
        assert_eq!(run.stdout, by_code.stdout, "{body}");
    }
    let refused = common::actes(&["table", "--body", "Assemblée nationale", "--repo", repo]);
    assert_eq!(refused.code, Some(2), "{}", refused.snapshot());
}
