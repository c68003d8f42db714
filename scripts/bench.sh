#!/usr/bin/env bash
# The benchmarks (issue 6) in one command: builds desk-bench in release, runs every figure it
# measures, writes target/bench/report.json and regenerates BENCHMARKS.md, keeping the
# hand-written Findings. The full run generates 100,000- and 1,000,000-ticket workspaces in a
# temporary directory (a few GB, removed afterwards) and takes about half an hour on 2 cores.
#
#   scripts/bench.sh              full run: target/bench/report.json and BENCHMARKS.md
#   scripts/bench.sh --quick      smoke run at 10,000 tickets, under target/bench/quick/
#   scripts/bench.sh --only 3,8   some figures only, under target/bench/partial/
#
# Other flags (--tickets N, --large N, --workdir DIR) go to desk-bench; see --help. A run with
# any of them writes under target/bench/partial/, so BENCHMARKS.md only ever shows full runs.
# Other work on the machine slows the figures (the fsync-bound ones most): run it idle.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

out=target/bench
markdown=BENCHMARKS.md
for arg in "$@"; do
  case $arg in
    --quick) out=target/bench/quick ;;
    --only | --tickets | --large | --workdir) [[ $out == target/bench ]] && out=target/bench/partial ;;
    -h | --help) ;;
  esac
done
if [[ $out != target/bench ]]; then
  markdown=$out/BENCHMARKS.md
fi

cargo build --release --locked -p desk-bench
# Through cargo, so a CARGO_TARGET_DIR elsewhere is found.
exec cargo run --quiet --release --locked -p desk-bench -- \
  --report "$out/report.json" --markdown "$markdown" --command "scripts/bench.sh${*:+ $*}" "$@"
