//! A [framing report](crate::framing::FramingReport): a readable summary,
//! CSV (one section per file) or JSON Lines (every section).
//!
//! # Sections
//!
//! [`Section`] names the parts of a report; each row of each format
//! belongs to one.
//!
//! # Formats
//!
//! * **Table** ([`write_table`]): one block per section, for reading.
//!   Lexicon terms are grouped by referent (narrator voice) and by speaker
//!   (quoted voice), with each outlet's terms on one line as `term count
//!   (per 1,000 narrator words)`; an outlet with several articles is
//!   summed over them. Its layout may change between versions.
//! * **CSV** ([`write_csv`]): the rows of one section, flat, with the
//!   fields of the section's JSON objects below (without `section`) as
//!   columns in that order; `speaker` is empty for the narrator voice, the
//!   `boilerplate` column of `articles` reads `kind:bytes` pairs joined
//!   with `; `. Text cells are neutralised against formula injection as in
//!   [`super::csv`]. No row, no header.
//! * **JSON Lines** ([`write_jsonl`]): one object per line, every object
//!   with a `section` field first, sections in the order of [`Section`]:
//!
//!   ```json
//!   {"section":"articles","source":"a1","outlet":"Daily","bytes":3000,"boilerplate_bytes":150,"boilerplate_share":0.05,"boilerplate":{"comments":90,"share":60},"narrator_words":400,"quoted_words":80}
//!   {"section":"terms","source":"a1","outlet":"Daily","term":"militia","referent":"armed groups","category":"armed-groups","voice":"narrator","speaker":null,"count":2,"per_1k":5.0}
//!   {"section":"labels","speaker":"Omar Fulani","source":"a1","outlet":"Daily","kind":"cue","label":"stressed","count":1}
//!   {"section":"discovered","outlet":"Daily","phrase":"armed factions","words":2,"count":3,"others":0,"log_odds":1.021,"z":1.445}
//!   {"section":"substitutions","outlet":"Daily","words":"temporary","other_outlet":"Weekly","other_words":"provisional","count":2}
//!   ```
//!
//!   The fields are documented on [`ArticleSummary`], [`TermCount`],
//!   [`SpeakerLabel`], [`Distinctive`] and [`Substitution`];
//!   [`crate::framing`] says how each is computed.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use crate::framing::{
    ArticleSummary, Distinctive, FramingReport, LabelKind, SpeakerLabel, Substitution, TermCount,
    Voice,
};

use super::csv::{neutralise, write_rows};
use super::table::{Cell, Table, write_wrapped};

/// A section of a framing report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Per article: size, boilerplate left out, narrator and quoted words.
    Articles,
    /// Lexicon terms per article, voice and speaker.
    Terms,
    /// Descriptions and cues per speaker and article.
    Labels,
    /// Distinctive phrases per outlet.
    Discovered,
    /// Substitutions per outlet pair.
    Substitutions,
}

impl Section {
    /// Every section, in report order.
    pub const ALL: [Section; 5] = [
        Section::Articles,
        Section::Terms,
        Section::Labels,
        Section::Discovered,
        Section::Substitutions,
    ];

    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Articles => "articles",
            Section::Terms => "terms",
            Section::Labels => "labels",
            Section::Discovered => "discovered",
            Section::Substitutions => "substitutions",
        }
    }
}

/// One JSON Lines object: a row tagged with its section.
#[derive(Serialize)]
#[serde(tag = "section", rename_all = "snake_case")]
enum Line<'a> {
    Articles(&'a ArticleSummary),
    Terms(&'a TermCount),
    Labels(&'a SpeakerLabel),
    Discovered(&'a Distinctive),
    Substitutions(&'a Substitution),
}

/// The report's rows of `sections` (in report order), as JSON Lines
/// objects.
fn lines<'a>(report: &'a FramingReport, sections: &[Section]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for section in Section::ALL.into_iter().filter(|s| sections.contains(s)) {
        match section {
            Section::Articles => out.extend(report.articles.iter().map(Line::Articles)),
            Section::Terms => out.extend(report.terms.iter().map(Line::Terms)),
            Section::Labels => out.extend(report.labels.iter().map(Line::Labels)),
            Section::Discovered => out.extend(report.discovered.iter().map(Line::Discovered)),
            Section::Substitutions => {
                out.extend(report.substitutions.iter().map(Line::Substitutions));
            }
        }
    }
    out
}

/// Writes the rows of `sections` as JSON Lines, as the [module
/// docs](self#formats) describe.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_jsonl(
    report: &FramingReport,
    sections: &[Section],
    out: impl io::Write,
) -> io::Result<()> {
    super::json::write_jsonl(lines(report, sections), out)
}

/// Writes the rows of one section as CSV, as the [module
/// docs](self#formats) describe.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_csv(report: &FramingReport, section: Section, out: impl io::Write) -> io::Result<()> {
    match section {
        Section::Articles => write_rows(
            report.articles.iter().map(|a| ArticleRow {
                source: neutralise(&a.source).into_owned(),
                outlet: neutralise(&a.outlet).into_owned(),
                bytes: a.bytes,
                boilerplate_bytes: a.boilerplate_bytes,
                boilerplate_share: a.boilerplate_share,
                boilerplate: a
                    .boilerplate
                    .iter()
                    .map(|(k, v)| format!("{k}:{v}"))
                    .collect::<Vec<_>>()
                    .join("; "),
                narrator_words: a.narrator_words,
                quoted_words: a.quoted_words,
            }),
            out,
        ),
        Section::Terms => write_rows(
            report.terms.iter().map(|t| TermCount {
                source: neutralise(&t.source).into_owned(),
                outlet: neutralise(&t.outlet).into_owned(),
                term: neutralise(&t.term).into_owned(),
                referent: neutralise(&t.referent).into_owned(),
                category: neutralise(&t.category).into_owned(),
                speaker: t.speaker.as_deref().map(|s| neutralise(s).into_owned()),
                ..t.clone()
            }),
            out,
        ),
        Section::Labels => write_rows(
            report.labels.iter().map(|l| SpeakerLabel {
                speaker: neutralise(&l.speaker).into_owned(),
                source: neutralise(&l.source).into_owned(),
                outlet: neutralise(&l.outlet).into_owned(),
                label: neutralise(&l.label).into_owned(),
                ..l.clone()
            }),
            out,
        ),
        Section::Discovered => write_rows(
            report.discovered.iter().map(|d| Distinctive {
                outlet: neutralise(&d.outlet).into_owned(),
                phrase: neutralise(&d.phrase).into_owned(),
                ..d.clone()
            }),
            out,
        ),
        Section::Substitutions => write_rows(
            report.substitutions.iter().map(|s| Substitution {
                outlet: neutralise(&s.outlet).into_owned(),
                words: neutralise(&s.words).into_owned(),
                other_outlet: neutralise(&s.other_outlet).into_owned(),
                other_words: neutralise(&s.other_words).into_owned(),
                count: s.count,
            }),
            out,
        ),
    }
}

/// A CSV row of the `articles` section: the boilerplate map as text.
#[derive(Serialize)]
struct ArticleRow {
    source: String,
    outlet: String,
    bytes: usize,
    boilerplate_bytes: usize,
    boilerplate_share: f64,
    boilerplate: String,
    narrator_words: usize,
    quoted_words: usize,
}

/// Writes the blocks of `sections` for reading, fitting `width`
/// characters.
///
/// ```text
/// NARRATOR VOICE: LEXICON TERMS BY REFERENT · count (per 1,000 narrator words)
///
/// armed groups
///   Daily    militia 2 (6.3), armed groups 1 (3.1)
///   Weekly   resistance groups 3 (9.9)
/// ```
///
/// # Errors
///
/// Any error of the writer.
pub fn write_table(
    report: &FramingReport,
    sections: &[Section],
    width: usize,
    mut out: impl io::Write,
) -> io::Result<()> {
    let mut first = true;
    let mut title = |out: &mut dyn io::Write, title: &str| -> io::Result<()> {
        if !std::mem::take(&mut first) {
            writeln!(out)?;
        }
        writeln!(out, "{title}")?;
        writeln!(out)
    };
    for section in Section::ALL.into_iter().filter(|s| sections.contains(s)) {
        match section {
            Section::Articles => {
                title(&mut out, "BOILERPLATE LEFT OUT · per article")?;
                articles_table(report, width, &mut out)?;
            }
            Section::Terms => {
                title(
                    &mut out,
                    "NARRATOR VOICE: LEXICON TERMS BY REFERENT · count (per 1,000 narrator words)",
                )?;
                terms_block(report, Voice::Narrator, width, &mut out)?;
                title(
                    &mut out,
                    "QUOTED VOICE: LEXICON TERMS BY SPEAKER · count (per 1,000 narrator words)",
                )?;
                terms_block(report, Voice::Quoted, width, &mut out)?;
            }
            Section::Labels => {
                title(&mut out, "SPEAKER LABELS · descriptions and cues, times used")?;
                labels_block(&report.labels, width, &mut out)?;
            }
            Section::Discovered => {
                title(
                    &mut out,
                    "DISTINCTIVE NARRATOR PHRASES · weighted log-odds against the other outlets",
                )?;
                discovered_table(&report.discovered, width, &mut out)?;
            }
            Section::Substitutions => {
                title(&mut out, "SUBSTITUTIONS · per outlet pair")?;
                substitutions_table(&report.substitutions, width, &mut out)?;
            }
        }
    }
    Ok(())
}

/// Two lines per article: its id and outlet, then `left out of bytes
/// (share): kind bytes, …`.
fn articles_table(
    report: &FramingReport,
    width: usize,
    out: &mut impl io::Write,
) -> io::Result<()> {
    for a in &report.articles {
        writeln!(out, "  {}", super::table::heading(&a.source, &a.outlet))?;
        let what: Vec<String> = a.boilerplate.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let share = a.boilerplate_share * 100.0;
        let summary = format!("{} of {} bytes ({share:.1}%)", a.boilerplate_bytes, a.bytes);
        let summary =
            if what.is_empty() { summary } else { format!("{summary}: {}", what.join(", ")) };
        write_wrapped(out, "    ", &summary, width)?;
    }
    Ok(())
}

/// An outlet and its terms with their counts.
type OutletTerms<'a> = (&'a str, Vec<(&'a str, usize)>);

/// Narrator terms by referent, or quoted terms by speaker: one line per
/// outlet, summed over its articles.
fn terms_block(
    report: &FramingReport,
    voice: Voice,
    width: usize,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let mut words: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &report.articles {
        *words.entry(&a.outlet).or_default() += a.narrator_words;
    }
    // Group (referent or speaker) → outlet → term → count, in order of
    // first appearance.
    let mut groups: Vec<(String, Vec<OutletTerms>)> = Vec::new();
    for t in report.terms.iter().filter(|t| t.voice == voice) {
        let group = match voice {
            Voice::Narrator => t.referent.clone(),
            Voice::Quoted => t.speaker.clone().unwrap_or_else(|| "(unattributed)".to_string()),
        };
        let g = match groups.iter().position(|(name, _)| *name == group) {
            Some(g) => g,
            None => {
                groups.push((group, Vec::new()));
                groups.len() - 1
            }
        };
        let outlets = &mut groups[g].1;
        let o = match outlets.iter().position(|(o, _)| *o == t.outlet) {
            Some(o) => o,
            None => {
                outlets.push((&t.outlet, Vec::new()));
                outlets.len() - 1
            }
        };
        let terms = &mut outlets[o].1;
        match terms.iter_mut().find(|(term, _)| *term == t.term) {
            Some((_, n)) => *n += t.count,
            None => terms.push((&t.term, t.count)),
        }
    }
    if groups.is_empty() {
        return writeln!(out, "  (none)");
    }
    // Most used first.
    let total = |outlets: &[OutletTerms]| -> usize {
        outlets.iter().flat_map(|(_, terms)| terms.iter().map(|(_, n)| n)).sum()
    };
    groups.sort_by(|a, b| {
        total(&b.1).cmp(&total(&a.1)).then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    let pad = groups
        .iter()
        .flat_map(|(_, outlets)| outlets.iter().map(|(o, _)| o.chars().count()))
        .max()
        .unwrap_or(0);
    for (i, (group, outlets)) in groups.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{group}")?;
        for (outlet, terms) in outlets {
            let mut terms = terms.clone();
            terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let n = words.get(outlet).copied().unwrap_or(0);
            let items: Vec<String> = terms
                .iter()
                .map(|(term, count)| {
                    if n == 0 {
                        format!("{term} {count}")
                    } else {
                        format!("{term} {count} ({:.1})", *count as f64 * 1000.0 / n as f64)
                    }
                })
                .collect();
            write_wrapped(out, &format!("  {outlet:<pad$}  "), &items.join(", "), width)?;
        }
    }
    Ok(())
}

fn labels_block(labels: &[SpeakerLabel], width: usize, out: &mut impl io::Write) -> io::Result<()> {
    if labels.is_empty() {
        return writeln!(out, "  (none)");
    }
    let pad = labels.iter().map(|l| l.outlet.chars().count()).max().unwrap_or(0);
    let mut speaker: Option<&str> = None;
    let mut start = 0;
    while start < labels.len() {
        let l = &labels[start];
        let len = labels[start..]
            .iter()
            .take_while(|x| x.speaker == l.speaker && x.source == l.source)
            .count();
        if speaker != Some(&l.speaker) {
            if speaker.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", l.speaker)?;
            speaker = Some(&l.speaker);
        }
        let mut outlet = l.outlet.as_str();
        for kind in [LabelKind::Description, LabelKind::Cue] {
            let items: Vec<String> = labels[start..start + len]
                .iter()
                .filter(|x| x.kind == kind)
                .map(|x| {
                    if x.count > 1 { format!("{} ({})", x.label, x.count) } else { x.label.clone() }
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let name = match kind {
                LabelKind::Description => "described as",
                LabelKind::Cue => "cues",
            };
            let lead = format!("  {outlet:<pad$}  {name:<12}  ");
            let separator = if kind == LabelKind::Description { "; " } else { ", " };
            write_wrapped(out, &lead, &items.join(separator), width)?;
            outlet = "";
        }
        start += len;
    }
    Ok(())
}

fn discovered_table(
    discovered: &[Distinctive],
    width: usize,
    out: &mut impl io::Write,
) -> io::Result<()> {
    if discovered.is_empty() {
        return writeln!(out, "  (none: it takes two outlets)");
    }
    let mut table = Table::new(&[
        ("outlet", 24),
        ("count", usize::MAX),
        ("others", usize::MAX),
        ("log-odds", usize::MAX),
        ("z", usize::MAX),
        ("phrase", usize::MAX),
    ]);
    for d in discovered {
        table.row(vec![
            Cell::new(&d.outlet),
            Cell::new(&d.count.to_string()),
            Cell::new(&d.others.to_string()),
            Cell::new(&format!("{:.2}", d.log_odds)),
            Cell::new(&format!("{:.2}", d.z)),
            Cell::new(&d.phrase),
        ]);
    }
    table.write(2, width, out)
}

fn substitutions_table(
    substitutions: &[Substitution],
    width: usize,
    out: &mut impl io::Write,
) -> io::Result<()> {
    if substitutions.is_empty() {
        return writeln!(
            out,
            "  (none: no outlet has other words than another in the quotes aligned across outlets)"
        );
    }
    let mut table = Table::new(&[
        ("outlet", 24),
        ("other outlet", 24),
        ("count", usize::MAX),
        ("words", usize::MAX),
    ]);
    for s in substitutions {
        table.row(vec![
            Cell::new(&s.outlet),
            Cell::new(&s.other_outlet),
            Cell::new(&s.count.to_string()),
            Cell::new(&format!("{} → {}", s.words, s.other_words)),
        ]);
    }
    table.write(2, width, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> FramingReport {
        FramingReport {
            articles: vec![ArticleSummary {
                source: "a1".into(),
                outlet: "Daily".into(),
                bytes: 1000,
                boilerplate_bytes: 50,
                boilerplate_share: 0.05,
                boilerplate: [("share".to_string(), 50)].into(),
                narrator_words: 200,
                quoted_words: 40,
            }],
            terms: vec![
                TermCount {
                    source: "a1".into(),
                    outlet: "Daily".into(),
                    term: "militia".into(),
                    referent: "armed groups".into(),
                    category: "armed-groups".into(),
                    voice: Voice::Narrator,
                    speaker: None,
                    count: 2,
                    per_1k: 10.0,
                },
                TermCount {
                    source: "a1".into(),
                    outlet: "Daily".into(),
                    term: "occupier".into(),
                    referent: "foreign forces".into(),
                    category: "forces".into(),
                    voice: Voice::Quoted,
                    speaker: Some("=Omar Fulani".into()),
                    count: 1,
                    per_1k: 5.0,
                },
            ],
            labels: vec![SpeakerLabel {
                speaker: "Omar Fulani".into(),
                source: "a1".into(),
                outlet: "Daily".into(),
                kind: LabelKind::Cue,
                label: "stressed".into(),
                count: 2,
            }],
            discovered: Vec::new(),
            substitutions: Vec::new(),
        }
    }

    #[test]
    fn json_lines_carry_their_section() {
        let mut out = Vec::new();
        write_jsonl(&report(), &[Section::Terms, Section::Labels], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                r#"{"section":"terms","source":"a1","outlet":"Daily","term":"militia","referent":"armed groups","category":"armed-groups","voice":"narrator","speaker":null,"count":2,"per_1k":10.0}"#,
                r#"{"section":"terms","source":"a1","outlet":"Daily","term":"occupier","referent":"foreign forces","category":"forces","voice":"quoted","speaker":"=Omar Fulani","count":1,"per_1k":5.0}"#,
                r#"{"section":"labels","speaker":"Omar Fulani","source":"a1","outlet":"Daily","kind":"cue","label":"stressed","count":2}"#,
            ]
        );
    }

    #[test]
    fn csv_one_section_neutralised() {
        let mut out = Vec::new();
        write_csv(&report(), Section::Terms, &mut out).unwrap();
        let want = "source,outlet,term,referent,category,voice,speaker,count,per_1k\n\
            a1,Daily,militia,armed groups,armed-groups,narrator,,2,10.0\n\
            a1,Daily,occupier,foreign forces,forces,quoted,'=Omar Fulani,1,5.0\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
        let mut out = Vec::new();
        write_csv(&report(), Section::Articles, &mut out).unwrap();
        let want = "source,outlet,bytes,boilerplate_bytes,boilerplate_share,boilerplate,narrator_words,quoted_words\n\
            a1,Daily,1000,50,0.05,share:50,200,40\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn table_groups_terms() {
        let mut out = Vec::new();
        write_table(&report(), &[Section::Terms, Section::Substitutions], 80, &mut out).unwrap();
        let want = "\
NARRATOR VOICE: LEXICON TERMS BY REFERENT · count (per 1,000 narrator words)

armed groups
  Daily  militia 2 (10.0)

QUOTED VOICE: LEXICON TERMS BY SPEAKER · count (per 1,000 narrator words)

=Omar Fulani
  Daily  occupier 1 (5.0)

SUBSTITUTIONS · per outlet pair

  (none: no outlet has other words than another in the quotes aligned across outlets)
";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
