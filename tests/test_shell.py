"""The shell: completion (through the protocol the shells use), NO_COLOR, and progress
bars that appear on a terminal and nowhere else."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import SafetyRepo, run, run_installed
from safecheck.cli.main import main
from safecheck.i18n import Msg

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "schema-1-ledger"
EXE = str(Path(sys.executable).with_name("safecheck"))


def complete(words: str, cwd: Path, protocol: str = "bash") -> tuple[int, list[str]]:
    """What TAB offers after ``words`` (the cursor on the last word, which may be empty),
    asked in-process the way the shell asks the installed script."""
    env = {"_SAFECHECK_COMPLETE": f"complete_{protocol}"}
    if protocol == "bash":
        cword = len(words.split()) - (0 if words.endswith(" ") else 1)
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(cword)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words}
    out = io.StringIO()
    old_cwd, old_env = Path.cwd(), dict(os.environ)
    os.environ.update(env)
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            try:
                code = main([])
            except SystemExit as exc:  # Typer answers completion requests and exits
                code = int(exc.code or 0)
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
    return code, [line for line in out.getvalue().splitlines() if line]


def test_completion_prints_a_script_for_each_shell(repo: SafetyRepo) -> None:
    bash = repo.run("completion", "bash")
    assert bash.code == 0
    assert "_SAFECHECK_COMPLETE=complete_bash" in bash.out
    assert "complete -o default -F" in bash.out and "safecheck" in bash.out
    assert "_SAFECHECK_COMPLETE=complete_zsh" in repo.run("completion", "zsh").out
    assert "complete --command safecheck" in repo.run("completion", "fish").out
    assert "Register-ArgumentCompleter" in repo.run("completion", "powershell").out
    assert repo.run("completion", "tcsh").code == 2


def test_commands_and_options_complete() -> None:
    code, offered = complete("safecheck re", ROOT)
    assert code == 0
    assert {"report", "rectify", "review", "reject", "reopen"} <= set(offered)
    assert "show" not in offered
    _, options = complete("safecheck close --ver", ROOT)
    assert options == ["--verified-by"]
    _, kinds = complete("safecheck schema ", ROOT)
    assert kinds == ["hazard", "inspection", "checklist", "settings"]


def test_hazard_ids_complete_for_every_command_taking_one() -> None:
    expected = sorted(p.stem for p in (ROOT / "records" / "SW").glob("*/*.yaml"))
    for command in ("show", "plan", "rectify", "close", "history", "form notice"):
        _, offered = complete(f"safecheck {command} SW-", ROOT)
        assert sorted(offered) == expected, command
    _, any_case = complete("safecheck show sw-2026111", ROOT)
    assert any_case and all(i.startswith("SW-2026111") for i in any_case)


def test_ids_come_from_file_names_without_parsing(repo: SafetyRepo) -> None:
    broken = repo.path / "records" / "SW" / "2026" / "SW-20261120-ZZZZ.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("kind: [unclosed\n", encoding="utf-8")
    assert complete("safecheck show ", repo.path)[1] == ["SW-20261120-ZZZZ"]


def test_units_domains_sources_and_runs_complete() -> None:
    _, units = complete("safecheck list --unit ", ROOT)
    assert units == ["SW", "RQ", "JS", "WY"]
    _, domains = complete("safecheck list --domain con", ROOT)
    assert domains == ["confined-space", "construction-sites"]  # not the per-job procedure
    _, checklists = complete("safecheck inspect confined", ROOT)
    assert checklists == ["confined-space", "confined-space-entry"]
    _, sources = complete("safecheck list --source reg", ROOT)
    assert sources == ["regulator"]
    _, runs = complete("safecheck inspections WY-", ROOT)
    assert runs and all(r.startswith("WY-") for r in runs)
    _, zsh = complete("safecheck list --unit ", ROOT, protocol="zsh")
    assert any('"SW":"' in line for line in zsh)  # zsh shows the unit's name beside it


def test_repo_option_is_followed(tmp_path: Path) -> None:
    _, offered = complete(f"safecheck --repo {ROOT} show RQ-", tmp_path)
    assert offered and all(i.startswith("RQ-") for i in offered)


def test_no_repository_or_broken_settings_complete_nothing(repo: SafetyRepo,
                                                           tmp_path: Path) -> None:
    assert complete("safecheck show ", tmp_path) == (0, [])
    assert complete("safecheck list --unit ", tmp_path) == (0, [])
    (repo.path / "safecheck.yaml").write_text("units: [\n", encoding="utf-8")
    assert complete("safecheck list --unit ", repo.path) == (0, [])


def test_completion_through_the_installed_script() -> None:
    env = dict(os.environ, _SAFECHECK_COMPLETE="complete_bash",
               COMP_WORDS="safecheck show WY-", COMP_CWORD="2")
    done = run_installed(cwd=ROOT, env=env)
    assert done.returncode == 0 and done.stderr == ""
    expected = sorted(p.stem for p in (ROOT / "records" / "WY").glob("*/*.yaml"))
    assert sorted(done.stdout.split()) == expected


# --- NO_COLOR and progress need a terminal: pexpect gives them one ---------------------

COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|4[0-9]|10[0-7])[0-9;]*m")


def on_terminal(*args: str, cwd: Path, **env: str) -> str:
    """Run safecheck on a pseudo-terminal and return everything it drew."""
    environ = dict(os.environ, TERM="xterm-256color", COLUMNS="160", **env)
    for name in ("NO_COLOR", "FORCE_COLOR", "SAFECHECK_PROGRESS"):
        if name not in env:
            environ.pop(name, None)
    child = pexpect.spawn(EXE, list(args), cwd=str(cwd), env=environ, encoding="utf-8",
                          timeout=120, dimensions=(40, 160))
    child.expect(pexpect.EOF)
    child.close()
    return child.before or ""


def test_colour_on_a_terminal_and_none_with_no_color() -> None:
    coloured = on_terminal("list", "--as-of", "2026-12-31", cwd=ROOT)
    assert COLOUR.search(coloured), "overdue rows are red on a terminal"
    plain = on_terminal("list", "--as-of", "2026-12-31", cwd=ROOT, NO_COLOR="1")
    assert not COLOUR.search(plain)
    assert plain.count("SW-20261104-D6QA") == coloured.count("SW-20261104-D6QA") == 1
    # any non-empty value disables colour; an empty one does not
    assert not COLOUR.search(on_terminal("show", "SW-20261104-D6QA", cwd=ROOT,
                                         NO_COLOR="false"))
    assert COLOUR.search(on_terminal("list", "--as-of", "2026-12-31", cwd=ROOT, NO_COLOR=""))


def old_ledger(tmp_path: Path) -> SafetyRepo:
    root = tmp_path / "old"
    shutil.copytree(FIXTURE, root)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    repo = SafetyRepo(root)
    repo.commit("schema 1 ledger")
    return repo


BAR = "━"


def record_count(root: Path) -> int:
    from safecheck import layout

    return len([*layout.hazard_files(root), *layout.inspection_files(root)])


def test_migrate_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    repo = old_ledger(tmp_path)
    drawn = on_terminal("migrate", cwd=repo.path, SAFECHECK_PROGRESS="always")
    assert "升级记录格式" in drawn and BAR in drawn
    files = record_count(repo.path)
    assert re.search(rf"(?<![0-9]){files}/{files}(?![0-9])", drawn)  # every file counted
    assert "records/SW/2026/SW-20261104-D6QA.yaml" in drawn


def test_report_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    repo = old_ledger(tmp_path)
    drawn = on_terminal("report", "--month", "2026-11", cwd=repo.path,
                        SAFECHECK_PROGRESS="always")
    assert "读取记录" in drawn and BAR in drawn


def test_no_progress_without_a_terminal(tmp_path: Path) -> None:
    repo = old_ledger(tmp_path)
    env = dict(os.environ, SAFECHECK_PROGRESS="always")
    migrated = run_installed("migrate", cwd=repo.path, env=env)
    assert migrated.returncode == 0
    reported = run_installed("report", "--month", "2026-11", cwd=repo.path, env=env)
    assert reported.returncode == 0
    for done in (migrated, reported):
        for trace in ("升级记录格式", "读取记录", BAR, "\r", "\x1b"):
            assert trace not in done.stderr + done.stdout


def test_progress_can_be_turned_off_on_a_terminal(tmp_path: Path) -> None:
    repo = old_ledger(tmp_path)
    drawn = on_terminal("migrate", cwd=repo.path, SAFECHECK_PROGRESS="never")
    assert BAR not in drawn and "升级记录格式" not in drawn
    assert "records/SW/2026/SW-20261104-D6QA.yaml" in drawn


def test_a_quick_job_shows_no_bar() -> None:
    from safecheck.output.progress import Bar

    now = [100.0]
    bar = Bar(delay=0.5, clock=lambda: now[0])
    task = Msg("progress.migrate")
    bar(task, 0, 10)
    now[0] += 0.4
    bar(task, 9, 10)
    assert not bar.shown
    now[0] += 0.2
    try:
        bar(task, 10, 10)
        assert bar.shown
    finally:
        bar.stop()
    assert not bar.shown


def test_the_core_reports_progress_through_its_callback(tmp_path: Path) -> None:
    from safecheck.formatting import format_records

    repo = old_ledger(tmp_path)
    heard: list[tuple[str, int, int]] = []
    format_records(repo.path, None, check=True, only_old=True,
                   progress=lambda task, done, total: heard.append((task.key, done, total)))
    files = record_count(repo.path)
    assert heard[0] == ("progress.migrate", 0, files)
    assert heard[-1] == ("progress.migrate", files, files)
    assert [done for _, done, _ in heard] == list(range(files + 1))


@pytest.mark.parametrize("command", [["migrate", "--check"], ["fmt", "--check"]])
def test_in_process_runs_draw_nothing(tmp_path: Path, command: list[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECHECK_PROGRESS", "always")
    repo = old_ledger(tmp_path)
    result = run(*command, cwd=repo.path)
    assert "━" not in result.err and "\x1b" not in result.err
