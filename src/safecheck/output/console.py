"""Consoles and machine output shared by the renderers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from safecheck.printable import printable


class SafeConsole(Console):
    """A rich console that never writes a control character it was given as text: only
    rich's own styles and controls reach the terminal (see safecheck.printable)."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else
            Segment(printable(segment.text, keep_layout=True), segment.style)
            for segment in buffer)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed or not a real stream
        return False


def stdout() -> Console:
    """A console for results: no syntax highlighting guesses; as wide as the terminal
    (or COLUMNS), and 160 columns when piped to a file."""
    width = None if _isatty(sys.stdout) or os.environ.get("COLUMNS") else 160
    return SafeConsole(highlight=False, soft_wrap=False, width=width)


def stderr() -> Console:
    """A console for prompts and progress."""
    return SafeConsole(stderr=True, highlight=False)
