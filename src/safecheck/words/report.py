"""Words of the reports."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "report.title.week": ("安全隐患排查治理周报（{label}）", "Weekly hazard report ({label})"),
    "report.title.month": ("{label}安全隐患排查治理月报", "Monthly hazard report ({label})"),
    "report.title.quarter": ("{label}安全隐患排查治理季报", "Quarterly hazard report ({label})"),
    "report.title.year": ("{label}安全隐患排查治理年报", "Annual hazard report ({label})"),
    "report.title.range": ("安全隐患排查治理情况报告（{label}）", "Hazard report ({label})"),
    "report.done": ("已完成", "done"),
    "report.ongoing": ("正在整改", "in progress"),
    "report.bad_window": ("{option} “{value}”：格式应如 {example}", "{option} {value!r}: expected e.g. {example}"),
    "report.example.week": ("2026-W48", "2026-W48"),
    "report.example.month": ("2026-11", "2026-11"),
    "report.example.quarter": ("2026-Q4", "2026-Q4"),
    "report.example.year": ("2026", "2026"),
    "report.no_week": ("{year} 年没有第 {week} 周", "{year} has no week {week}"),
    "report.until_before": ("--until {until} 早于 --since {since}", "--until {until} is before --since {since}"),
    "report.one_window": ("--week、--month、--quarter、--year、--since/--until 只能给一种", "give one of --week, --month, --quarter, --year or --since/--until"),
    "report.no_revision": ("没有版本 {revision}", "no revision {revision}"),
}
