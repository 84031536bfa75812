"""Words of the audit: its findings."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "audit.field": ("{field}：{message}", "{field}: {message}"),
    "audit.nobody": ("未指定责任人", "no responsible person named"),
    "audit.future": ("{field} 的日期 {date} 晚于今天（{today}）：还没发生的事不能登记为已完成",
                     "{field} is dated {date}, after today ({today}): what has not happened "
                     "cannot be recorded as done"),
    "audit.id_date": ("编号 {id} 的日期 {day} 与排查日期 {found} 不符（排查日期改动应通过 safecheck edit 更正并留痕）",
                      "the ID {id} says {day} but the hazard was found on {found} (a changed "
                      "date must be a correction made with safecheck edit)"),
    "audit.overdue": ("已逾期 {days} 天（整改时限 {deadline}，{status}），责任人：{who}",
                      "overdue by {days:plural:day} (deadline {deadline}, {status}); "
                      "responsible: {who}"),
    "audit.verification_overdue": ("已于 {completed} 按期整改（时限 {deadline}），验收已逾期 {days} 天，验收人：{verifiers}",
                                   "fixed on {completed} by the deadline ({deadline}); "
                                   "verification overdue by {days:plural:day}; verifiers: "
                                   "{verifiers}"),
    "audit.the_verifiers": ("本单位验收人", "the unit's verifiers"),
    "audit.plan_incomplete": ("排查发现 {days} 天后五到位整改方案仍不完整（应在 {limit} 天内完成），缺少：{missing}",
                              "five-in-place plan still incomplete {days} days after it was "
                              "found (due within {limit}); missing: {missing}"),
    "audit.duplicate_id": ("{id} 出现在 {count} 个文件中：{files}", "{id} is in {count} files: "
                           "{files}"),
    "audit.path.name": ("文件名应为 {name}", "the file name should be {name}"),
    "audit.path.date": ("编号中的日期不是有效日期", "the ID's date is not a calendar date"),
    "audit.path.unit": ("编号中的单位 {id_unit} 与记录的单位 {unit} 不符",
                        "the ID's unit {id_unit} is not the record's unit {unit}"),
    "audit.path.folder": ("应位于 {folder}", "it belongs in {folder}"),
    "audit.unknown_unit": ("单位 {unit} 不在 safecheck.yaml 中", "unit {unit} is not in "
                           "safecheck.yaml"),
    "audit.missing_document": ("{folder}/ 中缺少：{names}", "not in {folder}/: {names}"),
    "audit.today": ("今天到期", "due today"),
    "audit.in_days": ("{days} 天后到期", "due in {days:plural:day}"),
    "audit.due_soon": ("{when}（{deadline}），责任人：{who}", "{when} ({deadline}); "
                       "responsible: {who}"),
    "audit.never_inspected": ("从未排查", "never inspected"),
    "audit.last_inspected": ("上次排查 {date}（{days} 天前）", "last inspected {date} "
                             "({days:plural:day} ago)"),
    "audit.inspection_due": ("{name}（{domain}，{frequency}）：{when}",
                             "{name} ({domain}, {frequency}): {when}"),
    "audit.link.no_inspection": ("排查记录 {inspection} 不存在", "inspection {inspection} does "
                                 "not exist"),
    "audit.link.not_listed": ("排查记录 {inspection} 未列出本隐患", "inspection {inspection} does "
                              "not list this hazard"),
    "audit.link.no_hazard": ("本次排查登记的隐患 {id} 不存在", "hazard {id} raised by this "
                             "inspection does not exist"),
    "audit.link.not_named": ("本次排查登记的隐患 {id} 未指向本排查记录",
                             "hazard {id} raised by this inspection does not name it"),
    "audit.major_unreported": ("重大隐患发现 {days} 天仍未向监管部门报告（应在 {limit} 天内报告：safecheck major ID --reported-on …）",
                               "major hazard not reported to the authority {days} days after "
                               "it was found (within {limit}: safecheck major ID --reported-on "
                               "…)"),
    "audit.major_reported_late": ("重大隐患发现后第 {days} 天才向监管部门报告（应在 {limit} 天内）",
                                  "major hazard reported to the authority {days} days after it "
                                  "was found (within {limit})"),
    "audit.major_governance": ("重大隐患已在整改，但治理方案不完整，缺少：{missing}",
                               "major hazard rectifying without its governance plan; missing: "
                               "{missing}"),
    "audit.campaign_incomplete": ("专项排查“{campaign}”（{id}）已于 {to} 结束，未覆盖：{domain}",
                                  "campaign {campaign} ({id}) ended on {to} without reaching "
                                  "{domain}"),
    "audit.summary": ("：{errors} 个错误，{warnings} 个提醒；{records} 条记录，截至 {today}",
                      ": {errors} errors, {warnings} warnings; {records} records, as of "
                      "{today}"),
    "frequency.daily": ("每日", "daily"),
    "frequency.weekly": ("每周", "weekly"),
    "frequency.monthly": ("每月", "monthly"),
    "frequency.quarterly": ("每季度", "quarterly"),
    "frequency.yearly": ("每年", "yearly"),
}
