#!/usr/bin/env bash
# Regenerates the shell completions and the man page from the built mizzen binary, so that
# they list exactly the commands and options the argument parser knows:
#   completions/mizzen.bash, completions/_mizzen (zsh), completions/mizzen.fish, man/mizzen.1
# Usage: scripts/generate-completions.sh [path/to/mizzen]   (default: .build/debug/mizzen,
# built first when missing). The tests in Tests/MizzenCLITests fail while these are stale.
set -euo pipefail
cd "$(dirname "$0")/.."

mizzen=${1:-.build/debug/mizzen}
if [ ! -x "$mizzen" ]; then
  echo "building mizzen" >&2
  swift build --product mizzen >&2
fi

mkdir -p completions man
"$mizzen" --generate-completion-script bash >completions/mizzen.bash
"$mizzen" --generate-completion-script zsh >completions/_mizzen
"$mizzen" --generate-completion-script fish >completions/mizzen.fish
"$mizzen" --experimental-dump-help | python3 scripts/manpage.py "$("$mizzen" --version)" >man/mizzen.1
echo "wrote completions/mizzen.bash completions/_mizzen completions/mizzen.fish man/mizzen.1"
