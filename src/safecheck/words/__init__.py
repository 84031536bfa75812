"""The zh/en catalogue: every word safecheck shows, as ``key: (zh, en)``.

Split by area only to keep each file readable; :data:`CATALOGUE` is the one lookup.
Keys are stable identifiers; templates use ``{name}`` parameters (see safecheck.i18n).
"""

from __future__ import annotations

from safecheck.words import (
    audit,
    ci,
    editors,
    errors,
    forms,
    help,
    history,
    importing,
    labels,
    lifecycle,
    messages,
    report,
    schema,
    usage,
)

CATALOGUE: dict[str, tuple[str, str]] = {
    **labels.WORDS,
    **messages.WORDS,
    **lifecycle.WORDS,
    **history.WORDS,
    **audit.WORDS,
    **report.WORDS,
    **forms.WORDS,
    **errors.WORDS,
    **schema.WORDS,
    **usage.WORDS,
    **help.WORDS,
    **ci.WORDS,
    **editors.WORDS,
    **importing.WORDS,
}
