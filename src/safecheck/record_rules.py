"""The audit rules that look at one hazard record and the settings, nothing else.

What they find depends only on the file's content, its path and the repository's
settings and checklists, so it is worked out once per version of a record and kept in
the record cache (see safecheck.record_index) with its line numbers. Severities are
applied later, by the audit, from ``rules:`` in safecheck.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from safecheck import yamlio
from safecheck.context import LedgerContext
from safecheck.findings import RULES, Finding
from safecheck.i18n import Msg
from safecheck.ids import parse_hazard_id
from safecheck.lifecycle.rules import closure_problems, root_cause_required
from safecheck.models.consistency import describe_missing
from safecheck.store import StoredHazard
from safecheck.vocab import Status

RecordCheck = Callable[[StoredHazard, LedgerContext], Iterator[Finding]]
RECORD_CHECKS: dict[str, RecordCheck] = {}


def record_check(rule_id: str) -> Callable[[RecordCheck], RecordCheck]:
    """Attach a one-record check to the rule ``rule_id``."""
    def decorate(function: RecordCheck) -> RecordCheck:
        assert rule_id in RULES, rule_id
        RECORD_CHECKS[rule_id] = function
        return function
    return decorate


def finding(rule: str, stored: StoredHazard, message: Msg | str,
            field: str | None = None, key: str | None = None) -> Finding:
    """A finding about ``stored``, at the line of ``field``."""
    line = yamlio.line_of(stored.text, field) if field else None
    return Finding(rule, RULES[rule].severity, message, stored.relpath, line, stored.hazard.id,
                   stored.hazard.unit, key)


@record_check("invalid")
def _unknown_domain_or_source(stored: StoredHazard, context: LedgerContext
                              ) -> Iterator[Finding]:
    h = stored.hazard
    if h.domain not in context.checklists:
        yield finding("invalid", stored, Msg("audit.field", field="domain", message=Msg(
            "error.unknown_domain", domain=h.domain, known=context.domains)), "domain",
            "domain")
    if h.source not in context.settings.sources:
        yield finding("invalid", stored, Msg("audit.field", field="source", message=Msg(
            "error.unknown_source", source=h.source, known=context.settings.sources)),
            "source", "source")


@record_check("id-date")
def _id_date(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
    h = stored.hazard
    parsed = parse_hazard_id(h.id)
    # A corrected found_on (更正, logged with its old value) keeps the ID it had.
    first = next((c.fields["found_on"][0] for c in h.corrections
                  if "found_on" in c.fields), None)
    registered = first or h.found_on.isoformat()
    if parsed is not None and parsed[1].isoformat() != registered:
        yield finding("id-date", stored, Msg(
            "audit.id_date", id=h.id, day=parsed[1], found=h.found_on), "found_on")


@record_check("major-unreported")
def _major_reported_late(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
    """Reported, but later than the limit (not reported *yet* is a dated, ledger rule)."""
    h = stored.hazard
    if not h.is_major or h.status is Status.VOID:
        return
    reported = h.major.reported_on if h.major else None
    limit = context.settings.major_report_within_days
    if reported is not None and (reported - h.found_on).days > limit:
        yield finding("major-unreported", stored, Msg(
            "audit.major_reported_late", days=(reported - h.found_on).days, limit=limit),
            "major.reported_on")


@record_check("major-governance")
def _major_governance(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
    h = stored.hazard
    if not h.is_major or h.status not in (Status.RECTIFYING, Status.VERIFYING):
        return
    missing = h.major.plan_missing() if h.major else ["basis", "objectives",
                                                       "plan_approved_by"]
    if missing:
        yield finding("major-governance", stored, Msg(
            "audit.major_governance", missing=describe_missing(missing)), "major")


@record_check("major-closure")
def _major_closure(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
    h = stored.hazard
    if h.status is not Status.CLOSED or not h.is_major:
        return
    for problem in closure_problems(h, context.settings):
        if problem.rule == "major-closure":
            yield finding("major-closure", stored, problem.message, problem.field)


@record_check("root-cause")
def _root_cause(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
    h = stored.hazard
    if (h.status is Status.CLOSED and not h.root_cause
            and root_cause_required(h, context.settings)):
        yield finding("root-cause", stored, Msg("rule.root_cause"), "root_cause")


@record_check("id-path-mismatch")
def _id_path_mismatch(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
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
        yield finding("id-path-mismatch", stored, Msg("list", items=problems), "id")


@record_check("unknown-unit")
def _unknown_unit(stored: StoredHazard, context: LedgerContext) -> Iterator[Finding]:
    if stored.hazard.unit not in context.settings.unit_codes:
        yield finding("unknown-unit", stored,
                      Msg("audit.unknown_unit", unit=stored.hazard.unit), "unit")


def record_findings(stored: StoredHazard, context: LedgerContext) -> list[Finding]:
    """Everything the record rules find in one hazard, rule by rule in audit order."""
    return [found for check in RECORD_CHECKS.values() for found in check(stored, context)]
