"""Labels by their short names (``status.closed``, ``location``, ``overdue``): a thin
view of the one catalogue in :mod:`safecheck.words`, looked up through i18n."""

from __future__ import annotations

from safecheck.i18n import has, text
from safecheck.vocab import Locale


def label(key: str, locale: Locale | str) -> str:
    """The label for ``key`` in ``locale``: a prefixed key as it is, a bare name as a
    field (``field.<name>``) or a word (``word.<name>``)."""
    if "." in key:
        return text(key, locale)
    for prefix in ("field", "word"):
        if has(f"{prefix}.{key}"):
            return text(f"{prefix}.{key}", locale)
    return key


def status_label(status: str, locale: Locale | str) -> str:
    """已登记 / reported ..."""
    return text(f"status.{status}", locale)


def level_label(level: str, locale: Locale | str) -> str:
    """一般隐患 / general, 重大隐患 / major."""
    return text(f"level.{level}", locale)


def source_label(source: str, locale: Locale | str) -> str:
    """The label of a hazard source; unknown sources show as they are written."""
    return text(f"source.{source}", locale) if has(f"source.{source}") else source
