"""The time stage: extraction extents, TimeML values, tense-dependent anchoring and robustness."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Timex
from dateline.time import find_timexes
from dateline.time.calendar import VALUE_RE, is_valid_value, nearest_year, weekday_near

DCT = dt.date(2024, 3, 20)  # a Wednesday in ISO week 12


def tag(text: str, dct: dt.date = DCT) -> list[tuple[str, str, str | None]]:
    """(text, type, value) of every expression found."""
    found = find_timexes(text, dct)
    for t in found:
        assert text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in found]


def one(text: str, dct: dt.date = DCT) -> Timex:
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # relative days
        ("The minister arrived yesterday.", ("yesterday", "DATE", "2024-03-19")),
        ("Talks open tomorrow.", ("tomorrow", "DATE", "2024-03-21")),
        ("The report was published today.", ("today", "DATE", "2024-03-20")),
        ("The fighting stopped two days ago.", ("two days ago", "DATE", "2024-03-18")),
        ("The strike began three weeks ago.", ("three weeks ago", "DATE", "2024-W09")),
        ("He resigned a year ago.", ("a year ago", "DATE", "2023")),
        ("Police said the attack happened last night.", ("last night", "TIME", "2024-03-19TNI")),
        ("The vote is expected tonight.", ("tonight", "TIME", "2024-03-20TNI")),
        ("The summit ended this morning.", ("this morning", "TIME", "2024-03-20TMO")),
        # weeks, months, years relative to the DCT
        ("The delegation returns next week.", ("next week", "DATE", "2024-W13")),
        ("Rebels seized the town last week.", ("last week", "DATE", "2024-W11")),
        ("Prices climbed this week.", ("this week", "DATE", "2024-W12")),
        ("Exports fell last month.", ("last month", "DATE", "2024-02")),
        ("Elections are due next year.", ("next year", "DATE", "2025")),
        ("The treaty was signed earlier this month.", ("earlier this month", "DATE", "2024-03")),
        ("The plant will reopen later this year.", ("later this year", "DATE", "2024")),
        ("Protests spread over the weekend.", ("the weekend", "DATE", "2024-W11-WE")),
        # tense-dependent weekdays
        ("Negotiations will resume on Monday.", ("Monday", "DATE", "2024-03-25")),
        ("The two leaders met on Monday.", ("Monday", "DATE", "2024-03-18")),
        ("The army withdrew last Monday.", ("last Monday", "DATE", "2024-03-18")),
        ("The army withdrew last Tuesday.", ("last Tuesday", "DATE", "2024-03-12")),  # not yesterday: a week before
        ("The council meets next Friday.", ("next Friday", "DATE", "2024-03-22")),
        ("The court upheld Thursday's ruling.", ("Thursday", "DATE", "2024-03-14")),
        ("Shelling resumed Saturday night.", ("Saturday night", "TIME", "2024-03-16TNI")),
        # calendar dates
        ("The ceasefire took effect on March 18.", ("March 18", "DATE", "2024-03-18")),
        ("The accord was signed on 4 July 2019.", ("4 July 2019", "DATE", "2019-07-04")),
        ("The filing is dated 2023-11-02.", ("2023-11-02", "DATE", "2023-11-02")),
        ("She was born on Jan. 5, 1961.", ("Jan. 5, 1961", "DATE", "1961-01-05")),
        ("Shops have been shut since October 7.", ("October 7", "DATE", "2023-10-07")),
        ("The forum is held on the first Monday of April.", ("the first Monday of April", "DATE", "2024-04-01")),
        ("Aid deliveries stopped last Christmas.", ("last Christmas", "DATE", "2023-12-25")),
        # months both directions
        ("Inflation eased in February.", ("February", "DATE", "2024-02")),
        ("The party was founded in November.", ("November", "DATE", "2023-11")),
        ("The vote will take place in October.", ("October", "DATE", "2024-10")),
        ("The offensive began in March 2022.", ("March 2022", "DATE", "2022-03")),
        # years, decades, centuries
        ("The dam was finished in 1987.", ("1987", "DATE", "1987")),
        ("The region boomed in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Unrest grew in the 2011 protests.", ("2011", "DATE", "2011")),
        ("Trade will recover in 1990.", ("1990", "DATE", "1990")),
        ("WASHINGTON, March 19 (Reuters) -- The envoy left.", ("March 19", "DATE", "2024-03-19")),
        ("The palace dates from the 18th century.", ("the 18th century", "DATE", "17")),
        ("Growth slowed in mid-2021.", ("mid-2021", "DATE", "2021")),
        # quarters, halves, fiscal years, seasons
        ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2023-Q3")),
        ("It posted a first-quarter loss.", ("first-quarter", "DATE", "2024-Q1")),
        ("Sales fell in Q4 2023.", ("Q4 2023", "DATE", "2023-Q4")),
        ("Output grew in the first half of 2023.", ("the first half of 2023", "DATE", "2023-H1")),
        ("Revenue doubled in fiscal 2023.", ("fiscal 2023", "DATE", "2023")),
        ("The budget covers fiscal year 2025.", ("fiscal year 2025", "DATE", "2025")),
        ("The bridge collapsed last summer.", ("last summer", "DATE", "2023-SU")),
        ("Construction starts this autumn.", ("this autumn", "DATE", "2024-FA")),
        ("The mission ends in the spring of 2026.", ("the spring of 2026", "DATE", "2026-SP")),
        # references
        ("The border is now closed.", ("now", "DATE", "PRESENT_REF")),
        ("Ten people were recently detained.", ("recently", "DATE", "PAST_REF")),
        ("Nobody can predict the future.", ("the future", "DATE", "FUTURE_REF")),
        ("The minister is currently abroad.", ("currently", "DATE", "PRESENT_REF")),
        # durations
        ("The siege lasted three months.", ("three months", "DURATION", "P3M")),
        ("Casualties rose over the past three weeks.", ("the past three weeks", "DURATION", "P3W")),
        ("The talks lasted about 90 minutes.", ("about 90 minutes", "DURATION", "PT90M")),
        ("He served a two-year term.", ("two-year", "DURATION", "P2Y")),
        ("The 72-hour truce held.", ("72-hour", "DURATION", "PT72H")),
        ("They waited for two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
        ("The flight took an hour and a half.", ("an hour and a half", "DURATION", "PT1H30M")),
        ("The ban lasted a decade.", ("a decade", "DURATION", "P10Y")),
        ("Ties have frayed in recent years.", ("recent years", "DURATION", "PXY")),
        ("Aid will arrive in the next few days.", ("the next few days", "DURATION", "PXD")),
        # sets
        ("Inspectors visit every week.", ("every week", "SET", "P1W")),
        ("The paper is printed daily.", ("daily", "SET", "P1D")),
        ("The board meets twice a month.", ("twice a month", "SET", "P1M")),
        ("Markets close early each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4")),
        ("Rallies are held on Fridays.", ("Fridays", "SET", "XXXX-WXX-5")),
    ],
)
def test_single_expression(sentence: str, expected: tuple[str, str, str]) -> None:
    assert tag(sentence) == [expected]


def test_times_with_zones() -> None:
    assert tag("The polls close at 8 p.m. GMT.") == [("8 p.m. GMT", "TIME", "2024-03-20T20:00")]
    assert tag("Trading halted at 10:30 a.m. EST Tuesday.") == [("10:30 a.m. EST Tuesday", "TIME", "2024-03-19T10:30")]
    assert tag("The deadline is noon Friday, and the rally starts at 9 a.m.", DCT)[0] == (
        "noon Friday",
        "TIME",
        "2024-03-22T12:00",  # what a deadline "is" lies ahead
    )
    assert tag("The deadline was noon Friday.", DCT)[0] == ("noon Friday", "TIME", "2024-03-15T12:00")
    assert tag("Counting ended at 11 p.m. ET on Tuesday.") == [("11 p.m. ET on Tuesday", "TIME", "2024-03-19T23:00")]
    assert tag("The convoy crossed at 0530 GMT.") == [("0530 GMT", "TIME", "2024-03-20T05:30")]
    assert tag("He scored 1400 points.") == []


def test_range_gives_two_dates() -> None:
    assert tag("Voting runs between March 4 and 8.") == [
        ("March 4", "DATE", "2024-03-04"),
        ("8", "DATE", "2024-03-08"),
    ]
    assert tag("The fair is open May 10-12, 2025.") == [
        ("May 10", "DATE", "2025-05-10"),
        ("12, 2025", "DATE", "2025-05-12"),
    ]


def test_event_anchored_expressions_are_unresolved() -> None:
    for text, span in [
        ("Prices have tripled since the onset of the conflict.", "since the onset of the conflict"),
        ("Aid trucks entered Gaza after the ceasefire.", "after the ceasefire"),
    ]:
        t = one(text)
        assert (t.text, t.anchor, t.value, t.granularity) == (span, "event", None, "none")


def test_anchor_and_granularity() -> None:
    found = {t.text: t for t in find_timexes("On March 18, 2023 and again last week and for three days.", DCT)}
    assert found["March 18, 2023"].anchor == "absolute"
    assert found["March 18, 2023"].granularity == "day"
    assert found["last week"].anchor == "document"
    assert found["last week"].granularity == "week"
    assert found["three days"].granularity == "day"


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet the envoy.",
        "Thousands march on the capital.",
        "The army sent 2000 troops and 1,990 tanks.",
        "Jan Kavan spoke to reporters.",
        "Its current account deficit widened.",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert tag(text) == []


def test_dct_boundaries() -> None:
    # Near the new year the nearest December is the previous one.
    assert tag("The deal closed on Dec. 28.", dt.date(2024, 1, 3)) == [("Dec. 28", "DATE", "2023-12-28")]
    assert tag("Talks resume in January.", dt.date(2023, 12, 15)) == [("January", "DATE", "2024-01")]
    # ISO week years differ from calendar years around 1 January.
    assert tag("The law passed last week.", dt.date(2021, 1, 6)) == [("last week", "DATE", "2020-W53")]


def test_financial_discourse_quarter() -> None:
    text = "Net income rose in the third quarter to $5 million from $3 million a year earlier."
    assert tag(text, dt.date(1989, 10, 26)) == [
        ("the third quarter", "DATE", "1989-Q3"),
        ("a year earlier", "DATE", "1988-Q3"),
    ]


def test_narrative_expressions_follow_the_last_date() -> None:
    text = "He was promoted on May 22, 1995. The next day he left, and the following year he became attaché."
    assert [(t.text, t.value) for t in find_timexes(text, DCT)] == [
        ("May 22, 1995", "1995-05-22"),
        ("The next day", "1995-05-23"),
        ("the following year", "1996"),
    ]
    # With no date mentioned before, the DCT is the reference.
    assert tag("The previous day was calm.") == [("The previous day", "DATE", "2024-03-19")]


def test_uses_doc_for_tense(backbone) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy will travel to Cairo on Friday."
    doc = backbone(text)
    assert [t.value for t in find_timexes(text, DCT, doc)] == ["2024-03-22"]
    # A Doc of another text is ignored rather than trusted.
    assert [t.value for t in find_timexes(text, DCT, backbone("Something else."))] == ["2024-03-22"]


def test_calendar_helpers() -> None:
    assert weekday_near(DCT, 3, -1) == DCT
    assert weekday_near(DCT, 3, -2) == dt.date(2024, 3, 13)
    assert weekday_near(DCT, 1, 1) == dt.date(2024, 3, 25)
    assert nearest_year(DCT, 10, 1, None) == 2023
    assert nearest_year(DCT, 10, 1, "future") == 2024
    assert nearest_year(DCT, 9, 1, None) == 2024
    for value in ["2024-03-18", "2024-W13", "2024-Q1", "2024-SU", "2024-03-18TMO", "P3D", "PT2H", "XXXX-03-18", "199"]:
        assert is_valid_value(value), value
    for value in ["2024-13", "P", "PT", "yesterday", "2024-W1X"]:
        assert not is_valid_value(value), value


WORDS = [
    "last", "next", "this", "the", "past", "week", "weeks", "March", "May", "may", "18", "2024", "1990s", "ago",
    "Monday", "Friday's", "night", "morning", "at", "9", "a.m.", "EST", "quarter", "third", "fiscal", "every",
    "daily", "year", "years", "two", "a", "half", "and", "since", "after", "the ceasefire", "now", "-", ",", "'",
    "between", "4", "8", "Q3", "mid-", "century", "21st", "summer", "fall", "Christmas", "twice", "per", "day",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_never_raises_on_arbitrary_text(text: str, dct: dt.date) -> None:
    for t in find_timexes(text, dct):
        assert text[t.start : t.end] == t.text
        assert t.value is None or VALUE_RE.fullmatch(t.value)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
def test_values_valid_on_temporal_word_salad(text: str, dct: dt.date) -> None:
    found = find_timexes(text, dct)
    spans = [(t.start, t.end) for t in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.value is None or VALUE_RE.fullmatch(t.value), t
        assert (t.value is None) == (t.anchor == "event")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The law was meant to hold until the year two thousand.", ("the year two thousand", "DATE", "2000")),
        ("Prices fell in February nineteen ninety-eight.", ("February nineteen ninety-eight", "DATE", "1998-02")),
        ("Crops failed in the summer of nineteen eighty.", ("the summer of nineteen eighty", "DATE", "1980-SU")),
        ("The plan runs by two thousand and five.", ("two thousand and five", "DATE", "2005")),
    ],
)
def test_spoken_years(sentence: str, expected: tuple[str, str, str]) -> None:
    assert tag(sentence, dt.date(1998, 6, 1)) == [expected]


def test_spoken_count_is_not_a_year() -> None:
    assert tag("Some two thousand marchers gathered.") == []


def test_next_to_is_not_future() -> None:
    # "next to" is a place, not a cue for the coming Friday: the blast happened on the last one.
    assert one("A truck exploded next to the ministry on Friday.").value == "2024-03-15"


def test_deadline_until_weekday_is_ahead() -> None:
    assert one("The agency has given the owners until Friday to reply.").value == "2024-03-22"


def test_so_far_this_year_is_the_year() -> None:
    found = tag("Sales have risen 4% this year through August.")
    assert ("this year", "DATE", "2024") in found


def test_governing_verb_from_doc(backbone) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "The ministers will meet again on Friday in Geneva.": "2024-03-22",
        "The ministers met in Geneva on Friday.": "2024-03-15",
        "The ministers plan to meet on Friday.": "2024-03-22",
        "The ministers are meeting on Friday.": "2024-03-22",
    }
    for text, value in cases.items():
        found = find_timexes(text, DCT, backbone(text))
        assert [t.value for t in found] == [value], text


def test_end_of_the_year_is_the_year_and_year_end_the_closing_day() -> None:
    dct = dt.date(2023, 6, 14)
    assert tag("The plant should be sold by the end of the year.", dct) == [("the end of the year", "DATE", "2023")]
    assert tag("Stocks are thin and may run out by year's end.", dct) == [("year's end", "DATE", "2023")]
    assert tag("The bank must close the deal by year-end.", dct) == [("year-end", "DATE", "2023-12-31")]


def test_earnings_period_a_year_before_follows_the_quarter() -> None:
    text = (
        "Net fell in the second quarter to $4 million from $7 million in the quarter a year ago. "
        "Sales in the 2022 quarter were higher, and costs were below the same period last year."
    )
    assert tag(text, dt.date(2023, 8, 2)) == [
        ("the second quarter", "DATE", "2023-Q2"),
        ("the quarter a year ago", "DATE", "2022-Q2"),
        ("the 2022 quarter", "DATE", "2022-Q2"),
        ("the same period last year", "DATE", "2022-Q2"),
    ]
    # Derived quarters do not become the quarter under discussion: both "year-ago" phrases mean 2022-Q2.
    text = "Profit rose in the second quarter from the year-ago quarter; margins beat year-earlier levels."
    assert [t.value for t in find_timexes(text, dt.date(2023, 8, 2))] == ["2023-Q2", "2022-Q2", "2022-Q2"]


def test_previous_weekday_and_part_of_day_follow_the_narrated_day() -> None:
    assert tag("Shares slid on Friday, 3% below the previous Friday.") == [
        ("Friday", "DATE", "2024-03-15"),
        ("the previous Friday", "DATE", "2024-03-08"),
    ]
    assert tag("The ferry sank on March 2. Divers arrived in the morning and left that night.") == [
        ("March 2", "DATE", "2024-03-02"),
        ("the morning", "TIME", "2024-03-02TMO"),
        ("that night", "TIME", "2024-03-02TNI"),
    ]
    # With no day narrated, the article's own date.
    assert tag("Traders were nervous in the morning.") == [("the morning", "TIME", "2024-03-20TMO")]


def test_deferred_until_weekday_is_ahead_even_in_past_tense() -> None:
    assert one("The judge adjourned the trial until Monday.").value == "2024-03-25"
    assert one("The guests stayed until Monday.").value == "2024-03-18"


def test_past_perfect_plan_is_past() -> None:
    # The plan was overtaken: the Friday in question has gone by.
    assert one("The bid had been scheduled to lapse at noon Friday.").value == "2024-03-15T12:00"


def test_reported_quarter_is_the_first_one_named() -> None:
    text = (
        "The chain earned $9 million in the third quarter, up from $6 million a year ago, after a weak second quarter. "
        "Sales in the latest quarter rose 4% from the year-earlier period."
    )
    assert [t.value for t in find_timexes(text, dt.date(2023, 10, 25))] == [
        "2023-Q3",
        "2022-Q3",
        "2023-Q2",
        "2023-Q3",
        "2022-Q3",
    ]


def test_bare_clock_time_belongs_to_the_narrated_day() -> None:
    text = "The tanker ran aground on March 9. The crew left the ship at 4 p.m. and waited."
    assert tag(text) == [("March 9", "DATE", "2024-03-09"), ("4 p.m.", "TIME", "2024-03-09T16:00")]
    assert tag("The polls close at 8 p.m.") == [("8 p.m.", "TIME", "2024-03-20T20:00")]


def test_since_puts_a_date_in_the_past() -> None:
    dct = dt.date(2024, 5, 6)
    assert tag("Police have hunted him since the Oct. 23 ambush.", dct) == [("Oct. 23", "DATE", "2023-10-23")]
    assert tag("Fuel prices have doubled since October.", dct) == [("October", "DATE", "2023-10")]
    assert tag("The talks resume in October.", dct) == [("October", "DATE", "2024-10")]


def test_holiday_week_is_the_week_of_the_holiday() -> None:
    # Easter 2025 fell on Sunday 20 April, the last day of ISO week 16.
    assert tag("Crowds filled the square as Easter week began.", dt.date(2025, 4, 14)) == [
        ("Easter week", "DATE", "2025-W16")
    ]


def test_scheduled_present_tense_points_ahead_with_doc(backbone) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "The two envoys meet separately Tuesday with the mediator.": "2024-03-26",
        "The ceasefire expires Saturday.": "2024-03-23",
        "The ministry says Tuesday that the convoy arrived.": "2024-03-19",
    }
    for text, value in cases.items():
        assert [t.value for t in find_timexes(text, DCT, backbone(text))] == [value], text


def test_a_historical_quarter_is_not_the_reported_one() -> None:
    text = (
        "The utility last paid a dividend in the third quarter of 2009. It reported third-quarter profit of "
        "$40 million, up from $31 million a year ago."
    )
    values = {t[0]: t[2] for t in tag(text, dt.date(2024, 10, 25))}
    assert values["a year ago"] == "2023-Q3"


@pytest.mark.parametrize(
    "sentence",
    [
        "Crews logged 2200 hours of flight time.",
        "The minister spoke to the financial daily Handelsblatt.",
        "It was a step into the long term bond market.",
        "Panel: Rethinking the Future of Regional Security",
        "Sales rose in May\nLast year the unit lost money.",
    ],
)
def test_wire_report_non_expressions(sentence: str) -> None:
    found = tag(sentence)
    wrong = [
        t
        for t in found
        if t[1] == "TIME" or t[0].lower() in ("daily", "the long term", "the future") or t[0].startswith("May ")
    ]
    assert not wrong, found


def test_listed_months_run_forward() -> None:
    dct = dt.date(2024, 3, 20)
    # The verb puts May in the past; the comma list carries June and July along with it.
    assert [t[2] for t in tag("Exports rose in May, June and July.", dct)] == ["2023-05", "2023-06", "2023-07"]
    values = [t[2] for t in tag("Shipments are due in June, July, August and September, the traders said.", dct)]
    assert values == ["2024-06", "2024-07", "2024-08", "2024-09"]
    values = [t[2] for t in tag("The monsoon usually begins in June and lasts until October.", dct)]
    assert values == ["2024-06", "2024-10"]
    assert [t[2] for t in tag("Orders in February, compared with December, fell.", dct)] == ["2024-02", "2023-12"]


def test_weekday_in_a_title_is_not_a_date() -> None:
    assert tag("The poll appeared in the Sunday Times.") == []
    assert tag("The accord will be signed on Thursday, the envoy said.", dt.date(2024, 3, 18)) == [
        ("Thursday", "DATE", "2024-03-21")
    ]


def test_month_modifying_a_noun_ignores_the_clause_tense() -> None:
    dct = dt.date(2024, 3, 20)
    assert ("January", "DATE", "2024-01") in tag("The January export figures will be revised next week.", dct)
    # Six months either way: the one gone by.
    assert ("September", "DATE", "2023-09") in tag("The bank cited its September devaluation.", dct)


def test_a_possessive_is_not_a_present_tense_cue() -> None:
    found = tag("Acme Corp's board Monday will weigh the offer.", dt.date(2024, 3, 22))
    assert found == [("Monday", "DATE", "2024-03-25")]


@pytest.mark.parametrize(
    "sentence", ["Shoppers crowded the Christmas market.", "May is expected to resign.", "This Week With George airs."]
)
def test_not_dates(sentence: str) -> None:
    assert tag(sentence) == []


def test_parsed_bare_present_defers_to_a_future_cue(backbone) -> None:  # type: ignore[no-untyped-def]
    for text, value in [
        ("The verdict is due on Friday.", "2024-03-22"),
        ("The election is due in December.", "2024-12"),
        ("The minister is in Cairo on Friday, aides said.", "2024-03-15"),
    ]:
        assert [t.value for t in find_timexes(text, DCT, backbone(text))] == [value], text


def test_last_month_name_across_the_year_boundary() -> None:
    assert tag("Sales were down last December.", dt.date(2024, 1, 15)) == [("last December", "DATE", "2023-12")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the last half hour" and "the last two quarters" are spans back from now, not halves of a year
        ("Shares slid in the last half hour of trading.", []),
        ("Sales have fallen in the last two quarters.", [("the last two quarters", "DURATION", "P6M")]),
        # "to one day" is a length, not some day to come
        ("They cut the waiting time to one day.", [("one day", "DURATION", "P1D")]),
        # hours of use are an amount
        ("The pump failed after 1200 hours of use.", [("1200 hours", "DURATION", "PT1200H")]),
        # "west" is a direction, not a time zone
        ("The blast hit at 10 a.m. west of the city.", [("10 a.m.", "TIME", "2024-03-20T10:00")]),
        # an adverb before a weekday is still a frequency
        ("Buses run daily.", [("daily", "SET", "P1D")]),
        ("In the long term the economy will recover.", [("the long term", "DATE", "FUTURE_REF")]),
        # clock ranges are no years; a bare "9/11" is no anniversary of the attacks
        ("Traffic stopped at 1500-1530 GMT.", [("1530 GMT", "TIME", "2024-03-20T15:30")]),
        ("The hearing is set for 9/11.", []),
    ],
)
def test_rules_do_not_overreach(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tag(sentence) == expected


def test_daily_before_a_weekday_range_is_a_frequency() -> None:
    assert ("daily", "SET", "P1D") in tag("Buses run daily, Monday to Friday.")


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        ("The vote was held on 11.07.2021.", dt.date(2021, 8, 1), [("11.07.2021", "DATE", "2021-07-11")]),
        ("Profit rose in the December quarter.", dt.date(2022, 1, 9), [("the December quarter", "DATE", "2021-Q4")]),
        ("Margins fell to 5% in Q3.", dt.date(2023, 2, 17), [("Q3", "DATE", "2022-Q3")]),
        (
            "Sales fell from the same week a year ago.",
            dt.date(2020, 11, 12),
            [("the same week a year ago", "DATE", "2019-W46")],
        ),
        ("Stores opened early for Black Friday.", dt.date(2017, 11, 21), [("Black Friday", "DATE", "2017-11-24")]),
        ("The IPO is priced for Thursday.", dt.date(2025, 7, 14), [("Thursday", "DATE", "2025-07-17")]),
        ("Plaintiffs sued under Section 1983.", dt.date(2025, 7, 14), []),
        ("Protesters gathered at 1600 Pennsylvania Avenue.", dt.date(2025, 7, 14), []),
    ],
)
def test_finance_wire_and_numbered_things(sentence: str, dct: dt.date, expected: list[tuple[str, str, str]]) -> None:
    assert tag(sentence, dct) == expected


def test_hijri_day_in_and_out_of_range() -> None:
    from dateline.time import calendar as cal

    assert cal.hijri_day(2023, 10, 1) == dt.date(2023, 4, 21)  # Eid al-Fitr 1444
    assert cal.hijri_day(2000, 10, 1) == dt.date(2000, 1, 8)  # the first of the year's two
    assert cal.hijri_day(1900, 10, 1) is None  # before the tables
