#!/usr/bin/env bash
# End-to-end benchmark: builds release, generates the seeded corpus, times
# `quotes`, `framing`, `compare` and the compare step alone next to ripgrep on the same
# files, measures peak memory, and writes a Markdown table.
#
# Usage: benches/e2e.sh [OUTDIR]     (default: target/e2e)
#
# Environment:
#   MB=100        size of the main corpus in megabytes (approximate)
#   BIG_MB=1000   size of the corpus for the memory run (0 to skip)
#   RUNS=3        hyperfine runs per command
#   COMPARE="10000 100000 1000000"   quote counts for the compare curve ("" to skip)
#   COMPARE_CLI_ARTICLES=122535   articles for the whole `compare` command's run
#                                 (about a million quotes; 0 to skip)
#
# Needs: cargo, hyperfine, ripgrep (rg), GNU time (/usr/bin/time), python3.
# On Debian: apt-get install -y hyperfine ripgrep time
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-target/e2e}
MB=${MB:-100}
BIG_MB=${BIG_MB:-1000}
RUNS=${RUNS:-3}
COMPARE=${COMPARE-"10000 100000 1000000"}
mkdir -p "$OUT"

for tool in cargo hyperfine rg python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "e2e.sh: $tool not found" >&2; exit 1; }
done

echo "== build" >&2
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example compare_scale
TARGET=${CARGO_TARGET_DIR:-target}
case $TARGET in /*) ;; *) TARGET=$PWD/$TARGET ;; esac
Q=$TARGET/release/quotelens
CMP=$TARGET/release/examples/compare_scale

# About 1,830 bytes of JSON Lines per generated article.
articles_for() { echo $(( $1 * 1000000 / 1830 )); }

echo "== generate" >&2
CORPUS=$OUT/corpus-${MB}mb.jsonl
[ -s "$CORPUS" ] || "$Q" generate --articles "$(articles_for "$MB")" --seed 1 -o "$CORPUS"
SMALL=$OUT/corpus-10mb.jsonl
[ -s "$SMALL" ] || "$Q" generate --articles "$(articles_for 10)" --seed 1 -o "$SMALL"

echo "== hyperfine" >&2
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$OUT/hyperfine.json" \
  -n "rg -c quote marks" "rg -c '[“”\"]' $CORPUS" \
  -n "quotes, 1 thread" "$Q quotes --quiet --threads 1 --format jsonl -o /dev/null $CORPUS" \
  -n "quotes, all cores" "$Q quotes --quiet --format jsonl -o /dev/null $CORPUS" \
  -n "framing (10 MB)" "$Q framing --quiet $SMALL -o /dev/null" \
  -n "compare (10 MB)" "$Q compare --quiet $SMALL -o /dev/null" \
  -n "rg -c quote marks (10 MB)" "rg -c '[“”\"]' $SMALL" >&2

echo "== peak memory" >&2
mem() { # label, then the command
  local label=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time.txt" || { cat "$OUT/time.txt" >&2; exit 1; }
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/time.txt")
  echo "$label	$rss	$wall" >>"$OUT/memory.tsv"
}
: >"$OUT/memory.tsv"
mem "quotes, ${MB} MB" "$Q" quotes --quiet --format jsonl -o /dev/null "$CORPUS"
mem "quotes --no-duplicate-check, ${MB} MB" "$Q" quotes --quiet --no-duplicate-check --format jsonl -o /dev/null "$CORPUS"
if [ "$BIG_MB" -gt 0 ]; then
  BIG=$OUT/corpus-${BIG_MB}mb.jsonl
  [ -s "$BIG" ] || "$Q" generate --articles "$(articles_for "$BIG_MB")" --seed 1 -o "$BIG"
  mem "quotes, ${BIG_MB} MB" "$Q" quotes --quiet --format jsonl -o /dev/null "$BIG"
  mem "quotes --no-duplicate-check, ${BIG_MB} MB" "$Q" quotes --quiet --no-duplicate-check --format jsonl -o /dev/null "$BIG"
  mem "quotes --final-names, ${BIG_MB} MB" "$Q" quotes --quiet --final-names --format jsonl -o /dev/null "$BIG"
fi

# The whole `compare` command (reading, extraction, alignment, report) on the
# generated corpus that holds about a million quotes (122,535 articles, as
# examples/compare_scale.rs finds).
if [ "${COMPARE_CLI_ARTICLES:-122535}" -gt 0 ]; then
  CMPCORPUS=$OUT/corpus-compare.jsonl
  [ -s "$CMPCORPUS" ] || "$Q" generate --articles "${COMPARE_CLI_ARTICLES:-122535}" --seed 1 -o "$CMPCORPUS"
  mem "compare command, ${COMPARE_CLI_ARTICLES:-122535} articles" "$Q" compare --quiet -o /dev/null "$CMPCORPUS"
fi

: >"$OUT/compare.tsv"
if [ -n "$COMPARE" ]; then
  echo "== compare curve" >&2
  for n in $COMPARE; do
    /usr/bin/time -v "$CMP" "$n" >"$OUT/compare-$n.txt" 2>"$OUT/time.txt"
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
    tail -n 1 "$OUT/compare-$n.txt" | awk -v rss="$rss" '{print $0 "\t" rss}' >>"$OUT/compare.tsv"
  done
fi

echo "== table" >&2
python3 - "$OUT" "$CORPUS" "$SMALL" <<'EOF' | tee "$OUT/results.md"
import json, os, sys
out, corpus, small = sys.argv[1:4]
mb = os.path.getsize(corpus) / 1e6
small_mb = os.path.getsize(small) / 1e6
results = {r["command"]: r for r in json.load(open(f"{out}/hyperfine.json"))["results"]}
def size(name):
    return small_mb if "10 MB" in name else mb
print(f"Corpus: {mb:.0f} MB of JSON Lines ({corpus.split('/')[-1]}); framing and compare on {small_mb:.0f} MB.\n")
print("| command | mean ± σ (s) | user (s) | MB/s | MB/s per core (user) |")
print("|---|---|---|---|---|")
for name, r in results.items():
    m = size(name)
    print(f"| {name} | {r['mean']:.3f} ± {r['stddev']:.3f} | {r['user']:.3f} | {m / r['mean']:.1f} | {m / r['user']:.1f} |")
rg = results["rg -c quote marks"]["mean"]
for name in ("quotes, 1 thread", "quotes, all cores"):
    print(f"\n`{name}` runs at {rg / results[name]['mean'] * 100:.1f}% of ripgrep's throughput on the same file (target: 25%).", end="")
print("\n\n| run | peak RSS (MB) | wall |")
print("|---|---|---|")
for line in open(f"{out}/memory.tsv"):
    label, rss, wall = line.rstrip("\n").split("\t")
    print(f"| {label} | {int(rss) / 1024:.0f} | {wall} |")
rows = [l.rstrip("\n").split("\t") for l in open(f"{out}/compare.tsv") if l.strip()]
if rows:
    print("\n| quotes | articles | extraction (s) | compare (s) | µs per quote | clusters | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for q, a, ex, cmp_s, us, cl, _rss_extract, rss in rows:
        print(f"| {int(q):,} | {int(a):,} | {ex} | {cmp_s} | {us} | {int(cl):,} | {int(rss) / 1024:.0f} |")
EOF
