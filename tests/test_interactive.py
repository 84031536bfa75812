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
                         encoding="utf-8", timeout=20)


def test_registering_a_major_hazard_by_answering_prompts(repo: SafetyRepo) -> None:
    child = spawn(repo, "--format", "json")
    for prompt, answer in [
        ("单位", "1"),                                   # a number picks from the list
        ("排查领域", "有限空间"),                         # or the name as shown
        ("隐患名称", "三号泵站集水井入口无警示标志"),
        ("隐患描述", "集水井入口未设置警示标志，井盖未上锁。"),
        ("位置", "三号泵站集水井"),
        ("隐患等级", "重大隐患"),
        ("隐患来源", "自查"),
        (r"发现日期 \[2026-11-21\]", ""),                # Enter takes today
        ("发现人", "李明"),
        ("整改措施", "设置警示标志并加锁"),
        (r"2\. ", ""),                                   # an empty line ends the list
        ("责任人", "王强"),
        ("整改资金", "一千二"),
        ("请重新输入", "1200"),                           # asked again until it is a number
        ("整改时限", "2026-12-20"),
        ("应急预案", "井口设置围挡，专人看护"),
    ]:
        child.expect(prompt)
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    out = json.loads(child.before[child.before.index("{"):])
    assert out["status"] == "rectifying"
    record = yamlio.load_mapping(repo.read(out["id"]), "x")
    assert record["unit"] == "SW" and record["domain"] == "confined-space"
    assert record["level"] == "major" and record["source"] == "self-inspection"
    assert record["found_on"] == "2026-11-21"
    assert record["plan"]["funding"]["amount"] == 1200
    assert record["plan"]["measures"] == ["设置警示标志并加锁"]


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
    assert "nothing was written" in child.before
    assert not list((repo.path / "records").rglob("*.yaml"))


def test_no_input_never_prompts_even_on_a_terminal(repo: SafetyRepo) -> None:
    child = spawn(repo, "--no-input", "--unit", "SW")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "missing --domain" in child.before
