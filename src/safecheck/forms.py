"""Printable forms of one hazard: the view-models of 隐患整改通知书 (notice) and 销号单
(signoff, the cover sheet of 一个问题一套整改资料).

A view-model holds plain values only (dicts, lists, strings, numbers, booleans, None):
dates as ISO text, every word already in the chosen language from the catalogue, lists
already grouped and numbered. Templates under ``templates/forms/`` lay it out and decide
nothing. This module never prints and never reads the clock: the caller gives ``today``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from safecheck.config import Settings
from safecheck.i18n import text
from safecheck.labels import level_label, source_label, status_label
from safecheck.models.checklist import Checklist
from safecheck.models.hazard import Hazard
from safecheck.vocab import Level, Locale, Result, Status

#: The forms of one hazard, by the name of their command and templates.
FORMS = ("notice", "signoff")

#: Field labels a form may show, from ``field.*``: ``labels.<name>`` in a template.
FIELD_LABELS = (
    "id", "title", "description", "unit", "department", "location", "domain",
    "checklist_item", "inspection", "level", "basis", "source", "source_ref", "found_on",
    "found_by", "root_cause", "plan", "measures", "responsible", "responsible_department",
    "funding", "funding_source", "deadline", "effective_deadline", "contingency_plan",
    "major", "interim_measures", "reported_on", "reported_to", "supervised_by",
    "objectives", "plan_approved_by", "assessment", "signoff", "reference", "contractor",
    "contract", "safety_agreement", "supervisor", "extensions", "rectifications",
    "completed_on", "rectified_by", "actions", "verifications", "corrections",
    "reopenings", "documents", "void", "status", "reason", "by", "date", "approved_by",
    "notes", "result", "verified_by", "verified_on",
)

#: Words only forms use, from ``form.*`` (without parameters): ``labels.<name>``.
FORM_WORDS = (
    "notice_title", "signoff_title", "signoff_subtitle", "organization", "number",
    "issued_on", "recipient", "printed_on", "record", "folder", "notice_intro",
    "section_problem", "section_requirements", "section_plan", "section_major",
    "section_contractor", "section_reply", "section_signatures", "section_status",
    "section_approval", "major_requirement", "governance_plan", "report_to_authority",
    "not_reported", "reply_actions", "reply_completed_on", "reply_signature",
    "sign_issuer", "sign_issuer_date", "sign_receiver", "sign_receiver_date",
    "sign_verifier", "sign_safety_head", "sign_date", "item", "content", "no", "round",
    "field", "old_value", "new_value", "extended_to", "approved_on", "new_deadline", "kind",
    "files", "closed_on", "not_closed",
)

#: General words a form may show, from ``word.*``: ``labels.<name>``.
WORD_LABELS = ("none",)

#: Corrected fields whose values are codes, shown as the words they stand for.
_CODED_FIELDS = ("level", "source", "domain")


def labels(locale: Locale) -> dict[str, str]:
    """Every word a form template may show, in ``locale``, by short name."""
    out = {name: text(f"field.{name}", locale) for name in FIELD_LABELS}
    out.update({name: text(f"form.{name}", locale) for name in FORM_WORDS})
    out.update({name: text(f"word.{name}", locale) for name in WORD_LABELS})
    return out


def build(form: str, hazard: Hazard, settings: Settings,
          checklists: Mapping[str, Checklist], locale: Locale, today: dt.date,
          relpath: str | None = None) -> dict[str, Any]:
    """The view-model of ``form`` ('notice' or 'signoff') for ``hazard``.

    ``relpath`` is where the record lives in the repository (it names the documents
    folder on the sign-off sheet); ``today`` is the date the form is issued or printed.
    """
    if form == "notice":
        return notice(hazard, settings, checklists, locale, today, relpath)
    if form == "signoff":
        return signoff(hazard, settings, checklists, locale, today, relpath)
    raise ValueError(f"unknown form {form!r} (known: {', '.join(FORMS)})")


def notice(hazard: Hazard, settings: Settings, checklists: Mapping[str, Checklist],
           locale: Locale, today: dt.date, relpath: str | None = None) -> dict[str, Any]:
    """隐患整改通知书: the problem, what is required, the reply the responsible department
    fills in, and the issue and receipt signatures."""
    data = _common("notice", hazard, settings, checklists, locale, today, relpath)
    plan = data["plan"]
    data.update(
        title=text("form.notice_title", locale),
        subtitle=None,
        number=hazard.id,
        issued_on=today.isoformat(),
        recipient=plan["responsible_department"] or hazard.department
        or settings.unit_name(hazard.unit),
        intro=text("form.notice_intro", locale),
        # A downgraded hazard's old steps belong on its file, not on a notice.
        major=data["major"] if hazard.is_major else None,
        major_requirement=text("form.major_requirement", locale) if hazard.is_major else None,
        reply=[{"key": key, "label": text(f"form.reply_{key}", locale)}
               for key in ("actions", "completed_on", "signature")],
        signatures=[
            _signature("sign_issuer", "sign_issuer_date", None, locale),
            _signature("sign_receiver", "sign_receiver_date", None, locale),
        ],
    )
    return data


def signoff(hazard: Hazard, settings: Settings, checklists: Mapping[str, Checklist],
            locale: Locale, today: dt.date, relpath: str | None = None) -> dict[str, Any]:
    """销号单: the whole file of one problem (facts, plan, every round, every
    verification, reopenings, corrections, major-hazard steps, extensions, documents),
    its status, and the 销号审批 signatures. A hazard that is not closed says so."""
    h = hazard
    data = _common("signoff", h, settings, checklists, locale, today, relpath)
    closed = h.status is Status.CLOSED
    last = h.verifications[-1] if h.verifications else None
    verifier = last.by if closed and last is not None else None
    closed_on = h.closed_on.isoformat() if h.closed_on else None
    data.update(
        title=text("form.signoff_title", locale),
        subtitle=text("form.signoff_subtitle", locale),
        number=h.id,
        printed_on=today.isoformat(),
        extensions=[{"n": n, "to": e.to.isoformat(), "reason": _text(e.reason),
                     "approved_by": e.approved_by, "approved_on": e.approved_on.isoformat()}
                    for n, e in enumerate(h.extensions, 1)],
        rounds=[{"n": n, "heading": text("field.round", locale, n=n),
                 "completed_on": r.completed_on.isoformat(), "by": r.by,
                 "actions": _text(r.actions), "documents": list(r.documents)}
                for n, r in enumerate(h.rectifications, 1)],
        verifications=[{"n": n, "date": v.date.isoformat(), "by": v.by,
                        "result": v.result.value, "result_label": _result(v.result.value, locale),
                        "passed": v.result is Result.PASS, "notes": _text(v.notes)}
                       for n, v in enumerate(h.verifications, 1)],
        reopenings=[{"n": n, "date": r.date.isoformat(), "by": r.by, "reason": _text(r.reason),
                     "deadline": _iso(r.deadline)}
                    for n, r in enumerate(h.reopenings, 1)],
        corrections=_corrections(h, checklists, locale),
        documents=[{"kind": kind, "label": text(f"kind.{kind}", locale),
                    "names": list(getattr(h.documents, kind)) if h.documents else []}
                   for kind in ("before", "after", "other")],
        void=({"date": h.void.date.isoformat(), "by": h.void.by, "reason": _text(h.void.reason)}
              if h.void else None),
        state={
            "status": h.status.value,
            "status_label": status_label(h.status.value, locale),
            "closed": closed,
            "closed_on": closed_on,
            "verified_by": verifier,
            "mark": None if closed else text("form.not_closed", locale),
            "note": (text("form.closed_note", locale, date=closed_on, by=verifier) if closed
                     else text("form.not_closed_note", locale,
                               status=status_label(h.status.value, locale))),
        },
        signatures=[
            _signature("sign_verifier", "sign_date", verifier, locale),
            _signature("sign_safety_head", "sign_date", None, locale),
        ],
    )
    return data


def _common(form: str, h: Hazard, settings: Settings, checklists: Mapping[str, Checklist],
            locale: Locale, today: dt.date, relpath: str | None) -> dict[str, Any]:
    """What both forms show: the header, the facts, the plan, the major-hazard steps and
    the contractor."""
    folder = relpath.removesuffix(".yaml") + "/" if relpath else None
    return {
        "form": form,
        "lang": locale.value,
        "organization": settings.organization,
        "today": today.isoformat(),
        "record": relpath,
        "folder": folder,
        "labels": labels(locale),
        "hazard": _facts(h, settings, checklists, locale),
        "plan": _plan(h, locale),
        "major": _major(h, locale),
        "contractor": ({"name": h.contractor.name, "contract": h.contractor.contract,
                        "safety_agreement": h.contractor.safety_agreement,
                        "supervisor": h.contractor.supervisor} if h.contractor else None),
    }


def _facts(h: Hazard, settings: Settings, checklists: Mapping[str, Checklist],
           locale: Locale) -> dict[str, Any]:
    checklist = checklists.get(h.domain)
    item_text = None
    if h.checklist_item:
        # The item may come from a per-job procedure rather than the domain's checklist.
        for candidate in ([checklist] if checklist else []) + list(checklists.values()):
            item = candidate.item(h.checklist_item)
            if item is not None:
                item_text = item.text.get(locale)
                break
    return {
        "id": h.id,
        "title": h.title,
        "description": _text(h.description),
        "unit": h.unit,
        "unit_name": settings.unit_name(h.unit),
        "department": h.department,
        "location": h.location,
        "domain": h.domain,
        "domain_name": checklist.names.get(locale) if checklist else h.domain,
        "checklist_item": h.checklist_item,
        "checklist_item_text": item_text,
        "inspection": h.inspection,
        "level": h.level.value,
        "level_label": level_label(h.level.value, locale),
        "is_major": h.is_major,
        "basis": h.major.basis if h.major else None,
        "source": h.source,
        "source_label": source_label(h.source, locale),
        "source_ref": h.source_ref,
        "found_on": h.found_on.isoformat(),
        "found_by": h.found_by,
        "root_cause": _text(h.root_cause),
        "status": h.status.value,
        "status_label": status_label(h.status.value, locale),
    }


def _plan(h: Hazard, locale: Locale) -> dict[str, Any]:
    p = h.plan
    funding = p.funding if p else None
    deadline = p.deadline if p else None
    effective = h.effective_deadline
    # What is still to be decided, a major hazard's governance plan included.
    missing = [part.removeprefix("major.") for part in h.plan_missing]
    return {
        "measures": [_text(m) for m in p.measures] if p else [],
        "responsible": p.responsible.person if p and p.responsible else None,
        "responsible_department": (p.responsible.department
                                   if p and p.responsible else None),
        "funding": ({"amount": f"{funding.amount:,}", "currency": funding.currency,
                     "source": funding.source} if funding else None),
        "deadline": _iso(deadline),
        # 延期后时限: shown only when an extension (or a reopening) moved the deadline.
        "effective_deadline": _iso(effective) if effective != deadline else None,
        "extended": effective != deadline,
        "contingency_plan": _text(p.contingency_plan) if p else None,
        "missing": [text(f"part.{part}", locale) for part in missing],
        "missing_note": (text("form.plan_missing", locale,
                              parts=[text(f"part.{part}", locale) for part in missing])
                         if missing else None),
    }


def _major(h: Hazard, locale: Locale) -> dict[str, Any] | None:
    """The major-hazard steps: for a major hazard (empty parts as None), and for one
    downgraded later, whose steps stay part of its file."""
    m = h.major
    if m is None:
        if h.level is not Level.MAJOR:
            return None
        return {"basis": None, "interim_measures": [], "reported_on": None,
                "reported_to": None, "supervised_by": None, "objectives": None,
                "plan_approved_by": None, "assessment": None, "signoff": None}
    a, s = m.assessment, m.signoff
    return {
        "basis": m.basis,
        "interim_measures": [_text(i) for i in m.interim_measures],
        "reported_on": _iso(m.reported_on),
        "reported_to": m.reported_to,
        "supervised_by": m.supervised_by,
        "objectives": _text(m.objectives),
        "plan_approved_by": m.plan_approved_by,
        "assessment": ({"date": a.date.isoformat(), "by": a.by, "result": a.result.value,
                        "result_label": _result(a.result.value, locale), "notes": _text(a.notes)}
                       if a else None),
        "signoff": ({"date": s.date.isoformat(), "by": s.by, "reference": s.reference}
                    if s else None),
    }


def _corrections(h: Hazard, checklists: Mapping[str, Checklist],
                 locale: Locale) -> list[dict[str, Any]]:
    """One row per corrected field (a correction may change several), oldest first."""
    rows: list[dict[str, Any]] = []
    for n, fix in enumerate(h.corrections, 1):
        for name, (old, new) in fix.fields.items():
            rows.append({
                "n": n, "date": fix.date.isoformat(), "by": fix.by, "field": name,
                "label": text(f"field.{name}", locale),
                "old": _coded(name, old, checklists, locale),
                "new": _coded(name, new, checklists, locale),
                "reason": _text(fix.reason), "approved_by": fix.approved_by,
            })
    return rows


def _coded(name: str, value: str | None, checklists: Mapping[str, Checklist],
           locale: Locale) -> str | None:
    if value is None or name not in _CODED_FIELDS:
        return value
    if name == "level":
        return level_label(value, locale) if value in ("general", "major") else value
    if name == "source":
        return source_label(value, locale)
    checklist = checklists.get(value)
    return checklist.names.get(locale) if checklist else value


def _signature(role: str, date: str, name: str | None, locale: Locale) -> dict[str, Any]:
    return {"role": text(f"form.{role}", locale), "date_label": text(f"form.{date}", locale),
            "name": name}


def _result(value: str, locale: Locale) -> str:
    return text(f"result.{value}", locale)


def _text(value: str | None) -> str | None:
    # Literal blocks end with a line break; on paper it would be an empty line.
    return value.strip() if value is not None else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
