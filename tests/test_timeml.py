"""TimeML values as calendar intervals."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timeml import interval

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-18", (D(2024, 3, 18), D(2024, 3, 18))),
        ("2024-03-18T14:00", (D(2024, 3, 18), D(2024, 3, 18))),
        ("2024-W13", (D(2024, 3, 25), D(2024, 3, 31))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2024-Q4", (D(2024, 10, 1), D(2024, 12, 31))),
        ("2024", (D(2024, 1, 1), D(2024, 12, 31))),
        ("P3D", None),
        ("PRESENT_REF", None),
        ("2024-02-30", None),
        (None, None),
    ],
)
def test_interval(value: str | None, expected: tuple[D, D] | None) -> None:
    assert interval(value) == expected
