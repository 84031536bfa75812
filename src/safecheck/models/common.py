"""Field types shared by the record kinds, and turning validation errors into problems."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
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
from safecheck.i18n import Msg
from safecheck.printable import CONTROL_CHARS, first_control

UNIT_CODE_PATTERN = r"^[A-Z0-9]{2,6}$"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HAZARD_ID_PATTERN = r"^([A-Z0-9]{2,6})-([0-9]{8})-([0-9A-HJKMNP-TV-Z]{4})$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: The days a ledger can speak of. Outside them a date is a typo or an attack, and date
#: arithmetic (a deadline plus days, a report's next month) would overflow at year 9999.
FIRST_DAY = dt.date(1950, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)
#: No hazard's funding comes near this (a trillion); a bigger number is a typo.
MAX_AMOUNT = 10**12


def _char_class(allowed: str = "") -> str:
    """The forbidden characters as the inside of a regex class, written so that Python,
    pydantic-core (Rust) and JSON Schema (ECMA-262) regexes read it alike."""
    # No text of a record may hold a control character (see safecheck.printable); only
    # multi-line text keeps tab and newline.
    codes = sorted(ord(c) for c in CONTROL_CHARS if c not in allowed)
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])

    def one(code: int) -> str:
        return f"\\x{code:02x}" if code < 0x100 else chr(code)
    return "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in ranges)


_LINE_FORBIDDEN = _char_class()
_TEXT_FORBIDDEN = _char_class(allowed="\t\n")


def parse_date(value: object) -> dt.date:
    """Accept a ``date`` or an ISO ``YYYY-MM-DD`` string; refuse everything else.

    Stricter than Pydantic's lax date parsing, which would take a Unix timestamp or a
    datetime string: a ledger date is a calendar day written one way.
    """
    if type(value) is str and len(value) == 10 and _ISO_DATE.match(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(Msg("value.not_calendar_date", value=value)) from None
    elif isinstance(value, dt.datetime):
        raise ValueError(Msg("value.datetime"))
    elif isinstance(value, dt.date):
        day = value
    else:
        raise ValueError(Msg("value.date_form", value=value))
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(Msg("value.date_range", value=day.isoformat(),
                             first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()))
    return day


def amount_value(value: object) -> int | float:
    """A record's amount rule: a finite number, not negative, at most MAX_AMOUNT."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(Msg("value.number", value=value))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(Msg("value.finite"))
    if value < 0:
        raise ValueError(Msg("value.negative", value=value))
    if value > MAX_AMOUNT:
        shown = str(value) if len(str(value)) <= 20 else str(value)[:17] + "…"
        raise ValueError(Msg("value.too_large", value=shown, limit=f"{MAX_AMOUNT:,}"))
    return value


def amount_from_text(text: str) -> int | float:
    """A money amount as people type it (``1200``, ``1,200``, ``1200.50``), held to the
    same rules as a record's amount: the one parser of typed amounts (options, prompts)."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value: int | float = (int(cleaned) if re.fullmatch(r"[+-]?[0-9]+", cleaned)
                              else float(cleaned))
    except ValueError:
        raise ValueError(Msg("value.number", value=text)) from None
    return amount_value(value)


Date = Annotated[dt.date, BeforeValidator(parse_date)]
# String rules run in pydantic-core as patterns: a Python validator per field would cost
# a tenth of a cold audit. problems_from() turns pattern errors back into plain words.
NOT_BLANK = rf"^[^{_TEXT_FORBIDDEN}]*[^\s{_TEXT_FORBIDDEN}][^{_TEXT_FORBIDDEN}]*$"
ONE_LINE = rf"^[^{_LINE_FORBIDDEN}]*[^\s{_LINE_FORBIDDEN}][^{_LINE_FORBIDDEN}]*$"
PLAIN_FILE_NAME = rf"^[^./\\{_LINE_FORBIDDEN}][^/\\{_LINE_FORBIDDEN}]*$"
Text = Annotated[str, StringConstraints(pattern=NOT_BLANK)]
Line = Annotated[str, StringConstraints(pattern=ONE_LINE)]
Name = Annotated[str, StringConstraints(pattern=ONE_LINE, max_length=100)]
DocName = Annotated[str, StringConstraints(pattern=PLAIN_FILE_NAME, max_length=255)]
UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
HazardId = Annotated[str, StringConstraints(pattern=HAZARD_ID_PATTERN)]
Amount = Annotated[int | float, BeforeValidator(amount_value)]


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


#: What a pattern means, in words (the pattern itself is no message for people).
_PATTERN_KEYS = {
    NOT_BLANK: "schema.not_blank",
    ONE_LINE: "schema.one_line",
    PLAIN_FILE_NAME: "schema.plain_file_name",
    UNIT_CODE_PATTERN: "schema.unit_code",
    HAZARD_ID_PATTERN: "schema.hazard_id",
    SLUG_PATTERN: "schema.slug",
    r"^[A-Z]{2,4}-[0-9]{2,3}$": "schema.item_id",
    r"^[A-Z0-9]{2,6}-[0-9]{8}-[a-z0-9-]+-[0-9A-HJKMNP-TV-Z]{4}$": "schema.inspection_id",
    r"^[a-z][a-z_]*$": "schema.field_name",
    r"^[A-Z]{3}$": "schema.currency",
    r"^[A-Za-z0-9._/-]+$": "schema.branch",
}

#: Pydantic error types → catalogue keys whose parameters come from the error's context.
_TYPE_KEYS = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.extra_forbidden",
    "string_too_long": "schema.too_long_text",
    "string_too_short": "schema.too_short_text",
    "literal_error": "schema.one_of",
    "enum": "schema.one_of",
    "int_parsing": "schema.integer",
    "int_type": "schema.integer",
    "int_from_float": "schema.integer",
    "float_parsing": "schema.number",
    "float_type": "schema.number",
    "greater_than_equal": "schema.at_least",
    "greater_than": "schema.above",
    "less_than_equal": "schema.at_most",
    "less_than": "schema.below",
    "too_short": "schema.too_few",
    "too_long": "schema.too_many",
    "list_type": "schema.list",
    "tuple_type": "schema.list",
    "set_type": "schema.list",
    "dict_type": "schema.mapping",
    "mapping_type": "schema.mapping",
    "model_type": "schema.mapping",
    "model_attributes_type": "schema.mapping",
    "dataclass_type": "schema.mapping",
    "string_type": "schema.text",
    "bool_type": "schema.bool",
    "bool_parsing": "schema.bool",
    "date_type": "schema.date",
    "date_parsing": "schema.date",
    "date_from_datetime_parsing": "schema.date",
    "date_from_datetime_inexact": "schema.date",
    "datetime_type": "schema.date",
}

_QUOTED = re.compile(r"'([^']*)'")


def _expected(ctx: dict[str, Any]) -> list[str]:
    """The allowed values of a literal or enum error: ``'a', 'b' or 'c'`` → [a, b, c]."""
    text = str(ctx.get("expected", ""))
    return _QUOTED.findall(text) or [part.strip() for part in re.split(r",| or ", text)
                                     if part.strip()]


def _shown(value: Any) -> str:
    """A value someone wrote, shortened to one line."""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


def error_message(item: Mapping[str, Any]) -> Msg | str:
    """One Pydantic error (an item of ``ValidationError.errors()``) as a catalogue message.

    safecheck's own validators raise ``ValueError(Msg(...))``: their message is kept as
    it is. An error type safecheck does not expect falls back to Pydantic's English text.
    """
    kind = item["type"]
    ctx: dict[str, Any] = dict(item.get("ctx") or {})
    given = _shown(item.get("input", ""))
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        if isinstance(error, BaseException) and error.args and isinstance(error.args[0], Msg):
            return error.args[0]
        text = str(item["msg"])
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "string_pattern_mismatch":
        value = item.get("input")
        bad = first_control(value) if isinstance(value, str) else None
        if bad is not None:
            return Msg("schema.control_char", code=f"U+{ord(bad):04X}")
        return Msg(_PATTERN_KEYS.get(str(ctx.get("pattern")), "schema.pattern"), input=given)
    found = _TYPE_KEYS.get(kind)
    if found is None:
        return str(item["msg"])
    key = found
    limits = ("ge", "gt", "le", "lt")
    if key == "schema.one_of" and len(_expected(ctx)) == 1:
        key = "schema.exactly"
    return Msg(key, input=given, expected=_expected(ctx) if "expected" in ctx else [],
               max=ctx.get("max_length"), min=ctx.get("min_length"),
               limit=next((ctx[k] for k in limits if k in ctx), None))


def problems_from(error: ValidationError, path: Path | str) -> list[Problem]:
    """One problem per Pydantic error, with a dotted field path and a catalogue message."""
    return [Problem(path=path, message=error_message(item),
                    field=".".join(str(part) for part in item["loc"]) or None)
            for item in error.errors(include_url=False)]


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
