"""Where things live in a safety repository (DESIGN.md, "Repository layout")."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from safecheck.config import SETTINGS_FILE
from safecheck.errors import NotFound
from safecheck.ids import parse_hazard_id, parse_inspection_id

RECORDS = "records"
CHECKLISTS = "checklists"
TEMPLATES = "templates"
INSPECTIONS = "inspections"
RECORD_SUFFIX = ".yaml"


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding safecheck.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise NotFound(
        f"no {SETTINGS_FILE} in {start} or any folder above it "
        "(run 'safecheck init' or pass --repo PATH)"
    )


def hazard_path(root: Path, hazard_id: str) -> Path:
    """``records/<UNIT>/<YYYY>/<ID>.yaml`` for a well-formed hazard ID."""
    parsed = parse_hazard_id(hazard_id)
    if parsed is None:
        raise NotFound(f"'{hazard_id}' is not a hazard ID (expected UNIT-YYYYMMDD-XXXX)")
    unit, day = parsed
    return root / RECORDS / unit / f"{day:%Y}" / f"{hazard_id}{RECORD_SUFFIX}"


def hazard_relpath(hazard_id: str) -> str:
    """The repository-relative POSIX path a hazard's file belongs at."""
    return hazard_path(Path(), hazard_id).as_posix()


def documents_dir(record_path: Path) -> Path:
    """The record's own folder for photos, forms and reports: the path without .yaml."""
    return record_path.with_suffix("")


def inspection_path(root: Path, inspection_id: str) -> Path:
    """``records/<UNIT>/<YYYY>/inspections/<ID>.yaml`` for an inspection-run ID."""
    parsed = parse_inspection_id(inspection_id)
    if parsed is None:
        raise NotFound(f"'{inspection_id}' is not an inspection ID")
    unit, day, _ = parsed
    return root / RECORDS / unit / f"{day:%Y}" / INSPECTIONS / f"{inspection_id}{RECORD_SUFFIX}"


def _subdirs(path: Path | str) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            yield from sorted(
                (e for e in entries if e.is_dir() and not e.name.startswith(".")),
                key=lambda e: e.name,
            )
    except FileNotFoundError:
        return


def _yaml_files(path: Path | str) -> Iterator[Path]:
    try:
        with os.scandir(path) as entries:
            names = sorted(e.name for e in entries
                           if e.name.endswith(RECORD_SUFFIX) and not e.name.startswith(".")
                           and e.is_file())
    except FileNotFoundError:
        return
    for name in names:
        yield Path(path) / name


def hazard_files(root: Path) -> Iterator[Path]:
    """Every ``records/<UNIT>/<YYYY>/*.yaml`` file, in a stable order."""
    for unit in _subdirs(root / RECORDS):
        for year in _subdirs(unit.path):
            yield from _yaml_files(year.path)


def inspection_files(root: Path) -> Iterator[Path]:
    """Every ``records/<UNIT>/<YYYY>/inspections/*.yaml`` file."""
    for unit in _subdirs(root / RECORDS):
        for year in _subdirs(unit.path):
            yield from _yaml_files(Path(year.path) / INSPECTIONS)


def relative(root: Path, path: Path) -> str:
    """``path`` relative to the repository root, in POSIX form, for messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
