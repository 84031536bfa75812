"""review: every commit of a merge request checked like code, through the installed CLI,
on real git repositories with distinct author identities.

Each forgery a dishonest unit manager tried (issue 8) has a test that shows review (or
audit) failing it; the honest versions of the same steps pass.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from helpers import run_installed
from safecheck import yamlio
from scenario import Scenario, plan, register

WHEN = "2026-11-{:02d}T10:00:00+08:00"


@pytest.fixture
def s(tmp_path: Path) -> Scenario:
    """Main holds a rectifying hazard of unit SW (responsible 王强, deadline 11-30)."""
    scenario = Scenario(tmp_path / "ledger")
    scenario.hazard = register(scenario, "2026-11-03", "SW", "泵房消防通道堵塞",  # type: ignore
                               *plan("王强", "2026-11-30"))
    scenario.commit_as("李明", "登记", WHEN.format(3))
    scenario.git("checkout", "-q", "-b", "sw/work")
    return scenario


def hid(s: Scenario) -> str:
    return str(s.hazard)  # type: ignore[attr-defined]


def review(s: Scenario, *args: str, env: dict[str, str] | None = None,
           ) -> tuple[int, dict[str, Any]]:
    environ = dict(os.environ, SAFECHECK_TODAY="2026-11-25", **(env or {}))
    done = run_installed("review", *args, "--format", "json", cwd=s.path, env=environ)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def rules(report: dict[str, Any]) -> set[str]:
    return {f["rule"] for f in report["findings"]}


def finding(report: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["rule"] == rule)


def rectify(s: Scenario, day: int = 10, by: str = "王强", author: str = "王强",
            commit: bool = True) -> None:
    s.on(f"2026-11-{day:02d}", "rectify", hid(s), "--by", by, "--actions", "已清理",
         "--document", s.document(f"after-{day}.jpg"))
    if commit:
        s.commit_as(author, "整改完成", WHEN.format(day))


def close(s: Scenario, verifier: str = "张伟", author: str = "张伟", day: int = 11,
          commit: bool = True) -> None:
    s.on(f"2026-11-{day:02d}", "close", hid(s), "--verified-by", verifier)
    if commit:
        s.commit_as(author, "销号", WHEN.format(day))


def closed_on_main(s: Scenario) -> None:
    """Rectified and closed properly on main; HEAD is a new branch 'sw/later'."""
    s.git("checkout", "-q", "main")
    rectify(s)
    close(s)
    s.git("checkout", "-q", "-b", "sw/later")


def by_hand(s: Scenario, change: dict[str, Any], author: str, day: int = 12,
            hazard_id: str | None = None) -> None:
    path = s.record_path(hazard_id or hid(s))
    data = yamlio.load_mapping(path.read_text(encoding="utf-8"), "x")
    data.update(change)
    path.write_text(yamlio.dump(data), encoding="utf-8")
    s.commit_as(author, "手工修改", WHEN.format(day))


def settings_edit(s: Scenario, old: str, new: str, author: str = "王强") -> None:
    path = s.path / "safecheck.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    s.commit_as(author, "调整设置", WHEN.format(12))


# --- the honest versions pass ---------------------------------------------------------------

def test_a_proper_closure_by_a_verifier_passes(s: Scenario) -> None:
    rectify(s)
    close(s)
    code, report = review(s)
    assert code == 0 and report["passed"] is True, report["findings"]
    (hazard,) = report["hazards"]
    assert (hazard["before"], hazard["after"]) == ("rectifying", "closed")
    assert len(hazard["commits"]) == 2
    text = run_installed("review", cwd=s.path, env=dict(os.environ,
                                                        SAFECHECK_TODAY="2026-11-25"))
    assert text.returncode == 0 and "审查通过" in text.stdout
    markdown = run_installed("review", "--format", "markdown", "--lang", "en", cwd=s.path)
    assert markdown.stdout.startswith("### safecheck review: passed")


def test_a_keeper_may_commit_a_closure_on_a_verifiers_behalf(s: Scenario) -> None:
    rectify(s)
    close(s, verifier="张伟", author="黄静")
    assert review(s)[0] == 0


def test_rectify_and_close_in_one_commit_by_the_verifier(s: Scenario) -> None:
    rectify(s, commit=False)
    close(s)
    assert review(s)[0] == 0


def test_an_approved_extension_passes(s: Scenario) -> None:
    s.on("2026-11-12", "extend", hid(s), "--to", "2026-12-15", "--reason", "采购周期",
         "--approved-by", "陈明")
    s.commit_as("王强", "延期", WHEN.format(12))
    assert review(s)[0] == 0


def test_a_reopen_and_reclosure_passes(s: Scenario) -> None:
    closed_on_main(s)
    s.on("2026-11-13", "reopen", hid(s), "--reason", "复发", "--by", "陈明",
         "--deadline", "2026-11-30")
    s.commit_as("陈明", "撤销销号", WHEN.format(13))
    rectify(s, day=14)
    close(s, day=15)
    code, report = review(s)
    assert code == 0, report["findings"]


def test_a_merge_of_a_properly_closed_branch_passes(s: Scenario) -> None:
    rectify(s)
    close(s)
    s.git("checkout", "-q", "main")
    s.as_person("陈明", WHEN.format(12), "merge", "-q", "--no-ff", "-m", "合并", "sw/work")
    code, report = review(s, "HEAD~1..HEAD")
    assert code == 0, report["findings"]
    assert report["commits"] == 3  # the branch's two commits and the merge


# --- the range and the settings come from outside the change ---------------------------------

def test_a_base_branch_pointing_at_the_change_itself_is_an_error(s: Scenario) -> None:
    rectify(s)
    close(s, author="王强")
    settings_edit(s, "base_branch: main", "base_branch: sw/work") if "base_branch" in (
        s.path / "safecheck.yaml").read_text() else settings_edit(
        s, "organization: 示例集团\n", "organization: 示例集团\nbase_branch: sw/work\n")
    done = run_installed("review", cwd=s.path)
    assert done.returncode == 2 and "审查基准就是被审查的提交本身" in done.stderr
    # the CI's target branch wins over base_branch, and then the change is reviewed
    code, report = review(s, env={"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"})
    assert code == 1 and {"closure-author", "settings-changed"} <= rules(report)
    code, report = review(s, "--base", "main")
    assert code == 1 and "closure-author" in rules(report)


def test_adding_oneself_to_the_roster_in_the_same_change(s: Scenario) -> None:
    rectify(s)
    settings_edit(s, "- name: 赵刚\n  email: zhaogang@example.com\n  unit: RQ\n",
                  "- name: 赵刚\n  email: zhaogang@example.com\n  roles:\n  - verifier\n",
                  author="赵刚")
    close(s, verifier="赵刚", author="赵刚", day=13)
    code, report = review(s)
    assert code == 1 and {"settings-changed", "role"} <= rules(report)
    assert "赵刚" in finding(report, "settings-changed")["message"]


def test_deleting_the_roster_in_the_same_change(s: Scenario) -> None:
    rectify(s)
    text = (s.path / "safecheck.yaml").read_text(encoding="utf-8")
    head, _, _ = text.partition("people:")
    (s.path / "safecheck.yaml").write_text(head, encoding="utf-8")
    s.commit_as("王强", "精简设置", WHEN.format(12))
    close(s, verifier="赵刚", author="王强", day=13)
    code, report = review(s)
    assert code == 1 and {"settings-changed", "closure-author"} <= rules(report)


def test_swapping_a_verifiers_email_in_the_same_change(s: Scenario) -> None:
    rectify(s)
    settings_edit(s, "- name: 张伟\n  email: zhangwei@example.com",
                  "- name: 张伟\n  email: wangqiang@example.com")
    close(s, verifier="张伟", author="王强", day=13)
    code, report = review(s)
    assert code == 1 and {"settings-changed", "closure-author"} <= rules(report)


def test_switching_the_overdue_rule_off_in_the_same_change(s: Scenario) -> None:
    settings_edit(s, "organization: 示例集团\n", "organization: 示例集团\nrules:\n  overdue: off\n")
    code, report = review(s)
    assert code == 1 and rules(report) == {"settings-changed"}
    assert "rules.overdue" in finding(report, "settings-changed")["message"]


# --- closures ---------------------------------------------------------------------------------

def test_a_record_added_already_closed_by_someone_who_is_not_a_verifier(
        tmp_path: Path) -> None:
    s = Scenario(tmp_path / "ledger")
    s.git("checkout", "-q", "-b", "backfill")
    from records import data

    record = data("closed", id="SW-20261110-7KQF", found_on="2026-11-10",
                  verifications=[{"date": "2026-11-11", "by": "张伟", "result": "pass"}])
    path = s.record_path("SW-20261110-7KQF")
    path.parent.mkdir(parents=True)
    path.write_text(yamlio.dump(record), encoding="utf-8")
    (path.with_suffix("")).mkdir()
    (path.with_suffix("") / "after-1.jpg").write_bytes(b"jpg")
    s.commit_as("王强", "补录", WHEN.format(12))
    code, report = review(s)
    assert code == 1 and "closure-author" in rules(report)
    assert finding(report, "closure-author")["author"] == "王强 <wangqiang@example.com>"


@pytest.mark.parametrize("commits", [1, 2])
def test_a_closed_hazard_rewritten_with_a_fake_reopening(s: Scenario, commits: int) -> None:
    closed_on_main(s)
    record = yamlio.load_mapping(s.read(hid(s)), "x")
    reopening = [{"date": "2026-11-12", "by": "陈明", "reason": "复核", "deadline": "2026-11-30"}]
    if commits == 2:
        by_hand(s, {"reopenings": reopening, "status": "rectifying"}, author="王强", day=12)
    rounds = [*record["rectifications"], {"completed_on": "2026-11-13", "by": "王强",
                                          "actions": "补充", "documents": ["after-10.jpg"]}]
    verifications = [*record["verifications"], {"date": "2026-11-13", "by": "张伟",
                                                "result": "pass"}]
    by_hand(s, {"reopenings": reopening, "rectifications": rounds,
                "verifications": verifications, "status": "closed"}, author="王强", day=13)
    code, report = review(s)
    assert code == 1 and "closure-author" in rules(report)


def test_a_closed_hazards_entries_rewritten(s: Scenario) -> None:
    closed_on_main(s)
    record = yamlio.load_mapping(s.read(hid(s)), "x")
    record["verifications"][0]["by"] = "陈明"
    by_hand(s, {"verifications": record["verifications"]}, author="王强")
    code, report = review(s)
    assert code == 1 and {"append-only", "closed-edited"} <= rules(report)


def test_a_verifiers_no_ff_merge_is_not_credited_with_someone_elses_closure(
        s: Scenario) -> None:
    rectify(s)
    close(s, verifier="张伟", author="王强")   # the responsible person closes on his branch
    s.git("checkout", "-q", "main")
    s.as_person("张伟", WHEN.format(12), "merge", "-q", "--no-ff", "-m", "合并", "sw/work")
    code, report = review(s, "HEAD~1..HEAD")
    assert code == 1 and "closure-author" in rules(report)
    assert finding(report, "closure-author")["author"] == "王强 <wangqiang@example.com>"


def test_an_unindependent_closure_by_hand(s: Scenario) -> None:
    rectify(s)
    by_hand(s, {"verifications": [{"date": "2026-11-12", "by": "王\u200b强", "result": "pass"}],
                "status": "closed"}, author="张伟")
    code, report = review(s)
    assert code == 1 and "independence" in rules(report)


def test_the_cli_compares_names_normalised(s: Scenario) -> None:
    rectify(s)
    for spelled in ("王强 ", " 王强", "王\u200b强", "王　强"):
        done = run_installed("close", hid(s), "--verified-by", spelled, cwd=s.path,
                             env=dict(os.environ, SAFECHECK_TODAY="2026-11-11"))
        assert done.returncode == 2 and "是整改责任人" in done.stderr, spelled


def test_a_major_hazard_downgraded_in_the_closing_commit(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "ledger")
    hazard_id = register(s, "2026-11-03", "SW", "加氯间报警仪失效", *plan("王强", "2026-11-30"),
                         "--interim-measure", "停用加氯间", level="major")
    s.on("2026-11-03", "major", hazard_id, "--reported-on", "2026-11-03", "--reported-to",
         "区应急管理局", "--basis", "121号文第十二项", "--objectives", "恢复报警",
         "--plan-approved-by", "陈明")
    s.commit_as("李明", "登记", WHEN.format(3))
    s.git("checkout", "-q", "-b", "sw/close")
    s.on("2026-11-10", "rectify", hazard_id, "--by", "王强", "--actions", "更换报警仪",
         "--document", s.document("a.jpg"))
    s.commit_as("王强", "整改", WHEN.format(10))
    record = yamlio.load_mapping(s.read(hazard_id), "x")
    by_hand(s, {"level": "general", "status": "closed", "verifications": [
        {"date": "2026-11-12", "by": "张伟", "result": "pass"}]}, author="张伟",
        hazard_id=hazard_id)
    code, report = review(s)
    assert code == 1 and {"downgrade", "root-cause", "major-closure"} <= rules(report)
    assert record["level"] == "major"


@pytest.mark.parametrize(("day", "rule"), [(20, "future-entry"), (1, "late-entry")])
def test_verifications_dated_in_the_future_or_backdated(s: Scenario, day: int,
                                                        rule: str) -> None:
    rectify(s)
    record = yamlio.load_mapping(s.read(hid(s)), "x")
    on = "2026-11-03" if day == 1 else f"2026-11-{day:02d}"
    record["rectifications"][0]["completed_on"] = "2026-11-03"
    by_hand(s, {"verifications": [{"date": on, "by": "张伟", "result": "pass"}],
                "status": "closed", "rectifications": record["rectifications"]},
            author="张伟", day=12)
    code, report = review(s)
    assert code == 1 and rule in rules(report)


# --- voids ------------------------------------------------------------------------------------

def test_the_responsible_person_voids_his_own_overdue_hazard(s: Scenario) -> None:
    by_hand(s, {"void": {"reason": "重复", "by": "王强", "date": "2026-11-12"},
                "status": "void"}, author="王强")
    code, report = review(s)
    assert code == 1 and {"independence", "role"} <= rules(report)


def test_a_closed_hazard_voided_by_hand(s: Scenario) -> None:
    closed_on_main(s)
    by_hand(s, {"void": {"reason": "作废", "by": "陈明", "date": "2026-11-12"},
                "status": "void"}, author="陈明")
    code, report = review(s)
    assert code == 1 and "status-jump" in rules(report)


# --- deadlines and extensions -------------------------------------------------------------------

def test_the_deadline_moved_by_hand(s: Scenario) -> None:
    record = yamlio.load_mapping(s.read(hid(s)), "x")
    record["plan"]["deadline"] = "2026-12-31"
    by_hand(s, {"plan": record["plan"]}, author="王强")
    code, report = review(s)
    assert code == 1 and "deadline-moved" in rules(report)


def test_a_nested_duplicate_deadline_key(s: Scenario) -> None:
    path = s.record_path(hid(s))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  deadline: 2026-11-30\n",
                                 "  deadline: 2026-11-30\n  deadline: 2026-12-31\n"),
                    encoding="utf-8")
    s.commit_as("王强", "手工修改", WHEN.format(12))
    code, report = review(s)
    assert code == 1 and "invalid" in rules(report)
    assert "键“deadline”重复出现" in finding(report, "invalid")["message"]
    audit = run_installed("audit", "--format", "json", cwd=s.path,
                          env=dict(os.environ, SAFECHECK_TODAY="2026-12-05"))
    assert audit.returncode == 1 and "键“deadline”重复出现" in audit.stdout


def test_a_rewritten_extension(s: Scenario) -> None:
    s.git("checkout", "-q", "main")
    s.on("2026-11-12", "extend", hid(s), "--to", "2026-12-05", "--reason", "采购",
         "--approved-by", "陈明")
    s.commit_as("陈明", "延期", WHEN.format(12))
    s.git("checkout", "-q", "-b", "sw/rewrite")
    record = yamlio.load_mapping(s.read(hid(s)), "x")
    record["extensions"][0]["to"] = "2027-01-31"
    by_hand(s, {"extensions": record["extensions"]}, author="王强", day=13)
    code, report = review(s)
    assert code == 1 and "append-only" in rules(report)


def test_an_extension_approved_by_the_responsible_person_by_hand(s: Scenario) -> None:
    by_hand(s, {"extensions": [{"to": "2026-12-31", "reason": "x", "approved_by": "王强",
                                "approved_on": "2026-11-12"}]}, author="王强")
    code, report = review(s)
    assert code == 1 and {"independence", "role"} <= rules(report)


# --- documents and paths ------------------------------------------------------------------------

def test_a_closed_hazards_evidence_photo_replaced(s: Scenario) -> None:
    closed_on_main(s)
    photo = s.record_path(hid(s)).with_suffix("") / "after-10.jpg"
    photo.write_bytes(b"a better photo")
    s.commit_as("王强", "换照片", WHEN.format(12))
    code, report = review(s)
    assert code == 1 and "documents-sealed" in rules(report)


@pytest.mark.parametrize("name", [".{id}.yaml", "{id}.yml", "extra/{id}.yaml"])
def test_a_record_renamed_where_it_is_not_read(s: Scenario, name: str) -> None:
    path = s.record_path(hid(s))
    target = path.parent / name.format(id=hid(s))
    target.parent.mkdir(exist_ok=True)
    shutil.move(str(path), str(target))
    s.commit_as("王强", "整理", WHEN.format(12))
    code, report = review(s)
    assert code == 1 and {"deleted", "unexpected-path"} <= rules(report)
    audit = run_installed("audit", "--format", "json", cwd=s.path)
    assert audit.returncode == 1 and '"unexpected-path"' in audit.stdout


def test_a_symlinked_record(s: Scenario) -> None:
    path = s.record_path(hid(s))
    target = s.path / "elsewhere.yaml"
    shutil.move(str(path), str(target))
    path.symlink_to(target)
    s.commit_as("王强", "链接", WHEN.format(12))
    code, report = review(s)
    assert code == 1 and "unexpected-path" in rules(report)
    audit = run_installed("audit", "--format", "json", cwd=s.path)
    assert audit.returncode == 1 and '"unexpected-path"' in audit.stdout


def test_audit_reports_special_files_under_records(s: Scenario) -> None:
    os.mkfifo(s.path / "records" / "SW" / "2026" / "pipe")
    audit = run_installed("audit", "--format", "json", cwd=s.path)
    assert audit.returncode == 1 and "records/SW/2026/pipe" in audit.stdout


# --- what review refuses to work on ---------------------------------------------------------------

def test_explicit_ranges_and_bad_ones(s: Scenario) -> None:
    rectify(s)
    close(s, author="王强")
    assert review(s, "main..HEAD")[0] == 1
    assert review(s, "HEAD~1..HEAD")[0] == 1
    assert review(s, "main...HEAD")[0] == 1
    assert review(s, "HEAD~1")[1]["commits"] == 1
    bad = run_installed("review", "no-such-branch..HEAD", cwd=s.path)
    assert bad.returncode == 2 and "no-such-branch" in bad.stderr
    same = run_installed("review", "HEAD..HEAD", cwd=s.path)
    assert same.returncode == 2 and len(same.stderr.splitlines()) == 1
    missing = run_installed("review", "--base", "trunk", cwd=s.path)
    assert missing.returncode == 2 and "trunk" in missing.stderr


def test_findings_name_hazard_commit_author_and_rule_in_every_format(s: Scenario) -> None:
    rectify(s)
    close(s, author="王强")
    _, report = review(s)
    f = finding(report, "closure-author")
    assert f["id"] == hid(s) and len(f["commit"]) == 8
    assert f["author"] == "王强 <wangqiang@example.com>"
    assert f["message"] == ("销号提交由 王强 <wangqiang@example.com> 作出，"
                            "既不是验收记录中的验收人 张伟，也不是台账管理员")
    text = run_installed("review", cwd=s.path).stdout
    assert "closure-author" in text and f["commit"] in text and "王强" in text
    markdown = run_installed("review", "--format", "markdown", cwd=s.path).stdout
    assert f"| closure-author | {hid(s)} | {f['commit']} |" in markdown


# --- signed closures ---------------------------------------------------------------------------

def _ssh_signing(s: Scenario, tmp_path: Path) -> None:
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    allowed = tmp_path / "allowed"
    allowed.write_text(f"zhangwei@example.com {(tmp_path / 'key.pub').read_text()}")
    for k, v in (("gpg.format", "ssh"), ("user.signingkey", str(key)),
                 ("gpg.ssh.allowedSignersFile", str(allowed))):
        s.git("config", k, v)


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")
def test_signed_closures(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "ledger")
    settings = s.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "organization: 示例集团\n", "organization: 示例集团\nrules:\n  signed-closures: error\n"),
        encoding="utf-8")
    s.hazard = register(s, "2026-11-03", "SW", "泵房消防通道堵塞",  # type: ignore[attr-defined]
                        *plan("王强", "2026-11-30"))
    s.commit_as("李明", "登记", WHEN.format(3))
    s.git("checkout", "-q", "-b", "sw/work")
    rectify(s)
    close(s)
    code, report = review(s)
    assert code == 1 and rules(report) == {"signed-closures"}
    f = finding(report, "signed-closures")
    assert (f["id"], f["commit"]) == (hid(s), short(s))
    assert f["message"].startswith("销号提交没有有效签名")
    _ssh_signing(s, tmp_path)
    s.git("reset", "-q", "--hard", "HEAD~1")
    close(s, commit=False)
    s.as_person("张伟", WHEN.format(11), "add", "-A")
    s.as_person("张伟", WHEN.format(11), "commit", "-q", "-S", "-m", "销号（签名）")
    code, report = review(s)
    assert code == 0, report["findings"]


# --- what each finding says: its hazard, path, commit and message -------------------------------
# (a mutation run showed a finding could lose its path, commit or hazard ID, or the settings
# change its details, without a test noticing)

def short(s: Scenario, rev: str = "HEAD") -> str:
    return s.git("rev-parse", "--short=8", rev).strip()


def test_a_reviewed_hazard_is_described_with_its_title_unit_and_labels(s: Scenario) -> None:
    rectify(s)
    close(s)
    _, report = review(s)
    (hazard,) = report["hazards"]
    assert hazard["title"] == "泵房消防通道堵塞" and hazard["unit"] == "SW"
    assert hazard["path"] == str(s.record_path(hid(s)).relative_to(s.path))
    assert (hazard["before_label"], hazard["after_label"]) == ("整改中", "已销号")
    assert "closed" in hazard["changes"]
    english = run_installed("review", "--format", "json", "--lang", "en", cwd=s.path)
    assert json.loads(english.stdout)["hazards"][0]["after_label"] == "closed"


def test_the_settings_finding_names_the_commit_and_every_change(s: Scenario) -> None:
    settings_edit(s, "organization: 示例集团\n",
                  "organization: 示例集团二\nrules:\n  overdue: off\n")
    text = (s.path / "safecheck.yaml").read_text(encoding="utf-8")
    text = text.replace("- name: 赵刚\n", "- name: 孙丽\n  roles:\n  - keeper\n- name: 赵刚\n")
    text = text.replace("  email: zhangwei@example.com\n", "  email: zw@example.com\n")
    text = text.replace("- name: 李明\n  email: liming@example.com\n  unit: SW\n  roles:\n"
                        "  - inspector\n", "")
    (s.path / "safecheck.yaml").write_text(text, encoding="utf-8")
    changed = s.commit_as("陈明", "名单", WHEN.format(13))
    _, report = review(s)
    f = finding(report, "settings-changed")
    assert (f["id"], f["path"], f["commit"]) == ("-", "safecheck.yaml", changed[:8])
    assert f["message"].endswith(
        "：organization：示例集团 → 示例集团二、人员名单删除 李明、"
        "人员名单中 张伟 的 email 被修改、人员名单增加 孙丽（角色：keeper）、"
        "rules.overdue：— → off")


def test_a_settings_file_changed_back_is_still_a_finding(s: Scenario) -> None:
    settings_edit(s, "organization: 示例集团\n", "organization: 别的集团\n")
    settings_edit(s, "organization: 别的集团\n", "organization: 示例集团\n")
    _, report = review(s)
    f = finding(report, "settings-changed")
    assert "设置内容相同" in f["message"] and f["commit"] == short(s)


def test_settings_changes_in_words() -> None:
    from safecheck.config import Settings
    from safecheck.i18n import Msg
    from safecheck.review.scope import settings_changes

    base = {"organization": "甲", "units": [{"code": "SW", "name": "水务公司"}],
            "people": [{"name": "张伟", "roles": ["verifier"]}]}
    before = Settings.model_validate(base)
    after = Settings.model_validate({**base, "organization": "乙" * 70, "people": [
        {"name": "张伟", "roles": ["verifier", "approver"]}, {"name": "陈明"}],
        "rules": {"overdue": "off"}})
    assert settings_changes(before, after) == [
        Msg("review.settings.value", name="organization", old="甲", new="乙" * 57 + "…"),
        Msg("review.settings.person_changed", name="张伟", fields=["roles"]),
        Msg("review.settings.person_added", name="陈明", roles=[]),
        Msg("review.settings.value", name="rules.overdue", old="—", new="off")]
    assert settings_changes(after, before)[1:] == [
        Msg("review.settings.person_changed", name="张伟", fields=["roles"]),
        Msg("review.settings.person_removed", name="陈明"),
        Msg("review.settings.value", name="rules.overdue", old="off", new="—")]
    assert settings_changes(before, before) == []
    sixty = Settings.model_validate({**base, "organization": "丙" * 60})
    assert settings_changes(before, sixty)[0].params["new"] == "丙" * 60
    assert settings_changes(None, before)[0] == Msg("review.settings.value", name="organization",
                                                    old="—", new="甲")


def test_a_deleted_and_a_moved_record_are_named_with_their_path(s: Scenario) -> None:
    path = s.record_path(hid(s))
    where = str(path.relative_to(s.path))
    path.unlink()
    s.commit_as("王强", "删除", WHEN.format(12))
    _, report = review(s)
    f = finding(report, "deleted")
    assert (f["id"], f["path"], f["commit"]) == (hid(s), where, short(s))
    assert f["author"] == "王强 <wangqiang@example.com>" and "记录被删除" in f["message"]
    (hazard,) = report["hazards"]
    assert (hazard["before"], hazard["after"]) == ("rectifying", None)
    assert (hazard["before_label"], hazard["after_label"]) == ("整改中", None)
    assert hazard["title"] == "泵房消防通道堵塞" and hazard["changes"] == ["deleted"]


def test_a_record_renamed_to_another_id(s: Scenario) -> None:
    path = s.record_path(hid(s))
    other = hid(s)[:-4] + "ZZZZ"
    target = path.with_name(f"{other}.yaml")
    shutil.move(str(path), str(target))
    s.commit_as("王强", "改名", WHEN.format(12))
    _, report = review(s)
    f = finding(report, "id-changed")
    assert (f["id"], f["path"]) == (hid(s), str(target.relative_to(s.path)))
    assert f["commit"] == short(s) and f"记录文件被移动到 {f['path']}" in f["message"]


def test_an_id_rewritten_inside_the_record(s: Scenario) -> None:
    other = hid(s)[:-4] + "ZZZZ"
    by_hand(s, {"id": other}, author="王强")
    _, report = review(s)
    f = next(f for f in report["findings"] if f["rule"] == "id-changed"
             and "编号从" in f["message"])
    assert f["id"] == other and f["path"] == str(s.record_path(hid(s)).relative_to(s.path))
    assert hid(s) in f["message"] and other in f["message"] and f["commit"] == short(s)


def test_an_invalid_record_says_why(s: Scenario) -> None:
    by_hand(s, {"found_on": "2026-02-30"}, author="王强")
    _, report = review(s)
    f = finding(report, "invalid")
    assert f["id"] == hid(s) and f["commit"] == short(s)
    assert f["path"] == str(s.record_path(hid(s)).relative_to(s.path))
    assert "found_on" in f["message"] and "不是有效的日期" in f["message"]


def test_a_rule_broken_by_a_commit_names_the_field(s: Scenario) -> None:
    by_hand(s, {"location": "别处"}, author="王强")
    _, report = review(s)
    f = finding(report, "uncorrected-edit")
    assert (f["id"], f["commit"]) == (hid(s), short(s))
    assert f["path"] == str(s.record_path(hid(s)).relative_to(s.path))
    assert f["message"].startswith("location：")


def test_a_document_named_but_missing_from_the_tree(s: Scenario) -> None:
    rectify(s, commit=False)
    folder = s.record_path(hid(s)).with_suffix("")
    (folder / "after-10.jpg").unlink()
    s.commit_as("王强", "整改完成", WHEN.format(10))
    _, report = review(s)
    f = finding(report, "missing-document")
    assert (f["id"], f["commit"], f["author"]) == (hid(s), None, None)
    assert "after-10.jpg" in f["message"]


def test_a_sealed_document_finding_names_the_file(s: Scenario) -> None:
    closed_on_main(s)
    photo = s.record_path(hid(s)).with_suffix("") / "after-10.jpg"
    photo.unlink()
    s.commit_as("王强", "删照片", WHEN.format(12))
    _, report = review(s)
    f = finding(report, "documents-sealed")
    assert (f["id"], f["path"], f["commit"]) == (hid(s), str(photo.relative_to(s.path)),
                                                 short(s))
    assert "after-10.jpg" in f["message"]


def test_a_documents_folder_without_its_record(s: Scenario) -> None:
    folder = s.path / "records" / "SW" / "2026" / "SW-20261101-ABCD"
    folder.mkdir(parents=True)
    (folder / "a.jpg").write_bytes(b"x")
    s.commit_as("王强", "多余", WHEN.format(12))
    _, report = review(s)
    f = finding(report, "unexpected-path")
    assert f["path"] == "records/SW/2026/SW-20261101-ABCD/a.jpg"
    assert f["id"] == "SW-20261101-ABCD" and "资料文件夹没有对应的隐患记录" in f["message"]
    assert f["commit"] == short(s)


def test_a_commits_day_is_the_organisations_day(s: Scenario) -> None:
    rectify(s)
    # 01:30 on the 12th in Shanghai is still the 11th in UTC
    s.on("2026-11-12", "close", hid(s), "--verified-by", "张伟")
    s.commit_as("张伟", "销号", "2026-11-11T17:30:00+00:00")
    code, report = review(s)
    assert code == 0, report["findings"]


def test_an_invalid_inspection_record_is_a_finding(s: Scenario) -> None:
    folder = s.path / "records" / "SW" / "2026" / "inspections"
    folder.mkdir(parents=True)
    (folder / "SW-I-20261112-ABCD.yaml").write_text("kind: inspection\nid: x\n",
                                                   encoding="utf-8")
    s.commit_as("李明", "检查", WHEN.format(12))
    _, report = review(s)
    f = finding(report, "invalid")
    assert f["path"] == "records/SW/2026/inspections/SW-I-20261112-ABCD.yaml"
    assert f["commit"] == short(s) and "提交后的记录无效" in f["message"]
    (folder / "SW-I-20261112-ABCD.yaml").write_text("- a list\n", encoding="utf-8")
    s.commit_as("李明", "检查", WHEN.format(13))
    _, report = review(s)
    found = [f for f in report["findings"] if f["rule"] == "invalid"]
    assert [f["commit"] for f in found] == [short(s, "HEAD~1"), short(s)]
    assert found[1]["message"] == "提交后的记录无效：" + found[1]["path"]


def test_ranges_open_at_either_end_and_three_dots(s: Scenario) -> None:
    rectify(s)
    assert review(s, "main..")[1]["commits"] == 1
    s.git("checkout", "-q", "main")
    settings_edit(s, "organization: 示例集团\n", "organization: 别的集团\n", author="陈明")
    s.git("checkout", "-q", "sw/work")
    # A...B reviews from where the branches met: main's later settings are not the base
    assert "settings-changed" not in rules(review(s, "main...sw/work")[1])
    assert "settings-changed" in rules(review(s, "main..sw/work")[1])
    same = run_installed("review", "HEAD..HEAD", cwd=s.path)
    assert short(s) in same.stderr


@pytest.mark.parametrize("broken", ["organization: [\n",
                                    "<<<<<<< HEAD\n=======\n>>>>>>> x\n"])
def test_a_broken_settings_file_at_the_base_is_named_with_its_commit(s: Scenario,
                                                                     broken: str) -> None:
    s.git("checkout", "-q", "main")
    (s.path / "safecheck.yaml").write_text(broken, encoding="utf-8")
    base = s.commit_as("陈明", "坏了", WHEN.format(12))
    s.git("checkout", "-q", "-b", "sw/next")
    s.git("checkout", "sw/work", "--", "safecheck.yaml")
    s.commit_as("王强", "修好", WHEN.format(13))
    done = run_installed("review", "--base", "main", cwd=s.path)
    assert done.returncode == 2 and f"{base[:8]}:safecheck.yaml" in done.stderr


def test_a_hazard_registered_in_the_range_is_reviewed_as_created(s: Scenario) -> None:
    new = register(s, "2026-11-12", "SW", "配电室门未关", *plan("王强", "2026-11-30"))
    s.commit_as("李明", "登记", WHEN.format(12))
    _, report = review(s)
    (hazard,) = report["hazards"]
    assert (hazard["id"], hazard["before"], hazard["after"]) == (new, None, "rectifying")
    assert hazard["title"] == "配电室门未关" and hazard["before_label"] is None


def test_a_reopening_commit_may_change_the_documents(s: Scenario) -> None:
    closed_on_main(s)
    s.on("2026-11-13", "reopen", hid(s), "--reason", "复发", "--by", "陈明",
         "--deadline", "2026-11-30")
    (s.record_path(hid(s)).with_suffix("") / "after-10.jpg").write_bytes(b"retaken")
    s.commit_as("陈明", "撤销销号", WHEN.format(13))
    _, report = review(s)
    assert "documents-sealed" not in rules(report), report["findings"]


@pytest.mark.parametrize("pipeline", [".gitlab-ci.yml", ".github/workflows/ci.yml"])
def test_a_changed_pipeline_is_a_finding(s: Scenario, pipeline: str) -> None:
    path = s.path / pipeline
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("jobs: {}\n", encoding="utf-8")
    changed = s.commit_as("王强", "流水线", WHEN.format(12))
    code, report = review(s)
    f = finding(report, "pipeline-changed")
    assert code == 1 and (f["id"], f["path"], f["commit"]) == ("-", pipeline, changed[:8])
    assert f["message"].startswith(f"本次变更修改了 CI 流水线 {pipeline}：")
