//! Voice: whose words each stretch of an article is.
//!
//! Words inside a speech quote (a top-level [full or
//! partial](crate::QuoteKind) quote, with everything nested in it) are the
//! **quoted** voice of the quote's speaker: "aggression" inside a
//! leader's quote is his framing. Everything else that is not
//! [boilerplate](crate::boilerplate) is the **narrator** voice of the
//! outlet: its own sentences, the headline, reported speech told in its
//! words, and text in quotes that are not speech (a name or a title in
//! scare quotes is the outlet's choice). Boilerplate is nobody's voice.

use std::sync::Arc;

use serde::Serialize;

use crate::boilerplate::Boilerplate;
use crate::{QuoteRecord, Span, text};

/// Whose words a term is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The outlet's own words.
    Narrator,
    /// A speaker's words, quoted.
    Quoted,
}

impl Voice {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Narrator => "narrator",
            Voice::Quoted => "quoted",
        }
    }
}

/// One article divided by voice.
#[derive(Clone, Debug)]
pub struct ArticleVoices {
    /// Speech quotes: the quoted text's span and its speaker, if any.
    quotes: Vec<(Span, Option<Arc<str>>)>,
    /// Boilerplate, nobody's voice.
    excluded: Vec<Span>,
    /// Words in the narrator voice.
    pub narrator_words: usize,
    /// Words in quotes that are speech.
    pub quoted_words: usize,
}

impl ArticleVoices {
    /// Divides `text` by voice, given the article's quote records (only
    /// its top-level speech quotes matter) and its boilerplate.
    pub fn new(text: &str, records: &[&QuoteRecord], boilerplate: &[Boilerplate]) -> ArticleVoices {
        let quotes: Vec<(Span, Option<Arc<str>>)> = records
            .iter()
            .filter(|r| r.depth == 0 && r.kind.is_speech())
            .map(|r| (r.span(), r.speaker.clone()))
            .collect();
        let excluded: Vec<Span> = boilerplate.iter().map(|b| b.span).collect();
        let mut voices = ArticleVoices { quotes, excluded, narrator_words: 0, quoted_words: 0 };
        for w in text::words(text, Span::new(0, text.len())) {
            match voices.voice_of(w.span) {
                Some((Voice::Narrator, _)) => voices.narrator_words += 1,
                Some((Voice::Quoted, _)) => voices.quoted_words += 1,
                None => {}
            }
        }
        voices
    }

    /// Whose words `span` is: the narrator's, or a quote's (with its
    /// speaker, `None` when unattributed). `None` for boilerplate and for
    /// a span that straddles a quote's edge.
    pub fn voice_of(&self, span: Span) -> Option<(Voice, Option<&str>)> {
        if self.excluded.iter().any(|b| b.overlaps(span)) {
            return None;
        }
        for (q, speaker) in &self.quotes {
            if q.contains(span) {
                return Some((Voice::Quoted, speaker.as_deref()));
            }
            if q.overlaps(span) {
                return None;
            }
        }
        Some((Voice::Narrator, None))
    }

    /// The stretches of `text` in the narrator voice, in order: the text
    /// without speech quotes and boilerplate.
    pub fn narrator_spans(&self, text: &str) -> Vec<Span> {
        let mut cuts: Vec<Span> =
            self.quotes.iter().map(|(q, _)| *q).chain(self.excluded.iter().copied()).collect();
        cuts.sort();
        let mut out = Vec::new();
        let mut at = 0;
        for cut in cuts {
            if cut.start > at {
                out.push(Span::new(at, cut.start));
            }
            at = at.max(cut.end);
        }
        if at < text.len() {
            out.push(Span::new(at, text.len()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;
    use crate::extract::Extractor;

    #[test]
    fn terms_inside_quotes_belong_to_the_speaker() {
        let text = "Omar Fulani, head of the Northland Movement, spoke on Sunday.\n\
                    “The occupier will regret its aggression,” Fulani said.\n\
                    The so-called “peace plan” was rejected, he said, calling it “a trap”.\n\
                    “Nobody knows.”\n\
                    Share on Facebook";
        let ex = Extractor::new().extract(vec![Article::new("a", text)]);
        let records: Vec<&QuoteRecord> = ex.records.iter().collect();
        let voices = ArticleVoices::new(text, &records, &ex.articles[0].boilerplate);
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            voices.voice_of(Span::new(start, start + word.len()))
        };
        let cases = [
            ("Northland", Some((Voice::Narrator, None))),
            ("occupier", Some((Voice::Quoted, Some("Omar Fulani")))),
            ("so-called", Some((Voice::Narrator, None))),
            // A title in scare quotes is the narrator's choice.
            ("peace plan", Some((Voice::Narrator, None))),
            ("a trap", Some((Voice::Quoted, Some("Omar Fulani")))),
            ("Facebook", None),
        ];
        for (word, want) in cases {
            assert_eq!(at(word), want, "{word}");
        }
        // A span across a quote's edge is nobody's.
        let start = text.find("said, calling").unwrap();
        let end = text.find("a trap").unwrap() + 1;
        assert_eq!(voices.voice_of(Span::new(start, end)), None);
        // Quoted words: 6 + 2 + 2 (the unattributed quote is still speech).
        assert_eq!(voices.quoted_words, 10);
        let narrator: String =
            voices.narrator_spans(text).iter().map(|s| &text[s.range()]).collect();
        assert!(!narrator.contains("occupier") && !narrator.contains("Facebook"));
        assert!(narrator.contains("so-called “peace plan”"));
        assert_eq!(
            voices.narrator_words,
            text::words(&narrator, Span::new(0, narrator.len())).len()
        );
    }
}
