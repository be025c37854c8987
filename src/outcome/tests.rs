//! Tests of the matcher on small texts written for them, in French and English, on the seed
//! document, and properties on random texts.

use super::anchors::{plain_anchors, text_anchors, Anchor, AnchorKind};
use super::equivalents::{self, heading_kind, ACRONYMS};
use super::matcher::*;
use crate::model::{
    Body, Change, Completeness, InstrumentId, InstrumentKind, InstrumentText, Language, LineSpan,
    Paragraph, Section,
};

type Item<'a> = (Option<&'a str>, &'a str, Change);

/// A text made for a test: sections of (label, text, change) items, each on its own line.
fn text(language: Language, title: &str, sections: &[(&str, &[Item<'_>])]) -> InstrumentText {
    let formula = match language {
        Language::Fr => "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),",
        Language::En => "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
        Language::Es => "La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Dubái, 2018),",
    };
    let mut line = 4;
    let sections = sections
        .iter()
        .map(|(heading, items)| {
            line += 1;
            let first = line;
            let paragraphs = items
                .iter()
                .map(|(label, t, change)| {
                    line += 1;
                    Paragraph {
                        label: label.map(str::to_string),
                        depth: 0,
                        text: (*t).to_string(),
                        footnotes: Vec::new(),
                        lines: LineSpan::line(line),
                        change: *change,
                    }
                })
                .collect();
            Section {
                heading: (*heading).to_string(),
                lines: LineSpan::new(first, line),
                paragraphs,
            }
        })
        .collect();
    InstrumentText {
        language,
        header: "RESOLUTION 999".to_string(),
        revision: None,
        title: title.to_string(),
        formula: Some(formula.to_string()),
        sections,
        completeness: Completeness::Complete,
        notes: Vec::new(),
        unsettled_openings: Vec::new(),
    }
}

fn keys(anchors: &[Anchor]) -> Vec<&str> {
    anchors.iter().map(|a| a.key.as_str()).collect()
}

const U: Change = Change::Unchanged;
const I: Change = Change::Inserted;
const D: Change = Change::Deleted;
const M: Change = Change::Modified;

#[test]
fn no_acronym_form_names_two_canonical_acronyms() {
    for a in ACRONYMS {
        for form in [a.fr, a.en, a.es] {
            assert_eq!(
                equivalents::canonical_acronym(form).0,
                a.en,
                "{form} is read as another row's acronym"
            );
        }
    }
}

#[test]
fn french_english_and_spanish_acronyms_meet_in_their_english_form() {
    let fr = keys(&plain_anchors(
        "suivi du SMSI+10, des PME, de l'UIT-T et de l'UITD, la CMDT-17 et le GTC-Internet",
    ))
    .join(" ");
    let en = keys(&plain_anchors(
        "follow-up of WSIS+10, SMEs, ITU-T and ITU-D, WTDC-17 and CWG-Internet",
    ))
    .join(" ");
    let es = keys(&plain_anchors(
        "seguimiento de la CMSI+10, las PYME, el UIT-T y el UIT-D, la CMDT-17 y el GTC-Internet",
    ))
    .join(" ");
    assert_eq!(
        fr,
        "acr:WSIS+10 acr:SME acr:ITUT acr:ITUD acr:WTDC-17 acr:CWG-INTERNET"
    );
    assert_eq!(en, fr);
    assert_eq!(es, fr);
}

#[test]
fn numbers_years_and_names_are_read_but_not_words_opening_a_sentence() {
    let anchors = plain_anchors(
        "Selon le paragraphe 15 de l'Engagement de Tunis, pour la période 2020-2023, la Question 3/2 et la Recommandation UIT-T D.262 de Genève.",
    );
    let found = keys(&anchors);
    for key in [
        "num:15",
        "name:tunis",
        "year:2020",
        "year:2023",
        "num:3/2",
        "num:d.262",
        "name:geneve",
        "name:engagement",
    ] {
        assert!(found.contains(&key), "{key} missing from {found:?}");
    }
    assert!(!found.contains(&"name:selon"), "{found:?}");
    assert!(!found.contains(&"name:question"), "{found:?}");
    assert!(!found.contains(&"name:recommandation"), "{found:?}");
}

#[test]
fn a_citation_gives_the_instrument_and_its_revision_and_its_numbers_are_not_read_again() {
    let t = text(
        Language::Fr,
        "Essai",
        &[("rappelant", &[(Some("a)"), "la Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT et la Résolution 70/125 de l'Assemblée générale des Nations Unies;", U)])],
    );
    let read = text_anchors(&t);
    let found = keys(&read.paragraphs[0].anchors);
    assert!(found.contains(&"cite:wtdc resolution 69"), "{found:?}");
    assert!(found.contains(&"rev:wtdc resolution 69 2017"), "{found:?}");
    assert!(found.contains(&"num:70/125"), "{found:?}");
    assert!(!found.contains(&"year:2017"), "{found:?}");
    assert!(!found.contains(&"num:69"), "{found:?}");
    let un = read.paragraphs[0]
        .anchors
        .iter()
        .find(|a| a.key == "num:70/125")
        .expect("found");
    assert_eq!(un.kind, AnchorKind::UnResolution);
}

#[test]
fn headings_have_the_same_kind_in_every_language() {
    assert_eq!(heading_kind("considérant").as_deref(), Some("considering"));
    assert_eq!(
        heading_kind("considering further").as_deref(),
        Some("considering-further")
    );
    assert_eq!(
        heading_kind("considérant en outre").as_deref(),
        Some("considering-further")
    );
    assert_eq!(
        heading_kind("charge le Secrétaire général").as_deref(),
        Some("instructs")
    );
    assert_eq!(
        heading_kind("instructs the Secretary-General").as_deref(),
        Some("instructs")
    );
    assert_eq!(
        heading_kind("encarga al Secretario General").as_deref(),
        Some("instructs")
    );
    assert_eq!(
        heading_kind("prie instamment les Etats Membres").as_deref(),
        Some("urges")
    );
    assert_eq!(heading_kind("prie le Conseil").as_deref(), Some("requests"));
    assert_eq!(
        heading_kind("ayant à l'esprit").as_deref(),
        Some("bearing-in-mind")
    );
    assert_eq!(heading_kind("chargement"), None);
}

/// A French proposal on a made-up resolution, before and as proposed, and the English text
/// "adopted".
fn proposal_and_adopted() -> (InstrumentText, InstrumentText, InstrumentText) {
    let title_fr = "Coopération dans la lutte contre le pourriel";
    let old = text(
        Language::Fr,
        title_fr,
        &[
            (
                "rappelant",
                &[
                    (
                        Some("a)"),
                        "la Résolution 52 (Rév. Dubaï, 2012) de l'AMNT sur le pourriel;",
                        M,
                    ),
                    (
                        Some("b)"),
                        "la Résolution 57/239 de l'Assemblée générale des Nations Unies;",
                        U,
                    ),
                    (
                        Some("c)"),
                        "le rapport de 2009 du Groupe de Lisbonne sur la messagerie SMS et MMS,",
                        D,
                    ),
                ],
            ),
            (
                "décide",
                &[
                    (
                        Some("1"),
                        "de poursuivre les études de la Commission d'études 17 de l'UIT-T;",
                        U,
                    ),
                    (
                        Some("2"),
                        "de soutenir les équipes CIRT des pays en développement,",
                        U,
                    ),
                ],
            ),
            (
                "charge le Directeur du Bureau de développement des télécommunications",
                &[(
                    None,
                    "d'aider les Etats Membres, en coopération avec le BDT et IMPACT,",
                    U,
                )],
            ),
        ],
    );
    let new = text(
        Language::Fr,
        title_fr,
        &[
            (
                "rappelant",
                &[
                    (Some("a)"), "la Résolution 52 (Rév. Hammamet, 2016) de l'AMNT sur le pourriel;", M),
                    (Some("b)"), "la Résolution 57/239 de l'Assemblée générale des Nations Unies;", U),
                    (Some("c)"), "la Résolution 70/125 de l'Assemblée générale des Nations Unies sur l'examen du SMSI;", I),
                ],
            ),
            (
                "décide",
                &[
                    (Some("1"), "de poursuivre les études de la Commission d'études 17 de l'UIT-T;", U),
                    (Some("2"), "de soutenir les équipes CIRT des pays en développement;", U),
                    (Some("3"), "d'étudier les difficultés des PME face aux cyberrisques, selon la Résolution 45 (Rév. Dubaï, 2014) de la CMDT, avec le Programme 2030 de Quito,", I),
                ],
            ),
            (
                "charge le Directeur du Bureau de développement des télécommunications",
                &[
                    (Some("1"), "d'aider les Etats Membres, en coopération avec le BDT et IMPACT;", U),
                    (Some("2"), "de publier en 2019 un rapport sur la Résolution 140 (Rév. Busan, 2014) et le Forum de Chypre,", I),
                ],
            ),
        ],
    );
    let adopted = text(
        Language::En,
        "Cooperation against spam",
        &[
            (
                "recalling",
                &[
                    (Some("a)"), "Resolution 52 (Rev. Hammamet, 2016) of WTSA, on spam;", U),
                    (Some("b)"), "UN General Assembly Resolution 57/239;", U),
                    (Some("c)"), "UN General Assembly Resolution 70/125, on the overall review of WSIS,", U),
                ],
            ),
            (
                "resolves",
                &[
                    (Some("1"), "to continue the studies of ITU-T Study Group 17;", U),
                    (Some("2"), "to support the CIRTs of developing countries,", U),
                ],
            ),
            (
                "instructs the Director of the Telecommunication Development Bureau",
                &[
                    (Some("1"), "to assist Member States, in cooperation with BDT and IMPACT;", U),
                    (Some("2"), "to study the difficulties of SMEs facing cyberrisks, under Resolution 45 (Rev. Dubai, 2014) of WTDC, with the Quito 2030 Programme,", U),
                ],
            ),
        ],
    );
    (old, new, adopted)
}

fn change_at<'a>(outcome: &'a ProposalOutcome, heading: &str, label: &str) -> &'a ChangeOutcome {
    outcome
        .changes
        .iter()
        .find(|c| {
            c.change != ChangeKind::Deleted
                && c.proposed_at.heading == heading
                && c.proposed_at.label.as_deref() == Some(label)
        })
        .unwrap_or_else(|| panic!("no change at {heading} {label}: {outcome:#?}"))
}

#[test]
fn an_inserted_paragraph_whose_anchors_show_in_the_english_text_is_taken_up_and_says_where() {
    let (old, new, adopted) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &adopted);
    let c = change_at(&outcome, "rappelant", "c)");
    assert_eq!(c.change, ChangeKind::Inserted);
    assert_eq!(c.verdict, Verdict::TakenUp, "{c:#?}");
    assert_eq!(c.evidence, crate::model::EvidenceKind::Inferred);
    let matched = c.matched.as_ref().expect("matched");
    assert_eq!(
        (matched.heading.as_str(), matched.label.as_deref()),
        ("recalling", Some("c)"))
    );
    let un = c
        .anchors
        .iter()
        .find(|a| a.anchor.key == "num:70/125")
        .expect("the UN resolution");
    assert!(un.in_match);
    assert_eq!(un.found_at[0].heading, "recalling");
    assert!(c.moved.is_none());
}

#[test]
fn a_deleted_paragraph_whose_anchors_are_gone_is_taken_up() {
    let (old, new, adopted) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &adopted);
    let c = change_at(&outcome, "rappelant", "c)");
    assert_eq!(c.change, ChangeKind::Inserted);
    let d = outcome
        .changes
        .iter()
        .find(|c| c.change == ChangeKind::Deleted)
        .expect("the deletion");
    assert_eq!(d.verdict, Verdict::TakenUp, "{d:#?}");
    assert!(d.anchors.iter().all(|a| a.removed && !a.in_match));
}

#[test]
fn a_modified_citation_whose_new_revision_was_adopted_is_taken_up() {
    let (old, new, adopted) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &adopted);
    let c = change_at(&outcome, "rappelant", "a)");
    assert_eq!(c.change, ChangeKind::Modified);
    assert_eq!(c.verdict, Verdict::TakenUp, "{c:#?}");
    let keys: Vec<(&str, bool)> = c
        .anchors
        .iter()
        .map(|a| (a.anchor.key.as_str(), a.removed))
        .collect();
    assert!(
        keys.contains(&("rev:wtsa resolution 52 2016", false)),
        "{keys:?}"
    );
    assert!(
        keys.contains(&("rev:wtsa resolution 52 2012", true)),
        "{keys:?}"
    );
}

#[test]
fn an_item_adopted_under_another_heading_is_reported_as_moved() {
    let (old, new, adopted) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &adopted);
    let c = change_at(&outcome, "décide", "3");
    assert!(
        matches!(c.verdict, Verdict::TakenUp | Verdict::TakenUpInPart),
        "{c:#?}"
    );
    let moved = c.moved.as_ref().expect("moved");
    assert_eq!(moved.expected.as_deref(), Some("resolves"));
    assert_eq!(
        moved.found,
        "instructs the Director of the Telecommunication Development Bureau"
    );
    assert_eq!(outcome.tally.moved, 1);
}

#[test]
fn an_inserted_item_of_which_nothing_shows_is_not_found() {
    let (old, new, adopted) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &adopted);
    let c = change_at(
        &outcome,
        "charge le Directeur du Bureau de développement des télécommunications",
        "2",
    );
    assert_eq!(c.verdict, Verdict::NotFound, "{c:#?}");
    assert!(c.score < TAKEN_UP_IN_PART);
}

#[test]
fn a_change_with_too_few_anchors_cannot_be_told() {
    let old = text(
        Language::Fr,
        "T",
        &[("décide", &[(None, "de continuer les travaux,", D)])],
    );
    let new = text(
        Language::Fr,
        "T",
        &[("décide", &[(None, "d'encourager les études,", I)])],
    );
    let adopted = text(
        Language::En,
        "T",
        &[("resolves", &[(None, "to encourage the studies,", U)])],
    );
    let outcome = match_proposal(&old, &new, &adopted);
    assert_eq!(outcome.changes.len(), 2);
    assert!(outcome
        .changes
        .iter()
        .all(|c| c.verdict == Verdict::CannotTell && c.confidence == Confidence::Low));
    assert_eq!(outcome.score, None);
    assert_eq!(outcome.confidence, Confidence::Low);
}

#[test]
fn a_proposal_against_the_text_it_proposes_is_taken_up_in_full() {
    let (old, new, _) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &new);
    for c in &outcome.changes {
        assert_eq!(c.verdict, Verdict::TakenUp, "{c:#?}");
        assert!(c.moved.is_none(), "{c:#?}");
    }
    assert_eq!(outcome.score, Some(1.0));
}

#[test]
fn a_proposal_against_the_text_before_it_takes_up_none_of_its_insertions() {
    let (old, new, _) = proposal_and_adopted();
    let outcome = match_proposal(&old, &new, &old);
    for c in outcome
        .changes
        .iter()
        .filter(|c| c.change != ChangeKind::Modified)
    {
        assert!(
            matches!(c.verdict, Verdict::NotFound | Verdict::CannotTell),
            "{c:#?}"
        );
    }
}

fn id(n: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, n)
}

/// A handful of made-up new instruments, in English, each on its own subject.
fn new_instruments() -> Vec<(InstrumentId, InstrumentText)> {
    let made = |title: &str, items: &[Item<'_>]| text(Language::En, title, &[("resolves", items)]);
    vec![
        (
            id(901),
            made(
                "Small and medium-sized enterprises and cybersecurity",
                &[
                    (Some("1"), "to study the difficulties that SMEs meet in cybersecurity, with ITU-D Study Group 2 and Question 3/2;", U),
                    (Some("2"), "to support national CIRTs, in line with Resolution 69 (Rev. Buenos Aires, 2017) of WTDC and UN General Assembly Resolution 57/239,", U),
                ],
            ),
        ),
        (
            id(902),
            made(
                "Satellite orbit resources for equatorial countries",
                &[
                    (Some("1"), "to ask the Radiocommunication Bureau (BR) to report to WRC-23 on Article 44 of the Constitution;", U),
                    (Some("2"), "to take Resolution 2 (Rev. WRC-03) into account, as Bogotá asked in 1976,", U),
                ],
            ),
        ),
        (
            id(903),
            made(
                "Gender balance in the Union's staff",
                &[(None, "to reach parity by 2030 in the grades P.5 and above, in line with Resolution 70 (Rev. Busan, 2014) and the UN-Women system-wide action plan,", U)],
            ),
        ),
        (
            id(904),
            made(
                "Accessibility of meetings for persons with disabilities",
                &[(None, "to caption every meeting in Geneva, as Resolution 175 (Rev. Busan, 2014) and the Convention on the Rights of Persons with Disabilities ask,", U)],
            ),
        ),
    ]
}

fn candidates(list: &[(InstrumentId, InstrumentText)]) -> Vec<Candidate<'_>> {
    list.iter()
        .map(|(instrument, text)| Candidate { instrument, text })
        .collect()
}

#[test]
fn a_french_draft_ranks_first_the_english_instrument_on_its_subject() {
    let draft = text(
        Language::Fr,
        "Les PME et la cybersécurité",
        &[
            ("rappelant", &[(Some("a)"), "la Résolution 57/239 de l'Assemblée générale des Nations Unies;", I), (Some("b)"), "la Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT,", I)]),
            ("décide", &[(None, "d'étudier les difficultés des PME et des équipes CIRT, avec la Commission d'études 2 de l'UIT-D (Question 3/2),", I)]),
        ],
    );
    let list = new_instruments();
    let outcome = rank_draft(&draft, &candidates(&list));
    assert_eq!(outcome.became, Some(id(901)), "{outcome:#?}");
    assert!(outcome.ranked[0].score >= DRAFT_THRESHOLD);
    assert!(
        outcome.ranked[1..].iter().all(|r| !r.above_threshold),
        "{outcome:#?}"
    );
    let shared = keys(&outcome.ranked[0].shared);
    assert!(
        shared.contains(&"num:57/239") && shared.contains(&"acr:SME"),
        "{shared:?}"
    );
    assert_eq!(outcome.evidence, crate::model::EvidenceKind::Inferred);
}

/// The drafts (`ADD`) of a document read by the reader.
fn drafts_of(path: &str) -> Vec<InstrumentText> {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let bytes = std::fs::read(&full).expect("the file is readable");
    let doc = crate::reader::read_document(path, &bytes).expect("the document reads");
    doc.proposals
        .into_iter()
        .filter(|p| p.action == crate::reader::Action::Add)
        .filter_map(|p| p.new)
        .collect()
}

#[test]
fn the_drafts_of_the_test_fixtures_and_a_made_up_draft_link_to_no_instrument() {
    let mut drafts = drafts_of("tests/fixtures/en-proposals.txt");
    drafts.extend(drafts_of("tests/fixtures/es-proposals.txt"));
    assert_eq!(drafts.len(), 2, "one draft in each fixture");
    drafts.push(text(
        Language::Fr,
        "Protection des phares maritimes historiques",
        &[
            ("considérant", &[(Some("a)"), "que les phares de Bretagne et de Galice, bâtis entre 1850 et 1900, guident encore les navires;", I)]),
            ("décide", &[(None, "d'inventorier les phares et leurs gardiens, avec l'OMI et l'AISM,", I)]),
        ],
    ));
    let list = new_instruments();
    for draft in &drafts {
        let outcome = rank_draft(draft, &candidates(&list));
        assert_eq!(outcome.became, None, "{}: {outcome:#?}", draft.title);
        assert!(outcome.ranked.iter().all(|r| !r.above_threshold));
        assert_eq!(outcome.confidence, Confidence::Low);
    }
}

#[test]
fn an_abrogated_instrument_is_succeeded_by_the_new_one_that_cites_it_and_shares_its_subject() {
    let old = id(37);
    let abrogated_text = text(
        Language::En,
        "Small enterprises and cybersecurity",
        &[(
            "resolves",
            &[(
                None,
                "to help SMEs and national CIRTs, with UN General Assembly Resolution 57/239,",
                U,
            )],
        )],
    );
    let mut list = new_instruments();
    list[0].1.sections[0].paragraphs.push(Paragraph {
        label: Some("3".into()),
        depth: 0,
        text: "to carry on the work of Resolution 37 (Rev. Busan, 2014), which this Conference abrogates,".into(),
        footnotes: Vec::new(),
        lines: LineSpan::line(40),
        change: U,
    });
    let outcome = successors(
        &Abrogated {
            instrument: &old,
            language: Language::En,
            title: &abrogated_text.title,
            text: Some(&abrogated_text),
            citations: &[],
        },
        &candidates(&list),
    );
    assert_eq!(outcome.succeeded_by, vec![id(901)], "{outcome:#?}");
    assert!(keys(&outcome.ranked[0].shared).contains(&"cite:pp resolution 37"));
}

#[test]
fn an_abrogated_instrument_known_by_its_title_only_has_no_successor_among_unrelated_texts() {
    let old = id(128);
    let list = new_instruments();
    let outcome = successors(
        &Abrogated {
            instrument: &old,
            language: Language::Fr,
            title:
                "Soutien au Programme de connectivité pour les Amériques et Plan d'action de Quito",
            text: None,
            citations: &[],
        },
        &candidates(&list),
    );
    assert!(outcome.succeeded_by.is_empty(), "{outcome:#?}");
}

/// The seed document, read.
fn seed() -> crate::reader::Document {
    let path = "history/documents/pp-2018-dubai/67-fr.txt";
    let bytes = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("the seed is readable");
    crate::reader::read_document(path, &bytes).expect("the seed reads")
}

#[test]
fn the_new_items_of_b_67_4_carry_un_general_assembly_resolution_70_125_among_their_anchors() {
    let doc = seed();
    let p = doc
        .proposals
        .iter()
        .find(|p| p.id.to_string() == "B/67/4")
        .expect("B/67/4");
    let new = p.new.as_ref().expect("a proposed text");
    let read = text_anchors(new);
    let inserted: Vec<&Anchor> = read
        .paragraphs
        .iter()
        .filter(|q| q.change == Change::Inserted)
        .flat_map(|q| q.anchors.iter())
        .collect();
    assert!(
        inserted
            .iter()
            .any(|a| a.key == "num:70/125" && a.kind == AnchorKind::UnResolution),
        "{inserted:?}"
    );
    assert!(inserted.iter().any(|a| a.key == "acr:WSIS"), "{inserted:?}");
    // Matched against itself, every change of the proposal is taken up.
    let outcome = match_proposal(p.old.as_ref().expect("the old text"), new, new);
    assert!(outcome.changes.len() > 20, "{}", outcome.changes.len());
    assert_eq!(outcome.tally.not_found, 0, "{:#?}", outcome.tally);
    assert_eq!(outcome.tally.moved, 0, "{:#?}", outcome.tally);
}

#[test]
fn the_draft_b_1_ranks_itself_first_among_the_seed_texts() {
    let doc = seed();
    let texts: Vec<(InstrumentId, InstrumentText)> = doc
        .proposals
        .iter()
        .filter_map(|p| p.new.clone().map(|t| (p.target.clone(), t)))
        .collect();
    let draft = &texts
        .iter()
        .find(|(i, _)| i.number.is_none())
        .expect("[B-1]")
        .1;
    let outcome = rank_draft(draft, &candidates(&texts));
    assert_eq!(outcome.ranked[0].score, 1.0);
    assert_eq!(
        outcome
            .became
            .as_ref()
            .and_then(|i| i.provisional.as_deref()),
        Some("B-1")
    );
    // Resolution 130 as proposed shares its references on Internet policy (UN General Assembly
    // Resolution 70/125, Resolution 140, CWG-Internet, WSIS) and comes next; 14 and 71 are on
    // other subjects.
    let next: Vec<Option<u32>> = outcome.ranked[1..]
        .iter()
        .map(|r| r.instrument.number)
        .collect();
    assert_eq!(next[0], Some(130), "{:#?}", &outcome.ranked[1..]);
    assert!(
        outcome.ranked[2..].iter().all(|r| !r.above_threshold),
        "{:#?}",
        &outcome.ranked[1..]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A paragraph of random anchors and words drawn from `vocabulary`: acronyms, names, numbers.
    fn paragraph(vocabulary: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vocabulary).prop_map(str::to_string),
                (10u32..9999).prop_map(|n| n.to_string()),
                Just("et".to_string()),
            ],
            1..12,
        )
        .prop_map(|words| format!("les {}", words.join(" ")))
    }

    const FIRST: &[&str] = &[
        "OTT", "CIRT", "Quito", "Tunis", "SMSI", "PME", "Hammamet", "IMPACT", "GCA", "Lisbonne",
    ];
    const SECOND: &[&str] = &[
        "BR", "Bogota", "Kigali", "Osaka", "WRC", "Nairobi", "FIRST", "Lima", "Oslo", "AISM",
    ];

    /// A random text; its title is the first word of its vocabulary, so that two vocabularies
    /// give two titles.
    fn random_text(vocabulary: &'static [&'static str]) -> impl Strategy<Value = InstrumentText> {
        proptest::collection::vec(paragraph(vocabulary), 1..8).prop_map(|ps| {
            let items: Vec<(Option<String>, String)> = ps
                .into_iter()
                .enumerate()
                .map(|(i, p)| (Some(format!("{})", char::from(b'a' + (i % 26) as u8))), p))
                .collect();
            let items: Vec<Item<'_>> = items
                .iter()
                .map(|(l, t)| (l.as_deref(), t.as_str(), Change::Inserted))
                .collect();
            text(Language::Fr, vocabulary[0], &[("décide", &items)])
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn a_text_scores_the_maximum_against_itself(t in random_text(FIRST), other in random_text(SECOND)) {
            let id_t = id(1);
            let id_o = id(2);
            let list = [Candidate { instrument: &id_o, text: &other }, Candidate { instrument: &id_t, text: &t }];
            let outcome = rank_draft(&t, &list);
            prop_assert_eq!(&outcome.ranked[0].instrument, &id_t);
            prop_assert!((outcome.ranked[0].score - 1.0).abs() < 1e-9 || outcome.ranked[0].shared.is_empty());
        }

        #[test]
        fn two_unrelated_random_texts_score_below_the_threshold(a in random_text(FIRST), b in random_text(SECOND)) {
            let id_b = id(2);
            let outcome = rank_draft(&a, &[Candidate { instrument: &id_b, text: &b }]);
            prop_assert!(outcome.ranked[0].score < DRAFT_THRESHOLD, "{}", outcome.ranked[0].score);
            prop_assert!(outcome.became.is_none());
        }

        #[test]
        fn renumbering_the_labels_of_unrelated_items_changes_no_score(
            a in random_text(FIRST),
            b in random_text(FIRST),
            unrelated in proptest::collection::vec(paragraph(SECOND), 1..4),
            labels in proptest::collection::vec(1u32..99, 4),
        ) {
            // `b` with unrelated items, labelled one way and then another.
            let with_labels = |numbers: &[u32]| {
                let mut t = b.clone();
                for (i, p) in unrelated.iter().enumerate() {
                    t.sections[0].paragraphs.push(Paragraph {
                        label: Some(numbers[i % numbers.len()].to_string()),
                        depth: 0,
                        text: p.clone(),
                        footnotes: Vec::new(),
                        lines: LineSpan::line(100 + i as u32),
                        change: Change::Inserted,
                    });
                }
                t
            };
            let one = with_labels(&[1, 2, 3, 4]);
            let other = with_labels(&labels);
            let id_b = id(2);
            let s1 = rank_draft(&a, &[Candidate { instrument: &id_b, text: &one }]).ranked[0].score;
            let s2 = rank_draft(&a, &[Candidate { instrument: &id_b, text: &other }]).ranked[0].score;
            prop_assert_eq!(s1, s2);
            // And each change of a proposal keeps its score against either.
            let empty = text(Language::Fr, "Texte", &[("décide", &[])]);
            let m1 = match_proposal(&empty, &a, &one);
            let m2 = match_proposal(&empty, &a, &other);
            let scores = |m: &ProposalOutcome| m.changes.iter().map(|c| c.score).collect::<Vec<_>>();
            prop_assert_eq!(scores(&m1), scores(&m2));
        }
    }
}
