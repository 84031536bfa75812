"""Editor set-up: the JSON Schemas in ``.safecheck/schemas/`` and the VS Code settings
that map them onto the ledger's files (``yaml.schemas`` of the YAML language server).

``init`` calls :func:`set_up_editors`; ``safecheck schema --output DIR --vscode`` does the
same for an existing repository. The user's own VS Code settings are merged, never
replaced: a file that is not plain JSON (VS Code allows comments) is left as it is and
the caller is told so, with the mapping to add by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safecheck import atomic, layout
from safecheck.config import SETTINGS_FILE
from safecheck.i18n import Msg
from safecheck.schemas import KINDS, file_name, write_schemas
from safecheck.vocab import Locale

#: Where ``init`` writes the schemas, relative to the repository root.
SCHEMAS_DIR = Path(".safecheck") / "schemas"
VSCODE_SETTINGS = Path(".vscode") / "settings.json"
VSCODE_EXTENSIONS = Path(".vscode") / "extensions.json"
#: VS Code's YAML extension (Red Hat), which reads ``yaml.schemas``.
YAML_EXTENSION = "redhat.vscode-yaml"

_SUFFIX = layout.RECORD_SUFFIX

#: Which files each schema describes (globs relative to the repository root; ``*``
#: never crosses a folder, so a hazard's glob does not catch inspection runs).
GLOBS: dict[str, list[str]] = {
    "hazard": [f"{layout.RECORDS}/*/*/*{_SUFFIX}"],
    "inspection": [f"{layout.RECORDS}/*/*/{layout.INSPECTIONS}/*{_SUFFIX}"],
    "checklist": [f"{layout.CHECKLISTS}/*{_SUFFIX}"],
    "settings": [SETTINGS_FILE],
}


@dataclass
class EditorSetup:
    """What :func:`set_up_editors` wrote, what it left as it was, and why."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)


def schema_reference(root: Path, schema_file: Path) -> str:
    """How ``yaml.schemas`` names a schema file: relative to the workspace (the
    repository root) when it is inside it, else absolute."""
    try:
        relative = schema_file.resolve().relative_to(root.resolve())
    except ValueError:
        return schema_file.resolve().as_posix()
    return f"./{relative.as_posix()}"


def yaml_schemas(root: Path, folder: Path, kinds: tuple[str, ...] = KINDS
                 ) -> dict[str, list[str]]:
    """The ``yaml.schemas`` entries for the schemas of ``kinds`` in ``folder``."""
    return {schema_reference(root, folder / file_name(kind)): GLOBS[kind] for kind in kinds}


def set_up_editors(root: Path, locale: Locale | str, folder: Path | None = None,
                   kinds: tuple[str, ...] = KINDS) -> EditorSetup:
    """Write the schemas into ``folder`` (default ``.safecheck/schemas``) and map them in
    ``.vscode/settings.json``; recommend the YAML extension in ``.vscode/extensions.json``."""
    folder = folder if folder is not None else root / SCHEMAS_DIR
    done = EditorSetup()
    for path, written in write_schemas(folder, kinds, locale):
        (done.written if written else done.unchanged).append(path)
    mapping = yaml_schemas(root, folder, kinds)
    _merge(root, VSCODE_SETTINGS, "yaml.schemas", dict,
           lambda found: {**found, **mapping}, done, mapping)
    _merge(root, VSCODE_EXTENSIONS, "recommendations", list,
           lambda found: found if YAML_EXTENSION in found else [*found, YAML_EXTENSION],
           done, None)
    return done


def _merge(root: Path, relpath: Path, key: str, kind: type, update: Callable[[Any], Any],
           done: EditorSetup, mapping: dict[str, list[str]] | None) -> None:
    """Set ``key`` of the JSON object in ``root/relpath`` to ``update(current value)``,
    keeping every other key; a file that is not a plain JSON object is left alone, and
    said so in a note."""
    path = root / relpath
    shown = relpath.as_posix()
    try:
        before: str | None = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        before = None
    except (OSError, UnicodeDecodeError):
        done.notes.append(_unreadable(shown, key, mapping))
        return
    data: Any = {}
    if before is not None and before.strip():
        try:
            data = json.loads(before.removeprefix("\ufeff"))
        except ValueError:
            done.notes.append(_unreadable(shown, key, mapping))
            return
    if not isinstance(data, dict):
        done.notes.append(_unreadable(shown, key, mapping))
        return
    current = data.get(key, kind())
    if not isinstance(current, kind):
        done.notes.append(Msg("editors.settings_not_object", path=shown, setting=key))
        return
    new = update(current)
    if before is not None and key in data and new == current:
        done.unchanged.append(path)
        return
    data[key] = new
    text = json.dumps(data, ensure_ascii=False, indent=4) + "\n"
    atomic.write_text(path, text, expected=before)
    done.written.append(path)


def _unreadable(shown: str, key: str, mapping: dict[str, list[str]] | None) -> Msg:
    wanted = {key: mapping} if mapping is not None else {key: [YAML_EXTENSION]}
    return Msg("editors.settings_unreadable", path=shown,
               schemas=json.dumps(wanted, ensure_ascii=False))
