"""Find the actors of an article and resolve them against the KB as of the article date.

Mentions come from spaCy entities (PERSON, ORG, NORP, GPE, LOC), from titles before or after a name ("Defense Minister
Galant", "Netanyahu, Israel's prime minister"), from title-only phrases ("the Israeli defence minister", "his American
counterpart") and from collective nouns with a nationality ("Liberian riot police"). Names resolve by exact, alias,
surname and fuzzy lookup, ranked by what the context says (office, country) and by the roles valid on the article
date; a title that disagrees with the KB on that date raises a ``role_contradiction`` flag. People the KB does not
know are kept as article-level actors with the role and country the text gives them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from dateline.actors.kb import TRANSNATIONAL, KBActor, KBRole, KnowledgeBase, fold, get_kb
from dateline.actors.lexicon import (
    COMPASS_WORDS,
    ETHNIC_HOME,
    FORMER,
    GENERIC_GROUP_NOUNS,
    GROUP_SECTORS,
    IGO_BODY_SECTORS,
    MEMBER_NOUNS,
    MODIFIER_SECTORS,
    ORG_SECTORS,
    ORG_WORDS,
    REGION_HOME,
    REGION_WORDS,
    TitleRule,
    compile_title_rules,
)
from dateline.countries import alpha3
from dateline.countries import name as country_name
from dateline.model import Actor, ActorKind, Flag
from dateline.model import Span as TextSpan
from dateline.places.context import is_dateline

_RULES = compile_title_rules()
_LEADING_TITLES = [re.compile(rf"(?:{rule.pattern})\s+(?=[A-Z])", re.IGNORECASE) for rule, _, _ in _RULES]
_SLUG_RULES = [(rule, re.compile(rf"\b(?:{rule.pattern})\b", re.IGNORECASE)) for rule, _, _ in _RULES if rule.slug]
_COUNTERPART = re.compile(r"\b(?:his|her|their|its)\s+(?P<nat>(?:[A-Z][\w.'’-]*\s+){0,2})counterparts?\s*,?\s*$")
_NAT_BEFORE = re.compile(
    r"(?P<nat>(?:[A-Z][\w.’'-]*(?:['’]s)?\s+){1,3})(?:(?:new|interim|acting|outgoing|incoming|current|deputy)\s+)?$"
)
_SUBNATIONAL = re.compile(
    r"\b(?:(?:lieutenant\s+)?governor|mayor|chief\s+minister|state\s+(?:senator|governor)|county\s+executive)\b",
    re.IGNORECASE,
)
"""Offices of a state, province or city: the name before them is that place, not a country ("Georgia Governor")."""
_OF_COUNTRY = re.compile(r"^\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)")
_INSTITUTIONS = {
    "government",
    "cabinet",
    "administration",
    "regime",
    "ministry",
    "army",
    "military",
    "navy",
    "police",
    "parliament",
    "legislature",
    "congress",
    "senate",
    "court",
    "judiciary",
    "party",
}
#: Plural nouns of the group lexicon that are too vague to stand alone as an actor.
_BARE_SKIP = {
    "people",
    "officials",
    "leaders",
    "authorities",
    "towns",
    "cities",
    "villages",
    "homes",
    "children",
    "women",
    "families",
    "units",
    "businesses",
    "companies",
    "schools",
    "hospitals",
    "banks",
    "sites",
}
#: Dependencies of a noun that takes part in the event of its clause (subject, object, agent, conjunct of those).
_ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "compound"}
_DEVICE_NOUNS = frozenset({"bomb", "bombs", "minefield", "minefields", "mines", "explosives"})
_KIND: dict[str, ActorKind] = {"person": "person", "country": "country", "armed_group": "group"}
_ENT_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC"}
#: PLOVER drops CAMEO's insurgent and separatist distinctions (manual, actor sectors): both code as rebels.
PLOVER_SECTOR = {"INS": "REB", "SEP": "REB"}


@dataclass
class _Title:
    """A title found next to a name (or alone): its rule, text extent, country and whether it is a past office."""

    rule: TitleRule | None
    start: int
    end: int
    text: str
    country: str | None = None
    former: bool = False
    slug: str | None = None


@dataclass
class _Draft:
    """An actor being assembled from its mentions."""

    id: str
    name: str
    kind: ActorKind
    confidence: float
    kb: KBActor | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    slug: str | None = None
    former: bool = False
    transnational: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)


def resolve_actors(doc: Doc, article_date: dt.date, kb: KnowledgeBase | None = None) -> tuple[list[Actor], list[Flag]]:
    """The actors of ``doc`` as of ``article_date`` (KB-resolved or article-level) and role contradiction flags."""
    return _Resolver(doc, article_date, kb or get_kb()).run()


class _Resolver:
    """One article's resolution state: drafts by id, consumed character ranges, flags."""

    def __init__(self, doc: Doc, day: dt.date, kb: KnowledgeBase) -> None:
        self.doc, self.text, self.day, self.kb = doc, doc.text, day, kb
        self.tokens = list(doc)  # iterating a Doc creates new Token objects each time
        self.drafts: dict[str, _Draft] = {}
        self.flags: list[Flag] = []
        self.consumed: list[tuple[int, int]] = []
        self.headlines = _headline_ranges(self.text)
        self._countries: dict[tuple[str, bool], str | None] = {}

    # -- driver ---------------------------------------------------------------------------------------------

    def run(self) -> tuple[list[Actor], list[Flag]]:
        # a wire dateline ("CAIRO (Reuters) -") says where the story was filed, not who acted
        ents = [
            e
            for e in self.doc.ents
            if e.label_ in _ENT_LABELS and not (e.label_ != "NORP" and is_dateline(self.text, e.start_char, e.end_char))
        ]
        ents = self._kb_organisations(ents)
        later: list[Span] = []
        for ent in ents:
            span = _trim(ent)
            if span is None:
                continue
            nation = self._country(span.text) or self._ethnic_before_group(span) or self._compound_demonym(span)
            if ent.label_ == "PERSON" and nation and not self._title_left(span.start_char):
                later.append(Span(self.doc, span.start, span.end, label="NORP"))
            elif ent.label_ == "PERSON" and self._capital_not_person(span):
                later.append(Span(self.doc, span.start, span.end, label="GPE"))  # "Kyiv said …" tagged PERSON
            elif ent.label_ == "ORG" and self._ethnic_before_group(span):
                later.append(Span(self.doc, span.start, span.end, label="NORP"))  # "Hausa politicians"
            elif ent.label_ == "PERSON" or (ent.label_ == "ORG" and self._person_in_org(span)):
                self._person_or_split(span)
            elif ent.label_ in ("ORG", "GPE") and len(span) <= 3 and self._names_person(span):
                self._person(span.start_char, span.end_char)
            else:
                later.append(span)
        self._title_only()
        later.extend(self._loose_nationalities(ents))
        later.sort(key=lambda sp: sp.start)
        for span in later:
            if not self._is_consumed(span.start_char, span.end_char):
                if span.label_ == "ORG" and self._country(span.text) is None and self._city_named_org(span):
                    self._place_or_people(Span(self.doc, span.start, span.end, label="GPE"))
                elif span.label_ == "ORG" and self._country(span.text) is None:
                    self._org(span)
                else:
                    self._place_or_people(span)
        self._person_groups()
        self._bare_groups()
        self._fill_countries()
        actors = [self._finish(d) for d in self.drafts.values() if d.mentions]
        actors.sort(key=lambda a: a.mentions[0].start)
        return actors, self.flags

    def _kb_organisations(self, ents: list[Span]) -> list[Span]:
        """Add KB organisation names spaCy missed or cut ("the Liberation Tigers" + "Tamil" for the whole name,
        "SPLM/A", "Hizbollah" untagged) as ORG entities, replacing the entities they cover. A name is a run of up to
        eight tokens from a capitalised word to a capitalised word; a single word must be a proper noun of four or
        more letters that is no word of the group and organisation lexicons."""
        found: list[Span] = []
        i = 0
        while i < len(self.tokens):
            span = self._kb_name_at(i)
            if span is None:
                i += 1
                continue
            if not any(e.start <= span.start and span.end <= e.end for e in ents):
                found.append(span)
            i = span.end
        if not found:
            return ents
        kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
        return sorted(kept + found, key=lambda e: e.start)

    def _kb_name_at(self, i: int) -> Span | None:
        """The longest KB organisation name starting at token ``i``, as an ORG span."""
        first = self.tokens[i]
        if not first.text[:1].isupper():
            return None
        lead = self.tokens[i + 1] if first.lower_ == "the" and i + 1 < len(self.tokens) else first
        if not self.kb.starts_a_name(lead.text):
            return None
        for n in range(min(8, len(self.tokens) - i), 0, -1):
            span = self.doc[i : i + n]
            if not span[-1].text[:1].isupper():
                continue
            word = span[0]
            if n == 1 and (
                word.tag_ != "NNP" or len(word) < 4 or word.lower_ in ORG_WORDS or word.lower_ in GROUP_SECTORS
            ):
                continue
            if any(a.kind not in ("person", "country") for a in self.kb.candidates(span.text)):
                return Span(self.doc, i, i + n, label="ORG")
        return None

    def _fill_countries(self) -> None:
        """Give actors the text left without a country (an untitled-country president, "hostage-takers") the
        article's main country, as event coders read an unmarked actor — only where the article clearly has one:
        its mentions outnumber those of all other countries together. Otherwise the actor stays without a country
        rather than taking a guessed side."""
        counts: dict[str, int] = {}
        for draft in self.drafts.values():
            if draft.country:
                counts[draft.country] = counts.get(draft.country, 0) + len(draft.mentions)
        if not counts:
            return
        main = max(counts, key=lambda c: counts[c])
        if counts[main] <= sum(counts.values()) - counts[main]:
            return
        for draft in self.drafts.values():
            if draft.country is not None or not draft.mentions:
                continue
            if draft.kb is not None and draft.kb.kind != "person":
                continue  # transnational KB organisations keep no country
            if draft.transnational or (draft.kind == "person" and draft.sector is None):
                continue
            draft.country = main
            draft.confidence = round(draft.confidence * 0.8, 3)

    def _person_groups(self) -> None:
        """A group named after a person ("the Bush administration", "Djindjic's opposition coalition"): a collective
        of that person's country with the sector of the group noun."""
        people = [(s, e, d) for d in self.drafts.values() if d.kind == "person" and d.country for s, e in d.mentions]
        for token in self.tokens:
            if token.pos_ != "NOUN" or not _is_group_noun(token):
                continue
            for child in token.lefts:
                if child.dep_ not in ("poss", "compound") or child.ent_type_ != "PERSON":
                    continue
                owner = next(((s, d) for s, e, d in people if s <= child.idx < e), None)
                chain = [t for t in token.lefts if t.dep_ == "compound" and t.i > child.i]
                sector = _noun_sector(token, chain) if owner else None
                if owner is None or sector is None or self._mentioned(token.idx, token.idx + len(token)):
                    continue
                start, person = owner
                kind: ActorKind = "organization" if token.lemma_.lower() in _INSTITUTIONS else "group"
                name = f"{self.text[start : child.idx + len(child)]} {token.lemma_.lower()}"
                self._group(person.country, sector, kind, start, token.idx + len(token), name)
                break

    def _bare_groups(self) -> None:
        """Group nouns without a nationality that act in a sentence ("hostage-takers demanded", "rebels in Darfur"):
        a collective actor whose country comes from an "in/of/from <place>" after it, or later from the article."""
        for token in self.tokens:
            if token.pos_ != "NOUN" or token.dep_ not in _ACTING_DEPS:
                continue
            sector = _bare_sector(token)
            if sector is None:
                continue
            start = min((t.idx for t in token.lefts if t.dep_ in ("compound", "amod", "punct")), default=token.idx)
            end = token.idx + len(token.text)
            if self._is_consumed(start, end) or self._mentioned(start, end) or self._modified_by_actor(token):
                continue
            code = None
            for prep in token.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from"):
                    place = next((t for t in prep.children if t.dep_ == "pobj"), None)
                    if place is not None and place.ent_type_ in ("GPE", "LOC"):
                        words = self.doc[place.left_edge.i : place.i + 1].text.removeprefix("the ")
                        code = self._country(words) or (_city_country(words, self.kb) or (None,))[0]
                        end = place.idx + len(place.text)
            key = f"group:{(code or 'any').lower()}:{sector.lower()}"
            draft = self.drafts.setdefault(key, _Draft(key, self.text[start:end], "group", 0.45, country=code))
            draft.sector = draft.sector or sector
            draft.mentions.append((start, end))

    def _modified_by_actor(self, token: Token) -> bool:
        """Whether a modifier of ``token`` is already an actor mention ("U.S. and Russian negotiators": the
        nationalities carry the group, so the bare noun is no actor of its own)."""
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and any(
                self._mentioned(t.idx, t.idx + len(t.text)) for t in child.subtree
            ):
                return True
        return False

    def _mentioned(self, start: int, end: int) -> bool:
        """Whether some actor mention already overlaps ``[start, end)``."""
        return any(s < end and start < e for d in self.drafts.values() for s, e in d.mentions)

    def _loose_nationalities(self, ents: list[Span]) -> list[Span]:
        """Capitalised country words and demonyms spaCy did not tag ("Ghanaian authorities"), and stateless peoples
        before a group noun ("Zulu leaders")."""
        covered = {i for e in ents for i in range(e.start, e.end)}
        out = []
        for token in self.tokens:
            if token.i in covered or not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            prev = token.nbor(-1) if token.i > 0 and not token.is_sent_start else None
            if prev is not None and prev.text[:1].isupper() and not prev.is_sent_start:
                continue
            span = Span(self.doc, token.i, token.i + 1, label="NORP")
            if self._country(token.text) or self._ethnic_before_group(span):
                out.append(span)
        return out

    # -- people ---------------------------------------------------------------------------------------------

    def _person_in_org(self, span: Span) -> bool:
        """An ORG entity that ends in a person's name ("the National Security Council Hanegbi")."""
        return self._split_org(span) is not None

    def _split_org(self, span: Span) -> int | None:
        """Token index where a trailing person name starts inside an ORG span, if one does (not when the whole
        span is a KB person's name, "Moody Awori" tagged ORG)."""
        if self._kb_person(span.text) is not None:
            return None
        for k in (2, 1):
            if len(span) <= k:
                continue
            tail = span[-k:]
            head = span[:-k]
            if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in tail):
                continue
            if any(t.lower_ in ORG_WORDS or t.lower_ in GROUP_SECTORS for t in tail) or self._country(tail.text):
                continue
            org_head = any(a.kind not in ("person", "country") for a in self.kb.candidates(head.text))
            if org_head or self._kb_person(tail.text) is not None:
                return tail.start
            if head[-1].lower_ in ORG_SECTORS and tail[-1].lower_ not in ORG_SECTORS:
                return tail.start
        return None

    def _person_or_split(self, span: Span) -> None:
        if span.label_ == "ORG":
            cut = self._split_org(span)
            if cut is not None:
                self.consumed.append((span.start_char, self.doc[cut].idx))
                span = self.doc[cut : span.end]
        start = span.start_char
        lead = self._leading_title(span.text)
        if lead:
            start += lead
        if start < span.end_char:
            self._person(start, span.end_char)

    def _leading_title(self, text: str) -> int:
        """Length of a title at the start of a PERSON entity ("President Biden" tagged whole)."""
        for pattern in _LEADING_TITLES:
            m = pattern.match(text)
            if m and m.end() < len(text):
                return m.end()
        return 0

    def _names_person(self, span: Span) -> bool:
        """A short ORG/GPE entity that is really a person: a KB person's name or a repeat of an earlier one."""
        if any(a.kind != "person" for a in self.kb.candidates(span.text)) or self._country(span.text):
            return False
        if self._kb_person(span.text) is not None:
            return True
        return all(t.pos_ == "PROPN" for t in span) and self._coref(span.text) is not None

    def _city_named_org(self, span: Span) -> bool:
        """A known city the model tagged as an organisation ("a missionary from Winnipeg"): no KB entry of that name
        and no organisation word in it."""
        if self.kb.candidates(span.text) or any(t.lower_ in ORG_WORDS for t in span):
            return False
        return _city_country(span.text, self.kb) is not None

    def _capital_not_person(self, span: Span) -> bool:
        """A national capital the model tagged as a person: no title, no KB person of that name, and no person of
        that name already in the article ("Kyiv" yes; "Washington" after "George Washington" no)."""
        if fold(span.text) not in _capitals(self.kb) or self._title_left(span.start_char):
            return False
        if self._kb_person(span.text) is not None:
            return False
        last = span.text.split()[-1].lower()
        return not any(d.kind == "person" and last in d.name.lower().split() for d in self.drafts.values())

    def _kb_person(self, name: str) -> KBActor | None:
        """A KB person this exact name or alias stands for."""
        people = [a for a in self.kb.candidates(name) if a.kind == "person"]
        return people[0] if people else None

    def _person(self, start: int, end: int) -> None:
        """Resolve one person mention at ``[start, end)`` using its titles and the article so far."""
        name = self.text[start:end]
        title = self._title_left(start) or self._title_right(end)
        if title is not None:
            self.consumed.append((min(title.start, start), max(title.end, end)))
            after = _OF_COUNTRY.match(self.text[end : end + 60])
            if title.country is None and after:
                title.country = self._country(after["c"]) or self._country(after["c"].split()[0])
                if title.country is not None:  # "King Hassan of Morocco": the country qualifies the title
                    self.consumed.append((end, end + after.end()))
        match = self._choose(name, title)
        if match is not None:
            actor, score = match
            draft = self._kb_draft(actor, score, title, start, end)
        else:
            draft = self._coref(name)
            if draft is None:
                if self._in_headline(start):
                    return
                draft = self._local_person(name, title)
        draft.mentions.append((start, end))

    def _coref(self, name: str) -> _Draft | None:
        """An earlier person of the article whose surname (or full name) this name repeats."""
        key = fold(name)
        last = key.rsplit(" ", 1)[-1]
        for draft in self.drafts.values():
            if draft.kind != "person":
                continue
            names = [draft.name, *(self.text[s:e] for s, e in draft.mentions)]
            folded = [fold(n) for n in names]
            if key in folded or any(f.rsplit(" ", 1)[-1] == last for f in folded):
                return draft
        return None

    def _choose(self, name: str, title: _Title | None) -> tuple[KBActor, float] | None:
        """The best KB person for ``name`` in context, with a 0–1 score, or None when nothing fits well enough."""
        key = fold(name)
        if not key:
            return None
        scored: dict[str, tuple[KBActor, float]] = {}

        def offer(actor: KBActor, score: float) -> None:
            if actor.kind == "person" and score > scored.get(actor.id, (actor, 0.0))[1]:
                scored[actor.id] = (actor, score)

        for rank, actor in enumerate(self.kb.candidates(name)):
            offer(actor, 1.0 if fold(actor.name) == key else 0.95 - 0.01 * rank)
        earlier = self._coref(name)
        if earlier is not None and earlier.kb is not None:
            offer(earlier.kb, 0.97)
        last = key.rsplit(" ", 1)[-1]
        if " " not in key:
            for actor in self.kb.by_surname(last):
                offer(actor, 0.85)
        if title is not None and title.country and title.slug:
            for actor in self.kb.holders(f"{title.country}/{title.slug}", self.day):
                sur = fold(actor.name).rsplit(" ", 1)[-1]
                offer(actor, 0.9 * max(fuzz.ratio(last, sur), fuzz.ratio(key, fold(actor.name))) / 100)
        if not scored and len(key) >= 4:
            for actor, score in self.kb.fuzzy(name, limit=5, cutoff=85):
                if actor.name[:1].lower() == key[:1] or any(a[:1].lower() == key[:1] for a in actor.aliases):
                    offer(actor, 0.8 * score / 100)
        best: tuple[KBActor, float] | None = None
        for actor, score in scored.values():
            total = score + self._context_bonus(actor, title)
            if best is None or total > best[1]:
                best = (actor, total)
        if best is None or best[1] < 0.6:
            return None
        return best[0], min(best[1], 1.0)

    def _context_bonus(self, actor: KBActor, title: _Title | None) -> float:
        """How well an actor fits the title's office and country and the article date."""
        bonus = 0.0
        on_date = actor.roles_on(self.day)
        if on_date:
            bonus += 0.05
        if title is None:
            return bonus
        countries = {actor.country, *(r.country for r in actor.roles)}
        if title.country:
            bonus += 0.15 if title.country in countries else -0.4
        if title.slug and any(_title_fits(title, r) for r in on_date):
            bonus += 0.2
        elif title.slug and any(_title_fits(title, r) for r in actor.roles):
            bonus += 0.05
        return bonus

    def _kb_draft(self, actor: KBActor, score: float, title: _Title | None, start: int, end: int) -> _Draft:
        """The draft for a KB person (made on first mention), checking the text's title against the KB roles."""
        draft = self.drafts.get(actor.id)
        if draft is None:
            draft = _Draft(actor.id, actor.name, "person", round(min(0.99, 0.5 + 0.5 * score), 3), kb=actor)
            self._fill_from_kb(draft, actor, title)
            self.drafts[actor.id] = draft
        if title is not None and title.rule is not None and title.slug and not title.former:
            self._check_title(actor, title, start, end)
        return draft

    def _fill_from_kb(self, draft: _Draft, actor: KBActor, title: _Title | None) -> None:
        """Country, sector, role and former status of a KB person on the article date."""
        on_date = actor.roles_on(self.day)
        fitting = [r for r in on_date if title is not None and title.slug and _title_fits(title, r)]
        role: KBRole | None = (fitting or on_date or [None])[0]
        draft.country = actor.country
        if title is not None and title.former and fitting:
            # "Ousted President X": the text says the office is past, whatever the KB's dates say; a former holder
            # is coded as one (ELI), not as the government.
            self._take_role(draft, actor, fitting[0])
            draft.former, draft.sector = True, "ELI"
        elif role is not None:
            self._take_role(draft, actor, role)
        elif title is not None and title.rule is not None and not title.former:
            # The KB knows no office on this date: the text's own title is the best evidence, and a KB office of
            # another date that the title names gives its country and sector.
            known = [r for r in actor.roles if title.slug and _title_fits(title, r)]
            if known:
                self._take_role(draft, actor, known[0])
            else:
                draft.role, draft.sector, draft.slug = title.text, title.rule.sector, title.slug
        elif actor.roles_before(self.day) or (title is not None and title.former):
            past = actor.roles_before(self.day)
            draft.role = past[0].title if past else (title.text if title else None)
            draft.former, draft.sector = True, "ELI"
        else:
            draft.sector = actor.sectors[0] if actor.sectors else (title.rule.sector if title and title.rule else None)
        if draft.country is None and title is not None and not draft.transnational:
            draft.country = title.country

    @staticmethod
    def _take_role(draft: _Draft, actor: KBActor, role: KBRole) -> None:
        """Title, sector and country of a KB role. An official of an international organisation (a role the KB marks
        IGO/NGO) acts for it, not for the country of birth: no country (CAMEO puts IGO in the country slot) and the
        sector of an official, GOV."""
        draft.role, draft.slug = role.title, role.slug
        draft.transnational = role.sector in TRANSNATIONAL
        draft.sector = "GOV" if draft.transnational or role.sector is None else role.sector
        draft.country = role.country or (None if draft.transnational else actor.country)

    def _check_title(self, actor: KBActor, title: _Title, start: int, end: int) -> None:
        """Flag a title that the KB contradicts on the article date (only for people whose career it knows)."""
        if not actor.roles or any(_title_fits(title, r) for r in actor.roles_on(self.day)):
            return
        held = ", ".join(r.title for r in actor.roles_on(self.day)) or "no office in the KB"
        s, e = min(title.start, start), max(title.end, end)
        self.flags.append(
            Flag(
                kind="role_contradiction",
                message=f"text calls {actor.name} {title.text!r} but on {self.day} the KB has: {held}",
                evidence=TextSpan(text=self.text[s:e], start=s, end=e),
            )
        )

    def _local_person(self, name: str, title: _Title | None) -> _Draft:
        """An article-level person: role, sector and country only from the text."""
        draft = _Draft(f"local:{_slug(name)}", name, "person", 0.5 if title else 0.35)
        if title is not None:
            draft.country = title.country
            if title.rule is not None:
                draft.sector = "ELI" if title.former else title.rule.sector
                draft.role, draft.slug, draft.former = title.text, title.slug, title.former
        self.drafts.setdefault(draft.id, draft)
        return self.drafts[draft.id]

    # -- titles ---------------------------------------------------------------------------------------------

    def _sentence_start(self, char: int) -> int:
        token = self.doc.char_span(char, char + 1, alignment_mode="expand")
        sent_start = token.sent.start_char if token is not None else 0
        return max(sent_start, self.text.rfind("\n", 0, char) + 1)

    def _title_left(self, start: int) -> _Title | None:
        """A title ending right before a name: "Defense Minister ", "his American counterpart, "."""
        lo = self._sentence_start(start)
        left = self.text[lo:start]
        m = _COUNTERPART.search(left)
        if m:
            country = self._country(m["nat"].strip()) if m["nat"].strip() else None
            slug, text = self._counterpart_office(country)
            return _Title(None, lo + m.start(), lo + m.end(), text or "counterpart", country, slug=slug)
        for rule, pattern, _ in _RULES:
            m = pattern.search(left)
            if m:
                return self._make_title(rule, lo + m.start("title"), lo + m.end("title"), lo)
        return None

    def _title_right(self, end: int) -> _Title | None:
        """An appositive title after a name: ", Israel's prime minister"."""
        right = self.text[end : end + 90].split("\n", 1)[0]
        for rule, _, pattern in _RULES:
            m = pattern.match(right)
            if m and re.fullmatch(r"(?:[A-Z][\w.’'-]*(?:['’]s)?\s+){0,3}", m["pre"]):
                title = self._make_title(rule, end + m.start("title"), end + m.end("title"), end)
                country = self._country_in(m["pre"])
                if country:
                    title.country = country
                return title
        return None

    def _make_title(self, rule: TitleRule, start: int, end: int, lo: int) -> _Title:
        """A title with the nationality words before it (or inside it) and any "former" marker."""
        text = self.text[start:end].strip(" ,")
        country = None
        local = bool(_SUBNATIONAL.search(text))
        # Leading capitalised words of a generic title may be a nationality ("Serbian Labour Minister"), or for a
        # sub-national office the state or city it serves ("Georgia Governor", "Maharashtra Chief Minister").
        words = text.split()
        while len(words) > 1:
            c = self._place_country(words[0]) if local else None
            c = c or self._country(words[0])
            if c is None:
                break
            country, start = c, start + len(words[0]) + 1
            words = words[1:]
        text = " ".join(words)
        before = self.text[lo:start]
        m = _NAT_BEFORE.search(before)
        nat_start = start
        if country is None and m:
            words_before = m["nat"].split()
            for i in range(len(words_before)):
                if words_before[i].lower() in ("the", "a", "an"):
                    continue
                named = " ".join(words_before[i:])
                c = (self._place_country(named) if local else None) or self._country(named)
                if c:
                    country = c
                    nat_start = start - len(m["nat"]) + len(" ".join(words_before[:i])) + (1 if i else 0)
                    break
        if country is None:
            country = self._country_in(text)
        former = bool(FORMER.search(self.text[lo:nat_start]))
        return _Title(rule, nat_start, end, text, country, former, rule.slug)

    def _place_country(self, name: str) -> str | None:
        """The country of a first-level division or city of this name, for sub-national titles."""
        found = _city_country(name.strip().removesuffix("'s").removesuffix("’s"), self.kb)
        return found[0] if found else None

    def _counterpart_office(self, country: str | None) -> tuple[str | None, str | None]:
        """The office of the latest titled person of another country: a counterpart holds the same office."""
        for draft in reversed(list(self.drafts.values())):
            if draft.kind == "person" and draft.slug and draft.country != country:
                return draft.slug, draft.role
        return None, None

    def _title_only(self) -> None:
        """Mentions by title alone ("the Israeli defence minister", "the president of Armenia"), resolved to the
        holder on the article date, else kept as the office of that country; a title set off by a comma before a
        name ("Qatar's emir, Sheikh Hamad") is another mention of that person."""
        for rule, pattern in _SLUG_RULES:
            for m in pattern.finditer(self.text):
                s, e = m.start(), m.end()
                if self._is_consumed(s, e):
                    continue
                if re.match(r"\s*,?\s*[A-Z]", self.text[e : e + 3]):
                    self._appositive_title(rule, s, e)
                    continue
                title = self._make_title(rule, s, e, self._sentence_start(s))
                if title.former:
                    continue
                after = _OF_COUNTRY.match(self.text[e : e + 60])
                country = self._country(after["c"]) if after else None
                if country is not None and title.country is None:
                    title.country, title.end = country, e + after.end()
                draft = self._title_holder(title)
                if draft is not None:
                    draft.mentions.append((title.start, title.end))
                    self.consumed.append((title.start, title.end))

    def _appositive_title(self, rule: TitleRule, s: int, e: int) -> None:
        """A title followed by a comma and a person already resolved ("Qatar's emir, Sheikh Hamad ..."): the title
        phrase, with its nationality, is another mention of that person."""
        comma = re.match(r"\s*,\s*", self.text[e : e + 4])
        if comma is None:
            return
        name_at = e + comma.end()
        for draft in self.drafts.values():
            if draft.kind != "person":
                continue
            for start, _ in draft.mentions:
                gap = self.text[name_at:start]
                if 0 <= start - name_at <= 25 and re.fullmatch(r"(?:[A-Z][\w.]*\s+)?", gap):
                    title = self._make_title(rule, s, e, self._sentence_start(s))
                    draft.mentions.append((title.start, title.end))
                    self.consumed.append((title.start, title.end))
                    if draft.kb is None:  # the text is all we know of an article-level person
                        draft.country = draft.country or title.country
                        draft.role, draft.slug, draft.sector = title.text, title.slug, rule.sector
                    return

    def _title_holder(self, title: _Title) -> _Draft | None:
        """The draft for whoever holds the titled office: the KB holder, else a unique article person, else (for a
        country's office the KB has no holder of on the date) the office itself as an article-level person."""
        if title.country and title.slug:
            holders = self.kb.holders(f"{title.country}/{title.slug}", self.day)
            if holders:
                return self._kb_draft(holders[0], 0.6, title, title.start, title.end)
        same = [
            d
            for d in self.drafts.values()
            if d.kind == "person" and d.slug == title.slug and (title.country is None or d.country == title.country)
        ]
        if len(same) == 1:
            return same[0]
        if same or not title.country or title.rule is None:
            return None
        key = f"office:{title.country.lower()}/{title.slug}"
        name = f"{title.text} of {country_name(title.country)}"
        draft = _Draft(key, name, "person", 0.45, country=title.country, sector=title.rule.sector)
        draft.role, draft.slug = title.text, title.slug
        return self.drafts.setdefault(key, draft)

    # -- organisations, countries, groups -------------------------------------------------------------------

    def _org(self, span: Span) -> None:
        text = span.text
        found = [a for a in self.kb.candidates(text) if a.kind != "person"]
        if found:
            self._kb_thing_or_group(found[0], span, 0.9)
            return
        if self._in_headline(span.start_char):
            return
        country = self._country_in(text)
        words = re.split(r"\s+of\s+", text, maxsplit=1)[0].split()
        sector = next((ORG_SECTORS[w.lower()] for w in reversed(words) if w.lower() in ORG_SECTORS), None)
        if country is None and sector is None and len(span) == 1 and span[0].pos_ != "PROPN":
            return
        draft = self.drafts.setdefault(
            f"local:{_slug(text)}", _Draft(f"local:{_slug(text)}", text, "organization", 0.4, country=country)
        )
        draft.sector = draft.sector or sector
        draft.mentions.append((span.start_char, span.end_char))

    def _place_or_people(self, span: Span) -> None:
        """A country name or nationality: a country actor, or a group when it modifies a group noun."""
        found = [a for a in self.kb.candidates(span.text) if a.kind != "person"]
        code = self._country(span.text)
        ethnic = self._ethnic_country(span, code)
        stateless = code is None and ethnic is not None
        if ethnic is not None:
            code, found = ethnic, []
        if code is None and found and found[0].kind != "country":
            self._kb_thing_or_group(found[0], span, 0.85)
            return
        if code is None:
            self._city(span)
            return
        group = self._group_noun(span)
        if group is not None:
            head, sector = group
            s, e = span.start_char, head.idx + len(head.text)
            if any(t.dep_ == "conj" for t in span.root.children) or span.root.dep_ == "conj":
                e = span.end_char  # "Hungarian and Romanian officials": each nationality is its own mention
            known = [a for a in self.kb.candidates(self.text[s:e]) if a.kind not in ("person", "country")]
            if known:
                self._add_kb_thing(known[0], s, e, 0.85)
                return
            kind: ActorKind = "organization" if head.lemma_.lower() in _INSTITUTIONS else "group"
            if stateless and sector == "GOV":
                sector = "ELI"  # a people without a state has no government: its leaders are elites ("Yoruba leaders")
            self._group(code, sector, kind, s, e, f"{country_name(code)} {head.lemma_.lower()}")
            return
        if self._prep_group(span, code):
            return
        plural = span.root.tag_ in ("NNS", "NNPS") and span.root.dep_ not in ("amod", "compound")
        if plural and (len(span) == 1 or ethnic is not None):
            # A plural nationality used as a noun ("Nigerians protested") is people, not the state.
            self._group(code, "CVL", "group", span.start_char, span.end_char, span.text)
            return
        country = self.kb.country(code)
        key = country.id if country else code.lower()
        name = country.name if country else country_name(code)
        draft = self.drafts.setdefault(key, _Draft(key, name, "country", 0.9, kb=country, country=code))
        draft.mentions.append((span.start_char, span.end_char))

    def _prep_group(self, span: Span, code: str) -> bool:
        """A group noun with "in/of/from <place>" after it is a group of that place's country ("rebels in the Ivory
        Coast", "the government of Sindh province", "a missionary from Calgary"); whether one was added."""
        root = span.root
        while root.dep_ == "compound" and root.head.i > root.i:
            root = root.head  # "Sindh province"
        prep, noun = root.head, root.head.head
        if root.dep_ != "pobj" or prep.lower_ not in ("in", "of", "from", "throughout") or noun.i >= span.start:
            return False
        if noun.pos_ != "NOUN" or not _is_group_noun(noun):
            return False
        if any(t.dep_ in ("amod", "compound", "poss") and self._country(t.text) for t in noun.lefts):
            return False  # "Israeli troops in Gaza": the nationality, not the place, says whose troops
        sector = _noun_sector(noun, [t for t in noun.lefts if t.dep_ == "compound"])
        if sector is None:
            return False
        start = min(t.idx for t in noun.subtree if t.i <= noun.i and t.dep_ != "det")
        end = max(span.end_char, root.idx + len(root))
        kind: ActorKind = "organization" if noun.lemma_.lower() in _INSTITUTIONS else "group"
        self._group(code, sector, kind, start, end, self.text[start:end])
        return True

    def _compound_demonym(self, span: Span) -> bool:
        """Two nationality words tagged as a person ("Bosnian Serbs", "Kosovo Albanians"): a people, not a name."""
        return len(span) == 2 and all(self._country(t.text) is not None for t in span)

    def _ethnic_before_group(self, span: Span) -> bool:
        """An ethnic group name tagged as a person before a group noun ("Karen villagers")."""
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        return fold(span.text) in ETHNIC_HOME and nxt is not None and nxt.lower_ in GROUP_SECTORS

    def _ethnic_country(self, span: Span, code: str | None) -> str | None:
        """The country an ethnic group lives in, which its name does not give: another country of the sentence for
        "ethnic Albanians in Serbia", the first word for "Bosnian Serbs", else the group's home (``ETHNIC_HOME``)."""
        words = span.text.split()
        marked = span.start > 0 and self.doc[span.start - 1].lower_ == "ethnic"
        if marked and code is not None:
            sent = span.sent
            rest = self.text[sent.start_char : span.start_char] + " " + self.text[span.end_char : sent.end_char]
            other = self._country_in(rest)
            return other if other not in (None, code) else None
        if len(words) == 2 and words[1][:1].isupper() and words[1].endswith("s"):
            first = self._country(words[0])
            if first is not None and self._country(words[1]) not in (None, first):
                return first
        if code is None:
            return ETHNIC_HOME.get(fold(words[-1]))
        return None

    def _group(self, code: str, sector: str, kind: ActorKind, start: int, end: int, name: str) -> None:
        """Add a mention of an unnamed collective actor of a country ("Israeli troops" → ISR MIL)."""
        key = f"group:{code.lower()}:{sector.lower()}"
        draft = self.drafts.setdefault(key, _Draft(key, name, kind, 0.6, country=code, sector=sector))
        draft.mentions.append((start, end))

    def _group_noun(self, span: Span) -> tuple[Token, str] | None:
        """The collective noun a nationality modifies ("Israeli troops", "Poland's parliament"), with its sector."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        head = root.head
        if root.dep_ not in ("amod", "compound", "nmod", "poss", "npadvmod") or head.i <= root.i:
            return None
        if head.lower_ == "led" and head.dep_ == "amod" and head.head.i > head.i:
            head = head.head  # "Vietnamese-led forces" are that country's forces ("-backed" ones are not)
        chain = [t for t in head.children if t.dep_ == "compound" and t.i > root.i]
        while head.dep_ == "compound" and head.head.i > head.i:
            chain.append(head)
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        sector = _noun_sector(head, chain)
        if sector is None and head.tag_ in ("NNPS", "NNS") and head.text[:1].isupper() and head.ent_type_ != "PERSON":
            sector = "CVL"  # a nationality before a capitalised plural is a people of that country ("Iraqi Kurds")
        return (head, sector) if sector is not None else None

    def _city(self, span: Span) -> None:
        """A city or region named as a participant: the government when a capital acts ("Kabul accused ..."), else
        its people ("shelling in Jericho" → the civilians of that country), as PLOVER codes places."""
        if span.label_ not in ("GPE", "LOC", "NORP"):
            return
        found = _city_country(span.text, self.kb)
        if found is None:
            return
        code, capital = found
        group = self._group_noun(span)
        if group is not None:
            head, sector = group
            self._group(code, sector, "group", span.start_char, head.idx + len(head.text), span.text)
            return
        if self._prep_group(span, code):
            return
        root = span.root
        acting = root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "conj", "appos") or (
            root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "by", "to", "toward", "towards")
        )
        if capital and acting:
            self._group(code, "GOV", "organization", span.start_char, span.end_char, span.text)
        else:
            self._group(code, "CVL", "group", span.start_char, span.end_char, span.text)

    def _kb_thing_or_group(self, actor: KBActor, span: Span, confidence: float) -> None:
        """A KB organisation, or a group of its people when it modifies a group noun ("UN peacekeepers" → the UN's
        military: kb_id the UN, sector MIL; "Hamas fighters" → Hamas's fighters)."""
        group = self._group_noun(span) if actor.kind in ("igo", "ngo", "organization", "party") else None
        if group is None:
            self._add_kb_thing(actor, span.start_char, span.end_char, confidence)
            return
        head, sector = group
        key = f"group:{actor.id}:{sector.lower()}"
        name = f"{actor.name} {head.lemma_.lower()}"
        draft = self.drafts.setdefault(key, _Draft(key, name, "group", 0.7, kb=actor, country=actor.country))
        draft.sector = sector
        draft.mentions.append((span.start_char, head.idx + len(head.text)))

    def _add_kb_thing(self, actor: KBActor, start: int, end: int, confidence: float) -> None:
        """Add a mention of a KB organisation, group or country."""
        draft = self.drafts.get(actor.id)
        if draft is None:
            draft = _Draft(actor.id, actor.name, _KIND.get(actor.kind, "organization"), confidence, kb=actor)
            draft.country = actor.country
            draft.sector = None if actor.kind == "country" else _function_sector(actor)
            self.drafts[actor.id] = draft
        draft.mentions.append((start, end))

    # -- helpers --------------------------------------------------------------------------------------------

    def _country(self, text: str) -> str | None:
        """The ISO3 code a country name, alias or demonym stands for (KB first, then pycountry names)."""
        key = fold(text)
        cache_key = (key, text[:1].isupper())  # the fallbacks below only take capitalised names
        if cache_key in self._countries:
            return self._countries[cache_key]
        code = None
        for actor in self.kb.candidates(text):
            if actor.kind == "country":
                code = actor.country
                break
        if code is None and len(key) > 3 and text[:1].isupper():  # not "In", "It", "No": ISO codes are 2–3 letters
            try:
                code = pycountry.countries.lookup(text.strip().removeprefix("the ")).alpha_3
            except LookupError:
                code = None
        if code is None and len(key) >= 6 and text[:1].isupper() and " " not in key:
            # Misspelt country names and demonyms ("Afganistan", "Ghanians"): close, same first letter.
            for actor, _ in self.kb.fuzzy(text, limit=3, cutoff=88):
                if actor.kind == "country" and key[:1] == fold(actor.name)[:1]:
                    code = actor.country
                    break
        self._countries[cache_key] = code
        return code

    def _country_in(self, text: str) -> str | None:
        """The first country named by one or two capitalised words inside ``text``."""
        words = re.findall(r"[A-Z][\w.’'-]*", text)
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                phrase = re.sub(r"['’]s$", "", " ".join(words[i : i + n]))
                code = self._country(phrase)
                if code:
                    return code
        return None

    def _is_consumed(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.consumed)

    def _in_headline(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.headlines)

    def _finish(self, draft: _Draft) -> Actor:
        spans = sorted(set(draft.mentions))
        return Actor(
            id=draft.id,
            name=draft.name,
            kind=draft.kind,
            country=draft.country,
            sector=PLOVER_SECTOR.get(draft.sector or "", draft.sector),
            role=draft.role,
            former=draft.former,
            kb_id=draft.kb.id if draft.kb else None,
            mentions=[TextSpan(text=self.text[s:e], start=s, end=e) for s, e in spans],
            confidence=draft.confidence,
        )


def _function_sector(actor: KBActor) -> str | None:
    """What a KB organisation does: its first sector that is not a country-slot code (NATO: IGO, MIL → MIL), else for
    an international body the sector of its head word ("Security Council" → GOV), else None (the UN as a whole)."""
    own = next((s for s in actor.sectors if s not in TRANSNATIONAL), None)
    if own is not None or actor.kind != "igo":
        return own
    words = re.split(r"\s+of\s+", actor.name, maxsplit=1)[0].lower().split()
    return next((IGO_BODY_SECTORS[w] for w in reversed(words) if w in IGO_BODY_SECTORS), None)


def _bare_sector(token: Token) -> str | None:
    """The sector of a plural group noun standing alone ("rebels", "hostage-takers", "opposition groups"); None for
    other nouns, and for generic ones ("groups", "forces") that no modifier qualifies."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        joined = GROUP_SECTORS.get(f"{doc[token.i - 2].lower_}-{token.lower_}")
        if joined is not None:
            return joined
    if token.tag_ != "NNS" or token.lower_ in _BARE_SKIP:
        return None
    if token.dep_ == "compound" and token.head.lower_ not in ("demands", "attack", "attacks", "leaders", "leader"):
        return None
    chain = [t for t in token.lefts if t.dep_ == "compound"]
    if token.lower_ in GENERIC_GROUP_NOUNS:
        return _modifier_sector(token, chain)
    own = GROUP_SECTORS.get(token.lower_) or GROUP_SECTORS.get(token.lemma_.lower())
    if own is None:
        return None  # only nouns for people or armed collectives stand alone as actors, not "defence systems"
    if token.lower_ in _DEVICE_NOUNS and token.dep_ not in ("nsubj", "nsubjpass"):
        return None  # a bomb is coded as an actor only when it does something ("a car bomb exploded")
    return _noun_sector(token, chain)


def _noun_sector(head: Token, chain: list[Token]) -> str | None:
    """The sector of a group noun: the head's own ("paper workers" → LAB), unless it is generic and a modifier or
    compound says more ("military personnel" → MIL), or it names members of a collective that a modifier names
    ("rebel leaders" → REB, "opposition parties" → OPP); "government forces" stay the military."""
    own = GROUP_SECTORS.get(head.lower_) or GROUP_SECTORS.get(head.lemma_.lower())
    if head.lemma_.lower() == "bank" and any(c.lower_ in ("central", "national", "reserve") for c in head.children):
        return "GOV"  # a central bank is a state institution (CAMEO codes it GOV), not a business
    member = head.lower_ in MEMBER_NOUNS or head.lemma_.lower() in MEMBER_NOUNS
    if own is not None and head.lower_ not in GENERIC_GROUP_NOUNS and not member:
        return own
    found = _modifier_sector(head, chain)
    if found == "GOV" and own == "MIL":
        return own  # "government forces": the state's armed forces
    if member and found == "CVL":
        return own  # "village leaders" lead, they are not the villagers
    return found or own


def _is_group_noun(token: Token) -> bool:
    """Whether a noun names a collective of people or a body ("groups", "troops"), not a thing ("camp")."""
    return any(w in GROUP_SECTORS or w in GENERIC_GROUP_NOUNS for w in (token.lower_, token.lemma_.lower()))


def _modifier_sector(head: Token, chain: list[Token]) -> str | None:
    """The sector an adjective ("military personnel") or a compound noun ("rebel leaders") gives a group noun."""
    for token in head.children:
        if token.dep_ == "amod" and token.lower_ in MODIFIER_SECTORS:
            return MODIFIER_SECTORS[token.lower_]
    for token in sorted(chain, key=lambda t: t.i):
        found = GROUP_SECTORS.get(token.lower_) or GROUP_SECTORS.get(token.lemma_.lower())
        if found is not None:
            return found
    return None


def _title_fits(title: _Title, role: KBRole) -> bool:
    """Whether a KB role is the office the text's title names."""
    if title.slug and role.slug == title.slug:
        return True
    return bool(title.text) and fold(title.text) in fold(role.title)


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def _headline_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of short title-case lines without final punctuation (headings, not sentences)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = line.split()
        if 0 < len(words) <= 12 and not line.rstrip().endswith((".", "!", "?", ":", '"', "”")):
            caps = sum(w[:1].isupper() for w in words if len(w) > 3)
            long_words = sum(len(w) > 3 for w in words)
            if long_words and caps / long_words >= 0.75:
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _slug(text: str) -> str:
    return fold(text).replace(" ", "-") or "unknown"


def _city_country(name: str, kb: KnowledgeBase) -> tuple[str, bool] | None:
    """The ISO3 country of a well-known city or region (and whether it is that country's capital), from the KB,
    GeoNames and ``REGION_HOME``; a subdivision word ("Montenegro province") or a compass word before a country
    ("South Lebanon") names a region of the place it qualifies."""
    key = fold(name).removeprefix("the ")
    capital = _capitals(kb).get(key)
    if capital:
        return capital, True
    found = _largest_city_country(key)
    if found is not None or not key:
        return found
    if key in REGION_HOME:
        return REGION_HOME[key], False
    words = key.split()
    if len(words) > 1 and (words[-1] in REGION_WORDS or words[0] in COMPASS_WORDS):
        rest = " ".join(words[:-1] if words[-1] in REGION_WORDS else words[1:])
        country = next((a.country for a in kb.candidates(rest) if a.kind == "country" and a.country), None)
        if country is not None:
            return country, False
        inner = _city_country(rest, kb)
        return (inner[0], False) if inner else None
    return None


def _capitals(kb: KnowledgeBase) -> dict[str, str]:
    """Folded capital name → ISO3, built once per KB (kept on its index, which is rebuilt when the KB changes)."""
    index = kb.index
    if not hasattr(index, "capitals"):
        capitals: dict[str, str] = {}
        for actor in kb.actors.values():
            if actor.kind == "country" and actor.capital and actor.country:
                capitals.setdefault(fold(actor.capital.split(",")[0]), actor.country)
        index.capitals = capitals
    return index.capitals


@lru_cache(maxsize=4096)
def _largest_city_country(key: str) -> tuple[str, bool] | None:
    """The country of the most populous city (≥ 100,000 people) or first-level region with this name, from the
    places gazetteer (the one the place stage loads), and whether that city is a national capital."""
    from dateline.places import get_gazetteer
    from dateline.places.gazetteer import KIND_ADM1, KIND_CITY

    gaz = get_gazetteer()
    best: tuple[int, int] | None = None
    for idx, match in gaz.lookup(key):
        kind, pop = int(gaz.kind[idx]), int(gaz.pop[idx])
        if match != 0 or kind not in (KIND_CITY, KIND_ADM1) or (kind == KIND_CITY and pop < 100_000):
            continue
        if best is None or pop > best[1]:
            best = (idx, pop)
    if best is None:
        return None
    code = alpha3(gaz.country_code(best[0]))
    return (code, gaz.fcode[best[0]] == "PPLC") if code else None
