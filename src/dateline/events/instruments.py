"""The PLOVER mode of an attack from the weapon named around its trigger.

Generic violence verbs ("killed", "attacked", "wounded") say nothing of how; the sentence usually does: "in a bomb
attack", "armed with machetes", "army tanks fired", "a roadside bombing killed", "two suicide bombers killed". We read
the nouns in the trigger's subject and instrument phrases (``in``/``with``/``by``/``using``/``from``) against a small
weapon lexicon (``data/instruments.yaml``); "suicide" beside an explosive or an attacker makes a suicide attack. Objects
are read only for weapon-using verbs ("fired rockets"): elsewhere they name what was hit ("killed a gunman").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

WEAPON_MODES = frozenset({"firearms", "heavy-weapons", "explosives", "aerial", "drone"})
INSTRUMENT_PREPS = frozenset({"in", "with", "by", "using", "from"})
SUICIDE = "suicide-attack"
NO_WEAPON = "none"


@lru_cache(maxsize=1)
def instrument_lexicon() -> dict[str, str]:
    """Weapon lemma or "modifier head" phrase → PLOVER ASSAULT mode."""
    text = resources.files("dateline.events").joinpath("data/instruments.yaml").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for mode, words in yaml.safe_load(text).items():
        for word in words:
            table.setdefault(word.lower(), mode)
    return table


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _nouns(head: Token) -> Iterator[Token]:
    """The attacker and instrument nouns of a trigger: "tanks fired", "in a bomb attack", "by gunmen".

    Objects and passive subjects are left out: they are what was hit ("killed a gunman"), not what hit it.
    """
    for child in head.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            yield child
            for grand in child.children:  # "militiamen armed with machetes"
                if grand.dep_ in ("acl", "amod") and _lemma(grand) == "arm":
                    yield from (p for c in grand.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
        elif child.dep_ in ("prep", "agent") and child.lower_ in INSTRUMENT_PREPS:
            yield from (p for p in child.children if p.dep_ == "pobj")


def _mode_of(noun: Token) -> str | None:
    """The mode a noun phrase names: "suicide car bombing" → suicide-attack, "tear gas" → crowd-control."""
    table = instrument_lexicon()
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    head = _lemma(noun)
    found = next((table[p] for m in modifiers if (p := f"{_lemma(m)} {head}") in table), None)
    if found == NO_WEAPON:
        return None
    found = found or table.get(head) or next((table[_lemma(m)] for m in modifiers if _lemma(m) in table), None)
    if found in ("explosives", None) and any(_lemma(m) == "suicide" for m in modifiers):
        return SUICIDE  # "suicide bombers", "a suicide car bombing"
    return None if found == NO_WEAPON else found


def object_mode(trigger: Token) -> str | None:
    """The mode of a weapon that is the direct object of a weapon-using trigger ("fired rockets", "set off a bomb")."""
    return next((m for c in trigger.children if c.dep_ == "dobj" and (m := _mode_of(c)) is not None), None)


def instrument_mode(trigger: Token, clause_verb: Token | None = None) -> str | None:
    """The ASSAULT mode implied by the weapon named around ``trigger`` (and its clause verb), or None."""
    heads = [trigger] if clause_verb is None or clause_verb.i == trigger.i else [trigger, clause_verb]
    for head in heads:
        for noun in _nouns(head):
            mode = _mode_of(noun)
            if mode is not None:
                return mode
    return None
