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
fn the_text_view_marks_proposals_as_not_adopted() {
    let blame = attribute(&[
        conference("pp-2014", &["H", "a)\tone", "b)\ttwo"]),
        proposal("B/67/4", &["H", "a)\tzero", "b)\tone", "c)\ttwo"]),
    ])
    .expect("blame");
    let text = actes::blame::render::to_text(&blame, "pp resolution 1, fr");
    assert!(
        text.contains("B/67/4 (proposal to pp-2018-dubai: proposed, not adopted)"),
        "{text}"
    );
    assert!(text.contains("renumbered a) -> b) by B/67/4"), "{text}");
    let html = actes::blame::html::to_html(&blame, "pp resolution 1, fr");
    assert!(html.contains("class=\"line proposed\""), "{html}");
    assert!(html.contains("proposed, not adopted"), "{html}");
}
