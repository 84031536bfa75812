"""Help in the ledger's language, as plain text.

Every ``help=`` and ``metavar=`` in the command modules is a catalogue key
(``help.plan``, ``opt.deadline``, ``metavar.date``); :func:`localize` puts the words of the
current locale in their place once per run, before anything is parsed or shown. A command's
``help.<name>`` is its summary line and ``help.<name>.text`` (when there is one) the
paragraphs below it; ``rich_help_panel`` names its group (``group.register`` …) in
``safecheck --help``.

The layout is ours, not Typer's: usage, text, arguments, options and grouped commands,
wrapped by display width so Chinese lines neither overflow nor misalign, and no Python type
names (a parameter shows its metavar, or its choices). Only typer's core is imported here:
``--help`` stays fast and never loads rich.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from typer._click import Context, HelpFormatter
from typer.core import TyperCommand, TyperGroup

from safecheck.i18n import has, text

#: The groups of ``safecheck --help``, in order; a command without one goes last, under
#: group.other.
GROUPS = ("group.register", "group.major", "group.query", "group.inspect", "group.report",
          "group.files", "group.forms")
_OTHER = "group.other"
_KEY = "_catalogue_key"
#: The widest first column before a parameter's help moves to the next line.
_FIRST_COLUMN = 32


def localize(command: Any) -> None:
    """Put the current locale's words in place of the catalogue keys of ``command``, its
    parameters and its subcommands (again and again: the keys are kept)."""
    summary = _translated(command, "help")
    if summary is not None:
        command.short_help = summary
        key = getattr(command, f"{_KEY}_help")
        more = f"{key}.text"
        command.help = summary + (f"\n\n{text(more)}" if has(more) else "")
    for param in getattr(command, "params", []):
        _translated(param, "help")
        _translated(param, "metavar")
    for sub in getattr(command, "commands", {}).values():
        localize(sub)


def _translated(target: Any, attribute: str) -> str | None:
    """The words of the key held in ``target.<attribute>`` (kept aside on first use)."""
    keep = f"{_KEY}_{attribute}"
    key = getattr(target, keep, None) or getattr(target, attribute, None)
    if not isinstance(key, str) or not has(key):
        return None
    setattr(target, keep, key)
    words = text(key)
    setattr(target, attribute, words)
    return words


# --- layout ----------------------------------------------------------------------------

def display_width(value: str) -> int:
    """Columns ``value`` takes in a terminal: CJK characters take two."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in value)


_TOKENS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-"
                     r"\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+")
#: Punctuation that never starts a line, and that never ends one.
_NO_START = set("，。、；：）》」』】！？,.;:)")
_NO_END = set("（《「『【“(")


def wrap(paragraph: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces or between CJK characters."""
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKENS.findall(" ".join(paragraph.split())):
        size = display_width(token)
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if line and used + size > width and token[0] not in _NO_START:
            carried = ""
            while line and line[-1] in _NO_END:
                carried, line = line[-1] + carried, line[:-1]
            lines.append(line.rstrip())
            line, used = carried, display_width(carried)
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _rows(rows: list[tuple[str, str]], width: int, indent: int = 2) -> Iterator[str]:
    """A two-column list: names, then their help wrapped beside them."""
    first = min(max((display_width(name) for name, _ in rows), default=0), _FIRST_COLUMN)
    room = max(width - indent - first - 2, 20)
    for name, help_text in rows:
        lines = wrap(help_text, room) if help_text else [""]
        pad = first - display_width(name)
        if pad < 0:  # too wide: the help starts on the next line
            yield " " * indent + name
            for line in lines if help_text else []:
                yield " " * (indent + first + 2) + line
            continue
        yield " " * indent + name + " " * (pad + 2) + lines[0]
        for line in lines[1:]:
            yield " " * (indent + first + 2) + line


def _value(default: Any) -> str | None:
    """A default worth showing, as the user would type it."""
    if default is None or isinstance(default, bool) or default in ((), []):
        return None
    if isinstance(default, Enum):
        return str(default.value)
    if isinstance(default, Path):
        return str(default)
    if isinstance(default, str | int | float):
        return str(default) if str(default) else None
    return None


def _choices(param: Any) -> list[str] | None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice or descriptor.choices is None:
        return None
    return [str(c.value) if isinstance(c, Enum) else str(c) for c in descriptor.choices]


def _metavar(param: Any) -> str:
    """What stands for the value: the metavar, else the choices (never a type name)."""
    if param.metavar:
        return str(param.metavar)
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    return text("metavar.text")


def _is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False) or getattr(param, "count", False))


def _names(param: Any) -> str:
    """An option's names, short ones first: ``-o, --output``."""
    names = [*param.opts, *param.secondary_opts]
    return ", ".join(sorted(names, key=lambda n: (not n.startswith("-") or n.startswith("--"),
                                                  names.index(n))))


def _param_row(param: Any, help_option: Any) -> tuple[str, str]:
    if param is help_option:
        return _names(param), text("help.help_option")
    if param.param_type_name == "argument":
        name = _metavar(param)
    else:
        name = _names(param)
        if not _is_flag(param):
            name += " " + _metavar(param)
    extra = []
    shown = None if _is_flag(param) else _value(param.default)
    if shown is not None:
        extra.append(text("help.default", value=shown))
    if param.required:
        extra.append(text("help.required"))
    if getattr(param, "multiple", False):
        extra.append(text("help.repeatable"))
    help_text = param.help or ""
    if extra:
        help_text += ("  " if help_text else "") + "[" + text("help.separator").join(extra) + "]"
    return name, help_text


def _usage(command: Any, ctx: Context, width: int) -> list[str]:
    pieces = []
    if any(p.param_type_name == "option" for p in command.get_params(ctx)):
        pieces.append(text("help.options_metavar"))
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            continue
        name = _metavar(param)
        name = name if param.required else f"[{name}]"
        pieces.append(name + ("..." if param.nargs != 1 else ""))
    if isinstance(command, TyperGroup):
        pieces.append(text("help.command_metavar"))
    prefix = f"{text('help.usage')}{ctx.command_path} "
    lines = wrap(" ".join(pieces), max(width - display_width(prefix), 20))
    return [prefix + lines[0]] + [" " * display_width(prefix) + line for line in lines[1:]]


def _section(title: str, lines: Iterator[str] | list[str]) -> list[str]:
    return ["", text("help.heading", name=title), *lines]


def _commands(group: TyperGroup, ctx: Context, width: int) -> list[str]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        panel = getattr(command, "rich_help_panel", None)
        key = panel if panel in GROUPS else _OTHER
        grouped.setdefault(key, []).append((name, command.get_short_help_str(limit=1000)))
    out: list[str] = []
    for key in (*GROUPS, _OTHER):
        if key in grouped:
            out += _section(text(key), list(_rows(grouped[key], width)))
    return out


def format_help(command: Any, ctx: Context, formatter: HelpFormatter) -> None:
    """The whole help page of ``command``, in the current locale."""
    width = max(formatter.width or 80, 40)
    lines = _usage(command, ctx, width)
    if command.help:
        for paragraph in str(command.help).split("\n\n"):
            lines.append("")
            lines += ["  " + line for line in wrap(paragraph, width - 2)]
    help_option = command.get_help_option(ctx)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [_param_row(p, help_option) for p in params if p.param_type_name == "argument"]
    options = [_param_row(p, help_option) for p in params if p.param_type_name == "option"]
    if arguments:
        lines += _section(text("help.arguments"), list(_rows(arguments, width)))
    if options:
        lines += _section(text("help.options"), list(_rows(options, width)))
    if isinstance(command, TyperGroup):
        lines += _commands(command, ctx, width)
    formatter.write("\n".join(lines) + "\n")


class SafecheckCommand(TyperCommand):
    """A command whose help is laid out by :func:`format_help`."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The help page, in the ledger's language."""
        format_help(self, ctx, formatter)

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The usage line, in the ledger's language."""
        formatter.write("\n".join(_usage(self, ctx, max(formatter.width or 80, 40))) + "\n")


class SafecheckGroup(TyperGroup):
    """The ``safecheck`` group: localizes the whole tree before a run, lays out help with
    :func:`format_help` and lists the commands in their groups."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run, with every help text and metavar in the current locale."""
        localize(self)
        return super().main(*args, **kwargs)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The help page, in the ledger's language."""
        format_help(self, ctx, formatter)

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The usage line, in the ledger's language."""
        formatter.write("\n".join(_usage(self, ctx, max(formatter.width or 80, 40))) + "\n")
