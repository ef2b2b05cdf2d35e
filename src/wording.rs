//! Wording differences: how a member of a group words its statement
//! against the group's reference.
//!
//! [`diff`] cuts both texts into tokens (words as [`text::words`] finds
//! them, and each punctuation mark), compares them word by word with the
//! patience diff of the [`similar`] crate on folded keys (lower case,
//! typographic marks made plain, abbreviation periods dropped: see
//! [`text::fold`]), and classifies every difference ([`Kind`]). Case is
//! not a difference.
//!
//! The **shared core** runs from the first to the last word the two texts
//! have in common. Outside it, what only the reference has is a
//! *truncation* and what only the member has an *extension*, at the start
//! or the end, except that two content words right next to the core are a
//! *substitution* (a fragment "temporary truce" against "a provisional
//! truce for regrouping" is `provisional → temporary`, not a deletion and
//! an insertion). Inside the core, each changed stretch is, in order of
//! precedence: a bracketed aside on one side only (*bracketed*);
//! punctuation only (*typography*); the same letters, a small edit or an
//! acronym of the other side's words (*spelling*); words on one side only
//! (*insertion*, *deletion*); or else a *substitution*.
//!
//! # Readable form
//!
//! [`render`] gives one short line, differences in reference order,
//! separated by `; `, each read as "the reference → this member":
//!
//! | kind | shown as |
//! |---|---|
//! | substitution | `provisional → temporary` |
//! | spelling | `US → U.S. (spelling)` |
//! | typography | `’ → ' (typography)`, `−‘,’ (typography)` |
//! | insertion, deletion | `+‘front’`, `−‘front’` |
//! | bracketed | `+‘(in battle)’` (only the member has it), `−‘(in battle)’` |
//! | truncation | `cut at start: ‘The lull is a’`, `cut at end: ‘…’` |
//! | extension | `adds at start: ‘any’`, `adds at end: ‘…’` |
//!
//! Texts longer than eight words are shortened to their first four and
//! last two words around `…`, and a difference repeated in one member is
//! shown once with `×N`.
//!
//! # Example
//!
//! ```
//! use quotelens::wording::{self, Kind};
//!
//! let reference = "Lull on one river and flare (in battle) on another river is a deliberate plan,";
//! let member = "any lull on one river and blaze on another is a deliberate plan";
//! let differences = wording::diff(reference, member);
//! assert_eq!(differences[1].kind, Kind::Substitution);
//! assert_eq!(
//!     wording::render(&differences),
//!     "adds at start: ‘any’; flare → blaze; −‘(in battle)’; −‘river’; −‘,’ (typography)"
//! );
//! ```

use std::fmt;
use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::align::unit::is_stop_word;
use crate::{Span, text};

/// What kind of difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Punctuation or typographic marks only: curly against straight
    /// marks, an Oxford comma, a final period.
    Typography,
    /// The same word spelled or abbreviated otherwise: `US` and `U.S.`, a
    /// one-letter slip, an acronym of the other side's words.
    Spelling,
    /// Other words in the same place.
    Substitution,
    /// Words only the member has, inside the shared core.
    Insertion,
    /// Words only the reference has, inside the shared core.
    Deletion,
    /// A bracketed aside only one side has: `(in battle)`.
    Bracketed,
    /// Reference words the member leaves out before or after the shared
    /// core: the member quotes less.
    Truncation,
    /// Member words before or after the shared core: the member quotes
    /// more.
    Extension,
}

/// Which end of the shared core a truncation or extension is at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Edge {
    /// Before the core.
    Start,
    /// After the core.
    End,
}

/// One difference of a member against its reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// What kind of difference.
    pub kind: Kind,
    /// For a truncation or extension, at which end; otherwise `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edge: Option<Edge>,
    /// The reference's text, as printed (empty when only the member has
    /// something).
    pub reference: String,
    /// The member's text, as printed (empty when only the reference has
    /// something).
    pub member: String,
}

impl Difference {
    /// Whether one side is the acronym of the other side's content words
    /// (`Northland Defence Front` and `NDF`): a [`Kind::Spelling`]
    /// difference that is a choice of name rather than a slip or a
    /// matter of style.
    pub fn is_acronym(&self) -> bool {
        let (r, m) = (tokens(&self.reference), tokens(&self.member));
        is_acronym(&r, &m, &self.reference, &self.member)
            || is_acronym(&m, &r, &self.member, &self.reference)
    }
}

/// A word or a punctuation mark of a text.
#[derive(Clone, Debug)]
struct Token {
    span: Span,
    key: String,
    word: bool,
}

/// The tokens of `s`: its words, and each mark between them.
fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    let marks = |out: &mut Vec<Token>, from: usize, to: usize| {
        for (i, c) in s[from..to].char_indices().filter(|&(_, c)| !text::is_space(c)) {
            let start = from + i;
            let key = match c {
                c if text::is_apostrophe(c) || c == '‘' => "'".to_string(),
                '“' | '”' | '„' | '«' | '»' => "\"".to_string(),
                c if text::is_dash(c) => "-".to_string(),
                c => c.to_string(),
            };
            out.push(Token { span: Span::new(start, start + c.len_utf8()), key, word: false });
        }
    };
    for w in text::words(s, Span::new(0, s.len())) {
        marks(&mut out, at, w.span.start);
        out.push(Token { span: w.span, key: text::fold(w.as_str(s)), word: true });
        at = w.span.end;
    }
    marks(&mut out, at, s.len());
    out
}

/// The text of `tokens` in `s`: runs of tokens with only white space
/// between them as printed, joined by a space where something (an aside
/// set apart) stood between.
fn slice(s: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut last: Option<Span> = None;
    for t in tokens {
        match last {
            Some(l) if s[l.end..t.span.start].chars().all(text::is_space) => {
                out.push_str(&s[l.end..t.span.end]);
            }
            Some(_) => {
                out.push(' ');
                out.push_str(&s[t.span.range()]);
            }
            None => out.push_str(&s[t.span.range()]),
        }
        last = Some(t.span);
    }
    out
}

/// Whether two tokens the diff found equal differ in print, and how.
fn print_difference(a: &str, b: &str) -> Option<Kind> {
    if a == b || a.to_lowercase() == b.to_lowercase() {
        return None;
    }
    let plain = |s: &str| text::fold(s).replace('\'', "");
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    if letters(a) > 0 && a.contains('.') != b.contains('.') && plain(a) == plain(b) {
        Some(Kind::Spelling)
    } else {
        Some(Kind::Typography)
    }
}

/// Whether two words (letters only) are one spelled two ways: one edit
/// apart, or two apart when both have eight letters or more and start
/// alike (`Abdelkader`, `Abdulqader`; not `reelection`, `election`).
fn is_slip(a: &str, b: &str) -> bool {
    let d = strsim::damerau_levenshtein(a, b);
    let long = a.chars().count() >= 8 && b.chars().count() >= 8;
    d <= 1 || d == 2 && long && a.chars().next() == b.chars().next()
}

/// Whether `short` is the acronym of the content words of `long`.
fn is_acronym(short: &[Token], long: &[Token], s: &str, l: &str) -> bool {
    let [one] = short else { return false };
    let word = &s[one.span.range()];
    let caps: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let initials: String = long
        .iter()
        .filter(|t| t.word && !is_stop_word(&t.key))
        .filter_map(|t| l[t.span.range()].chars().next())
        .collect();
    caps.chars().count() >= 2
        && caps.chars().all(char::is_uppercase)
        && caps.to_lowercase() == initials.to_lowercase()
}

/// Splits off the bracketed asides `( … )` or `[ … ]` of `tokens`.
fn brackets(tokens: &[Token]) -> (Vec<Range<usize>>, Vec<usize>) {
    let (mut asides, mut rest) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < tokens.len() {
        let close = match tokens[i].key.as_str() {
            "(" => ")",
            "[" => "]",
            _ => "",
        };
        let end =
            (!close.is_empty()).then(|| tokens[i..].iter().position(|t| t.key == close)).flatten();
        match end {
            Some(n) => {
                asides.push(i..i + n + 1);
                i += n + 1;
            }
            None => {
                rest.push(i);
                i += 1;
            }
        }
    }
    (asides, rest)
}

/// The differences of `member` against `reference` (see the [module
/// docs](self)).
pub fn diff(reference: &str, member: &str) -> Vec<Difference> {
    let (r, m) = (tokens(reference), tokens(member));
    let rk: Vec<&str> = r.iter().map(|t| t.key.as_str()).collect();
    let mk: Vec<&str> = m.iter().map(|t| t.key.as_str()).collect();
    let ops: Vec<_> = capture_diff_slices(Algorithm::Patience, &rk, &mk)
        .iter()
        .map(|op| op.as_tag_tuple())
        .collect();
    let core_op = |op: &(DiffTag, Range<usize>, Range<usize>)| {
        op.0 == DiffTag::Equal && r[op.1.clone()].iter().any(|t| t.word)
    };
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (ops.iter().position(core_op), ops.iter().rposition(core_op))
    else {
        let d = Difference {
            kind: Kind::Substitution,
            edge: None,
            reference: reference.trim().to_string(),
            member: member.trim().to_string(),
        };
        return if d.reference == d.member { out } else { vec![d] };
    };
    let (core_r, core_m) =
        (ops[first].1.start..ops[last].1.end, ops[first].2.start..ops[last].2.end);
    let cx = Cx { reference, member, r: &r, m: &m };
    cx.edge(&mut out, 0..core_r.start, 0..core_m.start, Edge::Start);
    let mut pending: Option<(Range<usize>, Range<usize>)> = None;
    for (tag, ro, mo) in &ops[first..=last] {
        if *tag == DiffTag::Equal {
            if let Some((pr, pm)) = pending.take() {
                cx.change(&mut out, pr, pm);
            }
            for (a, b) in r[ro.clone()].iter().zip(&m[mo.clone()]) {
                let (x, y) = (&reference[a.span.range()], &member[b.span.range()]);
                if let Some(kind) = print_difference(x, y) {
                    out.push(Difference {
                        kind,
                        edge: None,
                        reference: x.into(),
                        member: y.into(),
                    });
                }
            }
        } else {
            let (pr, pm) = pending.get_or_insert((ro.start..ro.start, mo.start..mo.start));
            (pr.end, pm.end) = (ro.end, mo.end);
        }
    }
    cx.edge(&mut out, core_r.end..r.len(), core_m.end..m.len(), Edge::End);
    out
}

/// The two texts and their tokens.
struct Cx<'a> {
    reference: &'a str,
    member: &'a str,
    r: &'a [Token],
    m: &'a [Token],
}

impl Cx<'_> {
    /// The differences before (`Edge::Start`) or after the shared core.
    fn edge(&self, out: &mut Vec<Difference>, ro: Range<usize>, mo: Range<usize>, edge: Edge) {
        let (mut r, mut m) = (&self.r[ro], &self.m[mo]);
        // The content words next to the core, on both sides: a substitution.
        fn next(t: &[Token], edge: Edge) -> Option<&Token> {
            if edge == Edge::Start { t.last() } else { t.first() }
        }
        let content = |t: Option<&Token>| t.is_some_and(|t| t.word && !is_stop_word(&t.key));
        let mut substitution = None;
        if content(next(r, edge)) && content(next(m, edge)) {
            let (a, b) = if edge == Edge::Start {
                let (a, b) = (r.len() - 1, m.len() - 1);
                let pair = (&r[a..], &m[b..]);
                (r, m) = (&r[..a], &m[..b]);
                pair
            } else {
                let pair = (&r[..1], &m[..1]);
                (r, m) = (&r[1..], &m[1..]);
                pair
            };
            substitution = Some((a, b));
        }
        let mut sides = Vec::new();
        for (tokens, kind) in [(r, Kind::Truncation), (m, Kind::Extension)] {
            if tokens.is_empty() {
                continue;
            }
            let (rr, mm): (&[Token], &[Token]) =
                if kind == Kind::Truncation { (tokens, &[]) } else { (&[], tokens) };
            if tokens.iter().any(|t| t.word) {
                sides.push((kind, Some(edge), rr, mm));
            } else {
                sides.push((Kind::Typography, None, rr, mm));
            }
        }
        // Punctuation on both sides is one typographic difference.
        if let [(Kind::Typography, _, r1, _), (Kind::Typography, _, _, m1)] = sides[..] {
            sides = vec![(Kind::Typography, None, r1, m1)];
        }
        let subst = |out: &mut Vec<Difference>| {
            if let Some((a, b)) = substitution {
                let kind = self.classify(a, b).unwrap_or(Kind::Substitution);
                self.push(out, kind, None, a, b);
            }
        };
        if edge == Edge::End {
            subst(out);
        }
        for (kind, edge, rr, mm) in sides {
            self.push(out, kind, edge, rr, mm);
        }
        if edge == Edge::Start {
            subst(out);
        }
    }

    /// The differences of one changed stretch inside the shared core, in
    /// text order.
    fn change(&self, out: &mut Vec<Difference>, ro: Range<usize>, mo: Range<usize>) {
        let (r, m) = (&self.r[ro], &self.m[mo]);
        let (r_asides, r_rest) = brackets(r);
        let (m_asides, m_rest) = brackets(m);
        let mut found: Vec<(usize, Difference)> = Vec::new();
        for a in r_asides {
            found.push((a.start, self.make(Kind::Bracketed, None, &r[a], &[])));
        }
        for a in m_asides {
            found.push((a.start, self.make(Kind::Bracketed, None, &[], &m[a])));
        }
        let r: Vec<Token> = r_rest.iter().map(|&i| r[i].clone()).collect();
        let m: Vec<Token> = m_rest.iter().map(|&i| m[i].clone()).collect();
        if let Some(kind) = self.classify(&r, &m) {
            let at = r_rest.first().or(m_rest.first()).copied().unwrap_or(0);
            found.push((at, self.make(kind, None, &r, &m)));
        }
        found.sort_by_key(|f| f.0);
        out.extend(found.into_iter().map(|f| f.1));
    }

    /// The kind of a changed stretch without asides, if anything changed.
    fn classify(&self, r: &[Token], m: &[Token]) -> Option<Kind> {
        let words = |t: &[Token]| t.iter().filter(|t| t.word).count();
        let letters = |s: &str, t: &[Token]| -> String {
            let folded = t.iter().filter(|t| t.word).map(|t| text::fold(&s[t.span.range()]));
            folded
                .flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<Vec<_>>())
                .collect()
        };
        Some(match (words(r), words(m)) {
            (0, 0) if r.is_empty() && m.is_empty() => return None,
            (0, 0) => Kind::Typography,
            (_, 0) => Kind::Deletion,
            (0, _) => Kind::Insertion,
            (x, y) => {
                let (a, b) = (letters(self.reference, r), letters(self.member, m));
                let slip = x == 1 && y == 1 && is_slip(&a, &b);
                let acronym = is_acronym(r, m, self.reference, self.member)
                    || is_acronym(m, r, self.member, self.reference);
                if a == b || slip || acronym { Kind::Spelling } else { Kind::Substitution }
            }
        })
    }

    fn make(&self, kind: Kind, edge: Option<Edge>, r: &[Token], m: &[Token]) -> Difference {
        Difference {
            kind,
            edge,
            reference: slice(self.reference, r),
            member: slice(self.member, m),
        }
    }

    fn push(
        &self,
        out: &mut Vec<Difference>,
        kind: Kind,
        edge: Option<Edge>,
        r: &[Token],
        m: &[Token],
    ) {
        out.push(self.make(kind, edge, r, m));
    }
}

/// Shortens a text of more than eight words to its first four and last
/// two words.
fn shorten(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 8 {
        return words.join(" ");
    }
    format!("{} … {}", words[..4].join(" "), words[words.len() - 2..].join(" "))
}

impl fmt::Display for Difference {
    /// The readable form of one difference (see the [module docs](self)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (r, m) = (shorten(&self.reference), shorten(&self.member));
        let change = |f: &mut fmt::Formatter<'_>| match (r.is_empty(), m.is_empty()) {
            (false, false) => write!(f, "{r} → {m}"),
            (false, true) => write!(f, "−‘{r}’"),
            _ => write!(f, "+‘{m}’"),
        };
        let at = |e: Option<Edge>| if e == Some(Edge::End) { "end" } else { "start" };
        match self.kind {
            Kind::Substitution | Kind::Insertion | Kind::Deletion | Kind::Bracketed => change(f),
            Kind::Spelling => {
                change(f)?;
                f.write_str(" (spelling)")
            }
            Kind::Typography => {
                change(f)?;
                f.write_str(" (typography)")
            }
            Kind::Truncation => write!(f, "cut at {}: ‘{r}’", at(self.edge)),
            Kind::Extension => write!(f, "adds at {}: ‘{m}’", at(self.edge)),
        }
    }
}

/// The readable form of a member's differences: each [shown
/// briefly](Difference#impl-Display-for-Difference), in order, separated
/// by `; `, a repeated one once with `×N`. Empty when there is none.
pub fn render(differences: &[Difference]) -> String {
    let mut shown: Vec<(String, usize)> = Vec::new();
    for d in differences {
        let s = d.to_string();
        match shown.iter_mut().find(|x| x.0 == s) {
            Some(x) => x.1 += 1,
            None => shown.push((s, 1)),
        }
    }
    let parts: Vec<String> =
        shown.into_iter().map(|(s, n)| if n > 1 { format!("{s} ×{n}") } else { s }).collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One phenomenon: reference, member, the readable form expected.
    macro_rules! t {
        ($name:ident, $reference:expr, $member:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(render(&diff($reference, $member)), $want);
            }
        };
    }

    t!(identical, "We will rebuild the bridge.", "We will rebuild the bridge.", "");
    t!(case_is_not_a_difference, "Lull on one river", "lull on one river", "");
    t!(
        curly_apostrophe,
        "the council’s plan",
        "the council's plan",
        "council’s → council's (typography)"
    );
    t!(oxford_comma, "a ruse, a trap, and a lie", "a ruse, a trap and a lie", "−‘,’ (typography)");
    t!(final_period, "the bridge will hold", "the bridge will hold.", "+‘.’ (typography)");
    t!(
        period_inside_or_outside,
        "the bridge will hold.",
        "the bridge will hold,",
        ". → , (typography)"
    );
    t!(
        abbreviation,
        "the US envoy left the US",
        "the U.S. envoy left the U.S.",
        "US → U.S. (spelling) ×2"
    );
    t!(
        one_letter_slip,
        "Dunmore fighters withdrew",
        "Dunmoore fighters withdrew",
        "Dunmore → Dunmoore (spelling)"
    );
    t!(
        acronym,
        "the Northland Defence Front will hold the pass",
        "the NDF will hold the pass",
        "Northland Defence Front → NDF (spelling)"
    );
    t!(
        substitution,
        "a temporary truce for now",
        "a provisional truce for now",
        "temporary → provisional"
    );
    t!(insertion, "the lull is a truce", "the lull is only a truce", "+‘only’");
    t!(deletion, "the lull is only a truce", "the lull is a truce", "−‘only’");
    t!(
        truncation_at_both_ends,
        "The lull is a provisional truce for regrouping,",
        "provisional truce",
        "cut at start: ‘The lull is a’; cut at end: ‘for regrouping,’"
    );
    t!(
        fragment_with_a_word_replaced,
        "The lull is a provisional truce for regrouping,",
        "temporary truce",
        "cut at start: ‘The lull is a’; provisional → temporary; cut at end: ‘for regrouping,’"
    );
    t!(
        extension_at_both_ends,
        "the hush before the gale",
        "It is only the hush before the gale that we fear",
        "adds at start: ‘It is only’; adds at end: ‘that we fear’"
    );
    t!(
        bracketed_in_reference,
        "flare (in battle) on another river",
        "flare on another river",
        "−‘(in battle)’"
    );
    t!(
        bracketed_in_member,
        "flare on another river",
        "flare [in battle] on another river",
        "+‘[in battle]’"
    );
    t!(
        bracketed_beside_a_substitution,
        "and flare (in battle) on another river",
        "and blaze on another river",
        "flare → blaze; −‘(in battle)’"
    );
    t!(
        long_texts_are_shortened,
        "we will plant barley in every field of the valley and the hills, he said",
        "we will plant",
        "cut at end: ‘barley in every field … he said’"
    );
    t!(nothing_in_common, "rain", "snow", "rain → snow");

    #[test]
    fn structured_form() {
        let got = diff("The lull is a provisional truce,", "temporary truce");
        let want = [
            (Kind::Truncation, Some(Edge::Start), "The lull is a", ""),
            (Kind::Substitution, None, "provisional", "temporary"),
            (Kind::Typography, None, ",", ""),
        ];
        let got: Vec<_> =
            got.iter().map(|d| (d.kind, d.edge, d.reference.as_str(), d.member.as_str())).collect();
        assert_eq!(got, want);
        let acronym = diff("the Northland Defence Front will hold", "the NDF will hold");
        assert!(acronym[0].is_acronym());
        assert!(!diff("the US plan", "the U.S. plan")[0].is_acronym());
        assert!(!diff("a temporary truce", "a provisional truce")[0].is_acronym());
        let json = serde_json::to_string(&diff("a US plan", "a U.S. plan")).unwrap();
        assert_eq!(json, r#"[{"kind":"spelling","reference":"US","member":"U.S."}]"#);
    }
}
