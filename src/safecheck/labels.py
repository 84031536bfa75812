"""Words shown to people, in Chinese and English. The files keep English keys; screens,
prompts and reports use these labels in the configured locale."""

from __future__ import annotations

from safecheck.vocab import Locale

_LABELS: dict[str, tuple[str, str]] = {
    # statuses
    "status.reported": ("已登记", "reported"),
    "status.rectifying": ("整改中", "rectifying"),
    "status.verifying": ("待验收", "verifying"),
    "status.closed": ("已销号", "closed"),
    "status.void": ("已作废", "void"),
    # levels
    "level.general": ("一般隐患", "general"),
    "level.major": ("重大隐患", "major"),
    # verification results
    "result.pass": ("通过", "pass"),
    "result.fail": ("不通过", "fail"),
    # sources
    "source.self-inspection": ("自查", "self-inspection"),
    "source.group-inspection": ("集团检查", "group inspection"),
    "source.district-inspection": ("区检查组检查", "district inspection team"),
    "source.resident-supervision": ("驻场安全监督", "resident safety supervisor"),
    "source.regulator": ("监管部门检查", "regulator"),
    "source.report": ("举报", "report"),
    "source.accident-lesson": ("事故教训举一反三", "lesson from an accident"),
    # fields
    "id": ("编号", "ID"),
    "title": ("隐患名称", "Title"),
    "description": ("隐患描述", "Description"),
    "unit": ("单位", "Unit"),
    "department": ("部门", "Department"),
    "location": ("位置", "Location"),
    "domain": ("排查领域", "Domain"),
    "checklist_item": ("检查项", "Checklist item"),
    "inspection": ("排查记录", "Inspection"),
    "level": ("隐患等级", "Level"),
    "source": ("隐患来源", "Source"),
    "found_on": ("发现日期", "Found on"),
    "found_by": ("发现人", "Found by"),
    "root_cause": ("原因分析", "Root cause"),
    "plan": ("五到位整改方案", "Five-in-place plan"),
    "measures": ("整改措施", "Measures"),
    "responsible": ("责任人", "Responsible"),
    "funding": ("整改资金", "Funding"),
    "deadline": ("整改时限", "Deadline"),
    "effective_deadline": ("整改期限", "Deadline"),
    "contingency_plan": ("应急预案", "Contingency plan"),
    "contractor": ("承包单位", "Contractor"),
    "contract": ("合同", "Contract"),
    "supervisor": ("内部监管人", "Internal supervisor"),
    "extensions": ("延期", "Extensions"),
    "rectification": ("整改情况", "Rectification"),
    "completed_on": ("完成日期", "Completed on"),
    "rectified_by": ("整改人", "Rectified by"),
    "actions": ("整改内容", "Actions"),
    "verifications": ("验收", "Verifications"),
    "reopenings": ("重新打开", "Reopenings"),
    "documents": ("整改资料", "Documents"),
    "void": ("作废", "Void"),
    "status": ("状态", "Status"),
    "overdue": ("逾期", "Overdue"),
    "days_overdue": ("逾期天数", "Days overdue"),
    "days": ("天", "days"),
    "rule": ("规则", "Rule"),
    "severity": ("级别", "Severity"),
    "message": ("说明", "Message"),
    "file": ("文件", "File"),
    "hazards": ("条隐患", "hazards"),
    "none": ("无", "none"),
    "missing": ("缺少", "missing"),
    "name": ("名称", "Name"),
    "frequency": ("排查频次", "Frequency"),
    "items": ("检查项数", "Items"),
    "text": ("检查内容", "Check"),
    "basis": ("依据", "Basis"),
    "errors": ("错误", "errors"),
    "warnings": ("警告", "warnings"),
    "records": ("条记录", "records"),
    "as_of": ("截至", "as of"),
    "audit_ok": ("审核通过", "audit passed"),
    "audit_failed": ("审核未通过", "audit failed"),
}


def label(key: str, locale: Locale | str) -> str:
    """The label for ``key`` in ``locale``; the key itself when there is none."""
    pair = _LABELS.get(key)
    if pair is None:
        return key.split(".", 1)[-1]
    return pair[1] if locale == Locale.EN else pair[0]


def status_label(status: str, locale: Locale | str) -> str:
    """已登记 / reported ..."""
    return label(f"status.{status}", locale)


def level_label(level: str, locale: Locale | str) -> str:
    """一般隐患 / general, 重大隐患 / major."""
    return label(f"level.{level}", locale)


def source_label(source: str, locale: Locale | str) -> str:
    """The label of a hazard source; unknown sources show as they are written."""
    return label(f"source.{source}", locale)
