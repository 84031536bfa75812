"""What happened to hazards between revisions: events attributed to the first-parent
commits that made them, for review and for one hazard's history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from safecheck.errors import NotFound
from safecheck.gitrepo import Change, Commit, GitRepo
from safecheck.history import Reader, id_of, is_hazard_path, layout_files
from safecheck.i18n import Msg
from safecheck.layout import hazard_relpath
from safecheck.models.hazard import Hazard


@dataclass(frozen=True)
class Event:
    """One thing that happened to a hazard, attributed to the commit that did it."""

    kind: str
    hazard_id: str
    path: str
    commit: Commit
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """For JSON output."""
        return {"kind": self.kind, "id": self.hazard_id, "path": self.path,
                "commit": self.commit.sha, "author": self.commit.author,
                "email": self.commit.email, "date": self.commit.date.isoformat(),
                **self.detail}


#: Lists whose new entries are events of their own (append-only in the lifecycle).
_ENTRY_LISTS = ("extensions", "rectifications", "verifications", "corrections", "reopenings")
#: Keys reported by their own events, not as field changes.
_OWN_EVENTS = {"status", "id", "void", "documents", "schema", *_ENTRY_LISTS}


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"plan": {"deadline": …}}`` → ``{"plan.deadline": …}``; lists stay whole."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and key != "fields":
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def field_changes(old: Hazard, new: Hazard) -> list[dict[str, Any]]:
    """Every field that differs between two versions, with its old and new value
    (the plan's parts included), except those reported as events of their own."""
    before = _flatten({k: v for k, v in old.to_data().items() if k not in _OWN_EVENTS})
    after = _flatten({k: v for k, v in new.to_data().items() if k not in _OWN_EVENTS})
    return [{"field": name, "old": before.get(name), "new": after.get(name)}
            for name in sorted(set(before) | set(after), key=_field_order(before, after))
            if before.get(name) != after.get(name)]


def _field_order(before: dict[str, Any], after: dict[str, Any]) -> Any:
    order = {name: i for i, name in enumerate([*after, *before])}
    return lambda name: order.get(name, len(order))


def changes_between(old: Hazard | None, new: Hazard | None) -> list[tuple[str, dict[str, Any]]]:
    """What happened between two versions of one hazard, as (kind, detail) pairs."""
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        return [("created", {"status": new.status.value, "title": new.title})]
    if new is None:
        return [("deleted", {"status": old.status.value, "title": old.title})]
    found: list[tuple[str, dict[str, Any]]] = []
    if old.id != new.id:
        found.append(("id-changed", {"from": old.id, "to": new.id}))
    if not old.plan_complete and new.plan_complete:
        deadline = new.plan.deadline if new.plan else None
        found.append(("plan-completed", {"deadline": deadline.isoformat() if deadline
                                         else None}))
    for ext in new.extensions[len(old.extensions):]:
        found.append(("extended", {"to": ext.to.isoformat(), "approved_by": ext.approved_by,
                                   "on": ext.approved_on.isoformat()}))
    for n, round_ in enumerate(new.rectifications[len(old.rectifications):],
                               start=len(old.rectifications) + 1):
        found.append(("rectified", {"round": n, "by": round_.by,
                                    "on": round_.completed_on.isoformat(),
                                    "documents": list(round_.documents)}))
    for ver in new.verifications[len(old.verifications):]:
        found.append(("verified", {"result": ver.result.value, "by": ver.by,
                                   "on": ver.date.isoformat()}))
    for correction in new.corrections[len(old.corrections):]:
        found.append(("corrected", {"by": correction.by, "reason": correction.reason,
                                    "fields": {k: list(v) for k, v in
                                               correction.fields.items()}}))
    old_docs = old.all_documents
    new_docs = new.all_documents
    added = [d for d in new_docs if d not in old_docs]
    removed = [d for d in old_docs if d not in new_docs]
    if added:
        found.append(("documents", {"added": added}))
    if removed:
        found.append(("documents-removed", {"removed": removed}))
    for reopening in new.reopenings[len(old.reopenings):]:
        found.append(("reopened", {"by": reopening.by, "reason": reopening.reason,
                                   "deadline": reopening.deadline.isoformat()
                                   if reopening.deadline else None}))
    if old.status != new.status:
        found.append(("status", {"from": old.status.value, "to": new.status.value}))
        if new.status.value == "closed":
            last = new.verifications[-1] if new.verifications else None
            found.append(("closed", {"verified_by": last.by if last else None}))
        if new.status.value == "void" and new.void is not None:
            found.append(("voided", {"by": new.void.by, "reason": new.void.reason}))
    changed = field_changes(old, new)
    if changed:
        found.append(("edited", {"fields": [c["field"] for c in changed],
                                 "changes": changed}))
    return found


def events_of_commit(reader: Reader, commit: Commit) -> list[Event]:
    """Every event a commit caused in hazard records."""
    events: list[Event] = []
    for change in commit.changes:
        if not _touches_hazard(change):
            continue
        old = (reader.hazard(change.old_path, change.old_blob)
               if change.old_path and change.old_blob and is_hazard_path(change.old_path)
               else None)
        new = (reader.hazard(change.new_path, change.new_blob)
               if change.new_path and change.new_blob and is_hazard_path(change.new_path)
               else None)
        path = change.new_path or change.old_path or ""
        hazard_id = ((new.hazard.id if new and new.hazard else None)
                     or (old.hazard.id if old and old.hazard else None) or id_of(path))
        if change.status == "R" and change.old_path != change.new_path:
            events.append(Event("renamed", hazard_id, path, commit,
                                {"from": change.old_path, "to": change.new_path}))
        if new is not None and new.hazard is None:
            events.append(Event("invalid", hazard_id, path, commit,
                                {"problem": str(new.problems[0]) if new.problems else ""}))
            continue
        old_model = old.hazard if old else None
        new_model = new.hazard if new else None
        if old is not None and old.hazard is None and new_model is not None:
            events.append(Event("edited", hazard_id, path, commit, {"fields": ["(repaired)"]}))
            continue
        for kind, detail in changes_between(old_model, new_model):
            if kind == "status" and new is not None and new.problems:
                # The commit moved the status but left the record breaking a lifecycle rule:
                # the content does not back the new status.
                detail = {**detail, "problem": new.problems[0].message}
            events.append(Event(kind, hazard_id, path, commit, detail))
    return events


def _touches_hazard(change: Change) -> bool:
    return any(p is not None and is_hazard_path(p) for p in (change.old_path, change.new_path))


def events_in(reader: Reader, commits: Iterable[Commit]) -> list[Event]:
    """Events of many commits, oldest first. ``commits`` come newest first from git log."""
    ordered = list(commits)[::-1]
    _preload(reader, ordered)
    events: list[Event] = []
    for commit in ordered:
        events.extend(events_of_commit(reader, commit))
    return events


def _preload(reader: Reader, commits: Iterable[Commit]) -> None:
    """Parse every blob the commits touch in one batch (one cat-file, all cores)."""
    pairs = []
    for commit in commits:
        for change in commit.changes:
            for path, blob in ((change.old_path, change.old_blob),
                               (change.new_path, change.new_blob)):
                if path and blob and is_hazard_path(path):
                    pairs.append((path, blob))
    reader.preload(pairs)


def hazard_history(git: GitRepo, reader: Reader, hazard_id: str) -> list[Event]:
    """Every event in one hazard's life on the current branch, oldest first, following
    renames of its file."""
    at_head = [p for p in layout_files(git, "HEAD") if is_hazard_path(p)
               and id_of(p) == hazard_id]
    path = at_head[0] if at_head else hazard_relpath(hazard_id)
    commits = git.log(["HEAD"], paths=[path], follow=True)
    if not commits:
        raise NotFound(Msg("history.none", id=hazard_id, path=path))
    return [e for e in events_in(reader, commits) if e.hazard_id == hazard_id
            or e.kind in ("renamed", "id-changed")]
