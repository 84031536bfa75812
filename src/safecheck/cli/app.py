"""The Typer application: global options and the command modules that register on it.

Only typer and light modules are imported here, so ``--help`` and ``--version`` start
fast; each command imports what it needs when it runs.
"""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand
from typer.models import CommandFunctionType

from safecheck import __version__
from safecheck.cli.help import SafecheckCommand, SafecheckGroup
from safecheck.cli.runtime import Runtime


class _App(typer.Typer):
    """The app, whose commands lay out their help with :mod:`safecheck.cli.help`."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        """Register a command (help texts, metavars and group are catalogue keys)."""
        return super().command(name, cls=cls or SafecheckCommand, **kwargs)


app = _App(
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


def runtime(ctx: typer.Context) -> Runtime:
    """The global options of this invocation."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Runtime)
    return obj


# Command modules register themselves on ``app``, in the order help lists them.
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
