"""Sources of attributions: the noun phrase that names them, their type, their entity.

Typing looks at the head noun of the source phrase first ("the mayor" -> official), then at the
titles of its entity cluster and the phrase's modifiers ("Chief of the General Staff Valery
Orlan" -> official), and treats sources that nobody can identify ("officials", "some analysts",
"a person familiar with the talks") as anonymous.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.gazetteer import looks_like_demonym
from claimscope.schema import Entity, SourceType

#: Children kept inside a source phrase; relative clauses and participles ("embedded with a
#: unit") describe the source but are not its name.
_PHRASE_DEPS = frozenset(
    {"amod", "cc", "compound", "conj", "det", "nmod", "nummod", "poss", "quantmod", "case"}
)
_PHRASE_PREPS = frozenset({"at", "for", "from", "including", "of", "with"})
_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "FAC"})
_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "they", "their", "them", "it", "its"})


def is_pronoun(token: Any) -> bool:
    """Whether ``token`` is a personal or possessive pronoun that needs an antecedent."""
    return bool(token.lower_ in _PRONOUNS)


def phrase_bounds(head: Any, *, with_preps: bool = True) -> tuple[int, int]:
    """First and last token index of the noun phrase headed by ``head`` (clauses left out).

    Args:
        head: the head noun (or pronoun) of the phrase.
        with_preps: keep "of", "from", "including" phrases ("the mayor of Corvale").
    """
    first = last = head.i
    for child in head.children:
        keep = child.dep_ in _PHRASE_DEPS or (
            with_preps and child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS
        )
        if keep:
            first = min(first, child.left_edge.i)
            last = max(last, child.right_edge.i)
    return first, last


#: What describes a named source after its name: "Ann Bell, a lawyer in Corvale", "Ann Bell,
#: who leads the union". PolNeAR's source spans hold them, and a checker wants them too.
_DESCRIPTION_DEPS = frozenset({"appos", "relcl"})


def described_bounds(
    head: Any, bounds: tuple[int, int], *, avoid: tuple[int, int]
) -> tuple[int, int]:
    """``bounds`` widened to the appositions and relative clauses after ``head``.

    A description that holds a token of ``avoid`` (the cue: "officials who said ...") is
    left out, since it is the attribution itself and not a description of its source.
    """
    first, last = bounds
    for child in head.children:
        if child.dep_ not in _DESCRIPTION_DEPS or child.i < head.i:
            continue
        low, high = child.left_edge.i, child.right_edge.i
        if low <= avoid[1] and avoid[0] <= high:
            continue
        if head.doc[low].text == "(" or (low > 0 and head.doc[low - 1].text == "("):
            continue  # "(MRO)": an acronym, not a description

        first, last = min(first, low), max(last, high)
    return first, last


def name_bounds(head: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """The token range of the name of the source headed by ``head``: a pronoun alone, else
    its noun phrase, never reaching into the cue (a misparse can hang the cue inside the
    phrase: "accounts from the valley paint ...", with "paint" taken for a noun)."""
    bounds = (head.i, head.i) if is_pronoun(head) else phrase_bounds(head)
    if bounds[0] < cue[0] <= bounds[1]:
        bounds = (bounds[0], max(head.i, cue[0] - 1))
    return bounds


def source_bounds(head: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """The token range of the source phrase headed by ``head``: its name (``name_bounds``)
    with the descriptions after it."""
    return described_bounds(head, name_bounds(head, cue), avoid=cue)


def _modifier_lemmas(head: Any) -> set[str]:
    # Words that qualify the head: compounds, adjectives, appositions ("Varn, the mayor"),
    # and the nouns of "of" phrases ("Chief of the General Staff"); clauses describe, not name.
    words: set[str] = set()
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue
        if token.pos_ in ("NOUN", "PROPN", "ADJ"):
            words.add(token.lemma_.lower())
        stack.extend(token.children)
    return words


def _category(words: set[str]) -> SourceType | None:
    if words & lx.EYEWITNESS_WORDS:
        return "eyewitness"
    if words & lx.OFFICIAL_WORDS:
        return "official"
    if words & lx.EXPERT_WORDS:
        return "expert"
    if words & lx.MEDIA_WORDS:
        return "media"
    return None


def _is_named(doc: Any, first: int, last: int, entity: Entity | None) -> bool:
    if entity is not None:
        return True
    return any(t.ent_type_ in _NAME_LABELS for t in doc[first : last + 1])


def _is_unidentified(head: Any) -> bool:
    """Plural or indefinite person nouns with no name: "officials", "a senior official"."""
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod")}
    if dets & lx.INDEFINITE_DETS:
        return True
    has_definite = any(c.dep_ in ("det", "poss") and c.lower_ != "some" for c in head.children)
    return head.tag_ == "NNS" and not has_definite


def classify_source(
    doc: Any,
    head: Any,
    bounds: tuple[int, int],
    *,
    entity: Entity | None = None,
    referent_type: SourceType | None = None,
    description: str = "",
) -> SourceType:
    """The source type of the phrase ``doc[bounds]`` headed by ``head``.

    Args:
        doc: the parsed article.
        head: the head token of the source phrase.
        bounds: first and last token of the phrase (as ``phrase_bounds`` gives them).
        entity: the entity cluster the source is linked to, whose titles count.
        referent_type: for a pronoun, the type of what it refers to.
        description: lower-case words that describe the source outside its parse subtree
            ("the state news agency" after "According to BPA,").
    """
    first, last = bounds
    lowered = " ".join(t.lower_ for t in head.subtree)
    titles = [t.text.lower() for t in entity.titles] if entity is not None else []
    names = [entity.canonical.lower()] if entity is not None else []
    strings = [lowered, description, *titles, *names]
    if any(m in s for s in strings for m in lx.STATE_MEDIA_MARKERS):
        return "state_media"
    outlet_type = _registry_type(doc, head, entity)
    if outlet_type is not None:
        return outlet_type
    if is_pronoun(head):
        if referent_type is not None:
            return referent_type
        if entity is None:
            return "anonymous" if head.lower_ in ("they", "their", "them") else "other"
    lemma = head.lemma_.lower()
    named = _is_named(doc, first, last, entity)
    if lemma in lx.DOCUMENT_NOUNS and not named:
        # Bare "reports" are news reports; "a report", "the statement" are documents.
        bare_plural = head.tag_ == "NNS" and not any(c.dep_ == "det" for c in head.children)
        return "media" if lemma == "report" and bare_plural else "document"
    if lemma in lx.ANONYMOUS_WORDS and not named:
        return "anonymous"
    kind = _category({lemma})
    if kind is None:
        title_words = {w for title in titles for w in title.split()}
        kind = (
            _category(title_words)
            or _category(_modifier_lemmas(head))
            or _category(set(description.split()))
        )
    if kind is None and entity is not None and entity.type in ("GPE", "NORP"):
        kind = "official"  # "Moscow said": a capital or country speaks through its government
    if kind is None and head.ent_type_ == "GPE":
        kind = "official"
    unnamed_person = not named and lemma in lx.PERSON_ROLE_WORDS
    if kind in ("official", "expert") and unnamed_person and _is_unidentified(head):
        return "anonymous"
    if kind is not None:
        return kind
    return "other" if named else "anonymous"


def _registry_type(doc: Any, head: Any, entity: Entity | None) -> SourceType | None:
    """``state_media`` or ``media`` when the source is an outlet of the shipped registry.

    The phrase is tried as written ("Xinhua", "the Korean Central News Agency"), then every
    name its entity cluster goes by (so an acronym defined earlier counts).
    """
    from claimscope.outlets import lookup_outlet

    compound = [t for t in head.subtree if t.dep_ in ("compound", "det", "amod") or t == head]
    names = [" ".join(t.text for t in sorted(compound, key=lambda t: t.i))]
    if entity is not None:
        # An acronym the article defines by its own expansion means that expansion, not a
        # registry outlet that shares the letters ("ONA" defined as a fictional agency is not
        # the Oman News Agency).
        defined = any(m.kind == "expansion" for m in entity.mentions)
        names.append(entity.canonical)
        names.extend(m.text for m in entity.mentions if not (defined and m.kind == "acronym"))
    for name in names:
        outlet = lookup_outlet(name)
        if outlet is not None:
            return "state_media" if outlet.ownership == "state" else "media"
    return None


def _description_words(entity: Entity, text: str = "") -> set[str]:
    """The words a description of ``entity`` may use: its titles' words, plus "leader" for
    a head of state or government ("the Russian leader" is the one titled "Russian President").

    A demonym written just before a titled mention counts as part of the title ("Belmoran
    President Aurel Maren": the model may tag "Belmoran" apart from the title).
    """
    words = {w.lower().strip(",.") for t in entity.titles for w in t.text.split()}
    for mention in entity.mentions:
        if mention.kind == "title_name" and text:
            before = text[max(0, mention.start - 40) : mention.start].split()
            if before and before[-1][:1].isupper() and looks_like_demonym(before[-1]):
                words.add(before[-1].lower())
    if words & lx.HEAD_OF_STATE_WORDS:
        words.add("leader")
    return words


#: Words after which a title goes on describing, not naming, its holder: the head of
#: "commander of the Northern Army Group" is "commander", not "army".
_TITLE_BREAKS = frozenset({"at", "for", "from", "in", "of", "on", "to", "with"})


def _title_heads(entity: Entity) -> set[str]:
    """The head nouns of ``entity``'s titles: what "the <head>" can call the entity.

    "the general" is the one titled "General"; "the army" is not the one titled "commander of
    the Northern Army Group", whose title holds the word only to say what he commands.
    """
    heads: set[str] = set()
    for title in entity.titles:
        words = [w.lower().strip(",.") for w in title.text.split()]
        cut = next((n for n, w in enumerate(words) if w in _TITLE_BREAKS), len(words))
        if cut > 0:
            heads.add(words[cut - 1])
    if heads & lx.HEAD_OF_STATE_WORDS:
        heads.add("leader")
    return heads


class EntityLinker:
    """Finds the entity cluster a source phrase belongs to.

    Args:
        entities: the clusters from ``extract_entities`` (may be empty).
    """

    def __init__(self, entities: list[Entity], text: str = "") -> None:
        self._mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0]
        )
        self._starts = [m[0] for m in self._mentions]
        self._title_words = {e.id: _description_words(e, text) for e in entities}
        self._title_heads = {e.id: _title_heads(e) for e in entities}

    def overlapping(self, start: int, end: int) -> Entity | None:
        """The entity with the mention that overlaps ``[start, end)`` most."""
        best: tuple[int, Entity] | None = None
        i = bisect_left(self._starts, start)
        # Mentions that start before ``start`` may still overlap it; step back over them.
        while i > 0 and self._mentions[i - 1][1] > start:
            i -= 1
        for m_start, m_end, entity in self._mentions[i:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity)
        return best[1] if best else None

    def preceding(self, before: int, *, types: frozenset[str]) -> Entity | None:
        """The entity of the nearest mention of one of ``types`` that ends before ``before``."""
        for _m_start, m_end, entity in reversed(
            self._mentions[: bisect_left(self._starts, before)]
        ):
            if m_end <= before and entity.type in types:
                return entity
        return None

    def by_title(self, head: str, modifiers: set[str], before: int) -> Entity | None:
        """The entity mentioned nearest before ``before`` that ``head`` with ``modifiers``
        describes: ``head`` is the head noun of one of its titles, and its titles hold all
        ``modifiers``.

        "the Russian leader" needs both words, so that it does not take the entity titled
        "North Korean leader"; "the army" needs a title headed by "army", so that it does not
        take the general titled "commander of the Northern Army Group".
        """
        words = {head, *modifiers}
        for _m_start, _m_end, entity in reversed(
            self._mentions[: bisect_left(self._starts, before)]
        ):
            if head in self._title_heads.get(entity.id, set()) and words <= self._title_words.get(
                entity.id, set()
            ):
                return entity
        return None

    def naming(self, head: Any, start: int, end: int) -> Entity | None:
        """The entity a source phrase names: the one at its head, else a person or an
        organisation inside it ("officials, including General X") or in apposition to it; a
        demonym that only qualifies the head ("Russian analysts") does not name the source."""
        entity = self.overlapping(head.idx, head.idx + len(head))
        if entity is not None:
            return entity
        inner = self.overlapping(start, end)
        if inner is not None and inner.type in ("PERSON", "ORG"):
            return inner
        for child in head.children:
            # "Tarnia's deputy foreign minister, Iosif Brann": the name in apposition is who
            # the title describes.
            if child.dep_ == "appos" and child.i > head.i and child.pos_ == "PROPN":
                named = self.overlapping(child.idx, child.idx + len(child))
                if named is not None and named.type in ("PERSON", "ORG"):
                    return named
        return None
