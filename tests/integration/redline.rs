//! The old and the new texts rebuilt from the seed's flattened tracked changes: revision marks,
//! year ranges, label pairs, whole paragraphs inserted or deleted, words run together, and what is
//! reported as unsettled.

use actes::model::{Change, Completeness, InstrumentText, Paragraph, Section};
use actes::reader::redline::{reconstruct, Lexicon};
use actes::reader::{read_raw_document, Action, Proposal};
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
    assert_eq!(
        labels(old, |p| p.change != Change::Uncertain),
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
        .all(|p| p.change == Change::Inserted));
}

#[test]
fn reconstruct_is_deterministic() {
    let raw = read_raw_document(SEED_NAME, &common::seed_bytes()).expect("the seed reads");
    let lexicon = Lexicon::from_texts(raw.text.lines());
    for p in &raw.proposals {
        let a = reconstruct(&p.instrument, p.action, &lexicon);
        let b = reconstruct(&p.instrument, p.action, &lexicon);
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
        let r = reconstruct(&p.instrument, p.action, &lexicon);
        assert_eq!(
            r.citations,
            actes::reader::citations::extract(r.old.as_ref(), r.new.as_ref())
        );
    }
}
