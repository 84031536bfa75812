"""The hazard record (隐患) and its parts, in the key order the files are written in."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from safecheck.models.common import (
    Amount,
    Date,
    DocName,
    HazardId,
    Line,
    Name,
    Record,
    Slug,
    Text,
    UnitCode,
)
from safecheck.vocab import Level, Result, Status

#: The "five in place" (五到位), in the order people say them.
PLAN_PARTS = ("measures", "responsible", "funding", "deadline", "contingency_plan")


class Responsible(Record):
    """责任人: who answers for the rectification."""

    person: Name
    department: Line | None = None


class Funding(Record):
    """资金: money set aside for the rectification."""

    amount: Amount
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    source: Line | None = None


class Plan(Record):
    """整改方案, the five in place. Parts may be missing while the hazard is reported."""

    measures: tuple[Text, ...] = ()
    responsible: Responsible | None = None
    funding: Funding | None = None
    deadline: Date | None = None
    contingency_plan: Text | None = None

    def missing(self) -> list[str]:
        """Names of the five-in-place parts that are not yet in place."""
        return [part for part in PLAN_PARTS if not getattr(self, part)]

    @property
    def complete(self) -> bool:
        """True when all five parts are in place."""
        return not self.missing()


class Contractor(Record):
    """Outsourced work; the internal supervisor keeps it from 以包代管."""

    name: Line
    contract: Line | None = None
    supervisor: Name | None = None


class Extension(Record):
    """An approved deadline extension (延期)."""

    to: Date
    reason: Text
    approved_by: Name
    approved_on: Date


class Rectification(Record):
    """What the responsible side did (整改完成)."""

    completed_on: Date
    rectified_by: Name
    actions: Text


class Verification(Record):
    """An acceptance check (验收): a pass signs the hazard off, a fail sends it back."""

    date: Date
    by: Name
    result: Result
    notes: Text | None = None


class Documents(Record):
    """File names in the record's own folder (一个问题一套整改资料)."""

    before: tuple[DocName, ...] = ()
    after: tuple[DocName, ...] = ()
    other: tuple[DocName, ...] = ()

    def all(self) -> list[str]:
        """Every named file, before, after and other."""
        return [*self.before, *self.after, *self.other]


class Void(Record):
    """Why a registration was voided (作废): duplicate or mistaken."""

    reason: Text
    by: Name
    date: Date


class Reopening(Record):
    """A closed hazard sent back to rectification."""

    date: Date
    by: Name
    reason: Text


class Hazard(Record):
    """One hazard on the ledger: one file, ``records/<UNIT>/<YYYY>/<ID>.yaml``."""

    kind: Literal["hazard"] = "hazard"
    schema_version: Literal[1] = Field(default=1, alias="schema")
    id: HazardId
    title: Line
    description: Text
    unit: UnitCode
    department: Line | None = None
    location: Line
    domain: Slug
    checklist_item: Line | None = None
    inspection: Line | None = None
    level: Level
    source: Slug
    found_on: Date
    found_by: Name
    root_cause: Text | None = None
    plan: Plan | None = None
    contractor: Contractor | None = None
    extensions: tuple[Extension, ...] = ()
    rectification: Rectification | None = None
    verifications: tuple[Verification, ...] = ()
    reopenings: tuple[Reopening, ...] = ()
    documents: Documents | None = None
    void: Void | None = None
    status: Status

    @property
    def plan_complete(self) -> bool:
        """True when the five in place are all there."""
        return self.plan is not None and self.plan.complete

    @property
    def plan_missing(self) -> list[str]:
        """Five-in-place parts still missing."""
        return self.plan.missing() if self.plan else list(PLAN_PARTS)

    @property
    def responsible(self) -> str | None:
        """The responsible person's name, if a plan names one."""
        if self.plan and self.plan.responsible:
            return self.plan.responsible.person
        return None

    @property
    def effective_deadline(self) -> dt.date | None:
        """The last approved extension's date, else the plan's deadline."""
        if self.extensions:
            return self.extensions[-1].to
        return self.plan.deadline if self.plan else None

    @property
    def is_open(self) -> bool:
        """Reported, rectifying or verifying: still on the books."""
        return self.status in (Status.REPORTED, Status.RECTIFYING, Status.VERIFYING)

    def days_overdue(self, today: dt.date) -> int:
        """Days past the effective deadline while open; 0 when not overdue."""
        deadline = self.effective_deadline
        if not self.is_open or deadline is None or deadline >= today:
            return 0
        return (today - deadline).days

    @property
    def closed_on(self) -> dt.date | None:
        """The sign-off date (销号): the passing verification of a closed hazard."""
        if self.status is Status.CLOSED and self.verifications:
            return self.verifications[-1].date
        return None

    @property
    def evidence(self) -> list[str]:
        """Documents that show the fix: after photos and other papers."""
        if self.documents is None:
            return []
        return [*self.documents.after, *self.documents.other]
