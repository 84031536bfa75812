"""History events and review results for people: one line per event, tables, markdown."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from safecheck.events import Event
from safecheck.i18n import Msg, has, render, text
from safecheck.labels import status_label
from safecheck.output.console import stdout
from safecheck.review import ReviewResult
from safecheck.vocab import Locale


def describe(event: Event, locale: Locale) -> str:
    """What an event did, in words."""
    d = event.detail
    key = f"event.{event.kind}"
    if event.kind == "created":
        return text(key, locale, status=Msg(f"status.{d['status']}"))
    if event.kind == "status":
        return text(key, locale, before=Msg(f"status.{d['from']}"),
                    after=Msg(f"status.{d['to']}"))
    if event.kind == "verified":
        return text(key, locale, result=Msg(f"result.{d['result']}"), by=d["by"], on=d["on"])
    if event.kind == "corrected":
        return text(key, locale, reason=d["reason"], by=d["by"], changes=_changes(
            [(name, old, new) for name, (old, new) in d["fields"].items()], locale))
    if event.kind == "edited":
        return text(key, locale, changes=_changes(
            [(c["field"], c["old"], c["new"]) for c in d.get("changes", [])], locale)
            or [_field(name, locale) for name in d.get("fields", [])])
    params = {k: v if v is not None else "—" for k, v in d.items()}
    return text(key, locale, **params)


def _changes(changes: list[tuple[str, object, object]], locale: Locale) -> str:
    """``责任人：王强 → 赵刚；整改时限：…`` — each field's old and new value."""
    return text("history.separator", locale).join(
        text("history.change", locale, field=_field(name, locale), old=_value(old),
             new=_value(new)) for name, old, new in changes)


def _field(name: str, locale: Locale) -> str:
    """``plan.responsible.person`` → 责任人, ``major.assessment.date`` → 治理后评估·日期."""
    parts = [p for p in name.split(".") if p not in ("plan", "person", "amount")]
    return "·".join(text(f"field.{p}", locale) if has(f"field.{p}") else p for p in parts)


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return " ".join(str(value).split())


def print_history(hazard_id: str, events: list[Event], locale: Locale) -> None:
    """One line per event: date, commit, author, what changed."""
    console = stdout()
    console.print(f"[bold]{hazard_id}[/bold]")
    for event in events:
        when = event.commit.date.strftime("%Y-%m-%d %H:%M")
        console.print(f"{when}  {event.commit.short}  {escape(event.commit.author)}  "
                      f"{escape(describe(event, locale))}")


def print_review(result: ReviewResult, locale: Locale) -> None:
    """The hazards the range changed, then every finding (rule, hazard, commit, author,
    why), then the verdict."""
    console = stdout()
    console.print(text("review.range", locale, base=result.base[:8], head=result.head[:8],
                       count=len(result.commits)))
    if result.hazards:
        table = Table(header_style="bold")
        for key in ("field.id", "field.title", "review.status_change", "review.changes"):
            table.add_column(text(key, locale), overflow="fold")
        for h in result.hazards:
            before = status_label(h.before, locale) if h.before else "-"
            after = status_label(h.after, locale) if h.after else "-"
            table.add_row(h.id, escape(h.title), f"{before} → {after}",
                          escape(", ".join(dict.fromkeys(
                              text(f"event.kind.{e.kind}", locale) for e in h.events))))
        console.print(table)
    for finding in result.findings:
        where = f" {finding.commit} {finding.author}" if finding.commit else ""
        console.print(f"[red]✗ {finding.rule}[/red] {finding.hazard_id}{escape(where)}: "
                      f"{escape(render(finding.message, locale))}")
    if result.findings:
        console.print(f"[bold red]{text('review.failed', locale)}[/]"
                      + text("review.count", locale, count=len(result.findings)))
    else:
        console.print(f"[bold green]{text('review.passed', locale)}[/]")
