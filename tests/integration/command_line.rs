//! The command line people expect: shell completions, the manual page, `--quiet`, and no progress
//! bar where standard error is not a terminal.

use super::common;

/// The exit status and the size class of a run's stdout, for snapshots that do not quote the
/// (generated, long) scripts.
fn summary(run: &common::Run) -> String {
    format!(
        "exit: {}\nstdout empty: {}\n--- stderr\n{}",
        run.code.map_or("signal".to_string(), |c| c.to_string()),
        run.stdout.is_empty(),
        run.stderr
    )
}

#[test]
fn completions_are_written_for_each_shell_and_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = common::actes(&["completions", shell]);
        insta::assert_snapshot!(format!("completions_{shell}"), summary(&run));
        for sub in ["show", "build", "completions", "man"] {
            assert!(run.stdout.contains(sub), "{shell} completes {sub}");
        }
    }
}

#[test]
fn completions_for_an_unknown_shell_are_refused_with_exit_2() {
    let run = common::actes(&["completions", "tcsh"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("tcsh"));
}

#[test]
fn the_manual_page_has_a_section_for_every_command() {
    let run = common::actes(&["man"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.starts_with(".ie \\n(.g .ds Aq") || run.stdout.contains(".TH actes"));
    for command in [
        "INGEST",
        "BUILD",
        "LOG",
        "SHOW",
        "DIFF",
        "LINEAGE",
        "TABLE",
        "SUPPRESSED",
        "IN-FORCE",
        "CITES",
        "CITED-BY",
        "GRAPH",
        "BLAME",
        "SEARCH",
        "COMPLETIONS",
        "MAN",
    ] {
        assert!(
            run.stdout.contains(&format!(".SH \"ACTES {command}\"")),
            "the page has ACTES {command}"
        );
    }
    assert!(run.stdout.contains("\\-\\-quiet"));
}

#[test]
fn quiet_builds_print_the_report_and_nothing_on_stderr() {
    let repo = common::scratch_dir("cli-quiet").join("h.git");
    let run = common::actes(&["--repo", &repo.to_string_lossy(), "--quiet", "build"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.contains("Created"));
    assert_eq!(run.stderr, "");
    // And an error is still printed.
    let run = common::actes(&[
        "--repo",
        &repo.to_string_lossy(),
        "-q",
        "show",
        "130",
        "--at",
        "nowhere-1900",
    ]);
    insta::assert_snapshot!(run.snapshot());
}

#[test]
fn a_build_piped_shows_no_progress_bar() {
    let repo = common::scratch_dir("cli-no-bar").join("h.git");
    let run = common::actes(&["--repo", &repo.to_string_lossy(), "build"]);
    assert_eq!(run.code, Some(0));
    assert!(
        !run.stderr.contains('\r'),
        "no bar in a pipe: {:?}",
        run.stderr
    );
}
