//! Blame and phrase search: the attribution algorithm on hand-made version sequences, then on the
//! shipped corpus, its output, and a comparison with `git blame`.

use actes::blame::{attribute, Arrival, Attribution, Blame, Credit, Version, VersionPoint};

fn conference(name: &str, lines: &[&str]) -> Version {
    Version {
        point: VersionPoint::conference(name),
        lines: Some(lines.iter().map(|l| l.to_string()).collect()),
    }
}

fn proposal(name: &str, lines: &[&str]) -> Version {
    Version {
        point: VersionPoint::proposal(name, "pp-2018-dubai"),
        lines: Some(lines.iter().map(|l| l.to_string()).collect()),
    }
}

fn without_text(name: &str) -> Version {
    Version {
        point: VersionPoint::conference(name),
        lines: None,
    }
}

fn credit(blame: &Blame, number: usize) -> &Credit {
    match &blame.lines[number - 1].attribution {
        Attribution::Credited(c) => c,
        Attribution::Unsettled => panic!("line {number} is unsettled"),
    }
}

fn wording_of(blame: &Blame, number: usize) -> &str {
    &blame.versions[credit(blame, number).wording].name
}

fn first_of(blame: &Blame, number: usize) -> &str {
    &blame.versions[credit(blame, number).first_appeared].name
}

#[test]
fn a_renumbered_paragraph_keeps_its_origin() {
    let blame = attribute(&[
        conference(
            "pp-2010",
            &[
                "HEADER",
                "a)\tfirst words",
                "b)\tsecond words",
                "c)\tthird words",
            ],
        ),
        conference("pp-2014", &["HEADER", "a)\tfirst words", "b)\tthird words"]),
    ])
    .expect("blame");
    assert_eq!(wording_of(&blame, 3), "pp-2010");
    assert_eq!(credit(&blame, 3).arrival, Arrival::FirstInCorpus);
    let renumbering = &credit(&blame, 3).renumbered;
    assert_eq!(renumbering.len(), 1);
    assert_eq!(renumbering[0].from.as_deref(), Some("c)"));
    assert_eq!(renumbering[0].to.as_deref(), Some("b)"));
    assert!(credit(&blame, 2).renumbered.is_empty());
}

#[test]
fn a_modified_paragraph_shows_where_it_changed_and_where_it_first_appeared() {
    let blame = attribute(&[
        conference(
            "pp-2006",
            &["RÉSOLUTION 9 (Antalya, 2006)", "1\tde faire rapport au Conseil chaque année sur ces activités"],
        ),
        conference(
            "pp-2010",
            &["RÉSOLUTION 9 (Rév. Guadalajara, 2010)", "1\tde faire rapport au Conseil chaque année sur ces activités"],
        ),
        conference(
            "pp-2014",
            &[
                "RÉSOLUTION 9 (Rév. Guadalajara, 2010)",
                "1\tde faire rapport au Conseil chaque année sur ces activités et de formuler des propositions",
            ],
        ),
    ])
    .expect("blame");
    assert_eq!(wording_of(&blame, 1), "pp-2010");
    assert_eq!(credit(&blame, 1).arrival, Arrival::Modified);
    assert_eq!(first_of(&blame, 1), "pp-2006");
    assert_eq!(wording_of(&blame, 2), "pp-2014");
    assert_eq!(credit(&blame, 2).arrival, Arrival::Modified);
    assert_eq!(first_of(&blame, 2), "pp-2006");
    assert_eq!(
        credit(&blame, 2).previous_text.as_deref(),
        Some("de faire rapport au Conseil chaque année sur ces activités")
    );
}

#[test]
fn a_deleted_then_reinserted_paragraph_is_credited_to_its_reinsertion() {
    let blame = attribute(&[
        conference("pp-2006", &["H", "1\tkept", "2\tdropped then back"]),
        conference("pp-2010", &["H", "1\tkept"]),
        conference("pp-2014", &["H", "1\tkept", "2\tdropped then back"]),
    ])
    .expect("blame");
    assert_eq!(wording_of(&blame, 3), "pp-2014");
    assert_eq!(credit(&blame, 3).arrival, Arrival::Reinserted);
    assert_eq!(first_of(&blame, 3), "pp-2006");
    assert_eq!(wording_of(&blame, 2), "pp-2006");
}

#[test]
fn an_unsettled_paragraph_is_credited_to_nobody() {
    let blame = attribute(&[
        conference("pp-2014", &["H", "a)\told words"]),
        proposal("B/67/4", &["H", "[?] a)\told words", "b)\tnew words"]),
    ])
    .expect("blame");
    assert_eq!(blame.lines[1].attribution, Attribution::Unsettled);
    assert_eq!(blame.lines[1].label.as_deref(), Some("a)"));
    assert_eq!(blame.lines[1].text, "old words");
    assert_eq!(wording_of(&blame, 3), "B/67/4");
    assert_eq!(credit(&blame, 3).arrival, Arrival::Introduced);
}

#[test]
fn a_paragraph_once_unsettled_says_so_when_later_settled() {
    let blame = attribute(&[
        conference("pp-2014", &["H", "[?] a)\twords"]),
        conference("pp-2018", &["H", "a)\twords"]),
    ])
    .expect("blame");
    let c = credit(&blame, 2);
    assert_eq!(blame.versions[c.wording].name, "pp-2014");
    assert_eq!(c.unsettled_in, vec![0]);
}

#[test]
fn a_change_across_a_version_without_text_names_that_version_too() {
    let blame = attribute(&[
        conference("pp-2010", &["H", "1\tsame", "2\tgone"]),
        without_text("pp-2014"),
        conference("pp-2018", &["H", "1\tsame", "2\tbrand new paragraph"]),
    ])
    .expect("blame");
    assert_eq!(wording_of(&blame, 2), "pp-2010");
    assert_eq!(wording_of(&blame, 3), "pp-2018");
    assert_eq!(credit(&blame, 3).or_unknown_before, vec![1]);
    assert!(!blame.has_text[1]);
}

#[test]
fn a_version_without_text_cannot_be_blamed() {
    let err = attribute(&[conference("pp-2010", &["H"]), without_text("pp-2014")])
        .expect_err("no text at the last version");
    assert!(err.to_string().contains("pp-2014"), "{err}");
}

#[test]
fn headers_titles_and_headings_are_lines_too() {
    let blame = attribute(&[
        conference(
            "pp-2014",
            &[
                "RÉSOLUTION 1 (Busan, 2014)",
                "Titre",
                "considérant",
                "a)\tx",
            ],
        ),
        proposal(
            "B/67/1",
            &[
                "RÉSOLUTION 1 (Rév. Dubaï, 2018)",
                "Titre",
                "considérant",
                "a)\tx",
            ],
        ),
    ])
    .expect("blame");
    assert_eq!(blame.lines.len(), 4);
    assert_eq!(wording_of(&blame, 1), "B/67/1");
    assert!(blame.versions[credit(&blame, 1).wording].is_proposed());
    assert_eq!(wording_of(&blame, 3), "pp-2014");
}

#[test]
fn the_text_and_html_views_mark_proposals_as_not_an_outcome() {
    let blame = attribute(&[
        conference("pp-2014", &["H", "a)\tone", "b)\ttwo"]),
        proposal("B/67/4", &["H", "a)\tzero", "b)\tone", "c)\ttwo"]),
    ])
    .expect("blame");
    let text = actes::render::blame::to_text(&blame, "pp resolution 1, fr");
    assert!(
        text.contains("B/67/4 (proposal to pp-2018-dubai: proposed, not an outcome)"),
        "{text}"
    );
    assert!(text.contains("renumbered a) -> b) by B/67/4"), "{text}");
    let html = actes::render::blame_html::to_html(&blame, "pp resolution 1, fr");
    assert!(html.contains("class=\"line proposed\""), "{html}");
    assert!(html.contains("proposed, not an outcome"), "{html}");
}

// ---------------------------------------------------------------------------------------------
// On a written history: the loader, and agreement with `git blame`.

mod on_a_history {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::process::Command;

    use actes::blame::{self, Arrival, Attribution, Blame};
    use actes::history::plan::{BranchPlan, CommitPlan, HistoryPlan, Person, TagPlan};
    use actes::history::read::History;
    use actes::history::write::{self, WriteOptions};
    use actes::model::{Body, ConferenceId, InstrumentId, InstrumentKind, Language};

    use crate::common;

    fn person(name: &str, email: &str, seconds: i64) -> Person {
        Person {
            name: name.to_string(),
            email: email.to_string(),
            seconds,
            offset: 0,
        }
    }

    fn conference_commit(id: &str, seconds: i64, text: Option<&str>) -> CommitPlan {
        let who = person(id, &format!("{id}@conferences.actes.invalid"), seconds);
        CommitPlan {
            conference: ConferenceId(id.to_string()),
            changes: BTreeMap::from([(
                "pp/resolution/130/fr.txt".to_string(),
                text.map(|t| t.as_bytes().to_vec()),
            )]),
            author: who.clone(),
            committer: who.clone(),
            message: format!(
                "{id}\n\nThe corpus after {id}.\n\nConference: {id}\nStatus: adopted\n"
            ),
            tag: Some(TagPlan {
                name: id.to_string(),
                tagger: who,
                message: format!("{id}\n"),
            }),
        }
    }

    fn proposal_commit(id: &str, seconds: i64, text: &str) -> CommitPlan {
        let who = person("Brazil (B)", "b@proposals.actes.invalid", seconds);
        CommitPlan {
            conference: ConferenceId("pp-2018-dubai".to_string()),
            changes: BTreeMap::from([(
                "pp/resolution/130/fr.txt".to_string(),
                Some(text.as_bytes().to_vec()),
            )]),
            author: who.clone(),
            committer: who,
            message: format!(
                "{id}: MOD Résolution 130\n\nProposed.\n\nConference: pp-2018-dubai\nProposal: {id}\nStatus: proposed\n"
            ),
            tag: None,
        }
    }

    const Y2006: i64 = 1_164_369_600;
    const Y2010: i64 = 1_287_748_800;
    const Y2014: i64 = 1_415_361_600;
    const Y2018: i64 = 1_540_814_400;

    const TEXT_2006: &str = "RÉSOLUTION 130 (Rév. Antalya, 2006)\nRenforcement du rôle de l'UIT\nconsidérant\na)\tque les technologies évoluent\nb)\tune menace ancienne\nc)\tla coopération internationale est nécessaire\n";
    const TEXT_2014: &str = "RÉSOLUTION 130 (Rév. Busan, 2014)\nRenforcement du rôle de l'UIT\nconsidérant\na)\tque les technologies de l'information évoluent\nb)\tla coopération internationale est nécessaire\nc)\tun alinéa de Busan\n";
    const TEXT_B674: &str = "RÉSOLUTION 130 (Rév. Dubaï, 2018)\nRenforcement du rôle de l'UIT\nconsidérant\na)\tla sécurité dès la conception\nb)\tque les technologies de l'information évoluent\nc)\tla coopération internationale est nécessaire\n[?] d)\tun alinéa de Busan\n";

    /// Antalya 2006, Guadalajara 2010 (no text), Busan 2014 on main; B/67/4 on a proposal ref.
    fn write_history(name: &str) -> std::path::PathBuf {
        let plan = HistoryPlan {
            main: vec![
                conference_commit("pp-2006-antalya", Y2006, Some(TEXT_2006)),
                conference_commit("pp-2010-guadalajara", Y2010, None),
                conference_commit("pp-2014-busan", Y2014, Some(TEXT_2014)),
            ],
            branches: vec![BranchPlan {
                reference: "refs/proposals/pp-2018-dubai/67".to_string(),
                base: Some(ConferenceId("pp-2014-busan".to_string())),
                commits: vec![proposal_commit("B/67/4", Y2018, TEXT_B674)],
            }],
        };
        let repo = common::scratch_dir(name).join("history.git");
        write::write(&repo, &plan, &mut WriteOptions::default()).expect("the history is written");
        repo
    }

    fn res130() -> InstrumentId {
        InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, 130)
    }

    /// The commit `git blame` credits each line with.
    fn git_blame(repo: &Path, rev: &str, path: &str) -> Vec<String> {
        let out = Command::new("git")
            .arg("--git-dir")
            .arg(repo)
            .args(["blame", "--porcelain", rev, "--", path])
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let mut by_line: BTreeMap<usize, String> = BTreeMap::new();
        for line in text.lines() {
            let fields: Vec<&str> = line.split(' ').collect();
            if fields.len() >= 3
                && fields[0].len() == 40
                && fields[0].chars().all(|c| c.is_ascii_hexdigit())
            {
                by_line.insert(
                    fields[2].parse().expect("a line number"),
                    fields[0].to_string(),
                );
            }
        }
        by_line.into_values().collect()
    }

    /// Compares with `git blame` every settled line that was never renumbered and whose history
    /// crosses no version without text; returns how many lines were compared.
    pub(crate) fn agree_with_git_blame(repo: &Path, rev: &str, path: &str, blame: &Blame) -> usize {
        let git = git_blame(repo, rev, path);
        assert_eq!(git.len(), blame.lines.len(), "same number of lines");
        let mut compared = 0;
        for (line, git_commit) in blame.lines.iter().zip(&git) {
            let Attribution::Credited(c) = &line.attribution else {
                continue;
            };
            // git blame sees a renumbered line as new, and a version without text as a
            // deletion of the whole file (actes sees an unknown text): skip those lines.
            let crosses_unknown_text = blame.has_text[c.wording..].iter().any(|t| !t);
            if !c.renumbered.is_empty() || crosses_unknown_text {
                continue;
            }
            let ours = blame.versions[c.wording]
                .commit
                .as_deref()
                .expect("a commit");
            assert_eq!(ours, git_commit, "line {}: {}", line.number, line.text);
            compared += 1;
        }
        compared
    }

    #[test]
    fn blame_on_a_proposal_ref_credits_the_proposal_and_the_conferences() {
        let repo = write_history("blame-proposal-ref");
        let history = History::open(&repo).expect("open");
        let blame =
            blame::load::blame(&history, &res130(), Language::Fr, Some("B/67/4")).expect("blame");
        let names: Vec<&str> = blame.versions.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "pp-2006-antalya",
                "pp-2010-guadalajara",
                "pp-2014-busan",
                "B/67/4"
            ]
        );
        assert!(!blame.has_text[1]);
        let credit = |n: usize| match &blame.lines[n - 1].attribution {
            Attribution::Credited(c) => c.clone(),
            Attribution::Unsettled => panic!("line {n} unsettled"),
        };
        // The new item a) comes from the proposal, which is not an outcome.
        assert_eq!(blame.versions[credit(4).wording].name, "B/67/4");
        assert!(blame.versions[credit(4).wording].is_proposed());
        // Old a), reworded at Busan (or at Guadalajara, whose text is unknown), now b).
        assert_eq!(blame.versions[credit(5).wording].name, "pp-2014-busan");
        assert_eq!(credit(5).arrival, Arrival::Modified);
        assert_eq!(
            blame.versions[credit(5).first_appeared].name,
            "pp-2006-antalya"
        );
        assert_eq!(credit(5).or_unknown_before, vec![1]);
        // Old c), then b), now c): renumbered twice, words from Antalya.
        assert_eq!(blame.versions[credit(6).wording].name, "pp-2006-antalya");
        assert_eq!(credit(6).renumbered.len(), 2);
        // The unsettled line is credited to nobody.
        assert_eq!(blame.lines[6].attribution, Attribution::Unsettled);
    }

    #[test]
    fn blame_agrees_with_git_blame_where_nothing_was_renumbered() {
        let repo = write_history("blame-vs-git");
        let history = History::open(&repo).expect("open");
        for (at, rev) in [
            (Some("B/67/4"), "refs/proposals/pp-2018-dubai/67"),
            (None, "refs/heads/main"),
            (Some("pp-2006-antalya"), "pp-2006-antalya"),
        ] {
            let blame = blame::load::blame(&history, &res130(), Language::Fr, at).expect("blame");
            let compared = agree_with_git_blame(&repo, rev, "pp/resolution/130/fr.txt", &blame);
            assert!(compared >= 2, "{compared} lines compared at {rev}");
        }
    }

    #[test]
    fn the_versions_read_are_the_changes_that_path_history_lists() {
        let repo = write_history("blame-versions-vs-path-history");
        let history = History::open(&repo).expect("open");
        for (at, tip) in [("B/67/4", "B/67/4"), ("pp-2014-busan", "pp-2014-busan")] {
            let (versions, resolved) =
                blame::load::load_versions(&history, &res130(), Language::Fr, Some(at))
                    .expect("versions");
            let expected: Vec<String> = history
                .path_history(resolved.commit, "pp/resolution/130/fr.txt")
                .expect("path history")
                .iter()
                .map(|v| v.commit.id.to_string())
                .collect();
            let ours: Vec<String> = versions
                .iter()
                .filter_map(|v| v.point.commit.clone())
                .collect();
            assert_eq!(ours, expected, "at {tip}");
        }
    }

    #[test]
    fn a_point_with_no_text_cannot_be_blamed() {
        let repo = write_history("blame-no-text");
        let history = History::open(&repo).expect("open");
        let err = blame::load::blame(
            &history,
            &res130(),
            Language::Fr,
            Some("pp-2010-guadalajara"),
        )
        .expect_err("no text at Guadalajara");
        assert!(err.to_string().contains("no fr text"), "{err}");
        assert!(err.is_bad_input());
    }

    #[test]
    fn search_finds_where_a_phrase_appeared_on_main_and_on_proposal_refs() {
        use actes::search::{load, EventKind};
        let repo = write_history("search-history");
        let history = History::open(&repo).expect("open");
        let result = load::search(&history, "SECURITE  des la conception", None).expect("search");
        assert_eq!(result.tracks.len(), 1);
        let track = &result.tracks[0];
        assert!(!track.on_main);
        assert_eq!(track.reference, "refs/proposals/pp-2018-dubai/67");
        assert_eq!(track.events.len(), 1);
        assert_eq!(track.events[0].kind, EventKind::Appeared);
        assert_eq!(track.events[0].version.name, "B/67/4");
        assert_eq!(
            track.events[0].previous.as_ref().map(|p| p.name.as_str()),
            Some("pp-2014-busan")
        );
        assert_eq!(track.events[0].evidence[0].line, 4);

        let result = load::search(&history, "une menace ancienne", Some(Body::Pp)).expect("search");
        let track = &result.tracks[0];
        assert!(track.on_main);
        let kinds: Vec<(EventKind, &str)> = track
            .events
            .iter()
            .map(|e| (e.kind, e.version.name.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (EventKind::FirstInCorpus, "pp-2006-antalya"),
                (EventKind::Disappeared, "pp-2014-busan")
            ]
        );
        assert_eq!(
            track.events[1].or_unknown_before[0].name,
            "pp-2010-guadalajara"
        );
        assert_eq!(track.events[1].evidence[0].line, 5);

        let other_body =
            load::search(&history, "une menace ancienne", Some(Body::Wtdc)).expect("search");
        assert!(other_body.tracks.is_empty());
    }

    fn repo_arg(repo: &Path) -> String {
        format!("--repo={}", repo.display())
    }

    #[test]
    fn blame_prints_text_json_and_html() {
        let repo = write_history("blame-cli");
        let repo = repo_arg(&repo);
        insta::assert_snapshot!(
            "blame_text_at_proposal",
            common::actes(&["blame", "130", "--at", "B/67/4", &repo]).snapshot()
        );
        insta::assert_snapshot!(
            "blame_json_at_proposal",
            common::actes(&[
                "blame",
                "Résolution 130",
                "--at",
                "B/67/4",
                "--format",
                "json",
                &repo
            ])
            .snapshot()
        );
        let html = common::actes(&["blame", "130", "--format", "html", &repo]);
        assert_eq!(html.code, Some(0), "{}", html.stderr);
        assert!(html.stdout.starts_with("<!DOCTYPE html>"));
        assert!(
            html.stdout.contains("pp-2014-busan (conference)"),
            "{}",
            html.stdout
        );
        let bad = common::actes(&["blame", "130", "--format", "csv", &repo]);
        assert_eq!(bad.code, Some(2));
        let unknown = common::actes(&["blame", "130", "--at", "B/67/9", &repo]);
        assert_eq!(unknown.code, Some(2), "{}", unknown.stderr);
    }

    #[test]
    fn search_prints_text_and_json() {
        let repo = write_history("search-cli");
        let repo = repo_arg(&repo);
        insta::assert_snapshot!(
            "search_text",
            common::actes(&["search", "coopération internationale", &repo]).snapshot()
        );
        insta::assert_snapshot!(
            "search_json",
            common::actes(&[
                "search",
                "Sécurité dès la conception",
                "--format",
                "json",
                &repo
            ])
            .snapshot()
        );
        let empty = common::actes(&["search", "  ", &repo]);
        assert_eq!(empty.code, Some(2));
    }
}

// ---------------------------------------------------------------------------------------------
// On the shipped corpus: Résolution 130 as Brazil's B/67/4 would have it.

mod on_the_shipped_corpus {
    use std::path::PathBuf;
    use std::sync::OnceLock;

    use actes::blame::{self, Arrival, Attribution, Blame, BlamedLine, LineKind};
    use actes::history::read::History;
    use actes::model::{Body, InstrumentId, InstrumentKind, Language};

    use super::on_a_history::agree_with_git_blame;
    use crate::common;

    /// The shipped sources built into a history once for this module.
    fn shipped_history() -> &'static PathBuf {
        static REPO: OnceLock<PathBuf> = OnceLock::new();
        REPO.get_or_init(build_shipped_history)
    }

    /// Reads the shipped sources with the real reader, assembles the corpus and writes its plan.
    fn build_shipped_history() -> PathBuf {
        let sources = actes::corpus::sources::Sources::load_with(
            &common::sources_dir(),
            actes::reader::read_document_with,
        )
        .expect("the shipped sources load");
        let plan = actes::corpus::Corpus::assemble(&sources)
            .expect("the shipped corpus assembles")
            .plan();
        let repo = common::scratch_dir("blame-shipped").join("history.git");
        actes::history::write::write(&repo, &plan, &mut Default::default())
            .expect("the shipped history is written");
        repo
    }

    fn res130() -> InstrumentId {
        InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, 130)
    }

    fn blame_130_at_b674() -> Blame {
        let history = History::open(shipped_history()).expect("open the shipped history");
        blame::load::blame(&history, &res130(), Language::Fr, Some("B/67/4")).expect("blame")
    }

    /// The items of a section: the lines after the heading line whose text is `heading`, up to
    /// the next unlabelled line.
    fn section<'b>(blame: &'b Blame, heading: &str) -> Vec<&'b BlamedLine> {
        let start = blame
            .lines
            .iter()
            .position(|l| l.label.is_none() && l.text.trim() == heading)
            .unwrap_or_else(|| panic!("no heading `{heading}`"));
        blame.lines[start + 1..]
            .iter()
            .take_while(|l| l.label.is_some())
            .collect()
    }

    fn item<'b>(lines: &[&'b BlamedLine], label: &str) -> &'b BlamedLine {
        lines
            .iter()
            .find(|l| l.label.as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no item {label}"))
    }

    fn credited_to<'b>(blame: &'b Blame, line: &BlamedLine) -> &'b str {
        match &line.attribution {
            Attribution::Credited(c) => &blame.versions[c.wording].name,
            Attribution::Unsettled => "unsettled",
        }
    }

    #[test]
    fn new_considerant_items_a_i_and_j_are_credited_to_b_67_4() {
        let blame = blame_130_at_b674();
        let considerant = section(&blame, "considérant");
        for label in ["a)", "i)", "j)"] {
            let line = item(&considerant, label);
            assert_eq!(
                credited_to(&blame, line),
                "B/67/4",
                "considérant {label}: {}",
                line.text
            );
            let Attribution::Credited(c) = &line.attribution else {
                unreachable!()
            };
            assert_eq!(c.arrival, Arrival::Introduced);
            assert!(blame.versions[c.wording].is_proposed());
        }
    }

    #[test]
    fn new_items_8_and_9_for_the_bdt_director_are_credited_to_b_67_4() {
        let blame = blame_130_at_b674();
        let bdt = section(
            &blame,
            "charge le Directeur du Bureau de développement des télécommunications",
        );
        for label in ["8", "9"] {
            assert_eq!(
                credited_to(&blame, item(&bdt, label)),
                "B/67/4",
                "item {label}"
            );
        }
        // Old 8, now 10: renumbered, words from Busan.
        let ten = item(&bdt, "10");
        assert_eq!(credited_to(&blame, ten), "pp-2014-busan");
        let Attribution::Credited(c) = &ten.attribution else {
            unreachable!()
        };
        assert_eq!(
            c.renumbered.last().and_then(|r| r.from.as_deref()),
            Some("8")
        );
    }

    #[test]
    fn items_carried_over_unchanged_keep_busan_2014_and_a_renumbered_one_too() {
        let blame = blame_130_at_b674();
        let considerant = section(&blame, "considérant");
        // Old c), now b).
        let b = item(&considerant, "b)");
        assert!(b
            .text
            .starts_with("que, du fait de l'utilisation et du développement des TIC"));
        assert_eq!(credited_to(&blame, b), "pp-2014-busan");
        let Attribution::Credited(c) = &b.attribution else {
            unreachable!()
        };
        assert_eq!(c.renumbered.len(), 1);
        assert_eq!(c.renumbered[0].from.as_deref(), Some("c)"));
        // Unchanged, same label.
        let reconnaissant = section(&blame, "reconnaissant");
        let a = item(&reconnaissant, "a)");
        assert_eq!(credited_to(&blame, a), "pp-2014-busan");
        let Attribution::Credited(c) = &a.attribution else {
            unreachable!()
        };
        assert!(c.renumbered.is_empty());
        assert_eq!(c.arrival, Arrival::FirstInCorpus);
        // Headings are lines too: this one did not change.
        let heading = blame
            .lines
            .iter()
            .find(|l| l.text == "considérant")
            .expect("the heading");
        assert_eq!(heading.kind, LineKind::Text);
        assert_eq!(credited_to(&blame, heading), "pp-2014-busan");
        // The header changed: the proposal's, with Busan as the first appearance.
        assert_eq!(blame.lines[0].kind, LineKind::Header);
        assert_eq!(credited_to(&blame, &blame.lines[0]), "B/67/4");
    }

    #[test]
    fn unsettled_paragraphs_are_credited_to_nobody() {
        let blame = blame_130_at_b674();
        let history = History::open(shipped_history()).expect("open");
        let commit = blame.at().commit.clone().expect("a commit");
        let id = actes::history::ObjectId::from_hex(commit.as_bytes()).expect("hex");
        let text = history
            .read_file(id, "pp/resolution/130/fr.txt")
            .expect("read")
            .expect("the text");
        let text = String::from_utf8(text).expect("utf-8");
        let unsettled_in_file = text.lines().filter(|l| l.starts_with("[?] ")).count();
        let unsettled_in_blame = blame
            .lines
            .iter()
            .filter(|l| l.attribution == Attribution::Unsettled)
            .count();
        assert_eq!(unsettled_in_blame, unsettled_in_file);
    }

    #[test]
    fn blame_of_resolution_130_agrees_with_git_blame_where_nothing_was_renumbered() {
        let blame = blame_130_at_b674();
        let commit = blame.at().commit.clone().expect("a commit");
        let compared = agree_with_git_blame(
            shipped_history(),
            &commit,
            "pp/resolution/130/fr.txt",
            &blame,
        );
        assert!(
            compared > blame.lines.len() / 2,
            "only {compared} lines compared"
        );
    }

    #[test]
    fn security_by_design_is_new_in_b_67_4() {
        let history = History::open(shipped_history()).expect("open");
        let result = actes::search::load::search(&history, "sécurité dès la conception", None)
            .expect("search");
        let track = result
            .tracks
            .iter()
            .find(|t| t.path == "pp/resolution/130/fr.txt")
            .expect("found in Résolution 130");
        assert!(!track.on_main);
        assert_eq!(track.events[0].kind, actes::search::EventKind::Appeared);
        assert_eq!(track.events[0].version.name, "B/67/4");
        assert!(result.tracks.iter().all(|t| !t.on_main));
    }

    #[test]
    fn blame_and_search_of_the_shipped_corpus_print_as_before() {
        let repo = format!("--repo={}", shipped_history().display());
        insta::assert_snapshot!(
            "shipped_blame_130_text",
            common::actes(&["blame", "130", "--at", "B/67/4", &repo]).snapshot()
        );
        insta::assert_snapshot!(
            "shipped_blame_130_json",
            common::actes(&["blame", "130", "--at", "B/67/4", "--format", "json", &repo])
                .snapshot()
        );
        insta::assert_snapshot!(
            "shipped_search_text",
            common::actes(&["search", "sécurité dès la conception", &repo]).snapshot()
        );
        insta::assert_snapshot!(
            "shipped_search_json",
            common::actes(&[
                "search",
                "sécurité dès la conception",
                "--format",
                "json",
                &repo
            ])
            .snapshot()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties of the attribution on random version sequences.

mod properties {
    use actes::blame::{attribute, Attribution, Version, VersionPoint};
    use proptest::prelude::*;

    fn line() -> impl Strategy<Value = String> {
        (
            prop::option::of(prop::sample::select(vec!["a)", "b)", "1", "2", "–"])),
            prop::bool::weighted(0.1),
            prop::collection::vec(
                prop::sample::select(vec!["la", "sécurité", "de", "UIT", "confiance", "TIC"]),
                0..6,
            ),
        )
            .prop_map(|(label, unsettled, words)| {
                let mut s = String::new();
                if unsettled {
                    s.push_str("[?] ");
                }
                if let Some(l) = label {
                    s.push_str(l);
                    s.push('\t');
                }
                s.push_str(&words.join(" "));
                s
            })
    }

    proptest! {
        #[test]
        fn every_settled_line_is_credited_to_a_version_with_text_no_later_than_the_last(
            texts in prop::collection::vec(prop::option::of(prop::collection::vec(line(), 0..12)), 1..8),
            last in prop::collection::vec(line(), 0..12),
        ) {
            let mut versions: Vec<Version> = texts
                .into_iter()
                .enumerate()
                .map(|(i, lines)| Version { point: VersionPoint::conference(format!("c{i}")), lines })
                .collect();
            versions.push(Version { point: VersionPoint::conference("last"), lines: Some(last.clone()) });
            let blame = attribute(&versions).expect("the last version has a text");
            prop_assert_eq!(blame.lines.len(), last.len());
            for (line, raw) in blame.lines.iter().zip(&last) {
                match &line.attribution {
                    Attribution::Unsettled => prop_assert!(raw.starts_with("[?] ")),
                    Attribution::Credited(c) => {
                        prop_assert!(!raw.starts_with("[?] "));
                        prop_assert!(c.wording < versions.len());
                        prop_assert!(blame.has_text[c.wording]);
                        prop_assert!(c.first_appeared <= c.wording);
                        prop_assert!(blame.has_text[c.first_appeared]);
                    }
                }
            }
        }
    }
}
