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
    "walk.choices": ("[p]合格 / [f]不合格 / [n]不适用 / [m]备注", "[p]ass / [f]ail / [n]/a / [m] note"),
    "walk.result": ("结果", "Result"),
    "walk.note": ("备注", "Note"),
    "walk.problem": ("存在问题（回车采用检查项原文）", "What is wrong (Enter: the item's text)"),
    "walk.summary": ("合格 {p}，不合格 {f}，不适用 {n}。", "{p} passed, {f} failed, {n} not "
                     "applicable."),
    "walk.confirm": ("写入排查记录并登记 {f} 条隐患？[Y/n]",
                     "Write the inspection and register {f} hazard(s)? [Y/n]"),
    "walk.again": ("请输入 p、f、n 或 m", "enter p, f, n or m"),
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
