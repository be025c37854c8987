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
    let whole = b.measure("read_document", bytes.len(), || {
        actes::reader::read_document("67-fr.txt", &bytes).expect("the seed reads")
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
