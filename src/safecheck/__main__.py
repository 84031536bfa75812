"""``python -m safecheck``."""

from safecheck.cli.main import run

run()
