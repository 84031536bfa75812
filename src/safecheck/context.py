"""What a safety repository knows about itself: settings and checklists, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safecheck.checklists import load_checklists
from safecheck.config import SETTINGS_FILE, Settings
from safecheck.errors import DataError, Problem, SafecheckError
from safecheck.i18n import Msg
from safecheck.loading import load_settings
from safecheck.models.checklist import Checklist
from safecheck.vocab import Locale


@dataclass(frozen=True)
class LedgerContext:
    """The repository root, its settings and its checklists (packaged + own)."""

    root: Path
    settings: Settings
    checklists: dict[str, Checklist]

    @property
    def domains(self) -> list[str]:
        """Known domain ids (the periodic checklists), in checklist order."""
        return [c.id for c in self.checklists.values() if not c.per_job]

    def checklist(self, checklist_id: str) -> Checklist:
        """The checklist ``checklist_id`` (a domain's, or a per-job procedure)."""
        found = self.checklists.get(checklist_id)
        if found is None:
            raise SafecheckError(Msg("error.unknown_checklist", checklist=checklist_id,
                                     known=list(self.checklists)))
        return found

    def domain_name(self, domain: str, locale: Locale | None = None) -> str:
        """The domain's name in ``locale`` (default: the configured language)."""
        checklist = self.checklists.get(domain)
        return checklist.names.get(locale or self.settings.locale) if checklist else domain

    def unit_domains(self, code: str) -> list[str]:
        """The domains ``code`` inspects: its own list in safecheck.yaml, else all."""
        unit = next((u for u in self.settings.units if u.code == code), None)
        if unit is None or unit.domains is None:
            return self.domains
        return [d for d in self.domains if d in unit.domains]

    def require_unit(self, code: str) -> None:
        """Raise unless ``code`` is a configured unit."""
        if code not in self.settings.unit_codes:
            raise SafecheckError(Msg("error.unknown_unit", code=code,
                                     known=sorted(self.settings.unit_codes)))

    def require_domain(self, domain: str) -> None:
        """Raise unless ``domain`` is a domain (has a periodic checklist)."""
        if domain not in self.domains:
            raise SafecheckError(Msg("error.unknown_domain", domain=domain, known=self.domains))

    def require_source(self, source: str) -> None:
        """Raise unless ``source`` is one of the configured sources."""
        if source not in self.settings.sources:
            raise SafecheckError(Msg("error.unknown_source", source=source,
                                     known=self.settings.sources))


def open_context(root: Path) -> LedgerContext:
    """Load the settings and checklists of the repository at ``root``."""
    settings = load_settings(root)
    checklists = load_checklists(root)
    for number, unit in enumerate(settings.units):
        unknown = sorted(set(unit.domains or ()) - set(checklists))
        if unknown:
            raise DataError(Problem(SETTINGS_FILE, Msg("settings.unknown_domain",
                                                       domains=unknown),
                                    field=f"units.{number}.domains"))
    return LedgerContext(root=root, settings=settings, checklists=checklists)
