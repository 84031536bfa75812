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
    return [(p.field, p.message) for p in found]


@pytest.mark.parametrize("status", ["reported", "rectifying", "verifying", "closed", "void"])
def test_consistent_records_in_every_status(status: str) -> None:
    assert problems(data(status)) == []


def test_load_dump_is_the_identity_for_tool_written_files() -> None:
    text = yamlio.dump(hazard("closed").to_data())
    again = yamlio.dump(Hazard.model_validate(yamlio.load_mapping(text, "x")).to_data())
    assert again == text
    assert text.startswith("kind: hazard\nschema: 1\nid: SW-20261116-7KQF\n")
    assert text.endswith("status: closed\n")


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"found_on": "2026-02-30"}, "found_on", "not a calendar date"),
    ({"found_on": "2026/11/16"}, "found_on", "YYYY-MM-DD"),
    ({"title": "   "}, "title", "one line"),
    ({"title": "两行\n标题"}, "title", "one line"),
    ({"level": "serious"}, "level", "general"),
    ({"unit": "sw"}, "unit", "expected form"),
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
    (data("reported", level="major"), "plan", "major hazard"),
    (data("verifying", rectification=None), "rectification", "needs the rectification"),
    (data("verifying", documents={"before": ["b.jpg"]}), "documents", "showing the fix"),
    (data("closed", verifications=[{"date": "2026-11-21", "by": "王强", "result": "pass"}]),
     "verifications.0.by", "responsible person"),
    (data("closed", verifications=[{"date": "2026-11-21", "by": "张伟", "result": "fail",
                                    "notes": "x"}]), "verifications", "passing"),
    (data("closed", level="major"), "root_cause", "root cause"),
    (data("void", void=None), "void", "void block"),
    (data("rectifying", void={"reason": "x", "by": "y", "date": "2026-11-17"}), "void",
     "only a voided"),
    (data("rectifying", contractor={"name": "某某公司"}), "contractor.supervisor", "以包代管"),
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
