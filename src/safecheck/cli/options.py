"""Option types and option parsing shared by the command modules."""

# No `from __future__ import annotations`: see cmd_records.py.

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.runtime import optional_date, parse_amount
from safecheck.vocab import Level, Locale, Status

if TYPE_CHECKING:
    from safecheck.lifecycle import PlanInput


class TextOrJson(StrEnum):
    """Output for people, or JSON."""

    TEXT = "text"
    JSON = "json"


# Every help= and metavar= is a catalogue key (cli/help.py puts the words in place).
IdArg = Annotated[str, typer.Argument(help="opt.hazard_id", metavar="metavar.id")]
FormatOpt = Annotated[TextOrJson, typer.Option("--format", help="opt.format")]
OnOpt = Annotated[str | None, typer.Option("--on", help="opt.on", metavar="metavar.date")]
DocumentOpt = Annotated[list[Path] | None, typer.Option(
    "--document", metavar="metavar.file", help="opt.document", dir_okay=False)]

# The five in place (五到位) and contractor options, shared by new-hazard and plan.
MeasureOpt = Annotated[list[str] | None, typer.Option(
    "--measure", metavar="metavar.text", help="opt.measure")]
ResponsibleOpt = Annotated[str | None, typer.Option(
    "--responsible", help="opt.responsible", metavar="metavar.person")]
ResponsibleDeptOpt = Annotated[str | None, typer.Option(
    "--responsible-department", help="opt.responsible_department", metavar="metavar.name")]
FundingOpt = Annotated[str | None, typer.Option(
    "--funding", help="opt.funding", metavar="metavar.amount")]
FundingSourceOpt = Annotated[str | None, typer.Option(
    "--funding-source", help="opt.funding_source", metavar="metavar.text")]
CurrencyOpt = Annotated[str | None, typer.Option(
    "--currency", help="opt.currency", metavar="metavar.currency")]
DeadlineOpt = Annotated[str | None, typer.Option(
    "--deadline", help="opt.deadline", metavar="metavar.date")]
ContingencyOpt = Annotated[str | None, typer.Option(
    "--contingency-plan", help="opt.contingency_plan", metavar="metavar.text")]
ContractorOpt = Annotated[str | None, typer.Option(
    "--contractor", help="opt.contractor", metavar="metavar.name")]
ContractOpt = Annotated[str | None, typer.Option(
    "--contract", help="opt.contract", metavar="metavar.number")]
SupervisorOpt = Annotated[str | None, typer.Option(
    "--supervisor", help="opt.supervisor", metavar="metavar.person")]
AgreementOpt = Annotated[str | None, typer.Option(
    "--safety-agreement", help="opt.safety_agreement", metavar="metavar.number")]
RootCauseOpt = Annotated[str | None, typer.Option(
    "--root-cause", help="opt.root_cause", metavar="metavar.text")]
CommitOpt = Annotated[bool, typer.Option("--commit", help="opt.commit")]
InterimOpt = Annotated[list[str] | None, typer.Option(
    "--interim-measure", metavar="metavar.text", help="opt.interim_measure")]
NoInputOpt = Annotated[bool, typer.Option("--no-input", help="opt.no_input")]
VerifiedByOpt = Annotated[str, typer.Option(
    "--verified-by", help="opt.verified_by", metavar="metavar.person")]

# The facts of a hazard, shared by new-hazard and edit.
UnitOpt = Annotated[str | None, typer.Option("--unit", help="opt.unit", metavar="metavar.code")]
DomainOpt = Annotated[str | None, typer.Option(
    "--domain", help="opt.domain", metavar="metavar.domain")]
TitleOpt = Annotated[str | None, typer.Option("--title", help="opt.title", metavar="metavar.text")]
DescriptionOpt = Annotated[str | None, typer.Option(
    "--description", help="opt.description", metavar="metavar.text")]
LocationOpt = Annotated[str | None, typer.Option(
    "--location", help="opt.location", metavar="metavar.text")]
LevelOpt = Annotated[Level | None, typer.Option("--level", help="opt.level")]
SourceOpt = Annotated[str | None, typer.Option(
    "--source", help="opt.source", metavar="metavar.source")]
SourceRefFactOpt = Annotated[str | None, typer.Option(
    "--source-ref", help="opt.source_ref", metavar="metavar.text")]
FoundOnOpt = Annotated[str | None, typer.Option(
    "--found-on", help="opt.found_on", metavar="metavar.date")]
FoundByOpt = Annotated[str | None, typer.Option(
    "--found-by", help="opt.found_by", metavar="metavar.person")]
DepartmentOpt = Annotated[str | None, typer.Option(
    "--department", help="opt.department", metavar="metavar.name")]
ChecklistItemOpt = Annotated[str | None, typer.Option(
    "--checklist-item", help="opt.checklist_item", metavar="metavar.item")]
BasisOpt = Annotated[str | None, typer.Option("--basis", help="opt.basis", metavar="metavar.text")]
LangOpt = Annotated[Locale | None, typer.Option("--lang", help="opt.lang")]


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
    "--as-of", help="opt.as_of", metavar="metavar.date")]

# Filters shared by list and export.
UnitFilterOpt = Annotated[list[str] | None, typer.Option(
    "--unit", help="opt.unit_filter", metavar="metavar.code")]
DomainFilterOpt = Annotated[list[str] | None, typer.Option(
    "--domain", help="opt.domain_filter", metavar="metavar.domain")]
LevelFilterOpt = Annotated[list[Level] | None, typer.Option("--level", help="opt.level_filter")]
StatusFilterOpt = Annotated[list[Status] | None, typer.Option(
    "--status", help="opt.status_filter")]
SourceFilterOpt = Annotated[list[str] | None, typer.Option(
    "--source", help="opt.source_filter", metavar="metavar.source")]
SourceRefOpt = Annotated[str | None, typer.Option(
    "--source-ref", help="opt.source_ref_filter", metavar="metavar.text")]
ResponsibleFilterOpt = Annotated[str | None, typer.Option(
    "--responsible", help="opt.responsible_filter", metavar="metavar.person")]
ContractorFilterOpt = Annotated[str | None, typer.Option(
    "--contractor", help="opt.contractor_filter", metavar="metavar.name")]
DueWithinOpt = Annotated[int | None, typer.Option(
    "--due-within", min=0, metavar="metavar.days", help="opt.due_within")]
OverdueOpt = Annotated[bool, typer.Option("--overdue", help="opt.overdue")]
InspectionFilterOpt = Annotated[str | None, typer.Option(
    "--inspection", help="opt.inspection_filter", metavar="metavar.run")]
