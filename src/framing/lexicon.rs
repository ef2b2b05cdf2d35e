//! The framing lexicon: terms, their alternatives, and the automaton that
//! finds them.
//!
//! # Format
//!
//! A CSV file whose first row is the header `term,variants,referent,category,note`
//! (any ASCII case; a UTF-8 byte-order mark before it is allowed). Every
//! other row is one term:
//!
//! | column | meaning |
//! |---|---|
//! | `term` | the term as reported (`anti-terror groups`); required |
//! | `variants` | other spellings or forms counted as the term, separated by `;` (`anti-terrorism groups;counter-terrorism groups`); may be empty |
//! | `referent` | what the term names (`armed groups`); terms with the same referent are alternatives. Required |
//! | `category` | a group of referents (`armed-groups`, `israel`, `violence`, `hedge`); required |
//! | `note` | free text: what choosing the term says; may be empty or left out |
//!
//! Lines starting with `#` are comments and blank lines are skipped. A row
//! with the wrong number of fields, an empty required field, or a form
//! (the term or a variant, folded) that an earlier row already has is
//! reported as an [`Error::Format`] with its line and skipped; the other
//! rows still load. The default lexicon is the repository's
//! `corpus/framing.csv`, compiled in ([`Lexicon::bundled`]).
//!
//! # Matching
//!
//! Every form (the term and each variant) is expanded, then folded with
//! [`text::fold`] and matched with [`crate::phrases`]: one aho-corasick
//! automaton for the whole lexicon, whole words, leftmost-longest (so
//! `Israeli occupation` wins over `occupation` where both start), any
//! case, curly or straight apostrophes, any dash. The expansions:
//!
//! - **Hyphenation**: each hyphen of a form may also be a space or
//!   nothing: `anti-terror` also matches `anti terror` and `antiterror`.
//!   (A form with more than four hyphens keeps only the all-hyphens,
//!   all-spaces and all-joined spellings.)
//! - **Number**: for a last word not ending in `s`, its plural (`militia`
//!   → `militias`, `party` → `parties`, `church` → `churches`); for a
//!   lower-case one ending in `s` but not `ss`, `us` or `is`, its singular
//!   (`claims` → `claim`, `atrocities` → `atrocity`). Acronyms in capitals (`ISIL`) get
//!   neither. A written form must not be a form of an earlier term (that
//!   row is refused); a generated form that an earlier term already has
//!   stays that term's, without complaint.
//!
//! A possessive needs no variant: `Israel` matches in `Israel’s`.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::phrases::PhraseMatcher;
use crate::{Error, Span, text};

/// The header a lexicon file starts with.
const HEADER: [&str; 5] = ["term", "variants", "referent", "category", "note"];

/// The lexicon compiled into the library: `corpus/framing.csv`.
static BUNDLED: &str = include_str!("../../corpus/framing.csv");

/// One framing term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The term as reported.
    pub term: String,
    /// Other forms counted as the term.
    pub variants: Vec<String>,
    /// What the term names; terms with the same referent are
    /// alternatives.
    pub referent: String,
    /// A group of referents.
    pub category: String,
    /// What choosing the term says, or empty.
    pub note: String,
}

/// A term found in a haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermMatch {
    /// Where: half-open byte offsets into the haystack as given.
    pub span: Span,
    /// The index of the term in [`Lexicon::terms`].
    pub term: usize,
}

/// Framing terms and the automaton that finds them.
///
/// Building one compiles the automaton: build it once and reuse it. See
/// the [module docs](self) for the file format and how terms match.
#[derive(Clone, Debug)]
pub struct Lexicon {
    terms: Vec<Term>,
    matcher: PhraseMatcher,
    /// Pattern number → term.
    owners: Vec<usize>,
}

impl Lexicon {
    /// The lexicon bundled with quotelens (`corpus/framing.csv`).
    ///
    /// # Panics
    ///
    /// Never in a released build: the bundled file is checked by this
    /// module's tests.
    pub fn bundled() -> Lexicon {
        let (lexicon, errors) = Lexicon::from_reader("corpus/framing.csv", BUNDLED.as_bytes());
        assert!(errors.is_empty(), "the bundled lexicon has errors: {errors:?}");
        lexicon
    }

    /// Reads the lexicon file at `path`.
    ///
    /// # Errors
    ///
    /// As [`Lexicon::from_reader`], plus an [`Error::Io`] when the file
    /// cannot be opened (the lexicon is then empty).
    pub fn from_path(path: impl AsRef<Path>) -> (Lexicon, Vec<Error>) {
        let path = path.as_ref();
        match File::open(path) {
            Ok(file) => Lexicon::from_reader(path, io::BufReader::new(file)),
            Err(e) => (Lexicon::from_terms(Vec::new()).0, vec![Error::io(path, e)]),
        }
    }

    /// Reads a lexicon in the [format](self#format) from `reader`; `path`
    /// names it in errors.
    ///
    /// # Errors
    ///
    /// Returns every problem found beside the terms that loaded: a missing
    /// or wrong header (nothing loads), a malformed row or a form an
    /// earlier row has (that row is skipped), an I/O error (reading
    /// stops). Each names the file and, where it applies, the line.
    pub fn from_reader(path: impl Into<PathBuf>, reader: impl io::Read) -> (Lexicon, Vec<Error>) {
        let path = path.into();
        let mut errors = Vec::new();
        let mut rows: Vec<(u64, Term)> = Vec::new();
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(reader);
        let mut header = false;
        for record in csv.records() {
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    let line = e.position().map(|p| p.line());
                    errors.push(Error::format(&path, line, e.to_string()));
                    break;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            let fields: Vec<&str> = record
                .iter()
                .enumerate()
                .map(|(i, f)| if i == 0 { f.trim_start_matches('\u{feff}') } else { f }.trim())
                .collect();
            if !header {
                if fields.len() == HEADER.len()
                    && fields.iter().zip(HEADER).all(|(f, h)| f.eq_ignore_ascii_case(h))
                {
                    header = true;
                    continue;
                }
                let msg = format!(
                    "expected the header `{}`, found `{}`",
                    HEADER.join(","),
                    fields.join(",")
                );
                errors.push(Error::format(&path, Some(line), msg));
                return (Lexicon::from_terms(Vec::new()).0, errors);
            }
            match parse_row(&fields) {
                Ok(Some(term)) => rows.push((line, term)),
                Ok(None) => {}
                Err(msg) => errors.push(Error::format(&path, Some(line), msg)),
            }
        }
        if !header && errors.is_empty() {
            let msg = format!("empty file: expected the header `{}`", HEADER.join(","));
            errors.push(Error::format(&path, None, msg));
        }
        let lines: Vec<u64> = rows.iter().map(|(l, _)| *l).collect();
        let (lexicon, refused) = Lexicon::from_terms(rows.into_iter().map(|(_, t)| t).collect());
        for (index, msg) in refused {
            errors.push(Error::format(&path, Some(lines[index]), msg));
        }
        (lexicon, errors)
    }

    /// Builds a lexicon from terms, skipping (and explaining, with the
    /// term's index) those with a written form that is a form of an
    /// earlier term.
    fn from_terms(terms: Vec<Term>) -> (Lexicon, Vec<(usize, String)>) {
        let mut kept: Vec<Term> = Vec::new();
        let mut refused = Vec::new();
        // Folded form → term index in `kept`.
        let mut claimed: HashMap<String, usize> = HashMap::new();
        for (index, term) in terms.into_iter().enumerate() {
            let written: Vec<String> =
                term.forms().map(text::fold).filter(|f| !f.is_empty()).collect();
            if let Some(&owner) = written.iter().find_map(|f| claimed.get(f)) {
                let form =
                    term.forms().find(|f| claimed.contains_key(&text::fold(f))).unwrap_or("");
                refused
                    .push((index, format!("`{form}` is already a form of `{}`", kept[owner].term)));
                continue;
            }
            let id = kept.len();
            for form in term.forms().flat_map(expand) {
                claimed.entry(form).or_insert(id);
            }
            kept.push(term);
        }
        let mut patterns: Vec<(String, usize)> = claimed.into_iter().collect();
        // Sorted, so pattern numbers do not depend on hash order.
        patterns.sort_unstable();
        let matcher = PhraseMatcher::new(patterns.iter().map(|(form, _)| form))
            .expect("a lexicon's forms fit aho-corasick's limits");
        let owners = patterns.into_iter().map(|(_, id)| id).collect();
        (Lexicon { terms: kept, matcher, owners }, refused)
    }

    /// The terms, in file order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Every term in `haystack`, leftmost-longest, whole words, in order.
    /// See the [module docs](self#matching).
    pub fn find(&self, haystack: &str) -> Vec<TermMatch> {
        self.matcher
            .find(haystack)
            .into_iter()
            .map(|m| TermMatch { span: m.span, term: self.owners[m.pattern] })
            .collect()
    }
}

impl Term {
    /// The term, then its variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// Parses a data row; `Ok(None)` for a blank one.
fn parse_row(fields: &[&str]) -> Result<Option<Term>, String> {
    if fields.iter().all(|f| f.is_empty()) {
        return Ok(None);
    }
    let (term, variants, referent, category, note) = match *fields {
        [t, v, r, c] => (t, v, r, c, ""),
        [t, v, r, c, n] => (t, v, r, c, n),
        _ => {
            let n = fields.len();
            return Err(format!("expected 5 fields ({}), found {n}", HEADER.join(",")));
        }
    };
    for (name, value) in [("term", term), ("referent", referent), ("category", category)] {
        if value.is_empty() {
            return Err(format!("the {name} is empty"));
        }
    }
    let variants =
        variants.split(';').map(str::trim).filter(|v| !v.is_empty()).map(String::from).collect();
    Ok(Some(Term {
        term: term.to_string(),
        variants,
        referent: referent.to_string(),
        category: category.to_string(),
        note: note.to_string(),
    }))
}

/// The folded spellings a written form matches: its hyphenation variants,
/// each with the plural or singular of its last word. See the [module
/// docs](self#matching).
pub fn expand(form: &str) -> Vec<String> {
    let folded = text::fold(form);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let last_written = form.split(text::is_space).rfind(|w| !w.is_empty()).unwrap_or("");
    for spelling in hyphenations(&folded) {
        for s in numbers(&spelling, last_written) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// `anti-terror` → `anti-terror`, `anti terror`, `antiterror`.
fn hyphenations(folded: &str) -> Vec<String> {
    let parts: Vec<&str> = folded.split('-').collect();
    let joints = parts.len() - 1;
    let choices: Vec<Vec<&str>> = if joints == 0 {
        vec![vec![]]
    } else if joints > 4 {
        vec![vec!["-"; joints], vec![" "; joints], vec![""; joints]]
    } else {
        (0..3usize.pow(joints as u32))
            .map(|mut n| {
                (0..joints)
                    .map(|_| {
                        let c = ["-", " ", ""][n % 3];
                        n /= 3;
                        c
                    })
                    .collect()
            })
            .collect()
    };
    choices
        .into_iter()
        .map(|joins| {
            let mut s = parts[0].to_string();
            for (part, join) in parts[1..].iter().zip(joins) {
                s.push_str(join);
                s.push_str(part);
            }
            s
        })
        .filter(|s| !s.contains("  ") && !s.starts_with(' ') && !s.ends_with(' '))
        .collect()
}

/// The spelling, and the plural or singular of its last word.
/// `last_written` is that word as written, to tell acronyms and
/// capitalized words.
fn numbers(spelling: &str, last_written: &str) -> Vec<String> {
    let mut out = vec![spelling.to_string()];
    let letters = last_written.chars().filter(|c| c.is_alphabetic());
    let acronym = last_written.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.clone().all(char::is_uppercase);
    let lower = last_written.chars().next().is_some_and(char::is_lowercase);
    if acronym || !spelling.ends_with(|c: char| c.is_alphabetic()) {
        return out;
    }
    let (head, last) = match spelling.rfind(' ') {
        Some(i) => spelling.split_at(i + 1),
        None => ("", spelling),
    };
    let consonant_y = last.len() >= 2
        && last.ends_with('y')
        && !last[..last.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if last.ends_with('s') {
        // A word in s gets no plural; a lower-case one may be a plural.
        if lower && !last.ends_with("ss") && !last.ends_with("us") && !last.ends_with("is") {
            let singular = if let Some(stem) = last.strip_suffix("ies") {
                format!("{stem}y")
            } else if let Some(stem) = ["ches", "shes", "xes", "zes", "sses"]
                .iter()
                .find_map(|e| last.strip_suffix(e).map(|stem| (stem, &e[..e.len() - 2])))
            {
                format!("{}{}", stem.0, stem.1)
            } else {
                last.strip_suffix('s').unwrap_or(last).to_string()
            };
            out.push(format!("{head}{singular}"));
        }
    } else if consonant_y {
        out.push(format!("{head}{}ies", &last[..last.len() - 1]));
    } else if ["x", "z", "ch", "sh"].iter().any(|e| last.ends_with(e)) {
        out.push(format!("{head}{last}es"));
    } else {
        out.push(format!("{head}{last}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "term,variants,referent,category,note
# Invented terms for these tests.
anti-terror groups,counter-terror groups,armed groups,armed-groups,legitimising
militia,,armed groups,armed-groups,
Zionist regime,,Northland,state,
occupier,,foreign forces,forces,
so-called,,doubt,hedge,
ISIL,,the group,isis,
claims,,doubt,hedge,
government's men,,officials,labels,
";

    fn lexicon() -> Lexicon {
        let (lexicon, errors) = Lexicon::from_reader("t.csv", CSV.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        lexicon
    }

    /// (what the text says, the term it is counted as).
    fn found<'t>(lexicon: &'t Lexicon, text: &'t str) -> Vec<(&'t str, &'t str)> {
        lexicon
            .find(text)
            .iter()
            .map(|m| (&text[m.span.range()], lexicon.terms()[m.term].term.as_str()))
            .collect()
    }

    #[test]
    fn matching() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            ("hyphen", "the anti-terror groups", &[("anti-terror groups", "anti-terror groups")]),
            ("space", "the anti terror groups", &[("anti terror groups", "anti-terror groups")]),
            ("joined", "the antiterror groups", &[("antiterror groups", "anti-terror groups")]),
            ("en dash", "the anti–terror groups", &[("anti–terror groups", "anti-terror groups")]),
            ("singular", "an anti-terror group", &[("anti-terror group", "anti-terror groups")]),
            (
                "variant",
                "counter-terror groups",
                &[("counter-terror groups", "anti-terror groups")],
            ),
            ("plural", "two militias", &[("militias", "militia")]),
            ("capitals", "THE MILITIA", &[("MILITIA", "militia")]),
            ("case", "the zionist Regime", &[("zionist Regime", "Zionist regime")]),
            ("possessive", "the occupier’s lies", &[("occupier", "occupier")]),
            ("plural of a phrase", "Zionist regimes", &[("Zionist regimes", "Zionist regime")]),
            ("so called", "the so called plan", &[("so called", "so-called")]),
            ("acronym gets no plural", "ISILs and ISIL", &[("ISIL", "ISIL")]),
            ("singular of claims", "a false claim", &[("claim", "claims")]),
            (
                "curly apostrophe",
                "the government’s men",
                &[("government’s men", "government's men")],
            ),
            (
                "straight apostrophe",
                "the government's men",
                &[("government's men", "government's men")],
            ),
            ("whole words", "militiaman and occupiers", &[("occupiers", "occupier")]),
        ];
        let lexicon = lexicon();
        for &(name, text, want) in cases {
            assert_eq!(found(&lexicon, text), want, "{name}: {text}");
        }
    }

    #[test]
    fn expansions() {
        assert_eq!(
            expand("anti-terror"),
            [
                "anti-terror",
                "anti-terrors",
                "anti terror",
                "anti terrors",
                "antiterror",
                "antiterrors"
            ]
        );
        assert_eq!(expand("party"), ["party", "parties"]);
        assert_eq!(expand("atrocities"), ["atrocities", "atrocity"]);
        assert_eq!(expand("press"), ["press"]);
        assert_eq!(expand("church"), ["church", "churches"]);
        assert_eq!(expand("classes"), ["classes", "class"]);
        assert_eq!(expand("churches"), ["churches", "church"]);
        assert_eq!(expand("ISIS"), ["isis"]);
        assert_eq!(expand("Takfiris"), ["takfiris"]);
    }

    #[test]
    fn bad_rows_are_reported_and_the_rest_loads() {
        let csv = "Term,Variants,Referent,Category,Note
militia,,armed groups,armed-groups,
,x,armed groups,armed-groups,
militias,,armed groups,armed-groups,
rebels,,,armed-groups,
fighters,,armed groups
occupier,,foreign forces,forces
";
        let (lexicon, errors) = Lexicon::from_reader("t.csv", csv.as_bytes());
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "t.csv:3: the term is empty",
                "t.csv:5: the referent is empty",
                "t.csv:6: expected 5 fields (term,variants,referent,category,note), found 3",
                "t.csv:4: `militias` is already a form of `militia`",
            ]
        );
        let terms: Vec<&str> = lexicon.terms().iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["militia", "occupier"]);
        let (lexicon, errors) = Lexicon::from_reader("t.csv", "term,aliases\n".as_bytes());
        assert!(lexicon.terms().is_empty());
        assert_eq!(
            errors[0].to_string(),
            "t.csv:1: expected the header `term,variants,referent,category,note`, found `term,aliases`"
        );
    }

    #[test]
    fn the_bundled_lexicon_loads_cleanly() {
        let lexicon = Lexicon::bundled();
        assert!(lexicon.terms().len() > 40);
        // No form is the verb "is" or another common word by accident.
        assert!(lexicon.find("It is what it is, and so it goes.").is_empty());
    }
}
