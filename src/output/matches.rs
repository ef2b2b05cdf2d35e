//! The quotes a wording search found: the output of `quotelens who`.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): the matches grouped by speaker, speakers
//!   in the order of their best match, each group under a heading with
//!   the speaker's type and how many matches and outlets it has (quotes
//!   with no speaker are grouped under `(no speaker)`). Each row is one
//!   outlet's wording: the score, the outlet (`-` when unknown), the
//!   article id and the quote as printed, shortened around the part that
//!   matched:
//!
//!   ```text
//!   Omar al-Fulani · person · 2 matches in 2 outlets
//!     SCORE  OUTLET           SOURCE                WORDING
//!     1.00   Daily Planet  a1  We will not give up the fight
//!     0.93   Northland Radio              a2  …we will not give up the fight…
//!   ```
//! * **JSON Lines** ([`write_jsonl`]): one object per match, best first:
//!   `score` (0 to 1, see [`crate::lookup`]), `match_start` and `match_end`
//!   (half-open byte offsets into the article of the part of the quote the
//!   query aligned with), then every field of the
//!   [`QuoteRecord`](crate::record):
//!
//!   ```json
//!   {"score":1.0,"match_start":811,"match_end":847,"source":"a1","outlet":"Daily Planet","start":811,"end":847,"text":"We will not give up the fight","kind":"full",...}
//!   ```

use std::io;

use serde::Serialize;

use crate::QuoteRecord;
use crate::lookup::Match;

use super::table::{Cell, Table};

/// One JSON Lines object: a match and its record.
#[derive(Serialize)]
struct Line<'a> {
    score: f64,
    match_start: usize,
    match_end: usize,
    #[serde(flatten)]
    record: &'a QuoteRecord,
}

/// Writes one JSON object per match, as the [module docs](self#formats)
/// describe. `matches` index `records`.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_jsonl(
    records: &[QuoteRecord],
    matches: &[Match],
    out: impl io::Write,
) -> io::Result<()> {
    let lines = matches.iter().map(|m| Line {
        score: m.score,
        match_start: m.span.start,
        match_end: m.span.end,
        record: &records[m.index],
    });
    super::json::write_jsonl(lines, out)
}

/// Writes the matches grouped by speaker, fitting `width` characters.
/// `matches` index `records` and come best first, as
/// [`lookup::search`](crate::lookup::search) returns them.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    records: &[QuoteRecord],
    matches: &[Match],
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    // Speakers in the order of their best match.
    let mut speakers: Vec<Option<&str>> = Vec::new();
    for m in matches {
        let speaker = records[m.index].speaker.as_deref();
        if !speakers.contains(&speaker) {
            speakers.push(speaker);
        }
    }
    for (i, speaker) in speakers.into_iter().enumerate() {
        let group: Vec<&Match> =
            matches.iter().filter(|m| records[m.index].speaker.as_deref() == speaker).collect();
        let first = &records[group[0].index];
        let mut outlets: Vec<&str> =
            group.iter().map(|m| records[m.index].outlet.as_str()).collect();
        outlets.sort_unstable();
        outlets.dedup();
        if i > 0 {
            writeln!(out)?;
        }
        let name = match (speaker, first.speaker_type) {
            (Some(name), Some(kind)) => format!("{name} · {}", kind.as_str()),
            (Some(name), None) => name.to_string(),
            (None, _) => "(no speaker)".to_string(),
        };
        let matches = plural(group.len(), "match", "matches");
        let outlet_count = plural(outlets.len(), "outlet", "outlets");
        writeln!(out, "{name} · {matches} in {outlet_count}")?;
        let mut table = Table::new(&[
            ("score", usize::MAX),
            ("outlet", 20),
            ("source", 24),
            ("wording", usize::MAX),
        ]);
        for m in group {
            let r = &records[m.index];
            let focus = m.span.start - r.start..m.span.end - r.start;
            table.row(vec![
                Cell::new(&format!("{:.2}", m.score)),
                Cell::new(if r.outlet == r.source { "-" } else { &r.outlet }),
                Cell::new(&r.source),
                Cell::around(&r.text, focus),
            ]);
        }
        table.write(2, width, &mut out)?;
    }
    Ok(())
}

/// `1 match`, `2 matches`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
