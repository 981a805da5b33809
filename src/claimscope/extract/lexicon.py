"""Word lists the attribution, hedge and claim extractors share (written by the project).

Every list holds lower-case lemmas as the English spaCy model produces them ("stated" ->
"state", "officials" -> "official"), so that one lookup covers every inflection.
"""

from __future__ import annotations

#: Reporting verbs that introduce speech with any complement: a clause ("said that ..."), a
#: direct quote, or a noun phrase ("denied the report", "praised the troops").
SPEECH_VERBS = frozenset(
    {
        "acknowledge", "accuse", "admit", "allege", "announce", "argue", "assert", "claim",
        "comment", "concede", "condemn", "confirm", "contend", "contest", "declare", "deny",
        "describe", "dismiss", "dispute", "emphasise", "emphasize", "insist", "praise",
        "proclaim", "reiterate", "reject", "report", "say", "state", "stress", "tell",
        "tweet", "urge", "warn", "write",
    }
)  # fmt: skip

#: Verbs that report speech or thought only with a clause or a quote ("she added that ...",
#: "'...', he noted"); with a plain object they mean something else ("add a dimension").
CLAUSE_VERBS = frozenset(
    {
        "add", "answer", "ask", "believe", "estimate", "explain", "fear", "note", "observe",
        "predict", "recall", "remark", "reply", "respond", "reveal", "say", "suggest",
        "think", "write",
    }
)  # fmt: skip

#: Verbs of characterisation, reporting an opinion when they take an "as" phrase
#: ("analysts view it as a necessity", "the act was described as heroic").
AS_VERBS = frozenset(
    {"characterise", "characterize", "consider", "depict", "describe", "frame", "interpret",
     "portray", "regard", "see", "view"}
)  # fmt: skip

REPORTING_VERBS = SPEECH_VERBS | CLAUSE_VERBS | AS_VERBS

#: Verbs of depiction: with a reporting noun as subject they attribute what they depict to the
#: holder of the accounts ("Eyewitness accounts paint a grim picture", "reports detail ...").
DEPICTION_VERBS = frozenset(
    {"chronicle", "depict", "describe", "detail", "document", "paint", "portray", "recount"}
)  # fmt: skip
#: Objects that make a depiction of "paint": "paint a grim picture", "paint a bleak portrait".
DEPICTION_OBJECTS = frozenset({"image", "picture", "portrait"})

#: Verbs of opinion that report a view only with an "as" phrase; next to a quotation they are
#: never its cue ("parliament would see the text 'before anything is signed'").
NOT_QUOTE_CUES = frozenset({"consider", "interpret", "regard", "see", "view"})

#: Light verbs that make a speech act out of a speech noun: "extended congratulations".
LIGHT_VERBS = frozenset({"deliver", "express", "extend", "issue", "make", "offer", "send"})
#: Verbs that cause talk rather than utter it: in "the delay has fuelled speculation that ...",
#: the delay is a cause, and whoever speculates is left unnamed.
CAUSE_VERBS = frozenset(
    {"cause", "feed", "fuel", "ignite", "inflame", "prompt", "provoke", "renew", "revive",
     "spark", "stir", "stoke", "trigger"}
)  # fmt: skip
#: Verbs that cause talk only when their subject is an event or fact (``CAUSE_SUBJECT_NOUNS``):
#: "the timing raises concerns" has nobody speaking, where "the senator raised concerns" is
#: the senator's speech act, and so is the critics'.
THING_CAUSE_VERBS = frozenset({"pose", "raise"})
#: Events and facts that raise questions without saying anything. A list, not a test of
#: animacy, because a person or group word missing from a list must never turn a speaker into
#: a cause.
CAUSE_SUBJECT_NOUNS = frozenset(
    {"absence", "affair", "appearance", "arrest", "attack", "behavior", "behaviour",
     "collapse", "conduct", "death", "decision", "delay", "departure", "deployment",
     "development", "disclosure", "discovery", "episode", "escalation", "event", "fact",
     "failure", "incident", "involvement", "lack", "loss", "move", "news", "outcome",
     "presence", "resignation", "revelation", "rise", "ruling", "scale", "shift", "speed",
     "surge", "timing"}
)  # fmt: skip
SPEECH_ACT_NOUNS = frozenset(
    {"apology", "assurance", "condolence", "congratulation", "promise", "remark", "thanks",
     "threat", "warning"}
)  # fmt: skip

#: Nouns naming a piece of reported speech; as a subject they are the channel of a claim
#: ("His statement emphasized ...", "Reports describe ...").
REPORTING_NOUNS = frozenset(
    {
        "account", "allegation", "announcement", "assertion", "bulletin", "claim",
        "communique", "communiqué", "declaration", "dispatch", "document", "letter", "memo",
        "note", "post", "release", "remark", "report", "statement", "testimony", "transcript",
        "tweet",
    }
)  # fmt: skip

#: Nouns of the occasion on which words were said: with "in", "on", "via" they name the channel
#: of a speaker's words ("said in an interview", "admitted, in a rare public acknowledgment").
CHANNEL_NOUNS = REPORTING_NOUNS | frozenset(
    {"acknowledgement", "acknowledgment", "address", "admission", "briefing", "broadcast",
     "comment", "confession", "editorial", "interview", "op-ed", "podcast", "speech"}
)  # fmt: skip

#: Where words come from rather than who says them: "accounts from the valley" are the
#: accounts of people there, not of the valley.
PLACE_NOUNS = frozenset(
    {"area", "battlefield", "border", "camp", "city", "coast", "country", "district", "field",
     "front", "frontline", "ground", "harbor", "harbour", "port", "province", "region", "scene",
     "street", "town", "valley", "village", "zone"}
)  # fmt: skip

#: Reporting nouns that are documents (source type "document" when nobody issues them).
DOCUMENT_NOUNS = frozenset(
    {"bulletin", "communique", "communiqué", "declaration", "document", "filing", "letter",
     "memo", "release", "report", "statement", "transcript"}
)  # fmt: skip

# --- source types ------------------------------------------------------------------------

STATE_MEDIA_MARKERS = (
    "state media", "state news agency", "state-run", "state run", "state-owned",
    "state owned", "state television", "state tv", "state broadcaster", "state-controlled",
)  # fmt: skip

#: Titles and bodies of government, military, police and public office.
OFFICIAL_WORDS = frozenset(
    {
        "administration", "admiral", "ambassador", "army", "authority", "cabinet",
        "chancellor", "chief", "colonel", "command", "commander", "council", "councillor",
        "department", "diplomat", "embassy", "general", "government", "governor", "kremlin",
        "king", "lawmaker", "leader", "lieutenant", "mayor", "military", "minister",
        "ministry", "navy", "office", "officer", "official", "parliament", "pentagon",
        "police", "premier", "president", "prime", "prosecutor", "queen", "secretary",
        "senator", "sheriff", "spokesman", "spokesperson", "spokeswoman", "staff",
    }
)  # fmt: skip

MEDIA_WORDS = frozenset(
    {
        "agency", "broadcaster", "channel", "chronicle", "courier", "daily", "editor",
        "gazette", "herald", "journal", "journalist", "ledger", "magazine", "media", "network",
        "news", "newspaper", "outlet", "post", "press", "radio", "reporter", "telegraph",
        "television", "times", "tribune", "tv", "wire",
    }
)  # fmt: skip

EXPERT_WORDS = frozenset(
    {"academic", "analyst", "economist", "expert", "historian", "professor", "researcher",
     "scholar", "scientist", "specialist"}
)  # fmt: skip

EYEWITNESS_WORDS = frozenset(
    {"bystander", "correspondent", "eyewitness", "local", "onlooker", "passenger", "resident",
     "survivor", "villager", "witness"}
)  # fmt: skip

#: Nouns for people, as opposed to the places they are in: "accounts from residents" come from
#: people, "accounts from Ostrel" from people in Ostrel.
PEOPLE_NOUNS = EYEWITNESS_WORDS | frozenset(
    {"civilian", "journalist", "neighbor", "neighbour", "people", "refugee", "reporter",
     "soldier"}
)  # fmt: skip

#: Head nouns that never identify who speaks.
ANONYMOUS_WORDS = frozenset(
    {"insider", "observer", "other", "people", "person", "someone", "source", "they"}
)  # fmt: skip

#: Person nouns that become anonymous when nobody is named ("officials said", "an analyst").
PERSON_ROLE_WORDS = frozenset(
    {"analyst", "diplomat", "economist", "expert", "official", "officer", "researcher",
     "scientist", "specialist", "spokesman", "spokesperson", "spokeswoman"}
)  # fmt: skip

#: Determiners that leave a source unidentified ("some analysts", "a senior official").
INDEFINITE_DETS = frozenset(
    {"a", "an", "any", "few", "many", "most", "numerous", "one", "several", "some", "various"}
)  # fmt: skip

#: Anaphoric heads that refer back to earlier reported material ("These accounts ...").
ANAPHORIC_DETS = frozenset({"such", "that", "the", "these", "this", "those"})
#: Possessives that point back at the speakers just cited ("Their account could not be verified").
ANAPHORIC_POSSESSIVES = frozenset({"her", "his", "its", "their"})
ACCOUNT_NOUNS = frozenset(
    {"account", "allegation", "assertion", "claim", "description", "report", "rumour",
     "rumor", "statement", "story", "testimony"}
)  # fmt: skip

#: Titles of heads of state or government, whom a text may call "the [country] leader".
HEAD_OF_STATE_WORDS = frozenset(
    {"chancellor", "emir", "king", "monarch", "premier", "president", "prime", "queen", "sultan"}
)  # fmt: skip
