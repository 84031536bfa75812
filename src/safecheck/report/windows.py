"""Report windows: a week, month, quarter, year or any dates, and the buckets of a trend."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from safecheck.errors import SafecheckError
from safecheck.i18n import Msg
from safecheck.models.common import FIRST_DAY, LAST_DAY

_WEEK = re.compile(r"^([0-9]{4})-?W([0-9]{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_QUARTER = re.compile(r"^([0-9]{4})-?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^([0-9]{4})$")


@dataclass(frozen=True)
class Window:
    """Calendar days from ``start`` to ``end``, both included; ``kind`` names the period
    (week, month, quarter, year, range) and ``label`` how it is written."""

    start: dt.date
    end: dt.date
    kind: str
    label: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def clipped(self, last: dt.date) -> Window:
        """The window up to ``last`` (a current period is reported up to today)."""
        return Window(self.start, min(self.end, max(last, self.start)), self.kind, self.label)


def _within(option: str, spec: str, window: Window) -> Window:
    """``window`` if the ledger can speak of its days (see models.common.FIRST_DAY)."""
    if window.start < FIRST_DAY or window.end > LAST_DAY:
        raise SafecheckError(Msg("error.option", option=option, problem=Msg(
            "value.date_range", value=spec, first=FIRST_DAY, last=LAST_DAY)))
    return window


def _bad(option: str, spec: str, key: str) -> SafecheckError:
    return SafecheckError(Msg("report.bad_window", option=option, value=spec,
                              example=Msg(key)))


def iso_week(spec: str) -> Window:
    """``2026-W48`` → Monday to Sunday of that ISO week."""
    match = _WEEK.match(spec.strip())
    if not match:
        raise _bad("--week", spec, "report.example.week")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise SafecheckError(Msg("report.no_week", year=year, week=week)) from None
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise SafecheckError(Msg("error.option", option="--week", problem=Msg(
            "value.date_range", value=spec, first=FIRST_DAY, last=LAST_DAY)))
    return _within("--week", spec, Window(monday, monday + dt.timedelta(days=6), "week",
                                          f"{year}-W{week:02d}"))


#: ``--month this`` and ``--month last``: the month of ``today`` and the one before, so a
#: scheduled CI job needs no date arithmetic of its own.
RELATIVE_MONTHS = ("this", "last")


def month(spec: str, today: dt.date | None = None) -> Window:
    """``2026-11`` → that calendar month; ``this`` or ``last`` → the month of ``today``
    or the one before it."""
    word = spec.strip().lower()
    if today is not None and word in RELATIVE_MONTHS:
        first = today.replace(day=1)
        if word == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        spec = f"{first.year}-{first.month:02d}"
    match = _MONTH.match(spec.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise _bad("--month", spec, "ci.example.month" if today else "report.example.month")
    year, number = int(match.group(1)), int(match.group(2))
    last = calendar.monthrange(year, number)[1]
    return _within("--month", spec, Window(dt.date(year, number, 1),
                                           dt.date(year, number, last), "month",
                                           f"{year}-{number:02d}"))


def quarter(spec: str) -> Window:
    """``2026-Q4`` → that calendar quarter."""
    match = _QUARTER.match(spec.strip())
    if not match:
        raise _bad("--quarter", spec, "report.example.quarter")
    year, number = int(match.group(1)), int(match.group(2))
    first = dt.date(year, 3 * number - 2, 1)
    last_month = 3 * number
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return _within("--quarter", spec, Window(first, end, "quarter", f"{year}-Q{number}"))


def year(spec: str) -> Window:
    """``2026`` → that calendar year."""
    match = _YEAR.match(spec.strip())
    if not match:
        raise _bad("--year", spec, "report.example.year")
    number = int(match.group(1))
    return _within("--year", spec, Window(dt.date(number, 1, 1), dt.date(number, 12, 31),
                                          "year", str(number)))


def between(since: dt.date, until: dt.date) -> Window:
    """Any window of whole days."""
    if until < since:
        raise SafecheckError(Msg("report.until_before", until=until, since=since))
    return Window(since, until, "range", f"{since} – {until}")


def current_week(today: dt.date) -> Window:
    """The ISO week containing ``today``, up to today."""
    iso_year, week, weekday = today.isocalendar()
    return Window(today - dt.timedelta(days=weekday - 1), today, "week",
                  f"{iso_year}-W{week:02d}")


def _weeks(start: dt.date, end: dt.date) -> list[Window]:
    out = []
    monday = start - dt.timedelta(days=start.weekday())
    while monday <= end:
        iso_year, week, _ = monday.isocalendar()
        out.append(Window(max(monday, start), min(monday + dt.timedelta(days=6), end), "week",
                          f"{iso_year}-W{week:02d}"))
        monday += dt.timedelta(days=7)
    return out


def _months(start: dt.date, end: dt.date) -> list[Window]:
    out = []
    first = start.replace(day=1)
    while first <= end:
        window = month(f"{first.year}-{first.month}")
        out.append(Window(max(window.start, start), min(window.end, end), "month",
                          window.label))
        first = window.end + dt.timedelta(days=1)
    return out


def trend_buckets(window: Window) -> list[Window]:
    """The buckets of the trend: eight weeks up to a week's end, the weeks of a month,
    the months of a quarter or year; a range by weeks (up to a quarter) or months."""
    if window.kind == "week":
        monday = window.end - dt.timedelta(days=window.end.weekday())
        return _weeks(monday - dt.timedelta(weeks=7), window.end)
    if window.kind == "month":
        return _weeks(window.start, window.end)
    if window.kind in ("quarter", "year"):
        return _months(window.start, window.end)
    if (window.end - window.start).days <= 92:
        return _weeks(window.start, window.end)
    return _months(window.start, window.end)
