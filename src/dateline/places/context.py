"""Article-level hints about where a text is set, read from the text itself rather than from its place names.

Two kinds of evidence that gazetteer names do not carry:

- the currency the article counts in: an unqualified "$" amount is, by the usual English news style, US dollars
  (other dollars are written "C$", "A$", "HK$"); "£" is sterling. A local paper counts in its own currency, so
  this tells a council story from Paris, Texas from one in Paris, France;
- a name used as the modifier of a municipal body ("the Athens City Council", "the Poland school board", "the
  City of Dublin") or after a street address ("12 Oak St., Dover"): the name is a town, not a
  country or a state, and one whose size says little (a council story is as likely to come from a small town as
  from a capital); a name for people ("a Poland woman") is a town or a state, not a country; a service that towns
  and countries both have ("X police", "X mayor") only says the name may be a town;
- a name acting as a government ("Washington said", "Moscow warned"): a capital or a country, not a state;
- a wire dateline ("WASHINGTON —", "BEIRUT, Lebanon (AP) —" at the start of the text): the city the story was filed
  from, which wire style only names bare when readers know it.
"""

from __future__ import annotations

import re

_CURRENCY = (
    (re.compile(r"(?:(?<![A-Za-z$])|(?<=US))\$\s?\d"), "US"),
    (re.compile(r"\b(?:C\$|CA\$|CAD\s?\d)"), "CA"),
    (re.compile(r"\b(?:A\$|AU\$|AUD\s?\d)"), "AU"),
    (re.compile(r"\bNZ\$"), "NZ"),
    (re.compile(r"\bHK\$"), "HK"),
    (re.compile(r"\bS\$"), "SG"),
    (re.compile(r"£\s?\d"), "GB"),
)

_MUNICIPAL_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:city\s+(?:council|hall|commission|manager|schools?|attorney|clerk|limits)|"
    r"town\s+(?:council|hall|board|manager)|village\s+(?:board|council|hall)|board\s+of\s+(?:education|selectmen)|"
    r"public\s+(?:schools?|library)|(?:high|middle|elementary|junior\s+high)\s+schools?|school\s+(?:board|district)|"
    r"township|borough\s+council|planning\s+(?:commission|board)|zoning\s+board|chamber\s+of\s+commerce)\b",
    re.IGNORECASE,
)
#: Services that towns and countries alike have ("Mexico police" in a Missouri paper or in a wire brief): the name
#: may be a town, so its size says less, but it may still be a country.
_LOCAL_SERVICE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:police|fire\s+(?:department|chief|station)|firefighters|mayor|municipal)\b", re.IGNORECASE
)
_MUNICIPAL_BEFORE = re.compile(
    r"(?:(?i:\b(?:city|town|village|borough|township)\s+of\s+)|"
    r"\d+\s+(?:[NSEW]\.\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+(?:St|Ave|Rd|Blvd|Dr|Ln|Street|Avenue|Road|Lane|Drive)\.?,\s*)$",
)
_RESIDENT_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_RESIDENT_AFTER = re.compile(
    r"^\s+(?:man|woman|men|women|resident|residents|teen|teenager|couple|family|boy|girl|businessman)\b"
)
""""a Poland woman", "a Paris man": a town's people are named by the town; a country's by its demonym."""


_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\(|—|–|--|-\s|:)")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` opens the text as a wire dateline: in capitals ("WASHINGTON Mr. X
    said …") or followed by a dash, colon or agency ("Beirut (Reuters) -")."""
    if text[:start].strip():
        return False
    name = text[start:end]
    return (name.isupper() and len(name) > 2) or bool(_DATELINE_AFTER.match(text[end : end + 40]))


_ACTING_AFTER = re.compile(
    r"^(?:['’]s\s+(?:government|foreign\s+ministry|leaders?))?\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+|also\s+)?"
    r"(?:said|says|accused|accuses|blamed|blames|warned|warns|rejected|rejects|denied|denies|announced|announces|"
    r"urged|urges|condemned|condemns|launched|launches|promised|promises|threatened|threatens|insisted|insists|"
    r"demanded|demands|responded|responds|retaliated|vowed|vows|signalled|signaled|protested|summoned|expelled|"
    r"imposed|imposes|recalled|recognized|recognised)\b",
    re.IGNORECASE,
)


def names_acting_government(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands for a government that acts ("Washington said", "Moscow
    warned", "Beijing's foreign ministry rejected"): a capital or a country, not a first-level division."""
    return bool(_ACTING_AFTER.match(text[end : end + 60]))


def currency_countries(text: str) -> dict[str, float]:
    """ISO alpha-2 codes of the currencies the text counts in, with the share of amounts in each (0..1)."""
    counts = {cc: len(pattern.findall(text)) for pattern, cc in _CURRENCY}
    total = sum(counts.values())
    return {cc: n / total for cc, n in counts.items() if n} if total else {}


def is_municipal(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is used as a town's name: "the X City Council", "City of X",
    "12 Oak St., X"."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    return bool(_MUNICIPAL_AFTER.match(after) or _MUNICIPAL_BEFORE.search(before))


def names_local_service(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is followed by a service a town or a country may have ("X police")."""
    return bool(_LOCAL_SERVICE_AFTER.match(text[end : end + 40]))


def names_residents(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` names people by where they live ("a Poland woman", "a Texas man"):
    a town or a state, not a country (whose people go by its demonym: "a Lebanese woman")."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    return bool(_RESIDENT_BEFORE.search(before) and _RESIDENT_AFTER.match(after))
