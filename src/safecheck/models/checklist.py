"""Inspection checklists (检查表): periodic ones per domain and per-job procedures.

Schema 2 adds what the national criteria need: each item names the rule it rests on
(依据), and per regulatory regime the level it suggests and the clause that makes it
major (判定依据). Schema 1 files, which users' repositories still hold, stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args

from pydantic import Field, model_validator

from safecheck.i18n import Msg
from safecheck.models.common import Line, Record, Slug, Text
from safecheck.vocab import Level, Locale

Frequency = Literal["daily", "weekly", "monthly", "quarterly", "yearly"]
Procedure = Literal["periodic", "per-job"]
Regime = Literal["industry-trade", "building-municipal", "city-gas", "water-supply", "hazchem",
                 "hazchem-user", "fire-key-unit", "special-equipment-user", "property", "other"]

#: The regulatory regimes a unit can belong to; each has its own major-hazard criteria.
REGIMES: tuple[str, ...] = get_args(Regime)

#: How many days an inspection of each frequency stays current.
FREQUENCY_DAYS: dict[str, int] = {"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92,
                                  "yearly": 366}

# Keys a schema-1 file cannot hold: the version number says what a file may contain.
_SCHEMA_2_CHECKLIST_KEYS = ("domain", "procedure", "frequencies")
_SCHEMA_2_ITEM_KEYS = ("defect", "major_basis", "regimes", "only_for", "step")


def _regime_keys(schema: dict[str, Any]) -> None:
    # Keys and entries are checked by validators (for messages naming the item); the JSON
    # Schema still tells editors the vocabulary.
    schema["propertyNames"] = {"enum": list(REGIMES)}


def _regime_items(schema: dict[str, Any]) -> None:
    schema["items"] = {"enum": list(REGIMES)}


class Names(Record):
    """A name or text in both languages."""

    zh: Text
    en: Text

    def get(self, locale: Locale | str) -> str:
        """The text in ``locale``."""
        return self.en if locale == Locale.EN else self.zh


class RegimeLevel(Record):
    """An item's level under one regime, and the clause that decides it (判定依据)."""

    level: Level
    basis: Line | None = None


class ChecklistItem(Record):
    """One thing an inspector checks; a failed item becomes a hazard."""

    id: str = Field(pattern=r"^[A-Z]{2,4}-[0-9]{2,3}$")
    text: Names
    #: How the failed condition is usually named as a hazard title (隐患名称).
    defect: Names | None = None
    basis: Line | None = None
    #: The suggested level (建议等级) where no regime of the unit says otherwise.
    level: Level = Level.GENERAL
    #: The clause that makes the item major in every regime, when ``level`` is major.
    major_basis: Line | None = None
    regimes: dict[str, RegimeLevel] = Field(default_factory=dict,
                                            json_schema_extra=_regime_keys)
    only_for: list[str] = Field(default_factory=list, json_schema_extra=_regime_items)
    step: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _known_regimes(self) -> ChecklistItem:
        for regime in [*self.regimes, *self.only_for]:
            if regime not in REGIMES:
                raise ValueError(Msg("checklist.unknown_regime", item=self.id, regime=regime,
                                     known=list(REGIMES)))
        for regime, entry in self.regimes.items():
            if entry.level is Level.MAJOR and not entry.basis:
                raise ValueError(Msg("checklist.major_basis", item=self.id, regime=regime))
        return self

    def suggested(self, regimes: Iterable[str]) -> tuple[Level, str | None]:
        """The suggested level for a unit with ``regimes``, and for a major the clause
        that makes it so (判定依据; None for a general item).

        Any of the unit's regimes saying major wins (the first in the unit's order gives
        the basis); else the default level, unless it is major and one of the unit's
        regimes says general.
        """
        entries = [self.regimes[r] for r in regimes if r in self.regimes]
        major = next((e for e in entries if e.level is Level.MAJOR), None)
        if major is not None:
            return Level.MAJOR, major.basis
        if self.level is Level.MAJOR and not entries:
            return Level.MAJOR, self.major_basis
        return Level.GENERAL, None

    def applies_to(self, regimes: Iterable[str]) -> bool:
        """Whether a unit with ``regimes`` is asked this item (``only_for``)."""
        return not self.only_for or any(r in self.only_for for r in regimes)


class Checklist(Record):
    """A checklist: the periodic one of a domain, or a procedure run once per job."""

    kind: Literal["checklist"] = "checklist"
    schema_version: Literal[1, 2] = Field(default=1, alias="schema")
    id: Slug
    names: Names
    #: The domain hazards found with it belong to; a domain's own checklist has its id.
    domain: Slug = Field(default_factory=lambda data: data.get("id", ""))
    procedure: Procedure = "periodic"
    # Schema 1 files default to monthly; schema 2 says it (periodic) or has none (per-job).
    frequency: Frequency | None = Field(
        default_factory=lambda data: "monthly" if data.get("schema_version") == 1 else None)
    #: Statutory rhythms per regime, overriding ``frequency``.
    frequencies: dict[str, Frequency] = Field(default_factory=dict,
                                              json_schema_extra=_regime_keys)
    items: list[ChecklistItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Checklist:
        ids = [item.id for item in self.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(Msg("checklist.unique_items", items=repeated))
        if self.schema_version == 1:
            self._schema_1_keys()
        else:
            self._schema_2_bases()
        self._rhythm()
        self._steps()
        return self

    def _schema_1_keys(self) -> None:
        given = [k for k in _SCHEMA_2_CHECKLIST_KEYS if k in self.model_fields_set]
        if given:
            raise ValueError(Msg("checklist.needs_schema_2", keys=given))
        for item in self.items:
            given = [k for k in _SCHEMA_2_ITEM_KEYS if k in item.model_fields_set]
            if given:
                raise ValueError(Msg("checklist.item_needs_schema_2", item=item.id, keys=given))

    def _schema_2_bases(self) -> None:
        for item in self.items:
            if not item.basis:
                raise ValueError(Msg("checklist.basis", item=item.id))
            if item.level is Level.MAJOR and not item.major_basis:
                raise ValueError(Msg("checklist.major_basis_all", item=item.id))

    def _rhythm(self) -> None:
        if self.per_job and (self.frequency or self.frequencies):
            raise ValueError(Msg("checklist.per_job_rhythm"))
        if not self.per_job and self.frequency is None:
            raise ValueError(Msg("checklist.needs_frequency", known=list(FREQUENCY_DAYS)))
        unknown = [r for r in self.frequencies if r not in REGIMES]
        if unknown:
            raise ValueError(Msg("checklist.frequency_regime", regime=unknown[0],
                                 known=list(REGIMES)))

    def _steps(self) -> None:
        stepped = [item for item in self.items if item.step is not None]
        if not stepped:
            return
        if not self.per_job:
            raise ValueError(Msg("checklist.steps_per_job", item=stepped[0].id))
        if len(stepped) < len(self.items):
            missing = next(item for item in self.items if item.step is None)
            raise ValueError(Msg("checklist.every_step", item=missing.id))
        previous = 1
        for item in self.items:
            assert item.step is not None
            if item is self.items[0] and item.step != 1:
                raise ValueError(Msg("checklist.first_step", item=item.id, step=item.step))
            if item.step < previous:
                raise ValueError(Msg("checklist.step_order", item=item.id, step=item.step,
                                     previous=previous))
            previous = item.step

    def to_data(self) -> dict[str, Any]:
        """The canonical mapping; a schema-1 checklist without the keys it cannot hold."""
        data = super().to_data()
        if self.schema_version == 1:
            for key in _SCHEMA_2_CHECKLIST_KEYS:
                data.pop(key, None)
        return data

    @property
    def per_job(self) -> bool:
        """Whether the checklist is run once per work permit, not on a rhythm."""
        return self.procedure == "per-job"

    def item(self, item_id: str) -> ChecklistItem | None:
        """The item with ``item_id``, if the checklist has it."""
        return next((i for i in self.items if i.id == item_id), None)

    def frequency_for(self, regimes: Iterable[str]) -> str | None:
        """The rhythm for a unit with ``regimes``: the most frequent of its regimes'
        statutory rhythms, else ``frequency`` (None for a per-job checklist)."""
        overrides = [self.frequencies[r] for r in regimes if r in self.frequencies]
        if not overrides:
            return self.frequency
        return min(overrides, key=FREQUENCY_DAYS.__getitem__)
