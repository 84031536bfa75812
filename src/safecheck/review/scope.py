"""What a review looks at, decided by nothing inside the change: the range's base comes
from --base, else the CI's target branch, else ``base_branch``; the roster, rules, units
and sources are read at the base. A base that is the reviewed commit itself is an error
(an empty range would pass anything)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from safecheck import yamlio
from safecheck.config import SETTINGS_FILE, Settings
from safecheck.errors import DataError, GitError
from safecheck.gitrepo import GitRepo
from safecheck.i18n import Msg
from safecheck.loading import settings_from_text

#: Variables the CI platforms set to a merge request's target branch.
CI_BASE_VARIABLES = ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME")


def _ref(git: GitRepo, name: str) -> str:
    for candidate in (f"origin/{name}", name, f"refs/remotes/origin/{name}"):
        if git.ref_exists(candidate):
            return git.resolve(candidate)
    raise GitError(Msg("review.no_base", name=name))


def resolve_range(git: GitRepo, spec: str | None, base: str | None,
                  environ: Mapping[str, str], base_branch: str | None) -> tuple[str, str]:
    """(base, head) commit ids. An explicit ``A..B``, ``A...B`` or ``A`` (A..HEAD) range is
    taken as given; otherwise the base is the merge-base of HEAD and --base, the CI's
    target branch, or ``base_branch`` — in that order (see :func:`default_branch` when
    safecheck.yaml does not set it)."""
    if spec is not None and ".." in spec:
        three = "..." in spec
        left, right = spec.split("..." if three else "..", 1)
        head = git.resolve(right or "HEAD")
        start = git.resolve(left or "HEAD")
        first = git.merge_base(start, head) if three else start
    else:
        head = git.resolve("HEAD")
        if spec is not None:
            first = git.resolve(spec)
        else:
            name = (base or next((environ[v] for v in CI_BASE_VARIABLES if environ.get(v)),
                                 None) or base_branch or default_branch(git))
            first = git.merge_base(_ref(git, name), head)
    if first == head:
        raise GitError(Msg("review.base_is_head", base=head[:8]))
    return first, head


#: Git's own default branch names, tried when neither safecheck.yaml nor the clone says.
USUAL_BRANCHES = ("main", "master")


def default_branch(git: GitRepo) -> str:
    """What ``base_branch`` means when safecheck.yaml does not set it: the clone's default
    branch (``origin/HEAD``), else ``main`` or ``master`` (the first that exists, locally
    or at origin), else the branch checked out."""
    found = git.remote_default_branch() or next(
        (name for name in USUAL_BRANCHES
         if git.ref_exists(f"origin/{name}") or git.ref_exists(name)), None)
    found = found or git.current_branch()
    if found is None:
        raise GitError(Msg("ci.no_branch"))
    return found


def settings_at(git: GitRepo, revision: str) -> Settings | None:
    """The settings as committed at ``revision`` (None if there were none)."""
    data = git.show(revision, SETTINGS_FILE)
    if data is None:
        return None
    label = f"{revision[:8]}:{SETTINGS_FILE}"
    try:
        return settings_from_text(yamlio.decode(data, label), label)
    except DataError as exc:
        raise DataError(exc.problem) from None


def settings_changes(before: Settings | None, after: Settings | None) -> list[Msg]:
    """What changed in safecheck.yaml, in words: each key, each person, each rule."""
    old = before.to_data() if before else {}
    new = after.to_data() if after else {}
    found: list[Msg] = []
    for key in dict.fromkeys([*old, *new]):
        if old.get(key) == new.get(key):
            continue
        if key == "people":
            found += _people_changes(old.get(key, []), new.get(key, []))
        elif key == "rules":
            rules_old, rules_new = old.get(key, {}), new.get(key, {})
            for rule in dict.fromkeys([*rules_old, *rules_new]):
                if rules_old.get(rule) != rules_new.get(rule):
                    found.append(Msg("review.settings.value", name=f"rules.{rule}",
                                     old=_shown(rules_old.get(rule)),
                                     new=_shown(rules_new.get(rule))))
        else:
            found.append(Msg("review.settings.value", name=key, old=_shown(old.get(key)),
                             new=_shown(new.get(key))))
    return found


def _people_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Msg]:
    before = {p["name"]: p for p in old}
    after = {p["name"]: p for p in new}
    found: list[Msg] = []
    for name in dict.fromkeys([*before, *after]):
        if name not in before:
            found.append(Msg("review.settings.person_added", name=name,
                             roles=after[name].get("roles", [])))
        elif name not in after:
            found.append(Msg("review.settings.person_removed", name=name))
        elif before[name] != after[name]:
            changed = [k for k in dict.fromkeys([*before[name], *after[name]])
                       if before[name].get(k) != after[name].get(k)]
            found.append(Msg("review.settings.person_changed", name=name, fields=changed))
    return found


def _shown(value: object) -> str:
    if value is None:
        return "—"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
