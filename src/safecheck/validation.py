"""``validate``: the audit's rules that depend only on the files — schema, lifecycle and
consistency — for pre-commit, where a commit must never fail because time passed.

What is overdue, due soon, not planned, not reported or not inspected *yet* depends on
today; those rules are left to ``audit`` (CI's gate, run daily). Given files, validate
reports on them: a record, a stray path, or the record a document belongs to. When
safecheck.yaml or a checklist is among them, everything is reported, since the settings
judge every record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from safecheck import layout
from safecheck.audit import RULES, AuditResult, audit_repository
from safecheck.config import SETTINGS_FILE
from safecheck.context import LedgerContext
from safecheck.errors import SafecheckError
from safecheck.i18n import Msg


def dated_rules() -> list[str]:
    """The audit rules validate leaves out."""
    return [rule.id for rule in RULES.values() if rule.dated]


def _relative(root: Path, path: Path, cwd: Path) -> str:
    full = (path if path.is_absolute() else cwd / path).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise SafecheckError(Msg("ci.validate.outside", path=path, root=root)) from None


def _covers(relpath: str) -> str:
    """The path whose findings a changed file answers for: a document's record, or the
    file itself."""
    parts = relpath.split("/")
    # records/<UNIT>/<YYYY>/<ID>/<document…> belongs to records/<UNIT>/<YYYY>/<ID>.yaml
    if len(parts) > 4 and parts[0] == layout.RECORDS and parts[3] != layout.INSPECTIONS:
        return "/".join(parts[:3]) + f"/{parts[3]}{layout.RECORD_SUFFIX}"
    return relpath


def validate(context: LedgerContext, today: dt.date, files: list[Path] | None = None,
             cwd: Path | None = None) -> AuditResult:
    """The timeless audit of the whole ledger, narrowed to ``files`` when given."""
    result = audit_repository(context, today, timeless=True)
    if not files:
        return result
    given = {_relative(context.root, f, cwd or Path.cwd()) for f in files}
    if any(p == SETTINGS_FILE or p.startswith(f"{layout.CHECKLISTS}/") for p in given):
        return result
    wanted = {_covers(p) for p in given} | given
    findings = [f for f in result.findings if f.path in wanted]
    subjects = [s for s in result.subjects if s.path in wanted]
    return dataclasses.replace(result, findings=findings, subjects=subjects,
                               records=len(subjects))
