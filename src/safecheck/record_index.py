"""The ledger as summaries: every hazard record's summary and own findings, from a cache.

``audit`` and ``list`` need, for each record, a few facts (status, dates, unit …) and what
the record rules find in it. Both are worked out once per version of a file, on every core
when many files changed, and kept in ``.git/safecheck/records.marshal`` under the file's
path, size, modification time, inode and change time. A run stats every file and parses
and validates only those whose version is not in the cache. Full models are never kept.

The cache is trusted only when it was written by this very code (the package's files are
part of its stamp) for these settings and checklists (their content is too), and never
for a file modified in the last two seconds (a same-size edit within the file system's
timestamp granularity would go unseen; the change time counts, as nobody can set it back).
An unreadable cache file counts as empty.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from safecheck import layout, parallel, yamlio
from safecheck.cache import ParsedCache, cache_dir
from safecheck.context import LedgerContext
from safecheck.errors import DataError, Problem, os_reason
from safecheck.findings import Finding
from safecheck.i18n import Msg
from safecheck.record_rules import record_findings
from safecheck.store import StoredHazard, hazard_from_data, parse_hazard
from safecheck.summary import (
    RecordSummary,
    Unstorable,
    documents_of,
    from_wire,
    summarize,
    to_wire,
)
from safecheck.wire import (
    Unencodable,
    decode_finding,
    decode_problem,
    encode_finding,
    encode_problem,
)

CACHE_FILE = "records.marshal"

#: Files modified this recently are not cached ("racy git", as the parse cache).
RACY_SECONDS = 2


@dataclass
class RecordIndex:
    """Every hazard record that loaded as a summary, the problems of those that did not
    (and the lifecycle problems of those that did), and what the record rules found."""

    root: Path
    summaries: list[RecordSummary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


# What one record file gives: its summary (None when it did not load), its problems and
# findings, encoded; None instead when something in it cannot be encoded.
_Entry = tuple[str | None, tuple[Any, ...], tuple[Any, ...]]


def _examine(context: LedgerContext, relpath: str) -> tuple[RecordSummary | None,
                                                             list[Problem], list[Finding]]:
    """Read, parse and validate one record; summarise it and run the record rules."""
    path = context.root / relpath
    try:
        text = yamlio.read_file(path, relpath)
        data = yamlio.load_mapping(text, relpath)
    except DataError as exc:
        return None, [exc.problem], []
    hazard, problems = hazard_from_data(data, lambda: text, relpath)
    if hazard is None:
        return None, problems, []
    stored = StoredHazard(hazard, path, relpath, text)
    return (summarize(hazard, relpath, text), problems, record_findings(stored, context))


def _entry(context: LedgerContext, relpath: str) -> _Entry | None:
    summary, problems, findings = _examine(context, relpath)
    try:
        return (None if summary is None else to_wire(summary),
                tuple(encode_problem(p) for p in problems),
                tuple(encode_finding(f) for f in findings))
    except (Unencodable, Unstorable):
        return None


def _entries(context: LedgerContext, relpaths: Sequence[str]) -> list[_Entry | None]:
    return [_entry(context, relpath) for relpath in relpaths]


def _decoded(relpath: str, entry: _Entry
             ) -> tuple[RecordSummary | None, list[Problem], list[Finding]]:
    summary, problems, findings = entry
    return (None if summary is None else from_wire(relpath, summary),
            [decode_problem(p) for p in problems], [decode_finding(f) for f in findings])


def _code_stamp() -> str:
    """What identifies this version of the code: the package's files' sizes and times."""
    package = Path(__file__).parent
    digest = hashlib.sha1(usedforsecurity=False)
    for file in sorted(package.rglob("*.py")):
        stat = file.stat()
        digest.update(f"{file}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def context_stamp(context: LedgerContext) -> str:
    """What identifies the settings and checklists the record rules read."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(context.settings.model_dump_json().encode())
    for checklist_id, checklist in context.checklists.items():
        digest.update(f"\0{checklist_id}\0".encode())
        digest.update(checklist.model_dump_json().encode())
    return digest.hexdigest()


def _signature(stat: os.stat_result) -> str:
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}:{stat.st_ctime_ns}"


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building a hundred thousand summaries (which
    hold no cycles) would otherwise set off collections that walk them all, over and over
    (a second of a warm audit at 100k)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load_index(context: LedgerContext) -> RecordIndex:
    """Summaries of every hazard under ``records/``, from the cache where the file is
    unchanged; never raises for a bad file."""
    with gc_paused():
        return scan_index(context).finish()


@dataclass
class IndexScan:
    """The first half of :func:`load_index`: every record file stat'ed and its cache
    entry found (or not). What the known entries say can be read before the rest is
    worked out (the audit's survey of folders starts from it, in another process)."""

    context: LedgerContext
    cache: ParsedCache
    #: (relpath, cached entry or None) of every record file, in the layout's order.
    known: list[tuple[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Signatures of the files not cached that may be (not changed in the last seconds).
    fresh: dict[str, str] = field(default_factory=dict)
    #: Records whose cached entry turned out unusable and were examined again.
    examined_again: set[str] = field(default_factory=set)
    #: The signature of each cached record's file as the scan found it.
    signatures: dict[str, str] = field(default_factory=dict)

    def basis(self) -> str:
        """What the cached entries found depend on (each file's path and signature):
        two scans with the same basis found the same entries."""
        digest = hashlib.sha1(usedforsecurity=False)
        digest.update("\0".join(f"{relpath}\0{self.signatures[relpath]}"
                                for relpath, entry in self.known
                                if entry is not None).encode())
        return digest.hexdigest()

    def documents(self) -> dict[str, str | None]:
        """The documents each cached record names (``/``-joined; None for a record that
        did not load), as its cache entry says; records not cached, or whose entry is
        not a summary's, are left out."""
        found: dict[str, str | None] = {}
        for relpath, entry in self.known:
            if entry is None:
                continue
            if entry[0] is None:
                found[relpath] = None
            else:
                named = documents_of(entry[0])
                if named is not None:
                    found[relpath] = named
        return found

    def finish(self) -> RecordIndex:
        """Examine what the cache did not know (on every core) and decode the rest."""
        index = RecordIndex(self.context.root, problems=list(self.problems))
        todo = [relpath for relpath, entry in self.known if entry is None]
        made = parallel.map_chunks(partial(_entries, self.context), todo)
        for relpath, entry in self.known:
            if entry is None:
                entry = next(made)
                if entry is not None and relpath in self.fresh:
                    self.cache.put(relpath, (self.fresh[relpath], *entry))
            _add(index, self, relpath, entry)
        self.cache.save(prune=True)
        return index


def known_size(context: LedgerContext) -> int:
    """The size in bytes of a record cache this code would use (0 when there is none,
    or it was written by other code or for other settings): a hint of how large a ledger
    is, and how much of it is known, before anything is read."""
    folder = cache_dir(context.root)
    if folder is None:
        return 0
    file = folder / CACHE_FILE
    try:
        size = file.stat().st_size
    except OSError:
        return 0
    return size if ParsedCache.written_under(file, _stamp(context)) else 0


def _stamp(context: LedgerContext) -> str:
    return f"records {_code_stamp()} {context_stamp(context)}"


def scan_index(context: LedgerContext) -> IndexScan:
    """Stat every record file and look it up in the record cache."""
    root = context.root
    folder = cache_dir(root)
    scan = IndexScan(context, ParsedCache(folder / CACHE_FILE if folder else None,
                                          _stamp(context)))
    now_ns = time.time_ns()
    cache = scan.cache
    base = os.fspath(root)
    for relpath in layout.hazard_relpaths(root):
        try:
            # strings, not Paths: this loop runs once per record, a hundred thousand times
            stat = os.stat(base + "/" + relpath)  # noqa: PTH116
        except OSError as exc:
            scan.problems.append(Problem(relpath, Msg("file.unreadable",
                                                       reason=os_reason(exc))))
            continue
        signature = _signature(stat)
        cached = cache.get(relpath)
        entry = None
        if type(cached) is tuple and len(cached) == 4 and cached[0] == signature:
            entry = cached[1:]
            scan.signatures[relpath] = signature
        # the change time too: unlike mtime, nobody can set it back
        if entry is None and \
                now_ns - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_SECONDS * 1_000_000_000:
            scan.fresh[relpath] = signature
        scan.known.append((relpath, entry))
    return scan


def _add(index: RecordIndex, scan: IndexScan, relpath: str, entry: Any) -> None:
    try:
        if entry is None:
            raise ValueError("not encodable")
        summary, problems, findings = _decoded(relpath, entry)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        scan.cache.forget(relpath)  # never trusted: examined again, here
        scan.examined_again.add(relpath)
        summary, problems, findings = _examine(scan.context, relpath)
    if summary is not None:
        index.summaries.append(summary)
    index.problems.extend(problems)
    index.findings.extend(findings)


def stored_hazards(root: Path, summaries: Iterable[RecordSummary]) -> Iterator[StoredHazard]:
    """The full records behind ``summaries``, read one at a time (for a command that
    prints them whole); a file that no longer loads is left out."""
    for summary in summaries:
        path = root / summary.relpath
        try:
            text = yamlio.read_file(path, summary.relpath)
        except DataError:
            continue
        hazard, _ = parse_hazard(text, summary.relpath)
        if hazard is not None:
            yield StoredHazard(hazard, path, summary.relpath, text)
