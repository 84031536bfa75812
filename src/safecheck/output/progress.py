"""A progress bar on standard error, for long work at a terminal.

Shown only when standard error is a terminal: pipes, files and CI logs get nothing. A
job that ends within :data:`DELAY` seconds shows nothing either, so quick commands never
flicker. ``SAFECHECK_PROGRESS=always`` shows the bar from the first item (on a terminal;
tests use it), ``SAFECHECK_PROGRESS=never`` turns it off. The bar is removed when the job
ends, and follows ``NO_COLOR`` like all rich output.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from safecheck.i18n import Msg

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

    from safecheck.progress import Progress

VARIABLE = "SAFECHECK_PROGRESS"
#: Seconds a job runs before its bar appears.
DELAY = 0.5


def wanted(environ: dict[str, str] | os._Environ[str] | None = None,
           stream: object = None) -> bool:
    """Whether a progress bar may be shown: a terminal, and not turned off."""
    env = os.environ if environ is None else environ
    if env.get(VARIABLE, "").strip().lower() in ("never", "0", "off", "no"):
        return False
    target = sys.stderr if stream is None else stream
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


class Bar:
    """A :data:`safecheck.progress.Progress` drawing rich bars, one per task, shown
    once the work has run for ``delay`` seconds (``clock`` is injectable for tests)."""

    def __init__(self, delay: float = DELAY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.clock = clock
        self.started: float | None = None
        self.rich: RichProgress | None = None
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, task: Msg, done: int, total: int) -> None:
        now = self.clock()
        if self.started is None:
            self.started = now
        if self.rich is None:
            if now - self.started < self.delay:
                return
            self.rich = self._start()
        label = task.render()
        if label not in self.tasks:
            self.tasks[label] = self.rich.add_task(label, total=total)
        self.rich.update(self.tasks[label], completed=done, total=total)

    @property
    def shown(self) -> bool:
        """Whether the bar has been drawn."""
        return self.rich is not None

    def _start(self) -> RichProgress:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        from safecheck.output.console import stderr

        bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), TimeRemainingColumn(), console=stderr(),
                       transient=True)
        bar.start()
        return bar

    def stop(self) -> None:
        """Remove the bar from the terminal."""
        if self.rich is not None:
            self.rich.stop()
            self.rich = None


@contextlib.contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A progress callback for long work when standard error is a terminal, else None."""
    if not wanted():
        yield None
        return
    always = os.environ.get(VARIABLE, "").strip().lower() in ("always", "1", "on", "yes")
    bar = Bar(delay=0.0 if always else DELAY)
    try:
        yield bar
    finally:
        bar.stop()
