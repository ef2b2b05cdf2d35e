//! `quotelens who "TEXT"`: who said a quote, and how each outlet worded it.

use anyhow::bail;
use quotelens::compare::{CompareOptions, compare};
use quotelens::{lookup, output};

use super::{InputArgs, OutputArgs, Status};

/// Find who said a quote, in which outlets, with each outlet's wording.
///
/// TEXT is a few words of the quote as you remember them. Case, punctuation and
/// the style of apostrophes don't matter, and small misspellings or a word out of
/// place still match. Matches are ranked by a score from 0 to 1 (1: the words
/// appear exactly as given), and those scoring at least 0.6 are shown with the
/// statement they belong to, as `quotelens compare` clusters it: every outlet's
/// wording of it with its differences against the reference wording, the quotes
/// that matched marked with their score. Exits with status 1 when nothing matches.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens who \"we will not give up\" articles/
  quotelens who \"a temporary pause\" --format jsonl articles/")]
pub struct Args {
    /// A few words of the quote.
    #[arg(value_name = "TEXT")]
    text: String,

    #[command(flatten)]
    input: InputArgs,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Show at most N matches, the best ones.
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u64).range(1..))]
    limit: u64,

    #[command(flatten)]
    output: OutputArgs,
}

/// The formats of `who`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The statements matched, each with every outlet's wording and differences.
    Table,
    /// JSON Lines: one match per line, best first (score, matched span, quote record,
    /// cluster ids).
    Jsonl,
}

/// Runs `who`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if lookup::Query::new(&args.text).is_empty() {
        bail!("the quote to look for has no letters or digits: {:?}", args.text);
    }
    let (extraction, status) = args.input.extract();
    let records = &extraction.records;
    let mut matches = lookup::search(&args.text, records, lookup::THRESHOLD);
    matches.truncate(usize::try_from(args.limit).unwrap_or(usize::MAX));
    if matches.is_empty() {
        super::warn(format_args!("no quote matches {:?}", args.text));
        return Ok(status.max(Status::NotFound));
    }
    let comparison = compare(&extraction, &CompareOptions::default());
    let width = super::width();
    args.output.write(|out| match args.format {
        Format::Table => output::matches::write_table(records, &matches, &comparison, width, out),
        Format::Jsonl => output::matches::write_jsonl(records, &matches, &comparison, out),
    })?;
    Ok(status)
}
