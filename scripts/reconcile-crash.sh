#!/usr/bin/env bash
# The reconcile crash test at the issue's scale: KILLS random kill -9 during
# `mizzen reconcile --apply` on ROWS drifting rows against the sandbox, each followed by
# --resume, with the rate limits lifted (the client sends at --max-rate 5000, the sandbox
# allows any rate). It checks that Braze's final states equal the input's, that at most one
# batch is re-sent per kill, and that the checkpoint and journal stay readable, then prints
# the figures (rows, batches, kills, re-sent batches, seconds).
#   scripts/reconcile-crash.sh [ROWS] [KILLS]      default: 100000 rows, 20 kills
# SEED=n replays a run (its seed is printed); RATE=n sends at n writes a minute instead.
# The mizzen under test is a release build (BIN=path tests another, e.g. the debug one).
# CI runs the same test at 15,000 rows and 5 kills (ReconcileCrashTests).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
kills=${2:-20}
swift build --build-tests >/dev/null
if [ -z "${BIN:-}" ]; then
  swift build -c release --product mizzen >/dev/null
  BIN=$PWD/.build/release/mizzen
fi
started=$SECONDS
MIZZEN_CLI_BIN=$BIN MIZZEN_RECONCILE_CRASH_ROWS=$rows MIZZEN_RECONCILE_CRASH_KILLS=$kills \
  MIZZEN_RECONCILE_CRASH_RATE=${RATE:-lifted} MIZZEN_RECONCILE_CRASH_SEED=${SEED:-17} \
  swift test --skip-build --filter 'ReconcileCrashTests' 2>&1 |
  grep -E 'reconcile crash test:|✘|passed|failed' | grep -v '^Test Suite'
echo "wall time with test start-up: $((SECONDS - started)) s"
