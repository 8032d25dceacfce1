#!/usr/bin/env bash
# The committed zsh and fish completions in a real interactive shell (tmux, 150×30): tab
# offers --channel's and --state's values, the topic codes and connection codes of the
# workspace the line names (read through mizzen on PATH), and file paths for --workspace.
# bash is checked by CompletionAndManualTests. A shell that is not installed is skipped
# with a line saying so (scripts/test installs both).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh completions
ws=$work/acme.json
cp Examples/acme.json "$ws"
touch "$work/other.txt"
socket_base=mizzen-e2e-completions-$$
socket=$socket_base
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

shell=
fail() {
  echo "FAIL completions ($shell): $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 2>/dev/null || true
  exit 1
}

# Types $1 on a fresh line, presses tab, and waits for each of the other arguments.
offers() {
  local line=$1
  shift
  keys C-c
  sleep 0.2
  tmux_ clear-history -t e2e
  keys C-l
  sleep 0.2
  type_text "$line"
  keys Tab
  for text in "$@"; do wait_for "$text"; done
}

# Starts $1 (the shell's command line) in a clean environment with mizzen on PATH, in a
# tmux server of its own: a new session on the socket of a server just told to exit can
# land on that server as it goes ("server exited unexpectedly", once in 10 loaded runs).
start_shell() {
  tmux_ kill-server 2>/dev/null || true
  socket=$socket_base-$shell
  tmux_ -f /dev/null new-session -d -x 150 -y 30 -s e2e \
    "env -i PATH=$(dirname "$bin"):/usr/bin:/bin HOME=$work TERM=screen LANG=C.UTF-8 $1"
  sleep 0.5
}

checks() {
  offers 'mizzen send --channel ' email sms whatsapp push
  offers 'mizzen send --state ' granted denied
  offers "mizzen send --workspace $ws --topic " weekly_newsletter order_updates events_kr
  offers "mizzen check-connection --workspace $ws braze_e" "$ws braze_eu"
  offers "mizzen send --workspace $work/acm" "$ws"
}

ran=0
if command -v zsh >/dev/null; then
  shell=zsh
  echo "-- zsh"
  start_shell "zsh -f"
  type_text "fpath=($PWD/completions \$fpath); autoload -U compinit; compinit -u; echo ready \$((6 * 7))"
  keys Enter
  wait_for 'ready 42'
  checks
  ran=$((ran + 1))
else
  echo "SKIP completions (zsh): zsh is not installed"
fi

if command -v fish >/dev/null; then
  shell=fish
  echo "-- fish"
  start_shell "fish --no-config"
  type_text "source $PWD/completions/mizzen.fish; echo ready (math 6 \* 7)"
  keys Enter
  wait_for 'ready 42'
  checks
  ran=$((ran + 1))
else
  echo "SKIP completions (fish): fish is not installed"
fi

echo "PASS completions ($ran shells)"
