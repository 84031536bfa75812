"""Flat views of hazards for tables, CSV and JSON: computed once, rendered anywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

from safecheck.store import StoredHazard
from safecheck.summary import RecordSummary

ROW_FIELDS = ("id", "title", "unit", "domain", "level", "status", "found_on",
              "effective_deadline", "days_overdue", "responsible", "path")


def hazard_row(stored: StoredHazard, today: dt.date) -> dict[str, Any]:
    """The columns of ``list``: what a safety manager scans the ledger by."""
    h = stored.hazard
    deadline = h.effective_deadline
    return {
        "id": h.id, "title": h.title, "unit": h.unit, "domain": h.domain,
        "level": h.level.value, "status": h.status.value, "found_on": h.found_on.isoformat(),
        "effective_deadline": deadline.isoformat() if deadline else None,
        "days_overdue": h.days_overdue(today), "responsible": h.responsible,
        "path": stored.relpath,
    }


def summary_row(summary: RecordSummary, today: dt.date) -> dict[str, Any]:
    """The columns of ``list`` (as :func:`hazard_row`), from a record's summary."""
    deadline = summary.effective_deadline
    return {
        "id": summary.id, "title": summary.title, "unit": summary.unit,
        "domain": summary.domain, "level": summary.level_value,
        "status": summary.status_value, "found_on": summary.found_on.isoformat(),
        "effective_deadline": deadline.isoformat() if deadline else None,
        "days_overdue": summary.days_overdue(today), "responsible": summary.responsible,
        "path": summary.relpath,
    }


def hazard_document(stored: StoredHazard, today: dt.date) -> dict[str, Any]:
    """The whole record plus where it is and what today makes of it (for JSON)."""
    h = stored.hazard
    deadline = h.effective_deadline
    return {**h.to_data(), "path": stored.relpath,
            "effective_deadline": deadline.isoformat() if deadline else None,
            "days_overdue": h.days_overdue(today)}
