"""Words of the history: events in one hazard's life."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "event.created": ("登记（{status}）", "registered ({status})"),
    "event.status": ("状态 {before} → {after}", "status {before} → {after}"),
    "event.plan-completed": ("五到位整改方案完整（时限 {deadline}）",
                             "plan complete (deadline {deadline})"),
    "event.extended": ("延期至 {to}（{approved_by} 批准，{on}）",
                       "extended to {to} (approved by {approved_by}, {on})"),
    "event.rectified": ("第{round}轮整改完成 {on}（{by}）：{documents}",
                        "round {round} rectified {on} ({by}): {documents}"),
    "event.verified": ("验收{result}（{by}，{on}）", "verified: {result} ({by}, {on})"),
    "event.corrected": ("更正：{changes}（{by}：{reason}）",
                        "corrected: {changes} ({by}: {reason})"),
    "event.closed": ("销号（验收人 {verified_by}）", "closed (verified by {verified_by})"),
    "event.reopened": ("撤销销号：{reason}（{by}，新时限 {deadline}）",
                       "reopened: {reason} ({by}, new deadline {deadline})"),
    "event.voided": ("作废：{reason}（{by}）", "voided: {reason} ({by})"),
    "event.edited": ("修改：{changes}", "changed: {changes}"),
    "event.renamed": ("文件移动 {from} → {to}", "file renamed {from} → {to}"),
    "event.id-changed": ("编号变更 {from} → {to}", "ID changed {from} → {to}"),
    "event.deleted": ("记录被删除", "record deleted"),
    "event.invalid": ("无效记录：{problem}", "invalid record: {problem}"),
    "event.documents": ("增加资料：{added}", "documents added: {added}"),
    "event.documents-removed": ("移除资料：{removed}", "documents removed: {removed}"),
}
