"""The write journal: what a change is about to create, so that a writer killed half-way
(``kill -9``, a power cut) leaves nothing behind once the next writer takes the lock.

Before a change creates a file it notes it here (and syncs the note to disk). A change
that finishes clears the journal. A journal found by the next writer (who holds the lock,
so its author is dead) is rolled back:

- the new records and inspection runs it lists are removed: they were created by a change
  that never finished, never reported success and was never committed (the journal is
  cleared before any commit);
- the documents it copied are removed unless the record on disk names them (the record
  was written: the change went through);
- the temporary files safecheck left in the folders it wrote to are removed (their names
  carry ``.safecheck-<pid>-`` and their process is gone).

Only files that safecheck itself created are ever removed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from safecheck.atomic import stale_temporaries

_NEW, _DOCUMENT, _FOLDER = "new", "document", "folder"


class Journal:
    """The journal of the ledger at ``root``, kept beside its write lock."""

    def __init__(self, root: Path, path: Path) -> None:
        self.root = root
        self.path = path
        self._folders: set[str] = set()

    def _note(self, *fields: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write("\t".join(fields) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def folder(self, folder: Path) -> None:
        """Temporary files may be left in ``folder``."""
        rel = self._rel(folder)
        if rel not in self._folders:
            self._folders.add(rel)
            self._note(_FOLDER, rel)

    def new(self, path: Path) -> None:
        """``path`` is about to be created (a record or a run that does not exist yet)."""
        self.folder(path.parent)
        self._note(_NEW, self._rel(path))

    def document(self, record: Path, path: Path) -> None:
        """``path`` is about to be copied in as a document of ``record``."""
        self.folder(path.parent)
        self._note(_DOCUMENT, self._rel(record), self._rel(path))

    def clear(self) -> None:
        """The change is complete: nothing to roll back."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._folders.clear()

    def recover(self) -> list[str]:
        """Roll back what a dead writer left unfinished; return what was removed."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        entries = [line.split("\t") for line in lines if line]
        removed: list[str] = []
        for fields in entries:
            if fields[0] == _NEW and len(fields) == 2 and self._remove(fields[1]):
                removed.append(fields[1])
        for fields in entries:
            if fields[0] == _DOCUMENT and len(fields) == 3 \
                    and not self._names(fields[1], fields[2]) and self._remove(fields[2]):
                removed.append(fields[2])
        for fields in entries:
            if fields[0] == _FOLDER and len(fields) == 2:
                try:
                    folder = self._inside(fields[1])
                except ValueError:
                    continue
                for temp in stale_temporaries(folder):
                    with contextlib.suppress(OSError):
                        temp.unlink()
                        removed.append(self._rel(temp))
                with contextlib.suppress(OSError):
                    folder.rmdir()  # a document folder the dead writer had just made
        self.clear()
        return removed

    def _inside(self, rel: str) -> Path:
        path = (self.root / rel).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError(rel)  # a journal is ours; one that points outside is not
        return path

    def _remove(self, rel: str) -> bool:
        try:
            path = self._inside(rel)
            path.unlink()
        except (OSError, ValueError):
            return False
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # a document folder left empty
        return True

    def _names(self, record: str, document: str) -> bool:
        """Whether the record on disk names the document (then the change went through)."""
        try:
            text = self._inside(record).read_text(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            return False
        return Path(document).name in text
