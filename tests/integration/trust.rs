//! Trust: actes never writes into a repository it did not create, never answers from a history
//! built from other sources, reports and repairs a damaged history, finds its sources like git
//! finds its repository, and lets queries started together share one build.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

fn utf8(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Runs the git binary in `dir`, isolated from the user's configuration; returns its stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Someone")
        .env("GIT_AUTHOR_EMAIL", "someone@example.org")
        .env("GIT_COMMITTER_NAME", "Someone")
        .env("GIT_COMMITTER_EMAIL", "someone@example.org")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A small project with two commits, and a clone of it made by `git clone`: the clone's folder.
fn real_clone(name: &str) -> PathBuf {
    let dir = common::scratch_dir(name);
    let origin = dir.join("origin");
    std::fs::create_dir_all(&origin).expect("writable");
    git(&origin, &["init", "-q", "-b", "main"]);
    std::fs::write(origin.join("README"), "a project\n").expect("writable");
    git(&origin, &["add", "README"]);
    git(&origin, &["commit", "-q", "-m", "first"]);
    std::fs::write(origin.join("NOTES"), "notes\n").expect("writable");
    git(&origin, &["add", "NOTES"]);
    git(&origin, &["commit", "-q", "-m", "second"]);
    git(&dir, &["clone", "-q", "origin", "clone"]);
    dir.join("clone")
}

/// What must not change in a clone: its main, its index (bytes), its reflog and its status.
fn clone_state(clone: &Path) -> (String, Vec<u8>, String, String) {
    (
        git(clone, &["rev-parse", "refs/heads/main"]),
        std::fs::read(clone.join(".git/index")).expect("the clone has an index"),
        git(clone, &["reflog", "show", "--all"]),
        git(clone, &["status", "--porcelain"]),
    )
}

#[test]
fn a_build_into_a_clones_git_folder_is_refused_with_exit_2_and_leaves_main_index_and_reflog_untouched(
) {
    let clone = real_clone("trust-clone-git");
    let before = clone_state(&clone);
    for args in [&["build"][..], &["build", "--force"][..]] {
        let mut all = args.to_vec();
        let repo = clone.join(".git");
        all.extend(["--repo", utf8(&repo)]);
        let run = common::actes(&all);
        assert_eq!(run.code, Some(2), "{}", run.snapshot());
        assert!(
            run.stderr.contains("actes did not create"),
            "{}",
            run.stderr
        );
        assert_eq!(clone_state(&clone), before, "{args:?} touched the clone");
    }
    assert!(
        !clone.join(".git.lock").exists(),
        "no lock is left in the clone"
    );
}

#[test]
fn a_build_into_a_bare_repository_with_other_history_is_refused_even_with_force() {
    let clone = real_clone("trust-bare-other");
    let dir = clone.parent().expect("a parent").to_path_buf();
    git(&dir, &["clone", "-q", "--bare", "origin", "bare.git"]);
    let bare = dir.join("bare.git");
    let main = git(&bare, &["rev-parse", "refs/heads/main"]);
    let run = common::actes(&["build", "--force", "--repo", utf8(&bare)]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(
        run.stderr.contains("was not written by actes"),
        "{}",
        run.stderr
    );
    assert_eq!(git(&bare, &["rev-parse", "refs/heads/main"]), main);
    let config = std::fs::read_to_string(bare.join("config")).expect("a config");
    assert!(!config.contains("[actes]"), "{config}");
}

#[test]
fn read_commands_on_a_repository_that_is_not_an_actes_history_say_so() {
    let clone = real_clone("trust-read-foreign");
    let dir = clone.parent().expect("a parent").to_path_buf();
    git(&dir, &["clone", "-q", "--bare", "origin", "bare.git"]);
    for repo in [clone.join(".git"), dir.join("bare.git")] {
        for command in [&["log"][..], &["show", "130"][..], &["lineage", "130"][..]] {
            let mut all = command.to_vec();
            all.extend(["--repo", utf8(&repo)]);
            let run = common::actes(&all);
            assert_eq!(run.code, Some(2), "{command:?}: {}", run.snapshot());
            assert_eq!(run.stdout, "");
            assert!(
                run.stderr.contains("actes did not create"),
                "{}",
                run.stderr
            );
        }
    }
}

#[test]
fn an_unmarked_history_of_actes_commits_is_adopted_and_marked() {
    let repo = common::scratch_dir("trust-adopt").join("h.git");
    let run = common::actes(&["build", "--repo", utf8(&repo)]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    // As actes versions that did not mark left it.
    git(&repo, &["config", "--remove-section", "actes"]);
    let main = git(&repo, &["rev-parse", "refs/heads/main"]);
    let run = common::actes(&["build", "--repo", utf8(&repo)]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    assert_eq!(git(&repo, &["config", "actes.history"]).trim(), "true");
    assert_eq!(git(&repo, &["rev-parse", "refs/heads/main"]), main);
}

#[test]
fn every_ref_a_build_moves_gets_a_reflog_entry() {
    let dir = common::scratch_dir("trust-reflog");
    let repo = dir.join("h.git");
    let run = common::actes(&["build", "--repo", utf8(&repo)]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    let refs = git(&repo, &["for-each-ref", "--format=%(refname)"]);
    assert!(refs.lines().count() >= 3, "{refs}");
    for name in refs.lines() {
        // The log file itself: `git reflog` peels tags to commits and lists those.
        let log = std::fs::read_to_string(repo.join("logs").join(name)).expect("a reflog");
        assert_eq!(log.lines().count(), 1, "{name}: {log}");
        assert!(log.contains("actes build: created"), "{name}: {log}");
    }
    // A rebuild from other sources moves main: one more entry.
    let sources = dir.join("sources");
    common::copy_dir(&common::sources_dir(), &sources);
    let outcomes = sources.join("outcomes");
    std::fs::remove_dir_all(&outcomes).expect("removable");
    std::fs::create_dir_all(&outcomes).expect("writable");
    let run = common::actes(&["build", "--repo", utf8(&repo), "--sources", utf8(&sources)]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    let log = git(&repo, &["reflog", "show", "main"]);
    assert_eq!(log.lines().count(), 2, "{log}");
}

#[test]
fn a_query_rebuilds_a_history_whose_sources_changed_saying_so_once_on_stderr() {
    let dir = common::scratch_dir("trust-stale");
    let (repo, sources) = (dir.join("h.git"), dir.join("sources"));
    common::copy_dir(&common::sources_dir(), &sources);
    let args = ["--repo", utf8(&repo), "--sources", utf8(&sources)];
    let run = common::actes(&[&["build"][..], &args].concat());
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    let outcomes = sources.join("outcomes");
    std::fs::remove_dir_all(&outcomes).expect("removable");
    std::fs::create_dir_all(&outcomes).expect("writable");
    let refused = common::actes(&[&["log", "--no-rebuild"][..], &args].concat());
    assert_eq!(refused.code, Some(2), "{}", refused.snapshot());
    assert!(refused.stderr.contains("differ"), "{}", refused.stderr);
    let first = common::actes(&[&["log"][..], &args].concat());
    assert_eq!(first.code, Some(0), "{}", first.snapshot());
    assert_eq!(first.stderr.lines().count(), 1, "{}", first.stderr);
    assert!(
        first.stderr.contains("rebuilding it first"),
        "{}",
        first.stderr
    );
    let second = common::actes(&[&["log"][..], &args].concat());
    assert_eq!(
        (second.stderr.as_str(), &second.stdout),
        ("", &first.stdout)
    );
}

#[test]
fn the_record_of_the_sources_is_kept_in_the_config_and_leaves_commit_ids_alone() {
    let dir = common::scratch_dir("trust-provenance");
    let (a, b) = (dir.join("a.git"), dir.join("b.git"));
    assert_eq!(common::actes(&["build", "--repo", utf8(&a)]).code, Some(0));
    let sources = git(&a, &["config", "actes.sources"]);
    assert_eq!(sources.trim().len(), 40, "{sources}");
    assert_eq!(
        git(&a, &["config", "actes.version"]).trim(),
        format!(
            "{}+rules.{}",
            env!("CARGO_PKG_VERSION"),
            actes::history::provenance::RULES
        )
    );
    // Another recorded version: a rebuild, and the same commit ids.
    git(&a, &["config", "actes.version", "0.0.0"]);
    let main = git(&a, &["rev-parse", "refs/heads/main"]);
    let run = common::actes(&["log", "--repo", utf8(&a)]);
    assert!(
        run.stderr.contains("built by actes 0.0.0"),
        "{}",
        run.stderr
    );
    assert_eq!(git(&a, &["rev-parse", "refs/heads/main"]), main);
    assert_eq!(common::actes(&["build", "--repo", utf8(&b)]).code, Some(0));
    assert_eq!(git(&b, &["rev-parse", "refs/heads/main"]), main);
}

#[test]
fn a_missing_sources_folder_is_an_error_even_when_the_history_exists() {
    let dir = common::scratch_dir("trust-missing-sources");
    let repo = dir.join("h.git");
    assert_eq!(
        common::actes(&["build", "--repo", utf8(&repo)]).code,
        Some(0)
    );
    let missing = dir.join("nowhere");
    let run = common::actes(&["log", "--repo", utf8(&repo), "--sources", utf8(&missing)]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

/// A built history and its (only) pack.
fn built_with_pack(name: &str) -> (PathBuf, PathBuf) {
    let repo = common::scratch_dir(name).join("h.git");
    assert_eq!(
        common::actes(&["build", "--repo", utf8(&repo)]).code,
        Some(0)
    );
    let pack = std::fs::read_dir(repo.join("objects/pack"))
        .expect("a pack folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pack"))
        .expect("one pack");
    (repo, pack)
}

#[test]
fn a_truncated_pack_makes_queries_say_the_history_is_damaged_and_build_repairs_it() {
    let (repo, pack) = built_with_pack("trust-truncated");
    let good = common::actes(&["show", "130", "--repo", utf8(&repo)]);
    let bytes = std::fs::read(&pack).expect("readable");
    std::fs::write(&pack, &bytes[..bytes.len() / 2]).expect("writable");
    let run = common::actes(&["show", "130", "--repo", utf8(&repo)]);
    assert_ne!(run.code, Some(0), "{}", run.snapshot());
    assert!(run.stderr.contains("is damaged"), "{}", run.stderr);
    assert!(run.stderr.contains("actes build"), "{}", run.stderr);
    let build = common::actes(&["build", "--repo", utf8(&repo)]);
    assert_eq!(build.code, Some(0), "{}", build.snapshot());
    assert!(build.stdout.starts_with("Repaired"), "{}", build.stdout);
    git(&repo, &["fsck", "--strict"]);
    let again = common::actes(&["show", "130", "--repo", utf8(&repo)]);
    assert_eq!(again.stdout, good.stdout);
}

#[test]
fn a_bit_flipped_pack_is_found_and_repaired_by_build() {
    let (repo, pack) = built_with_pack("trust-bitflip");
    let mut bytes = std::fs::read(&pack).expect("readable");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&pack, &bytes).expect("writable");
    let build = common::actes(&["build", "--repo", utf8(&repo)]);
    assert_eq!(build.code, Some(0), "{}", build.snapshot());
    assert!(build.stdout.starts_with("Repaired"), "{}", build.stdout);
    git(&repo, &["fsck", "--strict"]);
}

#[test]
fn build_force_rewrites_every_object() {
    let (repo, _) = built_with_pack("trust-force");
    let run = common::actes(&[
        "build",
        "--force",
        "--format",
        "json",
        "--repo",
        utf8(&repo),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["outcome"], "rewritten");
    assert_eq!(value["objects_written"], value["objects"]);
    git(&repo, &["fsck", "--strict"]);
}

#[test]
fn a_repo_that_is_a_file_is_refused_with_what_to_do() {
    let file = common::scratch_dir("trust-repo-file").join("h.git");
    std::fs::write(&file, "not a folder").expect("writable");
    let run = common::actes(&["log", "--repo", utf8(&file)]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(run.stderr.contains("is a file"), "{}", run.stderr);
    assert!(
        run.stderr.contains("give --repo a folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_folder_as_repo_receives_the_history() {
    let dir = common::scratch_dir("trust-repo-empty").join("h.git");
    std::fs::create_dir_all(&dir).expect("writable");
    let run = common::actes(&["log", "--repo", utf8(&dir)]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
}

#[test]
fn running_outside_the_project_folder_says_where_actes_looked() {
    // Outside the project: the scratch folders are inside it.
    let dir = std::env::temp_dir().join(format!("actes-trust-outside-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("writable");
    let run = common::actes_in(&dir, &["log"]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(run.stderr.contains("no sources found"), "{}", run.stderr);
    assert!(run.stderr.contains(utf8(&dir)), "{}", run.stderr);
    assert!(!dir.join("target").exists(), "nothing is written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn running_in_a_subfolder_finds_the_sources_and_the_repository_upwards() {
    let project = common::scratch_dir("trust-upwards");
    common::copy_dir(&common::sources_dir(), &project.join("history"));
    let deep = project.join("history/documents");
    let run = common::actes_in(&deep, &["log"]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(project.join("target/actes-history.git").is_dir());
}

#[test]
fn queries_started_together_on_an_unbuilt_history_all_wait_for_one_build() {
    let repo = common::scratch_dir("trust-concurrent").join("h.git");
    let spawned: Vec<_> = (0..6)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_actes"))
                .args(["log", "--repo", utf8(&repo)])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("actes starts")
        })
        .collect();
    let outputs: Vec<_> = spawned
        .into_iter()
        .map(|c| c.wait_with_output().expect("actes ends"))
        .collect();
    for output in &outputs {
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(output.stdout, outputs[0].stdout);
    }
    assert_eq!(
        String::from_utf8_lossy(&outputs[0].stdout).lines().count(),
        3
    );
}

#[test]
fn diff_of_an_instrument_nowhere_in_the_history_exits_2_like_show() {
    for command in ["show", "diff"] {
        let run = common::actes(&[command, "999"]);
        assert_eq!(run.code, Some(2), "{command}: {}", run.snapshot());
        assert_eq!(run.stdout, "", "{command}");
        assert!(run.stderr.contains("999"), "{}", run.stderr);
    }
}

#[test]
fn a_typographic_apostrophe_in_search_finds_what_a_straight_one_finds() {
    let straight = common::actes(&["search", "l'Union"]);
    let curly = common::actes(&["search", "l\u{2019}Union"]);
    assert_eq!(straight.code, Some(0), "{}", straight.snapshot());
    let tracks = |s: &str| {
        s.lines()
            .next()
            .and_then(|l| l.split(": ").last().map(String::from))
    };
    assert_eq!(tracks(&curly.stdout), tracks(&straight.stdout));
    assert!(
        !straight.stdout.contains(": 0 track"),
        "{}",
        straight.stdout
    );
}

#[test]
fn table_from_a_year_resolves_the_conference_within_the_body() {
    let run = common::actes(&[
        "table", "--body", "wtdc", "--from", "2014", "--format", "json",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let text = value.to_string();
    assert!(text.contains("wtdc-2014"), "{text}");
}

#[test]
fn a_table_range_given_backwards_is_an_error() {
    let run = common::actes(&["table", "--from", "2018", "--to", "2006"]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(run.stderr.contains("comes after"), "{}", run.stderr);
}

#[test]
fn a_very_long_argument_is_not_echoed_in_full() {
    let long = "x".repeat(5000);
    let run = common::actes(&["show", &long]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(!run.stderr.contains(&long));
    assert!(run.stderr.len() < 1000, "{}", run.stderr.len());
}

#[test]
fn help_lists_for_each_command_only_the_formats_it_offers() {
    for (command, offered) in [
        ("show", "text, json, akn]"),
        ("blame", "text, json, html]"),
        ("table", "text, json, markdown, csv, html]"),
        ("graph", "dot, mermaid, json, text]"),
        ("cited-by", "text, json]"),
    ] {
        let help = common::actes(&[command, "-h"]);
        assert_eq!(help.code, Some(0), "{}", help.snapshot());
        let line = help
            .stdout
            .lines()
            .find(|l| l.contains("--format"))
            .expect("the help lists --format");
        assert!(
            line.contains(&format!("[possible values: {offered}")),
            "{command}: {line}"
        );
        assert_eq!(
            line.matches("possible values").count(),
            1,
            "{command}: {line}"
        );
    }
    // The option stays global: before or after the command, the command's own formats apply.
    let before = common::actes(&["--format", "csv", "show", "130"]);
    let after = common::actes(&["show", "130", "--format", "csv"]);
    assert_eq!(before.code, Some(2), "{}", before.snapshot());
    assert_eq!(after.code, Some(2), "{}", after.snapshot());
    assert_eq!(before.stderr, after.stderr);
    assert!(
        after.stderr.contains("it offers: text, json"),
        "{}",
        after.stderr
    );
    let json = common::actes(&["--format", "json", "log"]);
    assert_eq!(json.code, Some(0), "{}", json.snapshot());
    assert!(json.stdout.starts_with('{'));
}

#[test]
fn a_conference_beyond_the_sources_is_refused_by_in_force_and_show() {
    let after = common::actes(&["in-force", "--at", "2022"]);
    assert_eq!(after.code, Some(2), "{}", after.snapshot());
    assert!(
        after.stderr.contains(
            "the sources say nothing about Bucharest, 2022; the latest they cover is Dubai, 2018"
        ),
        "{}",
        after.stderr
    );
    assert!(after.stdout.is_empty());
    let before = common::actes(&["in-force", "--at", "1994"]);
    assert_eq!(before.code, Some(2), "{}", before.snapshot());
    assert!(
        before
            .stderr
            .contains("the earliest they cover is Minneapolis, 1998"),
        "{}",
        before.stderr
    );
    let show = common::actes(&["show", "130", "--at", "2022"]);
    assert_eq!(show.code, Some(2), "{}", show.snapshot());
    assert!(show
        .stderr
        .contains("the sources say nothing about Bucharest, 2022"));
    let within = common::actes(&["in-force", "--at", "2014"]);
    assert_eq!(within.code, Some(0), "{}", within.snapshot());
}

#[test]
fn show_of_an_instrument_known_only_from_the_final_acts_says_its_text_is_not_in_the_sources() {
    let run = common::actes(&["show", "36", "--at", "busan-2014"]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    assert!(
        run.stdout.contains("its text is not in the sources"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("outcomes/pp-2018-dubai.csv"),
        "{}",
        run.stdout
    );
    // An instrument nobody knows is still an unknown name.
    let unknown = common::actes(&["show", "999", "--at", "busan-2014"]);
    assert_eq!(unknown.code, Some(2), "{}", unknown.snapshot());
}

#[test]
fn conferences_the_catalogue_and_lineage_know_get_a_no_text_answer_from_show_diff_and_blame() {
    for args in [
        &["show", "130", "--at", "guadalajara-2010"][..],
        &["show", "130", "--at", "minneapolis-1998"][..],
        &["diff", "130", "guadalajara-2010", "busan-2014"][..],
        &["blame", "130", "--at", "minneapolis-1998"][..],
    ] {
        let run = common::actes(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.snapshot());
        assert!(
            run.stdout
                .contains("the sources give no text after that conference"),
            "{args:?}: {}",
            run.stdout
        );
    }
    let json = common::actes(&[
        "show",
        "130",
        "--at",
        "Guadalajara 2010",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, Some(0), "{}", json.snapshot());
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["absence"]["reason"], "conference-not-recorded");
    assert_eq!(value["absence"]["conference"], "pp-2010-guadalajara");
}

#[test]
fn cited_by_answers_for_instruments_known_only_because_texts_cite_them() {
    for name in ["un-ga 70/125", "council res 1305"] {
        let run = common::actes(&["cited-by", name]);
        assert_eq!(run.code, Some(0), "{name}: {}", run.snapshot());
        assert!(run.stdout.contains(" cites "), "{name}: {}", run.stdout);
    }
    let nobody = common::actes(&["cited-by", "un-ga 99/999"]);
    assert_eq!(nobody.code, Some(2), "{}", nobody.snapshot());
}

#[test]
fn a_revision_given_in_a_name_is_used_not_ignored() {
    let show = common::actes(&["show", "Resolution 130 (Rev. Busan, 2014)"]);
    assert_eq!(show.code, Some(0), "{}", show.snapshot());
    assert!(
        show.stdout
            .lines()
            .next()
            .is_some_and(|l| l.contains("pp-2014-busan")),
        "{}",
        show.stdout
    );
    let clash = common::actes(&[
        "show",
        "Resolution 130 (Rev. Busan, 2014)",
        "--at",
        "dubai-2018",
    ]);
    assert_eq!(clash.code, Some(2), "{}", clash.snapshot());
    let all = common::actes(&["cited-by", "wtdc res 69", "--format", "json"]);
    let one = common::actes(&[
        "cited-by",
        "wtdc res 69 (Rev. Buenos Aires, 2017)",
        "--format",
        "json",
    ]);
    assert_eq!(one.code, Some(0), "{}", one.snapshot());
    let all: serde_json::Value = serde_json::from_str(&all.stdout).expect("JSON");
    let one: serde_json::Value = serde_json::from_str(&one.stdout).expect("JSON");
    let one = one.as_array().expect("entries");
    assert!(!one.is_empty());
    assert!(one.len() < all.as_array().expect("entries").len());
    assert!(one.iter().all(|e| e["revision"]["year"] == 2017), "{one:?}");
}
