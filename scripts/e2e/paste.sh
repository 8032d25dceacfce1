#!/usr/bin/env bash
# Hard text pasted into every text input of the real console (tmux, 100×30, UTF-8), with
# tmux's paste-buffer, bracketed (-p) and not: a decomposed é, ❤️ (VS16), 👍🏽, 👩‍💻, a flag,
# Devanagari, Hangul in jamo, Arabic and CJK.
#  1. a connection's name, bracketed and not, saved: the workspace file holds exactly what
#     was pasted (read with python3 json); a pasted tab is left out with a message;
#  2. the / filter: the pasted name finds its connection (1 match);
#  3. the : line: an unknown command made of it is refused with a message naming it;
#  4. test-send values: an email value shows what was pasted; a customer id is sent, and
#     the value remembered beside the workspace (read with python3 json) is exactly it;
# and the console is alive and quits with status 0 after all of it.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh paste
ws=$work/acme.json
cp Examples/acme.json "$ws"
socket=mizzen-e2e-paste-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
# shellcheck source=scripts/e2e/lib/workspace-file.sh
. scripts/e2e/lib/workspace-file.sh
flat_screen() { tmux_ capture-pane -p -J -t e2e | tr -s ' \n' '  '; }
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL paste: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 2>/dev/null || true
  exit 1
}

hard=$'Mae\u0301l \u2764\ufe0f \U0001F44D\U0001F3FD \U0001F469\u200d\U0001F4BB \U0001F1EB\U0001F1F7 \u0928\u092e\u0938\u094d\u0924\u0947 \u1100\u1161\u11a8 \u0645\u0631\u062d\u0628\u0627 \u65e5\u672c\u8a9e'

# Pastes $1 into the pane; with "bracketed" as $2, as a terminal marks a paste.
paste() {
  tmux_ set-buffer -b hard -- "$1"
  if [ "${2:-}" = bracketed ]; then
    tmux_ paste-buffer -p -d -b hard -t e2e
  else
    tmux_ paste-buffer -d -b hard -t e2e
  fi
}

# The Python expression that the first connection's name is exactly $1.
name_is() {
  python3 -c 'import json, sys; print("w[\"connections\"][0][\"name\"] == " + json.dumps(sys.argv[1], ensure_ascii=False))' "$1"
}

# Waits until the test-send value of identity space $1 remembered beside the workspace is
# exactly $2.
wait_state() {
  local deadline=$((SECONDS + 10))
  until python3 - "$ws.mizzen-state.json" "$1" "$2" <<'PY' 2>/dev/null; do
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    sys.exit(0 if json.load(f)["identities"].get(sys.argv[2]) == sys.argv[3] else 1)
PY
    sleep 0.1
    [ "$SECONDS" -lt "$deadline" ] || fail "the remembered test-send value is not what was pasted"
  done
}

alive() {
  [ -n "$(mizzen_pid)" ] || fail "the console is gone"
}

start_session
run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for '1 Connections'

echo "-- a connection's name, bracketed paste"
keys Enter
wait_for 'ctrl-s saves'
keys C-u
paste "$hard" bracketed
keys C-s
wait_file "$(name_is "$hard")"
wait_gone 'ctrl-s saves'
alive

echo "-- the same name, pasted without brackets, after a bracketed tab that is left out"
wait_for '1 Connections'
keys Enter
wait_for 'ctrl-s saves'
keys C-u
paste $'A\tB' bracketed
wait_for 'Left out 1 control character (tab)'
keys C-u
paste "2 $hard"
keys C-s
wait_file "$(name_is "2 $hard")"
wait_gone 'ctrl-s saves'
alive

echo "-- the / filter finds the connection by the pasted name"
wait_for '1 Connections'
keys /
paste "$hard" bracketed
keys Enter
wait_for '1 match;'
keys Escape
wait_for 'Filter cleared.'
alive

echo "-- the : line refuses a command made of hard text"
keys :
paste "$hard" bracketed
keys Enter
wait_for 'Unknown command'
flat_screen | grep -qF '“:mae' || fail "the unknown command is not named as it was pasted"
flat_screen | grep -qF '日本語' || fail "the unknown command lost its CJK"
alive

echo "-- a test-send value"
keys 2
wait_for 'weekly_newsletter'
keys t
wait_for 'Test-send one signal of topic weekly_newsletter'
value="e${hard// /}@example.com"
paste "$value" bracketed
wait_for '@example.com]'
flat_screen | grep -qF 'Mae' || fail "the test-send value does not show what was pasted"
alive
# Braze refuses such an email address before anything is sent; an external id takes any
# text. Enter sends (nothing goes out: the key's variable is not set in this
# environment), and the value is remembered beside the workspace: that file holds
# exactly what was pasted.
keys C-u Tab Tab
paste "$hard" bracketed
keys Enter
wait_state customer_id "$hard"
alive
keys Escape
wait_for 'weekly_newsletter'

keys q
wait_for 'exit=0'
wait_file "$(name_is "2 $hard")"
wait_state customer_id "$hard"
echo "PASS paste"
