//! Micro-benchmarks of the pipeline's stages: quote finding, attribution,
//! gazetteer matching and alignment. See `benches/README.md` for what each
//! measures and how to run them.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotelens::align::Aligner;
use quotelens::extract::Extractor;
use quotelens::gazetteer::Gazetteer;
use quotelens::generate::{Generator, GeneratorConfig};
use quotelens::{Article, corpus, quote, text};

/// The bundled corpus and 200 generated articles (seed 1): the fixture
/// corpus scaled up.
fn articles() -> Vec<Article> {
    let mut out = corpus::bundled();
    out.extend(Generator::new(GeneratorConfig { articles: 200, seed: 1 }));
    out
}

fn bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}

fn quote_finder(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("quote_finder");
    group.throughput(Throughput::Bytes(bytes(&articles)));
    group.bench_function("find_quotes", |b| {
        b.iter(|| {
            articles.iter().map(|a| quote::find_quotes(black_box(&a.text)).len()).sum::<usize>()
        })
    });
    group.bench_function("paragraphs_and_words", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                for p in text::paragraphs(black_box(&a.text)) {
                    n += text::words(&a.text, p).len();
                }
            }
            n
        })
    });
    group.finish();
}

fn attribution(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("attribution");
    group.throughput(Throughput::Bytes(bytes(&articles)));
    let extractor = Extractor::new();
    group.bench_function("article", |b| {
        b.iter(|| {
            articles.iter().map(|a| extractor.article(black_box(a)).records.len()).sum::<usize>()
        })
    });
    let plain = Extractor::builder().boilerplate(false).build();
    group.bench_function("article_without_boilerplate", |b| {
        b.iter(|| articles.iter().map(|a| plain.article(black_box(a)).records.len()).sum::<usize>())
    });
    group.bench_function("extract_with_speaker_merging", |b| {
        b.iter(|| extractor.extract(black_box(articles.clone())).records.len())
    });
    group.finish();
}

fn gazetteer(c: &mut Criterion) {
    let articles = articles();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/gazetteer.csv");
    // The file's one malformed row is reported and skipped.
    let (gazetteer, _errors) = Gazetteer::from_path(path);
    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Bytes(bytes(&articles)));
    group.bench_function("find", |b| {
        b.iter(|| articles.iter().map(|a| gazetteer.find(black_box(&a.text)).len()).sum::<usize>())
    });
    group.finish();
}

fn alignment(c: &mut Criterion) {
    let extraction = Extractor::new().extract(articles());
    let mut group = c.benchmark_group("alignment");
    group.throughput(Throughput::Elements(extraction.records.len() as u64));
    group.sample_size(20);
    group.bench_function("align", |b| {
        b.iter(|| Aligner::new().align(black_box(&extraction)).groups.len())
    });
    group.finish();
}

criterion_group!(benches, quote_finder, attribution, gazetteer, alignment);
criterion_main!(benches);
