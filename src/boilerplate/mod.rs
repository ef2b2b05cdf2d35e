//! Boilerplate: the parts of a scraped news page that are not the
//! article — share buttons, comment forms, markup, photo captions,
//! "ALSO READ" links, bylines, timestamps, section labels.
//!
//! [`find_boilerplate`] reads an article line by line (a line is a run of
//! text between line breaks, trimmed; blank lines are skipped) and returns
//! the lines it recognises, each with a [`BoilerplateKind`] saying why,
//! plus markup tags found inside lines of prose. It goes by the general
//! shape of web pages, never by a list of sites or articles:
//!
//! | kind | a line that … |
//! |---|---|
//! | [`Share`](BoilerplateKind::Share) | is only social network names and share words: `Pinterest`, `Share on Facebook`, `FacebookTwitterWhatsApp` |
//! | [`Comments`](BoilerplateKind::Comments) | belongs to a comment form (`Leave a Reply`, `Your email address will not be published`, `All fields required`, `captcha`), and every line after the first such line: the form, then readers' comments |
//! | [`Markup`](BoilerplateKind::Markup) | is only tags: `[gallery id="1"]`, `<br>`; also a tag inside a line of prose (an HTML tag, or a shortcode with an attribute or a closing `[/tag]`) |
//! | [`Caption`](BoilerplateKind::Caption) | is a photo caption or credit: contains `(Photo by …)` or another parenthesis naming a photo, image or file; ends in an agency credit after a slash (`… 2024. /AFP`) or `Getty Images`; starts `Photo:`, `In this photo`, `File photo`; or is a short title-case line between paragraphs of prose (a caption naming who is pictured) |
//! | [`Byline`](BoilerplateKind::Byline) | names who wrote, edited or contributed: `By Jane Doe`, `Edited by …`, `(With input from …)`, `… contributed to this report` |
//! | [`Timestamp`](BoilerplateKind::Timestamp) | is only a date and time: `2025-03-14 18:05:09`, `Updated: Monday, August 26, 2024 7:51 AM` |
//! | [`Link`](BoilerplateKind::Link) | links to another story (`ALSO READ …`, `Read more: …`, `See also …`), or heads a list of them (`Related Articles`, `You may also like`), with every line after such a heading when it stands in the second half of the text |
//! | [`Navigation`](BoilerplateKind::Navigation) | is page navigation: `Back to top`, `Home`, `Next article`, `up`, breadcrumbs such as `Home » World » Europe` |
//! | [`Label`](BoilerplateKind::Label) | is a short title-case line (at most eight words, no sentence punctuation) before the first or after the last paragraph of prose: a section label such as `Middle East` or `World News` |
//!
//! # What is never boilerplate
//!
//! - The headline: a line equal (folded) to the article's title, and the
//!   first line of the text when it has four or more words.
//! - Speech: a paragraph holding a quote that is speech (see
//!   [`crate::quote`]) with a speech cue in the paragraph's narration
//!   (`said`, `stressed`, `according to`, … see [`crate::cue`]) keeps
//!   every line, whatever its shape; only markup tags inside its lines are
//!   reported.
//!
//! # Spans
//!
//! Each [`Boilerplate`] span is a half-open byte range into the article as
//! read: a whole line without its line break or surrounding white space,
//! or a tag inside a line. Spans are sorted and never overlap, so
//! [`dropped_bytes`] is their total length. [`strip`] removes the whole
//! lines from an article's paragraphs, which is how the extractor leaves
//! boilerplate out of quote finding and attribution while every offset
//! still indexes the original text. A tag inside a line of prose stays in
//! its paragraph (cutting it out would split the sentence); the quote
//! finder already treats its attribute values as non-speech.
//!
//! # Example
//!
//! ```
//! use quotelens::boilerplate::{BoilerplateKind, find_boilerplate};
//!
//! let text = "Storm hits the coast\n\
//!             By Jane Doe\n\
//!             The storm reached the coast on Monday, officials said.\n\
//!             Share on Facebook\n\
//!             Leave a Reply";
//! let found: Vec<(&str, BoilerplateKind)> =
//!     find_boilerplate(text, "").iter().map(|b| (&text[b.span.range()], b.kind)).collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("By Jane Doe", BoilerplateKind::Byline),
//!         ("Share on Facebook", BoilerplateKind::Share),
//!         ("Leave a Reply", BoilerplateKind::Comments),
//!     ]
//! );
//! ```

mod markup;
mod screen;
mod shape;
mod vocabulary;

use serde::Serialize;

use crate::quote::{self, Quote};
use crate::text::{self, Word, is_space};
use crate::{Span, cue};

use markup::tags;
use shape::{classify, is_label, is_phrase};
use vocabulary::LINK_HEADINGS;

/// Why a stretch of text is boilerplate. See the [module docs](self) for
/// the patterns behind each kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Share buttons.
    Share,
    /// A comment form, and what follows it.
    Comments,
    /// Markup left by a scraper: HTML tags and shortcodes.
    Markup,
    /// A photo caption or credit.
    Caption,
    /// Who wrote, edited or contributed.
    Byline,
    /// A date and time on a line of its own.
    Timestamp,
    /// A link to another story, or a list of them.
    Link,
    /// Page navigation: back to top, breadcrumbs.
    Navigation,
    /// A section label before or after the article.
    Label,
}

impl BoilerplateKind {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Share => "share",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::Markup => "markup",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Timestamp => "timestamp",
            BoilerplateKind::Link => "link",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Label => "label",
        }
    }
}

/// A stretch of boilerplate and why it is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// Where it is: half-open byte offsets into the article as read.
    pub span: Span,
    /// Why it is boilerplate.
    pub kind: BoilerplateKind,
}

/// A line of the article: where it is, the paragraph it belongs to, and
/// what the tests have found of it.
///
/// What is found is kept with the line, in one vector for the article,
/// instead of a vector for each test (issue #5: five vectors an article).
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    para: usize,
    /// Whether it is the headline.
    headline: bool,
    /// Its kind, when it is boilerplate.
    kind: Option<BoilerplateKind>,
    /// Whether it may hold a markup tag (see [`classify`]).
    may_tag: bool,
    /// Whether it may be a label (see [`classify`]).
    may_be_label: bool,
}

/// The boilerplate of an article, sorted by offset; `title` is its
/// headline when known (empty otherwise), which is never boilerplate.
///
/// See the [module docs](self) for what is recognised.
pub fn find_boilerplate(text: &str, title: &str) -> Vec<Boilerplate> {
    let paragraphs = text::paragraphs(text);
    let quotes = quote::find_quotes_in(text, &paragraphs);
    let words = text::words(text, Span::new(0, text.len()));
    find_boilerplate_in(text, title, &paragraphs, &quotes, &words)
}

/// [`find_boilerplate`] for a caller that has already split the text into
/// its [`text::paragraphs`], found their quotes with
/// [`quote::find_quotes_in`] and split the whole text into
/// [`text::words`], as extraction has.
pub fn find_boilerplate_in(
    text: &str,
    title: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    words: &[Word],
) -> Vec<Boilerplate> {
    // Whether each paragraph holds cued speech, worked out only for the
    // paragraphs that have a line of boilerplate shape (issue #5: most
    // have none, and the test reads every word).
    let mut speech_memo: Vec<Option<bool>> = vec![None; paragraphs.len()];
    let mut speech = |para: usize| {
        *speech_memo[para]
            .get_or_insert_with(|| has_cued_speech(text, paragraphs[para], quotes, words))
    };
    // Most paragraphs are one line.
    let mut lines: Vec<Line> = Vec::with_capacity(paragraphs.len());
    let separators = text::holds_separator(text);
    for (para, &p) in paragraphs.iter().enumerate() {
        each_line(text, p, separators, |span| {
            lines.push(Line {
                span,
                para,
                headline: false,
                kind: None,
                may_tag: true,
                may_be_label: true,
            })
        });
    }
    let title = text::fold(title);
    let mut buf = String::new();
    // The words of the lines, taken in order from where the last line's
    // ended (issue #5: a binary search of the article's words a line).
    let mut next_word = 0;
    for (i, line) in lines.iter_mut().enumerate() {
        let span = line.span;
        let s = &text[span.range()];
        let from = next_word
            + words[next_word..]
                .iter()
                .position(|w| w.span.start >= span.start)
                .unwrap_or(words.len() - next_word);
        let to = from + words[from..].partition_point(|w| w.span.end <= span.end);
        debug_assert_eq!(&words[from..to], text::words_within(words, span));
        next_word = to;
        line.headline = !title.is_empty() && folds_to(s, &title, &mut buf)
            || i == 0 && s.split(is_space).filter(|w| !w.is_empty()).count() >= 4;
        if line.headline {
            continue;
        }
        let shape = classify(s, span.start, &words[from..to]);
        line.kind = shape.kind;
        line.may_tag = shape.may_tag;
        line.may_be_label = shape.may_be_label;
    }
    // A comment form, or a list of links in the second half, runs to the
    // end of the text.
    let tail = lines.iter().enumerate().find_map(|(i, line)| {
        let s = || text::fold(&text[line.span.range()]);
        let found = match line.kind {
            Some(BoilerplateKind::Comments) => Some((i, BoilerplateKind::Comments)),
            Some(BoilerplateKind::Link)
                if is_phrase(&s(), &LINK_HEADINGS) && line.span.start >= text.len() / 2 =>
            {
                Some((i, BoilerplateKind::Link))
            }
            _ => None,
        };
        found.filter(|_| !speech(line.para))
    });
    if let Some((from, kind)) = tail {
        for line in &mut lines[from..] {
            line.kind.get_or_insert(kind);
        }
    }
    // Short title-case lines: labels at the edges, captions in between.
    let prose = |line: &Line| {
        line.kind.is_none()
            && (line.headline || !line.may_be_label || !is_label(&text[line.span.range()]))
    };
    let first_prose = lines.iter().position(prose);
    let last_prose = lines.iter().rposition(prose);
    for (i, line) in lines.iter_mut().enumerate() {
        // The first and last prose lines are prose; the label test is not
        // run on them again.
        if line.kind.is_none() && Some(i) != first_prose && Some(i) != last_prose && !prose(line) {
            let inside = first_prose.is_some_and(|f| f < i) && last_prose.is_some_and(|l| l > i);
            line.kind =
                Some(if inside { BoilerplateKind::Caption } else { BoilerplateKind::Label });
        }
    }
    let mut out = Vec::new();
    for line in &lines {
        match line.kind {
            Some(kind) if !speech(line.para) => out.push(Boilerplate { span: line.span, kind }),
            _ if !line.may_tag => {}
            _ => out.extend(
                tags(text, line.span)
                    .into_iter()
                    .map(|span| Boilerplate { span, kind: BoilerplateKind::Markup }),
            ),
        }
    }
    out
}

/// Whether `s` [folds](text::fold) to `folded`, using `buf` as scratch.
///
/// The line is folded a char at a time and compared as it goes, so that
/// no more of it is folded than matches: most lines differ from the
/// headline within a few bytes (issue #5: every line whose first letter
/// was the headline's, or was no ASCII letter, was counted up to the
/// headline's length, 3.4 M instructions on 500 articles).
///
/// Folding reads one char at a time: a run of white space becomes one
/// space, written before the next char kept (none at the start or the
/// end); a period is dropped (it writes a pending space); every other
/// char is written as it folds alone (an ASCII byte but the backtick, to
/// its lower case; an apostrophe to `'`, a dash to `-`, and other General
/// Punctuation to itself).
fn folds_to(s: &str, folded: &str, buf: &mut String) -> bool {
    let folded = folded.as_bytes();
    let bytes = s.as_bytes();
    // How much of `folded` the folded start of `s` has matched.
    let mut k = 0;
    let mut space = false;
    let mut i = 0;
    let mut lower = [0];
    while i < bytes.len() {
        let b = bytes[i];
        let out: &[u8] = match b {
            b'\t'..=b'\r' | b' ' => {
                space = k > 0;
                i += 1;
                continue;
            }
            b'.' => {
                i += 1;
                &[]
            }
            b'`' | 0x80.. => {
                let c = s[i..].chars().next().expect("i is on a char boundary");
                let at = i;
                i += c.len_utf8();
                if is_space(c) {
                    space = k > 0;
                    continue;
                }
                // Apostrophes, dashes and the rest of General Punctuation
                // (which holds no letter), most of them quotation marks
                // that start a line, fold as `fold_into` folds them
                // without a call to it (issue #5: some 350 instructions a
                // line that starts with a quote).
                if text::is_apostrophe(c) {
                    b"'"
                } else if text::is_dash(c) {
                    b"-"
                } else if ('\u{2000}'..='\u{206F}').contains(&c) {
                    &bytes[at..i]
                } else {
                    buf.clear();
                    text::fold_into(&s[at..i], buf);
                    buf.as_bytes()
                }
            }
            _ => {
                i += 1;
                lower[0] = b.to_ascii_lowercase();
                &lower
            }
        };
        if std::mem::take(&mut space) {
            if folded.get(k) != Some(&b' ') {
                return false;
            }
            k += 1;
        }
        if !folded[k..].starts_with(out) {
            return false;
        }
        k += out.len();
    }
    k == folded.len()
}

/// The paragraphs of `text` without the whole lines of `boilerplate`: a
/// paragraph loses its boilerplate lines, and the lines left between them
/// become paragraphs of their own. Tags inside a line of prose stay.
pub fn strip(text: &str, paragraphs: &[Span], boilerplate: &[Boilerplate]) -> Vec<Span> {
    // Paragraphs are trimmed, so their lines run from end to end.
    if boilerplate.is_empty() {
        return paragraphs.to_vec();
    }
    let mut out = Vec::new();
    for &p in paragraphs {
        // A paragraph that no boilerplate overlaps keeps all its lines,
        // which run from its first char that is no white space to its last
        // (line breaks are white space): it is not split into lines again
        // (issue #5: finding the lines twice, here and in
        // `find_boilerplate_in`, cost 1% of the instructions of `quotes`).
        if !boilerplate.iter().any(|b| b.span.start < p.end && p.start < b.span.end) {
            out.extend(Some(text::trim(text, p)).filter(|t| !t.is_empty()));
            continue;
        }
        let mut run: Option<Span> = None;
        for line in lines_of(text, p) {
            if boilerplate.iter().any(|b| b.span.contains(line)) {
                out.extend(run.take());
            } else {
                run = Some(run.map_or(line, |r| Span::new(r.start, line.end)));
            }
        }
        out.extend(run);
    }
    out
}

/// [`strip`] as it was, every paragraph split into lines: the oracle of
/// the tests.
#[cfg(test)]
fn strip_by_lines(text: &str, paragraphs: &[Span], boilerplate: &[Boilerplate]) -> Vec<Span> {
    if boilerplate.is_empty() {
        return paragraphs.to_vec();
    }
    let mut out = Vec::new();
    for &p in paragraphs {
        let mut run: Option<Span> = None;
        for line in lines_of(text, p) {
            if boilerplate.iter().any(|b| b.span.contains(line)) {
                out.extend(run.take());
            } else {
                run = Some(run.map_or(line, |r| Span::new(r.start, line.end)));
            }
        }
        out.extend(run);
    }
    out
}

/// The number of bytes `boilerplate` covers.
pub fn dropped_bytes(boilerplate: &[Boilerplate]) -> usize {
    boilerplate.iter().map(|b| b.span.len()).sum()
}

/// The non-blank lines of a paragraph, trimmed.
fn lines_of(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    each_line(text, para, text::holds_separator(&text[para.range()]), |line| out.push(line));
    out
}

/// [`lines_of`], each handed to `f` in order instead of collected (issue
/// #5: a vector for each paragraph's lines, most of them one, cost some
/// 550 instructions a paragraph in `find_boilerplate_in`); `separators`
/// says whether the text may hold U+2028 or U+2029 (see
/// [`text::line_breaks_with`]: it is found once for the article).
fn each_line(text: &str, para: Span, separators: bool, mut f: impl FnMut(Span)) {
    let mut line = |l: Span| {
        let l = text::trim(text, l);
        if !l.is_empty() {
            f(l);
        }
    };
    let mut start = para.start;
    for (i, len) in text::line_breaks_with(&text[para.range()], separators) {
        line(Span::new(start, para.start + i));
        start = para.start + i + len;
    }
    line(Span::new(start, para.end));
}

/// Whether the paragraph holds a top-level speech quote and a speech cue
/// in its narration; `words` are the text's words.
fn has_cued_speech(text: &str, para: Span, quotes: &[Quote], words: &[Word]) -> bool {
    let inside: Vec<Span> = quotes
        .iter()
        .filter(|q| q.depth == 0 && para.contains_offset(q.outer.start))
        .map(|q| q.outer)
        .collect();
    if !quotes.iter().any(|q| q.depth == 0 && q.kind.is_speech() && inside.contains(&q.outer)) {
        return false;
    }
    let words: Vec<Word> = text::words_within(words, para)
        .iter()
        .filter(|w| !inside.iter().any(|q| q.contains(w.span)))
        .copied()
        .collect();
    let folded = text::fold_words(text, &words);
    !cue::find_cues_folded(text, &words, &folded).is_empty()
        || folded.windows(2).any(|w| w[0] == "according" && w[1] == "to")
}

#[cfg(test)]
mod tests {
    use super::BoilerplateKind::*;
    use super::*;

    #[test]
    fn folds_to_matches_fold_whatever_the_first_byte() {
        let mut buf = String::new();
        for (line, title) in [
            ("Storm Hits the Coast", "storm hits the coast"),
            (". Storm hits", "storm hits"),
            ("  Storm", "storm"),
            ("`Tis the season", "'tis the season"),
            ("“Storm” hits", "“storm” hits"),
            ("U.S. storm", "us storm"),
            ("Storm hits", "storms hit"),
            ("Xstorm", "storm"),
            ("...", "x"),
            ("‘Storm’ – hits", "‘storm' - hits"),
            ("“Storm”…", "“storm”…"),
            ("\u{2028}Storm", "storm"),
            ("«Storm»", "«storm»"),
        ] {
            assert_eq!(folds_to(line, title, &mut buf), text::fold(line) == title, "{line}");
        }
    }

    /// Prose lines the cases put around the line under test, so that it is
    /// neither the headline nor at an edge of the article.
    const BEFORE: &str = "The storm reached the coast on Monday, officials said.\n";
    const AFTER: &str = "\nRoads stayed closed until the water went down on Tuesday.";

    /// (name, line, expected kind): the line is tested between two prose
    /// lines.
    type Case = (&'static str, &'static str, Option<BoilerplateKind>);

    fn kind_of(line: &str) -> Option<BoilerplateKind> {
        let text = format!("{BEFORE}{line}{AFTER}");
        let found = find_boilerplate(&text, "");
        let at = BEFORE.len();
        let whole: Vec<_> =
            found.iter().filter(|b| b.span == Span::new(at, at + line.len())).collect();
        // The prose before is never touched (a comment form takes what
        // follows it).
        assert!(found.iter().all(|b| b.span.start >= at), "{found:?}");
        whole.first().map(|b| b.kind)
    }

    #[test]
    fn kinds_of_lines() {
        let cases: &[Case] = &[
            ("share: one network", "Pinterest", Some(Share)),
            ("share: glued", "FacebookTwitterWhatsApp", Some(Share)),
            ("share: phrase", "Share on Facebook", Some(Share)),
            ("comments: reply", "Leave a Reply", Some(Comments)),
            (
                "comments: email",
                "Your email address will not be published. Required fields are marked *",
                Some(Comments),
            ),
            ("comments: shouted", "MAKE A COMMENT", Some(Comments)),
            ("comments: captcha", "captcha challenge", Some(Comments)),
            ("markup: shortcode", "[gallery id=\"1234\"]", Some(Markup)),
            ("markup: html", "<div class=\"ad\"></div>", Some(Markup)),
            ("caption: photo by", "Firefighters at work on Monday. (Photo by AFP)", Some(Caption)),
            ("caption: slash credit", "A bridge near the port, May 2, 2024. /XNA", Some(Caption)),
            ("caption: photo colon", "Photo: Jane Doe", Some(Caption)),
            ("caption: in this photo", "In this photo, a crowd gathers.", Some(Caption)),
            ("caption: getty", "The harbour at dawn. AFP via Getty Images", Some(Caption)),
            ("caption: a name between paragraphs", "Harbour Minister Jane Doe", Some(Caption)),
            ("byline: by", "By Maria Lopez", Some(Byline)),
            ("byline: edited", "Edited by Sam Roe", Some(Byline)),
            ("byline: input", "(With input from Northland Press)", Some(Byline)),
            ("byline: contributed", "Sam Roe contributed to this report.", Some(Byline)),
            ("timestamp: iso", "2025-03-14 18:05:09", Some(Timestamp)),
            ("timestamp: words", "Updated: Monday, August 26, 2024 7:51 AM", Some(Timestamp)),
            ("link: also read", "ALSO READ-Floods Close Schools Across the North", Some(Link)),
            ("link: read more", "Read more: Floods close schools", Some(Link)),
            ("navigation: top", "Back to top button", Some(Navigation)),
            ("navigation: breadcrumb", "Home » World » Europe", Some(Navigation)),
            // Prose that looks a little like boilerplate is not.
            ("prose: by a date", "By Friday, the army had left the town.", None),
            ("prose: related", "Related talks will resume next week.", None),
            ("prose: photos show", "Photos show the damage to the old bridge.", None),
            ("prose: source", "Source close to the talks said nothing.", None),
            ("prose: sic", "The sign read \"closed [sic]\" for a week.", None),
            ("prose: share", "Share prices fell sharply on the news.", None),
        ];
        for &(name, line, want) in cases {
            assert_eq!(kind_of(line), want, "{name}: {line}");
        }
    }

    #[test]
    fn labels_at_the_edges_and_the_headline_kept() {
        let text = "Middle EastWorld News\n\nStorm Hits The Coast\n\nThe storm reached the coast on Monday.\n\nCommentaries";
        let found: Vec<(&str, BoilerplateKind)> = find_boilerplate(text, "Storm hits the coast")
            .iter()
            .map(|b| (&text[b.span.range()], b.kind))
            .collect();
        assert_eq!(found, [("Middle EastWorld News", Label), ("Commentaries", Comments)]);
        // Without a title, a first line of four or more words is the headline.
        let text = "Storm Hits The Coast\nThe storm reached the coast on Monday.\nWorld News";
        let found: Vec<&str> =
            find_boilerplate(text, "").iter().map(|b| &text[b.span.range()]).collect();
        assert_eq!(found, ["World News"]);
    }

    #[test]
    fn a_comment_form_or_a_late_list_of_links_runs_to_the_end() {
        let text = format!("{BEFORE}{AFTER}\nLeave a Reply\nJane\nI agree with the mayor.");
        let kinds: Vec<BoilerplateKind> =
            find_boilerplate(&text, "").iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [Comments, Comments, Comments]);
        let text = format!("{BEFORE}{AFTER}\nRelated Articles\nFloods close schools\nBack to top");
        let kinds: Vec<BoilerplateKind> =
            find_boilerplate(&text, "").iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [Link, Link, Navigation]);
    }

    #[test]
    fn a_paragraph_with_cued_speech_is_never_dropped() {
        let cases = [
            // A caption credit on a line that also quotes someone with a cue.
            "“We will rebuild,” the mayor said. (Photo by AFP)",
            // Share words inside a quote, with a cue.
            "“Share on Facebook,” she urged.",
            // A comment-form phrase, quoted and cued.
            "“Leave a reply,” he told reporters.",
            // A title-case quote line with "according to".
            "According to Jane Doe: “Never Again”",
        ];
        for line in cases {
            let text = format!("{BEFORE}\n{line}\n{AFTER}");
            let found = find_boilerplate(&text, "");
            assert!(found.is_empty(), "{line}: {found:?}");
        }
        // Without a cue, the same shapes are boilerplate.
        let text = format!("{BEFORE}\n“We will rebuild.” (Photo by AFP)\n{AFTER}");
        assert_eq!(find_boilerplate(&text, "").len(), 1);
    }

    #[test]
    fn tags_inside_prose_are_markup() {
        let text = "The mayor <a href=\"https://example.com\">spoke</a> on Monday [sic].";
        let found: Vec<(&str, BoilerplateKind)> =
            find_boilerplate(text, "").iter().map(|b| (&text[b.span.range()], b.kind)).collect();
        assert_eq!(found, [("<a href=\"https://example.com\">", Markup), ("</a>", Markup)]);
    }

    proptest::proptest! {
        /// `folds_to` answers what folding the whole line and comparing
        /// answers, on awkward lines and headlines.
        #[test]
        fn folds_to_matches_fold(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Storm", "storm", "hits", "U.S.", ".", "..", " ", "  ", "\t", "\u{A0}",
                    "\u{200B}", "`", "'", "’", "“", "”", "—", "-", "é", "É", "\u{212A}", "İ",
                    "ß", "ΣΑΣ", "2024", "x", "‘", "–", "…", "\u{2028}", "\u{2060}", "\u{206F}",
                    "\u{2070}", "«", "»", "ʼ", "´",
                ]),
                0..12,
            ),
            title_pieces in proptest::collection::vec(0usize..12, 0..12),
        ) {
            let line = pieces.concat();
            // Half the time the headline is the line's own fold, or part of it.
            let title = if title_pieces.len() % 2 == 0 {
                text::fold(&line)
            } else {
                let picked: Vec<&str> =
                    title_pieces.iter().filter_map(|&i| pieces.get(i).copied()).collect();
                text::fold(&picked.concat())
            };
            let mut buf = String::new();
            proptest::prop_assert_eq!(
                folds_to(&line, &title, &mut buf),
                text::fold(&line) == title,
                "{:?} {:?}", line, title
            );
        }

        /// `strip` gives what splitting every paragraph into lines gave,
        /// whatever the paragraphs (trimmed or not) and the spans.
        #[test]
        fn strip_matches_splitting_every_paragraph(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Share", "on", " ", "  ", "\n", "\r\n", "\n\n", "\u{2028}", "\u{A0}", "é",
                    "Leave a Reply", "<br>",
                ]),
                0..30,
            ),
            picks in proptest::collection::vec((0usize..64, 0usize..64), 0..6),
            raw_paragraphs in proptest::bool::ANY,
        ) {
            let text = pieces.concat();
            let paragraphs = if raw_paragraphs {
                vec![Span::new(0, text.len())]
            } else {
                text::paragraphs(&text)
            };
            let lines: Vec<Span> =
                paragraphs.iter().flat_map(|&p| lines_of(&text, p)).collect();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let boilerplate: Vec<Boilerplate> = picks
                .iter()
                .map(|&(a, b)| {
                    // Half the spans are whole lines, half anything.
                    let span = match lines.get(a) {
                        Some(&line) if b % 2 == 0 => line,
                        _ => {
                            let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                            Span::new(x.min(y), x.max(y))
                        }
                    };
                    Boilerplate { span, kind: Share }
                })
                .collect();
            proptest::prop_assert_eq!(
                strip(&text, &paragraphs, &boilerplate),
                strip_by_lines(&text, &paragraphs, &boilerplate)
            );
        }
    }

    #[test]
    fn strip_keeps_offsets_and_splits_paragraphs() {
        let text = "First line of prose.\nPinterest\nSecond line of prose.\n\nLeave a Reply";
        let found = find_boilerplate(text, "");
        assert_eq!(dropped_bytes(&found), "Pinterest".len() + "Leave a Reply".len());
        let kept = strip(text, &text::paragraphs(text), &found);
        let kept: Vec<&str> = kept.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(kept, ["First line of prose.", "Second line of prose."]);
    }
}
