"""The hazard schema and the lifecycle table's cross-field rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from records import PLAN, data, hazard
from safecheck import yamlio
from safecheck.models.consistency import violations
from safecheck.models.hazard import Hazard
from safecheck.store import parse_hazard


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
