"""Checklists and inspection runs: ``checklists``, ``inspect``, ``inspections``."""

# No `from __future__ import annotations`: see cmd_records.py.

from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.options import (
    AsOfOpt,
    CommitOpt,
    ContingencyOpt,
    CurrencyOpt,
    DeadlineOpt,
    DepartmentOpt,
    FormatOpt,
    FundingOpt,
    FundingSourceOpt,
    InterimOpt,
    MeasureOpt,
    NoInputOpt,
    ResponsibleDeptOpt,
    ResponsibleOpt,
    TextOrJson,
    UnitFilterOpt,
    interactive,
    plan_input,
)
from safecheck.cli.runtime import optional_date, runtime

if TYPE_CHECKING:
    from safecheck.inspections import Outcome


@commands.command("checklists", help="help.checklists", rich_help_panel="group.inspect")
def checklists_command(
    ctx: typer.Context,
    checklist: Annotated[str | None, typer.Argument(
        help="opt.checklists.checklist", metavar="metavar.checklist")] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="opt.checklists.unit", metavar="metavar.code")] = None,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``checklists`` command: every checklist, or one with its items."""
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


@commands.command("inspect", help="help.inspect", rich_help_panel="group.inspect")
def inspect_command(
    ctx: typer.Context,
    checklist: Annotated[str, typer.Argument(
        help="opt.inspect.checklist", metavar="metavar.checklist")],
    unit: Annotated[str, typer.Option("--unit", help="opt.inspect.unit", metavar="metavar.code")],
    by: Annotated[list[str], typer.Option(
        "--by", help="opt.inspect.by", metavar="metavar.person")],
    date: Annotated[str | None, typer.Option(
        "--date", help="opt.inspect.date", metavar="metavar.date")] = None,
    location: Annotated[str | None, typer.Option(
        "--location", help="opt.inspect.location", metavar="metavar.text")] = None,
    passed: Annotated[list[str] | None, typer.Option(
        "--pass", help="opt.inspect.pass", metavar="metavar.item")] = None,
    all_pass: Annotated[bool, typer.Option("--all-pass", help="opt.inspect.all_pass")] = False,
    fail: Annotated[list[str] | None, typer.Option(
        "--fail", help="opt.inspect.fail", metavar="metavar.fail")] = None,
    na: Annotated[list[str] | None, typer.Option(
        "--na", help="opt.inspect.na", metavar="metavar.item")] = None,
    permit: Annotated[str | None, typer.Option(
        "--permit", help="opt.inspect.permit", metavar="metavar.permit")] = None,
    campaign: Annotated[str | None, typer.Option(
        "--campaign", help="opt.inspect.campaign", metavar="metavar.campaign")] = None,
    source: Annotated[str, typer.Option(
        "--source", help="opt.inspect.source", metavar="metavar.source")] = "self-inspection",
    department: DepartmentOpt = None,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    interim_measure: InterimOpt = None, no_input: NoInputOpt = False,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``inspect`` command: a run that records only what was checked."""
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


@commands.command("inspections", help="help.inspections", rich_help_panel="group.inspect")
def inspections_command(
    ctx: typer.Context,
    run_id: Annotated[str | None, typer.Argument(
        help="opt.inspections.run", metavar="metavar.run")] = None,
    unit: UnitFilterOpt = None,
    domain: Annotated[list[str] | None, typer.Option(
        "--domain", help="opt.inspections.domain", metavar="metavar.checklist")] = None,
    campaign: Annotated[str | None, typer.Option(
        "--campaign", help="opt.inspections.campaign", metavar="metavar.campaign")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="opt.inspections.since", metavar="metavar.date")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="opt.inspections.until", metavar="metavar.date")] = None,
    void: Annotated[bool, typer.Option("--void", help="opt.inspections.void")] = False,
    reason: Annotated[str | None, typer.Option(
        "--reason", help="opt.inspections.reason", metavar="metavar.text")] = None,
    by: Annotated[str | None, typer.Option(
        "--by", help="opt.inspections.by", metavar="metavar.person")] = None,
    commit: CommitOpt = False, as_of: AsOfOpt = None,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``inspections`` command: runs listed, shown or voided; a campaign's coverage."""
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
                o for o, v in ((Msg("metavar.run"), run_id), ("--reason", reason),
                               ("--by", by)) if not v]))
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
