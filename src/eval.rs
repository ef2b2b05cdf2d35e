//! Scoring predicted quote records against hand-annotated gold quotes, so
//! that quotelens can be measured on any annotated articles.
//!
//! # Gold format
//!
//! Gold quotes are read from JSON Lines by [`read_gold`], one
//! [`GoldQuote`] per line:
//!
//! ```json
//! {"file": "a1.txt", "quote": "We will not give up the fight", "speaker": "fulani", "kind": "speech", "cluster": "fight"}
//! ```
//!
//! `file` names the article: its article id is `file` without a trailing
//! `.txt`, compared byte for byte with [`QuoteRecord::source`]. `speaker`
//! is a key (`fulani`, `source`, ...) that the right speaker's canonical
//! name contains, or null when the quote has no speaker. `kind` is
//! `speech`, `nonspeech` or `ambiguous` ([`GoldKind`]). `cluster` is kept
//! for callers and not used in scoring. Blank lines are skipped.
//!
//! # Matching
//!
//! A quote's *words* are its text split on every character that is not
//! alphanumeric (Unicode-aware, so `é` and `٣` are kept), lower-cased, with
//! empty pieces dropped: `The U.S. “won’t”` becomes `the u s won t`, and a
//! curly and a straight apostrophe both split a word in two.
//!
//! A predicted record *matches* a gold quote when both belong to the same
//! article and their word sequences share a contiguous run of words at
//! least 80% as long as the longer sequence (`5 × run ≥ 4 × longer`). A
//! quote with no words matches nothing. So a fragment holding less than 80%
//! of the gold quote does not match, and neither does a prediction that
//! contains the whole gold quote plus more than a quarter of its length
//! again (the gold would then be under 80% of the prediction).
//!
//! Assignment is one-to-one: every matching (gold, record) pair is ranked by
//! its overlap, `run / longer`, best first (ties: longer run, then gold
//! order, then record order), and a pair is taken when neither side has
//! been taken yet. Records of articles that have no gold quote are ignored.
//!
//! # Metrics
//!
//! [`evaluate`] returns an [`EvalReport`] with one [`Scores`] per gold
//! article and their sum. All counts are whole numbers of quotes; every
//! ratio lies in 0 to 1 and is `None` (null in JSON) when its denominator
//! is 0.
//!
//! | field | what it counts |
//! |---|---|
//! | `speech` | gold quotes of kind `speech` |
//! | `found` | speech gold quotes matched by a record of any kind |
//! | `recall` | `found / speech`: 1.0 means every speech quote was found |
//! | `correct` | found speech quotes whose record has the right speaker (below) |
//! | `accuracy` | `correct / found`: attribution accuracy on found quotes only, so it does not double-count what `recall` already misses |
//! | `nonspeech` | gold quotes of kind `nonspeech` |
//! | `nonspeech_with_speaker` | nonspeech gold quotes matched by a record that has a speaker (should be 0) |
//! | `spurious` | records of a speech kind ([`QuoteKind::is_speech`](crate::QuoteKind::is_speech)) matching no gold quote |
//!
//! A speaker is *right* when the gold key is `k` and the record's speaker,
//! lower-cased, contains `k` lower-cased; when the gold key is `source`
//! (the format's key for any unnamed source) and the record's speaker is
//! an [`SpeakerType::UnnamedSource`] (`the official`, `one diplomat`); or
//! when the gold key is null and the record has no speaker. Records matched to an `ambiguous` gold quote
//! count nowhere: not scored, not spurious.
//!
//! The report also lists each wrong attribution ([`WrongSpeaker`]), each
//! speech gold quote no record matched ([`MissedQuote`]), each nonspeech
//! quote given a speaker ([`SpeakerOnNonSpeech`]) and each spurious record
//! ([`SpuriousQuote`]), in gold order and record order respectively.
//!
//! # Cost
//!
//! Matching compares every gold quote with every record of its article by
//! the longest common run of words, `O(g × r × w²)` for `g` gold quotes, `r`
//! records and quotes of `w` words: instant for articles of a few dozen
//! quotes.
//!
//! # Example
//!
//! ```
//! use quotelens::eval::{evaluate, read_gold};
//! use quotelens::{QuoteKind, QuoteRecord, Rule};
//!
//! let gold = r#"{"file": "a.txt", "quote": "It is only the calm", "speaker": "fulani", "kind": "speech", "cluster": null}"#;
//! let (gold, errors) = read_gold("gold.jsonl", gold.as_bytes());
//! assert!(errors.is_empty());
//!
//! let record = QuoteRecord {
//!     source: "a".into(), outlet: "a".into(), start: 0, end: 19,
//!     text: "It is only the calm".into(), kind: QuoteKind::Full, depth: 0,
//!     speaker: Some("Abu Ali al-Fulani".into()), speaker_type: None,
//!     mention: None, cue: Some("said".into()), rule: Rule::TrailingCue,
//!     confidence: 0.9,
//! };
//! let report = evaluate(&gold, &[record]);
//! assert_eq!(report.total.found, 1);
//! assert_eq!(report.total.recall, Some(1.0));
//! assert_eq!(report.total.accuracy, Some(1.0));
//! ```

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, QuoteRecord, Rule, SpeakerType};

/// What a gold quote is, as annotated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoldKind {
    /// A quotation of what someone said or wrote; scored.
    #[serde(rename = "speech")]
    Speech,
    /// Quoted text that is not speech (a nickname, markup); must not get a
    /// speaker.
    #[serde(rename = "nonspeech")]
    NonSpeech,
    /// The annotator could not decide; not scored.
    #[serde(rename = "ambiguous")]
    Ambiguous,
}

/// One hand-annotated quote: a line of a gold file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// The article's file name; the article id is this without `.txt`.
    pub file: String,
    /// The quoted text, without its quote marks.
    pub quote: String,
    /// A lowercase key the right speaker's canonical name contains, or
    /// `None` when the quote has no speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Speech, not speech, or ambiguous.
    pub kind: GoldKind,
    /// A label shared by quotes, across articles, that render the same
    /// statement; not used in scoring.
    #[serde(default)]
    pub cluster: Option<String>,
}

impl GoldQuote {
    /// The article id: [`GoldQuote::file`] without a trailing `.txt`.
    pub fn article(&self) -> &str {
        self.file.strip_suffix(".txt").unwrap_or(&self.file)
    }
}

/// Reads gold quotes from JSON Lines, one [`GoldQuote`] per line.
///
/// `path` only names the input in errors (use `-` for standard input).
///
/// # Errors
///
/// Returns every quote that loaded, plus one [`Error::Format`] per bad line
/// (not UTF-8, not a gold record, an empty `file` or `quote`, a quote with
/// no letters or digits, an empty speaker key), located by its 1-based line
/// number; the other lines still load. A read failure adds an
/// [`Error::Io`] and stops reading.
pub fn read_gold(path: impl AsRef<Path>, mut reader: impl BufRead) -> (Vec<GoldQuote>, Vec<Error>) {
    let path = path.as_ref();
    let (mut gold, mut errors) = (Vec::new(), Vec::new());
    let mut buf = Vec::new();
    for line_no in 1u64.. {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                errors.push(Error::io(path, e));
                break;
            }
        }
        match parse_gold_line(&buf, line_no == 1) {
            Ok(Some(quote)) => gold.push(quote),
            Ok(None) => {}
            Err(message) => errors.push(Error::format(path, Some(line_no), message)),
        }
    }
    (gold, errors)
}

/// Parses one line; `Ok(None)` for a blank line.
fn parse_gold_line(bytes: &[u8], first: bool) -> Result<Option<GoldQuote>, String> {
    let line = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let line = if first { line.trim_start_matches('\u{feff}') } else { line };
    if line.trim().is_empty() {
        return Ok(None);
    }
    let quote: GoldQuote =
        serde_json::from_str(line).map_err(|e| format!("not a gold quote record: {e}"))?;
    if quote.file.trim().is_empty() {
        return Err("`file` is empty".into());
    }
    if words(&quote.quote).is_empty() {
        return Err("`quote` has no letters or digits, so nothing can match it".into());
    }
    if quote.speaker.as_deref().is_some_and(|k| k.trim().is_empty()) {
        return Err("`speaker` is an empty key; use null for no speaker".into());
    }
    Ok(Some(quote))
}

/// The numbers for one article or for all of them; see the
/// [module docs](self#metrics) for exact definitions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Gold quotes of kind speech.
    pub speech: usize,
    /// Speech gold quotes matched by a record.
    pub found: usize,
    /// `found / speech`, 0 to 1; `None` when there is no speech quote.
    pub recall: Option<f64>,
    /// Found speech quotes attributed to the right speaker.
    pub correct: usize,
    /// `correct / found`, 0 to 1; `None` when nothing was found.
    pub accuracy: Option<f64>,
    /// Gold quotes of kind nonspeech.
    pub nonspeech: usize,
    /// Nonspeech gold quotes matched by a record that has a speaker.
    pub nonspeech_with_speaker: usize,
    /// Speech records matching no gold quote.
    pub spurious: usize,
}

impl Scores {
    fn add(&mut self, other: &Scores) {
        self.speech += other.speech;
        self.found += other.found;
        self.correct += other.correct;
        self.nonspeech += other.nonspeech;
        self.nonspeech_with_speaker += other.nonspeech_with_speaker;
        self.spurious += other.spurious;
    }

    /// Fills in the ratios from the counts.
    fn finish(mut self) -> Scores {
        let ratio = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
        self.recall = ratio(self.found, self.speech);
        self.accuracy = ratio(self.correct, self.found);
        self
    }
}

/// The scores of one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleScores {
    /// The article id.
    pub article: String,
    /// Its numbers.
    #[serde(flatten)]
    pub scores: Scores,
}

/// A found speech quote attributed to the wrong speaker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WrongSpeaker {
    /// The article id.
    pub article: String,
    /// The gold quote's text.
    pub quote: String,
    /// The gold speaker key, or `None` for no speaker.
    pub expected: Option<String>,
    /// The record's speaker.
    pub predicted: Option<String>,
    /// The rule that decided the record's speaker.
    pub rule: Rule,
}

/// A speech gold quote that no record matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissedQuote {
    /// The article id.
    pub article: String,
    /// The gold quote's text.
    pub quote: String,
    /// The gold speaker key.
    pub expected: Option<String>,
}

/// A nonspeech gold quote whose matching record has a speaker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerOnNonSpeech {
    /// The article id.
    pub article: String,
    /// The gold quote's text.
    pub quote: String,
    /// The speaker the record gave it.
    pub predicted: String,
    /// The rule that decided it.
    pub rule: Rule,
}

/// A speech record that matches no gold quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpuriousQuote {
    /// The article id.
    pub article: String,
    /// The record's text.
    pub text: String,
    /// Half-open byte offsets of the text in the article.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The record's speaker.
    pub speaker: Option<String>,
    /// The rule that decided it.
    pub rule: Rule,
}

/// The result of [`evaluate`]: scores per article and in total, and the
/// errors behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// All articles together: counts summed, ratios recomputed from the
    /// sums (so micro-averaged).
    pub total: Scores,
    /// One entry per article with gold quotes, sorted by article id.
    pub articles: Vec<ArticleScores>,
    /// Found speech quotes with the wrong speaker.
    pub wrong_speakers: Vec<WrongSpeaker>,
    /// Speech gold quotes no record matched.
    pub missed: Vec<MissedQuote>,
    /// Nonspeech gold quotes given a speaker.
    pub nonspeech_with_speaker: Vec<SpeakerOnNonSpeech>,
    /// Speech records that match no gold quote.
    pub spurious: Vec<SpuriousQuote>,
}

/// Scores `records` against `gold` as the [module docs](self) describe.
pub fn evaluate(gold: &[GoldQuote], records: &[QuoteRecord]) -> EvalReport {
    let mut by_article: BTreeMap<&str, (Vec<&GoldQuote>, Vec<&QuoteRecord>)> = BTreeMap::new();
    for g in gold {
        by_article.entry(g.article()).or_default().0.push(g);
    }
    for r in records {
        if let Some((_, recs)) = by_article.get_mut(&*r.source) {
            recs.push(r);
        }
    }
    let mut report = EvalReport::default();
    for (article, (gold, recs)) in by_article {
        let scores = score_article(article, &gold, &recs, &mut report);
        report.total.add(&scores);
        report
            .articles
            .push(ArticleScores { article: article.to_string(), scores: scores.finish() });
    }
    report.total = std::mem::take(&mut report.total).finish();
    report
}

/// Scores one article, appending its lists to `report`.
fn score_article(
    article: &str,
    gold: &[&GoldQuote],
    recs: &[&QuoteRecord],
    report: &mut EvalReport,
) -> Scores {
    let pairs = assign(gold, recs);
    let mut matched_rec = vec![false; recs.len()];
    for &r in pairs.iter().flatten() {
        matched_rec[r] = true;
    }
    let mut s = Scores::default();
    for (g, pair) in gold.iter().zip(&pairs) {
        let rec = pair.map(|r| recs[r]);
        match (g.kind, rec) {
            (GoldKind::Speech, None) => {
                s.speech += 1;
                report.missed.push(MissedQuote {
                    article: article.to_string(),
                    quote: g.quote.clone(),
                    expected: g.speaker.clone(),
                });
            }
            (GoldKind::Speech, Some(rec)) => {
                s.speech += 1;
                s.found += 1;
                if speaker_is_right(g.speaker.as_deref(), rec) {
                    s.correct += 1;
                } else {
                    report.wrong_speakers.push(WrongSpeaker {
                        article: article.to_string(),
                        quote: g.quote.clone(),
                        expected: g.speaker.clone(),
                        predicted: rec.speaker.as_deref().map(String::from),
                        rule: rec.rule,
                    });
                }
            }
            (GoldKind::NonSpeech, rec) => {
                s.nonspeech += 1;
                if let Some(rec) = rec
                    && let Some(speaker) = &rec.speaker
                {
                    s.nonspeech_with_speaker += 1;
                    report.nonspeech_with_speaker.push(SpeakerOnNonSpeech {
                        article: article.to_string(),
                        quote: g.quote.clone(),
                        predicted: speaker.to_string(),
                        rule: rec.rule,
                    });
                }
            }
            (GoldKind::Ambiguous, _) => {}
        }
    }
    for (rec, _) in recs.iter().zip(&matched_rec).filter(|(r, m)| r.kind.is_speech() && !**m) {
        s.spurious += 1;
        report.spurious.push(SpuriousQuote {
            article: article.to_string(),
            text: rec.text.clone(),
            start: rec.start,
            end: rec.end,
            speaker: rec.speaker.as_deref().map(String::from),
            rule: rec.rule,
        });
    }
    s
}

/// Whether a record's speaker agrees with a gold speaker key.
fn speaker_is_right(key: Option<&str>, rec: &QuoteRecord) -> bool {
    match (key, rec.speaker.as_deref()) {
        (Some(key), Some(name)) => {
            name.to_lowercase().contains(&key.to_lowercase())
                || key.eq_ignore_ascii_case("source")
                    && rec.speaker_type == Some(SpeakerType::UnnamedSource)
        }
        (None, None) => true,
        _ => false,
    }
}

/// One-to-one assignment, best overlap first: for each gold quote, the
/// index of the record it was given, if any.
fn assign(gold: &[&GoldQuote], recs: &[&QuoteRecord]) -> Vec<Option<usize>> {
    let gold_words: Vec<_> = gold.iter().map(|g| words(&g.quote)).collect();
    let rec_words: Vec<_> = recs.iter().map(|r| words(&r.text)).collect();
    let mut candidates = Vec::new();
    for (gi, gw) in gold_words.iter().enumerate() {
        for (ri, rw) in rec_words.iter().enumerate() {
            if let Some(overlap) = overlap(gw, rw) {
                candidates.push((overlap, gi, ri));
            }
        }
    }
    // Best overlap ratio first; ties go to the longer run, then to input
    // order, so the result never depends on the sort's stability.
    candidates.sort_by(|(a, ag, ar), (b, bg, br)| {
        (b.run * a.longer)
            .cmp(&(a.run * b.longer))
            .then(b.run.cmp(&a.run))
            .then(ag.cmp(bg))
            .then(ar.cmp(br))
    });
    let mut pairs = vec![None; gold.len()];
    let mut rec_taken = vec![false; recs.len()];
    for (_, gi, ri) in candidates {
        if pairs[gi].is_none() && !rec_taken[ri] {
            pairs[gi] = Some(ri);
            rec_taken[ri] = true;
        }
    }
    pairs
}

/// How two matching word sequences overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Overlap {
    /// Words in the longest common contiguous run.
    run: usize,
    /// Words in the longer sequence.
    longer: usize,
}

/// The overlap of two word sequences when it is enough to match (a common
/// run of at least 80% of the longer), else `None`.
fn overlap(a: &[String], b: &[String]) -> Option<Overlap> {
    let longer = a.len().max(b.len());
    let enough = |run: usize| run > 0 && 5 * run >= 4 * longer;
    // The run cannot exceed the shorter sequence: skip hopeless pairs.
    if !enough(a.len().min(b.len())) {
        return None;
    }
    let run = longest_common_run(a, b);
    enough(run).then_some(Overlap { run, longer })
}

/// Length of the longest contiguous run of words common to `a` and `b`.
fn longest_common_run(a: &[String], b: &[String]) -> usize {
    // Classic dynamic programme, one row at a time: `row[j + 1]` is the
    // length of the common run ending at the current word of `a` and `b[j]`.
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    let mut best = 0;
    for wa in a {
        for (j, wb) in b.iter().enumerate() {
            row[j + 1] = if wa == wb { prev[j] + 1 } else { 0 };
            best = best.max(row[j + 1]);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    best
}

/// The text's words: split on every non-alphanumeric character, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::QuoteKind;

    fn gold(file: &str, quote: &str, speaker: Option<&str>, kind: GoldKind) -> GoldQuote {
        GoldQuote {
            file: file.into(),
            quote: quote.into(),
            speaker: speaker.map(Into::into),
            kind,
            cluster: None,
        }
    }

    fn rec(source: &str, text: &str, kind: QuoteKind, speaker: Option<&str>) -> QuoteRecord {
        QuoteRecord {
            speaker: speaker.map(Into::into),
            rule: if speaker.is_some() { Rule::TrailingCue } else { Rule::Unattributed },
            ..QuoteRecord::unattributed(source, 0, text, kind)
        }
    }

    #[test]
    fn matching_rule() {
        struct Case {
            name: &'static str,
            gold: &'static str,
            predicted: &'static str,
            matches: bool,
        }
        #[rustfmt::skip]
        let cases = [
            Case { name: "exact", gold: "We will rebuild the bridge", predicted: "We will rebuild the bridge", matches: true },
            Case { name: "whitespace, punctuation, case", gold: "We will  rebuild\nthe bridge.", predicted: "we will rebuild, the BRIDGE", matches: true },
            Case { name: "curly vs straight apostrophe", gold: "the mayor’s plan won’t work", predicted: "the mayor's plan won't work", matches: true },
            Case { name: "apostrophe splits on both sides", gold: "the mayors plan wont work", predicted: "the mayor's plan won't work", matches: false },
            Case { name: "unicode letters kept", gold: "Le café est fermé", predicted: "le CAFÉ est fermé", matches: true },
            Case { name: "one word short of ten: 90%", gold: "one two three four five six seven eight nine ten", predicted: "two three four five six seven eight nine ten", matches: true },
            Case { name: "exactly 80%", gold: "one two three four five six seven eight nine ten", predicted: "one two three four five six seven eight", matches: true },
            Case { name: "fragment below 80%", gold: "one two three four five six seven eight nine ten", predicted: "one two three four five six seven", matches: false },
            Case { name: "gold inside longer prediction, 25% extra", gold: "one two three four five six seven eight", predicted: "one two three four five six seven eight nine ten", matches: true },
            Case { name: "gold inside longer prediction, >20% of it extra", gold: "one two three four five six seven", predicted: "one two three four five six seven eight nine ten", matches: false },
            Case { name: "same words, broken run", gold: "one two three four five six seven eight nine ten", predicted: "one two three four five X six seven eight nine ten", matches: false },
            Case { name: "no words", gold: "…", predicted: "…", matches: false },
        ];
        for c in cases {
            let got = overlap(&words(c.gold), &words(c.predicted)).is_some();
            assert_eq!(got, c.matches, "{}", c.name);
        }
    }

    #[test]
    fn assignment_is_one_to_one_best_first() {
        // Two gold quotes, the second a repeat of part of the first; one
        // record matches both, but only the exact one takes it.
        let g = [
            gold("a.txt", "The bridge will open in May next year", Some("mayor"), GoldKind::Speech),
            gold("a.txt", "the bridge will open in May", Some("mayor"), GoldKind::Speech),
        ];
        let r = [rec("a", "The bridge will open in May", QuoteKind::Full, Some("Mayor Ann Lee"))];
        let report = evaluate(&g, &r);
        assert_eq!(report.total.speech, 2);
        assert_eq!(report.total.found, 1);
        assert_eq!(report.missed.len(), 1);
        assert_eq!(report.missed[0].quote, g[0].quote);
        assert_eq!(report.total.recall, Some(0.5));

        // Two identical records for one gold quote: one matches, one is spurious.
        let r = [
            rec("a", "the bridge will open in May", QuoteKind::Full, Some("Ann Lee")),
            rec("a", "the bridge will open in May", QuoteKind::Full, Some("Ann Lee")),
        ];
        let report = evaluate(&g[1..], &r);
        assert_eq!((report.total.found, report.total.spurious), (1, 1));
    }

    #[test]
    fn attribution() {
        struct Case {
            name: &'static str,
            key: Option<&'static str>,
            predicted: Option<&'static str>,
            right: bool,
        }
        #[rustfmt::skip]
        let cases = [
            Case { name: "key in name", key: Some("lee"), predicted: Some("Mayor Ann Lee"), right: true },
            Case { name: "wrong speaker", key: Some("lee"), predicted: Some("John Smith"), right: false },
            Case { name: "no speaker given", key: Some("lee"), predicted: None, right: false },
            Case { name: "null key, no speaker", key: None, predicted: None, right: true },
            Case { name: "null key, a speaker", key: None, predicted: Some("Ann Lee"), right: false },
        ];
        for c in cases {
            let g = [gold("a.txt", "we will rebuild", c.key, GoldKind::Speech)];
            let r = [rec("a", "we will rebuild", QuoteKind::Full, c.predicted)];
            let report = evaluate(&g, &r);
            assert_eq!(report.total.found, 1, "{}", c.name);
            assert_eq!(report.total.correct, usize::from(c.right), "{}", c.name);
            assert_eq!(report.wrong_speakers.len(), usize::from(!c.right), "{}", c.name);
            if let Some(w) = report.wrong_speakers.first() {
                assert_eq!(w.expected.as_deref(), c.key, "{}", c.name);
                assert_eq!(w.predicted.as_deref(), c.predicted, "{}", c.name);
            }
        }
    }

    #[test]
    fn nonspeech_spurious_and_ambiguous() {
        let g = [
            gold("a.txt", "J.B.", None, GoldKind::NonSpeech),
            gold("a.txt", "31272", None, GoldKind::NonSpeech),
            gold("a.txt", "a storm is coming", None, GoldKind::Ambiguous),
            gold("b.txt", "we stand firm", Some("lee"), GoldKind::Speech),
        ];
        let r = [
            rec("a", "J.B.", QuoteKind::Partial, Some("Joel Vowell")),
            rec("a", "31272", QuoteKind::NonSpeech, None),
            rec("a", "A storm is coming!", QuoteKind::Full, Some("Ann Lee")),
            rec("a", "nobody annotated this", QuoteKind::Full, None),
            rec("a", "markup", QuoteKind::NonSpeech, None),
            rec("b", "We stand firm", QuoteKind::Full, Some("Ann Lee")),
            rec("c", "an article without gold", QuoteKind::Full, None),
        ];
        let report = evaluate(&g, &r);
        let a = &report.articles[0];
        assert_eq!(a.article, "a");
        assert_eq!((a.scores.nonspeech, a.scores.nonspeech_with_speaker), (2, 1));
        assert_eq!(report.nonspeech_with_speaker[0].predicted, "Joel Vowell");
        // Only the unannotated speech record is spurious: not the one on
        // the ambiguous quote, not the nonspeech one, not article c's.
        assert_eq!(report.total.spurious, 1);
        assert_eq!(report.spurious[0].text, "nobody annotated this");
        assert_eq!((a.scores.speech, a.scores.recall, a.scores.accuracy), (0, None, None));
        assert_eq!(report.articles.len(), 2);
        assert_eq!((report.total.speech, report.total.correct), (1, 1));
        assert_eq!(report.total.accuracy, Some(1.0));
    }

    #[test]
    fn read_gold_reports_bad_lines_and_keeps_the_rest() {
        let input = "\u{feff}{\"file\": \"a.txt\", \"quote\": \"we will rebuild\", \"speaker\": \"lee\", \"kind\": \"speech\", \"cluster\": null}\n\
            \n\
            {\"file\": \"a.txt\", \"quote\": \"x\", \"kind\": \"spech\"}\n\
            not json\n\
            {\"file\": \"a.txt\", \"quote\": \"J.B.\", \"kind\": \"nonspeech\"}\r\n\
            {\"file\": \"a.txt\", \"quote\": \"...\", \"kind\": \"speech\"}\n\
            {\"file\": \"a.txt\", \"quote\": \"ok\", \"speaker\": \"\", \"kind\": \"speech\"}\n";
        let (gold, errors) = read_gold("gold.jsonl", input.as_bytes());
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].article(), "a");
        assert_eq!(gold[1].kind, GoldKind::NonSpeech);
        assert_eq!(gold[1].speaker, None);
        let lines: Vec<_> = errors
            .iter()
            .map(|e| match e {
                Error::Format { line, .. } => *line,
                _ => None,
            })
            .collect();
        assert_eq!(lines, [Some(3), Some(4), Some(6), Some(7)]);
        assert!(errors[0].to_string().starts_with("gold.jsonl:3: "), "{}", errors[0]);
        let (_, errors) = read_gold("bad.jsonl", &b"\xff\xfe\n"[..]);
        assert!(errors[0].to_string().starts_with("bad.jsonl:1: not UTF-8"), "{}", errors[0]);
    }
}
