//! Everything one speaker said, by outlet: the output of `quotelens said`.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): the speaker's block as in
//!   [`super::speakers`], then one table per outlet and article (outlets
//!   in name order, articles by id), each under an `outlet · article`
//!   heading (just the article id when the outlet is unknown):
//!
//!   ```text
//!   Omar al-Fulani · person · 6 quotes
//!     aliases  Al-Fulani, Fulani
//!     outlets  Daily Planet 4, Northland Radio 2
//!
//!   Daily Planet · a1
//!     KIND     RULE         CONF  TEXT
//!     partial  leading-cue  0.80  temporary pause
//!   ```
//! * **JSON Lines**: [`super::json::write_jsonl`] of the speaker's
//!   [`QuoteRecord`]s, in the same order as the table.

use std::io;

use crate::QuoteRecord;
use crate::roster::SpeakerQuotes;

use super::table::{Cell, Table, confidence};

/// Orders a speaker's quotes as the table shows them: by outlet, then
/// article, then position.
pub fn by_outlet<'a>(quotes: impl IntoIterator<Item = &'a QuoteRecord>) -> Vec<&'a QuoteRecord> {
    let mut quotes: Vec<&QuoteRecord> = quotes.into_iter().collect();
    quotes.sort_by(|a, b| {
        (&a.outlet, &a.source, a.start, a.end).cmp(&(&b.outlet, &b.source, b.start, b.end))
    });
    quotes
}

/// Writes the speaker's block and their quotes by outlet, fitting `width`
/// characters. `quotes` are shown in the order given; pass them through
/// [`by_outlet`] first.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    speaker: &SpeakerQuotes,
    quotes: &[&QuoteRecord],
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    super::speakers::write_table(std::slice::from_ref(speaker), width, &mut out)?;
    for group in quotes.chunk_by(|a, b| a.source == b.source) {
        let first = group[0];
        writeln!(out)?;
        if first.outlet == first.source {
            writeln!(out, "{}", first.source)?;
        } else {
            writeln!(out, "{} · {}", first.outlet, first.source)?;
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
