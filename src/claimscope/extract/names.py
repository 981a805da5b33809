"""Name mentions with their titles, honorifics and appositions, as ``extract.entities`` clusters
them.

The small English model misses or mislabels many names, fictional ones especially ("Mayor Ilse
Varn" untagged, "Ilse Varn" as ORG, "Belmoran Defence" as PERSON in "Belmoran Defence Minister
Tomas Okri"). This module repairs what the context makes plain:

- a title or honorific before capitalised words marks a person ("Mayor Ilse Varn", "Mr Varn");
- titles are the words before a name that hold a title noun ("Russian President", "Chief of the
  General Staff", "North Korean leader"), and appositions ("Ilse Varn, the harbour master,");
- a trailing possessive is not part of a name, a leading "the" is not part of a mention;
- person names the model cut short are extended over the next capitalised proper nouns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimscope.extract.acronym_pairs import AcronymPair
from claimscope.gazetteer import demonym_country, looks_like_demonym, lookup
from claimscope.place_tagger import word_filter
from claimscope.schema import MentionKind

#: Entity labels that entities are built from.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})

#: Nouns that name an office, rank or role held by a person (lower-case).
TITLE_NOUNS = frozenset(
    {
        "admiral", "ambassador", "analyst", "archbishop", "attorney", "bishop", "cardinal",
        "ceo", "chair", "chairman", "chairwoman", "chancellor", "chief", "coach", "colonel",
        "commander", "commissioner", "congressman", "congresswoman", "correspondent",
        "councillor", "councilor", "director", "doctor", "editor", "emir", "envoy",
        "executive", "founder", "general", "governor", "head", "imam", "inspector", "judge",
        "justice", "king", "lawmaker", "leader", "lieutenant", "manager", "marshal", "master",
        "mayor", "minister", "mp", "officer", "pope", "premier", "president", "prince",
        "princess", "professor", "prosecutor", "queen", "rabbi", "representative", "reporter",
        "secretary", "senator", "sergeant", "sheriff", "speaker", "spokesman", "spokesperson",
        "spokeswoman", "superintendent", "warden",
    }
)  # fmt: skip
#: Words that qualify a title without being one ("former Minister").
TITLE_MODIFIERS = frozenset(
    {"acting", "deputy", "former", "incoming", "interim", "outgoing", "prime", "retired",
     "senior", "supreme", "top", "vice"}
)  # fmt: skip
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "dr", "dr.", "prof", "prof.", "sir",
     "dame", "lord", "lady"}
)  # fmt: skip
#: Nouns for places, not roles: "the capital, Varsk" is no title of anyone.
PLACE_NOUNS = frozenset(
    {"capital", "city", "country", "county", "district", "island", "outskirts", "port",
     "province", "region", "republic", "state", "territory", "town", "towns", "village",
     "villages"}
)  # fmt: skip
_TITLE_LINKS = frozenset({"of", "the", "for", "and"})
_TITLE_ENT_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
_LEADING_DROPS = frozenset({"DT", "RB", "RBR", "RBS", "IN", "CC", "PRP$", "UH"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Tags that never end a name: prepositions, determiners, conjunctions.
_TRAILING = frozenset({"IN", "DT", "CC", "TO"})
_PROPER = frozenset({"NNP", "NNPS"})


@dataclass(slots=True)
class NameMention:
    """One mention before clustering; token offsets into the ``Doc``, end exclusive."""

    label: str
    start: int  # first token of the mention as reported (title or honorific included)
    end: int
    name_start: int  # the name proper
    name_end: int
    kind: MentionKind = "name"
    titles: list[tuple[int, int]] = field(default_factory=list)
    #: A title, honorific or role apposition says this is a person.
    person_evidence: bool = False

    def name_words(self, doc: Any) -> tuple[str, ...]:
        """The name's words, case-folded, for comparing names."""
        return tuple(t.text.casefold() for t in doc[self.name_start : self.name_end])


def collect_mentions(doc: Any, pairs: list[AcronymPair]) -> list[NameMention]:
    """All name mentions of ``doc``: the model's entities, repaired, plus untagged titled names.

    Acronyms and their expansions become mentions of kinds "acronym" and "expansion"; the
    model's entities inside an expansion are dropped (the expansion is one name).
    """
    mentions: list[NameMention] = []
    covered: set[int] = set()
    for pair in pairs:
        forms: tuple[tuple[int, int, MentionKind], ...] = (
            (pair.long_start, pair.long_end, "expansion"),
            (pair.short_start, pair.short_end, "acronym"),
        )
        for start, end, kind in forms:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            label = next((e.label_ for e in span.ents if e.label_ in ENTITY_LABELS), "ORG")
            mention = NameMention(label, span.start, span.end, span.start, span.end, kind=kind)
            mention.label = "ORG" if label not in ("ORG", "FAC") else label
            mentions.append(mention)
            covered.update(range(span.start, span.end))

    short_forms = {doc.text[p.short_start : p.short_end] for p in pairs}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or covered.intersection(range(ent.start, ent.end)):
            continue
        found = _from_entity(doc, ent)
        if found is not None:
            if doc[found.name_start : found.name_end].text in short_forms:
                found.kind = "acronym"
            mentions.append(found)
            covered.update(range(ent.start, ent.end))
    mentions.extend(_untagged_titled_names(doc, covered))
    mentions.extend(_untagged_short_forms(doc, short_forms, covered))
    mentions.extend(_untagged_surnames(doc, mentions, covered))
    for mention in mentions:
        if mention.label in ("PERSON", "ORG") and mention.kind in ("name", "title_name"):
            _add_titles(doc, mention)
    _drop_title_pieces(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _from_entity(doc: Any, ent: Any) -> NameMention | None:
    start, end = ent.start, ent.end
    # "the ministry on Monday": the model's span can run over a preposition.
    while end > start and (doc[end - 1].text in _POSSESSIVES or doc[end - 1].tag_ in _TRAILING):
        end -= 1
    honorific = None
    while start < end and (doc[start].tag_ in _LEADING_DROPS or doc[start].lower_ in HONORIFICS):
        if doc[start].lower_ in HONORIFICS:
            honorific = start
        start += 1
    if start >= end or not any(ch.isupper() for ch in doc[start:end].text):
        return None  # "the ministry": a common noun, not a name
    if honorific is None and start > 0 and doc[start - 1].lower_ in HONORIFICS:
        honorific = start - 1
    label = ent.label_
    if label == "PERSON":
        end = _extend_name(doc, end)
    text = doc[start:end].text
    if label in ("GPE", "LOC") and demonym_country(text) and not lookup(text):
        label = "NORP"  # the model's "Ukrainian" as GPE: a group, not a place
    mention = NameMention(label, start, end, start, end)
    if label == "NORP":
        mention.kind = "demonym"
    if honorific is not None:
        mention.start, mention.kind, mention.person_evidence = honorific, "title_name", True
        mention.label = "PERSON"
    return mention


def _extend_name(doc: Any, end: int) -> int:
    """Extend a person's name the model cut short over following capitalised proper nouns."""
    while (
        end < len(doc)
        and doc[end].tag_ in _PROPER
        and doc[end].is_title
        and not doc[end].ent_type_
        and doc[end].lower_ not in TITLE_NOUNS
        and not doc[end].is_sent_start
    ):
        end += 1
    return end


def _untagged_titled_names(doc: Any, covered: set[int]) -> list[NameMention]:
    """Persons the model missed: a capitalised title followed by capitalised proper nouns."""
    found = []
    for token in doc:
        if token.lower_ not in TITLE_NOUNS and token.lower_ not in HONORIFICS:
            continue
        if not token.is_title or token.i + 1 >= len(doc):
            continue
        start = token.i + 1
        end = start
        while end < len(doc) and end not in covered and doc[end].tag_ in _PROPER:
            if not doc[end].is_title or doc[end].lower_ in TITLE_NOUNS:
                break
            end += 1
        if end > start and end not in covered:
            mention = NameMention("PERSON", start, end, start, end, person_evidence=True)
            if token.lower_ in HONORIFICS:
                mention.start, mention.kind = token.i, "title_name"
            found.append(mention)
            covered.update(range(start, end))
    return found


def _untagged_short_forms(doc: Any, short_forms: set[str], covered: set[int]) -> list[NameMention]:
    # Later uses of a defined acronym the model did not tag: "NRB said ...".
    if not short_forms:
        return []
    return [
        NameMention("ORG", t.i, t.i + 1, t.i, t.i + 1, kind="acronym")
        for t in doc
        if t.text in short_forms and t.i not in covered
    ]


def _untagged_surnames(
    doc: Any, mentions: list[NameMention], covered: set[int]
) -> list[NameMention]:
    # "Varn said ..." after "Ilse Varn", where the model tagged nothing.
    surnames = {
        doc[m.name_end - 1].text
        for m in mentions
        if m.label == "PERSON" and m.name_end - m.name_start > 1
    }
    return [
        NameMention("PERSON", t.i, t.i + 1, t.i, t.i + 1)
        for t in doc
        if t.text in surnames and t.i not in covered and t.tag_ in _PROPER
    ]


def _is_titleish(doc: Any, token: Any, name_end: int) -> bool:
    if token.ent_type_ == "PERSON" or token.is_punct or token.like_num:
        return False
    low = token.lower_
    if low in TITLE_NOUNS or low in TITLE_MODIFIERS:
        return True
    if token.ent_type_ in _TITLE_ENT_LABELS or (token.tag_ == "POS" and token.i > 0):
        return True
    if token.is_title and token.tag_ in ("NNP", "NNPS", "JJ", "NN"):
        return True
    # "harbour master Ilse Varn": lower-case modifiers of a title noun.
    return token.dep_ in ("compound", "amod") and token.i < token.head.i < name_end


def title_before(doc: Any, name_start: int, name_end: int) -> tuple[int, int] | None:
    """Token range of the title right before a name ("Russian President"), if there is one."""
    sent_start = doc[name_start].sent.start
    i = name_start - 1
    first = name_start
    while i >= sent_start:
        token = doc[i]
        if _is_titleish(doc, token, name_end):
            first = i
        elif not (token.lower_ in _TITLE_LINKS and first < name_start):
            break
        i -= 1
    while first < name_start and doc[first].lower_ in _TITLE_LINKS:
        first += 1
    if first >= name_start or doc[name_start - 1].lower_ in _TITLE_LINKS:
        return None
    if not any(doc[k].lower_ in TITLE_NOUNS for k in range(first, name_start)):
        return None
    return first, name_start


def _appositions(doc: Any, mention: NameMention) -> list[tuple[int, int, int]]:
    """Appositions of a name, after it ("Ilse Varn, the harbour master,") or before it ("The
    harbour master, Ilse Varn,"), with the index of their head noun."""
    found = []
    root = doc[mention.name_start : mention.name_end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= mention.name_end and _is_role_noun(child):
            found.append((*_trimmed(doc, child.left_edge.i, child.right_edge.i + 1), child.i))
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < mention.name_start
        and _is_role_noun(head)
        and doc[mention.name_start - 1].text == ","
    ):
        found.append((*_trimmed(doc, head.left_edge.i, mention.name_start - 1), head.i))
    return [(s, e, h) for s, e, h in found if e > s]


def _is_role_noun(token: Any) -> bool:
    """Whether an apposition's head can name a role: a common noun ("the harbour master") or a
    title ("Mayor of Corvale"), not a name ("in the capital, Varsk,") nor a place noun ("the
    capital, Varsk": a place, whatever the model's label on "Varsk")."""
    if token.lower_ in TITLE_NOUNS:
        return True
    if token.lower_ in PLACE_NOUNS or token.like_num or token.ent_type_:
        return False
    return token.tag_ in ("NN", "NNS")


def _trimmed(doc: Any, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].tag_ in ("DT", "PRP$")):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _add_titles(doc: Any, mention: NameMention) -> None:
    title = title_before(doc, mention.name_start, mention.name_end)
    if title is not None:
        mention.titles.append(title)
        mention.start = min(mention.start, title[0])
        mention.kind = "title_name"
        mention.person_evidence = True
    for start, end, head in _appositions(doc, mention):
        mention.titles.append((start, end))
        # "Ilse Varn, the harbour master": a role noun heads the apposition.
        if doc[head].lower_ in TITLE_NOUNS:
            mention.person_evidence = True
    if mention.person_evidence:
        mention.label = "PERSON"


def _drop_title_pieces(doc: Any, mentions: list[NameMention]) -> None:
    """Drop mentions that are only a piece of another mention's title.

    The model tags words of a title as names of their own: a PERSON "Belmoran Defence" in
    "Belmoran Defence Minister Tomas Okri", an ORG "Defence" or a NORP "Harbour" in "Harbour
    Minister Odile Ferrant". The title keeps those words. A piece that is a place, a demonym or
    a name used again outside any title stays a mention ("Tarnian" in "Tarnian President"), and
    so do one that is no common English word ("Gazprom" in "Gazprom chief executive") and one
    of several words ("Foreign Ministry" in "Foreign Ministry spokesman").
    """
    # Titles before a name only: an apposition ("a researcher at the Institute for Frontier
    # Studies") holds whole names of its own.
    titles = [(s, e) for m in mentions for s, e in m.titles if e == m.name_start]
    if not titles:
        return
    words = word_filter(doc.vocab)

    def in_title(m: NameMention) -> bool:
        return any(s <= m.name_start and m.name_end <= e for s, e in titles)

    outside = {doc[m.name_start : m.name_end].text for m in mentions if not in_title(m)}

    def is_piece(m: NameMention) -> bool:
        if m.kind in ("acronym", "expansion") or m.person_evidence or not in_title(m):
            return False
        if m.label == "PERSON":
            return True
        name = doc[m.name_start : m.name_end]
        if len(name) > 1:
            return False  # "Foreign Ministry spokesman": a whole organisation's name
        text = name.text
        if text in outside or lookup(text) or demonym_country(text) or looks_like_demonym(text):
            return False
        return words is not None and all(
            words.is_noun(t.text) or words.is_common_word(t.text) for t in name
        )

    mentions[:] = [m for m in mentions if not is_piece(m)]
