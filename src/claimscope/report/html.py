"""The self-contained HTML report: the article with its layers highlighted, and a side panel.

The page loads nothing from anywhere: CSS and the small optional script are inline, and a
Content-Security-Policy meta tag allows exactly those two blocks (by SHA-256 hash) and nothing
else. Everything that comes from the article (text, title, outlet, url, entity names, messages)
goes through markupsafe / jinja2 autoescaping, so an article holding ``<script>`` shows it as
text.

The article itself is highlighted by ``report.highlight`` (record layers flattened into
segments, sentences wrapped with their learned-signal shading); ``report.signal_view`` words
the learned signals, and this module lays everything out with one jinja2 template.

Example:
    >>> from claimscope import analyze
    >>> from claimscope.report import render_html
    >>> page = render_html(analyze("Mayor Ilse Varn said the bridge would reopen."))
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from claimscope.report.highlight import LAYERS, Layer, highlight
from claimscope.report.signal_view import sentence_marks, signal_panel, technique_layers
from claimscope.report.timeline_view import place_map, timeline_rows
from claimscope.schema import Analysis, Attribution, Span

#: Claim statuses with their legend descriptions (the CSS gives each its tint).
STATUSES: dict[str, str] = {
    "asserted": "stated by the author as fact",
    "attributed": "on someone else's word",
    "hedged": "softened: reportedly, may, appears",
    "unverified": "explicitly not verified",
    "speculative": "guessed or predicted",
    "denied": "denied by its source",
}


def _source_label(attribution: Attribution, canonical: dict[str, str]) -> str:
    if attribution.source_entity and attribution.source_entity in canonical:
        return canonical[attribution.source_entity]
    if attribution.source is not None:
        return attribution.source.text
    if attribution.source_type == "anonymous":
        return "an unnamed source"
    return f"an unnamed {attribution.source_type.replace('_', ' ')} source"


def collect_layers(analysis: Analysis) -> list[Layer]:
    """Every highlight of the analysis: attributions, claims, hedges, entities, times,
    persuasion techniques and findings.

    Example:
        >>> from claimscope import analyze
        >>> kinds = {l.kind for l in collect_layers(analyze("Ilse Varn said it rained."))}
        >>> "ent" in kinds  # doctest: +SKIP
        True
    """
    canonical = {e.id: e.canonical for e in analysis.entities}
    attributions = {a.id: a for a in analysis.attributions}
    layers: list[Layer] = []

    def add(span: Span | None, kind: str, variant: str, record: str, label: str) -> None:
        if span is not None and span.end > span.start:
            layers.append(Layer(span.start, span.end, kind, variant, record, label))

    for a in analysis.attributions:
        who = _source_label(a, canonical)
        kind = a.kind.replace("_", " ")
        add(a.source, "src", a.source_type, a.id, f"{a.id} source: {who} ({a.source_type})")
        add(a.cue, "cue", a.kind, a.id, f"{a.id} cue ({kind} attribution)")
        add(
            a.channel, "channel", "", a.id, f"{a.id} channel: {a.channel.text if a.channel else ''}"
        )
        add(a.content, "content", a.kind, a.id, f"{a.id} content, {kind}, attributed to {who}")
    for c in analysis.claims:
        on = (
            _source_label(attributions[c.attribution], canonical)
            if c.attribution in attributions
            else "the author"
        )
        add(c.span, "claim", c.status, c.id, f"Claim {c.id}: {c.status}, on the word of {on}")
    for h in analysis.hedges:
        add(h.span, "hedge", h.kind, h.id, f"Hedge {h.id}: {h.kind}")
    for e in analysis.entities:
        for m in e.mentions:
            add(m, "ent", e.type, e.id, f"{e.type} {e.id}: {e.canonical} ({m.kind})")
    for t in analysis.times:
        value = t.value or "unresolved"
        add(t.span, "time", t.type, t.id, f"Time {t.id}: {t.type} {value}")
    layers.extend(technique_layers(analysis))
    for f in analysis.findings:
        for span in f.spans:
            add(span, "finding", f.severity, f.id, f"Finding {f.id} ({f.severity}): {f.kind}")
    return layers


def safe_link(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) URL that may become a link, else None.

    Example:
        >>> safe_link("https://belmora-courier.example/a/1")
        'https://belmora-courier.example/a/1'
        >>> safe_link("javascript:alert(1)") is None
        True
    """
    if not url or url != url.strip() or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _snippet(text: str, limit: int = 280) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def panel_context(analysis: Analysis) -> dict[str, object]:
    """What the side panel lists, as plain values the template only has to lay out.

    Example:
        >>> from claimscope import analyze
        >>> sorted(panel_context(analyze("Ilse Varn said it rained.")))[:3]
        ['attributions', 'claims', 'entities']
    """
    canonical = {e.id: e.canonical for e in analysis.entities}
    attributions = {a.id: a for a in analysis.attributions}
    hedges = {h.id: h for h in analysis.hedges}
    times = {t.id: t for t in analysis.times}
    sources = [
        {
            "label": s.label,
            "type": s.source_type,
            "claims": s.claims,
            # Focus the claims it is cited for, or its attributions when it backs no claim.
            "focus": " ".join(s.claims or s.attributions),
            "target": (s.claims or s.attributions or [""])[0],
        }
        for s in analysis.summary.sources
    ]
    attribution_rows = [
        {
            "id": a.id,
            "kind": a.kind.replace("_", " "),
            "source": _source_label(a, canonical),
            "source_type": a.source_type,
            "cue": a.cue.text if a.cue else "",
            "content": _snippet(a.content.text, 200),
            "channel": a.channel.text if a.channel else None,
        }
        for a in analysis.attributions
    ]
    claims = [
        {
            "id": c.id,
            "status": c.status,
            "source": (
                _source_label(attributions[c.attribution], canonical)
                if c.attribution in attributions
                else "the author"
            ),
            "source_type": c.source_type,
            "text": _snippet(c.span.text),
            "hedges": [hedges[h].span.text for h in c.hedges if h in hedges],
            "times": [times[t].span.text for t in c.times if t in times],
            "checkworthiness": c.checkworthiness,
        }
        for c in analysis.claims
    ]
    findings = [
        {
            "id": f.id,
            "kind": f.kind.replace("_", " "),
            "severity": f.severity,
            "message": f.message,
            "quotes": [_snippet(s.text, 160) for s in f.spans],
            "anchored": any(s.end > s.start for s in f.spans),
        }
        for f in analysis.findings
    ]
    entities = [
        {
            "id": e.id,
            "type": e.type,
            "canonical": e.canonical,
            "mentions": len(e.mentions),
            "titles": list(dict.fromkeys(t.text for t in e.titles)),
            "place": e.place.name if e.place else None,
        }
        for e in analysis.entities
    ]
    unavailable = {k: v for k, v in analysis.provenance.signals.items() if v != "available"}
    return {
        "sources": sources,
        "attributions": attribution_rows,
        "claims": claims,
        "findings": findings,
        "entities": entities,
        "times": analysis.times,
        "unavailable": unavailable,
        "total_ms": analysis.provenance.timings_ms.get("total"),
    }


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # autoescape=True for every template: select_autoescape would not match "*.html.j2".
    return Environment(
        loader=PackageLoader("claimscope.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _asset(name: str) -> tuple[str, str]:
    """An inline asset's text and its CSP source expression ('sha256-...')."""
    text = (resources.files("claimscope.report") / "templates" / name).read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def content_security_policy() -> str:
    """The page's policy: nothing may load; only the report's own style and script may run.

    Example:
        >>> content_security_policy().startswith("default-src 'none'")
        True
    """
    _, style_hash = _asset("report.css")
    _, script_hash = _asset("report.js")
    return (
        f"default-src 'none'; style-src {style_hash}; script-src {script_hash}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def render_html(analysis: Analysis) -> str:
    """One self-contained HTML page showing ``analysis``: highlighted text and side panel.

    Example:
        >>> from claimscope import analyze
        >>> page = render_html(analyze("Ilse Varn said the <b>bridge</b> reopened."))
        >>> "&lt;b&gt;bridge&lt;/b&gt;" in page
        True
    """
    css, _ = _asset("report.css")
    script, _ = _asset("report.js")
    template = _environment().get_template("report.html.j2")
    timeline, time_relations = timeline_rows(analysis)
    return template.render(
        analysis=analysis,
        article=analysis.article,
        article_link=safe_link(analysis.article.url),
        article_html=highlight(
            analysis.article.text, collect_layers(analysis), sentence_marks(analysis)
        ),
        csp=content_security_policy(),
        css=Markup(css),  # the report's own asset, hashed into the policy above
        script=Markup(script),
        layers=LAYERS,
        statuses=STATUSES,
        signals=signal_panel(analysis),
        timeline=timeline,
        time_relations=time_relations,
        place_map=place_map(analysis),
        **panel_context(analysis),
    )
