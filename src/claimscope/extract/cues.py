"""Reporting cues on the dependency parse: who says what, before sources are typed.

This module finds the raw structure of attributions — cue tokens, the head token of the source,
the token range of the content — from spaCy ``Matcher`` hits on reporting verbs, light-verb
speech acts, "according to" and reporting nouns. ``attributions.py`` turns them into records.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.extract.sources import phrase_bounds
from claimscope.schema import AttributionKind

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CHANNEL_PREPS = frozenset({"in", "on", "via", "through"})
_CONTENT_PREPS = frozenset({"about", "against", "of", "on"})
_OBJECT_DEPS = frozenset({"dative", "dobj", "oprd", "prep", "xcomp"})


@dataclass
class RawAttribution:
    """An attribution as found on the parse, in token indices (inclusive ranges)."""

    kind: AttributionKind
    cue: tuple[int, int]
    source: Any  # head token of the source phrase, or None when nobody is named
    content: tuple[int, int]
    channel: tuple[int, int] | None = None
    #: For quotes: character offsets of the quoted text (overrides ``content``).
    content_chars: tuple[int, int] | None = None
    #: A floating quote takes its source from the quote before it.
    inherits: RawAttribution | None = None


@lru_cache(maxsize=4)
def cue_matcher(vocab: Any) -> Any:
    """The ``Matcher`` of reporting cues for ``vocab`` (built once per vocabulary)."""
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    modifiers = {"POS": {"IN": ["DET", "ADJ", "ADV", "NUM"]}, "OP": "*"}
    matcher.add("VERB", [[{"LEMMA": {"IN": sorted(lx.REPORTING_VERBS)}, "POS": "VERB"}]])
    matcher.add(
        "LIGHT",
        [
            [
                {"LEMMA": {"IN": sorted(lx.LIGHT_VERBS)}, "POS": "VERB"},
                modifiers,
                {"LEMMA": {"IN": sorted(lx.SPEECH_ACT_NOUNS)}},
            ],
            [{"LEMMA": "paint", "POS": "VERB"}, modifiers, {"LEMMA": "picture"}],
        ],
    )
    matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(lx.REPORTING_NOUNS)}, "POS": "NOUN"}]])
    return matcher


def is_finite_clause(tokens: Any) -> bool:
    """Whether ``tokens`` hold a finite verb, so a quote is a sentence, not a phrase."""
    return any(t.tag_ in _FINITE_TAGS and t.pos_ in ("VERB", "AUX") for t in tokens)


def subject_of(verb: Any) -> Any:
    """The token that names who speaks: the subject, the passive agent, or a shared subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head  # "citizens who view ...": the relative pronoun's noun
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        return subject_of(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "Putin's efforts to frame ...": the possessor of the noun is the one who speaks.
        return next((c for c in verb.head.children if c.dep_ == "poss"), None)
    if verb.dep_ == "ROOT":
        return _inverted_subject(verb)
    return None


def _inverted_subject(verb: Any) -> Any:
    """The speaker of "..., the Relief Agency (BRA) said." when the parse lost the subject.

    The small model often attaches a sentence-final speaker as an apposition of the last noun
    of the reported clause and leaves the reporting verb without a subject. A noun phrase that
    sits between a comma and the verb is then the speaker.
    """
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].text == ")":  # skip an acronym in parentheses: "(BRA)"
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 1 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[i]
    first = i
    while first > 0 and doc[first - 1].dep_ in ("compound", "det", "amod", "poss", "nmod"):
        first -= 1
    if doc[first - 1].text != ",":
        return None
    return head


def issuer_of(noun: Any) -> Any:
    """Who issued a reporting noun: "his statement", "a report from X", "a release issued by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
        if child.dep_ == "acl":
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    for pobj in grandchild.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def channel_of(verb: Any) -> tuple[int, int] | None:
    """A document or outlet the words came through: "said in a statement", "told on radio"."""
    for child in verb.children:
        according = _according_to_object(child)
        if according is not None:
            return phrase_bounds(according)  # "X said, according to Reuters"
        if child.dep_ == "prep" and child.lower_ in _CHANNEL_PREPS:
            for pobj in child.children:
                lemma = pobj.lemma_.lower()
                if pobj.dep_ == "pobj" and (
                    lemma in lx.REPORTING_NOUNS
                    or lemma in lx.MEDIA_WORDS
                    or pobj.ent_type_ == "ORG"
                ):
                    return phrase_bounds(pobj)
    return None


def _range(token: Any) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


def _clause_content(clause: Any) -> tuple[int, int]:
    first, last = _range(clause)
    # "said that the harbor was closed": the complementiser is not part of what is claimed.
    if clause.doc[first].dep_ == "mark" and clause.doc[first].lower_ in ("that", "whether"):
        first += 1
    return first, last


def _object_range(verb: Any, first_child: Any) -> tuple[int, int]:
    """From ``first_child`` to the end of the verb's object and complements after it."""
    last = first_child.right_edge.i
    for child in verb.children:
        if child.i > first_child.i and child.dep_ in _OBJECT_DEPS:
            last = max(last, child.right_edge.i)
    return first_child.left_edge.i, last


def _passive_theme(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    if verb.dep_ == "acl":
        return verb.head  # "This revelation, reported by X, ..."
    if verb.dep_ == "advcl":
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child  # "This narrative, though contested by X, has ..."
    return None


def _as_phrase(head: Any) -> Any:
    for child in head.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "as"
            and any(g.dep_ == "pobj" for g in child.children)
        ):
            return child
    return None


def verb_attribution(verb: Any) -> RawAttribution | None:
    """The attribution a reporting verb makes, or None when it reports nothing here."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    source = subject_of(verb)
    cue = (verb.i, verb.i)
    has_agent = any(c.dep_ == "agent" for c in children)
    for child in children:
        if child.dep_ == "ccomp":
            return RawAttribution("indirect", cue, source, _clause_content(child))
    if (
        verb.dep_ == "parataxis"
        and source is not None
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.left_edge.i > verb.head.i
    ):
        # "The road stays closed until May, the minister said.": the parser hangs the speech
        # verb off the reported clause; the content is that clause, up to the speaker.
        doc = verb.doc
        first, last = verb.head.left_edge.i, verb.left_edge.i - 1
        while last > first and doc[last].is_punct:
            last -= 1
        if last > first:
            return RawAttribution("indirect", cue, source, (first, last))
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    as_phrase = _as_phrase(verb) or (_as_phrase(dobj) if dobj is not None else None)
    if lemma in lx.AS_VERBS and as_phrase is not None:
        first = dobj.left_edge.i if dobj is not None else as_phrase.left_edge.i
        if dobj is None and not has_agent and verb.dep_ == "acl":
            source = None  # "The ceremony, described as ...": nobody is named
        return RawAttribution("indirect", cue, source, (first, as_phrase.right_edge.i))
    if lemma not in lx.SPEECH_VERBS:
        return None
    if has_agent:
        theme = _passive_theme(verb)
        if theme is not None:
            return RawAttribution("indirect", cue, source, phrase_bounds(theme))
    if dobj is not None:
        return RawAttribution("indirect", cue, source, _object_range(verb, dobj))
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
            return RawAttribution("indirect", cue, source, _range(child))
    return None


def light_verb_attribution(verb: Any, noun: Any) -> RawAttribution | None:
    """ "extended congratulations to X for Y", "paint a grim picture of Z"."""
    if noun.head != verb:
        return None
    return RawAttribution("indirect", (verb.i, verb.i), subject_of(verb), _object_range(verb, noun))


def _according_to_object(token: Any) -> Any:
    """The X of an "according to X" phrase headed by ``token``, or None."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    return next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)


def according_to_attribution(according: Any) -> RawAttribution | None:
    """ "According to X, Y": the source is X, the content the rest of the clause.

    When the phrase hangs from a reporting verb with a speaker of its own ("the minister said,
    according to Reuters"), X is not the source but the channel of the minister's words, and
    that verb's attribution records it (``channel_of``).
    """
    doc = according.doc
    to = doc[according.i + 1]
    source = _according_to_object(according)
    if source is None:
        return None
    head = according.head
    if (
        head.pos_ == "VERB"
        and head.lemma_.lower() in lx.REPORTING_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    ):
        return None
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    if clause == according:
        return None
    phrase_first, phrase_last = according.left_edge.i, according.right_edge.i
    first, last = _range(clause)
    while last > first and doc[last].is_punct:
        last -= 1  # the full stop would keep a trailing "according to X" inside the clause
    if phrase_first <= first:
        first = phrase_last + 1  # "According to X, the dam cracked."
    elif phrase_last >= last:
        last = phrase_first - 1  # "The dam cracked, according to X."
    if first > last:
        return None
    return RawAttribution("according_to", (according.i, to.i), source, (first, last))


def noun_attribution(noun: Any) -> RawAttribution | None:
    """A reporting noun with its content clause: "reports that the dam had cracked"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return RawAttribution("reporting_noun", (noun.i, noun.i), noun, _clause_content(child))
    return None
