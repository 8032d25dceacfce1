#!/usr/bin/env bash
# A person's real state and the topic-level send, in the real console (tmux) on
# `mizzen demo`: `t` on a topic, "every channel", one v2 call for both groups; then `L`
# reads every topic × channel for that person (the two groups now Subscribed), `t` on a
# row test-sends it, and a second look-up shows the change. No screen may show the key.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh lookup
ws=$work/demo.json
socket=mizzen-e2e-lookup-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Keep the screens when asked, e.g. to look at them: MIZZEN_E2E_KEEP=/tmp/shots
keep=${MIZZEN_E2E_KEEP:-}

fail() {
  echo "FAIL lookup: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 || true
  exit 1
}

shots=0
snap() {
  shots=$((shots + 1))
  screen >"$work/screen-$shots.txt"
  [ -z "$keep" ] || cp "$work/screen-$shots.txt" "$keep/"
}

# Waits until a screen line matches the extended regular expression $1.
wait_for_line() {
  local deadline=$((SECONDS + ${2:-10}))
  until screen | grep -qE -- "$1"; do
    sleep 0.1
    [ "$SECONDS" -lt "$deadline" ] || fail "waited for a line matching /$1/"
  done
}

start_session

echo "-- t on a topic, every channel: one v2 call for the email and SMS groups"
run_in_shell "clear; $bin demo --workspace $ws; echo exit=\$?"
wait_for '1 Connections'
keys 2
wait_for 'special_offers'
keys j t
wait_for 'Test-send one signal of topic special_offers'
# The focus starts on the first identity value; shift-tab reaches the channel field.
keys BTab Left
wait_for 'every channel (email, sms)'
keys Tab Tab Tab
type_text 'e2e-person-1'
wait_for 'email+sms: v2: one call for 2 groups'
wait_for '/v2/subscription/status/set'
snap
keys Enter
wait_for 'Result: success' 20
wait_for 'Sent to every channel in 1 call'
snap
python3 - "$ws.journal.jsonl" <<'PYEOF' || fail "the journal does not hold the v2 send for both groups"
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
e = entries[-1]
assert e["channel"] == "email+sms", e["channel"]
assert e["requests"][0]["url"].endswith("/v2/subscription/status/set"), e["requests"][0]["url"]
assert e["outcome"]["kind"] == "success"
assert e["requests"][0]["body"].count("subscription_group_id") == 2
PYEOF

echo "-- L: every topic × channel for that person, as Braze has it now"
keys Escape
wait_for 'special_offers'
keys L
wait_for "Look up a person's state in Braze"
# The customer id typed for the send is remembered.
wait_for '[e2e-person-1]'
keys Enter
wait_for 'Read 5 state(s)' 20
wait_for_line 'special_offers/email +demo_sandbox +external_id=e2e-person-1 +Subscribed'
wait_for_line 'special_offers/sms +demo_sandbox +external_id=e2e-person-1 +Subscribed'
wait_for_line 'order_updates/sms .* Unknown'
snap

echo "-- t on a row test-sends it; a second look-up shows the change"
keys Down Down Down Down
wait_for_line '› order_updates/sms'
keys t
wait_for 'Test-send one signal of topic order_updates'
wait_for '[e2e-person-1]'
wait_for 'v1: one SMS group for one identifier'
keys Enter
wait_for 'Result: success' 20
snap
keys Escape
wait_for "Look up a person's state in Braze"
keys Enter
wait_for_line 'order_updates/sms .* Subscribed' 20
snap
keys Escape
wait_for 'special_offers'
keys q
wait_for 'exit=0'

echo "-- no screen showed the key"
# The demo's key is made up per run as demo-<uuid> and lives only in the process.
if grep -lE -- 'demo-[0-9a-f]{8}-[0-9a-f]{4}-' "$work"/screen-*.txt; then
  fail "a screen showed the demo's API key"
fi

echo "lookup: passed ($shots screens checked)"
