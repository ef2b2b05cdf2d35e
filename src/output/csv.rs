//! Quote records as CSV.
//!
//! # Format
//!
//! A header line, then one row per [`QuoteRecord`], with these columns in
//! this order (RFC 4180 quoting; a field with a comma, a quote mark or a
//! line break is quoted, so a multi-paragraph quote spans lines):
//!
//! | column | content |
//! |---|---|
//! | `source` | article id |
//! | `outlet` | outlet name, or the article id when unknown |
//! | `start`, `end` | half-open byte offsets of the quoted text into the article |
//! | `text` | the quoted text, without its marks |
//! | `kind` | `full`, `partial` or `nonspeech` |
//! | `depth` | 0 for a top-level quote, 1 inside another quote, ... |
//! | `speaker` | canonical speaker name, empty when none |
//! | `speaker_type` | `person`, `organisation`, `unnamed_source`, or empty |
//! | `mention` | the speaker as written where the rule found it, or empty |
//! | `mention_start`, `mention_end` | its byte offsets into the article, or empty |
//! | `cue` | the speech verb or phrase, or empty |
//! | `rule` | the attribution rule ([`Rule`](crate::Rule)) |
//! | `confidence` | 0 to 1, 0 when there is no speaker |
//!
//! ```text
//! source,outlet,start,end,text,kind,depth,speaker,speaker_type,mention,mention_start,mention_end,cue,rule,confidence
//! a1,a1,3,16,We will rebuild,full,0,Jane Doe,person,Jane Doe,21,29,said,trailing-cue,0.9
//! a1,a1,40,47,The bridge,partial,0,,,,,,,unattributed,0.0
//! ```
//!
//! # Formula injection
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
//! formula, and a leading tab or carriage return can hide such a start.
//! Following OWASP's advice on CSV injection, a text cell starting with any
//! of these characters is written with a single quote `'` in front
//! (`=SUM(A1)` becomes `'=SUM(A1)`), which spreadsheets show as text. Only
//! the text columns are touched: numbers never start with these
//! characters. A reader that needs the exact text should take it from the
//! article at `start..end`, use JSON, or write [`Cells::Raw`] with
//! [`write_records_as`] (the command line's `--raw`).

use std::borrow::Cow;
use std::io;

use serde::Serialize;

use crate::QuoteRecord;

/// How text cells are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Cells {
    /// A cell that a spreadsheet would run as a formula gets a `'` in
    /// front; see the [module docs](self#formula-injection). For people.
    #[default]
    Neutralised,
    /// Every cell as it is. For programs, never for a spreadsheet.
    Raw,
}

impl Cells {
    /// `cell`, neutralised unless `self` is [`Cells::Raw`].
    pub(crate) fn write(self, cell: &str) -> Cow<'_, str> {
        match self {
            Cells::Neutralised => neutralise(cell),
            Cells::Raw => Cow::Borrowed(cell),
        }
    }
}

/// One CSV row: a [`QuoteRecord`] flattened.
#[derive(Clone, Debug, Serialize)]
struct Row<'a> {
    source: Cow<'a, str>,
    outlet: Cow<'a, str>,
    start: usize,
    end: usize,
    text: Cow<'a, str>,
    kind: &'static str,
    depth: u8,
    speaker: Cow<'a, str>,
    speaker_type: &'static str,
    mention: Cow<'a, str>,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    cue: Cow<'a, str>,
    rule: &'static str,
    confidence: f64,
}

impl<'a> Row<'a> {
    fn new(r: &'a QuoteRecord, cells: Cells) -> Row<'a> {
        let neutralise = |s: &'a str| cells.write(s);
        let opt = |s: Option<&'a str>| cells.write(s.unwrap_or(""));
        Row {
            source: neutralise(&r.source),
            outlet: neutralise(&r.outlet),
            start: r.start,
            end: r.end,
            text: neutralise(&r.text),
            kind: r.kind.as_str(),
            depth: r.depth,
            speaker: opt(r.speaker.as_deref()),
            speaker_type: r.speaker_type.map_or("", |t| t.as_str()),
            mention: neutralise(r.mention.as_ref().map_or("", |m| m.text.as_str())),
            mention_start: r.mention.as_ref().map(|m| m.start),
            mention_end: r.mention.as_ref().map(|m| m.end),
            cue: opt(r.cue.as_deref()),
            rule: r.rule.as_str(),
            confidence: r.confidence,
        }
    }
}

/// Writes `records` as CSV, as the [module docs](self) describe.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_records(records: &[QuoteRecord], out: impl io::Write) -> io::Result<()> {
    write_records_as(records, Cells::Neutralised, out)
}

/// Writes `records` as CSV with text cells written as `cells` says.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_records_as(
    records: &[QuoteRecord],
    cells: Cells,
    out: impl io::Write,
) -> io::Result<()> {
    write_rows(records.iter().map(|r| Row::new(r, cells)), out)
}

/// Serializes records as rows into a CSV writer that may already have
/// written some (and the header), for [`super::RecordWriter`].
pub(crate) fn serialize_records<W: io::Write>(
    writer: &mut ::csv::Writer<W>,
    records: &[QuoteRecord],
    cells: Cells,
) -> io::Result<()> {
    for r in records {
        writer.serialize(Row::new(r, cells)).map_err(into_io)?;
    }
    Ok(())
}

/// Writes serializable flat rows as CSV with a header taken from the first
/// row's field names (no header when there is no row).
pub(crate) fn write_rows<T: Serialize>(
    rows: impl IntoIterator<Item = T>,
    out: impl io::Write,
) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    for row in rows {
        writer.serialize(row).map_err(into_io)?;
    }
    writer.flush()
}

/// The CSV error as an I/O error, keeping the kind of an underlying I/O
/// error (so that a closed pipe is still recognised as one).
pub(crate) fn into_io(err: ::csv::Error) -> io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("CSV: {kind:?}")),
    }
}

/// The cell with a `'` in front when it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return; see the [module docs](self#formula-injection).
pub(crate) fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Mention, QuoteKind, Rule, SpeakerType};

    fn record(text: &str) -> QuoteRecord {
        QuoteRecord {
            source: "a1".into(),
            outlet: "Daily, News".into(),
            start: 3,
            end: 3 + text.len(),
            text: text.into(),
            kind: QuoteKind::Full,
            depth: 0,
            speaker: Some("Jane Doe".into()),
            speaker_type: Some(SpeakerType::Person),
            mention: Some(Mention { text: "Doe".into(), start: 30, end: 33 }),
            cue: Some("said".into()),
            rule: Rule::TrailingCue,
            confidence: 0.9,
        }
    }

    fn csv(records: &[QuoteRecord]) -> String {
        let mut out = Vec::new();
        write_records(records, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_flat_row_per_record() {
        let mut bare = record("The \"bridge\"\nis old");
        (bare.speaker, bare.speaker_type, bare.mention, bare.cue) = (None, None, None, None);
        (bare.rule, bare.confidence, bare.kind) = (Rule::Unattributed, 0.0, QuoteKind::Partial);
        let got = csv(&[record("We will rebuild"), bare]);
        let want = "source,outlet,start,end,text,kind,depth,speaker,speaker_type,mention,mention_start,mention_end,cue,rule,confidence\n\
            a1,\"Daily, News\",3,18,We will rebuild,full,0,Jane Doe,person,Doe,30,33,said,trailing-cue,0.9\n\
            a1,\"Daily, News\",3,22,\"The \"\"bridge\"\"\nis old\",partial,0,,,,,,,unattributed,0.0\n";
        assert_eq!(got, want);
        assert_eq!(csv(&[]), "");
    }

    #[test]
    fn raw_cells_are_left_as_they_are() {
        let mut r = record("=1+1");
        r.speaker = Some("@cmd".into());
        let mut out = Vec::new();
        write_records_as(&[r], Cells::Raw, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(",=1+1,full,0,@cmd,"), "{out}");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for (text, cell) in [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+1 555", "'+1 555"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("a = b", "a = b"),
            ("'quoted'", "'quoted'"),
        ] {
            let mut r = record(text);
            r.speaker = Some("=cmd|' /C calc'!A0".into());
            let got = csv(&[r]);
            let (_, row) = got.split_once('\n').unwrap();
            assert!(row.contains(&format!(",{cell},full,")), "{text:?}: {row:?}");
            assert!(row.contains(",'=cmd|' /C calc'!A0,person,"), "{row:?}");
        }
    }
}
