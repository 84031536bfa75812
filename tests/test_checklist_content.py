"""Checklists schema 2: the model's rules, and the packaged content against the review."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from safecheck.models.checklist import FREQUENCY_DAYS, REGIMES, Checklist, ChecklistItem
from safecheck.vocab import Level

BASIS = "《中华人民共和国安全生产法》第四十一条"
MAJOR_JS = "《房屋市政工程生产安全重大事故隐患判定标准（2022版）》第四条（三）"
MAJOR_IT = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条（二）"


def item(number: int = 1, **extra: Any) -> dict[str, Any]:
    """A valid schema-2 item, with ``extra`` keys replacing or adding to it."""
    return {"id": f"XX-{number:02d}", "text": {"zh": "检查", "en": "Check"}, "basis": BASIS,
            **extra}


def checklist(*items: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A valid schema-2 periodic checklist, with ``extra`` keys replacing or adding."""
    return {"kind": "checklist", "schema": 2, "id": "demo", "names": {"zh": "示例", "en": "Demo"},
            "frequency": "monthly", "items": list(items) or [item()], **extra}


def refused(data: dict[str, Any]) -> str:
    """The message of the validation error ``data`` raises."""
    with pytest.raises(ValidationError) as error:
        Checklist.model_validate(data)
    return str(error.value)


# --- the model ----------------------------------------------------------------------------

def test_a_schema_2_checklist_and_its_defaults() -> None:
    loaded = Checklist.model_validate(checklist())
    assert (loaded.domain, loaded.procedure, loaded.frequency) == ("demo", "periodic", "monthly")
    assert not loaded.per_job and loaded.item("XX-01") is not None
    assert Checklist.model_validate(loaded.to_data()) == loaded


def test_a_schema_1_file_still_loads_and_round_trips() -> None:
    old = {"kind": "checklist", "schema": 1, "id": "mining",
           "names": {"zh": "矿山", "en": "Mining"},
           "items": [{"id": "MN-01", "text": {"zh": "通风", "en": "Air"}, "level": "major"}]}
    loaded = Checklist.model_validate(old)
    assert loaded.frequency == "monthly" and loaded.domain == "mining"
    assert loaded.items[0].suggested(["city-gas"]) == (Level.MAJOR, None)
    assert loaded.to_data() == {**old, "frequency": "monthly"}


@pytest.mark.parametrize("key", ["domain", "procedure", "frequencies"])
def test_schema_1_refuses_checklist_keys_of_schema_2(key: str) -> None:
    value = {"domain": "demo", "procedure": "periodic", "frequencies": {"hazchem": "weekly"}}[key]
    assert f"{key} needs schema 2" in refused(checklist(schema=1, **{key: value}))


def test_schema_1_refuses_item_keys_of_schema_2() -> None:
    assert "item XX-01: step needs schema 2" in refused(checklist(item(step=1), schema=1))


def test_ids_must_be_unique() -> None:
    assert "unique in a checklist: XX-01" in refused(checklist(item(), item()))


def test_schema_2_requires_a_basis() -> None:
    assert "item XX-02: basis is required in schema 2" in refused(
        checklist(item(), {"id": "XX-02", "text": {"zh": "甲", "en": "a"}}))


def test_a_major_default_needs_major_basis() -> None:
    assert "item XX-01: level major needs major_basis" in refused(checklist(item(level="major")))


def test_a_major_regime_entry_needs_a_basis() -> None:
    message = refused(checklist(item(regimes={"hazchem": {"level": "major"}})))
    assert "item XX-01: major under hazchem needs a basis" in message


@pytest.mark.parametrize("extra", [{"regimes": {"gas": {"level": "general"}}},
                                   {"only_for": ["gas"]}])
def test_regimes_come_from_the_vocabulary(extra: dict[str, Any]) -> None:
    assert "item XX-01: unknown regime 'gas'" in refused(checklist(item(**extra)))


def test_frequency_overrides_name_known_regimes() -> None:
    assert "frequencies: unknown regime 'gas'" in refused(checklist(frequencies={"gas": "weekly"}))


def test_a_periodic_checklist_needs_a_frequency() -> None:
    data = checklist()
    del data["frequency"]
    assert "a periodic checklist needs a frequency" in refused(data)


@pytest.mark.parametrize("extra", [{"frequency": "monthly"},
                                   {"frequencies": {"hazchem": "weekly"}}])
def test_a_per_job_checklist_has_no_rhythm(extra: dict[str, Any]) -> None:
    data = {**checklist(procedure="per-job"), **extra}
    if "frequency" not in extra:
        del data["frequency"]
    assert "a per-job checklist is run once per work permit" in refused(data)


def per_job(*steps: int | None) -> dict[str, Any]:
    """A per-job checklist whose items have ``steps``."""
    data = checklist(*(item(n, step=s) for n, s in enumerate(steps, start=1)),
                     procedure="per-job")
    del data["frequency"]
    return data


def test_steps_in_a_per_job_checklist() -> None:
    loaded = Checklist.model_validate(per_job(1, 2, 2, 3))
    assert loaded.per_job and [i.step for i in loaded.items] == [1, 2, 2, 3]
    assert loaded.frequency is None and loaded.frequency_for(["hazchem"]) is None


def test_steps_only_in_per_job_checklists() -> None:
    assert "item XX-01: steps belong only in a per-job checklist" in refused(
        checklist(item(step=1)))


def test_steps_start_at_one() -> None:
    assert "item XX-01: the first step must be 1, not 2" in refused(per_job(2, 3))


def test_steps_do_not_decrease() -> None:
    assert "item XX-03: step 1 comes after step 2" in refused(per_job(1, 2, 1))


def test_a_stepped_procedure_numbers_every_item() -> None:
    assert "item XX-02: in a stepped procedure every item needs a step" in refused(
        per_job(1, None))


def test_frequencies_per_regime() -> None:
    loaded = Checklist.model_validate(checklist(
        frequencies={"special-equipment-user": "weekly", "hazchem": "daily"}))
    assert loaded.frequency_for([]) == "monthly"
    assert loaded.frequency_for(["property"]) == "monthly"
    assert loaded.frequency_for(["city-gas", "special-equipment-user"]) == "weekly"
    assert loaded.frequency_for(["special-equipment-user", "hazchem"]) == "daily"
    assert FREQUENCY_DAYS == {"daily": 1, "weekly": 7, "monthly": 31, "quarterly": 92,
                              "yearly": 366}


def suggest(unit: list[str], **extra: Any) -> tuple[Level, str | None]:
    """The suggested level and basis of an item with ``extra`` for a unit's regimes."""
    return ChecklistItem.model_validate(item(**extra)).suggested(unit)


def test_suggested_level_by_regime() -> None:
    entries = {"building-municipal": {"level": "major", "basis": MAJOR_JS},
               "industry-trade": {"level": "major", "basis": MAJOR_IT}}
    assert suggest(["water-supply", "hazchem-user"], regimes=entries) == (Level.GENERAL, None)
    assert suggest(["building-municipal"], regimes=entries) == (Level.MAJOR, MAJOR_JS)
    # Several regimes saying major: the unit's first one gives the basis.
    assert suggest(["industry-trade", "building-municipal"], regimes=entries) == (
        Level.MAJOR, MAJOR_IT)
    assert suggest([], regimes=entries) == (Level.GENERAL, None)


def test_suggested_level_with_a_major_default() -> None:
    extra = {"level": "major", "major_basis": "GB 45067-2024",
             "regimes": {"property": {"level": "general"},
                         "hazchem": {"level": "major", "basis": "121号文"}}}
    assert suggest([], **extra) == (Level.MAJOR, "GB 45067-2024")
    assert suggest(["city-gas"], **extra) == (Level.MAJOR, "GB 45067-2024")
    # A regime saying general lowers a major default, unless another one says major.
    assert suggest(["property"], **extra) == (Level.GENERAL, None)
    assert suggest(["property", "hazchem"], **extra) == (Level.MAJOR, "121号文")


def test_applies_to() -> None:
    gas = ChecklistItem.model_validate(item(only_for=["city-gas"]))
    assert gas.applies_to(["city-gas", "special-equipment-user"])
    assert not gas.applies_to(["water-supply", "hazchem-user"]) and not gas.applies_to([])
    assert ChecklistItem.model_validate(item()).applies_to([])


def test_the_regime_vocabulary() -> None:
    assert REGIMES == ("industry-trade", "building-municipal", "city-gas", "water-supply",
                       "hazchem", "hazchem-user", "fire-key-unit", "special-equipment-user",
                       "property", "other")
