"""``export``: the ledger as the spreadsheet managers keep (隐患台账)."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
    AsOfOpt,
    ContractorFilterOpt,
    DomainFilterOpt,
    DueWithinOpt,
    InspectionFilterOpt,
    OverdueOpt,
    ResponsibleFilterOpt,
    SourceFilterOpt,
    SourceRefOpt,
    UnitFilterOpt,
)
from safecheck.vocab import Level, Status


class ExportFormat(StrEnum):
    """File formats of ``export``."""

    CSV = "csv"
    XLSX = "xlsx"


@app.command("export")
def export_command(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (CSV may go to stdout).", dir_okay=False)] = None,
    fmt: Annotated[ExportFormat | None, typer.Option(
        "--format", help="csv or xlsx (default: from --output's suffix, else csv).")] = None,
    unit: UnitFilterOpt = None, domain: DomainFilterOpt = None,
    level: Annotated[list[Level] | None, typer.Option("--level")] = None,
    status: Annotated[list[Status] | None, typer.Option("--status")] = None,
    overdue: OverdueOpt = False, inspection: InspectionFilterOpt = None,
    source: SourceFilterOpt = None, source_ref: SourceRefOpt = None,
    responsible: ResponsibleFilterOpt = None, contractor: ContractorFilterOpt = None,
    due_within: DueWithinOpt = None,
    as_of: AsOfOpt = None,
) -> int:
    """The ledger as CSV or XLSX (隐患台账).

    The columns managers keep, with the same filters as list. XLSX adds a title row,
    overdue rows in red, print setup and a summary sheet; import reads both back.
    """
    from safecheck.errors import SafecheckError
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
        raise SafecheckError("--format xlsx needs --output FILE.xlsx")
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
            sys.stdout.write(spreadsheet.csv_text(heads, rows))
        else:
            spreadsheet.write_csv(output, heads, rows)
    if output is not None:
        print(f"{len(chosen)} → {output}", file=sys.stderr)
    return 0
