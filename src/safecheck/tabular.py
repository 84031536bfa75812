"""The ledger as a table (隐患台账): one row per hazard, the columns managers keep.

Rows are plain values; the output layer writes them as CSV or XLSX.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from safecheck.context import LedgerContext
from safecheck.labels import level_label, source_label, status_label
from safecheck.store import StoredHazard
from safecheck.vocab import Locale

#: (key, Chinese heading, English heading), in the order of a paper 隐患台账.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", "隐患编号", "ID"),
    ("unit", "单位", "Unit"),
    ("department", "部门", "Department"),
    ("domain", "排查领域", "Domain"),
    ("checklist_item", "检查项", "Checklist item"),
    ("inspection", "排查记录", "Inspection"),
    ("title", "隐患名称", "Title"),
    ("description", "隐患描述", "Description"),
    ("location", "位置", "Location"),
    ("level", "隐患等级", "Level"),
    ("source", "隐患来源", "Source"),
    ("found_on", "发现日期", "Found on"),
    ("found_by", "发现人", "Found by"),
    ("root_cause", "原因分析", "Root cause"),
    ("measures", "整改措施", "Measures"),
    ("responsible", "责任人", "Responsible"),
    ("responsible_department", "责任部门", "Responsible department"),
    ("funding", "整改资金", "Funding"),
    ("funding_source", "资金来源", "Funding source"),
    ("deadline", "整改时限", "Deadline"),
    ("extended_to", "延期至", "Extended to"),
    ("contingency_plan", "应急预案", "Contingency plan"),
    ("contractor", "承包单位", "Contractor"),
    ("supervisor", "内部监管人", "Internal supervisor"),
    ("completed_on", "整改完成日期", "Completed on"),
    ("rectified_by", "整改人", "Rectified by"),
    ("actions", "整改情况", "Actions"),
    ("verified_on", "验收日期", "Verified on"),
    ("verified_by", "验收人", "Verified by"),
    ("verification", "验收结论", "Verification"),
    ("status", "状态", "Status"),
    ("days_overdue", "逾期天数", "Days overdue"),
    ("documents", "整改资料", "Documents"),
    ("path", "文件", "File"),
)


def headings(locale: Locale) -> list[str]:
    """Column headings in the configured language."""
    return [en if locale == Locale.EN else zh for _, zh, en in COLUMNS]


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
        "verification": (f"{'通过' if last.result.value == 'pass' else '不通过'}"
                         if locale == Locale.ZH else last.result.value) if last else None,
        "status": status_label(h.status, locale), "days_overdue": h.days_overdue(today) or None,
        "documents": "、".join(h.documents.all()) if h.documents else None,
        "path": stored.relpath,
    }
    return [values[key] for key, _, _ in COLUMNS]


def ledger_rows(hazards: Iterable[StoredHazard], context: LedgerContext,
                today: dt.date) -> list[list[Any]]:
    """Every hazard's row, in the order given."""
    return [ledger_row(stored, context, today) for stored in hazards]
