#!/usr/bin/env bash
# First frame and memory of the release console in a real terminal (tmux 100×30): the first
# frame on the 10,000-topic workspace, the memory on the 100,000-topic one. mizzen itself
# measures, with MIZZEN_TRACE_FIRST_FRAME=1: the time from the kernel's start of the process
# to the first frame sent to the terminal, and the peak resident memory (VmHWM) at exit.
# Each run also moves through the topics and filters them before quitting, so the peak
# covers use, not only the start. Verdicts use the best of the runs, since the slower runs
# on a shared machine measure waiting for a core.
#   scripts/bench-first-frame.sh [RUNS]
#   budgets: first frame ≤ 150 ms at 10,000 topics, peak memory ≤ 100 MB at 100,000 topics
# WORKSPACE=path measures only that workspace (first frame and memory, with no verdict).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
command -v tmux >/dev/null || { echo "bench-first-frame needs tmux"; exit 2; }

swift build -c release --product mizzen >/dev/null
bin=$PWD/.build/release/mizzen
generated() {
  if [ ! -s "$1" ]; then
    (cd Benchmarks && swift run -c release bench-store generate "$1" "$2" >/dev/null)
  fi
  echo "$1"
}

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
# Runs the console RUNS times on $1; prints the best first frame (ms) and the peak (MB).
measure_workspace() {
  : >"$work/trace"
  for run in $(seq 1 "$runs"); do
    cp "$1" "$copy"
    tmux_ send-keys -t bench -l \
      "clear; MIZZEN_TRACE_FIRST_FRAME=1 $bin --read-only --workspace $copy 2>>$work/trace; echo done-$run"
    tmux_ send-keys -t bench Enter
    wait_for '2 Topics'
    tmux_ send-keys -t bench 2 G g
    tmux_ send-keys -t bench -l '/ニュース 99'
    tmux_ send-keys -t bench Escape Escape q
    wait_for "done-$run"
  done
  sed 's/^/  /' "$work/trace" >&2
  best=$(sed -E 's/.*first frame ([0-9]+) ms.*/\1/' "$work/trace" | sort -n | head -1)
  peak=$(sed -E 's/.*peak memory ([0-9.]+) MB.*/\1/' "$work/trace" | sort -n | tail -1)
  echo "$best $peak"
}

if [ -n "${WORKSPACE:-}" ]; then
  read -r best peak < <(measure_workspace "$WORKSPACE")
  echo "$(basename "$WORKSPACE"), $runs runs: first frame best $best ms, peak memory max $peak MB"
  exit 0
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each"
read -r best _ < <(measure_workspace "$(generated /tmp/ws10k.json 10000)")
verdict=ok
[ "$best" -le 150 ] || verdict=OVER
echo "first frame, 10,000 topics: best $best ms (budget 150 ms) $verdict"
read -r _ peak < <(measure_workspace "$(generated /tmp/ws100k.json 100000)")
verdict=$(python3 -c "import sys; print('ok' if float(sys.argv[1]) <= 100 else 'OVER')" "$peak")
echo "peak memory, 100,000 topics: max $peak MB (budget 100 MB) $verdict"
