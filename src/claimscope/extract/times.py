"""Temporal expressions with TIMEX3-style values anchored to the publication date.

Candidates come from the parser's DATE and TIME entities plus a ``Matcher`` for what the
model leaves out ("recently", "every week", "in 2019", "the past", "weekly"). Each candidate
is read by ``timex.normalize`` against the publication date and the tense of its clause ("will
meet on Tuesday" is the next Tuesday, "met on Tuesday" the last). Spans follow TimeML: the
preposition is left out ("on August 20" -> "August 20"), and no two expressions overlap.

A count of time followed by "after"/"before" and an event ("just weeks after the vote") is
read as a date counted from that event: the article does not date the event, so it gets no
value and ``anchored=False``, which ``assess`` reports as a date that cannot be anchored.

Example:
    >>> import datetime as dt
    >>> doc = load_pipeline()("The council met on August 20.")  # doctest: +SKIP
    >>> [(t.span.text, t.value) for t in extract_times(doc, dt.date(2025, 8, 21))]  # doctest: +SKIP
    [('August 20', '2025-08-20')]
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from claimscope.extract.common import SentenceIndex, span_of_tokens
from claimscope.extract.timex import Anchor, Timex, looks_temporal, normalize
from claimscope.extract.timex_context import Reading as _Reading
from claimscope.extract.timex_context import with_closing_day, with_reported_quarter
from claimscope.extract.timex_lexicon import MONTHS, UNITS, WEEKDAYS
from claimscope.schema import TimeExpression


class _Candidate(NamedTuple):
    start: int  # first token
    end: int  # one past the last token
    from_model: bool  # the parser's entity (kept even when unread) or a rule match
    label: str  # DATE or TIME for the parser's entities


# Words in front of a parser entity that TimeML leaves out of the expression ("both" and
# "either" head a pair of dates, "both 1989 and 1990", and are no part of the first).
_LEAD_OUT = {"between", "from", "since", "until", "till", "by", "in", "on", "at", "during", "of",
             "for", "through", "throughout", "within", "as", "to", "over",
             "both", "either"}  # fmt: skip
# Words that join two expressions inside one parser entity: "between 2010 and 2015".
_JOINERS = {"and", "or", "to", "through", "until", "till", "-", "–", "—"}
# Words after a count of time that make it a date: "two days ago", "weeks after the vote".
_RELATORS = {"ago", "earlier", "later", "before", "after", "afterwards", "previously"}
_EVENT_RELATORS = {"before", "after"}
_DURATION_PREPS = {"for", "within", "over", "during", "throughout", "in"}
_TEMPORAL_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"}
_ENDPOINT_PREPS = {"to", "until", "till", "through", "thru"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
_SCHEDULED = {"schedule", "set", "due", "slate", "plan", "expect", "go", "intend", "aim"}

_PARTS_OF_DAY = ["morning", "afternoon", "evening", "night"]
_UNIT_WORDS = sorted({*UNITS, *(u + "s" for u in UNITS), "centuries", "weekend", "weekends"})
_QUANTITY = ["a", "an", "few", "several", "many", "some", "couple", "of", "just", "only",
             "mere", "more", "than", "about", "nearly", "almost", "half", "and",
             "the", "past", "last", "next", "coming", "first", "recent", "-"]  # fmt: skip
_SET_WORDS = ["daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly",
              "nightly", "biweekly", "fortnightly"]  # fmt: skip
# "previously", "formerly" and "soon" are left out: TimeBank marks them as time expressions
# only rarely, and a checker gains nothing from them.
_REF_WORDS = ["recently", "lately", "currently", "nowadays", "presently", "now"]
_CLOCK_WORDS = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
_ZONE_WORDS = ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "gmt", "utc"]
_PREP_YEAR = ["in", "since", "by", "until", "before", "after", "during", "from", "through",
              "of", "between", "and", "to", "early", "late", "mid", "fiscal"]  # fmt: skip


def extract_times(doc: Any, published: dt.date | None) -> list[TimeExpression]:
    """Time expressions in ``doc`` (ids ``T1``, ...), normalised when ``published`` is known.

    Args:
        doc: the article's spaCy ``Doc``.
        published: the publication date, or ``None`` when unknown (relative expressions then
            get ``X`` placeholders and ``anchored=False``).
    """
    candidates = _candidates(doc)
    readings = _choose(_read_all(doc, candidates, published))
    sentences = SentenceIndex(doc)
    readings = _with_sentence_days(doc, readings, published, sentences)
    readings = with_reported_quarter(doc, readings)
    readings = with_closing_day(doc, readings)
    records: list[TimeExpression] = []
    text = doc.text  # read once: spaCy joins every token again on each access
    for reading in readings:
        # Tokens are trimmed already; trimming characters would cut the dot of "p.m.".
        span = span_of_tokens(doc, reading.start, reading.end - 1, text=text, trim=False)
        if not span.text:
            continue
        timex = reading.timex
        records.append(
            TimeExpression(
                id=f"T{len(records) + 1}",
                span=span,
                type=timex.type,
                value=timex.value,
                anchored=timex.anchored,
                range_start=timex.range_start,
                range_end=timex.range_end,
                sentence=sentences.of(span.start),
            )
        )
    return records


# --- candidates -------------------------------------------------------------------------


def _candidates(doc: Any) -> list[_Candidate]:
    found: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        found.append(_Candidate(start, end, True, ent.label_))
        # Parts of an entity that joins two dates compete with the whole; the readable wins.
        cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ in _JOINERS]
        bounds = [start, *cuts, end]
        if cuts:
            for left, right in itertools.pairwise(bounds):
                first, last = _trim(doc, left + (left != start), right)
                if first < last:
                    found.append(_Candidate(first, last, False, ent.label_))
    for match_id, start, end in _matcher(doc.vocab)(doc):
        label = doc.vocab.strings[match_id]
        if label == "PREP_YEAR":
            start += 1  # "in 2019": TimeML leaves the preposition out
        if any(t.ent_type_ and t.ent_type_ not in _TEMPORAL_ENTS for t in doc[start:end]):
            continue  # "the Belmora Daily Courier", "Fiscal Year 2019 Act": part of a name
        if _age_follows(doc, end):
            continue  # "a 45-year-old": an age, not a duration
        found.append(_Candidate(start, end, False, "TIME" if label == "CLOCK" else "DATE"))
    return _with_relators(doc, found)


def _age_follows(doc: Any, end: int) -> bool:
    following = [t.lower_ for t in doc[end : end + 2]]
    return following[:1] == ["old"] or following == ["-", "old"]


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Leave out leading prepositions and trailing punctuation or possessive 's."""
    while start < end and (doc[start].lower_ in _LEAD_OUT or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _with_relators(doc: Any, found: list[_Candidate]) -> list[_Candidate]:
    """Add "<count of time> ago/later/after" versions of candidates followed by such a word.

    "after"/"before" make a date only when an event follows ("weeks after the vote"); before
    another time ("two days after May 3") or after "for" ("for a week after the storm") the
    count stays a duration.
    """
    starts = {c.start for c in found}
    extended: list[_Candidate] = []
    for cand in found:
        if cand.end >= len(doc) or doc[cand.end].lower_ not in _RELATORS:
            continue
        word = doc[cand.end].lower_
        if word in _EVENT_RELATORS:
            following = cand.end + 1
            if following >= len(doc) or following in starts or doc[following].is_punct:
                continue
            if cand.start > 0 and doc[cand.start - 1].lower_ in _DURATION_PREPS:
                continue
            # "a fourth week after the talks" counts weeks of an ongoing span, not a date.
            before = doc[max(0, cand.start - 1) : cand.end]
            if any(
                t.ent_type_ == "ORDINAL" or (t.lower_.endswith(("th", "nd", "rd")) and t.like_num)
                for t in before
            ):
                continue
        extended.append(cand._replace(end=cand.end + 1))
    return found + extended


@lru_cache(maxsize=4)
def _matcher(vocab: Any) -> Any:
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
    matcher.add("PREP_YEAR", [[{"LOWER": {"IN": _PREP_YEAR}}, {"SHAPE": "dddd"}]])
    matcher.add(
        "DURATION",
        [
            [
                {"LOWER": {"IN": _QUANTITY}, "OP": "*"},
                {**number, "OP": "*"},
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
        ],
    )
    return matcher


# --- reading and choosing ---------------------------------------------------------------


def _read_all(
    doc: Any, candidates: list[_Candidate], published: dt.date | None
) -> list[tuple[_Reading, bool]]:
    """Each candidate read; (reading, readable). Unread rule matches are dropped."""
    seen: set[tuple[int, int]] = set()
    out: list[tuple[_Reading, bool]] = []
    for cand in candidates:
        if (cand.start, cand.end) in seen:
            continue
        seen.add((cand.start, cand.end))
        text = doc[cand.start : cand.end].text
        timex = normalize(text, Anchor(published, tense=_tense(doc, cand)))
        if timex is not None:
            out.append((_Reading(cand.start, cand.end, timex), True))
        elif cand.from_model and looks_temporal(text):
            # The parser saw a date the rules cannot read: keep it, unresolved, for a human.
            unread = Timex("TIME" if cand.label == "TIME" else "DATE", None, False)
            out.append((_Reading(cand.start, cand.end, unread), False))
    return out


def _choose(readings: list[tuple[_Reading, bool]]) -> list[_Reading]:
    """Non-overlapping readings: readable before unreadable, then the longest first."""
    ranked = sorted(readings, key=lambda r: (not r[1], -(r[0].end - r[0].start), r[0].start))
    taken: list[_Reading] = []
    used: set[int] = set()
    for reading, _ in ranked:
        tokens = set(range(reading.start, reading.end))
        if tokens & used:
            continue
        used |= tokens
        taken.append(reading)
    return sorted(taken, key=lambda r: r.start)


def _with_sentence_days(
    doc: Any, readings: list[_Reading], published: dt.date | None, sentences: SentenceIndex
) -> list[_Reading]:
    """Read bare clock times again against a day the same sentence gives ("May 3 ... at 3 p.m.")."""
    days: dict[int, list[tuple[int, dt.date]]] = {}
    for reading in readings:
        timex = reading.timex
        if timex.type == "DATE" and timex.range_start and timex.range_start == timex.range_end:
            sentence = sentences.of(doc[reading.start].idx)
            days.setdefault(sentence, []).append((reading.start, timex.range_start))
    out: list[_Reading] = []
    for reading in readings:
        day = _nearest_day(days.get(sentences.of(doc[reading.start].idx), []), reading.start)
        if reading.timex.type == "TIME" and day is not None:
            cand = _Candidate(reading.start, reading.end, False, "TIME")
            anchor = Anchor(published, tense=_tense(doc, cand), day=day)
            again = normalize(doc[reading.start : reading.end].text, anchor)
            if again is not None:
                reading = reading._replace(timex=again)
        out.append(reading)
    return out


def _nearest_day(days: list[tuple[int, dt.date]], position: int) -> dt.date | None:
    """The closest date before a clock time in its sentence, else the first after it."""
    before = [day for start, day in days if start < position]
    if before:
        return before[-1]
    return days[0][1] if days else None


def _tense(doc: Any, cand: _Candidate) -> Literal["past", "future"] | None:
    """What the clause of the expression says of its time: past, future, or nothing.

    The governing verb is found by climbing from the expression's root. Future: "will"/"shall"
    (or "would" without "have", as in reported plans) on that verb or on a verb it is the
    complement of ("is expected to reopen"), or a scheduling verb ("scheduled for"). Past: a
    past-tense verb or a perfect ("met", "was held", "has met"). Anything else (present tense,
    a bare noun phrase) says nothing.

    Future also: "is to" + verb ("is to resume trading Tuesday"). A schedule in the past
    perfect ("had been due to expire Friday") may be over or not: nothing. A date that hangs on an
    adjective ("payable Dec. 7", "effective Feb. 1") is not dated by the verb of its
    sentence ("declared a dividend, payable Dec. 7"): nothing.
    """
    token = doc[cand.start : cand.end].root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        if token.pos_ == "ADJ" and token.tag_ == "JJ" and token.lemma_ not in _SCHEDULED:
            return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    verb = token
    for _ in range(3):
        auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX or ("would" in auxes and "have" not in auxes):
            return "future"
        if token.lemma_ in _SCHEDULED and token.tag_ in ("VBN", "VBG", "JJ"):
            # "had been due to expire Friday": planned before, for a day either side of now.
            return None if _pluperfect(token) else "future"
        if token.dep_ == "xcomp" and "to" in auxes and token.head.lemma_ == "be":
            return "future"  # "is to resume trading Tuesday"
        if token.dep_ != "xcomp" or token.head is token:
            break
        token = token.head
    if _ends_a_stretch(doc, cand.start):
        # "extended the offer to Nov. 20", "held talks through Friday": the date ends a
        # stretch, and a past verb does not say on which side of publication it lies.
        return None
    aux_tags = {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or "VBD" in aux_tags:
        return "past"
    if verb.tag_ == "VBN" and aux_tags & {"VBZ", "VBP"}:
        return "past"  # a perfect: "has met"
    if verb.tag_ == "VBN" and not aux_tags and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # a past tense the tagger took for a participle: "the bridge reopened"
    return None


def _pluperfect(token: Any) -> bool:
    """Whether a word is in the past perfect: "had been scheduled", "had been due"."""
    holders = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
    return any(c.lower_ == "had" and c.dep_ == "aux" for h in holders for c in h.children)


def _ends_a_stretch(doc: Any, start: int) -> bool:
    """Whether an expression follows "to"/"until"/"through", but not as the end of a range that
    a "from" opened ("bought from Sept. 14 to Thursday" started, and so lies, in the past)."""
    if start == 0 or doc[start - 1].lower_ not in _ENDPOINT_PREPS:
        return False
    sentence_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    return not any(t.lower_ == "from" for t in doc[max(sentence_start, start - 8) : start - 1])
