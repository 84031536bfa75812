"""What a changing command prints: the ID, the file and the status it moved to."""

from __future__ import annotations

from rich.markup import escape

from safecheck.changes import Changed
from safecheck.labels import status_label
from safecheck.output.console import print_json, stdout
from safecheck.vocab import Locale

_VERBS = {
    "register": ("已登记", "Registered"),
    "plan": ("已更新整改方案", "Plan updated"),
    "extend": ("已延期", "Extended"),
    "rectify": ("已提交整改", "Rectification recorded"),
    "close": ("已销号", "Closed"),
    "reject": ("验收不通过", "Verification failed"),
    "reopen": ("已重新打开", "Reopened"),
    "void": ("已作废", "Voided"),
}


def print_change(changed: Changed, fmt: str, locale: Locale, verb: str) -> None:
    """One human line, or ``{"id", "path", "status", ...}`` as JSON."""
    hazard = changed.hazard
    if fmt == "json":
        data: dict[str, object] = {"id": hazard.id, "path": changed.relpath,
                                   "status": hazard.status.value}
        if changed.previous_status is not None:
            data["previous_status"] = changed.previous_status.value
        if changed.documents:
            data["documents"] = list(changed.documents)
        print_json(data)
        return
    zh, en = _VERBS[verb]
    status = status_label(hazard.status, locale)
    move = status
    if changed.previous_status is not None and changed.previous_status != hazard.status:
        move = f"{status_label(changed.previous_status, locale)} → {status}"
    word = en if locale == Locale.EN else zh
    stdout().print(f"{word} [bold]{hazard.id}[/bold] ({escape(move)})  {escape(changed.relpath)}")
