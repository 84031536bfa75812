"""Every commit of a range checked where its changes happened (DESIGN.md, "Trust").

Each change of a hazard record is replayed through the lifecycle's rules of a change
(:func:`safecheck.lifecycle.check_change`) as of the commit's own day, with the settings
of the base. A merge is judged only by what the merge itself changed; what it brought
from a branch was judged in the branch's own commits, with their own authors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from safecheck.config import Settings
from safecheck.gitrepo import Change, Commit, GitRepo
from safecheck.history import Reader, Version, id_of
from safecheck.i18n import Msg
from safecheck.layout import RECORD_SUFFIX, PathKind, classify
from safecheck.lifecycle import check_change
from safecheck.lifecycle.replay import replay
from safecheck.models.common import same_person
from safecheck.models.hazard import Hazard
from safecheck.vocab import Severity, Status


@dataclass(frozen=True)
class ReviewFinding:
    """Something in the range that fails the review: which hazard, which commit, whose,
    which rule, and why."""

    rule: str
    hazard_id: str
    path: str
    message: Msg | str
    commit: str | None = None
    author: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """For JSON output and templates."""
        from safecheck.i18n import render

        return {"rule": self.rule, "id": self.hazard_id, "path": self.path,
                "commit": self.commit, "author": self.author, "message": render(self.message)}


@dataclass
class Checker:
    """Checks commits against the settings of the base."""

    git: GitRepo
    reader: Reader
    settings: Settings
    findings: list[ReviewFinding] = field(default_factory=list)
    #: Hazard records (path → id) a commit of the range changed, for the final tree check.
    touched: dict[str, str] = field(default_factory=dict)
    #: Blob ids of records by ``rev:path``, asked of git in one batch (look_up_records),
    #: and every ``rev:path`` asked.
    _record_blobs: dict[str, str] = field(default_factory=dict)
    _asked: set[str] = field(default_factory=set)

    def day_of(self, commit: Commit) -> dt.date:
        """The day a commit recorded its changes, in the organisation's time zone."""
        return commit.date.astimezone(ZoneInfo(self.settings.timezone)).date()

    def fail(self, rule: str, hazard_id: str, path: str, message: Msg | str,
             commit: Commit | None) -> None:
        self.findings.append(ReviewFinding(
            rule, hazard_id, path, message, commit.short if commit else None,
            f"{commit.author} <{commit.email}>" if commit else None))

    def look_up_records(self, commits: list[Commit]) -> None:
        """The blob ids of the records whose documents the commits change, before and
        after each commit, in one question to git (one per document is slow)."""
        self._look_up([spec for commit in commits
                       for _, _, kind in _under_records(commit)
                       if kind.kind == "document" and kind.record is not None
                       for spec in _record_specs(commit, kind.record)])

    def _look_up(self, specs: list[str]) -> None:
        wanted = [spec for spec in specs if spec not in self._asked]
        self._record_blobs.update(self.git.blob_ids(wanted))
        self._asked.update(wanted)  # (a record missing at a commit is asked once too)

    def check(self, commit: Commit) -> None:
        """Every change of one commit."""
        for change, path, kind in _under_records(commit):
            if (change.old_path and change.old_path != path
                    and classify(change.old_path).kind == "hazard" and kind.kind != "hazard"):
                # moved out of the ledger's layout: as good as deleted
                self.fail("deleted", id_of(change.old_path), change.old_path,
                          Msg("review.moved", path=path), commit)
            if kind.kind == "stray" and change.new_blob is not None:
                assert kind.reason is not None
                self.fail("unexpected-path", id_of(path), path, kind.reason, commit)
            elif kind.kind == "hazard":
                self._hazard(commit, change)
            elif kind.kind == "document" and kind.record is not None:
                self._document(commit, change, kind.record)
            elif kind.kind == "inspection" and change.new_blob is not None:
                self._inspection(commit, path, change.new_blob)

    def _version(self, path: str | None, blob: str | None) -> Version | None:
        return self.reader.hazard(path, blob) if path and blob else None

    def _hazard(self, commit: Commit, change: Change) -> None:
        old = self._version(change.old_path, change.old_blob)
        new = self._version(change.new_path, change.new_blob)
        path = change.new_path or change.old_path or ""
        hazard_id = ((new.hazard.id if new and new.hazard else None)
                     or (old.hazard.id if old and old.hazard else None) or id_of(path))
        self.touched[path] = hazard_id
        if new is None:
            self.fail("deleted", hazard_id, path, Msg("review.deleted"), commit)
            return
        if new.hazard is None:
            problem = new.problems[0] if new.problems else None
            self.fail("invalid", hazard_id, path, Msg("review.invalid", problem=str(
                problem) if problem else "?"), commit)
            return
        was = old.hazard if old else None
        if was is not None and was.id != new.hazard.id:
            self.fail("id-changed", hazard_id, path,
                      Msg("review.id_changed", old=was.id, new=new.hazard.id), commit)
        if was is not None and change.old_path != change.new_path and \
                id_of(path) != new.hazard.id:
            self.fail("id-changed", hazard_id, path, Msg("review.moved", path=path), commit)
        for broken in check_change(was, new.hazard, self.settings, self.day_of(commit)):
            message = Msg("review.field", field=broken.field, message=broken.message)
            self.fail(broken.rule, hazard_id, path, message, commit)
        self._closures(commit, path, was, new.hazard)

    def _closures(self, commit: Commit, path: str, old: Hazard | None, new: Hazard) -> None:
        """A closure's commit is the verifier's own, or a keeper's (with a roster); and,
        when the organisation asks for it, signed."""
        for step in replay(old, new).of("close"):
            verifier = step.entry.by
            if self.settings.has_roster:
                author = self.settings.person_by_email(commit.email)
                if author is None or not (same_person(author.name, verifier)
                                          or "keeper" in author.roles):
                    self.fail("closure-author", new.id, path, Msg(
                        "review.closure_author", author=f"{commit.author} <{commit.email}>",
                        verifier=verifier), commit)
            if self.settings.severity("signed-closures", Severity.OFF) is not Severity.OFF \
                    and not self.git.verify_commit(commit.sha):
                self.fail("signed-closures", new.id, path, Msg("review.unsigned"), commit)

    def _document(self, commit: Commit, change: Change, record: str) -> None:
        """A closed hazard's documents are sealed: no file of its folder changes unless
        the same commit reopens it."""
        parent = commit.parents[0] if commit.parents else None
        self._look_up(_record_specs(commit, record))
        found = self._record_blobs
        path = change.new_path or change.old_path or ""
        if change.new_blob is not None and f"{commit.sha}:{record}" not in found:
            self.fail("unexpected-path", id_of(record), path, Msg("layout.orphan_folder"),
                      commit)
            return
        if parent is None:
            return
        old = self._version(record, found.get(f"{parent}:{record}"))
        new = self._version(record, found.get(f"{commit.sha}:{record}"))
        if old is None or old.hazard is None or old.hazard.status is not Status.CLOSED:
            return
        if new is not None and new.hazard is not None and new.hazard.status is not Status.CLOSED:
            return  # reopened in the same commit
        self.fail("documents-sealed", old.hazard.id, path,
                  Msg("review.document_sealed", name=path.rsplit("/", 1)[-1]), commit)

    def _inspection(self, commit: Commit, path: str, blob: str) -> None:
        from pydantic import ValidationError

        from safecheck.models.inspection import Inspection

        data = self.reader.data(path, blob)
        if data is None:
            self.fail("invalid", id_of(path), path, Msg("review.invalid", problem=path), commit)
            return
        try:
            Inspection.model_validate(data)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            self.fail("invalid", id_of(path), path,
                      Msg("review.invalid", problem=f"{where}: {first['msg']}"), commit)


def _under_records(commit: Commit) -> Iterator[tuple[Change, str, PathKind]]:
    """Each change of a commit under records/: its path and what that path is."""
    for change in commit.changes:
        path = change.new_path or change.old_path or ""
        if path.startswith("records/"):
            yield change, path, classify(path, change.new_mode if change.new_blob else None)


def _record_specs(commit: Commit, record: str) -> list[str]:
    """``rev:path`` of a record before and after a commit (after only, for a root)."""
    parent = commit.parents[0] if commit.parents else None
    return ([f"{parent}:{record}"] if parent else []) + [f"{commit.sha}:{record}"]


def documents_in_tree(checker: Checker, head: str) -> None:
    """Every document a changed record names is in the tree at the head."""
    if not checker.touched:
        return
    # Only the changed records and their folders: the whole tree of a large ledger is
    # hundreds of thousands of entries (1.4 s and 700 MB at 100,000 records).
    touched = sorted(checker.touched)
    records = checker.git.blob_ids([f"{head}:{path}" for path in touched])
    tree = checker.git.folders(head, [p.removesuffix(RECORD_SUFFIX) for p in touched],
                               lambda _: True)
    for path, hazard_id in checker.touched.items():
        version = checker._version(path, records.get(f"{head}:{path}"))
        if version is None or version.hazard is None:
            continue
        folder = path.removesuffix(RECORD_SUFFIX)
        missing = [n for n in version.hazard.all_documents if f"{folder}/{n}" not in tree]
        if missing:
            checker.fail("closure-documents" if version.hazard.status is Status.CLOSED
                         else "missing-document", hazard_id, path,
                         Msg("review.missing_documents", names=missing), None)
