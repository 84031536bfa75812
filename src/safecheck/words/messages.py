"""General messages: files, settings, the command line, git."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "error.prefix": ("safecheck：错误：", "safecheck: error: "),
    "error.unknown_unit": ("未知单位“{code}”（safecheck.yaml 中有：{known}）",
                           "unknown unit '{code}' (safecheck.yaml lists: {known})"),
    "error.unknown_domain": ("未知排查领域“{domain}”（已有：{known}）",
                             "unknown domain '{domain}' (known: {known})"),
    "error.unknown_source": ("未知隐患来源“{source}”（safecheck.yaml 中有：{known}）",
                             "unknown source '{source}' (safecheck.yaml lists: {known})"),
}
WORDS.update({
    "error.locked": ("另一个 safecheck 命令正在修改台账，已等待 {seconds} 秒；请稍后重试，未写入任何内容",
                     "another safecheck command is changing the ledger; waited {seconds} s, "
                     "nothing was written: try again"),
})
WORDS.update({
    "commit.message": ("{verb} {id}：{detail}", "{verb} {id}: {detail}"),
    "commit.register": ("登记隐患", "Register hazard"),
    "commit.plan": ("完善整改方案", "Plan"),
    "commit.major": ("重大隐患治理", "Major-hazard step"),
    "commit.extend": ("延期", "Extend"),
    "commit.rectify": ("整改完成", "Rectify"),
    "commit.close": ("销号", "Close"),
    "commit.reject": ("验收不合格", "Reject"),
    "commit.reopen": ("撤销销号", "Reopen"),
    "commit.void": ("作废", "Void"),
    "commit.edit": ("更正", "Correct"),
    "commit.attach": ("补充资料", "Attach documents to"),
    "commit.migrate": ("台账记录升级为第2版格式", "Migrate records to schema 2"),
    "error.not_committed": ("已写入但未提交：{files}（{reason}）",
                            "written but not committed: {files} ({reason})"),
})
WORDS.update({
    "error.missing_options": ("缺少 {options}（或在终端上去掉 --no-input 以逐项填写）",
                              "missing {options} (or run on a terminal without --no-input "
                              "to be asked)"),
    # prompts
    "prompt.intro": ("登记隐患：请补充以下信息（直接回车采用方括号内的默认值）。",
                     "Register a hazard: answer the questions below (Enter takes the "
                     "[default])."),
    "prompt.again": ("请重新输入：", "Please try again: "),
    "prompt.choose": ("请输入编号或代码", "enter a number or a code"),
    "prompt.required": ("此项必填", "this is required"),
    "prompt.number": ("请输入数字", "enter a number"),
    "prompt.not_before": ("{date} 早于 {when}", "{date} is before {when}"),
    "prompt.major": ("重大隐患须立即登记并落实临时管控措施（停产停用、撤人、警戒等）。",
                     "A major hazard is registered at once with its interim control "
                     "measures (stop work, evacuate, cordon off ...)."),
    "prompt.interim": ("临时管控措施（每行一条，空行结束）",
                       "Interim control measures (one per line, empty line to end)"),
    "prompt.measures": ("整改措施（每行一条，空行结束）", "Measures (one per line, empty line "
                        "to end)"),
    "prompt.plan": ("{id} 五到位整改方案：请补充缺少的内容。",
                    "{id} five-in-place plan: fill in what is missing."),
    "prompt.major_steps": ("{id} 重大隐患治理：请填写以下内容。",
                           "{id} major-hazard steps: answer the questions below."),
    "prompt.edit_field": ("要更正哪一项", "Which fact to correct"),
})
WORDS.update({
    "walk.location": ("检查地点", "Location"),
    "walk.choices": ("每一项都须回答：[p]合格 / [f]不合格 / [n]不适用 / [u]未检查 / [m]备注", "answer every item: [p]ass / [f]ail / [n]/a / [u]nchecked / [m] note"),
    "walk.result": ("结果", "Result"),
    "walk.note": ("备注", "Note"),
    "walk.problem": ("发现的问题（隐患名称）", "What is wrong (the hazard's title)"),
    "walk.summary": ("合格 {p}，不合格 {f}，不适用 {n}，未检查 {u}。", "{p} passed, {f} failed, "
                     "{n} not applicable, {u} not checked."),
    "walk.confirm": ("写入排查记录（不合格 {f} 项）？[Y/n]",
                     "Write the inspection ({f} failed)? [Y/n]"),
    "walk.again": ("请输入 p、f、n、u 或 m", "enter p, f, n, u or m"),
    "walk.cancelled": ("已取消排查，未写入任何内容", "inspection cancelled; nothing was written"),
})
WORDS.update({
    "error.see_help": ("（参见“{command} --help”）", " (see '{command} --help')"),
    "error.aborted": ("已中止，未写入任何内容", "aborted; nothing was written"),
    "error.interrupted": ("已中断，未写入任何内容", "interrupted; nothing was written"),
    "error.bug": ("safecheck：这是一个程序错误，请连同上面的信息一起报告",
                  "safecheck: this is a bug; please report it with the traceback above"),
})
WORDS.update({
    "error.unknown_kind": ("未知的记录类型 {kind}", "unknown kind {kind}"),
    "fmt.would": ("需要规范化 {path}", "would reformat {path}"),
    "fmt.done": ("已规范化 {path}", "reformatted {path}"),
    "migrate.would": ("需要升级 {path}", "would migrate {path}"),
    "migrate.done": ("已升级 {path}", "migrated {path}"),
    "migrate.summary": ("{count} 个文件{verb}为第 2 版格式", "{count} file(s) {verb} to schema 2"),
    "migrate.verb.check": ("需要升级", "to migrate"),
    "migrate.verb.done": ("已升级", "migrated"),
    "commit.fmt": ("规范化台账文件", "Format records"),
    "commit.done": ("已提交 {sha}", "committed {sha}"),
})
WORDS.update({
    "done.register": ("已登记", "Registered"),
    "done.plan": ("已更新整改方案", "Plan updated"),
    "done.major": ("已记录重大隐患治理信息", "Major-hazard step recorded"),
    "done.extend": ("已延期", "Extended"),
    "done.rectify": ("已记录整改", "Rectification recorded"),
    "done.close": ("已销号", "Closed"),
    "done.reject": ("验收不合格", "Verification failed"),
    "done.reopen": ("已撤销销号", "Reopened"),
    "done.void": ("已作废", "Voided"),
    "done.edit": ("已更正", "Corrected"),
    "done.attach": ("已补充资料", "Documents attached"),
})
WORDS.update({
    "layout.unreadable": ("无法读取该文件夹（权限不足）", "the folder cannot be read (permission denied)"),
    "layout.os_error": ("无法读取：{error}", "cannot be read: {error}"),
    "layout.symlink": ("符号链接：台账中的文件必须是普通文件", "a symbolic link: ledger files must be regular files"),
    "layout.special": ("特殊文件（管道、设备等），不是台账文件", "a special file (FIFO, device ...), not a ledger file"),
    "layout.hidden": ("隐藏文件：台账中不应有以“.”开头的文件", "a hidden file: nothing in the ledger starts with '.'"),
    "layout.yml": ("扩展名应为 .yaml（.yml 文件不会被当作记录读取）", "the suffix must be .yaml (a .yml file is not read as a record)"),
    "layout.not_unit": ("不是单位文件夹（records/<单位代码>/）", "not a unit folder (records/<UNIT>/)"),
    "layout.not_year": ("不是年份文件夹（records/<单位>/<YYYY>/）", "not a year folder (records/<UNIT>/<YYYY>/)"),
    "layout.not_record": ("不是台账记录（<编号>.yaml）", "not a record (<ID>.yaml)"),
    "layout.orphan_folder": ("资料文件夹没有对应的隐患记录", "a documents folder without its record"),
    "layout.not_document": ("资料文件夹中只能有普通文件", "a record's folder holds only plain files"),
    "layout.unnamed_document": ("资料文件未被隐患记录列出", "a document the record does not name"),
})
WORDS.update({
    "error.unknown_checklist": ("未知检查表“{checklist}”（已有：{known}）", "unknown checklist '{checklist}' (known: {known})"),
    "inspect.refused": ("未写入排查记录：{reason}", "nothing was recorded: {reason}"),
    "inspect.no_inspector": ("请至少填写一名排查人（--by）", "name at least one inspector (--by)"),
    "inspect.permit_needed": ("{checklist} 是逐次作业检查表，须填写作业票编号（--permit）", "{checklist} is run per job: give the work permit number (--permit)"),
    "inspect.permit_periodic": ("{checklist} 是定期检查表，不按作业票执行（去掉 --permit）", "{checklist} is a periodic checklist, not run per permit (drop --permit)"),
    "inspect.no_campaign": ("safecheck.yaml 中没有专项排查活动“{campaign}”", "safecheck.yaml has no campaign '{campaign}'"),
    "inspect.outside_campaign": ("排查日期不在专项排查活动 {campaign} 的时间内（{start} 至 {to}）", "the date is outside campaign {campaign} ({start} to {to})"),
    "inspect.no_item": ("检查表 {checklist} 中没有检查项 {item}（检查项：{first} … {last}）", "checklist {checklist} has no item {item} (its items: {first} … {last})"),
    "inspect.not_for_unit": ("检查项 {item} 不适用于单位 {unit}（按其适用的判定标准）", "item {item} does not apply to unit {unit} (its regimes)"),
    "inspect.bad_result": ("{item}：结果只能是合格、不合格、不适用或未检查，不是“{result}”", "{item}: the result is pass, fail, na or unchecked, not {result!r}"),
    "inspect.one_plan": ("有 {count} 项不合格：整改方案选项只用于一项不合格的情形，其余请逐条用 safecheck plan 填写（避免重复计算资金）", "{count} items failed: plan options apply when one item fails; plan each hazard with safecheck plan (money is not counted twice)"),
    "inspect.no_defect": ("不合格项 {item} 须说明发现的问题（--fail {item}=问题），它将作为隐患名称", "say what is wrong with failed item {item} (--fail {item}=DEFECT): it becomes the hazard's title"),
    "inspect.no_location": ("不合格项 {item} 须有隐患部位（--fail {item}@部位=问题，或 --location）", "failed item {item} needs a location (--fail {item}@LOCATION=DEFECT, or --location)"),
    "commit.inspection": ("排查记录 {id}：不合格 {failed} 项", "Inspection {id}: {failed} failed"),
})
WORDS.update({
    "error.no_inspection": ("没有排查记录 {id}", "no inspection run {id}"),
    "error.void_reason": ("请说明作废原因（--reason）", "say why it is voided (--reason)"),
    "error.run_void": ("排查记录 {id} 已作废", "inspection run {id} is already void"),
})
WORDS.update({
    "inspect.twice": ("检查项 {item} 被给出了两个结果", "item {item} is given two results"),
    "commit.void_run": ("作废排查记录 {id}：{reason}", "Void inspection {id}: {reason}"),
    "result.na": ("不适用", "n/a"),
    "result.unchecked": ("未检查", "not checked"),
    "frequency.per-job": ("逐次作业", "per job"),
    "run.title": ("排查记录", "Inspection"),
    "run.checked": ("检查 {checked} 项（共 {total} 项）：合格 {pass}，不合格 {fail}，不适用 {na}，未检查 {unchecked}",
                    "{checked} of {total} items checked: {pass} passed, {fail} failed, {na} n/a, {unchecked} not checked"),
    "run.recurrence": ("复现，关联已登记隐患", "recurred: linked to the open hazard"),
    "run.void": ("已作废：{reason}（{by}，{date}）", "void: {reason} ({by}, {date})"),
    "run.permit": ("作业票", "Permit"),
    "run.campaign": ("专项排查", "Campaign"),
    "run.inspectors": ("排查人", "Inspectors"),
    "run.count": ("{count} 次排查", "{count} inspection runs"),
    "run.coverage": ("专项排查“{name}”（{start} 至 {to}）：已覆盖 {reached}/{total}", "campaign {name} ({start} to {to}): {reached} of {total} reached"),
    "run.not_reached": ("未覆盖", "not reached"),
    "word.checklist": ("检查表", "Checklist"),
    "word.procedure.per-job": ("逐次作业（按作业票）", "per job (per permit)"),
    "word.procedure.periodic": ("定期", "periodic"),
    "word.step": ("步骤", "Step"),
    "word.by_regime": ("按判定标准", "By regime"),
    "word.applies_to": ("适用于", "Applies to"),
})
