"""Entity clusters: names, short names and titles of one person, organisation, place or group.

Mentions come from ``extract.names`` (the model's entities, repaired, with titles and
appositions) and from acronym definitions (``extract.acronym_pairs``). They are clustered
within the document:

- persons: the same full name; a shorter form ("Putin", "Kim") joins the person whose name
  ends or starts with it, the one mentioned last before it when several fit;
- organisations: the same name, or an acronym with its expansion;
- places: the same resolved place ("Kursk Oblast" and "Kursk region" are RU-KRS);
- groups (NORP): the same demonym, singular or plural ("Russian", "Russians").

The canonical name is the fullest name used; entities are numbered ``E1``, ``E2``, ... in the
order of their first mention.

Example:
    >>> entities = extract_entities(nlp("Mayor Ilse Varn spoke. Varn left."))  # doctest: +SKIP
    >>> [(e.canonical, [m.kind for m in e.mentions]) for e in entities]  # doctest: +SKIP
    [('Ilse Varn', ['title_name', 'surname'])]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimscope.extract.acronym_pairs import FUNCTION_WORDS, find_acronym_pairs
from claimscope.extract.common import span_of_tokens
from claimscope.extract.names import PLACE_NOUNS, NameMention, collect_mentions
from claimscope.extract.place_qualifiers import place_contexts
from claimscope.extract.places import PlaceContext, resolve_place
from claimscope.gazetteer import (
    demonym_bases,
    demonym_country,
    fold,
    looks_like_demonym,
    lookup,
)
from claimscope.schema import Entity, Mention, Place, Span

_PLACE_LABELS = frozenset({"GPE", "LOC"})
_PROPER = frozenset({"NNP", "NNPS"})
#: Labels of names that articles shorten to their last words ("the Courier", "the Tavish").
_SHORTENED_LABELS = frozenset({"ORG", "LOC", "FAC"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Labels of names the model gives a place name in some sentences ("Varsk wants ...").
_STRAY_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})
#: What a place has and a person rarely does: "Belmora’s government", "Belmora’s border".
_PLACE_POSSESSIONS = frozenset(
    {"airspace", "army", "border", "borders", "cabinet", "capital", "coast", "coastline",
     "constitution", "currency", "economy", "embassy", "government", "military", "ministry",
     "navy", "parliament", "sovereignty", "territory", "troops", "waters"}
)  # fmt: skip
#: Nouns whose "of" introduces a place: "the village of Ostrel", "the people of Ostrel".
_PLACE_HEADS = PLACE_NOUNS | {"people"}
#: Prepositions after which a would-be person is a place: "reporters in Ostrel".
_PLACE_PREPOSITIONS = frozenset({"in", "into", "across", "throughout", "inside"})


@dataclass(slots=True)
class _Cluster:
    mentions: list[NameMention] = field(default_factory=list)
    place: Place | None = None

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)


def extract_entities(doc: Any) -> list[Entity]:
    """Cluster the named-entity mentions of ``doc`` into entities (ids ``E1``, ``E2``, ...)."""
    pairs = find_acronym_pairs(doc)
    mentions = collect_mentions(doc, pairs)
    _settle_labels(doc, mentions)
    mentions.extend(_repeated_names(doc, mentions))
    clusters = _cluster(doc, mentions, pairs)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    text = doc.text  # read once: spaCy joins every token again on each access
    return [_entity(doc, text, f"E{i}", cluster) for i, cluster in enumerate(clusters, start=1)]


def _settle_labels(doc: Any, mentions: list[NameMention]) -> None:
    """Give all mentions of one single-word name the label the whole article supports.

    The small model labels one name differently from sentence to sentence, unfamiliar names
    especially ("Dostan" PERSON, then GPE; "Belmora" PERSON in "Belmora’s government"). The
    evidence is weighed per name, in this order:

    - a demonym: a demonym-shaped word ("Belmoran") the model labels NORP somewhere, or one
      whose place name is in the article ("Belmora"), is a group, whatever its other labels;
    - a person: a word that ends a person's full name in the article ("Dostan" after "Mirela
      Dostan") is that person, unless the gazetteer knows it as a place ("Jordan");
    - a place: the place name of an article's demonym ("Belmora" beside "Belmoran"), a name
      the model labels a place elsewhere, or one used as places are ("Belmora’s government",
      "the village of Ostrel", and, for a would-be person, "in Ostrel").

    Mentions with a title, an honorific or a role apposition keep their PERSON label.
    """
    by_name: dict[str, list[NameMention]] = defaultdict(list)
    surnames: set[str] = set()
    for m in mentions:
        if m.kind in ("acronym", "expansion"):
            continue
        if m.label == "PERSON" and m.name_end - m.name_start > 1:
            surnames.add(doc[m.name_end - 1].text)
        elif m.name_end - m.name_start == 1 and not m.person_evidence:
            by_name[doc[m.name_start].text].append(m)
    if not by_name:
        return
    proper = {fold(t.text) for t in doc if t.tag_ in _PROPER and t.is_title}
    norp_words = {fold(t) for t, ms in by_name.items() if any(m.label == "NORP" for m in ms)}
    demonyms: set[str] = {fold(t) for t, ms in by_name.items() if demonym_country(t)}
    for text, found in by_name.items():
        if text in surnames or not looks_like_demonym(text) or lookup(text):
            continue
        key = fold(text)
        if {key, key + "s", key.removesuffix("s")} & norp_words or proper.intersection(
            demonym_bases(text)
        ):
            demonyms.add(key)
            for m in found:
                m.label, m.kind = "NORP", "demonym"
    demonym_places = {base for key in demonyms for base in demonym_bases(key)}
    for text, found in by_name.items():
        key = fold(text)
        if key in demonyms:
            continue
        if text in surnames and not lookup(text) and key not in demonym_places:
            for m in found:
                m.label, m.kind = "PERSON", "name"
            continue
        place = _place_label(doc, found, key in demonym_places)
        if place is not None:
            for m in found:
                if m.label not in _PLACE_LABELS:
                    m.label, m.kind = place, "name"


def _place_label(doc: Any, found: list[NameMention], has_demonym: bool) -> str | None:
    """The place label for the mentions of one name, when the article says it is a place."""
    labels = Counter(m.label for m in found if m.label in _PLACE_LABELS)
    best = labels.most_common(1)[0][0] if labels else "GPE"
    if has_demonym or labels:
        return best
    for m in found:
        if _used_as_place(doc, m.name_start, strict=m.label == "ORG"):
            return best
    return None


def _used_as_place(doc: Any, i: int, *, strict: bool) -> bool:
    """Whether token ``i`` is used as a place name is ("Belmora’s government", "the village of
    Ostrel"); ``strict`` leaves out "in X", which an organisation shares ("a stake in Acme")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if (
        nxt is not None
        and nxt.text in _POSSESSIVES
        and i + 2 < len(doc)
        and doc[i + 2].lower_ in _PLACE_POSSESSIONS
    ):
        return True
    if i == 0 or (nxt is not None and nxt.text in _POSSESSIVES):
        return False
    before = doc[i - 1].lower_
    if before == "of" and i >= 2 and doc[i - 2].lower_ in _PLACE_HEADS:
        return True
    token = doc[i]
    # "the capital, Ostrel" and "Ostrel, the capital": an apposition with a place noun.
    if token.dep_ == "appos" and token.head.lower_ in PLACE_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lower_ in PLACE_NOUNS for c in token.children):
        return True
    return not strict and before in _PLACE_PREPOSITIONS


def _repeated_names(doc: Any, mentions: list[NameMention]) -> list[NameMention]:
    """More mentions of the article's single-word names: where the model tagged the same word
    with a label no name has ("Varsk" as WORK_OF_ART), or left a place name untagged."""
    known = {
        doc[m.name_start].text: m.label
        for m in mentions
        if m.name_end - m.name_start == 1 and m.kind in ("name", "demonym")
    }
    if not known:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for ent in doc.ents:
        if ent.label_ in _STRAY_LABELS and len(ent) == 1 and ent.start not in covered:
            label = known.get(ent.text)
            if label is not None:
                found.append(NameMention(label, ent.start, ent.end, ent.start, ent.end))
                covered.add(ent.start)
    places = {text for text, label in known.items() if label in _PLACE_LABELS}
    if places:
        found.extend(
            NameMention(known[t.text], t.i, t.i + 1, t.i, t.i + 1)
            for t in doc
            if t.text in places and t.i not in covered and t.tag_ in _PROPER
        )
    return found


def _cluster(doc: Any, mentions: list[NameMention], pairs: list[Any]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, ...], _Cluster] = {}
    # An acronym and its expansion share one key: the expansion's words.
    acronym_key: dict[str, tuple[str, ...]] = {
        doc.text[p.short_start : p.short_end]: ("ORG", fold(doc.text[p.long_start : p.long_end]))
        for p in pairs
    }
    persons = [m for m in mentions if m.label == "PERSON"]
    full_names = sorted(
        (m for m in persons if m.name_end - m.name_start > 1),
        key=lambda m: -(m.name_end - m.name_start),
    )
    person_names: list[tuple[tuple[str, ...], _Cluster]] = []
    for mention in full_names:
        words = mention.name_words(doc)
        for known, cluster in person_names:
            if _contains(known, words):
                cluster.add(mention)
                break
        else:
            cluster = _Cluster([mention])
            clusters.append(cluster)
            person_names.append((words, cluster))

    contexts = place_contexts(doc, mentions)
    long_names = [
        (m.name_words(doc), m.label, m.name_start, *_key(doc, m, acronym_key, contexts))
        for m in mentions
        if m.label in _SHORTENED_LABELS and m.kind != "acronym" and m.name_end - m.name_start > 1
    ]
    for mention in mentions:
        if mention.label == "PERSON" and mention.name_end - mention.name_start > 1:
            continue
        if mention.label in ("PERSON", "ORG") and mention.kind not in ("acronym", "expansion"):
            person = _person_for(doc, mention, person_names)
            if person is not None:
                person.add(mention)
                continue
        key, place = _short_name_key(doc, mention, long_names) or _key(
            doc, mention, acronym_key, contexts
        )
        if key not in by_key:
            by_key[key] = _Cluster(place=place)
            clusters.append(by_key[key])
        by_key[key].add(mention)
    return [c for c in clusters if c.mentions]


def _short_name_key(
    doc: Any,
    mention: NameMention,
    long_names: list[tuple[tuple[str, ...], str, int, tuple[str, ...], Place | None]],
) -> tuple[tuple[str, ...], Place | None] | None:
    """The key of the longer name that ``mention`` shortens to its last words: "Courier" for
    "Belmora Daily Courier", "Tavish" for "River Tavish" (the one mentioned last before it).

    "Corvale" does not shorten "University of Corvale": the words left must end in a name
    word, not a function word. A gazetteer place is itself, not a short name.
    """
    if mention.kind not in ("name", "demonym") or mention.label == "PERSON":
        return None
    words = mention.name_words(doc)
    if not long_names or lookup(" ".join(words)):
        return None
    targets = _PLACE_LABELS | {"FAC"} if mention.label in _PLACE_LABELS else _SHORTENED_LABELS
    fitting = [
        (start, label, key, place)
        for name, label, start, key, place in long_names
        if label in targets
        and len(name) > len(words)
        and name[-len(words) :] == words
        and name[-len(words) - 1] not in FUNCTION_WORDS
    ]
    if not fitting:
        return None
    before = [f for f in fitting if f[0] < mention.start]
    _, label, key, place = (
        max(before, key=lambda f: f[0]) if before else min(fitting, key=lambda f: f[0])
    )
    # It names what the longer name names: "Tavish" (NORP to the model) is the river.
    mention.label, mention.kind = label, "name"
    return key, place


def _contains(name: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether ``part`` starts or ends the name ``name`` ("Putin" in "Vladimir Putin")."""
    n = len(part)
    return n <= len(name) and (name[-n:] == part or name[:n] == part)


def _person_for(
    doc: Any, mention: NameMention, person_names: list[tuple[tuple[str, ...], _Cluster]]
) -> _Cluster | None:
    """The person a short name refers to: the last one mentioned before it whose name fits."""
    words = mention.name_words(doc)
    fitting = [cluster for name, cluster in person_names if _contains(name, words)]
    if not fitting:
        return None
    if mention.label == "ORG" and len(words) > 1:
        return None  # a multi-word organisation is not a person's short name

    def last_before(cluster: _Cluster) -> int:
        before = [m.start for m in cluster.mentions if m.start < mention.start]
        return max(before) if before else -1 - min(m.start for m in cluster.mentions)

    return max(fitting, key=last_before)


def _key(
    doc: Any,
    mention: NameMention,
    acronym_key: dict[str, tuple[str, ...]],
    contexts: dict[int, PlaceContext],
) -> tuple[tuple[str, ...], Place | None]:
    text = doc[mention.name_start : mention.name_end].text
    if mention.kind in ("acronym", "expansion"):
        return acronym_key.get(text, ("ORG", fold(text))), None
    if mention.label in _PLACE_LABELS:
        place = resolve_place(text, contexts.get(mention.name_start))
        if place is not None:
            # One place, whatever it is called: "Kursk Oblast" and "Kursk region".
            ident = place.region if place.kind == "region" else str(place.geonameid or place.name)
            return ("PLACE", place.kind, ident or fold(text)), place
        return ("PLACE", fold(text)), None
    if mention.label == "NORP":
        key = fold(text)
        if key.endswith("s") and (
            demonym_country(key[:-1]) or (looks_like_demonym(text) and not key.endswith("ss"))
        ):
            key = key[:-1]  # "Russians" is the group "Russian", "Belmorans" "Belmoran"
        return ("NORP", key), None
    return (mention.label, fold(text)), None


def _entity(doc: Any, text: str, entity_id: str, cluster: _Cluster) -> Entity:
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    # The fullest name: the most words, then the first used; an expansion beats its acronym.
    best = max(
        mentions,
        key=lambda m: (m.kind == "expansion", m.name_end - m.name_start, -m.start),
    )
    canonical = doc[best.name_start : best.name_end].text
    labels = Counter(m.label for m in mentions)
    label = "PERSON" if any(m.person_evidence for m in mentions) else labels.most_common(1)[0][0]
    full = best.name_words(doc)
    titles: dict[tuple[int, int], Span] = {}
    for m in mentions:
        for start, end in m.titles:
            titles.setdefault((start, end), span_of_tokens(doc, start, end - 1, text=text))
    place = cluster.place
    if place is None and label in _PLACE_LABELS:
        place = resolve_place(canonical)
    country = None
    if label == "NORP":
        country = demonym_country(canonical)
    elif place is not None:
        country = place.country
    return Entity(
        id=entity_id,
        type=label,
        canonical=canonical,
        mentions=[_mention(doc, text, m, full, label) for m in mentions],
        titles=sorted(titles.values(), key=lambda s: s.start),
        country=country,
        place=place if label in _PLACE_LABELS else None,
    )


def _mention(
    doc: Any, text: str, mention: NameMention, full: tuple[str, ...], label: str
) -> Mention:
    span = span_of_tokens(doc, mention.start, mention.end - 1, text=text)
    kind = mention.kind
    if kind == "name" and label == "PERSON" and mention.name_words(doc) != full:
        kind = "surname"
    return Mention(start=span.start, end=span.end, text=span.text, kind=kind)
