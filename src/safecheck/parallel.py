"""Parsing many YAML files at once on every core.

A cold audit is bound by YAML parsing (DESIGN.md, "Performance model"), which holds the
GIL, so large batches are split across forked worker processes. Workers only parse; the
parent validates, so models never cross a process boundary. Small batches, and systems
without ``fork``, parse in-process: the result is the same, only slower.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from safecheck import yamlio
from safecheck.errors import DataError, Problem

#: Below this many files the cost of starting workers outweighs the gain.
PARALLEL_THRESHOLD = 400
_CHUNK = 250

Parsed = tuple[str, dict[str, Any] | None, Problem | None]


def _parse_path(label: str, path: Path) -> Parsed:
    try:
        return label, yamlio.load_mapping(yamlio.read_file(path), label), None
    except DataError as exc:
        return label, None, Problem(label, exc.problem.message, exc.problem.line)


def _parse_blob(label: str, data: bytes) -> Parsed:
    try:
        return label, yamlio.load_mapping(yamlio.decode(data, label), label), None
    except DataError as exc:
        return label, None, Problem(label, exc.problem.message, exc.problem.line)


def _path_chunk(chunk: Sequence[tuple[str, Path]]) -> list[Parsed]:
    return [_parse_path(label, path) for label, path in chunk]


def _blob_chunk(chunk: Sequence[tuple[str, bytes]]) -> list[Parsed]:
    return [_parse_blob(label, data) for label, data in chunk]


def _workers() -> int:
    if sys.platform != "linux":
        return 1
    try:
        return max(1, min(len(os.sched_getaffinity(0)), 8))
    except AttributeError:  # pragma: no cover
        return max(1, min(os.cpu_count() or 1, 8))


def _run(function: Any, items: Sequence[Any]) -> Iterator[Parsed]:
    workers = _workers()
    if workers < 2 or len(items) < PARALLEL_THRESHOLD:
        yield from function(items)
        return
    chunks = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for result in pool.map(function, chunks):
            yield from result


def parse_paths(items: Sequence[tuple[str, Path]]) -> Iterator[Parsed]:
    """Parse files: (label, path) → (label, mapping, None) or (label, None, problem)."""
    return _run(_path_chunk, items)


def parse_blobs(items: Sequence[tuple[str, bytes]]) -> Iterator[Parsed]:
    """Parse file contents already read (git blobs), in order, like :func:`parse_paths`."""
    return _run(_blob_chunk, items)
