"""What a change from one version of a hazard to the next did, as lifecycle steps.

The entries a change appended (rounds, verifications, reopenings, extensions,
corrections, a void) are replayed through the transitions table from the old status.
The change is a lifecycle path only if the replay ends in the new status with nothing
left over: that is how review tells "rectified and closed in one commit" (two steps,
both allowed) from "closed by hand" (a status no step explains).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from safecheck.i18n import Msg
from safecheck.lifecycle.table import STEPS
from safecheck.models.hazard import Hazard
from safecheck.vocab import Result, Status

#: The append-only lists of a hazard (DESIGN.md, "Trust").
APPEND_ONLY = ("extensions", "rectifications", "verifications", "corrections", "reopenings")


@dataclass(frozen=True)
class Taken:
    """One step a change took, with the entry that records it (None for register and
    start, which have no entry of their own)."""

    step: str
    field: str | None = None
    index: int | None = None
    entry: Any = None
    #: The status the hazard was in when the step was taken.
    before: Status | None = None


@dataclass
class Replay:
    """The steps of a change, and why it is not a lifecycle path if it is not."""

    steps: list[Taken] = field(default_factory=list)
    problem: Msg | None = None

    def of(self, step: str) -> list[Taken]:
        """The steps named ``step``."""
        return [t for t in self.steps if t.step == step]


def appended(old: Hazard | None, new: Hazard, name: str) -> list[tuple[int, Any]]:
    """(index, entry) of the entries ``new`` has beyond ``old``'s in list ``name``."""
    start = len(getattr(old, name)) if old is not None else 0
    return list(enumerate(getattr(new, name), start=0))[start:]


def replay(old: Hazard | None, new: Hazard) -> Replay:
    """The steps from ``old`` (None: not yet registered) to ``new``."""
    out = Replay()
    status = old.status if old is not None else Status.REPORTED
    if old is None:
        out.steps.append(Taken("register"))
    rounds = appended(old, new, "rectifications")
    checks = appended(old, new, "verifications")
    reopens = appended(old, new, "reopenings")
    while rounds or checks or reopens:
        if status is Status.REPORTED and new.ready_to_rectify:
            out.steps.append(Taken("start", before=status))
            status = Status.RECTIFYING
            continue
        if status is Status.RECTIFYING and rounds:
            index, entry = rounds.pop(0)
            out.steps.append(Taken("rectify", "rectifications", index, entry, status))
        elif status is Status.VERIFYING and checks:
            index, entry = checks.pop(0)
            name = "close" if entry.result is Result.PASS else "reject"
            out.steps.append(Taken(name, "verifications", index, entry, status))
        elif status is Status.CLOSED and reopens:
            index, entry = reopens.pop(0)
            out.steps.append(Taken("reopen", "reopenings", index, entry, status))
        else:
            out.problem = _stuck(status, rounds, checks, reopens)
            return out
        status = STEPS[out.steps[-1].step].leads_to(status)
    if status is Status.REPORTED and new.status is not Status.REPORTED and new.ready_to_rectify:
        out.steps.append(Taken("start", before=status))
        status = Status.RECTIFYING
    if new.void is not None and (old is None or old.void is None):
        if status not in STEPS["void"].before:
            out.problem = Msg("replay.void_from", status=status)
            return out
        out.steps.append(Taken("void", "void", None, new.void, status))
        status = Status.VOID
    for index, entry in appended(old, new, "extensions"):
        out.steps.append(Taken("extend", "extensions", index, entry))
    for index, entry in appended(old, new, "corrections"):
        out.steps.append(Taken("edit", "corrections", index, entry))
    if status is not new.status:
        out.problem = Msg("replay.status", before=old.status if old else None,
                          after=new.status)
    return out


def _stuck(status: Status, rounds: list[Any], checks: list[Any], reopens: list[Any]) -> Msg:
    if rounds:
        return Msg("replay.round_when", status=status)
    if checks:
        return Msg("replay.verification_when", status=status)
    return Msg("replay.reopen_when", status=status)
