#!/usr/bin/env python3
"""Writes Sources/MizzenConsole/Text/DisplayWidthTable.swift from the C library's wcwidth.

Asks glibc's `wcwidth` (through ctypes, in the C.UTF-8 locale) for every code point and
writes each run of code points whose width is not 1 as a (first, last, class) triple:
class 0 is "not printable" (wcwidth -1), 1 is "zero width", 2 is "two cells wide".
DisplayWidthTests compares the table with the C library over the whole range, so after a
glibc upgrade that test fails until this script is run again:

    python3 scripts/generate-display-width-table.py && swift format -i \
        Sources/MizzenConsole/Text/DisplayWidthTable.swift

With --check it writes nothing and exits 1 when the file differs from what it would write.
"""

import ctypes
import ctypes.util
import locale
import pathlib
import sys

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / (
    "Sources/MizzenConsole/Text/DisplayWidthTable.swift")


def classes():
    """(first, last, class) for each run of code points whose width is not 1."""
    locale.setlocale(locale.LC_ALL, "C.UTF-8")
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.wcwidth.argtypes = [ctypes.c_uint32]
    libc.wcwidth.restype = ctypes.c_int
    kind = {-1: 0, 0: 1, 2: 2}
    runs = []
    for point in range(0x110000):
        width = libc.wcwidth(point)
        if width == 1:
            continue
        value = kind[width]
        if runs and runs[-1][1] == point - 1 and runs[-1][2] == value:
            runs[-1][1] = point
        else:
            runs.append([point, point, value])
    return runs


def glibc_version():
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.gnu_get_libc_version.restype = ctypes.c_char_p
    return libc.gnu_get_libc_version().decode()


def swift_source(runs, version):
    lines = [
        f"// Generated from glibc {version}'s `wcwidth` in the C.UTF-8 locale: every run of code points",
        "// whose width is not 1, as (first, last, class) triples in ascending order. Class 0 is",
        "// \"not printable\" (wcwidth -1), 1 is \"zero width\" (combining marks, ZWJ, variation",
        "// selectors), 2 is \"two cells wide\". DisplayWidthTests compares the whole range with the",
        "// C library, so a stale table fails the test suite; scripts/generate-display-width-table.py",
        "// writes it again.",
        "",
        "extension DisplayWidth {",
        "  static let table: [UInt32] = [",
    ]
    cells = [f"0x{first:04X}, 0x{last:04X}, {value}," for first, last, value in runs]
    for start in range(0, len(cells), 4):
        lines.append("    " + " ".join(cells[start:start + 4]))
    lines += ["  ]", "}", ""]
    return "\n".join(lines)


def main():
    text = swift_source(classes(), glibc_version())
    if "--check" in sys.argv[1:]:
        return 0 if OUTPUT.read_text() == text else 1
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
