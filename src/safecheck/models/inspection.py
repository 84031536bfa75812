"""An inspection run (排查记录): one checklist walked through at one unit on one day.

A run records only what was checked (如实记录): every item is pass, fail, not applicable
or not checked, and nothing defaults to pass. A failed item either raised a hazard of its
own or, when the same problem is still open at the same place, points at that hazard as
a recurrence. Schema 1 runs (unlisted items recorded as pass) still load as they were
recorded.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from safecheck.i18n import Msg
from safecheck.models.common import Date, HazardId, Line, Name, Record, Slug, Text, UnitCode

ItemResult = Literal["pass", "fail", "na", "unchecked"]
RESULTS: tuple[ItemResult, ...] = ("pass", "fail", "na", "unchecked")


class ItemOutcome(Record):
    """The result of one checklist item."""

    item: str = Field(pattern=r"^[A-Z]{2,4}-[0-9]{2,3}$")
    result: ItemResult
    notes: Text | None = None
    #: Where a failed item was found (隐患部位), when it differs from the run's location.
    location: Line | None = None
    #: The hazard a failed item raised, or the open one it recurred at.
    hazard: HazardId | None = None
    recurrence: bool = False


class InspectionVoid(Record):
    """Why a run was voided: recorded by mistake, or not as it happened."""

    reason: Text
    by: Name
    date: Date


class Inspection(Record):
    """One run of a checklist, linked both ways to the hazards it raised."""

    kind: Literal["inspection"] = "inspection"
    schema_version: Literal[1, 2] = Field(default=2, alias="schema")
    id: str = Field(pattern=r"^[A-Z0-9]{2,6}-[0-9]{8}-[a-z0-9-]+-[0-9A-HJKMNP-TV-Z]{4}$")
    #: The checklist run (a domain's periodic checklist, or a per-job procedure).
    checklist: Slug | None = None
    domain: Slug
    unit: UnitCode
    date: Date
    location: Line | None = None
    inspectors: list[Name] = Field(min_length=1)
    #: The work permit (作业票) a per-job procedure was run for.
    permit: Line | None = None
    campaign: Slug | None = None
    items: list[ItemOutcome] = Field(min_length=1)
    hazards: list[HazardId] = []
    void: InspectionVoid | None = None

    @model_validator(mode="before")
    @classmethod
    def _schema_1(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("schema", 2) == 1:
            return {**data, "schema": 2, "checklist": data.get("domain")}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Inspection:
        ids = [o.item for o in self.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(Msg("inspection.item_once", items=repeated))
        for outcome in self.items:
            if outcome.hazard and outcome.result != "fail":
                raise ValueError(Msg("inspection.hazard_not_failed", item=outcome.item))
            if outcome.recurrence and not outcome.hazard:
                raise ValueError(Msg("inspection.recurrence", item=outcome.item))
        raised = [o.hazard for o in self.items if o.hazard and not o.recurrence]
        if sorted(raised) != sorted(self.hazards):
            raise ValueError(Msg("inspection.hazards"))
        return self

    @property
    def checklist_id(self) -> str:
        """The checklist this run walked."""
        return self.checklist or self.domain

    @property
    def failed(self) -> list[ItemOutcome]:
        """Items that failed."""
        return [o for o in self.items if o.result == "fail"]

    @property
    def recurrences(self) -> list[ItemOutcome]:
        """Failed items that pointed at a hazard already open."""
        return [o for o in self.items if o.recurrence]

    def counts(self) -> dict[str, int]:
        """How many items were passed, failed, not applicable and not checked."""
        return {r: sum(1 for o in self.items if o.result == r) for r in RESULTS}

    @property
    def checked(self) -> int:
        """Items actually checked: passed or failed (not n/a, not unchecked)."""
        return sum(1 for o in self.items if o.result in ("pass", "fail"))

    @property
    def is_void(self) -> bool:
        """A voided run counts for nothing."""
        return self.void is not None
