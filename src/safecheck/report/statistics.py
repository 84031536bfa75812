"""隐患排查治理情况统计分析表: the quarterly and annual statistics a company reports under
16号令 第14条, signed by its principal. One row per unit and a total, by the records' own
dates like every report figure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from safecheck.models.timeline import Timeline
from safecheck.report.figures import Ledger, money, percent
from safecheck.report.windows import Window
from safecheck.vocab import Status


@dataclass
class Row:
    """One unit's (or the total's) figures."""

    key: str | None
    name: str | None
    inspections: int = 0
    general_found: int = 0
    general_done: int = 0
    major_found: int = 0
    major_done: int = 0
    major_in_plan: int = 0         # 列入治理计划: a governance plan approved
    major_five: int = 0            # 五落实: the five in place and the governance plan
    major_supervised: int = 0      # 挂牌督办
    funding_planned: float = 0.0
    funding_spent: float = 0.0
    found: list[str] = field(default_factory=list)

    def add(self, other: Row) -> None:
        """Add another row's figures to this one (for the total)."""
        for name in ("inspections", "general_found", "general_done", "major_found",
                     "major_done", "major_in_plan", "major_five", "major_supervised",
                     "funding_planned", "funding_spent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        """Plain values with the rates worked out."""
        found = self.general_found + self.major_found
        done = self.general_done + self.major_done
        return {"key": self.key, "name": self.name, "inspections": self.inspections,
                "found": found, "done": done, "rate": percent(done, found),
                "general_found": self.general_found, "general_done": self.general_done,
                "general_rate": percent(self.general_done, self.general_found),
                "major_found": self.major_found, "major_done": self.major_done,
                "major_rate": percent(self.major_done, self.major_found),
                "major_in_plan": self.major_in_plan, "major_five": self.major_five,
                "major_supervised": self.major_supervised,
                "funding_planned": money(self.funding_planned),
                "funding_spent": money(self.funding_spent)}


def _row(key: str | None, name: str | None, ledger: Ledger, window: Window,
         found: list[Timeline]) -> Row:
    row = Row(key, name)
    end = window.end
    row.inspections = sum(1 for r in ledger.runs_in(window) if key is None or r.unit == key)
    for t in found:
        done = not t.is_open_on(end)
        if t.level == "major":
            row.major_found += 1
            row.major_done += done
            m = t.major
            row.major_in_plan += bool(m and m.governance)
            row.major_five += bool(m and m.governance and t.plan_deadline and t.funding
                                   is not None)
            row.major_supervised += bool(m and m.supervised_by)
        else:
            row.general_found += 1
            row.general_done += done
        row.funding_planned += t.funding or 0
        if t.status_on(end) is Status.CLOSED:
            row.funding_spent += t.funding or 0
    return row


def statistics(ledger: Ledger, window: Window, units: list[tuple[str, str]]
               ) -> dict[str, Any]:
    """The table: per unit (code, name) and the total, for hazards found in ``window``
    (voided ones never count) and their state at its end."""
    found = ledger.found_in(window)
    rows = [_row(code, name, ledger, window, [t for t in found if t.unit == code])
            for code, name in units]
    total = Row(None, None)
    for row in rows:
        total.add(row)
    return {"rows": [r.as_dict() for r in rows], "total": total.as_dict()}
