"""One language per ledger: a zh ledger shows no English word but identifiers, an en
ledger no Chinese but the records' own values.

A sample of errors, findings and help pages runs through the CLI on a zh and an en
ledger; a small checker strips what may stay as written (IDs, option names, field paths,
rule ids, file paths, values the user typed, the choices an option takes) and finds what
is left in the other language.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import safecheck.words
from helpers import BASE_FIELDS, PLAN, SafetyRepo
from records import PLAN as RECORD_PLAN
from records import REPORTED, data
from safecheck import yamlio
from safecheck.audit import RULES
from safecheck.i18n import text as word
from safecheck.importing.columns import fields as import_fields
from safecheck.vocab import DEFAULT_DOMAINS, DEFAULT_SOURCES, Level, Status
from safecheck.words import CATALOGUE

# --- the checker -------------------------------------------------------------------------

#: Lifecycle and review rule ids (audit's come from safecheck.audit.RULES).
def _command_names() -> set[str]:
    import typer.main

    from safecheck.cli.app import app

    def walk(command: object) -> set[str]:
        names = {getattr(command, "name", "") or ""}
        for child in getattr(command, "commands", {}).values():
            names |= walk(child)
        return names
    return walk(typer.main.get_command(app)) - {""}


COMMAND_NAMES = _command_names()
OTHER_RULES = {"append-only", "closed-edited", "deadline-moved", "documents-sealed",
               "downgrade", "future-entry", "independence", "late-entry", "role",
               "status-jump", "uncorrected-edit", "unknown-person", "closure-author",
               "closure-documents", "deleted", "id-changed", "settings-changed",
               "signed-closures"}
RULE_IDS = set(RULES) | OTHER_RULES

#: Words that stay as written in a Chinese ledger: names of tools, formats and fields of
#: safecheck.yaml, git refs, and the values options take (what a user types).
ALLOWED = {
    "safecheck", "git", "fetch", "YAML", "JSON", "CSV", "XLSX", "UTF", "ISO", "CNY", "HEAD",
    "YYYY", "Jinja", "Schema", "PATH", "main", "origin", "locale", "kind", "schema",
    "GitLab", "GitHub", "JUnit", "XML", "pip", "PyPI",
    # choices and values a user types
    "text", "json", "table", "csv", "xlsx", "markdown", "github", "pass", "fail", "before",
    "after", "other", "hazard", "inspection", "checklist", "settings", "error", "warning",
    "off", "true", "false", "from", "junit", "gitlab", "this", "last",
    "bash", "zsh", "fish", "powershell", *import_fields(),
    *{level.value for level in Level},
    *{status.value for status in Status}, *DEFAULT_DOMAINS, *DEFAULT_SOURCES,
    # the commands themselves
    *COMMAND_NAMES,
}

_STRIP = [re.compile(p) for p in (
    r"\S*/\S*",                                            # paths, refs with a slash
    r"[\w.-]*\.(?:yaml|yml|md|j2|csv|xlsx|jpg|pdf|txt|json)\b",  # file names, suffixes
    r"\S+\.\.\S+",                                         # revision ranges
    r"\S+@\S+",                                            # e-mail addresses
    r"“[^”]*”",                                            # what the user wrote, quoted
    r"\bsafecheck(?: [a-z][a-z-]*)?",                      # commands as they are typed
    r"\bGitHub Actions\b|\bVS Code\b",                     # products' names
    r"[A-Z0-9]{2,6}-\d{8}-[\w-]+",                         # hazard and inspection IDs
    r"\b[0-9a-f]{7,40}\b",                                 # commit ids
    r"(?<![\w-])--?[A-Za-z][\w-]*",                        # option names
    r"\b[a-z_]+(?:\.[a-z0-9_]+)+\b",                       # field paths: plan.deadline
    r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b",                       # snake_case names
    r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b",                       # kebab-case ids and values
    r"\b[a-z_]+(?=[:：])",                                 # a field named before its problem
)]
_WORD = re.compile(r"[A-Za-z]{3,}")
_CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


def english_words(output: str, typed: Iterable[str] = ()) -> list[str]:
    """English words left in ``output`` once identifiers and typed values are removed."""
    for value in sorted(typed, key=len, reverse=True):
        output = output.replace(value, " ")
    for pattern in _STRIP:
        output = pattern.sub(" ", output)
    return [w for w in _WORD.findall(output) if w not in ALLOWED and w not in RULE_IDS]


def chinese_runs(output: str, values: Iterable[str]) -> list[str]:
    """Runs of Chinese in ``output`` that are no part of a value from the records, the
    settings or the command line (a wrapped table cell shows a value in pieces)."""
    known = ["".join(v.split()) for v in values]
    return [run for run in _CJK_RUN.findall(output)
            if not any(run.strip("（）：，。、") in value for value in known)]


# --- the sample --------------------------------------------------------------------------

#: What the sample types that is neither an identifier nor a choice.
TYPED = {"severe", "mining", "gossip", "abc", "nosuchrev", "nonsense", "nosuch", "lst",
         "colour", "bogus", "tcsh"}


def _record(repo: SafetyRepo, hazard_id: str, content: str | bytes) -> None:
    path = repo.record_path(hazard_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def _bad_records(repo: SafetyRepo) -> dict[str, str]:
    """One broken record per problem, keyed by its ID."""
    def record(number: int, **changes: object) -> tuple[str, str]:
        hazard_id = f"SW-20261116-{number:04d}"
        return hazard_id, yamlio.dump(data("rectifying", id=hazard_id, **changes))

    broken = dict([
        record(3, location=None), record(4, level="serious"), record(5, unit="sw"),
        record(6, colour="red"), record(7, title=""),
    ])
    good = yamlio.dump(data("rectifying", id="SW-20261116-0001"))
    broken["SW-20261116-0001"] = good.replace("level: general", "level: [general")
    broken["SW-20261116-0002"] = good.replace("id: SW-20261116-0001", "id: SW-20261116-0002") \
        .replace("status: rectifying", "status: rectifying\nstatus: verifying")
    broken["SW-20261116-0008"] = good.replace("id: SW-20261116-0001", "id: SW-20261116-0008") \
        + "# padding\n" * (yamlio.MAX_FILE_BYTES // 10)
    for hazard_id, content in broken.items():
        _record(repo, hazard_id, content)
    (repo.path / "records" / "SW" / "2026" / "notes.txt").write_text("x", encoding="utf-8")
    return broken


def sample(repo: SafetyRepo) -> list[tuple[str, str]]:
    """(what was run, everything it printed) for errors, findings and help pages."""
    hazard_id = repo.new_hazard()
    unplanned = repo.new_hazard(plan=False)
    repo.commit("登记隐患", "2026-11-16T10:00:00+08:00")
    text = repo.read(hazard_id)
    repo.record_path(hazard_id).write_text(text.replace("deadline: 2026-11-28",
                                                        "deadline: 2026-12-28"),
                                           encoding="utf-8")
    repo.commit("手工修改", "2026-11-17T10:00:00+08:00")
    runs = [("review HEAD~1..HEAD", ["review", "HEAD~1..HEAD"])]
    runs += [(f"show {bad}", ["show", bad]) for bad in _bad_records(repo)]
    fields = list(BASE_FIELDS)
    blocked = repo.path / "schemas"
    exported = repo.path.parent / "ledger.csv"
    no_header = repo.path.parent / "notes.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    bad_row = repo.path.parent / "rows.csv"  # the export's headings, a row that is wrong
    locale = "en" if "locale: en" in (repo.path / "safecheck.yaml").read_text("utf-8") else "zh"
    bad_row.write_text(",".join(word("field." + f, locale) for f in (
        "title", "location", "domain", "level", "found_on", "found_by")) +
        "\nabc,abc,fire-safety,severe,2026-02-30,abc\n", encoding="utf-8")
    (blocked / "hazard.schema.json").mkdir(parents=True)  # a folder where a schema goes

    def new(option: str, value: str) -> list[str]:
        changed = list(fields)
        changed[changed.index(option) + 1] = value
        return ["new-hazard", "--no-input", *changed]

    runs += [
        ("audit", ["audit", "--as-of", "2026-12-10"]),
        ("audit strict", ["audit", "--strict"]),
        ("list", ["list"]),
        ("show", ["show", unplanned]),
        ("bad level", ["list", "--level", "severe"]),
        ("negative days", ["list", "--due-within", "-1"]),
        ("unknown option", ["audit", "--colour"]),
        ("unknown command", ["lst"]),
        ("missing argument", ["show"]),
        ("missing option", ["extend", hazard_id]),
        ("option without value", ["list", "--format"]),
        ("unknown unit", new("--unit", "XX")),
        ("unknown domain", new("--domain", "mining")),
        ("unknown source", new("--source", "gossip")),
        ("impossible date", new("--found-on", "2026-02-30")),
        ("missing options", ["new-hazard", "--no-input", "--unit", "SW"]),
        ("not a number", ["plan", hazard_id, "--funding", "abc"]),
        ("unknown ID", ["show", "SW-20261116-0000"]),
        ("not an ID", ["show", "nonsense"]),
        ("close refused", ["close", hazard_id, "--verified-by", "张伟"]),
        ("reopen refused", ["reopen", hazard_id, "--reason", "复查", "--by", "陈明",
                            "--deadline", "2026-12-30"]),
        ("plan refused", ["plan", hazard_id, "--deadline", "2026-12-30"]),
        ("rectify refused", ["rectify", hazard_id, "--by", "王强", "--actions", "已整改"]),
        ("unknown revision", ["report", "--at", "nosuchrev"]),
        ("review unknown revision", ["review", "nosuchrev..HEAD"]),
        ("bad week", ["report", "--week", "2026-W99"]),
        ("bad month", ["report", "--month", "2026-13"]),
        ("two windows", ["report", "--week", "2026-W48", "--month", "2026-11"]),
        ("until before since", ["report", "--since", "2026-11-20", "--until", "2026-11-01"]),
        ("no history", ["history", "SW-20261116-0000"]),
        ("xlsx without file", ["export", "--format", "xlsx"]),
        ("unknown checklist", ["inspect", "nosuch", "--unit", "SW", "--by", "李明"]),
        ("unknown item", ["inspect", "fire-safety", "--unit", "SW", "--by", "李明", "--fail",
                          "FS-99=消防通道堵塞"]),
        ("unknown campaign", ["inspections", "--campaign", "bogus"]),
        ("init again", ["init", str(repo.path), "--org", "示例集团", "--unit", "SW=水务公司"]),
        ("bad base branch", ["init", str(repo.path / "sub"), "--org", "示例集团", "--unit",
                             "SW=水务公司", "--base-branch", "no such"]),
        ("ci without install", ["ci", "github"]),
        ("ci bad install", ["ci", "gitlab", "--install", "safecheck{x}"]),
        ("validate", ["validate"]),
        ("validate outside", ["validate", "/nonexistent/x.yaml"]),
        ("schema unknown kind", ["schema", "nosuch"]),
        ("schema unreadable", ["schema", "--output", str(blocked)]),
        ("completion unknown shell", ["completion", "tcsh"]),
        ("export", ["export", "-o", str(exported)]),
        ("import the export again", ["import", str(exported), "--dry-run"]),
        ("import without a header", ["import", str(no_header)]),
        ("import a bad row", ["import", str(bad_row), "--unit", "SW", "--source",
                              "self-inspection"]),
        ("help", ["--help"]),
        ("bare", []),
    ]
    runs += [(f"{command} --help", [command, "--help"]) for command in (
        "new-hazard", "plan", "close", "major", "edit", "list", "inspect", "inspections",
        "report", "review", "export", "init", "fmt", "ci", "validate", "schema",
        "completion", "import")]
    out = []
    for label, args in runs:
        result = repo.run(*args)
        out.append((label, result.out + result.err))
    return out


def test_the_sample_is_large_enough(repo: SafetyRepo) -> None:
    shown = sample(repo)
    failures = [output for _, output in shown if "错误" in output]
    assert len(failures) >= 25 and len(shown) >= 50


def test_a_chinese_ledger_speaks_chinese(repo: SafetyRepo) -> None:
    leaks = {label: english_words(output, TYPED) for label, output in sample(repo)}
    assert not {label: words for label, words in leaks.items() if words}, leaks


def _values() -> set[str]:
    """Every value of a record, the settings or the command line the sample uses."""
    found = {"示例集团", "水务公司", "燃气公司", "张伟", "陈明", "李明", "王强", "复查",
             "已整改", "手工修改", "消防通道堵塞", *BASE_FIELDS, *PLAN}

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.add(value)

    walk(REPORTED)
    walk(RECORD_PLAN)
    walk(data("closed"))
    return found


def test_an_english_ledger_speaks_english(en_repo: SafetyRepo) -> None:
    values = _values()
    leaks = {label: chinese_runs(output, values) for label, output in sample(en_repo)}
    assert not {label: runs for label, runs in leaks.items() if runs}, leaks


# --- the catalogue and the command tree --------------------------------------------------

MODULES = [value for value in vars(safecheck.words).values()
           if isinstance(value, types.ModuleType) and hasattr(value, "WORDS")]
_FIELD = re.compile(r"\{([A-Za-z_]+)[^}]*\}")


def test_no_key_is_defined_twice_and_both_languages_take_the_same_parameters() -> None:
    seen: dict[str, str] = {}
    for module in MODULES:
        for key in module.WORDS:
            assert key not in seen, f"{key} in {seen.get(key)} and {module.__name__}"
            seen[key] = module.__name__
    assert set(seen) == set(CATALOGUE)
    for key, (zh, en) in CATALOGUE.items():
        assert set(_FIELD.findall(zh)) == set(_FIELD.findall(en)), key
        assert not _CJK_RUN.search(en), key


def _tree(command: object, path: str = "") -> Iterable[tuple[str, object]]:
    """Every command and group under ``command`` (a sub-app's too), with its path."""
    for name, sub in getattr(command, "commands", {}).items():
        yield f"{path} {name}".strip(), sub
        yield from _tree(sub, f"{path} {name}")


def test_every_help_text_and_metavar_is_a_catalogue_key() -> None:
    import typer

    from safecheck.cli.app import app
    from safecheck.cli.help import GROUPS

    group = typer.main.get_command(app)
    assert group.help in CATALOGUE
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help == f"help.{name}", name
        assert command.rich_help_panel in GROUPS, name
    for name, command in _tree(group):
        assert command.help in CATALOGUE, name  # type: ignore[attr-defined]
        for param in command.params:  # type: ignore[attr-defined]
            assert param.help in CATALOGUE, (name, param.name)
            choices = getattr(param.type_descriptor, "choices", None)
            flag = getattr(param, "is_flag", False)
            assert flag or choices or param.metavar in CATALOGUE, (name, param.name)


def test_every_command_is_in_exactly_one_group(repo: SafetyRepo) -> None:
    page = repo.run("--help").out
    import typer

    from safecheck.cli.app import app

    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    listed = [line.split()[0] for line in page.splitlines()
              if line.startswith("  ") and line.split()[0] in names]
    assert sorted(listed) == sorted(names)
    for heading in ("登记与整改：", "重大隐患：", "台账查询：", "排查：", "报告与审查：",
                    "文件与设置："):
        assert heading in page


def test_bare_safecheck_prints_the_help(repo: SafetyRepo) -> None:
    result = repo.run()
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("用法：safecheck [选项] 命令 [参数]...")
    assert len(result.out.splitlines()) > 20


def test_help_outside_a_ledger_follows_lang(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import run

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    english = run("plan", "--help", cwd=tmp_path).out
    assert english.startswith("Usage: safecheck plan [OPTIONS] ID")
    assert "--deadline DATE" in english and "<str>" not in english
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    chinese = run("plan", "--help", cwd=tmp_path).out
    assert chinese.startswith("用法：safecheck plan [选项] 编号")
    assert "--deadline 日期" in chinese and "整改时限。" in chinese


def test_init_speaks_the_language_it_is_given(tmp_path: Path) -> None:
    from helpers import run

    done = run("init", str(tmp_path / "zh"), "--org", "示例集团", "--unit", "SW=水务公司",
               "--lang", "zh")
    # a folder outside git becomes a repository first (on main), then the files
    assert done.code == 0 and done.out.startswith("已新建 git 仓库（分支 main）：")
    assert "\n已创建 " in done.out
    done = run("init", str(tmp_path / "en"), "--org", "Example", "--unit", "SW=Water",
               "--lang", "en")
    assert done.code == 0 and done.out.startswith("created a git repository (branch main): ")
    assert "\ncreated " in done.out
    readme = (tmp_path / "en" / "templates" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Report templates")


def test_the_checker_finds_the_other_language() -> None:
    assert english_words("safecheck：错误：records/SW/2026/x.yaml:3: plan.deadline：不能为空") \
        == []
    # command names and statuses are identifiers; the rest of the sentence is not
    assert english_words("safecheck：错误：cannot close SW-20261116-7KQF: it is rectifying") \
        == ["cannot"]
    assert chinese_runs("error: 台账校验未通过 (三号泵站集水井)", {"三号泵站集水井"}) \
        == ["台账校验未通过"]


def test_every_message_renders_as_string_formatter_renders_it() -> None:
    """Messages are formatted from templates parsed once; every template of the
    catalogue, in both languages, with words, numbers, plurals, lists, nested messages and
    a missing parameter, comes out as ``string.Formatter`` makes it."""
    import datetime as dt
    import string

    from safecheck.i18n import Msg, _Formatter, text
    from safecheck.vocab import Locale, Status
    from safecheck.words import CATALOGUE

    samples: list[Any] = ["甲", 3, 1, Status.CLOSED, Msg("status.closed"), ["a", "b"],
                          dt.date(2026, 11, 21), "\x1b[31m"]
    rendered = 0
    for key, pair in CATALOGUE.items():
        for locale, template in zip((Locale.ZH, Locale.EN), pair, strict=True):
            names = [n for _, n, _, _ in string.Formatter().parse(template) if n]
            for index, sample in enumerate(samples):
                params = {n: sample for n in names[index % 2:]}  # some left out
                want = _Formatter(locale).vformat(template, (), params)
                assert text(key, locale, **params) == want, (key, locale, params)
                rendered += 1
    assert rendered > 5000
