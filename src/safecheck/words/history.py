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
WORDS.update({
    "review.no_base": ("找不到审查基准分支“{name}”或“origin/{name}”（请用 --base 指定，或在 safecheck.yaml 中设置 base_branch）",
                       "no base branch '{name}' or 'origin/{name}' (give --base, or set base_branch "
                       "in safecheck.yaml)"),
    "review.base_is_head": ("审查基准就是被审查的提交本身（{base}），没有可审查的内容：请检查 --base、CI 的目标分支或 base_branch",
                            "the review's base is the reviewed commit itself ({base}); nothing "
                            "would be reviewed: check --base, the CI's target branch or "
                            "base_branch"),
    "review.settings.value": ("{name}：{old} → {new}", "{name}: {old} → {new}"),
    "review.settings.person_added": ("人员名单增加 {name}（角色：{roles}）", "roster: {name} added "
                                     "(roles: {roles})"),
    "review.settings.person_removed": ("人员名单删除 {name}", "roster: {name} removed"),
    "review.settings.person_changed": ("人员名单中 {name} 的 {fields} 被修改", "roster: {name}: "
                                       "{fields} changed"),
    "review.settings.same": ("文件被修改，设置内容相同", "the file changed; the settings are the same"),
    "review.settings_changed": ("本次变更修改了 safecheck.yaml（本次审查仍按基准版本的设置进行，须由有权限的人单独合并）：{changes}",
                                "safecheck.yaml changed in this range (the review still uses "
                                "the settings at the base; settings are merged on their own by "
                                "someone with the authority to): {changes}"),
    "review.deleted": ("记录被删除：台账记录只能作废，不能删除", "the record was deleted; records are "
                       "voided, never deleted"),
    "review.invalid": ("提交后的记录无效：{problem}", "the commit left an invalid record: {problem}"),
    "review.id_changed": ("编号从 {old} 改为 {new}", "the ID changed from {old} to {new}"),
    "review.moved": ("记录文件被移动到 {path}，与其编号不符", "the record was moved to {path}, "
                     "which does not match its ID"),
    "review.field": ("{field}：{message}", "{field}: {message}"),
    "review.closure_author": ("销号提交由 {author} 作出，既不是验收记录中的验收人 {verifier}，也不是台账管理员",
                              "the closing commit is by {author}, neither the verifier it names "
                              "({verifier}) nor a keeper"),
    "review.unsigned": ("销号提交没有有效签名（rules: signed-closures）",
                        "the closing commit has no good signature (rules: signed-closures)"),
    "review.document_sealed": ("已销号隐患的资料 {name} 被修改或删除", "document {name} of a "
                               "closed hazard was changed or removed"),
    "review.missing_documents": ("资料不在最终版本中：{names}", "documents not in the tree: {names}"),
})
WORDS.update({
    "review.range": ("{base}..{head}，{count} 个提交", "{base}..{head}, {count} commits"),
    "review.status_change": ("状态变化", "Status"),
    "review.changes": ("变化", "Changes"),
    "review.failed": ("审查未通过", "review failed"),
    "review.passed": ("审查通过", "review passed"),
    "review.count": ("：{count} 项", ": {count}"),
    "history.change": ("{field}：{old} → {new}", "{field}: {old} → {new}"),
    "history.separator": ("；", "; "),
    "event.kind.created": ("登记", "registered"),
    "event.kind.status": ("状态", "status"),
    "event.kind.plan-completed": ("五到位完整", "plan complete"),
    "event.kind.extended": ("延期", "extended"),
    "event.kind.rectified": ("整改", "rectified"),
    "event.kind.verified": ("验收", "verified"),
    "event.kind.corrected": ("更正", "corrected"),
    "event.kind.closed": ("销号", "closed"),
    "event.kind.reopened": ("撤销销号", "reopened"),
    "event.kind.voided": ("作废", "voided"),
    "event.kind.edited": ("修改", "changed"),
    "event.kind.renamed": ("移动文件", "renamed"),
    "event.kind.id-changed": ("编号变更", "ID changed"),
    "event.kind.deleted": ("删除", "deleted"),
    "event.kind.invalid": ("无效", "invalid"),
    "event.kind.documents": ("资料", "documents"),
    "event.kind.documents-removed": ("移除资料", "documents removed"),
})
