#!/usr/bin/env bash
# config.json's key remaps in the real console (tmux, 100×30, UTF-8), with a real file
# under a temporary XDG_CONFIG_HOME (SPEC §10):
#  1. `mizzen config` reports a remap that takes another action's key, and ignores it;
#  2. the console's hint strip and help show the remapped quit key, q no longer quits,
#     and Q does.
# Synchronises by polling the screen, never by sleeping alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh key-remap
ws=$work/acme.json
socket=mizzen-e2e-key-remap-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL key-remap: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 || true
  exit 1
}

cp Examples/acme.json "$ws"
mkdir -p "$work/cfg/mizzen"
printf '%s\n' '{"keys": {"quit": ["Q"], "record.new": ["j"]}}' >"$work/cfg/mizzen/config.json"
start_session "XDG_CONFIG_HOME=$work/cfg"

echo "-- 1. mizzen config reports the clashing remap"
run_in_shell "clear; $bin config; echo exit=\$?"
wait_for 'keys.record.new: j is already move.down in List; this remap is ignored'
wait_for 'exit=1'

echo "-- 2. the console shows and obeys the remapped quit key"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for '? help  Q quit'
keys '?'
wait_for 'Everywhere in lists'
keys Space
wait_for 'Q :q :quit      quit'
keys Escape
wait_gone 'Q :q :quit      quit'
keys q
wait_for 'q is not a key here'
screen | grep -qF 'exit=' && fail "q quit the console"
keys Q
wait_for 'exit=0'
echo "PASS key-remap"
