"""init makes the git repository a ledger lives in, on the branch review compares against;
base_branch follows the repository when safecheck.yaml does not say."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers import SafetyRepo, run
from safecheck import yamlio


def git(path: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-11-16T10:00:00+08:00",
               GIT_COMMITTER_DATE="2026-11-16T10:00:00+08:00")
    return subprocess.run(["git", *args], cwd=path, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def settings(path: Path) -> dict[str, object]:
    return yamlio.load_mapping((path / "safecheck.yaml").read_text(encoding="utf-8"), "s")


def init(path: Path, *extra: str) -> None:
    result = run("init", str(path), "--org", "示例集团", "--unit", "SW=水务公司", *extra)
    assert result.code == 0, result.err


def change_on_a_branch(repo: SafetyRepo) -> None:
    """Commit the layout, then register a hazard on a branch (review then has work)."""
    repo.commit("初始化", "2026-11-02T09:00:00+08:00")
    repo.git("checkout", "-q", "-b", "sw/new")
    assert repo.run("new-hazard", "--no-input", "--unit", "SW", "--domain", "fire-safety",
                    "--title", "泵房消防通道堵塞", "--description", "通道堆放纸箱。",
                    "--location", "一号泵房", "--level", "general", "--source",
                    "self-inspection", "--found-on", "2026-11-20", "--found-by", "李明").code == 0
    repo.commit("登记", "2026-11-20T10:00:00+08:00")


def test_init_in_a_plain_folder_makes_a_repository_on_main(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    result = run("init", str(root), "--org", "示例集团", "--unit", "SW=水务公司")
    assert result.code == 0 and "main" in result.out
    assert git(root, "symbolic-ref", "--short", "HEAD") == "main"
    assert settings(root)["base_branch"] == "main"
    repo = SafetyRepo(root)
    change_on_a_branch(repo)
    review = repo.run("review", "--format", "json")
    assert review.code == 0, review.err  # compared with main: the new hazard passes


def test_init_on_a_branch_of_ones_choice(tmp_path: Path) -> None:
    init(tmp_path / "ledger", "--base-branch", "trunk")
    assert git(tmp_path / "ledger", "symbolic-ref", "--short", "HEAD") == "trunk"
    assert settings(tmp_path / "ledger")["base_branch"] == "trunk"
    bad = run("init", str(tmp_path / "other"), "--org", "示例集团", "--unit", "SW=水务公司",
              "--base-branch", "主干")
    assert bad.code == 2 and "base_branch" in bad.err and not (tmp_path / "other").exists()


def test_init_in_a_repository_on_master_takes_its_branch(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "master", str(root)], check=True)
    init(root)
    assert not (root / ".git" / ".git").exists()
    assert settings(root)["base_branch"] == "master"
    repo = SafetyRepo(root)
    change_on_a_branch(repo)
    review = repo.run("review", "--format", "json")
    assert review.code == 0, review.err


def test_an_old_ledger_without_base_branch_on_master(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "master", str(root)], check=True)
    init(root)
    text = (root / "safecheck.yaml").read_text(encoding="utf-8")
    (root / "safecheck.yaml").write_text(text.replace("base_branch: master\n", ""),
                                         encoding="utf-8")
    repo = SafetyRepo(root)
    change_on_a_branch(repo)
    review = repo.run("review", "--format", "json")
    assert review.code == 0, review.err  # no 'main' to be found: master is the base


def test_without_base_branch_a_clone_reviews_against_its_default_branch(tmp_path: Path
                                                                        ) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "develop", str(origin)], check=True)
    init(origin)
    text = (origin / "safecheck.yaml").read_text(encoding="utf-8")
    (origin / "safecheck.yaml").write_text(text.replace("base_branch: develop\n", ""),
                                           encoding="utf-8")
    SafetyRepo(origin).commit("初始化", "2026-11-02T09:00:00+08:00")
    subprocess.run(["git", "clone", "-q", str(origin), str(tmp_path / "clone")], check=True)
    clone = SafetyRepo(tmp_path / "clone")
    clone.git("checkout", "-q", "-b", "sw/new")
    assert clone.run("new-hazard", "--no-input", "--unit", "SW", "--domain", "fire-safety",
                     "--title", "泵房消防通道堵塞", "--description", "通道堆放纸箱。",
                     "--location", "一号泵房", "--level", "general", "--source",
                     "self-inspection", "--found-on", "2026-11-20", "--found-by", "李明"
                     ).code == 0
    clone.commit("登记", "2026-11-20T10:00:00+08:00")
    review = clone.run("review", "--format", "json")
    assert review.code == 0, review.err


def test_on_no_branch_review_asks_for_a_base(tmp_path: Path) -> None:
    root = tmp_path / "ledger"
    init(root, "--base-branch", "trunk")
    text = (root / "safecheck.yaml").read_text(encoding="utf-8")
    (root / "safecheck.yaml").write_text(text.replace("base_branch: trunk\n", ""),
                                         encoding="utf-8")
    repo = SafetyRepo(root)
    repo.commit("初始化", "2026-11-02T09:00:00+08:00")
    repo.git("checkout", "-q", "--detach", "HEAD")
    repo.commit("不在任何分支上的提交", "2026-11-03T09:00:00+08:00")
    review = repo.run("review")
    assert review.code == 2 and "base_branch" in review.err
    assert repo.run("review", "--base", "trunk").code == 0


def test_init_in_a_new_folder_inside_a_repository_makes_no_second_one(tmp_path: Path) -> None:
    top = tmp_path / "top"
    top.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(top)], check=True)
    init(top / "a" / "ledger")
    assert not (top / "a" / "ledger" / ".git").exists()
    assert settings(top / "a" / "ledger")["base_branch"] == "main"


def test_history_commands_refuse_a_ledger_below_the_top(tmp_path: Path) -> None:
    # git names files from the top of the repository: a ledger in a folder would show
    # none of its changes, so a forged closure there would pass review unseen
    top = tmp_path / "top"
    top.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(top)], check=True)
    init(top / "ledger")
    repo = SafetyRepo(top / "ledger")
    change_on_a_branch(repo)
    path = next((top / "ledger" / "records").rglob("*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("status: reported",
                                                             "status: closed"),
                    encoding="utf-8")
    repo.commit("销号", "2026-11-21T10:00:00+08:00")
    for args in (("review", "--base", "main"), ("report",), ("history", path.stem)):
        result = repo.run(*args)
        assert result.code == 2 and "ledger" in result.err, args
    assert repo.run("audit").code == 1  # audit reads the files themselves: invalid
