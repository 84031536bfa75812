"""Pydantic schemas of the files safecheck reads and writes."""
