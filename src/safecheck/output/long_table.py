"""A table of thousands of rows, written row by row as it is laid out.

Rich measures and renders every cell of a table as rich text before printing anything:
right for a screenful, but ten thousand rows take seconds and hold every cell in memory.
Past :data:`STREAM_FROM` rows, the ledger's tables are laid out here instead, in rich's
look (a heavy header, light rules): column widths from the cells' display widths (CJK
characters count two), wide text folded, each row written as soon as it is ready.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console

from safecheck.printable import printable

#: Tables longer than this are written here rather than rendered by rich.
STREAM_FROM = 500


@dataclass(frozen=True)
class Column:
    """A column: its header, whether long text folds, and whether it aligns right."""

    header: str
    fold: bool = False
    right: bool = False


def _fold(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words where it can
    be (as rich wraps), inside a word longer than a line."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in _WORDS.findall(text):
        size = cell_len(word)
        if used + size - cell_len(word) + cell_len(word.rstrip()) > width and line:
            lines.append(line.rstrip())
            line, used = "", 0
            word = word.lstrip()
            size = cell_len(word)
        while size > width:  # a word longer than a line: folded
            cut, taken = "", 0
            for char in word:
                if taken + cell_len(char) > width - used:
                    break
                cut += char
                taken += cell_len(char)
            if not cut and not line:
                cut, taken = word[0], cell_len(word[0])
            lines.append((line + cut).rstrip())
            line, used = "", 0
            word = word[len(cut):]
            size = cell_len(word)
        line += word
        used += size
    lines.append(line.rstrip())
    return lines


_WORDS = re.compile(r"\s*\S+\s*")


def _widths(columns: list[Column], rows: list[list[str]], room: int) -> list[int]:
    widths = [cell_len(c.header) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            size = cell_len(cell)
            if size > widths[i]:
                widths[i] = size
    over = sum(widths) + 3 * len(columns) + 1 - room
    for i in sorted((i for i, c in enumerate(columns) if c.fold),
                    key=lambda i: -widths[i]):
        if over <= 0:
            break
        cut = min(over, widths[i] - max(8, cell_len(columns[i].header)))
        if cut > 0:
            widths[i] -= cut
            over -= cut
    return widths


def _line(cells: list[str], widths: list[int], columns: list[Column], bar: str) -> str:
    parts = []
    for cell, width, column in zip(cells, widths, columns, strict=True):
        pad = " " * (width - cell_len(cell))
        parts.append(pad + cell if column.right else cell + pad)
    return f"{bar} " + f" {bar} ".join(parts) + f" {bar}"


def _rule(widths: list[int], left: str, cross: str, right: str, fill: str) -> str:
    return left + cross.join(fill * (w + 2) for w in widths) + right


def print_long_table(console: Console, columns: list[Column],
                     rows: Iterable[tuple[list[str], str | None]], title: str | None = None
                     ) -> None:
    """Write ``rows`` (plain cells, and a style for the whole row or None) under
    ``columns`` (and ``title``), as wide as the console allows. Control characters are
    escaped."""
    table = [([printable(cell) for cell in cells], style) for cells, style in rows]
    widths = _widths(columns, [cells for cells, _ in table], console.width)
    terminal = console.is_terminal
    out = sys.stdout

    def write(line: str, style: str | None = None) -> None:
        if terminal and style:
            console.print(line, style=style, markup=False, highlight=False,
                          soft_wrap=True)
        else:
            out.write(line + "\n")

    if title is not None:
        title = printable(title)
        write(title + " " * (sum(widths) + 3 * len(widths) + 1 - cell_len(title)))
    write(_rule(widths, "┏", "┳", "┓", "━"))
    write(_line([c.header for c in columns], widths, columns, "┃"), "bold")
    write(_rule(widths, "┡", "╇", "┩", "━"))
    for cells, style in table:
        folded = [_fold(cell, width) if column.fold else [cell]
                  for cell, width, column in zip(cells, widths, columns, strict=True)]
        for n in range(max(len(lines) for lines in folded)):
            write(_line([lines[n] if n < len(lines) else "" for lines in folded], widths,
                        columns, "│"), style)
    write(_rule(widths, "└", "┴", "┘", "─"))
