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

use super::record_line::{self, UnnamedLines};
use super::{Format, csv, table};
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

    /// Writes the records of one article as [`RecordWriter::write`] does,
    /// from `lines`, the same records written as JSON Lines but for their
    /// speakers, which are taken from `records`: the speakers are filled in
    /// once the lines are made, and on another thread ([`UnnamedLines`]).
    ///
    /// # Panics
    ///
    /// When the format is not JSON Lines, or `lines` has not one line for
    /// each record.
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn write_unnamed(
        &mut self,
        lines: &UnnamedLines,
        records: &[QuoteRecord],
    ) -> io::Result<()> {
        assert_eq!(self.format, Format::Jsonl, "write_unnamed writes JSON Lines");
        assert_eq!(lines.len(), records.len(), "one line for each record");
        if records.is_empty() {
            return Ok(());
        }
        let Sink::Plain(out) = &mut self.sink else { unreachable!("JSON Lines") };
        self.line.clear();
        // The speaker part of the record before, when it is still in
        // `line`: a record with the same speaker (the same shared name)
        // copies it rather than escape the name again, as runs of quotes
        // by one speaker do.
        let mut before: Option<(&QuoteRecord, std::ops::Range<usize>)> = None;
        for ((head, tail), r) in lines.parts().zip(records) {
            self.line.extend_from_slice(head);
            let start = self.line.len();
            match before.filter(|(b, _)| same_speaker(b, r)) {
                Some((_, range)) => self.line.extend_from_within(range),
                None => record_line::push_speaker(&mut self.line, r),
            }
            before = Some((r, start..self.line.len()));
            self.line.extend_from_slice(tail);
            self.line.push(b'\n');
            if self.line.len() >= FLUSH_AT {
                out.write_all(&self.line)?;
                self.line.clear();
                before = None;
            }
        }
        out.write_all(&self.line)?;
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

/// Whether two records have the same speaker part: the same shared name
/// (or none) and type.
fn same_speaker(a: &QuoteRecord, b: &QuoteRecord) -> bool {
    let name = match (&a.speaker, &b.speaker) {
        (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    };
    name && a.speaker_type == b.speaker_type
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::extract::Extractor;

    /// Lines made but for their speakers, with the speakers filled in
    /// after, write what the records write: article by article, and all
    /// at once past the flush size, with runs of one speaker and records
    /// with none.
    #[test]
    fn unnamed_lines_write_what_the_records_write() {
        let generated = crate::generate::Generator::new(crate::generate::GeneratorConfig {
            articles: 400,
            seed: 5,
        });
        let (mut unnamed_seen, mut longest) = (false, 0);
        for articles in [corpus::bundled(), generated.collect()] {
            let records = Extractor::new().extract(articles).records;
            unnamed_seen |= records.iter().any(|r| r.speaker.is_none());
            let mut want = RecordWriter::new(Format::Jsonl, 80, Vec::new());
            let mut got = RecordWriter::new(Format::Jsonl, 80, Vec::new());
            let mut all = RecordWriter::new(Format::Jsonl, 80, Vec::new());
            for article in records.chunk_by(|a, b| std::sync::Arc::ptr_eq(&a.source, &b.source)) {
                // The speakers are filled in after the lines are made.
                let mut unnamed = article.to_vec();
                for r in &mut unnamed {
                    (r.speaker, r.speaker_type) = (None, None);
                }
                let lines = UnnamedLines::new(&unnamed);
                want.write(article).unwrap();
                got.write_unnamed(&lines, article).unwrap();
            }
            all.write_unnamed(&UnnamedLines::new(&records), &records).unwrap();
            let want = want.finish().unwrap();
            longest = longest.max(want.len());
            assert_eq!(
                String::from_utf8_lossy(&got.finish().unwrap()),
                String::from_utf8_lossy(&want)
            );
            assert!(all.finish().unwrap() == want);
        }
        assert!(unnamed_seen && longest > FLUSH_AT, "{unnamed_seen} {longest}");
    }

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
