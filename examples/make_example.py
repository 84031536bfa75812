"""Writes examples/台账示例.xlsx: a 隐患台账 as a safety department keeps it in Excel, with
a title above the header, Chinese headings, dates typed in several ways, a remarks
column, closed, open and new hazards of two units. The README imports it.

    python examples/make_example.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HEADER = ["序号", "所属单位", "隐患名称", "隐患部位", "专业类别", "隐患级别", "隐患来源",
          "排查时间", "排查人", "原因分析", "整改措施", "整改责任人", "整改资金（元）", "整改期限",
          "应急预案", "整改情况", "完成日期", "验收人", "验收日期", "备注"]

ROWS = [
    [1, "水务公司", "泵房消防通道堆放杂物", "三号泵站泵房", "消防", "一般", "自查",
     dt.datetime(2026, 11, 3), "李明", None, "清理通道，设置禁止堆放标识", "王强", 0,
     dt.datetime(2026, 11, 6), "专人看护通道", "已整改", "2026/11/5", "张伟", "2026/11/6", None],
    [2, "水务公司", "集水井入口无有限空间警示标志", "三号泵站集水井", "有限空间", "一般",
     "区委巡查组反馈", "2026年11月5日", "区委第三巡查组", "新建泵站移交时未纳入有限空间台账",
     "1、设置警示标志；2、井盖加锁；3、纳入有限空间台账", "王强", 1200, "2026年11月12日",
     "整改完成前井口设置围挡，专人看护", "已销号", "2026年11月10日", "张伟", "2026年11月11日",
     "反馈意见第5条"],
    [3, "水务公司", "加药间洗眼器出水压力不足", "二水厂加药间", "危险化学品", "一般", "集团检查",
     dt.datetime(2026, 11, 20), "陈明", None, "更换洗眼器供水阀门", "王强", 800,
     dt.datetime(2026, 12, 5), "加药作业时配备便携式洗眼瓶", "整改中", None, None, None, None],
    [4, "燃气公司", "调压站围墙破损", "东郊调压站", "生产经营", "一般", "自查",
     "2026/11/24", "赵刚", None, None, None, None, None, None, "未整改", None, None, None,
     "待制定整改方案"],
    [5, "燃气公司", "值班室灭火器压力不足", "东郊门站值班室", "消防安全", "一般", "自查",
     "2026-11-18", "赵刚", None, "更换灭火器", "赵刚", 300, "2026-11-25", "临时调配灭火器",
     "已整改", "2026-11-24", None, None, "待验收"],
]


def main() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "11月台账"
    sheet.append(["示例集团隐患排查治理台账（2026年11月）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["填报单位：安全环保部　　填报日期：2026年11月27日"])
    sheet.append(HEADER)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in ROWS:
        sheet.append(row)
    for line in sheet.iter_rows(min_row=4):
        for cell in line:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd"
    book.properties.creator = "safecheck"
    book.properties.created = book.properties.modified = dt.datetime(2026, 11, 27)
    book.save(Path(__file__).with_name("台账示例.xlsx"))


if __name__ == "__main__":
    main()
