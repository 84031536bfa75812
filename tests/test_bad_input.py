"""Bad input, through the installed console script: one line, exit 2 (1 from audit),
no traceback, nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import BASE_FIELDS, PLAN, SafetyRepo, run_installed
from records import data
from safecheck import yamlio

HAZARD_ID = "SW-20261116-7KQF"
GOOD = yamlio.dump(data("rectifying"))
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9))

BAD_FILES = {
    "invalid YAML": (GOOD.replace("level: general", "level: [general"), "YAML 格式错误"),
    "missing field": (GOOD.replace("location: 三号泵站集水井\n", ""), "缺少此项"),
    "impossible date": (GOOD.replace("found_on: 2026-11-16", "found_on: 2026-02-30"),
                        "不是有效的日期"),
    "empty title": (GOOD.replace("title: 三号泵站集水井入口无有限空间警示标志", "title: ''"),
                    "须为一行非空文本"),
    "negative funding": (GOOD.replace("amount: 1200", "amount: -1200"), "不能为负数"),
    "document outside": (yamlio.dump(data("verifying", documents={"after": ["../../x.jpg"]})),
                         "普通文件名"),
    "merge conflict": (GOOD.replace("status: rectifying\n", "<<<<<<< HEAD\nstatus: rectifying\n"
                                    "=======\nstatus: verifying\n>>>>>>> other\n"),
                       "合并冲突标记"),
    "alias bomb": (BOMB, "YAML 别名"),
    "not a mapping": ("- just\n- a list\n", "应为“字段: 值”形式的映射，实际是列表"),
}


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def place(repo: SafetyRepo, content: str | bytes) -> Path:
    path = repo.record_path(HAZARD_ID)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_record_file(repo: SafetyRepo, case: str) -> None:
    content, words = BAD_FILES[case]
    place(repo, content)
    before = repo.snapshot()
    shown = run_installed("show", HAZARD_ID, cwd=repo.path)
    assert shown.returncode == 2
    line = one_line_error(shown.stderr)
    assert line.startswith(f"safecheck：错误：records/SW/2026/{HAZARD_ID}.yaml")
    assert words in line
    changed = run_installed("close", HAZARD_ID, "--verified-by", "张伟", cwd=repo.path)
    assert changed.returncode == 2 and words in one_line_error(changed.stderr)
    audit = run_installed("audit", "--format", "github", cwd=repo.path)
    assert audit.returncode == 1 and "Traceback" not in audit.stderr
    assert "title=invalid::" in audit.stdout and words in audit.stdout
    assert repo.snapshot() == before


def test_a_50_megabyte_file(repo: SafetyRepo) -> None:
    path = repo.record_path(HAZARD_ID)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(GOOD.encode())
        handle.write(b"# padding\n" * (5 * 1024 * 1024))
    shown = run_installed("show", HAZARD_ID, cwd=repo.path)
    assert shown.returncode == 2 and "文件过大" in one_line_error(shown.stderr)
    audit = run_installed("audit", cwd=repo.path)
    assert audit.returncode == 1 and "文件过大" in audit.stdout


@pytest.mark.parametrize(("change", "words"), [
    (("--unit", "XX"), "未知单位“XX”"),
    (("--domain", "mining"), "未知排查领域“mining”"),
    (("--source", "gossip"), "未知隐患来源“gossip”"),
    (("--found-on", "2026-02-30"), "--found-on：“2026-02-30”不是有效的日期"),
    (("--title", ""), "title"),
    (("--level", "severe"), "--level"),
])
def test_bad_new_hazard_options(repo: SafetyRepo, change: tuple[str, str], words: str) -> None:
    fields = list(BASE_FIELDS)
    option, value = change
    fields[fields.index(option) + 1] = value
    result = run_installed("new-hazard", "--no-input", *fields, cwd=repo.path)
    assert result.returncode == 2
    assert words in one_line_error(result.stderr)
    assert not list((repo.path / "records").rglob("*.yaml"))


def test_negative_funding_option(repo: SafetyRepo) -> None:
    plan = list(PLAN)
    plan[plan.index("--funding") + 1] = "-5"
    result = run_installed("new-hazard", "--no-input", *BASE_FIELDS, *plan, cwd=repo.path)
    assert result.returncode == 2 and "不能为负数" in one_line_error(result.stderr)


def test_unknown_id_and_unknown_option(repo: SafetyRepo) -> None:
    result = run_installed("show", "SW-20261116-0000", cwd=repo.path)
    assert result.returncode == 2 and "台账中没有隐患 SW-20261116-0000" in one_line_error(
        result.stderr)
    result = run_installed("audit", "--colour", cwd=repo.path)
    assert result.returncode == 2 and "--colour" in one_line_error(result.stderr)


def test_bad_settings_file(repo: SafetyRepo) -> None:
    settings = repo.path / "safecheck.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("code: SW", "code: sw"),
                        encoding="utf-8")
    result = run_installed("audit", cwd=repo.path)
    assert result.returncode == 2
    assert "safecheck.yaml:5: units.0.code:" in one_line_error(result.stderr)


def test_bad_today(repo: SafetyRepo) -> None:
    env = dict(os.environ, SAFECHECK_TODAY="2026-13-01")
    result = run_installed("audit", cwd=repo.path, env=env)
    assert result.returncode == 2 and "SAFECHECK_TODAY" in one_line_error(result.stderr)

