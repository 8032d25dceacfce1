#!/usr/bin/env python3
"""Writes mizzen(1) in man(7) format from `mizzen --experimental-dump-help` on stdin.

Usage: mizzen --experimental-dump-help | scripts/manpage.py VERSION > man/mizzen.1

Ours rather than swift-argument-parser's generate-manual plugin: that plugin's tool is not
built by `swift build`, so the test that keeps man/mizzen.1 current could not regenerate
the page without a second SwiftPM build; the plugin also stamps today's date (the page
would differ every day) and leaves blank lines that groff warns about.
"""

import json
import sys

GLOBAL_FLAGS = {"help", "version"}


def roff(text):
    """Escapes text for a roff text line: backslashes, and a leading . or ' (a request)."""
    text = text.replace("\\", "\\e")
    # groff reads Latin-1 unless preconv runs first; a named glyph renders the same anywhere.
    text = "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in text)
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def dashes(text):
    """Option names with hyphens that render as ASCII minus, so they can be copied."""
    return roff(text).replace("-", "\\-")


def paragraphs(text):
    """Discussion text: blank lines separate paragraphs; each becomes .PP and filled text."""
    out = []
    for block in text.strip().split("\n\n"):
        block = block.strip()
        if block:
            out.append(".PP")
            out.append(roff(block))
    return out


def name_of(name):
    prefix = "-" if name["kind"] == "short" else "--"
    return prefix + name["name"]


def shown(arguments):
    return [
        a
        for a in arguments
        if a.get("shouldDisplay", True) and not (
            a["kind"] == "flag" and {n["name"] for n in a.get("names", [])} & GLOBAL_FLAGS
        )
    ]


def synopsis_item(argument):
    """One argument as the synopsis shows it: [--format format], --topic code, [path]."""
    if argument["kind"] == "positional":
        item = "\\fI" + roff(argument.get("valueName", "value")) + "\\fR"
    else:
        item = "\\fB" + dashes(name_of(argument["preferredName"])) + "\\fR"
        if argument["kind"] == "option":
            item += " \\fI" + roff(argument["valueName"]) + "\\fR"
    if argument.get("isRepeating"):
        item += " \\&..."
    if argument.get("isOptional"):
        item = "[" + item + "]"
    return item


def option_entry(argument):
    """A .TP entry: the names and value, then what it does, its choices and default."""
    if argument["kind"] == "positional":
        head = "\\fI" + roff(argument.get("valueName", "value")) + "\\fR"
    else:
        names = ", ".join(
            "\\fB" + dashes(name_of(n)) + "\\fR" for n in argument.get("names", [])
        )
        head = names
        if argument["kind"] == "option":
            head += " \\fI" + roff(argument["valueName"]) + "\\fR"
    body = argument.get("abstract", "")
    if argument.get("discussion"):
        body += " " + argument["discussion"]
    if argument.get("allValues"):
        body += " One of: " + ", ".join(argument["allValues"]) + "."
    if argument.get("defaultValue") is not None:
        body += " Default: " + argument["defaultValue"] + "."
    return [".TP", head, roff(body.strip())]


def command_section(command):
    name = "mizzen " + command["commandName"]
    arguments = shown(command.get("arguments", []))
    lines = [".SS \"" + name + "\""]
    lines.append(
        ".B " + name + ("\n" + " ".join(synopsis_item(a) for a in arguments) if arguments else "")
    )
    lines.append(".PP")
    lines.append(roff(command.get("abstract", "")))
    lines += paragraphs(command.get("discussion", ""))
    if arguments:
        lines.append(".PP")
        lines.append("Options:")
        for argument in arguments:
            lines += option_entry(argument)
    return lines


def definitions(entries):
    """A list of .TP entries: a bold term, then its text."""
    lines = []
    for term, text in entries:
        lines += [".TP", "\\fB" + dashes(term) + "\\fR", roff(text)]
    return lines


ENVIRONMENT = [
    ("MIZZEN_WORKSPACE", "The workspace file when --workspace is not given; else ./mizzen.json."),
    (
        "MIZZEN_TIMEOUT_SECONDS",
        "Shortens the 30 s limit per attempt of a call to Braze (send, check-connection, "
        "the console's test-send).",
    ),
    (
        "The key variables",
        "Each connection names the variable that holds its Braze REST API key "
        "(apiKey.env in the workspace, e.g. BRAZE_US_API_KEY); it is read when a call is "
        "made, never stored. send --format curl writes the same variable into its "
        "commands. mizzen demo sets MIZZEN_DEMO_API_KEY for its own sandbox.",
    ),
    ("NO_COLOR", "Set and not empty: the console shows roles without colour, as --no-color."),
    (
        "XDG_CONFIG_HOME",
        "Where config.json is looked for: $XDG_CONFIG_HOME/mizzen/config.json, else "
        "~/.config/mizzen/config.json.",
    ),
    ("HOME", "Finds ~/.config when XDG_CONFIG_HOME is not set."),
    ("TERM, LANG, LC_ALL", "The console needs a terminal type curses knows and a UTF-8 locale."),
    (
        "MIZZEN_TRACE_FIRST_FRAME",
        "Set to 1: the console prints, on exit, how long the first frame took and the peak "
        "memory.",
    ),
]

FILES = [
    ("mizzen.json", "The workspace (see --workspace). Saved atomically, mode 0600 when it "
     "holds an inline key."),
    ("<workspace>.bak", "The previous version of the workspace, kept by each save; restore "
     "it by copying it over the workspace."),
    ("<workspace>.journal.jsonl", "The journal of every signal sent, one JSON object a "
     "line, read by mizzen history and the console's History."),
    ("<workspace>.lock", "Held during a save, so that two processes never save at once."),
    ("<workspace>.mizzen-state.json", "Values the console remembers between runs (recent "
     "test-send identities), mode 0600, kept out of the workspace."),
    ("$XDG_CONFIG_HOME/mizzen/config.json", "Optional settings: keys, theme and mouse; "
     "checked by mizzen config, defaults printed by mizzen config --defaults."),
]

EXIT_STATUS = [
    ("0", "Success (validate: no problems, or warnings only)."),
    ("1", "The work was refused: validate found errors, Braze refused a call, init found "
     "the file already there, config ignored some entries."),
    ("2", "Unusable input: the workspace (or config.json) could not be read, or the "
     "arguments name nothing usable in it; the console could not start."),
    ("3", "Braze could not be reached or did not answer in time."),
    ("64", "Invalid options or an unknown command."),
    ("128+N", "Ended by signal N (130 for Ctrl-C, 143 for SIGTERM)."),
]


def page(dump, version):
    root = dump["command"]
    subcommands = [
        c for c in root.get("subcommands", [])
        if c.get("shouldDisplay", True) and c["commandName"] != "help"
    ]
    abstract = root.get("abstract", "").rstrip(".")
    lines = [
        '.\\" Generated by scripts/manpage.py from `mizzen --experimental-dump-help`;',
        '.\\" do not edit. Regenerate: scripts/generate-completions.sh',
        '.TH MIZZEN 1 "" "mizzen ' + roff(version) + '" "Mizzen manual"',
        ".nh",
        ".ad l",
        ".SH NAME",
        "mizzen \\- " + roff(abstract[0].lower() + abstract[1:] if abstract else ""),
        ".SH SYNOPSIS",
        ".B mizzen",
        "[\\fIcommand\\fR] [\\fIoptions\\fR]",
        ".SH DESCRIPTION",
    ]
    lines += paragraphs(root.get("discussion", ""))[1:]
    default = root.get("defaultSubcommand")
    if default:
        lines += [".PP", "Without a command, mizzen runs \\fB" + roff(default) + "\\fR."]
    lines += [
        ".PP",
        "Every command takes \\fB\\-\\-help\\fR (\\fB\\-h\\fR), which prints its options, and "
        "\\fB\\-\\-version\\fR; \\fBmizzen help\\fR \\fIcommand\\fR does the same.",
        ".SH COMMANDS",
    ]
    for command in subcommands:
        lines += command_section(command)
    lines.append(".SH ENVIRONMENT")
    lines += definitions(ENVIRONMENT)
    lines.append(".SH FILES")
    lines += definitions(FILES)
    lines.append(".SH EXIT STATUS")
    lines.append("Each command lists its own statuses above; together:")
    lines += definitions(EXIT_STATUS)
    lines += [
        ".SH SEE ALSO",
        "The console's keys: docs/keybindings.md in the source, or \\fB?\\fR in the console.",
        "Shell completions: completions/ in the source.",
    ]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mizzen --experimental-dump-help | scripts/manpage.py VERSION")
    sys.stdout.write(page(json.load(sys.stdin), sys.argv[1]))


if __name__ == "__main__":
    main()
