#!/usr/bin/env bash
# The benchmarks (issue 6) in one command: builds desk-bench in release, runs every figure it
# measures, writes target/bench/report.json and regenerates BENCHMARKS.md, keeping the
# hand-written Findings. The full run generates 100,000- and 1,000,000-ticket workspaces in a
# temporary directory (a few GB, removed afterwards) and takes about half an hour on 2 cores.
#
#   scripts/bench.sh              full run: target/bench/report.json and BENCHMARKS.md
#   scripts/bench.sh --only 4,5   re-measure some figures and merge them into both
#   scripts/bench.sh --quick      smoke run at 10,000 tickets, under target/bench/quick/
#
# --only merges: the figures it runs replace their rows in target/bench/report.json (all rows
# of a figure together) and the others stay as they were. Every row records the run it came
# from, and BENCHMARKS.md lists each run (commit, date, command, load average) with its figures,
# so one figure can be re-measured without the 30-minute full run. A report of other sizes is
# replaced rather than merged into.
#
# Figures 4 and 5 run the desktop app: its release build (the UI is built first) and a
# hello-world Tauri window (crates/bench/hello) under Xvfb, with a session bus, dunst and
# tauri-driver, as the end-to-end tests do (`bash scripts/setup.sh` installs them). Their
# desktop's logs go to target/bench/desktop-logs/.
#
# Other flags (--tickets N, --large N, --workdir DIR) go to desk-bench; see --help. A run with
# --tickets or --large writes under target/bench/partial/, so BENCHMARKS.md only ever shows
# the standard sizes. Other work on the machine slows the figures (the fsync-bound ones most):
# run it idle.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

out=target/bench
markdown=BENCHMARKS.md
only=""
previous=""
for arg in "$@"; do
  case $arg in
    --quick) out=target/bench/quick ;;
    --tickets | --large) [[ $out == target/bench ]] && out=target/bench/partial ;;
    -h | --help) ;;
  esac
  [[ $previous == --only ]] && only=${arg// /}
  previous=$arg
done
if [[ $out != target/bench ]]; then
  markdown=$out/BENCHMARKS.md
fi

# Figures 4 and 5 need the app (its UI embedded) and the hello-world window, built together
# so tauri is compiled once for both; desk-bench alone, as `cargo run` below builds it.
if [[ -z $only || ,$only, == *,4,* || ,$only, == *,5,* ]]; then
  npm --prefix ui run build
  cargo build --release --locked -p wallet-desk -p desk-bench-hello
fi
cargo build --release --locked -p desk-bench
# Through cargo, so a CARGO_TARGET_DIR elsewhere is found.
exec cargo run --quiet --release --locked -p desk-bench -- \
  --report "$out/report.json" --markdown "$markdown" --command "scripts/bench.sh${*:+ $*}" "$@"
