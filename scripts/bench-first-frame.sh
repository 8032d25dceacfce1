#!/usr/bin/env bash
# First frame and memory of the release console on the 10,000-topic workspace, in a real
# terminal (tmux 100×30). mizzen itself measures, with MIZZEN_TRACE_FIRST_FRAME=1: the time
# from the kernel's start of the process to the first frame sent to the terminal, and the
# peak resident memory (VmHWM) at exit. Each run also moves through the topics and filters
# them before quitting, so the peak covers use, not only the start.
#   scripts/bench-first-frame.sh [RUNS]      budget: first frame ≤ 150 ms, memory < 100 MB
# WORKSPACE=path uses an existing workspace instead of generating /tmp/ws10k.json.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
command -v tmux >/dev/null || { echo "bench-first-frame needs tmux"; exit 2; }

swift build -c release --product mizzen >/dev/null
bin=$PWD/.build/release/mizzen
workspace=${WORKSPACE:-/tmp/ws10k.json}
if [ ! -s "$workspace" ]; then
  (cd Benchmarks && swift run -c release bench-store generate "$workspace" 10000)
fi

work=$(mktemp -d)
socket=mizzen-bench-$$
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
term=tmux-256color
infocmp "$term" >/dev/null 2>&1 || term=screen-256color
tmux_ -f /dev/null new-session -d -x 100 -y 30 -s bench \
  "env -i PATH=$PATH HOME=$work HISTFILE=/dev/null TERM=$term LANG=C.UTF-8 PS1='bench\$ ' bash --norc --noprofile"

wait_for() {
  local deadline=$((SECONDS + 30))
  until tmux_ capture-pane -p -t bench | grep -qF -- "$1"; do
    sleep 0.05
    [ "$SECONDS" -lt "$deadline" ] || { echo "timed out waiting for \"$1\""; exit 1; }
  done
}

wait_for 'bench$'
copy=$work/ws.json
for run in $(seq 1 "$runs"); do
  cp "$workspace" "$copy"
  tmux_ send-keys -t bench -l \
    "clear; MIZZEN_TRACE_FIRST_FRAME=1 $bin --read-only --workspace $copy 2>>$work/trace; echo done-$run"
  tmux_ send-keys -t bench Enter
  wait_for '2 Topics'
  tmux_ send-keys -t bench 2 G g
  tmux_ send-keys -t bench -l '/ニュース 99'
  tmux_ send-keys -t bench Escape Escape q
  wait_for "done-$run"
done

echo "first frame and peak memory, $runs runs, $(basename "$workspace"):"
cat "$work/trace"
frames=$(sed -E 's/.*first frame ([0-9]+) ms.*/\1/' "$work/trace" | sort -n)
peak=$(sed -E 's/.*peak memory ([0-9.]+) MB.*/\1/' "$work/trace" | sort -n | tail -1)
count=$(wc -l <<<"$frames")
median=$(sed -n "$(((count + 1) / 2))p" <<<"$frames")
echo "first frame: median $median ms, max $(tail -1 <<<"$frames") ms (budget 150 ms)"
echo "peak memory: max $peak MB (budget 100 MB)"
