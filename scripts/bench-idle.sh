#!/usr/bin/env bash
# CPU used by an idle console: opens the console on a workspace in a real terminal (tmux
# 100×30), waits for the first frame and for any start-up message to expire, then reads
# the process's CPU time (utime + stime, /proc/PID/stat fields 14 and 15) before and after
# SECONDS_IDLE seconds without input, and prints the share of one core it used.
#   scripts/bench-idle.sh [SECONDS_IDLE]          goal: < 0.3 % of a core
# BIN=path measures another binary (default: the debug build); WORKSPACE=path another file.
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-10}
command -v tmux >/dev/null || { echo "bench-idle needs tmux"; exit 2; }

bin=${BIN:-$PWD/.build/debug/mizzen}
[ -x "$bin" ] || swift build --product mizzen >/dev/null
work=$(mktemp -d)
workspace=${WORKSPACE:-$work/acme.json}
[ -s "$workspace" ] || cp Examples/acme.json "$workspace"
socket=mizzen-bench-idle-$$
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
term=tmux-256color
infocmp "$term" >/dev/null 2>&1 || term=screen-256color
tmux_ -f /dev/null new-session -d -x 100 -y 30 -s bench \
  "env -i PATH=$PATH HOME=$work TERM=$term LANG=C.UTF-8 $bin --read-only --workspace $workspace"

deadline=$((SECONDS + 30))
until tmux_ capture-pane -p -t bench | grep -qF -- '2 Topics'; do
  sleep 0.05
  [ "$SECONDS" -lt "$deadline" ] || { echo "timed out waiting for the first frame"; exit 1; }
done
pid=$(tmux_ list-panes -t bench -F '#{pane_pid}')
# The read-only notice expires after 8 s (80 ticks); idle starts once it has.
sleep 9

cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(cpu)
start=$(date +%s.%N)
sleep "$idle"
after=$(cpu)
end=$(date +%s.%N)
awk -v b="$before" -v a="$after" -v s="$start" -v e="$end" -v hz="$hz" 'BEGIN {
  used = (a - b) / hz; wall = e - s
  printf "idle console: %.2f s CPU in %.1f s = %.2f %% of a core\n", used, wall, 100 * used / wall
}'
tmux_ send-keys -t bench q
