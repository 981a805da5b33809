"""The project's registry of news outlets and agencies (``data/outlets.json``), as a lookup library.

Three questions are answered here, all without a model and with tables built once:

- which known outlet a name means (``lookup_outlet``: exact after folding case, accents, curly
  apostrophes, punctuation and a leading "the"; acronyms in their own case or all upper case);
- which known outlet an unknown, outlet-like name comes closest to (``nearest_outlet``), for the
  finding that an article cites an outlet nobody knows ("Central Telegraph Agency of Korea" is
  no outlet; the nearest known is the Korean Central News Agency);
- which names a text matcher may look for (``outlet_names``).

Example:
    >>> lookup_outlet("the Associated Press").id
    'ap'
    >>> outlet, score = nearest_outlet("Korean Central Press Agency")
    >>> outlet.id, score > 0.8
    ('kcna', True)
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from claimscope import gazetteer

Ownership = Literal["state", "public", "private"]
OutletKind = Literal["agency", "broadcaster", "newspaper", "online", "magazine"]

#: A near miss must score at least this to be named: unrelated names ("Corvale Evening Post"
#: against the Jerusalem Post) share one generic word and stay well below it.
NEAR_MISS_THRESHOLD = 0.7
#: A name without any outlet word ("Reutres") is a near miss only when it is this close.
NEAR_MISS_THRESHOLD_WITHOUT_OUTLET_WORD = 0.85

#: Words that make a name look like an outlet's. The near-miss search runs only on such names
#: (or on very close ones), so "Ministry of Trade" is never compared with "Trade Times".
_OUTLET_WORDS_TEXT = """
    agency agence agencia agenzia agentur news press presse prensa telegraph telegram telegraaf
    broadcasting broadcaster broadcast television tv radio channel network times post herald
    daily tribune gazette gazeta journal wire courier chronicle observer standard mail express
    review today weekly magazine media information informational service bulletin dispatch
    monitor inquirer sentinel voice echo star globe mirror report reporter sinmun shimbun ilbo
    zeitung novosti pravda izvestia stampa diario noticias online
"""
OUTLET_WORDS = frozenset(_OUTLET_WORDS_TEXT.split())

#: Words that name the same service in agency names ("Telegraph Agency" ~ "News Agency"): a
#: partial match, weaker than the same word.
_SERVICE_WORDS = frozenset({"news", "telegraph", "telegram", "information", "press", "wire"})
_SERVICE_SIMILARITY = 0.5
_STEM_SIMILARITY = 0.9  # korea ~ korean, agency ~ agence
_TYPO_RATIO = 0.8  # kyoto ~ kyodo
_EQUIVALENT = {("tv", "television"), ("television", "tv")}
#: Country names and demonyms weigh more: a different country is strong evidence of a
#: different outlet ("Australian Broadcasting Corporation" is not the British one).
_COUNTRY_WORD_FACTOR = 1.5
_COUNTRY_MATCH_BONUS = 0.05
_COUNTRY_MISMATCH_FACTOR = 0.75
_ACRONYM_BONUS = 0.1
_STOPWORDS = frozenset({"the", "of", "and", "for", "in", "on", "a", "an", "de", "del", "della"})

_OWNERSHIP_WORDS = {"state": "state", "public": "public-service", "private": "private"}


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet of the registry.

    Attributes:
        id: Stable lower-case identifier ("kcna").
        name: The usual English name ("Korean Central News Agency").
        aliases: Other names and short forms.
        acronyms: Acronyms in their usual case ("KCNA", "dpa").
        country: ISO 3166-1 alpha-2 code of the country the outlet belongs to.
        ownership: "state", "public" (public-service, editorially independent) or "private".
        kind: "agency", "broadcaster", "newspaper", "online" or "magazine".
        source: Where the entry's facts are documented.
        note: Context a checker wants (owner, seat in exile, affiliation).
        state_funded: Mainly funded from a state budget though not state-owned (RFE/RL).
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    country: str
    ownership: Ownership
    kind: OutletKind
    source: str
    note: str | None = None
    state_funded: bool = False

    @property
    def label(self) -> str:
        """The name with its first acronym: "Korean Central News Agency (KCNA)"."""
        if self.acronyms and self.acronyms[0] != self.name:
            return f"{self.name} ({self.acronyms[0]})"
        return self.name

    def describe(self) -> str:
        """Name, country and ownership, for findings.

        Example:
            >>> lookup_outlet("KCNA").describe()
            'Korean Central News Agency (KCNA; North Korea, state agency)'
        """
        inner = self.label[:-1] + "; " if self.label != self.name else self.name + " ("
        country = country_name(self.country)
        funded = ", state-funded" if self.state_funded and self.ownership != "state" else ""
        return f"{inner}{country}, {_OWNERSHIP_WORDS[self.ownership]}{funded} {self.kind})"


@lru_cache(maxsize=1)
def registry_data() -> dict[str, Any]:
    """The registry file as written (``data/outlets.json``)."""
    text = resources.files("claimscope").joinpath("data/outlets.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of the registry, in file order."""
    return tuple(
        Outlet(
            id=entry["id"],
            name=entry["name"],
            aliases=tuple(entry.get("aliases", ())),
            acronyms=tuple(entry.get("acronyms", ())),
            country=entry["country"],
            ownership=entry["ownership"],
            kind=entry["kind"],
            source=entry["source"],
            note=entry.get("note"),
            state_funded=bool(entry.get("state_funded", False)),
        )
        for entry in registry_data()["outlets"]
    )


def outlet_by_id(outlet_id: str) -> Outlet | None:
    """The outlet with this id, if any."""
    return _by_id().get(outlet_id)


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Outlet]:
    return {outlet.id: outlet for outlet in outlets()}


_APOSTROPHES_AND_DOTS = re.compile(r"['.]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_outlet_name(name: str) -> str:
    """The index key of an outlet name: folded, punctuation-free, without a leading "the".

    Example:
        >>> normalize_outlet_name("The People’s Daily")
        'peoples daily'
    """
    key = gazetteer.fold(name).replace("&", " and ")
    key = _NON_ALNUM.sub(" ", _APOSTROPHES_AND_DOTS.sub("", key)).strip()
    return key[4:] if key.startswith("the ") else key


def _acronym_key(text: str) -> str:
    return text.strip().replace(".", "")


@lru_cache(maxsize=1)
def _name_index() -> dict[str, tuple[Outlet, ...]]:
    index: dict[str, list[Outlet]] = defaultdict(list)
    for outlet in outlets():
        for form in (outlet.name, *outlet.aliases):
            key = normalize_outlet_name(form)
            if key and outlet not in index[key]:
                index[key].append(outlet)
    return {key: tuple(found) for key, found in index.items()}


@lru_cache(maxsize=1)
def _acronym_index() -> dict[str, tuple[Outlet, ...]]:
    # Keyed by the acronym as written and in upper case: "dpa" and "DPA" are the agency,
    # "Map" and "map" are not Maghreb Arabe Presse.
    index: dict[str, list[Outlet]] = defaultdict(list)
    for outlet in outlets():
        for acronym in outlet.acronyms:
            for key in {_acronym_key(acronym), _acronym_key(acronym).upper()}:
                if outlet not in index[key]:
                    index[key].append(outlet)
    return {key: tuple(found) for key, found in index.items()}


def lookup_outlets(name: str) -> tuple[Outlet, ...]:
    """Every outlet a name or acronym means; more than one when it is shared ("ABC")."""
    found: list[Outlet] = []
    acronym = _acronym_key(name)
    for key in (acronym, acronym if acronym.isupper() else None):
        for outlet in _acronym_index().get(key or "", ()):
            if outlet not in found:
                found.append(outlet)
    for outlet in _name_index().get(normalize_outlet_name(name), ()):
        if outlet not in found:
            found.append(outlet)
    return tuple(found)


def lookup_outlet(name: str) -> Outlet | None:
    """The one known outlet a name or acronym means; None when unknown or shared.

    Example:
        >>> lookup_outlet("Deutsche Presse Agentur").id, lookup_outlet("DPA").id
        ('dpa', 'dpa')
        >>> lookup_outlet("ABC") is None  # the Australian and the US broadcaster
        True
    """
    found = lookup_outlets(name)
    return found[0] if len(found) == 1 else None


def outlet_names(*, include_needs_context: bool = False) -> list[str]:
    """Every name, alias and acronym in the case it is written in text, for a phrase matcher.

    Names starting with "The" come as written and with a lower-case "the" ("The Guardian",
    "the Guardian"), and without it when more than one word is left ("New York Times").
    Names that are also ordinary words, personal names, places or other bodies' acronyms
    ("Time", "Bloomberg", "Petra", "PTI": the registry's ``needs_context`` list) are left out
    unless asked for.
    """
    # Compared as written: "The Guardian" is the newspaper, a bare "Guardian" may not be.
    risky = set() if include_needs_context else set(registry_data()["needs_context"])
    names: set[str] = set()
    for outlet in outlets():
        for form in (outlet.name, *outlet.aliases):
            if form in risky:
                continue
            names.add(form)
            if form.startswith("The "):
                names.add("the " + form[4:])
                # "New York Times" alone is the paper; "Telegraph" alone may be any telegraph
                # ("Central Telegraph Agency"): one-word rests only where listed as aliases.
                if " " in form[4:] and form[4:] not in risky:
                    names.add(form[4:])
        names.update(acronym for acronym in outlet.acronyms if acronym not in risky)
    return sorted(names)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Short English country names by ISO alpha-2 code, from pycountry's data file."""
    return {r["alpha_2"]: r.get("common_name") or r["name"] for r in _iso_countries()}


@lru_cache(maxsize=1)
def _iso_countries() -> list[dict[str, str]]:
    """ISO 3166-1 records as pycountry ships them, read from its data file.

    Read as JSON rather than through pycountry's API, which costs ~0.4 s to import.
    """
    spec = importlib.util.find_spec("pycountry")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "databases" / "iso3166-1.json"
        try:
            records: list[dict[str, str]] = json.loads(path.read_text("utf-8"))["3166-1"]
            return records
        except (OSError, KeyError, ValueError):  # pragma: no cover - pycountry changed layout
            pass
    import pycountry  # pragma: no cover

    return [  # pragma: no cover
        {k: getattr(c, k) for k in ("alpha_2", "name", "common_name") if hasattr(c, k)}
        for c in pycountry.countries
    ]


def country_name(code: str) -> str:
    """The short English name of a country code ("KP" -> "North Korea")."""
    return _country_names().get(code, code)


# --- near misses -------------------------------------------------------------------------------


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(w for w in normalize_outlet_name(name).split() if w not in _STOPWORDS)


def _stem_equal(a: str, b: str) -> bool:
    """Same word up to a demonym or inflection ending: korea/korean, china/chinese."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    common = 0
    for x, y in zip(short, long, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= len(short) - 2 and len(long) - common <= 3


@lru_cache(maxsize=65536)
def _word_similarity(a: str, b: str) -> float:
    if a == b or (a, b) in _EQUIVALENT:
        return 1.0
    if _stem_equal(a, b):
        return _STEM_SIMILARITY
    if a in _SERVICE_WORDS and b in _SERVICE_WORDS:
        return _SERVICE_SIMILARITY
    if min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) <= 2 and a[0] == b[0]:
        ratio = SequenceMatcher(None, a, b).ratio()
        if ratio >= _TYPO_RATIO:
            return ratio
    return 0.0


@dataclass(frozen=True, slots=True)
class _Form:
    outlet: Outlet
    tokens: tuple[str, ...]


@lru_cache(maxsize=1)
def _forms() -> tuple[_Form, ...]:
    forms: list[_Form] = []
    for outlet in outlets():
        seen: set[tuple[str, ...]] = set()
        for form in (outlet.name, *outlet.aliases):
            tokens = _tokens(form)
            if tokens and tokens not in seen:
                seen.add(tokens)
                forms.append(_Form(outlet, tokens))
    return tuple(forms)


@lru_cache(maxsize=1)
def _document_frequency() -> dict[str, int]:
    words: dict[str, set[str]] = defaultdict(set)  # word -> ids of the outlets using it
    for form in _forms():
        for word in form.tokens:
            words[word].add(form.outlet.id)
    return {word: len(ids) for word, ids in words.items()}


@lru_cache(maxsize=4096)
def _weight(word: str) -> float:
    """Inverse document frequency over the registry: "agency" weighs little, "korea" much."""
    frequency = _document_frequency()
    count = frequency.get(word) or max(
        (n for w, n in frequency.items() if _stem_equal(word, w)), default=0
    )
    weight = math.log((len(outlets()) + 1) / (count + 1)) + 1.0
    return weight * _COUNTRY_WORD_FACTOR if _word_countries(word) else weight


@lru_cache(maxsize=1)
def _country_words() -> dict[str, frozenset[str]]:
    """Folded country names and demonyms (one word or several) with the countries they name."""
    table: dict[str, set[str]] = defaultdict(set)
    for record in _iso_countries():
        for field in ("name", "common_name"):
            if field in record and "," not in record[field]:
                table[normalize_outlet_name(record[field])].add(record["alpha_2"])
    data = gazetteer.project_data()
    for demonym, code in data["demonyms"].items():
        table[normalize_outlet_name(demonym)].add(code)
    for alias in data["aliases"]:
        codes = alias.get("countries") or ([alias["country"]] if alias["kind"] == "country" else [])
        for name in alias["names"]:
            table[normalize_outlet_name(name)].update(codes)
    return {key: frozenset(codes) for key, codes in table.items() if codes}


@lru_cache(maxsize=4096)
def _word_countries(word: str) -> frozenset[str]:
    table = _country_words()
    if word in table:
        return table[word]
    found = [codes for key, codes in table.items() if " " not in key and _stem_equal(word, key)]
    return frozenset().union(*found) if found else frozenset()


def _country_hint(tokens: tuple[str, ...]) -> frozenset[str]:
    """The countries a name names ("of Korea" -> KP, KR; "North Korean" -> KP)."""
    table = _country_words()
    for size in (3, 2):
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[i : i + size])
            if phrase in table:
                return table[phrase]
    hint: set[str] = set()
    for token in tokens:
        hint.update(_word_countries(token))
    return frozenset(hint)


def _similarity(query: tuple[str, ...], form: tuple[str, ...]) -> float:
    """Weighted soft token-set similarity (a Dice coefficient over IDF-weighted words).

    Word order is ignored ("Central Telegraph Agency of Korea" ~ "Korean Central News
    Agency"); each word of the query is paired with at most one word of the form, best first.
    """
    pairs = sorted(
        ((_word_similarity(q, f), i, j) for i, q in enumerate(query) for j, f in enumerate(form)),
        reverse=True,
    )
    used_q: set[int] = set()
    used_f: set[int] = set()
    matched = 0.0
    for similarity, i, j in pairs:
        if similarity <= 0.0:
            break
        if i in used_q or j in used_f:
            continue
        used_q.add(i)
        used_f.add(j)
        matched += similarity * (_weight(query[i]) + _weight(form[j]))
    total = sum(_weight(w) for w in query) + sum(_weight(w) for w in form)
    return matched / total if total else 0.0


def looks_like_outlet_name(name: str) -> bool:
    """Whether a name has an outlet word ("agency", "news", "times", "radio", ...)."""
    return any(word in OUTLET_WORDS for word in normalize_outlet_name(name).split())


def _acronym_bonus(acronym: str | None, outlet: Outlet) -> float:
    if not acronym:
        return 0.0
    letters = "".join(ch for ch in acronym.upper() if ch.isalpha())
    known = ["".join(ch for ch in a.upper() if ch.isalpha()) for a in outlet.acronyms]
    if letters in known:
        return _ACRONYM_BONUS
    if any(sorted(letters) == sorted(k) for k in known):
        return _ACRONYM_BONUS / 2  # same letters, another order: KCNA given as "CNAK"
    return 0.0


def nearest_outlet(name: str, acronym: str | None = None) -> tuple[Outlet, float] | None:
    """The known outlet closest to a name that is not (or not exactly) in the registry.

    A known name gives its outlet with score 1.0. Otherwise names and aliases are compared
    word by word, in any order, with partial credit for stems (Korea ~ Korean), agency
    service words (Telegraph ~ News) and typos (Kyoto ~ Kyodo), rarer words weighing more;
    a country named in ``name`` that differs from the outlet's costs a quarter of the score,
    and an ``acronym`` given with the name that matches the outlet's adds a little. A score
    under ``NEAR_MISS_THRESHOLD`` (or, for a name without any outlet word, under
    ``NEAR_MISS_THRESHOLD_WITHOUT_OUTLET_WORD``) gives None.

    Args:
        name: The outlet name as the article gives it.
        acronym: The acronym the article gives with it, if any ("TAK").

    Returns:
        The nearest outlet and a score in (0, 1], or None when nothing is near enough or
        the name is shared by several known outlets.

    Example:
        >>> outlet, score = nearest_outlet("Central Telegraph Agency of Korea", "TAK")
        >>> outlet.id
        'kcna'
        >>> nearest_outlet("Ministry of Trade") is None
        True
    """
    found = lookup_outlets(name)
    if found:
        return (found[0], 1.0) if len(found) == 1 else None
    query = _tokens(name)
    if not query:
        return None
    threshold = (
        NEAR_MISS_THRESHOLD
        if looks_like_outlet_name(name)
        else NEAR_MISS_THRESHOLD_WITHOUT_OUTLET_WORD
    )
    hint = _country_hint(query)
    best: tuple[Outlet, float] | None = None
    for form in _candidates(query):
        score = _similarity(query, form.tokens)
        if hint:
            in_hint = form.outlet.country in hint
            score = score + _COUNTRY_MATCH_BONUS if in_hint else score * _COUNTRY_MISMATCH_FACTOR
        score = min(score + _acronym_bonus(acronym, form.outlet), 0.99)
        if best is None or score > best[1]:
            best = (form.outlet, score)
    if best is None or best[1] < threshold:
        return None
    return best[0], round(best[1], 3)


def _candidates(query: Iterable[str]) -> list[_Form]:
    """Forms sharing at least one similar word with the query (the rest would score 0)."""
    index = _word_index()
    similar = {w for q in set(query) for w in index if _word_similarity(q, w) > 0.0}
    positions = sorted({p for word in similar for p in index[word]})  # registry order breaks ties
    return [_forms()[p] for p in positions]


@lru_cache(maxsize=1)
def _word_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = defaultdict(list)
    for position, form in enumerate(_forms()):
        for word in set(form.tokens):
            index[word].append(position)
    return {word: tuple(positions) for word, positions in index.items()}
