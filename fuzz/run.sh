#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 60), one after
# the other, starting from the seed corpus in fuzz/seeds/<target>/.
#
#   fuzz/run.sh            # 60 s per target
#   fuzz/run.sh 600        # 10 minutes per target
#   fuzz/run.sh 60 quotes  # only the named targets
#
# Installs cargo-fuzz from crates.io when it is missing. cargo-fuzz passes
# nightly-only flags (the sanitizer) to rustc; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them. A crash stops the run, leaves the input in
# fuzz/artifacts/<target>/ and exits non-zero: turn it into a regression
# test, then fix it. The working corpus grows in fuzz/corpus/<target>/
# (not committed).
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(quotes extract jsonl sources gazetteer)
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1

for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  echo "== fuzz $target for ${seconds}s"
  cargo fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
done
