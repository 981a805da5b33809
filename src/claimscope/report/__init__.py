"""Views of an ``Analysis`` for people: the self-contained HTML report and the terminal summary.

Example:
    >>> from claimscope import analyze
    >>> from claimscope.report import render_html, summary_text
    >>> analysis = analyze("Mayor Ilse Varn said the bridge would reopen.")
    >>> "<!DOCTYPE html>" in render_html(analysis)
    True
"""

from __future__ import annotations

from claimscope.report.html import render_html
from claimscope.report.terminal import render_terminal, summary_text

__all__ = ["render_html", "render_terminal", "summary_text"]
