# shellcheck shell=bash
# What every console end-to-end script does first, once it is in the repository folder:
# skip (with a line saying so) when tmux is missing, build the debug binary if it is not
# there, and make a fresh temporary folder. Sets `bin` and `work`.
# Usage: . scripts/e2e/lib/prelude.sh NAME
if ! command -v tmux >/dev/null; then
  echo "SKIP $1: tmux is not installed (scripts/test installs it)"
  exit 0
fi

bin=$PWD/.build/debug/mizzen
[ -x "$bin" ] || swift build --product mizzen >/dev/null
work=$(mktemp -d)
