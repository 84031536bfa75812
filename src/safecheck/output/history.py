"""History events and review results for people: one line per event, tables, markdown."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from safecheck.events import Event
from safecheck.i18n import Msg, has, text
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
        return text(key, locale, reason=d["reason"], by=d["by"], changes="; ".join(
            f"{_field(name, locale)}: {_value(old)} → {_value(new)}"
            for name, (old, new) in d["fields"].items()))
    if event.kind == "edited":
        return text(key, locale, changes="; ".join(
            f"{_field(c['field'], locale)}: {_value(c['old'])} → {_value(c['new'])}"
            for c in d.get("changes", [])) or ", ".join(d.get("fields", [])))
    params = {k: (", ".join(v) if isinstance(v, list) else v if v is not None else "—")
              for k, v in d.items()}
    return text(key, locale, **params)


def _field(name: str, locale: Locale) -> str:
    last = name.rsplit(".", 1)[-1]
    return text(f"field.{last}", locale) if has(f"field.{last}") else name


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
    """The hazards the range changed, then what fails, then the verdict."""
    console = stdout()
    zh = locale != Locale.EN
    console.print(f"{result.base[:8]}..{result.head[:8]}  {len(result.commits)} "
                  f"{'个提交' if zh else 'commits'}")
    if result.hazards:
        table = Table(header_style="bold")
        for heading in (("编号", "ID"), ("隐患名称", "Title"), ("状态变化", "Status"),
                        ("变化", "Changes")):
            table.add_column(heading[0] if zh else heading[1], overflow="fold")
        for h in result.hazards:
            before = status_label(h.before, locale) if h.before else "-"
            after = status_label(h.after, locale) if h.after else "-"
            table.add_row(h.id, escape(h.title), f"{before} → {after}",
                          escape(", ".join(dict.fromkeys(e.kind for e in h.events))))
        console.print(table)
    for finding in result.findings:
        where = f" ({finding.commit})" if finding.commit else ""
        console.print(f"[red]✗ {finding.rule}[/red] {finding.hazard_id}{where}: "
                      f"{escape(finding.message)}")
    if result.findings:
        console.print(f"[bold red]{'审查未通过' if zh else 'review failed'}[/]: "
                      f"{len(result.findings)}")
    else:
        console.print(f"[bold green]{'审查通过' if zh else 'review passed'}[/]")
