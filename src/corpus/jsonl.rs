//! JSON Lines input: one article per line.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::text;
use crate::{Article, Error, Result, Skip};

/// One JSON Lines record as written. Unknown fields are ignored.
#[derive(Deserialize)]
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
        let record: Record = serde_json::from_str(line).map_err(|e| {
            // serde_json counts lines within this one line: keep its column.
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            malformed(format!("{message} (column {})", e.column()))
        })?;
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
            // A line of valid UTF-8 (almost every line) is parsed where it
            // was read, without a copy of it (issue #5: on the thread that
            // reads, names and writes).
            let (line, warning) = match std::str::from_utf8(bytes) {
                Ok(line) => (std::borrow::Cow::Borrowed(line), None),
                Err(_) => {
                    let (line, warning) =
                        text::lossy_utf8(&self.path, Some(self.line), bytes.to_vec());
                    (std::borrow::Cow::Owned(line), warning)
                }
            };
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
