//! How the aligner's time grows with the number of quotes.
//!
//! Builds synthetic corpora of `n` quotes (8 to 32 random words drawn
//! from a 20,000-word vocabulary with a Zipf-like skew, a fifth of them
//! fragments of earlier quotes, three speakers, seven outlets) and times
//! [`Aligner::align`] on each. Run it in release mode:
//!
//! ```text
//! cargo run --release --example align_scale            # posting limit 64
//! cargo run --release --example align_scale -- 16      # posting limit 16
//! ```
//!
//! The numbers measured on the project's 2-core machine are in the
//! `align` module docs.

use std::time::Instant;

use quotelens::align::Aligner;
use quotelens::extract::Extraction;
use quotelens::{QuoteKind, QuoteRecord, Rule};

/// A xorshift generator: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn corpus(n: usize, rng: &mut Rng, vocab: &[String]) -> Extraction {
    let mut texts: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        if i > 10 && rng.below(5) == 0 {
            let words: Vec<String> = texts[rng.below(i)].split(' ').map(str::to_string).collect();
            let from = rng.below(words.len() / 2);
            texts.push(words[from..].join(" "));
        } else {
            let len = 8 + rng.below(25);
            let words: Vec<&str> = (0..len)
                .map(|_| {
                    let r = rng.below(1_000_000) as f64 / 1_000_000.0;
                    let k = (vocab.len() as f64).powf(r) as usize;
                    vocab[k.min(vocab.len() - 1)].as_str()
                })
                .collect();
            texts.push(words.join(" "));
        }
    }
    let mut ex = Extraction::default();
    for (i, text) in texts.into_iter().enumerate() {
        let start = (i % 10) * 1000;
        ex.records.push(QuoteRecord {
            source: format!("a{}", i / 10).into(),
            outlet: format!("o{}", i % 7).into(),
            start,
            end: start + text.len(),
            text,
            kind: QuoteKind::Full,
            depth: 0,
            speaker: None,
            speaker_type: None,
            mention: None,
            cue: None,
            rule: Rule::Unattributed,
            confidence: 0.0,
        });
        ex.speaker_ids.push(Some(i % 3));
    }
    ex
}

fn main() {
    let limit: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(64);
    let mut rng = Rng(42);
    let vocab: Vec<String> = (0..20_000)
        .map(|_| {
            let len = 3 + rng.below(8);
            (0..len).map(|_| char::from(b'a' + rng.below(26) as u8)).collect()
        })
        .collect();
    println!("posting limit {limit}");
    for n in [1_000, 4_000, 16_000, 64_000] {
        let ex = corpus(n, &mut rng, &vocab);
        let started = Instant::now();
        let alignment = Aligner::new().max_postings(limit).align(&ex);
        let took = started.elapsed();
        println!(
            "{n:>6} quotes: {:>6} groups in {:>7.2} s, {:>4.0} µs per quote",
            alignment.groups.len(),
            took.as_secs_f64(),
            took.as_secs_f64() * 1e6 / n as f64
        );
    }
}
