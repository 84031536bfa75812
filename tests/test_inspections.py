"""Checklists, running an inspection, and inspection coverage in the audit."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import SafetyRepo
from safecheck import yamlio
from safecheck.checklists import packaged_checklists
from safecheck.models.checklist import Checklist
from safecheck.vocab import DEFAULT_DOMAINS

PREFIX = {"confined-space": "CS", "production-systems": "PS", "fire-safety": "FS",
          "hazardous-chemicals": "HC", "construction-sites": "CN", "repair-sites": "RM",
          "special-equipment": "SE", "rental-housing": "RH", "cybersecurity": "CY",
          "rules-and-plans": "RP"}


# --- checklists --------------------------------------------------------------------------

def test_the_ten_packaged_checklists() -> None:
    checklists = packaged_checklists()
    assert list(checklists)[:10] == list(DEFAULT_DOMAINS)
    assert list(checklists)[10:] == ["confined-space-entry", "special-work-permit"]
    prefix = {**PREFIX, "confined-space-entry": "CE", "special-work-permit": "PW"}
    for domain, checklist in checklists.items():
        assert 8 <= len(checklist.items) <= 30, domain
        ids = [item.id for item in checklist.items]
        assert len(ids) == len(set(ids)), domain
        assert all(i.startswith(prefix[domain] + "-") for i in ids), domain
        assert all(item.text.zh and item.text.en for item in checklist.items)


def test_confined_space_checklist_follows_the_twelve_steps() -> None:
    checklists = packaged_checklists()
    entry = checklists["confined-space-entry"]
    assert entry.per_job and entry.domain == "confined-space"
    steps = ("审批", "交底", "设备检查", "封闭作业区域", "打开出入口", "安全隔离", "清除置换",
             "检测", "个体防护", "监护", "作业现场负责人", "清点")
    for number, words in enumerate(steps, start=1):
        texts = " ".join(i.text.zh for i in entry.items if i.step == number)
        assert words in texts, (number, words)
    # The monthly list keeps the management items only.
    monthly = " ".join(i.text.zh for i in checklists["confined-space"].items)
    for words in ("台账", "安全风险告知牌", "检定或校准", "每半年", "禁止盲目施救", "隔绝式呼吸器",
                  "作业票"):
        assert words in monthly, words


def test_checklist_item_ids_must_be_unique() -> None:
    item = {"id": "CS-01", "text": {"zh": "甲", "en": "a"}}
    with pytest.raises(ValueError, match="unique"):
        Checklist.model_validate({"id": "x", "names": {"zh": "甲", "en": "a"},
                                  "items": [item, item]})


def test_checklists_command(repo: SafetyRepo) -> None:
    listed = json.loads(repo.run("checklists", "--format", "json").out)
    assert [d["id"] for d in listed][:10] == list(DEFAULT_DOMAINS)
    entry = next(d for d in listed if d["id"] == "confined-space-entry")
    assert entry["procedure"] == "per-job" and entry["domain"] == "confined-space"
    items = json.loads(repo.run("checklists", "fire-safety", "--format", "json").out)["items"]
    assert items[0]["id"] == "FS-01"
    assert "有限空间" in repo.run("checklists").out
    assert repo.run("checklists", "mining").code == 2


def test_the_same_item_is_major_for_one_regime_and_general_for_another(
        repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        .replace("  name: 水务公司\n", "  name: 水务公司\n  regimes:\n"
                                 "  - water-supply\n")
                        .replace("  name: 燃气公司\n", "  name: 燃气公司\n  regimes:\n"
                                 "  - building-municipal\n"), encoding="utf-8")
    for unit, level in (("RQ", "major"), ("SW", "general")):
        shown = json.loads(repo.run("checklists", "construction-sites", "--unit", unit,
                                    "--format", "json").out)
        certificate = next(i for i in shown["items"] if i["id"] == "CN-08")
        assert certificate["suggested"]["level"] == level, unit
        if level == "major":
            assert "房屋市政" in certificate["suggested"]["basis"]
    raised = json.loads(repo.run("inspect", "construction-sites", "--unit", "RQ", "--by",
                                 "李明", "--location", "二期工地", "--no-input", "--format",
                                 "json", "--fail", "CN-08=塔吊司机无特种作业操作资格证",
                                 "--interim-measure", "停止塔吊作业").out)
    hazard = yamlio.load_mapping(repo.read(raised["hazards"][0]["id"]), "x")
    assert hazard["level"] == "major" and "房屋市政" in hazard["major"]["basis"]
    text = repo.run("checklists", "construction-sites", "--unit", "SW").out
    assert "一般隐患" in text


def test_a_repository_overrides_and_adds_checklists(repo: SafetyRepo) -> None:
    folder = repo.path / "checklists"
    data = yamlio.load_mapping((folder / "fire-safety.yaml").read_text(), "x")
    data["frequency"] = "weekly"
    (folder / "fire-safety.yaml").write_text(yamlio.dump(data), encoding="utf-8")
    (folder / "mining.yaml").write_text(yamlio.dump({
        "kind": "checklist", "schema": 1, "id": "mining", "names": {"zh": "矿山", "en": "Mining"},
        "frequency": "monthly", "items": [{"id": "MN-01", "text": {"zh": "通风", "en": "Air"}}]}),
        encoding="utf-8")
    domains = {d["id"]: d for d in json.loads(repo.run("checklists", "--format", "json").out)}
    assert domains["fire-safety"]["frequency"] == "weekly" and "mining" in domains
    (folder / "mining.yaml").write_text("id: mining\n", encoding="utf-8")
    broken = repo.run("checklists")
    assert broken.code == 2 and "checklists/mining.yaml" in broken.err


# --- inspect --no-input -----------------------------------------------------------------

INSPECT = ["inspect", "confined-space", "--unit", "SW", "--by", "李明", "--by", "张伟",
           "--date", "2026-11-20", "--location", "三号泵站", "--no-input", "--format", "json"]


def items_of(repo: SafetyRepo, run_id: str) -> dict[str, dict[str, object]]:
    path = next((repo.path / "records").rglob(f"{run_id}.yaml"))
    record = yamlio.load_mapping(path.read_text(encoding="utf-8"), "x")
    return {o["item"]: o for o in record["items"]}


def test_unlisted_items_are_recorded_as_not_checked(repo: SafetyRepo) -> None:
    out = json.loads(repo.run(*INSPECT, "--pass", "CS-01,CS-02", "--pass", "CS-05",
                              "--na", "CS-15").out)
    assert out["results"] == {"pass": 3, "fail": 0, "na": 1, "unchecked": 10}
    assert out["checked"] == 3
    items = items_of(repo, out["id"])
    assert items["CS-01"]["result"] == "pass" and items["CS-16"]["result"] == "unchecked"
    shown = repo.run("inspections", out["id"])
    assert "检查 3 项（共 14 项）" in shown.out and "未检查" in shown.out
    everything = json.loads(repo.run(*INSPECT, "--all-pass", "--na", "CS-15").out)
    assert everything["results"] == {"pass": 13, "fail": 0, "na": 1, "unchecked": 0}


def test_a_failed_item_is_a_hazard_of_its_own(repo: SafetyRepo) -> None:
    out = json.loads(repo.run(
        *INSPECT, "--fail", "CS-02@三号泵站集水井=集水井入口无安全风险告知牌",
        "--fail", "CS-05=四合一气体检测仪超过检定有效期").out)
    assert len(out["hazards"]) == 2
    by_item = {h["checklist_item"]: h for h in out["hazards"]}
    sign = yamlio.load_mapping(repo.read(by_item["CS-02"]["id"]), "x")
    assert sign["title"] == "集水井入口无安全风险告知牌"          # the defect, not the rule
    assert sign["location"] == "三号泵站集水井"                    # its own place
    assert "告知牌" in sign["description"] and sign["description"] != sign["title"]
    assert sign["found_by"] == "李明、张伟" and sign["inspection"] == out["id"]
    assert "plan" not in sign
    detector = yamlio.load_mapping(repo.read(by_item["CS-05"]["id"]), "x")
    assert detector["location"] == "三号泵站"                      # the run's, by default
    items = items_of(repo, out["id"])
    assert items["CS-02"]["location"] == "三号泵站集水井" and "location" not in items["CS-05"]
    listed = json.loads(repo.run("list", "--format", "json", "--inspection", out["id"]).out)
    assert sorted(r["id"] for r in listed) == sorted(h["id"] for h in out["hazards"])
    exported = repo.run("export", "--inspection", out["id"]).out.splitlines()
    assert len(exported) == 3 and "集水井入口无安全风险告知牌" in exported[1] + exported[2]


def test_a_plan_only_where_one_is_given_for_it(repo: SafetyRepo) -> None:
    plan = ["--measure", "送检气体检测仪", "--responsible", "王强", "--funding", "800",
            "--deadline", "2026-11-30", "--contingency-plan", "借用备用检测仪"]
    one = json.loads(repo.run(*INSPECT, "--fail", "CS-05=检测仪超期", *plan).out)
    assert one["hazards"][0]["status"] == "rectifying"
    before = repo.snapshot()
    two = repo.run(*INSPECT, "--fail", "CS-05=检测仪超期", "--fail", "CS-02=无告知牌", *plan)
    assert two.code == 2 and "资金" in two.err
    assert repo.snapshot() == before


def test_a_recurrence_is_linked_not_registered_again(repo: SafetyRepo) -> None:
    first = json.loads(repo.run(*INSPECT, "--fail", "CS-02@三号泵站集水井=无告知牌").out)
    hazard_id = first["hazards"][0]["id"]
    again = json.loads(repo.run(*INSPECT, "--fail", "CS-02@三号泵站 集水井=仍无告知牌").out)
    assert again["hazards"] == [] and again["recurrences"] == [
        {"id": hazard_id, "checklist_item": "CS-02"}]
    item = items_of(repo, again["id"])["CS-02"]
    assert item["hazard"] == hazard_id and item["recurrence"] is True
    elsewhere = json.loads(repo.run(*INSPECT, "--fail", "CS-02@五号泵站=无告知牌").out)
    assert len(elsewhere["hazards"]) == 1  # another place is another hazard
    assert len(list((repo.path / "records" / "SW").glob("2026/*.yaml"))) == 2
    assert repo.run("audit", "--as-of", "2026-11-21").code == 0


def test_a_failed_item_needs_its_defect_and_a_location(repo: SafetyRepo) -> None:
    before = repo.snapshot()
    args = [a for a in INSPECT if a not in ("--location", "三号泵站")]
    nowhere = repo.run(*args, "--fail", "CS-02=无告知牌")
    assert nowhere.code == 2 and "隐患部位" in nowhere.err
    assert repo.snapshot() == before


def test_a_failed_major_item_is_registered_with_its_interim_measures(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "  name: 水务公司\n", "  name: 水务公司\n  regimes:\n  - industry-trade\n"),
        encoding="utf-8")
    before = repo.snapshot()
    refused = repo.run(*INSPECT, "--fail", "CS-18=外包单位未统一协调管理")
    assert refused.code == 2 and "CS-18" in refused.err and "临时管控措施" in refused.err
    assert repo.snapshot() == before
    recorded = repo.run(*INSPECT, "--fail", "CS-18=外包单位未统一协调管理",
                        "--interim-measure", "暂停外包有限空间作业")
    assert recorded.code == 0, recorded.err
    raised = json.loads(recorded.out)["hazards"][0]
    assert raised["status"] == "reported" and raised["level"] == "major"
    record = yamlio.load_mapping(repo.read(raised["id"]), "x")
    assert record["major"]["interim_measures"] == ["暂停外包有限空间作业"]
    assert "10号令" in record["major"]["basis"] or "工贸" in record["major"]["basis"]


def test_a_per_permit_run(repo: SafetyRepo) -> None:
    args = ["inspect", "confined-space-entry", "--unit", "SW", "--by", "李明", "--location",
            "三号泵站集水井", "--no-input", "--format", "json"]
    refused = repo.run(*args, "--all-pass")
    assert refused.code == 2 and "--permit" in refused.err
    periodic = repo.run(*INSPECT, "--permit", "YX-2026-118", "--all-pass")
    assert periodic.code == 2
    out = json.loads(repo.run(*args, "--permit", "YX-2026-118", "--all-pass",
                              "--fail", "CE-10=作业前未进行初始气体检测",
                              "--interim-measure", "立即撤出作业人员").out)
    run = yamlio.load_mapping(next((repo.path / "records").rglob(f"{out['id']}.yaml"))
                              .read_text(encoding="utf-8"), "x")
    assert run["permit"] == "YX-2026-118" and run["checklist"] == "confined-space-entry"
    assert run["domain"] == "confined-space"
    hazard = yamlio.load_mapping(repo.read(out["hazards"][0]["id"]), "x")
    assert hazard["domain"] == "confined-space" and hazard["checklist_item"] == "CE-10"
    listed = json.loads(repo.run("inspections", "--domain", "confined-space-entry",
                                 "--format", "json").out)["runs"]
    assert [r["permit"] for r in listed] == ["YX-2026-118"]


def test_listing_showing_and_voiding_runs(repo: SafetyRepo) -> None:
    a = json.loads(repo.run(*INSPECT, "--all-pass").out)["id"]
    b = json.loads(repo.run("inspect", "fire-safety", "--unit", "RQ", "--by", "刘洋",
                            "--date", "2026-11-18", "--no-input", "--all-pass",
                            "--format", "json").out)["id"]
    listed = json.loads(repo.run("inspections", "--format", "json").out)["runs"]
    assert [r["id"] for r in listed] == [a, b]  # newest first
    only = json.loads(repo.run("inspections", "--unit", "RQ", "--format", "json").out)["runs"]
    assert [r["id"] for r in only] == [b]
    dated = json.loads(repo.run("inspections", "--since", "2026-11-19", "--format",
                                "json").out)["runs"]
    assert [r["id"] for r in dated] == [a]
    assert a in repo.run("inspections").out
    shown = json.loads(repo.run("inspections", a, "--format", "json").out)
    assert shown["id"] == a and shown["checked"] == 14
    refused = repo.run("inspections", a, "--void", "--by", "陈明")
    assert refused.code == 2 and "--reason" in refused.err
    voided = repo.run("inspections", a, "--void", "--reason", "集水井无作业，审批等项无法检查",
                      "--by", "陈明")
    assert voided.code == 0, voided.err
    assert json.loads(repo.run("inspections", a, "--format", "json").out)["void"]["by"] == "陈明"
    assert repo.run("inspections", a, "--void", "--reason", "x", "--by", "陈明").code == 2
    assert repo.run("inspections", "SW-20261120-confined-space-ZZZZ").code == 2


@pytest.mark.parametrize(("args", "words"), [
    (["--unit", "XX"], "未知单位“XX”"),
    (["--fail", "CS-99=x"], "没有检查项 CS-99"),
    (["--fail", "CS-01=x", "--na", "CS-01"], "两个结果"),
    (["--date", "2026-11-30"], "晚于记录日期"),
    (["--campaign", "nosuch", "--all-pass"], "nosuch"),
])
def test_bad_inspections_write_nothing(repo: SafetyRepo, args: list[str], words: str) -> None:
    before = repo.snapshot()
    given = list(INSPECT)
    if args[0] in given:  # replace an option's value
        given[given.index(args[0]) + 1] = args[1]
        args = args[2:]
    result = repo.run(*given, *args)
    assert result.code == 2 and words in result.err
    assert repo.snapshot() == before


def test_everything_or_nothing_when_a_write_fails_midway(repo: SafetyRepo,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real_link = os.link
    calls = []

    def disk_full_on_third_file(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_link(source, target)

    monkeypatch.setattr(os, "link", disk_full_on_third_file)
    before = repo.snapshot()
    result = repo.run(*INSPECT, "--fail", "CS-02=a", "--fail", "CS-05=b", "--fail", "CS-15=c")
    assert result.code == 2 and "磁盘空间不足" in result.err
    assert len(calls) == 3
    assert repo.snapshot() == before


# --- interactive ---------------------------------------------------------------------------

def test_walking_a_checklist_at_the_terminal(repo: SafetyRepo) -> None:
    exe = str(Path(sys.executable).with_name("safecheck"))
    child = pexpect.spawn(exe, ["inspect", "rental-housing", "--unit", "SW", "--by", "李明"],
                          cwd=str(repo.path), encoding="utf-8", timeout=20,
                          env=dict(os.environ, LANG="C.UTF-8", TERM="dumb"))
    child.expect("检查地点")
    child.sendline("职工宿舍")
    total = len([i for i in packaged_checklists()["rental-housing"].items if not i.only_for])
    answers = {1: "n", 2: "u", 4: "f", 9: "m"}
    for number in range(1, total + 1):
        child.expect(rf"\[{number}/{total}\]")
        child.expect("结果")
        child.sendline(answers.get(number, "p"))
        if number == 4:  # a failed item: the defect found, then where
            child.expect("发现的问题")
            child.sendline("楼道内电动自行车飞线充电")
            child.expect("隐患部位")
            child.sendline("职工宿舍3号楼楼道")
        if number == 9:
            child.expect("备注")
            child.sendline("灭火器下月到期")
            child.expect("结果")
            child.sendline("p")
    child.expect(f"合格 {total - 3}，不合格 1，不适用 1，未检查 1")
    child.expect(r"Y/n")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    runs = list((repo.path / "records" / "SW" / "2026" / "inspections").glob("*.yaml"))
    record = yamlio.load_mapping(runs[0].read_text(), "x")
    results = {o["item"]: o for o in record["items"]}
    assert results["RH-01"]["result"] == "na" and results["RH-02"]["result"] == "unchecked"
    assert results["RH-09"]["notes"] == "灭火器下月到期"
    hazard = yamlio.load_mapping(repo.read(results["RH-04"]["hazard"]), "x")
    assert hazard["title"] == "楼道内电动自行车飞线充电"
    assert hazard["location"] == "职工宿舍3号楼楼道"


# --- coverage: the inspection-due rule and campaigns ---------------------------------------

def due(repo: SafetyRepo, as_of: str) -> dict[tuple[str, str], str]:
    report = json.loads(repo.run("audit", "--format", "json", "--as-of", as_of).out)
    return {(f["unit"], f["message"].split("（")[1].split("，")[0]): f["severity"]
            for f in report["findings"] if f["rule"] == "inspection-due"}


def inspect_on(repo: SafetyRepo, domain: str, day: str) -> None:
    result = repo.run("inspect", domain, "--unit", "SW", "--by", "李明", "--date", day,
                      "--no-input", "--all-pass")
    assert result.code == 0, result.err


def test_a_new_ledger_is_not_in_breach_on_its_first_day(repo: SafetyRepo) -> None:
    assert due(repo, "2026-11-21") == {}           # init recorded each unit's start
    later = due(repo, "2026-12-30")                 # a month and more later
    assert ("SW", "confined-space") in later and ("SW", "cybersecurity") not in later
    assert ("SW", "hazardous-chemicals") in due(repo, "2026-11-29")  # weekly


def test_a_unit_without_a_start_date_is_due_at_once(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text("\n".join(line for line in text.splitlines()
                                  if not line.strip().startswith("since:")) + "\n",
                        encoding="utf-8")
    found = due(repo, "2026-11-21")
    assert len(found) == 20 and found[("SW", "confined-space")] == "warning"


@pytest.mark.parametrize(("domain", "last", "fresh", "stale"), [
    ("hazardous-chemicals", "2026-11-01", "2026-11-08", "2026-11-09"),    # weekly: 7 days
    ("confined-space", "2026-10-01", "2026-11-01", "2026-11-02"),         # monthly: 31 days
    ("cybersecurity", "2026-08-01", "2026-11-01", "2026-11-02"),          # quarterly: 92 days
])
def test_inspection_due_at_its_boundaries(repo: SafetyRepo, domain: str, last: str,
                                          fresh: str, stale: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECHECK_TODAY", stale)
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "since: 2026-11-21", "since: 2026-01-01"), encoding="utf-8")
    inspect_on(repo, domain, last)
    assert ("SW", domain) not in due(repo, fresh)
    assert ("SW", domain) in due(repo, stale)
    assert dt.date.fromisoformat(stale) - dt.date.fromisoformat(fresh) == dt.timedelta(days=1)


def test_statutory_rhythms_follow_the_units_regimes(repo: SafetyRepo,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECHECK_TODAY", "2026-11-30")
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "since: 2026-11-21", "since: 2026-01-01").replace(
        "  name: 水务公司\n", "  name: 水务公司\n  regimes:\n  - special-equipment-user\n"),
        encoding="utf-8")
    inspect_on(repo, "special-equipment", "2026-11-20")
    found = due(repo, "2026-11-28")  # 8 days later: weekly 排查 for a user of special equipment
    assert ("SW", "special-equipment") in found


def test_inspection_due_severity_and_unit_domains(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    text = settings.read_text(encoding="utf-8").replace("since: 2026-11-21", "since: 2026-01-01")
    text = text.replace("  name: 水务公司\n", "  name: 水务公司\n  domains:\n  - fire-safety\n")
    settings.write_text(text + "rules:\n  inspection-due: error\n", encoding="utf-8")
    found = due(repo, "2026-11-21")
    assert [k for k in found if k[0] == "SW"] == [("SW", "fire-safety")]
    assert set(found.values()) == {"error"}
    assert repo.run("audit").code == 1
    settings.write_text(text.replace("- fire-safety", "- mining"), encoding="utf-8")
    broken = repo.run("audit")
    assert broken.code == 2 and "units.0.domains" in broken.err


def test_a_campaigns_coverage_and_its_audit_finding(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "campaigns:\n- id: 2026-winter\n  name: 岁末年初拉网式排查\n  from: 2026-11-15\n"
        "  to: 2026-11-25\n  units:\n  - SW\n  domains:\n  - confined-space\n"
        "  - fire-safety\n"), encoding="utf-8")
    inspect = ["inspect", "confined-space", "--unit", "SW", "--by", "李明", "--date",
               "2026-11-20", "--no-input", "--all-pass", "--campaign", "2026-winter"]
    assert repo.run(*inspect).code == 0
    outside = repo.run(*[a if a != "2026-11-20" else "2026-11-10" for a in inspect])
    assert outside.code == 2 and "2026-winter" in outside.err
    coverage = json.loads(repo.run("inspections", "--campaign", "2026-winter", "--format",
                                   "json").out)["coverage"]
    assert coverage["reached"] == 1 and coverage["total"] == 2
    assert coverage["missing"] == [{"unit": "SW", "domain": "fire-safety"}]
    assert "已覆盖 1/2" in repo.run("inspections", "--campaign", "2026-winter").out
    during = json.loads(repo.run("audit", "--format", "json", "--as-of", "2026-11-24").out)
    assert "campaign-incomplete" not in {f["rule"] for f in during["findings"]}
    after = json.loads(repo.run("audit", "--format", "json", "--as-of", "2026-11-26").out)
    missing = [f for f in after["findings"] if f["rule"] == "campaign-incomplete"]
    assert len(missing) == 1 and "消防安全" in missing[0]["message"]


def test_broken_links_between_hazards_and_inspections(repo: SafetyRepo) -> None:
    out = json.loads(repo.run(*INSPECT, "--fail", "CS-02=无告知牌").out)
    hazard_id = out["hazards"][0]["id"]
    path = repo.record_path(hazard_id)
    path.write_text(repo.read(hazard_id).replace(out["id"], "SW-20261120-confined-space-ZZZZ"),
                    encoding="utf-8")
    report = json.loads(repo.run("audit", "--format", "json").out)
    links = [f for f in report["findings"] if f["rule"] == "inspection-link"]
    assert {f["id"] for f in links} == {hazard_id, out["id"]}
