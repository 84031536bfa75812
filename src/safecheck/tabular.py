"""The ledger as a table (隐患台账): one row per hazard, the columns managers keep.

Rows are plain values; the output layer writes them as CSV or XLSX.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from safecheck.context import LedgerContext
from safecheck.i18n import text
from safecheck.labels import level_label, source_label, status_label
from safecheck.store import StoredHazard
from safecheck.vocab import Locale

#: (column, catalogue key of its heading), in the order of a paper 隐患台账.
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
    ("contingency_plan", "column.contingency_plan"),
    ("contractor", "field.contractor"),
    ("supervisor", "field.supervisor"),
    ("completed_on", "field.completed_on"),
    ("rectified_by", "field.rectified_by"),
    ("actions", "field.actions"),
    ("verified_on", "field.verified_on"),
    ("verified_by", "field.verified_by"),
    ("verification", "column.verification"),
    ("status", "field.status"),
    ("days_overdue", "field.days_overdue"),
    ("documents", "field.documents"),
    ("path", "field.path"),
)


def headings(locale: Locale) -> list[str]:
    """Column headings in the configured language."""
    return [text(key, locale) for _, key in COLUMNS]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def ledger_row(stored: StoredHazard, context: LedgerContext, today: dt.date) -> list[Any]:
    """One hazard as the ledger's columns; dates stay dates and amounts numbers."""
    h = stored.hazard
    locale = context.settings.locale
    plan = h.plan
    last = h.verifications[-1] if h.verifications else None
    last_round = h.last_round
    values: dict[str, Any] = {
        "id": h.id, "unit": context.settings.unit_name(h.unit), "department": h.department,
        "domain": context.domain_name(h.domain), "checklist_item": h.checklist_item,
        "inspection": h.inspection, "title": h.title, "description": _text(h.description),
        "location": h.location, "level": level_label(h.level, locale),
        "source": source_label(h.source, locale), "found_on": h.found_on,
        "found_by": h.found_by, "root_cause": _text(h.root_cause),
        "measures": "\n".join(f"{n}. {m}" for n, m in enumerate(plan.measures, 1))
        if plan else None,
        "responsible": h.responsible,
        "responsible_department": plan.responsible.department
        if plan and plan.responsible else None,
        "funding": plan.funding.amount if plan and plan.funding else None,
        "funding_source": plan.funding.source if plan and plan.funding else None,
        "deadline": plan.deadline if plan else None,
        "extended_to": h.extensions[-1].to if h.extensions else None,
        "contingency_plan": _text(plan.contingency_plan) if plan else None,
        "contractor": h.contractor.name if h.contractor else None,
        "supervisor": h.contractor.supervisor if h.contractor else None,
        "completed_on": last_round.completed_on if last_round else None,
        "rectified_by": last_round.by if last_round else None,
        "actions": _text(last_round.actions) if last_round else None,
        "verified_on": last.date if last else None, "verified_by": last.by if last else None,
        "verification": text(f"result.{last.result.value}", locale) if last else None,
        "status": status_label(h.status, locale), "days_overdue": h.days_overdue(today) or None,
        "documents": "、".join(h.documents.all()) if h.documents else None,
        "path": stored.relpath,
    }
    return [values[key] for key, _ in COLUMNS]


def ledger_rows(hazards: Iterable[StoredHazard], context: LedgerContext,
                today: dt.date) -> list[list[Any]]:
    """Every hazard's row, in the order given."""
    return [ledger_row(stored, context, today) for stored in hazards]
