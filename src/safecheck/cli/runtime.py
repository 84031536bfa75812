"""What every command needs: the repository, 'today', and option values parsed strictly.

This is the only place that reads the clock (DESIGN.md: the core takes ``today``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from safecheck.errors import SafecheckError
from safecheck.i18n import Msg

if TYPE_CHECKING:
    from safecheck.context import LedgerContext

TODAY_VARIABLE = "SAFECHECK_TODAY"


@dataclass
class Runtime:
    """Global options, and the repository context loaded on first use."""

    repo: Path | None = None
    _context: LedgerContext | None = field(default=None, init=False, repr=False)

    def root(self) -> Path:
        """The repository root: --repo, else found from the working directory upward."""
        from safecheck.layout import find_root

        if self.repo is not None:
            if not self.repo.is_dir():
                raise SafecheckError(Msg("option.repo_not_folder", path=str(self.repo)))
            return find_root(self.repo)
        return find_root(Path.cwd())

    def context(self) -> LedgerContext:
        """Settings and checklists of the repository, loaded once."""
        if self._context is None:
            from safecheck.context import open_context

            self._context = open_context(self.root())
        return self._context

    def today(self, as_of: str | None = None) -> dt.date:
        """--as-of, else SAFECHECK_TODAY, else today's date in the configured time zone."""
        if as_of:
            return parse_date_option(as_of, "--as-of")
        if os.environ.get(TODAY_VARIABLE):
            return today_in("UTC")
        return today_in(self.context().settings.timezone)


def today_in(timezone: str) -> dt.date:
    """SAFECHECK_TODAY, else today's date in ``timezone``: the one place that reads the
    clock."""
    fixed = os.environ.get(TODAY_VARIABLE)
    if fixed:
        return parse_date_option(fixed, TODAY_VARIABLE)
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(timezone)).date()


def parse_date_option(value: str, option: str) -> dt.date:
    """A YYYY-MM-DD option value, or a one-line error naming the option."""
    from safecheck.models.common import parse_date

    try:
        return parse_date(value.strip())
    except ValueError as exc:
        problem = exc.args[0] if exc.args else str(exc)
        raise SafecheckError(Msg("error.option", option=option, problem=problem)) from None


def optional_date(value: str | None, option: str) -> dt.date | None:
    """Like :func:`parse_date_option`, passing None through."""
    return None if value is None else parse_date_option(value, option)


def parse_amount(value: str | None, option: str) -> int | float | None:
    """A money amount option: a number, not negative (see models.common)."""
    from safecheck.models.common import amount_from_text

    if value is None:
        return None
    try:
        return amount_from_text(value)
    except ValueError as exc:
        problem = exc.args[0] if exc.args else str(exc)
        raise SafecheckError(Msg("error.option", option=option, problem=problem)) from None


def normalize_id(value: str) -> str:
    """A hazard ID as typed (any case), in its canonical form."""
    from safecheck.ids import normalize_hazard_id

    return normalize_hazard_id(value)


def runtime(ctx: typer.Context) -> Runtime:
    """The global options of this invocation (set by the app's callback)."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Runtime)
    return obj
