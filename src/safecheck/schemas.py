"""JSON Schemas of the record kinds (``safecheck schema``), for editors and other tools.

The schemas come from the Pydantic models, so they cannot drift from what the loader
accepts. Titles, descriptions and the labels of enumerated values come from the
catalogue (``schema.<Model>`` and ``schema.<Model>.<field>`` in
:mod:`safecheck.words.editors`), in the language asked for: the models hold no words.

The schemas are JSON Schema draft-07, the dialect the YAML language server (VS Code's YAML
extension) and most editors understand, and they say what the loader says: dates are
``YYYY-MM-DD`` strings (the loader reads them as text, never as YAML timestamps), IDs and
codes match their patterns, amounts are numbers not below zero, and unknown keys are
errors. Rules between records or between fields that the lifecycle checks (a closed
hazard's verification, the five in place before rectifying …) are left to ``audit``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, cast

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import core_schema

from safecheck.i18n import current, text
from safecheck.vocab import Locale

KINDS = ("hazard", "inspection", "checklist", "settings")
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

#: Prefixes of the catalogue labels of enumerated values, found by the values' set.
_LABELS: dict[frozenset[str], str] = {}


def _labels() -> dict[frozenset[str], str]:
    if not _LABELS:
        from typing import get_args

        from safecheck.config import Role
        from safecheck.models.checklist import FREQUENCY_DAYS, REGIMES
        from safecheck.models.inspection import RESULTS

        _LABELS.update({frozenset(REGIMES): "regime", frozenset(get_args(Role)): "role",
                        frozenset(RESULTS): "result", frozenset(FREQUENCY_DAYS): "frequency",
                        frozenset(("periodic", "per-job")): "schema.value",
                        frozenset(("zh", "en")): "schema.value"})
    return _LABELS


def _enum_prefix(values: Iterable[object]) -> str | None:
    wanted = {str(v) for v in values}
    for family, prefix in _labels().items():
        if wanted <= family:
            return prefix
    return None


class LocalizedJsonSchema(GenerateJsonSchema):
    """Pydantic's generator, with every title, description and value label from the
    catalogue in :attr:`locale`, dates as ISO strings and amounts as plain numbers."""

    locale: ClassVar[Locale] = Locale.ZH

    def _word(self, key: str) -> str | None:
        from safecheck import i18n

        return text(key, self.locale) if i18n.has(key) else None

    def _describe(self, target: dict[str, Any], key: str) -> None:
        title, help_ = self._word(key), self._word(f"{key}.help")
        if title is not None:
            target["title"] = title
        if help_ is not None:
            target["description"] = help_

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        name = schema["cls"].__name__
        self._describe(json_schema, f"schema.{name}")
        for field, value in json_schema.get("properties", {}).items():
            self._describe(value, f"schema.{name}.{field}")
        return json_schema

    def generate(self, schema: core_schema.CoreSchema, mode: JsonSchemaMode = "validation"
                 ) -> JsonSchemaValue:
        json_schema = super().generate(schema, mode)
        # Pydantic describes an enumeration by its docstring after enum_schema: say it
        # again, from the catalogue, on the definitions.
        for name, definition in json_schema.get("$defs", {}).items():
            if "enum" in definition:
                self._describe(definition, f"schema.{name}")
        return json_schema

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        json_schema = super().enum_schema(schema)
        self._label_values(json_schema)
        return json_schema

    def literal_schema(self, schema: core_schema.LiteralSchema) -> JsonSchemaValue:
        json_schema = super().literal_schema(schema)
        self._label_values(json_schema)
        return json_schema

    def _label_values(self, json_schema: JsonSchemaValue) -> None:
        values = json_schema.get("enum")
        if not values or not all(isinstance(v, str) for v in values):
            return
        prefix = _enum_prefix(values) or _enum_prefix_of_words(values)
        if prefix is not None:
            # VS Code's YAML and JSON language servers show these beside each value.
            json_schema["enumDescriptions"] = [text(f"{prefix}.{v}", self.locale)
                                               for v in values]

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        # The loader reads dates as text and accepts exactly YYYY-MM-DD.
        return {"type": "string", "pattern": ISO_DATE, "format": "date"}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema
                               ) -> JsonSchemaValue:
        from safecheck.models.common import amount_value

        function = cast(dict[str, Any], schema.get("function", {})).get("function")
        if function is amount_value:
            return {"type": "number", "minimum": 0}
        return super().function_before_schema(schema)

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        # ``type: [string, "null"]`` instead of anyOf: editors explain it better.
        json_schema = super().nullable_schema(schema)
        branches = json_schema.get("anyOf")
        if (isinstance(branches, list) and len(branches) == 2
                and branches[1] == {"type": "null"}
                and isinstance(branches[0].get("type"), str)
                and not {"$ref", "enum", "const", "anyOf"} & set(branches[0])):
            merged = dict(branches[0])
            merged["type"] = [merged["type"], "null"]
            return merged
        return json_schema


def _enum_prefix_of_words(values: list[str]) -> str | None:
    from safecheck import i18n

    for prefix in ("level", "result", "status", "severity"):
        if all(i18n.has(f"{prefix}.{v}") for v in values):
            return prefix
    return None


def _models() -> dict[str, type[BaseModel]]:
    from safecheck.config import Settings
    from safecheck.models.checklist import Checklist
    from safecheck.models.hazard import Hazard
    from safecheck.models.inspection import Inspection

    return {"hazard": Hazard, "inspection": Inspection, "checklist": Checklist,
            "settings": Settings}


def json_schema(kind: str, locale: Locale | str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft-07) for ``kind``: hazard, inspection, checklist or settings,
    with titles and descriptions in ``locale`` (default: the current one)."""
    loc = Locale(str(locale)) if locale is not None else current()
    generator = cast(type[GenerateJsonSchema],
                     type("LocalizedJsonSchema", (LocalizedJsonSchema,), {"locale": loc}))
    schema = _models()[kind].model_json_schema(by_alias=True, mode="validation",
                                               schema_generator=generator)
    _STRUCTURE[kind](schema, loc)
    schema = _draft_07(schema)
    return {"$schema": DRAFT_07, **schema}


def schema_text(kind: str, locale: Locale | str | None = None) -> str:
    """The schema of ``kind`` as the text of a ``.schema.json`` file."""
    return json.dumps(json_schema(kind, locale), ensure_ascii=False, indent=2) + "\n"


def file_name(kind: str) -> str:
    """The file a kind's schema is written to: ``hazard.schema.json`` …"""
    return f"{kind}.schema.json"


def write_schemas(folder: Path, kinds: Iterable[str], locale: Locale | str | None = None
                  ) -> list[tuple[Path, bool]]:
    """Write the schemas of ``kinds`` into ``folder`` (created if needed), each file
    atomically; a file already holding the same schema is left alone. Returns each file
    and whether it was written."""
    from safecheck import atomic
    from safecheck.errors import SafecheckError
    from safecheck.i18n import Msg

    if folder.exists() and not folder.is_dir():
        raise SafecheckError(Msg("schema.not_folder", path=str(folder)))
    texts = [(folder / file_name(kind), schema_text(kind, locale)) for kind in kinds]
    found = [_current(path) for path, _ in texts]  # every file readable before any write
    done = []
    for (path, content), before in zip(texts, found, strict=True):
        if before == content:
            done.append((path, False))
            continue
        atomic.write_text(path, content, expected=before)
        done.append((path, True))
    return done


def _current(path: Path) -> str | None:
    """What a schema file holds now (None: no such file)."""
    from safecheck.errors import SafecheckError, os_reason
    from safecheck.i18n import Msg

    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SafecheckError(Msg("schema.unreadable", path=str(path),
                                 reason=os_reason(exc))) from None
    except UnicodeDecodeError:
        raise SafecheckError(Msg("schema.unreadable", path=str(path),
                                 reason=Msg("file.not_utf8"))) from None


# --- what the models check in validators, said in the schema where JSON Schema can ----


def _hazard(schema: dict[str, Any], locale: Locale) -> None:
    # The loader refuses a file that does not say it is a hazard.
    schema["required"] = ["kind", *schema.get("required", [])]


def _inspection(schema: dict[str, Any], locale: Locale) -> None:
    pass


def _checklist(schema: dict[str, Any], locale: Locale) -> None:
    from safecheck.models.checklist import _SCHEMA_2_CHECKLIST_KEYS, _SCHEMA_2_ITEM_KEYS

    schema_2 = {"required": ["schema"], "properties": {"schema": {"const": 2}}}
    per_job = {"required": ["procedure"], "properties": {"procedure": {"const": "per-job"}}}
    schema["allOf"] = [
        {   # keys that only schema 2 may hold; schema 2 items name their basis
            "if": schema_2,
            "then": {"properties": {"items": {"items": {"required": ["basis"]}}}},
            "else": {"properties": {
                **{key: False for key in _SCHEMA_2_CHECKLIST_KEYS},
                "items": {"items": {"properties": {key: False for key in
                                                   _SCHEMA_2_ITEM_KEYS}}}}},
        },
        {   # a per-job procedure has no rhythm; a periodic schema-2 checklist has one
            "if": per_job,
            "then": {"properties": {"frequency": False, "frequencies": False}},
            "else": {"if": schema_2, "then": {"required": ["frequency"]}},
        },
    ]


def _settings(schema: dict[str, Any], locale: Locale) -> None:
    # organisation is accepted as a spelling of organization: one of them, not both.
    properties = schema["properties"]
    alias = {**properties["organization"], "title": text("schema.Settings.organisation", locale),
             "description": text("schema.Settings.organisation.help", locale)}
    items = list(properties.items())
    position = next(i for i, (k, _) in enumerate(items) if k == "organization") + 1
    items.insert(position, ("organisation", alias))
    schema["properties"] = dict(items)
    schema["required"] = [r for r in schema.get("required", []) if r != "organization"]
    schema["oneOf"] = [{"required": ["organization"]}, {"required": ["organisation"]}]


_STRUCTURE = {"hazard": _hazard, "inspection": _inspection, "checklist": _checklist,
              "settings": _settings}


def _draft_07(node: Any) -> Any:
    """Pydantic writes 2020-12 (``$defs``, ``prefixItems``); say it in draft-07."""
    if isinstance(node, list):
        return [_draft_07(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$defs":
            out["definitions"] = {name: _draft_07(v) for name, v in value.items()}
        elif key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/$defs/", "#/definitions/")
        elif key == "prefixItems":
            out["items"] = _draft_07(value)
            out["additionalItems"] = False
        elif key in ("properties", "patternProperties", "definitions"):
            out[key] = {name: _draft_07(v) for name, v in value.items()}
        else:
            out[key] = _draft_07(value)
    if "patternProperties" in out and "additionalProperties" not in out:
        # dict keys have a pattern (field names, rule names): others are refused
        out["additionalProperties"] = False
    return out
