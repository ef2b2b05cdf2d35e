//! Writing quote records article by article, as a stream.
//!
//! [`RecordWriter`] writes exactly the bytes [`super::write_records`]
//! writes for all the records at once, but takes them one article at a
//! time, so that a command can write each article's records as soon as
//! they are ready and keep nothing: the CSV header comes with the first
//! record, tables are separated by a blank line, JSON Lines are written as
//! they come, and the JSON array is opened before the first record and
//! closed by [`RecordWriter::finish`].

use std::io::{self, Write};

use super::{Format, csv, record_line, table};
use crate::QuoteRecord;

/// A stream of quote records in one [`Format`]: exactly the bytes
/// [`super::write_records`] writes for all the records at once, taken one
/// article at a time (the CSV header comes with the first record, tables
/// are separated by a blank line, the JSON array is closed by
/// [`RecordWriter::finish`]).
pub struct RecordWriter<W: Write> {
    format: Format,
    width: usize,
    sink: Sink<W>,
    /// How CSV cells are written.
    cells: csv::Cells,
    /// Records written so far.
    written: usize,
    /// A run of JSON Lines records is written here first ([`record_line`])
    /// and reaches the sink in one write: many small writes through a
    /// `BufWriter` cost more than appending to a `Vec` (issue #5). Kept
    /// across calls so that it is allocated once.
    line: Vec<u8>,
    /// The confidences written so far ([`record_line::Numbers`]).
    numbers: record_line::Numbers,
}

/// How many bytes of JSON Lines records [`RecordWriter`] gathers before it
/// writes them: enough for the records of most articles, in one write.
const FLUSH_AT: usize = 64 * 1024;

/// The destination: CSV goes through one `csv::Writer` for the whole
/// stream, which writes the header before the first record.
enum Sink<W: Write> {
    Plain(W),
    Csv(Box<::csv::Writer<W>>),
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` into `out`; `width` only matters for tables.
    pub fn new(format: Format, width: usize, out: W) -> RecordWriter<W> {
        let sink = match format {
            Format::Csv => Sink::Csv(Box::new(::csv::Writer::from_writer(out))),
            _ => Sink::Plain(out),
        };
        RecordWriter {
            format,
            width,
            sink,
            cells: csv::Cells::default(),
            written: 0,
            line: Vec::new(),
            numbers: record_line::Numbers::default(),
        }
    }

    /// How CSV cells are written (neutralised against formula injection
    /// by default, as [`csv::write_records`] does; see [`csv::Cells`]).
    pub fn csv_cells(mut self, cells: csv::Cells) -> RecordWriter<W> {
        self.cells = cells;
        self
    }

    /// Writes the records of one article (or any run of records that
    /// [`super::write_records`] would have written in one go).
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn write(&mut self, records: &[QuoteRecord]) -> io::Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let out = match &mut self.sink {
            Sink::Csv(writer) => {
                self.written += records.len();
                return csv::serialize_records(&mut **writer, records, self.cells);
            }
            Sink::Plain(out) => out,
        };
        match self.format {
            Format::Table => {
                if self.written > 0 {
                    writeln!(out)?;
                }
                table::write_records(records, self.width, &mut *out)?;
            }
            Format::Jsonl => {
                // An article's lines reach the sink in one write, or a few
                // for a long run of records (`--final-names` writes the
                // whole corpus in one call): the buffer never holds much
                // more than `FLUSH_AT` bytes.
                self.line.clear();
                for r in records {
                    record_line::push_record(&mut self.line, r, &mut self.numbers)?;
                    self.line.push(b'\n');
                    if self.line.len() >= FLUSH_AT {
                        out.write_all(&self.line)?;
                        self.line.clear();
                    }
                }
                out.write_all(&self.line)?;
            }
            Format::Json => {
                for r in records {
                    out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                    // An element of a pretty array is the pretty value
                    // indented by two spaces (strings never hold a raw
                    // line break: JSON escapes it).
                    let value = serde_json::to_string_pretty(r)?;
                    for (i, line) in value.split('\n').enumerate() {
                        if i > 0 {
                            out.write_all(b"\n")?;
                        }
                        out.write_all(b"  ")?;
                        out.write_all(line.as_bytes())?;
                    }
                    self.written += 1;
                }
                return Ok(());
            }
            Format::Csv => unreachable!("CSV has its own sink"),
        }
        self.written += records.len();
        Ok(())
    }

    /// Ends the stream (closes the JSON array; `[]` when there was no
    /// record) and flushes it.
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn finish(self) -> io::Result<W> {
        let mut out = match self.sink {
            Sink::Csv(writer) => writer.into_inner().map_err(|e| e.into_error())?,
            Sink::Plain(out) => out,
        };
        if self.format == Format::Json {
            out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        out.flush()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::extract::Extractor;

    #[test]
    fn a_stream_writes_what_one_call_writes() {
        let records = Extractor::new().extract(corpus::bundled()).records;
        for format in [Format::Table, Format::Csv, Format::Jsonl, Format::Json] {
            let mut whole = Vec::new();
            super::super::write_records(format, &records, 80, &mut whole).unwrap();
            let mut stream = RecordWriter::new(format, 80, Vec::new());
            let mut start = 0;
            while start < records.len() {
                let n = records[start..].iter().take_while(|r| r.source == records[start].source);
                let end = start + n.count();
                stream.write(&records[start..end]).unwrap();
                stream.write(&[]).unwrap();
                start = end;
            }
            let streamed = stream.finish().unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole).unwrap());
            let mut empty = Vec::new();
            super::super::write_records(format, &[], 80, &mut empty).unwrap();
            assert_eq!(RecordWriter::new(format, 80, Vec::new()).finish().unwrap(), empty);
        }
    }

    /// A sink that keeps the size of its largest write.
    #[derive(Default)]
    struct Largest {
        bytes: Vec<u8>,
        largest: usize,
    }

    impl Write for Largest {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.largest = self.largest.max(buf.len());
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_long_run_of_json_lines_is_written_in_bounded_pieces() {
        // Many articles' records in one call, as `quotes --final-names`
        // writes them: the buffer must not grow to hold them all.
        let one = Extractor::new().extract(corpus::bundled()).records;
        let records: Vec<QuoteRecord> = std::iter::repeat_n(one, 60).flatten().collect();
        let mut whole = Vec::new();
        super::super::write_records(Format::Jsonl, &records, 80, &mut whole).unwrap();
        assert!(whole.len() > 3 * FLUSH_AT, "{} bytes is too few to test", whole.len());
        let mut writer = RecordWriter::new(Format::Jsonl, 80, Largest::default());
        writer.write(&records).unwrap();
        let sink = writer.finish().unwrap();
        assert_eq!(sink.bytes, whole);
        let longest = whole.split(|&b| b == b'\n').map(<[u8]>::len).max().unwrap_or(0);
        assert!(sink.largest < FLUSH_AT + longest + 1, "a write of {} bytes", sink.largest);
        assert!(writer_capacity_is_bounded(&records));
    }

    /// Whether the writer's buffer stays within a few times `FLUSH_AT` after
    /// writing `records` in one call.
    fn writer_capacity_is_bounded(records: &[QuoteRecord]) -> bool {
        let mut writer = RecordWriter::new(Format::Jsonl, 80, io::sink());
        writer.write(records).unwrap();
        writer.line.capacity() <= 4 * FLUSH_AT
    }
}
