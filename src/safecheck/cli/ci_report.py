"""Options and output shared by audit, validate and review — the output format (picked
for GitHub Actions by itself) and the CI report files written beside the text — and the
pipeline that `ci` and `init --ci` write."""

# No `from __future__ import annotations`: see cmd_records.py.

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from safecheck.audit import AuditResult
    from safecheck.context import LedgerContext
    from safecheck.review import ReviewResult


class Platform(StrEnum):
    """Where a pipeline runs (safecheck.pipelines.Platform, without importing it for
    --help)."""

    GITLAB = "gitlab"
    GITHUB = "github"


class AuditFormat(StrEnum):
    """Output of ``audit``."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    JUNIT = "junit"
    GITLAB = "gitlab"


AuditFormatOpt = Annotated[AuditFormat | None, typer.Option(
    "--format", help="opt.ci_format")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="opt.audit.strict")]
InstallOpt = Annotated[str | None, typer.Option(
    "--install", metavar="metavar.requirement", help="opt.install")]
JunitOpt = Annotated[Path | None, typer.Option(
    "--junit-xml", metavar="metavar.file", help="opt.junit_xml", dir_okay=False)]
CodequalityOpt = Annotated[Path | None, typer.Option(
    "--codequality", metavar="metavar.file", help="opt.codequality", dir_okay=False)]


def prefix_of(root: Path) -> str:
    """Where the ledger is in its git work tree (``''`` at the top, or outside git), so
    CI reports name files as the platform does."""
    from safecheck.errors import GitError
    from safecheck.gitrepo import GitRepo

    git = GitRepo(root)
    try:
        return git.prefix() if git.is_work_tree() else ""
    except GitError:
        return ""


def report_audit(result: "AuditResult", context: "LedgerContext", fmt: str | None,
                 strict: bool, junit_file: Path | None, codequality_file: Path | None) -> int:
    """Show an audit (or validate) result in ``fmt``, write the CI report files, and
    return the exit code."""
    from safecheck.output import audit as out
    from safecheck.output import ci

    chosen = ci.pick_format(fmt, os.environ)
    names = {u.code: u.name for u in context.settings.units}
    needs_prefix = chosen in ci.CI_FORMATS or junit_file or codequality_file
    prefix = prefix_of(context.root) if needs_prefix else ""
    ci.write_audit_files(result, names, strict, prefix, junit_file, codequality_file)
    if chosen == "json":
        out.print_json_result(result)
    elif chosen in ci.CI_FORMATS:
        ci.print_audit(result, chosen, names, strict, prefix)
    else:
        out.print_text(result, context, strict)
    return result.exit_code(strict)


def report_review(result: "ReviewResult", context: "LedgerContext", fmt: str,
                  locale: str, junit_file: Path | None, codequality_file: Path | None
                  ) -> bool:
    """Write the review's CI report files and show it in a CI format; False when ``fmt``
    is not one (the caller shows text, markdown or JSON)."""
    from safecheck.output import ci

    needs_prefix = fmt in ci.CI_FORMATS or junit_file or codequality_file
    prefix = prefix_of(context.root) if needs_prefix else ""
    ci.write_review_files(result, locale, prefix, junit_file, codequality_file)
    if fmt not in ci.CI_FORMATS:
        return False
    ci.print_review(result, fmt, locale, prefix)
    return True


def pick_format(fmt: str | None) -> str:
    """``--format`` as given, else github inside GitHub Actions, else text."""
    from safecheck.output.ci import pick_format as pick

    return pick(fmt, os.environ)


def write_ci(context: "LedgerContext", today: dt.date, platform: Platform,
             install: str | None, force: bool, show: bool = False) -> int:
    """Build the pipeline of ``platform`` for the ledger and write (or print) it."""
    from safecheck import pipelines
    from safecheck.i18n import text

    requirement = pipelines.install_requirement(install)
    pipeline = pipelines.build_pipeline(context.root, pipelines.Platform(platform.value),
                                        context.settings, requirement, today,
                                        context.settings.locale)
    if show:
        sys.stdout.write(pipeline.text)
        return 0
    written = pipelines.write_pipeline(pipeline, force)
    print(text("ci.written" if written else "ci.unchanged", path=pipeline.relpath))
    cron = pipelines.daily_cron(context.settings.timezone, today)
    print(text(f"ci.next.{platform.value}", path=pipeline.relpath, cron=cron),
          file=sys.stderr)
    return 0
