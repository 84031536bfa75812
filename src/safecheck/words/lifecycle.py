"""Messages of the lifecycle: refusals of commands and broken rules of records."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "list": ("{items}", "{items}"),
    # parts of the five in place and of a major hazard's governance plan, in sentences
    "part.measures": ("整改措施", "measures"),
    "part.responsible": ("责任人", "responsible person"),
    "part.funding": ("整改资金", "funding"),
    "part.deadline": ("整改时限", "deadline"),
    "part.contingency_plan": ("应急预案", "contingency plan"),
    "part.basis": ("重大隐患判定依据", "basis (major.basis)"),
    "part.objectives": ("治理目标和任务", "objectives (major.objectives)"),
    "part.plan_approved_by": ("治理方案批准人", "approval of the governance plan "
                              "(major.plan_approved_by)"),
    # the steps, as verbs in "cannot <verb> <id>"
    "verb.register": ("登记", "register"),
    "verb.plan": ("修改整改方案", "change the plan of"),
    "verb.start": ("开始整改", "start rectifying"),
    "verb.major": ("记录重大隐患治理信息", "record the major-hazard step of"),
    "verb.extend": ("延期", "extend"),
    "verb.rectify": ("记录整改", "record the rectification of"),
    "verb.close": ("销号", "close"),
    "verb.reject": ("记录验收不合格", "reject"),
    "verb.reopen": ("撤销销号", "reopen"),
    "verb.void": ("作废", "void"),
    "verb.edit": ("更正", "edit"),
    "verb.attach": ("补充资料", "attach documents to"),
    # refusals
    "refuse": ("不能{verb} {id}：{reason}", "cannot {verb} {id}: {reason}"),
    "refuse.status": ("当前状态为{status}，此操作仅适用于：{allowed}",
                      "it is {status}; this needs: {allowed}"),
    "refuse.field": ("{field}：{problem}", "{field}: {problem}"),
    "refuse.missing": ("缺少{fields}", "missing {fields}"),
    "refuse.no_item": ("检查表 {domain} 中没有检查项 {item}", "checklist {domain} has no item {item}"),
    "refuse.contractor_name": ("填写承包单位合同、协议或监管人时须同时填写承包单位名称（--contractor）",
                               "a contractor's contract, agreement or supervisor needs the "
                               "contractor's name (--contractor)"),
    "refuse.plan.nothing": ("没有要修改的内容（请提供 --measure、--responsible、--funding、"
                            "--deadline、--contingency-plan、--root-cause 等）",
                            "nothing to change (give --measure, --responsible, --funding, "
                            "--deadline, --contingency-plan, --root-cause ...)"),
    "refuse.plan.deadline": ("整改时限已定为 {deadline}，调整须经批准延期（safecheck extend）",
                             "the deadline is already {deadline}; moving it needs an approved "
                             "extension (safecheck extend)"),
    "refuse.major.not_major": ("它不是重大隐患", "it is not a major hazard"),
    "refuse.major.nothing": ("没有要记录的内容（请提供 --reported-on、--reported-to、"
                             "--supervised-by、--basis、--objectives、--plan-approved-by、"
                             "--assessed-on、--signoff-on 等）",
                             "nothing to record (give --reported-on, --reported-to, "
                             "--supervised-by, --basis, --objectives, --plan-approved-by, "
                             "--assessed-on, --signoff-on ...)"),
    "refuse.major.too_early": ("治理后评估和督办销号须在整改完成、待验收时记录（当前：{status}）",
                               "the assessment and sign-off come after the work, while the "
                               "hazard awaits verification (it is {status})"),
    "refuse.extend.no_deadline": ("尚无整改时限，请先用 safecheck plan 设定",
                                  "it has no deadline yet; set one with safecheck plan"),
    "refuse.rectify.no_plan": ("五到位整改方案尚不完整，缺少：{missing}",
                               "the plan is not complete yet; missing: {missing}"),
    "refuse.rectify.no_documents": ("整改须附至少一份资料（--document 照片或表单）：一个问题一套整改资料",
                                    "a rectification needs at least one document (--document "
                                    "PHOTO_OR_FORM): one problem, one set of documents"),
    "refuse.before": ("{date} 早于{what}（{when}）", "{date} is before {what} ({when})"),
    "refuse.reject.notes": ("请说明仍存在的问题（--notes）", "say what is still wrong (--notes)"),
    "refuse.edit.field": ("不能用 edit 修改：{fields}（状态、整改时限、延期、整改、验收和资料有各自的命令）",
                          "edit cannot change {fields} (status, deadline, extensions, rounds, "
                          "verifications and documents have their own commands)"),
    "refuse.edit.nothing": ("没有与现值不同的更正内容", "nothing differs from the current values"),
    "refuse.attach.nothing": ("请用 --document 提供资料", "give the documents with --document"),
    "word.failed_verification": ("验收不合格", "the failed verification"),
    "word.reopening": ("撤销销号", "the reopening"),
    "word.rectification": ("整改完成", "the rectification"),
    "word.closing": ("销号", "the closing"),
    # rules on one record
    "rule.independent.responsible": ("{name}是整改责任人，不能验收本人负责的整改",
                                     "{name} is the responsible person and cannot verify "
                                     "their own rectification"),
    "rule.independent.rectifier": ("{name}参与了整改，不能验收自己的整改",
                                   "{name} did the rectification and cannot verify it"),
    "rule.independent.extend": ("{name}是整改责任人，不能批准本人的延期",
                                "{name} is the responsible person and cannot approve their "
                                "own extension"),
    "rule.independent.void": ("{name}是整改责任人，不能作废本人负责的隐患",
                              "{name} is the responsible person and cannot void their own "
                              "hazard"),
    "rule.independent.edit": ("{name}是整改责任人，不能批准降级本人负责的隐患",
                              "{name} is the responsible person and cannot approve the "
                              "downgrade of their own hazard"),
    "rule.contractor.supervisor": ("外包作业须有发包单位现场监管人（不得以包代管）",
                                   "outsourced work needs an internal supervisor (no "
                                   "hands-off outsourcing)"),
    "rule.status.should_rectify": ("五到位整改方案已完整，状态应为整改中而非已登记",
                                   "the plan is complete, so the status should be rectifying, "
                                   "not reported"),
    "rule.plan.incomplete": ("状态为{status}须有完整的五到位整改方案，缺少：{missing}",
                             "status {status} needs the complete five-in-place plan; missing: "
                             "{missing}"),
    "rule.major.interim": ("重大隐患登记时须有临时管控措施（major.interim_measures：停产停用、撤人、警戒等）",
                           "a major hazard needs its interim control measures from "
                           "registration (major.interim_measures)"),
    "rule.void.block": ("作废的隐患须有作废信息 {{reason, by, date}}",
                        "a voided hazard needs a void block {{reason, by, date}}"),
    "rule.void.only_void": ("只有已作废的隐患才有作废信息（当前状态：{status}）",
                            "only a voided hazard has a void block (status is {status})"),
    "rule.round.documents": ("整改资料未列入 documents：{names}",
                             "documents not listed under documents: {names}"),
    "rule.status.needs_round": ("状态为{status}须有整改记录", "status {status} needs a "
                                "rectification round"),
    "rule.status.needs_evidence": ("状态为{status}须有至少一份整改后照片或资料",
                                   "status {status} needs at least one document showing the "
                                   "fix (after or other)"),
    "rule.closed.needs_pass": ("已销号的隐患最后一次验收须为合格",
                               "a closed hazard needs a passing last verification"),
    "rule.closed.after_reopen": ("隐患在最后一次验收后被撤销销号，须重新验收才能销号",
                                 "the hazard was reopened after its last verification; it "
                                 "needs a new one to close"),
    "rule.status.should_close": ("最后一次验收合格，状态应为已销号而非{status}",
                                 "the last verification passed, so the status should be "
                                 "closed, not {status}"),
    "rule.round.before_verification": ("待验收的整改须在上次验收（{date}）之后完成",
                                       "a round awaiting verification must be completed after "
                                       "the last verification ({date})"),
    "rule.date.before_found": ("{date} 早于隐患排查日期（{found}）",
                               "{date} is before the hazard was found ({found})"),
    "rule.date.order": ("记录须按日期先后排列", "entries must be in date order"),
    "rule.extension.no_deadline": ("延期须有原整改时限", "an extension needs a plan deadline "
                                   "to extend"),
    "rule.extension.later": ("延期须晚于现有时限（{to} 不晚于 {deadline}）",
                             "an extension must move the deadline later ({to} is not after "
                             "{deadline})"),
    "rule.closed.before_round": ("销号验收日期早于整改完成日期（{date}）",
                                 "the closing verification is dated before the rectification "
                                 "was completed ({date})"),
    "rule.reopen.deadline_past": ("新的整改时限 {deadline} 早于撤销销号日期 {date}",
                                  "the new deadline {deadline} is before the reopening "
                                  "({date})"),
    # rules on a change
    "rule.root_cause": ("须先填写原因分析再销号：safecheck plan ID --root-cause …、"
                        "rectify --root-cause … 或 edit ID --root-cause …",
                        "it needs its root cause before it is signed off: set it with "
                        "safecheck plan ID --root-cause …, rectify --root-cause … or edit "
                        "ID --root-cause …"),
    "rule.major.assessment": ("重大隐患销号前须有合格的治理后评估（safecheck major ID --assessed-on …）",
                              "a major hazard needs a passing assessment before closing "
                              "(safecheck major ID --assessed-on …)"),
    "rule.major.signoff": ("重大隐患由{authority}挂牌督办，销号须有其审查同意（safecheck major ID --signoff-on …）",
                           "{authority} supervises this major hazard; closing needs its "
                           "sign-off (safecheck major ID --signoff-on …)"),
    "rule.append_only": ("{field}只能追加，已有记录被修改或删除",
                         "{field} is append-only: an existing entry was changed or removed"),
    "rule.write_once": ("{field}一经记录不得修改", "{field} was already recorded and cannot "
                        "change"),
    "rule.closed_edited": ("已销号的隐患被修改，但未撤销销号",
                           "a closed hazard changed without being reopened"),
    "rule.documents_sealed": ("已销号隐患的整改资料已封存，不得修改",
                              "the documents of a closed hazard are sealed"),
    "rule.deadline_moved": ("整改时限从 {old} 改为 {new}：时限只能通过批准延期调整",
                            "the deadline moved from {old} to {new}: only an approved "
                            "extension moves it"),
    "rule.uncorrected": ("{field}被修改但没有更正记录（请用 safecheck edit）",
                         "{field} changed without a correction (use safecheck edit)"),
    "rule.downgrade": ("重大隐患降级须经审批人批准（--approved-by，且不是整改责任人）",
                       "a downgrade from major needs an approver (--approved-by, not the "
                       "responsible person)"),
    "rule.future": ("日期 {date} 晚于记录日期 {recorded}", "the date {date} is after the "
                    "day it is recorded ({recorded})"),
    "rule.late": ("日期 {date} 比记录日期 {recorded} 早 {days} 天以上（late_entry_days）",
                  "the date {date} is more than {days:plural:day} before the day it is "
                  "recorded ({recorded}; late_entry_days)"),
    "rule.not_on_roster": ("{name}不在 safecheck.yaml 的人员名单中",
                           "{name} is not on the people roster in safecheck.yaml"),
    "rule.role": ("{name}不是{unit}的{role}（safecheck.yaml 人员名单）",
                  "{name} is not a {role} for {unit} in safecheck.yaml"),
    # replaying a change through the transitions table
    "replay.void_from": ("状态为{status}的隐患不能作废", "a {status} hazard cannot be voided"),
    "replay.status": ("状态从{before}变为{after}，不是一个整改流程步骤",
                      "status {before} → {after} is not a lifecycle step"),
    "replay.round_when": ("状态为{status}时不能增加整改记录",
                          "a rectification round was added while {status}"),
    "replay.verification_when": ("状态为{status}时不能增加验收记录",
                                 "a verification was added while {status}"),
    "replay.reopen_when": ("状态为{status}时不能撤销销号", "a reopening was added while "
                           "{status}"),
}
WORDS.update({
    "refuse.inspection_item": ("不合格项 {item} 无法登记为隐患：{reason}",
                               "failed item {item} cannot become a hazard: {reason}"),
})
