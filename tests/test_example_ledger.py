"""The project's own example ledger: the README's first command runs on it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from helpers import run, run_installed


def test_example_ledger_passes_the_gate_with_warnings(example_root: Path) -> None:
    result = run("audit", "--as-of", "2026-11-27", "--format", "json", cwd=example_root)
    assert result.code == 0, result.out
    report = json.loads(result.out)
    assert report["summary"]["errors"] == 0
    assert {f["rule"] for f in report["findings"]} == {"due-soon", "inspection-due"}


def test_example_ledger_has_every_status_and_the_cases_the_readme_shows(
        example_root: Path) -> None:
    rows = json.loads(run("list", "--format", "json", cwd=example_root).out)
    assert Counter(r["status"] for r in rows).keys() == {
        "reported", "rectifying", "verifying", "closed", "void"}
    assert {r["level"] for r in rows} == {"general", "major"}
    assert len({r["unit"] for r in rows}) == 4 and len({r["domain"] for r in rows}) >= 8
    assert any(r.get("contractor") for r in rows) and any(r.get("extensions") for r in rows)
    assert any(r.get("reopenings") for r in rows)
    assert any(v["result"] == "fail" for r in rows for v in r.get("verifications", []))
    closed = [r for r in rows if r["status"] == "closed"]
    assert closed and all(r["documents"] for r in closed)


def test_example_ledger_is_canonical_and_the_gate_catches_overdue(example_root: Path) -> None:
    assert run("fmt", "--check", cwd=example_root).code == 0
    later = run("audit", "--as-of", "2026-12-06", "--format", "json", cwd=example_root)
    assert later.code == 1
    assert "overdue" in {f["rule"] for f in json.loads(later.out)["findings"]}


def test_installed_script_and_module_entry_points(example_root: Path) -> None:
    version = run_installed("--version", cwd=example_root)
    assert version.returncode == 0 and version.stdout.startswith("safecheck ")
    helped = run_installed("audit", "--help", cwd=example_root)
    assert helped.returncode == 0 and "--as-of" in helped.stdout
    audit = run_installed("audit", "--as-of", "2026-11-27", cwd=example_root)
    assert audit.returncode == 0 and "台账校验通过" in audit.stdout
    module = subprocess.run([sys.executable, "-m", "safecheck", "--version"],
                            capture_output=True, text=True, check=False)
    assert module.returncode == 0 and module.stdout == version.stdout


def test_example_ledger_shows_the_schema_2_parts(example_root: Path) -> None:
    rows = json.loads(run("list", "--format", "json", cwd=example_root).out)
    by_id = {r["id"]: r for r in rows}
    majors = [r for r in rows if r.get("major")]
    assert any(r["major"].get("signoff") and r["status"] == "closed" for r in majors)
    assert any(len(r.get("rectifications", [])) >= 2 for r in rows)
    assert any(r.get("corrections") for r in rows)
    assert any(c.get("approved_by") for r in rows for c in r.get("corrections", []))
    assert any(r.get("source_ref") for r in rows)
    assert any(r.get("contractor", {}).get("safety_agreement") for r in rows)
    assert all(r["schema"] == 2 for r in by_id.values())
    assert run("migrate", "--check", cwd=example_root).code == 0


def test_example_ledger_shows_honest_inspections(example_root: Path) -> None:
    runs = json.loads(run("inspections", "--format", "json", cwd=example_root).out)["runs"]
    assert any(r["void"] for r in runs)                    # a false 合格 record, voided
    assert any(r["permit"] for r in runs)                  # a per-permit procedure
    assert any(r["results"]["unchecked"] for r in runs)    # only what was checked
    recurring = [r for r in runs if r["id"] == "WY-20261126-fire-safety-Z19V"]
    shown = json.loads(run("inspections", recurring[0]["id"], "--format", "json",
                           cwd=example_root).out)
    assert any(o.get("recurrence") for o in shown["items"])
    coverage = json.loads(run("inspections", "--campaign", "2026-winter", "--as-of",
                              "2026-11-27", "--format", "json",
                              cwd=example_root).out)["coverage"]
    assert 0 < coverage["reached"] < coverage["total"]
