"""Attributions: who says what, through which cue, on which channel.

Direct quotes come from paired quote marks (``quotes.py``) and the reporting verb that governs
them; indirect speech, "according to" and reporting nouns come from the dependency parse
(``cues.py``). A learned cue detector (``cue_model.py``, trained on PolNeAR) then confirms
the rules' cues, stretches them to their full extent ("has said") and adds the cues that are
not speech verbs ("called for", "shows", "wants", a headline's colon), whose source and content
come from ``cue_frames.py``. Sources are then resolved in reading order, so that "he stated"
can take the person named before it, and typed (``sources.py``).

Example:
    >>> from claimscope import analyze
    >>> analysis = analyze("“The bridge is safe,” Mayor Ilse Varn said.")  # doctest: +SKIP
    >>> [(a.kind, a.cue.text, a.source.text) for a in analysis.attributions]  # doctest: +SKIP
    [('direct', 'said', 'Mayor Ilse Varn')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimscope.extract import lexicon as lx
from claimscope.extract.common import SentenceIndex, make_span
from claimscope.extract.cue_model import CueModel, load_cue_model
from claimscope.extract.cues import (
    RawAttribution,
    according_to_attribution,
    channel_of,
    cue_matcher,
    is_finite_clause,
    issuer_of,
    light_verb_attribution,
    noun_attribution,
    subject_of,
    verb_attribution,
)
from claimscope.extract.learned_cues import with_learned_cues
from claimscope.extract.quotes import Quote, QuoteIndex, stands_alone
from claimscope.extract.sources import (
    EntityLinker,
    classify_source,
    described_bounds,
    is_pronoun,
    phrase_bounds,
)
from claimscope.schema import Attribution, Entity, SourceType, Span

_SINGULAR_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
#: Sources that cannot be the speaker of a floating quote: a document is quoted by name ("the
#: report said"), never by a quote that follows it on its own.
_NOT_SPEAKERS = frozenset({"document", "author"})


@dataclass(frozen=True)
class _Source:
    head: Any
    span: Span | None
    entity: Entity | None
    source_type: SourceType


def _token_span(doc: Any, text: str, first: int, last: int) -> Span:
    """``span_of_tokens`` with the text passed in: ``doc.text`` is rebuilt on every access.

    The bounds come from parse-tree walks that can meet in the wrong order on odd parses, so
    they are put in order here rather than trusted (a reversed span is a crash, not a record).
    """
    first, last = min(first, last), max(first, last)
    return make_span(text, doc[first].idx, doc[last].idx + len(doc[last]))


def _is_cue_verb(token: Any) -> bool:
    return bool(token.pos_ == "VERB" and token.lemma_.lower() in lx.REPORTING_VERBS)


def _quote_cue(doc: Any, first: int, last: int, quoted: set[int]) -> Any:
    """The reporting verb that governs the quote ``doc[first:last + 1]``, or None."""

    def usable(token: Any) -> bool:
        return (
            token.i not in quoted
            and _is_cue_verb(token)
            and token.lemma_.lower() not in lx.NOT_QUOTE_CUES
        )

    # 1. The quote's own clause hangs from the verb: "‘...,’ she said" (ccomp of said), at
    # most one mis-parsed word away ("‘...,’ harbour chief X said" with "harbour" as a verb).
    for token in doc[first : last + 1]:
        head = token.head
        if first <= head.i <= last:
            continue
        for _ in range(2):
            if usable(head):
                return head
            head = head.head
    sentences = {doc[first].sent.start, doc[last].sent.start}
    window = [t for s in sentences for t in doc[s].sent]
    # 2. The cue hangs from the quote: "‘We won,’ she said, ‘and ...’" (parataxis).
    for token in window:
        if usable(token) and first <= token.head.i <= last:
            return token
    # 3. A reporting verb of the same sentence with a subject and no clause of its own.
    candidates = [
        t
        for t in window
        if usable(t)
        and subject_of(t) is not None
        and not any(c.dep_ == "ccomp" and c.i not in quoted for c in t.children)
    ]
    if candidates:
        return min(candidates, key=lambda t: min(abs(t.i - first), abs(t.i - last)))
    return None


def _end_of_sentence(doc: Any, raw: RawAttribution) -> int:
    return int(max(doc[raw.content[1]].sent.end, doc[raw.cue[1]].sent.end))


def _embedded_in_report(cue: Any, first: int) -> bool:
    """Whether the quote starting at token ``first`` lies inside a reported clause of ``cue``
    that begins with words of its own, before the quote marks, after the cue."""
    for child in cue.children:
        if child.dep_ == "ccomp" and cue.i < child.left_edge.i and child.left_edge.i < first - 1:
            return bool(child.right_edge.i >= first)
    return False


def _direct_quotes(doc: Any, quotes: QuoteIndex) -> list[RawAttribution]:
    found: list[RawAttribution] = []
    text = doc.text
    previous_quote: Quote | None = None  # the quote of ``found[-1]``
    for quote, (first, last) in zip(quotes.quotes, quotes.ranges, strict=True):
        # News convention: a quote that runs over paragraphs leaves each paragraph but the last
        # unclosed and opens the next one with a new mark; that paragraph goes on with the
        # same quote, whether or not it is a sentence of its own.
        continues = (
            previous_quote is not None
            and previous_quote.runs_on
            and not text[previous_quote.close : quote.open].strip()
        )
        if first > last or not (continues or is_finite_clause(doc[first : last + 1])):
            continue  # a quoted phrase ("‘heroic liberation’"), not a quoted sentence
        cue = _quote_cue(doc, first, last, quotes.quoted)
        if cue is not None and _embedded_in_report(cue, first):
            # "He said that parliament would see the text ‘before anything is signed.’": the
            # quote ends a reported clause, so the clause is one mixed attribution, found with
            # the reporting verb; the quote is not a separate direct one.
            continue
        if cue is not None:
            found.append(
                RawAttribution(
                    "direct",
                    (cue.i, cue.i),
                    subject_of(cue),
                    (first, last),
                    channel=channel_of(cue),
                    content_chars=(quote.start, quote.end),
                )
            )
            previous_quote = quote
            continue
        # A quote with no cue of its own continues the quote just before it in the paragraph:
        # "‘...,’ the correspondent noted. ‘...’"
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.content_chars is not None
            and (
                continues
                or (
                    "\n" not in text[previous.content_chars[1] : quote.open]
                    and doc[first].sent.start - _end_of_sentence(doc, previous) <= 1
                )
            )
        ):
            found.append(
                RawAttribution(
                    "direct",
                    previous.cue,
                    previous.source,
                    (first, last),
                    content_chars=(quote.start, quote.end),
                    inherits=previous.inherits or previous,
                )
            )
            previous_quote = quote
    return found


def _content_chars(doc: Any, raw: RawAttribution) -> tuple[int, int]:
    if raw.content_chars is not None:
        return raw.content_chars
    first, last = raw.content
    return int(doc[first].idx), int(doc[last].idx + len(doc[last]))


#: A stop (with any marks or brackets after it) followed by more text: a sentence boundary.
_SENTENCE_BREAK = re.compile("[.!?\u2026][\"'\u2019\u201d\u00bb)\\]]*\\s")


def _floating_quotes(
    doc: Any, quotes: QuoteIndex, found: list[RawAttribution]
) -> tuple[list[RawAttribution], set[int]]:
    """``found`` plus a direct attribution for each floating quote, and the ids of those.

    A floating quote is a quoted sentence with no cue of its own, standing alone right after a
    sentence that attributes something to someone: "Union secretary Tomas Brell rejected the
    offer. ‘Nobody asked the men who do the work.’" News writing (and PolNeAR, and checkers)
    take it as that speaker's words, so it inherits the cue, source and channel of the
    attribution it follows, in the same paragraph or at the start of the next. Whether that
    source can speak (a person or a named body, not a document) is known only once sources
    are resolved, so the caller checks it for the attributions whose ids are returned.
    """
    text = doc.text
    spans = [(_content_chars(doc, raw), raw) for raw in found]
    taken = [chars for chars, _ in spans]
    added: list[RawAttribution] = []
    for quote, (first, last) in zip(quotes.quotes, quotes.ranges, strict=True):
        if first > last or any(s < quote.end and quote.start < e for s, e in taken):
            continue  # already the content of an attribution, or part of one
        if not (quote.runs_on or is_finite_clause(doc[first : last + 1])):
            continue
        if not stands_alone(text, quote):
            continue
        before = [
            (max(end, doc[raw.cue[1]].idx + len(doc[raw.cue[1]])), raw)
            for (_, end), raw in spans
            if end <= quote.open and raw.cue[1] < first
        ]
        if not before:
            continue
        end, previous = max(before, key=lambda item: (item[0], item[1].cue[0]))
        # Directly after the attribution's sentence: no other sentence lies in between.
        between = text[end : quote.open].rstrip().rstrip("\"'\u2019\u201d\u00bb)]")
        if "\n" in between or _SENTENCE_BREAK.search(between):
            continue
        raw = RawAttribution(
            "direct",
            previous.cue,
            previous.source,
            (first, last),
            channel=previous.channel,
            content_chars=(quote.start, quote.end),
            inherits=previous.inherits or previous,
        )
        added.append(raw)
        spans.append(((quote.start, quote.end), raw))
        taken.append((quote.start, quote.end))
    if not added:
        return found, set()
    merged = sorted([*found, *added], key=lambda r: _content_chars(doc, r)[0])
    return merged, {id(raw) for raw in added}


def _by_reporting_noun(raw: RawAttribution) -> RawAttribution:
    """ "His statement emphasized ...": the issuer is the source, the statement the channel."""
    source = raw.source
    if source is None or source.lemma_.lower() not in lx.REPORTING_NOUNS:
        return raw
    raw.kind = "reporting_noun"
    issuer = issuer_of(source)
    if issuer is not None:
        raw.channel = phrase_bounds(source, with_preps=False)
        raw.source = issuer
    return raw


def rule_attributions(doc: Any, quotes: QuoteIndex) -> list[RawAttribution]:
    """The attributions the rules find: quotes with their verbs, reporting verbs and nouns,
    "according to" (in reading order of their content)."""
    found = _direct_quotes(doc, quotes)
    used = {raw.cue[0] for raw in found}
    for match_id, start, end in cue_matcher(doc.vocab)(doc):
        label = doc.vocab.strings[match_id]
        token = doc[start]
        if token.i in used or token.i in quotes.quoted:
            continue
        raw: RawAttribution | None
        if label == "VERB":
            raw = verb_attribution(token)
        elif label == "LIGHT":
            raw = light_verb_attribution(token, doc[end - 1])
        elif label == "ACCORDING":
            raw = according_to_attribution(token)
        else:
            raw = noun_attribution(token)
        if raw is None:
            continue
        used.add(token.i)
        if label != "ACCORDING":
            raw = _by_reporting_noun(raw)
        if raw.channel is None and label in ("VERB", "LIGHT"):
            raw.channel = channel_of(token)
        if raw.kind == "according_to" and raw.source is not None:
            issuer = issuer_of(raw.source)
            if issuer is not None and raw.source.lemma_.lower() in lx.REPORTING_NOUNS:
                raw.channel = phrase_bounds(raw.source, with_preps=False)
                raw.source = issuer
        first, last = raw.content
        if raw.kind == "indirect" and quotes.any_within(
            doc[first].idx, doc[last].idx + len(doc[last])
        ):
            raw.kind = "mixed"  # reported speech that quotes some of its words
        found.append(raw)
    found.sort(key=lambda r: (r.content_chars or (doc[r.content[0]].idx,))[0])
    return found


def _is_anaphoric_account(head: Any) -> bool:
    """ "These accounts", "such claims", "their testimony": words that point back at a source."""
    if head.lemma_.lower() not in lx.ACCOUNT_NOUNS:
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in lx.ANAPHORIC_DETS - {"the"})
        or (c.dep_ == "poss" and c.lower_ in lx.ANAPHORIC_POSSESSIVES)
        for c in head.children
    )


class _SourceResolver:
    """Resolves source phrases in reading order, remembering the sources seen so far."""

    def __init__(self, doc: Any, entities: list[Entity]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.linker = EntityLinker(entities)
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self.seen: list[_Source] = []

    def resolve(self, head: Any, cue: tuple[int, int]) -> _Source:
        """The source whose phrase is headed by ``head`` (None: nobody is named).

        Args:
            head: the head token of the source phrase, or None.
            cue: the cue's token range, which the source phrase never takes in.
        """
        if head is None:
            return _Source(None, None, None, "anonymous")
        doc = self.doc
        bounds = (head.i, head.i) if is_pronoun(head) else phrase_bounds(head)
        name = _token_span(doc, self.text, *bounds)
        span = _token_span(doc, self.text, *described_bounds(head, bounds, avoid=cue))
        entity = self.linker.naming(head, name.start, name.end)
        referent_type: SourceType | None = None
        if is_pronoun(head) and entity is None:
            entity, referent_type = self._antecedent(head)
        elif entity is None and any(c.lower_ == "the" for c in head.children):
            # "the mayor", "the general": the entity that carries that title.
            modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
            entity = self.linker.by_title(
                {head.lower_, *modifiers}, name.start
            ) or self.linker.by_title({head.lemma_.lower(), *modifiers}, name.start)
        source_type = classify_source(doc, head, bounds, entity=entity, referent_type=referent_type)
        if entity is None and self.seen and _is_anaphoric_account(head):
            # "These accounts show ...": the accounts are those of the source cited before.
            entity, source_type = self.seen[-1].entity, self.seen[-1].source_type
        source = _Source(head, span, entity, source_type)
        self.seen.append(source)
        return source

    def _antecedent(self, pronoun: Any) -> tuple[Entity | None, SourceType | None]:
        if pronoun.lower_ in _SINGULAR_PRONOUNS:
            entity = self.linker.preceding(pronoun.idx, types=frozenset({"PERSON"}))
            if entity is not None:
                return entity, None
            before = [p for p in self.persons if p.end_char <= pronoun.idx]
            if not before:
                return None, None
            person = before[-1]
            # A source already typed for this person ("Gerasimov praised ...") says who it is.
            for seen in reversed(self.seen):
                if seen.span is not None and seen.span.start <= person.start_char < seen.span.end:
                    return seen.entity, seen.source_type
            root = person.root
            return None, classify_source(self.doc, root, phrase_bounds(root))
        for seen in reversed(self.seen):
            if seen.head is not None and seen.head.tag_ == "NNS":
                return seen.entity, seen.source_type
        return None, None


def extract_attributions(
    doc: Any, entities: list[Entity], *, cue_model: CueModel | bool | None = True
) -> list[Attribution]:
    """Attributions in ``doc`` (ids ``A1``, ``A2``, ...), sources linked to ``entities``.

    Args:
        doc: the parsed article.
        entities: entity clusters from ``extract_entities``; may be empty, and then sources
            are typed from the parse alone and ``source_entity`` stays None.
        cue_model: the learned cue detector: True for the packaged one (rules alone when it is
            not installed), False or None for the rules alone, or a ``CueModel``.
    """
    text = doc.text
    model = cue_model if isinstance(cue_model, CueModel) else None
    if cue_model is True:
        model = load_cue_model()
    quotes = QuoteIndex(doc)
    sentences = SentenceIndex(doc)
    resolver = _SourceResolver(doc, entities)
    resolved: dict[int, _Source] = {}
    records: list[Attribution] = []
    seen_keys: set[tuple[int, int, int]] = set()
    found = rule_attributions(doc, quotes)
    if model is not None:
        found = with_learned_cues(doc, quotes, found, model)
    found, floating = _floating_quotes(doc, quotes, found)
    for raw in found:
        bounds = [raw.cue] + ([raw.content] if raw.content_chars is None else [])
        if any(b[0] > b[1] for b in bounds):
            # A parse-tree walk met itself coming back (odd parses of odd sentences): there is
            # no well-formed cue or content to report, so there is no attribution here.
            continue
        if id(raw) in floating:
            inherited = resolved.get(id(raw.inherits))
            if (
                inherited is None
                or inherited.span is None
                or inherited.source_type in _NOT_SPEAKERS
                or (
                    raw.inherits is not None
                    and raw.inherits.kind == "according_to"
                    and inherited.source_type in ("media", "state_media")
                )
            ):
                continue  # the sentence before names nobody who could say it
            source = inherited
        elif raw.inherits is not None and id(raw.inherits) in resolved:
            source = resolved[id(raw.inherits)]
        else:
            source = resolver.resolve(raw.source, raw.cue)
        resolved[id(raw)] = source
        if raw.content_chars is not None:
            content = make_span(text, *raw.content_chars)
        else:
            content = quotes.close_over(_token_span(doc, text, *raw.content), text)
        if not content.text.strip() or not any(ch.isalnum() for ch in content.text):
            continue
        cue = _token_span(doc, text, *raw.cue)
        key = (cue.start, content.start, content.end)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        sentence = sentences.of(content.start if raw.inherits is not None else cue.start)
        records.append(
            Attribution(
                id=f"A{len(records) + 1}",
                kind=raw.kind,
                cue=cue,
                source=source.span,
                source_entity=source.entity.id if source.entity is not None else None,
                source_type=source.source_type,
                channel=_token_span(doc, text, *raw.channel) if raw.channel else None,
                content=content,
                sentence=sentence,
            )
        )
    return records
