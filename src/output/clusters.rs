//! Clusters as readable text: the terminal view of `quotelens compare`,
//! and the blocks `quotelens who` and `quotelens said` group their
//! answers in.
//!
//! # Layout
//!
//! [`write_table`] starts with a count of the statements, then writes one
//! block per cluster ([`write_cluster`]), blank lines between: a heading
//! with the cluster id, the speaker (`(no speaker)` when nobody is named)
//! and how many outlets carry the statement, the reference wording, then
//! one entry per member, one under another in the cluster's order (by
//! outlet, article, offset):
//!
//! ```text
//! [1] Omar Fulani · 2 outlets
//!   reference  The lull is a provisional truce for regrouping,
//!
//!   Daily Planet · a1 · quote · the reference
//!     cue      Fulani said
//!   Northland Radio · b1 · quote · similarity 0.75
//!     cue      The leader of the militia said
//!     wording  temporary truce
//!     differs  cut at start: ‘The lull is a’; provisional → temporary; cut at end: ‘for
//!              regrouping,’
//!     conflict no speaker named in Northland Radio
//! ```
//!
//! An entry's first line names the outlet and article (just the article
//! when the outlet is unknown), `quote` or `paraphrase`, and `the
//! reference` or the similarity to it (0 to 1; see
//! [`crate::compare`]). Then, each only when there is something to show:
//! `cue`, the attribution the outlet used; `wording`, the member's words
//! (the reference's are the heading's); `differs`, its differences
//! against the reference in [short form](crate::wording::render), or
//! `none` for the same words; `conflict`, what conflicts about its
//! attribution ([`super::compare::conflict_note`]). Long lines wrap at
//! the width with a hanging indent. No colour is used.
//!
//! The layout is for reading and may change between versions; scripts
//! should read CSV or JSON Lines ([`super::compare`]).

use std::io;

use crate::compare::{Cluster, Comparison, ConflictIndex, Member};
use crate::wording;

use super::compare::conflict_note;
use super::table::write_wrapped;

/// Writes the count of statements, then every cluster of `comparison` as
/// the [module docs](self) describe, fitting `width` characters.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    comparison: &Comparison,
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    let shared = comparison.clusters.iter().filter(|c| c.outlets > 1).count();
    let conflicts = comparison.conflicts.len();
    writeln!(
        out,
        "{}, {} carried by more than one outlet; {}",
        count(comparison.clusters.len(), "statement", "statements"),
        if shared == 0 { "none".to_string() } else { shared.to_string() },
        count(conflicts, "attribution conflict", "attribution conflicts"),
    )?;
    let conflicts = comparison.conflict_index();
    for cluster in &comparison.clusters {
        writeln!(out)?;
        write_cluster(&conflicts, cluster, |_| None, width, &mut out)?;
    }
    Ok(())
}

/// Writes one cluster's block (see the [module docs](self)), fitting
/// `width` characters. `note` may add a few words to a member's first
/// line (`who` adds how well the query matched it). `conflicts` are those
/// of the comparison `cluster` comes from
/// ([`Comparison::conflict_index`]), for the attribution conflicts.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_cluster(
    conflicts: &ConflictIndex,
    cluster: &Cluster,
    note: impl Fn(&Member) -> Option<String>,
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    let speaker = cluster.speaker.unwrap_or("(no speaker)");
    let outlets = count(cluster.outlets, "outlet", "outlets");
    writeln!(out, "[{}] {speaker} · {outlets}", cluster.id)?;
    write_wrapped(&mut out, "  reference  ", cluster.reference, width)?;
    writeln!(out)?;
    for m in &cluster.members {
        let mut first = vec![where_from(m), m.relation.as_str().to_string()];
        first.push(if m.is_reference {
            "the reference".to_string()
        } else {
            format!("similarity {:.2}", m.similarity)
        });
        first.extend(note(m));
        write_wrapped(&mut out, "  ", &first.join(" · "), width)?;
        let mut field = |label: &str, value: &str| {
            write_wrapped(&mut out, &format!("    {label:<8} "), value, width)
        };
        if let Some(cue) = &m.cue {
            field("cue", cue)?;
        }
        if !m.is_reference {
            field("wording", m.text)?;
            let differences = wording::render(&m.differences);
            field("differs", if differences.is_empty() { "none" } else { &differences })?;
        }
        if m.conflict {
            field("conflict", &conflict_note(conflicts, cluster, m))?;
        }
    }
    Ok(())
}

/// `outlet · article`, or the article alone when the outlet is unknown.
fn where_from(m: &Member) -> String {
    if m.outlet == m.source {
        m.source.to_string()
    } else {
        format!("{} · {}", m.outlet, m.source)
    }
}

/// `1 outlet`, `2 outlets`; `no …` for none.
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;
    use crate::compare::{CompareOptions, compare};
    use crate::extract::Extractor;

    fn comparison() -> Comparison<'static> {
        let mut a = Article::new(
            "a1",
            "“The lull is a provisional truce for regrouping,” Omar Fulani said.",
        );
        a.outlet = "Daily Planet".into();
        let mut b = Article::new(
            "b1",
            "Omar Fulani, the leader of the militia, said the lull was a “temporary truce”. \
             “The lull is a provisional truce for regrouping,” the statement read.",
        );
        b.outlet = "Northland Radio".into();
        // A test's comparison outlives this function: leak its extraction.
        let extraction = Box::leak(Box::new(Extractor::new().extract([a, b])));
        compare(extraction, &CompareOptions::default())
    }

    #[test]
    fn one_block_per_cluster() {
        let mut out = Vec::new();
        write_table(&comparison(), 80, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        let want = "\
1 statement, 1 carried by more than one outlet; no attribution conflicts

[1] Omar Fulani · 2 outlets
  reference  The lull is a provisional truce for regrouping,

  Daily Planet · a1 · quote · the reference
    cue      Omar Fulani said
  Northland Radio · b1 · quote · similarity 0.70
    cue      Omar Fulani said
    wording  temporary truce
    differs  cut at start: ‘The lull is a’; provisional → temporary; cut at end:
             ‘for regrouping,’
  Northland Radio · b1 · quote · similarity 1.00
    cue      the statement read
    wording  The lull is a provisional truce for regrouping,
    differs  none
";
        assert_eq!(got, want);
        assert!(got.lines().all(|l| l.chars().count() <= 80));
    }

    #[test]
    fn a_note_on_a_members_first_line() {
        let c = comparison();
        let mut out = Vec::new();
        let note = |m: &Member| (m.source == "a1").then(|| "match 0.90".to_string());
        write_cluster(&c.conflict_index(), &c.clusters[0], note, 100, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        assert!(
            got.contains("  Daily Planet · a1 · quote · the reference · match 0.90\n"),
            "{got}"
        );
    }
}
