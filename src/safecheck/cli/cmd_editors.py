"""Commands for editors and the shell: ``schema`` and ``completion``; and the editor
set-up that ``init`` adds to a new repository (:func:`set_up_after_init`)."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.runtime import runtime
from safecheck.vocab import Locale

if TYPE_CHECKING:
    from safecheck.editors import EditorSetup


class SchemaKind(StrEnum):
    """Record kinds with a JSON Schema."""

    HAZARD = "hazard"
    INSPECTION = "inspection"
    CHECKLIST = "checklist"
    SETTINGS = "settings"


class Shell(StrEnum):
    """Shells that safecheck completes in."""

    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"
    POWERSHELL = "powershell"


@commands.command("schema", help="help.schema", rich_help_panel="group.files")
def schema_command(
    ctx: typer.Context,
    kind: Annotated[SchemaKind | None, typer.Argument(
        help="opt.schema.kind", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="opt.schema.output", metavar="metavar.dir", file_okay=False)
    ] = None,
    lang: Annotated[Locale | None, typer.Option("--lang", help="opt.schema.lang")] = None,
    vscode: Annotated[bool, typer.Option("--vscode", help="opt.schema.vscode")] = False,
) -> int:
    """The ``schema`` command: one JSON Schema printed, or the schemas written for
    editors."""
    from safecheck import i18n
    from safecheck.i18n import text

    locale = lang or i18n.current()
    if output is None and not vscode:
        from safecheck.schemas import schema_text

        sys.stdout.write(schema_text((kind or SchemaKind.HAZARD).value, locale))
        return 0
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg
    from safecheck.schemas import KINDS

    kinds = (kind.value,) if kind else KINDS
    if vscode:
        from safecheck.editors import SCHEMAS_DIR, set_up_editors

        try:
            root = runtime(ctx).root()
        except SafecheckError:
            raise SafecheckError(Msg("schema.vscode_needs_repo")) from None
        folder = output if output is not None else root / SCHEMAS_DIR
        _report(set_up_editors(root, locale, folder, kinds))
        return 0
    from safecheck.schemas import write_schemas

    assert output is not None
    for path, written in write_schemas(output, kinds, locale):
        print(text("schema.wrote" if written else "schema.unchanged", path=_shown(path)))
    return 0


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def _report(done: "EditorSetup") -> None:
    from safecheck.i18n import text

    for path in done.written:
        print(text("schema.wrote", path=_shown(path)))
    for path in done.unchanged:
        print(text("schema.unchanged", path=_shown(path)))
    for note in done.notes:
        print(note.render(), file=sys.stderr)


def set_up_after_init(path: Path, locale: Locale) -> list[Path]:
    """``init``'s part for editors: the schemas in .safecheck/schemas and the VS Code
    settings. Returns the files written; what was left alone is said on stderr."""
    from safecheck.editors import set_up_editors

    done = set_up_editors(path, locale)
    for note in done.notes:
        print(note.render(locale), file=sys.stderr)
    return done.written


@commands.command("completion", help="help.completion", rich_help_panel="group.files")
def completion_command(
    shell: Annotated[Shell, typer.Argument(help="opt.completion.shell",
                                           metavar="metavar.shell")],
) -> int:
    """The ``completion`` command: the script that hooks completion into a shell."""
    from safecheck.cli.completion import script

    print(script(shell.value))
    return 0
