"""The view-model of 隐患排查治理情况统计分析表 (quarterly or annual), signed by the
principal: the figures of :mod:`safecheck.report.statistics` with every word in the
chosen language. Templates (markdown, HTML) and the XLSX writer only lay it out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from safecheck.context import LedgerContext
from safecheck.gitrepo import GitRepo
from safecheck.history import Reader
from safecheck.i18n import text
from safecheck.report.figures import Ledger
from safecheck.report.statistics import statistics
from safecheck.report.windows import Window
from safecheck.vocab import Locale

#: The columns, in order: key in a row, and the catalogue word of its heading.
COLUMNS = (
    ("name", "stats.unit"), ("inspections", "stats.inspections"),
    ("found", "stats.found"), ("done", "stats.done"), ("rate", "stats.rate"),
    ("general_found", "stats.general_found"), ("general_done", "stats.general_done"),
    ("major_found", "stats.major_found"), ("major_done", "stats.major_done"),
    ("major_in_plan", "stats.major_in_plan"), ("major_five", "stats.major_five"),
    ("major_supervised", "stats.major_supervised"),
    ("funding_planned", "stats.funding_planned"), ("funding_spent", "stats.funding_spent"),
)
_WORDS = ("title", "period", "as_of", "revision", "total", "notes", "sign_principal",
          "sign_filler", "sign_date", "seal", "basis", "counting")


def build(context: LedgerContext, git: GitRepo, reader: Reader, window: Window,
          locale: Locale, today: dt.date, revision: str = "HEAD") -> dict[str, Any]:
    """The table of ``window`` from the records committed at ``revision``."""
    sha = git.resolve(revision)
    if window.start <= today < window.end:
        window = Window(window.start, today, window.kind, window.label)  # a current period
    snap = reader.snapshot(sha)
    ledger = Ledger(list(snap.hazards.values()), snap.inspections)
    units = [(u.code, u.name) for u in context.settings.units]
    table = statistics(ledger, window, units)
    total = {**table["total"], "name": text("stats.total", locale)}
    rows = [*table["rows"], total]
    period = _period(window, locale)
    as_of = min(window.end, today).isoformat()
    words = {w: text(f"stats.{w}", locale) for w in _WORDS}
    words["meta"] = text("stats.meta", locale, period=period, start=window.start,
                         end=window.end, as_of=as_of, revision=sha[:8])
    words["footnote"] = text("stats.footnote", locale, counting=words["counting"],
                             basis=words["basis"])
    return {
        "organization": context.settings.organization, "lang": locale.value,
        "words": words,
        "columns": [{"key": key, "label": text(word, locale)} for key, word in COLUMNS],
        "rows": rows, "cells": [[_cell(row[key]) for key, _ in COLUMNS] for row in rows],
        "period": {"label": period, "start": window.start.isoformat(),
                   "end": window.end.isoformat()},
        "as_of": as_of, "revision": sha[:8],
        "filled_on": today.isoformat(), "number": f"{window.label}",
    }


def _cell(value: Any) -> Any:
    if value is None:
        return "—"
    return value


def _period(window: Window, locale: Locale) -> str:
    year = window.start.year
    if window.kind == "quarter":
        number = (window.start.month + 2) // 3
        return f"{year}年第{number}季度" if locale is Locale.ZH else f"Q{number} {year}"
    return f"{year}年" if locale is Locale.ZH else str(year)
