"""Loading the ledger: in parallel, from the parse cache, and the same either way."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from helpers import SafetyRepo
from records import data
from safecheck import parallel, store, yamlio


def fill(repo: SafetyRepo, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        hazard_id = f"SW-20261116-{n:04d}"
        path = repo.record_path(hazard_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yamlio.dump(data("rectifying", id=hazard_id)), encoding="utf-8")
        past = time.time() - 60  # old enough to be cached
        os.utime(path, (past, past))
        paths.append(path)
    return paths


def summary(ledger: store.Ledger) -> tuple[list[str], list[str]]:
    return ([s.hazard.id for s in ledger.hazards],
            [f"{p.path}:{p.line}:{p.message}" for p in ledger.problems])


def test_parallel_loading_matches_sequential(repo: SafetyRepo,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    paths = fill(repo, 12)
    paths[5].write_text("title: [broken\n", encoding="utf-8")
    monkeypatch.setenv("SAFECHECK_NO_CACHE", "1")
    sequential = summary(store.load_ledger(repo.path))
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(parallel, "_CHUNK", 3)
    assert summary(store.load_ledger(repo.path)) == sequential
    assert len(sequential[0]) == 11 and "invalid YAML" in sequential[1][0]


def test_the_cache_is_used_and_never_stale(repo: SafetyRepo) -> None:
    paths = fill(repo, 3)
    first = store.load_ledger(repo.path)
    assert (repo.path / ".git" / "safecheck" / "worktree.marshal").is_file()
    second = store.load_ledger(repo.path)
    assert summary(second) == summary(first)
    assert all(s.source is None for s in second.hazards)  # came from the cache
    text = paths[0].read_text(encoding="utf-8").replace("王强", "赵刚")
    paths[0].write_text(text, encoding="utf-8")
    third = store.load_ledger(repo.path)
    assert third.hazards[0].hazard.responsible == "赵刚"


def test_a_corrupt_cache_is_ignored(repo: SafetyRepo) -> None:
    fill(repo, 2)
    store.load_ledger(repo.path)
    (repo.path / ".git" / "safecheck" / "worktree.marshal").write_bytes(b"\x00garbage")
    assert len(store.load_ledger(repo.path).hazards) == 2
