"""The CI formats of audit, validate and review: GitHub annotations, JUnit XML and GitLab
code quality, on standard output (``--format``) or in files beside the text output
(``--junit-xml FILE``, ``--codequality FILE``), so one run feeds the job log and the
platform's reports."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from safecheck.atomic import replace_bytes
from safecheck.audit import AuditResult
from safecheck.i18n import render
from safecheck.output import codequality, junit
from safecheck.output.audit import escape_annotation, print_github

if TYPE_CHECKING:
    from safecheck.review import ReviewResult

#: Set to ``true`` by GitHub Actions: then findings become annotations by default.
GITHUB_VARIABLE = "GITHUB_ACTIONS"
#: The formats this module writes.
CI_FORMATS = ("github", "junit", "gitlab")


def pick_format(given: str | None, environ: Mapping[str, str]) -> str:
    """``--format`` as given, else ``github`` inside GitHub Actions, else ``text``."""
    if given:
        return given
    return "github" if environ.get(GITHUB_VARIABLE) == "true" else "text"


def _stdout(data: bytes) -> None:
    sys.stdout.write(data.decode("utf-8"))


def print_audit(result: AuditResult, fmt: str, unit_names: dict[str, str], strict: bool,
                prefix: str) -> None:
    """The audit in ``fmt`` (github, junit or gitlab) on standard output."""
    if fmt == "github":
        print_github(result, prefix)
    elif fmt == "junit":
        _stdout(junit.audit_junit(result, unit_names, strict, prefix))
    else:
        _stdout(codequality.dumps(codequality.audit_issues(result, prefix)))


def write_audit_files(result: AuditResult, unit_names: dict[str, str], strict: bool,
                      prefix: str, junit_file: Path | None, codequality_file: Path | None
                      ) -> None:
    """The JUnit XML and code quality reports, each to its file (atomically)."""
    if junit_file is not None:
        replace_bytes(junit_file, junit.audit_junit(result, unit_names, strict, prefix))
    if codequality_file is not None:
        replace_bytes(codequality_file,
                      codequality.dumps(codequality.audit_issues(result, prefix)))


def print_review(result: ReviewResult, fmt: str, locale: str, prefix: str) -> None:
    """The review in ``fmt`` (github, junit or gitlab) on standard output."""
    if fmt == "github":
        for finding in result.findings:
            props = f"file={escape_annotation(prefix + finding.path, True)}"
            props += f",title={escape_annotation(finding.rule, True)}"
            where = f" ({finding.commit} {finding.author})" if finding.commit else ""
            message = render(finding.message, locale) + where
            sys.stdout.write(f"::error {props}::{escape_annotation(message)}\n")
    elif fmt == "junit":
        _stdout(junit.review_junit(result, locale, prefix))
    else:
        _stdout(codequality.dumps(codequality.review_issues(result, locale, prefix)))


def write_review_files(result: ReviewResult, locale: str, prefix: str,
                       junit_file: Path | None, codequality_file: Path | None) -> None:
    """The review's JUnit XML and code quality reports, each to its file."""
    if junit_file is not None:
        replace_bytes(junit_file, junit.review_junit(result, locale, prefix))
    if codequality_file is not None:
        replace_bytes(codequality_file,
                      codequality.dumps(codequality.review_issues(result, locale, prefix)))
