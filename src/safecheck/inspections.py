"""Rolling inspections (滚动排查): one checklist walked at one unit, failed items become
hazards, and the coverage of units × domains that audit and report check.

``plan_inspection`` is pure: it validates everything and builds every record in memory.
``record_inspection`` writes them all or, if anything fails, none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from safecheck import atomic, ids, layout, lifecycle, store, yamlio
from safecheck.context import LedgerContext
from safecheck.errors import DataError, Problem, RefusedTransition, SafecheckError
from safecheck.i18n import Msg
from safecheck.loading import located
from safecheck.models.checklist import FREQUENCY_DAYS
from safecheck.models.common import problems_from
from safecheck.models.hazard import Hazard
from safecheck.models.inspection import Inspection, ItemOutcome

PASS, FAIL, NA = "pass", "fail", "na"


@dataclass(frozen=True)
class InspectionInput:
    """What an inspector reports: who, where, when, and each item's result."""

    domain: str
    unit: str
    day: dt.date
    inspectors: tuple[str, ...]
    location: str | None = None
    source: str = "self-inspection"
    department: str | None = None
    #: item id → (result, note); items not listed passed.
    results: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    plan: lifecycle.PlanInput = field(default_factory=lifecycle.PlanInput)
    #: interim control measures for failed major items (item id → measures); "*" applies
    #: to every failed major item without its own.
    interim: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class InspectionPlan:
    """Every record an inspection will write, built and validated in memory."""

    inspection: Inspection
    hazards: tuple[Hazard, ...]


def _check_input(context: LedgerContext, given: InspectionInput, today: dt.date) -> None:
    context.require_unit(given.unit)
    context.require_domain(given.domain)
    context.require_source(given.source)
    if given.day > today:
        raise SafecheckError(f"the inspection date {given.day} is in the future (today is "
                             f"{today})")
    if not any(name.strip() for name in given.inspectors):
        raise SafecheckError("name at least one inspector (--by)")
    checklist = context.checklists[given.domain]
    unknown = [item for item in given.results if checklist.item(item) is None]
    if unknown:
        raise SafecheckError(f"checklist {given.domain} has no item {', '.join(unknown)} "
                             f"(its items: {checklist.items[0].id} … {checklist.items[-1].id})")
    for item, (result, _) in given.results.items():
        if result not in (PASS, FAIL, NA):
            raise SafecheckError(f"{item}: result must be pass, fail or na, not {result!r}")
    if given.location is None and any(r == FAIL for r, _ in given.results.values()):
        raise SafecheckError("failed items become hazards, which need a location "
                             "(--location)")


def plan_inspection(context: LedgerContext, given: InspectionInput, today: dt.date,
                    exists: Callable[[str], bool] = lambda _: False) -> InspectionPlan:
    """Validate the inspection and build its record and one hazard per failed item.

    ``exists`` says whether an ID is already used by a file.
    """
    _check_input(context, given, today)
    checklist = context.checklists[given.domain]
    locale = context.settings.locale
    used: set[str] = set()

    def taken(candidate: str) -> bool:
        return candidate in used or exists(candidate)

    inspection_id = ids.new_inspection_id(given.unit, given.day, given.domain, taken)
    used.add(inspection_id)
    outcomes: list[ItemOutcome] = []
    hazards: list[Hazard] = []
    found_by = "、".join(name.strip() for name in given.inspectors if name.strip())
    for item in checklist.items:
        result, note = given.results.get(item.id, (PASS, None))
        hazard_id = None
        if result == FAIL:
            hazard_id = ids.new_hazard_id(given.unit, given.day, taken)
            used.add(hazard_id)
            text = item.text.get(locale)
            registration = lifecycle.Registration(
                unit=given.unit, domain=given.domain, title=" ".join(text.split()),
                description=(note or text) + "\n", location=given.location,
                level=item.level, source=given.source, found_on=given.day,
                found_by=found_by, department=given.department, checklist_item=item.id,
                inspection=inspection_id, plan=given.plan,
                major=lifecycle.MajorInput(interim_measures=given.interim.get(
                    item.id, given.interim.get("*", ()))))
            try:
                hazards.append(lifecycle.register(registration, hazard_id, context, today))
            except RefusedTransition as exc:
                raise RefusedTransition(Msg("refuse.inspection_item", item=item.id,
                                            reason=exc.reason)) from None
        outcomes.append(ItemOutcome(item=item.id, result=result, notes=note or None,
                                    hazard=hazard_id))
    try:
        inspection = Inspection(
            id=inspection_id, domain=given.domain, unit=given.unit, date=given.day,
            location=given.location, inspectors=[n.strip() for n in given.inspectors
                                                 if n.strip()],
            items=outcomes, hazards=[h.id for h in hazards])
    except ValidationError as exc:
        first = problems_from(exc, inspection_id)[0]
        raise SafecheckError(f"invalid inspection: {first.field}: {first.message}") from None
    return InspectionPlan(inspection, tuple(hazards))


def record_inspection(context: LedgerContext, given: InspectionInput,
                      today: dt.date) -> tuple[InspectionPlan, Path]:
    """Write the inspection and its hazards: everything, or (on any failure) nothing."""
    root = context.root

    def on_disk(candidate: str) -> bool:
        path = (layout.hazard_path(root, candidate) if ids.parse_hazard_id(candidate)
                else layout.inspection_path(root, candidate))
        return path.exists()

    planned = plan_inspection(context, given, today, on_disk)
    written: list[Path] = []
    try:
        for hazard in planned.hazards:
            written.append(store.write_hazard(root, hazard, None))
        path = layout.inspection_path(root, planned.inspection.id)
        atomic.write_text(path, yamlio.dump(planned.inspection.to_data()), expected=None)
        written.append(path)
    except BaseException:
        for path in written:  # our own new files: removing them loses nothing
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
    return planned, path


@dataclass(frozen=True)
class StoredInspection:
    """An inspection record with where it lives."""

    inspection: Inspection
    path: Path
    relpath: str


def load_inspections(root: Path) -> tuple[list[StoredInspection], list[Problem]]:
    """Every inspection record, and a problem for each file that would not load."""
    found: list[StoredInspection] = []
    problems: list[Problem] = []
    for path in layout.inspection_files(root):
        relpath = path.relative_to(root).as_posix()
        try:
            text = yamlio.read_file(path, relpath)
            data = yamlio.load_mapping(text, relpath)
        except DataError as exc:
            problems.append(exc.problem)
            continue
        try:
            inspection = Inspection.model_validate(data)
        except ValidationError as exc:
            problems.extend(located(problems_from(exc, relpath), text))
            continue
        found.append(StoredInspection(inspection, path, relpath))
    return found, problems


@dataclass(frozen=True)
class CoverageCell:
    """The last inspection of one domain at one unit, and whether another is due."""

    unit: str
    domain: str
    frequency: str
    last: dt.date | None
    due: bool
    as_of: dt.date

    @property
    def days_since(self) -> int | None:
        """Days from the last inspection to the day the coverage was computed for."""
        return None if self.last is None else (self.as_of - self.last).days


def coverage(context: LedgerContext, inspections: Iterable[Inspection],
             today: dt.date) -> list[CoverageCell]:
    """Units × the domains that apply to them: last inspection date and due flag.

    A domain is due when it was never inspected at the unit, or its last inspection is
    more than the checklist's period (weekly 7, monthly 31, quarterly 92 days) ago.
    """
    last: dict[tuple[str, str], dt.date] = {}
    for inspection in inspections:
        if inspection.date > today:
            continue
        key = (inspection.unit, inspection.domain)
        if key not in last or inspection.date > last[key]:
            last[key] = inspection.date
    cells = []
    for unit in context.settings.units:
        for domain in context.unit_domains(unit.code):
            checklist = context.checklists[domain]
            seen = last.get((unit.code, domain))
            period = FREQUENCY_DAYS[checklist.frequency]
            due = seen is None or (today - seen).days > period
            cells.append(CoverageCell(unit.code, domain, checklist.frequency, seen, due, today))
    return cells
