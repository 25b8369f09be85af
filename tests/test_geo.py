"""Great-circle helpers: the radius pre-filter box never loses a point the exact distance keeps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.geo import bounding_box, haversine_km, lon_ranges

lats = st.floats(min_value=-89.9, max_value=89.9)
lons = st.floats(min_value=-180.0, max_value=180.0)
radii = st.floats(min_value=0.0, max_value=20000.0)


def _in_box(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    min_lat, max_lat, min_lon, max_lon = box
    return min_lat <= lat <= max_lat and any(low <= lon <= high for low, high in lon_ranges(min_lon, max_lon))


@given(lats, lons, radii, st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=360.0))
def test_box_holds_every_point_of_the_circle(lat: float, lon: float, radius: float, frac: float, turn: float) -> None:
    """A point ``frac × radius`` away at bearing ``turn`` (degrees) lies inside the box."""
    angle, theta = frac * radius / 6371.0088, math.radians(turn)
    phi1, lam1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi1) * math.cos(angle) + math.cos(phi1) * math.sin(angle) * math.cos(theta))
    lam2 = lam1 + math.atan2(
        math.sin(theta) * math.sin(angle) * math.cos(phi1), math.cos(angle) - math.sin(phi1) * math.sin(phi2)
    )
    plat, plon = math.degrees(phi2), (math.degrees(lam2) + 180.0) % 360.0 - 180.0
    if haversine_km(lat, lon, plat, plon) <= radius:
        assert _in_box(bounding_box(lat, lon, radius), plat, plon)


def test_box_is_wider_than_the_flat_approximation_at_high_latitude() -> None:
    """1,100 km around 70°N reaches 30.1° of longitude; radius / cos(lat) would stop at 28.9°."""
    _, _, min_lon, max_lon = bounding_box(70.0, 0.0, 1100.0)
    assert max_lon > 30.1 and min_lon < -30.1
    assert haversine_km(70.0, 0.0, 72.6, 30.1) <= 1100.0  # the widest point lies poleward


@pytest.mark.parametrize(
    ("lat", "lon", "radius", "ranges"),
    [
        (0.0, 179.0, 300.0, 2),  # crosses the antimeridian eastwards
        (0.0, -179.0, 300.0, 2),  # and westwards
        (0.0, 0.0, 300.0, 1),
        (89.0, 10.0, 200.0, 1),  # reaches the pole: every longitude
    ],
)
def test_lon_ranges_split_at_the_antimeridian(lat: float, lon: float, radius: float, ranges: int) -> None:
    spans = lon_ranges(*bounding_box(lat, lon, radius)[2:])
    assert len(spans) == ranges and all(-180.0 <= low <= high <= 180.0 for low, high in spans)
    if lat == 89.0:
        assert spans == [(-180.0, 180.0)]
