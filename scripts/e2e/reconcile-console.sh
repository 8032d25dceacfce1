#!/usr/bin/env bash
# Reconcile in the real console (tmux) on `mizzen demo`: the demo writes a preference
# export beside its workspace and seeds its sandbox with Braze-side states that disagree
# for some people; `:reconcile demo-preferences.csv` runs the read-only compare as a job,
# shows the counts per topic × channel (the drift the journal recorded), and its report
# filters; enter on a row looks that person up, t opens a test-send of the row's topic
# and channel with the person and the expected state. No screen may show the key.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh reconcile-console
ws=$work/demo.json
export_file=$work/demo-preferences.csv
socket=mizzen-e2e-reconcile-console-$$
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
  echo "FAIL reconcile-console: $*" >&2
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

echo "-- the demo writes its export and says how to reconcile it"
run_in_shell "clear; $bin demo --workspace $ws; echo exit=\$?"
wait_for ':reconcile demo-preferences.csv'
[ -s "$export_file" ] || fail "the demo wrote no export beside its workspace"
rows=$(($(wc -l <"$export_file") - 1))
[ "$rows" -ge 300 ] || fail "the demo's export has only $rows rows"
snap

echo "-- :reconcile FILE runs the compare and shows the counts per topic × channel"
keys :
type_text 'reconcile demo-preferences.csv'
keys Enter
wait_for 'Done: reading' 30
wait_for 'topic/channel'
wait_for 'Report:'
snap
# The drift the summary shows is the drift the run journaled.
journal=$ws.reconcile.jsonl
[ -s "$journal" ] || fail "the run left no line in $journal"
drift=$(python3 - "$journal" <<'PYEOF'
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
read = [e for e in entries if e.get("kind") == "reconcile.read"][-1]
assert read["stopped"] is False and read["fatal"] is None, read
print(read["drift"])
PYEOF
) || fail "the journal's reconcile line is not as expected"
[ "$drift" -gt 0 ] || fail "the demo's reconcile found no drift"
shown=$(screen | python3 -c '
import re, sys
total = 0
for line in sys.stdin:
    m = re.match(r"\s*(\w+/\w+)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s*$", line)
    if m:
        total += int(m.group(3).replace(",", "")) + int(m.group(4).replace(",", ""))
print(total)')
[ "$shown" = "$drift" ] || fail "the summary shows $shown drifting rows, the journal $drift"
echo "   drift $drift (summary and journal agree)"

echo "-- ? explains the screen and lists its keys"
keys ?
wait_for 'Reconcile: a read-only compare of a preference export'
wait_for 'look the row'"'"'s person up in Braze'
snap
keys Escape
wait_for 'Report:'

echo "-- / filters the report"
keys /
type_text 'drift special_offers/sms'
wait_for 'filter “drift special_offers/sms”'
keys Enter
wait_for_line 'match(es)?; esc clears the filter'
screen | grep -E '^ +(›| ) (drift|unknown|refused) ' | grep -vqF 'special_offers/sms' &&
  fail "a row that does not match the filter is listed"
wait_for_line '› drift +special_offers/sms'
snap
selected=$(screen | grep -E '› drift +special_offers/sms' | head -1)
person=$(echo "$selected" | grep -oE '[a-z_]+=[^ ]+' | head -1)
[ -n "$person" ] || fail "the selected row names no person: $selected"
space=${person%%=*}
value=${person#*=}
echo "   selected $space=$value"

echo "-- enter looks the row's person up"
keys Enter
wait_for "Look up a person's state in Braze"
wait_for "[$value]"
wait_for_line 'Read [0-9]+ state\(s\)' 20
wait_for_line "› special_offers/sms .*$value .*(Subscribed|Unsubscribed)"
snap
keys Escape
wait_for 'Report:'

echo "-- t opens the test-send of the row with the person and the expected state"
keys t
wait_for 'Test-send one signal of topic special_offers'
wait_for "[$value]"
expected=$(echo "$selected" | grep -oE ' (granted|denied) ' | head -1 | tr -d ' ')
[ -n "$expected" ] || fail "the selected row shows no expected state: $selected"
wait_for_line "Choice .*$expected"
snap
keys Escape
wait_for 'Report:'

echo "-- esc clears the filter, esc closes, q quits"
keys Escape
wait_for 'Filter cleared.'
keys Escape
wait_for '1 Connections'
keys q
wait_for 'exit=0'

echo "-- no screen showed the key"
# The demo's key is made up per run as demo-<uuid> and lives only in the process.
if grep -lE -- 'demo-[0-9a-f]{8}-[0-9a-f]{4}-' "$work"/screen-*.txt; then
  fail "a screen showed the demo's API key"
fi

echo "reconcile-console: passed ($shots screens checked)"
