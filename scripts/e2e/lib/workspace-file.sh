# Sourced by the tmux end-to-end scripts that check the workspace file `$ws`; the script
# defines `fail MESSAGE`.

# Waits until the Python expression $1 over the workspace `w` is true, up to 10 seconds.
wait_file() {
  local check=$1 deadline=$((SECONDS + 10))
  until python3 - "$ws" "$check" <<'PY' 2>/dev/null
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    w = json.load(f)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
  do
    sleep 0.1
    [ "$SECONDS" -lt "$deadline" ] || fail "the workspace file never satisfied: $check"
  done
}
