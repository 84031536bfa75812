"""A safety repository with six weeks of backdated history, branches and merges.

Every command runs as of its own day (SAFECHECK_TODAY) and every commit carries fixed
author and committer dates and identities, so commit ids, IDs (seeded) and therefore the
reports rendered from this history are the same on every run.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path

from helpers import SafetyRepo, run
from safecheck import ids

SETTINGS = """\
organization: 示例集团
locale: zh
timezone: Asia/Shanghai
units:
- code: SW
  name: 水务公司
- code: RQ
  name: 燃气公司
people:
- name: 陈明
  email: chenming@example.com
  roles:
  - verifier
  - approver
  - manager
- name: 李明
  email: liming@example.com
  unit: SW
  roles:
  - inspector
- name: 张伟
  email: zhangwei@example.com
  unit: SW
  roles:
  - verifier
- name: 王强
  email: wangqiang@example.com
  unit: SW
- name: 赵刚
  email: zhaogang@example.com
  unit: RQ
- name: 刘洋
  email: liuyang@example.com
  unit: RQ
  roles:
  - verifier
- name: 黄静
  email: huangjing@example.com
  roles:
  - keeper
"""

#: A title that tries every way to break a markdown table or page.
MARKDOWN_TRAP = "配电箱 | <script>alert(1)</script> **粗体** [链接](x) `代码` # 标题"

PEOPLE = {"李明": "liming@example.com", "张伟": "zhangwei@example.com",
          "王强": "wangqiang@example.com", "赵刚": "zhaogang@example.com",
          "刘洋": "liuyang@example.com", "陈明": "chenming@example.com",
          "黄静": "huangjing@example.com"}


class Scenario(SafetyRepo):
    """A safety repo whose steps happen on given days, as given people."""

    def __init__(self, path: Path, seed: int = 7) -> None:
        super().__init__(path)
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
        (path / "safecheck.yaml").write_text(SETTINGS, encoding="utf-8")
        (path / "records").mkdir()
        (path / "records" / ".gitkeep").write_text("")
        self.rng = random.Random(seed)
        self.day = "2026-11-02"
        self.commit_as("陈明", "初始化隐患台账", "2026-11-02T09:00:00+08:00")

    def as_person(self, person: str, when: str, *args: str) -> None:
        """Run git as ``person`` at ``when``."""
        email = PEOPLE[person]
        env = dict(os.environ, GIT_AUTHOR_NAME=person, GIT_AUTHOR_EMAIL=email,
                   GIT_COMMITTER_NAME=person, GIT_COMMITTER_EMAIL=email,
                   GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", *args], cwd=self.path, env=env, check=True,
                       capture_output=True)

    def commit_as(self, person: str, message: str, when: str) -> str:
        self.as_person(person, when, "add", "-A")
        self.as_person(person, when, "commit", "-q", "--allow-empty", "-m", message)
        return self.head()

    def head(self) -> str:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=self.path, check=True,
                              capture_output=True, text=True).stdout.strip()

    def on(self, day: str, *args: str) -> dict[str, object]:
        """Run a command as of ``day`` (JSON output) with seeded IDs; fail loudly."""
        os.environ["SAFECHECK_TODAY"] = day
        saved = ids.secrets.choice
        ids.secrets.choice = self.rng.choice  # type: ignore[assignment]
        try:
            result = run(*args, "--format", "json", cwd=self.path)
        finally:
            ids.secrets.choice = saved  # type: ignore[assignment]
        assert result.code == 0, (args, result.err)
        return json.loads(result.out)  # type: ignore[no-any-return]

    def document(self, name: str) -> str:
        path = self.path.parent / "docs" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(f"document {name}".encode())
        return str(path)


def register(s: Scenario, day: str, unit: str, title: str, *extra: str,
             level: str = "general", domain: str = "fire-safety") -> str:
    found = s.on(day, "new-hazard", "--no-input", "--unit", unit, "--domain", domain,
                 "--title", title, "--description", f"{title}。", "--location", "一号厂区",
                 "--level", level, "--source", "self-inspection", "--found-on", day,
                 "--found-by", "李明", *extra)
    return str(found["id"])


def plan(responsible: str, deadline: str) -> list[str]:
    return ["--measure", "立即整改", "--responsible", responsible, "--funding", "1000",
            "--deadline", deadline, "--contingency-plan", "设置警戒，专人看护"]


def build(path: Path) -> tuple[Scenario, dict[str, str]]:
    """Six weeks (W45–W50 of 2026) of a small ledger's life; returns the hazard IDs."""
    s = Scenario(path)
    h: dict[str, str] = {}
    # W45
    h["a"] = register(s, "2026-11-03", "SW", "泵房消防通道堵塞", *plan("王强", "2026-11-20"))
    s.commit_as("李明", "登记：泵房消防通道堵塞", "2026-11-03T10:00:00+08:00")
    h["b"] = register(s, "2026-11-04", "RQ", "调压站灭火器过期")
    s.commit_as("赵刚", "登记：调压站灭火器过期", "2026-11-04T11:00:00+08:00")
    # W46: plan B; a major hazard; A rectified on a branch and merged
    s.on("2026-11-10", "plan", h["b"], *plan("赵刚", "2026-11-18"))
    s.commit_as("赵刚", "五到位：调压站灭火器过期", "2026-11-10T09:30:00+08:00")
    h["c"] = register(s, "2026-11-11", "SW", "加氯间氯气报警仪失效", *plan("王强", "2026-12-31"),
                      "--root-cause", "报警仪超期未检定", "--interim-measure", "停用加氯间",
                      "--interim-measure", "设置警戒区", level="major",
                      domain="hazardous-chemicals")
    s.on("2026-11-11", "major", h["c"], "--reported-on", "2026-11-11", "--reported-to",
         "区应急管理局", "--basis", "121号文第十二项",
         "--objectives", "恢复氯气泄漏报警", "--plan-approved-by", "陈明")
    s.commit_as("李明", "登记重大隐患：加氯间氯气报警仪失效", "2026-11-11T15:00:00+08:00")
    s.git("checkout", "-q", "-b", "sw/rectify-a")
    s.on("2026-11-12", "rectify", h["a"], "--by", "王强", "--actions", "已清理通道",
         "--document", s.document("after-1.jpg"))
    s.commit_as("王强", "整改完成：泵房消防通道堵塞", "2026-11-12T16:00:00+08:00")
    s.git("checkout", "-q", "main")
    s.as_person("陈明", "2026-11-13T09:00:00+08:00", "merge", "-q", "--no-ff", "-m",
                "Merge branch 'sw/rectify-a'", "sw/rectify-a")
    s.on("2026-11-13", "inspect", "fire-safety", "--unit", "SW", "--by", "李明", "--no-input",
         "--na", "FS-12")
    s.commit_as("李明", "消防安全月度排查", "2026-11-13T16:00:00+08:00")
    # W47: close A; extend C; a duplicate registered and voided; B rectified, rejected
    s.on("2026-11-16", "close", h["a"], "--verified-by", "张伟", "--notes", "通道畅通")
    s.commit_as("张伟", "销号：泵房消防通道堵塞", "2026-11-16T10:00:00+08:00")
    s.on("2026-11-17", "extend", h["c"], "--to", "2027-01-31", "--reason", "报警仪采购周期",
         "--approved-by", "陈明")
    s.commit_as("陈明", "延期：加氯间氯气报警仪失效", "2026-11-17T10:00:00+08:00")
    h["d"] = register(s, "2026-11-18", "SW", "泵房通道堆放杂物")
    s.on("2026-11-18", "void", h["d"], "--reason", f"与 {h['a']} 重复", "--by", "陈明")
    s.commit_as("陈明", "作废重复登记", "2026-11-18T14:00:00+08:00")
    s.on("2026-11-19", "rectify", h["b"], "--by", "赵刚", "--actions", "已更换灭火器",
         "--document", s.document("after-b.jpg"))
    s.commit_as("赵刚", "整改完成：调压站灭火器过期", "2026-11-19T10:00:00+08:00")
    s.on("2026-11-20", "reject", h["b"], "--verified-by", "刘洋", "--notes", "未张贴检查卡")
    s.commit_as("刘洋", "验收不通过：调压站灭火器过期", "2026-11-20T10:00:00+08:00")
    # W48: A reopened; a hazard whose text tries to break the markdown
    s.on("2026-11-23", "reopen", h["a"], "--reason", "通道再次被堵", "--by", "陈明",
         "--deadline", "2026-11-30")
    s.commit_as("陈明", "重新打开：泵房消防通道堵塞", "2026-11-23T10:00:00+08:00")
    h["e"] = register(s, "2026-11-24", "RQ", MARKDOWN_TRAP, *plan("赵刚", "2026-11-27"))
    s.commit_as("赵刚", "登记：配电箱", "2026-11-24T10:00:00+08:00")
    return s, h
