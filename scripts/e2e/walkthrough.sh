#!/usr/bin/env bash
# The README's five-minute walkthrough, executed as written: its steps are read from
# README.md between <!-- walkthrough:begin --> and <!-- walkthrough:end --> (shell blocks,
# key tables, "You should see" texts) and played in tmux, one session per terminal of the
# text, in a fresh folder, with `swift run mizzen` as the built binary and port 4567 as a
# free one. After every step the screen must show the step's expected text. Then the files:
# `mizzen validate` exits 0, the journal holds the granted send with HTTP 201, and neither
# a console screen nor a file of the folder holds the exported API key.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh walkthrough
folder=$work/walkthrough
mkdir "$folder"
mkdir "$work/screens"
base_socket=mizzen-e2e-walkthrough-$$
socket=$base_socket-0
started=()
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
# Joined lines: a long command output wraps at 100 columns, and expected texts may span the wrap.
screen() { tmux_ capture-pane -p -J -t e2e; }
cleanup() {
  for name in "${started[@]}"; do tmux -L "$name" kill-server 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

step_name="(before the first step)"
port=""
step_keys=""
fail() {
  {
    echo "FAIL walkthrough: README walkthrough $step_name"
    [ -z "$step_keys" ] || echo "  keys: $step_keys"
    echo "  $*"
    echo "  (README's port 4567 is played as $port, \`swift run mizzen\` as $bin)"
    echo "--- screen of terminal ${terminal:-?}:"
    tmux_ capture-pane -p -t e2e 2>/dev/null || true
  } >&2
  exit 1
}

# A port nobody listens on now, for the README's 4567.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 scripts/e2e/lib/walkthrough_steps.py README.md "$bin" "$port" >"$work/steps.tsv"

# Switches to terminal $1, opening it in the walkthrough folder the first time.
use_terminal() {
  terminal=$1
  socket=$base_socket-$terminal
  if ! tmux_ has-session -t e2e 2>/dev/null; then
    started+=("$socket")
    start_session
    run_in_shell "cd $folder && clear"
    wait_for 'e2e$'
  fi
}

# True while the pane's shell runs a program (the console, the sandbox).
program_running() {
  local shell_pid
  shell_pid=$(tmux_ display -p -t e2e '#{pane_pid}')
  pgrep -P "$shell_pid" >/dev/null
}

# Keeps the screen when the console is what it shows, to prove afterwards that no console
# screen held the key. (The shell's own lines show the `export` as typed, by design.)
shots=0
keep_console_screen() {
  local shell_pid
  shell_pid=$(tmux_ display -p -t e2e '#{pane_pid}')
  if pgrep -a -P "$shell_pid" | grep -q ' console '; then
    shots=$((shots + 1))
    screen >"$work/screens/$shots.txt"
  fi
}

# A console step with no expected text ends the program: wait for the shell to be back.
finish_step() {
  if [ "$step_kind" = step ] && [ "$step_expects" -eq 0 ]; then
    local deadline=$((SECONDS + 15))
    while program_running; do
      sleep 0.1
      [ "$SECONDS" -lt "$deadline" ] || fail "the program did not end within 15 s"
    done
  fi
}

secrets=()
step_kind=""
step_expects=0
steps=0
began=$SECONDS
while IFS=$'\t' read -r kind first second; do
  case $kind in
    term) use_terminal "$first" ;;
    step | shell)
      finish_step
      step_kind=$kind
      step_expects=0
      steps=$((steps + 1))
      if [ "$kind" = step ]; then
        step_name="step $first (terminal $terminal)"
        step_keys=$second
      else
        step_name="\"$first\""
        step_keys="commands: $second"
      fi
      ;;
    secret) secrets+=("$first") ;;
    run) run_in_shell "$first" ;;
    key) keys "$first" ;;
    text) type_text "$first" ;;
    expect)
      step_expects=$((step_expects + 1))
      wait_for "$first" 20
      keep_console_screen
      ;;
    *) fail "unknown record from walkthrough_steps.py: $kind" ;;
  esac
done <"$work/steps.tsv"
finish_step
step_name="(after the last step)"
step_keys=""
echo "-- $steps README steps played in $((SECONDS - began)) s"

ws=$folder/walkthrough.json
journal=$ws.journal.jsonl
set +e
validate_out=$("$bin" validate --workspace "$ws" 2>&1)
status=$?
set -e
[ "$status" -eq 0 ] || fail "mizzen validate exits $status on the walkthrough's workspace: $validate_out"

python3 - "$journal" <<'PY' || fail "the journal has no granted send of weekly_newsletter/email with HTTP 201"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
sys.exit(0 if any(
    e["topic"] == "weekly_newsletter" and e["channel"] == "email" and e["state"] == "granted"
    and e["outcome"]["kind"] == "success" and e["outcome"]["status"] == 201
    for e in entries) else 1)
PY

[ "${#secrets[@]}" -gt 0 ] || fail "the walkthrough exports no key, so nothing proves it stays hidden"
[ "$shots" -gt 0 ] || fail "no console screen was kept"
for secret in "${secrets[@]}"; do
  if grep -rlF -- "$secret" "$work/screens"; then fail "a console screen showed the API key"; fi
  if grep -rlF -- "$secret" "$folder"; then fail "a file of the walkthrough folder holds the API key"; fi
done

echo "walkthrough: passed ($steps steps, $shots console screens checked, files: $(ls -A "$folder" | tr '\n' ' '))"
