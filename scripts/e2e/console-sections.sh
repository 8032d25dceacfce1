#!/usr/bin/env bash
# The real console in a real terminal (tmux, 100×30, UTF-8): an identity space, a
# connection, a topic with two channels and a property capture are created by keys, and
# `mizzen validate` accepts the file; a name with joined emoji keeps its row whole after
# another screen; then on a 10,000-topic workspace a filter narrows
# the Topics list to the matching rows.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/lib/prelude.sh
. scripts/e2e/lib/prelude.sh console-sections
ws=$work/e2e.json
socket=mizzen-e2e-sections-$$
# shellcheck source=scripts/e2e/lib/tmux-session.sh
. scripts/e2e/lib/tmux-session.sh
# shellcheck source=scripts/e2e/lib/workspace-file.sh
. scripts/e2e/lib/workspace-file.sh
cleanup() {
  tmux_ kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL console-sections: $*" >&2
  echo "--- screen:" >&2
  screen >&2 || true
  echo "--- workspace:" >&2
  cat "$ws" >&2 2>/dev/null || echo "(no file)" >&2
  exit 1
}

start_session

run_in_shell "clear; $bin --workspace $ws; echo exit=\$?"
wait_for '1 Connections'
# With no key pressed, the header's "checking…" gives way to the problem count.
wait_for 'no problems' 5

echo "-- identity space, flagged as the marketing preference identity"
keys 3 n
wait_for 'New identity space'
type_text 'Email 電子メール'
keys Tab Tab Tab Right C-s
wait_file 'len(w["identitySpaces"]) == 1 and w["identitySpaces"][0]["marketingPreference"] and w["identitySpaces"][0]["valueType"] == "email"'
space=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["identitySpaces"][0]["code"])' "$ws")

echo "-- connection mapping that space to email"
keys 1 n
wait_for 'New connection'
type_text 'Braze E2E'
keys Tab Tab Tab Tab
type_text 'E2E_BRAZE_KEY'
keys C-s
wait_file 'len(w["connections"]) == 1 and w["connections"][0]["identityMapping"] == [{"identitySpace": "'"$space"'", "brazeField": "email"}]'

echo "-- topic, then its email and push channels"
keys 2 n
wait_for 'New topic'
type_text 'E2E ニュース 📰'
keys Tab Tab Tab Right Right Right Right C-s
wait_file 'len(w["topics"]) == 1 and w["topics"][0]["legalBasis"] == "consent_optin"'
keys Enter
wait_for 'No channels yet'
keys n
wait_for 'New channel of'
keys Tab Tab
type_text '"4ba71ab7-ac05-44a5-acc6-be1805fdf179" '
keys C-s
wait_file 'w["topics"][0]["channels"] == [{"channel": "email", "connection": "braze_e2e", "subscriptionGroupId": "4ba71ab7-ac05-44a5-acc6-be1805fdf179"}]'
keys n
wait_for 'New channel of'
keys Left C-s
wait_file 'len(w["topics"][0]["channels"]) == 2 and w["topics"][0]["channels"][1] == {"channel": "push", "connection": "braze_e2e"}'
wait_for 'Push'

echo "-- property with an identity capture"
keys 4 n
wait_for 'New property'
type_text 'Website'
keys C-s
wait_file 'len(w["properties"]) == 1 and w["properties"][0]["platform"] == "web"'
keys Enter
wait_for 'No identity captures yet'
keys n
wait_for 'New capture on'
keys Tab Tab
type_text 'user.email'
keys C-s
wait_file 'w["properties"][0].get("identities") == [{"identitySpace": "'"$space"'", "type": "dataLayer", "variable": "user.email", "format": "string", "key": "", "encoding": "none"}]'

echo "-- quit; mizzen validate accepts the file"
keys Escape q
wait_for 'exit=0'
"$bin" validate --workspace "$ws" >"$work/validate.txt" 2>&1 || {
  cat "$work/validate.txt" >&2
  fail "mizzen validate refused the workspace made by keys"
}

echo "-- a name with joined emoji keeps its row whole after another screen"
# tmux joins 👩‍💻 into 2 cells where the console measures its parts as 4; sent joined, the
# rest of the row moved left and its end kept the Connections screen's key variable.
joined=$work/joined.json
python3 - "$joined" <<'PY'
import json, sys
group = "6f1c2a50-0d1e-4c3a-9b1e-00000000d00"
def topic(code, name, channels):
    return {"code": code, "name": name, "legalBasis": "consent_optin", "channels": [
        {"channel": c, "connection": "local", **({"subscriptionGroupId": group + g} if g else {})}
        for c, g in channels]}
workspace = {
    "format": "mizzen.workspace", "version": 1, "name": "Joined",
    "connections": [{
        "code": "local", "name": "Local sandbox (here)", "endpoint": "http://127.0.0.1:42023",
        "apiKey": {"env": "E2E_BRAZE_KEY_OF_A_LONG_NAME_THAT_ENDS_IN_XYZ"},
        "identityMapping": [{"identitySpace": "customer_id", "brazeField": "external_id"},
                            {"identitySpace": "email", "brazeField": "email"},
                            {"identitySpace": "phone", "brazeField": "phone"}]}],
    "identitySpaces": [
        {"code": "email", "name": "Email address", "valueType": "email", "marketingPreference": True},
        {"code": "phone", "name": "Mobile phone (E.164)", "valueType": "phone"},
        {"code": "customer_id", "name": "Customer ID", "valueType": "id"}],
    "properties": [],
    "topics": [
        topic("aa_dev_team", "Dev 👩\u200d💻 team 👨\u200d👩\u200d👧", [("email", "1"), ("push", "")]),
        topic("weekly_newsletter", "Weekly newsletter", [("email", "2"), ("push", "")]),
        topic("special_offers", "Special offers", [("email", "3"), ("sms", "4")])],
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(workspace, f, ensure_ascii=False)
PY
run_in_shell "clear; $bin --workspace $joined; echo exit=\$?"
wait_for '1 Connections'
wait_for 'E2E_BRAZE_KEY_OF_A'
keys 2
wait_for 'aa_dev_team'
row=$(screen | grep -F 'aa_dev_team')
# The pane's trailing spaces are trimmed, so the row ends with its last column.
case "$row" in
  *consent_optin) ;;
  *) fail "the row of a name with joined emoji ends in \"${row##*consent_optin}\"" ;;
esac
keys q
wait_for 'exit=0'

echo "-- 10,000 topics: a filter narrows the list to the matching rows"
big=$work/big.json
python3 - "$big" <<'PY'
import json, sys
topics = [
    {"code": f"topic_{i:05d}", "name": f"Topic {i:05d}", "legalBasis": "consent_optin",
     "channels": [{"channel": "email", "connection": "braze_us",
                   "subscriptionGroupId": f"00000000-0000-4000-8000-{i:012d}"}]}
    for i in range(10_000)
]
workspace = {
    "format": "mizzen.workspace", "version": 1, "name": "Big",
    "connections": [{"code": "braze_us", "name": "Braze US",
                     "endpoint": "https://rest.iad-01.braze.com",
                     "apiKey": {"env": "BRAZE_US_API_KEY"},
                     "identityMapping": [{"identitySpace": "email", "brazeField": "email"}]}],
    "identitySpaces": [{"code": "email", "name": "Email", "valueType": "email",
                        "marketingPreference": True}],
    "properties": [], "topics": topics,
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(workspace, f)
PY
run_in_shell "clear; $bin --workspace $big; echo exit=\$?"
wait_for '1 Connections' 30
keys 2
wait_for '/10000' 30
keys /
type_text 'TOPIC_0999'
# The pane's trailing spaces are trimmed, so the count ends the line.
wait_for 'filter “TOPIC_0999”  1/10' 60
wait_for 'topic_09999' 60
rows=$(screen | grep -cE '^ +topic_0999[0-9] ' || true)
[ "$rows" -eq 10 ] || fail "the filter shows $rows rows, not the 10 that match"
screen | grep -qF 'topic_01000' && fail "a row that does not match is still shown"
keys BSpace
# The selection stays on topic_09990, now the 91st of 100.
wait_for 'filter “TOPIC_099”  91/100' 60
keys Escape Escape q
wait_for 'exit=0'

echo "console-sections: passed"
