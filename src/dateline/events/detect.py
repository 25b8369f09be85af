"""Clause-level event detection: trigger lexicon + dependency patterns → PLOVER events with arguments.

For each sentence: find trigger tokens (one dict lookup per content word), fold complements into the verbs
that govern them ("demanded the release" is one REQUEST, "denied attacking" a negated ASSAULT), attach
source / target actors, place and date from the parse, decide modality and category, keep only anchored
events (an actor argument in a finite clause, or a date or place), then merge repeated mentions of one event.

A classifier can plug in through :class:`TypeScorer`: it scores event types for a sentence, and the detector
uses those scores to choose among a trigger's lexicon readings and to weigh confidence.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.events.arguments import OF_TARGET_TYPES, TARGET_PREPS, MentionIndex, place_of, timex_of
from dateline.events.instruments import WEAPON_MODES, instrument_mode, object_mode
from dateline.events.lexicon import Lexicon, TriggerEntry, load_lexicon, word_forms
from dateline.events.modality import clause_modality
from dateline.events.ontology import NON_POLITICAL, Ontology, load_ontology
from dateline.model import Actor, Category, Event, Modality, Place, Span, Timex

LIGHT_VERBS = frozenset(
    {
        "hold",
        "launch",
        "conduct",
        "stage",
        "carry",
        "mount",
        "make",
        "pay",
        "impose",
        "begin",
        "start",
        "continue",
        "resume",
        "order",
        "announce",
        "undertake",
        "initiate",
        "unleash",
        "step",
        "intensify",
        "escalate",
        "organize",
        "organise",
        "lead",
        "have",
        "plan",
        "join",
        "call",
        "reach",
        "sign",
        "approve",
        "authorize",
        "authorise",
        "perform",
        "wage",
        "commit",
        "claim",
        "deliver",
        "send",
        "execute",
        "complete",
        "open",
        "end",
        "renew",
        "declare",
        "establish",
        "lodge",
        "file",
        "issue",
        "use",
        "take",
        "speed",
        "tighten",
        "reimpose",
        "enforce",
        "extend",
        "offer",
        "propose",
        "give",
        "provide",
        "reiterate",
        "repeat",
        "voice",
        "express",
        "resort",
        "orchestrate",
        "spark",
        "trigger",
        "mark",
        "attend",
        "host",
    }
)
SPEECH_NOUNS = frozenset(
    {"statement", "declaration", "communique", "letter", "resolution", "report", "message", "note", "decree", "appeal"}
)
DEED_VERBS = frozenset({"commit", "undertake"})
INNER_DEPS = frozenset(
    {"dobj", "dative", "prep", "pobj", "xcomp", "ccomp", "pcomp", "compound", "amod", "poss", "nmod", "appos", "acomp"}
)
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
OWN_ASSET_VERBS = frozenset(
    {"withdraw", "deploy", "send", "contribute", "mobilize", "mobilise", "station", "pull", "train", "dispatch",
     "commit", "reinforce", "recall", "redeploy", "move"}
)  # fmt: skip
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "prepare", "resolve", "dedicate", "devote"})
DEMAND_VERBS = frozenset({"demand", "call", "urge", "press", "seek", "protest", "denounce", "condemn"})
PLACE_TARGET_TYPES = frozenset({"COERCE", "CONCEDE"})  # restrictions imposed on, or lifted from, a place
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT_TYPES = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
CONTROL_DEPS = frozenset({"xcomp", "conj", "ccomp", "advcl"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "pobj", "acl", "advcl", "conj", "nsubj"})
CONFLICT_TYPES = frozenset({"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "ACCUSE", "REJECT"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
#: The mode of a demand or a refusal is the kind of act demanded or refused.
DEMANDED_ACT_MODE = {
    "AID": "assist",
    "COOPERATE": "assist",
    "CONSULT": "meet",
    "AGREE": "meet",
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "SUPPORT": "assist",
}
WRAP_MODE = {
    "REQUEST": DEMANDED_ACT_MODE,
    "REJECT": DEMANDED_ACT_MODE,
    "THREATEN": {
        "ASSAULT": "violence",
        "MOBILIZE": "violence",
        "COERCE": "restrict",
        "SANCTION": "relations",
        "PROTEST": "restrict",
    },
}
THREAT_MODE_BY_ENTRY = {
    "arrest": "arrest",
    "deport": "expel",
    "expel": "expel",
    "curfew": "restrict",
    "martial-law": "restrict",
    "restrict": "restrict",
    "seize": "territory",
}
NEGATING_WRAPPERS = frozenset({"deny"})
NONPOLITICAL_CUES: dict[str, Category] = {
    **dict.fromkeys(
        (
            "earthquake",
            "quake",
            "flood",
            "storm",
            "hurricane",
            "typhoon",
            "cyclone",
            "tornado",
            "tsunami",
            "landslide",
            "avalanche",
            "eruption",
            "wildfire",
            "lightning",
            "drought",
        ),
        "natural_disaster",
    ),
    **dict.fromkeys(("crash", "collision", "accident", "derailment", "fire", "blaze", "leak", "collapse"), "accident"),
    **dict.fromkeys(
        (
            "match",
            "league",
            "tournament",
            "championship",
            "goal",
            "striker",
            "midfielder",
            "coach",
            "stadium",
            "club",
            "season",
            "fc",
            "final",
            "cup",
            "semifinal",
            "quarterfinal",
        ),
        "sport",
    ),
}
SPORT_AMBIGUOUS = frozenset(
    {
        "beat",
        "defeat",
        "attack",
        "strike",
        "shoot",
        "fight",
        "clash",
        "battle",
        "win",
        "kill",
        "score",
        "draw",
        "capture",
        "storm",
        "overrun",
        "offensive",
        "assault",
    }
)
PEACEKEEPING = frozenset(
    {"peacekeeping", "peace-keeping", "peacekeepers", "peacekeeper", "peace-keepers", "blue-helmets"}
)
PERMISSIVE = frozenset({"allow", "permit", "let"})
WORKER_CUES = frozenset(
    {
        "worker",
        "union",
        "employee",
        "teacher",
        "doctor",
        "nurse",
        "miner",
        "driver",
        "staff",
        "pilot",
        "docker",
        "trucker",
        "labor",
        "labour",
        "farmer",
        "student",
    }
)


OBLIGATION_ENTRY = TriggerEntry(
    type="REQUEST",
    mode="change",
    cameo="100",
    acled=None,
    category="political",
    pos="VERB",
    head="must",
    extras=(),
    wrap=False,
    commissive=False,
)


class TypeScorer(Protocol):
    """A sentence classifier the detector can consult: PLOVER type → probability for one sentence."""

    def scores(self, text: str) -> dict[str, float]:
        """Probabilities of event types (PLOVER names, plus OTHER) for this sentence."""
        ...


@dataclass(slots=True)
class Detection:
    """One coded event with the trigger it came from (kept for ranking and for evaluation)."""

    event: Event
    trigger: Token
    depth: int
    nominal: bool
    merged: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    token: Token
    entry: TriggerEntry
    readings: list[TriggerEntry]
    absorbed: bool = False
    mode: str | None = None
    type: str | None = None
    negated: bool = False
    governors: list[Token] = field(default_factory=list)


class EventDetector:
    """Detects events in parsed documents; holds the lexicon, ontology and an optional classifier."""

    def __init__(self, lexicon: Lexicon | None = None, scorer: TypeScorer | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.ontology: Ontology = load_ontology()
        self.scorer = scorer

    def detect(
        self, doc: Doc, article_date: dt.date, actors: list[Actor], places: list[Place], times: list[Timex]
    ) -> list[Detection]:
        """All events of the document, merged across repeated mentions, in text order."""
        index = MentionIndex(doc, actors, places, times)
        found: list[Detection] = []
        for sent in _sentences(doc):
            found.extend(self._sentence(sent, article_date, index))
        return _merge(found, index)

    def _sentence(self, sent: SpacySpan, article_date: dt.date, index: MentionIndex) -> list[Detection]:
        candidates: dict[int, _Candidate] = {}
        for token in sent:
            readings = self.lexicon.lookup(token)
            if readings:
                candidates[token.i] = _Candidate(token, readings[0], readings)
            elif token.pos_ in ("VERB", "AUX") and _obligation(token) is not None:
                candidates[token.i] = _Candidate(token, OBLIGATION_ENTRY, [OBLIGATION_ENTRY])
        if not candidates:
            return []
        if self.scorer is not None:
            scores = self.scorer.scores(sent.text)
            for cand in candidates.values():
                cand.entry = max(cand.readings, key=lambda e: scores.get(e.type, 0.0))
        _absorb_phrase_words(candidates)
        _fold_complements(candidates)
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in sent)
        cues = {t.lemma_.lower() for t in sent}
        has_score = any(t.like_num and t.nbor(1).text in ("-", "–") for t in sent[:-2] if t.i + 2 < sent.end)
        out = []
        for cand in candidates.values():
            if cand.absorbed or (verbless and cand.entry.pos == "NOUN"):
                continue
            detection = self._code(cand, sent, article_date, index, cues, has_score, candidates)
            if detection is not None:
                out.append(detection)
        return out

    def _code(
        self,
        cand: _Candidate,
        sent: SpacySpan,
        article_date: dt.date,
        index: MentionIndex,
        cues: set[str],
        has_score: bool,
        triggers: dict[int, _Candidate],
    ) -> Detection | None:
        token, entry = cand.token, cand.entry
        nominal = entry.pos == "NOUN"
        clause_verb, governors = _clause_of(token, nominal)
        governors = [*cand.governors, *governors]
        source, target = _arguments(token, entry, nominal, clause_verb, index)
        anchors = [token, *(g for g in (clause_verb, *governors) if g is not None)]
        objects = [c for c in token.children if c.dep_ in ("dobj", "pobj") and c.i not in triggers]
        place = place_of(index, anchors + objects)
        timex = timex_of(index, anchors)
        finite = _finite(token, clause_verb, governors)
        has_actor = source is not None or target is not None
        named_subject = finite and _has_subject(clause_verb)
        if nominal:
            agent = _nominal_agent(token, clause_verb, source, target, index) or (
                named_subject and clause_verb is not token
            )
            if not (agent or timex is not None or (place is not None and not _generic(token))):
                return None
        elif not (((has_actor or named_subject) and finite) or timex is not None or place is not None):
            return None
        event_type, mode, cameo, acled = cand.type or entry.type, cand.mode or entry.mode, entry.cameo, entry.acled
        category: Category = entry.category  # type: ignore[assignment]
        if event_type != NON_POLITICAL:
            category, event_type, mode = _reinterpret(token, entry, event_type, mode, cues, has_score)
        if event_type == NON_POLITICAL:
            cameo, acled, mode = None, None, None
        elif event_type == "ASSAULT" and mode is None:
            mode = instrument_mode(token, clause_verb)
        elif event_type == "ASSAULT" and mode in WEAPON_MODES:
            mode = object_mode(token) or mode  # "fired shells": the object says which weapon
        elif event_type != entry.type:
            cameo, acled = self._code_for(event_type), None
        if event_type != NON_POLITICAL and event_type not in ("THREATEN", "REQUEST") and _ultimatum(clause_verb):
            mode = THREAT_MODE_BY_ENTRY.get(mode or "") or WRAP_MODE["THREATEN"].get(event_type, "relations")
            event_type, cameo, acled = "THREATEN", self._code_for("THREATEN"), None
        depth = _depth(clause_verb or token)
        reporter = _obligation(clause_verb) if clause_verb is not None else None
        if reporter is not None and category == "political":
            mode = WRAP_MODE["REQUEST"].get(event_type, "change")
            event_type, cameo, acled = "REQUEST", self._code_for("REQUEST"), None
            source, target = _reporter_source(reporter, index), source or target
            depth = _depth(reporter)
        date = timex.value if timex is not None else article_date.isoformat()
        chain = [clause_verb, *governors] if clause_verb is not None and clause_verb is not token else governors
        modality = _modality(cand, token, chain, timex, article_date)
        confidence = 0.4 + 0.05 * has_actor + 0.15 * (source is not None) + 0.1 * (target is not None)
        confidence += 0.1 * (timex is not None) + 0.05 * (place is not None) + 0.05 * (not nominal) + 0.05 * finite
        if self.scorer is not None:
            confidence = 0.5 * confidence + 0.5 * self.scorer.scores(sent.text).get(event_type, 0.0)
        evidence = Span(text=sent.text, start=sent.start_char, end=sent.end_char)
        event = Event(
            id="",
            type=event_type,
            mode=mode,
            cameo=cameo,
            goldstein=self.ontology.goldstein(cameo),
            acled_event_type=self.ontology.acled_event_type(acled) if acled else None,
            acled_sub_event_type=acled,
            category=category,
            source=source,
            target=target,
            place=place.geonameid if place is not None else None,
            date=date,
            date_from_text=timex is not None,
            modality=modality,
            evidence=evidence,
            confidence=round(min(confidence, 0.95), 3),
        )
        return Detection(event=event, trigger=token, depth=depth, nominal=nominal)

    def _code_for(self, event_type: str) -> str | None:
        """The most general CAMEO code of a PLOVER type (used when a rule re-types an event)."""
        codes = [c for c in self.ontology.cameo.values() if c.plover == event_type]
        return min(codes, key=lambda c: (len(c.code), c.code)).code if codes else None


def plover_label(event: Event) -> tuple[str, str | None]:
    """The event's type and mode as PLOVER codes them: PLOVER folds some modalities into types, so a planned or
    offered cooperative act ("will visit", "would allow inspectors") is AGREE, a planned or conditional material
    conflict ("will blockade", "may halt aid if …") is THREATEN, and a refused or failed cooperative act ("will not
    accept", "failed to reach agreement") is REJECT. dateline keeps the act's own type plus its modality."""
    if event.category != "political":
        return event.type, event.mode
    if event.modality in ("planned", "hypothetical"):
        if event.type in COOPERATIVE_TYPES and event.type != "AGREE":
            return "AGREE", None
        if event.type in MATERIAL_CONFLICT_TYPES:
            return "THREATEN", THREAT_MODE_BY_ENTRY.get(event.mode or "") or WRAP_MODE["THREATEN"].get(event.type)
    if event.modality == "negated" and event.type in COOPERATIVE_TYPES:
        return "REJECT", WRAP_MODE["REJECT"].get(event.type)
    return event.type, event.mode


def _ultimatum(verb: Token | None) -> bool:
    """Whether the clause sets a condition the other side must meet ("will withdraw unless …"): a threat."""
    if verb is None:
        return False
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children) for c in verb.children
    )


def _obligation(verb: Token) -> Token | None:
    """The word that reports an obligation ("declared that China must drop …", "a reminder that it must …"):
    such a reported must / should clause is a demand made by whoever reports it."""
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children):
        return None
    if verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return None


def _reporter_source(reporter: Token, index: MentionIndex) -> str | None:
    """The actor who reports (and so makes) a demand: the reporting verb's subject, or its noun's owner / light
    verb's subject."""
    verb = reporter
    if reporter.pos_ == "NOUN":
        owner = next((c for c in reporter.children if c.dep_ == "poss"), None)
        if owner is not None:
            return index.actor_in(owner)
        verb = reporter.head
    subject, passive = _subject(verb)
    if subject is None or passive:
        return None
    return index.actor_in(subject)


def _absorb_phrase_words(candidates: dict[int, _Candidate]) -> None:
    """A multi-word trigger owns its other words: "opened fire" is one shooting, not also a blaze; a more specific
    noun phrase among them gives the mode."""
    for cand in candidates.values():
        if not cand.entry.extras:
            continue
        for other in candidates.values():
            near = other.token.head.i == cand.token.i or other.token.head.head.i == cand.token.i
            if other is not cand and near and not set(word_forms(other.token)).isdisjoint(cand.entry.extras):
                other.absorbed = True
                if other.entry.type == cand.entry.type and other.entry.extras and other.entry.mode:
                    cand.mode = other.entry.mode  # "staged a hunger strike": the fuller noun phrase says which


def _fold_complements(candidates: dict[int, _Candidate]) -> None:
    """Let wrapper verbs (demand, agree, threaten, deny, …) absorb the triggers they govern."""
    for cand in sorted(candidates.values(), key=lambda c: _depth(c.token)):
        if cand.absorbed or not (cand.entry.wrap or cand.token.lemma_ in NEGATING_WRAPPERS):
            continue
        wrapped = False
        for inner in _complements(cand.token, candidates):
            inner_cand = candidates[inner.i]
            if inner_cand.absorbed or inner_cand is cand:
                continue
            if cand.token.lemma_ in NEGATING_WRAPPERS:
                cand.absorbed = True
                inner_cand.negated = True
                inner_cand.governors.append(cand.token)
                break
            if inner.dep_ == "dobj" and cand.token.lemma_ in DEED_VERBS:
                cand.absorbed = True  # "undertook a mediation mission": the deed is the event
                break
            if cand.entry.type == "ACCUSE" and inner.dep_ == "dobj":
                continue
            inner_cand.absorbed = True
            if not wrapped:  # the nearest complement decides ("ready to lift the ban": lift, not ban)
                _wrap(cand, inner_cand.entry)
                wrapped = True


def _complements(token: Token, candidates: dict[int, _Candidate]) -> list[Token]:
    """Triggers in the complement of a wrapper verb/noun: its clausal complements and objects, two levels deep."""
    found = []
    for child in token.children:
        if child.dep_ in COMPLEMENT_DEPS - {"nsubj", "conj"} or child.dep_ in ("prep", "dative"):
            if child.i in candidates and child.dep_ != "prep":
                found.append(child)
            for grand in child.children:
                if grand.i in candidates and grand.dep_ in ("pobj", "pcomp", "xcomp", "dobj", "ccomp", "conj"):
                    found.append(grand)
    return found


def _wrap(outer: _Candidate, inner: TriggerEntry) -> None:
    """Type and mode of a wrapper event given the event it governs."""
    outer_type = outer.entry.type
    if outer.entry.commissive:
        outer_type = "THREATEN" if inner.type in CONFLICT_TYPES else "AGREE"
        outer.type = outer_type
    if outer_type == "THREATEN":
        outer.mode = THREAT_MODE_BY_ENTRY.get(inner.mode or "") or WRAP_MODE["THREATEN"].get(inner.type)
    elif outer_type in WRAP_MODE:
        outer.mode = WRAP_MODE[outer_type].get(inner.type, outer.entry.mode)
        if inner.type in ("COERCE", "ASSAULT") and outer_type == "REQUEST":
            outer.mode = "change"


def _clause_of(token: Token, nominal: bool) -> tuple[Token | None, list[Token]]:
    """The verb whose clause the event lives in and the chain of governing verbs above it (xcomp/conj/…)."""
    verb: Token | None = token if not nominal else None
    if nominal:
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass"):
            token, head = head.head, head.head.head  # "launched a wave of strikes", "held a round of talks"
        if token.dep_ in ("dobj", "nsubjpass") and not LIGHT_VERBS.isdisjoint(word_forms(head)):
            verb = head
        elif token.dep_ == "pobj" and head.head.lemma_ in ("take", "engage", "participate", "join", "resort"):
            verb = head.head
    elif token.dep_ in ("acomp", "amod") and token.pos_ in ("ADJ", "VERB") and token.head.pos_ in ("AUX", "VERB"):
        verb = token.head  # "is ready to …", "is opposed to …": the copula carries tense and subject
    governors: list[Token] = []
    current = verb
    while current is not None and current.head.i != current.i and len(governors) < 4:
        if current.dep_ == "advcl" and not any(c.dep_ == "mark" for c in current.children):
            break
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head  # "resorted to throwing stones": climb through the preposition
        elif current.dep_ == "acl" and current.head.lemma_ in SPEECH_NOUNS and current.head.dep_ == "dobj":
            current = current.head  # "issued a statement demanding …": the statement's verb carries the clause
        elif current.dep_ not in CONTROL_DEPS:
            break
        current = current.head
        governors.append(current)
    return verb, governors


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, climbing through control and coordination; True when it is a passive subject."""
    current = verb
    for _ in range(5):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj", "expl"):
                return child, False
            if child.dep_ == "nsubjpass":
                return child, current is verb and not _stative(current)
        if current.dep_ in ("xcomp", "conj", "ccomp", "advcl") and current.head.i != current.i:
            current = current.head
        elif current.dep_ == "acl" and current.head.lemma_ in SPEECH_NOUNS and current.head.dep_ == "dobj":
            current = current.head.head
        elif current.dep_ in ("acl", "relcl"):
            return current.head, False
        elif current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "resorted to throwing …"
        elif current.dep_ == "acomp":
            current = current.head  # "is ready to …": the copula's subject
        else:
            break
    return None, False


def _stative(verb: Token) -> bool:
    """A participle of attitude that only looks passive ("is opposed to", "is committed to", "is determined to"):
    its subject holds the attitude, so it is the source."""
    return (
        verb.lemma_ in STATIVE_PARTICIPLES
        and any(c.lower_ == "to" or c.dep_ == "xcomp" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _arguments(
    token: Token, entry: TriggerEntry, nominal: bool, verb: Token | None, index: MentionIndex
) -> tuple[str | None, str | None]:
    """Source and target actor ids for a trigger."""
    source: str | None = None
    target: str | None = None
    if nominal:
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i in index.actor_at):
                source = source or index.actor_in(child, 2)
        if source is None and verb is not None and verb is not token:
            subject, passive = _subject(verb)
            if subject is not None and not passive:
                source = index.actor_in(subject)
    else:
        subject, passive = _subject(token)
        if subject is not None:
            actors = index.actors_in(subject)
            if passive:
                target = actors[0] if actors else None
            elif actors:
                source = actors[0]
                if len(actors) > 1 and entry.type in RECIPROCAL_TYPES:
                    target = actors[1]
    heads = [token] + ([verb] if nominal and verb is not None and verb is not token else [])
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "dative", "attr") and child is not token and target is None:
                found = index.actor_in(child)
                target = None if found is not None and _own_asset(child, found, source, index) else found
            elif child.dep_ == "agent":
                source = next((index.actor_in(o) for o in child.children if o.dep_ == "pobj"), source)
            elif child.dep_ == "prep":
                source, target = _prep_argument(child, entry, nominal, index, source, target)
    if target is None or target == source:
        target = _inner_target(heads, source, index, conditions=entry.type == "THREATEN")
    if (target is None or target == source) and entry.type in PLACE_TARGET_TYPES:
        target = _place_target(heads, source, index)
    return source, target if target != source else None


def _inner_target(heads: list[Token], source: str | None, index: MentionIndex, conditions: bool = False) -> str | None:
    """Fallback target: the nearest other actor below the trigger (or its light verb), searched breadth-first
    through its objects, prepositional phrases and clausal complements ("demanded that the US cancel …",
    "threatened to break relations with Russia", "will withdraw its force from Chad") but not its subject. With
    ``conditions`` (threats), "if / unless" clauses too: "would strike if Hezbollah broke the truce"."""

    def inner(token: Token) -> bool:
        return token.dep_ in INNER_DEPS or (conditions and _condition(token))

    queue = deque((c, 1) for head in heads for c in head.children if inner(c) or _purpose(c))
    while queue:
        token, depth = queue.popleft()
        actor = index.actor_at.get(token.i)
        if actor is not None and actor != source and not _own_side(token, actor, source, index):
            return actor
        if depth < 5:
            queue.extend((c, depth + 1) for c in token.children if inner(c) or c.dep_ == "nsubj")
    return None


def _condition(token: Token) -> bool:
    """An "if / unless" clause."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children)


def _own_side(token: Token, actor: str, source: str | None, index: MentionIndex) -> bool:
    """Whether an actor found below the trigger is the source's own side rather than its target: its own forces
    (:func:`_own_asset`), or its own country as the subject of a complement ("Netanyahu warned that Israel would
    strike if Hezbollah …": the warning is aimed at Hezbollah; "protested against Sweden's decision" keeps Sweden)."""
    if _own_asset(token, actor, source, index):
        return True
    country = index.country.get(source) if source else None
    same = country is not None and index.kind.get(actor) == "country" and index.country.get(actor) == country
    return same and token.dep_ in ("nsubj", "nsubjpass")


def _own_asset(token: Token, actor: str, source: str | None, index: MentionIndex) -> bool:
    """Whether ``actor`` is the source's own people moved or readied by the verb ("withdraw its troops from X",
    "mobilized reservists", "contribute 4,000 troops to X"): no target; the target is where they go or come from."""
    noun = token.head if token.dep_ == "compound" else token
    if noun.dep_ != "dobj" or noun.head.lemma_ not in OWN_ASSET_VERBS:
        return False
    return index.country.get(actor) in (None, index.country.get(source) if source else None)


def _purpose(token: Token) -> bool:
    """A purpose clause ("marched to protest X's decision", "opened fire to disperse X") or a demand made while
    acting ("rallied, demanding X's resignation"): its object is the target."""
    if token.dep_ != "advcl":
        return False
    if token.tag_ == "VBG" and token.lemma_ in DEMAND_VERBS:
        return True
    return any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in token.children)


def _place_target(heads: list[Token], source: str | None, index: MentionIndex) -> str | None:
    """For measures imposed on a place ("declared a curfew in X", "a state of siege in X"), the place's actor:
    the object of an in / on / across phrase on the trigger, its verb, or their objects."""
    queue = deque((c, 1) for head in heads for c in head.children)
    while queue:
        token, depth = queue.popleft()
        if token.dep_ == "prep" and token.lower_ in ("in", "on", "across", "throughout"):
            for obj in token.children:
                actor = index.actor_in(obj, 2) if obj.dep_ == "pobj" else None
                if actor is not None and actor != source:
                    return actor
        elif token.dep_ in ("dobj", "pobj", "prep", "acl") and depth < 4:
            queue.extend((c, depth + 1) for c in token.children)
    return None


def _prep_argument(
    prep: Token, entry: TriggerEntry, nominal: bool, index: MentionIndex, source: str | None, target: str | None
) -> tuple[str | None, str | None]:
    word = prep.lower_
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return source, target
    if word == "between":
        actors = index.actors_in(objs[0])
        if actors:
            source = source or actors[0]
            if len(actors) > 1:
                target = target or actors[1]
    elif word == "by" and nominal:
        source = source or index.actor_in(objs[0])
    elif word == "of" and nominal:
        actor = index.actor_in(objs[0])
        if entry.type in OF_TARGET_TYPES:
            target = target or actor
        else:
            source = source or actor
    elif word in TARGET_PREPS and target is None:
        target = index.actor_in(objs[0])
    return source, target


def _finite(token: Token, verb: Token | None, governors: list[Token]) -> bool:
    """Whether the event's clause is finite (a tensed verb heads it, directly or through its controllers)."""
    for candidate in (verb, *governors):
        if candidate is None:
            continue
        if candidate.dep_ == "ROOT" or "Fin" in candidate.morph.get("VerbForm"):
            return True
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in candidate.children):
            return True
        if candidate.dep_ in ("relcl", "ccomp", "conj") and candidate.tag_ in ("VBD", "VBZ", "VBP"):
            return True
    return False


def _nominal_agent(
    token: Token, verb: Token | None, source: str | None, target: str | None, index: MentionIndex
) -> bool:
    """Whether a nominal trigger names who acts: a possessive, a by- or between-phrase, the subject of a light
    verb, or an adjectival actor together with a target ("US sanctions on Iran"), not a mere descriptor."""
    if source is None:
        return False
    if verb is not None and verb is not token:
        return True
    for child in token.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "between", "of"):
            return True
    return target is not None


def _has_subject(verb: Token | None) -> bool:
    """Whether the clause names who acts: a nominal or pronominal subject (or a passive's by-agent)."""
    if verb is None:
        return False
    subject, passive = _subject(verb)
    if subject is None or subject.dep_ == "expl":
        return False
    return passive or subject.pos_ in ("NOUN", "PROPN", "PRON", "NUM")


def _sentences(doc: Doc) -> list[SpacySpan]:
    """spaCy's sentences, cut again at blank lines so that headings stand alone."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and token.text.count("\n") >= 2 and token.i > start:
                out.append(doc[start : token.i])
                start = token.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return [s for s in out if not all(t.is_space for t in s)]


def _generic(token: Token) -> bool:
    """A bare plural or determiner-less noun with no modifiers reads as generic discussion, not one event."""
    return not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in token.children)


def _reinterpret(
    token: Token, entry: TriggerEntry, event_type: str, mode: str | None, cues: set[str], has_score: bool
) -> tuple[Category, str, str | None]:
    """Non-political readings of ambiguous triggers (sport results, disasters that kill) and labour strikes."""
    lemma = token.lemma_.lower()
    if (has_score or cues & {"match", "league", "tournament", "championship", "striker", "stadium", "fc"}) and (
        lemma in SPORT_AMBIGUOUS
    ):
        return "sport", NON_POLITICAL, None
    if event_type == "ASSAULT":
        subject, _ = _subject(token) if entry.pos == "VERB" else (None, False)
        heads = [subject] if subject is not None else []
        heads += [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "by")]
        for head in heads:
            for word in (head.lemma_.lower(), *(c.lemma_.lower() for c in head.subtree)):
                category = NONPOLITICAL_CUES.get(word)
                if category is not None and category != "sport":
                    return category, NON_POLITICAL, None
    if event_type in ("CONSULT", "MOBILIZE") and not PEACEKEEPING.isdisjoint(_participant_words(token, entry)):
        return "political", "AID", None
    if lemma in PERMISSIVE and any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return "political", "CONCEDE", None  # "allowed the opposition to hold a rally": a right granted
    if lemma == "strike" and cues & WORKER_CUES:
        return "political", "PROTEST", "strike"
    return "political", event_type, mode


def _participant_words(token: Token, entry: TriggerEntry) -> set[str]:
    """Lower-case words of the trigger's own phrase and of its subject (who arrives, who is deployed)."""
    words = {t.lower_ for t in token.subtree} if entry.pos == "NOUN" else set()
    subject, _ = _subject(token) if entry.pos == "VERB" else (None, False)
    if subject is not None:
        words.update(t.lower_ for t in subject.subtree)
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            words.update(t.lower_ for t in child.subtree)
    return words


def _modality(
    cand: _Candidate, token: Token, governors: list[Token], timex: Timex | None, article_date: dt.date
) -> Modality:
    if cand.negated:
        return "negated"
    marked = clause_modality(token, governors)
    if marked is not None:
        return marked
    if timex is not None and timex.value is not None and _after(timex.value, article_date):
        return "planned"
    return "occurred"


def _after(value: str, article_date: dt.date) -> bool:
    """Whether a TimeML day / week / month value lies wholly after the article date."""
    try:
        if "W" in value:
            year, week = value.split("-W")
            return (int(year), int(week)) > article_date.isocalendar()[:2]
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return False
    if len(parts) == 3:
        return dt.date(*parts) > article_date
    return (parts[0], parts[1]) > (article_date.year, article_date.month)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _merge(found: list[Detection], index: MentionIndex) -> list[Detection]:
    """Fold repeated mentions of one event (same type, compatible actors, dates and mode) into the first."""
    kept: list[Detection] = []
    for det in found:
        ev = det.event
        for prev in kept:
            pe = prev.event
            if (
                pe.type == ev.type
                and pe.category == ev.category
                and (pe.mode is None or ev.mode is None or pe.mode == ev.mode)
                and index.same_side(pe.source, ev.source)
                and index.same_side(pe.target, ev.target)
                and (not (pe.date_from_text and ev.date_from_text) or pe.date == ev.date)
                and (pe.modality == ev.modality or "occurred" in (pe.modality, ev.modality))
                and ev.modality != "negated"
                and pe.modality != "negated"
            ):
                prev.event = _fill(pe, ev)
                prev.merged.append(ev)
                break
        else:
            kept.append(det)
    for n, det in enumerate(kept, start=1):
        det.event = det.event.model_copy(update={"id": f"e{n}"})
    return kept


def _fill(first: Event, other: Event) -> Event:
    """The first mention, with arguments it lacks taken from a later mention of the same event."""
    update: dict[str, object] = {}
    for name in ("source", "target", "place", "mode"):
        if getattr(first, name) is None and getattr(other, name) is not None:
            update[name] = getattr(other, name)
    if not first.date_from_text and other.date_from_text:
        update.update(date=other.date, date_from_text=True)
    if first.modality == "occurred" and other.modality != "occurred":
        update["modality"] = other.modality
    update["confidence"] = max(first.confidence, other.confidence)
    return first.model_copy(update=update)


_DEFAULT: EventDetector | None = None


def detect_events(
    doc: Doc, article_date: dt.date, actors: list[Actor], places: list[Place], times: list[Timex]
) -> list[Event]:
    """PLOVER events of a parsed article, with arguments from the actor, place and time stages."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = EventDetector()
    return [d.event for d in _DEFAULT.detect(doc, article_date, actors, places, times)]
