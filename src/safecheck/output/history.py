"""History events and review results for people: one line per event, tables, markdown."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from safecheck.events import Event
from safecheck.labels import status_label
from safecheck.output.console import stdout
from safecheck.review import ReviewResult
from safecheck.vocab import Locale

_KINDS = {
    "created": ("登记", "registered"), "status": ("状态", "status"),
    "plan-completed": ("五到位方案完整", "plan complete"), "extended": ("延期", "extended"),
    "rectified": ("整改完成", "rectified"), "verified": ("验收", "verified"),
    "closed": ("销号", "closed"), "reopened": ("重新打开", "reopened"),
    "voided": ("作废", "voided"), "edited": ("修改", "edited"),
    "renamed": ("移动文件", "file renamed"), "id-changed": ("编号变更", "ID changed"),
    "deleted": ("删除", "deleted"), "invalid": ("无效记录", "invalid record"),
    "documents": ("整改资料", "documents"),
}


def describe(event: Event, locale: Locale) -> str:
    """What an event did, in words."""
    zh, en = _KINDS[event.kind]
    word = en if locale == Locale.EN else zh
    d = event.detail
    if event.kind == "created":
        return f"{word} ({status_label(d['status'], locale)})"
    if event.kind == "status":
        return f"{word} {status_label(d['from'], locale)} → {status_label(d['to'], locale)}"
    if event.kind == "extended":
        return f"{word} → {d['to']} ({d['approved_by']})"
    if event.kind == "rectified":
        return f"{word} {d['on']} ({d['by']})"
    if event.kind == "verified":
        result = {"pass": ("通过", "pass"), "fail": ("不通过", "fail")}[d["result"]]
        return f"{word} {result[1] if locale == Locale.EN else result[0]} ({d['by']}, {d['on']})"
    if event.kind == "closed":
        return f"{word} ({d.get('verified_by') or '-'})"
    if event.kind in ("reopened", "voided"):
        return f"{word}: {d.get('reason', '')} ({d.get('by', '')})"
    if event.kind == "documents":
        return f"{word} + {', '.join(d['added'])}"
    if event.kind == "edited":
        return f"{word}: {', '.join(d['fields'])}"
    if event.kind in ("renamed", "id-changed"):
        return f"{word} {d['from']} → {d['to']}"
    if event.kind == "invalid":
        return f"{word}: {d.get('problem', '')}"
    return word


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
