"""Commands that add to a hazard's file without moving it on: major (the major-hazard
steps), edit (corrections of registered facts) and attach (documents)."""

# No `from __future__ import annotations`: see cmd_records.py.

from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli import commands
from safecheck.cli.options import (
    BasisOpt,
    ChecklistItemOpt,
    CommitOpt,
    DepartmentOpt,
    DescriptionOpt,
    DocumentOpt,
    DomainOpt,
    FormatOpt,
    FoundByOpt,
    FoundOnOpt,
    IdArg,
    InterimOpt,
    LevelOpt,
    LocationOpt,
    NoInputOpt,
    OnOpt,
    RootCauseOpt,
    SourceOpt,
    SourceRefFactOpt,
    TextOrJson,
    TitleOpt,
    interactive,
)
from safecheck.cli.runtime import normalize_id, optional_date, runtime
from safecheck.vocab import DocumentKind, Result

if TYPE_CHECKING:
    from safecheck.models.hazard import Hazard


@commands.command("major", help="help.major", rich_help_panel="group.major")
def major_command(
    ctx: typer.Context, hazard_id: IdArg,
    reported_on: Annotated[str | None, typer.Option(
        "--reported-on", help="opt.major.reported_on", metavar="metavar.date")] = None,
    reported_to: Annotated[str | None, typer.Option(
        "--reported-to", help="opt.major.reported_to", metavar="metavar.name")] = None,
    supervised_by: Annotated[str | None, typer.Option(
        "--supervised-by", help="opt.major.supervised_by", metavar="metavar.name")] = None,
    basis: BasisOpt = None,
    interim_measure: InterimOpt = None,
    objectives: Annotated[str | None, typer.Option(
        "--objectives", help="opt.major.objectives", metavar="metavar.text")] = None,
    plan_approved_by: Annotated[str | None, typer.Option(
        "--plan-approved-by", help="opt.major.plan_approved_by",
        metavar="metavar.person")] = None,
    assessed_on: Annotated[str | None, typer.Option(
        "--assessed-on", help="opt.major.assessed_on", metavar="metavar.date")] = None,
    assessed_by: Annotated[str | None, typer.Option(
        "--assessed-by", help="opt.major.assessed_by", metavar="metavar.name")] = None,
    assessment_result: Annotated[Result | None, typer.Option(
        "--assessment-result", help="opt.major.assessment_result")] = None,
    assessment_notes: Annotated[str | None, typer.Option(
        "--assessment-notes", help="opt.major.assessment_notes", metavar="metavar.text")
    ] = None,
    signoff_on: Annotated[str | None, typer.Option(
        "--signoff-on", help="opt.major.signoff_on", metavar="metavar.date")] = None,
    signoff_by: Annotated[str | None, typer.Option(
        "--signoff-by", help="opt.major.signoff_by", metavar="metavar.name")] = None,
    signoff_reference: Annotated[str | None, typer.Option(
        "--signoff-reference", help="opt.major.signoff_reference",
        metavar="metavar.reference")] = None,
    no_input: NoInputOpt = False, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``major`` command: one or more steps of a major hazard's governance."""
    from safecheck import changes, lifecycle, store
    from safecheck.lifecycle import MajorInput

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    wanted = normalize_id(hazard_id)
    assessed = optional_date(assessed_on, "--assessed-on")
    given = MajorInput(
        basis=basis, interim_measures=tuple(m.strip() for m in interim_measure or []
                                            if m.strip()),
        reported_on=optional_date(reported_on, "--reported-on"), reported_to=reported_to,
        supervised_by=supervised_by, objectives=objectives, plan_approved_by=plan_approved_by,
        assessed_on=assessed, assessed_by=assessed_by,
        assessment_result=assessment_result or (Result.PASS if assessed or assessed_by
                                                else None),
        assessment_notes=assessment_notes,
        signoff_on=optional_date(signoff_on, "--signoff-on"), signoff_by=signoff_by,
        signoff_reference=signoff_reference)
    if given.is_empty() and interactive(no_input):
        from safecheck.cli.prompts import ask_major

        given = ask_major(store.read_hazard(context.root, wanted).hazard, context, today)
    changed = changes.change(
        context, wanted, "major",
        lambda h, _: lifecycle.major(h, given, context.settings, today), commit=commit)
    return _report_change(ctx, changed, fmt, "major")


@commands.command("edit", help="help.edit", rich_help_panel="group.register")
def edit_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str | None, typer.Option(
        "--reason", help="opt.edit.reason", metavar="metavar.text")] = None,
    by: Annotated[str | None, typer.Option(
        "--by", help="opt.edit.by", metavar="metavar.person")] = None,
    approved_by: Annotated[str | None, typer.Option(
        "--approved-by", help="opt.edit.approved_by", metavar="metavar.person")] = None,
    title: TitleOpt = None, description: DescriptionOpt = None, location: LocationOpt = None,
    department: DepartmentOpt = None, domain: DomainOpt = None, level: LevelOpt = None,
    source: SourceOpt = None, source_ref: SourceRefFactOpt = None, found_on: FoundOnOpt = None,
    found_by: FoundByOpt = None, checklist_item: ChecklistItemOpt = None,
    root_cause: RootCauseOpt = None, interim_measure: InterimOpt = None,
    on: OnOpt = None, no_input: NoInputOpt = False, commit: CommitOpt = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``edit`` command: corrections logged with old and new values."""
    from safecheck import changes, lifecycle, store
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()
    day = optional_date(on, "--on") or today
    wanted = normalize_id(hazard_id)
    values = {"title": title, "description": description, "location": location,
              "department": department, "domain": domain, "level": level,
              "source": source, "source_ref": source_ref,
              "found_on": optional_date(found_on, "--found-on"), "found_by": found_by,
              "checklist_item": checklist_item.upper() if checklist_item else None,
              "root_cause": root_cause}
    edits = {k: v for k, v in values.items() if v is not None}
    if interactive(no_input) and (not edits or not reason or not by):
        from safecheck.cli.prompts import ask_edit

        current = store.read_hazard(context.root, wanted).hazard
        edits, reason, by = ask_edit(current, context, edits, reason, by)
    missing = [o for o, v in (("--reason", reason), ("--by", by)) if not v]
    if missing:
        raise SafecheckError(Msg("error.missing_options", options=missing))
    assert reason is not None and by is not None
    measures = tuple(m.strip() for m in interim_measure or [] if m.strip())
    changed = changes.change(
        context, wanted, "edit",
        lambda h, _: lifecycle.edit(h, edits, reason, by, day, approved_by, measures,
                                    context, today),
        summary=lambda h: reason, commit=commit)
    return _report_change(ctx, changed, fmt, "edit")


@commands.command("attach", help="help.attach", rich_help_panel="group.register")
def attach_command(
    ctx: typer.Context, hazard_id: IdArg,
    document: DocumentOpt = None,
    kind: Annotated[DocumentKind | None, typer.Option("--kind", help="opt.attach.kind")] = None,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """The ``attach`` command: documents added to an open hazard's folder."""
    from safecheck import changes, lifecycle
    from safecheck.lifecycle import is_photo

    rt = runtime(ctx)
    context = rt.context()
    today = rt.today()

    def step(h: "Hazard", names: list[str]) -> "Hazard":
        if kind is not None:
            return lifecycle.attach(h, names, kind.value, context.settings, today)
        photo = "after" if h.rectifications else "before"
        photos = [n for n in names if is_photo(n)]
        papers = [n for n in names if not is_photo(n)]
        result = h
        if photos:
            result = lifecycle.attach(result, photos, photo, context.settings, today)
        if papers or not names:
            result = lifecycle.attach(result, papers, "other", context.settings, today)
        return result

    changed = changes.change(context, normalize_id(hazard_id), "attach", step,
                             document or [], summary=lambda h: None, commit=commit)
    return _report_change(ctx, changed, fmt, "attach")


def _report_change(ctx: typer.Context, changed: "object", fmt: TextOrJson, verb: str) -> int:
    from safecheck.changes import Changed
    from safecheck.output.changes import print_change

    assert isinstance(changed, Changed)
    print_change(changed, fmt.value, runtime(ctx).context().settings.locale, verb)
    return 0
