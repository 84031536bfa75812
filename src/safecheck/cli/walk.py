"""Walking a checklist at the terminal: every item asked, one at a time, with a counter.

Nothing is assumed: an item is pass, fail, not applicable or not checked only when the
inspector says so. A failed item asks for the defect found (its hazard's title), where it
is (its own location) and, for a major item, the interim control measures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.markup import escape

from safecheck.cli.prompts import Asker
from safecheck.context import LedgerContext
from safecheck.errors import SafecheckError
from safecheck.i18n import Msg, text
from safecheck.inspections import FAIL, NA, PASS, UNCHECKED, InspectionInput, Outcome, applicable
from safecheck.output.console import stderr
from safecheck.vocab import Level

_ANSWERS = {
    PASS: {"p", "pass", "y", "合格"},
    FAIL: {"f", "fail", "x", "不合格"},
    NA: {"n", "na", "n/a", "不适用"},
    UNCHECKED: {"u", "unchecked", "skip", "未检查"},
    "note": {"m", "note", "备注"},
}


def walk_checklist(context: LedgerContext, given: InspectionInput,
                   today: dt.date) -> InspectionInput:
    """Ask for every item the flags did not settle, then confirm before anything is
    written."""
    locale = context.settings.locale
    regimes = context.settings.regimes_of(given.unit)
    ask = Asker(stderr(), context, today)
    checklist = context.checklist(given.checklist)
    items = applicable(context, checklist, given.unit)
    results = dict(given.results)
    location = given.location or ask.text(text("walk.location"))
    ask.console.print(f"[bold]{escape(checklist.names.get(locale))}[/bold] — "
                      f"{context.settings.unit_name(given.unit)} {given.day}")
    ask.console.print(escape(text("walk.choices")))
    interim = dict(given.interim)
    for number, item in enumerate(items, start=1):
        if item.id in results:
            continue
        step = f"{item.step}. " if item.step else ""
        ask.console.print(f"\n[dim][{number}/{len(items)}][/dim] [bold]{step}{item.id}[/bold] "
                          f"{escape(item.text.get(locale))}")
        level, basis = item.suggested(regimes)
        if level is Level.MAJOR:
            ask.console.print(f"[dim]{text('level.major')}: {escape(basis or '')}[/dim]")
        result, note = _answer(ask, given.all_pass)
        where: str | None = None
        if result == FAIL:
            default = item.defect.get(locale) if item.defect else None
            note = note or ask.text(text("walk.problem"), default=default)
            where = ask.text(text("field.location"), default=location)
            if level is Level.MAJOR and not interim.get(item.id, interim.get("*")):
                ask.console.print(text("prompt.major"))
                interim[item.id] = ask.lines(text("prompt.interim"))
        results[item.id] = Outcome(result, note, where if where != location else None)
    counts = {r: sum(1 for o in results.values() if o.result == r)
              for r in (PASS, FAIL, NA, UNCHECKED)}
    ask.console.print("\n" + text("walk.summary", p=counts[PASS], f=counts[FAIL],
                                  n=counts[NA], u=counts[UNCHECKED]))
    answer = ask.console.input(escape(text("walk.confirm", f=counts[FAIL])) + " ")
    if answer.strip().lower() not in ("", "y", "yes", "是", "确认"):
        raise SafecheckError(Msg("walk.cancelled"))
    return replace(given, location=location, results=results, interim=interim)


def _answer(ask: Asker, all_pass: bool) -> tuple[str, str | None]:
    note: str | None = None
    while True:
        answer = ask.console.input(f"{text('walk.result')}: ").strip().lower()
        if not answer and all_pass:
            return PASS, note
        if answer in _ANSWERS["note"]:
            note = ask.console.input(f"{text('walk.note')}: ").strip() or None
            continue
        result = next((r for r in (PASS, FAIL, NA, UNCHECKED) if answer in _ANSWERS[r]), None)
        if result is not None:
            return result, note
        ask.console.print(f"[red]{text('walk.again')}[/red]")
