//! Snapshot and accuracy tests over the bundled corpus (`corpus/`).
//!
//! Each article gets one snapshot of its attributed quotes in
//! `snapshots/`. Speakers are merged across the whole corpus first, as the
//! `quotes` command does, so canonical names are the corpus-wide ones.
//! Review changes with `cargo insta review` (or read the `.snap.new`
//! files): a snapshot is a claim that the output is correct.

use std::path::Path;

use quotelens::extract::{Extraction, Extractor};
use quotelens::framing::Framer;
use quotelens::{corpus, eval};

fn extraction() -> Extraction {
    Extractor::new().extract(corpus::bundled())
}

#[test]
fn attributed_quotes_per_article() {
    let all = extraction();
    insta::glob!("../corpus", "*.txt", |path| {
        let id = path.file_stem().unwrap().to_str().unwrap();
        let records: Vec<_> = all.records.iter().filter(|r| &*r.source == id).collect();
        assert!(!records.is_empty(), "{id} has no quotes");
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!("quotes", records);
        });
    });
}

/// The seed gold (a copy of `shared/gold/seeds.jsonl`): every speech quote
/// found and attributed to the right speaker, no non-speech quote given a
/// speaker, and nothing spurious.
#[test]
fn seed_gold_is_matched_exactly() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds_gold.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
    let (gold, errors) = eval::read_gold(&path, file);
    assert!(errors.is_empty(), "{errors:?}");
    let report = eval::evaluate(&gold, &extraction().records);
    let t = &report.total;
    assert_eq!((t.speech, t.found, t.correct), (24, 24, 24), "{report:#?}");
    assert_eq!(t.nonspeech, 3);
    assert_eq!(t.nonspeech_with_speaker, 0, "{report:#?}");
    assert_eq!(t.spurious, 0, "{report:#?}");
}

/// Every bundled article is read, and every quote's offsets index its
/// text exactly.
#[test]
fn offsets_index_the_article_text() {
    let articles = corpus::bundled();
    assert_eq!(articles.len(), 5);
    let all = Extractor::new().extract(articles.clone());
    for r in &all.records {
        let article = articles.iter().find(|a| *a.id == *r.source).unwrap();
        assert_eq!(&article.text[r.start..r.end], r.text);
    }
}

/// Scores the articles of `tests/data/<dir>` against
/// `tests/data/<dir>_gold.jsonl`, after checking how many articles there are.
fn score(dir: &str, articles: usize) -> eval::EvalReport {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(dir);
    let read: Vec<_> =
        corpus::read_inputs(std::slice::from_ref(&dir)).collect::<Result<_, _>>().unwrap();
    assert_eq!(read.len(), articles);
    let records = Extractor::new().extract(read).records;
    let gold_path =
        dir.with_file_name(format!("{}_gold.jsonl", dir.file_name().unwrap().to_str().unwrap()));
    let file = std::io::BufReader::new(std::fs::File::open(&gold_path).unwrap());
    let (gold, errors) = eval::read_gold(&gold_path, file);
    assert!(errors.is_empty(), "{errors:?}");
    eval::evaluate(&gold, &records)
}

/// Regression fixtures: four short articles in other styles (wire copy,
/// British single quotes, headlines with a colon, broken lines), written
/// while developing the rules and annotated by hand in
/// `tests/data/fixtures_gold.jsonl`. They guard against regressions; they
/// are not a held-out accuracy measure.
#[test]
fn fixtures_keep_their_attributions() {
    let report = score("fixtures", 4);
    let t = &report.total;
    assert_eq!((t.speech, t.found, t.correct, t.spurious), (36, 36, 36, 0), "{report:#?}");
}

/// The blind sets (README, Accuracy): a handful of articles each, on other
/// stories in other house styles, with made-up names, written and annotated
/// in `tests/data/blindN_gold.jsonl` *before* the rules were run on them.
/// Each set's misses were fixed as general rules, so they are regression
/// tests now. A row: the set, its articles, its speech quotes (all found,
/// none spurious), how many are attributed right now, its non-speech
/// quotes and how many of them are given a speaker right now.
#[test]
fn blind_sets_keep_their_attributions() {
    let sets = [
        // AP, BBC with single quotes, Reuters, a quote over two
        // paragraphs, titles in quotes: 30 of 39 at 470bcb0.
        ("blind", 5, 39, 39, 3, 0),
        // A court report, a wire story on a strike, football, a study:
        // 18 of 24 after the first set's fixes. The miss left: after "the
        // 32-year-old defender was brief:" the description resolves to
        // the manager in focus.
        ("blind2", 4, 24, 23, 0, 0),
        // A start-up feature with honorifics, a ceasefire wire story, a
        // Senate story with posts on X, a flood: 21 of 27 after the
        // second set's fixes.
        ("blind3", 4, 27, 27, 0, 0),
        // An AFP story on an armed group, a Westminster story, football,
        // a Reuters earnings story, a court report, an AP protest story:
        // 37 of 43 after the third set's fixes. The miss left: "the
        // company said" when the company was only ever a sentence's
        // subject and another body ("according to LSEG data") is in focus.
        ("blind4", 6, 43, 42, 0, 0),
        // A Reuters UN story, a feature in the present tense, a police
        // story, a science story, an AP politics story: 33 of 35 after
        // the fourth set's fixes.
        ("blind5", 5, 35, 35, 0, 0),
        // A tech-regulation story, an AP story quoting an indictment, a
        // basketball press conference, a Reuters story on a statement
        // from Yemen: 17 of 21 after the fifth set's fixes.
        ("blind6", 4, 21, 21, 0, 0),
        // An obituary, a foreign-ministry briefing, a British tabloid
        // story in single quotes: 16 of 17 after the sixth set's fixes.
        ("blind7", 3, 17, 17, 0, 0),
        // Sets 8 and 9 were written and annotated by two helpers that
        // never saw the rules (the earlier sets by the rules' authors).
        // Reuters and a regional outlet on the same armed-group statement,
        // an AP hospital story, BBC football in single quotes, a Guardian
        // live blog, a magazine profile in the present tense: 58 of 71
        // after the seventh set's fixes, 5 of 9 non-speech quotes given a
        // speaker. Misses left: a quote nested in another ("told me … 'a
        // done deal'"), a headline fragment, "The statement paid tribute
        // to", and "calling her “the battery queen”".
        ("blind8", 6, 71, 68, 9, 1),
        // AFP and a national daily on one earthquake, a court report with
        // Mr. and Ms., a council meeting, a music feature with song
        // titles, a Guardian strike story in single quotes: 84 of 104,
        // 13 of 14 non-speech quotes given a speaker. Misses left: a
        // nested quote, an organisation named with "and", a rank number
        // inside a title ("Senior Fire Officer 1 X"), "the world body"
        // after another speaker's quote, "When she announced …, X
        // skipped", a headline fragment, "One speaker, who did not give
        // her name, said she feared “…”".
        ("blind9", 6, 105, 100, 14, 2),
        // Set 10, also by a helper, after the eighth and ninth sets' fixes:
        // Al Jazeera on a strike in Baghdad, a Reuters central-bank story,
        // a local crime report, a NYT profile, a Times of India cricket
        // report in single quotes: 58 of 74 on its first run (cc36240), 2
        // of 9 non-speech quotes given a speaker. Misses left: a statement
        // read "on behalf of" a family, "According to a police report", a
        // headline, "she said" of a woman the text gave no gender after a
        // man, "Analysts at X … they wrote", a quote from an earlier
        // statement, a nickname before a name.
        ("blind10", 5, 74, 66, 9, 1),
        // Set 11, by a new helper, at 593a963: a Bloomberg markets story
        // and a Gulf daily on one press conference, a UK tabloid match
        // report, a science story, a US court report, a present-tense
        // feature with quotes recalled inside quotes: 84 of 116 on its
        // first run, 1 of 11 non-speech quotes given a speaker. Misses
        // left: "she says" after a man the text gave no gender, quotes
        // inside quotes whose outer speaker is wrong or whose cue has a
        // role ("the Gaffer … said"), headlines, "Oduya wrote: …" before a
        // sentence that starts with another name and a cue, "the witness
        // replied" taken for the lawyer who asked, a parenthetical "X, he
        // said, was …", "a warning from Judge X to “…”".
        ("blind11", 6, 116, 89, 11, 1),
    ];
    for (dir, articles, speech, correct, nonspeech, nonspeech_speaker) in sets {
        let report = score(dir, articles);
        let t = &report.total;
        assert_eq!(
            (t.speech, t.found, t.correct, t.spurious),
            (speech, speech, correct, 0),
            "{dir}: {report:#?}"
        );
        assert_eq!(
            (t.nonspeech, t.nonspeech_with_speaker),
            (nonspeech, nonspeech_speaker),
            "{dir}: {report:#?}"
        );
    }
}

/// The framing report of the bundled corpus (issue 4): boilerplate left
/// out per article, lexicon terms by voice, speaker labels, distinctive
/// phrases. Floats are rounded in the report itself.
#[test]
fn framing_report() {
    let articles = corpus::bundled();
    let extraction = Extractor::new().extract(articles.clone());
    let report = Framer::new().report(&articles, &extraction);
    // Every term's count is over the narrator voice or a speech quote, never
    // over boilerplate: "anti-terror" in a photo caption is not counted.
    let rhc = report.terms.iter().filter(|t| t.source == "004_f1ccebb72a0df907");
    let anti_terror: usize = rhc.filter(|t| t.term == "anti-terror").map(|t| t.count).sum();
    assert_eq!(anti_terror, 2);
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("framing", report);
    });
}
