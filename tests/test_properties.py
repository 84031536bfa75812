"""Property-based tests: records through the canonical form, and identifiers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from records import data
from safecheck import ids, yamlio
from safecheck.models.hazard import Hazard
from safecheck.vocab import Status

TRICKY = ":#|>'\"-?*&!%@`{}[],，：“”（）\\"
line = st.text(alphabet=st.one_of(st.sampled_from(TRICKY + " "),
                                  st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                                  st.characters(codec="utf-8",
                                                exclude_categories=("Cs", "Cc", "Zl", "Zp"))),
               min_size=1, max_size=40).filter(lambda t: t.strip() and "\n" not in t
                                               and "\r" not in t)
block = st.lists(line, min_size=1, max_size=4).map("\n".join).flatmap(
    lambda t: st.sampled_from([t, t + "\n"]))


@settings(max_examples=200, deadline=None)
@given(title=line, description=block, location=line, measures=st.lists(line, min_size=1,
                                                                       max_size=3),
       amount=st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False)),
       actions=block)
def test_a_record_survives_the_canonical_form(title: str, description: str, location: str,
                                              measures: list[str], amount: float,
                                              actions: str) -> None:
    record = data("verifying", title=title, description=description, location=location)
    record["plan"]["measures"] = measures
    record["plan"]["funding"]["amount"] = amount
    record["rectifications"][0]["actions"] = actions
    hazard = Hazard.model_validate(record)
    text = yamlio.dump(hazard.to_data())
    again = Hazard.model_validate(yamlio.load_mapping(text, "x.yaml"))
    assert again == hazard
    assert yamlio.dump(again.to_data()) == text


@given(unit=st.from_regex(r"[A-Z0-9]{2,6}", fullmatch=True),
       day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
       taken=st.sets(st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=4,
                             max_size=4), max_size=50))
def test_new_ids_are_well_formed_free_and_parse_back(unit: str, day: dt.date,
                                                     taken: set[str]) -> None:
    used = {f"{unit}-{day:%Y%m%d}-{suffix}" for suffix in taken}
    hazard_id = ids.new_hazard_id(unit, day, used.__contains__)
    assert hazard_id not in used
    assert ids.parse_hazard_id(hazard_id) == (unit, day)
    assert ids.normalize_hazard_id(hazard_id.lower()) == hazard_id


@given(st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=4, max_size=4))
def test_confusable_letters_read_as_digits(suffix: str) -> None:
    typed = f"sw-20261121-{suffix.replace('1', 'l').replace('0', 'o').lower()}"
    assert ids.normalize_hazard_id(typed) == f"SW-20261121-{suffix}"


_JSON_LEAVES = (st.text() | st.integers() | st.floats() | st.booleans() | st.none()
                | st.dates() | st.sampled_from(["已销号", "\x1b[31m", "a\nb", "\u202e", ""])
                | st.sampled_from(list(Status)))
_JSON = st.recursive(_JSON_LEAVES, lambda inner: (
    st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans(), inner, max_size=2)), max_leaves=30)


@given(_JSON)
def test_json_output_is_what_the_json_module_writes(value: object) -> None:
    """Commands write JSON a container at a time (the json module, with an indent,
    encodes token by token in Python); the text is the json module's own."""
    import json

    from safecheck.output.json_out import json_text

    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2, default=str)
