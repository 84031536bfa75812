"""Organisation settings: ``safecheck.yaml`` at the root of a safety repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, field_validator, model_validator

from safecheck import yamlio
from safecheck.models.common import Line, Name, Record, Slug, UnitCode, validated
from safecheck.vocab import DEFAULT_SOURCES, Locale, Severity

SETTINGS_FILE = "safecheck.yaml"

#: Roles a person on the roster can have.
ROLES = ("verifier", "manager", "inspector")


class Unit(Record):
    """A subsidiary or department that keeps its own part of the ledger."""

    code: UnitCode
    name: Line
    #: Domains this unit inspects (default: all); e.g. no rental housing at a water plant.
    domains: list[Slug] | None = None


class Person(Record):
    """Someone on the roster; when a roster exists, names and commit authors are checked."""

    name: Name
    email: str | None = None
    unit: UnitCode | None = None
    roles: list[Annotated[str, Field(pattern=r"^[a-z-]+$")]] = []


class Settings(Record):
    """The organisation's settings (DESIGN.md, "Settings")."""

    organization: Line = Field(validation_alias=AliasChoices("organization", "organisation"))
    locale: Locale = Locale.ZH
    timezone: str = "Asia/Shanghai"
    units: list[Unit] = Field(min_length=1)
    people: list[Person] = []
    sources: list[Slug] = Field(default=list(DEFAULT_SOURCES), min_length=1)
    plan_within_days: int = Field(default=3, ge=0, le=365)
    due_soon_days: int = Field(default=7, ge=0, le=365)
    base_branch: str = Field(default="main", pattern=r"^[A-Za-z0-9._/-]+$")
    rules: dict[Slug, Severity] = {}

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone '{value}' (e.g. Asia/Shanghai)") from None
        return value

    @model_validator(mode="after")
    def _unique(self) -> Settings:
        codes = [u.code for u in self.units]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise ValueError(f"unit codes must be unique: {', '.join(duplicates)}")
        return self

    @property
    def unit_codes(self) -> set[str]:
        """The configured unit codes."""
        return {u.code for u in self.units}

    def unit_name(self, code: str) -> str:
        """The unit's name, or its code when it is not configured."""
        return next((u.name for u in self.units if u.code == code), code)

    def verifiers_for(self, unit: str) -> list[Person]:
        """Roster people who may verify a hazard of ``unit`` (their unit, or group-wide)."""
        return [p for p in self.people if "verifier" in p.roles and p.unit in (None, unit)]


def load_settings(root: Path) -> Settings:
    """Read and validate ``root/safecheck.yaml``; raise DataError naming file, line, field."""
    path = root / SETTINGS_FILE
    text = yamlio.read_file(path, SETTINGS_FILE)
    return validated(Settings, yamlio.load_mapping(text, SETTINGS_FILE), text, SETTINGS_FILE)
