//! The old and the new texts rebuilt from the seed's flattened tracked changes: revision marks,
//! year ranges, label pairs, whole paragraphs inserted or deleted, words run together, and what is
//! reported as unsettled.

use actes::model::{Change, Completeness, InstrumentText, Paragraph, Section};
use actes::reader::redline::{reconstruct, Lexicon};
use actes::reader::{read_document, read_raw_document, Action, Document, Proposal};
use actes::text::fold;

use crate::common::{self, proposal, seed_document as seed, SEED_NAME};

fn old_of(p: &Proposal) -> &InstrumentText {
    p.old.as_ref().expect("the proposal has an old text")
}

fn new_of(p: &Proposal) -> &InstrumentText {
    p.new.as_ref().expect("the proposal has a new text")
}

fn section<'a>(text: &'a InstrumentText, heading: &str) -> &'a Section {
    text.sections
        .iter()
        .find(|s| s.heading == heading)
        .unwrap_or_else(|| panic!("no section {heading}"))
}

fn labels(section: &Section, keep: impl Fn(&Paragraph) -> bool) -> Vec<&str> {
    section
        .paragraphs
        .iter()
        .filter(|p| keep(p))
        .filter_map(|p| p.label.as_deref())
        .collect()
}

fn paragraph<'a>(section: &'a Section, label: &str) -> &'a Paragraph {
    section
        .paragraphs
        .iter()
        .find(|p| p.label.as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no paragraph {label} under {}", section.heading))
}

const BDT: &str = "charge le Directeur du Bureau de développement des télécommunications";

#[test]
fn resolution_14_was_revised_at_antalya_2006_and_is_proposed_as_revised_at_dubai_2018() {
    let doc = seed();
    let p = proposal(doc, "B/67/1");
    let old = old_of(p).revision.as_ref().expect("old revision");
    let new = new_of(p).revision.as_ref().expect("new revision");
    assert_eq!(
        (fold(&old.place), old.year, old.revised),
        ("antalya".into(), 2006, true)
    );
    assert_eq!(
        (fold(&new.place), new.year, new.revised),
        ("dubai".into(), 2018, true)
    );
    assert_eq!(old_of(p).header, "RÉSOLUTION 14 (Rév. Antalya, 2006)");
    assert!(old_of(p)
        .formula
        .as_deref()
        .is_some_and(|f| f.ends_with("(Antalya, 2006),")));
    assert!(new_of(p)
        .formula
        .as_deref()
        .is_some_and(|f| f.ends_with("(Dubaï, 2018),")));
}

#[test]
fn resolution_71_title_covers_2016_2019_before_and_2020_2023_after() {
    let doc = seed();
    let p = proposal(doc, "B/67/2");
    assert_eq!(
        old_of(p).title,
        "Plan stratégique de l'Union pour la période 2016-2019"
    );
    assert_eq!(
        new_of(p).title,
        "Plan stratégique de l'Union pour la période 2020-2023"
    );
}

#[test]
fn resolution_130_considerant_has_old_items_a_to_j_and_new_items_a_to_k() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old = section(old_of(p), "considérant");
    let new = section(new_of(p), "considérant");
    // k) is the paragraph whose presence in the old text the labels leave open; other
    // paragraphs may be unsettled for what their words say, not for their place.
    let placed_doubtfully: Vec<u32> = p
        .uncertain
        .iter()
        .filter(|u| u.what == "paragraph-presence")
        .map(|u| u.line)
        .collect();
    assert_eq!(
        labels(old, |p| !placed_doubtfully.contains(&p.lines.first)),
        ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)"]
    );
    assert_eq!(
        labels(new, |_| true),
        ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)", "j)", "k)"]
    );
}

#[test]
fn resolution_130_old_considerant_a_is_the_wsis_event_and_new_a_the_un_resolution() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old_a = paragraph(section(old_of(p), "considérant"), "a)");
    let new_a = paragraph(section(new_of(p), "considérant"), "a)");
    assert!(old_a
        .text
        .starts_with("que la Manifestation de haut niveau SMSI+10"));
    assert_eq!(old_a.change, Change::Deleted);
    assert!(new_a
        .text
        .starts_with("qu'aux termes de la Résolution 70/125"));
    assert_eq!(new_a.change, Change::Inserted);
}

#[test]
fn resolution_130_old_considerant_h_on_cyberthreats_is_deleted() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old_h = paragraph(section(old_of(p), "considérant"), "h)");
    assert!(old_h.text.starts_with("que les cybermenaces"));
    assert_eq!(old_h.change, Change::Deleted);
    let new = section(new_of(p), "considérant");
    assert!(!new
        .paragraphs
        .iter()
        .any(|p| p.text.starts_with("que les cybermenaces")));
}

#[test]
fn resolution_130_new_considerant_i_and_j_are_inserted() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let new = section(new_of(p), "considérant");
    assert_eq!(paragraph(new, "i)").change, Change::Inserted);
    assert!(paragraph(new, "i)")
        .text
        .starts_with("que certaines petites et moyennes entreprises"));
    assert_eq!(paragraph(new, "j)").change, Change::Inserted);
}

#[test]
fn resolution_130_considerant_k_is_reported_as_unsettled() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let new_k = paragraph(section(new_of(p), "considérant"), "k)");
    assert_eq!(new_k.change, Change::Uncertain);
    let old_k = paragraph(section(old_of(p), "considérant"), "k)");
    assert_eq!(old_k.change, Change::Uncertain);
    let report = p
        .uncertain
        .iter()
        .find(|u| u.what == "paragraph-presence" && u.line == new_k.lines.first)
        .expect("k) is listed as unsettled with its line");
    assert_eq!(report.section.as_deref(), Some("considérant"));
    assert!(report.readings.len() >= 2);
    assert_eq!(old_of(p).completeness, Completeness::Partial);
}

#[test]
fn renumbered_considerant_items_keep_their_words_under_their_new_labels() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old_c = paragraph(section(old_of(p), "considérant"), "c)");
    let new_b = paragraph(section(new_of(p), "considérant"), "b)");
    assert_eq!(old_c.lines, new_b.lines);
    assert_eq!(old_c.text, new_b.text);
    assert!(old_c.text.starts_with("que, du fait de l'utilisation"));
}

#[test]
fn the_bdt_director_has_eight_items_before_and_ten_after() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old = section(old_of(p), BDT);
    let new = section(new_of(p), BDT);
    assert_eq!(
        labels(old, |_| true),
        ["1", "2", "3", "4", "5", "6", "7", "8"]
    );
    assert_eq!(
        labels(new, |_| true),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    );
    assert_eq!(paragraph(new, "8").change, Change::Inserted);
    assert_eq!(paragraph(new, "9").change, Change::Inserted);
    let old_8 = paragraph(old, "8");
    let new_10 = paragraph(new, "10");
    assert_eq!(old_8.lines, new_10.lines);
    assert!(old_8.text.starts_with("de faire rapport chaque année"));
}

#[test]
fn resolution_71_item_23_is_old_2_and_new_3() {
    let doc = seed();
    let p = proposal(doc, "B/67/2");
    let heading = "charge le Secrétaire général et le Comité de coordination";
    let old_2 = paragraph(section(old_of(p), heading), "2");
    let new_3 = paragraph(section(new_of(p), heading), "3");
    assert_eq!(old_2.lines, new_3.lines);
    assert!(old_2
        .text
        .starts_with("en coordination avec les Directeurs"));
    assert_eq!(
        paragraph(section(new_of(p), heading), "2").change,
        Change::Inserted
    );
}

#[test]
fn years_and_numbers_run_together_split_into_old_and_new() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old = paragraph(section(old_of(p), "reconnaissant"), "d)");
    let new = paragraph(section(new_of(p), "reconnaissant"), "d)");
    assert!(old
        .text
        .contains("la CMDT-14 a adopté la Résolution 69 (Rév. Dubaï, 2014)"));
    assert!(new
        .text
        .contains("la CMDT-17 a adopté la Résolution 69 (Rév. Buenos Aires, 2017)"));
    assert!(old.text.contains("la Résolution 58 (Rév. Dubaï, 2012)"));
    assert!(new.text.contains("la Résolution 58 (Rév. Hammamet, 2016)"));
    assert_eq!(old.change, Change::Modified);
}

#[test]
fn words_run_together_split_and_are_reported_with_both_readings() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let old = paragraph(section(old_of(p), "reconnaissant"), "c)");
    let new = paragraph(section(new_of(p), "reconnaissant"), "c)");
    assert!(old
        .text
        .contains("selon qu'il conviendra; ainsi que la CMDT-17"));
    assert!(new
        .text
        .contains("selon qu'il conviendra; et que la CMDT-17"));
    let report = p
        .uncertain
        .iter()
        .find(|u| u.what == "run-together-words" && u.excerpt == "ainsiet")
        .expect("ainsiet is reported");
    assert_eq!(report.line, old.lines.first);
    assert!(report.readings.len() >= 2);
}

#[test]
fn what_no_pattern_can_see_stays_as_written() {
    let doc = seed();
    let p = proposal(doc, "B/67/1");
    let old = &section(old_of(p), "décide").paragraphs[0];
    let new = &section(new_of(p), "décide").paragraphs[0];
    assert!(old.text.starts_with("d'inviter d'autoriser les Membres"));
    assert!(new.text.starts_with("d'inviter d'autoriser les Membres"));
    assert!(!p.uncertain.iter().any(|u| u.excerpt.contains("inviter")));
}

#[test]
fn deleted_paragraphs_are_in_the_old_text_only_and_inserted_ones_in_the_new_only() {
    let doc = seed();
    for p in doc.proposals.iter().filter(|p| p.action == Action::Mod) {
        for s in &old_of(p).sections {
            assert!(s.paragraphs.iter().all(|p| p.change != Change::Inserted));
        }
        for s in &new_of(p).sections {
            assert!(s.paragraphs.iter().all(|p| p.change != Change::Deleted));
        }
    }
}

#[test]
fn every_uncertain_paragraph_is_listed_with_its_line() {
    let doc = seed();
    for p in &doc.proposals {
        for text in p.old.iter().chain(p.new.iter()) {
            for s in &text.sections {
                for para in s
                    .paragraphs
                    .iter()
                    .filter(|x| x.change == Change::Uncertain)
                {
                    assert!(
                        p.uncertain.iter().any(|u| u.line == para.lines.first),
                        "{} line {} is uncertain but not listed",
                        p.id,
                        para.lines.first
                    );
                }
            }
        }
    }
}

#[test]
fn the_sup_gives_an_old_text_that_says_its_body_is_not_reproduced() {
    let doc = seed();
    let p = proposal(doc, "B/67/3");
    assert!(p.new.is_none());
    let old = old_of(p);
    assert_eq!(old.completeness, Completeness::Partial);
    assert!(old.notes.iter().any(|n| n.contains("not reproduced")));
    assert_eq!(old.header, "RÉSOLUTION 128 (Rév. Antalya, 2006)");
}

#[test]
fn the_draft_new_resolution_has_a_new_text_only_and_no_revision() {
    let doc = seed();
    let p = proposal(doc, "B/67/5");
    assert!(p.old.is_none());
    let new = new_of(p);
    assert_eq!(new.revision, None);
    assert!(new
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .all(|p| p.change == Change::Inserted
            || (p.change == Change::Uncertain && p.label.as_deref() == Some("e)"))));
}

#[test]
fn reconstruct_is_deterministic() {
    let raw = read_raw_document(SEED_NAME, &common::seed_bytes()).expect("the seed reads");
    let lexicon = Lexicon::from_texts(raw.text.lines());
    for p in &raw.proposals {
        let a = reconstruct(&p.instrument, p.action, &lexicon, &Default::default());
        let b = reconstruct(&p.instrument, p.action, &lexicon, &Default::default());
        assert_eq!(a, b);
    }
}

#[test]
fn how_far_run_together_words_reach_is_read_from_the_words_around_them() {
    let doc = seed();
    let p = proposal(doc, "B/67/1");
    let old = &section(old_of(p), "décide").paragraphs[0];
    let new = &section(new_of(p), "décide").paragraphs[0];
    assert!(old
        .text
        .contains("d'un consensus au sein des commissions d'études"));
    assert!(new
        .text
        .contains("d'un consensus dans le cadre des commissions d'études"));
    let p = proposal(doc, "B/67/4");
    assert!(old_of(p)
        .title
        .ends_with("des technologies de l'information et de la communication"));
    assert!(new_of(p)
        .title
        .ends_with("des technologies de l'information et de la cybersécurité"));
}

#[test]
fn reconstruct_gives_the_same_citations_as_extract() {
    let raw = read_raw_document(SEED_NAME, &common::seed_bytes()).expect("the seed reads");
    let lexicon = Lexicon::from_texts(raw.text.lines());
    for p in &raw.proposals {
        let r = reconstruct(&p.instrument, p.action, &lexicon, &Default::default());
        let openings = actes::reader::citations::Openings {
            header: p.instrument.header.lines.first,
            title: p.instrument.title.as_ref().map(|t| t.lines.first),
            formula: p.instrument.formula.as_ref().map(|f| f.lines.first),
        };
        assert_eq!(
            r.citations,
            actes::reader::citations::extract(
                r.old.as_ref(),
                r.new.as_ref(),
                Some(&openings),
                &Default::default()
            )
        );
    }
}

#[test]
fn resolution_71_body_without_its_annexes_is_partial_on_both_sides_with_a_note() {
    let p = proposal(seed(), "B/67/2");
    for text in [old_of(p), new_of(p)] {
        assert_eq!(text.completeness, Completeness::Partial);
        assert!(
            text.notes
                .iter()
                .any(|n| n.contains("annexes not reproduced") && n.contains("sans les Annexes")),
            "{:?}",
            text.notes
        );
    }
    // Résolution 130 says nothing of annexes: no such note.
    let p = proposal(seed(), "B/67/4");
    assert!(!old_of(p).notes.iter().any(|n| n.contains("annexes")));
}

/// A one-proposal document with these reasons.
fn document_with_reasons(reasons: &str) -> Document {
    let text = format!(
        "MOD\tEUR/44A7/1\nRESOLUTION 71 (Rev. Busan, 2014DUBAI, 2018)\nStrategic plan\n\
         The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014Dubai, 2018),\n\
         resolves\n1\tto adopt the strategic plan,\n{reasons}\n"
    );
    read_document("inline.txt", text.as_bytes()).expect("the document reads")
}

#[test]
fn annexes_left_out_are_noted_from_english_and_spanish_reasons_too() {
    for reasons in [
        "Reasons:\tTo modify the body of Resolution 71, without the Annexes.",
        "Reasons:\tTo modify Resolution 71 excluding the annexes.",
        "Motivos:\tModificar la Resolución 71, sin los Anexos.",
    ] {
        let doc = document_with_reasons(reasons);
        let new = doc.proposals[0].new.as_ref().expect("a new text");
        assert_eq!(new.completeness, Completeness::Partial, "{reasons}");
        assert!(new
            .notes
            .iter()
            .any(|n| n.contains("annexes not reproduced")));
    }
    let doc = document_with_reasons("Reasons:\tTo update the annexes of Resolution 71.");
    let new = doc.proposals[0].new.as_ref().expect("a new text");
    assert_eq!(new.completeness, Completeness::Complete);
}

#[test]
fn resolution_71_nested_list_under_new_item_4_runs_i_ii_iii_on_each_side_with_the_pair_uncertain() {
    let p = proposal(seed(), "B/67/2");
    let heading = "charge le Secrétaire général et le Comité de coordination";
    for text in [old_of(p), new_of(p)] {
        let romans: Vec<(&str, Change)> = section(text, heading)
            .paragraphs
            .iter()
            .filter(|q| q.depth > 0)
            .map(|q| (q.label.as_deref().unwrap_or(""), q.change))
            .collect();
        assert_eq!(
            romans.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            ["i)", "ii)", "iii)"]
        );
        // `iiiii)` is not settled by the data: it stays marked uncertain.
        assert_eq!(romans[2].1, Change::Uncertain);
    }
    let pair = p
        .uncertain
        .iter()
        .find(|u| u.excerpt.starts_with("iiiii)"))
        .expect("the label pair is reported");
    assert_eq!(pair.readings.len(), 2, "{:?}", pair.readings);
}

#[test]
fn no_list_of_any_seed_text_shows_the_same_label_twice_in_a_row() {
    for p in &seed().proposals {
        for text in [p.old.as_ref(), p.new.as_ref()].into_iter().flatten() {
            for s in &text.sections {
                // The last label at each depth under the current parent.
                let mut last: Vec<Option<&str>> = Vec::new();
                for q in &s.paragraphs {
                    let depth = usize::from(q.depth);
                    last.truncate(depth + 1);
                    last.resize(depth + 1, None);
                    // Bullets (`–`, `•`) repeat by design.
                    let numbered = q
                        .label
                        .as_deref()
                        .filter(|l| l.chars().any(char::is_alphanumeric));
                    if let Some(label) = numbered {
                        assert_ne!(
                            last[depth],
                            Some(label),
                            "{} {}: {label} twice on line {}",
                            p.id,
                            s.heading,
                            q.lines.first
                        );
                        last[depth] = Some(label);
                    }
                }
            }
        }
    }
}

#[test]
fn resolution_130_activitesafin_keeps_activites_and_inserts_the_rest_as_uncertain() {
    let p = proposal(seed(), "B/67/4");
    let line_98 = |text: &InstrumentText| -> String {
        section(text, "considérant")
            .paragraphs
            .iter()
            .find(|q| q.lines.first == 98)
            .map(|q| q.text.clone())
            .expect("considérant dc) is on line 98")
    };
    let old = line_98(old_of(p));
    let new = line_98(new_of(p));
    assert!(
        old.ends_with("ont été invités à participer à leurs activités;"),
        "{old}"
    );
    assert!(
        new.contains(
            "à participer à leurs activités afin de collaborer dans le cadre du Programme"
        ),
        "{new}"
    );
    // No side reads a junction that no one wrote.
    assert!(!old.contains("activités de collaborer"), "{old}");
    assert!(!new.contains("leurs afin"), "{new}");
    let finding = p
        .uncertain
        .iter()
        .find(|u| u.line == 98 && u.what == "run-together-words")
        .expect("the split is reported as unsettled");
    assert!(finding.readings.len() >= 3, "{:?}", finding.readings);
    assert!(finding.readings.iter().any(|r| r.contains("word for word")));
}

#[test]
fn citations_in_a_title_and_a_section_heading_are_found_with_their_lines() {
    let text = "ADD\tEUR/44A7/2\nDRAFT NEW RESOLUTION [EUR-1]\n\
                Implementation of Resolution 1305 of the Council\n\
                The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\
                resolves, in accordance with Resolution 71 (Rev. Busan, 2014) of this Conference\n\
                1\tto act,\n\
                Reasons:\tTo act.\n";
    let doc = read_document("inline.txt", text.as_bytes()).expect("the document reads");
    let citations = &doc.proposals[0].citations;
    let at = |number: u32| {
        citations
            .iter()
            .find(|c| c.cited.number == Some(number))
            .unwrap_or_else(|| panic!("Resolution {number} is cited: {citations:?}"))
    };
    let title = at(1305);
    assert_eq!(
        (title.line, title.cited.body),
        (3, actes::model::Body::Council)
    );
    assert_eq!(title.section, None);
    let heading = at(71);
    assert_eq!(
        (heading.line, heading.cited.body),
        (5, actes::model::Body::Pp)
    );
    // The draft's own header is not a citation of itself.
    assert!(citations.iter().all(|c| c.line != 2), "{citations:?}");
}
