"""Attributions: who says what, through which cue, on which channel.

Direct quotes come from paired quote marks (``quotes.py``) and the reporting verb that governs
them, with their continuations and floating quotes (``direct_quotes.py``); indirect speech,
"according to" and reporting nouns come from the dependency parse (``cues.py``). A learned
cue detector (``cue_model.py``, trained on PolNeAR) then confirms the rules' cues, stretches
them to their full extent ("has said") and adds the cues that are not speech verbs ("called
for", "shows", "wants", a headline's colon), whose source and content come from
``cue_frames.py``. Two learned choosers, also trained on PolNeAR, then pick each cue's content
among the spans the parse offers (``content_choice.py``) and its source among the phrases
around it, or nobody (``source_choice.py``). Sources are then resolved in reading order, so
that "he stated" can take the person named before it, and typed (``sources.py``).

Example:
    >>> from claimscope import analyze
    >>> analysis = analyze("“The bridge is safe,” Mayor Ilse Varn said.")  # doctest: +SKIP
    >>> [(a.kind, a.cue.text, a.source.text) for a in analysis.attributions]  # doctest: +SKIP
    [('direct', 'said', 'Mayor Ilse Varn')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from claimscope.extract import lexicon as lx
from claimscope.extract.colon_cues import colon_attributions
from claimscope.extract.common import SentenceIndex, make_span, span_of_tokens
from claimscope.extract.content_choice import ContentModel, load_content_model
from claimscope.extract.cue_extent import cue_between, cue_with_cause
from claimscope.extract.cue_model import CueModel, TokenVectors, load_cue_model
from claimscope.extract.cues import (
    RawAttribution,
    according_to_attribution,
    causes_talk,
    channel_of,
    cue_matcher,
    depiction_attribution,
    issuer_of,
    light_verb_attribution,
    noun_attribution,
    verb_attribution,
)
from claimscope.extract.direct_quotes import direct_quotes, floating_quotes
from claimscope.extract.evidence_cues import evidence_attributions
from claimscope.extract.learned_cues import with_learned_cues
from claimscope.extract.quotes import QuoteIndex
from claimscope.extract.source_choice import (
    SourceContext,
    SourceModel,
    load_source_model,
    run_root,
    source_runs,
)
from claimscope.extract.sources import (
    EntityLinker,
    classify_source,
    described_bounds,
    is_pronoun,
    name_bounds,
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


def _by_reporting_noun(raw: RawAttribution) -> RawAttribution:
    """ "His statement emphasized ...": the issuer is the source, the statement the channel."""
    source = raw.source
    if source is None or source.lemma_.lower() not in lx.REPORTING_NOUNS:
        return raw
    raw.kind = "reporting_noun"
    issuer = issuer_of(source)
    if issuer is not None and not raw.cue[0] <= issuer.i <= raw.cue[1]:
        raw.channel = phrase_bounds(source, with_preps=False)
        raw.source = issuer
    return raw


def rule_attributions(doc: Any, quotes: QuoteIndex) -> list[RawAttribution]:
    """The attributions the rules find: quotes with their verbs, reporting verbs and nouns,
    "according to" (in reading order of their content)."""
    found = direct_quotes(doc, quotes)
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
        elif label == "DEPICT":
            raw = depiction_attribution(token, doc[end - 1])
        elif label == "ACCORDING":
            raw = according_to_attribution(token)
        else:
            raw = noun_attribution(token)
        if raw is None:
            continue
        used.add(token.i)
        if label != "ACCORDING":
            raw = _by_reporting_noun(raw)
        if raw.channel is None and label in ("VERB", "LIGHT", "DEPICT"):
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
    found.extend(colon_attributions(doc, quotes, used))
    found.extend(evidence_attributions(doc, used))
    found.sort(key=lambda r: (r.content_chars or (doc[r.content[0]].idx,))[0])
    return found


def with_sure(
    doc: Any, kept: list[RawAttribution], sure: list[RawAttribution]
) -> list[RawAttribution]:
    """``kept`` plus the ``sure`` rule attributions the cue model left out (when no kept
    attribution took their cue), in reading order of their content."""
    kept_ids = {id(raw) for raw in kept}
    taken = {i for raw in kept for i in range(raw.cue[0], raw.cue[1] + 1)}
    missing = [
        raw
        for raw in sure
        if id(raw) not in kept_ids and not taken.intersection(range(raw.cue[0], raw.cue[1] + 1))
    ]
    if not missing:
        return kept
    merged = kept + missing
    merged.sort(key=lambda r: (r.content_chars or (doc[r.content[0]].idx,))[0])
    return merged


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
        self.linker = EntityLinker(entities, self.text)
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self.seen: list[_Source] = []

    def resolve(
        self,
        head: Any,
        cue: tuple[int, int],
        *,
        last: int | None = None,
        exact: tuple[int, int] | None = None,
    ) -> _Source:
        """The source whose phrase is headed by ``head`` (None: nobody is named).

        Args:
            head: the head token of the source phrase, or None.
            cue: the cue's token range, which the source phrase never takes in.
            last: the last token of a description of the source that the parse tree does
                not hold (``RawAttribution.source_last``).
            exact: the phrase's token range when the rule knows it (``source_range``).
        """
        if head is None:
            return _Source(None, None, None, "anonymous")
        doc = self.doc
        phrase = source_phrase(head, cue, last=last, exact=exact)
        head, bounds = phrase.head, phrase.name
        name = span_of_tokens(doc, *bounds, text=self.text)
        span = span_of_tokens(doc, *phrase.reported, text=self.text)
        description = phrase.description
        entity = self.linker.naming(head, name.start, name.end)
        referent_type: SourceType | None = None
        if is_pronoun(head) and entity is None:
            entity, referent_type = self._antecedent(head)
        elif entity is None and any(c.lower_ == "the" for c in head.children):
            # "the mayor", "the general": the entity that carries that title.
            modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
            entity = self.linker.by_title(
                head.lower_, modifiers, name.start
            ) or self.linker.by_title(head.lemma_.lower(), modifiers, name.start)
        source_type = classify_source(
            doc,
            head,
            bounds,
            entity=entity,
            referent_type=referent_type,
            description=description,
        )
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


@dataclass(frozen=True)
class SourcePhrase:
    """How a source headed by a token is reported (``source_phrase``).

    Attributes:
        head: the token that names the source (a relative pronoun's noun for the pronoun).
        name: the token range of its name, without the descriptions after it.
        reported: the token range reported as the source.
        description: words of a description the parse tree does not hold, lower-cased.
    """

    head: Any
    name: tuple[int, int]
    reported: tuple[int, int]
    description: str


def source_phrase(
    head: Any,
    cue: tuple[int, int],
    *,
    last: int | None = None,
    exact: tuple[int, int] | None = None,
) -> SourcePhrase:
    """The phrase reported for the source headed by ``head`` of the cue ``cue`` (the
    resolver's and the source chooser's trainer's one view of it); ``last`` and ``exact`` as
    for ``_SourceResolver.resolve``."""
    doc = head.doc
    if head.dep_ == "nsubj" and head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        # "Mayor Varn, who said ...", with "who" chosen as the speaker: it stands for the noun
        # its clause describes, which names and types it (and "who" is reported).
        head = head.head.head
    bounds = exact if exact is not None else name_bounds(head, cue)
    first, described_last = bounds if exact else described_bounds(head, bounds, avoid=cue)
    description = ""
    if last is not None and last > described_last:
        description = doc[described_last + 1 : last + 1].text.lower()
        described_last = last
    bounds = _closed(doc, bounds)
    reported = _closed(doc, (first, described_last))
    relative = _relative_subject(head, cue)
    if relative is not None:
        # "the senator, who said ...": the clause names its speaker with "who", as written;
        # the noun it stands for gives the entity and the type, as for "he".
        reported = (relative.i, relative.i)
    return SourcePhrase(head, bounds, reported, description)


def _closed(doc: Any, bounds: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` with the closing bracket right after them when they open one and do not
    close it: the parse hangs the ")" of "the Port Authority (PCA)" outside the phrase."""
    first, last = bounds
    tokens = doc[first : last + 1]
    opened = sum(t.text == "(" for t in tokens) - sum(t.text == ")" for t in tokens)
    if opened > 0 and last + 1 < len(doc) and doc[last + 1].text == ")":
        return first, last + 1
    return bounds


def _relative_subject(head: Any, cue: tuple[int, int]) -> Any:
    """The relative pronoun ("who", "which", "that") that is the subject of the relative
    clause on ``head`` holding the cue, or None."""
    for clause in head.children:
        if clause.dep_ != "relcl" or not clause.left_edge.i <= cue[0] <= clause.right_edge.i:
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WP", "WDT"):
                return child
    return None


def raw_attributions(
    doc: Any,
    quotes: QuoteIndex,
    model: CueModel | None,
    vectors: TokenVectors | None = None,
) -> tuple[list[RawAttribution], set[int]]:
    """The attributions on the parse before their sources are resolved, and the floating ones.

    The rules' attributions, confirmed and extended by the cue model when there is one, plus
    one for each floating quote (their ids are the returned set; see ``floating_quotes``).
    ``vectors`` are the signal encoder's token vectors, for the cue model's encoder stage.
    """
    found = rule_attributions(doc, quotes)
    if model is not None:
        sure = [raw for raw in found if raw.sure]
        found = with_sure(doc, with_learned_cues(doc, quotes, found, model, vectors), sure)
    return floating_quotes(doc, quotes, found)


#: How sure the head must be of the run's root. On the held-out PolNeAR train articles 0.8
#: and 0.5 gave the same source F1 (0.7754, 0.7749; 0.7713 without head sources), 0.8 at the
#: higher precision (0.785 against 0.777): a speaker made up is worse for a checker than one
#: left out. (With the exclusions below, which fictional examples called for: 0.7753 at
#: precision 0.786.)
_SOURCE_ROOT_MIN = 0.8
#: Parts of speech a source marked by the head may have at its root.
_SOURCE_ROOT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _content_tokens(doc: Any, raw: RawAttribution) -> set[int]:
    """The tokens of ``raw``'s content."""
    if raw.content_chars is None:
        return set(range(raw.content[0], raw.content[1] + 1))
    start, end = raw.content_chars
    return {token.i for token in doc if start <= token.idx < end}


def claimed_tokens(doc: Any, raw: RawAttribution) -> set[int]:
    """The tokens of ``raw``'s cue, content and source."""
    claimed = set(range(raw.cue[0], raw.cue[1] + 1)) | _content_tokens(doc, raw)
    if raw.source is not None:
        claimed.update(range(raw.source.left_edge.i, raw.source.right_edge.i + 1))
    return claimed


def _others(claimed: list[set[int]], n: int) -> set[int]:
    """The tokens every attribution but the ``n``-th claims (``claimed_tokens`` of each)."""
    return set().union(*(c for k, c in enumerate(claimed) if k != n))


def choose_contents(
    doc: Any,
    found: list[RawAttribution],
    floating: set[int],
    chooser: ContentModel,
    vectors: TokenVectors | None,
) -> None:
    """Let the content chooser pick the content of every attribution of ``found`` whose
    content is not fixed: quotations keep their marks' extent and floating quotes their own
    sentence."""
    for raw in found:
        if raw.content_chars is None and raw.inherits is None and id(raw) not in floating:
            raw.content = chooser.choose(doc, raw, vectors)


def source_context(
    doc: Any, raw: RawAttribution, others: set[int], quoted: frozenset[int]
) -> SourceContext:
    """The source chooser's view of ``raw``: its own content and the tokens ``others`` claim
    (both without its cue), and the quoted tokens."""
    cue = set(range(raw.cue[0], raw.cue[1] + 1))
    own = frozenset(_content_tokens(doc, raw) - cue)
    return SourceContext(None, own, frozenset(others - cue), quoted)


def choose_sources(
    doc: Any,
    found: list[RawAttribution],
    floating: set[int],
    chooser: SourceModel,
    quotes: QuoteIndex,
    vectors: TokenVectors | None,
) -> None:
    """Let the source chooser name the source of every attribution of ``found`` that does
    not take its source from another (floating quotes and continuations). Each sees the
    others as the rules left them, as the chooser did in training."""
    claimed = [claimed_tokens(doc, raw) for raw in found]
    quoted = frozenset(quotes.quoted)
    for n, raw in enumerate(found):
        if raw.inherits is not None or id(raw) in floating:
            continue
        chosen = chooser.choose(
            doc, raw, source_context(doc, raw, _others(claimed, n), quoted), vectors
        )
        if (chosen is None) != (raw.source is None) or (
            chosen is not None and chosen.i != raw.source.i
        ):
            # The rule's exact range and description belong to the rule's own source.
            raw.source, raw.source_last, raw.source_range = chosen, None, None


def head_source(
    doc: Any, raw: RawAttribution, marks: np.ndarray, taken: set[int] | None = None
) -> Any:
    """For a cue the rules gave no source: the root of the run of tokens in its sentence that
    the signal model's role head marks as source (probability at least 0.5), outside the cue
    and the content and outside any other attribution's cue, content or source (``taken``);
    the run with the highest total wins. None when no run is marked; when its root is not a
    noun, pronoun or number, or is marked below ``_SOURCE_ROOT_MIN``; when the root is the
    subject of a passive cue; and for the talk of a cause (``cues.causes_talk``).

    The rules find a speaker where the parse says who acts; the head, trained on PolNeAR's
    sources, also reads the subject of a participle cue ("..., telling reporters"), a
    speaker named before a clause the parse hangs elsewhere, or a relative pronoun.
    """
    if any(causes_talk(doc[i]) for i in range(raw.cue[0], raw.cue[1] + 1)):
        # "has sparked speculation": the rules left the cause's talk without a speaker.
        return None
    excluded = claimed_tokens(doc, raw) | (taken or set())
    runs = source_runs(doc[raw.cue[0]].sent, marks, excluded)
    if not runs:
        return None
    root = run_root(doc, max(runs, key=lambda run: float(marks[run].sum())))
    if root is None or root.pos_ not in _SOURCE_ROOT_POS or marks[root.i] < _SOURCE_ROOT_MIN:
        return None
    if root.dep_ == "nsubjpass" and raw.cue[0] <= root.head.i <= raw.cue[1]:
        # "X is expected to visit": the passive's subject is what the talk is about.
        return None
    return root


def _widened_cue(
    doc: Any, cue: tuple[int, int], source: Span | None, content: Span
) -> tuple[int, int]:
    """``cue`` widened to PolNeAR's extent ("has repeatedly said", ``cue_extent.py``), read
    between the resolved source and content spans; with nobody named, only a cause's verb
    joins it ("has fuelled speculation", ``cue_with_cause``)."""
    if source is None:
        return cue_with_cause(doc, cue)
    source_tokens = doc.char_span(source.start, source.end, alignment_mode="expand")
    content_tokens = doc.char_span(content.start, content.end, alignment_mode="expand")
    if source_tokens is None or content_tokens is None:
        return cue
    return cue_between(doc, cue, source_tokens.end - 1, content_tokens.start)


def extract_attributions(
    doc: Any,
    entities: list[Entity],
    *,
    cue_model: CueModel | bool | None = True,
    content_model: ContentModel | bool | None = True,
    source_model: SourceModel | bool | None = True,
    token_vectors: TokenVectors | None = None,
) -> list[Attribution]:
    """Attributions in ``doc`` (ids ``A1``, ``A2``, ...), sources linked to ``entities``.

    Args:
        doc: the parsed article.
        entities: entity clusters from ``extract_entities``; may be empty, and then sources
            are typed from the parse alone and ``source_entity`` stays None.
        cue_model: the learned cue detector: True for the packaged one (rules alone when it is
            not installed), False or None for the rules alone, or a ``CueModel``.
        content_model: the learned content chooser, in the same way: True for the packaged
            one (each frame rule's own choice when it is not installed), False or None for
            the rules' choices, or a ``ContentModel``. It is used only with a cue model,
            which it was trained beside.
        source_model: the learned source chooser, in the same way (``source_choice.py``):
            without it, the rule's source, or ``head_source`` where the rule names nobody.
        token_vectors: the signal encoder's vector for each token (``Analyzer`` passes them
            when the signals run): the cue model's encoder stage reads them, the content
            chooser the role head's content column and the source chooser (or, without
            one, ``head_source``) its source column.
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
    found, floating = raw_attributions(doc, quotes, model, token_vectors)
    chooser = content_model if isinstance(content_model, ContentModel) else None
    if content_model is True and model is not None:
        chooser = load_content_model()
    if chooser is not None:
        choose_contents(doc, found, floating, chooser, token_vectors)
    source_chooser = source_model if isinstance(source_model, SourceModel) else None
    if source_model is True and model is not None:
        source_chooser = load_source_model()
    source_marks = None if token_vectors is None else token_vectors.source
    if source_chooser is not None:
        choose_sources(doc, found, floating, source_chooser, quotes, token_vectors)
    # Only beside the cue model: a rules-only run stays rules only.
    elif source_marks is not None and model is not None:
        claimed = [claimed_tokens(doc, raw) for raw in found]
        for n, raw in enumerate(found):
            if raw.source is None and raw.inherits is None and id(raw) not in floating:
                raw.source = head_source(doc, raw, source_marks, _others(claimed, n))
                if raw.source is not None:
                    # A source taken here is no later cue's to take.
                    claimed[n] = claimed_tokens(doc, raw)
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
            source = resolver.resolve(
                raw.source, raw.cue, last=raw.source_last, exact=raw.source_range
            )
        resolved[id(raw)] = source
        if raw.content_chars is not None:
            content = make_span(text, *raw.content_chars)
        else:
            content = quotes.close_over(span_of_tokens(doc, *raw.content, text=text), text)
        if not content.text.strip() or not any(ch.isalnum() for ch in content.text):
            continue
        # A lone colon or dash is the whole cue ("Ann Bell: ..."): no trimming it away.
        lone_mark = raw.cue[0] == raw.cue[1] and doc[raw.cue[0]].is_punct
        cue_tokens = raw.cue
        if raw.inherits is None and id(raw) not in floating:
            cue_tokens = _widened_cue(doc, raw.cue, source.span, content)
        cue = span_of_tokens(doc, *cue_tokens, text=text, trim=not lone_mark)
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
                channel=span_of_tokens(doc, *raw.channel, text=text) if raw.channel else None,
                content=content,
                sentence=sentence,
            )
        )
    return records
