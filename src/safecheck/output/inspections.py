"""Checklists and inspection results at the terminal and as JSON."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from safecheck.context import LedgerContext
from safecheck.inspections import InspectionPlan
from safecheck.labels import label, level_label, status_label
from safecheck.models.checklist import Checklist
from safecheck.output.console import print_json, stdout
from safecheck.vocab import Locale

_FREQUENCY = {"weekly": ("每周", "weekly"), "monthly": ("每月", "monthly"),
              "quarterly": ("每季度", "quarterly")}


def _frequency(value: str, locale: Locale) -> str:
    zh, en = _FREQUENCY[value]
    return en if locale == Locale.EN else zh


def print_domains(context: LedgerContext, fmt: str) -> None:
    """Every domain with its name, rhythm and number of items."""
    locale = context.settings.locale
    if fmt == "json":
        print_json([{"id": c.id, "names": c.names.to_data(), "frequency": c.frequency,
                     "items": len(c.items)} for c in context.checklists.values()])
        return
    table = Table(header_style="bold")
    for heading in ("domain", "name", "frequency", "items"):
        table.add_column(label(heading, locale))
    for c in context.checklists.values():
        table.add_row(c.id, escape(c.names.get(locale)), _frequency(c.frequency, locale),
                      str(len(c.items)))
    stdout().print(table)


def print_checklist(context: LedgerContext, checklist: Checklist, fmt: str) -> None:
    """One checklist's items: id, text, suggested level and the rule it rests on."""
    locale = context.settings.locale
    if fmt == "json":
        print_json(checklist.to_data())
        return
    table = Table(title=f"{escape(checklist.names.get(locale))} ({checklist.id}, "
                        f"{_frequency(checklist.frequency, locale)})",
                  title_justify="left", header_style="bold", show_lines=True)
    for heading in ("checklist_item", "text", "level", "basis"):
        table.add_column(label(heading, locale), overflow="fold")
    for item in checklist.items:
        table.add_row(item.id, escape(item.text.get(locale)), level_label(item.level, locale),
                      escape(item.basis or ""))
    stdout().print(table)


def print_inspection(context: LedgerContext, planned: InspectionPlan, path: str,
                     fmt: str) -> None:
    """The inspection's ID and file, and the hazards it raised."""
    inspection = planned.inspection
    if fmt == "json":
        print_json({"id": inspection.id, "path": path,
                    "results": {r: sum(1 for o in inspection.items if o.result == r)
                                for r in ("pass", "fail", "na")},
                    "hazards": [{"id": h.id, "checklist_item": h.checklist_item,
                                 "level": h.level.value, "status": h.status.value,
                                 "title": h.title} for h in planned.hazards]})
        return
    locale = context.settings.locale
    console = stdout()
    console.print(f"{label('inspection', locale)} [bold]{inspection.id}[/bold]  "
                  f"{escape(path)}")
    for h in planned.hazards:
        console.print(f"  {h.id}  {h.checklist_item}  {level_label(h.level, locale)}  "
                      f"{status_label(h.status, locale)}  {escape(h.title)}")
    console.print(f"{len(planned.hazards)} {label('hazards', locale)}")
