"""Inspection coverage: which units × domains are inspected within their rhythm, and how
far a campaign (拉网式排查) has reached. Audit and report both ask these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from safecheck.config import Campaign
from safecheck.context import LedgerContext
from safecheck.models.checklist import FREQUENCY_DAYS
from safecheck.models.inspection import Inspection


@dataclass(frozen=True)
class CoverageCell:
    """The last inspection of one domain at one unit, and whether another is due."""

    unit: str
    domain: str
    frequency: str
    last: dt.date | None
    due: bool
    as_of: dt.date

    @property
    def days_since(self) -> int | None:
        """Days from the last inspection to the day the coverage was computed for."""
        return None if self.last is None else (self.as_of - self.last).days


def _counted(inspections: Iterable[Inspection], today: dt.date) -> list[Inspection]:
    """Runs that count: not voided, not in the future."""
    return [i for i in inspections if not i.is_void and i.date <= today]


def coverage(context: LedgerContext, inspections: Iterable[Inspection],
             today: dt.date) -> list[CoverageCell]:
    """Units × the domains that apply to them: last inspection date and due flag.

    The rhythm is the checklist's for the unit's regimes (统计排查频次). A domain never
    inspected is due one period after the unit joined the ledger (``since``), or at once
    when that is not recorded.
    """
    last: dict[tuple[str, str], dt.date] = {}
    for inspection in _counted(inspections, today):
        key = (inspection.unit, inspection.domain)
        if key not in last or inspection.date > last[key]:
            last[key] = inspection.date
    cells = []
    for unit in context.settings.units:
        for domain in context.unit_domains(unit.code):
            checklist = context.checklists[domain]
            frequency = checklist.frequency_for(unit.regimes) or "monthly"
            period = FREQUENCY_DAYS[frequency]
            seen = last.get((unit.code, domain))
            if seen is not None:
                due = (today - seen).days > period
            else:
                due = unit.since is None or (today - unit.since).days > period
            cells.append(CoverageCell(unit.code, domain, frequency, seen, due, today))
    return cells


@dataclass(frozen=True)
class CampaignCell:
    """Whether a campaign reached one unit × domain, and with which run."""

    unit: str
    domain: str
    reached: str | None      # the run that reached it


@dataclass(frozen=True)
class CampaignCoverage:
    """A campaign's units × domains and how many it reached."""

    campaign: Campaign
    cells: list[CampaignCell]

    @property
    def reached(self) -> int:
        """Cells reached."""
        return sum(1 for c in self.cells if c.reached)

    @property
    def missing(self) -> list[CampaignCell]:
        """Cells not reached."""
        return [c for c in self.cells if not c.reached]

    def over(self, today: dt.date) -> bool:
        """The campaign's window has ended."""
        return today > self.campaign.to


def campaign_coverage(context: LedgerContext, campaign: Campaign,
                      inspections: Iterable[Inspection], today: dt.date) -> CampaignCoverage:
    """Which units × domains the campaign reached: a run of the campaign, or any run of
    that unit and domain within its window."""
    runs = [i for i in _counted(inspections, today)
            if i.campaign == campaign.id or campaign.start <= i.date <= campaign.to]
    cells = []
    for code in campaign.units or [u.code for u in context.settings.units]:
        domains = [d for d in context.unit_domains(code)
                   if campaign.domains is None or d in campaign.domains]
        for domain in domains:
            run = next((i.id for i in sorted(runs, key=lambda r: r.date)
                        if i.unit == code and i.domain == domain), None)
            cells.append(CampaignCell(code, domain, run))
    return CampaignCoverage(campaign, cells)
