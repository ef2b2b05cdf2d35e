//! `quotelens speakers`: the quoted speakers.

use quotelens::{output, roster};

use super::{CsvArgs, InputArgs, OutputArgs, Status};

/// List the quoted speakers with their aliases, roles and quotes per outlet.
///
/// Speakers are merged across articles (a surname joins the one full name that
/// has it, an acronym its organisation), so each is listed once, most quoted
/// first. Speakers the articles mention but never quote are left out.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens speakers
  quotelens speakers --format csv -o speakers.csv articles/")]
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

/// The formats of `speakers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One block per speaker: name, type, quote count, aliases, roles, outlets.
    Table,
    /// CSV with one row per speaker and outlet.
    Csv,
    /// JSON Lines: one speaker per line, with quote counts per outlet.
    Jsonl,
}

/// Runs `speakers`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let (extraction, status) = args.input.extract();
    let speakers = roster::roster(&extraction);
    let width = super::width();
    args.output.write(|out| match args.format {
        Format::Table => output::speakers::write_table(&speakers, width, out),
        Format::Csv => output::speakers::write_csv_as(&speakers, args.csv.cells(), out),
        Format::Jsonl => output::json::write_jsonl(&speakers, out),
    })?;
    Ok(status)
}
