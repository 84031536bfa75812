"""The lifecycle table's cross-field rules, checked on one hazard.

Pydantic checks each field; these rules check that the fields agree with the status and
with each other. They return (field, message) pairs rather than raising, so a loader can
report every broken rule of every file in one run, and lifecycle commands can refuse a
change that would break one.
"""

from __future__ import annotations

from safecheck.models.hazard import Hazard
from safecheck.vocab import Level, Result, Status

Violation = tuple[str, str]

_PART_NAMES = {
    "measures": "measures",
    "responsible": "responsible person",
    "funding": "funding",
    "deadline": "deadline",
    "contingency_plan": "contingency plan",
}


def describe_missing(parts: list[str]) -> str:
    """'measures, deadline' in words people use."""
    return ", ".join(_PART_NAMES[p] for p in parts)


def independence_violation(hazard: Hazard, verifier: str) -> str | None:
    """Why ``verifier`` may not accept this hazard's rectification, or None if they may."""
    if verifier == hazard.responsible:
        return f"{verifier} is the responsible person and cannot verify their own rectification"
    if hazard.rectification and verifier == hazard.rectification.rectified_by:
        return f"{verifier} did the rectification and cannot verify it"
    return None


def violations(hazard: Hazard) -> list[Violation]:
    """Every way ``hazard`` breaks the lifecycle rules; empty when it is consistent."""
    found: list[Violation] = []
    found += _plan_rules(hazard)
    found += _status_rules(hazard)
    found += _date_rules(hazard)
    if hazard.contractor is not None and not hazard.contractor.supervisor:
        found.append(("contractor.supervisor",
                      "outsourced work needs an internal supervisor (no 以包代管)"))
    return found


def _plan_rules(h: Hazard) -> list[Violation]:
    missing = h.plan_missing
    if h.status is Status.VOID or not missing:
        if h.status is Status.REPORTED and not missing:
            return [("status", "the five-in-place plan is complete, so the status should be "
                               "rectifying, not reported")]
        return []
    if h.level is Level.MAJOR:
        return [("plan", "a major hazard needs the complete five-in-place plan from "
                         f"registration; missing: {describe_missing(missing)}")]
    if h.status is not Status.REPORTED:
        return [("plan", f"status {h.status.value} needs the complete five-in-place plan; "
                         f"missing: {describe_missing(missing)}")]
    return []


def _status_rules(h: Hazard) -> list[Violation]:
    found: list[Violation] = []
    status = h.status
    if status is Status.VOID:
        if h.void is None:
            found.append(("void", "a voided hazard needs a void block {reason, by, date}"))
        return found
    if h.void is not None:
        found.append(("void", f"only a voided hazard has a void block (status is {status.value})"))
    last = h.verifications[-1] if h.verifications else None
    if status in (Status.VERIFYING, Status.CLOSED):
        if h.rectification is None:
            found.append(("rectification", f"status {status.value} needs the rectification "
                                           "(completed_on, rectified_by, actions)"))
        if not h.evidence:
            found.append(("documents", f"status {status.value} needs at least one document "
                                       "showing the fix (after or other)"))
    if status is Status.CLOSED:
        if last is None or last.result is not Result.PASS:
            found.append(("verifications", "a closed hazard needs a passing last verification"))
        else:
            why = independence_violation(h, last.by)
            if why:
                found.append((f"verifications.{len(h.verifications) - 1}.by", why))
            if h.reopenings and last.date < h.reopenings[-1].date:
                found.append(("verifications", "the hazard was reopened after its last "
                                               "verification; it needs a new one to close"))
        if h.level is Level.MAJOR and not h.root_cause:
            found.append(("root_cause", "a major hazard needs its root cause before closing"))
    elif last is not None and last.result is Result.PASS and not h.reopenings:
        found.append(("status", f"the last verification passed, so the status should be "
                                f"closed, not {status.value}"))
    return found


def _date_rules(h: Hazard) -> list[Violation]:
    found: list[Violation] = []
    start = h.found_on

    def not_before_found(field: str, day: object) -> None:
        if day is not None and day < start:  # type: ignore[operator]
            found.append((field, f"{day} is before the hazard was found ({start})"))

    if h.plan is not None:
        not_before_found("plan.deadline", h.plan.deadline)
    deadline = h.plan.deadline if h.plan else None
    for i, ext in enumerate(h.extensions):
        not_before_found(f"extensions.{i}.approved_on", ext.approved_on)
        if deadline is None:
            found.append((f"extensions.{i}", "an extension needs a plan deadline to extend"))
        elif ext.to <= deadline:
            found.append((f"extensions.{i}.to",
                          f"an extension must move the deadline later ({ext.to} is not after "
                          f"{deadline})"))
        deadline = ext.to
    if h.rectification is not None:
        not_before_found("rectification.completed_on", h.rectification.completed_on)
    previous = None
    for i, ver in enumerate(h.verifications):
        not_before_found(f"verifications.{i}.date", ver.date)
        if previous is not None and ver.date < previous:
            found.append((f"verifications.{i}.date", "verifications must be in date order"))
        previous = ver.date
    if (h.status is Status.CLOSED and h.rectification is not None and h.verifications
            and h.verifications[-1].date < h.rectification.completed_on):
        found.append((f"verifications.{len(h.verifications) - 1}.date",
                      "the closing verification is dated before the rectification was "
                      f"completed ({h.rectification.completed_on})"))
    for i, reopening in enumerate(h.reopenings):
        not_before_found(f"reopenings.{i}.date", reopening.date)
    if h.void is not None:
        not_before_found("void.date", h.void.date)
    return found
