//! The whole extraction (quotes, attribution, speakers) on any text: no
//! panic, and every record's text is the article's bytes at its offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelens::{Article, extract::Extractor};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let extraction = Extractor::new().extract(vec![Article::new("fuzz", text.clone())]);
    for r in &extraction.records {
        assert_eq!(text[r.start..r.end], r.text);
        if let Some(m) = &r.mention {
            assert_eq!(text[m.start..m.end], m.text);
        }
    }
});
