"""The time stage: find temporal expressions and normalise them to TimeML values against the article date."""

from dateline.time.extract import find_timexes

__all__ = ["find_timexes"]
