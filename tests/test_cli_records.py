"""The lifecycle commands through the CLI, on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import BASE_FIELDS, PLAN, SafetyRepo
from safecheck import yamlio


def test_new_hazard_without_plan_is_reported(repo: SafetyRepo) -> None:
    result = repo.run("new-hazard", "--no-input", "--format", "json", *BASE_FIELDS)
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["status"] == "reported"
    assert out["path"] == f"records/SW/2026/{out['id']}.yaml"
    assert out["id"].startswith("SW-20261116-")
    text = repo.read(out["id"])
    assert "title: 三号泵站集水井入口无警示标志\n" in text  # Chinese unescaped
    assert yamlio.dump(yamlio.load_mapping(text, "x")) == text


def test_new_hazard_with_plan_is_rectifying_and_prints_a_human_line(repo: SafetyRepo) -> None:
    result = repo.run("new-hazard", "--no-input", *BASE_FIELDS, *PLAN)
    assert result.code == 0, result.err
    assert "已登记" in result.out and "整改中" in result.out and "records/SW/2026/" in result.out


def test_new_hazard_lists_what_is_missing_without_a_terminal(repo: SafetyRepo) -> None:
    result = repo.run("new-hazard", "--unit", "SW", "--title", "x")
    assert result.code == 2
    assert result.err.startswith("safecheck：错误：缺少 --domain、--description")
    assert "--found-by" in result.err and len(result.err.splitlines()) == 1
    assert not list((repo.path / "records").rglob("*.yaml"))


def test_new_hazard_copies_before_photos(repo: SafetyRepo, tmp_path: Path) -> None:
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    hazard_id = repo.new_hazard("--document", str(photo))
    folder = repo.record_path(hazard_id).with_suffix("")
    assert (folder / "现场照片.jpg").read_bytes() == b"\xff\xd8jpeg"
    assert "before:\n  - 现场照片.jpg" in repo.read(hazard_id)


def test_a_major_hazard_registers_with_its_interim_measures(repo: SafetyRepo) -> None:
    fields = [*BASE_FIELDS]
    fields[fields.index("general")] = "major"
    result = repo.run("new-hazard", "--no-input", *fields)
    assert result.code == 2 and "--interim-measure" in result.err
    result = repo.run("new-hazard", "--no-input", "--format", "json", *fields,
                      "--interim-measure", "停止集水井作业", "--interim-measure", "设置警戒区")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["status"] == "reported"
    record = yamlio.load_mapping(repo.read(out["id"]), "x")
    assert record["major"] == {"interim_measures": ["停止集水井作业", "设置警戒区"]}
    assert "plan" not in record


def test_a_whole_life_closed_loop(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = repo.new_hazard(plan=False)
    assert repo.run("plan", hazard_id, *PLAN).code == 0
    assert "status: rectifying" in repo.read(hazard_id)
    assert repo.run("extend", hazard_id, "--to", "2026-12-05", "--reason", "标志牌定制周期",
                    "--approved-by", "陈明").code == 0
    photo, form = tmp_path / "after-1.jpg", tmp_path / "验收单.pdf"
    photo.write_bytes(b"jpg")
    form.write_bytes(b"%PDF")
    result = repo.run("rectify", hazard_id, "--by", "王强", "--actions", "已设置警示标志并加装挂锁",
                      "--document", str(photo), "--document", str(form), "--on", "2026-11-20")
    assert result.code == 0, result.err
    assert repo.run("reject", hazard_id, "--verified-by", "张伟", "--notes", "照片不清晰").code == 0
    assert "status: rectifying" in repo.read(hazard_id)
    photo.write_bytes(b"jpg2")
    assert repo.run("rectify", hazard_id, "--by", "王强", "--actions", "补拍照片",
                    "--document", str(photo)).code == 0
    result = repo.run("close", hazard_id, "--verified-by", "张伟", "--notes", "现场复查合格",
                      "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == {"id": hazard_id, "path": repo.record_path(
        hazard_id).relative_to(repo.path).as_posix(), "status": "closed",
        "previous_status": "verifying"}
    record = yamlio.load_mapping(repo.read(hazard_id), "x")
    assert record["documents"] == {"after": ["after-1.jpg", "after-1-2.jpg"],
                                   "other": ["验收单.pdf"]}
    # every round is kept, each with its own documents (一个问题一套整改资料)
    assert [(r["by"], r["documents"]) for r in record["rectifications"]] == [
        ("王强", ["after-1.jpg", "验收单.pdf"]), ("王强", ["after-1-2.jpg"])]
    assert [v["result"] for v in record["verifications"]] == ["fail", "pass"]
    folder = repo.record_path(hazard_id).with_suffix("")
    assert (folder / "after-1.jpg").read_bytes() == b"jpg"  # never overwritten
    assert (folder / "after-1-2.jpg").read_bytes() == b"jpg2"
    assert repo.run("void", hazard_id, "--reason", "重复登记", "--by", "陈明").code == 2
    assert repo.run("reopen", hazard_id, "--reason", "隐患复现", "--by", "陈明",
                    "--deadline", "2026-12-10").code == 0
    assert repo.run("audit").code == 0  # reopened with a deadline: not overdue at once
    assert repo.run("void", hazard_id, "--reason", "重复登记", "--by", "王强").code == 2
    assert repo.run("void", hazard_id, "--reason", "重复登记", "--by", "陈明").code == 0
    assert repo.run("audit").code == 0


@pytest.mark.parametrize(("args", "words"), [
    (["close", "{id}", "--verified-by", "张伟"], "此操作仅适用于：待验收"),
    (["rectify", "{id}", "--by", "王强", "--actions", "x"], "整改须附至少一份资料"),
    (["extend", "{id}", "--to", "2026-11-01", "--reason", "x", "--approved-by", "陈明"],
     "延期须晚于现有时限"),
    (["plan", "{id}", "--deadline", "2026-12-30"], "须经批准延期"),
    (["reopen", "{id}", "--reason", "x", "--by", "陈明", "--deadline", "2026-12-30"],
     "此操作仅适用于：已销号"),
    (["extend", "{id}", "--to", "2026-12-30", "--reason", "x", "--approved-by", "陈明",
      "--approved-on", "2026-11-30"], "晚于记录日期"),
    (["close", "{id}", "--verified-by", "张伟", "--on", "2026-02-30"], "不是有效的日期"),
    (["plan", "{id}", "--funding", "-100"], "--funding：不能为负数"),
    (["rectify", "{id}", "--by", "王强", "--actions", "x", "--document", "/nonexistent.jpg"],
     "不是可读取的文件"),
])
def test_refused_commands_exit_2_and_change_nothing(repo: SafetyRepo, args: list[str],
                                                    words: str) -> None:
    hazard_id = repo.new_hazard()
    before = repo.snapshot()
    result = repo.run(*[a.replace("{id}", hazard_id) for a in args])
    assert result.code == 2, result.out
    assert words in result.err and len(result.err.splitlines()) == 1
    assert "Traceback" not in result.err
    assert repo.snapshot() == before


def test_the_responsible_person_cannot_sign_off(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = repo.new_hazard()
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"jpg")
    assert repo.run("rectify", hazard_id, "--by", "赵刚", "--actions", "x",
                    "--document", str(photo)).code == 0
    before = repo.snapshot()
    for verifier, words in (("王强", "是整改责任人"), ("王强 ", "是整改责任人"),
                            ("王\u200b强", "是整改责任人"), ("赵刚", "参与了整改")):
        result = repo.run("close", hazard_id, "--verified-by", verifier)
        assert result.code == 2 and words in result.err
    assert repo.snapshot() == before


def test_unknown_id_and_lowercase_ids(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard()
    result = repo.run("show", "SW-20261116-ZZZZ")
    assert result.code == 2 and "SW-20261116-ZZZZ" in result.err
    assert repo.run("show", hazard_id.lower()).code == 0
    assert repo.run("show", "nonsense").code == 2


def test_a_file_changed_meanwhile_is_not_overwritten(repo: SafetyRepo,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from safecheck import store

    hazard_id = repo.new_hazard()
    path = repo.record_path(hazard_id)
    real_read = store.read_hazard

    def read_then_someone_edits(root: Path, wanted: str) -> store.StoredHazard:
        stored = real_read(root, wanted)
        path.write_text(stored.text.replace("运营部", "生产部"), encoding="utf-8")
        return stored

    monkeypatch.setattr(store, "read_hazard", read_then_someone_edits)
    result = repo.run("extend", hazard_id, "--to", "2026-12-05", "--reason", "x",
                      "--approved-by", "陈明")
    assert result.code == 2 and "在 safecheck 读取后被修改" in result.err
    assert "生产部" in path.read_text(encoding="utf-8") and "extensions" not in path.read_text(
        encoding="utf-8")


def test_an_invalid_record_is_not_changed(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard()
    path = repo.record_path(hazard_id)
    path.write_text(repo.read(hazard_id).replace("found_on: 2026-11-16", "found_on: 2026-02-30"),
                    encoding="utf-8")
    before = repo.snapshot()
    result = repo.run("close", hazard_id, "--verified-by", "张伟")
    assert result.code == 2
    assert f"records/SW/2026/{hazard_id}.yaml:" in result.err and "found_on" in result.err
    assert repo.snapshot() == before
