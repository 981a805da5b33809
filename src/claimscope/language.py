"""Language identification, so that non-English text is refused instead of misread."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimscope.errors import UnsupportedLanguageError

SUPPORTED_LANGUAGES = frozenset({"en"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # py3langid ships its model inside the wheel: nothing is downloaded at run time.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and the identifier's probability.

    Example:
        >>> detect_language("The council voted to close the harbour for repairs.")[0]
        'en'
    """
    # The first few thousand characters decide: enough for a stable answer, cheap on long texts.
    lang, prob = _identifier().classify(text[:5000])
    return str(lang), float(prob)


def check_language(text: str) -> str:
    """The detected language code; raises UnsupportedLanguageError when it is not English."""
    lang, prob = detect_language(text)
    # Very short texts give unreliable guesses ("NATO" scores as Italian); only a confident
    # guess on a few words or more is grounds to refuse.
    confident = prob >= 0.8 and len(text.split()) >= 3
    if lang not in SUPPORTED_LANGUAGES and confident:
        raise UnsupportedLanguageError(
            f"the article looks like it is in '{lang}' (probability {prob:.2f}), and claimscope "
            "analyses English only: use --force-language to analyse it anyway"
        )
    return lang if confident else "en"
