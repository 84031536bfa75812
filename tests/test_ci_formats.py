"""audit, validate and review in CI formats: JUnit XML checked against the Jenkins xUnit
plugin's junit-10.xsd (both versions), GitLab code quality checked against a JSON Schema
of GitLab's documented fields, GitHub annotations; picked for GitHub Actions by itself."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema

from ci_tools import junit_xsds
from helpers import SafetyRepo, run
from records import MAJOR, PLAN, data
from safecheck import yamlio
from safecheck.output.junit import xml_text

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "gitlab-codequality.schema.json")
                    .read_text(encoding="utf-8"))
HOSTILE = '消防通道</failure><testcase name="x"/> & "引号" ]]> <![CDATA['


@pytest.fixture(scope="module")
def xsds() -> list[xmlschema.XMLSchema]:
    return [xmlschema.XMLSchema(str(path)) for path in junit_xsds()]


def put(repo: SafetyRepo, record: dict[str, Any]) -> Path:
    path = repo.record_path(str(record["id"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yamlio.dump(record), encoding="utf-8")
    for names in (record.get("documents") or {}).values():
        for name in names:
            path.with_suffix("").mkdir(exist_ok=True)
            (path.with_suffix("") / name).write_bytes(b"doc")
    return path


@pytest.fixture
def ledger(repo: SafetyRepo) -> SafetyRepo:
    """As of 2026-11-21: one hazard due soon (a warning), one overdue with a title that
    tries to break XML, a major hazard overdue, a file that is not YAML, and a stray file
    whose name holds a control character."""
    put(repo, data("rectifying"))  # deadline 11-28: due soon
    put(repo, data("rectifying", id="SW-20261110-B2C3", found_on="2026-11-10",
                   title=HOSTILE, plan={**PLAN, "deadline": "2026-11-15"}))
    put(repo, data("rectifying", id="RQ-20261112-M4J5", unit="RQ", found_on="2026-11-12",
                   level="major", major={**MAJOR, "reported_on": "2026-11-12"},
                   plan={**PLAN, "deadline": "2026-11-18"}))
    bad = repo.path / "records" / "SW" / "2026" / "SW-20261111-BAD1.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    (repo.path / "records" / "SW" / "2026" / "stray\x01file.txt").write_bytes(b"x")
    return repo


def junit(repo: SafetyRepo, *args: str) -> tuple[int, bytes]:
    result = repo.run("audit", "--format", "junit", *args)
    return result.code, result.out.encode("utf-8")


def parse(document: bytes | str) -> ET.Element:
    return ET.fromstring(document)  # noqa: S314 - safecheck's own output, in a test


def cases(document: bytes) -> dict[str, ET.Element]:
    root = parse(document)
    return {c.get("name", ""): c for c in root.iter("testcase")}


def test_audit_junit_is_junit_xml_with_a_case_per_record(
        ledger: SafetyRepo, xsds: list[xmlschema.XMLSchema]) -> None:
    code, document = junit(ledger)
    assert code == 1
    for schema in xsds:
        schema.validate(document)  # raises when the XML breaks the schema
    root = parse(document)
    found = cases(document)
    assert {"SW-20261116-7KQF", "SW-20261110-B2C3", "RQ-20261112-M4J5",
            "SW-20261111-BAD1"} <= set(found)
    stray = next(name for name in found if name.startswith("records/SW/2026/stray"))
    assert stray == "records/SW/2026/strayfile.txt"  # the control character is gone
    failing = {n for n, c in found.items() if c.find("failure") is not None}
    assert failing == {"SW-20261110-B2C3", "RQ-20261112-M4J5", "SW-20261111-BAD1", stray}
    assert root.get("tests") == str(len(found)) and root.get("failures") == str(len(failing))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"safecheck 台账审计 · SW 水务公司", "safecheck 台账审计 · RQ 燃气公司"}
    assert sum(int(s.get("tests", "0")) for s in suites.values()) == len(found)
    # the hostile title is text, read back exactly; the failure names file, line and rule
    overdue = found["SW-20261110-B2C3"]
    failure = overdue.find("failure")
    assert failure is not None and failure.get("type") == "overdue"
    assert "已逾期 6 天" in (failure.get("message") or "")
    assert (failure.text or "").startswith("records/SW/2026/SW-20261110-B2C3.yaml:")
    assert (overdue.findtext("system-out") or "") == HOSTILE
    assert found["SW-20261111-BAD1"].find("failure").get("type") == "invalid"  # type: ignore


def test_a_warning_passes_with_its_text_unless_strict(
        ledger: SafetyRepo, xsds: list[xmlschema.XMLSchema]) -> None:
    _, document = junit(ledger)
    due = cases(document)["SW-20261116-7KQF"]
    assert due.find("failure") is None
    assert "[due-soon]" in (due.findtext("system-out") or "")
    code, strict = junit(ledger, "--strict")
    assert code == 1
    failure = cases(strict)["SW-20261116-7KQF"].find("failure")
    assert failure is not None and failure.get("type") == "due-soon"
    for schema in xsds:
        schema.validate(strict)


def test_the_schemas_do_reject_what_is_not_junit(xsds: list[xmlschema.XMLSchema]) -> None:
    nameless = b'<testsuites><testsuite name="s" tests="1" failures="0" errors="0">' \
               b'<testcase/></testsuite></testsuites>'
    for schema in xsds:
        with pytest.raises(xmlschema.XMLSchemaValidationError):
            schema.validate(nameless)


def test_an_empty_ledger_is_valid_junit(repo: SafetyRepo,
                                        xsds: list[xmlschema.XMLSchema]) -> None:
    code, document = junit(repo)
    assert code == 0
    for schema in xsds:
        schema.validate(document)
    assert parse(document).get("tests") == "0"


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    assert xml_text("a\x00b\x0bc\x1fd\ud800e\ufffef\uffff") == "abcdef"
    assert xml_text("隐患\t\n\r𝄞") == "隐患\t\n\r𝄞"


def issues(repo: SafetyRepo) -> list[dict[str, Any]]:
    result = repo.run("audit", "--format", "gitlab")
    assert result.code == 1, result.err
    found: list[dict[str, Any]] = json.loads(result.out)
    jsonschema.validate(found, SCHEMA)
    return found


def test_gitlab_code_quality_follows_the_documented_format(ledger: SafetyRepo) -> None:
    found = issues(ledger)
    assert len({i["fingerprint"] for i in found}) == len(found)
    by_path = {i["location"]["path"]: i for i in found}
    overdue = by_path["records/SW/2026/SW-20261110-B2C3.yaml"]
    assert overdue["severity"] == "major" and overdue["check_name"] == "safecheck.audit.overdue"
    assert overdue["location"]["lines"]["begin"] > 1
    assert overdue["description"].startswith("SW-20261110-B2C3: 已逾期 6 天")
    assert by_path["records/RQ/2026/RQ-20261112-M4J5.yaml"]["severity"] == "critical"
    assert by_path["records/SW/2026/SW-20261116-7KQF.yaml"]["severity"] == "minor"
    assert by_path["records/SW/2026/SW-20261111-BAD1.yaml"]["check_name"].endswith("invalid")


def test_fingerprints_stay_when_the_words_and_lines_change(ledger: SafetyRepo,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    before = {i["fingerprint"]: i for i in issues(ledger)}
    monkeypatch.setenv("SAFECHECK_TODAY", "2026-11-23")  # two more days overdue
    path = ledger.record_path("SW-20261110-B2C3")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "department:", "department:", 1).replace("kind: hazard\n", "kind: hazard\n\n", 1),
        encoding="utf-8")  # a blank line: every line number moves
    after = {i["fingerprint"]: i for i in issues(ledger)}
    key = next(f for f, i in before.items() if "B2C3" in i["description"])
    assert key in after
    assert before[key]["description"] != after[key]["description"]
    assert before[key]["location"]["lines"] != after[key]["location"]["lines"]


def test_github_annotations_are_the_default_inside_github_actions(
        ledger: SafetyRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = ledger.run("audit")
    assert result.code == 1
    lines = result.out.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert any(line.startswith("::error file=records/SW/2026/SW-20261110-B2C3.yaml,line=")
               for line in lines)
    assert ledger.run("audit", "--format", "text").out.count("::error") == 0
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert "::error" not in ledger.run("audit").out


def test_report_files_are_written_beside_the_text(ledger: SafetyRepo, tmp_path: Path,
                                                  xsds: list[xmlschema.XMLSchema]) -> None:
    xml, quality = tmp_path / "out" / "audit.xml", tmp_path / "out" / "quality.json"
    result = ledger.run("audit", "--junit-xml", str(xml), "--codequality", str(quality))
    assert result.code == 1
    assert "SW-20261110-B2C3" in result.out and "台账" in result.out  # the text, for the log
    for schema in xsds:
        schema.validate(xml.read_bytes())
    jsonschema.validate(json.loads(quality.read_text(encoding="utf-8")), SCHEMA)
    # the same findings in both files
    failing = [c for c in parse(xml.read_bytes()).iter("testcase")
               if c.find("failure") is not None]
    errors = [i for i in json.loads(quality.read_text(encoding="utf-8"))
              if i["severity"] != "minor"]
    assert len(failing) == len(errors)


def test_a_report_file_that_cannot_be_written_is_a_one_line_error(ledger: SafetyRepo) -> None:
    (ledger.path / "blocker").write_text("a file, not a folder")
    result = ledger.run("audit", "--junit-xml", str(ledger.path / "blocker" / "x.xml"))
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1


def test_paths_are_given_from_the_top_of_the_work_tree(tmp_path: Path,
                                                       xsds: list[xmlschema.XMLSchema]
                                                       ) -> None:
    top = tmp_path / "top"
    top.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(top)], check=True)
    assert run("init", str(top / "safety"), "--org", "示例集团", "--unit", "SW=水务公司").code == 0
    assert not (top / "safety" / ".git").exists()  # the ledger is a folder of the repository
    repo = SafetyRepo(top / "safety")
    put(repo, data("rectifying", plan={**PLAN, "deadline": "2026-11-18"}))
    github = repo.run("audit", "--format", "github")
    assert "file=safety/records/SW/2026/SW-20261116-7KQF.yaml" in github.out
    quality = json.loads(repo.run("audit", "--format", "gitlab").out)
    assert quality[0]["location"]["path"] == "safety/records/SW/2026/SW-20261116-7KQF.yaml"
    _, document = junit(repo)
    failure = cases(document)["SW-20261116-7KQF"].find("failure")
    assert failure is not None and (failure.text or "").startswith("safety/records/SW/")


def test_validate_speaks_the_same_formats(ledger: SafetyRepo,
                                          xsds: list[xmlschema.XMLSchema]) -> None:
    result = ledger.run("validate", "--format", "junit")
    assert result.code == 1
    for schema in xsds:
        schema.validate(result.out.encode())
    found = cases(result.out.encode())
    # validate leaves the date to audit: overdue hazards pass here, broken files fail
    assert found["SW-20261110-B2C3"].find("failure") is None
    assert found["SW-20261111-BAD1"].find("failure") is not None
    props = {p.get("name"): p.get("value") for p in parse(result.out).iter("property")}
    assert props["dated_rules"] == "false"


# --- review ---------------------------------------------------------------------------------

@pytest.fixture
def moved(tmp_path: Path) -> Any:
    """A merge request that moves a deadline by hand (review fails it)."""
    from scenario import Scenario, plan, register

    s = Scenario(tmp_path / "ledger")
    hazard = register(s, "2026-11-03", "SW", "泵房消防通道<堵塞>", *plan("王强", "2026-11-30"))
    s.commit_as("李明", "登记", "2026-11-03T10:00:00+08:00")
    s.git("checkout", "-q", "-b", "sw/work")
    path = s.record_path(hazard)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "deadline: 2026-11-30", "deadline: 2026-12-31"), encoding="utf-8")
    s.commit_as("王强", "手工修改", "2026-11-12T10:00:00+08:00")
    return s, hazard


def test_review_in_ci_formats(moved: Any, monkeypatch: pytest.MonkeyPatch,
                              xsds: list[xmlschema.XMLSchema]) -> None:
    s, hazard = moved
    monkeypatch.setenv("SAFECHECK_TODAY", "2026-11-25")
    result = run("review", "--format", "junit", cwd=s.path)
    assert result.code == 1
    for schema in xsds:
        schema.validate(result.out.encode())
    case = cases(result.out.encode())[hazard]
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "deadline-moved"
    assert "王强" in (failure.text or "") and case.findtext("system-out") == "泵房消防通道<堵塞>"
    quality = run("review", "--format", "gitlab", cwd=s.path)
    found = json.loads(quality.out)
    jsonschema.validate(found, SCHEMA)
    assert [i["check_name"] for i in found] == ["safecheck.review.deadline-moved"]
    assert found[0]["location"]["path"] == f"records/SW/2026/{hazard}.yaml"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    github = run("review", cwd=s.path)
    assert github.code == 1
    assert github.out.startswith(f"::error file=records/SW/2026/{hazard}.yaml,"
                                 "title=deadline-moved::")


def test_review_writes_report_files_and_keeps_its_text(moved: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    s, hazard = moved
    monkeypatch.setenv("SAFECHECK_TODAY", "2026-11-25")
    xml, quality = tmp_path / "review.xml", tmp_path / "quality.json"
    result = run("review", "--junit-xml", str(xml), "--codequality", str(quality), cwd=s.path)
    assert result.code == 1 and "deadline-moved" in result.out
    assert hazard.encode() in xml.read_bytes()
    assert json.loads(quality.read_text(encoding="utf-8"))[0]["severity"] == "major"
