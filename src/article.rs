//! One news article: its text and what is known of where it came from.

use serde::{Deserialize, Serialize};

/// A news article as read.
///
/// `text` holds the article exactly as read (after UTF-8 decoding), byte
/// for byte: a byte-order mark, CRLF line ends and non-breaking spaces are
/// kept, so every [`crate::Span`] reported for this article indexes these
/// bytes. Metadata fields are empty strings where the input does not tell
/// them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The article id: a file's name without `.txt`, or the `id` of a JSON
    /// Lines record. Unique within a run.
    pub id: String,
    /// The outlet that published it, or empty when unknown.
    #[serde(default)]
    pub outlet: String,
    /// Publication date as given (ideally `YYYY-MM-DD`), or empty.
    #[serde(default)]
    pub date: String,
    /// Address of the article, or empty.
    #[serde(default)]
    pub url: String,
    /// Headline, or empty.
    #[serde(default)]
    pub title: String,
    /// The full text.
    #[serde(default)]
    pub text: String,
}

impl Article {
    /// An article with an id and text and no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article { id: id.into(), text: text.into(), ..Article::default() }
    }

    /// The name to show for the outlet: the outlet when known, otherwise
    /// the article id, so that articles of unknown outlets stay apart.
    pub fn outlet_label(&self) -> &str {
        if self.outlet.trim().is_empty() { &self.id } else { &self.outlet }
    }
}
