"""Closures reviewed like code: the status changes and closures in a revision range (a
pull request), checked against the lifecycle, the documents in the tree and the roster."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from safecheck.context import LedgerContext
from safecheck.errors import EXIT_FINDINGS, EXIT_OK, GitError
from safecheck.events import Event, events_in
from safecheck.gitrepo import Commit, GitRepo
from safecheck.history import Reader, Version, id_of, is_hazard_path
from safecheck.labels import status_label


def _impossible(before: str, after: str) -> bool:
    """A status change that no sequence of lifecycle steps can make."""
    return (after == "reported" and before != "reported") or (before == "void" and after != "void")


@dataclass(frozen=True)
class ReviewFinding:
    """Something in the range that fails the review."""

    rule: str
    hazard_id: str
    path: str
    message: str
    commit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """For JSON output."""
        return {"rule": self.rule, "id": self.hazard_id, "path": self.path,
                "commit": self.commit, "message": self.message}


@dataclass
class ReviewedHazard:
    """A hazard whose status or plan changed in the range."""

    id: str
    path: str
    title: str
    unit: str
    before: str | None
    after: str | None
    events: list[Event] = field(default_factory=list)

    def as_dict(self, locale: str) -> dict[str, Any]:
        """For JSON output and templates."""
        return {"id": self.id, "path": self.path, "title": self.title, "unit": self.unit,
                "before": self.before, "after": self.after,
                "before_label": status_label(self.before, locale) if self.before else None,
                "after_label": status_label(self.after, locale) if self.after else None,
                "changes": [e.kind for e in self.events],
                "commits": sorted({e.commit.short for e in self.events})}


@dataclass
class ReviewResult:
    """What the range changed and what fails."""

    base: str
    head: str
    commits: list[Commit]
    hazards: list[ReviewedHazard]
    findings: list[ReviewFinding]

    @property
    def exit_code(self) -> int:
        """1 when anything fails the review."""
        return EXIT_FINDINGS if self.findings else EXIT_OK

    def as_dict(self, locale: str) -> dict[str, Any]:
        """The whole result as plain values."""
        return {"base": self.base, "head": self.head, "commits": len(self.commits),
                "hazards": [h.as_dict(locale) for h in self.hazards],
                "findings": [f.as_dict() for f in self.findings],
                "passed": not self.findings}


def resolve_range(git: GitRepo, spec: str | None, base_branch: str) -> tuple[str, str]:
    """(base, head) commit ids. Default: merge-base of the base branch (origin/ preferred)
    and HEAD. ``A..B``, ``A...B`` (from their merge-base) and a single ``A`` (A..HEAD)."""
    if spec is None:
        for ref in (f"origin/{base_branch}", base_branch):
            if git.ref_exists(ref):
                head = git.resolve("HEAD")
                return git.merge_base(git.resolve(ref), head), head
        raise GitError(f"no base branch '{base_branch}' or 'origin/{base_branch}' (set "
                       "base_branch in safecheck.yaml or give a range such as main..HEAD)")
    if "..." in spec:
        left, right = spec.split("...", 1)
        head = git.resolve(right or "HEAD")
        return git.merge_base(git.resolve(left or "HEAD"), head), head
    if ".." in spec:
        left, right = spec.split("..", 1)
        return git.resolve(left or "HEAD"), git.resolve(right or "HEAD")
    return git.resolve(spec), git.resolve("HEAD")


def run_review(context: LedgerContext, git: GitRepo, reader: Reader,
               spec: str | None) -> ReviewResult:
    """Check every hazard the range changed."""
    base, head = resolve_range(git, spec, context.settings.base_branch)
    commits = git.log([f"{base}..{head}"]) if base != head else []
    events = events_in(reader, commits)
    changes = [c for c in git.diff(base, head, "records")
               if any(p and is_hazard_path(p) for p in (c.old_path, c.new_path))]
    head_files = set(git.tree(head, "records")) if changes else set()
    by_id: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_id[event.hazard_id].append(event)
    findings: list[ReviewFinding] = []
    reviewed: list[ReviewedHazard] = []
    for change in changes:
        old = (reader.hazard(change.old_path, change.old_blob)
               if change.old_path and change.old_blob else None)
        new = (reader.hazard(change.new_path, change.new_blob)
               if change.new_path and change.new_blob else None)
        path = change.new_path or change.old_path or ""
        hazard_id = _id(new) or _id(old) or id_of(path)
        mine = by_id.get(hazard_id, [])
        findings += _check(context, hazard_id, path, old, new, mine, head_files)
        before = old.hazard.status.value if old and old.hazard else None
        after = new.hazard.status.value if new and new.hazard else None
        plan_changed = _plan_of(old) != _plan_of(new)
        if before != after or plan_changed or new is None:
            model = (new.hazard if new and new.hazard else old.hazard if old else None)
            reviewed.append(ReviewedHazard(
                hazard_id, path, model.title if model else "", model.unit if model else "",
                before, after, mine))
    reviewed.sort(key=lambda r: (r.unit, r.id))
    findings.sort(key=lambda f: (f.hazard_id, f.rule))
    return ReviewResult(base, head, commits, reviewed, findings)


def _id(version: Version | None) -> str | None:
    return version.hazard.id if version and version.hazard else None


def _plan_of(version: Version | None) -> Any:
    if version is None or version.hazard is None:
        return None
    h = version.hazard
    return (h.plan.to_data() if h.plan else None, [e.to_data() for e in h.extensions])


def _check(context: LedgerContext, hazard_id: str, path: str, old: Version | None,
           new: Version | None, events: list[Event], head_files: set[str]
           ) -> list[ReviewFinding]:
    found: list[ReviewFinding] = []

    def fail(rule: str, message: str, commit: Commit | None = None) -> None:
        found.append(ReviewFinding(rule, hazard_id, path, message,
                                   commit.short if commit else None))

    for event in events:
        if event.kind == "deleted":
            fail("deleted", "the record was deleted; records are voided, never deleted",
                 event.commit)
        elif event.kind == "id-changed":
            fail("id-changed", f"the ID changed from {event.detail['from']} to "
                               f"{event.detail['to']}", event.commit)
        elif event.kind == "status" and _impossible(event.detail["from"], event.detail["to"]):
            fail("status-jump", f"status {event.detail['from']} → {event.detail['to']} is not "
                                "a lifecycle step", event.commit)
        elif event.kind == "status" and "problem" in event.detail:
            fail("status-jump", f"status {event.detail['from']} → {event.detail['to']} without "
                                f"what it needs: {event.detail['problem']}", event.commit)
        elif event.kind == "invalid":
            fail("invalid", f"the commit left an invalid record: {event.detail['problem']}",
                 event.commit)
    if new is None:
        if not any(e.kind == "deleted" for e in events):
            fail("deleted", "the record was deleted; records are voided, never deleted")
        return found
    h = new.hazard
    if h is None:
        if not any(e.kind == "invalid" for e in events):
            fail("invalid", str(new.problems[0]) if new.problems else "unreadable record")
        return found
    was = old.hazard if old else None
    closed_here = h.status.value == "closed" and (was is None or was.status.value != "closed")
    for problem in new.problems:
        rule = ("closure-verification" if closed_here and (problem.field or "").startswith(
            ("verifications", "root_cause")) else "invalid")
        fail(rule, f"{problem.field}: {problem.message}")
    if was is not None and was.status.value == "closed" and was != h and not any(
            e.kind in ("reopened", "voided") for e in events):
        fail("closed-edited", "a closed hazard was changed without being reopened or voided "
                              "in this range")
    if closed_here:
        closing = next((e.commit for e in reversed(events) if e.kind == "closed"), None)
        missing = [name for name in (h.documents.all() if h.documents else ())
                   if f"{path.removesuffix('.yaml')}/{name}" not in head_files]
        if missing:
            fail("closure-documents", f"documents not in the tree: {', '.join(missing)}",
                 closing)
        found += _roster_checks(context, hazard_id, path, h.unit, h.verifications[-1].by
                                if h.verifications else None, closing)
    return found


def _roster_checks(context: LedgerContext, hazard_id: str, path: str, unit: str,
                   verifier: str | None, closing: Commit | None) -> list[ReviewFinding]:
    people = context.settings.people
    if not any(p.roles for p in people) or closing is None:
        return []
    allowed = context.settings.verifiers_for(unit)
    author = next((p for p in allowed if p.email and p.email.lower() == closing.email.lower()),
                  None)
    if author is None:
        return [ReviewFinding("closure-author", hazard_id, path,
                              f"closed by {closing.author} <{closing.email}>, who is not a "
                              f"verifier for unit {unit} in safecheck.yaml", closing.short)]
    if verifier != author.name:
        return [ReviewFinding("closure-author", hazard_id, path,
                              f"the verification names {verifier}, but the closing commit is "
                              f"{author.name}'s", closing.short)]
    return []
