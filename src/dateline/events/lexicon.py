"""The trigger lexicon: verb and noun lemmas (with optional particles / objects) that signal an event.

Loaded once from ``data/triggers.yaml`` into a dict keyed by (coarse POS, head word), so matching costs one
dict lookup per content token. Multi-word entries ("call for", "air strike", "go on strike") name a head word
plus words that must appear among the head's dependents; the entry with most such words wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from dateline.events.ontology import NON_POLITICAL, load_ontology


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """What a trigger word codes: PLOVER type / mode, CAMEO code, ACLED sub-event type and news category."""

    type: str
    mode: str | None
    cameo: str | None
    acled: str | None
    category: str
    pos: str
    head: str
    extras: tuple[str, ...]
    wrap: bool
    commissive: bool

    @property
    def political(self) -> bool:
        """False for the non-political categories (disaster, accident, crime, …)."""
        return self.type != NON_POLITICAL


def _split(phrase: str, pos: str) -> tuple[str, tuple[str, ...]]:
    """Head word and required dependents of a lexicon phrase (verbs: first word; nouns: last word before 'of/to')."""
    words = phrase.lower().replace("-", " ").split()
    if pos != "NOUN":
        return words[0], tuple(words[1:])
    cut = next((i for i, w in enumerate(words) if w in ("of", "to") and i > 0), len(words))
    head = words[cut - 1]
    return head, tuple(w for i, w in enumerate(words) if i != cut - 1)


_POS = frozenset({"VERB", "NOUN", "ADJ"})


class Lexicon:
    """Trigger lookup keyed by (POS, word)."""

    def __init__(self, groups: list[dict]) -> None:
        ontology = load_ontology()
        self._index: dict[tuple[str, str], list[TriggerEntry]] = {}
        for group in groups:
            for pos, key in (("VERB", "verbs"), ("NOUN", "nouns"), ("ADJ", "adjectives")):
                for phrase in group.get(key, []):
                    head, extras = _split(str(phrase), pos)
                    entry = TriggerEntry(
                        type=group["type"],
                        mode=group.get("mode"),
                        cameo=group.get("cameo"),
                        acled=group.get("acled"),
                        category=group.get("category", "political"),
                        pos=pos,
                        head=head,
                        extras=extras,
                        wrap=bool(group.get("wrap", False)),
                        commissive=bool(group.get("commissive", False)),
                    )
                    if entry.type != NON_POLITICAL and not ontology.is_mode(entry.type, entry.mode):
                        raise ValueError(f"unknown mode {entry.mode!r} for {entry.type} in trigger {phrase!r}")
                    self._index.setdefault((pos, head), []).append(entry)
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e.extras))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def entries(self) -> list[TriggerEntry]:
        """Every entry of the lexicon (for checks and documentation)."""
        return [entry for group in self._index.values() for entry in group]

    def lookup(self, token: Token) -> list[TriggerEntry]:
        """Entries whose head is this token and whose extra words are among its dependents, most specific first."""
        pos = token.pos_
        if pos not in _POS:
            return []
        entries: list[TriggerEntry] = []
        for form in word_forms(token):
            entries = self._index.get((pos, form)) or []
            if entries:
                break
        if not entries:
            return []
        found: list[TriggerEntry] = []
        near: set[str] | None = None
        for entry in entries:
            if entry.extras:
                if near is None:
                    near = _dependent_words(token)
                if not all(w in near for w in entry.extras):
                    continue
            found.append(entry)
        return found


def word_forms(token: Token) -> tuple[str, ...]:
    """The token's lemma, its lower-case form and its regular de-inflections, best first.

    The small model's lemmatiser slips on some inflected verbs ("staged" → "stag"), so inflected forms are also
    reduced by rule ("staged" → "stage", "planned" → "plan", "carried" → "carry")."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        stem = word[:-2]
        forms += [stem + "e", stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
        if word.endswith("ied"):
            forms.append(word[:-3] + "y")
    elif token.tag_ == "VBG" and word.endswith("ing"):
        stem = word[:-3]
        forms += [stem + "e", stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    elif token.tag_ in ("VBZ", "NNS") and word.endswith("s"):
        forms += [word[:-1], word[:-3] + "y" if word.endswith("ies") else word[:-2]]
    return tuple(dict.fromkeys(forms))


def _dependent_words(token: Token) -> set[str]:
    """Lower-case words and lemmas of the token's children and of the objects of its prepositions."""
    words: set[str] = set()
    for child in token.children:
        words.update((child.lower_, child.lemma_.lower()))
        if child.dep_ in ("prep", "dobj", "prt", "compound", "amod", "agent"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "compound", "amod", "det", "prep"):
                    words.update((grand.lower_, grand.lemma_.lower()))
    return words


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with the package (cached: one copy per process)."""
    text = resources.files("dateline.events").joinpath("data", "triggers.yaml").read_text(encoding="utf-8")
    return Lexicon(yaml.safe_load(text))
