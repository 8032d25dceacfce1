# Helpers for the tmux end-to-end scripts, sourced after setting `socket` and `work`; the
# script defines `fail MESSAGE`. The session is named e2e and runs a bare bash in a UTF-8
# 100×30 terminal; scripts synchronise by polling the screen, never by sleeping alone.

tmux_() { tmux -L "$socket" "$@"; }

screen() { tmux_ capture-pane -p -t e2e; }

# Waits until the screen shows $1 (fixed text), up to $2 seconds (default 10).
wait_for() {
  local text=$1 limit=${2:-10}
  local deadline=$((SECONDS + limit))
  until screen | grep -qF -- "$text"; do
    sleep 0.1
    [ "$SECONDS" -lt "$deadline" ] || fail "waited ${limit}s for \"$text\""
  done
}

# Waits until the screen no longer shows $1, such as a status message that expires.
wait_gone() {
  local deadline=$((SECONDS + 15))
  while screen | grep -qF -- "$1"; do
    sleep 0.2
    [ "$SECONDS" -lt "$deadline" ] || fail "\"$1\" stayed on the screen"
  done
}

keys() { tmux_ send-keys -t e2e "$@"; }
type_text() { tmux_ send-keys -t e2e -l "$1"; }
run_in_shell() { keys -l "$1"; keys Enter; }

mizzen_pid() {
  local shell_pid
  shell_pid=$(tmux_ display -p -t e2e '#{pane_pid}')
  pgrep -P "$shell_pid" -x mizzen || true
}

# Starts the session with a clean environment plus any NAME=VALUE arguments.
start_session() {
  # Inside tmux, keys arrive as tmux encodes them (End is \e[4~), so TERM must be tmux's own.
  local term=tmux-256color
  infocmp "$term" >/dev/null 2>&1 || term=screen-256color
  tmux_ -f /dev/null new-session -d -x 100 -y 30 -s e2e \
    "env -i PATH=$PATH HOME=$work HISTFILE=/dev/null TERM=$term LANG=C.UTF-8 $* PS1='e2e\$ ' bash --norc --noprofile"
  tmux_ resize-window -t e2e -x 100 -y 30
  wait_for 'e2e$'
}
