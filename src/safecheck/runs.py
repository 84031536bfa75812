"""Inspection runs as records: listed, shown and voided (作废) like hazards are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safecheck import layout, store, yamlio
from safecheck.context import LedgerContext
from safecheck.errors import NotFound, SafecheckError
from safecheck.i18n import Msg
from safecheck.inspections import StoredInspection, load_inspections
from safecheck.models.common import clean_name
from safecheck.models.inspection import Inspection


@dataclass(frozen=True)
class RunFilter:
    """Conditions a run must meet; empty means any."""

    units: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    campaign: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def matches(self, run: Inspection) -> bool:
        """True when ``run`` meets every condition."""
        return ((not self.units or run.unit in self.units)
                and (not self.domains or run.domain in self.domains
                     or run.checklist_id in self.domains)
                and (self.campaign is None or run.campaign == self.campaign)
                and (self.since is None or run.date >= self.since)
                and (self.until is None or run.date <= self.until))


def select_runs(context: LedgerContext, where: RunFilter) -> list[StoredInspection]:
    """The matching runs, newest first."""
    runs, _ = load_inspections(context.root)
    chosen = [r for r in runs if where.matches(r.inspection)]
    chosen.sort(key=lambda r: (r.inspection.date, r.inspection.id), reverse=True)
    return chosen


def find_run(context: LedgerContext, run_id: str) -> StoredInspection:
    """One run by its ID."""
    path = layout.inspection_path(context.root, run_id)
    if not path.is_file():
        raise NotFound(Msg("error.no_inspection", id=run_id))
    relpath = path.relative_to(context.root).as_posix()
    text = yamlio.read_file(path, relpath)
    from safecheck.loading import validated

    run = validated(Inspection, yamlio.load_mapping(text, relpath), text, relpath)
    return StoredInspection(run, path, relpath, text)


def void_run(context: LedgerContext, run_id: str, reason: str, by: str, on: dt.date,
             today: dt.date) -> StoredInspection:
    """Void a run recorded by mistake or not as it happened. The hazards it raised stay
    (each is voided on its own if it was not real)."""
    if on > today:
        raise SafecheckError(Msg("rule.future", date=on, recorded=today))
    if not reason.strip():
        raise SafecheckError(Msg("error.void_reason"))
    with store.writing(context.root):
        stored = find_run(context, run_id)
        if stored.inspection.is_void:
            raise SafecheckError(Msg("error.run_void", id=run_id))
        data = stored.inspection.to_data()
        data["void"] = {"reason": reason, "by": clean_name(by), "date": on}
        run = Inspection.model_validate(data)
        store.write_record(context.root, stored.path, yamlio.dump(run.to_data()),
                           expected=stored.text)
    return StoredInspection(run, stored.path, stored.relpath)
