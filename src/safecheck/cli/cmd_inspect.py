"""Checklists and running one: ``checklists``, ``inspect``."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from typing import Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
    ContingencyOpt,
    CurrencyOpt,
    DeadlineOpt,
    FundingOpt,
    FundingSourceOpt,
    InterimOpt,
    MeasureOpt,
    ResponsibleDeptOpt,
    ResponsibleOpt,
    TextOrJson,
    plan_input,
)
from safecheck.cli.runtime import optional_date


@app.command("checklists")
def checklists_command(
    ctx: typer.Context,
    domain: Annotated[str | None, typer.Argument(help="A domain id: show its items.")] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.TEXT,
) -> int:
    """List domains, or one checklist's items."""
    from safecheck.output import inspections as out

    context = runtime(ctx).context()
    if domain is not None:
        context.require_domain(domain)
        out.print_checklist(context, context.checklists[domain], fmt.value)
    else:
        out.print_domains(context, fmt.value)
    return 0


def _parse_fail(value: str) -> tuple[str, str | None]:
    item, _, note = value.partition("=")
    return item.strip().upper(), (note.strip() or None)


@app.command("inspect")
def inspect_command(
    ctx: typer.Context,
    domain: Annotated[str, typer.Argument(help="The domain whose checklist to run.")],
    unit: Annotated[str, typer.Option("--unit", help="The unit inspected.")],
    by: Annotated[list[str], typer.Option("--by", help="Inspector (repeatable).")],
    date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")
                    ] = None,
    location: Annotated[str | None, typer.Option(
        "--location", help="Where; also the location of every hazard raised.")] = None,
    fail: Annotated[list[str] | None, typer.Option(
        "--fail", help="A failed item, ITEM or ITEM=NOTE (repeatable).")] = None,
    na: Annotated[list[str] | None, typer.Option(
        "--na", help="An item that does not apply (repeatable).")] = None,
    source: Annotated[str, typer.Option(
        "--source", help="Source of the hazards raised.")] = "self-inspection",
    department: Annotated[str | None, typer.Option("--department")] = None,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    interim_measure: InterimOpt = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Take results from the flags; unlisted items pass.")] = False,
    fmt: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.TEXT,
) -> int:
    """Run a checklist (排查); failures become hazards.

    On a terminal it walks the items one by one; with --no-input unlisted items pass.
    Everything is written or nothing is.
    """
    from safecheck.errors import SafecheckError
    from safecheck.inspections import FAIL, NA, InspectionInput, record_inspection
    from safecheck.output import inspections as out

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    results: dict[str, tuple[str, str | None]] = {}
    for value in fail or []:
        item, note = _parse_fail(value)
        results[item] = (FAIL, note)
    for value in na or []:
        item = value.strip().upper()
        if item in results:
            raise SafecheckError(f"{item} is given both as --fail and --na")
        results[item] = (NA, None)
    given = InspectionInput(
        domain=domain, unit=unit.upper(), day=optional_date(date, "--date") or today,
        inspectors=tuple(by), location=location, source=source, department=department,
        results=results,
        plan=plan_input(measure, responsible, responsible_department, funding,
                        funding_source, currency, deadline, contingency_plan, None, None,
                        None),
        interim={"*": tuple(m.strip() for m in interim_measure or [] if m.strip())}
        if interim_measure else {})
    if not no_input and sys.stdin.isatty():
        from safecheck.cli.walk import walk_checklist

        given = walk_checklist(context, given, today)
    planned, path = record_inspection(context, given, today)
    out.print_inspection(context, planned, path.relative_to(context.root).as_posix(),
                         fmt.value)
    return 0
