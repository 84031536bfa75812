"""The hazard schema and the lifecycle table's cross-field rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from records import PLAN, data, hazard
from safecheck import yamlio
from safecheck.i18n import Msg
from safecheck.models.consistency import (
    Violation,
    describe_missing,
    independence_problem,
    violations,
)
from safecheck.models.hazard import Hazard
from safecheck.store import parse_hazard
from safecheck.vocab import Status


def problems(record: dict[str, Any]) -> list[tuple[str | None, str]]:
    """(field, message) for every problem of a record, schema or lifecycle."""
    text = yamlio.dump(record)
    _, found = parse_hazard(text, "records/SW/2026/SW-20261116-7KQF.yaml")
    return [(p.field, p.text) for p in found]


@pytest.mark.parametrize("status", ["reported", "rectifying", "verifying", "closed", "void"])
def test_consistent_records_in_every_status(status: str) -> None:
    assert problems(data(status)) == []


def test_load_dump_is_the_identity_for_tool_written_files() -> None:
    text = yamlio.dump(hazard("closed").to_data())
    again = yamlio.dump(Hazard.model_validate(yamlio.load_mapping(text, "x")).to_data())
    assert again == text
    assert text.startswith("kind: hazard\nschema: 2\nid: SW-20261116-7KQF\n")
    assert text.endswith("status: closed\n")


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"found_on": "2026-02-30"}, "found_on", "not a calendar date"),
    ({"found_on": "2026/11/16"}, "found_on", "YYYY-MM-DD"),
    ({"title": "   "}, "title", "one line"),
    ({"title": "两行\n标题"}, "title", "one line"),
    ({"level": "serious"}, "level", "general"),
    ({"unit": "sw"}, "unit", "not a unit code"),
    ({"colour": "red"}, "colour", "not a known field"),
    ({"title": None}, "title", "required"),
])
def test_field_errors_name_the_field(changes: dict[str, Any], field: str, words: str) -> None:
    found = problems(data("reported", **changes))
    assert any(f == field and words in m for f, m in found), found


def test_negative_funding_is_refused() -> None:
    plan = {**PLAN, "funding": {"amount": -5, "currency": "CNY"}}
    found = problems(data("rectifying", plan=plan))
    assert ("plan.funding.amount", "must not be negative (got -5)") in found


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "sub/dir.jpg", ".hidden",
                                  "..", "a\\b.jpg"])
def test_document_names_must_stay_in_the_record_folder(name: str) -> None:
    found = problems(data("verifying", documents={"after": [name]}))
    assert any(f == "documents.after.0" and "plain file name" in m for f, m in found), found


@pytest.mark.parametrize(("record", "field", "words"), [
    (data("rectifying", plan={"measures": ["x"]}), "plan", "missing: responsible person"),
    (data("reported", plan=PLAN), "status", "should be rectifying"),
    (data("reported", level="major"), "major.interim_measures", "interim control"),
    (data("verifying", rectifications=None), "rectifications", "rectification round"),
    (data("verifying", rectifications=[{"completed_on": "2026-11-20", "by": "王强",
                                        "actions": "x"}], documents={"before": ["b.jpg"]}),
     "rectifications.0.documents", "showing the fix"),
    (data("verifying", documents={"after": ["other.jpg"]}), "rectifications.0.documents",
     "not listed"),
    (data("rectifying", reopenings=[{"date": "2026-11-20", "by": "陈明", "reason": "x",
                                     "deadline": "2026-11-19"}]), "reopenings.0.deadline",
     "before the reopening"),
    (data("rectifying", corrections=[
        {"date": "2026-11-20", "by": "李明", "fields": {"location": ["a", "b"]}, "reason": "x"},
        {"date": "2026-11-18", "by": "李明", "fields": {"title": ["a", "b"]}, "reason": "x"}]),
     "corrections.1", "date order"),
    (data("closed", verifications=[{"date": "2026-11-21", "by": "王强", "result": "pass"}]),
     "verifications.0.by", "responsible person"),
    (data("closed", verifications=[{"date": "2026-11-21", "by": "张伟", "result": "fail",
                                    "notes": "x"}]), "verifications", "passing"),
    (data("void", void=None), "void", "void block"),
    (data("rectifying", void={"reason": "x", "by": "y", "date": "2026-11-17"}), "void",
     "only a voided"),
    (data("rectifying", contractor={"name": "某某公司"}), "contractor.supervisor",
     "internal supervisor"),
    (data("rectifying", extensions=[{"to": "2026-11-20", "reason": "x", "approved_by": "陈明",
                                     "approved_on": "2026-11-17"}]),
     "extensions.0.to", "later"),
    (data("closed", verifications=[{"date": "2026-11-19", "by": "张伟", "result": "pass"}]),
     "verifications.0.date", "before the rectification"),
    (data("rectifying", plan={**PLAN, "deadline": "2026-11-01"}), "plan.deadline",
     "before the hazard was found"),
    (data("verifying", verifications=[{"date": "2026-11-21", "by": "张伟", "result": "pass"}]),
     "status", "should be closed"),
])
def test_lifecycle_rules(record: dict[str, Any], field: str, words: str) -> None:
    found = problems(record)
    assert any(f == field and words in m for f, m in found), found


def test_closed_after_reopening_needs_a_new_verification() -> None:
    reopened = data("closed", reopenings=[{"date": "2026-11-22", "by": "陈明", "reason": "复发"}])
    assert any("reopened" in m for _, m in problems(reopened))


def test_effective_deadline_and_days_overdue() -> None:
    h = hazard("rectifying", extensions=[
        {"to": "2026-12-05", "reason": "a", "approved_by": "陈明", "approved_on": "2026-11-20"},
        {"to": "2026-12-10", "reason": "b", "approved_by": "陈明", "approved_on": "2026-12-01"}])
    assert h.effective_deadline == dt.date(2026, 12, 10)
    assert h.days_overdue(dt.date(2026, 12, 10)) == 0
    assert h.days_overdue(dt.date(2026, 12, 13)) == 3
    assert hazard("closed").days_overdue(dt.date(2027, 1, 1)) == 0


def test_plan_parts_missing_are_named() -> None:
    h = hazard("reported", plan={"measures": ["x"], "deadline": "2026-11-30"})
    assert h.plan_missing == ["responsible", "funding", "contingency_plan"]
    assert not h.plan_complete


def test_models_are_immutable() -> None:
    h = hazard()
    with pytest.raises(ValidationError):
        h.title = "changed"  # type: ignore[misc]


def test_violations_empty_for_consistent_records() -> None:
    assert violations(hazard("closed")) == []


SCHEMA_1 = """\
kind: hazard
schema: 1
id: SW-20261116-7KQF
title: 集水井入口无警示标志
description: 井盖未上锁。
unit: SW
location: 三号泵站集水井
domain: confined-space
level: major
source: self-inspection
found_on: 2026-11-16
found_by: 李明
plan:
  measures:
  - 设置警示标志并加锁
  responsible:
    person: 王强
  funding:
    amount: 1200
    currency: CNY
  deadline: 2026-11-28
  contingency_plan: 整改完成前井口设置围挡，专人看护
rectification:
  completed_on: 2026-11-20
  rectified_by: 王强
  actions: 已设置警示标志
verifications:
- date: 2026-11-19
  by: 张伟
  result: fail
  notes: 照片不清
documents:
  before:
  - before-1.jpg
  after:
  - after-1.jpg
  other:
  - 验收单.pdf
status: verifying
"""


def test_schema_1_files_load_as_schema_2() -> None:
    h = Hazard.model_validate(yamlio.load_mapping(SCHEMA_1, "x"))
    assert h.schema_version == 2
    assert len(h.rectifications) == 1
    round_ = h.rectifications[0]
    assert (round_.completed_on, round_.by, round_.actions) == (
        dt.date(2026, 11, 20), "王强", "已设置警示标志")
    assert round_.documents == ("after-1.jpg", "验收单.pdf")
    # a schema 1 major hazard's contingency plan was its interim control
    assert h.major is not None and h.major.interim_measures == ("整改完成前井口设置围挡，专人看护",)
    assert violations(h) == []
    written = yamlio.dump(h.to_data())
    assert "schema: 2" in written and "rectification:" not in written


def test_a_reopening_deadline_is_the_deadline_in_force() -> None:
    h = hazard("rectifying", extensions=[
        {"to": "2026-12-05", "reason": "a", "approved_by": "陈明", "approved_on": "2026-11-18"}],
        reopenings=[{"date": "2026-11-20", "by": "陈明", "reason": "复发",
                     "deadline": "2026-11-30"}])
    assert h.effective_deadline == dt.date(2026, 11, 30)


# --- each rule of one record, exactly: which rule, which field, which message --------------
# (a mutation run showed rules that could be dropped, or fire on a neighbour's field,
# without a test noticing; these tables name every violation a record has, no more)

def _inv(field: str, key: str, **params: Any) -> Violation:
    return Violation("invalid", field, Msg(key, **params))


D = dt.date
ROUND = {"completed_on": "2026-11-20", "by": "王强", "actions": "x", "documents": ["after-1.jpg"]}
PASS = {"date": "2026-11-21", "by": "张伟", "result": "pass"}
FAIL = {"date": "2026-11-21", "by": "张伟", "result": "fail", "notes": "照片不清"}
EXT = {"to": "2026-12-05", "reason": "x", "approved_by": "陈明", "approved_on": "2026-11-20"}
REOPEN = {"date": "2026-11-22", "by": "陈明", "reason": "复发", "deadline": "2026-12-10"}
FIX = {"date": "2026-11-20", "by": "李明", "fields": {"location": ["a", "b"]}, "reason": "x"}
ALL_PARTS = ["measures", "responsible", "funding", "deadline", "contingency_plan"]


def _round(day: str, by: str = "王强", docs: tuple[str, ...] = ("after-1.jpg",)
           ) -> dict[str, Any]:
    return {**ROUND, "completed_on": day, "by": by, "documents": list(docs)}


@pytest.mark.parametrize(("record", "expected"), [
    # the plan: none asked of a void record; a reported one with a whole plan must start
    (data("void"), []),
    (data("void", plan={"measures": ["x"]}), []),
    (data("reported", plan=PLAN), [_inv("status", "rule.status.should_rectify")]),
    (data("reported", plan={"measures": ["x"]}), []),
    (data("rectifying", plan=None), [_inv("plan", "rule.plan.incomplete",
                                          status=Status.RECTIFYING,
                                          missing=describe_missing(ALL_PARTS))]),
    (data("rectifying", plan={**PLAN, "contingency_plan": None}),
     [_inv("plan", "rule.plan.incomplete", status=Status.RECTIFYING,
           missing=describe_missing(["contingency_plan"]))]),
    # a major hazard needs interim control; a general one does not
    (data("reported", level="major"), [_inv("major.interim_measures", "rule.major.interim")]),
    (data("reported", level="major", major={"interim_measures": ["停止作业"]}), []),
    (data("reported", level="major", major={"basis": "x"}),
     [_inv("major.interim_measures", "rule.major.interim")]),
    # void: the void block and nothing else is asked of a voided record
    (data("void", void=None), [_inv("void", "rule.void.block")]),
    (data("void", rectifications=[ROUND], verifications=[PASS],
          documents={"after": ["after-1.jpg"]}), []),
    (data("rectifying", void={"reason": "x", "by": "陈明", "date": "2026-11-17"}),
     [_inv("void", "rule.void.only_void", status=Status.RECTIFYING)]),
    # a round's documents are listed as after or other documents
    (data("verifying", documents={"other": ["after-1.jpg"]}), []),
    (data("verifying", documents={"after": ["x.jpg"]}),
     [_inv("rectifications.0.documents", "rule.round.documents", names=["after-1.jpg"])]),
    (data("verifying", documents=None),
     [_inv("rectifications.0.documents", "rule.round.documents", names=["after-1.jpg"])]),
    (data("verifying", rectifications=[_round("2026-11-18"), _round("2026-11-20", docs=(
        "after-1.jpg", "after-2.jpg"))], verifications=[{**FAIL, "date": "2026-11-19"}]),
     [_inv("rectifications.1.documents", "rule.round.documents", names=["after-2.jpg"])]),
    # verifying and closed need a round, and evidence of it
    (data("verifying", rectifications=None), [_inv("rectifications", "rule.status.needs_round",
                                                   status=Status.VERIFYING)]),
    (data("closed", rectifications=None), [_inv("rectifications", "rule.status.needs_round",
                                                status=Status.CLOSED)]),
    (data("verifying", rectifications=[_round("2026-11-20", docs=())], documents=None),
     [_inv("rectifications.0.documents", "rule.status.needs_evidence",
           status=Status.VERIFYING)]),
    (data("verifying", rectifications=[_round("2026-11-20", docs=())],
          documents={"other": ["验收单.pdf"]}), []),
    (data("verifying", rectifications=[_round("2026-11-18", docs=()),
                                       _round("2026-11-20", docs=())],
          verifications=[{**FAIL, "date": "2026-11-19"}], documents={"before": ["b.jpg"]}),
     [_inv("rectifications.1.documents", "rule.status.needs_evidence",
           status=Status.VERIFYING)]),
    # closed: the last verification passed, by someone independent, after any reopening
    (data("closed", verifications=None), [_inv("verifications", "rule.closed.needs_pass")]),
    (data("closed", verifications=[FAIL]), [_inv("verifications", "rule.closed.needs_pass")]),
    (data("closed", verifications=[{**FAIL, "date": "2026-11-20"}, {**PASS, "by": "王强"}]),
     [Violation("invalid", "verifications.1.by",
                Msg("rule.independent.responsible", name="王强"))]),
    (data("closed", rectifications=[_round("2026-11-20", by="赵刚")],
          verifications=[{**PASS, "by": "赵刚"}]),
     [Violation("invalid", "verifications.0.by", Msg("rule.independent.rectifier",
                                                     name="赵刚"))]),
    (data("closed", reopenings=[REOPEN]), [_inv("verifications", "rule.closed.after_reopen")]),
    (data("closed", reopenings=[{**REOPEN, "date": "2026-11-21"}]), []),
    # a pass closes, unless a reopening came after it
    (data("verifying", verifications=[{**PASS, "date": "2026-11-20"}]),
     [_inv("status", "rule.status.should_close", status=Status.VERIFYING)]),
    (data("rectifying", rectifications=[ROUND], verifications=[PASS], reopenings=[REOPEN],
          documents={"after": ["after-1.jpg"]}), []),
    (data("rectifying", rectifications=[ROUND], verifications=[PASS],
          reopenings=[{**REOPEN, "date": "2026-11-21"}], documents={"after": ["after-1.jpg"]}),
     []),
    (data("rectifying", rectifications=[ROUND], verifications=[{**PASS, "date": "2026-11-23"}],
          reopenings=[REOPEN], documents={"after": ["after-1.jpg"]}),
     [_inv("status", "rule.status.should_close", status=Status.RECTIFYING)]),
    # verifying after a failed verification needs a round after it (the same day will do)
    (data("verifying", verifications=[FAIL]),
     [_inv("rectifications.0.completed_on", "rule.round.before_verification",
           date=D(2026, 11, 21))]),
    (data("verifying", verifications=[{**FAIL, "date": "2026-11-20"}]), []),
    (data("rectifying", rectifications=[ROUND], verifications=[FAIL],
          documents={"after": ["after-1.jpg"]}), []),
])
def test_each_rule_of_a_record_exactly(record: dict[str, Any], expected: list[Violation]
                                       ) -> None:
    assert violations(Hazard.model_validate(record)) == expected


@pytest.mark.parametrize(("record", "expected"), [
    # nothing is dated before the hazard was found (the day itself is fine)
    (data("rectifying", plan={**PLAN, "deadline": "2026-11-16"}), []),
    (data("rectifying", plan={**PLAN, "deadline": "2026-11-15"}),
     [_inv("plan.deadline", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    (data("rectifying", extensions=[{**EXT, "approved_on": "2026-11-15"}]),
     [_inv("extensions.0.approved_on", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    (data("verifying", rectifications=[_round("2026-11-15")]),
     [_inv("rectifications.0.completed_on", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    (data("verifying", rectifications=[_round("2026-11-15"), _round("2026-11-17")],
          verifications=[{**FAIL, "date": "2026-11-15"}]),
     [_inv("rectifications.0.completed_on", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16)),
      _inv("verifications.0.date", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    (data("rectifying", rectifications=[ROUND], verifications=[PASS],
          documents={"after": ["after-1.jpg"]},
          reopenings=[{**REOPEN, "date": "2026-11-15", "deadline": "2026-11-30"}]),
     [_inv("status", "rule.status.should_close", status=Status.RECTIFYING),
      _inv("reopenings.0.date", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    (data("void", void={"reason": "x", "by": "陈明", "date": "2026-11-15"}),
     [_inv("void.date", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    # extensions: after a deadline, each later than the one before, in date order
    (data("rectifying", plan={**PLAN, "deadline": None}, extensions=[EXT]),
     [_inv("plan", "rule.plan.incomplete", status=Status.RECTIFYING,
           missing=describe_missing(["deadline"])),
      _inv("extensions.0", "rule.extension.no_deadline")]),
    (data("rectifying", extensions=[{**EXT, "to": "2026-11-28"}]),
     [_inv("extensions.0.to", "rule.extension.later", to=D(2026, 11, 28),
           deadline=D(2026, 11, 28))]),
    (data("rectifying", extensions=[EXT, {**EXT, "to": "2026-12-05"}]),
     [_inv("extensions.1.to", "rule.extension.later", to=D(2026, 12, 5),
           deadline=D(2026, 12, 5))]),
    (data("rectifying", extensions=[EXT, {**EXT, "to": "2026-12-09",
                                          "approved_on": "2026-11-20"}]), []),
    (data("rectifying", extensions=[EXT, {**EXT, "to": "2026-12-09",
                                          "approved_on": "2026-11-19"}]),
     [_inv("extensions.1", "rule.date.order")]),
    # rounds, verifications, reopenings and corrections in date order (the same day is fine)
    (data("verifying", rectifications=[_round("2026-11-19"), _round("2026-11-18")],
          verifications=[{**FAIL, "date": "2026-11-18"}]),
     [_inv("rectifications.1", "rule.date.order")]),
    (data("verifying", rectifications=[_round("2026-11-18"), _round("2026-11-18")],
          verifications=[{**FAIL, "date": "2026-11-18"}]), []),
    (data("verifying", rectifications=[_round("2026-11-18"), _round("2026-11-20")],
          verifications=[{**FAIL, "date": "2026-11-19"}, {**FAIL, "date": "2026-11-18"}]),
     [_inv("verifications.1", "rule.date.order")]),
    (data("verifying", rectifications=[_round("2026-11-18"), _round("2026-11-20")],
          verifications=[{**FAIL, "date": "2026-11-19"}, {**FAIL, "date": "2026-11-19"}]),
     []),
    (data("rectifying", rectifications=[ROUND], verifications=[PASS],
          documents={"after": ["after-1.jpg"]},
          reopenings=[REOPEN, {**REOPEN, "date": "2026-11-21"}]),
     [_inv("reopenings.1", "rule.date.order")]),
    (data("rectifying", corrections=[FIX, {**FIX, "date": "2026-11-20"}]), []),
    (data("rectifying", corrections=[FIX, {**FIX, "date": "2026-11-19"}]),
     [_inv("corrections.1", "rule.date.order")]),
    # closed: the passing verification not before the last round (the same day is fine)
    (data("closed", verifications=[{**PASS, "date": "2026-11-20"}]), []),
    (data("closed", rectifications=[_round("2026-11-18"), _round("2026-11-21")],
          verifications=[{**FAIL, "date": "2026-11-19"}, {**PASS, "date": "2026-11-20"}],
          documents={"after": ["after-1.jpg"]}),
     [_inv("verifications.1.date", "rule.closed.before_round", date=D(2026, 11, 21))]),
    # a reopening's deadline is not before the reopening (the same day is fine)
    (data("rectifying", rectifications=[ROUND], verifications=[PASS],
          documents={"after": ["after-1.jpg"]},
          reopenings=[{**REOPEN, "deadline": "2026-11-22"}]), []),
    (data("rectifying", rectifications=[ROUND], verifications=[PASS],
          documents={"after": ["after-1.jpg"]},
          reopenings=[{**REOPEN, "deadline": "2026-11-21"}]),
     [_inv("reopenings.0.deadline", "rule.reopen.deadline_past", deadline=D(2026, 11, 21),
           date=D(2026, 11, 22))]),
    # a major hazard's report, assessment and sign-off
    (data("reported", level="major", major={"interim_measures": ["x"],
                                            "reported_on": "2026-11-15"}),
     [_inv("major.reported_on", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16))]),
    (data("reported", level="major", major={
        "interim_measures": ["x"], "assessment": {"date": "2026-11-15", "by": "专家组",
                                                  "result": "pass"},
        "signoff": {"date": "2026-11-14", "by": "区应急管理局"}}),
     [_inv("major.assessment.date", "rule.date.before_found", date=D(2026, 11, 15),
           found=D(2026, 11, 16)),
      _inv("major.signoff.date", "rule.date.before_found", date=D(2026, 11, 14),
           found=D(2026, 11, 16))]),
    # a contractor's work has an internal supervisor
    (data("rectifying", contractor={"name": "某某公司"}),
     [_inv("contractor.supervisor", "rule.contractor.supervisor")]),
    (data("rectifying", contractor={"name": "某某公司", "supervisor": "赵刚"}), []),
])
def test_each_date_rule_of_a_record_exactly(record: dict[str, Any],
                                            expected: list[Violation]) -> None:
    assert violations(Hazard.model_validate(record)) == expected


def test_independence_compares_names_normalised() -> None:
    h = hazard("closed", rectifications=[_round("2026-11-20", by="赵刚")])
    assert independence_problem(h, "王 强") == Msg("rule.independent.responsible",
                                                   name="王 强")
    assert independence_problem(h, "赵\u200b刚") == Msg("rule.independent.rectifier",
                                                       name="赵\u200b刚")
    assert independence_problem(h, "张伟") is None
    assert independence_problem(hazard("closed", plan={**PLAN, "responsible": None}),
                                "张伟") is None
