//! JSON Lines input: one article per line.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::text;
use crate::{Article, Error, Result, Skip};

/// One JSON Lines record as written. Unknown fields are ignored.
#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(expecting = "a JSON object with a string `text` field")]
struct Record {
    id: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
    text: String,
}

/// Reads articles from JSON Lines, one line at a time.
///
/// Blank lines are skipped, a UTF-8 byte-order mark before the first line
/// is allowed, and a bad line is an error item after which reading goes on,
/// except for a NUL byte (a binary file) or an I/O error, which end it. A
/// line longer than the size limit is skipped without being kept in
/// memory; invalid UTF-8 in a line is replaced as in
/// [`text::lossy_utf8`], with a warning.
pub(crate) struct JsonLines {
    path: PathBuf,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    buf: Vec<u8>,
    /// The longest line read, in bytes.
    limit: u64,
    /// Warnings not yet taken by the caller.
    pub(crate) warnings: Vec<Error>,
    /// The number of the line read last (1-based).
    line: u64,
    /// The byte offset of the next line.
    offset: u64,
    done: bool,
}

impl JsonLines {
    /// Reads `reader`, named `path` in messages. Records without an id get
    /// `<stem>:<line number>`.
    pub(crate) fn new(
        path: PathBuf,
        stem: String,
        reader: Box<dyn BufRead + Send>,
        limit: u64,
    ) -> JsonLines {
        JsonLines {
            path,
            stem,
            reader,
            buf: Vec::new(),
            limit,
            warnings: Vec::new(),
            line: 0,
            offset: 0,
            done: false,
        }
    }

    /// The input being read.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line of the item returned last.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Parses the non-blank line `line`.
    fn parse(&self, line: &str) -> Result<Article> {
        // serde would also take a struct from a JSON array: refuse that.
        let malformed =
            |message: String| Error::skipped(&self.path, Some(self.line), Skip::Malformed(message));
        if !line.trim_start().starts_with('{') {
            return Err(malformed("expected a JSON object with a string `text` field".into()));
        }
        // Most lines are flat objects of strings, read by hand; serde_json
        // reads the rest, and words every error.
        let record = match read_flat(line) {
            Some(record) => record,
            None => Self::parse_serde(line).map_err(malformed)?,
        };
        if record.text.chars().all(crate::text::is_space) {
            return Err(Error::skipped(&self.path, Some(self.line), Skip::Empty));
        }
        let id = match record.id {
            Some(id) if !id.trim().is_empty() => id,
            _ => format!("{}:{}", self.stem, self.line),
        };
        Ok(Article {
            id,
            outlet: record.outlet.unwrap_or_default(),
            date: record.date.unwrap_or_default(),
            url: record.url.unwrap_or_default(),
            title: record.title.unwrap_or_default(),
            text: record.text,
        })
    }

    /// A record as serde_json reads it, or the message of its error.
    fn parse_serde(line: &str) -> std::result::Result<Record, String> {
        serde_json::from_str(line).map_err(|e| {
            // serde_json counts lines within this one line: keep its column.
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            format!("{message} (column {})", e.column())
        })
    }
}

/// The record of `line` when the line is a flat JSON object whose values
/// are strings or `null`, with a string `text` and no field of the record
/// twice, and no control byte other than trailing white space (the lines
/// of most corpora); `None` for any other line, which serde_json then
/// reads (and words the error of). When it gives a record, it is the one
/// serde_json gives.
///
/// Parsing each line with serde_json was 6.25 M instructions of 187.6 M
/// on g500, on the thread that also names and writes (issue #5); it
/// checks every string byte for an escape or a control byte eight at a
/// time, where this finds the quotes and backslashes with `memchr2` and
/// rules out control bytes in one pass over the line.
fn read_flat(line: &str) -> Option<Record> {
    let bytes = line.as_bytes();
    let end = bytes.len() - bytes.iter().rev().take_while(|&&b| is_json_space(b)).count();
    // Control bytes are errors in a string and rare as white space
    // between tokens: with any, serde_json reads the line. (A fold over
    // every byte, not `any`, so that it is vectorized.)
    if bytes[..end].iter().fold(false, |control, &b| control | (b < 0x20)) {
        return None;
    }
    let mut p = Flat { s: &line[..end], at: 0 };
    p.skip_space();
    p.eat(b'{')?;
    // Each field of the record: not seen, or seen with its value.
    let mut fields: [Option<Option<String>>; 6] = Default::default();
    p.skip_space();
    loop {
        let key = p.key()?;
        p.skip_space();
        p.eat(b':')?;
        p.skip_space();
        let value = if p.s[p.at..].starts_with("null") {
            p.at += 4;
            None
        } else {
            Some(p.string()?)
        };
        let slot = ["id", "outlet", "date", "url", "title", "text"].iter().position(|&f| f == key);
        if let Some(k) = slot {
            // serde_json refuses a field given twice.
            if fields[k].replace(value).is_some() {
                return None;
            }
        }
        p.skip_space();
        match p.next()? {
            b',' => p.skip_space(),
            b'}' => break,
            _ => return None,
        }
    }
    p.skip_space();
    if p.at != p.s.len() {
        return None;
    }
    let [id, outlet, date, url, title, text] = fields;
    Some(Record {
        id: id.flatten(),
        outlet: outlet.flatten(),
        date: date.flatten(),
        url: url.flatten(),
        title: title.flatten(),
        text: text.flatten()?,
    })
}

/// JSON's white space.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A position in a line read by [`read_flat`], which holds no control byte.
struct Flat<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Flat<'a> {
    fn next(&mut self) -> Option<u8> {
        let b = *self.s.as_bytes().get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    fn skip_space(&mut self) {
        let bytes = self.s.as_bytes();
        while bytes.get(self.at).is_some_and(|&b| is_json_space(b)) {
            self.at += 1;
        }
    }

    /// A key: a string without escapes (a key with one is left to
    /// serde_json).
    fn key(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let rest = &self.s.as_bytes()[self.at..];
        let n = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[n] != b'"' {
            return None;
        }
        let key = &self.s[self.at..self.at + n];
        self.at += n + 1;
        Some(key)
    }

    /// A string, its escapes decoded; `None` for a malformed one and for
    /// an escaped surrogate that is not half of a pair.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let bytes = self.s.as_bytes();
        let mut n = memchr::memchr2(b'"', b'\\', &bytes[self.at..])?;
        if bytes[self.at + n] == b'"' {
            let value = self.s[self.at..self.at + n].to_string();
            self.at += n + 1;
            return Some(value);
        }
        let mut out = String::with_capacity(self.s.len() - self.at);
        loop {
            out.push_str(&self.s[self.at..self.at + n]);
            self.at += n;
            if self.next()? == b'"' {
                return Some(out);
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.escaped_char()?,
                _ => return None,
            };
            out.push(c);
            n = memchr::memchr2(b'"', b'\\', &bytes[self.at..])?;
        }
    }

    /// The char of a `\u` escape whose `\u` was read, a surrogate pair
    /// taking two escapes.
    fn escaped_char(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if !(0xD800..0xE000).contains(&high) {
            return char::from_u32(high);
        }
        if high >= 0xDC00 || !self.s[self.at..].starts_with("\\u") {
            return None;
        }
        self.at += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.at..self.at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).ok()
    }
}

impl Iterator for JsonLines {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        while !self.done {
            self.buf.clear();
            let start = self.offset;
            match text::read_line_limited(&mut self.reader, &mut self.buf, self.limit) {
                Ok((0, _)) => self.done = true,
                Ok((n, too_long)) => {
                    self.offset += n;
                    self.line += 1;
                    if too_long {
                        let reason = Skip::TooLarge { limit: self.limit };
                        return Some(Err(Error::skipped(&self.path, Some(self.line), reason)));
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::io(&self.path, e)));
                }
            }
            let skip = if self.line == 1 && self.buf.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
            let bytes = &self.buf[skip..];
            if let Some(at) = memchr::memchr(0, bytes) {
                self.done = true;
                let at = start + (skip + at) as u64;
                return Some(Err(text::binary(&self.path, Some(self.line), at)));
            }
            let (line, warning) = text::lossy_utf8(&self.path, Some(self.line), bytes.to_vec());
            if !line.trim().is_empty() {
                self.warnings.extend(warning);
                return Some(self.parse(&line));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input` as `in.jsonl` into `Ok(id|outlet|text)` or `Err(message)`.
    fn read(input: &'static [u8]) -> Vec<std::result::Result<String, String>> {
        let lines = JsonLines::new("dir/in.jsonl".into(), "in".into(), Box::new(input), 60);
        lines
            .map(|item| match item {
                Ok(a) => Ok(format!("{}|{}|{}", a.id, a.outlet, a.text)),
                Err(e) => Err(e.to_string()),
            })
            .collect()
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        struct Case {
            name: &'static str,
            input: &'static [u8],
            expected: Vec<std::result::Result<&'static str, &'static str>>,
        }
        let cases = [
            Case {
                name: "malformed middle line: the next still loads",
                input: b"{\"id\":\"a\",\"text\":\"A\"}\n{\"id\": oops}\n{\"id\":\"c\",\"text\":\"C\"}\n",
                expected: vec![
                    Ok("a||A"),
                    Err("dir/in.jsonl:2: invalid record: expected value (column 8)"),
                    Ok("c||C"),
                ],
            },
            Case {
                name: "optional fields, default id, blank lines, CRLF, unknown field",
                input: b"\n{\"text\":\"x\\r\\ny\",\"outlet\":\"O\",\"extra\":1}\r\n  \r\n{\"id\":\"\",\"text\":\"z\",\"url\":null}",
                expected: vec![Ok("in:2|O|x\r\ny"), Ok("in:4||z")],
            },
            Case {
                name: "text is required and must be a string",
                input: b"{\"id\":\"a\"}\n{\"text\":5}\n[\"id\", \"o\", \"d\", \"u\", \"t\", \"text\"]\n\"x\"\n",
                expected: vec![
                    Err("dir/in.jsonl:1: invalid record: missing field `text` (column 10)"),
                    Err("dir/in.jsonl:2: invalid record: invalid type: integer `5`, expected a string (column 9)"),
                    Err("dir/in.jsonl:3: invalid record: expected a JSON object with a string `text` field"),
                    Err("dir/in.jsonl:4: invalid record: expected a JSON object with a string `text` field"),
                ],
            },
            Case {
                name: "a BOM before the first line is allowed",
                input: b"\xef\xbb\xbf{\"text\":\"t\"}\n",
                expected: vec![Ok("in:1||t")],
            },
            Case {
                name: "invalid UTF-8 is replaced by `?` (the warning is tested below)",
                input: b"{\"text\":\"a\"}\n{\"text\":\"\xff\"}\n{\"text\":\"c\"}\n",
                expected: vec![Ok("in:1||a"), Ok("in:2||?"), Ok("in:3||c")],
            },
            Case {
                name: "a line over the limit (60 bytes here) is skipped, the next still loads",
                input: b"{\"text\":\"a very long line, longer than the limit of sixty bytes\"}\n{\"text\":\"c\"}",
                expected: vec![
                    Err("dir/in.jsonl:1: larger than the article size limit of 60 bytes; skipped"),
                    Ok("in:2||c"),
                ],
            },
            Case {
                name: "blank text is skipped",
                input: b"{\"text\":\" \\n\"}\n{\"text\":\"\"}\n",
                expected: vec![
                    Err("dir/in.jsonl:1: empty: no text to read; skipped"),
                    Err("dir/in.jsonl:2: empty: no text to read; skipped"),
                ],
            },
            Case {
                name: "a NUL byte ends the file",
                input: b"{\"text\":\"a\"}\n\0\0\n{\"text\":\"c\"}\n",
                expected: vec![
                    Ok("in:1||a"),
                    Err("dir/in.jsonl:2: binary file (NUL byte at byte offset 13), not an article"),
                ],
            },
        ];
        for case in cases {
            let expected: Vec<_> =
                case.expected.iter().map(|r| r.map(str::to_owned).map_err(str::to_owned)).collect();
            assert_eq!(read(case.input), expected, "{}", case.name);
        }
    }

    /// Lines read by hand are read as serde_json reads them, and a line
    /// of the usual shape is read by hand.
    #[test]
    fn usual_lines_are_read_by_hand() {
        for line in [
            r#"{"id":"a","outlet":"O","date":"d","url":"u","title":"t","text":"x\ny \"z\" \u00e9\ud83d\ude00"}"#,
            "{\"text\": \"a\", \"extra\": null, \"id\": null}\r\n",
            " { \"text\" : \"\" , \"title\":\"\\/\\\\\\b\\f\\r\\t\" } ",
        ] {
            let by_hand = read_flat(line);
            assert!(by_hand.is_some(), "{line:?}");
            assert_eq!(by_hand.ok_or(String::new()), JsonLines::parse_serde(line), "{line:?}");
        }
        for line in [
            "{}",
            "{\"text\":null}",
            "{\"id\":\"a\"}",
            "{\"text\":\"a\",\"text\":\"b\"}",
            "{\"text\":\"a\",}",
            "{\"text\":\"a\"} x",
            "{\"text\":\"a\",\"n\":1}",
            "{\"text\":\"a\\ud83d\"}",
            "{\"text\":\"a\tb\"}",
            "{\"te\\u0078t\":\"a\"}",
        ] {
            assert_eq!(read_flat(line), None, "{line:?}");
        }
    }

    /// A JSON value for [`read_flat_reads_as_serde_json`]: mostly strings,
    /// with every escape, surrogates paired and lone, and some that are
    /// not strings or not well formed.
    fn value() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "\"a\"",
            "\"\"",
            "null",
            "\"a\\\"b\"",
            "\"\\\\\"",
            "\"\\/\\b\\f\\n\\r\\t\"",
            "\"\\u00e9\\u00C9x\"",
            "\"\\ud83d\\ude00\"",
            "\"\\uDBFF\\uDFFF\"",
            "\"é ” \\u201d\"",
            "\"\\u0000\"",
            "\"\u{1F600}\\\\u0041\"",
            "\"x\\ny\\\"z\\\"\"",
            "nul",
            "nullx",
            "1",
            "[]",
            "{}",
            "true",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\u0041\"",
            "\"\\u12\"",
            "\"\\q\"",
            "\"tab\there\"",
            "\"open",
        ])
    }

    proptest::proptest! {
        /// Whatever line `read_flat` reads, serde_json reads as the same
        /// record: lines of known, unknown, escaped and repeated keys,
        /// strings with every escape, surrogates paired and lone, control
        /// bytes, other values, odd white space, cut short or followed by
        /// more.
        #[test]
        fn read_flat_reads_as_serde_json(
            text in value(),
            fields in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "\"id\"", "\"text\"", "\"outlet\"", "\"date\"", "\"url\"", "\"title\"",
                        "\"extra\"", "\"te\\u0078t\"", "\"Text\"", "id", "\"\"", "\"t\"ext\"",
                    ]),
                    value(),
                ),
                0..4,
            ),
            space in proptest::sample::select(vec!["", " ", "", "  ", "\t", "\r\n", "\u{a0}"]),
            tail in proptest::sample::select(vec!["", "\n", "\r\n", " \n", " x", "}", ",", "\u{b}"]),
            cut in proptest::option::weighted(0.2, 0..160usize),
        ) {
            let body: Vec<String> = std::iter::once(("\"text\"", text))
                .chain(fields)
                .map(|(k, v)| format!("{k}{space}:{space}{v}"))
                .collect();
            let mut line =
                format!("{space}{{{space}{}{space}}}{tail}", body.join(&format!("{space},")));
            if let Some(mut cut) = cut.filter(|&c| c < line.len()) {
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                line.truncate(cut);
            }
            if let Some(record) = read_flat(&line) {
                proptest::prop_assert_eq!(Ok(record), JsonLines::parse_serde(&line), "{:?}", line);
            }
        }
    }

    #[test]
    fn invalid_utf8_in_a_line_is_a_warning() {
        let input: &'static [u8] = b"{\"text\":\"a\"}\n{\"text\":\"caf\xe9\"}\n";
        let mut lines = JsonLines::new("in.jsonl".into(), "in".into(), Box::new(input), 100);
        assert_eq!(lines.next().unwrap().unwrap().text, "a");
        assert!(lines.warnings.is_empty());
        assert_eq!(lines.next().unwrap().unwrap().text, "caf?");
        let warnings: Vec<String> = lines.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "in.jsonl:2: invalid UTF-8: 1 byte(s) replaced with `?`, the first at byte 12 of the line"
            ]
        );
    }
}
