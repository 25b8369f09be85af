"""Our own word lists for actor resolution: office titles → office slug and sector, group nouns → sector.

Titles map to the office-key slugs of the KB (``defence-minister`` in ``ISR/defence-minister``) so a title in the text
can be checked against the roles the KB knows for the article date. Group nouns ("troops", "police", "refugees") give
the PLOVER sector of unnamed collective actors such as "Liberian riot police".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TitleRule:
    """One family of titles: a regex over the title words, the office slug it names (if single-holder), a sector."""

    pattern: str
    slug: str | None
    sector: str


_DEF = r"defen[cs]e"
# Most specific first: the first rule whose pattern ends where the name starts wins.
TITLE_RULES: tuple[TitleRule, ...] = (
    TitleRule(r"vice[\s-]+president", "vice-president", "GOV"),
    TitleRule(r"deputy\s+prime\s+minister|vice[\s-]+premier", None, "GOV"),
    TitleRule(r"prime\s+minister|premier|(?-i:PM)", "head-of-government", "GOV"),
    TitleRule(r"chancellor", "head-of-government", "GOV"),
    TitleRule(
        r"(?:national\s+)?security\s+advis[eo]r|(?:head|chairman|chair|director|chief)\s+of\s+(?:the\s+)?"
        r"(?:\w+\s+)?national\s+security\s+council",
        "national-security-adviser",
        "GOV",
    ),
    TitleRule(rf"(?:deputy|assistant|under)\s+(?:secretary|minister)(?:\s+of\s+{_DEF})?", None, "GOV"),
    TitleRule(
        rf"{_DEF}\s+(?:minister|secretary|chief)|(?:minister|secretary)\s+(?:of|for)\s+(?:national\s+)?{_DEF}"
        rf"|(?:head|chief)\s+of\s+(?:the\s+)?(?:[\w.-]+\s+){{0,2}}(?:ministry|department)\s+of\s+"
        rf"(?:national\s+)?{_DEF}|war\s+minister|pentagon\s+chief",
        "defence-minister",
        "GOV",
    ),
    TitleRule(
        r"foreign\s+(?:minister|secretary)|(?:minister|secretary)\s+(?:of|for)\s+foreign\s+affairs"
        r"|secretary\s+of\s+state|top\s+diplomat",
        "foreign-minister",
        "GOV",
    ),
    TitleRule(
        r"interior\s+minister|minister\s+(?:of|for)\s+(?:the\s+)?interior|home\s+(?:secretary|minister)"
        r"|minister\s+of\s+internal\s+affairs",
        "interior-minister",
        "GOV",
    ),
    TitleRule(
        r"(?:minister\s+(?:of|for)\s+strategic\s+affairs|strategic\s+affairs\s+minister)",
        "strategic-affairs-minister",
        "GOV",
    ),
    TitleRule(
        r"chairman\s+of\s+the\s+joint\s+chiefs(?:\s+of\s+staff)?|chief\s+of\s+(?:the\s+)?(?:general\s+)?staff"
        r"|chief\s+of\s+(?:the\s+)?defen[cs]e(?:\s+staff)?|(?:army|military)\s+chief",
        "army-chief",
        "MIL",
    ),
    TitleRule(
        r"commander\s+of\s+(?:the\s+)?(?:u\.?s\.?\s+)?central\s+command|centcom\s+(?:commander|chief|head)",
        "centcom-commander",
        "MIL",
    ),
    TitleRule(r"secretary[\s-]+general", "secretary-general", "GOV"),
    TitleRule(r"president", "head-of-state", "GOV"),
    TitleRule(r"king|queen|emir|sultan", "head-of-state", "GOV"),
    TitleRule(r"crown\s+prince|prince|sheikh", None, "GOV"),
    TitleRule(r"opposition\s+leader|leader\s+of\s+the\s+opposition", None, "OPP"),
    TitleRule(r"rebel\s+(?:leader|commander|chief)|militia\s+(?:leader|commander)|warlord", None, "REB"),
    TitleRule(r"police\s+(?:chief|commissioner|officer|spokes(?:man|woman|person))", None, "COP"),
    TitleRule(r"(?:chief\s+)?(?:justice|judge|prosecutor(?:\s+general)?|attorney\s+general)", None, "JUD"),
    TitleRule(
        r"senator|sen\.|congress(?:man|woman)|rep\.|lawmaker|legislator|parliamentarian|(?-i:MP)|speaker", None, "LEG"
    ),
    TitleRule(
        r"(?:lieutenant|major|brigadier)?[\s-]*general|gen\.|lt\.?\s*gen\.|maj\.?\s*gen\.|admiral|adm\.|colonel"
        r"|col\.|commander|marshal|field\s+marshal|(?-i:Major)",
        None,
        "MIL",
    ),
    TitleRule(r"spy\s+chief|intelligence\s+chief|head\s+of\s+(?:the\s+)?(?:\w+\s+)?intelligence", None, "SPY"),
    TitleRule(
        r"ambassador|envoy|diplomat|governor|mayor|official|spokes(?:man|woman|person)|minister|secretary"
        r"|minister\s+(?:of|for)\s+(?:the\s+)?(?-i:(?:[A-Z][a-z]+(?:\s+and)?\s+){0,3}[A-Z][a-z]+)"
        r"|(?-i:(?:[A-Z][a-z]+\s+){1,3})minister",
        None,
        "GOV",
    ),
    TitleRule(r"journalist|reporter|correspondent|editor|columnist", None, "MED"),
    TitleRule(r"right[\s-]+winger|left[\s-]+winger|hardliner|tycoon|billionaire|dissident", None, "ELI"),
    TitleRule(r"activist", None, "OPP"),
    TitleRule(r"cleric|imam|ayatollah|rabbi|bishop|archbishop|pope|cardinal|patriarch", None, "REL"),
)

#: Words before a title that mark a past office, also with a party or movement word between them ("former Socialist
#: prime minister"). "late" and "then" must touch the title: "In late March President X visited …" is a sitting one.
FORMER = re.compile(
    r"\b(?:(?:former|ex|ousted|deposed|erstwhile|one[\s-]+time)[\s-]*(?:(?-i:[A-Z][\w-]*)\s+){0,2}"
    r"|(?<!\bin\s)(?:late|then)\s+)$",
    re.IGNORECASE,
)

#: Collective nouns (lowercase lemma or plural) → PLOVER sector, for unnamed actors like "Israeli troops".
GROUP_SECTORS: dict[str, str] = {
    **dict.fromkeys(
        [
            "government",
            "cabinet",
            "administration",
            "authority",
            "authorities",
            "official",
            "officials",
            "ministry",
            "ministries",
            "regime",
            "minister",
            "ministers",
            "leader",
            "leaders",
            "leadership",
            "diplomat",
            "diplomats",
            "negotiator",
            "negotiators",
            "delegation",
            "delegations",
            "embassy",
            "envoy",
            "envoys",
            "state",
        ],
        "GOV",
    ),
    **dict.fromkeys(
        [
            "army",
            "military",
            "troops",
            "troop",
            "soldier",
            "soldiers",
            "force",
            "forces",
            "navy",
            "air-force",
            "airforce",
            "aircraft",
            "jets",
            "warplanes",
            "warplane",
            "helicopters",
            "helicopter",
            "gunships",
            "artillery",
            "tanks",
            "commando",
            "commandos",
            "paratroopers",
            "marines",
            "sailors",
            "airmen",
            "servicemen",
            "officers",
            "peacekeepers",
            "garrison",
            "battalion",
            "brigade",
            "division",
            "units",
            "unit",
            "fleet",
            "warship",
            "warships",
            "defense",
            "defence",
        ],
        "MIL",
    ),
    **dict.fromkeys(["police", "policeman", "policemen", "gendarmes", "gendarmerie", "cops", "patrol"], "COP"),
    **dict.fromkeys(
        [
            "rebel",
            "rebels",
            "guerrilla",
            "guerrillas",
            "guerillas",
            "guerilla",
            "insurgent",
            "insurgents",
            "separatists",
            "separatist",
            "fighters",
            "fighter",
        ],
        "REB",
    ),
    **dict.fromkeys(
        ["militant", "militants", "militia", "militias", "militiaman", "militiamen", "gunmen", "gunman"], "UAF"
    ),
    **dict.fromkeys(
        [
            "opposition",
            "dissidents",
            "dissident",
            "protesters",
            "protester",
            "demonstrators",
            "demonstrator",
            "activists",
            "activist",
        ],
        "OPP",
    ),
    **dict.fromkeys(
        [
            "parliament",
            "legislature",
            "congress",
            "senate",
            "assembly",
            "lawmakers",
            "legislators",
            "parliamentarians",
            "deputies",
            "senators",
            "mps",
            "knesset",
            "duma",
        ],
        "LEG",
    ),
    **dict.fromkeys(
        ["court", "courts", "judge", "judges", "judiciary", "prosecutor", "prosecutors", "tribunal"], "JUD"
    ),
    **dict.fromkeys(["intelligence", "spy", "spies", "agents"], "SPY"),
    **dict.fromkeys(
        [
            "media",
            "press",
            "newspaper",
            "newspapers",
            "paper",
            "journalist",
            "journalists",
            "reporter",
            "reporters",
            "television",
            "radio",
            "broadcaster",
            "agency",
        ],
        "MED",
    ),
    **dict.fromkeys(
        ["students", "student", "university", "universities", "teachers", "teacher", "school", "schools"], "EDU"
    ),
    **dict.fromkeys(
        [
            "business",
            "businesses",
            "company",
            "companies",
            "firm",
            "firms",
            "businessmen",
            "businessman",
            "investors",
            "bank",
            "banks",
            "industry",
        ],
        "BUS",
    ),
    **dict.fromkeys(["criminals", "criminal", "gang", "gangs", "smugglers", "traffickers", "pirates"], "CRM"),
    **dict.fromkeys(
        [
            "people",
            "civilians",
            "civilian",
            "citizens",
            "citizen",
            "residents",
            "resident",
            "villagers",
            "village",
            "villages",
            "population",
            "public",
            "prisoner",
            "prisoners",
            "detainees",
            "hostages",
            "crowd",
            "crowds",
            "women",
            "children",
            "families",
            "family",
            "youths",
            "youth",
            "inhabitants",
            "landowners",
            "towns",
            "town",
            "cities",
            "city",
        ],
        "CVL",
    ),
    **dict.fromkeys(["refugees", "refugee", "asylum-seekers", "displaced", "evacuees"], "REF"),
    **dict.fromkeys(
        ["workers", "worker", "unions", "union", "employees", "miners", "strikers", "labor", "labour"], "LAB"
    ),
    **dict.fromkeys(["farmers", "farmer", "peasants", "herders", "fishermen"], "AGR"),
    **dict.fromkeys(["doctors", "doctor", "nurses", "hospital", "hospitals", "medics"], "HLH"),
    **dict.fromkeys(
        ["clerics", "cleric", "clergy", "priests", "monks", "church", "mosque", "muslims", "christians", "jews"], "REL"
    ),
    **dict.fromkeys(["settlers", "settler"], "SET"),
    **dict.fromkeys(["migrants", "migrant", "immigrants", "immigrant"], "IMG"),
    **dict.fromkeys(["party", "parties"], "PTY"),
    # Further nouns (plural and singular) for unnamed actors; sectors follow the CAMEO agent codes mapped to PLOVER.
    **dict.fromkeys(["rulers", "ruler", "junta", "administrators", "bureaucrats", "consulate", "mission"], "GOV"),
    **dict.fromkeys(
        [
            "peacekeeping",
            "peacekeeper",
            "guards",
            "guardsmen",
            "sentries",
            "conscripts",
            "reservists",
            "snipers",
            "drones",
            "drone",
            "bombers",
            "submarines",
            "gunboats",
            "militarymen",
            "infantry",
            "legionnaires",
        ],
        "MIL",
    ),
    **dict.fromkeys(["extremists", "extremist", "terrorists", "terrorist", "mujahideen", "jihadists"], "REB"),
    **dict.fromkeys(["bomb", "bombs", "attackers", "assailants", "raiders", "minefield"], "UAF"),
    **dict.fromkeys(
        [
            "kidnappers",
            "kidnapper",
            "hostage-takers",
            "abductors",
            "hijackers",
            "hackers",
            "thieves",
            "robbers",
            "looters",
            "bandits",
            "mafia",
            "cartel",
            "cartels",
            "mobsters",
        ],
        "CRM",
    ),
    **dict.fromkeys(
        [
            "nationals",
            "national",
            "expatriates",
            "tourists",
            "pilgrims",
            "passengers",
            "victims",
            "shoppers",
            "voters",
            "locals",
            "community",
            "communities",
            "minority",
            "minorities",
            "populace",
            "masses",
            "neighborhood",
            "neighbourhood",
            "homes",
            "personnel",
        ],
        "CVL",
    ),
    **dict.fromkeys(
        [
            "politicians",
            "politician",
            "elders",
            "notables",
            "dignitaries",
            "elite",
            "elites",
            "intellectuals",
            "aristocrats",
            "celebrities",
            "tycoons",
            "oligarchs",
        ],
        "ELI",
    ),
    **dict.fromkeys(["movement", "campaigners", "protestors", "marchers", "picketers", "reformists"], "OPP"),
    **dict.fromkeys(
        ["web", "websites", "website", "magazine", "magazines", "bloggers", "cartoonists", "editors", "press-agency"],
        "MED",
    ),
    **dict.fromkeys(
        ["missionary", "missionaries", "pastors", "rabbis", "imams", "mullahs", "nuns", "worshippers", "believers"],
        "REL",
    ),
    **dict.fromkeys(["jurists", "lawyers", "attorneys", "magistrates"], "JUD"),
    **dict.fromkeys(["academics", "professors", "scholars", "scientists", "researchers", "pupils"], "EDU"),
    **dict.fromkeys(
        [
            "merchants",
            "traders",
            "shopkeepers",
            "executives",
            "bankers",
            "entrepreneurs",
            "exporters",
            "manufacturers",
            "producers",
            "corporations",
            "airline",
            "airlines",
        ],
        "BUS",
    ),
    **dict.fromkeys(["unionists", "labourers", "laborers", "dockworkers", "staff"], "LAB"),
    **dict.fromkeys(["growers", "ranchers", "shepherds", "nomads", "pastoralists"], "AGR"),
    **dict.fromkeys(["returnees", "exiles", "asylum"], "REF"),
    **dict.fromkeys(["environmentalists", "conservationists"], "ENV"),
}

#: Adjectives that set the sector of a generic group noun ("military personnel", "civilian advisers").
MODIFIER_SECTORS: dict[str, str] = {
    "military": "MIL",
    "civilian": "CVL",
    "rebel": "REB",
    "opposition": "OPP",
    "armed": "REB",
    "security": "MIL",
    "police": "COP",
    "government": "GOV",
    "official": "GOV",
}

#: Group nouns too generic to decide a sector when a modifier says more ("military personnel", "armed groups").
GENERIC_GROUP_NOUNS = frozenset(
    [
        "personnel",
        "groups",
        "group",
        "members",
        "forces",
        "force",
        "units",
        "advisers",
        "agency",
        "coalition",
        "alliance",
        "organization",
        "organisation",
    ]
)

#: Nouns for members or parts of a collective: a modifier that names the collective sets their sector ("rebel
#: leaders" → REB, "opposition parties" → OPP, "intelligence officials" → SPY, "border patrol agents" → COP).
MEMBER_NOUNS = frozenset(
    [
        "leader",
        "leaders",
        "leadership",
        "official",
        "officials",
        "spokesman",
        "spokesmen",
        "spokeswoman",
        "commander",
        "commanders",
        "chief",
        "chiefs",
        "agent",
        "agents",
        "party",
        "parties",
        "member",
        "members",
        "representatives",
        "delegation",
        "delegates",
        "coalition",
        "alliance",
    ]
)

#: Ethnic and religious-community names (plural and singular) → the country where most of them live; used for an
#: ethnic group with no other country in its sentence ("Karen guerrillas", "Yoruba leaders").
ETHNIC_HOME: dict[str, str] = {
    **dict.fromkeys(["yoruba", "hausa", "ibo", "igbo", "fulani", "ijaw", "ogoni"], "NGA"),
    **dict.fromkeys(["karen", "shan", "kachin", "rohingya", "karenni", "mon", "wa"], "MMR"),
    **dict.fromkeys(["tamil", "tamils", "sinhalese"], "LKA"),
    **dict.fromkeys(["pashtun", "pashtuns", "hazara", "hazaras"], "AFG"),
    **dict.fromkeys(["uighur", "uighurs", "uyghur", "uyghurs", "tibetan", "tibetans"], "CHN"),
    **dict.fromkeys(["chechen", "chechens", "chenchen", "ingush", "dagestanis"], "RUS"),
    **dict.fromkeys(["shona", "ndebele"], "ZWE"),
    **dict.fromkeys(["kikuyu", "luo", "kalenjin"], "KEN"),
    **dict.fromkeys(["amhara", "oromo", "tigrayan", "tigrayans"], "ETH"),
    **dict.fromkeys(["zulu", "zulus", "xhosa"], "ZAF"),
    **dict.fromkeys(["baluch", "baloch", "sindhi", "sindhis"], "PAK"),
    **dict.fromkeys(["kosovar", "kosovars"], "SRB"),
    **dict.fromkeys(["basque", "basques", "catalan", "catalans"], "ESP"),
    **dict.fromkeys(["corsican", "corsicans"], "FRA"),
    **dict.fromkeys(["sahrawi", "sahrawis"], "ESH"),
}

#: Historic and conflict regions that are not first-level divisions of the gazetteer → their country ("rebels in
#: Darfur", "the Ogaden region"); the places gazetteer resolves provinces and cities itself.
REGION_HOME: dict[str, str] = {
    **dict.fromkeys(["darfur", "kordofan", "nuba mountains"], "SDN"),
    **dict.fromkeys(["ogaden"], "ETH"),
    **dict.fromkeys(["casamance"], "SEN"),
    **dict.fromkeys(["cabinda"], "AGO"),
    **dict.fromkeys(["mindanao"], "PHL"),
    **dict.fromkeys(["kurdistan", "iraqi kurdistan"], "IRQ"),
    **dict.fromkeys(["jericho", "hebron", "ramallah", "nablus", "jenin"], "PSE"),
}

#: Trailing words that name a subdivision of the place before them ("Montenegro province", "West Darfur State").
REGION_WORDS = frozenset(["province", "state", "region", "district", "territory", "governorate", "county"])

#: Compass words before a country name that make it a region of that country ("South Lebanon", "western Cambodia").
COMPASS_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
    ]
)

#: Head words of the bodies of international organisations → their function, for KB IGO/NGO records that name none
#: ("United Nations Security Council" → GOV); CAMEO puts IGO in the country slot, not in the sector.
IGO_BODY_SECTORS: dict[str, str] = {
    **dict.fromkeys(["council", "commission", "committee", "secretariat", "office", "administration"], "GOV"),
    **dict.fromkeys(["court", "tribunal"], "JUD"),
    **dict.fromkeys(["force", "forces"], "MIL"),
}

#: Organisation head words (last word of an ORG name) → sector, for organisations not in the KB.
ORG_SECTORS: dict[str, str] = {
    **dict.fromkeys(
        ["ministry", "department", "cabinet", "government", "council", "administration", "office", "agency"], "GOV"
    ),
    **dict.fromkeys(
        ["army", "forces", "force", "navy", "command", "corps", "guard", "brigade", "brigades", "regiment"], "MIL"
    ),
    **dict.fromkeys(["police", "gendarmerie"], "COP"),
    **dict.fromkeys(["party"], "PTY"),
    **dict.fromkeys(["parliament", "assembly", "congress", "senate", "knesset", "duma"], "LEG"),
    **dict.fromkeys(["court", "tribunal"], "JUD"),
    **dict.fromkeys(["university", "college", "school", "institute", "academy"], "EDU"),
    **dict.fromkeys(["bank", "corporation", "corp", "inc", "company", "group", "ltd", "airlines", "holdings"], "BUS"),
    **dict.fromkeys(
        ["times", "post", "news", "tv", "television", "radio", "press", "herald", "journal", "tribune", "gazette"],
        "MED",
    ),
    **dict.fromkeys(["front", "movement", "liberation"], "REB"),
    **dict.fromkeys(["union", "federation"], "LAB"),
    **dict.fromkeys(["church"], "REL"),
}

#: Words that end organisation names: a capitalised name ending in one is not a person.
ORG_WORDS = frozenset(ORG_SECTORS) | frozenset(
    [
        "organization",
        "organisation",
        "front",
        "movement",
        "committee",
        "commission",
        "association",
        "league",
        "forum",
        "coalition",
        "alliance",
        "group",
        "fund",
        "programme",
        "program",
        "service",
        "center",
        "centre",
        "foundation",
        "society",
        "network",
        "mission",
        "bureau",
        "board",
        "international",
    ]
)


def compile_title_rules() -> list[tuple[TitleRule, re.Pattern[str], re.Pattern[str]]]:
    """For each rule: a regex matching the title at the end of a left context, and one at the start of a right one."""
    out = []
    for rule in TITLE_RULES:
        left = re.compile(rf"(?:^|(?<=[\s(\-—]))(?P<title>{rule.pattern})\s*,?\s*$", re.IGNORECASE)
        right = re.compile(rf"^\s*,\s*(?:(?:the|a|an)\s+)?(?P<pre>.{{0,40}}?)\b(?P<title>{rule.pattern})\b", re.I)
        out.append((rule, left, right))
    return out
