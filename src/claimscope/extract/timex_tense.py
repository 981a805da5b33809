"""The tense of the clause a time expression sits in: what it says of the expression's time.

"will meet on Tuesday" is the next Tuesday, "met on Tuesday" the last; a present tense or a
bare noun phrase says nothing, and the date is then the nearer one. ``times.py`` asks this of
every candidate, before reading its words.

Example:
    >>> doc = load_pipeline()("The council will meet on Tuesday.")  # doctest: +SKIP
    >>> clause_tense(doc, 5, 6)  # doctest: +SKIP
    'future'
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["clause_tense"]

_ENDPOINT_PREPS = {"to", "until", "till", "through", "thru"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
# How a date hangs on the noun it dates: "the Jan. 14 deadline", "Friday's close".
_NOUN_MODIFIER = {"compound", "poss", "nmod", "amod", "nummod"}
# Verbs that put something off to a later day: "postponed until Tuesday".
_DEFERRING = {"postpone", "delay", "defer", "adjourn", "suspend", "recess"}
_SCHEDULED = {"schedule", "set", "due", "slate", "plan", "expect", "go", "intend", "aim"}


def clause_tense(doc: Any, start: int, end: int) -> Literal["past", "future"] | None:
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
    token = doc[start:end].root
    if _on_a_noun(token):
        # "the Jan. 14 deadline", "Thursday's closing price": the date belongs to the noun,
        # and the verb of the clause ("gave no reason for the Jan. 14 deadline") does not
        # date it.
        return None
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
        if _set_at(doc, token, start):
            return "past"  # "a record set on Aug. 6": set then, not set for then
        if token.lemma_ in _SCHEDULED and token.tag_ in ("VBN", "VBG", "JJ"):
            # "had been due to expire Friday": planned before, for a day either side of now.
            return None if _pluperfect(token) else "future"
        if token.dep_ == "xcomp" and "to" in auxes and token.head.lemma_ == "be":
            return "future"  # "is to resume trading Tuesday"
        if token.dep_ != "xcomp" or token.head is token:
            break
        token = token.head
    if doc[start - 1].lower_ in ("until", "till") and verb.lemma_ in _DEFERRING and start > 0:
        return "future"  # "postponed until Tuesday": put off to a day after the decision
    if _ends_a_stretch(doc, start):
        # "extended the offer to Nov. 20", "held talks through Friday": the date ends a
        # stretch, and a past verb does not say on which side of publication it lies.
        return None
    aux_tags = {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.lower_ == "ended" and not aux_tags:
        return "past"  # "the quarter ended Sept. 30": a period over, so a day gone by
    if verb.tag_ == "VBD" or "VBD" in aux_tags:
        return "past"
    if verb.tag_ == "VBN" and aux_tags & {"VBZ", "VBP"}:
        return "past"  # a perfect: "has met"
    if verb.tag_ == "VBN" and not aux_tags and any(c.dep_ == "nsubj" for c in verb.children):
        return "past"  # a past tense the tagger took for a participle: "the bridge reopened"
    if verb.tag_ in ("VBZ", "VBP") and not aux_tags and verb.lemma_ not in _UNSCHEDULED:
        # News writes a scheduled event in the simple present: "the ministers meet Monday".
        return "future"
    return None


# Present-tense verbs that report or describe rather than schedule ("says Monday", "is").
_UNSCHEDULED = {"be", "have", "say", "tell", "report", "remain", "seem", "appear", "know",
                "believe", "think", "want", "need", "continue", "stand", "show",
                "mean"}  # fmt: skip


def _set_at(doc: Any, verb: Any, start: int) -> bool:
    """Whether "set" dates a deed, not a plan: "a record set on Aug. 6" (but "set for May")."""
    return (
        verb.lemma_ == "set"
        and start > 0
        and doc[start - 1].lower_ in ("on", "in", "at")
        and not any(c.lower_ == "for" for c in verb.children)
    )


def _on_a_noun(token: Any) -> bool:
    """Whether a date premodifies a noun: "the Jan. 14 deadline", "Thursday's close".

    A date in a prepositional phrase on a noun ("a mission in December") is left to the
    clause: "will fly a mission in December" is dated by its "will".
    """
    return token.dep_ in _NOUN_MODIFIER and token.head.pos_ in ("NOUN", "PROPN")


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
