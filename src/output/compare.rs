//! A [`Comparison`]: how each outlet worded each statement, as CSV for
//! editors or JSON Lines. The readable terminal view is in
//! [`super::clusters`].
//!
//! # CSV
//!
//! [`write_csv`] writes a header line, then one row per member of each
//! cluster (every quote occurrence and paraphrase of the statement), rows
//! ordered by cluster id, then outlet, article and offset. The columns,
//! in this order:
//!
//! | column | content |
//! |---|---|
//! | `cluster` | the cluster id (1, 2, …, in order of first appearance) |
//! | `speaker` | the statement's speaker (the cluster's), empty when nobody is named; whether this outlet named them is in `cue` and `conflict` |
//! | `outlet` | outlet name, or the article id when unknown |
//! | `source` | article id |
//! | `relation` | `quote` or `paraphrase` (the narrator's report of the statement) |
//! | `is_reference` | `true` for the row whose wording is the reference, else `false` |
//! | `text` | the wording as printed in this article (quote marks left out) |
//! | `reference` | the cluster's reference wording, which every row is compared with |
//! | `similarity` | 0 to 1 (3 decimals): the rarity-weighted share of the shorter text's content words found in the other in the same order; 1 for the reference |
//! | `differences` | the wording differences against the reference in short form, separated by `; ` ([`wording::render`]): `provisional → temporary; +‘(in battle)’; cut at end: ‘for regrouping,’`; empty for the reference or the same words |
//! | `cue` | the attribution this outlet used: mention and cue verb (`he added`, `the statement said`, `Fulani said`, `According to the PM`), the cue verb of a paraphrase; empty when there is none |
//! | `conflict` | `true` when the attribution conflicts: this outlet names no speaker where others do (or the other way round), or the same words are given to another speaker elsewhere |
//! | `conflict_note` | for a conflicting row, what conflicts, separated by `; `: `no speaker named here`, `no speaker named in Daily Planet`, `also given to Jane Doe (cluster 7)` |
//! | `framing` | the lexicon terms this article uses in its own (narrator) voice for what the statement names, as `referent: term count, term count; referent: …` (see [`ClusterTerms`] for exactly which); empty when there are none |
//! | `start`, `end` | half-open byte offsets of `text` into the article, as in `quotelens quotes` |
//!
//! ```text
//! cluster,speaker,outlet,source,relation,is_reference,text,reference,similarity,differences,cue,conflict,conflict_note,framing,start,end
//! 1,Omar Fulani,Daily Planet,a1,quote,true,"The lull is a provisional truce for regrouping,","The lull is a provisional truce for regrouping,",1.0,,Fulani said,false,,,3,50
//! 1,Omar Fulani,Northland Radio,b1,quote,false,temporary truce,"The lull is a provisional truce for regrouping,",0.75,"cut at start: ‘The lull is a’; provisional → temporary; cut at end: ‘for regrouping,’",The leader of the militia said,false,,"armed groups: militia 2, armed groups 1",88,103
//! ```
//!
//! The file is UTF-8, RFC 4180 quoted, with a header even when no cluster
//! passes the filters. Text cells that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! get a `'` in front, as in [`super::csv`]; a `differences` cell that
//! starts with an insertion (`+‘only’`) is one of them. [`write_csv_as`]
//! with [`Cells::Raw`] (the command line's `--raw`) writes every cell as
//! it is, for programs.
//!
//! # JSON Lines
//!
//! [`write_jsonl`] writes one object per cluster, in cluster order:
//!
//! ```json
//! {"cluster":1,"speaker":"Omar Fulani","reference":"The lull is a provisional truce for regrouping,","outlets":2,"members":[{"source":"a1","outlet":"Daily Planet","start":3,"end":50,"text":"The lull is a provisional truce for regrouping,","relation":"quote","speaker":"Omar Fulani","cue":"Fulani said","similarity":1.0,"is_reference":true,"differences":[],"conflict":false,"framing":[]},{"source":"b1",...,"differences":[{"kind":"truncation","edge":"start","reference":"The lull is a","member":""},{"kind":"substitution","reference":"provisional","member":"temporary"},...],"conflict":false,"framing":[{"referent":"armed groups","term":"militia","count":2}]}],"conflicts":[]}
//! ```
//!
//! `cluster`, `speaker`, `reference` and `outlets` are the cluster's (see
//! [`crate::compare`]); each member has the fields of a
//! [`Member`] (offsets as in `quotelens quotes`,
//! `relation` `quote` or `paraphrase`, `similarity`, `differences` as
//! `{"kind", "edge"?, "reference", "member"}`), plus `framing`: the terms
//! the CSV's `framing` column shows, as `{"referent", "term", "count"}`.
//! `conflicts` lists the [`Conflict`]s that
//! involve the cluster (`{"clusters", "speakers", "similarity"}`).

use std::io;

use serde::Serialize;

use crate::compare::{Cluster, Comparison, Conflict, ConflictIndex, Member};
use crate::framing::TermCount;
use crate::framing::cluster_terms::ClusterTerms;
use crate::wording;

use super::csv::{Cells, into_io};

/// The CSV columns, in order; see the [module docs](self#csv).
pub const CSV_COLUMNS: [&str; 16] = [
    "cluster",
    "speaker",
    "outlet",
    "source",
    "relation",
    "is_reference",
    "text",
    "reference",
    "similarity",
    "differences",
    "cue",
    "conflict",
    "conflict_note",
    "framing",
    "start",
    "end",
];

/// One CSV row: a member of a cluster, flattened.
#[derive(Serialize)]
struct Row {
    cluster: usize,
    speaker: String,
    outlet: String,
    source: String,
    relation: &'static str,
    is_reference: bool,
    text: String,
    reference: String,
    similarity: f64,
    differences: String,
    cue: String,
    conflict: bool,
    conflict_note: String,
    framing: String,
    start: usize,
    end: usize,
}

/// Writes the comparison as CSV, one row per member, as the [module
/// docs](self#csv) describe; `framing` gives each row's terms (pass
/// `&ClusterTerms::default()` for none).
///
/// # Errors
///
/// Any error of the writer.
pub fn write_csv(
    comparison: &Comparison,
    framing: &ClusterTerms,
    out: impl io::Write,
) -> io::Result<()> {
    write_csv_as(comparison, framing, Cells::Neutralised, out)
}

/// Like [`write_csv`], with text cells written as `cells` says
/// ([`Cells::Raw`]: not neutralised, for programs; the command line's
/// `--raw`).
///
/// # Errors
///
/// Any error of the writer.
pub fn write_csv_as(
    comparison: &Comparison,
    framing: &ClusterTerms,
    cells: Cells,
    out: impl io::Write,
) -> io::Result<()> {
    let neutralise = |cell: &str| cells.write(cell).into_owned();
    let mut writer = ::csv::WriterBuilder::new().has_headers(false).from_writer(out);
    writer.write_record(CSV_COLUMNS).map_err(into_io)?;
    let conflicts = comparison.conflict_index();
    for cluster in &comparison.clusters {
        for m in &cluster.members {
            let row = Row {
                cluster: cluster.id,
                speaker: neutralise(cluster.speaker.unwrap_or("")),
                outlet: neutralise(m.outlet),
                source: neutralise(m.source),
                relation: m.relation.as_str(),
                is_reference: m.is_reference,
                text: neutralise(m.text),
                reference: neutralise(cluster.reference),
                similarity: m.similarity,
                differences: neutralise(&wording::render(&m.differences)),
                cue: neutralise(m.cue.as_deref().unwrap_or("")),
                conflict: m.conflict,
                conflict_note: neutralise(&conflict_note(&conflicts, cluster, m)),
                framing: neutralise(&framing_cell(framing.get(cluster.id, m.source))),
                start: m.start,
                end: m.end,
            };
            writer.serialize(row).map_err(into_io)?;
        }
    }
    writer.flush()
}

/// One JSON Lines object: a cluster.
#[derive(Serialize)]
struct ClusterLine<'a> {
    cluster: usize,
    speaker: Option<&'a str>,
    reference: &'a str,
    outlets: usize,
    members: Vec<MemberLine<'a>>,
    conflicts: Vec<&'a Conflict<'a>>,
}

/// A member with its framing terms.
#[derive(Serialize)]
struct MemberLine<'a> {
    #[serde(flatten)]
    member: &'a Member<'a>,
    framing: Vec<FramingTerm<'a>>,
}

/// A framing term beside a member.
#[derive(Serialize)]
struct FramingTerm<'a> {
    referent: &'a str,
    term: &'a str,
    count: usize,
}

/// Writes one JSON object per cluster, as the [module
/// docs](self#json-lines) describe; `framing` gives each member's terms.
///
/// # Errors
///
/// Any error of the writer.
pub fn write_jsonl(
    comparison: &Comparison,
    framing: &ClusterTerms,
    out: impl io::Write,
) -> io::Result<()> {
    let conflicts = comparison.conflict_index();
    let lines = comparison.clusters.iter().map(|c| ClusterLine {
        cluster: c.id,
        speaker: c.speaker,
        reference: c.reference,
        outlets: c.outlets,
        members: c
            .members
            .iter()
            .map(|m| MemberLine {
                member: m,
                framing: framing
                    .get(c.id, m.source)
                    .iter()
                    .map(|t| FramingTerm { referent: &t.referent, term: &t.term, count: t.count })
                    .collect(),
            })
            .collect(),
        conflicts: conflicts.of(c.id).collect(),
    });
    super::json::write_jsonl(lines, out)
}

/// What conflicts about a member's attribution, in short phrases joined
/// by `; `; empty when it does not conflict.
///
/// * `no speaker named here`: the member names nobody in a cluster with a
///   speaker;
/// * `no speaker named in OUTLET, …`: the member names the speaker, other
///   members of the cluster (in those outlets) name nobody;
/// * `also given to NAME (cluster N)`, `also given to no one (cluster
///   N)`: the cluster's words match a cluster of another speaker.
///
/// `conflicts` is the comparison's [`ConflictIndex`]
/// ([`Comparison::conflict_index`]), built once for every note.
pub fn conflict_note(conflicts: &ConflictIndex, cluster: &Cluster, member: &Member) -> String {
    if !member.conflict {
        return String::new();
    }
    let mut notes = Vec::new();
    if member.speaker.is_none() && cluster.speaker.is_some() {
        notes.push("no speaker named here".to_string());
    }
    if member.speaker.is_some() {
        let mut silent: Vec<&str> =
            cluster.members.iter().filter(|m| m.speaker.is_none()).map(|m| m.outlet).collect();
        silent.dedup();
        if !silent.is_empty() {
            notes.push(format!("no speaker named in {}", silent.join(", ")));
        }
    }
    for conflict in conflicts.of(cluster.id) {
        for (id, speaker) in conflict.clusters.iter().zip(&conflict.speakers) {
            if *id != cluster.id {
                let name = speaker.as_deref().unwrap_or("no one");
                notes.push(format!("also given to {name} (cluster {id})"));
            }
        }
    }
    notes.join("; ")
}

/// The framing cell: terms grouped by referent, `referent: term count,
/// term count; referent: …`.
pub fn framing_cell(terms: &[TermCount]) -> String {
    let mut groups: Vec<String> = Vec::new();
    for group in terms.chunk_by(|a, b| a.referent == b.referent) {
        let listed: Vec<String> = group.iter().map(|t| format!("{} {}", t.term, t.count)).collect();
        groups.push(format!("{}: {}", group[0].referent, listed.join(", ")));
    }
    groups.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Relation;
    use crate::framing::{Lexicon, Voice};
    use crate::wording::diff;

    fn member<'a>(source: &'a str, outlet: &'a str, text: &'a str, reference: &str) -> Member<'a> {
        let is_reference = text == reference;
        Member {
            source,
            outlet,
            start: 10,
            end: 10 + text.len(),
            text,
            relation: Relation::Quote,
            speaker: Some("Omar Fulani"),
            cue: Some("Fulani said".into()),
            similarity: if is_reference { 1.0 } else { 0.75 },
            is_reference,
            differences: if is_reference { Vec::new() } else { diff(reference, text) },
            conflict: false,
        }
    }

    /// Two clusters: one quoted by two outlets (one naming nobody), one
    /// whose words are also given to another speaker.
    fn comparison() -> Comparison<'static> {
        let reference = "The lull is a provisional truce for regrouping,";
        let mut silent = member("b1", "Northland Radio", "temporary truce", reference);
        (silent.speaker, silent.cue, silent.conflict) = (None, None, true);
        let mut named = member("a1", "Daily Planet", reference, reference);
        named.conflict = true;
        let mut formula =
            member("c1", "=Evil", "=HYPERLINK(\"x\") truce for regrouping", reference);
        formula.relation = Relation::Paraphrase;
        formula.cue = Some("-said".into());
        let first = Cluster {
            id: 1,
            speaker: Some("Omar Fulani"),
            reference,
            outlets: 3,
            members: vec![formula, named, silent],
        };
        let mut other =
            member("d1", "Daily Planet", "We will plant barley.", "We will plant barley.");
        other.conflict = true;
        let second = Cluster {
            id: 4,
            speaker: Some("Omar Fulani"),
            reference: other.text,
            outlets: 1,
            members: vec![other],
        };
        let conflict = Conflict {
            clusters: vec![4, 5],
            speakers: vec![Some("Omar Fulani"), Some("Jane Doe")],
            similarity: 0.9,
        };
        Comparison { clusters: vec![first, second], conflicts: vec![conflict] }
    }

    /// Northland Radio's own words for a truce, from a lexicon of two
    /// terms for one referent.
    fn framing(c: &Comparison) -> ClusterTerms {
        let lexicon =
            "term,variants,referent,category,note\ntruce,,pause,test,\nceasefire,,pause,test,\n";
        let (lexicon, errors) = Lexicon::from_reader("test.csv", lexicon.as_bytes());
        assert!(errors.is_empty(), "{errors:?}");
        let term = |term: &str, count| TermCount {
            source: "b1".into(),
            outlet: "Northland Radio".into(),
            term: term.into(),
            referent: "pause".into(),
            category: "test".into(),
            voice: Voice::Narrator,
            speaker: None,
            count,
            per_1k: 1.0,
        };
        ClusterTerms::new(&lexicon, &[term("truce", 1), term("ceasefire", 2)], c)
    }

    #[test]
    fn framing_cells_group_terms_by_referent() {
        let term = |term: &str, referent: &str| TermCount {
            source: "b1".into(),
            outlet: "Northland Radio".into(),
            term: term.into(),
            referent: referent.into(),
            category: "armed-groups".into(),
            voice: Voice::Narrator,
            speaker: None,
            count: 2,
            per_1k: 1.0,
        };
        let terms = [term("militia", "armed groups"), term("resistance", "armed groups")];
        let terms = [&terms[..], &[term("occupier", "foreign forces")]].concat();
        assert_eq!(
            framing_cell(&terms),
            "armed groups: militia 2, resistance 2; foreign forces: occupier 2"
        );
        assert_eq!(framing_cell(&[]), "");
    }

    fn csv(c: &Comparison) -> String {
        let mut out = Vec::new();
        write_csv(c, &framing(c), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_row_per_member_with_the_columns_in_order() {
        let got = csv(&comparison());
        let mut lines = got.lines();
        assert_eq!(lines.next(), Some(CSV_COLUMNS.join(",").as_str()));
        let rows: Vec<&str> = lines.collect();
        assert_eq!(rows.len(), 4, "{got}");
        assert_eq!(
            rows[1],
            "1,Omar Fulani,Daily Planet,a1,quote,true,\"The lull is a provisional truce for regrouping,\",\
             \"The lull is a provisional truce for regrouping,\",1.0,,Fulani said,true,\
             no speaker named in Northland Radio,,10,57"
        );
        assert_eq!(
            rows[2],
            "1,Omar Fulani,Northland Radio,b1,quote,false,temporary truce,\
             \"The lull is a provisional truce for regrouping,\",0.75,\
             \"cut at start: ‘The lull is a’; provisional → temporary; cut at end: ‘for regrouping,’\",\
             ,true,no speaker named here,\"pause: ceasefire 2, truce 1\",10,25"
        );
        assert!(rows[3].starts_with("4,"), "{}", rows[3]);
        assert!(rows[3].contains(",true,also given to Jane Doe (cluster 5),"), "{}", rows[3]);
    }

    /// Formula-like cells get a `'` in front (#3: the CSV opens cleanly
    /// in a spreadsheet).
    #[test]
    fn formula_cells_are_neutralised() {
        let got = csv(&comparison());
        let row = got.lines().nth(1).unwrap();
        assert!(row.starts_with("1,Omar Fulani,'=Evil,c1,paraphrase,false,"), "{row}");
        assert!(row.contains(",\"'=HYPERLINK(\"\"x\"\") truce for regrouping\","), "{row}");
        assert!(row.contains(",'-said,false,"), "{row}");
    }

    #[test]
    fn raw_cells_are_left_as_they_are() {
        let c = comparison();
        let mut out = Vec::new();
        write_csv_as(&c, &ClusterTerms::default(), Cells::Raw, &mut out).unwrap();
        let got = String::from_utf8(out).unwrap();
        let row = got.lines().nth(1).unwrap();
        assert!(row.starts_with("1,Omar Fulani,=Evil,c1,paraphrase,false,"), "{row}");
        assert!(row.contains(",-said,false,"), "{row}");
    }

    #[test]
    fn a_header_even_without_rows() {
        let empty = Comparison { clusters: Vec::new(), conflicts: Vec::new() };
        assert_eq!(csv(&empty), format!("{}\n", CSV_COLUMNS.join(",")));
    }

    #[test]
    fn one_json_object_per_cluster() {
        let c = comparison();
        let mut out = Vec::new();
        write_jsonl(&c, &ClusterTerms::default(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> =
            text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        let first = &lines[0];
        assert_eq!(first["cluster"], 1);
        assert_eq!(first["speaker"], "Omar Fulani");
        assert_eq!(first["members"].as_array().unwrap().len(), 3);
        let silent = &first["members"][2];
        for field in ["source", "outlet", "start", "end", "text", "relation", "similarity"] {
            assert!(!silent[field].is_null(), "{field}");
        }
        assert_eq!(silent["differences"][1]["kind"], "substitution");
        assert_eq!(silent["framing"], serde_json::json!([]));
        assert_eq!(first["conflicts"], serde_json::json!([]));
        assert_eq!(lines[1]["conflicts"][0]["clusters"], serde_json::json!([4, 5]));
    }
}
