"""Commands that read the ledger or lay it out: init, list, show, audit, fmt."""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
    AsOfOpt,
    CommitOpt,
    ContractorFilterOpt,
    DomainFilterOpt,
    DueWithinOpt,
    InspectionFilterOpt,
    OverdueOpt,
    ResponsibleFilterOpt,
    SourceFilterOpt,
    SourceRefOpt,
    TextOrJson,
    UnitFilterOpt,
)
from safecheck.cli.runtime import normalize_id
from safecheck.vocab import Level, Locale, Status


class ListFormat(StrEnum):
    """Output of ``list``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class AuditFormat(StrEnum):
    """Output of ``audit``."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


@app.command("init")
def init_command(
    path: Annotated[Path, typer.Argument(help="Where to lay out the repository.",
                                         file_okay=False)] = Path(),
    org: Annotated[str, typer.Option("--org", help="Organisation name.")] = "",
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", help="A unit as CODE=NAME, e.g. SW=水务公司 (repeatable).")] = None,
    lang: Annotated[Locale, typer.Option("--lang", help="zh or en.")] = Locale.ZH,
) -> int:
    """Lay out a safety repository.

    Writes safecheck.yaml, checklists/ (the ten domains), templates/ and records/.
    """
    from safecheck.errors import SafecheckError
    from safecheck.initialize import init_repository, parse_unit
    from safecheck.output.console import stdout

    if not org.strip():
        raise SafecheckError("--org is required: the organisation's name")
    if not unit:
        raise SafecheckError("give at least one --unit CODE=NAME")
    from safecheck.cli.runtime import today_in

    created = init_repository(path, org.strip(), [parse_unit(u) for u in unit], lang,
                              today_in("Asia/Shanghai"))
    from safecheck.cli.cmd_editors import set_up_after_init

    created += set_up_after_init(path, lang)
    console = stdout()
    for file in created:
        console.print(f"created {file}", markup=False)
    return 0


@app.command("list")
def list_command(
    ctx: typer.Context,
    unit: UnitFilterOpt = None, domain: DomainFilterOpt = None,
    level: Annotated[list[Level] | None, typer.Option("--level")] = None,
    status: Annotated[list[Status] | None, typer.Option("--status")] = None,
    overdue: OverdueOpt = False, inspection: InspectionFilterOpt = None,
    source: SourceFilterOpt = None, source_ref: SourceRefOpt = None,
    responsible: ResponsibleFilterOpt = None, contractor: ContractorFilterOpt = None,
    due_within: DueWithinOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format")] = ListFormat.TABLE,
) -> int:
    """The ledger, filtered."""
    from safecheck.output import records as out
    from safecheck.output.console import print_json
    from safecheck.query import build_filter, select
    from safecheck.store import load_ledger
    from safecheck.views import hazard_document, hazard_row

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today(as_of)
    where = build_filter(context, unit or [], domain or [], level or [], status or [],
                         overdue, inspection, source or [], source_ref, responsible,
                         contractor, due_within)
    ledger = load_ledger(context.root)
    chosen = select(ledger.hazards, where, today)
    if fmt is ListFormat.JSON:
        print_json([hazard_document(s, today) for s in chosen])
    elif fmt is ListFormat.CSV:
        out.print_csv(hazard_row(s, today) for s in chosen)
    else:
        out.print_table([hazard_row(s, today) for s in chosen], context)
    if ledger.problems:
        bad = len({str(p.path) for p in ledger.problems})
        print(f"safecheck: {bad} file(s) have problems; run 'safecheck audit'", file=sys.stderr)
    return 0


@app.command("show")
def show_command(
    ctx: typer.Context,
    hazard_id: Annotated[str, typer.Argument(help="Hazard ID.")],
    as_of: AsOfOpt = None,
    fmt: Annotated[TextOrJson, typer.Option("--format")] = TextOrJson.TEXT,
) -> int:
    """One hazard in full."""
    from safecheck import store, yamlio
    from safecheck.errors import DataError

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today(as_of)
    path = store.locate(context.root, normalize_id(hazard_id))
    relpath = path.relative_to(context.root).as_posix()
    text = yamlio.read_file(path, relpath)
    hazard, problems = store.parse_hazard(text, relpath)
    if hazard is None:
        raise DataError(problems[0])
    stored = store.StoredHazard(hazard, path, relpath, text)
    if fmt is TextOrJson.JSON:
        from safecheck.output.console import print_json
        from safecheck.views import hazard_document

        print_json(hazard_document(stored, today))
    else:
        from safecheck.output.records import print_hazard

        print_hazard(hazard, relpath, context, today)
    for problem in problems:
        print(f"safecheck: warning: {problem}", file=sys.stderr)
    return 0


@app.command("audit")
def audit_command(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    fmt: Annotated[AuditFormat, typer.Option("--format", help="text, json or github.")] = (
        AuditFormat.TEXT),
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> int:
    """Validate and find what is overdue (CI gate).

    Exit 0 when nothing fails, 1 when an error finding (or, with --strict, a warning).
    """
    from safecheck.audit import audit_repository
    from safecheck.output import audit as out

    rt = runtime(ctx)
    context = rt.context()
    result = audit_repository(context, rt.today(as_of))
    if fmt is AuditFormat.JSON:
        out.print_json_result(result)
    elif fmt is AuditFormat.GITHUB:
        out.print_github(result)
    else:
        out.print_text(result, context, strict)
    return result.exit_code(strict)


def _rewrite(ctx: typer.Context, paths: list[Path] | None, check: bool, commit: bool,
             migrate: bool) -> int:
    from safecheck.formatting import format_records
    from safecheck.i18n import Msg, text

    rt = runtime(ctx)
    root = rt.root()
    from safecheck.output.progress import progress_bar

    with progress_bar() as progress:
        result = format_records(root, paths, check, only_old=migrate, progress=progress)
    kind = "migrate" if migrate else "fmt"
    for relpath in result.changed:
        print(text(f"{kind}.{'would' if check else 'done'}", path=relpath))
    for problem in result.problems:
        print(f"{text('error.prefix')}{problem}", file=sys.stderr)
    if commit and result.written:
        from safecheck.changes import commit_files

        verb = "commit.migrate" if migrate else "commit.fmt"
        sha = commit_files(rt.context(), Msg(verb), result.written)
        print(text("commit.done", sha=sha[:8]), file=sys.stderr)
    if result.problems:
        return 2
    return 1 if check and result.changed else 0


@app.command("fmt")
def fmt_command(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files to format (default: every record).")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Only report files that are not canonical (exit 1).")] = False,
    commit: CommitOpt = False,
) -> int:
    """Rewrite records canonically (schema 2), or check them."""
    return _rewrite(ctx, paths, check, commit, migrate=False)


@app.command("migrate")
def migrate_command(
    ctx: typer.Context,
    check: Annotated[bool, typer.Option(
        "--check", help="Only report the files that would change (exit 1 if any).")] = False,
    commit: CommitOpt = False,
) -> int:
    """Upgrade every record of an older schema to schema 2 (idempotent).

    A schema 1 rectification becomes the first round, holding the rectification
    documents; a schema 1 major hazard's contingency plan becomes its interim control
    measures.
    """
    return _rewrite(ctx, None, check, commit, migrate=True)
