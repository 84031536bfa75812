"""Reading settings and other small files into models, with file, line and field in
every error: the bridge between yamlio (text) and the models (meaning)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from safecheck import yamlio
from safecheck.config import SETTINGS_FILE, Settings
from safecheck.errors import DataError, Problem
from safecheck.models.common import problems_from

M = TypeVar("M", bound=BaseModel)


def located(problems: Iterable[Problem], text: str) -> list[Problem]:
    """The problems with the line of their field in ``text`` (the file they came from)."""
    return [Problem(p.path, p.message, yamlio.line_of(text, p.field), p.field)
            for p in problems]


def validated(model: type[M], data: dict[str, Any], text: str, label: str) -> M:
    """``data`` (parsed from ``text``) as ``model``, or a DataError naming the first
    problem's file, line and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataError(located(problems_from(exc, label), text)[0]) from None


def settings_from_text(text: str, label: str = SETTINGS_FILE) -> Settings:
    """Settings from the text of a safecheck.yaml (a file, or a blob at a revision)."""
    return validated(Settings, yamlio.load_mapping(text, label), text, label)


def load_settings(root: Path) -> Settings:
    """Read and validate ``root/safecheck.yaml``; raise DataError naming file, line, field."""
    return settings_from_text(yamlio.read_file(root / SETTINGS_FILE, SETTINGS_FILE))
