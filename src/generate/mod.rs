//! A seeded generator of realistic news articles, for benchmarks.
//!
//! [`Generator`] yields articles one at a time (so a gigabyte corpus
//! needs no more memory than one article): stories, each covered by three
//! to eight outlets, each outlet quoting some of the same statements with
//! its own typography, truncations, translation-like word substitutions
//! and paraphrases. Speakers are people with a title, a role and a
//! surname used after the first mention, and organisations with an
//! acronym; quotes are attributed by name before or after the quote, by
//! `said` + name, by a colon lead-in, by pronoun (`she added`), by
//! `according to`, by `the statement said` after a statement is
//! announced, and by an unnamed source; some stand alone after an
//! attributed paragraph. Narration paragraphs without quotes and
//! boilerplate (bylines, share buttons, captions in markup, copyright
//! lines, "Read more" links) sit between them.
//!
//! Every name is invented (built from syllables, see `names.rs`); no
//! person, place or outlet is real. The output is for measuring speed and
//! memory, never accuracy.
//!
//! # Repeatability
//!
//! The same [`GeneratorConfig`] always yields the same articles, byte for
//! byte, on every platform: randomness comes from the crate's own
//! SplitMix64 ([`Rng`]) seeded from `seed` and the story and outlet
//! numbers, and nothing depends on time, locale or hash order. Article
//! `n` of a run with more articles is the same as article `n` of a run
//! with fewer.
//!
//! # Example
//!
//! ```
//! use quotelens::generate::{Generator, GeneratorConfig};
//!
//! let config = GeneratorConfig { articles: 10, seed: 7 };
//! let articles: Vec<_> = Generator::new(config).collect();
//! assert_eq!(articles.len(), 10);
//! assert!(articles.iter().all(|a| a.text.contains('“') || a.text.contains('"') || a.text.contains('‘')));
//! let again: Vec<_> = Generator::new(config).collect();
//! assert_eq!(articles, again);
//! ```

mod names;
mod rng;
mod story;

use std::io;

pub use rng::Rng;
use story::{Speaker, Story, Style, paraphrase, render_statement};

use crate::Article;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneratorConfig {
    /// How many articles.
    pub articles: usize,
    /// The seed: the same seed gives the same corpus.
    pub seed: u64,
}

impl Default for GeneratorConfig {
    fn default() -> GeneratorConfig {
        GeneratorConfig { articles: 1000, seed: 1 }
    }
}

/// The articles of a [`GeneratorConfig`], in order: every outlet's
/// article on story 0, then story 1, and so on.
#[derive(Clone, Debug)]
pub struct Generator {
    config: GeneratorConfig,
    produced: usize,
    story_no: u64,
    story: Option<(Story, Vec<usize>)>,
}

impl Generator {
    /// A generator for `config`.
    pub fn new(config: GeneratorConfig) -> Generator {
        Generator { config, produced: 0, story_no: 0, story: None }
    }
}

impl Iterator for Generator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        if self.produced >= self.config.articles {
            return None;
        }
        if self.story.as_ref().is_none_or(|(_, outlets)| outlets.is_empty()) {
            let mut r = Rng::derive(self.config.seed, self.story_no);
            let story = Story::new(&mut r);
            // Three to eight distinct outlets cover it, in a fixed order.
            let mut outlets: Vec<usize> = Vec::new();
            let n = r.range(3, 8);
            while outlets.len() < n {
                let o = r.below(names::OUTLETS);
                if !outlets.contains(&o) {
                    outlets.push(o);
                }
            }
            outlets.reverse();
            self.story = Some((story, outlets));
            self.story_no += 1;
        }
        let (story, outlets) = self.story.as_mut().expect("a story was just made");
        let outlet = outlets.pop().expect("outlets left");
        let story_no = self.story_no - 1;
        let mut r = Rng::derive(self.config.seed ^ 0x5EED, story_no * 64 + outlet as u64);
        self.produced += 1;
        Some(write_article(&mut r, story, story_no, outlet))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.config.articles - self.produced;
        (left, Some(left))
    }
}

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const NARRATION: &[&str] = &[
    "The dispute over {topic} has divided {place} since the spring.",
    "Talks are expected to resume next week in the capital of {place}.",
    "Officials in {place} did not respond to a request for comment.",
    "Thousands gathered in the main square of {place} on {day} evening.",
    "Analysts say {topic} could decide the next election in {place}.",
    "The government of {place} has faced growing pressure over {topic} for months.",
    "Neighbouring states have urged restraint and called for a quick settlement.",
    "Prices of bread and fuel in {place} rose by 12 percent last month.",
];

const BOILERPLATE_TOP: &[&str] = &[
    "Share on Facebook Share on X Share via Email",
    "Updated {day} 10:42 GMT",
    "Listen to this article 4 min",
];

const BOILERPLATE_BOTTOM: &[&str] = &[
    "Read more: {place} braces for another week of protests",
    "© 2024 {outlet}. All rights reserved.",
    "Follow us on X and Facebook for the latest updates.",
    "[caption id=\"attachment_{n}\" align=\"alignnone\" width=\"800\"] Residents of {place} on {day}. [/caption]",
    "Related: What {topic} means for {place}",
    "Sign up for our newsletter",
];

fn fill(template: &str, story: &Story, outlet: &str, day: &str, n: u64) -> String {
    template
        .replace("{topic}", story.topic)
        .replace("{place}", &story.place)
        .replace("{outlet}", outlet)
        .replace("{day}", day)
        .replace("{n}", &n.to_string())
}

/// A statement with a comma in place of its final period, as quoted
/// before an attribution: “We will not retreat,” she said.
fn with_comma(s: &str) -> String {
    match s.strip_suffix('.') {
        Some(body) => format!("{body},"),
        None => s.to_string(),
    }
}

fn write_article(r: &mut Rng, story: &Story, story_no: u64, outlet_no: usize) -> Article {
    let style = Style::of_outlet(outlet_no);
    let outlet = names::outlet(outlet_no);
    let day = r.pick(DAYS);
    let (o, c) = (style.open, style.close);
    let q = |s: &str| format!("{o}{s}{c}");
    let mut paras: Vec<String> = Vec::new();
    if r.chance(0.5) {
        paras.push(fill(r.pick(BOILERPLATE_TOP), story, &outlet, day, story_no));
    }
    let lead = &story.speakers[0];
    let title = lead.title.map_or(String::new(), |t| format!("{t} "));
    let first = &lead.statements[0];
    let lead_para = format!(
        "{title}{}, {}, said on {day} that {}.",
        lead.name,
        lead.role,
        paraphrase(&first[0]),
    );
    paras.push(lead_para);
    paras.push(fill(r.pick(NARRATION), story, &outlet, day, story_no));
    for (k, sp) in story.speakers.iter().enumerate() {
        let quotes = r.range(2, sp.statements.len().min(4));
        let mut introduced = k == 0;
        for s in 0..quotes {
            let statement = &sp.statements[(s + outlet_no) % sp.statements.len()];
            let said = render_statement(r, style, statement);
            if r.chance(0.08) {
                // Paraphrase instead of a quote.
                paras.push(format!("{} said that {}.", sp.short, paraphrase(&statement[0])));
                continue;
            }
            paras.push(quote_paragraph(r, sp, &mut introduced, &said, &q, day, story, s == 1));
            if r.chance(0.15) {
                let more = render_statement(r, style, &sp.statements[0]);
                paras.push(q(&more));
            }
        }
        paras.push(fill(r.pick(NARRATION), story, &outlet, day, story_no));
    }
    if r.chance(0.3) {
        // An unnamed source.
        let org = &story.speakers.last().expect("every story has an organisation").name;
        paras.push(format!("A source close to the {org} told {outlet} that no deal was ready."));
        let s = render_statement(r, style, &story.speakers[0].statements[0]);
        paras.push(format!("{} the source said.", q(&with_comma(&s))));
    }
    for _ in 0..r.range(1, 3) {
        paras.push(fill(r.pick(BOILERPLATE_BOTTOM), story, &outlet, day, story_no));
    }
    let sep = if style.blank_lines { "\n\n" } else { "\n" };
    let headline = match r.below(3) {
        0 => format!("{} vows action on {}", lead.short, story.topic),
        1 => format!("{} under pressure over {}", story.place, story.topic),
        _ => {
            let words: Vec<&str> = first[0].split(' ').take(6).collect();
            format!("{}: {}", lead.role_noun, q(words.join(" ").trim_end_matches('.')))
        }
    };
    let slug: String = outlet.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-");
    Article {
        id: format!("gen-{story_no:07}-{outlet_no:02}"),
        outlet,
        date: format!("2024-{:02}-{:02}", story_no % 12 + 1, story_no % 28 + 1),
        url: format!("https://{slug}.example/news/{story_no}"),
        title: headline,
        text: paras.join(sep) + "\n",
    }
}

/// One paragraph quoting `said` from `sp`, in one of the attribution
/// patterns news uses; `partial` allows the speaker's fragment instead.
#[allow(clippy::too_many_arguments)]
fn quote_paragraph(
    r: &mut Rng,
    sp: &Speaker,
    introduced: &mut bool,
    said: &str,
    q: &dyn Fn(&str) -> String,
    day: &str,
    story: &Story,
    partial: bool,
) -> String {
    let person = sp.title.is_some();
    if !*introduced {
        *introduced = true;
        return if person {
            let title = sp.title.unwrap_or_default();
            match r.below(3) {
                0 => format!("{} said {title} {}, {}.", q(&with_comma(said)), sp.name, sp.role),
                1 => format!("{title} {} told reporters on {day}: {}", sp.name, q(said)),
                _ => format!("{}, {}, called {} {}.", sp.name, sp.role, story.topic, q(sp.partial)),
            }
        } else {
            let doc = format!(
                "The {} ({}) said in a statement on {day} that {}.",
                sp.name,
                sp.short,
                paraphrase(said.split(". ").next().unwrap_or(said))
            );
            format!("{doc}\n{} the statement said.", q(&with_comma(said)))
        };
    }
    match r.below(6) {
        0 => format!("{} {} said.", q(&with_comma(said)), sp.short),
        1 => format!("{} {} added.", q(&with_comma(said)), sp.pronoun),
        2 => format!("According to {}, {}", sp.short, q(said)),
        3 if person && partial => {
            format!("The {} described it as {}.", sp.role_noun, q(sp.partial))
        }
        3 => format!("{} {} said.", q(&with_comma(said)), sp.short),
        4 => format!("{} said: {}", sp.short, q(said)),
        _ => format!("{} said {}.", q(&with_comma(said)), sp.short),
    }
}

/// Writes the articles of `config` as JSON Lines (the
/// [input format](crate::corpus::read_inputs)): one article per line.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_jsonl(config: GeneratorConfig, mut out: impl io::Write) -> io::Result<()> {
    for article in Generator::new(config) {
        serde_json::to_writer(&mut out, &article)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Writes the articles of `config` into the directory `dir` (created if
/// missing) as `<id>.txt` files, one per article, with their metadata in
/// `sources.csv` (`id,outlet,date,url,title`), as
/// [`read_inputs`](crate::corpus::read_inputs) reads a directory.
///
/// # Errors
///
/// Any error creating the directory or writing a file.
pub fn write_dir(config: GeneratorConfig, dir: &std::path::Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let sources = io::BufWriter::new(std::fs::File::create(dir.join("sources.csv"))?);
    let mut sources = csv::Writer::from_writer(sources);
    sources.write_record(["id", "outlet", "date", "url", "title"])?;
    for a in Generator::new(config) {
        std::fs::write(dir.join(format!("{}.txt", a.id)), &a.text)?;
        sources.write_record([&a.id, &a.outlet, &a.date, &a.url, &a.title])?;
    }
    sources.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_run_starts_with_a_shorter_one() {
        let short: Vec<_> = Generator::new(GeneratorConfig { articles: 5, seed: 3 }).collect();
        let long: Vec<_> = Generator::new(GeneratorConfig { articles: 50, seed: 3 }).collect();
        assert_eq!(short[..], long[..5]);
        let other: Vec<_> = Generator::new(GeneratorConfig { articles: 5, seed: 4 }).collect();
        assert_ne!(short, other);
    }

    #[test]
    fn outlets_cover_the_same_story_and_quotes_are_found() {
        let articles: Vec<_> = Generator::new(GeneratorConfig { articles: 40, seed: 1 }).collect();
        let ids: std::collections::BTreeSet<_> = articles.iter().map(|a| &a.id).collect();
        assert_eq!(ids.len(), articles.len(), "ids are unique");
        let first_story: Vec<_> =
            articles.iter().filter(|a| a.id.starts_with("gen-0000000-")).collect();
        assert!(first_story.len() >= 3);
        let extraction = crate::extract::Extractor::new().extract(articles.clone());
        let per_article = extraction.records.len() as f64 / articles.len() as f64;
        assert!(per_article > 4.0, "{per_article} quotes per article");
        let attributed = extraction.records.iter().filter(|r| r.speaker.is_some()).count();
        assert!(attributed * 10 > extraction.records.len() * 7, "most quotes have a speaker");
    }

    #[test]
    fn jsonl_reads_back() {
        let config = GeneratorConfig { articles: 3, seed: 9 };
        let mut out = Vec::new();
        write_jsonl(config, &mut out).unwrap();
        let back: Vec<Article> = out
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(back, Generator::new(config).collect::<Vec<_>>());
    }
}
