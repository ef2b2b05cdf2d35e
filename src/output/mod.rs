//! Writing results: every format quotelens produces, each a pure function
//! over any [`io::Write`].
//!
//! Nothing here chooses a destination or looks at the terminal: callers
//! pass a writer (standard output, a file, a `Vec<u8>`) and, for tables,
//! the width to fit.
//!
//! | module | writes |
//! |---|---|
//! | [`compare`](mod@compare) | a comparison ([`crate::compare`]) as CSV for editors or JSON Lines |
//! | [`clusters`] | a comparison's clusters as readable text (`compare`, `who`, `said`) |
//! | [`table`] | quote records as aligned text for terminals |
//! | [`csv`] | quote records as CSV, one flat row per record |
//! | [`json`] | anything serializable as a pretty JSON array or as JSON Lines |
//! | [`RecordWriter`] | quote records article by article, as a stream, in any of the formats above |
//! | [`matches`](mod@matches) | the quotes a wording search found ([`crate::lookup`]), by cluster |
//! | [`said`] | one speaker's quotes, by cluster |
//! | [`speakers`] | the speakers and how often each outlet quotes them |
//! | [`eval`] | an evaluation report ([`crate::eval`]) |
//! | [`framing`](mod@framing) | a framing report ([`crate::framing`]) |
//!
//! # Example
//!
//! ```
//! use quotelens::{Article, extract::Extractor, output};
//!
//! let article = Article::new("a1", "“We will rebuild,” Jane Doe said.");
//! let records = Extractor::new().extract(vec![article]).records;
//! let mut out = Vec::new();
//! output::write_records(output::Format::Jsonl, &records, 80, &mut out).unwrap();
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.starts_with(r#"{"source":"a1","outlet":"a1","start":3,"#));
//! ```

pub mod clusters;
pub mod compare;
pub mod csv;
pub mod eval;
pub mod framing;
pub mod json;
pub mod matches;
mod record_line;
mod records;
pub mod said;
pub mod speakers;
pub mod table;

use std::io;

pub use record_line::UnnamedLines;
pub use records::RecordWriter;

use crate::QuoteRecord;

/// The formats quote records can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Aligned text for reading in a terminal ([`table::write_records`]).
    Table,
    /// CSV, one flat row per record ([`csv::write_records`]).
    Csv,
    /// One pretty-printed JSON array of records ([`json::write_json`]).
    Json,
    /// JSON Lines, one record per line ([`json::write_jsonl`]).
    Jsonl,
}

/// The width tables are fitted to when the caller knows no better: 100
/// columns.
pub const DEFAULT_WIDTH: usize = 100;

/// Writes quote records in `format`; `width` (in characters) only matters
/// for [`Format::Table`].
///
/// # Errors
///
/// Any error of the writer.
pub fn write_records(
    format: Format,
    records: &[QuoteRecord],
    width: usize,
    out: impl io::Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write_records(records, width, out),
        Format::Csv => csv::write_records(records, out),
        Format::Json => json::write_json(&records, out),
        // The bytes of `json::write_jsonl`, written faster (issue #5).
        Format::Jsonl => {
            let mut writer = RecordWriter::new(format, width, out);
            writer.write(records)?;
            writer.finish().map(drop)
        }
    }
}
