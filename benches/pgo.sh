#!/usr/bin/env bash
# Builds the fastest quotelens binary: the `release-lto` profile (fat LTO, one
# codegen unit, see Cargo.toml) with profile-guided optimisation (PGO).
#
#   1. builds an instrumented binary (release-lto, -Cprofile-generate);
#   2. trains it: generates a seeded corpus (seed 7 by default, not the seed 1
#      of the benchmark corpus in benches/e2e.sh, so that the benchmark is not
#      run on the training data) and runs `quotes`, `compare` and `framing` on
#      it and on the bundled corpus (corpus/);
#   3. merges the profiles with llvm-profdata;
#   4. builds the final binary (release-lto, -Cprofile-use) and prints its path
#      on standard output (everything else goes to standard error).
#
# Usage: benches/pgo.sh
#
# Everything goes under $CARGO_TARGET_DIR/pgo (default target/pgo):
#   instrumented/   the instrumented build
#   profiles/       the raw profiles of the training runs (emptied on each run)
#   train.jsonl     the training corpus
#   merged.profdata the merged profile
#   final/          the final build: final/<host triple>/release-lto/quotelens
#
# Environment:
#   ARTICLES=2000   articles in the generated training corpus
#   SEED=7          seed of the generated training corpus
#   LLVM_PROFDATA   llvm-profdata to use (default: the one of rustc's
#                   llvm-tools component; it must match rustc's LLVM version)
#
# Needs: cargo and the llvm-tools component (`rustup component add llvm-tools`).
# Takes several minutes: two fat-LTO builds from scratch (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-2000}
SEED=${SEED:-7}
TARGET=${CARGO_TARGET_DIR:-target}
case $TARGET in /*) ;; *) TARGET=$PWD/$TARGET ;; esac
PGO=$TARGET/pgo

for tool in cargo rustc; do
  command -v "$tool" >/dev/null || { echo "pgo.sh: $tool not found" >&2; exit 1; }
done
HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=${LLVM_PROFDATA:-$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata}
if [ ! -x "$PROFDATA" ]; then
  echo "pgo.sh: llvm-profdata not found at $PROFDATA" >&2
  echo "pgo.sh: install the one that matches rustc's LLVM with: rustup component add llvm-tools" >&2
  echo "pgo.sh: (or set LLVM_PROFDATA to an llvm-profdata of the same LLVM version)" >&2
  exit 1
fi

# --target makes RUSTFLAGS apply to quotelens and its dependencies but not to
# build scripts and proc macros, which then need no profile.
build() { # target dir, then the extra rustc flags
  local dir=$1; shift
  RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$*" cargo build --profile release-lto --locked \
    --target "$HOST" --target-dir "$dir" --bin quotelens
}

echo "== pgo: instrumented build" >&2
rm -rf "$PGO/profiles"
mkdir -p "$PGO/profiles"
build "$PGO/instrumented" "-Cprofile-generate=$PGO/profiles"
INSTR=$PGO/instrumented/$HOST/release-lto/quotelens

echo "== pgo: training (seed $SEED, $ARTICLES articles, and corpus/)" >&2
TRAIN=$PGO/train.jsonl
"$INSTR" generate --articles "$ARTICLES" --seed "$SEED" -o "$TRAIN"
"$INSTR" quotes --quiet --threads 1 --format jsonl -o /dev/null "$TRAIN" corpus
"$INSTR" quotes --quiet --format jsonl -o /dev/null "$TRAIN"
"$INSTR" quotes --quiet --format csv -o /dev/null corpus
"$INSTR" quotes --quiet -o /dev/null corpus
"$INSTR" compare --quiet --threads 1 --format jsonl -o /dev/null "$TRAIN" corpus
"$INSTR" compare --quiet -o /dev/null corpus
"$INSTR" framing --quiet --threads 1 -o /dev/null "$TRAIN" corpus

echo "== pgo: merging the profiles" >&2
"$PROFDATA" merge -o "$PGO/merged.profdata" "$PGO/profiles"

echo "== pgo: optimised build" >&2
build "$PGO/final" "-Cprofile-use=$PGO/merged.profdata"
BIN=$PGO/final/$HOST/release-lto/quotelens
[ -x "$BIN" ] || { echo "pgo.sh: the build did not produce $BIN" >&2; exit 1; }
echo "== pgo: done" >&2
echo "$BIN"
