"""Selecting hazards from the ledger, as `list` and `export` filter them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from safecheck.context import LedgerContext
from safecheck.models.common import person_key
from safecheck.store import StoredHazard
from safecheck.summary import RecordSummary, summarize
from safecheck.vocab import Level, Status


@dataclass(frozen=True)
class HazardFilter:
    """Conditions a hazard must all meet; empty means any."""

    units: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    levels: frozenset[Level] = frozenset()
    statuses: frozenset[Status] = frozenset()
    overdue: bool = False
    inspection: str | None = None
    sources: frozenset[str] = frozenset()
    source_ref: str | None = None
    responsible: str | None = None
    contractor: str | None = None
    due_within: int | None = None

    def matches(self, h: RecordSummary, today: dt.date) -> bool:
        """True when the hazard summarised by ``h`` meets every condition."""
        return ((not self.units or h.unit in self.units)
                and (not self.domains or h.domain in self.domains)
                and (not self.levels or h.level in self.levels)
                and (not self.statuses or h.status in self.statuses)
                and (not self.overdue or h.days_overdue(today) > 0)
                and (self.inspection is None or h.inspection == self.inspection)
                and (not self.sources or h.source in self.sources)
                and (self.source_ref is None or self.source_ref in (h.source_ref or ""))
                and (self.responsible is None or person_key(h.responsible)
                     == person_key(self.responsible))
                and (self.contractor is None or (h.contractor_name is not None
                                                 and self.contractor in h.contractor_name))
                and (self.due_within is None or self._due(h, today)))

    def _due(self, h: RecordSummary, today: dt.date) -> bool:
        """Open, with the deadline in force no later than ``due_within`` days from today
        (overdue ones included: they are due too)."""
        deadline = h.effective_deadline
        return (h.is_open and deadline is not None and self.due_within is not None
                and (deadline - today).days <= self.due_within)


def build_filter(context: LedgerContext, units: Iterable[str] = (),
                 domains: Iterable[str] = (), levels: Iterable[Level] = (),
                 statuses: Iterable[Status] = (), overdue: bool = False,
                 inspection: str | None = None, sources: Iterable[str] = (),
                 source_ref: str | None = None, responsible: str | None = None,
                 contractor: str | None = None, due_within: int | None = None
                 ) -> HazardFilter:
    """A filter from command-line values; unknown units, domains and sources are errors."""
    for source in sources:
        context.require_source(source)
    wanted_units = frozenset(u.upper() for u in units)
    wanted_domains = frozenset(domains)
    for code in sorted(wanted_units):
        context.require_unit(code)
    for name in sorted(wanted_domains):
        context.require_domain(name)
    return HazardFilter(units=wanted_units, domains=wanted_domains, levels=frozenset(levels),
                        statuses=frozenset(statuses), overdue=overdue, inspection=inspection,
                        sources=frozenset(sources), source_ref=source_ref,
                        responsible=responsible, contractor=contractor,
                        due_within=due_within)


def select(hazards: Iterable[StoredHazard], where: HazardFilter,
           today: dt.date) -> list[StoredHazard]:
    """The matching hazards ordered by unit, date found and ID."""
    chosen = [s for s in hazards
              if where.matches(summarize(s.hazard, s.relpath, None), today)]
    chosen.sort(key=lambda s: (s.hazard.unit, s.hazard.found_on, s.hazard.id))
    return chosen


def select_summaries(summaries: Iterable[RecordSummary], where: HazardFilter,
                     today: dt.date) -> list[RecordSummary]:
    """The matching summaries, ordered as :func:`select` orders hazards."""
    chosen = [s for s in summaries if where.matches(s, today)]
    chosen.sort(key=lambda s: (s.unit, s.found_ordinal, s.id))
    return chosen
