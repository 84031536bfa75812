"""Field types shared by the record kinds, and turning validation errors into problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationError,
)

from safecheck.errors import Problem

UNIT_CODE_PATTERN = r"^[A-Z0-9]{2,6}$"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HAZARD_ID_PATTERN = r"^([A-Z0-9]{2,6})-(\d{8})-([0-9A-HJKMNP-TV-Z]{4})$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: object) -> dt.date:
    """Accept a ``date`` or an ISO ``YYYY-MM-DD`` string; refuse everything else.

    Stricter than Pydantic's lax date parsing, which would take a Unix timestamp or a
    datetime string: a ledger date is a calendar day written one way.
    """
    if type(value) is str and len(value) == 10 and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a calendar date") from None
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")


def _amount(value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("must be a finite number")
    if value < 0:
        raise ValueError(f"must not be negative (got {value})")
    return value


Date = Annotated[dt.date, BeforeValidator(parse_date)]
# String rules run in pydantic-core as patterns: a Python validator per field would cost
# a tenth of a cold audit. problems_from() turns pattern errors back into plain words.
NOT_BLANK = r"\S"
ONE_LINE = r"^[^\n\r]*\S[^\n\r]*$"
PLAIN_FILE_NAME = r"^[^./\\\x00][^/\\\x00]*$"
Text = Annotated[str, StringConstraints(pattern=NOT_BLANK)]
Line = Annotated[str, StringConstraints(pattern=ONE_LINE)]
Name = Annotated[str, StringConstraints(pattern=ONE_LINE, max_length=100)]
DocName = Annotated[str, StringConstraints(pattern=PLAIN_FILE_NAME, max_length=255)]
UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
HazardId = Annotated[str, StringConstraints(pattern=HAZARD_ID_PATTERN)]
Amount = Annotated[int | float, BeforeValidator(_amount)]


class Record(BaseModel):
    """Base of every stored model: unknown keys are errors, values never change in place."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def to_data(self) -> dict[str, Any]:
        """The canonical mapping to write: model key order, empty values left out."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        pruned: dict[str, Any] = _prune(data)
        return pruned


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = _prune(item)
            if item is None or item == [] or item == {}:
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [_prune(item) for item in value]
    return value


_PATTERN_MESSAGES = {
    NOT_BLANK: "must not be empty",
    ONE_LINE: "must be one line of text, not empty",
    PLAIN_FILE_NAME: "must be a plain file name in the record's own folder "
                     "(no folders, not starting with '.')",
}

_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
}


def problems_from(error: ValidationError, path: Path | str) -> list[Problem]:
    """One problem per Pydantic error, with a dotted field path and a plain message."""
    problems = []
    for item in error.errors(include_url=False):
        loc = [str(part) for part in item["loc"]]
        message = _MESSAGES.get(item["type"]) or item["msg"]
        message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if item["type"] == "string_pattern_mismatch":
            pattern = str(item.get("ctx", {}).get("pattern"))
            message = _PATTERN_MESSAGES.get(pattern,
                                            f"{item['input']!r} does not have the expected form")
        problems.append(Problem(path=path, message=message, field=".".join(loc) or None))
    return problems


# Zero-width and other invisible format characters (category Cf) and every kind of space.
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]+")


def clean_name(name: str) -> str:
    """A name as it should be stored: NFKC, invisible characters removed, surrounding
    space trimmed and inner runs of space made one."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def person_key(name: str | None) -> str:
    """What two spellings of one person have in common: NFKC, case-folded, without any
    space or invisible character. "王强 ", "王\u200b强" and "王 强" are all 王强, so a
    responsible person cannot pass as an independent verifier by a keystroke."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _INVISIBLE.sub("", text).casefold()


def same_person(a: str | None, b: str | None) -> bool:
    """True when ``a`` and ``b`` name the same person (see :func:`person_key`)."""
    return bool(a) and bool(b) and person_key(a) == person_key(b)
