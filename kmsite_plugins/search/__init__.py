"""Thai-aware site search: text extraction, normalisation and a sharded n-gram index.

Matching follows Ctrl+F: a page matches when its visible main text contains the query string
after :func:`normalise.normalise` (Thai/Arabic digits alike, lower case, whitespace folded).
The browser engine is ``overrides/assets/javascripts/kmsite-search.js`` (it also ranks whole
words first, with ``Intl.Segmenter``); ``query.py`` is its matching in Python, used by the
tests and the benchmark.
"""
