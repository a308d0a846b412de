"""What pages and output files show, computed from the model once per build; no MkDocs, no Jinja, no HTML."""
