"""The weekly (or any window's) report, computed from the git history.

The window is read from the first-parent history of the current branch: the ledger as of
the last commit before the window starts against the last commit before it ends, so what
merged this week is this week's news. Everything here returns plain values (a view-model);
templates only lay them out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from safecheck.context import LedgerContext
from safecheck.coverage import coverage
from safecheck.errors import SafecheckError
from safecheck.gitrepo import Change, GitRepo
from safecheck.history import Reader, Snapshot, Summary, id_of, is_hazard_path
from safecheck.labels import level_label, status_label
from safecheck.vocab import Locale

TREND_WEEKS = 8
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True)
class Window:
    """Calendar days from ``start`` to ``end``, both included, in the configured zone."""

    start: dt.date
    end: dt.date
    label: str

    def bounds(self, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        """Midnight at the start, and midnight after the last day."""
        return (dt.datetime.combine(self.start, dt.time(), zone),
                dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), zone))


def iso_week(spec: str) -> Window:
    """``2026-W48`` → Monday to Sunday of that ISO week."""
    match = _WEEK.match(spec.strip())
    if not match:
        raise SafecheckError(f"--week {spec!r}: expected an ISO week like 2026-W48")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise SafecheckError(f"--week {spec!r}: {year} has no week {week}") from None
    return Window(monday, monday + dt.timedelta(days=6), f"{year}-W{week:02d}")


def current_week(today: dt.date) -> Window:
    """The ISO week containing ``today``, up to today."""
    year, week, weekday = today.isocalendar()
    return Window(today - dt.timedelta(days=weekday - 1), today, f"{year}-W{week:02d}")


def between(since: dt.date, until: dt.date) -> Window:
    """Any window of whole days."""
    if until < since:
        raise SafecheckError(f"--until {until} is before --since {since}")
    return Window(since, until, f"{since} – {until}")


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100.0 * part / whole, 1)


class _Builder:
    """Turns two snapshots and the commits between them into the report's view-model."""

    def __init__(self, context: LedgerContext, locale: Locale, window: Window,
                 end: Snapshot, start: dict[str, Summary]) -> None:
        self.context = context
        self.locale = locale
        self.start = start                         # by ID: versions before the window
        self.as_of = window.end
        self.hazards = {h.id: h for h in end.hazards.values()}

    def unit_name(self, code: str) -> str:
        return self.context.settings.unit_name(code)

    def row(self, h: Summary, **extra: Any) -> dict[str, Any]:
        return {"id": h.id, "unit": h.unit, "unit_name": self.unit_name(h.unit),
                "domain": h.domain, "domain_name": self.context.domain_name(h.domain,
                                                                            self.locale),
                "level": h.level, "level_label": level_label(h.level, self.locale),
                "status": h.status, "status_label": status_label(h.status, self.locale),
                "title": h.title, "found_on": h.found_on.isoformat(),
                "deadline": h.deadline.isoformat() if h.deadline else None,
                "responsible": h.responsible, **extra}

    def before(self, hazard_id: str) -> Summary | None:
        return self.start.get(hazard_id)


def _boundaries(git: GitRepo, head: str, window: Window, zone: ZoneInfo
                ) -> tuple[str | None, str | None]:
    start, end = window.bounds(zone)
    return git.last_before(start, head), git.last_before(end, head)


def build_report(context: LedgerContext, git: GitRepo, reader: Reader, window: Window,
                 locale: Locale, head: str = "HEAD") -> dict[str, Any]:
    """Every figure, table and list of the report, as plain values."""
    zone = ZoneInfo(context.settings.timezone)
    head_sha = git.resolve(head)
    start_rev, end_rev = _boundaries(git, head_sha, window, zone)
    if end_rev is None:
        raise SafecheckError(f"no commit on this branch before the end of {window.label}")
    end = reader.snapshot(end_rev)
    changed = [c for c in git.diff(start_rev, end_rev, "records") if _hazard_change(c)]
    start = _versions_before(reader, changed)
    b = _Builder(context, locale, window, end, start)
    moved = {id_of(c.new_path) for c in changed if c.new_path and is_hazard_path(c.new_path)}

    new: list[Summary] = []
    closed: list[Summary] = []
    reopened: list[Summary] = []
    voided: list[Summary] = []
    extensions = 0
    for hazard_id in sorted(moved):
        h = b.hazards.get(hazard_id)
        if h is None:
            continue  # deleted, or unreadable at the end (audit and review report those)
        prev = b.before(hazard_id)
        if prev is None:
            new.append(h)
        if h.status == "closed" and (prev is None or prev.status != "closed"):
            closed.append(h)
        if prev is not None and h.reopenings > prev.reopenings:
            reopened.append(h)
        if h.status == "void" and (prev is None or prev.status != "void"):
            voided.append(h)
        extensions += max(0, h.extensions - (prev.extensions if prev else 0))
    open_now = [h for h in b.hazards.values() if h.is_open]
    overdue = sorted((h for h in open_now if h.days_overdue(b.as_of)),
                     key=lambda h: (-h.days_overdue(b.as_of), h.id))
    closings = _closing_commits(git, reader, start_rev, end_rev, {h.id for h in closed})

    year_start = dt.date(b.as_of.year, 1, 1)
    registered = [h for h in b.hazards.values()
                  if year_start <= h.found_on <= b.as_of and h.status != "void"]
    closed_ytd = [h for h in b.hazards.values()
                  if h.closed_on is not None and year_start <= h.closed_on <= b.as_of]
    on_time = [h for h in closed_ytd if _on_time(h)]
    done = sum(1 for h in registered if h.status == "closed")
    soon = context.settings.due_soon_days
    due_soon = sorted((h for h in open_now if 0 < _days_left(h, b.as_of) <= soon),
                      key=lambda h: (_days_left(h, b.as_of), h.id))
    closed_ids = {h.id for h in closed}
    majors = sorted((h for h in b.hazards.values() if h.level == "major"
                     and (h.is_open or h.id in closed_ids)), key=lambda h: (h.unit, h.id))
    return {
        "organization": context.settings.organization,
        "locale": locale.value,
        "window": {"label": window.label, "start": window.start.isoformat(),
                   "end": window.end.isoformat()},
        "revision": {"sha": end_rev, "short": end_rev[:8],
                     "start_sha": start_rev, "head": head_sha},
        "headline": {
            "new": len(new), "closed": len(closed), "reopened": len(reopened),
            "voided": len(voided), "extensions": extensions, "open": len(open_now),
            "overdue": len(overdue), "major_open": sum(1 for h in open_now
                                                       if h.level == "major"),
            "rectification_rate": {"closed": done, "registered": len(registered),
                                   "percent": _percent(done, len(registered))},
            "on_time_rate": {"on_time": len(on_time), "closed": len(closed_ytd),
                             "percent": _percent(len(on_time), len(closed_ytd))},
        },
        "by_unit": _table(b, [u.code for u in context.settings.units], lambda h: h.unit,
                          new, closed, open_now, overdue, b.unit_name),
        "by_domain": _table(b, context.domains, lambda h: h.domain, new, closed, open_now,
                            overdue, lambda d: context.domain_name(d, locale)),
        "new_hazards": [b.row(h) for h in sorted(new, key=lambda h: (h.unit, h.id))],
        "closures": [b.row(h, closed_on=h.closed_on.isoformat() if h.closed_on else None,
                           verified_by=h.verified_by,
                           **closings.get(h.id, {"commit": None, "author": None}))
                     for h in sorted(closed, key=lambda h: (h.unit, h.id))],
        "overdue": [b.row(h, days_overdue=h.days_overdue(b.as_of)) for h in overdue],
        "due_soon": [b.row(h, days_left=_days_left(h, b.as_of)) for h in due_soon],
        "due_soon_days": soon,
        "majors": [b.row(h) for h in majors],
        "trend": _trend(git, reader, head_sha, window, zone),
        "coverage": _coverage(context, end, b.as_of, locale),
    }


def _on_time(h: Summary) -> bool:
    return h.deadline is None or (h.closed_on is not None and h.closed_on <= h.deadline)


def _days_left(h: Summary, as_of: dt.date) -> int:
    """Days from ``as_of`` to the effective deadline (−1 when there is none)."""
    return -1 if h.deadline is None else (h.deadline - as_of).days


def _hazard_change(change: Change) -> bool:
    return any(p is not None and is_hazard_path(p) for p in (change.old_path, change.new_path))


def _versions_before(reader: Reader, changed: list[Change]) -> dict[str, Summary]:
    """Summaries, by ID, of the files the window changed, as they were before it."""
    pairs = [(c.old_path, c.old_blob) for c in changed
             if c.old_path and c.old_blob and is_hazard_path(c.old_path)]
    summaries = reader.summaries(pairs)
    return {s.id: s for s in (summaries[blob] for _, blob in pairs) if s is not None}


def _table(b: _Builder, keys: Iterable[str], key_of: Any, new: list[Summary],
           closed: list[Summary], open_now: list[Summary], overdue: list[Summary],
           name_of: Any) -> list[dict[str, Any]]:
    counts = {name: Counter(key_of(h) for h in group)
              for name, group in (("new", new), ("closed", closed), ("open", open_now),
                                  ("overdue", overdue))}
    rows = []
    known = list(keys)
    extra = sorted({key_of(h) for h in b.hazards.values()} - set(known))
    for key in [*known, *extra]:
        row = {"key": key, "name": name_of(key), **{n: c[key] for n, c in counts.items()}}
        rows.append(row)
    totals = {n: sum(c.values()) for n, c in counts.items()}
    rows.append({"key": None, "name": None, **totals})
    return rows


def _closing_commits(git: GitRepo, reader: Reader, start: str | None, end: str,
                     ids: set[str]) -> dict[str, dict[str, str]]:
    """For hazards closed in the window: the first-parent commit that closed them (the
    last one whose change took the file's status to closed)."""
    if not ids:
        return {}
    commits = git.log([end] if start is None else [f"{start}..{end}"])
    touching = [(commit, change) for commit in commits for change in commit.changes
                if change.new_path and is_hazard_path(change.new_path)
                and id_of(change.new_path) in ids]
    summaries = reader.summaries(
        (path, blob) for _, ch in touching
        for path, blob in ((ch.new_path, ch.new_blob), (ch.old_path, ch.old_blob))
        if path and blob)
    found: dict[str, dict[str, str]] = {}
    for commit, change in reversed(touching):  # oldest first: the last closing wins
        now = summaries.get(change.new_blob or "")
        was = summaries.get(change.old_blob or "") if change.old_blob else None
        if now is not None and now.status == "closed" and (was is None or was.status != "closed"):
            found[now.id] = {"commit": commit.short, "author": commit.author,
                             "email": commit.email,
                             "committed": commit.date.date().isoformat()}
    return found


def _trend(git: GitRepo, reader: Reader, head: str, window: Window,
           zone: ZoneInfo) -> list[dict[str, Any]]:
    """New and closed per ISO week, for the report's week and the seven before it."""
    monday = window.end - dt.timedelta(days=window.end.weekday())
    weeks = [monday - dt.timedelta(weeks=n) for n in range(TREND_WEEKS - 1, -1, -1)]
    cuts = [dt.datetime.combine(w, dt.time(), zone) for w in weeks]
    cuts.append(dt.datetime.combine(window.end + dt.timedelta(days=1), dt.time(), zone))
    revisions = [git.last_before(cut, head) for cut in cuts]
    pairs = list(pairwise(revisions))
    wanted = [(old, new) for old, new in pairs if new is not None and old != new]
    found = git.diffs(wanted, "records")
    diffs = [[c for c in found[(old, new)] if _hazard_change(c)]
             if new is not None and old != new else [] for old, new in pairs]
    blobs = [b for changes in diffs for c in changes for b in (c.old_blob, c.new_blob) if b]
    status = reader.statuses(blobs)
    trend = []
    for week, changes in zip(weeks, diffs, strict=True):
        year, number, _ = week.isocalendar()
        added = closed = 0
        for c in changes:
            now = status.get(c.new_blob) if c.new_blob else None
            was = status.get(c.old_blob) if c.old_blob else None
            if c.old_blob is None and c.new_blob is not None:
                added += 1
            if now == "closed" and was != "closed":
                closed += 1
        trend.append({"week": f"{year}-W{number:02d}", "start": week.isoformat(),
                      "new": added, "closed": closed})
    return trend


def _coverage(context: LedgerContext, end: Snapshot, as_of: dt.date,
              locale: Locale) -> dict[str, Any]:
    cells = coverage(context, end.inspections, as_of)
    by_unit: dict[str, dict[str, Any]] = {}
    for cell in cells:
        by_unit.setdefault(cell.unit, {})[cell.domain] = {
            "last": cell.last.isoformat() if cell.last else None, "due": cell.due}
    return {
        "domains": [{"id": d, "name": context.domain_name(d, locale)} for d in context.domains],
        "rows": [{"unit": u.code, "name": u.name,
                  "cells": [by_unit.get(u.code, {}).get(d) for d in context.domains]}
                 for u in context.settings.units],
        "due": sum(1 for c in cells if c.due),
    }
