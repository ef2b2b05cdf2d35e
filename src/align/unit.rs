//! Units: the pieces of text the aligner compares, and their words.
//!
//! A unit is a sentence segment of a top-level speech quote, or a
//! paraphrase. Its words are turned into **tokens** for matching:
//!
//! 1. [`text::words`] finds the words (so `U.S.`, `al-Fulani` and
//!    `government’s` are one word each);
//! 2. [`text::fold`] lower-cases them, makes apostrophes and dashes ASCII
//!    and drops the periods of abbreviations (`U.S.` → `us`);
//! 3. a possessive `'s` and other apostrophes are dropped (`O'Neill` →
//!    `oneill`), hyphenated words are split (`re-election` → `re`,
//!    `election`), and anything but letters and digits is removed
//!    (`1,200` → `1200`).
//!
//! So curly or straight marks, `US` or `U.S.`, an Oxford comma and a final
//! period inside or outside the marks make no difference to matching.
//! Tokens that are [stop words](is_stop_word) or single letters are kept
//! (their positions matter for substitutions) but are not **content
//! tokens**: only content tokens are weighted and aligned.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::extract::Extraction;
use crate::lexicon::WordSet;
use crate::speaker::SpeakerId;
use crate::{QuoteRecord, Span, text};

/// Whether a unit is quoted speech or narration reporting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The speaker's words between quotation marks.
    Quote,
    /// The narrator's report of what the speaker said.
    Paraphrase,
}

impl Relation {
    /// The name used in output: `quote` or `paraphrase`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Quote => "quote",
            Relation::Paraphrase => "paraphrase",
        }
    }
}

/// Where a unit came from in the [`Extraction`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// A segment of `records[i]`.
    Record(usize),
    /// `paraphrases[i]`.
    Paraphrase(usize),
}

/// One matchable token of a unit: 16 bytes (issue #5: a million quotes
/// make tens of millions of tokens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded form, interned in the [`Vocabulary`].
    pub id: u32,
    /// The word it comes from, as half-open byte offsets into the unit's
    /// `text` (see [`Unit::token_span`] for offsets into the article).
    pub start: u32,
    /// One past the word's last byte, into the unit's `text`.
    pub end: u32,
    /// Whether an ellipsis (`…` or `...`) stands between this token and
    /// the one before: a passage may have been left out there.
    pub elided: bool,
}

/// A sentence segment of a quote, or a paraphrase: what the aligner
/// clusters. It borrows its text, article id and outlet from the
/// [`Extraction`] it comes from; a token's position (among all the
/// unit's tokens, stop words included) is its index in `tokens`.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit<'a> {
    /// Article id.
    pub source: &'a str,
    /// Outlet name, or the article id when unknown.
    pub outlet: &'a str,
    /// Half-open byte offsets of the unit into its article.
    pub span: Span,
    /// The article's bytes at `span`.
    pub text: &'a str,
    /// Quote or paraphrase.
    pub relation: Relation,
    /// The speaker the outlet gave, if any.
    pub speaker: Option<SpeakerId>,
    /// The record or paraphrase it comes from.
    pub origin: Origin,
    /// Every token, in order.
    pub tokens: Box<[Token]>,
    /// Indices into `tokens` of the content tokens, in order.
    pub content: Box<[u32]>,
}

impl<'a> Unit<'a> {
    /// The content tokens, in order.
    pub fn content_tokens(&self) -> impl Iterator<Item = &Token> + '_ {
        self.content.iter().map(|&i| &self.tokens[i as usize])
    }

    /// The `k`-th content token.
    pub fn content_token(&self, k: usize) -> &Token {
        &self.tokens[self.content[k] as usize]
    }

    /// The word of `token` (one of this unit's), as half-open byte
    /// offsets into the article.
    pub fn token_span(&self, token: &Token) -> Span {
        let start = self.span.start;
        Span::new(start + token.start as usize, start + token.end as usize)
    }

    /// The part of this unit in `span` (article offsets, inside
    /// `self.span`): its text and the tokens of the words in it.
    pub fn piece(&self, span: Span) -> Unit<'a> {
        let start = span.start - self.span.start;
        let mut tokens = Vec::new();
        let mut content = Vec::new();
        for (i, t) in self.tokens.iter().enumerate() {
            if span.contains(self.token_span(t)) {
                if self.content.contains(&(i as u32)) {
                    content.push(tokens.len() as u32);
                }
                let shift = |x: u32| x - start as u32;
                tokens.push(Token { start: shift(t.start), end: shift(t.end), ..*t });
            }
        }
        Unit {
            span,
            text: &self.text[start..start + span.len()],
            tokens: tokens.into(),
            content: content.into(),
            ..*self
        }
    }
}

/// Folded token forms with their document frequencies and weights.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    forms: Vec<String>,
    /// For a form of six bytes or more, its first letter (see
    /// [`Vocabulary::initial`]).
    initials: Vec<Option<char>>,
    df: Vec<u32>,
    weights: Vec<f64>,
}

/// Units in a corpus too small to say what is rare are compared as if
/// this many more units used none of their words (see [`Vocabulary::weight`]).
const PRIOR_UNITS: f64 = 20.0;

impl Vocabulary {
    fn intern(&mut self, form: &str) -> u32 {
        match self.ids.get(form) {
            Some(&id) => id,
            None => self.intern_owned(form.to_string()),
        }
    }

    /// [`Vocabulary::intern`] for a form the caller owns.
    fn intern_owned(&mut self, form: String) -> u32 {
        if let Some(&id) = self.ids.get(&form) {
            return id;
        }
        let id = self.forms.len() as u32;
        self.ids.insert(form.clone(), id);
        self.initials.push(if form.len() >= 6 { form.chars().next() } else { None });
        self.forms.push(form);
        self.df.push(0);
        id
    }

    /// The folded form of token `id`.
    pub fn form(&self, id: u32) -> &str {
        &self.forms[id as usize]
    }

    /// The first letter of the form of token `id` when the form is six
    /// bytes or more: a word long enough to have spelling variants, which
    /// must share it ([`similarity`](mod@super::similarity)).
    pub fn initial(&self, id: u32) -> Option<char> {
        self.initials[id as usize]
    }

    /// In how many units token `id` occurs as a content token.
    pub fn df(&self, id: u32) -> u32 {
        self.df[id as usize]
    }

    /// The rarity weight of token `id`: `ln((n + 20 + 1) / (df + 0.5))`
    /// for `n` units, an inverse document frequency with a prior of 20
    /// units that lack the word, so that on a handful of quotes a word two
    /// of them share still counts for nearly as much as one only one has.
    pub fn weight(&self, id: u32) -> f64 {
        self.weights[id as usize]
    }

    fn finish(&mut self, units: usize) {
        let n = units as f64 + PRIOR_UNITS + 1.0;
        self.weights = self.df.iter().map(|&df| (n / (f64::from(df) + 0.5)).ln()).collect();
    }
}

/// Words that carry no statement on their own: articles, pronouns,
/// prepositions, conjunctions, auxiliaries and the commonest adverbs,
/// folded. Name particles (`al`) and word pieces (`re`) too.
static STOP_WORDS: WordSet = WordSet::new(
    "a an the this that these those it its it's he him his she her hers they them their theirs
     we our ours i me my you your yours who whom whose which what where when why how there here
     in on at by for with from to of about against after before under over between among into
     through during without within toward towards via per than upon onto off out up down
     and or but nor so yet if then else as because while although though since until unless
     whether either neither both each every any some all no not nor only also just very too
     even still again ever never already more most much many such other another same one
     is am are was were be been being has have had having do does did doing done will would
     shall should can could may might must s t ll ve d re al el ad ar",
);

/// Whether the folded token `form` is a stop word.
pub fn is_stop_word(form: &str) -> bool {
    STOP_WORDS.contains(form)
}

/// The tokens of the words in `span` of `text`, interned in `vocab`,
/// and the indices of the content tokens among them; counts each
/// distinct content token once in the document frequencies. Token
/// offsets are into `text[span]`.
fn tokenize(text: &str, span: Span, vocab: &mut Vocabulary) -> (Box<[Token]>, Box<[u32]>) {
    let (tokens, content) = scan(text, span, |form| vocab.intern(form));
    for (n, &k) in content.iter().enumerate() {
        let id = tokens[k as usize].id;
        if !content[..n].iter().any(|&j| tokens[j as usize].id == id) {
            vocab.df[id as usize] += 1;
        }
    }
    (tokens, content)
}

/// The tokens and content-token indices of `unit` again, as
/// [`units`] made them, for a unit whose tokens were given back (see
/// [`Aligner::align`](super::Aligner::align)'s callers in the crate).
/// Every word is in `vocab` already.
pub(crate) fn retokenize(
    unit: &Unit,
    extraction: &Extraction,
    vocab: &Vocabulary,
) -> (Box<[Token]>, Box<[u32]>) {
    let (text, start) = match unit.origin {
        Origin::Record(i) => (extraction.records[i].text.as_str(), extraction.records[i].start),
        Origin::Paraphrase(i) => {
            (extraction.paraphrases[i].text.as_str(), extraction.paraphrases[i].start)
        }
    };
    let span = Span::new(unit.span.start - start, unit.span.end - start);
    scan(text, span, |form| vocab.ids[form])
}

/// Tokenizes `text[span]`, with `id` giving each form's id.
fn scan(text: &str, span: Span, mut id: impl FnMut(&str) -> u32) -> (Box<[Token]>, Box<[u32]>) {
    let mut out: Vec<Token> = Vec::new();
    let mut content: Vec<u32> = Vec::new();
    let mut previous_end = span.start;
    // Offsets within a unit (a sentence or paraphrase of one article)
    // are stored as u32: units are far shorter than 4 GiB.
    let at = |x: usize| (x - span.start) as u32;
    for word in text::words(text, span) {
        let gap = &text[previous_end..word.span.start];
        let mut elided = previous_end > span.start && (gap.contains('…') || gap.contains("..."));
        previous_end = word.span.end;
        let folded = text::fold(word.as_str(text));
        let folded = folded.strip_suffix("'s").unwrap_or(&folded).replace('\'', "");
        let (start, end) = (at(word.span.start), at(word.span.end));
        for part in folded.split('-') {
            let form: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            if !form.is_empty() {
                let id = id(&form);
                if is_content(&form) {
                    content.push(out.len() as u32);
                }
                out.push(Token { id, start, end, elided });
                elided = false;
            }
        }
    }
    // Units live as long as the alignment: no slack left over from
    // growing (issue #5).
    (out.into(), content.into())
}

fn is_content(form: &str) -> bool {
    !is_stop_word(form) && (form.chars().count() > 1 || form.chars().all(|c| c.is_ascii_digit()))
}

/// The units of an extraction, with the vocabulary their tokens use:
/// each top-level speech quote's sentences, in record order, then the
/// paraphrases. The units borrow their text from `extraction`.
///
/// Tokenized on every core (rayon): the records and paraphrases are cut
/// into runs, each run tokenized with a vocabulary of its own, and the
/// runs' vocabularies merged in order, so that every form gets the id of
/// its first occurrence in the whole extraction, as a single pass would
/// give it (issue #5).
pub fn units(extraction: &Extraction) -> (Vec<Unit<'_>>, Vocabulary) {
    units_in_runs(extraction, UNITS_PER_RUN)
}

/// [`units`], tokenizing `per_run` records and paraphrases per task.
fn units_in_runs(extraction: &Extraction, per_run: usize) -> (Vec<Unit<'_>>, Vocabulary) {
    let records = extraction.records.len();
    let items = records + extraction.paraphrases.len();
    let per_run = per_run.max(1);
    let runs: Vec<(Vec<Unit>, Vocabulary)> = (0..items.div_ceil(per_run))
        .into_par_iter()
        .map(|k| {
            let mut vocab = Vocabulary::default();
            let mut out = Vec::new();
            for item in k * per_run..items.min(k.saturating_mul(per_run).saturating_add(per_run)) {
                match item.checked_sub(records) {
                    None => record_units(extraction, item, &mut vocab, &mut out),
                    Some(p) => out.push(paraphrase_unit(extraction, p, &mut vocab)),
                }
            }
            (out, vocab)
        })
        .collect();
    let mut vocab = Vocabulary::default();
    let mut out = Vec::with_capacity(runs.iter().map(|(units, _)| units.len()).sum());
    for (mut units, local) in runs {
        let ids: Vec<u32> = local
            .forms
            .into_iter()
            .zip(local.df)
            .map(|(form, df)| {
                let id = vocab.intern_owned(form);
                vocab.df[id as usize] += df;
                id
            })
            .collect();
        for unit in &mut units {
            for token in unit.tokens.iter_mut() {
                token.id = ids[token.id as usize];
            }
        }
        out.append(&mut units);
    }
    vocab.finish(out.len());
    (out, vocab)
}

/// Records and paraphrases tokenized together by one task of [`units`]:
/// enough to outweigh the cost of a task and of merging its vocabulary.
const UNITS_PER_RUN: usize = 4096;

/// Pushes the units of record `i` (one per sentence), if it is a
/// top-level speech quote.
fn record_units<'a>(
    extraction: &'a Extraction,
    i: usize,
    vocab: &mut Vocabulary,
    out: &mut Vec<Unit<'a>>,
) {
    let r = &extraction.records[i];
    if r.depth != 0 || !r.kind.is_speech() {
        return;
    }
    let opaque = nested_quotes(r, &extraction.records[i + 1..]);
    let whole = Span::new(0, r.text.len());
    let paragraphs: Vec<Span> =
        text::paragraphs(&r.text).into_iter().filter(|p| !p.is_empty()).collect();
    let paragraphs = if paragraphs.is_empty() { vec![whole] } else { paragraphs };
    for para in paragraphs {
        for s in text::sentences(&r.text, para, &opaque) {
            let (tokens, content) = tokenize(&r.text, s, vocab);
            out.push(Unit {
                source: &r.source,
                outlet: &r.outlet,
                span: Span::new(r.start + s.start, r.start + s.end),
                text: &r.text[s.range()],
                relation: Relation::Quote,
                speaker: extraction.speaker_ids.get(i).copied().flatten(),
                origin: Origin::Record(i),
                tokens,
                content,
            });
        }
    }
}

/// The unit of paraphrase `i`.
fn paraphrase_unit<'a>(extraction: &'a Extraction, i: usize, vocab: &mut Vocabulary) -> Unit<'a> {
    let p = &extraction.paraphrases[i];
    let (tokens, content) = tokenize(&p.text, Span::new(0, p.text.len()), vocab);
    Unit {
        source: &p.source,
        outlet: &p.outlet,
        span: Span::new(p.start, p.end),
        text: &p.text,
        relation: Relation::Paraphrase,
        speaker: extraction.paraphrase_speaker_ids.get(i).copied(),
        origin: Origin::Paraphrase(i),
        tokens,
        content,
    }
}

/// The quotes nested in `r`, with their marks, as spans into `r.text`,
/// so that sentence splitting does not cut inside them. `after` are the
/// records after `r`: records come in article order, then text order, so
/// the quotes inside `r` follow it.
fn nested_quotes(r: &QuoteRecord, after: &[QuoteRecord]) -> Vec<Span> {
    let is_mark = |c: char| "“”‘’\"'«»„‚‹›".contains(c);
    after
        .iter()
        .take_while(|q| q.source == r.source && q.start < r.end)
        .filter(|q| q.depth > r.depth && r.span().contains(q.span()))
        .map(|q| {
            let (mut start, mut end) = (q.start - r.start, q.end - r.start);
            if let Some(c) = r.text[..start].chars().next_back().filter(|&c| is_mark(c)) {
                start -= c.len_utf8();
            }
            if let Some(c) = r.text[end..].chars().next().filter(|&c| is_mark(c)) {
                end += c.len_utf8();
            }
            Span::new(start, end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;
    use crate::extract::Extractor;

    /// Tokenizing in runs gives every form the id and frequency a single
    /// pass gives it, and every unit the same tokens.
    #[test]
    fn runs_merge_into_the_vocabulary_of_one_pass() {
        let extraction = Extractor::new().extract(vec![
            Article::new("a", "“The lull is a truce. We will rebuild the farms,” Omar Fulani said."),
            Article::new(
                "b",
                "Fulani said that the lull was a provisional truce. He said that farms would be rebuilt.",
            ),
            Article::new("c", "“Farms burned. The truce held,” a spokesman said, adding that talks would go on."),
        ]);
        let shape = |(units, vocab): (Vec<Unit>, Vocabulary)| {
            let units: Vec<_> = units
                .iter()
                .map(|u| {
                    let tokens: Vec<_> =
                        u.tokens.iter().map(|t| (t.id, t.start, t.end, t.elided)).collect();
                    (u.span, u.origin, tokens, u.content.to_vec())
                })
                .collect();
            (units, vocab.forms, vocab.df, vocab.weights)
        };
        let whole = shape(units_in_runs(&extraction, usize::MAX));
        assert!(whole.0.len() >= 5 && !extraction.paraphrases.is_empty(), "{:?}", whole.0);
        for per_run in [1, 2, 3] {
            assert_eq!(shape(units_in_runs(&extraction, per_run)), whole, "{per_run} per run");
        }
    }

    fn forms(text: &str) -> Vec<String> {
        let mut vocab = Vocabulary::default();
        let (tokens, _) = tokenize(text, Span::new(0, text.len()), &mut vocab);
        tokens.iter().map(|t| vocab.form(t.id).to_string()).collect()
    }

    #[test]
    fn tokens_ignore_typography_and_abbreviation_dots() {
        let cases: &[(&str, &str)] = &[
            ("the U.S. envoy’s “plan.”", "the us envoy plan"),
            ("the US envoy's \"plan\".", "the us envoy plan"),
            ("a re-election, of 1,200 men", "a re election of 1200 men"),
            ("O'Neill and O’Neill", "oneill and oneill"),
            ("red, white, and blue", "red white and blue"),
        ];
        for (text, want) in cases {
            assert_eq!(forms(text).join(" "), *want, "{text}");
        }
    }

    #[test]
    fn content_tokens_skip_stop_words_and_letters() {
        assert!(is_content("truce") && is_content("7") && is_content("us"));
        assert!(!is_content("the") && !is_content("x") && !is_content("re"));
    }

    #[test]
    fn tokenizing_again_gives_the_same_tokens() {
        let extraction = crate::extract::Extractor::new().extract(crate::corpus::bundled());
        let (units, vocab) = units(&extraction);
        assert!(units.len() > 20);
        for unit in &units {
            let (tokens, content) = retokenize(unit, &extraction, &vocab);
            assert_eq!((&tokens, &content), (&unit.tokens, &unit.content), "{}", unit.text);
        }
    }

    #[test]
    fn a_piece_keeps_its_words() {
        let mut vocab = Vocabulary::default();
        let text = "Odd plums fell, and the gale came.";
        let (tokens, content) = tokenize(text, Span::new(0, text.len()), &mut vocab);
        let unit = Unit {
            source: "s",
            outlet: "o",
            span: Span::new(100, 100 + text.len()),
            text,
            relation: Relation::Quote,
            speaker: None,
            origin: Origin::Record(0),
            tokens,
            content,
        };
        let piece = unit.piece(Span::new(116, 100 + text.len()));
        assert_eq!(piece.text, "and the gale came.");
        let words: Vec<&str> = piece.content_tokens().map(|t| vocab.form(t.id)).collect();
        assert_eq!(words, ["gale", "came"]);
    }
}
