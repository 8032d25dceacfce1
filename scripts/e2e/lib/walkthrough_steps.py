"""Reads the README walkthrough (between <!-- walkthrough:begin --> and <!-- walkthrough:end -->)
and prints it as tab-separated records for scripts/e2e/walkthrough.sh to execute:

  term N             the following records happen in terminal N (a `### … Terminal N…` heading)
  step ID KEYS       a console step: table row ID, its keys as the README writes them
  shell ID CMDS      a block of shell commands (```sh), ID names the section
  run CMD            type CMD in the terminal and press enter
  key NAME           press one key, as tmux send-keys names it (Tab, C-s, Escape…)
  text TEXT          type TEXT literally
  expect TEXT        the screen must then show TEXT
  secret VALUE       a value exported by the walkthrough (an API key): it must never leak

`swift run mizzen` becomes the built binary and the port 4567 the port given, so the
steps run as written on a port that is free on this machine.

Usage: walkthrough_steps.py README BINARY PORT
"""

import re
import sys

BEGIN = "<!-- walkthrough:begin -->"
END = "<!-- walkthrough:end -->"
README_PORT = "4567"

NAMED_KEYS = {
    "tab": "Tab",
    "shift-tab": "BTab",
    "enter": "Enter",
    "esc": "Escape",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "pgup": "PPage",
    "pgdn": "NPage",
    "backspace": "BSpace",
    "delete": "DC",
    "space": "Space",
}
TOKEN = re.compile(r"`([^`]*)`(?:\s*×\s*(\d+))?")


class WalkthroughError(Exception):
    pass


def substitute(text, binary, port):
    return text.replace("swift run mizzen", binary).replace(README_PORT, port)


def key_records(cell, where):
    """The records for a keys cell: only backticked keys, each optionally followed by ×N."""
    if TOKEN.sub("", cell).strip():
        raise WalkthroughError(f"{where}: the keys cell has text outside `…`: {cell!r}")
    records = []
    for token, count in TOKEN.findall(cell):
        if len(token) >= 2 and token.startswith('"') and token.endswith('"'):
            record = ("text", token[1:-1])
        elif token.lower() in NAMED_KEYS:
            record = ("key", NAMED_KEYS[token.lower()])
        elif re.fullmatch(r"ctrl-[a-z]", token):
            record = ("key", "C-" + token[-1])
        elif len(token) == 1:
            record = ("text", token)
        else:
            raise WalkthroughError(f"{where}: unknown key `{token}`")
        records += [record] * int(count or 1)
    if not records:
        raise WalkthroughError(f"{where}: no keys")
    return records


def expectations(text):
    return [token for token, _ in TOKEN.findall(text)]


def steps(lines, binary, port):
    try:
        start = lines.index(BEGIN) + 1
        stop = lines.index(END)
    except ValueError:
        raise WalkthroughError(f"README.md has no {BEGIN} … {END} markers") from None
    records = []
    section = "?"
    in_block = False
    block = []
    last_block = None
    for line in lines[start:stop]:
        if in_block:
            if line.startswith("```"):
                in_block = False
                commands = [c for c in block if c.strip() and not c.lstrip().startswith("#")]
                records.append(("shell", section, " ; ".join(commands)))
                for command in commands:
                    exported = re.match(r"\s*export\s+\w+=(\S+)\s*$", command)
                    if exported:
                        records.append(("secret", exported.group(1)))
                    records.append(("run", substitute(command, binary, port)))
                last_block = len(records)
            else:
                block.append(line)
            continue
        if line.startswith("```sh"):
            in_block, block = True, []
        elif line.startswith("#"):
            heading = re.match(r"#+\s*(.*)", line).group(1)
            section = heading
            terminal = re.search(r"[Tt]erminal (\d+)", heading)
            if not terminal:
                raise WalkthroughError(f"the heading {heading!r} names no terminal")
            records.append(("term", terminal.group(1)))
        elif line.startswith("You should see"):
            if last_block is None:
                raise WalkthroughError(f"{section}: 'You should see' follows no sh block")
            expected = expectations(line)
            if not expected:
                raise WalkthroughError(f"{section}: 'You should see' names nothing in `…`")
            records += [("expect", substitute(e, binary, port)) for e in expected]
            last_block = None
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not cells[0].isdigit():
                continue  # the header row and the |---| row
            if len(cells) != 4:
                raise WalkthroughError(f"step {cells[0]}: a row needs 4 cells, has {len(cells)}")
            number, _, keys, expected = cells
            where = f"step {number}"
            records.append(("step", number, keys))
            for kind, value in key_records(keys, where):
                records.append((kind, substitute(value, binary, port)))
            records += [("expect", substitute(e, binary, port)) for e in expectations(expected)]
    if not any(r[0] == "step" for r in records):
        raise WalkthroughError("the walkthrough has no console steps")
    return records


def main():
    readme, binary, port = sys.argv[1:4]
    with open(readme, encoding="utf-8") as f:
        lines = f.read().splitlines()
    try:
        records = steps(lines, binary, port)
    except WalkthroughError as error:
        print(f"README walkthrough: {error}", file=sys.stderr)
        sys.exit(1)
    for record in records:
        if any("\t" in field or "\n" in field for field in record):
            print(f"README walkthrough: a tab or newline in {record!r}", file=sys.stderr)
            sys.exit(1)
        print("\t".join(record))


main()
