"""Checklists schema 2: the model's rules, and the packaged content against the review."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from safecheck.checklists import packaged_checklists
from safecheck.models.checklist import FREQUENCY_DAYS, REGIMES, Checklist, ChecklistItem
from safecheck.vocab import DEFAULT_DOMAINS, Level

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


# --- the packaged content (against ../shared/reference/checklist-review.md) ----------------

PACKAGED = packaged_checklists()
ITEMS = [(c, i) for c in PACKAGED.values() for i in c.items]
L13 = "《工贸企业有限空间作业安全规定》（应急管理部令第13号，非工贸单位参照）"
GROUP = (["water-supply", "hazchem-user"], ["city-gas", "special-equipment-user"],
         ["building-municipal"], ["property"])


def get(domain: str, item_id: str) -> ChecklistItem:
    """A packaged item that must exist."""
    found = PACKAGED[domain].item(item_id)
    assert found, f"{domain} has no {item_id}"
    return found


def citations(entry: ChecklistItem) -> list[str]:
    """Every citation an item makes: its basis, major basis and regime bases."""
    found = [entry.basis or "", entry.major_basis or ""]
    return found + [r.basis or "" for r in entry.regimes.values()]


def test_the_ten_domains_then_the_two_per_job_procedures() -> None:
    assert list(PACKAGED) == [*DEFAULT_DOMAINS, "confined-space-entry", "special-work-permit"]
    assert all(c.schema_version == 2 for c in PACKAGED.values())
    assert [c.id for c in PACKAGED.values() if c.per_job] == ["confined-space-entry",
                                                              "special-work-permit"]
    assert PACKAGED["confined-space-entry"].domain == "confined-space"
    assert PACKAGED["special-work-permit"].domain == "repair-sites"


def test_every_item_rests_on_a_rule_and_every_major_on_a_clause() -> None:
    for checklist, entry in ITEMS:
        where = f"{checklist.id} {entry.id}"
        assert entry.basis, where
        assert entry.level is Level.GENERAL or entry.major_basis, where
        for regime, level in entry.regimes.items():
            assert level.level is Level.GENERAL or level.basis, (where, regime)
    for checklist in PACKAGED.values():
        ids = [i.id for i in checklist.items]
        assert len(ids) == len(set(ids)), checklist.id


def test_ids_the_ledger_cites_keep_their_place() -> None:
    cited = {"confined-space": ["CS-01", "CS-02", "CS-05", "CS-15", "CS-16", "CS-17", "CS-18"],
             "construction-sites": ["CN-03", "CN-05", "CN-08"], "cybersecurity": ["CY-02"],
             "fire-safety": ["FS-01", "FS-04", "FS-06", "FS-12"],
             "hazardous-chemicals": ["HC-05", "HC-09"], "production-systems": ["PS-01"],
             "rental-housing": ["RH-04", "RH-06"], "repair-sites": ["RM-04"],
             "rules-and-plans": ["RP-05"], "special-equipment": ["SE-02"]}
    for domain, ids in cited.items():
        assert all(PACKAGED[domain].item(i) for i in ids), domain
    # Per-job checks moved out of the monthly list; their ids are not reused there.
    moved = ["CS-03", "CS-04", *(f"CS-{n:02d}" for n in range(6, 15))]
    assert not [i for i in moved if PACKAGED["confined-space"].item(i)]


def test_the_twelve_steps_in_their_authoritative_order() -> None:
    entry = PACKAGED["confined-space-entry"]
    steps = [i.step for i in entry.items]
    assert steps == sorted(steps) and sorted(set(steps)) == list(range(1, 13))
    first = [next(i for i in entry.items if i.step == n).text.zh for n in range(1, 13)]
    assert [text.split("：")[0] for text in first[:9]] == [
        "作业审批", "安全交底", "设备检查", "封闭作业区域并设置安全警示标志", "打开出入口",
        "安全隔离", "清除置换", "初始气体检测", "个体防护"]
    assert first[9].startswith("监护") and "作业现场负责人" in first[10]
    assert "清点" in first[11]
    testing = [i.text.zh.split("：")[0] for i in entry.items if i.step == 8]
    assert testing == ["初始气体检测", "强制通风", "再次检测"]
    # No unsourced periodic retest; testing no earlier than 30 minutes before entry.
    assert not [i.id for c, i in ITEMS if "每30分钟" in i.text.zh]
    assert "不早于作业开始前30分钟" in entry.items[11].text.zh


def test_majors_of_the_twelve_steps_by_regime() -> None:
    entry = PACKAGED["confined-space-entry"]
    for regimes, majors in ((["building-municipal"], ["CE-01", "CE-11", "CE-12", "CE-14"]),
                            (["industry-trade"], ["CE-01", "CE-11", "CE-12", "CE-14"]),
                            (["water-supply", "hazchem-user"], []),
                            (["city-gas"], [])):
        found = [i.id for i in entry.items if i.suggested(regimes)[0] is Level.MAJOR]
        assert found == majors, regimes
    assert get("confined-space-entry", "CE-14").suggested(["building-municipal"]) == (
        Level.MAJOR, "《房屋市政工程生产安全重大事故隐患判定标准（2022版）》第十一条（二）")
    assert "主要负责人或其书面委托的人员" in get("confined-space-entry", "CE-02").text.zh


def test_confined_space_items_do_not_rest_on_13_alone() -> None:
    for domain in ("confined-space", "confined-space-entry"):
        for entry in PACKAGED[domain].items:
            rest = (entry.basis or "").replace(L13, "").strip("；")
            assert rest, (domain, entry.id)


def test_e_bike_charging_has_one_level_in_fire_safety_and_rental_housing() -> None:
    fire, rental = get("fire-safety", "FS-12"), get("rental-housing", "RH-04")
    for regimes in ([], *([r] for r in REGIMES), *GROUP):
        assert fire.suggested(regimes) == rental.suggested(regimes), regimes


def test_no_item_cites_the_replaced_fire_standard() -> None:
    for _, entry in ITEMS:
        assert not [c for c in citations(entry) if "GB 35181-2017" in c], entry.id
        assert "重大火灾隐患判定方法" not in " ".join(citations(entry)), entry.id


def test_special_work_standard_binds_only_hazchem() -> None:
    for _, entry in ITEMS:
        if "GB 30871" in (entry.basis or ""):
            assert "其他单位参照" in (entry.basis or ""), entry.id
        for regime, level in entry.regimes.items():
            if "第十八项" in (level.basis or ""):
                assert regime == "hazchem", entry.id
    hot_work = get("repair-sites", "RM-04")
    assert hot_work.suggested(["city-gas"]) == (Level.GENERAL, None)
    assert hot_work.suggested(["hazchem"])[0] is Level.MAJOR


def test_construction_special_trade_certificates_by_regime() -> None:
    certificates = get("construction-sites", "CN-08")
    assert "建质〔2008〕75号" in (certificates.basis or "")
    level, basis = certificates.suggested(["building-municipal"])
    assert level is Level.MAJOR and basis and basis.endswith("第四条（三）")
    assert certificates.suggested(["water-supply", "hazchem-user"]) == (Level.GENERAL, None)


def test_cybersecurity_has_no_work_safety_major() -> None:
    for entry in PACKAGED["cybersecurity"].items:
        assert entry.level is Level.GENERAL and not entry.regimes, entry.id


def test_sector_items_are_asked_only_where_they_apply() -> None:
    systems = PACKAGED["production-systems"]
    gas, water = ["city-gas", "special-equipment-user"], ["water-supply", "hazchem-user"]
    for number in ("PS-15", "PS-16", "PS-17"):
        entry = get(systems.id, number)
        assert entry.applies_to(gas) and not entry.applies_to(water), number
        level, basis = entry.suggested(gas)
        assert level is Level.MAJOR and basis and "建城规〔2023〕4号" in basis
    chlorine = get("hazardous-chemicals", "HC-18")
    assert chlorine.applies_to(water) and not chlorine.applies_to(gas)


def test_statutory_rhythms() -> None:
    assert PACKAGED["special-equipment"].frequency_for(["city-gas",
                                                        "special-equipment-user"]) == "weekly"
    assert PACKAGED["special-equipment"].frequency_for(["property"]) == "monthly"
    assert PACKAGED["hazardous-chemicals"].frequency == "weekly"
    assert PACKAGED["fire-safety"].frequency == "monthly"
    assert all(c.frequency is None for c in PACKAGED.values() if c.per_job)


def test_names_follow_the_groups_terms() -> None:
    names = {c.id: c.names.zh for c in PACKAGED.values()}
    assert names["construction-sites"] == "建设工程施工现场"
    assert names["repair-sites"] == "抢修及检维修作业现场"
    assert names["production-systems"] == "生产经营（运行）系统"
