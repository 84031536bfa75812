"""Commands that read the git history: report, review, history."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.ci_report import CodequalityOpt, JunitOpt
from safecheck.cli.options import FormatOpt, IdArg, LangOpt, TextOrJson
from safecheck.cli.runtime import normalize_id, optional_date, runtime


class ReportFormat(StrEnum):
    """Output of ``report``."""

    MARKDOWN = "markdown"
    JSON = "json"


class ReviewFormat(StrEnum):
    """Output of ``review``."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    GITHUB = "github"
    JUNIT = "junit"
    GITLAB = "gitlab"


@commands.command("report", help="help.report", rich_help_panel="group.report")
def report_command(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Option(
        "--week", help="opt.report.week", metavar="metavar.week")] = None,
    month: Annotated[str | None, typer.Option(
        "--month", help="opt.report.month", metavar="metavar.month")] = None,
    quarter: Annotated[str | None, typer.Option(
        "--quarter", help="opt.report.quarter", metavar="metavar.quarter")] = None,
    year: Annotated[str | None, typer.Option(
        "--year", help="opt.report.year", metavar="metavar.year")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="opt.report.since", metavar="metavar.date")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="opt.report.until", metavar="metavar.date")] = None,
    at: Annotated[str | None, typer.Option(
        "--at", help="opt.report.at", metavar="metavar.rev")] = None,
    lang: LangOpt = None,
    template: Annotated[Path | None, typer.Option(
        "--template", help="opt.report.template", metavar="metavar.file", dir_okay=False)
    ] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="opt.report.output", metavar="metavar.file", dir_okay=False)
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="opt.format")] = (
        ReportFormat.MARKDOWN),
) -> int:
    """The ``report`` command: a period's figures from the records' own dates."""
    from safecheck import report, templates
    from safecheck.atomic import replace_bytes
    from safecheck.errors import SafecheckError
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.i18n import Msg
    from safecheck.output.json_out import print_json

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    given = [w for w in (week, month, quarter, year) if w] + (["range"] if since or until
                                                              else [])
    if len(given) > 1:
        raise SafecheckError(Msg("report.one_window"))
    if week:
        window = report.iso_week(week)
    elif month:
        window = report.month(month, today)
    elif quarter:
        window = report.quarter(quarter)
    elif year:
        window = report.year(year)
    elif since or until:
        start = optional_date(since, "--since")
        end = optional_date(until, "--until") or today
        window = report.between(start or end, end)
    else:
        window = report.current_week(today)
    if window.start <= today < window.end:
        window = window.clipped(today)  # a current period is reported up to today
    locale = lang or context.settings.locale
    git = GitRepo(context.root)
    git.check()
    from safecheck.output.progress import progress_bar

    with progress_bar() as progress:
        reader = Reader(git, progress)
        try:
            data = report.build_report(context, git, reader, window, locale, at or "HEAD")
        finally:
            reader.close()
    if data["unreadable"]:
        from safecheck.i18n import text as word

        print(word("report.unreadable", count=len(data["unreadable"])), file=sys.stderr)
    if fmt is ReportFormat.JSON:
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        if output:
            replace_bytes(output, text.encode())
        else:
            print_json(data)
        return 0
    text = templates.render(context.root, f"report.{locale.value}.md.j2", data, template)
    if output:
        replace_bytes(output, text.encode("utf-8"))
        from safecheck.i18n import text as word

        print(word("report.written", label=window.label, path=output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


@commands.command("review", help="help.review", rich_help_panel="group.report")
def review_command(
    ctx: typer.Context,
    revisions: Annotated[str | None, typer.Argument(
        help="opt.review.range", metavar="metavar.range")] = None,
    base: Annotated[str | None, typer.Option(
        "--base", help="opt.review.base", metavar="metavar.rev")] = None,
    lang: LangOpt = None,
    fmt: Annotated[ReviewFormat | None, typer.Option(
        "--format", help="opt.ci_format")] = None,
    junit_xml: JunitOpt = None,
    codequality: CodequalityOpt = None,
) -> int:
    """The ``review`` command: every commit of a range checked where it happened."""
    import os

    from safecheck import templates
    from safecheck.cli.ci_report import pick_format, report_review
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.output.history import print_review
    from safecheck.output.json_out import print_json
    from safecheck.review import run_review

    rt = runtime(ctx)
    context = rt.context()
    locale = lang or context.settings.locale
    git = GitRepo(context.root)
    git.check()
    reader = Reader(git)
    try:
        result = run_review(context, git, reader, revisions, base, os.environ)
    finally:
        reader.close()
    chosen = pick_format(fmt.value if fmt else None)
    if report_review(result, context, chosen, locale.value, junit_xml, codequality):
        pass
    elif chosen == ReviewFormat.JSON:
        print_json(result.as_dict(locale.value))
    elif chosen == ReviewFormat.MARKDOWN:
        data = {"organization": context.settings.organization, **result.as_dict(locale.value)}
        sys.stdout.write(templates.render(context.root, f"review.{locale.value}.md.j2", data))
    else:
        print_review(result, locale)
    return result.exit_code


@commands.command("history", help="help.history", rich_help_panel="group.query")
def history_command(
    ctx: typer.Context, hazard_id: IdArg, lang: LangOpt = None,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``history`` command: one hazard's life from the git history."""
    from safecheck.events import hazard_history
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.output.history import print_history
    from safecheck.output.json_out import print_json

    rt = runtime(ctx)
    context = rt.context()
    wanted = normalize_id(hazard_id)
    git = GitRepo(context.root)
    git.check()
    reader = Reader(git)
    try:
        events = hazard_history(git, reader, wanted)
    finally:
        reader.close()
    if fmt is TextOrJson.JSON:
        print_json({"id": wanted, "events": [e.as_dict() for e in events]})
    else:
        print_history(wanted, events, lang or context.settings.locale)
    return 0
