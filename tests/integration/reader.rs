//! The document and structure reader: proposals, structure, input variants, errors, English and
//! Spanish documents, and the `actes ingest` command.

use std::path::{Path, PathBuf};

use actes::model::{Body, InstrumentKind, Language};
use actes::reader::document::RawProposal;
use actes::reader::structure::{RawItem, RawSection};
use actes::reader::{read_document, read_raw_document, Action, Document};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::common;

const SEED_NAME: &str = "documents/pp-2018-dubai/67-fr.txt";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn seed() -> Document {
    common::read_shipped(SEED_NAME, &common::seed_bytes()).expect("the seed reads")
}

fn raw_seed() -> Vec<RawProposal> {
    read_raw_document(SEED_NAME, &common::seed_bytes())
        .expect("the seed reads")
        .proposals
}

fn raw_proposal<'a>(proposals: &'a [RawProposal], id: &str) -> &'a RawProposal {
    proposals
        .iter()
        .find(|p| p.id.to_string() == id)
        .expect("the proposal is in the document")
}

fn section<'a>(proposal: &'a RawProposal, heading: &str) -> &'a RawSection {
    proposal
        .instrument
        .sections
        .iter()
        .find(|s| s.heading.text == heading)
        .unwrap_or_else(|| panic!("no section `{heading}`"))
}

fn labels_and_depths(items: &[RawItem]) -> Vec<(String, u8)> {
    items
        .iter()
        .map(|i| (i.label.clone().unwrap_or_else(|| "¶".into()), i.depth))
        .collect()
}

fn pairs(list: &[(&str, u8)]) -> Vec<(String, u8)> {
    list.iter().map(|(l, d)| (l.to_string(), *d)).collect()
}

#[test]
fn the_seed_has_five_proposals_with_their_actions_targets_and_line_spans() {
    let doc = seed();
    assert_eq!(doc.language, Language::Fr);
    assert_eq!(
        doc.input_notes,
        vec!["dropped non-breaking hyphens restored: `UITD` read as `UIT-D` (lines 128, 139, 172, 182); `UITT` read as `UIT-T` (lines 126, 136)"]
    );
    let summary: Vec<(String, Action, String, [u32; 2])> = doc
        .proposals
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                p.action,
                p.target.tree_dir(),
                [p.lines.first, p.lines.last],
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "B/67/1".into(),
                Action::Mod,
                "pp/resolution/14".into(),
                [1, 26]
            ),
            (
                "B/67/2".into(),
                Action::Mod,
                "pp/resolution/71".into(),
                [28, 66]
            ),
            (
                "B/67/3".into(),
                Action::Sup,
                "pp/resolution/128".into(),
                [68, 73]
            ),
            (
                "B/67/4".into(),
                Action::Mod,
                "pp/resolution/130".into(),
                [75, 208]
            ),
            (
                "B/67/5".into(),
                Action::Add,
                "pp/resolution/B-1".into(),
                [210, 258]
            ),
        ]
    );
    let draft = &doc.proposals[4].target;
    assert_eq!(
        (
            draft.body,
            draft.kind,
            draft.number,
            draft.provisional.as_deref()
        ),
        (Body::Pp, InstrumentKind::Resolution, None, Some("B-1"))
    );
    let origin = &doc.proposals[0].id;
    assert_eq!(
        (origin.origin.as_str(), origin.document, origin.serial),
        ("B", 67, 1)
    );
}

#[test]
fn each_proposal_keeps_its_reasons_and_the_last_one_has_several_paragraphs() {
    let doc = seed();
    assert!(
        doc.proposals[0].reasons[0].starts_with("Le Brésil propose de modifier la Résolution 14")
    );
    let last = &doc.proposals[4].reasons;
    assert_eq!(last.len(), 9);
    assert!(last[0].starts_with("Certaines applications OTT"));
    assert_eq!(
        last[3],
        "[^2]\thttps://www.itu.int/md/S17-RCLINTPOL10-C-0005/fr"
    );
    assert!(last[2].ends_with("soient respectés[^2]."));
    assert!(last[8].starts_with("Les discussions menées par l'UIT sur les OTT"));
}

#[test]
fn resolution_14_has_its_header_with_bookmarks_dropped_and_its_title_joined_from_two_lines() {
    let raw = raw_seed();
    let res14 = &raw_proposal(&raw, "B/67/1").instrument;
    assert_eq!(
        res14.header.text,
        "RÉSOLUTION 14 (Rév. Antalya, 2006DUBAÏ, 2018)"
    );
    let title = res14.title.as_ref().expect("a title");
    assert_eq!(
        title.text,
        "Reconnaissance des droits et obligations de tous les Membres des Secteurs de\u{a0}l'Union"
    );
    assert_eq!([title.lines.first, title.lines.last], [3, 4]);
    let formula = res14.formula.as_ref().expect("a formula");
    assert!(formula
        .text
        .starts_with("La Conférence de plénipotentiaires"));
    assert_eq!(formula.lines.first, 5);
}

#[test]
fn resolution_14_has_its_sections_under_their_headings() {
    let raw = raw_seed();
    let headings: Vec<&str> = raw_proposal(&raw, "B/67/1")
        .instrument
        .sections
        .iter()
        .map(|s| s.heading.text.as_str())
        .collect();
    assert_eq!(
        headings,
        vec![
            "considérant",
            "reconnaissant",
            "reconnaissant en outre",
            "décide",
            "invite la conférence mondiale de développement des télécommunications, l'assemblée mondiale des radiocommunications et l'assemblée mondiale de normalisation des télécommunications",
            "invite les administrations des Etats Membres",
        ]
    );
    let reconnaissant = section(raw_proposal(&raw, "B/67/1"), "reconnaissant");
    assert_eq!(
        labels_and_depths(&reconnaissant.items),
        pairs(&[
            ("¶", 0),
            ("a)", 0),
            ("b)", 0),
            ("c)", 0),
            ("d)", 0),
            ("e)", 0),
            ("f)", 0)
        ])
    );
}

#[test]
fn resolution_130_has_long_headings_read_by_prefix() {
    let raw = raw_seed();
    let res130 = raw_proposal(&raw, "B/67/4");
    let headings: Vec<&str> = res130
        .instrument
        .sections
        .iter()
        .map(|s| s.heading.text.as_str())
        .collect();
    for expected in [
        "rappelant",
        "considérant",
        "consciente du fait",
        "ayant à l'esprit",
        "charge le Directeur du Bureau de développement des télécommunications",
        "charge en outre le Directeur du Bureau de la normalisation des télécommunications et le Directeur du Bureau de développement des télécommunications",
        "prie le Conseil",
        "invite les Etats Membres, les Membres des Secteurs et les Associés",
    ] {
        assert!(headings.contains(&expected), "missing heading `{expected}`");
    }
    assert_eq!(headings.len(), 15);
    let bdt = section(
        res130,
        "charge le Directeur du Bureau de développement des télécommunications",
    );
    let labels: Vec<&str> = bdt
        .items
        .iter()
        .filter_map(|i| i.label.as_deref())
        .collect();
    assert_eq!(
        labels,
        vec!["1", "2", "3", "4", "5", "6", "7", "8", "9", "810"]
    );
}

#[test]
fn resolution_130_nests_roman_items_under_1_of_charge_le_secretaire_general() {
    let raw = raw_seed();
    let sg = section(
        raw_proposal(&raw, "B/67/4"),
        "charge le Secrétaire général et les Directeurs des Bureaux",
    );
    assert_eq!(
        labels_and_depths(&sg.items[..4]),
        pairs(&[("1", 0), ("i)", 1), ("ii)", 1), ("2", 0)])
    );
}

#[test]
fn in_resolution_130_i_is_a_letter_after_h_and_a_roman_numeral_under_an_item_ending_with_a_colon() {
    let raw = raw_seed();
    let reconnaissant = section(raw_proposal(&raw, "B/67/4"), "reconnaissant");
    let from_h: Vec<(String, u8)> = labels_and_depths(&reconnaissant.items)[7..].to_vec();
    assert_eq!(
        from_h,
        pairs(&[
            ("h)", 0),
            ("i)", 0),
            ("i)", 1),
            ("ii)", 1),
            ("j)", 0),
            ("k)", 0),
            ("l)", 0)
        ])
    );
    let bts = section(
        raw_proposal(&raw, "B/67/4"),
        "charge le Directeur du Bureau de la normalisation des télécommunications",
    );
    assert_eq!(
        labels_and_depths(&bts.items),
        pairs(&[
            ("1", 0),
            ("i)", 1),
            ("ii)", 1),
            ("iii)", 1),
            ("•", 2),
            ("•", 2),
            ("2", 0)
        ])
    );
}

#[test]
fn labels_are_kept_as_written_including_run_together_pairs() {
    let raw = raw_seed();
    let res130 = raw_proposal(&raw, "B/67/4");
    let considerant: Vec<&str> = section(res130, "considérant")
        .items
        .iter()
        .filter_map(|i| i.label.as_deref())
        .collect();
    assert_eq!(
        considerant,
        vec![
            "a)", "b)", "a)", "cb)", "dc)", "ed)", "fe)", "gf)", "h)", "ig)", "jh)", "i)", "j)",
            "k)"
        ]
    );
    let res71 = raw_proposal(&raw, "B/67/2");
    let sg = section(
        res71,
        "charge le Secrétaire général et le Comité de coordination",
    );
    assert_eq!(
        labels_and_depths(&sg.items),
        pairs(&[
            ("1", 0),
            ("2", 0),
            ("23", 0),
            ("4", 0),
            ("i)", 1),
            ("ii)", 1),
            ("iiiii)", 1),
            ("3", 0)
        ])
    );
    assert_eq!(
        sg.items[3].text.chars().next(),
        Some('a'),
        "leading space trimmed"
    );
}

#[test]
fn the_footnote_of_rappelant_j_is_attached_to_its_paragraph() {
    let raw = raw_seed();
    let rappelant = section(raw_proposal(&raw, "B/67/4"), "rappelant");
    let j = rappelant
        .items
        .iter()
        .find(|i| i.label.as_deref() == Some("j)"))
        .expect("j) is there");
    assert!(j
        .text
        .contains("en développement[^1], et la coopération entre ces équipes;"));
    assert!(
        j.text.ends_with("équipes;"),
        "the footnote body leaves the text: {}",
        j.text
    );
    assert_eq!(j.footnotes.len(), 1);
    assert_eq!(j.footnotes[0].mark, "1");
    assert!(j.footnotes[0]
        .text
        .starts_with("Par pays en développement, on entend aussi"));
    let others = rappelant
        .items
        .iter()
        .filter(|i| !i.footnotes.is_empty())
        .count();
    assert_eq!(others, 1);
}

#[test]
fn cyrillic_labels_of_b_67_5_are_read_as_latin_and_reported() {
    let raw = raw_seed();
    let draft = raw_proposal(&raw, "B/67/5");
    let labels: Vec<&str> = section(draft, "reconnaissant en outre")
        .items
        .iter()
        .filter_map(|i| i.label.as_deref())
        .collect();
    assert_eq!(labels, vec!["a)", "b)", "c)", "d)"]);
    let doc = seed();
    let homoglyphs: Vec<(u32, &str, &str)> = doc.proposals[4]
        .uncertain
        .iter()
        .filter(|u| u.what == "homoglyph")
        .map(|u| (u.line, u.excerpt.as_str(), u.readings[0].as_str()))
        .collect();
    assert_eq!(homoglyphs, vec![(235, "а)", "a)"), (237, "с)", "c)")]);
    assert!(doc.proposals[4]
        .uncertain
        .iter()
        .any(|u| u.what == "label-gap" && u.line == 232));
}

#[test]
fn dropped_hyphens_are_restored_where_certain_and_listed_otherwise() {
    let raw = raw_seed();
    let res130 = raw_proposal(&raw, "B/67/4");
    let consciente = section(res130, "consciente du fait");
    let bc = &consciente.items[2];
    assert!(
        bc.text.contains("Commission d'études 17 de l'UIT-T et"),
        "{}",
        bc.text
    );
    let de = &consciente.items[4];
    assert!(de
        .text
        .contains("Commission d'études 2 de l'UIT-D continue"));
    assert!(!res130
        .instrument
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .any(|i| i.text.contains("UITT") || i.text.contains("UITD")));
    let listed: Vec<(u32, &str, &str)> = res130
        .instrument
        .notices
        .iter()
        .filter(|n| n.what == "dropped-hyphen")
        .map(|n| (n.line, n.excerpt.as_str(), n.readings[0].as_str()))
        .collect();
    for expected in [
        (95, "quasitotalité", "quasi-totalité"),
        (100, "sousnationales", "sous-nationales"),
        (142, "cidessus", "ci-dessus"),
        (143, "CMDT14", "CMDT-14"),
    ] {
        assert!(listed.contains(&expected), "{expected:?} not in {listed:?}");
    }
    let draft = raw_proposal(&raw, "B/67/5");
    assert!(draft
        .instrument
        .notices
        .iter()
        .any(|n| n.excerpt == "GTCInternet" && n.readings == ["GTC-Internet"]));
}

#[test]
fn a_sup_gives_header_title_and_formula_only() {
    let raw = raw_seed();
    let sup = &raw_proposal(&raw, "B/67/3").instrument;
    assert_eq!(sup.header.text, "RÉSOLUTION 128 (Rév. Antalya, 2006)");
    assert_eq!(
        sup.title.as_ref().map(|t| t.text.as_str()),
        Some("Soutien au Programme de connectivité pour les Amériques et Plan d'action de\u{a0}Quito")
    );
    assert!(sup.formula.is_some());
    assert!(sup.sections.is_empty());
}

#[test]
fn the_json_contract_names_are_present() {
    let doc = seed();
    let json = serde_json::to_value(&doc).expect("serializes");
    let sup = &json["proposals"][2];
    assert_eq!(sup["id"], "B/67/3");
    assert_eq!(sup["action"], "SUP");
    assert_eq!(sup["target"]["body"], "pp");
    assert_eq!(sup["target"]["kind"], "resolution");
    assert_eq!(sup["target"]["number"], 128);
    assert!(sup["target"]["provisional"].is_null());
    assert_eq!(sup["lines"], serde_json::json!([68, 73]));
    assert!(sup["citations"].is_array() && sup["uncertain"].is_array());
    let draft = &json["proposals"][4];
    assert_eq!(draft["target"]["provisional"], "B-1");
    assert!(draft["target"]["number"].is_null());
}

// ---------------------------------------------------------------------------------------------
// Input variants
// ---------------------------------------------------------------------------------------------

/// The document's JSON without its input notes, which say how each variant differed.
fn json_without_notes(name: &str, bytes: &[u8]) -> (String, Vec<String>) {
    let mut doc = common::read_shipped(name, bytes).expect("the variant reads");
    let notes = std::mem::take(&mut doc.input_notes);
    (
        serde_json::to_string_pretty(&doc).expect("serializes"),
        notes,
    )
}

#[test]
fn crlf_bom_and_nfd_variants_of_the_seed_give_the_same_json() {
    let original = String::from_utf8(common::seed_bytes()).expect("the seed is UTF-8");
    let (expected, notes) = json_without_notes(SEED_NAME, original.as_bytes());
    assert_eq!(notes.len(), 1, "only the restored hyphens: {notes:?}");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(original.as_bytes());
    let crlf = original.replace('\n', "\r\n").into_bytes();
    let nfd: String = original.nfd().collect();
    assert_ne!(nfd, original);
    let mut all = bom.clone();
    all.truncate(3);
    all.extend_from_slice(nfd.replace('\n', "\r\n").as_bytes());
    for (what, bytes) in [
        ("BOM", bom),
        ("CRLF", crlf),
        ("NFD", nfd.into_bytes()),
        ("BOM+NFD+CRLF", all),
    ] {
        let (json, notes) = json_without_notes(SEED_NAME, &bytes);
        assert!(
            notes.len() >= 2,
            "{what}: the variant is noticed: {notes:?}"
        );
        assert!(json == expected, "{what}: the JSON differs");
    }
}

#[test]
fn a_windows_1252_variant_of_the_seed_gives_the_same_json() {
    // Windows-1252 has no Cyrillic: the two Cyrillic labels of B/67/5 are written as the Latin
    // letters they stand for in both the UTF-8 reference and its Windows-1252 variant.
    let original = String::from_utf8(common::seed_bytes())
        .expect("the seed is UTF-8")
        .replace("а)\t", "a)\t")
        .replace("с)\t", "c)\t");
    let (expected, _) = json_without_notes(SEED_NAME, original.as_bytes());
    let cp1252 = actes::reader::decode::string_to_windows_1252(&original)
        .expect("everything else of the seed has a place in Windows-1252");
    assert!(std::str::from_utf8(&cp1252).is_err());
    let (json, notes) = json_without_notes(SEED_NAME, &cp1252);
    assert_eq!(notes.len(), 2);
    assert!(notes[0].contains("Windows-1252"), "{notes:?}");
    assert!(json == expected, "the Windows-1252 JSON differs");
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_binary_and_proposal_less_inputs_are_errors_naming_file_and_line() {
    let empty = read_document("empty.txt", b"").expect_err("empty is refused");
    assert_eq!((empty.file.as_str(), empty.line), ("empty.txt", 1));
    assert!(empty
        .to_string()
        .starts_with("empty.txt: line 1: expected "));

    let binary = read_document("x.bin", b"MOD\tB/67/1\nabc\0def").expect_err("binary is refused");
    assert_eq!((binary.file.as_str(), binary.line), ("x.bin", 2));
    assert!(binary.found.contains("binary"));

    let controls = read_document("c.bin", &[1, 2, 3, 4, 5, 6, 7, 8, b'a']).expect_err("refused");
    assert!(controls.found.contains("binary"));

    let none = read_document("n.txt", b"\n\nDocument 67\nBrazil\n").expect_err("no proposal");
    assert_eq!(none.line, 3);
    assert!(none.expected.contains("MOD<TAB>B/67/1"));

    let headless =
        read_document("h.txt", b"MOD\tB/67/1\n\nnot a header\nMotifs:\tx\n").expect_err("refused");
    assert_eq!(headless.line, 3);
    assert!(headless.expected.contains("header"));

    let bodiless = read_document("b.txt", b"Cover\n MOD\tB/67/1\n*****\n").expect_err("refused");
    assert_eq!(bodiless.line, 2);
    assert!(bodiless.expected.contains("after `MOD B/67/1`"));

    let bodiless = read_document("b.txt", b"Cover\n MOD\tB/67/1\n*****\n").expect_err("refused");
    assert_eq!(bodiless.line, 2);
    assert!(bodiless.expected.contains("after `MOD B/67/1`"));
}

#[test]
fn bad_inputs_exit_with_code_2_and_one_message() {
    let mut all = String::new();
    for name in [
        "empty.txt",
        "binary.bin",
        "no-proposal.txt",
        "no-header.txt",
        "missing.txt",
    ] {
        let path = format!("tests/fixtures/{name}");
        let run = common::actes(&["ingest", &path]);
        assert_eq!(run.code, Some(2), "{name}");
        assert_eq!(run.stderr.lines().count(), 1, "{name}: one message");
        all.push_str(&format!("$ actes ingest {path}\n{}\n", run.snapshot()));
    }
    insta::assert_snapshot!(all);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Err(e) = read_document("fuzz.bin", &bytes) {
            prop_assert!(e.line >= 1 && e.file == "fuzz.bin");
        }
    }

    #[test]
    fn reading_arbitrary_document_like_lines_never_panics(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("MOD\tB/67/1".to_string()),
                Just("ADD\tB/67/5".to_string()),
                Just("SUP\tEUR/44A7/1".to_string()),
                Just("*****".to_string()),
                Just("RÉSOLUTION 130 (Rév. Busan, 2014DUBAÏ, 2018)".to_string()),
                Just("PROJET DE NOUVELLE RÉSOLUTION [B-1]".to_string()),
                Just("La Conférence de plénipotentiaires (Busan, 2014Dubaï, 2018),".to_string()),
                Just("considérant".to_string()),
                Just("charge le Directeur du Bureau de".to_string()),
                Just("Motifs:\tParce que.".to_string()),
                Just("[1: 1\tnote]".to_string()),
                "[a-zа-я]{1,3}\\)\t[a-z ]{0,20}[:;,]?",
                "[0-9]{1,3}\t[a-z ]{0,20}:?",
                "[–•]\t[a-z ]{0,10}",
                ".{0,40}",
                "[\\[\\]footnoteRef:0-9 ]{0,30}",
            ],
            0..40,
        )
    ) {
        let text = lines.join("\n");
        if let Err(e) = read_document("fuzz.txt", text.as_bytes()) {
            prop_assert!(e.line >= 1, "an error names a line: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// English and Spanish
// ---------------------------------------------------------------------------------------------

fn read_fixture(name: &str) -> Document {
    let bytes = std::fs::read(fixture(name)).expect("the fixture is shipped");
    common::read_shipped(name, &bytes).expect("the fixture reads")
}

#[test]
fn an_english_document_reads_with_its_mod_and_its_add() {
    let doc = read_fixture("en-proposals.txt");
    assert_eq!(doc.language, Language::En);
    assert_eq!(doc.proposals.len(), 2);
    let modif = &doc.proposals[0];
    assert_eq!(
        (modif.id.to_string(), modif.action),
        ("EUR/44A7/1".to_string(), Action::Mod)
    );
    assert_eq!(modif.id.addendum, Some(7));
    assert_eq!(modif.target.tree_dir(), "pp/resolution/101");
    assert_eq!([modif.lines.first, modif.lines.last], [1, 25]);
    assert_eq!(
        modif.reasons,
        vec!["To reflect the outcomes of WTDC17 and the work of the ITU-D."]
    );
    let old = modif.old.as_ref().expect("an old text");
    let new = modif.new.as_ref().expect("a new text");
    assert_eq!(
        old.revision.as_ref().map(|r| (r.place.as_str(), r.year)),
        Some(("Busan", 2014))
    );
    assert_eq!(new.revision.as_ref().map(|r| r.year), Some(2018));
    let headings: Vec<&str> = new.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        vec![
            "considering",
            "recognizing further",
            "resolves",
            "instructs the Director of the Telecommunication Development Bureau and the Director of the Telecommunication Standardization Bureau",
            "invites Member States",
        ]
    );

    let raw = read_raw_document(
        "en",
        &std::fs::read(fixture("en-proposals.txt")).expect("fixture"),
    )
    .expect("reads");
    let resolves = section(&raw.proposals[0], "resolves");
    assert_eq!(
        labels_and_depths(&resolves.items),
        pairs(&[("1", 0), ("2", 0), ("i)", 1), ("ii)", 1), ("23", 0)])
    );
    let considering = section(&raw.proposals[0], "considering");
    assert!(considering.items[1].text.contains("the ITU-T has adopted"));
    assert_eq!(
        considering.items[1].footnotes[0].text,
        "See in particular Recommendation ITU-T Y.1001."
    );

    let add = &doc.proposals[1];
    assert_eq!(add.action, Action::Add);
    assert_eq!(add.target.provisional.as_deref(), Some("EUR-1"));
    assert!(add.old.is_none());
    let text = add.new.as_ref().expect("a new text");
    assert_eq!(text.title, "Strengthening cooperation on digital skills");
    assert!(text.revision.is_none());
    assert_eq!(add.reasons.len(), 2);
    assert!(add
        .uncertain
        .iter()
        .any(|u| u.what == "homoglyph" && u.line == 33));
}

#[test]
fn a_spanish_document_reads_with_its_mod_and_its_add() {
    let doc = read_fixture("es-proposals.txt");
    assert_eq!(doc.language, Language::Es);
    let modif = &doc.proposals[0];
    assert_eq!(
        (modif.id.to_string(), modif.action),
        ("B/67/11".to_string(), Action::Mod)
    );
    assert_eq!(modif.target.tree_dir(), "pp/resolution/140");
    assert_eq!([modif.lines.first, modif.lines.last], [1, 22]);
    let old = modif.old.as_ref().expect("an old text");
    let new = modif.new.as_ref().expect("a new text");
    assert_eq!(
        old.revision.as_ref().map(|r| (r.place.as_str(), r.year)),
        Some(("Busan", 2014))
    );
    assert_eq!(new.revision.as_ref().map(|r| r.year), Some(2018));
    assert_eq!(
        old.title,
        "Función de la UIT en la aplicación de los resultados de la Cumbre Mundial sobre la Sociedad de la Información"
    );
    let headings: Vec<&str> = old.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        vec![
            "considerando",
            "reconociendo",
            "resuelve",
            "encarga al Secretario General",
            "invita a los Estados Miembros"
        ]
    );
    let raw = read_raw_document(
        "es",
        &std::fs::read(fixture("es-proposals.txt")).expect("fixture"),
    )
    .expect("reads");
    let sg = section(&raw.proposals[0], "encarga al Secretario General");
    assert_eq!(
        labels_and_depths(&sg.items),
        pairs(&[("1", 0), ("2", 0), ("i)", 1), ("ii)", 1)])
    );
    assert!(section(&raw.proposals[0], "reconociendo").items[0]
        .text
        .contains("la UIT-D desempeña"));

    let add = &doc.proposals[1];
    assert_eq!(
        (add.action, add.target.provisional.as_deref()),
        (Action::Add, Some("B-2"))
    );
    assert_eq!(add.reasons.len(), 2);
    let text = add.new.as_ref().expect("a new text");
    assert_eq!(text.title, "Aplicaciones OTT");
    assert_eq!(text.sections.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------

#[test]
fn ingest_prints_the_seed_as_text() {
    insta::assert_snapshot!(common::actes(&[
        "ingest",
        "history/documents/pp-2018-dubai/67-fr.txt"
    ])
    .snapshot());
}

#[test]
fn ingest_uncertain_prints_only_what_is_not_settled() {
    insta::assert_snapshot!(common::actes(&[
        "ingest",
        "--uncertain",
        "history/documents/pp-2018-dubai/67-fr.txt"
    ])
    .snapshot());
}

#[test]
fn ingest_json_prints_the_whole_document() {
    let run = common::actes(&[
        "ingest",
        "--format",
        "json",
        "history/documents/pp-2018-dubai/67-fr.txt",
    ]);
    assert_eq!(run.code, Some(0));
    let printed: Document = serde_json::from_str(&run.stdout).expect("the output is a Document");
    let mut expected = seed();
    expected.source = "history/documents/pp-2018-dubai/67-fr.txt".into();
    assert_eq!(printed, expected);
}

#[test]
fn ingest_refuses_formats_it_does_not_offer() {
    let run = common::actes(&[
        "ingest",
        "--format",
        "csv",
        "tests/fixtures/en-proposals.txt",
    ]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("cannot print --format csv"));
}
