"""The command registry: command modules declare their commands here, the app registers them.

Command modules never import the app (which imports them): they declare with
:func:`command` and :func:`group`, and :mod:`safecheck.cli.app` calls :func:`register_all`
once, after importing them in the order help lists them.
"""

from collections.abc import Callable
from typing import Any, TypeVar

import typer
from typer.core import TyperCommand
from typer.models import CommandFunctionType

from safecheck.cli.help import SafecheckCommand

F = TypeVar("F", bound=Callable[..., Any])

_declared: list[Callable[[typer.Typer], None]] = []


class CommandTyper(typer.Typer):
    """A Typer app whose commands lay out their help with :mod:`safecheck.cli.help`."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        """Register a command (help texts, metavars and group are catalogue keys)."""
        return super().command(name, cls=cls or SafecheckCommand, **kwargs)


def command(name: str, **kwargs: Any) -> Callable[[F], F]:
    """Declare a command of the app; its options are Typer's (texts are catalogue keys)."""

    def declare(function: F) -> F:
        def register(app: typer.Typer) -> None:
            app.command(name, **kwargs)(function)

        _declared.append(register)
        return function

    return declare


def group(sub_app: typer.Typer, **kwargs: Any) -> None:
    """Declare a group of commands (a sub-app such as ``form``)."""
    _declared.append(lambda app: app.add_typer(sub_app, **kwargs))


def register_all(app: typer.Typer) -> None:
    """Register every declared command and group on ``app``, in the order declared."""
    for register in _declared:
        register(app)
