"""Text safe to show: the characters no record may hold, and how a terminal shows them.

A title holding ``ESC ]0;…`` would rename the terminal's window when listed, ``ESC [2J``
would clear it, and a bidirectional override (U+202E) makes text read differently from
what it holds. The models refuse these characters; anything that shows text that did not
pass the models (a file name, a value quoted in an error, a template's output) shows them
escaped, the way Python writes them: ``\\x1b``, ``\\u202e``.
"""

from __future__ import annotations

#: C0 and C1 controls, and the bidirectional embeddings, overrides and isolates.
CONTROL_CHARS = frozenset(chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0),
                                            *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
#: Layout characters that multi-line text keeps.
LAYOUT_CHARS = frozenset("\t\n")

_ESCAPES = {ord(c): (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
            for c in CONTROL_CHARS}
_ESCAPES_KEEPING_LAYOUT = {k: v for k, v in _ESCAPES.items() if chr(k) not in LAYOUT_CHARS}


def printable(text: str, *, keep_layout: bool = False) -> str:
    """``text`` with every control character escaped (tab and newline kept as they are
    when ``keep_layout``)."""
    return text.translate(_ESCAPES_KEEPING_LAYOUT if keep_layout else _ESCAPES)


def first_control(text: str, allowed: frozenset[str] = LAYOUT_CHARS) -> str | None:
    """The first control character in ``text`` that is not in ``allowed``, or None."""
    return next((c for c in text if c in CONTROL_CHARS and c not in allowed), None)
