"""Writing the ledger table as CSV (UTF-8 with a BOM, so Excel shows Chinese) or XLSX.

Text that a spreadsheet would run as a formula (OWASP "CSV injection") is neutralised:
in CSV with a leading quote that ``import`` takes away again
(:mod:`safecheck.formulas`); in XLSX by storing it as a text cell with Excel's quote
prefix, which shows the text as it is and never evaluates it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from safecheck import atomic
from safecheck.formulas import is_dangerous, neutralise
from safecheck.tabular import LedgerBook


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(headings: list[str], rows: list[list[Any]]) -> str:
    """CSV text with a header row; text that a spreadsheet would run as a formula is
    neutralised (:func:`safecheck.formulas.neutralise`, undone by ``import``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in headings])
    for row in rows:
        writer.writerow([neutralise(_cell(v)) for v in row])
    return out.getvalue()


def write_csv(path: Path, headings: list[str], rows: list[list[Any]]) -> None:
    """A CSV file Excel opens with Chinese intact (UTF-8 with BOM)."""
    atomic.replace_bytes(path, ("\ufeff" + csv_text(headings, rows)).encode("utf-8"))


def _as_text_cell(cell: Any) -> None:
    """A text that begins like a formula stays text: a text cell with Excel's quote
    prefix (shown as typed, never evaluated; the text itself is unchanged)."""
    if isinstance(cell.value, str) and is_dangerous(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


_OVERDUE_FILL = "FFC7CE"   # Excel's "light red fill"
_HEADING_FILL = "D9E1F2"


def write_ledger_xlsx(path: Path, book: LedgerBook) -> None:
    """The ledger as a workbook: a title row with the organisation and a row with the
    date and counts above the header row; overdue rows filled red; frozen header,
    filters, dates as dates; landscape, fit to the page width, the header row repeated
    on every printed page; and a summary sheet by unit and by domain."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    headings, rows = book.headings, book.rows
    width = len(headings)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = book.sheet[:31]
    sheet.append([book.title])
    sheet.append([book.meta])
    for number, size in ((1, 14), (2, 10)):
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        sheet.cell(number, 1).font = Font(bold=number == 1, size=size)
    heading_row = 3
    sheet.append(headings)
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in sheet[heading_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADING_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        _as_text_cell(cell)
    red = PatternFill("solid", fgColor=_OVERDUE_FILL)
    top = Alignment(wrap_text=True, vertical="top")
    for row, overdue in zip(rows, book.overdue, strict=True):
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            _as_text_cell(cell)
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = top
            cell.border = border
            if overdue:
                cell.fill = red
    for column, heading in enumerate(headings, start=1):
        longest = max([len(heading) * 2] + [min(len(_cell(r[column - 1])), 40) for r in rows])
        sheet.column_dimensions[get_column_letter(column)].width = max(8, min(longest + 2, 50))
    sheet.freeze_panes = f"B{heading_row + 1}"
    sheet.auto_filter.ref = (f"A{heading_row}:{get_column_letter(width)}"
                             f"{heading_row + len(rows)}")
    _print_setup(sheet, f"{heading_row}:{heading_row}")
    _summary(workbook.create_sheet(book.summary_sheet[:31]), book, border)
    buffer = io.BytesIO()
    workbook.save(buffer)
    atomic.replace_bytes(path, buffer.getvalue())


def _print_setup(sheet: Any, title_rows: str) -> None:
    """Landscape A4, one page wide (as many pages down as it takes), ``title_rows``
    repeated on every printed page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows


def _summary(sheet: Any, book: LedgerBook, border: Any) -> None:
    """Counts by status and overdue, by unit and by domain, each with its total."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    width = len(book.summary_headings) + 1
    sheet.append([book.summary_title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    for first, table in ((book.unit_heading, book.by_unit),
                         (book.domain_heading, book.by_domain)):
        sheet.append([])
        sheet.append([first, *book.summary_headings])
        start = sheet.max_row
        for values in table:
            sheet.append(values)
        for line in sheet.iter_rows(min_row=start, max_row=sheet.max_row, max_col=width):
            for cell in line:
                cell.border = border
                _as_text_cell(cell)
                if cell.column > 1:
                    cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for cell in (*sheet[start], *sheet[sheet.max_row]):
            cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 28
    for column in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    _print_setup(sheet, "1:1")


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
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            _as_text_cell(cell)
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
