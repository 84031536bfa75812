"""new-hazard at a terminal: a safety officer answers the prompts in Chinese."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect

from helpers import SafetyRepo
from safecheck import yamlio

EXE = str(Path(sys.executable).with_name("safecheck"))


def spawn(repo: SafetyRepo, *args: str) -> pexpect.spawn:
    env = dict(os.environ, LANG="C.UTF-8", TERM="dumb", COLUMNS="100")
    return pexpect.spawn(EXE, ["new-hazard", *args], cwd=str(repo.path), env=env,
                         encoding="utf-8", timeout=60)


def test_registering_a_major_hazard_by_answering_prompts(repo: SafetyRepo) -> None:
    child = spawn(repo, "--format", "json")
    for prompt, answer in [
        ("单位", "9"),                                   # no unit 9: asked again ...
        ("请重新输入", "1"),                              # ... for that answer alone
        ("排查领域", "有限空间"),                         # or the name as shown
        ("隐患名称", "三号泵站集水井硫化氢超标"),
        ("隐患描述", "集水井内硫化氢浓度超标，无通风设施。"),
        ("隐患部位", "三号泵站集水井"),
        ("隐患等级", "重大隐患"),
        ("隐患来源", "自查"),
        (r"排查日期 \[2026-11-21\]", "2026-12-01"),     # in the future: asked again
        ("晚于记录日期", ""),                             # Enter takes today
        ("排查人", "李明"),
        ("临时管控措施", "停止集水井作业"),               # a major hazard: interim control
        (r"2\. ", "设置警戒区"),
        (r"3\. ", ""),                                   # an empty line ends the list
    ]:
        child.expect(prompt)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    out = json.loads(child.before[child.before.index("{"):])
    assert out["status"] == "reported"
    record = yamlio.load_mapping(repo.read(out["id"]), "x")
    assert record["unit"] == "SW" and record["domain"] == "confined-space"
    assert record["level"] == "major" and record["source"] == "self-inspection"
    assert record["found_on"] == "2026-11-21"
    assert record["major"]["interim_measures"] == ["停止集水井作业", "设置警戒区"]


def test_a_person_off_the_roster_is_asked_again(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "people:\n- name: 李明\n"
                        "- name: 王强\n", encoding="utf-8")
    child = spawn(repo, "--unit", "SW", "--domain", "fire-safety", "--level", "general",
                  "--source", "self-inspection", "--found-on", "2026-11-20",
                  "--location", "泵房", "--description", "灭火器过期", "--title", "灭火器过期")
    child.expect("排查人")
    child.sendline("张三")
    child.expect("不在 safecheck.yaml 的人员名单中")
    child.sendline("李明")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert len(list((repo.path / "records").rglob("*.yaml"))) == 1


def test_plan_asks_for_what_is_missing_at_a_terminal(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard(plan=False)
    child = pexpect.spawn(EXE, ["plan", hazard_id], cwd=str(repo.path), encoding="utf-8",
                          timeout=60, env=dict(os.environ, LANG="C.UTF-8", TERM="dumb"))
    for prompt, answer in [
        ("整改措施", "设置警示标志"), (r"2\. ", ""), ("责任人", "王强"),
        ("整改资金", "一千二"), ("请重新输入", "1200"),
        ("整改时限", "2026-11-01"), ("早于", "2026-12-20"),   # not before today
        ("应急预案", "井口设置围挡"), ("原因分析", ""),
    ]:
        child.expect(prompt)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    record = yamlio.load_mapping(repo.read(hazard_id), "x")
    assert record["status"] == "rectifying" and record["plan"]["deadline"] == "2026-12-20"


def test_ctrl_c_leaves_nothing_written(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard(plan=False)
    before = repo.snapshot()
    child = pexpect.spawn(EXE, ["plan", hazard_id], cwd=str(repo.path), encoding="utf-8",
                          timeout=60, env=dict(os.environ, LANG="C.UTF-8", TERM="dumb"))
    child.expect("整改措施")
    child.sendline("设置警示标志")
    child.expect(r"2\. ")
    child.sendintr()
    child.expect("未写入任何内容")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert repo.snapshot() == before


def test_only_missing_fields_are_asked(repo: SafetyRepo) -> None:
    child = spawn(repo, "--unit", "RQ", "--domain", "fire-safety", "--level", "general",
                  "--source", "report", "--found-on", "2026-11-20", "--found-by", "赵刚",
                  "--location", "燃气站", "--description", "灭火器过期")
    child.expect("隐患名称")
    child.sendline("燃气站灭火器过期未更换")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "已登记" in child.before
    assert len(list((repo.path / "records" / "RQ").rglob("*.yaml"))) == 1


def test_end_of_input_aborts_without_writing(repo: SafetyRepo) -> None:
    child = spawn(repo)
    child.expect("单位")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "未写入任何内容" in child.before
    assert not list((repo.path / "records").rglob("*.yaml"))


def test_no_input_never_prompts_even_on_a_terminal(repo: SafetyRepo) -> None:
    child = spawn(repo, "--no-input", "--unit", "SW")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "缺少 --domain" in child.before
