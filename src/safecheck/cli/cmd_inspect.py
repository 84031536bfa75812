"""Checklists and inspection runs: ``checklists``, ``inspect``, ``inspections``."""

# No `from __future__ import annotations`: see cmd_records.py.

from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
    AsOfOpt,
    CommitOpt,
    ContingencyOpt,
    CurrencyOpt,
    DeadlineOpt,
    FundingOpt,
    FundingSourceOpt,
    InterimOpt,
    MeasureOpt,
    NoInputOpt,
    ResponsibleDeptOpt,
    ResponsibleOpt,
    TextOrJson,
    interactive,
    plan_input,
)
from safecheck.cli.runtime import optional_date

if TYPE_CHECKING:
    from safecheck.inspections import Outcome


@app.command("checklists")
def checklists_command(
    ctx: typer.Context,
    checklist: Annotated[str | None, typer.Argument(
        help="A checklist id (a domain, or a per-job procedure): show its items.")] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="Show the level suggested for this unit's regimes, and only the "
                       "items that apply to it.")] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.TEXT,
) -> int:
    """List the checklists, or one checklist's items with their suggested levels."""
    from safecheck.output import inspections as out

    context = runtime(ctx).context()
    if unit is not None:
        context.require_unit(unit.upper())
    if checklist is not None:
        out.print_checklist(context, context.checklist(checklist), unit.upper() if unit
                            else None, fmt.value)
    else:
        out.print_domains(context, fmt.value)
    return 0


def _items(values: list[str] | None) -> list[str]:
    """Repeated or comma-separated item ids, upper-cased."""
    return [part.strip().upper() for value in values or [] for part in value.split(",")
            if part.strip()]


def _parse_fail(value: str) -> tuple[str, "Outcome"]:
    """``ITEM``, ``ITEM=DEFECT``, ``ITEM@LOCATION=DEFECT``."""
    from safecheck.inspections import FAIL, Outcome

    head, _, note = value.partition("=")
    item, _, location = head.partition("@")
    return item.strip().upper(), Outcome(FAIL, note.strip() or None, location.strip() or None)


@app.command("inspect")
def inspect_command(
    ctx: typer.Context,
    checklist: Annotated[str, typer.Argument(
        help="The checklist to run: a domain, or a per-job procedure with --permit.")],
    unit: Annotated[str, typer.Option("--unit", help="The unit inspected.")],
    by: Annotated[list[str], typer.Option("--by", help="Inspector (repeatable).")],
    date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")
                    ] = None,
    location: Annotated[str | None, typer.Option(
        "--location", help="Where the run took place; the location of a failed item "
                           "unless the item gives its own.")] = None,
    passed: Annotated[list[str] | None, typer.Option(
        "--pass", help="Items checked and found in order (repeatable or comma-separated).")
    ] = None,
    all_pass: Annotated[bool, typer.Option(
        "--all-pass", help="Every item not listed was checked and passed.")] = False,
    fail: Annotated[list[str] | None, typer.Option(
        "--fail", help="A failed item: ITEM=DEFECT or ITEM@LOCATION=DEFECT (repeatable).")
    ] = None,
    na: Annotated[list[str] | None, typer.Option(
        "--na", help="Items that do not apply here (repeatable or comma-separated).")] = None,
    permit: Annotated[str | None, typer.Option(
        "--permit", help="The work permit (作业票) a per-job procedure is run for.")] = None,
    campaign: Annotated[str | None, typer.Option(
        "--campaign", help="The campaign (拉网式排查) this run belongs to.")] = None,
    source: Annotated[str, typer.Option(
        "--source", help="Source of the hazards raised.")] = "self-inspection",
    department: Annotated[str | None, typer.Option("--department")] = None,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    interim_measure: InterimOpt = None, no_input: NoInputOpt = False,
    commit: CommitOpt = False, fmt: Annotated[TextOrJson, typer.Option("--format")] = (
        TextOrJson.TEXT),
) -> int:
    """Run a checklist (排查) and record only what was checked.

    Each item is pass, fail, not applicable or not checked; nothing defaults to pass
    (--pass ITEM… or --all-pass says so). A failed item becomes a hazard titled with the
    defect, at its own location — or is linked to the open hazard of the same item at
    the same place. On a terminal every item is asked. Everything is written or nothing.
    """
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg
    from safecheck.inspections import NA, PASS, InspectionInput, Outcome, record_inspection
    from safecheck.output import inspections as out

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    results: dict[str, Outcome] = {}

    def put(item: str, outcome: Outcome) -> None:
        if item in results:
            raise SafecheckError(Msg("inspect.twice", item=item))
        results[item] = outcome

    for value in fail or []:
        put(*_parse_fail(value))
    for item in _items(na):
        put(item, Outcome(NA))
    for item in _items(passed):
        put(item, Outcome(PASS))
    given = InspectionInput(
        checklist=checklist, unit=unit.upper(), day=optional_date(date, "--date") or today,
        inspectors=tuple(by), location=location, source=source, department=department,
        results=results, all_pass=all_pass, permit=permit, campaign=campaign,
        plan=plan_input(measure, responsible, responsible_department, funding,
                        funding_source, currency, deadline, contingency_plan, None, None,
                        None),
        interim={"*": tuple(m.strip() for m in interim_measure or [] if m.strip())}
        if interim_measure else {})
    if interactive(no_input):
        from safecheck.cli.walk import walk_checklist

        given = walk_checklist(context, given, today)
    planned, path, sha = record_inspection(context, given, today, commit)
    out.print_inspection(context, planned, path.relative_to(context.root).as_posix(), sha,
                         fmt.value)
    return 0


@app.command("inspections")
def inspections_command(
    ctx: typer.Context,
    run_id: Annotated[str | None, typer.Argument(help="A run's ID: show it (or void it).")
                      ] = None,
    unit: Annotated[list[str] | None, typer.Option("--unit")] = None,
    domain: Annotated[list[str] | None, typer.Option(
        "--domain", help="A domain or checklist id.")] = None,
    campaign: Annotated[str | None, typer.Option(
        "--campaign", help="Runs of this campaign, and its coverage.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="To YYYY-MM-DD.")] = None,
    void: Annotated[bool, typer.Option("--void", help="Void the run (with --reason, --by).")
                    ] = False,
    reason: Annotated[str | None, typer.Option("--reason")] = None,
    by: Annotated[str | None, typer.Option("--by")] = None,
    commit: CommitOpt = False, as_of: AsOfOpt = None,
    fmt: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.TEXT,
) -> int:
    """Inspection runs (排查记录): list them, show one, or void one.

    With --campaign, also the campaign's coverage of units × domains.
    """
    from safecheck import runs
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg
    from safecheck.output import inspections as out

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today(as_of)
    if void:
        if run_id is None or not reason or not by:
            raise SafecheckError(Msg("error.missing_options", options=[
                o for o, v in (("RUN_ID", run_id), ("--reason", reason), ("--by", by))
                if not v]))
        stored = runs.void_run(context, run_id, reason, by, today, today)
        if commit:
            from safecheck.changes import commit_files

            commit_files(context, Msg("commit.void_run", id=run_id, reason=reason),
                         [stored.path])
        out.print_run(context, stored, fmt.value)
        return 0
    if run_id is not None:
        out.print_run(context, runs.find_run(context, run_id), fmt.value)
        return 0
    for code in unit or []:
        context.require_unit(code.upper())
    if campaign is not None and context.settings.campaign(campaign) is None:
        raise SafecheckError(Msg("inspect.no_campaign", campaign=campaign))
    where = runs.RunFilter(
        units=frozenset(u.upper() for u in unit or []), domains=frozenset(domain or []),
        campaign=campaign, since=optional_date(since, "--since"),
        until=optional_date(until, "--until"))
    every = runs.select_runs(context, runs.RunFilter()) if campaign else []
    out.print_runs(context, runs.select_runs(context, where), campaign, every, today,
                   fmt.value)
    return 0
