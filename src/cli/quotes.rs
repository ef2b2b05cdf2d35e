//! `quotelens quotes`: every quote with its speaker.

use quotelens::output::{self, RecordWriter, UnnamedLines};
use quotelens::stream::StreamingNames;

use super::{CsvArgs, InputArgs, OutputArgs, Status, Tally};

/// List every quote with its speaker.
///
/// Prints each quoted span of every article: its text, whether it is a full
/// quote, a partial one or not speech at all (a nickname, a title), the speaker
/// the attribution rules chose, the rule that decided and how sure it is.
///
/// Articles are read, extracted on every core and written one at a time, in input
/// order, so memory holds a few articles at a time, not the corpus. A speaker's name
/// is the fullest form seen in that article and the articles before it; a fuller form
/// that first appears later names only the later quotes, and a speaker not mentioned
/// in the last 100,000 articles starts afresh (see --final-names).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens quotes
  quotelens quotes --format csv -o quotes.csv articles/
  quotelens quotes --format jsonl - < article.txt")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Name every speaker with the fullest form seen in the whole corpus.
    ///
    /// Holds every quote until the last article is read, so memory grows with the
    /// number of quotes, and nothing is written before the end. Without it, each
    /// article's quotes are written as soon as it is done, named with the fullest
    /// form seen so far.
    #[arg(long)]
    final_names: bool,

    #[command(flatten)]
    csv: CsvArgs,

    #[command(flatten)]
    output: OutputArgs,
}

/// The formats of `quotes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Aligned columns for reading, one table per article.
    Table,
    /// CSV with a header and one flat row per quote.
    Csv,
    /// JSON Lines: one quote record per line.
    Jsonl,
    /// One pretty-printed JSON array of quote records.
    Json,
}

impl From<Format> for output::Format {
    fn from(format: Format) -> output::Format {
        match format {
            Format::Table => output::Format::Table,
            Format::Csv => output::Format::Csv,
            Format::Jsonl => output::Format::Jsonl,
            Format::Json => output::Format::Json,
        }
    }
}

/// Runs `quotes`: load, find and attribute on every core, name, and write
/// each article's records as soon as it is done.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let format = args.format.into();
    let width = super::width();
    if args.final_names {
        let (extraction, status) = args.input.extract();
        let records = &extraction.records;
        args.output.write(|out| match format {
            output::Format::Csv => output::csv::write_records_as(records, args.csv.cells(), out),
            _ => output::write_records(format, records, width, out),
        })?;
        return Ok(status);
    }
    let mut tally = Tally { quiet: args.input.quiet, ..Tally::default() };
    let (extractor, mut status) = args.input.extractor(&mut tally);
    let mut names = StreamingNames::new();
    let mut quotes = 0;
    let written = args.output.write(|out| {
        let mut writer = RecordWriter::new(format, width, out).csv_cells(args.csv.cells());
        // Each cast is prepared for naming, and JSON Lines are written but
        // for their speakers, on the thread that extracted the article:
        // only what needs the registry, in input order, is left for this one.
        let jsonl = format == output::Format::Jsonl;
        let read_status = args.input.for_each_with(
            &extractor,
            &mut tally,
            |_, found| {
                let lines = jsonl.then(|| UnnamedLines::new(&found.records));
                // Only the records are written: what else extraction found
                // is let go here too.
                drop(std::mem::take(&mut found.paraphrases));
                drop(std::mem::take(&mut found.cues));
                drop(std::mem::take(&mut found.boilerplate));
                (StreamingNames::prepare(found), lines)
            },
            |_, mut found, (cast, lines)| {
                names.name_prepared(&mut found, cast);
                quotes += found.records.len();
                match &lines {
                    Some(lines) => writer.write_unnamed(lines, &found.records),
                    None => writer.write(&found.records),
                }
            },
        )?;
        status = status.max(read_status);
        writer.finish().map(drop)
    });
    tally.finish_reading(quotes);
    written?;
    Ok(status)
}
