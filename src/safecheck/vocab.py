"""The ledger's fixed vocabulary: statuses, levels, results and default lists.

Kept free of heavy imports because the CLI uses these enums in option types at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a hazard is in its closed loop (闭环整改)."""

    REPORTED = "reported"
    RECTIFYING = "rectifying"
    VERIFYING = "verifying"
    CLOSED = "closed"
    VOID = "void"


#: Not yet signed off nor voided: the one definition of "open" (未销号).
OPEN_STATUSES = frozenset({Status.REPORTED, Status.RECTIFYING, Status.VERIFYING})


class Level(StrEnum):
    """The national grading: 一般隐患 and 重大隐患."""

    GENERAL = "general"
    MAJOR = "major"


class Result(StrEnum):
    """Outcome of an acceptance check."""

    PASS = "pass"
    FAIL = "fail"


class DocumentKind(StrEnum):
    """Which set a document belongs to (before, after, other)."""

    BEFORE = "before"
    AFTER = "after"
    OTHER = "other"


class Locale(StrEnum):
    """Language of labels, prompts and reports."""

    ZH = "zh"
    EN = "en"


class Severity(StrEnum):
    """How an audit finding counts: errors fail the gate, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


DEFAULT_DOMAINS = (
    "confined-space",
    "production-systems",
    "fire-safety",
    "hazardous-chemicals",
    "construction-sites",
    "repair-sites",
    "special-equipment",
    "rental-housing",
    "cybersecurity",
    "rules-and-plans",
)

DEFAULT_SOURCES = (
    "self-inspection",
    "group-inspection",
    "district-inspection",
    "resident-supervision",
    "regulator",
    "report",
    "accident-lesson",
)
