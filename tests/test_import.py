"""safecheck import: spreadsheet ledgers in, every row judged as the commands judge it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from conftest import make_repo
from helpers import SafetyRepo, run
from import_ledger import build, fields, sheet_rows, use_settings
from safecheck import yamlio

HEADER = ["序号", "隐患名称", "隐患部位", "专业类别", "隐患级别", "排查时间", "排查人", "整改措施",
          "整改责任人", "整改资金（元）", "整改期限", "应急预案", "整改情况", "验收人", "验收日期"]
CLOSED = ["1", "泵房消防通道堆放杂物", "三号泵站泵房", "消防", "一般", "2026/11/16", "李明",
          "清理通道", "王强", "0", "2026年11月20日", "专人看护", "已整改", "张伟", "2026-11-19"]
OPEN = ["2", "集水井入口无警示标志", "三号泵站集水井", "有限空间", "一般", "2026-11-18", "李明",
        "1、设置警示标志；2、加锁", "王强", "1200", "2026-11-28", "设置围挡", "未整改", "", ""]
REPORTED = ["3", "配电室门口无挡鼠板", "二水厂配电室", "生产经营", "一般", "2026-11-19", "李明",
            "", "", "", "", "", "", "", ""]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def records(repo: SafetyRepo) -> dict[str, dict[str, object]]:
    out = {}
    for path in sorted((repo.path / "records").glob("*/*/*.yaml")):
        data = yamlio.load_mapping(path.read_text(encoding="utf-8"), path.name)
        out[str(data["id"])] = data
    return out


def imported(repo: SafetyRepo, *args: str) -> dict[str, object]:
    result = repo.run("import", *args, "--format", "json")
    assert result.code == 0, result.err + result.out
    data: dict[str, object] = json.loads(result.out)
    return data


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_a_chinese_csv_ledger_in_any_encoding(repo: SafetyRepo, tmp_path: Path,
                                              encoding: str) -> None:
    sheet = write_csv(tmp_path / "台账.csv", [HEADER, CLOSED, OPEN, REPORTED], encoding)
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            sheet.read_bytes().decode("utf-8")
    before = repo.snapshot()
    dry = imported(repo, str(sheet), "--unit", "SW", "--source", "自查", "--dry-run")
    assert repo.snapshot() == before  # a dry run writes nothing
    assert [c["status"] for c in dry["created"]] == ["closed", "rectifying", "reported"]
    done = imported(repo, str(sheet), "--unit", "SW", "--source", "自查")
    assert [c["id"] for c in done["created"]] == [c["id"] for c in dry["created"]]
    assert done["encoding"] == encoding and done["header_row"] == 1
    found = records(repo)
    closed = found[done["created"][0]["id"]]
    assert closed["status"] == "closed" and closed["domain"] == "fire-safety"
    assert closed["found_on"] == "2026-11-16" and closed["plan"]["deadline"] == "2026-11-20"
    assert closed["verifications"] == [{"date": "2026-11-19", "by": "张伟", "result": "pass"}]
    assert closed["imported"] == {
        "file": "台账.csv", "row": 2, "ref": "1",
        "inferred": ["description", "rectifications.0.actions", "rectifications.0.by",
                     "rectifications.0.completed_on", "source", "unit",
                     "verifications.0.result"]}
    rounds = closed["rectifications"]
    assert rounds[0]["completed_on"] == "2026-11-19" and rounds[0]["by"] == "王强"
    assert "未载明整改内容" in rounds[0]["actions"]
    opened = found[done["created"][1]["id"]]
    assert opened["plan"]["measures"] == ["设置警示标志", "加锁"]
    transcript = (repo.record_path(closed["id"]).with_suffix("") / "台账导入记录.txt")
    text = transcript.read_text(encoding="utf-8")
    assert "台账.csv" in text and "整改情况（M列）：已整改" in text and "行号：2" in text
    assert repo.run("audit").code == 0


def test_an_xlsx_ledger_with_a_title_above_its_header(repo: SafetyRepo, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "说明"
    cover.append(["本表为水务公司隐患台账"])
    sheet = book.create_sheet("11月台账")
    sheet.append(["水务公司隐患排查治理台账"])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append([" 隐患 名称 ", "＊隐患部位", "排查领域", "隐患级别", "排查日期（年月日）",
                  "发现人", "整改资金(万元)", "整改时限"])
    sheet.append(["泵房消防通道堆放杂物", "三号泵站泵房", "消防安全", "一般隐患",
                  dt.datetime(2026, 11, 16), "李明", 0.12, 46355])   # 46355 = 2026-11-29
    path = tmp_path / "台账.xlsx"
    book.save(path)
    out = imported(repo, str(path), "--unit", "SW", "--source", "self-inspection",
                   "--dry-run")
    assert out["sheet"] == "11月台账" and out["header_row"] == 3
    hazard = out["created"][0]
    assert hazard["id"].startswith("SW-20261116-") and hazard["status"] == "reported"
    done = imported(repo, str(path), "--sheet", "11月台账", "--unit", "SW", "--source",
                    "self-inspection")
    record = records(repo)[done["created"][0]["id"]]
    assert record["plan"] == {"funding": {"amount": 1200, "currency": "CNY"},
                              "deadline": "2026-11-29"}
    assert repo.run("import", str(path), "--sheet", "没有这张表").code == 2


def test_bad_rows_are_all_reported_and_nothing_is_written(repo: SafetyRepo,
                                                          tmp_path: Path) -> None:
    bad = [
        HEADER, CLOSED,
        ["2", "集水井入口无警示标志", "三号泵站集水井", "有限空间", "较大", "2026/13/01", "李明",
         "", "", "一千", "", "", "", "", ""],
        ["3", "", "", "有限空间", "一般", "2026-11-18", "李明", "", "", "", "", "", "", "", ""],
        ["4", "加氯间泄漏报警失效", "二水厂加氯间", "危化", "一般", "2026-12-30", "李明",
         "", "", "", "", "", "", "", ""],
    ]
    sheet = write_csv(tmp_path / "台账.csv", bad)
    before = repo.snapshot()
    result = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection")
    assert result.code == 2 and repo.snapshot() == before
    err = result.err
    assert "第 3 行 隐患级别（E列）：“较大”不是隐患等级" in err
    assert "第 3 行 排查时间（F列）：“2026/13/01”不是真实的日期" in err
    assert "第 3 行 整改资金（元）（J列）：“一千”不是金额" in err
    assert "第 4 行 隐患名称（B列）：必填" in err and "第 4 行 隐患部位（C列）：必填" in err
    assert "第 5 行 专业类别（D列）：未知排查领域“危化”" in err
    assert "第 5 行 排查时间（F列）" in err and "2026-12-30" in err   # in the future
    assert "有 7 处问题（第 3–5 行），未导入任何内容" in err.splitlines()[-1]
    as_json = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection",
                       "--format", "json")
    report = json.loads(as_json.out)
    assert as_json.code == 2 and not report["ok"] and not report["written"]
    assert {(e["row"], e["column"], e["field"]) for e in report["errors"]} >= {
        (3, "E", "level"), (3, "F", "found_on"), (3, "J", "funding"), (4, "B", "title"),
        (5, "D", "domain"), (5, "F", "found_on")}
    assert repo.snapshot() == before


def test_unknown_columns_are_refused_until_mapped_or_ignored(repo: SafetyRepo,
                                                             tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "台账.csv", [[*HEADER, "备注", "整改负责人2"],
                                             [*CLOSED, "已拍照", "王强"]])
    refused = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection")
    assert refused.code == 2
    assert "备注（P）" in refused.err and "整改负责人2（Q）" in refused.err
    assert "--map '备注=-'" in refused.err
    wrong = repo.run("import", str(sheet), "--map", "备注=remarks")
    assert wrong.code == 2 and "未知字段“remarks”" in wrong.err
    clash = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection",
                     "--map", "备注=-", "--map", "整改负责人2=责任人")
    assert clash.code == 2 and "都表示 responsible" in clash.err
    done = imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection",
                    "--map", "备注=-", "--map", "整改负责人2=-")
    assert len(done["created"]) == 1
    transcript = next((repo.path / "records").rglob("台账导入记录.txt"))
    assert "备注（P列）：已拍照" in transcript.read_text(encoding="utf-8")  # kept, not lost


def test_importing_twice_adds_nothing(repo: SafetyRepo, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "台账.csv", [HEADER, CLOSED, OPEN])
    first = imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection")
    before = repo.snapshot()
    again = imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection")
    assert again["created"] == [] and repo.snapshot() == before
    assert [d["id"] for d in again["duplicates"]] == [c["id"] for c in first["created"]]
    # the same hazards written differently (spaces, full-width, another file) are the same
    renamed = [HEADER, [*CLOSED[:1], " 泵房消防通道 堆放杂物", "三号泵站泵房 ", *CLOSED[3:]]]
    other = write_csv(tmp_path / "另一份.csv", renamed)
    assert imported(repo, str(other), "--unit", "SW", "--source", "self-inspection",
                    )["created"] == []
    # a changed row is reported as different, and the ledger keeps its own record
    edited = write_csv(tmp_path / "改过.csv", [HEADER, [*OPEN[:12], "已销号", "张伟",
                                                        "2026-11-20"]])
    differs = imported(repo, str(edited), "--unit", "SW", "--source", "self-inspection")
    assert differs["duplicates"][0]["differs"] == ["status"] and repo.snapshot() == before
    twice = write_csv(tmp_path / "重复.csv", [HEADER, REPORTED, REPORTED])
    result = repo.run("import", str(twice), "--unit", "SW", "--source", "self-inspection")
    assert result.code == 2 and "第 3 行：与第 2 行是同一隐患" in result.err


def test_ids_kept_from_the_sheet_or_made_from_the_row(repo: SafetyRepo,
                                                      tmp_path: Path) -> None:
    header = ["隐患编号", *HEADER[1:]]
    rows = [header, ["SW-20261116-7kqf", *CLOSED[1:]], ["SW-20261101-AAAA", *OPEN[1:]],
            ["YH-2026-003", *REPORTED[1:]]]
    sheet = write_csv(tmp_path / "台账.csv", rows)
    result = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection",
                      "--format", "json")
    out = json.loads(result.out)
    created = [c["id"] for c in out["created"]]
    assert created[0] == "SW-20261116-7KQF"           # a valid ID for its unit and day
    assert created[1].startswith("SW-20261118-")        # the wrong day: a new ID
    assert created[2].startswith("SW-20261119-")
    assert records(repo)[created[2]]["imported"]["ref"] == "YH-2026-003"
    assert any(w["field"] == "id" and w["row"] == 3 for w in out["warnings"])


# --- a dishonest or careless manager ------------------------------------------------------
def roster_repo(tmp_path: Path) -> SafetyRepo:
    repo = make_repo(tmp_path / "roster")
    use_settings(repo)
    return repo


def refused(repo: SafetyRepo, tmp_path: Path, row: list[str], *args: str,
            header: list[str] = HEADER) -> str:
    sheet = write_csv(tmp_path / "台账.csv", [header, row])
    before = repo.snapshot()
    result = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection",
                      *args)
    assert result.code == 2, result.out
    assert repo.snapshot() == before
    return result.err


def cli_refusal(repo: SafetyRepo, verifier: str) -> str:
    """What `close` says when ``verifier`` signs off 王强's hazard."""
    from helpers import BASE_FIELDS, PLAN

    hazard = repo.new_hazard()
    photo = repo.path.parent / "照片.jpg"
    photo.write_bytes(b"x")
    assert repo.run("rectify", hazard, "--by", "王强", "--actions", "已整改", "--document",
                    str(photo)).code == 0
    result = repo.run("close", hazard, "--verified-by", verifier)
    assert result.code == 2 and BASE_FIELDS and PLAN
    return result.err


def test_a_closure_by_the_responsible_person_is_refused_as_close_refuses_it(
        tmp_path: Path) -> None:
    from safecheck.i18n import text

    repo = roster_repo(tmp_path)
    own = [*CLOSED[:13], "王 强", "2026-11-19"]          # 王强, written with a space
    err = refused(repo, tmp_path, own)
    reason = text("rule.independent.responsible", "zh", name="王 强")
    assert f"第 2 行 验收人（N列）：{reason}" in err
    assert err.count(reason) == 1
    assert reason in cli_refusal(make_repo(tmp_path / "cli"), "王 强")


def test_other_dishonest_rows(tmp_path: Path) -> None:
    repo = roster_repo(tmp_path)
    # 销号 without anyone verifying it
    err = refused(repo, tmp_path, [*CLOSED[:12], "已销号", "", ""])
    assert "状态“已销号”与本行记载不符" in err
    # closed before it was found
    err = refused(repo, tmp_path, [*CLOSED[:13], "张伟", "2026-11-10"])
    assert "第 2 行 验收日期（O列）" in err and "早于" in err
    # a verifier without the role, and a name not on the roster
    assert "李明不是SW的验收人" in refused(repo, tmp_path, [*CLOSED[:13], "李明", "2026-11-19"])
    assert "老王不在 safecheck.yaml 的人员名单中" in refused(
        repo, tmp_path, [*CLOSED[:13], "老王", "2026-11-19"])
    # 已销号 with a failed check
    header = [*HEADER, "验收结论"]
    err = refused(repo, tmp_path, [*CLOSED[:12], "已销号", "张伟", "2026-11-19", "不合格"],
                  header=header)
    assert "状态“已销号”与本行记载不符：按本行的整改、验收记录应为“整改中”" in err
    # a verification in the future
    assert "2026-11-25" in refused(repo, tmp_path, [*CLOSED[:13], "张伟", "2026-11-25"])
    # a district-inspection hazard closed without its root cause
    err = refused(repo, tmp_path, CLOSED, "--source", "district-inspection")
    assert "原因分析" in err


def test_old_entries_need_backfill_and_review_says_so(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    repo = roster_repo(tmp_path)
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-11-21T16:00:00+08:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-11-21T16:00:00+08:00")
    old = [*CLOSED[:5], "2026-10-08", *CLOSED[6:10], "2026-10-15", *CLOSED[11:13], "张伟",
           "2026-10-12"]
    err = refused(repo, tmp_path, old)
    assert "早 7 天以上" in err and "--backfill" in err
    sheet = tmp_path / "台账.csv"
    result = repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection",
                      "--backfill", "--commit")
    assert result.code == 0, result.err
    assert "按 --backfill 补录 2 项" in result.err
    head = repo.git("log", "-1", "--format=%s").strip()
    assert head.startswith("导入台账 台账.csv：1 条（历史补录）")
    # review judges the import commit like any other: each backfilled entry is late, and
    # the closure was committed by 李明, neither its verifier nor a keeper
    review = repo.run("review", "HEAD~1..HEAD", "--format", "json")
    rules = sorted(f["rule"] for f in json.loads(review.out)["findings"])
    assert review.code == 1 and rules == ["closure-author", "late-entry", "late-entry"]


def test_what_an_import_cannot_hide(tmp_path: Path) -> None:
    repo = roster_repo(tmp_path)
    overdue = [*OPEN[:10], "2026-11-19", *OPEN[11:]]
    sheet = write_csv(tmp_path / "台账.csv", [HEADER, overdue, REPORTED])
    imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection")
    audit = json.loads(repo.run("audit", "--format", "json").out)
    assert {f["rule"] for f in audit["findings"]} >= {"overdue"}
    shown = repo.run("show", records_ids(repo)[0]).out
    assert "导入来源" in shown and "台账.csv 第 2 行（原编号 2）" in shown


def records_ids(repo: SafetyRepo) -> list[str]:
    return sorted(records(repo))


def test_an_imported_record_keeps_its_provenance(tmp_path: Path) -> None:
    repo = roster_repo(tmp_path)
    sheet = write_csv(tmp_path / "台账.csv", [HEADER, OPEN])
    imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection", "--commit")
    hazard = records_ids(repo)[0]
    path = repo.record_path(hazard)
    path.write_text(path.read_text(encoding="utf-8").replace("row: 2", "row: 9"),
                    encoding="utf-8")
    repo.commit("改导入行号", "2026-11-21T12:00:00+08:00")
    review = json.loads(repo.run("review", "HEAD~1..HEAD", "--format", "json").out)
    assert [f["rule"] for f in review["findings"]] == ["uncorrected-edit"]


# --- round trip -------------------------------------------------------------------------
def _compare(original: list[list[str]], again: list[list[str]]) -> set[tuple[str, str]]:
    """(ID, heading) of every cell that differs, documents and inspection aside."""
    header = original[0]
    assert again[0] == header
    skip = {header.index("整改资料"), header.index("排查记录")}
    assert [r[0] for r in again] == [r[0] for r in original]
    return {(a[0], header[i]) for a, b in zip(original[1:], again[1:], strict=True)
            for i in range(len(header)) if i not in skip and a[i] != b[i]}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_reproduces_the_ledger(tmp_path: Path, suffix: str) -> None:
    source = roster_repo(tmp_path)
    ids = build(source)
    exported = tmp_path / f"台账{suffix}"
    assert source.run("export", "-o", str(exported)).code == 0
    target = make_repo(tmp_path / "empty")
    use_settings(target)
    result = target.run("import", str(exported), "--backfill", "--commit", "--format", "json")
    assert result.code == 0, result.err + result.out
    report = json.loads(result.out)
    assert len(report["created"]) == len(ids) and report["commit"]
    # the one record whose history a row cannot hold: rectified, rejected, rectified again
    assert [(w["field"], w["row"] > 0) for w in report["warnings"]
            if w["field"] == "verified_on"] == [("verified_on", True)]
    again = tmp_path / f"again{suffix}"
    assert target.run("export", "-o", str(again)).code == 0
    differences = _compare(sheet_rows(exported), sheet_rows(again))
    assert differences == {(ids["twice"], h) for h in ("验收日期", "验收人", "验收结论",
                                                       "验收意见")}
    # the records themselves, field by field, where the row carries them
    before, after = records(source), records(target)
    for name, hazard_id in ids.items():
        a, b = before[hazard_id], after[hazard_id]
        for key in ("title", "unit", "location", "domain", "level", "source", "source_ref",
                    "found_on", "found_by", "root_cause", "plan", "contractor", "major",
                    "extensions", "reopenings", "void", "status"):
            assert a.get(key) == b.get(key), (name, key)
        if name != "twice":
            assert a.get("verifications", [])[-1:] == b.get("verifications", []), name
    # every rule still applies: audit finds the same things in both ledgers
    def findings(repo: SafetyRepo) -> set[tuple[str, str]]:
        out = json.loads(repo.run("audit", "--format", "json").out)["findings"]
        return {(f["rule"], f["id"]) for f in out}

    assert findings(source) == findings(target)
    assert ("overdue", ids["overdue"]) in findings(target)


def test_formulas_are_neutralised_and_come_back_exactly(repo: SafetyRepo,
                                                        tmp_path: Path) -> None:
    from safecheck.formulas import neutralise

    titles = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 泵房", "-3号泵", "@SUM(A1)",
              "'=已有引号", "''@两个引号", "'普通引号"]
    rows = [["隐患名称", "隐患部位", "排查领域", "隐患级别", "排查日期", "发现人"]]
    rows += [[neutralise(t), f"位置{i}", "消防安全", "一般", "2026-11-16", "李明"] for i, t in
             enumerate(titles)]
    sheet = write_csv(tmp_path / "台账.csv", rows)
    imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection")
    assert sorted(str(r["title"]) for r in records(repo).values()) == sorted(titles)
    # A one-line text may no longer hold a tab (a control character), so none starts a
    # cell; a multi-line text keeps its tabs, and its column is neutralised too.
    assert repo.run("new-hazard", "--no-input", *fields("SW", "泵房", "\t=1+1",
                                                        "2026-11-16")).code == 2
    described = repo.new_hazard("--description", "@提醒\n\t缩进的第二行")
    csv_file, xlsx_file = tmp_path / "出.csv", tmp_path / "出.xlsx"
    assert repo.run("export", "-o", str(csv_file)).code == 0
    assert repo.run("export", "-o", str(xlsx_file)).code == 0
    exported = sheet_rows(csv_file)
    column = exported[0].index("隐患名称")
    cells = [r[column] for r in exported[1:]]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'=HYPERLINK(\"http://x\",\"点我\")" in cells and "''=已有引号" in cells
    assert "'普通引号" in cells                                # nothing to neutralise
    description = {r[0]: r[exported[0].index("隐患描述")] for r in exported[1:]}
    assert description[described] == "'@提醒\n\t缩进的第二行"
    book = openpyxl.load_workbook(xlsx_file)
    letter = openpyxl.utils.get_column_letter(column + 1)
    written = {c.value: c for c in book.worksheets[0][letter][3:]}
    for title in titles:
        cell = written[title]                          # the text itself, unchanged
        assert cell.data_type == "s"                   # a text cell, never a formula
        assert cell.quotePrefix == (title[:1] in "=+-@")
    for path in (csv_file, xlsx_file):
        target = make_repo(tmp_path / f"into-{path.suffix[1:]}")
        out = imported(target, str(path))
        assert sorted(c["title"] for c in out["created"]) == sorted(
            [*titles, "三号泵站集水井入口无警示标志"])


def test_the_exported_workbook(tmp_path: Path) -> None:
    repo = roster_repo(tmp_path)
    ids = build(repo)
    path = tmp_path / "台账.xlsx"
    assert repo.run("export", "-o", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["隐患台账", "汇总"]
    sheet = book["隐患台账"]
    assert sheet["A1"].value == "示例集团隐患排查治理台账"
    assert sheet["A2"].value.startswith("导出日期：2026-11-21")
    assert "逾期 1 条" in sheet["A2"].value
    assert sheet["A3"].value == "隐患编号" and sheet.freeze_panes == "B4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    fills = {row[0].value: row[0].fill.fgColor.rgb for row in sheet.iter_rows(min_row=4)}
    assert fills[ids["overdue"]].endswith("FFC7CE")
    assert fills[ids["closed"]] != fills[ids["overdue"]]
    summary = {row[0]: row[1:] for row in book["汇总"].iter_rows(values_only=True) if row[0]}
    assert summary["单位"] == ("已登记", "整改中", "待验收", "已销号", "已作废",
                               "合计（不含作废）", "其中逾期")
    assert summary["水务公司"] == (1, 4, 2, 1, 1, 8, 1)
    assert summary["燃气公司"] == (0, 2, 0, 1, 0, 3, 0)
    assert summary["有限空间"][3] == 1 and summary["消防安全"][-1] == 1


def test_a_file_that_is_not_a_ledger(repo: SafetyRepo, tmp_path: Path) -> None:
    notes = write_csv(tmp_path / "通讯录.csv", [["姓名", "电话"], ["李明", "123"]])
    result = repo.run("import", str(notes))
    assert result.code == 2 and "找不到表头行" in result.err
    old = tmp_path / "旧.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "另存为 .xlsx" in repo.run("import", str(old)).err
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert repo.run("import", str(broken)).code == 2
    assert repo.run("import", str(tmp_path / "没有.csv")).code == 2
    assert run("import", str(notes), "--sheet", "x", cwd=repo.path).code == 2


def test_a_keeper_commits_an_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = roster_repo(tmp_path)
    for key, value in {"GIT_AUTHOR_NAME": "黄静", "GIT_AUTHOR_EMAIL": "huangjing@example.com",
                       "GIT_COMMITTER_NAME": "黄静",
                       "GIT_COMMITTER_EMAIL": "huangjing@example.com",
                       "GIT_AUTHOR_DATE": "2026-11-21T16:00:00+08:00",
                       "GIT_COMMITTER_DATE": "2026-11-21T16:00:00+08:00"}.items():
        monkeypatch.setenv(key, value)
    sheet = write_csv(tmp_path / "台账.csv", [HEADER, CLOSED, OPEN])
    imported(repo, str(sheet), "--unit", "SW", "--source", "self-inspection", "--commit")
    review = repo.run("review", "HEAD~1..HEAD", "--format", "json")
    assert review.code == 0, review.out    # recent entries, committed by the 台账管理员


def test_english_headings_and_messages(en_repo: SafetyRepo, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "ledger.csv", [
        ["Title", "Location", "Domain", "Level", "Found on", "Found by", "Status"],
        ["Blocked fire exit", "Pump house 3", "Fire safety", "general", "2026-11-16", "Li Ming",
         "closed"]])
    result = en_repo.run("import", str(sheet), "--unit", "SW", "--source", "self-inspection")
    assert result.code == 2
    assert "row 2, Status (column G): status 'closed' does not agree with the row" in result.err
    assert "nothing was imported" in result.err


def test_the_core_reports_progress_and_never_prints(repo: SafetyRepo, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from safecheck.context import open_context
    from safecheck.importing import ImportOptions, import_ledger

    sheet = write_csv(tmp_path / "台账.csv", [HEADER, CLOSED, OPEN, REPORTED])
    calls: list[tuple[str, int, int]] = []
    report = import_ledger(open_context(repo.path), sheet, ImportOptions(
        defaults={"unit": "SW", "source": "self-inspection"}), dt.date(2026, 11, 21),
        lambda stage, done, total: calls.append((stage, done, total)))
    assert report.ok and len(report.created) == 3
    assert calls == [("check", 1, 3), ("check", 2, 3), ("check", 3, 3),
                     ("write", 1, 3), ("write", 2, 3), ("write", 3, 3)]
    assert capsys.readouterr() == ("", "")


def test_an_english_ledger_round_trips(en_repo: SafetyRepo, tmp_path: Path) -> None:
    hazard = en_repo.new_hazard("--level", "major", "--interim-measure", "Stop all work",
                                "--interim-measure", "=Cordon off")
    exported = tmp_path / "ledger.csv"
    assert en_repo.run("export", "-o", str(exported)).code == 0
    header = sheet_rows(exported)[0]
    assert header[:3] == ["ID", "Unit", "Department"] and "Interim control measures" in header
    target = make_repo(tmp_path / "target", locale="en")
    out = imported(target, str(exported))
    assert [c["id"] for c in out["created"]] == [hazard]
    before, after = records(en_repo)[hazard], records(target)[hazard]
    assert after.pop("imported") == {"file": "ledger.csv", "row": 2}
    assert after.pop("documents") == {"other": ["imported-row.txt"]}
    before.pop("documents", None)
    assert before == after


def test_a_transcript_is_journalled_like_a_copied_document(repo: SafetyRepo) -> None:
    """A writer that dies between a transcript and its record leaves neither behind: the
    next writer (here, the failing change itself) rolls the journal back."""
    from safecheck import layout, store

    record = layout.hazard_path(repo.path, "SW-20261116-0001")
    with pytest.raises(RuntimeError), store.writing(repo.path):
        store.write_document(record, "台账导入记录.txt", "行号：2\n")
        raise RuntimeError("killed before the record was written")
    assert not layout.documents_dir(record).exists() and not record.exists()
