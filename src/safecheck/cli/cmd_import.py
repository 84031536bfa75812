"""``import``: hazards from a spreadsheet ledger (隐患台账, XLSX or CSV)."""

# No `from __future__ import annotations`: see cmd_records.py.

from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import CommitOpt, FormatOpt, TextOrJson
from safecheck.i18n import text


@app.command("import", help=text("help.import"))
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=text("help.import.file"), dir_okay=False)],
    sheet: Annotated[str | None, typer.Option("--sheet", help=text("help.import.sheet"))
                     ] = None,
    maps: Annotated[list[str] | None, typer.Option(
        "--map", metavar="HEADING=FIELD", help=text("help.import.map"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=text("help.import.unit"))] = None,
    domain: Annotated[str | None, typer.Option(
        "--domain", help=text("help.import.domain"))] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help=text("help.import.source"))] = None,
    level: Annotated[str | None, typer.Option("--level", help=text("help.import.level"))
                     ] = None,
    backfill: Annotated[bool, typer.Option(
        "--backfill", help=text("help.import.backfill"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=text("help.import.dry_run"))
                       ] = False,
    commit: CommitOpt = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    from safecheck.errors import SafecheckError
    from safecheck.importing import ImportOptions, import_ledger
    from safecheck.output.importing import failure, print_report

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    defaults = {k: v for k, v in (("unit", unit), ("domain", domain), ("source", source),
                                  ("level", level)) if v is not None}
    options = ImportOptions(sheet=sheet, maps=tuple(maps or ()), defaults=defaults,
                            backfill=backfill, dry_run=dry_run, commit=commit)
    report = import_ledger(context, file, options, today)
    print_report(report, fmt.value, context)
    if not report.ok:
        raise SafecheckError(failure(report))
    return 0
