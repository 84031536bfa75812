"""Reading one cell as the value a field needs: dates in the forms Chinese ledgers use,
amounts, levels, statuses, results, units, domains, sources, names and lists.

Each reader returns the value or raises :class:`CellError` with a message that says
what was expected; the caller adds the row and column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from safecheck.context import LedgerContext
from safecheck.i18n import Msg
from safecheck.labels import source_label
from safecheck.models.common import amount_value, clean_name
from safecheck.vocab import Level, Result, Status


class CellError(Exception):
    """A cell that does not hold what its column needs."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.key)
        self.msg = message


#: Cells that mean "nothing here" in a paper ledger.
EMPTY = frozenset({"", "-", "--", "—", "——", "–", "/", "\\", "无", "none", "n/a", "na",
                   "null"})

_DATE = re.compile(r"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?"
                   r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$")
_COMPACT = re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})$")
_SERIAL = re.compile(r"^[0-9]{5}(?:\.[0-9]+)?$")
#: Excel's day 0 (its serial dates count from here, 1900 leap-year bug included).
_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (18_264, 73_051)   # 1950-01-01 .. 2099-12-31


def key(text: str) -> str:
    """Text as it is compared with a vocabulary: NFKC, no spaces or punctuation, case
    folded."""
    return re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", text)).casefold()


def as_text(value: Any) -> str | None:
    """A cell as text: None for empty cells and dash-only placeholders; numbers without
    a spurious ``.0``; dates as YYYY-MM-DD."""
    if value is None or isinstance(value, bool):
        return None if value is None else ("是" if value else "否")
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if unicodedata.normalize("NFKC", text).strip().casefold() in EMPTY:
        return None
    return text or None


def line(value: Any) -> str | None:
    """One line of text: line breaks (Alt+Enter in a narrow cell) become spaces."""
    text = as_text(value)
    return " ".join(text.split()) if text else None


def name(value: Any) -> str | None:
    """A person's name, stored clean (NFKC, invisible characters removed)."""
    text = line(value)
    if text is None:
        return None
    cleaned = clean_name(text)
    if len(cleaned) > 100:
        raise CellError(Msg("import.cell.long_name"))
    return cleaned


def day(value: Any) -> dt.date | None:
    """A date: 2026-11-03, 2026/11/3, 2026.11.3, 2026年11月3日, 20261103, a date cell or
    an Excel serial number (a number in a date column)."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise CellError(Msg("import.cell.date", value=value))
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        return _serial(value)
    text = as_text(value)
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text).strip()
    match = _DATE.match(text) or _COMPACT.match(text)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise CellError(Msg("import.cell.no_such_day", value=text)) from None
    if _SERIAL.match(text):
        return _serial(float(text))
    raise CellError(Msg("import.cell.date", value=text))


def _serial(number: float) -> dt.date:
    if not _SERIAL_RANGE[0] <= number < _SERIAL_RANGE[1] + 1:
        raise CellError(Msg("import.cell.date", value=number))
    return _EPOCH + dt.timedelta(days=int(number))


_AMOUNT = re.compile(r"^([0-9]+(?:\.[0-9]+)?)(万)?$")


def amount(value: Any, scale: int = 1) -> int | float | None:
    """Money: 1200, 1,200, ¥1200, 1200元, 1.2万, 0; 无 is 0 (nothing to spend). ``scale``
    is the column's unit (10 000 for a heading in 万元)."""
    if isinstance(value, bool):
        raise CellError(Msg("import.cell.amount", value=value))
    if isinstance(value, int | float):
        number: float = value
    else:
        raw = "" if value is None else unicodedata.normalize("NFKC", str(value)).strip()
        if raw == "无":
            return 0
        text = as_text(value)
        if text is None:
            return None
        cleaned = re.sub(r"[\s,，¥￥]|元|人民币|rmb|cny", "",
                         unicodedata.normalize("NFKC", text).casefold())
        match = _AMOUNT.match(cleaned)
        if not match:
            raise CellError(Msg("import.cell.amount", value=text))
        number = float(match.group(1)) * (10_000 if match.group(2) else 1)
    try:  # the record's own rule: finite, not negative, within the bound
        number = amount_value(round(number * scale, 2))
    except ValueError as exc:
        raise CellError(exc.args[0]) from None
    return int(number) if float(number).is_integer() else number


_LEVELS = {key(w): level for level, words in (
    (Level.GENERAL, ("一般", "一般隐患", "一般事故隐患", "一般安全隐患", "general")),
    (Level.MAJOR, ("重大", "重大隐患", "重大事故隐患", "重大安全隐患", "major")),
) for w in words}


def level(value: Any) -> Level | None:
    """一般(隐患) or 重大(事故隐患), in either language."""
    text = as_text(value)
    if text is None:
        return None
    found = _LEVELS.get(key(text))
    if found is None:
        raise CellError(Msg("import.cell.level", value=text))
    return found


_RESULTS = {key(w): result for result, words in (
    (Result.PASS, ("合格", "通过", "验收合格", "验收通过", "复查合格", "同意销号", "pass",
                   "passed")),
    (Result.FAIL, ("不合格", "不通过", "未通过", "验收不合格", "复查不合格", "fail", "failed")),
) for w in words}


def result(value: Any) -> Result | None:
    """合格/通过 or 不合格/不通过, in either language."""
    text = as_text(value)
    if text is None:
        return None
    found = _RESULTS.get(key(text))
    if found is None:
        raise CellError(Msg("import.cell.result", value=text))
    return found


#: What a status cell may say, as the statuses it allows: "已整改" is closed when a
#: passing verification is recorded, else awaiting one; "未销号" is any open status.
OPEN = frozenset({Status.REPORTED, Status.RECTIFYING, Status.VERIFYING})
DONE = frozenset({Status.VERIFYING, Status.CLOSED})
_STATUSES: dict[str, frozenset[Status]] = {key(w): allowed for allowed, words in (
    (frozenset({Status.REPORTED}), ("已登记", "登记", "reported")),
    (frozenset({Status.RECTIFYING}), ("整改中", "正在整改", "治理中", "rectifying")),
    (frozenset({Status.VERIFYING}), ("待验收", "待复查", "已整改待验收", "待销号",
                                     "verifying")),
    (frozenset({Status.CLOSED}), ("已销号", "销号", "已闭环", "闭环", "已关闭", "已验收",
                                  "closed")),
    (frozenset({Status.VOID}), ("已作废", "作废", "void")),
    (OPEN, ("未整改", "待整改", "未完成", "未销号", "open")),
    (DONE, ("已整改", "已完成", "整改完成", "完成", "已整改完成")),
) for w in words}


def status(value: Any) -> tuple[str, frozenset[Status]] | None:
    """The statuses a status cell allows, with the cell's text."""
    text = as_text(value)
    if text is None:
        return None
    found = _STATUSES.get(key(text))
    if found is None:
        raise CellError(Msg("import.cell.status", value=text))
    return text, found


def status_word(value: Any) -> tuple[str, frozenset[Status]] | None:
    """Like :func:`status`, None for text that is not a status word (整改情况 cells
    hold either)."""
    try:
        return status(value)
    except CellError:
        return None


# Numbering as typed, full-width digits included (a Chinese input method types them).
_NUMBER = r"(?:[0-9０-９]{1,3}\s*[.、．)）:：]|[（(][0-9０-９]{1,3}[)）]|[①-⑳])"
_NUMBERED = re.compile(rf"^\s*{_NUMBER}\s*")
_INLINE = re.compile(rf"(?<=[；;。])\s*(?={_NUMBER})")


def items(value: Any) -> tuple[str, ...]:
    """A list (整改措施, 临时管控措施): the items as export writes them ("1. …" one per
    line), else one per line with any numbering (1、 1. （1） ①) taken off, and a single
    line split where a numbered item follows ；or 。."""
    text = as_text(value)
    if text is None:
        return ()
    exported = _export_items(text.split("\n"))
    if exported is not None:
        return exported
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) == 1:
        lines = [p for p in _INLINE.split(lines[0]) if p.strip()]
    parts = [_NUMBERED.sub("", ln, count=1).strip().rstrip("；;").strip() for ln in lines]
    return tuple(p for p in parts if p)


def _export_items(lines: list[str]) -> tuple[str, ...] | None:
    """Items as export writes them: "1. a", "2. b" … where a line not starting with the
    next number continues the item before it."""
    if not lines or not lines[0].startswith("1. "):
        return None
    out: list[str] = []
    for ln in lines:
        prefix = f"{len(out) + 1}. "
        if ln.startswith(prefix):
            out.append(ln[len(prefix):])
        elif out:
            out[-1] += "\n" + ln
    return tuple(out)


@dataclass(frozen=True)
class Matched:
    """A value matched to the ledger's vocabulary; ``loose`` when only part of it
    matched (reported, so nobody is surprised)."""

    value: str
    loose: bool = False


def unit(value: Any, context: LedgerContext) -> Matched | None:
    """A unit by its code (SW) or its name (水务公司)."""
    text = line(value)
    if text is None:
        return None
    units = context.settings.units
    code = unicodedata.normalize("NFKC", text).strip().upper()
    if code in context.settings.unit_codes:
        return Matched(code)
    wanted = key(text)
    by_name = [u.code for u in units if key(u.name) == wanted]
    if len(by_name) == 1:
        return Matched(by_name[0])
    raise CellError(Msg("import.cell.unit", value=text,
                        known=[f"{u.code} {u.name}" for u in units]))


def domain(value: Any, context: LedgerContext) -> Matched | None:
    """A domain by its id or its name in either language, or by a part of its name that
    no other domain's shares (消防 → 消防安全)."""
    text = line(value)
    if text is None:
        return None
    names = {d: {key(d), key(context.checklists[d].names.zh),
                 key(context.checklists[d].names.en)} for d in context.domains}
    wanted = key(text)
    exact = [d for d, spellings in names.items() if wanted in spellings]
    if len(exact) == 1:
        return Matched(exact[0])
    loose = [d for d, spellings in names.items()
             if len(wanted) >= 2 and any(wanted in s or s in wanted for s in spellings)]
    if len(loose) == 1:
        return Matched(loose[0], loose=True)
    raise CellError(Msg("import.cell.domain", value=text, known=[
        context.domain_name(d) for d in context.domains]))


#: Words that say which source a hazard came from (a unique one decides).
_SOURCE_WORDS = {
    "self-inspection": ("自查", "自检", "日常检查", "日常巡检", "自行排查"),
    "group-inspection": ("集团检查", "集团", "上级检查", "公司检查"),
    "district-inspection": ("区委巡查", "巡查组", "巡察"),
    "resident-supervision": ("驻点监督", "驻点"),
    "regulator": ("监管部门", "执法检查", "应急管理局", "市场监管", "消防救援", "政府检查"),
    "report": ("举报", "员工报告"),
    "accident-lesson": ("事故教训", "举一反三"),
}


def source(value: Any, context: LedgerContext) -> Matched | None:
    """A source by its id, its label in either language, or a word that names it."""
    text = line(value)
    if text is None:
        return None
    sources = context.settings.sources
    wanted = key(text)
    exact = [s for s in sources
             if wanted in (key(s), key(source_label(s, "zh")), key(source_label(s, "en")))]
    if len(exact) == 1:
        return Matched(exact[0])
    loose = sorted({s for s in sources for word in _SOURCE_WORDS.get(s, ())
                    if key(word) in wanted})
    if len(loose) == 1:
        return Matched(loose[0], loose=True)
    raise CellError(Msg("import.cell.source", value=text, known=[
        f"{s} {source_label(s, 'zh')}" for s in sources]))
