//! quotelens finds quotes in news articles, attributes each to its speaker,
//! and compares how outlets report the same statement.
#![deny(missing_docs)]

pub mod article;
pub mod attribute;
pub mod corpus;
pub mod cue;
pub mod error;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod lookup;
pub mod mention;
pub mod output;
pub mod quote;
pub mod record;
pub mod roster;
pub mod span;
pub mod speaker;
pub mod text;

pub use article::Article;
pub use error::{Error, Result};
pub use record::{Mention, QuoteKind, QuoteRecord, Rule, SpeakerType};
pub use span::Span;
