"""Commands that change one hazard: new-hazard, plan, extend, rectify, close, reject,
reopen, void. Each writes one file (plus copied documents); committing is the user's."""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
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
    MeasureOpt,
    OnOpt,
    ResponsibleDeptOpt,
    ResponsibleOpt,
    SupervisorOpt,
    TextOrJson,
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
    title: Annotated[str | None, typer.Option("--title", help="隐患名称 one line.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="隐患描述.")] = None,
    location: Annotated[str | None, typer.Option("--location", help="位置.")] = None,
    level: Annotated[Level | None, typer.Option("--level", help="general or major.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="隐患来源.")] = None,
    found_on: Annotated[str | None, typer.Option("--found-on", help="YYYY-MM-DD.")] = None,
    found_by: Annotated[str | None, typer.Option("--found-by", help="发现人.")] = None,
    department: Annotated[str | None, typer.Option("--department")] = None,
    root_cause: Annotated[str | None, typer.Option("--root-cause", help="原因分析.")] = None,
    checklist_item: Annotated[str | None, typer.Option("--checklist-item")] = None,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    contractor: ContractorOpt = None, contract: ContractOpt = None,
    supervisor: SupervisorOpt = None,
    document: DocumentOpt = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never prompt; fail listing what is missing.")] = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Register a hazard (登记隐患).

    On a terminal it asks for whatever is missing; with --no-input it fails listing it.
    """
    from safecheck import changes
    from safecheck.lifecycle import Registration

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    registration = Registration(
        unit=unit.upper() if unit else None, domain=domain, title=title,
        description=description, location=location, level=level, source=source,
        found_on=optional_date(found_on, "--found-on"), found_by=found_by,
        department=department, root_cause=root_cause, checklist_item=checklist_item,
        plan=plan_input(measure, responsible, responsible_department, funding,
                         funding_source, currency, deadline, contingency_plan, contractor,
                         contract, supervisor))
    interactive = not no_input and sys.stdin.isatty()
    if interactive:
        from safecheck.cli.prompts import complete_registration

        registration = complete_registration(registration, context, today)
    elif registration.missing():
        from safecheck.errors import SafecheckError

        options = ", ".join("--" + name.replace("_", "-") for name in registration.missing())
        raise SafecheckError(f"missing {options} (or run on a terminal without --no-input "
                             "to be asked)")
    changed = changes.register(context, registration, document or [], today)
    return _report(rt, changed, fmt, "register")


@app.command("plan")
def plan_command(
    ctx: typer.Context, hazard_id: IdArg,
    measure: MeasureOpt = None, responsible: ResponsibleOpt = None,
    responsible_department: ResponsibleDeptOpt = None, funding: FundingOpt = None,
    funding_source: FundingSourceOpt = None, currency: CurrencyOpt = None,
    deadline: DeadlineOpt = None, contingency_plan: ContingencyOpt = None,
    contractor: ContractorOpt = None, contract: ContractOpt = None,
    supervisor: SupervisorOpt = None, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Fill in the five in place (五到位).

    A complete plan moves the hazard from reported to rectifying. An existing deadline
    moves only by an approved extension.
    """
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    given = plan_input(measure, responsible, responsible_department, funding, funding_source,
                        currency, deadline, contingency_plan, contractor, contract, supervisor)
    changed = changes.change(context, normalize_id(hazard_id),
                             lambda h, _: lifecycle.plan(h, given, context.settings))
    return _report(rt, changed, fmt, "plan")


@app.command("extend")
def extend_command(
    ctx: typer.Context, hazard_id: IdArg,
    to: Annotated[str, typer.Option("--to", help="New deadline YYYY-MM-DD.")],
    reason: Annotated[str, typer.Option("--reason", help="Why more time is needed.")],
    approved_by: Annotated[str, typer.Option("--approved-by", help="Who approved it.")],
    approved_on: Annotated[str | None, typer.Option(
        "--approved-on", help="Approval date (default: today).")] = None,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record an approved deadline extension (延期)."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    today = rt.today()
    new_deadline = optional_date(to, "--to")
    approved = optional_date(approved_on, "--approved-on") or today
    assert new_deadline is not None
    changed = changes.change(rt.context(), normalize_id(hazard_id), lambda h, _: lifecycle.extend(
        h, new_deadline, reason, approved_by, approved, today))
    return _report(rt, changed, fmt, "extend")


@app.command("rectify")
def rectify_command(
    ctx: typer.Context, hazard_id: IdArg,
    by: Annotated[str, typer.Option("--by", help="整改人 who did the fix.")],
    actions: Annotated[str, typer.Option("--actions", help="整改内容 what was done.")],
    document: DocumentOpt = None, on: OnOpt = None, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record the fix and its documents (整改).

    Photos go under after, forms and reports under other; the hazard awaits verification.
    """
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(
        rt.context(), normalize_id(hazard_id),
        lambda h, names: lifecycle.rectify(h, by, actions, day, names, today),
        document or [])
    return _report(rt, changed, fmt, "rectify")


@app.command("close")
def close_command(
    ctx: typer.Context, hazard_id: IdArg,
    verified_by: Annotated[str, typer.Option("--verified-by", help="验收人, independent.")],
    notes: Annotated[str | None, typer.Option("--notes", help="验收意见.")] = None,
    on: OnOpt = None, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Sign off after verification (销号).

    The verifier is neither the responsible person nor the rectifier.
    """
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(context, normalize_id(hazard_id), lambda h, _: lifecycle.close(
        h, verified_by, day, notes, context.settings, today))
    return _report(rt, changed, fmt, "close")


@app.command("reject")
def reject_command(
    ctx: typer.Context, hazard_id: IdArg,
    verified_by: Annotated[str, typer.Option("--verified-by", help="验收人, independent.")],
    notes: Annotated[str, typer.Option("--notes", help="What is still wrong.")],
    on: OnOpt = None, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record a failed verification (验收不通过).

    The hazard goes back to rectifying.
    """
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(context, normalize_id(hazard_id), lambda h, _: lifecycle.reject(
        h, verified_by, notes, day, context.settings, today))
    return _report(rt, changed, fmt, "reject")


@app.command("reopen")
def reopen_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Why it is reopened.")],
    by: Annotated[str, typer.Option("--by", help="Who reopens it.")],
    on: OnOpt = None, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Send a closed hazard back to rectification."""
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(rt.context(), normalize_id(hazard_id),
                             lambda h, _: lifecycle.reopen(h, reason, by, day, today))
    return _report(rt, changed, fmt, "reopen")


@app.command("void")
def void_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Duplicate, mistaken ...")],
    by: Annotated[str, typer.Option("--by", help="Who voids it.")],
    on: OnOpt = None, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Void a duplicate or mistaken entry (作废).

    The file stays; a void hazard never counts as closed.
    """
    from safecheck import changes, lifecycle

    rt = runtime(ctx)
    today = rt.today()
    day = optional_date(on, "--on") or today
    changed = changes.change(rt.context(), normalize_id(hazard_id),
                             lambda h, _: lifecycle.void(h, reason, by, day, today))
    return _report(rt, changed, fmt, "void")
