//! actes benchmarks, run with `cargo bench --bench actes_bench [-- SECTION...]`. The harness (named
//! sections, filter, timing) is in `benches/harness/mod.rs`; each section below is one function.

mod harness;

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
