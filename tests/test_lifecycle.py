"""Every lifecycle step, allowed and refused, the rules of a change, and random walks.

Refusals are checked by the catalogue key of their reason (the same in zh and en), so
a test says which rule refused, not how it is worded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records import MAJOR, data, hazard
from safecheck import lifecycle
from safecheck.checklists import packaged_checklists
from safecheck.config import Settings
from safecheck.context import LedgerContext
from safecheck.errors import RefusedTransition, SafecheckError
from safecheck.i18n import Msg
from safecheck.lifecycle import MajorInput, PlanInput, Registration, check_change
from safecheck.lifecycle.replay import replay
from safecheck.lifecycle.table import STEPS
from safecheck.models.consistency import Violation, describe_missing, violations
from safecheck.models.hazard import Hazard
from safecheck.vocab import Level, Result, Status

TODAY = dt.date(2026, 11, 21)
SETTINGS = Settings.model_validate({"organization": "示例集团",
                                    "units": [{"code": "SW", "name": "水务公司"}]})
ROSTER = Settings.model_validate({**SETTINGS.model_dump(), "people": [
    {"name": "张伟", "unit": "SW", "roles": ["verifier"]},
    {"name": "陈明", "roles": ["approver", "manager", "verifier"]},
    {"name": "刘洋", "roles": ["keeper"]},
    {"name": "王强", "unit": "SW"}, {"name": "李明", "unit": "SW", "roles": ["inspector"]},
    {"name": "赵刚", "unit": "SW"}]})
CONTEXT = LedgerContext(Path(), SETTINGS, packaged_checklists())
FULL_PLAN = PlanInput(measures=("设置警示标志",), responsible="王强", funding=1200,
                      deadline=dt.date(2026, 11, 28), contingency_plan="设置围挡，专人看护")
REGISTRATION = Registration(
    unit="SW", domain="confined-space", title="集水井无警示标志", description="井盖未上锁。",
    location="三号泵站", level=Level.GENERAL, source="self-inspection",
    found_on=dt.date(2026, 11, 16), found_by="李明")
ID = "SW-20261116-7KQF"


def keys(value: object) -> set[str]:
    """Every catalogue key in a message and the messages inside it."""
    if isinstance(value, Msg):
        found = {value.key}
        for param in value.params.values():
            found |= keys(param)
        return found
    if isinstance(value, list | tuple):
        return set().union(*(keys(v) for v in value)) if value else set()
    return set()


class Refused:
    """``with refused("rule.x"):`` — the step is refused for the rule whose key is given."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, tb: object) -> bool:
        assert isinstance(error, SafecheckError), f"not refused ({self.key})"
        found = keys(error.msg)
        assert self.key in found, f"refused for {found}, not {self.key}"
        return True


def refused(key: str) -> Refused:
    return Refused(key)


def registered(**changes: Any) -> Registration:
    return Registration(**{**REGISTRATION.__dict__, **changes})


def major_hazard(status: str = "rectifying", **changes: Any) -> Any:
    return hazard(status, **{"level": "major", "major": dict(MAJOR), **changes})


# --- register ---------------------------------------------------------------------------

def test_register_without_a_plan_is_reported() -> None:
    h = lifecycle.register(REGISTRATION, ID, CONTEXT, TODAY)
    assert h.status is Status.REPORTED and h.plan is None and h.schema_version == 2


def test_register_with_the_whole_plan_is_rectifying_at_once() -> None:
    h = lifecycle.register(registered(plan=FULL_PLAN), ID, CONTEXT, TODAY)
    assert h.status is Status.RECTIFYING and h.plan_complete


def test_a_major_hazard_registers_at_once_with_interim_measures_only() -> None:
    h = lifecycle.register(registered(level=Level.MAJOR, major=MajorInput(
        interim_measures=("停止作业", "设置警戒区"))), ID, CONTEXT, TODAY)
    assert h.status is Status.REPORTED and h.major is not None
    assert h.major.interim_measures == ("停止作业", "设置警戒区")
    # even with the whole five in place it waits for its governance plan
    h = lifecycle.register(registered(level=Level.MAJOR, plan=FULL_PLAN, major=MajorInput(
        interim_measures=("停止作业",))), ID, CONTEXT, TODAY)
    assert h.status is Status.REPORTED
    assert h.plan_missing == ["major.basis", "major.objectives", "major.plan_approved_by"]


@pytest.mark.parametrize(("changes", "key"), [
    ({"unit": "XX"}, "error.unknown_unit"),
    ({"domain": "mining"}, "error.unknown_domain"),
    ({"source": "rumour"}, "error.unknown_source"),
    ({"found_on": dt.date(2026, 11, 30)}, "rule.future"),
    ({"title": None}, "refuse.missing"),
    ({"level": Level.MAJOR}, "refuse.missing"),
    ({"checklist_item": "CS-99"}, "refuse.no_item"),
    ({"plan": PlanInput(supervisor="赵刚")}, "refuse.contractor_name"),
])
def test_register_refusals(changes: dict[str, object], key: str) -> None:
    with refused(key):
        lifecycle.register(registered(**changes), ID, CONTEXT, TODAY)


def test_a_major_registration_names_the_missing_interim_measures() -> None:
    assert "interim_measures" in registered(level=Level.MAJOR).missing()


def test_roster_checks_every_person_named() -> None:
    context = LedgerContext(Path(), ROSTER, CONTEXT.checklists)
    with refused("rule.not_on_roster"):
        lifecycle.register(registered(plan=PlanInput(responsible="钱七")), ID, context, TODAY)
    with refused("rule.not_on_roster"):
        lifecycle.register(registered(found_by="外人"), ID, context, TODAY)
    # an inspection team's names are checked one by one
    h = lifecycle.register(registered(found_by="李明、张伟"), ID, context, TODAY)
    assert h.found_by == "李明、张伟"


def test_names_are_stored_clean() -> None:
    h = lifecycle.register(registered(found_by=" 李\u200b明 ", plan=FULL_PLAN), ID, CONTEXT,
                           TODAY)
    assert h.found_by == "李明"


# --- plan, root cause and the major-hazard steps -------------------------------------------

def test_plan_completes_and_moves_to_rectifying() -> None:
    h = lifecycle.plan(hazard("reported"), FULL_PLAN, "未纳入台账", SETTINGS, TODAY)
    assert h.status is Status.RECTIFYING and h.root_cause == "未纳入台账"


def test_partial_plan_stays_reported() -> None:
    h = lifecycle.plan(hazard("reported"), PlanInput(measures=("a",)), None, SETTINGS, TODAY)
    assert h.status is Status.REPORTED and h.plan_missing == [
        "responsible", "funding", "deadline", "contingency_plan"]


def test_a_second_plan_keeps_the_parts_given_before() -> None:
    h = lifecycle.plan(hazard("reported"), PlanInput(measures=("a",), responsible="王强"),
                       None, SETTINGS, TODAY)
    h = lifecycle.plan(h, PlanInput(funding=0, deadline=dt.date(2026, 11, 30)), None,
                       SETTINGS, TODAY)
    assert h.plan is not None and h.plan.measures == ("a",) and h.responsible == "王强"
    assert h.plan.funding is not None and h.plan.funding.amount == 0
    assert h.plan_missing == ["contingency_plan"]


def test_root_cause_alone_is_a_plan_change() -> None:
    h = lifecycle.plan(hazard("rectifying"), PlanInput(), "原因", SETTINGS, TODAY)
    assert h.root_cause == "原因" and h.status is Status.RECTIFYING


@pytest.mark.parametrize(("status", "given", "key"), [
    ("closed", FULL_PLAN, "refuse.status"),
    ("verifying", FULL_PLAN, "refuse.status"),
    ("rectifying", PlanInput(deadline=dt.date(2026, 12, 30)), "refuse.plan.deadline"),
    ("rectifying", PlanInput(), "refuse.plan.nothing"),
    ("rectifying", PlanInput(contract="HT-1"), "refuse.contractor_name"),
])
def test_plan_refusals(status: str, given: PlanInput, key: str) -> None:
    with refused(key):
        lifecycle.plan(hazard(status), given, None, SETTINGS, TODAY)


def test_a_major_hazard_starts_rectifying_only_with_its_governance_plan() -> None:
    h = lifecycle.register(registered(level=Level.MAJOR, major=MajorInput(
        interim_measures=("停止作业",))), ID, CONTEXT, TODAY)
    h = lifecycle.major(h, MajorInput(reported_on=TODAY, reported_to="区应急管理局",
                                      supervised_by="区安委办"), SETTINGS, TODAY)
    h = lifecycle.plan(h, FULL_PLAN, None, SETTINGS, TODAY)
    assert h.status is Status.REPORTED
    with refused("refuse.rectify.no_plan"):
        lifecycle.rectify(h, "王强", "x", TODAY, ["a.jpg"], None, SETTINGS, TODAY)
    h = lifecycle.major(h, MajorInput(basis="判定标准第五条", objectives="消除风险",
                                      plan_approved_by="陈明"), SETTINGS, TODAY)
    assert h.status is Status.RECTIFYING


@pytest.mark.parametrize(("record", "given", "key"), [
    (hazard("rectifying"), MajorInput(basis="x"), "refuse.major.not_major"),
    (major_hazard(), MajorInput(), "refuse.major.nothing"),
    (major_hazard(), MajorInput(assessed_on=TODAY, assessed_by="专家组",
                                assessment_result=Result.PASS), "refuse.major.too_early"),
    (major_hazard("closed", root_cause="x"), MajorInput(supervised_by="区安委办"),
     "refuse.status"),
    (major_hazard(), MajorInput(reported_on=dt.date(2026, 11, 17)), "rule.write_once"),
    (major_hazard(), MajorInput(plan_approved_by="钱七"), "rule.write_once"),
])
def test_major_refusals(record: Any, given: MajorInput, key: str) -> None:
    with refused(key):
        lifecycle.major(record, given, SETTINGS, TODAY)


def test_the_governance_plan_approver_must_be_an_approver() -> None:
    h = major_hazard("reported", major={"interim_measures": ["停止作业"]}, plan=None)
    with refused("rule.role"):
        lifecycle.major(h, MajorInput(plan_approved_by="张伟"), ROSTER, TODAY)
    h = lifecycle.major(h, MajorInput(plan_approved_by="陈明"), ROSTER, TODAY)
    assert h.major is not None and h.major.plan_approved_by == "陈明"


def test_interim_measures_are_added_not_replaced() -> None:
    h = lifecycle.major(major_hazard(), MajorInput(interim_measures=("局部停产",)), SETTINGS,
                        TODAY)
    assert h.major is not None and h.major.interim_measures[-1] == "局部停产"
    assert len(h.major.interim_measures) == 3


# --- extend -------------------------------------------------------------------------------

def test_extend_moves_the_effective_deadline() -> None:
    h = lifecycle.extend(hazard("rectifying"), dt.date(2026, 12, 5), "定制周期", "陈明",
                         TODAY, SETTINGS, TODAY)
    assert h.effective_deadline == dt.date(2026, 12, 5)


@pytest.mark.parametrize(("status", "to", "approver", "key"), [
    ("rectifying", dt.date(2026, 11, 27), "陈明", "rule.extension.later"),
    ("rectifying", dt.date(2026, 12, 5), "王强", "rule.independent.extend"),
    ("rectifying", dt.date(2026, 12, 5), " 王\u200b强", "rule.independent.extend"),
    ("closed", dt.date(2026, 12, 5), "陈明", "refuse.status"),
    ("void", dt.date(2026, 12, 5), "陈明", "refuse.status"),
    ("reported", dt.date(2026, 12, 5), "陈明", "refuse.extend.no_deadline"),
])
def test_extend_refusals(status: str, to: dt.date, approver: str, key: str) -> None:
    with refused(key):
        lifecycle.extend(hazard(status), to, "x", approver, TODAY, SETTINGS, TODAY)


def test_extensions_need_an_approver_on_a_roster_and_a_timely_date() -> None:
    with refused("rule.role"):
        lifecycle.extend(hazard("rectifying"), dt.date(2026, 12, 5), "x", "张伟", TODAY,
                         ROSTER, TODAY)
    with refused("rule.future"):
        lifecycle.extend(hazard("rectifying"), dt.date(2026, 12, 5), "x", "陈明",
                         dt.date(2026, 11, 22), SETTINGS, TODAY)
    with refused("rule.late"):
        lifecycle.extend(hazard("rectifying", found_on="2026-11-01"), dt.date(2026, 12, 5),
                         "x", "陈明", dt.date(2026, 11, 13), SETTINGS, TODAY)


# --- rectify, close, reject --------------------------------------------------------------

def test_rectify_adds_a_round_with_its_documents() -> None:
    h = lifecycle.rectify(hazard("rectifying"), "王强", "已加锁", TODAY,
                          ["after-1.jpg", "验收单.pdf"], "原因", SETTINGS, TODAY)
    assert h.status is Status.VERIFYING and h.root_cause == "原因"
    assert h.documents is not None
    assert h.documents.after == ("after-1.jpg",) and h.documents.other == ("验收单.pdf",)
    assert h.rectifications[-1].documents == ("after-1.jpg", "验收单.pdf")


@pytest.mark.parametrize(("status", "docs", "on", "key"), [
    ("reported", ["a.jpg"], TODAY, "refuse.rectify.no_plan"),
    ("verifying", ["a.jpg"], TODAY, "refuse.status"),
    ("rectifying", [], TODAY, "refuse.rectify.no_documents"),
    ("rectifying", ["a.jpg"], dt.date(2026, 11, 22), "rule.future"),
    ("rectifying", ["a.jpg"], dt.date(2026, 11, 15), "rule.date.before_found"),
])
def test_rectify_refusals(status: str, docs: list[str], on: dt.date, key: str) -> None:
    with refused(key):
        lifecycle.rectify(hazard(status), "王强", "x", on, docs, None, SETTINGS, TODAY)


def test_close_signs_off() -> None:
    h = lifecycle.close(hazard("verifying"), "张伟", TODAY, "合格", SETTINGS, TODAY)
    assert h.status is Status.CLOSED and h.closed_on == TODAY


@pytest.mark.parametrize(("record", "verifier", "key"), [
    (hazard("verifying"), "王强", "rule.independent.responsible"),
    (hazard("verifying"), "王强 ", "rule.independent.responsible"),
    (hazard("verifying"), "王\u200b强", "rule.independent.responsible"),
    (hazard("verifying"), "王　强", "rule.independent.responsible"),
    (hazard("verifying", rectifications=[
        {"completed_on": "2026-11-20", "by": "赵刚", "actions": "x",
         "documents": ["after-1.jpg"]}]), "赵刚", "rule.independent.rectifier"),
    (hazard("rectifying"), "张伟", "refuse.status"),
    (hazard("verifying", source="district-inspection"), "张伟", "rule.root_cause"),
    (major_hazard("verifying", root_cause="x"), "张伟", "rule.major.assessment"),
    (major_hazard("verifying", root_cause="x", major={
        **MAJOR, "supervised_by": "区安委办",
        "assessment": {"date": "2026-11-20", "by": "评价公司", "result": "pass"}}),
     "张伟", "rule.major.signoff"),
    (major_hazard("verifying", root_cause="x", major={
        **MAJOR, "assessment": {"date": "2026-11-20", "by": "评价公司", "result": "fail"}}),
     "张伟", "rule.major.assessment"),
    (major_hazard("verifying", major=dict(MAJOR)), "张伟", "rule.root_cause"),
])
def test_close_refusals(record: Any, verifier: str, key: str) -> None:
    with refused(key):
        lifecycle.close(record, verifier, TODAY, None, SETTINGS, TODAY)


def test_root_cause_sources_come_from_the_rules() -> None:
    rules = Settings.model_validate({**SETTINGS.model_dump(), "rules": {
        "root-cause-sources": ["self-inspection"]}})
    with refused("rule.root_cause"):
        lifecycle.close(hazard("verifying"), "张伟", TODAY, None, rules, TODAY)
    h = lifecycle.close(hazard("verifying", source="district-inspection"), "张伟", TODAY,
                        None, rules, TODAY)
    assert h.status is Status.CLOSED


def test_a_major_hazard_closes_with_assessment_and_signoff() -> None:
    h = major_hazard("verifying", root_cause="设计缺陷", major={
        **MAJOR, "supervised_by": "区安委办",
        "assessment": {"date": "2026-11-21", "by": "评价公司", "result": "pass"},
        "signoff": {"date": "2026-11-21", "by": "区安委办", "reference": "〔2026〕12号"}})
    assert lifecycle.close(h, "张伟", TODAY, None, SETTINGS, TODAY).status is Status.CLOSED


def test_close_checks_the_roster_of_verifiers() -> None:
    roster = Settings.model_validate({**SETTINGS.model_dump(), "people": [
        {"name": "张伟", "unit": "RQ", "roles": ["verifier"]},
        {"name": "王强", "unit": "SW", "roles": []}]})
    with refused("rule.role"):
        lifecycle.close(hazard("verifying"), "张伟", TODAY, None, roster, TODAY)


def test_a_failed_verification_keeps_its_round_and_the_next_round_is_added() -> None:
    h = lifecycle.reject(hazard("verifying"), "张伟", "照片不全", TODAY, SETTINGS, TODAY)
    assert h.status is Status.RECTIFYING and h.verifications[-1].result is Result.FAIL
    with refused("refuse.before"):
        lifecycle.rectify(h, "王强", "补拍照片", dt.date(2026, 11, 20), ["b.jpg"], None,
                          SETTINGS, TODAY)
    h = lifecycle.rectify(h, "赵刚", "补拍照片", TODAY, ["b.jpg"], None, SETTINGS, TODAY)
    assert h.status is Status.VERIFYING
    assert [r.by for r in h.rectifications] == ["王强", "赵刚"]
    assert h.rectifications[0].documents == ("after-1.jpg",)
    with refused("rule.independent.rectifier"):  # any rectifier, not only the last
        lifecycle.close(h, "赵刚", TODAY, None, SETTINGS, TODAY)
    h = lifecycle.close(h, "张伟", TODAY, None, SETTINGS, TODAY)
    assert h.status is Status.CLOSED and len(h.verifications) == 2


@pytest.mark.parametrize(("verifier", "notes", "key"), [
    ("张伟", " ", "refuse.reject.notes"),
    ("王强", "不合格", "rule.independent.responsible"),
])
def test_reject_refusals(verifier: str, notes: str, key: str) -> None:
    with refused(key):
        lifecycle.reject(hazard("verifying"), verifier, notes, TODAY, SETTINGS, TODAY)


# --- reopen and void ----------------------------------------------------------------------

def test_reopen_sets_a_new_deadline() -> None:
    closed = hazard("closed")
    h = lifecycle.reopen(closed, "隐患复现", "陈明", TODAY, dt.date(2026, 12, 5), SETTINGS,
                         TODAY)
    assert h.status is Status.RECTIFYING and h.reopenings[-1].reason == "隐患复现"
    assert h.effective_deadline == dt.date(2026, 12, 5) and h.days_overdue(TODAY) == 0
    with refused("refuse.before"):
        lifecycle.rectify(h, "王强", "再次整改", dt.date(2026, 11, 20), ["c.jpg"], None,
                          SETTINGS, TODAY)


@pytest.mark.parametrize(("status", "by", "deadline", "settings_", "key"), [
    ("rectifying", "陈明", dt.date(2026, 12, 5), SETTINGS, "refuse.status"),
    ("closed", "陈明", dt.date(2026, 11, 20), SETTINGS, "rule.reopen.deadline_past"),
    ("closed", "张伟", dt.date(2026, 12, 5), ROSTER, "rule.role"),
])
def test_reopen_refusals(status: str, by: str, deadline: dt.date, settings_: Settings,
                         key: str) -> None:
    with refused(key):
        lifecycle.reopen(hazard(status), "x", by, TODAY, deadline, settings_, TODAY)


def test_void() -> None:
    v = lifecycle.void(hazard("rectifying"), "重复登记", "陈明", TODAY, SETTINGS, TODAY)
    assert v.status is Status.VOID and v.void is not None


@pytest.mark.parametrize(("status", "by", "settings_", "key"), [
    ("closed", "陈明", SETTINGS, "refuse.status"),
    ("void", "陈明", SETTINGS, "refuse.status"),
    ("rectifying", "王强", SETTINGS, "rule.independent.void"),
    ("rectifying", "张伟", ROSTER, "rule.role"),
])
def test_void_refusals(status: str, by: str, settings_: Settings, key: str) -> None:
    with refused(key):
        lifecycle.void(hazard(status), "x", by, TODAY, settings_, TODAY)


# --- edit and attach -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "value"), [
    ("title", "集水井入口无警示标志（已核实）"), ("description", "更正后的描述\n"),
    ("location", "三号泵站1号集水井"), ("department", "生产部"), ("domain", "fire-safety"),
    ("source", "group-inspection"), ("source_ref", "集团检查通报第3条"),
    ("found_on", dt.date(2026, 11, 15)), ("found_by", "张伟"), ("checklist_item", "CS-01"),
    ("level", Level.MAJOR),
])
def test_edit_corrects_each_registered_fact(name: str, value: object) -> None:
    record = hazard("rectifying")
    extra = ("停止作业",) if name == "level" else ()
    h = lifecycle.edit(record, {name: value}, "登记有误", "李明", TODAY, None, extra, CONTEXT,
                       TODAY)
    shown = value.isoformat() if isinstance(value, dt.date) else getattr(value, "value", value)
    assert getattr(h, name) == value
    correction = h.corrections[-1]
    assert correction.fields[name] == (_text(getattr(record, name)), shown)
    assert correction.by == "李明" and correction.reason == "登记有误"
    assert h.status is record.status


def _text(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return getattr(value, "value", value)


@pytest.mark.parametrize(("record", "changes", "approver", "key"), [
    (hazard("rectifying"), {"status": "closed"}, None, "refuse.edit.field"),
    (hazard("rectifying"), {"plan": {}}, None, "refuse.edit.field"),
    (hazard("rectifying"), {"extensions": []}, None, "refuse.edit.field"),
    (hazard("rectifying"), {"documents": {}}, None, "refuse.edit.field"),
    (hazard("rectifying"), {"title": "三号泵站集水井入口无有限空间警示标志"}, None,
     "refuse.edit.nothing"),
    (hazard("closed"), {"title": "新"}, None, "refuse.status"),
    (hazard("void"), {"title": "新"}, None, "refuse.status"),
    (major_hazard(), {"level": Level.GENERAL}, None, "rule.downgrade"),
    (major_hazard(), {"level": Level.GENERAL}, "王强", "rule.independent.edit"),
    (hazard("rectifying"), {"level": Level.MAJOR}, None, "rule.major.interim"),
    (hazard("rectifying"), {"domain": "mining"}, None, "error.unknown_domain"),
    (hazard("rectifying"), {"found_on": dt.date(2026, 11, 30)}, None,
     "rule.date.before_found"),
])
def test_edit_refusals(record: Any, changes: dict[str, Any], approver: str | None,
                       key: str) -> None:
    with refused(key):
        lifecycle.edit(record, changes, "更正", "李明", TODAY, approver, (), CONTEXT, TODAY)


def test_a_downgrade_needs_an_approver_who_is_not_responsible() -> None:
    h = lifecycle.edit(major_hazard(), {"level": Level.GENERAL}, "复核不构成重大隐患", "李明",
                       TODAY, "陈明", (), CONTEXT, TODAY)
    assert h.level is Level.GENERAL and h.corrections[-1].approved_by == "陈明"
    assert h.major is not None  # the record keeps what was done while it was major
    roster = LedgerContext(Path(), ROSTER, CONTEXT.checklists)
    with refused("rule.role"):
        lifecycle.edit(major_hazard(), {"level": Level.GENERAL}, "x", "李明", TODAY, "张伟",
                       (), roster, TODAY)


def test_attach_adds_documents_to_an_open_hazard_only() -> None:
    h = lifecycle.attach(hazard("reported"), ["before-1.jpg"], "before", SETTINGS, TODAY)
    assert h.documents is not None and h.documents.before == ("before-1.jpg",)
    with refused("refuse.status"):
        lifecycle.attach(hazard("closed"), ["late.jpg"], "after", SETTINGS, TODAY)
    with refused("refuse.attach.nothing"):
        lifecycle.attach(hazard("rectifying"), [], "other", SETTINGS, TODAY)


# --- the rules of a change, as review applies them ------------------------------------------

def rules_of(old: Any, new: Any, recorded: dt.date = TODAY,
             roster: Settings = SETTINGS) -> set[str]:
    return {v.rule for v in check_change(old, new, roster, recorded)}


def test_append_only_lists_and_the_deadline() -> None:
    closed = hazard("closed")
    rewritten = hazard("closed", verifications=[{"date": "2026-11-21", "by": "陈明",
                                                 "result": "pass"}])
    assert "append-only" in rules_of(closed, rewritten)
    moved = hazard("rectifying", plan={**hazard("rectifying").plan.to_data(),  # type: ignore
                                       "deadline": "2026-12-28"})
    assert "deadline-moved" in rules_of(hazard("rectifying"), moved)
    assert "closed-edited" in rules_of(closed, hazard("closed", title="改过的标题"))
    assert "uncorrected-edit" in rules_of(hazard("rectifying"),
                                          hazard("rectifying", location="别处"))
    assert "downgrade" in rules_of(major_hazard(), hazard("rectifying", major=dict(MAJOR)))


def test_a_status_no_step_explains_is_a_jump() -> None:
    closed_by_hand = data("rectifying", verifications=[{"date": "2026-11-21", "by": "张伟",
                                                        "result": "pass"}])
    closed_by_hand["status"] = "closed"
    assert "status-jump" in rules_of(hazard("rectifying"), Hazard.model_validate(closed_by_hand))
    assert "status-jump" in rules_of(hazard("void"), hazard("rectifying"))
    assert rules_of(None, hazard("closed")) == set()  # registered, rectified, closed
    assert "status-jump" in rules_of(hazard("closed"), hazard("void"))


def test_the_transitions_table_is_the_one_the_commands_use() -> None:
    assert STEPS["close"].before == {Status.VERIFYING}
    assert STEPS["void"].before == {Status.REPORTED, Status.RECTIFYING, Status.VERIFYING}
    assert STEPS["reopen"].role == "manager" and STEPS["extend"].role == "approver"


# --- random walks --------------------------------------------------------------------------

ALLOWED = {
    (Status.REPORTED, Status.REPORTED), (Status.REPORTED, Status.RECTIFYING),
    (Status.REPORTED, Status.VOID), (Status.RECTIFYING, Status.RECTIFYING),
    (Status.RECTIFYING, Status.VERIFYING), (Status.RECTIFYING, Status.VOID),
    (Status.VERIFYING, Status.CLOSED), (Status.VERIFYING, Status.RECTIFYING),
    (Status.VERIFYING, Status.VERIFYING), (Status.VERIFYING, Status.VOID),
    (Status.CLOSED, Status.RECTIFYING),
}
PEOPLE = ["王强", "张伟", "陈明", "赵刚", " 王强", "王\u200b强"]
step = st.tuples(st.sampled_from(["plan", "plan-part", "extend", "rectify", "close", "reject",
                                  "reopen", "void", "edit", "attach"]),
                 st.sampled_from(PEOPLE), st.integers(0, 40))


@settings(max_examples=200, deadline=None)
@given(st.lists(step, max_size=14))
def test_any_sequence_of_commands_keeps_records_consistent(steps: list[tuple[str, str, int]]
                                                           ) -> None:
    h = lifecycle.register(REGISTRATION, ID, CONTEXT, TODAY)
    today = TODAY
    for action, person, days in steps:
        today = today + dt.timedelta(days=days % 5)
        try:
            new = _apply(h, action, person, days, today)
        except RefusedTransition:
            continue
        assert (h.status, new.status) in ALLOWED
        assert violations(new) == []
        assert check_change(h, new, SETTINGS, today) == []
        for name in ("rectifications", "verifications", "extensions", "reopenings",
                     "corrections"):
            assert getattr(new, name)[:len(getattr(h, name))] == getattr(h, name)
        if new.status is Status.CLOSED:
            assert new.verifications[-1].by not in {new.responsible, *new.rectifiers}
        h = new


def _apply(h: Any, action: str, person: str, days: int, today: dt.date) -> Any:
    if action == "plan":
        return lifecycle.plan(h, FULL_PLAN, None, SETTINGS, today)
    if action == "plan-part":
        return lifecycle.plan(h, PlanInput(measures=("补充措施",)), None, SETTINGS, today)
    if action == "extend":
        deadline = h.effective_deadline or TODAY
        return lifecycle.extend(h, deadline + dt.timedelta(days=days + 1), "材料采购", person,
                                today, SETTINGS, today)
    if action == "rectify":
        return lifecycle.rectify(h, person, "已整改", today, [f"p{days}.jpg"], None, SETTINGS,
                                 today)
    if action == "close":
        return lifecycle.close(h, person, today, None, SETTINGS, today)
    if action == "reject":
        return lifecycle.reject(h, person, "不合格", today, SETTINGS, today)
    if action == "reopen":
        return lifecycle.reopen(h, "复发", person, today, today + dt.timedelta(days=days),
                                SETTINGS, today)
    if action == "edit":
        return lifecycle.edit(h, {"location": f"部位{days}"}, "更正", person, today, None, (),
                              CONTEXT, today)
    if action == "attach":
        return lifecycle.attach(h, [f"d{days}.pdf"], "other", SETTINGS, today)
    return lifecycle.void(h, "重复", person, today, SETTINGS, today)


# --- refusals, exactly: which step, which hazard, and why -----------------------------------
# (a refusal names the step and the record; a mutation run showed either could go missing,
# or a reason lose its dates, without a test noticing)

D = dt.date
OPEN_ORDER = [Status.REPORTED, Status.RECTIFYING, Status.VERIFYING]
ALL_PARTS = ["measures", "responsible", "funding", "deadline", "contingency_plan"]
FAILED = data("rectifying", rectifications=[
    {"completed_on": "2026-11-20", "by": "王强", "actions": "x", "documents": ["after-1.jpg"]}],
    verifications=[{"date": "2026-11-21", "by": "张伟", "result": "fail", "notes": "不全"}],
    documents={"after": ["after-1.jpg"]})
REOPENED = data("rectifying", rectifications=FAILED["rectifications"],
                verifications=[{"date": "2026-11-20", "by": "张伟", "result": "pass"}],
                reopenings=[{"date": "2026-11-21", "by": "陈明", "reason": "复发",
                             "deadline": "2026-12-10"}], documents={"after": ["after-1.jpg"]})
ROSTER_CONTEXT = LedgerContext(Path(), ROSTER, CONTEXT.checklists)


def _status(status: Status, *allowed: Status) -> Msg:
    return Msg("refuse.status", status=status, allowed=list(allowed))


@pytest.mark.parametrize(("step", "call", "reason"), [
    ("register", lambda: lifecycle.register(registered(title=None, location=""), ID, CONTEXT,
                                            TODAY),
     Msg("refuse.missing", fields=[Msg("field.title"), Msg("field.location")])),
    ("register", lambda: lifecycle.register(registered(level=Level.MAJOR), ID, CONTEXT, TODAY),
     Msg("refuse.missing", fields=[Msg("field.interim_measures")])),
    ("register", lambda: lifecycle.register(registered(found_on=D(2026, 11, 22)), ID, CONTEXT,
                                            TODAY),
     Msg("rule.future", date=D(2026, 11, 22), recorded=TODAY)),
    ("register", lambda: lifecycle.register(registered(checklist_item="CS-99"), ID, CONTEXT,
                                            TODAY),
     Msg("refuse.no_item", domain="confined-space", item="CS-99")),
    ("register", lambda: lifecycle.register(registered(plan=PlanInput(supervisor="赵刚")), ID,
                                            CONTEXT, TODAY), Msg("refuse.contractor_name")),
    ("register", lambda: lifecycle.register(registered(found_by="外人"), ID, ROSTER_CONTEXT,
                                            TODAY), Msg("rule.not_on_roster", name="外人")),
    ("plan", lambda: lifecycle.plan(hazard("closed"), FULL_PLAN, None, SETTINGS, TODAY),
     _status(Status.CLOSED, Status.REPORTED, Status.RECTIFYING)),
    ("plan", lambda: lifecycle.plan(hazard("rectifying"), PlanInput(), None, SETTINGS, TODAY),
     Msg("refuse.plan.nothing")),
    ("plan", lambda: lifecycle.plan(hazard("rectifying"), PlanInput(deadline=D(2026, 12, 30)),
                                    None, SETTINGS, TODAY),
     Msg("refuse.plan.deadline", deadline=D(2026, 11, 28))),
    ("plan", lambda: lifecycle.plan(hazard("rectifying"), PlanInput(contract="HT-1"), None,
                                    SETTINGS, TODAY), Msg("refuse.contractor_name")),
    ("plan", lambda: lifecycle.plan(hazard("rectifying"), PlanInput(responsible="钱七"), None,
                                    ROSTER, TODAY), Msg("rule.not_on_roster", name="钱七")),
    ("major", lambda: lifecycle.major(hazard("rectifying"), MajorInput(basis="x"), SETTINGS,
                                      TODAY), Msg("refuse.major.not_major")),
    ("major", lambda: lifecycle.major(major_hazard(), MajorInput(), SETTINGS, TODAY),
     Msg("refuse.major.nothing")),
    ("major", lambda: lifecycle.major(major_hazard(), MajorInput(assessed_on=TODAY), SETTINGS,
                                      TODAY),
     Msg("refuse.major.too_early", status=Status.RECTIFYING)),
    ("major", lambda: lifecycle.major(major_hazard(), MajorInput(signoff_on=TODAY), SETTINGS,
                                      TODAY),
     Msg("refuse.major.too_early", status=Status.RECTIFYING)),
    ("major", lambda: lifecycle.major(major_hazard("closed", root_cause="x"),
                                      MajorInput(supervised_by="区安委办"), SETTINGS, TODAY),
     _status(Status.CLOSED, *OPEN_ORDER)),
    ("major", lambda: lifecycle.major(major_hazard(), MajorInput(reported_on=D(2026, 11, 17)),
                                      SETTINGS, TODAY),
     Msg("rule.write_once", field=Msg("field.reported_on"))),
    ("extend", lambda: lifecycle.extend(hazard("reported"), D(2026, 12, 5), "x", "陈明", TODAY,
                                        SETTINGS, TODAY), Msg("refuse.extend.no_deadline")),
    ("extend", lambda: lifecycle.extend(hazard("rectifying"), D(2026, 11, 28), "x", "陈明",
                                        TODAY, SETTINGS, TODAY),
     Msg("rule.extension.later", to=D(2026, 11, 28), deadline=D(2026, 11, 28))),
    ("extend", lambda: lifecycle.extend(hazard("closed"), D(2026, 12, 5), "x", "陈明", TODAY,
                                        SETTINGS, TODAY), _status(Status.CLOSED, *OPEN_ORDER)),
    ("extend", lambda: lifecycle.extend(hazard("rectifying"), D(2026, 12, 5), "x", "王强",
                                        TODAY, SETTINGS, TODAY),
     Msg("rule.independent.extend", name="王强")),
    ("rectify", lambda: lifecycle.rectify(hazard("reported"), "王强", "x", TODAY, ["a.jpg"],
                                          None, SETTINGS, TODAY),
     Msg("refuse.rectify.no_plan", missing=describe_missing(ALL_PARTS))),
    ("rectify", lambda: lifecycle.rectify(hazard("verifying"), "王强", "x", TODAY, ["a.jpg"],
                                          None, SETTINGS, TODAY),
     _status(Status.VERIFYING, Status.RECTIFYING)),
    ("rectify", lambda: lifecycle.rectify(hazard("rectifying"), "王强", "x", TODAY, [], None,
                                          SETTINGS, TODAY), Msg("refuse.rectify.no_documents")),
    ("rectify", lambda: lifecycle.rectify(Hazard.model_validate(FAILED), "王强", "x",
                                          D(2026, 11, 20), ["b.jpg"], None, SETTINGS, TODAY),
     Msg("refuse.before", date=D(2026, 11, 20), what=Msg("word.failed_verification"),
         when=D(2026, 11, 21))),
    ("rectify", lambda: lifecycle.rectify(Hazard.model_validate(REOPENED), "王强", "x",
                                          D(2026, 11, 20), ["b.jpg"], None, SETTINGS, TODAY),
     Msg("refuse.before", date=D(2026, 11, 20), what=Msg("word.reopening"),
         when=D(2026, 11, 21))),
    ("close", lambda: lifecycle.close(hazard("verifying"), "张伟", D(2026, 11, 19), None,
                                      SETTINGS, TODAY),
     Msg("refuse.before", date=D(2026, 11, 19), what=Msg("word.rectification"),
         when=D(2026, 11, 20))),
    ("close", lambda: lifecycle.close(hazard("rectifying"), "张伟", TODAY, None, SETTINGS,
                                      TODAY), _status(Status.RECTIFYING, Status.VERIFYING)),
    ("close", lambda: lifecycle.close(hazard("verifying", source="district-inspection"), "张伟",
                                      TODAY, None, SETTINGS, TODAY), Msg("rule.root_cause")),
    ("close", lambda: lifecycle.close(hazard("verifying"), "王强", TODAY, None, SETTINGS,
                                      TODAY), Msg("rule.independent.responsible", name="王强")),
    ("reject", lambda: lifecycle.reject(hazard("verifying"), "张伟", " ", TODAY, SETTINGS,
                                        TODAY), Msg("refuse.reject.notes")),
    ("reject", lambda: lifecycle.reject(hazard("rectifying"), "张伟", "不合格", TODAY,
                                        SETTINGS, TODAY),
     _status(Status.RECTIFYING, Status.VERIFYING)),
    ("reject", lambda: lifecycle.reject(hazard("verifying"), "王强", "不合格", TODAY,
                                        SETTINGS, TODAY),
     Msg("rule.independent.responsible", name="王强")),
    ("reopen", lambda: lifecycle.reopen(hazard("closed"), "复发", "陈明", D(2026, 11, 20),
                                        D(2026, 12, 5), SETTINGS, TODAY),
     Msg("refuse.before", date=D(2026, 11, 20), what=Msg("word.closing"),
         when=D(2026, 11, 21))),
    ("reopen", lambda: lifecycle.reopen(hazard("closed"), "复发", "陈明", TODAY,
                                        D(2026, 11, 20), SETTINGS, TODAY),
     Msg("rule.reopen.deadline_past", deadline=D(2026, 11, 20), date=TODAY)),
    ("reopen", lambda: lifecycle.reopen(hazard("rectifying"), "复发", "陈明", TODAY,
                                        D(2026, 12, 5), SETTINGS, TODAY),
     _status(Status.RECTIFYING, Status.CLOSED)),
    ("reopen", lambda: lifecycle.reopen(hazard("closed"), "复发", "张伟", TODAY,
                                        D(2026, 12, 5), ROSTER, TODAY),
     Msg("rule.role", name="张伟", role=Msg("role.manager"), unit="SW")),
    ("void", lambda: lifecycle.void(hazard("closed"), "重复", "陈明", TODAY, SETTINGS, TODAY),
     _status(Status.CLOSED, *OPEN_ORDER)),
    ("void", lambda: lifecycle.void(hazard("rectifying"), "重复", "王强", TODAY, SETTINGS,
                                    TODAY), Msg("rule.independent.void", name="王强")),
    ("edit", lambda: lifecycle.edit(hazard("rectifying"), {"status": "closed", "colour": "x"},
                                    "x", "李明", TODAY, None, (), CONTEXT, TODAY),
     Msg("refuse.edit.field", fields=["colour", "status"])),
    ("edit", lambda: lifecycle.edit(hazard("rectifying"), {"found_on": D(2026, 11, 16)}, "x",
                                    "李明", TODAY, None, (), CONTEXT, TODAY),
     Msg("refuse.edit.nothing")),
    ("edit", lambda: lifecycle.edit(major_hazard(), {"level": Level.GENERAL}, "x", "李明",
                                    TODAY, None, (), CONTEXT, TODAY), Msg("rule.downgrade")),
    ("edit", lambda: lifecycle.edit(hazard("closed"), {"title": "新"}, "x", "李明", TODAY, None,
                                    (), CONTEXT, TODAY), _status(Status.CLOSED, *OPEN_ORDER)),
    ("attach", lambda: lifecycle.attach(hazard("rectifying"), [], "other", SETTINGS, TODAY),
     Msg("refuse.attach.nothing")),
    ("attach", lambda: lifecycle.attach(hazard("void"), ["a.pdf"], "other", SETTINGS, TODAY),
     _status(Status.VOID, *OPEN_ORDER)),
])
def test_a_refusal_names_the_step_the_hazard_and_the_reason(step: str, call: Any,
                                                            reason: Msg) -> None:
    with pytest.raises(RefusedTransition) as refusal:
        call()
    assert refusal.value.msg == Msg("refuse", verb=Msg(f"verb.{step}"), id=ID, reason=reason)
    assert refusal.value.reason == reason


@pytest.mark.parametrize("call", [
    # each "not before" is inclusive: the same day is allowed
    lambda: lifecycle.register(registered(found_on=TODAY), ID, CONTEXT, TODAY),
    lambda: lifecycle.rectify(Hazard.model_validate(FAILED), "王强", "x", TODAY, ["b.jpg"],
                              None, SETTINGS, TODAY),
    lambda: lifecycle.rectify(Hazard.model_validate(REOPENED), "王强", "x", TODAY, ["b.jpg"],
                              None, SETTINGS, TODAY),
    lambda: lifecycle.close(hazard("verifying"), "张伟", D(2026, 11, 20), None, SETTINGS,
                            TODAY),
    lambda: lifecycle.reject(hazard("verifying"), "张伟", "不合格", D(2026, 11, 20), SETTINGS,
                             TODAY),
    lambda: lifecycle.reopen(hazard("closed"), "复发", "陈明", TODAY, TODAY, SETTINGS, TODAY),
    lambda: lifecycle.extend(hazard("rectifying"), D(2026, 11, 29), "x", "陈明", TODAY,
                             SETTINGS, TODAY),
])
def test_the_same_day_is_not_before(call: Any) -> None:
    assert call().id == ID


def test_a_second_plan_keeps_the_contractor_given_before() -> None:
    h = lifecycle.plan(hazard("rectifying"), PlanInput(contractor="某某公司", supervisor="赵刚"),
                       None, SETTINGS, TODAY)
    h = lifecycle.plan(h, PlanInput(contract="HT-1"), None, SETTINGS, TODAY)
    assert h.contractor is not None
    assert (h.contractor.name, h.contractor.contract, h.contractor.supervisor) == (
        "某某公司", "HT-1", "赵刚")


def test_edit_logs_only_what_changed_and_cleans_names() -> None:
    record = hazard("rectifying")
    h = lifecycle.edit(record, {"title": record.title, "location": "别处",
                                "found_by": " 张\u200b伟 "}, "x", "李明", TODAY, None, (),
                       CONTEXT, TODAY)
    assert h.found_by == "张伟" and h.location == "别处"
    assert dict(h.corrections[-1].fields) == {"location": (record.location, "别处"),
                                              "found_by": ("李明", "张伟")}
    assert h.corrections[-1].approved_by is None


def test_edit_checks_a_new_source_against_the_list() -> None:
    with refused("error.unknown_source"):
        lifecycle.edit(hazard("rectifying"), {"source": "rumour"}, "x", "李明", TODAY, None,
                       (), CONTEXT, TODAY)


def test_an_upgrade_back_to_major_keeps_what_was_recorded_while_major() -> None:
    h = lifecycle.edit(major_hazard(), {"level": Level.GENERAL}, "复核", "李明", TODAY, "陈明",
                       (), CONTEXT, TODAY)
    h = lifecycle.edit(h, {"level": Level.MAJOR}, "再次复核", "李明", TODAY, None, ("停产",),
                       CONTEXT, TODAY)
    assert h.major is not None and h.major.basis == MAJOR["basis"]
    assert h.major.interim_measures == (*MAJOR["interim_measures"], "停产")


# --- a change replayed as steps ---------------------------------------------------------------

def _steps(old: Hazard | None, new: Hazard) -> list[tuple[str, str | None, int | None,
                                                       Status | None]]:
    return [(t.step, t.field, t.index, t.before) for t in replay(old, new).steps]


V, R = Status.VERIFYING, Status.RECTIFYING
PASSED = {"date": "2026-11-21", "by": "张伟", "result": "pass"}
EXTENSION = {"to": "2026-12-05", "reason": "x", "approved_by": "陈明", "approved_on": TODAY}
CORRECTION = {"date": TODAY, "by": "李明", "fields": {"location": ["a", "b"]}, "reason": "x"}


def test_replay_names_each_step_with_its_entry_and_status() -> None:
    assert _steps(None, hazard("closed")) == [
        ("register", None, None, None), ("start", None, None, Status.REPORTED),
        ("rectify", "rectifications", 0, R), ("close", "verifications", 0, V)]
    assert _steps(hazard("rectifying"), hazard("closed")) == [
        ("rectify", "rectifications", 0, R), ("close", "verifications", 0, V)]
    assert _steps(hazard("verifying"), Hazard.model_validate(FAILED)) == [
        ("reject", "verifications", 0, V)]
    assert _steps(hazard("reported", plan=None), hazard("rectifying")) == [
        ("start", None, None, Status.REPORTED)]
    assert _steps(hazard("reported"), hazard("reported", plan={"measures": ["x"]})) == []
    reopened = data("rectifying", rectifications=FAILED["rectifications"],
                    verifications=[PASSED], documents={"after": ["after-1.jpg"]},
                    reopenings=[{"date": "2026-11-21", "by": "陈明", "reason": "复发",
                                 "deadline": "2026-12-10"}])
    assert _steps(hazard("closed"), Hazard.model_validate(reopened)) == [
        ("reopen", "reopenings", 0, Status.CLOSED)]
    voided = replay(hazard("rectifying"), hazard("void", plan=data("rectifying")["plan"]))
    assert [(t.step, t.field, t.before) for t in voided.steps] == [("void", "void", R)]
    assert voided.steps[0].entry.reason == "重复登记" and voided.problem is None


def test_replay_indexes_only_the_appended_entries() -> None:
    one = hazard("rectifying", extensions=[EXTENSION], corrections=[CORRECTION])
    two = hazard("rectifying", extensions=[EXTENSION, {**EXTENSION, "to": "2026-12-09"}],
                 corrections=[CORRECTION, CORRECTION])
    done = replay(one, two)
    assert [(t.step, t.field, t.index) for t in done.steps] == [
        ("extend", "extensions", 1), ("edit", "corrections", 1)]
    assert [t.index for t in done.of("extend")] == [1] and done.problem is None
    assert replay(None, two).of("edit")[1].entry == two.corrections[1]


@pytest.mark.parametrize(("old", "new", "problem"), [
    (hazard("closed"), hazard("closed", rectifications=[
        *data("closed")["rectifications"], {"completed_on": "2026-11-21", "by": "王强",
                                            "actions": "x", "documents": ["after-1.jpg"]}]),
     Msg("replay.round_when", status=Status.CLOSED)),
    (hazard("rectifying"), hazard("rectifying", verifications=[
        {"date": "2026-11-21", "by": "张伟", "result": "fail", "notes": "x"}]),
     Msg("replay.verification_when", status=R)),
    (hazard("rectifying"), hazard("rectifying", reopenings=[
        {"date": "2026-11-21", "by": "陈明", "reason": "x"}]),
     Msg("replay.reopen_when", status=R)),
    (hazard("closed"), hazard("void", **{k: v for k, v in data("closed").items()
                                         if k != "status"}),
     Msg("replay.void_from", status=Status.CLOSED)),
    (hazard("rectifying"), hazard("closed", rectifications=None, verifications=None),
     Msg("replay.status", before=R, after=Status.CLOSED)),
    (None, hazard("closed", rectifications=None, verifications=None),
     Msg("replay.status", before=None, after=Status.CLOSED)),
])
def test_a_change_no_step_explains_says_where_it_stuck(old: Hazard | None, new: Hazard,
                                                       problem: Msg) -> None:
    assert replay(old, new).problem == problem
    assert Violation("status-jump", "status", problem) in check_change(old, new, SETTINGS,
                                                                       TODAY)


# --- the rules of a change, exactly -----------------------------------------------------------

ROUND_1 = data("closed")["rectifications"][0]


def _field(name: str) -> Msg:
    return Msg(f"field.{name}")


@pytest.mark.parametrize(("old", "new", "expected"), [
    # an append-only list: an entry changed or dropped, reported once per list
    (hazard("closed"), hazard("closed", verifications=[{**PASSED, "notes": "改"}]),
     [Violation("append-only", "verifications.0", Msg("rule.append_only",
                                                      field=_field("verifications"))),
      Violation("closed-edited", "status", Msg("rule.closed_edited"))]),
    (hazard("verifying", rectifications=[ROUND_1, ROUND_1]), hazard("verifying"),
     [Violation("append-only", "rectifications.1", Msg("rule.append_only",
                                                       field=_field("rectifications")))]),
    (hazard("rectifying", extensions=[EXTENSION]),
     hazard("rectifying", extensions=[{**EXTENSION, "reason": "y"}], corrections=[]),
     [Violation("append-only", "extensions.0", Msg("rule.append_only",
                                                   field=_field("extensions")))]),
    (hazard("void"), hazard("void", void={"reason": "改", "by": "陈明", "date": "2026-11-17"}),
     [Violation("append-only", "void", Msg("rule.append_only", field=_field("void")))]),
    # a closed record: nothing changes, documents included, unless it is reopened
    (hazard("closed"), hazard("closed", documents={"after": ["after-1.jpg"],
                                                   "other": ["x.pdf"]}),
     [Violation("closed-edited", "status", Msg("rule.closed_edited")),
      Violation("documents-sealed", "documents", Msg("rule.documents_sealed"))]),
    # the deadline moves only by extension
    (hazard("rectifying"), hazard("rectifying", plan={**data("rectifying")["plan"],
                                                      "deadline": "2026-12-28"}),
     [Violation("deadline-moved", "plan.deadline", Msg(
         "rule.deadline_moved", old=D(2026, 11, 28), new=D(2026, 12, 28)))]),
    (hazard("reported", plan={"measures": ["x"], "deadline": "2026-11-28"}),
     hazard("reported", plan={"measures": ["x"]}),
     [Violation("deadline-moved", "plan.deadline", Msg(
         "rule.deadline_moved", old=D(2026, 11, 28), new="—"))]),
    (hazard("reported", plan={"measures": ["x"]}),
     hazard("reported", plan={"measures": ["x"], "deadline": "2026-11-28"}), []),
    # registered facts change through a correction that logs old and new
    (hazard("rectifying"), hazard("rectifying", location="别处"),
     [Violation("uncorrected-edit", "location", Msg("rule.uncorrected",
                                                     field=_field("location")))]),
    (hazard("rectifying"), hazard("rectifying", location="别处", corrections=[
        {**CORRECTION, "fields": {"location": ["三号泵站集水井", "别处"]}}]), []),
    (hazard("rectifying"), hazard("rectifying", location="别处", corrections=[
        {**CORRECTION, "fields": {"location": ["三号泵站集水井", "甲"]}},
        {**CORRECTION, "fields": {"location": ["甲", "别处"]}}]), []),
    (hazard("rectifying"), hazard("rectifying", location="别处", corrections=[
        {**CORRECTION, "fields": {"location": ["某处", "别处"]}}]),
     [Violation("uncorrected-edit", "location", Msg("rule.uncorrected",
                                                     field=_field("location")))]),
    (hazard("rectifying"), hazard("rectifying", found_on="2026-11-15", corrections=[
        {**CORRECTION, "fields": {"found_on": ["2026-11-16", "2026-11-15"]}}]), []),
    (hazard("rectifying"), hazard("rectifying", unit="RQ", corrections=[
        {**CORRECTION, "fields": {"unit": ["SW", "RQ"]}}]),
     [Violation("uncorrected-edit", "unit", Msg("rule.uncorrected", field=_field("unit")))]),
    # a downgrade from major needs an approved correction
    (major_hazard(), major_hazard(level="general", corrections=[
        {**CORRECTION, "fields": {"level": ["major", "general"]}}]),
     [Violation("downgrade", "level", Msg("rule.downgrade"))]),
    (major_hazard(), major_hazard(level="general", corrections=[
        {**CORRECTION, "fields": {"level": ["major", "general"]}, "approved_by": "陈明"}]), []),
    # a major hazard's facts: interim measures appended, the rest written once
    (major_hazard(), major_hazard(major={**MAJOR, "interim_measures": ["停止集水井作业"]}),
     [Violation("append-only", "major.interim_measures", Msg(
         "rule.append_only", field=_field("interim_measures")))]),
    (major_hazard(), major_hazard(major={**MAJOR, "interim_measures": [
        *MAJOR["interim_measures"], "局部停产"]}), []),
    (major_hazard(), major_hazard(major={**MAJOR, "reported_to": "市应急管理局"}),
     [Violation("append-only", "major.reported_to", Msg("rule.write_once",
                                                        field=_field("reported_to")))]),
    (major_hazard(major={k: v for k, v in MAJOR.items() if k != "objectives"}),
     major_hazard(), []),
])
def test_each_rule_of_a_change_exactly(old: Hazard, new: Hazard,
                                       expected: list[Violation]) -> None:
    assert check_change(old, new, SETTINGS, TODAY) == expected


ASSESSED = {**MAJOR, "assessment": {"date": "2026-11-20", "by": "评价公司", "result": "pass"}}


def test_a_passed_assessment_is_kept_and_a_failed_one_may_be_superseded() -> None:
    failed = {**MAJOR, "assessment": {**ASSESSED["assessment"], "result": "fail"}}
    assert check_change(major_hazard("verifying", major=failed),
                        major_hazard("verifying", major=ASSESSED), SETTINGS, TODAY) == []
    assert check_change(major_hazard("verifying", major=ASSESSED),
                        major_hazard("verifying", major=failed), SETTINGS, TODAY) == [
        Violation("append-only", "major.assessment",
                  Msg("rule.write_once", field=_field("assessment")))]


@pytest.mark.parametrize(("recorded", "rule"), [
    (D(2026, 11, 20), "future-entry"), (D(2026, 11, 21), None), (D(2026, 11, 28), None),
    (D(2026, 11, 29), "late-entry")])
def test_entries_are_dated_within_the_late_entry_window(recorded: dt.date,
                                                        rule: str | None) -> None:
    old = hazard("verifying")
    new = hazard("closed")  # verified on 11-21
    found = check_change(old, new, SETTINGS, recorded)
    if rule is None:
        assert found == []
    elif rule == "future-entry":
        assert found == [Violation(rule, "verifications.0", Msg(
            "rule.future", date=D(2026, 11, 21), recorded=recorded))]
    else:
        assert found == [Violation(rule, "verifications.0", Msg(
            "rule.late", date=D(2026, 11, 21), recorded=recorded, days=7))]


def test_a_major_hazards_dates_are_checked_when_they_change() -> None:
    old = major_hazard("verifying", major=MAJOR)
    new = major_hazard("verifying", major={
        **ASSESSED, "assessment": {**ASSESSED["assessment"], "date": "2026-11-22"}})
    assert check_change(old, new, SETTINGS, TODAY) == [Violation(
        "future-entry", "major.assessment", Msg("rule.future", date=D(2026, 11, 22),
                                                recorded=TODAY))]
    # an old report date is not checked again
    assert check_change(new, new, SETTINGS, D(2026, 12, 30)) == []
    signed = {**ASSESSED, "signoff": {"date": "2026-11-22", "by": "区安委办"}}
    assert check_change(major_hazard("verifying", major=ASSESSED),
                        major_hazard("verifying", major=signed), SETTINGS, TODAY) == [
        Violation("future-entry", "major.signoff", Msg("rule.future", date=D(2026, 11, 22),
                                                       recorded=TODAY))]


def test_people_a_change_names_are_checked_against_the_roster() -> None:
    team = hazard("reported", found_by="李明,外人")
    assert check_change(None, team, ROSTER, TODAY) == [Violation(
        "unknown-person", "found_by", Msg("rule.not_on_roster", name="外人"))]
    assert check_change(hazard("reported"), hazard("reported"), ROSTER, TODAY) == []
    old = hazard("rectifying", contractor={"name": "某公司", "supervisor": "赵刚"})
    new = hazard("rectifying", contractor={"name": "某公司", "supervisor": "钱七"})
    assert check_change(old, new, ROSTER, TODAY) == [Violation(
        "unknown-person", "contractor.supervisor", Msg("rule.not_on_roster", name="钱七"))]
    assert check_change(new, new, ROSTER, TODAY) == []  # named before: not checked again


def test_a_later_rounds_rectifier_may_verify_an_earlier_round() -> None:
    # 赵刚 verified (and failed) round 1, then did round 2; 张伟 closes round 2
    record = data("closed", rectifications=[
        {**ROUND_1, "completed_on": "2026-11-18"},
        {**ROUND_1, "completed_on": "2026-11-20", "by": "赵刚"}],
        verifications=[{"date": "2026-11-19", "by": "赵刚", "result": "fail", "notes": "x"},
                       PASSED])
    assert check_change(None, Hazard.model_validate(record), SETTINGS, TODAY) == []
    record["verifications"] = [record["verifications"][0], {**PASSED, "by": "赵刚"}]
    assert check_change(None, Hazard.model_validate(record), SETTINGS, TODAY) == [
        Violation("invalid", "verifications.1.by",
                  Msg("rule.independent.rectifier", name="赵刚")),
        Violation("independence", "verifications.1.by",
                  Msg("rule.independent.rectifier", name="赵刚"))]


def test_when_a_root_cause_is_required() -> None:
    from safecheck.lifecycle.rules import root_cause_required

    assert not root_cause_required(hazard("closed"), SETTINGS)  # as audit asks it
    assert root_cause_required(hazard("closed"), SETTINGS, major=True)
    assert root_cause_required(major_hazard("closed"), SETTINGS)
    assert root_cause_required(hazard("closed", source="district-inspection"), SETTINGS)


def test_a_step_checks_only_the_people_it_names() -> None:
    # registered before the roster listed its inspector: later steps are not refused for it
    record = hazard("rectifying", found_by="外人")
    h = lifecycle.rectify(record, "王强", "x", TODAY, ["a.jpg"], None, ROSTER, TODAY)
    h = lifecycle.reject(h, "张伟", "不全", TODAY, ROSTER, TODAY)
    h = lifecycle.extend(h, D(2026, 12, 5), "x", "陈明", TODAY, ROSTER, TODAY)
    assert h.status is Status.RECTIFYING and h.verifications[-1].notes == "不全"


def test_a_value_the_record_cannot_hold_is_refused_with_its_field() -> None:
    with pytest.raises(RefusedTransition) as refusal:
        lifecycle.plan(hazard("reported"), PlanInput(funding=-5), None, SETTINGS, TODAY)
    reason = refusal.value.reason
    assert isinstance(reason, Msg) and reason.key == "refuse.field"
    assert reason.params["field"] == "plan.funding.amount"
    assert refusal.value.msg == Msg("refuse", verb=Msg("verb.plan"), id=ID, reason=reason)


def test_the_whole_plan_is_stored_as_given() -> None:
    h = lifecycle.plan(hazard("reported"), PlanInput(
        measures=("a",), responsible="王强", responsible_department="运营部", funding=10,
        funding_source="安全生产费用", currency="USD", deadline=D(2026, 11, 30),
        contingency_plan="围挡"), None, SETTINGS, TODAY)
    assert h.plan is not None and h.plan.responsible is not None and h.plan.funding is not None
    assert (h.plan.responsible.person, h.plan.responsible.department) == ("王强", "运营部")
    assert (h.plan.funding.amount, h.plan.funding.source, h.plan.funding.currency) == (
        10, "安全生产费用", "USD")
    assert (h.plan.deadline, h.plan.contingency_plan) == (D(2026, 11, 30), "围挡")


def test_a_role_violation_names_the_field_and_the_role() -> None:
    roster = Settings.model_validate({**SETTINGS.model_dump(), "people": [
        {"name": "张伟", "unit": "RQ", "roles": ["verifier"]}, {"name": "王强", "unit": "SW"},
        {"name": "李明", "unit": "SW"}]})
    assert check_change(hazard("verifying"), hazard("closed"), roster, TODAY) == [
        Violation("role", "verifications.0.by", Msg("rule.role", name="张伟",
                                                    role=Msg("role.verifier"), unit="SW"))]
