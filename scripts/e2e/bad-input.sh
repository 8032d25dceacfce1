#!/usr/bin/env bash
# Bad input in the real console (tmux, 100×30, UTF-8) and on the command line, each run
# checking the message shown and that no file changed (a checksum of every file of the
# workspace's folder and its listing, before and after):
#  1. a broken workspace file (invalid JSON; a value of the wrong type): the console and
#     `validate` print one line saying where, exit 2, and leave the bytes alone;
#  2. the connection's key variable unset: test-send in the console and `mizzen send` say
#     which variable to export, and nothing reaches the sandbox;
#  3. the sandbox down: the console's test-send shows the refused connection with what to
#     check and still answers keys, `check-connection` exits non-zero saying so; only the
#     journal changes, and it records the failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh bad-input
folder=$work/ws
mkdir "$folder"
ws=$folder/bad.json
key=e2e-fake-key-$$-bad-input
socket=mizzen-e2e-bad-input-$$
sandbox_pid=
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
screen() { tmux_ capture-pane -p -J -t e2e; }
# The screen as one line: the console wraps long messages at word boundaries.
flat_screen() { screen | tr -s ' \n' '  '; }
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL bad-input: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 2>/dev/null || true
  echo "--- folder:" >&2
  ls -la "$folder" >&2
  exit 1
}

# The folder's listing and a checksum of each file in it, except the names given.
fingerprint() {
  local skip=("$@")
  (
    cd "$folder"
    for name in $(ls -A | LC_ALL=C sort); do
      [[ " ${skip[*]} " == *" $name "* ]] && continue
      if [ -f "$name" ]; then echo "$name $(sha256sum <"$name")"; else echo "$name (not a file)"; fi
    done
  )
}
unchanged_since() {
  local before=$1
  shift
  [ "$(fingerprint "$@")" = "$before" ] || {
    diff <(echo "$before") <(fingerprint "$@") >&2 || true
    fail "a file of the workspace folder changed: $what"
  }
}

# Runs mizzen with the arguments; sets `status`, `out` and `err`.
run_mizzen() {
  set +e
  out=$("$bin" "$@" 2>"$work/err")
  status=$?
  set -e
  err=$(cat "$work/err")
}

# A workspace with one connection to $1, keyed by $MIZZEN_BAD_INPUT_KEY, and one topic
# with an email channel.
write_workspace() {
  python3 - "$ws" "$1" <<'PY'
import json, sys
workspace = {
    "format": "mizzen.workspace", "version": 1, "name": "Bad input",
    "connections": [{
        "code": "local", "name": "Local", "endpoint": sys.argv[2],
        "apiKey": {"env": "MIZZEN_BAD_INPUT_KEY"},
        "identityMapping": [{"identitySpace": "email", "brazeField": "email"}]}],
    "identitySpaces": [
        {"code": "email", "name": "Email", "valueType": "email", "marketingPreference": True}],
    "properties": [],
    "topics": [{
        "code": "weekly_newsletter", "name": "Weekly newsletter",
        "channels": [{"channel": "email", "connection": "local",
                      "subscriptionGroupId": "5e1d6c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6"}]}],
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(workspace, f, indent=2)
    f.write("\n")
PY
}

start_session

echo "-- [${SECONDS}s] 1a. a workspace file that is not JSON"
printf '{\n  "format": "mizzen.workspace",\n  "version": 1,\n  "name": "Broken",\n  "topics": [ }\n' >"$ws"
what="invalid JSON"
before=$(fingerprint)
run_mizzen validate --workspace "$ws"
[ "$status" -eq 2 ] || fail "validate exits $status on invalid JSON, not 2"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "validate's error is not one line: $err"
grep -qF "$ws: line 5, column 15:" <<<"$err" || fail "validate does not say line 5, column 15: $err"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$? after 1a"
wait_for 'exit=2 after 1a'
screen | grep -qF "$ws: line 5, column 15: expected a value" || fail "the console does not say where the JSON breaks"
[ "$(screen | grep -c .)" -eq 3 ] || fail "the console printed more than one line of error"
unchanged_since "$before"

echo "-- [${SECONDS}s] 1b. a value of the wrong type"
write_workspace http://127.0.0.1:9
python3 - "$ws" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace('"valueType": "email"', '"valueType": 7', 1))
PY
what="wrong-typed value"
before=$(fingerprint)
run_mizzen validate --workspace "$ws"
[ "$status" -eq 2 ] || fail "validate exits $status on a number where a string belongs, not 2"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "validate's error is not one line: $err"
grep -qF "identitySpaces[0].valueType: expected a string, found a number" <<<"$err" ||
  fail "validate does not name the value's place and type: $err"
# Named by step: waiting for a bare exit=2 could match 1a's, still on the screen until
# the clear runs, and then read a screen the console had not written yet.
run_in_shell "clear; $bin --workspace $ws; echo exit=\$? after 1b"
wait_for 'exit=2 after 1b'
screen | grep -qF "valueType: expected a string, found a number" || fail "the console does not name the wrong value"
unchanged_since "$before"

echo "-- [${SECONDS}s] 2. the key variable unset: nothing is sent"
"$bin" sandbox --port 0 --key "$key" >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
deadline=$((SECONDS + 20))
until grep -qs 'listening on' "$work/sandbox.out"; do
  sleep 0.1
  [ "$SECONDS" -lt "$deadline" ] || fail "the sandbox did not start"
done
url=$(sed -n 's/.*listening on //p' "$work/sandbox.out")
write_workspace "$url"
what="test-send with the key variable unset"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for '1 Connections'
before=$(fingerprint)
keys 2
wait_for 'weekly_newsletter'
keys t
type_text 'unset@example.com'
wait_for '/subscription/status/set'
keys Enter
wait_for 'export MIZZEN_BAD_INPUT_KEY='
screen | grep -qF 'MIZZEN_BAD_INPUT_KEY is not set' || fail "the console does not say the variable is not set"
keys Escape Escape q
wait_for 'exit=0'
# The console remembers the typed identity for the next test-send (SPEC §6) in its own
# state file, by design; every other file, the workspace first, must be as it was.
unchanged_since "$before" bad.json.mizzen-state.json
[ ! -e "$ws.journal.jsonl" ] || fail "a journal was written although nothing could be sent"

what="mizzen send with the key variable unset"
before=$(fingerprint)
run_mizzen send --workspace "$ws" --topic weekly_newsletter --channel email \
  --identity email=unset@example.com --state granted
[ "$status" -ne 0 ] || fail "mizzen send exits 0 with the key variable unset"
grep -qF 'export MIZZEN_BAD_INPUT_KEY=' <<<"$err" || fail "mizzen send does not say which variable to set: $err"
unchanged_since "$before"
grep -qF ' /subscription/' "$work/sandbox.err" && fail "a request reached the sandbox: $(cat "$work/sandbox.err")"
kill "$sandbox_pid"
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=

echo "-- [${SECONDS}s] 3. the sandbox down: refused, said so, keys still answer, the journal records it"
down=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
write_workspace "http://127.0.0.1:$down"
rm -f "$ws.mizzen-state.json" # the identity remembered in 2 would be prefilled
what="test-send with the sandbox down"
tmux_ kill-server
# A new server on a socket of its own: kill-server returns before the old server is gone,
# and a session started on its socket then can meet it dying ("server exited unexpectedly").
socket=$socket-down
start_session "MIZZEN_BAD_INPUT_KEY=$key"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for '1 Connections'
before=$(fingerprint bad.json.journal.jsonl bad.json.mizzen-state.json)
keys 2
wait_for 'weekly_newsletter'
keys t
type_text 'down@example.com'
wait_for '/subscription/status/set'
keys Enter
wait_for 'refused' 20
flat_screen | grep -qF "Check the connection's endpoint and the network" || fail "the refusal does not say what to check"
screen | grep -qF -- "$key" && fail "the screen shows the API key"
# Still answering keys at once: help opens over the result, and esc, esc, 1 reach Connections.
keys '?'
wait_for 'Keys (esc closes)' 3
keys Escape Escape 1
wait_for 'Identity mapping' 3
keys q
wait_for 'exit=0'
unchanged_since "$before" bad.json.journal.jsonl bad.json.mizzen-state.json
python3 - "$ws.journal.jsonl" <<'PY' || fail "the journal does not record the refused send"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
sys.exit(0 if len(entries) == 1 and entries[0]["outcome"]["kind"] != "success"
         and entries[0]["outcome"].get("status") is None
         and "refused" in entries[0]["outcome"]["message"] else 1)
PY
grep -qF -- "$key" "$ws.journal.jsonl" && fail "the journal holds the API key"

what="check-connection with the sandbox down"
before=$(fingerprint)
MIZZEN_BAD_INPUT_KEY=$key run_mizzen check-connection local --workspace "$ws"
[ "$status" -ne 0 ] || fail "check-connection exits 0 with nothing listening"
grep -qF 'the connection was refused' <<<"$err" || fail "check-connection does not say the connection was refused: $err"
grep -qF "Check the connection's endpoint" <<<"$err" || fail "check-connection does not say what to check: $err"
grep -qF -- "$key" <<<"$out$err" && fail "check-connection printed the API key"
unchanged_since "$before"

echo "bad-input: passed in ${SECONDS}s"
