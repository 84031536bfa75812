"""A local cache of parsed YAML mappings, so unchanged files are never parsed twice.

Keys say what identifies a file's content: its git blob id, or its path, size, mtime and
inode in the working tree. Entries are the plain mappings the YAML loader returned (not
validated models), so a cached file still goes through the current schema and rules.
The cache lives inside ``.git/`` (never committed) and is only ever an optimisation: a
missing, stale-format or unreadable cache file is treated as empty.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from safecheck import __version__

DISABLE_VARIABLE = "SAFECHECK_NO_CACHE"
#: Keeps the cache in another folder (relative to the repository root), e.g. one a CI
#: platform saves between runs; by default it lives in ``.git/safecheck``.
DIR_VARIABLE = "SAFECHECK_CACHE_DIR"
# marshal's format belongs to the Python version; the mapping's meaning to safecheck's.
_TAG = f"safecheck {__version__} py{sys.version_info[0]}.{sys.version_info[1]} v1"


def cache_dir(root: Path) -> Path | None:
    """``$SAFECHECK_CACHE_DIR`` (relative to root), else ``<root>/.git/safecheck``; None
    when caching is off or root has no .git folder."""
    if os.environ.get(DISABLE_VARIABLE):
        return None
    chosen = os.environ.get(DIR_VARIABLE)
    if chosen:
        return root / chosen  # an absolute path stays absolute
    git = root / ".git"
    return git / "safecheck" if git.is_dir() else None


class ParsedCache:
    """Parsed mappings by key, loaded from and saved to one file."""

    def __init__(self, file: Path | None, stamp: str = "") -> None:
        self.file = file
        #: What else the entries depend on (settings, the code that made them): a file
        #: written under another stamp is ignored.
        self._tag = f"{_TAG} {stamp}" if stamp else _TAG
        self._entries: dict[str, Any] = {}
        self._used: set[str] = set()
        self._dirty = False
        if file is not None:
            self._entries = self._read(file)

    def _read(self, file: Path) -> dict[str, Any]:
        was = gc.isenabled()
        gc.disable()  # millions of new objects, no cycles: collections would only walk them
        try:
            # Read whole, then unmarshalled: marshal.load on a file reads it piecemeal,
            # three times slower (0.47 s against 0.16 s for 32 MB).
            with open(file, "rb") as handle:
                tag, entries = marshal.loads(handle.read())  # noqa: S302 - ours, in .git
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        finally:
            if was:
                gc.enable()
        if tag != self._tag or not isinstance(entries, dict):
            return {}
        return entries

    @staticmethod
    def written_under(file: Path, stamp: str) -> bool:
        """A cheap hint, without loading the file: whether it was written under
        ``stamp`` (its tag is at its start, as marshal writes text verbatim)."""
        try:
            with open(file, "rb") as handle:
                head = handle.read(1024)
        except OSError:
            return False
        return f"{_TAG} {stamp}".encode() in head

    def __len__(self) -> int:
        return len(self._entries)

    def forget(self, key: str) -> None:
        """Drop the entry of ``key`` (one found unusable)."""
        if self._entries.pop(key, None) is not None:
            self._dirty = True

    def get(self, key: str) -> Any | None:
        """The cached mapping for ``key``, or None."""
        value = self._entries.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def peek(self, key: str) -> Any | None:
        """The cached value for ``key``, or None, not counted as used (see ``save``)."""
        return self._entries.get(key)

    def put(self, key: str, value: Any) -> None:
        """Remember ``value`` under ``key``."""
        if self.file is None:
            return
        self._entries[key] = value
        self._used.add(key)
        self._dirty = True

    def save(self, prune: bool = False, keep: set[str] | None = None) -> None:
        """Write the cache if it changed; ``prune`` drops entries not used this run,
        ``keep`` every entry but those keys."""
        if self.file is None:
            return
        wanted = self._used if prune else keep
        if wanted is not None and (len(wanted) < len(self._entries)
                                   or any(k not in wanted for k in self._entries)):
            self._entries = {k: v for k, v in self._entries.items() if k in wanted}
            self._dirty = True
        if not self._dirty:
            return
        temp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with open(temp, "wb") as handle:
                handle.write(marshal.dumps((self._tag, self._entries)))
            os.replace(temp, self.file)
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        self._dirty = False
