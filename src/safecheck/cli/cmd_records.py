"""Commands that move one hazard through its closed loop: new-hazard, plan, extend,
rectify, close, reject, reopen, void. Each writes one file (plus copied documents) under
the write lock; ``--commit`` also commits exactly those files."""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
    AgreementOpt,
    CommitOpt,
    ContingencyOpt,
    ContractOpt,
    ContractorOpt,
    CurrencyOpt,
    DeadlineOpt,
    DocumentOpt,
    FormatOpt,
    FundingOpt,
    FundingSourceOpt,
    IdArg,
    InterimOpt,
    MeasureOpt,
    NoInputOpt,
    OnOpt,
    ResponsibleDeptOpt,
    ResponsibleOpt,
    RootCauseOpt,
    SupervisorOpt,
    TextOrJson,
    interactive,
    plan_input,
)
from safecheck.cli.runtime import Runtime, normalize_id, optional_date
from safecheck.vocab import Level

if TYPE_CHECKING:
    from safecheck.changes import Changed


def _report(rt: Runtime, changed: "Changed", fmt: TextOrJson, verb: str) -> int:
    from safecheck.output.changes import print_change

    print_change(changed, fmt.value, rt.context().settings.locale, verb)
    return 0


@app.command("new-hazard")
def new_hazard(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit code, e.g. SW.")] = None,
    domain: Annotated[str | None, typer.Option("--domain", help="排查领域 domain id.")] = None,
    title: Annotated[str | None, typer.Option(
        "--title", help="隐患名称: the defect, one line.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="隐患描述.")] = None,
    location: Annotated[str | None, typer.Option("--location", help="隐患部位.")] = None,
    level: Annotated[Level | None, typer.Option("--level", help="general or major.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="隐患来源.")] = None,
    source_ref: Annotated[str | None, typer.Option(
        "--source-ref", help="The feedback letter and item, e.g. 区委第三巡查组反馈意见第5条.")
    ] = None,
    found_on: Annotated[str | None, typer.Option("--found-on", help="YYYY-MM-DD.")] = None,
    found_by: Annotated[str | None, typer.Option("--found-by", help="排查人.")] = None,
    department: Annotated[str | None, typer.Option("--department")] = None,
    root_cause: RootCauseOpt = None,
    checklist_item: Annotated[str | None, typer.Option("--checklist-item")] = None,
    interim_measure: InterimOpt = None,
    basis: Annotated[str | None, typer.Option(
        "--basis", help="判定依据: the clause that makes a major hazard major.")] = None,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    contractor: ContractorOpt = None, contract: ContractOpt = None,
    safety_agreement: AgreementOpt = None, supervisor: SupervisorOpt = None,
    document: DocumentOpt = None, no_input: NoInputOpt = False, commit: CommitOpt = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print only the new ID (for scripts: ID=$(safecheck new-hazard "
                              "-q …)).")] = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Register a hazard (登记隐患).

    On a terminal it asks for whatever is missing, checking each answer as it is given;
    with --no-input it fails listing what is missing. A major hazard is registered at
    once with its interim control measures (--interim-measure).
    """
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


@app.command("plan")
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
    """Fill in the five in place (五到位) and the root cause.

    A complete plan moves the hazard from reported to rectifying (a major hazard also
    needs its governance plan: safecheck major). An existing deadline moves only by an
    approved extension. On a terminal, given nothing, it asks for what is missing.
    """
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


@app.command("extend")
def extend_command(
    ctx: typer.Context, hazard_id: IdArg,
    to: Annotated[str, typer.Option("--to", help="New deadline YYYY-MM-DD.")],
    reason: Annotated[str, typer.Option("--reason", help="Why more time is needed.")],
    approved_by: Annotated[str, typer.Option("--approved-by", help="Who approved it.")],
    approved_on: Annotated[str | None, typer.Option(
        "--approved-on", help="Approval date (default: today).")] = None,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record an approved deadline extension (延期)."""
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


@app.command("rectify")
def rectify_command(
    ctx: typer.Context, hazard_id: IdArg,
    by: Annotated[str, typer.Option("--by", help="整改人 who did the fix.")],
    actions: Annotated[str, typer.Option("--actions", help="整改内容 what was done.")],
    document: DocumentOpt = None, root_cause: RootCauseOpt = None, on: OnOpt = None,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record a round of rectification with its documents (整改).

    Photos go under after, forms and reports under other; the hazard awaits
    verification. A round after a failed verification is added, never overwritten.
    """
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


@app.command("close")
def close_command(
    ctx: typer.Context, hazard_id: IdArg,
    verified_by: Annotated[str, typer.Option("--verified-by", help="验收人, independent.")],
    notes: Annotated[str | None, typer.Option("--notes", help="验收意见.")] = None,
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Sign off after verification (验收合格，销号).

    The verifier is neither the responsible person nor a rectifier. A major hazard
    also needs its root cause, a passing assessment and, when supervised, the
    authority's sign-off; some sources need the root cause too.
    """
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


@app.command("reject")
def reject_command(
    ctx: typer.Context, hazard_id: IdArg,
    verified_by: Annotated[str, typer.Option("--verified-by", help="验收人, independent.")],
    notes: Annotated[str, typer.Option("--notes", help="What is still wrong.")],
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record a failed verification (验收不合格).

    The hazard goes back to rectifying; the round that failed is kept.
    """
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


@app.command("reopen")
def reopen_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Why it is reopened.")],
    by: Annotated[str, typer.Option("--by", help="Who reopens it (a manager).")],
    deadline: Annotated[str, typer.Option(
        "--deadline", help="The new deadline YYYY-MM-DD (not before today).")],
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Send a closed hazard back to rectification (撤销销号), with a new deadline."""
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


@app.command("void")
def void_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Duplicate, mistaken ...")],
    by: Annotated[str, typer.Option("--by", help="Who voids it (a manager).")],
    on: OnOpt = None, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Void a duplicate or mistaken entry (作废).

    The file stays; a void hazard never counts as closed. Not for closed hazards, and
    not by the responsible person.
    """
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
