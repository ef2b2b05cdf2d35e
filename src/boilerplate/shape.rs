//! What a line looks like: the shapes of each kind of boilerplate.

use crate::Span;
use crate::lexicon::PhraseSet;
use crate::text::{self, is_space};

use super::BoilerplateKind;
use super::markup::tags;
use super::vocabulary::*;

/// The kind of boilerplate a line is, labels aside.
pub(super) fn classify(line: &str) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    let folded = text::fold(line);
    let words = words_of(line);
    if !line.chars().any(char::is_alphanumeric) {
        return None;
    }
    let outside_tags = {
        let mut rest = String::new();
        let mut at = 0;
        for t in tags(line, Span::new(0, line.len())) {
            rest.push_str(&line[at..t.start]);
            at = t.end;
        }
        rest.push_str(&line[at..]);
        rest
    };
    if !outside_tags.chars().any(char::is_alphanumeric) {
        return Some(Markup);
    }
    let short = words.len() <= 20;
    if short
        && (COMMENT_PHRASES.phrases().iter().any(|p| contains_phrase(&folded, p))
            || COMMENT_HEADINGS.contains(folded.trim_matches(|c: char| !c.is_alphanumeric())))
    {
        return Some(Comments);
    }
    let whole: Vec<String> = text::words(line, Span::new(0, line.len()))
        .iter()
        .map(|w| text::fold(w.as_str(line)))
        .collect();
    if whole.iter().all(|w| SHARE_FILLER.contains(w) || is_share_word(w))
        && whole.iter().any(|w| is_share_word(w))
    {
        return Some(Share);
    }
    if is_phrase(&folded, &NAVIGATION) || is_breadcrumb(line) {
        return Some(Navigation);
    }
    if words.len() <= 30 && starts_with_any(&folded, &LINK_STARTS)
        || is_phrase(&folded, &LINK_HEADINGS)
    {
        return Some(Link);
    }
    if is_caption(line, &folded, &words) {
        return Some(Caption);
    }
    if words.len() <= 12 && is_byline(line, &folded) {
        return Some(Byline);
    }
    if is_timestamp(line) {
        return Some(Timestamp);
    }
    None
}

/// Whether the folded word is share words, perhaps glued together by a
/// scraper (`facebooktwitterwhatsapp`).
fn is_share_word(w: &str) -> bool {
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

/// The folded words of a line, with words glued by a scraper split apart
/// (`EastWorld` → `east`, `world`).
fn words_of(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in text::words(line, Span::new(0, line.len())) {
        let w = w.as_str(line);
        let mut start = 0;
        let mut prev_lower = false;
        for (i, c) in w.char_indices() {
            if c.is_uppercase() && prev_lower {
                out.push(text::fold(&w[start..i]));
                start = i;
            }
            prev_lower = c.is_lowercase();
        }
        out.push(text::fold(&w[start..]));
    }
    out
}

/// Whether the folded line is, punctuation at its ends aside, one of the
/// phrases.
pub(super) fn is_phrase(folded: &str, set: &PhraseSet) -> bool {
    let core = folded.trim_matches(|c: char| !c.is_alphanumeric());
    set.phrases().iter().any(|p| core.split(' ').eq(p.iter().copied()))
}

/// Whether the folded line starts with one of the phrases as whole words.
fn starts_with_any(folded: &str, set: &PhraseSet) -> bool {
    let core = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    set.phrases().iter().any(|p| {
        let phrase = p.join(" ");
        core.strip_prefix(&phrase)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '\''))
    })
}

/// Whether the folded text contains the phrase as whole words.
fn contains_phrase(folded: &str, phrase: &[&str]) -> bool {
    let phrase = phrase.join(" ");
    folded.match_indices(&phrase).any(|(i, _)| {
        let before = folded[..i].chars().next_back();
        let after = folded[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `Home » World » Europe`: two or more separators between short parts.
fn is_breadcrumb(line: &str) -> bool {
    let parts: Vec<&str> = line.split(['»', '›', '>', '|']).map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
}

fn is_caption(line: &str, folded: &str, words: &[String]) -> bool {
    if starts_with_any(folded, &CAPTION_STARTS) && words.len() > 1 {
        // "Photo: …", "In this photo, …" — but not "Photos show …".
        let after = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
        let first = CAPTION_STARTS
            .phrases()
            .iter()
            .map(|p| p.join(" "))
            .filter(|p| after.starts_with(p.as_str()))
            .max_by_key(String::len)
            .unwrap_or_default();
        let next = after[first.len()..].trim_start();
        if next.starts_with([':', ',', '/', '-']) || next.starts_with("by ") || first.contains(' ')
        {
            return true;
        }
    }
    // A parenthesis naming a photo: "(Photo by AFP)", "(AFP Photo)".
    let mut rest = line;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        let inner = text::fold(&rest[open + 1..open + close]);
        let inner_words: Vec<&str> = inner
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        if inner_words.len() <= 8 && inner_words.iter().any(|w| CAPTION_WORDS.contains(w)) {
            return true;
        }
        rest = &rest[open + close + 1..];
    }
    // An agency credit after a slash at the end: "… 2024. /CFP".
    let mut tokens = line.split(is_space).filter(|t| !t.is_empty()).rev();
    if let Some(last) = tokens.next() {
        let credit = last
            .strip_prefix('/')
            .is_some_and(|c| c.chars().count() >= 2 && c.chars().all(char::is_alphabetic));
        let agency = last.chars().all(char::is_uppercase) && last.chars().count() >= 2;
        let slash_before = tokens.clone().next() == Some("/");
        if (credit || agency && slash_before) && words.len() >= 4 {
            return true;
        }
    }
    folded.ends_with("getty images") || folded.contains("via getty images")
}

fn is_byline(line: &str, folded: &str) -> bool {
    if starts_with_any(folded, &BYLINE_STARTS) {
        // "Source: X" or "Author: X" only with a colon; the others as they are.
        let core = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
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
fn is_timestamp(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| is_space(c) || c == ',' || c == '|')
        .map(|t| t.trim_matches(|c: char| ":()-–—".contains(c)))
        .filter(|t| !t.is_empty())
        .collect();
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
    !tokens.is_empty()
        && tokens.len() <= 12
        && tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()))
        && tokens.iter().all(|t| {
            numeric(t) || ordinal(t) || TIME_WORDS.contains(text::fold(t).trim_end_matches(':'))
        })
}

/// A short title-case line with no sentence punctuation.
pub(super) fn is_label(line: &str) -> bool {
    let words: Vec<&str> = line.split(is_space).filter(|w| !w.is_empty()).collect();
    let capital =
        |w: &&str| text::is_capitalized(w) || w.chars().all(|c| c.is_ascii_digit()) || *w == "&";
    !words.is_empty()
        && words.len() <= 8
        && !line.contains([',', ';', ':', '!', '?', '"', '“', '”', '«', '»', '(', ')'])
        && !line.ends_with('.')
        && words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && words.iter().all(|w| capital(w) || LABEL_CONNECTORS.contains(&text::fold(w)))
}
