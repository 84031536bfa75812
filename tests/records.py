"""Hazard records for unit tests, built as data the way the files hold them."""

from __future__ import annotations

import copy
from typing import Any

from safecheck.models.hazard import Hazard

REPORTED: dict[str, Any] = {
    "kind": "hazard", "schema": 2, "id": "SW-20261116-7KQF",
    "title": "三号泵站集水井入口无有限空间警示标志",
    "description": "集水井入口未设置警示标志，井盖未上锁。\n", "unit": "SW",
    "department": "运营部", "location": "三号泵站集水井", "domain": "confined-space",
    "checklist_item": "CS-02", "level": "general", "source": "self-inspection",
    "found_on": "2026-11-16", "found_by": "李明", "status": "reported",
}
PLAN: dict[str, Any] = {
    "measures": ["设置警示标志并加锁", "纳入有限空间台账"],
    "responsible": {"person": "王强", "department": "运营部"},
    "funding": {"amount": 1200, "currency": "CNY", "source": "安全生产费用"},
    "deadline": "2026-11-28", "contingency_plan": "整改完成前井口设置围挡，专人看护",
}


def data(status: str = "reported", **changes: Any) -> dict[str, Any]:
    """A consistent record in ``status``, with ``changes`` applied on top."""
    record = copy.deepcopy(REPORTED)
    if status != "reported":
        record["plan"] = copy.deepcopy(PLAN)
    if status in ("verifying", "closed"):
        record["rectifications"] = [{"completed_on": "2026-11-20", "by": "王强",
                                     "actions": "已设置警示标志并加装挂锁",
                                     "documents": ["after-1.jpg"]}]
        record["documents"] = {"after": ["after-1.jpg"]}
    if status == "closed":
        record["verifications"] = [{"date": "2026-11-21", "by": "张伟", "result": "pass",
                                    "notes": "现场复查合格"}]
    if status == "void":
        record["void"] = {"reason": "重复登记", "by": "陈明", "date": "2026-11-17"}
    record["status"] = status
    for key, value in changes.items():
        if value is None:
            record.pop(key, None)
        else:
            record[key] = value
    record["status"] = record.pop("status")  # last, as in the files
    return record


MAJOR: dict[str, Any] = {
    "basis": "《城镇燃气经营安全重大隐患判定标准》第五条",
    "interim_measures": ["停止集水井作业", "设置警戒区"],
    "reported_on": "2026-11-16", "reported_to": "区应急管理局",
    "objectives": "消除中毒窒息风险", "plan_approved_by": "陈明",
}


def hazard(status: str = "reported", **changes: Any) -> Hazard:
    """The validated model of :func:`data`."""
    return Hazard.model_validate(data(status, **changes))
