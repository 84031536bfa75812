"""A quarter of a small ledger (Q4 2026) whose report figures are computed by hand in
tests/test_reports.py: a late registration, a void, a reopen and re-closure, an extension
granted after the deadline, a fix awaiting verification past its deadline, a hazard due
on November's last day and a major hazard."""

from __future__ import annotations

from pathlib import Path

from scenario import Scenario

WHEN = "{}T10:00:00+08:00"


def _hazard(s: Scenario, day: str, unit: str, title: str, domain: str, deadline: str | None,
            *extra: str, found: str | None = None, source: str = "self-inspection",
            level: str = "general") -> str:
    plan = ["--measure", "立即整改", "--responsible", "王强" if unit == "SW" else "赵刚",
            "--funding", "1000", "--deadline", deadline, "--contingency-plan", "专人看护"
            ] if deadline else []
    out = s.on(day, "new-hazard", "--no-input", "--unit", unit, "--domain", domain,
               "--title", title, "--description", f"{title}。", "--location", "一号厂区",
               "--level", level, "--source", source, "--found-on", found or day,
               "--found-by", "李明", *plan, *extra)
    return str(out["id"])


def build(path: Path) -> tuple[Scenario, dict[str, str]]:
    """Build the history; returns the hazard IDs by name (H1 … H8)."""
    s = Scenario(path, seed=11)
    h: dict[str, str] = {}

    def commit(who: str, what: str, day: str) -> None:
        s.commit_as(who, what, WHEN.format(day))

    def fix(day: str, name: str, by: str) -> None:
        s.on(day, "rectify", h[name], "--by", by, "--actions", "已整改",
             "--document", s.document(f"{name}-{day}.jpg"))
        commit(by, f"整改 {name}", day)

    def close(day: str, name: str, verifier: str = "张伟") -> None:
        s.on(day, "close", h[name], "--verified-by", verifier, "--notes", "复查合格")
        commit(verifier, f"销号 {name}", day)

    h["H1"] = _hazard(s, "2026-10-12", "SW", "配电室灭火器失压", "fire-safety", "2026-10-20")
    commit("李明", "登记 H1", "2026-10-12")
    fix("2026-10-15", "H1", "王强")
    close("2026-10-16", "H1")
    h["H8"] = _hazard(s, "2026-10-20", "SW", "加氯间氯气报警仪失效", "hazardous-chemicals",
                      "2026-12-31", "--interim-measure", "停用加氯间", level="major")
    s.on("2026-10-20", "major", h["H8"], "--reported-on", "2026-10-20", "--reported-to",
         "区应急管理局", "--basis", "121号文第十二项（参照）", "--objectives", "恢复报警",
         "--plan-approved-by", "陈明")
    commit("李明", "登记重大隐患 H8", "2026-10-20")
    h["H6"] = _hazard(s, "2026-11-02", "SW", "检修现场动火无人监护", "repair-sites",
                      "2026-11-09")
    commit("李明", "登记 H6", "2026-11-02")
    h["H2"] = _hazard(s, "2026-11-03", "SW", "集水井入口无警示标志", "confined-space",
                      "2026-11-10")
    commit("李明", "登记 H2", "2026-11-03")
    s.on("2026-11-03", "inspect", "fire-safety", "--unit", "SW", "--by", "李明", "--by", "张伟",
         "--no-input", "--pass", "FS-01,FS-02,FS-03")
    commit("李明", "消防检查", "2026-11-03")
    h["H3"] = _hazard(s, "2026-11-04", "RQ", "调压站消防通道堵塞", "fire-safety", "2026-11-30",
                      "--source-ref", "区委第三巡查组反馈意见第2条",
                      source="district-inspection")
    s.on("2026-11-04", "inspect", "fire-safety", "--unit", "RQ", "--by", "刘洋", "--no-input",
         "--pass", "FS-01,FS-04")
    commit("刘洋", "登记 H3", "2026-11-04")
    fix("2026-11-06", "H6", "王强")
    close("2026-11-07", "H6")
    h["H7"] = _hazard(s, "2026-11-09", "RQ", "抢修现场未设警戒区", "repair-sites", "2026-11-20")
    commit("赵刚", "登记 H7", "2026-11-09")
    h["H5"] = _hazard(s, "2026-11-10", "SW", "配电室灭火器压力不足", "fire-safety", None)
    commit("李明", "登记 H5", "2026-11-10")
    s.on("2026-11-11", "void", h["H5"], "--reason", f"与 {h['H1']} 重复", "--by", "陈明")
    commit("陈明", "作废 H5", "2026-11-11")
    s.on("2026-11-12", "extend", h["H2"], "--to", "2026-11-20", "--reason", "标志牌定制",
         "--approved-by", "陈明")
    commit("陈明", "延期 H2", "2026-11-12")
    s.on("2026-11-16", "reopen", h["H6"], "--reason", "复查发现仍无人监护", "--by", "陈明",
         "--deadline", "2026-11-27")
    commit("陈明", "撤销销号 H6", "2026-11-16")
    fix("2026-11-18", "H2", "王强")
    fix("2026-11-18", "H7", "赵刚")
    h["H4"] = _hazard(s, "2026-11-20", "RQ", "液化气瓶库通风不良", "hazardous-chemicals",
                      "2026-11-25", found="2026-11-05")
    commit("赵刚", "补录 H4", "2026-11-20")
    fix("2026-11-20", "H6", "王强")
    close("2026-11-21", "H2")
    close("2026-11-24", "H6")
    return s, h
