"""Inspection checklists (检查表): one per domain, items with stable ids."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from safecheck.models.common import Line, Record, Slug, Text
from safecheck.vocab import Level, Locale

Frequency = Literal["weekly", "monthly", "quarterly"]

#: How many days an inspection of each frequency stays current.
FREQUENCY_DAYS: dict[str, int] = {"weekly": 7, "monthly": 31, "quarterly": 92}


class Names(Record):
    """A name or text in both languages."""

    zh: Text
    en: Text

    def get(self, locale: Locale | str) -> str:
        """The text in ``locale``."""
        return self.en if locale == Locale.EN else self.zh


class ChecklistItem(Record):
    """One thing an inspector checks; a failed item becomes a hazard."""

    id: str = Field(pattern=r"^[A-Z]{2,4}-\d{2,3}$")
    text: Names
    basis: Line | None = None
    level: Level = Level.GENERAL


class Checklist(Record):
    """The checklist of one inspection domain."""

    kind: Literal["checklist"] = "checklist"
    schema_version: Literal[1] = Field(default=1, alias="schema")
    id: Slug
    names: Names
    frequency: Frequency = "monthly"
    items: list[ChecklistItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_items(self) -> Checklist:
        ids = [item.id for item in self.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"item ids must be unique in a checklist: {', '.join(repeated)}")
        return self

    def item(self, item_id: str) -> ChecklistItem | None:
        """The item with ``item_id``, if the checklist has it."""
        return next((i for i in self.items if i.id == item_id), None)
