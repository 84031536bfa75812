"""Walking a checklist at the terminal: one item at a time, with a progress counter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.markup import escape

from safecheck.cli.prompts import Asker
from safecheck.context import LedgerContext
from safecheck.errors import SafecheckError
from safecheck.i18n import Msg, text
from safecheck.inspections import FAIL, NA, PASS, InspectionInput
from safecheck.output.console import stderr
from safecheck.vocab import Level

_ANSWERS = {
    PASS: {"", "p", "pass", "y", "通过", "合格"},
    FAIL: {"f", "fail", "x", "不通过", "不合格"},
    NA: {"n", "na", "n/a", "不适用"},
    "note": {"m", "note", "备注"},
}


def walk_checklist(context: LedgerContext, given: InspectionInput,
                   today: dt.date) -> InspectionInput:
    """Ask for every item the flags did not settle, then confirm before anything is written."""
    locale = context.settings.locale
    ask = Asker(stderr(), context, today)
    checklist = context.checklists[given.domain]
    results = dict(given.results)
    location = given.location or ask.text(text("walk.location"))
    ask.console.print(f"[bold]{escape(checklist.names.get(locale))}[/bold] — "
                      f"{context.settings.unit_name(given.unit)} {given.day}")
    ask.console.print(escape(text("walk.choices")))
    total = len(checklist.items)
    interim: dict[str, tuple[str, ...]] = {}
    for number, item in enumerate(checklist.items, start=1):
        if item.id in results:
            continue
        ask.console.print(f"\n[dim][{number}/{total}][/dim] [bold]{item.id}[/bold] "
                          f"{escape(item.text.get(locale))}")
        if item.basis:
            ask.console.print(f"[dim]{text('field.basis')}: {escape(item.basis)}[/dim]")
        note: str | None = None
        while True:
            answer = ask.console.input(f"{text('walk.result')} \\[p]: ").strip().lower()
            if answer in _ANSWERS["note"]:
                note = ask.console.input(f"{text('walk.note')}: ").strip() or None
                continue
            result = next((r for r in (PASS, FAIL, NA) if answer in _ANSWERS[r]), None)
            if result is not None:
                break
            ask.console.print(f"[red]{text('walk.again')}[/red]")
        if result == FAIL and note is None:
            note = ask.console.input(f"{text('walk.problem')}: ").strip() or None
        results[item.id] = (result, note)
        if result == FAIL and item.level is Level.MAJOR:
            ask.console.print(text("prompt.major"))
            interim[item.id] = ask.lines(text("prompt.interim"))
    counts = {r: sum(1 for v, _ in results.values() if v == r) for r in (PASS, FAIL, NA)}
    counts[PASS] += total - len(results)
    ask.console.print("\n" + text("walk.summary", p=counts[PASS], f=counts[FAIL],
                                  n=counts[NA]))
    if counts[FAIL]:
        answer = ask.console.input(escape(text("walk.confirm", f=counts[FAIL])) + " ")
        if answer.strip().lower() not in ("", "y", "yes", "是", "确认"):
            raise SafecheckError(Msg("walk.cancelled"))
    return replace(given, location=location, results=results,
                   interim={**given.interim, **interim})
