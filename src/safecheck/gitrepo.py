"""The only place that runs git: one process per question, argument lists, NUL-separated
output, and a one-line GitError for every way git can say no."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from safecheck.errors import GitError
from safecheck.i18n import Msg

# Variables that point git at another repository, index or object store: inherited
# from a hook or a CI step they would make every question answer about the wrong tree
# (pre-commit's no_git_env does the same). Identity and date variables are kept.
_REPOSITORY_VARIABLES = frozenset({
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX",
    "GIT_QUARANTINE_PATH", "GIT_GRAFT_FILE", "GIT_SHALLOW_FILE", "GIT_REPLACE_REF_BASE",
    "GIT_NO_REPLACE_OBJECTS", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CEILING_DIRECTORIES",
    "GIT_LITERAL_PATHSPECS", "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS",
    "GIT_ICASE_PATHSPECS", "GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS",
})


def clean_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment git runs with: no variable that redirects it, no prompts, C
    locale for messages we parse."""
    env = {k: v for k, v in environ.items() if k not in _REPOSITORY_VARIABLES}
    env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return env


_RECORD_SEP = "\x1e"
_FORMAT = f"{_RECORD_SEP}%H%x00%P%x00%an%x00%ae%x00%cI%x00%s"
_NULL_SHA = "0" * 40


@dataclass(frozen=True)
class Change:
    """One file changed by a commit: A(dded), M(odified), D(eleted), R(enamed) ..."""

    status: str
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None
    new_mode: str | None = None


@dataclass(frozen=True)
class Commit:
    """A commit on the first-parent line, and what it changed against its first parent."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: dt.datetime
    subject: str
    changes: tuple[Change, ...] = ()

    @property
    def short(self) -> str:
        """The abbreviated commit id people quote."""
        return self.sha[:8]


class GitRepo:
    """Questions about the git repository at ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._env = clean_environment(os.environ)

    def _run(self, args: Sequence[str], stdin: bytes | None = None,
             ok: Iterable[int] = (0,)) -> bytes:
        try:
            done = subprocess.run(["git", *args], cwd=self.root, env=self._env, input=stdin,
                                  capture_output=True, check=False)
        except FileNotFoundError:
            raise GitError(Msg("git.not_installed")) from None
        if done.returncode not in tuple(ok):
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            if not message:
                raise GitError(Msg("git.failed_silently", command=args[0]))
            raise GitError(Msg("git.failed", command=args[0],
                               detail=message[-1].removeprefix("fatal: ")))
        return done.stdout

    def check(self, need_history: bool = True) -> None:
        """Raise unless this is a git work tree with commits (and, if asked, full history)."""
        try:
            self._run(["rev-parse", "--git-dir"])
        except GitError:
            raise GitError(Msg("git.not_repository", path=str(self.root))) from None
        if not self._run(["rev-parse", "--verify", "--quiet", "HEAD"], ok=(0, 1)).strip():
            raise GitError(Msg("git.no_commits"))
        if need_history and self._run(["rev-parse", "--is-shallow-repository"]).strip() == b"true":
            raise GitError(Msg("git.shallow"))
        if need_history and self.prefix():
            # the history names files from the top: a ledger in a folder would show none
            # of its changes, and a review would pass anything
            raise GitError(Msg("ci.not_at_top", prefix=self.prefix().rstrip("/")))

    def is_work_tree(self) -> bool:
        """True when ``root`` is inside a git work tree."""
        try:
            out = self._run(["rev-parse", "--is-inside-work-tree"])
        except GitError:
            return False
        return out.strip() == b"true"

    def init(self, branch: str) -> None:
        """Make ``root`` a new git repository whose first branch is ``branch``."""
        self._run(["init", "-q", "-b", branch])

    def current_branch(self) -> str | None:
        """The branch HEAD is on (also before its first commit); None when detached."""
        out = self._run(["symbolic-ref", "--quiet", "--short", "HEAD"], ok=(0, 1)).strip()
        return out.decode() or None

    def remote_default_branch(self) -> str | None:
        """The branch ``origin/HEAD`` points at (a clone's default branch), if known."""
        out = self._run(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"],
                        ok=(0, 1)).strip().decode()
        return out.removeprefix("origin/") or None

    def prefix(self) -> str:
        """``root`` relative to the top of its work tree (``''`` at the top, else with a
        trailing slash), so paths can be given as the hosting platform shows them."""
        return self._run(["rev-parse", "--show-prefix"]).decode().strip()

    def commit_paths(self, paths: Sequence[str], message: str) -> str:
        """Commit exactly ``paths`` (repository-relative) with ``message``, leaving
        anything else staged as it was; return the new commit id."""
        self._run(["add", "--", *paths])
        self._run(["commit", "-q", "--only", "-m", message, "--", *paths])
        return self.resolve("HEAD")

    def resolve(self, revision: str) -> str:
        """The commit id of ``revision``; a one-line error if there is no such commit."""
        out = self._run(["rev-parse", "--verify", "--quiet", "--end-of-options",
                         f"{revision}^{{commit}}"], ok=(0, 1)).strip()
        if not out:
            raise GitError(Msg("git.unknown_revision", revision=revision))
        return out.decode()

    def ref_exists(self, ref: str) -> bool:
        """True if ``ref`` names a commit."""
        return bool(self._run(["rev-parse", "--verify", "--quiet", "--end-of-options",
                               f"{ref}^{{commit}}"], ok=(0, 1)).strip())

    def merge_base(self, a: str, b: str) -> str:
        """The best common ancestor of two commits."""
        out = self._run(["merge-base", a, b], ok=(0, 1)).strip()
        if not out:
            raise GitError(Msg("git.no_common_history", a=a, b=b))
        return out.decode()

    def log(self, revisions: Sequence[str], paths: Sequence[str] = (),
            follow: bool = False, since: dt.date | None = None) -> list[Commit]:
        """First-parent commits of ``revisions`` (newest first) with their changes against
        the first parent; renames detected. ``paths`` limits the log to those files."""
        args = ["log", "--first-parent", "--diff-merges=first-parent", "-M", "--raw", "-z",
                "--no-abbrev", f"--format={_FORMAT}", *revisions]
        if follow:
            args.insert(1, "--follow")
        if since is not None:
            args.insert(1, f"--since={since.isoformat()}")
        if paths:
            args += ["--", *paths]
        return _parse_log(self._run(args).decode("utf-8", "replace"))

    def range_commits(self, base: str, head: str) -> list[Commit]:
        """Every commit in ``base..head``, both sides of merges, oldest first; each with
        its changes against its parent, and a merge with only what the merge itself
        changed (its combined diff: files that differ from every parent)."""
        args = ["log", "--reverse", "--topo-order", "--diff-merges=combined", "-M", "--raw",
                "-z", "--no-abbrev", f"--format={_FORMAT}", f"{base}..{head}"]
        return _parse_log(self._run(args).decode("utf-8", "replace"))

    def rev_list(self, revision: str, since: dt.date, first_parent: bool) -> list[str]:
        """Commit ids of ``revision``'s history committed after ``since``, newest first:
        its first-parent line, or every commit but merges (what :meth:`log` and
        :meth:`added_since` walk)."""
        line = ["--first-parent"] if first_parent else ["--no-merges"]
        out = self._run(["rev-list", f"--since={since.isoformat()}", *line, revision])
        return out.decode("ascii", "replace").split()

    def commits(self, shas: Sequence[str]) -> list[Commit]:
        """The commits ``shas`` as :meth:`log` shows them (changes against the first parent,
        renames detected), read by id without walking history."""
        if not shas:
            return []
        args = ["log", "--no-walk=unsorted", "--stdin", "--first-parent",
                "--diff-merges=first-parent", "-M", "--raw", "-z", "--no-abbrev",
                f"--format={_FORMAT}"]
        stdin = "".join(f"{sha}\n" for sha in shas).encode()
        return _parse_log(self._run(args, stdin=stdin).decode("utf-8", "replace"))

    def added_by(self, shas: Sequence[str]) -> dict[str, tuple[dt.datetime, list[str]]]:
        """The files each of the commits ``shas`` added (no renames), with its date; a
        commit that added none is left out."""
        if not shas:
            return {}
        out = self._run(["log", "--no-walk=unsorted", "--stdin", "--diff-filter=A",
                         "--no-renames", "--format=%x1e%H%x00%cI", "--name-only", "-z"],
                        stdin="".join(f"{sha}\n" for sha in shas).encode())
        found: dict[str, tuple[dt.datetime, list[str]]] = {}
        for chunk in out.decode("utf-8", "replace").split(_RECORD_SEP)[1:]:
            sha, _, rest = chunk.partition("\0")
            head, _, rest = rest.partition("\0")
            paths = [p.strip("\n") for p in rest.strip("\n").split("\0")]
            found[sha] = (dt.datetime.fromisoformat(head.strip()), [p for p in paths if p])
        return found

    def added_since(self, revision: str, since: dt.date) -> dict[str, dt.datetime]:
        """Files first added on ``revision``'s history after ``since`` (by commit date),
        with the date of the commit that added them: when each fact was recorded."""
        out = self._run(["log", "--diff-filter=A", "--no-renames", "--format=%x1e%cI",
                         "--name-only", "-z", f"--since={since.isoformat()}", revision])
        found: dict[str, dt.datetime] = {}
        for chunk in out.decode("utf-8", "replace").split(_RECORD_SEP)[1:]:
            head, _, rest = chunk.partition("\0")
            when = dt.datetime.fromisoformat(head.strip())
            for path in rest.strip("\n").split("\0"):
                path = path.strip("\n")
                if path:
                    found[path] = when  # newest first: the oldest add wins
        return found

    def blob_ids(self, specs: Sequence[str]) -> dict[str, str]:
        """Blob ids of ``rev:path`` specs that name a blob (missing ones are left out)."""
        wanted = list(dict.fromkeys(specs))
        if not wanted:
            return {}
        out = self._run(["cat-file", "--batch-check=%(objectname) %(objecttype)"],
                        stdin="".join(f"{s}\n" for s in wanted).encode())
        found = {}
        for spec, line in zip(wanted, out.decode().splitlines(), strict=False):
            parts = line.split()
            if len(parts) == 2 and parts[1] == "blob":
                found[spec] = parts[0]
        return found

    def show(self, revision: str, path: str) -> bytes | None:
        """The content of ``path`` at ``revision``, or None if it is not there."""
        found = self.blob_ids([f"{revision}:{path}"])
        blob = found.get(f"{revision}:{path}")
        return self.blobs([blob]).get(blob) if blob else None

    def verify_commit(self, sha: str) -> bool:
        """True when ``sha`` carries a good signature (``git verify-commit``)."""
        try:
            self._run(["verify-commit", sha])
        except GitError:
            return False
        return True

    def diff(self, old: str | None, new: str, prefix: str) -> list[Change]:
        """Files under ``prefix`` that differ between two commits (old None: all added)."""
        if old is None:
            return [Change("A", None, path, None, blob)
                    for path, blob in self.tree(new, prefix).items()]
        out = self._run(["diff-tree", "-r", "-z", "-M", "--no-abbrev", old, new, "--", prefix])
        return _parse_raw(out.decode("utf-8", "replace").split("\0"))

    def tree(self, revision: str, prefix: str, *more: str) -> dict[str, str]:
        """Blob ids of every file under ``prefix`` (and the ``more`` paths, taken
        literally) at ``revision``: path → blob id."""
        out = self._run(["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree",
                         revision, "--", prefix, *more])
        files: dict[str, str] = {}
        for entry in out.decode("utf-8", "replace").split("\0"):
            if not entry:
                continue
            meta, _, path = entry.partition("\t")
            parts = meta.split()
            if len(parts) == 3 and parts[1] == "blob":
                files[path] = parts[2]
        return files

    def folders(self, revision: str, prefixes: Sequence[str], descend: Callable[[str], bool]
                ) -> dict[str, str]:
        """What :meth:`tree` answers for the folders ``prefixes``, entering only the
        subfolders ``descend(path)`` admits: path → blob id, in git's order for each
        prefix (a prefix that is no folder at ``revision`` adds nothing). Tree objects are read
        a level at a time (one ``cat-file`` each), so a folder not entered — the
        documents of a hundred thousand records — costs nothing, where ``ls-tree -r``
        reads every one of them (0.7 s and 800 MB of pack at 100,000 records)."""
        listed: dict[str, list[tuple[str, bool, str]]] = {}   # folder → (path, is_tree, id)
        level = {prefix: f"{revision}:{prefix}" for prefix in prefixes}
        while level:
            objects = self._objects(level.values())
            following: dict[str, str] = {}
            for folder, name in level.items():
                kind, body, width = objects.get(name, ("missing", b"", 0))
                if kind != "tree":
                    continue
                entries = listed[folder] = []
                for mode, entry, object_id in _tree_entries(body, width):
                    path = f"{folder}/{entry}"
                    if mode == b"40000":
                        if descend(path):  # a folder not entered lists nothing
                            entries.append((path, True, object_id))
                            following[path] = object_id
                    elif mode != b"160000":  # a submodule is no file (ls-tree: commit)
                        entries.append((path, False, object_id))
            level = following
        files: dict[str, str] = {}

        def walk(folder: str) -> None:
            for path, is_tree, object_id in listed.get(folder, ()):
                if not is_tree:
                    files[path] = object_id
                elif path in listed:
                    walk(path)
        for prefix in prefixes:
            walk(prefix)
        return files

    def _objects(self, names: Iterable[str]) -> dict[str, tuple[str, bytes, int]]:
        """Objects by name (an id or ``rev:path``) from one ``git cat-file --batch``:
        (type, content, bytes of a raw object id); missing names are left out."""
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        out = self._run(["cat-file", "--batch"], stdin="".join(f"{i}\n" for i in wanted).encode())
        found: dict[str, tuple[str, bytes, int]] = {}
        position = 0
        for name in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) < 3 or header[-1] == b"missing":
                continue
            size = int(header[2])
            found[name] = (header[1].decode("ascii"), out[position:position + size],
                           len(header[0]) // 2)
            position += size + 1
        return found

    def blobs(self, ids: Iterable[str]) -> dict[str, bytes]:
        """Contents of blobs by id, from one ``git cat-file --batch`` process."""
        return {name: body for name, (_, body, _) in self._objects(ids).items()}


def _tree_entries(body: bytes, width: int) -> Iterable[tuple[bytes, str, str]]:
    """(mode, name, id) of a raw tree object: ``<mode> <name>\\0<id bytes>`` each."""
    entry = re.compile(rb"([0-7]+) ([^\0]+)\0(.{%d})" % width, re.DOTALL)
    position = 0
    while position < len(body):
        found = entry.match(body, position)
        if found is None:
            raise GitError(Msg("git.failed_silently", command="cat-file"))  # not a tree
        mode, name, object_id = found.groups()
        yield mode, name.decode("utf-8", "replace"), object_id.hex()
        position = found.end()


def _blob(value: str) -> str | None:
    return None if value == _NULL_SHA else value


def _parse_raw(tokens: list[str]) -> list[Change]:
    """``--raw -z`` entries: ``:mode mode old new status\0path\0[new path\0]``; a merge's
    combined entries (``::`` …, one colon per parent) describe what the merge itself
    changed against every parent: old is the first parent's blob."""
    changes = []
    i = 0
    while i < len(tokens) and tokens[i].startswith(":"):
        parents = len(tokens[i]) - len(tokens[i].lstrip(":"))
        meta = tokens[i].lstrip(":").split()
        if parents > 1:
            old, new = _blob(meta[parents + 1]), _blob(meta[2 * parents + 1])
            status = "A" if old is None else "D" if new is None else "M"
            path = tokens[i + 1]
            changes.append(Change(status, None if status == "A" else path,
                                  None if status == "D" else path, old, new,
                                  meta[parents]))
            i += 2
            continue
        status = meta[4][0]
        if status in "RC":
            old_path, new_path = tokens[i + 1], tokens[i + 2]
            i += 3
        else:
            old_path = new_path = tokens[i + 1]
            i += 2
        changes.append(Change(status, None if status == "A" else old_path,
                              None if status == "D" else new_path,
                              _blob(meta[2]), _blob(meta[3]), meta[1]))
    return changes


def _parse_log(text: str) -> list[Commit]:
    commits = []
    for chunk in text.split(_RECORD_SEP)[1:]:
        fields = chunk.split("\0", 6)
        sha, parents, author, email, date, subject = fields[:6]
        rest = fields[6] if len(fields) > 6 else ""
        changes = _parse_raw(rest.lstrip("\n").split("\0"))
        commits.append(Commit(sha, tuple(parents.split()), author, email,
                              dt.datetime.fromisoformat(date), subject, tuple(changes)))
    return commits
