"""A writer killed half-way (kill -9, a power cut) leaves nothing behind once the next
writer takes the lock: no temporary files, no orphan documents, no half-recorded change.
And a folder that cannot be read is a finding, not a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import SafetyRepo
from safecheck import journal, store

RECTIFY = ["--by", "王强", "--actions", "已设置警示标志并加装挂锁", "--on", "2026-11-20"]


def _debris(repo: SafetyRepo) -> list[str]:
    """safecheck's temporary files anywhere under records/."""
    return sorted(p.relative_to(repo.path).as_posix()
                  for p in (repo.path / "records").rglob("*") if ".safecheck-" in p.name)


def _orphans(repo: SafetyRepo, hazard_id: str) -> list[str]:
    """Files in the hazard's document folder that its record does not name."""
    record = repo.read(hazard_id)
    folder = repo.record_path(hazard_id).with_suffix("")
    return sorted(p.name for p in folder.glob("*") if p.name not in record) \
        if folder.is_dir() else []


def _journal(repo: SafetyRepo) -> Path:
    lock = store.lock_file(repo.path)
    return lock.with_name(lock.name + ".journal")


def test_kill_9_during_a_large_document_copy(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = repo.new_hazard()
    repo.commit("登记隐患")
    before = repo.read(hazard_id)
    big = tmp_path / "整改照片.jpg"
    with open(big, "wb") as handle:  # 300 MB, written for real so the copy takes time
        chunk = os.urandom(1024 * 1024)
        for _ in range(300):
            handle.write(chunk)
    exe = Path(sys.executable).with_name("safecheck")
    writer = subprocess.Popen([str(exe), "rectify", hazard_id, *RECTIFY, "--document",
                               str(big)], cwd=repo.path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    folder = repo.record_path(hazard_id).with_suffix("")
    deadline = time.monotonic() + 30
    # Kill it while the document is being copied: its temporary file exists.
    while writer.poll() is None and time.monotonic() < deadline and not (
            folder.is_dir() and any(".safecheck-" in p.name for p in folder.iterdir())):
        time.sleep(0.001)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert _debris(repo), "the writer finished before it could be killed mid-copy"
    assert _journal(repo).exists()

    # The next writer, on another hazard, finishes the dead one's business first.
    other = repo.new_hazard()
    assert other != hazard_id
    assert _debris(repo) == []
    assert _orphans(repo, hazard_id) == []
    assert not _journal(repo).exists()
    assert repo.read(hazard_id) == before
    assert not folder.exists()
    assert repo.run("audit").code in (0, 1)
    assert "unexpected-path" not in repo.run("audit", "--format", "json").out


def test_a_dead_writers_journal_is_rolled_back(repo: SafetyRepo) -> None:
    """The state a kill leaves at each point, made by hand: every leftover goes, every
    completed write stays."""
    done = repo.new_hazard()          # its change completed: the record names the photo
    half = repo.new_hazard()          # its change died before the record was rewritten
    for hazard_id, photo in ((done, "after.jpg"), (half, "lost.jpg")):
        folder = repo.record_path(hazard_id).with_suffix("")
        folder.mkdir()
        (folder / photo).write_bytes(b"photo")
    path = repo.record_path(done)
    path.write_text(path.read_text(encoding="utf-8") + "# after.jpg\n", encoding="utf-8")
    year = repo.record_path(done).parent
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = year / f".{done}.yaml.safecheck-{dead}-abcd.tmp"
    stale.write_bytes(b"x" * 1000)
    mine = year / f".{done}.yaml.safecheck-{os.getpid()}-live.tmp"  # a live process's
    mine.write_bytes(b"y")
    unfinished = year / "SW-20261116-ZZZZ.yaml"  # a new record whose change never ended
    unfinished.write_text("kind: hazard\n", encoding="utf-8")
    book = journal.Journal(repo.path, _journal(repo))
    book.new(unfinished)
    book.document(repo.record_path(done), repo.record_path(done).with_suffix("") / "after.jpg")
    book.document(repo.record_path(half), repo.record_path(half).with_suffix("") / "lost.jpg")

    with store.writing(repo.path):
        pass

    assert not stale.exists() and not unfinished.exists()
    assert mine.exists()  # not ours to remove: its writer is alive
    assert (repo.record_path(done).with_suffix("") / "after.jpg").exists()
    assert not repo.record_path(half).with_suffix("").exists()
    assert not _journal(repo).exists()
    mine.unlink()


def test_a_journal_cannot_reach_outside_the_ledger(repo: SafetyRepo, tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    _journal(repo).parent.mkdir(parents=True, exist_ok=True)
    _journal(repo).write_text(f"new\t../precious.txt\nnew\t{outside}\nfolder\t..\n"
                              f"document\trecords/x.yaml\t../precious.txt\n",
                              encoding="utf-8")
    with store.writing(repo.path):
        pass
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_a_failed_change_leaves_nothing(repo: SafetyRepo, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A change that fails after copying its documents removes them itself."""
    hazard_id = repo.new_hazard()
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"photo")

    def refuse(*_: object, **__: object) -> Path:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(store, "write_record", refuse)
    result = repo.run("rectify", hazard_id, *RECTIFY, "--document", str(photo))
    assert result.code in (2, 3)
    assert _orphans(repo, hazard_id) == [] and _debris(repo) == []


def test_an_unreadable_folder_is_a_finding(repo: SafetyRepo,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """As root a chmod would not stop us reading, so the operating system's answer is
    played here: scandir of one folder is refused."""
    repo.new_hazard()
    blocked = repo.path / "records" / "RQ" / "2026"
    blocked.mkdir(parents=True)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == blocked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]
    monkeypatch.setattr(os, "scandir", scandir)
    for command in (["audit"], ["list"], ["report", "--week", "2026-W47"]):
        result = repo.run(*command)
        assert result.code in (0, 1), (command, result.err)
        assert "Traceback" not in result.err
    audit = repo.run("audit")
    assert audit.code == 1 and "records/RQ/2026" in audit.out
