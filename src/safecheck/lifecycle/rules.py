"""The rules a change must keep, checked the same way by every command (before it
writes) and by review (for every commit in a range): DESIGN.md, "Trust".

``check_change(old, new, settings, recorded_on)`` returns every :class:`Violation`, each
with a rule id that review reports and a message a command refuses with. ``recorded_on``
is the day the change is recorded: today for a command, the commit's day for review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from safecheck.config import Role, Settings
from safecheck.i18n import Msg
from safecheck.lifecycle.replay import APPEND_ONLY, Replay, Taken, replay
from safecheck.models.common import person_key, same_person
from safecheck.models.consistency import Violation, independence_problem, violations
from safecheck.models.hazard import EDITABLE_FIELDS, Correction, Hazard
from safecheck.vocab import Level, Result, Status

#: Registered facts that no command changes at all.
FIXED_FIELDS = ("unit", "inspection", "imported")
#: Major-hazard facts set once and then kept (a failed assessment may be superseded).
WRITE_ONCE_MAJOR = ("basis", "reported_on", "reported_to", "supervised_by", "objectives",
                    "plan_approved_by", "signoff")


def check_change(old: Hazard | None, new: Hazard, settings: Settings,
                 recorded_on: dt.date) -> list[Violation]:
    """Every rule the change from ``old`` (None: a new record) to ``new`` breaks."""
    found = list(violations(new))
    path = replay(old, new)
    if path.problem is not None:
        found.append(Violation("status-jump", "status", path.problem))
    if old is not None:
        found += _kept(old, new, path)
    found += _dates(path, new, old, settings, recorded_on)
    found += _people(path, new, old, settings)
    found += _closures(path, new, old, settings)
    return found


def root_cause_required(hazard: Hazard, settings: Settings, *, major: bool = False) -> bool:
    """Whether closing ``hazard`` needs its root cause: a major hazard (or one that was
    major before this change), or a source the organisation traces to its roots."""
    return major or hazard.is_major or hazard.source in settings.root_cause_sources


def closure_problems(hazard: Hazard, settings: Settings, *, was_major: bool = False
                     ) -> list[Violation]:
    """What a hazard still lacks to be signed off, besides a passing verification."""
    found: list[Violation] = []
    if root_cause_required(hazard, settings, major=was_major) and not hazard.root_cause:
        found.append(Violation("root-cause", "root_cause", Msg("rule.root_cause")))
    if hazard.is_major or was_major:
        major = hazard.major
        assessment = major.assessment if major else None
        if assessment is None or assessment.result is not Result.PASS:
            found.append(Violation("major-closure", "major.assessment",
                                   Msg("rule.major.assessment")))
        if major is not None and major.supervised_by and major.signoff is None:
            found.append(Violation("major-closure", "major.signoff",
                                   Msg("rule.major.signoff", authority=major.supervised_by)))
    return found


# --- what a change may not touch ---------------------------------------------------------
def _kept(old: Hazard, new: Hazard, path: Replay) -> list[Violation]:
    found: list[Violation] = []
    for name in APPEND_ONLY:
        before, after = getattr(old, name), getattr(new, name)
        for i, entry in enumerate(before):
            if i >= len(after) or after[i] != entry:
                found.append(Violation("append-only", f"{name}.{i}",
                                       Msg("rule.append_only", field=Msg(f"field.{name}"))))
                break
    if old.void is not None and new.void != old.void:
        found.append(Violation("append-only", "void", Msg("rule.append_only",
                                                          field=Msg("field.void"))))
    found += _major_kept(old, new)
    reopened = bool(path.of("reopen"))
    if old.status is Status.CLOSED and not reopened and _differs(old, new):
        found.append(Violation("closed-edited", "status", Msg("rule.closed_edited")))
    if old.status is Status.CLOSED and not reopened and old.documents != new.documents:
        found.append(Violation("documents-sealed", "documents", Msg("rule.documents_sealed")))
    old_deadline = old.plan.deadline if old.plan else None
    new_deadline = new.plan.deadline if new.plan else None
    if old_deadline is not None and new_deadline != old_deadline:
        found.append(Violation("deadline-moved", "plan.deadline",
                               Msg("rule.deadline_moved", old=old_deadline,
                                   new=new_deadline or "—")))
    found += _facts_kept(old, new, path)
    return found


def _major_kept(old: Hazard, new: Hazard) -> list[Violation]:
    if old.major is None:
        return []
    found: list[Violation] = []
    after = new.major
    before_measures = old.major.interim_measures
    if after is None or after.interim_measures[:len(before_measures)] != before_measures:
        found.append(Violation("append-only", "major.interim_measures",
                               Msg("rule.append_only", field=Msg("field.interim_measures"))))
    for name in WRITE_ONCE_MAJOR:
        value = getattr(old.major, name)
        if value is not None and (after is None or getattr(after, name) != value):
            found.append(Violation("append-only", f"major.{name}",
                                   Msg("rule.write_once", field=Msg(f"field.{name}"))))
    assessment = old.major.assessment
    if (assessment is not None and assessment.result is Result.PASS
            and (after is None or after.assessment != assessment)):
        found.append(Violation("append-only", "major.assessment",
                               Msg("rule.write_once", field=Msg("field.assessment"))))
    return found


def _differs(old: Hazard, new: Hazard) -> bool:
    return old.to_data() != new.to_data()


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _facts_kept(old: Hazard, new: Hazard, path: Replay) -> list[Violation]:
    """Registered facts change only through a correction that logs old and new."""
    found: list[Violation] = []
    logged: dict[str, tuple[str | None, str | None]] = {}
    approved_downgrade: Correction | None = None
    for taken in path.of("edit"):
        correction: Correction = taken.entry
        for name, (before, after) in correction.fields.items():
            logged.setdefault(name, (before, after))
            logged[name] = (logged[name][0], after)
        if "level" in correction.fields and correction.approved_by:
            approved_downgrade = correction
    for name in (*EDITABLE_FIELDS, *FIXED_FIELDS):
        before, after = _as_text(getattr(old, name)), _as_text(getattr(new, name))
        if before == after:
            continue
        entry = logged.get(name)
        if name in FIXED_FIELDS or entry is None or entry != (before, after):
            found.append(Violation("uncorrected-edit", name,
                                   Msg("rule.uncorrected", field=Msg(f"field.{name}"))))
    if old.level is Level.MAJOR and new.level is not Level.MAJOR and (
            approved_downgrade is None):
        found.append(Violation("downgrade", "level", Msg("rule.downgrade")))
    return found


# --- dates against the day the change is recorded ---------------------------------------
def _dated(path: Replay, new: Hazard, old: Hazard | None) -> Iterator[tuple[str, dt.date]]:
    for taken in path.steps:
        if taken.entry is None or taken.field is None:
            continue
        suffix = "" if taken.index is None else f".{taken.index}"
        entry = taken.entry
        day = getattr(entry, "approved_on", None) or getattr(entry, "completed_on", None) \
            or getattr(entry, "date", None)
        if isinstance(day, dt.date):
            yield f"{taken.field}{suffix}", day
    was = old.major if old is not None else None
    if new.major is not None:
        for name, day in (("reported_on", new.major.reported_on),
                          ("assessment", new.major.assessment and new.major.assessment.date),
                          ("signoff", new.major.signoff and new.major.signoff.date)):
            before = getattr(was, name, None) if was is not None else None
            before_day = getattr(before, "date", before)
            if isinstance(day, dt.date) and day != before_day:
                yield f"major.{name}", day


def _dates(path: Replay, new: Hazard, old: Hazard | None, settings: Settings,
           recorded_on: dt.date) -> list[Violation]:
    found: list[Violation] = []
    earliest = recorded_on - dt.timedelta(days=settings.late_entry_days)
    for name, day in _dated(path, new, old):
        if day > recorded_on:
            found.append(Violation("future-entry", name,
                                   Msg("rule.future", date=day, recorded=recorded_on)))
        elif day < earliest:
            found.append(Violation("late-entry", name,
                                   Msg("rule.late", date=day, recorded=recorded_on,
                                       days=settings.late_entry_days)))
    return found


# --- who may do what ---------------------------------------------------------------------
def _named(path: Replay, new: Hazard, old: Hazard | None
           ) -> Iterator[tuple[str, str, Role | None, Taken | None]]:
    """(field, name, role the name must have, step) for every person a change names."""
    if old is None or old.found_by != new.found_by:
        for name in new.found_by.replace(",", "、").split("、"):
            if name.strip():
                yield "found_by", name, None, None
    if new.responsible and (old is None or not same_person(old.responsible, new.responsible)):
        yield "plan.responsible.person", new.responsible, None, None
    supervisor = new.contractor.supervisor if new.contractor else None
    old_supervisor = old.contractor.supervisor if old and old.contractor else None
    if supervisor and not same_person(supervisor, old_supervisor):
        yield "contractor.supervisor", supervisor, None, None
    approver = new.major.plan_approved_by if new.major else None
    if approver and not (old and old.major and old.major.plan_approved_by):
        yield "major.plan_approved_by", approver, "approver", None
    for taken in path.steps:
        entry = taken.entry
        where = f"{taken.field}.{taken.index}" if taken.index is not None else taken.field or ""
        if taken.step == "extend":
            yield f"{where}.approved_by", entry.approved_by, "approver", taken
        elif taken.step in ("close", "reject"):
            yield f"{where}.by", entry.by, "verifier", taken
        elif taken.step in ("reopen", "void"):
            yield f"{where}.by", entry.by, "manager", taken
        elif taken.step == "rectify":
            yield f"{where}.by", entry.by, None, taken
        elif taken.step == "edit":
            yield f"{where}.by", entry.by, None, taken
            if entry.approved_by:
                yield f"{where}.approved_by", entry.approved_by, "approver", taken


def _people(path: Replay, new: Hazard, old: Hazard | None,
            settings: Settings) -> list[Violation]:
    found: list[Violation] = []
    responsible = person_key(new.responsible or (old.responsible if old else None))
    for field, name, role, taken in _named(path, new, old):
        if settings.has_roster and settings.person(name) is None:
            found.append(Violation("unknown-person", field, Msg("rule.not_on_roster",
                                                                 name=name)))
            continue
        if role is not None and not settings.may(name, role, new.unit if role == "verifier"
                                                 else None):
            found.append(Violation("role", field, Msg("rule.role", name=name,
                                                      role=Msg(f"role.{role}"), unit=new.unit)))
        if taken is None:
            continue
        if taken.step in ("close", "reject"):
            why = independence_problem(_as_of(new, taken), name)
            if why is not None:
                found.append(Violation("independence", field, why))
        elif ((taken.step in ("extend", "void") or field.endswith("approved_by"))
              and responsible and person_key(name) == responsible):
            found.append(Violation("independence", field,
                                   Msg(f"rule.independent.{taken.step}", name=name)))
    return found


def _as_of(new: Hazard, taken: Taken) -> Hazard:
    """``new`` as it stood when a verification was made: only the rounds before it
    count as its rectifiers (a later round's rectifier may have verified an earlier
    round)."""
    assert taken.index is not None
    ver = new.verifications[taken.index]
    rounds = tuple(r for r in new.rectifications if r.completed_on <= ver.date)
    return new.model_copy(update={"rectifications": rounds or new.rectifications})


# --- closing needs more than a pass --------------------------------------------------------
def _closures(path: Replay, new: Hazard, old: Hazard | None,
              settings: Settings) -> list[Violation]:
    if not path.of("close") or new.status is not Status.CLOSED:
        return []
    was_major = old is not None and old.is_major
    return closure_problems(new, settings, was_major=was_major)
