"""Extractors: each module is a pure function from a parsed ``Doc`` (plus explicit context) to
a list of typed records with character offsets into ``doc.text``.

Extractors never call each other's internals; when one needs another's output (claims need
attributions), the analyzer passes it in.
"""
