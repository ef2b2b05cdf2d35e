//! JSON Lines input: one article per line.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::text;
use crate::{Article, Error, Result};

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
/// except for a NUL byte (a binary file) or an I/O error, which end it.
pub(crate) struct JsonLines {
    path: PathBuf,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    buf: Vec<u8>,
    /// The number of the line read last (1-based).
    line: u64,
    /// The byte offset of the next line.
    offset: u64,
    done: bool,
}

impl JsonLines {
    /// Reads `reader`, named `path` in messages. Records without an id get
    /// `<stem>:<line number>`.
    pub(crate) fn new(path: PathBuf, stem: String, reader: Box<dyn BufRead + Send>) -> JsonLines {
        JsonLines { path, stem, reader, buf: Vec::new(), line: 0, offset: 0, done: false }
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
        if !line.trim_start().starts_with('{') {
            let message = "invalid record: expected a JSON object with a string `text` field";
            return Err(Error::format(&self.path, Some(self.line), message));
        }
        let record: Record = serde_json::from_str(line).map_err(|e| {
            // serde_json counts lines within this one line: keep its column.
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            let message = format!("invalid record: {message} (column {})", e.column());
            Error::format(&self.path, Some(self.line), message)
        })?;
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
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(n) => {
                    self.offset += n as u64;
                    self.line += 1;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::io(&self.path, e)));
                }
            }
            let skip = if self.line == 1 && self.buf.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
            let bytes = &self.buf[skip..];
            if let Some(at) = bytes.iter().position(|&b| b == 0) {
                self.done = true;
                let at = start + (skip + at) as u64;
                return Some(Err(text::binary(&self.path, Some(self.line), at)));
            }
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line,
                Err(e) => {
                    let at = start + (skip + e.valid_up_to()) as u64;
                    let message = format!("invalid UTF-8 at byte offset {at}");
                    return Some(Err(Error::format(&self.path, Some(self.line), message)));
                }
            };
            if !line.trim().is_empty() {
                return Some(self.parse(line));
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
        let lines = JsonLines::new("dir/in.jsonl".into(), "in".into(), Box::new(input));
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
                name: "invalid UTF-8 skips the line, with the file's byte offset",
                input: b"{\"text\":\"a\"}\n{\"text\":\"\xff\"}\n{\"text\":\"c\"}\n",
                expected: vec![
                    Ok("in:1||a"),
                    Err("dir/in.jsonl:2: invalid UTF-8 at byte offset 22"),
                    Ok("in:3||c"),
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
}
