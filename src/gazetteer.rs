//! The gazetteer: an optional user file of known speakers, which adds to
//! and overrides the speakers found in the text.
//!
//! A [`Gazetteer`] holds [`Entry`]s (a canonical name, its aliases, a
//! [`SpeakerType`] and an optional role) and finds their names in a
//! haystack (an article's text, or any part of it). Build one from a file
//! with [`Gazetteer::from_path`] or [`Gazetteer::from_reader`], or from
//! code with a [`GazetteerBuilder`].
//!
//! # Format
//!
//! A CSV file whose first row is the header `canonical,aliases,type,role`
//! (those four columns, in that order, any ASCII case; a UTF-8 byte-order
//! mark before it is allowed). Every other row is one entry:
//!
//! | column | meaning |
//! |---|---|
//! | `canonical` | the name to report for the speaker; required |
//! | `aliases` | other names for the speaker, separated by `;`; may be empty |
//! | `type` | `person` (also when empty), `organisation` (or `organization`) or `unnamed_source`, any ASCII case |
//! | `role` | optional free text: a title or office |
//!
//! White space around fields and aliases is ignored, lines starting with
//! `#` are comments, blank lines are skipped, and a field that holds a
//! comma or a `;` that is not a separator is quoted as usual in CSV:
//!
//! ```text
//! canonical,aliases,type,role
//! # Persons: the type may be left empty.
//! Omar al-Fulani,al-Fulani;Fulani,person,Minister of Water
//! Nadia O’Hallen,O’Hallen,,"spokesperson, Coastal Relief Agency"
//! Coastal Relief Agency,CRA;the relief agency,organisation,
//! a senior official in Port Verrin,,unnamed_source,
//! ```
//!
//! A row with the wrong number of fields, an empty canonical name, an
//! unknown type, or a name (canonical or alias) that an earlier row
//! already claimed is reported as an [`Error::Format`] naming the file and
//! the row's 1-based line, and is skipped; the other rows still load. A
//! name repeated within one row is not an error: the repeat is dropped.
//!
//! # Matching
//!
//! Names and haystack are compared after folding both with [`text::fold`]:
//! Unicode lower case; typographic apostrophes (’ ʼ \` ´) to `'` and dashes
//! (‐ ‑ – — …) to `-`; periods removed (`C.R.A.` matches `CRA`); every run
//! of white space, including no-break spaces and zero-width characters, to
//! one space. A match must be whole words: the characters just before and
//! after it are not letters or digits (so `Doe` matches in `Doe’s`
//! and `pro-Doe` but not in `Doebrecht`). Matches do not overlap; of
//! the names starting at the leftmost position, the longest that is whole
//! words wins (`Omar al-Fulani` over `Fulani`).
//!
//! Matches are reported as [`Span`]s: half-open byte offsets into the
//! haystack as given, not the folded copy, so `&haystack[m.span.range()]`
//! is the name as printed. A trailing period (`C.R.A.`) is not included.
//! The matching itself is [`crate::phrases`], shared with the framing
//! lexicon.
//!
//! # Cost
//!
//! [`GazetteerBuilder::build`] makes one [aho-corasick] automaton over all
//! folded names (`MatchKind::LeftmostLongest`); its size grows with the
//! total length of the names, and it is built once per gazetteer, so build
//! the gazetteer once and reuse it for every article. [`Gazetteer::find`]
//! folds a copy of the haystack, keeping each folded byte's original offset
//! (about 9 bytes of memory per haystack byte), and runs the automaton over
//! it in one pass, linear in the haystack's length. A candidate rejected
//! because it is part of a longer word costs a re-scan of at most the
//! longest name's length.
//!
//! # Example
//!
//! ```
//! use quotelens::gazetteer::Gazetteer;
//! use quotelens::SpeakerType;
//!
//! let csv = "canonical,aliases,type,role\n\
//!            Omar al-Fulani,Fulani,person,Minister of Water\n\
//!            Coastal Relief Agency,CRA,organisation,\n";
//! let (gazetteer, errors) = Gazetteer::from_reader("names.csv", csv.as_bytes());
//! assert!(errors.is_empty());
//!
//! let text = "OMAR AL‐FULANI told the C.R.A. that Fulani’s plan stands.";
//! let found: Vec<(&str, &str)> = gazetteer
//!     .find(text)
//!     .iter()
//!     .map(|m| (&text[m.span.range()], gazetteer.entries()[m.entry].canonical.as_str()))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("OMAR AL‐FULANI", "Omar al-Fulani"),
//!         ("C.R.A", "Coastal Relief Agency"),
//!         ("Fulani", "Omar al-Fulani"),
//!     ]
//! );
//!
//! let entry = gazetteer.lookup("Omar Fulani").unwrap();
//! assert_eq!((entry.kind, entry.role.as_deref()), (SpeakerType::Person, Some("Minister of Water")));
//! ```
//!
//! [aho-corasick]: https://docs.rs/aho-corasick

use std::collections::HashMap;
use std::collections::hash_map;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::csv_row::{csv_error, fields};
use crate::phrases::PhraseMatcher;
use crate::{Error, Result, Span, SpeakerType, text};

/// The header a gazetteer file must start with.
const HEADER: [&str; 4] = ["canonical", "aliases", "type", "role"];

/// One known speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The name to report for the speaker, as written.
    pub canonical: String,
    /// Other names for the speaker, as written.
    pub aliases: Vec<String>,
    /// Person, organisation or unnamed source.
    pub kind: SpeakerType,
    /// A title or office, as written.
    pub role: Option<String>,
}

impl Entry {
    /// An entry with no aliases and no role.
    pub fn new(canonical: impl Into<String>, kind: SpeakerType) -> Entry {
        Entry { canonical: canonical.into(), aliases: Vec::new(), kind, role: None }
    }

    /// The canonical name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A gazetteer name found in a haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerMatch {
    /// Where the name is: half-open byte offsets into the haystack as
    /// given.
    pub span: Span,
    /// The index of its entry in [`Gazetteer::entries`].
    pub entry: usize,
}

/// Why an entry was refused.
enum Refusal {
    /// The canonical name folds to nothing.
    NoCanonical,
    /// `name` folds like a name of the earlier entry `owner`.
    Taken { name: String, owner: usize },
}

/// Collects [`Entry`]s and builds a [`Gazetteer`].
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    source: PathBuf,
    entries: Vec<Entry>,
    /// Folded name → the entry that claimed it.
    claimed: HashMap<String, usize>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder {
            source: PathBuf::from("gazetteer"),
            entries: Vec::new(),
            claimed: HashMap::new(),
        }
    }
}

impl GazetteerBuilder {
    /// An empty builder whose errors name the source `gazetteer`.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Sets the path that errors name as the entries' source.
    pub fn source(&mut self, path: impl Into<PathBuf>) -> &mut GazetteerBuilder {
        self.source = path.into();
        self
    }

    /// Adds `entry`.
    ///
    /// Aliases that fold to nothing or to another name of the same entry
    /// are dropped.
    ///
    /// # Errors
    ///
    /// An [`Error::Format`] naming the [source](GazetteerBuilder::source)
    /// when the canonical name is empty or one of the entry's names folds
    /// like a name of an entry added before; the entry is not added.
    pub fn add(&mut self, entry: Entry) -> Result<&mut GazetteerBuilder> {
        match self.insert(entry) {
            Ok(_) => Ok(self),
            Err(refusal) => Err(Error::format(&self.source, None, self.explain(&refusal, None))),
        }
    }

    /// Adds `entry` and returns its index, or says why it was refused.
    fn insert(&mut self, mut entry: Entry) -> std::result::Result<usize, Refusal> {
        let canonical = text::fold(&entry.canonical);
        if canonical.is_empty() {
            return Err(Refusal::NoCanonical);
        }
        let mut keys = vec![canonical];
        entry.aliases.retain(|alias| {
            let key = text::fold(alias);
            let new = !key.is_empty() && !keys.contains(&key);
            if new {
                keys.push(key);
            }
            new
        });
        for (key, name) in keys.iter().zip(entry.names()) {
            if let Some(&owner) = self.claimed.get(key) {
                return Err(Refusal::Taken { name: name.to_string(), owner });
            }
        }
        let id = self.entries.len();
        self.claimed.extend(keys.into_iter().map(|key| (key, id)));
        self.entries.push(entry);
        Ok(id)
    }

    /// A refusal in words; `lines` gives each entry's line in the file.
    fn explain(&self, refusal: &Refusal, lines: Option<&[u64]>) -> String {
        match refusal {
            Refusal::NoCanonical => "the canonical name is empty".to_string(),
            Refusal::Taken { name, owner } => {
                let canonical = &self.entries[*owner].canonical;
                match lines.and_then(|lines| lines.get(*owner)) {
                    Some(line) => {
                        format!("`{name}` is already a name of `{canonical}` (line {line})")
                    }
                    None => format!("`{name}` is already a name of `{canonical}`"),
                }
            }
        }
    }

    /// Builds the gazetteer and its automaton.
    ///
    /// # Panics
    ///
    /// When the automaton cannot be built (see
    /// [`GazetteerBuilder::try_build`]). For names read from a user file,
    /// use `try_build`.
    pub fn build(self) -> Gazetteer {
        self.try_build().expect("the gazetteer's automaton fits aho-corasick's limits")
    }

    /// Builds the gazetteer and its automaton.
    ///
    /// # Errors
    ///
    /// An [`Error::Format`] naming the source when the automaton would
    /// exceed aho-corasick's size limits (billions of states: far more
    /// names than a gazetteer holds).
    pub fn try_build(self) -> Result<Gazetteer> {
        // Sorted, so pattern numbers do not depend on hash order.
        let mut names: Vec<(String, usize)> = self.claimed.into_iter().collect();
        names.sort_unstable();
        let matcher = PhraseMatcher::new(names.iter().map(|(name, _)| name)).map_err(|e| {
            Error::format(&self.source, None, format!("cannot build the name matcher: {e}"))
        })?;
        let mut loose: HashMap<String, Option<usize>> = HashMap::new();
        for (id, entry) in self.entries.iter().enumerate() {
            for name in entry.names() {
                match loose.entry(loose_key(name)) {
                    hash_map::Entry::Vacant(slot) => {
                        slot.insert(Some(id));
                    }
                    hash_map::Entry::Occupied(mut slot) if *slot.get() != Some(id) => {
                        slot.insert(None);
                    }
                    hash_map::Entry::Occupied(_) => {}
                }
            }
        }
        let owners = names.iter().map(|&(_, id)| id).collect();
        let exact = names.into_iter().collect();
        Ok(Gazetteer { entries: self.entries, matcher, owners, exact, loose })
    }
}

/// A name's folded words with `al-` style particles removed (see
/// [`text::strip_particle`]): `Omar al-Fulani` → `omar fulani`.
fn loose_key(name: &str) -> String {
    let words: Vec<String> = name
        .split(text::is_space)
        .filter(|w| !w.is_empty())
        .map(|w| text::fold(text::strip_particle(w)))
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// Known speakers and an automaton that finds their names.
///
/// Building one compiles the automaton, so build one per run and reuse it
/// for every article. See the [module docs](self) for the file format, how names match and
/// what it costs.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    matcher: PhraseMatcher,
    /// Pattern number → entry.
    owners: Vec<usize>,
    /// Folded name → entry.
    exact: HashMap<String, usize>,
    /// [`loose_key`] → entry, or `None` when two entries share the key.
    loose: HashMap<String, Option<usize>>,
}

impl Gazetteer {
    /// Reads the gazetteer file at `path`.
    ///
    /// # Errors
    ///
    /// As [`Gazetteer::from_reader`], plus an [`Error::Io`] when the file
    /// cannot be opened (the gazetteer is then empty).
    pub fn from_path(path: impl AsRef<Path>) -> (Gazetteer, Vec<Error>) {
        let path = path.as_ref();
        match File::open(path) {
            Ok(file) => Gazetteer::from_reader(path, io::BufReader::new(file)),
            Err(e) => (GazetteerBuilder::new().build(), vec![Error::io(path, e)]),
        }
    }

    /// Reads a gazetteer in the [format](self#format) from `reader`;
    /// `path` names it in errors.
    ///
    /// # Errors
    ///
    /// Returns every problem found beside the entries that loaded: a
    /// missing or wrong header (nothing loads); a row with the wrong number
    /// of fields, a field that is not UTF-8, an empty canonical name, an
    /// unknown type or a name an earlier row claimed (that row is skipped);
    /// an I/O error from `reader` (reading stops). Each is an
    /// [`Error::Format`] with the 1-based line, or an [`Error::Io`].
    pub fn from_reader(path: impl Into<PathBuf>, reader: impl io::Read) -> (Gazetteer, Vec<Error>) {
        let path = path.into();
        let mut builder = GazetteerBuilder::new();
        builder.source(&path);
        let mut errors = Vec::new();
        let mut lines = Vec::new();
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(reader);
        let mut record = csv::ByteRecord::new();
        let mut header = false;
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
            let row = fields(&record)
                .map_err(|i| format!("field {i} is not valid UTF-8"))
                .and_then(|fields| {
                    if header { parse_row(&fields) } else { check_header(&fields).map(|()| None) }
                });
            match row {
                // The header, or a blank row after it.
                Ok(None) => header = true,
                Ok(Some(entry)) => match builder.insert(entry) {
                    Ok(_) => lines.push(line),
                    Err(refusal) => {
                        let msg = builder.explain(&refusal, Some(&lines));
                        errors.push(Error::format(&path, Some(line), msg));
                    }
                },
                Err(msg) => {
                    errors.push(Error::format(&path, Some(line), msg));
                    if !header {
                        return (GazetteerBuilder::new().build(), errors);
                    }
                }
            }
        }
        if !header && errors.is_empty() {
            let msg = format!("empty file: expected the header `{}`", HEADER.join(","));
            errors.push(Error::format(&path, None, msg));
        }
        match builder.try_build() {
            Ok(gazetteer) => (gazetteer, errors),
            Err(e) => {
                errors.push(e);
                (GazetteerBuilder::new().build(), errors)
            }
        }
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with the whole name `name` (canonical or alias), compared
    /// folded; failing that, the one entry whose name has the same words
    /// but for `al-` style particles (`Omar Fulani` finds `Omar
    /// al-Fulani`).
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let id = match self.exact.get(&text::fold(name)) {
            Some(&id) => id,
            None => (*self.loose.get(&loose_key(name))?)?,
        };
        Some(&self.entries[id])
    }

    /// Every name in `haystack` that is whole words, leftmost-longest and
    /// not overlapping, in order. See the [module docs](self#matching).
    ///
    /// Folds a copy of `haystack` and scans it once: linear in its length.
    pub fn find(&self, haystack: &str) -> Vec<GazetteerMatch> {
        self.matcher
            .find(haystack)
            .into_iter()
            .map(|m| GazetteerMatch { span: m.span, entry: self.owners[m.pattern] })
            .collect()
    }
}

/// Checks the header row.
fn check_header(fields: &[&str]) -> std::result::Result<(), String> {
    if fields.len() == HEADER.len()
        && fields.iter().zip(HEADER).all(|(f, h)| f.eq_ignore_ascii_case(h))
    {
        Ok(())
    } else {
        Err(format!("expected the header `{}`, found `{}`", HEADER.join(","), fields.join(",")))
    }
}

/// Parses a data row; `Ok(None)` for a blank one.
fn parse_row(fields: &[&str]) -> std::result::Result<Option<Entry>, String> {
    if fields.iter().all(|f| f.is_empty()) {
        return Ok(None);
    }
    let &[canonical, aliases, kind, role] = fields else {
        let n = fields.len();
        return Err(format!("expected 4 fields ({}), found {n}", HEADER.join(",")));
    };
    if canonical.is_empty() {
        return Err("the canonical name is empty".to_string());
    }
    let kind = parse_kind(kind).ok_or_else(|| {
        format!("unknown type `{kind}`: expected person, organisation, unnamed_source or empty")
    })?;
    Ok(Some(Entry {
        canonical: canonical.to_string(),
        aliases: aliases
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect(),
        kind,
        role: (!role.is_empty()).then(|| role.to_string()),
    }))
}

/// A `type` field's speaker type; empty means person.
fn parse_kind(field: &str) -> Option<SpeakerType> {
    match field.to_ascii_lowercase().as_str() {
        "" | "person" => Some(SpeakerType::Person),
        "organisation" | "organization" => Some(SpeakerType::Organisation),
        "unnamed_source" => Some(SpeakerType::UnnamedSource),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invented speakers, written for these tests.
    const NAMES: &str = "\
canonical,aliases,type,role
Omar al-Fulani,Fulani;al-Fulani,person,Minister of Water
Yara Rasool,Rasool,,
Nadia O’Hallen,O’Hallen,person,spokesperson
Coastal Relief Agency,CRA;the relief agency,organisation,
Hassan,,person,
Hassan Alib,,person,
";

    fn gazetteer() -> Gazetteer {
        let (gazetteer, errors) = Gazetteer::from_reader("names.csv", NAMES.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        gazetteer
    }

    /// (the text matched, as written; its entry's canonical name).
    fn found<'t>(g: &'t Gazetteer, text: &'t str) -> Vec<(&'t str, &'t str)> {
        let ms = g.find(text);
        ms.iter()
            .map(|m| (&text[m.span.range()], g.entries()[m.entry].canonical.as_str()))
            .collect()
    }

    #[test]
    fn find_names() {
        struct Case(&'static str, &'static str, &'static [(&'static str, &'static str)]);
        const FULANI: &str = "Omar al-Fulani";
        const RASOOL: &str = "Yara Rasool";
        const HALLEN: &str = "Nadia O’Hallen";
        const CRA: &str = "Coastal Relief Agency";
        let cases = [
            Case("whole word only", "Rasoolzadeh and ElRasool and Rasool2", &[]),
            Case("possessive", "Rasool’s plan", &[("Rasool", RASOOL)]),
            Case("inside a hyphenated word", "the pro-Rasool camp", &[("Rasool", RASOOL)]),
            Case("upper case", "YARA RASOOL said", &[("YARA RASOOL", RASOOL)]),
            Case("lower case", "yara rasool said", &[("yara rasool", RASOOL)]),
            Case("straight apostrophe", "Nadia O'Hallen said", &[("Nadia O'Hallen", HALLEN)]),
            Case("curly apostrophe", "said O’HALLEN.", &[("O’HALLEN", HALLEN)]),
            Case("no-break space", "Omar\u{A0}al-Fulani said", &[("Omar\u{A0}al-Fulani", FULANI)]),
            Case("space run", "Yara \u{200B} Rasool", &[("Yara \u{200B} Rasool", RASOOL)]),
            Case("typographic dash", "al‐Fulani said", &[("al‐Fulani", FULANI)]),
            Case(
                "leftmost-longest",
                "Omar al-Fulani met Fulani",
                &[("Omar al-Fulani", FULANI), ("Fulani", FULANI)],
            ),
            Case(
                "a shorter name when the longer is not whole words",
                "Hassan Alibek met Hassan Alib.",
                &[("Hassan", "Hassan"), ("Hassan Alib", "Hassan Alib")],
            ),
            Case("periods", "the C.R.A. said", &[("C.R.A", CRA)]),
            Case("multi-word alias", "The Relief Agency said", &[("The Relief Agency", CRA)]),
            Case("multibyte before", "«Ça dépend», dit Yara Rasool.", &[("Yara Rasool", RASOOL)]),
            Case(
                "lower case changes byte lengths",
                "İSTANBUL ẞTRASSE: Rasool, ÇA, Fulani",
                &[("Rasool", RASOOL), ("Fulani", FULANI)],
            ),
        ];
        let g = gazetteer();
        for Case(name, text, want) in cases {
            assert_eq!(found(&g, text), want, "{name}: {text}");
        }
    }

    #[test]
    fn spans_are_original_byte_offsets() {
        let g = gazetteer();
        let text = "ẞ İ «Rasool»";
        let ms = g.find(text);
        let start = text.find("Rasool").unwrap();
        assert_eq!(ms, [GazetteerMatch { span: Span::new(start, start + 6), entry: 1 }]);
    }

    #[test]
    fn an_empty_gazetteer_finds_nothing() {
        let g = GazetteerBuilder::new().build();
        assert!(g.find("Yara Rasool").is_empty() && g.lookup("Yara Rasool").is_none());
    }

    #[test]
    fn lookup_whole_names() {
        let cases = [
            ("Omar al-Fulani", Some("Omar al-Fulani")),
            ("OMAR AL‐FULANI", Some("Omar al-Fulani")),
            ("Fulani", Some("Omar al-Fulani")),
            ("Omar Fulani", Some("Omar al-Fulani")),
            ("Omar El-Fulani", Some("Omar al-Fulani")),
            ("C.R.A.", Some("Coastal Relief Agency")),
            ("Nadia O'Hallen", Some("Nadia O’Hallen")),
            ("Rasool\u{A0}", Some("Yara Rasool")),
            ("Omar", None),
            ("Yara Rasoolzadeh", None),
            ("", None),
        ];
        let g = gazetteer();
        for (name, want) in cases {
            assert_eq!(g.lookup(name).map(|e| e.canonical.as_str()), want, "{name}");
        }
    }

    #[test]
    fn malformed_rows_are_reported_and_the_rest_loads() {
        let csv = "\u{FEFF}Canonical,Aliases,Type,Role
Omar al-Fulani,Fulani,person,
,Nobody,person,
Yara Rasool,Rasool,person
Coastal Relief Agency,CRA,robot,
Idris Fulani,FULANI,person,
# Comments and blank lines are skipped.

 , , ,
\"Nadia O'Hallen\",\"O'Hallen; N. O'Hallen;O’Hallen;\",,\"spokesperson, CRA\"
";
        let (g, errors) = Gazetteer::from_reader("names.csv", csv.as_bytes());
        let lines: Vec<Option<u64>> = errors
            .iter()
            .map(|e| match e {
                Error::Format { line, .. } => *line,
                _ => panic!("{e}"),
            })
            .collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5), Some(6)]);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "names.csv:3: the canonical name is empty",
                "names.csv:4: expected 4 fields (canonical,aliases,type,role), found 3",
                "names.csv:5: unknown type `robot`: expected person, organisation, unnamed_source or empty",
                "names.csv:6: `FULANI` is already a name of `Omar al-Fulani` (line 2)",
            ]
        );
        let hallen = Entry {
            canonical: "Nadia O'Hallen".to_string(),
            aliases: vec!["O'Hallen".to_string(), "N. O'Hallen".to_string()],
            kind: SpeakerType::Person,
            role: Some("spokesperson, CRA".to_string()),
        };
        let mut fulani = Entry::new("Omar al-Fulani", SpeakerType::Person);
        fulani.aliases.push("Fulani".to_string());
        assert_eq!(g.entries(), [fulani, hallen]);
    }

    #[test]
    fn a_field_that_is_not_utf8_skips_its_row() {
        let csv = b"canonical,aliases,type,role\nYara \xFF,,,\nOmar al-Fulani,,,\n";
        let (g, errors) = Gazetteer::from_reader("t.csv", &csv[..]);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["t.csv:2: field 1 is not valid UTF-8"]);
        assert_eq!(g.entries(), [Entry::new("Omar al-Fulani", SpeakerType::Person)]);
    }

    #[test]
    fn types() {
        let cases = [
            ("", Some(SpeakerType::Person)),
            ("Person", Some(SpeakerType::Person)),
            ("organisation", Some(SpeakerType::Organisation)),
            ("ORGANIZATION", Some(SpeakerType::Organisation)),
            ("unnamed_source", Some(SpeakerType::UnnamedSource)),
            ("unnamed source", None),
            ("robot", None),
        ];
        for (field, want) in cases {
            assert_eq!(parse_kind(field), want, "{field}");
        }
        let csv = "canonical,aliases,type,role\nthe coastguard,,Organization,\nan aide,,unnamed_source,\n";
        let (g, errors) = Gazetteer::from_reader("t.csv", csv.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        let kinds: Vec<_> = g.entries().iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [SpeakerType::Organisation, SpeakerType::UnnamedSource]);
    }

    #[test]
    fn a_bad_header_or_empty_file_loads_nothing() {
        let cases = [
            (
                "name,aliases\nYara Rasool,Rasool\n",
                "t.csv:1: expected the header `canonical,aliases,type,role`, found `name,aliases`",
            ),
            ("", "t.csv: empty file: expected the header `canonical,aliases,type,role`"),
        ];
        for (csv, want) in cases {
            let (g, errors) = Gazetteer::from_reader("t.csv", csv.as_bytes());
            assert!(g.entries().is_empty());
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            assert_eq!(messages, [want]);
        }
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let (g, errors) = Gazetteer::from_path("/nonexistent/names.csv");
        assert!(g.entries().is_empty());
        assert!(matches!(errors[..], [Error::Io { .. }]), "{errors:?}");
    }

    #[test]
    fn builder_refuses_claimed_names() {
        let mut b = GazetteerBuilder::new();
        b.source("code").add(Entry::new("Yara Rasool", SpeakerType::Person)).unwrap();
        let mut other = Entry::new("Rasool Group", SpeakerType::Organisation);
        other.aliases.push("YARA RASOOL".to_string());
        let err = b.add(other).unwrap_err();
        assert_eq!(err.to_string(), "code: `YARA RASOOL` is already a name of `Yara Rasool`");
        assert!(b.add(Entry::new(" . ", SpeakerType::Person)).is_err());
        let g = b.try_build().unwrap();
        assert_eq!(g.entries().len(), 1);
        assert_eq!(found(&g, "Yara Rasool Group"), [("Yara Rasool", "Yara Rasool")]);
    }
}
