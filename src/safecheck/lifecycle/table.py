"""The one table of transitions (DESIGN.md, "Lifecycle"): which step takes a hazard
from which status to which, and who must be named for it.

Commands ask :func:`require` before they change a record; review and the rules replay a
change through :data:`STEPS` (see :mod:`safecheck.lifecycle.replay`). Nothing else
knows which status follows which.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecheck.config import Role
from safecheck.errors import RefusedTransition
from safecheck.i18n import Msg
from safecheck.vocab import OPEN_STATUSES, Status

OPEN = OPEN_STATUSES


@dataclass(frozen=True)
class Step:
    """A lifecycle step: the statuses it applies to, where it leads, who is named."""

    name: str
    before: frozenset[Status]
    after: Status | None          # None: the status does not change
    role: Role | None = None      # the role of the person the step names

    def leads_to(self, status: Status) -> Status:
        """The status after this step from ``status``."""
        return self.after or status


STEPS: dict[str, Step] = {s.name: s for s in (
    Step("register", frozenset(), Status.REPORTED),
    # a complete five in place (and, for a major hazard, its governance plan)
    Step("plan", frozenset({Status.REPORTED, Status.RECTIFYING}), None),
    Step("start", frozenset({Status.REPORTED}), Status.RECTIFYING),
    Step("major", OPEN, None),
    Step("extend", OPEN, None, "approver"),
    Step("rectify", frozenset({Status.RECTIFYING}), Status.VERIFYING),
    Step("close", frozenset({Status.VERIFYING}), Status.CLOSED, "verifier"),
    Step("reject", frozenset({Status.VERIFYING}), Status.RECTIFYING, "verifier"),
    Step("reopen", frozenset({Status.CLOSED}), Status.RECTIFYING, "manager"),
    Step("void", OPEN, Status.VOID, "manager"),
    Step("edit", OPEN, None),
    Step("attach", OPEN, None),
)}


def require(step: str, status: Status, hazard_id: str) -> Step:
    """The step, or a refusal saying which statuses it needs."""
    found = STEPS[step]
    if status not in found.before:
        raise refuse(step, hazard_id, Msg("refuse.status", status=status,
                                          allowed=sorted(found.before, key=_order)))
    return found


def refuse(step: str, hazard_id: str, reason: Msg) -> RefusedTransition:
    """A refusal of ``step`` on ``hazard_id`` with a reason."""
    return RefusedTransition(Msg("refuse", verb=Msg(f"verb.{step}"), id=hazard_id,
                                 reason=reason), reason)


_ORDER = [Status.REPORTED, Status.RECTIFYING, Status.VERIFYING, Status.CLOSED, Status.VOID]


def _order(status: Status) -> int:
    return _ORDER.index(status)
