#!/usr/bin/env bash
# Runs every test of Wallet Desk and ends with one line:  summary: N passed, M failed, K skipped
#
#   1. scripts/setup.sh           what a fresh machine lacks (apt, npm ci, tauri-driver, nextest)
#   2. npm run build in ui/       the UI that the app binary embeds (the e2e tests drive it),
#      and svelte-check           type errors in the UI count as a failed check
#   3. cargo fmt --check          } each counts as one failed check when it fails
#   4. cargo clippy -D warnings   }
#   5. cargo nextest (ci profile) every Rust test of the workspace, e2e in the real window
#                                 included; JUnit in target/nextest/ci/junit.xml
#   6. vitest                     the UI's tests; JUnit in target/test-reports/vitest.xml
# N, M and K are test cases counted from the JUnit reports, plus failed checks. A failing stage
# does not stop the later ones: the summary always covers everything. Exit status is 0 only
# when nothing failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# A fresh clone builds once: incremental caches would only cost disk (several GB) and time.
if [[ "${CI:-}" == "true" ]]; then
  export CARGO_INCREMENTAL=0
fi

REPORTS="$ROOT/target/test-reports"
NEXTEST_JUNIT="$ROOT/target/nextest/ci/junit.xml"
VITEST_JUNIT="$REPORTS/vitest.xml"
rm -rf "$REPORTS" "$NEXTEST_JUNIT"
mkdir -p "$REPORTS"

failed_checks=()
stage_lines=()

# run_stage NAME COMMAND...: runs one stage, records how it went, never exits.
run_stage() {
  local name=$1
  shift
  local started=$SECONDS status=0
  printf '\n==> %s\n' "$name"
  "$@" || status=$?
  local took=$((SECONDS - started))
  if ((status == 0)); then
    stage_lines+=("ok      ${name} (${took}s)")
  else
    stage_lines+=("FAILED  ${name} (exit ${status}, ${took}s)")
  fi
  return "$status"
}

# A stage whose failure is a failed check of its own (it reports no test cases).
check() {
  local name=$1
  run_stage "$@" || failed_checks+=("$name")
}

check "setup" bash scripts/setup.sh
check "ui build" bash -c 'cd ui && npm run build --silent'
check "ui types (svelte-check)" bash -c 'cd ui && npm run check --silent'
check "cargo fmt" cargo fmt --all -- --check
check "cargo clippy" cargo clippy --workspace --all-targets --locked -- -D warnings

# Test runners: their test cases are counted from JUnit. A runner that failed without a failing
# test case in its report (it did not build, or crashed) is a failed check.
nextest_status=0
run_stage "rust tests (cargo nextest)" \
  cargo nextest run --workspace --locked --profile ci || nextest_status=$?

vitest_status=0
run_stage "ui tests (vitest)" bash -c 'cd ui && npx vitest run --reporter=default \
  --reporter=junit --outputFile.junit="$1"' _ "$VITEST_JUNIT" || vitest_status=$?

printf '\n==> results\n'
for line in "${stage_lines[@]}"; do
  printf '  %s\n' "$line"
done

python3 scripts/junit-summary.py \
  "rust=$nextest_status=$NEXTEST_JUNIT" \
  "ui=$vitest_status=$VITEST_JUNIT" \
  "${failed_checks[@]/#/check=}"
