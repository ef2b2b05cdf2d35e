//! `sources.csv`: article metadata kept beside the article files.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io;
use std::path::{Path, PathBuf};

use crate::csv_row::{csv_error, fields};
use crate::{Article, Error};

/// The metadata columns, in the order of [`Meta`]'s fields.
const META_COLUMNS: [&str; 4] = ["outlet", "date", "url", "title"];

/// Article metadata read from a `sources.csv` file, by article id.
///
/// # Format
///
/// A CSV file whose first row is a header naming the columns. The `id`
/// column is required; `outlet`, `date`, `url` and `title` are optional and
/// may come in any order. Header names are matched ignoring ASCII case,
/// other columns are ignored, and a UTF-8 byte-order mark before the header
/// is allowed. Whitespace around each field is ignored.
///
/// ```text
/// id,outlet,date,url,title
/// a2,Northland Radio,2024-08-26,,Iraqi resistance groups agree to ...
/// ```
///
/// Every row must have as many fields as the header and a non-empty id
/// that no earlier row used. A row that breaks these rules is reported as
/// an [`Error::Format`] naming the file and its 1-based line, and the other
/// rows still load.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    rows: HashMap<String, Meta>,
}

/// One row's metadata, as given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Meta {
    outlet: String,
    date: String,
    url: String,
    title: String,
}

/// Where each known column is in a row.
struct Columns {
    id: usize,
    meta: [Option<usize>; 4],
    count: usize,
}

impl Sources {
    /// Reads `sources.csv` content from `reader`. `path` names the file in
    /// error messages.
    ///
    /// # Errors
    ///
    /// Returns every problem found beside the rows that loaded: a missing
    /// header or `id` column (nothing loads), a row with a missing or extra
    /// field, an empty or repeated id, or a field that is not UTF-8 (that
    /// row is skipped), and an I/O error from `reader` (reading stops).
    pub fn from_reader(path: impl Into<PathBuf>, reader: impl io::Read) -> (Sources, Vec<Error>) {
        let path = path.into();
        let mut sources = Sources::default();
        let mut errors = Vec::new();
        let mut csv =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(reader);
        let mut record = csv::ByteRecord::new();
        let mut columns = None;
        let mut first_line = HashMap::new();
        loop {
            match csv.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    errors.push(csv_error(&path, e));
                    break;
                }
            }
            let line = record.position().map_or(0, |p| p.line());
            let fields = match fields(&record) {
                Ok(fields) => fields,
                Err(n) => {
                    let msg = format!("field {n} is not valid UTF-8");
                    errors.push(Error::format(&path, Some(line), msg));
                    if columns.is_none() {
                        return (sources, errors);
                    }
                    continue;
                }
            };
            let Some(cols) = &columns else {
                match Columns::from_header(&fields) {
                    Ok(cols) => columns = Some(cols),
                    Err(msg) => {
                        errors.push(Error::format(&path, Some(line), msg));
                        return (sources, errors);
                    }
                }
                continue;
            };
            match sources.insert(cols, &fields, line, &mut first_line) {
                Ok(()) => {}
                Err(msg) => errors.push(Error::format(&path, Some(line), msg)),
            }
        }
        if columns.is_none() && errors.is_empty() {
            errors.push(Error::format(
                &path,
                None,
                "empty file: expected a header row with an `id` column",
            ));
        }
        (sources, errors)
    }

    /// Reads the file at `path`.
    ///
    /// Returns `None` when there is no such file.
    pub(crate) fn from_path(path: &Path) -> Option<(Sources, Vec<Error>)> {
        match std::fs::File::open(path) {
            Ok(file) => Some(Sources::from_reader(path, io::BufReader::new(file))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => Some((Sources::default(), vec![Error::io(path, e)])),
        }
    }

    /// Fills the empty metadata fields of `article` (`outlet`, `date`,
    /// `url`, `title`; blank counts as empty) from the row whose id is
    /// `article.id`. Fields that already have a value are kept.
    ///
    /// Returns whether a row matched.
    pub fn apply(&self, article: &mut Article) -> bool {
        let Some(meta) = self.rows.get(&article.id) else { return false };
        let pairs = [
            (&mut article.outlet, &meta.outlet),
            (&mut article.date, &meta.date),
            (&mut article.url, &meta.url),
            (&mut article.title, &meta.title),
        ];
        for (field, value) in pairs {
            if field.trim().is_empty() && !value.is_empty() {
                field.clone_from(value);
            }
        }
        true
    }

    /// The number of rows loaded.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no rows loaded.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds one data row, or says what is wrong with it.
    fn insert(
        &mut self,
        cols: &Columns,
        fields: &[&str],
        line: u64,
        first_line: &mut HashMap<String, u64>,
    ) -> Result<(), String> {
        if fields.len() != cols.count {
            let (n, m) = (cols.count, fields.len());
            return Err(format!("expected {n} fields as in the header, found {m}"));
        }
        let id = fields[cols.id];
        if id.is_empty() {
            return Err("empty id".to_owned());
        }
        match first_line.entry(id.to_owned()) {
            Entry::Occupied(first) => {
                Err(format!("duplicate id `{id}` (first on line {})", first.get()))
            }
            Entry::Vacant(slot) => {
                slot.insert(line);
                let get =
                    |i: usize| cols.meta[i].map_or_else(String::new, |c| fields[c].to_owned());
                let meta = Meta { outlet: get(0), date: get(1), url: get(2), title: get(3) };
                self.rows.insert(id.to_owned(), meta);
                Ok(())
            }
        }
    }
}

impl Columns {
    /// Locates the columns named in a header row.
    fn from_header(names: &[&str]) -> Result<Columns, String> {
        let find = |wanted: &str| names.iter().position(|name| name.eq_ignore_ascii_case(wanted));
        let id = find("id").ok_or_else(|| {
            let found = names.join(",");
            format!("the header has no `id` column (expected `id,outlet,date,url,title`, found `{found}`)")
        })?;
        for (i, name) in names.iter().enumerate() {
            if names[..i].iter().any(|earlier| earlier.eq_ignore_ascii_case(name)) {
                return Err(format!("the header names column `{name}` twice"));
            }
        }
        Ok(Columns { id, meta: META_COLUMNS.map(find), count: names.len() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `csv` as `sources.csv` and lists (id, outlet, title) rows
    /// sorted by id, and the errors as strings.
    fn load(csv: &str) -> (Vec<(String, String, String)>, Vec<String>) {
        let (sources, errors) = Sources::from_reader("dir/sources.csv", csv.as_bytes());
        let mut rows: Vec<_> = sources
            .rows
            .iter()
            .map(|(id, m)| (id.clone(), m.outlet.clone(), m.title.clone()))
            .collect();
        rows.sort();
        (rows, errors.iter().map(ToString::to_string).collect())
    }

    fn row(id: &str, outlet: &str, title: &str) -> (String, String, String) {
        (id.to_owned(), outlet.to_owned(), title.to_owned())
    }

    #[test]
    fn parses_rows_and_reports_bad_ones_by_line() {
        struct Case {
            name: &'static str,
            csv: &'static str,
            rows: Vec<(String, String, String)>,
            errors: Vec<&'static str>,
        }
        let cases = [
            Case {
                name: "all columns",
                csv: "id,outlet,date,url,title\na,RHC,2024-08-26,,\"Hello, world\"\n",
                rows: vec![row("a", "RHC", "Hello, world")],
                errors: vec![],
            },
            Case {
                name: "columns in another order, some missing, odd case, BOM",
                csv: "\u{feff}Title , ID\nHi,a\n",
                rows: vec![row("a", "", "Hi")],
                errors: vec![],
            },
            Case {
                name: "missing, extra field and empty id; other rows load",
                csv: "id,outlet\na,X\nb\nc,Y,extra\n ,Z\nd,W\n",
                rows: vec![row("a", "X", ""), row("d", "W", "")],
                errors: vec![
                    "dir/sources.csv:3: expected 2 fields as in the header, found 1",
                    "dir/sources.csv:4: expected 2 fields as in the header, found 3",
                    "dir/sources.csv:5: empty id",
                ],
            },
            Case {
                name: "duplicate id keeps the first",
                csv: "id,outlet\na,X\na,Y\n",
                rows: vec![row("a", "X", "")],
                errors: vec!["dir/sources.csv:3: duplicate id `a` (first on line 2)"],
            },
            Case {
                name: "quoted field spanning lines counts lines",
                csv: "id,title\na,\"two\nlines\"\n,x\n",
                rows: vec![row("a", "", "two\nlines")],
                errors: vec!["dir/sources.csv:4: empty id"],
            },
            Case {
                name: "no id column",
                csv: "outlet,title\nX,Y\n",
                rows: vec![],
                errors: vec![
                    "dir/sources.csv:1: the header has no `id` column (expected \
                     `id,outlet,date,url,title`, found `outlet,title`)",
                ],
            },
            Case {
                name: "repeated column",
                csv: "id,ID\na,b\n",
                rows: vec![],
                errors: vec!["dir/sources.csv:1: the header names column `ID` twice"],
            },
            Case {
                name: "empty file",
                csv: "",
                rows: vec![],
                errors: vec![
                    "dir/sources.csv: empty file: expected a header row with an `id` column",
                ],
            },
            Case { name: "header only", csv: "id\n", rows: vec![], errors: vec![] },
        ];
        for case in cases {
            let (rows, errors) = load(case.csv);
            assert_eq!(rows, case.rows, "{}", case.name);
            assert_eq!(errors, case.errors, "{}", case.name);
        }
    }

    #[test]
    fn invalid_utf8_row_is_skipped() {
        let csv = b"id,outlet\na,\xff\nb,X\n";
        let (sources, errors) = Sources::from_reader("s.csv", &csv[..]);
        assert_eq!(sources.len(), 1);
        let errors: Vec<_> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors, ["s.csv:2: field 2 is not valid UTF-8"]);
    }

    #[test]
    fn apply_fills_only_empty_fields() {
        let csv = "id,outlet,date,url,title\na,RHC,2024-08-26,http://x,T\n";
        let (sources, errors) = Sources::from_reader("s.csv", csv.as_bytes());
        assert!(errors.is_empty());
        let mut article = Article::new("a", "text");
        article.outlet = "Given".to_owned();
        article.date = "  ".to_owned();
        assert!(sources.apply(&mut article));
        assert_eq!(
            (&*article.outlet, &*article.date, &*article.url, &*article.title),
            ("Given", "2024-08-26", "http://x", "T")
        );
        assert!(!sources.apply(&mut Article::new("b", "")));
    }
}
