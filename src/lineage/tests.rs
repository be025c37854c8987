//! Library tests of the lineage on in-memory records shaped like the shipped corpus.

use std::collections::BTreeMap;

use super::query::{CellState, ProposalOutcome, TableFilter, VersionSelector};
use super::*;
use crate::model::{Conference, EventRecord, InstrumentKind, LineSpan, Places, Side};

fn conf(id: &str, place: &str, year: i32, day: &str) -> Conference {
    Conference {
        id: ConferenceId(id.into()),
        body: Body::Pp,
        place: Places {
            fr: place.replace("Dubai", "Dubaï"),
            en: place.into(),
            es: place.into(),
        },
        aliases: vec![format!("PP-{}", year % 100)],
        year,
        start: crate::model::iso_date::parse(day).expect("a date"),
        end: crate::model::iso_date::parse(day).expect("a date"),
        final_acts: crate::model::iso_date::parse(day).expect("a date"),
        final_acts_confidence: "sourced".into(),
        note: None,
    }
}

fn res(n: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, n)
}

fn rev(place: &str, year: i32, revised: bool) -> Option<Revision> {
    Some(Revision {
        place: place.into(),
        year,
        revised,
    })
}

fn ev(kind: EvidenceKind, source: &str, entry: &str, line: u32) -> Evidence {
    Evidence {
        kind,
        source: source.into(),
        entry: Some(entry.into()),
        lines: Some(LineSpan::line(line)),
        note: None,
    }
}

const SEED: &str = "documents/pp-2018-dubai/67-fr.txt";
const FA: &str = "outcomes/pp-2018-dubai.csv";

fn event(
    i: InstrumentId,
    event: Event,
    status: Status,
    revision: Option<Revision>,
    evidence: Evidence,
) -> EventRecord {
    EventRecord {
        instrument: i,
        event,
        status,
        revision,
        title: None,
        evidence: vec![evidence],
        earlier: None,
    }
}

fn citation(cited: InstrumentId, revision: Option<Revision>, side: Side, line: u32) -> Citation {
    Citation {
        as_written: format!("Résolution {} ({:?})", cited.designation(), revision),
        cited,
        revision,
        side,
        section: Some("considérant".into()),
        label: None,
        line,
        unsettled: None,
    }
}

fn record(
    i: InstrumentId,
    event: Event,
    status: Status,
    revision: Option<Revision>,
    citations: Vec<Citation>,
) -> InstrumentRecord {
    InstrumentRecord {
        instrument: i,
        titles: BTreeMap::from([(Language::Fr, "Un titre".to_string())]),
        revision,
        event,
        status,
        texts: BTreeMap::from([(Language::Fr, Completeness::Complete)]),
        notes: vec![],
        evidence: vec![ev(EvidenceKind::Proposed, SEED, "B/67/4", 76)],
        citations,
        uncertain: vec![],
    }
}

fn proposal(id: &str, action: Action, target: InstrumentId, line: u32) -> ProposalRecord {
    ProposalRecord {
        id: id.parse().expect("a proposal id"),
        conference: ConferenceId("pp-2018-dubai".into()),
        action,
        target,
        source: SEED.into(),
        lines: LineSpan::new(line, line + 5),
        reasons: vec![],
        evidence: vec![ev(EvidenceKind::Proposed, SEED, id, line)],
    }
}

fn wtdc(n: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Wtdc, InstrumentKind::Resolution, n)
}

fn wtsa(n: u32) -> InstrumentId {
    InstrumentId::numbered(Body::Wtsa, InstrumentKind::Resolution, n)
}

/// Antalya 2006, Busan 2014 and Dubai 2018, with Dubai's Final Acts facts for 14, 36, 128, 130
/// and 206, and Brazil's five proposals; 130 as proposed cites other bodies' resolutions.
fn records() -> Records {
    use EvidenceKind::*;
    let antalya = ConferenceRecord {
        conference: conf("pp-2006-antalya", "Antalya", 2006, "2006-11-06"),
        events: vec![],
    };
    let busan = ConferenceRecord {
        conference: conf("pp-2014-busan", "Busan", 2014, "2014-10-20"),
        events: vec![
            event(
                res(14),
                Event::Unchanged,
                Status::Inferred,
                rev("Antalya", 2006, true),
                ev(Inferred, SEED, "RÉSOLUTION 14 (Rév. Antalya, 2006)", 2),
            ),
            event(
                res(130),
                Event::Revised,
                Status::Adopted,
                rev("Busan", 2014, true),
                ev(Stated, SEED, "RÉSOLUTION 130 (Rév. Busan, 2014)", 76),
            ),
        ],
    };
    let mut e128 = event(
        res(128),
        Event::Suppressed,
        Status::Adopted,
        rev("Antalya", 2006, true),
        ev(Stated, FA, "resolution 128 abrogated", 28),
    );
    e128.title = Some("Support for the Agenda for Connectivity in the Americas".into());
    let dubai = ConferenceRecord {
        conference: conf("pp-2018-dubai", "Dubai", 2018, "2018-10-29"),
        events: vec![
            event(
                res(14),
                Event::Unchanged,
                Status::Inferred,
                rev("Antalya", 2006, true),
                ev(Inferred, FA, "resolution 14 not in the Final Acts", 1),
            ),
            event(
                res(36),
                Event::Suppressed,
                Status::Adopted,
                rev("Guadalajara", 2010, true),
                ev(Stated, FA, "resolution 36 abrogated", 12),
            ),
            e128,
            event(
                res(130),
                Event::Revised,
                Status::Adopted,
                rev("Dubai", 2018, true),
                ev(Stated, FA, "resolution 130 revised", 30),
            ),
            event(
                res(206),
                Event::Adopted,
                Status::Adopted,
                rev("Dubai", 2018, false),
                ev(Stated, FA, "resolution 206 new", 70),
            ),
        ],
    };
    let dubai_id = ConferenceId("pp-2018-dubai".into());
    let versions = vec![
        VersionRecord {
            conference: ConferenceId("pp-2014-busan".into()),
            proposal: None,
            record: record(
                res(130),
                Event::Revised,
                Status::Adopted,
                rev("Busan", 2014, true),
                vec![citation(wtdc(69), rev("Dubaï", 2014, true), Side::Both, 90)],
            ),
        },
        VersionRecord {
            conference: dubai_id.clone(),
            proposal: Some("B/67/4".parse().expect("id")),
            record: record(
                res(130),
                Event::Proposed,
                Status::Proposed,
                rev("DUBAÏ", 2018, true),
                vec![
                    citation(wtdc(69), rev("Dubaï", 2014, true), Side::Old, 90),
                    citation(wtdc(69), rev("Buenos Aires", 2017, true), Side::New, 90),
                    citation(wtdc(69), rev("BUENOS AIRES", 2017, true), Side::New, 112),
                    citation(res(181), rev("Guadalajara", 2010, true), Side::Both, 87),
                    citation(wtsa(58), rev("Dubaï", 2012, true), Side::Old, 112),
                    citation(wtsa(58), rev("Hammamet", 2016, true), Side::New, 112),
                ],
            ),
        },
        VersionRecord {
            conference: dubai_id.clone(),
            proposal: None,
            record: record(
                res(206),
                Event::Adopted,
                Status::Adopted,
                rev("Dubai", 2018, false),
                vec![citation(
                    res(128),
                    rev("Antalya", 2006, true),
                    Side::Both,
                    3,
                )],
            ),
        },
    ];
    let proposals = vec![
        proposal("B/67/1", Action::Mod, res(14), 1),
        proposal("B/67/3", Action::Sup, res(128), 68),
        proposal("B/67/4", Action::Mod, res(130), 75),
        proposal(
            "B/67/5",
            Action::Add,
            InstrumentId::provisional(Body::Pp, InstrumentKind::Resolution, "B-1"),
            210,
        ),
    ];
    stored(Records {
        // No catalogue: a history written before `catalogue.json`, whose conferences are those
        // of its records.
        catalogue: Vec::new(),
        conferences: vec![dubai, antalya, busan],
        versions,
        proposals,
    })
}

/// The records as the corpus stores them: with the conferences that a later fact shows each
/// instrument went through unchanged (`corpus::unchanged`, the rule the lineage only reads).
fn stored(mut r: Records) -> Records {
    let catalogue = crate::catalogue::Catalogue::from_conferences(
        r.conferences
            .iter()
            .map(|c| c.conference.clone())
            .chain(r.catalogue.iter().cloned())
            .collect(),
    );
    let cited: Vec<(InstrumentId, Revision)> = r
        .versions
        .iter()
        .flat_map(|v| &v.record.citations)
        .filter_map(|c| Some((c.cited.clone(), c.revision.clone()?)))
        .collect();
    crate::corpus::unchanged::passed_through(&catalogue, &mut r.conferences, &cited);
    r
}

fn lineage() -> Lineage {
    Lineage::from_all(&records())
}

#[test]
fn conferences_are_ordered_by_date_whatever_the_record_order() {
    let l = lineage();
    let ids: Vec<&str> = l.chronology().iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "pp-2006-antalya",
            "pp-2010-guadalajara",
            "wtsa-2012-dubai",
            "wtdc-2014-dubai",
            "pp-2014-busan",
            "wtsa-2016-hammamet",
            "wtdc-2017-buenos-aires",
            "pp-2018-dubai"
        ]
    );
}

#[test]
fn resolution_14_is_revised_at_antalya_unchanged_since_and_b_67_1_not_adopted() {
    let report = lineage().lineage(&res(14)).expect("14 is known");
    let steps: Vec<(&str, Event, Status)> = report
        .steps
        .iter()
        .map(|s| (s.conference.0.as_str(), s.event, s.status))
        .collect();
    assert_eq!(
        steps,
        [
            ("pp-2006-antalya", Event::Revised, Status::Inferred),
            ("pp-2014-busan", Event::Unchanged, Status::Inferred),
            ("pp-2018-dubai", Event::Proposed, Status::Proposed),
            ("pp-2018-dubai", Event::Unchanged, Status::Inferred),
        ]
    );
    let p = report.steps[2].proposal.as_ref().expect("a proposal step");
    assert_eq!(p.id.to_string(), "B/67/1");
    assert_eq!(p.outcome, ProposalOutcome::NotAdopted);
    assert!(p.note.contains("not revised at Dubai, 2018"), "{}", p.note);
}

#[test]
fn resolution_130_revised_at_dubai_does_not_make_b_67_4_adopted() {
    let report = lineage().lineage(&res(130)).expect("130 is known");
    let dubai = report
        .steps
        .iter()
        .find(|s| s.conference.0 == "pp-2018-dubai" && s.event == Event::Revised)
        .expect("revised at Dubai");
    assert_eq!(dubai.status, Status::Adopted);
    assert_eq!(
        dubai.text_note.as_deref(),
        Some("adopted text not in the corpus")
    );
    let busan = report
        .steps
        .iter()
        .find(|s| s.conference.0 == "pp-2014-busan")
        .expect("Busan");
    assert_eq!(
        (busan.event, busan.text_note.clone()),
        (Event::Revised, None)
    );
    let p = report
        .steps
        .iter()
        .find_map(|s| s.proposal.as_ref())
        .expect("B/67/4");
    assert_eq!(p.outcome, ProposalOutcome::Undetermined);
    assert!(p.note.contains("not known to be adopted"), "{}", p.note);
}

#[test]
fn citations_with_revision_marks_make_inferred_versions_of_other_bodies() {
    let l = lineage();
    let v69: Vec<(String, Status)> = l
        .outcome_versions(&wtdc(69))
        .into_iter()
        .map(|n| {
            let v = l.version_at(n).expect("a version");
            (v.conference.0.clone(), v.status)
        })
        .collect();
    assert_eq!(
        v69,
        [
            ("wtdc-2014-dubai".to_string(), Status::Inferred),
            ("wtdc-2017-buenos-aires".to_string(), Status::Inferred)
        ]
    );
    let ba = l
        .conference(&ConferenceId("wtdc-2017-buenos-aires".into()))
        .expect("a node");
    assert!(!ba.in_catalogue);
    assert_eq!(ba.label(), "WTDC Buenos Aires, 2017");
    // PP 181 at Guadalajara joins a PP conference node that no record holds.
    let g = l.lineage(&res(181)).expect("181 known from a citation");
    assert_eq!(g.steps[0].conference.0, "pp-2010-guadalajara");
    assert_eq!(g.steps[0].status, Status::Inferred);
    assert!(g.steps[0].evidence[0]
        .note
        .as_deref()
        .is_some_and(|n| n.contains("B/67/4")));
}

#[test]
fn suppressed_at_dubai_lists_128_with_its_last_revision_and_brazils_proposal() {
    let l = lineage();
    let at = l.resolve_conference("dubai-2018").expect("Dubai");
    let entries = l.suppressed(Some(&at), None).expect("a list");
    let numbers: Vec<Option<u32>> = entries.iter().map(|e| e.instrument.number).collect();
    assert_eq!(numbers, [Some(36), Some(128)]);
    let e128 = &entries[1];
    assert_eq!(e128.status, Status::Adopted);
    assert_eq!(
        e128.last_revision.clone().map(|r| r.mark),
        rev("Antalya", 2006, true)
    );
    assert_eq!(
        e128.last_revised_at,
        Some(ConferenceId("pp-2006-antalya".into()))
    );
    assert_eq!(e128.evidence[0].kind, EvidenceKind::Stated);
    assert_eq!(e128.proposals[0].id.to_string(), "B/67/3");
    let json = serde_json::to_value(&entries).expect("json");
    for key in ["body", "kind", "number", "conference", "status", "evidence"] {
        assert!(json[1].get(key).is_some(), "missing {key}");
    }
}

#[test]
fn the_table_has_a_row_for_the_draft_as_a_proposal() {
    let l = lineage();
    let t = l.table(&TableFilter {
        body: Some(Body::Pp),
        ..TableFilter::default()
    });
    let col = |id: &str| t.conferences.iter().position(|c| c.id.0 == id).expect(id);
    let row = |d: &str| {
        t.rows
            .iter()
            .find(|r| r.instrument.designation() == d)
            .expect(d)
    };
    let draft = row("[B-1]");
    let cell = draft.cells[col("pp-2018-dubai")].as_ref().expect("a cell");
    assert_eq!(cell.state, CellState::Proposed);
    let r14 = row("14");
    assert_eq!(
        r14.cells[col("pp-2014-busan")].as_ref().map(|c| c.state),
        Some(CellState::Unchanged)
    );
    assert_eq!(
        r14.cells[col("pp-2006-antalya")]
            .as_ref()
            .map(|c| (c.state, c.inferred)),
        Some((CellState::Revised, true))
    );
    // 128: abrogated at Dubai as `Rev. Antalya, 2006`, so not revised at Busan in between.
    let r128 = row("128");
    assert_eq!(
        r128.cells[col("pp-2014-busan")]
            .as_ref()
            .map(|c| (c.state, c.inferred)),
        Some((CellState::Unchanged, true))
    );
    assert_eq!(
        r128.cells[col("pp-2018-dubai")].as_ref().map(|c| c.state),
        Some(CellState::Suppressed)
    );
    assert!(t.conferences.iter().all(|c| !c.id.0.starts_with("wtdc")));
    let ranged = l.table(&TableFilter {
        body: Some(Body::Pp),
        from: Some(ConferenceId("pp-2014-busan".into())),
        to: None,
        ..TableFilter::default()
    });
    assert_eq!(ranged.conferences.len(), 2);
}

#[test]
fn a_citation_of_a_superseded_or_suppressed_version_is_flagged() {
    let l = lineage();
    let cites = l
        .cites(
            &res(130),
            Some(&VersionSelector::Proposal("B/67/4".parse().expect("id"))),
        )
        .expect("cites");
    let old69 = cites
        .iter()
        .find(|c| c.cited == wtdc(69) && c.side == Side::Old)
        .expect("old citation");
    assert_eq!(
        old69.cited_version,
        Some(ConferenceId("wtdc-2014-dubai".into()))
    );
    assert_eq!(old69.flags[0].what, "superseded");
    let new69 = cites
        .iter()
        .find(|c| c.cited == wtdc(69) && c.side == Side::New)
        .expect("new citation");
    assert!(new69.flags.is_empty());
    let by = l.cited_by(&res(128)).expect("cited");
    assert_eq!(by.len(), 1);
    assert_eq!(
        by[0]
            .flags
            .iter()
            .map(|f| f.what.as_str())
            .collect::<Vec<_>>(),
        ["suppressed"]
    );
}

#[test]
fn in_force_after_dubai_leaves_out_what_dubai_suppressed() {
    let l = lineage();
    let r = l
        .in_force(&ConferenceId("pp-2018-dubai".into()))
        .expect("in force");
    let numbers: Vec<Option<u32>> = r.instruments.iter().map(|e| e.instrument.number).collect();
    assert_eq!(numbers, [Some(14), Some(130), Some(181), Some(206)]);
    let busan = l
        .in_force(&ConferenceId("pp-2014-busan".into()))
        .expect("in force");
    assert!(busan.instruments.iter().any(|e| e.instrument == res(128)));
}

#[test]
fn conference_names_resolve_in_any_spelling() {
    let l = lineage();
    for name in [
        "dubai-2018",
        "Dubaï 2018",
        "DUBAÏ, 2018",
        "pp-18",
        "2018",
        "pp-2018-dubai",
    ] {
        assert_eq!(
            l.resolve_conference(name).map(|c| c.0),
            Ok("pp-2018-dubai".to_string()),
            "{name}"
        );
    }
    assert!(l.resolve_conference("dubai").is_ok(), "catalogue first");
    assert!(l.resolve_conference("Kyoto 1994").is_err());
    assert_eq!(
        l.resolve_conference("buenos aires 2017").map(|c| c.0),
        Ok("wtdc-2017-buenos-aires".to_string())
    );
}

#[test]
fn a_one_instrument_subset_gives_the_same_lineage_as_the_whole() {
    for all in [records(), records_with_catalogue()] {
        for i in [res(14), res(128), res(130), wtdc(69), res(181)] {
            let whole = Lineage::from_all(&all).lineage(&i).expect("known");
            let part = Lineage::from_all(&load::subset(&all, &i))
                .lineage(&i)
                .expect("known");
            assert_eq!(whole, part, "{i}");
        }
    }
}

#[test]
fn every_edge_carries_evidence() {
    let l = lineage();
    for e in l.graph().edge_weights() {
        assert!(!e.evidence.is_empty(), "{e:?}");
    }
}

/// [`records`] with the whole catalogue (`catalogue.json`): Kyoto 1994 to Bucharest 2022, most of
/// them without a record; and Dubai's Final Acts abrogating 89 as `Minneapolis, 1998`.
fn records_with_catalogue() -> Records {
    let mut r = records();
    r.catalogue = vec![
        conf("pp-1994-kyoto", "Kyoto", 1994, "1994-09-19"),
        conf("pp-1998-minneapolis", "Minneapolis", 1998, "1998-10-12"),
        conf("pp-2002-marrakech", "Marrakesh", 2002, "2002-09-23"),
        conf("pp-2006-antalya", "Antalya", 2006, "2006-11-06"),
        conf("pp-2010-guadalajara", "Guadalajara", 2010, "2010-10-04"),
        conf("pp-2014-busan", "Busan", 2014, "2014-10-20"),
        conf("pp-2018-dubai", "Dubai", 2018, "2018-10-29"),
        conf("pp-2022-bucharest", "Bucharest", 2022, "2022-09-26"),
    ];
    let dubai = r
        .conferences
        .iter_mut()
        .find(|c| c.conference.id.0 == "pp-2018-dubai")
        .expect("Dubai's record");
    dubai.events.push(event(
        res(89),
        Event::Suppressed,
        Status::Adopted,
        rev("Minneapolis", 1998, false),
        ev(EvidenceKind::Stated, FA, "resolution 89 abrogated", 21),
    ));
    stored(r)
}

/// The steps of an instrument's lineage as (conference, event, status).
fn steps_of(l: &Lineage, i: &InstrumentId) -> Vec<(String, Event, Status)> {
    l.lineage(i)
        .expect("known")
        .steps
        .iter()
        .map(|s| (s.conference.0.clone(), s.event, s.status))
        .collect()
}

#[test]
fn an_abrogation_naming_its_last_revision_makes_every_catalogue_conference_in_between_unchanged() {
    let l = Lineage::from_all(&records_with_catalogue());
    let report = l.lineage(&res(89)).expect("89 is known");
    let steps: Vec<(&str, Event, Status)> = report
        .steps
        .iter()
        .map(|s| (s.conference.0.as_str(), s.event, s.status))
        .collect();
    assert_eq!(
        steps,
        [
            ("pp-1998-minneapolis", Event::Adopted, Status::Inferred),
            ("pp-2002-marrakech", Event::Unchanged, Status::Inferred),
            ("pp-2006-antalya", Event::Unchanged, Status::Inferred),
            ("pp-2010-guadalajara", Event::Unchanged, Status::Inferred),
            ("pp-2014-busan", Event::Unchanged, Status::Inferred),
            ("pp-2018-dubai", Event::Suppressed, Status::Adopted),
        ]
    );
    // Each inferred step points at the Final Acts row, with a note saying why.
    let marrakech = &report.steps[1];
    assert_eq!(
        marrakech.revision.clone().map(|r| r.mark),
        rev("Minneapolis", 1998, false)
    );
    let e = &marrakech.evidence[0];
    assert_eq!(
        (e.kind, e.source.as_str(), e.entry.as_deref(), e.lines),
        (
            EvidenceKind::Inferred,
            FA,
            Some("resolution 89 abrogated"),
            Some(LineSpan::line(21))
        )
    );
    let note = e.note.as_deref().expect("a note");
    assert!(
        note.contains("Minneapolis, 1998") && note.contains("not revised at Marrakesh, 2002"),
        "{note}"
    );
}

#[test]
fn a_later_header_still_naming_an_older_revision_covers_every_catalogue_conference_in_between() {
    let l = Lineage::from_all(&records_with_catalogue());
    let outcomes: Vec<(String, Event, Status)> = steps_of(&l, &res(14))
        .into_iter()
        .filter(|(_, e, _)| *e != Event::Proposed)
        .collect();
    assert_eq!(
        outcomes,
        [
            ("pp-2006-antalya".into(), Event::Revised, Status::Inferred),
            (
                "pp-2010-guadalajara".into(),
                Event::Unchanged,
                Status::Inferred
            ),
            ("pp-2014-busan".into(), Event::Unchanged, Status::Inferred),
            ("pp-2018-dubai".into(), Event::Unchanged, Status::Inferred),
        ]
    );
    // Guadalajara rests on the header that Busan's step rests on.
    let report = l.lineage(&res(14)).expect("14");
    let guadalajara = &report.steps[1].evidence[0];
    assert_eq!(guadalajara.source, SEED);
    assert_eq!(
        guadalajara.entry.as_deref(),
        Some("RÉSOLUTION 14 (Rév. Antalya, 2006)")
    );
    // 128, abrogated as `Rev. Antalya, 2006`: unchanged at Guadalajara and Busan.
    let r128 = steps_of(&l, &res(128));
    assert!(r128.contains(&(
        "pp-2010-guadalajara".into(),
        Event::Unchanged,
        Status::Inferred
    )));
    assert!(r128.contains(&("pp-2014-busan".into(), Event::Unchanged, Status::Inferred)));
}

#[test]
fn an_inferred_unchanged_never_replaces_what_a_conference_states_nor_reaches_outside_the_gap() {
    let mut r = records_with_catalogue();
    // 300: revised at Busan, stated by a header; abrogated at Dubai as `Rev. Antalya, 2006` (a
    // contradiction that sources could hold): Busan stays revised, only Guadalajara is inferred.
    let busan = r
        .conferences
        .iter_mut()
        .find(|c| c.conference.id.0 == "pp-2014-busan")
        .expect("Busan");
    busan.events.push(event(
        res(300),
        Event::Revised,
        Status::Adopted,
        rev("Busan", 2014, true),
        ev(
            EvidenceKind::Stated,
            SEED,
            "RÉSOLUTION 300 (Rév. Busan, 2014)",
            5,
        ),
    ));
    let dubai = r
        .conferences
        .iter_mut()
        .find(|c| c.conference.id.0 == "pp-2018-dubai")
        .expect("Dubai");
    dubai.events.push(event(
        res(300),
        Event::Suppressed,
        Status::Adopted,
        rev("Antalya", 2006, true),
        ev(EvidenceKind::Stated, FA, "resolution 300 abrogated", 80),
    ));
    let l = Lineage::from_all(&stored(r));
    assert_eq!(
        steps_of(&l, &res(300)),
        [
            ("pp-2006-antalya".into(), Event::Revised, Status::Inferred),
            (
                "pp-2010-guadalajara".into(),
                Event::Unchanged,
                Status::Inferred
            ),
            ("pp-2014-busan".into(), Event::Revised, Status::Adopted),
            ("pp-2018-dubai".into(), Event::Suppressed, Status::Adopted),
        ]
    );
    // Nothing before the revision named, nothing after the suppression.
    for i in [res(14), res(89), res(128), res(300)] {
        assert!(steps_of(&l, &i)
            .iter()
            .all(|(c, _, _)| c != "pp-1994-kyoto" && c != "pp-2022-bucharest"));
    }
}

#[test]
fn the_default_table_is_the_plenipotentiary_conferences_with_only_its_conferences() {
    let l = Lineage::from_all(&records_with_catalogue());
    let t = l.table(&TableFilter::default());
    assert_eq!(t.body, Body::Pp);
    assert!(t.rows.iter().all(|r| r.instrument.body == Body::Pp));
    let ids: Vec<&str> = t.conferences.iter().map(|c| c.id.0.as_str()).collect();
    // Kyoto (nothing known) and Bucharest (after the last recorded conference) have no column.
    assert_eq!(
        ids,
        [
            "pp-1998-minneapolis",
            "pp-2002-marrakech",
            "pp-2006-antalya",
            "pp-2010-guadalajara",
            "pp-2014-busan",
            "pp-2018-dubai"
        ]
    );
    let r89 = t.rows.iter().find(|r| r.instrument == res(89)).expect("89");
    let cells: Vec<Option<(CellState, bool)>> = r89
        .cells
        .iter()
        .map(|c| c.as_ref().map(|c| (c.state, c.inferred)))
        .collect();
    assert_eq!(
        cells,
        [
            Some((CellState::New, true)),
            Some((CellState::Unchanged, true)),
            Some((CellState::Unchanged, true)),
            Some((CellState::Unchanged, true)),
            Some((CellState::Unchanged, true)),
            Some((CellState::Suppressed, false)),
        ]
    );
}

#[test]
fn every_body_gets_its_own_table_and_no_cell_stands_under_another_bodys_conference() {
    let l = Lineage::from_all(&records_with_catalogue());
    let tables = l.tables(&TableFilter::default());
    let bodies: Vec<Body> = tables.iter().map(|t| t.body).collect();
    assert_eq!(bodies, [Body::Pp, Body::Wtdc, Body::Wtsa]);
    for t in &tables {
        for column in &t.conferences {
            let c = l.conference(&column.id).expect("a conference");
            assert_eq!(c.body, t.body, "{} in the {} table", column.id, t.body);
        }
        for row in &t.rows {
            assert_eq!(row.instrument.body, t.body);
            assert_eq!(row.cells.len(), t.conferences.len());
            // No body without a recorded conference has `unknown` cells.
            if t.body != Body::Pp {
                assert!(row
                    .cells
                    .iter()
                    .flatten()
                    .all(|c| c.state != CellState::Unknown));
            }
        }
    }
    let wtdc = l.tables(&TableFilter {
        body: Some(Body::Wtdc),
        ..TableFilter::default()
    });
    assert_eq!(wtdc.len(), 1);
    let labels: Vec<&str> = wtdc[0]
        .conferences
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["WTDC Dubaï, 2014", "WTDC Buenos Aires, 2017"]);
}

#[test]
fn catalogue_conferences_resolve_through_the_catalogue_and_others_through_their_marks() {
    let l = Lineage::from_all(&records_with_catalogue());
    for (name, id) in [
        ("Kyoto 1994", "pp-1994-kyoto"),
        ("marrakesh", "pp-2002-marrakech"),
        ("PP-02", "pp-2002-marrakech"),
        ("2010", "pp-2010-guadalajara"),
        ("dubai", "pp-2018-dubai"),
        ("wtdc 2014", "wtdc-2014-dubai"),
        ("hammamet", "wtsa-2016-hammamet"),
    ] {
        assert_eq!(
            l.resolve_conference(name).map(|c| c.0),
            Ok(id.to_string()),
            "{name}"
        );
    }
    assert!(matches!(
        l.resolve_conference("pp"),
        Err(query::QueryError::AmbiguousConference { .. })
    ));
    assert!(l.resolve_conference("Atlantis 1999").is_err());
    // The latest conference for defaults is the latest that the history records.
    assert_eq!(
        l.latest_conference(),
        Some(ConferenceId("pp-2018-dubai".into()))
    );
}
