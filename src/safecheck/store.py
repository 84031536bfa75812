"""The ledger on disk: load every record, read and write one, copy documents in.

Loading returns problems as values (check-jsonschema style): one bad file never hides
the next. Writing is atomic and refuses to overwrite a file that changed since it was read.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from safecheck import atomic, layout, parallel, yamlio
from safecheck.cache import ParsedCache, cache_dir
from safecheck.errors import (
    ConflictError,
    DataError,
    NotFound,
    Problem,
    SafecheckError,
    os_reason,
)
from safecheck.i18n import Msg
from safecheck.journal import Journal
from safecheck.loading import located
from safecheck.models.common import problems_from
from safecheck.models.consistency import violations
from safecheck.models.hazard import Hazard


@dataclass
class StoredHazard:
    """A hazard with where it lives and the text it was read from (read again on demand
    when the ledger came from the cache)."""

    hazard: Hazard
    path: Path
    relpath: str
    source: str | None = None

    @property
    def text(self) -> str:
        """The file's text as it was read (or as it is now, if it was not kept)."""
        if self.source is None:
            self.source = yamlio.read_file(self.path, self.relpath)
        return self.source


@dataclass
class Ledger:
    """Every hazard record that loaded, and a problem for every file that did not."""

    root: Path
    hazards: list[StoredHazard] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def by_id(self) -> dict[str, StoredHazard]:
        """Hazards keyed by ID (the first file wins when IDs repeat)."""
        out: dict[str, StoredHazard] = {}
        for stored in self.hazards:
            out.setdefault(stored.hazard.id, stored)
        return out


def parse_hazard(text: str, relpath: str) -> tuple[Hazard | None, list[Problem]]:
    """Validate one record's text. A hazard that breaks only lifecycle rules is returned
    together with those problems, so later checks (overdue, duplicates) still see it."""
    try:
        data = yamlio.load_mapping(text, relpath)
    except DataError as exc:
        return None, [exc.problem]
    return hazard_from_data(data, lambda: text, relpath)


def hazard_from_data(data: dict[str, Any], text: Callable[[], str], relpath: str
                     ) -> tuple[Hazard | None, list[Problem]]:
    """Validate an already parsed mapping (see :func:`parse_hazard`); ``text`` gives the
    file's text for line numbers, only when there is a problem to locate."""
    kind = data.get("kind")
    if kind != "hazard":
        return None, [Problem(relpath, Msg("store.kind", found=repr(kind)),
                              yamlio.line_of(text(), "kind"), "kind")]
    try:
        hazard = Hazard.model_validate(data)
    except ValidationError as exc:
        return None, located(problems_from(exc, relpath), text())
    broken = violations(hazard)
    if not broken:
        return hazard, []
    return hazard, located((Problem(relpath, v.message, field=v.field) for v in broken),
                           text())


#: Files modified this recently are not cached: a same-size edit within the file
#: system's mtime granularity would otherwise go unnoticed ("racy git").
_RACY_SECONDS = 2


def _cache_key(relpath: str, stat: os.stat_result) -> str:
    return f"{relpath}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}"


def load_ledger(root: Path) -> Ledger:
    """Load every hazard under ``root/records``; never raises for a bad file.

    Unchanged files come from the parse cache; the rest are parsed (on every core when
    there are many) and validated here.
    """
    ledger = Ledger(root=root)
    folder = cache_dir(root)
    cache = ParsedCache(folder / "worktree.marshal" if folder else None)
    now = time.time()
    entries: list[tuple[str, Path, str, dict[str, Any] | None]] = []
    todo: list[tuple[str, Path]] = []
    fresh: dict[str, str] = {}
    for path in layout.hazard_files(root):
        relpath = path.relative_to(root).as_posix()
        try:
            stat = path.stat()
        except OSError as exc:
            ledger.problems.append(Problem(relpath, Msg("file.unreadable",
                                                          reason=os_reason(exc))))
            continue
        key = _cache_key(relpath, stat)
        data = cache.get(key)
        if data is None:
            todo.append((relpath, path))
            if now - stat.st_mtime > _RACY_SECONDS:
                fresh[relpath] = key
        entries.append((relpath, path, key, data))
    parsed = parallel.parse_paths(todo)  # in the order of ``todo``
    for relpath, path, _, data in entries:
        text = None
        if data is None:
            result = next(parsed)
            if result.data is None:
                assert result.problem is not None
                ledger.problems.append(result.problem)
                continue
            data, text = result.data, result.text
            if relpath in fresh:
                cache.put(fresh[relpath], data)
        _add(ledger, relpath, path, data, text)
    cache.save(prune=True)
    return ledger


def _add(ledger: Ledger, relpath: str, path: Path, data: dict[str, Any],
         text: str | None) -> None:
    def source() -> str:  # read again only if a problem needs a line number
        nonlocal text
        if text is None:
            text = yamlio.read_file(path, relpath)
        return text

    hazard, problems = hazard_from_data(data, source, relpath)
    ledger.problems.extend(problems)
    if hazard is not None:  # one that breaks only a lifecycle rule still counts
        ledger.hazards.append(StoredHazard(hazard, path, relpath, text))


def locate(root: Path, hazard_id: str) -> Path:
    """The file of ``hazard_id``: where its ID says, or wherever it was moved to."""
    path = layout.hazard_path(root, hazard_id)
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = None
    if mode is not None:
        if not stat.S_ISREG(mode):  # a link, folder or FIFO where the record belongs
            raise DataError(Problem(path.relative_to(root).as_posix(),
                                    Msg("file.not_regular")))
        return path
    name = path.name
    moved = [p for p in layout.hazard_files(root) if p.name == name]
    if len(moved) == 1:
        return moved[0]
    if moved:
        places = ", ".join(p.relative_to(root).as_posix() for p in moved)
        raise DataError(Problem(name, Msg("store.several_files", id=hazard_id, places=places)))
    raise NotFound(Msg("store.no_hazard", id=hazard_id,
                       path=path.relative_to(root).as_posix()))


def read_hazard(root: Path, hazard_id: str) -> StoredHazard:
    """Read one hazard for a change; any problem in its file is an error here."""
    path = locate(root, hazard_id)
    relpath = path.relative_to(root).as_posix()
    text = yamlio.read_file(path, relpath)
    hazard, problems = parse_hazard(text, relpath)
    if problems or hazard is None:
        raise DataError(problems[0])
    if hazard.id != hazard_id:
        raise DataError(Problem(relpath, Msg("store.holds_other", found=hazard.id, id=hazard_id),
                                yamlio.line_of(text, "id"), "id"))
    return StoredHazard(hazard, path, relpath, text)


#: How long a second writer waits for the first before giving up (seconds).
LOCK_TIMEOUT = 5.0


def lock_file(root: Path) -> Path:
    """Where writers of the ledger at ``root`` take turns: inside .git, never in the tree
    (a worktree's .git file names its git folder; outside git, the temp folder)."""
    git = root / ".git"
    if git.is_dir():
        return git / "safecheck" / "write.lock"
    if git.is_file():
        line = git.read_text(encoding="utf-8", errors="replace").strip()
        if line.startswith("gitdir:"):
            folder = Path(line.split(":", 1)[1].strip())
            return (folder if folder.is_absolute() else root / folder) / "safecheck-write.lock"
    import hashlib
    import tempfile

    digest = hashlib.sha1(str(root.resolve()).encode(), usedforsecurity=False).hexdigest()
    return Path(tempfile.gettempdir()) / f"safecheck-{digest[:16]}.lock"


#: The journal of each ledger whose write lock this process holds.
_journals: dict[Path, Journal] = {}


@contextlib.contextmanager
def writing(root: Path) -> Iterator[None]:
    """Hold the ledger's write lock for one read-modify-write (a second writer waits up
    to :data:`LOCK_TIMEOUT` seconds, then stops with exit 2). What a killed writer left
    unfinished is rolled back first (see safecheck.journal)."""
    busy = ConflictError(Msg("error.locked", seconds=int(LOCK_TIMEOUT)))
    lock = lock_file(root)
    with atomic.exclusive(lock, LOCK_TIMEOUT, busy):
        journal = Journal(root, lock.with_name(lock.name + ".journal"))
        journal.recover()
        _journals[root] = journal
        try:
            yield
        except BaseException:
            journal.recover()  # a change that failed half-way leaves nothing behind
            raise
        finally:
            _journals.pop(root, None)
        journal.clear()


def settled(root: Path) -> None:
    """Everything a change writes is written: from here on (a commit) a kill leaves it."""
    journal = _journals.get(root)
    if journal is not None:
        journal.clear()


def _journal(path: Path) -> Journal | None:
    """The journal of the locked ledger that ``path`` lies in, if any."""
    return next((j for root, j in _journals.items() if path.is_relative_to(root)), None)


def render(hazard: Hazard) -> str:
    """The canonical text of a hazard record."""
    return yamlio.dump(hazard.to_data())


def write_record(root: Path, path: Path, text: str, expected: str | None) -> None:
    """Write a record file (hazard or inspection run) atomically: new when ``expected``
    is None, else over the text that was read. A text the loader would refuse as too
    large is refused here, before anything is written."""
    size = len(text.encode("utf-8"))
    if size > yamlio.MAX_FILE_BYTES:
        raise SafecheckError(Msg("write.too_large", path=layout.relative(root, path),
                                 limit=f"{yamlio.MAX_FILE_BYTES:,}"))
    journal = _journal(path)
    if journal is not None:
        if expected is None:
            journal.new(path)
        else:
            journal.folder(path.parent)
    atomic.write_text(path, text, expected=expected)


def write_hazard(root: Path, hazard: Hazard, previous: StoredHazard | None) -> Path:
    """Write ``hazard`` atomically: a new file, or over ``previous`` if it is unchanged."""
    if previous is None:
        path = layout.hazard_path(root, hazard.id)
        write_record(root, path, render(hazard), expected=None)
    else:
        path = previous.path
        write_record(root, path, render(hazard), expected=previous.text)
    return path


@dataclass
class DocumentCopy:
    """Documents copied into a record's folder, undoable until the record is written."""

    names: list[str]
    created: list[Path]

    def undo(self) -> None:
        """Remove the copies (only files this copy created)."""
        for path in self.created:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        folder = self.created[0].parent if self.created else None
        if folder is not None:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if now empty


def _free_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    n = 2
    while True:
        candidate = f"{stem}-{n}.{suffix}" if dot else f"{stem}-{n}"
        if candidate not in taken:
            return candidate
        n += 1


def document_names(record_path: Path, sources: list[Path], taken: Iterable[str]) -> list[str]:
    """Names the ``sources`` will get in the record's folder: their own, made unique."""
    for source in sources:
        if not source.is_file():
            raise SafecheckError(Msg("store.bad_document", path=str(source)))
    folder = layout.documents_dir(record_path)
    used = set(taken)
    if folder.is_dir():
        used.update(p.name for p in folder.iterdir())
    names = []
    for source in sources:
        name = _free_name(source.name.lstrip(".") or "document", used)
        used.add(name)
        names.append(name)
    return names


def write_document(record_path: Path, name: str, text: str) -> Path:
    """Write the new text document ``name`` (an import's transcript) into the record's
    folder atomically, noted in the journal like a copied document: a writer killed before
    the record names it leaves no trace."""
    target = layout.documents_dir(record_path) / name
    journal = _journal(record_path)
    if journal is not None:
        journal.document(record_path, target)
    atomic.write_text(target, text, expected=None)
    return target


def copy_documents(record_path: Path, sources: list[Path], names: list[str]) -> DocumentCopy:
    """Copy ``sources`` into the record's folder as ``names``; never overwrites a file."""
    folder = layout.documents_dir(record_path)
    copy = DocumentCopy(names=[], created=[])
    journal = _journal(record_path)
    try:
        for source, name in zip(sources, names, strict=True):
            target = folder / name
            if journal is not None:
                journal.document(record_path, target)
            atomic.copy_new(source, target)
            copy.names.append(name)
            copy.created.append(target)
    except BaseException:
        copy.undo()
        raise
    return copy
