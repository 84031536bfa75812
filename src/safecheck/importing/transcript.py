"""The import transcript (台账导入记录): a text file in each imported record's folder
that says where the record came from and holds every cell of its row as the sheet had
it, the columns the import does not carry included. It is the record's first document
(一个问题一套整改资料): the evidence that the old ledger said what the record says."""

from __future__ import annotations

import datetime as dt

from safecheck.i18n import render, text
from safecheck.importing import cells
from safecheck.importing.columns import Column, column_letter
from safecheck.importing.rows import inferred_headings
from safecheck.importing.sheets import Sheet, SheetRow
from safecheck.models.hazard import Hazard


def render_transcript(sheet: Sheet, header_row: int, columns: list[Column], row: SheetRow,
                      hazard: Hazard, today: dt.date, locale: str) -> str:
    """The transcript of ``row`` as the record ``hazard``."""
    def say(key: str, **params: object) -> str:
        return text(f"import.transcript.{key}", locale, **params)

    def pair(label: str, value: object) -> str:
        return text("import.transcript.line", locale, label=label, value=value)

    imported = hazard.imported
    lines = [say("title"), "", pair(say("file"), sheet.file)]
    if sheet.name:
        lines.append(pair(say("sheet"), sheet.name))
    lines += [pair(say("row"), row.number), pair(say("header_row"), header_row),
              pair("SHA-256", sheet.sha256), pair(say("date"), today.isoformat()),
              pair(say("recorded_as"), f"{hazard.id} "
                   f"({text(f'status.{hazard.status.value}', locale)})")]
    if imported is not None and imported.inferred:
        filled = inferred_headings(imported.inferred, locale)
        lines.append(pair(say("inferred"), render(filled, locale)))
    lines += ["", say("cells")]
    by_index = {c.index: c for c in columns}
    for index, cell in enumerate(row.cells):
        value = cells.as_text(cell) if not isinstance(cell, str) else cell.strip()
        if not value:
            continue
        column = by_index.get(index)
        heading = column.heading if column else ""
        where = say("column", letter=column_letter(index))
        label = say("cell", heading=heading, where=where) if heading else where
        lines.append(pair(label, value.replace("\n", "\n    ")))
    return "\n".join(lines) + "\n"
