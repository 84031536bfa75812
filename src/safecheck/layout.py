"""Where things live in a safety repository (DESIGN.md, "Repository layout")."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from safecheck.config import SETTINGS_FILE
from safecheck.errors import NotFound, os_reason
from safecheck.i18n import Msg
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
    raise NotFound(Msg("layout.no_root", start=str(start)))


def hazard_path(root: Path, hazard_id: str) -> Path:
    """``records/<UNIT>/<YYYY>/<ID>.yaml`` for a well-formed hazard ID."""
    parsed = parse_hazard_id(hazard_id)
    if parsed is None:
        raise NotFound(Msg("layout.bad_hazard_id", id=hazard_id))
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
        raise NotFound(Msg("layout.bad_inspection_id", id=inspection_id))
    unit, day, _ = parsed
    return root / RECORDS / unit / f"{day:%Y}" / INSPECTIONS / f"{inspection_id}{RECORD_SUFFIX}"


def _subdirs(path: Path | str) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            yield from sorted(
                (e for e in entries if e.is_dir(follow_symlinks=False)
                 and not e.name.startswith(".")),
                key=lambda e: e.name,
            )
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return


def _yaml_names(path: Path | str) -> list[str]:
    try:
        with os.scandir(path) as entries:
            return sorted(e.name for e in entries
                          if e.name.endswith(RECORD_SUFFIX) and not e.name.startswith(".")
                          and e.is_file(follow_symlinks=False))
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return []


def _yaml_files(path: Path | str) -> Iterator[Path]:
    for name in _yaml_names(path):
        yield Path(path) / name


def hazard_files(root: Path) -> Iterator[Path]:
    """Every ``records/<UNIT>/<YYYY>/*.yaml`` regular file, in a stable order (symlinks
    are never followed: :func:`survey` reports them)."""
    for unit in _subdirs(root / RECORDS):
        for year in _subdirs(unit.path):
            yield from _yaml_files(year.path)


def hazard_relpaths(root: Path) -> Iterator[str]:
    """The files of :func:`hazard_files` as ``records/<UNIT>/<YYYY>/<NAME>.yaml`` strings,
    in the same order (no Path objects: a hundred thousand of them cost seconds)."""
    for unit in _subdirs(root / RECORDS):
        for year in _subdirs(unit.path):
            prefix = f"{RECORDS}/{unit.name}/{year.name}/"
            for name in _yaml_names(year.path):
                yield prefix + name


def inspection_files(root: Path) -> Iterator[Path]:
    """Every ``records/<UNIT>/<YYYY>/inspections/*.yaml`` regular file."""
    for unit in _subdirs(root / RECORDS):
        for year in _subdirs(unit.path):
            yield from _yaml_files(Path(year.path) / INSPECTIONS)


@dataclass(frozen=True)
class Stray:
    """A path under records/ that is neither a record in its place nor a document of one."""

    relpath: str
    reason: Msg


_UNIT_DIR = re.compile(r"^[A-Z0-9]{2,6}$")
_YEAR_DIR = re.compile(r"^[0-9]{4}$")


def _kind(entry: os.DirEntry[str]) -> str:
    """file, dir, symlink or special, without following links."""
    try:
        if entry.is_symlink():
            return "symlink"
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if entry.is_file(follow_symlinks=False):
            return "file"
    except OSError:
        return "special"
    return "special"


def _entries(path: str) -> list[os.DirEntry[str]] | Msg:
    try:
        with os.scandir(path) as found:
            return sorted(found, key=lambda e: e.name)
    except PermissionError:
        return Msg("layout.unreadable")
    except OSError as exc:
        return Msg("layout.os_error", error=os_reason(exc))


def survey(root: Path, documents: dict[str, set[str]] | None = None,
           listings: dict[str, set[str]] | None = None) -> Iterator[Stray]:
    """Every path under ``records/`` that is not a hazard record, an inspection record,
    or a document named by its record (``documents``: relpath of a record → its document
    names; a record not in it, or None, lets any file in its folder count). Symlinks are
    reported, never followed; special files, hidden files, ``.yml`` files and files at
    the wrong depth are reported too: nothing under records/ goes unread. ``listings``,
    when given, gets the names in each record's documents folder that was read (by the
    record's relpath), so that nobody lists those folders twice."""
    base = root / RECORDS
    if not base.is_dir():
        return
    top = _entries(str(base))
    if isinstance(top, Msg):
        yield Stray(RECORDS, top)
        return
    for unit in top:
        rel = f"{RECORDS}/{unit.name}"
        kind = _kind(unit)
        if unit.name == ".gitkeep" and kind == "file":
            continue
        if kind != "dir" or not _UNIT_DIR.match(unit.name):
            yield Stray(rel, _why(kind, unit.name, "layout.not_unit"))
            continue
        yield from _unit(unit, rel, documents, listings)


def _why(kind: str, name: str, otherwise: str) -> Msg:
    if kind == "symlink":
        return Msg("layout.symlink")
    if kind == "special":
        return Msg("layout.special")
    if name.startswith("."):
        return Msg("layout.hidden")
    if name.endswith(".yml"):
        return Msg("layout.yml")
    return Msg(otherwise)


def _unit(unit: os.DirEntry[str], rel: str, documents: dict[str, set[str]] | None,
          listings: dict[str, set[str]] | None) -> Iterator[Stray]:
    years = _entries(unit.path)
    if isinstance(years, Msg):
        yield Stray(rel, years)
        return
    for year in years:
        yrel = f"{rel}/{year.name}"
        kind = _kind(year)
        if kind != "dir" or not _YEAR_DIR.match(year.name):
            yield Stray(yrel, _why(kind, year.name, "layout.not_year"))
            continue
        yield from _year(year, yrel, documents, listings)


def _year(year: os.DirEntry[str], rel: str, documents: dict[str, set[str]] | None,
          listings: dict[str, set[str]] | None) -> Iterator[Stray]:
    entries = _entries(year.path)
    if isinstance(entries, Msg):
        yield Stray(rel, entries)
        return
    records = {e.name[:-len(RECORD_SUFFIX)] for e in entries
               if e.name.endswith(RECORD_SUFFIX) and not e.name.startswith(".")
               and _kind(e) == "file"}
    for entry in entries:
        erel = f"{rel}/{entry.name}"
        kind = _kind(entry)
        if kind == "file" and entry.name.endswith(RECORD_SUFFIX) \
                and not entry.name.startswith("."):
            continue
        if kind == "dir" and entry.name == INSPECTIONS:
            yield from _inspections(entry, erel)
        elif kind == "dir" and entry.name in records:
            record = f"{erel}{RECORD_SUFFIX}"
            named = None if documents is None else documents.get(record)
            yield from _documents(entry, erel, named, record, listings)
        elif kind == "dir" and not entry.name.startswith("."):
            yield Stray(erel, Msg("layout.orphan_folder"))
        else:
            yield Stray(erel, _why(kind, entry.name, "layout.not_record"))


def _inspections(folder: os.DirEntry[str], rel: str) -> Iterator[Stray]:
    entries = _entries(folder.path)
    if isinstance(entries, Msg):
        yield Stray(rel, entries)
        return
    for entry in entries:
        kind = _kind(entry)
        if kind == "file" and entry.name.endswith(RECORD_SUFFIX) \
                and not entry.name.startswith("."):
            continue
        yield Stray(f"{rel}/{entry.name}", _why(kind, entry.name, "layout.not_record"))


def _documents(folder: os.DirEntry[str], rel: str, named: set[str] | None, record: str,
               listings: dict[str, set[str]] | None) -> Iterator[Stray]:
    entries = _entries(folder.path)
    if isinstance(entries, Msg):
        yield Stray(rel, entries)
        return
    if listings is not None:
        listings[record] = {entry.name for entry in entries}
    for entry in entries:
        kind = _kind(entry)
        drel = f"{rel}/{entry.name}"
        if kind != "file" or entry.name.startswith("."):
            yield Stray(drel, _why(kind, entry.name, "layout.not_document"))
        elif named is not None and entry.name not in named:
            yield Stray(drel, Msg("layout.unnamed_document"))


def relative(root: Path, path: Path) -> str:
    """``path`` relative to the repository root, in POSIX form, for messages."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class PathKind:
    """What a repository path under records/ is: a hazard record, an inspection record,
    a document of a hazard (``record`` names its record), the keep file, or a stray."""

    kind: str                 # hazard | inspection | document | keep | stray
    record: str | None = None
    reason: Msg | None = None


def classify(relpath: str, mode: str | None = None) -> PathKind:
    """Classify a path as git sees it (``mode`` 120000 is a symlink), the same way
    :func:`survey` judges the work tree."""
    parts = relpath.split("/")
    name = parts[-1]
    if mode == "120000":
        return PathKind("stray", reason=Msg("layout.symlink"))
    if parts == [RECORDS, ".gitkeep"]:
        return PathKind("keep")
    if len(parts) < 4 or not _UNIT_DIR.match(parts[1]) or not _YEAR_DIR.match(parts[2]):
        return PathKind("stray", reason=_why("file", name, "layout.not_record"))
    if name.startswith("."):
        return PathKind("stray", reason=Msg("layout.hidden"))
    if len(parts) == 4:
        if name.endswith(RECORD_SUFFIX):
            return PathKind("hazard")
        return PathKind("stray", reason=_why("file", name, "layout.not_record"))
    if len(parts) == 5 and parts[3] == INSPECTIONS:
        if name.endswith(RECORD_SUFFIX):
            return PathKind("inspection")
        return PathKind("stray", reason=_why("file", name, "layout.not_record"))
    if len(parts) == 5 and not parts[3].startswith("."):
        return PathKind("document", record="/".join(parts[:3]) + f"/{parts[3]}{RECORD_SUFFIX}")
    return PathKind("stray", reason=Msg("layout.not_document"))
