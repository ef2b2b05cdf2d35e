//! Text primitives shared by every stage: white space, paragraphs,
//! sentences and words, all as [`Span`]s into the article as read.
//!
//! Nothing here copies or rewrites the article: normalization for
//! comparison ([`fold`]) produces a new string and is only used to compare
//! words, never to compute offsets.

use crate::Span;

/// Whether `c` is white space for our purposes: Unicode white space (which
/// includes U+00A0 NO-BREAK SPACE and the U+2000 block) plus the
/// zero-width characters scraped text is full of (U+200B..U+200D, U+2060,
/// U+FEFF byte-order mark).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `c` is a letter or digit: exactly `char::is_alphanumeric`,
/// answered without Unicode tables for ASCII and for the General
/// Punctuation block (U+2000..U+206F: typographic quotes and dashes, the
/// ellipsis, special spaces), which holds no letter or digit. News text
/// is full of those marks and a table look-up costs a few hundred
/// instructions (issue #5).
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `c` ends a line: LF, CR, U+2028 LINE SEPARATOR or U+2029
/// PARAGRAPH SEPARATOR.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether `c` is an apostrophe or single quotation mark as used inside
/// words (government’s, Kata'ib).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´')
}

/// Whether `c` is a dash or hyphen.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―')
}

/// The span of `span` without leading and trailing [white space](is_space).
///
/// Most spans start and end with a printable ASCII char or a quotation
/// mark, which is no white space: nothing to trim at that end, and no need
/// for the general search there (issue #5: every paragraph, line and
/// sentence is trimmed, and one in three lines of news starts or ends with
/// a quotation mark, which sent both ends to the search). Spans with
/// neither end to trim are answered inline.
#[inline]
pub fn trim(text: &str, span: Span) -> Span {
    let b = &text.as_bytes()[span.range()];
    if starts_with_no_space(b) && ends_with_no_space(b) {
        // Both ends are then char boundaries, as slicing the `str` would
        // have checked: the span starts with an ASCII byte or a lead byte
        // and ends with a whole char.
        debug_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        return span;
    }
    trim_ends(text, span)
}

/// [`trim`] of a span with an end that may be white space.
#[inline(never)]
fn trim_ends(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let b = s.as_bytes();
    let start = if starts_with_no_space(b) {
        span.start
    } else {
        span.start + (s.len() - s.trim_start_matches(is_space).len())
    };
    let end = if ends_with_no_space(b) {
        span.end
    } else {
        span.start + s.trim_end_matches(is_space).len()
    };
    if start >= end { Span::new(span.start, span.start) } else { Span::new(start, end) }
}

/// Whether `b` starts with a char that is certainly no [white
/// space](is_space): a printable ASCII char, or one of U+2010..=U+2027
/// (dashes, quotation marks, bullets, the ellipsis: E2 80 90 to E2 80 A7),
/// none of which is white space.
fn starts_with_no_space(b: &[u8]) -> bool {
    match b {
        [c, ..] if c.is_ascii_graphic() => true,
        [0xE2, 0x80, 0x90..=0xA7, ..] => true,
        _ => false,
    }
}

/// [`starts_with_no_space`] for the char that ends `b`.
fn ends_with_no_space(b: &[u8]) -> bool {
    match b {
        [.., c] if c.is_ascii_graphic() => true,
        [.., 0xE2, 0x80, 0x90..=0xA7] => true,
        _ => false,
    }
}

/// [`trim`] as it was: both ends searched unless both are printable
/// ASCII. The oracle of the tests.
#[cfg(test)]
fn trim_plain(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    if printable(s.as_bytes().first()) && printable(s.as_bytes().last()) {
        return span;
    }
    let start = span.start + (s.len() - s.trim_start_matches(is_space).len());
    let end = span.start + s.trim_end_matches(is_space).len();
    if start >= end { Span::new(span.start, span.start) } else { Span::new(start, end) }
}

/// The article's paragraphs, trimmed of white space, in order.
///
/// When the text separates paragraphs with blank lines anywhere, a
/// paragraph is a block of lines between blank lines (so hard-wrapped text
/// keeps its paragraphs whole); otherwise every non-blank line is a
/// paragraph, as in most scraped news. CRLF, lone CR, U+2028 and U+2029
/// all end lines.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    // A line that starts with no white space is not blank: most lines, told
    // from their first bytes (issue #5: each line is asked up to four
    // times, and a char decoded and looked up each time).
    let blank = |s: Span| {
        !starts_with_no_space(&text.as_bytes()[s.range()]) && text[s.range()].chars().all(is_space)
    };
    let blocks = lines.iter().any(|&l| blank(l))
        && lines.iter().filter(|&&l| !blank(l)).count() > 1
        && lines.windows(2).any(|w| !blank(w[0]) && !blank(w[1]));
    if !blocks {
        // Collected in place, into the vector of lines (issue #5: a new
        // vector grew line by line).
        return lines.into_iter().filter(|&l| !blank(l)).map(|l| trim(text, l)).collect();
    }
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        if blank(line) {
            out.extend(current.take().map(|p| trim(text, p)));
        } else {
            current = Some(match current {
                Some(p) => Span::new(p.start, line.end),
                None => line,
            });
        }
    }
    out.extend(current.map(|p| trim(text, p)));
    out
}

/// Lines of `text`, without their line ends.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, len) in line_breaks(text) {
        // CRLF is one line end: the LF after a CR only moves the start.
        if i > 0 && bytes[i] == b'\n' && bytes[i - 1] == b'\r' && start == i {
            start = i + 1;
            continue;
        }
        out.push(Span::new(start, i));
        start = i + len;
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// The [line breaks](is_line_break) of `s` in order: each one's offset
/// and length in bytes. Found with `memchr` on their bytes (LF, CR, and
/// the lead byte of U+2028 and U+2029) instead of decoding every `char`
/// (issue #5).
pub fn line_breaks(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    line_breaks_with(s, holds_separator(s))
}

/// Whether `s` holds U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR
/// (E2 80 A8, E2 80 A9), found by their last bytes, which few texts hold
/// otherwise (`©` is C2 A9).
pub fn holds_separator(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xA8, 0xA9, b).any(|i| i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80)
}

/// [`line_breaks`] of `s`, which holds U+2028 or U+2029 only if
/// `separators` (as [`holds_separator`] says of `s` or of a text around
/// it).
///
/// Without them only LF and CR are looked for: the lead byte E2 also
/// starts the curly quotation marks and dashes of news text, each a stop
/// of the search that ends no line (issue #5: some 80 instructions a
/// stop, half a million on 500 articles).
pub fn line_breaks_with(s: &str, separators: bool) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let lead = if separators { 0xE2 } else { b'\n' };
    memchr::memchr3_iter(b'\n', b'\r', lead, bytes).filter_map(move |i| match bytes[i] {
        b'\n' | b'\r' => Some((i, 1)),
        // U+2028 is E2 80 A8 and U+2029 is E2 80 A9.
        _ => (bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)))
            .then_some((i, 3)),
    })
}

/// Splits the paragraph `para` into sentences.
///
/// `opaque` lists spans (quotes, with their marks) that are never split:
/// a period inside a quote ends the sentence only when the quote is
/// followed by a new sentence. A sentence ends at `.`, `!`, `?` or `…`
/// followed by white space and an upper-case letter, a digit or an opening
/// mark, unless the period ends an abbreviation (`Gen.`, `U.S.`, an
/// initial). Within a paragraph made of several lines, a line break ends
/// a sentence unless the line ends in a lower-case letter or a comma (a
/// hard-wrapped line). A sentence that runs on for more than
/// [`MAX_SENTENCE`] bytes is cut at the next white space.
///
/// `opaque` must be sorted by start and its spans must not overlap, as the
/// top-level quotes of [`crate::quote::find_quotes`] are; only those
/// starting inside `para` are looked at, found by binary search, so
/// splitting every paragraph of an article costs time linear in its
/// length, however many quotes it has.
pub fn sentences(text: &str, para: Span, opaque: &[Span]) -> Vec<Span> {
    // Room for a few sentences from the start (issue #5: the first push
    // went through the vector's growth, some 110 instructions a paragraph).
    let mut out = Vec::with_capacity(4);
    let mut start = para.start;
    let mut i = para.start;
    let bytes = text.as_bytes();
    let mut next_opaque = opaque.partition_point(|q| q.start < para.start);
    while i < para.end {
        while opaque.get(next_opaque).is_some_and(|q| q.start < i) {
            next_opaque += 1;
        }
        if let Some(q) = opaque.get(next_opaque).filter(|q| q.start == i) {
            i = q.end.min(para.end);
            // A quote ending in terminal punctuation followed by a new
            // sentence ends the sentence it is in.
            let inner = text[q.range()].trim_end_matches(|c: char| !is_alnum(c));
            let tail = &text[q.start + inner.len()..q.end];
            let terminal =
                tail.contains(['!', '?', '…']) || tail.contains('.') && !is_abbreviation(inner);
            if terminal && starts_sentence(&text[i..para.end]) {
                out.push(Span::new(start, i));
                start = i;
            }
            continue;
        }
        // Until the sentence is long enough to be cut, only terminators
        // and line breaks (whose encodings start with one of these bytes)
        // and the next quote matter: jump to the first of them (issue #5).
        // On a char boundary, as `i` may jump there (past a char it
        // would split, when nothing before it is a terminator).
        let mut limit = start + MAX_SENTENCE;
        while limit < para.end && !text.is_char_boundary(limit) {
            limit += 1;
        }
        if i < limit {
            let stop =
                opaque.get(next_opaque).map_or(para.end, |q| q.start).min(limit).min(para.end);
            if let Some(k) = first_sentence_byte(&bytes[i..stop]) {
                i += k;
            } else {
                i = stop;
                continue;
            }
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let next = i + c.len_utf8();
        if i - start >= MAX_SENTENCE && is_space(c) {
            // No real sentence is this long: cut it, so that the work done
            // per sentence (mentions, cues, subjects) stays bounded.
            out.push(Span::new(start, i));
            start = i;
        }
        let ends = match c {
            '.' => !is_abbreviation(&text[start..i]),
            '!' | '?' | '…' => true,
            _ if is_line_break(c) => {
                let before = text[start..i].trim_end_matches(is_space);
                !before.ends_with(|c: char| c.is_lowercase() || c == ',')
            }
            _ => false,
        };
        if ends && next <= para.end {
            let rest = &text[next..para.end];
            // Closing brackets after the terminator stay in this sentence.
            let skip = rest.len() - rest.trim_start_matches([')', ']']).len();
            if is_line_break(c) || starts_sentence(&rest[skip..]) {
                let end = next + skip;
                out.push(Span::new(start, end));
                start = end;
                i = end;
                continue;
            }
        }
        i = next;
        debug_assert!(i <= bytes.len());
    }
    if start < para.end {
        out.push(Span::new(start, para.end));
    }
    out.into_iter().map(|s| trim(text, s)).filter(|s| !s.is_empty()).collect()
}

/// The index of the first byte of `bytes` that starts a char
/// [`sentences`] looks at before a sentence is long enough to cut: `.`,
/// `!`, `?`, LF, CR, and E2 (`…`, U+2028, U+2029, among others).
///
/// Two vectorised searches for three bytes each, the second only up to
/// where the first stopped (issue #5: a table look-up a byte over the
/// narration between two terminators was a third of splitting sentences).
fn first_sentence_byte(bytes: &[u8]) -> Option<usize> {
    let first = memchr::memchr3(b'.', b'\n', 0xE2, bytes);
    memchr::memchr3(b'!', b'?', b'\r', &bytes[..first.unwrap_or(bytes.len())]).or(first)
}

/// The bytes [`first_sentence_byte`] looks for, by byte: the oracle the
/// tests hold it to.
#[cfg(test)]
static IS_SENTENCE_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table[0xE2] = true;
    table
};

/// Whether `rest` (the text after a terminator) starts a new sentence:
/// white space, then an upper-case letter, a digit or an opening mark.
fn starts_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(is_space);
    if trimmed.len() == rest.len() {
        return false;
    }
    match trimmed.chars().next() {
        None => false,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "“\"‘«„”(['".contains(c),
    }
}

/// Whether the text before a period ends in an abbreviation.
///
/// Only the last [`MAX_ABBREVIATION`] bytes are looked at: a longer word
/// is no abbreviation, and looking further back at every period of a long
/// run of text with no space (`a.a.a.…`) would take quadratic time.
fn is_abbreviation(before: &str) -> bool {
    // Most periods end a word of two or more lower-case ASCII letters
    // after a space: such a word is neither an initial nor dotted, and is
    // an abbreviation only if the list has it, as it is (issue #5: the
    // general rules below decode the word's chars four times over).
    let bytes = before.as_bytes();
    let letters = bytes.iter().rev().take_while(|b| b.is_ascii_lowercase()).count();
    let word_start = bytes.len() - letters;
    if letters >= 2 && (word_start == 0 || bytes[word_start - 1] == b' ') {
        return crate::lexicon::ABBREVIATIONS.contains(&before[word_start..]);
    }
    abbreviation_by_rules(before)
}

/// [`is_abbreviation`] by its general rules, whatever the word.
fn abbreviation_by_rules(before: &str) -> bool {
    let mut from = before.len().saturating_sub(MAX_ABBREVIATION + 1);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    let word = match window.rsplit_once(|c: char| is_space(c) || c == '(') {
        Some((_, word)) => word,
        None if from > 0 => return false,
        None => window,
    };
    let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    // An initial (J.) or a dotted abbreviation (U.S, J.B).
    if word.chars().filter(|c| c.is_alphabetic()).count() == 1
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
    {
        return first.is_uppercase();
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    // Lower case without allocating for ASCII words (at most
    // `MAX_ABBREVIATION` + 1 bytes, as the window is).
    let mut buf = [0u8; MAX_ABBREVIATION + 1];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).expect("ASCII");
        return crate::lexicon::ABBREVIATIONS.contains(lower);
    }
    crate::lexicon::ABBREVIATIONS.contains(&word.to_lowercase())
}

/// The length in bytes after which [`sentences`] cuts a sentence that has
/// not ended, at its next white space. Real sentences are far shorter
/// (news sentences rarely pass 400 bytes); the cut keeps attribution,
/// whose work grows with the square of the mentions and cues in one
/// sentence, linear in the length of a text with no sentence breaks.
pub const MAX_SENTENCE: usize = 2000;

/// The longest word, in bytes, that [`sentences`] takes for an
/// abbreviation.
const MAX_ABBREVIATION: usize = 32;

/// A word: a run of letters and digits, with apostrophes, hyphens and
/// periods inside it (government’s, al-Fulani, U.S.) and a final period
/// after a dotted abbreviation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where the word is.
    pub span: Span,
}

impl Word {
    /// The word's text.
    pub fn as_str(self, text: &str) -> &str {
        &text[self.span.range()]
    }
}

/// The words in `span`, in order. Punctuation and white space between
/// words are skipped; callers that need them look at the text between two
/// words' spans.
pub fn words(text: &str, span: Span) -> Vec<Word> {
    words_up_to(text, span, usize::MAX)
}

/// The first `max` [`words`] in `span`, reading no further than the last
/// of them.
///
/// Most words are a run of ASCII letters and digits that ends at an ASCII
/// byte joining nothing (white space, most punctuation): those are found
/// with one table look-up a byte in loops of their own, and only a word
/// that starts with a non-ASCII char or reaches a possible joiner
/// (apostrophe, hyphen, period, comma) or a non-ASCII byte goes through
/// the general rules of `word_end` (issue #5: splitting the article
/// into words was 6% of the instructions of `quotes`, some 130 a word,
/// with the loop state spilled to the stack). The loops index the bytes
/// and the word's span is made without [`Span::new`]'s check, which kept
/// the scan's state in registers: 4 M fewer instructions on 500 generated
/// articles than scanning with `Iterator::position`.
pub fn words_up_to(text: &str, span: Span, max: usize) -> Vec<Word> {
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    let n = bytes.len();
    // About one word in six bytes of news text.
    let mut out = Vec::with_capacity((n / 6 + 1).min(max).min(1024));
    let mut i = 0;
    while out.len() < max {
        // ASCII white space and punctuation, between most words, start
        // none: step over them without decoding a char.
        while i < n && ASCII_BETWEEN[usize::from(bytes[i])] {
            i += 1;
        }
        if i == n {
            break;
        }
        let end = if ASCII_ALNUM[usize::from(bytes[i])] {
            let mut run = i + 1;
            while run < n && ASCII_ALNUM[usize::from(bytes[run])] {
                run += 1;
            }
            if run == n || ENDS_WORD[usize::from(bytes[run])] {
                run
            } else if matches!(bytes[run], b'.' | b',')
                && (run + 1 == n || ASCII_BETWEEN[usize::from(bytes[run + 1])])
            {
                // A comma or period before white space or punctuation (the
                // end of a clause or sentence) joins nothing: the period
                // stays only after an initial, as `word_end` says (issue
                // #5: a sixth of the words went there, 120 instructions
                // each).
                let initial = run == i + 1 && bytes[i].is_ascii_uppercase();
                if bytes[run] == b'.' && initial { run + 1 } else { run }
            } else {
                word_end(s, i, run)
            }
        } else {
            let (c, len) = char_at(s, i);
            if !is_alnum(c) {
                i += len;
                continue;
            }
            word_end(s, i, i + len)
        };
        // `i < end`: no `Span::new` check needed.
        out.push(Word { span: Span { start: span.start + i, end: span.start + end } });
        i = end;
    }
    out
}

/// The end of the word that starts at byte `i` of `s` (with a letter or
/// digit) and holds at least the bytes up to `end`, which ends a char:
/// letters, digits and soft hyphens go on, a joiner stays in the word
/// only when a letter or digit follows it, and a final period stays after
/// a dotted abbreviation or an initial.
///
/// Kept out of line: inlined, it left [`words_up_to`]'s byte loops short
/// of registers.
#[inline(never)]
fn word_end(s: &str, i: usize, mut end: usize) -> usize {
    let bytes = s.as_bytes();
    let (c, first_len) = char_at(s, i);
    let mut dotted = false;
    // Bytes up to `end` are in the word; `j` is the next char.
    let mut j = end;
    while j < s.len() {
        if ASCII_ALNUM[usize::from(bytes[j])] {
            j += 1;
            while j < s.len() && ASCII_ALNUM[usize::from(bytes[j])] {
                j += 1;
            }
            end = j;
            continue;
        }
        if ENDS_WORD[usize::from(bytes[j])] {
            break;
        }
        let (d, dlen) = char_at(s, j);
        if is_alnum(d) || d == '\u{AD}' {
            j += dlen;
            end = j;
            continue;
        }
        // A joiner stays in the word only when a letter or digit follows.
        let joins = is_apostrophe(d) || is_dash(d) && d != '—' && d != '–' || d == '.' || d == ',';
        if joins {
            let after = s[j + dlen..].chars().next();
            let digits_around = d == ','
                && s[..j].ends_with(|c: char| c.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_digit());
            if after.is_some_and(is_alnum) && (d != ',' || digits_around) {
                dotted |= d == '.';
                j += dlen;
                end = j;
                continue;
            }
        }
        // The last period of a dotted abbreviation (U.S.) or of an
        // initial (Q.) is part of it.
        let initial = end == i + first_len && c.is_uppercase();
        let dotted_end =
            dotted && s[i..end].rsplit('.').next().is_some_and(|p| p.chars().count() == 1);
        if d == '.' && (initial || dotted_end) {
            end = j + 1;
        }
        break;
    }
    end
}

/// The ASCII bytes that end a word wherever they stand: neither letters
/// nor digits nor a joiner (apostrophe, backtick, hyphen, period, comma).
static ENDS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !(b as u8).is_ascii_alphanumeric()
            && !matches!(b as u8, b'\'' | b'`' | b'-' | b'.' | b',');
        b += 1;
    }
    table
};

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The ASCII bytes that are neither letters nor digits: white space and
/// punctuation, which [`words_up_to`] steps over between words.
static ASCII_BETWEEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !(b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The `char` at byte `i` of `s` and its length, with no decoding for
/// ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (char::from(b), 1)
    } else {
        let c = s[i..].chars().next().expect("i is on a char boundary");
        (c, c.len_utf8())
    }
}

/// The words of `words` (in text order, as [`words`] gives them) that lie
/// inside `span`, found by binary search.
///
/// When `span` starts and ends at white space, a line break or the ends of
/// the text (as paragraphs, lines and sentences do), these are exactly
/// `words(text, span)` for the `words` of any larger span around it: a
/// word never straddles white space.
pub fn words_within(words: &[Word], span: Span) -> &[Word] {
    let from = words.partition_point(|w| w.span.start < span.start);
    let to = from + words[from..].partition_point(|w| w.span.end <= span.end);
    &words[from..to]
}

/// Folds a string for comparison: lower case, typographic apostrophes and
/// dashes to ASCII, periods inside abbreviations removed (U.S. → us),
/// white space runs to one space.
///
/// Allocates the result; [`fold_into`] appends to a buffer instead.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the [folded](fold) form of `s` to `out`.
///
/// Works on the bytes of `out` (checked as UTF-8 once at the end, which
/// for ASCII is a fast scan): plain ASCII bytes, most of English news, are
/// lower-cased and pushed one at a time, with no Unicode table look-ups
/// and none of `String::push`'s encoding of a `char` (issue #5: folding
/// was the top of the profile; pushing bytes instead of chars or copied
/// runs saved about 1% of the instructions of `quotes`).
pub fn fold_into(s: &str, out: &mut String) {
    let mut bytes_out = std::mem::take(out).into_bytes();
    fold_bytes(s, &mut bytes_out);
    *out = String::from_utf8(bytes_out).expect("folding appends whole chars");
}

/// [`fold_into`] on the bytes of a string.
fn fold_bytes(s: &str, out: &mut Vec<u8>) {
    let base = out.len();
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !FOLD_SPECIAL[usize::from(b)] {
            if space {
                out.push(b' ');
                space = false;
            }
            // A run of such bytes, with single spaces between them (which
            // fold to themselves there), is copied at once and lower-cased
            // in place (issue #5: a push for every byte).
            let start = i;
            i += 1;
            loop {
                while i < bytes.len() && !FOLD_SPECIAL[usize::from(bytes[i])] {
                    i += 1;
                }
                if bytes.get(i) == Some(&b' ')
                    && bytes.get(i + 1).is_some_and(|&c| !FOLD_SPECIAL[usize::from(c)])
                {
                    i += 2;
                    continue;
                }
                break;
            }
            let at = out.len();
            out.extend_from_slice(&bytes[start..i]);
            out[at..].make_ascii_lowercase();
            continue;
        }
        // ASCII white space and the period, the bytes between most words,
        // are answered here without decoding a char: the rules below give
        // the same for them (issue #5).
        match b {
            b'\t'..=b'\r' | b' ' => {
                space = out.len() > base;
                i += 1;
                continue;
            }
            b'.' => {
                if space {
                    out.push(b' ');
                    space = false;
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        let c = s[i..].chars().next().expect("i is on a char boundary");
        i += c.len_utf8();
        // White space is TAB..CR and space (what `char::is_whitespace`
        // accepts in ASCII) and the rest of `is_space`.
        if is_space(c) {
            space = out.len() > base;
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        let mut utf8 = [0; 4];
        match c {
            '.' => {}
            c if is_apostrophe(c) => out.push(b'\''),
            c if is_dash(c) => out.push(b'-'),
            c => {
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
                }
            }
        }
    }
}

/// [`fold_bytes`] as it was, a byte pushed at a time: the oracle of the
/// tests.
#[cfg(test)]
fn fold_bytes_plain(s: &str, out: &mut Vec<u8>) {
    let base = out.len();
    let bytes = s.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !FOLD_SPECIAL[usize::from(b)] {
            if space {
                out.push(b' ');
                space = false;
            }
            out.push(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("i is on a char boundary");
        i += c.len_utf8();
        if is_space(c) {
            space = out.len() > base;
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        let mut utf8 = [0; 4];
        match c {
            '.' => {}
            c if is_apostrophe(c) => out.push(b'\''),
            c if is_dash(c) => out.push(b'-'),
            c => {
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
                }
            }
        }
    }
}

/// The bytes [`fold_into`] cannot copy as they are (after lower-casing):
/// ASCII white space, `.`, the backtick, and every byte of a non-ASCII
/// char.
static FOLD_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || matches!(b as u8, b'\t'..=b'\r' | b' ' | b'.' | b'`');
        b += 1;
    }
    table
};

/// What [`fold_word_with`] needs to know of a byte: [`UPPER`] for an
/// ASCII upper-case letter, [`SPECIAL`] for a byte of [`FOLD_SPECIAL`],
/// zero for a byte that folds to itself.
static FOLD_KIND: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if FOLD_SPECIAL[b] {
            SPECIAL
        } else if (b as u8).is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    table
};
const UPPER: u8 = 1;
const SPECIAL: u8 = 2;

/// Whether byte `b` folds to its ASCII lower case wherever it stands
/// (neither white space, `.`, the backtick nor part of a non-ASCII char):
/// a word of such bytes is [folded](fold) by lower-casing it.
#[inline]
pub fn folds_to_lower(b: u8) -> bool {
    FOLD_KIND[usize::from(b)] != SPECIAL
}

/// A [folded](fold) word. Words are short, so this keeps them inline (up
/// to 24 bytes) instead of allocating a `String` for each: folding every
/// word of every sentence was the largest source of allocations (issue
/// #5).
pub type FoldedWord = compact_str::CompactString;

/// The [folded](fold) form of each of `words`, in order.
pub fn fold_words(text: &str, words: &[Word]) -> Vec<FoldedWord> {
    let mut out = Vec::with_capacity(words.len());
    fold_words_into(text, words, &mut out);
    out
}

/// [`fold_words`], appended to `out`.
pub fn fold_words_into(text: &str, words: &[Word], out: &mut Vec<FoldedWord>) {
    let mut buf = String::new();
    out.extend(words.iter().map(|w| fold_word_with(w.as_str(text), &mut buf)));
}

/// How a word [folds](fold).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FoldKind {
    /// To itself: plain ASCII with no upper case, white space, period or
    /// backtick, as most words of news are.
    Itself,
    /// To its ASCII lower case: as `Itself`, but with upper case.
    Lower,
    /// By the general rules of [`fold_into`].
    General,
}

/// How `word` folds, from the kinds of its bytes.
#[inline]
pub(crate) fn fold_kind(word: &str) -> FoldKind {
    match word.bytes().fold(0, |kinds, b| kinds | FOLD_KIND[usize::from(b)]) {
        0 => FoldKind::Itself,
        UPPER => FoldKind::Lower,
        _ => FoldKind::General,
    }
}

/// Appends the [folded](fold) form of `word`, which folds as `kind`
/// (what [`fold_kind`] says of it), to `out`, unless `word` is its own
/// folded form: then `out` is left as it is and the answer is `false`.
/// `scratch` is room for the general rules.
///
/// For a table of folded words kept in one string, in which most words
/// need no copy (issue #5).
#[inline]
pub(crate) fn fold_word_onto(
    word: &str,
    kind: FoldKind,
    out: &mut String,
    scratch: &mut String,
) -> bool {
    match kind {
        FoldKind::Itself => return false,
        FoldKind::Lower => {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        }
        FoldKind::General => {
            // Not `fold_into(word, out)`: that checks all of `out` as UTF-8.
            scratch.clear();
            fold_into(word, scratch);
            out.push_str(scratch);
        }
    }
    true
}

/// The [folded](fold) form of one word (or any string): the same text as
/// [`fold`], kept inline when short, so that folding a word to look it up
/// allocates nothing.
pub fn fold_word(word: &str) -> FoldedWord {
    fold_word_with(word, &mut String::new())
}

/// [`fold_word`], with `buf` as scratch for words that need the general
/// rules.
///
/// Most words are plain ASCII letters and digits (no white space, period,
/// backtick or non-ASCII char), whose folded form is simply their lower
/// case: those are copied and lower-cased in place, instead of going
/// through [`fold_into`] and a scratch string, which cost some 200
/// instructions a word (issue #5).
fn fold_word_with(word: &str, buf: &mut String) -> FoldedWord {
    // What kinds of bytes the word holds, in one pass: most words are
    // lower case already, and are copied as they are (issue #5: lower-casing
    // a copy byte by byte was a fifth of folding a word).
    let kinds = word.bytes().fold(0, |kinds, b| kinds | FOLD_KIND[usize::from(b)]);
    if kinds == 0 {
        return FoldedWord::from(word);
    }
    if kinds == UPPER {
        let mut folded = FoldedWord::from(word);
        folded.make_ascii_lowercase();
        return folded;
    }
    buf.clear();
    fold_into(word, buf);
    FoldedWord::from(buf.as_str())
}

/// Whether the word starts with an upper-case letter (after an `al-`
/// style particle: al-Fulani counts as capitalized).
pub fn is_capitalized(word: &str) -> bool {
    // A word that starts upper-case is capitalized whether or not a
    // particle is stripped (Al-qaeda, Al-Fulani).
    if word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return true;
    }
    let core = strip_particle(word);
    core.chars().next().is_some_and(char::is_uppercase)
}

/// Arabic-style name particles written with a hyphen before the name:
/// al-Fulani, el-Sisi, Al-Saadi, ad-Din.
#[inline]
pub fn strip_particle(word: &str) -> &str {
    if !may_start_with_particle(word) {
        return word;
    }
    strip_hyphened_particle(word)
}

/// Whether `word` has a hyphen where a particle's would be: every
/// particle [`strip_particle`] strips is two or three letters and a
/// hyphen. Most words have none, and are told from two bytes, where the
/// call was inlined (issue #5).
#[inline]
pub fn may_start_with_particle(word: &str) -> bool {
    let b = word.as_bytes();
    b.get(2).is_some_and(|&c| c == b'-' || c == 0xE2) || b.get(3) == Some(&b'-')
}

/// [`strip_particle`] for a word with a hyphen where a particle's would be.
#[inline(never)]
fn strip_hyphened_particle(word: &str) -> &str {
    for p in ["al-", "Al-", "el-", "El-", "ad-", "ar-", "as-", "at-", "an-", "az-", "ash-", "ad‐"]
    {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return rest;
            }
        }
    }
    word
}

/// [`words_up_to`] as it read every word before the fast path: the
/// oracle the tests hold it to.
#[cfg(test)]
fn words_up_to_plain(text: &str, span: Span, max: usize) -> Vec<Word> {
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    // About one word in six bytes of news text.
    let mut out = Vec::with_capacity((s.len() / 6 + 1).min(max).min(1024));
    let mut i = 0;
    while i < s.len() {
        if out.len() >= max {
            break;
        }
        // ASCII white space and punctuation, between most words, start
        // none: step over them without decoding a char (issue #5).
        if ASCII_BETWEEN[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let (c, len) = char_at(s, i);
        if !is_alnum(c) {
            i += len;
            continue;
        }
        let first_len = len;
        let mut end = i + len;
        let mut dotted = false;
        // Bytes up to `end` are in the word; `j` is the next char.
        let mut j = end;
        while j < s.len() {
            // ASCII letters and digits, most of every word, take one table
            // look-up each, in a loop of their own (issue #5).
            if ASCII_ALNUM[usize::from(bytes[j])] {
                j += 1;
                while j < s.len() && ASCII_ALNUM[usize::from(bytes[j])] {
                    j += 1;
                }
                end = j;
                continue;
            }
            // Any other ASCII byte but a joiner (white space, most
            // punctuation) ends the word, and none of the rules below
            // applies to it: most words end this way.
            if bytes[j].is_ascii() && !matches!(bytes[j], b'\'' | b'`' | b'-' | b'.' | b',') {
                break;
            }
            let (d, dlen) = char_at(s, j);
            if is_alnum(d) || d == '\u{AD}' {
                j += dlen;
                end = j;
                continue;
            }
            // A joiner stays in the word only when a letter or digit follows.
            let joins =
                is_apostrophe(d) || is_dash(d) && d != '—' && d != '–' || d == '.' || d == ',';
            if joins {
                let after = s[j + dlen..].chars().next();
                let digits_around = d == ','
                    && s[..j].ends_with(|c: char| c.is_ascii_digit())
                    && after.is_some_and(|c| c.is_ascii_digit());
                if after.is_some_and(is_alnum) && (d != ',' || digits_around) {
                    dotted |= d == '.';
                    j += dlen;
                    end = j;
                    continue;
                }
            }
            // The last period of a dotted abbreviation (U.S.) or of an
            // initial (Q.) is part of it.
            let initial = end == i + first_len && c.is_uppercase();
            let dotted_end =
                dotted && s[i..end].rsplit('.').next().is_some_and(|p| p.chars().count() == 1);
            if d == '.' && (initial || dotted_end) {
                end = j + 1;
            }
            break;
        }
        out.push(Word { span: Span::new(span.start + i, span.start + end) });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn paragraphs_by_line_or_by_block() {
        let t = "One.\nTwo.\r\nThree.";
        assert_eq!(strs(t, &paragraphs(t)), ["One.", "Two.", "Three."]);
        let t = "\u{FEFF}First line\nwrapped.\n\n  Second.  \n\n";
        assert_eq!(strs(t, &paragraphs(t)), ["First line\nwrapped.", "Second."]);
        let t = "A.\rB.";
        assert_eq!(strs(t, &paragraphs(t)), ["A.", "B."]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        struct Case(&'static str, &'static [&'static str]);
        let cases = [
            Case(
                "The U.S. forces left. Then Gen. Smith spoke.",
                &["The U.S. forces left.", "Then Gen. Smith spoke."],
            ),
            Case("Joel J. Vowell left. He said so!", &["Joel J. Vowell left.", "He said so!"]),
            Case("It rose 2.5 percent. Next.", &["It rose 2.5 percent.", "Next."]),
            Case("He wept (briefly.) Then left.", &["He wept (briefly.)", "Then left."]),
        ];
        for Case(text, want) in cases {
            let p = Span::new(0, text.len());
            assert_eq!(strs(text, &sentences(text, p, &[])), want, "{text}");
        }
    }

    #[test]
    fn abbreviations_of_lower_case_words_as_the_general_rules_say() {
        let long = "x".repeat(40);
        let cases = [
            "He met the gen",
            "the approx",
            "etc",
            "(etc",
            "said the minister",
            "talks were over",
            "a",
            "the a",
            "x dr",
            "x\u{A0}dr",
            "x.dr",
            "U.S",
            "J",
            "Mr",
            "met Mr",
            "the st",
            "über",
            "2,5",
            "ab-st",
            "co",
            &long,
            "",
        ];
        for before in cases {
            assert_eq!(is_abbreviation(before), abbreviation_by_rules(before), "{before:?}");
        }
        assert!(is_abbreviation("the gen") && !is_abbreviation("the general"));
    }

    #[test]
    fn a_quote_ending_a_sentence_splits_only_before_a_new_one() {
        let t = "He said: “It is over.” Then he left. “Fine,” he said.";
        let q1 = Span::new(t.find('“').unwrap(), t.find('”').unwrap() + '”'.len_utf8());
        let second = t.rfind('“').unwrap();
        let q2 = Span::new(second, t.rfind('”').unwrap() + '”'.len_utf8());
        let got = sentences(t, Span::new(0, t.len()), &[q1, q2]);
        assert_eq!(strs(t, &got), ["He said: “It is over.”", "Then he left.", "“Fine,” he said."]);
    }

    #[test]
    fn words_keep_inner_joiners() {
        let t = "the government’s U.S.-led al-Kaabi Kata'ib, 2,500 troops; Houthis’ (J.B.) end.";
        let got: Vec<&str> = words(t, Span::new(0, t.len())).iter().map(|w| w.as_str(t)).collect();
        assert_eq!(
            got,
            [
                "the",
                "government’s",
                "U.S.",
                "led",
                "al-Kaabi",
                "Kata'ib",
                "2,500",
                "troops",
                "Houthis",
                "J.B.",
                "end"
            ]
        );
    }

    #[test]
    fn words_with_the_fast_path_as_the_plain_rules_say() {
        let cases = [
            "",
            " ",
            "a",
            "U.S.",
            "U.S",
            "Q. Smith",
            "É. Smith",
            "2,500 troops, 3,",
            "a,b 1,b a,1",
            "don't rock’n’roll ʼx `y´z",
            "al-Kaabi al— x–y ‐z ‑w --v a-",
            "soft\u{AD}hyphen \u{AD}x",
            "Ünïcödé wörds ÉTÉ İstanbul 東京 x東京",
            "end.",
            "J.B.) x.y. a.b.c. ab.cd.",
            "“quoted” ‘words’ «here» … — x",
            "tab\tline\nbreak\r\nnbsp\u{A0}zw\u{200B}x",
        ];
        for t in cases {
            for max in [0, 1, 2, usize::MAX] {
                let span = Span::new(0, t.len());
                assert_eq!(words_up_to(t, span, max), words_up_to_plain(t, span, max), "{t:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_the_plain_rules_anywhere(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "7", "É", "ß", "東", " ", "\u{A0}", "\n", ".", ",", "'", "’", "`",
                    "-", "‐", "—", "–", "\u{AD}", "“", "”", "(", ")", "!", "…", "ab", "U.S.",
                ]),
                0..40,
            ),
            from in 0usize..200,
            to in 0usize..200,
            max in 0usize..12,
        ) {
            let t: String = parts.concat();
            let bound = |k: usize| (0..=k.min(t.len())).rev().find(|&b| t.is_char_boundary(b)).unwrap();
            let (a, b) = (bound(from.min(to)), bound(from.max(to)));
            for max in [max, usize::MAX] {
                let span = Span::new(a, b);
                proptest::prop_assert_eq!(
                    words_up_to(&t, span, max),
                    words_up_to_plain(&t, span, max),
                    "{:?} {:?}", t, span
                );
            }
        }
    }

    proptest::proptest! {
        /// `trim` answers what searching both ends answered, whatever the
        /// marks and spaces at either end.
        #[test]
        fn trim_agrees_with_searching_both_ends(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", ".", " ", "\t", "\n", "\u{A0}", "\u{2000}", "\u{200A}",
                    "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}",
                    "\u{FEFF}", "\u{3000}", "\u{85}", "“", "”", "‘", "’", "—", "‐", "…", "•",
                    "\u{2027}", "\u{2030}", "«", "»", "é", "東", "\u{1F600}",
                ]),
                0..8,
            ),
            from in 0usize..40,
            to in 0usize..40,
        ) {
            let t: String = parts.concat();
            let bound = |k: usize| (0..=k.min(t.len())).rev().find(|&b| t.is_char_boundary(b)).unwrap();
            let span = Span::new(bound(from.min(to)), bound(from.max(to)));
            proptest::prop_assert_eq!(trim(&t, span), trim_plain(&t, span), "{:?} {:?}", t, span);
        }
    }

    #[test]
    fn the_marks_trim_skips_are_no_white_space() {
        for c in '\u{2010}'..='\u{2027}' {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert!(!is_space(c) && starts_with_no_space(b) && ends_with_no_space(b), "{c:?}");
        }
        // Its neighbours are white space, and are searched.
        for c in ['\u{200A}', '\u{200B}', '\u{2028}', '\u{2029}', '\u{A0}'] {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert!(is_space(c) && !starts_with_no_space(b) && !ends_with_no_space(b), "{c:?}");
        }
    }

    proptest::proptest! {
        /// Copying runs of plain bytes at once folds what pushing a byte
        /// at a time folded, after whatever the buffer held.
        #[test]
        fn folding_runs_agrees_with_folding_bytes(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "7", ",", ":", " ", "  ", "\t", "\n", ".", "..", "`", "'", "’",
                    "-", "—", "\u{A0}", "\u{200B}", "\u{2028}", "“", "É", "ß", "İ", "\u{212A}",
                    "ΣΑΣ", "東", "U.S.", "Storm Hits", "related: what",
                ]),
                0..16,
            ),
            before in proptest::sample::select(vec!["", "x", "ÉTÉ "]),
        ) {
            let t: String = parts.concat();
            let (mut got, mut want) = (before.as_bytes().to_vec(), before.as_bytes().to_vec());
            fold_bytes(&t, &mut got);
            fold_bytes_plain(&t, &mut want);
            proptest::prop_assert_eq!(got, want, "{:?}", t);
        }
    }

    proptest::proptest! {
        /// Line breaks are the chars that end lines, whether or not the
        /// search looks for the separators' lead byte; blank lines and
        /// paragraphs are what decoding every char says.
        #[test]
        fn line_breaks_are_the_line_ending_chars(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", " ", "\n", "\r", "\r\n", "\n\n", "\u{2028}", "\u{2029}", "“", "”", "—",
                    "…", "©", "è", "é", "\u{85}", "\u{2027}", "\u{202A}", "\u{A8}", "\u{A0}",
                    "\u{2009}", "\u{200B}", "\t",
                ]),
                0..16,
            ),
        ) {
            let t: String = parts.concat();
            let want: Vec<(usize, usize)> = t
                .char_indices()
                .filter(|&(_, c)| is_line_break(c))
                .map(|(i, c)| (i, c.len_utf8()))
                .collect();
            proptest::prop_assert_eq!(line_breaks(&t).collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(line_breaks_with(&t, true).collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(holds_separator(&t), want.iter().any(|&(_, len)| len == 3));
            proptest::prop_assert_eq!(paragraphs(&t), paragraphs_plain(&t), "{:?}", t);
        }
    }

    /// [`paragraphs`] as it was, every line decoded to tell whether it is
    /// blank, and its line breaks found at every E2 byte: the oracle of
    /// the tests.
    fn paragraphs_plain(text: &str) -> Vec<Span> {
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let breaks =
            memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes).filter_map(|i| match bytes[i] {
                b'\n' | b'\r' => Some((i, 1)),
                _ => (bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)))
                .then_some((i, 3)),
            });
        for (i, len) in breaks {
            if i > 0 && bytes[i] == b'\n' && bytes[i - 1] == b'\r' && start == i {
                start = i + 1;
                continue;
            }
            lines.push(Span::new(start, i));
            start = i + len;
        }
        if start < text.len() {
            lines.push(Span::new(start, text.len()));
        }
        let blank = |s: Span| text[s.range()].chars().all(is_space);
        let blocks = lines.iter().any(|&l| blank(l))
            && lines.iter().filter(|&&l| !blank(l)).count() > 1
            && lines.windows(2).any(|w| !blank(w[0]) && !blank(w[1]));
        if !blocks {
            return lines.into_iter().filter(|&l| !blank(l)).map(|l| trim(text, l)).collect();
        }
        let mut out = Vec::new();
        let mut current: Option<Span> = None;
        for line in lines {
            if blank(line) {
                out.extend(current.take().map(|p| trim(text, p)));
            } else {
                current = Some(current.map_or(line, |p| Span::new(p.start, line.end)));
            }
        }
        out.extend(current.map(|p| trim(text, p)));
        out
    }

    #[test]
    fn a_sentence_too_long_is_cut_on_a_char_boundary() {
        // The limit falls inside a two-byte char with no terminator before
        // it (this sliced the text inside `é` and panicked; found by the
        // `extract` fuzz target).
        for lead in ["x", "xy"] {
            let text = format!("{lead}{} next. Last one.", "é".repeat(1500));
            let got = sentences(&text, Span::new(0, text.len()), &[]);
            assert!(
                got.iter().all(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end))
            );
            assert_eq!(got.last().map(|s| &text[s.range()]), Some("Last one."), "{lead}");
        }
    }

    #[test]
    fn the_first_sentence_byte_is_the_first_the_table_has() {
        let by_table = |b: &[u8]| b.iter().position(|&c| IS_SENTENCE_BYTE[usize::from(c)]);
        // Each byte alone and after a run of others, short and long.
        for c in 0..=255u8 {
            for n in [0, 1, 15, 16, 31, 32, 33, 64, 100] {
                for filler in [b'a', b' ', b'.', b'!', b'\r'] {
                    let mut bytes = vec![filler; n];
                    bytes.push(c);
                    bytes.extend_from_slice(b"xyz.");
                    assert_eq!(first_sentence_byte(&bytes), by_table(&bytes), "{c} {n} {filler}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_first_sentence_byte_is_the_first_the_table_has_anywhere(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b' ', b'.', b'!', b'?', b'\n', b'\r', 0xE2, 0x80, 0xA6, b'Z']),
                0..120,
            ),
        ) {
            let by_table = bytes.iter().position(|&c| IS_SENTENCE_BYTE[usize::from(c)]);
            proptest::prop_assert_eq!(first_sentence_byte(&bytes), by_table);
        }
    }

    #[test]
    fn fold_for_comparison() {
        assert_eq!(fold("The  U.S.\u{A0}government’s"), "the us government's");
        assert_eq!(fold("al‐Kaabi"), "al-kaabi");
        // The run-at-a-time folding agrees with the rules applied one char
        // at a time.
        fn one_char_at_a_time(s: &str, out: &mut String) {
            let base = out.len();
            let mut space = false;
            for c in s.chars() {
                if is_space(c) {
                    space = out.len() > base;
                    continue;
                }
                if space {
                    out.push(' ');
                    space = false;
                }
                match c {
                    c if is_apostrophe(c) => out.push('\''),
                    c if is_dash(c) => out.push('-'),
                    '.' => {}
                    c => out.extend(c.to_lowercase()),
                }
            }
        }
        let cases = [
            " A.B  c`d\u{B}e- ",
            "x . y",
            "  ",
            "Mr. Jones\tsaid",
            "..a",
            "a\r\nB",
            ". ",
            "ÉTÉ\u{A0}. İstanbul’s — Straße\u{200B}x",
            "\u{FEFF}Hi.\u{2028}THERE",
            " . a .b. c\u{2003}.d \t.",
            "end .",
        ];
        for s in cases {
            let (mut runs, mut chars) = (String::from("k"), String::from("k"));
            fold_into(s, &mut runs);
            one_char_at_a_time(s, &mut chars);
            assert_eq!(runs, chars, "{s:?}");
        }
    }

    #[test]
    fn a_word_folds_as_any_string_does() {
        let cases = [
            "Said",
            "said",
            "aBc",
            "al-Kaabi",
            "don't",
            "2,500",
            "U.S.",
            "government’s",
            "al‐Kaabi",
            "ÉTÉ",
            "x`y",
            "",
            "ABCDEFGHIJKLMNOPQRSTUVWX",
            "ABCDEFGHIJKLMNOPQRSTUVWXY",
            "ABCDEFGHIJKLMNOPQRSTUVW.",
            "İstanbul",
            "2,500",
        ];
        for w in cases {
            assert_eq!(fold_word(w), fold(w), "{w:?}");
        }
        let t = "The U.S. government’s spokesperson, NORCOM, said";
        let words = words(t, Span::new(0, t.len()));
        let want: Vec<String> = words.iter().map(|w| fold(w.as_str(t))).collect();
        assert_eq!(fold_words(t, &words), want);
    }

    proptest::proptest! {
        #[test]
        fn a_word_folds_onto_a_string_as_fold_says(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "said", "SAID", "9", ".", "`", "'", "’", "-", "‐", "—", " ",
                    "\u{A0}", "\u{AD}", "É", "é", "İ", "ß", "Σ", "\t", ",",
                ]),
                0..8,
            ),
            before in proptest::sample::select(vec!["", "x", "ÉTÉ "]),
        ) {
            let word: String = parts.concat();
            let (mut out, mut scratch) = (String::from(before), String::from("junk"));
            let copied = fold_word_onto(&word, fold_kind(&word), &mut out, &mut scratch);
            let want = fold(&word);
            if copied {
                proptest::prop_assert_eq!(&out[..before.len()], before);
                proptest::prop_assert_eq!(&out[before.len()..], want.as_str());
            } else {
                proptest::prop_assert_eq!(out.as_str(), before);
                proptest::prop_assert_eq!(word.as_str(), want.as_str());
            }
        }
    }

    #[test]
    fn letters_and_digits_as_the_standard_library_says() {
        let sample = ('\0'..='\u{3000}').chain(['\u{FEFF}', '\u{1F600}', '\u{10FFFF}']);
        for c in sample {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn trimming_agrees_with_the_general_rule() {
        let t = " a \u{A0}b\u{200B} ~x~ \t\u{B}\u{FEFF} é ";
        for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            for end in (start..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let s = &t[start..end];
                let want_start = start + (s.len() - s.trim_start_matches(is_space).len());
                let want_end = start + s.trim_end_matches(is_space).len();
                let want = if want_start >= want_end {
                    Span::new(start, start)
                } else {
                    Span::new(want_start, want_end)
                };
                assert_eq!(trim(t, Span::new(start, end)), want, "{s:?}");
            }
        }
    }

    #[test]
    fn spaces_include_zero_width_and_nbsp() {
        for c in ['\u{A0}', '\u{2009}', '\u{200B}', '\u{FEFF}', '\u{3000}'] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('x'));
    }

    #[test]
    fn capitalized_after_particle() {
        assert!(
            is_capitalized("al-Kaabi") && is_capitalized("Kaabi") && !is_capitalized("al-qaeda")
        );
        assert_eq!(strip_particle("al-Sudani"), "Sudani");
        assert_eq!(strip_particle("al-qaeda"), "al-qaeda");
    }
}
