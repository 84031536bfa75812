"""CI pipelines for a safety repository: GitLab CI (``.gitlab-ci.yml``) and GitHub
Actions (``.github/workflows/safecheck.yml``), from packaged templates a repository may
override (``templates/ci/``).

A pipeline audits on every push and merge request, reviews a merge request against its
base (taken from the platform, never from the change), audits once a day — what is
overdue appears with time, not with commits — and keeps the monthly reports as
artifacts; safecheck's parse cache is kept between runs. The template holds the layout;
this module decides every value it prints.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from safecheck import __version__, atomic, templates
from safecheck.config import Settings
from safecheck.errors import GitError, SafecheckError
from safecheck.gitrepo import GitRepo
from safecheck.i18n import Msg, text
from safecheck.vocab import Locale


class Platform(StrEnum):
    """Where the pipeline runs."""

    GITLAB = "gitlab"
    GITHUB = "github"


#: Where each platform reads its pipeline, from the top of the git work tree.
TARGETS = {Platform.GITLAB: ".gitlab-ci.yml",
           Platform.GITHUB: ".github/workflows/safecheck.yml"}
#: The packaged template of each platform (``templates/ci/`` in a repository overrides it).
TEMPLATES = {Platform.GITLAB: "ci/gitlab-ci.yml.j2",
             Platform.GITHUB: "ci/github-workflow.yml.j2"}
#: The Python the pipeline installs safecheck with.
PYTHON = "3.12"
#: The cache folder inside the ledger, which the platform saves between runs.
CACHE_DIR = ".safecheck-cache"
#: The local time of the daily audit.
DAILY_AT = dt.time(6, 0)


@dataclass(frozen=True)
class Pipeline:
    """A pipeline file to write: where, and what."""

    platform: Platform
    path: Path
    relpath: str
    text: str


def installed_from() -> str | None:
    """A pip requirement for the safecheck running now, when its installation says where
    it came from (PEP 610: a git URL and commit, or a downloaded archive); None when it
    came from a local folder or an index, which a pipeline cannot name for certain."""
    from importlib import metadata

    try:
        raw = metadata.distribution("safecheck").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except ValueError:
        return None
    url = str(info.get("url", ""))
    if not url.startswith(("https://", "http://", "ssh://", "git@")):
        return None
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        return f"safecheck @ {vcs.get('vcs', 'git')}+{url}" + (f"@{commit}" if commit else "")
    if "archive_info" in info:
        return f"safecheck @ {url}"
    return None


def install_requirement(given: str | None) -> str:
    """What the pipeline installs: ``--install`` as given, else where this safecheck came
    from. The name alone is refused: ``safecheck`` on PyPI is another project."""
    spec = (given if given is not None else installed_from() or "").strip()
    if not spec:
        raise SafecheckError(Msg("ci.install_required"))
    # one line; no braces, which would end a GitHub expression (``${{ … }}``) early
    if any(ord(c) < 0x20 or c in "\x7f{}" for c in spec) or len(spec) > 500:
        raise SafecheckError(Msg("ci.bad_install", spec=spec[:80]))
    return spec


def _top(git: GitRepo) -> Path:
    """The top of the work tree, which must be the ledger's folder: review and report
    read only the history of a ledger there."""
    try:
        inside = git.is_work_tree()
        prefix = git.prefix().strip("/") if inside else ""
    except GitError:
        inside = False
    if not inside:
        raise GitError(Msg("ci.not_git", root=git.root))
    if prefix:
        raise GitError(Msg("ci.not_at_top", prefix=prefix))
    return git.root.resolve()


def target_of(folder: Path, platform: Platform) -> Path:
    """Where the pipeline of a ledger to be laid out in ``folder`` goes; a folder inside
    a repository but not at its top is refused, as :func:`build_pipeline` would."""
    wanted = folder.resolve()
    probe = wanted
    while not probe.is_dir():  # a folder still to be made may be inside a repository
        probe = probe.parent
    git = GitRepo(probe)
    if not git.is_work_tree():
        return wanted / TARGETS[platform]
    top = probe
    prefix = git.prefix().strip("/")
    for _ in prefix.split("/") if prefix else ():
        top = top.parent
    if wanted != top:
        raise GitError(Msg("ci.not_at_top", prefix=wanted.relative_to(top).as_posix()))
    return wanted / TARGETS[platform]


def daily_cron(timezone: str, today: dt.date) -> str:
    """The UTC cron line of the daily audit at :data:`DAILY_AT` local time (the offset of
    ``today``: GitHub's schedules are in UTC)."""
    local = dt.datetime.combine(today, DAILY_AT, tzinfo=ZoneInfo(timezone))
    utc = local.astimezone(dt.UTC)
    return f"{utc.minute} {utc.hour} * * *"


def _github_literal(value: str) -> str:
    """``value`` as a string literal of a GitHub expression (``'`` doubled)."""
    return "'" + value.replace("'", "''") + "'"


def build_pipeline(root: Path, platform: Platform, settings: Settings, install: str,
                   today: dt.date, locale: Locale) -> Pipeline:
    """The pipeline file of ``platform`` for the ledger at ``root``."""
    top = _top(GitRepo(root))
    cron = daily_cron(settings.timezone, today)
    words = {name: text(f"ci.pipeline.{name}", locale, version=__version__, cron=cron,
                        time=DAILY_AT.strftime("%H:%M"), timezone=settings.timezone)
             for name in ("header", "install", "audit", "review", "report", "schedule",
                          "cache", "daily")}
    data: dict[str, Any] = {
        "version": __version__, "install": install,
        "install_expression": "${{ vars.SAFECHECK_INSTALL || "
                              + _github_literal(install) + " }}",
        "python": PYTHON, "image": f"python:{PYTHON}", "cache_dir": CACHE_DIR,
        "cron": cron,
        "words": words,
    }
    rendered = templates.render_yaml(root, TEMPLATES[platform], data)
    relpath = TARGETS[platform]
    return Pipeline(platform, top / relpath, relpath, rendered)


def write_pipeline(pipeline: Pipeline, force: bool) -> bool:
    """Write the pipeline file; False when it already says exactly this. A file that
    says something else is replaced only with ``force`` (nothing is written otherwise)."""
    path = pipeline.path
    existing: str | None = None
    readable = True
    if path.exists() or path.is_symlink():
        if not path.is_file() or path.is_symlink():
            raise SafecheckError(Msg("ci.not_a_file", path=pipeline.relpath))
        try:
            existing = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            readable = False
        if existing == pipeline.text:
            return False
        if not force:
            raise SafecheckError(Msg("ci.exists", path=pipeline.relpath,
                                     platform=pipeline.platform.value))
    if readable:  # never overwrites a change made since it was read
        atomic.write_text(path, pipeline.text, expected=existing)
    else:
        atomic.replace_bytes(path, pipeline.text.encode("utf-8"))
    return True
