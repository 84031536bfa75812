"""The defaults that ship with safecheck: the ten checklists and the report templates.

The project's top-level checklists/ and templates/ are the one source: the wheel carries
them as ``safecheck/defaults/``; a source checkout (editable install) reads them in place.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def packaged_dir(name: str) -> Path:
    """The packaged folder ``name`` ('checklists' or 'templates')."""
    for candidate in (_PACKAGE / "defaults" / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"safecheck is installed without its {name}/ folder")
