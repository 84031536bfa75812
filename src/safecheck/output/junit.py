"""Audit and review results as JUnit XML, the test report GitLab, Jenkins and most CI
platforms show.

One test case per file the audit read (a hazard, an inspection run, a file it could not
read, a path it did not expect) or per hazard a review found changed; a finding that
fails the gate is a ``<failure>`` of its case. A warning does not fail the gate, so its
case passes and the warning is the case's ``<system-out>`` (under ``--strict`` warnings
fail, and are failures). Suites group the cases by unit. Every text is UTF-8, escaped by
the XML writer, with the characters XML 1.0 cannot hold removed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from safecheck.audit import AuditResult, Finding, Subject
from safecheck.i18n import render, text
from safecheck.vocab import Severity

if TYPE_CHECKING:
    from safecheck.review import ReviewFinding, ReviewResult

# Tab, line feed, carriage return and the ranges XML 1.0 allows; anything else (other
# control characters, lone surrogates, U+FFFE/U+FFFF) is removed.
_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    """``value`` as text an XML 1.0 document can hold (escaping is the writer's)."""
    return _ILLEGAL.sub("", str(value))


@dataclass
class _Failure:
    rule: str
    message: str
    detail: str


@dataclass
class _Case:
    name: str
    classname: str
    title: str = ""
    failures: list[_Failure] = field(default_factory=list)
    output: list[str] = field(default_factory=list)


@dataclass
class _Suite:
    name: str
    cases: list[_Case] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def _first_line(value: str, limit: int = 200) -> str:
    line = " ".join(value.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def _document(title: str, suites: list[_Suite]) -> bytes:
    root = ET.Element("testsuites", name=xml_text(title))
    total = failed = 0
    for suite in suites:
        cases = len(suite.cases)
        failing = sum(1 for c in suite.cases if c.failures)
        total, failed = total + cases, failed + failing
        node = ET.SubElement(root, "testsuite", name=xml_text(suite.name), tests=str(cases),
                             failures=str(failing), errors="0", skipped="0", time="0")
        if suite.properties:
            props = ET.SubElement(node, "properties")
            for name, value in suite.properties.items():
                ET.SubElement(props, "property", name=xml_text(name), value=xml_text(value))
        for case in suite.cases:
            item = ET.SubElement(node, "testcase", name=xml_text(case.name),
                                 classname=xml_text(case.classname), time="0")
            for failure in case.failures:
                element = ET.SubElement(item, "failure", type=xml_text(failure.rule),
                                        message=xml_text(_first_line(failure.message)))
                element.text = xml_text(failure.detail)
            if case.output or case.failures:  # the title says what a finding is about
                lines = [case.title, *case.output] if case.title else case.output
                if lines:
                    ET.SubElement(item, "system-out").text = xml_text("\n".join(lines))
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _unit_suite(suites: dict[str, _Suite], unit: str | None, names: dict[str, str],
                prefix: str) -> _Suite:
    key = unit or ""
    if key not in suites:
        label = f"{unit} {names.get(unit, unit)}" if unit else text("ci.junit.repository")
        suites[key] = _Suite(f"{prefix} · {label}")
    return suites[key]


def audit_junit(result: AuditResult, unit_names: dict[str, str], strict: bool,
                prefix: str = "") -> bytes:
    """The audit as JUnit XML: a case per file read, a failure per finding that fails the
    gate (errors; warnings too under ``strict``), other warnings as the case's output."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    subjects = {s.path: s for s in result.subjects}
    for path, found in by_path.items():  # findings on paths no record lives at
        subjects.setdefault(path, Subject(path, found[0].id, found[0].unit))
    title = text("ci.junit.audit")
    suites: dict[str, _Suite] = {}
    ids = Counter(s.id for s in subjects.values())
    for path in sorted(subjects):
        subject = subjects[path]
        suite = _unit_suite(suites, subject.unit, unit_names, title)
        # an ID in two files (duplicate-id) names two cases: the path tells them apart
        name = (subject.id if subject.id and ids[subject.id] == 1
                else f"{subject.id} ({prefix}{path})" if subject.id else prefix + path)
        case = _Case(name, f"audit.{subject.unit or 'repository'}", subject.title)
        for finding in by_path.get(path, []):
            where = _where(prefix + finding.path, finding.line)
            severity = render(finding.severity)
            detail = f"{where}: [{finding.rule}] {severity}: {finding.text}"
            if finding.severity is Severity.ERROR or strict:
                case.failures.append(_Failure(finding.rule, finding.text, detail))
            else:
                case.output.append(detail)
        suite.cases.append(case)
    ordered = [suites[k] for k in sorted(suites)]
    if not ordered:
        ordered = [_Suite(title)]
    for suite in ordered:
        suite.properties = {"as_of": result.today.isoformat(), "strict": str(strict).lower(),
                            "dated_rules": str(not result.timeless).lower()}
    return _document(title, ordered)


def review_junit(result: ReviewResult, locale: str, prefix: str = "") -> bytes:
    """The review as JUnit XML: a case per hazard the range changed (and per other path
    a finding names, safecheck.yaml included), a failure per finding."""
    title = text("ci.junit.review", locale)
    suite = _Suite(title, properties={"base": result.base, "head": result.head,
                                      "commits": str(len(result.commits))})
    cases: dict[str, _Case] = {}
    for hazard in result.hazards:
        cases[hazard.id] = _Case(hazard.id, f"review.{hazard.unit}", hazard.title)
    for finding in result.findings:
        named = finding.hazard_id not in ("", "-")
        name = finding.hazard_id if named else prefix + finding.path
        found = cases.get(name)
        if found is None:
            unit = finding.hazard_id.split("-", 1)[0] if named else "repository"
            found = cases[name] = _Case(name, f"review.{unit}")
        found.failures.append(_Failure(finding.rule, _message(finding, locale),
                                      _review_detail(finding, locale, prefix)))
    suite.cases = [cases[k] for k in sorted(cases)]
    return _document(title, [suite])


def _message(finding: ReviewFinding, locale: str) -> str:
    return render(finding.message, locale)


def _review_detail(finding: ReviewFinding, locale: str, prefix: str) -> str:
    who = text("ci.junit.commit", locale, commit=finding.commit,
               author=finding.author) if finding.commit else ""
    return (f"{prefix}{finding.path}: [{finding.rule}] {_message(finding, locale)}"
            + (f"\n{who}" if who else ""))
