"""Loading checklists: the packaged ten, overridden or extended by the repository's own."""

from __future__ import annotations

from pathlib import Path

from safecheck import layout, yamlio
from safecheck.errors import DataError, Problem
from safecheck.i18n import Msg
from safecheck.loading import validated
from safecheck.models.checklist import Checklist
from safecheck.resources import packaged_dir
from safecheck.vocab import DEFAULT_DOMAINS


def load_checklist(path: Path, label: str | None = None) -> Checklist:
    """Read and validate one checklist file; its name must be its id."""
    label = label or str(path)
    text = yamlio.read_file(path, label)
    data = yamlio.load_mapping(text, label)
    checklist = validated(Checklist, data, text, label)
    if checklist.id != path.stem:
        message = Msg("checklist.id_mismatch", id=checklist.id, name=path.name)
        raise DataError(Problem(label, message, yamlio.line_of(text, "id"), "id"))
    return checklist


def _folder(folder: Path, root: Path | None) -> dict[str, Checklist]:
    found: dict[str, Checklist] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        label = path.relative_to(root).as_posix() if root else f"(packaged) {path.name}"
        checklist = load_checklist(path, label)
        found[checklist.id] = checklist
    return found


def _in_order(checklists: dict[str, Checklist]) -> dict[str, Checklist]:
    # The ten in their customary order, then a repository's own domains by name.
    order = {domain: i for i, domain in enumerate(DEFAULT_DOMAINS)}
    return dict(sorted(checklists.items(), key=lambda kv: (order.get(kv[0], len(order)),
                                                           kv[0])))


def packaged_checklists() -> dict[str, Checklist]:
    """The ten checklists that ship with safecheck."""
    return _in_order(_folder(packaged_dir("checklists"), None))


def load_checklists(root: Path) -> dict[str, Checklist]:
    """Packaged checklists, with the repository's ``checklists/`` overriding by id and
    adding domains of its own."""
    checklists = packaged_checklists()
    checklists.update(_folder(root / layout.CHECKLISTS, root))
    return _in_order(checklists)
