//! Turning input bytes into article text, and telling input formats apart.
//!
//! # Encodings and offsets
//!
//! * **UTF-8** (with or without a byte-order mark) is kept byte for byte,
//!   so offsets index the input's bytes.
//! * **Invalid UTF-8**: each byte that is not part of a valid UTF-8
//!   sequence is replaced by one ASCII `?`, so that the text has exactly as
//!   many bytes as the input and every offset still indexes the input's
//!   bytes. A warning names the file, the number of bytes replaced and the
//!   first one's offset and line.
//! * **UTF-16** (little or big endian) is recognised by its byte-order
//!   mark and decoded to UTF-8, the mark kept as U+FEFF; offsets then index
//!   the decoded UTF-8 text, not the input's bytes (they differ for every
//!   character). An unpaired surrogate or an odd last byte becomes U+FFFD
//!   with a warning.
//! * **Binary** input (a NUL byte, after any UTF-16 decoding) and **empty**
//!   input (nothing but white space) are skipped.

use std::io::{self, BufRead};
use std::path::Path;

use crate::text::is_space;
use crate::{Error, Result, Skip};

/// Decodes the bytes of one article read from `path`, as the
/// [module docs](self) describe.
///
/// Returns the text and, when bytes had to be replaced, a warning (an
/// [`Error::Format`] naming the file) that does not stop the article.
///
/// # Errors
///
/// An [`Error::Skipped`] for a binary (a NUL byte) or empty input.
pub(crate) fn decode(path: &Path, bytes: Vec<u8>) -> Result<(String, Option<Error>)> {
    let (text, warning) = match bytes.as_slice() {
        [0xFF, 0xFE, ..] => utf16(path, &bytes, u16::from_le_bytes),
        [0xFE, 0xFF, ..] => utf16(path, &bytes, u16::from_be_bytes),
        _ => {
            if let Some(at) = memchr::memchr(0, &bytes) {
                return Err(binary(path, None, at as u64));
            }
            lossy_utf8(path, None, bytes)
        }
    };
    if let Some(at) = text.find('\0') {
        return Err(binary(path, None, at as u64));
    }
    if text.chars().all(is_space) {
        return Err(Error::skipped(path, None, Skip::Empty));
    }
    Ok((text, warning))
}

/// Decodes UTF-16 (the byte-order mark included) with `unit` reading
/// each pair of bytes.
fn utf16(path: &Path, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Option<Error>) {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut bad = usize::from(bytes.len() % 2 == 1);
    let mut text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let warning = (bad > 0).then(|| {
        let message = format!(
            "invalid UTF-16: {bad} unpaired surrogate(s) or odd byte(s) replaced with U+FFFD"
        );
        Error::format(path, None, message)
    });
    (text, warning)
}

/// `bytes` as UTF-8, each invalid byte replaced by `?` (so offsets are
/// unchanged), with a warning saying so. `line` is the JSON Lines line the
/// bytes are, if any; otherwise the warning gives the line in `bytes`.
pub(crate) fn lossy_utf8(
    path: &Path,
    line: Option<u64>,
    bytes: Vec<u8>,
) -> (String, Option<Error>) {
    let mut bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, None),
        Err(e) => e.into_bytes(),
    };
    let (mut count, mut first, mut from) = (0, None, 0);
    while let Err(e) = std::str::from_utf8(&bytes[from..]) {
        let start = from + e.valid_up_to();
        let n = e.error_len().unwrap_or(bytes.len() - start);
        bytes[start..start + n].fill(b'?');
        count += n;
        first.get_or_insert(start);
        from = start + n;
    }
    let first = first.unwrap_or(0);
    let (line, message) = match line {
        Some(line) => (line, format!("the first at byte {first} of the line")),
        None => (
            line_at(&bytes, first),
            format!("the first at byte offset {first}; offsets still index the input's bytes"),
        ),
    };
    let message = format!("invalid UTF-8: {count} byte(s) replaced with `?`, {message}");
    let text = String::from_utf8(bytes).expect("every invalid byte was replaced");
    (text, Some(Error::format(path, Some(line), message)))
}

/// The error for a binary input: a NUL byte at byte offset `at`.
pub(crate) fn binary(path: &Path, line: Option<u64>, at: u64) -> Error {
    Error::skipped(path, line, Skip::Binary { at })
}

/// The 1-based line of byte offset `at` in `bytes`.
fn line_at(bytes: &[u8], at: usize) -> u64 {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Reads one line (up to and including `\n`) from `reader` into `buf`,
/// keeping at most `limit` bytes of it.
///
/// Returns the number of bytes consumed (0 at the end) and whether the
/// line was longer than `limit`; such a line is read to its end but not
/// kept (`buf` is left empty), so memory stays within the limit.
///
/// # Errors
///
/// An I/O error from `reader`.
pub(crate) fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<(u64, bool)> {
    let (mut consumed, mut too_long) = (0u64, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, too_long));
        }
        let (end, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            buf.extend_from_slice(&available[..end]);
            let content = buf.strip_suffix(b"\n").map_or(buf.len(), <[u8]>::len);
            if content as u64 > limit {
                too_long = true;
                buf.clear();
            }
        }
        reader.consume(end);
        consumed += end as u64;
        if done {
            return Ok((consumed, too_long));
        }
    }
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

    /// The text, or the error, and the warning, as strings.
    fn show(bytes: &[u8]) -> (std::result::Result<String, String>, Option<String>) {
        match decode(Path::new("a.txt"), bytes.to_vec()) {
            Ok((text, warning)) => (Ok(text), warning.map(|w| w.to_string())),
            Err(e) => (Err(e.to_string()), None),
        }
    }

    #[test]
    fn decode_keeps_bytes_and_reports_offsets() {
        struct Case {
            bytes: &'static [u8],
            text: std::result::Result<&'static str, &'static str>,
            warning: Option<&'static str>,
        }
        let cases = [
            Case { bytes: b"plain", text: Ok("plain"), warning: None },
            Case {
                bytes: "\u{feff}BOM,\r\nCRLF and\u{a0}NBSP".as_bytes(),
                text: Ok("\u{feff}BOM,\r\nCRLF and\u{a0}NBSP"),
                warning: None,
            },
            Case { bytes: b"", text: Err("a.txt: empty: no text to read; skipped"), warning: None },
            Case {
                bytes: b" \r\n\t\xef\xbb\xbf",
                text: Err("a.txt: empty: no text to read; skipped"),
                warning: None,
            },
            Case {
                bytes: b"ab\0c",
                text: Err("a.txt: binary file (NUL byte at byte offset 2), not an article"),
                warning: None,
            },
            Case {
                bytes: b"ok\nno \xff and caf\xe9 \xe2\x80",
                text: Ok("ok\nno ? and caf? ??"),
                warning: Some(
                    "a.txt:2: invalid UTF-8: 4 byte(s) replaced with `?`, the first at byte \
                     offset 6; offsets still index the input's bytes",
                ),
            },
            Case {
                bytes: b"\xff\xfeH\0i\0 \0=\xd8\0\xde",
                text: Ok("\u{feff}Hi \u{1f600}"),
                warning: None,
            },
            Case { bytes: b"\xfe\xff\0H\0i", text: Ok("\u{feff}Hi"), warning: None },
            Case {
                bytes: b"\xff\xfeH\0\0\xd8i\0x",
                text: Ok("\u{feff}H\u{fffd}i\u{fffd}"),
                warning: Some(
                    "a.txt: invalid UTF-16: 2 unpaired surrogate(s) or odd byte(s) replaced \
                     with U+FFFD",
                ),
            },
            Case {
                bytes: b"\xff\xfeH\0\0\0",
                text: Err("a.txt: binary file (NUL byte at byte offset 4), not an article"),
                warning: None,
            },
        ];
        for case in cases {
            let (text, warning) = show(case.bytes);
            assert_eq!(
                text,
                case.text.map(str::to_owned).map_err(str::to_owned),
                "{:?}",
                case.bytes
            );
            assert_eq!(warning.as_deref(), case.warning, "{:?}", case.bytes);
        }
    }

    #[test]
    fn lossy_utf8_keeps_every_offset() {
        let bytes = b"a\xc3(b\xf0\x28\x8c\xbc\xe2\x82z\xc3\xa9".to_vec();
        let (text, warning) = lossy_utf8(Path::new("x"), Some(7), bytes.clone());
        assert_eq!(text.len(), bytes.len());
        assert_eq!(text, "a?(b?(??\u{3f}?z\u{e9}");
        for (i, (t, b)) in text.bytes().zip(&bytes).enumerate() {
            assert!(t == *b || t == b'?', "byte {i}");
        }
        let warning = warning.unwrap().to_string();
        assert_eq!(
            warning,
            "x:7: invalid UTF-8: 6 byte(s) replaced with `?`, the first at byte 1 of the line"
        );
    }

    #[test]
    fn long_lines_are_read_but_not_kept() {
        let input = b"short\nthis line is too long\nok\nlast-no-newline-long";
        let mut reader = io::BufReader::with_capacity(4, &input[..]);
        let mut got = Vec::new();
        loop {
            let mut buf = Vec::new();
            let (n, too_long) = read_line_limited(&mut reader, &mut buf, 8).unwrap();
            if n == 0 {
                break;
            }
            got.push((String::from_utf8(buf).unwrap(), too_long, n));
        }
        let want = [
            ("short\n".to_owned(), false, 6),
            (String::new(), true, 22),
            ("ok\n".to_owned(), false, 3),
            (String::new(), true, 20),
        ];
        assert_eq!(got, want);
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
