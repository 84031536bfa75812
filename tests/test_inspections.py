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
    domains = json.loads(repo.run("checklists", "--format", "json").out)
    assert [d["id"] for d in domains] == list(DEFAULT_DOMAINS)
    items = json.loads(repo.run("checklists", "fire-safety", "--format", "json").out)["items"]
    assert items[0]["id"] == "FS-01"
    assert "有限空间" in repo.run("checklists").out
    assert repo.run("checklists", "mining").code == 2


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


def test_an_inspection_raises_one_hazard_per_failed_item(repo: SafetyRepo) -> None:
    result = repo.run(*INSPECT, "--fail", "CS-02=入口无警示牌", "--fail", "CS-06",
                      "--na", "CS-18")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["results"] == {"pass": 15, "fail": 2, "na": 1}
    record = yamlio.load_mapping((repo.path / out["path"]).read_text(), "x")
    assert record["inspectors"] == ["李明", "张伟"] and record["date"] == "2026-11-20"
    failed = {o["item"]: o for o in record["items"] if o["result"] == "fail"}
    hazards = {h["checklist_item"]: h["id"] for h in out["hazards"]}
    assert failed["CS-02"]["hazard"] == hazards["CS-02"]
    assert failed["CS-02"]["notes"] == "入口无警示牌"
    assert sorted(record["hazards"]) == sorted(hazards.values())
    hazard = yamlio.load_mapping(repo.read(hazards["CS-02"]), "x")
    assert hazard["inspection"] == out["id"] and hazard["checklist_item"] == "CS-02"
    assert hazard["title"].startswith("有限空间出入口设置明显的安全警示标志")
    assert hazard["description"] == "入口无警示牌\n" and hazard["found_by"] == "李明、张伟"
    assert hazard["status"] == "reported" and hazard["location"] == "三号泵站"
    listed = json.loads(repo.run("list", "--format", "json", "--inspection", out["id"]).out)
    assert sorted(r["id"] for r in listed) == sorted(hazards.values())
    exported = repo.run("export", "--inspection", out["id"]).out.splitlines()
    assert len(exported) == 3 and "隐患编号" in exported[0]
    assert repo.run("audit", "--format", "json").code == 0


def test_a_clean_inspection_raises_nothing_and_needs_no_location(repo: SafetyRepo) -> None:
    args = [a for a in INSPECT if a not in ("--location", "三号泵站")]
    out = json.loads(repo.run(*args).out)
    assert out["hazards"] == [] and out["results"]["pass"] == 18


def test_a_failed_major_item_is_registered_with_its_interim_measures(repo: SafetyRepo) -> None:
    before = repo.snapshot()
    refused = repo.run(*INSPECT, "--fail", "CS-10=未检测气体")
    assert refused.code == 2 and "CS-10" in refused.err and "临时管控措施" in refused.err
    assert repo.snapshot() == before
    recorded = repo.run(*INSPECT, "--fail", "CS-10=未检测气体", "--interim-measure", "停止作业")
    assert recorded.code == 0, recorded.err
    raised = json.loads(recorded.out)["hazards"][0]
    assert raised["status"] == "reported" and raised["level"] == "major"
    record = yamlio.load_mapping(repo.read(raised["id"]), "x")
    assert record["major"] == {"interim_measures": ["停止作业"]}


@pytest.mark.parametrize(("args", "words"), [
    (["--unit", "XX"], "未知单位“XX”"),
    (["--fail", "CS-99"], "has no item CS-99"),
    (["--fail", "CS-01", "--na", "CS-01"], "both as --fail and --na"),
    (["--date", "2026-11-30"], "in the future"),
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
    result = repo.run(*INSPECT, "--fail", "CS-02", "--fail", "CS-06", "--fail", "CS-07")
    assert result.code == 2 and "No space left on device" in result.err
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
    answers = {1: "n", 4: "f", 9: "m"}
    for number in range(1, 12):
        child.expect(rf"\[{number}/11\]")
        child.expect("结果")
        child.sendline(answers.get(number, ""))
        if number == 4:  # RH-04 is a major item: problem, then its interim measures
            child.expect("存在问题")
            child.sendline("楼道内电动自行车飞线充电")
            for prompt, answer in (("临时管控措施", ""), (r"1\. ", "切断飞线电源"),
                                   (r"2\. ", "")):
                child.expect(prompt)
                child.sendline(answer)
        if number == 9:
            child.expect("备注")
            child.sendline("灭火器下月到期")
            child.expect("结果")
            child.sendline("p")
    child.expect("合格 9，不合格 1，不适用 1")
    child.expect(r"Y/n")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    runs = list((repo.path / "records" / "SW" / "2026" / "inspections").glob("*.yaml"))
    record = yamlio.load_mapping(runs[0].read_text(), "x")
    results = {o["item"]: o for o in record["items"]}
    assert results["RH-01"]["result"] == "na" and results["RH-09"]["notes"] == "灭火器下月到期"
    hazard_id = results["RH-04"]["hazard"]
    hazard = yamlio.load_mapping(repo.read(hazard_id), "x")
    assert hazard["level"] == "major" and hazard["status"] == "reported"
    assert hazard["major"]["interim_measures"] == ["切断飞线电源"]


# --- coverage: the inspection-due rule -----------------------------------------------------

def due(repo: SafetyRepo, as_of: str) -> dict[tuple[str, str], str]:
    report = json.loads(repo.run("audit", "--format", "json", "--as-of", as_of).out)
    return {(f["unit"], f["message"].split("（")[1].split("，")[0]): f["severity"]
            for f in report["findings"] if f["rule"] == "inspection-due"}


def inspect_on(repo: SafetyRepo, domain: str, day: str) -> None:
    result = repo.run("inspect", domain, "--unit", "SW", "--by", "李明", "--date", day,
                      "--no-input")
    assert result.code == 0, result.err


def test_never_inspected_domains_are_due(repo: SafetyRepo) -> None:
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
    inspect_on(repo, domain, last)
    assert ("SW", domain) not in due(repo, fresh)
    assert ("SW", domain) in due(repo, stale)
    assert dt.date.fromisoformat(stale) - dt.date.fromisoformat(fresh) == dt.timedelta(days=1)


def test_inspection_due_severity_and_unit_domains(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("  name: 水务公司\n", "  name: 水务公司\n  domains:\n  - fire-safety\n")
    settings.write_text(text + "rules:\n  inspection-due: error\n", encoding="utf-8")
    found = due(repo, "2026-11-21")
    assert [k for k in found if k[0] == "SW"] == [("SW", "fire-safety")]
    assert set(found.values()) == {"error"}
    assert repo.run("audit").code == 1
    settings.write_text(text.replace("- fire-safety", "- mining"), encoding="utf-8")
    broken = repo.run("audit")
    assert broken.code == 2 and "units.0.domains" in broken.err


def test_broken_links_between_hazards_and_inspections(repo: SafetyRepo) -> None:
    out = json.loads(repo.run(*INSPECT, "--fail", "CS-02").out)
    hazard_id = out["hazards"][0]["id"]
    path = repo.record_path(hazard_id)
    path.write_text(repo.read(hazard_id).replace(out["id"], "SW-20261120-confined-space-ZZZZ"),
                    encoding="utf-8")
    report = json.loads(repo.run("audit", "--format", "json").out)
    links = [f for f in report["findings"] if f["rule"] == "inspection-link"]
    assert {f["id"] for f in links} == {hazard_id, out["id"]}
