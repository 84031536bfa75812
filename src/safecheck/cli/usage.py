"""Typer's usage errors (unknown option, missing argument, bad value ...) in the catalogue's
words: Typer writes them in English, whatever the ledger's language.

Each error is recognised by its class and what it carries (the parameter, the value,
Pydantic's error); a message this module does not know is shown as Typer wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from typer._click import exceptions as click_errors

from safecheck.i18n import Msg

_EXTRA = re.compile(r"^Got unexpected extra argument\(s\) \((.*)\)$", re.DOTALL)
_NO_COMMAND = re.compile(r"^No such command '(.*)'\.(?: Did you mean (.*)\?)?$", re.DOTALL)
_NEEDS = re.compile(r"^Option '(.*)' requires (?:an argument|([0-9]+) arguments)\.$")
_NO_VALUE = re.compile(r"^Option '(.*)' does not take a value\.$")
_PATH = re.compile(r"^(?:file|dir|path) '(.*)' (does not exist|is a file|is a directory|"
                   r"is not readable|is not writable)\.$", re.DOTALL)
_PATH_KEYS = {"does not exist": "usage.path_missing", "is a file": "usage.path_is_file",
              "is a directory": "usage.path_is_dir", "is not readable": "usage.path_unreadable",
              "is not writable": "usage.path_unwritable"}
_QUOTED = re.compile(r"'([^']*)'")


def usage_message(error: click_errors.UsageError) -> Msg | str:
    """The usage error as a catalogue message (Typer's own text when it is not known)."""
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        if param is not None and param.param_type_name == "argument":
            return Msg("usage.missing_argument", name=_name(param))
        if param is not None:
            return Msg("usage.missing_option", name=_name(param))
    if isinstance(error, click_errors.BadParameter):
        return _bad_parameter(error)
    if isinstance(error, click_errors.NoSuchOption):
        if error.possibilities:
            return Msg("usage.no_such_option_hint", option=error.option_name,
                       possible=sorted(error.possibilities))
        return Msg("usage.no_such_option", option=error.option_name)
    return _by_text(error.message)


def _by_text(message: str) -> Msg | str:
    found = _NEEDS.match(message)
    if found:
        if found.group(2):
            return Msg("usage.needs_values", option=found.group(1), count=found.group(2))
        return Msg("usage.needs_value", option=found.group(1))
    found = _NO_VALUE.match(message)
    if found:
        return Msg("usage.takes_no_value", option=found.group(1))
    found = _EXTRA.match(message)
    if found:
        return Msg("usage.extra_args", args=found.group(1))
    found = _NO_COMMAND.match(message)
    if found:
        if found.group(2):
            return Msg("usage.no_such_command_hint", name=found.group(1),
                       possible=_QUOTED.findall(found.group(2)) or [found.group(2)])
        return Msg("usage.no_such_command", name=found.group(1))
    if message == "Missing command.":
        return Msg("usage.missing_command")
    return message


def _name(param: Any) -> str:
    """How the parameter is written: its first option name, or an argument's metavar."""
    opts = getattr(param, "opts", None)
    if param.param_type_name == "option" and opts:
        return str(opts[0])
    return str(param.metavar or param.name or "")


def _bad_parameter(error: click_errors.BadParameter) -> Msg | str:
    param = error.param
    name = _name(param) if param is not None else ""
    return Msg("usage.bad_value", name=name, problem=_problem(error))


def _problem(error: click_errors.BadParameter) -> Msg | str:
    from pydantic import ValidationError

    from safecheck.models.common import error_message

    cause = error.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        item = cause.errors(include_url=False)[0]
        choices = _choices(error.param)
        if choices is not None:
            given = " ".join(str(item.get("input", "")).split())
            return Msg("schema.one_of", expected=choices, input=given)
        return error_message(item)
    found = _PATH.match(error.message)
    if found:
        return Msg(_PATH_KEYS[found.group(2)], path=found.group(1))
    if error.message == "Value must be an iterable.":
        return Msg("usage.not_iterable")
    return error.message.removeprefix("Value error, ")


def _choices(param: Any) -> list[str] | None:
    """The values a choice parameter takes, or None for any other parameter."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice or descriptor.choices is None:
        return None
    return [str(getattr(c, "value", c)) for c in descriptor.choices]
