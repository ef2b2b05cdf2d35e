//! Finding quoted spans.
//!
//! [`find_quotes`] pairs quotation marks paragraph by paragraph and
//! classifies each quoted span as a full quote, a partial quote or not
//! speech ([`QuoteKind`]).
//!
//! # Marks
//!
//! Double marks (“ ” " „ ‟), guillemets (« » ‹ ›), corner brackets
//! (「」『』) and single marks (‘ ’ ' ‚) are recognised. Whether a mark
//! opens or closes is decided from what stands on either side of it, the
//! way CommonMark decides emphasis: a mark followed by a letter and
//! preceded by space opens; one preceded by a letter or punctuation and
//! followed by space closes. On top of that:
//!
//! - an apostrophe between letters (government’s, Kata’ib) or closing a
//!   word when no single quote is open (the Smiths’, Jones’) is not a mark;
//! - a closing mark typed as the opener (`” I confirm…”`) opens when no
//!   quote is open, and a closing mark with a space before it
//!   (`determination. ”`) still closes;
//! - a quote may span paragraphs when each new paragraph repeats the
//!   opening mark and only the last closes it;
//! - an unclosed double quote ends at its paragraph, never later; an
//!   unclosed single mark was an apostrophe and is dropped;
//! - quotes nest: the inner quote has `depth` 1.
//!
//! # Spans
//!
//! [`Quote::span`] is the quoted text without its marks and without white
//! space just inside them; [`Quote::outer`] includes the marks (up to the
//! paragraph end for an unclosed quote). Both are half-open byte offsets
//! into the article as read.

use crate::QuoteKind;
use crate::Span;
use crate::lexicon;
use crate::text::{self, is_space};

/// A quoted span found in an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, without marks.
    pub span: Span,
    /// The quoted text with its marks.
    pub outer: Span,
    /// 0 for a top-level quote, 1 inside another quote, and so on.
    pub depth: u8,
    /// Whether a closing mark was found (an unclosed quote ends at its
    /// paragraph).
    pub closed: bool,
    /// Full, partial or not speech.
    pub kind: QuoteKind,
}

/// The families of marks: an opener is closed by a mark of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

impl Family {
    /// Whether an unclosed quote of this family is kept (to its paragraph
    /// end) rather than dropped as a stray apostrophe.
    fn keeps_unclosed(self) -> bool {
        !matches!(self, Family::Single | Family::SingleGuillemet)
    }
}

/// What a character can be as a quotation mark.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// Only ever an opener (“ „ « ‘ ‚ 「 『 ‹), though “ and ‘ may close.
    Opener,
    /// Usually a closer (” » ’ 」 』 ›), though it may open when nothing is open.
    Closer,
    /// Straight marks, whose role depends on their neighbours.
    Straight,
}

/// The first bytes of the UTF-8 encodings of every mark [`mark`] knows:
/// `"` and `'`, then C2 (« »), E2 (“ ” „ ‟ ‘ ’ ‚ ‛ ‹ ›), E3 (「 」 『 』) and EF
/// (＂).
const MARK_FIRST_BYTES: [u8; 6] = [b'"', b'\'', 0xC2, 0xE2, 0xE3, 0xEF];

/// Every mark in `text`, with its offset, in order.
///
/// One pass over the whole text rather than one per paragraph (issue #5:
/// two `memchr` passes and an iterator per paragraph, boxed, were some
/// 4 M of `quotes` on g500): `memchr3` jumps between the common lead
/// bytes (`"`, `'`, E2), and a second `memchr3` finds the rarer ones (C2,
/// E3, EF), which most texts lack or hold a few of. Every mark starts
/// with a byte of [`MARK_FIRST_BYTES`], a lead byte, so each offset is on
/// a char boundary.
fn find_marks(text: &str) -> Vec<(usize, char)> {
    let [double, single, c2, e2, e3, ef] = MARK_FIRST_BYTES;
    let b = text.as_bytes();
    let decode = |i: usize| {
        let c = text[i..].chars().next()?;
        mark(c).map(|_| (i, c))
    };
    let mut out: Vec<(usize, char)> =
        memchr::memchr3_iter(double, single, e2, b).filter_map(decode).collect();
    let len = out.len();
    out.extend(memchr::memchr3_iter(c2, e3, ef, b).filter_map(decode));
    if out.len() > len {
        out.sort_unstable_by_key(|&(i, _)| i);
    }
    out
}

fn mark(c: char) -> Option<(Family, Role)> {
    use Family::*;
    Some(match c {
        '“' | '„' | '‟' => (Double, Role::Opener),
        '”' => (Double, Role::Closer),
        '"' | '＂' => (Double, Role::Straight),
        '‘' | '‚' | '‛' => (Single, Role::Opener),
        '’' => (Single, Role::Closer),
        '\'' => (Single, Role::Straight),
        '«' => (Guillemet, Role::Opener),
        '»' => (Guillemet, Role::Closer),
        '‹' => (SingleGuillemet, Role::Opener),
        '›' => (SingleGuillemet, Role::Closer),
        '「' => (Corner, Role::Opener),
        '」' => (Corner, Role::Closer),
        '『' => (WhiteCorner, Role::Opener),
        '』' => (WhiteCorner, Role::Closer),
        _ => return None,
    })
}

/// An opener waiting for its closer.
#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    /// The opening mark's character.
    ch: char,
    /// Offset of the opening mark.
    at: usize,
}

/// The neighbours of a mark within its paragraph.
#[derive(Clone, Copy)]
struct Context {
    prev: Option<char>,
    next: Option<char>,
}

impl Context {
    fn space_before(self) -> bool {
        self.prev.is_none_or(|c| is_space(c) || "([{—–-/=".contains(c) || mark(c).is_some())
    }
    fn space_after(self) -> bool {
        self.next.is_none_or(|c| is_space(c) || ".,;:!?)]}—–-…".contains(c) || mark(c).is_some())
    }
    /// Could open: something follows and the mark is not glued to the end
    /// of a word.
    fn left_flanking(self) -> bool {
        self.next.is_some_and(|c| !is_space(c)) && self.space_before()
    }
    /// Could close: glued to the end of a word or punctuation.
    fn right_flanking(self) -> bool {
        self.prev.is_some_and(|c| !is_space(c)) && self.space_after()
    }
    /// Between two letters or digits: an apostrophe.
    fn inside_word(self) -> bool {
        self.prev.is_some_and(text::is_alnum) && self.next.is_some_and(text::is_alnum)
    }
}

/// What to do with one mark.
enum Action {
    Open,
    Close,
    Ignore,
}

/// Decides what a mark does given the innermost open quote of its family.
fn decide(c: char, family: Family, role: Role, cx: Context, open: Option<Open>) -> Action {
    let is_open = open.is_some();
    match role {
        _ if family == Family::Single && cx.inside_word() => Action::Ignore,
        Role::Opener => {
            // “ or ‘ glued to the end of a word, or with space on both
            // sides, is a mistyped closer when a quote is open; so is “
            // after „ (German style).
            let as_closer = cx.right_flanking() && !cx.left_flanking()
                || cx.prev.is_some_and(is_space) && cx.space_after();
            if is_open
                && (as_closer
                    || open.is_some_and(|o| o.ch == '„' || o.ch == '‚') && !cx.left_flanking())
            {
                Action::Close
            } else if cx.next.is_some_and(|n| !is_space(n)) || !is_open && cx.next.is_some() {
                if family == Family::Single && !cx.left_flanking() {
                    Action::Ignore
                } else {
                    Action::Open
                }
            } else {
                Action::Ignore
            }
        }
        Role::Closer => {
            if is_open {
                Action::Close
            } else if family != Family::Single && cx.space_before() && cx.next.is_some() {
                // A closing mark typed as the opener: ” I confirm…”
                Action::Open
            } else {
                Action::Ignore
            }
        }
        Role::Straight => {
            let opens = cx.left_flanking()
                || cx.prev.is_some_and(|p| ",:".contains(p)) && cx.next.is_some_and(text::is_alnum);
            if is_open && !(opens && !cx.right_flanking() && open.is_some_and(|o| o.ch != c)) {
                if family == Family::Single && !cx.right_flanking() {
                    Action::Ignore
                } else {
                    Action::Close
                }
            } else if opens && (family != Family::Single || cx.next.is_some_and(text::is_alnum)) {
                Action::Open
            } else if is_open {
                Action::Close
            } else {
                Action::Ignore
            }
        }
    }
}

/// A quote whose marks are paired, before classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Paired {
    open_at: usize,
    open_len: usize,
    /// Offset of the closing mark, or the paragraph end when unclosed.
    close_at: usize,
    close_len: usize,
    closed: bool,
}

/// The marks still open in one paragraph, innermost last.
///
/// Beside the stack itself it keeps, for each family, the stack positions
/// of its open marks, so that finding the innermost open mark of a family
/// costs O(1) however many marks of other families are open above it
/// (thousands of stray openers in one paragraph stay linear).
#[derive(Default)]
struct OpenStack {
    stack: Vec<Open>,
    by_family: [Vec<usize>; 6],
}

impl OpenStack {
    fn push(&mut self, open: Open) {
        self.by_family[open.family as usize].push(self.stack.len());
        self.stack.push(open);
    }

    /// The stack position of the innermost open mark of `family`.
    fn innermost(&self, family: Family) -> Option<usize> {
        self.by_family[family as usize].last().copied()
    }

    /// Pops the marks above position `p` (strays and apostrophes), then
    /// the mark at `p`, and returns it.
    fn close(&mut self, p: usize) -> Open {
        while self.stack.len() > p + 1 {
            self.pop();
        }
        self.pop().expect("p is in the stack")
    }

    fn pop(&mut self) -> Option<Open> {
        let open = self.stack.pop()?;
        self.by_family[open.family as usize].pop();
        Some(open)
    }

    fn bottom(&self) -> Option<Open> {
        self.stack.first().copied()
    }

    fn clear(&mut self) {
        self.stack.clear();
        for positions in &mut self.by_family {
            positions.clear();
        }
    }
}

/// The pairs of [`pair_marks_carrying`] alone.
#[cfg(test)]
fn pair_marks(text: &str, paragraphs: &[Span], marks: &[(usize, char)]) -> Vec<Paired> {
    pair_marks_carrying(text, paragraphs, marks).0
}

/// Pairs the marks of the whole text, paragraph by paragraph, and says
/// whether a quote left open at the end of a paragraph was carried to the
/// next (whether or not that one took it up).
///
/// Linear in the length of the text: each mark is pushed and popped at
/// most once, and a mark's neighbours are read from the text in passing.
fn pair_marks_carrying(
    text: &str,
    paragraphs: &[Span],
    marks: &[(usize, char)],
) -> (Vec<Paired>, bool) {
    let mut carried = false;
    let mut out = Vec::new();
    // One stack for all paragraphs, emptied at each (issue #5: a stack of
    // seven vectors per paragraph was allocated and dropped).
    let mut stack = OpenStack::default();
    // A top-level double quote left open at the end of a paragraph, with
    // that paragraph's end, waiting to see whether the next paragraph
    // repeats its opening mark.
    let mut carry: Option<(Open, usize)> = None;
    let mut cursor = MarkCursor::default();
    for &para in paragraphs {
        stack.clear();
        let mut skip_first_mark = false;
        if let Some((open, prev_end)) = carry.take() {
            skip_first_mark = take_up(text, para, open, prev_end, &mut stack, &mut out);
        }
        // The marks of the paragraph, found in the whole text; a mark's
        // neighbours are decoded where it stands.
        let (from, to) = cursor.marks_in(marks, para);
        let body = &text[para.range()];
        for &(at, c) in &marks[from..to] {
            let Some((family, role)) = mark(c) else { continue };
            let i = at - para.start;
            let cx = Context {
                prev: body[..i].chars().next_back(),
                next: body[i + c.len_utf8()..].chars().next(),
            };
            if skip_first_mark {
                skip_first_mark = false;
                continue;
            }
            let innermost = stack.innermost(family);
            match decide(c, family, role, cx, innermost.map(|p| stack.stack[p])) {
                Action::Open => stack.push(Open { family, ch: c, at }),
                Action::Close => {
                    let p = innermost.expect("close only when open");
                    // Openers above it were apostrophes or strays: drop them.
                    let open = stack.close(p);
                    out.push(Paired {
                        open_at: open.at,
                        open_len: open.ch.len_utf8(),
                        close_at: at,
                        close_len: c.len_utf8(),
                        closed: true,
                    });
                }
                Action::Ignore => {}
            }
        }
        if let Some(bottom) = left_open(&stack) {
            carry = Some((bottom, para.end));
            carried = true;
        }
    }
    if let Some((open, end)) = carry.filter(|(open, _)| open.family.keeps_unclosed()) {
        out.push(unclosed(text, open, end));
    }
    out.sort_by_key(|p| (p.open_at, std::cmp::Reverse(p.close_at)));
    (out, carried)
}

/// The quote left open at the end of a paragraph that the next paragraph
/// may take up: the outermost one still open if its family keeps an
/// unclosed quote; one in single marks (a quote over several paragraphs,
/// British style) only if it is the one mark left open, and it is kept
/// only if the next paragraph takes it up ([`take_up`]). Two single
/// marks left open are apostrophes (`the 'Nineties`, `rock 'n`).
fn left_open(stack: &OpenStack) -> Option<Open> {
    stack.bottom().filter(|open| open.family.keeps_unclosed() || stack.stack.len() == 1)
}

/// Whether `para` takes up the quote `open` carried from the paragraph
/// that ended at `prev_end`: it does when it starts with that family's
/// opening mark again (or a `”`), and `open` goes back on the stack. If
/// not, a quote of a family that keeps unclosed quotes ends at
/// `prev_end`, and one in single marks is dropped. Returns whether the
/// paragraph's first mark is the repeated one, to skip.
fn take_up(
    text: &str,
    para: Span,
    open: Open,
    prev_end: usize,
    stack: &mut OpenStack,
    out: &mut Vec<Paired>,
) -> bool {
    let first = text[para.range()].chars().next();
    let repeats = first.and_then(mark).is_some_and(|(f, role)| {
        f == open.family && !matches!(role, Role::Closer) || first == Some('”')
    });
    if repeats {
        stack.push(open);
    } else if open.family.keeps_unclosed() {
        out.push(unclosed(text, open, prev_end));
    }
    repeats
}

/// Finds the marks of each paragraph in turn by stepping on from where
/// the last paragraph's marks began, not by two binary searches a
/// paragraph: paragraphs come in text order, most hold no mark, and the
/// searches were about 1 M instructions of 212 M on g500 (issue #5).
#[derive(Default)]
struct MarkCursor {
    /// Where the last paragraph's marks began in `marks`: every mark
    /// before it is before that paragraph's start.
    from: usize,
    /// That paragraph's start.
    start: usize,
}

impl MarkCursor {
    /// The range of `marks` (sorted by offset) inside `para`: what
    /// [`marks_in_plain`] gives, for paragraphs in any order.
    fn marks_in(&mut self, marks: &[(usize, char)], para: Span) -> (usize, usize) {
        if para.start < self.start {
            // (Out of order: from the first mark again.)
            self.from = 0;
        }
        let mut from = self.from;
        while marks.get(from).is_some_and(|&(i, _)| i < para.start) {
            from += 1;
        }
        let mut to = from;
        while marks.get(to).is_some_and(|&(i, _)| i < para.end) {
            to += 1;
        }
        (self.from, self.start) = (from, para.start);
        (from, to)
    }
}

/// The range of `marks` (sorted by offset) inside `para`, by binary
/// search: the plain rule [`MarkCursor::marks_in`] steps to.
#[cfg(test)]
fn marks_in_plain(marks: &[(usize, char)], para: Span) -> (usize, usize) {
    let from = marks.partition_point(|&(i, _)| i < para.start);
    let to = from + marks[from..].partition_point(|&(i, _)| i < para.end);
    (from, to)
}

fn unclosed(text: &str, open: Open, end: usize) -> Paired {
    let _ = text;
    Paired {
        open_at: open.at,
        open_len: open.ch.len_utf8(),
        close_at: end,
        close_len: 0,
        closed: false,
    }
}

/// Finds every quoted span in `text`, in order of their opening marks.
///
/// Offsets are into `text` as given. Quotes whose inner text has no letter
/// or digit (`""`, `“…”`) are not reported.
///
/// # Example
///
/// ```
/// use quotelens::quote::find_quotes;
/// use quotelens::QuoteKind;
///
/// let text = "The calm is a “temporary pause”, he said. “We will return.”";
/// let quotes = find_quotes(text);
/// assert_eq!(&text[quotes[0].span.range()], "temporary pause");
/// assert_eq!(quotes[0].kind, QuoteKind::Partial);
/// assert_eq!(&text[quotes[1].span.range()], "We will return.");
/// assert_eq!(quotes[1].kind, QuoteKind::Full);
/// ```
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let paragraphs = text::paragraphs(text);
    find_quotes_in(text, &paragraphs)
}

/// Like [`find_quotes`], with the article's paragraphs already split.
pub fn find_quotes_in(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut quotes = find_quotes_split(text, paragraphs).0;
    repeat_names(text, &mut quotes);
    quotes
}

/// Gives a quote that repeats the words of an earlier quote that is not
/// speech (a title, a nickname) that kind too: the title named once in
/// apposition (`the album, “Low Tide Hymnal,”`) is the same title later
/// (`the sessions for “Low Tide Hymnal,”`, `singing “Low Tide Hymnal”`).
/// Words compare without the punctuation and space at their ends.
///
/// [`find_quotes_in`] does this; [`find_quotes_split`] leaves each quote
/// as classified on its own, for a caller that finds quotes again after
/// cutting paragraphs and does this once at the end.
pub fn repeat_names(text: &str, quotes: &mut [Quote]) {
    let core = |q: &Quote| {
        text[q.span.range()].trim_end_matches(|c: char| c.is_ascii_punctuation() || is_space(c))
    };
    let mut names: Vec<&str> = Vec::new();
    for q in quotes.iter_mut() {
        let words = core(q);
        if q.kind == QuoteKind::NonSpeech {
            names.push(words);
        } else if q.kind == QuoteKind::Partial && names.contains(&words) {
            q.kind = QuoteKind::NonSpeech;
        }
    }
}

/// For each paragraph, its sentences as [`text::sentences`] splits them
/// with the top-level quotes of the paragraphs opaque, or `None` where
/// they were not split.
pub type Sentences = Vec<Option<Vec<Span>>>;

/// [`find_quotes_in`], also returning the sentences it split: those of
/// every paragraph that holds a quote (classifying a quote reads its
/// sentence), but each quote classified on its own (see
/// [`repeat_names`]). Attribution splits the same paragraphs with the same
/// quotes, so it can take these instead of splitting them again (issue
/// #5).
pub fn find_quotes_split(text: &str, paragraphs: &[Span]) -> (Vec<Quote>, Sentences) {
    let (quotes, sentences, _) = find_quotes_marked(text, paragraphs);
    (quotes, sentences)
}

/// The quotation marks of a text, with their offsets, in order: they
/// depend on the text alone, not on its paragraphs. And whether pairing
/// them in the paragraphs they were found with carried a quote left open
/// at a paragraph's end to the next paragraph.
pub(crate) struct Marks(Vec<(usize, char)>, bool);

/// [`find_quotes_split`], also returning the text's marks, for
/// [`find_quotes_again`] to take instead of finding them again (issue
/// #5).
pub(crate) fn find_quotes_marked(
    text: &str,
    paragraphs: &[Span],
) -> (Vec<Quote>, Sentences, Marks) {
    let marks = find_marks(text);
    let (quotes, sentences, carried) = find_quotes_reusing(text, paragraphs, &marks, None);
    (quotes, sentences, Marks(marks, carried))
}

/// What an earlier [`find_quotes_marked`] of the same text found: its
/// paragraphs, quotes, sentences and marks (as that call returned them:
/// they are trusted to agree).
pub(crate) type Earlier<'a> = (&'a [Span], &'a [Quote], &'a Sentences, &'a Marks);

/// [`find_quotes_split`] again after some paragraphs changed (boilerplate
/// lines taken out of them), taking the sentences and quote kinds of each
/// paragraph that is the same as one of `earlier`'s and holds the same
/// quotes (issue #5: most paragraphs are, and splitting and classifying
/// them again was about 3% of `quotes`).
///
/// The result is the same as [`find_quotes_split`]'s: a paragraph's
/// sentences depend only on its span and the top-level quotes starting in
/// it, and a quote's kind only on the quote and its sentence.
pub(crate) fn find_quotes_again(
    text: &str,
    paragraphs: &[Span],
    earlier: Earlier<'_>,
) -> (Vec<Quote>, Sentences) {
    if let Some(found) = reuse_all(paragraphs, earlier) {
        return found;
    }
    let (quotes, sentences, _) = find_quotes_reusing(text, paragraphs, &earlier.3.0, Some(earlier));
    (quotes, sentences)
}

/// [`find_quotes_again`] without pairing any mark again, when the earlier
/// pairing carried no quote over a paragraph break and every paragraph
/// that is not one of the earlier ones holds no mark (most articles whose
/// boilerplate is cut: pairing, trimming and checking every quote again
/// was 2.8 M instructions of 183 M on g500, issue #5); `None` otherwise.
///
/// Then nothing is carried now either (a paragraph with no mark leaves
/// nothing open), so each paragraph pairs its marks as it did before,
/// alone: its quotes, their kinds and its sentences are the earlier ones,
/// and a paragraph with no mark has none.
fn reuse_all(paragraphs: &[Span], earlier: Earlier<'_>) -> Option<(Vec<Quote>, Sentences)> {
    let (old, quotes, sentences, Marks(marks, carried)) = earlier;
    if *carried {
        return None;
    }
    let mut out = Vec::with_capacity(quotes.len());
    let mut split = Vec::with_capacity(paragraphs.len());
    let mut cursor = MarkCursor::default();
    // Where the earlier paragraphs and quotes are read up to, both in
    // text order as the paragraphs are.
    let (mut k, mut q) = (0, 0);
    let mut last_end = 0;
    for &para in paragraphs {
        if para.start < last_end {
            return None;
        }
        last_end = para.end;
        while old.get(k).is_some_and(|p| p.start < para.start) {
            k += 1;
        }
        if old.get(k) == Some(&para) {
            while quotes.get(q).is_some_and(|x| x.outer.start < para.start) {
                q += 1;
            }
            let from = q;
            while quotes.get(q).is_some_and(|x| para.contains_offset(x.outer.start)) {
                q += 1;
            }
            out.extend_from_slice(&quotes[from..q]);
            split.push(sentences.get(k)?.clone());
        } else {
            let (from, to) = cursor.marks_in(marks, para);
            if from != to {
                return None;
            }
            split.push(None);
        }
    }
    Some((out, split))
}

/// The kinds and sentences an earlier split found for the paragraph
/// `para` holding the quotes `here`, when it found the same paragraph
/// with the same quotes.
fn reuse<'a>(
    earlier: Earlier<'a>,
    para: Span,
    here: &[Quote],
) -> Option<(&'a [Quote], &'a [Span])> {
    let (paragraphs, quotes, sentences, _) = earlier;
    let k = paragraphs.binary_search_by_key(&para.start, |p| p.start).ok()?;
    if paragraphs[k] != para {
        return None;
    }
    let from = quotes.partition_point(|q| q.outer.start < para.start);
    let to = from + quotes[from..].partition_point(|q| q.outer.start < para.end);
    let same = |a: &Quote, b: &Quote| {
        (a.span, a.outer, a.depth, a.closed) == (b.span, b.outer, b.depth, b.closed)
    };
    let found = &quotes[from..to];
    if found.len() != here.len() || !found.iter().zip(here).all(|(a, b)| same(a, b)) {
        return None;
    }
    Some((found, sentences.get(k)?.as_deref()?))
}

/// [`find_quotes_split`] with the text's marks found, taking what it can
/// from `earlier`; also says whether pairing carried a quote over a
/// paragraph break.
fn find_quotes_reusing(
    text: &str,
    paragraphs: &[Span],
    marks: &[(usize, char)],
    earlier: Option<Earlier<'_>>,
) -> (Vec<Quote>, Sentences, bool) {
    let (paired, carried) = pair_marks_carrying(text, paragraphs, marks);
    let mut quotes: Vec<Quote> = paired
        .iter()
        .filter_map(|p| {
            let inner = Span::new(p.open_at + p.open_len, p.close_at);
            let span = text::trim(text, inner);
            if !text[span.range()].chars().any(text::is_alnum) {
                return None;
            }
            let outer = Span::new(p.open_at, p.close_at + p.close_len);
            Some(Quote { span, outer, depth: 0, closed: p.closed, kind: QuoteKind::Partial })
        })
        .collect();
    // Depth from containment, not from the pairing stack: a stray
    // apostrophe left open must not make the next quote look nested. Paired
    // marks nest or are disjoint, and quotes come sorted by start (longest
    // first), so the quotes containing this one are the stack left after
    // popping those that end before it.
    let mut enclosing: Vec<Span> = Vec::new();
    for q in &mut quotes {
        while enclosing.last().is_some_and(|e| !e.contains(q.outer)) {
            enclosing.pop();
        }
        q.depth = u8::try_from(enclosing.len()).unwrap_or(u8::MAX);
        enclosing.push(q.outer);
    }
    // Deeper quotes are dropped: each level would copy the text again.
    quotes.retain(|q| q.depth <= MAX_DEPTH);
    let top: Vec<Span> = quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
    // Quotes and paragraphs are both in text order: walk them together.
    let mut split: Sentences = vec![None; paragraphs.len()];
    let mut rest = &mut quotes[..];
    for (&para, split) in paragraphs.iter().zip(&mut split) {
        let before = rest.iter().take_while(|q| q.outer.start < para.start).count();
        let inside =
            rest[before..].iter().take_while(|q| para.contains_offset(q.outer.start)).count();
        let (here, after) = std::mem::take(&mut rest)[before..].split_at_mut(inside);
        rest = after;
        if here.is_empty() {
            continue;
        }
        if let Some((found, sentences)) = earlier.and_then(|e| reuse(e, para, here)) {
            for (q, f) in here.iter_mut().zip(found) {
                q.kind = f.kind;
            }
            *split = Some(sentences.to_vec());
            continue;
        }
        let sentences = text::sentences(text, para, &top);
        let mut s = 0;
        for q in here {
            while sentences.get(s).is_some_and(|sentence| sentence.end <= q.outer.start) {
                s += 1;
            }
            let sentence = sentences
                .get(s)
                .copied()
                .filter(|sentence| sentence.contains_offset(q.outer.start))
                .unwrap_or(para);
            q.kind = classify(text, q, sentence);
        }
        *split = Some(sentences);
    }
    (quotes, split, carried)
}

/// The deepest nesting reported: a quote inside more than this many others
/// is dropped. Real text rarely nests three deep; the limit keeps the
/// output of pathological input (thousands of nested marks) linear in its
/// size, since every record carries its text.
pub const MAX_DEPTH: u8 = 8;

/// At most `max` bytes of `s` from its end, starting on a character
/// boundary.
fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// At most `max` bytes of `s` from its start, ending on a character
/// boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How far [`classify`] and [`is_inside_markup`] look on either side of a
/// quote, in bytes. Looking no further keeps them constant time per quote
/// (a text with no line breaks would otherwise be scanned to its end for
/// every quote); a word, a tag or a run of spaces longer than this is
/// beyond what they recognise anyway.
const LOOK: usize = 256;

/// Classifies a quote as full, partial or not speech from its text and
/// its sentence.
fn classify(text: &str, q: &Quote, sentence: Span) -> QuoteKind {
    let inner = &text[q.span.range()];
    let whole_before = &text[sentence.start.min(q.outer.start)..q.outer.start];
    let before = tail(whole_before, LOOK).trim_end_matches(is_space);
    if before.ends_with('=') || is_inside_markup(text, q.outer) {
        return QuoteKind::NonSpeech;
    }
    if !inner.chars().any(char::is_alphabetic) || names_something(text, q, before) {
        return QuoteKind::NonSpeech;
    }
    // A "word" cut by the look-behind is too long to be a name or a cue.
    let last_before = match before.rsplit_once(|c: char| is_space(c)) {
        Some((_, word)) => word,
        None if before.len() < whole_before.trim_end_matches(is_space).len() => "",
        None => before,
    };
    let last_before_folded = text::fold_word(last_before);
    let glued_before = !before.is_empty()
        && !before.ends_with(|c: char| c.is_ascii_punctuation() || "—–…".contains(c));
    let ends_like_speech = inner.trim_end().ends_with(['.', ',', '!', '?', ';', ':', '…']);

    // Three rules make a short quote not speech. Each also asks what
    // stands around the quote, which is cheap and rarely holds, so the
    // quote's words are split only when one of them does (issue #5:
    // splitting every quote was some 3.5 M of `quotes` on g500).
    //
    // A nickname between two parts of a name (at most 3 words): Robert
    // "Bobby" Smith. The rest of the line after the quote is read only
    // here (issue #5: finding its end decoded up to LOOK bytes for every
    // quote).
    let nickname = glued_before && text::is_capitalized(last_before) && {
        let after = head(&text[q.outer.end..], LOOK);
        let after = after[..after.find(text::is_line_break).unwrap_or(after.len())]
            .trim_start_matches(is_space);
        let next_word = after.split(|c: char| is_space(c)).next().unwrap_or("");
        text::is_capitalized(next_word.trim_end_matches(|c: char| !text::is_alnum(c)))
            && !after.starts_with(|c: char| c.is_ascii_punctuation())
    };
    // A name or title after a naming word (at most 8 words): dubbed
    // “Operation X”, the so-called “…”.
    let named = glued_before
        && (lexicon::NAMING_CUES.contains(&last_before_folded) || before.ends_with("known as"))
        && (last_before_folded == "so-called" || !ends_like_speech)
        && (last_before_folded != "as" || before.ends_with("known as"))
        && !is_what_someone_called(before);
    // A short title-case name after a determiner (at most 5 words): the
    // “Islamic State”.
    let determined = !ends_like_speech && lexicon::SCARE_DETERMINERS.contains(&last_before_folded);
    if nickname || named || determined {
        // The rules only ask whether there are at most 8 words.
        let inner_words = text::words_up_to(text, q.span, 9);
        let n = inner_words.len();
        if nickname && n <= 3
            || named && n <= 8
            || determined && n <= 5 && is_title_case(text, &inner_words)
        {
            return QuoteKind::NonSpeech;
        }
    }

    let first = inner.chars().find(|c| !"…[(.'‘\"“ ".contains(*c) && !is_space(*c));
    // Scripts without case (Arabic, CJK) count as capitalized.
    let starts_sentence = first.is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || c.is_alphabetic() && !c.is_lowercase()
    }) || inner.starts_with(['…', '[', '(']);
    let lead_in = before.is_empty()
        || before
            .ends_with([':', ',', ';', '.', '!', '?', '—', '–', '-', '…', '：', '，', '،', '؛'])
        || before.ends_with(|c: char| mark(c).is_some());
    if starts_sentence && lead_in { QuoteKind::Full } else { QuoteKind::Partial }
}

/// Whether every word is capitalized or a short lower-case word (at most
/// three letters: `of`, `the`): a title or a name, `Keys to the Kingdom`.
fn is_title_case(text: &str, words: &[text::Word]) -> bool {
    words.iter().all(|w| {
        let s = w.as_str(text);
        text::is_capitalized(s) || s.chars().count() <= 3 && s.chars().all(char::is_lowercase)
    })
}

/// Whether a quote names something rather than quoting anyone, by what
/// stands before it (`before`, trimmed at its end) and its own words:
///
/// - a single letter: `envelopes marked “T”`;
/// - a title in apposition to a work: `the album, “Low Tide Hymnal,”`,
///   `her memoir “Keys to the Kingdom”` (at most 8 words, each
///   capitalized or a short lower-case word);
/// - a name given with `as` after a naming verb at most 7 words back:
///   `known around Westminster as “the Undertaker”`, `referred to him
///   as “the Consultant.”` (at most 5 words);
/// - a name people give themselves: `fans who call themselves
///   “Harborites.”` (at most 4 words);
/// - one capitalized word after a lower-case word that is neither a
///   function word nor a cue: `prosecutors say “Tommy” was`.
///
/// Cheap for most quotes: each rule first looks at the last bytes before
/// the quote, and the quote's words are split only when one may apply.
fn names_something(text: &str, q: &Quote, before: &str) -> bool {
    let inner = &text[q.span.range()];
    let mut letters = inner.chars().filter(|c| c.is_alphabetic());
    if letters.next().is_some() && letters.next().is_none() {
        return true;
    }
    // After a colon, a dash or a full stop (a quote that is speech most
    // often is) no rule applies; after a comma only the title's.
    let comma = before.ends_with(',');
    if !comma && before.ends_with(|c: char| c.is_ascii_punctuation() || "—–…".contains(c)) {
        return false;
    }
    let mut back = before.rsplit(|c: char| is_space(c)).filter(|w| !w.is_empty());
    let Some(last) = back.next() else { return false };
    let last_folded = text::fold_word(last.trim_end_matches(','));
    let words = || text::words_up_to(text, q.span, 10);
    if lexicon::WORK_NOUNS.contains(&last_folded) {
        let words = words();
        return words.len() <= 8 && is_title_case(text, &words);
    }
    if comma {
        return false;
    }
    if last_folded == "as" {
        let naming = back.take(7).any(|w| lexicon::NAMING_VERBS.contains(&text::fold_word(w)));
        return naming && words().len() <= 5;
    }
    if ["themselves", "himself", "herself", "itself"].contains(&last_folded.as_str()) {
        let verb = back.next().map(text::fold_word).unwrap_or_default();
        return ["call", "calls", "called", "calling"].contains(&verb.as_str())
            && words().len() <= 4;
    }
    if last.starts_with(|c: char| c.is_lowercase())
        && !lexicon::FUNCTION_WORDS.contains(&last_folded)
        && !crate::cue::is_cue_word(&last_folded)
        && text::is_capitalized(inner)
    {
        return words().len() == 1;
    }
    false
}

/// Whether the text before a quote ends `what <someone> called` (or
/// `termed`, `dubbed`): the words are that someone's, quoted as theirs,
/// not a name given to something: `condemned what he called “a flagrant
/// violation”`.
fn is_what_someone_called(before: &str) -> bool {
    let mut words = before.rsplit(|c: char| is_space(c)).filter(|w| !w.is_empty());
    let (Some(verb), Some(_), Some(what)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    ["called", "termed", "dubbed"].contains(&verb) && text::fold_word(what) == "what"
}

/// Whether `outer` sits inside markup on its line: `[tag attr="…"]` or
/// `<a href="…">`.
fn is_inside_markup(text: &str, outer: Span) -> bool {
    let before = tail(&text[..outer.start], LOOK);
    // Most quotes have no `[` or `<` before them within LOOK bytes: one
    // backward `memchr` says so without decoding chars to find the line
    // start (issue #5).
    if memchr::memrchr2(b'[', b'<', before.as_bytes()).is_none() {
        return false;
    }
    // The text after the last line break (U+2028 and U+2029 take 3 bytes:
    // skipping one byte past them once split a character, issue 6).
    let before = before.rsplit(text::is_line_break).next().unwrap_or(before);
    let (Some(open), close) = (before.rfind(['[', '<']), before.rfind([']', '>'])) else {
        return false;
    };
    if close.is_some_and(|c| c > open) {
        return false;
    }
    let tag = &before[open + 1..];
    let after = head(&text[outer.end..], LOOK);
    let closes = after.find([']', '>']);
    tag.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
        && closes.is_some_and(|c| !after[..c].contains(text::is_line_break))
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuoteKind::*;

    /// One case: the text, and the quotes expected as (text, kind, depth).
    struct Case {
        name: &'static str,
        text: &'static str,
        want: &'static [(&'static str, QuoteKind, u8)],
    }

    macro_rules! t {
        ($name:literal, $text:expr, [$(($q:expr, $k:expr, $d:expr)),* $(,)?]) => {
            Case { name: $name, text: $text, want: &[$(($q, $k, $d)),*] }
        };
    }

    fn check(cases: &[Case]) {
        for case in cases {
            let got: Vec<(&str, QuoteKind, u8)> = find_quotes(case.text)
                .iter()
                .map(|q| (&case.text[q.span.range()], q.kind, q.depth))
                .collect();
            assert_eq!(got, case.want, "case {:?}", case.name);
        }
    }

    #[test]
    fn marks() {
        check(&[
            t!("curly", "He said: “We will win.”", [("We will win.", Full, 0)]),
            t!("straight", "He said: \"We will win.\"", [("We will win.", Full, 0)]),
            t!("two straight", "\"Yes,\" he said. \"No.\"", [("Yes,", Full, 0), ("No.", Full, 0)]),
            t!(
                "single headline",
                "Leader warns of ‘calm before storm’",
                [("calm before storm", Partial, 0)]
            ),
            t!(
                "straight single headline",
                "PM: 'Talks will go on'",
                [("Talks will go on", Full, 0)]
            ),
            t!(
                "guillemets",
                "Il a dit : « Nous allons gagner. »",
                [("Nous allons gagner.", Full, 0)]
            ),
            t!(
                "german",
                "Er sagte: „Wir werden siegen.“ Dann ging er.",
                [("Wir werden siegen.", Full, 0)]
            ),
            t!("polish", "Powiedział: „Wygramy”.", [("Wygramy", Full, 0)]),
            t!("corner", "他说：「我们会赢。」", [("我们会赢。", Full, 0)]),
        ]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        check(&[
            t!("possessive", "The government’s plan and Kata’ib Hezbollah’s men.", []),
            t!("hashd", "the Hashd al-Sha’abi forces and Kata'ib", []),
            t!("plural possessive", "the Houthis’ attacks and Mohammed Shia’ al-Sudani", []),
            t!(
                "inside a quote",
                "“The Houthis’ attacks and the government’s plan,” he said.",
                [("The Houthis’ attacks and the government’s plan,", Full, 0)]
            ),
            t!("decade", "In the ’90s he said “no.”", [("no.", Partial, 0)]),
        ]);
    }

    #[test]
    fn paragraphs_and_unclosed_quotes() {
        check(&[
            t!(
                "multi-paragraph",
                "He said: “First part.\n\n“Second part.\n\n“Last part.”\n\nNarration.",
                [("First part.\n\n“Second part.\n\n“Last part.", Full, 0)]
            ),
            t!(
                "unclosed ends at paragraph",
                "He said: “This never closes.\nThe next paragraph is narration with “a quote” in it.",
                [("This never closes.", Full, 0), ("a quote", Partial, 0)]
            ),
            t!("unclosed at end of text", "“Unfinished", [("Unfinished", Full, 0)]),
            t!(
                "multi-paragraph in single marks",
                "She said: 'First part.\n\n'Last part.'\n\nNarration.",
                [("First part.\n\n'Last part.", Full, 0)]
            ),
            t!(
                "a single mark left open and not taken up",
                "'Lone opener\n\nNarration with 'a quote' in it.",
                [("a quote", Partial, 0)]
            ),
        ]);
    }

    #[test]
    fn nesting_brackets_and_ellipses() {
        check(&[
            t!(
                "nested curly",
                "“He told me ‘never’ and “maybe” too,” she said.",
                [
                    ("He told me ‘never’ and “maybe” too,", Full, 0),
                    ("never", Partial, 1),
                    ("maybe", Partial, 1),
                ]
            ),
            t!(
                "straight in curly",
                "“They call it \"peace\" now.”",
                [("They call it \"peace\" now.", Full, 0), ("peace", Partial, 1),]
            ),
            t!(
                "brackets",
                "“We [the army] left … and returned...”",
                [("We [the army] left … and returned...", Full, 0)]
            ),
            t!(
                "leading ellipsis",
                "He said “… and then we left.”",
                [("… and then we left.", Partial, 0)]
            ),
            t!(
                "bracketed start",
                "“[From Khartoum] we go,” he said.",
                [("[From Khartoum] we go,", Full, 0)]
            ),
        ]);
    }

    #[test]
    fn spaces_and_line_ends() {
        check(&[
            t!(
                "nbsp inside",
                "“has\u{A0}become a factor\u{A0}”",
                [("has\u{A0}become a factor", Partial, 0)]
            ),
            t!("crlf", "Intro.\r\n“Yes,” he said.\r\n", [("Yes,", Full, 0)]),
            t!("bom", "\u{FEFF}“Yes,” he said.", [("Yes,", Full, 0)]),
            t!("lone cr", "A.\r“Be.”\rC.", [("Be.", Full, 0)]),
        ]);
    }

    #[test]
    fn mistyped_marks() {
        check(&[
            t!(
                "closer as opener",
                "” I confirm our position,” he said.",
                [("I confirm our position,", Full, 0)]
            ),
            t!(
                "space before closer",
                "He spoke of “resolve and determination. ” Then he left.",
                [("resolve and determination.", Partial, 0)]
            ),
            t!("opener as closer", "“We stay.“ he said.", [("We stay.", Full, 0)]),
            t!("mixed curly and straight", "“We stay\" he said.", [("We stay", Full, 0)]),
        ]);
    }

    #[test]
    fn not_speech() {
        check(&[
            t!("nickname", "Major General Joel \"J.B.\" Vowell leaves.", [("J.B.", NonSpeech, 0)]),
            t!(
                "markup",
                "[gallery id=\"31272\"]\n[gallery id=\"31269\"]",
                [("31272", NonSpeech, 0), ("31269", NonSpeech, 0)]
            ),
            t!(
                "html",
                "<a href=\"http://example.com/x\">link</a>",
                [("http://example.com/x", NonSpeech, 0)]
            ),
            t!("so-called", "the so-called “peace plan” failed", [("peace plan", NonSpeech, 0)]),
            t!(
                "what someone called",
                "He condemned what he called “a flagrant violation” of it.",
                [("a flagrant violation", Partial, 0)]
            ),
            t!(
                "what a name termed",
                "She rejected what Doe termed “a dangerous escalation” in the north.",
                [("a dangerous escalation", Partial, 0)]
            ),
            t!(
                "called, no what",
                "a plan called “Iron Shield” failed",
                [("Iron Shield", NonSpeech, 0)]
            ),
            t!(
                "dubbed",
                "an offensive dubbed “Operation Dawn”",
                [("Operation Dawn", NonSpeech, 0)]
            ),
            t!(
                "title after the",
                "fighters of the “Islamic State” group",
                [("Islamic State", NonSpeech, 0)]
            ),
            t!("numbers only", "code “31272”", [("31272", NonSpeech, 0)]),
            t!("one letter", "envelopes marked “T,” in ink", [("T,", NonSpeech, 0)]),
            t!(
                "a title in apposition to a work",
                "her third album, “Low Tide Hymnal,” is out; her memoir “Keys to the Kingdom” sold well",
                [("Low Tide Hymnal,", NonSpeech, 0), ("Keys to the Kingdom", NonSpeech, 0)]
            ),
            t!(
                "a name given with as",
                "known around Westminster as “the Undertaker” and referred to in the files as “the Consultant.”",
                [("the Undertaker", NonSpeech, 0), ("the Consultant.", NonSpeech, 0)]
            ),
            t!(
                "described as is speech",
                "a record she describes as “the first one where I’m not hiding”",
                [("the first one where I’m not hiding", Partial, 0)]
            ),
            t!(
                "a name people give themselves",
                "fans who call themselves “Harborites.”",
                [("Harborites.", NonSpeech, 0)]
            ),
            t!(
                "a repeated title",
                "the single, “Copper Wire,” is a hit. She sings “Copper Wire” every night.",
                [("Copper Wire,", NonSpeech, 0), ("Copper Wire", NonSpeech, 0)]
            ),
            t!(
                "title-case speech is speech",
                "to remain “Islamic, Iraqi, and Resistant,” he said",
                [("Islamic, Iraqi, and Resistant,", Partial, 0)]
            ),
        ]);
    }

    #[test]
    fn full_or_partial() {
        check(&[
            t!(
                "fragment",
                "the calm is a “temporary tactic”, he said",
                [("temporary tactic", Partial, 0)]
            ),
            t!(
                "after comma",
                "stressing, “It is only the calm before the storm”.",
                [("It is only the calm before the storm", Full, 0)]
            ),
            t!(
                "after that",
                "stressing that “any calm is a strategy.”",
                [("any calm is a strategy.", Partial, 0)]
            ),
            t!("sentence of its own", "He left. “We will return.”", [("We will return.", Full, 0)]),
            t!(
                "according to",
                "According to the PM, “The purpose is clear.”",
                [("The purpose is clear.", Full, 0)]
            ),
        ]);
    }

    /// [`is_inside_markup`] without the quick look for a bracket: the
    /// oracle for it, which [`classify_plain`] calls.
    fn is_inside_markup_plain(text: &str, outer: Span) -> bool {
        let before = tail(&text[..outer.start], LOOK);
        let before = before.rsplit(text::is_line_break).next().unwrap_or(before);
        let (Some(open), close) = (before.rfind(['[', '<']), before.rfind([']', '>'])) else {
            return false;
        };
        if close.is_some_and(|c| c > open) {
            return false;
        }
        let tag = &before[open + 1..];
        let after = head(&text[outer.end..], LOOK);
        let closes = after.find([']', '>']);
        tag.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
            && closes.is_some_and(|c| !after[..c].contains(text::is_line_break))
    }

    /// [`classify`] as it was before it split a quote's words only when a
    /// rule asking for them could apply: the oracle for it.
    fn classify_plain(text: &str, q: &Quote, sentence: Span) -> QuoteKind {
        let inner = &text[q.span.range()];
        let whole_before = &text[sentence.start.min(q.outer.start)..q.outer.start];
        let before = tail(whole_before, LOOK).trim_end_matches(is_space);
        let after = head(&text[q.outer.end..], LOOK);
        let after = after[..after.find(text::is_line_break).unwrap_or(after.len())]
            .trim_start_matches(is_space);
        if before.ends_with('=') || is_inside_markup_plain(text, q.outer) {
            return QuoteKind::NonSpeech;
        }
        if !inner.chars().any(char::is_alphabetic) || names_something(text, q, before) {
            return QuoteKind::NonSpeech;
        }
        // The rules below only ask whether there are at most 8 words.
        let inner_words = text::words_up_to(text, q.span, 9);
        let n = inner_words.len();
        // A "word" cut by the look-behind is too long to be a name or a cue.
        let last_before = match before.rsplit_once(|c: char| is_space(c)) {
            Some((_, word)) => word,
            None if before.len() < whole_before.trim_end_matches(is_space).len() => "",
            None => before,
        };
        let last_before_folded = text::fold_word(last_before);
        let glued_before = !before.is_empty()
            && !before.ends_with(|c: char| c.is_ascii_punctuation() || "—–…".contains(c));
        let ends_like_speech = inner.trim_end().ends_with(['.', ',', '!', '?', ';', ':', '…']);

        // A nickname between two parts of a name: Robert "Bobby" Smith.
        let next_word = after.split(|c: char| is_space(c)).next().unwrap_or("");
        if n <= 3
            && glued_before
            && text::is_capitalized(last_before)
            && text::is_capitalized(next_word.trim_end_matches(|c: char| !text::is_alnum(c)))
            && !after.starts_with(|c: char| c.is_ascii_punctuation())
        {
            return QuoteKind::NonSpeech;
        }
        // A name or title after a naming word: dubbed “Operation X”, the so-called “…”.
        if n <= 8
            && glued_before
            && (lexicon::NAMING_CUES.contains(&last_before_folded) || before.ends_with("known as"))
        {
            let scare = last_before_folded == "so-called" || !ends_like_speech;
            if scare && (last_before_folded != "as" || before.ends_with("known as")) {
                return QuoteKind::NonSpeech;
            }
        }
        // A short title-case name after a determiner: the “Islamic State”.
        let title_case = inner_words.iter().all(|w| {
            let s = w.as_str(text);
            text::is_capitalized(s) || s.chars().count() <= 3 && s.chars().all(char::is_lowercase)
        });
        if n <= 5
            && title_case
            && !ends_like_speech
            && lexicon::SCARE_DETERMINERS.contains(&last_before_folded)
        {
            return QuoteKind::NonSpeech;
        }

        let first = inner.chars().find(|c| !"…[(.'‘\"“ ".contains(*c) && !is_space(*c));
        // Scripts without case (Arabic, CJK) count as capitalized.
        let starts_sentence = first.is_some_and(|c| {
            c.is_uppercase() || c.is_numeric() || c.is_alphabetic() && !c.is_lowercase()
        }) || inner.starts_with(['…', '[', '(']);
        let lead_in = before.is_empty()
            || before.ends_with([
                ':', ',', ';', '.', '!', '?', '—', '–', '-', '…', '：', '，', '،', '؛',
            ])
            || before.ends_with(|c: char| mark(c).is_some());
        if starts_sentence && lead_in { QuoteKind::Full } else { QuoteKind::Partial }
    }

    /// Pieces of text with every kind of mark, the naming and determiner
    /// cues, capitalized and lower-case words, punctuation, markup,
    /// non-ASCII letters and line breaks.
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "„",
        "‚",
        "‟",
        "‛",
        "«",
        "»",
        "‹",
        "›",
        "「",
        "」",
        "『",
        "』",
        "＂",
        " ",
        " ",
        " ",
        "\u{A0}",
        "\n",
        "\n\n",
        "\u{2028}",
        "the",
        "a",
        "so-called",
        "dubbed",
        "known",
        "as",
        "Islamic",
        "State",
        "Robert",
        "Smith",
        "we",
        "will",
        "go",
        "It",
        "É",
        "été",
        "كان",
        "我们",
        ".",
        ",",
        ":",
        "!",
        "?",
        "…",
        "—",
        "-",
        "(",
        ")",
        "[gallery id=",
        "]",
        "<a href=",
        ">",
        "=",
        "x’s",
        "'90s",
        "Mr.",
        // Whole cues, so that the rules' conditions hold often.
        " Robert “",
        "” Smith ",
        " Joel \"",
        "\" Vowell",
        "the “",
        "so-called ‘",
        "dubbed «",
        "known as „",
        " Two Words",
        " one two",
        " and Three",
        " the",
        " a b c d e f g h i",
        "Ab Cd Ef Gh Ij",
        " the “Ab Cd Ef Gh Ij” ",
    ];

    proptest::proptest! {
        /// The cursor finds each paragraph's marks as the binary searches
        /// do: paragraphs in order, overlapping, empty, repeated or out of
        /// order, marks at their edges.
        #[test]
        fn the_mark_cursor_finds_what_binary_search_finds(
            mut offsets in proptest::collection::vec(0..60usize, 0..20),
            paras in proptest::collection::vec((0..64usize, 0..20usize), 0..12),
        ) {
            offsets.sort_unstable();
            let marks: Vec<(usize, char)> = offsets.iter().map(|&i| (i, '"')).collect();
            let mut cursor = MarkCursor::default();
            for (start, len) in paras {
                let para = Span::new(start, start + len);
                proptest::prop_assert_eq!(
                    cursor.marks_in(&marks, para),
                    marks_in_plain(&marks, para),
                    "{:?}", para
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn classify_agrees_with_its_plain_oracle(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
        ) {
            let text = parts.concat();
            let paragraphs = text::paragraphs(&text);
            for q in find_quotes(&text) {
                let para = paragraphs
                    .iter()
                    .copied()
                    .find(|p| p.contains_offset(q.outer.start))
                    .expect("a quote starts in a paragraph");
                let whole = Span::new(0, text.len());
                let at_quote = Span::new(q.outer.start, q.outer.start);
                for sentence in [para, whole, at_quote] {
                    proptest::prop_assert_eq!(
                        classify(&text, &q, sentence),
                        classify_plain(&text, &q, sentence),
                        "{:?} {:?}", text, q
                    );
                }
            }
        }
    }

    #[test]
    fn the_three_short_quote_rules_still_apply() {
        check(&[
            t!("nickname", "Robert \"Bobby\" Smith left.", [("Bobby", NonSpeech, 0)]),
            t!("known as", "a group known as “the Base”", [("the Base", NonSpeech, 0)]),
            t!("determiner", "the “Islamic State” group", [("Islamic State", NonSpeech, 0)]),
            t!(
                "too many words",
                "the “Islamic State Of The Levant And Other Places Here Too” group",
                [("Islamic State Of The Levant And Other Places Here Too", Partial, 0)]
            ),
        ]);
    }

    /// Every mark, the plain way: decoding every char.
    fn marks_plain(text: &str) -> Vec<(usize, char)> {
        text.char_indices().filter(|&(_, c)| mark(c).is_some()).collect()
    }

    /// [`pair_marks`] as it was before it took each paragraph's marks from
    /// one pass over the whole text: decoding every char of every
    /// paragraph, with a fresh stack each. The oracle for it.
    fn pair_marks_plain(text: &str, paragraphs: &[Span]) -> Vec<Paired> {
        let mut out = Vec::new();
        let mut carry: Option<(Open, usize)> = None;
        for &para in paragraphs {
            let mut stack = OpenStack::default();
            let mut skip_first_mark = false;
            if let Some((open, prev_end)) = carry.take() {
                skip_first_mark = take_up(text, para, open, prev_end, &mut stack, &mut out);
            }
            let body = &text[para.range()];
            for (i, c) in body.char_indices() {
                let Some((family, role)) = mark(c) else { continue };
                let cx = Context {
                    prev: body[..i].chars().next_back(),
                    next: body[i + c.len_utf8()..].chars().next(),
                };
                if skip_first_mark {
                    skip_first_mark = false;
                    continue;
                }
                let innermost = stack.innermost(family);
                let at = para.start + i;
                match decide(c, family, role, cx, innermost.map(|p| stack.stack[p])) {
                    Action::Open => stack.push(Open { family, ch: c, at }),
                    Action::Close => {
                        let p = innermost.expect("close only when open");
                        let open = stack.close(p);
                        out.push(Paired {
                            open_at: open.at,
                            open_len: open.ch.len_utf8(),
                            close_at: at,
                            close_len: c.len_utf8(),
                            closed: true,
                        });
                    }
                    Action::Ignore => {}
                }
            }
            if let Some(bottom) = left_open(&stack) {
                carry = Some((bottom, para.end));
            }
        }
        if let Some((open, end)) = carry.filter(|(open, _)| open.family.keeps_unclosed()) {
            out.push(unclosed(text, open, end));
        }
        out.sort_by_key(|p| (p.open_at, std::cmp::Reverse(p.close_at)));
        out
    }

    #[test]
    fn every_mark_starts_with_one_of_the_first_bytes() {
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if mark(c).is_some() {
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(MARK_FIRST_BYTES.contains(&lead), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn marks_and_pairing_agree_with_their_plain_oracles(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            keep in proptest::collection::vec(proptest::bool::ANY, 8),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(find_marks(&text), marks_plain(&text), "{:?}", text);
            let paragraphs = text::paragraphs(&text);
            // Some paragraphs left out, and some cut short, as stripping
            // boilerplate does.
            let some: Vec<Span> = paragraphs
                .iter()
                .enumerate()
                .filter(|&(k, _)| keep[k % keep.len()])
                .map(|(k, &p)| {
                    let mut end = p.start + (p.end - p.start) * (1 + k % 3) / 3;
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    Span::new(p.start, end)
                })
                .collect();
            for paras in [&paragraphs, &some] {
                proptest::prop_assert_eq!(
                    pair_marks(&text, paras, &find_marks(&text)),
                    pair_marks_plain(&text, paras),
                    "{:?} {:?}", text, paras
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Finding quotes again after paragraphs are left out or cut short
        /// (as stripping boilerplate does) finds what finding them afresh
        /// finds, whether or not every earlier quote is taken as it was:
        /// with quotes carried over paragraph breaks, cut paragraphs with
        /// marks and without.
        #[test]
        fn finding_again_anywhere_equals_finding_afresh(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            keep in proptest::collection::vec(0..4u8, 8),
        ) {
            let text = parts.concat();
            let paragraphs = text::paragraphs(&text);
            let (quotes, sentences, marks) = find_quotes_marked(&text, &paragraphs);
            // Each paragraph kept, left out, or cut to its first or last
            // part at a space.
            let kept: Vec<Span> = paragraphs
                .iter()
                .enumerate()
                .filter_map(|(k, &p)| {
                    let body = &text[p.range()];
                    match keep[k % keep.len()] {
                        0 => Some(p),
                        1 => None,
                        2 => body.rfind(' ').map(|i| text::trim(&text, Span::new(p.start, p.start + i))),
                        _ => body.find(' ').map(|i| text::trim(&text, Span::new(p.start + i, p.end))),
                    }
                })
                .filter(|p| !p.is_empty())
                .collect();
            let again = find_quotes_again(&text, &kept, (&paragraphs, &quotes, &sentences, &marks));
            proptest::prop_assert_eq!(again, find_quotes_split(&text, &kept), "{:?} {:?}", text, kept);
        }
    }

    /// Regression (issue 6, found by the property tests): markup detection
    /// sliced inside a multi-byte line break before a quote.
    #[test]
    fn a_multi_byte_line_break_before_a_quote() {
        check(&[
            t!("U+2029 then a tag", "x\u{2029}<a href=\"y z\">", [("y z", NonSpeech, 0)]),
            t!("U+2028 then a quote", "said:\u{2028}“We stay.”", [("We stay.", Full, 0)]),
        ]);
    }

    #[test]
    fn the_sentences_returned_are_those_attribution_would_split() {
        let text = "No quote here. None at all.\n\
                    He said: “It is over.” Then he left. “Fine,” she said.\n\
                    The “so-called” plan, with ‘inner “nested” marks’, failed.";
        let paragraphs = text::paragraphs(text);
        let (quotes, split) = find_quotes_split(text, &paragraphs);
        assert_eq!(quotes, find_quotes_in(text, &paragraphs));
        let top: Vec<Span> = quotes.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
        let with_quotes: Vec<bool> = split.iter().map(Option::is_some).collect();
        assert_eq!(with_quotes, [false, true, true]);
        for (para, sentences) in paragraphs.iter().zip(&split) {
            if let Some(sentences) = sentences {
                assert_eq!(*sentences, text::sentences(text, *para, &top));
            }
        }
    }

    #[test]
    fn spans_index_the_original_bytes() {
        let text = "\u{FEFF}Intro.\r\n\r\n“Quoted\u{A0}words ” he said.";
        for q in find_quotes(text) {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert_eq!(&text[q.span.range()], "Quoted\u{A0}words");
            assert_eq!(&text[q.outer.range()], "“Quoted\u{A0}words ”");
        }
    }

    #[test]
    fn finding_again_equals_finding_afresh() {
        // Paragraphs kept whole, one cut into two, one dropped, and a quote
        // running over a paragraph break (its opening mark repeated) whose
        // pairing changes when the paragraph before it loses a line.
        let text = "Intro line\nShare on Facebook\n\n\
                    “We will stay,” she said. “Until the end.”\n\n\
                    Photo: a caption\n“It is over,” he said.\n\n\
                    “This goes on\n\n\
                    “and on,” she added. Mr. Fulani said “no”.\n\n\
                    The end.";
        let paragraphs = text::paragraphs(text);
        let (quotes, sentences, marks) = find_quotes_marked(text, &paragraphs);
        assert_eq!((quotes.clone(), sentences.clone()), find_quotes_split(text, &paragraphs));
        let line = |s: &str| {
            let at = text.find(s).expect("in text");
            Span::new(at, at + s.len())
        };
        let cut = |p: Span, drop: Span| {
            if !p.contains(drop) {
                return vec![p];
            }
            let mut out = Vec::new();
            if drop.start > p.start {
                out.push(text::trim(text, Span::new(p.start, drop.start)));
            }
            if drop.end < p.end {
                out.push(text::trim(text, Span::new(drop.end, p.end)));
            }
            out
        };
        let variants: Vec<Vec<Span>> = vec![
            paragraphs.clone(),
            paragraphs.iter().flat_map(|&p| cut(p, line("Share on Facebook"))).collect(),
            paragraphs.iter().flat_map(|&p| cut(p, line("Photo: a caption"))).collect(),
            paragraphs.iter().filter(|p| !p.contains(line("“This goes on"))).copied().collect(),
            paragraphs.iter().filter(|p| !p.contains(line("The end."))).copied().collect(),
        ];
        for kept in &variants {
            let again = find_quotes_again(text, kept, (&paragraphs, &quotes, &sentences, &marks));
            assert_eq!(again, find_quotes_split(text, kept), "{kept:?}");
        }
        // Earlier quotes that differ from those found now, in the same
        // paragraphs, are not taken: their kinds (all made wrong here) would
        // show.
        for shift in [|q: &mut Quote| q.outer.end += 1, |q: &mut Quote| q.depth += 1] {
            let mut wrong = quotes.clone();
            for q in &mut wrong {
                shift(q);
                q.kind = if q.kind == NonSpeech { Full } else { NonSpeech };
            }
            let again =
                find_quotes_again(text, &paragraphs, (&paragraphs, &wrong, &sentences, &marks));
            assert_eq!(again, find_quotes_split(text, &paragraphs));
        }
    }
}
