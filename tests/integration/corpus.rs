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
