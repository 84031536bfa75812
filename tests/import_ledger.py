"""A realistic ledger built through the CLI, for the import and round-trip tests: every
status, a contractor, a feedback letter, an extension, a rejection, a reopening, a void,
a major hazard under governance and one signed off, one overdue."""

from __future__ import annotations

import json
import os
from pathlib import Path

from helpers import SafetyRepo

SETTINGS = """\
organization: 示例集团
locale: {locale}
timezone: Asia/Shanghai
units:
- code: SW
  name: 水务公司
- code: RQ
  name: 燃气公司
people:
- name: 陈明
  email: chenming@example.com
  roles: [verifier, approver, manager]
- name: 黄静
  email: huangjing@example.com
  roles: [keeper]
- name: 李明
  email: liming@example.com
  unit: SW
  roles: [inspector]
- name: 张伟
  email: zhangwei@example.com
  unit: SW
  roles: [verifier]
- name: 王强
  email: wangqiang@example.com
  unit: SW
- name: 赵刚
  email: zhaogang@example.com
  unit: RQ
- name: 刘洋
  email: liuyang@example.com
  unit: RQ
  roles: [verifier]
- name: 区委第三巡查组
"""


def use_settings(repo: SafetyRepo, locale: str = "zh") -> None:
    """The roster above, committed."""
    (repo.path / "safecheck.yaml").write_text(SETTINGS.format(locale=locale),
                                              encoding="utf-8")
    repo.commit("人员名单", "2026-11-02T10:00:00+08:00")


def fields(unit: str, title: str, location: str, found_on: str, *, domain: str = "fire-safety",
           level: str = "general", source: str = "self-inspection",
           found_by: str = "李明") -> list[str]:
    return ["--unit", unit, "--domain", domain, "--title", title, "--description",
            f"{title}，现场检查发现。", "--location", location, "--level", level, "--source",
            source, "--found-on", found_on, "--found-by", found_by]


def plan(person: str, deadline: str, *measures: str) -> list[str]:
    out = []
    for m in measures or ("清理现场",):
        out += ["--measure", m]
    return [*out, "--responsible", person, "--responsible-department", "运营部",
            "--funding", "1200", "--funding-source", "安全生产费用",
            "--deadline", deadline, "--contingency-plan", "整改完成前专人看护"]


class Builder:
    """Runs commands as of their own day."""

    def __init__(self, repo: SafetyRepo) -> None:
        self.repo = repo
        self.ids: dict[str, str] = {}

    def on(self, day: str, *args: str) -> str:
        os.environ["SAFECHECK_TODAY"] = day
        result = self.repo.run(*args)
        assert result.code == 0, (args, result.err)
        return result.out

    def new(self, name: str, day: str, *args: str) -> str:
        out = self.on(day, "new-hazard", "--no-input", "--format", "json", *args)
        self.ids[name] = json.loads(out)["id"]
        return self.ids[name]

    def doc(self, name: str) -> str:
        path = self.repo.path.parent / name
        path.write_bytes(b"photo")
        return str(path)


def build(repo: SafetyRepo) -> dict[str, str]:
    """The ledger (as of 2026-11-21); returns the IDs by a short name."""
    b = Builder(repo)
    photo = b.doc("整改后.jpg")
    b.new("reported", "2026-11-10", *fields("SW", "配电室门口无挡鼠板", "二水厂配电室",
                                            "2026-11-10", domain="production-systems"))
    b.new("rectifying", "2026-11-12", *fields(
        "SW", "加药间防爆风机损坏", "二水厂加药间", "2026-11-12", domain="hazardous-chemicals",
        source="district-inspection"), "--source-ref", "区委第三巡查组反馈意见第5条",
        *plan("王强", "2026-12-10", "更换防爆风机", "=核对风机选型"), "--contractor",
        "某某机电安装有限公司", "--contract", "HT-2026-031", "--safety-agreement", "AQ-2026-031",
        "--supervisor", "王强")
    v = b.new("verifying", "2026-11-14", *fields("SW", "泵房消防通道堆放杂物", "三号泵站泵房",
                                                  "2026-11-14"), *plan("王强", "2026-11-25"))
    b.on("2026-11-18", "rectify", v, "--by", "王强", "--actions", "已清理通道", "--document", photo)
    c = b.new("closed", "2026-11-13", *fields(
        "SW", "集水井入口无警示标志", "三号泵站集水井", "2026-11-13", domain="confined-space",
        source="district-inspection"), *plan("王强", "2026-11-20", "设置警示标志", "井盖加锁"))
    b.on("2026-11-17", "rectify", c, "--by", "王强", "--actions", "已设置警示标志并加锁",
         "--document", photo, "--root-cause", "新建泵站移交时未纳入有限空间台账")
    b.on("2026-11-18", "close", c, "--verified-by", "张伟", "--notes", "现场复查合格")
    r = b.new("rejected", "2026-11-14", *fields("SW", "消防水泵房应急照明不亮", "二水厂消防泵房",
                                                 "2026-11-14"), *plan("王强", "2026-11-30"))
    b.on("2026-11-16", "rectify", r, "--by", "王强", "--actions", "更换灯管", "--document", photo)
    b.on("2026-11-17", "reject", r, "--verified-by", "张伟", "--notes", "蓄电池仍不能供电")
    e = b.new("extended", "2026-11-15", *fields("RQ", "调压站围墙破损", "东郊调压站",
                                                 "2026-11-15", domain="production-systems",
                                                 found_by="赵刚"), *plan("赵刚", "2026-11-20"))
    b.on("2026-11-19", "extend", e, "--to", "2026-12-05", "--reason", "围墙基础需重做",
         "--approved-by", "陈明")
    m = b.new("major", "2026-11-18", *fields(
        "RQ", "阀门井硫化氢浓度超标", "东郊门站3号阀门井", "2026-11-18", domain="confined-space",
        level="major", found_by="赵刚"), "--interim-measure", "停止阀门井内一切作业",
        "--interim-measure", "井口设置警戒区")
    b.on("2026-11-18", "major", m, "--reported-on", "2026-11-18", "--reported-to", "区应急管理局",
         "--supervised-by", "区安委办")
    b.on("2026-11-19", "plan", m, *plan("赵刚", "2026-12-20", "加装防爆轴流风机"))
    b.on("2026-11-19", "major", m, "--basis", "《城镇燃气经营安全重大隐患判定标准》第五条",
         "--objectives", "消除中毒窒息风险", "--plan-approved-by", "陈明")
    mc = b.new("major_closed", "2026-11-13", *fields(
        "RQ", "储气罐安全阀超期未检", "储配站2号储气罐", "2026-11-13", domain="special-equipment",
        level="major", found_by="赵刚"), "--interim-measure", "停用2号储气罐")
    b.on("2026-11-13", "major", mc, "--reported-on", "2026-11-13", "--reported-to", "区应急管理局")
    b.on("2026-11-14", "plan", mc, *plan("赵刚", "2026-11-25", "委托检验"), "--root-cause",
         "定检计划未跟踪")
    b.on("2026-11-14", "major", mc, "--basis", "特种设备重大隐患判定标准", "--objectives",
         "恢复安全阀有效检验", "--plan-approved-by", "陈明")
    b.on("2026-11-18", "rectify", mc, "--by", "赵刚", "--actions", "安全阀检验合格",
         "--document", photo)
    b.on("2026-11-19", "major", mc, "--assessed-on", "2026-11-19", "--assessed-by",
         "集团安全生产专家组", "--assessment-notes", "同意恢复使用")
    b.on("2026-11-20", "close", mc, "--verified-by", "刘洋", "--notes", "资料齐全")
    o = b.new("reopened", "2026-11-12", *fields("SW", "加氯间洗眼器出水不足", "二水厂加氯间",
                                                 "2026-11-12"), *plan("王强", "2026-11-19"))
    b.on("2026-11-15", "rectify", o, "--by", "王强", "--actions", "更换阀门", "--document", photo)
    b.on("2026-11-16", "close", o, "--verified-by", "张伟")
    b.on("2026-11-20", "reopen", o, "--reason", "复查发现喷淋阀门锈死", "--by", "陈明",
         "--deadline", "2026-12-01")
    w = b.new("void", "2026-11-16", *fields("SW", "重复登记的隐患", "三号泵站泵房", "2026-11-16"))
    b.on("2026-11-17", "void", w, "--reason", "重复登记", "--by", "陈明")
    t = b.new("twice", "2026-11-14", *fields("SW", "氯瓶间地面腐蚀", "二水厂氯瓶间", "2026-11-14"),
              *plan("王强", "2026-11-30"))
    b.on("2026-11-16", "rectify", t, "--by", "王强", "--actions", "局部修补", "--document", photo)
    b.on("2026-11-17", "reject", t, "--verified-by", "张伟", "--notes", "修补面积不够")
    b.on("2026-11-19", "rectify", t, "--by", "王强", "--actions", "整体防腐", "--document", photo)
    b.new("overdue", "2026-11-10", *fields("SW", "办公楼灭火器压力不足", "办公楼三层",
                                            "2026-11-10"), *plan("王强", "2026-11-15"))
    os.environ["SAFECHECK_TODAY"] = "2026-11-21"
    repo.commit("台账", "2026-11-21T18:00:00+08:00")
    return b.ids


def sheet_rows(path: Path) -> list[list[str]]:
    """An exported ledger's header and rows as text, from CSV or XLSX (below the title)."""
    import csv
    import datetime as dt

    if path.suffix == ".csv":
        import io

        text = path.read_bytes().decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text, newline="")))  # cells may span lines
    import openpyxl

    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = []
    for line in sheet.iter_rows(min_row=3, values_only=True):
        rows.append(["" if v is None else v.date().isoformat() if isinstance(v, dt.datetime)
                     else str(v) for v in line])
    return rows
