"""An inspection run (排查记录): one checklist walked through at one unit on one day."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from safecheck.models.common import Date, HazardId, Line, Name, Record, Slug, Text, UnitCode

ItemResult = Literal["pass", "fail", "na"]


class ItemOutcome(Record):
    """The result of one checklist item; a failed item raises a hazard."""

    item: str = Field(pattern=r"^[A-Z]{2,4}-\d{2,3}$")
    result: ItemResult
    notes: Text | None = None
    hazard: HazardId | None = None


class Inspection(Record):
    """One run of a domain's checklist, linked both ways to the hazards it raised."""

    kind: Literal["inspection"] = "inspection"
    schema_version: Literal[1] = Field(default=1, alias="schema")
    id: str = Field(pattern=r"^[A-Z0-9]{2,6}-\d{8}-[a-z0-9-]+-[0-9A-HJKMNP-TV-Z]{4}$")
    domain: Slug
    unit: UnitCode
    date: Date
    location: Line | None = None
    inspectors: list[Name] = Field(min_length=1)
    items: list[ItemOutcome] = Field(min_length=1)
    hazards: list[HazardId] = []

    @model_validator(mode="after")
    def _consistent(self) -> Inspection:
        ids = [o.item for o in self.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"each checklist item appears once: {', '.join(repeated)}")
        for outcome in self.items:
            if outcome.hazard and outcome.result != "fail":
                raise ValueError(f"item {outcome.item} raised a hazard but did not fail")
        raised = [o.hazard for o in self.items if o.hazard]
        if sorted(raised) != sorted(self.hazards):
            raise ValueError("hazards must list exactly the hazards raised by failed items")
        return self

    @property
    def failed(self) -> list[ItemOutcome]:
        """Items that failed."""
        return [o for o in self.items if o.result == "fail"]
