#!/usr/bin/env bash
# The real console in a real terminal (tmux, 100×30, UTF-8): a connection is created, edited,
# cloned and deleted by keys, and each change is checked in the workspace file; the pane is
# shrunk below the minimum and back; SIGTERM and a non-UTF-8 locale leave the terminal usable.
# Synchronises by polling the screen and the file, never by sleeping alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh console-connections
ws=$work/e2e.json
socket=mizzen-e2e-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
# shellcheck source=scripts/e2e/lib/workspace-file.sh
. scripts/e2e/lib/workspace-file.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL console-connections: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 || true
  echo "--- workspace:" >&2
  cat "$ws" >&2 2>/dev/null || echo "(no file)" >&2
  exit 1
}

start_session

echo "-- start on a missing file: an empty workspace, created on first save"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for 'No connections yet'
wait_for '1 Connections'
[ ! -e "$ws" ] || fail "the file was written before any change"

echo "-- new connection by keys"
keys n
wait_for 'New connection'
type_text 'E2E 東京 🎉'
keys Tab Tab Tab Tab
type_text 'E2E_BRAZE_KEY'
keys C-s
wait_file 'len(w["connections"]) == 1 and w["connections"][0]["name"] == "E2E 東京 🎉" and w["connections"][0]["apiKey"] == {"env": "E2E_BRAZE_KEY"}'
wait_for 'E2E 東京 🎉'

echo "-- edit it"
keys e
wait_for '(edit)'
keys End
type_text ' edited'
keys C-s
wait_file 'len(w["connections"]) == 1 and w["connections"][0]["name"] == "E2E 東京 🎉 edited"'
wait_for 'E2E 東京 🎉 edited'
code=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["connections"][0]["code"])' "$ws")

echo "-- clone it"
keys c
wait_for 'Clone of'
keys C-s
wait_file 'len(w["connections"]) == 2 and w["connections"][1]["name"].startswith("E2E 東京 🎉 edited") and w["connections"][1]["code"] != w["connections"][0]["code"]'

echo "-- delete the clone: Enter on the focused Cancel keeps it, Tab then Enter deletes"
keys G d
wait_for 'Delete connection'
keys Enter
wait_gone 'Delete connection'  # Enter on the focused Cancel closes the dialog
wait_file 'len(w["connections"]) == 2'
keys d
wait_for 'Delete connection'
keys Tab Enter
wait_file 'len(w["connections"]) == 1 and w["connections"][0]["code"] == "'"$code"'"'

echo "-- resize to 40×10 and back"
pid=$(mizzen_pid)
[ -n "$pid" ] || fail "mizzen is not running"
tmux_ resize-window -t e2e -x 40 -y 10
wait_for 'terminal too small'
tmux_ resize-window -t e2e -x 100 -y 30
wait_for '1 Connections'
wait_for 'E2E 東京 🎉 edited'
[ "$(mizzen_pid)" = "$pid" ] || fail "mizzen did not survive the resize"

echo "-- quit"
keys q
wait_for 'exit=0'
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$ws" || fail "the file is not JSON"

echo "-- SIGTERM restores the terminal"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for 'E2E 東京 🎉 edited'
pid=$(mizzen_pid)
[ -n "$pid" ] || fail "mizzen is not running"
kill -TERM "$pid"
wait_for 'exit=143'
run_in_shell 'stty -a | tr " " "\n" | grep -xE -- "-?(icanon|echo)" | tr "\n" " "; echo "=$((6 * 7))"'
wait_for '=42'
screen | grep -qF 'icanon echo =42' || fail "the terminal is left in raw mode"

echo "-- a locale that is not UTF-8 is refused before drawing"
run_in_shell "clear; LANG=C LC_ALL=C $bin --workspace $ws; echo exit=\$?"
wait_for 'exit=2'
screen | grep -qF 'needs a UTF-8 locale' || fail "no message about the locale"

echo "-- standard input that is not a terminal is refused"
set +e
message=$("$bin" --workspace "$ws" </dev/null 2>&1 >/dev/null)
status=$?
set -e
[ "$status" -eq 2 ] || fail "exit $status with standard input from /dev/null, not 2"
grep -qF 'needs a terminal' <<<"$message" || fail "no message about the terminal: $message"

echo "console-connections: passed"
