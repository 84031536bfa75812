"""Two writers at once never both succeed with one change lost: the write lock makes the
second wait, then read what the first wrote."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from helpers import SafetyRepo
from safecheck import store, yamlio

EXE = str(Path(sys.executable).with_name("safecheck"))


def extend(repo: SafetyRepo, to: str) -> subprocess.Popen[str]:
    return subprocess.Popen([EXE, "extend", repo.ids[0], "--to", to,  # type: ignore[attr-defined]
                             "--reason", f"延期至{to}", "--approved-by", "陈明"],
                            cwd=repo.path, env=dict(os.environ), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_extends_at_once_never_lose_one(repo: SafetyRepo) -> None:
    repo.ids = [repo.new_hazard()]  # type: ignore[attr-defined]
    successes = 0
    for round_ in range(20):
        first = f"2027-{1 + round_ // 28:02d}-{1 + (round_ % 28):02d}"
        # the second asks for a later deadline, so it succeeds whichever order they run in
        second = f"2028-{1 + round_ // 28:02d}-{1 + (round_ % 28):02d}"
        if round_ % 2:
            first, second = second, first
        a, b = extend(repo, first), extend(repo, second)
        for process in (a, b):
            _, err = process.communicate(timeout=60)
            assert process.returncode in (0, 2), err
            assert "Traceback" not in err
            successes += process.returncode == 0
        data = yamlio.load_mapping(repo.read(repo.ids[0]), "x")  # type: ignore[attr-defined]
        # every success is on the record: nothing written was overwritten
        assert len(data.get("extensions", [])) == successes
        deadlines = [e["to"] for e in data["extensions"]]
        assert deadlines == sorted(deadlines)
    assert successes >= 20


def test_a_writer_waits_then_gives_up_in_one_line(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard()
    before = repo.snapshot()
    lock = store.lock_file(repo.path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        done = subprocess.run([EXE, "extend", hazard_id, "--to", "2027-01-01", "--reason",
                               "x", "--approved-by", "陈明"], cwd=repo.path, capture_output=True,
                              text=True, timeout=60, check=False)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1
    assert "另一个 safecheck 命令正在修改台账" in done.stderr
    assert repo.snapshot() == before


def test_the_lock_closes_the_window_between_check_and_rename(
        repo: SafetyRepo, monkeypatch: object) -> None:
    """The changed-since-read check alone leaves a window between comparing and renaming;
    widen it, and two writers would both pass the check with one change lost."""
    import datetime as dt
    import threading
    import time

    import pytest

    from safecheck import atomic, changes, lifecycle
    from safecheck.context import open_context

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    hazard_id = repo.new_hazard()
    context = open_context(repo.path)
    today = dt.date(2026, 11, 21)
    real_replace = os.replace

    def slow_replace(src: str, dst: str) -> None:
        time.sleep(0.2)  # after the check, before the rename
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", slow_replace)
    outcomes: list[str] = []

    def writer(days: int) -> None:
        try:  # each extends the deadline it reads, so both succeed one after the other
            changes.change(context, hazard_id, "extend", lambda h, _: lifecycle.extend(
                h, h.effective_deadline + dt.timedelta(days=days), "x", "陈明", today,
                context.settings, today))
            outcomes.append("ok")
        except Exception as exc:
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=writer, args=(days,)) for days in (10, 20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    data = yamlio.load_mapping(repo.read(hazard_id), "x")
    assert len(data.get("extensions", [])) == outcomes.count("ok") == 2
