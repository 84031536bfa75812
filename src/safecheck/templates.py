"""Report and form templates: the one place that runs Jinja.

A repository's ``templates/<name>`` overrides the packaged template of that name (forms
live in ``templates/forms/``), and ``--template FILE`` renders any file. Every template
runs in Jinja's sandbox. Every value a template prints is escaped: for markdown by
:func:`render` (so a record whose title holds ``|``, a line break, ``<script>`` or markdown
syntax cannot break a table or the page), for HTML by :func:`render_html` (autoescape).
Templates hold layout, the view-model holds text.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from safecheck.errors import SafecheckError
from safecheck.i18n import Msg
from safecheck.layout import TEMPLATES
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


def _environment(search: list[Path], html: bool = False, yaml: bool = False) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    finalize = yaml_scalar if yaml else html_text if html else markdown_text
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in search]), undefined=StrictUndefined,
        finalize=finalize, autoescape=html,
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
        search, name = [explicit.resolve().parent], explicit.name
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
    except UnicodeDecodeError:
        raise SafecheckError(Msg("template.not_utf8",
                                 where=_where(_template_file(search, name), None))) from None
    try:
        return str(template.render(**data))
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


def _template_file(search: list[Path], name: str) -> str | None:
    """The file ``name`` resolves to on ``search`` (the first that exists), if any."""
    return next((str(folder / name) for folder in search if (folder / name).is_file()), None)
