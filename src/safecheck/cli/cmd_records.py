"""Commands that move one hazard through its closed loop: new-hazard, plan, extend,
rectify, close, reject, reopen, void. Each writes one file (plus copied documents) under
the write lock; ``--commit`` also commits exactly those files."""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.options import (
    AgreementOpt,
    BasisOpt,
    ChecklistItemOpt,
    CommitOpt,
    ContingencyOpt,
    ContractOpt,
    ContractorOpt,
    CurrencyOpt,
    DeadlineOpt,
    DepartmentOpt,
    DescriptionOpt,
    DocumentOpt,
    DomainOpt,
    FormatOpt,
    FoundByOpt,
    FoundOnOpt,
    FundingOpt,
    FundingSourceOpt,
    IdArg,
    InterimOpt,
    LevelOpt,
    LocationOpt,
    MeasureOpt,
    NoInputOpt,
    OnOpt,
    ResponsibleDeptOpt,
    ResponsibleOpt,
    RootCauseOpt,
    SourceOpt,
    SourceRefFactOpt,
    SupervisorOpt,
    TextOrJson,
    TitleOpt,
    UnitOpt,
    VerifiedByOpt,
    interactive,
    plan_input,
)
from safecheck.cli.runtime import Runtime, normalize_id, optional_date, runtime

if TYPE_CHECKING:
    from safecheck.changes import Changed


def _report(rt: Runtime, changed: "Changed", fmt: TextOrJson, verb: str) -> int:
    from safecheck.output.changes import print_change

    print_change(changed, fmt.value, rt.context().settings.locale, verb)
    return 0


@commands.command("new-hazard", help="help.new-hazard", rich_help_panel="group.register")
def new_hazard(
    ctx: typer.Context,
    unit: UnitOpt = None, domain: DomainOpt = None, title: TitleOpt = None,
    description: DescriptionOpt = None, location: LocationOpt = None,
    level: LevelOpt = None, source: SourceOpt = None, source_ref: SourceRefFactOpt = None,
    found_on: FoundOnOpt = None, found_by: FoundByOpt = None,
    department: DepartmentOpt = None, root_cause: RootCauseOpt = None,
    checklist_item: ChecklistItemOpt = None, interim_measure: InterimOpt = None,
    basis: BasisOpt = None,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    contractor: ContractorOpt = None, contract: ContractOpt = None,
    safety_agreement: AgreementOpt = None, supervisor: SupervisorOpt = None,
    document: DocumentOpt = None, no_input: NoInputOpt = False, commit: CommitOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="opt.new-hazard.quiet")] = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``new-hazard`` command (登记隐患): completed at a terminal, else refused."""
    from safecheck import changes
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg
    from safecheck.lifecycle import MajorInput, Registration

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    registration = Registration(
        unit=unit.upper() if unit else None, domain=domain, title=title,
        description=description, location=location, level=level, source=source,
        source_ref=source_ref, found_on=optional_date(found_on, "--found-on"),
        found_by=found_by, department=department, root_cause=root_cause,
        checklist_item=checklist_item,
        plan=plan_input(measure, responsible, responsible_department, funding,
                        funding_source, currency, deadline, contingency_plan, contractor,
                        contract, supervisor, safety_agreement),
        major=MajorInput(basis=basis, interim_measures=tuple(
            m.strip() for m in interim_measure or [] if m.strip())))
    if interactive(no_input):
        from safecheck.cli.prompts import complete_registration

        registration = complete_registration(registration, context, today)
    elif registration.missing():
        options = ["--" + name.replace("_", "-").removesuffix("s")
                   if name == "interim_measures" else "--" + name.replace("_", "-")
                   for name in registration.missing()]
        raise SafecheckError(Msg("error.missing_options", options=options))
    changed = changes.register(context, registration, document or [], today, commit)
    if quiet:
        print(changed.hazard.id)
        return 0
    return _report(rt, changed, fmt, "register")


@commands.command("plan", help="help.plan", rich_help_panel="group.register")
def plan_command(
    ctx: typer.Context, hazard_id: IdArg,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    contractor: ContractorOpt = None, contract: ContractOpt = None,
    safety_agreement: AgreementOpt = None, supervisor: SupervisorOpt = None,
    root_cause: RootCauseOpt = None, no_input: NoInputOpt = False, commit: CommitOpt = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``plan`` command (五到位): the options given, or questions at a terminal."""
    from safecheck import changes, lifecycle, store

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    wanted = normalize_id(hazard_id)
    given = plan_input(measure, responsible, responsible_department, funding, funding_source,
                       currency, deadline, contingency_plan, contractor, contract, supervisor,
                       safety_agreement)
    if given.is_empty() and root_cause is None and interactive(no_input):
        from safecheck.cli.prompts import ask_plan

        current = store.read_hazard(context.root, wanted).hazard
        given, root_cause = ask_plan(current, context, today)
    changed = changes.change(
        context, wanted, "plan",
        lambda h, _: lifecycle.plan(h, given, root_cause, context.settings, today),
        commit=commit)
    return _report(rt, changed, fmt, "plan")


@commands.command("extend", help="help.extend", rich_help_panel="group.register")
def extend_command(
    ctx: typer.Context, hazard_id: IdArg,
    to: Annotated[str, typer.Option("--to", help="opt.extend.to", metavar="metavar.date")],
    reason: Annotated[str, typer.Option(
        "--reason", help="opt.extend.reason", metavar="metavar.text")],
    approved_by: Annotated[str, typer.Option(
        "--approved-by", help="opt.extend.approved_by", metavar="metavar.person")],
    approved_on: Annotated[str | None, typer.Option(
        "--approved-on", help="opt.extend.approved_on", metavar="metavar.date")] = None,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``extend`` command (延期): an approved extension."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    new_deadline = optional_date(to, "--to")
    approved = optional_date(approved_on, "--approved-on") or today
    assert new_deadline is not None
    changed = changes.change(
        context, normalize_id(hazard_id), "extend",
        lambda h, _: lifecycle.extend(h, new_deadline, reason, approved_by, approved,
                                      context.settings, today),
        summary=lambda h: f"→ {new_deadline}，{reason}", commit=commit)
    return _report(rt, changed, fmt, "extend")


@commands.command("rectify", help="help.rectify", rich_help_panel="group.register")
def rectify_command(
    ctx: typer.Context, hazard_id: IdArg,
    by: Annotated[str, typer.Option("--by", help="opt.rectify.by", metavar="metavar.person")],
    actions: Annotated[str, typer.Option(
        "--actions", help="opt.rectify.actions", metavar="metavar.text")],
    document: DocumentOpt = None, root_cause: RootCauseOpt = None, on: OnOpt = None,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``rectify`` command (整改): a new round, never an overwritten one."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(
        context, normalize_id(hazard_id), "rectify",
        lambda h, names: lifecycle.rectify(h, by, actions, day, names, root_cause,
                                           context.settings, today),
        document or [], summary=lambda h: actions, commit=commit)
    return _report(rt, changed, fmt, "rectify")


@commands.command("close", help="help.close", rich_help_panel="group.register")
def close_command(
    ctx: typer.Context, hazard_id: IdArg, verified_by: VerifiedByOpt,
    notes: Annotated[str | None, typer.Option(
        "--notes", help="opt.close.notes", metavar="metavar.text")] = None,
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``close`` command (验收合格，销号)."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(
        context, normalize_id(hazard_id), "close",
        lambda h, _: lifecycle.close(h, verified_by, day, notes, context.settings, today),
        summary=lambda h: notes, commit=commit)
    return _report(rt, changed, fmt, "close")


@commands.command("reject", help="help.reject", rich_help_panel="group.register")
def reject_command(
    ctx: typer.Context, hazard_id: IdArg, verified_by: VerifiedByOpt,
    notes: Annotated[str, typer.Option(
        "--notes", help="opt.reject.notes", metavar="metavar.text")],
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``reject`` command (验收不合格): back to rectifying."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(
        context, normalize_id(hazard_id), "reject",
        lambda h, _: lifecycle.reject(h, verified_by, notes, day, context.settings, today),
        summary=lambda h: notes, commit=commit)
    return _report(rt, changed, fmt, "reject")


@commands.command("reopen", help="help.reopen", rich_help_panel="group.register")
def reopen_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str, typer.Option(
        "--reason", help="opt.reopen.reason", metavar="metavar.text")],
    by: Annotated[str, typer.Option("--by", help="opt.reopen.by", metavar="metavar.person")],
    deadline: Annotated[str, typer.Option(
        "--deadline", help="opt.reopen.deadline", metavar="metavar.date")],
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``reopen`` command (撤销销号): back to rectifying with a new deadline."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    new_deadline = optional_date(deadline, "--deadline")
    assert new_deadline is not None
    changed = changes.change(
        context, normalize_id(hazard_id), "reopen",
        lambda h, _: lifecycle.reopen(h, reason, by, day, new_deadline, context.settings,
                                      today),
        summary=lambda h: reason, commit=commit)
    return _report(rt, changed, fmt, "reopen")


@commands.command("void", help="help.void", rich_help_panel="group.register")
def void_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str, typer.Option(
        "--reason", help="opt.void.reason", metavar="metavar.text")],
    by: Annotated[str, typer.Option("--by", help="opt.void.by", metavar="metavar.person")],
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``void`` command (作废): the file stays, marked void."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(
        context, normalize_id(hazard_id), "void",
        lambda h, _: lifecycle.void(h, reason, by, day, context.settings, today),
        summary=lambda h: reason, commit=commit)
    return _report(rt, changed, fmt, "void")
