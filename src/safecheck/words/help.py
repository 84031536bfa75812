"""Help: the layout's words, the command groups, metavars, every command's summary
(``help.<command>``) and text (``help.<command>.text``), and every option's and argument's
help (``opt.<name>`` when shared, ``opt.<command>.<name>`` when one command's own)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the layout (cli/help.py)
    "help.usage": ("用法：", "Usage: "),
    "help.heading": ("{name}：", "{name}:"),
    "help.arguments": ("参数", "Arguments"),
    "help.options": ("选项", "Options"),
    "help.options_metavar": ("[选项]", "[OPTIONS]"),
    "help.command_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "help.default": ("默认：{value}", "default: {value}"),
    "help.required": ("必填", "required"),
    "help.repeatable": ("可重复", "repeatable"),
    "help.separator": ("；", "; "),
    "help.help_option": ("显示此帮助并退出。", "Show this message and exit."),
    # the groups of `safecheck --help`
    "group.register": ("登记与整改", "Register and rectify"),
    "group.major": ("重大隐患", "Major hazards"),
    "group.query": ("台账查询", "The ledger"),
    "group.inspect": ("排查", "Inspections"),
    "group.report": ("报告与审查", "Reports and review"),
    "group.files": ("文件与设置", "Files and settings"),
    "group.forms": ("表单", "Forms"),
    "group.other": ("其他", "Other"),
    # metavars: what stands for a value in help and usage
    "metavar.id": ("编号", "ID"),
    "metavar.run": ("记录编号", "RUN_ID"),
    "metavar.date": ("日期", "DATE"),
    "metavar.text": ("文本", "TEXT"),
    "metavar.name": ("名称", "NAME"),
    "metavar.person": ("姓名", "NAME"),
    "metavar.number": ("编号", "NUMBER"),
    "metavar.reference": ("文号", "REFERENCE"),
    "metavar.file": ("文件", "FILE"),
    "metavar.dir": ("文件夹", "DIR"),
    "metavar.days": ("天数", "DAYS"),
    "metavar.code": ("单位代码", "CODE"),
    "metavar.unit": ("代码=名称", "CODE=NAME"),
    "metavar.domain": ("领域", "DOMAIN"),
    "metavar.checklist": ("检查表", "CHECKLIST"),
    "metavar.item": ("检查项", "ITEM"),
    "metavar.fail": ("检查项[@部位]=问题", "ITEM[@PLACE]=DEFECT"),
    "metavar.source": ("来源", "SOURCE"),
    "metavar.amount": ("金额", "AMOUNT"),
    "metavar.currency": ("币种", "CURRENCY"),
    "metavar.rev": ("版本", "REV"),
    "metavar.range": ("范围", "RANGE"),
    "metavar.week": ("周", "WEEK"),
    "metavar.month": ("月", "MONTH"),
    "metavar.quarter": ("季度", "QUARTER"),
    "metavar.year": ("年", "YEAR"),
    "metavar.permit": ("作业票", "PERMIT"),
    "metavar.campaign": ("专项排查", "CAMPAIGN"),
    "metavar.branch": ("分支", "BRANCH"),
    "metavar.requirement": ("安装要求", "REQUIREMENT"),
    "metavar.shell": ("命令行环境", "SHELL"),
    "metavar.sheet": ("工作表", "SHEET"),
    "metavar.map": ("栏目=字段", "HEADING=FIELD"),
    "metavar.level": ("等级", "LEVEL"),
    # the application
    "help.app": ("用 git 中的 YAML 文件管理安全生产隐患台账。",
                 "Keep a workplace-safety hazard ledger as YAML files in git."),
    "help.app.text": ("在台账文件夹中（或用 --repo 指定）运行各命令；帮助和提示使用台账的语言"
                      "（safecheck.yaml 的 locale）。查看某个命令的用法：safecheck 命令 --help。",
                      "Run the commands in the ledger's folder (or give --repo); help and "
                      "messages speak the ledger's language (locale in safecheck.yaml). For "
                      "one command: safecheck COMMAND --help."),
    "opt.repo": ("台账所在的文件夹（默认：从当前文件夹向上查找）。",
                 "The safety repository (default: found from the working folder up)."),
    "opt.version": ("显示版本并退出。", "Show the version and exit."),
    # shared options (cli/options.py)
    "opt.hazard_id": ("隐患编号，如 SW-20261121-7KQF。", "Hazard ID, e.g. SW-20261121-7KQF."),
    "opt.format": ("输出格式。", "Output format."),
    "opt.on": ("日期（默认：今天）。", "The date (default: today)."),
    "opt.document": ("复制到记录自己文件夹中的文件（照片、表单、报告）。",
                     "A file to copy into the record's folder (photo, form, report)."),
    "opt.measure": ("整改措施。", "A rectification measure."),
    "opt.responsible": ("整改责任人。", "The responsible person."),
    "opt.responsible_department": ("责任部门。", "The responsible person's department."),
    "opt.funding": ("整改资金金额（单位为元，另用 --currency 指定币种时除外）。",
                    "Funding amount (CNY unless --currency)."),
    "opt.funding_source": ("资金来源，如 安全生产费用。", "Where the money comes from, e.g. "
                           "the safety budget."),
    "opt.currency": ("ISO 币种代码（默认 CNY）。", "ISO currency code (default CNY)."),
    "opt.deadline": ("整改时限。", "The deadline."),
    "opt.contingency_plan": ("应急预案：整改完成前保护人员的防范措施。",
                             "Contingency plan: what protects people until it is fixed."),
    "opt.contractor": ("承包单位（外包作业时）。", "The contractor doing outsourced work."),
    "opt.contract": ("合同编号。", "Contract number."),
    "opt.supervisor": ("发包单位现场监管人（不得以包代管）。",
                       "The internal supervisor of the contractor's work."),
    "opt.safety_agreement": ("与承包单位签订的安全生产管理协议编号。",
                             "Number of the safety agreement signed with the contractor."),
    "opt.root_cause": ("原因分析：隐患产生的原因。", "Root cause: why the hazard arose."),
    "opt.commit": ("只提交本次写入的文件，提交说明写明所做的操作。",
                   "Commit exactly the files written, with a message naming the action."),
    "opt.interim_measure": ("重大隐患的临时管控措施：停产停用、撤人、警戒等。",
                            "An interim control measure of a major hazard: stop work, "
                            "evacuate, cordon off …"),
    "opt.no_input": ("不询问；缺少内容时列出缺少的选项并退出。",
                     "Never prompt; fail listing what is missing."),
    "opt.as_of": ("以此日期为今天。", "Take this date as today."),
    "opt.unit_filter": ("单位代码。", "Unit code."),
    "opt.domain_filter": ("排查领域。", "Domain."),
    "opt.level_filter": ("隐患等级。", "Level."),
    "opt.status_filter": ("状态。", "Status."),
    "opt.source_filter": ("隐患来源，如 district-inspection。", "Hazard source, e.g. "
                          "district-inspection."),
    "opt.source_ref_filter": ("来源文件及条目中的文字（部分即可）。",
                              "Hazards of this feedback letter or item (part of it)."),
    "opt.responsible_filter": ("此人负责整改的隐患。", "Hazards this person answers for."),
    "opt.contractor_filter": ("此承包单位的隐患（名称的一部分即可）。",
                              "Hazards of this contractor (part of its name)."),
    "opt.due_within": ("在指定天数内到期的未销号隐患（含已逾期的）。",
                       "Open hazards due within DAYS days (overdue ones included)."),
    "opt.overdue": ("只列出已逾期的隐患。", "Only overdue hazards."),
    "opt.inspection_filter": ("只列出此排查记录登记的隐患。",
                              "Only hazards raised by this inspection run."),
    "opt.lang": ("输出语言（默认：台账的语言）。", "Language of the output (default: the "
                 "ledger's)."),
    # facts of a hazard (new-hazard, edit)
    "opt.unit": ("单位代码，如 SW。", "Unit code, e.g. SW."),
    "opt.domain": ("排查领域，如 fire-safety。", "Domain, e.g. fire-safety."),
    "opt.title": ("隐患名称：发现的问题，一行。", "Title: the defect found, one line."),
    "opt.description": ("隐患描述。", "Description."),
    "opt.location": ("隐患部位。", "Location."),
    "opt.level": ("隐患等级。", "Level."),
    "opt.source": ("隐患来源。", "Source."),
    "opt.source_ref": ("来源文件及条目，如 区委第三巡查组反馈意见第5条。",
                       "The feedback letter and item it comes from."),
    "opt.found_on": ("排查日期。", "The day it was found."),
    "opt.found_by": ("排查人。", "Who found it."),
    "opt.department": ("部门。", "Department."),
    "opt.checklist_item": ("检查项编号，如 FS-01。", "Checklist item, e.g. FS-01."),
    "opt.basis": ("判定依据：认定为重大隐患的条款。", "Basis: the clause that makes a major "
                  "hazard major."),
    # commands that move a hazard on (cmd_records.py)
    "help.new-hazard": ("登记隐患。", "Register a hazard."),
    "help.new-hazard.text": ("在终端上会逐项询问缺少的内容，并随即检查每个回答；使用 --no-input "
                             "时列出缺少的内容并退出。重大隐患登记时须同时填写临时管控措施"
                             "（--interim-measure）。",
                             "On a terminal it asks for whatever is missing, checking each "
                             "answer as it is given; with --no-input it fails listing what is "
                             "missing. A major hazard is registered at once with its interim "
                             "control measures (--interim-measure)."),
    "opt.new-hazard.quiet": ("只输出新编号（便于脚本使用：ID=$(safecheck new-hazard -q …)）。",
                             "Print only the new ID (for scripts: ID=$(safecheck new-hazard "
                             "-q …))."),
    "help.plan": ("填写五到位整改方案和原因分析。", "Fill in the five-in-place plan and the "
                  "root cause."),
    "help.plan.text": ("整改方案完整后，隐患由已登记转为整改中（重大隐患还须有治理方案："
                       "safecheck major）。已定的整改时限只能通过批准延期调整。在终端上不带选项"
                       "运行时，会询问缺少的内容。",
                       "A complete plan moves the hazard from reported to rectifying (a major "
                       "hazard also needs its governance plan: safecheck major). An existing "
                       "deadline moves only by an approved extension. On a terminal, given "
                       "nothing, it asks for what is missing."),
    "help.extend": ("记录经批准的延期。", "Record an approved deadline extension."),
    "opt.extend.to": ("延期后的整改时限。", "The new deadline."),
    "opt.extend.reason": ("需要延期的原因。", "Why more time is needed."),
    "opt.extend.approved_by": ("批准人。", "Who approved it."),
    "opt.extend.approved_on": ("批准日期（默认：今天）。", "Approval date (default: today)."),
    "help.rectify": ("记录一轮整改及其资料。", "Record a round of rectification with its "
                     "documents."),
    "help.rectify.text": ("照片归入整改后资料，表单和报告归入其他资料；隐患转为待验收。验收不合格"
                          "后的整改另起一轮，原记录保留。",
                          "Photos go under after, forms and reports under other; the hazard "
                          "awaits verification. A round after a failed verification is added, "
                          "never overwritten."),
    "opt.rectify.by": ("整改人。", "Who did the fix."),
    "opt.rectify.actions": ("整改内容。", "What was done."),
    "help.close": ("验收合格，销号。", "Sign off after a passing verification."),
    "help.close.text": ("验收人不能是整改责任人或整改人。重大隐患还须有原因分析、合格的治理后评估，"
                        "挂牌督办的还须有督办单位同意销号；部分来源的隐患也须有原因分析。",
                        "The verifier is neither the responsible person nor a rectifier. A "
                        "major hazard also needs its root cause, a passing assessment and, "
                        "when supervised, the authority's sign-off; some sources need the root "
                        "cause too."),
    "opt.verified_by": ("验收人（独立于整改）。", "The verifier, independent of the work."),
    "opt.close.notes": ("验收意见。", "Verification notes."),
    "help.reject": ("记录验收不合格。", "Record a failed verification."),
    "help.reject.text": ("隐患退回整改中；未通过验收的那一轮整改保留在记录中。",
                         "The hazard goes back to rectifying; the round that failed is kept."),
    "opt.reject.notes": ("仍存在的问题。", "What is still wrong."),
    "help.reopen": ("撤销销号，重新整改，并给出新的整改时限。",
                    "Send a closed hazard back to rectification, with a new deadline."),
    "opt.reopen.reason": ("撤销销号的原因。", "Why it is reopened."),
    "opt.reopen.by": ("撤销人（管理人员）。", "Who reopens it (a manager)."),
    "opt.reopen.deadline": ("新的整改时限（不早于今天）。", "The new deadline (not before "
                            "today)."),
    "help.void": ("作废重复或误登的记录。", "Void a duplicate or mistaken entry."),
    "help.void.text": ("文件保留；作废的隐患不计为已销号。已销号的隐患不能作废，整改责任人也不能"
                       "作废本人负责的隐患。",
                       "The file stays; a void hazard never counts as closed. Not for closed "
                       "hazards, and not by the responsible person."),
    "opt.void.reason": ("作废原因：重复、误登等。", "Why: duplicate, mistaken …"),
    "opt.void.by": ("作废人（管理人员）。", "Who voids it (a manager)."),
    # major, edit, attach (cmd_corrections.py)
    "help.major": ("记录重大隐患治理的步骤。", "Record a major-hazard step."),
    "help.major.text": ("向监管部门报告、挂牌督办、治理方案（判定依据、治理目标和任务、批准）、"
                        "治理后评估和督办销号。在终端上不带选项运行时，会询问下一步的内容。",
                        "Reporting to the authority, supervision, the governance plan (basis, "
                        "objectives, approval), the assessment after the work and the "
                        "authority's sign-off. On a terminal, given nothing, it asks for the "
                        "next steps."),
    "opt.major.reported_on": ("向监管部门报告的日期。", "Day it was reported to the authority."),
    "opt.major.reported_to": ("接受报告的监管部门，如 区应急管理局。",
                              "The authority it was reported to."),
    "opt.major.supervised_by": ("挂牌督办单位。", "The authority supervising it."),
    "opt.major.objectives": ("治理方案的治理目标和任务。", "Objectives of the governance plan."),
    "opt.major.plan_approved_by": ("治理方案批准人（主要负责人）。",
                                   "Who approved the governance plan (the principal)."),
    "opt.major.assessed_on": ("治理后评估的日期。", "Day of the assessment after the work."),
    "opt.major.assessed_by": ("评估的专家或机构。", "Experts or the assessment body."),
    "opt.major.assessment_result": ("评估结论（默认 pass）。", "Assessment result (default "
                                    "pass)."),
    "opt.major.assessment_notes": ("评估意见。", "Assessment notes."),
    "opt.major.signoff_on": ("督办单位同意销号的日期。", "Day the supervising authority signed "
                             "it off."),
    "opt.major.signoff_by": ("同意销号的督办单位。", "The authority that signed it off."),
    "opt.major.signoff_reference": ("销号文件的文号，如 复查意见书〔2026〕12号。",
                                    "Its document number."),
    "help.edit": ("更正已登记的事实，新旧值都留有记录。", "Correct registered facts, logged with "
                  "old and new values."),
    "help.edit.text": ("状态、整改时限、延期、整改、验收和资料各有自己的命令。重大隐患降为一般隐患"
                       "须有 --approved-by（不是整改责任人的审批人）。已销号的隐患须先撤销销号。",
                       "Status, deadline, extensions, rounds, verifications and documents have "
                       "their own commands. A downgrade from major needs --approved-by (an "
                       "approver who is not the responsible person). A closed hazard is "
                       "reopened first."),
    "opt.edit.reason": ("更正原因。", "Why it is corrected."),
    "opt.edit.by": ("更正人。", "Who corrects it."),
    "opt.edit.approved_by": ("重大隐患降级的审批人。", "The approver of a downgrade from major."),
    "help.attach": ("为未销号的隐患补充资料。", "Add documents to an open hazard."),
    "help.attach.text": ("资料复制到记录自己的文件夹中，文件名不与已有文件重复；已销号隐患的资料"
                         "已封存。",
                         "Copied into the record's folder under names no other file has; a "
                         "closed hazard's documents are sealed."),
    "opt.attach.kind": ("资料类别（默认：第一轮整改前的照片为 before，之后的照片为 after，其他文件"
                        "为 other）。",
                        "Which set (default: photos before the first round are before, later "
                        "photos after, other files other)."),
    # reading and laying out the ledger (cmd_views.py)
    "help.init": ("建立隐患台账仓库。", "Lay out a safety repository."),
    "help.init.text": ("写入 safecheck.yaml、checklists/（各排查领域的检查表）、templates/ 和 "
                       "records/；文件夹不在 git 仓库中时新建一个仓库；使用 --ci 时同时写入 CI "
                       "流水线。",
                       "Writes safecheck.yaml, checklists/ (the domains' checklists), "
                       "templates/ and records/, in a new git repository when the folder is "
                       "not in one; with --ci, the CI pipeline too."),
    "opt.init.path": ("建立台账的文件夹。", "Where to lay out the repository."),
    "opt.init.org": ("组织名称。", "Organisation name."),
    "opt.init.unit": ("单位：代码=名称，如 SW=水务公司。", "A unit as CODE=NAME, e.g. "
                      "SW=Water."),
    "opt.init.lang": ("台账的语言。", "The ledger's language."),
    "opt.init.base_branch": ("新仓库的分支，也写入 base_branch（默认：已有仓库的当前分支，新仓库为 "
                             "main）。",
                             "The new repository's branch, also written as base_branch "
                             "(default: the existing repository's branch, else main)."),
    "opt.init.ci": ("同时写入 CI 流水线。", "Also write a CI pipeline."),
    "help.list": ("按条件列出台账中的隐患。", "The ledger, filtered."),
    "help.show": ("显示一条隐患的全部内容。", "One hazard in full."),
    "help.audit": ("校验台账，找出逾期和不一致之处（可作为 CI 关卡）。",
                   "Validate and find what is overdue (CI gate)."),
    "help.audit.text": ("没有错误时退出码为 0；有错误（或使用 --strict 时有提醒）时为 1。",
                        "Exit 0 when nothing fails, 1 when an error finding (or, with "
                        "--strict, a warning)."),
    "opt.audit.strict": ("提醒也算不通过。", "Warnings fail too."),
    # CI (cli/cmd_ci.py, cli/ci_report.py)
    "opt.ci_format": ("输出格式（在 GitHub Actions 中默认为 github）。",
                      "Output format (github by default in GitHub Actions)."),
    "opt.junit_xml": ("同时把 JUnit XML 报告写入此文件。", "Also write a JUnit XML report to "
                      "this file."),
    "opt.codequality": ("同时把 GitLab 代码质量报告写入此文件。", "Also write a GitLab code "
                        "quality report to this file."),
    "opt.install": ("流水线安装 safecheck 所用的 pip 安装要求，应固定到版本或提交，如 "
                    "'safecheck @ git+https://…/safecheck.git@v0.1.0'（默认：本机 safecheck "
                    "的安装来源）。",
                    "The pip requirement the pipeline installs safecheck from, pinned to a "
                    "version or commit, e.g. 'safecheck @ git+https://…/safecheck.git@v0.1.0' "
                    "(default: where this safecheck was installed from)."),
    "help.ci": ("为本台账写入 CI 流水线。", "Write the ledger's CI pipeline."),
    "help.ci.text": ("GitLab 写入 .gitlab-ci.yml，GitHub Actions 写入 "
                     ".github/workflows/safecheck.yml：每次推送和合并请求都审计台账，合并请求逐个"
                     "提交审查，每日审计发现逾期隐患，月报作为制品保存。已有内容不同的流水线文件"
                     "不会被覆盖（除非使用 --force）。",
                     "GitLab gets .gitlab-ci.yml, GitHub Actions "
                     ".github/workflows/safecheck.yml: every push and merge request audits the "
                     "ledger, a merge request is reviewed commit by commit, a daily audit finds "
                     "what is overdue, the monthly reports are kept as artifacts. A pipeline "
                     "file that says something else is never replaced (unless --force)."),
    "opt.ci.platform": ("流水线所在的代码托管平台。", "The hosting platform that runs the "
                        "pipeline."),
    "opt.ci.force": ("替换内容不同的已有流水线文件。", "Replace a pipeline file that says "
                     "something else."),
    "opt.ci.print": ("只输出流水线，不写文件。", "Print the pipeline instead of writing it."),
    "help.validate": ("校验记录的格式与前后一致，不含与日期有关的规则，供提交前检查使用。",
                      "Check the records' schema and consistency, without the rules that "
                      "depend on the date: for pre-commit."),
    "help.validate.text": ("逾期、临期、未按时排查等随日期变化的规则留给 safecheck audit；发现错误"
                           "（或使用 --strict 时有提醒）时退出码为 1。",
                           "Overdue, due soon, inspections due and the other rules that change "
                           "with the date are left to safecheck audit; exit 1 on an error "
                           "finding (or, with --strict, a warning)."),
    "opt.validate.files": ("只报告这些文件的问题（默认：全部；其中有 safecheck.yaml 或检查表时也是"
                           "全部）。",
                           "Report only on these files (default: all; all too when "
                           "safecheck.yaml or a checklist is among them)."),
    "help.fmt": ("按规范格式（第 2 版）重写记录，或检查格式。",
                 "Rewrite records canonically (schema 2), or check them."),
    "opt.fmt.paths": ("要规范化的文件（默认：所有记录）。", "Files to format (default: every "
                      "record)."),
    "opt.fmt.check": ("只列出不规范的文件（有则退出码为 1）。", "Only report files that are not "
                      "canonical (exit 1)."),
    "help.migrate": ("把旧格式的记录升级为第 2 版格式（可重复运行）。",
                     "Upgrade every record of an older schema to schema 2 (idempotent)."),
    "help.migrate.text": ("第 1 版的整改记录成为第一轮整改，并带上整改资料；第 1 版重大隐患的"
                          "应急预案成为其临时管控措施。",
                          "A schema 1 rectification becomes the first round, holding the "
                          "rectification documents; a schema 1 major hazard's contingency plan "
                          "becomes its interim control measures."),
    "opt.migrate.check": ("只列出需要升级的文件（有则退出码为 1）。",
                          "Only report the files that would change (exit 1 if any)."),
    # editors and the shell (cmd_editors.py)
    "help.schema": ("输出记录的 JSON Schema，供编辑器和其他工具使用。",
                    "JSON Schema of the record kinds, for editors and other tools."),
    "help.schema.text": ("不加 --output 时打印一种（默认为 hazard）；加 --output 时把四种（或指定"
                         "的一种）写入该文件夹；加 --vscode 时还在 .vscode/settings.json 中为 "
                         "VS Code 的 YAML 插件登记这些 schema（默认写入 .safecheck/schemas）。",
                         "Without --output, print one (hazard by default); with --output, "
                         "write all four (or the one named) into that folder; with --vscode, "
                         "also map them for VS Code's YAML extension in .vscode/settings.json "
                         "(written to .safecheck/schemas by default)."),
    "opt.schema.kind": ("记录类别（默认：hazard；写入文件夹时默认全部四种）。",
                        "Which record kind (default: hazard; all four when writing a "
                        "folder)."),
    "opt.schema.output": ("把 schema 文件写入此文件夹，如 .safecheck/schemas。",
                          "Write the schema files into this folder, e.g. .safecheck/schemas."),
    "opt.schema.lang": ("标题和说明的语言（默认：台账的语言）。",
                        "Language of titles and descriptions (default: the ledger's)."),
    "opt.schema.vscode": ("同时在 .vscode/settings.json 中为 VS Code 的 YAML 插件登记这些 "
                          "schema。",
                          "Also map them for VS Code's YAML extension in "
                          ".vscode/settings.json."),
    "help.completion": ("输出命令行自动补全脚本。", "Print the shell completion script."),
    "help.completion.text": ("补全命令、选项、隐患编号、单位代码和排查领域。例如 bash："
                             "safecheck completion bash > "
                             "~/.local/share/bash-completion/completions/safecheck",
                             "Completes commands, options, hazard IDs, unit codes and "
                             "domains. For bash, e.g.: safecheck completion bash > "
                             "~/.local/share/bash-completion/completions/safecheck"),
    "opt.completion.shell": ("所用的命令行环境：bash、zsh、fish 或 powershell。",
                             "The shell: bash, zsh, fish or powershell."),
    # checklists and inspections (cmd_inspect.py)
    "help.checklists": ("列出检查表，或某个检查表的检查项及建议等级。",
                        "List the checklists, or one checklist's items with their suggested "
                        "levels."),
    "opt.checklists.checklist": ("检查表（排查领域，或逐次作业程序）：显示其检查项。",
                                 "A checklist (a domain, or a per-job procedure): show its "
                                 "items."),
    "opt.checklists.unit": ("按此单位适用的判定标准显示建议等级，只列出适用的检查项。",
                            "Show the level suggested for this unit's regimes, and only the "
                            "items that apply to it."),
    "help.inspect": ("按检查表排查，只记录实际检查过的项目。",
                     "Run a checklist and record only what was checked."),
    "help.inspect.text": ("每一项的结果为合格、不合格、不适用或未检查，不会默认为合格（用 --pass "
                          "或 --all-pass 明确说明）。不合格项登记为隐患，以发现的问题为隐患名称、"
                          "以其所在部位为隐患部位；同一部位同一检查项已有未销号的隐患时，关联到"
                          "该隐患。在终端上会逐项询问。要么全部写入，要么都不写入。",
                          "Each item is pass, fail, not applicable or not checked; nothing "
                          "defaults to pass (--pass or --all-pass says so). A failed item "
                          "becomes a hazard titled with the defect, at its own location, or is "
                          "linked to the open hazard of the same item at the same place. On a "
                          "terminal every item is asked. Everything is written or nothing."),
    "opt.inspect.checklist": ("要执行的检查表：排查领域，或配合 --permit 的逐次作业程序。",
                              "The checklist to run: a domain, or a per-job procedure with "
                              "--permit."),
    "opt.inspect.unit": ("被排查的单位。", "The unit inspected."),
    "opt.inspect.by": ("排查人。", "An inspector."),
    "opt.inspect.date": ("排查日期（默认：今天）。", "The day of the run (default: today)."),
    "opt.inspect.location": ("排查地点；不合格项未另行给出部位时，即为其隐患部位。",
                             "Where the run took place; the location of a failed item unless "
                             "the item gives its own."),
    "opt.inspect.pass": ("检查合格的项目（可用逗号分隔）。", "Items checked and found in order "
                         "(or comma-separated)."),
    "opt.inspect.all_pass": ("未列出的项目均已检查且合格。", "Every item not listed was checked "
                             "and passed."),
    "opt.inspect.fail": ("不合格项及发现的问题，可带部位。", "A failed item and the defect "
                         "found, optionally with its place."),
    "opt.inspect.na": ("不适用的项目（可用逗号分隔）。", "Items that do not apply here (or "
                       "comma-separated)."),
    "opt.inspect.permit": ("逐次作业程序对应的作业票编号。", "The work permit a per-job "
                           "procedure is run for."),
    "opt.inspect.campaign": ("所属的专项排查（拉网式排查）。", "The campaign this run belongs "
                             "to."),
    "opt.inspect.source": ("所登记隐患的来源。", "Source of the hazards raised."),
    "help.inspections": ("排查记录：列出、查看或作废。", "Inspection runs: list them, show one, "
                         "or void one."),
    "help.inspections.text": ("使用 --campaign 时，还显示专项排查对各单位、各领域的覆盖情况。",
                              "With --campaign, also the campaign's coverage of units and "
                              "domains."),
    "opt.inspections.run": ("排查记录编号：显示（或作废）该记录。", "A run's ID: show it (or void "
                            "it)."),
    "opt.inspections.domain": ("排查领域或检查表。", "A domain or checklist."),
    "opt.inspections.campaign": ("此专项排查的记录及其覆盖情况。", "Runs of this campaign, and "
                                 "its coverage."),
    "opt.inspections.since": ("起始日期。", "From this day."),
    "opt.inspections.until": ("截止日期。", "To this day."),
    "opt.inspections.void": ("作废该记录（须有 --reason、--by）。", "Void the run (with "
                             "--reason, --by)."),
    "opt.inspections.reason": ("作废原因。", "Why it is voided."),
    "opt.inspections.by": ("作废人。", "Who voids it."),
    # reports, review, history (cmd_history.py)
    "help.report": ("周、月、季、年或任意时段的报告（默认为本周）。",
                    "The report of a week, month, quarter, year or any dates (default: this "
                    "week)."),
    "help.report.text": ("各项数字按记录自身的日期（排查、销号、作废等）统计，相邻时段可以相加；"
                         "git 记录了每件事何时登记（补登）以及每次销号由谁提交。",
                         "Figures count by the records' own dates (found, signed off, voided "
                         "…), so adjacent periods add up; git says when each fact was "
                         "recorded (late registrations) and who recorded each sign-off."),
    "opt.report.week": ("ISO 周，如 2026-W48。", "An ISO week, e.g. 2026-W48."),
    "opt.report.month": ("月份，如 2026-11；this 为本月，last 为上月。",
                         "A month, e.g. 2026-11; this or last: today's month or the one "
                         "before."),
    "opt.report.quarter": ("季度，如 2026-Q4。", "A quarter, e.g. 2026-Q4."),
    "opt.report.year": ("年份，如 2026。", "A year, e.g. 2026."),
    "opt.report.since": ("第一天。", "The first day."),
    "opt.report.until": ("最后一天。", "The last day."),
    "opt.report.at": ("按此版本提交的记录出报告（默认 HEAD）：即当时的台账。",
                      "Report from the records as committed at this revision (default HEAD): "
                      "the ledger as it stood then."),
    "opt.report.template": ("改用此 Jinja 模板文件。", "A Jinja template file to render "
                            "instead."),
    "opt.report.output": ("把报告写入此文件。", "Write the report to this file."),
    "help.review": ("像审查代码一样审查一个范围内的每个提交（合并请求）。",
                    "Review every commit of a range (a merge request) like code."),
    "help.review.text": ("每项变更都在发生之处、按基准版本的设置检查；每条发现都写明隐患、提交、"
                         "作者和规则。有未通过的项目时退出码为 1。",
                         "Every change is checked where it happened, with the settings of the "
                         "base; a finding names the hazard, the commit, its author and the "
                         "rule. Exit 1 when something fails."),
    "opt.review.range": ("提交范围，如 main..HEAD（默认：从与基准分支的合并基点到 HEAD）。",
                         "A range such as main..HEAD (default: from the merge-base with the "
                         "base branch to HEAD)."),
    "opt.review.base": ("审查所依据的基准（默认：CI 的目标分支，否则为 base_branch）。",
                        "The base to review against (default: the CI's target branch, else "
                        "base_branch)."),
    "help.history": ("从 git 历史查看一条隐患的全过程。", "One hazard's life from the git "
                     "history."),
    # export (cmd_export.py)
    "help.export": ("把台账导出为 CSV 或 XLSX 表格。", "The ledger as CSV or XLSX."),
    "help.export.text": ("包含管理人员使用的各栏目，筛选条件与 list 相同。",
                         "The columns managers keep, with the same filters as list."),
    "opt.export.output": ("输出文件（CSV 也可输出到标准输出）。", "File to write (CSV may go "
                          "to stdout)."),
    "opt.export.format": ("文件格式（默认：按 --output 的扩展名，否则为 csv）。",
                          "File format (default: from --output's suffix, else csv)."),
    "help.import": ("从表格台账（XLSX 或 CSV）导入隐患。",
                    "Import hazards from a spreadsheet ledger (XLSX or CSV)."),
    "help.import.text": ("中英文表头均可识别（export 导出的栏目和常见的隐患台账栏目）；每一行先按"
                         "与各命令相同的规则校验，任何一行有问题则不写入任何内容（退出码为 2）。"
                         "已在台账中的行（编号相同，或单位、排查日期、隐患名称、部位都相同）跳过，"
                         "重复导入不会重复登记。",
                         "Chinese and English headings are understood (the columns export "
                         "writes and those of common hazard ledgers); every row is checked by "
                         "the rules the commands apply, and if any row has a problem nothing "
                         "is written (exit 2). Rows already in the ledger (the same ID, or the "
                         "same unit, date found, title and location) are skipped, so importing "
                         "twice adds nothing."),
    "opt.import.file": ("要导入的 .xlsx 或 .csv 文件（CSV 可为 UTF-8 或 GB18030 编码）。",
                        "The .xlsx or .csv file (CSV in UTF-8 or GB18030)."),
    "opt.import.sheet": ("要导入的工作表（默认：第一个有表头的工作表）。",
                         "The sheet to import (default: the first with a header row)."),
    "opt.import.map": ("指明一列的含义，如 --map 整改负责人2=responsible；写作 栏目=- 则明确忽略"
                       "该列。",
                       "Say what a column means, e.g. --map 'Owner 2=responsible'; "
                       "HEADING=- ignores it."),
    "opt.import.unit": ("表中没有单位时使用的单位代码。", "Unit code for rows that name none."),
    "opt.import.domain": ("表中没有排查领域时使用的领域。", "Domain for rows that name none."),
    "opt.import.source": ("表中没有隐患来源时使用的来源。", "Source for rows that name none."),
    "opt.import.level": ("表中没有隐患等级时使用的等级（general 或 major）。",
                         "Level for rows that name none (general or major)."),
    "opt.import.backfill": ("补录历史台账：接受早于 late_entry_days 的整改、验收等记录（review "
                            "会逐项列出）。",
                            "A historical ledger: accept dated entries older than "
                            "late_entry_days (review lists each)."),
    "opt.import.dry_run": ("只报告将新建什么，不写入任何内容。",
                           "Only report what would be created; write nothing."),
    # form (cli/cmd_forms.py)
    "help.form": ("可打印的表单：整改通知书、销号单、统计分析表。",
                  "Printable forms: the rectification notice, the sign-off sheet, the statistics."),
    "help.form.notice": ("隐患整改通知书：交给整改责任部门的通知。",
                         "The rectification notice for the responsible department."),
    "help.form.notice.text": ("包括问题、整改要求（五到位；重大隐患还有临时管控、报告和治理方案）、"
                              "责任部门填写的回复栏，以及签发和签收签名。日期为今天。",
                              "The problem, what is required (the five in place; for a major "
                              "hazard its interim control, report and governance plan), the reply "
                              "the department fills in, and the issue and receipt signatures. "
                              "Dated today."),
    "help.form.signoff": ("销号单：一个问题一套整改资料的封面。",
                          "The sign-off sheet: the cover of the problem's file."),
    "help.form.signoff.text": ("事实、方案、每轮整改和验收、撤销销号、更正、重大隐患步骤、延期、"
                               "资料、状态和销号审批签名。未销号的隐患标为“未销号”。",
                               "Facts, plan, every rectification round and verification, "
                               "reopenings, corrections, major-hazard steps, extensions, documents, "
                               "status and the sign-off signatures. A hazard that is not closed is "
                               "marked as not signed off."),
    "help.form.statistics": ("隐患排查治理情况统计分析表（季度或年度），由主要负责人签字。",
                             "The quarterly or annual hazard statistics, signed by the principal."),
    "help.form.statistics.text": ("按单位和合计：排查次数、发现隐患（一般和重大）与已整改数、整改率、"
                                  "有治理方案、五到位和挂牌督办的重大隐患，以及整改资金——按记录自身"
                                  "的日期统计。",
                                  "Per unit and in total: inspections, hazards found (general and "
                                  "major) and rectified, the rectification rate, major hazards with "
                                  "a governance plan, with the five in place and under supervision, "
                                  "and funding, by the records' own dates."),
    "opt.form.format": ("markdown，或 html（可打印的 A4 页面）。",
                        "markdown, or html (an A4 page to print)."),
    "opt.form.statistics_format": ("markdown、html（A4 横向页面）或 xlsx（需要 -o）。",
                                   "markdown, html (an A4 landscape page) or xlsx (needs -o)."),
    "opt.form.output": ("把表单写入此文件（默认：打印出来）。",
                        "Write the form to this file (default: print it)."),
    "opt.form.template": ("改用此 Jinja 模板文件。", "A Jinja template file to render instead."),
}
