//! An evaluation report ([`EvalReport`]): the output of `quotelens eval`.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): the totals, then a table of scores per
//!   article, then one table per list of errors (wrong speakers, missed
//!   quotes, non-speech given a speaker, spurious quotes), each headed
//!   with its count and left out when empty. Ratios have three decimals,
//!   `-` when undefined (no denominator). The metrics are defined in
//!   [`crate::eval`].
//!
//!   ```text
//!   recall                      0.852  (23 of 27 speech quotes found)
//!   attribution accuracy        0.783  (18 of 23 found quotes)
//!   non-speech given a speaker  1      (of 4 non-speech quotes)
//!   spurious                    3      (speech quotes not in the gold)
//!   ```
//! * **JSON**: [`super::json::write_json`] of the [`EvalReport`], whose
//!   fields [`crate::eval`] documents.

use std::io;

use crate::eval::EvalReport;

use super::table::{Cell, Table};

/// Writes the report as tables, fitting `width` characters.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(report: &EvalReport, width: usize, mut out: impl io::Write) -> io::Result<()> {
    let t = &report.total;
    let mut totals =
        Table::new(&[("metric", usize::MAX), ("value", usize::MAX), ("of", usize::MAX)]);
    let rows = [
        ("recall", ratio(t.recall), format!("({} of {} speech quotes found)", t.found, t.speech)),
        (
            "attribution accuracy",
            ratio(t.accuracy),
            format!("({} of {} found quotes)", t.correct, t.found),
        ),
        (
            "non-speech given a speaker",
            t.nonspeech_with_speaker.to_string(),
            format!("(of {} non-speech quotes)", t.nonspeech),
        ),
        ("spurious", t.spurious.to_string(), "(speech quotes not in the gold)".to_string()),
    ];
    for (metric, value, of) in rows {
        totals.row(vec![Cell::new(metric), Cell::new(&value), Cell::new(&of)]);
    }
    totals.write_rows(0, width, &mut out)?;

    section(&mut out, "Per article", report.articles.len())?;
    let mut table = Table::new(&[
        ("article", 24),
        ("speech", usize::MAX),
        ("found", usize::MAX),
        ("recall", usize::MAX),
        ("correct", usize::MAX),
        ("accuracy", usize::MAX),
        ("nonspeech", usize::MAX),
        ("with speaker", usize::MAX),
        ("spurious", usize::MAX),
    ]);
    for a in &report.articles {
        let s = &a.scores;
        let cells = [
            a.article.clone(),
            s.speech.to_string(),
            s.found.to_string(),
            ratio(s.recall),
            s.correct.to_string(),
            ratio(s.accuracy),
            s.nonspeech.to_string(),
            s.nonspeech_with_speaker.to_string(),
            s.spurious.to_string(),
        ];
        table.row(cells.iter().map(|c| Cell::new(c)).collect());
    }
    table.write(2, width, &mut out)?;

    if !report.wrong_speakers.is_empty() {
        section(&mut out, "Wrong speakers", report.wrong_speakers.len())?;
        let mut table = Table::new(&[
            ("article", 24),
            ("expected", 16),
            ("predicted", 24),
            ("rule", usize::MAX),
            ("quote", usize::MAX),
        ]);
        for w in &report.wrong_speakers {
            table.row(vec![
                Cell::new(&w.article),
                Cell::new(w.expected.as_deref().unwrap_or("-")),
                Cell::new(w.predicted.as_deref().unwrap_or("-")),
                Cell::new(w.rule.as_str()),
                Cell::new(&w.quote),
            ]);
        }
        table.write(2, width, &mut out)?;
    }
    if !report.missed.is_empty() {
        section(&mut out, "Missed", report.missed.len())?;
        let mut table = Table::new(&[("article", 24), ("expected", 16), ("quote", usize::MAX)]);
        for m in &report.missed {
            table.row(vec![
                Cell::new(&m.article),
                Cell::new(m.expected.as_deref().unwrap_or("-")),
                Cell::new(&m.quote),
            ]);
        }
        table.write(2, width, &mut out)?;
    }
    if !report.nonspeech_with_speaker.is_empty() {
        section(&mut out, "Non-speech given a speaker", report.nonspeech_with_speaker.len())?;
        let mut table = Table::new(&[
            ("article", 24),
            ("predicted", 24),
            ("rule", usize::MAX),
            ("quote", usize::MAX),
        ]);
        for n in &report.nonspeech_with_speaker {
            table.row(vec![
                Cell::new(&n.article),
                Cell::new(&n.predicted),
                Cell::new(n.rule.as_str()),
                Cell::new(&n.quote),
            ]);
        }
        table.write(2, width, &mut out)?;
    }
    if !report.spurious.is_empty() {
        section(&mut out, "Spurious", report.spurious.len())?;
        let mut table = Table::new(&[
            ("article", 24),
            ("speaker", 24),
            ("rule", usize::MAX),
            ("text", usize::MAX),
        ]);
        for s in &report.spurious {
            table.row(vec![
                Cell::new(&s.article),
                Cell::new(s.speaker.as_deref().unwrap_or("-")),
                Cell::new(s.rule.as_str()),
                Cell::new(&s.text),
            ]);
        }
        table.write(2, width, &mut out)?;
    }
    Ok(())
}

/// A blank line and `Title (count)`.
fn section(out: &mut impl io::Write, title: &str, count: usize) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title} ({count})")
}

/// A ratio with three decimals, or `-` when undefined.
fn ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "-".to_string(), |r| format!("{r:.3}"))
}
