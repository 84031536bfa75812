"""Shell completion: what a TAB offers for each kind of value.

The shell runs ``safecheck`` with ``_SAFECHECK_COMPLETE=complete_bash`` (or zsh, fish,
powershell) and the words typed so far; Typer answers and exits before any command runs.
:func:`prepare` is called only then: it gives every parameter named ``hazard_id``,
``unit``, ``domain``, ``source``, ``checklist`` or ``run_id`` its completer, so commands
need nothing of their own and a new command taking a hazard ID completes it too.

Completers must be fast and must never fail: IDs come from file names (nothing is
parsed); units, sources and checklists from safecheck.yaml and the checklists. Outside a
safety repository, or on any error, they offer nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

COMPLETE_VAR = "_SAFECHECK_COMPLETE"
#: Commands whose parameters of those names are new values, not existing ones.
_NOT_COMPLETED = {"init"}


def requested() -> bool:
    """True when the shell asks for completions (not a normal run)."""
    return bool(os.environ.get(COMPLETE_VAR))


def _root(ctx: Any) -> Path | None:
    from safecheck.errors import SafecheckError
    from safecheck.layout import find_root

    repo = ctx.find_root().params.get("repo")
    try:
        return find_root(Path(repo) if repo else Path.cwd())
    except (SafecheckError, OSError):
        return None


def _matching(values: Iterator[tuple[str, str | None]], incomplete: str) -> list[Any]:
    from typer._click.shell_completion import CompletionItem

    wanted = incomplete.casefold()
    return [CompletionItem(value, help=help_) for value, help_ in values
            if value.casefold().startswith(wanted)]


def _hazard_ids(root: Path) -> Iterator[tuple[str, str | None]]:
    from safecheck.layout import RECORD_SUFFIX, hazard_files

    for path in hazard_files(root):
        yield path.name[:-len(RECORD_SUFFIX)], None


def _run_ids(root: Path) -> Iterator[tuple[str, str | None]]:
    from safecheck.layout import RECORD_SUFFIX, inspection_files

    for path in inspection_files(root):
        yield path.name[:-len(RECORD_SUFFIX)], None


def _units(root: Path) -> Iterator[tuple[str, str | None]]:
    from safecheck.loading import load_settings

    for unit in load_settings(root).units:
        yield unit.code, unit.name


def _sources(root: Path) -> Iterator[tuple[str, str | None]]:
    from safecheck import i18n
    from safecheck.loading import load_settings

    for source in load_settings(root).sources:
        key = f"source.{source}"
        yield source, i18n.text(key) if i18n.has(key) else None


def _checklists(root: Path, domains_only: bool) -> Iterator[tuple[str, str | None]]:
    from safecheck import i18n
    from safecheck.checklists import load_checklists

    for checklist in load_checklists(root).values():
        if not (domains_only and checklist.per_job):
            yield checklist.id, checklist.names.get(i18n.current())


def _domains(root: Path) -> Iterator[tuple[str, str | None]]:
    return _checklists(root, domains_only=True)


def _all_checklists(root: Path) -> Iterator[tuple[str, str | None]]:
    return _checklists(root, domains_only=False)


#: Completers by parameter name.
COMPLETERS: dict[str, Callable[[Path], Iterator[tuple[str, str | None]]]] = {
    "hazard_id": _hazard_ids,
    "run_id": _run_ids,
    "unit": _units,
    "domain": _domains,
    "source": _sources,
    "checklist": _all_checklists,
}


def complete(name: str, ctx: Any, incomplete: str) -> list[Any]:
    """The completions of parameter ``name`` for ``incomplete``: nothing on any error."""
    try:
        root = _root(ctx)
        if root is None:
            return []
        return _matching(COMPLETERS[name](root), incomplete)
    except Exception:  # a TAB must never print a traceback into the command line
        return []


def _completer(name: str) -> Callable[[Any, Any, str], list[Any]]:
    def shell_complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        return complete(name, ctx, incomplete)

    return shell_complete


def _commands(command: Any) -> Iterator[tuple[str, Any]]:
    yield command.name or "", command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def prepare(command: Any) -> None:
    """Register Typer's shell integrations and give parameters their completers."""
    # Typer's own shell integrations (bash, zsh, fish, powershell): the ones its
    # --install-completion would register, without that option's English-only help.
    from typer._completion_classes import completion_init

    completion_init()
    for name, cmd in _commands(command):
        if name in _NOT_COMPLETED:
            continue
        for param in cmd.params:
            if param.name in COMPLETERS:
                param._custom_shell_complete = _completer(param.name)


def script(shell: str) -> str:
    """The script that hooks safecheck's completion into ``shell``."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="safecheck", complete_var=COMPLETE_VAR,
                                 shell=shell)
