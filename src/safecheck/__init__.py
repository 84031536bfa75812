"""safecheck: a workplace-safety hazard ledger (隐患台账) kept as YAML files in git."""

__version__ = "0.1.0"
