"""Tense of the clause around a temporal expression: decides which Monday "on Monday" means.

Without a parsed ``Doc`` a light lexical heuristic reads the sentence: the verb cue nearest the expression (future
modals and "going to"/"plans to"; past-tense auxiliaries and -ed forms; present auxiliaries) wins. With a spaCy
``Doc`` the verb governing the expression in the dependency parse decides, through its tag and auxiliaries.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

from dateline.time.lexicon import MONTH_RE, REPORTED_PAST, WEEKDAY_RE, alternation

Tense = Literal["past", "present", "future"]

_FUTURE = (
    r"will|won't|wo n't|shall|'ll|going to|plans? to|planning to|scheduled|expected|expects?|set to|"
    r"due\s+to\s+(?:be|begin|start|open|close|arrive|meet|hold|take|vote|end|expire|resume|report|launch|sign|visit|"
    r"return|finish|conclude|rule|decide|announce|release|publish|appear|testify|leave|travel)|to be held|would|"
    r"(?<!ed\s)(?<!en\s)(?<!seems\s)(?<!appears\s)(?<!found\s)(?<!known\s)(?<!thought\s)(?<!said\s)to\s+be\s+[a-z]+(?:ed|en)\b|"
    r"could|might|(?P<modal>(?-i:may)|should)(?!\s+(?:not\s+|well\s+|also\s+|already\s+|even\s+)?have\b)|"
    r"as soon as|as early as|intends? to|aims? to|planned to|hoped\s+to|upcoming|"
    r"(?:planned|scheduled|set|slated|due|priced|forecast|penciled|pencilled)\s+for|is\s+due|are\s+due|ahead\s+(?:of|to)|kicks?\s+off|"
    r"(?:is|are)\s+(?:planned|scheduled|slated)|"
    r"(?<!\bwas\s)(?<!\bwere\s)due\s+(?:on|by|out)|"
    r"(?:forecast|projected|poised|likely|unlikely)\s+to|(?:re)?opens|begins|(?<!housing\s)(?:re)?starts|ends|closes|resumes|takes\s+effect|"
    r"expires|convenes|falls\s+on|(?:runs|lasts|continues|remains\s+open|stays\s+open)\s+(?:until|till|through)|go(?:es)?\s+(?:to\s+the\s+polls|on\s+sale|live)|goes\s+ahead|"
    r"(?P<scheduled>holds|hosts|meets|plays|visits|travels|votes|decides|publishes|launches|unveils|testifies|"
    r"reconvenes|debates|kicks\s+off|comes\s+out|tees\s+off|heads\s+to|arrives|departs|airs|premieres|predicts|flies|"
    r"takes\s+place|reports\s+(?:its\s+|their\s+)?(?:[a-z-]+\s+)?"
    r"(?:results|earnings))|"
    r"(?P<scheduled_person>returns|leaves|lands|faces)|"
    r"(?P<scheduled_plural>meet|open|play|host|face|visit|vote|resume|begin|start|travel|return|close|reconvene|"
    r"debate|kick\s+off|come\s+out|tee\s+off|take\s+on|head\s+to|wrap\s+up|convene|compete|race|predict|arrive|gather|fly|"
    r"take\s+place)|"
    r"(?:is|are|am|'re|\b(?:it|he|she|who|that|there)'s)\s+(?:meeting|visiting|holding|hosting|travell?ing|flying|leaving|returning|playing|facing|"
    r"launching|publishing|releasing|unveiling|attending|heading|opening|staging|marrying)\b|"
    r"next(?! to|\s+[a-z]+['’]s\b)|coming|"
    r"(?:this|next)\s+week['’]s\s+(?:schedule|fixtures|games|matches|agenda|slate|programme|program)|"
    r"(?:(?<=\n)|(?<![\s\S]))(?:[^\n.:]{0,40}?\s)?(?:schedule|fixtures|agenda|timetable|slate|itinerary|programme)\b"
    r"(?=(?:(?!\b(?:is|are|was|were|looked|looks|seemed|seems)\b)[^.\n]){0,40}"
    rf"(?::|\n[ \t]*(?i:{WEEKDAY_RE})))|"
    r"tomorrow|hopes? to|to (?:resume|begin|start|launch|unveil|"
    r"hold|meet|visit|travel|open|close|vote|announce|release|take|decide|return|sign|attend)"
)
_PAST = (
    r"had\s+(?:[a-z]+ly\s+)?been\s+(?:[a-z]+ly\s+)?(?:scheduled|expected|set|due|planned)|had\s+(?:planned|intended|hoped|expected)|was|were|had|did|didn't|said|told|ago|last(?!\s+[a-z]+['’]s\b)|yesterday|earlier|came|went|took|made|met|held|"
    r"(?-i:since\s+[a-z]{3,}ing)|began|left|won|lost|beat(?=\s+(?:(?-i:[A-Z])|the\b))|gave|(?=cut|put|shut|quit|spread|hurt)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\brate\s)(?<!\btax\s)(?<!\bjob\s)(?<!\bpay\s)(?:cut|put|shut|quit|spread|hurt)(?!\s+(?:in|on|of)\b)|saw|spoke|sent|fell|rose|struck|hit|led|got|paid|sold|bought|arose|awoke|became|bent|"
    r"bled|blew|broke|bred|brought|built|burnt|caught|chose|clung|crept|dealt|dug|drew|drank|drove|ate|fed|felt|"
    r"fought|found|fled|flew|forbade|forgot|forgave|froze|grew|hung|heard|hid|kept|knelt|knew|laid|leapt|lent|lit|"
    r"meant|rode|rang|ran|sought|shook|shone|shot|shrank|sang|sank|sat|slept|slid|sped|spent|sprang|stood|stole|"
    r"stuck|strove|swore|swept|swam|swung|taught|tore|thought|threw|understood|woke|wore|wept|wrote|withdrew|"
    r"overtook|undertook|overran|underwent|oversaw|mistook|upheld|withheld|overthrew|rebuilt|(?=[a-z]{2,}ed\b)(?<!-)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)[a-z]{2,}ed"
)
_PRESENT = r"is|are|am|(?:it|he|she|that|there|what|who|here)'s|'re|has|have|does|do|now|today|currently"
_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<present>{_PRESENT}))\b", re.IGNORECASE)
_NOT_PAST = {"need", "feed", "seed", "speed", "bed", "red", "shed", "indeed", "proceed", "united", "limited"}
_ADJECTIVE_SLOT = re.compile(
    r"\b(?:of|for|with|from|into|about|in|on|at|by|"
    r"(?:will|would|could|can|may|might|should|must|to|'ll)\s+(?!(?:have|has|had|be|been|being|get|got|that|this|those|these|the|a|an|its|their|his|her|our)\b)"
    r"[a-z]+)\s+\Z",
    re.IGNORECASE,
)
"""A slot where an -ed word cannot be a finite verb: after a preposition ("sales of seized thrifts") or after a
modal's verb ("could bring scattered storms"), it modifies the noun that follows."""
_PASSIVE_BE = re.compile(
    r"\b(?:(?:will|'ll|shall|to|would|should|must|can|may|might)(?:\s+not)?\s+be|is|are|am|(?:has|have)\s+been)\s+"
    r"(?:not\s+)?"
    r"(?:[a-z]+ly\s+)?\Z",
    re.IGNORECASE,
)
"""A future, conditional, infinitival or present (perfect) passive before a participle ("will be signed", "would be
held", "to be held", "if no deal is reached by Monday", "is gradually devalued", "shifts have been scheduled through
Saturday"): the participle is not past."""
_SUBJECT_BEFORE = re.compile(
    r"(?:(?<=[\w,&]\s)(?!(?:The|A|An|This|That|These|Those|His|Her|Its|Their|Our|My|Your|Press|News|Media|Earlier|"
    r"Recent)\b)[A-Z][\w&.'-]*|\b(?:[A-Z][\w&.'-]*\s+)+(?:AG|SA|Inc|Corp|Ltd|plc|FC|United|City)\.?|"
    r"\b(?i:he|she|it|who|which)|(?<=\w\s)(?<!s\s)and|\b(?i:the)\s+(?!(?:press|news|media|two|three|four|five|latest|recent|first|last|"
    r"other|many|several|few|new|final)\b)[a-z][a-z-]*)\s+(?:again\s+|also\s+|now\s+|then\s+|next\s+)?\Z"
)
"""The subject of a present-tense schedule verb: a name, a pronoun or "the <noun>" ("Kessler AG reports results on
Tuesday", "the board meets again on Tuesday"), or "and" after a clause that has one ("advanced on Wednesday and plays
Friday"); after anything else the word is likely a plural noun ("compliance
reports", "the reports")."""
_PERSON_BEFORE = re.compile(
    r"(?:\b(?i:he|she|it|who)|(?<=\w\s)(?<!s\s)and|(?<=[\w,&]\s)(?!(?:The|A|An|This|That|His|Her|Its|Their|Our)\b)[A-Z][\w&.'-]*)\s+"
    r"(?:again\s+|also\s+|now\s+|then\s+)?\Z"
)
"""The subject of a verb that is as often a noun ("returns", "leaves"): a pronoun or a name, not "the <noun>"."""
_PLURAL_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?i:they|we|both\s+(?:sides|teams|clubs|leaders|men|women|countries|chambers))|"
    r"\b(?i:the)\s+(?:(?:two|three|four|five|six|[A-Z][a-z]+)\s+)?[A-Za-z]+(?<![su])s|"
    r"\b(?!(?:this|always|perhaps|news|thus|plus|various|previous|serious|famous)\b)[a-z]{3,}(?<![su])s|"
    r"(?:^|(?<=[\s\"“(]))(?!(?:The|This|These|Those|It|Its|He|She|I|You|News)\b)"
    rf"(?!(?i:{WEEKDAY_RE}|{MONTH_RE})\b)[A-Z][\w&.'-]*)"
    r"\s+(?:again\s+|also\s+|then\s+|next\s+|both\s+|finally\s+)?\Z"
)
"""The plural subject of a present-tense schedule verb in its base form ("the Hawks host Carver on Sunday", "the two
leaders meet Monday", "Lawmakers vote on Tuesday", "United play Chelsea on Sunday": a name before a base form is
plural or collective, a weekday or month a modifier: "a Friday close"); after anything else the word is likely a
noun or an infinitive."""
_PERCEIVED = re.compile(
    r"\b(?:watch(?:ed|es|ing)?|saw|see|seen|hear|heard|let|lets|made|make|makes|help|helped|helps|allow|allowed)\s+"
    r"(?:[\w&.'-]+\s+){1,4}\Z",
    re.IGNORECASE,
)
"""A verb of perception or causation before a subject and a base verb ("watched the Rovers play Halton"): the base
verb is no schedule."""
_NAME_RUN = re.compile(r"(?:[A-Z][\w&.'-]*\s+)+\Z")
_DETERMINER_END = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her|our)\s+\Z", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:(?i:the|a|an|their|its|his|her)\b|[A-Z0-9])")
_KEPT = re.compile(
    r"\b(?:keep|keeps|kept|left|leave|leaves|stay|stays|stayed|remain|remains|remained)\s+(?:[\w']+\s+){0,3}\Z", re.I
)


def _plural_schedule(text: str, start: int, end: int) -> bool:
    """Whether the base verb at ``text[start:end]`` ("meet", "open", "play") is a present-tense schedule with a plural
    or collective subject ("the Sox open the playoffs on Wednesday", "the two leaders meet Monday"), not a noun ("the
    Senate vote on Tuesday", "a Fox host claimed"), an adjective ("officials close to the talks", "kept its doors
    open") or a verb after one of perception ("watched the Rovers play")."""
    if not _PLURAL_SUBJECT_BEFORE.search(text, max(0, start - 30), start):
        return False
    if _PERCEIVED.search(text, max(0, start - 50), start):
        return False
    before = text[max(0, start - 40) : start]
    run = _NAME_RUN.search(before)
    if (
        run
        and not run.group(0).split()[-1].endswith("s")
        and _DETERMINER_END.search(before, 0, run.start())
        and not _OBJECT_AFTER.match(text, end)
    ):
        return False  # "the Senate vote on Tuesday", "the Monaco race on Sunday", "a Fox host claimed"
    verb, after = text[start:end].lower(), text[end : end + 12]
    if verb == "close" and re.match(r"\s+to\b", after):
        return False
    if verb == "open" and _KEPT.search(before):
        return False
    # "residents face a bill", "workers race to find"; but "City face Leeds", "the teams face off"
    return verb not in ("face", "race") or re.match(r"\s+(?:off\b|[A-Z])", after) is not None


_SUBORDINATOR = re.compile(r"\b(?:when|whenever|if|unless|once|until|till|before|after|as\s+soon\s+as)\b", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who|that|where)\b", re.IGNORECASE)
"""A relative clause between a subordinator and its verb ("if the league, which has ..."): the verb is the clause's."""
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas)\b|;", re.IGNORECASE)
"""A coordinated or contrasted clause after an expression ("won on Saturday, and will go into Tuesday's game"): its
verbs are not the expression's."""
_COORDINATED_VERB = re.compile(r"\b(?:and|but)\s+(?:[a-z]+ly\s+)?\Z", re.IGNORECASE)
"""A verb coordinated right after an expression ("received the money in December and hopes to repay it"): when a
verb before the expression governs it, the coordinated one does not."""
_SUBORDINATE_AFTER = re.compile(
    r"\b(?:after|before|because|since|when|while|although|though|until|unless|once|as\s+soon\s+as)\b", re.IGNORECASE
)
"""A clause opened after an expression ("will finish on Wednesday after rain stopped play"): when a verb before the
expression governs it, the subordinate clause's verbs do not."""
_EXPECTATION = re.compile(r"expected|forecast|projected|predicted|anticipated", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:than|as)\s+(?:had\s+been\s+|was\s+|were\s+)?\Z", re.IGNORECASE)
"""A comparison before "expected"/"forecast" ("rose more than expected"): no plan, so no future cue."""
_STATE_VERB = re.compile(r"\b(?:remain|remains|stay|stays|become|becomes|get|gets|keep|keeps)\s+\Z", re.IGNORECASE)
"""A present or bare verb of state before a participle ("will remain closed"): the participle is not a past verb."""
_REPORTING = re.compile(
    rf"{alternation(REPORTED_PAST)}|predicted|promised|pledged|vowed|proposed|planned|scheduled|expected|granted|set",
    re.IGNORECASE,
)
"""Past verbs whose object may be a plan for later ("warned the vote in April could slip", "was granted a hearing on
March 30"): no evidence that the date has passed."""
_VERB_OBJECT_PHRASE = re.compile(
    r"\s+(?:a|an|the|its|their|his|her|our|for|up|down|off|out|back|\d[\d.,]*)(?:\s+[a-z][\w'-]*){0,2}"
    r"\s+(?:in|on)\s+(?:(?:early|late|mid)[\s-]+)?"
)
"""A past verb's short object before the date ("filed for bankruptcy in July", "reported a loss in August")."""
_SAME_AS_BASE = {
    "last", "hit", "set", "put", "cut", "let", "hurt", "cost", "shut", "quit", "spread", "cast", "bid", "read", "beat",
}  # fmt: skip
"""Past-tense cues that are also the base form: after "will", "to" or a modal ("will hit", "to cut") a verb to come."""
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|should|must|to|'ll|not)\s+\Z", re.IGNORECASE)
"""A modal or "to" before "last": the verb ("will last 48 hours"), not the adjective of "last week"."""
_VERB_TO_PHRASE = re.compile(
    r"\s+(?:[a-z]+ly\s+|[\d.,]+\s*(?:%|percent|pct)\s+)?(?:in|on)\s+(?:(?:early|late|mid)[\s-]+)?"
)
_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|had\s+been)\s+\Z", re.IGNORECASE)
_PRESENT_BE = re.compile(r"\b(?:is|are|am)\s+\Z", re.IGNORECASE)
SENTENCE_END = re.compile(
    r"(?<![ap]\.m)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!Mrs)(?<!Gen)(?<!Sen)(?<!Rep)(?<!Gov)(?<!Col)(?<!Lt)"
    r"(?<!Inc)(?<!Corp)(?<!Ltd)(?<!\bCo)(?<!Cos)(?<!\bJr)(?<!\bSr)(?<!Bros)"
    r"[.!?]\s+(?=[A-Z\"'(])|(?<=[ap]\.m\.)\s+(?=(?:On|In|At|By|The|A|An|He|She|It|They|We|I|But|And|After|When|"
    r"This|That|There|His|Her|Their|Its|Our)\s)|\n\s*\n"
)
"""A sentence break, not the period of "p.m." or of a title ("Gen. Smith"); after "a.m."/"p.m." only before a word
that opens a sentence ("lit at 3 a.m. On Thursday, ..."), not before a day or zone ("9 a.m. Saturday")."""


_WINDOW = 250
"""Characters looked at on either side of an expression: a long sentence's far end says little about its tense."""


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _WINDOW)
    # Read a little past ``start``: a break right before the expression needs the capital after it.
    for m in SENTENCE_END.finditer(text, left, min(len(text), start + 12)):
        if m.end() > start:
            break
        left = m.end()
    right_match = SENTENCE_END.search(text, end, min(len(text), end + _WINDOW))
    right = right_match.start() + 1 if right_match else min(len(text), end + _WINDOW)
    return left, right


class LexicalCues:
    """The lexical tense cues of a text, read per sentence on demand, so each expression's nearest cue is a quick
    lookup and sentences without temporal expressions cost nothing.

    Cues are future modals and "going to"/"plans to"/"is due", past-tense auxiliaries and verb forms, and present
    auxiliaries; the one nearest an expression in its sentence wins, cues after it counting 30 characters farther
    (auxiliaries before an expression govern it more often than words after it).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._windows: dict[tuple[int, int], list[tuple[int, int, Tense]]] = {}
        self._before_only: set[int] = set()  # "may", "should": a guess about what follows, not about what came before

    def _in(self, left: int, right: int) -> list[tuple[int, int, Tense]]:
        """The cues that start in ``text[left:right]`` (a sentence, or a window of one), found once per window: only
        sentences holding a temporal expression are ever read."""
        key = (left, right)
        if key not in self._windows:
            text, cues = self.text, []
            # Read on past ``right`` (a window may end inside a word) so that no cue is found in part of a word.
            for m in _CUE.finditer(text, left, min(len(text), right + 40)):
                if m.start() >= right:
                    break
                if (
                    m.group("future")
                    and _EXPECTATION.match(m.group(0))
                    and _COMPARED.search(text, max(0, m.start() - 16), m.start())
                ):
                    continue  # "rose more than expected", "as forecast": a comparison, not a plan
                if m.group("scheduled") and (
                    m.group(0)[0].isupper() or not _SUBJECT_BEFORE.search(text, max(0, m.start() - 30), m.start())
                ):
                    continue  # "the reports", "compliance reports", "two votes": nouns, not a scheduled present
                if m.group("scheduled_person") and (
                    m.group(0)[0].isupper() or not _PERSON_BEFORE.search(text, max(0, m.start() - 30), m.start())
                ):
                    continue  # "the fund returns", "tax returns", "the leaves": nouns; "he returns", "Smith leaves"
                if m.group("scheduled_plural") and (
                    m.group(0)[0].isupper() or not _plural_schedule(text, m.start(), m.end())
                ):
                    continue  # "a vote on Tuesday", "to meet", "did not meet": no plural subject before the verb
                if m.group("past") and (
                    m.group(0).lower() in _NOT_PAST
                    or (
                        m.group(0).lower().endswith("ed")
                        and _ADJECTIVE_SLOT.search(text, max(0, m.start() - 30), m.start())
                    )
                    or _PASSIVE_BE.search(text, max(0, m.start() - 32), m.start())
                    or _STATE_VERB.search(text, max(0, m.start() - 12), m.start())
                    or (
                        m.group(0).lower() in _SAME_AS_BASE
                        and _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
                    )
                ):
                    continue  # "need", "united"; "will be released", "to be signed", "will last": the words before
                kind: Tense = "future" if m.group("future") else ("past" if m.group("past") else "present")
                if m.group("modal"):
                    self._before_only.add(m.start())
                cues.append((m.start(), m.end(), kind))
            self._windows[key] = cues
        return self._windows[key]

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense of the sentence around ``text[start:end]``: its nearest cue's."""
        left, right = sentence_bounds(self.text, start, end)
        best: tuple[int, int, Tense] | None = None
        cues = self._in(left, right)
        governed = any(cue_end <= start for _, cue_end, _ in cues)  # a verb before the expression
        for cue_start, cue_end, kind in cues:
            if start <= cue_start < end or cue_end > right:
                continue
            if cue_start >= end and (
                cue_start in self._before_only
                or _CLAUSE_BREAK.search(self.text, end, cue_start)
                or (
                    governed
                    and (
                        _SUBORDINATE_AFTER.search(self.text, end, cue_start)
                        or _COORDINATED_VERB.search(self.text, end, cue_start)
                    )
                )
            ):
                continue
            distance = start - cue_end if cue_end <= start else cue_start - end + 30
            if best is None or distance < best[0]:
                best = (distance, cue_start, kind)
        if best is None:
            return None
        if best[2] == "present" and best[1] < start:
            # English puts no "will" after "when", "if", "until" ...: a present in such a clause after a future one is
            # future too ("the shop will close when the last loaf is sold on Thursday").
            clause = _SUBORDINATOR.search(self.text, left, best[1])
            if (
                clause
                and not _RELATIVE.search(self.text, clause.end(), best[1])
                and any(kind == "future" and c_end <= clause.start() for _, c_end, kind in cues)
            ):
                return "future"
        return best[2]

    def past_verb_right_before(self, start: int, after_auxiliary: bool = False) -> bool:
        """Whether a finite past verb stands right before the phrase at ``start`` ("rose sharply in", "was passed
        in", "fell 4 percent in", "died on"), not an -ed adjective ("an unspecified date in") or a present passive
        ("is heard in"). ``after_auxiliary``: only a past passive or pluperfect ("was killed on", "had left on"), as
        a bare participle may modify a noun ("shares held on")."""
        left, right = sentence_bounds(self.text, start, start)
        for cue_start, cue_end, kind in self._in(left, right):
            if cue_start < max(left, start - 40) or cue_start >= start:
                continue
            if (
                kind == "past"
                and cue_end <= start
                and (
                    _VERB_TO_PHRASE.fullmatch(self.text, cue_end, start)
                    or (
                        not after_auxiliary
                        and not _REPORTING.fullmatch(self.text, cue_start, cue_end)
                        and _VERB_OBJECT_PHRASE.fullmatch(self.text, cue_end, start)
                        and not any(cue_end <= c[0] < start for c in self._in(left, right))
                    )
                )
            ):
                before = max(left, cue_start - 12)
                if after_auxiliary:
                    return _PAST_AUXILIARY.search(self.text, before, cue_start) is not None
                return not _PRESENT_BE.search(self.text, max(left, cue_start - 6), cue_start)
        return False


_FUTURE_MODALS = {"will", "wo", "'ll", "shall"}
_PLAN_HEADS = {"plan", "schedule", "intend", "prepare"}
_FUTURE_HEADS = {"expect", "set", "due", "aim", "hope", "go"} | _PLAN_HEADS
_STATIVE_OR_REPORTING = {
    "be", "have", "do", "say", "tell", "report", "announce", "add", "note", "insist", "claim", "believe", "think",
    "know", "want", "need", "seem", "appear", "remain", "continue", "show", "mean", "include", "suggest", "indicate",
    "confirm", "deny", "argue", "accuse", "warn", "describe", "call", "write", "estimate", "acknowledge",
}  # fmt: skip
"""Present-tense verbs that state or report rather than schedule: "says Monday" is the last Monday."""


def _verb_tense(verb: Token) -> Tense | None:
    """Tense of a verb from its own tag and its auxiliaries ("will meet", "has met", "is expected to meet")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_MODALS for a in auxes):
        return "future"
    head = verb.head.lemma_.lower()
    if verb.dep_ == "xcomp" and head in _FUTURE_HEADS and (verb.head.tag_ != "VBD" or head in _PLAN_HEADS):
        return "future"  # "plans to meet", "is expected to vote", "planned to leave"
    if verb.lemma_.lower() in _PLAN_HEADS | {"expect"} and verb.tag_ in ("VBZ", "VBP"):
        return "future"  # "On Tuesday, the league plans to hold a news conference"
    if verb.lemma_.lower() in ("schedule", "set") and verb.tag_ == "VBN" and auxes:
        return "future"  # "has scheduled a hearing Thursday", "is set for Monday" (not "the record set on May 3")
    if (
        verb.lemma_.lower() in _FUTURE_HEADS | {"slate"}
        and verb.tag_ == "VBN"
        and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    ):
        return "future"  # "results are expected on Monday", "the vote is planned for Sunday"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"  # "met", "had met", "was held"
    if verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(a.lemma_ == "have" for a in auxes)):
        return "past"  # "has met", "the record set on Aug. 6"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "are meeting on Monday": a present progressive with a date is an arrangement
    finite_present = verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ == "VB" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
    )  # the small model tags some plural present forms VB ("the leaders meet Monday")
    if finite_present and not auxes and verb.lemma_.lower() not in _STATIVE_OR_REPORTING:
        return "future"  # "the two leaders meet Monday", "the truce expires Saturday": a scheduled event
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def tense_from_doc(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the verb governing a character span in a parsed ``Doc`` (``None`` if the parse says nothing).

    The span's syntactic head is followed up the tree to the first verb ("said on Monday" → "said"), whose tag and
    auxiliaries give the tense; a verb inside a relative or adverbial clause is as good a governor as the main one.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and not (span.start <= tok.i < span.end):
            return _verb_tense(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None
