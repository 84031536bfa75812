"""The CI gate: validate every record and find what is overdue or inconsistent.

Each rule is a small unit with an id (yamllint style) and a default severity that
``rules:`` in safecheck.yaml may change. Only ``today`` decides what is overdue.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from safecheck import yamlio
from safecheck.context import LedgerContext
from safecheck.errors import EXIT_FINDINGS, EXIT_OK
from safecheck.ids import parse_hazard_id
from safecheck.inspections import StoredInspection, coverage, load_inspections
from safecheck.layout import documents_dir
from safecheck.models.consistency import describe_missing
from safecheck.store import Ledger, StoredHazard, load_ledger
from safecheck.vocab import Severity, Status


@dataclass(frozen=True)
class Finding:
    """One thing the audit found, located as precisely as the data allows."""

    rule: str
    severity: Severity
    message: str
    path: str
    line: int | None = None
    id: str | None = None
    unit: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape: rule, severity, id, path, line, message (and unit)."""
        return {"rule": self.rule, "severity": self.severity.value, "id": self.id,
                "path": self.path, "line": self.line, "message": self.message,
                "unit": self.unit}


@dataclass(frozen=True)
class Rule:
    """An audit rule: its id, default severity and what it looks for."""

    id: str
    severity: Severity
    description: str


RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class AuditInput:
    """What the rules look at."""

    context: LedgerContext
    ledger: Ledger
    today: dt.date
    inspections: list[StoredInspection] = field(default_factory=list)


Check = Callable[[AuditInput], Iterator[Finding]]
_CHECKS: dict[str, Check] = {}


def check(rule_id: str, severity: Severity, description: str) -> Callable[[Check], Check]:
    """Register a rule and the function that finds it."""
    def decorate(function: Check) -> Check:
        RULES[rule_id] = Rule(rule_id, severity, description)
        _CHECKS[rule_id] = function
        return function
    return decorate


def _finding(rule: str, stored: StoredHazard, message: str, field: str | None = None) -> Finding:
    line = yamlio.line_of(stored.text, field) if field else None
    return Finding(rule, RULES[rule].severity, message, stored.relpath, line, stored.hazard.id,
                   stored.hazard.unit)


def _unit_of(path: str) -> str | None:
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else None


@check("invalid", Severity.ERROR,
       "a file that is not valid YAML, breaks the schema or a lifecycle rule")
def _invalid(data: AuditInput) -> Iterator[Finding]:
    for problem in data.ledger.problems:
        path = str(problem.path)
        field = f"{problem.field}: " if problem.field else ""
        yield Finding("invalid", RULES["invalid"].severity, f"{field}{problem.message}", path,
                      problem.line, Path(path).stem, _unit_of(path))
    context = data.context
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.domain not in context.checklists:
            yield _finding("invalid", stored, f"domain: unknown domain '{h.domain}'", "domain")
        if h.source not in context.settings.sources:
            yield _finding("invalid", stored, f"source: unknown source '{h.source}'", "source")


@check("overdue", Severity.ERROR,
       "open past its effective deadline")
def _overdue(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        h = stored.hazard
        days = h.days_overdue(data.today)
        if days:
            who = h.responsible or "no responsible person named"
            yield _finding("overdue", stored,
                           f"overdue by {days} day{'s' if days != 1 else ''} (deadline "
                           f"{h.effective_deadline}, {h.status.value}); responsible: {who}",
                           "extensions" if h.extensions else "plan.deadline")


@check("plan-incomplete", Severity.ERROR,
       "reported, five-in-place plan still incomplete after plan_within_days")
def _plan_incomplete(data: AuditInput) -> Iterator[Finding]:
    limit = data.context.settings.plan_within_days
    for stored in data.ledger.hazards:
        h = stored.hazard
        age = (data.today - h.found_on).days
        if h.status is Status.REPORTED and age > limit:
            yield _finding("plan-incomplete", stored,
                           f"five-in-place plan still incomplete {age} days after it was found "
                           f"(due within {limit}); missing: {describe_missing(h.plan_missing)}",
                           "plan" if h.plan else "status")


@check("duplicate-id", Severity.ERROR,
       "the same ID in more than one file")
def _duplicate_id(data: AuditInput) -> Iterator[Finding]:
    paths: dict[str, list[StoredHazard]] = defaultdict(list)
    for stored in data.ledger.hazards:
        paths[stored.hazard.id].append(stored)
    for hazard_id, stored_list in paths.items():
        if len(stored_list) > 1:
            others = ", ".join(s.relpath for s in stored_list)
            for stored in stored_list:
                yield _finding("duplicate-id", stored, f"{hazard_id} is in {len(stored_list)} "
                                                       f"files: {others}", "id")


@check("id-path-mismatch", Severity.ERROR,
       "a file whose path does not match its ID and unit")
def _id_path_mismatch(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        h = stored.hazard
        parts = stored.relpath.split("/")  # records/<UNIT>/<YYYY>/<ID>.yaml
        parsed = parse_hazard_id(h.id)
        problems = []
        if parts[-1] != f"{h.id}.yaml":
            problems.append(f"the file name should be {h.id}.yaml")
        if parsed is None:
            problems.append("the ID's date is not a calendar date")
        else:
            unit, day = parsed
            if unit != h.unit:
                problems.append(f"the ID's unit {unit} is not the record's unit {h.unit}")
            if parts[1] != unit or parts[2] != f"{day:%Y}":
                problems.append(f"it belongs in records/{unit}/{day:%Y}/")
        if problems:
            yield _finding("id-path-mismatch", stored, "; ".join(problems), "id")


@check("unknown-unit", Severity.ERROR,
       "a unit that safecheck.yaml does not list")
def _unknown_unit(data: AuditInput) -> Iterator[Finding]:
    codes = data.context.settings.unit_codes
    for stored in data.ledger.hazards:
        if stored.hazard.unit not in codes:
            yield _finding("unknown-unit", stored,
                           f"unit {stored.hazard.unit} is not in safecheck.yaml", "unit")


@check("missing-document", Severity.ERROR,
       "a document named in a record but not in its folder")
def _missing_document(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        docs = stored.hazard.documents
        if docs is None:
            continue
        names = docs.all()
        if not names:
            continue
        try:
            present = set(os.listdir(documents_dir(stored.path)))
        except (FileNotFoundError, NotADirectoryError):
            present = set()
        missing = [n for n in names if n not in present]
        if missing:
            folder = documents_dir(Path(stored.relpath)).as_posix()
            yield _finding("missing-document", stored,
                           f"not in {folder}/: {', '.join(missing)}", "documents")


@check("due-soon", Severity.WARNING,
       "open, deadline within due_soon_days")
def _due_soon(data: AuditInput) -> Iterator[Finding]:
    window = data.context.settings.due_soon_days
    for stored in data.ledger.hazards:
        h = stored.hazard
        deadline = h.effective_deadline
        if h.is_open and deadline is not None and 0 <= (deadline - data.today).days <= window:
            days = (deadline - data.today).days
            when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
            yield _finding("due-soon", stored, f"due {when} ({deadline}); responsible: "
                                               f"{h.responsible or '-'}", "plan.deadline")


@check("inspection-due", Severity.WARNING,
       "a unit × domain whose last inspection is older than its checklist's frequency")
def _inspection_due(data: AuditInput) -> Iterator[Finding]:
    context = data.context
    cells = coverage(context, (s.inspection for s in data.inspections), data.today)
    for cell in cells:
        if not cell.due:
            continue
        name = context.domain_name(cell.domain)
        when = ("never inspected" if cell.last is None
                else f"last inspected {cell.last} ({cell.days_since} days ago)")
        yield Finding("inspection-due", RULES["inspection-due"].severity,
                      f"{name} ({cell.domain}, {cell.frequency}): {when}",
                      f"records/{cell.unit}", None, None, cell.unit)


@check("inspection-link", Severity.ERROR,
       "a hazard and the inspection that raised it do not point at each other")
def _inspection_link(data: AuditInput) -> Iterator[Finding]:
    runs = {s.inspection.id: s for s in data.inspections}
    hazards = data.ledger.by_id()
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.inspection is None:
            continue
        run = runs.get(h.inspection)
        if run is None:
            yield _finding("inspection-link", stored,
                           f"inspection {h.inspection} does not exist", "inspection")
        elif h.id not in run.inspection.hazards:
            yield _finding("inspection-link", stored,
                           f"inspection {h.inspection} does not list this hazard", "inspection")
    for run in runs.values():
        for hazard_id in run.inspection.hazards:
            raised = hazards.get(hazard_id)
            if raised is None:
                problem = "does not exist"
            elif raised.hazard.inspection != run.inspection.id:
                problem = "does not name this inspection"
            else:
                continue
            yield Finding("inspection-link", RULES["inspection-link"].severity,
                          f"hazard {hazard_id} raised by this inspection {problem}",
                          run.relpath, None, run.inspection.id, run.inspection.unit)


@dataclass
class AuditResult:
    """Findings, ordered by unit, severity, rule and ID, and the counts around them."""

    today: dt.date
    records: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """Findings that fail the gate."""
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """Findings that fail the gate only with --strict."""
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, strict: bool) -> int:
        """1 when the gate fails (errors, or warnings under ``strict``), else 0."""
        failed = self.errors or (strict and self.warnings)
        return EXIT_FINDINGS if failed else EXIT_OK

    def summary(self) -> dict[str, object]:
        """Counts for the JSON summary and the closing line."""
        return {"as_of": self.today.isoformat(), "records": self.records,
                "errors": self.errors, "warnings": self.warnings,
                "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items()))}


def severity_of(rule: str, context: LedgerContext) -> Severity:
    """The rule's severity after safecheck.yaml's ``rules:`` overrides."""
    return context.settings.rules.get(rule, RULES[rule].severity)


def run_audit(context: LedgerContext, ledger: Ledger, today: dt.date,
              inspections: list[StoredInspection] | None = None) -> AuditResult:
    """Run every rule that is not switched off."""
    data = AuditInput(context, ledger, today, inspections or [])
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    findings = []
    for rule_id, check in _CHECKS.items():
        severity = severity_of(rule_id, context)
        if severity is Severity.OFF:
            continue
        for found in check(data):
            findings.append(found if found.severity is severity else
                            Finding(found.rule, severity, found.message, found.path, found.line,
                                    found.id, found.unit))
    findings.sort(key=lambda f: (f.unit or "", order.get(f.severity, 2), f.rule, f.id or "",
                                 f.path))
    return AuditResult(today=today, records=len(ledger.hazards) + len(
        {p.path for p in ledger.problems} - {s.relpath for s in ledger.hazards}),
        findings=findings)


def audit_repository(context: LedgerContext, today: dt.date) -> AuditResult:
    """Load every hazard and inspection of the repository and audit them."""
    ledger = load_ledger(context.root)
    inspections, problems = load_inspections(context.root)
    ledger.problems.extend(problems)
    return run_audit(context, ledger, today, inspections)
