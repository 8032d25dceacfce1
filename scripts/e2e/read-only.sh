#!/usr/bin/env bash
# Files that should not be written, in the real console (tmux, 100×30, UTF-8), run as root
# (who may write anything, so the console judges owner and mode itself):
#  1. a 0444 file opens read-only with the reason in the header; a change is refused and
#     the file is untouched; `:w!` allows changes, and the save keeps the file's mode;
#  2. a file owned by another uid, and a file in a 0555 folder, open read-only too.
# Synchronises by polling the screen and the file, never by sleeping alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh read-only
if [ "$(id -u)" != 0 ]; then
  echo "SKIP read-only: chown to another uid needs root"
  exit 0
fi
ws=$work/ro/acme.json
socket=mizzen-e2e-read-only-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL read-only: $*" >&2
  echo "--- screen:" >&2
  tmux_ capture-pane -p -t e2e >&2 || true
  exit 1
}

# Opens the console on $1 and waits for its header to say why it is read-only ($2).
open_read_only() {
  run_in_shell "clear; $bin --workspace $1; echo exit=\$?"
  wait_for "[read-only: $2]"
}

quit() {
  keys q
  wait_for 'exit=0'
}

mkdir "$work/ro"
cp Examples/acme.json "$ws"
chmod 0444 "$ws"
before=$(sha256sum <"$ws")
start_session

echo "-- 1. a 0444 file: read-only with the reason, a change is refused"
open_read_only "$ws" 'mode 0444'
keys d
wait_for 'Read-only (mode 0444); :w! allows changes.'
[ "$(sha256sum <"$ws")" = "$before" ] || fail "the read-only file changed"

echo "-- 1. :w! allows the change, and the save keeps the mode"
keys :
type_text 'w!'
keys Enter
wait_for 'saves now write over the file'
screen | head -1 | grep -qF 'read-only' && fail "the header still says read-only after :w!"
keys d Right Enter
wait_for 'Saved'
[ "$(sha256sum <"$ws")" != "$before" ] || fail "the allowed save did not write the file"
[ "$(stat -c %a "$ws")" = 444 ] || fail "the save changed the file's mode to $(stat -c %a "$ws")"
quit

echo "-- 2. a file owned by another user"
chmod 0644 "$ws"
chown 4242:4242 "$ws"
open_read_only "$ws" 'owned by uid 4242'
quit

echo "-- 2. a file in a 0555 folder"
chown 0:0 "$ws"
chmod 0555 "$work/ro"
open_read_only "$ws" 'folder not writable'
quit
[ -z "$(ls -A "$work/ro" | grep -vx acme.json | grep -vx 'acme.json.bak' | grep -vx 'acme.json.lock')" ] ||
  fail "opening left a file behind: $(ls -A "$work/ro")"

echo "read-only: passed"
