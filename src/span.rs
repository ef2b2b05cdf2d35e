//! Byte spans into an article's text.

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets, `start..end`, into an article's text
/// as read (see [`crate::Article::text`]).
///
/// `start` is the offset of the first byte and `end` the offset one past
/// the last byte, so `&article.text[span.range()]` is the spanned text and
/// an empty span has `start == end`. Offsets always fall on UTF-8
/// character boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    ///
    /// When `start > end`: that is a bug in the caller.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether it spans no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the byte offset `at` lies inside this span.
    pub fn contains_offset(self, at: usize) -> bool {
        self.start <= at && at < self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains_offset(2) && !s.contains_offset(5));
        assert!(s.overlaps(Span::new(4, 9)) && !s.overlaps(Span::new(5, 9)));
        assert!(s.contains(Span::new(3, 5)) && !s.contains(Span::new(3, 6)));
        assert_eq!(&"abcdefg"[s.range()], "cde");
    }
}
