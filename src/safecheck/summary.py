"""A record's compact summary: what audit's ledger-wide and dated rules and ``list`` read.

A summary is a plain tuple of strings, numbers and nested tuples (dates as ordinals), so
a cache of a hundred thousand of them loads with ``marshal`` in a fraction of a second and
takes a fraction of a full model's memory. It is made from a validated Hazard, once per
version of a record file; what depends on today (overdue, due soon) is worked out from its
dates at run time, never stored.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import NamedTuple

from safecheck import yamlio
from safecheck.models.hazard import Hazard, days_overdue, is_due_soon, overdue_kind
from safecheck.vocab import OPEN_STATUSES, Level, Status


class RecordSummary(NamedTuple):
    """One hazard record as the ledger-wide rules, ``list`` and its filters see it."""

    relpath: str
    id: str
    title: str
    unit: str
    domain: str
    level_value: str
    status_value: str
    source: str
    source_ref: str | None
    inspection: str | None
    found_ordinal: int
    deadline_ordinal: int | None       # the deadline in force (extensions, reopenings)
    awaiting_ordinal: int | None       # when the round awaiting verification was done
    reported_ordinal: int | None       # a major hazard's report to the authority
    has_major: bool                    # a ``major`` block is present
    has_plan: bool
    has_extensions: bool
    responsible: str | None
    contractor_name: str | None
    plan_missing: tuple[str, ...]
    latest_event: int                  # the ordinal of the latest dated event
    documents: str                     # every document the record names, "/"-separated
    #: Lines of the fields the dated rules point at (only for open records).
    lines: tuple[tuple[str, int | None], ...]

    @property
    def level(self) -> Level:
        """General or major."""
        return Level(self.level_value)

    @property
    def status(self) -> Status:
        """Where the hazard is in its loop."""
        return Status(self.status_value)

    @property
    def is_major(self) -> bool:
        """重大事故隐患."""
        return self.level_value == Level.MAJOR.value

    @property
    def is_open(self) -> bool:
        """Reported, rectifying or verifying."""
        return self.status_value in _OPEN

    @property
    def found_on(self) -> dt.date:
        """The day it was found."""
        return dt.date.fromordinal(self.found_ordinal)

    @property
    def effective_deadline(self) -> dt.date | None:
        """The deadline in force."""
        return _day(self.deadline_ordinal)

    @property
    def awaiting_since(self) -> dt.date | None:
        """When the round now awaiting verification was completed."""
        return _day(self.awaiting_ordinal)

    @property
    def reported_on(self) -> dt.date | None:
        """When a major hazard was reported to the authority."""
        return _day(self.reported_ordinal)

    def days_overdue(self, today: dt.date) -> int:
        """Days past the deadline in force while open; 0 when not overdue."""
        if self.deadline_ordinal is None or self.status_value not in _OPEN:
            return 0
        return days_overdue(True, self.effective_deadline, today)

    def overdue_kind(self, today: dt.date) -> str | None:
        """``rectification``, ``verification`` or None (as Hazard.overdue_kind)."""
        if self.deadline_ordinal is None or self.status_value not in _OPEN:
            return None
        return overdue_kind(True, self.effective_deadline, today, self.awaiting_since)

    def days_left(self, today: dt.date) -> int | None:
        """Days from today to the deadline while open (negative when past)."""
        if self.deadline_ordinal is None or self.status_value not in _OPEN:
            return None
        return self.deadline_ordinal - today.toordinal()

    def due_soon(self, today: dt.date, window: int) -> bool:
        """Open with the deadline today or within ``window`` days."""
        return self.deadline_ordinal is not None and is_due_soon(
            self.is_open, self.effective_deadline, today, window)

    @property
    def document_names(self) -> list[str]:
        """Every document the record names (file names never hold a slash)."""
        return self.documents.split("/") if self.documents else []

    def line(self, field: str, text: Callable[[], str]) -> int | None:
        """The line of ``field``: remembered, else found in ``text()`` (the file's text)."""
        for name, number in self.lines:
            if name == field:
                return number
        return yamlio.line_of(text(), field)


_OPEN = frozenset(s.value for s in OPEN_STATUSES)


def _day(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def dated_fields(hazard: Hazard) -> list[str]:
    """The fields the dated rules may point at for this hazard (none once it is closed
    or void: those rules only look at open hazards)."""
    if not hazard.is_open:
        return []
    fields = ["extensions" if hazard.extensions else "plan.deadline"]
    if hazard.status is Status.VERIFYING:
        fields.append("rectifications")
    if hazard.status is Status.REPORTED:
        fields.append("plan" if hazard.plan else "status")
    if hazard.is_major and (hazard.major is None or hazard.major.reported_on is None):
        fields.append("major")
    return fields


def summarize(hazard: Hazard, relpath: str, text: str | None) -> RecordSummary:
    """The summary of a validated hazard read from ``relpath`` (``text``: the file's text,
    for the lines of the fields dated rules point at; None to leave them to be found
    when needed)."""
    h = hazard
    lines = () if text is None else tuple(
        (name, yamlio.line_of(text, name)) for name in dated_fields(h))
    intern = sys.intern  # the few units, domains, sources: one object each in the cache
    return RecordSummary(
        relpath, h.id, h.title, intern(h.unit), intern(h.domain), h.level.value,
        h.status.value, intern(h.source),
        h.source_ref, h.inspection, h.found_on.toordinal(),
        _ordinal(h.effective_deadline), _ordinal(h.awaiting_since),
        _ordinal(h.major.reported_on if h.major else None), h.major is not None,
        h.plan is not None, bool(h.extensions), h.responsible,
        h.contractor.name if h.contractor else None, tuple(h.plan_missing),
        max(day for _, day in h.event_dates()).toordinal(),
        "/".join(h.all_documents), lines)


def to_wire(summary: RecordSummary) -> tuple[object, ...]:
    """The summary as the cache stores it: a plain tuple, without the path (its key)."""
    return tuple(summary[1:])


def from_wire(relpath: str, value: tuple[object, ...]) -> RecordSummary:
    """A summary from its stored tuple (a wrong shape raises TypeError or ValueError)."""
    summary = RecordSummary(relpath, *value)  # type: ignore[arg-type]
    if not (type(summary.id) is str and type(summary.found_ordinal) is int
            and type(summary.latest_event) is int and type(summary.documents) is str
            and type(summary.lines) is tuple and type(summary.plan_missing) is tuple
            and type(summary.status_value) is str and type(summary.unit) is str):
        raise ValueError("not a record summary")
    return summary
