//! The command line: [`Cli`], its subcommands (one module each, all shaped
//! alike: `Args` and `run`), the option groups they share, and dispatch.
//!
//! clap stays inside this module: commands turn their arguments into
//! library calls and choose where output goes; the library formats it.

mod compare;
mod eval;
mod framing;
mod generate;
mod progress;
mod quotes;
mod said;
mod speakers;
mod who;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use progress::Progress;
use quotelens::extract::{ArticleQuotes, Extraction, Extractor};
use quotelens::gazetteer::Gazetteer;
use quotelens::stream;
use quotelens::{Article, corpus, output};

/// The exit codes and defaults, shown at the end of `quotelens --help`.
const AFTER_HELP: &str = "\
Exit status:
  0  success (also when the reader of the output closes it early, as `| head` does)
  1  `who` or `said` found nothing, or no speaker goes by the name `compare --speaker` gave
  2  bad usage, or something was skipped: an input or a JSON Lines record that could
     not be read or was not an article (missing, unreadable, binary, empty, larger than
     --max-article-size, malformed, a duplicate id), a bad row in sources.csv, the
     gazetteer, the lexicon or the gold file. The other inputs are still processed, and
     each problem is printed as `quotelens: <file>[:<line>]: <reason>`

Every command ends with a summary on standard error (unless --quiet): the articles
read, those skipped and why, and the quotes found. Warnings (invalid UTF-8 replaced
by `?`, a directory with no article file) do not change the exit status.

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
    Generate(generate::Args),
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

    /// Skip any article larger than SIZE bytes (default 64M).
    ///
    /// A plain number of bytes, or one with a K, M or G suffix (powers of 1024).
    /// It applies to each file, to standard input and to each JSON Lines line;
    /// no more than SIZE bytes of an article are read into memory. A skipped
    /// article is reported like any other (exit status 2).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_article_size: u64,

    /// Don't check article ids for duplicates.
    ///
    /// By default an article whose id was read before is reported and skipped, which
    /// keeps about 17 bytes for every article read. With this flag nothing is kept per
    /// article, so memory stays level on a stream of any length, and an article with
    /// a repeated id is read like any other.
    #[arg(long)]
    pub no_duplicate_check: bool,

    /// Print no progress and no summary on standard error.
    ///
    /// Without it, a command ends with a summary line, and long runs show progress
    /// (articles done, megabytes read, MB/s and, for files named on the command line,
    /// time left) while standard error is a terminal. Problems with the inputs are
    /// still printed, and still set the exit status.
    #[arg(short, long)]
    pub quiet: bool,

    /// Threads that extract and compare quotes (default: one per core).
    ///
    /// Output is the same for any number of threads: articles are read and
    /// results written in input order.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Parses a size: bytes, or a number with a K, M or G suffix (KiB, MiB,
/// GiB; a trailing `B` or `iB` is allowed).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t.strip_suffix("iB").or_else(|| t.strip_suffix('B')).unwrap_or(t);
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 10),
        Some((i, 'M' | 'm')) => (&t[..i], 20),
        Some((i, 'G' | 'g')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 =
        digits.trim().parse().map_err(|_| format!("not a size: {s:?} (try 1000000 or 64M)"))?;
    n.checked_mul(1 << shift).ok_or_else(|| format!("too large: {s:?}"))
}

/// What reading the inputs came to, for the summary printed at the end of
/// every command (see [`finish`]).
#[derive(Debug, Default)]
struct Tally {
    /// Articles read (and processed).
    articles: usize,
    /// Inputs or records skipped, by reason.
    skipped: BTreeMap<&'static str, usize>,
    /// Problems that skipped no article: bad metadata or gazetteer rows.
    problems: usize,
    /// Warnings (nothing skipped).
    warnings: usize,
    /// Quotes found.
    quotes: usize,
    /// `--quiet`.
    quiet: bool,
}

/// The tally of this run, set when the inputs are read and printed by
/// [`finish`] once the command's output is written. A global, so that
/// every command (each shaped `run(Args) -> Result<Status>`) gets the
/// summary without passing it around.
static TALLY: Mutex<Option<Tally>> = Mutex::new(None);

impl Tally {
    /// Counts a problem with the articles, and prints it.
    fn problem(&mut self, e: &quotelens::Error) {
        warn(e);
        match e.skip_label() {
            Some(label) => *self.skipped.entry(label).or_default() += 1,
            None => self.problems += 1,
        }
    }

    /// Counts an article that extraction failed on (a bug: see
    /// [`guarded`]), and prints why.
    fn failed(&mut self, id: &str, panic: &str) {
        warn(format_args!(
            "article `{id}`: skipped: quotelens failed on it ({panic}); this is a bug, \
             please report it with the article"
        ));
        *self.skipped.entry("internal error").or_default() += 1;
    }

    /// Counts a problem with another file (the gazetteer), and prints it.
    fn other_problem(&mut self, e: &quotelens::Error) {
        warn(e);
        self.problems += 1;
    }

    /// The summary line: `5 articles read, 2 skipped (1 binary, 1 empty);
    /// 1 other problem; 1 warning; 31 quotes found`, with thousands
    /// separators as on the progress line (`122,535 articles read`).
    fn summary(&self) -> String {
        let n = |n: usize| progress::thousands(n as u64);
        let plural = |k: usize, one: &str, many: &str| {
            format!("{} {}", n(k), if k == 1 { one } else { many })
        };
        let mut out = plural(self.articles, "article read", "articles read");
        let skipped: usize = self.skipped.values().sum();
        out.push_str(&format!(", {} skipped", n(skipped)));
        if skipped > 0 {
            let why: Vec<String> =
                self.skipped.iter().map(|(k, c)| format!("{} {k}", n(*c))).collect();
            out.push_str(&format!(" ({})", why.join(", ")));
        }
        if self.problems > 0 {
            out.push_str(&format!(
                "; {}",
                plural(self.problems, "other problem", "other problems")
            ));
        }
        if self.warnings > 0 {
            out.push_str(&format!("; {}", plural(self.warnings, "warning", "warnings")));
        }
        out.push_str(&format!("; {}", plural(self.quotes, "quote found", "quotes found")));
        out
    }
}

/// Prints the summary of the inputs read, unless `--quiet` was given: the
/// last thing a command does.
pub fn finish() {
    let tally = TALLY.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(tally) = tally.filter(|t| !t.quiet) {
        warn(tally.summary());
    }
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

/// How CSV is written, shared by the commands that write it.
#[derive(Debug, clap::Args)]
pub struct CsvArgs {
    /// Write CSV cells exactly as they are, for programs.
    ///
    /// By default a CSV cell that starts with =, +, -, @, a tab or a carriage return
    /// gets a ' in front, so that a spreadsheet shows it as text instead of running it
    /// as a formula. --raw turns that off: use it only when a program, not a person
    /// with a spreadsheet, reads the file. No effect on other formats.
    #[arg(long)]
    pub raw: bool,
}

impl CsvArgs {
    /// The library's setting for CSV cells.
    fn cells(&self) -> output::csv::Cells {
        if self.raw { output::csv::Cells::Raw } else { output::csv::Cells::Neutralised }
    }
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
        Command::Generate(args) => generate::run(args),
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

/// Runs `f`, the extraction of one article, and catches a panic in it: a
/// bug in the rules must cost one article, not the run, so the rest of the
/// batch still runs and the article is reported as skipped. The panic's
/// message comes back as the error (Rust's panic hook has already printed
/// it with its location, for a bug report). Extraction only reads the
/// article and the extractor, so nothing is left half-changed after a
/// panic.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
            (Some(s), _) => (*s).to_string(),
            (_, Some(s)) => s.clone(),
            _ => "a panic with no message".to_string(),
        }
    })
}

/// Prints a problem that does not stop the command.
fn warn(message: impl std::fmt::Display) {
    eprintln!("quotelens: {message}");
}

impl InputArgs {
    /// The articles, one at a time: the bundled corpus when no path is
    /// given. Errors come as `Err` items, for the caller to report; warnings
    /// are printed as they are read, and counted in `warnings`.
    fn articles<'a>(
        &self,
        warnings: &'a std::cell::Cell<usize>,
    ) -> Box<dyn Iterator<Item = quotelens::Result<Article>> + 'a> {
        if self.paths.is_empty() {
            return Box::new(corpus::bundled().into_iter().map(Ok));
        }
        let mut inputs = corpus::InputsBuilder::new()
            .max_article_size(self.max_article_size)
            .duplicate_check(!self.no_duplicate_check)
            .read(&self.paths);
        Box::new(std::iter::from_fn(move || {
            let item = inputs.next();
            for w in inputs.take_warnings() {
                warn(format_args!("warning: {w}"));
                warnings.set(warnings.get() + 1);
            }
            item
        }))
    }

    /// The size in bytes of the inputs, when every path is a file (for the
    /// progress line's time left).
    fn total_bytes(&self) -> Option<u64> {
        if self.paths.is_empty() {
            return None;
        }
        self.paths
            .iter()
            .map(|p| std::fs::metadata(p).ok().filter(|m| m.is_file()))
            .try_fold(0, |sum, m| m.map(|m| sum + m.len()))
    }

    /// How extraction runs in parallel.
    fn stream_options(&self) -> stream::Options {
        match self.threads {
            Some(threads) => stream::Options { threads, in_flight: 8 * threads.max(1) },
            None => stream::Options::default(),
        }
    }

    /// Reads the gazetteer (if any) and the articles, and extracts their
    /// quotes, with the speakers' canonical names chosen over the whole
    /// corpus. What was read is tallied for the summary that [`finish`]
    /// prints. The extraction is [lean](Extraction::lean): only the
    /// framing report reads the articles' casts and cue uses, and it
    /// extracts with [`InputArgs::read_and_extract`].
    fn extract(&self) -> (Extraction, Status) {
        self.extract_each(Extraction::lean(), |_, _| (), |_, ()| ())
    }

    /// Like [`InputArgs::extract`], keeping the articles, and their casts
    /// and cue uses in the extraction.
    fn read_and_extract(&self) -> (Vec<Article>, Extraction, Status) {
        let mut articles = Vec::new();
        let (extraction, status) = self.extract_each(
            Extraction::default(),
            |_, _| (),
            |article, ()| articles.push(article),
        );
        (articles, extraction, status)
    }

    /// [`InputArgs::extract`] into `extraction` (empty: a default or a
    /// [lean](Extraction::lean) one), running `also` on each article and
    /// its quotes on the thread that extracted them (so on all cores), and
    /// `keep` on the article and what `also` gave, in input order, once the
    /// article has joined the extraction.
    fn extract_each<X: Send>(
        &self,
        mut extraction: Extraction,
        also: impl Fn(&Article, &ArticleQuotes) -> X + Sync,
        mut keep: impl FnMut(Article, X),
    ) -> (Extraction, Status) {
        if let Some(threads) = self.threads {
            // The comparison's parallel parts (rayon) take the same number;
            // the pool can be set only once per process, which is all a
            // command needs.
            let _ = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build_global();
        }
        let mut tally = Tally { quiet: self.quiet, ..Tally::default() };
        let (extractor, status) = self.extractor(&mut tally);
        let read_status = self
            .for_each_with(
                &extractor,
                &mut tally,
                |a, f| also(a, f),
                |article, found, x| {
                    extraction.add(&article, found);
                    keep(article, x);
                    Ok::<(), std::convert::Infallible>(())
                },
            )
            .unwrap_or_else(|never| match never {});
        extraction.finish();
        tally.finish_reading(extraction.records.len());
        (extraction, status.max(read_status))
    }

    /// Runs `extractor` over every article on all cores, and calls `each`
    /// with each article and its quotes in input order. Each input error is
    /// printed and counted in `tally`, and makes the status
    /// [`Status::Failed`]. `also` runs on each article and its quotes on
    /// the thread that extracted them (it may take from the quotes what
    /// only it needs), and its result is passed to `each`.
    fn for_each_with<X: Send, E>(
        &self,
        extractor: &Extractor,
        tally: &mut Tally,
        also: impl Fn(&Article, &mut ArticleQuotes) -> X + Sync,
        mut each: impl FnMut(Article, ArticleQuotes, X) -> Result<(), E>,
    ) -> Result<Status, E> {
        let mut status = Status::Success;
        let mut progress = Progress::new(self.total_bytes(), self.quiet);
        let warnings = std::cell::Cell::new(0);
        stream::map_ordered(
            self.articles(&warnings),
            self.stream_options(),
            |item| {
                item.as_ref().ok().map(|article| {
                    guarded(|| {
                        let mut found = extractor.article(article);
                        let x = also(article, &mut found);
                        (found, x)
                    })
                })
            },
            |item, found| match (item, found) {
                (Ok(article), Some(Ok((found, x)))) => {
                    tally.articles += 1;
                    progress.article(article.text.len());
                    each(article, found, x)
                }
                (Ok(article), Some(Err(panic))) => {
                    tally.failed(&article.id, &panic);
                    progress.article(article.text.len());
                    status = Status::Failed;
                    Ok(())
                }
                (Err(e), _) => {
                    tally.problem(&e);
                    status = Status::Failed;
                    Ok(())
                }
                (Ok(_), None) => unreachable!("an article is always extracted"),
            },
        )?;
        progress.finish();
        tally.warnings += warnings.get();
        Ok(status)
    }

    /// The extractor, with the gazetteer (if any) read; its problems go
    /// into the tally.
    fn extractor(&self, tally: &mut Tally) -> (Extractor, Status) {
        let mut builder = Extractor::builder();
        let mut status = Status::Success;
        if let Some(path) = &self.gazetteer {
            let (gazetteer, errors) = Gazetteer::from_path(path);
            for e in &errors {
                tally.other_problem(e);
                status = Status::Failed;
            }
            builder.gazetteer(gazetteer);
        }
        (builder.build(), status)
    }
}

impl Tally {
    /// Counts the quotes found and stores the tally for [`finish`].
    fn finish_reading(mut self, quotes: usize) {
        self.quotes = quotes;
        *TALLY.lock().unwrap_or_else(|e| e.into_inner()) = Some(self);
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
    fn the_summary_separates_thousands() {
        let mut tally = Tally { articles: 122_535, quotes: 1_000_006, ..Tally::default() };
        assert_eq!(tally.summary(), "122,535 articles read, 0 skipped; 1,000,006 quotes found");
        tally.articles = 1;
        tally.skipped.insert("empty", 1_200);
        tally.warnings = 1;
        assert_eq!(
            tally.summary(),
            "1 article read, 1,200 skipped (1,200 empty); 1 warning; 1,000,006 quotes found"
        );
    }

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
                // Flags (--quiet, --raw) take no value to document.
                let values = if arg.get_action().takes_values() {
                    arg.get_possible_values()
                } else {
                    Vec::new()
                };
                for value in values {
                    assert!(value.get_help().is_some(), "{} {}", arg.get_id(), value.get_name());
                }
            }
        }
    }

    #[test]
    fn a_panic_in_extraction_costs_one_article() {
        assert_eq!(guarded(|| 7), Ok(7));
        let index = 4;
        let words = [1, 2, 3, 4];
        let err = guarded(|| words[index]).unwrap_err();
        assert!(err.contains("index out of bounds"), "{err}");
        assert_eq!(guarded(|| -> u8 { panic!("no {}", "rule") }), Err("no rule".to_string()));
        let mut tally = Tally::default();
        tally.failed("a1", "index out of bounds");
        assert_eq!(
            tally.summary(),
            "0 articles read, 1 skipped (1 internal error); 0 quotes found"
        );
    }

    #[test]
    fn worse_status_wins() {
        assert_eq!(Status::NotFound.max(Status::Failed), Status::Failed);
        assert_eq!(Status::Success.max(Status::NotFound), Status::NotFound);
    }
}
