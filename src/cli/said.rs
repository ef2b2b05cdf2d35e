//! `quotelens said NAME`: everything a speaker said, by statement.

use anyhow::bail;
use quotelens::compare::{CompareOptions, compare};
use quotelens::{output, roster};

use super::{InputArgs, OutputArgs, Status};

/// Show everything a speaker said, by statement, with each outlet's wording.
///
/// NAME is any name the speaker goes by in the articles: the full name, a
/// surname, an alias or acronym, in any case and with small misspellings. When
/// several speakers match, the best match is shown and the others are listed on
/// standard error. Only speakers with at least one quote are considered. Their
/// quotes are shown by statement, as `quotelens compare` clusters them: every
/// outlet's wording of each (quotes and paraphrases, whoever the outlet gives it
/// to), with its differences against the reference wording. Exits with status 1
/// when no speaker matches.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens said \"Jane Doe\" articles/
  quotelens said doe --format jsonl articles/")]
pub struct Args {
    /// The speaker's name, or any alias.
    #[arg(value_name = "NAME")]
    name: String,

    #[command(flatten)]
    input: InputArgs,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    #[command(flatten)]
    output: OutputArgs,
}

/// The formats of `said`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The speaker's names and roles, then each statement with every outlet's wording.
    Table,
    /// JSON Lines: one quote record per line, by outlet, with its cluster ids.
    Jsonl,
}

/// Runs `said`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if !args.name.chars().any(char::is_alphanumeric) {
        bail!("the speaker to look for has no letters or digits: {:?}", args.name);
    }
    let (extraction, status) = args.input.extract();
    let quoted = roster::roster(&extraction);
    // Best score first; among equals, the most quoted.
    let mut candidates: Vec<(f64, &roster::SpeakerQuotes)> = extraction
        .speakers
        .lookup(&args.name)
        .into_iter()
        .filter_map(|(id, score)| Some((score, quoted.iter().find(|s| s.id == id)?)))
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.quotes.cmp(&a.1.quotes)));
    let Some(&(_, best)) = candidates.first() else {
        super::warn(format_args!("no quoted speaker matches {:?}", args.name));
        return Ok(status.max(Status::NotFound));
    };
    if candidates.len() > 1 {
        let others: Vec<String> = candidates[1..]
            .iter()
            .map(|(_, s)| format!("{} ({} quotes)", s.speaker.name, s.quotes))
            .collect();
        super::warn(format_args!(
            "{:?} also matches {}; showing {}",
            args.name,
            others.join(", "),
            best.speaker.name
        ));
    }
    let quotes = output::said::by_outlet(roster::quotes_by(&extraction, best.id));
    let comparison = compare(&extraction, &CompareOptions::default());
    let width = super::width();
    args.output.write(|out| match args.format {
        Format::Table => output::said::write_table(best, &quotes, &comparison, width, out),
        Format::Jsonl => output::said::write_jsonl(&quotes, &comparison, out),
    })?;
    Ok(status)
}
