#!/usr/bin/env bash
# Regenerates screenshots/*.png from the real `mizzen` binary: each screen is driven by keys
# in tmux, captured with its colours (`capture-pane -e`) and drawn on an exact cell grid by
# scripts/render-screen.py. One command: scripts/screenshots.sh (KEEP_CAPTURES=1 keeps the
# raw captures). The demo's in-process sandbox answers the test-sends; nothing leaves
# 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
dest=$PWD/screenshots

say() { printf '== %s\n' "$*"; }

install_missing() {
  local apt_packages=()
  command -v tmux >/dev/null || apt_packages+=(tmux)
  command -v python3 >/dev/null || apt_packages+=(python3)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || apt_packages+=(fonts-dejavu-core)
  [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || apt_packages+=(fonts-wqy-zenhei)
  [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || apt_packages+=(fonts-noto-color-emoji)
  if [ ${#apt_packages[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing ${apt_packages[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
    else
      echo "screenshots: please install ${apt_packages[*]} (Debian package names)" >&2
      exit 1
    fi
  fi
  python3 -c 'import PIL' 2>/dev/null ||
    python3 -m pip install -q --disable-pip-version-check pillow >/dev/null
}

install_missing

say "build mizzen"
swift build --product mizzen 2>&1 | tail -1
bin=$PWD/.build/debug/mizzen

say "renderer self-test"
python3 scripts/render-screen.py --self-test

# A fixed folder, so that the paths the console shows are the same on every run.
work=${TMPDIR:-/tmp}/mizzen-screenshots
rm -rf "$work"
mkdir -p "$work"
socket=mizzen-screenshots-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  if [ -n "${KEEP_CAPTURES:-}" ]; then echo "captures kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

fail() {
  echo "FAIL screenshots: $*" >&2
  echo "--- screen:" >&2
  screen >&2 || true
  exit 1
}

# Waits until two captures 0.15 s apart are the same, so that no shot catches a half-drawn
# frame.
settle() {
  local before after deadline=$((SECONDS + 5))
  after=$(tmux_ capture-pane -e -p -t e2e)
  while :; do
    sleep 0.15
    before=$after
    after=$(tmux_ capture-pane -e -p -t e2e)
    [ "$before" != "$after" ] || return 0
    [ "$SECONDS" -lt "$deadline" ] || fail "the screen did not settle"
  done
}

# Captures the pane with colours and renders screenshots/$1.png at the pane's size; a
# visible cursor is drawn as a block.
shot() {
  local name=$1 size cursor=()
  settle
  size=$(tmux_ display -p -t e2e '#{pane_width} #{pane_height} #{cursor_flag} #{cursor_x},#{cursor_y}')
  read -r cols rows visible at <<<"$size"
  [ "$visible" = 1 ] && cursor=(--cursor "$at")
  tmux_ capture-pane -e -p -N -t e2e >"$work/$name.ans"
  python3 scripts/render-screen.py --cols "$cols" --rows "$rows" "${cursor[@]}" \
    "$work/$name.ans" "$out/$name.png"
  printf '   %-28s %sx%s\n' "$name.png" "$cols" "$rows"
}

resize() {
  tmux_ resize-window -t e2e -x "$1" -y "$2"
}

# Shots go to a scratch folder and replace screenshots/*.png only when every one was made.
out=$work/png
mkdir -p "$out"
start_session

say "mizzen demo: sections, a form with problems, help, test-sends, History"
run_in_shell "clear; $bin demo --workspace $work/demo.json; echo exit=\$?"
wait_for 'no problems' 20
shot 01-connections
keys 2
wait_for 'weekly_newsletter'
shot 02-topics
keys Enter
wait_for 'weekly_newsletter channels'
shot 03-topic-channels
keys Escape 3
wait_for 'Mobile phone (E.164)'
shot 04-identity-spaces
keys 4
wait_for 'Demo website'
shot 05-properties

keys 2 n
wait_for 'New topic'
type_text 'Spring sale 🌸'
keys Tab C-u
type_text 'Spring-Sale!'
keys Tab
wait_for 'is not valid'
shot 06-form-problems
keys Escape
wait_for 'Discard changes?'
keys Tab Enter
wait_for 'Changes discarded.'
wait_gone 'Changes discarded.'

keys '?'
wait_for 'Keys (esc closes)'
shot 07-help
keys Escape

keys g t
wait_for 'Test-send one signal of topic weekly_newsletter'
type_text 'ada@example.com'
wait_for 'Preview (enter sends)'
shot 08-testsend-preview
keys Enter
wait_for 'Result: success' 20
keys v
wait_for 'Braze reports Subscribed' 20
shot 09-testsend-result
keys Escape
wait_for 'weekly_newsletter'
keys j t
wait_for 'Test-send one signal of topic special_offers'
keys Tab Tab Tab Right
wait_for '‹ denied ›'
keys Enter
wait_for 'Result: success' 20
keys v
wait_for 'Braze reports Unsubscribed' 20
keys Escape 5
wait_for 'special_offers/email'
wait_for 'weekly_newsletter/email'
wait_gone 'Braze reports Unsubscribed'
shot 10-history
keys Enter
wait_for 'Request 1 of'
shot 11-history-entry
keys Escape
wait_for 'Demo › History'

say "the same console at 80×24"
keys 2
wait_for 'order_updates'
resize 80 24
wait_for 'Demo › Topics'
shot 12-topics-80x24
resize 100 30
keys q
wait_for 'exit=0'

say "a workspace named in Japanese, Chinese, Korean and emoji"
intl=$work/acme-intl.json
broken=$work/acme-problems.json
python3 - Examples/acme.json "$intl" "$broken" <<'PY'
import copy, json, sys
w = json.load(open(sys.argv[1], encoding="utf-8"))
w["name"] = "Acme 🌏 アクメ"
for space in w["identitySpaces"]:
    space["name"] = {"email": "Email · メールアドレス", "phone": "Phone · 电话号码",
                     "customer_id": "Customer · 고객 ID"}.get(space["code"], space["name"])
w["topics"].insert(0, {
    "code": "birthday_club", "name": "🎂 Birthday club · 生日俱乐部",
    "description": "A treat in your birthday month 🎁", "legalBasis": "consent_optin",
    "channels": [{"channel": "push", "connection": "braze_us"}],
})
json.dump(w, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
# The same workspace with mistakes, for the problems list.
b = copy.deepcopy(w)
b["topics"][1]["channels"][0]["connection"] = "braze_apac"
b["topics"][3]["channels"] = []
b["topics"][4]["channels"][0]["subscriptionGroupId"] = "not-a-group-id"
b["connections"][1]["identityMapping"].append({"identitySpace": "line_id", "brazeField": "email"})
json.dump(b, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
run_in_shell "clear; $bin --workspace $intl; echo exit=\$?"
wait_for 'no problems' 20
keys 2
wait_for 'new_products_jp'
shot 13-cjk-emoji-topics
keys 3
wait_for 'メールアドレス'
shot 14-cjk-identity-spaces
keys q
wait_for 'exit=0'

say "the problems list, in a wide terminal"
resize 160 45
run_in_shell "clear; $bin --workspace $broken; echo exit=\$?"
wait_for ' error' 20
keys p
wait_for 'Problems'
shot 15-problems-160x45
keys Escape q
wait_for 'exit=0'

mkdir -p "$dest"
rm -f "$dest"/*.png
mv "$out"/*.png "$dest"/
say "done in $((SECONDS - started)) s: $(find "$dest" -name '*.png' | wc -l) screenshots in screenshots/"
