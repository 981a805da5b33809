"""The learned signals as the reports show them: sentence shading, counts, and why one is missing.

Both the HTML report and the terminal summary read the signals through this module, so they
agree on when a signal counts as available and on how its values are worded. A signal is
available when the analysis carries values for it; when it carries none, the reports say why
in one line, taken from ``Provenance.signals``, instead of drawing empty shading or zeros.

Example:
    >>> technique_label("Name_Calling,Labeling")
    'Name Calling, Labeling'
    >>> checkworthiness_bucket(0.87)
    4
"""

from __future__ import annotations

from dataclasses import dataclass

from claimscope.assess import CHECKWORTHY_THRESHOLD, SUBJECTIVE_THRESHOLD
from claimscope.report.highlight import Layer, SentenceMark
from claimscope.schema import Analysis, Sentence

#: The three learned signals, by their key in ``Provenance.signals``, with display names.
SIGNALS: dict[str, str] = {
    "checkworthiness": "Check-worthiness",
    "subjectivity": "Subjectivity",
    "techniques": "Persuasion techniques",
}

#: Shades of check-worthiness: the score's fifth (0-0.2 is unshaded, 0.8-1 the darkest).
CHECKWORTHINESS_BUCKETS = 5


@dataclass(frozen=True, slots=True)
class SignalState:
    """Whether the analysis carries values of one signal, and if not, why not."""

    name: str
    label: str
    available: bool
    reason: str  # "" when available


def technique_label(name: str) -> str:
    """A technique's SemEval name as people read it: underscores to spaces, commas spaced."""
    return ", ".join(part.replace("_", " ").strip() for part in name.split(","))


def checkworthiness_bucket(score: float) -> int:
    """The shade of a check-worthiness score, 0 (lightest) to ``CHECKWORTHINESS_BUCKETS - 1``."""
    return min(CHECKWORTHINESS_BUCKETS - 1, max(0, int(score * CHECKWORTHINESS_BUCKETS)))


def signal_states(analysis: Analysis) -> dict[str, SignalState]:
    """The state of each learned signal in ``analysis``, keyed as in ``SIGNALS``.

    Example:
        >>> from claimscope import analyze
        >>> signal_states(analyze("Ilse Varn said it rained."))["subjectivity"].available
        ... # doctest: +SKIP
        True
    """
    sentences = analysis.sentences
    summary = analysis.summary
    declared = analysis.provenance.signals
    present = {
        "checkworthiness": (
            any(s.checkworthiness is not None for s in sentences)
            or any(c.checkworthiness is not None for c in analysis.claims)
            or summary.sourcing.checkworthy_claims is not None
        ),
        "subjectivity": (
            any(s.subjectivity is not None for s in sentences)
            or summary.subjective_share is not None
        ),
        # No technique span is a result too when the model ran: it says so in provenance.
        "techniques": (
            bool(analysis.techniques)
            or bool(summary.technique_counts)
            or any(s.uses_technique is not None for s in sentences)
            or declared.get("techniques") == "available"
        ),
    }
    states: dict[str, SignalState] = {}
    for name, label in SIGNALS.items():
        why = declared.get(name, "not computed")
        if why == "available":
            why = "no values in this analysis"
        states[name] = SignalState(name, label, present[name], "" if present[name] else why)
    return states


def _sentence_label(sentence: Sentence) -> str:
    parts = [f"Sentence {sentence.index + 1}"]
    if sentence.checkworthiness is not None:
        parts.append(f"check-worthiness {sentence.checkworthiness:.2f}")
    if sentence.subjectivity is not None:
        verdict = "opinion" if sentence.subjectivity >= SUBJECTIVE_THRESHOLD else "report"
        parts.append(f"subjectivity {sentence.subjectivity:.2f} ({verdict})")
    if sentence.uses_technique is not None:
        parts.append(f"uses a technique {sentence.uses_technique:.2f}")
    return " · ".join(parts)


def sentence_marks(analysis: Analysis) -> list[SentenceMark]:
    """One mark per sentence with its shading classes; none when no sentence has a signal."""
    if not any(
        s.checkworthiness is not None or s.subjectivity is not None or s.uses_technique is not None
        for s in analysis.sentences
    ):
        return []
    marks: list[SentenceMark] = []
    for sentence in analysis.sentences:
        classes: list[str] = []
        if sentence.checkworthiness is not None:
            classes.append(f"cw-{checkworthiness_bucket(sentence.checkworthiness)}")
        if sentence.subjectivity is not None and sentence.subjectivity >= SUBJECTIVE_THRESHOLD:
            classes.append("subj")
        marks.append(
            SentenceMark(
                sentence.start,
                sentence.end,
                sentence.index,
                tuple(classes),
                _sentence_label(sentence),
            )
        )
    return marks


def technique_records(analysis: Analysis) -> dict[str, str]:
    """The id each technique's highlight goes by in the page, keyed by the technique's id.

    The page's anchors and focus links need one record per id. Technique ids may share a
    prefix with another record kind's ids (T1 is a time expression too); then every technique
    goes by ``technique-<id>``, all of them, so the ids on one page follow one pattern.
    """
    others = {
        *(a.id for a in analysis.attributions),
        *(c.id for c in analysis.claims),
        *(h.id for h in analysis.hedges),
        *(e.id for e in analysis.entities),
        *(t.id for t in analysis.times),
        *(f.id for f in analysis.findings),
    }
    clash = any(t.id in others for t in analysis.techniques)
    return {t.id: f"technique-{t.id}" if clash else t.id for t in analysis.techniques}


def technique_layers(analysis: Analysis) -> list[Layer]:
    """One highlight per technique span, its tooltip line naming the technique and score."""
    records = technique_records(analysis)
    return [
        Layer(
            t.span.start,
            t.span.end,
            "technique",
            t.technique,
            records[t.id],
            f"Technique {t.id}: {technique_label(t.technique)} ({t.score:.2f})",
        )
        for t in analysis.techniques
    ]


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def signal_panel(analysis: Analysis) -> dict[str, object]:
    """What the report's Signals section shows, as plain values for the template.

    Example:
        >>> from claimscope import analyze
        >>> sorted(signal_panel(analyze("Ilse Varn said it rained.")))  # doctest: +SKIP
        ['checkworthy', 'shading', 'states', 'subjective', 'techniques']
    """
    states = signal_states(analysis)
    summary = analysis.summary
    profile = summary.sourcing
    checkworthy: list[tuple[str, int]] = []
    if profile.checkworthy_claims is not None:
        checkworthy = [
            ("check-worthy claims", profile.checkworthy_claims),
            ("in the author's voice, with no source", profile.checkworthy_unsourced or 0),
            ("on unnamed sources", profile.checkworthy_anonymous or 0),
            ("called unverified", profile.checkworthy_unverified or 0),
            ("on a source cited once", profile.checkworthy_single_source or 0),
        ]
    subjective = None
    if summary.subjective_share is not None:
        subjective = _percent(summary.subjective_share)
    records = technique_records(analysis)
    ids_by_name: dict[str, list[str]] = {}
    for t in analysis.techniques:
        if t.span.end > t.span.start:  # an empty span has no highlight to link to
            ids_by_name.setdefault(t.technique, []).append(records[t.id])
    techniques = [
        {
            "name": name,
            "label": technique_label(name),
            "count": count,
            "focus": " ".join(ids_by_name.get(name, [])),
            "target": (ids_by_name.get(name) or [""])[0],
        }
        for name, count in summary.technique_counts.items()
    ]
    return {
        "states": states,
        "shading": states["checkworthiness"].available or states["subjectivity"].available,
        "checkworthy": checkworthy,
        "checkworthy_threshold": CHECKWORTHY_THRESHOLD,
        "subjective_threshold": SUBJECTIVE_THRESHOLD,
        "subjective": subjective,
        "techniques": techniques,
    }
