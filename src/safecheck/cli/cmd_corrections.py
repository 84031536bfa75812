"""Commands that add to a hazard's file without moving it on: major (the major-hazard
steps), edit (corrections of registered facts) and attach (documents)."""

# No `from __future__ import annotations`: see cmd_records.py.

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from safecheck.cli.app import app, runtime
from safecheck.cli.options import (
    CommitOpt,
    DocumentOpt,
    FormatOpt,
    IdArg,
    InterimOpt,
    NoInputOpt,
    OnOpt,
    TextOrJson,
    interactive,
)
from safecheck.cli.runtime import normalize_id, optional_date
from safecheck.vocab import Level, Result

if TYPE_CHECKING:
    from safecheck.models.hazard import Hazard


class DocumentKind(StrEnum):
    """Which set an attached document belongs to."""

    BEFORE = "before"
    AFTER = "after"
    OTHER = "other"


@app.command("major")
def major_command(
    ctx: typer.Context, hazard_id: IdArg,
    reported_on: Annotated[str | None, typer.Option(
        "--reported-on", help="Day it was reported to the authority (YYYY-MM-DD).")] = None,
    reported_to: Annotated[str | None, typer.Option(
        "--reported-to", help="The authority it was reported to, e.g. 区应急管理局.")] = None,
    supervised_by: Annotated[str | None, typer.Option(
        "--supervised-by", help="The authority supervising it (挂牌督办).")] = None,
    basis: Annotated[str | None, typer.Option(
        "--basis", help="判定依据: the clause that makes it major.")] = None,
    interim_measure: InterimOpt = None,
    objectives: Annotated[str | None, typer.Option(
        "--objectives", help="治理目标和任务 of the governance plan.")] = None,
    plan_approved_by: Annotated[str | None, typer.Option(
        "--plan-approved-by", help="Who approved the governance plan (主要负责人).")] = None,
    assessed_on: Annotated[str | None, typer.Option(
        "--assessed-on", help="Day of the assessment after the work (治理后评估).")] = None,
    assessed_by: Annotated[str | None, typer.Option(
        "--assessed-by", help="Experts or the assessment body.")] = None,
    assessment_result: Annotated[Result | None, typer.Option(
        "--assessment-result", help="pass or fail (default pass).")] = None,
    assessment_notes: Annotated[str | None, typer.Option("--assessment-notes")] = None,
    signoff_on: Annotated[str | None, typer.Option(
        "--signoff-on", help="Day the supervising authority signed it off.")] = None,
    signoff_by: Annotated[str | None, typer.Option(
        "--signoff-by", help="The authority that signed it off.")] = None,
    signoff_reference: Annotated[str | None, typer.Option(
        "--signoff-reference", help="Its document number, e.g. 复查意见书〔2026〕12号.")] = None,
    no_input: NoInputOpt = False, commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Record a major-hazard step (重大事故隐患治理).

    Reporting to the authority, supervision (挂牌督办), the governance plan (basis,
    objectives, approval), the assessment after the work and the authority's sign-off.
    On a terminal, given nothing, it asks for the next steps.
    """
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


@app.command("edit")
def edit_command(
    ctx: typer.Context, hazard_id: IdArg,
    reason: Annotated[str | None, typer.Option("--reason", help="Why it is corrected.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who corrects it.")] = None,
    approved_by: Annotated[str | None, typer.Option(
        "--approved-by", help="The approver of a downgrade from major.")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    description: Annotated[str | None, typer.Option("--description")] = None,
    location: Annotated[str | None, typer.Option("--location")] = None,
    department: Annotated[str | None, typer.Option("--department")] = None,
    domain: Annotated[str | None, typer.Option("--domain")] = None,
    level: Annotated[Level | None, typer.Option("--level")] = None,
    source: Annotated[str | None, typer.Option("--source")] = None,
    source_ref: Annotated[str | None, typer.Option("--source-ref")] = None,
    found_on: Annotated[str | None, typer.Option("--found-on")] = None,
    found_by: Annotated[str | None, typer.Option("--found-by")] = None,
    checklist_item: Annotated[str | None, typer.Option("--checklist-item")] = None,
    root_cause: Annotated[str | None, typer.Option("--root-cause", help="原因分析.")] = None,
    interim_measure: InterimOpt = None,
    on: OnOpt = None, no_input: NoInputOpt = False, commit: CommitOpt = False,
    fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Correct registered facts (更正), logged with old and new values.

    Status, deadline, extensions, rounds, verifications and documents have their own
    commands. A downgrade from major needs --approved-by (an approver who is not the
    responsible person). A closed hazard is reopened first.
    """
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


@app.command("attach")
def attach_command(
    ctx: typer.Context, hazard_id: IdArg,
    document: DocumentOpt = None,
    kind: Annotated[DocumentKind | None, typer.Option(
        "--kind", help="before, after or other (default: photos before the first round "
                       "are before, later photos after, other files other).")] = None,
    commit: CommitOpt = False, fmt: FormatOpt = TextOrJson.TEXT,
) -> int:
    """Add documents to an open hazard (补充资料).

    Copied into the record's folder under names no other file has; a closed hazard's
    documents are sealed.
    """
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
