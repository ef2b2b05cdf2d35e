//! The command line: [`Cli`], its subcommands (one module each, all shaped
//! alike: `Args` and `run`), the option groups they share, and dispatch.
//!
//! clap stays inside this module: commands turn their arguments into
//! library calls and choose where output goes; the library formats it.

mod compare;
mod eval;
mod framing;
mod quotes;
mod said;
mod speakers;
mod who;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use quotelens::extract::{Extraction, Extractor};
use quotelens::gazetteer::Gazetteer;
use quotelens::{Article, corpus, output};

/// The exit codes and defaults, shown at the end of `quotelens --help`.
const AFTER_HELP: &str = "\
Exit status:
  0  success (also when the reader of the output closes it early, as `| head` does)
  1  `who` or `said` found nothing, or no speaker goes by the name `compare --speaker` gave
  2  bad usage, or an input, the gold file, the gazetteer or the lexicon could not be read
     (wholly or in part); the other inputs are still processed and reported, and each
     problem is printed as `quotelens: <error>`

With no PATH, every command reads the articles bundled with quotelens. Tables are fitted
to $COLUMNS characters (100 when it is not set).";

/// Find quotes in news articles, attribute them to their speakers, and
/// compare how outlets report them.
///
/// Each command reads articles (plain text files, directories of them,
/// JSON Lines, or `-` for standard input; the bundled corpus when no PATH
/// is given), finds every quote and its speaker, and reports on them.
#[derive(Debug, Parser)]
#[command(name = "quotelens", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands. Each one's help is the doc comment of its `Args`.
#[derive(Debug, Subcommand)]
pub enum Command {
    Compare(compare::Args),
    Quotes(quotes::Args),
    Who(who::Args),
    Said(said::Args),
    Speakers(speakers::Args),
    Eval(eval::Args),
    Framing(framing::Args),
}

/// The articles to read, shared by every command.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Articles to read: files, directories, JSON Lines, or `-` for standard input.
    ///
    /// A directory is read recursively for `*.txt` files (one article each, with
    /// metadata from a `sources.csv` beside them) and `*.jsonl` files (one article
    /// per line: {"id", "outlet", "date", "url", "title", "text"}). Any other file
    /// is one article. An input that cannot be read is reported and skipped, and
    /// the exit status is then 2. With no PATH, the bundled corpus is read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A gazetteer of known speakers: CSV with columns canonical,aliases,type,role.
    ///
    /// `aliases` are separated by `;`; `type` is person, organisation or
    /// unnamed_source (empty means person). Names in the gazetteer are
    /// recognised wherever they appear (any case, whole words) and take the
    /// entry's canonical name, type and role; speakers not in it are still
    /// discovered from the text. A malformed row is reported and skipped.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
}

/// Where output goes, shared by every command.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Write the output to FILE instead of standard output.
    ///
    /// The file is created, or truncated if it exists.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How a command ended, short of an error that stopped it. Ordered by
/// severity: combining two keeps the worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Exit 0.
    Success,
    /// Exit 1: a lookup found nothing.
    NotFound,
    /// Exit 2: some input could not be read; the rest was processed.
    Failed,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Success => ExitCode::SUCCESS,
            Status::NotFound => ExitCode::from(1),
            Status::Failed => ExitCode::from(2),
        }
    }
}

/// Runs the command.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        Command::Compare(args) => compare::run(args),
        Command::Quotes(args) => quotes::run(args),
        Command::Who(args) => who::run(args),
        Command::Said(args) => said::run(args),
        Command::Speakers(args) => speakers::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Framing(args) => framing::run(args),
    }
}

/// Whether the error is a write into a closed pipe (`quotelens … | head`).
///
/// That is not a failure: the reader has all it wanted, so the command
/// ends quietly with status 0, as ripgrep and other filters do. Rust
/// ignores SIGPIPE, so the closed pipe shows up as this error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Prints a problem that does not stop the command.
fn warn(message: impl std::fmt::Display) {
    eprintln!("quotelens: {message}");
}

impl InputArgs {
    /// The articles: the bundled corpus when no path is given. Each input
    /// error is printed, and makes the status [`Status::Failed`].
    fn read(&self) -> (Vec<Article>, Status) {
        if self.paths.is_empty() {
            return (corpus::bundled(), Status::Success);
        }
        let mut status = Status::Success;
        let articles = corpus::read_inputs(&self.paths)
            .filter_map(|item| {
                item.inspect_err(|e| {
                    warn(e);
                    status = Status::Failed;
                })
                .ok()
            })
            .collect();
        (articles, status)
    }

    /// Reads the gazetteer (if any) and the articles, and extracts their
    /// quotes.
    fn extract(&self) -> (Extraction, Status) {
        let (extractor, status) = self.extractor();
        let (articles, read_status) = self.read();
        (extractor.extract(articles), status.max(read_status))
    }

    /// Like [`InputArgs::extract`], keeping the articles.
    fn read_and_extract(&self) -> (Vec<Article>, Extraction, Status) {
        let (extractor, status) = self.extractor();
        let (articles, read_status) = self.read();
        let extraction = extractor.extract(articles.iter().cloned());
        (articles, extraction, status.max(read_status))
    }

    /// The extractor, with the gazetteer (if any) read.
    fn extractor(&self) -> (Extractor, Status) {
        let mut builder = Extractor::builder();
        let mut status = Status::Success;
        if let Some(path) = &self.gazetteer {
            let (gazetteer, errors) = Gazetteer::from_path(path);
            for e in &errors {
                warn(e);
                status = Status::Failed;
            }
            builder.gazetteer(gazetteer);
        }
        (builder.build(), status)
    }
}

impl OutputArgs {
    /// Runs `write` on the destination (buffered), then flushes it.
    fn write(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
        match &self.output {
            Some(path) => {
                let file = File::create(path)
                    .with_context(|| format!("cannot create {}", path.display()))?;
                let mut out = BufWriter::new(file);
                write(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| format!("cannot write {}", path.display()))
            }
            None => {
                let mut out = BufWriter::new(io::stdout().lock());
                write(&mut out).and_then(|()| out.flush())?;
                Ok(())
            }
        }
    }
}

/// The width to fit tables to: `$COLUMNS` when it is a number, else
/// [`output::DEFAULT_WIDTH`].
fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w: &usize| w > 0)
        .unwrap_or(output::DEFAULT_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_command_and_argument_has_help() {
        let cli = Cli::command();
        for cmd in cli.get_subcommands() {
            assert!(cmd.get_about().is_some(), "{}", cmd.get_name());
            let example = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(example.contains("quotelens "), "{}: no example", cmd.get_name());
            for arg in cmd.get_arguments() {
                assert!(arg.get_help().is_some(), "{} {}", cmd.get_name(), arg.get_id());
                for value in arg.get_possible_values() {
                    assert!(value.get_help().is_some(), "{} {}", arg.get_id(), value.get_name());
                }
            }
        }
    }

    #[test]
    fn worse_status_wins() {
        assert_eq!(Status::NotFound.max(Status::Failed), Status::Failed);
        assert_eq!(Status::Success.max(Status::NotFound), Status::NotFound);
    }
}
