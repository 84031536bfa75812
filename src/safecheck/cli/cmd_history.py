"""Commands that read the git history: report, review, history."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import TextOrJson
from safecheck.cli.runtime import normalize_id, optional_date
from safecheck.vocab import Locale


class ReportFormat(StrEnum):
    """Output of ``report``."""

    MARKDOWN = "markdown"
    JSON = "json"


class ReviewFormat(StrEnum):
    """Output of ``review``."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


@app.command("report")
def report_command(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Option(
        "--week", help="An ISO week, e.g. 2026-W48.")] = None,
    month: Annotated[str | None, typer.Option("--month", help="A month, e.g. 2026-11.")
                     ] = None,
    quarter: Annotated[str | None, typer.Option(
        "--quarter", help="A quarter, e.g. 2026-Q4.")] = None,
    year: Annotated[str | None, typer.Option("--year", help="A year, e.g. 2026.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
    at: Annotated[str | None, typer.Option(
        "--at", help="Report from the records as committed at this revision (default "
                     "HEAD): the ledger as it stood then.")] = None,
    lang: Annotated[Locale | None, typer.Option(
        "--lang", help="zh or en (default: the repository's locale).")] = None,
    template: Annotated[Path | None, typer.Option(
        "--template", help="A Jinja template file to render instead.", dir_okay=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file.", dir_okay=False)] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.MARKDOWN,
) -> int:
    """The report of a week, month, quarter, year or any dates (default: this week).

    Figures count by the records' own dates (found, signed off, voided …), so adjacent
    periods add up; git says when each fact was recorded (late registrations) and who
    recorded each sign-off.
    """
    from safecheck import report, templates
    from safecheck.atomic import replace_bytes
    from safecheck.errors import SafecheckError
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.i18n import Msg
    from safecheck.output.console import print_json

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
        window = report.month(month)
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
        print(f"{window.label} → {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


@app.command("review")
def review_command(
    ctx: typer.Context,
    revisions: Annotated[str | None, typer.Argument(
        help="A range such as main..HEAD (default: from the merge-base with the base "
             "branch to HEAD).", metavar="RANGE")] = None,
    base: Annotated[str | None, typer.Option(
        "--base", help="The base to review against (default: the CI's target branch, else "
                       "base_branch).")] = None,
    lang: Annotated[Locale | None, typer.Option("--lang", help="zh or en.")] = None,
    fmt: Annotated[ReviewFormat, typer.Option("--format")] = ReviewFormat.TEXT,
) -> int:
    """Review every commit of a range (a merge request) like code.

    Every change is checked where it happened, with the settings of the base; a
    finding names the hazard, the commit, its author and the rule. Exit 1 when
    something fails.
    """
    import os

    from safecheck import templates
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.output.console import print_json
    from safecheck.output.history import print_review
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
    if fmt is ReviewFormat.JSON:
        print_json(result.as_dict(locale.value))
    elif fmt is ReviewFormat.MARKDOWN:
        data = {"organization": context.settings.organization, **result.as_dict(locale.value)}
        sys.stdout.write(templates.render(context.root, f"review.{locale.value}.md.j2", data))
    else:
        print_review(result, locale)
    return result.exit_code


@app.command("history")
def history_command(
    ctx: typer.Context,
    hazard_id: Annotated[str, typer.Argument(help="Hazard ID.")],
    lang: Annotated[Locale | None, typer.Option("--lang", help="zh or en.")] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.TEXT,
) -> int:
    """One hazard's life from the git history."""
    from safecheck.events import hazard_history
    from safecheck.gitrepo import GitRepo
    from safecheck.history import Reader
    from safecheck.output.console import print_json
    from safecheck.output.history import print_history

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
