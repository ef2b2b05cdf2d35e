//! `sources.csv` parsing on any bytes: no panic, errors name the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelens::corpus::Sources;

fuzz_target!(|data: &[u8]| {
    let (sources, errors) = Sources::from_reader("sources.csv", data);
    for e in &errors {
        assert!(e.to_string().starts_with("sources.csv"));
    }
    let mut article = quotelens::Article::new("a", "text");
    sources.apply(&mut article);
});
