//! `quotelens framing`: the words each outlet chooses, how it labels each
//! speaker, and what sets it apart.

use std::path::PathBuf;

use quotelens::compare::{CompareOptions, compare};
use quotelens::framing::{DiscoverySettings, Framer, Lexicon, substitutions};
use quotelens::output;
use quotelens::output::framing::Section;

use super::progress::{self, Stage};
use super::{InputArgs, OutputArgs, Status};

/// Show each outlet's framing: its terms, its labels for speakers, its distinctive phrases.
///
/// Reports, per article and outlet:
///
/// - articles: how much of each article was boilerplate (share buttons, comment forms,
///   markup, captions, bylines, links to other stories), left out of everything else;
/// - terms: the framing lexicon's terms (`militia` or `resistance groups`, `killed` or
///   `assassinated`, `so-called`), counted in the outlet's own words (narrator voice) and
///   in each speaker's quoted words (quoted voice) separately, with a rate per 1,000
///   narrator words. Terms that share a referent are alternatives;
/// - labels: for each quoted speaker, the descriptions and titles each article gives them
///   and the speech verbs it uses for them (said, stressed, claimed);
/// - discovered: the words and two- or three-word phrases most distinctive of each
///   outlet's narrator voice against the other outlets (weighted log-odds ratio with an
///   informative Dirichlet prior, with z-scores); stop words, names and numbers are left
///   out;
/// - substitutions: the words one outlet has where another has other words in the same
///   statement (temporary → provisional, a name against its acronym), per outlet pair, mined
///   from the quotes and paraphrases `quotelens compare` aligns: each wording against its
///   cluster's reference from another outlet.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  quotelens framing
  quotelens framing --section labels,discovered articles/
  quotelens framing --format csv --section terms -o terms.csv --lexicon my-terms.csv articles/")]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// A framing lexicon to use instead of the bundled one.
    ///
    /// CSV with the header term,variants,referent,category,note: one term per row,
    /// variants separated by `;`, terms with the same referent counted as
    /// alternatives; lines starting with `#` are comments. Case, apostrophes,
    /// hyphenation (anti-terror, anti terror, antiterror) and the plural of the last
    /// word are matched without listing them. A malformed row is reported and skipped
    /// (exit status 2). The bundled lexicon is corpus/framing.csv in the repository.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,

    /// The sections to show, separated by commas; all of them by default.
    ///
    /// CSV holds one section (its columns differ from the others'), `terms` by default.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTION")]
    section: Vec<SectionArg>,

    /// How many distinctive phrases to list per outlet.
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,

    /// The fewest times a phrase must occur in an outlet to be listed as distinctive.
    #[arg(long, default_value_t = 2, value_name = "N")]
    min_count: usize,

    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    #[command(flatten)]
    output: OutputArgs,
}

/// The formats of `framing`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One block per section, for reading.
    Table,
    /// CSV with a header and one flat row per item of one section.
    Csv,
    /// JSON Lines: one object per line, each with a `section` field.
    Jsonl,
}

/// The sections of a framing report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SectionArg {
    /// Per article: bytes, boilerplate left out, narrator and quoted words.
    Articles,
    /// Lexicon terms per article, voice and speaker.
    Terms,
    /// Descriptions and speech verbs per speaker and article.
    Labels,
    /// The phrases most distinctive of each outlet's narrator voice.
    Discovered,
    /// Words swapped between outlets in aligned quotes and paraphrases.
    Substitutions,
}

impl From<SectionArg> for Section {
    fn from(section: SectionArg) -> Section {
        match section {
            SectionArg::Articles => Section::Articles,
            SectionArg::Terms => Section::Terms,
            SectionArg::Labels => Section::Labels,
            SectionArg::Discovered => Section::Discovered,
            SectionArg::Substitutions => Section::Substitutions,
        }
    }
}

/// Runs `framing`.
pub fn run(args: Args) -> anyhow::Result<Status> {
    let mut sections: Vec<Section> = args.section.iter().map(|&s| s.into()).collect();
    if sections.is_empty() {
        sections = match args.format {
            Format::Csv => vec![Section::Terms],
            Format::Table | Format::Jsonl => Section::ALL.to_vec(),
        };
    }
    if args.format == Format::Csv && sections.len() > 1 {
        anyhow::bail!("--format csv writes one section: choose it with --section");
    }
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
    let settings =
        DiscoverySettings { top: args.top, min_count: args.min_count, ..Default::default() };
    let framer = builder.discovery(settings).build();
    let (articles, extraction, read) = args.input.read_and_extract();
    let stage = Stage::new(
        &format!("reading the framing of {}", progress::count(articles.len(), "articles")),
        args.input.quiet,
    );
    let mut report = framer.report(&articles, &extraction);
    if sections.contains(&Section::Substitutions) {
        let comparison = compare(&extraction, &CompareOptions::default());
        report.add_substitutions(substitutions::mine(&comparison));
    }
    drop(stage);
    let width = super::width();
    args.output.write(|out| match args.format {
        Format::Table => output::framing::write_table(&report, &sections, width, out),
        Format::Csv => output::framing::write_csv(&report, sections[0], out),
        Format::Jsonl => output::framing::write_jsonl(&report, &sections, out),
    })?;
    Ok(status.max(read))
}
