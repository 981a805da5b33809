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

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimscope.extract.acronym_pairs import find_acronym_pairs
from claimscope.extract.common import span_of_tokens
from claimscope.extract.names import NameMention, collect_mentions
from claimscope.extract.places import resolve_place
from claimscope.gazetteer import demonym_country, fold
from claimscope.schema import Entity, Mention, Place, Span

_PLACE_LABELS = frozenset({"GPE", "LOC"})


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
    clusters = _cluster(doc, mentions, pairs)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    return [_entity(doc, f"E{i}", cluster) for i, cluster in enumerate(clusters, start=1)]


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

    for mention in mentions:
        if mention.label == "PERSON" and mention.name_end - mention.name_start > 1:
            continue
        if mention.label in ("PERSON", "ORG") and mention.kind not in ("acronym", "expansion"):
            person = _person_for(doc, mention, person_names)
            if person is not None:
                person.add(mention)
                continue
        key, place = _key(doc, mention, acronym_key)
        if key not in by_key:
            by_key[key] = _Cluster(place=place)
            clusters.append(by_key[key])
        by_key[key].add(mention)
    return [c for c in clusters if c.mentions]


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
    doc: Any, mention: NameMention, acronym_key: dict[str, tuple[str, ...]]
) -> tuple[tuple[str, ...], Place | None]:
    text = doc[mention.name_start : mention.name_end].text
    if mention.kind in ("acronym", "expansion"):
        return acronym_key.get(text, ("ORG", fold(text))), None
    if mention.label in _PLACE_LABELS:
        place = resolve_place(text)
        if place is not None:
            # One place, whatever it is called: "Kursk Oblast" and "Kursk region".
            ident = place.region if place.kind == "region" else str(place.geonameid or place.name)
            return ("PLACE", place.kind, ident or fold(text)), place
        return ("PLACE", fold(text)), None
    if mention.label == "NORP":
        key = fold(text)
        if key.endswith("s") and demonym_country(key[:-1]) and not demonym_country(key + "x"):
            key = key[:-1]  # "Russians" is the group "Russian"
        return ("NORP", key), None
    return (mention.label, fold(text)), None


def _entity(doc: Any, entity_id: str, cluster: _Cluster) -> Entity:
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
            titles.setdefault((start, end), span_of_tokens(doc, start, end - 1))
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
        mentions=[_mention(doc, m, full, label) for m in mentions],
        titles=sorted(titles.values(), key=lambda s: s.start),
        country=country,
        place=place if label in _PLACE_LABELS else None,
    )


def _mention(doc: Any, mention: NameMention, full: tuple[str, ...], label: str) -> Mention:
    span = span_of_tokens(doc, mention.start, mention.end - 1)
    kind = mention.kind
    if kind == "name" and label == "PERSON" and mention.name_words(doc) != full:
        kind = "surname"
    return Mention(start=span.start, end=span.end, text=span.text, kind=kind)
