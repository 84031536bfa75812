"""list, show, audit, fmt, init and schema through the CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from helpers import SafetyRepo, run
from records import PLAN, data
from safecheck import yamlio


def write_record(repo: SafetyRepo, record: dict[str, object], name: str | None = None) -> Path:
    """Put a hand-made record where its ID says (or under ``name``)."""
    hazard_id = str(record["id"])
    path = repo.record_path(hazard_id) if name is None else repo.path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yamlio.dump(record), encoding="utf-8")
    docs = record.get("documents") or {}
    folder = path.with_suffix("")
    for names in docs.values():  # type: ignore[union-attr]
        for doc in names:
            folder.mkdir(exist_ok=True)
            (folder / doc).write_bytes(b"doc")
    return path


def audit_json(repo: SafetyRepo, *args: str) -> tuple[int, dict[str, object]]:
    result = repo.run("audit", "--format", "json", *args)
    return result.code, json.loads(result.out)


def rules(report: dict[str, object]) -> list[tuple[str, str]]:
    """(rule, id) of the findings about hazards (inspection coverage has its own tests)."""
    return [(f["rule"], f["id"]) for f in report["findings"]  # type: ignore[index,union-attr]
            if f["rule"] != "inspection-due"]


def test_empty_ledger_passes(repo: SafetyRepo) -> None:
    result = repo.run("audit")
    assert result.code == 0 and "台账校验通过" in result.out


def test_overdue_is_an_error_that_names_days_and_person(repo: SafetyRepo) -> None:
    write_record(repo, data("rectifying"))  # deadline 2026-11-28
    code, report = audit_json(repo, "--as-of", "2026-11-28")
    assert code == 0 and rules(report) == [("due-soon", "SW-20261116-7KQF")]
    code, report = audit_json(repo, "--as-of", "2026-12-01")
    assert code == 1
    finding = next(f for f in report["findings"] if f["rule"] == "overdue")  # type: ignore
    assert finding["severity"] == "error"
    assert finding["message"].startswith("已逾期 3 天") and "王强" in finding["message"]
    assert finding["path"] == "records/SW/2026/SW-20261116-7KQF.yaml"
    assert finding["line"] == repo.read("SW-20261116-7KQF").splitlines().index(
        "  deadline: 2026-11-28") + 1
    assert report["summary"]["errors"] == 1  # type: ignore[index]


def test_safecheck_today_decides_overdue(repo: SafetyRepo,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    write_record(repo, data("rectifying"))
    monkeypatch.setenv("SAFECHECK_TODAY", "2026-11-29")
    assert repo.run("audit").code == 1
    monkeypatch.setenv("SAFECHECK_TODAY", "2026-11-28")
    assert repo.run("audit").code == 0
    assert repo.run("audit", "--strict").code == 1  # due-soon is a warning


def test_plan_incomplete_after_plan_within_days(repo: SafetyRepo) -> None:
    write_record(repo, data("reported"))  # found 2026-11-16, plan_within_days 3
    assert rules(audit_json(repo, "--as-of", "2026-11-19")[1]) == []
    code, report = audit_json(repo, "--as-of", "2026-11-20")
    assert code == 1 and rules(report) == [("plan-incomplete", "SW-20261116-7KQF")]


def test_duplicate_ids_path_mismatch_unknown_unit_and_missing_documents(
        repo: SafetyRepo) -> None:
    write_record(repo, data("rectifying"))
    write_record(repo, data("rectifying"), "records/SW/2025/SW-20261116-7KQF.yaml")
    write_record(repo, data("rectifying", id="RQ-20261116-AAAA"))
    write_record(repo, data("rectifying", id="XX-20261116-BBBB", unit="XX"))
    path = write_record(repo, data("verifying", id="SW-20261116-CCCC"))
    shutil.rmtree(path.with_suffix(""))
    code, report = audit_json(repo, "--as-of", "2026-11-21")
    assert code == 1
    found = set(rules(report))
    assert ("duplicate-id", "SW-20261116-7KQF") in found
    assert ("id-path-mismatch", "SW-20261116-7KQF") in found  # the copy under 2025/
    assert ("id-path-mismatch", "RQ-20261116-AAAA") in found  # unit SW, ID says RQ
    assert ("unknown-unit", "XX-20261116-BBBB") in found
    assert ("missing-document", "SW-20261116-CCCC") in found


def test_every_bad_file_is_reported_in_one_run(repo: SafetyRepo) -> None:
    folder = repo.path / "records" / "SW" / "2026"
    folder.mkdir(parents=True)
    (folder / "SW-20261116-0001.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (folder / "SW-20261116-0002.yaml").write_text(
        yamlio.dump(data("reported", id="SW-20261116-0002", found_on="2026-02-30")),
        encoding="utf-8")
    (folder / "SW-20261116-0003.yaml").write_text(
        yamlio.dump(data("closed", id="SW-20261116-0003", level="major")), encoding="utf-8")
    # a closed major hazard without interim measures (invalid) and without its root cause
    # and assessment (findings of their own rules)
    (repo.record_path("SW-20261116-0003").with_suffix("")).mkdir()
    (repo.record_path("SW-20261116-0003").with_suffix("") / "after-1.jpg").write_bytes(b"x")
    code, report = audit_json(repo)
    assert code == 1
    invalid = [f for f in report["findings"] if f["rule"] == "invalid"]  # type: ignore[union-attr]
    assert [f["path"][-9:] for f in invalid] == ["0001.yaml", "0002.yaml", "0003.yaml"]
    lines = (folder / "SW-20261116-0002.yaml").read_text(encoding="utf-8").splitlines()
    assert invalid[1]["line"] == lines.index("found_on: 2026-02-30") + 1
    assert "found_on" in invalid[1]["message"]
    assert "临时管控措施" in invalid[2]["message"]
    rules = {f["rule"] for f in report["findings"]  # type: ignore[union-attr]
             if f["id"] == "SW-20261116-0003"}
    assert {"root-cause", "major-closure"} <= rules


def test_audit_text_groups_by_unit_and_github_annotations(repo: SafetyRepo) -> None:
    write_record(repo, data("rectifying"))
    write_record(repo, data("rectifying", id="RQ-20261116-AAAA", unit="RQ"))
    text = repo.run("audit", "--as-of", "2026-12-01")
    assert text.code == 1
    assert "SW 水务公司" in text.out and "RQ 燃气公司" in text.out and "台账校验未通过" in text.out
    github = repo.run("audit", "--as-of", "2026-12-01", "--format", "github")
    line = next(x for x in github.out.splitlines() if "title=overdue" in x)
    assert line.startswith("::error file=records/RQ/2026/RQ-20261116-AAAA.yaml,line=")
    assert ",title=overdue::已逾期 3 天" in line


def test_rule_severities_are_configurable(repo: SafetyRepo) -> None:
    write_record(repo, data("rectifying"))
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        + "rules:\n  overdue: warning\n  due-soon: 'off'\n", encoding="utf-8")
    code, report = audit_json(repo, "--as-of", "2026-12-01")
    overdue = [f for f in report["findings"] if f["rule"] == "overdue"]  # type: ignore[union-attr]
    assert code == 0 and overdue[0]["severity"] == "warning"
    assert repo.run("audit", "--as-of", "2026-12-01", "--strict").code == 1


def test_list_filters_and_formats(repo: SafetyRepo) -> None:
    write_record(repo, data("rectifying"))
    write_record(repo, data("closed", id="SW-20261116-CCCC"))
    write_record(repo, data("reported", id="RQ-20261117-AAAA", unit="RQ",
                            found_on="2026-11-17", domain="fire-safety", level="general"))
    table = repo.run("list")
    assert table.code == 0 and "3 条隐患" in table.out and "已销号" in table.out
    rows = json.loads(repo.run("list", "--format", "json", "--status", "closed").out)
    assert [r["id"] for r in rows] == ["SW-20261116-CCCC"] and rows[0]["verifications"]
    overdue = json.loads(repo.run("list", "--format", "json", "--overdue",
                                  "--as-of", "2026-12-01").out)
    assert [r["id"] for r in overdue] == ["SW-20261116-7KQF"]
    assert overdue[0]["days_overdue"] == 3
    out = repo.run("list", "--format", "csv", "--unit", "rq", "--domain", "fire-safety").out
    table_rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in table_rows] == ["RQ-20261117-AAAA"]
    assert table_rows[0]["status"] == "reported"
    assert repo.run("list", "--unit", "ZZ").code == 2
    assert repo.run("list", "--status", "finished").code == 2


def test_show_text_and_json(repo: SafetyRepo) -> None:
    write_record(repo, data("closed"))
    shown = repo.run("show", "SW-20261116-7KQF")
    assert shown.code == 0
    for words in ("已销号", "三号泵站集水井", "王强", "张伟 合格", "有限空间"):
        assert words in shown.out
    record = json.loads(repo.run("show", "SW-20261116-7KQF", "--format", "json").out)
    assert record["status"] == "closed" and record["effective_deadline"] == "2026-11-28"


def test_english_locale_labels(en_repo: SafetyRepo) -> None:
    write_record(en_repo, data("rectifying"))
    assert "rectifying" in en_repo.run("list").out
    assert "Confined spaces" in en_repo.run("show", "SW-20261116-7KQF").out


def test_fmt_rewrites_hand_edited_files(repo: SafetyRepo) -> None:
    path = write_record(repo, data("rectifying"))
    canonical = path.read_text(encoding="utf-8")
    messy = ("# edited by hand\n" + canonical.replace("title: ", "title:   ")
             .replace("status: rectifying", "status: 'rectifying'"))
    path.write_text(messy, encoding="utf-8")
    check = repo.run("fmt", "--check")
    assert check.code == 1 and "需要规范化 records/SW/2026/" in check.out
    assert path.read_text(encoding="utf-8") == messy
    assert repo.run("fmt").code == 0
    assert path.read_text(encoding="utf-8") == canonical
    assert repo.run("fmt", "--check").code == 0


def test_fmt_reports_files_it_cannot_read(repo: SafetyRepo) -> None:
    path = write_record(repo, data("rectifying"))
    path.write_text("title: [\n", encoding="utf-8")
    result = repo.run("fmt")
    assert result.code == 2 and "YAML 格式错误" in result.err
    assert path.read_text(encoding="utf-8") == "title: [\n"


def test_init_refuses_to_overwrite(repo: SafetyRepo) -> None:
    before = (repo.path / "safecheck.yaml").read_bytes()
    result = run("init", str(repo.path), "--org", "别的集团", "--unit", "AB=甲")
    assert result.code == 2 and "已存在，未做任何修改" in result.err
    assert (repo.path / "safecheck.yaml").read_bytes() == before


def test_init_lays_out_the_checklists(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "new"), "--org", "Example Group", "--unit",
                 "ab=Plant A", "--lang", "en")
    assert result.code == 0, result.err
    names = sorted(p.stem for p in (tmp_path / "new" / "checklists").glob("*.yaml"))
    assert len(names) == 12 and "confined-space" in names and "rules-and-plans" in names
    assert "confined-space-entry" in names and "special-work-permit" in names
    settings = yamlio.load_mapping((tmp_path / "new" / "safecheck.yaml").read_text(), "s")
    assert settings["units"] == [{"code": "AB", "name": "Plant A", "since": "2026-11-21"}]
    assert settings["locale"] == "en"
    assert run("init", str(tmp_path / "x"), "--org", "X", "--unit", "A=b").code == 2


def test_repo_is_found_upward_or_given(repo: SafetyRepo, tmp_path: Path) -> None:
    deep = repo.path / "records" / "SW"
    deep.mkdir(parents=True)
    assert run("audit", cwd=deep).code == 0
    assert run("--repo", str(repo.path), "audit", cwd=tmp_path).code == 0
    outside = run("audit", cwd=tmp_path)
    assert outside.code == 2 and "no safecheck.yaml" in outside.err


def test_schema_is_json_schema(repo: SafetyRepo) -> None:
    schema = json.loads(repo.run("schema", "hazard").out)
    assert schema["properties"]["status"] and "schema" in schema["properties"]
    assert json.loads(repo.run("schema", "settings").out)["properties"]["units"]


def test_export_csv_and_xlsx(repo: SafetyRepo, tmp_path: Path) -> None:
    import openpyxl

    write_record(repo, data("closed"))
    write_record(repo, data("rectifying", id="SW-20261116-AAAA", title="=HYPERLINK(\"x\")"))
    csv_file = tmp_path / "台账.csv"
    assert repo.run("export", "--output", str(csv_file)).code == 0
    raw = csv_file.read_bytes()
    assert raw.startswith("\ufeff隐患编号".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 3 and rows[1][rows[0].index("状态")] == "已销号"
    assert rows[1][rows[0].index("验收结论")] == "合格"  # the words of result.*
    assert rows[2][rows[0].index("隐患名称")].startswith("'=")  # no formula injection
    xlsx = tmp_path / "台账.xlsx"
    assert repo.run("export", "-o", str(xlsx), "--status", "closed").code == 0
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None and sheet.max_row == 4      # title, date and counts, header
    assert sheet.title == "隐患台账"
    assert sheet.cell(1, 1).value == "示例集团隐患排查治理台账"
    header = [c.value for c in sheet[3]]
    found = sheet.cell(row=4, column=header.index("排查日期") + 1).value
    assert found is not None and found.date().isoformat() == "2026-11-16"
    assert repo.run("export", "--format", "xlsx").code == 2


def test_list_filters_people_ask_every_day(repo: SafetyRepo) -> None:
    write_record(repo, data("rectifying", source="district-inspection",
                            source_ref="区委第三巡查组反馈意见第5条"))
    write_record(repo, data("rectifying", id="SW-20261116-AAAA", contractor={
        "name": "某某环境工程有限公司", "supervisor": "赵刚"},
        plan={**PLAN, "responsible": {"person": "赵刚"}, "deadline": "2026-12-20"}))

    def listed(*args: str) -> list[str]:
        result = repo.run("list", "--format", "json", *args)
        assert result.code == 0, result.err
        return sorted(r["id"] for r in json.loads(result.out))

    assert listed("--source", "district-inspection") == ["SW-20261116-7KQF"]
    assert listed("--source-ref", "第三巡查组") == ["SW-20261116-7KQF"]
    assert listed("--responsible", "赵 刚") == ["SW-20261116-AAAA"]
    assert listed("--contractor", "环境工程") == ["SW-20261116-AAAA"]
    assert listed("--due-within", "7") == ["SW-20261116-7KQF"]      # due 11-28, today 11-21
    assert listed("--due-within", "30") == ["SW-20261116-7KQF", "SW-20261116-AAAA"]
    assert repo.run("list", "--source", "gossip").code == 2
    import csv
    import io

    exported = list(csv.reader(io.StringIO(repo.run("export", "--responsible", "赵刚").out)))
    assert len(exported) == 2 and exported[1][0] == "SW-20261116-AAAA"


def test_output_fits_the_terminal(repo: SafetyRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    long_title = "三号泵站集水井入口无有限空间警示标志且井盖未上锁、周边无围挡、夜间无照明"
    write_record(repo, data("rectifying", title=long_title, level="major", major={
        "interim_measures": ["停止作业"]}, description="很长的描述" * 30 + "\n"))
    monkeypatch.setenv("COLUMNS", "80")
    listed = repo.run("list").out
    assert "SW-20261116-7KQF" in listed and "2026-11-28" in listed  # whole, not split
    assert "重大隐患" in listed                                     # the level, in the title
    assert max(len(line) for line in listed.splitlines()) <= 80
    monkeypatch.setenv("COLUMNS", "100")
    shown = repo.run("show", "SW-20261116-7KQF").out
    flat = "".join(ch for ch in shown if ch not in "│ \n")
    assert "…" not in shown and flat.count("很长的描述") == 30  # wrapped, not cut
    assert long_title in flat
