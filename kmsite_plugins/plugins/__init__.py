"""MkDocs wiring only: every plugin reads the one site model built per build."""
