"""``export``: the ledger as the spreadsheet managers keep (隐患台账)."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.options import (
    AsOfOpt,
    ContractorFilterOpt,
    DomainFilterOpt,
    DueWithinOpt,
    InspectionFilterOpt,
    LevelFilterOpt,
    OverdueOpt,
    ResponsibleFilterOpt,
    SourceFilterOpt,
    SourceRefOpt,
    StatusFilterOpt,
    UnitFilterOpt,
)
from safecheck.cli.runtime import runtime


class ExportFormat(StrEnum):
    """File formats of ``export``."""

    CSV = "csv"
    XLSX = "xlsx"


@commands.command("export", help="help.export", rich_help_panel="group.query")
def export_command(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="opt.export.output", metavar="metavar.file", dir_okay=False)
    ] = None,
    fmt: Annotated[ExportFormat | None, typer.Option("--format", help="opt.export.format")
                   ] = None,
    unit: UnitFilterOpt = None, domain: DomainFilterOpt = None,
    level: LevelFilterOpt = None, status: StatusFilterOpt = None,
    overdue: OverdueOpt = False, inspection: InspectionFilterOpt = None,
    source: SourceFilterOpt = None, source_ref: SourceRefOpt = None,
    responsible: ResponsibleFilterOpt = None, contractor: ContractorFilterOpt = None,
    due_within: DueWithinOpt = None,
    as_of: AsOfOpt = None,
) -> int:
    """The ``export`` command: the ledger's columns as CSV or XLSX (隐患台账); XLSX with a
    title row, overdue rows in red, print setup and a summary sheet."""
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg, text
    from safecheck.output import spreadsheet
    from safecheck.query import build_filter, select
    from safecheck.store import load_ledger
    from safecheck.tabular import headings, ledger_book, ledger_rows

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today(as_of)
    chosen_format = fmt or (ExportFormat.XLSX if output and output.suffix.lower() == ".xlsx"
                            else ExportFormat.CSV)
    if chosen_format is ExportFormat.XLSX and output is None:
        raise SafecheckError(Msg("export.xlsx_needs_output"))
    where = build_filter(context, unit or [], domain or [], level or [], status or [],
                         overdue, inspection, source or [], source_ref, responsible,
                         contractor, due_within)
    ledger = load_ledger(context.root)
    chosen = list(select(ledger.hazards, where, today))
    if chosen_format is ExportFormat.XLSX:
        assert output is not None
        spreadsheet.write_ledger_xlsx(output, ledger_book(chosen, context, today))
    else:
        rows = ledger_rows(chosen, context, today)
        heads = headings(context.settings.locale)
        if output is None:
            # The same bytes as -o FILE: with a BOM Excel reads the Chinese (a terminal
            # does not need one).
            bom = "" if sys.stdout.isatty() else "\ufeff"
            sys.stdout.write(bom + spreadsheet.csv_text(heads, rows))
        else:
            spreadsheet.write_csv(output, heads, rows)
    if output is not None:
        print(text("export.written", count=len(chosen), path=output), file=sys.stderr)
    return 0
