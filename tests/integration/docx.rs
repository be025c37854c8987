//! Word files: tracked changes read exactly. Documents are written by an independent writer
//! (`docx-rs`, which writes insertions, deletions and paragraph marks as Word does) or, where it
//! cannot (moves, non-breaking hyphens, hostile packages), as OOXML written out in the test. The
//! real Word files of `../shared/data/docx/` (third-party, never committed) are read as their
//! README says.

use std::io::Write;
use std::path::PathBuf;

use actes::model::{Change, InstrumentText};
use actes::reader::docx::{read_views, DocxError};
use actes::reader::{read_any_document, Document, DocumentError};

use crate::common;
use crate::writers;

// ---------------------------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------------------------

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A package written by hand: the content types, the package relationships pointing at `main`,
/// the main part with `body` inside `w:body`, and extra parts (name, XML) related to it.
fn hand_package(main: &str, body: &str, extra: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, options).expect("a zip entry");
        zip.write_all(text.as_bytes()).expect("written");
    };
    put(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/{main}"/></Relationships>"#
        ),
    );
    put(
        main,
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#
        ),
    );
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels: String = extra
        .iter()
        .enumerate()
        .map(|(i, (name, kind, _))| {
            format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{name}"/>"#, i + 10)
        })
        .collect();
    put(
        &format!("{dir}/_rels/{file}.rels"),
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    for (name, _, xml) in extra {
        put(&format!("{dir}/{name}"), xml);
    }
    zip.finish().expect("the zip closes").into_inner()
}

/// A package whose main part is `document` exactly as given (its own prefixes and namespace).
fn hand_document(document: &str) -> Vec<u8> {
    let bytes = hand_package("word/document.xml", "", &[]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().to_string();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut entry, &mut text).expect("text");
        if name == "word/document.xml" {
            text = document.to_string();
        }
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(text.as_bytes()).expect("written");
    }
    zip.finish().expect("closes").into_inner()
}

/// A one-part package with the body given.
fn hand(body: &str) -> Vec<u8> {
    hand_package("word/document.xml", body, &[])
}

/// The two views as the text reader reads lines.
fn lines_of(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
    let views = read_views("test.docx", bytes).expect("the package reads");
    let lines = |v: &[actes::reader::views::ViewParagraph]| {
        v.iter()
            .map(|p| p.line())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
    };
    (lines(&views.old), lines(&views.new))
}

/// The seed's proposals `ids` (all when empty) as a Word file with tracked changes.
fn seed_as_docx(ids: &[&str]) -> Vec<u8> {
    writers::document_as_docx(common::seed_document(), ids)
}

fn word(name: &str, bytes: &[u8]) -> Document {
    match read_any_document(name, bytes) {
        Ok(d) => d,
        Err(e) => panic!("{name} should read: {e}"),
    }
}

/// What a text's sections hold, compared paragraph for paragraph.
/// A section's heading and its paragraphs' labels and texts.
type Shape = (String, Vec<(Option<String>, String)>);

fn shape(text: &InstrumentText) -> Vec<Shape> {
    text.sections
        .iter()
        .map(|s| {
            (
                s.heading.clone(),
                s.paragraphs
                    .iter()
                    .map(|p| (p.label.clone(), p.text.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// The uncertainty kinds that come from the redline reconstruction (the guessing the Word reader
/// never needs).
const REDLINE_KINDS: &[&str] = &[
    "run-together-words",
    "paragraph-order",
    "paragraph-presence",
    "label-pair",
    "label-sequence",
    "number-pair",
    "label-gap",
];

// ---------------------------------------------------------------------------------------------
// The seed as Word
// ---------------------------------------------------------------------------------------------

#[test]
fn the_seed_proposals_written_as_tracked_changes_read_back_to_the_same_old_and_new_texts() {
    let bytes = seed_as_docx(&["B/67/1", "B/67/2", "B/67/4"]);
    let doc = word("67-fr.docx", &bytes);
    assert_eq!(doc.proposals.len(), 3);
    for read in &doc.proposals {
        let seed = common::proposal(common::seed_document(), &read.id.to_string());
        assert_eq!(read.action, seed.action);
        assert_eq!(read.target, seed.target);
        for (side, mine, theirs) in [("old", &read.old, &seed.old), ("new", &read.new, &seed.new)] {
            let (mine, theirs) = (
                mine.as_ref().expect("a text"),
                theirs.as_ref().expect("a text"),
            );
            assert_eq!(mine.header, theirs.header, "{} {side} header", read.id);
            assert_eq!(mine.title, theirs.title, "{} {side} title", read.id);
            assert_eq!(mine.formula, theirs.formula, "{} {side} formula", read.id);
            assert_eq!(shape(mine), shape(theirs), "{} {side} paragraphs", read.id);
            // The text reader's notes less its own doubts: the annexes left out, nothing unplaced.
            let settled: Vec<&String> = theirs
                .notes
                .iter()
                .filter(|n| !n.ends_with(actes::reader::redline::UNSETTLED_NOTE_END))
                .collect();
            let mine_settled: Vec<&String> = mine
                .notes
                .iter()
                .filter(|n| !n.ends_with(actes::reader::redline::UNSETTLED_NOTE_END))
                .collect();
            assert_eq!(mine_settled, settled, "{} {side}", read.id);
            if !mine_settled.is_empty() {
                assert_ne!(mine.completeness, actes::model::Completeness::Complete);
            }
            // What the text says may still be unsettled whatever the input (a gap in its labels,
            // a citation whose body the words do not settle, a later year's meeting cited): such
            // a paragraph is marked. The Word layer itself doubts nothing (no redline reading,
            // checked below).
            let later: Vec<u32> = read.uncertain.iter().map(|u| u.line).collect();
            assert!(mine
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .filter(|p| p.change == Change::Uncertain)
                .all(|p| later
                    .iter()
                    .any(|l| (p.lines.first..=p.lines.last).contains(l))));
        }
        let guessed: Vec<&str> = read
            .uncertain
            .iter()
            .map(|u| u.what.as_str())
            .filter(|w| REDLINE_KINDS.contains(w))
            .collect();
        assert!(guessed.is_empty(), "{}: {guessed:?}", read.id);
    }
    // The text reader had to guess on these same proposals: the test compares against a reading
    // that was not trivially certain.
    let seed_guesses = common::seed_document()
        .proposals
        .iter()
        .flat_map(|p| &p.uncertain)
        .filter(|u| REDLINE_KINDS.contains(&u.what.as_str()))
        .count();
    assert!(seed_guesses > 0);
}

#[test]
fn paragraph_changes_in_a_word_file_are_known_not_guessed() {
    let doc = word("67-fr.docx", &seed_as_docx(&["B/67/2"]));
    let seed = common::proposal(common::seed_document(), "B/67/2");
    let changes = |t: &InstrumentText| -> Vec<Change> {
        t.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.change)
            .collect()
    };
    let read = &doc.proposals[0];
    let new = changes(read.new.as_ref().expect("new"));
    assert!(new.contains(&Change::Inserted) || new.contains(&Change::Modified));
    assert!(changes(seed.new.as_ref().expect("new")).contains(&Change::Uncertain));
    assert!(!new.contains(&Change::Uncertain));
}

#[test]
fn the_whole_seed_as_word_builds_a_history_without_redline_doubts() {
    let dir = common::scratch_dir("docx-history");
    let copy = |from: &std::path::Path, to: &std::path::Path| {
        for entry in walk(from) {
            let rel = entry.strip_prefix(from).expect("under");
            let target = to.join(rel);
            std::fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
            std::fs::copy(&entry, &target).expect("copy");
        }
    };
    copy(&common::sources_dir(), &dir);
    std::fs::remove_file(dir.join(common::SEED_NAME)).expect("the text seed");
    std::fs::write(
        dir.join("documents/pp-2018-dubai/67-fr.docx"),
        seed_as_docx(&[]),
    )
    .expect("write");
    let index = std::fs::read_to_string(dir.join("documents.csv")).expect("index");
    std::fs::write(
        dir.join("documents.csv"),
        index.replace("67-fr.txt", "67-fr.docx"),
    )
    .expect("write");
    let unsettled = |dir: &std::path::Path| -> usize {
        let sources = actes::corpus::sources::Sources::load(dir).expect("the sources load");
        let plan = actes::corpus::Corpus::assemble(&sources)
            .expect("the corpus assembles")
            .plan();
        plan.main
            .iter()
            .chain(plan.branches.iter().flat_map(|b| &b.commits))
            .flat_map(|c| c.changes.values().flatten())
            .map(|bytes| {
                String::from_utf8_lossy(bytes)
                    .lines()
                    .filter(|l| l.starts_with("[?]"))
                    .count()
            })
            .sum()
    };
    // Only what the text says can leave a paragraph read from Word unsettled (see the test
    // above): no reading of the Word seed is a redline guess, and fewer lines carry `[?]`.
    let word = actes::reader::read_any_document_with(
        "67-fr.docx",
        &seed_as_docx(&[]),
        common::shipped_meetings(),
    )
    .expect("reads");
    let other: Vec<String> = word
        .proposals
        .iter()
        .flat_map(|p| &p.uncertain)
        // A gap in the labels (B/67/5's `c)` then `e)`) is in the document itself.
        .filter(|u| REDLINE_KINDS.contains(&u.what.as_str()) && u.what.as_str() != "label-gap")
        .map(|u| u.named())
        .collect();
    assert!(other.is_empty(), "{other:?}");
    assert!(unsettled(&dir) < unsettled(&common::sources_dir()));
    assert!(
        unsettled(&common::sources_dir()) > 0,
        "the text seed has unsettled paragraphs"
    );
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn ingest_reads_a_word_file_into_the_same_json_contract() {
    let dir = common::scratch_dir("docx-ingest");
    let path = dir.join("67-fr.docx");
    std::fs::write(&path, seed_as_docx(&["B/67/4"])).expect("write");
    let run = common::actes(&["--format", "json", "ingest", path.to_str().expect("utf-8")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let doc: Document = serde_json::from_str(&run.stdout).expect("the JSON contract");
    assert_eq!(doc.proposals[0].id.to_string(), "B/67/4");
    assert!(doc.input_notes.iter().any(|n| n.contains("read from Word")));
}

// ---------------------------------------------------------------------------------------------
// Word's markup, one case each
// ---------------------------------------------------------------------------------------------

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}
fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}
fn del_r(text: &str) -> String {
    format!(
        r#"<w:del w:id="9" w:author="a"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>"#
    )
}
fn ins_r(text: &str) -> String {
    format!(
        r#"<w:ins w:id="8" w:author="a"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>"#
    )
}

#[test]
fn moved_paragraphs_appear_once_in_each_view() {
    let body = [
        p(&r("First.")),
        r#"<w:moveFromRangeStart w:id="1" w:name="move1"/>"#.to_string(),
        p(r#"<w:pPr><w:rPr><w:moveFrom w:id="2" w:author="a"/></w:rPr></w:pPr><w:moveFrom w:id="3" w:author="a"><w:r><w:t>Moved.</w:t></w:r></w:moveFrom>"#),
        r#"<w:moveFromRangeEnd w:id="1"/>"#.to_string(),
        p(&r("Second.")),
        r#"<w:moveToRangeStart w:id="4" w:name="move1"/>"#.to_string(),
        p(r#"<w:pPr><w:rPr><w:moveTo w:id="5" w:author="a"/></w:rPr></w:pPr><w:moveTo w:id="6" w:author="a"><w:r><w:t>Moved.</w:t></w:r></w:moveTo>"#),
        r#"<w:moveToRangeEnd w:id="4"/>"#.to_string(),
        p(&r("Third.")),
    ]
    .concat();
    let (old, new) = lines_of(&hand(&body));
    assert_eq!(old, ["First.", "Moved.", "Second.", "Third."]);
    assert_eq!(new, ["First.", "Second.", "Moved.", "Third."]);
}

#[test]
fn a_deleted_paragraph_mark_joins_two_paragraphs_in_the_new_text_with_nothing_between() {
    let body = [
        p(&format!(
            r#"<w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>{}"#,
            r("que les Membres")
        )),
        p(&r(" participent;")),
        p(&format!(
            r#"<w:pPr><w:rPr><w:ins w:id="2" w:author="a"/></w:rPr></w:pPr>{}"#,
            r("a)\u{9}un alinéa")
        )),
        p(&r("scindé.")),
    ]
    .concat();
    let (old, new) = lines_of(&hand(&body));
    assert_eq!(
        old,
        ["que les Membres", " participent;", "a)\tun alinéascindé."]
    );
    assert_eq!(
        new,
        ["que les Membres participent;", "a)\tun alinéa", "scindé."]
    );
}

#[test]
fn a_change_inside_a_footnote_gives_each_view_its_own_note() {
    let body = p(&format!(
        r#"{}<w:r><w:footnoteReference w:id="2"/></w:r>{}"#,
        r("Le texte"),
        r(" suit.")
    ));
    let notes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/></w:r>{}{}{}{}</w:p></w:footnote></w:footnotes>"#,
        r("Voir la Résolution "),
        del_r("71"),
        ins_r("72"),
        r(".")
    );
    let bytes = hand_package(
        "word/document.xml",
        &body,
        &[("footnotes.xml", "footnotes", &notes)],
    );
    let (old, new) = lines_of(&bytes);
    assert_eq!(old, ["Le texte[^1] suit. [1: Voir la Résolution 71.]"]);
    assert_eq!(new, ["Le texte[^1] suit. [1: Voir la Résolution 72.]"]);
}

#[test]
fn a_non_breaking_hyphen_is_written_as_a_hyphen() {
    let body = p(&format!(
        "{}<w:r><w:t>UIT</w:t><w:noBreakHyphen/><w:t>T</w:t><w:softHyphen/><w:t>x</w:t></w:r>",
        r("le Secteur ")
    ));
    let (old, new) = lines_of(&hand(&body));
    assert_eq!(old, ["le Secteur UIT-Tx"]);
    assert_eq!(new, old);
}

#[test]
fn a_bookmark_inside_a_word_does_not_split_it() {
    let body = p(&format!(
        r#"<w:r><w:t>télé</w:t></w:r><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:proofErr w:type="spellStart"/><w:r w:rsidR="00AB"><w:t>communications</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/><w:commentRangeStart w:id="3"/>{}<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>"#,
        r(" et")
    ));
    let (old, new) = lines_of(&hand(&body));
    assert_eq!(old, ["télécommunications et"]);
    assert_eq!(new, old);
}

#[test]
fn fields_hyperlinks_and_smart_tags_give_their_displayed_text_only() {
    let body = p(&format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF _Ref1 \h</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink w:anchor="x">{}</w:hyperlink><w:smartTag w:uri="u" w:element="place">{}</w:smartTag><w:fldSimple w:instr="SEQ x">{}</w:fldSimple><w:r><w:rPr><w:vanish/></w:rPr><w:t>caché</w:t></w:r>"#,
        r("Annexe 1"),
        r(", lien"),
        r(", Genève"),
        r(", 3")
    ));
    let (old, _) = lines_of(&hand(&body));
    assert_eq!(old, ["Annexe 1, lien, Genève, 3"]);
}

#[test]
fn an_insertion_later_deleted_is_in_neither_view() {
    let body = p(&format!(
        r#"{}<w:ins w:id="1" w:author="a"><w:del w:id="2" w:author="b"><w:r><w:delText>jamais</w:delText></w:r></w:del></w:ins>{}"#,
        r("ni "),
        r("ni")
    ));
    let (old, new) = lines_of(&hand(&body));
    assert_eq!(
        (old, new),
        (vec!["ni ni".to_string()], vec!["ni ni".to_string()])
    );
}

#[test]
fn automatic_numbering_gives_labels_and_restarts_by_abstract_list() {
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>"#
    );
    let item = |num: u32, level: u32, text: &str| {
        p(&format!(
            r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}"#,
            r(text)
        ))
    };
    let body = [
        item(1, 0, "un"),
        item(1, 1, "sous-un"),
        item(1, 1, "sous-deux"),
        item(1, 0, "deux"),
        p(&r("reconnaissant")),
        item(2, 0, "encore un"),
        item(1, 0, "encore deux"),
    ]
    .concat();
    let bytes = hand_package(
        "word/document.xml",
        &body,
        &[("numbering.xml", "numbering", &numbering)],
    );
    let (old, _) = lines_of(&bytes);
    assert_eq!(
        old,
        [
            "a)\tun",
            "i)\tsous-un",
            "ii)\tsous-deux",
            "b)\tdeux",
            "reconnaissant",
            "a)\tencore un",
            "b)\tencore deux"
        ]
    );
}

#[test]
fn another_prefix_and_the_strict_namespace_read_the_same() {
    for (prefix, ns) in [
        ("x", W_NS),
        ("w", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ] {
        let doc = format!(
            r#"<?xml version="1.0"?><{prefix}:document xmlns:{prefix}="{ns}"><{prefix}:body><{prefix}:p><{prefix}:r><{prefix}:t>UIT</{prefix}:t><{prefix}:noBreakHyphen/><{prefix}:t>R</{prefix}:t></{prefix}:r><{prefix}:del {prefix}:id="1"><{prefix}:r><{prefix}:delText xml:space='preserve'> ancien</{prefix}:delText></{prefix}:r></{prefix}:del></{prefix}:p></{prefix}:body></{prefix}:document>"#
        );
        let (old, new) = lines_of(&hand_document(&doc));
        assert_eq!(
            (old, new),
            (vec!["UIT-R ancien".to_string()], vec!["UIT-R".to_string()]),
            "{prefix} {ns}"
        );
    }
}

#[test]
fn the_language_comes_from_w_lang_where_the_runs_give_it() {
    let run = |lang: &str, text: &str| {
        format!(r#"<w:r><w:rPr><w:lang w:val="{lang}"/></w:rPr><w:t>{text}</w:t></w:r>"#)
    };
    let body = p(&[
        run("es-ES", "La Conferencia"),
        run("es-ES", " de"),
        run("en-GB", " x"),
    ]
    .concat());
    let views = read_views("l.docx", &hand(&body)).expect("reads");
    assert_eq!(views.language, Some(actes::model::Language::Es));
    let views = read_views("l.docx", &hand(&p(&r("texte")))).expect("reads");
    assert_eq!(views.language, None, "without w:lang the text decides");
}

#[test]
fn a_main_part_named_by_the_relationships_is_found_wherever_it_is() {
    let bytes = hand_package("word/main.xml", &p(&r("Texte")), &[]);
    let (old, _) = lines_of(&bytes);
    assert_eq!(old, ["Texte"]);
}

// ---------------------------------------------------------------------------------------------
// The real Word files (../shared/data/docx/, third-party, read in place)
// ---------------------------------------------------------------------------------------------

fn shared(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/docx")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn shared_lines(name: &str) -> (Vec<String>, Vec<String>) {
    lines_of(&shared(name))
}

#[test]
fn real_word_deletions_read_as_their_readme_says() {
    let (old, new) = shared_lines("track_changes_deletion.docx");
    assert_eq!(
        old,
        ["This is a text with an excessively modified deletion."]
    );
    assert_eq!(new, ["This is a text with a deletion."]);
}

#[test]
fn real_word_insertions_read_as_their_readme_says() {
    let (old, new) = shared_lines("track_changes_insertion.docx");
    assert_eq!(old, ["This is a text with insertions."]);
    assert_eq!(new, ["This is a text with two exciting insertions."]);
}

#[test]
fn real_word_moves_read_as_their_readme_says() {
    let (old, new) = shared_lines("track_changes_move.docx");
    assert_eq!(
        old,
        [
            "Here is some text.",
            "Here is some more text.",
            "Here is the text to be moved."
        ]
    );
    assert_eq!(
        new,
        [
            "Here is some text.",
            "Here is the text to be moved.",
            "Here is some more text."
        ]
    );
}

#[test]
fn real_word_changes_without_dates_read_as_their_readme_says() {
    let (old, new) = shared_lines("track_changes_scrubbed_metadata.docx");
    assert_eq!(old, ["Here is a dummy document."]);
    assert_eq!(new, ["Here is a test document."]);
}

#[test]
fn real_word_paragraph_marks_join_as_word_joins_them() {
    let (old, new) = shared_lines("paragraph_insertion_deletion.docx");
    assert_eq!(old, ["This is a split", "Paragraph."]);
    assert_eq!(new, ["This is a", " splitParagraph."]);
}

#[test]
fn real_word_notes_are_attached_where_referenced() {
    let views = read_views("notes.docx", &shared("notes.docx")).expect("reads");
    for view in [&views.old, &views.new] {
        let texts: Vec<&str> = view
            .iter()
            .map(|p| p.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(texts[0], "A footnote");
        let para = view
            .iter()
            .find(|p| p.text.starts_with("Test footnote."))
            .expect("the paragraph");
        assert_eq!(para.text, "Test footnote.[^1] Test endnote.[^i]");
        let notes: Vec<&str> = para.footnotes.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            notes,
            ["My note.", "This is an endnote at the end of the document."]
        );
    }
}

#[test]
fn real_word_restarted_numbering_counts_from_the_restart() {
    let views = read_views("lists.docx", &shared("lists_restart_8367.docx")).expect("reads");
    let labels: Vec<&str> = views
        .new
        .iter()
        .filter_map(|p| p.label.as_deref())
        .collect();
    assert_eq!(labels, ["1.", "2.", "3.", "1.", "2.", "3.", "4."]);
    assert_eq!(views.old, views.new);
}

#[test]
fn real_word_main_part_elsewhere_with_byte_order_marks_reads() {
    let views = read_views("alt.docx", &shared("alternate_document_path.docx")).expect("reads");
    let texts: Vec<&str> = views
        .new
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(texts[0], "Test");
    assert!(texts[1].starts_with("This is italic, bold, underlined"));
    assert!(views
        .input_notes
        .iter()
        .any(|n| n.contains("word/document2.xml")));
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

fn error_of(bytes: &[u8]) -> DocxError {
    match read_any_document("bad.docx", bytes) {
        Err(DocumentError::Word(e)) => e,
        Err(other) => panic!("a Word error expected, got {other}"),
        Ok(_) => panic!("the file should not read"),
    }
}

#[test]
fn a_truncated_package_is_a_clear_error() {
    let bytes = seed_as_docx(&["B/67/1"]);
    let e = error_of(&bytes[..bytes.len() / 2]);
    assert!(e.to_string().starts_with("bad.docx: "), "{e}");
    assert!(e.to_string().contains("ZIP"), "{e}");
}

#[test]
fn an_encrypted_word_file_is_named_as_such() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend([0u8; 504]);
    let e = error_of(&bytes);
    assert!(e.to_string().contains("encrypted"), "{e}");
}

#[test]
fn a_package_without_a_main_part_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
        .expect("entry");
    zip.write_all(b"<x/>").expect("written");
    let e = error_of(&zip.finish().expect("closes").into_inner());
    assert!(e.to_string().contains("word/document.xml"), "{e}");
}

#[test]
fn entry_names_that_climb_out_are_refused() {
    for name in ["../evil.xml", "/etc/evil.xml", "word\\evil.xml"] {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(b"<x/>").expect("written");
        let e = error_of(&zip.finish().expect("closes").into_inner());
        assert!(e.to_string().contains("unsafe entry name"), "{name}: {e}");
    }
}

#[test]
fn a_zip_bomb_is_refused_past_the_documented_limit() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).expect("entry");
    let chunk = vec![b' '; 1 << 20];
    let limit = actes::reader::docx::package::LIMITS.part_bytes;
    for _ in 0..=(limit >> 20) {
        zip.write_all(&chunk).expect("written");
    }
    let bytes = zip.finish().expect("closes").into_inner();
    assert!(bytes.len() < 1 << 20, "a small file: {}", bytes.len());
    let e = error_of(&bytes);
    assert!(e.to_string().contains("ZIP bomb"), "{e}");
    assert_eq!(e.part.as_deref(), Some("word/document.xml"));
}

#[test]
fn a_malformed_part_is_named_with_its_position() {
    let mut bytes = hand(&p(&r("Texte")));
    // Rewrite the main part with an unclosed element.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip");
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().to_string();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut entry, &mut text).expect("text");
        if name == "word/document.xml" {
            text = text.replace("</w:body>", "");
        }
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(text.as_bytes()).expect("written");
    }
    bytes = zip.finish().expect("closes").into_inner();
    let e = error_of(&bytes);
    assert_eq!(e.part.as_deref(), Some("word/document.xml"));
    assert!(e.to_string().contains("well-formed XML"), "{e}");
}

#[test]
fn elements_nested_too_deep_are_refused_not_followed() {
    let depth = 100_000;
    let body = p(&format!(
        "{}{}{}",
        "<w:smartTag>".repeat(depth),
        r("x"),
        "</w:smartTag>".repeat(depth)
    ));
    let e = error_of(&hand(&body));
    assert!(e.to_string().contains("nested at most 200 deep"), "{e}");
}

#[test]
fn the_cli_exits_2_on_a_corrupt_word_file() {
    let dir = common::scratch_dir("docx-corrupt");
    let path = dir.join("bad.docx");
    let bytes = seed_as_docx(&["B/67/1"]);
    std::fs::write(&path, &bytes[..200]).expect("write");
    let run = common::actes(&["ingest", path.to_str().expect("utf-8")]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("bad.docx"), "{}", run.stderr);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> &'static [u8] {
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BYTES.get_or_init(|| seed_as_docx(&["B/67/1"]))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn mutated_word_files_read_or_fail_cleanly(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
            truncate in any::<bool>(),
        ) {
            let mut bytes = sample().to_vec();
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            if truncate {
                bytes.truncate(cut.index(bytes.len()));
            }
            if let Err(e) = read_any_document("m.docx", &bytes) {
                prop_assert!(e.to_string().starts_with("m.docx"));
            }
        }

        /// The XML itself mutated (inside a sound archive): a clean error or a reading.
        #[test]
        fn mutated_word_xml_reads_or_fails_cleanly(
            cut in any::<prop::sample::Index>(),
            len in 0usize..40,
            insert in "[<>/=\"' a-z:]{0,12}",
        ) {
            let body = [
                p(&format!(r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>{}{}"#, r("MOD\u{9}B/1/1"), del_r("x"))),
                p(&format!("{}{}<w:r><w:footnoteReference w:id=\"2\"/></w:r>", ins_r("RÉSOLUTION 1"), r(" (Rév. Dubaï, 2018)"))),
                p(r#"<w:moveFrom w:id="3"><w:r><w:t>a)</w:t><w:tab/><w:t>que</w:t></w:r></w:moveFrom>"#),
            ]
            .concat();
            let doc = format!(r#"<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#);
            let at = cut.index(doc.len());
            let at = (0..=at).rev().find(|i| doc.is_char_boundary(*i)).unwrap_or(0);
            let end = (at + len).min(doc.len());
            let end = (end..=doc.len()).find(|i| doc.is_char_boundary(*i)).unwrap_or(doc.len());
            let mutated = format!("{}{insert}{}", &doc[..at], &doc[end..]);
            if let Err(e) = read_any_document("x.docx", &hand_document(&mutated)) {
                prop_assert!(e.to_string().starts_with("x.docx"));
            }
        }
    }
}
