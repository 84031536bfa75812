"""``fmt`` and ``migrate``: rewrite record files in the canonical form the tool writes
(schema 2, fixed key order, block style), or report the files that are not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from safecheck import atomic, layout, yamlio
from safecheck.errors import DataError, Problem
from safecheck.i18n import Msg
from safecheck.loading import validated
from safecheck.models.hazard import SCHEMA, Hazard
from safecheck.progress import Progress, tracked


@dataclass
class FormatResult:
    """Files that were (or would be) rewritten, and files that could not be read."""

    changed: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _model_for(data: dict[str, object]) -> type[BaseModel] | None:
    if data.get("kind") == "hazard":
        return Hazard
    if data.get("kind") == "inspection":
        from safecheck.models.inspection import Inspection
        return Inspection
    return None


def canonical_text(text: str, relpath: str) -> tuple[str, bool]:
    """The canonical form of a record file's text, and whether the file is of an older
    schema; raises DataError if it is invalid."""
    data = yamlio.load_mapping(text, relpath)
    model = _model_for(data)
    if model is None:
        raise DataError(Problem(relpath, Msg("error.unknown_kind", kind=str(data.get("kind"))),
                                yamlio.line_of(text, "kind"), "kind"))
    old = data.get("schema") != SCHEMA
    record = validated(model, data, text, relpath)
    return yamlio.dump(record.to_data()), old  # type: ignore[attr-defined]


def _files(root: Path, paths: list[Path] | None) -> list[Path]:
    if paths:
        return [p if p.is_absolute() else Path.cwd() / p for p in paths]
    return [*layout.hazard_files(root), *layout.inspection_files(root)]


def format_records(root: Path, paths: list[Path] | None, check: bool,
                   only_old: bool = False, progress: Progress | None = None) -> FormatResult:
    """Canonicalize ``paths`` (default: every hazard and inspection file); with
    ``only_old``, only files of an older schema (``migrate``). ``check`` writes nothing.
    ``progress`` hears of each file done."""
    result = FormatResult()
    files = _files(root, paths)
    task = Msg("progress.migrate" if only_old else "progress.fmt")
    for path in tracked(files, len(files), progress, task):
        relpath = layout.relative(root, path)
        try:
            text = yamlio.read_file(path, relpath)
            canonical, old = canonical_text(text, relpath)
        except DataError as exc:
            result.problems.append(exc.problem)
            continue
        if canonical == text or (only_old and not old):
            continue
        result.changed.append(relpath)
        if not check:
            atomic.write_text(path, canonical, expected=text)
            result.written.append(path)
    return result
