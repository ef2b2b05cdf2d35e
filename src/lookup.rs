//! Finding a quote by its wording: the search behind `quotelens who "TEXT"`.
//!
//! A reader remembers a few words of a quote, maybe misspelled, maybe with
//! other apostrophes than the article printed. [`search`] ranks the speech
//! quotes of a corpus by how well such a query matches them.
//!
//! # Words
//!
//! Query and quote are cut into *lookup words* the same way: runs of
//! letters and digits, where an apostrophe or a period between two letters
//! or digits is dropped rather than cutting the word (`government’s` →
//! `governments`, `won't` → `wont`, `U.S.` → `us`), and every other
//! character separates words (`al-Fulani` → `al` `fulani`, `2,500` → `2`
//! `500`). Each word is then [folded](crate::text::fold): lower case,
//! typographic marks made plain.
//!
//! # Score
//!
//! The score of a query against a quote is a number from 0 to 1:
//!
//! ```text
//! score = max(0, 1 − cost / number of query words)
//! ```
//!
//! where `cost` is that of the cheapest *fitting alignment* of the query
//! words, in order, against any window of consecutive quote words (so a
//! few words of a long quote are enough, and the quote words outside the
//! window cost nothing):
//!
//! * a query word aligned with a quote word costs `1 − similarity`, the
//!   normalized Damerau-Levenshtein similarity of the two words (1 for the
//!   same word, 0.8 for `storm` and `strom`, 0.67 for `teh` and `the`);
//!   two words are aligned only when their similarity is at least
//!   [`MIN_WORD_SIMILARITY`] or they are one edit apart and both have three
//!   letters or more (so `teh` aligns with `the`, `is` never with `it`);
//! * a query word left out (not in the quote, or out of order) costs 1;
//! * an extra quote word inside the window costs 0.5.
//!
//! So **1.0 means the query appears verbatim in the quote** after folding
//! (its words consecutive and in order); one misspelled word in a query of
//! five costs about 0.2 / 5; a word order drift costs 1 per word moved.
//! A quote matches when its score is at least the threshold, [`THRESHOLD`]
//! (0.6) by default.
//!
//! # Cost
//!
//! The alignment is a dynamic programme over query words × quote words,
//! `O(q × w)` word comparisons per quote: instant for a corpus of a few
//! thousand quotes.
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, extract::Extractor, lookup};
//!
//! let article = Article::new("a1", "“We will not give up the fight,” Fulani said.");
//! let records = Extractor::new().extract(vec![article]).records;
//! let found = lookup::search("give up teh figth", &records, lookup::THRESHOLD);
//! assert_eq!(found.len(), 1);
//! assert!(found[0].score > 0.8 && found[0].score < 1.0);
//! assert_eq!(&records[0].text[..], "We will not give up the fight,");
//! ```

use std::cmp::Ordering;

use crate::text;
use crate::{QuoteRecord, Span};

/// The default score a quote needs to match a query: 0.6.
///
/// At 0.6 a query of five words still matches with two of them left out,
/// or with every word slightly misspelled, while unrelated text sharing a
/// few common words (`the`, `is`) stays below.
pub const THRESHOLD: f64 = 0.6;

/// The least similarity (normalized Damerau-Levenshtein, 0 to 1) for two
/// words to be aligned, unless they are one edit apart: 0.7.
///
/// `calm`/`clam` (0.75) and `storm`/`strom` (0.8) align; `city`/`cut`
/// (0.5) do not. A short word one edit from another still aligns
/// (`teh`/`the`, 0.67), which is also why a one-word query matches
/// loosely: `plan` aligns with `clan`.
pub const MIN_WORD_SIMILARITY: f64 = 0.7;

/// What a quote word inside the aligned window but not aligned with a
/// query word costs.
const EXTRA_WORD_COST: f64 = 0.5;

/// What a query word with no quote word aligned to it costs.
const MISSING_WORD_COST: f64 = 1.0;

/// One lookup word: folded text and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    folded: String,
    /// Half-open byte offsets into the text it came from.
    span: Span,
}

/// A query, cut into lookup words once, to score against many quotes.
#[derive(Clone, Debug)]
pub struct Query {
    words: Vec<String>,
}

/// How a query aligns with one text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alignment {
    /// 0 to 1; see the [module docs](self#score).
    pub score: f64,
    /// The window of the text the query aligned with, as half-open byte
    /// offsets into that text: from the first to the last aligned word.
    pub span: Span,
}

/// A quote that matches a query.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// Index of the quote in the records searched.
    pub index: usize,
    /// 0 to 1; see the [module docs](self#score).
    pub score: f64,
    /// The part of the quote the query aligned with, as half-open byte
    /// offsets into the article (within the record's `start..end`).
    pub span: Span,
}

impl Query {
    /// Cuts `query` into lookup words.
    pub fn new(query: &str) -> Query {
        Query { words: lookup_words(query).into_iter().map(|w| w.folded).collect() }
    }

    /// Whether the query has no letters or digits, and so matches nothing.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Aligns the query with `text`; `None` when the query is empty or no
    /// query word aligns with a word of `text`.
    pub fn align(&self, text: &str) -> Option<Alignment> {
        let words = lookup_words(text);
        let (cost, first, last) = fit(&self.words, &words)?;
        let score = (1.0 - cost / self.words.len() as f64).clamp(0.0, 1.0);
        Some(Alignment { score, span: Span::new(words[first].span.start, words[last].span.end) })
    }

    /// The score of the query against `text`, 0 when nothing aligns.
    pub fn score(&self, text: &str) -> f64 {
        self.align(text).map_or(0.0, |a| a.score)
    }
}

/// The speech quotes of `records` that match `query` with a score of at
/// least `threshold`, best first; ties go by source, then start offset.
///
/// Non-speech quotes ([`QuoteKind::NonSpeech`](crate::QuoteKind)) are never
/// matched, and an empty query (no letters or digits) matches nothing.
pub fn search(query: &str, records: &[QuoteRecord], threshold: f64) -> Vec<Match> {
    let query = Query::new(query);
    let mut out: Vec<Match> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind.is_speech())
        .filter_map(|(index, r)| {
            let a = query.align(&r.text)?;
            let span = Span::new(r.start + a.span.start, r.start + a.span.end);
            (a.score >= threshold).then_some(Match { index, score: a.score, span })
        })
        .collect();
    out.sort_by(|a, b| {
        let (ra, rb) = (&records[a.index], &records[b.index]);
        b.score
            .total_cmp(&a.score)
            .then_with(|| ra.source.cmp(&rb.source))
            .then(ra.start.cmp(&rb.start))
            .then(a.index.cmp(&b.index))
    });
    out
}

/// The cheapest fitting alignment of `query` inside `words`: its cost and
/// the indices of the first and last aligned quote words. `None` when no
/// query word aligns with any quote word.
fn fit(query: &[String], words: &[Word]) -> Option<(f64, usize, usize)> {
    if query.is_empty() || words.is_empty() {
        return None;
    }
    /// The cheapest alignment of a query prefix ending at a quote word: its
    /// cost and where its window starts and ends (`None` while no word is
    /// aligned yet).
    #[derive(Clone, Copy)]
    struct Cell {
        cost: f64,
        window: Option<(usize, usize)>,
    }
    let better = |a: Cell, b: Cell| match a.cost.total_cmp(&b.cost) {
        Ordering::Less => a,
        Ordering::Greater => b,
        // Equal cost: prefer an alignment with words, then the earlier one.
        Ordering::Equal => match (a.window, b.window) {
            (Some(_), None) => a,
            (None, Some(_)) => b,
            (Some(x), Some(y)) if y < x => b,
            _ => a,
        },
    };
    // `prev[j]` / `row[j]`: the best alignment of the first `i - 1` / `i`
    // query words with a window ending just before quote word `j`. The
    // window may start anywhere, so row 0 costs nothing.
    let mut prev = vec![Cell { cost: 0.0, window: None }; words.len() + 1];
    let mut row = prev.clone();
    for (i, q) in query.iter().enumerate() {
        row[0] = Cell { cost: (i + 1) as f64 * MISSING_WORD_COST, window: None };
        for (j, w) in words.iter().enumerate() {
            let missing = Cell { cost: prev[j + 1].cost + MISSING_WORD_COST, ..prev[j + 1] };
            let mut best = missing;
            // An extra quote word only counts inside a window already open.
            if row[j].window.is_some() {
                best = better(best, Cell { cost: row[j].cost + EXTRA_WORD_COST, ..row[j] });
            }
            if let Some(sim) = similarity(q, &w.folded) {
                let start = prev[j].window.map_or(j, |(s, _)| s);
                let aligned = Cell { cost: prev[j].cost + (1.0 - sim), window: Some((start, j)) };
                best = better(best, aligned);
            }
            row[j + 1] = best;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    // Extra words after the last aligned one are outside the window, so the
    // best end is the best cell of the last row that has a window.
    let best = prev.iter().copied().filter(|c| c.window.is_some()).reduce(better)?;
    let (first, last) = best.window?;
    Some((best.cost, first, last))
}

/// Normalized Damerau-Levenshtein similarity of two folded words, when
/// they are similar enough to be aligned (see the [module docs](self#score)).
fn similarity(a: &str, b: &str) -> Option<f64> {
    if a == b {
        return Some(1.0);
    }
    let sim = strsim::normalized_damerau_levenshtein(a, b);
    let one_edit =
        || a.chars().count().min(b.chars().count()) >= 3 && strsim::damerau_levenshtein(a, b) == 1;
    (sim >= MIN_WORD_SIMILARITY || one_edit()).then_some(sim)
}

/// Cuts `s` into lookup words, as the [module docs](self#words) describe.
fn lookup_words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let (_, word) = current.get_or_insert_with(|| (i, String::new()));
            word.push(c);
            continue;
        }
        let joins = (text::is_apostrophe(c) || c == '.')
            && current.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if joins {
            continue;
        }
        if let Some((start, word)) = current.take() {
            out.push(Word { folded: text::fold(&word), span: Span::new(start, i) });
        }
    }
    if let Some((start, word)) = current {
        out.push(Word { folded: text::fold(&word), span: Span::new(start, s.len()) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::QuoteKind;

    const QUOTE: &str = "We will not rebuild the old bridge; the mayor’s new plan won’t \
                         work before the U.S. elections, and nobody should pretend otherwise.";

    fn score(query: &str) -> f64 {
        Query::new(query).score(QUOTE)
    }

    #[test]
    fn words_of_letters_and_digits_folded() {
        let got: Vec<String> = lookup_words("The U.S. mayor’s al-Kaabi won't, 2,500!")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(got, ["the", "us", "mayors", "al", "kaabi", "wont", "2", "500"]);
        let spans: Vec<Span> =
            lookup_words("“Hi,” she said.").into_iter().map(|w| w.span).collect();
        assert_eq!(spans, [Span::new(3, 5), Span::new(10, 13), Span::new(14, 18)]);
    }

    #[test]
    fn scores() {
        struct Case {
            name: &'static str,
            query: &'static str,
            min: f64,
            max: f64,
        }
        #[rustfmt::skip]
        let cases = [
            Case { name: "exact fragment", query: "rebuild the old bridge", min: 1.0, max: 1.0 },
            Case { name: "whole quote", query: QUOTE, min: 1.0, max: 1.0 },
            Case { name: "apostrophes, case, punctuation", query: "THE MAYOR'S NEW PLAN WON'T WORK", min: 1.0, max: 1.0 },
            Case { name: "abbreviation without periods", query: "before the US elections", min: 1.0, max: 1.0 },
            Case { name: "one misspelled word", query: "the mayors new plan wont wrok", min: 0.9, max: 0.99 },
            Case { name: "every word misspelled", query: "rebuld teh odl brigde", min: 0.6, max: 0.9 },
            Case { name: "a word left out of the query", query: "rebuild the bridge", min: 0.8, max: 0.9 },
            Case { name: "a word not in the quote", query: "rebuild the old iron bridge", min: 0.75, max: 0.85 },
            Case { name: "two words swapped", query: "the mayor's plan new won't work", min: 0.7, max: 0.8 },
            Case { name: "clauses swapped", query: "won't work, the mayor's new plan", min: 0.6, max: 0.7 },
            Case { name: "paraphrase", query: "the new plan of the mayor won't work", min: 0.4, max: 0.6 },
            Case { name: "one-word query", query: "Bridge", min: 1.0, max: 1.0 },
            Case { name: "one misspelled word alone", query: "brigde", min: 0.6, max: 0.9 },
            Case { name: "unrelated text", query: "the president will visit Paris in the spring", min: 0.0, max: 0.3 },
            Case { name: "unrelated word", query: "hurricane", min: 0.0, max: 0.0 },
            Case { name: "no words", query: "“…”", min: 0.0, max: 0.0 },
        ];
        for c in cases {
            let got = score(c.query);
            assert!(c.min <= got && got <= c.max, "{}: {got}", c.name);
        }
    }

    #[test]
    fn alignment_window() {
        let a = Query::new("old brigde").align(QUOTE).unwrap();
        assert_eq!(&QUOTE[a.span.range()], "old bridge");
        let a = Query::new("the mayors plan").align(QUOTE).unwrap();
        assert_eq!(&QUOTE[a.span.range()], "the mayor’s new plan");
    }

    fn rec(source: &str, start: usize, text: &str, kind: QuoteKind) -> QuoteRecord {
        QuoteRecord::unattributed(source, start, text, kind)
    }

    #[test]
    fn search_ranks_best_first_then_by_source_and_start() {
        let records = [
            rec("b", 40, "the calm before the storm", QuoteKind::Full),
            rec("a", 90, "only the calm before a storm", QuoteKind::Partial),
            rec("b", 10, "It is only the calm before the storm.", QuoteKind::Full),
            rec("a", 5, "calm before the storm", QuoteKind::NonSpeech),
            rec("c", 0, "nothing to see here", QuoteKind::Full),
            rec("a", 20, "the calm before the storm", QuoteKind::Full),
        ];
        let found = search("The calm before the storm", &records, THRESHOLD);
        let order: Vec<usize> = found.iter().map(|m| m.index).collect();
        assert_eq!(order, [5, 2, 0, 1]);
        assert_eq!(found[0].score, 1.0);
        assert!(found[3].score < 1.0 && found[3].score >= THRESHOLD);
        // The span is in article offsets.
        assert_eq!(found[1].span, Span::new(10 + 11, 10 + 36));
        assert!(search("", &records, 0.0).is_empty());
        assert!(search("zebra crossing", &records, THRESHOLD).is_empty());
    }
}
