"""The JSON Schemas accept what the loader accepts: the whole example ledger passes them
(with the jsonschema library and with check-jsonschema), and each invalid fixture below
fails them and is refused by the loader too."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from safecheck import layout, yamlio
from safecheck.loading import validated
from safecheck.schemas import KINDS, file_name, json_schema, write_schemas
from safecheck.store import hazard_from_data

ROOT = Path(__file__).resolve().parents[1]


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json_schema(kind, "zh")
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def example_files(kind: str) -> list[Path]:
    if kind == "hazard":
        return list(layout.hazard_files(ROOT))
    if kind == "inspection":
        return list(layout.inspection_files(ROOT))
    if kind == "checklist":
        return sorted((ROOT / "checklists").glob("*.yaml"))
    return [ROOT / "safecheck.yaml"]


def load(path: Path) -> dict[str, Any]:
    return yamlio.load_mapping(path.read_text(encoding="utf-8"), path.name)


def loader_accepts(kind: str, data: dict[str, Any]) -> bool:
    """What the commands do with a mapping of ``kind``: True when it loads."""
    from safecheck.config import Settings
    from safecheck.errors import DataError
    from safecheck.models.checklist import Checklist
    from safecheck.models.inspection import Inspection

    if kind == "hazard":
        hazard, _ = hazard_from_data(data, lambda: "", "x.yaml")
        # lifecycle problems come with the hazard; a structural one leaves none
        return hazard is not None
    model = {"inspection": Inspection, "checklist": Checklist, "settings": Settings}[kind]
    try:
        validated(model, data, "", "x.yaml")
    except DataError:
        return False
    return True


def cli_check(schema_file: Path, files: list[Path], output: str = "text"
              ) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run([str(exe), "--schemafile", str(schema_file), "-o", output,
                           *map(str, files)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_record_passes_its_schema(kind: str) -> None:
    files = example_files(kind)
    assert files
    check = validator(kind)
    for path in files:
        errors = [e.message for e in check.iter_errors(load(path))]
        assert not errors, f"{path}: {errors}"


def test_check_jsonschema_accepts_the_example_ledger(tmp_path: Path) -> None:
    for path, written in write_schemas(tmp_path, KINDS, "zh"):
        assert written and path.is_file()
    for kind in KINDS:
        done = cli_check(tmp_path / file_name(kind), example_files(kind))
        assert done.returncode == 0, done.stdout + done.stderr


# --- invalid fixtures: each is refused by the schema and by the loader --------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return mutate


def _drop(path: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]
    return mutate


HAZARD = ROOT / "records/SW/2026/SW-20261104-D6QA.yaml"
INSPECTION = ROOT / "records/SW/2026/inspections/SW-20261015-cybersecurity-66EH.yaml"
PERIODIC = ROOT / "checklists/confined-space.yaml"
PER_JOB = ROOT / "checklists/confined-space-entry.yaml"
SETTINGS = ROOT / "safecheck.yaml"

INVALID: dict[str, tuple[str, Path, Mutation]] = {
    "hazard: bad level": ("hazard", HAZARD, _set("level", "serious")),
    "hazard: bad status": ("hazard", HAZARD, _set("status", "done")),
    "hazard: date not YYYY-MM-DD": ("hazard", HAZARD, _set("found_on", "2026/11/04")),
    "hazard: not a calendar date": ("hazard", HAZARD, _set("found_on", "2026-02-30")),
    "hazard: date as a number": ("hazard", HAZARD, _set("found_on", 20261104)),
    "hazard: missing title": ("hazard", HAZARD, _drop("title")),
    "hazard: missing kind": ("hazard", HAZARD, _drop("kind")),
    "hazard: blank title": ("hazard", HAZARD, _set("title", "   ")),
    "hazard: two-line title": ("hazard", HAZARD, _set("title", "一\n二")),
    "hazard: unknown field": ("hazard", HAZARD, _set("severity", "high")),
    "hazard: unknown field in the plan": ("hazard", HAZARD, _set("plan.budget", 3)),
    "hazard: bad ID": ("hazard", HAZARD, _set("id", "SW-2026-1104-D6QA")),
    "hazard: ID with I (not Crockford)": ("hazard", HAZARD, _set("id", "SW-20261104-D6QI")),
    "hazard: lower-case unit": ("hazard", HAZARD, _set("unit", "sw")),
    "hazard: negative funding": ("hazard", HAZARD, _set("plan.funding.amount", -5)),
    "hazard: funding as text": ("hazard", HAZARD, _set("plan.funding.amount", "1200")),
    "hazard: schema 3": ("hazard", HAZARD, _set("schema", 3)),
    "hazard: document in a folder": ("hazard", HAZARD,
                                     _set("documents", {"before": ["../x.jpg"]})),
    "hazard: correction of a bad field name": ("hazard", HAZARD, _set(
        "corrections", [{"date": "2026-11-05", "by": "李明", "reason": "笔误",
                         "fields": {"Location": ["a", "b"]}}])),
    "hazard: verification without result": ("hazard", HAZARD, _set(
        "verifications", [{"date": "2026-11-05", "by": "张伟"}])),
    "inspection: bad item result": ("inspection", INSPECTION, _set("items.0.result", "ok")),
    "inspection: no inspectors": ("inspection", INSPECTION, _set("inspectors", [])),
    "inspection: bad ID": ("inspection", INSPECTION, _set("id", "SW-20261015-66EH")),
    "inspection: unknown field": ("inspection", INSPECTION, _set("weather", "晴")),
    "inspection: bad date": ("inspection", INSPECTION, _set("date", "2026-10-32")),
    "checklist: bad item ID": ("checklist", PERIODIC, _set("items.0.id", "cs-1")),
    "checklist: unknown regime": ("checklist", PERIODIC, _set("items.0.only_for", ["mining"])),
    "checklist: schema 2 item without basis": ("checklist", PERIODIC, _drop("items.0.basis")),
    "checklist: schema 1 with schema 2 keys": ("checklist", PERIODIC, _set("schema", 1)),
    "checklist: per-job with a frequency": ("checklist", PER_JOB, _set("frequency", "daily")),
    "checklist: periodic without frequency": ("checklist", PERIODIC, _drop("frequency")),
    "checklist: bad frequency": ("checklist", PERIODIC, _set("frequency", "hourly")),
    "settings: no units": ("settings", SETTINGS, _set("units", [])),
    "settings: bad unit code": ("settings", SETTINGS, _set("units.0.code", "water")),
    "settings: unknown role": ("settings", SETTINGS, _set("people.0.roles", ["boss"])),
    "settings: unknown locale": ("settings", SETTINGS, _set("locale", "fr")),
    "settings: bad severity": ("settings", SETTINGS, _set("rules", {"overdue": "fatal"})),
    "settings: both spellings": ("settings", SETTINGS, _set("organisation", "另一个")),
    "settings: no organisation": ("settings", SETTINGS, _drop("organization")),
    "settings: negative days": ("settings", SETTINGS, _set("due_soon_days", -1)),
}


def mutated(path: Path, mutation: Mutation) -> dict[str, Any]:
    data = copy.deepcopy(load(path))
    mutation(data)
    return data


@pytest.mark.parametrize("name", sorted(INVALID))
def test_an_invalid_fixture_fails_the_schema_and_the_loader(name: str) -> None:
    kind, path, mutation = INVALID[name]
    data = mutated(path, mutation)
    assert not loader_accepts(kind, data), "the loader must refuse it too"
    assert list(validator(kind).iter_errors(data)), "the schema accepted it"


def test_check_jsonschema_refuses_every_invalid_fixture(tmp_path: Path) -> None:
    write_schemas(tmp_path, KINDS, "en")
    for kind in KINDS:
        files = {}
        for number, name in enumerate(sorted(INVALID)):
            if INVALID[name][0] != kind:
                continue
            _, path, mutation = INVALID[name]
            bad = tmp_path / f"{kind}-{number}.yaml"
            bad.write_text(yamlio.dump(mutated(path, mutation)), encoding="utf-8")
            files[str(bad)] = name
        done = cli_check(tmp_path / file_name(kind), [Path(f) for f in files], "json")
        assert done.returncode == 1, done.stdout + done.stderr
        refused = {error["filename"] for error in json.loads(done.stdout)["errors"]}
        assert not {files[f] for f in files if f not in refused}, "accepted"


VALID: dict[str, tuple[str, Path, Mutation]] = {
    "hazard: an optional field left empty": ("hazard", HAZARD, _set("department", None)),
    "hazard: no funding needed": ("hazard", HAZARD, _set("plan.funding.amount", 0)),
    "hazard: funding with cents": ("hazard", HAZARD, _set("plan.funding.amount", 99.5)),
    "hazard: schema left out": ("hazard", HAZARD, _drop("schema")),
    "inspection: schema 1": ("inspection", INSPECTION, _set("schema", 1)),
    "checklist: schema 1 without schema 2 keys": ("checklist", PERIODIC, lambda d: (
        d.update(schema=1), [d.pop(k, None) for k in ("domain", "procedure", "frequencies")],
        [item.pop(k, None) for item in d["items"]
         for k in ("defect", "major_basis", "regimes", "only_for", "step")])),
    "settings: organisation spelled the British way": ("settings", SETTINGS, lambda d: d.update(
        organisation=d.pop("organization"))),
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_what_the_loader_accepts_the_schema_accepts(name: str) -> None:
    kind, path, mutation = VALID[name]
    data = mutated(path, mutation)
    assert loader_accepts(kind, data)
    assert not [e.message for e in validator(kind).iter_errors(data)]


# --- words -------------------------------------------------------------------------


def described(schema: dict[str, Any]) -> list[str]:
    """Every object (the record and its parts) and every property of one that lacks a
    title or a description."""
    missing = []
    objects = {"": schema, **schema.get("definitions", {})}
    for name, node in objects.items():
        if "title" not in node or "description" not in node:
            missing.append(name)
        for field, prop in node.get("properties", {}).items():
            if "title" not in prop or "description" not in prop:
                missing.append(f"{name}.{field}")
    return missing


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_every_field_has_a_title_and_a_description_from_the_catalogue(kind: str,
                                                                        locale: str) -> None:
    schema = json_schema(kind, locale)
    assert not described(schema)
    titles = json.dumps(schema, ensure_ascii=False)
    assert "Found On" not in titles and "Plan Approved By" not in titles  # pydantic's own


def test_titles_and_value_labels_follow_the_language() -> None:
    zh, en = json_schema("hazard", "zh"), json_schema("hazard", "en")
    assert zh["title"] == "隐患记录" and en["title"] == "Hazard record"
    assert zh["properties"]["found_on"]["title"] == "排查日期"
    assert en["properties"]["found_on"]["title"] == "Found on"
    level = zh["definitions"]["Level"]
    assert level["enum"] == ["general", "major"]
    assert level["enumDescriptions"] == ["一般隐患", "重大隐患"]
    assert zh["definitions"]["Status"]["enumDescriptions"][3] == "已销号"
    roles = json_schema("settings", "zh")["definitions"]["Person"]["properties"]["roles"]
    assert roles["items"]["enumDescriptions"][0] == "验收人"


def test_the_schemas_are_draft_07_with_dates_as_strings() -> None:
    for kind in KINDS:
        schema = json_schema(kind, "en")
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        text = json.dumps(schema)
        assert "$defs" not in text and "prefixItems" not in text
    found_on = json_schema("hazard", "en")["properties"]["found_on"]
    assert found_on["type"] == "string" and found_on["format"] == "date"
    assert found_on["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
