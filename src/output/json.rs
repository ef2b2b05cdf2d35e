//! JSON and JSON Lines, for anything serde can serialize.
//!
//! # Format
//!
//! * [`write_json`] writes one value, pretty-printed (two-space indent),
//!   then a newline. For quote records the value is an array of records.
//! * [`write_jsonl`] writes JSON Lines: one value per line, compact, each
//!   line ending in `\n`; nothing at all for no values.
//!
//! A [`QuoteRecord`](crate::QuoteRecord) is an object with the fields
//! listed in [`crate::record`], in that order:
//!
//! ```json
//! {"source":"a1","outlet":"a1","start":3,"end":18,"text":"We will rebuild","kind":"full","depth":0,"speaker":"Jane Doe","speaker_type":"person","mention":{"text":"Jane Doe","start":21,"end":29},"cue":"said","rule":"trailing-cue","confidence":0.9}
//! ```
//!
//! Each line stands alone: the stream has no envelope and no `type` tag,
//! because every stream quotelens writes holds one kind of value (quote
//! records, matches or speakers, as the command says), so `grep` and
//! `jq -c` work line by line. Modules that write other values in these
//! formats ([`super::matches`], [`super::speakers`], [`super::eval`])
//! describe their fields.

use std::io;

use serde::Serialize;

/// Writes `value` as pretty-printed JSON and a newline.
///
/// # Errors
///
/// Any error of the writer (serializing our types cannot fail otherwise).
pub fn write_json<T: Serialize + ?Sized>(value: &T, mut out: impl io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()
}

/// Writes each value as one line of JSON.
///
/// Each line is serialized into a `Vec` first and reaches `out` in one
/// write: serde_json writes every key, string run and punctuation mark
/// separately, and each of those small writes through a `BufWriter` costs
/// more than appending to a `Vec` (issue #5: `compare --format jsonl`
/// spent 7% of its instructions here).
///
/// # Errors
///
/// Any error of the writer (serializing our types cannot fail otherwise).
pub fn write_jsonl<T: Serialize>(
    values: impl IntoIterator<Item = T>,
    mut out: impl io::Write,
) -> io::Result<()> {
    let mut line = Vec::new();
    for value in values {
        line.clear();
        serde_json::to_writer(&mut line, &value)?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Point {
        x: u8,
        y: Option<u8>,
    }

    #[test]
    fn pretty_array_and_lines() {
        let points = [Point { x: 1, y: None }, Point { x: 2, y: Some(3) }];
        let mut out = Vec::new();
        write_json(&points, &mut out).unwrap();
        let want = "[\n  {\n    \"x\": 1,\n    \"y\": null\n  },\n  {\n    \"x\": 2,\n    \"y\": 3\n  }\n]\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
        let mut out = Vec::new();
        write_jsonl(&points, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "{\"x\":1,\"y\":null}\n{\"x\":2,\"y\":3}\n");
        let mut out = Vec::new();
        write_jsonl(Vec::<Point>::new(), &mut out).unwrap();
        assert!(out.is_empty());
    }
}
