"""Reports, reviews and hazard histories from a backdated git history with a merge."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from helpers import run
from scenario import Scenario, build, plan, register

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("SAFECHECK_REGENERATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Scenario, dict[str, str]]]:
    with pytest.MonkeyPatch.context() as mp:
        home = tmp_path_factory.mktemp("home")
        mp.setenv("HOME", str(home))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        mp.delenv("SAFECHECK_NO_CACHE", raising=False)
        yield build(tmp_path_factory.mktemp("history") / "ledger")


def report(s: Scenario, today: str, *args: str) -> str:
    os.environ["SAFECHECK_TODAY"] = today
    result = run("report", *args, cwd=s.path)
    assert result.code == 0, result.err
    return result.out


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# --- report -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "today", "args"), [
    ("report-2026-W47.zh.md", "2026-11-25", ["--week", "2026-W47"]),
    ("report-2026-W47.en.md", "2026-11-25", ["--week", "2026-W47", "--lang", "en"]),
    ("report-this-week.zh.md", "2026-11-25", []),
])
def test_reports_match_their_golden_files(history: tuple[Scenario, dict[str, str]], name: str,
                                          today: str, args: list[str]) -> None:
    golden(name, report(history[0], today, *args))


def test_report_figures_as_json(history: tuple[Scenario, dict[str, str]]) -> None:
    s, h = history
    data = json.loads(report(s, "2026-11-25", "--week", "2026-W47", "--format", "json"))
    assert data["window"] == {"label": "2026-W47", "start": "2026-11-16", "end": "2026-11-22"}
    assert data["headline"] == {
        "new": 1, "closed": 1, "reopened": 0, "voided": 1, "extensions": 1, "open": 2,
        "overdue": 1, "major_open": 1,
        "rectification_rate": {"closed": 1, "registered": 3, "percent": 33.3},
        "on_time_rate": {"on_time": 1, "closed": 1, "percent": 100.0}}
    assert [c["id"] for c in data["closures"]] == [h["a"]]
    closure = data["closures"][0]
    assert closure["verified_by"] == "张伟" and closure["author"] == "张伟"
    assert closure["commit"] == s.git("rev-parse", "--short=8", "HEAD~6").strip()
    assert [o["id"] for o in data["overdue"]] == [h["b"]]
    assert data["overdue"][0]["days_overdue"] == 4
    assert [m["id"] for m in data["majors"]] == [h["c"]]
    assert [w["new"] for w in data["trend"]][-3:] == [2, 1, 1]
    assert data["coverage"]["rows"][0]["cells"][2] == {"last": "2026-11-13", "due": False}
    later = json.loads(report(s, "2026-11-25", "--format", "json"))
    assert later["headline"]["reopened"] == 1 and later["headline"]["new"] == 1


def table_shapes(text: str) -> list[list[int]]:
    """For every table: the number of cells in each row (header first)."""
    shapes: list[list[int]] = []
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    for token in tokens:
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            shapes[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_keep_their_columns_whatever_the_titles(
        history: tuple[Scenario, dict[str, str]], lang: str) -> None:
    text = report(history[0], "2026-11-25", "--lang", lang)
    shapes = table_shapes(text)
    assert len(shapes) >= 8  # every table the report has this week
    for shape in shapes:
        assert len(set(shape)) == 1, shape
    assert "<script>" not in text and "&lt;script&gt;" in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in html and "<strong>" not in html and "<a href" not in html


def test_a_repository_template_overrides_the_packaged_one(
        history: tuple[Scenario, dict[str, str]], tmp_path: Path) -> None:
    s, _ = history
    own = s.path / "templates" / "weekly.zh.md.j2"
    own.parent.mkdir(exist_ok=True)
    own.write_text("{{ organization }} {{ window.label }}: {{ headline.new }}\n", encoding="utf-8")
    try:
        assert report(s, "2026-11-25", "--week", "2026-W47") == "示例集团 2026-W47: 1\n"
    finally:
        own.unlink()
    other = tmp_path / "mine.md.j2"
    other.write_text("{% for h in closures %}{{ h.id }} {{ h.title }}\n{% endfor %}",
                     encoding="utf-8")
    assert report(s, "2026-11-25", "--week", "2026-W47", "--template",
                  str(other)).startswith("SW-")


@pytest.mark.parametrize(("body", "words"), [
    ("line one\n{% for x in %}\n", "mine.md.j2:2:"),
    ("ok\n\n{{ missing_value }}\n", "mine.md.j2:3: 'missing_value' is undefined"),
    ("{{ ''.__class__.__mro__ }}\n", "mine.md.j2:1:"),
])
def test_template_errors_are_one_line_with_file_and_line(
        history: tuple[Scenario, dict[str, str]], tmp_path: Path, body: str,
        words: str) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(body, encoding="utf-8")
    os.environ["SAFECHECK_TODAY"] = "2026-11-25"
    result = run("report", "--template", str(template), cwd=history[0].path)
    assert result.code == 2 and words in result.err
    assert len(result.err.splitlines()) == 1 and "Traceback" not in result.err


@pytest.mark.parametrize(("args", "words"), [
    (["--week", "2026-W60"], "has no week 60"),
    (["--week", "last week"], "ISO week"),
    (["--week", "2026-W47", "--since", "2026-11-01"], "not both"),
    (["--since", "2026-11-20", "--until", "2026-11-10"], "before --since"),
    (["--week", "2026-W30"], "no commit on this branch before"),
])
def test_bad_windows(history: tuple[Scenario, dict[str, str]], args: list[str],
                     words: str) -> None:
    os.environ["SAFECHECK_TODAY"] = "2026-11-25"
    result = run("report", *args, cwd=history[0].path)
    assert result.code == 2 and words in result.err


def test_report_to_a_file_and_a_custom_window(history: tuple[Scenario, dict[str, str]],
                                              tmp_path: Path) -> None:
    out = tmp_path / "周报.md"
    os.environ["SAFECHECK_TODAY"] = "2026-11-25"
    result = run("report", "--since", "2026-11-01", "--until", "2026-11-30", "-o", str(out),
                 cwd=history[0].path)
    assert result.code == 0 and "2026-11-01 – 2026-11-30" in out.read_text(encoding="utf-8")


# --- history --------------------------------------------------------------------------------

def test_history_of_a_hazard(history: tuple[Scenario, dict[str, str]]) -> None:
    s, h = history
    os.environ["SAFECHECK_TODAY"] = "2026-11-25"
    events = json.loads(run("history", h["a"], "--format", "json", cwd=s.path).out)["events"]
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "created" and "rectified" in kinds and "closed" in kinds
    assert kinds[-2:] == ["reopened", "status"]
    rectified = next(e for e in events if e["kind"] == "rectified")
    assert rectified["author"] == "陈明"  # the merge brought it to main
    assert rectified["date"].startswith("2026-11-13")
    text = run("history", h["a"], cwd=s.path).out
    assert "2026-11-16" in text and "销号（验收人 张伟）" in text and "撤销销号" in text


def test_history_follows_a_renamed_file(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "renamed")
    hazard_id = register(s, "2026-11-03", "SW", "泵房消防通道堵塞", *plan("王强", "2026-11-20"))
    s.commit_as("李明", "登记", "2026-11-03T10:00:00+08:00")
    old = s.record_path(hazard_id).relative_to(s.path).as_posix()
    new = old.replace("/2026/", "/2027/")
    (s.path / new).parent.mkdir(parents=True)
    s.as_person("李明", "2026-11-04T10:00:00+08:00", "mv", old, new)
    s.commit_as("李明", "移动", "2026-11-04T10:00:00+08:00")
    events = json.loads(run("history", hazard_id, "--format", "json", cwd=s.path).out)["events"]
    assert [e["kind"] for e in events] == ["created", "renamed"]
    assert events[1]["from"] == old and events[1]["to"] == new


def test_history_of_an_unknown_hazard(history: tuple[Scenario, dict[str, str]]) -> None:
    result = run("history", "SW-20261103-0000", cwd=history[0].path)
    assert result.code == 2 and "no history for SW-20261103-0000" in result.err


# --- git errors -------------------------------------------------------------------------------

def test_not_a_git_repository(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "safecheck.yaml").write_text("organization: X\nunits:\n- code: SW\n  name: S\n",
                                           encoding="utf-8")
    for command in (["report"], ["review"], ["history", "SW-20261103-0000"]):
        result = run(*command, cwd=folder)
        assert result.code == 2 and "not in a git repository" in result.err


def test_a_repository_without_commits(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "safecheck.yaml").write_text("organization: X\nunits:\n- code: SW\n  name: S\n",
                                           encoding="utf-8")
    result = run("report", cwd=folder)
    assert result.code == 2 and "no commits yet" in result.err


def test_a_shallow_clone(history: tuple[Scenario, dict[str, str]], tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history[0].path}",
                    str(clone)], check=True)
    result = run("report", cwd=clone)
    assert result.code == 2 and "shallow clone" in result.err


def test_history_shows_every_change_of_every_field_the_plans_included(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "fields")
    hazard_id = register(s, "2026-11-03", "SW", "泵房消防通道堵塞", *plan("王强", "2026-11-20"))
    s.commit_as("李明", "登记", "2026-11-03T10:00:00+08:00")
    s.on("2026-11-04", "plan", hazard_id, "--responsible", "赵刚", "--funding", "3000",
         "--measure", "清理通道并划线")
    s.commit_as("李明", "调整方案", "2026-11-04T10:00:00+08:00")
    s.on("2026-11-05", "edit", hazard_id, "--location", "一号厂区泵房", "--reason", "部位不准确",
         "--by", "李明")
    s.commit_as("李明", "更正", "2026-11-05T10:00:00+08:00")
    os.environ["SAFECHECK_TODAY"] = "2026-11-06"
    text = run("history", hazard_id, cwd=s.path).out
    assert "责任人: 王强 → 赵刚" in text and "整改资金: 1000 → 3000" in text
    assert "整改措施: 立即整改 → 清理通道并划线" in text
    assert "更正：隐患部位: 一号厂区 → 一号厂区泵房（李明：部位不准确）" in text
    events = json.loads(run("history", hazard_id, "--format", "json", cwd=s.path).out)["events"]
    edited = next(e for e in events if e["kind"] == "edited")
    assert {"field": "plan.funding.amount", "old": 1000, "new": 3000} in edited["changes"]
