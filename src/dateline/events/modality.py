"""Modality of an event from its clause: occurred, planned, hypothetical or negated.

Reads the trigger, the verbs that govern it (controllers such as "set to", "plans to", light verbs) and the
event date: negation markers win, then conditionals and epistemic modals, then future markers.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.model import Modality

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "can"})
PLANNING_HEADS = frozenset(
    {
        "plan",
        "set",
        "schedule",
        "expect",
        "intend",
        "prepare",
        "due",
        "aim",
        "go",
        "propose",
        "want",
        "hope",
        "seek",
        "consider",
        "mull",
        "weigh",
        "poise",
        "slate",
        "gear",
        "ready",
        "about",
    }
)
PLANNING_MODIFIERS = frozenset(
    {
        "planned",
        "proposed",
        "upcoming",
        "expected",
        "scheduled",
        "forthcoming",
        "impending",
        "future",
        "prospective",
        "intended",
        "anticipated",
        "imminent",
        "coming",
        "next",
    }
)
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "likely", "feared"})
NEGATING_HEADS = frozenset({"deny", "fail", "avoid", "cancel", "call off", "postpone", "halt", "abandon", "scrap"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def clause_modality(trigger: Token, governors: list[Token]) -> Modality | None:
    """Modality marked in the clause, or None when nothing marks it (the caller falls back to the date)."""
    chain = [trigger, *governors]
    for token in chain:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
    for token in governors:
        if token.lemma_ in NEGATING_HEADS:
            return "negated"
    for token in chain:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children):
            return "hypothetical"
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX and not _reported_future(token, child):
                return "hypothetical"
            if child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_MODIFIERS:
                return "hypothetical"
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and (child.lower_ in FUTURE_AUX or _reported_future(token, child)):
                return "planned"
            if child.dep_ in ("amod", "compound") and child.lower_ in PLANNING_MODIFIERS:
                return "planned"
        if token is not trigger and token.lemma_ in PLANNING_HEADS:
            return "planned"
    return None


def _reported_future(verb: Token, aux: Token) -> bool:
    """ "said he would meet …": a reported "would" with no condition is the future seen from the past."""
    return (
        aux.lower_ == "would"
        and verb.dep_ == "ccomp"
        and not any(c.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in c.children) for c in verb.children)
    )
