//! Gazetteer CSV parsing on any bytes, then a look-up with what loaded:
//! no panic, errors name the file, matches index the haystack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelens::gazetteer::Gazetteer;

fuzz_target!(|data: &[u8]| {
    let (gazetteer, errors) = Gazetteer::from_reader("g.csv", data);
    for e in &errors {
        assert!(e.to_string().starts_with("g.csv"));
    }
    let haystack = String::from_utf8_lossy(data);
    for m in gazetteer.find(&haystack) {
        assert!(haystack.is_char_boundary(m.span.start) && haystack.is_char_boundary(m.span.end));
    }
});
