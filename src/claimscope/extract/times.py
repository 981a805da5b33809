"""Temporal expressions with TIMEX3-style values anchored to the publication date.

Candidates come from the parser's DATE and TIME entities plus a ``Matcher`` for what the
model leaves out ("recently", "every week", "in 2019", "the past", "weekly"). Each candidate
is read by ``timex.normalize`` against the publication date and the tense of its clause ("will
meet on Tuesday" is the next Tuesday, "met on Tuesday" the last). Spans follow TimeML: the
preposition is left out ("on August 20" -> "August 20"), and no two expressions overlap.

A bare unit of time followed by "after"/"before" and an event ("just weeks after the vote")
is read as a date counted from that event: the article does not date the event, so it gets no
value and ``anchored=False``, which ``assess`` reports as a date that cannot be anchored. With
a count ("three days after the vote", "two weeks later") TimeML marks the count alone, as a
DURATION. Either way the timeline relates two claims where "after"/"before" names an event
another claim tells ("three weeks after the storm hit"), and ``assess`` flags a count whose
sentence gives no date to count from.

Example:
    >>> import datetime as dt
    >>> doc = load_pipeline()("The council met on August 20.")  # doctest: +SKIP
    >>> [(t.span.text, t.value) for t in extract_times(doc, dt.date(2025, 8, 21))]  # doctest: +SKIP
    [('August 20', '2025-08-20')]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any, NamedTuple

from claimscope.extract.common import SentenceIndex, span_of_tokens
from claimscope.extract.timex import Anchor, Timex, looks_temporal, normalize
from claimscope.extract.timex_context import Reading as _Reading
from claimscope.extract.timex_context import (
    with_back_reference,
    with_closing_day,
    with_reported_quarter,
)
from claimscope.extract.timex_lexicon import MONTHS, WEEKDAYS, words_of
from claimscope.extract.timex_matcher import rule_matcher
from claimscope.extract.timex_tense import clause_tense
from claimscope.schema import TimeExpression


class _Candidate(NamedTuple):
    start: int  # first token
    end: int  # one past the last token
    from_model: bool  # the parser's entity (kept even when unread) or a rule match
    label: str  # DATE or TIME for the parser's entities
    # Words read in front of the span's own: the month a bare day number shares with the
    # date before it ("April 24 and 25" -> "April 25"). They are not part of the span.
    borrowed: str = ""


# Words in front of a parser entity that TimeML leaves out of the expression ("both" and
# "either" head a pair of dates, "both 1989 and 1990", and are no part of the first).
_LEAD_OUT = {"between", "from", "since", "until", "till", "by", "in", "on", "at", "during", "of",
             "for", "through", "throughout", "within", "as", "to", "over",
             "both", "either"}  # fmt: skip
# "as early as next week", "as recently as 1990": a bound on the date, no part of it.
_AS_AS = {"early", "late", "soon", "recently", "long", "far", "of"}
# Words that join two expressions inside one parser entity: "between 2010 and 2015".
_JOINERS = {"and", "or", "to", "through", "until", "till", "-", "–", "—"}
# Words after a count of time that make it a date: "two days ago", "weeks after the vote".
_RELATORS = {"ago", "earlier", "later", "before", "after", "afterwards", "previously"}
_EVENT_RELATORS = {"before", "after"}
_DURATION_PREPS = {"for", "within", "over", "during", "throughout", "in"}
_TEMPORAL_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"}
#: Frequency words that, in front of a noun, name the kind of a figure, the way "annual" does
#: in "the annual report": "its quarterly dividend", "a quarterly loss" place nothing in time.
_KIND_ADJECTIVES = {"quarterly", "semiannual", "biannual"}
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "last", "final"}


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
    readings = with_reported_quarter(doc, readings, published)
    readings = with_closing_day(doc, readings)
    readings = with_back_reference(doc, readings)
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
        if end - start > 1 and doc[end - 1].lower_ in _RELATORS - {"ago"}:
            # "Two and a half years later": the count without its relating word competes
            # with the whole (TimeML marks the count alone).
            found.append(_Candidate(start, end - 1, False, ent.label_))
        # Parts of an entity that joins two dates compete with the whole; the readable wins.
        cuts = [i for i in range(start + 1, end - 1) if _joins(doc, i)]
        bounds = [start, *cuts, end]
        if cuts:
            month = ""
            for left, right in itertools.pairwise(bounds):
                first, last = _trim(doc, left + (left != start), right)
                if first >= last:
                    continue
                borrowed = month if _bare_day(doc, first, last) else ""
                found.append(_Candidate(first, last, False, ent.label_, borrowed))
                if _month_word(doc[first].lower_):
                    month = doc[first].text
    for match_id, start, end in rule_matcher(doc.vocab)(doc):
        label = doc.vocab.strings[match_id]
        if label == "PREP_YEAR":
            start += 1  # "in 2019": TimeML leaves the preposition out
        if (
            label != "HOLIDAY"  # the parser calls "Thanksgiving Day" an EVENT
            and not _month_and_day(doc, start, end)  # nor "the Aug. 7 bombings"
            and any(t.ent_type_ and t.ent_type_ not in _TEMPORAL_ENTS for t in doc[start:end])
        ):
            continue  # "the Belmora Daily Courier", "Fiscal Year 2019 Act": part of a name
        if doc[end - 1].lower_ == "term" and end < len(doc) and doc[end].pos_ == "NOUN":
            continue  # "the short term debt": a modifier, no time
        if _age_follows(doc, end):
            continue  # "a 45-year-old": an age, not a duration
        found.append(_Candidate(start, end, False, "TIME" if label == "CLOCK" else "DATE"))
    found = [c for c in found if not _not_a_time(doc, c.start, c.end)]
    return _with_relators(doc, found)


def _joins(doc: Any, i: int) -> bool:
    """Whether token ``i`` joins two expressions of one entity ("1994, 1995 and 1997")."""
    if doc[i].lower_ in _JOINERS:
        return True
    # A comma joins only whole years: in "Aug. 7, 1998" it belongs to the date.
    return bool(doc[i].text == "," and doc[i - 1].shape_ == "dddd" == doc[i + 1].shape_)


def _month_word(word: str) -> bool:
    return word.rstrip(".") in MONTHS


def _month_and_day(doc: Any, start: int, end: int) -> bool:
    """Whether the span opens with a month and a day number ("Aug. 7", "March 3, 2024")."""
    return end - start >= 2 and _month_word(doc[start].lower_) and doc[start + 1].is_digit


def _bare_day(doc: Any, start: int, end: int) -> bool:
    """Whether the span is one day-of-month number ("25" of "April 24 and 25")."""
    token = doc[start]
    return end == start + 1 and token.is_digit and 1 <= int(token.text) <= 31


def _not_a_time(doc: Any, start: int, end: int) -> bool:
    """Time words that here name no time: a kind, a fraction, an age."""
    return (
        _kind_modifier(doc, start, end)
        or _fraction_of(doc, start, end)
        or _age_decade(doc, start, end)
        or _ordinal_second(doc, start, end)
        # "the night of": the parser's entity stops at the preposition, and the date that
        # follows ("the night of Oct. 23") is read on its own.
        or doc[end - 1].lower_ == "of"
    )


def _ordinal_second(doc: Any, start: int, end: int) -> bool:
    """Whether "a second" counts rather than measures: "a second group", "a second term"."""
    words = [t.lower_ for t in doc[start:end]]
    return (
        words in (["a", "second"], ["the", "second"])
        and end < len(doc)
        and doc[end].pos_ in ("NOUN", "ADJ", "PROPN")
    )


def _fraction_of(doc: Any, start: int, end: int) -> bool:
    """Whether counted quarters are a share of something: "three-quarters of its food".

    Quarters of a year are ordinal ("the fourth quarter of 1989"); counted quarters of a
    determined whole ("more than a quarter of the market") are a fraction, but not counted
    quarters of something undetermined ("after several quarters of losses").
    """
    if doc[end - 1].lower_ not in ("quarter", "quarters") or end + 1 >= len(doc):
        return False
    if doc[end].lower_ != "of" or doc[end + 1].pos_ not in ("DET", "PRON"):
        return False
    before = doc[max(0, start - 2) : end - 1]
    return not any(t.ent_type_ == "ORDINAL" or t.lower_ in _ORDINAL_WORDS for t in before)


def _age_decade(doc: Any, start: int, end: int) -> bool:
    """Whether a decade is someone's age: "in his 30s", "in her early forties"."""
    return (
        start > 0
        and doc[start - 1].tag_ == "PRP$"
        and re.fullmatch(r"(?:early |mid-?|late )?(?:'?\d0s|\w+ties)", doc[start:end].text.lower())
        is not None
    )


def _kind_modifier(doc: Any, start: int, end: int) -> bool:
    """Whether the span is one frequency adjective before its noun ("quarterly dividend")."""
    return (
        end == start + 1
        and doc[start].lower_ in _KIND_ADJECTIVES
        and end < len(doc)
        and doc[end].pos_ in ("NOUN", "PROPN", "ADJ")
    )


def _age_follows(doc: Any, end: int) -> bool:
    following = [t.lower_ for t in doc[end : end + 2]]
    return following[:1] == ["old"] or following == ["-", "old"]


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Leave out leading prepositions and trailing punctuation or possessive 's."""
    while start < end:
        if _as_early_as(doc, start, end):
            start += 3  # "as early as next week": TimeML leaves the phrase out
        elif doc[start].lower_ in _LEAD_OUT or doc[start].is_punct:
            start += 1
        else:
            break
    # A trailing "and" is the parser's entity running into the next item of a list.
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("and", "or")
    ):
        end -= 1
    return start, end


def _as_early_as(doc: Any, start: int, end: int) -> bool:
    """Whether the tokens at ``start`` are "as early/late/soon/recently as" before more."""
    words = [t.lower_ for t in doc[start : min(end, start + 3)]]
    return start + 3 < end and words[0] == "as" == words[2] and words[1] in _AS_AS


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
        if cand.borrowed:
            text = f"{cand.borrowed} {text}"
        timex = normalize(text, Anchor(published, tense=clause_tense(doc, cand.start, cand.end)))
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
        # A day written with a clock time ("4 a.m. Thursday") dates the sentence's other
        # clock times too; a bare clock time's day is only the publication date.
        if (
            timex.range_start
            and timex.range_start == timex.range_end
            and (timex.type == "DATE" or _names_a_day(doc[reading.start : reading.end].text))
        ):
            sentence = sentences.of(doc[reading.start].idx)
            days.setdefault(sentence, []).append((reading.start, timex.range_start))
    out: list[_Reading] = []
    for reading in readings:
        day = _nearest_day(days.get(sentences.of(doc[reading.start].idx), []), reading.start)
        if reading.timex.type == "TIME" and day is not None:
            cand = _Candidate(reading.start, reading.end, False, "TIME")
            anchor = Anchor(published, tense=clause_tense(doc, cand.start, cand.end), day=day)
            again = normalize(doc[reading.start : reading.end].text, anchor)
            if again is not None:
                reading = reading._replace(timex=again)
        out.append(reading)
    return out


def _names_a_day(text: str) -> bool:
    """Whether a time's words name its day ("9 a.m. Tuesday", "noon Oct. 3")."""
    return any(w in WEEKDAYS or w in MONTHS for w in words_of(text))


def _nearest_day(days: list[tuple[int, dt.date]], position: int) -> dt.date | None:
    """The closest date before a clock time in its sentence, else the first after it."""
    before = [day for start, day in days if start < position]
    if before:
        return before[-1]
    return days[0][1] if days else None
