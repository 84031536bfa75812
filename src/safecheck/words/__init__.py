"""The zh/en catalogue: every word safecheck shows, as ``key: (zh, en)``.

Split by area only to keep each file readable; :data:`CATALOGUE` is the one lookup.
Keys are stable identifiers; templates use ``{name}`` parameters (see safecheck.i18n).
"""

from __future__ import annotations

from safecheck.words import (
    audit,
    forms,
    history,
    importing,
    labels,
    lifecycle,
    messages,
    report,
)

CATALOGUE: dict[str, tuple[str, str]] = {
    **labels.WORDS,
    **messages.WORDS,
    **lifecycle.WORDS,
    **history.WORDS,
    **audit.WORDS,
    **report.WORDS,
    **forms.WORDS,
    **importing.WORDS,
}
