"""The report's view-model: figures from the records' dates at one revision, and what
only git knows — when each hazard was recorded (late registrations) and who recorded
each sign-off. Everything returned is plain values; templates only lay them out."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from safecheck.commit_log import CommitLog
from safecheck.context import LedgerContext
from safecheck.coverage import campaign_coverage, coverage
from safecheck.gitrepo import GitRepo
from safecheck.history import Reader, id_of, is_hazard_path
from safecheck.i18n import Msg, text
from safecheck.models.timeline import Timeline
from safecheck.progress import Progress, tracked
from safecheck.report import figures
from safecheck.report.figures import Ledger
from safecheck.report.windows import Window, trend_buckets
from safecheck.vocab import Locale


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class _Rows:
    """Rows of hazards with their names in the report's language."""

    def __init__(self, context: LedgerContext, locale: Locale) -> None:
        self.context = context
        self.locale = locale
        self._units: dict[str, str] = {}  # thousands of rows name the same few units

    def unit(self, code: str) -> str:
        if code not in self._units:
            self._units[code] = self.context.settings.unit_name(code)
        return self._units[code]

    def domain(self, domain: str) -> str:
        return self.context.domain_name(domain, self.locale)

    def row(self, t: Timeline, **extra: Any) -> dict[str, Any]:
        status = extra.pop("status", None) or t.status
        return {"id": t.id, "unit": t.unit, "unit_name": self.unit(t.unit),
                "domain": t.domain, "domain_name": self.domain(t.domain),
                "level": t.level, "level_label": text(f"level.{t.level}", self.locale),
                "status": status, "status_label": text(f"status.{status}", self.locale),
                "title": t.title, "location": t.location, "found_on": _iso(t.found_on),
                "responsible": t.responsible, **extra}


def build_report(context: LedgerContext, git: GitRepo, reader: Reader, window: Window,
                 locale: Locale, revision: str = "HEAD") -> dict[str, Any]:
    """Every figure, table and list of the report of ``window``, from the records as
    committed at ``revision``."""
    sha = git.resolve(revision)
    snap = reader.snapshot(sha)
    ledger = Ledger(list(snap.hazards.values()), snap.inspections)
    paths = {t.id: path for path, t in snap.hazards.items()}
    settings = context.settings
    rows = _Rows(context, locale)
    end = window.end
    soon = settings.due_soon_days
    log = CommitLog(git, context.root)
    recorded = _recorded(log, sha, window, settings.timezone)
    headline = {**figures.flows(ledger, window), **figures.stocks(ledger, end, soon)}
    new = sorted(ledger.found_in(window), key=lambda t: (t.unit, t.found_on, t.id))
    late = [(t, recorded[paths[t.id]]) for t in new if paths.get(t.id) in recorded
            and (recorded[paths[t.id]] - t.found_on).days > settings.late_entry_days]
    headline["late_registrations"] = len(late)
    closings = ledger.closings_in(window)
    closers = _closers(log, reader, sha, [paths[t.id] for t, _, _ in closings if t.id in paths],
                       window.start, reader.progress)
    log.save()
    return {
        "organization": settings.organization, "locale": locale.value,
        "title": text(f"report.title.{window.kind}", locale, label=_period(window, locale)),
        "period": {"kind": window.kind, "label": window.label, "start": _iso(window.start),
                   "end": _iso(end)},
        "as_of": _iso(end), "revision": {"sha": sha, "short": sha[:8]},
        "headline": headline, "rates": figures.rates(ledger, window),
        "by_unit": figures.table(ledger, window, [u.code for u in settings.units],
                                 "unit", rows.unit),
        "by_domain": figures.table(ledger, window, context.domains, "domain",
                                   rows.domain),
        "by_level": figures.table(ledger, window, ["general", "major"], "level",
                                  lambda k: text(f"level.{k}", locale)),
        "by_source": figures.table(ledger, window, settings.sources, "source",
                                   lambda k: text(f"source.{k}", locale)),
        "feedback": [{**r, "source_label": text(f"source.{r['source']}", locale),
                      "progress": text("report.done" if r["done"] else "report.ongoing",
                                       locale)} for r in figures.feedback(ledger, end)],
        "inspections": _inspections(context, ledger, window, locale),
        "funding": figures.funding(ledger, window),
        "majors": _majors(rows, ledger, window),
        "extensions": [{**e, "unit_name": rows.unit(e["unit"]), "from": _iso(e["from"]),
                        "to": _iso(e["to"]), "approved_on": _iso(e["approved_on"])}
                       for e in figures.extensions(ledger, window)],
        "overdue": _overdue(rows, ledger, end, "rectification"),
        "verification_overdue": [{**r, "verifiers": _verifiers(context, r["unit"])}
                                 for r in _overdue(rows, ledger, end, "verification")],
        "due_soon": sorted((rows.row(t, deadline=_iso(t.deadline_on(end)),
                                     days_left=(t.deadline_on(end) - end).days)  # type: ignore
                            for t in ledger.due_soon_on(end, soon)),
                           key=lambda r: (r["days_left"], r["id"])),
        "due_soon_days": soon,
        "late_registrations": [rows.row(t, recorded_on=_iso(day), lag=(day - t.found_on).days)
                               for t, day in late],
        "new_hazards": [rows.row(t) for t in new],
        "closures": [rows.row(t, closed_on=_iso(day), verified_by=by,
                              rounds=sum(1 for r in t.rounds if r <= day),
                              recorded_by=closers.get((t.id, day)), status="closed")
                     for t, day, by in sorted(closings, key=lambda c: (c[0].unit, c[1],
                                                                        c[0].id))],
        "trend": [{**b, "start": _iso(b["start"]), "end": _iso(b["end"])}
                  for b in figures.trend(ledger, trend_buckets(window))],
        "coverage": _coverage(context, ledger, end, locale),
        "unreadable": sorted(snap.unreadable),
    }


def _period(window: Window, locale: Locale) -> str:
    zh = locale is Locale.ZH
    if window.kind == "month" and zh:
        return f"{window.start.year}年{window.start.month}月"
    if window.kind == "quarter" and zh:
        return f"{window.start.year}年第{(window.start.month + 2) // 3}季度"
    if window.kind == "year" and zh:
        return f"{window.start.year}年"
    if window.kind == "range":
        return f"{window.start} – {window.end}"
    return window.label


def _recorded(log: CommitLog, sha: str, window: Window, timezone: str
              ) -> dict[str, dt.date]:
    """When each hazard file found in the window was first committed (a day in the
    organisation's time zone)."""
    zone = ZoneInfo(timezone)
    added = log.added_since(sha, window.start - dt.timedelta(days=1))
    return {path: when.astimezone(zone).date() for path, when in added.items()
            if is_hazard_path(path)}


def _closers(log: CommitLog, reader: Reader, sha: str, paths: list[str], since: dt.date,
             progress: Progress | None = None) -> dict[tuple[str, dt.date], str]:
    """Who recorded each sign-off: the author of the commit whose version of the file
    first holds that passing verification."""
    if not paths:
        return {}
    # One log of the window, its changes filtered here: git matching a long list of
    # paths against every tree entry of every commit costs far more than listing all.
    wanted = set(paths)
    commits = log.first_parent(sha, since)
    found: dict[tuple[str, dt.date], str] = {}
    oldest_first = commits[::-1]
    for commit in tracked(oldest_first, len(oldest_first), progress, Msg("progress.history")):
        for change in commit.changes:
            if not (change.new_path in wanted and change.new_blob):
                continue
            pairs = [(change.new_path, change.new_blob)]
            # A file moved in from a path not asked about counts as added there, as a
            # log limited to the asked paths shows it.
            if change.old_path in wanted and change.old_blob:
                pairs.append((change.old_path, change.old_blob))
            versions = reader.timelines(pairs)
            now = versions.get(change.new_blob)
            was = versions.get(pairs[1][1]) if len(pairs) > 1 else None
            before = set(was.closings) if was else set()
            for day, _ in (now.closings if now else []):
                key = (id_of(change.new_path), day)
                if key not in found and (day, _) not in before:
                    found[key] = commit.author
    return found


def _overdue(rows: _Rows, ledger: Ledger, end: dt.date, kind: str) -> list[dict[str, Any]]:
    out = [rows.row(t, deadline=_iso(t.deadline_on(end)), days_overdue=t.days_overdue_on(end),
                    completed_on=_iso(t.awaiting_on(end)))
           for t in ledger.overdue_on(end, kind)]
    return sorted(out, key=lambda r: (-r["days_overdue"], r["id"]))


def _verifiers(context: LedgerContext, unit: str) -> list[str]:
    return [p.name for p in context.settings.verifiers_for(unit)]


def _majors(rows: _Rows, ledger: Ledger, window: Window) -> list[dict[str, Any]]:
    """Major hazards open at the end, found in the window, or signed off in it."""
    closed = {t.id for t, _, _ in ledger.closings_in(window) if t.level == "major"}
    chosen = [t for t in ledger.timelines if t.level == "major" and t.void_on is None
              and (t.is_open_on(window.end) or t.id in closed or t.found_on in window)]
    out = []
    for t in sorted(chosen, key=lambda t: (t.unit, t.id)):
        m = t.major
        status = t.status_on(window.end)
        out.append(rows.row(
            t, status=status.value if status else t.status,
            reported_on=_iso(m.reported_on) if m else None,
            reported_to=m.reported_to if m else None,
            supervised_by=m.supervised_by if m else None,
            governance=bool(m and m.governance),
            assessed_on=_iso(m.assessed_on) if m else None,
            signoff_on=_iso(m.signoff_on) if m else None,
            deadline=_iso(t.deadline_on(window.end))))
    return out


def _inspections(context: LedgerContext, ledger: Ledger, window: Window,
                 locale: Locale) -> dict[str, Any]:
    runs = ledger.runs_in(window)
    by_unit = []
    for unit in context.settings.units:
        mine = [r for r in runs if r.unit == unit.code]
        by_unit.append({"unit": unit.code, "name": unit.name, "runs": len(mine),
                        "people": sum(len(r.inspectors) for r in mine),
                        "items_checked": sum(r.checked for r in mine),
                        "failed": sum(len(r.failed) for r in mine)})
    campaigns = []
    for campaign in context.settings.campaigns:
        if campaign.to < window.start or campaign.start > window.end:
            continue
        cover = campaign_coverage(context, campaign, ledger.runs, window.end)
        campaigns.append({"id": campaign.id, "name": campaign.name,
                          "start": _iso(campaign.start), "to": _iso(campaign.to),
                          "reached": cover.reached, "total": len(cover.cells),
                          "percent": figures.percent(cover.reached, len(cover.cells)),
                          "missing": [{"unit": context.settings.unit_name(c.unit),
                                       "domain": context.domain_name(c.domain, locale)}
                                      for c in cover.missing]})
    return {"runs": len(runs), "people": sum(len(r.inspectors) for r in runs),
            "items_checked": sum(r.checked for r in runs), "by_unit": by_unit,
            "campaigns": campaigns}


def _coverage(context: LedgerContext, ledger: Ledger, as_of: dt.date,
              locale: Locale) -> dict[str, Any]:
    cells = coverage(context, ledger.runs, as_of)
    by_unit: dict[str, dict[str, Any]] = {}
    for cell in cells:
        by_unit.setdefault(cell.unit, {})[cell.domain] = {
            "last": _iso(cell.last), "due": cell.due}
    return {
        "domains": [{"id": d, "name": context.domain_name(d, locale)} for d in context.domains],
        "rows": [{"unit": u.code, "name": u.name,
                  "cells": [by_unit.get(u.code, {}).get(d) for d in context.domains]}
                 for u in context.settings.units],
        "due": sum(1 for c in cells if c.due),
    }
