"""What the commits of a window changed, cached by commit id.

A report asks git two questions about its window: what each first-parent commit changed
(who recorded a sign-off) and which files each commit added (when a hazard was recorded).
Walking the window with ``git log --raw`` makes git diff every commit's trees, which at
a hundred thousand records costs a minute. A commit never changes, so its answer is kept
in ``.git/safecheck/commits.marshal`` under its id: a later report lists the window's ids
(``git rev-list``, without diffs) and asks git only about commits it has not seen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from safecheck.cache import ParsedCache, cache_dir
from safecheck.gitrepo import Change, Commit, GitRepo

CACHE_FILE = "commits.marshal"
# Entries of the two questions live side by side under these prefixes.
_CHANGES, _ADDED = "c", "a"


def _encode(commit: Commit) -> tuple[Any, ...]:
    return (commit.parents, commit.author, commit.email, commit.date.isoformat(),
            commit.subject, tuple((c.status, c.old_path, c.new_path, c.old_blob, c.new_blob,
                                   c.new_mode) for c in commit.changes))


def _decode(sha: str, entry: Any) -> Commit:
    parents, author, email, date, subject, changes = entry
    return Commit(sha, tuple(parents), author, email, dt.datetime.fromisoformat(date),
                  subject, tuple(Change(*c) for c in changes))


class CommitLog:
    """The window questions of a report, answered from the cache where it can."""

    def __init__(self, git: GitRepo, root: Path) -> None:
        self._git = git
        folder = cache_dir(root)
        self._cache = ParsedCache(folder / CACHE_FILE if folder else None, "commits v1")

    def first_parent(self, revision: str, since: dt.date) -> list[Commit]:
        """``git.log([revision], since=since)``: the first-parent commits after ``since``,
        newest first, with their changes."""
        shas = self._git.rev_list(revision, since, first_parent=True)
        known: dict[str, Commit] = {}
        for sha in shas:
            entry = self._cache.get(_CHANGES + sha)
            if entry is not None:
                try:
                    known[sha] = _decode(sha, entry)
                except (TypeError, ValueError):
                    self._cache.forget(_CHANGES + sha)  # never trusted: asked again
        for commit in self._git.commits([s for s in shas if s not in known]):
            known[commit.sha] = commit
            self._cache.put(_CHANGES + commit.sha, _encode(commit))
        if any(sha not in known for sha in shas):  # git did not answer for one: walk
            return self._git.log([revision], since=since)
        return [known[sha] for sha in shas]

    def added_since(self, revision: str, since: dt.date) -> dict[str, dt.datetime]:
        """``git.added_since(revision, since)``: files first added after ``since``, with
        the date of the commit that added them."""
        shas = self._git.rev_list(revision, since, first_parent=False)
        known: dict[str, tuple[dt.datetime | None, tuple[str, ...]]] = {}
        for sha in shas:
            entry = self._cache.get(_ADDED + sha)
            try:
                when_text, paths = entry  # type: ignore[misc]
                known[sha] = (dt.datetime.fromisoformat(when_text) if when_text else None,
                              tuple(str(p) for p in paths))
            except (TypeError, ValueError):
                if entry is not None:
                    self._cache.forget(_ADDED + sha)  # never trusted: asked again
        missing = [s for s in shas if s not in known]
        answered = self._git.added_by(missing)
        for sha in missing:
            # A commit that added nothing is remembered too, with no date.
            when, added = answered.get(sha, (None, []))
            known[sha] = (when, tuple(added))
            self._cache.put(_ADDED + sha, ("" if when is None else when.isoformat(),
                                           known[sha][1]))
        found: dict[str, dt.datetime] = {}
        for sha in shas:  # newest first: the oldest add wins
            when, paths = known[sha]
            if when is not None:
                for path in paths:
                    found[path] = when
        return found

    def save(self) -> None:
        """Keep what was learnt (every entry stays true: commits never change)."""
        self._cache.save()
