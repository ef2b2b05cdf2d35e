//! The fields of one JSON Lines article, read by serde_json or, for the
//! lines most inputs hold, by a plain scan.
//!
//! serde_json took about 6 M of the 289 M instructions `quotes` spent on a
//! 0.9 MB input (issue #5), most of them on the text's string: its
//! escapes (a `\n` per paragraph, `\"` for quotes) each stop its scan and
//! cost a round of calls. [`parse`] reads an object whose keys are the
//! known fields, each once, with string (or, but for `text`, `null`)
//! values, and gives up on anything else (an unknown field, a number, a
//! key with an escape, a lone surrogate, a syntax error), which serde_json
//! then reads: its values and its error messages are the behaviour, and
//! the tests hold the scan to serde_json's values.

use serde::Deserialize;

use crate::output::json_string_run;

/// One JSON Lines record as written. Unknown fields are ignored.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(expecting = "a JSON object with a string `text` field")]
pub(super) struct Record {
    pub(super) id: Option<String>,
    pub(super) outlet: Option<String>,
    pub(super) date: Option<String>,
    pub(super) url: Option<String>,
    pub(super) title: Option<String>,
    pub(super) text: String,
}

/// The record `line` holds, read as serde_json reads it, or `None` when
/// the line is not of the plain shape the [module docs](self) describe
/// (it may still be a record: ask serde_json).
pub(super) fn parse(line: &str) -> Option<Record> {
    let mut scan = Scan { line, at: 0 };
    let mut fields: [Option<Option<String>>; 5] = Default::default();
    let mut text = None;
    scan.space();
    scan.eat(b'{')?;
    loop {
        scan.space();
        let key = scan.key()?;
        scan.space();
        scan.eat(b':')?;
        scan.space();
        if key == "text" {
            if text.is_some() {
                return None;
            }
            scan.eat(b'"')?;
            // The text is most of the line: room for the rest of the line
            // saves growing it escape by escape.
            text = Some(scan.string(line.len() - scan.at)?);
        } else {
            let slot = ["id", "outlet", "date", "url", "title"].iter().position(|&k| k == key)?;
            if fields[slot].is_some() {
                return None;
            }
            fields[slot] = Some(scan.string_or_null()?);
        }
        scan.space();
        match scan.next()? {
            b',' => {}
            b'}' => break,
            _ => return None,
        }
    }
    scan.space();
    if scan.at != line.len() {
        return None;
    }
    let [id, outlet, date, url, title] = fields.map(Option::flatten);
    Some(Record { id, outlet, date, url, title, text: text? })
}

/// A position in a line.
struct Scan<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    /// Skips JSON white space.
    fn space(&mut self) {
        let bytes = self.line.as_bytes();
        while bytes.get(self.at).is_some_and(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// The next byte, consumed.
    fn next(&mut self) -> Option<u8> {
        let byte = *self.line.as_bytes().get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// Consumes `byte`, or gives up.
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// A key without escapes.
    fn key(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let (line, from) = (self.line, self.at);
        let end = from + json_string_run(&line.as_bytes()[from..]);
        self.at = end;
        self.eat(b'"')?;
        Some(&line[from..end])
    }

    /// `null`, or a string.
    fn string_or_null(&mut self) -> Option<Option<String>> {
        match self.next()? {
            b'"' => self.string(0).map(Some),
            b'n' if self.line[self.at..].starts_with("ull") => {
                self.at += 3;
                Some(None)
            }
            _ => None,
        }
    }

    /// The rest of a string whose opening quote was consumed, unescaped,
    /// in a string with room for `capacity` bytes.
    fn string(&mut self, capacity: usize) -> Option<String> {
        let bytes = self.line.as_bytes();
        let mut out = String::with_capacity(capacity);
        loop {
            let end = self.at + json_string_run(&bytes[self.at..]);
            out.push_str(&self.line[self.at..end]);
            self.at = end + 1;
            match *bytes.get(end)? {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                // A control byte: an error.
                _ => return None,
            }
        }
    }

    /// The character of an escape whose backslash was consumed.
    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => match self.hex()? {
                high @ 0xD800..=0xDBFF => {
                    self.eat(b'\\')?;
                    self.eat(b'u')?;
                    let low = self.hex()?;
                    if !(0xDC00..=0xDFFF).contains(&low) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                }
                // A lone low surrogate gives `None`.
                unit => char::from_u32(unit)?,
            },
            _ => return None,
        })
    }

    /// Four hex digits.
    fn hex(&mut self) -> Option<u32> {
        let digits = self.line.get(self.at..self.at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).ok()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// serde_json's reading: the oracle.
    fn serde(line: &str) -> Option<Record> {
        serde_json::from_str(line).ok()
    }

    #[test]
    fn plain_lines_are_read_as_serde_json_reads_them() {
        let lines = [
            r#"{"id":"a","text":"A"}"#,
            " {\"text\" : \"x\\r\\ny\", \"outlet\":\"O\"}\r\n",
            r#"{"id":"","text":"z","url":null,"title":null,"date":"d"}"#,
            r#"{"text":"\"q\" \\ \/ \b\f\n\r\t \u00e9\u00E9 \u0000 \ud83d\ude00 \u20AC"}"#,
            r#"{"text":"“Zoë” — 😀"}"#,
            r#"{"text":""}"#,
        ];
        for line in lines {
            let ours = parse(line);
            assert!(ours.is_some(), "{line}");
            assert_eq!(ours, serde(line), "{line}");
        }
    }

    #[test]
    fn anything_else_is_left_to_serde_json() {
        let lines = [
            "",
            "{}",
            r#"{"id":"a"}"#,
            r#"{"text":"a","extra":1}"#,
            r#"{"text":"a","extra":"b"}"#,
            r#"{"text":"a","text":"b"}"#,
            r#"{"id":"a","id":"b","text":"c"}"#,
            r#"{"t\u0065xt":"a"}"#,
            r#"{"text":5}"#,
            r#"{"text":null}"#,
            r#"{"id":nul,"text":"a"}"#,
            r#"{"id":nullx,"text":"a"}"#,
            r#"{"text":"a"} x"#,
            r#"{"text":"a",}"#,
            r#"{"text":"a""#,
            r#"{"text":"a"#,
            "{\"text\":\"a\tb\"}",
            r#"{"text":"\x"}"#,
            r#"{"text":"\u12"}"#,
            r#"{"text":"\u12g4"}"#,
            r#"{"text":"\ud83d"}"#,
            r#"{"text":"\ud83d\u0041"}"#,
            r#"{"text":"\ude00"}"#,
            r#"["text"]"#,
        ];
        for line in lines {
            assert_eq!(parse(line), None, "{line}");
        }
    }

    /// Strings heavy in what JSON escapes, written by serde_json.
    fn awkward() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            (0u8..0x20).prop_map(|b| char::from(b).to_string()),
            Just("“Zoë’s” — café ☕ 𝄞".to_owned()),
            "[a-zA-Z ,.]{0,20}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
    }

    /// A JSON value in a field: a string, `null`, or something else.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => awkward().prop_map(|s| serde_json::to_string(&s).unwrap()),
            1 => Just("null".to_owned()),
            1 => Just("7".to_owned()),
            // Escapes serde_json does not write.
            1 => Just(r#""\/\u00E9\uD834\uDD1E\u0041""#.to_owned()),
        ]
    }

    prop_compose! {
        /// An object of known and unknown fields, in any order, spaced.
        fn lines()(
            fields in prop::collection::vec(
                (prop::sample::select(vec!["id", "outlet", "date", "url", "title", "text", "text", "x"]), value()),
                0..8,
            ),
            space in prop::sample::select(vec!["", " ", "\t", "\r\n"]),
        ) -> String {
            let fields: Vec<String> =
                fields.iter().map(|(k, v)| format!("{space}\"{k}\"{space}:{space}{v}")).collect();
            format!("{space}{{{}{space}}}{space}", fields.join(","))
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn a_line_is_read_as_serde_json_reads_it(line in lines()) {
            if let Some(ours) = parse(&line) {
                prop_assert_eq!(Some(ours), serde(&line), "{}", line);
            }
        }

        #[test]
        fn a_plain_record_is_read_by_the_scan(
            text in awkward(),
            id in prop::option::of(awkward()),
            title in prop::option::of(awkward()),
        ) {
            let record = serde_json::json!({"id": id, "title": title, "text": text});
            let line = serde_json::to_string(&record).unwrap();
            let ours = parse(&line);
            prop_assert!(ours.is_some(), "{}", line);
            prop_assert_eq!(ours, serde(&line), "{}", line);
        }

        #[test]
        fn a_broken_line_is_never_read(line in lines(), cut in any::<prop::sample::Index>()) {
            // Cut short anywhere, the line is read as serde_json reads it,
            // or left to it.
            let mut bytes = line.into_bytes();
            let at = cut.index(bytes.len().max(1));
            bytes.truncate(at);
            let line = String::from_utf8_lossy(&bytes);
            if let Some(ours) = parse(&line) {
                prop_assert_eq!(Some(ours), serde(&line), "{}", line);
            }
        }
    }
}
