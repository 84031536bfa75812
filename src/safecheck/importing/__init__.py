"""``import``: hazards from a spreadsheet ledger (隐患台账, XLSX or CSV) into the ledger.

The use case, in order: read the sheet (:mod:`.sheets`), find its header row and what
each column means (:mod:`.columns`), read every row's cells (:mod:`.cells`), assemble
each row into a record and judge it by the rules of a new record (:mod:`.rows`), then —
only if no row has a problem and this is not a dry run — write every record with its
import transcript under the ledger's write lock, and commit them if asked.

Nothing is written when any row is wrong: the report lists every problem with its row
and column. Rows already in the ledger (the same ID, or the same unit, date found,
title and location) are skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safecheck import ids, layout, store
from safecheck.context import LedgerContext
from safecheck.errors import SafecheckError
from safecheck.i18n import Msg, text
from safecheck.importing import cells
from safecheck.importing.cells import CellError
from safecheck.importing.columns import (
    NOT_IMPORTED,
    Column,
    check_columns,
    column_letter,
    find_header,
    parse_maps,
)
from safecheck.importing.rows import DEFAULTABLE, RowProblem, assemble, judge, parse_row
from safecheck.importing.sheets import Sheet, SheetRow, read_sheet
from safecheck.importing.transcript import render_transcript
from safecheck.models.hazard import Hazard

#: Called as ``progress(stage, done, total)`` while rows are read, checked and written;
#: stages are ``check`` and ``write``. The core never prints: a bar is the caller's.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ImportOptions:
    """What the command line says about an import."""

    sheet: str | None = None
    maps: tuple[str, ...] = ()
    #: Values for rows that leave unit, domain, source or level empty (option → text).
    defaults: dict[str, str] = field(default_factory=dict)
    #: Accept dated entries older than ``late_entry_days`` (a historical ledger).
    backfill: bool = False
    dry_run: bool = False
    commit: bool = False


@dataclass(frozen=True)
class Created:
    """A record the import creates (or would create, in a dry run)."""

    row: int
    hazard: Hazard
    relpath: str


@dataclass(frozen=True)
class Duplicate:
    """A row already in the ledger, and the facts in which the two differ."""

    row: int
    id: str
    differs: tuple[str, ...] = ()


@dataclass
class ImportReport:
    """What an import found and did."""

    file: str
    kind: str
    sheet: str | None
    encoding: str | None
    sha256: str
    header_row: int
    columns: list[Column]
    rows: int = 0
    created: list[Created] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    backfilled: int = 0
    dry_run: bool = False
    written: list[str] = field(default_factory=list)
    commit: str | None = None

    @property
    def ok(self) -> bool:
        """No row has a problem."""
        return not self.errors

    def heading(self, key: str | None) -> tuple[str | None, str | None]:
        """The sheet's own heading and column letter of a field, if it has the column."""
        for column in self.columns:
            if column.key == key:
                return column.heading, column.letter
        return None, None


def import_ledger(context: LedgerContext, path: Path, options: ImportOptions,
                  today: dt.date, progress: Progress | None = None) -> ImportReport:
    """Import the hazards of the spreadsheet at ``path`` (see the module docstring)."""
    maps = parse_maps(options.maps)
    defaults = _defaults(options.defaults, context)
    sheet = read_sheet(path, options.sheet, lambda head: find_header(head, maps) is not None)
    found = find_header(sheet.rows, maps)
    if found is None:
        raise SafecheckError(Msg("import.no_header", file=sheet.file, sheet=sheet.name or "-",
                                 examples=[Msg(f"field.{key}") for key in (
                                     "title", "location", "found_on", "measures")]))
    position, columns = found
    header = sheet.rows[position]
    check_columns(columns, maps, sheet.file, header.number)
    report = ImportReport(file=sheet.file, kind=sheet.kind, sheet=sheet.name,
                          encoding=sheet.encoding, sha256=sheet.sha256,
                          header_row=header.number, columns=columns, dry_run=options.dry_run)
    body = [r for r in sheet.rows[position + 1:] if _holds_data(r, columns)]
    report.rows = len(body)
    _column_notes(report, body)
    with store.writing(context.root):
        planned = _plan(context, sheet, report, body, defaults, options, today, progress)
        if report.errors or options.dry_run or not planned:
            return report
        files = _write(context, planned, progress)
        report.written = [p.relative_to(context.root).as_posix() for p in files]
        if options.commit:
            from safecheck.changes import commit_files

            report.commit = commit_files(context, Msg(
                "import.commit", file=sheet.file, count=len(planned),
                backfill=Msg("import.commit_backfill") if report.backfilled else ""), files)
    return report


def _defaults(given: dict[str, str], context: LedgerContext) -> dict[str, Any]:
    out: dict[str, Any] = {}
    readers: dict[str, Callable[[Any], Any]] = {
        "unit": lambda v: cells.unit(v, context), "domain": lambda v: cells.domain(v, context),
        "source": lambda v: cells.source(v, context), "level": cells.level}
    for key in DEFAULTABLE:
        value = given.get(key)
        if value is None:
            continue
        try:
            read = readers[key](value)
        except CellError as exc:
            raise SafecheckError(Msg("import.option", option=f"--{key}",
                                     problem=exc.msg)) from None
        out[key] = getattr(read, "value", read)
    return out


def _holds_data(row: SheetRow, columns: list[Column]) -> bool:
    """A row with something to import (a template's pre-numbered 序号 alone is not)."""
    for column in columns:
        if column.key in (None, "seq", *NOT_IMPORTED) or column.index >= len(row.cells):
            continue
        if cells.as_text(row.cells[column.index]) is not None:
            return True
    return False


def _column_notes(report: ImportReport, body: list[SheetRow]) -> None:
    named = {c.index for c in report.columns}
    for key in NOT_IMPORTED:
        heading, letter = report.heading(key)
        if heading is not None:
            report.warnings.append(RowProblem(0, key, Msg(
                f"import.not_imported.{key}", heading=heading, letter=letter)))
    for index in sorted({i for r in body for i, c in enumerate(r.cells)
                         if i not in named and cells.as_text(c) is not None}):
        report.warnings.append(RowProblem(0, None, Msg(
            "import.unnamed_column", letter=column_letter(index))))


def content_key(unit: Any, found_on: Any, title: Any, location: Any) -> tuple[str, ...]:
    """What makes two rows the same hazard: unit, date found, title and location
    (compared without spaces, punctuation or case)."""
    day = found_on.isoformat() if isinstance(found_on, dt.date) else str(found_on)
    return (str(unit), day, cells.key(str(title or "")), cells.key(str(location or "")))


@dataclass(frozen=True)
class _Planned:
    hazard: Hazard
    transcript: str


def _plan(context: LedgerContext, sheet: Sheet, report: ImportReport, body: list[SheetRow],
          defaults: dict[str, Any], options: ImportOptions, today: dt.date,
          progress: Progress | None) -> list[_Planned]:
    locale = context.settings.locale
    name = text("import.transcript_name", locale)
    ledger = store.load_ledger(context.root)
    existing = {s.hazard.id: s.hazard for s in ledger.hazards}
    by_content = {content_key(h.unit, h.found_on, h.title, h.location): h.id
                  for h in existing.values()}
    seen: dict[tuple[str, ...], int] = {}
    assigned: set[str] = set()
    planned: list[_Planned] = []
    loose: dict[tuple[str, str, str], list[int]] = {}

    def taken(candidate: str) -> bool:
        return (candidate in assigned or candidate in existing
                or layout.hazard_path(context.root, candidate).exists())

    for done, row in enumerate(body, start=1):
        if progress is not None:
            progress("check", done, len(body))
        parsed = parse_row(row, report.columns, context, defaults)
        for item in parsed.loose:
            loose.setdefault(item, []).append(row.number)
        draft = assemble(parsed, locale, name)
        data = draft.data
        problems = [*parsed.problems, *draft.problems]
        report.warnings.extend(draft.warnings)
        wanted, ref = _own_id(parsed.values, data, report, row.number)
        key = content_key(data["unit"], data["found_on"], data["title"], data["location"])
        twin = existing.get(wanted) if wanted else None
        known = twin.id if twin else by_content.get(key)
        if known is not None:  # not imported, so not judged; its unreadable cells still are
            report.duplicates.append(Duplicate(row.number, known, _differs(existing[known],
                                                                           data)))
            report.errors.extend(parsed.problems)
            continue
        if key in seen and all(key):
            problems.append(RowProblem(row.number, None, Msg("import.row.twice",
                                                             first=seen[key])))
        seen.setdefault(key, row.number)
        if wanted in assigned:
            problems.append(RowProblem(row.number, "id", Msg("import.row.same_id", id=wanted)))
        hazard_id = _new_id(data, wanted, taken, key)
        assigned.add(hazard_id)
        data["id"] = hazard_id
        data["imported"] = {"file": sheet.file, "sheet": sheet.name, "row": row.number,
                            "ref": ref, "inferred": sorted(set(draft.inferred))}
        judged = judge(data, row.number, context, today, options.backfill)
        reported = {p.key for p in parsed.problems}
        problems += [p for p in judged.problems if p.key is None or p.key not in reported]
        report.errors.extend(problems)
        report.backfilled += judged.late
        if problems or judged.hazard is None:
            continue
        hazard = judged.hazard
        report.created.append(Created(row.number, hazard,
                                      layout.hazard_relpath(hazard.id)))
        planned.append(_Planned(hazard, render_transcript(
            sheet, report.header_row, report.columns, row, hazard, today, locale)))
    for (key_, value, matched), rows_ in loose.items():
        report.warnings.append(RowProblem(0, key_, Msg(
            "import.loose", value=value, matched=_word(key_, matched, context),
            rows=rows_)))
    return planned


def _word(key: str, value: str, context: LedgerContext) -> str | Msg:
    if key == "domain":
        return context.domain_name(value)
    if key == "source":
        return Msg(f"source.{value}")
    return value


def _own_id(values: dict[str, Any], data: dict[str, Any], report: ImportReport,
            row: int) -> tuple[str | None, str | None]:
    """The row's own ID if it is one for this unit and day (kept as the record's ID),
    and what is kept as ``imported.ref`` (an ID that is not, else the 序号)."""
    given = values.get("id")
    if given is None:
        return None, values.get("seq")
    candidate = ids.normalize_hazard_id(str(given))
    parsed = ids.parse_hazard_id(candidate)
    if parsed is not None and parsed == (data["unit"], data["found_on"]):
        return candidate, None
    if parsed is not None:
        report.warnings.append(RowProblem(row, "id", Msg("import.row.id_mismatch", id=given)))
    return None, str(given)


def _new_id(data: dict[str, Any], wanted: str | None, taken: Callable[[str], bool],
            key: tuple[str, ...]) -> str:
    """The row's own ID, else one made as new-hazard makes them, its four characters
    drawn from the row's content: a dry run shows the IDs the import will write."""
    if wanted is not None and not taken(wanted):
        return wanted
    unit, found_on = data.get("unit"), data.get("found_on")
    if not isinstance(unit, str) or not isinstance(found_on, dt.date):
        return "XX-00000000-0000"  # the row has problems; it is judged, never written
    stream = _Chooser("\0".join(key))
    return ids.new_hazard_id(unit, found_on, taken, stream)


class _Chooser:
    """Characters drawn from a hash of the row: the same row, the same ID."""

    def __init__(self, seed: str) -> None:
        self.seed, self.counter, self.buffer = seed, 0, b""

    def __call__(self, alphabet: str) -> str:
        if not self.buffer:
            self.buffer = hashlib.sha256(f"{self.seed}#{self.counter}".encode()).digest()
            self.counter += 1
        byte, self.buffer = self.buffer[0], self.buffer[1:]
        return alphabet[byte % len(alphabet)]


def _differs(hazard: Hazard, data: dict[str, Any]) -> tuple[str, ...]:
    """The facts in which a row and the record it matches differ (the ledger keeps its
    own: an import never changes a record)."""
    out = []
    for name in ("title", "location", "found_on", "level", "status"):
        mine, theirs = getattr(hazard, name), data.get(name)
        if theirs is not None and str(mine) != str(getattr(theirs, "value", theirs)):
            out.append(name)
    return tuple(out)


def _write(context: LedgerContext, planned: list[_Planned], progress: Progress | None
           ) -> list[Path]:
    """Write every record and its transcript; on any failure, take away what this
    import created (only that) and re-raise."""
    created: list[Path] = []
    name = text("import.transcript_name", context.settings.locale)
    try:
        for done, item in enumerate(planned, start=1):
            record = layout.hazard_path(context.root, item.hazard.id)
            created.append(store.write_document(record, name, item.transcript))
            created.append(store.write_hazard(context.root, item.hazard, None))
            if progress is not None:
                progress("write", done, len(planned))
    except BaseException:
        for path in reversed(created):
            with contextlib.suppress(OSError):
                path.unlink()
            with contextlib.suppress(OSError):
                if path.name == name:
                    path.parent.rmdir()
        raise
    return created


__all__ = ["Created", "Duplicate", "ImportOptions", "ImportReport", "Progress",
           "RowProblem", "import_ledger"]
