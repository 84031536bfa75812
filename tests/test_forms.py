"""Printable forms through the CLI: 隐患整改通知书 (form notice) and 销号单 (form signoff),
in markdown and print-ready HTML, zh and en, on temporary repositories."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from conftest import make_repo
from helpers import AUTHOR, BASE_FIELDS, SafetyRepo, run

TITLE = "阀门井硫化氢超标<script>alert(1)</script> | 无通风"


# --- a closed major hazard: two rounds, a failed verification between them ---------------

def step(repo: SafetyRepo, day: str, *args: str) -> str:
    os.environ["SAFECHECK_TODAY"] = day
    result = repo.run(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def document(folder: Path, name: str) -> str:
    path = folder / name
    path.write_bytes(name.encode())
    return str(path)


@pytest.fixture(scope="module")
def closed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SafetyRepo, str]]:
    """The major hazard's whole life, built once through the CLI (the forms only read)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        mp.setenv("LANG", "C.UTF-8")
        mp.setenv("SAFECHECK_TODAY", "2026-11-16")
        for key, value in AUTHOR.items():
            mp.setenv(key, value)
        repo = make_repo(tmp_path_factory.mktemp("forms") / "ledger")
        docs = tmp_path_factory.mktemp("docs")
        fields = [*BASE_FIELDS]
        fields[fields.index("general")] = "major"
        fields[fields.index("--title") + 1] = TITLE
        created = step(repo, "2026-11-16", "new-hazard", "--no-input", "--format", "json",
                       *fields, "--interim-measure", "停止集水井内一切作业",
                       "--interim-measure", "井口设置警戒区并上锁")
        hazard_id = str(json.loads(created)["id"])
        step(repo, "2026-11-16", "major", hazard_id, "--reported-on", "2026-11-16",
             "--reported-to", "区应急管理局", "--basis", "《工贸企业重大事故隐患判定标准》第四条",
             "--objectives", "消除中毒窒息风险", "--plan-approved-by", "陈明")
        step(repo, "2026-11-17", "plan", hazard_id, "--measure", "加装防爆轴流风机",
             "--measure", "报警仪与风机联动", "--responsible", "王强",
             "--responsible-department", "运营部", "--funding", "48000",
             "--funding-source", "安全生产费用", "--deadline", "2026-11-30",
             "--contingency-plan", "整改完成前禁止进入")
        step(repo, "2026-11-17", "attach", hazard_id, "--document",
             document(docs, "整改前现场.jpg"), "--kind", "before")
        step(repo, "2026-11-20", "rectify", hazard_id, "--by", "王强", "--actions", "已加装风机",
             "--document", document(docs, "风机.jpg"))
        step(repo, "2026-11-21", "reject", hazard_id, "--verified-by", "张伟",
             "--notes", "报警仪未与风机联动")
        step(repo, "2026-11-22", "extend", hazard_id, "--to", "2026-12-10",
             "--reason", "联动控制柜供货周期", "--approved-by", "陈明")
        step(repo, "2026-11-24", "rectify", hazard_id, "--by", "赵刚",
             "--actions", "报警仪与风机联动调试完成", "--document", document(docs, "联动.jpg"),
             "--document", document(docs, "验收报告.pdf"))
        step(repo, "2026-11-25", "edit", hazard_id, "--root-cause", "新建泵站未考虑通风",
             "--reason", "补填原因分析", "--by", "李明")
        step(repo, "2026-11-26", "major", hazard_id, "--assessed-on", "2026-11-26",
             "--assessed-by", "集团安全生产专家组")
        step(repo, "2026-11-27", "close", hazard_id, "--verified-by", "张伟",
             "--notes", "现场复查合格")
        yield repo, hazard_id


def form(repo: SafetyRepo, *args: str) -> str:
    os.environ["SAFECHECK_TODAY"] = "2026-11-28"
    result = repo.run("form", *args)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


# --- markdown -------------------------------------------------------------------------------

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")


def table_shapes(text: str) -> list[list[int]]:
    """For every table markdown-it finds: the number of cells in each row."""
    shapes: list[list[int]] = []
    for token in MarkdownIt().enable("table").parse(text):
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            shapes[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


def raw_table_shapes(text: str) -> list[list[int]]:
    """The same from the source lines (markdown-it pads short rows and drops extra cells,
    so a value that broke out of its cell shows only here)."""
    shapes: list[list[int]] = []
    previous = False
    for line in text.splitlines():
        row = line.startswith("|")
        if row:
            if not previous:
                shapes.append([])
            if not _DELIMITER.match(line.strip()):
                shapes[-1].append(len(_PIPE.split(line.strip())) - 2)
        previous = row
    return shapes


def check_markdown(text: str) -> str:
    """Every table keeps its columns and nothing escapes into HTML; the rendered page."""
    shapes = table_shapes(text)
    assert shapes and shapes == raw_table_shapes(text)
    for shape in shapes:
        assert len(set(shape)) == 1, shape
    assert "<script>" not in text
    page = MarkdownIt().enable("table").render(text)
    assert "<script>" not in page and "<a href" not in page
    return page


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ["隐患整改销号单", "一个问题一套整改资料", "第1轮整改", "第2轮整改", "不合格", "合格",
            "整改前", "整改后", "其他资料", "销号审批", "验收人（签字）",
            "安全管理部门负责人（签字）", "重大事故隐患管控与治理", "延期后时限", "更正记录",
            "原因分析", "已销号", "2026-11-27"]),
    ("en", ["Hazard Sign-off Sheet", "Round 1", "Round 2", "fail", "pass", "before", "after",
            "Sign-off approval", "Verified by (signature)",
            "Head of the safety department (signature)", "Effective deadline",
            "Corrections", "Root cause", "closed", "2026-11-27"]),
])
def test_signoff_markdown_of_a_closed_major_hazard(closed: tuple[SafetyRepo, str], lang: str,
                                                   words: list[str]) -> None:
    repo, hazard_id = closed
    text = form(repo, "signoff", hazard_id, "--lang", lang)
    page = check_markdown(text)
    for word in [*words, hazard_id, "已加装风机", "报警仪与风机联动调试完成", "报警仪未与风机联动",
                 "现场复查合格", "风机.jpg", "联动.jpg", "验收报告.pdf", "整改前现场.jpg",
                 "区应急管理局", "《工贸企业重大事故隐患判定标准》第四条", "停止集水井内一切作业",
                 "集团安全生产专家组", "2026-12-10", "联动控制柜供货周期", "新建泵站未考虑通风"]:
        assert word in text, word
    # the title stays in its one cell, shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | 无通风" in page
    assert "未销号" not in text and "NOT SIGNED OFF" not in text
    # both verifications, in order, with their results
    results = re.findall(r"\| \d \| 2026-11-2\d \| 张伟 \| (\S+) \|", text)
    assert results == (["不合格", "合格"] if lang == "zh" else ["fail", "pass"])


# --- HTML -----------------------------------------------------------------------------------

_VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}


class Balanced(HTMLParser):
    """Checks that every tag is closed in order, and keeps the text people would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())


def check_html(page: str) -> Balanced:
    """A complete, balanced, self-contained A4 page; what it shows."""
    parser = Balanced()
    parser.feed(page)
    parser.close()
    assert parser.doctype is not None and parser.doctype.lower() == "doctype html"
    assert parser.stack == [] and parser.tags[:3] == ["html", "head", "meta"]
    assert '<meta charset="utf-8">' in page and "@page { size: A4; margin: 18mm; }" in page
    assert '"SimSun"' in page and "border" in page
    assert "script" not in parser.tags
    for external in ("http:", "https:", "src=", "href=", "@import", "url(", "<link"):
        assert external not in page, external
    return parser


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ["第1轮整改", "第2轮整改", "不合格", "合格", "验收人（签字）",
            "安全管理部门负责人（签字）", "销号审批", "已销号"]),
    ("en", ["Round 1", "Round 2", "fail", "pass", "Verified by (signature)",
            "Head of the safety department (signature)", "Sign-off approval", "closed"]),
])
def test_signoff_html_of_a_closed_major_hazard(closed: tuple[SafetyRepo, str], lang: str,
                                               words: list[str]) -> None:
    repo, hazard_id = closed
    page = form(repo, "signoff", hazard_id, "--lang", lang, "--format", "html")
    shown = check_html(page)
    assert f'lang="{"zh-CN" if lang == "zh" else "en"}"' in page
    assert TITLE in shown.text  # one piece of text, not a tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | 无通风" in page
    for word in [*words, hazard_id, "已加装风机", "报警仪与风机联动调试完成", "报警仪未与风机联动",
                 "现场复查合格", "整改前现场.jpg", "验收报告.pdf", "2026-12-10"]:
        assert any(word in piece for piece in shown.text), word


# --- notices and open hazards ---------------------------------------------------------------

def test_a_notice_for_an_open_hazard(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard("--source-ref", "区委第三巡查组反馈意见第5条")
    text = form(repo, "notice", hazard_id)
    check_markdown(text)
    for word in ["隐患整改通知书", "通知书编号", hazard_id, "发出日期", "2026-11-28", "受文部门",
                 "运营部", "三号泵站集水井入口无警示标志", "隐患部位", "三号泵站集水井",
                 "一般隐患", "区委第三巡查组反馈意见第5条", "排查日期", "2026-11-16", "李明",
                 "1. 设置警示标志并加锁；2. 纳入有限空间台账", "王强", "1,200 CNY（安全生产费用）",
                 "整改时限", "2026-11-28", "应急预案（整改期间防范措施）", "整改完成前井口设置围挡",
                 "整改回复", "| 整改情况 |  |", "| 完成日期 |  |", "| 整改责任人签字 |  |",
                 "| 签发人 |  | 签发日期 |  |", "| 签收人 |  | 签收日期 |  |"]:
        assert word in text, word
    assert "重大事故隐患" not in text and "延期后时限" not in text
    page = form(repo, "notice", hazard_id, "--format", "html")
    shown = check_html(page)
    for word in ["整改情况", "完成日期", "整改责任人签字", "签发人", "签收日期",
                 "设置警示标志并加锁"]:
        assert word in shown.text, word


def test_a_notice_for_a_major_hazard_just_registered(en_repo: SafetyRepo) -> None:
    fields = [*BASE_FIELDS]
    fields[fields.index("general")] = "major"
    created = en_repo.run("new-hazard", "--no-input", "--format", "json", *fields,
                          "--interim-measure", "停止作业")
    hazard_id = json.loads(created.out)["id"]
    text = form(en_repo, "notice", hazard_id)  # the ledger's locale: en
    check_markdown(text)
    for word in ["Hazard Rectification Notice", "Major hazard: control and governance",
                 "Interim control measures", "1. 停止作业", "Report to the authority",
                 "not yet reported", "Governance plan approved by", "Basis", "Not yet in place:",
                 "measures", "What was done", "Date received"]:
        assert word in text, word
    assert "隐患整改通知书" not in text
    zh = form(en_repo, "notice", hazard_id, "--lang", "zh", "--format", "html")
    shown = check_html(zh)
    assert "尚未报告" in shown.text and "临时管控措施" in shown.text


def test_a_signoff_sheet_of_an_open_hazard_says_it_is_not_closed(repo: SafetyRepo) -> None:
    hazard_id = repo.new_hazard()
    text = form(repo, "signoff", hazard_id)
    check_markdown(text)
    assert "> **未销号**：本隐患尚未销号（当前状态：整改中）" in text
    assert "| 整改中（未销号） | — | — |" in text
    shown = check_html(form(repo, "signoff", hazard_id, "--format", "html"))
    assert "未销号" in shown.text
    english = form(repo, "signoff", hazard_id, "--lang", "en")
    assert "NOT SIGNED OFF" in english and "status: rectifying" in english


# --- errors, output files, overrides --------------------------------------------------------

def one_line_error(result: Any) -> str:
    assert result.code == 2 and result.out == ""
    assert len(result.err.splitlines()) == 1 and "Traceback" not in result.err
    return str(result.err)


@pytest.mark.parametrize(("hazard_id", "words"), [
    ("SW-20261116-ZZZZ", "SW-20261116-ZZZZ"),
    ("not-an-id", "“not-an-id”不是隐患编号"),
])
def test_an_unknown_hazard_is_one_line(repo: SafetyRepo, hazard_id: str, words: str) -> None:
    for name in ("notice", "signoff"):
        assert words in one_line_error(repo.run("form", name, hazard_id))


@pytest.mark.parametrize(("body", "fmt", "words"), [
    ("line one\n{% for x in %}\n", "markdown", "bad.j2:2 有错误"),
    ("ok\n\n{{ hazard.nothing_here }}\n", "html", "bad.j2:3 有错误"),
    ("{{ ''.__class__.__mro__ }}\n", "markdown", "bad.j2:1 有错误"),
    ("{{ 1 / 0 }}\n", "html", "bad.j2:1 有错误：division by zero"),
    (b"\xff\xfe\x00broken", "markdown", "bad.j2 不是 UTF-8"),
])
def test_a_bad_template_is_one_line_with_file_and_line(
        repo: SafetyRepo, tmp_path: Path, body: str | bytes, fmt: str, words: str) -> None:
    hazard_id = repo.new_hazard()
    template = tmp_path / "bad.j2"
    if isinstance(body, bytes):
        template.write_bytes(body)
    else:
        template.write_text(body, encoding="utf-8")
    result = repo.run("form", "notice", hazard_id, "--format", fmt, "--template", str(template))
    assert words in one_line_error(result)
    missing = repo.run("form", "signoff", hazard_id, "--template", str(tmp_path / "none.j2"))
    assert "none.j2" in one_line_error(missing)


def test_output_to_a_file(repo: SafetyRepo, tmp_path: Path) -> None:
    hazard_id = repo.new_hazard()
    target = tmp_path / "out" / "销号单.html"
    os.environ["SAFECHECK_TODAY"] = "2026-11-28"
    result = repo.run("form", "signoff", hazard_id, "--format", "html", "-o", str(target))
    assert result.code == 0 and result.out == "" and str(target) in result.err
    page = target.read_text(encoding="utf-8")
    assert page == form(repo, "signoff", hazard_id, "--format", "html")
    check_html(page)
    assert [p.name for p in target.parent.iterdir()] == ["销号单.html"]  # no temp debris


def test_a_repository_template_overrides_the_packaged_one(repo: SafetyRepo,
                                                          tmp_path: Path) -> None:
    hazard_id = repo.new_hazard()
    own = repo.path / "templates" / "forms" / "notice.zh.md.j2"
    own.parent.mkdir(parents=True)
    own.write_text("{{ labels.notice_title }} {{ number }} {{ hazard.title }} *\n",
                   encoding="utf-8")
    assert form(repo, "notice", hazard_id) == (
        f"隐患整改通知书 {hazard_id} 三号泵站集水井入口无警示标志 *\n")
    assert form(repo, "notice", hazard_id, "--lang", "en").startswith("**")  # packaged
    html = own.with_name("signoff.zh.html.j2")
    html.write_text("<p>{{ hazard.title }}{{ state.mark }}</p>\n", encoding="utf-8")
    assert form(repo, "signoff", hazard_id, "--format", "html") == (
        "<p>三号泵站集水井入口无警示标志未销号</p>\n")
    mine = tmp_path / "mine.html.j2"
    mine.write_text("{{ '<b>' }}{{ hazard.id }}\n", encoding="utf-8")
    assert form(repo, "signoff", hazard_id, "--format", "html", "--template",
                str(mine)) == f"&lt;b&gt;{hazard_id}\n"


def test_form_help_lists_its_forms() -> None:
    result = run("form", "--help")
    assert result.code == 0 and "notice" in result.out and "signoff" in result.out


# --- the view-model and the templates -------------------------------------------------------

def plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(plain(v) for v in value)
    return value is None or isinstance(value, str | int | bool)


@pytest.mark.parametrize("name", ["notice", "signoff"])
def test_the_view_model_holds_plain_values(closed: tuple[SafetyRepo, str], name: str) -> None:
    import datetime as dt

    from safecheck import forms, store
    from safecheck.context import open_context
    from safecheck.vocab import Locale

    repo, hazard_id = closed
    context = open_context(repo.path)
    stored = store.read_hazard(repo.path, hazard_id)
    data = forms.build(name, stored.hazard, context.settings, context.checklists, Locale.EN,
                       dt.date(2026, 11, 28), stored.relpath)
    assert plain(data)
    assert data["hazard"]["found_on"] == "2026-11-16" and data["labels"]["location"] == "Location"
    assert data["plan"]["deadline"] == "2026-11-30"
    assert data["plan"]["effective_deadline"] == "2026-12-10"
    if name == "signoff":
        assert [v["result"] for v in data["verifications"]] == ["fail", "pass"]
        assert [r["documents"] for r in data["rounds"]] == [["风机.jpg"],
                                                            ["联动.jpg", "验收报告.pdf"]]
        assert data["state"]["closed"] and data["state"]["closed_on"] == "2026-11-27"
        assert data["corrections"][0]["field"] == "root_cause"


def test_form_labels_do_not_collide_and_templates_use_only_known_labels() -> None:
    from safecheck import forms
    from safecheck.resources import packaged_dir
    from safecheck.vocab import Locale

    assert not set(forms.FIELD_LABELS) & set(forms.FORM_WORDS)
    known = forms.labels(Locale.ZH)
    assert len(known) == len(forms.FIELD_LABELS) + len(forms.FORM_WORDS) + len(forms.WORD_LABELS)
    templates = sorted((packaged_dir("templates") / "forms").glob("*.j2"))
    assert len(templates) == 12  # notice, signoff and statistics: zh/en × md/html
    for template in templates:
        source = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        assert set(re.findall(r"labels\.(\w+)", source)) <= set(known), template.name
        # every word comes from the catalogue: no Chinese written into the layout
        assert not re.search(r"[\u4e00-\u9fff]", source), template.name
