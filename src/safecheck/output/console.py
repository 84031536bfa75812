"""Consoles and machine output shared by the renderers."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from rich.console import Console


def stdout() -> Console:
    """A console for results: no syntax highlighting guesses; as wide as the terminal
    (or COLUMNS), and 160 columns when piped to a file."""
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    return Console(highlight=False, soft_wrap=False, width=width)


def stderr() -> Console:
    """A console for prompts and progress."""
    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """JSON with Chinese left readable, one document per call."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
