#!/usr/bin/env python3
"""Renders a tmux pane capture (`tmux capture-pane -e -p -N`) to a PNG on an exact cell grid.

Usage:
  render-screen.py --cols C --rows R [--cursor X,Y] CAPTURE.ans OUT.png
  render-screen.py --self-test

Every character is drawn into its own cell box, so no glyph can move the grid: column
positions come from counting cells, never from measuring text. A character takes as many
cells as the console gives it: widths are read from the console's own table
(Sources/MizzenConsole/Text/DisplayWidthTable.swift, glibc's wcwidth, which tmux also uses),
so a wide CJK character or emoji advances two columns, exactly as tmux placed it.

SGR escapes set the colours (16, 256 and 24-bit, default) and bold, dim, italic, reverse,
underline, strike-through and hidden; every other escape sequence is skipped.
"""

import argparse
import bisect
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTH_TABLE = os.path.join(ROOT, "Sources", "MizzenConsole", "Text", "DisplayWidthTable.swift")

FONT_SIZE = 16
PADDING = 8

# A dark palette: the 16 ANSI colours, then the default foreground and background. Blue is
# deep, since the console draws white text on it (dialogs, the focused field).
PALETTE16 = [
    (0x1D, 0x20, 0x26), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xE5, 0xC0, 0x7B),
    (0x2F, 0x5D, 0xA3), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xC8, 0xCC, 0xD4),
    (0x5C, 0x63, 0x70), (0xFF, 0x7A, 0x85), (0xB5, 0xE0, 0x90), (0xF0, 0xD2, 0x8F),
    (0x82, 0xC4, 0xFF), (0xDB, 0x97, 0xF0), (0x7A, 0xD4, 0xE0), (0xF2, 0xF4, 0xF8),
]
DEFAULT_FG = (0xD4, 0xD8, 0xDF)
DEFAULT_BG = (0x16, 0x19, 0x1F)

FONT_PATHS = {
    "regular": ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"],
    "bold": ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"],
    "italic": ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Oblique.ttf"],
    "bold_italic": ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono-BoldOblique.ttf"],
    "sans": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
    "cjk": [
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ],
    "emoji": ["/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"],
    "symbol": ["/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"],
}


def ensure_pillow():
    """Imports Pillow, installing it quietly from PyPI when it is missing."""
    try:
        import PIL  # noqa: F401
    except ImportError:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "pillow"],
            check=True, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------------------------------
# Cell widths, from the console's table


class Widths:
    """Display widths of code points, by the same table the console positions text with."""

    def __init__(self, path=WIDTH_TABLE):
        self.starts, self.ends, self.classes = [], [], []
        if os.path.exists(path):
            text = open(path, encoding="utf-8").read()
            body = text[text.index("= [") + 3:text.rindex("]")]
            numbers = [int(n, 0) for n in re.findall(r"0x[0-9A-Fa-f]+|\b\d+\b", body)]
            for first, last, cls in zip(numbers[0::3], numbers[1::3], numbers[2::3]):
                self.starts.append(first)
                self.ends.append(last)
                self.classes.append(cls)
        self.from_table = bool(self.starts)

    def of(self, ch):
        """Cells taken by one code point: 0 (joins the previous cell), 1 or 2."""
        cp = ord(ch)
        if self.from_table:
            i = bisect.bisect_right(self.starts, cp) - 1
            if i >= 0 and cp <= self.ends[i]:
                cls = self.classes[i]
                if cls == 2:
                    return 2
                if cls == 1:
                    return 0
                return 1  # not printable: tmux gave it a cell, so keep the count
            return 1
        import unicodedata
        if unicodedata.combining(ch) or cp in (0x200D, 0xFE0F, 0xFE0E):
            return 0
        if unicodedata.east_asian_width(ch) in ("W", "F") or 0x1F300 <= cp <= 0x1FAFF:
            return 2
        return 1


# ---------------------------------------------------------------------------------------
# Parsing the capture into cells


class Style:
    """The SGR state: colours are None (default), ('i', n) indexed, or ('rgb', r, g, b)."""

    __slots__ = ("fg", "bg", "bold", "dim", "italic", "underline", "reverse", "hidden", "strike")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.italic = self.underline = False
        self.reverse = self.hidden = self.strike = False

    def copy(self):
        s = Style()
        for name in Style.__slots__:
            setattr(s, name, getattr(self, name))
        return s

    def apply(self, params):
        """Applies one SGR parameter string such as `1;38;5;208` or `4:3;38:2::1:2:3`."""
        groups = [p.split(":") for p in params.split(";")] if params else [["0"]]
        i = 0
        while i < len(groups):
            sub = [int(x) if x.isdigit() else None for x in groups[i]]
            code = sub[0] if sub[0] is not None else 0
            if code in (38, 48, 58):
                if len(sub) > 1:  # colon form: 38:5:n or 38:2:[space]:r:g:b
                    colour = self._colour(sub[1:])
                else:  # semicolon form takes the following parameters
                    rest = [int(g[0]) if g[0].isdigit() else 0 for g in groups[i + 1:i + 6]]
                    colour = self._colour(rest)
                    i += 2 if rest[:1] == [5] else 4 if rest[:1] == [2] else 0
                if code == 38:
                    self.fg = colour
                elif code == 48:
                    self.bg = colour
            elif code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 3:
                self.italic = True
            elif code == 4:
                self.underline = not (len(sub) > 1 and sub[1] == 0)
            elif code == 7:
                self.reverse = True
            elif code == 8:
                self.hidden = True
            elif code == 9:
                self.strike = True
            elif code == 21:
                self.underline = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 23:
                self.italic = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif code == 28:
                self.hidden = False
            elif code == 29:
                self.strike = False
            elif 30 <= code <= 37:
                self.fg = ("i", code - 30)
            elif code == 39:
                self.fg = None
            elif 40 <= code <= 47:
                self.bg = ("i", code - 40)
            elif code == 49:
                self.bg = None
            elif 90 <= code <= 97:
                self.fg = ("i", code - 90 + 8)
            elif 100 <= code <= 107:
                self.bg = ("i", code - 100 + 8)
            i += 1

    @staticmethod
    def _colour(rest):
        if rest[:1] == [5] and len(rest) > 1 and rest[1] is not None:
            return ("i", rest[1] & 0xFF)
        if rest[:1] == [2]:
            values = [v for v in rest[1:] if v is not None]
            if len(rest) >= 5 and rest[1] is None:  # 38:2::r:g:b (empty colour space id)
                values = rest[2:5]
            elif len(values) > 3:  # 38:2:cs:r:g:b
                values = values[-3:]
            if len(values) == 3 and all(v is not None for v in values):
                return ("rgb", values[0] & 0xFF, values[1] & 0xFF, values[2] & 0xFF)
        return None


class Cell:
    __slots__ = ("text", "width", "style")

    def __init__(self, text, width, style):
        self.text, self.width, self.style = text, width, style


class WidthMismatch(Exception):
    """A row held more cells than the pane: tmux and the width table disagree on a character."""


def parse(capture, cols, rows, widths):
    """The capture as a rows×cols grid; a wide cell is followed by a None placeholder."""
    blank = Style()
    grid = [[Cell(" ", 1, blank) for _ in range(cols)] for _ in range(rows)]
    style = Style()
    lines = capture.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for y, line in enumerate(lines[:rows]):
        x, i, n = 0, 0, len(line)
        last = None  # the cell a zero-width character joins
        while i < n:
            ch = line[i]
            if ch == "\x1b":
                i = _escape(line, i, style)
                continue
            i += 1
            if ch == "\r" or (ord(ch) < 0x20 and ch != "\t") or ch == "\x7f":
                continue
            if ch == "\t":
                x = min(cols, (x // 8 + 1) * 8)
                continue
            w = widths.of(ch)
            if w == 0:
                if last is not None:
                    last.text += ch
                continue
            if x + w > cols:
                raise WidthMismatch(
                    f"row {y + 1} is wider than {cols} cells at {ch!r} (U+{ord(ch):04X}): "
                    "tmux placed a character with another width than the console's table")
            cell = Cell(ch, w, style.copy())
            grid[y][x] = cell
            if w == 2:
                grid[y][x + 1] = None
            last = cell
            x += w
    return grid


def _escape(line, i, style):
    """Consumes the escape sequence at line[i]; applies it when it is SGR. Returns the next index."""
    n = len(line)
    if i + 1 >= n:
        return n
    kind = line[i + 1]
    if kind == "[":  # CSI: parameters, intermediates, one final byte
        j = i + 2
        while j < n and not ("\x40" <= line[j] <= "\x7e"):
            j += 1
        if j < n and line[j] == "m":
            params = line[i + 2:j]
            if re.fullmatch(r"[0-9;:]*", params):
                style.apply(params)
        return j + 1
    if kind in "]PX^_":  # OSC, DCS, SOS, PM, APC: up to BEL or ST
        j = i + 2
        while j < n:
            if line[j] == "\x07":
                return j + 1
            if line[j] == "\x1b" and j + 1 < n and line[j + 1] == "\\":
                return j + 2
            j += 1
        return n
    if kind in "()*+#%" and i + 2 < n:  # charset designations take one more byte
        return i + 3
    return i + 2


# ---------------------------------------------------------------------------------------
# Drawing


def xterm256(n):
    if n < 16:
        return PALETTE16[n]
    if n < 232:
        n -= 16
        levels = [0, 95, 135, 175, 215, 255]
        return (levels[n // 36], levels[(n // 6) % 6], levels[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def resolve(colour, default):
    if colour is None:
        return default
    if colour[0] == "i":
        return xterm256(colour[1])
    return colour[1:]


def blend(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def first_existing(paths):
    for p in paths:
        if os.path.exists(p):
            return p
    return None


class Renderer:
    """Draws cell grids with one font set; glyph images are cached per character and style."""

    def __init__(self, font_size=FONT_SIZE):
        from PIL import ImageFont
        self.ImageFont = ImageFont
        regular = first_existing(FONT_PATHS["regular"])
        if regular is None:
            raise SystemExit("render-screen: DejaVu Sans Mono is missing (apt-get install fonts-dejavu-core)")
        self.fonts = {}
        for name in ("regular", "bold", "italic", "bold_italic", "sans", "cjk", "symbol"):
            path = first_existing(FONT_PATHS[name])
            # CJK glyphs fill a two-cell box better a little larger than the Latin size.
            size = round(font_size * 1.125) if name == "cjk" else font_size
            self.fonts[name] = ImageFont.truetype(path, size) if path else None
        for name in ("bold", "italic", "bold_italic"):
            self.fonts[name] = self.fonts[name] or self.fonts["regular"]
        emoji = first_existing(FONT_PATHS["emoji"])
        self.emoji = None
        if emoji:
            try:
                self.emoji = ImageFont.truetype(emoji, 109)  # a bitmap font: this size only
            except OSError:
                self.emoji = None
        base = self.fonts["regular"]
        ascent, descent = base.getmetrics()
        self.cell_w = round(base.getlength("M"))
        self.cell_h = ascent + descent
        self.baseline = ascent
        self._missing = {}
        self._glyphs = {}

    # A character a font lacks renders as that font's .notdef box: compare with a code point
    # no font here has.
    def _has(self, font_name, ch):
        font = self.fonts.get(font_name)
        if font is None:
            return False
        if ch.isspace():
            return True
        if font_name not in self._missing:
            self._missing[font_name] = self._ink(font, "\U0010FFFD")
        ink = self._ink(font, ch)
        return ink is not None and ink != self._missing[font_name]

    @staticmethod
    def _ink(font, ch):
        from PIL import Image, ImageDraw
        box = font.getbbox(ch)
        if box is None or box[2] <= box[0] or box[3] <= box[1]:
            return None
        img = Image.new("L", (box[2] - box[0] + 2, box[3] - box[1] + 2), 0)
        ImageDraw.Draw(img).text((-box[0] + 1, -box[1] + 1), ch, font=font, fill=255)
        return img.tobytes()

    def _is_emoji(self, ch):
        cp = ord(ch[0])
        return self.emoji is not None and (
            0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or "\ufe0f" in ch
        ) and self._emoji_has(ch)

    def _emoji_has(self, ch):
        key = ("emoji?", ch)
        if key not in self._glyphs:
            try:
                box = self.emoji.getbbox(ch)
                self._glyphs[key] = box is not None and box[2] > box[0]
            except Exception:
                self._glyphs[key] = False
        return self._glyphs[key]

    def glyph(self, ch, width, bold, italic):
        """An RGBA image the size of the cell box (width cells), or an 'L' mask to colour."""
        key = (ch, width, bold, italic)
        if key in self._glyphs:
            return self._glyphs[key]
        from PIL import Image, ImageDraw
        box_w, box_h = self.cell_w * width, self.cell_h
        result = None
        # A one-cell symbol such as ⚠ reads better as a text glyph than as a shrunken emoji.
        text_first = width == 1 and any(self._has(f, ch[0]) for f in ("regular", "sans", "symbol"))
        if not text_first and self._is_emoji(ch):
            big = Image.new("RGBA", (160 * max(1, len(ch)), 160), (0, 0, 0, 0))
            ImageDraw.Draw(big).text((0, 0), ch, font=self.emoji, embedded_color=True)
            bbox = big.getbbox()
            if bbox:
                big = big.crop(bbox)
                scale = min(box_w / big.width, (box_h - 2) / big.height)
                size = (max(1, round(big.width * scale)), max(1, round(big.height * scale)))
                small = big.resize(size, Image.LANCZOS)
                img = Image.new("RGBA", (box_w, box_h), (0, 0, 0, 0))
                img.paste(small, ((box_w - size[0]) // 2, (box_h - size[1]) // 2))
                result = ("rgba", img)
        if result is None:
            base = ch[0]
            name = {(False, False): "regular", (True, False): "bold",
                    (False, True): "italic", (True, True): "bold_italic"}[(bold, italic)]
            candidates = [name, "regular", "sans", "cjk", "symbol"]
            if width == 2:
                candidates = ["cjk", name, "sans", "symbol"]
            chosen = next((c for c in candidates if self._has(c, base)), name)
            font = self.fonts[chosen]
            mask = Image.new("L", (box_w, box_h), 0)
            draw = ImageDraw.Draw(mask)
            if chosen in ("regular", "bold", "italic", "bold_italic"):
                draw.text((0, self.baseline), ch, font=font, fill=255, anchor="ls")
            else:  # another font's metrics: centre the glyph in its box
                draw.text((box_w / 2, box_h / 2), ch, font=font, fill=255, anchor="mm")
            result = ("mask", mask)
        self._glyphs[key] = result
        return result

    def render(self, grid, cursor=None):
        from PIL import Image, ImageDraw
        rows, cols = len(grid), len(grid[0]) if grid else 0
        width = cols * self.cell_w + 2 * PADDING
        height = rows * self.cell_h + 2 * PADDING
        image = Image.new("RGB", (width, height), DEFAULT_BG)
        draw = ImageDraw.Draw(image)
        for y, row in enumerate(grid):
            for x, cell in enumerate(row):
                if cell is None:
                    continue
                s = cell.style
                fg = resolve(s.fg, DEFAULT_FG)
                bg = resolve(s.bg, DEFAULT_BG)
                if s.reverse:
                    fg, bg = bg, fg
                if cursor == (x, y):
                    fg, bg = bg, DEFAULT_FG if bg == DEFAULT_BG else fg
                if s.dim:
                    fg = blend(fg, bg, 0.45)
                left = PADDING + x * self.cell_w
                top = PADDING + y * self.cell_h
                box = (left, top, left + self.cell_w * cell.width, top + self.cell_h)
                if bg != DEFAULT_BG:
                    draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=bg)
                if not s.hidden and cell.text != " ":
                    kind, img = self.glyph(cell.text, cell.width, s.bold, s.italic)
                    if kind == "rgba":
                        image.paste(img, (left, top), img)
                    else:
                        image.paste(fg, (left, top, left + img.width, top + img.height), img)
                if s.underline:
                    uy = top + self.baseline + 2
                    draw.line((box[0], uy, box[2] - 1, uy), fill=fg)
                if s.strike:
                    sy = top + self.cell_h // 2
                    draw.line((box[0], sy, box[2] - 1, sy), fill=fg)
        return image


def render_file(capture_path, out_path, cols, rows, cursor=None):
    ensure_pillow()
    capture = open(capture_path, encoding="utf-8", errors="replace").read()
    try:
        grid = parse(capture, cols, rows, Widths())
    except WidthMismatch as mismatch:
        raise SystemExit(f"render-screen: {capture_path}: {mismatch}")
    image = Renderer().render(grid, cursor)
    image.save(out_path, optimize=True)
    return image


# ---------------------------------------------------------------------------------------
# Self-test


def pixels(image):
    data = image.convert("RGB").tobytes()
    return [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]


def self_test():
    """Renders known captures and checks the grid: sizes, wide characters, colours."""
    ensure_pillow()
    widths = Widths()
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    check(widths.from_table, f"the width table was not read from {WIDTH_TABLE}")
    for ch, w in (("a", 1), ("─", 1), ("日", 2), ("📰", 2), ("한", 2), ("\u0301", 0), ("\u200d", 0)):
        check(widths.of(ch) == w, f"width of U+{ord(ch):04X} is {widths.of(ch)}, not {w}")

    renderer = Renderer()
    cw, ch_ = renderer.cell_w, renderer.cell_h
    cols, rows = 20, 3
    # Row 0: red bold "AB", then two CJK characters (cells 2–5), "X" at cell 6, reversed "R"
    # at 7, a space, an emoji at 9–10 and "Z" at 11. Row 1: the same "X" alone at cell 6.
    # Row 2: truecolor and 256-colour backgrounds, an OSC string and a cursor move to skip.
    capture = (
        "\x1b[1;38;5;196mAB\x1b[0m日本X\x1b[7mR\x1b[27m 🍎Z\n"
        "      X\n"
        "\x1b]8;;http://x\x1b\\\x1b[48;2;10;200;30mG\x1b[48;5;21mH\x1b[49m\x1b[5CI\x1b[38:2::250:10:10mJ\n"
    )
    grid = parse(capture, cols, rows, widths)
    image = renderer.render(grid)
    check(image.width == cols * cw + 2 * PADDING, f"image width {image.width} != {cols}×{cw}+padding")
    check(image.height == rows * ch_ + 2 * PADDING, f"image height {image.height} != {rows}×{ch_}+padding")

    def cell_box(x, y, w=1):
        left, top = PADDING + x * cw, PADDING + y * ch_
        return image.crop((left, top, left + w * cw, top + ch_))

    check(grid[0][2].text == "日" and grid[0][3] is None, "日 does not take cells 2–3")
    check(grid[0][6] is not None and grid[0][6].text == "X", "X is not at cell 6 after two CJK characters")
    check(grid[0][11] is not None and grid[0][11].text == "Z", "Z is not at cell 11 after the emoji")
    check(cell_box(6, 0).tobytes() == cell_box(6, 1).tobytes(),
          "the X after the CJK characters is not drawn exactly where an X at cell 6 is")
    check(cell_box(5, 0).getbbox() is not None, "本 drew nothing in its second cell")
    ink = [p for p in pixels(cell_box(0, 0)) if p != DEFAULT_BG]
    check(any(p[0] > 200 and p[1] < 60 for p in ink), "colour 196 did not draw red ink")
    check(cell_box(7, 0).getpixel((0, 0)) == DEFAULT_FG, "reverse video did not swap the background")
    check(cell_box(0, 2).getpixel((0, 0)) == (10, 200, 30), "truecolor background not drawn")
    check(cell_box(1, 2).getpixel((0, 0)) == xterm256(21), "256-colour background not drawn")
    check(grid[2][2].text == "I", "the OSC string or cursor move was not skipped")
    check(grid[2][3].style.fg == ("rgb", 250, 10, 10), "colon truecolor not parsed")
    try:
        parse("日本語", 5, 1, widths)
        check(False, "three wide characters fitted in five cells")
    except WidthMismatch:
        pass
    emoji = cell_box(9, 0, 2)
    check(renderer.emoji is None or any(
        p[0] > 150 and p[1] < 90 for p in pixels(emoji)), "the red apple emoji was not drawn in colour")

    if failures:
        for f in failures:
            print(f"render-screen self-test: FAIL {f}", file=sys.stderr)
        return 1
    print(f"render-screen self-test: passed (cell {cw}×{ch_} px, {cols}×{rows} grid → "
          f"{image.width}×{image.height} px)")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--cols", type=int)
    parser.add_argument("--rows", type=int)
    parser.add_argument("--cursor", help="X,Y of a cursor to draw as a block")
    parser.add_argument("capture", nargs="?")
    parser.add_argument("out", nargs="?")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not (args.cols and args.rows and args.capture and args.out):
        parser.error("give --cols, --rows, a capture file and an output PNG")
    cursor = tuple(int(v) for v in args.cursor.split(",")) if args.cursor else None
    render_file(args.capture, args.out, args.cols, args.rows, cursor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
