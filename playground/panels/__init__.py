"""Dock panels: each a view of the Document that edits it only through commands."""
