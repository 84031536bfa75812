"""The README's walkthrough runs as written, through the installed console script."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def walkthrough() -> str:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough -->\n```sh\n(.*?)```", text, re.DOTALL)
    assert block, "the README has lost its walkthrough block"
    return block.group(1)


def test_the_readme_walkthrough_runs_as_written(tmp_path: Path) -> None:
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    env.pop("SAFECHECK_TODAY", None)
    script = "set -euo pipefail\n" + walkthrough()
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "已销号" in done.stdout and "第2轮整改" in done.stdout
    assert "台账校验通过" in done.stdout
    log = subprocess.run(["git", "log", "--format=%s"], cwd=tmp_path / "ledger",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert log[0].startswith("销号 RQ-20261120-") and len(log) == 12


def test_the_readme_import_example_runs_as_written(tmp_path: Path) -> None:
    import shutil

    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- import-example -->\n```sh\n(.*?)```", text, re.DOTALL)
    assert block, "the README has lost its import example"
    project = tmp_path / "safecheck"
    shutil.copytree(README.parent / "examples", project / "examples")
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(["bash", "-c", "set -uo pipefail\n" + block.group(1)], cwd=project,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr            # audit's finding, nothing else
    out = done.stdout
    assert "试导入（--dry-run）：将新建 5 条" in out and "新建 5 条，已在台账 0 条" in out
    assert "新建 0 条，已在台账 5 条" in out and "5 条隐患" in out
    assert "verification-overdue" in out and "错误：" not in done.stderr
    log = subprocess.run(["git", "log", "--format=%s"], cwd=project / "导入示例",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert log[0] == "导入台账 台账示例.xlsx：5 条（历史补录）"


def test_every_audit_rule_is_in_the_readme() -> None:
    from safecheck.audit import RULES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert [r for r in RULES if f"| `{r}` |" not in readme] == []
