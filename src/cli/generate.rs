//! `quotelens generate`: a seeded corpus of invented news, for benchmarks.

use std::path::PathBuf;

use anyhow::Context as _;
use quotelens::generate::{self, GeneratorConfig};

use super::{OutputArgs, Status};

/// Write a seeded corpus of invented news articles, for benchmarks.
///
/// Stories covered by three to eight outlets each, quoting the same statements with
/// their own typography, truncations, word substitutions and paraphrases; named
/// speakers with titles, surnames and acronyms, pronoun and "the statement said"
/// attributions, unnamed sources, and boilerplate. Every name is invented. The same
/// seed and count always give the same bytes, and a run with more articles starts
/// with the articles of a run with fewer. Use it to measure speed and memory, not
/// accuracy.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens generate --articles 100000 -o corpus.jsonl
  quotelens generate --articles 500 --seed 7 --dir articles/")]
pub struct Args {
    /// How many articles to write.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    articles: usize,

    /// The seed; the same seed and count give the same corpus byte for byte.
    #[arg(long, default_value_t = 1, value_name = "N")]
    seed: u64,

    /// Write a directory of `<id>.txt` files and a `sources.csv` instead of JSON Lines.
    ///
    /// The directory is created if missing; existing files of the same names are
    /// overwritten.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    dir: Option<PathBuf>,

    #[command(flatten)]
    output: OutputArgs,
}

/// Runs `generate`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let config = GeneratorConfig { articles: args.articles, seed: args.seed };
    match &args.dir {
        Some(dir) => generate::write_dir(config, dir)
            .with_context(|| format!("cannot write {}", dir.display()))?,
        None => args.output.write(|out| generate::write_jsonl(config, out))?,
    }
    Ok(Status::Success)
}
