"""Spreadsheet formula injection (OWASP "CSV injection"), both ways.

A spreadsheet program runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a leading tab or carriage return can hide such a start. Text written to a
CSV file that begins with one of them is prefixed with a single quote; the importer
takes exactly that quote away again. The rule is a bijection on strings: a text that
already begins with quotes followed by a dangerous character gets one more quote, so
``'=x`` (a quote the user typed) survives the round trip as ``'=x``.

XLSX needs no prefix: there a text is stored as a text cell, which no spreadsheet
evaluates (see :mod:`safecheck.output.spreadsheet`).
"""

from __future__ import annotations

import re

#: Characters that make a spreadsheet read a cell as a formula (or hide one).
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

_ESCAPED = re.compile(r"^'*[=+\-@\t\r]")
_PREFIXED = re.compile(r"^'+[=+\-@\t\r]")


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula."""
    return text[:1] in DANGEROUS


def neutralise(text: str) -> str:
    """``text`` as it is written to a CSV cell: prefixed with ``'`` when it begins with a
    dangerous character (after any quotes of its own)."""
    return "'" + text if _ESCAPED.match(text) else text


def restore(text: str) -> str:
    """The text :func:`neutralise` was given: one leading quote taken away, only where
    it stands before quotes and a dangerous character."""
    return text[1:] if _PREFIXED.match(text) else text
