"""review: closures reviewed like code, on a feature branch against main."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import run
from safecheck import yamlio
from scenario import Scenario, plan, register

WHEN = "2026-11-{:02d}T10:00:00+08:00"


@pytest.fixture
def branch(tmp_path: Path) -> tuple[Scenario, str]:
    """Main has a rectifying hazard of unit SW; HEAD is a new branch 'sw/close'."""
    s = Scenario(tmp_path / "ledger")
    hazard_id = register(s, "2026-11-03", "SW", "泵房消防通道堵塞", *plan("王强", "2026-11-30"))
    s.commit_as("李明", "登记", WHEN.format(3))
    s.git("checkout", "-q", "-b", "sw/close")
    return s, hazard_id


def rectify(s: Scenario, hazard_id: str, day: int = 10, commit: bool = True) -> None:
    s.on(f"2026-11-{day:02d}", "rectify", hazard_id, "--by", "王强", "--actions", "已清理",
         "--document", s.document("after-1.jpg"))
    if commit:
        s.commit_as("王强", "整改完成", WHEN.format(day))


def close(s: Scenario, hazard_id: str, verifier: str = "张伟", author: str = "张伟",
          day: int = 11) -> None:
    s.on(f"2026-11-{day:02d}", "close", hazard_id, "--verified-by", verifier)
    s.commit_as(author, "销号", WHEN.format(day))


def review(s: Scenario, *args: str) -> tuple[int, dict[str, object]]:
    os.environ["SAFECHECK_TODAY"] = "2026-11-25"
    result = run("review", *args, "--format", "json", cwd=s.path)
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out)


def rules(report: dict[str, object]) -> set[tuple[str, str]]:
    return {(f["rule"], f["id"]) for f in report["findings"]}  # type: ignore[index,union-attr]


def edit(s: Scenario, hazard_id: str, change: dict[str, object], author: str = "李明",
         day: int = 12) -> None:
    path = s.record_path(hazard_id)
    data = yamlio.load_mapping(path.read_text(encoding="utf-8"), "x")
    data.update(change)
    path.write_text(yamlio.dump(data), encoding="utf-8")
    s.commit_as(author, "手工修改", WHEN.format(day))


def test_a_clean_closure_passes(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    rectify(s, hazard_id)
    close(s, hazard_id)
    code, report = review(s)
    assert code == 0 and report["passed"] is True
    (hazard,) = report["hazards"]  # type: ignore[misc]
    assert hazard["id"] == hazard_id and (hazard["before"], hazard["after"]) == (
        "rectifying", "closed")
    assert "closed" in hazard["changes"] and len(hazard["commits"]) == 2
    text = run("review", cwd=s.path)
    assert text.code == 0 and "审查通过" in text.out
    markdown = run("review", "--format", "markdown", "--lang", "en", cwd=s.path).out
    assert markdown.startswith("### safecheck review: passed")


def test_a_closing_commit_by_someone_who_is_not_a_verifier(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    rectify(s, hazard_id)
    close(s, hazard_id, author="王强")
    code, report = review(s)
    assert code == 1 and rules(report) == {("closure-author", hazard_id)}
    assert "王强 <wangqiang@example.com>" in report["findings"][0]["message"]  # type: ignore


def test_the_verification_must_name_the_closing_author(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    rectify(s, hazard_id)
    close(s, hazard_id, verifier="陈明", author="张伟")
    code, report = review(s)
    assert code == 1 and rules(report) == {("closure-author", hazard_id)}
    assert "names 陈明" in report["findings"][0]["message"]  # type: ignore[index]


def test_closure_documents_must_be_in_the_tree(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    rectify(s, hazard_id, commit=False)
    (s.path / ".gitignore").write_text("*.jpg\n", encoding="utf-8")
    s.commit_as("王强", "整改完成（忘了照片）", WHEN.format(10))
    close(s, hazard_id)
    code, report = review(s)
    assert code == 1 and ("closure-documents", hazard_id) in rules(report)


def test_an_unindependent_closure_by_hand(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    rectify(s, hazard_id)
    edit(s, hazard_id, {"verifications": [{"date": "2026-11-12", "by": "王强",
                                           "result": "pass"}], "status": "closed"},
         author="张伟")
    code, report = review(s)
    assert code == 1 and ("closure-verification", hazard_id) in rules(report)


def test_reported_straight_to_closed_without_a_plan(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "ledger")
    hazard_id = register(s, "2026-11-03", "SW", "泵房消防通道堵塞")
    s.commit_as("李明", "登记", WHEN.format(3))
    s.git("checkout", "-q", "-b", "shortcut")
    edit(s, hazard_id, {"status": "closed", "verifications": [
        {"date": "2026-11-12", "by": "张伟", "result": "pass"}]}, author="张伟")
    code, report = review(s)
    assert code == 1 and ("status-jump", hazard_id) in rules(report)
    jump = next(f for f in report["findings"] if f["rule"] == "status-jump")  # type: ignore
    assert "reported → closed without what it needs" in jump["message"]


def test_a_deleted_record(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    s.record_path(hazard_id).unlink()
    s.commit_as("李明", "删除", WHEN.format(12))
    code, report = review(s)
    assert code == 1 and rules(report) == {("deleted", hazard_id)}


def test_a_changed_id(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    edit(s, hazard_id, {"id": "SW-20261103-ZZZZ"})
    code, report = review(s)
    assert code == 1 and ("id-changed", "SW-20261103-ZZZZ") in rules(report)


def test_closed_hazards_change_only_by_reopening(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "ledger")
    hazard_id = register(s, "2026-11-03", "SW", "泵房消防通道堵塞", *plan("王强", "2026-11-30"))
    s.commit_as("李明", "登记", WHEN.format(3))
    rectify(s, hazard_id)
    close(s, hazard_id)
    s.git("checkout", "-q", "-b", "edit-closed")
    edit(s, hazard_id, {"location": "二号厂区"})
    code, report = review(s)
    assert code == 1 and rules(report) == {("closed-edited", hazard_id)}
    s.git("checkout", "-q", "main")
    s.git("checkout", "-q", "-b", "jump")
    edit(s, hazard_id, {"status": "reported"})
    code, report = review(s)
    assert ("status-jump", hazard_id) in rules(report)
    s.git("checkout", "-q", "main")
    s.git("checkout", "-q", "-b", "reopen")
    s.on("2026-11-13", "reopen", hazard_id, "--reason", "复发", "--by", "陈明",
         "--deadline", "2026-11-30")
    s.commit_as("陈明", "重新打开", WHEN.format(13))
    edit(s, hazard_id, {"location": "二号厂区"}, day=14)
    assert review(s)[0] == 0


def test_explicit_ranges_and_bad_ones(branch: tuple[Scenario, str]) -> None:
    s, hazard_id = branch
    rectify(s, hazard_id)
    close(s, hazard_id, author="王强")
    assert review(s, "main..HEAD")[0] == 1
    assert review(s, "HEAD~1..HEAD")[0] == 1
    assert review(s, "main...HEAD")[0] == 1
    assert review(s, "HEAD~1")[1]["commits"] == 1
    assert review(s, "HEAD..HEAD")[1]["hazards"] == []
    bad = run("review", "no-such-branch..HEAD", cwd=s.path)
    assert bad.code == 2 and "unknown revision 'no-such-branch'" in bad.err
    settings = s.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "base_branch: trunk\n",
                        encoding="utf-8")
    missing = run("review", cwd=s.path)
    assert missing.code == 2 and "no base branch 'trunk'" in missing.err
