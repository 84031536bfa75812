"""Words shown to people, in Chinese and English, from one catalogue (``safecheck.words``).

The core never decides the language: it returns and raises :class:`Msg` values (a key
and parameters). The CLI picks the locale once per run (the ledger's ``locale``, else
``LANG``) with :func:`use`; rendering happens when a message is shown. Parameters that
are themselves words (a status, a level, another message) are rendered in the same
language, so "已销号" never appears inside an English sentence.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from safecheck.printable import printable
from safecheck.vocab import Locale

_current = Locale.EN


def use(locale: Locale | str) -> None:
    """Render messages in ``locale`` from now on (the CLI calls this once per run)."""
    global _current
    _current = Locale(str(locale)) if str(locale) in ("zh", "en") else Locale.EN


def current() -> Locale:
    """The locale messages are rendered in."""
    return _current


def _catalogue() -> Mapping[str, tuple[str, str]]:
    from safecheck.words import CATALOGUE

    return CATALOGUE


def has(key: str) -> bool:
    """True when the catalogue holds ``key``."""
    return key in _catalogue()


def text(key: str, /, locale: Locale | str | None = None, **params: Any) -> str:
    """The catalogue entry ``key`` in ``locale`` (default: the current one), formatted.

    An unknown key is shown as the key itself: a missing word must never crash a run.
    """
    loc = Locale(str(locale)) if locale is not None else _current
    pair = _catalogue().get(key)
    if pair is None:
        return key.split(".", 1)[-1] if "." in key else key
    template = pair[1] if loc is Locale.EN else pair[0]
    if "{" not in template and "}" not in template:
        return template
    formatter = _FORMATTERS[loc]
    pieces = _pieces(template)
    if pieces is None:  # anything but plain named fields: string.Formatter's own way
        return formatter.vformat(template, (), params)
    out = []
    for literal, name, spec in pieces:
        out.append(literal)
        if name is not None:
            out.append(formatter.format_field(
                params[name] if name in params else "{" + name + "}", spec))
    return "".join(out)


_PIECES: dict[str, tuple[tuple[str, str | None, str], ...] | None] = {}


def _pieces(template: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """The template's literal text and fields, parsed once (an audit renders thousands
    of the same few messages); None when a field is more than a name with a plain
    format spec, which :meth:`string.Formatter.vformat` then handles."""
    if template not in _PIECES:
        parsed: list[tuple[str, str | None, str]] | None = []
        for literal, name, spec, conversion in string.Formatter().parse(template):
            if name is not None and (not name.isidentifier() or conversion
                                     or "{" in (spec or "")):
                parsed = None
                break
            assert parsed is not None
            parsed.append((literal, name, spec or ""))
        _PIECES[template] = None if parsed is None else tuple(parsed)
    return _PIECES[template]


def label(key: str, locale: Locale | str | None = None) -> str:
    """A label (``status.closed``, ``field.location`` …) in ``locale``."""
    return text(key, locale)


class Msg:
    """A message to show: a catalogue key and its parameters, rendered late."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def render(self, locale: Locale | str | None = None) -> str:
        """The message in ``locale`` (default: the current one)."""
        return text(self.key, locale, **self.params)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Msg) and other.key == self.key
                and other.params == self.params)

    def __hash__(self) -> int:
        return hash(self.key)


def render(value: Any, locale: Locale | str | None = None) -> str:
    """Any message-like value as text in ``locale``: a Msg, a word, a date, a list …"""
    loc = Locale(str(locale)) if locale is not None else _current
    return _show(value, loc)


_ENUM_PREFIX = {"Status": "status", "Level": "level", "Result": "result",
                "Severity": "severity"}


def _show(value: Any, loc: Locale) -> str:
    if isinstance(value, Msg):
        return value.render(loc)
    if isinstance(value, Enum):
        prefix = _ENUM_PREFIX.get(type(value).__name__)
        return text(f"{prefix}.{value.value}", loc) if prefix else str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items: Iterable[Any] = sorted(value) if isinstance(value, set | frozenset) else value
        return ("、" if loc is Locale.ZH else ", ").join(_show(v, loc) for v in items)
    # A value quoted in a message may come from a hostile file: never raw on a terminal.
    return printable(str(value), keep_layout=True)


class _Formatter(string.Formatter):
    """``{name}`` renders words in the locale; ``{n:plural:day}`` says "1 day", "2 days"
    in English and the bare number in Chinese (the template carries 天)."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        # A parameter the caller did not give shows as itself rather than crashing.
        if isinstance(key, str) and key not in kwargs:
            return "{" + key + "}"
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("plural:"):
            word = format_spec.split(":", 1)[1]
            if self.locale is Locale.ZH:
                return str(value)
            return f"{value} {word}" + ("" if value == 1 else "s")
        if format_spec:
            return format(value, format_spec)
        return _show(value, self.locale)


_FORMATTERS = {locale: _Formatter(locale) for locale in Locale}
