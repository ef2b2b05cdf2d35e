//! `quotelens quotes`: every quote with its speaker.

use quotelens::output;

use super::{CsvArgs, InputArgs, OutputArgs, Status};

/// List every quote with its speaker.
///
/// Prints each quoted span of every article: its text, whether it is a full
/// quote, a partial one or not speech at all (a nickname, a title), the speaker
/// the attribution rules chose, the rule that decided and how sure it is.
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

/// Runs `quotes`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let (extraction, status) = args.input.extract();
    let format = args.format.into();
    let width = super::width();
    let records = &extraction.records;
    args.output.write(|out| match format {
        output::Format::Csv => output::csv::write_records_as(records, args.csv.cells(), out),
        _ => output::write_records(format, records, width, out),
    })?;
    Ok(status)
}
