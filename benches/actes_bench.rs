//! actes benchmarks, run with `cargo bench --bench actes_bench [-- SECTION...]`. The harness (named
//! sections, filter, timing) is in `benches/harness/mod.rs`; each section below is one function.

mod harness;

use harness::{Bencher, Section};

/// Every section, in the order they run.
const SECTIONS: &[Section] = &[Section {
    name: "reading",
    about: "read the seed document (PP-18 Document 67, 62 KB) into a Document; target 20 MB/s",
    run: reading,
}];

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
