//! How `compare` (align, diff, report) grows with the number of quotes,
//! on the seeded generated corpus (see `quotelens generate`).
//!
//! For each target number of quotes, generates articles until the
//! extraction holds that many records, then times
//! [`quotelens::compare::compare`] alone (extraction is timed separately).
//! Prints one line per size: quotes, articles, extraction seconds, compare
//! seconds, microseconds per quote, clusters. Peak memory of the whole
//! process is best read with `/usr/bin/time -v`.
//!
//! ```text
//! cargo run --release --example compare_scale -- 10000 100000 1000000
//! ```

use std::time::Instant;

use quotelens::compare::{CompareOptions, compare};
use quotelens::extract::{Extraction, Extractor};
use quotelens::generate::{Generator, GeneratorConfig};
use quotelens::stream;

fn main() {
    let sizes: Vec<usize> =
        std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
    println!(
        "quotes\tarticles\textract_s\tcompare_s\tus_per_quote\tclusters\trss_after_extract_mb"
    );
    for target in sizes {
        // About 8 quotes per generated article; generate a little more and stop at the target.
        let config = GeneratorConfig { articles: target / 4 + 10, seed: 1 };
        let extractor = Extractor::new();
        let started = Instant::now();
        let mut extraction = Extraction::default();
        let mut articles = 0;
        let _ = stream::map_ordered(
            Generator::new(config),
            stream::Options::default(),
            |a| extractor.article(a),
            |a, found| {
                if extraction.records.len() >= target {
                    return Err(());
                }
                articles += 1;
                extraction.add(&a, found);
                Ok(())
            },
        );
        extraction.finish();
        let extract_s = started.elapsed().as_secs_f64();
        let rss_extract = rss_mb();
        let started = Instant::now();
        let comparison = compare(&extraction, &CompareOptions::default());
        let compare_s = started.elapsed().as_secs_f64();
        let n = extraction.records.len();
        println!(
            "{n}\t{articles}\t{extract_s:.2}\t{compare_s:.2}\t{:.1}\t{}\t{rss_extract}",
            compare_s * 1e6 / n as f64,
            comparison.clusters.len()
        );
    }
}

/// The process's resident memory now, in megabytes (Linux; 0 elsewhere).
fn rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}
