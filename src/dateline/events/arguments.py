"""Argument attachment: which actors, place and date belong to one trigger, read off the dependency parse.

Mentions from the other stages are character spans; :class:`MentionIndex` maps them once per document onto
token indices so every lookup afterwards is a dict access.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from dateline.model import Actor, Place, Timex

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
TARGET_PREPS = frozenset({"with", "to", "against", "on", "into", "upon", "toward", "towards", "for", "from", "over"})
PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within", "off", "through", "along"}
)
OF_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "SANCTION", "ACCUSE", "SUPPORT", "AID"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
OTHER_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "we", "our", "us"})
_DATE_VALUE = re.compile(r"^\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2})$")


class MentionIndex:
    """Token index → actor id / place / timex, built once per document from character-offset mentions."""

    def __init__(self, doc: Doc, actors: Iterable[Actor], places: Iterable[Place], times: Iterable[Timex]) -> None:
        self.actor_at: dict[int, str] = {}
        self.country: dict[str, str | None] = {}
        self.kind: dict[str, str] = {}
        self.place_at: dict[int, Place] = {}
        self.timex_at: dict[int, Timex] = {}
        for actor in actors:
            self.country[actor.id] = actor.country
            self.kind[actor.id] = actor.kind
            for mention in actor.mentions:
                for i in _tokens(doc, mention.start, mention.end):
                    self.actor_at.setdefault(i, actor.id)
        for place in places:
            for mention in place.mentions:
                for i in _tokens(doc, mention.start, mention.end):
                    self.place_at.setdefault(i, place)
        for timex in times:
            # An event-anchored date ("since the invasion") is the anchor's, never the date of what is reported.
            if timex.value and timex.anchor != "event" and _DATE_VALUE.match(timex.value):
                for i in _tokens(doc, timex.start, timex.end):
                    self.timex_at.setdefault(i, timex)

    def actor_in(self, root: Token, max_depth: int = 4) -> str | None:
        """The actor nearest to ``root`` in its phrase (breadth-first, not entering other clauses)."""
        queue: deque[tuple[Token, int]] = deque([(root, 0)])
        while queue:
            token, depth = queue.popleft()
            actor = self.actor_at.get(token.i)
            if actor is None and token.pos_ == "PRON":
                actor = self.antecedent(token)
            if actor is not None:
                return actor
            if depth < max_depth:
                queue.extend((c, depth + 1) for c in token.children if c.dep_ not in CLAUSE_DEPS)
        return None

    def antecedent(self, pronoun: Token) -> str | None:
        """The actor a third-person pronoun refers to: the nearest actor mentioned before it in its sentence or
        the previous one ("Ruto said he would meet …" → Ruto); he / she prefer people."""
        word = pronoun.lower_
        if word not in PERSONAL_PRONOUNS and word not in OTHER_PRONOUNS:
            return None
        sent = pronoun.sent
        start = sent.start
        if start > 0:
            start = pronoun.doc[start - 1].sent.start
        nearest: str | None = None
        for i in range(pronoun.i - 1, start - 1, -1):
            actor = self.actor_at.get(i)
            if actor is None:
                continue
            if word not in PERSONAL_PRONOUNS or self.kind.get(actor) == "person":
                return actor
            nearest = nearest or actor
        return nearest

    def actors_in(self, root: Token) -> list[str]:
        """Actors of a phrase and of its conjuncts ("X and Y"), in order, without repeats."""
        found: list[str] = []
        for head in (root, *root.conjuncts):
            actor = self.actor_in(head)
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def same_side(self, a: str | None, b: str | None) -> bool:
        """Whether two argument values can describe the same participant (equal, one missing, or same country)."""
        if a is None or b is None or a == b:
            return True
        country = self.country.get(a)
        return country is not None and country == self.country.get(b)


def _tokens(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def place_of(index: MentionIndex, anchors: list[Token]) -> Place | None:
    """A place attached by a locative preposition to one of the anchor tokens (trigger, its object, its verb)."""
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        place = _place_in(index, obj)
                        if place is not None:
                            return place
    return None


def _place_in(index: MentionIndex, token: Token) -> Place | None:
    for candidate in (token, *(c for c in token.children if c.dep_ in ("compound", "appos", "conj"))):
        place = index.place_at.get(candidate.i)
        if place is not None:
            return place
    return None


def timex_of(index: MentionIndex, anchors: list[Token]) -> Timex | None:
    """A day / week / month expression attached to one of the anchors (directly, or through a preposition)."""
    anchor_ids = {a.i for a in anchors}
    for anchor in anchors:
        for child in anchor.children:
            timex = _timex_below(index, child, anchor_ids)
            if timex is not None:
                return timex
    return None


def _timex_below(index: MentionIndex, token: Token, anchor_ids: set[int]) -> Timex | None:
    if token.dep_ in ("npadvmod", "tmod", "pobj", "nmod", "appos", "advmod", "dobj") and token.i in index.timex_at:
        return index.timex_at[token.i]
    if token.dep_ == "prep":
        for obj in token.children:
            if obj.dep_ == "pobj" and obj.i in index.timex_at:
                return index.timex_at[obj.i]
    return None
