//! Everything one speaker said, by statement: the output of `quotelens
//! said`.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): the speaker's block as in
//!   [`super::speakers`], then each statement the speaker's quotes belong
//!   to, as [`super::clusters`] shows them (in cluster order): every
//!   outlet's wording of it, quotes and paraphrases, with its differences
//!   against the reference (a quote inside another belongs to the
//!   statement of the quote around it). Quotes in no cluster (there should
//!   be none: every top-level speech quote is clustered) would follow in
//!   one table per outlet and article, under an `outlet · article`
//!   heading (just the article id when the outlet is unknown):
//!
//!   ```text
//!   Omar al-Fulani · person · 6 quotes
//!     aliases  Al-Fulani, Fulani
//!     outlets  Daily Planet 4, Northland Radio 2
//!
//!   [1] Omar al-Fulani · 2 outlets
//!     reference  The lull is a provisional truce for regrouping,
//!
//!     Daily Planet · a1 · quote · the reference
//!       cue      Fulani said
//!     Northland Radio · a2 · quote · similarity 0.75
//!       cue      he said
//!       wording  temporary truce
//!       differs  cut at start: ‘The lull is a’; provisional → temporary; cut at end:
//!                ‘for regrouping,’
//!
//!   Not in any cluster: Daily Planet · a1
//!     KIND  RULE          CONF  TEXT
//!     full  trailing-cue  0.80  they will pay
//!   ```
//! * **JSON Lines** ([`write_jsonl`]): one line per quote of the
//!   speaker, by outlet, article and position: every field of the
//!   [`QuoteRecord`](crate::record), then `clusters`, the ids of the
//!   clusters (as `quotelens compare` numbers them) the quote belongs to,
//!   empty when none.

use std::collections::BTreeSet;
use std::io;

use serde::Serialize;

use crate::QuoteRecord;
use crate::compare::Comparison;
use crate::roster::SpeakerQuotes;

use super::table::{Cell, Table, confidence};

/// Orders a speaker's quotes by outlet, then article, then position, as
/// the table lists those in no cluster and JSON Lines lists them all.
pub fn by_outlet<'a>(quotes: impl IntoIterator<Item = &'a QuoteRecord>) -> Vec<&'a QuoteRecord> {
    let mut quotes: Vec<&QuoteRecord> = quotes.into_iter().collect();
    quotes.sort_by(|a, b| {
        (&a.outlet, &a.source, a.start, a.end).cmp(&(&b.outlet, &b.source, b.start, b.end))
    });
    quotes
}

/// One JSON Lines object: a quote and its clusters.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    record: &'a QuoteRecord,
    clusters: Vec<usize>,
}

/// The clusters a quote belongs to.
fn clusters_of(comparison: &Comparison, r: &QuoteRecord) -> Vec<usize> {
    comparison.clusters_overlapping(&r.source, r.start, r.end)
}

/// Writes one JSON object per quote, in the order given, as the [module
/// docs](self#formats) describe. `comparison` is that of the same
/// extraction, with no filter.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_jsonl(
    quotes: &[&QuoteRecord],
    comparison: &Comparison,
    out: impl io::Write,
) -> io::Result<()> {
    let lines = quotes.iter().map(|r| Line { record: r, clusters: clusters_of(comparison, r) });
    super::json::write_jsonl(lines, out)
}

/// Writes the speaker's block, the statements their quotes belong to,
/// then their quotes in no cluster by outlet, fitting `width` characters.
/// Quotes in no cluster are shown in the order given; pass them through
/// [`by_outlet`] first. `comparison` is that of the same extraction, with
/// no filter.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    speaker: &SpeakerQuotes,
    quotes: &[&QuoteRecord],
    comparison: &Comparison,
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    super::speakers::write_table(std::slice::from_ref(speaker), width, &mut out)?;
    let mut ids = BTreeSet::new();
    let mut alone = Vec::new();
    for r in quotes {
        let found = clusters_of(comparison, r);
        if found.is_empty() {
            alone.push(*r);
        }
        ids.extend(found);
    }
    let conflicts = comparison.conflict_index();
    for cluster in comparison.clusters.iter().filter(|c| ids.contains(&c.id)) {
        writeln!(out)?;
        super::clusters::write_cluster(&conflicts, cluster, |_| None, width, &mut out)?;
    }
    for group in alone.chunk_by(|a, b| a.source == b.source) {
        let first = group[0];
        writeln!(out)?;
        if first.outlet == first.source {
            writeln!(out, "Not in any cluster: {}", first.source)?;
        } else {
            writeln!(out, "Not in any cluster: {} · {}", first.outlet, first.source)?;
        }
        let mut table = Table::new(&[
            ("kind", usize::MAX),
            ("rule", usize::MAX),
            ("conf", usize::MAX),
            ("text", usize::MAX),
        ]);
        for r in group {
            table.row(vec![
                Cell::new(r.kind.as_str()),
                Cell::new(r.rule.as_str()),
                Cell::new(&confidence(r)),
                Cell::new(&r.text),
            ]);
        }
        table.write(2, width, &mut out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, compare};
    use crate::extract::Extractor;
    use crate::{Article, roster};

    /// The speaker's block, then each statement once, however many of
    /// their quotes it holds; without a comparison, the quotes by article.
    #[test]
    fn statements_then_quotes_in_no_cluster() {
        let a = Article::new("a1", "“We will rebuild the bridge,” Jane Doe said.");
        let b = Article::new("b1", "“We will rebuild the bridge,” Doe said. “Soon,” she added.");
        let extraction = Extractor::new().extract([a, b]);
        let speaker = &roster::roster(&extraction)[0];
        let quotes = by_outlet(roster::quotes_by(&extraction, speaker.id));
        let comparison = compare(&extraction, &CompareOptions::default());
        let mut out = Vec::new();
        write_table(speaker, &quotes, &comparison, 80, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        assert!(got.starts_with("Jane Doe · person · 3 quotes\n"), "{got}");
        assert_eq!(got.matches("[1] Jane Doe · 2 outlets\n").count(), 1, "{got}");
        assert!(got.contains("\n[2] Jane Doe · 1 outlet\n  reference  Soon,\n"), "{got}");
        let none = Comparison { clusters: Vec::new(), conflicts: Vec::new() };
        let mut out = Vec::new();
        write_table(speaker, &quotes, &none, 80, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        assert!(got.contains("\nNot in any cluster: b1\n  KIND  RULE"), "{got}");
        let mut out = Vec::new();
        write_jsonl(&quotes, &comparison, &mut out).unwrap();
        let clusters: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["clusters"].clone())
            .collect();
        assert_eq!(
            clusters,
            [serde_json::json!([1]), serde_json::json!([1]), serde_json::json!([2])]
        );
    }
}
