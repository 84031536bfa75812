"""Printable forms: ``safecheck form notice|signoff ID``.

``form`` is a sub-app: a new form is one more ``@form_app.command`` that builds its
view-model and hands it to :func:`write_form` with the shared options below.
"""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import IdArg
from safecheck.cli.runtime import normalize_id
from safecheck.vocab import Locale

if TYPE_CHECKING:
    from safecheck.context import LedgerContext


class FormFormat(StrEnum):
    """Output of a form: markdown, or a print-ready HTML page."""

    MARKDOWN = "markdown"
    HTML = "html"


class StatisticsFormat(StrEnum):
    """Output of the statistics form: markdown, an HTML page, or an XLSX workbook."""

    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"


#: File name endings of the templates, by format.
_SUFFIX = {FormFormat.MARKDOWN: "md", FormFormat.HTML: "html"}

form_app = typer.Typer(
    name="form",
    help="Printable forms: 整改通知书 (notice), 销号单 (signoff).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(form_app, name="form")

LangOpt = Annotated[Locale | None, typer.Option(
    "--lang", help="zh or en (default: the repository's locale).")]
FormFormatOpt = Annotated[FormFormat, typer.Option(
    "--format", help="markdown, or html (an A4 page to print).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the form to this file (default: print it).",
    dir_okay=False)]
TemplateOpt = Annotated[Path | None, typer.Option(
    "--template", help="A Jinja template file to render instead.", dir_okay=False)]


def write_form(context: "LedgerContext", name: str, data: dict[str, Any], locale: Locale,
               fmt: FormFormat, output: Path | None, template: Path | None) -> int:
    """Render the view-model ``data`` through ``templates/forms/<name>.<lang>.<md|html>.j2``
    (or ``template``) and print it, or write it atomically to ``output``."""
    from safecheck import templates

    template_name = f"forms/{name}.{locale.value}.{_SUFFIX[fmt]}.j2"
    render = templates.render_html if fmt is FormFormat.HTML else templates.render
    text = render(context.root, template_name, data, template)
    if output is not None:
        from safecheck.atomic import replace_bytes

        replace_bytes(output, text.encode("utf-8"))
        print(f"{data.get('number', name)} → {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _hazard_form(ctx: typer.Context, name: str, hazard_id: str, lang: Locale | None,
                 fmt: FormFormat, output: Path | None, template: Path | None) -> int:
    from safecheck import forms, store

    rt = runtime(ctx)
    context = rt.context()
    stored = store.read_hazard(context.root, normalize_id(hazard_id))
    locale = lang or context.settings.locale
    data = forms.build(name, stored.hazard, context.settings, context.checklists, locale,
                       rt.today(), stored.relpath)
    return write_form(context, name, data, locale, fmt, output, template)


@form_app.command("notice")
def notice_command(
    ctx: typer.Context,
    hazard_id: IdArg,
    lang: LangOpt = None,
    fmt: FormFormatOpt = FormFormat.MARKDOWN,
    output: OutputOpt = None,
    template: TemplateOpt = None,
) -> int:
    """隐患整改通知书: the rectification notice handed to the responsible department.

    The problem, what is required (the five in place; for a major hazard its interim
    control, report and governance plan), the reply the department fills in, and the
    issue and receipt signatures. Dated today.
    """
    return _hazard_form(ctx, "notice", hazard_id, lang, fmt, output, template)


@form_app.command("signoff")
def signoff_command(
    ctx: typer.Context,
    hazard_id: IdArg,
    lang: LangOpt = None,
    fmt: FormFormatOpt = FormFormat.MARKDOWN,
    output: OutputOpt = None,
    template: TemplateOpt = None,
) -> int:
    """销号单: the cover sheet of the problem's file (一个问题一套整改资料).

    Facts, plan, every rectification round and verification, reopenings, corrections,
    major-hazard steps, extensions, documents, status and the 销号审批 signatures. A
    hazard that is not closed is printed marked 未销号.
    """
    return _hazard_form(ctx, "signoff", hazard_id, lang, fmt, output, template)


@form_app.command("statistics")
def statistics_command(
    ctx: typer.Context,
    quarter: Annotated[str | None, typer.Option(
        "--quarter", help="A quarter, e.g. 2026-Q4.")] = None,
    year: Annotated[str | None, typer.Option("--year", help="A year, e.g. 2026.")] = None,
    lang: LangOpt = None,
    fmt: Annotated[StatisticsFormat, typer.Option(
        "--format", help="markdown, html (an A4 landscape page) or xlsx (needs -o).")] = (
        StatisticsFormat.MARKDOWN),
    output: OutputOpt = None,
    template: TemplateOpt = None,
) -> int:
    """隐患排查治理情况统计分析表: the quarterly or annual statistics, signed by the principal.

    Per unit and in total: inspections, hazards found (general and major) and rectified,
    the rectification rate, major hazards with a governance plan, with the five in place
    and under supervision, and funding — by the records' own dates.
    """
    from safecheck import report
    from safecheck.errors import SafecheckError
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.i18n import Msg
    from safecheck.report import statistics_form

    if bool(quarter) == bool(year):
        raise SafecheckError(Msg("stats.one_period"))
    window = report.quarter(quarter) if quarter else report.year(year or "")
    if fmt is StatisticsFormat.XLSX and output is None:
        raise SafecheckError(Msg("stats.xlsx_output"))
    rt = runtime(ctx)
    context = rt.context()
    locale = lang or context.settings.locale
    git = GitRepo(context.root)
    git.check()
    reader = Reader(git)
    try:
        data = statistics_form.build(context, git, reader, window, locale, rt.today())
    finally:
        reader.close()
    if fmt is StatisticsFormat.XLSX:
        from safecheck.output.spreadsheet import write_statistics_xlsx

        assert output is not None
        write_statistics_xlsx(output, data)
        print(f"{window.label} → {output}", file=sys.stderr)
        return 0
    form_format = FormFormat.HTML if fmt is StatisticsFormat.HTML else FormFormat.MARKDOWN
    return write_form(context, "statistics", data, locale, form_format, output, template)
