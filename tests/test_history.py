"""Reports, reviews and hazard histories from a backdated git history with a merge."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

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

@pytest.mark.parametrize(("body", "words"), [
    ("line one\n{% for x in %}\n", "mine.md.j2:2 有错误："),
    ("ok\n\n{{ missing_value }}\n", "mine.md.j2:3 有错误：'missing_value' is undefined"),
    ("{{ ''.__class__.__mro__ }}\n", "mine.md.j2:1 有错误："),
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
    assert result.code == 2 and "当前分支上没有 SW-20261103-0000 的历史" in result.err


# --- git errors -------------------------------------------------------------------------------

def test_not_a_git_repository(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "safecheck.yaml").write_text("organization: X\nunits:\n- code: SW\n  name: S\n",
                                           encoding="utf-8")
    for command in (["report"], ["review"], ["history", "SW-20261103-0000"]):
        result = run(*command, cwd=folder)
        assert result.code == 2 and "不在 git 仓库中" in result.err


def test_a_repository_without_commits(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "safecheck.yaml").write_text("organization: X\nunits:\n- code: SW\n  name: S\n",
                                           encoding="utf-8")
    result = run("report", cwd=folder)
    assert result.code == 2 and "仓库还没有任何提交" in result.err


def test_a_shallow_clone(history: tuple[Scenario, dict[str, str]], tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history[0].path}",
                    str(clone)], check=True)
    result = run("report", cwd=clone)
    assert result.code == 2 and "浅克隆" in result.err


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
    assert "责任人：王强 → 赵刚" in text and "整改资金：1000 → 3000" in text
    assert "整改措施：立即整改 → 清理通道并划线" in text
    assert "更正：隐患部位：一号厂区 → 一号厂区泵房（李明：部位不准确）" in text
    events = json.loads(run("history", hazard_id, "--format", "json", cwd=s.path).out)["events"]
    edited = next(e for e in events if e["kind"] == "edited")
    assert {"field": "plan.funding.amount", "old": 1000, "new": 3000} in edited["changes"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+08:00",
                        "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+08:00"})


def test_reading_the_layout_folders_lists_what_ls_tree_lists(tmp_path: Path) -> None:
    """The snapshot reads only the folders that can hold records, a level at a time; what
    it finds there is exactly what ``git ls-tree -r`` finds, in the same order, and the
    documents' folders are not entered."""
    from safecheck.gitrepo import GitRepo
    from safecheck.history import holds_records, layout_files

    repo = tmp_path / "ledger"
    files = {
        "records/HQ/2026/HQ-20260101-AAAA.yaml": "a",
        "records/HQ/2026/HQ-20260101-AAAA/照片 1.jpg": "photo",
        "records/HQ/2026/HQ-20260101-AAAA/deep/er/x.pdf": "pdf",
        "records/HQ/2026/inspections/HQ-I-20260101-AAAA.yaml": "run",
        "records/HQ/2026/inspections/nested/odd.yaml": "odd",
        "records/HQ/2025/HQ-20251231-BBBB.yaml": "b",
        "records/HQ/README.md": "readme",
        "records/厂区 二/2026/厂区-20260102-CCCC.yaml": "c",
        "records/stray.yaml": "stray",
        "outside.yaml": "outside",
    }
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (repo / "records/HQ/2026/link.yaml").symlink_to("HQ-20260101-AAAA.yaml")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x")
    git = GitRepo(repo)

    def admitted(path: str) -> bool:
        folders = path.split("/")[:-1]
        return all(holds_records("/".join(folders[:n])) for n in range(2, len(folders) + 1))

    everything = git.tree("HEAD", "records")
    expected = {p: b for p, b in everything.items() if admitted(p)}
    found = layout_files(git, "HEAD")
    assert list(found.items()) == list(expected.items())
    assert "records/HQ/2026/HQ-20260101-AAAA/照片 1.jpg" in everything
    assert "records/HQ/2026/HQ-20260101-AAAA/照片 1.jpg" not in found
    assert "records/HQ/2026/link.yaml" in found  # a symlink is a blob, as ls-tree says
    assert "records/HQ/2026/inspections/nested/odd.yaml" not in found
    # Every folder entered, several prefixes at once, and a prefix that is not a folder.
    deep = git.folders("HEAD", ["records/HQ/2026/HQ-20260101-AAAA", "records/none",
                                "records/stray.yaml"], lambda _: True)
    assert deep == {p: b for p, b in everything.items()
                    if p.startswith("records/HQ/2026/HQ-20260101-AAAA/")}
    assert git.folders("HEAD", ["records"], lambda _: False) == {
        "records/stray.yaml": everything["records/stray.yaml"]}
