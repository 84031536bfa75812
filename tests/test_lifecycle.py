"""Every lifecycle transition, allowed and refused, and random walks through them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records import hazard
from safecheck import lifecycle
from safecheck.checklists import packaged_checklists
from safecheck.config import Settings
from safecheck.context import LedgerContext
from safecheck.errors import RefusedTransition
from safecheck.lifecycle import PlanInput, Registration
from safecheck.models.consistency import violations
from safecheck.vocab import Level, Status

TODAY = dt.date(2026, 11, 21)
SETTINGS = Settings.model_validate({"organization": "示例集团",
                                    "units": [{"code": "SW", "name": "水务公司"}]})
CONTEXT = LedgerContext(Path(), SETTINGS, packaged_checklists())
FULL_PLAN = PlanInput(measures=("设置警示标志",), responsible="王强", funding=1200,
                      deadline=dt.date(2026, 11, 28), contingency_plan="设置围挡，专人看护")
REGISTRATION = Registration(
    unit="SW", domain="confined-space", title="集水井无警示标志", description="井盖未上锁。",
    location="三号泵站", level=Level.GENERAL, source="self-inspection",
    found_on=dt.date(2026, 11, 16), found_by="李明")
ID = "SW-20261116-7KQF"


def refused(words: str) -> pytest.RaisesContext[RefusedTransition]:
    return pytest.raises(RefusedTransition, match=words)


# --- register ---------------------------------------------------------------------------

def test_register_without_a_plan_is_reported() -> None:
    h = lifecycle.register(REGISTRATION, ID, CONTEXT, TODAY)
    assert h.status is Status.REPORTED and h.plan is None


def test_register_with_the_whole_plan_is_rectifying_at_once() -> None:
    h = lifecycle.register(Registration(**{**REGISTRATION.__dict__, "plan": FULL_PLAN}), ID,
                           CONTEXT, TODAY)
    assert h.status is Status.RECTIFYING and h.plan_complete


@pytest.mark.parametrize(("changes", "words"), [
    ({"unit": "XX"}, "unknown unit 'XX'"),
    ({"domain": "mining"}, "unknown domain 'mining'"),
    ({"source": "rumour"}, "unknown source 'rumour'"),
    ({"found_on": dt.date(2026, 11, 30)}, "in the future"),
    ({"title": None}, "missing title"),
    ({"level": Level.MAJOR}, "major hazard needs the complete five-in-place plan"),
    ({"checklist_item": "CS-99"}, "has no item CS-99"),
    ({"plan": PlanInput(contractor="某某公司")}, "以包代管"),
])
def test_register_refusals(changes: dict[str, object], words: str) -> None:
    with pytest.raises(Exception, match=words):
        lifecycle.register(Registration(**{**REGISTRATION.__dict__, **changes}), ID, CONTEXT,
                           TODAY)


def test_roster_checks_the_responsible_person() -> None:
    roster = Settings.model_validate({**SETTINGS.model_dump(), "people": [
        {"name": "张伟", "unit": "SW", "roles": ["verifier"]}]})
    context = LedgerContext(Path(), roster, CONTEXT.checklists)
    with refused("not on the people roster"):
        lifecycle.register(Registration(**{**REGISTRATION.__dict__, "plan": FULL_PLAN}), ID,
                           context, TODAY)


# --- plan and extend ---------------------------------------------------------------------

def test_plan_completes_and_moves_to_rectifying() -> None:
    h = lifecycle.plan(hazard("reported"), FULL_PLAN, SETTINGS)
    assert h.status is Status.RECTIFYING


def test_partial_plan_stays_reported() -> None:
    h = lifecycle.plan(hazard("reported"), PlanInput(measures=("a",)), SETTINGS)
    assert h.status is Status.REPORTED and h.plan_missing == [
        "responsible", "funding", "deadline", "contingency_plan"]


@pytest.mark.parametrize(("status", "given", "words"), [
    ("closed", FULL_PLAN, "it is closed"),
    ("rectifying", PlanInput(deadline=dt.date(2026, 12, 30)), "approved extension"),
    ("rectifying", PlanInput(), "nothing to change"),
])
def test_plan_refusals(status: str, given: PlanInput, words: str) -> None:
    with refused(words):
        lifecycle.plan(hazard(status), given, SETTINGS)


def test_extend_moves_the_effective_deadline() -> None:
    h = lifecycle.extend(hazard("rectifying"), dt.date(2026, 12, 5), "定制周期", "陈明",
                         TODAY, TODAY)
    assert h.effective_deadline == dt.date(2026, 12, 5)


@pytest.mark.parametrize(("status", "to", "approver", "words"), [
    ("rectifying", dt.date(2026, 11, 27), "陈明", "not after the current one"),
    ("rectifying", dt.date(2026, 12, 5), "王强", "cannot approve their own"),
    ("closed", dt.date(2026, 12, 5), "陈明", "it is closed"),
    ("reported", dt.date(2026, 12, 5), "陈明", "no deadline yet"),
])
def test_extend_refusals(status: str, to: dt.date, approver: str, words: str) -> None:
    with refused(words):
        lifecycle.extend(hazard(status), to, "x", approver, TODAY, TODAY)


# --- rectify, close, reject --------------------------------------------------------------

def test_rectify_sorts_photos_and_papers() -> None:
    h = lifecycle.rectify(hazard("rectifying"), "王强", "已加锁", TODAY,
                          ["after-1.jpg", "验收单.pdf"], TODAY)
    assert h.status is Status.VERIFYING
    assert h.documents is not None
    assert h.documents.after == ("after-1.jpg",) and h.documents.other == ("验收单.pdf",)


@pytest.mark.parametrize(("status", "docs", "on", "words"), [
    ("reported", ["a.jpg"], TODAY, "plan is not complete"),
    ("verifying", ["a.jpg"], TODAY, "not rectifying"),
    ("rectifying", [], TODAY, "at least one document"),
    ("rectifying", ["a.jpg"], dt.date(2026, 11, 22), "in the future"),
    ("rectifying", ["a.jpg"], dt.date(2026, 11, 10), "before the hazard was found"),
])
def test_rectify_refusals(status: str, docs: list[str], on: dt.date, words: str) -> None:
    with refused(words):
        lifecycle.rectify(hazard(status), "王强", "x", on, docs, TODAY)


def test_close_signs_off() -> None:
    h = lifecycle.close(hazard("verifying"), "张伟", TODAY, "合格", SETTINGS, TODAY)
    assert h.status is Status.CLOSED and h.closed_on == TODAY


@pytest.mark.parametrize(("record", "verifier", "words"), [
    (hazard("verifying"), "王强", "responsible person"),
    (hazard("verifying", rectification={"completed_on": "2026-11-20", "rectified_by": "赵刚",
                                        "actions": "x"}), "赵刚", "did the rectification"),
    (hazard("rectifying"), "张伟", "only a hazard awaiting verification"),
    (hazard("verifying", level="major"), "张伟", "root cause"),
])
def test_close_refusals(record: object, verifier: str, words: str) -> None:
    with refused(words):
        lifecycle.close(record, verifier, TODAY, None, SETTINGS, TODAY)  # type: ignore[arg-type]


def test_close_checks_the_roster_of_verifiers() -> None:
    roster = Settings.model_validate({**SETTINGS.model_dump(), "people": [
        {"name": "张伟", "unit": "RQ", "roles": ["verifier"]},
        {"name": "王强", "unit": "SW", "roles": []}]})
    with refused("not a verifier for unit SW"):
        lifecycle.close(hazard("verifying"), "张伟", TODAY, None, roster, TODAY)


def test_reject_sends_back_to_rectifying_and_rework_follows() -> None:
    h = lifecycle.reject(hazard("verifying"), "张伟", "照片不全", TODAY, SETTINGS, TODAY)
    assert h.status is Status.RECTIFYING and h.verifications[-1].result.value == "fail"
    with refused("before the failed verification"):
        lifecycle.rectify(h, "王强", "补拍照片", dt.date(2026, 11, 20), ["b.jpg"], TODAY)
    h = lifecycle.rectify(h, "王强", "补拍照片", TODAY, ["b.jpg"], TODAY)
    assert h.status is Status.VERIFYING


def test_reject_needs_notes() -> None:
    with refused("what is still wrong"):
        lifecycle.reject(hazard("verifying"), "张伟", " ", TODAY, SETTINGS, TODAY)


# --- reopen and void ----------------------------------------------------------------------

def test_reopen_and_void() -> None:
    h = lifecycle.reopen(hazard("closed"), "隐患复现", "陈明", TODAY, TODAY)
    assert h.status is Status.RECTIFYING and h.reopenings[-1].reason == "隐患复现"
    with refused("before it was reopened"):
        lifecycle.rectify(h, "王强", "再次整改", dt.date(2026, 11, 20), ["c.jpg"], TODAY)
    v = lifecycle.void(hazard("rectifying"), "重复登记", "陈明", TODAY, TODAY)
    assert v.status is Status.VOID and v.void is not None


@pytest.mark.parametrize(("function", "status", "words"), [
    (lifecycle.reopen, "rectifying", "only a closed hazard"),
    (lifecycle.void, "closed", "signed-off hazard is not voided"),
    (lifecycle.void, "void", "already void"),
])
def test_reopen_void_refusals(function: object, status: str, words: str) -> None:
    with refused(words):
        function(hazard(status), "x", "陈明", TODAY, TODAY)  # type: ignore[operator]


# --- random walks --------------------------------------------------------------------------

ALLOWED = {
    (Status.REPORTED, Status.REPORTED), (Status.REPORTED, Status.RECTIFYING),
    (Status.REPORTED, Status.VOID), (Status.RECTIFYING, Status.RECTIFYING),
    (Status.RECTIFYING, Status.VERIFYING), (Status.RECTIFYING, Status.VOID),
    (Status.VERIFYING, Status.CLOSED), (Status.VERIFYING, Status.RECTIFYING),
    (Status.VERIFYING, Status.VERIFYING), (Status.VERIFYING, Status.VOID),
    (Status.CLOSED, Status.RECTIFYING),
}
PEOPLE = ["王强", "张伟", "陈明", "赵刚"]
step = st.tuples(st.sampled_from(["plan", "plan-part", "extend", "rectify", "close", "reject",
                                  "reopen", "void"]),
                 st.sampled_from(PEOPLE), st.integers(0, 40))


@settings(max_examples=200, deadline=None)
@given(st.lists(step, max_size=12))
def test_any_sequence_of_commands_keeps_records_consistent(steps: list[tuple[str, str, int]]
                                                           ) -> None:
    h = lifecycle.register(REGISTRATION, ID, CONTEXT, TODAY)
    today = TODAY
    for action, person, days in steps:
        today = today + dt.timedelta(days=days % 5)
        on = today
        try:
            if action == "plan":
                new = lifecycle.plan(h, FULL_PLAN, SETTINGS)
            elif action == "plan-part":
                new = lifecycle.plan(h, PlanInput(measures=("补充措施",)), SETTINGS)
            elif action == "extend":
                deadline = h.effective_deadline or TODAY
                new = lifecycle.extend(h, deadline + dt.timedelta(days=days + 1), "材料采购",
                                       person, on, today)
            elif action == "rectify":
                new = lifecycle.rectify(h, person, "已整改", on, [f"p{days}.jpg"], today)
            elif action == "close":
                new = lifecycle.close(h, person, on, None, SETTINGS, today)
            elif action == "reject":
                new = lifecycle.reject(h, person, "不合格", on, SETTINGS, today)
            elif action == "reopen":
                new = lifecycle.reopen(h, "复发", person, on, today)
            else:
                new = lifecycle.void(h, "重复", person, on, today)
        except RefusedTransition:
            continue
        assert (h.status, new.status) in ALLOWED
        assert violations(new) == []
        if new.status is Status.CLOSED:
            assert new.verifications[-1].by not in (new.responsible,
                                                    new.rectification and
                                                    new.rectification.rectified_by)
        h = new
