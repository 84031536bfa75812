"""What a safety repository knows about itself: settings and checklists, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safecheck.checklists import load_checklists
from safecheck.config import Settings, load_settings
from safecheck.errors import SafecheckError
from safecheck.models.checklist import Checklist


@dataclass(frozen=True)
class LedgerContext:
    """The repository root, its settings and its checklists (packaged + own)."""

    root: Path
    settings: Settings
    checklists: dict[str, Checklist]

    @property
    def domains(self) -> list[str]:
        """Known domain ids, in checklist order."""
        return list(self.checklists)

    def domain_name(self, domain: str) -> str:
        """The domain's name in the configured language (its id when unknown)."""
        checklist = self.checklists.get(domain)
        return checklist.names.get(self.settings.locale) if checklist else domain

    def require_unit(self, code: str) -> None:
        """Raise unless ``code`` is a configured unit."""
        if code not in self.settings.unit_codes:
            known = ", ".join(sorted(self.settings.unit_codes))
            raise SafecheckError(f"unknown unit '{code}' (safecheck.yaml lists: {known})")

    def require_domain(self, domain: str) -> None:
        """Raise unless ``domain`` has a checklist."""
        if domain not in self.checklists:
            raise SafecheckError(f"unknown domain '{domain}' (known: {', '.join(self.domains)})")

    def require_source(self, source: str) -> None:
        """Raise unless ``source`` is one of the configured sources."""
        if source not in self.settings.sources:
            known = ", ".join(self.settings.sources)
            raise SafecheckError(f"unknown source '{source}' (safecheck.yaml lists: {known})")


def open_context(root: Path) -> LedgerContext:
    """Load the settings and checklists of the repository at ``root``."""
    return LedgerContext(root=root, settings=load_settings(root), checklists=load_checklists(root))
