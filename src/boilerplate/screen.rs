//! A screen for lines of plain prose: most lines of an article are none
//! of the kinds of boilerplate, and most of them can be told so from their
//! bytes, without folding the line or counting its words.
//!
//! Every test of [`classify`](super::shape::classify) on a line of prose
//! reads only a few things: the line's start (link, caption and byline
//! starts, `By `, a timestamp's first token, the first share word), its
//! length (navigation phrases, link and comment headings are whole lines
//! of at most [`MAX_PHRASE`] bytes), a few bytes that must be there (`<`
//! or `[` for markup, `(` for a photo credit, `/` for an agency credit,
//! breadcrumb separators), its last letter (`… contributed to this
//! report`), and whether it holds `getty` or a comment-form phrase
//! anywhere. [`is_plain_prose`] asks each of these of the raw line, and
//! says a line is prose only when every kind is ruled out; any doubt sends
//! the line to the full tests (issue #5: classifying every line was a
//! fifth of the instructions of `quotes`, most of it folding lines and
//! searching them for comment phrases).

use std::sync::OnceLock;

use crate::Span;
use crate::text::{self, is_space};

#[cfg(test)]
use super::shape::is_label;
use super::shape::{
    COMMENTS_UP_TO, ends_in_slash_credit, has_photo_parenthesis, is_breadcrumb, is_share,
    is_timestamp, may_fold_to_getty,
};
use super::vocabulary::*;

/// The longest whole-line phrase (navigation, link heading, comment
/// heading), in bytes: a line with more letters and digits than this is
/// none of them (a test checks the lists).
pub(super) const MAX_PHRASE: usize = 20;

/// What the screen tells of a line.
pub(super) struct Screened {
    /// Whether the line is certainly none of the kinds of boilerplate
    /// that [`classify`](super::shape::classify) finds (see
    /// [`is_plain_prose`]).
    pub(super) prose: bool,
    /// Whether the line holds sentence punctuation that no
    /// [label](super::shape::is_label) holds (`,`, `;`, `:`, `!`, `?`,
    /// `"`, `(`, `)`): the same pass over its bytes tells, so that most
    /// lines need no label test (issue #5: it read every line of prose
    /// that ends in no period).
    pub(super) punctuated: bool,
}

/// [`is_plain_prose`], and whether the line is [punctuated](Screened).
pub(super) fn screen(line: &str, at: usize, words: &[text::Word]) -> Screened {
    let seen = rare_bytes(line.as_bytes());
    Screened { prose: is_plain_prose_with(line, at, words, seen), punctuated: seen & STOP != 0 }
}

/// Whether `line` is certainly none of the kinds of boilerplate that
/// [`classify`](super::shape::classify) finds; `words` are its
/// [words](text::words), with offsets into the text the line starts at
/// offset `at` of.
///
/// `false` says nothing: the line needs the full tests.
#[cfg(test)]
pub(super) fn is_plain_prose(line: &str, at: usize, words: &[text::Word]) -> bool {
    screen(line, at, words).prose
}

/// [`is_plain_prose`], given the [`rare_bytes`] of the line.
fn is_plain_prose_with(line: &str, at: usize, words: &[text::Word], seen: u8) -> bool {
    let b = line.as_bytes();
    // Markup needs `<` or `[`; a photo credit in a parenthesis, `(`; an
    // agency credit, `/`; a breadcrumb, two separators.
    if seen & TAG != 0
        || seen & PAREN != 0 && has_photo_parenthesis(line)
        || seen & SLASH != 0 && ends_in_slash_credit(line)
        || seen & SEPARATOR != 0 && is_breadcrumb(line)
        || seen & GETTY == GETTY && may_fold_to_getty(line)
        || seen & DIGIT != 0 && is_timestamp(line)
    {
        return false;
    }
    // A whole-line phrase folds to at least one byte for every ASCII
    // letter and digit of the line.
    if !has_more_alnum_than(b, MAX_PHRASE) {
        return false;
    }
    if may_end_in_report(line) {
        return false;
    }
    let in_line =
        |w: &text::Word| text::Word { span: Span::new(w.span.start - at, w.span.end - at) };
    // `is_share` only for the lines `may_be_share` leaves.
    let share = || {
        may_be_share(line, words.iter().map(in_line)) && is_share(line, words.iter().map(in_line))
    };
    !may_start_with_phrase(line)
        // Each word counts once or more towards the limit.
        && (words.len() > COMMENTS_UP_TO || !may_hold_comment_phrase(line))
        && !share()
}

/// Whether `b` holds more than `n` ASCII letters and digits.
///
/// They are counted by table eight bytes a step, and the count is
/// compared once a step (issue #5: counting them one at a time through
/// `filter`, `take` and `count`, up to the limit, cost some 250
/// instructions a line). [`alnum_up_to`], kept for the tests, is that
/// way.
fn has_more_alnum_than(b: &[u8], n: usize) -> bool {
    let alnum = |c: u8| usize::from(ALNUM[usize::from(c)]);
    let mut chunks = b.chunks_exact(8);
    let mut count = 0;
    for c in &mut chunks {
        count += alnum(c[0])
            + alnum(c[1])
            + alnum(c[2])
            + alnum(c[3])
            + alnum(c[4])
            + alnum(c[5])
            + alnum(c[6])
            + alnum(c[7]);
        if count > n {
            return true;
        }
    }
    count + chunks.remainder().iter().map(|&c| alnum(c)).sum::<usize>() > n
}

/// The number of ASCII letters and digits of `b`, up to `cap`: the count
/// [`has_more_alnum_than`] short-cuts, for the tests.
#[cfg(test)]
fn alnum_up_to(b: &[u8], cap: usize) -> usize {
    b.iter().filter(|c| c.is_ascii_alphanumeric()).take(cap).count()
}

/// Whether the line may be share buttons by [`is_share`]: whether none
/// of its `words` (with offsets into it) is certainly neither share filler
/// nor share words, which `is_share` needs of every word.
///
/// A word of ASCII letters and digits folds to its lower case, so it is
/// looked up in any case by first byte and length, without folding it
/// (issue #5: folding each word until one is neither, most lines two
/// words, cost some 500 instructions a line). [`is_share`] is kept for the
/// lines this leaves, so the answer is the same.
fn may_be_share(line: &str, mut words: impl Iterator<Item = text::Word>) -> bool {
    let (filler, share) = share_anchors();
    !words.any(|w| {
        let w = &line.as_bytes()[w.span.range()];
        w.iter().all(u8::is_ascii_alphanumeric) && !filler.contains(w) && !share.has_prefix_of(w)
    })
}

/// [`SHARE_FILLER`] and the [`SHARE_WORDS`] of ASCII letters: a share word
/// with another char is no prefix of a word of ASCII letters and digits.
fn share_anchors() -> &'static (Anchors, Anchors) {
    static SHARE: OnceLock<(Anchors, Anchors)> = OnceLock::new();
    SHARE.get_or_init(|| {
        let letters = |w: &&str| w.bytes().all(|c| c.is_ascii_lowercase());
        (
            Anchors::new(SHARE_FILLER.iter().filter(letters)),
            Anchors::new(SHARE_WORDS.iter().filter(letters)),
        )
    })
}

/// Bits of [`RARE`]: `<` or `[` (markup), `(`, `/`, a breadcrumb
/// separator (`>`, `|`, and the last bytes of » and ›, as
/// [`is_breadcrumb`] counts them), and the first and last letters of
/// `getty` in either case (a line without both may not fold to it: about
/// a third of lines), an ASCII digit (which a timestamp holds), and the
/// ASCII punctuation no label holds.
const TAG: u8 = 1;
const PAREN: u8 = 2;
const SLASH: u8 = 4;
const SEPARATOR: u8 = 8;
const GETTY: u8 = 16 | 32;
const DIGIT: u8 = 64;
const STOP: u8 = 128;

/// The ASCII punctuation that [`is_label`](super::shape::is_label) rules
/// out.
const LABEL_STOPS: [u8; 8] = [b',', b';', b':', b'!', b'?', b'"', b'(', b')'];

/// The bit of each byte the screen looks for.
static RARE: [u8; 256] = {
    let mut t = [0; 256];
    let mut stops = 0;
    while stops < LABEL_STOPS.len() {
        t[LABEL_STOPS[stops] as usize] = STOP;
        stops += 1;
    }
    t[b'<' as usize] = TAG;
    t[b'[' as usize] = TAG;
    t[b'(' as usize] = PAREN | STOP;
    t[b'/' as usize] = SLASH;
    t[b'>' as usize] = SEPARATOR;
    t[b'|' as usize] = SEPARATOR;
    t[0xBB] = SEPARATOR;
    t[0xBA] = SEPARATOR;
    t[b'g' as usize] = 16;
    t[b'G' as usize] = 16;
    t[b'y' as usize] = 32;
    t[b'Y' as usize] = 32;
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = DIGIT;
        d += 1;
    }
    t
};

/// The [`RARE`] bits of the bytes of a line, in one pass of table look-ups,
/// eight bytes a step (issue #5: a search for each of these bytes, and
/// two for the breadcrumb separators, cost some 150 instructions each on
/// a line of a hundred bytes).
fn rare_bytes(b: &[u8]) -> u8 {
    let rare = |c: u8| RARE[usize::from(c)];
    let mut chunks = b.chunks_exact(8);
    let mut seen = 0;
    for c in &mut chunks {
        seen |= rare(c[0])
            | rare(c[1])
            | rare(c[2])
            | rare(c[3])
            | rare(c[4])
            | rare(c[5])
            | rare(c[6])
            | rare(c[7]);
    }
    chunks.remainder().iter().fold(seen, |seen, &c| seen | rare(c))
}

/// Whether the folded line may end in `report`, as `… contributed to this
/// report` does: whether the line ends in its letters, in any case, with
/// only periods between them (folding drops periods, and no char outside
/// ASCII folds to these letters) and only periods and white space after
/// them.
fn may_end_in_report(line: &str) -> bool {
    let tail = line.trim_end_matches(|c: char| c == '.' || is_space(c)).bytes().rev();
    let mut letters = tail.filter(|&c| c != b'.');
    b"troper".iter().all(|&want| letters.next().is_some_and(|c| c.to_ascii_lowercase() == want))
}

/// Whether the folded line may start with one of the link, caption or
/// byline starts, or the line with `By `.
///
/// The folded line, leading marks aside, starts with the line's first run
/// of ASCII letters, lower-cased, followed by something other than an
/// ASCII letter, when the letters follow only marks that are not letters
/// or digits (which fold to no letter or digit) and are followed by
/// neither a period (which folding drops, joining what follows) nor a char
/// outside ASCII that may fold to ASCII letters (U+212A KELVIN SIGN folds
/// to `k`). A phrase it starts with then has that run as its first run of
/// letters.
fn may_start_with_phrase(line: &str) -> bool {
    let Some(start) = line.find(text::is_alnum) else { return false };
    let rest = &line[start..];
    let len = rest.bytes().position(|c| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let after = rest[len..].chars().next();
    if len == 0 {
        // A digit first starts no phrase; another letter may fold to one.
        return !rest.starts_with(|c: char| c.is_ascii_digit());
    }
    let safe = after.is_none_or(|c| {
        c.is_ascii() && c != '.' && c != '`' || ('\u{2000}'..='\u{206F}').contains(&c)
    });
    !safe || first_words().contains(&rest.as_bytes()[..len])
}

/// The first runs of letters of the link, caption and byline starts, and
/// `by`.
fn first_words() -> &'static Anchors {
    static FIRST: OnceLock<Anchors> = OnceLock::new();
    FIRST.get_or_init(|| {
        let phrases = LINK_STARTS.joined().iter().chain(CAPTION_STARTS.joined());
        let firsts = phrases
            .chain(BYLINE_STARTS.joined())
            .map(|p| p.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or(""));
        Anchors::new(firsts.chain(["by"]))
    })
}

/// A few words of lower-case ASCII letters, looked up in any ASCII case:
/// most words are ruled out by their first letter and length alone.
pub(super) struct Anchors {
    /// The words that start with the `i`th letter.
    words: [Vec<String>; 26],
    /// Bit `n` of `lengths[c]`: whether a word of `n` bytes starts with
    /// the byte `c` in either case (longer words are all in bit 31).
    lengths: [u32; 256],
    /// The length of the shortest word.
    shortest: usize,
}

impl Anchors {
    pub(super) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Anchors {
        let mut out =
            Anchors { words: Default::default(), lengths: [0; 256], shortest: usize::MAX };
        for w in words {
            assert!(!w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
            let first = w.as_bytes()[0];
            let letter = usize::from(first - b'a');
            for c in [first, first.to_ascii_uppercase()] {
                out.lengths[usize::from(c)] |= 1 << w.len().min(31);
            }
            // Several phrases share an anchor: each word is compared once.
            if !out.words[letter].iter().any(|a| a == w) {
                out.words[letter].push(w.to_string());
            }
            out.shortest = out.shortest.min(w.len());
        }
        out
    }

    /// Whether `w`, in any ASCII case, is one of the words.
    ///
    /// The look-up by first byte and length is inlined and the words are
    /// compared out of line (issue #5: most runs of a line are ruled out
    /// by the look-up, and a call for each cost some 45 instructions).
    #[inline]
    pub(super) fn contains(&self, w: &[u8]) -> bool {
        let Some(&first) = w.first() else { return false };
        self.lengths[usize::from(first)] & 1 << w.len().min(31) != 0 && self.compare(w)
    }

    /// Whether one of the words is a prefix of `w` (or `w` itself), in any
    /// ASCII case; or `w` is as long as 31 bytes or more while a word is.
    fn has_prefix_of(&self, w: &[u8]) -> bool {
        let Some(&first) = w.first() else { return false };
        // The lengths of the words with that first byte, up to `w`'s.
        let fit = if w.len() >= 31 { u32::MAX } else { (1u32 << (w.len() + 1)) - 1 };
        let mut lengths = self.lengths[usize::from(first)] & fit;
        while lengths != 0 {
            let n = lengths.trailing_zeros() as usize;
            lengths &= lengths - 1;
            if n == 31 || self.compare(&w[..n]) {
                return true;
            }
        }
        false
    }

    /// Whether `w`, which starts with an ASCII letter, is one of the
    /// words that start with it, in any ASCII case.
    #[inline(never)]
    fn compare(&self, w: &[u8]) -> bool {
        let letter = usize::from(w[0].to_ascii_lowercase() - b'a');
        self.words[letter].iter().any(|a| a.as_bytes().eq_ignore_ascii_case(w))
    }
}

/// Whether the folded line may hold one of [`COMMENT_PHRASES`].
///
/// Each phrase has an anchor, its longest word (all ASCII letters). Where
/// the folded line holds a phrase as whole words, each of its words is a
/// whole run of letters and digits there, anchor included. Such a run
/// comes from a run of ASCII letters of the line, in any case, between
/// bytes that are no ASCII letters or digits, unless periods stand in it
/// or just before it (folding drops them and joins what they separate) or
/// a char outside ASCII folds to ASCII letters. A period before a letter
/// sends the line to the full test. The only chars outside ASCII that
/// fold to ASCII letters are U+212A KELVIN SIGN (to `k`) and U+0130 (to
/// `i` and a combining dot, which ends the run), and no anchor holds `k`
/// or ends in `i` (a test checks). So the line's runs of ASCII letters and
/// digits are looked up, most ruled out by first letter and length,
/// without folding the line.
///
/// One pass over the line's bytes finds both the runs and a period before
/// a letter (issue #5: a search for periods, then the line's words, each
/// split into runs, cost some 1,600 instructions a line of 20 words or
/// fewer; [`may_hold_comment_phrase_by_words`], kept for the tests, is
/// that way).
fn may_hold_comment_phrase(line: &str) -> bool {
    let b = line.as_bytes();
    let anchors = anchors();
    let shortest = anchors.shortest;
    let mut i = 0;
    // One loop over the bytes between runs, each looked at once, and an
    // inner one over each run (issue #5: a loop to skip the bytes between
    // runs was re-entered through the outer one for each byte).
    while let Some(&c) = b.get(i) {
        i += 1;
        if !ALNUM[usize::from(c)] {
            continue;
        }
        let start = i - 1;
        // A period before a letter: folding may join what it separates.
        if start > 0 && b[start - 1] == b'.' && c.is_ascii_alphabetic() {
            return true;
        }
        while i < b.len() && ALNUM[usize::from(b[i])] {
            i += 1;
        }
        if i - start >= shortest && anchors.contains(&b[start..i]) {
            return true;
        }
    }
    false
}

/// Whether a byte is an ASCII letter or digit, by table.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// [`may_hold_comment_phrase`] as it was, with a search for periods and
/// then the runs of each of the line's `words` (with offsets into it) as
/// long as the shortest anchor: each run lies in one word (words never
/// split letters and digits). The oracle of the tests.
#[cfg(test)]
fn may_hold_comment_phrase_by_words(
    line: &str,
    mut words: impl Iterator<Item = text::Word>,
) -> bool {
    let b = line.as_bytes();
    let joins = memchr::memchr_iter(b'.', b)
        .any(|i| b[i + 1..].iter().find(|&&c| c != b'.').is_some_and(|c| c.is_ascii_alphabetic()));
    if joins {
        return true;
    }
    let anchors = anchors();
    words.any(|w| {
        let w = &b[w.span.range()];
        w.len() >= anchors.shortest
            && w.split(|c| !c.is_ascii_alphanumeric()).any(|run| anchors.contains(run))
    })
}

/// Which word of a comment phrase (given as its words) is its anchor: its
/// longest, the first of the longest.
pub(super) fn anchor_of(phrase: &[&str]) -> usize {
    (0..phrase.len()).rev().max_by_key(|&k| phrase[k].len()).unwrap_or(0)
}

/// The longest word of each comment phrase, and the comment headings.
fn anchor_words() -> Vec<&'static str> {
    let longest =
        COMMENT_PHRASES.phrases().iter().filter(|p| !p.is_empty()).map(|p| p[anchor_of(p)]);
    longest.chain(COMMENT_HEADINGS.iter()).collect()
}

/// The [`anchor_words`].
pub(super) fn anchors() -> &'static Anchors {
    static ANCHORS: OnceLock<Anchors> = OnceLock::new();
    ANCHORS.get_or_init(|| Anchors::new(anchor_words()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_keep_to_what_the_screen_assumes() {
        for set in [&NAVIGATION, &LINK_HEADINGS] {
            assert!(set.joined().iter().all(|p| p.len() <= MAX_PHRASE), "{:?}", set.joined());
        }
        assert!(COMMENT_HEADINGS.iter().all(|w| w.len() <= MAX_PHRASE));
        for w in anchor_words() {
            assert!(w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
            assert!(!w.contains('k') && !w.ends_with('i'), "{w}");
        }
    }

    #[test]
    fn what_the_screen_assumes_of_unicode_lower_case() {
        // Only these two chars outside ASCII lower-case to ASCII, and no
        // char that is no letter or digit lower-cases to one.
        let mut to_ascii = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: Vec<char> = c.to_lowercase().collect();
            if !c.is_ascii() && lower.iter().any(char::is_ascii) {
                to_ascii.push(c);
            }
            assert!(text::is_alnum(c) || !lower.iter().any(|&l| text::is_alnum(l)), "{c:?}");
        }
        assert_eq!(to_ascii, ['\u{130}', '\u{212A}']);
    }

    #[test]
    fn first_words_are_the_phrases_first_letters() {
        let words = first_words();
        for w in ["also", "Read", "related", "don", "watch", "PHOTO", "in", "this", "by", "with"] {
            assert!(words.contains(w.as_bytes()), "{w}");
        }
        for w in ["the", "", "2024", "phot", "photos2", "é"] {
            assert!(!words.contains(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn lines_that_are_not_plain_prose() {
        let prose = "The minister told reporters on Monday that the talks would go on";
        let words = |line: &str| text::words(line, Span::new(0, line.len()));
        assert!(is_plain_prose(prose, 0, &words(prose)));
        for line in [
            format!("{prose} (Photo by AFP)"),
            format!("{prose}. /AFP"),
            format!("{prose} via Getty Images"),
            format!("{prose}, leave a reply"),
            format!("{prose}, LEAVE A REPL.Y"),
            format!("Read more: {prose}"),
            format!("“In this photo, {prose}"),
            format!("{prose} contributed to this report."),
            format!("{prose} <br>"),
            "Home » World » Europe".to_string(),
            "Share on Facebook".to_string(),
            "Back to top".to_string(),
            "2025-03-14 18:05:09".to_string(),
            format!("Cli\u{212A} here {prose}"),
        ] {
            assert!(!is_plain_prose(&line, 0, &words(&line)), "{line}");
        }
    }

    #[test]
    fn the_comment_check_reads_runs_as_the_words_did() {
        let by_words = |line: &str| {
            may_hold_comment_phrase_by_words(
                line,
                text::words(line, Span::new(0, line.len())).into_iter(),
            )
        };
        let mut held = 0;
        for line in [
            "Leave a reply",
            "the COMMENTS",
            "re-captcha",
            "recaptcha",
            "U.S. talks",
            "talks end.Then",
            "talks end. Then",
            "...captcha",
            "2024captcha",
            "captcha2024",
            "Édouard’s reply",
            "",
            "...",
        ] {
            let got = may_hold_comment_phrase(line);
            held += usize::from(got);
            assert_eq!(got, by_words(line), "{line}");
        }
        assert_eq!(held, 6);
    }

    #[test]
    fn share_lines_are_left_to_the_full_test() {
        let words = |line: &str| text::words(line, Span::new(0, line.len()));
        let maybe = |line: &str| may_be_share(line, words(line).into_iter());
        for line in ["Share on Facebook", "FacebookTwitter", "SHARE THIS", "e-mail", "Édouard", "x"]
        {
            assert!(maybe(line), "{line}");
        }
        for line in ["The minister said", "The Facebook page", "Share 2 Facebook", "via Twitter 2"]
        {
            assert!(!maybe(line), "{line}");
            assert!(!is_share(line, words(line).into_iter()), "{line}");
        }
    }

    proptest::proptest! {
        /// The bits of `rare_bytes` say what searching for each byte says.
        #[test]
        fn rare_bytes_match_searches(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<", "[", "(", "/", ">", "|", "»", "›", "«", "‹", "“", "’", "é", "a", " ",
                    "Home", "2024", ".", "]", ")", "g", "G", "etty", "ETTY", "e.t.t.y", "y", "12:30", "Monday,", "3rd", "pm", "٣",
                    "World", "News", ",", ";", ":", "!", "?", "\"", "¿", "،",
                ]),
                0..40,
            ),
        ) {
            let line = pieces.concat();
            let b = line.as_bytes();
            let seen = rare_bytes(b);
            proptest::prop_assert_eq!(seen & TAG != 0, memchr::memchr2(b'<', b'[', b).is_some());
            proptest::prop_assert_eq!(seen & PAREN != 0, memchr::memchr(b'(', b).is_some());
            proptest::prop_assert_eq!(seen & SLASH != 0, memchr::memchr(b'/', b).is_some());
            let separators =
                memchr::memchr3_iter(b'>', b'|', 0xBB, b).chain(memchr::memchr_iter(0xBA, b));
            proptest::prop_assert_eq!(seen & SEPARATOR != 0, separators.count() > 0);
            if seen & SEPARATOR == 0 {
                proptest::prop_assert!(!is_breadcrumb(&line));
            }
            if seen & GETTY != GETTY {
                proptest::prop_assert!(!may_fold_to_getty(&line));
            }
            proptest::prop_assert_eq!(
                seen & STOP != 0,
                line.contains([',', ';', ':', '!', '?', '"', '(', ')'])
            );
            if seen & STOP != 0 {
                proptest::prop_assert!(!is_label(&line));
            }
            proptest::prop_assert_eq!(seen & DIGIT != 0, b.iter().any(u8::is_ascii_digit));
            if seen & DIGIT == 0 {
                proptest::prop_assert!(!is_timestamp(&line));
            }
        }

        /// `has_more_alnum_than` says what counting the letters and digits
        /// one at a time says, whatever the limit.
        #[test]
        fn alnum_count_matches_counting_one_at_a_time(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "7", " ", ".", "é", "“", "»", "٣", "\u{212A}", "İ", "[", "]", "(",
                    "Home", "2024", "U.S.", "x-y", "\t",
                ]),
                0..40,
            ),
            n in 0usize..40,
        ) {
            let line = pieces.concat();
            let b = line.as_bytes();
            proptest::prop_assert_eq!(has_more_alnum_than(b, n), alnum_up_to(b, n + 1) > n, "{}", line);
        }

        /// A line [`may_be_share`] rules out is no share line by
        /// [`is_share`], on lines of share words, filler and awkward words.
        #[test]
        fn may_be_share_rules_out_only_what_is_share_does(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Share", "share", "on", "ON", "Facebook", "facebooktwitter", "Twitterx", "X",
                    "x", "e-mail", "E-Mail", "email", "the", "The", "minister", "mix", "mixes",
                    "vk", "VKontakte", "2024", "U.S.", "Face.book", "é", "Édouard",
                    "\u{212A}", "İ", "’s", "“Share", "-", ".", " ", "  ",
                ]),
                0..8,
            ),
        ) {
            let line = pieces.join(" ");
            let words = text::words(&line, Span::new(0, line.len()));
            if !may_be_share(&line, words.iter().copied()) {
                proptest::prop_assert!(!is_share(&line, words.iter().copied()), "{}", line);
            }
        }

        /// The one pass over the bytes answers what the search for periods
        /// and the words' runs answered, on awkward lines.
        #[test]
        fn comment_runs_match_the_words(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "reply", "REPLY", "Comment", "comments", "captcha", "save", "published",
                    "the", "a", "2024", "U.S.", ".", "..", " ", "  ", "-", "'", "’", "“", "(", ")",
                    "[", "]", "é", "Édouard", "\u{212A}", "İ", "\u{A0}", "/", ":", "x", "7",
                ]),
                0..24,
            ),
        ) {
            let line = pieces.concat();
            let words = text::words(&line, Span::new(0, line.len()));
            proptest::prop_assert_eq!(
                may_hold_comment_phrase(&line),
                may_hold_comment_phrase_by_words(&line, words.into_iter()),
                "{}", line
            );
        }

        /// A line the screen calls prose is none of the kinds by the full
        /// tests: lines of prose words with a few awkward ones put in
        /// (most lines of awkward words alone are sent to the full tests,
        /// which the property would not exercise).
        #[test]
        fn prose_is_no_boilerplate(
            prose in proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "The", "minister", "said", "talks", "Monday", "reporters", "went",
                    "on", "a", "to", "of", "and", "in", "ministers", "week", "capital",
                ]),
                0..30,
            ),
            awkward in proptest::collection::vec((
                proptest::sample::select(vec![
                    "U.S.", "...", ".", "—", "“We", "will”", "’s", "(CEC)", "(Photo", "AFP)", "/",
                    "/AFP", "AFP", "Getty", "G.etty", "Images", "via", "By", "by", "BY", "In",
                    "this", "photo", "Photo:", "Read", "more", "Related:", "Don’t", "miss", "Leave",
                    "REPLY", "repl.y", "comment", "Comments", "captcha", "re-captcha", "Share",
                    "Facebook", "Home", "»", ">", "|", "2024", "12:30", "pm", "Updated:",
                    "contributed", "report", "report.", "Édouard", "\u{212A}", "Clic\u{212A}",
                    "İ", "<br>", "[sic]", "[gallery", "id=\"1\"]", "Top", "stories", "Source:",
                    "Edited", "Story", "leave a reply", "contributed to this report",
                    "Source: AFP", "All fields are required", "file photo",
                ]),
                0usize..40,
            ), 0..4),
        ) {
            let mut words = prose;
            for (word, at) in awkward {
                words.insert(at.min(words.len()), word);
            }
            let line = words.join(" ");
            let tokens = text::words(&line, Span::new(0, line.len()));
            if is_plain_prose(&line, 0, &tokens) {
                proptest::prop_assert_eq!(super::super::shape::classify_whole(&line), None, "{}", line);
            }
        }
    }
}
