"""Inspections (排查): one checklist walked at one unit, recording only what was checked.

``plan_inspection`` is pure: it validates everything and builds every record in memory —
the run, a hazard of its own for each failed item (titled with the defect found, at its
own location, at the level the unit's regimes suggest), or a link to the hazard already
open for the same item at the same place. ``record_inspection`` writes them all or none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from safecheck import ids, layout, lifecycle, store, yamlio
from safecheck.context import LedgerContext
from safecheck.errors import DataError, Problem, RefusedTransition, SafecheckError
from safecheck.i18n import Msg
from safecheck.loading import located
from safecheck.models.checklist import Checklist, ChecklistItem
from safecheck.models.common import clean_name, person_key, problems_from
from safecheck.models.hazard import Hazard
from safecheck.models.inspection import Inspection, ItemOutcome

PASS, FAIL, NA, UNCHECKED = "pass", "fail", "na", "unchecked"


@dataclass(frozen=True)
class Outcome:
    """What the inspector says of one item: the result, a note (for a failure: the defect
    found, which becomes the hazard's title) and where (隐患部位)."""

    result: str
    note: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class InspectionInput:
    """What an inspector reports: which checklist, who, where, when, each item's result."""

    checklist: str
    unit: str
    day: dt.date
    inspectors: tuple[str, ...]
    location: str | None = None
    source: str = "self-inspection"
    department: str | None = None
    #: item id → outcome; items not listed were not checked (unless ``all_pass``).
    results: dict[str, Outcome] = field(default_factory=dict)
    #: "every item not listed passed", said explicitly (--all-pass).
    all_pass: bool = False
    permit: str | None = None
    campaign: str | None = None
    #: A plan for the hazard raised, only when exactly one item fails.
    plan: lifecycle.PlanInput = field(default_factory=lifecycle.PlanInput)
    #: interim control measures of failed major items (item id → measures); "*" applies
    #: to every failed major item without its own.
    interim: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class InspectionPlan:
    """Every record an inspection will write, built and validated in memory."""

    inspection: Inspection
    hazards: tuple[Hazard, ...]
    #: Open hazards a failed item recurred at (linked, not registered again).
    recurrences: tuple[Hazard, ...] = ()


def applicable(context: LedgerContext, checklist: Checklist, unit: str) -> list[ChecklistItem]:
    """The checklist's items that apply to ``unit`` (its regimes, ``only_for``)."""
    regimes = context.settings.regimes_of(unit)
    return [item for item in checklist.items if item.applies_to(regimes)]


def _refuse(reason: Msg) -> SafecheckError:
    return SafecheckError(Msg("inspect.refused", reason=reason))


def _check_input(context: LedgerContext, given: InspectionInput, today: dt.date) -> Checklist:
    context.require_unit(given.unit)
    checklist = context.checklist(given.checklist)
    context.require_source(given.source)
    if given.day > today:
        raise _refuse(Msg("rule.future", date=given.day, recorded=today))
    if not any(name.strip() for name in given.inspectors):
        raise _refuse(Msg("inspect.no_inspector"))
    if checklist.per_job and not given.permit:
        raise _refuse(Msg("inspect.permit_needed", checklist=checklist.id))
    if not checklist.per_job and given.permit:
        raise _refuse(Msg("inspect.permit_periodic", checklist=checklist.id))
    if given.campaign is not None:
        campaign = context.settings.campaign(given.campaign)
        if campaign is None:
            raise _refuse(Msg("inspect.no_campaign", campaign=given.campaign))
        if not campaign.start <= given.day <= campaign.to:
            raise _refuse(Msg("inspect.outside_campaign", campaign=campaign.id,
                              start=campaign.start, to=campaign.to))
    items = {i.id: i for i in applicable(context, checklist, given.unit)}
    for item_id, outcome in given.results.items():
        if checklist.item(item_id) is None:
            raise _refuse(Msg("inspect.no_item", checklist=checklist.id, item=item_id,
                              first=checklist.items[0].id, last=checklist.items[-1].id))
        if item_id not in items:
            raise _refuse(Msg("inspect.not_for_unit", item=item_id, unit=given.unit))
        if outcome.result not in (PASS, FAIL, NA, UNCHECKED):
            raise _refuse(Msg("inspect.bad_result", item=item_id, result=outcome.result))
    failed = [i for i, o in given.results.items() if o.result == FAIL]
    if len(failed) > 1 and not given.plan.is_empty():
        raise _refuse(Msg("inspect.one_plan", count=len(failed)))
    return checklist


def _same_place(a: str, b: str) -> bool:
    return person_key(a) == person_key(b)


def _recurring(open_hazards: Iterable[Hazard], unit: str, item: str,
               location: str) -> Hazard | None:
    """The open hazard of the same unit, checklist item and place, if there is one."""
    return next((h for h in open_hazards if h.is_open and h.unit == unit
                 and h.checklist_item == item and _same_place(h.location, location)), None)


def plan_inspection(context: LedgerContext, given: InspectionInput, today: dt.date,
                    exists: Callable[[str], bool] = lambda _: False,
                    open_hazards: Iterable[Hazard] = ()) -> InspectionPlan:
    """Validate the inspection and build its record and the hazards it raises.

    ``exists`` says whether an ID is already used by a file; ``open_hazards`` are the
    ledger's open hazards, for recurrences.
    """
    checklist = _check_input(context, given, today)
    locale = context.settings.locale
    regimes = context.settings.regimes_of(given.unit)
    used: set[str] = set()
    candidates = list(open_hazards)

    def taken(candidate: str) -> bool:
        return candidate in used or exists(candidate)

    inspection_id = ids.new_inspection_id(given.unit, given.day, checklist.id, taken)
    used.add(inspection_id)
    outcomes: list[ItemOutcome] = []
    hazards: list[Hazard] = []
    recurrences: list[Hazard] = []
    inspectors = [clean_name(n) for n in given.inspectors if n.strip()]
    failures = sum(1 for o in given.results.values() if o.result == FAIL)
    for item in applicable(context, checklist, given.unit):
        outcome = given.results.get(item.id, Outcome(PASS if given.all_pass else UNCHECKED))
        hazard_id, recurrence = None, False
        location = outcome.location or given.location
        if outcome.result == FAIL:
            title = outcome.note or (item.defect.get(locale) if item.defect else None)
            if not title:
                raise _refuse(Msg("inspect.no_defect", item=item.id))
            if not location:
                raise _refuse(Msg("inspect.no_location", item=item.id))
            earlier = _recurring([*candidates, *hazards], given.unit, item.id, location)
            if earlier is not None:
                hazard_id, recurrence = earlier.id, True
                recurrences.append(earlier)
            else:
                hazard_id = ids.new_hazard_id(given.unit, given.day, taken)
                used.add(hazard_id)
                hazards.append(_register(context, given, item, regimes, hazard_id,
                                         inspection_id, title, location, inspectors,
                                         given.plan if failures == 1 else None, today))
        outcomes.append(ItemOutcome(
            item=item.id, result=outcome.result, notes=outcome.note or None,
            location=location if outcome.result == FAIL and location != given.location
            else None, hazard=hazard_id, recurrence=recurrence))
    try:
        inspection = Inspection(
            id=inspection_id, checklist=checklist.id, domain=checklist.domain,
            unit=given.unit, date=given.day, location=given.location, inspectors=inspectors,
            permit=given.permit, campaign=given.campaign, items=outcomes,
            hazards=[h.id for h in hazards])
    except ValidationError as exc:
        first = problems_from(exc, inspection_id)[0]
        raise _refuse(Msg("refuse.field", field=first.field or "", problem=first.message)
                      ) from None
    return InspectionPlan(inspection, tuple(hazards), tuple(recurrences))


def _register(context: LedgerContext, given: InspectionInput, item: ChecklistItem,
              regimes: list[str], hazard_id: str, inspection_id: str, title: str,
              location: str, inspectors: list[str], plan: lifecycle.PlanInput | None,
              today: dt.date) -> Hazard:
    locale = context.settings.locale
    level, basis = item.suggested(regimes)
    measures = given.interim.get(item.id, given.interim.get("*", ()))
    requirement = " ".join(item.text.get(locale).split())
    registration = lifecycle.Registration(
        unit=given.unit, domain=context.checklist(given.checklist).domain,
        title=" ".join(title.split()), description=f"{requirement}\n",
        location=location, level=level, source=given.source, found_on=given.day,
        found_by="、".join(inspectors), department=given.department,
        checklist_item=item.id, inspection=inspection_id,
        plan=plan or lifecycle.PlanInput(),
        major=lifecycle.MajorInput(basis=basis, interim_measures=measures))
    try:
        return lifecycle.register(registration, hazard_id, context, today)
    except RefusedTransition as exc:
        raise RefusedTransition(Msg("refuse.inspection_item", item=item.id,
                                    reason=exc.reason)) from None


def record_inspection(context: LedgerContext, given: InspectionInput, today: dt.date,
                      commit: bool = False) -> tuple[InspectionPlan, Path, str | None]:
    """Write the inspection and its hazards: everything, or (on any failure) nothing."""
    root = context.root

    def on_disk(candidate: str) -> bool:
        path = (layout.hazard_path(root, candidate) if ids.parse_hazard_id(candidate)
                else layout.inspection_path(root, candidate))
        return path.exists()

    with store.writing(root):
        open_hazards = [s.hazard for s in store.load_ledger(root).hazards
                        if s.hazard.unit == given.unit and s.hazard.is_open]
        planned = plan_inspection(context, given, today, on_disk, open_hazards)
        written: list[Path] = []
        try:
            for hazard in planned.hazards:
                written.append(store.write_hazard(root, hazard, None))
            path = layout.inspection_path(root, planned.inspection.id)
            store.write_record(root, path, yamlio.dump(planned.inspection.to_data()),
                               expected=None)
            written.append(path)
        except BaseException:
            for done in written:  # our own new files: removing them loses nothing
                with contextlib.suppress(FileNotFoundError):
                    done.unlink()
            raise
        sha = None
        if commit:
            from safecheck.changes import commit_files

            sha = commit_files(context, Msg("commit.inspection", id=planned.inspection.id,
                                            failed=len(planned.inspection.failed)), written)
    return planned, path, sha


@dataclass(frozen=True)
class StoredInspection:
    """An inspection record with where it lives and the text it was read from."""

    inspection: Inspection
    path: Path
    relpath: str
    text: str = ""


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
        found.append(StoredInspection(inspection, path, relpath, text))
    return found, problems
