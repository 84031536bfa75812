"""The hazard record (隐患), schema 2, and its parts, in the key order the files are
written in. Schema 1 files (one ``rectification`` block) are read through
:func:`upgrade_schema_1`, so everything above this module sees schema 2 only."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

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
from safecheck.vocab import OPEN_STATUSES, Level, Result, Status

SCHEMA = 2

FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$", max_length=40)]

#: The "five in place" (五到位), in the order people say them.
PLAN_PARTS = ("measures", "responsible", "funding", "deadline", "contingency_plan")

#: What a major hazard's governance plan (治理方案) adds before rectification starts.
MAJOR_PLAN_PARTS = ("basis", "objectives", "plan_approved_by")

#: Registered facts that ``edit`` may correct (logged in ``corrections``).
EDITABLE_FIELDS = ("title", "description", "location", "department", "domain", "level",
                   "source", "source_ref", "found_on", "found_by", "checklist_item")


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
        return [part for part in PLAN_PARTS if getattr(self, part) in (None, (), "")]

    @property
    def complete(self) -> bool:
        """True when all five parts are in place."""
        return not self.missing()


class Assessment(Record):
    """治理后评估: experts or a safety-assessment body judge the finished work."""

    date: Date
    by: Line
    result: Result
    notes: Text | None = None


class Signoff(Record):
    """The supervising authority's sign-off (督办销号 / 审查同意)."""

    date: Date
    by: Line
    reference: Line | None = None


class Major(Record):
    """重大事故隐患: interim control at registration, then report, governance plan,
    supervision, assessment and sign-off (16号令 第14–18条)."""

    basis: Line | None = None
    interim_measures: tuple[Text, ...] = ()
    reported_on: Date | None = None
    reported_to: Line | None = None
    supervised_by: Line | None = None
    objectives: Text | None = None
    plan_approved_by: Name | None = None
    assessment: Assessment | None = None
    signoff: Signoff | None = None

    def plan_missing(self) -> list[str]:
        """Governance-plan parts not yet in place."""
        return [part for part in MAJOR_PLAN_PARTS if getattr(self, part) in (None, "")]


class Contractor(Record):
    """Outsourced work; the internal supervisor keeps it from 以包代管."""

    name: Line
    contract: Line | None = None
    safety_agreement: Line | None = None
    supervisor: Name | None = None


class Extension(Record):
    """An approved deadline extension (延期)."""

    to: Date
    reason: Text
    approved_by: Name
    approved_on: Date


class Rectification(Record):
    """One round of rectification (整改) with its own documents; every round is kept."""

    completed_on: Date
    by: Name
    actions: Text
    documents: tuple[DocName, ...] = ()


class Verification(Record):
    """An acceptance check (验收): a pass signs the hazard off, a fail sends it back."""

    date: Date
    by: Name
    result: Result
    notes: Text | None = None


class Correction(Record):
    """A registered fact corrected (更正): each field's old and new value."""

    date: Date
    by: Name
    fields: dict[FieldName, tuple[str | None, str | None]] = Field(min_length=1)
    reason: Text
    approved_by: Name | None = None


class Documents(Record):
    """File names in the record's own folder (一个问题一套整改资料)."""

    before: tuple[DocName, ...] = ()
    after: tuple[DocName, ...] = ()
    other: tuple[DocName, ...] = ()

    def all(self) -> list[str]:
        """Every named file, before, after and other."""
        return [*self.before, *self.after, *self.other]


class Reopening(Record):
    """A closed hazard sent back to rectification, with its new deadline."""

    date: Date
    by: Name
    reason: Text
    deadline: Date | None = None


class Void(Record):
    """Why a registration was voided (作废): duplicate or mistaken."""

    reason: Text
    by: Name
    date: Date


class Imported(Record):
    """Where a record imported from a spreadsheet came from (台账导入): the file, sheet
    and row, the row's own number when it is not the ID, and the fields the sheet did
    not state (filled in by a stated rule or an import option). Set once, never changed."""

    file: Line
    sheet: Line | None = None
    row: int = Field(ge=1)
    ref: Line | None = None
    inferred: tuple[Annotated[str, StringConstraints(
        pattern=r"^[a-z][a-z_]*(\.[a-z0-9_]+)*$", max_length=80)], ...] = ()


def upgrade_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """A schema 1 mapping in schema 2's shape: its one ``rectification`` becomes the
    first round, holding every after/other document (schema 1 did not say which round a
    document belonged to). Anything else is passed through for the model to judge."""
    if data.get("schema") != 1 or data.get("kind") != "hazard":
        return data
    out = dict(data)
    out["schema"] = SCHEMA
    old = out.pop("rectification", None)
    if isinstance(old, dict):
        found = out.get("documents")
        docs: dict[str, Any] = found if isinstance(found, dict) else {}
        evidence = [*(docs.get("after") or ()), *(docs.get("other") or ())]
        round_: dict[str, Any] = {"completed_on": old.get("completed_on"),
                                  "by": old.get("rectified_by"), "actions": old.get("actions")}
        if evidence:
            round_["documents"] = evidence
        out["rectifications"] = [round_]
    plan = out.get("plan")
    contingency = plan.get("contingency_plan") if isinstance(plan, dict) else None
    if out.get("level") == "major" and "major" not in out and contingency:
        # Schema 1 had no interim control; its contingency plan (应急预案, 整改期间防范措施)
        # is exactly what protected people until the fix (16号令 第16条).
        out["major"] = {"interim_measures": [contingency]}
    return out


class Hazard(Record):
    """One hazard on the ledger: one file, ``records/<UNIT>/<YYYY>/<ID>.yaml``."""

    kind: Literal["hazard"] = "hazard"
    schema_version: Literal[2] = Field(default=2, alias="schema")
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
    source_ref: Line | None = None
    imported: Imported | None = None
    found_on: Date
    found_by: Name
    root_cause: Text | None = None
    plan: Plan | None = None
    major: Major | None = None
    contractor: Contractor | None = None
    extensions: tuple[Extension, ...] = ()
    rectifications: tuple[Rectification, ...] = ()
    verifications: tuple[Verification, ...] = ()
    corrections: tuple[Correction, ...] = ()
    documents: Documents | None = None
    reopenings: tuple[Reopening, ...] = ()
    void: Void | None = None
    status: Status

    @model_validator(mode="before")
    @classmethod
    def _read_schema_1(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("schema") == 1:
            return upgrade_schema_1(data)
        return data

    @property
    def is_major(self) -> bool:
        """重大事故隐患."""
        return self.level is Level.MAJOR

    @property
    def plan_complete(self) -> bool:
        """True when the five in place are all there."""
        return self.plan is not None and self.plan.complete

    @property
    def plan_missing(self) -> list[str]:
        """Five-in-place parts still missing (and, for a major hazard, governance-plan
        parts: ``major.basis`` …)."""
        missing = self.plan.missing() if self.plan else list(PLAN_PARTS)
        if self.is_major:
            parts = self.major.plan_missing() if self.major else list(MAJOR_PLAN_PARTS)
            missing += [f"major.{part}" for part in parts]
        return missing

    @property
    def ready_to_rectify(self) -> bool:
        """The plan (and a major hazard's governance plan) is complete."""
        return not self.plan_missing

    @property
    def responsible(self) -> str | None:
        """The responsible person's name, if a plan names one."""
        if self.plan and self.plan.responsible:
            return self.plan.responsible.person
        return None

    @property
    def rectifiers(self) -> list[str]:
        """Everyone who did a round of rectification."""
        return [r.by for r in self.rectifications]

    @property
    def last_round(self) -> Rectification | None:
        """The latest round of rectification."""
        return self.rectifications[-1] if self.rectifications else None

    @property
    def effective_deadline(self) -> dt.date | None:
        """The deadline in force: the plan's, moved by approved extensions and reset by a
        reopening's new deadline, whichever came last."""
        return deadline_from(self.plan.deadline if self.plan else None,
                             [(e.approved_on, e.to) for e in self.extensions],
                             [(r.date, r.deadline) for r in self.reopenings])

    @property
    def awaiting_since(self) -> dt.date | None:
        """When the round now awaiting verification was completed (status verifying)."""
        if self.status is Status.VERIFYING and self.rectifications:
            return self.rectifications[-1].completed_on
        return None

    def overdue_kind(self, today: dt.date) -> str | None:
        """``rectification`` or ``verification`` overdue (see :func:`overdue_kind`)."""
        return overdue_kind(self.is_open, self.effective_deadline, today, self.awaiting_since)

    @property
    def is_open(self) -> bool:
        """Reported, rectifying or verifying: still on the books."""
        return self.status in OPEN_STATUSES

    def days_overdue(self, today: dt.date) -> int:
        """Days past the effective deadline while open; 0 when not overdue."""
        return days_overdue(self.is_open, self.effective_deadline, today)

    def days_left(self, today: dt.date) -> int | None:
        """Days from ``today`` to the effective deadline while open (negative when past)."""
        deadline = self.effective_deadline
        if not self.is_open or deadline is None:
            return None
        return (deadline - today).days

    def due_soon(self, today: dt.date, window: int) -> bool:
        """Open with the deadline today or within ``window`` days (not yet overdue)."""
        return is_due_soon(self.is_open, self.effective_deadline, today, window)

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

    @property
    def all_documents(self) -> list[str]:
        """Every document named by the record."""
        return self.documents.all() if self.documents else []

    def event_dates(self) -> list[tuple[str, dt.date]]:
        """(field, day) of everything that happened: found, each extension approved, round
        completed, verification, reopening, correction, major-hazard step and the void.
        Deadlines are not events: they may lie ahead."""
        dated: list[tuple[str, dt.date | None]] = [("found_on", self.found_on)]
        for name, entries, attr in (("extensions", self.extensions, "approved_on"),
                                    ("rectifications", self.rectifications, "completed_on"),
                                    ("verifications", self.verifications, "date"),
                                    ("reopenings", self.reopenings, "date"),
                                    ("corrections", self.corrections, "date")):
            dated += [(f"{name}.{i}.{attr}", getattr(e, attr)) for i, e in enumerate(entries)]
        if self.major is not None:
            dated += [("major.reported_on", self.major.reported_on),
                      ("major.assessment.date",
                       self.major.assessment.date if self.major.assessment else None),
                      ("major.signoff.date",
                       self.major.signoff.date if self.major.signoff else None)]
        if self.void is not None:
            dated.append(("void.date", self.void.date))
        return [(field, day) for field, day in dated if day is not None]


# "Overdue" and "due soon" are defined here once; audit, list, report and forms ask these.
def deadline_from(plan: dt.date | None, extensions: list[tuple[dt.date, dt.date]],
                  reopenings: list[tuple[dt.date, dt.date | None]],
                  day: dt.date | None = None) -> dt.date | None:
    """The deadline in force (as of ``day``, default: with everything recorded): the
    plan's, then each approved extension and each reopening's new deadline in date order
    (a reopening before an extension of the same day); the last one wins."""
    changes = [(on, 1, to) for on, to in extensions if day is None or on <= day]
    changes += [(on, 0, to) for on, to in reopenings if to and (day is None or on <= day)]
    deadline = plan
    for _, _, to in sorted(changes, key=lambda c: (c[0], c[1])):
        deadline = to
    return deadline


def overdue_kind(is_open: bool, deadline: dt.date | None, today: dt.date,
                 awaiting_since: dt.date | None) -> str | None:
    """None when not overdue; ``verification`` when the fix was done by the deadline and
    only the acceptance check is late (答复验收的人逾期, not the responsible person);
    ``rectification`` otherwise."""
    if not days_overdue(is_open, deadline, today):
        return None
    if awaiting_since is not None and deadline is not None and awaiting_since <= deadline:
        return "verification"
    return "rectification"


def days_overdue(is_open: bool, deadline: dt.date | None, today: dt.date) -> int:
    """Days past ``deadline`` for an open hazard; 0 when not overdue (due today is not)."""
    if not is_open or deadline is None or deadline >= today:
        return 0
    return (today - deadline).days


def is_due_soon(is_open: bool, deadline: dt.date | None, today: dt.date, window: int) -> bool:
    """Open with ``deadline`` from today to ``window`` days ahead, both included."""
    return (is_open and deadline is not None
            and 0 <= (deadline - today).days <= window)
