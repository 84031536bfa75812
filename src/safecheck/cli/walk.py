"""Walking a checklist at the terminal: one item at a time, with a progress counter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.markup import escape

from safecheck.cli.prompts import Asker, complete_plan
from safecheck.context import LedgerContext
from safecheck.errors import SafecheckError
from safecheck.inspections import FAIL, NA, PASS, InspectionInput
from safecheck.lifecycle import PlanInput
from safecheck.output.console import stderr
from safecheck.vocab import Level, Locale

_WORDS = {
    "location": ("检查地点", "Location"),
    "choices": ("[p]通过 / [f]不通过 / [n]不适用 / [m]备注", "[p]ass / [f]ail / [n]/a / [m] note"),
    "result": ("结果", "Result"),
    "note": ("备注", "Note"),
    "problem": ("存在问题（回车采用检查项原文）", "What is wrong (Enter: the item's text)"),
    "basis": ("依据", "Basis"),
    "summary": ("通过 {p}，不通过 {f}，不适用 {n}。",
                "{p} passed, {f} failed, {n} not applicable."),
    "confirm": ("写入排查记录并登记 {f} 条隐患？[Y/n]",
                "Write the inspection and register {f} hazard(s)? [Y/n]"),
    "again": ("请输入 p、f、n 或 m", "enter p, f, n or m"),
}
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
    ask = Asker(stderr(), locale)

    def say(key: str, **values: int) -> str:
        zh, en = _WORDS[key]
        return (en if locale == Locale.EN else zh).format(**values)

    checklist = context.checklists[given.domain]
    results = dict(given.results)
    location = given.location or ask.text(say("location"))
    ask.console.print(f"[bold]{escape(checklist.names.get(locale))}[/bold] — "
                      f"{context.settings.unit_name(given.unit)} {given.day}")
    ask.console.print(escape(say("choices")))
    total = len(checklist.items)
    item_plans: dict[str, PlanInput] = {}
    for number, item in enumerate(checklist.items, start=1):
        if item.id in results:
            continue
        ask.console.print(f"\n[dim][{number}/{total}][/dim] [bold]{item.id}[/bold] "
                          f"{escape(item.text.get(locale))}")
        if item.basis:
            ask.console.print(f"[dim]{say('basis')}: {escape(item.basis)}[/dim]")
        note: str | None = None
        while True:
            answer = ask.console.input(f"{say('result')} \\[p]: ").strip().lower()
            if answer in _ANSWERS["note"]:
                note = ask.console.input(f"{say('note')}: ").strip() or None
                continue
            result = next((r for r in (PASS, FAIL, NA) if answer in _ANSWERS[r]), None)
            if result is not None:
                break
            ask.console.print(f"[red]{say('again')}[/red]")
        if result == FAIL and note is None:
            note = ask.console.input(f"{say('problem')}: ").strip() or None
        results[item.id] = (result, note)
        if result == FAIL and item.level is Level.MAJOR:
            item_plans[item.id] = complete_plan(ask, given.plan, locale, today)
    counts = {r: sum(1 for v, _ in results.values() if v == r) for r in (PASS, FAIL, NA)}
    counts[PASS] += total - len(results)
    ask.console.print("\n" + say("summary", p=counts[PASS], f=counts[FAIL], n=counts[NA]))
    if counts[FAIL]:
        answer = ask.console.input(escape(say("confirm", f=counts[FAIL])) + " ").strip().lower()
        if answer not in ("", "y", "yes", "是", "确认"):
            raise SafecheckError("inspection cancelled; nothing was written")
    return replace(given, location=location, results=results, item_plans=item_plans)
