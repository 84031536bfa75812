"""Errors of the machinery: files, YAML, writing, git, the store and the layout, set-up,
templates and option values given on the command line."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "warning.prefix": ("safecheck：提醒：", "safecheck: warning: "),
    "error.option": ("{option}：{problem}", "{option}: {problem}"),
    # reading files (yamlio)
    "file.too_large": ("文件过大（{size} 字节，上限为 {limit} 字节）",
                       "file is too large ({size} bytes; the limit is {limit})"),
    "file.not_utf8": ("不是 UTF-8 编码的文本", "not UTF-8 text"),
    "file.conflict_markers": ("有未解决的 git 合并冲突标记（<<<<<<<、=======、>>>>>>>）",
                              "unresolved git merge-conflict markers"),
    "file.not_found": ("文件不存在", "file not found"),
    "file.is_directory": ("是文件夹，不是文件", "is a directory, not a file"),
    "file.not_regular": ("不是普通文件（符号链接、文件夹、管道或设备）；台账只读取普通文件",
                         "not a regular file (a symbolic link, folder, FIFO or device); the "
                         "ledger reads regular files only"),
    "file.permission": ("没有读取权限", "permission denied"),
    "file.unreadable": ("无法读取：{reason}", "cannot read: {reason}"),
    # operating-system reasons (errno), instead of the C library's English strerror
    "os.EACCES": ("没有权限", "permission denied"),
    "os.EPERM": ("不允许的操作", "operation not permitted"),
    "os.ENOENT": ("文件或文件夹不存在", "no such file or folder"),
    "os.EISDIR": ("是文件夹", "is a folder"),
    "os.ENOTDIR": ("路径中有一部分不是文件夹", "a part of the path is not a folder"),
    "os.ENOSPC": ("磁盘空间不足", "no space left on the disk"),
    "os.EROFS": ("文件系统是只读的", "read-only file system"),
    "os.EEXIST": ("文件已存在", "the file exists"),
    "os.ENAMETOOLONG": ("文件名过长", "file name too long"),
    "os.EDQUOT": ("超出磁盘配额", "disk quota exceeded"),
    # YAML
    "yaml.aliases": ("safecheck 文件中不允许使用 YAML 别名（*名称）",
                     "YAML aliases (*name) are not allowed in safecheck files"),
    "yaml.invalid": ("YAML 格式错误：{detail}", "invalid YAML: {detail}"),
    "yaml.not_bool": ("“{value}”不是 true 或 false", "'{value}' is not true or false"),
    "yaml.bad_value": ("YAML 中有无法读取的值：{detail}", "invalid YAML value: {detail}"),
    "yaml.tag": ("不允许使用 YAML 标签 {tag}：记录只含文本、数字、true/false、列表和映射",
                 "YAML tag {tag} is not allowed: a record holds only text, numbers, "
                 "true/false, lists and mappings"),
    "yaml.key_not_text": ("键必须是文本（字段名），不能是数字、列表或映射",
                          "a key must be text (a field name), not a number, list or mapping"),
    "yaml.too_deep": ("嵌套层数过多，不是一条记录", "nested too deeply to be a record"),
    "yaml.ctx.one_document": ("一个文件只能有一个 YAML 文档", "a file holds one document only"),
    "yaml.problem.another_document": ("发现了第二个文档（---）", "found a second document (---)"),
    "yaml.duplicate_key": ("键“{key}”重复出现", "duplicate key '{key}'"),
    "yaml.empty": ("文件为空，应为“字段: 值”形式的映射", "the file is empty; expected a "
                   "mapping of fields"),
    "yaml.not_mapping": ("应为“字段: 值”形式的映射，实际是{found}",
                         "expected a mapping of fields, found {found}"),
    "yaml.type.list": ("列表", "a list"),
    "yaml.type.str": ("一段文本", "a text"),
    "yaml.type.int": ("一个整数", "a number"),
    "yaml.type.float": ("一个数字", "a number"),
    "yaml.type.bool": ("一个布尔值", "a boolean"),
    "yaml.type.other": ("{name}", "a {name}"),
    # what libyaml says (the English is libyaml's own text; unknown phrases stay as given)
    "yaml.ctx.flow_sequence": ("解析方括号列表时", "while parsing a flow sequence"),
    "yaml.ctx.flow_mapping": ("解析花括号映射时", "while parsing a flow mapping"),
    "yaml.ctx.block_mapping": ("解析映射时", "while parsing a block mapping"),
    "yaml.ctx.block_collection": ("解析列表时", "while parsing a block collection"),
    "yaml.ctx.block_node": ("解析节点时", "while parsing a block node"),
    "yaml.ctx.flow_node": ("解析节点时", "while parsing a flow node"),
    "yaml.ctx.quoted_scalar": ("读取带引号的文本时", "while scanning a quoted scalar"),
    "yaml.ctx.plain_scalar": ("读取文本时", "while scanning a plain scalar"),
    "yaml.ctx.block_scalar": ("读取多行文本时", "while scanning a block scalar"),
    "yaml.ctx.simple_key": ("读取键时", "while scanning a simple key"),
    "yaml.ctx.next_token": ("读取下一个记号时", "while scanning for the next token"),
    "yaml.ctx.anchor": ("读取锚点时", "while scanning an anchor"),
    "yaml.ctx.alias": ("读取别名时", "while scanning an alias"),
    "yaml.ctx.tag": ("读取标签时", "while scanning a tag"),
    "yaml.ctx.directive": ("读取指令时", "while scanning a directive"),
    "yaml.problem.comma_bracket": ("缺少“,”或“]”", "did not find expected ',' or ']'"),
    "yaml.problem.comma_brace": ("缺少“,”或“}}”", "did not find expected ',' or '}}'"),
    "yaml.problem.key": ("缺少应有的键（缩进是否对齐？）", "did not find expected key"),
    "yaml.problem.dash": ("缺少应有的“-”列表项", "did not find expected '-' indicator"),
    "yaml.problem.colon": ("缺少应有的“:”", "could not find expected ':'"),
    "yaml.problem.node": ("缺少应有的内容", "did not find expected node content"),
    "yaml.problem.end": ("文件意外结束（引号或括号未闭合？）", "found unexpected end of stream"),
    "yaml.problem.token": ("有不能作为开头的字符（如制表符或 @）",
                           "found character that cannot start any token"),
    "yaml.problem.mapping_here": ("此处不能出现映射（冒号后缺少空格或缩进有误？）",
                                  "mapping values are not allowed in this context"),
    "yaml.problem.sequence_here": ("此处不能出现列表项", "block sequence entries are not "
                                   "allowed in this context"),
    "yaml.problem.undefined_alias": ("引用了未定义的别名", "found undefined alias"),
    "yaml.problem.escape": ("有未知的转义字符", "found unknown escape character"),
    "yaml.problem.tab": ("有不允许的制表符", "found a tab character that violates "
                         "indentation"),
    "yaml.problem.tag_named": ("有无法识别的标签 {tag}", "could not determine a constructor for "
                               "the tag {tag}"),
    "yaml.detail": ("{context}，{problem}", "{context} {problem}"),
    # writing files (atomic)
    "write.cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "write.exists": ("{path} 已存在，未覆盖任何内容", "{path} already exists; nothing was "
                     "overwritten"),
    "write.removed": ("{path} 在 safecheck 运行期间被删除", "{path} was removed while "
                      "safecheck was working"),
    "write.changed": ("{path} 在 safecheck 读取后被修改，未写入任何内容；请重新运行该命令",
                      "{path} changed on disk since safecheck read it; nothing was written, "
                      "run the command again"),
    "output.failed": ("无法输出结果：{reason}", "cannot write the output: {reason}"),
    "output.closed": ("标准输出已关闭", "standard output is closed"),
    "write.is_directory": ("{path} 是文件夹，请给出文件名", "{path} is a folder; give a file "
                           "name"),
    "write.too_large": ("{path} 将超过 {limit} 字节（记录文件的上限），未写入；请把长内容放入资料文件",
                        "{path} would exceed {limit} bytes (the limit of a record file); nothing "
                        "was written: put long text into a document"),
    "write.cannot_copy": ("无法复制 {path}：{reason}", "cannot copy {path}: {reason}"),
    # git
    "git.not_installed": ("未安装 git（或 git 不在 PATH 中）", "git is not installed (or not "
                          "on PATH)"),
    "git.failed": ("git {command} 失败：{detail}", "git {command}: {detail}"),
    "git.failed_silently": ("git {command} 失败", "git {command} failed"),
    "git.not_repository": ("{path} 不在 git 仓库中", "{path} is not in a git repository"),
    "git.no_commits": ("仓库还没有任何提交；请先提交台账", "the repository has no commits yet; "
                       "commit the ledger first"),
    "git.shallow": ("这是浅克隆，查看历史需要完整的历史（git fetch --unshallow）",
                    "this is a shallow clone; history needs the full history (git fetch "
                    "--unshallow)"),
    "git.unknown_revision": ("未知版本“{revision}”", "unknown revision '{revision}'"),
    "git.no_common_history": ("{a} 与 {b} 没有共同的历史", "{a} and {b} have no common "
                              "history"),
    "history.none": ("当前分支上没有 {id} 的历史（查找位置：{path}）",
                     "no history for {id} (looked for {path} on this branch)"),
    # the store and the layout
    "store.kind": ("kind 应为 hazard（实际为 {found}）", "kind must be 'hazard' (found {found})"),
    "store.several_files": ("隐患 {id} 有多个文件：{places}", "hazard {id} has several files: "
                            "{places}"),
    "store.no_hazard": ("台账中没有隐患 {id}（查找位置：{path}）", "no hazard {id} in this "
                        "ledger (looked for {path})"),
    "store.holds_other": ("该文件中是 {found}，不是 {id}", "the file holds {found}, not {id}"),
    "store.bad_document": ("资料 {path} 不是可读取的文件", "document {path} is not a readable "
                           "file"),
    "layout.no_root": ("{start} 及其上级文件夹中都没有 safecheck.yaml（请先运行 safecheck init，"
                       "或用 --repo 指定台账所在的文件夹）",
                       "no safecheck.yaml in {start} or any folder above it (run 'safecheck "
                       "init' or pass --repo PATH)"),
    "layout.bad_hazard_id": ("“{id}”不是隐患编号（格式为 单位代码-年月日-4位校验码，如 "
                             "SW-20261121-7KQF）",
                             "'{id}' is not a hazard ID (expected UNIT-YYYYMMDD-XXXX, e.g. "
                             "SW-20261121-7KQF)"),
    "layout.bad_inspection_id": ("“{id}”不是排查记录编号（如 SW-20261121-fire-safety-7KQF）",
                                 "'{id}' is not an inspection ID (e.g. "
                                 "SW-20261121-fire-safety-7KQF)"),
    "ids.exhausted": ("尝试 {tries} 次仍未找到 {prefix} 的空闲编号",
                      "could not find a free identifier for {prefix} after {tries} tries"),
    "checklist.id_mismatch": ("检查表 id“{id}”须与文件名“{name}”一致",
                              "the checklist id '{id}' must match the file name '{name}'"),
    # init
    "init.created": ("已创建 {path}", "created {path}"),
    "init.org_required": ("须用 --org 填写组织名称", "--org is required: the organisation's "
                          "name"),
    "init.unit_required": ("请至少用 --unit 代码=名称 填写一个单位",
                           "give at least one --unit CODE=NAME"),
    "init.unit_form": ("--unit “{value}”：格式应为 代码=名称，如 SW=水务公司",
                       "--unit '{value}': expected CODE=NAME, e.g. SW=Water"),
    "init.unit_code": ("--unit “{value}”：单位代码须为 2 至 6 位大写字母或数字",
                       "--unit '{value}': the code must be 2-6 upper-case letters or digits"),
    "init.exists": ("{path} 已存在，未做任何修改", "{path} already exists; nothing was changed"),
    "init.invalid": ("设置无效：{problem}", "invalid settings: {problem}"),
    "init.templates_readme": (
        "# 报告模板\n\n放在这里的 Jinja 模板（例如 `report.zh.md.j2`）会替换 safecheck 自带的"
        "同名模板。\n此文件夹为空时使用自带模板。\n",
        "# Report templates\n\nA Jinja template placed here (for example `report.en.md.j2`) "
        "replaces the one that ships\nwith safecheck under the same name. Leave this folder "
        "empty to use the packaged defaults.\n"),
    # templates
    "template.word": ("模板", "template"),
    "template.at_line": ("模板第 {line} 行", "template:{line}"),
    "template.no_file": ("--template {path}：文件不存在", "--template {path}: no such file"),
    "template.error": ("模板 {where} 有错误：{detail}", "{where}: {detail}"),
    "template.not_found": ("找不到模板 {name}（查找位置：{places}）", "no template {name} in "
                           "{places}"),
    "template.not_regular": ("模板 {path} 不是普通文件（符号链接、文件夹或设备）；模板只从仓库内的普通文件读取",
                             "template {path} is not a regular file (a symbolic link, folder or "
                             "device); templates are read only from regular files in the "
                             "repository"),
    "template.unreadable": ("无法读取模板 {path}：{reason}", "cannot read template {path}: "
                            "{reason}"),
    "template.not_utf8": ("模板 {where} 不是 UTF-8 文本", "{where}: not UTF-8 text"),
    # option values (cli/runtime.py and the commands)
    "option.repo_not_folder": ("--repo {path}：不是文件夹", "--repo {path}: not a folder"),
    "export.xlsx_needs_output": ("--format xlsx 须同时用 --output 指定 .xlsx 文件",
                                 "--format xlsx needs --output FILE.xlsx"),
    "export.sheet": ("隐患台账", "Hazard ledger"),
    "export.written": ("{count} 条隐患 → {path}", "{count} hazards → {path}"),
    "report.written": ("{label} → {path}", "{label} → {path}"),
    "report.unreadable": ("safecheck：{count} 个记录文件无法读取，未计入报告；请运行 safecheck "
                          "audit 查看", "safecheck: {count} record file(s) could not be read and "
                          "are not counted in the report; run 'safecheck audit'"),
    "list.problems": ("safecheck：{count} 个文件有问题，请运行 safecheck audit 查看",
                      "safecheck: {count} file(s) have problems; run 'safecheck audit'"),
}
