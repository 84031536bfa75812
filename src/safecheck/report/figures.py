"""The report's figures, from the records' own dates (pure: no git, no clock).

Flows (new, signed off, voided, reopened, extended, rectified) count entries whose own
date falls in the window, so any partition of a period adds up to the period. Stocks
(open, overdue, due soon) are the state as of the window's last day, rebuilt from the
same dates. Voided hazards are never counted as found: they were mistaken registrations.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from safecheck.models.hazard import deadline_from
from safecheck.models.inspection import Inspection
from safecheck.models.timeline import Timeline
from safecheck.report.windows import Window

_T = TypeVar("_T")


def percent(part: int, whole: int) -> float | None:
    """A share in percent, one decimal; None when there is nothing to divide by."""
    return None if whole == 0 else round(100.0 * part / whole, 1)


def rate(part: int, whole: int) -> dict[str, Any]:
    """A rate with its parts, for a template to show both."""
    return {"part": part, "whole": whole, "percent": percent(part, whole)}


@dataclass
class Ledger:
    """The hazards and runs of one revision, with the questions every section asks.

    A report asks the same questions of the same days many times (every table asks what
    is open at the end): each answer is worked out once and kept, in the ledger's order.
    """

    timelines: list[Timeline]
    runs: list[Inspection]
    _answers: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False,
                                                 compare=False)

    def _once(self, key: tuple[Any, ...], answer: Callable[[], _T]) -> _T:
        if key not in self._answers:
            self._answers[key] = answer()
        return self._answers[key]  # type: ignore[no-any-return]

    def found_in(self, window: Window) -> list[Timeline]:
        """Hazards found in the window (voided ones never count as found)."""
        start, end = window.start, window.end
        return self._once(("found", start, end), lambda: [
            t for t in self.timelines if start <= t.found_on <= end and t.void_on is None])

    def closings_in(self, window: Window) -> list[tuple[Timeline, dt.date, str]]:
        """Every sign-off (passing verification) dated in the window."""
        start, end = window.start, window.end
        every = self._once(("closings",), lambda: [
            (t, day, by) for t in self.timelines if t.closings and t.void_on is None
            for day, by in t.closings])
        return self._once(("closings", start, end),
                          lambda: [c for c in every if start <= c[1] <= end])

    def open_on(self, day: dt.date) -> list[Timeline]:
        """Hazards open as of ``day``."""
        return self._once(("open", day),
                          lambda: [t for t in self.timelines if t.is_open_on(day)])

    def overdue_on(self, day: dt.date, kind: str) -> list[Timeline]:
        """Hazards open as of ``day`` whose ``kind`` (rectification or verification) is
        overdue then."""
        def answer() -> dict[str | None, list[Timeline]]:
            kinds: dict[str | None, list[Timeline]] = {}
            for t in self.open_on(day):
                kinds.setdefault(t.overdue_kind_on(day), []).append(t)
            return kinds
        return self._once(("overdue", day), answer).get(kind, [])

    def due_soon_on(self, day: dt.date, soon: int) -> list[Timeline]:
        """Hazards open as of ``day`` with their deadline within ``soon`` days."""
        return self._once(("soon", day, soon), lambda: [
            t for t in self.open_on(day) if t.due_soon_on(day, soon)])

    def values_of(self, attribute: str) -> set[str]:
        """Every value a hazard has for ``attribute`` (unit, domain, level, source)."""
        return self._once(("values", attribute),
                          lambda: set(map(operator.attrgetter(attribute), self.timelines)))

    def runs_in(self, window: Window) -> list[Inspection]:
        """Inspection runs dated in the window, not voided."""
        return [r for r in self.runs if r.date in window and not r.is_void]


def flows(ledger: Ledger, window: Window) -> dict[str, int]:
    """The flow figures of a window (they add up over any partition of a period)."""
    t = ledger.timelines
    runs = ledger.runs_in(window)
    return {
        "new": len(ledger.found_in(window)),
        "closed": len(ledger.closings_in(window)),
        "voided": sum(1 for h in t if h.void_on in window),
        "reopened": sum(1 for h in t for day, _ in h.reopenings if day in window),
        "extensions": sum(1 for h in t for day, _ in h.extensions if day in window),
        "extensions_late": sum(1 for e in extensions(ledger, window) if e["late"]),
        "rectified": sum(1 for h in t if h.void_on is None for day in h.rounds if day in window),
        "major_new": sum(1 for h in ledger.found_in(window) if h.level == "major"),
        "inspections": len(runs),
        "people": sum(len(r.inspectors) for r in runs),
        "items_checked": sum(r.checked for r in runs),
    }


def stocks(ledger: Ledger, day: dt.date, soon: int) -> dict[str, int]:
    """What stands open as of ``day``."""
    open_now = ledger.open_on(day)
    return {"open": len(open_now), "overdue": len(ledger.overdue_on(day, "rectification")),
            "verification_overdue": len(ledger.overdue_on(day, "verification")),
            "major_open": sum(1 for t in open_now if t.level == "major"),
            "due_soon": len(ledger.due_soon_on(day, soon))}


def rates(ledger: Ledger, window: Window) -> dict[str, Any]:
    """整改率 of the hazards found in the window and in the year so far, and the two
    on-time rates of the sign-offs in the window — by the rectification's date and by the
    sign-off's date."""
    end = window.end
    cohort = ledger.found_in(window)
    year = Window(dt.date(end.year, 1, 1), end, "range", "")
    ytd = ledger.found_in(year)
    closings = ledger.closings_in(window)
    by_fix = by_signoff = 0
    for t, day, _ in closings:
        fixed = max((d for d in t.rounds if d <= day), default=None)
        then = t.deadline_on(fixed) if fixed is not None else None
        if fixed is not None and (then is None or fixed <= then):
            by_fix += 1
        deadline = t.deadline_on(day)
        if deadline is None or day <= deadline:
            by_signoff += 1
    closed_by_end = [t for t in cohort if not t.is_open_on(end)]
    return {
        "rectification": rate(len(closed_by_end), len(cohort)),
        "rectification_ytd": rate(sum(1 for t in ytd if not t.is_open_on(end)), len(ytd)),
        "on_time_rectification": rate(by_fix, len(closings)),
        "on_time_signoff": rate(by_signoff, len(closings)),
    }


def extensions(ledger: Ledger, window: Window) -> list[dict[str, Any]]:
    """Extensions approved in the window; late when granted after the deadline then in
    force had passed (the overdue days still count)."""
    out = []
    for t in ledger.timelines:
        for index, (approved, to) in enumerate(t.extensions):
            if approved not in window:
                continue
            before = deadline_from(t.plan_deadline, list(t.extensions[:index]),
                                   list(t.reopenings), approved)
            out.append({"id": t.id, "unit": t.unit, "title": t.title, "from": before,
                        "to": to, "approved_on": approved,
                        "late": before is not None and approved > before})
    return sorted(out, key=lambda e: (e["approved_on"], e["id"]))


def table(ledger: Ledger, window: Window, keys: Iterable[str], attribute: str,
          name_of: Callable[[str], str]) -> list[dict[str, Any]]:
    """New, signed off, open and overdue by a key (unit, domain, level, source), with a
    total row; keys with no hazard at all are shown too (a zero is news)."""
    end = window.end
    key_of: Callable[[Timeline], str] = operator.attrgetter(attribute)
    new = Counter(key_of(t) for t in ledger.found_in(window))
    closed = Counter(key_of(t) for t, _, _ in ledger.closings_in(window))
    open_now = ledger.open_on(end)
    opened = Counter(key_of(t) for t in open_now)
    overdue = Counter(key_of(t) for t in ledger.overdue_on(end, "rectification"))
    known = list(keys)
    extra = sorted(ledger.values_of(attribute) - set(known))
    rows = [{"key": k, "name": name_of(k), "new": new[k], "closed": closed[k],
             "open": opened[k], "overdue": overdue[k]} for k in [*known, *extra]]
    rows.append({"key": None, "name": None, "new": sum(new.values()),
                 "closed": sum(closed.values()), "open": sum(opened.values()),
                 "overdue": sum(overdue.values())})
    return rows


def feedback(ledger: Ledger, end: dt.date) -> list[dict[str, Any]]:
    """Each feedback letter's item (source_ref): its hazards, how many are closed, open
    and overdue as of ``end`` — the 巡查反馈问题整改台账."""
    groups: dict[tuple[str, str], list[Timeline]] = {}
    for t in ledger.timelines:
        if t.source_ref and t.found_on <= end and t.void_on is None:
            groups.setdefault((t.source, t.source_ref), []).append(t)
    rows = []
    for (source, ref), members in sorted(groups.items()):
        open_now = [t for t in members if t.is_open_on(end)]
        rows.append({"source": source, "ref": ref, "total": len(members),
                     "closed": len(members) - len(open_now), "open": len(open_now),
                     "overdue": sum(1 for t in open_now if t.days_overdue_on(end)),
                     "done": not open_now})
    return rows


def funding(ledger: Ledger, window: Window) -> dict[str, Any]:
    """Planned funding of the hazards found in the window, and of those signed off in it
    (the money the closed rectifications planned: 已投入, as the plan recorded it)."""
    new = ledger.found_in(window)
    closed = {t.id: t for t, _, _ in ledger.closings_in(window)}.values()
    return {"planned_new": money(sum(t.funding or 0 for t in new)),
            "planned_unfunded": sum(1 for t in new if t.funding is None),
            "closed": money(sum(t.funding or 0 for t in closed))}


def money(amount: float) -> int | float:
    """An amount as people write it: 1200, not 1200.0."""
    return int(amount) if float(amount).is_integer() else round(amount, 2)


def trend(ledger: Ledger, buckets: list[Window]) -> list[dict[str, Any]]:
    """New and signed off per bucket."""
    return [{"label": b.label, "start": b.start, "end": b.end,
             "new": len(ledger.found_in(b)), "closed": len(ledger.closings_in(b))}
            for b in buckets]
