"""One spreadsheet row as a hazard record, judged by the rules every record keeps.

A row carries a hazard's facts, its plan and the latest of each kind of entry: the
latest extension, round of rectification, verification and reopening (that is what
``export`` writes and what a paper 隐患台账 holds). :func:`assemble` maps it onto the
shortest lawful history that explains it — registered, planned, rectified, verified,
reopened, voided — and :func:`judge` hands that record to the same rules a command
or a review applies (:func:`safecheck.lifecycle.check_change`).

What a row does not state is never made up silently: a status, a verification result,
a round's date, rectifier or actions filled in by a stated rule is listed in the
record's ``imported.inferred``; an entry that belongs to an earlier round the row does
not show is left out with a warning (its cells stay in the import transcript).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from safecheck.context import LedgerContext
from safecheck.i18n import Msg
from safecheck.importing import cells
from safecheck.importing.cells import CellError
from safecheck.importing.columns import KINDS, NOT_IMPORTED, Column
from safecheck.importing.sheets import SheetRow
from safecheck.lifecycle import check_change
from safecheck.models.common import problems_from
from safecheck.models.consistency import describe_missing
from safecheck.models.hazard import Hazard
from safecheck.vocab import Level, Result, Status

#: Fields an import option may give for rows that leave them empty.
DEFAULTABLE = ("unit", "domain", "source", "level")


@dataclass(frozen=True)
class RowProblem:
    """Something wrong (or worth saying) about one row: the row number, the field (its
    column key) and the message."""

    row: int
    key: str | None
    message: Msg | str


@dataclass
class Parsed:
    """A row's cells read as values, keyed by field; ``loose`` lists the cells matched
    by a part of a name (消防 → 消防安全)."""

    row: SheetRow
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    loose: list[tuple[str, str, str]] = field(default_factory=list)
    supplied: list[str] = field(default_factory=list)
    status_text: str | None = None
    allowed: frozenset[Status] | None = None


def parse_row(row: SheetRow, columns: list[Column], context: LedgerContext,
              defaults: dict[str, Any]) -> Parsed:
    """Read every mapped cell of ``row``; a bad cell is a problem, the rest still read."""
    out = Parsed(row)
    for column in columns:
        if column.key is None or column.key in NOT_IMPORTED:
            continue
        raw = row.cells[column.index] if column.index < len(row.cells) else None
        try:
            value = _read(column, raw, context, out)
        except CellError as exc:
            out.problems.append(RowProblem(row.number, column.key, exc.msg))
            continue
        if value is not None and value != ():
            out.values[column.key] = value
    for key in DEFAULTABLE:
        if key not in out.values and defaults.get(key) is not None:
            out.values[key] = defaults[key]
            out.supplied.append(key)
    status = out.values.pop("status", None)
    word = cells.status_word(out.values.get("actions")) if status is None else None
    if word is not None:  # 整改情况 holding 已整改 / 整改中: a status, not what was done
        status = word
        del out.values["actions"]
    if status is not None:
        out.status_text, out.allowed = status
    return out


def _read(column: Column, raw: Any, context: LedgerContext, out: Parsed) -> Any:
    kind = KINDS[column.key or ""]
    if kind in ("unit", "domain", "source"):
        reader: Callable[[Any, LedgerContext], cells.Matched | None] = getattr(cells, kind)
        matched = reader(raw, context)
        if matched is None:
            return None
        if matched.loose:
            out.loose.append((column.key or "", cells.line(raw) or "", matched.value))
        return matched.value
    if kind == "amount":
        return cells.amount(raw, column.scale)
    if kind == "date":
        return cells.day(raw)
    if kind == "list":
        return cells.items(raw)
    if kind == "text":
        return cells.as_text(raw)
    simple: dict[str, Callable[[Any], Any]] = {
        "line": cells.line, "name": cells.name, "level": cells.level,
        "result": cells.result, "status": cells.status}
    return simple[kind](raw)


@dataclass
class Draft:
    """A row assembled into a record's data (without its ID), with what was inferred
    and what was left out."""

    data: dict[str, Any]
    inferred: list[str] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def _some(values: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any] | None:
    out = {target: values[key] for target, key in mapping.items() if key in values}
    return out or None


def assemble(parsed: Parsed, locale: str, transcript: str) -> Draft:
    """The record a row states (see the module's docstring)."""
    v = parsed.values
    draft = Draft({}, inferred=list(parsed.supplied))
    title, description = v.get("title"), v.get("description")
    if title is None and description is not None:
        title = " ".join(description.split())
        draft.inferred.append("title")
    if description is None and title is not None:
        description = title
        draft.inferred.append("description")
    data = draft.data
    data.update({"title": title, "description": description})
    for key in ("unit", "department", "location", "domain", "checklist_item", "level",
                "source", "source_ref", "found_on", "found_by", "root_cause"):
        data[key] = v.get(key)
    plan = _some(v, {"measures": "measures", "deadline": "deadline",
                     "contingency_plan": "contingency_plan"}) or {}
    responsible = _some(v, {"person": "responsible", "department": "responsible_department"})
    funding = _some(v, {"amount": "funding", "source": "funding_source"})
    if responsible:
        plan["responsible"] = responsible
    if funding:
        plan["funding"] = funding
    data["plan"] = plan or None
    data["contractor"] = _some(v, {"name": "contractor", "contract": "contract",
                                   "safety_agreement": "safety_agreement",
                                   "supervisor": "supervisor"})
    data["major"] = _major(v)
    extension = _some(v, {"to": "extended_to", "reason": "extension_reason",
                          "approved_by": "extension_approved_by",
                          "approved_on": "extension_approved_on"})
    data["extensions"] = [extension] if extension else []
    data["void"] = _some(v, {"reason": "void_reason", "by": "voided_by", "date": "voided_on"})
    _entries(parsed, draft, locale, transcript)
    data["documents"] = {"other": [transcript]}
    return draft


def _major(v: dict[str, Any]) -> dict[str, Any] | None:
    major = _some(v, {"basis": "basis", "interim_measures": "interim_measures",
                      "reported_on": "reported_on", "reported_to": "reported_to",
                      "supervised_by": "supervised_by", "objectives": "objectives",
                      "plan_approved_by": "plan_approved_by"}) or {}
    assessment = _some(v, {"date": "assessed_on", "by": "assessed_by",
                           "result": "assessment_result", "notes": "assessment_notes"})
    signoff = _some(v, {"date": "signoff_on", "by": "signoff_by",
                        "reference": "signoff_reference"})
    if assessment:
        major["assessment"] = assessment
    if signoff:
        major["signoff"] = signoff
    return major or None


def _ready(v: dict[str, Any]) -> bool:
    """The five in place (and a major hazard's governance plan) are all stated."""
    parts = ("measures", "responsible", "funding", "deadline", "contingency_plan")
    if any(v.get(p) in (None, (), "") for p in parts):
        return False
    return v.get("level") is not Level.MAJOR or all(
        v.get(p) for p in ("basis", "objectives", "plan_approved_by"))


def _entries(parsed: Parsed, draft: Draft, locale: str, transcript: str) -> None:
    """The round, verification and reopening, and the status they make."""
    from safecheck.i18n import text

    v, row, data = parsed.values, parsed.row.number, draft.data
    rnd = _some(v, {"completed_on": "completed_on", "by": "rectified_by", "actions": "actions"})
    ver = _some(v, {"date": "verified_on", "by": "verified_by", "result": "verification",
                    "notes": "verification_notes"})
    reo = _some(v, {"date": "reopened_on", "by": "reopened_by", "reason": "reopen_reason",
                    "deadline": "reopen_deadline"})
    allowed = parsed.allowed
    if ver is not None and ver.get("result") is None:
        if allowed is None or Status.CLOSED in allowed:
            ver["result"] = Result.PASS
            draft.inferred.append("verifications.0.result")
        else:
            draft.problems.append(RowProblem(row, "verification",
                                             Msg("import.row.result_needed")))
    done_on = rnd.get("completed_on") if rnd else None
    if ver is not None and isinstance(done_on, dt.date) and isinstance(ver.get("date"), dt.date):
        stale = ver["date"] < done_on or (ver["date"] == done_on
                                          and allowed == frozenset({Status.VERIFYING}))
        if stale:  # the verification of an earlier round the row does not show
            draft.warnings.append(RowProblem(row, "verified_on", Msg(
                "import.row.earlier_verification", date=ver["date"], round=done_on)))
            ver = None
    if reo is not None:
        kept = (ver is not None and ver.get("result") is Result.PASS
                and isinstance(reo.get("date"), dt.date) and isinstance(ver.get("date"), dt.date)
                and reo["date"] >= ver["date"])
        before = done_on or (ver.get("date") if ver else None)
        if not kept and isinstance(before, dt.date) and isinstance(reo.get("date"), dt.date) \
                and reo["date"] <= before:
            draft.warnings.append(RowProblem(row, "reopened_on", Msg(
                "import.row.earlier_reopening", date=reo["date"])))
            reo = None
    natural = _natural(data["void"], rnd, ver, reo, _ready(v))
    status = natural
    if allowed is None:
        draft.inferred.append("status")
    elif natural not in allowed:
        if allowed == frozenset({Status.REPORTED}) and natural is Status.RECTIFYING:
            draft.warnings.append(RowProblem(row, "status", Msg(
                "import.row.plan_complete", given=parsed.status_text)))
            draft.inferred.append("status")
        else:
            draft.problems.append(RowProblem(row, "status", Msg(
                "import.row.status_conflict", given=parsed.status_text, found=natural)))
    if (rnd is not None or ver is not None) and status is not Status.REPORTED:
        # a verification implies the round it checked: dated at the latest that day, done
        # by the responsible person (整改责任人); what was done is said to be unstated
        rnd = dict(rnd or {})
        for name, value in (("completed_on", ver.get("date") if ver else None),
                            ("by", v.get("responsible")),
                            ("actions", text("import.actions_unstated", locale))):
            if rnd.get(name) is None and value is not None:
                rnd[name] = value
                draft.inferred.append(f"rectifications.0.{name}")
    if rnd is not None:
        rnd["documents"] = [transcript]
    data["rectifications"] = [rnd] if rnd else []
    data["verifications"] = [ver] if ver else []
    data["reopenings"] = [reo] if reo else []
    data["status"] = status


def _natural(void: Any, rnd: Any, ver: Any, reo: Any, ready: bool) -> Status:
    if void:
        return Status.VOID
    if ver is not None:
        if ver.get("result") is Result.PASS:
            return Status.RECTIFYING if reo is not None else Status.CLOSED
        return Status.RECTIFYING
    if rnd is not None:
        return Status.VERIFYING
    return Status.RECTIFYING if ready else Status.REPORTED


#: Record fields (dotted, indices dropped) and the column that states them.
_FIELD_COLUMNS = {
    "plan.measures": "measures", "plan.responsible": "responsible",
    "plan.responsible.person": "responsible",
    "plan.responsible.department": "responsible_department", "plan.funding": "funding",
    "plan.funding.amount": "funding", "plan.funding.source": "funding_source",
    "plan.deadline": "deadline", "plan.contingency_plan": "contingency_plan",
    "contractor": "contractor", "contractor.name": "contractor",
    "contractor.contract": "contract", "contractor.safety_agreement": "safety_agreement",
    "contractor.supervisor": "supervisor",
    "extensions": "extension_approved_on", "extensions.to": "extended_to",
    "extensions.reason": "extension_reason", "extensions.approved_by": "extension_approved_by",
    "extensions.approved_on": "extension_approved_on",
    "rectifications": "completed_on", "rectifications.completed_on": "completed_on",
    "rectifications.by": "rectified_by", "rectifications.actions": "actions",
    "verifications": "verified_on", "verifications.date": "verified_on",
    "verifications.by": "verified_by", "verifications.result": "verification",
    "verifications.notes": "verification_notes",
    "reopenings": "reopened_on", "reopenings.date": "reopened_on",
    "reopenings.by": "reopened_by", "reopenings.reason": "reopen_reason",
    "reopenings.deadline": "reopen_deadline",
    "void": "voided_on", "void.reason": "void_reason", "void.by": "voided_by",
    "void.date": "voided_on",
    "major.assessment": "assessed_on", "major.assessment.date": "assessed_on",
    "major.assessment.by": "assessed_by", "major.assessment.result": "assessment_result",
    "major.assessment.notes": "assessment_notes", "major.signoff": "signoff_on",
    "major.signoff.date": "signoff_on", "major.signoff.by": "signoff_by",
    "major.signoff.reference": "signoff_reference",
}


def column_of(record_field: str | None) -> str | None:
    """The column key that states a record field (``verifications.0.by`` → verified_by);
    None for the row as a whole (``plan`` names its missing parts itself)."""
    if not record_field:
        return None
    parts = [p for p in record_field.split(".") if not p.isdigit()]
    dotted = ".".join(parts)
    if dotted in _FIELD_COLUMNS:
        return _FIELD_COLUMNS[dotted]
    if dotted.startswith("major.") and parts[-1] in KINDS:
        return parts[-1]
    return dotted if dotted in KINDS else None


def inferred_headings(inferred: tuple[str, ...] | list[str], locale: str) -> list[str]:
    """The inferred fields of a record in words: the export's headings of their columns
    (整改内容, 整改人, 状态 …)."""
    from safecheck.importing.columns import heading_of

    out: list[str] = []
    for name in inferred:
        word = heading_of(column_of(name) or name, locale)
        if word not in out:
            out.append(word)
    return out


@dataclass
class Judged:
    """A row's record as validated: the hazard (None when it does not validate), its
    problems, and the entries accepted only because the import backfills."""

    hazard: Hazard | None
    problems: list[RowProblem]
    late: int = 0


def judge(data: dict[str, Any], row: int, context: LedgerContext, today: dt.date,
          backfill: bool) -> Judged:
    """The record judged as a new record in a commit of ``today`` (what review will
    say), plus what registering it by command would refuse."""
    problems: list[RowProblem] = []
    if isinstance(data.get("found_on"), dt.date) and data["found_on"] > today:
        problems.append(RowProblem(row, "found_on", Msg("rule.future", date=data["found_on"],
                                                        recorded=today)))
    item, domain = data.get("checklist_item"), data.get("domain")
    if item and domain and not any(c.domain == domain and c.item(item)
                                   for c in context.checklists.values()):
        problems.append(RowProblem(row, "checklist_item", Msg("refuse.no_item",
                                                              domain=domain, item=item)))
    contractor = data.get("contractor")
    if contractor and not contractor.get("name"):
        problems.append(RowProblem(row, "contractor", Msg("refuse.contractor_name")))
        data = {**data, "contractor": {**contractor, "name": "-"}}
    data = {k: v for k, v in data.items() if v is not None}  # absent, hence "required"
    try:
        hazard = Hazard.model_validate(data)
    except ValidationError as exc:
        found = [RowProblem(row, column_of(p.field) or _top(p.field), _required(p))
                 for p in problems_from(exc, "")]
        required = {p.key for p in found if p.message == Msg("import.row.required")}
        if {"title", "description"} <= required:  # one text missing, not two
            found = [p for p in found if p.key != "description"]
        return Judged(None, problems + found)
    late = 0
    for broken in check_change(None, hazard, context.settings, today):
        if broken.rule == "late-entry" and backfill:
            late += 1
            continue
        message: Msg | str = broken.message
        if broken.rule == "late-entry":
            message = Msg("import.row.late", message=broken.message)
        problems.append(RowProblem(row, column_of(broken.field), message))
    governance = hazard.major.plan_missing() if hazard.major else ["basis", "objectives",
                                                                   "plan_approved_by"]
    if hazard.is_major and hazard.status not in (Status.REPORTED, Status.VOID) and governance:
        problems.append(RowProblem(row, governance[0], Msg(
            "import.row.governance", status=hazard.status,
            missing=describe_missing(governance))))
    problems = list(dict.fromkeys(problems))  # a rule found twice is said once
    return Judged(hazard if not problems else None, problems, late)


def _top(record_field: str | None) -> str | None:
    top = (record_field or "").split(".")[0]
    return top if top in KINDS else None


def _required(problem: Any) -> Msg | str:
    """A field the row leaves empty is "required" (必填); other problems as the model says
    them."""
    if isinstance(problem.message, Msg) and problem.message.key == "schema.missing":
        return Msg("import.row.required")
    message: Msg | str = problem.message
    return message
