//! The quote finder on any text: no panic, spans on character boundaries
//! that index the text, top-level quotes disjoint, nested ones inside.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelens::quote::find_quotes;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let quotes = find_quotes(&text);
    let mut last_top: Option<quotelens::Span> = None;
    for q in &quotes {
        assert!(q.outer.contains(q.span), "{q:?}");
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(text.is_char_boundary(q.outer.start) && text.is_char_boundary(q.outer.end));
        if q.depth == 0 {
            assert!(last_top.is_none_or(|t| t.end <= q.outer.start), "top-level overlap");
            last_top = Some(q.outer);
        } else {
            let parent = quotes.iter().any(|p| p.depth + 1 == q.depth && p.outer.contains(q.outer));
            assert!(parent, "nested quote outside a parent: {q:?}");
        }
    }
});
