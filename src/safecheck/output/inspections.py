"""Checklists, inspection runs and campaign coverage at the terminal and as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.markup import escape
from rich.table import Table

from safecheck.context import LedgerContext
from safecheck.coverage import campaign_coverage
from safecheck.i18n import Msg, render, text
from safecheck.inspections import InspectionPlan, StoredInspection
from safecheck.models.checklist import Checklist
from safecheck.output.console import stdout
from safecheck.output.json_out import print_json


def _frequency(value: str | None) -> str:
    return text(f"frequency.{value or 'per-job'}")


def print_domains(context: LedgerContext, fmt: str) -> None:
    """Every checklist with its name, rhythm and number of items."""
    locale = context.settings.locale
    checklists = list(context.checklists.values())
    if fmt == "json":
        print_json([{"id": c.id, "domain": c.domain, "names": c.names.to_data(),
                     "procedure": c.procedure, "frequency": c.frequency,
                     "frequencies": dict(c.frequencies), "items": len(c.items)}
                    for c in checklists])
        return
    table = Table(header_style="bold")
    for key in ("word.checklist", "word.name", "word.frequency", "word.items"):
        table.add_column(text(key))
    for c in checklists:
        rhythm = _frequency(c.frequency)
        if c.frequencies:
            rhythm += "；" + "、".join(f"{text(f'regime.{r}')}{_frequency(f)}"
                                      for r, f in c.frequencies.items())
        table.add_row(c.id, escape(c.names.get(locale)), escape(rhythm), str(len(c.items)))
    stdout().print(table)


def print_checklist(context: LedgerContext, checklist: Checklist, unit: str | None,
                    fmt: str) -> None:
    """One checklist's items: text, rule, suggested level (for a unit's regimes, or per
    regime) and the clause that makes an item major."""
    locale = context.settings.locale
    regimes = context.settings.regimes_of(unit) if unit else None
    items = [i for i in checklist.items if regimes is None or i.applies_to(regimes)]
    if fmt == "json":
        data = checklist.to_data()
        if regimes is not None:
            data["items"] = [{**item.to_data(), "suggested": _suggested(item, regimes)}
                             for item in items]
        print_json(data)
        return
    title = f"{checklist.names.get(locale)} ({checklist.id}, {_frequency(checklist.frequency)})"
    if unit:
        title += f" — {unit} {context.settings.unit_name(unit)}"
    table = Table(title=escape(title), title_justify="left", header_style="bold",
                  show_lines=True)
    for key in ("field.checklist_item", "word.text", "word.suggested_level", "field.basis"):
        table.add_column(text(key), overflow="fold")
    for item in items:
        if regimes is not None:
            level, basis = item.suggested(regimes)
            shown = text(f"level.{level.value}")
            why = basis or item.basis or ""
        else:
            shown = text(f"level.{item.level.value}")
            extra = [f"{text(f'regime.{r}')}: {text(f'level.{e.level.value}')}"
                     for r, e in item.regimes.items()]
            shown += "\n" + "\n".join(extra) if extra else ""
            why = item.basis or ""
        label = f"{item.step}. {item.id}" if item.step else item.id
        table.add_row(label, escape(item.text.get(locale)), escape(shown), escape(why))
    stdout().print(table)


def _suggested(item: Any, regimes: list[str]) -> dict[str, Any]:
    level, basis = item.suggested(regimes)
    return {"level": level.value, "basis": basis}


def print_inspection(context: LedgerContext, planned: InspectionPlan, path: str,
                     commit: str | None, fmt: str) -> None:
    """The run's ID and file, what was checked, the hazards raised and the recurrences."""
    inspection = planned.inspection
    if fmt == "json":
        data: dict[str, Any] = {
            "id": inspection.id, "path": path, "results": inspection.counts(),
            "checked": inspection.checked,
            "hazards": [{"id": h.id, "checklist_item": h.checklist_item,
                         "level": h.level.value, "status": h.status.value,
                         "title": h.title, "location": h.location}
                        for h in planned.hazards],
            "recurrences": [{"id": h.id, "checklist_item": h.checklist_item}
                            for h in planned.recurrences]}
        if commit:
            data["commit"] = commit
        print_json(data)
        return
    console = stdout()
    console.print(f"{text('run.title')} [bold]{inspection.id}[/bold]  {escape(path)}")
    counts = inspection.counts()
    console.print(render(Msg("run.checked", checked=inspection.checked,
                             total=len(inspection.items), **counts)))
    for h in planned.hazards:
        console.print(f"  {h.id}  {h.checklist_item}  {text(f'level.{h.level.value}')}  "
                      f"{text(f'status.{h.status.value}')}  {escape(h.title)}  "
                      f"（{escape(h.location)}）")
    for h in planned.recurrences:
        console.print(f"  {h.id}  {h.checklist_item}  {text('run.recurrence')}")
    if commit:
        console.print(text("commit.done", sha=commit[:8]))


def print_run(context: LedgerContext, stored: StoredInspection, fmt: str) -> None:
    """One run: who, where, when, and every item's result."""
    run = stored.inspection
    if fmt == "json":
        print_json({**run.to_data(), "path": stored.relpath, "results": run.counts(),
                    "checked": run.checked})
        return
    locale = context.settings.locale
    checklist = context.checklists.get(run.checklist_id)
    console = stdout()
    console.print(f"[bold]{run.id}[/bold]  {escape(stored.relpath)}")
    head = [f"{run.unit} {context.settings.unit_name(run.unit)}", str(run.date),
            escape(checklist.names.get(locale) if checklist else run.checklist_id)]
    if run.location:
        head.append(escape(run.location))
    console.print("  ".join(head))
    console.print(f"{text('run.inspectors')}: {escape('、'.join(run.inspectors))}"
                  + (f"  {text('run.permit')}: {escape(run.permit)}" if run.permit else "")
                  + (f"  {text('run.campaign')}: {escape(run.campaign)}" if run.campaign
                     else ""))
    if run.void:
        console.print(f"[red]{escape(text('run.void', reason=run.void.reason, by=run.void.by, date=run.void.date))}[/red]")  # noqa: E501
    console.print(render(Msg("run.checked", checked=run.checked, total=len(run.items),
                             **run.counts())))
    table = Table(header_style="bold")
    for key in ("field.checklist_item", "word.text", "field.result", "field.notes"):
        table.add_column(text(key), overflow="fold")
    for outcome in run.items:
        item = checklist.item(outcome.item) if checklist else None
        note = outcome.notes or ""
        if outcome.location:
            note += f"（{outcome.location}）"
        if outcome.hazard:
            note += f" → {outcome.hazard}" + (f" {text('run.recurrence')}"
                                               if outcome.recurrence else "")
        table.add_row(outcome.item, escape(item.text.get(locale) if item else ""),
                      text(f"result.{outcome.result}"), escape(note))
    console.print(table)


def print_runs(context: LedgerContext, runs: list[StoredInspection], campaign: str | None,
               every_run: list[StoredInspection], today: dt.date, fmt: str) -> None:
    """Runs, newest first, with what each checked; a campaign's coverage (counted from
    ``every_run``: any run in its window reaches a cell) after them."""
    coverage = None
    found = context.settings.campaign(campaign) if campaign else None
    if found is not None:
        coverage = campaign_coverage(context, found, [r.inspection for r in every_run], today)
    if fmt == "json":
        data: dict[str, Any] = {"runs": [{
            "id": r.inspection.id, "unit": r.inspection.unit, "date": str(r.inspection.date),
            "checklist": r.inspection.checklist_id, "domain": r.inspection.domain,
            "permit": r.inspection.permit, "campaign": r.inspection.campaign,
            "void": r.inspection.is_void, "checked": r.inspection.checked,
            "results": r.inspection.counts(), "hazards": r.inspection.hazards,
            "path": r.relpath} for r in runs]}
        if coverage is not None:
            data["coverage"] = {"campaign": coverage.campaign.id, "reached": coverage.reached,
                                "total": len(coverage.cells),
                                "missing": [{"unit": c.unit, "domain": c.domain}
                                            for c in coverage.missing]}
        print_json(data)
        return
    table = Table(header_style="bold")
    for key in ("run.id", "field.date", "field.unit", "word.checklist", "run.permit",
                "field.result", "run.hazards"):
        table.add_column(text(key), overflow="fold")
    for r in runs:
        run = r.inspection
        counts = run.counts()
        result = f"{run.checked}/{len(run.items)} ✓{counts['pass']} ✗{counts['fail']}"
        style = "dim strike" if run.is_void else None
        table.add_row(run.id, str(run.date), run.unit, run.checklist_id, run.permit or "",
                      result, " ".join(run.hazards), style=style)
    console = stdout()
    console.print(table)
    console.print(text("run.count", count=len(runs)))
    if coverage is not None:
        c = coverage.campaign
        console.print(text("run.coverage", name=c.name, start=c.start, to=c.to,
                           reached=coverage.reached, total=len(coverage.cells)))
        for cell in coverage.missing:
            console.print(f"  {cell.unit} {escape(context.domain_name(cell.domain))}  "
                          f"[yellow]{text('run.not_reached')}[/yellow]")
