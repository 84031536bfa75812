"""Parsing many YAML files at once on every core (and one job beside the caller's).

A cold audit is bound by YAML parsing (DESIGN.md, "Performance model"), which holds the
GIL, so large batches are split across forked worker processes. Workers only parse; the
parent validates, so models never cross a process boundary. Small batches, and systems
without ``fork``, parse in-process: the result is the same, only slower.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from safecheck import yamlio
from safecheck.errors import DataError, Problem

#: Below this many files the cost of starting workers outweighs the gain.
PARALLEL_THRESHOLD = 400
_CHUNK = 250

@dataclass(frozen=True)
class Parsed:
    """One file's outcome: its text and mapping, or the problem that stopped it."""

    label: str
    text: str | None
    data: dict[str, Any] | None
    problem: Problem | None


# Workers send plain tuples through marshal, which is faster than pickle for this data.
_Wire = tuple[str, str | None, dict[str, Any] | None, tuple[str, int | None] | None]


def _parse(label: str, read: Callable[[], str]) -> _Wire:
    text = None
    try:
        text = read()
        return label, text, yamlio.load_mapping(text, label), None
    except DataError as exc:  # rendered here: a message crosses the process as text
        return label, text, None, (exc.problem.text, exc.problem.line)


def _path_chunk(chunk: Sequence[tuple[str, Path]]) -> list[_Wire]:
    return [_parse(label, partial(yamlio.read_file, path, label)) for label, path in chunk]


def _blob_chunk(chunk: Sequence[tuple[str, bytes]]) -> list[_Wire]:
    return [_parse(label, partial(yamlio.decode, data, label)) for label, data in chunk]


def _in_worker(function: Callable[[Any], list[_Wire]], chunk: Sequence[Any]) -> bytes:
    return marshal.dumps(function(chunk))


def _unwire(wire: _Wire) -> Parsed:
    label, text, data, problem = wire
    return Parsed(label, text, data,
                  None if problem is None else Problem(label, problem[0], problem[1]))


def _workers() -> int:
    if sys.platform != "linux":
        return 1
    try:
        return max(1, min(len(os.sched_getaffinity(0)), 8))
    except AttributeError:  # pragma: no cover
        return max(1, min(os.cpu_count() or 1, 8))


def _run(function: Callable[[Any], list[_Wire]], items: Sequence[Any]) -> Iterator[Parsed]:
    workers = _workers()
    if workers < 2 or len(items) < PARALLEL_THRESHOLD:
        yield from map(_unwire, function(items))
        return
    pieces = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Results come back in order while later chunks are still being parsed, so the
        # caller validates in parallel with the workers.
        for chunk in pool.map(partial(_in_worker, function), pieces):
            yield from map(_unwire, marshal.loads(chunk))  # noqa: S302 - from our workers


def _marshalled(function: Callable[[Sequence[Any]], list[Any]], chunk: Sequence[Any]
                ) -> bytes:
    return marshal.dumps(function(chunk))


def map_chunks(function: Callable[[Sequence[Any]], list[Any]], items: Sequence[Any]
               ) -> Iterator[Any]:
    """``function`` over ``items`` in chunks, on every core when there are many; results
    (plain values ``marshal`` can carry) come back in order, one per item. ``function``
    must be a module-level function (a ``partial`` of one): it runs in forked workers."""
    workers = _workers()
    if workers < 2 or len(items) < PARALLEL_THRESHOLD:
        yield from function(items)
        return
    pieces = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in pool.map(partial(_marshalled, function), pieces):
            yield from marshal.loads(chunk)  # noqa: S302 - from our workers


def parse_paths(items: Sequence[tuple[str, Path]]) -> Iterator[Parsed]:
    """Parse files given as (label, path), in order."""
    return _run(_path_chunk, items)


def parse_blobs(items: Sequence[tuple[str, bytes]]) -> Iterator[Parsed]:
    """Parse file contents already read (git blobs), in order, like :func:`parse_paths`."""
    return _run(_blob_chunk, items)


def in_background(function: Callable[[], Any]) -> Callable[[], Any]:
    """Start ``function`` in a forked process while the caller goes on; the callable
    returned waits for its result (a value ``marshal`` can carry). Where there is no
    fork or a single core, or when the process fails, ``function`` runs here when its
    result is asked for: the result is the same, only later. What ``function`` changes
    in memory stays in its process: everything the caller needs must be in the result."""
    if _workers() < 2:
        return function
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return function
    if pid == 0:  # pragma: no cover - the forked process (coverage does not follow it)
        status = 1
        try:
            os.close(read_end)
            payload = marshal.dumps(function())
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)  # never the parent's exit handlers or buffered output
    os.close(write_end)

    def result() -> Any:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0:
            return function()
        return marshal.loads(payload)  # noqa: S302 - from our own process
    return result
