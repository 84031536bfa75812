"""Consoles and machine output shared by the renderers."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console


def stdout() -> Console:
    """A console for results: no syntax highlighting guesses, wide when piped."""
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def stderr() -> Console:
    """A console for prompts and progress."""
    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """JSON with Chinese left readable, one document per call."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
