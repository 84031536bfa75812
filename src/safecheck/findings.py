"""What the audit finds and the rules that find it: the registry both kinds of rule share.

A *record rule* looks at one hazard record and the repository's settings only: what it
finds is worked out once per version of the file and kept in the record cache. A *ledger
rule* looks across records, at the folders, or at today, and runs on every audit.
"""

from __future__ import annotations

from dataclasses import dataclass

from safecheck.i18n import Msg, render
from safecheck.vocab import Severity


@dataclass(frozen=True)
class Finding:
    """One thing the audit found, located as precisely as the data allows."""

    rule: str
    severity: Severity
    message: Msg | str
    path: str
    line: int | None = None
    id: str | None = None
    unit: str | None = None
    #: What tells this finding from others of its rule on the same path (a field, a
    #: domain …): with rule and path, a stable identity across runs (CI fingerprints).
    key: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape: rule, severity, id, path, line, message (and unit)."""
        return {"rule": self.rule, "severity": self.severity.value, "id": self.id,
                "path": self.path, "line": self.line, "message": self.text,
                "unit": self.unit}

    @property
    def text(self) -> str:
        """The message in the current locale."""
        return render(self.message)


@dataclass(frozen=True)
class Rule:
    """An audit rule: its id, default severity and what it looks for."""

    id: str
    severity: Severity
    description: str
    #: True when the rule depends on today (what is overdue, due, not yet done): such a
    #: rule can fail with no change to the files, so ``validate`` leaves it to audit.
    dated: bool = False


#: Every audit rule, in the order the audit runs them.
RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("invalid", Severity.ERROR,
         "a file that is not valid YAML, breaks the schema or a lifecycle rule"),
    Rule("unexpected-path", Severity.ERROR,
         "a path under records/ that is not a record in its place nor a document of one"),
    Rule("future-date", Severity.ERROR,
         "something recorded as done after today (a found, verified or other event date)"),
    Rule("id-date", Severity.ERROR,
         "the date in a hazard's ID differs from the day it was found"),
    Rule("overdue", Severity.ERROR,
         "open past its effective deadline, the rectification not done in time", dated=True),
    Rule("verification-overdue", Severity.ERROR,
         "fixed by its deadline but still awaiting verification after it: the verifiers' delay",
         dated=True),
    Rule("plan-incomplete", Severity.ERROR,
         "reported, five-in-place plan still incomplete after plan_within_days", dated=True),
    Rule("major-unreported", Severity.ERROR,
         "a major hazard not reported to the authority within major_report_within_days"),
    Rule("major-governance", Severity.ERROR,
         "a major hazard rectifying without its governance plan (basis, objectives, approval)"),
    Rule("major-closure", Severity.ERROR,
         "a closed major hazard without a passing assessment, or without the supervising "
         "authority's sign-off"),
    Rule("root-cause", Severity.ERROR,
         "a closed hazard without the root cause its level or source requires"),
    Rule("duplicate-id", Severity.ERROR,
         "the same ID in more than one file"),
    Rule("id-path-mismatch", Severity.ERROR,
         "a file whose path does not match its ID and unit"),
    Rule("unknown-unit", Severity.ERROR,
         "a unit that safecheck.yaml does not list"),
    Rule("missing-document", Severity.ERROR,
         "a document named in a record but not in its folder"),
    Rule("due-soon", Severity.WARNING,
         "open, deadline within due_soon_days", dated=True),
    Rule("inspection-due", Severity.WARNING,
         "a unit × domain whose last inspection is older than its checklist's frequency",
         dated=True),
    Rule("campaign-incomplete", Severity.ERROR,
         "a unit × domain a campaign (拉网式排查) has not reached by its end", dated=True),
    Rule("inspection-link", Severity.ERROR,
         "a hazard and the inspection that raised it do not point at each other"),
)}


def unit_of(path: str) -> str | None:
    """The unit folder of a path under records/ (``records/<UNIT>/…``)."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else None
