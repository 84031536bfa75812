"""``fmt``: rewrite hand-edited record files in the canonical form, or report them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from safecheck import atomic, layout, yamlio
from safecheck.errors import DataError, Problem
from safecheck.models.common import validated
from safecheck.models.hazard import Hazard


@dataclass
class FormatResult:
    """Files that were (or would be) rewritten, and files that could not be read."""

    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


def _model_for(data: dict[str, object]) -> type[BaseModel] | None:
    if data.get("kind") == "hazard":
        return Hazard
    if data.get("kind") == "inspection":
        from safecheck.models.inspection import Inspection
        return Inspection
    return None


def canonical_text(text: str, relpath: str) -> str:
    """The canonical form of a record file's text; raises DataError if it is invalid."""
    data = yamlio.load_mapping(text, relpath)
    model = _model_for(data)
    if model is None:
        raise DataError(Problem(relpath, f"unknown kind {data.get('kind')!r}",
                                yamlio.line_of(text, "kind"), "kind"))
    record = validated(model, data, text, relpath)
    return yamlio.dump(record.to_data())  # type: ignore[attr-defined]


def format_records(root: Path, paths: list[Path] | None, check: bool) -> FormatResult:
    """Canonicalize ``paths`` (default: every hazard and inspection file)."""
    if paths:
        files = [p if p.is_absolute() else Path.cwd() / p for p in paths]
    else:
        files = [*layout.hazard_files(root), *layout.inspection_files(root)]
    result = FormatResult()
    for path in files:
        relpath = layout.relative(root, path)
        try:
            text = yamlio.read_file(path, relpath)
            canonical = canonical_text(text, relpath)
        except DataError as exc:
            result.problems.append(exc.problem)
            continue
        if canonical == text:
            result.unchanged += 1
            continue
        result.changed.append(relpath)
        if not check:
            atomic.write_text(path, canonical, expected=text)
    return result
