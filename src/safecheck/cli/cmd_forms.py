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

from safecheck.cli import commands
from safecheck.cli.help import SafecheckGroup
from safecheck.cli.options import IdArg
from safecheck.cli.runtime import normalize_id, runtime
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

form_app = commands.CommandTyper(
    name="form",
    cls=SafecheckGroup,
    help="help.form",
    no_args_is_help=True,
    rich_markup_mode=None,
)
commands.group(form_app, name="form", help="help.form", rich_help_panel="group.report")

LangOpt = Annotated[Locale | None, typer.Option(
    "--lang", help="opt.lang")]
FormFormatOpt = Annotated[FormFormat, typer.Option(
    "--format", help="opt.form.format")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="opt.form.output", metavar="metavar.file", dir_okay=False)]
TemplateOpt = Annotated[Path | None, typer.Option(
    "--template", help="opt.form.template", metavar="metavar.file", dir_okay=False)]


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


@form_app.command("notice", help="help.form.notice",
                  rich_help_panel="group.forms")
def notice_command(
    ctx: typer.Context,
    hazard_id: IdArg,
    lang: LangOpt = None,
    fmt: FormFormatOpt = FormFormat.MARKDOWN,
    output: OutputOpt = None,
    template: TemplateOpt = None,
) -> int:
    return _hazard_form(ctx, "notice", hazard_id, lang, fmt, output, template)


@form_app.command("signoff", help="help.form.signoff",
                  rich_help_panel="group.forms")
def signoff_command(
    ctx: typer.Context,
    hazard_id: IdArg,
    lang: LangOpt = None,
    fmt: FormFormatOpt = FormFormat.MARKDOWN,
    output: OutputOpt = None,
    template: TemplateOpt = None,
) -> int:
    return _hazard_form(ctx, "signoff", hazard_id, lang, fmt, output, template)


@form_app.command("statistics", help="help.form.statistics",
                  rich_help_panel="group.forms")
def statistics_command(
    ctx: typer.Context,
    quarter: Annotated[str | None, typer.Option(
        "--quarter", help="opt.report.quarter", metavar="metavar.quarter")] = None,
    year: Annotated[str | None, typer.Option(
        "--year", help="opt.report.year", metavar="metavar.year")] = None,
    lang: LangOpt = None,
    fmt: Annotated[StatisticsFormat, typer.Option(
        "--format", help="opt.form.statistics_format")] = (
        StatisticsFormat.MARKDOWN),
    output: OutputOpt = None,
    template: TemplateOpt = None,
) -> int:
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
