"""The ledger at the terminal: the `list` table, CSV, and the `show` panel."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from safecheck.context import LedgerContext
from safecheck.i18n import Msg, render, text
from safecheck.labels import label, level_label, source_label, status_label
from safecheck.models.hazard import Hazard
from safecheck.output.console import stdout
from safecheck.output.long_table import STREAM_FROM, Column, print_long_table
from safecheck.views import ROW_FIELDS


def print_table(rows: list[dict[str, Any]], context: LedgerContext) -> None:
    """A table of hazard rows that fits the terminal: IDs, dates and numbers never split;
    on a narrow terminal the unit and domain (the ID names the unit) and then the level
    (a major hazard is marked in its title) are left out, and titles wrap."""
    locale = context.settings.locale
    console = stdout()
    width = console.width
    wide, medium = width >= 130, width >= 100
    if len(rows) > STREAM_FROM:
        _print_long(console, rows, context, wide, medium)
        console.print(f"{len(rows)} {text('word.hazards', locale)}")
        return
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column(label("id", locale), no_wrap=True, min_width=16)
    if wide:
        table.add_column(label("unit", locale), no_wrap=True)
        table.add_column(label("domain", locale), overflow="fold")
    if medium:
        table.add_column(label("level", locale), no_wrap=True)
    table.add_column(label("status", locale), no_wrap=True)
    table.add_column(label("title", locale), overflow="fold", ratio=1)
    table.add_column(label("effective_deadline", locale), no_wrap=True, min_width=10)
    table.add_column(label("days_overdue", locale), no_wrap=True, justify="right")
    table.add_column(label("responsible", locale), overflow="fold")
    for row in rows:
        overdue = row["days_overdue"]
        title = escape(row["title"])
        if not medium and row["level"] == "major":
            title = f"[bold]【{level_label('major', locale)}】[/bold]{title}"
        cells = [row["id"]]
        if wide:
            cells += [row["unit"], escape(context.domain_name(row["domain"]))]
        if medium:
            cells.append(level_label(row["level"], locale))
        cells += [status_label(row["status"], locale), title, row["effective_deadline"] or "-",
                  str(overdue) if overdue else "", escape(row["responsible"] or "-")]
        table.add_row(*cells, style="red" if overdue else None)
    console.print(table)
    console.print(f"{len(rows)} {text('word.hazards', locale)}")


def _print_long(console: Console, rows: list[dict[str, Any]], context: LedgerContext,
                wide: bool, medium: bool) -> None:
    """The same columns as :func:`print_table`, written row by row (thousands of rows)."""
    locale = context.settings.locale
    columns = [Column(label("id", locale))]
    if wide:
        columns += [Column(label("unit", locale)), Column(label("domain", locale), fold=True)]
    if medium:
        columns.append(Column(label("level", locale)))
    columns += [Column(label("status", locale)), Column(label("title", locale), fold=True),
                Column(label("effective_deadline", locale)),
                Column(label("days_overdue", locale), right=True),
                Column(label("responsible", locale), fold=True)]

    def cells(row: dict[str, Any]) -> tuple[list[str], str | None]:
        overdue = row["days_overdue"]
        title = row["title"]
        if not medium and row["level"] == "major":
            title = f"【{level_label('major', locale)}】{title}"
        out = [row["id"]]
        if wide:
            out += [row["unit"], context.domain_name(row["domain"])]
        if medium:
            out.append(level_label(row["level"], locale))
        out += [status_label(row["status"], locale), title, row["effective_deadline"] or "-",
                str(overdue) if overdue else "", row["responsible"] or "-"]
        return out, "red" if overdue else None

    print_long_table(console, columns, (cells(row) for row in rows))


def print_csv(rows: Iterable[dict[str, Any]]) -> None:
    """CSV with a header row, UTF-8, for spreadsheets and scripts."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(ROW_FIELDS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def _kv(table: Table, key: str, value: object, locale: str) -> None:
    if value in (None, "", [], ()):
        return
    table.add_row(label(key, locale), escape(render(value, locale)))


def print_hazard(hazard: Hazard, path: str, context: LedgerContext, today: dt.date) -> None:
    """One hazard: facts, plan, major-hazard steps, every round, verifications,
    corrections and documents (the problem's file at a glance)."""
    locale = context.settings.locale
    h = hazard
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    status = escape(status_label(h.status, locale))
    days = h.days_overdue(today)
    if days:
        status += f"  [red]{label('overdue', locale)} {days} {label('days', locale)}[/red]"
    table.add_row(label("title", locale), f"[bold]{escape(h.title)}[/bold]")
    table.add_row(label("status", locale), status)
    for key, value in (
        ("unit", f"{h.unit} {context.settings.unit_name(h.unit)}"),
        ("department", h.department), ("location", h.location),
        ("domain", context.domain_name(h.domain)), ("checklist_item", h.checklist_item),
        ("inspection", h.inspection), ("level", level_label(h.level, locale)),
        ("source", source_label(h.source, locale)), ("source_ref", h.source_ref),
        ("found_on", h.found_on), ("found_by", h.found_by),
        ("description", h.description.rstrip()), ("root_cause", h.root_cause),
    ):
        _kv(table, key, value, locale)
    if h.imported is not None:
        i = h.imported
        _kv(table, "imported", Msg(
            "import.shown", file=i.file, row=i.row,
            sheet=text("import.sheet_of", locale, sheet=i.sheet) if i.sheet else "",
            ref=Msg("import.shown_ref", ref=i.ref) if i.ref else ""), locale)
    if h.plan is not None:
        p = h.plan
        _kv(table, "measures", "\n".join(f"{i}. {m}" for i, m in enumerate(p.measures, 1)),
            locale)
        if p.responsible:
            who = p.responsible.person + (f"（{p.responsible.department}）"
                                          if p.responsible.department else "")
            _kv(table, "responsible", who, locale)
        if p.funding:
            _kv(table, "funding", f"{p.funding.amount:,} {p.funding.currency}"
                + (f"，{p.funding.source}" if p.funding.source else ""), locale)
        _kv(table, "deadline", p.deadline, locale)
        if h.effective_deadline != p.deadline:
            _kv(table, "effective_deadline", h.effective_deadline, locale)
        _kv(table, "contingency_plan", p.contingency_plan, locale)
    if h.status.value == "reported" and h.plan_missing:
        from safecheck.models.consistency import describe_missing
        missing = escape(render(describe_missing(h.plan_missing), locale))
        table.add_row(label("plan", locale), f"[yellow]{label('missing', locale)}: "
                                             f"{missing}[/yellow]")
    if h.major is not None:
        m = h.major
        _kv(table, "basis", m.basis, locale)
        _kv(table, "interim_measures", list(m.interim_measures), locale)
        if m.reported_on:
            _kv(table, "reported_on", f"{m.reported_on} {m.reported_to or ''}", locale)
        _kv(table, "supervised_by", m.supervised_by, locale)
        _kv(table, "objectives", m.objectives, locale)
        _kv(table, "plan_approved_by", m.plan_approved_by, locale)
        if m.assessment:
            a = m.assessment
            _kv(table, "assessment", f"{a.date} {a.by} {label(f'result.{a.result.value}', locale)}"
                + (f": {a.notes}" if a.notes else ""), locale)
        if m.signoff:
            s = m.signoff
            _kv(table, "signoff", f"{s.date} {s.by} {s.reference or ''}", locale)
    if h.contractor:
        c = h.contractor
        _kv(table, "contractor", " / ".join(x for x in (c.name, c.contract) if x), locale)
        _kv(table, "safety_agreement", c.safety_agreement, locale)
        _kv(table, "supervisor", c.supervisor, locale)
    for e in h.extensions:
        _kv(table, "extensions", f"→ {e.to}  {e.reason}（{e.approved_by} {e.approved_on}）",
            locale)
    for n, r in enumerate(h.rectifications, 1):
        docs = f"  [{'、'.join(r.documents)}]" if r.documents else ""
        table.add_row(escape(text("field.round", locale, n=n)),
                      escape(f"{r.completed_on} {r.by}: {r.actions.rstrip()}{docs}"))
    for v in h.verifications:
        mark = label(f"result.{v.result.value}", locale)
        _kv(table, "verifications", f"{v.date} {v.by} {mark}"
            + (f": {v.notes.rstrip()}" if v.notes else ""), locale)
    for reopening in h.reopenings:
        _kv(table, "reopenings", f"{reopening.date} {reopening.by}: {reopening.reason}"
            + (f" → {reopening.deadline}" if reopening.deadline else ""), locale)
    for fix in h.corrections:
        changes = "; ".join(f"{label(k, locale)}: {old or '—'} → {new or '—'}"
                            for k, (old, new) in fix.fields.items())
        _kv(table, "corrections", f"{fix.date} {fix.by}: {changes}（{fix.reason}"
            + (f"，{fix.approved_by}" if fix.approved_by else "") + "）", locale)
    if h.documents:
        for kind in ("before", "after", "other"):
            names = getattr(h.documents, kind)
            if names:
                heading = f"{label('documents', locale)}（{text(f'kind.{kind}', locale)}）"
                table.add_row(escape(heading), escape("、".join(names)))
    if h.void:
        _kv(table, "void", f"{h.void.date} {h.void.by}: {h.void.reason}", locale)
    # The title is a row, not the panel's title: a long one wraps instead of being cut.
    stdout().print(Panel(table, title=f"[bold]{h.id}[/bold]", subtitle=escape(path),
                         title_align="left"))
