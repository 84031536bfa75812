"""A major hazard's whole life through the installed CLI, on a real git repository:
registered at once with interim control, reported, supervised, governance plan, two
rounds with a failed verification between them, assessment, sign-off and closure."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import SafetyRepo, run_installed
from safecheck import yamlio


def installed(repo: SafetyRepo, day: str, *args: str) -> str:
    env = dict(os.environ, SAFECHECK_TODAY=day, GIT_AUTHOR_DATE=f"{day}T10:00:00+08:00",
               GIT_COMMITTER_DATE=f"{day}T10:00:00+08:00")
    done = run_installed(*args, cwd=repo.path, env=env)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


def refused(repo: SafetyRepo, day: str, *args: str) -> str:
    before = repo.snapshot()
    env = dict(os.environ, SAFECHECK_TODAY=day)
    done = run_installed(*args, cwd=repo.path, env=env)
    assert done.returncode == 2, (args, done.stdout)
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert repo.snapshot() == before
    return done.stderr


def photo(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(b"\xff\xd8 " + name.encode())
    return str(path)


def test_a_major_hazard_from_registration_to_sign_off(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = installed(
        repo, "2026-11-20", "new-hazard", "-q", "--no-input", "--unit", "RQ",
        "--domain", "confined-space", "--level", "major",
        "--title", "门站调压间地下阀门井硫化氢浓度超标且无通风设施",
        "--description", "阀门井内检测硫化氢 15ppm，无机械通风。",
        "--location", "东郊门站3号阀门井",
        "--source", "self-inspection", "--found-on", "2026-11-20", "--found-by", "赵刚",
        "--interim-measure", "停止阀门井内一切作业", "--interim-measure", "井口设置警戒区并上锁",
        "--commit").strip()
    assert "status: reported" in repo.read(hazard_id)
    # no plan yet: not overdue, but the audit wants it reported to the authority
    audit = run_installed("audit", "--format", "json", cwd=repo.path,
                          env=dict(os.environ, SAFECHECK_TODAY="2026-11-22"))
    assert '"major-unreported"' in audit.stdout and audit.returncode == 1
    installed(repo, "2026-11-20", "major", hazard_id, "--reported-on", "2026-11-20",
              "--reported-to", "区应急管理局", "--commit")
    installed(repo, "2026-11-21", "major", hazard_id, "--supervised-by", "区安委办", "--commit")
    installed(repo, "2026-11-21", "plan", hazard_id, "--measure", "加装防爆轴流风机",
              "--measure", "设置硫化氢检测报警仪并与风机联动", "--responsible", "赵刚",
              "--funding", "48000", "--deadline", "2026-12-20",
              "--contingency-plan", "整改完成前禁止进入", "--commit")
    assert "status: reported" in repo.read(hazard_id)  # the governance plan is missing
    err = refused(repo, "2026-11-22", "rectify", hazard_id, "--by", "赵刚", "--actions", "x",
                  "--document", photo(tmp_path, "x.jpg"))
    assert "重大隐患判定依据" in err and "治理方案批准人" in err
    installed(repo, "2026-11-21", "major", hazard_id, "--basis",
              "《城镇燃气经营安全重大隐患判定标准》第五条", "--objectives", "消除中毒窒息风险",
              "--plan-approved-by", "陈明", "--commit")
    assert "status: rectifying" in repo.read(hazard_id)
    installed(repo, "2026-11-24", "rectify", hazard_id, "--by", "赵刚", "--actions", "已加装风机",
              "--document", photo(tmp_path, "风机.jpg"), "--commit")
    installed(repo, "2026-11-25", "reject", hazard_id, "--verified-by", "刘洋",
              "--notes", "报警仪未与风机联动", "--commit")
    installed(repo, "2026-11-26", "rectify", hazard_id, "--by", "孙丽",
              "--actions", "报警仪与风机联动", "--document", photo(tmp_path, "联动.jpg"),
              "--commit")
    err = refused(repo, "2026-11-27", "close", hazard_id, "--verified-by", "刘洋")
    assert "原因分析" in err and "--root-cause" in err  # it says which command sets it
    assert refused(repo, "2026-11-27", "plan", hazard_id, "--root-cause", "x")  # verifying
    installed(repo, "2026-11-27", "edit", hazard_id, "--root-cause", "设计未考虑阀门井通风",
              "--reason", "补填原因分析", "--by", "赵刚", "--commit")
    err = refused(repo, "2026-11-27", "close", hazard_id, "--verified-by", "刘洋")
    assert "治理后评估" in err
    installed(repo, "2026-11-27", "major", hazard_id, "--assessed-on", "2026-11-27",
              "--assessed-by", "集团安全生产专家组", "--commit")
    err = refused(repo, "2026-11-27", "close", hazard_id, "--verified-by", "刘洋")
    assert "区安委办" in err
    installed(repo, "2026-11-27", "major", hazard_id, "--signoff-on", "2026-11-27",
              "--signoff-by", "区安委办", "--signoff-reference", "复查意见书〔2026〕12号",
              "--commit")
    installed(repo, "2026-11-27", "close", hazard_id, "--verified-by", "刘洋",
              "--notes", "现场复查合格", "--commit")
    record = yamlio.load_mapping(repo.read(hazard_id), "x")
    assert record["status"] == "closed"
    assert [r["by"] for r in record["rectifications"]] == ["赵刚", "孙丽"]
    assert [r["documents"] for r in record["rectifications"]] == [["风机.jpg"], ["联动.jpg"]]
    assert [v["result"] for v in record["verifications"]] == ["fail", "pass"]
    assert record["major"]["signoff"]["reference"] == "复查意见书〔2026〕12号"
    # one commit per step, each naming the action and the hazard in the ledger's language
    subjects = repo.git("log", "--format=%s").splitlines()
    assert subjects[0] == f"销号 {hazard_id}：现场复查合格"
    assert sum(hazard_id in s for s in subjects) == 12
    # history and show tell the whole story, both rounds included
    history = installed(repo, "2026-11-27", "history", hazard_id)
    assert "第1轮整改完成" in history and "第2轮整改完成" in history and "验收不合格" in history
    shown = installed(repo, "2026-11-27", "show", hazard_id)
    assert "第1轮整改" in shown and "第2轮整改" in shown and "督办销号" in shown
    assert run_installed("audit", cwd=repo.path, env=dict(
        os.environ, SAFECHECK_TODAY="2026-11-27")).returncode == 0


def test_a_closed_major_hazard_without_assessment_is_an_audit_finding(repo: SafetyRepo) -> None:
    folder = repo.path / "records" / "RQ" / "2026"
    folder.mkdir(parents=True)
    from records import MAJOR, data

    record = data("closed", id="RQ-20261116-7KQF", unit="RQ", level="major",
                  major={**MAJOR, "supervised_by": "区安委办"}, root_cause="设计缺陷")
    (folder / "RQ-20261116-7KQF.yaml").write_text(yamlio.dump(record), encoding="utf-8")
    (folder / "RQ-20261116-7KQF").mkdir()
    (folder / "RQ-20261116-7KQF" / "after-1.jpg").write_bytes(b"x")
    audit = run_installed("audit", "--format", "json", cwd=repo.path)
    assert audit.returncode == 1
    import json

    found = [f["field"] if "field" in f else f["line"] for f in json.loads(audit.stdout)[
        "findings"] if f["rule"] == "major-closure"]
    assert len(found) == 2  # no assessment, no sign-off
