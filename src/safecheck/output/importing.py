"""What ``import`` prints: each row created or skipped, every problem with its row and
column, the totals; or all of it as one JSON document."""

from __future__ import annotations

import sys
from typing import Any

from rich.markup import escape

from safecheck.context import LedgerContext
from safecheck.i18n import Msg, render, text
from safecheck.importing import ImportReport, RowProblem
from safecheck.importing.columns import heading_of
from safecheck.importing.rows import inferred_headings
from safecheck.output.console import stderr, stdout
from safecheck.output.json_out import print_json


def _where(report: ImportReport, problem: RowProblem, locale: str) -> str:
    if problem.key is None:
        return text("import.where", locale, row=problem.row)
    heading, letter = report.heading(problem.key)
    if problem.row == 0:  # about a column, not a row
        return text("import.where_header", locale, heading=heading or problem.key,
                    letter=letter or "-")
    if heading is None:
        return text("import.where_field", locale, row=problem.row,
                    heading=heading_of(problem.key, locale))
    return text("import.where_column", locale, row=problem.row, heading=heading,
                letter=letter)


def _problem(report: ImportReport, problem: RowProblem, locale: str) -> dict[str, Any]:
    heading, letter = report.heading(problem.key)
    return {"row": problem.row, "field": problem.key, "column": letter,
            "heading": heading or (heading_of(problem.key, locale) if problem.key else None),
            "where": _where(report, problem, locale),
            "message": render(problem.message, locale)}


def as_data(report: ImportReport, locale: str) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "ok": report.ok, "dry_run": report.dry_run, "file": report.file,
        "kind": report.kind, "sheet": report.sheet, "encoding": report.encoding,
        "sha256": report.sha256, "header_row": report.header_row, "rows": report.rows,
        "columns": [{"column": c.letter, "heading": c.heading, "field": c.key}
                    for c in report.columns],
        "created": [{"row": c.row, "id": c.hazard.id, "status": c.hazard.status.value,
                     "path": c.relpath, "title": c.hazard.title,
                     "inferred": list(c.hazard.imported.inferred)
                     if c.hazard.imported else []} for c in report.created],
        "duplicates": [{"row": d.row, "id": d.id, "differs": list(d.differs)}
                       for d in report.duplicates],
        "errors": [_problem(report, p, locale) for p in report.errors],
        "warnings": [_problem(report, p, locale) for p in report.warnings],
        "backfilled": report.backfilled, "written": report.written, "commit": report.commit,
    }


def print_report(report: ImportReport, fmt: str, context: LedgerContext) -> None:
    """The report for people (rows on stdout, problems on stderr) or as JSON."""
    locale = context.settings.locale
    if fmt == "json":
        print_json(as_data(report, locale))
        return
    out, err = stdout(), stderr()
    sheet = text("import.sheet_of", locale, sheet=report.sheet) if report.sheet else ""
    out.print(escape(text("import.read", locale, file=report.file, sheet=sheet,
                          header=report.header_row, rows=report.rows)))
    verb = text("import.would_create" if report.dry_run else "import.new", locale)
    for created in report.created:
        h = created.hazard
        line = (f"  {escape(verb)}  [bold]{h.id}[/bold]  "
                f"{escape(text('import.where', locale, row=created.row))}  "
                f"{escape(text(f'status.{h.status.value}', locale))}  {escape(h.title)}")
        filled = inferred_headings(h.imported.inferred if h.imported else (), locale)
        if filled:
            line += f"  [dim]{escape(text('import.inferred_short', locale, fields=filled))}[/dim]"
        out.print(line, overflow="fold")
    for duplicate in report.duplicates:
        line = (f"  {escape(text('import.already', locale))}  {duplicate.id}  "
                f"{escape(text('import.where', locale, row=duplicate.row))}")
        if duplicate.differs:
            fields = [heading_of(f, locale) for f in duplicate.differs]
            line += f"  [yellow]{escape(text('import.differs', locale, fields=fields))}[/yellow]"
        out.print(line, overflow="fold")
    for kind, problems, style in (("warning", report.warnings, "yellow"),
                                  ("error", report.errors, "red")):
        for problem in problems:
            line = render(problem.message, locale)
            if problem.row:  # row 0: about a column, and the message names it
                line = text("import.line", locale, where=_where(report, problem, locale),
                            message=line)
            err.print(f"[{style}]{escape(text(f'import.{kind}', locale))}[/{style}] "
                      f"{escape(line)}", soft_wrap=True)
    if not report.ok:
        return
    key = "import.summary_dry" if report.dry_run else "import.summary"
    out.print(escape(text(key, locale, created=len(report.created),
                          duplicates=len(report.duplicates))))
    if report.backfilled:
        err.print(escape(text("import.backfilled", locale, count=report.backfilled,
                              days=context.settings.late_entry_days)), soft_wrap=True)
    if report.commit:
        out.print(escape(text("import.committed", locale, sha=report.commit[:8])))
    sys.stdout.flush()


def failure(report: ImportReport) -> Msg:
    """The one line an import with problems ends with (exit 2)."""
    rows = sorted({p.row for p in report.errors})
    return Msg("import.failed", file=report.file, count=len(report.errors),
               rows=_ranges(rows))


def _ranges(numbers: list[int]) -> str:
    """3、5–7、10 from [3, 5, 6, 7, 10]."""
    parts: list[str] = []
    start = prev = None
    for n in [*numbers, None]:
        if n is not None and prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    return ", ".join(parts)
