"""Where things live in a safety repository (DESIGN.md, "Repository layout")."""

from __future__ import annotations

import operator
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from safecheck.cache import ParsedCache
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


_NAME = operator.attrgetter("name")
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
            return sorted(found, key=_NAME)
    except PermissionError:
        return Msg("layout.unreadable")
    except OSError as exc:
        return Msg("layout.os_error", error=os_reason(exc))


def survey(root: Path, documents: Mapping[str, str | None] | None = None,
           folders: Folders | None = None) -> Iterator[Stray]:
    """Every path under ``records/`` that is not a hazard record, an inspection record,
    or a document named by its record (``documents``: relpath of a record → its document
    names joined by ``/``, which no file name holds; a record not in it, or None, lets
    any file in its folder count, unless ``folders`` defers such records' folders).
    Symlinks are reported, never followed; special files, hidden files, ``.yml`` files
    and files at the wrong depth are reported too: nothing under records/ goes unread.
    ``folders``
    reads the records' own folders (remembering what unchanged ones hold) and keeps what
    it found, so that nobody lists them twice."""
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
        yield from _unit(unit, rel, documents, folders or Folders())


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


def _unit(unit: os.DirEntry[str], rel: str, documents: Mapping[str, str | None] | None,
          folders: Folders) -> Iterator[Stray]:
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
        yield from _year(year, yrel, documents, folders)


def _year(year: os.DirEntry[str], rel: str, documents: Mapping[str, str | None] | None,
          folders: Folders) -> Iterator[Stray]:
    entries = _entries(year.path)
    if isinstance(entries, Msg):
        yield Stray(rel, entries)
        return
    kinds = [(entry, _kind(entry)) for entry in entries]
    records = {e.name[:-len(RECORD_SUFFIX)] for e, kind in kinds
               if kind == "file" and e.name.endswith(RECORD_SUFFIX)
               and not e.name.startswith(".")}
    for entry, kind in kinds:
        name = entry.name
        if kind == "file" and name.endswith(RECORD_SUFFIX) \
                and name[:-len(RECORD_SUFFIX)] in records:
            continue  # a record in its place (a hundred thousand of them: nothing else)
        erel = f"{rel}/{name}"
        if kind == "dir" and name == INSPECTIONS:
            yield from _inspections(entry, erel)
        elif kind == "dir" and name in records:
            record = f"{erel}{RECORD_SUFFIX}"
            if folders.deferred is not None and documents is not None \
                    and record not in documents:
                folders.deferred.append(record)  # what it names is not known yet
                continue
            named = None if documents is None else documents.get(record)
            yield from _documents(entry.path, erel, named, record, folders)
        elif kind == "dir" and not name.startswith("."):
            yield Stray(erel, Msg("layout.orphan_folder"))
        else:
            yield Stray(erel, _why(kind, name, "layout.not_record"))


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


def survey_folders(root: Path, records: Iterable[str],
                   documents: Mapping[str, str | None], folders: Folders
                   ) -> Iterator[Stray]:
    """What :func:`survey` finds in the folders of ``records`` (relpaths of record files
    the survey found in place), for the folders it deferred."""
    for record in records:
        rel = record.removesuffix(RECORD_SUFFIX)
        path = os.fspath(root / rel)
        try:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                continue  # none, or a symlink or file: the survey said so itself
        except OSError:
            continue
        yield from _documents(path, rel, documents.get(record), record, folders)


def _documents(folder: str, rel: str, named: str | None, record: str,
               folders: Folders) -> Iterator[Stray]:
    entries = folders.read(record, folder, named)
    if isinstance(entries, Msg):
        yield Stray(rel, entries)
        return
    names = None if named is None else set(named.split("/"))
    for name, kind in entries:
        drel = f"{rel}/{name}"
        if kind != "file" or name.startswith("."):
            yield Stray(drel, _why(kind, name, "layout.not_document"))
        elif names is not None and name not in names:
            yield Stray(drel, Msg("layout.unnamed_document"))


#: A folder changed this recently is listed again next time ("racy git").
_RACY_NS = 2_000_000_000


class Folders:
    """The records' own folders as a survey reads them: each one's entries (name, kind),
    remembered by the folder's modification time, change time and inode, which any entry
    added, removed or renamed changes. An unchanged folder is not listed again; one
    changed in the last two seconds, or remembered in an unexpected shape, is. A folder
    that held exactly the files its record names is remembered as such, with the names:
    while neither changes, it is neither listed nor compared again."""

    def __init__(self, memory: ParsedCache | None = None, defer: bool = False) -> None:
        self.memory = memory
        #: The names in each record's folder that was read, by the record's relpath.
        self.names: dict[str, set[str]] = {}
        #: Records whose folder holds exactly the documents they name, all files.
        self.complete: set[str] = set()
        #: ``defer``: the records whose folder a survey left for later, because the
        #: documents it was given do not say what they name.
        self.deferred: list[str] | None = [] if defer else None
        self._now = time.time_ns()

    def read(self, record: str, folder: str, named: str | None = None
             ) -> list[tuple[str, str]] | Msg:
        """The entries of ``record``'s folder (its path), or why it cannot be read; none
        when it holds exactly the files ``named`` (``/``-joined), which it then counts
        as complete."""
        signature = None
        if self.memory is not None:
            try:
                found = os.lstat(folder)
                signature = f"{found.st_mtime_ns}:{found.st_ctime_ns}:{found.st_ino}"
                changed = max(found.st_mtime_ns, found.st_ctime_ns)
            except OSError:
                signature = None
            if (signature is not None and named
                    and self.memory.peek(record) == f"{signature}{_SEP}{_COMPLETE}{named}"):
                self.complete.add(record)
                return []
        pairs = self._recall(record, signature)
        listed = pairs is None
        if pairs is None:
            entries = _entries(folder)
            if isinstance(entries, Msg):
                return entries
            pairs = [(e.name, _kind(e)) for e in entries]
        names = {name for name, _ in pairs}
        complete = bool(named and _holds_exactly(pairs, names, named))
        # Remembered only when settled: a folder changed within the clock's granularity
        # could change again unseen.
        if signature is not None and self._now - changed > _RACY_NS:
            assert self.memory is not None
            if complete:
                self.memory.put(record, f"{signature}{_SEP}{_COMPLETE}{named}")
            elif listed and not any(_SEP in name for name, _ in pairs):
                self.memory.put(record, _SEP.join(
                    [signature, *(_CODES[kind] + name for name, kind in pairs)]))
        if complete:
            self.complete.add(record)
            return []
        self.names[record] = names
        return pairs

    def save(self) -> None:
        """Keep what was read of the folders, and only that (folders gone are forgotten;
        those a survey deferred are listed again next time)."""
        if self.memory is not None and (self.names or self.complete):
            self.memory.save(keep=self.complete.union(self.names))

    def _recall(self, record: str, signature: str | None) -> list[tuple[str, str]] | None:
        """What the folder held when last listed, if it has not changed since (stored as
        one string: the signature, then each entry's kind code and name)."""
        if signature is None or self.memory is None:
            return None
        known = self.memory.peek(record)
        if type(known) is not str:
            return None
        stored, *items = known.split(_SEP)
        if stored != signature or not all(item[:1] in _KIND_OF for item in items):
            return None
        return [(item[1:], _KIND_OF[item[:1]]) for item in items]


def _holds_exactly(pairs: list[tuple[str, str]], names: set[str], named: str) -> bool:
    """Every entry a plain file named by the record, and every name there."""
    return (len(names) == len(pairs) and names == set(named.split("/"))
            and all(kind == "file" and not name.startswith(".") for name, kind in pairs)
            and _SEP not in named)


#: A folder entry's kind as one letter, and the character between a folder's entries.
_CODES = {"file": "f", "dir": "d", "symlink": "l", "special": "s"}
_KIND_OF = {code: kind for kind, code in _CODES.items()}
_SEP = "\x1f"
#: Marks a remembered folder that held exactly its record's documents (no kind code).
_COMPLETE = "="


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
