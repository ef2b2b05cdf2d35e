//! `quotelens compare`: how each outlet worded each statement.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::bail;
use quotelens::compare::{self, CompareOptions};
use quotelens::extract::Extraction;
use quotelens::framing::cluster_terms::ClusterTerms;
use quotelens::framing::{Framer, Lexicon};
use quotelens::output;

use super::progress::{self, Stage};
use super::{CsvArgs, InputArgs, OutputArgs, Status};

/// Compare how each outlet worded each statement, and whom it gave it to.
///
/// Groups the quotes that render the same statement into clusters, across outlets and
/// within an article: copies that differ only in typography or spelling, fragments of a
/// longer quote, different translations sharing their content words in order, and
/// paraphrases in the narrator's words. Each cluster has a reference wording (the most
/// complete one) and every other member is compared with it word by word: substitutions
/// (temporary → provisional), insertions, deletions, bracketed asides, typography,
/// spelling, and what a fragment leaves out at either end. Quotes of different speakers
/// are never grouped: the same words given to different speakers, or to a speaker by one
/// outlet and to nobody by another, are flagged as attribution conflicts.
///
/// Similarity is a number from 0 to 1: the share of the shorter wording's content words
/// (weighted by rarity, stop words left out) that the other has in the same order, with
/// half credit for a word replaced in place. 1 means every content word of the shorter
/// one is in the longer one in order (a fragment quoted exactly scores 1); the reference
/// itself scores 1. Quotes join a cluster at about 0.6 or more, so useful values of
/// --min-similarity lie between 0.6 and 1.
///
/// Formats: `csv` (one row per quote or paraphrase, for a spreadsheet), `jsonl` (one
/// object per cluster), `table` (one block per cluster, for reading). The CSV columns are
/// cluster, speaker, outlet, source, relation (quote or paraphrase), is_reference, text
/// (the wording as printed), reference, similarity, differences (`provisional → temporary;
/// +‘(in battle)’`), cue (the attribution the outlet used: `he added`, `the statement
/// said`), conflict, conflict_note, framing (the terms of the framing lexicon the article
/// uses in its own voice for what the statement names) and start, end (byte offsets);
/// the README describes them and the JSON Lines fields.
///
/// With --speaker, exits with status 1 when no speaker in the articles goes by NAME (a
/// speaker who has no statement left after the other filters gives an empty result,
/// status 0).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens compare
  quotelens compare --min-outlets 2 -o statements.csv articles/
  quotelens compare --speaker fulani --format table articles/
  quotelens compare --min-similarity 0.9 --format jsonl articles/ > clusters.jsonl")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// Only statements carried by at least N outlets (counted after --min-similarity).
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u64).range(1..))]
    min_outlets: u64,

    /// Only statements of this speaker: any name or alias, any case, small misspellings.
    ///
    /// Every speaker the name matches is kept (`doe` keeps Jane Doe and John Doe).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,

    /// Only wordings at least X similar to their reference, from 0 to 1 (the reference
    /// always stays).
    #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = similarity)]
    min_similarity: f64,

    /// A framing lexicon to use instead of the bundled one, for the `framing` column.
    ///
    /// The format is that of `quotelens framing --lexicon`. A malformed row is reported
    /// and skipped (exit status 2).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,

    /// The output format [default: table on a terminal, otherwise csv; with -o, jsonl for
    /// a FILE ending in .jsonl or .ndjson, otherwise csv].
    #[arg(long, value_enum)]
    format: Option<Format>,

    #[command(flatten)]
    csv: CsvArgs,

    #[command(flatten)]
    output: OutputArgs,
}

/// The formats of `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One block per cluster: the speaker, the reference, each outlet's wording and
    /// differences.
    Table,
    /// CSV with a header and one row per quote or paraphrase, ordered by cluster, then
    /// outlet.
    Csv,
    /// JSON Lines: one object per cluster with its members.
    Jsonl,
}

/// Parses a similarity threshold: a number from 0 to 1.
fn similarity(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        Ok(_) => Err("must be between 0 and 1".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

impl Args {
    /// The format asked for, or the default for the destination.
    fn format(&self) -> Format {
        let terminal = std::io::stdout().is_terminal();
        self.format.unwrap_or_else(|| default_format(self.output.output.as_deref(), terminal))
    }
}

/// The format when none is asked for: by the extension of the output
/// file, else a table for a terminal and CSV for anything else (a pipe, a
/// redirection): editors asked for CSV, and a script reading the output
/// should not get a layout meant for eyes.
fn default_format(output: Option<&Path>, terminal: bool) -> Format {
    match output {
        Some(path) if has_extension(path, &["jsonl", "ndjson"]) => Format::Jsonl,
        Some(_) => Format::Csv,
        None if terminal => Format::Table,
        None => Format::Csv,
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Runs `compare`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    if let Some(name) = &args.speaker {
        if !name.chars().any(char::is_alphanumeric) {
            bail!("the speaker to look for has no letters or digits: {name:?}");
        }
    }
    let format = args.format();
    let mut status = Status::Success;
    let mut builder = Framer::builder();
    if let Some(path) = &args.lexicon {
        let (lexicon, errors) = Lexicon::from_path(path);
        for e in &errors {
            super::warn(e);
            status = Status::Failed;
        }
        builder.lexicon(lexicon);
    }
    // Each outlet's framing terms (only the narrator voice is shown) are
    // counted beside extraction, on the threads that extract, and the
    // articles' text is not kept: the comparison never needs it (issue #5:
    // time and memory).
    let framer = builder.build();
    let count_terms = format != Format::Table;
    let mut terms = Vec::new();
    // Lean: the casts and cue uses of the articles are only for the
    // framing report's speaker labels.
    let (extraction, read) = args.input.extract_each(
        Extraction::lean(),
        |article, found| {
            if count_terms { framer.narrator_terms(article, found) } else { Vec::new() }
        },
        |_, found| terms.extend(found),
    );
    status = status.max(read);
    if let Some(name) = &args.speaker {
        if extraction.speakers.lookup(name).is_empty() {
            super::warn(format_args!("no speaker matches {name:?}"));
            return Ok(status.max(Status::NotFound));
        }
    }
    let options = CompareOptions {
        min_outlets: usize::try_from(args.min_outlets).unwrap_or(usize::MAX),
        speaker: args.speaker.clone(),
        min_similarity: args.min_similarity,
    };
    let quotes = progress::count(extraction.records.len(), "quotes");
    let stage = Stage::new(&format!("comparing {quotes}"), args.input.quiet);
    let comparison = compare::compare(&extraction, &options);
    let framing = match format {
        Format::Table => ClusterTerms::default(),
        Format::Csv | Format::Jsonl => ClusterTerms::new(framer.lexicon(), &terms, &comparison),
    };
    drop(stage);
    let width = super::width();
    args.output.write(|out| match format {
        Format::Table => output::clusters::write_table(&comparison, width, out),
        Format::Csv => output::compare::write_csv_as(&comparison, &framing, args.csv.cells(), out),
        Format::Jsonl => output::compare::write_jsonl(&comparison, &framing, out),
    })?;
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_format_follows_the_destination() {
        let file = |name: &'static str| Some(Path::new(name));
        assert_eq!(default_format(None, true), Format::Table);
        assert_eq!(default_format(None, false), Format::Csv);
        assert_eq!(default_format(file("out.csv"), true), Format::Csv);
        assert_eq!(default_format(file("out"), true), Format::Csv);
        assert_eq!(default_format(file("out.JSONL"), false), Format::Jsonl);
        assert_eq!(default_format(file("out.ndjson"), true), Format::Jsonl);
    }

    #[test]
    fn similarity_is_between_0_and_1() {
        assert_eq!(similarity("0.85"), Ok(0.85));
        assert_eq!(similarity("1"), Ok(1.0));
        assert!(similarity("1.5").is_err());
        assert!(similarity("-0.1").is_err());
        assert!(similarity("high").is_err());
    }
}
