#!/usr/bin/env bash
# `mizzen schema` checked with a real JSON Schema validator (Python jsonschema, draft
# 2020-12): the schema itself is valid, Examples/acme.json is accepted, and broken copies of
# it are each rejected. Uses the binary scripts/test built; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -x .build/debug/mizzen ]; then
  .build/debug/mizzen schema >"$work/schema.json"
else
  swift run -q mizzen schema >"$work/schema.json"
fi
[ "$(tail -c 1 "$work/schema.json" | od -An -c | tr -d ' ')" = '\n' ] \
  || { echo "mizzen schema: output does not end with a newline"; exit 1; }

python3 - "$work/schema.json" Examples/acme.json <<'PY'
import copy
import json
import sys

from jsonschema import Draft202012Validator

schema_path, example_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)

with open(example_path, encoding="utf-8") as f:
    example = json.load(f)
errors = list(validator.iter_errors(example))
for error in errors:
    print(f"acme.json rejected at {error.json_path}: {error.message}")
if errors:
    sys.exit(1)
print(f"accepted: {example_path}")

empty = {"format": "mizzen.workspace", "version": 1, "name": "Empty", "connections": [],
         "identitySpaces": [], "properties": [], "topics": []}
if not validator.is_valid(empty):
    print("an empty workspace, as mizzen init writes it, is rejected")
    sys.exit(1)
print("accepted: an empty workspace")


def broken(note, change):
    doc = copy.deepcopy(example)
    change(doc)
    return note, doc


def set_(path, value):
    def change(doc):
        target = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


def delete(path):
    def change(doc):
        target = doc
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
    return change


cases = [
    broken("channel \"fax\"", set_(["topics", 0, "channels", 0, "channel"], "fax")),
    broken("no \"topics\"", delete(["topics"])),
    broken("apiKey with env and value",
           set_(["connections", 0, "apiKey"], {"env": "BRAZE_US_API_KEY", "value": "fake-key-0000"})),
    broken("apiKey with neither", set_(["connections", 0, "apiKey"], {})),
    broken("apiKey env not a variable name", set_(["connections", 0, "apiKey"], {"env": "1-KEY"})),
    broken("email channel without group id",
           delete(["topics", 0, "channels", 0, "subscriptionGroupId"])),
    broken("code with capitals", set_(["topics", 1, "code"], "Bad Code")),
    broken("version 2", set_(["version"], 2)),
    broken("another format", set_(["format"], "acme.settings")),
    broken("empty identity mapping", set_(["connections", 1, "identityMapping"], [])),
    broken("brazeField user_id",
           set_(["connections", 0, "identityMapping", 0, "brazeField"], "user_id")),
    broken("valueType uuid", set_(["identitySpaces", 2, "valueType"], "uuid")),
    broken("json capture without key", set_(["properties", 0, "identities", 0, "key"], "")),
    broken("cookie capture without variable",
           set_(["properties", 0, "identities", 1, "variable"], "")),
    broken("encoding base32", set_(["properties", 1, "identities", 1, "encoding"], "base32")),
    broken("name with a line break", set_(["topics", 2, "name"], "Offres\nspéciales")),
    broken("empty name", set_(["name"], "")),
    broken("misspelt member",
           set_(["topics", 0, "channels", 0, "subscriptionGroupID"], "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")),
    broken("topics not an array", set_(["topics"], {})),
    broken("marketingPreference as a string", set_(["identitySpaces", 0, "marketingPreference"], "yes")),
]

failed = 0
for note, doc in cases:
    if validator.is_valid(doc):
        print(f"NOT rejected: {note}")
        failed += 1
    else:
        print(f"rejected: {note}")
if failed:
    print(f"{failed} broken copies were accepted")
    sys.exit(1)
print(f"schema: acme.json accepted, {len(cases)} broken copies rejected")
PY
