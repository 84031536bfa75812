"""The CI gate: validate every record and find what is overdue or inconsistent.

Each rule is a small unit with an id (yamllint style) and a default severity that
``rules:`` in safecheck.yaml may change (the list is in safecheck.findings). Rules about
one record alone run once per version of its file (safecheck.record_rules, cached with the
record's summary); the rules here look across records, at folders or at today, and run
on the summaries every time. Only ``today`` decides what is overdue.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple

from safecheck import parallel, yamlio
from safecheck.context import LedgerContext
from safecheck.coverage import campaign_coverage, coverage
from safecheck.errors import EXIT_FINDINGS, EXIT_OK, DataError
from safecheck.findings import RULES, Finding, Rule, unit_of
from safecheck.folder_survey import (
    Surveyed,
    remembered_folders,
    survey_beside,
    survey_findings,
    survey_here,
    worth_apart,
)
from safecheck.i18n import Msg
from safecheck.inspections import StoredInspection, load_inspections
from safecheck.layout import Folders, documents_dir
from safecheck.models.consistency import describe_missing
from safecheck.record_index import (
    RecordIndex,
    gc_paused,
    scan_index,
)
from safecheck.store import parse_hazard
from safecheck.summary import RecordSummary
from safecheck.vocab import Severity, Status
from safecheck.wire import decode_finding

__all__ = ["RULES", "AuditResult", "Finding", "Rule", "Subject", "audit_repository",
           "run_audit"]


@dataclass(frozen=True)
class AuditInput:
    """What the ledger rules look at."""

    context: LedgerContext
    index: RecordIndex
    today: dt.date
    inspections: list[StoredInspection] = field(default_factory=list)
    #: ``validate``: only what the files say, nothing that depends on today.
    timeless: bool = False
    #: The records' own folders, as the layout survey read them.
    folders: Folders = field(default_factory=Folders)

    def text(self, summary: RecordSummary) -> str:
        """The record's text as it is now (read only to locate a finding)."""
        try:
            return yamlio.read_file(self.context.root / summary.relpath, summary.relpath)
        except DataError:
            return ""


Check = Callable[[AuditInput], Iterator[Finding]]
_CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    """Attach the function that finds a ledger rule (see safecheck.findings)."""
    def decorate(function: Check) -> Check:
        assert rule_id in RULES, rule_id
        _CHECKS[rule_id] = function
        return function
    return decorate


def _finding(rule: str, data: AuditInput, summary: RecordSummary, message: Msg | str,
             field: str | None = None, key: str | None = None) -> Finding:
    line = summary.line(field, lambda: data.text(summary)) if field else None
    return Finding(rule, RULES[rule].severity, message, summary.relpath, line, summary.id,
                   summary.unit, key)


@check("invalid")
def _invalid(data: AuditInput) -> Iterator[Finding]:
    """Files that did not load or break a lifecycle rule (the record rules add unknown
    domains and sources)."""
    for problem in data.index.problems:
        path = str(problem.path)
        message = (Msg("audit.field", field=problem.field, message=problem.message)
                   if problem.field else problem.message)
        yield Finding("invalid", RULES["invalid"].severity, message, path,
                      problem.line, Path(path).stem, unit_of(path), problem.field)


@check("unexpected-path")
def _unexpected_path(data: AuditInput) -> Iterator[Finding]:
    return survey_findings(data.context.root, _documents(data.index), data.folders)


def _documents(index: RecordIndex) -> dict[str, str | None]:
    return {s.relpath: s.documents for s in index.summaries}


def _survey(data: AuditInput) -> Surveyed:
    return survey_here(data.context.root, _documents(data.index), data.folders)


#: Rules that wait for the survey of the folders, which a large ledger runs beside the
#: other rules (parallel.in_background) rather than before them.
_AFTER_SURVEY = ("unexpected-path", "missing-document")


@check("future-date")
def _future_date(data: AuditInput) -> Iterator[Finding]:
    today = data.today.toordinal()
    for summary in data.index.summaries:
        if summary.latest_event <= today:
            continue
        text = data.text(summary)  # a rare finding: the events are read from the file
        hazard, _ = parse_hazard(text, summary.relpath)
        for name, day in hazard.event_dates() if hazard else ():
            if day > data.today:
                yield Finding("future-date", RULES["future-date"].severity, Msg(
                    "audit.future", field=name, date=day, today=data.today),
                    summary.relpath, yamlio.line_of(text, name), summary.id, summary.unit)


def _deadline_field(summary: RecordSummary) -> str:
    return "extensions" if summary.has_extensions else "plan.deadline"


@check("overdue")
def _overdue(data: AuditInput) -> Iterator[Finding]:
    for s in data.index.summaries:
        if s.overdue_kind(data.today) == "rectification":
            who = s.responsible or Msg("audit.nobody")
            yield _finding("overdue", data, s,
                           Msg("audit.overdue", days=s.days_overdue(data.today),
                               deadline=s.effective_deadline, status=s.status, who=who),
                           _deadline_field(s))


@check("verification-overdue")
def _verification_overdue(data: AuditInput) -> Iterator[Finding]:
    settings = data.context.settings
    for s in data.index.summaries:
        if s.overdue_kind(data.today) == "verification":
            verifiers = [p.name for p in settings.verifiers_for(s.unit)] or Msg(
                "audit.the_verifiers")
            yield _finding("verification-overdue", data, s, Msg(
                "audit.verification_overdue", completed=s.awaiting_since,
                deadline=s.effective_deadline, days=s.days_overdue(data.today),
                verifiers=verifiers), "rectifications")


@check("plan-incomplete")
def _plan_incomplete(data: AuditInput) -> Iterator[Finding]:
    limit = data.context.settings.plan_within_days
    today = data.today.toordinal()
    reported = Status.REPORTED.value
    for s in data.index.summaries:
        age = today - s.found_ordinal
        if s.status_value == reported and age > limit:
            yield _finding("plan-incomplete", data, s,
                           Msg("audit.plan_incomplete", days=age, limit=limit,
                               missing=describe_missing(list(s.plan_missing))),
                           "plan" if s.has_plan else "status")


@check("major-unreported")
def _major_unreported(data: AuditInput) -> Iterator[Finding]:
    """Not reported *yet* (dated; reported late is a record rule)."""
    if data.timeless:
        return
    limit = data.context.settings.major_report_within_days
    today = data.today.toordinal()
    for s in data.index.summaries:
        if (s.is_major and s.reported_ordinal is None and s.is_open
                and today - s.found_ordinal > limit):
            yield _finding("major-unreported", data, s, Msg(
                "audit.major_unreported", days=today - s.found_ordinal, limit=limit), "major")


@check("duplicate-id")
def _duplicate_id(data: AuditInput) -> Iterator[Finding]:
    paths: dict[str, list[RecordSummary]] = defaultdict(list)
    for s in data.index.summaries:
        paths[s.id].append(s)
    for hazard_id, same in paths.items():
        if len(same) > 1:
            others = [s.relpath for s in same]
            for s in same:
                yield _finding("duplicate-id", data, s, Msg(
                    "audit.duplicate_id", id=hazard_id, count=len(same), files=others), "id")


@check("missing-document")
def _missing_document(data: AuditInput) -> Iterator[Finding]:
    root = data.context.root
    for s in data.index.summaries:
        if not s.documents or s.relpath in data.folders.complete:
            continue
        present = data.folders.names.get(s.relpath)
        if present is None:  # a folder the survey did not read (or did not run)
            try:
                present = set(os.listdir(documents_dir(root / s.relpath)))
            except (FileNotFoundError, NotADirectoryError):
                present = set()
        missing = [n for n in s.document_names if n not in present]
        if missing:
            folder = documents_dir(Path(s.relpath)).as_posix()
            yield _finding("missing-document", data, s,
                           Msg("audit.missing_document", folder=folder, names=missing),
                           "documents")


@check("due-soon")
def _due_soon(data: AuditInput) -> Iterator[Finding]:
    window = data.context.settings.due_soon_days
    for s in data.index.summaries:
        if s.due_soon(data.today, window):
            days = s.days_left(data.today)
            when = Msg("audit.today") if days == 0 else Msg("audit.in_days", days=days)
            yield _finding("due-soon", data, s, Msg(
                "audit.due_soon", when=when, deadline=s.effective_deadline,
                who=s.responsible or "—"), _deadline_field(s))


@check("inspection-due")
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


@check("campaign-incomplete")
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


@check("inspection-link")
def _inspection_link(data: AuditInput) -> Iterator[Finding]:
    runs = {s.inspection.id: s for s in data.inspections}
    hazards: dict[str, RecordSummary] = {}
    for h in data.index.summaries:  # the first file wins when IDs repeat
        hazards.setdefault(h.id, h)
    for h in data.index.summaries:
        if h.inspection is None:
            continue
        run = runs.get(h.inspection)
        if run is None:
            yield _finding("inspection-link", data, h,
                           Msg("audit.link.no_inspection", inspection=h.inspection),
                           "inspection")
        elif h.id not in run.inspection.hazards:
            yield _finding("inspection-link", data, h,
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
            elif raised.inspection != run.inspection.id:
                problem = Msg("audit.link.not_named", id=hazard_id)
            else:
                continue
            yield Finding("inspection-link", RULES["inspection-link"].severity, problem,
                          run.relpath, None, run.inspection.id, run.inspection.unit, hazard_id)


class Subject(NamedTuple):
    """A file the audit read: a hazard, an inspection run, or one it could not read (a
    tuple: an audit makes one per record, a hundred thousand)."""

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


def run_audit(context: LedgerContext, index: RecordIndex, today: dt.date,
              inspections: list[StoredInspection] | None = None,
              timeless: bool = False, folders: Folders | None = None,
              survey_apart: bool = False,
              surveyed: Callable[[], Surveyed] | None = None) -> AuditResult:
    """Run every rule that is not switched off (``timeless``: none that depends on
    today): the record rules' findings come from the index, the ledger rules run here
    (``survey_apart``: the survey of the folders in a process of its own meanwhile;
    ``surveyed``: one already under way)."""
    data = AuditInput(context, index, today, inspections or [], timeless,
                      folders or Folders())
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for found in index.findings:
        by_rule[found.rule].append(found)
    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    findings: list[Finding] = []
    wanted = [rule_id for rule_id, rule in RULES.items()
              if severity_of(rule_id, context) is not Severity.OFF
              and not (timeless and rule.dated)]
    if "unexpected-path" not in wanted:
        surveyed = None
    elif surveyed is None:
        job = partial(_survey, data)
        surveyed = parallel.in_background(job) if survey_apart else job
    # The rules that need the survey come last: the order of rules is not the order of
    # the findings (they are sorted below).
    for rule_id in sorted(wanted, key=lambda r: r in _AFTER_SURVEY):
        severity = severity_of(rule_id, context)
        if rule_id == "unexpected-path" and surveyed is not None:
            found_strays, names, complete = surveyed()
            data.folders.names.update(names)
            data.folders.complete.update(complete)
            found_here: Iterable[Finding] = [decode_finding(f) for f in found_strays]
        else:
            ledger_check = _CHECKS.get(rule_id)
            found_here = ledger_check(data) if ledger_check else ()
        for found in (*found_here, *by_rule.get(rule_id, ())):
            findings.append(found if found.severity is severity else
                            Finding(found.rule, severity, found.message, found.path, found.line,
                                    found.id, found.unit, found.key))
    findings.sort(key=lambda f: (f.unit or "", order.get(f.severity, 2), f.rule, f.id or "",
                                 f.path))
    subjects = {s.relpath: Subject(s.relpath, s.id, s.unit, s.title, s.is_major)
                for s in index.summaries}
    for run in inspections or []:
        subjects.setdefault(run.relpath, Subject(run.relpath, run.inspection.id,
                                                 run.inspection.unit))
    for problem in index.problems:
        path = str(problem.path)
        subjects.setdefault(path, Subject(path, Path(path).stem, unit_of(path)))
    loaded = {s.relpath for s in index.summaries}
    return AuditResult(today=today, records=len(index.summaries) + len(
        {str(p.path) for p in index.problems} - loaded),
        findings=findings, subjects=[subjects[k] for k in sorted(subjects)],
        timeless=timeless)


def audit_repository(context: LedgerContext, today: dt.date,
                     timeless: bool = False) -> AuditResult:
    """Summarise every hazard (from the record cache where unchanged), load the
    inspections and audit them (``timeless``: only the rules that do not depend on
    today, for ``validate``)."""
    with gc_paused():
        # A large ledger the cache knows: the survey starts at once, beside the index.
        early = (survey_beside(context)
                 if severity_of("unexpected-path", context) is not Severity.OFF else None)
        scan = scan_index(context)
        index = scan.finish()
    inspections, problems = load_inspections(context.root)
    index.problems.extend(problems)
    if early is not None:
        folders = Folders()
        surveyed: Callable[[], Surveyed] | None = partial(early, scan, index)
    else:
        folders = remembered_folders(context.root)
        surveyed = None
    with gc_paused():
        return run_audit(context, index, today, inspections, timeless, folders,
                         survey_apart=worth_apart(len(index.summaries)), surveyed=surveyed)
