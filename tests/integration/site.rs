//! `actes site`: the static website of the shipped corpus, written by the binary, checked as
//! files (determinism, links, refusal to overwrite a folder that is not a site) and opened in
//! headless Chromium (rendered DOM, search with a query in the URL, console errors,
//! screenshots). `.ci/run` installs Chromium when it is missing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common;

/// The history of the shipped corpus (built by the binary from `history/`) and a site written
/// from it, once for the module.
fn site() -> &'static (PathBuf, PathBuf) {
    static SITE: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = common::scratch_dir("site-shipped");
        let repo = dir.join("history.git");
        let site = dir.join("site");
        let run = common::actes(&[
            "site",
            site.to_str().expect("a UTF-8 path"),
            "--repo",
            repo.to_str().expect("a UTF-8 path"),
        ]);
        assert_eq!(run.code, Some(0), "{}", run.snapshot());
        (repo, site)
    })
}

/// Every file of a folder, by path relative to it.
fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("the folder reads") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).expect("the file reads");
                out.insert(
                    path.strip_prefix(root).expect("under root").to_path_buf(),
                    bytes,
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The values of every `href="..."` and `src="..."` of an HTML page, unescaped.
fn references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').expect("a closed attribute");
            out.push(rest[..end].replace("&amp;", "&").replace("&#39;", "'"));
            rest = &rest[end..];
        }
    }
    out
}

fn chromium() -> &'static str {
    static FOUND: OnceLock<&'static str> = OnceLock::new();
    FOUND.get_or_init(|| {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            if Command::new(name).arg("--version").output().is_ok() {
                return name;
            }
        }
        panic!("no Chromium found: install the Debian package `chromium` (.ci/run does)");
    })
}

/// Runs headless Chromium on a page with extra arguments; returns stdout and stderr.
fn browse(args: &[&str], url: &str) -> (String, String) {
    // Each run its own profile folder: tests run Chromium concurrently.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = common::scratch_dir(&format!("site-chromium-{run}"));
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("Chromium runs");
    assert!(output.status.success(), "Chromium failed on {url}");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The DOM of a page after its scripts ran, and what the console said.
fn dump_dom(page: &str) -> (String, Vec<String>) {
    let url = format!("file://{}/{page}", site().1.display());
    let (dom, log) = browse(&["--dump-dom"], &url);
    let console = log
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (dom, console)
}

#[test]
fn two_runs_write_byte_identical_sites() {
    let (repo, first) = site();
    let second = common::scratch_dir("site-again").join("site");
    let run = common::actes(&[
        "site",
        second.to_str().expect("a UTF-8 path"),
        "--repo",
        repo.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.snapshot());
    let (a, b) = (files(first), files(&second));
    assert!(a.len() > 50, "{} files", a.len());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(&b[path] == bytes, "{} differs between runs", path.display());
    }
    // Writing again over the site replaces it.
    let again = common::actes(&[
        "site",
        second.to_str().expect("a UTF-8 path"),
        "--repo",
        repo.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(again.code, Some(0), "{}", again.snapshot());
    assert_eq!(files(&second), b);
}

#[test]
fn the_site_has_stable_urls_that_name_the_body() {
    let (_, site) = site();
    for page in [
        "index.html",
        "search.html",
        "search-index.js",
        "pp/resolution-130.html",
        "pp/resolution-B-1.html",
        "wtdc/resolution-69.html",
        "pp-2018-dubai.html",
        "pp-2014-busan.html",
        "proposals/pp-2018-dubai-67.html",
    ] {
        assert!(site.join(page).is_file(), "{page} is missing");
    }
}

#[test]
fn a_folder_that_is_not_a_site_is_refused_and_left_alone() {
    let (repo, _) = site();
    let dir = common::scratch_dir("site-refused");
    std::fs::write(dir.join("notes.txt"), "mine").expect("writable");
    let run = common::actes(&[
        "site",
        dir.to_str().expect("a UTF-8 path"),
        "--repo",
        repo.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.snapshot());
    assert!(
        run.stderr.contains("is not a site that `actes site` wrote"),
        "{}",
        run.stderr
    );
    assert_eq!(
        files(&dir).keys().collect::<Vec<_>>(),
        vec![Path::new("notes.txt")]
    );
}

#[test]
fn proposals_are_labelled_and_unsettled_paragraphs_keep_their_mark() {
    let (_, site) = site();
    let page = std::fs::read_to_string(site.join("proposals/pp-2018-dubai-67.html"))
        .expect("the page reads");
    for id in ["B/67/1", "B/67/2", "B/67/3", "B/67/4", "B/67/5"] {
        assert!(page.contains(id), "{id} missing");
    }
    assert!(page.contains("proposed, not an outcome"));
    let r130 = std::fs::read_to_string(site.join("pp/resolution-130.html")).expect("reads");
    let proposals = r130.find("id=\"proposals\"").expect("a proposals section");
    let lineage = r130.find("id=\"lineage\"").expect("a lineage section");
    // The proposal is not among the outcomes of the timeline.
    assert!(!r130[lineage..proposals].contains("MOD B/67/4"));
    assert!(r130[proposals..].contains("MOD B/67/4"));
    // Some text of the shipped corpus has unsettled paragraphs; each keeps its `[?]`.
    let all = files(site);
    let marked = all
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .filter(|(_, b)| String::from_utf8_lossy(b).contains("class=\"unsettled\" title=\"the reader could not settle this paragraph\">[?]</mark>"))
        .count();
    assert!(marked > 0, "no page shows a [?] mark");
}

#[test]
fn no_internal_link_is_broken() {
    let (_, site) = site();
    let all = files(site);
    let mut ids: BTreeMap<&Path, BTreeSet<String>> = BTreeMap::new();
    for (path, bytes) in &all {
        let html = String::from_utf8_lossy(bytes);
        let mut set = BTreeSet::new();
        let mut rest: &str = &html;
        while let Some(at) = rest.find(" id=\"") {
            rest = &rest[at + 5..];
            let end = rest.find('"').expect("a closed id");
            set.insert(rest[..end].to_string());
        }
        ids.insert(path, set);
    }
    let mut checked = 0;
    for (path, bytes) in all
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = String::from_utf8_lossy(bytes);
        for reference in references(&html) {
            assert!(
                !reference.starts_with("http:")
                    && !reference.starts_with("https:")
                    && !reference.starts_with("//"),
                "{}: external asset {reference}",
                path.display()
            );
            let (file, fragment) = match reference.split_once('#') {
                Some((f, frag)) => (f, Some(frag)),
                None => (reference.as_str(), None),
            };
            let file = file.split('?').next().unwrap_or_default();
            let target = if file.is_empty() {
                path.clone()
            } else {
                let mut t = path.parent().unwrap_or(Path::new("")).to_path_buf();
                for part in file.split('/') {
                    match part {
                        ".." => assert!(t.pop(), "{}: {reference} leaves the site", path.display()),
                        "." => {}
                        p => t.push(p),
                    }
                }
                t
            };
            assert!(
                all.contains_key(&target),
                "{}: broken link {reference}",
                path.display()
            );
            if let Some(fragment) = fragment {
                assert!(
                    ids[target.as_path()].contains(fragment),
                    "{}: no id {fragment} in {}",
                    path.display(),
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links");
}

#[test]
fn the_index_in_a_browser_has_a_row_per_instrument_of_the_table() {
    let (repo, _) = site();
    let table = common::actes(&[
        "table",
        "--body",
        "all",
        "--format",
        "json",
        "--repo",
        repo.to_str().expect("a UTF-8 path"),
    ]);
    let tables: serde_json::Value = serde_json::from_str(&table.stdout).expect("JSON");
    let names: Vec<String> = tables
        .as_array()
        .expect("an array of tables")
        .iter()
        .flat_map(|t| t["rows"].as_array().expect("rows").iter())
        .map(|r| r["instrument"].clone())
        .map(|i| {
            let id: actes::model::InstrumentId = serde_json::from_value(i).expect("an id");
            actes::lineage::query::instrument_short_name(&id)
        })
        .collect();
    let (dom, console) = dump_dom("index.html");
    assert!(console.is_empty(), "console: {console:?}");
    let rows = dom.matches("<tr data-lang=").count();
    assert_eq!(rows, names.len());
    for name in &names {
        assert!(
            dom.contains(&format!(">{name}</a></th>")),
            "{name} has no row"
        );
    }
}

#[test]
fn resolution_130_in_a_browser_shows_each_step_and_its_busan_text() {
    let (dom, console) = dump_dom("pp/resolution-130.html");
    assert!(console.is_empty(), "console: {console:?}");
    for step in [
        "revised (Rev. Busan, 2014)",
        "revised (Rev. Dubai, 2018)",
        "MOD B/67/4 proposed",
    ] {
        assert!(dom.contains(step), "step {step} missing");
    }
    let busan = dom
        .find("id=\"v-pp-2014-busan\"")
        .expect("the Busan version");
    assert!(dom[busan..].contains("RÉSOLUTION 130 (Rév. Busan, 2014)"));
    assert!(dom.contains("proposed, not an outcome"));
}

#[test]
fn the_search_page_in_a_browser_finds_the_phrase_in_b_67_4() {
    let (dom, console) = dump_dom("search.html?q=s%C3%A9curit%C3%A9%20d%C3%A8s%20la%20conception");
    assert!(console.is_empty(), "console: {console:?}");
    let results = dom.find("<ol id=\"results\"").expect("a results list");
    let results = &dom[results..];
    assert!(
        results.contains("Resolution 130 (PP) at B/67/4"),
        "{results}"
    );
    assert!(results.contains("proposed, not an outcome"));
    assert!(results.contains("href=\"pp/resolution-130.html#v-B-67-4\""));
}

#[test]
fn no_page_logs_to_the_browser_console() {
    for page in [
        "pp-2018-dubai.html",
        "proposals/pp-2018-dubai-67.html",
        "wtdc/resolution-69.html",
        "search.html",
    ] {
        let (dom, console) = dump_dom(page);
        assert!(dom.contains("</main>"), "{page} did not render");
        assert!(console.is_empty(), "{page}: {console:?}");
    }
}

#[test]
fn screenshots_of_the_index_and_of_resolution_130_are_taken() {
    let dir = common::scratch_dir("site-screenshots");
    for (page, shot) in [
        ("index.html", "site-index.png"),
        ("pp/resolution-130.html", "site-resolution-130.png"),
    ] {
        let url = format!("file://{}/{page}", site().1.display());
        let out = dir.join(shot);
        browse(
            &[
                &format!("--screenshot={}", out.display()),
                "--window-size=1280,1600",
            ],
            &url,
        );
        let png = std::fs::read(&out).expect("the screenshot is written");
        assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "{shot}");
    }
}

#[test]
fn the_index_labels_each_title_with_the_language_titles_keep_it_in() {
    let index = std::fs::read_to_string(site().1.join("index.html")).expect("the index");
    let lang_of = |name: &str| -> String {
        let at = index
            .find(&format!(">{name}</a></th>"))
            .unwrap_or_else(|| panic!("a row for {name}"));
        let row = &index[index[..at].rfind("<tr data-lang=\"").expect("its row")..];
        row["<tr data-lang=\"".len()..]
            .split('"')
            .next()
            .expect("a language")
            .to_string()
    };
    // 71: the latest title is Dubai 2018's, from the English outcomes list; 14: only the seed's
    // French one is known.
    assert_eq!(lang_of("Resolution 71"), "en");
    assert_eq!(lang_of("Resolution 14"), "fr");
    assert_eq!(lang_of("Decision 5"), "en");
}

#[test]
fn a_draft_known_only_from_its_proposal_shows_the_proposal_s_title_as_such() {
    let index = std::fs::read_to_string(site().1.join("index.html")).expect("the index");
    let at = index
        .find(">Draft resolution [B-1]</a></th>")
        .expect("a row for [B-1]");
    let row = &index[at..at + index[at..].find("</tr>").expect("the row ends")];
    assert!(row.contains("(the title proposed by B/67/5)"), "{row}");
}

#[test]
fn every_akn_file_of_the_site_validates_and_is_linked_from_a_page() {
    let (_, site) = site();
    let all = files(site);
    let xml: Vec<&PathBuf> = all
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    let amendments = xml.iter().filter(|p| p.starts_with("proposals")).count();
    // The five proposals of B/67, and each version with a text, where a conference brought it:
    // Resolutions 14 and 128 at Antalya, 71 and 130 at Busan (an unchanged text at a later
    // conference is the same version).
    assert_eq!(amendments, 5);
    assert_eq!(xml.len() - amendments, 4, "{xml:?}");
    let linked: BTreeSet<PathBuf> = all
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .flat_map(|(p, bytes)| {
            let dir = p.parent().unwrap_or(Path::new("")).to_path_buf();
            references(&String::from_utf8_lossy(bytes))
                .into_iter()
                .filter(|r| r.ends_with(".xml"))
                .map(move |r| {
                    let mut t = dir.clone();
                    for part in r.split('/') {
                        match part {
                            ".." => {
                                t.pop();
                            }
                            p => t.push(p),
                        }
                    }
                    t
                })
        })
        .collect();
    for file in &xml {
        assert!(
            linked.contains(*file),
            "{} is linked from no page",
            file.display()
        );
    }
    let paths: Vec<PathBuf> = xml.iter().map(|p| site.join(p)).collect();
    super::akn_out::validate(&paths);
}

#[test]
fn a_version_without_a_text_is_listed_and_said_not_exported() {
    let (_, site) = site();
    let page = std::fs::read_to_string(site.join("pp/resolution-130.html")).expect("the page");
    assert!(page.contains("pp-2014-busan.fr.xml"));
    assert!(page.contains("not exported to Akoma Ntoso"));
    assert!(!site.join("pp/resolution-130/pp-2018-dubai.fr.xml").exists());
}

#[test]
fn the_site_reports_its_progress_through_the_library_callback() {
    let (repo, _) = site();
    let history = actes::history::read::History::open(repo).expect("the history opens");
    let records = actes::lineage::load::load(repo).expect("the records load");
    let lineage = actes::lineage::Lineage::from_all(&records);
    let mut seen = Vec::new();
    let mut progress = |p: actes::site::Progress| seen.push(p);
    actes::site::gather_with(&history, &lineage, Some(&mut progress)).expect("the site gathers");
    let total = lineage.instruments().count();
    assert_eq!(seen.len(), total + 1);
    assert_eq!(
        seen.last(),
        Some(&actes::site::Progress::Instruments { done: total, total })
    );
}

#[test]
fn a_quiet_or_piped_site_draws_no_progress_bar() {
    let dir = common::scratch_dir("site-quiet");
    let repo = dir.join("h.git");
    let repo = repo.to_str().expect("a UTF-8 path");
    for quiet in [true, false] {
        let out = dir.join(format!("site-{quiet}"));
        let mut args = vec!["--repo", repo, "site", out.to_str().expect("a UTF-8 path")];
        if quiet {
            args.insert(0, "--quiet");
        }
        let run = common::actes(&args);
        assert_eq!(run.code, Some(0), "{}", run.snapshot());
        assert!(!run.stderr.contains('\r'), "no bar: {:?}", run.stderr);
        if quiet {
            assert_eq!(run.stderr, "");
        }
    }
}
