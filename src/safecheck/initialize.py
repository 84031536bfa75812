"""``init``: lay out a safety repository."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from pydantic import ValidationError

from safecheck import atomic, layout, yamlio
from safecheck.config import SETTINGS_FILE, Settings, Unit
from safecheck.errors import SafecheckError
from safecheck.gitrepo import GitRepo
from safecheck.i18n import Msg, text
from safecheck.models.common import problems_from
from safecheck.resources import packaged_dir
from safecheck.vocab import Locale

_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")  # what safecheck.yaml's base_branch accepts


def parse_unit(given: str) -> Unit:
    """``CODE=NAME`` as given to ``--unit``."""
    code, sep, name = given.partition("=")
    if not sep or not code.strip() or not name.strip():
        raise SafecheckError(Msg("init.unit_form", value=given))
    try:
        return Unit(code=code.strip().upper(), name=name.strip())
    except ValueError:
        raise SafecheckError(Msg("init.unit_code", value=given)) from None


#: The branch a new repository starts on when ``init`` is not told otherwise.
DEFAULT_BRANCH = "main"


def init_repository(path: Path, organization: str, units: list[Unit],
                    locale: Locale, today: dt.date | None = None,
                    branch: str | None = None) -> list[Path]:
    """Create safecheck.yaml, checklists/ (the packaged ten), templates/ and records/.

    A folder that is not in a git work tree becomes a new repository on ``branch``
    (default ``main``); ``base_branch`` is ``branch``, else the branch the existing
    repository is on (left unset when that cannot be written there: review then takes
    the clone's default branch). Refuses if safecheck.yaml exists; existing checklist
    files are left as they are. Returns the files created.
    """
    settings_path = path / SETTINGS_FILE
    if settings_path.exists():
        raise SafecheckError(Msg("init.exists", path=str(settings_path)))
    probe = path.resolve()
    while not probe.is_dir():  # a folder still to be made may be inside a repository
        probe = probe.parent
    git = GitRepo(probe)
    repository = git.is_work_tree()
    base = branch or (git.current_branch() if repository else DEFAULT_BRANCH)
    if base is not None and not _BRANCH.match(base):
        if branch is not None:
            raise SafecheckError(Msg("ci.bad_branch", branch=branch))
        base = None  # a name safecheck.yaml cannot hold: review finds the branch itself
    try:
        settings = Settings.model_validate({
            "organization": organization, "locale": locale, "base_branch": base,
            # a new unit is not in breach on its first day: its inspections fall due one
            # period after it joined
            "units": [{**u.model_dump(exclude_none=True), "since": today} if today
                      else u.model_dump(exclude_none=True) for u in units]})
    except ValidationError as exc:
        first = problems_from(exc, SETTINGS_FILE)[0]
        problem = Msg("error.option", option=first.field, problem=first.message) \
            if first.field else first.message
        raise SafecheckError(Msg("init.invalid", problem=problem)) from None
    path.mkdir(parents=True, exist_ok=True)
    created = []
    if not repository:
        GitRepo(path).init(base or DEFAULT_BRANCH)
        created.append(path / ".git")
    data = settings.to_data()
    atomic.write_text(settings_path, yamlio.dump(data), expected=None)
    created.append(settings_path)
    checklists = path / layout.CHECKLISTS
    checklists.mkdir(exist_ok=True)
    for source in sorted(packaged_dir("checklists").glob("*.yaml")):
        target = checklists / source.name
        if not target.exists():
            shutil.copyfile(source, target)
            created.append(target)
    templates = path / layout.TEMPLATES
    templates.mkdir(exist_ok=True)
    readme = templates / "README.md"
    if not readme.exists():
        atomic.write_text(readme, text("init.templates_readme", locale), expected=None)
        created.append(readme)
    records = path / layout.RECORDS
    records.mkdir(exist_ok=True)
    keep = records / ".gitkeep"
    if not any(records.iterdir()):
        keep.touch()
        created.append(keep)
    return created
