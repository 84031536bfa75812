"""Test helpers: safety repositories in temporary git repos, and running the CLI."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from safecheck.cli.main import main

AUTHOR = {"GIT_AUTHOR_NAME": "李明", "GIT_AUTHOR_EMAIL": "liming@example.com",
          "GIT_COMMITTER_NAME": "李明", "GIT_COMMITTER_EMAIL": "liming@example.com"}

BASE_FIELDS = [
    "--unit", "SW", "--domain", "confined-space", "--title", "三号泵站集水井入口无警示标志",
    "--description", "集水井入口未设置警示标志，井盖未上锁。", "--location", "三号泵站集水井",
    "--level", "general", "--source", "self-inspection", "--found-on", "2026-11-16",
    "--found-by", "李明",
]
PLAN = [
    "--measure", "设置警示标志并加锁", "--measure", "纳入有限空间台账",
    "--responsible", "王强", "--responsible-department", "运营部", "--funding", "1200",
    "--funding-source", "安全生产费用", "--deadline", "2026-11-28",
    "--contingency-plan", "整改完成前井口设置围挡，专人看护",
]


@dataclass
class Result:
    """What a CLI run returned and printed."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def run(*args: str, cwd: Path | None = None) -> Result:
    """Run the safecheck CLI in-process (as the console script would) and capture it."""
    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(old)
    return Result(code, out.getvalue(), err.getvalue())


#: Under a mutation run (mutmut copies the package into mutants/) the "installed" CLI is
#: run in-process instead, so that the mutation tool sees which tests reach which code.
IN_PROCESS = "/mutants/" in Path(sys.modules["safecheck"].__file__ or "").as_posix()


def run_installed(*args: str, cwd: Path, env: dict[str, str] | None = None,
                  stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``safecheck`` console script as a separate process."""
    if IN_PROCESS:
        return _in_process(list(args), cwd, env, stdin)
    exe = Path(sys.executable).with_name("safecheck")
    return subprocess.run([str(exe), *args], cwd=cwd, env=env or dict(os.environ),
                          capture_output=True, text=True, input=stdin, timeout=60)


def _in_process(args: list[str], cwd: Path, env: dict[str, str] | None,
                stdin: str | None) -> subprocess.CompletedProcess[str]:
    saved = dict(os.environ)
    old_stdin = sys.stdin
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        sys.stdin = io.StringIO(stdin or "")
        result = run(*args, cwd=cwd)
    finally:
        os.environ.clear()
        os.environ.update(saved)
        sys.stdin = old_stdin
    return subprocess.CompletedProcess(["safecheck", *args], result.code, result.out,
                                       result.err)


class SafetyRepo:
    """A safety repository in a git repository, with dated commits."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def git(self, *args: str, date: str = "2026-11-16T10:00:00+08:00") -> str:
        env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        done = subprocess.run(["git", *args], cwd=self.path, env=env, check=True,
                              capture_output=True, text=True)
        return done.stdout

    def commit(self, message: str, date: str = "2026-11-16T10:00:00+08:00") -> str:
        self.git("add", "-A", date=date)
        self.git("commit", "-q", "-m", message, "--allow-empty", date=date)
        return self.git("rev-parse", "HEAD", date=date).strip()

    def run(self, *args: str) -> Result:
        return run(*args, cwd=self.path)

    def new_hazard(self, *extra: str, plan: bool = True) -> str:
        """Register a hazard with the standard fields (and plan); return its ID."""
        result = self.run("new-hazard", "--no-input", "--format", "json", *BASE_FIELDS,
                          *(PLAN if plan else []), *extra)
        assert result.code == 0, result.err
        import json
        return str(json.loads(result.out)["id"])

    def record_path(self, hazard_id: str) -> Path:
        unit, day, _ = hazard_id.split("-")
        return self.path / "records" / unit / day[:4] / f"{hazard_id}.yaml"

    def read(self, hazard_id: str) -> str:
        return self.record_path(hazard_id).read_text(encoding="utf-8")

    def snapshot(self) -> dict[str, bytes]:
        """Every file under records/, to prove a refused command changed nothing."""
        return {p.relative_to(self.path).as_posix(): p.read_bytes()
                for p in sorted((self.path / "records").rglob("*")) if p.is_file()}
