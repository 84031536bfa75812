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
