"""Reports on the records' own dates: figures computed by hand for a week, a month and a
quarter; golden files in zh and en; the weeks of a month add up to the month."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from helpers import run
from report_history import build
from scenario import MARKDOWN_TRAP, Scenario

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("SAFECHECK_REGENERATE_GOLDEN") == "1"
FLOWS = ("new", "closed", "voided", "reopened", "extensions", "extensions_late", "rectified",
         "major_new", "inspections", "people", "items_checked")


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Scenario, dict[str, str]]:
    saved = os.environ.get("SAFECHECK_TODAY")
    try:
        return build(tmp_path_factory.mktemp("q4") / "ledger")
    finally:
        if saved is not None:
            os.environ["SAFECHECK_TODAY"] = saved


def report(s: Scenario, *args: str, today: str = "2027-01-05") -> str:
    os.environ["SAFECHECK_TODAY"] = today
    result = run("report", *args, cwd=s.path)
    assert result.code == 0, result.err
    return result.out


def figures(s: Scenario, *args: str) -> dict[str, Any]:
    return json.loads(report(s, *args, "--format", "json"))  # type: ignore[no-any-return]


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in rows]


def test_a_week_counted_by_the_records_dates(quarter: tuple[Scenario, dict[str, str]]) -> None:
    s, h = quarter
    data = figures(s, "--week", "2026-W46")          # 11-09 … 11-15
    head = data["headline"]
    assert head["new"] == 1 and ids(data["new_hazards"]) == [h["H7"]]   # H5 was voided
    assert (head["closed"], head["voided"], head["reopened"]) == (0, 1, 0)
    assert (head["extensions"], head["extensions_late"]) == (1, 1)      # granted after 11-10
    assert head["rectified"] == 0 and head["inspections"] == 0
    # as of the week's last day, from the records' dates: H4 was found on 11-05 although
    # it was recorded only on 11-20; H6 was closed then (reopened on 11-16)
    assert (head["open"], head["overdue"], head["major_open"]) == (5, 0, 1)
    assert data["title"] == "安全隐患排查治理周报（2026-W46）"


def test_a_month_counted_by_the_records_dates(quarter: tuple[Scenario, dict[str, str]]) -> None:
    s, h = quarter
    data = figures(s, "--month", "2026-11")
    head = data["headline"]
    assert head["new"] == 5 and sorted(ids(data["new_hazards"])) == sorted(
        h[k] for k in ("H2", "H3", "H4", "H6", "H7"))
    assert (head["closed"], head["voided"], head["reopened"]) == (3, 1, 1)   # H6 twice, H2
    assert (head["extensions"], head["extensions_late"], head["rectified"]) == (1, 1, 4)
    assert (head["inspections"], head["people"], head["items_checked"]) == (2, 3, 5)
    assert (head["open"], head["overdue"], head["verification_overdue"]) == (4, 1, 1)
    assert head["late_registrations"] == 1
    assert [(r["id"], r["lag"]) for r in data["late_registrations"]] == [(h["H4"], 15)]
    assert [(r["id"], r["days_overdue"], r["responsible"]) for r in data["overdue"]] == [
        (h["H4"], 5, "赵刚")]
    late = data["verification_overdue"]
    assert [(r["id"], r["days_overdue"], r["completed_on"]) for r in late] == [
        (h["H7"], 10, "2026-11-18")]
    assert late[0]["verifiers"] == ["陈明", "刘洋"]     # against the verifiers, not 赵刚
    # due on the period's last day: due soon, not overdue (the audit's definition)
    assert [(r["id"], r["days_left"]) for r in data["due_soon"]] == [(h["H3"], 0)]
    rates = data["rates"]
    assert rates["rectification"] == {"part": 2, "whole": 5, "percent": 40.0}
    assert rates["rectification_ytd"] == {"part": 3, "whole": 7, "percent": 42.9}
    assert rates["on_time_rectification"] == {"part": 3, "whole": 3, "percent": 100.0}
    assert rates["on_time_signoff"] == {"part": 2, "whole": 3, "percent": 66.7}  # H2: 11-21
    assert [(r["ref"], r["open"], r["progress"]) for r in data["feedback"]] == [
        ("区委第三巡查组反馈意见第2条", 1, "正在整改")]
    assert data["funding"]["planned_new"] == 5000 and data["funding"]["closed"] == 2000
    assert [(r["id"], r["rounds"]) for r in data["closures"] if r["id"] == h["H6"]] == [
        (h["H6"], 1), (h["H6"], 2)]
    assert data["title"] == "2026年11月安全隐患排查治理月报"


def test_a_quarter_counted_by_the_records_dates(quarter: tuple[Scenario, dict[str, str]]
                                               ) -> None:
    s, h = quarter
    data = figures(s, "--quarter", "2026-Q4")
    head = data["headline"]
    assert (head["new"], head["major_new"], head["closed"], head["rectified"]) == (7, 1, 4, 5)
    assert (head["open"], head["overdue"], head["verification_overdue"]) == (4, 2, 1)
    assert [(r["id"], r["days_overdue"]) for r in data["overdue"]] == [
        (h["H4"], 36), (h["H3"], 31)]
    assert [r["id"] for r in data["due_soon"]] == [h["H8"]]
    assert data["rates"]["rectification"] == {"part": 3, "whole": 7, "percent": 42.9}
    major = data["majors"][0]
    assert (major["id"], major["reported_on"], major["governance"]) == (
        h["H8"], "2026-10-20", True)
    assert [b["label"] for b in data["trend"]] == ["2026-10", "2026-11", "2026-12"]
    assert [(b["new"], b["closed"]) for b in data["trend"]] == [(2, 1), (5, 3), (0, 0)]
    assert data["title"] == "2026年第4季度安全隐患排查治理季报"


WEEKS = [("2026-11-01", "2026-11-01"), ("2026-11-02", "2026-11-08"),
         ("2026-11-09", "2026-11-15"), ("2026-11-16", "2026-11-22"),
         ("2026-11-23", "2026-11-29"), ("2026-11-30", "2026-11-30")]


def test_the_weeks_of_a_month_add_up_to_the_month(quarter: tuple[Scenario, dict[str, str]]
                                                  ) -> None:
    s, _ = quarter
    month = figures(s, "--month", "2026-11")["headline"]
    weeks = [figures(s, "--since", a, "--until", b)["headline"] for a, b in WEEKS]
    for key in FLOWS:
        assert sum(w[key] for w in weeks) == month[key], key
    year = figures(s, "--year", "2026")["headline"]
    months = [figures(s, "--month", f"2026-{m:02d}")["headline"] for m in range(1, 13)]
    for key in FLOWS:
        assert sum(m[key] for m in months) == year[key], key


@pytest.mark.parametrize(("name", "args"), [
    ("report-2026-W46.zh.md", ["--week", "2026-W46"]),
    ("report-2026-W46.en.md", ["--week", "2026-W46", "--lang", "en"]),
    ("report-2026-11.zh.md", ["--month", "2026-11"]),
    ("report-2026-11.en.md", ["--month", "2026-11", "--lang", "en"]),
    ("report-2026-Q4.zh.md", ["--quarter", "2026-Q4"]),
    ("report-2026-Q4.en.md", ["--quarter", "2026-Q4", "--lang", "en"]),
])
def test_reports_match_their_golden_files(quarter: tuple[Scenario, dict[str, str]], name: str,
                                          args: list[str]) -> None:
    text = report(quarter[0], *args)
    golden(name, text)
    assert_tables_keep_their_columns(text)


def test_no_git_words_in_a_zh_report(quarter: tuple[Scenario, dict[str, str]]) -> None:
    text = report(quarter[0], "--month", "2026-11")
    for word in ("提交", "commit", "首父", "HEAD"):
        assert word not in text, word
    assert "台账版本" in text and "数据截至：2026-11-30" in text


def assert_tables_keep_their_columns(text: str) -> None:
    """Every row of every table has as many cells as its header."""
    header = cells = 0
    for token in MarkdownIt().enable("table").parse(text):
        if token.type == "table_open":
            header = 0
        elif token.type == "th_open":
            header += 1
        elif token.type == "tr_open":
            cells = 0
        elif token.type == "td_open":
            cells += 1
        elif token.type == "tr_close" and cells:
            assert cells == header


def test_tables_keep_their_columns_whatever_the_titles(tmp_path: Path) -> None:
    s = Scenario(tmp_path / "trap")
    s.on("2026-11-24", "new-hazard", "--no-input", "--unit", "RQ", "--domain", "fire-safety",
         "--title", MARKDOWN_TRAP, "--description", "x", "--location", "|站|",
         "--level", "general", "--source", "self-inspection", "--found-on", "2026-11-24",
         "--found-by", "李明")
    s.commit_as("赵刚", "登记", "2026-11-24T10:00:00+08:00")
    for lang in ("zh", "en"):
        text = report(s, "--week", "2026-W48", "--lang", lang, today="2026-11-25")
        assert_tables_keep_their_columns(text)
        assert "<script>" not in text


@pytest.mark.parametrize(("args", "words"), [
    (["--week", "2026-W60"], "没有第 60 周"),
    (["--week", "next"], "2026-W48"),
    (["--month", "2026-13"], "2026-11"),
    (["--quarter", "2026-Q5"], "2026-Q4"),
    (["--week", "2026-W46", "--month", "2026-11"], "只能给一种"),
    (["--since", "2026-11-20", "--until", "2026-11-10"], "早于"),
])
def test_bad_windows(quarter: tuple[Scenario, dict[str, str]], args: list[str],
                     words: str) -> None:
    result = run("report", *args, cwd=quarter[0].path)
    assert result.code == 2 and words in result.err and len(result.err.splitlines()) == 1


def test_a_repository_template_overrides_the_packaged_one(
        quarter: tuple[Scenario, dict[str, str]]) -> None:
    s, _ = quarter
    folder = s.path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "report.zh.md.j2").write_text("# {{ title }}：新增 {{ headline.new }}\n",
                                            encoding="utf-8")
    try:
        assert report(s, "--month", "2026-11") == "# 2026年11月安全隐患排查治理月报：新增 5\n"
    finally:
        (folder / "report.zh.md.j2").unlink()


def test_report_at_an_earlier_revision(quarter: tuple[Scenario, dict[str, str]]) -> None:
    s, h = quarter
    then = s.git("rev-list", "-1", "--before=2026-11-15T23:59:59+08:00", "HEAD").strip()
    data = figures(s, "--month", "2026-11", "--at", then)
    # H4 was not recorded yet on 11-15: the ledger as it stood then did not know it
    assert h["H4"] not in ids(data["new_hazards"])
    assert data["revision"]["sha"] == then


def test_report_to_a_file(quarter: tuple[Scenario, dict[str, str]], tmp_path: Path) -> None:
    target = tmp_path / "月报.md"
    result = run("report", "--month", "2026-11", "-o", str(target), cwd=quarter[0].path)
    assert result.code == 0 and target.read_text(encoding="utf-8").startswith("# 示例集团")


def test_the_statistics_form_in_markdown_html_and_xlsx(
        quarter: tuple[Scenario, dict[str, str]], tmp_path: Path) -> None:
    from html.parser import HTMLParser

    from openpyxl import load_workbook

    s, _ = quarter
    os.environ["SAFECHECK_TODAY"] = "2027-01-10"
    markdown = run("form", "statistics", "--quarter", "2026-Q4", cwd=s.path)
    assert markdown.code == 0, markdown.err
    assert_tables_keep_their_columns(markdown.out)
    assert "隐患排查治理情况统计分析表" in markdown.out and "主要负责人（签字）" in markdown.out
    # figures computed by hand (see report_history.py): H5 was voided, H1/H2/H6 closed
    assert "| 水务公司 | 1 | 4 | 3 | 75.0 | 3 | 3 | 1 | 0 | 1 | 1 | 0 | 4000 | 3000 |" in (
        markdown.out)
    assert "| 燃气公司 | 1 | 3 | 0 | 0.0 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 3000 | 0 |" in markdown.out
    assert "| 合计 | 2 | 7 | 3 | 42.9 | 6 | 3 | 1 | 0 | 1 | 1 | 0 | 7000 | 3000 |" in markdown.out

    page = run("form", "statistics", "--quarter", "2026-Q4", "--format", "html", "--lang",
               "en", cwd=s.path)
    assert page.code == 0, page.err

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.cells = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in ("meta", "br"):
                self.stack.append(tag)
            self.cells += tag == "td"

        def handle_endtag(self, tag: str) -> None:
            assert self.stack.pop() == tag

    parser = Cells()
    parser.feed(page.out)
    assert parser.stack == [] and parser.cells == 3 * 14 + 4
    assert "Hazard Inspection and Rectification Statistics" in page.out

    target = tmp_path / "统计分析表.xlsx"
    assert run("form", "statistics", "--quarter", "2026-Q4", "--format", "xlsx", "-o",
               str(target), cwd=s.path).code == 0
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[1][0] == "隐患排查治理情况统计分析表" and rows[3][0] == "单位"
    assert rows[6][:5] == ["合计", 2, 7, 3, 42.9]
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows
    no_output = run("form", "statistics", "--quarter", "2026-Q4", "--format", "xlsx",
                    cwd=s.path)
    assert no_output.code == 2 and "-o" in no_output.err
    both = run("form", "statistics", "--quarter", "2026-Q4", "--year", "2026", cwd=s.path)
    assert both.code == 2


def test_the_commit_cache_answers_as_git_does(quarter: tuple[Scenario, dict[str, str]]
                                              ) -> None:
    """The report's window questions, from the commit cache (cold, warm, and after the
    cache file was damaged), equal git's own walk of the window."""
    import datetime as dt

    from safecheck.cache import cache_dir
    from safecheck.commit_log import CACHE_FILE, CommitLog
    from safecheck.gitrepo import GitRepo

    s, _ = quarter
    git = GitRepo(s.path)
    head = git.resolve("HEAD")
    folder = cache_dir(s.path)
    assert folder is not None
    for since in (dt.date(2026, 10, 1), dt.date(2026, 11, 9), dt.date(2026, 12, 20)):
        walked = git.log([head], since=since)
        added = git.added_since(head, since)
        (folder / CACHE_FILE).unlink(missing_ok=True)
        for _ in ("cold", "warm"):
            log = CommitLog(git, s.path)
            assert log.first_parent(head, since) == walked
            assert log.added_since(head, since) == added
            log.save()
        (folder / CACHE_FILE).write_bytes(b"\x00not marshal")
        assert CommitLog(git, s.path).first_parent(head, since) == walked
    assert git.added_since(head, dt.date(2026, 10, 1)), "the history adds files"


def test_the_commit_cache_follows_merges_as_git_does(tmp_path: Path) -> None:
    """Merges: the first-parent line with the merge's own changes; files added on a
    branch count from the branch's commit."""
    import datetime as dt
    import subprocess

    from safecheck.commit_log import CommitLog
    from safecheck.gitrepo import GitRepo

    def git_at(day: str, *args: str) -> None:
        when = f"2026-11-{day}T10:00:00+08:00"
        env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True,
                       capture_output=True)

    def commit(day: str, name: str, text: str) -> None:
        (tmp_path / name).write_text(text, encoding="utf-8")
        git_at(day, "add", name)
        git_at(day, "commit", "-q", "-m", name)

    git_at("01", "init", "-q", "-b", "main")
    commit("02", "a.yaml", "a: 1\n")
    git_at("03", "checkout", "-q", "-b", "side")
    commit("04", "b.yaml", "b: 1\n")
    commit("05", "a.yaml", "a: 2\n")
    git_at("06", "checkout", "-q", "main")
    commit("07", "c.yaml", "c: 1\n")
    git_at("08", "merge", "-q", "--no-ff", "-m", "merge side", "side")
    repo = GitRepo(tmp_path)
    head = repo.resolve("HEAD")
    since = dt.date(2026, 11, 1)
    walked = repo.log([head], since=since)
    assert any(len(c.parents) > 1 and c.changes for c in walked)
    added = repo.added_since(head, since)
    for run_ in ("cold", "warm"):
        log = CommitLog(repo, tmp_path)
        assert log.first_parent(head, since) == walked
        assert log.added_since(head, since) == added
        assert set(added) == {"a.yaml", "b.yaml", "c.yaml"}
        log.save()
        assert (tmp_path / ".git" / "safecheck" / "commits.marshal").is_file()
        if run_ == "cold":  # warm: git is asked for the ids only, never for a commit
            repo.commits = lambda shas: [] if not shas else pytest.fail("asked git")  # type: ignore[method-assign]
            repo.added_by = lambda shas: {} if not shas else pytest.fail("asked git")  # type: ignore[method-assign]
    # Entries of the wrong shape are asked again, never believed.
    del repo.commits, repo.added_by  # type: ignore[attr-defined]
    from safecheck.cache import ParsedCache
    from safecheck.commit_log import CACHE_FILE

    cache = ParsedCache(tmp_path / ".git" / "safecheck" / CACHE_FILE, "commits v1")
    for sha in repo.rev_list(head, since, first_parent=False):
        cache.put("a" + sha, ("not a date", ("x.yaml",)))
        cache.put("c" + sha, ("garbage",))
    cache.save()
    log = CommitLog(repo, tmp_path)
    assert log.added_since(head, since) == added
    assert log.first_parent(head, since) == walked


def test_damaged_timeline_entries_are_worked_out_again(
        quarter: tuple[Scenario, dict[str, str]]) -> None:
    """Each record version's timeline is cached as its own string; an entry that does not
    unpack (garbage, a wrong shape, a day out of range) is rebuilt from the record, and
    the report is the one a cold run gives."""
    import marshal

    from safecheck.cache import cache_dir

    s, _ = quarter
    folder = cache_dir(s.path)
    assert folder is not None
    cache = folder / "summaries.marshal"
    cache.unlink(missing_ok=True)
    cold = report(s, "--quarter", "2026-Q4", "--format", "json")
    tag, entries = marshal.loads(cache.read_bytes())  # noqa: S302 - our own file
    keys = sorted(k for k, v in entries.items() if v != "invalid")
    assert len(keys) > 10
    wire = list(marshal.loads(entries[keys[3]]))  # noqa: S302 - our own file
    wire[8] = 10**9  # the day it was found: far beyond any calendar
    damage = [b"\x00garbage", marshal.dumps((1, 2)), marshal.dumps(("x",) * 20),
              marshal.dumps(tuple(wire))]
    for key, bad in zip(keys, damage, strict=False):
        entries[key] = bad
    cache.write_bytes(marshal.dumps((tag, entries)))
    assert report(s, "--quarter", "2026-Q4", "--format", "json") == cold
    _, repaired = marshal.loads(cache.read_bytes())  # noqa: S302 - our own file
    assert all(repaired[key] != bad for key, bad in zip(keys, damage, strict=False))
    assert report(s, "--quarter", "2026-Q4", "--format", "json") == cold


def test_a_report_without_caches_is_the_same_report(
        quarter: tuple[Scenario, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Without any cache, the records' versions are read, parsed (in workers) and turned
    into timelines a batch at a time, keeping none of their texts or models: the report
    is the one the caches give."""
    from safecheck import history, parallel

    s, _ = quarter
    cached = [report(s, *window, "--format", "json")
              for window in (["--quarter", "2026-Q4"], ["--week", "2026-W47"])]
    monkeypatch.setattr(history, "_BATCH", 3)
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setenv("SAFECHECK_NO_CACHE", "1")
    assert [report(s, *window, "--format", "json")
            for window in (["--quarter", "2026-Q4"], ["--week", "2026-W47"])] == cached
