//! Turning input bytes into article text, and telling input formats apart.

use std::io::{self, BufRead};
use std::path::Path;

use crate::{Error, Result};

/// Decodes the bytes of one article read from `path`.
///
/// The text is kept byte for byte. Only checks are made: the input must
/// not be binary (contain a NUL byte) and must be UTF-8.
///
/// # Errors
///
/// An [`Error::Format`] giving the byte offset of the first NUL byte or of
/// the first byte that is not UTF-8 (and, for the latter, its line).
pub(crate) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(binary(path, None, at as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = line_at(e.as_bytes(), at);
        Error::format(path, Some(line), format!("invalid UTF-8 at byte offset {at}"))
    })
}

/// The error for a binary input: a NUL byte at byte offset `at`.
pub(crate) fn binary(path: &Path, line: Option<u64>, at: u64) -> Error {
    Error::format(path, line, format!("binary file (NUL byte at byte offset {at}), not an article"))
}

/// The 1-based line of byte offset `at` in `bytes`.
fn line_at(bytes: &[u8], at: usize) -> u64 {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Tells whether `reader` holds JSON Lines: whether its first byte that is
/// not ASCII whitespace is `{`.
///
/// The leading whitespace is consumed and returned, so that the caller can
/// put it back in front of the rest (and keep the text, or the line
/// numbers, exact). Nothing past the first non-whitespace byte is consumed.
///
/// # Errors
///
/// An I/O error from `reader`.
pub(crate) fn sniff_json_lines(reader: &mut dyn BufRead) -> io::Result<(bool, Vec<u8>)> {
    let mut prefix = Vec::new();
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok((false, prefix));
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let is_json = buf[i] == b'{';
                prefix.extend_from_slice(&buf[..i]);
                reader.consume(i);
                return Ok((is_json, prefix));
            }
            None => {
                let n = buf.len();
                prefix.extend_from_slice(buf);
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn decode_keeps_bytes_and_reports_offsets() {
        struct Case {
            bytes: &'static [u8],
            expected: std::result::Result<&'static str, &'static str>,
        }
        let cases = [
            Case { bytes: b"plain", expected: Ok("plain") },
            Case {
                bytes: "\u{feff}BOM,\r\nCRLF and\u{a0}NBSP".as_bytes(),
                expected: Ok("\u{feff}BOM,\r\nCRLF and\u{a0}NBSP"),
            },
            Case { bytes: b"", expected: Ok("") },
            Case {
                bytes: b"ab\0c",
                expected: Err("a.txt: binary file (NUL byte at byte offset 2), not an article"),
            },
            Case {
                bytes: b"ok\nno \xff",
                expected: Err("a.txt:2: invalid UTF-8 at byte offset 6"),
            },
            Case { bytes: b"\xe2\x80", expected: Err("a.txt:1: invalid UTF-8 at byte offset 0") },
        ];
        for case in cases {
            let got = decode(Path::new("a.txt"), case.bytes.to_vec()).map_err(|e| e.to_string());
            let expected = case.expected.map(str::to_owned).map_err(str::to_owned);
            assert_eq!(got, expected, "{:?}", case.bytes);
        }
    }

    #[test]
    fn sniffs_json_lines_by_first_non_whitespace_byte() {
        let cases: [(&[u8], bool); 7] = [
            (b"{\"text\":\"a\"}\n", true),
            (b" \r\n\t\n{\"text\":\"a\"}", true),
            (b"Some article {with braces}", false),
            (b"\n\n[1]", false),
            (b"", false),
            (b"   ", false),
            ("\u{feff}{}".as_bytes(), false),
        ];
        for (input, expected) in cases {
            // A one-byte buffer makes the whitespace span many `fill_buf`s.
            let mut reader = io::BufReader::with_capacity(1, input);
            let (is_json, prefix) = sniff_json_lines(&mut reader).unwrap();
            assert_eq!(is_json, expected, "{input:?}");
            let mut rest = Vec::new();
            reader.read_to_end(&mut rest).unwrap();
            assert_eq!([prefix, rest].concat(), input, "nothing lost: {input:?}");
        }
    }
}
