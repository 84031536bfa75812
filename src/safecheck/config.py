"""Organisation settings: ``safecheck.yaml`` at the root of a safety repository.

Who may do what lives here, once: the roster's roles (DESIGN.md, "Settings") and the
rules that decide which sources need a root cause. Names are compared by
:func:`safecheck.models.common.person_key`, never as raw strings.
"""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, field_validator, model_validator

from safecheck.i18n import Msg
from safecheck.models.checklist import Regime
from safecheck.models.common import Date, Line, Name, Record, Slug, UnitCode, person_key
from safecheck.vocab import DEFAULT_SOURCES, Locale, Severity

SETTINGS_FILE = "safecheck.yaml"

Role = Literal["verifier", "approver", "manager", "keeper", "inspector"]
#: The fixed vocabulary of roles (DESIGN.md): an unknown role is a settings error.


#: Sources whose hazards need a root cause before closing, unless rules: says otherwise.
DEFAULT_ROOT_CAUSE_SOURCES = ("district-inspection", "resident-supervision", "regulator",
                              "accident-lesson")
#: Keys of ``rules:`` that are not audit-rule severities.
LIST_RULES = ("root-cause-sources",)


class Unit(Record):
    """A subsidiary or department that keeps its own part of the ledger."""

    code: UnitCode
    name: Line
    #: Which national criteria decide what is a major hazard here (DESIGN.md, regimes).
    regimes: list[Regime] = []
    #: Domains this unit inspects (default: all); e.g. no rental housing at a water plant.
    domains: list[Slug] | None = None
    #: When the unit joined the ledger: its first inspections are due one period later.
    since: Date | None = None


class Campaign(Record):
    """A time-boxed dragnet inspection (拉网式排查) over units × domains."""

    id: Slug
    name: Line
    start: Date = Field(alias="from")
    to: Date
    #: The units and domains it must reach (default: every unit, each unit's domains).
    units: list[UnitCode] | None = None
    domains: list[Slug] | None = None

    @model_validator(mode="after")
    def _window(self) -> Campaign:
        if self.to < self.start:
            raise ValueError(Msg("settings.campaign_window", id=self.id, to=self.to,
                                 start=self.start))
        return self


class Person(Record):
    """Someone on the roster; when a roster exists, names and commit authors are checked."""

    name: Name
    email: str | None = None
    unit: UnitCode | None = None
    roles: list[Role] = []


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
    late_entry_days: int = Field(default=7, ge=0, le=3650)
    major_report_within_days: int = Field(default=1, ge=0, le=365)
    #: What review compares against; unset: the clone's default branch, else main or
    #: master, else the current one (review.scope.default_branch).
    base_branch: str | None = Field(default=None, pattern=r"^[A-Za-z0-9._/-]+$")
    campaigns: list[Campaign] = []
    rules: dict[Slug, Severity | list[Slug]] = {}

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(Msg("settings.timezone", value=value)) from None
        return value

    @field_validator("rules")
    @classmethod
    def _rule_shapes(cls, value: dict[str, Severity | list[str]]) -> dict[str, object]:
        for key, setting in value.items():
            if (key in LIST_RULES) != isinstance(setting, list):
                want = "settings.rule_list" if key in LIST_RULES else "settings.rule_severity"
                raise ValueError(Msg(want, key=key))
        return dict(value)

    @model_validator(mode="after")
    def _unique(self) -> Settings:
        codes = [u.code for u in self.units]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise ValueError(Msg("settings.unit_codes", codes=duplicates))
        ids = [c.id for c in self.campaigns]
        twice = sorted({c for c in ids if ids.count(c) > 1})
        if twice:
            raise ValueError(Msg("settings.campaign_ids", ids=twice))
        unknown = sorted({u for c in self.campaigns for u in c.units or ()} - set(codes))
        if unknown:
            raise ValueError(Msg("settings.campaign_units", codes=unknown))
        keys = [person_key(p.name) for p in self.people]
        repeated = sorted({p.name for p in self.people if keys.count(person_key(p.name)) > 1})
        if repeated:
            raise ValueError(Msg("settings.people", names=repeated))
        return self

    @property
    def unit_codes(self) -> set[str]:
        """The configured unit codes."""
        return {u.code for u in self.units}

    def unit(self, code: str) -> Unit | None:
        """The configured unit ``code``."""
        return next((u for u in self.units if u.code == code), None)

    def unit_name(self, code: str) -> str:
        """The unit's name, or its code when it is not configured."""
        unit = self.unit(code)
        return unit.name if unit else code

    def campaign(self, campaign_id: str) -> Campaign | None:
        """The campaign ``campaign_id``, if safecheck.yaml lists it."""
        return next((c for c in self.campaigns if c.id == campaign_id), None)

    def regimes_of(self, code: str) -> list[str]:
        """The regimes of unit ``code`` (empty when none are set)."""
        unit = self.unit(code)
        return list(unit.regimes) if unit else []

    # --- the roster: who may do what ---------------------------------------------------
    @property
    def has_roster(self) -> bool:
        """True when people are listed: then names and roles are checked."""
        return bool(self.people)

    def person(self, name: str | None) -> Person | None:
        """The roster entry for ``name`` (compared normalised), if any."""
        key = person_key(name)
        return next((p for p in self.people if person_key(p.name) == key), None) if key else None

    def person_by_email(self, email: str) -> Person | None:
        """The roster entry whose email is ``email`` (case-insensitive)."""
        wanted = email.strip().casefold()
        return next((p for p in self.people if p.email and p.email.casefold() == wanted), None)

    def role_in_use(self, role: Role) -> bool:
        """True when anyone on the roster has ``role`` (then the role is enforced)."""
        return any(role in p.roles for p in self.people)

    def may(self, name: str | None, role: Role, unit: str | None = None) -> bool:
        """True when ``name`` may act as ``role`` (for ``unit``). Without a roster, or
        when nobody holds the role, anyone may: the roster is the organisation's choice."""
        if not self.role_in_use(role):
            return True
        person = self.person(name)
        return (person is not None and role in person.roles
                and (unit is None or person.unit in (None, unit)))

    def verifiers_for(self, unit: str) -> list[Person]:
        """Roster people who may verify a hazard of ``unit`` (their unit, or group-wide)."""
        return [p for p in self.people if "verifier" in p.roles and p.unit in (None, unit)]

    # --- rules that are not severities ---------------------------------------------------
    @property
    def root_cause_sources(self) -> tuple[str, ...]:
        """Sources whose hazards need a root cause before closing."""
        value = self.rules.get("root-cause-sources")
        return tuple(value) if isinstance(value, list) else DEFAULT_ROOT_CAUSE_SOURCES

    def severity(self, rule: str, default: Severity) -> Severity:
        """A rule's severity after ``rules:``."""
        value = self.rules.get(rule)
        return value if isinstance(value, Severity) else default
