"""validate: every rule of the files themselves, none that depends on the date — a commit
never fails because time passed, and never passes a record that is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import SafetyRepo
from records import MAJOR, PLAN, data
from safecheck import yamlio
from safecheck.validation import dated_rules


def put(repo: SafetyRepo, record: dict[str, Any], path: Path | None = None) -> Path:
    path = path or repo.record_path(str(record["id"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yamlio.dump(record), encoding="utf-8")
    return path


def findings(repo: SafetyRepo, *args: str) -> tuple[int, set[tuple[str, str]]]:
    result = repo.run(*args, "--format", "json")
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)
    return result.code, {(f["rule"], f["path"]) for f in report["findings"]}


@pytest.fixture
def late(repo: SafetyRepo, monkeypatch: pytest.MonkeyPatch) -> SafetyRepo:
    """Records that are fine on the day they were written and fail audit months later."""
    put(repo, data("rectifying"))                                       # overdue later
    put(repo, data("reported", id="SW-20261118-P1AN", found_on="2026-11-18"))  # plan due
    put(repo, data("reported", id="RQ-20261120-M4J5", unit="RQ", found_on="2026-11-20",
                   level="major", major={"interim_measures": ["停止作业"]}))  # report due
    monkeypatch.setenv("SAFECHECK_TODAY", "2027-06-01")
    return repo


def test_time_passing_fails_audit_but_not_validate(late: SafetyRepo) -> None:
    code, audit = findings(late, "audit")
    assert code == 1
    assert {rule for rule, _ in audit} >= {"overdue", "plan-incomplete", "major-unreported",
                                           "inspection-due"}
    code, validate = findings(late, "validate")
    assert code == 0 and validate == set()
    text = late.run("validate")
    assert text.code == 0 and "safecheck audit" in text.err  # it says what it left out
    assert set(dated_rules()) == {"overdue", "verification-overdue", "plan-incomplete",
                                  "due-soon", "inspection-due", "campaign-incomplete"}


def test_validate_fails_what_the_files_get_wrong(repo: SafetyRepo) -> None:
    # a careless hand edit: status says reported though the plan is complete
    put(repo, data("reported", plan=PLAN))
    # a dishonest one: closed with the evidence missing from its folder
    put(repo, data("closed", id="SW-20261112-C4D5", found_on="2026-11-12"))
    # the same ID twice, one in the wrong place
    copy = data("rectifying", id="SW-20261113-D6E7", found_on="2026-11-13")
    put(repo, copy)
    put(repo, copy, repo.path / "records" / "RQ" / "2026" / "SW-20261113-D6E7.yaml")
    # a major hazard reported to the authority days late: a fact of the file, not of today
    put(repo, data("reported", id="RQ-20261110-K8T9", unit="RQ", found_on="2026-11-10",
                   level="major", major={**MAJOR, "reported_on": "2026-11-15"}))
    code, found = findings(repo, "validate")
    assert code == 1
    rules = {rule for rule, _ in found}
    assert {"invalid", "missing-document", "duplicate-id", "id-path-mismatch",
            "major-unreported"} <= rules
    assert not rules & set(dated_rules())
    text = repo.run("validate")
    assert "SW-20261116-7KQF" in text.out and text.code == 1


def test_validate_reports_on_the_files_it_is_given(repo: SafetyRepo) -> None:
    good = put(repo, data("rectifying"))
    bad = put(repo, data("closed", id="SW-20261112-C4D5", found_on="2026-11-12"))
    assert findings(repo, "validate", str(good))[0] == 0
    code, found = findings(repo, "validate", str(bad))
    assert code == 1 and found == {("missing-document", "records/SW/2026/SW-20261112-C4D5.yaml")}
    # a document of the record stands for the record
    document = bad.with_suffix("") / "after-1.jpg"
    document.parent.mkdir()
    document.write_bytes(b"photo")
    (document.parent / "extra.pdf").write_bytes(b"pdf")
    code, found = findings(repo, "validate", str(document.parent / "extra.pdf"))
    assert code == 1 and {rule for rule, _ in found} == {"unexpected-path"}
    document.unlink()
    # a path relative to where it runs, as pre-commit passes them
    relative = repo.run("validate", "records/SW/2026/SW-20261112-C4D5.yaml")
    assert relative.code == 1
    # settings judge every record: given safecheck.yaml, everything is reported
    code, found = findings(repo, "validate", "safecheck.yaml")
    assert code == 1 and ("missing-document", "records/SW/2026/SW-20261112-C4D5.yaml") in found


def test_a_file_outside_the_ledger_is_a_one_line_error(repo: SafetyRepo,
                                                       tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("kind: hazard\n", encoding="utf-8")
    result = repo.run("validate", str(outside))
    assert result.code == 2 and "elsewhere.yaml" in result.err
    assert len(result.err.strip().splitlines()) == 1
