"""Asking a safety officer at the terminal for what ``new-hazard`` is missing.

Choices (units, domains, levels, sources) are offered as numbered lists in the configured
language; an answer is checked at once and asked again if it is not usable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from rich.console import Console
from rich.markup import escape

from safecheck.context import LedgerContext
from safecheck.labels import label, level_label, source_label
from safecheck.lifecycle import PlanInput, Registration
from safecheck.models.common import parse_date
from safecheck.output.console import stderr
from safecheck.vocab import Level, Locale

T = TypeVar("T")

_TEXT = {
    "intro": ("登记隐患：请补充以下信息（直接回车采用方括号内的默认值）。",
              "Register a hazard: answer the questions below (Enter takes the [default])."),
    "again": ("请重新输入：", "Please try again: "),
    "choose": ("请输入编号或代码", "enter a number or a code"),
    "required": ("此项必填", "this is required"),
    "major": ("重大隐患须在登记时填写完整的五到位整改方案。",
              "A major hazard needs the complete five-in-place plan at registration."),
    "measures": ("整改措施（每行一条，空行结束）", "Measures (one per line, empty line to end)"),
    "number": ("请输入数字", "enter a number"),
}


class Asker:
    """Prompts on stderr that check each answer and ask again until it is usable."""

    def __init__(self, console: Console, locale: Locale) -> None:
        self.console = console
        self.locale = locale

    def say(self, key: str) -> str:
        zh, en = _TEXT[key]
        return en if self.locale == Locale.EN else zh

    def _ask(self, prompt: str, parse: Callable[[str], T], default: str | None = None) -> T:
        suffix = f" [{escape(default)}]" if default else ""
        while True:
            answer = self.console.input(f"[bold]{escape(prompt)}[/bold]{suffix}: ").strip()
            if not answer and default is not None:
                answer = default
            try:
                return parse(answer)
            except ValueError as exc:
                self.console.print(f"[red]{escape(self.say('again'))}{escape(str(exc))}[/red]")

    def text(self, prompt: str, default: str | None = None) -> str:
        def parse(answer: str) -> str:
            if not answer:
                raise ValueError(self.say("required"))
            return answer
        return self._ask(prompt, parse, default)

    def choice(self, prompt: str, options: list[tuple[str, str]]) -> str:
        for number, (value, shown) in enumerate(options, start=1):
            self.console.print(f"  {number:>2}) {escape(value)}  {escape(shown)}")

        def parse(answer: str) -> str:
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1][0]
            for value, shown in options:
                if answer.lower() == value.lower() or answer == shown:
                    return value
            raise ValueError(self.say("choose"))
        return self._ask(prompt, parse)

    def date(self, prompt: str, default: dt.date) -> dt.date:
        return self._ask(prompt, parse_date, default.isoformat())

    def amount(self, prompt: str) -> float | int:
        def parse(answer: str) -> float | int:
            text = answer.replace(",", "")
            try:
                value = float(text)
            except ValueError:
                raise ValueError(self.say("number")) from None
            if value < 0 or value != value:
                raise ValueError(self.say("number"))
            return int(value) if value.is_integer() else value
        return self._ask(prompt, parse)

    def lines(self, prompt: str) -> tuple[str, ...]:
        self.console.print(f"[bold]{escape(prompt)}[/bold]")
        found: list[str] = []
        while True:
            answer = self.console.input(f"  {len(found) + 1}. ").strip()
            if not answer:
                if found:
                    return tuple(found)
                self.console.print(f"[red]{escape(self.say('required'))}[/red]")
                continue
            found.append(answer)


def complete_registration(reg: Registration, context: LedgerContext,
                          today: dt.date) -> Registration:
    """Ask for every required field ``reg`` lacks (and the plan of a major hazard)."""
    settings = context.settings
    locale = settings.locale
    ask = Asker(stderr(), locale)
    if not reg.missing() and reg.level is not Level.MAJOR:
        return reg
    ask.console.print(ask.say("intro"))

    def name(field: str) -> str:
        return label(field, locale)

    values: dict[str, object] = {}
    for field in reg.missing():
        if field == "unit":
            values[field] = ask.choice(name(field), [(u.code, u.name) for u in settings.units])
        elif field == "domain":
            values[field] = ask.choice(name(field), [(d, context.domain_name(d))
                                                     for d in context.domains])
        elif field == "level":
            values[field] = Level(ask.choice(name(field), [(lv.value, level_label(lv, locale))
                                                           for lv in Level]))
        elif field == "source":
            values[field] = ask.choice(name(field), [(s, source_label(s, locale))
                                                     for s in settings.sources])
        elif field == "found_on":
            values[field] = ask.date(name(field), today)
        else:
            values[field] = ask.text(name(field))
    reg = replace(reg, **values)  # type: ignore[arg-type]
    if reg.level is Level.MAJOR:
        reg = replace(reg, plan=complete_plan(ask, reg.plan, locale, today))
    return reg


def complete_plan(ask: Asker, plan: PlanInput, locale: Locale, today: dt.date) -> PlanInput:
    """Ask for the five-in-place parts ``plan`` lacks (a major hazard needs them all)."""
    values: dict[str, object] = {}
    if (not plan.measures or not plan.responsible or plan.funding is None
            or plan.deadline is None or not plan.contingency_plan):
        ask.console.print(ask.say("major"))
    if not plan.measures:
        values["measures"] = ask.lines(ask.say("measures"))
    if not plan.responsible:
        values["responsible"] = ask.text(label("responsible", locale))
    if plan.funding is None:
        values["funding"] = ask.amount(label("funding", locale) + " (CNY)")
    if plan.deadline is None:
        values["deadline"] = ask.date(label("deadline", locale), today + dt.timedelta(days=30))
    if not plan.contingency_plan:
        values["contingency_plan"] = ask.text(label("contingency_plan", locale))
    return replace(plan, **values)  # type: ignore[arg-type]
