"""The Typer application: global options, and the commands the command modules declare.

Only typer and light modules are imported here, so ``--help`` and ``--version`` start
fast; each command imports what it needs when it runs.
"""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

from pathlib import Path
from typing import Annotated

import typer

from safecheck import __version__
from safecheck.cli.commands import CommandTyper, register_all
from safecheck.cli.help import SafecheckGroup
from safecheck.cli.runtime import Runtime

app = CommandTyper(
    name="safecheck",
    cls=SafecheckGroup,
    help="help.app",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help text: rendering it with rich would import rich on every --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"safecheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _global(
    ctx: typer.Context,
    repo: Annotated[Path | None, typer.Option(
        "--repo", help="opt.repo", metavar="metavar.dir", file_okay=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", help="opt.version", is_eager=True, callback=_show_version)] = False,
) -> None:
    """The global options, kept for every command."""
    ctx.obj = Runtime(repo=repo)


# Command modules declare their commands; imported in the order help lists them.
from safecheck.cli import cmd_records  # noqa: E402,F401,I001
from safecheck.cli import cmd_corrections  # noqa: E402,F401
from safecheck.cli import cmd_views  # noqa: E402,F401
from safecheck.cli import cmd_inspect  # noqa: E402,F401
from safecheck.cli import cmd_history  # noqa: E402,F401
from safecheck.cli import cmd_export  # noqa: E402,F401
from safecheck.cli import cmd_import  # noqa: E402,F401
from safecheck.cli import cmd_forms  # noqa: E402,F401
from safecheck.cli import cmd_ci  # noqa: E402,F401
from safecheck.cli import cmd_editors  # noqa: E402,F401

register_all(app)
