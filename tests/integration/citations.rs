//! Citations found in the seed's old and new texts: which body, which number, which revision, on
//! which side, and where.

use actes::model::{Body, Citation, InstrumentKind, Side};
use actes::reader::Proposal;
use actes::text::fold;

use crate::common::{proposal, seed_document as seed};

fn citing(p: &Proposal, body: Body, number: u32) -> Vec<&Citation> {
    p.citations
        .iter()
        .filter(|c| c.cited.body == body && c.cited.number == Some(number))
        .collect()
}

fn revision_of(c: &Citation) -> Option<(String, i32)> {
    c.revision.as_ref().map(|r| (fold(&r.place), r.year))
}

#[test]
fn wtdc_resolution_69_is_cited_as_dubai_2014_before_and_buenos_aires_2017_after() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let cited = citing(p, Body::Wtdc, 69);
    let in_rappelant_j: Vec<&&Citation> = cited
        .iter()
        .filter(|c| c.section.as_deref() == Some("rappelant") && c.label.as_deref() == Some("j)"))
        .collect();
    assert_eq!(in_rappelant_j.len(), 2, "{in_rappelant_j:?}");
    let old = in_rappelant_j
        .iter()
        .find(|c| c.side == Side::Old)
        .expect("an old citation");
    let new = in_rappelant_j
        .iter()
        .find(|c| c.side == Side::New)
        .expect("a new citation");
    assert_eq!(revision_of(old), Some(("dubai".into(), 2014)));
    assert_eq!(revision_of(new), Some(("buenos aires".into(), 2017)));
    assert_eq!(old.line, new.line);
    assert_eq!(old.as_written, "Résolution 69 (Rév. Dubaï, 2014)");
}

#[test]
fn pp_resolution_181_is_cited_as_revised_at_guadalajara_2010() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let cited = citing(p, Body::Pp, 181);
    assert_eq!(cited.len(), 1);
    let c = cited[0];
    assert_eq!(c.cited.kind, InstrumentKind::Resolution);
    assert_eq!(c.side, Side::Both);
    assert_eq!(revision_of(c), Some(("guadalajara".into(), 2010)));
    assert!(c.revision.as_ref().is_some_and(|r| r.revised));
    assert_eq!(c.line, 87);
}

#[test]
fn council_resolution_1305_is_cited() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let cited = citing(p, Body::Council, 1305);
    assert!(cited
        .iter()
        .any(|c| c.line == 92 && c.label.as_deref() == Some("k)")));
    assert!(cited.iter().all(|c| c.revision.is_none()));
}

#[test]
fn un_general_assembly_resolution_70_125_is_cited_with_its_session() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let cited = citing(p, Body::UnGa, 125);
    assert!(!cited.is_empty());
    assert!(cited.iter().all(|c| c.cited.session == Some(70)));
    // Only the new text of Résolution 130 cites it.
    assert!(cited.iter().all(|c| c.side == Side::New));
    let draft = proposal(doc, "B/67/5");
    let a_res = citing(draft, Body::UnGa, 125);
    assert_eq!(a_res.len(), 1);
    assert_eq!(a_res[0].as_written, "Résolution A/RES/70/125");
}

#[test]
fn the_wtpf_opinion_4_is_cited_as_an_opinion() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let cited = citing(p, Body::Wtpf, 4);
    assert_eq!(cited.len(), 1);
    assert_eq!(cited[0].cited.kind, InstrumentKind::Opinion);
    assert_eq!(revision_of(cited[0]), Some(("lisbonne".into(), 2009)));
}

#[test]
fn decision_5_is_cited_with_its_old_and_new_revision() {
    let doc = seed();
    let p = proposal(doc, "B/67/2");
    let cited: Vec<&Citation> = p
        .citations
        .iter()
        .filter(|c| c.cited.kind == InstrumentKind::Decision && c.cited.number == Some(5))
        .filter(|c| c.line == 43)
        .collect();
    assert_eq!(cited.len(), 2);
    assert!(cited.iter().all(|c| c.cited.body == Body::Pp));
    assert!(cited
        .iter()
        .any(|c| c.side == Side::Old && revision_of(c) == Some(("busan".into(), 2014))));
    assert!(cited
        .iter()
        .any(|c| c.side == Side::New && revision_of(c) == Some(("dubai".into(), 2018))));
}

#[test]
fn wtsa_resolutions_under_the_wtsa_results_take_the_body_of_their_parent_item() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    // reconnaissant i) "les résultats pertinents de l'AMNT-12, et en particulier:" then i) and ii).
    let on_118: Vec<&Citation> = p.citations.iter().filter(|c| c.line == 118).collect();
    assert!(!on_118.is_empty());
    assert!(on_118
        .iter()
        .all(|c| c.cited.body == Body::Wtsa && c.cited.number == Some(50)));
    let on_119: Vec<&Citation> = p.citations.iter().filter(|c| c.line == 119).collect();
    assert!(on_119
        .iter()
        .all(|c| c.cited.body == Body::Wtsa && c.cited.number == Some(52)));
    assert!(!on_119.is_empty());
}

#[test]
fn plural_citations_give_one_citation_per_number_with_the_shared_revision() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let line_139: Vec<&Citation> = p.citations.iter().filter(|c| c.line == 139).collect();
    let numbers: Vec<(Body, u32)> = line_139
        .iter()
        .map(|c| (c.cited.body, c.cited.number.expect("numbered")))
        .collect();
    assert!(numbers.contains(&(Body::Wtdc, 45)));
    assert!(numbers.contains(&(Body::Wtdc, 69)));
    for n in [50, 52, 58] {
        let c = line_139
            .iter()
            .find(|c| c.cited.number == Some(n))
            .expect("each number of the plural form");
        assert_eq!(revision_of(c), Some(("dubai".into(), 2012)));
    }
}

#[test]
fn a_citation_whose_body_cannot_be_decided_is_reported() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    // `Résolutions 50, 52 et 58 (Rév. Dubaï, 2012)` under *ayant à l'esprit*: WTSA and WCIT both
    // met at Dubai in 2012 and no body is named.
    let report = p
        .uncertain
        .iter()
        .find(|u| u.what == "citation-body" && u.line == 139)
        .expect("reported");
    assert!(report.readings.iter().any(|r| r.starts_with("wtsa")));
    assert!(report.readings.iter().any(|r| r.starts_with("wcit")));
}

#[test]
fn a_citation_unchanged_on_both_sides_is_given_once() {
    let doc = seed();
    let p = proposal(doc, "B/67/4");
    let on_86: Vec<&Citation> = p.citations.iter().filter(|c| c.line == 86).collect();
    assert_eq!(on_86.len(), 1);
    assert_eq!(on_86[0].side, Side::Both);
    assert_eq!(on_86[0].cited.number, Some(174));
    assert_eq!(on_86[0].cited.body, Body::Pp);
}
