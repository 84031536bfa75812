"""The import contracts of pyproject.toml cover every module they are meant to.

``lint-imports`` (run by .ci/run) checks the contracts; these tests check that a new
module cannot slip past them by not being named.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import safecheck

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = Path(safecheck.__file__).resolve().parent


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_every_top_level_module_is_in_a_layer() -> None:
    layers = _contracts()["layers"]["layers"]
    assert isinstance(layers, list)
    named = {name.strip().removeprefix("safecheck.")
             for layer in layers for name in layer.split(":")}
    present = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    present |= {p.name for p in PACKAGE.iterdir()
                if p.is_dir() and (p / "__init__.py").exists() and p.name != "defaults"}
    assert present - named == set(), "modules missing from the layers contract"


def test_every_command_module_is_kept_from_importing_the_app() -> None:
    sources = _contracts()["commands"]["source_modules"]
    assert isinstance(sources, list)
    commands = {f"safecheck.cli.{p.stem}" for p in (PACKAGE / "cli").glob("cmd_*.py")}
    assert commands - set(sources) == set()
