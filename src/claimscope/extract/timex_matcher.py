"""The spaCy ``Matcher`` for time expressions the parser's DATE and TIME entities leave out.

"recently", "every week", "in 2019", "the past", "weekly", "9 a.m. Tuesday", "Thanksgiving
Day": ``times.py`` adds each match as a candidate beside the parser's entities, and the
TIMEX3 rules then decide whether it reads as a time at all.

Example:
    >>> doc = load_pipeline()("Prices rose every week.")  # doctest: +SKIP
    >>> [doc[s:e].text for _, s, e in rule_matcher(doc.vocab)(doc)]  # doctest: +SKIP
    ['week', 'every week']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimscope.extract.timex_lexicon import MONTHS, UNITS, WEEKDAYS

__all__ = ["rule_matcher"]

_PARTS_OF_DAY = ["morning", "afternoon", "evening", "night"]
_UNIT_WORDS = sorted({*UNITS, *(u + "s" for u in UNITS), "centuries", "weekend", "weekends"})
_QUANTITY = ["a", "an", "few", "several", "many", "some", "couple", "of", "just", "only",
             "mere", "more", "than", "about", "nearly", "almost", "half", "and",
             "the", "past", "last", "next", "coming", "first", "recent", "-",
             "at", "least"]  # fmt: skip
_SET_WORDS = ["daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly",
              "nightly", "biweekly", "fortnightly"]  # fmt: skip
# "previously", "formerly" and "soon" are left out: TimeBank marks them as time expressions
# only rarely, and a checker gains nothing from them.
_REF_WORDS = ["recently", "lately", "currently", "nowadays", "presently", "now"]
_CLOCK_WORDS = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
_ZONE_WORDS = ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "gmt", "utc"]
_PREP_YEAR = ["in", "since", "by", "until", "before", "after", "during", "from", "through",
              "of", "between", "and", "to", "early", "late", "mid", "fiscal"]  # fmt: skip


@lru_cache(maxsize=4)
def rule_matcher(vocab: Any) -> Any:
    """The rule matcher for forms the statistical model leaves out (built once per vocab)."""
    from spacy.matcher import Matcher

    weekdays = [w for w in WEEKDAYS if len(w) > 3]
    months = [m for m in MONTHS if len(m) > 3 and m != "may"]
    # Before a day number, abbreviations ("Aug. 7") and "May" are safe to take.
    month_forms = [*MONTHS, *(m + "." for m in MONTHS if len(m) <= 4)]
    seasons = ["spring", "summer", "autumn", "fall", "winter"]
    units = ["week", "weekend", "month", "year", "quarter", "decade", "century"]
    deictic_units = [*units, *seasons, *weekdays, *months]
    number: dict[str, Any] = {"LIKE_NUM": True}
    matcher = Matcher(vocab)
    matcher.add(
        "REF",
        [
            [{"LOWER": {"IN": _REF_WORDS}}],
            [{"LOWER": {"IN": ["recent", "current"]}, "POS": "ADJ"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future", "present"]}, "POS": "NOUN"}],
            [{"LOWER": "the"}, {"LOWER": "near"}, {"LOWER": "future"}],
            # "in the near term": TimeML's FUTURE_REF, as "the near future"
            [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "short"]}}, {"LOWER": "term"}],
            [{"LOWER": "future", "POS": "NOUN"}],
            [{"LOWER": "these"}, {"LOWER": "days"}],
        ],
    )
    matcher.add(
        "RELATIVE",
        [
            [
                {"LOWER": {"IN": ["the", "earlier", "later", "early", "late", "mid"]}, "OP": "*"},
                {"LOWER": {"IN": ["last", "this", "next", "past", "coming", "previous"]}},
                {"LOWER": {"IN": deictic_units}},
            ],
            [{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight"]}}],
            [
                {"LOWER": {"IN": ["today", "yesterday", "tomorrow", "this"]}},
                {"LOWER": {"IN": _PARTS_OF_DAY}},
            ],
            [{"LOWER": "last"}, {"LOWER": "night"}],
            [{"LOWER": "the"}, {"LOWER": "latest"}, {"LOWER": {"IN": ["quarter", "period"]}}],
            [{"LOWER": {"IN": weekdays}}, {"LOWER": {"IN": _PARTS_OF_DAY}, "OP": "?"}],
            # "Friday Oct. 13", "Saturday, April 25": one date, the weekday included.
            [
                {"LOWER": {"IN": weekdays}},
                {"ORTH": ",", "OP": "?"},
                {"LOWER": {"IN": month_forms}},
                {"IS_DIGIT": True},
            ],
            [{"LOWER": {"IN": month_forms}}, {"IS_DIGIT": True}],
            [{"LOWER": {"IN": month_forms}}, {"IS_DIGIT": True}, {"LOWER": ","}, {"SHAPE": "dddd"}],
        ],
    )
    matcher.add(
        "YEAR_AGO",
        [
            [
                {"LOWER": {"IN": ["the", "a", "comparable", "corresponding"]}, "OP": "*"},
                {"LOWER": "year"},
                {"ORTH": "-"},
                {"LOWER": {"IN": ["earlier", "ago"]}},
                {"LOWER": {"IN": ["quarter", "period"]}, "OP": "?"},
            ],
        ],
    )
    matcher.add(
        "HOLIDAY",
        [
            [
                {"LOWER": {"IN": ["last", "next", "this"]}, "OP": "?"},
                {"LOWER": "thanksgiving"},
                {"LOWER": "day", "OP": "?"},
            ],
            [{"ORTH": {"IN": ["Election", "Labor", "Memorial"]}}, {"ORTH": "Day"}],
        ],
    )
    matcher.add("PREP_YEAR", [[{"LOWER": {"IN": _PREP_YEAR}}, {"SHAPE": "dddd"}]])
    matcher.add(
        "DURATION",
        [
            [
                {"LOWER": {"IN": _QUANTITY}, "OP": "*"},
                {**number, "OP": "*"},
                # "20 more years", "two additional weeks": the count comes first.
                {"LOWER": {"IN": ["more", "additional", "extra", "further"]}, "OP": "?"},
                {"LOWER": {"IN": _UNIT_WORDS}},
            ],
        ],
    )
    matcher.add(
        "SET",
        [
            [
                {"LOWER": {"IN": ["every", "each"]}},
                {"LOWER": "other", "OP": "?"},
                {**number, "OP": "?"},
                {"LOWER": {"IN": [*_UNIT_WORDS, *weekdays]}},
            ],
            [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": {"IN": months}}],
            [{"LOWER": {"IN": _SET_WORDS}}],
            [
                {"LOWER": {"IN": ["once", "twice"]}},
                {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}},
                {"LOWER": {"IN": _UNIT_WORDS}},
            ],
        ],
    )
    matcher.add(
        "CLOCK",
        [
            [{"TEXT": {"REGEX": r"^\d{1,2}(:\d{2})?$"}}, {"LOWER": {"IN": _CLOCK_WORDS}}],
            # "5 p.m. EST Nov. 9": a clock time and its day, one expression.
            [
                {"TEXT": {"REGEX": r"^\d{1,2}(:\d{2})?$"}},
                {"LOWER": {"IN": _CLOCK_WORDS}},
                {"LOWER": {"IN": _ZONE_WORDS}, "OP": "?"},
                {"ORTH": ",", "OP": "?"},
                {"LOWER": {"IN": month_forms}},
                {"IS_DIGIT": True},
            ],
            [{"LOWER": {"IN": ["noon", "midnight"]}}],
            # "9 a.m. EST Tuesday", "noon Saturday": a clock time and its weekday.
            [
                {"TEXT": {"REGEX": r"^\d{1,2}(:\d{2})?$"}},
                {"LOWER": {"IN": _CLOCK_WORDS}},
                {"LOWER": {"IN": _ZONE_WORDS}, "OP": "?"},
                {"ORTH": ",", "OP": "?"},
                {"LOWER": {"IN": weekdays}},
            ],
            [{"LOWER": {"IN": ["noon", "midnight"]}}, {"LOWER": {"IN": weekdays}}],
        ],
    )
    return matcher
