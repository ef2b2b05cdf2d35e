//! The quotes a wording search found: the output of `quotelens who`.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): the statements the matches belong to,
//!   as [`super::clusters`] shows them, in the order of their best match:
//!   every outlet's wording of each statement with its differences, the
//!   members that matched marked with their score (`match 0.93`). A quote
//!   inside another belongs to the statement of the quote around it. A
//!   match in no cluster (there should be none: every top-level speech
//!   quote is clustered) would be listed after them, one row each with
//!   the score, speaker, outlet (`-` when unknown), article and wording
//!   around the part that matched:
//!
//!   ```text
//!   [1] Omar al-Fulani · 2 outlets
//!     reference  We will not give up the fight
//!
//!     Daily Planet · a1 · quote · the reference · match 1.00
//!       cue      Fulani said
//!     Northland Radio · a2 · quote · similarity 1.00 · match 0.93
//!       cue      he added
//!       wording  We will not give up the fight.
//!       differs  +‘.’ (typography)
//!
//!   Not in any cluster
//!     SCORE  SPEAKER         OUTLET        SOURCE  WORDING
//!     0.80   Omar al-Fulani  Daily Planet  a1      …“we will not give up”…
//!   ```
//! * **JSON Lines** ([`write_jsonl`]): one object per match, best first:
//!   `score` (0 to 1, see [`crate::lookup`]), `match_start` and `match_end`
//!   (half-open byte offsets into the article of the part of the quote the
//!   query aligned with), then every field of the
//!   [`QuoteRecord`](crate::record), then `clusters`: the ids of the
//!   clusters (as `quotelens compare` numbers them) that the matched part
//!   belongs to, empty when none:
//!
//!   ```json
//!   {"score":1.0,"match_start":811,"match_end":847,"source":"a1","outlet":"Daily Planet","start":811,"end":847,"text":"We will not give up the fight","kind":"full",...,"clusters":[3]}
//!   ```

use std::io;

use serde::Serialize;

use crate::QuoteRecord;
use crate::align::Relation;
use crate::compare::{Comparison, Member};
use crate::lookup::Match;

use super::table::{Cell, Table};

/// One JSON Lines object: a match, its record and its clusters.
#[derive(Serialize)]
struct Line<'a> {
    score: f64,
    match_start: usize,
    match_end: usize,
    #[serde(flatten)]
    record: &'a QuoteRecord,
    clusters: Vec<usize>,
}

/// The ids of the clusters a match belongs to.
fn clusters_of(comparison: &Comparison, records: &[QuoteRecord], m: &Match) -> Vec<usize> {
    comparison.clusters_overlapping(&records[m.index].source, m.span.start, m.span.end)
}

/// Writes one JSON object per match, as the [module docs](self#formats)
/// describe. `matches` index `records`; `comparison` is that of the same
/// extraction, with no filter.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_jsonl(
    records: &[QuoteRecord],
    matches: &[Match],
    comparison: &Comparison,
    out: impl io::Write,
) -> io::Result<()> {
    let lines = matches.iter().map(|m| Line {
        score: m.score,
        match_start: m.span.start,
        match_end: m.span.end,
        record: &records[m.index],
        clusters: clusters_of(comparison, records, m),
    });
    super::json::write_jsonl(lines, out)
}

/// Writes the clusters the matches belong to, then the matches in no
/// cluster, fitting `width` characters. `matches` index `records` and
/// come best first, as [`lookup::search`](crate::lookup::search) returns
/// them; `comparison` is that of the same extraction, with no filter.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    records: &[QuoteRecord],
    matches: &[Match],
    comparison: &Comparison,
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    // Clusters in the order of their best match; matches in none.
    let mut ids: Vec<usize> = Vec::new();
    let mut alone: Vec<&Match> = Vec::new();
    for m in matches {
        let found = clusters_of(comparison, records, m);
        if found.is_empty() {
            alone.push(m);
        }
        for id in found {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    // The best match of a member: one of its article overlapping it.
    let score = |member: &Member| {
        matches
            .iter()
            .filter(|m| {
                member.relation == Relation::Quote && *records[m.index].source == *member.source
            })
            .filter(|m| m.span.start < member.end && member.start < m.span.end)
            .map(|m| m.score)
            .reduce(f64::max)
    };
    let conflicts = comparison.conflict_index();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let cluster = comparison.clusters.iter().find(|c| c.id == *id).expect("a listed cluster");
        let note = |member: &Member| score(member).map(|s| format!("match {s:.2}"));
        super::clusters::write_cluster(&conflicts, cluster, note, width, &mut out)?;
    }
    if alone.is_empty() {
        return Ok(());
    }
    if !ids.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "Not in any cluster")?;
    let mut table = Table::new(&[
        ("score", usize::MAX),
        ("speaker", 24),
        ("outlet", 20),
        ("source", 24),
        ("wording", usize::MAX),
    ]);
    for m in alone {
        let r = &records[m.index];
        let focus = m.span.start - r.start..m.span.end - r.start;
        table.row(vec![
            Cell::new(&format!("{:.2}", m.score)),
            Cell::new(r.speaker.as_deref().unwrap_or("-")),
            Cell::new(if r.outlet == r.source { "-" } else { &r.outlet }),
            Cell::new(&r.source),
            Cell::around(&r.text, focus),
        ]);
    }
    table.write(2, width, &mut out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, compare};
    use crate::extract::Extractor;
    use crate::{Article, lookup};

    /// A statement with both outlets' wordings; the nested quote belongs
    /// to the statement of the quote around it. Without a comparison,
    /// every match is listed alone.
    #[test]
    fn matches_by_cluster() {
        let mut a = Article::new(
            "a1",
            "“They told us: ‘we will not give up the fight’ and left,” Omar Fulani said.",
        );
        a.outlet = "Daily Planet".into();
        let b = Article::new("b1", "“They told us we will not give up the fight,” Fulani said.");
        let extraction = Extractor::new().extract([a, b]);
        let records = &extraction.records;
        let comparison = compare(&extraction, &CompareOptions::default());
        let matches = lookup::search("we will not give up", records, lookup::THRESHOLD);
        assert_eq!(matches.len(), 3, "{records:#?}");
        let mut out = Vec::new();
        write_table(records, &matches, &comparison, 100, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        assert!(got.starts_with("[1] Omar Fulani · 2 outlets\n"), "{got}");
        assert!(got.contains("  b1 · quote · similarity 1.00 · match 1.00\n"), "{got}");
        assert!(
            got.contains("  Daily Planet · a1 · quote · the reference · match 1.00\n"),
            "{got}"
        );
        assert!(!got.contains("Not in any cluster"), "{got}");
        let mut out = Vec::new();
        write_jsonl(records, &matches, &comparison, &mut out).unwrap();
        for line in String::from_utf8(out).unwrap().lines() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(value["clusters"], serde_json::json!([1]), "{line}");
        }
        let none = Comparison { clusters: Vec::new(), conflicts: Vec::new() };
        let mut out = Vec::new();
        write_table(records, &matches[..1], &none, 100, &mut out).unwrap();
        let want = "Not in any cluster\n  \
                    SCORE  SPEAKER      OUTLET        SOURCE  WORDING\n  \
                    1.00   Omar Fulani  Daily Planet  a1      They told us: ‘we will not give up the fight’ and left,\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
