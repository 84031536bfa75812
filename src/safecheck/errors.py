"""The one error family of safecheck.

Every error a user can cause is a :class:`SafecheckError` carrying the exit code the CLI
returns (DESIGN.md: 2 for bad input or data). Anything else that escapes is a bug (exit 3).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from safecheck.i18n import Msg, has, render

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_BUG = 3


class SafecheckError(Exception):
    """An error the user can act on; ``str(error)`` is a one-line message in the locale
    of the run (the message is kept as a :class:`Msg` until it is shown)."""

    exit_code = EXIT_INPUT

    def __init__(self, message: Msg | str) -> None:
        super().__init__(message)
        self.msg = message

    @property
    def message(self) -> str:
        """The message, rendered in the current locale."""
        return render(self.msg)

    @property
    def key(self) -> str | None:
        """The catalogue key of the message, for callers that branch on it."""
        return self.msg.key if isinstance(self.msg, Msg) else None

    def __str__(self) -> str:
        return self.message


def os_reason(exc: OSError) -> Msg | str:
    """Why the operating system said no, as a catalogue word (``os.ENOSPC`` …) where one
    exists, else the system's own text."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name and has(f"os.{name}"):
        return Msg(f"os.{name}")
    return exc.strerror or str(exc)


class RefusedTransition(SafecheckError):
    """A lifecycle change that the record's state does not allow."""

    def __init__(self, message: Msg | str, reason: Msg | str | None = None) -> None:
        super().__init__(message)
        #: Why, without saying which record (the message says both).
        self.reason: Msg | str = reason if reason is not None else message


class NotFound(SafecheckError):
    """An ID, file or revision that does not exist."""


class ConflictError(SafecheckError):
    """A file changed on disk between reading and writing it."""


class GitError(SafecheckError):
    """Git could not answer a question (not a repository, unknown revision, ...)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what is wrong.

    Loading returns problems as values so that one run can report every bad file.
    ``field`` is a dotted path such as ``plan.deadline`` or ``verifications.1.by``.
    """

    path: Path | str
    message: Msg | str
    line: int | None = None
    field: str | None = None

    @property
    def text(self) -> str:
        """The message in the current locale."""
        return render(self.message)

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.text}"


class DataError(SafecheckError):
    """A file that cannot be read, parsed or validated."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem

    @property
    def message(self) -> str:
        """Where and what, rendered in the current locale when it is shown."""
        return str(self.problem)
