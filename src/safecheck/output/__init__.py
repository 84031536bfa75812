"""Rendering results for people (rich text) and machines (json, csv, CI annotations)."""
