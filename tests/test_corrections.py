"""edit, attach and --commit through the CLI on real git repositories."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import BASE_FIELDS, SafetyRepo
from safecheck import yamlio


def record(repo: SafetyRepo, hazard_id: str) -> dict[str, object]:
    return yamlio.load_mapping(repo.read(hazard_id), "x")


def doc(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(name.encode())
    return str(path)


@pytest.mark.parametrize(("option", "value", "stored"), [
    ("--title", "集水井入口无有限空间警示标志（核实）", None),
    ("--description", "核实后的描述", None),
    ("--location", "三号泵站1号集水井", None),
    ("--department", "生产部", None),
    ("--domain", "fire-safety", None),
    ("--source", "group-inspection", None),
    ("--source-ref", "集团检查通报第3条", None),
    ("--found-on", "2026-11-15", None),
    ("--found-by", "张伟", None),
    ("--checklist-item", "cs-01", "CS-01"),
])
def test_edit_corrects_a_fact_and_logs_old_and_new(repo: SafetyRepo, option: str, value: str,
                                                   stored: str | None) -> None:
    hazard_id = repo.new_hazard()
    field = option[2:].replace("-", "_")
    old = record(repo, hazard_id).get(field)
    result = repo.run("edit", hazard_id, option, value, "--reason", "登记有误", "--by", "李明")
    assert result.code == 0, result.err
    data = record(repo, hazard_id)
    assert data[field] == (stored or value)
    assert data["corrections"] == [{"date": "2026-11-21", "by": "李明", "fields": {
        field: [old, stored or value]}, "reason": "登记有误"}]
    assert repo.run("audit").code == 0


@pytest.mark.parametrize("option", ["--status", "--deadline", "--to", "--document", "--unit",
                                    "--verified-by"])
def test_edit_refuses_what_other_commands_own(repo: SafetyRepo, option: str) -> None:
    hazard_id = repo.new_hazard()
    before = repo.snapshot()
    result = repo.run("edit", hazard_id, option, "x", "--reason", "r", "--by", "李明")
    assert result.code == 2 and option in result.err
    assert repo.snapshot() == before


def test_edit_needs_a_reason_and_who(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard()
    result = repo.run("edit", hazard_id, "--title", "新标题", "--no-input")
    assert result.code == 2 and "--reason" in result.err and "--by" in result.err


def test_a_downgrade_with_and_without_an_approver(repo: SafetyRepo) -> None:
    fields = [*BASE_FIELDS]
    fields[fields.index("general")] = "major"
    hazard_id = json.loads(repo.run("new-hazard", "--no-input", "--format", "json", *fields,
                                    "--interim-measure", "停止作业").out)["id"]
    before = repo.snapshot()
    refused = repo.run("edit", hazard_id, "--level", "general", "--reason", "复核", "--by", "李明")
    assert refused.code == 2 and "--approved-by" in refused.err
    assert repo.snapshot() == before
    done = repo.run("edit", hazard_id, "--level", "general", "--reason", "复核不构成重大隐患",
                    "--by", "李明", "--approved-by", "陈明")
    assert done.code == 0, done.err
    data = record(repo, hazard_id)
    assert data["level"] == "general"
    assert data["corrections"][-1]["approved_by"] == "陈明"  # type: ignore[index]
    assert data["corrections"][-1]["fields"] == {"level": ["major", "general"]}  # type: ignore[index]


def test_edit_of_a_closed_hazard_is_refused(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = repo.new_hazard()
    assert repo.run("rectify", hazard_id, "--by", "王强", "--actions", "x",
                    "--document", doc(tmp_path, "a.jpg")).code == 0
    assert repo.run("close", hazard_id, "--verified-by", "张伟").code == 0
    result = repo.run("edit", hazard_id, "--title", "新", "--reason", "x", "--by", "李明")
    assert result.code == 2 and "已销号" in result.err


def test_attach_before_and_after_closing(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = repo.new_hazard()
    assert repo.run("attach", hazard_id, "--document", doc(tmp_path, "现场.jpg")).code == 0
    assert repo.run("attach", hazard_id, "--document", doc(tmp_path, "检查表.pdf")).code == 0
    assert record(repo, hazard_id)["documents"] == {"before": ["现场.jpg"],
                                                    "other": ["检查表.pdf"]}
    assert repo.run("rectify", hazard_id, "--by", "王强", "--actions", "x",
                    "--document", doc(tmp_path, "现场.jpg")).code == 0
    docs = record(repo, hazard_id)["documents"]
    assert docs["after"] == ["现场-2.jpg"]  # type: ignore[index]  # never overwritten
    assert repo.run("attach", hazard_id, "--document", doc(tmp_path, "补拍.jpg"),
                    "--kind", "after").code == 0
    assert repo.run("close", hazard_id, "--verified-by", "张伟").code == 0
    before = repo.snapshot()
    sealed = repo.run("attach", hazard_id, "--document", doc(tmp_path, "late.jpg"))
    assert sealed.code == 2 and "已销号" in sealed.err
    assert repo.snapshot() == before


def test_commit_commits_exactly_the_files_written(repo: SafetyRepo, tmp_path: Path) -> None:
    (repo.path / "notes.txt").write_text("staged, not ours")
    repo.git("add", "notes.txt")
    result = repo.run("new-hazard", "--no-input", "--format", "json", *BASE_FIELDS,
                      "--document", doc(tmp_path, "before.jpg"), "--commit")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    files = repo.git("show", "--name-only", "--format=%s", "HEAD").splitlines()
    assert files[0] == f"登记隐患 {out['id']}：三号泵站集水井入口无警示标志"
    assert sorted(f for f in files[1:] if f) == sorted([
        out["path"], out["path"].removesuffix(".yaml") + "/before.jpg"])
    assert "A  notes.txt" in repo.git("status", "--short")  # still staged, not committed
    assert out["commit"] == repo.git("rev-parse", "HEAD").strip()


def test_commit_outside_git_says_the_files_are_written(tmp_path: Path) -> None:
    from helpers import run

    root = tmp_path / "plain"
    assert run("init", str(root), "--org", "示例", "--unit", "SW=水务").code == 0
    shutil.rmtree(root / ".git")  # init makes a repository; this ledger lost it
    result = run("new-hazard", "--no-input", *BASE_FIELDS, "--commit", cwd=root)
    assert result.code == 2 and "已写入但未提交" in result.err
    assert len(list((root / "records").rglob("*.yaml"))) == 1


def test_edit_asks_for_what_is_missing_at_a_terminal(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard()
    exe = str(Path(sys.executable).with_name("safecheck"))
    child = pexpect.spawn(exe, ["edit", hazard_id], cwd=str(repo.path), encoding="utf-8",
                          timeout=20, env=dict(os.environ, LANG="C.UTF-8", TERM="dumb"))
    for prompt, answer in (("要更正哪一项", "3"), ("隐患部位", "三号泵站1号集水井"),
                           ("原因", "部位不准确"), ("经办人", "李明")):
        child.expect(prompt)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert record(repo, hazard_id)["location"] == "三号泵站1号集水井"
