//! The sources read (catalogue, instrument names, Final Acts outcomes) and the corpus they give:
//! the history plan, commit by commit.

use actes::catalogue::{Catalogue, CatalogueError, ResolveError};
use actes::model::{Body, InstrumentId, InstrumentKind};
use actes::names::parse_instrument;
use actes::outcomes::{self, OutcomeStatus, OutcomesError};

use crate::common;

fn catalogue() -> Catalogue {
    Catalogue::load(&common::sources_dir().join("conferences.csv"))
        .expect("the shipped catalogue loads")
}

fn resolved(query: &str) -> String {
    catalogue()
        .resolve(query)
        .map(|c| c.id.0.clone())
        .unwrap_or_else(|e| format!("error: {e}"))
}

#[test]
fn every_alias_of_dubai_2018_resolves_to_pp_2018_dubai() {
    for query in [
        "pp-2018-dubai",
        "dubai-2018",
        "Dubaï 2018",
        "DUBAÏ, 2018",
        "Dubai",
        "Dubái",
        "pp-18",
        "PP-18",
        "2018",
        "pp 2018",
        "Rev. Dubai, 2018",
        "Conférence de plénipotentiaires (Dubaï, 2018)",
        "Plenipotentiary Conference (Dubai, 2018)",
    ] {
        assert_eq!(resolved(query), "pp-2018-dubai", "query `{query}`");
    }
}

#[test]
fn places_resolve_in_french_english_spanish_and_aliases() {
    assert_eq!(resolved("Marrakesh"), "pp-2002-marrakech");
    assert_eq!(resolved("bucarest 2022"), "pp-2022-bucharest");
    assert_eq!(resolved("Bucharest"), "pp-2022-bucharest");
    assert_eq!(resolved("Busán"), "pp-2014-busan");
    assert_eq!(resolved("minneápolis"), "pp-1998-minneapolis");
    assert_eq!(resolved("antalya-2006"), "pp-2006-antalya");
}

#[test]
fn a_name_that_fits_no_conference_is_an_error_listing_the_known_ones() {
    let err = catalogue()
        .resolve("Paris 2018")
        .expect_err("no such conference");
    assert!(matches!(err, ResolveError::NotFound { .. }));
    assert!(err.to_string().contains("pp-2018-dubai (Dubai, 2018)"));
    assert!(matches!(
        catalogue().resolve("Dubai 2014"),
        Err(ResolveError::NotFound { .. })
    ));
    assert_eq!(catalogue().resolve("  "), Err(ResolveError::Empty));
}

#[test]
fn a_year_with_two_conferences_is_ambiguous_and_lists_both() {
    let text = "id,body,place_fr,place_en,place_es,aliases,year,start,end,final_acts,final_acts_confidence,note\n\
        pp-2018-dubai,pp,Dubaï,Dubai,Dubái,PP-18,2018,2018-10-29,2018-11-16,2018-11-16,last-day,\n\
        wtdc-2018-x,wtdc,Genève,Geneva,Ginebra,,2018,2018-03-01,2018-03-10,2018-03-10,sourced,\n";
    let catalogue = Catalogue::parse("conferences.csv", text).expect("a valid catalogue");
    let err = catalogue
        .resolve("2018")
        .expect_err("two conferences in 2018");
    let ResolveError::Ambiguous { candidates, .. } = &err else {
        panic!("expected an ambiguity, got {err:?}");
    };
    assert_eq!(
        candidates,
        &vec![
            "pp-2018-dubai (Dubai, 2018)".to_string(),
            "wtdc-2018-x (Geneva, 2018)".to_string()
        ]
    );
    assert_eq!(
        catalogue.resolve("pp 2018").map(|c| c.id.0.as_str()),
        Ok("pp-2018-dubai")
    );
}

#[test]
fn the_shipped_catalogue_matches_the_domain_dates() {
    let catalogue = catalogue();
    assert_eq!(catalogue.conferences().len(), 8);
    let busan = catalogue.resolve("busan").expect("Busan is catalogued");
    assert_eq!(busan.start.to_string(), "2014-10-20");
    assert_eq!(busan.final_acts.to_string(), "2014-11-07");
    assert_eq!(busan.final_acts_confidence, "last-day");
    assert_eq!(busan.place.es, "Busán");
    let antalya = catalogue.resolve("antalya").expect("Antalya is catalogued");
    assert_eq!(antalya.final_acts.to_string(), "2006-11-24");
    assert_eq!(antalya.final_acts_confidence, "sourced");
}

#[test]
fn a_bad_catalogue_row_is_an_error_naming_the_file_and_the_line() {
    let text = "id,body,place_fr,place_en,place_es,aliases,year,start,end,final_acts,final_acts_confidence,note\n\
        pp-2018-dubai,pp,Dubaï,Dubai,Dubái,PP-18,2018,2018-10-29,2018-11-16,2018-11-16,last-day,\n\
        pp-2022-bucharest,pp,Bucarest,Bucharest,Bucarest,PP-22,2022,2022-09-26,14 Oct 2022,2022-10-14,last-day,\n";
    let err = Catalogue::parse("history/conferences.csv", text).expect_err("a bad date");
    assert!(
        matches!(err, CatalogueError::Row { line: 3, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "history/conferences.csv: line 3: the end date `14 Oct 2022` is not a date of the form YYYY-MM-DD"
    );
    let err = Catalogue::parse("c.csv", "id,body\n").expect_err("a bad header");
    assert!(err
        .to_string()
        .starts_with("c.csv: line 1: expected the header `id,body,place_fr"));
    let duplicate = format!(
        "{}\n{}\n{}\n",
        actes::catalogue::COLUMNS.join(","),
        "pp-2018-dubai,pp,Dubaï,Dubai,Dubái,PP-18,2018,2018-10-29,2018-11-16,2018-11-16,last-day,",
        "pp-2018-dubai,pp,Dubaï,Dubai,Dubái,PP-18,2018,2018-10-29,2018-11-16,2018-11-16,last-day,"
    );
    let err = Catalogue::parse("c.csv", &duplicate).expect_err("a repeated id");
    assert!(err.to_string().contains("line 3"), "{err}");
}

fn pp(kind: InstrumentKind, number: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Pp, kind, number)
}

#[test]
fn resolution_130_can_be_named_in_every_accepted_form() {
    for query in [
        "130",
        "Résolution 130",
        "res 130",
        "Res. 130",
        "Resolution 130",
        "resolución 130",
        "RÉSOLUTION\u{a0}130",
        "pp res 130",
        "pp/resolution/130",
        "Résolution 130 de la présente Conférence",
    ] {
        assert_eq!(
            parse_instrument(query),
            Ok(pp(InstrumentKind::Resolution, 130)),
            "query `{query}`"
        );
    }
}

#[test]
fn decisions_recommendations_and_drafts_are_named_by_kind_and_provisional_id() {
    assert_eq!(
        parse_instrument("decision 5"),
        Ok(pp(InstrumentKind::Decision, 5))
    );
    assert_eq!(
        parse_instrument("dec 5"),
        Ok(pp(InstrumentKind::Decision, 5))
    );
    assert_eq!(
        parse_instrument("Décision 5"),
        Ok(pp(InstrumentKind::Decision, 5))
    );
    assert_eq!(
        parse_instrument("recommendation 7"),
        Ok(pp(InstrumentKind::Recommendation, 7))
    );
    assert_eq!(
        parse_instrument("Recommandation 7"),
        Ok(pp(InstrumentKind::Recommendation, 7))
    );
    let draft = InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1");
    assert_eq!(parse_instrument("[B-1]"), Ok(draft.clone()));
    assert_eq!(parse_instrument("B-1"), Ok(draft.clone()));
    assert_eq!(parse_instrument("résolution [b-1]"), Ok(draft));
}

#[test]
fn other_bodies_instruments_are_named_before_or_after_the_number() {
    let wtdc69 = InstrumentId::numbered(Body::Wtdc, InstrumentKind::Resolution, 69);
    assert_eq!(parse_instrument("wtdc res 69"), Ok(wtdc69.clone()));
    assert_eq!(
        parse_instrument("Résolution 69 de la CMDT"),
        Ok(wtdc69.clone())
    );
    assert_eq!(parse_instrument("Resolution 69 of the WTDC"), Ok(wtdc69));
    assert_eq!(
        parse_instrument("council res 1305"),
        Ok(InstrumentId::numbered(
            Body::Council,
            InstrumentKind::Resolution,
            1305
        ))
    );
    assert_eq!(
        parse_instrument("wtpf 4"),
        Ok(InstrumentId::numbered(
            Body::Wtpf,
            InstrumentKind::Opinion,
            4
        ))
    );
    let un = parse_instrument("un-ga 70/125").expect("a UN resolution");
    assert_eq!(
        (un.body, un.session, un.number),
        (Body::UnGa, Some(70), Some(125))
    );
    assert_eq!(un.tree_dir(), "un-ga/resolution/70-125");
    assert_eq!(parse_instrument("A/RES/70/125"), Ok(un.clone()));
    assert_eq!(parse_instrument("70/125"), Ok(un.clone()));
    assert_eq!(parse_instrument("un-ga/resolution/70-125"), Ok(un));
}

#[test]
fn a_citation_gives_the_instrument_and_its_revision() {
    let reference =
        actes::names::parse_reference("Résolution 69 (Rév. Buenos Aires, 2017) de la CMDT")
            .expect("a citation");
    assert_eq!(
        reference.instrument,
        InstrumentId::numbered(Body::Wtdc, InstrumentKind::Resolution, 69)
    );
    let revision = reference.revision.expect("a revision");
    assert_eq!(
        (revision.place.as_str(), revision.year, revision.revised),
        ("Buenos Aires", 2017, true)
    );
    assert_eq!(
        parse_instrument("RÉSOLUTION 130 (Rév. Busan, 2014)"),
        Ok(pp(InstrumentKind::Resolution, 130))
    );
    assert!(parse_instrument("Résolution 130 (Rév. Busan, 2014").is_err());
    assert!(parse_instrument("Résolution 130 (soon)").is_err());
}

#[test]
fn an_unreadable_name_is_an_error_listing_the_accepted_forms() {
    for query in [
        "",
        "résolution",
        "resolution abc",
        "wtdc 70/125",
        "Résolution 69 de la FIFA",
        "wtdc res 69 de la cmr",
    ] {
        let err = parse_instrument(query).expect_err(query);
        let message = err.to_string();
        assert!(
            message.contains("accepted forms: 130, Résolution 130"),
            "{message}"
        );
        assert_eq!(err.query, query);
    }
}

#[test]
fn the_dubai_final_acts_load_with_their_lines_and_evidence() {
    let dir = common::sources_dir().join("outcomes");
    let all = outcomes::load_dir(&dir, "outcomes/").expect("the shipped outcomes load");
    assert_eq!(all.len(), 1);
    let dubai = &all[0];
    assert_eq!(dubai.conference.0, "pp-2018-dubai");
    assert_eq!(dubai.source, "outcomes/pp-2018-dubai.csv");
    assert_eq!(dubai.outcomes.len(), 75);
    let r128 = dubai
        .get(&pp(InstrumentKind::Resolution, 128))
        .expect("128 is listed");
    assert_eq!(r128.status, OutcomeStatus::Abrogated);
    assert_eq!(r128.revision.to_string(), "Rev. Antalya, 2006");
    let evidence = r128.evidence(&dubai.source);
    assert_eq!(
        evidence.to_string(),
        format!(
            "stated: outcomes/pp-2018-dubai.csv, resolution 128 abrogated, line {}",
            r128.line
        )
    );
    let text = std::fs::read_to_string(dir.join("pp-2018-dubai.csv")).expect("readable");
    let line = text
        .lines()
        .nth(r128.line as usize - 1)
        .expect("the row's line");
    assert!(line.starts_with("resolution,128,abrogated"), "{line}");
    let r30 = dubai
        .get(&pp(InstrumentKind::Resolution, 30))
        .expect("30 is listed");
    assert_eq!(r30.title_en, None);
    let r71 = dubai
        .get(&pp(InstrumentKind::Resolution, 71))
        .expect("71 is listed");
    assert_eq!(
        r71.title_en.as_deref(),
        Some("Strategic plan for the Union for 2020-2023")
    );
    assert_eq!(r71.status, OutcomeStatus::Revised);
    assert!(dubai.get(&pp(InstrumentKind::Resolution, 14)).is_none());
    let counts = |s| dubai.outcomes.iter().filter(|o| o.status == s).count();
    assert_eq!(
        (
            counts(OutcomeStatus::New),
            counts(OutcomeStatus::Revised),
            counts(OutcomeStatus::Abrogated)
        ),
        (11, 53, 11)
    );
}

#[test]
fn a_bad_outcome_row_is_an_error_naming_the_file_and_the_line() {
    let text = "instrument,number,status_at_x,label_in_final_acts,title_en\n\
        resolution,2,revised,\"Rev. Dubai, 2018\",Forum\n\
        resolution,3,kept,\"Rev. Dubai, 2018\",Forum\n";
    let err = outcomes::parse_file("outcomes/pp-2018-dubai.csv", text).expect_err("a bad status");
    assert!(matches!(err, OutcomesError::Row { line: 3, .. }));
    assert_eq!(
        err.to_string(),
        "outcomes/pp-2018-dubai.csv: line 3: the status `kept` is not one of new, revised, abrogated"
    );
    let text = "instrument,number,status,label,title\nresolution,2,new,Dubai,\n";
    let err = outcomes::parse_file("outcomes/pp-2018-dubai.csv", text).expect_err("a bad label");
    assert!(
        err.to_string().contains("line 2: the label `Dubai`"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// The corpus and its history plan, from hand-built documents shaped like the seed.

mod hand_built {
    use std::collections::BTreeMap;

    use actes::corpus::{Corpus, DocumentEntry, SourceDocument, Sources};
    use actes::history::plan::{CommitPlan, HistoryPlan};
    use actes::model::{
        Body, Change, Completeness, ConferenceId, InstrumentId, InstrumentKind, InstrumentText,
        Language, LineSpan, Paragraph, Revision, Section, Uncertainty,
    };
    use actes::reader::{Action, Document, Proposal};

    use crate::common;

    fn revision(place: &str, year: i32, revised: bool) -> Option<Revision> {
        Some(Revision {
            place: place.into(),
            year,
            revised,
        })
    }

    fn text(
        header: &str,
        revision: Option<Revision>,
        title: &str,
        words: &str,
        change: Change,
        completeness: Completeness,
    ) -> InstrumentText {
        InstrumentText {
            unsettled_openings: Vec::new(),
            language: Language::Fr,
            header: header.into(),
            revision,
            title: title.into(),
            formula: Some("La Conférence de plénipotentiaires de l'Union internationale des télécommunications,".into()),
            sections: vec![Section {
                heading: "considérant".into(),
                lines: LineSpan::new(5, 6),
                paragraphs: vec![Paragraph {
                    label: Some("a)".into()),
                    depth: 0,
                    text: words.into(),
                    footnotes: Vec::new(),
                    lines: LineSpan::line(6),
                    change,
                }],
            }],
            completeness,
            notes: if completeness == Completeness::Partial {
                vec!["body not reproduced in the source".into()]
            } else {
                Vec::new()
            },
        }
    }

    fn res(number: u32) -> InstrumentId {
        InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, number)
    }

    fn proposal(
        serial: u32,
        action: Action,
        target: InstrumentId,
        lines: (u32, u32),
        old: Option<InstrumentText>,
        new: Option<InstrumentText>,
    ) -> Proposal {
        Proposal {
            id: format!("B/67/{serial}").parse().expect("a proposal id"),
            action,
            target,
            lines: LineSpan::new(lines.0, lines.1),
            old,
            new,
            citations: Vec::new(),
            uncertain: Vec::new(),
            reasons: vec![format!("Reasons of proposal {serial}.")],
        }
    }

    /// The seed's five proposals in miniature, with words that say which side they are.
    pub fn seed_like_document() -> Document {
        let mut p130 = proposal(
            4,
            Action::Mod,
            res(130),
            (75, 208),
            Some(text(
                "RÉSOLUTION 130 (Rév. Busan, 2014)",
                revision("Busan", 2014, true),
                "Renforcement du rôle de l'UIT",
                "OLD-130 words of Busan",
                Change::Uncertain,
                Completeness::Complete,
            )),
            Some(text(
                "RÉSOLUTION 130 (Rév. DUBAÏ, 2018)",
                revision("DUBAÏ", 2018, true),
                "Renforcement du rôle de l'UIT dans la cybersécurité",
                "PROPOSED-130 words of Brazil",
                Change::Modified,
                Completeness::Complete,
            )),
        );
        p130.uncertain.push(Uncertainty {
            line: 90,
            what: actes::model::UncertaintyKind::ParagraphPresence,
            excerpt: "OLD-130 words of Busan".into(),
            readings: vec!["old".into(), "both".into()],
            section: Some("considérant".into()),
            label: Some("a)".into()),
        });
        Document {
            source: "documents/pp-2018-dubai/67-fr.txt".into(),
            language: Language::Fr,
            proposals: vec![
                proposal(
                    1,
                    Action::Mod,
                    res(14),
                    (1, 26),
                    Some(text(
                        "RÉSOLUTION 14 (Rév. Antalya, 2006)",
                        revision("Antalya", 2006, true),
                        "Reconnaissance des droits et obligations",
                        "OLD-14 words of Antalya",
                        Change::Modified,
                        Completeness::Complete,
                    )),
                    Some(text(
                        "RÉSOLUTION 14 (Rév. DUBAÏ, 2018)",
                        revision("DUBAÏ", 2018, true),
                        "Reconnaissance des droits et obligations",
                        "PROPOSED-14 words of Brazil",
                        Change::Modified,
                        Completeness::Complete,
                    )),
                ),
                proposal(
                    2,
                    Action::Mod,
                    res(71),
                    (28, 66),
                    Some(text(
                        "RÉSOLUTION 71 (Rév. Busan, 2014)",
                        revision("Busan", 2014, true),
                        "Plan stratégique de l'Union pour la période 2016-2019",
                        "OLD-71 words of Busan",
                        Change::Modified,
                        Completeness::Partial,
                    )),
                    Some(text(
                        "RÉSOLUTION 71 (Rév. DUBAÏ, 2018)",
                        revision("DUBAÏ", 2018, true),
                        "Plan stratégique de l'Union pour la période 2020-2023",
                        "PROPOSED-71 words of Brazil",
                        Change::Modified,
                        Completeness::Partial,
                    )),
                ),
                proposal(
                    3,
                    Action::Sup,
                    res(128),
                    (68, 73),
                    Some(InstrumentText {
                        unsettled_openings: Vec::new(),
                        sections: Vec::new(),
                        ..text(
                            "RÉSOLUTION 128 (Rév. Antalya, 2006)",
                            revision("Antalya", 2006, true),
                            "Soutien au Programme de connectivité pour les Amériques et Plan d'action de Quito",
                            "",
                            Change::Unchanged,
                            Completeness::Partial,
                        )
                    }),
                    None,
                ),
                p130,
                proposal(
                    5,
                    Action::Add,
                    InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1"),
                    (210, 258),
                    None,
                    Some(text(
                        "PROJET DE NOUVELLE RÉSOLUTION [B-1]",
                        None,
                        "Questions de politiques publiques internationales relatives aux OTT",
                        "PROPOSED-B-1 words of Brazil",
                        Change::Inserted,
                        Completeness::Complete,
                    )),
                ),
            ],
            input_notes: Vec::new(),
        }
    }

    /// The shipped catalogue and outcomes, with the hand-built document as the seed.
    pub fn sources() -> Sources {
        Sources::load_with(&common::sources_dir(), |file, _bytes, _meetings| {
            assert_eq!(file, "documents/pp-2018-dubai/67-fr.txt");
            Ok::<_, String>(seed_like_document())
        })
        .expect("the shipped sources load")
    }

    pub fn plan() -> HistoryPlan {
        Corpus::assemble(&sources())
            .expect("the sources make a corpus")
            .plan()
    }

    pub fn text_of(commit: &CommitPlan, path: &str) -> Option<String> {
        commit
            .changes
            .get(path)
            .cloned()
            .flatten()
            .map(|b| String::from_utf8(b).expect("UTF-8 files"))
    }

    pub fn json_of(commit: &CommitPlan, path: &str) -> serde_json::Value {
        let text = text_of(commit, path).unwrap_or_else(|| panic!("{path} is written"));
        serde_json::from_str(&text).expect("valid JSON")
    }

    #[test]
    fn the_documents_index_names_the_seed_with_its_submitter() {
        let sources = sources();
        assert_eq!(sources.documents.len(), 1);
        let entry: &DocumentEntry = &sources.documents[0].entry;
        assert_eq!(
            (
                entry.conference.0.as_str(),
                entry.document.map(|d| d.to_string()),
                entry.origin.as_str(),
                entry.submitter.as_str(),
                entry.line
            ),
            ("pp-2018-dubai", Some("67".to_string()), "B", "Brazil", 2)
        );
        let _: &SourceDocument = &sources.documents[0];
    }

    #[test]
    fn main_has_antalya_busan_and_dubai_in_order_dated_noon_utc_on_their_final_acts_day() {
        let plan = plan();
        let ids: Vec<&str> = plan.main.iter().map(|c| c.conference.0.as_str()).collect();
        assert_eq!(ids, ["pp-2006-antalya", "pp-2014-busan", "pp-2018-dubai"]);
        let seconds: Vec<i64> = plan.main.iter().map(|c| c.author.seconds).collect();
        assert_eq!(seconds, [1164369600, 1415361600, 1542369600]);
        let busan = &plan.main[1];
        assert_eq!(
            busan.author.name,
            "Conférence de plénipotentiaires (Busan, 2014)"
        );
        assert_eq!(
            busan.author.email,
            "pp-2014-busan@conferences.actes.invalid"
        );
        assert_eq!(busan.committer, busan.author);
        assert_eq!(
            plan.main[2].author.name,
            "Conférence de plénipotentiaires (Dubaï, 2018)"
        );
        let tags: Vec<&str> = plan
            .main
            .iter()
            .map(|c| {
                c.tag
                    .as_ref()
                    .expect("every conference is tagged")
                    .name
                    .as_str()
            })
            .collect();
        assert_eq!(tags, ["pp-2006-antalya", "pp-2014-busan", "pp-2018-dubai"]);
        let tag = plan.main[2].tag.as_ref().expect("tagged");
        assert!(
            tag.message
                .starts_with("Plenipotentiary Conference (Dubai, 2018)\n"),
            "{}",
            tag.message
        );
        assert!(
            tag.message
                .contains("Held 29 October 2018 to 16 November 2018"),
            "{}",
            tag.message
        );
        assert!(tag.message.ends_with('\n'));
    }

    #[test]
    fn antalya_holds_14_and_128_as_first_in_the_corpus_from_the_old_texts() {
        let plan = plan();
        let antalya = &plan.main[0];
        let paths: Vec<&str> = antalya.changes.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            [
                "README.md",
                "catalogue.json",
                "conferences/pp-2006-antalya.json",
                "pp/resolution/128/fr.txt",
                "pp/resolution/128/meta.json",
                "pp/resolution/14/fr.txt",
                "pp/resolution/14/meta.json",
            ]
        );
        let r14 = text_of(antalya, "pp/resolution/14/fr.txt").expect("14's text");
        assert!(r14.starts_with("RÉSOLUTION 14 (Rév. Antalya, 2006)\n"));
        assert!(r14.contains("a)\tOLD-14 words of Antalya\n"));
        let meta = json_of(antalya, "pp/resolution/14/meta.json");
        assert_eq!(meta["event"], "first-in-corpus");
        assert_eq!(meta["revision"]["place"], "Antalya");
        assert_eq!(meta["revision"]["revised"], true);
        assert_eq!(meta["evidence"][0]["kind"], "stated");
        assert_eq!(meta["evidence"][0]["entry"], "B/67/1");
        let r128 = text_of(antalya, "pp/resolution/128/fr.txt").expect("128's text");
        assert!(
            r128.ends_with("[body not reproduced in the source]\n"),
            "{r128}"
        );
        assert_eq!(
            json_of(antalya, "pp/resolution/128/meta.json")["texts"]["fr"],
            "partial"
        );
        assert!(antalya
            .message
            .starts_with("Plenipotentiary Conference (Antalya, 2006): 2 first in the corpus\n\n"));
        assert!(
            !antalya.message.contains("adopted\n-"),
            "{}",
            antalya.message
        );
    }

    #[test]
    fn busan_adds_71_and_130_as_revised_and_infers_14_and_128_unchanged() {
        let plan = plan();
        let busan = &plan.main[1];
        assert!(text_of(busan, "pp/resolution/71/fr.txt")
            .expect("71 added")
            .contains("OLD-71 words of Busan"));
        let r130 = text_of(busan, "pp/resolution/130/fr.txt").expect("130 added");
        assert!(r130.contains("[?] a)\tOLD-130 words of Busan\n"), "{r130}");
        let meta130 = json_of(busan, "pp/resolution/130/meta.json");
        assert_eq!(meta130["event"], "revised");
        assert_eq!(meta130["status"], "adopted");
        assert_eq!(meta130["uncertain"][0]["what"], "paragraph-presence");
        // 14 and 128: texts untouched, records now say unchanged, inferred from their 2018 headers.
        assert!(!busan.changes.contains_key("pp/resolution/14/fr.txt"));
        assert!(!busan.changes.contains_key("pp/resolution/128/fr.txt"));
        let meta14 = json_of(busan, "pp/resolution/14/meta.json");
        assert_eq!(meta14["event"], "unchanged");
        assert_eq!(meta14["status"], "inferred");
        let inferred = meta14["evidence"]
            .as_array()
            .expect("a list")
            .iter()
            .find(|e| e["kind"] == "inferred")
            .expect("an inferred piece of evidence");
        assert_eq!(inferred["entry"], "B/67/1");
        assert!(inferred["note"]
            .as_str()
            .expect("a note")
            .contains("still says Rev. Antalya, 2006 in a document of Dubai, 2018"));
        assert!(busan
            .message
            .starts_with("Plenipotentiary Conference (Busan, 2014): 2 revised, 2 unchanged\n"));
    }

    #[test]
    fn dubai_follows_the_final_acts_and_never_keeps_an_earlier_or_proposed_text() {
        let plan = plan();
        let dubai = &plan.main[2];
        // 128 suppressed: its files removed.
        assert_eq!(dubai.changes.get("pp/resolution/128/fr.txt"), Some(&None));
        assert_eq!(
            dubai.changes.get("pp/resolution/128/meta.json"),
            Some(&None)
        );
        // 71 and 130 revised without their adopted texts: the Busan texts go.
        for number in [71, 130] {
            assert_eq!(
                dubai.changes.get(&format!("pp/resolution/{number}/fr.txt")),
                Some(&None),
                "{number}'s Busan text must not stand for the Dubai version"
            );
            let meta = json_of(dubai, &format!("pp/resolution/{number}/meta.json"));
            assert_eq!(meta["event"], "revised");
            assert_eq!(meta["texts"]["fr"], "absent");
            assert_eq!(meta["revision"]["place"], "Dubai");
            assert!(meta["notes"][0]
                .as_str()
                .expect("a note")
                .contains("not in the sources"));
            assert_eq!(meta["evidence"][0]["source"], "outcomes/pp-2018-dubai.csv");
        }
        // 14: not in the list, unchanged, text kept.
        assert!(!dubai.changes.contains_key("pp/resolution/14/fr.txt"));
        let meta14 = json_of(dubai, "pp/resolution/14/meta.json");
        assert_eq!(meta14["event"], "unchanged");
        assert_eq!(meta14["revision"]["place"], "Antalya");
        // The rest of the list: records without text, decisions and the recommendation too.
        let meta204 = json_of(dubai, "pp/resolution/204/meta.json");
        assert_eq!(meta204["event"], "adopted");
        assert_eq!(meta204["titles"]["en"], "Use of information and communication technologies to bridge the financial inclusion gap");
        assert!(dubai.changes.contains_key("pp/decision/5/meta.json"));
        assert!(dubai.changes.contains_key("pp/recommendation/7/meta.json"));
        assert!(!dubai
            .changes
            .keys()
            .any(|p| p.starts_with("pp/resolution/36/")));
        assert!(!dubai
            .changes
            .keys()
            .any(|p| p.starts_with("pp/decision/13/")));
        let meta30 = json_of(dubai, "pp/resolution/30/meta.json");
        assert_eq!(meta30["titles"], serde_json::json!({}));
        // The conference record lists every event, abrogations with their last revision.
        let record = json_of(dubai, "conferences/pp-2018-dubai.json");
        let events = record["events"].as_array().expect("events");
        let r128 = events
            .iter()
            .find(|e| e["instrument"]["number"] == 128)
            .expect("128 is recorded");
        assert_eq!(r128["event"], "suppressed");
        assert_eq!(
            r128["evidence"].as_array().map(Vec::len),
            Some(1),
            "the label agrees with the corpus: no note of a mismatch"
        );
        // Events about earlier conferences (`earlier`, corpus::unchanged) are stored here too.
        assert_eq!(
            events.iter().filter(|e| e.get("earlier").is_none()).count(),
            76
        );
        let r36 = events
            .iter()
            .find(|e| e["instrument"]["number"] == 36)
            .expect("36 is recorded");
        assert_eq!(r36["event"], "suppressed");
        assert_eq!(r36["revision"]["place"], "Guadalajara");
        assert_eq!(r36["evidence"][0]["entry"], "resolution 36 abrogated");
        assert_eq!(record["conference"]["final_acts"], "2018-11-16");
        assert!(dubai.message.starts_with(
            "Plenipotentiary Conference (Dubai, 2018): 11 adopted, 53 revised, 11 suppressed, 1 unchanged\n"
        ));
        assert!(dubai
            .message
            .contains("\n- pp resolution 128 (Rev. Antalya, 2006): its files are removed\n  stated: outcomes/pp-2018-dubai.csv, resolution 128 abrogated, line 28\n"));
        assert!(dubai
            .message
            .contains("\n- pp resolution 36 (Rev. Guadalajara, 2010): recorded only: the corpus held no state of it\n"));
        assert!(dubai
            .message
            .contains("\n- pp resolution 71 (Rev. Dubai, 2018): text absent from the sources; the earlier text is removed\n"));
        assert!(dubai.message.ends_with(
            "\nConference: pp-2018-dubai\nStatus: adopted\nSource: outcomes/pp-2018-dubai.csv\n"
        ), "{}", dubai.message);
    }

    #[test]
    fn no_proposal_text_or_record_reaches_main() {
        for commit in plan().main {
            for (path, content) in &commit.changes {
                assert!(!path.starts_with("proposals/"), "{path} on main");
                let text = content
                    .as_deref()
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default();
                assert!(
                    !text.contains("PROPOSED-"),
                    "{path} holds a proposed text on main"
                );
                assert!(
                    !text.contains("\"proposed\""),
                    "{path} says proposed on main"
                );
            }
            assert!(!commit.message.contains("Status: proposed"));
        }
    }

    #[test]
    fn proposals_chain_on_busan_one_commit_each_in_document_order() {
        let plan = plan();
        assert_eq!(plan.branches.len(), 1);
        let branch = &plan.branches[0];
        assert_eq!(branch.reference, "refs/proposals/pp-2018-dubai/67");
        assert_eq!(branch.base, Some(ConferenceId("pp-2014-busan".into())));
        assert_eq!(branch.commits.len(), 5);
        for (n, commit) in branch.commits.iter().enumerate() {
            let record = format!("proposals/pp-2018-dubai/B-67-{}.json", n + 1);
            assert!(commit.changes.contains_key(&record), "{record}");
            assert_eq!(commit.author.name, "Brazil (B)");
            assert_eq!(commit.author.email, "b@proposals.actes.invalid");
            assert_eq!(commit.author.seconds, 1540814400);
            assert!(commit.tag.is_none());
            assert!(commit.message.contains("\nStatus: proposed\n"));
            assert!(commit
                .message
                .contains(&format!("\nProposal: B/67/{}\n", n + 1)));
        }
        let mod14 = &branch.commits[0];
        let r14 = text_of(mod14, "pp/resolution/14/fr.txt").expect("14 replaced");
        assert!(r14.contains("PROPOSED-14 words of Brazil") && !r14.contains("OLD-14"));
        let meta = json_of(mod14, "pp/resolution/14/meta.json");
        assert_eq!(
            (meta["status"].clone(), meta["event"].clone()),
            ("proposed".into(), "proposed".into())
        );
        assert_eq!(meta["evidence"][0]["kind"], "proposed");
        let record = json_of(mod14, "proposals/pp-2018-dubai/B-67-1.json");
        assert_eq!(record["action"], "MOD");
        assert_eq!(record["id"], "B/67/1");
        let sup = &branch.commits[2];
        let removed: Vec<&str> = sup
            .changes
            .iter()
            .filter(|(_, c)| c.is_none())
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(
            removed,
            ["pp/resolution/128/fr.txt", "pp/resolution/128/meta.json"]
        );
        let add = &branch.commits[4];
        assert!(text_of(add, "pp/resolution/B-1/fr.txt")
            .expect("the draft added")
            .starts_with("PROJET DE NOUVELLE RÉSOLUTION [B-1]\n"));
        // Each commit touches only its target and its own record.
        let touched: Vec<&str> = branch.commits[3]
            .changes
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            touched,
            [
                "pp/resolution/130/fr.txt",
                "pp/resolution/130/meta.json",
                "proposals/pp-2018-dubai/B-67-4.json"
            ]
        );
    }

    #[test]
    fn a_bad_documents_index_row_is_an_error_naming_the_file_and_the_line() {
        let text = "file,conference,document,language,origin,submitter,title\n\
            documents/a.txt,pp-2018-dubai,67,fr,B,Brazil,Proposals\n\
            documents/b.txt,pp-2018-dubai,sixty,fr,B,Brazil,Proposals\n";
        let errors: Vec<String> =
            actes::corpus::sources::parse_index("history/documents.csv", text)
                .filter_map(Result::err)
                .map(|e| e.to_string())
                .collect();
        assert_eq!(
            errors,
            ["history/documents.csv: line 3: the document number `sixty` is not a whole number, an addendum such as `44A7` or `44(Add.7)`, or `-`"]
        );
        let header = actes::corpus::sources::parse_index("d.csv", "file,conference\n")
            .next()
            .expect("an item")
            .expect_err("a bad header");
        assert!(header
            .to_string()
            .starts_with("d.csv: line 1: expected the header `file,conference,document"));
    }

    #[test]
    fn a_header_naming_no_catalogued_conference_is_an_error_with_the_proposal_lines() {
        let mut sources = sources();
        let old = sources.documents[0].document.proposals[0]
            .old
            .as_mut()
            .expect("an old text");
        old.revision = revision("Paris", 2006, true);
        old.header = "RÉSOLUTION 14 (Rév. Paris, 2006)".into();
        let err = Corpus::assemble(&sources).expect_err("no conference at Paris in 2006");
        assert_eq!(
            err.to_string(),
            "documents/pp-2018-dubai/67-fr.txt: lines 1-26: B/67/1: the header `RÉSOLUTION 14 (Rév. Paris, 2006)` names no conference of conferences.csv"
        );
    }

    #[test]
    fn without_final_acts_the_main_line_ends_with_the_last_conference_a_header_names() {
        let mut sources = sources();
        sources.outcomes.clear();
        // Only 14's header is seen later; drop 128's proposal so that nothing speaks for it.
        sources.documents[0]
            .document
            .proposals
            .retain(|p| p.id.serial != 3);
        let corpus = Corpus::assemble(&sources).expect("a corpus");
        let ids: Vec<&str> = corpus
            .conferences
            .iter()
            .map(|c| c.conference.id.0.as_str())
            .collect();
        assert_eq!(ids, ["pp-2006-antalya", "pp-2014-busan"]);
        let busan = &corpus.conferences[1];
        let r14 = &busan.instruments[&res(14)].record;
        assert_eq!(r14.event, actes::model::Event::Unchanged);
        assert!(r14
            .evidence
            .iter()
            .any(|e| e.kind == actes::model::EvidenceKind::Inferred));
        assert!(!busan.instruments.contains_key(&res(128)));
    }

    #[test]
    fn an_instrument_no_source_speaks_for_is_carried_forward_with_a_note_saying_so() {
        let mut sources = sources();
        sources.outcomes.clear();
        // A document of Bucharest 2022 whose proposal shows 71 as revised at Dubai, 2018.
        let mut later = sources.documents[0].clone();
        later.entry.conference = ConferenceId("pp-2022-bucharest".into());
        later.entry.file = "documents/pp-2022-bucharest/1-fr.txt".into();
        later.entry.document = Some(actes::corpus::DocumentNumber::whole(1));
        let mut p71 = later.document.proposals[1].clone();
        let old = p71.old.as_mut().expect("an old text");
        old.header = "RÉSOLUTION 71 (Rév. Dubaï, 2018)".into();
        old.revision = revision("Dubaï", 2018, true);
        later.document.proposals = vec![p71];
        sources.documents.push(later);
        let corpus = Corpus::assemble(&sources).expect("a corpus");
        let dubai = corpus
            .state(&ConferenceId("pp-2018-dubai".into()))
            .expect("Dubai has a state: a header names it");
        assert_eq!(
            dubai.instruments[&res(71)].record.event,
            actes::model::Event::Revised
        );
        let r14 = &dubai.instruments[&res(14)].record;
        assert_eq!(r14.event, actes::model::Event::Unchanged);
        assert_eq!(r14.status, actes::model::Status::Inferred);
        assert!(
            r14.notes.iter().any(|n| n
                == "no source says whether Dubai, 2018 changed it; carried forward as it stood"),
            "{:?}",
            r14.notes
        );
        assert_eq!(
            corpus.proposals[1].base,
            Some(ConferenceId("pp-2018-dubai".into()))
        );
        assert_eq!(
            corpus.proposals[0].base,
            Some(ConferenceId("pp-2014-busan".into()))
        );
    }

    #[test]
    fn an_abrogation_whose_label_contradicts_the_corpus_says_so() {
        let mut sources = sources();
        let list = &mut sources.outcomes[0];
        let row = list
            .outcomes
            .iter_mut()
            .find(|o| o.instrument == res(128))
            .expect("128 is listed");
        row.revision = revision("Guadalajara", 2010, true).expect("a revision");
        let corpus = Corpus::assemble(&sources).expect("a corpus");
        let dubai = corpus
            .state(&ConferenceId("pp-2018-dubai".into()))
            .expect("Dubai");
        let event = dubai
            .record
            .events
            .iter()
            .find(|e| e.instrument == res(128))
            .expect("128's event");
        let note = event.evidence[1].note.as_deref().expect("a note");
        assert_eq!(
            note,
            "the corpus held Rev. Antalya, 2006, but the Final Acts give Rev. Guadalajara, 2010 as its last revision"
        );
    }

    #[test]
    fn the_same_sources_give_the_same_plan() {
        assert_eq!(plan(), plan());
        let _: BTreeMap<String, Option<Vec<u8>>> = plan().main[0].changes.clone();
    }
}

// ---------------------------------------------------------------------------------------------
// The plan from the shipped sources: the seed read by the reader, the catalogue, the Final Acts.

mod shipped {
    use actes::corpus::{Corpus, Sources};
    use actes::history::plan::HistoryPlan;

    use super::hand_built::{json_of, text_of};
    use crate::common;

    fn build_plan() -> HistoryPlan {
        let sources = Sources::load(&common::sources_dir()).expect("the shipped sources load");
        Corpus::assemble(&sources)
            .expect("the shipped sources make a corpus")
            .plan()
    }

    /// The plan, built once for the tests that only read it.
    fn plan() -> &'static HistoryPlan {
        static PLAN: std::sync::OnceLock<HistoryPlan> = std::sync::OnceLock::new();
        PLAN.get_or_init(build_plan)
    }

    #[test]
    fn the_shipped_history_has_three_conference_commits_with_their_tags_and_dates() {
        let plan = plan();
        let tags: Vec<(String, i64)> = plan
            .main
            .iter()
            .map(|c| {
                (
                    c.tag.as_ref().expect("tagged").name.clone(),
                    c.author.seconds,
                )
            })
            .collect();
        assert_eq!(
            tags,
            [
                ("pp-2006-antalya".to_string(), 1164369600),
                ("pp-2014-busan".to_string(), 1415361600),
                ("pp-2018-dubai".to_string(), 1542369600),
            ]
        );
    }

    #[test]
    fn antalya_holds_the_old_texts_of_14_and_128() {
        let plan = plan();
        let antalya = &plan.main[0];
        let r14 = text_of(antalya, "pp/resolution/14/fr.txt").expect("14's text");
        let mut lines = r14.lines();
        assert_eq!(lines.next(), Some("RÉSOLUTION 14 (Rév. Antalya, 2006)"));
        assert_eq!(
            lines.next(),
            Some("Reconnaissance des droits et obligations de tous les Membres des Secteurs de l'Union")
        );
        assert!(r14.contains("(Antalya, 2006),\nconsidérant\n"), "{r14}");
        let r128 = text_of(antalya, "pp/resolution/128/fr.txt").expect("128's text");
        assert!(r128.starts_with("RÉSOLUTION 128 (Rév. Antalya, 2006)\n"));
        assert!(
            r128.ends_with("\n[body not reproduced in the source]\n"),
            "{r128}"
        );
        assert_eq!(
            json_of(antalya, "pp/resolution/14/meta.json")["event"],
            "first-in-corpus"
        );
    }

    #[test]
    fn busan_holds_the_old_texts_of_71_and_130_and_uncertain_paragraphs_are_marked() {
        let plan = plan();
        let busan = &plan.main[1];
        let r130 = text_of(busan, "pp/resolution/130/fr.txt").expect("130's text");
        assert!(
            r130.starts_with("RÉSOLUTION 130 (Rév. Busan, 2014)\n"),
            "{r130}"
        );
        let r71 = text_of(busan, "pp/resolution/71/fr.txt").expect("71's text");
        assert!(r71.starts_with(
            "RÉSOLUTION 71 (Rév. Busan, 2014)\nPlan stratégique de l'Union pour la période 2016-2019\n"
        ), "{r71}");
        let meta130 = json_of(busan, "pp/resolution/130/meta.json");
        let uncertain = meta130["uncertain"].as_array().expect("a list").len();
        let marked = r130.lines().filter(|l| l.starts_with("[?] ")).count();
        assert!(
            marked > 0 && uncertain > 0,
            "{marked} marked, {uncertain} listed"
        );
        assert_eq!(
            json_of(busan, "pp/resolution/14/meta.json")["event"],
            "unchanged"
        );
        assert!(!busan.changes.contains_key("pp/resolution/14/fr.txt"));
    }

    #[test]
    fn no_text_on_main_comes_from_the_proposed_side() {
        for commit in &plan().main {
            for (path, content) in &commit.changes {
                let Some(content) = content else { continue };
                let text = String::from_utf8_lossy(content);
                if path.ends_with(".txt") {
                    // The header, title and formula: a proposed text would name Dubai, 2018.
                    for line in text.lines().take(3) {
                        assert!(!line.contains("2018"), "{path} on main: {line}");
                    }
                }
                assert!(
                    !path.starts_with("proposals/") && !path.contains("B-1"),
                    "{path}"
                );
            }
        }
    }

    #[test]
    fn dubai_removes_128_and_the_texts_of_71_and_130() {
        let plan = plan();
        let dubai = &plan.main[2];
        for path in [
            "pp/resolution/128/fr.txt",
            "pp/resolution/128/meta.json",
            "pp/resolution/71/fr.txt",
            "pp/resolution/130/fr.txt",
        ] {
            assert_eq!(dubai.changes.get(path), Some(&None), "{path}");
        }
        assert_eq!(
            json_of(dubai, "pp/resolution/130/meta.json")["texts"]["fr"],
            "absent"
        );
    }

    #[test]
    fn the_seed_proposals_chain_on_busan_with_proposed_texts() {
        let plan = plan();
        let branch = &plan.branches[0];
        assert_eq!(branch.reference, "refs/proposals/pp-2018-dubai/67");
        assert_eq!(
            branch.base.as_ref().map(|b| b.0.as_str()),
            Some("pp-2014-busan")
        );
        assert_eq!(branch.commits.len(), 5);
        let r14 = text_of(&branch.commits[0], "pp/resolution/14/fr.txt").expect("14 as proposed");
        assert!(r14.contains("2018"), "{r14}");
        assert!(
            r14.contains("d'autoriser les Membres") || r14.contains("dans le cadre"),
            "{r14}"
        );
        assert_eq!(
            json_of(&branch.commits[0], "pp/resolution/14/meta.json")["status"],
            "proposed"
        );
        assert_eq!(
            branch.commits[2].changes.get("pp/resolution/128/fr.txt"),
            Some(&None)
        );
        assert!(text_of(&branch.commits[4], "pp/resolution/B-1/fr.txt").is_some());
        let record = json_of(&branch.commits[3], "proposals/pp-2018-dubai/B-67-4.json");
        assert_eq!(record["target"]["number"], 130);
        assert_eq!(record["lines"][0], 75);
    }

    #[test]
    fn building_the_plan_twice_gives_the_same_plan() {
        assert_eq!(&build_plan(), plan());
    }
}

#[test]
fn a_body_after_the_designation_may_be_named_in_full_in_french_english_or_spanish() {
    let wtdc69 = InstrumentId::numbered(Body::Wtdc, InstrumentKind::Resolution, 69);
    for query in [
        "Resolution 69 of the World Telecommunication Development Conference",
        "Résolution 69 de la Conférence mondiale de développement des télécommunications",
        "Resolución 69 de la Conferencia Mundial de Desarrollo de las Telecomunicaciones",
        "Resolution 69 of WTDC",
        "Résolution 69 de la CMDT",
    ] {
        assert_eq!(
            parse_instrument(query),
            Ok(wtdc69.clone()),
            "query `{query}`"
        );
    }
    let unga = parse_instrument("Résolution 70/125 de l'Assemblée générale des Nations Unies")
        .expect("a UN resolution");
    assert_eq!(unga.body, Body::UnGa);
    assert!(parse_instrument("Résolution 69 de la Conférence mondiale imaginaire").is_err());
    for body in Body::ALL {
        let names = body.names();
        for form in names.forms() {
            assert_eq!(Body::from_name(form), Some(body), "`{form}`");
        }
        // The reader's phrases are compared folded: the table must hold them folded.
        for phrase in names
            .mentions
            .iter()
            .chain(names.after)
            .chain(names.formula)
        {
            assert_eq!(
                actes::text::fold(phrase),
                *phrase,
                "{body}: `{phrase}` is not folded"
            );
        }
    }
}
