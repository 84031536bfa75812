"""The project's .pre-commit-hooks.yaml, through pre-commit itself: ``pre-commit try-repo``
installs safecheck from a copy of this checkout (uncommitted work included) into its own
environment and runs each hook in a scratch safety repository.

``try-repo`` installs into a temporary store every time, so it runs once, with both hooks;
the other tests name the same copy in a .pre-commit-config.yaml and run ``pre-commit
run``, whose environment is kept in the test cache. The copy is committed with fixed
dates at a fixed place, so its commit — and that environment — stays the same while the
code does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ci_tools import CACHE, console_script
from helpers import SafetyRepo
from records import PLAN, data
from safecheck import yamlio

PROJECT = Path(__file__).resolve().parents[1]
#: What pip needs to build safecheck, and the hooks' definition.
SOURCES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "templates",
           "checklists")
FIXED = {"GIT_AUTHOR_NAME": "safecheck tests", "GIT_AUTHOR_EMAIL": "tests@example.com",
         "GIT_COMMITTER_NAME": "safecheck tests", "GIT_COMMITTER_EMAIL": "tests@example.com",
         "GIT_AUTHOR_DATE": "2026-01-01T00:00:00+00:00",
         "GIT_COMMITTER_DATE": "2026-01-01T00:00:00+00:00"}
PIP_CACHE = Path.home() / ".cache" / "pip"  # read before a test moves HOME


def _sources() -> list[Path]:
    ignored = {"__pycache__"}
    files: list[Path] = []
    for name in SOURCES:
        source = PROJECT / name
        if source.is_file():
            files.append(source)
        else:
            files += [f for f in sorted(source.rglob("*")) if f.is_file()
                      and not ignored & set(f.parts) and f.suffix != ".pyc"
                      and ".egg-info" not in f.as_posix()]
    return files


@pytest.fixture(scope="module")
def hooks_repo() -> Path:
    """This checkout's sources as a clean git repository pre-commit can clone, at a
    place named by their content (so a copy is made once per state of the code)."""
    files = _sources()
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.relative_to(PROJECT).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    target = CACHE / "pre-commit" / f"project-{digest.hexdigest()[:16]}"
    if (target / ".git").is_dir():
        return target
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(temp, ignore_errors=True)
    for file in files:
        copy = temp / file.relative_to(PROJECT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, copy)
    env = dict(os.environ, **FIXED, GIT_CONFIG_NOSYSTEM="1", HOME=str(temp))
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["commit", "-q", "--no-gpg-sign", "-m", "safecheck under test"]):
        subprocess.run(["git", *args], cwd=temp, env=env, check=True, capture_output=True)
    try:
        temp.rename(target)
    except OSError:  # another run made it meanwhile: the same content
        shutil.rmtree(temp, ignore_errors=True)
    return target


def pre_commit(ledger: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(CACHE / "pre-commit" / "home"),
               PIP_CACHE_DIR=str(PIP_CACHE), PRE_COMMIT_COLOR="never")
    return subprocess.run([console_script("pre-commit"), *args], cwd=ledger, env=env,
                          capture_output=True, text=True, check=False, timeout=900)


def use_hooks(repo: SafetyRepo, hooks_repo: Path) -> None:
    """A .pre-commit-config.yaml naming both hooks at the copy's commit (staged, as
    pre-commit wants); its environment is installed once and kept in the cache."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks_repo, check=True,
                         capture_output=True, text=True).stdout.strip()
    (repo.path / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks_repo}\n  rev: {rev}\n  hooks:\n"
        "  - id: safecheck-fmt\n  - id: safecheck-validate\n", encoding="utf-8")
    repo.git("add", ".pre-commit-config.yaml")


def put(repo: SafetyRepo, record: dict[str, object]) -> Path:
    path = repo.record_path(str(record["id"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yamlio.dump(record), encoding="utf-8")
    return path


def hand_edited(repo: SafetyRepo) -> tuple[Path, str]:
    """A valid record as a text editor leaves it (keys out of order, odd spacing), and
    its canonical text."""
    path = put(repo, data("reported", id="SW-20261117-H4ND", found_on="2026-11-17"))
    text = path.read_text(encoding="utf-8")
    path.write_text("status: reported\n" + text.replace("status: reported\n", "").replace(
        "title: ", "title:   "), encoding="utf-8")
    return path, text


def test_try_repo_runs_both_hooks(hooks_repo: Path, repo: SafetyRepo) -> None:
    canonical = put(repo, data("rectifying"))
    hand, text = hand_edited(repo)
    put(repo, data("reported", id="SW-20261118-B4DD", found_on="2026-11-18", plan=PLAN))
    repo.git("add", "-A")
    done = pre_commit(repo.path, "try-repo", str(hooks_repo), "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    fmt, validate = out[out.index("safecheck fmt"):], out[out.index("safecheck validate"):]
    assert "files were modified by this hook" in fmt
    assert validate.splitlines()[0].endswith("Failed")
    assert "SW-20261118-B4DD" in validate and "invalid" in validate
    assert hand.read_text(encoding="utf-8") == text  # canonical again
    assert canonical.read_text(encoding="utf-8") == yamlio.dump(data("rectifying"))


def test_the_fmt_hook_fails_once_then_passes(hooks_repo: Path, repo: SafetyRepo) -> None:
    use_hooks(repo, hooks_repo)
    hand, text = hand_edited(repo)
    repo.git("add", "-A")
    first = pre_commit(repo.path, "run", "safecheck-fmt", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert hand.read_text(encoding="utf-8") == text
    repo.git("add", "-A")
    second = pre_commit(repo.path, "run", "safecheck-fmt", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr


def test_the_validate_hook_ignores_time_and_catches_bad_records(
        hooks_repo: Path, repo: SafetyRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    use_hooks(repo, hooks_repo)
    put(repo, data("rectifying"))  # long overdue by the date below
    repo.git("add", "-A")
    monkeypatch.setenv("SAFECHECK_TODAY", "2027-06-01")
    passed = pre_commit(repo.path, "run", "safecheck-validate", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    bad = put(repo, data("reported", id="SW-20261118-B4DD", found_on="2026-11-18", plan=PLAN))
    repo.git("add", "-A")
    failed = pre_commit(repo.path, "run", "safecheck-validate", "--all-files")
    assert failed.returncode == 1
    assert "SW-20261118-B4DD" in failed.stdout and "invalid" in failed.stdout
    # a commit that does not touch the bad record is not blamed for it
    only = pre_commit(repo.path, "run", "safecheck-validate", "--files",
                      "records/SW/2026/SW-20261116-7KQF.yaml")
    assert only.returncode == 0, only.stdout
    blamed = pre_commit(repo.path, "run", "safecheck-validate", "--files",
                        bad.relative_to(repo.path).as_posix())
    assert blamed.returncode == 1
