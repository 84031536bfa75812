"""Commands that read the ledger or lay it out: init, list, show, audit, fmt."""

# No `from __future__ import annotations` here: Typer would have to eval every option's
# annotation string when it builds the command tree, which costs start-up time.

import sys
from enum import StrEnum
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
from safecheck.cli.options import (
    AsOfOpt,
    CommitOpt,
    ContractorFilterOpt,
    DomainFilterOpt,
    DueWithinOpt,
    FormatOpt,
    IdArg,
    InspectionFilterOpt,
    LevelFilterOpt,
    OverdueOpt,
    ResponsibleFilterOpt,
    SourceFilterOpt,
    SourceRefOpt,
    StatusFilterOpt,
    TextOrJson,
    UnitFilterOpt,
)
from safecheck.cli.runtime import normalize_id, runtime
from safecheck.vocab import Locale


class ListFormat(StrEnum):
    """Output of ``list``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


@commands.command("init", help="help.init", rich_help_panel="group.files")
def init_command(
    path: Annotated[Path, typer.Argument(help="opt.init.path", metavar="metavar.dir",
                                         file_okay=False)] = Path(),
    org: Annotated[str, typer.Option("--org", help="opt.init.org", metavar="metavar.name")
                   ] = "",
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", help="opt.init.unit", metavar="metavar.unit")] = None,
    lang: Annotated[Locale, typer.Option("--lang", help="opt.init.lang")] = Locale.ZH,
    base_branch: Annotated[str | None, typer.Option(
        "--base-branch", help="opt.init.base_branch", metavar="metavar.branch")] = None,
    ci: Annotated[Platform | None, typer.Option("--ci", help="opt.init.ci")] = None,
    install: InstallOpt = None,
) -> int:
    """The ``init`` command: safecheck.yaml, checklists/, templates/ and records/, in a
    new git repository when the folder is not in one; with --ci, the CI pipeline too."""
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg, text
    from safecheck.initialize import init_repository, parse_unit
    from safecheck.output.console import stdout

    if not org.strip():
        raise SafecheckError(Msg("init.org_required"))
    if not unit:
        raise SafecheckError(Msg("init.unit_required"))
    from safecheck.cli.runtime import today_in

    units = [parse_unit(u) for u in unit]
    if ci is not None:  # refuse before anything is written
        from safecheck import pipelines

        pipelines.install_requirement(install)
        target = pipelines.target_of(path, pipelines.Platform(ci.value))
        if target.exists() or target.is_symlink():
            raise SafecheckError(Msg("ci.exists", path=target, platform=ci.value))
    created = init_repository(path, org.strip(), units, lang, today_in("Asia/Shanghai"),
                              base_branch)
    from safecheck.cli.cmd_editors import set_up_after_init

    created += set_up_after_init(path, lang)
    console = stdout()
    for file in created:
        if file.name == ".git":
            from safecheck.gitrepo import GitRepo

            console.print(text("ci.created_repository", path=file.parent,
                               branch=GitRepo(file.parent).current_branch()), markup=False)
        else:
            console.print(text("init.created", path=file), markup=False)
    if ci is not None:
        from safecheck.context import open_context

        context = open_context(path.resolve())
        return write_ci(context, today_in(context.settings.timezone), ci, install,
                        force=False)
    return 0


@commands.command("list", help="help.list", rich_help_panel="group.query")
def list_command(
    ctx: typer.Context,
    unit: UnitFilterOpt = None, domain: DomainFilterOpt = None,
    level: LevelFilterOpt = None, status: StatusFilterOpt = None,
    overdue: OverdueOpt = False, inspection: InspectionFilterOpt = None,
    source: SourceFilterOpt = None, source_ref: SourceRefOpt = None,
    responsible: ResponsibleFilterOpt = None, contractor: ContractorFilterOpt = None,
    due_within: DueWithinOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="opt.format")] = ListFormat.TABLE,
) -> int:
    """The ``list`` command: the ledger, filtered, as a table, JSON or CSV."""
    from safecheck.i18n import text
    from safecheck.output import records as out
    from safecheck.output.json_out import print_json
    from safecheck.query import build_filter, select_summaries
    from safecheck.record_index import load_index, stored_hazards
    from safecheck.views import hazard_document, summary_row

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today(as_of)
    where = build_filter(context, unit or [], domain or [], level or [], status or [],
                         overdue, inspection, source or [], source_ref, responsible,
                         contractor, due_within)
    index = load_index(context)  # summaries only: full records just for JSON
    chosen = select_summaries(index.summaries, where, today)
    if fmt is ListFormat.JSON:
        print_json([hazard_document(s, today) for s in stored_hazards(context.root, chosen)])
    elif fmt is ListFormat.CSV:
        out.print_csv(summary_row(s, today) for s in chosen)
    else:
        out.print_table([summary_row(s, today) for s in chosen], context)
    if index.problems:
        bad = len({str(p.path) for p in index.problems})
        print(text("list.problems", count=bad), file=sys.stderr)
    return 0


@commands.command("show", help="help.show", rich_help_panel="group.query")
def show_command(
    ctx: typer.Context, hazard_id: IdArg, as_of: AsOfOpt = None,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``show`` command: one hazard in full (its file's problems as warnings)."""
    from safecheck import store, yamlio
    from safecheck.errors import DataError
    from safecheck.i18n import text as word

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
        from safecheck.output.json_out import print_json
        from safecheck.views import hazard_document

        print_json(hazard_document(stored, today))
    else:
        from safecheck.output.records import print_hazard

        print_hazard(hazard, relpath, context, today)
    for problem in problems:
        print(f"{word('warning.prefix')}{problem}", file=sys.stderr)
    return 0


@commands.command("audit", help="help.audit", rich_help_panel="group.report")
def audit_command(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    fmt: AuditFormatOpt = None,
    strict: StrictOpt = False,
    junit_xml: JunitOpt = None,
    codequality: CodequalityOpt = None,
) -> int:
    """The ``audit`` command: the CI gate (exit 1 on an error finding)."""
    from safecheck.audit import audit_repository
    from safecheck.cli.ci_report import report_audit

    rt = runtime(ctx)
    context = rt.context()
    result = audit_repository(context, rt.today(as_of))
    return report_audit(result, context, fmt.value if fmt else None, strict, junit_xml,
                        codequality)


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


@commands.command("fmt", help="help.fmt", rich_help_panel="group.files")
def fmt_command(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(
        help="opt.fmt.paths", metavar="metavar.file")] = None,
    check: Annotated[bool, typer.Option("--check", help="opt.fmt.check")] = False,
    commit: CommitOpt = False,
) -> int:
    """The ``fmt`` command: records rewritten canonically, or checked."""
    return _rewrite(ctx, paths, check, commit, migrate=False)


@commands.command("migrate", help="help.migrate", rich_help_panel="group.files")
def migrate_command(
    ctx: typer.Context,
    check: Annotated[bool, typer.Option("--check", help="opt.migrate.check")] = False,
    commit: CommitOpt = False,
) -> int:
    """The ``migrate`` command: older records upgraded to schema 2."""
    return _rewrite(ctx, None, check, commit, migrate=True)
