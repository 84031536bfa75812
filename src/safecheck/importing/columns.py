"""Which column of a spreadsheet means which field: the headings ``export`` writes (in
both languages) and the common spellings of Chinese 隐患台账, compared after
normalisation (full-width and half-width alike, spaces and punctuation ignored, case
folded), plus what ``--map HEADING=FIELD`` says.

Fields are the keys of :data:`safecheck.tabular.COLUMNS` (the export's columns) and
``seq`` (序号, the row's own number).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from safecheck.errors import SafecheckError
from safecheck.i18n import Msg, text
from safecheck.importing.sheets import SheetRow
from safecheck.tabular import COLUMNS

#: How each field's cells are read (see :mod:`safecheck.importing.cells`).
KINDS: dict[str, str] = {
    "id": "line", "seq": "line", "unit": "unit", "department": "line", "domain": "domain",
    "checklist_item": "line", "inspection": "line", "title": "line", "description": "text",
    "location": "line", "level": "level", "source": "source", "source_ref": "line",
    "found_on": "date", "found_by": "name", "root_cause": "text", "measures": "list",
    "responsible": "name", "responsible_department": "line", "funding": "amount",
    "funding_source": "line", "deadline": "date", "extended_to": "date",
    "extension_reason": "text", "extension_approved_by": "name",
    "extension_approved_on": "date", "contingency_plan": "text", "contractor": "line",
    "contract": "line", "safety_agreement": "line", "supervisor": "name",
    "completed_on": "date", "rectified_by": "name", "actions": "text", "verified_on": "date",
    "verified_by": "name", "verification": "result", "verification_notes": "text",
    "status": "status", "days_overdue": "derived", "reopened_on": "date",
    "reopened_by": "name", "reopen_reason": "text", "reopen_deadline": "date",
    "voided_on": "date", "voided_by": "name", "void_reason": "text", "basis": "line",
    "interim_measures": "list", "reported_on": "date", "reported_to": "line",
    "supervised_by": "line", "objectives": "text", "plan_approved_by": "name",
    "assessed_on": "date", "assessed_by": "line", "assessment_result": "result",
    "assessment_notes": "text", "signoff_on": "date", "signoff_by": "line",
    "signoff_reference": "line", "documents": "derived", "path": "derived",
}

#: Columns that are read but never set on a record: figures the ledger computes
#: (逾期天数), where the file was (文件), the names of document files (整改资料: files are
#: not in a spreadsheet) and the inspection run (排查记录: runs are not imported). Their
#: cells stay in each record's import transcript.
NOT_IMPORTED = ("days_overdue", "path", "documents", "inspection")

#: Spellings of 隐患台账 headings besides the export's own (compared normalised), among
#: them the headings of exports made before they came from the catalogue (位置, 发现日期,
#: 发现人, 延期至, 内部监管人, 整改情况).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("编号", "隐患编号", "hazard id"),
    "seq": ("序号", "no", "行号"),
    "unit": ("所属单位", "责任单位", "单位名称", "所属公司", "公司", "被检查单位"),
    "department": ("所属部门", "所在部门", "车间", "科室"),
    "domain": ("领域", "专业", "类别", "隐患类别", "隐患类型", "专业类别", "检查类别",
               "隐患分类", "category"),
    "checklist_item": ("检查项编号", "检查项目"),
    "title": ("隐患", "存在问题", "问题", "隐患问题", "隐患简述", "问题名称", "hazard"),
    "description": ("隐患内容", "隐患情况", "问题描述", "隐患具体情况", "具体情况", "隐患详情",
                    "details"),
    "location": ("位置", "部位", "隐患位置", "地点", "隐患地点", "具体位置", "具体部位",
                 "所在位置", "检查部位", "排查部位", "place"),
    "level": ("隐患级别", "级别", "等级", "隐患分级", "grade"),
    "source": ("来源", "发现途径", "检查形式", "检查类型"),
    "source_ref": ("来源依据", "反馈意见", "反馈条目", "来源文号"),
    "found_on": ("发现日期", "发现时间", "排查时间", "检查日期", "检查时间", "登记日期", "日期",
                 "date found"),
    "found_by": ("发现人", "检查人", "检查人员", "排查人员", "登记人"),
    "root_cause": ("隐患原因", "产生原因", "原因"),
    "measures": ("治理措施", "整改方案", "整改建议", "整改要求"),
    "responsible": ("整改责任人", "整改负责人", "负责人", "责任人员", "responsible person"),
    "responsible_department": ("整改责任部门", "整改部门", "责任科室"),
    "funding": ("资金", "整改费用", "投入资金", "费用", "治理资金", "整改投入", "cost"),
    "funding_source": ("费用来源",),
    "deadline": ("整改期限", "完成时限", "计划完成时间", "计划完成日期", "整改截止日期",
                 "要求完成时间", "要求完成日期", "整改完成时限", "due"),
    "extended_to": ("延期至", "延期时限", "extended to"),
    "extension_reason": ("延期理由",),
    "extension_approved_by": ("延期审批人",),
    "extension_approved_on": ("延期审批日期",),
    "contingency_plan": ("防范措施", "整改期间防范措施", "应急措施", "预案",
                         "应急预案整改期间防范措施"),
    "contractor": ("外包单位", "施工单位", "承包商"),
    "safety_agreement": ("安全协议",),
    "supervisor": ("监管人", "内部监管人"),
    "completed_on": ("完成日期", "整改完成时间", "实际完成时间", "实际完成日期", "完成时间"),
    "rectified_by": ("整改实施人", "整改完成人"),
    "actions": ("整改情况", "整改完成情况", "整改结果", "已采取措施"),
    "verified_on": ("销号日期", "复查日期", "验收时间", "销号时间", "复查时间", "验收销号日期"),
    "verified_by": ("复查人", "销号人", "验收责任人", "验收人员", "复查人员"),
    "verification": ("验收结果", "复查结论", "复查结果", "result"),
    "verification_notes": ("复查意见",),
    "status": ("隐患状态", "整改状态", "当前状态", "是否销号", "销号情况"),
    "basis": ("判定依据",),
    "supervised_by": ("督办单位",),
    "objectives": ("治理目标",),
    "assessed_on": ("评估日期",),
}

#: The heading of ``seq`` (序号), which the export does not write.
SEQ_HEADING = "column.seq"

_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
#: Hints people add to headings: 整改资金（万元）, 排查日期（年月日）.
_SUFFIXES = (("万元", 10_000), ("元", 1), ("年月日", 1))
#: What ``--map`` uses to ignore a column.
IGNORE = "-"


def normalise(heading: str) -> str:
    """A heading as it is compared: NFKC (full-width = half-width), without spaces,
    punctuation or underscores, case folded."""
    text = unicodedata.normalize("NFKC", heading)
    return _PUNCTUATION.sub("", text).casefold()


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}

    def add(spelling: str, key: str) -> None:
        norm = normalise(spelling)
        if norm and index.setdefault(norm, key) != key:
            raise AssertionError(f"heading {spelling!r} means both {index[norm]} and {key}")

    for key, heading in (*COLUMNS, ("seq", SEQ_HEADING)):
        add(key, key)
        for locale in ("zh", "en"):  # the export's headings, in either language
            add(text(heading, locale), key)
    for key, spellings in ALIASES.items():
        for spelling in spellings:
            add(spelling, key)
    return index


def field_of(heading: str) -> tuple[str, int] | None:
    """The field a heading means and the factor its numbers are in (10 000 for 万元),
    or None for a heading the import does not know."""
    norm = normalise(heading)
    index = _index()
    if norm in index:
        return index[norm], 1
    for suffix, scale in _SUFFIXES:
        stem = norm.removesuffix(suffix)
        if stem != norm and stem in index:
            key = index[stem]
            if suffix == "年月日" and KINDS[key] == "date":
                return key, 1
            if suffix != "年月日" and key == "funding":
                return key, scale
    return None


def fields() -> list[str]:
    """Every field a column may usefully be mapped to (not the ones never imported)."""
    return [key for key in KINDS if key not in NOT_IMPORTED]


def heading_of(key: str, locale: str) -> str:
    """The export's heading of a field (for a field whose column the sheet lacks); a
    name that is no column, in the words of its label."""
    if key == "seq":
        return text(SEQ_HEADING, locale)
    heading = next((h for k, h in COLUMNS if k == key), None)
    if heading is None:
        from safecheck.labels import label

        return label(key, locale)
    return text(heading, locale)


def column_letter(index: int) -> str:
    """A, B, … Z, AA … for a 0-based column index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Column:
    """A column of the sheet: where it is, its heading, and the field it means (None:
    not imported; ``key`` in NOT_IMPORTED: read for the transcript only)."""

    index: int
    heading: str
    key: str | None
    scale: int = 1

    @property
    def letter(self) -> str:
        return column_letter(self.index)


def parse_maps(maps: Sequence[str]) -> dict[str, str]:
    """``--map HEADING=FIELD`` options as {normalised heading: field or IGNORE}."""
    out: dict[str, str] = {}
    for option in maps:
        heading, sep, target = option.rpartition("=")
        target = target.strip()
        if not sep or not normalise(heading):
            raise SafecheckError(Msg("import.map_form", option=option))
        if target != IGNORE:
            known = field_of(target) if target not in KINDS else (target, 1)
            if known is None:
                raise SafecheckError(Msg("import.map_field", option=option, field=target,
                                         known=fields()))
            target = known[0]
        out[normalise(heading)] = target
    return out


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def read_header(row: SheetRow, maps: dict[str, str]) -> list[Column]:
    """The columns of a header row."""
    columns = []
    for index, cell in enumerate(row.cells):
        heading = _text(cell)
        if not heading:
            continue
        mapped = maps.get(normalise(heading))
        if mapped == IGNORE:
            columns.append(Column(index, heading, None))
            continue
        found = (mapped, 1) if mapped else field_of(heading)
        columns.append(Column(index, heading, found[0] if found else None,
                              found[1] if found else 1))
    return columns


def _score(columns: Iterable[Column]) -> int:
    keys = {c.key for c in columns if c.key}
    return len(keys) if keys & {"title", "description"} else 0


def find_header(rows: Sequence[SheetRow], maps: dict[str, str]) -> tuple[int, list[Column]] | None:
    """(position in ``rows``, columns) of the header row: among the first rows, the one
    that names the most known fields, at least three and one of 隐患名称/隐患描述."""
    best: tuple[int, list[Column]] | None = None
    best_score = 2
    for position, row in enumerate(rows[:30]):
        columns = read_header(row, maps)
        score = _score(columns)
        if score > best_score:
            best, best_score = (position, columns), score
    return best


def check_columns(columns: list[Column], maps: dict[str, str], file: str, row: int) -> None:
    """Refuse unknown headings (each must be mapped or ignored), two columns meaning one
    field, and --map options that name no column."""
    unknown = [c for c in columns if c.key is None and maps.get(normalise(c.heading)) != IGNORE]
    if unknown:
        raise SafecheckError(Msg("import.unknown_columns", file=file, row=row, columns=[
            f"{c.heading}（{c.letter}）" for c in unknown], example=unknown[0].heading,
            known=fields()))
    seen: dict[str, Column] = {}
    for column in columns:
        if column.key is None:
            continue
        first = seen.setdefault(column.key, column)
        if first is not column:
            raise SafecheckError(Msg("import.same_field", file=file, row=row,
                                     first=f"{first.heading}（{first.letter}）",
                                     second=f"{column.heading}（{column.letter}）",
                                     field=column.key))
    headings = {normalise(c.heading) for c in columns}
    stray = [h for h in maps if h not in headings]
    if stray:
        raise SafecheckError(Msg("import.map_unused", file=file, row=row, headings=stray))
