"""A hazard as a timeline of its dated entries: small enough to cache by blob id and to
hold ten thousand at once, and enough to answer "as of day D" for any D.

Reports count by the records' own dates (发现日期, 验收日期, 作废日期 …), so a late entry
lands in the period it belongs to and adjacent periods add up. The state as of a day is
rebuilt from those dates with the one definition of deadline, overdue and due soon in
:mod:`safecheck.models.hazard`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from safecheck.models.hazard import (
    Hazard,
    days_overdue,
    deadline_from,
    is_due_soon,
    overdue_kind,
)
from safecheck.vocab import OPEN_STATUSES, Status

Day = dt.date


def _o(day: Day | None) -> int | None:
    return None if day is None else day.toordinal()


def _d(value: int | None) -> Day | None:
    return None if value is None else dt.date.fromordinal(value)


@dataclass(frozen=True, slots=True)
class MajorFacts:
    """What a report says of a major hazard's governance."""

    reported_on: Day | None
    reported_to: str | None
    supervised_by: str | None
    governance: bool          # basis, objectives and approval in place
    assessed_on: Day | None   # a passing assessment
    signoff_on: Day | None


@dataclass(slots=True)
class Timeline:
    """One hazard's facts and dated entries (see the module docstring). Not frozen, only
    because a frozen dataclass sets each field through ``object.__setattr__``: a report
    builds a hundred thousand of them and nothing changes one after it is built."""

    id: str
    unit: str
    domain: str
    level: str
    source: str
    source_ref: str | None
    title: str
    location: str
    found_on: Day
    responsible: str | None
    plan_deadline: Day | None
    funding: float | None
    status: str
    void_on: Day | None
    checks: tuple[tuple[Day, bool, str], ...]        # (date, passed, verifier)
    reopenings: tuple[tuple[Day, Day | None], ...]   # (date, new deadline)
    extensions: tuple[tuple[Day, Day], ...]          # (approved on, to)
    rounds: tuple[Day, ...]                          # completion dates
    major: MajorFacts | None
    was_major: bool                                  # downgraded from major

    @classmethod
    def of(cls, h: Hazard) -> Timeline:
        """The timeline of a validated hazard."""
        m = h.major
        major = None
        if m is not None:
            major = MajorFacts(
                m.reported_on, m.reported_to, m.supervised_by, not m.plan_missing(),
                m.assessment.date if m.assessment and m.assessment.result.value == "pass"
                else None, m.signoff.date if m.signoff else None)
        downgraded = any(c.fields.get("level") == ("major", "general") for c in h.corrections)
        funding = h.plan.funding.amount if h.plan and h.plan.funding else None
        return cls(
            h.id, h.unit, h.domain, h.level.value, h.source, h.source_ref, h.title,
            h.location, h.found_on, h.responsible, h.plan.deadline if h.plan else None,
            float(funding) if funding is not None else None, h.status.value,
            h.void.date if h.void else None,
            tuple((v.date, v.result.value == "pass", v.by) for v in h.verifications),
            tuple((r.date, r.deadline) for r in h.reopenings),
            tuple((e.approved_on, e.to) for e in h.extensions),
            tuple(r.completed_on for r in h.rectifications), major, downgraded)

    # Worked out once: every "as of" question starts from them.
    #: The latest date the record holds: from then on its state is the recorded one.
    last_entry: Day = field(init=False, compare=False, repr=False)
    #: (date, verifier) of every passing verification: each one signed it off.
    closings: tuple[tuple[Day, str], ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        days = [self.found_on, *self.rounds]
        for entries in (self.checks, self.reopenings, self.extensions):
            if entries:
                days += [entry[0] for entry in entries]
        if self.void_on:
            days.append(self.void_on)
        self.last_entry = max(days)
        self.closings = (tuple([(d, by) for d, passed, by in self.checks if passed])
                         if self.checks else ())

    # --- the state as of a day ----------------------------------------------------------
    def status_on(self, day: Day) -> Status | None:
        """The status as of ``day`` (None before it was found)."""
        if self.found_on > day:
            return None
        if day >= self.last_entry:
            return Status(self.status)
        if self.void_on is not None and self.void_on <= day:
            return Status.VOID
        # passes close, reopenings open again; on one day a reopening follows the pass
        events = sorted([(d, 0) for d, passed, _ in self.checks if passed and d <= day]
                        + [(d, 1) for d, _ in self.reopenings if d <= day])
        if events and events[-1][1] == 0:
            return Status.CLOSED
        if self.awaiting_on(day) is not None:
            return Status.VERIFYING
        return Status.RECTIFYING if self.plan_deadline or self.rounds else Status.REPORTED

    def is_open_on(self, day: Day) -> bool:
        """Reported, rectifying or verifying as of ``day``."""
        if day >= self.last_entry:  # the recorded status: the usual case, asked a
            return self.status in OPEN_STATUSES  # million times (a str is its Status)
        return self.status_on(day) in OPEN_STATUSES

    def awaiting_on(self, day: Day) -> Day | None:
        """The completion date of the round awaiting verification as of ``day``: every
        verification answers one round, so a round is waiting when there are more rounds
        than verifications by then."""
        if day >= self.last_entry:
            waiting = self.status == Status.VERIFYING.value and self.rounds
            return self.rounds[-1] if waiting else None
        rounds = [d for d in self.rounds if d <= day]
        checks = [d for d, _, _ in self.checks if d <= day]
        return rounds[-1] if len(rounds) > len(checks) else None

    def deadline_on(self, day: Day) -> Day | None:
        """The deadline in force as of ``day``."""
        return deadline_from(self.plan_deadline, list(self.extensions), list(self.reopenings),
                             day)

    def days_overdue_on(self, day: Day) -> int:
        """Days past the deadline in force while open, as of ``day``."""
        return days_overdue(self.is_open_on(day), self.deadline_on(day), day)

    def overdue_kind_on(self, day: Day) -> str | None:
        """``rectification`` or ``verification`` overdue as of ``day``, or None."""
        return overdue_kind(self.is_open_on(day), self.deadline_on(day), day,
                            self.awaiting_on(day))

    def due_soon_on(self, day: Day, window: int) -> bool:
        """Open with the deadline from ``day`` to ``window`` days on."""
        return is_due_soon(self.is_open_on(day), self.deadline_on(day), day, window)

    @property
    def is_major(self) -> bool:
        """Major now."""
        return self.level == "major"

    # --- the cache's wire form -------------------------------------------------------
    def wire(self) -> tuple[Any, ...]:
        """A marshal-able tuple (dates as ordinals)."""
        m = self.major
        return (self.id, self.unit, self.domain, self.level, self.source, self.source_ref,
                self.title, self.location, _o(self.found_on), self.responsible,
                _o(self.plan_deadline), self.funding, self.status, _o(self.void_on),
                tuple((_o(d), p, by) for d, p, by in self.checks),
                tuple((_o(d), _o(t)) for d, t in self.reopenings),
                tuple((_o(d), _o(t)) for d, t in self.extensions),
                tuple(_o(d) for d in self.rounds),
                None if m is None else (_o(m.reported_on), m.reported_to, m.supervised_by,
                                        m.governance, _o(m.assessed_on), _o(m.signoff_on)),
                self.was_major)

    @classmethod
    def unwire(cls, t: tuple[Any, ...]) -> Timeline:
        """The inverse of :meth:`wire` (a report unwires a whole ledger: kept lean)."""
        day = dt.date.fromordinal
        m = t[18]
        major = None if m is None else MajorFacts(_d(m[0]), m[1], m[2], m[3], _d(m[4]),
                                                  _d(m[5]))
        return cls(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], day(t[8]), t[9],
                   None if t[10] is None else day(t[10]), t[11], t[12],
                   None if t[13] is None else day(t[13]),
                   tuple([(day(d), p, by) for d, p, by in t[14]]) if t[14] else (),
                   tuple([(day(d), _d(x)) for d, x in t[15]]) if t[15] else (),
                   tuple([(day(d), day(x)) for d, x in t[16]]) if t[16] else (),
                   tuple([day(d) for d in t[17]]) if t[17] else (), major, t[19])


def _day(value: int) -> Day:
    return dt.date.fromordinal(value)
