"""Fixtures: a fixed 'today', fixed git identities, and fresh safety repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import AUTHOR, SafetyRepo, run

TODAY = "2026-11-21"


@pytest.fixture(autouse=True)
def fixed_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user git config, fixed identities and today, UTF-8 everywhere."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("SAFECHECK_TODAY", TODAY)
    monkeypatch.delenv("SAFECHECK_NO_CACHE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # it picks audit's output format
    monkeypatch.delenv("SAFECHECK_CACHE_DIR", raising=False)
    for key, value in AUTHOR.items():
        monkeypatch.setenv(key, value)


def make_repo(path: Path, *extra_units: str, locale: str = "zh") -> SafetyRepo:
    """``safecheck init`` in a fresh git repository, committed."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    units = ["--unit", "SW=水务公司", "--unit", "RQ=燃气公司"]
    for unit in extra_units:
        units += ["--unit", unit]
    result = run("init", str(path), "--org", "示例集团", *units, "--lang", locale)
    assert result.code == 0, result.err
    repo = SafetyRepo(path)
    repo.commit("初始化隐患台账", "2026-11-02T09:00:00+08:00")
    return repo


@pytest.fixture
def repo(tmp_path: Path) -> SafetyRepo:
    """A committed safety repository with units SW and RQ, locale zh."""
    return make_repo(tmp_path / "ledger")


@pytest.fixture
def en_repo(tmp_path: Path) -> SafetyRepo:
    """The same, with locale en."""
    return make_repo(tmp_path / "ledger-en", locale="en")


@pytest.fixture
def example_root() -> Path:
    """The project's own example ledger (its top-level records/)."""
    return Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("COLUMNS", "160")


@pytest.fixture(autouse=True)
def english_messages() -> None:
    """Core tests read messages in English; a CLI run sets the ledger's locale itself."""
    from safecheck import i18n

    i18n.use("en")
