"""Use cases that change the ledger: each takes the write lock, reads one record,
applies one lifecycle step, copies any documents in, writes the record back atomically
and, if asked, commits exactly the files it wrote. Without ``commit`` nothing is
committed: the change is reviewed in git like code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from safecheck import ids, layout, lifecycle, store
from safecheck.context import LedgerContext
from safecheck.errors import RefusedTransition, SafecheckError
from safecheck.i18n import Msg, render
from safecheck.models.hazard import Hazard
from safecheck.vocab import Status


@dataclass(frozen=True)
class Changed:
    """The result of a change: the new record, where it is, the status it left and the
    commit that recorded it (when --commit was given)."""

    hazard: Hazard
    path: Path
    relpath: str
    previous_status: Status | None
    documents: tuple[str, ...] = ()
    commit: str | None = None


#: A step: (the hazard as read, names of the new documents) → the next version.
Step = Callable[[Hazard, list[str]], Hazard]
#: What a commit message says after the action and ID (the notes, reason, title ...).
Summary = Callable[[Hazard], str | None]


def _write(context: LedgerContext, hazard: Hazard, previous: store.StoredHazard | None,
           record_path: Path, sources: Sequence[Path], names: list[str]) -> Path:
    copy = store.copy_documents(record_path, list(sources), names)
    try:
        return store.write_hazard(context.root, hazard, previous)
    except BaseException:
        copy.undo()
        raise


def commit_files(context: LedgerContext, message: Msg, files: Sequence[Path]) -> str:
    """Commit exactly ``files`` with ``message`` in the ledger's language; a failure
    (not a repository, a hook that refuses) says the files are written but not
    committed."""
    from safecheck.gitrepo import GitRepo

    store.settled(context.root)  # written: a kill during the commit must not undo it
    text = render(message, context.settings.locale)
    relpaths = [p.relative_to(context.root).as_posix() for p in files]
    try:
        return GitRepo(context.root).commit_paths(relpaths, text)
    except SafecheckError as exc:
        raise SafecheckError(Msg("error.not_committed", files=relpaths, reason=exc.msg)) \
            from None


def _commit(context: LedgerContext, verb: str, hazard: Hazard, detail: str | None,
            files: list[Path]) -> str:
    return commit_files(context, Msg("commit.message", verb=Msg(f"commit.{verb}"),
                                     id=hazard.id,
                                     detail=" ".join((detail or hazard.title).split())[:72]),
                        files)


def register(context: LedgerContext, registration: lifecycle.Registration,
             documents: Sequence[Path], today: dt.date, commit: bool = False) -> Changed:
    """Register a new hazard with its "before" documents; returns its ID and path."""
    missing = registration.missing()
    if missing:
        raise RefusedTransition(Msg("refuse", verb=Msg("verb.register"), id="",
                                    reason=Msg("refuse.missing", fields=[
                                        Msg(f"field.{m}") for m in missing])))
    assert registration.unit is not None and registration.found_on is not None
    context.require_unit(registration.unit)
    root = context.root
    with store.writing(root):
        hazard_id = ids.new_hazard_id(
            registration.unit, registration.found_on,
            lambda candidate: layout.hazard_path(root, candidate).exists())
        record_path = layout.hazard_path(root, hazard_id)
        names = store.document_names(record_path, list(documents), ())
        hazard = lifecycle.register(replace(registration, documents=tuple(names)), hazard_id,
                                    context, today)
        path = _write(context, hazard, None, record_path, documents, names)
        folder = layout.documents_dir(path)
        sha = _commit(context, "register", hazard, hazard.title,
                      [path, *(folder / n for n in names)]) if commit else None
    return Changed(hazard, path, path.relative_to(root).as_posix(), None, tuple(names), sha)


def change(context: LedgerContext, hazard_id: str, verb: str, step: Step,
           documents: Sequence[Path] = (), summary: Summary | None = None,
           commit: bool = False) -> Changed:
    """Apply ``step`` (a lifecycle function given the new documents' names) to a record,
    under the write lock; ``verb`` names the action in the commit message."""
    with store.writing(context.root):
        stored = store.read_hazard(context.root, hazard_id)
        taken = stored.hazard.all_documents
        names = store.document_names(stored.path, list(documents), taken)
        hazard = step(stored.hazard, names)
        path = _write(context, hazard, stored, stored.path, documents, names)
        sha = None
        if commit:
            folder = layout.documents_dir(path)
            sha = _commit(context, verb, hazard, summary(hazard) if summary else None,
                          [path, *(folder / n for n in names)])
    return Changed(hazard, path, stored.relpath, stored.hazard.status, tuple(names), sha)
