"""Toponym recognition on a spaCy Doc: GPE / LOC / FAC entities, plus gazetteer names the model missed.

The small spaCy model tags some place names as PERSON or ORG, or not at all ("Rafah" in "the Rafah crossing").
A capitalised name the gazetteer knows as a sizeable place is taken when the text around it is locative (a
preposition such as "in" / "near" before it, a place noun such as "crossing" / "province" after it, or ", <place>"
after it), when it names a division with its type ("Rapides Parish"), or when the same name is a place elsewhere
in the article. Nationality adjectives (NORP: "Israeli", "Egyptian") are not places; they are returned separately as
country hints.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dateline.places.context import is_dateline
from dateline.places.gazetteer import (
    KIND_ADM1,
    KIND_ADM2,
    KIND_CITY,
    KIND_CONTINENT,
    KIND_COUNTRY,
    MATCH_CODE,
    MATCH_NAME,
    Gazetteer,
    fold,
)
from dateline.places.resolve import GENERIC_TAIL

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RECLAIM_LABELS = frozenset({"PERSON", "ORG"})
LOCATIVE = frozenset(
    {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward", "towards", "through", "of"}
)
PLACE_NOUNS = frozenset(
    {
        "crossing", "border", "city", "town", "village", "province", "region", "area", "governorate", "district",
        "camp", "county", "state", "capital", "neighbourhood", "neighborhood", "port", "airport", "valley",
        "strip", "coast", "island", "suburb", "outskirts", "municipality", "parish", "township",
    }
)  # fmt: skip
MIN_RECLAIM_POPULATION = 20_000
_DIVISION_WORD = re.compile(r"\s(county|parish|province|governorate|district|oblast|region|prefecture)$", re.I)


def _is_known_place(gaz: Gazetteer, text: str, names_only: bool = False) -> bool:
    """Whether the gazetteer has a sizeable place of this exact name (country, region, town ≥ 20,000, or a
    division named with its type: "Rapides Parish"); with ``names_only``, alternate names and codes don't count."""
    typed = bool(_DIVISION_WORD.search(text))
    for idx, match in gaz.lookup(text):
        if names_only and match != MATCH_NAME:
            continue
        kind = int(gaz.kind[idx])
        if typed and kind == KIND_ADM2:
            return True
        if kind in (KIND_COUNTRY, KIND_ADM1) or (kind == KIND_CONTINENT and match != MATCH_CODE):
            return True  # a continent's code ("EU") tagged as an organisation stays one
        if kind == KIND_CITY and int(gaz.pop[idx]) >= MIN_RECLAIM_POPULATION:
            return True
    return False


def _trimmed(span: Span) -> tuple[int, int] | None:
    """Character offsets of an entity without a leading "the" and a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("'s", "’s")):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return (start, end) if end > start else None


def _split_commas(gaz: Gazetteer, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Charleston, W.Va." tagged as one entity becomes two toponyms when each part is a known name."""
    surface = text[start:end]
    if ", " not in surface:
        return [(start, end)]
    parts, pos = [], start
    for piece in surface.split(", "):
        parts.append((pos, pos + len(piece)))
        pos += len(piece) + 2
    if all(gaz.lookup(text[s:e]) for s, e in parts):
        return parts
    return [(start, end)]


def _locative(doc: Doc, start: int, end: int, place_ents: set[int]) -> bool:
    """Whether tokens ``[start, end)`` stand where a place name would: after "in", before "crossing", before
    ", <place>"."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.lower_ in LOCATIVE:
        return True
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True
    return after is not None and after.text == "," and end + 1 < len(doc) and (end + 1) in place_ents


def is_demonym(gaz: Gazetteer, text: str) -> bool:
    """A nationality adjective or plural ("Israeli", "Russians") that is not itself a sizeable place name."""
    return gaz.demonym(text) is not None and not _is_known_place(gaz, text)


def _without_generic_tail(gaz: Gazetteer, text: str, start: int, end: int) -> tuple[int, int]:
    """ "Rafah crossing", "Fargo city": the name without a trailing generic word, when only the name is known."""
    surface = text[start:end]
    stripped = GENERIC_TAIL.sub("", surface)
    if stripped != surface and not gaz.lookup(surface) and gaz.lookup(stripped):
        return start, start + len(stripped)
    return start, end


def _inner_place(gaz: Gazetteer, ent: Span, text: str) -> tuple[int, int] | None:
    """A known place name inside an organisation or facility name ("the Shreveport Police Department").

    Inside a PERSON entity only a division named with its type counts ("Rapides Parish Fire"); only a place's own
    name counts, not one of its alternate names ("Rapid" for Rapid City inside "Rapid Support Forces").
    """
    tokens = [t for t in ent if t.lower_ != "the"]
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            part = tokens[i : i + size]
            if part == tokens or not all(t.text[:1].isupper() and t.is_alpha for t in part):
                continue
            if ent.label_ == "ORG" and part[-1].i == tokens[-1].i:
                continue  # the head of an organisation's name is not a place in it ("European Union")
            start, end = part[0].idx, part[-1].idx + len(part[-1].text)
            surface = text[start:end]
            if ent.label_ == "PERSON" and not _DIVISION_WORD.search(surface):
                continue
            if _is_known_place(gaz, surface, names_only=True):
                return start, end
    return None


def find_toponyms(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the place names in ``doc``, in text order."""
    text = doc.text if text is None else text  # callers that hold Doc.text pass it: spaCy rebuilds it per access
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()
    place_starts = {ent.start for ent in doc.ents if ent.label_ in PLACE_LABELS}
    maybe: list[tuple[int, int]] = []
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in PLACE_LABELS:
            trimmed = _trimmed(ent)
            if trimmed is None or is_demonym(gaz, text[trimmed[0] : trimmed[1]]):
                continue
            spans.extend(_split_commas(gaz, text, *_without_generic_tail(gaz, text, *trimmed)))
        elif ent.label_ in RECLAIM_LABELS:
            trimmed = _trimmed(ent)
            if trimmed is None:
                continue
            if len(ent) > 3 or not _is_known_place(gaz, text[trimmed[0] : trimmed[1]]):
                inner = _inner_place(gaz, ent, text)
                if inner is not None:
                    spans.append(inner)
                continue
            typed = bool(_DIVISION_WORD.search(text[trimmed[0] : trimmed[1]]))
            if typed or _locative(doc, ent.start, ent.end, place_starts):
                spans.append(trimmed)
            else:
                maybe.append(trimmed)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        start, end = tok.idx, doc[j - 1].idx + len(doc[j - 1].text)
        surface = text[start:end]
        if fold(surface) and _is_known_place(gaz, surface) and _locative(doc, i, j, place_starts):
            spans.append((start, end))
        i = j
    dateline = _dateline(gaz, text)
    if dateline is not None and not any(s < dateline[1] and dateline[0] < e for s, e in spans):
        spans.append(dateline)  # "BEIRUT —", "Kyiv (Reuters) -": the model seldom tags a text's first word
    named = {fold(text[s:e]) for s, e in spans}
    spans.extend(span for span in maybe if fold(text[span[0] : span[1]]) in named)
    return sorted({(s, e) for s, e in spans if not text[s].islower()})  # "the metro", "downtown": no place names


_DATELINE_HEAD = re.compile(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")


def _dateline(gaz: Gazetteer, text: str) -> tuple[int, int] | None:
    """The wire dateline opening the text, when it is a known place: "WASHINGTON", "BUENOS AIRES", "Beirut (AP) —";
    the longest run of up to three capitalised words that the gazetteer knows and :func:`is_dateline` accepts."""
    match = _DATELINE_HEAD.match(text)
    if match is None:
        return None
    words = list(re.finditer(r"\S+", match.group(1)))
    for n in range(len(words), 0, -1):
        start, end = match.start(1), match.start(1) + words[n - 1].end()
        surface = text[start:end].rstrip(",.:")
        end = start + len(surface)
        if is_dateline(text, start, end) and _is_known_place(gaz, surface.title() if surface.isupper() else surface):
            return start, end
    return None


def country_hints(doc: Doc, gaz: Gazetteer) -> set[str]:
    """ISO alpha-2 codes of the nationalities the text names (NORP entities: "Egyptian authorities")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            idx = gaz.demonym(ent.text)
            if idx is not None and int(gaz.kind[idx]) == KIND_COUNTRY:
                out.add(gaz.country_code(idx))
    return out
