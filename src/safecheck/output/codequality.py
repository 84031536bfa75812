"""Audit and review findings as a GitLab code quality report: a JSON array of issues,
each with a description, a check name, a fingerprint, a severity and a location (path
and first line), which GitLab shows in merge requests and pipelines.

The fingerprint identifies a finding across runs, so GitLab can tell a new finding from
one that was already there: a hash of the report kind, the rule, the path and what tells
the finding from others of its rule on that path (the hazard ID and the finding's key) —
never of the message, whose words and day counts change, nor of the line.

Severities: an audit warning is ``minor``; an audit error is ``major``, and ``critical``
when it concerns a major hazard (重大事故隐患); a review finding (each one fails the merge
request) is ``major``. ``info`` and ``blocker`` are not used.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from safecheck.audit import AuditResult
from safecheck.i18n import render
from safecheck.vocab import Severity

if TYPE_CHECKING:
    from safecheck.review import ReviewResult

CHECK_PREFIX = "safecheck"


def fingerprint(kind: str, rule: str, path: str, key: str) -> str:
    """A stable identity: SHA-256 of the kind, rule, path and key."""
    return hashlib.sha256("\0".join((kind, rule, path, key)).encode("utf-8")).hexdigest()


def _issue(kind: str, rule: str, path: str, key: str, line: int | None,
           description: str, severity: str) -> dict[str, Any]:
    return {"description": description, "check_name": f"{CHECK_PREFIX}.{kind}.{rule}",
            "fingerprint": fingerprint(kind, rule, path, key), "severity": severity,
            "location": {"path": path, "lines": {"begin": line or 1}}}


def _unique(keys: list[str]) -> list[str]:
    """Keys made unique by numbering the repeats (``key#2``, ``key#3`` …), in order."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def audit_issues(result: AuditResult, prefix: str = "") -> list[dict[str, Any]]:
    """Every audit finding as a code quality issue."""
    major = {s.path for s in result.subjects if s.major}
    bases = [f"{f.rule}\0{f.path}\0{f.id or ''}\0{f.key or ''}" for f in result.findings]
    issues = []
    for finding, key in zip(result.findings, _unique(bases), strict=True):
        if finding.severity is Severity.WARNING:
            severity = "minor"
        else:
            severity = "critical" if finding.path in major else "major"
        subject = f"{finding.id}: " if finding.id else ""
        issues.append(_issue("audit", finding.rule, prefix + finding.path, key.split(
            "\0", 2)[2], finding.line, f"{subject}{finding.text} [{finding.rule}]", severity))
    return issues


def review_issues(result: ReviewResult, locale: str, prefix: str = "") -> list[dict[str, Any]]:
    """Every review finding as a code quality issue (all of them fail the review)."""
    bases = [f"{f.rule}\0{f.path}\0{f.hazard_id}" for f in result.findings]
    issues = []
    for finding, key in zip(result.findings, _unique(bases), strict=True):
        where = f" ({finding.commit} {finding.author})" if finding.commit else ""
        subject = f"{finding.hazard_id}: " if finding.hazard_id not in ("", "-") else ""
        issues.append(_issue("review", finding.rule, prefix + finding.path,
                             key.split("\0", 2)[2], None,
                             f"{subject}{render(finding.message, locale)}{where} "
                             f"[{finding.rule}]", "major"))
    return issues


def dumps(issues: list[dict[str, Any]]) -> bytes:
    """The report file: UTF-8 JSON, Chinese left readable."""
    return (json.dumps(issues, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
