"""Reading a spreadsheet the way its author sees it: rows of cells, numbered as the
spreadsheet program numbers them. The only module of the import that opens files.

XLSX is read with openpyxl in read-only mode, values only (a formula gives the value
Excel last calculated). CSV is decoded by what its bytes say: a UTF-8 byte-order mark
means UTF-8 (what ``export`` writes); a UTF-16 mark means UTF-16 (Excel's "Unicode
text"); valid UTF-8 is UTF-8; anything else is GB18030, which older Excel writes on
Chinese Windows. CSV cells that ``export`` neutralised against formula injection are
restored (:func:`safecheck.formulas.restore`).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from safecheck.errors import SafecheckError, os_reason
from safecheck.formulas import restore
from safecheck.i18n import Msg

#: Rows read from each sheet when looking for its header row.
HEAD_ROWS = 30
#: More rows than any ledger holds: a file beyond it is refused, not read for minutes.
MAX_ROWS = 100_000
MAX_BYTES = 64 * 1024 * 1024

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class SheetRow:
    """One row: its number as the spreadsheet shows it, and its cells (trailing empty
    cells dropped). Cells are text in CSV; in XLSX also numbers, dates and booleans."""

    number: int
    cells: tuple[Any, ...]

    @property
    def empty(self) -> bool:
        """True when no cell holds anything but space."""
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in self.cells)


@dataclass
class Sheet:
    """The rows of one sheet and where they came from."""

    file: str
    kind: str                       # csv | xlsx
    sha256: str
    name: str | None = None         # the XLSX sheet
    encoding: str | None = None     # the CSV encoding
    sheets: list[str] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)


#: Says whether the first rows of a sheet hold a header row the import understands.
Accept = Callable[[list[SheetRow]], bool]


def read_sheet(path: Path, sheet: str | None, accept: Accept) -> Sheet:
    """The sheet to import from ``path``: ``sheet`` by name, else the first sheet whose
    first rows ``accept`` (else the first sheet, so the header search can say why)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SafecheckError(Msg("import.too_large", file=path.name,
                                     mb=MAX_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as exc:  # a folder too: os.EISDIR
        raise SafecheckError(Msg("import.unreadable", file=str(path),
                                 reason=os_reason(exc))) from None
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(_OLE_MAGIC):
        raise SafecheckError(Msg("import.old_xls", file=path.name))
    if data.startswith(_XLSX_MAGIC):
        return _read_xlsx(path.name, data, digest, sheet, accept)
    if sheet is not None:
        raise SafecheckError(Msg("import.sheet_csv", file=path.name))
    text, encoding = decode_csv(data, path.name)
    out = Sheet(file=path.name, kind="csv", sha256=digest, encoding=encoding)
    out.rows = list(_limited(_csv_rows(text, path.name), path.name))
    return out


def decode_csv(data: bytes, file: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data, "utf-8-sig", file), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", file), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode(data, "gb18030", file), "gb18030"


def _decode(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SafecheckError(Msg("import.encoding", file=file, encoding=encoding,
                                 offset=exc.start)) from None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _csv_rows(text: str, file: str) -> Iterator[SheetRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield SheetRow(number, _trim(restore(c) for c in cells))
    except csv.Error as exc:
        raise SafecheckError(Msg("import.csv_error", file=file, row=number + 1,
                                 reason=str(exc))) from None


def _trim(cells: Iterable[Any]) -> tuple[Any, ...]:
    out = list(cells)
    while out and (out[-1] is None or out[-1] == ""):
        out.pop()
    return tuple(out)


def _limited(rows: Iterable[SheetRow], file: str) -> Iterator[SheetRow]:
    for row in rows:
        if row.number > MAX_ROWS:
            raise SafecheckError(Msg("import.too_many_rows", file=file, rows=MAX_ROWS))
        yield row


def _read_xlsx(file: str, data: bytes, digest: str, wanted: str | None,
               accept: Accept) -> Sheet:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise SafecheckError(Msg("import.bad_xlsx", file=file, reason=str(exc) or
                                 type(exc).__name__)) from None
    try:
        names = list(book.sheetnames)
        order = names
        if wanted is not None:
            order = [n for n in names if n == wanted] or [
                n for n in names if n.strip().casefold() == wanted.strip().casefold()]
            if not order:
                raise SafecheckError(Msg("import.no_sheet", file=file, sheet=wanted,
                                         known=names))
        for name in order[:1] if wanted is not None else order:
            if not hasattr(book[name], "iter_rows"):
                continue  # a chart sheet
            rows = _sheet_rows(book[name])
            head = list(islice(rows, HEAD_ROWS))
            if wanted is not None or accept(head):
                return Sheet(file=file, kind="xlsx", sha256=digest, name=name, sheets=names,
                             rows=[*head, *_limited(rows, file)])
        # no sheet has a header row: the first sheet's first rows, for the search to explain
        head = list(islice(_sheet_rows(book[names[0]]), HEAD_ROWS))
        return Sheet(file=file, kind="xlsx", sha256=digest, name=names[0], sheets=names,
                     rows=head)
    finally:
        book.close()


def _sheet_rows(worksheet: Any) -> Iterator[SheetRow]:
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()  # some writers record a wrong size
    for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
        yield SheetRow(number, _trim(cells))
