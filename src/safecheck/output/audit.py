"""Audit results as a table grouped by unit, as JSON, or as GitHub annotations."""

from __future__ import annotations

import sys
from itertools import groupby
from typing import TYPE_CHECKING

from safecheck.audit import AuditResult, Finding
from safecheck.context import LedgerContext
from safecheck.i18n import text
from safecheck.labels import label
from safecheck.output.json_out import print_json
from safecheck.vocab import Locale, Severity

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def print_text(result: AuditResult, context: LedgerContext, strict: bool) -> None:
    """One table per unit (rule, ID, file:line, message), then a summary line."""
    # rich only here: JSON and the CI formats need none of it (a tenth of start-up)
    from rich.markup import escape
    from rich.table import Table

    from safecheck.output.console import stdout
    from safecheck.output.long_table import STREAM_FROM

    locale = context.settings.locale
    console = stdout()
    for unit, group in groupby(result.findings, key=lambda f: f.unit or ""):
        title = f"{unit} {context.settings.unit_name(unit)}" if unit else "-"
        findings = list(group)
        if len(findings) > STREAM_FROM:
            _print_long(console, title, findings, locale)
            continue
        table = Table(title=escape(title), title_justify="left", header_style="bold",
                      show_lines=False)
        for key in ("severity", "rule", "id", "path", "message"):
            table.add_column(label(key, locale), overflow="fold")
        for f in findings:
            where = f.path + (f":{f.line}" if f.line else "")
            severity = label(f"severity.{f.severity.value}", locale)
            table.add_row(f"[{_STYLE.get(f.severity, '')}]{severity}[/]", f.rule,
                          f.id or "", escape(where), escape(f.text))
        console.print(table)
    failed = result.exit_code(strict) != 0
    verdict = label("audit_failed" if failed else "audit_ok", locale)
    style = "bold red" if failed else "bold green"
    console.print(f"[{style}]{escape(verdict)}[/]" + escape(text(
        "audit.summary", locale, errors=result.errors, warnings=result.warnings,
        records=result.records, today=result.today)))


def _print_long(console: Console, title: str, findings: list[Finding], locale: Locale
                ) -> None:
    """One unit's findings as :func:`print_text` shows them, written row by row."""
    from safecheck.output.long_table import Column, print_long_table

    columns = [Column(label(key, locale), fold=key in ("path", "message"))
               for key in ("severity", "rule", "id", "path", "message")]
    print_long_table(console, columns, (
        ([label(f"severity.{f.severity.value}", locale), f.rule, f.id or "",
          f.path + (f":{f.line}" if f.line else ""), f.text], _STYLE.get(f.severity))
        for f in findings), title)


def print_json_result(result: AuditResult) -> None:
    """``{"findings": [...], "summary": {...}}``."""
    print_json({"findings": [f.as_dict() for f in result.findings],
                "summary": result.summary()})


def escape_annotation(text: str, is_property: bool = False) -> str:
    """Text for a GitHub workflow command (``%``, line breaks; ``:`` and ``,`` in a
    property)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def print_github(result: AuditResult, prefix: str = "") -> None:
    """GitHub Actions workflow commands, so findings show on the changed lines (paths
    from the top of the git work tree: ``prefix`` is where the ledger is in it)."""
    for f in result.findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        props = f"file={escape_annotation(prefix + f.path, True)}"
        if f.line:
            props += f",line={f.line}"
        props += f",title={escape_annotation(f.rule, True)}"
        sys.stdout.write(f"::{level} {props}::{escape_annotation(f.text)}\n")
