"""The report of a week, month, quarter, year or any window (DESIGN.md, "Reports")."""

from safecheck.report.build import build_report
from safecheck.report.windows import (
    Window,
    between,
    current_week,
    iso_week,
    month,
    quarter,
    trend_buckets,
    year,
)

__all__ = ["Window", "between", "build_report", "current_week", "iso_week", "month",
           "quarter", "trend_buckets", "year"]
