"""The ledger at any revision, from git (events between revisions are in events.py).

Blob contents are parsed once: parsed mappings are cached by blob id across runs (in
``.git/safecheck/``) and validated models are memoised within a run, so the many
unchanged files shared by two snapshots cost nothing the second time.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pydantic import ValidationError

from safecheck import parallel
from safecheck.cache import ParsedCache, cache_dir
from safecheck.errors import Problem
from safecheck.gitrepo import GitRepo
from safecheck.i18n import Msg
from safecheck.layout import INSPECTIONS, RECORDS
from safecheck.models.hazard import Hazard
from safecheck.models.inspection import Inspection
from safecheck.models.timeline import Timeline
from safecheck.progress import Progress, tracked
from safecheck.store import hazard_from_data

#: Timelines share the summary cache file; the prefix names their wire format. Each is
#: kept as its own marshal string, unpacked only when asked for: loading the file is then
#: one string per version instead of every version's tuples (1.1 s → 0.1 s at 100,000).
_TIMELINE = "tl2:"
_INVALID = "invalid"
#: Beyond this many cached blobs, a run keeps only the ones it used.
_CACHE_LIMIT = 200_000
#: Fewer blobs than this are parsed rather than looked up in the (big) blob cache.
BLOB_CACHE_FROM = 2_000
#: Blobs read from git and parsed at a time (their texts are not all held at once).
_BATCH = 5_000


def is_hazard_path(path: str) -> bool:
    """``records/<UNIT>/<YYYY>/<ID>.yaml`` (not an inspection, not a document)."""
    parts = path.split("/")
    return len(parts) == 4 and parts[0] == RECORDS and parts[3].endswith(".yaml")


def is_inspection_path(path: str) -> bool:
    """``records/<UNIT>/<YYYY>/inspections/<ID>.yaml``."""
    parts = path.split("/")
    return (len(parts) == 5 and parts[0] == RECORDS and parts[3] == INSPECTIONS
            and parts[4].endswith(".yaml"))


def holds_records(folder: str) -> bool:
    """A folder under ``records/`` that can hold record files: a unit's, a year's, or a
    year's inspections (a hazard's own folder holds only its documents)."""
    parts = folder.split("/")
    return len(parts) in (2, 3) or (len(parts) == 4 and parts[3] == INSPECTIONS)


def layout_files(git: GitRepo, revision: str) -> dict[str, str]:
    """path → blob id of every file in the folders that can hold records at
    ``revision`` (documents' folders are not read)."""
    return git.folders(revision, [RECORDS], holds_records)


def id_of(path: str) -> str:
    """The record ID a path names (its file name without .yaml)."""
    return PurePosixPath(path).stem


@dataclass(frozen=True)
class Version:
    """A record file at one revision: its blob, and its model or why there is none."""

    path: str
    blob: str
    hazard: Hazard | None
    problems: tuple[Problem, ...] = ()


@dataclass
class Snapshot:
    """The ledger at one revision: the timeline of every readable hazard, and the
    inspections."""

    revision: str | None
    hazards: dict[str, Timeline] = field(default_factory=dict)   # by path
    inspections: list[Inspection] = field(default_factory=list)
    #: Record files that could not be read (not counted: a report must say so).
    unreadable: list[str] = field(default_factory=list)


class Reader:
    """Reads and parses blobs for one run, through the persistent blob cache."""

    def __init__(self, git: GitRepo, progress: Progress | None = None) -> None:
        self.git = git
        self.progress = progress    # hears of each blob parsed
        self._folder = cache_dir(git.root)
        self._blob_cache: ParsedCache | None = None     # loaded only when a blob is parsed
        self._summary_cache: ParsedCache | None = None  # loaded only when asked
        self._data: dict[str, dict[str, Any] | Problem] = {}
        self._models: dict[str, tuple[Hazard | None, tuple[Problem, ...]]] = {}
        self._timelines: dict[str, Timeline | None] = {}  # worked out in this run

    @property
    def cache(self) -> ParsedCache:
        """Parsed mappings by blob id (a big file: read on first use)."""
        if self._blob_cache is None:
            self._blob_cache = ParsedCache(self._folder / "blobs.marshal"
                                           if self._folder else None)
        return self._blob_cache

    @property
    def _summaries(self) -> ParsedCache:
        """Timelines by blob id (read on first use: a question about a few commits
        never needs it)."""
        if self._summary_cache is None:
            self._summary_cache = ParsedCache(self._folder / "summaries.marshal"
                                              if self._folder else None, _TIMELINE)
        return self._summary_cache

    def close(self) -> None:
        """Save what this run parsed."""
        if self._blob_cache is not None:
            self._blob_cache.save(prune=len(self._blob_cache) > _CACHE_LIMIT)
        if self._summary_cache is not None:
            self._summary_cache.save(prune=len(self._summary_cache) > 4 * _CACHE_LIMIT)

    def timelines(self, blobs: Iterable[tuple[str, str]]) -> dict[str, Timeline | None]:
        """Timelines by blob id (None for a blob that is not a valid hazard), from the
        summary cache, else by parsing and validating the blob once."""
        pairs = list(blobs)
        found: dict[str, Timeline | None] = {}
        missing: dict[str, str] = {}  # blob → path
        cached_entry = self._summaries.get
        unwire, loads = Timeline.unwire, marshal.loads
        for path, blob in pairs:
            if blob in found or blob in missing:
                continue
            if blob in self._timelines:
                found[blob] = self._timelines[blob]
                continue
            cached = cached_entry(_TIMELINE + blob)
            if cached is None:
                missing[blob] = path
            elif cached == _INVALID:
                found[blob] = None
            else:
                try:
                    found[blob] = unwire(loads(cached))
                except (EOFError, ValueError, TypeError, IndexError, OverflowError):
                    missing[blob] = path  # a damaged entry: worked out again
        for blob, hazard in self._validated(missing):
            timeline = Timeline.of(hazard) if hazard is not None else None
            found[blob] = self._timelines[blob] = timeline
            self._summaries.put(_TIMELINE + blob, marshal.dumps(timeline.wire())
                                if timeline else _INVALID)
        return found

    def _validated(self, wanted: dict[str, str]) -> Iterator[tuple[str, Hazard | None]]:
        """The hazard each blob holds (None: not a valid one), parsed and validated as
        the workers send them, a batch of blobs at a time, and not kept: a cold report
        of a large ledger would otherwise hold every record's text, mapping and model at
        once (1.7 GB at 100,000 records). Blobs this run already parsed are not again."""
        fresh = []
        for blob, path in wanted.items():
            if blob in self._models or blob in self._data:
                yield blob, self.hazard(path, blob).hazard
            else:
                fresh.append(blob)
        for result in tracked(self._parsed(fresh), len(fresh), self.progress,
                              Msg("progress.records")):
            hazard = None
            if result.data is not None:
                hazard, _ = hazard_from_data(result.data, lambda: "", wanted[result.label])
            yield result.label, hazard

    def _parsed(self, blobs: list[str]) -> Iterator[parallel.Parsed]:
        """Blobs read from git and parsed (on every core), a batch at a time."""
        for start in range(0, len(blobs), _BATCH):
            batch = blobs[start:start + _BATCH]
            contents = self.git.blobs(batch)
            yield from parallel.parse_blobs([(blob, contents.pop(blob, b"")) for blob in batch])

    def preload(self, blobs: Iterable[tuple[str, str]]) -> None:
        """Make sure every (path, blob) is parsed: cache, else one cat-file and workers.
        A few blobs are read by id and parsed without the blob cache: reading the whole
        cache file would cost more than parsing them."""
        wanted: dict[str, str] = {}
        for path, blob in blobs:
            if blob not in self._data:
                wanted.setdefault(blob, path)
        if not wanted:
            return
        if self._blob_cache is not None or len(wanted) >= BLOB_CACHE_FROM:
            for blob in list(wanted):
                cached = self.cache.get(blob)
                if cached is not None:
                    self._data[blob] = cached
                    del wanted[blob]
        if not wanted:
            return
        for result in tracked(self._parsed(list(wanted)), len(wanted), self.progress,
                              Msg("progress.records")):
            if result.data is not None:
                self._data[result.label] = result.data
                if self._blob_cache is not None:  # few blobs: not worth the cache
                    self._blob_cache.put(result.label, result.data)
            else:
                assert result.problem is not None
                problem = result.problem
                self._data[result.label] = Problem(wanted[result.label], problem.message,
                                                   problem.line, problem.field)

    def hazard(self, path: str, blob: str) -> Version:
        """The hazard a blob holds (validated once per run)."""
        self.preload([(path, blob)])
        if blob not in self._models:
            data = self._data[blob]
            if isinstance(data, Problem):
                self._models[blob] = (None, (data,))
            else:
                # Blob texts are not kept, so problems here carry no line numbers.
                model, found = hazard_from_data(data, lambda: "", path)
                self._models[blob] = (model, tuple(found))
        hazard, problems = self._models[blob]
        return Version(path, blob, hazard, problems)

    def data(self, path: str, blob: str) -> dict[str, Any] | None:
        """The parsed mapping of a blob, or None if it does not parse."""
        self.preload([(path, blob)])
        found = self._data[blob]
        return None if isinstance(found, Problem) else found

    def snapshot(self, revision: str | None) -> Snapshot:
        """The ledger at ``revision`` (None: before the first commit, empty)."""
        if revision is None:
            return Snapshot(None)
        files = layout_files(self.git, revision)
        hazard_files = {p: b for p, b in files.items() if is_hazard_path(p)}
        run_files = {p: b for p, b in files.items() if is_inspection_path(p)}
        snap = Snapshot(revision)
        timelines = self.timelines(hazard_files.items())
        for path, blob in hazard_files.items():
            timeline = timelines[blob]
            if timeline is not None:
                snap.hazards[path] = timeline
            else:
                snap.unreadable.append(path)
        self.preload(run_files.items())
        for path, blob in run_files.items():
            data = self.data(path, blob)
            try:
                if data is None:
                    raise ValueError(path)
                snap.inspections.append(Inspection.model_validate(data))
            except (ValueError, ValidationError):
                snap.unreadable.append(path)  # audit says why; a report says it left it out
        return snap
