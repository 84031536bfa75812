"""Option types and option parsing shared by the command modules."""

# No `from __future__ import annotations`: see cmd_records.py.

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.runtime import optional_date, parse_amount

if TYPE_CHECKING:
    from safecheck.lifecycle import PlanInput


class TextOrJson(StrEnum):
    """Output for people, or JSON."""

    TEXT = "text"
    JSON = "json"


IdArg = Annotated[str, typer.Argument(help="Hazard ID, e.g. SW-20261121-7KQF.")]
FormatOpt = Annotated[TextOrJson, typer.Option("--format", help="text or json.")]
OnOpt = Annotated[str | None, typer.Option("--on", help="Date YYYY-MM-DD (default: today).")]
DocumentOpt = Annotated[list[Path] | None, typer.Option(
    "--document", metavar="FILE", help="A file to copy into the record's folder (repeatable).",
    dir_okay=False)]

# The five in place (五到位) and contractor options, shared by new-hazard and plan.
MeasureOpt = Annotated[list[str] | None, typer.Option(
    "--measure", metavar="TEXT", help="整改措施 rectification measure (repeatable).")]
ResponsibleOpt = Annotated[str | None, typer.Option(
    "--responsible", help="责任人 responsible person.")]
ResponsibleDeptOpt = Annotated[str | None, typer.Option(
    "--responsible-department", help="The responsible person's department.")]
FundingOpt = Annotated[str | None, typer.Option(
    "--funding", help="整改资金 amount (CNY unless --currency).")]
FundingSourceOpt = Annotated[str | None, typer.Option(
    "--funding-source", help="Where the money comes from, e.g. 安全生产费用.")]
CurrencyOpt = Annotated[str | None, typer.Option(
    "--currency", help="ISO currency code (default CNY).")]
DeadlineOpt = Annotated[str | None, typer.Option(
    "--deadline", help="整改时限 YYYY-MM-DD.")]
ContingencyOpt = Annotated[str | None, typer.Option(
    "--contingency-plan", help="应急预案 what protects people until it is fixed.")]
ContractorOpt = Annotated[str | None, typer.Option(
    "--contractor", help="承包单位 contractor doing outsourced work.")]
ContractOpt = Annotated[str | None, typer.Option(
    "--contract", help="Contract number.")]
SupervisorOpt = Annotated[str | None, typer.Option(
    "--supervisor", help="Internal supervisor of the contractor (no 以包代管).")]
AgreementOpt = Annotated[str | None, typer.Option(
    "--safety-agreement", help="安全生产管理协议 number signed with the contractor.")]
RootCauseOpt = Annotated[str | None, typer.Option(
    "--root-cause", help="原因分析: why the hazard arose.")]
CommitOpt = Annotated[bool, typer.Option(
    "--commit", help="Commit exactly the files written, with a message naming the action.")]
InterimOpt = Annotated[list[str] | None, typer.Option(
    "--interim-measure", metavar="TEXT",
    help="临时管控措施 of a major hazard: 停产停用、撤人、警戒 … (repeatable).")]
NoInputOpt = Annotated[bool, typer.Option(
    "--no-input", help="Never prompt; fail listing what is missing.")]


def plan_input(measure: list[str] | None, responsible: str | None,
               responsible_department: str | None, funding: str | None,
               funding_source: str | None, currency: str | None, deadline: str | None,
               contingency_plan: str | None, contractor: str | None, contract: str | None,
               supervisor: str | None, safety_agreement: str | None = None) -> "PlanInput":
    """The plan options of a command as one value (dates and amounts parsed)."""
    from safecheck.lifecycle import PlanInput

    return PlanInput(
        measures=tuple(m.strip() for m in (measure or []) if m.strip()),
        responsible=responsible, responsible_department=responsible_department,
        funding=parse_amount(funding, "--funding"), funding_source=funding_source,
        currency=currency.upper() if currency else None,
        deadline=optional_date(deadline, "--deadline"), contingency_plan=contingency_plan,
        contractor=contractor, contract=contract, supervisor=supervisor,
        safety_agreement=safety_agreement)


def interactive(no_input: bool) -> bool:
    """Prompt only on a terminal, and never with --no-input."""
    import sys

    return not no_input and sys.stdin.isatty()

AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", help="Take this date (YYYY-MM-DD) as today.")]

# Filters shared by list and export.
UnitFilterOpt = Annotated[list[str] | None, typer.Option("--unit", help="Unit code.")]
DomainFilterOpt = Annotated[list[str] | None, typer.Option("--domain", help="Domain id.")]
SourceFilterOpt = Annotated[list[str] | None, typer.Option(
    "--source", help="隐患来源, e.g. district-inspection (repeatable).")]
SourceRefOpt = Annotated[str | None, typer.Option(
    "--source-ref", help="Hazards of this feedback letter or item (part of it).")]
ResponsibleFilterOpt = Annotated[str | None, typer.Option(
    "--responsible", help="Hazards this person answers for.")]
ContractorFilterOpt = Annotated[str | None, typer.Option(
    "--contractor", help="Hazards of this contractor (part of its name).")]
DueWithinOpt = Annotated[int | None, typer.Option(
    "--due-within", min=0, metavar="DAYS",
    help="Open hazards due within DAYS days (overdue ones included).")]
OverdueOpt = Annotated[bool, typer.Option("--overdue", help="Only overdue hazards.")]
InspectionFilterOpt = Annotated[str | None, typer.Option(
    "--inspection", help="Only hazards raised by this inspection run.")]
