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
        return self.level_value == _MAJOR

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
_MAJOR = Level.MAJOR.value


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


#: Between the fields of a stored summary, and what stands for None: characters no
#: record's text is allowed to bring in (a summary holding one is not stored).
_SEP, _NONE = "\x1f", "\x1e"
_FIELDS = len(RecordSummary._fields) - 1  # all but the path, which is the key
_SHARED: dict[str, str] = {}  # one object for each unit, domain, status … of a run


class Unstorable(ValueError):
    """A summary with a character the stored form uses itself."""


def _text(value: str | None) -> str:
    if value is None:
        return _NONE
    if _SEP in value or _NONE in value:
        raise Unstorable(value)
    return value


def _number(value: int | None) -> str:
    return _NONE if value is None else str(value)


def to_wire(summary: RecordSummary) -> str:
    """The summary as the cache stores it: one string (a hundred thousand of them load
    in a blink, where as many tuples of twenty values take a second), without the path,
    which is its key. Raises Unstorable for text holding the separators."""
    s = summary
    lines = ",".join(f"{name}={'' if line is None else line}" for name, line in s.lines)
    return _SEP.join((
        _text(s.id), _text(s.title), _text(s.unit), _text(s.domain), _text(s.level_value),
        _text(s.status_value), _text(s.source), _text(s.source_ref), _text(s.inspection),
        str(s.found_ordinal), _number(s.deadline_ordinal), _number(s.awaiting_ordinal),
        _number(s.reported_ordinal), "1" if s.has_major else "0", "1" if s.has_plan else "0",
        "1" if s.has_extensions else "0", _text(s.responsible), _text(s.contractor_name),
        _text(",".join(s.plan_missing)), str(s.latest_event), _text(s.documents),
        _text(lines)))


def from_wire(relpath: str, value: str) -> RecordSummary:
    """A summary from its stored string (a wrong shape raises ValueError or TypeError)."""
    f = value.split(_SEP)
    if len(f) != _FIELDS or f[13] not in _FLAGS or f[14] not in _FLAGS or f[15] not in _FLAGS:
        raise ValueError("not a record summary")
    shared = _SHARED.setdefault
    lines: tuple[tuple[str, int | None], ...] = ()
    if f[21]:
        pairs = [item.split("=") for item in f[21].split(",")]
        lines = tuple((shared(name, name), int(line) if line else None)
                      for name, line in pairs)
    n = _NONE
    return RecordSummary(
        relpath, f[0], f[1], shared(f[2], f[2]), shared(f[3], f[3]), shared(f[4], f[4]),
        shared(f[5], f[5]), shared(f[6], f[6]), None if f[7] == n else f[7],
        None if f[8] == n else f[8], int(f[9]), None if f[10] == n else int(f[10]),
        None if f[11] == n else int(f[11]), None if f[12] == n else int(f[12]),
        f[13] == "1", f[14] == "1", f[15] == "1", None if f[16] == n else f[16],
        None if f[17] == n else f[17], tuple(f[18].split(",")) if f[18] else (),
        int(f[19]), f[20], lines)


def documents_of(value: str) -> str | None:
    """The documents a stored summary names (``/``-joined), read without the rest of
    it; None when the string is not a summary's."""
    if type(value) is not str:
        return None
    fields = value.split(_SEP)
    return fields[20] if len(fields) == _FIELDS else None


_FLAGS = ("0", "1")
