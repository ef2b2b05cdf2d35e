//! `quotelens eval --gold FILE`: scores against hand-annotated quotes.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use anyhow::Context as _;
use quotelens::{eval, output};

use super::{InputArgs, OutputArgs, Status};

/// Score the extraction against hand-annotated gold quotes.
///
/// Extracts the quotes of the articles and compares them with the gold file:
/// recall (speech quotes found), attribution accuracy (found quotes given the
/// right speaker), non-speech quotes wrongly given a speaker, and spurious
/// quotes (speech found where the gold has none), in total and per article,
/// then lists every wrong, missed and spurious quote. Only articles the gold
/// file names are scored.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens eval --gold gold.jsonl
  quotelens eval --gold gold.jsonl --format json articles/")]
pub struct Args {
    /// The gold quotes: JSON Lines, one annotated quote per line.
    ///
    /// Each line is {"file": "<article id>.txt", "quote": "...", "speaker": "<key
    /// the speaker's name contains>" or null, "kind": "speech" | "nonspeech" |
    /// "ambiguous"}. A bad line is reported and skipped (exit status 2).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,

    #[command(flatten)]
    input: InputArgs,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    #[command(flatten)]
    output: OutputArgs,
}

/// The formats of `eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The totals, scores per article, and the lists of errors, as tables.
    Table,
    /// The whole report as one pretty-printed JSON object.
    Json,
}

/// Runs `eval`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let file = File::open(&args.gold)
        .with_context(|| format!("cannot open the gold file {}", args.gold.display()))?;
    let (gold, errors) = eval::read_gold(&args.gold, BufReader::new(file));
    let mut status = Status::Success;
    for e in &errors {
        super::warn(e);
        status = Status::Failed;
    }
    let (extraction, read) = args.input.extract();
    let report = eval::evaluate(&gold, &extraction.records);
    let width = super::width();
    args.output.write(|out| match args.format {
        Format::Table => output::eval::write_table(&report, width, out),
        Format::Json => output::json::write_json(&report, out),
    })?;
    Ok(status.max(read))
}
