"""What people give the lifecycle commands, before it is checked: plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from safecheck.vocab import Level, Result

REQUIRED_AT_REGISTRATION = (
    "unit", "domain", "title", "description", "location", "level", "source", "found_on",
    "found_by",
)


@dataclass(frozen=True)
class PlanInput:
    """Five-in-place parts and contractor details given on the command line (all optional)."""

    measures: tuple[str, ...] = ()
    responsible: str | None = None
    responsible_department: str | None = None
    funding: int | float | None = None
    funding_source: str | None = None
    currency: str | None = None
    deadline: dt.date | None = None
    contingency_plan: str | None = None
    contractor: str | None = None
    contract: str | None = None
    safety_agreement: str | None = None
    supervisor: str | None = None

    def is_empty(self) -> bool:
        """True when nothing at all was given."""
        return not self.measures and all(
            getattr(self, f.name) is None for f in fields(self) if f.name != "measures")


@dataclass(frozen=True)
class MajorInput:
    """Major-hazard facts (重大事故隐患): interim control, report, governance plan,
    supervision, assessment and sign-off. Everything optional; what is given is set."""

    basis: str | None = None
    interim_measures: tuple[str, ...] = ()
    reported_on: dt.date | None = None
    reported_to: str | None = None
    supervised_by: str | None = None
    objectives: str | None = None
    plan_approved_by: str | None = None
    assessed_on: dt.date | None = None
    assessed_by: str | None = None
    assessment_result: Result | None = None
    assessment_notes: str | None = None
    signoff_on: dt.date | None = None
    signoff_by: str | None = None
    signoff_reference: str | None = None

    def is_empty(self) -> bool:
        """True when nothing at all was given."""
        return not self.interim_measures and all(
            getattr(self, f.name) is None for f in fields(self) if f.name != "interim_measures")


@dataclass(frozen=True)
class Registration:
    """What a new hazard is registered with (登记)."""

    unit: str | None = None
    domain: str | None = None
    title: str | None = None
    description: str | None = None
    location: str | None = None
    level: Level | None = None
    source: str | None = None
    source_ref: str | None = None
    found_on: dt.date | None = None
    found_by: str | None = None
    department: str | None = None
    root_cause: str | None = None
    checklist_item: str | None = None
    inspection: str | None = None
    plan: PlanInput = field(default_factory=PlanInput)
    major: MajorInput = field(default_factory=MajorInput)
    documents: tuple[str, ...] = ()

    def missing(self) -> list[str]:
        """Required fields that have no value yet (a major hazard also needs its interim
        control measures: 临时管控措施)."""
        missing = [name for name in REQUIRED_AT_REGISTRATION
                   if getattr(self, name) in (None, "")]
        if self.level is Level.MAJOR and not self.major.interim_measures:
            missing.append("interim_measures")
        return missing
