//! Languages as first-class: `--lang fr|en|es` chooses the titles and the words of `table`,
//! `lineage`, `in-force` and `suppressed`; a title missing in that language falls back visibly to
//! another language's; JSON carries every known title with its version and language; a revision
//! mark carries the catalogue's conference id.

use serde_json::Value;

use crate::common::actes;

/// The PP table in a language, as JSON.
fn table(lang: &str) -> Value {
    let run = actes(&["table", "--lang", lang, "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the table is JSON")
}

/// The row of an instrument (`resolution`, 14).
fn row<'a>(table: &'a Value, kind: &str, number: u64) -> &'a Value {
    table["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["instrument"]["kind"] == kind && r["instrument"]["number"] == number)
        .unwrap_or_else(|| panic!("a row for {kind} {number}"))
}

fn title(row: &Value) -> (&str, &str, bool, &str) {
    let t = &row["title"];
    (
        t["text"].as_str().expect("a title text"),
        t["language"].as_str().expect("a title language"),
        t["fallback"].as_bool().expect("a fallback flag"),
        t["conference"].as_str().expect("the title's version"),
    )
}

#[test]
fn the_french_table_titles_14_71_128_and_130_in_french_as_last_adopted() {
    let fr = table("fr");
    assert_eq!(fr["language"], "fr");
    for n in [14, 71, 128, 130] {
        let (_, language, fallback, _) = title(row(&fr, "resolution", n));
        assert_eq!((language, fallback), ("fr", false), "resolution {n}");
    }
    // 71: the Busan title (the plan for 2016-2019), not the 2020-2023 title that Brazil's
    // proposal B/67/2 gives: a proposed title is the proposal's.
    let (text, _, _, version) = title(row(&fr, "resolution", 71));
    assert!(text.contains("2016-2019"), "{text}");
    assert_eq!(version, "pp-2014-busan");
    assert_eq!(row(&fr, "resolution", 71)["name"], "Résolution 71 (PP)");
}

#[test]
fn the_french_table_marks_the_titles_it_knows_only_in_english() {
    let fr = table("fr");
    let (text, language, fallback, _) = title(row(&fr, "decision", 5));
    assert_eq!((language, fallback), ("en", true));
    assert!(text.starts_with("Revenue and expenses"), "{text}");
    let csv = actes(&["table", "--lang", "fr", "--format", "csv"]).stdout;
    assert!(
        csv.contains("\nDécision 5,[en] Revenue and expenses"),
        "{csv}"
    );
    assert!(csv.contains("\nRésolution 14,Reconnaissance"), "{csv}");
}

#[test]
fn the_english_table_titles_in_english_and_marks_the_french_ones() {
    let en = table("en");
    let (text, language, fallback, version) = title(row(&en, "resolution", 71));
    assert_eq!(
        (language, fallback, version),
        ("en", false, "pp-2018-dubai")
    );
    assert!(text.contains("2020-2023"), "{text}");
    for n in [128, 130] {
        let (_, language, fallback, _) = title(row(&en, "resolution", n));
        assert_eq!((language, fallback), ("en", false), "resolution {n}");
    }
    // 14 was not revised at Dubai 2018: only the seed's French title is known.
    let (_, language, fallback, _) = title(row(&en, "resolution", 14));
    assert_eq!((language, fallback), ("fr", true));
    let csv = actes(&["table", "--lang", "en", "--format", "csv"]).stdout;
    assert!(csv.contains("\nResolution 14,[fr] Reconnaissance"), "{csv}");
    assert!(csv.contains("\nDecision 5,Revenue and expenses"), "{csv}");
}

#[test]
fn the_json_table_carries_every_known_title_with_its_version_and_language() {
    let en = table("en");
    let titles = row(&en, "resolution", 71)["titles"]
        .as_array()
        .expect("the known titles");
    let known: Vec<(&str, &str, Option<&str>)> = titles
        .iter()
        .map(|t| {
            (
                t["language"].as_str().expect("a language"),
                t["conference"].as_str().expect("a version"),
                t["proposal"].as_str(),
            )
        })
        .collect();
    assert!(known.contains(&("fr", "pp-2014-busan", None)), "{known:?}");
    assert!(known.contains(&("en", "pp-2018-dubai", None)), "{known:?}");
    // The proposal's title is listed as the proposal's.
    assert!(
        known.contains(&("fr", "pp-2018-dubai", Some("B/67/2"))),
        "{known:?}"
    );
    // The same whatever the language asked for.
    assert_eq!(
        row(&table("fr"), "resolution", 71)["titles"],
        row(&en, "resolution", 71)["titles"]
    );
}

#[test]
fn the_spanish_table_falls_back_visibly_everywhere() {
    let es = table("es");
    let rows = es["rows"].as_array().expect("rows");
    let titled: Vec<&Value> = rows.iter().filter(|r| !r["title"].is_null()).collect();
    assert!(titled.len() > 10, "{}", titled.len());
    for r in &titled {
        assert_eq!(r["title"]["fallback"], true, "{r}");
        assert_ne!(r["title"]["language"], "es", "{r}");
    }
    assert_eq!(row(&es, "resolution", 14)["name"], "Resolución 14 (PP)");
    let csv = actes(&["table", "--lang", "es", "--format", "csv"]).stdout;
    let mut marked = 0;
    for line in csv.lines().skip(1) {
        let title = line.split_once(',').map_or("", |(_, rest)| rest);
        let title = title.trim_start_matches('"');
        if !title.starts_with(',') {
            assert!(title.starts_with('['), "{line}");
            marked += 1;
        }
    }
    assert_eq!(marked, titled.len());
}

#[test]
fn names_and_revision_marks_follow_the_language() {
    let fr = actes(&["lineage", "14", "--lang", "fr"]).stdout;
    assert!(fr.starts_with("Résolution 14 (PP): Reconnaissance"), "{fr}");
    assert!(fr.contains("(Rév. Antalya, 2006)"), "{fr}");
    let en = actes(&["lineage", "14", "--lang", "en"]).stdout;
    assert!(
        en.starts_with("Resolution 14 (PP): [fr] Reconnaissance"),
        "{en}"
    );
    assert!(en.contains("(Rev. Antalya, 2006)"), "{en}");
    let es = actes(&["in-force", "--at", "busan 2014", "--lang", "es"]).stdout;
    assert!(
        es.contains("Resolución 14 (PP)   Rev. Antalya, 2006"),
        "{es}"
    );
    let sup = actes(&["suppressed", "128", "--lang", "fr"]).stdout;
    assert!(
        sup.starts_with("Résolution 128 (PP) suppressed at Dubaï, 2018"),
        "{sup}"
    );
    assert!(sup.contains("  title: Soutien au Programme"), "{sup}");
}

#[test]
fn a_revision_mark_carries_the_conference_it_names() {
    let run = actes(&["lineage", "130", "--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let proposed = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["proposal"]["id"] == "B/67/4")
        .expect("the step of B/67/4");
    // The proposal writes the place `DUBAÏ`; the id joins it to the catalogue.
    assert_eq!(proposed["revision"]["place"], "DUBAÏ");
    assert_eq!(proposed["revision"]["conference"], "pp-2018-dubai");
}

#[test]
fn a_language_that_is_not_one_of_the_texts_is_refused() {
    for command in ["table", "lineage 14", "in-force", "suppressed"] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.extend(["--lang", "de"]);
        let run = actes(&args);
        assert_eq!(run.code, Some(2), "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains("`de` is not a language of the texts"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn show_and_blame_without_a_text_in_that_language_say_which_languages_there_are() {
    // Busan 2014's text of 130 is the seed's French one; no English text is given there, and no
    // other language's text stands in for it.
    for command in ["show", "blame"] {
        let run = actes(&[command, "130", "--at", "busan 2014", "--lang", "en"]);
        assert_eq!(run.code, Some(2), "{command}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("has no en text at busan 2014; the texts there are in: fr"),
            "{command}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{command}: {}", run.stdout);
    }
}
