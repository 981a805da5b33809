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
    #: Last token of a description of the source that the parse left unattached ("According
    #: to BPA, the state news agency, ..."); None when the parse tree holds the whole phrase.
    source_last: int | None = None
    #: The source phrase's exact token range, where the rule knows it better than the parse
    #: (a headline's "Ann Bell: ..."); None: the phrase is read off the parse tree.
    source_range: tuple[int, int] | None = None
    #: The rule is sure of this attribution on its own, so the cue model does not veto it: it
    #: scores words by what PolNeAR marks, and PolNeAR's parses rarely hold the pattern.
    sure: bool = False


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
        ],
    )
    # No part of speech for "paint": the small model often tags it a noun after a plural
    # subject ("accounts from the valley paint a grim picture").
    matcher.add(
        "DEPICT",
        [
            [{"LEMMA": {"IN": sorted(lx.DEPICTION_VERBS)}, "POS": "VERB"}],
            [
                {"LOWER": {"IN": ["paint", "paints", "painted", "painting"]}},
                modifiers,
                {"LEMMA": {"IN": sorted(lx.DEPICTION_OBJECTS)}},
            ],
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
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        # "The mayor left early, saying the roads were closed": a participle without a
        # subordinator shares the subject of the clause it hangs from.
        clause = verb.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lx.REPORTING_VERBS:
            # "Varn said the bridge was safe, citing a survey": the parse hangs the participle
            # on the reported clause, but it is the speaker who cites.
            return subject_of(clause.head) or subject_of(clause)
        return subject_of(clause)
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "Putin's efforts to frame ...": the possessor of the noun is the one who speaks.
        possessor = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        if possessor is None and verb.tag_ == "VBG":
            # "issued a statement saying ...", "a lawsuit alleging ...": the statement's
            # issuer speaks, or else the document itself.
            return issuer_of(verb.head) or verb.head
        return possessor
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


#: Verbs whose subject issues the reporting noun they take: "gave assurances", "has plans".
_HOLDING_VERBS = lx.LIGHT_VERBS | frozenset(
    {"file", "give", "have", "lodge", "outline", "raise", "share", "unveil", "voice"}
)


def issuer_of(noun: Any) -> Any:
    """Who issued a reporting noun: "his statement", "a report from X", "a release issued by X".

    "Accounts from the valley" come from people there, whom the phrase does not name: a place
    is not an issuer. Nor is a town or country for the accounts of witnesses: "eyewitness
    accounts from Ostrel" come from people in Ostrel, not from its government.
    """
    witnessed = _witness_words(noun)
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for pobj in child.children:
                if pobj.dep_ != "pobj" or _is_place(pobj):
                    continue
                if witnessed and not _names_people(pobj):
                    continue
                return pobj
        if child.dep_ == "acl":
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    for pobj in grandchild.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _HOLDING_VERBS:
        # "The ministers gave assurances that ...", "the unions have no plans to ...": whoever
        # gives or holds the words issued them; but an event that raises questions is their
        # cause, not their issuer ("the timing raises concerns").
        return None if causes_talk(verb) else subject_of(verb)
    return None


def causes_talk(verb: Any) -> bool:
    """Whether ``verb`` causes talk rather than utters it: "has fuelled speculation" always,
    "raise" and "pose" only when their subject is an event or fact ("the timing raises
    concerns"), never a person, group or document ("the senator raised concerns")."""
    lemma = verb.lemma_.lower()
    if lemma in lx.CAUSE_VERBS:
        return True
    if lemma not in lx.THING_CAUSE_VERBS:
        return False
    subject = subject_of(verb)
    return subject is not None and subject.lemma_.lower() in lx.CAUSE_SUBJECT_NOUNS


def _channel_object(prep: Any) -> Any:
    """The noun of a channel phrase headed by ``prep`` ("in a statement", "on Radio Corvale",
    "in an interview"), or None when the phrase is no channel ("in the town")."""
    if prep.dep_ != "prep" or prep.lower_ not in _CHANNEL_PREPS:
        return None
    for pobj in prep.children:
        lemma = pobj.lemma_.lower()
        if pobj.dep_ == "pobj" and (
            lemma in lx.CHANNEL_NOUNS or lemma in lx.MEDIA_WORDS or pobj.ent_type_ == "ORG"
        ):
            return pobj
    return None


def is_channel_phrase(token: Any) -> bool:
    """Whether ``token`` heads a phrase that names a channel, not part of what was said."""
    return _according_to_object(token) is not None or _channel_object(token) is not None


def _with_acronym(head: Any, bounds: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` widened to an acronym in parentheses right after them: "Agency (BPA)"."""
    doc = head.doc
    last = bounds[1]
    if last + 3 < len(doc) and doc[last + 1].text == "(" and doc[last + 3].text == ")":
        return bounds[0], last + 3
    return bounds


def _carrier(noun: Any) -> Any:
    """Who carried the words a speech noun names: the agency of "remarks reported by X"."""
    for child in noun.children:
        if child.dep_ == "acl" and child.i > noun.i:
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    return next((p for p in grandchild.children if p.dep_ == "pobj"), None)
    return None


def _witness_words(noun: Any) -> bool:
    """Whether a reporting noun is the accounts of witnesses: "eyewitness accounts", "accounts
    of witnesses", "testimony"."""
    if noun.lemma_.lower() == "testimony":
        return True
    return any(t.lemma_.lower() in lx.EYEWITNESS_WORDS for t in noun.subtree)


def _names_people(token: Any) -> bool:
    """A person or people, as opposed to where they are: "from Vera Holt", "from residents"."""
    return bool(token.ent_type_ == "PERSON" or token.lemma_.lower() in lx.PEOPLE_NOUNS)


def _is_place(token: Any) -> bool:
    # Not a GPE: "a statement from Moscow" is the government's, as "Moscow said" is.
    return bool(token.ent_type_ == "LOC" or token.lemma_.lower() in lx.PLACE_NOUNS)


def channel_of(verb: Any) -> tuple[int, int] | None:
    """A document or outlet the words came through: "said in a statement", "told on radio".

    When an outlet carried the words ("in remarks reported by the Press Agency"), the outlet
    is the channel: it is the one a checker goes to for the original.
    """
    for child in verb.children:
        according = _according_to_object(child)
        if according is not None:
            return phrase_bounds(according)  # "X said, according to Reuters"
        pobj = _channel_object(child)
        if pobj is not None:
            carrier = _carrier(pobj)
            if carrier is not None:
                return _with_acronym(carrier, phrase_bounds(carrier, with_preps=False))
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
        if child.i > first_child.i and child.dep_ in _OBJECT_DEPS and not is_channel_phrase(child):
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
        if theme is not None and verb.dep_ == "acl" and theme.lemma_.lower() in lx.CHANNEL_NOUNS:
            # "remarks reported by the agency": the participle says who carried the words,
            # which the speaker's attribution records as its channel; "remarks" alone is
            # nothing that anybody claims.
            return None
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


def _account_before(verb: Any) -> Any:
    """The reporting noun that opens the clause of a verb the parse lost (tagged a noun).

    Only when no verb stands between them, so the noun cannot be another verb's subject.
    """
    for token in verb.doc[verb.sent.start : verb.i]:
        # The plural noun itself may be taken for a verb ("accounts" as VBZ).
        if (
            token.pos_ in ("NOUN", "VERB")
            and token.tag_ in ("NN", "NNS", "VBZ")
            and token.dep_ != "compound"
            and token.lemma_.lower() in lx.REPORTING_NOUNS | lx.ACCOUNT_NOUNS
        ):
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def depiction_attribution(verb: Any, last: Any) -> RawAttribution | None:
    """ "Eyewitness accounts paint a grim picture of X", "Reports detail ...": what reporting
    nouns depict is attributed to them (and through them to whoever holds the accounts).

    Args:
        verb: the depiction verb ("paint", "depict", "detail").
        last: the last token of the match: the object of "paint a ... picture", else ``verb``.
    """
    source = subject_of(verb) if verb.pos_ == "VERB" else None
    if source is None:
        source = _account_before(verb)
    by_accounts = source is not None and source.lemma_.lower() in (
        lx.REPORTING_NOUNS | lx.ACCOUNT_NOUNS
    )
    cue = (verb.i, verb.i)
    if last.i > verb.i:  # "paint a grim picture of the final night": anybody may paint it
        first = max(last.left_edge.i, verb.i + 1)
        content = (first, last.right_edge.i)
        return RawAttribution("indirect", cue, source, content, sure=by_accounts)
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is None or not by_accounts:
        return None  # "The painter depicts a harbour" is no attribution
    return RawAttribution("indirect", cue, source, _object_range(verb, dobj), sure=True)


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
    source_last = None
    if phrase_first <= first:
        first = phrase_last + 1  # "According to X, the dam cracked."
        close = _loose_apposition(doc, first, last)
        if close is not None:
            source_last, first = close - 1, close + 1
    elif phrase_last >= last:
        last = phrase_first - 1  # "The dam cracked, according to X."
    if first > last:
        return None
    return RawAttribution(
        "according_to", (according.i, to.i), source, (first, last), source_last=source_last
    )


#: Parts of speech a short noun phrase in apposition is made of ("the state-run news agency").
_APPOSITION_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "CCONJ", "PART", "PUNCT"})
_APPOSITION_MAX = 12


def _loose_apposition(doc: Any, comma: int, last: int) -> int | None:
    """The closing comma of ", the state news agency," that starts at ``comma``, or None.

    After "According to X" the small model often makes such an apposition the root of the
    sentence; it still describes X, and what X says begins after it. Only a noun phrase that
    opens with an article and closes with a comma before more of the sentence counts.
    """
    if comma > last or doc[comma].text != "," or comma + 1 > last:
        return None
    if doc[comma + 1].lower_ not in ("the", "a", "an"):
        return None
    for i in range(comma + 2, min(last, comma + _APPOSITION_MAX) + 1):
        token = doc[i]
        if token.text == ",":
            return i if i < last and any(t.pos_ == "NOUN" for t in doc[comma + 1 : i]) else None
        # A participle inside the phrase is a modifier ("state-run"), not a clause.
        if token.pos_ not in _APPOSITION_POS and token.dep_ not in ("amod", "compound"):
            return None
    return None


def noun_attribution(noun: Any) -> RawAttribution | None:
    """A reporting noun with its content clause: "reports that the dam had cracked"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return RawAttribution("reporting_noun", (noun.i, noun.i), noun, _clause_content(child))
    return None
