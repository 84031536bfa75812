"""Progress of long work (migrate, reports over long histories, imports).

The core never prints: a long loop takes an optional :data:`Progress` callback and calls
it as it goes, with the task (a catalogue message), how many items are done and how many
there are. The CLI passes a terminal progress bar (``safecheck.output.progress``) when
standard error is a terminal, and nothing otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from safecheck.i18n import Msg

#: ``progress(task, done, total)``: ``done`` of ``total`` items of ``task`` are finished.
Progress = Callable[[Msg, int, int], None]

T = TypeVar("T")


def tracked(items: Iterable[T], total: int, progress: Progress | None, task: Msg
            ) -> Iterator[T]:
    """Yield ``items``, telling ``progress`` after each one (and once before the first)."""
    if progress is None:
        yield from items
        return
    progress(task, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        progress(task, done, total)
