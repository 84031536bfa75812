"""Writing the ledger table as CSV (UTF-8 with a BOM, so Excel shows Chinese) or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from safecheck import atomic


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(headings: list[str], rows: list[list[Any]]) -> str:
    """CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow([_cell(_excel_safe(v)) for v in row])
    return out.getvalue()


def write_csv(path: Path, headings: list[str], rows: list[list[Any]]) -> None:
    """A CSV file Excel opens with Chinese intact (UTF-8 with BOM)."""
    atomic.replace_bytes(path, ("\ufeff" + csv_text(headings, rows)).encode("utf-8"))


def write_xlsx(path: Path, headings: list[str], rows: list[list[Any]], title: str) -> None:
    """An XLSX workbook: frozen header row, filters, dates as dates, sensible widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_excel_safe(v) for v in row])
    for column, heading in enumerate(headings, start=1):
        width = max([len(heading) * 2] + [min(len(_cell(r[column - 1])), 40) for r in rows])
        sheet.column_dimensions[get_column_letter(column)].width = max(8, min(width + 2, 50))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    atomic.replace_bytes(path, buffer.getvalue())


def _excel_safe(value: Any) -> Any:
    # OWASP's CSV-injection advice: spreadsheet programs run a cell that starts with
    # = + - @ as a formula, so such text is prefixed with a quote.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def write_statistics_xlsx(path: Path, data: dict[str, Any]) -> None:
    """隐患排查治理情况统计分析表 as a workbook: title rows, the table with a bold total,
    the notes and the signature row; landscape A4, fit to one page wide, the heading
    row repeated on every printed page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    labels = data["words"]
    columns = data["columns"]
    width = len(columns)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = labels["title"][:31]
    sheet.append([data["organization"]])
    sheet.append([labels["title"]])
    sheet.append([labels["meta"]])
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
    sheet.cell(2, 1).font = Font(bold=True, size=16)
    heading_row = 4
    sheet.append([c["label"] for c in columns])
    for values in data["cells"]:
        sheet.append([_excel_safe(v) for v in values])
    thin = Side(style="thin")
    last = heading_row + len(data["cells"])
    for line in sheet.iter_rows(min_row=heading_row, max_row=last, max_col=width):
        for cell in line:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in sheet[heading_row]:
        cell.font = Font(bold=True)
    for cell in sheet[last]:
        cell.font = Font(bold=True)
    sheet.append([])
    sheet.append([labels["footnote"]])
    sheet.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=width)
    sheet.cell(last + 2, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[last + 2].height = 45
    sheet.append([])
    sheet.append([labels["sign_principal"], "", "", labels["sign_filler"], "", "",
                  labels["sign_date"], data["filled_on"], "", labels["seal"]])
    for column in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18 if column == 1 else 12
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{heading_row}:{heading_row}"
    buffer = io.BytesIO()
    book.save(buffer)
    atomic.replace_bytes(path, buffer.getvalue())
