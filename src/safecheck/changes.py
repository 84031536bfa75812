"""Use cases that change the ledger: each reads one record, applies one lifecycle step,
copies any documents in and writes the record back atomically. Nothing is committed:
the change is reviewed in git like code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from safecheck import ids, layout, lifecycle, store
from safecheck.context import LedgerContext
from safecheck.errors import RefusedTransition
from safecheck.models.hazard import Hazard
from safecheck.vocab import Status


@dataclass(frozen=True)
class Changed:
    """The result of a change: the new record, where it is, and the status it left."""

    hazard: Hazard
    path: Path
    relpath: str
    previous_status: Status | None
    documents: tuple[str, ...] = ()


def _commit_to_disk(context: LedgerContext, hazard: Hazard, previous: store.StoredHazard | None,
                    record_path: Path, sources: Sequence[Path], names: list[str]) -> Path:
    copy = store.copy_documents(record_path, list(sources), names)
    try:
        return store.write_hazard(context.root, hazard, previous)
    except BaseException:
        copy.undo()
        raise


def register(context: LedgerContext, registration: lifecycle.Registration,
             documents: Sequence[Path], today: dt.date) -> Changed:
    """Register a new hazard with its "before" documents; returns its ID and path."""
    missing = registration.missing()
    if missing:
        raise RefusedTransition(f"cannot register the hazard: missing {', '.join(missing)}")
    assert registration.unit is not None and registration.found_on is not None
    context.require_unit(registration.unit)
    root = context.root
    hazard_id = ids.new_hazard_id(registration.unit, registration.found_on,
                                  lambda candidate: layout.hazard_path(root, candidate).exists())
    record_path = layout.hazard_path(root, hazard_id)
    names = store.document_names(record_path, list(documents), ())
    hazard = lifecycle.register(replace(registration, documents=tuple(names)), hazard_id,
                                context, today)
    path = _commit_to_disk(context, hazard, None, record_path, documents, names)
    return Changed(hazard, path, path.relative_to(root).as_posix(), None, tuple(names))


def change(context: LedgerContext, hazard_id: str,
           step: Callable[[Hazard, list[str]], Hazard],
           documents: Sequence[Path] = ()) -> Changed:
    """Apply ``step`` (a lifecycle function given the new documents' names) to a record."""
    stored = store.read_hazard(context.root, hazard_id)
    taken = stored.hazard.documents.all() if stored.hazard.documents else []
    names = store.document_names(stored.path, list(documents), taken)
    hazard = step(stored.hazard, names)
    path = _commit_to_disk(context, hazard, stored, stored.path, documents, names)
    return Changed(hazard, path, stored.relpath, stored.hazard.status, tuple(names))
