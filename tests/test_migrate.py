"""``migrate``: a schema 1 ledger (the example ledger before schema 2) upgraded in place."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from helpers import SafetyRepo, run
from safecheck import yamlio

FIXTURE = Path(__file__).parent / "fixtures" / "schema-1-ledger"


def schema_1_ledger(tmp_path: Path) -> SafetyRepo:
    root = tmp_path / "old"
    shutil.copytree(FIXTURE, root)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    repo = SafetyRepo(root)
    repo.commit("schema 1 ledger")
    return repo


def hazard_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "records").glob("*/*/*.yaml"))


def record_files(root: Path) -> list[Path]:
    return sorted((root / "records").rglob("*.yaml"))


def test_migrate_check_reports_without_writing(tmp_path: Path) -> None:
    repo = schema_1_ledger(tmp_path)
    before = repo.snapshot()
    result = repo.run("migrate", "--check")
    assert result.code == 1
    assert len(hazard_files(repo.path)) == 16
    assert len(result.out.splitlines()) == len(record_files(repo.path))
    assert all(line.startswith("需要升级 records/") for line in result.out.splitlines())
    assert repo.snapshot() == before


def test_migrate_rewrites_every_record_to_schema_2_and_is_idempotent(tmp_path: Path) -> None:
    repo = schema_1_ledger(tmp_path)
    audit_before = run("audit", "--as-of", "2026-11-27", "--format", "json", cwd=repo.path)
    result = repo.run("migrate", "--commit")
    assert result.code == 0, result.err
    for path in hazard_files(repo.path):
        data = yamlio.load_mapping(path.read_text(encoding="utf-8"), path.name)
        assert data["schema"] == 2 and "rectification" not in data
        if data["status"] in ("verifying", "closed"):
            assert data["rectifications"][-1]["documents"]
    # the commit holds exactly the migrated files, with a message in the ledger's language
    log = repo.git("log", "-1", "--name-only", "--format=%s")
    assert log.startswith("台账记录升级为第2版格式")
    assert len([line for line in log.splitlines()[1:] if line]) == len(record_files(repo.path))
    for path in record_files(repo.path):
        assert "schema: 2\n" in path.read_text(encoding="utf-8")
    assert repo.run("migrate", "--check").code == 0
    assert repo.run("migrate").out == ""
    assert repo.run("fmt", "--check").code == 0
    # nothing the audit saw changed meaning: the same records, the same overdue ones
    audit_after = run("audit", "--as-of", "2026-11-27", "--format", "json", cwd=repo.path)
    assert audit_after.out.count('"overdue"') == audit_before.out.count('"overdue"')


def test_a_schema_1_major_hazard_keeps_its_contingency_plan_as_interim_control(
        tmp_path: Path) -> None:
    repo = schema_1_ledger(tmp_path)
    assert repo.run("migrate").code == 0
    text = (repo.path / "records/SW/2026/SW-20261118-AJ5Z.yaml").read_text(encoding="utf-8")
    data = yamlio.load_mapping(text, "x")
    assert data["major"]["interim_measures"] == [data["plan"]["contingency_plan"]]
