//! quotelens finds the quotes in news articles, attributes each to its
//! speaker, and shows how outlets report the same statement.
//!
//! The pipeline reads like the module list: **load** articles
//! ([`corpus`]), leave out **boilerplate** ([`boilerplate`]), **find**
//! quoted spans ([`quote`]), **attribute** them to speakers
//! ([`attribute`], with [`mention`], [`cue`] and [`speaker`]), **align**
//! the quotes that render one statement across outlets ([`align`]),
//! **diff** their wordings ([`wording`]), **frame** each outlet's choice
//! of words ([`framing`]) and **report** ([`record`], [`compare`],
//! [`eval`], [`output`]). [`extract`] runs the first stages in order,
//! [`compare`] the alignment and diff.
//!
//! # Vocabulary
//!
//! - An **article** ([`Article`]) is one text with an id and, where known,
//!   its outlet, date, address and title.
//! - A **quote** is a span between quotation marks. Its **kind**
//!   ([`QuoteKind`]) is *full* (a sentence or more), *partial* (a fragment
//!   in the narrator's sentence) or *nonspeech* (a nickname, markup, a
//!   title in scare quotes).
//! - A **span** ([`Span`]) is a half-open range of byte offsets into the
//!   article as read.
//! - A **mention** is how the narration refers to a speaker: a name, a
//!   pronoun, a description ("the PM"), a document ("the statement") or an
//!   unnamed source.
//! - A **cue** is the speech verb or phrase that ties a mention to a quote
//!   ("said", "stressing", "according to").
//! - A **speaker** ([`speaker::Speaker`]) is a person, organisation or
//!   unnamed source, with a canonical name and the aliases merged across
//!   articles.
//! - A **record** ([`QuoteRecord`]) is one quote with its speaker, the
//!   rule that decided ([`Rule`]) and a confidence from 0 to 1.
//! - A **cluster** ([`compare::Cluster`]) is the quotes (and paraphrases)
//!   that render one statement, across outlets and within an article; its
//!   **reference** is the most complete wording, which every other member
//!   is compared with.
//! - **Boilerplate** ([`boilerplate::Boilerplate`]) is page text that is
//!   not the article: share buttons, comment forms, markup, captions,
//!   bylines, links to other stories.
//!
//! # Overview
//!
//! - [`extract::Extractor`] runs the pipeline over articles and returns an
//!   [`extract::Extraction`]: records plus the [`speaker::Speakers`]
//!   registry.
//! - [`corpus::read_inputs`] streams articles from directories, files,
//!   JSON Lines and standard input; [`corpus::bundled`] returns the seed
//!   corpus compiled into the crate.
//! - [`quote::find_quotes`] finds quoted spans on their own.
//! - [`eval::evaluate`] scores records against hand annotations.
//! - [`compare::compare`] clusters the statements of an extraction, with
//!   each outlet's wording differences ([`wording::Difference`]) and
//!   attribution conflicts.
//! - [`framing::Framer`] reports each outlet's framing: lexicon terms by
//!   voice, speaker labels and distinctive phrases.
//! - [`stream::map_ordered`] extracts a corpus of any size on every core,
//!   article by article and in input order, and [`stream::StreamingNames`]
//!   names the speakers as the articles go by (see [`stream`] for how that
//!   differs from [`extract::Extractor::extract`]).
//! - [`generate::Generator`] writes a seeded corpus of invented news, for
//!   benchmarks.
//!
//! # Example: who said what
//!
//! ```
//! use quotelens::{Article, QuoteKind, extract::Extractor};
//!
//! let text = "Omar Fulani, head of the Northland Movement, spoke on Sunday.\n\
//!             “The calm is a temporary pause,” Fulani said.\n\
//!             He called it “the end of the road”.";
//! let extraction = Extractor::new().extract(vec![Article::new("a1", text)]);
//! for r in &extraction.records {
//!     assert_eq!(r.speaker.as_deref(), Some("Omar Fulani"));
//!     assert_eq!(&text[r.start..r.end], r.text);
//! }
//! assert_eq!(extraction.records[1].kind, QuoteKind::Partial);
//! ```
//!
//! # Example: the bundled corpus
//!
//! ```
//! use quotelens::{corpus, extract::Extractor};
//!
//! let extraction = Extractor::new().extract(corpus::bundled());
//! assert!(extraction.records.len() > 20);
//! // Every quote's offsets index its article's text.
//! let articles = corpus::bundled();
//! for r in &extraction.records {
//!     let article = articles.iter().find(|a| *a.id == *r.source).unwrap();
//!     assert_eq!(&article.text[r.start..r.end], r.text);
//! }
//! ```
#![deny(missing_docs)]

pub mod align;
pub mod article;
pub mod attribute;
pub mod boilerplate;
pub mod compare;
pub mod corpus;
mod csv_row;
pub mod cue;
pub mod error;
pub mod eval;
pub mod extract;
pub mod framing;
pub mod gazetteer;
pub mod generate;
pub mod lexicon;
pub mod lookup;
pub mod mention;
pub mod output;
pub mod phrases;
pub mod quote;
pub mod record;
pub mod roster;
pub mod span;
pub mod speaker;
pub mod stream;
pub mod text;
pub mod wording;

/// The README's examples compile and pass as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use article::Article;
pub use error::{Error, Result, Skip};
pub use record::{Mention, QuoteKind, QuoteRecord, Rule, SpeakerType};
pub use span::Span;
