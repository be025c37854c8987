//! actes benchmarks, run with `cargo bench --bench actes_bench [-- SECTION...]`. The harness (named
//! sections, filter, timing) is in `benches/harness/mod.rs`; each section below is one function.

mod harness;
#[path = "../tests/integration/writers.rs"]
mod writers;

use harness::{Bencher, Section};

/// Every section, in the order they run.
const SECTIONS: &[Section] = &[
    Section {
        name: "reading",
        about: "read the seed document (PP-18 Document 67, 62 KB) into a Document; target 20 MB/s",
        run: reading,
    },
    Section {
        name: "final-acts",
        about: "read the Dubai 2018 Final Acts in Akoma Ntoso (1.47 MB) beside the seed; target 35 MB/s",
        run: final_acts_reading,
    },
    Section {
        name: "outcome",
        about:
            "match the five proposals of Document 67 against a synthetic set of adopted and new \
                texts (what `actes outcome 67` computes); target: well under 100 ms, the whole \
                process's budget",
        run: outcome,
    },
    Section {
        name: "formats",
        about: "the seed as Word (tracked changes) and as PDF text, each against the seed as text \
                in the same run; targets: Word at most 3x (and under 10 ms), PDF text at most 1.5x",
        run: formats,
    },
];

fn main() {
    harness::run(SECTIONS);
}

/// The shipped seed document.
fn seed() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/history/documents/pp-2018-dubai/67-fr.txt"
    );
    std::fs::read(path).expect("the seed document is shipped under history/")
}

fn reading(b: &mut Bencher) {
    let bytes = seed();
    b.measure("decode", bytes.len(), || {
        actes::reader::decode::decode(&bytes).expect("the seed decodes")
    });
    b.measure("structure", bytes.len(), || {
        actes::reader::read_raw_document("67-fr.txt", &bytes).expect("the seed reads")
    });
    // Read as the corpus reads it: with the meetings of the shipped catalogue.
    let catalogue = actes::catalogue::Catalogue::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/history/conferences.csv"
    )))
    .expect("the shipped catalogue reads");
    let meetings = actes::reader::citations::Meetings::from_conferences(catalogue.conferences());
    let whole = b.measure("read_document", bytes.len(), || {
        actes::reader::read_document_with("67-fr.txt", &bytes, &meetings).expect("the seed reads")
    });
    let rate = whole.mb_per_s.unwrap_or(0.0);
    println!(
        "reading: {} bytes in {:?} per read over {} reads: {rate:.1} MB/s, target 20 MB/s {}",
        bytes.len(),
        whole.per_iteration,
        whole.iterations,
        if rate >= 20.0 { "met" } else { "NOT met" }
    );
}

/// The Final Acts of Dubai 2018 in Akoma Ntoso, third-party data beside the clone.
fn final_acts() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/pp-2018-dubai-final-acts-akn.xml"
    );
    std::fs::read(path).expect("../shared/data holds the Final Acts (as in CI)")
}

fn final_acts_reading(b: &mut Bencher) {
    let seed = seed();
    let acts = final_acts();
    let catalogue = actes::catalogue::Catalogue::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/history/conferences.csv"
    )))
    .expect("the shipped catalogue loads");
    let text = b.measure("read_document (seed)", seed.len(), || {
        actes::reader::read_document("67-fr.txt", &seed).expect("the seed reads")
    });
    let akn = b.measure("read_final_acts", acts.len(), || {
        actes::reader::akn::read_final_acts("final-acts.xml", &acts, &catalogue)
            .expect("the Final Acts read")
    });
    let rate = akn.mb_per_s.unwrap_or(0.0);
    let seed_rate = text.mb_per_s.unwrap_or(0.0);
    println!(
        "final acts: {} bytes in {:?} per read over {} reads: {rate:.1} MB/s, target 35 MB/s {}; \
         {:.2}x the seed's reading rate ({seed_rate:.1} MB/s) in the same run",
        acts.len(),
        akn.per_iteration,
        akn.iterations,
        if rate >= 35.0 { "met" } else { "NOT met" },
        if seed_rate > 0.0 {
            rate / seed_rate
        } else {
            0.0
        }
    );
}

/// The matching that `actes outcome 67` does, on a synthetic set: each `MOD` proposal against an
/// "adopted" text (its own proposed text with every other paragraph dropped, so that half of its
/// changes are found and half not), the draft against ten new instruments (the proposals' texts
/// under the numbers 204 to 213), and the abrogated Resolution 128 against the same ten.
fn outcome(b: &mut Bencher) {
    use actes::model::{Body, InstrumentId, InstrumentKind};
    use actes::outcome::{match_proposal, matcher, rank_draft, successors, Abrogated, Candidate};
    use actes::reader::Action;

    let bytes = seed();
    let doc = actes::reader::read_document("67-fr.txt", &bytes).expect("the seed reads");
    let adopted: Vec<_> = doc
        .proposals
        .iter()
        .filter(|p| p.action == Action::Mod)
        .filter_map(|p| {
            let mut t = p.new.clone()?;
            for s in &mut t.sections {
                let mut keep = false;
                s.paragraphs.retain(|_| {
                    keep = !keep;
                    keep
                });
            }
            Some((p, t))
        })
        .collect();
    let texts: Vec<_> = doc.proposals.iter().filter_map(|p| p.new.clone()).collect();
    let ids: Vec<InstrumentId> = (204..=213)
        .map(|n| InstrumentId::numbered(Body::Pp, InstrumentKind::Resolution, n))
        .collect();
    let candidates: Vec<Candidate<'_>> = ids
        .iter()
        .zip(texts.iter().cycle())
        .map(|(instrument, text)| Candidate { instrument, text })
        .collect();
    let draft = doc
        .proposals
        .iter()
        .find(|p| p.action == Action::Add)
        .and_then(|p| p.new.as_ref())
        .expect("the seed has a draft");
    let sup = doc
        .proposals
        .iter()
        .find(|p| p.action == Action::Sup)
        .expect("the seed has a SUP");
    let title = sup.old.as_ref().map_or("", |t| t.title.as_str());
    let whole = b.measure("outcome 67", 0, || {
        let mut found = 0;
        for (p, t) in &adopted {
            let old = p.old.as_ref().expect("a MOD has its old text");
            let new = p.new.as_ref().expect("a MOD has its new text");
            found += match_proposal(old, new, t).changes.len();
        }
        found += rank_draft(draft, &candidates).ranked.len();
        let abrogated = Abrogated {
            instrument: &sup.target,
            language: doc.language,
            title,
            text: sup.old.as_ref(),
            citations: &sup.citations,
        };
        found += successors(&abrogated, &candidates).ranked.len();
        found
    });
    println!(
        "outcome: five proposals matched in {:?} (thresholds: taken up {}, draft {}, successor {})",
        whole.per_iteration,
        matcher::TAKEN_UP,
        matcher::DRAFT_THRESHOLD,
        matcher::SUCCESSOR_THRESHOLD
    );
}

fn formats(b: &mut Bencher) {
    let bytes = seed();
    let seed_doc = actes::reader::read_document("67-fr.txt", &bytes).expect("the seed reads");
    let docx = writers::document_as_docx(&seed_doc, &[]);
    let text = String::from_utf8(bytes.clone()).expect("the seed is UTF-8");
    let pdf = writers::pdf_like(
        &text,
        writers::Layout {
            width: 72,
            tab: 3,
            page: 50,
            hyphenate: 2,
        },
    );
    let as_text = b.measure("text", bytes.len(), || {
        actes::reader::read_document("67-fr.txt", &bytes).expect("the seed reads")
    });
    let as_word = b.measure("docx", docx.len(), || {
        actes::reader::read_any_document("67-fr.docx", &docx).expect("the Word seed reads")
    });
    let as_pdf = b.measure("pdf_text", pdf.len(), || {
        actes::reader::read_document("67-fr.pdf.txt", pdf.as_bytes()).expect("the PDF seed reads")
    });
    b.measure("pdf_text_layout_only", pdf.len(), || {
        actes::reader::layout::logical_lines(&pdf).lines.len()
    });
    b.measure("pdf_text_structure", pdf.len(), || {
        actes::reader::read_raw_document("67-fr.pdf.txt", pdf.as_bytes()).expect("reads")
    });
    b.measure("text_structure", bytes.len(), || {
        actes::reader::read_raw_document("67-fr.txt", &bytes).expect("reads")
    });
    let ratio = |m: &harness::Measurement| {
        m.per_iteration.as_secs_f64() / as_text.per_iteration.as_secs_f64()
    };
    let word = ratio(&as_word);
    let pdf_ratio = ratio(&as_pdf);
    println!(
        "formats: text {:?}; docx ({} bytes) {:?}, {word:.2}x, target 3x and 10 ms {}; \
         pdf text {:?}, {pdf_ratio:.2}x, target 1.5x {}",
        as_text.per_iteration,
        docx.len(),
        as_word.per_iteration,
        if word <= 3.0 && as_word.per_iteration.as_millis() < 10 {
            "met"
        } else {
            "NOT met"
        },
        as_pdf.per_iteration,
        if pdf_ratio <= 1.5 { "met" } else { "NOT met" }
    );
}
