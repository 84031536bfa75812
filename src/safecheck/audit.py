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
from safecheck.coverage import campaign_coverage, coverage
from safecheck.errors import EXIT_FINDINGS, EXIT_OK
from safecheck.i18n import Msg, render
from safecheck.ids import parse_hazard_id
from safecheck.inspections import StoredInspection, load_inspections
from safecheck.layout import documents_dir, survey
from safecheck.lifecycle.rules import closure_problems, root_cause_required
from safecheck.models.consistency import describe_missing
from safecheck.store import Ledger, StoredHazard, load_ledger
from safecheck.vocab import Severity, Status


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


RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class AuditInput:
    """What the rules look at."""

    context: LedgerContext
    ledger: Ledger
    today: dt.date
    inspections: list[StoredInspection] = field(default_factory=list)
    #: ``validate``: only what the files say, nothing that depends on today.
    timeless: bool = False


Check = Callable[[AuditInput], Iterator[Finding]]
_CHECKS: dict[str, Check] = {}


def check(rule_id: str, severity: Severity, description: str,
          dated: bool = False) -> Callable[[Check], Check]:
    """Register a rule and the function that finds it."""
    def decorate(function: Check) -> Check:
        RULES[rule_id] = Rule(rule_id, severity, description, dated)
        _CHECKS[rule_id] = function
        return function
    return decorate


def _finding(rule: str, stored: StoredHazard, message: Msg | str,
             field: str | None = None, key: str | None = None) -> Finding:
    line = yamlio.line_of(stored.text, field) if field else None
    return Finding(rule, RULES[rule].severity, message, stored.relpath, line, stored.hazard.id,
                   stored.hazard.unit, key)


def _unit_of(path: str) -> str | None:
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else None


@check("invalid", Severity.ERROR,
       "a file that is not valid YAML, breaks the schema or a lifecycle rule")
def _invalid(data: AuditInput) -> Iterator[Finding]:
    for problem in data.ledger.problems:
        path = str(problem.path)
        message = (Msg("audit.field", field=problem.field, message=problem.message)
                   if problem.field else problem.message)
        yield Finding("invalid", RULES["invalid"].severity, message, path,
                      problem.line, Path(path).stem, _unit_of(path), problem.field)
    context = data.context
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.domain not in context.checklists:
            yield _finding("invalid", stored, Msg("audit.field", field="domain", message=Msg(
                "error.unknown_domain", domain=h.domain, known=context.domains)), "domain",
                "domain")
        if h.source not in context.settings.sources:
            yield _finding("invalid", stored, Msg("audit.field", field="source", message=Msg(
                "error.unknown_source", source=h.source, known=context.settings.sources)),
                "source", "source")


@check("unexpected-path", Severity.ERROR,
       "a path under records/ that is not a record in its place nor a document of one")
def _unexpected_path(data: AuditInput) -> Iterator[Finding]:
    documents = {s.relpath: set(s.hazard.all_documents) for s in data.ledger.hazards}
    for stray in survey(data.context.root, documents):
        yield Finding("unexpected-path", RULES["unexpected-path"].severity, stray.reason,
                      stray.relpath, None, None, _unit_of(stray.relpath))


@check("future-date", Severity.ERROR,
       "something recorded as done after today (a found, verified or other event date)")
def _future_date(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        for name, day in stored.hazard.event_dates():
            if day > data.today:
                yield _finding("future-date", stored, Msg(
                    "audit.future", field=name, date=day, today=data.today), name)


@check("id-date", Severity.ERROR,
       "the date in a hazard's ID differs from the day it was found")
def _id_date(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        h = stored.hazard
        parsed = parse_hazard_id(h.id)
        # A corrected found_on (更正, logged with its old value) keeps the ID it had.
        first = next((c.fields["found_on"][0] for c in h.corrections
                      if "found_on" in c.fields), None)
        registered = first or h.found_on.isoformat()
        if parsed is not None and parsed[1].isoformat() != registered:
            yield _finding("id-date", stored, Msg(
                "audit.id_date", id=stored.hazard.id, day=parsed[1],
                found=stored.hazard.found_on), "found_on")


@check("overdue", Severity.ERROR,
       "open past its effective deadline, the rectification not done in time", dated=True)
def _overdue(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.overdue_kind(data.today) == "rectification":
            who = h.responsible or Msg("audit.nobody")
            yield _finding("overdue", stored,
                           Msg("audit.overdue", days=h.days_overdue(data.today),
                               deadline=h.effective_deadline, status=h.status, who=who),
                           "extensions" if h.extensions else "plan.deadline")


@check("verification-overdue", Severity.ERROR,
       "fixed by its deadline but still awaiting verification after it: the verifiers' delay",
       dated=True)
def _verification_overdue(data: AuditInput) -> Iterator[Finding]:
    settings = data.context.settings
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.overdue_kind(data.today) == "verification":
            verifiers = [p.name for p in settings.verifiers_for(h.unit)] or Msg(
                "audit.the_verifiers")
            yield _finding("verification-overdue", stored, Msg(
                "audit.verification_overdue", completed=h.awaiting_since,
                deadline=h.effective_deadline, days=h.days_overdue(data.today),
                verifiers=verifiers), "rectifications")


@check("plan-incomplete", Severity.ERROR,
       "reported, five-in-place plan still incomplete after plan_within_days", dated=True)
def _plan_incomplete(data: AuditInput) -> Iterator[Finding]:
    limit = data.context.settings.plan_within_days
    for stored in data.ledger.hazards:
        h = stored.hazard
        age = (data.today - h.found_on).days
        if h.status is Status.REPORTED and age > limit:
            yield _finding("plan-incomplete", stored,
                           Msg("audit.plan_incomplete", days=age, limit=limit,
                               missing=describe_missing(h.plan_missing)),
                           "plan" if h.plan else "status")


@check("major-unreported", Severity.ERROR,
       "a major hazard not reported to the authority within major_report_within_days")
def _major_unreported(data: AuditInput) -> Iterator[Finding]:
    limit = data.context.settings.major_report_within_days
    for stored in data.ledger.hazards:
        h = stored.hazard
        if not h.is_major or h.status is Status.VOID:
            continue
        reported = h.major.reported_on if h.major else None
        if reported is not None:
            late = (reported - h.found_on).days
            if late > limit:
                yield _finding("major-unreported", stored, Msg(
                    "audit.major_reported_late", days=late, limit=limit), "major.reported_on")
            continue
        age = (data.today - h.found_on).days
        if h.is_open and age > limit and not data.timeless:  # not reported *yet*: dated
            yield _finding("major-unreported", stored,
                           Msg("audit.major_unreported", days=age, limit=limit), "major")


@check("major-governance", Severity.ERROR,
       "a major hazard rectifying without its governance plan (basis, objectives, approval)")
def _major_governance(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        h = stored.hazard
        if not h.is_major or h.status not in (Status.RECTIFYING, Status.VERIFYING):
            continue
        missing = h.major.plan_missing() if h.major else ["basis", "objectives",
                                                           "plan_approved_by"]
        if missing:
            yield _finding("major-governance", stored, Msg(
                "audit.major_governance", missing=describe_missing(missing)), "major")


@check("major-closure", Severity.ERROR,
       "a closed major hazard without a passing assessment, or without the supervising "
       "authority's sign-off")
def _major_closure(data: AuditInput) -> Iterator[Finding]:
    settings = data.context.settings
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.status is not Status.CLOSED or not h.is_major:
            continue
        for problem in closure_problems(h, settings):
            if problem.rule == "major-closure":
                yield _finding("major-closure", stored, problem.message, problem.field)


@check("root-cause", Severity.ERROR,
       "a closed hazard without the root cause its level or source requires")
def _root_cause(data: AuditInput) -> Iterator[Finding]:
    settings = data.context.settings
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.status is Status.CLOSED and not h.root_cause and root_cause_required(h, settings):
            yield _finding("root-cause", stored, Msg("rule.root_cause"), "root_cause")


@check("duplicate-id", Severity.ERROR,
       "the same ID in more than one file")
def _duplicate_id(data: AuditInput) -> Iterator[Finding]:
    paths: dict[str, list[StoredHazard]] = defaultdict(list)
    for stored in data.ledger.hazards:
        paths[stored.hazard.id].append(stored)
    for hazard_id, stored_list in paths.items():
        if len(stored_list) > 1:
            others = [s.relpath for s in stored_list]
            for stored in stored_list:
                yield _finding("duplicate-id", stored, Msg(
                    "audit.duplicate_id", id=hazard_id, count=len(stored_list), files=others),
                    "id")


@check("id-path-mismatch", Severity.ERROR,
       "a file whose path does not match its ID and unit")
def _id_path_mismatch(data: AuditInput) -> Iterator[Finding]:
    for stored in data.ledger.hazards:
        h = stored.hazard
        parts = stored.relpath.split("/")  # records/<UNIT>/<YYYY>/<ID>.yaml
        parsed = parse_hazard_id(h.id)
        problems: list[Msg] = []
        if parts[-1] != f"{h.id}.yaml":
            problems.append(Msg("audit.path.name", name=f"{h.id}.yaml"))
        if parsed is None:
            problems.append(Msg("audit.path.date"))
        else:
            unit, day = parsed
            if unit != h.unit:
                problems.append(Msg("audit.path.unit", id_unit=unit, unit=h.unit))
            if parts[1] != unit or parts[2] != f"{day:%Y}":
                problems.append(Msg("audit.path.folder", folder=f"records/{unit}/{day:%Y}/"))
        if problems:
            yield _finding("id-path-mismatch", stored, Msg("list", items=problems), "id")


@check("unknown-unit", Severity.ERROR,
       "a unit that safecheck.yaml does not list")
def _unknown_unit(data: AuditInput) -> Iterator[Finding]:
    codes = data.context.settings.unit_codes
    for stored in data.ledger.hazards:
        if stored.hazard.unit not in codes:
            yield _finding("unknown-unit", stored,
                           Msg("audit.unknown_unit", unit=stored.hazard.unit), "unit")


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
                           Msg("audit.missing_document", folder=folder, names=missing),
                           "documents")


@check("due-soon", Severity.WARNING,
       "open, deadline within due_soon_days", dated=True)
def _due_soon(data: AuditInput) -> Iterator[Finding]:
    window = data.context.settings.due_soon_days
    for stored in data.ledger.hazards:
        h = stored.hazard
        if h.due_soon(data.today, window):
            days = h.days_left(data.today)
            when = Msg("audit.today") if days == 0 else Msg("audit.in_days", days=days)
            yield _finding("due-soon", stored, Msg(
                "audit.due_soon", when=when, deadline=h.effective_deadline,
                who=h.responsible or "—"), "extensions" if h.extensions else "plan.deadline")


@check("inspection-due", Severity.WARNING,
       "a unit × domain whose last inspection is older than its checklist's frequency", dated=True)
def _inspection_due(data: AuditInput) -> Iterator[Finding]:
    context = data.context
    cells = coverage(context, (s.inspection for s in data.inspections), data.today)
    for cell in cells:
        if not cell.due:
            continue
        name = context.domain_name(cell.domain)
        when = (Msg("audit.never_inspected") if cell.last is None
                else Msg("audit.last_inspected", date=cell.last, days=cell.days_since))
        yield Finding("inspection-due", RULES["inspection-due"].severity,
                      Msg("audit.inspection_due", name=name, domain=cell.domain,
                          frequency=Msg(f"frequency.{cell.frequency}"), when=when),
                      f"records/{cell.unit}", None, None, cell.unit, cell.domain)


@check("campaign-incomplete", Severity.ERROR,
       "a unit × domain a campaign (拉网式排查) has not reached by its end", dated=True)
def _campaign_incomplete(data: AuditInput) -> Iterator[Finding]:
    context = data.context
    runs = [s.inspection for s in data.inspections]
    for campaign in context.settings.campaigns:
        reached = campaign_coverage(context, campaign, runs, data.today)
        if not reached.over(data.today):
            continue
        for cell in reached.missing:
            yield Finding("campaign-incomplete", RULES["campaign-incomplete"].severity,
                          Msg("audit.campaign_incomplete", campaign=campaign.name,
                              id=campaign.id, to=campaign.to,
                              domain=context.domain_name(cell.domain)),
                          f"records/{cell.unit}", None, None, cell.unit,
                          f"{campaign.id}/{cell.domain}")


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
                           Msg("audit.link.no_inspection", inspection=h.inspection),
                           "inspection")
        elif h.id not in run.inspection.hazards:
            yield _finding("inspection-link", stored,
                           Msg("audit.link.not_listed", inspection=h.inspection), "inspection")
    for run in runs.values():
        for outcome in run.inspection.recurrences:
            if outcome.hazard not in hazards:
                yield Finding("inspection-link", RULES["inspection-link"].severity,
                              Msg("audit.link.no_hazard", id=outcome.hazard), run.relpath,
                              None, run.inspection.id, run.inspection.unit, outcome.hazard)
        for hazard_id in run.inspection.hazards:
            raised = hazards.get(hazard_id)
            if raised is None:
                problem = Msg("audit.link.no_hazard", id=hazard_id)
            elif raised.hazard.inspection != run.inspection.id:
                problem = Msg("audit.link.not_named", id=hazard_id)
            else:
                continue
            yield Finding("inspection-link", RULES["inspection-link"].severity, problem,
                          run.relpath, None, run.inspection.id, run.inspection.unit, hazard_id)


@dataclass(frozen=True)
class Subject:
    """A file the audit read: a hazard, an inspection run, or one it could not read."""

    path: str
    id: str | None
    unit: str | None
    title: str = ""
    #: A major hazard (重大事故隐患): CI reports rank its findings higher.
    major: bool = False


@dataclass
class AuditResult:
    """Findings, ordered by unit, severity, rule and ID, and the counts around them."""

    today: dt.date
    records: int
    findings: list[Finding] = field(default_factory=list)
    #: Every file read, in path order (CI reports list each as a test case).
    subjects: list[Subject] = field(default_factory=list)
    #: ``validate``: the rules that depend on today were not run.
    timeless: bool = False

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
    return context.settings.severity(rule, RULES[rule].severity)


def run_audit(context: LedgerContext, ledger: Ledger, today: dt.date,
              inspections: list[StoredInspection] | None = None,
              timeless: bool = False) -> AuditResult:
    """Run every rule that is not switched off (``timeless``: none that depends on
    today)."""
    data = AuditInput(context, ledger, today, inspections or [], timeless)
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    findings = []
    for rule_id, check in _CHECKS.items():
        severity = severity_of(rule_id, context)
        if severity is Severity.OFF or (timeless and RULES[rule_id].dated):
            continue
        for found in check(data):
            findings.append(found if found.severity is severity else
                            Finding(found.rule, severity, found.message, found.path, found.line,
                                    found.id, found.unit, found.key))
    findings.sort(key=lambda f: (f.unit or "", order.get(f.severity, 2), f.rule, f.id or "",
                                 f.path))
    subjects = {s.relpath: Subject(s.relpath, s.hazard.id, s.hazard.unit, s.hazard.title,
                                   s.hazard.is_major) for s in ledger.hazards}
    for run in inspections or []:
        subjects.setdefault(run.relpath, Subject(run.relpath, run.inspection.id,
                                                 run.inspection.unit))
    for problem in ledger.problems:
        path = str(problem.path)
        subjects.setdefault(path, Subject(path, Path(path).stem, _unit_of(path)))
    return AuditResult(today=today, records=len(ledger.hazards) + len(
        {p.path for p in ledger.problems} - {s.relpath for s in ledger.hazards}),
        findings=findings, subjects=[subjects[k] for k in sorted(subjects)],
        timeless=timeless)


def audit_repository(context: LedgerContext, today: dt.date,
                     timeless: bool = False) -> AuditResult:
    """Load every hazard and inspection of the repository and audit them (``timeless``:
    only the rules that do not depend on today, for ``validate``)."""
    ledger = load_ledger(context.root)
    inspections, problems = load_inspections(context.root)
    ledger.problems.extend(problems)
    return run_audit(context, ledger, today, inspections, timeless)
