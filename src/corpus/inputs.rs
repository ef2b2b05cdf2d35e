//! [`Inputs`]: the streaming reader behind [`crate::corpus::read_inputs`].

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use crate::corpus::ids::Ids;
use crate::corpus::jsonl::JsonLines;
use crate::corpus::sources::Sources;
use crate::corpus::text;
use crate::{Article, Error, Result, Skip};

/// The name of the metadata file looked for beside `.txt` articles.
const SOURCES_FILE: &str = "sources.csv";

/// The default article size limit: 64 MiB.
pub const DEFAULT_MAX_ARTICLE_SIZE: u64 = 64 << 20;

/// Options for reading inputs; [`InputsBuilder::read`] makes the
/// [`Inputs`].
///
/// # Example
///
/// ```
/// use quotelens::corpus::InputsBuilder;
///
/// let input = "{\"id\": \"a\", \"text\": \"short\"}\n{\"id\": \"b\", \"text\": \"far too long\"}\n";
/// let items: Vec<_> = InputsBuilder::new().max_article_size(30).read_from(input.as_bytes()).collect();
/// assert_eq!(items[0].as_ref().unwrap().id, "a");
/// assert_eq!(
///     items[1].as_ref().unwrap_err().to_string(),
///     "-:2: larger than the article size limit of 30 bytes; skipped"
/// );
/// ```
#[derive(Clone, Debug)]
pub struct InputsBuilder {
    max_article_size: u64,
    duplicate_check: bool,
}

impl Default for InputsBuilder {
    fn default() -> InputsBuilder {
        InputsBuilder { max_article_size: DEFAULT_MAX_ARTICLE_SIZE, duplicate_check: true }
    }
}

impl InputsBuilder {
    /// The default options.
    pub fn new() -> InputsBuilder {
        InputsBuilder::default()
    }

    /// Skips any article longer than `bytes` ([`DEFAULT_MAX_ARTICLE_SIZE`]
    /// unless set): a file larger than that, standard input, or a JSON
    /// Lines line (its JSON, escapes included). At most `bytes` (plus one)
    /// of an input are ever held in memory; a skipped JSON Lines line is
    /// read through to its end without being kept. The skip is an
    /// [`Error::Skipped`] with [`Skip::TooLarge`].
    pub fn max_article_size(&mut self, bytes: u64) -> &mut InputsBuilder {
        self.max_article_size = bytes;
        self
    }

    /// Whether an article whose id was read before is skipped, with an
    /// [`Error::Skipped`] and [`Skip::DuplicateId`] naming where the first
    /// was read. On by default.
    ///
    /// The check keeps about 17 bytes for every article read (see
    /// [`Inputs`]), the one part of reading that grows with the corpus.
    /// Turned off, nothing is kept per article, so a stream of any length
    /// reads in the same memory; an article with an id seen before is then
    /// yielded like any other.
    pub fn duplicate_check(&mut self, yes: bool) -> &mut InputsBuilder {
        self.duplicate_check = yes;
        self
    }

    /// Reads `paths`, as [`read_inputs`](crate::corpus::read_inputs)
    /// describes.
    pub fn read(&self, paths: &[PathBuf]) -> Inputs {
        Inputs::new(paths, None, self)
    }

    /// Reads `reader` the way `-` reads standard input: JSON Lines when
    /// its first byte that is not white space is `{`, otherwise one
    /// article with id `stdin`. Errors name the input `-`.
    pub fn read_from(&self, reader: impl BufRead + Send + 'static) -> Inputs {
        Inputs::new(&[PathBuf::from("-")], Some(Box::new(reader)), self)
    }
}

/// The articles of a list of inputs, read one at a time.
///
/// Made by [`read_inputs`](crate::corpus::read_inputs) or an
/// [`InputsBuilder`]; `read_inputs` documents the inputs accepted and the
/// order. Each item is an article or an error about one input (or one line
/// of it); after an error, reading goes on.
///
/// Besides the items, reading may give warnings that skip nothing (bytes
/// that were not UTF-8 and were replaced, a directory with no article
/// files): [`Inputs::take_warnings`] hands them over, so a caller can show
/// them next to the article they concern.
///
/// # Resource usage
///
/// One article is in memory at a time (plus, for a JSON Lines input, its
/// current line), along with the sorted entry names of each directory being
/// walked, one `sources.csv` per such directory, and, to catch duplicate
/// ids, a 64-bit hash of every article id yielded so far with where it was
/// read: 16 bytes an article, about 17 with the spare room of the sorted
/// vectors that hold them (see `corpus/ids.rs`), unless
/// [`InputsBuilder::duplicate_check`] turned the check off.
pub struct Inputs {
    /// The input paths not yet opened.
    paths: VecDeque<PathBuf>,
    /// Items ready to be yielded, in order.
    queue: VecDeque<Result<Article>>,
    /// The JSON Lines input being read, if any.
    jsonl: Option<JsonLines>,
    /// The directories being walked, outermost first.
    walk: Vec<Frame>,
    /// Every directory entered so far: canonical path to the path used.
    dirs_seen: HashMap<PathBuf, PathBuf>,
    /// The `sources.csv` beside the last single file read, and its folder.
    beside: Option<(PathBuf, Sources)>,
    /// The ids read so far (hashed), to catch duplicates.
    ids: Ids,
    /// Standard input, when not the process's own (for tests).
    stdin: Option<Box<dyn BufRead + Send>>,
    stdin_read: bool,
    /// The article size limit, in bytes.
    limit: u64,
    /// Warnings not yet taken.
    warnings: Vec<Error>,
    /// Whether the walk of the input directory being read found any file
    /// to read.
    walk_found: bool,
}

/// A directory being walked.
struct Frame {
    /// The directory, as reached from an input path.
    dir: PathBuf,
    canonical: PathBuf,
    /// The entries left to visit, sorted.
    entries: std::vec::IntoIter<PathBuf>,
    /// Its `sources.csv`, loaded when its first `.txt` file is read.
    sources: Option<Sources>,
}

/// What a file holds, judged by its name.
#[derive(PartialEq)]
enum Kind {
    /// `*.txt`: one article.
    Txt,
    /// `*.jsonl` or `*.ndjson`: JSON Lines.
    JsonLines,
    /// Anything else: one article when named as an input, skipped in a walk.
    Other,
}

impl Inputs {
    /// Reads `paths`, taking `-` from `stdin` (or, when `None`, the
    /// process's standard input), with the options of `builder`.
    pub(crate) fn new(
        paths: &[PathBuf],
        stdin: Option<Box<dyn BufRead + Send>>,
        builder: &InputsBuilder,
    ) -> Inputs {
        Inputs {
            paths: paths.iter().cloned().collect(),
            queue: VecDeque::new(),
            jsonl: None,
            walk: Vec::new(),
            dirs_seen: HashMap::new(),
            beside: None,
            ids: if builder.duplicate_check { Ids::default() } else { Ids::unchecked() },
            stdin,
            stdin_read: false,
            limit: builder.max_article_size,
            warnings: Vec::new(),
            walk_found: false,
        }
    }

    /// The warnings given since the last call: problems that skipped
    /// nothing, such as invalid UTF-8 replaced by `?` (see
    /// [`read_inputs`](crate::corpus::read_inputs)). The warnings about an
    /// article are ready when the article is yielded.
    pub fn take_warnings(&mut self) -> Vec<Error> {
        if let Some(jsonl) = &mut self.jsonl {
            self.warnings.append(&mut jsonl.warnings);
        }
        std::mem::take(&mut self.warnings)
    }

    /// Starts reading one input path given by the caller.
    fn open(&mut self, path: PathBuf) {
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        match fs::metadata(&path) {
            Err(e) => self.queue.push_back(Err(Error::io(path, e))),
            Ok(meta) if meta.is_dir() => {
                self.walk_found = false;
                self.enter(path)
            }
            Ok(_) if kind(&path) == Kind::JsonLines => self.open_json_lines(path),
            Ok(_) => self.read_single(path),
        }
    }

    /// Visits one entry of the directory being walked.
    fn visit(&mut self, path: PathBuf) {
        // `metadata` follows symbolic links: linked files are read and
        // linked directories walked, with loops caught by `enter`.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return self.queue.push_back(Err(Error::io(path, e))),
        };
        if meta.is_dir() {
            return self.enter(path);
        }
        if !meta.is_file() {
            return; // a socket or FIFO: never an article in a walk.
        }
        match kind(&path) {
            Kind::JsonLines => {
                self.walk_found = true;
                self.open_json_lines(path)
            }
            Kind::Other => {}
            Kind::Txt => {
                self.walk_found = true;
                let Some(frame) = self.walk.last_mut() else { return };
                let queue = &mut self.queue;
                let sources = frame.sources.get_or_insert_with(|| load_sources(&frame.dir, queue));
                let item = read_article(&path, sources, self.limit, &mut self.warnings)
                    .and_then(|a| self.ids.check(a, &path, None));
                self.queue.push_back(item);
            }
        }
    }

    /// Starts walking directory `dir`, unless that would go round a loop or
    /// read a directory twice.
    fn enter(&mut self, dir: PathBuf) {
        let canonical = match fs::canonicalize(&dir) {
            Ok(canonical) => canonical,
            Err(e) => return self.queue.push_back(Err(Error::io(dir, e))),
        };
        let seen = if let Some(frame) = self.walk.iter().find(|f| f.canonical == canonical) {
            Some(Skip::DirectoryLoop { back_to: frame.dir.clone() })
        } else {
            self.dirs_seen.get(&canonical).map(|first| Skip::ReadTwice { first: first.clone() })
        };
        if let Some(reason) = seen {
            return self.queue.push_back(Err(Error::skipped(dir, None, reason)));
        }
        let entries = fs::read_dir(&dir).and_then(|entries| {
            let mut paths = entries.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
            paths.sort();
            Ok(paths)
        });
        match entries {
            Err(e) => self.queue.push_back(Err(Error::io(dir, e))),
            Ok(entries) => {
                self.dirs_seen.insert(canonical.clone(), dir.clone());
                let entries = entries.into_iter();
                self.walk.push(Frame { dir, canonical, entries, sources: None });
            }
        }
    }

    /// Reads a file named as an input as one article, with the metadata of
    /// the `sources.csv` beside it.
    fn read_single(&mut self, path: PathBuf) {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let beside = match self.beside.take() {
            Some((known, sources)) if known == dir => (known, sources),
            _ => {
                let sources = load_sources(&dir, &mut self.queue);
                (dir, sources)
            }
        };
        let item = read_article(&path, &beside.1, self.limit, &mut self.warnings)
            .and_then(|a| self.ids.check(a, &path, None));
        self.queue.push_back(item);
        self.beside = Some(beside);
    }

    /// Starts reading a JSON Lines file.
    fn open_json_lines(&mut self, path: PathBuf) {
        match fs::File::open(&path) {
            Err(e) => self.queue.push_back(Err(Error::io(path, e))),
            Ok(file) => {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
                let reader = Box::new(io::BufReader::new(file));
                self.jsonl = Some(JsonLines::new(path, stem, reader, self.limit));
            }
        }
    }

    /// Starts reading standard input: JSON Lines when its first
    /// non-whitespace byte is `{`, otherwise one article with id `stdin`.
    fn open_stdin(&mut self) {
        let path = PathBuf::from("-");
        if std::mem::replace(&mut self.stdin_read, true) {
            let e = io::Error::other("standard input was already read");
            return self.queue.push_back(Err(Error::io(path, e)));
        }
        let mut reader =
            self.stdin.take().unwrap_or_else(|| Box::new(io::BufReader::new(io::stdin())));
        let (is_json, mut bytes) = match text::sniff_json_lines(&mut reader) {
            Ok(sniffed) => sniffed,
            Err(e) => return self.queue.push_back(Err(Error::io(path, e))),
        };
        if is_json {
            // Put the leading whitespace back so line numbers stay right.
            let reader = Box::new(io::Cursor::new(bytes).chain(reader));
            self.jsonl = Some(JsonLines::new(path, "stdin".to_owned(), reader, self.limit));
            return;
        }
        let room = (self.limit + 1).saturating_sub(bytes.len() as u64);
        let item = match reader.take(room).read_to_end(&mut bytes) {
            Err(e) => Err(Error::io(&path, e)),
            Ok(_) if bytes.len() as u64 > self.limit => {
                Err(Error::skipped(&path, None, Skip::TooLarge { limit: self.limit }))
            }
            Ok(_) => text::decode(&path, bytes).map(|(text, warning)| {
                self.warnings.extend(warning);
                Article::new("stdin", text)
            }),
        };
        self.queue.push_back(item.and_then(|a| self.ids.check(a, &path, None)));
    }
}

impl Iterator for Inputs {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if let Some(jsonl) = &mut self.jsonl {
                match jsonl.next() {
                    Some(item) => {
                        let (path, line) = (jsonl.path(), Some(jsonl.line()));
                        return Some(item.and_then(|a| self.ids.check(a, path, line)));
                    }
                    None => self.jsonl = None,
                }
            } else if let Some(frame) = self.walk.last_mut() {
                match frame.entries.next() {
                    Some(path) => self.visit(path),
                    None => {
                        let frame = self.walk.pop().expect("a frame is being walked");
                        if self.walk.is_empty() && !self.walk_found {
                            let message = "no *.txt, *.jsonl or *.ndjson file in this directory";
                            self.warnings.push(Error::format(frame.dir, None, message));
                        }
                    }
                }
            } else {
                let path = self.paths.pop_front()?;
                self.open(path);
            }
        }
    }
}

impl fmt::Debug for Inputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inputs")
            .field("inputs_left", &self.paths.len())
            .field("walking", &self.walk.last().map(|frame| &frame.dir))
            .field("reading_json_lines", &self.jsonl.as_ref().map(JsonLines::path))
            .field("articles_read", &self.ids.len())
            .finish_non_exhaustive()
    }
}

/// What `path` holds, judged by its name.
fn kind(path: &Path) -> Kind {
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => Kind::Txt,
        Some("jsonl" | "ndjson") => Kind::JsonLines,
        _ => Kind::Other,
    }
}

/// Reads the file at `path` as one article, named after the file (without
/// `.txt`), with metadata from `sources`, unless it is larger than `limit`
/// bytes. A warning about its encoding goes to `warnings`.
fn read_article(
    path: &Path,
    sources: &Sources,
    limit: u64,
    warnings: &mut Vec<Error>,
) -> Result<Article> {
    let too_large = || Error::skipped(path, None, Skip::TooLarge { limit });
    let file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // The size on disk answers at once; reading at most one byte past the
    // limit also catches a file that grows, or reports no size.
    if file.metadata().is_ok_and(|m| m.len() > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    let (text, warning) = text::decode(path, bytes)?;
    warnings.extend(warning);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let id = name.strip_suffix(".txt").unwrap_or(&name);
    let mut article = Article::new(id, text);
    sources.apply(&mut article);
    Ok(article)
}

/// Loads `dir/sources.csv` (empty when there is none), queueing its errors.
fn load_sources(dir: &Path, queue: &mut VecDeque<Result<Article>>) -> Sources {
    let Some((sources, errors)) = Sources::from_path(&dir.join(SOURCES_FILE)) else {
        return Sources::default();
    };
    queue.extend(errors.into_iter().map(Err));
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh, empty scratch directory for the test `name`.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("quotelens-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `files` (path relative to `dir`, content) under `dir`.
    fn write(dir: &Path, files: &[(&str, &[u8])]) {
        for (name, content) in files {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
    }

    /// Reads `paths` (relative to `dir`, except `-`) with `stdin`, showing
    /// each item as `id|outlet|title|text` or as its error message, with
    /// `dir` written `$D`.
    fn read(dir: &Path, paths: &[&str], stdin: &'static [u8]) -> Vec<String> {
        let paths: Vec<_> = paths
            .iter()
            .map(|p| if *p == "-" { PathBuf::from("-") } else { dir.join(p) })
            .collect();
        let prefix = dir.display().to_string();
        let mut inputs =
            Inputs::new(&paths, Some(Box::new(stdin)), InputsBuilder::new().max_article_size(1000));
        let mut out = Vec::new();
        while let Some(item) = inputs.next() {
            for w in inputs.take_warnings() {
                out.push(format!("warning: {w}").replace(&prefix, "$D"));
            }
            out.push(match item {
                Ok(a) => format!("{}|{}|{}|{}", a.id, a.outlet, a.title, a.text),
                Err(e) => e.to_string().replace(&prefix, "$D"),
            });
        }
        out.extend(
            inputs.take_warnings().iter().map(|w| format!("warning: {w}").replace(&prefix, "$D")),
        );
        out
    }

    #[test]
    fn reads_each_kind_of_input() {
        struct Case {
            name: &'static str,
            files: &'static [(&'static str, &'static [u8])],
            paths: &'static [&'static str],
            stdin: &'static [u8],
            expected: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "directory: .txt and .jsonl in path order, sources.csv per folder",
                files: &[
                    ("d/b.txt", b"B"),
                    ("d/a.txt", b"A"),
                    ("d/sources.csv", b"id,outlet\na,Outlet A\nc,not this folder\n"),
                    ("d/notes.md", b"skipped"),
                    ("d/sub/c.txt", b"C"),
                    ("d/sub/sources.csv", b"title,id\nTitle C,c\n"),
                    ("d/sub-z.ndjson", b"{\"text\":\"N\"}\n"),
                    ("d/z.jsonl", b"{\"id\":\"j\",\"outlet\":\"J\",\"text\":\"J1\"}\n"),
                    ("d/empty/.keep", b"hidden, not .txt"),
                ],
                paths: &["d"],
                stdin: b"",
                expected: &["a|Outlet A||A", "b|||B", "c||Title C|C", "sub-z:1|||N", "j|J||J1"],
            },
            Case {
                name: "single files, sources.csv beside them read once",
                files: &[
                    ("s/x.txt", b"X"),
                    ("s/y.md", b"Y"),
                    ("s/sources.csv", b"id,outlet,date\nx,OX,2024-01-02\ny.md,OY,\nz,bad\n"),
                ],
                paths: &["s/x.txt", "s/y.md"],
                stdin: b"",
                expected: &[
                    "$D/s/sources.csv:4: expected 3 fields as in the header, found 2",
                    "x|OX||X",
                    "y.md|OY||Y",
                ],
            },
            Case {
                name: "JSON Lines file with a malformed middle line",
                files: &[("in.jsonl", b"{\"text\":\"one\"}\n{\"text\":}\n{\"text\":\"three\"}\n")],
                paths: &["in.jsonl"],
                stdin: b"",
                expected: &[
                    "in:1|||one",
                    "$D/in.jsonl:2: invalid record: expected value (column 9)",
                    "in:3|||three",
                ],
            },
            Case {
                name: "stdin as text, kept byte for byte",
                files: &[],
                paths: &["-"],
                stdin: b"\r\n  \xef\xbb\xbf{x}\xc2\xa0\r\n",
                expected: &["stdin|||\r\n  \u{feff}{x}\u{a0}\r\n"],
            },
            Case {
                name: "stdin as JSON Lines, line numbers counting leading blank lines",
                files: &[],
                paths: &["-", "-"],
                stdin: b"\n  {\"text\":\"a\"}\n{\"text\":\"b\",\"id\":\"b\"}",
                expected: &["stdin:2|||a", "b|||b", "-: standard input was already read"],
            },
            Case {
                name: "empty directory yields nothing but a warning",
                files: &[("e/.keep", b"")],
                paths: &["e"],
                stdin: b"",
                expected: &["warning: $D/e: no *.txt, *.jsonl or *.ndjson file in this directory"],
            },
            Case {
                name: "missing path names the path, and the next input still loads",
                files: &[("ok.txt", b"fine")],
                paths: &["gone.txt", "ok.txt"],
                stdin: b"",
                expected: &["$D/gone.txt: No such file or directory (os error 2)", "ok|||fine"],
            },
            Case {
                name: "binary and invalid UTF-8 files",
                files: &[("b/bin.txt", b"GIF89a\0\x01"), ("b/latin1.txt", b"caf\xe9"), ("b/ok.txt", b"ok")],
                paths: &["b"],
                stdin: b"",
                expected: &[
                    "$D/b/bin.txt: binary file (NUL byte at byte offset 6), not an article",
                    "warning: $D/b/latin1.txt:1: invalid UTF-8: 1 byte(s) replaced with `?`, the \
                     first at byte offset 3; offsets still index the input's bytes",
                    "latin1|||caf?",
                    "ok|||ok",
                ],
            },
            Case {
                name: "UTF-16 with a byte-order mark, empty and blank files, one too large",
                files: &[
                    ("u/be.txt", b"\xfe\xff\0\"\0H\0i\0\""),
                    ("u/blank.txt", b" \r\n\t"),
                    ("u/empty.txt", b""),
                    ("u/huge.txt", &[b'a'; 1001]),
                    ("u/le.txt", b"\xff\xfe\"\0H\0i\0\"\0"),
                ],
                paths: &["u"],
                stdin: b"",
                expected: &[
                    "be|||\u{feff}\"Hi\"",
                    "$D/u/blank.txt: empty: no text to read; skipped",
                    "$D/u/empty.txt: empty: no text to read; skipped",
                    "$D/u/huge.txt: larger than the article size limit of 1000 bytes; skipped",
                    "le|||\u{feff}\"Hi\"",
                ],
            },
            Case {
                name: "standard input over the limit",
                files: &[],
                paths: &["-"],
                stdin: &[b'x'; 1001],
                expected: &["-: larger than the article size limit of 1000 bytes; skipped"],
            },
            Case {
                name: "a directory with no article file gives a warning",
                files: &[("n/notes.md", b"not an article")],
                paths: &["n"],
                stdin: b"",
                expected: &[
                    "warning: $D/n: no *.txt, *.jsonl or *.ndjson file in this directory",
                ],
            },
            Case {
                name: "duplicate ids: the later one is an error naming both",
                files: &[
                    ("p/a.txt", b"first"),
                    ("q/a.txt", b"second"),
                    ("r.jsonl", b"{\"id\":\"j\",\"text\":\"1\"}\n\n{\"id\":\"j\",\"text\":\"2\"}\n{\"id\":\"a\",\"text\":\"3\"}\n"),
                ],
                paths: &["p", "q", "r.jsonl"],
                stdin: b"",
                expected: &[
                    "a|||first",
                    "$D/q/a.txt: duplicate article id `a` (first read from $D/p/a.txt)",
                    "j|||1",
                    "$D/r.jsonl:3: duplicate article id `j` (first read from $D/r.jsonl:1)",
                    "$D/r.jsonl:4: duplicate article id `a` (first read from $D/p/a.txt)",
                ],
            },
            Case {
                name: "a directory named twice is read once",
                files: &[("t/a.txt", b"A")],
                paths: &["t", "t/"],
                stdin: b"",
                expected: &["a|||A", "$D/t/: directory already read as $D/t; not read again"],
            },
        ];
        for (i, case) in cases.iter().enumerate() {
            let dir = scratch(&format!("kinds-{i}"));
            write(&dir, case.files);
            assert_eq!(read(&dir, case.paths, case.stdin), case.expected, "{}", case.name);
            fs::remove_dir_all(&dir).unwrap();
        }
    }

    #[test]
    fn without_the_duplicate_check_every_article_passes() {
        let dir = scratch("unchecked");
        write(&dir, &[("p/a.txt", b"first"), ("q/a.txt", b"second")]);
        let paths = [dir.join("p"), dir.join("q")];
        let ids = |check: bool| -> Vec<std::result::Result<String, String>> {
            InputsBuilder::new()
                .duplicate_check(check)
                .read(&paths)
                .map(|item| item.map(|a| a.text).map_err(|e| e.to_string()))
                .collect()
        };
        let checked = ids(true);
        assert_eq!(checked[0], Ok("first".to_string()));
        assert!(checked[1].as_ref().is_err_and(|e| e.contains("duplicate article id `a`")));
        assert_eq!(ids(false), [Ok("first".to_string()), Ok("second".to_string())]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_article_of_exactly_the_limit_is_read() {
        let dir = scratch("limit");
        write(&dir, &[("a.txt", &[b'a'; 1000]), ("b.jsonl", b"{\"text\":\"b\"}")]);
        let got = read(&dir, &["a.txt", "b.jsonl"], b"");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].len(), "a|||".len() + 1000);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_path_is_an_io_error_naming_it() {
        let path = scratch("missing").join("nope.txt");
        let items: Vec<_> = Inputs::new(
            std::slice::from_ref(&path),
            None,
            InputsBuilder::new().max_article_size(1000),
        )
        .collect();
        assert!(
            matches!(&items[..], [Err(Error::Io { path: p, source })]
                if *p == path && source.kind() == io::ErrorKind::NotFound),
            "{items:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end_in_an_error() {
        use std::os::unix::fs::symlink;
        let dir = scratch("loop");
        write(&dir, &[("d/a.txt", b"A"), ("d/sub/b.txt", b"B")]);
        symlink("..", dir.join("d/sub/up")).unwrap();
        symlink("self", dir.join("d/self")).unwrap();
        symlink("a.txt", dir.join("d/linked.txt")).unwrap();
        // A linked file is read through the link, under the link's name.
        let expected = [
            "a|||A",
            "linked|||A",
            "$D/d/self: Too many levels of symbolic links (os error 40)",
            "b|||B",
            "$D/d/sub/up: directory loop: this leads back to $D/d",
        ];
        assert_eq!(read(&dir, &["d"], b""), expected);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_reported_and_reading_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("denied");
        write(&dir, &[("a.txt", b"secret"), ("b.txt", b"B")]);
        let locked = dir.join("a.txt");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&locked).is_ok() {
            return; // running as root: permissions are not enforced.
        }
        let got = read(&dir, &["a.txt", "b.txt"], b"");
        assert_eq!(got, ["$D/a.txt: Permission denied (os error 13)", "b|||B"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn is_send<T: Send>() {}
        is_send::<Inputs>();
    }
}
