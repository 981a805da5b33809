"""The pipeline component that tags gazetteer place names after the statistical NER.

The small English model tags "Kursk" as PRODUCT and "Donbass" as PERSON; a gazetteer fixes
that, but a gazetteer alone would tag "Nice weather" and "Reading is fun", and, placed before
the NER, would cut the model's own names apart ("Moscow State University"). So the component
runs after the NER and only

- fills gaps: a place name the model left untagged, when the tagger marked its words as proper
  nouns (NNP), so that a capitalised common word at a sentence start stays a word;
- corrects labels: a place name the model tagged, with exactly these words or words inside
  them, as something no place name is (PRODUCT, WORK_OF_ART, FAC, LAW, LANGUAGE) or, for a
  strong name, as ORG or PERSON ("Moscow" as the government is GPE in the OntoNotes scheme);
- prefers the longer name: "Kursk Oblast" is one GPE, not "Kursk" plus a word;
- trusts the sentence: a name that is a place of a country the same sentence names ("Kaunas
  has opened Lithuania's largest museum", "the Omani region of Dhofar") is tagged where the
  model saw an organisation or a one-word person, and a town's name is looked for there as
  after a locative word.

A name the model made part of a longer entity ("Bank of Kursk") is left alone.

Names are filtered once at load time: common English words ("Mobile", "Split", "March"), given
names ("Florence") and very short or all-capital names are never looked for, except names from
the project's reviewed table and country names.

Example:
    >>> doc = load_pipeline()("Shelling was reported in Kursk Oblast.")  # doctest: +SKIP
    >>> [(e.text, e.label_) for e in doc.ents]  # doctest: +SKIP
    [('Kursk Oblast', 'GPE')]
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import numpy as np
from spacy.tokens import Span

from claimscope.gazetteer import TagName, demonym_country, given_names, lookup, tag_names

#: Labels no place name is ever right to have: the model's guess is replaced.
_WRONG_FOR_PLACES = frozenset({"PRODUCT", "WORK_OF_ART", "FAC", "LAW", "LANGUAGE"})
#: Labels a place name may rightly have in context (a club, a person): replaced only for
#: strong names.
_CONTESTED = frozenset({"ORG", "PERSON", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Words that name a kind of region after its name ("Donetsk region", "Kursk oblast").
_TYPE_WORDS = frozenset({"region", "oblast", "province", "krai", "territory", "governorate"})
#: Type words that, after a region's name, make one name with it ("Borno State", "Okinawa
#: Prefecture", "Punjab province"): the model often takes the pair for an organisation.
_NAME_TYPE_WORDS = _TYPE_WORDS | {"state", "prefecture", "county", "department"}
#: Words before a name that say it is a place: "in Bergen" is the city even where the model
#: reads an organisation ("in" an organisation is rare in news, "at" or "from" one is not).
_LOCATIVES = frozenset(
    {"in", "near", "outside", "across", "around", "throughout", "inside", "into"}
)
#: Tags a capitalised place name may wrongly get at a sentence start ("Suriname" NN,
#: "Barbados" NNS, "Java" RB); a verb or adjective tag there means a word ("Reading is ...").
_NAME_LIKE_TAGS = frozenset({"NN", "NNS", "RB", "FW", "UH"})
#: Small words inside a multi-word place name ("Trinidad and Tobago", "Isle of Man").
_NAME_JOINERS = frozenset(
    {"and", "of", "the", "de", "del", "della", "la", "el", "al", "du", "des", "do", "da", "dos",
     "das", "di", "von", "van", "der", "den", "le", "les", "sur", "am", "y", "e", "upon"}
)  # fmt: skip
#: Tokens after a dateline's place: "KANO, Nigeria —", "SANTIAGO —", "LAGOS (Reuters) -".
_DATELINE_ENDS = frozenset({"—", "–", "-", "--", ",", "("})

_MONTHS_AND_DAYS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)  # fmt: skip


class WordFilter:
    """Tells common English words apart, from the model's own lemmatizer tables.

    The English model ships WordNet's lemma lists. Its noun list holds proper nouns too
    ("kursk", "moscow"), so it cannot tell a place from a word; its verb, adjective and adverb
    lists hold none, so a place name found there is an ordinary word ("nice", "split",
    "reading" via "read").
    """

    def __init__(self, nlp: Any) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        index = tables.get_table("lemma_index") if tables else {}
        rules = tables.get_table("lemma_rules") if tables else {}
        self._words: dict[str, frozenset[str]] = {
            pos: frozenset(index.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")
        }
        self._rules: dict[str, list[list[str]]] = {
            pos: list(rules.get(pos, ())) for pos in ("verb", "adj")
        }
        self._stop = frozenset(STOP_WORDS) | _MONTHS_AND_DAYS

    def is_common_word(self, word: str) -> bool:
        """Whether ``word`` (any case) is a stop word, month, verb, adjective or adverb."""
        low = word.lower()
        if low in self._stop or low in self._words["adv"]:
            return True
        for pos in ("verb", "adj"):
            if low in self._words[pos]:
                return True
            for old, new in self._rules[pos]:
                if low.endswith(old) and low[: len(low) - len(old)] + new in self._words[pos]:
                    return True
        return False

    def is_noun(self, word: str) -> bool:
        """Whether ``word`` is in WordNet's noun list (proper nouns included)."""
        return word.lower() in self._words["noun"]


#: The word filter of each pipeline's vocabulary, keyed by ``id``; the vocabulary itself is
#: kept alongside (spaCy's ``Vocab`` takes no weak reference), so an id is never reused.
_WORD_FILTERS: dict[int, tuple[Any, WordFilter]] = {}


def word_filter(vocab: Any) -> WordFilter | None:
    """The ``WordFilter`` of the pipeline that owns ``vocab`` (``doc.vocab``), if it has the
    ``claimscope_places`` component; ``None`` for other pipelines."""
    entry = _WORD_FILTERS.get(id(vocab))
    return entry[1] if entry is not None and entry[0] is vocab else None


class PlaceTagger:
    """Tags gazetteer place names in a parsed ``Doc`` (see the module docstring)."""

    def __init__(self, nlp: Any) -> None:
        words = WordFilter(nlp)
        self._words = words
        # Entity extraction asks the same tables whether a capitalised word is a common one
        # ("Defence" in "Defence Minister"); see ``word_filter``.
        _WORD_FILTERS[id(nlp.vocab)] = (nlp.vocab, words)
        self._given = given_names()
        # Names by their first run of letters, longest first. A PhraseMatcher would need a
        # tokenised Doc per name, and creating the lexemes of ~10,000 names costs seconds of
        # load time; this table costs milliseconds and the per-document work stays a
        # dictionary lookup for each capitalised token.
        by_head: dict[str, list[tuple[str, str, bool, bool]]] = {}
        for surface, name in tag_names().items():
            if _usable(surface, name, words, self._given):
                strong = _strong(surface, name, words) and not name.town
                entry = (surface, name.label, strong, name.town)
                by_head.setdefault(_head(surface), []).append(entry)
            elif surface in self._given and name.major:
                # "around Valencia", "in Florence": a big city named like a person is looked
                # for after a locative word, as a town is, and never over a PERSON label.
                entry = (surface, name.label, False, True)
                by_head.setdefault(_head(surface), []).append(entry)
        self._by_head = {
            head: sorted(entries, key=lambda e: -len(e[0])) for head, entries in by_head.items()
        }
        self.pattern_count = sum(len(entries) for entries in by_head.values())

    def _matches(
        self, doc: Any, named: _SentenceCountries
    ) -> tuple[list[tuple[Any, bool]], set[tuple[int, int]]]:
        """Every gazetteer name in ``doc`` that starts and ends on token boundaries, and which
        of them are towns (tagged only where nothing else is and a locative word precedes)."""
        text = doc.text
        found: list[tuple[Any, bool]] = []
        towns: set[tuple[int, int]] = set()
        for token in doc:
            # Not ``is_title``: "KwaZulu-Natal" and "McAllen" have capitals inside.
            if token.is_lower or not token.text[:1].isupper():
                continue
            entries = self._by_head.get(_head(token.text))
            if not entries:
                continue
            for surface, label, strong, town in entries:
                if not text.startswith(surface, token.idx):
                    continue
                span = doc.char_span(token.idx, token.idx + len(surface), label=label)
                if span is None or (
                    town and not _town_or_qualified(doc, span) and not named.confirm(span)
                ):
                    continue
                found.append(_with_type_word(span, strong))
                if town:
                    towns.add((span.start, span.end))
        # "Saint Lucia's tourism board": where a name with a possessive ("Saint Lucia's", a
        # Maltese council) and the name without it both match, the shorter wins when it is a
        # country or names the same places; "St. John's" (Newfoundland) is not "St. John".
        shorter = {(span.start, span.end): span for span, _ in found}
        found = [
            (span, strong)
            for span, strong in found
            if not (
                len(span) > 1
                and span[-1].text in _POSSESSIVES
                and (span.start, span.end - 1) in shorter
                and _possessive_yields(span.text, shorter[(span.start, span.end - 1)].text)
            )
        ]
        return found, towns

    def __call__(self, doc: Any) -> Any:
        from spacy.util import filter_spans

        _trim_possessives(doc)
        _split_place_lists(doc)
        datelines = _datelines(doc)
        named = _SentenceCountries(doc)
        matched, towns = self._matches(doc, named)
        found = matched + [(span, True) for span in datelines.values()]
        if not found:
            return doc
        strong_of = {(span.start, span.end): strong for span, strong in found}
        spans = [span for span, _ in found]
        ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        person_words = {
            token.text
            for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1
            for token in ent
        }
        replaced: set[tuple[int, int]] = set()
        added: list[Any] = []
        # Longest first, so "Kursk Oblast" beats "Kursk".
        for match in filter_spans(spans):
            inside = {
                (ent.start, ent.end): ent
                for i in range(match.start, match.end)
                if (ent := ent_of.get(i)) is not None
            }
            key = (match.start, match.end)
            if key in towns and not all(t.tag_ in _PROPER_TAGS for t in match):
                continue  # a town's name is a proper noun where it is one
            # A dateline holds nothing but a place, whatever the model made of it.
            if key in datelines or self._accept(
                match,
                inside,
                strong_of[key],
                person_words,
                town=key in towns,
                confirmed=named.confirm(match),
            ):
                replaced.update(inside)
                added.append(match)
        if added:
            kept = [ent for ent in doc.ents if (ent.start, ent.end) not in replaced]
            doc.ents = sorted(kept + added, key=lambda span: span.start)
        _mark_proper(doc, strong_of)
        return doc

    def _accept(
        self,
        match: Any,
        inside: dict[tuple[int, int], Any],
        strong: bool,
        person_words: set[str],
        *,
        town: bool = False,
        confirmed: bool = False,
    ) -> bool:
        """Whether ``match`` becomes a place entity.

        ``confirmed``: the sentence names the country of a place so called (see
        ``_SentenceCountries.confirm``).
        """
        doc = match.doc
        # A label no place has ("Myawaddy on the Thai" as a WORK_OF_ART) marks no real name.
        misread = all(ent.label_ in _WRONG_FOR_PLACES for ent in inside.values())
        if not misread and any(
            (end > match.end and not _possessive_after(match))
            or (start < match.start and not _articles(doc[start : match.start]))
            for start, end in inside
        ):
            # Part of a longer name the model found: "Bank of Kursk". But "Auckland's
            # council": a strong place name owns what follows its "'s".
            return False
        if (not inside or any(end > match.end for _, end in inside)) and _name_follows(match):
            # "St. Elizabeth Hospital", "St Martin's Press", "Kaunas City Council": a
            # capitalised name goes on after the place's, whether the model tagged the whole
            # (with whatever label) or nothing.
            return False
        if not inside:
            # A gap: only where the tagger saw a proper noun ("in Kursk", not "Temple bells").
            # A type word the tagger calls a common noun ends a name: "the Donetsk region".
            words = match[:-1] if len(match) > 1 and match[-1].lower_ in _NAME_TYPE_WORDS else match
            # A hyphen or a small word inside joins the name's words: "Mecklenburg-Western
            # Pomerania", "São Tomé and Príncipe", "Bosnia and Herzegovina".
            if words[0].tag_ in _PROPER_TAGS and all(
                token.tag_ in _PROPER_TAGS or token.tag_ == "HYPH" or token.lower_ in _NAME_JOINERS
                for token in words
            ):
                return True
            # The small model tags many capitalised names as common nouns at a sentence start
            # or after a quotation mark ("Suriname", "Flanders"): a strong name that is no
            # English word is a name there.
            # "Indore has been named India's cleanest city": the model may tag a name it does
            # not know as an adjective; a name the sentence places in its country is a name.
            return (
                (strong or confirmed)
                and len(words) == 1
                and (words[0].tag_ in _NAME_LIKE_TAGS or (confirmed and words[0].tag_ == "JJ"))
                and not self._words.is_common_word(words[0].text)
            )
        labels = {ent.label_ for ent in inside.values()}
        if labels <= _PLACE_LABELS and (match.start, match.end) in inside:
            return False  # the model has it as a place already
        if not labels <= _WRONG_FOR_PLACES | _PLACE_LABELS | _CONTESTED and not (
            _misread_as_time(match, inside) and strong
        ):
            return False  # a date or a number inside: not a name to correct
        if labels & _CONTESTED:
            if (
                "PERSON" in labels
                and (match.text in self._given or match.text in person_words)
                # "Hamilton, Ontario", "Valencia, the industrial city of ..."
                and not (town and _qualified_after(doc, match.end))
                and not _place_apposition(doc, match.end)
            ):
                return False  # "Florence", or "Lincoln" after "Abraham Lincoln"
            # A weak name ("Bergen", "Ticino": English nouns to WordNet) corrects the model
            # after a locative word, or where the model's guess is a one-word person: a person
            # is introduced by a full name, which ``person_words`` holds.
            lone_person = labels == {"PERSON"} and len(match) == 1
            # A town's name was only looked for after a locative word ("south of X").
            # "Bergen's fish market": a possessive after a place's name, where the model saw
            # an organisation, is the place's.
            possessive = labels <= {"ORG"} and _possessive_after(match)
            # "Granada, the colonial city on the lake": an apposition that says what the
            # name is settles it as a locative word does.
            if not (
                strong
                or lone_person
                or town
                or possessive
                or confirmed
                or _after_locative(match)
                or _place_apposition(doc, match.end)
            ):
                return False

        return True


#: Verbs whose subject is a speaker: "Taylor said the United States ...", "Kato told
#: Japanese lawmakers": a surname there is a person, whatever country the sentence names.
_SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "argue", "claim", "announce", "insist", "warn", "note", "write",
     "state", "explain", "ask", "reply", "urge", "accuse", "deny", "admit", "recall"}
)  # fmt: skip


class _SentenceCountries:
    """The countries each sentence of a ``Doc`` names: countries ("Lithuania", whatever label
    the model gave them), first-level regions the model tagged as places ("the Waikato
    region") and demonyms ("Omani"). A city names no country: "Valencia" lies in Spain and in
    Venezuela. Built once per document; a check costs a look at the match's own entities."""

    def __init__(self, doc: Any) -> None:
        # The first token of each token's sentence, read from the parse array (walking
        # ``doc.sents`` costs milliseconds per article). A Doc without sentence boundaries (a
        # pipeline without the parser) is one sentence.
        self._sentence: list[int] = [0] * len(doc)
        if len(doc) and doc.has_annotation("SENT_START"):
            from spacy.attrs import SENT_START

            starts = np.flatnonzero(doc.to_array(SENT_START) == 1)
            starts = starts if len(starts) and starts[0] == 0 else np.r_[0, starts]
            positions = np.searchsorted(starts, np.arange(len(doc)), side="right") - 1
            self._sentence = starts[positions].tolist()
        self._counts: dict[int, Counter[str]] = {}
        self._entities: list[tuple[int, int, frozenset[str]]] = []
        for ent in doc.ents:
            if ent.label_ == "NORP":
                country = demonym_country(ent.text)
                found = frozenset({country} if country else ())
            elif ent.label_ in _PLACE_LABELS | _CONTESTED | _WRONG_FOR_PLACES:
                kinds = ("country", "region") if ent.label_ in _PLACE_LABELS else ("country",)
                found = frozenset(
                    p.country for p in lookup(ent.text) if p.kind in kinds and p.country
                )
            else:
                continue
            if found:
                self._counts.setdefault(self._sentence[ent.start], Counter()).update(found)
                self._entities.append((ent.start, ent.end, found))

    def confirm(self, match: Any) -> bool:
        """Whether the sentence of ``match`` names, outside the match and its apposition, the
        country of a place called as the match is ("Kaunas has opened Lithuania's largest
        museum"), and the match is no speaker ("Castro said Chile's ...")."""
        counts = self._counts.get(self._sentence[match.start])
        if not counts or _in_longer_name(match) or _speaker(match):
            return False
        # What the match's own apposition says does not place it: "Taylor, an American
        # singer", "Molina, the Chilean striker".
        own_end = _apposition_end(match)
        left = Counter(counts)
        for start, end, found in self._entities:
            if start < own_end and end > match.start:
                left.subtract(found)
        return any(left[p.country] > 0 for p in lookup(match.text) if p.country)


def _speaker(match: Any) -> bool:
    """Whether ``match`` is the subject of a verb of saying ("Hastings said ...")."""
    root = match.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _SPEECH_VERBS


def _apposition_end(match: Any) -> int:
    """The token after the apposition that follows ``match`` (", an American singer,"), or
    the match's end when none follows."""
    doc = match.doc
    end: int = match.end
    if end >= len(doc) or doc[end].text != ",":
        return end
    for token in doc[end + 1 : min(len(doc), end + 12)]:
        if token.text in (",", ";", ".") or token.dep_ == "ROOT":
            return int(token.i)
    return end


def _capitalised_name(token: Any) -> bool:
    """Whether ``token`` is a capitalised proper noun (a word of some name)."""
    return token.tag_ in _PROPER_TAGS and token.text[:1].isupper()


def _name_follows(match: Any) -> bool:
    """Whether a capitalised proper noun follows ``match``, after a possessive if any."""
    doc = match.doc
    i = match.end + (1 if _possessive_after(match) else 0)
    return i < len(doc) and _capitalised_name(doc[i])


def _possessive_yields(longer: str, shorter: str) -> bool:
    """Whether a name read with its possessive gives way to the name without it."""
    places = lookup(shorter)
    return any(p.kind == "country" for p in places) or set(lookup(longer)) <= set(places)


def _misread_as_time(match: Any, inside: dict[tuple[int, int], Any]) -> bool:
    """Whether the model took exactly this name for a date or a time ("temperatures in
    Winnipeg below minus 40", "fighting in Amhara has killed"): a name with no digit, month or
    weekday in it is no date."""
    return (
        list(inside) == [(match.start, match.end)]
        and inside[(match.start, match.end)].label_ in ("DATE", "TIME")
        and not any(t.like_num or t.lower_ in _MONTHS_AND_DAYS for t in match)
    )


def _in_longer_name(match: Any) -> bool:
    """Whether a capitalised proper noun stands right before or after ``match``: "Randolph"
    in "the A. Philip Randolph Institute" is part of a name the model left untagged."""
    doc = match.doc
    before = match.start > 0 and _capitalised_name(doc[match.start - 1])
    return before or (match.end < len(doc) and _capitalised_name(doc[match.end]))


def _possessive_after(match: Any) -> bool:
    """Whether ``match`` is followed by a possessive "'s" ("Auckland's council")."""
    return match.end < len(match.doc) and match.doc[match.end].text in _POSSESSIVES


def _split_place_lists(doc: Any) -> None:
    """Split the model's "Perth and Inverness" (one ORG or GPE) into its places, where every
    part is a gazetteer name: a list of places is no organisation."""
    ents = list(doc.ents)
    out: list[Any] = []
    changed = False
    for ent in ents:
        cuts = [t.i for t in ent if t.lower_ in ("and", ",") and ent.start < t.i < ent.end - 1]
        if ent.label_ not in ("ORG", "GPE", "LOC") or not cuts or lookup(ent.text):
            # "Trinidad and Tobago", "São Tomé and Príncipe": one name with "and" inside.
            out.append(ent)
            continue
        bounds = [ent.start, *cuts, ent.end]
        parts = [
            doc[left + (left != ent.start) : right] for left, right in itertools.pairwise(bounds)
        ]
        parts = [part for part in parts if len(part)]
        if len(parts) > 1 and all(
            part[0].text[:1].isupper() and lookup(part.text) for part in parts
        ):
            out.extend(Span(doc, part.start, part.end, label="GPE") for part in parts)
            changed = True
        else:
            out.append(ent)
    if changed:
        doc.ents = out


def _trim_possessives(doc: Any) -> None:
    """Drop a trailing "’s" from the model's entities: "North Korea’s borders" names a place
    "North Korea", and the longer span would hide the name from the gazetteer."""
    ents = list(doc.ents)
    trimmed = [ent[:-1] if len(ent) > 1 and ent[-1].text in _POSSESSIVES else ent for ent in ents]
    if any(len(a) != len(b) for a, b in zip(ents, trimmed, strict=True)):
        doc.ents = trimmed


def _with_type_word(span: Any, strong: bool) -> tuple[Any, bool]:
    """``span`` with the type word after it when the two name a region ("Borno State",
    "Punjab province"): the longer name is unambiguous, so it may correct the model's label."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _NAME_TYPE_WORDS:
        longer = doc[span.start : span.end + 1]
        if any(p.kind == "region" for p in lookup(longer.text)):
            return Span(doc, longer.start, longer.end, label=span.label_), True
    return span, strong


def _datelines(doc: Any) -> dict[tuple[int, int], Any]:
    """Place names in capitals that open the text or a line and end a dateline: "KANO,
    Nigeria —", "SANTIAGO —". The gazetteer's names are in title case, and the model reads
    these as organisations or not at all; a dateline holds nothing but a place."""
    found: dict[tuple[int, int], Any] = {}
    text = doc.text
    starts = [0]
    at = text.find("\n")
    while at != -1:  # a dateline may open any line (a feed joins several items)
        token = doc.char_span(at, at + 1, alignment_mode="expand")
        if token is not None and token.end < len(doc):
            starts.append(token.end)
        at = text.find("\n", at + 1)
    for start in starts:
        end = start
        while end < len(doc) and (
            (doc[end].is_upper and _capital_word(doc[end].text)) or _joins_capitals(doc, end)
        ):
            end += 1
        if start < end < len(doc) and doc[end].text in _DATELINE_ENDS:
            span = doc[start:end]
            if len(span.text) >= 3 and lookup(span.text):
                found[(start, end)] = Span(doc, start, end, label="GPE")
    return found


def _capital_word(text: str) -> bool:
    """Letters, with an apostrophe or hyphen inside: "KHARTOUM", "N'DJAMENA", "PORT-AU-PRINCE"."""
    return text[:1].isalpha() and all(ch.isalpha() or ch in "'’-" for ch in text)


def _joins_capitals(doc: Any, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a name in capitals: "PORT-AU-PRINCE"."""
    return (
        doc[i].text in ("-", "'", "’")
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_upper
    )


#: Words before "of" that make the next name a place: "north of Kherson", "the siege of X".
_PLACE_OF = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "outskirts", "siege", "residents", "city", "town", "village", "port", "mayor", "centre",
     "center", "streets", "suburbs", "coast", "shores", "island", "islands", "shelling"}
)  # fmt: skip
_TOWN_LOCATIVES = _LOCATIVES | {"from", "through", "around", "toward", "towards", "near", "of"}


def _town_context(doc: Any, i: int) -> bool:
    """Whether the word before token ``i`` says a place comes next, for a town's name ("in",
    "near", "north of", "the shelling of")."""
    return i > 0 and doc[i - 1].lower_ in _TOWN_LOCATIVES


def _town_or_qualified(doc: Any, span: Any) -> bool:
    """Whether a town's name stands where a place is expected: after a locative word, before
    ", <place>", or before a possessive ("Kherson's river port")."""
    return (
        _town_context(doc, span.start)
        or _qualified_after(doc, span.end)
        or _possessive_after(span)
        or _place_apposition(doc, span.end)
    )


#: Nouns that, heading an apposition, say what went before is a place: "Narva, a mostly
#: Russian-speaking city", "Granada, the colonial city on the shores of ...".
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "capital", "port", "region", "province", "state", "island",
     "district", "county", "seaport", "resort", "oblast", "governorate", "municipality"}
)  # fmt: skip


def _place_apposition(doc: Any, end: int) -> bool:
    """Whether ", a/the <up to four modifiers> <place noun>" follows a name (``end`` is the
    token after it). "Hamilton, the city's mayor" and "Hamilton, a city councillor" name a
    person: the noun must head the phrase, not modify what follows."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return False
    for i in range(end + 2, min(end + 7, len(doc))):
        token = doc[i]
        if token.lower_ in _PLACE_NOUNS:
            # The place noun must head the apposition: "a city councillor", "a town
            # planner", "the state attorney general" name people.
            if token.dep_ in ("compound", "amod"):
                return False
            if i + 1 >= len(doc):
                return True
            following = doc[i + 1]
            return following.text not in _POSSESSIVES and following.pos_ not in ("NOUN", "PROPN")
        # Participles modify the noun too: "a Russian-speaking city", "the war-torn town".
        modifier = token.pos_ in ("ADJ", "ADV", "PROPN", "NOUN", "PUNCT", "NUM") or (
            token.pos_ == "VERB" and token.dep_ == "amod"
        )
        if not modifier or token.text == ",":
            return False
    return False


def _qualified_after(doc: Any, end: int) -> bool:
    """Whether a name is followed by ", <place>" ("Hamilton, Ontario"): a town's way of
    saying where it is."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in ("GPE",)


def _after_locative(match: Any) -> bool:
    """Whether ``match`` follows a word that says a place comes next ("in Bergen", "north of
    Bergen")."""
    doc = match.doc
    if match.start == 0:
        return False
    before = doc[match.start - 1].lower_
    return before in _LOCATIVES or (
        before == "of" and match.start > 1 and doc[match.start - 2].lower_ in _PLACE_OF
    )


def _mark_proper(doc: Any, matched: dict[tuple[int, int], bool]) -> None:
    """Give the capitalised words of gazetteer places the proper-noun tag.

    The model tags "Java" in "Java is home to ..." as an adverb; entity extraction trims such
    words off a name, and would lose the place.
    """
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS and (ent.start, ent.end) in matched:
            for token in ent:
                if token.tag_ not in _PROPER_TAGS and (token.is_title or token.is_upper):
                    token.tag_ = "NNP"
                    token.pos_ = "PROPN"


def _articles(tokens: Any) -> bool:
    """Whether ``tokens`` are only "the": the model's "the Kursk Oblast" holds no more name
    than "Kursk Oblast", while "Bank of Kursk" does."""
    return all(token.lower_ == "the" for token in tokens)


def _head(text: str) -> str:
    """The first run of letters and digits of ``text`` ("St. Petersburg" -> "St")."""
    for i, ch in enumerate(text):
        if not ch.isalnum():
            return text[:i]
    return text


def _usable(surface: str, name: TagName, words: WordFilter, given: frozenset[str]) -> bool:
    """Whether the tagger may look for ``surface`` at all (see the module docstring)."""
    if name.reviewed:
        return True
    if len(surface) < 3 or surface.isupper() or not surface[0].isupper() or surface in given:
        return False
    return not all(words.is_common_word(word) for word in surface.split())


def _strong(surface: str, name: TagName, words: WordFilter) -> bool:
    """Whether ``surface`` may correct an ORG or PERSON label (see ``TagName``).

    A single word that is also an English noun ("Temple", "Enterprise") is weak unless it
    names a country, a reviewed area or a major city ("Lyon", "Kursk").
    """
    if name.reviewed or name.major or " " in surface or "-" in surface:
        return True
    return not words.is_noun(surface)


def make_place_tagger(nlp: Any, name: str) -> PlaceTagger:
    """spaCy factory of the ``claimscope_places`` component."""
    return PlaceTagger(nlp)


def register() -> None:
    """Register the ``claimscope_places`` factory with spaCy (once per process)."""
    from spacy.language import Language

    if not Language.has_factory("claimscope_places"):
        Language.factory("claimscope_places", func=make_place_tagger)
