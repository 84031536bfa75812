"""Words of validation: what Pydantic finds wrong with a field (by its error type), and the
model validators of safecheck.yaml, checklists and inspection runs."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # Pydantic error types (models/common.py: problems_from)
    "schema.missing": ("缺少此项（必填）", "is required"),
    "schema.extra_forbidden": ("不是已知的字段（拼写有误？）", "is not a known field"),
    "schema.not_blank": ("不能为空", "must not be empty"),
    "schema.one_line": ("须为一行非空文本", "must be one line of text, not empty"),
    "schema.control_char": ("含有控制字符 {code}（如终端转义序列或双向文本控制符），不允许出现在记录中",
                            "contains the control character {code} (such as a terminal escape "
                            "or a bidirectional override), which a record may not hold"),
    "schema.plain_file_name": ("须为记录自己文件夹中的普通文件名（不含文件夹，不以“.”开头）",
                               "must be a plain file name in the record's own folder (no "
                               "folders, not starting with '.')"),
    "schema.unit_code": ("“{input}”不是单位代码（2 至 6 位大写字母或数字，如 SW）",
                         "'{input}' is not a unit code (2-6 upper-case letters or digits, "
                         "e.g. SW)"),
    "schema.hazard_id": ("“{input}”不是隐患编号（如 SW-20261121-7KQF）",
                         "'{input}' is not a hazard ID (e.g. SW-20261121-7KQF)"),
    "schema.slug": ("“{input}”不是有效的标识（小写字母、数字和连字符，如 fire-safety）",
                    "'{input}' is not an identifier (lower-case letters, digits and hyphens, "
                    "e.g. fire-safety)"),
    "schema.item_id": ("“{input}”不是检查项编号（如 FS-01）", "'{input}' is not a checklist "
                       "item ID (e.g. FS-01)"),
    "schema.inspection_id": ("“{input}”不是排查记录编号（如 SW-20261121-fire-safety-7KQF）",
                             "'{input}' is not an inspection ID (e.g. "
                             "SW-20261121-fire-safety-7KQF)"),
    "schema.field_name": ("“{input}”不是字段名（小写字母和下划线）", "'{input}' is not a field "
                          "name (lower-case letters and underscores)"),
    "schema.currency": ("“{input}”不是币种代码（3 位大写字母，如 CNY）", "'{input}' is not a "
                        "currency code (3 upper-case letters, e.g. CNY)"),
    "schema.branch": ("“{input}”不是有效的分支名", "'{input}' is not a branch name"),
    "schema.pattern": ("“{input}”的格式不正确", "'{input}' does not have the expected form"),
    "schema.too_long_text": ("过长：最多 {max} 个字符", "is too long: at most {max} characters"),
    "schema.too_short_text": ("过短：至少 {min} 个字符", "is too short: at least {min} "
                              "characters"),
    "schema.one_of": ("应为以下之一：{expected}（实际为“{input}”）",
                      "must be one of {expected} (got '{input}')"),
    "schema.exactly": ("应为 {expected}（实际为“{input}”）", "must be {expected} (got "
                       "'{input}')"),
    "schema.integer": ("应为整数（实际为“{input}”）", "must be a whole number (got '{input}')"),
    "schema.number": ("应为数字（实际为“{input}”）", "must be a number (got '{input}')"),
    "schema.at_least": ("不能小于 {limit}", "must be at least {limit}"),
    "schema.above": ("须大于 {limit}", "must be greater than {limit}"),
    "schema.at_most": ("不能大于 {limit}", "must be at most {limit}"),
    "schema.below": ("须小于 {limit}", "must be less than {limit}"),
    "schema.too_few": ("至少须有 {min} 项", "needs at least {min:plural:item}"),
    "schema.too_many": ("最多只能有 {max} 项", "may have at most {max:plural:item}"),
    "schema.list": ("应为列表（每行以“- ”开头）", "must be a list"),
    "schema.mapping": ("应为“字段: 值”形式的映射", "expected a mapping of fields"),
    "schema.text": ("应为文本", "must be text"),
    "schema.bool": ("应为 true 或 false", "must be true or false"),
    "schema.date": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.invalid": ("值无效", "is not valid"),
    # values parsed by safecheck's own validators (models/common.py)
    "value.not_calendar_date": ("“{value}”不是有效的日期", "'{value}' is not a calendar date"),
    "value.datetime": ("应为日期（YYYY-MM-DD），不能带时间", "expected a date (YYYY-MM-DD), "
                       "not a date and time"),
    "value.date_form": ("应为 YYYY-MM-DD 格式的日期，实际为“{value}”",
                        "expected a date written YYYY-MM-DD, got '{value}'"),
    "value.number": ("应为数字，实际为“{value}”", "expected a number, got '{value}'"),
    "value.finite": ("应为有限的数字", "must be a finite number"),
    "value.negative": ("不能为负数（实际为 {value}）", "must not be negative (got {value})"),
    "value.too_large": ("数额过大（{value}），上限为 {limit}", "amount too large ({value}); the "
                        "limit is {limit}"),
    "value.date_range": ("日期 {value} 超出台账可用的范围（{first} 至 {last}）",
                         "date {value} is outside the range a ledger can hold ({first} to "
                         "{last})"),
    # safecheck.yaml (config.py)
    "settings.campaign_window": ("专项排查 {id}：结束日期 to（{to}）早于开始日期 from（{start}）",
                                 "campaign {id}: 'to' ({to}) is before 'from' ({start})"),
    "settings.timezone": ("未知时区“{value}”（如 Asia/Shanghai）", "unknown time zone "
                          "'{value}' (e.g. Asia/Shanghai)"),
    "settings.rule_list": ("rules.{key} 应为列表", "rules.{key} must be a list"),
    "settings.rule_severity": ("rules.{key} 应为 error、warning 或 off",
                               "rules.{key} must be error, warning or off"),
    "settings.unit_codes": ("单位代码不能重复：{codes}", "unit codes must be unique: {codes}"),
    "settings.campaign_ids": ("专项排查的 id 不能重复：{ids}", "campaign ids must be unique: "
                              "{ids}"),
    "settings.campaign_units": ("专项排查中有未登记的单位：{codes}", "campaigns name units that "
                                "are not listed: {codes}"),
    "settings.people": ("人员名单中每人只能出现一次：{names}", "people must be listed once: "
                        "{names}"),
    "settings.unknown_domain": ("未知排查领域 {domains}", "unknown domain {domains}"),
    # checklists (models/checklist.py)
    "checklist.unknown_regime": ("检查项 {item}：未知的判定标准“{regime}”（已有：{known}）",
                                 "item {item}: unknown regime '{regime}' (known: {known})"),
    "checklist.major_basis": ("检查项 {item}：在 {regime} 下为重大隐患，须写明判定依据（basis）",
                              "item {item}: major under {regime} needs a basis (the clause "
                              "that makes it major)"),
    "checklist.unique_items": ("检查表中检查项编号不能重复：{items}", "item ids must be unique "
                               "in a checklist: {items}"),
    "checklist.needs_schema_2": ("{keys} 须使用第 2 版格式（schema: 2）", "{keys} needs schema 2"),
    "checklist.item_needs_schema_2": ("检查项 {item}：{keys} 须使用第 2 版格式（schema: 2）",
                                      "item {item}: {keys} needs schema 2"),
    "checklist.basis": ("检查项 {item}：第 2 版格式须写明依据（basis，检查要求所依据的规定）",
                        "item {item}: basis is required in schema 2 (the rule the requirement "
                        "rests on)"),
    "checklist.major_basis_all": ("检查项 {item}：建议等级为重大隐患时须写明 major_basis（在所有"
                                  "判定标准下构成重大隐患的条款）",
                                  "item {item}: level major needs major_basis (the clause that "
                                  "makes it major in every regime)"),
    "checklist.per_job_rhythm": ("逐次作业检查表按作业票执行，不能有 frequency 或 frequencies",
                                 "a per-job checklist is run once per work permit: it has no "
                                 "frequency or frequencies"),
    "checklist.needs_frequency": ("定期检查表须有排查频次 frequency（{known}）",
                                  "a periodic checklist needs a frequency ({known})"),
    "checklist.frequency_regime": ("frequencies：未知的判定标准“{regime}”（已有：{known}）",
                                   "frequencies: unknown regime '{regime}' (known: {known})"),
    "checklist.steps_per_job": ("检查项 {item}：只有逐次作业检查表（procedure: per-job）才有步骤",
                                "item {item}: steps belong only in a per-job checklist "
                                "(procedure: per-job)"),
    "checklist.every_step": ("检查项 {item}：分步骤的检查表中每一项都须有步骤（step）",
                             "item {item}: in a stepped procedure every item needs a step"),
    "checklist.first_step": ("检查项 {item}：第一步须为 1，不是 {step}",
                             "item {item}: the first step must be 1, not {step}"),
    "checklist.step_order": ("检查项 {item}：步骤 {step} 排在步骤 {previous} 之后；步骤不能倒序",
                             "item {item}: step {step} comes after step {previous}; steps must "
                             "not decrease"),
    # inspection runs (models/inspection.py)
    "inspection.item_once": ("每个检查项只能出现一次：{items}", "each checklist item appears "
                             "once: {items}"),
    "inspection.hazard_not_failed": ("检查项 {item} 指向一条隐患，但结果不是不合格",
                                     "item {item} points at a hazard but did not fail"),
    "inspection.recurrence": ("检查项 {item} 标记为复现，但没有关联的隐患",
                              "item {item} is a recurrence of no hazard"),
    "inspection.hazards": ("hazards 须恰好列出由不合格项登记的隐患",
                           "hazards must list exactly the hazards raised by failed items"),
}
