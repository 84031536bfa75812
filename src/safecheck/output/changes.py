"""What a changing command prints: the ID, the file, the status it moved to and the
commit that recorded it."""

from __future__ import annotations

from rich.markup import escape

from safecheck.changes import Changed
from safecheck.i18n import text
from safecheck.output.console import stdout
from safecheck.output.json_out import print_json
from safecheck.vocab import Locale


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
        if changed.commit:
            data["commit"] = changed.commit
        print_json(data)
        return
    status = text(f"status.{hazard.status.value}", locale)
    move = status
    if changed.previous_status is not None and changed.previous_status != hazard.status:
        move = f"{text(f'status.{changed.previous_status.value}', locale)} → {status}"
    line = (f"{escape(text(f'done.{verb}', locale))} [bold]{hazard.id}[/bold] ({escape(move)})  "
            f"{escape(changed.relpath)}")
    if changed.commit:
        line += f"  {escape(text('commit.done', locale, sha=changed.commit[:8]))}"
    stdout().print(line)
