//! What a line looks like: the shapes of each kind of boilerplate.

use crate::Span;
use crate::lexicon::PhraseSet;
use crate::text::{self, is_space};

use super::BoilerplateKind;
use super::markup::tags;
use super::screen::{Anchors, anchor_of, anchors, screen};
use super::vocabulary::*;

/// What [`classify`] tells of a line.
pub(super) struct Shape {
    /// The kind of boilerplate the line is, labels aside.
    pub(super) kind: Option<BoilerplateKind>,
    /// Whether the line may hold a markup tag: a line the screen calls
    /// plain prose holds no `<` or `[`, so its tags need no search (issue
    /// #5: every line of prose was searched for tags again).
    pub(super) may_tag: bool,
    /// Whether the line may be a [label](is_label): the screen has seen
    /// whether it holds punctuation that no label holds.
    pub(super) may_be_label: bool,
}

/// The [`Shape`] of a line.
///
/// `words` are the line's [words](text::words), with offsets into the
/// text the line starts at offset `at` of.
pub(super) fn classify(line: &str, at: usize, words: &[text::Word]) -> Shape {
    // Most lines are prose, told so from their bytes (issue #5).
    let screened = screen(line, at, words);
    let may_be_label = !screened.punctuated;
    if screened.prose {
        return Shape { kind: None, may_tag: false, may_be_label };
    }
    thread_local! {
        static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let kind = FOLDED.with_borrow_mut(|folded| {
        folded.clear();
        classify_with(line, at, words, folded, true)
    });
    Shape { kind, may_tag: true, may_be_label }
}

/// [`classify`] with neither the screen for prose nor the partial fold:
/// every test on the whole folded line, for the tests to compare with.
#[cfg(test)]
pub(super) fn classify_whole(line: &str) -> Option<BoilerplateKind> {
    let words = text::words(line, Span::new(0, line.len()));
    classify_with(line, 0, &words, &mut String::new(), false)
}

/// The most words any test below looks at, plus one: [`classify`] counts
/// (and tokenizes) no further.
const WORD_CAP: usize = 31;

/// [`classify`], folding the line into `folded` (cleared, reused across
/// lines: issue #5), only in part when `prefix` allows it and the line is
/// long (see [`fold_for`]; the tests compare both ways).
fn classify_with(
    line: &str,
    at: usize,
    words: &[text::Word],
    folded: &mut String,
    prefix: bool,
) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    if !line.chars().any(text::is_alnum) {
        return None;
    }
    // Only the number of words is needed, up to the cap (every test below
    // caps it at 30), so only the first `WORD_CAP` tokens are taken: a
    // token counts at least once (issue #5). Their offsets are made
    // relative to the line.
    let in_line =
        |w: &text::Word| text::Word { span: Span::new(w.span.start - at, w.span.end - at) };
    let line_words = words;
    let words = count_words_of(line, words.iter().take(WORD_CAP).map(in_line), WORD_CAP);
    // A line of more than 20 words (a paragraph of real news often is) is
    // folded only as far as the caption and link starts look (see
    // `fold_for`): folding every line whole was about 6% of the
    // instructions of `quotes` (issue #5).
    let partial = if prefix {
        fold_for(line, words, folded)
    } else {
        text::fold_into(line, folded);
        false
    };
    let folded = folded.as_str();
    // A line with no `<` or `[` has no tags: what is outside them is the
    // whole line, which has a letter or digit.
    if memchr::memchr2(b'<', b'[', line.as_bytes()).is_some() {
        let mut alnum_outside = false;
        let mut at = 0;
        for t in tags(line, Span::new(0, line.len())) {
            alnum_outside |= line[at..t.start].chars().any(text::is_alnum);
            at = t.end;
        }
        alnum_outside |= line[at..].chars().any(text::is_alnum);
        if !alnum_outside {
            return Some(Markup);
        }
    }
    let short = words <= COMMENTS_UP_TO;
    if short
        && (contains_comment_phrase(folded)
            || COMMENT_HEADINGS.contains(folded.trim_matches(|c: char| !text::is_alnum(c))))
    {
        return Some(Comments);
    }
    if is_share(line, line_words.iter().map(in_line)) {
        return Some(Share);
    }
    // A partly folded line has more words than any navigation phrase or
    // link heading has bytes (a test below checks), so it is none of them.
    if !partial && is_phrase(folded, &NAVIGATION) || is_breadcrumb(line) {
        return Some(Navigation);
    }
    if words <= 30 && starts_with_any(folded, &LINK_STARTS)
        || !partial && is_phrase(folded, &LINK_HEADINGS)
    {
        return Some(Link);
    }
    if is_caption(line, folded, words) {
        return Some(Caption);
    }
    if words <= 12 && is_byline(line, folded) {
        return Some(Byline);
    }
    if is_timestamp(line) {
        return Some(Timestamp);
    }
    None
}

/// The most words a line of a comment form has: a longer line is
/// searched for no comment phrase or heading.
pub(super) const COMMENTS_UP_TO: usize = 20;

/// How many bytes of a long line [`fold_for`] folds at first.
const PREFIX: usize = 48;

/// The most words of a line [`fold_for`] always folds whole: the comment
/// tests read the whole folded line up to this many words.
const FOLD_WHOLE_UP_TO: usize = 20;

/// Folds `line`, of `words` words (capped at [`WORD_CAP`]), into `folded`
/// for the tests of [`classify_with`], and says whether it folded only a
/// prefix.
///
/// A line of more than [`FOLD_WHOLE_UP_TO`] words can only be a caption or a
/// link start among the kinds that read the folded line: comment phrases and
/// bylines are tested on shorter lines only, and navigation phrases and link
/// headings all have at most `FOLD_WHOLE_UP_TO` bytes, while the folded line
/// keeps at least one byte for each of its words' letters and digits. The
/// caption and link-start tests read the start of the folded line (at most the
/// longest phrase of [`CAPTION_STARTS`] and [`LINK_STARTS`] and a few bytes
/// after it) and whether it holds `getty`. So such a line is folded only up to
/// [`PREFIX`] bytes, unless that leaves too little after its leading
/// punctuation, or the line may hold `getty` (see [`may_fold_to_getty`]): then
/// it is folded whole, and the answer is the same either way. The folded form
/// of a prefix is a prefix of the folded line (folding reads one char at a
/// time; only a space waiting for the next word is left off the end).
fn fold_for(line: &str, words: usize, folded: &mut String) -> bool {
    if words <= FOLD_WHOLE_UP_TO || line.len() <= PREFIX || may_fold_to_getty(line) {
        text::fold_into(line, folded);
        return false;
    }
    let mut end = PREFIX;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    text::fold_into(&line[..end], folded);
    // The caption and link starts need their phrase and the few bytes
    // after it: worked out once, not for every long line.
    static NEED: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let need = *NEED.get_or_init(|| {
        let phrases = CAPTION_STARTS.joined().iter().chain(LINK_STARTS.joined());
        phrases.map(String::len).max().unwrap_or(0) + 8
    });
    let core = folded.trim_start_matches(|c: char| !text::is_alnum(c));
    if core.len() < need {
        folded.clear();
        text::fold_into(line, folded);
        return false;
    }
    true
}

/// Whether the folded `line` may hold `getty`: whether `line` holds its
/// letters in any case with nothing but periods between them (folding
/// drops periods and lower-cases; no other char lower-cases to one of
/// these ASCII letters).
pub(super) fn may_fold_to_getty(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2_iter(b'g', b'G', b).any(|at| {
        let mut rest = b[at + 1..].iter().filter(|&&c| c != b'.');
        b"etty".iter().all(|want| rest.next().is_some_and(|c| c.eq_ignore_ascii_case(want)))
    })
}

/// Whether the line's `words` (with offsets into `line`) are all share
/// filler or share words, and at least one a share word: the first other
/// word settles it.
pub(super) fn is_share(line: &str, words: impl Iterator<Item = text::Word>) -> bool {
    let mut any_share = false;
    for word in words {
        let w = text::fold_word(word.as_str(line));
        let share = is_share_word(&w);
        if !(SHARE_FILLER.contains(&w) || share) {
            return false;
        }
        any_share |= share;
    }
    any_share
}

/// Whether the folded word is share words, perhaps glued together by a
/// scraper (`facebooktwitterwhatsapp`).
fn is_share_word(w: &str) -> bool {
    // Most words start with no share word: answer those without the table.
    if !SHARE_WORDS.has_prefix_of(w) {
        return false;
    }
    // ends[i]: whether w[..i] splits into share words.
    let mut ends = vec![false; w.len() + 1];
    ends[0] = true;
    for i in 0..w.len() {
        if ends[i] && w.is_char_boundary(i) {
            for s in SHARE_WORDS.iter().filter(|s| w[i..].starts_with(s)) {
                ends[i + s.len()] = true;
            }
        }
    }
    ends[w.len()]
}

/// The number of words of a line (its `tokens`), counting words glued by a scraper as
/// several (`EastWorld` is `east`, `world`), or `cap` if there are more.
fn count_words_of(line: &str, tokens: impl Iterator<Item = text::Word>, cap: usize) -> usize {
    let mut n = 0;
    for w in tokens {
        if n >= cap {
            return cap;
        }
        let mut prev_lower = false;
        for c in w.as_str(line).chars() {
            if c.is_uppercase() && prev_lower {
                n += 1;
            }
            prev_lower = c.is_lowercase();
        }
        n += 1;
    }
    n.min(cap)
}

/// Whether the folded line is, punctuation at its ends aside, one of the
/// phrases.
pub(super) fn is_phrase(folded: &str, set: &PhraseSet) -> bool {
    let core = folded.trim_matches(|c: char| !text::is_alnum(c));
    // A folded line has single spaces and its phrases' words none, so its
    // words are a phrase's words exactly when it is the phrase joined by
    // spaces.
    set.joined().iter().any(|p| p == core)
}

/// Whether the folded line starts with one of the phrases as whole words.
fn starts_with_any(folded: &str, set: &PhraseSet) -> bool {
    let core = folded.trim_start_matches(|c: char| !text::is_alnum(c));
    if !core.bytes().next().is_some_and(|b| set.may_start_with_byte(b)) {
        return false;
    }
    // A phrase with another first byte cannot match: comparing first
    // bytes saves a string comparison for most phrases (issue #5: three
    // lists are tried on every line).
    let first = core.as_bytes()[0];
    set.joined().iter().any(|phrase| {
        phrase.as_bytes().first() == Some(&first)
            && core
                .strip_prefix(phrase.as_str())
                .is_some_and(|rest| !rest.starts_with(|c: char| text::is_alnum(c) || c == '\''))
    })
}

/// Whether the folded text contains one of [`COMMENT_PHRASES`] as whole
/// words.
///
/// A phrase held as whole words holds its anchor (its longest word, see
/// [`anchor_of`]) as a whole run of ASCII letters and digits of the folded
/// text: the phrases are ASCII letters and spaces, and what stands before
/// and after one is no letter or digit. So the runs are looked up among the
/// anchors, most ruled out by first letter and length, and only where one
/// is found are its phrases compared around it (issue #5: building an
/// Aho-Corasick automaton of the phrases cost 1.4 M instructions, once a
/// process, more than all its searches on 500 articles; [`contains_comment_phrase_by_search`],
/// kept for the tests, searches each phrase in turn). No phrase overlaps
/// itself (a test checks), so every occurrence counts, as it did for
/// `str::match_indices`.
fn contains_comment_phrase(folded: &str) -> bool {
    let b = folded.as_bytes();
    let anchors = anchors();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &b[start..i];
        if !anchors.contains(run) {
            continue;
        }
        let found = comment_phrases_by_anchor().iter().any(|&(anchor, phrase, offset)| {
            anchor.as_bytes() == run
                && start >= offset
                && b[start - offset..].starts_with(phrase.as_bytes())
                && is_whole(folded, start - offset, start - offset + phrase.len())
        });
        if found {
            return true;
        }
    }
    false
}

/// Whether `s[from..to]` stands between no letters or digits.
fn is_whole(s: &str, from: usize, to: usize) -> bool {
    let before = s[..from].chars().next_back();
    let after = s[to..].chars().next();
    !before.is_some_and(text::is_alnum) && !after.is_some_and(text::is_alnum)
}

/// Each of [`COMMENT_PHRASES`] with its anchor and the anchor's offset in
/// it.
fn comment_phrases_by_anchor() -> &'static [(&'static str, &'static str, usize)] {
    static BY_ANCHOR: std::sync::OnceLock<Vec<(&str, &str, usize)>> = std::sync::OnceLock::new();
    BY_ANCHOR.get_or_init(|| {
        let phrases = COMMENT_PHRASES.phrases().iter().zip(COMMENT_PHRASES.joined());
        phrases
            .filter(|(words, _)| !words.is_empty())
            .map(|(words, joined)| {
                let k = anchor_of(words);
                let offset = words[..k].iter().map(|w| w.len() + 1).sum();
                (words[k], joined.as_str(), offset)
            })
            .collect()
    })
}

/// [`contains_comment_phrase`] as a search for each phrase in turn, every
/// occurrence tested for whole words: the oracle of the tests.
#[cfg(test)]
fn contains_comment_phrase_by_search(folded: &str) -> bool {
    COMMENT_PHRASES
        .joined()
        .iter()
        .any(|p| folded.match_indices(p.as_str()).any(|(at, _)| is_whole(folded, at, at + p.len())))
}

/// `Home » World » Europe`: two or more separators between short parts.
pub(super) fn is_breadcrumb(line: &str) -> bool {
    // Three parts need two separators: `>`, `|`, or » and › (whose UTF-8
    // encodings end in BB and BA). Fewer such bytes, no breadcrumb. They
    // are counted with `memchr`, which skips the bytes between (issue #5:
    // every line is tested).
    let b = line.as_bytes();
    let mut separators =
        memchr::memchr3_iter(b'>', b'|', 0xBB, b).chain(memchr::memchr_iter(0xBA, b));
    if separators.nth(1).is_none() {
        return false;
    }
    let parts: Vec<&str> = line.split(['»', '›', '>', '|']).map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
}

fn is_caption(line: &str, folded: &str, words: usize) -> bool {
    if starts_with_any(folded, &CAPTION_STARTS) && words > 1 {
        // "Photo: …", "In this photo, …" — but not "Photos show …".
        let after = folded.trim_start_matches(|c: char| !text::is_alnum(c));
        let first = CAPTION_STARTS
            .joined()
            .iter()
            .filter(|p| after.starts_with(p.as_str()))
            .max_by_key(|p| p.len())
            .cloned()
            .unwrap_or_default();
        let next = after[first.len()..].trim_start();
        if next.starts_with([':', ',', '/', '-']) || next.starts_with("by ") || first.contains(' ')
        {
            return true;
        }
    }
    if has_photo_parenthesis(line) || words >= 4 && ends_in_slash_credit(line) {
        return true;
    }
    // "getty" is rare: look for it once before the phrases.
    memchr::memmem::find(folded.as_bytes(), b"getty").is_some()
        && (folded.ends_with("getty images") || folded.contains("via getty images"))
}

/// Whether the line holds a parenthesis naming a photo: "(Photo by AFP)",
/// "(AFP Photo)".
pub(super) fn has_photo_parenthesis(line: &str) -> bool {
    let mut rest = line;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        let inner = text::fold_word(&rest[open + 1..open + close]);
        let inner_words: Vec<&str> = inner
            .split(|c: char| !text::is_alnum(c) && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        if inner_words.len() <= 8 && inner_words.iter().any(|w| CAPTION_WORDS.contains(w)) {
            return true;
        }
        rest = &rest[open + close + 1..];
    }
    false
}

/// Whether the line ends in an agency credit after a slash: "… 2024. /CFP",
/// "… 2024 / AFP" (a caption when the line has four words or more).
pub(super) fn ends_in_slash_credit(line: &str) -> bool {
    let mut tokens = line.split(is_space).filter(|t| !t.is_empty()).rev();
    let Some(last) = tokens.next() else { return false };
    let credit = last
        .strip_prefix('/')
        .is_some_and(|c| c.chars().count() >= 2 && c.chars().all(char::is_alphabetic));
    let agency = last.chars().all(char::is_uppercase) && last.chars().count() >= 2;
    let slash_before = tokens.next() == Some("/");
    credit || agency && slash_before
}

fn is_byline(line: &str, folded: &str) -> bool {
    if starts_with_any(folded, &BYLINE_STARTS) {
        // "Source: X" or "Author: X" only with a colon; the others as they are.
        let core = folded.trim_start_matches(|c: char| !text::is_alnum(c));
        let bare = ["author", "authors", "reporter", "editor", "source"];
        let colon = bare
            .iter()
            .any(|b| core.strip_prefix(b).is_some_and(|r| r.trim_start().starts_with(':')));
        return colon || !bare.iter().any(|b| core.split(' ').next() == Some(b));
    }
    if folded.ends_with("contributed to this report") {
        return true;
    }
    // "By Jane Doe", "By Jane Doe and John Roe, Reuters".
    let Some(names) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else {
        return false;
    };
    let names: Vec<&str> = names.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    !names.is_empty()
        && names.len() <= 8
        && !names.last().is_some_and(|w| w.ends_with(['.', '!', '?']) && w.chars().count() > 2)
        && names.iter().all(|w| text::is_capitalized(w) || LABEL_CONNECTORS.contains(w))
}

/// A line of only dates and times: `2025-03-14 18:05:09`.
pub(super) fn is_timestamp(line: &str) -> bool {
    !starts_with_plain_non_time_word(line) && is_timestamp_by_tokens(line)
}

/// [`is_timestamp`], token by token.
fn is_timestamp_by_tokens(line: &str) -> bool {
    // Some token must hold a digit, which the loop below checks as it
    // reads: a line of prose fails at its first word, before the scan for
    // a digit that stood here read it all (issue #5).
    let tokens = line
        .split(|c: char| is_space(c) || c == ',' || c == '|')
        .map(|t| t.trim_matches(|c: char| ":()-–—".contains(c)))
        .filter(|t| !t.is_empty());
    let numeric = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_digit() || "-/:.".contains(c))
    };
    let ordinal = |t: &str| {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&&t[digits.len()..])
    };
    // One to 12 tokens, each a number, an ordinal or a time word, and one
    // with a digit: read them one at a time and stop at the first that
    // settles it (issue #5: every line with a digit was split whole).
    let mut count = 0;
    let mut any_digit = false;
    for t in tokens {
        count += 1;
        let time_word = || TIME_WORDS.contains(text::fold_word(t).trim_end_matches(':'));
        if count > 12 || !(numeric(t) || ordinal(t) || time_word()) {
            return false;
        }
        any_digit |= t.chars().any(|c| c.is_ascii_digit());
    }
    count > 0 && any_digit
}

/// Whether the first token [`is_timestamp`] reads is plain ASCII letters
/// (with only ASCII separators and trimmed marks before it, and an ASCII
/// separator or the end after it) that are no time word: such a token is
/// neither a number nor an ordinal, so the line is no timestamp. So is a
/// first token that starts with a quotation mark, which no number, ordinal
/// or folded time word does. Told from the bytes, without splitting or
/// folding (issue #5: every line is tested, and prose fails at its first
/// word).
fn starts_with_plain_non_time_word(line: &str) -> bool {
    let b = line.as_bytes();
    let lead = |c: u8| matches!(c, b'\t'..=b'\r' | b' ' | b',' | b'|' | b':' | b'(' | b')' | b'-');
    let start = b.iter().position(|&c| !lead(c)).unwrap_or(b.len());
    if line[start..].starts_with(['"', '\'', '“', '”', '‘', '’', '«']) {
        return true;
    }
    let len = b[start..].iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(b.len() - start);
    let end = start + len;
    let separated = b.get(end).is_none_or(|&c| matches!(c, b'\t'..=b'\r' | b' ' | b',' | b'|'));
    // The longest time word has nine letters.
    if len == 0 || !separated || len > 9 {
        return len > 9 && separated;
    }
    // Looked up in any case by first byte and length, without lower-casing
    // a copy and hashing it (issue #5: every line is tested).
    static TIME: std::sync::OnceLock<Anchors> = std::sync::OnceLock::new();
    !TIME.get_or_init(|| Anchors::new(TIME_WORDS.iter())).contains(&b[start..end])
}

/// A short title-case line with no sentence punctuation.
pub(super) fn is_label(line: &str) -> bool {
    // Most lines are prose, ending in a period or holding a comma: rule
    // those out before splitting the line into words (issue #5).
    if line.ends_with('.')
        || line.contains([',', ';', ':', '!', '?', '"', '“', '”', '«', '»', '(', ')'])
    {
        return false;
    }
    // At most 8 words: take a 9th only to see that there are more.
    let words: Vec<&str> = line.split(is_space).filter(|w| !w.is_empty()).take(9).collect();
    let capital =
        |w: &&str| text::is_capitalized(w) || w.chars().all(|c| c.is_ascii_digit()) || *w == "&";
    !words.is_empty()
        && words.len() <= 8
        && words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && words.iter().all(|w| capital(w) || LABEL_CONNECTORS.contains(&text::fold_word(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify_line(line: &str) -> Option<BoilerplateKind> {
        let shape = classify(line, 0, &text::words(line, Span::new(0, line.len())));
        assert!(shape.may_tag || memchr::memchr2(b'<', b'[', line.as_bytes()).is_none(), "{line}");
        assert!(shape.may_be_label || !is_label(line), "{line}");
        shape.kind
    }

    #[test]
    fn a_partly_folded_line_cannot_be_a_phrase() {
        // `fold_for` relies on these being shorter than any partly folded
        // line: one byte per word at least.
        for set in [&NAVIGATION, &LINK_HEADINGS] {
            assert!(set.joined().iter().all(|p| p.len() <= FOLD_WHOLE_UP_TO), "{:?}", set.joined());
        }
    }

    #[test]
    fn long_lines_classify_the_same_folded_in_part() {
        let prose = "The minister told reporters on Monday that the talks would go on for \
                     as long as it takes, and that both sides had agreed to meet again in \
                     the capital next week to settle what was left";
        let cases = [
            prose.to_string(),
            format!("Photo: {prose}"),
            format!("Photos show {prose}"),
            format!("In this photo, {prose}"),
            format!("File photo by {prose}"),
            format!("{prose} (Photo by Jane Doe)"),
            format!("{prose}. Getty Images"),
            format!("{prose}, via G.etty IMAGES"),
            format!("{prose}. /AFP"),
            format!(
                "... ... ... ... ... ... ... ... ... ... ... ... ... ... ... ... ... ... Photo: {prose}"
            ),
            format!("«Ünïcödé» {prose} — Photo"),
            // 21 to 30 words: also read for link starts.
            "Read more: the minister told reporters on Monday that the talks would go on \
             for as long as it takes, she said"
                .to_string(),
            "Read moreover the minister told reporters on Monday that the talks would go \
             on for as long as it takes, she said"
                .to_string(),
            "... ... ... ... ... ... ... ... ... ... ... ... ... ... Related: the minister \
             told reporters on Monday that talks would go on"
                .to_string(),
        ];
        for line in &cases {
            assert!(line.len() > PREFIX);
            assert_eq!(classify_line(line), classify_whole(line), "{line}");
        }
        assert_eq!(classify_line(&cases[1]), Some(BoilerplateKind::Caption));
        assert_eq!(classify_line(&cases[6]), Some(BoilerplateKind::Caption));
        assert_eq!(classify_line(&cases[0]), None);
        assert_eq!(classify_line(&cases[11]), Some(BoilerplateKind::Link));
        assert_eq!(classify_line(&cases[12]), None);
    }

    #[test]
    fn a_plain_first_word_rules_out_a_timestamp_as_the_tokens_do() {
        let lines = [
            "The minister said",
            "Updated: 2025-03-14 18:05",
            "Monday, March 3, 2025",
            "(Mon) 12 Jan",
            ", | 3rd March",
            "Ministers 12",
            "Wednesdays 3",
            "Wednesday 3",
            "UPDATED 3 HOURS AGO",
            "Jan. 3",
            "Mon:day 3",
            "Thé 3",
            "March",
            "12:30 pm",
            "\u{212A}m 3",
            "",
            "   ",
            "-- 2024",
            "Jan’s 3",
            "abcdefghij 3",
            "Said the 3",
            "“We will 3",
            "(\"2024\")",
            "'3rd March",
            "« 3 »",
            "‘Jan 3",
            "\u{A0}“3",
        ];
        let mut ruled_out = 0;
        for line in lines {
            if starts_with_plain_non_time_word(line) {
                ruled_out += 1;
                assert!(!is_timestamp_by_tokens(line), "{line}");
            }
            assert_eq!(is_timestamp(line), is_timestamp_by_tokens(line), "{line}");
        }
        assert_eq!(ruled_out, 10);
        assert!(is_timestamp("Updated: 2025-03-14 18:05"));
    }

    #[test]
    fn getty_is_looked_for_through_periods_and_case() {
        assert!(may_fold_to_getty("via Getty Images"));
        assert!(may_fold_to_getty("G.E.T.T.Y"));
        assert!(!may_fold_to_getty("get ty"));
        assert!(!may_fold_to_getty("the gate of Tyre"));
    }

    proptest::proptest! {
        #[test]
        fn partial_folding_never_changes_the_kind(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Photo", "photo:", "by", "Getty", "Images", "via", "G.etty", "(Photo", "AFP)",
                    "/AFP", "In", "this", "the", "minister", "said", "U.S.", "...", "—", "Home",
                    "»", "2024", "Related", "Leave", "a", "reply", "Share", "Facebook", "Édouard",
                    "Read", "more:", "also", "Watch:", "Top", "stories",
                ]),
                0..60,
            )
        ) {
            let line = words.join(" ");
            proptest::prop_assert_eq!(classify_line(&line), classify_whole(&line), "{}", line);
        }
    }

    #[test]
    fn no_comment_phrase_overlaps_itself() {
        // `contains_comment_phrase` takes every occurrence, which is what
        // `str::match_indices` takes only when no phrase has a border (a
        // proper prefix that is also a suffix).
        for p in COMMENT_PHRASES.joined() {
            assert!((1..p.len()).all(|n| !p.ends_with(&p[..n])), "{p}");
        }
    }

    proptest::proptest! {
        /// Looking up anchors finds what searching for each phrase finds,
        /// on folded lines of phrase words and awkward chars.
        #[test]
        fn comment_anchors_match_the_search(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "leave a reply", "leave a comment", "a", "reply", "comment", "comments",
                    "save my name", "captcha", "recaptcha", "will not be published",
                    "all fields required", "be the first to", "cancel", "logged in", "the",
                    " ", "  ", "-", "'", "é", "ü", "\u{212A}", "\u{130}", "“", "”", ".", ",",
                    "2024", "x", "\u{A0}", "٣",
                ]),
                0..16,
            ),
        ) {
            let line = pieces.concat();
            proptest::prop_assert_eq!(
                contains_comment_phrase(&line),
                contains_comment_phrase_by_search(&line),
                "{:?}", line
            );
            let folded = text::fold(&line);
            proptest::prop_assert_eq!(
                contains_comment_phrase(&folded),
                contains_comment_phrase_by_search(&folded),
                "{:?}", folded
            );
        }
    }

    #[test]
    fn comment_phrases_are_found_as_whole_words_only() {
        assert!(contains_comment_phrase("leave a reply"));
        assert!(contains_comment_phrase("please leave a comment below"));
        assert!(contains_comment_phrase("(captcha)"));
        // Inside a longer word, or absent: no phrase, whether or not the
        // line holds a phrase's letters elsewhere.
        assert!(!contains_comment_phrase("recaptchas"));
        assert!(!contains_comment_phrase("cleave a reply"));
        assert!(!contains_comment_phrase("the minister did not reply"));
        assert!(!contains_comment_phrase(""));
        // A phrase whose first occurrence is inside a word still counts at
        // its next one.
        assert!(contains_comment_phrase("recaptcha then captcha"));
        assert!(contains_comment_phrase("save my name, email"));
        assert!(!contains_comment_phrase("save my namesake"));
        assert!(!contains_comment_phrase("leave a replyé"));
        assert!(contains_comment_phrase("“leave a reply”"));
        for line in
            ["recaptcha then captcha", "save my namesake", "leave a replyé", "x leave a reply"]
        {
            assert_eq!(contains_comment_phrase(line), contains_comment_phrase_by_search(line));
        }
    }
}
