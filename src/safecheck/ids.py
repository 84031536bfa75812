"""Hazard and inspection identifiers: ``<UNIT>-<YYYYMMDD>-<XXXX>``.

Four random Crockford base32 characters instead of a sequence number: two branches that
register a hazard on the same day never collide, so merges stay conflict-free.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable

from safecheck.errors import SafecheckError
from safecheck.i18n import Msg
from safecheck.models.common import CROCKFORD, HAZARD_ID_PATTERN

_HAZARD_ID = re.compile(HAZARD_ID_PATTERN)
_INSPECTION_ID = re.compile(r"^([A-Z0-9]{2,6})-([0-9]{8})-([a-z0-9-]+)-([0-9A-HJKMNP-TV-Z]{4})$")
#: Crockford decoding: letters people confuse with digits mean the digits.
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
_ATTEMPTS = 50


Chooser = Callable[[str], str]


def _suffix(choose: Chooser | None) -> str:
    pick = choose or secrets.choice  # looked up per call, so tests can seed it
    return "".join(pick(CROCKFORD) for _ in range(4))


def _unique(prefix: str, taken: Callable[[str], bool], choose: Chooser | None) -> str:
    for _ in range(_ATTEMPTS):
        candidate = f"{prefix}-{_suffix(choose)}"
        if not taken(candidate):
            return candidate
    raise SafecheckError(Msg("ids.exhausted", prefix=prefix, tries=_ATTEMPTS))


def new_hazard_id(
    unit: str,
    found_on: dt.date,
    taken: Callable[[str], bool],
    choose: Chooser | None = None,
) -> str:
    """A fresh hazard ID for ``unit`` found on ``found_on`` that ``taken`` says is free."""
    return _unique(f"{unit}-{found_on:%Y%m%d}", taken, choose)


def new_inspection_id(
    unit: str,
    day: dt.date,
    domain: str,
    taken: Callable[[str], bool],
    choose: Chooser | None = None,
) -> str:
    """A fresh inspection-run ID: ``<UNIT>-<YYYYMMDD>-<domain>-<XXXX>``."""
    return _unique(f"{unit}-{day:%Y%m%d}-{domain}", taken, choose)


def _day(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def parse_hazard_id(hazard_id: str) -> tuple[str, dt.date] | None:
    """The unit and date encoded in a hazard ID, or None if it is not one."""
    match = _HAZARD_ID.match(hazard_id)
    if not match:
        return None
    day = _day(match.group(2))
    return None if day is None else (match.group(1), day)


def parse_inspection_id(inspection_id: str) -> tuple[str, dt.date, str] | None:
    """The unit, date and domain encoded in an inspection ID, or None."""
    match = _INSPECTION_ID.match(inspection_id)
    if not match:
        return None
    day = _day(match.group(2))
    return None if day is None else (match.group(1), day, match.group(3))


def normalize_hazard_id(text: str) -> str:
    """Tolerate how people type IDs: lower case, and I/L/O for 1/0 in the random part."""
    parts = text.strip().upper().split("-")
    if len(parts) == 3:
        parts[2] = parts[2].translate(_CONFUSABLE)
    candidate = "-".join(parts)
    # Something that is no ID even then is reported as the person typed it.
    return candidate if _HAZARD_ID.match(candidate) else text.strip()
