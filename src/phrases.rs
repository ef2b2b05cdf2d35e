//! Whole-word phrase matching: one [aho-corasick] automaton over folded
//! phrases, run over a folded copy of a haystack, reporting spans of the
//! haystack as given.
//!
//! The [gazetteer](crate::gazetteer) finds speaker names with it and the
//! [framing lexicon](crate::framing::Lexicon) finds framing terms.
//!
//! # Matching
//!
//! Patterns are given already folded with [`text::fold`]; the haystack is
//! folded the same way: Unicode lower case; typographic apostrophes
//! (’ ʼ \` ´) to `'` and dashes (‐ ‑ – — …) to `-`; periods removed
//! (`U.S.` matches `us`); every run of white space, including no-break
//! spaces and zero-width characters, to one space. A match must be whole
//! words: the characters just before and after it are not letters or
//! digits (so `doe` matches in `Doe’s` and `pro-Doe` but not in
//! `Doebrecht`). Matches do not overlap; of the patterns starting at the
//! leftmost position, the longest that is whole words wins.
//!
//! Matches are reported as [`Span`]s: half-open byte offsets into the
//! haystack as given, not the folded copy, so `&haystack[m.span.range()]`
//! is the phrase as printed. A trailing period is not included.
//!
//! # Cost
//!
//! [`PhraseMatcher::new`] builds one automaton
//! (`MatchKind::LeftmostLongest`) whose size grows with the total length
//! of the patterns: build it once and reuse it. [`PhraseMatcher::find`]
//! folds a copy of the haystack, keeping each folded byte's original
//! offset (about 9 bytes of memory per haystack byte), and scans it once,
//! linear in its length. A candidate rejected because it is part of a
//! longer word costs a re-scan of at most the longest pattern's length.
//!
//! # Example
//!
//! ```
//! use quotelens::phrases::PhraseMatcher;
//!
//! let matcher = PhraseMatcher::new(["so-called", "us"]).unwrap();
//! let text = "The SO‐CALLED plan of the U.S. and USA";
//! let found: Vec<(&str, usize)> =
//!     matcher.find(text).iter().map(|m| (&text[m.span.range()], m.pattern)).collect();
//! assert_eq!(found, [("SO‐CALLED", 0), ("U.S", 1)]);
//! ```
//!
//! [aho-corasick]: https://docs.rs/aho-corasick

use aho_corasick::{AhoCorasick, Anchored, BuildError, Input, Match, MatchKind, StartKind};

use crate::{Span, text};

/// A pattern found in a haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Where the phrase is: half-open byte offsets into the haystack as
    /// given.
    pub span: Span,
    /// The index of the pattern, in the order given to
    /// [`PhraseMatcher::new`].
    pub pattern: usize,
}

/// Folded phrases and the automaton that finds them as whole words.
///
/// See the [module docs](self) for how matching works and what it costs.
#[derive(Clone, Debug)]
pub struct PhraseMatcher {
    automaton: AhoCorasick,
}

impl PhraseMatcher {
    /// Builds the automaton over `patterns`, which must be folded with
    /// [`text::fold`] (a pattern that is not can never match) and not
    /// empty.
    ///
    /// # Errors
    ///
    /// When the automaton would exceed aho-corasick's size limits
    /// (billions of states: far more phrases than a word list holds).
    pub fn new<I, P>(patterns: I) -> Result<PhraseMatcher, BuildError>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(patterns)?;
        Ok(PhraseMatcher { automaton })
    }

    /// Every pattern in `haystack` that is whole words, leftmost-longest
    /// and not overlapping, in order. See the [module docs](self#matching).
    pub fn find(&self, haystack: &str) -> Vec<PhraseMatch> {
        let folded = Folded::new(haystack);
        let hay = folded.text.as_str();
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = self.automaton.find(Input::new(hay).range(at..)) {
            match self.whole_words(&folded, m) {
                Some(m) => {
                    out.push(PhraseMatch {
                        span: folded.span(&m),
                        pattern: m.pattern().as_usize(),
                    });
                    at = m.end();
                }
                None => at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    /// `m`, or the longest shorter match at its start, that is whole words.
    fn whole_words(&self, folded: &Folded<'_>, mut m: Match) -> Option<Match> {
        if !folded.starts_word(m.start()) {
            return None;
        }
        // Patterns are never empty, so `m.end() - 1 >= m.start()`.
        while !folded.ends_word(m.end()) {
            let shorter = Input::new(&folded.text).range(m.start()..m.end() - 1);
            m = self.automaton.find(shorter.anchored(Anchored::Yes))?;
        }
        Some(m)
    }
}

/// A haystack folded the way [`text::fold`] folds, with the original
/// offset of the character each folded byte came from.
///
/// Unlike `fold`, white space at the ends is kept (as one space), which
/// cannot change what matches: folded patterns neither start nor end with
/// a space.
struct Folded<'h> {
    original: &'h str,
    text: String,
    /// For each byte of `text`, where its character starts in `original`.
    origin: Vec<usize>,
}

impl<'h> Folded<'h> {
    fn new(original: &'h str) -> Folded<'h> {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut space = false;
        for (i, c) in original.char_indices() {
            let was_space = std::mem::replace(&mut space, text::is_space(c));
            match c {
                _ if space && was_space => {}
                _ if space => text.push(' '),
                c if text::is_apostrophe(c) => text.push('\''),
                c if text::is_dash(c) => text.push('-'),
                '.' => {}
                c => text.extend(c.to_lowercase()),
            }
            origin.resize(text.len(), i);
        }
        Folded { original, text, origin }
    }

    /// Whether a match may start at `at`: where an original character's
    /// folding starts, after no letter or digit.
    fn starts_word(&self, at: usize) -> bool {
        let whole = at == 0 || self.origin[at - 1] != self.origin[at];
        whole && !self.text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
    }

    /// Whether a match may end at `at`: where an original character's
    /// folding ends, before no letter or digit.
    fn ends_word(&self, at: usize) -> bool {
        let whole = at == self.text.len() || self.origin[at] != self.origin[at - 1];
        whole && !self.text[at..].chars().next().is_some_and(char::is_alphanumeric)
    }

    /// The original span of a match in the folded text.
    fn span(&self, m: &Match) -> Span {
        let last = self.origin[m.end() - 1];
        let len = self.original[last..].chars().next().map_or(0, char::len_utf8);
        Span::new(self.origin[m.start()], last + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haystack_folds_like_patterns() {
        for s in ["Omar  al‐Fulani", "The U.S. Army’s", "A . B", "İSTANBUL ẞ", "x\u{A0}\u{200B}y"]
        {
            let folded = Folded::new(s);
            assert_eq!(folded.text, text::fold(s), "{s}");
            assert_eq!(folded.origin.len(), folded.text.len());
        }
    }

    #[test]
    fn whole_words_leftmost_longest() {
        let m = PhraseMatcher::new(["occupation", "israeli occupation", "israel"]).unwrap();
        let text = "Israeli occupation, Israelis, Israel’s occupation";
        let found: Vec<(&str, usize)> =
            m.find(text).iter().map(|m| (&text[m.span.range()], m.pattern)).collect();
        assert_eq!(found, [("Israeli occupation", 1), ("Israel", 2), ("occupation", 0)], "{text}");
    }

    #[test]
    fn spans_are_original_byte_offsets() {
        let m = PhraseMatcher::new(["fulani"]).unwrap();
        let text = "ẞ İ «Fulani»";
        let start = text.find("Fulani").unwrap();
        assert_eq!(m.find(text), [PhraseMatch { span: Span::new(start, start + 6), pattern: 0 }]);
    }
}
