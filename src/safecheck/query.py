"""Selecting hazards from the ledger, as `list` and `export` filter them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from safecheck.context import LedgerContext
from safecheck.store import StoredHazard
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

    def matches(self, stored: StoredHazard, today: dt.date) -> bool:
        """True when ``stored`` meets every condition."""
        h = stored.hazard
        return ((not self.units or h.unit in self.units)
                and (not self.domains or h.domain in self.domains)
                and (not self.levels or h.level in self.levels)
                and (not self.statuses or h.status in self.statuses)
                and (not self.overdue or h.days_overdue(today) > 0)
                and (self.inspection is None or h.inspection == self.inspection))


def build_filter(context: LedgerContext, units: Iterable[str] = (),
                 domains: Iterable[str] = (), levels: Iterable[Level] = (),
                 statuses: Iterable[Status] = (), overdue: bool = False,
                 inspection: str | None = None) -> HazardFilter:
    """A filter from command-line values; unknown units and domains are errors."""
    wanted_units = frozenset(u.upper() for u in units)
    wanted_domains = frozenset(domains)
    for code in sorted(wanted_units):
        context.require_unit(code)
    for name in sorted(wanted_domains):
        context.require_domain(name)
    return HazardFilter(units=wanted_units, domains=wanted_domains, levels=frozenset(levels),
                        statuses=frozenset(statuses), overdue=overdue, inspection=inspection)


def select(hazards: Iterable[StoredHazard], where: HazardFilter,
           today: dt.date) -> list[StoredHazard]:
    """The matching hazards ordered by unit, date found and ID."""
    chosen = [s for s in hazards if where.matches(s, today)]
    chosen.sort(key=lambda s: (s.hazard.unit, s.hazard.found_on, s.hazard.id))
    return chosen
