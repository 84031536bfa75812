"""Closures reviewed like code: every commit of a range (a merge request) checked where
its changes happened, by rules and settings from outside the change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from safecheck.config import SETTINGS_FILE
from safecheck.context import LedgerContext
from safecheck.errors import EXIT_FINDINGS, EXIT_OK
from safecheck.events import Event, events_of_commit
from safecheck.gitrepo import Commit, GitRepo
from safecheck.history import Reader
from safecheck.i18n import Msg
from safecheck.labels import status_label
from safecheck.review.checks import Checker, ReviewFinding, documents_in_tree
from safecheck.review.scope import resolve_range, settings_at, settings_changes

__all__ = ["ReviewFinding", "ReviewResult", "ReviewedHazard", "run_review"]


@dataclass
class ReviewedHazard:
    """A hazard the range changed: its status before and after, and what happened."""

    id: str
    path: str
    title: str
    unit: str
    before: str | None
    after: str | None
    events: list[Event] = field(default_factory=list)
    created: bool = False

    def as_dict(self, locale: str) -> dict[str, Any]:
        """For JSON output and templates."""
        return {"id": self.id, "path": self.path, "title": self.title, "unit": self.unit,
                "before": self.before, "after": self.after,
                "before_label": status_label(self.before, locale) if self.before else None,
                "after_label": status_label(self.after, locale) if self.after else None,
                "changes": list(dict.fromkeys(e.kind for e in self.events)),
                "commits": list(dict.fromkeys(e.commit.short for e in self.events))}


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


def run_review(context: LedgerContext, git: GitRepo, reader: Reader, spec: str | None,
               base: str | None = None, environ: Mapping[str, str] | None = None
               ) -> ReviewResult:
    """Check every commit in the range with the settings of its base."""
    first, head = resolve_range(git, spec, base, environ or {},
                                context.settings.base_branch)
    at_base = settings_at(git, first)
    at_head = settings_at(git, head)
    settings = at_base or at_head or context.settings
    commits = git.range_commits(first, head)
    checker = Checker(git, reader, settings)
    _preload(reader, commits)
    checker.look_up_records(commits)
    for commit in commits:
        checker.check(commit)
    documents_in_tree(checker, head)
    touching = [c for c in commits if any(SETTINGS_FILE in (ch.old_path, ch.new_path)
                                          for ch in c.changes)]
    if touching or at_base != at_head:
        changes = settings_changes(at_base, at_head)
        last = touching[-1] if touching else None
        checker.fail("settings-changed", "-", SETTINGS_FILE,
                     Msg("review.settings_changed", changes=changes or [Msg(
                         "review.settings.same")]), last)
    _pipelines_changed(checker, commits)
    findings = sorted(checker.findings, key=lambda f: (f.hazard_id, f.rule, f.commit or ""))
    reviewed = _reviewed(reader, commits)
    _titles(git, reader, head, reviewed)
    return ReviewResult(first, head, commits, reviewed, findings)


#: The files that decide how a merge request is checked: the CI pipelines.
PIPELINE_FILES = (".gitlab-ci.yml", ".github/workflows/")


def _pipelines_changed(checker: Checker, commits: list[Commit]) -> None:
    """A change to a CI pipeline is a finding, like one to safecheck.yaml: the change
    under review must not decide how it is reviewed (each file once, its last commit)."""
    last: dict[str, Commit] = {}
    for commit in commits:
        for change in commit.changes:
            for path in (change.old_path, change.new_path):
                if path and (path == PIPELINE_FILES[0] or path.startswith(PIPELINE_FILES[1])):
                    last[path] = commit
    for path, commit in sorted(last.items()):
        checker.fail("pipeline-changed", "-", path, Msg("ci.pipeline_changed", path=path),
                     commit)


def _preload(reader: Reader, commits: list[Commit]) -> None:
    pairs = [(path, blob) for c in commits for ch in c.changes
             for path, blob in ((ch.old_path, ch.old_blob), (ch.new_path, ch.new_blob))
             if path and blob and path.startswith("records/") and path.endswith(".yaml")]
    reader.preload(pairs)


def _reviewed(reader: Reader, commits: list[Commit]) -> list[ReviewedHazard]:
    """The hazards whose status, plan or anything else changed, with their events."""
    by_id: dict[str, ReviewedHazard] = {}
    grouped: dict[str, list[Event]] = defaultdict(list)
    for commit in commits:
        for event in events_of_commit(reader, commit):
            grouped[event.hazard_id].append(event)
            first = by_id.get(event.hazard_id)
            status = event.detail.get("status") if event.kind in ("created", "deleted") else None
            if first is None:
                first = by_id[event.hazard_id] = ReviewedHazard(
                    event.hazard_id, event.path, str(event.detail.get("title", "")),
                    event.hazard_id.split("-", 1)[0], None, None,
                    created=event.kind == "created")
            if event.kind == "status":
                if first.before is None and not first.created:
                    first.before = event.detail["from"]
                first.after = event.detail["to"]
            elif event.kind == "created":
                first.after = status
            elif event.kind == "deleted":
                first.before = first.before or status
    for hazard_id, reviewed in by_id.items():
        reviewed.events = grouped[hazard_id]
    return sorted(by_id.values(), key=lambda r: (r.unit, r.id))


def _titles(git: GitRepo, reader: Reader, head: str, reviewed: list[ReviewedHazard]) -> None:
    """The title of each reviewed hazard as it is at the head."""
    missing = {r.path: r for r in reviewed if not r.title}
    if not missing:
        return
    blobs = git.blob_ids([f"{head}:{p}" for p in missing])
    for path, item in missing.items():
        blob = blobs.get(f"{head}:{path}")
        version = reader.hazard(path, blob) if blob else None
        if version is not None and version.hazard is not None:
            item.title = version.hazard.title
