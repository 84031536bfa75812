"""``import``: hazards from a spreadsheet ledger (隐患台账, XLSX or CSV)."""

# No `from __future__ import annotations`: see cmd_records.py.

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.options import CommitOpt, FormatOpt, TextOrJson
from safecheck.cli.runtime import runtime

if TYPE_CHECKING:
    from safecheck.progress import Progress


@commands.command("import", help="help.import", rich_help_panel="group.register")
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="opt.import.file", metavar="metavar.file",
                                         dir_okay=False)],
    sheet: Annotated[str | None, typer.Option(
        "--sheet", help="opt.import.sheet", metavar="metavar.sheet")] = None,
    maps: Annotated[list[str] | None, typer.Option(
        "--map", help="opt.import.map", metavar="metavar.map")] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="opt.import.unit", metavar="metavar.code")] = None,
    domain: Annotated[str | None, typer.Option(
        "--domain", help="opt.import.domain", metavar="metavar.domain")] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="opt.import.source", metavar="metavar.source")] = None,
    level: Annotated[str | None, typer.Option(
        "--level", help="opt.import.level", metavar="metavar.level")] = None,
    backfill: Annotated[bool, typer.Option("--backfill", help="opt.import.backfill")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="opt.import.dry_run")] = False,
    commit: CommitOpt = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``import`` command: hazards from a spreadsheet, all rows or none."""
    from safecheck.errors import SafecheckError
    from safecheck.importing import ImportOptions, import_ledger
    from safecheck.output.importing import failure, print_report
    from safecheck.output.progress import progress_bar

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    defaults = {k: v for k, v in (("unit", unit), ("domain", domain), ("source", source),
                                  ("level", level)) if v is not None}
    options = ImportOptions(sheet=sheet, maps=tuple(maps or ()), defaults=defaults,
                            backfill=backfill, dry_run=dry_run, commit=commit)
    with progress_bar() as bar:
        report = import_ledger(context, file, options, today, _staged(bar))
    print_report(report, fmt.value, context)
    if not report.ok:
        raise SafecheckError(failure(report))
    return 0


def _staged(bar: "Progress | None") -> "Callable[[str, int, int], None] | None":
    """The import's progress (a stage: check, write) on the terminal's progress bar."""
    if bar is None:
        return None
    from safecheck.i18n import Msg

    def progress(stage: str, done: int, total: int) -> None:
        bar(Msg(f"progress.import.{stage}"), done, total)

    return progress
