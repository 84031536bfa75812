"""Report templates: the one place that runs Jinja.

A repository's ``templates/<name>`` overrides the packaged template of that name, and
``--template FILE`` renders any file. Every template runs in Jinja's sandbox. Every value
a template prints is escaped for markdown (and HTML), so a record whose title holds ``|``,
a line break, ``<script>`` or markdown syntax cannot break a table or the page: templates
hold layout, the view-model holds text.
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


def _environment(search: list[Path]) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in search]), undefined=StrictUndefined,
        finalize=markdown_text, autoescape=False, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True)
    env.filters["percent"] = lambda v: "—" if v is None else f"{v:.1f}%"
    return env


def _where(path: str | None, line: int | None) -> Msg | str:
    if path is None:
        return Msg("template.at_line", line=line) if line else Msg("template.word")
    return f"{path}:{line}" if line else path


def render(root: Path, name: str, data: dict[str, Any], explicit: Path | None = None) -> str:
    """Render template ``name`` (or the file ``explicit``) with ``data``.

    A template with an error gets a one-line message naming its file and line.
    """
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    if explicit is not None:
        if not explicit.is_file():
            raise SafecheckError(Msg("template.no_file", path=str(explicit)))
        search, name = [explicit.resolve().parent], explicit.name
    else:
        search = [root / TEMPLATES, packaged_dir("templates")]
    env = _environment(search)
    try:
        template = env.get_template(name)
    except TemplateSyntaxError as exc:
        raise SafecheckError(Msg("template.error", where=_where(exc.filename, exc.lineno),
                                 detail=exc.message or "")) from None
    except TemplateNotFound:
        raise SafecheckError(Msg("template.not_found", name=name,
                                 places=[str(p) for p in search])) from None
    try:
        return str(template.render(**data))
    except TemplateError as exc:
        line = next((frame.lineno for frame in reversed(traceback.extract_tb(exc.__traceback__))
                     if frame.filename == template.filename), None)
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise SafecheckError(Msg("template.error", where=_where(template.filename, line),
                                 detail=message)) from None
