#!/usr/bin/env bash
# A 401 whose body echoes the key, as Braze's does ("Invalid API key: <key>"): in the real
# console (tmux) against `mizzen sandbox`, a test-send with a wrong key is refused, and the
# key the console sent appears on no screen (the result, History, the entry opened in
# full), nowhere in the journal and nowhere in the workspace folder.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh key-echo
wrong=e2e-wrong-key-$$-SECRET9876
right=e2e-right-key-$$-0123456789
group=5e1d6c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6
socket=mizzen-e2e-key-echo-$$
sandbox_pid=
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL key-echo: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 || true
  exit 1
}

shots=0
snap() {
  shots=$((shots + 1))
  screen >"$work/screen-$shots.txt"
}

"$bin" sandbox --key "$right" --group "$group:email" >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
deadline=$((SECONDS + 20))
until grep -qs 'listening on' "$work/sandbox.out"; do
  sleep 0.1
  [ "$SECONDS" -lt "$deadline" ] || fail "the sandbox did not start"
done
endpoint=$(sed -n 's/.*listening on //p' "$work/sandbox.out")
ws=$work/echo.json
python3 - "$ws" "$endpoint" "$group" <<'PYEOF'
import json, sys
path, endpoint, group = sys.argv[1:]
json.dump({
  "format": "mizzen.workspace", "version": 1, "name": "Echo",
  "connections": [{"code": "braze", "name": "Braze", "endpoint": endpoint,
    "apiKey": {"env": "MIZZEN_E2E_KEY"},
    "identityMapping": [{"identitySpace": "email", "brazeField": "email"}]}],
  "identitySpaces": [{"code": "email", "name": "Email", "valueType": "email",
    "marketingPreference": True}],
  "properties": [{"code": "web", "name": "Web", "platform": "web", "identities": [
    {"identitySpace": "email", "type": "dataLayer", "variable": "user.email",
     "format": "string", "key": "", "encoding": "none"}]}],
  "topics": [{"code": "news", "name": "News", "channels": [
    {"channel": "email", "connection": "braze", "subscriptionGroupId": group}]}],
}, open(path, "w", encoding="utf-8"))
PYEOF

start_session "MIZZEN_E2E_KEY=$wrong"
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for '1 Connections'
keys 2
wait_for 'news'
keys t
wait_for 'Test-send one signal of topic news'
type_text 'echo@example.com'
wait_for 'Preview (enter sends)'
snap
keys Enter
wait_for 'Result:' 20
wait_for '401'
snap
keys Escape 5
wait_for 'news/email'
snap
keys Enter
wait_for 'Attempt 1: HTTP 401'
snap
keys Escape Escape q
wait_for 'exit=0'

for shot in "$work"/screen-*.txt; do
  ! grep -qF -- "$wrong" "$shot" || fail "a screen shows the key: $shot"
done
[ "$shots" -ge 4 ] || fail "only $shots screens were captured"
if grep -rqF --exclude='screen-*.txt' -- "$wrong" "$work"; then
  fail "a file holds the key: $(grep -rlF --exclude='screen-*.txt' -- "$wrong" "$work")"
fi
python3 - "$ws.journal.jsonl" "$wrong" <<'PYEOF' || fail "the journal does not hold the masked echo"
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
refused = [e for e in entries if e["outcome"]["kind"] == "unauthorized"]
assert refused, "no refused send"
text = json.dumps(refused[-1])
assert "Invalid API key" in text, "Braze's echo is not journaled at all"
assert sys.argv[2] not in text
PYEOF
echo "PASS key-echo"
