"""The lifecycle table's rules on one hazard file: the fields agree with the status and
with each other.

They return :class:`Violation` values rather than raising, so a loader reports every
broken rule of every file in one run and lifecycle commands refuse a change that would
break one. Rules about *changes* (who did what, append-only lists, deadlines moving)
need two versions and live in :mod:`safecheck.lifecycle.rules`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safecheck.i18n import Msg
from safecheck.models.common import person_key
from safecheck.models.hazard import Hazard
from safecheck.vocab import Result, Status


@dataclass(frozen=True)
class Violation:
    """A broken rule: its id, the dotted field it is about, and what is wrong."""

    rule: str
    field: str
    message: Msg


def _v(field: str, key: str, **params: object) -> Violation:
    return Violation("invalid", field, Msg(key, **params))


def describe_missing(parts: list[str]) -> Msg:
    """"measures, deadline" in the words people use, as a message."""
    return Msg("list", items=[Msg(f"part.{p.removeprefix('major.')}") for p in parts])


def independence_problem(hazard: Hazard, verifier: str) -> Msg | None:
    """Why ``verifier`` may not judge this hazard's rectification, or None if they may:
    neither the responsible person nor anyone who did a round of it (names normalised)."""
    key = person_key(verifier)
    if key and key == person_key(hazard.responsible):
        return Msg("rule.independent.responsible", name=verifier)
    if key and any(key == person_key(by) for by in hazard.rectifiers):
        return Msg("rule.independent.rectifier", name=verifier)
    return None


def violations(hazard: Hazard) -> list[Violation]:
    """Every way ``hazard`` breaks the lifecycle rules; empty when it is consistent."""
    found: list[Violation] = []
    found += _plan_rules(hazard)
    found += _major_rules(hazard)
    found += _status_rules(hazard)
    found += _date_rules(hazard)
    if hazard.contractor is not None and not hazard.contractor.supervisor:
        found.append(_v("contractor.supervisor", "rule.contractor.supervisor"))
    return found


def _plan_rules(h: Hazard) -> list[Violation]:
    if h.status is Status.VOID:
        return []
    missing = h.plan.missing() if h.plan else ["measures", "responsible", "funding",
                                                "deadline", "contingency_plan"]
    if h.status is Status.REPORTED:
        if h.ready_to_rectify:
            return [_v("status", "rule.status.should_rectify")]
        return []
    if missing:
        return [_v("plan", "rule.plan.incomplete", status=h.status,
                   missing=describe_missing(missing))]
    return []


def _major_rules(h: Hazard) -> list[Violation]:
    if not h.is_major:
        return []
    if h.major is None or not h.major.interim_measures:
        return [_v("major.interim_measures", "rule.major.interim")]
    return []


def _status_rules(h: Hazard) -> list[Violation]:
    found: list[Violation] = []
    status = h.status
    if status is Status.VOID:
        if h.void is None:
            found.append(_v("void", "rule.void.block"))
        return found
    if h.void is not None:
        found.append(_v("void", "rule.void.only_void", status=status))
    docs = h.documents
    listed = set(docs.after + docs.other) if docs else set()
    for i, round_ in enumerate(h.rectifications):
        stray = [d for d in round_.documents if d not in listed]
        if stray:
            found.append(_v(f"rectifications.{i}.documents", "rule.round.documents",
                            names=stray))
    last = h.verifications[-1] if h.verifications else None
    if status in (Status.VERIFYING, Status.CLOSED):
        latest = h.last_round
        if latest is None:
            found.append(_v("rectifications", "rule.status.needs_round", status=status))
        elif not latest.documents and not h.evidence:
            found.append(_v(f"rectifications.{len(h.rectifications) - 1}.documents",
                            "rule.status.needs_evidence", status=status))
    reopened_after = bool(h.reopenings and last is not None
                          and h.reopenings[-1].date >= last.date)
    if status is Status.CLOSED:
        if last is None or last.result is not Result.PASS:
            found.append(_v("verifications", "rule.closed.needs_pass"))
        else:
            why = independence_problem(h, last.by)
            if why is not None:
                found.append(Violation("invalid", f"verifications.{len(h.verifications) - 1}.by",
                                       why))
            if h.reopenings and last.date < h.reopenings[-1].date:
                found.append(_v("verifications", "rule.closed.after_reopen"))
    elif last is not None and last.result is Result.PASS and not reopened_after:
        found.append(_v("status", "rule.status.should_close", status=status))
    if status is Status.VERIFYING and last is not None and h.last_round is not None \
            and h.last_round.completed_on < last.date:
        found.append(_v(f"rectifications.{len(h.rectifications) - 1}.completed_on",
                        "rule.round.before_verification", date=last.date))
    return found


def _date_rules(h: Hazard) -> list[Violation]:
    found: list[Violation] = []
    start = h.found_on

    def not_before_found(field: str, day: dt.date | None) -> None:
        if day is not None and day < start:
            found.append(_v(field, "rule.date.before_found", date=day, found=start))

    def in_order(field: str, days: list[dt.date], key: str) -> None:
        for i in range(1, len(days)):
            if days[i] < days[i - 1]:
                found.append(_v(f"{field}.{i}", key))

    if h.plan is not None:
        not_before_found("plan.deadline", h.plan.deadline)
    deadline = h.plan.deadline if h.plan else None
    for i, ext in enumerate(h.extensions):
        not_before_found(f"extensions.{i}.approved_on", ext.approved_on)
        if deadline is None:
            found.append(_v(f"extensions.{i}", "rule.extension.no_deadline"))
        elif ext.to <= deadline:
            found.append(_v(f"extensions.{i}.to", "rule.extension.later", to=ext.to,
                            deadline=deadline))
        deadline = ext.to
    in_order("extensions", [e.approved_on for e in h.extensions], "rule.date.order")
    for i, round_ in enumerate(h.rectifications):
        not_before_found(f"rectifications.{i}.completed_on", round_.completed_on)
    in_order("rectifications", [r.completed_on for r in h.rectifications], "rule.date.order")
    for i, ver in enumerate(h.verifications):
        not_before_found(f"verifications.{i}.date", ver.date)
    in_order("verifications", [v.date for v in h.verifications], "rule.date.order")
    latest = h.last_round
    if (h.status is Status.CLOSED and latest is not None and h.verifications
            and h.verifications[-1].date < latest.completed_on):
        found.append(_v(f"verifications.{len(h.verifications) - 1}.date",
                        "rule.closed.before_round", date=latest.completed_on))
    for i, reopening in enumerate(h.reopenings):
        not_before_found(f"reopenings.{i}.date", reopening.date)
        if reopening.deadline is not None and reopening.deadline < reopening.date:
            found.append(_v(f"reopenings.{i}.deadline", "rule.reopen.deadline_past",
                            deadline=reopening.deadline, date=reopening.date))
    in_order("reopenings", [r.date for r in h.reopenings], "rule.date.order")
    in_order("corrections", [c.date for c in h.corrections], "rule.date.order")
    if h.major is not None:
        not_before_found("major.reported_on", h.major.reported_on)
        if h.major.assessment is not None:
            not_before_found("major.assessment.date", h.major.assessment.date)
        if h.major.signoff is not None:
            not_before_found("major.signoff.date", h.major.signoff.date)
    if h.void is not None:
        not_before_found("void.date", h.void.date)
    return found
