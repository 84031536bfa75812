"""The ledger as a table (隐患台账): one row per hazard, the columns managers keep.

Rows are plain values; the output layer writes them as CSV or XLSX.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from safecheck.context import LedgerContext
from safecheck.i18n import text
from safecheck.labels import level_label, source_label, status_label
from safecheck.store import StoredHazard
from safecheck.vocab import Locale, Result, Status

#: (column, catalogue key of its heading), in the order of a paper 隐患台账. A heading is
#: a field's label where the label suits a column (``field.*``), else a word of its own
#: (``column.*``); ``import`` knows them in both languages (importing/columns.py).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "field.id"),
    ("unit", "field.unit"),
    ("department", "field.department"),
    ("domain", "field.domain"),
    ("checklist_item", "field.checklist_item"),
    ("inspection", "field.inspection"),
    ("title", "field.title"),
    ("description", "field.description"),
    ("location", "field.location"),
    ("level", "field.level"),
    ("source", "field.source"),
    ("source_ref", "field.source_ref"),
    ("found_on", "field.found_on"),
    ("found_by", "field.found_by"),
    ("root_cause", "field.root_cause"),
    ("measures", "field.measures"),
    ("responsible", "field.responsible"),
    ("responsible_department", "field.responsible_department"),
    ("funding", "field.funding"),
    ("funding_source", "field.funding_source"),
    ("deadline", "field.deadline"),
    ("extended_to", "field.effective_deadline"),
    ("extension_reason", "column.extension_reason"),
    ("extension_approved_by", "column.extension_approved_by"),
    ("extension_approved_on", "column.extension_approved_on"),
    ("contingency_plan", "column.contingency_plan"),
    ("contractor", "field.contractor"),
    ("contract", "field.contract"),
    ("safety_agreement", "field.safety_agreement"),
    ("supervisor", "field.supervisor"),
    ("completed_on", "field.completed_on"),
    ("rectified_by", "field.rectified_by"),
    ("actions", "field.actions"),
    ("verified_on", "field.verified_on"),
    ("verified_by", "field.verified_by"),
    ("verification", "column.verification"),
    ("verification_notes", "column.verification_notes"),
    ("status", "field.status"),
    ("days_overdue", "field.days_overdue"),
    ("reopened_on", "column.reopened_on"),
    ("reopened_by", "column.reopened_by"),
    ("reopen_reason", "column.reopen_reason"),
    ("reopen_deadline", "column.reopen_deadline"),
    ("voided_on", "column.voided_on"),
    ("voided_by", "column.voided_by"),
    ("void_reason", "column.void_reason"),
    ("basis", "column.basis"),
    ("interim_measures", "field.interim_measures"),
    ("reported_on", "field.reported_on"),
    ("reported_to", "field.reported_to"),
    ("supervised_by", "field.supervised_by"),
    ("objectives", "field.objectives"),
    ("plan_approved_by", "column.plan_approved_by"),
    ("assessed_on", "column.assessed_on"),
    ("assessed_by", "column.assessed_by"),
    ("assessment_result", "column.assessment_result"),
    ("assessment_notes", "column.assessment_notes"),
    ("signoff_on", "column.signoff_on"),
    ("signoff_by", "column.signoff_by"),
    ("signoff_reference", "column.signoff_reference"),
    ("documents", "field.documents"),
    ("path", "field.path"),
)


def headings(locale: Locale) -> list[str]:
    """Column headings in the configured language."""
    return [text(key, locale) for _, key in COLUMNS]


def _text(value: object) -> str | None:
    return None if value is None else str(value).strip()


def _numbered(items: Iterable[str]) -> str | None:
    """Measures as the ledger writes them: "1. …" one per line (the importer reads this
    form back exactly)."""
    lines = [f"{n}. {item}" for n, item in enumerate(items, 1)]
    return "\n".join(lines) if lines else None


def _result(result: Result | None, locale: Locale) -> str | None:
    """合格/不合格 (pass/fail): the words of ``result.*``."""
    return None if result is None else text(f"result.{result.value}", locale)


def ledger_row(stored: StoredHazard, context: LedgerContext, today: dt.date) -> list[Any]:
    """One hazard as the ledger's columns; dates stay dates and amounts numbers. Lists
    of entries show their latest one (the latest extension, round, verification,
    reopening): the row is the hazard as it stands."""
    h = stored.hazard
    locale = context.settings.locale
    plan = h.plan
    last = h.verifications[-1] if h.verifications else None
    last_round = h.last_round
    extension = h.extensions[-1] if h.extensions else None
    reopening = h.reopenings[-1] if h.reopenings else None
    major = h.major
    assessment = major.assessment if major else None
    signoff = major.signoff if major else None
    contractor = h.contractor
    values: dict[str, Any] = {
        "id": h.id, "unit": context.settings.unit_name(h.unit), "department": h.department,
        "domain": context.domain_name(h.domain), "checklist_item": h.checklist_item,
        "inspection": h.inspection, "title": h.title, "description": _text(h.description),
        "location": h.location, "level": level_label(h.level, locale),
        "source": source_label(h.source, locale), "source_ref": h.source_ref,
        "found_on": h.found_on, "found_by": h.found_by, "root_cause": _text(h.root_cause),
        "measures": _numbered(m.strip() for m in plan.measures) if plan else None,
        "responsible": h.responsible,
        "responsible_department": plan.responsible.department
        if plan and plan.responsible else None,
        "funding": plan.funding.amount if plan and plan.funding else None,
        "funding_source": plan.funding.source if plan and plan.funding else None,
        "deadline": plan.deadline if plan else None,
        "extended_to": extension.to if extension else None,
        "extension_reason": _text(extension.reason) if extension else None,
        "extension_approved_by": extension.approved_by if extension else None,
        "extension_approved_on": extension.approved_on if extension else None,
        "contingency_plan": _text(plan.contingency_plan) if plan else None,
        "contractor": contractor.name if contractor else None,
        "contract": contractor.contract if contractor else None,
        "safety_agreement": contractor.safety_agreement if contractor else None,
        "supervisor": contractor.supervisor if contractor else None,
        "completed_on": last_round.completed_on if last_round else None,
        "rectified_by": last_round.by if last_round else None,
        "actions": _text(last_round.actions) if last_round else None,
        "verified_on": last.date if last else None, "verified_by": last.by if last else None,
        "verification": _result(last.result if last else None, locale),
        "verification_notes": _text(last.notes) if last else None,
        "status": status_label(h.status, locale), "days_overdue": h.days_overdue(today) or None,
        "reopened_on": reopening.date if reopening else None,
        "reopened_by": reopening.by if reopening else None,
        "reopen_reason": _text(reopening.reason) if reopening else None,
        "reopen_deadline": reopening.deadline if reopening else None,
        "voided_on": h.void.date if h.void else None,
        "voided_by": h.void.by if h.void else None,
        "void_reason": _text(h.void.reason) if h.void else None,
        "basis": major.basis if major else None,
        "interim_measures": _numbered(m.strip() for m in major.interim_measures)
        if major else None,
        "reported_on": major.reported_on if major else None,
        "reported_to": major.reported_to if major else None,
        "supervised_by": major.supervised_by if major else None,
        "objectives": _text(major.objectives) if major else None,
        "plan_approved_by": major.plan_approved_by if major else None,
        "assessed_on": assessment.date if assessment else None,
        "assessed_by": assessment.by if assessment else None,
        "assessment_result": _result(assessment.result if assessment else None, locale),
        "assessment_notes": _text(assessment.notes) if assessment else None,
        "signoff_on": signoff.date if signoff else None,
        "signoff_by": signoff.by if signoff else None,
        "signoff_reference": signoff.reference if signoff else None,
        "documents": "、".join(h.documents.all()) if h.documents else None,
        "path": stored.relpath,
    }
    return [values[key] for key, _ in COLUMNS]


def ledger_rows(hazards: Iterable[StoredHazard], context: LedgerContext,
                today: dt.date) -> list[list[Any]]:
    """Every hazard's row, in the order given."""
    return [ledger_row(stored, context, today) for stored in hazards]


@dataclass(frozen=True)
class LedgerBook:
    """The ledger as a workbook: a title row (organisation and date), the table with
    its overdue rows marked, and a summary by unit and by domain."""

    sheet: str
    title: str
    meta: str
    headings: list[str]
    rows: list[list[Any]]
    overdue: list[bool]
    summary_sheet: str
    summary_title: str
    summary_headings: list[str]
    unit_heading: str
    domain_heading: str
    by_unit: list[list[Any]]
    by_domain: list[list[Any]]


_STATUSES = (Status.REPORTED, Status.RECTIFYING, Status.VERIFYING, Status.CLOSED, Status.VOID)


def _counts(name: str, hazards: list[StoredHazard], today: dt.date) -> list[Any]:
    statuses = [sum(1 for s in hazards if s.hazard.status is status) for status in _STATUSES]
    live = sum(1 for s in hazards if s.hazard.status is not Status.VOID)
    overdue = sum(1 for s in hazards if s.hazard.days_overdue(today))
    return [name, *statuses, live, overdue]


def _grouped(hazards: list[StoredHazard], keys: list[str], key_of: Any, name_of: Any,
             total: str, today: dt.date) -> list[list[Any]]:
    order = keys + sorted({key_of(s) for s in hazards} - set(keys))
    rows = [_counts(name_of(k), [s for s in hazards if key_of(s) == k], today)
            for k in order if any(key_of(s) == k for s in hazards)]
    return [*rows, _counts(total, hazards, today)]


def ledger_book(hazards: list[StoredHazard], context: LedgerContext,
                today: dt.date) -> LedgerBook:
    """The workbook ``export`` writes for ``hazards`` (already filtered)."""
    locale = context.settings.locale
    organization = context.settings.organization
    rows = ledger_rows(hazards, context, today)
    overdue = [bool(s.hazard.days_overdue(today)) for s in hazards]
    total = text("export.total", locale)
    return LedgerBook(
        sheet=text("export.sheet", locale),
        title=text("export.title", locale, organization=organization),
        meta=text("export.meta", locale, date=today.isoformat(), count=len(rows),
                  overdue=sum(overdue)),
        headings=headings(locale), rows=rows, overdue=overdue,
        summary_sheet=text("export.summary_sheet", locale),
        summary_title=text("export.summary_title", locale, organization=organization,
                           date=today.isoformat()),
        summary_headings=[*(status_label(s, locale) for s in _STATUSES),
                          text("export.all", locale), text("export.overdue", locale)],
        unit_heading=text("field.unit", locale), domain_heading=text("field.domain", locale),
        by_unit=_grouped(hazards, [u.code for u in context.settings.units],
                         lambda s: s.hazard.unit, context.settings.unit_name, total, today),
        by_domain=_grouped(hazards, list(context.domains), lambda s: s.hazard.domain,
                           context.domain_name, total, today),
    )
