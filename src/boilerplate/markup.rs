//! Markup left by scrapers: HTML tags and shortcodes.

use crate::Span;

/// The markup tags inside `span`: HTML tags (`<a href="…">`, `</p>`) and
/// shortcodes that have an attribute or close (`[gallery id="1"]`,
/// `[/caption]`). Editorial brackets (`[sic]`, `[the army]`) are not tags.
pub(super) fn tags(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.range()];
    let mut out = Vec::new();
    let mut i = 0;
    // Only `<` and `[` are looked at (so `i` is on a char boundary there):
    // jump from one to the next instead of stepping through every byte
    // (issue #5: every line of prose is searched).
    while let Some(k) = memchr::memchr2(b'<', b'[', &s.as_bytes()[i..]) {
        i += k;
        let len = match s.as_bytes()[i] {
            b'<' => tag_len(&s[i..], '<', '>'),
            _ => tag_len(&s[i..], '[', ']'),
        };
        match len {
            Some(len) => {
                out.push(Span::new(span.start + i, span.start + i + len));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The length of the tag at the start of `rest`, if one is there.
fn tag_len(rest: &str, open: char, close: char) -> Option<usize> {
    let closing = rest[1..].starts_with('/');
    let name_start = 1 + usize::from(closing);
    if !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = 1 + rest[1..].find([close, open, '\n'])?;
    if !rest[end..].starts_with(close) || end > 500 {
        return None;
    }
    let body = &rest[name_start..end];
    let name = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    let after = &body[name.unwrap_or(body.len())..];
    let ok = if open == '<' {
        after.is_empty() || after.starts_with([' ', '/'])
    } else if closing {
        after.is_empty()
    } else {
        after.starts_with(' ') && after.contains('=')
    };
    ok.then_some(end + 1)
}
