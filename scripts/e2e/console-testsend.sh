#!/usr/bin/env bash
# Test-send in the real console (tmux): on `mizzen demo`, granted then denied on an email
# channel, each verified by reading the state back, both in the journal; then against
# `mizzen sandbox --fail-rate 1` the console answers keys while a call retries, and the
# journal shows every attempt. History filters the journal and opens an entry in full; each
# `v` adds a verify line; quitting while a send is out still journals it (as cancelled).
# No captured screen may contain the API key.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh console-testsend
ws=$work/demo.json
key=e2e-fake-key-$$-0123456789
socket=mizzen-e2e-testsend-$$
sandbox_pid=
slow_pid=
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
  [ -z "$slow_pid" ] || kill "$slow_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL console-testsend: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 || true
  exit 1
}

# Every screen seen is kept, to prove afterwards that none showed the key.
shots=0
snap() {
  shots=$((shots + 1))
  screen >"$work/screen-$shots.txt"
}

# The number of journal entries of $1 that satisfy the Python expression $2 over entry `e`.
journal_count() {
  python3 - "$1" "$2" <<'PYEOF'
import json, sys
n = 0
try:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip():
            e = json.loads(line)
            n += bool(eval(sys.argv[2]))
except FileNotFoundError:
    pass
print(n)
PYEOF
}

start_session "MIZZEN_E2E_KEY=$key"

echo "-- mizzen demo: test-send granted on the email channel, then verify"
run_in_shell "clear; $bin demo --workspace $ws; echo exit=\$?"
wait_for '1 Connections'
snap
keys 2
wait_for 'weekly_newsletter'
keys t
wait_for 'Test-send one signal of topic weekly_newsletter'
type_text 'e2e@example.com'
wait_for 'Preview (enter sends)'
snap
keys Enter
wait_for 'Result: success' 20
snap
keys v
wait_for 'Braze reports Subscribed' 20
snap

echo "-- again with denied: the email is remembered"
keys Escape
wait_for 'weekly_newsletter'
keys t
wait_for '[e2e@example.com]'
keys Tab Tab Tab Right
wait_for '‹ denied ›'
keys Enter
wait_for 'Result: success' 20
keys v
wait_for 'Braze reports Unsubscribed' 20
snap
sends='e["requests"][0]["purpose"] == "send"'
[ "$(journal_count "$ws.journal.jsonl" "$sends"' and e["channel"] == "email" and e["outcome"]["kind"] == "success"')" = 2 ] ||
  fail "the journal does not hold both sends"
[ "$(journal_count "$ws.journal.jsonl" "$sends"' and e["state"] == "denied"')" = 1 ] || fail "no denied send in the journal"
verifies='e["requests"][0]["purpose"] == "verify" and len(e["requests"]) == 1'
[ "$(journal_count "$ws.journal.jsonl" "$verifies"' and e["verification"]["matches"]')" = 2 ] ||
  fail "the journal does not hold a verify line for each v"

echo "-- History lists both sends, newest first; / filters; enter opens an entry in full"
keys Escape 5
wait_for 'Time (UTC)'
send_row='weekly_newsletter/email +(denied|granted) '
deadline=$((SECONDS + 10))
until [ "$(screen | grep -cE -- "$send_row")" -ge 2 ]; do
  sleep 0.1
  [ "$SECONDS" -lt "$deadline" ] || fail "History does not list both sends"
done
snap
first=$(screen | grep -E -- "$send_row" | head -1)
[[ "$first" == *denied* ]] || fail "History does not list the newest send first"
keys /
type_text 'denied'
keys Enter
wait_for 'filter “denied”'
screen | grep -qE 'weekly_newsletter/email +granted ' && fail "the filter kept the granted send"
snap
screen | grep -qE 'weekly_newsletter/email +verify ' || fail "History shows no verify row"
# The denied send is the oldest row that passes the filter (its verify comes after it).
keys G Enter
wait_for 'Request 1 of 1: send'
wait_for 'POST http://127.0.0.1:'
wait_for '/subscription/status/set'
screen | grep -qE 'Attempt 1: HTTP 2[0-9][0-9] in' || fail "the entry shows no response status"
wait_for 'denied → unsubscribed'
snap
keys Escape
wait_for 'Time (UTC)'
keys Escape
wait_for 'Filter cleared.'
keys q
wait_for 'exit=0'

# Waits for the sandbox writing to $1 to listen, then writes the demo workspace pointed at
# it (key from $MIZZEN_E2E_KEY) to $2.
point_at_sandbox() {
  local deadline=$((SECONDS + 20))
  until grep -qs 'listening on' "$1"; do
    sleep 0.1
    [ "$SECONDS" -lt "$deadline" ] || fail "the sandbox did not start"
  done
  python3 - "$ws" "$2" "$(sed -n 's/.*listening on //p' "$1")" <<'PYEOF'
import json, sys
w = json.load(open(sys.argv[1], encoding="utf-8"))
w["connections"][0]["endpoint"] = sys.argv[3]
w["connections"][0]["apiKey"] = {"env": "MIZZEN_E2E_KEY"}
json.dump(w, open(sys.argv[2], "w", encoding="utf-8"))
PYEOF
}

echo "-- a sandbox failing every request: keys still answer while the call retries"
# Every request fails (500, 503 or a dropped connection), so the call always retries until
# its attempts run out: a certain outcome, where a share of random failures was a gamble.
"$bin" sandbox --workspace "$ws" --key "$key" --fail-rate 1 >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
flaky=$work/flaky.json
point_at_sandbox "$work/sandbox.out" "$flaky"
run_in_shell "clear; $bin --workspace $flaky; echo exit=\$?"
wait_for '1 Connections'
keys 2
wait_for 'weekly_newsletter'
keys t
wait_for 'Test-send one signal'
type_text 'flaky@example.com'
wait_for 'Preview (enter sends)'
keys Enter
# While the call is out (its backoffs alone take more than a second), keys still answer.
keys '?'
wait_for 'close help'
keys Escape
wait_for 'Result:' 60
snap
[ "$(journal_count "$flaky.journal.jsonl" 'e["attempts"] > 1 and e["outcome"]["kind"] != "success"')" = 1 ] ||
  fail "a send through a sandbox that fails every request is not journaled with its retries"
keys Escape q
wait_for 'exit=0'

echo "-- quitting while a send is out: the send is cancelled and still journaled"
"$bin" sandbox --workspace "$ws" --key "$key" --latency 60000 >"$work/slow.out" 2>"$work/slow.err" &
slow_pid=$!
slow=$work/slow.json
point_at_sandbox "$work/slow.out" "$slow"
run_in_shell "clear; $bin --workspace $slow; echo exit=\$?"
wait_for '1 Connections'
keys 2
wait_for 'weekly_newsletter'
keys t
wait_for 'Test-send one signal'
type_text 'slow@example.com'
wait_for 'Preview (enter sends)'
keys Enter
wait_for 'Sending'
snap
# 1 leaves the test-send screen with the call still out (the sandbox holds it 60 s).
keys 1
wait_for 'Identity mapping'
keys q
wait_for 'exit=0' 15
[ "$(journal_count "$slow.journal.jsonl" 'e["outcome"]["kind"] == "cancelled"')" = 1 ] ||
  fail "the send that was out when the console quit is not journaled as cancelled"

echo "-- no screen showed the key"
if grep -lF -- "$key" "$work"/screen-*.txt; then fail "a screen showed the API key"; fi
if grep -qF -- "$key" "$ws.journal.jsonl" "$flaky.journal.jsonl" "$slow.journal.jsonl"; then
  fail "the journal holds the API key"
fi

echo "console-testsend: passed ($shots screens checked)"
