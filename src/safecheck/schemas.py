"""JSON Schemas of the record kinds (``safecheck schema``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for ``kind``: hazard, inspection, checklist or settings."""
    from safecheck.config import Settings
    from safecheck.models.checklist import Checklist
    from safecheck.models.hazard import Hazard
    from safecheck.models.inspection import Inspection

    models: dict[str, type[BaseModel]] = {
        "hazard": Hazard, "inspection": Inspection, "checklist": Checklist,
        "settings": Settings,
    }
    schema = models[kind].model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
