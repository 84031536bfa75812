"""The closed loop as pure functions: each takes a hazard and returns the next version.

Nothing here reads files, the clock or the terminal. Each function checks the step
against the transitions table, builds the new record, and hands old and new to
:func:`safecheck.lifecycle.rules.check_change`, the same rules review applies to
commits: a command never writes what review would fail.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from safecheck.config import Settings
from safecheck.context import LedgerContext
from safecheck.i18n import Msg
from safecheck.lifecycle.inputs import MajorInput, PlanInput, Registration
from safecheck.lifecycle.rules import check_change, closure_problems
from safecheck.lifecycle.table import refuse, require
from safecheck.models.common import clean_name, problems_from
from safecheck.models.consistency import describe_missing
from safecheck.models.hazard import EDITABLE_FIELDS, Hazard
from safecheck.vocab import Level, Result, Status

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp", ".tif",
                  ".tiff")


def is_photo(name: str) -> bool:
    """Photos of the fix go under ``after``; forms and reports under ``other``."""
    return name.lower().endswith(PHOTO_SUFFIXES)


def _name(value: str | None) -> str | None:
    return clean_name(value) if value is not None else None


def _build(step: str, hazard_id: str, data: dict[str, Any]) -> Hazard:
    try:
        return Hazard.model_validate(data)
    except ValidationError as exc:
        first = problems_from(exc, hazard_id)[0]
        raise refuse(step, hazard_id, Msg("refuse.field", field=first.field or "",
                                          problem=first.message)) from None


def _finish(step: str, old: Hazard | None, data: dict[str, Any], settings: Settings,
            today: dt.date) -> Hazard:
    """Validate the new version and refuse it if it breaks any rule of a change."""
    new = _build(step, data["id"], data)
    broken = check_change(old, new, settings, today)
    if broken:
        raise refuse(step, new.id, broken[0].message)
    return new


def _append(data: dict[str, Any], key: str, entry: dict[str, Any]) -> None:
    data[key] = [*data.get(key, []), entry]


def _merge_plan(old: dict[str, Any] | None, given: PlanInput) -> dict[str, Any] | None:
    plan = dict(old or {})
    if given.measures:
        plan["measures"] = list(given.measures)
    if given.responsible is not None or given.responsible_department is not None:
        responsible = dict(plan.get("responsible") or {})
        if given.responsible is not None:
            responsible["person"] = _name(given.responsible)
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
                       ("safety_agreement", given.safety_agreement),
                       ("supervisor", _name(given.supervisor))):
        if value is not None:
            contractor[key] = value
    return contractor or None


def _merge_major(old: dict[str, Any] | None, given: MajorInput) -> dict[str, Any] | None:
    major = dict(old or {})
    if given.interim_measures:
        major["interim_measures"] = [*major.get("interim_measures", []),
                                     *given.interim_measures]
    for key in ("basis", "reported_on", "reported_to", "supervised_by", "objectives"):
        value = getattr(given, key)
        if value is not None:
            major[key] = value
    if given.plan_approved_by is not None:
        major["plan_approved_by"] = _name(given.plan_approved_by)
    if given.assessed_on or given.assessed_by or given.assessment_result:
        major["assessment"] = {"date": given.assessed_on, "by": given.assessed_by,
                               "result": given.assessment_result,
                               "notes": given.assessment_notes}
    if given.signoff_on or given.signoff_by or given.signoff_reference:
        major["signoff"] = {"date": given.signoff_on, "by": given.signoff_by,
                            "reference": given.signoff_reference}
    return major or None


def _start_if_ready(data: dict[str, Any]) -> None:
    """A complete plan (and governance plan) moves a reported hazard to rectifying."""
    if data["status"] != Status.REPORTED:
        return
    try:
        ready = Hazard.model_validate(data).ready_to_rectify
    except ValidationError:
        return  # _build reports the bad field
    if ready:
        data["status"] = Status.RECTIFYING


def register(reg: Registration, hazard_id: str, context: LedgerContext,
             today: dt.date) -> Hazard:
    """A new hazard: reported, or rectifying at once when its plan is complete. A major
    hazard needs only the facts and its interim control measures."""
    step = "register"
    missing = reg.missing()
    if missing:
        raise refuse(step, hazard_id, Msg("refuse.missing",
                                          fields=[Msg(f"field.{m}") for m in missing]))
    assert reg.unit and reg.domain and reg.source and reg.found_on and reg.level
    context.require_unit(reg.unit)
    context.require_domain(reg.domain)
    context.require_source(reg.source)
    if reg.found_on > today:
        raise refuse(step, hazard_id, Msg("rule.future", date=reg.found_on, recorded=today))
    # the item may be a periodic checklist's or a per-job procedure's of the same domain
    if reg.checklist_item and not any(c.domain == reg.domain and c.item(reg.checklist_item)
                                      for c in context.checklists.values()):
        raise refuse(step, hazard_id, Msg("refuse.no_item", domain=reg.domain,
                                          item=reg.checklist_item))
    data: dict[str, Any] = {
        "id": hazard_id, "title": reg.title, "description": reg.description,
        "unit": reg.unit, "department": reg.department, "location": reg.location,
        "domain": reg.domain, "checklist_item": reg.checklist_item,
        "inspection": reg.inspection, "level": reg.level, "source": reg.source,
        "source_ref": reg.source_ref, "found_on": reg.found_on,
        "found_by": _name(reg.found_by), "root_cause": reg.root_cause,
        "plan": _merge_plan(None, reg.plan), "major": _merge_major(None, reg.major),
        "contractor": _merge_contractor(None, reg.plan),
        "documents": {"before": list(reg.documents)} if reg.documents else None,
        "status": Status.REPORTED,
    }
    if data["contractor"] and not data["contractor"].get("name"):
        raise refuse(step, hazard_id, Msg("refuse.contractor_name"))
    _start_if_ready(data)
    return _finish(step, None, data, context.settings, today)


def plan(hazard: Hazard, given: PlanInput, root_cause: str | None, settings: Settings,
         today: dt.date) -> Hazard:
    """Fill in or change the five in place (and root cause); a complete plan moves a
    reported hazard to rectifying. An existing deadline moves only by extension."""
    step = "plan"
    require(step, hazard.status, hazard.id)
    if given.is_empty() and root_cause is None:
        raise refuse(step, hazard.id, Msg("refuse.plan.nothing"))
    old_deadline = hazard.plan.deadline if hazard.plan else None
    if given.deadline is not None and old_deadline is not None and given.deadline != old_deadline:
        raise refuse(step, hazard.id, Msg("refuse.plan.deadline", deadline=old_deadline))
    data = hazard.to_data()
    data["plan"] = _merge_plan(data.get("plan"), given)
    data["contractor"] = _merge_contractor(data.get("contractor"), given)
    if data["contractor"] and not data["contractor"].get("name"):
        raise refuse(step, hazard.id, Msg("refuse.contractor_name"))
    if root_cause is not None:
        data["root_cause"] = root_cause
    _start_if_ready(data)
    return _finish(step, hazard, data, settings, today)


def major(hazard: Hazard, given: MajorInput, settings: Settings, today: dt.date) -> Hazard:
    """Record a major-hazard step: report, supervision, governance plan, assessment or
    sign-off; a complete plan and governance plan move it to rectifying."""
    step = "major"
    require(step, hazard.status, hazard.id)
    if not hazard.is_major:
        raise refuse(step, hazard.id, Msg("refuse.major.not_major"))
    if given.is_empty():
        raise refuse(step, hazard.id, Msg("refuse.major.nothing"))
    if (given.assessed_on or given.signoff_on) and hazard.status is not Status.VERIFYING:
        raise refuse(step, hazard.id, Msg("refuse.major.too_early", status=hazard.status))
    data = hazard.to_data()
    data["major"] = _merge_major(data.get("major"), given)
    _start_if_ready(data)
    return _finish(step, hazard, data, settings, today)


def extend(hazard: Hazard, to: dt.date, reason: str, approved_by: str, approved_on: dt.date,
           settings: Settings, today: dt.date) -> Hazard:
    """Record an approved deadline extension (延期); it must move the deadline later."""
    step = "extend"
    require(step, hazard.status, hazard.id)
    current = hazard.effective_deadline
    if current is None:
        raise refuse(step, hazard.id, Msg("refuse.extend.no_deadline"))
    if to <= current:
        raise refuse(step, hazard.id, Msg("rule.extension.later", to=to, deadline=current))
    data = hazard.to_data()
    _append(data, "extensions", {"to": to, "reason": reason, "approved_by": _name(approved_by),
                                 "approved_on": approved_on})
    return _finish(step, hazard, data, settings, today)


def rectify(hazard: Hazard, by: str, actions: str, on: dt.date, documents: list[str],
            root_cause: str | None, settings: Settings, today: dt.date) -> Hazard:
    """Record a round of rectification with its documents; rectifying → verifying. A
    round after a failed verification is a new round: the earlier one stays."""
    step = "rectify"
    if hazard.status is Status.REPORTED:
        raise refuse(step, hazard.id, Msg("refuse.rectify.no_plan",
                                          missing=describe_missing(hazard.plan_missing)))
    require(step, hazard.status, hazard.id)
    if not documents:
        raise refuse(step, hazard.id, Msg("refuse.rectify.no_documents"))
    last = hazard.verifications[-1] if hazard.verifications else None
    if last is not None and last.result is Result.FAIL and on < last.date:
        raise refuse(step, hazard.id, Msg("refuse.before", date=on,
                                          what=Msg("word.failed_verification"),
                                          when=last.date))
    if hazard.reopenings and on < hazard.reopenings[-1].date:
        raise refuse(step, hazard.id, Msg("refuse.before", date=on, what=Msg("word.reopening"),
                                          when=hazard.reopenings[-1].date))
    data = hazard.to_data()
    _append(data, "rectifications", {"completed_on": on, "by": _name(by), "actions": actions,
                                     "documents": list(documents)})
    docs = dict(data.get("documents") or {})
    docs["after"] = [*docs.get("after", []), *(n for n in documents if is_photo(n))]
    docs["other"] = [*docs.get("other", []), *(n for n in documents if not is_photo(n))]
    data["documents"] = docs
    if root_cause is not None:
        data["root_cause"] = root_cause
    data["status"] = Status.VERIFYING
    return _finish(step, hazard, data, settings, today)


def _verify(step: str, hazard: Hazard, verifier: str, on: dt.date, result: Result,
            notes: str | None, settings: Settings, today: dt.date) -> Hazard:
    require(step, hazard.status, hazard.id)
    latest = hazard.last_round
    assert latest is not None
    if on < latest.completed_on:
        raise refuse(step, hazard.id, Msg("refuse.before", date=on,
                                          what=Msg("word.rectification"),
                                          when=latest.completed_on))
    if result is Result.PASS:
        lacking = closure_problems(hazard, settings)
        if lacking:
            raise refuse(step, hazard.id, lacking[0].message)
    data = hazard.to_data()
    _append(data, "verifications", {"date": on, "by": _name(verifier), "result": result,
                                    "notes": notes})
    data["status"] = Status.CLOSED if result is Result.PASS else Status.RECTIFYING
    return _finish(step, hazard, data, settings, today)


def close(hazard: Hazard, verified_by: str, on: dt.date, notes: str | None,
          settings: Settings, today: dt.date) -> Hazard:
    """Accept the rectification and sign the hazard off (销号); verifying → closed."""
    return _verify("close", hazard, verified_by, on, Result.PASS, notes, settings, today)


def reject(hazard: Hazard, verified_by: str, notes: str, on: dt.date, settings: Settings,
           today: dt.date) -> Hazard:
    """A failed verification (验收不合格): the hazard goes back to rectifying."""
    if not notes.strip():
        raise refuse("reject", hazard.id, Msg("refuse.reject.notes"))
    return _verify("reject", hazard, verified_by, on, Result.FAIL, notes, settings, today)


def reopen(hazard: Hazard, reason: str, by: str, on: dt.date, deadline: dt.date,
           settings: Settings, today: dt.date) -> Hazard:
    """Send a closed hazard back to rectifying (撤销销号) with a new deadline."""
    step = "reopen"
    require(step, hazard.status, hazard.id)
    assert hazard.closed_on is not None
    if on < hazard.closed_on:
        raise refuse(step, hazard.id, Msg("refuse.before", date=on, what=Msg("word.closing"),
                                          when=hazard.closed_on))
    if deadline < on:
        raise refuse(step, hazard.id, Msg("rule.reopen.deadline_past", deadline=deadline,
                                          date=on))
    data = hazard.to_data()
    _append(data, "reopenings", {"date": on, "by": _name(by), "reason": reason,
                                 "deadline": deadline})
    data["status"] = Status.RECTIFYING
    return _finish(step, hazard, data, settings, today)


def void(hazard: Hazard, reason: str, by: str, on: dt.date, settings: Settings,
         today: dt.date) -> Hazard:
    """Void a duplicate or mistaken registration (作废); it never counts as closed."""
    step = "void"
    require(step, hazard.status, hazard.id)
    data = hazard.to_data()
    data["void"] = {"reason": reason, "by": _name(by), "date": on}
    data["status"] = Status.VOID
    return _finish(step, hazard, data, settings, today)


def edit(hazard: Hazard, changes: dict[str, Any], reason: str, by: str, on: dt.date,
         approved_by: str | None, interim_measures: tuple[str, ...],
         context: LedgerContext, today: dt.date) -> Hazard:
    """Correct registered facts, logging each old and new value in ``corrections``.

    Status, deadline, extensions, rounds, verifications and documents are not facts
    to correct. A downgrade from major needs an approver who is not the responsible
    person; an upgrade to major needs interim control measures.
    """
    step = "edit"
    require(step, hazard.status, hazard.id)
    unknown = sorted(set(changes) - {*EDITABLE_FIELDS, "root_cause"})
    if unknown:
        raise refuse(step, hazard.id, Msg("refuse.edit.field", fields=unknown))
    data = hazard.to_data()
    logged: dict[str, list[Any]] = {}
    for name, value in changes.items():
        value = _name(value) if name == "found_by" else value
        old = data.get(name)
        new = value.isoformat() if isinstance(value, dt.date) else value
        new = new.value if isinstance(new, Level) else new
        old_text = old.isoformat() if isinstance(old, dt.date) else old
        if old_text == new:
            continue
        if name == "domain":
            context.require_domain(str(new))
        if name == "source":
            context.require_source(str(new))
        data[name] = value
        logged[name] = [old_text, new]
    if not logged:
        raise refuse(step, hazard.id, Msg("refuse.edit.nothing"))
    downgrade = logged.get("level") == [Level.MAJOR.value, Level.GENERAL.value]
    if downgrade and not approved_by:
        raise refuse(step, hazard.id, Msg("rule.downgrade"))
    if interim_measures:
        data["major"] = _merge_major(data.get("major"), MajorInput(
            interim_measures=interim_measures))
    _append(data, "corrections", {
        "date": on, "by": _name(by), "fields": logged, "reason": reason,
        "approved_by": _name(approved_by) if approved_by else None})
    return _finish(step, hazard, data, context.settings, today)


def attach(hazard: Hazard, names: list[str], kind: str, settings: Settings,
           today: dt.date) -> Hazard:
    """Add documents to an open hazard (before, after or other); a closed hazard's
    documents are sealed."""
    step = "attach"
    require(step, hazard.status, hazard.id)
    if not names:
        raise refuse(step, hazard.id, Msg("refuse.attach.nothing"))
    data = hazard.to_data()
    docs = dict(data.get("documents") or {})
    docs[kind] = [*docs.get(kind, []), *names]
    data["documents"] = docs
    return _finish(step, hazard, data, settings, today)
