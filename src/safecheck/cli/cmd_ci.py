"""Commands for CI: ci (write a pipeline) and validate (pre-commit's check)."""

# No `from __future__ import annotations`: see cmd_records.py.

import sys
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.ci_report import (
    AuditFormatOpt,
    CodequalityOpt,
    InstallOpt,
    JunitOpt,
    Platform,
    StrictOpt,
    write_ci,
)
from safecheck.cli.runtime import runtime

ForceOpt = Annotated[bool, typer.Option("--force", help="opt.ci.force")]


@commands.command("ci", help="help.ci", rich_help_panel="group.files")
def ci_command(
    ctx: typer.Context,
    platform: Annotated[Platform, typer.Argument(help="opt.ci.platform")],
    install: InstallOpt = None,
    force: ForceOpt = False,
    show: Annotated[bool, typer.Option("--print", help="opt.ci.print")] = False,
) -> int:
    """The ``ci`` command: the ledger's GitLab or GitHub pipeline, written or printed."""
    rt = runtime(ctx)
    return write_ci(rt.context(), rt.today(), platform, install, force, show)


@commands.command("validate", help="help.validate", rich_help_panel="group.report")
def validate_command(
    ctx: typer.Context,
    files: Annotated[list[Path] | None, typer.Argument(
        help="opt.validate.files", metavar="metavar.file")] = None,
    fmt: AuditFormatOpt = None,
    strict: StrictOpt = False,
    junit_xml: JunitOpt = None,
    codequality: CodequalityOpt = None,
) -> int:
    """The ``validate`` command: audit without the dated rules, for pre-commit."""
    from safecheck.cli.ci_report import pick_format, report_audit
    from safecheck.i18n import text
    from safecheck.validation import dated_rules, validate

    rt = runtime(ctx)
    context = rt.context()
    result = validate(context, rt.today(), files)
    code = report_audit(result, context, fmt.value if fmt else None, strict, junit_xml,
                        codequality)
    if pick_format(fmt.value if fmt else None) == "text":
        print(text("ci.validate.timeless", rules=dated_rules()), file=sys.stderr)
    return code
