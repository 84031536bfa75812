"""The closed loop as pure functions: each takes a hazard and returns the next one.

Nothing here reads files, the clock or the terminal. A change the lifecycle does not
allow raises :class:`RefusedTransition` with a sentence that says why; a change that is
allowed returns a new, fully validated :class:`Hazard`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from safecheck.config import Settings
from safecheck.context import LedgerContext
from safecheck.errors import RefusedTransition
from safecheck.models.common import problems_from
from safecheck.models.consistency import describe_missing, independence_violation, violations
from safecheck.models.hazard import Hazard, Plan
from safecheck.vocab import Level, Result, Status

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
    supervisor: str | None = None

    def is_empty(self) -> bool:
        """True when nothing at all was given."""
        return not self.measures and all(
            getattr(self, name) is None for name in self.__dataclass_fields__ if name != "measures"
        )


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
    found_on: dt.date | None = None
    found_by: str | None = None
    department: str | None = None
    root_cause: str | None = None
    checklist_item: str | None = None
    inspection: str | None = None
    plan: PlanInput = field(default_factory=PlanInput)
    documents: tuple[str, ...] = ()

    def missing(self) -> list[str]:
        """Required fields that have no value yet."""
        return [name for name in REQUIRED_AT_REGISTRATION
                if getattr(self, name) in (None, "")]


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp", ".tif",
                  ".tiff")


def is_photo(name: str) -> bool:
    """Photos of the fix go under ``after``; forms and reports under ``other``."""
    return name.lower().endswith(PHOTO_SUFFIXES)


def _refuse(verb: str, hazard_id: str, reason: str) -> RefusedTransition:
    return RefusedTransition(f"cannot {verb} {hazard_id}: {reason}", reason)


def _build(verb: str, hazard_id: str, data: dict[str, Any]) -> Hazard:
    """Validate the changed record; refuse if it breaks any field or lifecycle rule."""
    try:
        hazard = Hazard.model_validate(data)
    except ValidationError as exc:
        first = problems_from(exc, hazard_id)[0]
        raise _refuse(verb, hazard_id, f"{first.field}: {first.message}") from None
    broken = violations(hazard)
    if broken:
        raise _refuse(verb, hazard_id, broken[0][1])
    return hazard


def _not_future(verb: str, hazard_id: str, day: dt.date, today: dt.date) -> None:
    if day > today:
        raise _refuse(verb, hazard_id, f"{day} is in the future (today is {today})")


def _not_before(verb: str, hazard: Hazard, day: dt.date, earliest: dt.date, what: str) -> None:
    if day < earliest:
        raise _refuse(verb, hazard.id, f"{day} is before {what} ({earliest})")


def _on_roster(settings: Settings, verb: str, hazard_id: str, name: str | None,
               role: str) -> None:
    if name and settings.people and name not in {p.name for p in settings.people}:
        raise _refuse(verb, hazard_id, f"{name} ({role}) is not on the people roster in "
                                       "safecheck.yaml")


def _merge_plan(old: dict[str, Any] | None, given: PlanInput) -> dict[str, Any] | None:
    plan = dict(old or {})
    if given.measures:
        plan["measures"] = list(given.measures)
    if given.responsible is not None or given.responsible_department is not None:
        responsible = dict(plan.get("responsible") or {})
        if given.responsible is not None:
            responsible["person"] = given.responsible
        if given.responsible_department is not None:
            responsible["department"] = given.responsible_department
        plan["responsible"] = responsible
    if given.funding is not None or given.funding_source is not None or given.currency:
        funding = dict(plan.get("funding") or {})
        if given.funding is not None:
            funding["amount"] = given.funding
        if given.funding_source is not None:
            funding["source"] = given.funding_source
        if given.currency:
            funding["currency"] = given.currency
        plan["funding"] = funding
    if given.deadline is not None:
        plan["deadline"] = given.deadline
    if given.contingency_plan is not None:
        plan["contingency_plan"] = given.contingency_plan
    return plan or None


def _merge_contractor(old: dict[str, Any] | None, given: PlanInput) -> dict[str, Any] | None:
    contractor = dict(old or {})
    for key, value in (("name", given.contractor), ("contract", given.contract),
                       ("supervisor", given.supervisor)):
        if value is not None:
            contractor[key] = value
    return contractor or None


def _plan_checks(verb: str, hazard_id: str, data: dict[str, Any], settings: Settings) -> None:
    plan = data.get("plan") or {}
    responsible = (plan.get("responsible") or {}).get("person")
    _on_roster(settings, verb, hazard_id, responsible, "responsible person")
    contractor = data.get("contractor") or {}
    _on_roster(settings, verb, hazard_id, contractor.get("supervisor"), "contractor supervisor")
    if contractor and not contractor.get("name"):
        raise _refuse(verb, hazard_id, "a contractor supervisor or contract needs the "
                                       "contractor's name (--contractor)")


def _status_after_plan(data: dict[str, Any]) -> None:
    """A complete five-in-place plan moves a reported hazard to rectifying."""
    if data["status"] != Status.REPORTED or not data.get("plan"):
        return
    try:
        complete = Plan.model_validate(data["plan"]).complete
    except ValidationError:
        return  # _build reports the bad field
    if complete:
        data["status"] = Status.RECTIFYING


def register(reg: Registration, hazard_id: str, context: LedgerContext,
             today: dt.date) -> Hazard:
    """A new hazard: reported, or rectifying at once when the five in place are given."""
    verb = "register"
    missing = reg.missing()
    if missing:
        raise _refuse(verb, hazard_id, f"missing {', '.join(missing)}")
    assert reg.unit and reg.domain and reg.source and reg.found_on and reg.level
    context.require_unit(reg.unit)
    context.require_domain(reg.domain)
    context.require_source(reg.source)
    _not_future(verb, hazard_id, reg.found_on, today)
    checklist = context.checklists[reg.domain]
    if reg.checklist_item and checklist.item(reg.checklist_item) is None:
        raise _refuse(verb, hazard_id, f"checklist {reg.domain} has no item {reg.checklist_item}")
    data: dict[str, Any] = {
        "id": hazard_id, "title": reg.title, "description": reg.description,
        "unit": reg.unit, "department": reg.department, "location": reg.location,
        "domain": reg.domain, "checklist_item": reg.checklist_item,
        "inspection": reg.inspection, "level": reg.level, "source": reg.source,
        "found_on": reg.found_on, "found_by": reg.found_by, "root_cause": reg.root_cause,
        "plan": _merge_plan(None, reg.plan), "contractor": _merge_contractor(None, reg.plan),
        "documents": {"before": list(reg.documents)} if reg.documents else None,
        "status": Status.REPORTED,
    }
    _plan_checks(verb, hazard_id, data, context.settings)
    _status_after_plan(data)
    return _build(verb, hazard_id, data)


def plan(hazard: Hazard, given: PlanInput, settings: Settings) -> Hazard:
    """Fill in or change the five in place; a complete plan moves reported → rectifying.

    An existing deadline only moves through an approved extension (``extend``).
    """
    verb = "change the plan of"
    if hazard.status not in (Status.REPORTED, Status.RECTIFYING):
        raise _refuse(verb, hazard.id, f"it is {hazard.status.value}; the plan can change only "
                                       "while reported or rectifying")
    if given.is_empty():
        raise _refuse(verb, hazard.id, "nothing to change (give --measure, --responsible, "
                                       "--funding, --deadline, --contingency-plan ...)")
    old_deadline = hazard.plan.deadline if hazard.plan else None
    if given.deadline is not None and old_deadline is not None and given.deadline != old_deadline:
        raise _refuse(verb, hazard.id, f"the deadline is already {old_deadline}; moving it needs "
                                       "an approved extension (safecheck extend)")
    data = hazard.to_data()
    data["plan"] = _merge_plan(data.get("plan"), given)
    data["contractor"] = _merge_contractor(data.get("contractor"), given)
    _plan_checks(verb, hazard.id, data, settings)
    _status_after_plan(data)
    return _build(verb, hazard.id, data)


def extend(hazard: Hazard, to: dt.date, reason: str, approved_by: str, approved_on: dt.date,
           today: dt.date) -> Hazard:
    """Record an approved deadline extension (延期); it must move the deadline later."""
    verb = "extend"
    if not hazard.is_open:
        raise _refuse(verb, hazard.id, f"it is {hazard.status.value}")
    current = hazard.effective_deadline
    if current is None:
        raise _refuse(verb, hazard.id, "it has no deadline yet; set one with safecheck plan")
    if to <= current:
        raise _refuse(verb, hazard.id, f"the new deadline {to} is not after the current "
                                       f"one ({current})")
    if approved_by == hazard.responsible:
        raise _refuse(verb, hazard.id, f"{approved_by} is the responsible person and cannot "
                                       "approve their own extension")
    _not_future(verb, hazard.id, approved_on, today)
    _not_before(verb, hazard, approved_on, hazard.found_on, "the hazard was found")
    data = hazard.to_data()
    data["extensions"] = [*data.get("extensions", []),
                          {"to": to, "reason": reason, "approved_by": approved_by,
                           "approved_on": approved_on}]
    return _build(verb, hazard.id, data)


def rectify(hazard: Hazard, by: str, actions: str, on: dt.date, documents: list[str],
            today: dt.date) -> Hazard:
    """Record the fix and its documents; rectifying → verifying (待验收)."""
    verb = "record the rectification of"
    if hazard.status is Status.REPORTED:
        raise _refuse(verb, hazard.id, "the five-in-place plan is not complete yet; missing: "
                                       f"{describe_missing(hazard.plan_missing)}")
    if hazard.status is not Status.RECTIFYING:
        raise _refuse(verb, hazard.id, f"it is {hazard.status.value}, not rectifying")
    if not documents:
        raise _refuse(verb, hazard.id, "a rectification needs at least one document "
                                       "(--document PHOTO_OR_FORM): 一个问题一套整改资料")
    _not_future(verb, hazard.id, on, today)
    _not_before(verb, hazard, on, hazard.found_on, "the hazard was found")
    if hazard.verifications and hazard.verifications[-1].result is Result.FAIL:
        _not_before(verb, hazard, on, hazard.verifications[-1].date, "the failed verification")
    if hazard.reopenings:
        _not_before(verb, hazard, on, hazard.reopenings[-1].date, "it was reopened")
    data = hazard.to_data()
    data["rectification"] = {"completed_on": on, "rectified_by": by, "actions": actions}
    docs = dict(data.get("documents") or {})
    photos = [name for name in documents if is_photo(name)]
    papers = [name for name in documents if not is_photo(name)]
    docs["after"] = [*docs.get("after", []), *photos]
    docs["other"] = [*docs.get("other", []), *papers]
    data["documents"] = docs
    data["status"] = Status.VERIFYING
    return _build(verb, hazard.id, data)


def _verification_checks(verb: str, hazard: Hazard, verifier: str, on: dt.date,
                         settings: Settings, today: dt.date) -> None:
    if hazard.status is not Status.VERIFYING:
        raise _refuse(verb, hazard.id, f"it is {hazard.status.value}; only a hazard awaiting "
                                       "verification (verifying) can be verified")
    why = independence_violation(hazard, verifier)
    if why:
        raise _refuse(verb, hazard.id, why)
    verifiers = settings.verifiers_for(hazard.unit)
    if any("verifier" in p.roles for p in settings.people) and verifier not in {
            p.name for p in verifiers}:
        raise _refuse(verb, hazard.id, f"{verifier} is not a verifier for unit {hazard.unit} "
                                       "in safecheck.yaml")
    _not_future(verb, hazard.id, on, today)
    assert hazard.rectification is not None
    _not_before(verb, hazard, on, hazard.rectification.completed_on, "the rectification")


def close(hazard: Hazard, verified_by: str, on: dt.date, notes: str | None,
          settings: Settings, today: dt.date) -> Hazard:
    """Accept the rectification and sign the hazard off (销号); verifying → closed."""
    verb = "close"
    _verification_checks(verb, hazard, verified_by, on, settings, today)
    if hazard.level is Level.MAJOR and not hazard.root_cause:
        raise _refuse(verb, hazard.id, "a major hazard needs its root cause (root_cause) "
                                       "before it is signed off")
    data = hazard.to_data()
    data["verifications"] = [*data.get("verifications", []),
                             {"date": on, "by": verified_by, "result": Result.PASS,
                              "notes": notes}]
    data["status"] = Status.CLOSED
    return _build(verb, hazard.id, data)


def reject(hazard: Hazard, verified_by: str, notes: str, on: dt.date, settings: Settings,
           today: dt.date) -> Hazard:
    """A failed verification: the hazard goes back to rectifying."""
    verb = "reject"
    if not notes.strip():
        raise _refuse(verb, hazard.id, "say what is still wrong (--notes)")
    _verification_checks(verb, hazard, verified_by, on, settings, today)
    data = hazard.to_data()
    data["verifications"] = [*data.get("verifications", []),
                             {"date": on, "by": verified_by, "result": Result.FAIL,
                              "notes": notes}]
    data["status"] = Status.RECTIFYING
    return _build(verb, hazard.id, data)


def reopen(hazard: Hazard, reason: str, by: str, on: dt.date, today: dt.date) -> Hazard:
    """Send a closed hazard back to rectifying, recording who and why."""
    verb = "reopen"
    if hazard.status is not Status.CLOSED:
        raise _refuse(verb, hazard.id, f"it is {hazard.status.value}; only a closed hazard "
                                       "can be reopened")
    _not_future(verb, hazard.id, on, today)
    assert hazard.closed_on is not None
    _not_before(verb, hazard, on, hazard.closed_on, "it was closed")
    data = hazard.to_data()
    data["reopenings"] = [*data.get("reopenings", []),
                          {"date": on, "by": by, "reason": reason}]
    data["status"] = Status.RECTIFYING
    return _build(verb, hazard.id, data)


def void(hazard: Hazard, reason: str, by: str, on: dt.date, today: dt.date) -> Hazard:
    """Void a duplicate or mistaken registration (作废); it never counts as closed."""
    verb = "void"
    if hazard.status is Status.CLOSED:
        raise _refuse(verb, hazard.id, "it is closed; a signed-off hazard is not voided "
                                       "(reopen it first if the sign-off was wrong)")
    if hazard.status is Status.VOID:
        raise _refuse(verb, hazard.id, "it is already void")
    _not_future(verb, hazard.id, on, today)
    _not_before(verb, hazard, on, hazard.found_on, "the hazard was found")
    data = hazard.to_data()
    data["void"] = {"reason": reason, "by": by, "date": on}
    data["status"] = Status.VOID
    return _build(verb, hazard.id, data)
