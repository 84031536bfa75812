"""The import's parts on their own: headings, cells, encodings, formulas (hypothesis)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from safecheck import formulas
from safecheck.i18n import text
from safecheck.importing import cells, columns, sheets
from safecheck.tabular import COLUMNS, _numbered

# --- headings ---------------------------------------------------------------------------
SPELLINGS = sorted({(spelling, key) for key, spellings in columns.ALIASES.items()
                    for spelling in spellings}
                   | {(text(heading, locale), key) for key, heading in COLUMNS
                      for locale in ("zh", "en")})

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str]:
    """A known heading as people type it: spaces inside, full-width letters, a required
    star, brackets around a note."""
    spelling, key = draw(st.sampled_from(SPELLINGS))
    chars = []
    for ch in spelling:
        if draw(st.booleans()) and ch in FULL_WIDTH:
            ch = FULL_WIDTH[ch]
        chars.append(ch)
        if draw(st.integers(0, 5)) == 0:
            chars.append(draw(st.sampled_from([" ", "\u3000", "\n", "·", "_"])))
    prefix = draw(st.sampled_from(["", "*", "＊", " "]))
    return prefix + "".join(chars) + draw(st.sampled_from(["", " ", "：", ":"])), key


@given(written())
def test_every_known_heading_is_recognised_however_it_is_typed(case: tuple[str, str]) -> None:
    heading, key = case
    assert columns.field_of(heading) == (key, 1)


def test_amount_headings_carry_their_unit() -> None:
    assert columns.field_of("整改资金（万元）") == ("funding", 10_000)
    assert columns.field_of("整改资金(元)") == ("funding", 1)
    assert columns.field_of("排查日期（年月日）") == ("found_on", 1)
    assert columns.field_of("单元") is None and columns.field_of("备注") is None


def test_no_spelling_means_two_fields() -> None:
    index = columns._index()  # raises if two fields share a spelling
    assert index[columns.normalise("隐患编号")] == "id"


def test_the_header_row_is_found_below_a_title() -> None:
    rows = [sheets.SheetRow(1, ("某公司隐患排查治理台账",)), sheets.SheetRow(2, ()),
            sheets.SheetRow(3, ("基本信息", "", "整改情况")),
            sheets.SheetRow(4, ("序号", "隐患名称", "隐患部位", "排查日期", "整改措施"))]
    found = columns.find_header(rows, {})
    assert found is not None and found[0] == 3
    assert [c.key for c in found[1]] == ["seq", "title", "location", "found_on", "measures"]
    assert columns.find_header(rows[:3], {}) is None


def test_column_letters() -> None:
    assert [columns.column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


# --- dates ------------------------------------------------------------------------------
DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@given(DAYS, st.sampled_from(["iso", "slash", "dots", "chinese", "compact", "serial",
                              "serial_text", "datetime", "datetime_text", "full_width"]))
def test_dates_in_every_common_form(day: dt.date, form: str) -> None:
    serial = (day - dt.date(1899, 12, 30)).days
    value: object = {
        "iso": day.isoformat(), "slash": f"{day.year}/{day.month}/{day.day}",
        "dots": f"{day.year}.{day.month}.{day.day}",
        "chinese": f"{day.year}年{day.month}月{day.day}日",
        "compact": f"{day:%Y%m%d}", "serial": float(serial), "serial_text": str(serial),
        "datetime": dt.datetime(day.year, day.month, day.day, 9, 30),
        "datetime_text": f"{day.isoformat()} 00:00:00",
        "full_width": "".join(FULL_WIDTH.get(c, c) for c in day.isoformat()),
    }[form]
    assert cells.day(value) == day


@pytest.mark.parametrize("value", ["2026-13-01", "2026/2/30", "11/3/2026", "26年11月3日",
                                   "明天", "2026年11月", 5, 3_000_000, True])
def test_what_is_not_a_date(value: object) -> None:
    with pytest.raises(cells.CellError):
        cells.day(value)


# --- amounts, vocabularies, lists -------------------------------------------------------
@given(st.integers(0, 10**9), st.sampled_from(["{}", "{:,}", "¥{}", "{}元", "￥{:,}元",
                                               " {} "]))
def test_amounts(amount: int, form: str) -> None:
    assert cells.amount(form.format(amount)) == amount


def test_amounts_in_ten_thousands_and_what_is_not_one() -> None:
    assert cells.amount("1.2万") == 12000 and cells.amount(0.12, 10_000) == 1200
    assert cells.amount("无") == 0 and cells.amount("—") is None
    for bad in ("-5", "一千", "1.2.3", float("nan")):
        with pytest.raises(cells.CellError):
            cells.amount(bad)


def test_levels_results_and_statuses() -> None:
    assert cells.level("重大事故隐患") == cells.level(" major ") == cells.Level.MAJOR
    assert cells.level("一般") == cells.Level.GENERAL
    assert cells.result("通过") == cells.result("合格") == cells.Result.PASS
    assert cells.result("不通过") == cells.Result.FAIL
    assert cells.status("已整改") == ("已整改", cells.DONE)
    assert cells.status_word("已清理通道") is None
    with pytest.raises(cells.CellError):
        cells.level("较大")


ITEM = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
               max_size=30).map(str.strip).filter(lambda t: t and t not in cells.EMPTY
                                                  and unicodedata.normalize("NFKC", t)
                                                  .casefold() not in cells.EMPTY)


@given(st.lists(ITEM, min_size=1, max_size=6))
def test_measures_as_export_writes_them_come_back(items: list[str]) -> None:
    assert cells.items(_numbered(items)) == tuple(items)


@pytest.mark.parametrize(("text", "items"), [
    ("1、设置警示标志；2、加锁", ("设置警示标志", "加锁")),
    ("（1）设置；（2）加锁", ("设置", "加锁")),
    ("①清理；②加锁", ("清理", "加锁")),
    ("清理通道\n加锁", ("清理通道", "加锁")),
    ("清理通道；专人看护", ("清理通道；专人看护",)),
])
def test_measures_as_people_write_them(text: str, items: tuple[str, ...]) -> None:
    assert cells.items(text) == items


# --- formulas ---------------------------------------------------------------------------
@given(st.text(max_size=40))
def test_neutralising_is_undone_exactly(text: str) -> None:
    safe = formulas.neutralise(text)
    assert formulas.restore(safe) == text
    assert not formulas.is_dangerous(safe)


@given(st.text(alphabet="'=+-@\t\rab", max_size=8))
def test_neutralising_quotes_and_dangerous_starts(text: str) -> None:
    assert formulas.restore(formulas.neutralise(text)) == text


# --- CSV in both encodings ----------------------------------------------------------------
CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
               max_size=12).map(str.strip)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=5),
       st.sampled_from(["utf-8-sig", "gb18030", "utf-8"]))
def test_csv_cells_read_back_in_either_encoding(tmp_path: Path, rows: list[list[str]],
                                                encoding: str) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [[formulas.neutralise(c) for c in row] for row in rows])
    # A first line with more semicolons or tabs than commas is read as a file separated by
    # them (as some Excel versions save CSV): such a line is ambiguous, not a comma file.
    assume(sheets._delimiter(out.getvalue()) == ",")
    try:
        data = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return  # not every character exists in GB18030's mapping as Python has it
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    read = sheets.read_sheet(path, None, lambda _: True)
    if encoding == "gb18030" and data.decode("utf-8", errors="ignore").encode() == data:
        assert read.encoding == "utf-8"       # plain ASCII is valid UTF-8 too
    elif encoding != "utf-8":
        assert read.encoding == encoding
    expected = [tuple(_trimmed(r)) for r in rows]
    assert [r.cells for r in read.rows] == expected


def _trimmed(row: list[str]) -> list[str]:
    while row and row[-1] == "":
        row = row[:-1]
    return row


def test_gb18030_as_old_excel_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "旧台账.csv"
    path.write_bytes("隐患名称,隐患部位\r\n泵房堆放杂物,三号泵站\r\n".encode("gb18030"))
    read = sheets.read_sheet(path, None, lambda _: True)
    assert read.encoding == "gb18030"
    assert read.rows[1].cells == ("泵房堆放杂物", "三号泵站")


def test_tab_separated_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "台账.txt"
    path.write_bytes("隐患名称\t隐患部位\r\n泵房\t三号泵站\r\n".encode("utf-16"))
    read = sheets.read_sheet(path, None, lambda _: True)
    assert read.encoding == "utf-16" and read.rows[1].cells == ("泵房", "三号泵站")


def test_digits_are_ascii_or_full_width_and_amounts_obey_the_records_rule() -> None:
    # Full-width digits are what a Chinese input method types: read as ASCII ones.
    assert cells.day("２０２６年１１月３日") == cells.day("2026-11-03")
    assert cells.amount("１２００元") == 1200
    assert cells.items("１、设置围挡；２、加装护栏") == ("设置围挡", "加装护栏")
    # Digits of other scripts are not numbers here (as in IDs and options).
    for bad_day in ("٢٠٢٦-١١-٠٣", "२०२६-११-०३"):
        with pytest.raises(cells.CellError):
            cells.day(bad_day)
    with pytest.raises(cells.CellError):
        cells.amount("١٢٠٠")
    # A cell is held to the record's amount rule, bound included.
    for bad, key in ((float("inf"), "value.finite"), (-5.0, "value.negative"),
                     (10**13, "value.too_large"), (2, "value.too_large")):
        scale = 10**12 if bad == 2 else 1
        with pytest.raises(cells.CellError) as caught:
            cells.amount(bad, scale)
        assert caught.value.msg.key == key
