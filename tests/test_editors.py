"""``safecheck schema`` and the editor set-up: schema files, and VS Code settings that map
them onto the ledger's files without losing the user's own settings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import SafetyRepo, run
from safecheck import layout
from safecheck.editors import GLOBS

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("hazard", "inspection", "checklist", "settings")


def test_schema_prints_the_hazard_schema_in_the_ledgers_language(
        repo: SafetyRepo, en_repo: SafetyRepo) -> None:
    zh = json.loads(repo.run("schema").out)
    assert zh["title"] == "隐患记录" and zh["properties"]["level"]["title"] == "隐患等级"
    en = json.loads(en_repo.run("schema").out)
    assert en["title"] == "Hazard record"
    assert json.loads(repo.run("schema", "--lang", "en").out)["title"] == "Hazard record"
    settings = json.loads(repo.run("schema", "settings").out)
    assert settings["properties"]["units"]["title"] == "单位"


def test_schema_output_writes_all_four_or_the_one_named(repo: SafetyRepo,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = repo.run("schema", "--output", str(out))
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)
    for kind in KINDS:
        assert (out / f"{kind}.schema.json").read_text(encoding="utf-8") == \
            repo.run("schema", kind).out
    again = repo.run("schema", "--output", str(out))
    assert again.code == 0 and again.out.count("未变化") == 4
    one = tmp_path / "one"
    assert repo.run("schema", "inspection", "-o", str(one)).code == 0
    assert [p.name for p in one.iterdir()] == ["inspection.schema.json"]


def test_schema_output_refreshes_a_changed_file_and_leaves_no_debris(
        repo: SafetyRepo, tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    assert repo.run("schema", "-o", str(out)).code == 0
    (out / "hazard.schema.json").write_text("{}", encoding="utf-8")
    result = repo.run("schema", "-o", str(out), "--lang", "en")
    assert result.code == 0 and result.out.count("wrote") + result.out.count("已写入") == 4
    assert json.loads((out / "hazard.schema.json").read_text())["title"] == "Hazard record"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)


def test_schema_output_onto_a_file_is_refused(repo: SafetyRepo, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("keep", encoding="utf-8")
    result = repo.run("schema", "-o", str(target))
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "keep"


def test_schema_of_an_unknown_kind_is_refused(repo: SafetyRepo) -> None:
    result = repo.run("schema", "people")
    assert result.code == 2 and "people" in result.err


def test_init_writes_the_schemas_and_the_vscode_settings(repo: SafetyRepo) -> None:
    folder = repo.path / ".safecheck" / "schemas"
    for kind in KINDS:
        schema = json.loads((folder / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"].startswith("http://json-schema.org/draft-07")
    settings = json.loads((repo.path / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"] == {
        "./.safecheck/schemas/hazard.schema.json": ["records/*/*/*.yaml"],
        "./.safecheck/schemas/inspection.schema.json": ["records/*/*/inspections/*.yaml"],
        "./.safecheck/schemas/checklist.schema.json": ["checklists/*.yaml"],
        "./.safecheck/schemas/settings.schema.json": ["safecheck.yaml"],
    }
    extensions = json.loads((repo.path / ".vscode" / "extensions.json").read_text())
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    assert repo.run("audit").code == 0  # the new files are no findings


def test_the_globs_pick_exactly_the_files_of_each_kind(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger"
    shutil.copytree(ROOT / "records", ledger / "records")
    shutil.copytree(ROOT / "checklists", ledger / "checklists")
    shutil.copy(ROOT / "safecheck.yaml", ledger / "safecheck.yaml")
    (ledger / "records" / "SW" / "2026" / "SW-20261104-D6QA").mkdir(exist_ok=True)
    (ledger / "records" / "SW" / "2026" / "SW-20261104-D6QA" / "form.yaml").write_text("x")
    expected = {
        "hazard": set(layout.hazard_files(ledger)),
        "inspection": set(layout.inspection_files(ledger)),
        "checklist": set((ledger / "checklists").glob("*.yaml")),
        "settings": {ledger / "safecheck.yaml"},
    }
    for kind, globs in GLOBS.items():
        # VS Code's YAML extension matches globs whose * stays within a folder, as
        # pathlib's glob does
        matched = {p for pattern in globs for p in ledger.glob(pattern)}
        assert matched == expected[kind] and matched, kind


def test_existing_vscode_settings_keep_their_other_keys(tmp_path: Path) -> None:
    target = tmp_path / "ledger"
    (target / ".vscode").mkdir(parents=True)
    mine = {"editor.tabSize": 2, "yaml.schemas": {"https://example.com/ci.json": "ci.yml"},
            "files.eol": "\n"}
    (target / ".vscode" / "settings.json").write_text(json.dumps(mine), encoding="utf-8")
    (target / ".vscode" / "extensions.json").write_text(
        '{"recommendations": ["ms-python.python"]}', encoding="utf-8")
    result = run("init", str(target), "--org", "示例集团", "--unit", "SW=水务公司")
    assert result.code == 0, result.err
    settings = json.loads((target / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["editor.tabSize"] == 2 and settings["files.eol"] == "\n"
    assert settings["yaml.schemas"]["https://example.com/ci.json"] == "ci.yml"
    assert settings["yaml.schemas"]["./.safecheck/schemas/hazard.schema.json"] == \
        ["records/*/*/*.yaml"]
    assert list(settings) == ["editor.tabSize", "yaml.schemas", "files.eol"]
    extensions = json.loads((target / ".vscode" / "extensions.json").read_text())
    assert extensions["recommendations"] == ["ms-python.python", "redhat.vscode-yaml"]


def test_vscode_settings_with_comments_are_left_as_they_are(tmp_path: Path) -> None:
    target = tmp_path / "ledger"
    (target / ".vscode").mkdir(parents=True)
    commented = '{\n  // my settings\n  "editor.tabSize": 2,\n}\n'
    (target / ".vscode" / "settings.json").write_text(commented, encoding="utf-8")
    result = run("init", str(target), "--org", "示例集团", "--unit", "SW=水务公司")
    assert result.code == 0, result.err
    assert (target / ".vscode" / "settings.json").read_text(encoding="utf-8") == commented
    assert ".vscode/settings.json" in result.err and "hazard.schema.json" in result.err
    assert (target / ".safecheck" / "schemas" / "hazard.schema.json").is_file()
    assert not list((target / ".vscode").glob(".*tmp"))


def test_a_yaml_schemas_key_of_the_wrong_type_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "ledger"
    (target / ".vscode").mkdir(parents=True)
    odd = '{"yaml.schemas": ["not", "a", "mapping"]}'
    (target / ".vscode" / "settings.json").write_text(odd, encoding="utf-8")
    result = run("init", str(target), "--org", "示例集团", "--unit", "SW=水务公司")
    assert result.code == 0
    assert (target / ".vscode" / "settings.json").read_text(encoding="utf-8") == odd
    assert "yaml.schemas" in result.err


def test_schema_vscode_sets_up_an_existing_repository(repo: SafetyRepo) -> None:
    shutil.rmtree(repo.path / ".safecheck")
    shutil.rmtree(repo.path / ".vscode")
    result = repo.run("schema", "--vscode")
    assert result.code == 0, result.err
    assert "已写入 .safecheck/schemas/hazard.schema.json" in result.out
    assert (repo.path / ".vscode" / "settings.json").is_file()
    again = repo.run("schema", "--output", ".safecheck/schemas", "--vscode")
    assert again.code == 0 and "已写入" not in again.out


def test_schema_vscode_outside_a_repository_is_refused(tmp_path: Path) -> None:
    result = run("schema", "--vscode", cwd=tmp_path)
    assert result.code == 2 and "--vscode" in result.err
    assert not (tmp_path / ".vscode").exists()


def test_a_folder_where_a_schema_file_belongs_is_refused(repo: SafetyRepo,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    (out / "settings.schema.json").mkdir(parents=True)
    result = repo.run("schema", "-o", str(out))
    assert result.code == 2 and "settings.schema.json" in result.err
    assert sorted(p.name for p in out.iterdir()) == ["settings.schema.json"]  # none written
