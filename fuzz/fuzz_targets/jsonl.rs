//! The article reader on any bytes, as standard input: JSON Lines or one
//! text article, with a small size limit. No panic; every article read has
//! text that is not only white space, within the limit.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use quotelens::corpus::InputsBuilder;
use quotelens::text::is_space;

fuzz_target!(|data: &[u8]| {
    let mut inputs = InputsBuilder::new().max_article_size(512).read_from(Cursor::new(data.to_vec()));
    while let Some(item) = inputs.next() {
        for warning in inputs.take_warnings() {
            assert!(warning.to_string().starts_with("-"));
        }
        match item {
            Ok(article) => {
                assert!(!article.text.chars().all(is_space));
                assert!(article.text.len() <= 4 * 512, "decoded from at most 512 bytes");
            }
            Err(e) => assert!(e.to_string().starts_with("-")),
        }
    }
});
