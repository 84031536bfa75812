"""The audit's survey of the records' folders (``unexpected-path``), run where it costs
least: in the audit's process; in a forked one once the index is built; or, on a ledger
the record cache knows, in a forked one from the start, beside the index. Its findings
are used only when they are what a survey in the audit's process would find
(docs/decisions.md, "The survey of folders runs beside the index")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from safecheck import parallel
from safecheck.cache import ParsedCache, cache_dir
from safecheck.context import LedgerContext
from safecheck.findings import RULES, Finding, unit_of
from safecheck.layout import RECORD_SUFFIX, Folders, Stray, survey, survey_folders
from safecheck.record_index import IndexScan, RecordIndex, known_size, scan_index
from safecheck.wire import encode_finding

#: What the records' own folders held when last listed (see layout.Folders).
FOLDERS_FILE = "folders.marshal"
_STAMP = "folders v2"
#: From this many records the survey runs in a process of its own.
SURVEY_APART_FROM = 2_000
#: About what the record cache holds for one record (a summary, its signature).
_CACHED_BYTES = 250

#: A survey's findings (encoded), the names in each folder it listed, and the records
#: whose folder held exactly the documents they name: plain values, from any process.
Surveyed = tuple[tuple[Any, ...], dict[str, set[str]], set[str]]


def worth_apart(records: int) -> bool:
    """Whether a ledger of ``records`` records is surveyed in a process of its own."""
    return records >= SURVEY_APART_FROM


def remembered_folders(root: Path, defer: bool = False) -> Folders:
    """The records' folders, with what the folder cache remembers of them."""
    cache = cache_dir(root)
    return Folders(ParsedCache(cache / FOLDERS_FILE if cache else None, _STAMP), defer=defer)


def survey_findings(root: Path, documents: Mapping[str, str | None] | None,
                    folders: Folders) -> Iterator[Finding]:
    """``unexpected-path`` findings of the survey (see layout.survey)."""
    return _findings(survey(root, documents, folders))


def _findings(strays: Iterable[Stray]) -> Iterator[Finding]:
    for stray in strays:
        yield Finding("unexpected-path", RULES["unexpected-path"].severity, stray.reason,
                      stray.relpath, None, None, unit_of(stray.relpath))


def survey_here(root: Path, documents: Mapping[str, str | None], folders: Folders
                ) -> Surveyed:
    """The survey, as plain values (it may run in another process); what it learnt of
    the folders is saved where it ran."""
    found = tuple(encode_finding(f) for f in survey_findings(root, documents, folders))
    folders.save()
    return found, folders.names, folders.complete


def survey_beside(context: LedgerContext
                  ) -> Callable[[IndexScan, RecordIndex], Surveyed] | None:
    """On a large ledger the record cache knows (None otherwise), start the survey now,
    in a forked process that scans the record cache for itself and takes from it what
    each record names, while this one builds the index; the callable returned gives the
    survey once given this process's scan and index. When the two scans did not find the
    same files (one changed in between), the survey is done again here; the folders of
    records the cache did not know, or whose entry turned out unusable, are surveyed
    afterwards here, from the records themselves."""
    if known_size(context) < SURVEY_APART_FROM * _CACHED_BYTES:
        return None
    root = context.root

    def in_child() -> tuple[Any, ...]:
        scan = scan_index(context)
        folders = remembered_folders(root, defer=True)
        found, names, complete = survey_here(root, scan.documents(), folders)
        # One string for the complete folders: marshal writes a set of 100,000 names
        # ten times slower than their joined text.
        return found, names, "\n".join(complete), folders.deferred, scan.basis()

    job = parallel.in_background(in_child)

    def result(scan: IndexScan, index: RecordIndex) -> Surveyed:
        found, names, joined, deferred, basis = job()
        complete = set(joined.split("\n")) if joined else set()
        folders = Folders()
        documents: dict[str, str | None] = {}
        again = set(deferred) | scan.examined_again
        same_files = basis == scan.basis()
        if not same_files or again:  # (only then is what each names needed here)
            documents = {s.relpath: s.documents for s in index.summaries}
        if not same_files:
            return (tuple(encode_finding(f) for f in survey_findings(root, documents, folders)),
                    folders.names, folders.complete)
        if not again:
            return found, names, complete
        inside = tuple(record.removesuffix(RECORD_SUFFIX) + "/" for record in again)
        found = tuple(f for f in found if not str(f[3]).startswith(inside))
        names = {k: v for k, v in names.items() if k not in again}
        complete -= again
        found += tuple(encode_finding(f) for f in _findings(
            survey_folders(root, sorted(again), documents, folders)))
        return found, {**names, **folders.names}, complete | folders.complete
    return result
