"""Report and form templates: the one place that runs Jinja.

A repository's ``templates/<name>`` overrides the packaged template of that name (forms
live in ``templates/forms/``), and ``--template FILE`` renders any file. Every template
runs in Jinja's sandbox. Every value a template prints is escaped: for markdown by
:func:`render` (so a record whose title holds ``|``, a line break, ``<script>`` or markdown
syntax cannot break a table or the page), for HTML by :func:`render_html` (autoescape).
Templates hold layout, the view-model holds text.
"""

from __future__ import annotations

import os
import stat
import traceback
from pathlib import Path
from typing import Any

from safecheck.errors import SafecheckError, os_reason
from safecheck.i18n import Msg
from safecheck.layout import TEMPLATES
from safecheck.printable import printable
from safecheck.resources import packaged_dir

_ESCAPES = str.maketrans({
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|",
    "#": "\\#", "~": "\\~", "!": "\\!", "<": "&lt;", ">": "&gt;", "&": "&amp;",
})


def markdown_text(value: Any) -> str:
    """Any value as one line of inert markdown: nothing in it can start a table cell, a
    link, emphasis, an HTML tag or a new line."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int | float):
        return str(value)
    return " ".join(str(value).split()).translate(_ESCAPES)


def html_text(value: Any) -> Any:
    """Any value for an HTML template: autoescaping then escapes it, so only the
    placeholders are decided here. Line breaks are kept (the CSS shows them)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, str):
        return value  # Markup stays Markup: only a template's own ``|safe`` makes one
    return str(value)


class _Plain(str):
    """Text a YAML template prints as it is: a comment's words, on one line."""


def yaml_scalar(value: Any) -> str:
    """Any value as one YAML scalar: a string is double-quoted (JSON's quoting is
    YAML's), so nothing in it can start a key, a list, a comment or a new line."""
    import json

    if isinstance(value, _Plain):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def _comment(value: Any) -> _Plain:
    return _Plain(" ".join(str(value).split()))


def _read_inside(folder: Path, pieces: list[str]) -> str | None:
    """The text of ``folder/pieces…`` if every step is a real folder and the end a regular
    file (no symlink anywhere: a committed link could print the CI's secrets); None if
    there is no such file."""
    path = folder
    for piece in pieces:
        path = path / piece
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise SafecheckError(Msg("template.unreadable", path=str(path),
                                     reason=os_reason(exc))) from None
        if stat.S_ISLNK(mode) or (piece is pieces[-1] and not stat.S_ISREG(mode)):
            raise SafecheckError(Msg("template.not_regular", path=str(path)))
    with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
        data = handle.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SafecheckError(Msg("template.not_utf8", where=str(path))) from None


def _loader(search: list[Path]) -> Any:
    from jinja2 import BaseLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    class RegularFileLoader(BaseLoader):
        """Like Jinja's FileSystemLoader, but reads only regular files reached without a
        symlink, inside the search folders ('..' and absolute names are not found)."""

        def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
            pieces = split_template_path(template)
            for folder in search:
                if folder.is_symlink():
                    raise SafecheckError(Msg("template.not_regular", path=str(folder)))
                source = _read_inside(folder, pieces)
                if source is not None:
                    filename = str(folder.joinpath(*pieces))
                    return source, filename, lambda: False
            raise TemplateNotFound(template)

    return RegularFileLoader()


#: The largest power or repetition a template may compute: a report needs none of this
#: size, and ``{{ 9**9**9 }}`` or ``{{ 'x' * 10**10 }}`` would hang or exhaust the CI.
_MAX_EXPONENT = 64
_MAX_REPEAT = 100_000


def _environment(search: list[Path], html: bool = False, yaml: bool = False) -> Any:
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        """Jinja's sandbox, with powers and repetitions bounded."""

        intercepted_binops = frozenset({"**", "*"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
                raise SecurityError(f"exponent {right} is too large")
            if operator == "*" and any(isinstance(a, int) and not isinstance(b, int | float)
                                       and a > _MAX_REPEAT for a, b in ((left, right),
                                                                         (right, left))):
                raise SecurityError("repetition is too large")
            return super().call_binop(context, operator, left, right)

    env = Sandbox(
        loader=_loader(search), undefined=StrictUndefined,
        finalize=yaml_scalar if yaml else html_text if html else markdown_text,
        autoescape=html,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["percent"] = lambda v: "—" if v is None else f"{v:.1f}%"
    env.filters["comment"] = _comment
    return env


def _where(path: str | None, line: int | None) -> Msg | str:
    if path is None:
        return Msg("template.at_line", line=line) if line else Msg("template.word")
    return f"{path}:{line}" if line else path


def render(root: Path, name: str, data: dict[str, Any], explicit: Path | None = None) -> str:
    """Render the markdown template ``name`` (or the file ``explicit``) with ``data``;
    every value is escaped for markdown.

    A template with an error gets a one-line message naming its file and line.
    """
    return _render(root, name, data, explicit, html=False)


def render_html(root: Path, name: str, data: dict[str, Any],
                explicit: Path | None = None) -> str:
    """Render the HTML template ``name`` (or the file ``explicit``) with ``data``, found
    like :func:`render`; every value is HTML-escaped (autoescape) in the sandbox.

    A template with an error gets a one-line message naming its file and line.
    """
    return _render(root, name, data, explicit, html=True)


def render_yaml(root: Path, name: str, data: dict[str, Any]) -> str:
    """Render the YAML template ``name`` (a CI pipeline), found like :func:`render`:
    every value prints as a quoted YAML scalar, or with ``|comment`` as one line of a
    comment."""
    return _render(root, name, data, None, html=False, yaml=True)


def search_path(root: Path) -> list[Path]:
    """Where templates are looked up: the repository's ``templates/``, then the packaged
    defaults (a name such as ``forms/notice.zh.md.j2`` is looked up in both)."""
    return [root / TEMPLATES, packaged_dir("templates")]


def _render(root: Path, name: str, data: dict[str, Any], explicit: Path | None,
            html: bool, yaml: bool = False) -> str:
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    if explicit is not None:
        if not explicit.is_file():
            raise SafecheckError(Msg("template.no_file", path=str(explicit)))
        search, name = [explicit.resolve().parent], explicit.resolve().name
    else:
        search = search_path(root)
    env = _environment(search, html, yaml)
    try:
        template = env.get_template(name)
    except TemplateSyntaxError as exc:
        raise SafecheckError(Msg("template.error", where=_where(exc.filename, exc.lineno),
                                 detail=exc.message or "")) from None
    except TemplateNotFound:
        raise SafecheckError(Msg("template.not_found", name=name,
                                 places=[str(p) for p in search])) from None
    try:
        # Whatever a template holds or prints, no control character reaches a terminal.
        return printable(str(template.render(**data)), keep_layout=True)
    except SafecheckError:
        raise  # an included template that is refused
    except Exception as exc:
        line = next((frame.lineno for frame in reversed(traceback.extract_tb(exc.__traceback__))
                     if frame.filename == template.filename), None)
        # An error raised by the template's own code ({{ 1 / 0 }}, a bad comparison) is
        # the template's, like a syntax error; anything else is a bug and shows as one.
        if not isinstance(exc, TemplateError) and line is None:
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise SafecheckError(Msg("template.error", where=_where(template.filename, line),
                                 detail=message)) from None

