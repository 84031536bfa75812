"""Asking a safety officer at the terminal for what a command is missing.

Choices (units, domains, levels, sources) are offered as numbered lists in the ledger's
language. Every answer is checked as it is given — a unit that does not exist, a date
in the future, a person not on the roster — and only that answer is asked again, so a
typo never costs the answers before it. Nothing is written until every answer is in;
Ctrl-C leaves the ledger as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from rich.console import Console
from rich.markup import escape

from safecheck.context import LedgerContext
from safecheck.i18n import Msg, render, text
from safecheck.lifecycle import MajorInput, PlanInput, Registration
from safecheck.lifecycle.table import require
from safecheck.models.common import amount_from_text, clean_name, parse_date
from safecheck.models.hazard import Hazard
from safecheck.output.console import stderr
from safecheck.vocab import Level

T = TypeVar("T")


class Asker:
    """Prompts on stderr that check each answer and ask again until it is usable."""

    def __init__(self, console: Console, context: LedgerContext, today: dt.date) -> None:
        self.console = console
        self.context = context
        self.today = today

    def say(self, key: str, **params: Any) -> str:
        """A catalogue text in the current locale."""
        return text(key, **params)

    def _ask(self, prompt: str, parse: Callable[[str], T], default: str | None = None) -> T:
        suffix = f" [{escape(default)}]" if default else ""
        while True:
            answer = self.console.input(f"[bold]{escape(prompt)}[/bold]{suffix}: ").strip()
            if not answer and default is not None:
                answer = default
            try:
                return parse(answer)
            except ValueError as exc:
                self.console.print(f"[red]{escape(self.say('prompt.again'))}"
                                   f"{escape(str(exc))}[/red]")

    def text(self, prompt: str, default: str | None = None, optional: bool = False) -> str:
        """Free text; required unless ``optional``."""
        def parse(answer: str) -> str:
            if not answer and not optional:
                raise ValueError(self.say("prompt.required"))
            return answer
        return self._ask(prompt, parse, default)

    def person(self, prompt: str, default: str | None = None) -> str:
        """A person's name; with a roster, one on it."""
        settings = self.context.settings

        def parse(answer: str) -> str:
            name = clean_name(answer)
            if not name:
                raise ValueError(self.say("prompt.required"))
            for part in name.replace(",", "、").split("、"):
                if settings.has_roster and settings.person(part) is None:
                    raise ValueError(render(Msg("rule.not_on_roster", name=part)))
            return name
        return self._ask(prompt, parse, default)

    def choice(self, prompt: str, options: list[tuple[str, str]]) -> str:
        """One of ``options`` (value, shown): by number, value or shown text."""
        for number, (value, shown) in enumerate(options, start=1):
            self.console.print(f"  {number:>2}) {escape(value)}  {escape(shown)}")

        def parse(answer: str) -> str:
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1][0]
            for value, shown in options:
                if answer.lower() == value.lower() or answer == shown:
                    return value
            raise ValueError(self.say("prompt.choose"))
        return self._ask(prompt, parse)

    def date(self, prompt: str, default: dt.date | None, not_after: dt.date | None = None,
             not_before: dt.date | None = None) -> dt.date:
        """A date YYYY-MM-DD within the bounds given."""
        def parse(answer: str) -> dt.date:
            day = parse_date(answer)
            if not_after is not None and day > not_after:
                raise ValueError(render(Msg("rule.future", date=day, recorded=not_after)))
            if not_before is not None and day < not_before:
                raise ValueError(render(Msg("prompt.not_before", date=day, when=not_before)))
            return day
        return self._ask(prompt, parse, default.isoformat() if default else None)

    def amount(self, prompt: str) -> float | int:
        """A money amount: a number, not negative."""
        def parse(answer: str) -> float | int:
            try:
                return amount_from_text(answer)
            except ValueError as exc:
                raise ValueError(render(exc.args[0]) if exc.args else self.say(
                    "prompt.number")) from None
        return self._ask(prompt, parse)

    def lines(self, prompt: str) -> tuple[str, ...]:
        """One or more lines; an empty line ends the list."""
        self.console.print(f"[bold]{escape(prompt)}[/bold]")
        found: list[str] = []
        while True:
            answer = self.console.input(f"  {len(found) + 1}. ").strip()
            if not answer:
                if found:
                    return tuple(found)
                self.console.print(f"[red]{escape(self.say('prompt.required'))}[/red]")
                continue
            found.append(answer)


def _field(name: str) -> str:
    return text(f"field.{name}")


def complete_registration(reg: Registration, context: LedgerContext,
                          today: dt.date) -> Registration:
    """Ask for every required field ``reg`` lacks (a major hazard's interim control
    measures included), each answer checked as it is given."""
    settings = context.settings
    ask = Asker(stderr(), context, today)
    if not reg.missing():
        return reg
    ask.console.print(ask.say("prompt.intro"))
    values: dict[str, object] = {}
    for name in reg.missing():
        if name == "interim_measures":
            continue  # asked once the level is known, below
        if name == "unit":
            values[name] = ask.choice(_field(name), [(u.code, u.name) for u in settings.units])
        elif name == "domain":
            values[name] = ask.choice(_field(name), [(d, context.domain_name(d))
                                                     for d in context.domains])
        elif name == "level":
            values[name] = Level(ask.choice(_field(name), [(lv.value, text(f"level.{lv.value}"))
                                                           for lv in Level]))
        elif name == "source":
            values[name] = ask.choice(_field(name), [(s, text(f"source.{s}"))
                                                     for s in settings.sources])
        elif name == "found_on":
            values[name] = ask.date(_field(name), today, not_after=today)
        elif name == "found_by":
            values[name] = ask.person(_field(name))
        else:
            values[name] = ask.text(_field(name))
    reg = replace(reg, **values)  # type: ignore[arg-type]
    if reg.level is Level.MAJOR and not reg.major.interim_measures:
        ask.console.print(ask.say("prompt.major"))
        reg = replace(reg, major=replace(reg.major, interim_measures=ask.lines(
            ask.say("prompt.interim"))))
    return reg


def ask_plan(hazard: Hazard, context: LedgerContext,
             today: dt.date) -> tuple[PlanInput, str | None]:
    """Ask for the five-in-place parts (and root cause) the hazard lacks (only when the
    step applies: nobody answers questions for a change that will be refused)."""
    require("plan", hazard.status, hazard.id)
    ask = Asker(stderr(), context, today)
    plan = hazard.plan
    values: dict[str, Any] = {}
    ask.console.print(ask.say("prompt.plan", id=hazard.id))
    if plan is None or not plan.measures:
        values["measures"] = ask.lines(ask.say("prompt.measures"))
    if plan is None or plan.responsible is None:
        values["responsible"] = ask.person(_field("responsible"))
    if plan is None or plan.funding is None:
        values["funding"] = ask.amount(_field("funding") + " (CNY)")
    if plan is None or plan.deadline is None:
        values["deadline"] = ask.date(_field("deadline"), today + dt.timedelta(days=30),
                                      not_before=today)
    if plan is None or not plan.contingency_plan:
        values["contingency_plan"] = ask.text(_field("contingency_plan"))
    root_cause = None
    if not hazard.root_cause:
        root_cause = ask.text(_field("root_cause"), optional=True) or None
    return PlanInput(**values), root_cause


def ask_major(hazard: Hazard, context: LedgerContext, today: dt.date) -> MajorInput:
    """Ask for the next major-hazard steps: report, governance plan, and — once the
    work is done — the assessment (and sign-off when supervised)."""
    require("major", hazard.status, hazard.id)
    ask = Asker(stderr(), context, today)
    major = hazard.major
    values: dict[str, Any] = {}
    ask.console.print(ask.say("prompt.major_steps", id=hazard.id))
    if major is None or major.reported_on is None:
        values["reported_on"] = ask.date(_field("reported_on"), today, not_after=today,
                                         not_before=hazard.found_on)
        values["reported_to"] = ask.text(_field("reported_to"))
    if major is None or not major.basis:
        values["basis"] = ask.text(_field("basis"))
    if major is None or not major.objectives:
        values["objectives"] = ask.text(_field("objectives"))
    if major is None or not major.plan_approved_by:
        values["plan_approved_by"] = ask.person(_field("plan_approved_by"))
    if hazard.status.value == "verifying":
        if major is None or major.assessment is None:
            values["assessed_on"] = ask.date(_field("assessment"), today, not_after=today)
            values["assessed_by"] = ask.text(_field("by"))
            values["assessment_result"] = ask.choice(_field("result"), [
                ("pass", text("result.pass")), ("fail", text("result.fail"))])
        if major is not None and major.supervised_by and major.signoff is None:
            values["signoff_on"] = ask.date(_field("signoff"), today, not_after=today)
            values["signoff_by"] = ask.text(_field("by"), default=major.supervised_by)
            values["signoff_reference"] = ask.text(_field("reference"), optional=True) or None
    return MajorInput(**values)


def ask_edit(hazard: Hazard, context: LedgerContext, edits: dict[str, Any],
             reason: str | None, by: str | None) -> tuple[dict[str, Any], str, str]:
    """Ask which fact to correct (when none was given), why, and who corrects it."""
    require("edit", hazard.status, hazard.id)
    ask = Asker(stderr(), context, dt.date.max)
    if not edits:
        from safecheck.models.hazard import EDITABLE_FIELDS

        options = [(name, _field(name)) for name in EDITABLE_FIELDS]
        name = ask.choice(ask.say("prompt.edit_field"), options)
        current = getattr(hazard, name)
        shown = current.value if isinstance(current, Level) else current
        answer = ask.text(_field(name), default=str(shown) if shown is not None else None)
        edits = {name: parse_date(answer) if name == "found_on" else
                 Level(answer) if name == "level" else answer}
    if not reason:
        reason = ask.text(_field("reason"))
    if not by:
        by = ask.person(_field("by"))
    return edits, reason, by
