"""Messages, problems and findings as plain values ``marshal`` can store, and back.

The record cache keeps each record's own problems and findings; they hold messages whose
parameters are words, numbers, dates, enums, lists and other messages. Encoding them by
hand (never with pickle) means a cache file can at worst be refused, never run code.
Anything of another type cannot be encoded: such a record is simply not cached.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from safecheck.errors import Problem
from safecheck.findings import Finding
from safecheck.i18n import Msg
from safecheck.vocab import Level, Result, Severity, Status

_ENUMS: dict[str, type[Enum]] = {"Status": Status, "Level": Level, "Result": Result,
                                 "Severity": Severity}


class Unencodable(ValueError):
    """A value the cache cannot hold."""


def encode(value: Any) -> Any:
    """``value`` as nested tuples of plain values (tagged by their first item)."""
    if value is None or type(value) in (str, int, bool):
        return value
    if isinstance(value, Msg):
        return ("M", value.key, {str(k): encode(v) for k, v in value.params.items()})
    if isinstance(value, Enum) and _ENUMS.get(type(value).__name__) is type(value):
        return ("E", type(value).__name__, value.value)
    if type(value) is dt.date:
        return ("D", value.toordinal())
    if type(value) is list:
        return ("L", tuple(encode(v) for v in value))
    if type(value) is tuple:
        return ("T", tuple(encode(v) for v in value))
    if isinstance(value, str):  # a constrained string type
        return str(value)
    raise Unencodable(type(value).__name__)


def decode(value: Any) -> Any:
    """The value :func:`encode` gave (a malformed one raises ValueError/TypeError/KeyError)."""
    if value is None or type(value) in (str, int, bool):
        return value
    tag = value[0]
    if tag == "M":
        return Msg(value[1], **{k: decode(v) for k, v in value[2].items()})
    if tag == "E":
        return _ENUMS[value[1]](value[2])
    if tag == "D":
        return dt.date.fromordinal(value[1])
    if tag == "L":
        return [decode(v) for v in value[1]]
    if tag == "T":
        return tuple(decode(v) for v in value[1])
    raise ValueError(f"unknown tag {tag!r}")


def encode_problem(problem: Problem) -> tuple[Any, ...]:
    """A problem as a tuple."""
    return (str(problem.path), encode(problem.message), problem.line, problem.field)


def decode_problem(value: tuple[Any, ...]) -> Problem:
    """The problem :func:`encode_problem` gave."""
    path, message, line, field = value
    return Problem(str(path), decode(message), line, field)


def encode_finding(finding: Finding) -> tuple[Any, ...]:
    """A finding as a tuple."""
    return (finding.rule, finding.severity.value, encode(finding.message), finding.path,
            finding.line, finding.id, finding.unit, finding.key)


def decode_finding(value: tuple[Any, ...]) -> Finding:
    """The finding :func:`encode_finding` gave."""
    rule, severity, message, path, line, hazard_id, unit, key = value
    return Finding(str(rule), Severity(severity), decode(message), str(path), line,
                   hazard_id, unit, key)
